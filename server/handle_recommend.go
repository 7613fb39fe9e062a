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
func (s *Server) advise(c echo.Context, st *siteState, answers advisor.Answers, errs []*advisor.FieldError) (components.AdvisorProps, error) {
	r, err := s.report(c, st, answers)
	if err != nil {
		return components.AdvisorProps{}, err
	}
	return components.NewAdvisorProps(st.site.Model, answers, r, errs, c.QueryParams(), s.baseURL(c)), nil
}

// isFragmentRequest reports whether an htmx request wants only a fragment.
// A history-restore request, sent when the browser's history cache misses,
// needs the whole page.
func isFragmentRequest(c echo.Context) bool {
	h := c.Request().Header
	return h.Get("HX-Request") == "true" && h.Get("HX-History-Restore-Request") != "true"
}

// keptAsIs returns the response kept for variant of the answers in the
// request's query, if the query is already the canonical one (as every
// link the site makes is), without parsing it: a canonical query parses to
// the answers whose response was kept under it. Otherwise it returns nil.
func (s *Server) keptAsIs(c echo.Context, st *siteState, variant string) *preparedResponse {
	if s.cfg.Dev {
		return nil
	}
	r := c.Request()
	path := "/recommend"
	if r.URL.RawQuery != "" {
		path += "?" + r.URL.RawQuery
	}
	if variant == "page" && r.RequestURI != path {
		return nil // the reader is sent to the canonical address first
	}
	e := st.cache.get(s.cacheKey(c, variant+" "+path), false)
	if e != nil {
		s.metrics.cacheHits.Inc()
	}
	return e
}

// handleRecommend handles the "GET /recommend" route: the advisor's form and
// result as a full page, or only the result for htmx requests. Answers with
// errors are rendered each time (the page echoes what the reader typed);
// valid answers are rendered once per canonical permalink.
func (s *Server) handleRecommend(c echo.Context) error {
	st := s.current()
	variant := "page"
	if isFragmentRequest(c) {
		variant = "fragment"
		if c.Request().Header.Get("HX-Target") == "mini-result" {
			variant = "mini"
		}
	}
	if e := s.keptAsIs(c, st, variant); e != nil {
		return s.send(c, e)
	}
	m := st.site.Model
	answers, errs := m.Parse(c.QueryParams())
	permalink := m.Permalink(answers)
	// A submitted form (without JavaScript) lists every answer in the order
	// of the form; send the reader to the canonical permalink, so that the
	// address they copy is the short, stable one.
	if len(errs) == 0 && variant == "page" && c.Request().RequestURI != permalink {
		return c.Redirect(http.StatusSeeOther, permalink)
	}
	build := func() (reply, error) {
		r, err := s.recommendReply(c, st, variant, answers, errs)
		r.vary = varyHTMX
		return r, err
	}
	if len(errs) > 0 {
		return s.uncached(c, costAnswer, build)
	}
	return s.cachedAnswer(c, st, s.cacheKey(c, variant+" "+permalink), costAnswer, build)
}

// recommendReply renders variant of the advisor's answer: the whole page,
// the result fragment, or the home page's small result.
func (s *Server) recommendReply(c echo.Context, st *siteState, variant string, answers advisor.Answers, errs []*advisor.FieldError) (reply, error) {
	p, err := s.advise(c, st, answers, errs)
	if err != nil {
		return reply{}, err
	}
	switch variant {
	case "mini":
		return htmlReply(c, components.MiniResult(p))
	case "fragment":
		// The address bar follows the answers: it always holds the
		// canonical permalink of the result on screen. Replacing it
		// keeps one history entry per visit, so Back leaves the advisor.
		r, err := htmlReply(c, components.ResultFragment(p))
		r.replaceURL = p.Path
		return r, err
	}
	layout := s.layout(c, st, components.RecommendTitle(p), components.PreviewDescription(p), p.Path)
	layout.Image = s.baseURL(c) + strings.Replace(p.Path, "/recommend", "/recommend/card.png", 1)
	return htmlReply(c, components.RecommendPage(components.RecommendProps{Layout: layout, Advisor: p}))
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
	st := s.current()
	m := st.site.Model
	answers, err := validAnswers(c, m)
	if err != nil {
		return err
	}
	// Chat apps and other sites show the card as the link's preview, so
	// it may be embedded anywhere, unlike the pages.
	c.Response().Header().Set("Cross-Origin-Resource-Policy", "cross-origin")
	// The card shows no link, so one card serves every base URL.
	return s.cachedAnswer(c, st, "card "+m.Permalink(answers), costCard, func() (reply, error) {
		in, err := s.exportInput(c, st, answers)
		if err != nil {
			return reply{}, err
		}
		png, err := export.Card(in)
		return reply{body: png, contentType: "image/png"}, err
	})
}

// exportInput is what the exports of a recommendation need.
func (s *Server) exportInput(c echo.Context, st *siteState, answers advisor.Answers) (export.Input, error) {
	p, err := s.advise(c, st, answers, nil)
	return export.Input{Model: p.Model, Result: p.Result, Permalink: p.Permalink, SiteName: components.SiteName, Date: time.Now()}, err
}

// handleADR handles the "GET /recommend/adr.md" route: the recommendation
// as an Architecture Decision Record to download. It carries the day's
// date, so it is made for each request.
func (s *Server) handleADR(c echo.Context) error {
	st := s.current()
	answers, err := validAnswers(c, st.site.Model)
	if err != nil {
		return err
	}
	return s.uncached(c, costAnswer, func() (reply, error) {
		in, err := s.exportInput(c, st, answers)
		if err != nil {
			return reply{}, err
		}
		adr, err := export.ADR(in)
		return reply{
			body:        []byte(adr),
			contentType: "text/markdown; charset=utf-8",
			disposition: `attachment; filename="adr-` + string(in.Result.Verdict) + `.md"`,
		}, err
	})
}
