// Package server is the HTTP layer: routes, handlers, middleware and the one
// error handler. It asks package web for content and hands it to components
// for rendering; it holds no content logic of its own.
package server

import (
	"log/slog"
	"net"
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
	Dev bool
	// APIRateLimit is the requests per second each client may send to the
	// API; 0 turns the limit off.
	APIRateLimit float64
	// TrustedProxies are the networks of proxies whose X-Forwarded-For
	// header names the client. Without them the client is the peer address:
	// anyone could write that header.
	TrustedProxies []*net.IPNet
	// NoHSTS leaves out Strict-Transport-Security even over HTTPS.
	NoHSTS bool
	Logger *slog.Logger
}

// Server serves the site. Its content can be swapped while it runs (SetSite);
// each request reads the site once and sees one consistent version.
type Server struct {
	echo *echo.Echo
	site atomic.Pointer[web.Site]
	cfg  Config
	log  *slog.Logger

	metrics   *metrics
	cache     pageCache
	apiLimit  echo.MiddlewareFunc
	loadErr   atomic.Pointer[string] // errors of the last failed reload
	mu        sync.Mutex
	changed   chan struct{} // closed and replaced at each reload
	done      chan struct{} // closed at shutdown
	closeOnce sync.Once
}

// New returns a Server for site.
func New(site *web.Site, cfg Config) *Server {
	s := &Server{
		echo:    echo.New(),
		cfg:     cfg,
		log:     cfg.Logger,
		metrics: newMetrics(),
		cache:   pageCache{entries: map[pageKey]*cachedPage{}},
		changed: make(chan struct{}),
		done:    make(chan struct{}),
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	s.site.Store(site)
	s.echo.HideBanner = true
	s.echo.HidePort = true
	s.echo.HTTPErrorHandler = s.handleError
	s.echo.IPExtractor = echo.ExtractIPDirect()
	if len(cfg.TrustedProxies) > 0 {
		var trust []echo.TrustOption
		for _, n := range cfg.TrustedProxies {
			trust = append(trust, echo.TrustIPRange(n))
		}
		s.echo.IPExtractor = echo.ExtractIPFromXFFHeader(append(trust, echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false))...)
	}
	s.apiLimit = s.apiRateLimit()

	s.echo.Pre(middleware.RemoveTrailingSlashWithConfig(middleware.TrailingSlashConfig{RedirectCode: http.StatusMovedPermanently}))
	// Outermost first: every request gets an ID and a log line; a panic
	// anywhere inside becomes a logged 500 with a page that reveals nothing.
	s.echo.Use(middleware.RequestID())
	s.echo.Use(s.logRequests)
	s.echo.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{DisableStackAll: true, DisablePrintStack: true}))
	s.echo.Use(s.securityHeaders)
	s.echo.Use(limitQuery)
	s.echo.Use(middleware.GzipWithConfig(middleware.GzipConfig{
		Level:     5,
		MinLength: 1024,
		// The event stream must reach the browser as it is written.
		Skipper: func(c echo.Context) bool { return c.Request().URL.Path == "/_dev/events" },
	}))
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
