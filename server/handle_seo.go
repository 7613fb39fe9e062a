package server

import (
	"encoding/xml"

	"github.com/labstack/echo/v4"

	"serverorless/web"
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
	st := s.current()
	return s.cached(c, st, s.cacheKey(c, "sitemap"), func() (reply, error) {
		base := s.baseURL(c)
		m := sitemap{XMLNS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
		for _, p := range st.site.All() {
			m.URLs = append(m.URLs, sitemapURL{Loc: base + p.Path, LastMod: p.Updated.Format("2006-01-02")})
		}
		// The application's own pages, which change with the code, not the content.
		for _, r := range web.Routes {
			if r.Page {
				m.URLs = append(m.URLs, sitemapURL{Loc: base + r.Path})
			}
		}
		out, err := xml.MarshalIndent(m, "", "  ")
		if err != nil {
			return reply{}, err
		}
		return reply{body: append([]byte(xml.Header), out...), contentType: "application/xml; charset=utf-8"}, nil
	})
}

// handleRobots handles the "GET /robots.txt" route.
func (s *Server) handleRobots(c echo.Context) error {
	return s.cached(c, s.current(), s.cacheKey(c, "robots"), func() (reply, error) {
		body := "User-agent: *\nAllow: /\n\nSitemap: " + s.baseURL(c) + "/sitemap.xml\n"
		return reply{body: []byte(body), contentType: "text/plain; charset=utf-8"}, nil
	})
}
