package server

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"serverorless/components"
	"serverorless/web/advisor"
)

// splitScenarios reads two sets of answers from one query: keys prefixed
// "a." and "b.". Unprefixed keys (a permalink of the advisor) go to both,
// so that "compare with another scenario" starts from the answers at hand.
func splitScenarios(q url.Values) (a, b url.Values) {
	a, b = url.Values{}, url.Values{}
	for key, values := range q {
		switch {
		case strings.HasPrefix(key, "a."):
			a[strings.TrimPrefix(key, "a.")] = values
		case strings.HasPrefix(key, "b."):
			b[strings.TrimPrefix(key, "b.")] = values
		}
	}
	for key, values := range q {
		if !strings.Contains(key, ".") {
			if _, ok := a[key]; !ok {
				a[key] = values
			}
			if _, ok := b[key]; !ok {
				b[key] = values
			}
		}
	}
	return a, b
}

// handleCompare handles the "GET /compare" route: two scenarios side by
// side, what changed between them and which answers caused it. It works as a
// plain form; htmx requests get only the comparison.
func (s *Server) handleCompare(c echo.Context) error {
	c.Response().Header().Add("Vary", "HX-Request")
	m := s.siteFor(c).Model
	qa, qb := splitScenarios(c.QueryParams())
	answersA, errsA := m.Parse(qa)
	answersB, errsB := m.Parse(qb)
	p := components.CompareProps{
		A:    s.advise(c, answersA, nil),
		B:    s.advise(c, answersB, nil),
		Path: m.ComparePermalink(answersA, answersB),
	}
	p.Errors = map[string]string{}
	for prefix, errs := range map[string][]*advisor.FieldError{"a.": errsA, "b.": errsB} {
		for _, e := range errs {
			p.Errors[prefix+e.Field] = e.Msg
		}
	}
	p.Changes = m.Compare(answersA, answersB)
	p.Permalink = s.baseURL(c) + p.Path
	if isFragmentRequest(c) {
		c.Response().Header().Set("HX-Replace-Url", p.Path)
		return s.render(c, http.StatusOK, components.CompareResult(p))
	}
	layout := s.layout(c, "Scenarios: compare two sets of answers", "Two sets of answers side by side: both recommendations, what changed and which answers caused it.", p.Path)
	return s.render(c, http.StatusOK, components.ComparePage(components.CompareLayoutProps{Layout: layout, Compare: p}))
}
