// Package server is the HTTP layer: routes, handlers, middleware and the one
// error handler. It asks package web for content and hands it to components
// for rendering; it holds no content logic of its own.
package server

import (
	"log/slog"
	"net/http"
	"sync/atomic"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"serverorless/web"
)

// Config holds the settings of a Server.
type Config struct {
	// BaseURL is the public scheme and host, e.g. "https://serverorless.dev",
	// used for canonical links and the sitemap. Empty means: take them from
	// each request.
	BaseURL string
	Logger  *slog.Logger
}

// Server serves the site. Its content can be swapped while it runs (SetSite);
// each request reads the site once and sees one consistent version.
type Server struct {
	echo *echo.Echo
	site atomic.Pointer[web.Site]
	cfg  Config
	log  *slog.Logger
}

// New returns a Server for site.
func New(site *web.Site, cfg Config) *Server {
	s := &Server{echo: echo.New(), cfg: cfg, log: cfg.Logger}
	if s.log == nil {
		s.log = slog.Default()
	}
	s.site.Store(site)
	s.echo.HideBanner = true
	s.echo.HidePort = true
	s.echo.HTTPErrorHandler = s.handleError
	s.echo.Pre(middleware.RemoveTrailingSlashWithConfig(middleware.TrailingSlashConfig{RedirectCode: http.StatusMovedPermanently}))
	s.echo.Use(middleware.Recover())
	s.routes()
	return s
}

// ServeHTTP makes the Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.echo.ServeHTTP(w, r) }

// Site returns the content currently served.
func (s *Server) Site() *web.Site { return s.site.Load() }

// SetSite replaces the content served, atomically.
func (s *Server) SetSite(site *web.Site) { s.site.Store(site) }

// baseURL returns the public scheme and host for absolute links.
func (s *Server) baseURL(c echo.Context) string {
	if s.cfg.BaseURL != "" {
		return s.cfg.BaseURL
	}
	return c.Scheme() + "://" + c.Request().Host
}
