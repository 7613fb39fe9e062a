package server

import (
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"serverorless/components"
	"serverorless/components/export"
	"serverorless/web/advisor"
)

// advise runs the advisor on parsed answers; errs are the answers that
// were rejected, to be named next to their fields.
func (s *Server) advise(c echo.Context, answers advisor.Answers, errs []*advisor.FieldError) components.AdvisorProps {
	m := s.siteFor(c).Model
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
			p.Raw[e.Field] = c.QueryParam(e.Field)
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
// result as a full page, or only the result for htmx requests. Answers with
// errors are rendered each time (the page echoes what the reader typed);
// valid answers are rendered once per canonical permalink.
func (s *Server) handleRecommend(c echo.Context) error {
	c.Response().Header().Add("Vary", "HX-Request")
	m := s.siteFor(c).Model
	answers, errs := m.Parse(c.QueryParams())
	variant := "page"
	if isFragmentRequest(c) {
		variant = "fragment"
		if c.Request().Header.Get("HX-Target") == "mini-result" {
			variant = "mini"
		}
	}
	build := func() (page, error) {
		p := s.advise(c, answers, errs)
		pg := page{verdict: p.Result.Verdict}
		switch variant {
		case "mini":
			pg.comp = components.MiniResult(p)
		case "fragment":
			// The address bar follows the answers: it always holds the
			// canonical permalink of the result on screen. Replacing it
			// keeps one history entry per visit, so Back leaves the advisor.
			pg.comp, pg.replaceURL = components.ResultFragment(p), p.Path
		default:
			layout := s.layout(c, components.RecommendTitle(p), components.PreviewDescription(p), p.Path)
			layout.Image = s.baseURL(c) + strings.Replace(p.Path, "/recommend", "/recommend/card.png", 1)
			pg.comp = components.RecommendPage(components.RecommendProps{Layout: layout, Advisor: p})
		}
		return pg, nil
	}
	// A submitted form (without JavaScript) lists every answer in the order
	// of the form; send the reader to the canonical permalink, so that the
	// address they copy is the short, stable one.
	if permalink := m.Permalink(answers); len(errs) == 0 && variant == "page" && c.Request().RequestURI != permalink {
		return c.Redirect(http.StatusSeeOther, permalink)
	}
	if len(errs) > 0 {
		pg, _ := build()
		s.metrics.observeRecommendation(pg.verdict)
		if pg.replaceURL != "" {
			c.Response().Header().Set("HX-Replace-Url", pg.replaceURL)
		}
		return s.render(c, http.StatusOK, pg.comp)
	}
	return s.serve(c, variant+" "+m.Permalink(answers), build)
}

// validAnswers reads the answers of a request that cannot show errors next
// to fields (an image, a download): a bad answer is a 400 naming it.
func validAnswers(c echo.Context, m *advisor.Model) (advisor.Answers, error) {
	answers, errs := m.Parse(c.QueryParams())
	if len(errs) > 0 {
		return nil, echo.NewHTTPError(http.StatusBadRequest, errs[0].Error())
	}
	return answers, nil
}

// handleCard handles the "GET /recommend/card.png" route: the link preview
// of a recommendation, 1200x630, the same bytes for the same answers.
func (s *Server) handleCard(c echo.Context) error {
	m := s.siteFor(c).Model
	answers, err := validAnswers(c, m)
	if err != nil {
		return err
	}
	return s.serve(c, "card "+m.Permalink(answers), func() (page, error) {
		png, err := export.Card(s.exportInput(c, answers))
		return page{data: png, contentType: "image/png"}, err
	})
}

// exportInput is what the exports of a recommendation need.
func (s *Server) exportInput(c echo.Context, answers advisor.Answers) export.Input {
	p := s.advise(c, answers, nil)
	return export.Input{Model: p.Model, Result: p.Result, Permalink: p.Permalink, SiteName: components.SiteName, Date: time.Now()}
}

// handleADR handles the "GET /recommend/adr.md" route: the recommendation
// as an Architecture Decision Record to download.
func (s *Server) handleADR(c echo.Context) error {
	answers, err := validAnswers(c, s.siteFor(c).Model)
	if err != nil {
		return err
	}
	in := s.exportInput(c, answers)
	adr, err := export.ADR(in)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Content-Disposition", `attachment; filename="adr-`+in.Result.Verdict+`.md"`)
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.Blob(http.StatusOK, "text/markdown; charset=utf-8", []byte(adr))
}
