package server

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"serverorless/components"
)

// advise parses the answers in the query and runs the advisor on them.
// Bad answers fall back to their defaults and are reported per field.
func (s *Server) advise(c echo.Context, query url.Values) components.AdvisorProps {
	m := s.siteFor(c).Model
	answers, errs := m.Parse(query)
	p := components.AdvisorProps{
		Model:   m,
		Answers: answers,
		Result:  m.Recommend(answers),
		Path:    m.Permalink(answers),
	}
	p.Permalink = s.baseURL(c) + p.Path
	if len(errs) > 0 {
		p.Errors, p.Raw = map[string]string{}, map[string]string{}
		for _, e := range errs {
			p.Errors[e.Field] = e.Msg
			p.Raw[e.Field] = query.Get(e.Field)
		}
	}
	return p
}

// isFragmentRequest reports whether an htmx request wants only a fragment.
// A history-restore request, sent when the browser's history cache misses,
// needs the whole page.
func isFragmentRequest(c echo.Context) bool {
	h := c.Request().Header
	return h.Get("HX-Request") == "true" && h.Get("HX-History-Restore-Request") != "true"
}

// handleRecommend handles the "GET /recommend" route: the advisor's form and
// result as a full page, or only the result for htmx requests.
func (s *Server) handleRecommend(c echo.Context) error {
	p := s.advise(c, c.QueryParams())
	c.Response().Header().Add("Vary", "HX-Request")
	if isFragmentRequest(c) {
		if c.Request().Header.Get("HX-Target") == "mini-result" {
			return s.render(c, http.StatusOK, components.MiniResult(p))
		}
		// The address bar follows the answers: it always holds the
		// canonical permalink of the result on screen.
		c.Response().Header().Set("HX-Push-Url", p.Path)
		return s.render(c, http.StatusOK, components.ResultFragment(p))
	}
	info := p.Model.VerdictInfo(p.Result.Verdict)
	layout := s.layout(c, "Get a recommendation: "+info.Label,
		"The advisor's recommendation for these answers: "+info.Label+". "+info.Summary, p.Path)
	return s.render(c, http.StatusOK, components.RecommendPage(components.RecommendProps{Layout: layout, Advisor: p}))
}
