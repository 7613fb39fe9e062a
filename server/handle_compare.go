package server

import (
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
	st := s.current()
	m := st.site.Model
	qa, qb := splitScenarios(c.QueryParams())
	answersA, errsA := m.Parse(qa)
	answersB, errsB := m.Parse(qb)
	path := m.ComparePermalink(answersA, answersB)
	fragment := isFragmentRequest(c)
	build := func() (reply, error) {
		a, err := s.advise(c, st, answersA, nil)
		if err != nil {
			return reply{}, err
		}
		b, err := s.advise(c, st, answersB, nil)
		if err != nil {
			return reply{}, err
		}
		p := components.CompareProps{A: a, B: b, Path: path}
		p.Errors = map[string]string{}
		for prefix, errs := range map[string][]*advisor.FieldError{"a.": errsA, "b.": errsB} {
			for _, e := range errs {
				p.Errors[prefix+e.Field] = e.Msg
			}
		}
		p.Changes = m.Compare(answersA, answersB)
		p.Permalink = s.baseURL(c) + p.Path
		var r reply
		if fragment {
			r, err = htmlReply(c, components.CompareFragment(p))
			r.replaceURL = p.Path
		} else {
			layout := s.layout(c, st, "Scenarios: compare two sets of answers", "Two sets of answers side by side: both recommendations, what changed and which answers caused it.", p.Path)
			r, err = htmlReply(c, components.ComparePage(components.CompareLayoutProps{Layout: layout, Compare: p}))
		}
		r.vary = varyHTMX
		return r, err
	}
	if len(errsA)+len(errsB) > 0 {
		return s.uncached(c, costScenarios, build)
	}
	variant := "compare "
	if fragment {
		variant = "compare-fragment "
	}
	return s.cachedAnswer(c, st, s.cacheKey(c, variant+path), costScenarios, build)
}
