package web

import "strings"

// Route is a URL path that the application serves itself, rather than a
// page of the content.
type Route struct {
	Path string
	// Page marks a page for readers: content may link to it, and the
	// sitemap lists it.
	Page bool
}

// Routes are every path the application serves besides the content's own
// pages (a page is served at "/" + the name of its file, which is why no
// file may take one of these names). The server registers no route outside
// this list; a test of the server holds it to that.
var Routes = []Route{
	{Path: "/"},    // the home page, made from pages/index.md
	{Path: "/faq"}, // made from faq.md
	{Path: "/recommend", Page: true},
	{Path: "/compare", Page: true},
	{Path: "/search", Page: true},
	{Path: "/api"},
	{Path: "/static"},
	{Path: "/images"},
	{Path: "/sitemap.xml"},
	{Path: "/robots.txt"},
	{Path: "/healthz"},
	{Path: "/readyz"},
	{Path: "/_dev"},
}

// IsRoute reports whether the URL path p is one of Routes or lies under
// one, e.g. "/recommend/card.png".
func IsRoute(p string) bool {
	for _, r := range Routes {
		if p == r.Path || r.Path != "/" && strings.HasPrefix(p, r.Path+"/") {
			return true
		}
	}
	return false
}

// isAppPage reports whether the URL path p is a page the application
// serves for readers, which content may link to.
func isAppPage(p string) bool {
	for _, r := range Routes {
		if r.Page && r.Path == p {
			return true
		}
	}
	return false
}
