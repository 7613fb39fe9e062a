package server

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"serverorless/components"
)

// maxSearchResults is as many sections as a reader scans.
const maxSearchResults = 20

// handleSearch handles the "GET /search" route: sections of the guide that
// match the query, as a page, or only the results for htmx requests.
func (s *Server) handleSearch(c echo.Context) error {
	c.Response().Header().Add("Vary", "HX-Request")
	q := strings.TrimSpace(c.QueryParam("q"))
	p := components.SearchProps{Query: q, Results: s.siteFor(c).Search(q, maxSearchResults)}
	if isFragmentRequest(c) {
		push := "/search"
		if q != "" {
			push += "?q=" + url.QueryEscape(q)
		}
		c.Response().Header().Set("HX-Push-Url", push)
		return s.render(c, http.StatusOK, components.SearchResults(p))
	}
	title := "Search"
	if q != "" {
		title = "Search: " + q
	}
	layout := s.layout(c, title, "Search every page of the guide and the FAQ.", "/search")
	layout.NoIndex = q != ""
	return s.render(c, http.StatusOK, components.SearchPage(layout, p))
}
