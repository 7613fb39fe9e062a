package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"serverorless/components"
	"serverorless/web"
)

// handleHome handles the "GET /" route.
func (s *Server) handleHome(c echo.Context) error {
	page := s.Site().Home
	return s.render(c, http.StatusOK, components.Home(components.HomeProps{
		Layout: s.layout(c, page.Title, page.Description, page.Path),
		Page:   page,
		Quick:  s.advise(c, nil),
	}))
}

// handlePage handles the "GET /:slug" route: one content page.
func (s *Server) handlePage(c echo.Context) error {
	page, ok := s.Site().Page("/" + c.Param("slug"))
	if !ok || page.Path == "/" {
		return echo.ErrNotFound
	}
	props := components.PageProps{
		Layout: s.layout(c, page.Title, page.Description, page.Path),
		Page:   page,
	}
	if page.Scorecard != nil {
		sc := s.scorecard(page.Scorecard, c.QueryParams()["priority"])
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
	faq := s.Site().FAQ
	if faq == nil {
		return echo.ErrNotFound
	}
	return s.render(c, http.StatusOK, components.FAQPage(components.FAQProps{
		Layout: s.layout(c, faq.Title, faq.Description, faq.Path),
		FAQ:    faq,
	}))
}

// scorecard prepares the comparison scorecard for the priorities a reader
// marked.
func (s *Server) scorecard(card *web.Scorecard, priorities []string) components.ScorecardProps {
	chosen, unknown := card.Priorities(priorities)
	return components.ScorecardProps{
		Card:    card,
		Verdict: s.Site().Model.VerdictInfo,
		Chosen:  chosen,
		Unknown: unknown,
		Tally:   card.Tally(chosen),
	}
}
