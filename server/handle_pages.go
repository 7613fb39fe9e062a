package server

import (
	"mime"
	"net/http"
	"path"

	"github.com/labstack/echo/v4"

	"serverorless/components"
	"serverorless/web"
)

// handleHome handles the "GET /" route.
func (s *Server) handleHome(c echo.Context) error {
	return s.serve(c, "home", func() (page, error) {
		home := s.siteFor(c).Home
		return page{comp: components.Home(components.HomeProps{
			Layout: s.layout(c, home.Title, home.Description, home.Path),
			Page:   home,
			Quick:  s.advise(c, s.siteFor(c).Model.Defaults(), nil),
		})}, nil
	})
}

// handlePage handles the "GET /:slug" route: one content page, and on the
// comparison page the scorecard with the reader's priorities.
func (s *Server) handlePage(c echo.Context) error {
	pg, ok := s.siteFor(c).Page("/" + c.Param("slug"))
	if !ok || pg.Path == "/" {
		return echo.ErrNotFound
	}
	props := components.PageProps{
		Layout: s.layout(c, pg.Title, pg.Description, pg.Path),
		Page:   pg,
	}
	props.Layout.EditURL = s.editURL(pg.File)
	if pg.Scorecard == nil {
		return s.serve(c, "page "+pg.Path, func() (page, error) { return page{comp: components.ContentPage(props)}, nil })
	}

	c.Response().Header().Add("Vary", "HX-Request")
	sc := s.scorecard(c, pg.Scorecard, c.QueryParams()["priority"])
	canonical := pg.Path
	if q := pg.Scorecard.Query(sc.Chosen); q != "" {
		canonical += "?" + q
	}
	props.Scorecard = &sc
	if isFragmentRequest(c) && c.Request().Header.Get("HX-Target") == "scorecard-tally" {
		if len(sc.Unknown) > 0 {
			c.Response().Header().Set("HX-Push-Url", canonical)
			return s.render(c, http.StatusOK, components.ScorecardTally(sc))
		}
		return s.serve(c, "tally "+canonical, func() (page, error) { return page{comp: components.ScorecardTally(sc), pushURL: canonical}, nil })
	}
	if len(sc.Unknown) > 0 {
		return s.render(c, http.StatusOK, components.ContentPage(props))
	}
	return s.serve(c, "page "+canonical, func() (page, error) { return page{comp: components.ContentPage(props)}, nil })
}

// handleFAQ handles the "GET /faq" route.
func (s *Server) handleFAQ(c echo.Context) error {
	faq := s.siteFor(c).FAQ
	if faq == nil {
		return echo.ErrNotFound
	}
	return s.serve(c, "faq", func() (page, error) {
		layout := s.layout(c, faq.Title, faq.Description, faq.Path)
		layout.EditURL = s.editURL(faq.File)
		return page{comp: components.FAQPage(components.FAQProps{Layout: layout, FAQ: faq})}, nil
	})
}

// scorecard prepares the comparison scorecard for the priorities a reader
// marked.
func (s *Server) scorecard(c echo.Context, card *web.Scorecard, priorities []string) components.ScorecardProps {
	chosen, unknown := card.Priorities(priorities)
	return components.ScorecardProps{
		Card:    card,
		Verdict: s.siteFor(c).Model.VerdictInfo,
		Chosen:  chosen,
		Unknown: unknown,
		Tally:   card.Tally(chosen),
	}
}

// handleImage handles the "GET /images/*" route: the content's images.
func (s *Server) handleImage(c echo.Context) error {
	data, ok := s.siteFor(c).Images[c.Request().URL.Path]
	if !ok {
		return echo.ErrNotFound
	}
	ctype := mime.TypeByExtension(path.Ext(c.Request().URL.Path))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	// Content images keep their names when they change, so they are
	// cached only briefly.
	c.Response().Header().Set("Cache-Control", "public, max-age=3600")
	return c.Blob(http.StatusOK, ctype, data)
}
