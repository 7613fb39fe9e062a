package server

import (
	"encoding/xml"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"
)

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type sitemap struct {
	XMLName xml.Name     `xml:"urlset"`
	XMLNS   string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

// handleSitemap handles the "GET /sitemap.xml" route: every published page.
func (s *Server) handleSitemap(c echo.Context) error {
	base := s.baseURL(c)
	m := sitemap{XMLNS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range s.siteFor(c).All() {
		m.URLs = append(m.URLs, sitemapURL{Loc: base + p.Path, LastMod: p.Updated.Format("2006-01-02")})
	}
	// The application's own pages, which change with the code, not the content.
	for _, path := range []string{"/recommend", "/compare", "/search"} {
		m.URLs = append(m.URLs, sitemapURL{Loc: base + path})
	}
	out, err := xml.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return c.Blob(http.StatusOK, "application/xml; charset=utf-8", append([]byte(xml.Header), out...))
}

// handleRobots handles the "GET /robots.txt" route.
func (s *Server) handleRobots(c echo.Context) error {
	return c.String(http.StatusOK, fmt.Sprintf("User-agent: *\nAllow: /\n\nSitemap: %s/sitemap.xml\n", s.baseURL(c)))
}
