package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"serverorless/static"
)

// routes lists every route of the site. Each is in web.Routes or under one
// of them, except the content pages' "/:slug" (TestRoutesAreReserved).
func (s *Server) routes() {
	s.get("/", s.handleHome)
	s.get("/faq", s.handleFAQ)
	s.get("/recommend", s.handleRecommend)
	s.get("/recommend/card.png", s.handleCard)
	s.get("/recommend/adr.md", s.handleADR)
	s.get("/recommend/bill.csv", s.handleBillCSV)
	s.get("/compare", s.handleCompare)
	s.get("/search", s.handleSearch)
	s.get("/api/recommendation", s.handleAPIRecommendation)
	s.get("/:slug", s.handlePage)
	s.get("/sitemap.xml", s.handleSitemap)
	s.get("/robots.txt", s.handleRobots)
	// Static files and content images are compressed once, at start or
	// when first asked for, never on the way out.
	s.get("/static/*", echo.WrapHandler(static.Handler()))
	s.get("/images/*", s.handleImage)
	s.get("/healthz", s.handleHealthz)
	s.get("/readyz", s.handleReadyz)
	if s.cfg.Dev {
		s.get("/_dev/events", s.handleDevEvents)
	}
}

// get registers h for GET and HEAD; net/http drops the body of a HEAD response.
func (s *Server) get(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) {
	s.echo.Match([]string{http.MethodGet, http.MethodHead}, path, h, m...)
}
