package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"serverorless/components"
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
	return s.render(c, http.StatusOK, components.ContentPage(components.PageProps{
		Layout: s.layout(c, page.Title, page.Description, page.Path),
		Page:   page,
	}))
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
