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
	page := s.siteFor(c).Home
	return s.render(c, http.StatusOK, components.Home(components.HomeProps{
		Layout: s.layout(c, page.Title, page.Description, page.Path),
		Page:   page,
		Quick:  s.advise(c, nil),
	}))
}

// handlePage handles the "GET /:slug" route: one content page.
func (s *Server) handlePage(c echo.Context) error {
	page, ok := s.siteFor(c).Page("/" + c.Param("slug"))
	if !ok || page.Path == "/" {
		return echo.ErrNotFound
	}
	props := components.PageProps{
		Layout: s.layout(c, page.Title, page.Description, page.Path),
		Page:   page,
	}
	props.Layout.EditURL = s.editURL(page.File)
	if page.Scorecard != nil {
		sc := s.scorecard(c, page.Scorecard, c.QueryParams()["priority"])
		c.Response().Header().Add("Vary", "HX-Request")
		if isFragmentRequest(c) && c.Request().Header.Get("HX-Target") == "scorecard-tally" {
			push := page.Path
			if q := page.Scorecard.Query(sc.Chosen); q != "" {
				push += "?" + q
			}
			c.Response().Header().Set("HX-Push-Url", push)
			return s.render(c, http.StatusOK, components.ScorecardTally(sc))
		}
		props.Scorecard = &sc
	}
	return s.render(c, http.StatusOK, components.ContentPage(props))
}

// handleFAQ handles the "GET /faq" route.
func (s *Server) handleFAQ(c echo.Context) error {
	faq := s.siteFor(c).FAQ
	if faq == nil {
		return echo.ErrNotFound
	}
	layout := s.layout(c, faq.Title, faq.Description, faq.Path)
	layout.EditURL = s.editURL(faq.File)
	return s.render(c, http.StatusOK, components.FAQPage(components.FAQProps{Layout: layout, FAQ: faq}))
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
