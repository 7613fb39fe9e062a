// Package server is the HTTP layer: routes, handlers, middleware and the one
// error handler. It asks package web for content and hands it to components
// for rendering; it holds no content logic of its own.
package server

import (
	"log/slog"
	"net/http"
	"sync"
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
	// EditURL, when set, is the start of a link to edit a content file,
	// e.g. "https://github.com/acme/site/edit/main/content/"; the file's
	// path inside the content folder is appended.
	EditURL string
	// Dev is preview mode: drafts are shown, pages refresh themselves when
	// the content changes, and content errors are shown in the page.
	Dev    bool
	Logger *slog.Logger
}

// Server serves the site. Its content can be swapped while it runs (SetSite);
// each request reads the site once and sees one consistent version.
type Server struct {
	echo *echo.Echo
	site atomic.Pointer[web.Site]
	cfg  Config
	log  *slog.Logger

	loadErr   atomic.Pointer[string] // errors of the last failed reload
	mu        sync.Mutex
	changed   chan struct{} // closed and replaced at each reload
	done      chan struct{} // closed at shutdown
	closeOnce sync.Once
}

// New returns a Server for site.
func New(site *web.Site, cfg Config) *Server {
	s := &Server{echo: echo.New(), cfg: cfg, log: cfg.Logger, changed: make(chan struct{}), done: make(chan struct{})}
	if s.log == nil {
		s.log = slog.Default()
	}
	s.site.Store(site)
	s.echo.HideBanner = true
	s.echo.HidePort = true
	s.echo.HTTPErrorHandler = s.handleError
	s.echo.Pre(middleware.RemoveTrailingSlashWithConfig(middleware.TrailingSlashConfig{RedirectCode: http.StatusMovedPermanently}))
	s.echo.Use(middleware.Recover())
	s.echo.Use(s.pinSite)
	s.routes()
	return s
}

// ServeHTTP makes the Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.echo.ServeHTTP(w, r) }

// Site returns the content currently served.
func (s *Server) Site() *web.Site { return s.site.Load() }

// siteKey is the echo context key of the site a request reads.
const siteKey = "site"

// pinSite fixes the site a request reads when it starts, so that a reload
// during the request cannot give it half of an old and half of a new site.
func (s *Server) pinSite(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Set(siteKey, s.site.Load())
		return next(c)
	}
}

// siteFor returns the site pinned for the request.
func (s *Server) siteFor(c echo.Context) *web.Site {
	if site, ok := c.Get(siteKey).(*web.Site); ok {
		return site
	}
	return s.site.Load()
}

// SetSite replaces the content served, atomically.
func (s *Server) SetSite(site *web.Site) { s.site.Store(site) }

// baseURL returns the public scheme and host for absolute links.
func (s *Server) baseURL(c echo.Context) string {
	if s.cfg.BaseURL != "" {
		return s.cfg.BaseURL
	}
	return c.Scheme() + "://" + c.Request().Host
}
