package server

import (
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
	st := s.current()
	q := strings.TrimSpace(c.QueryParam("q"))
	fragment := isFragmentRequest(c)
	build := func() (reply, error) {
		p := components.SearchProps{Query: q, Results: st.site.Search(q, maxSearchResults)}
		var r reply
		var err error
		if fragment {
			r, err = htmlReply(c, components.SearchResults(p))
			r.pushURL = "/search"
			if q != "" {
				r.pushURL += "?q=" + url.QueryEscape(q)
			}
		} else {
			title := "Search"
			if q != "" {
				title = "Search: " + q
			}
			layout := s.layout(c, st, title, "Search every page of the guide and the FAQ.", "/search")
			layout.NoIndex = q != ""
			r, err = htmlReply(c, components.SearchPage(layout, p))
		}
		r.vary = varyHTMX
		return r, err
	}
	variant := "search "
	if fragment {
		variant = "search-fragment "
	}
	return s.cachedAnswer(c, st, s.cacheKey(c, variant+q), costAnswer, build)
}
