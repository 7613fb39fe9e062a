// Package server is the HTTP layer: routes, handlers, middleware, the
// response cache and the one error handler. It asks package web for content
// and package advisor for results, and hands them to components for
// rendering; it holds no content logic of its own. Nothing else in the
// site imports it except the command.
package server

import (
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/prometheus/client_golang/prometheus"

	"serverorless/web"
)

// Config holds the settings of a Server.
type Config struct {
	// BaseURL is the public scheme and host, e.g. "https://serverorless.dev",
	// used for canonical links, link previews, the API's permalinks and the
	// sitemap. Without it, a request whose Host names the address it came
	// in on gets links to that address as the socket has it, and any other
	// request relative links: a forged Host header never reaches a page or
	// a cache key.
	BaseURL string
	// EditURL, when set, is the start of a link to edit a content file,
	// e.g. "https://github.com/acme/site/edit/main/content/"; the file's
	// path inside the content folder is appended.
	EditURL string
	// Dev is preview mode: drafts are shown, pages refresh themselves when
	// the content changes, content errors are shown in the page, and
	// nothing is cached.
	Dev bool
	// RateLimit is how many responses per second each client may have
	// made for it (new answers, cards, searches, comparisons: anything not
	// already in the cache), in bursts of twice that; 0 turns the limit
	// off. Responses already made are never limited.
	RateLimit float64
	// TrustedProxies are the networks of proxies whose X-Forwarded-For and
	// X-Forwarded-Proto headers are believed. Without them the client is the
	// peer address: anyone could write those headers.
	TrustedProxies []*net.IPNet
	// NoHSTS leaves out Strict-Transport-Security even over HTTPS.
	NoHSTS bool
	Logger *slog.Logger
}

// siteState is one version of the content and the responses made from it.
// A reload brings a new state, so that the old site and its cache go away
// together once the last request reading them ends.
type siteState struct {
	site    *web.Site
	cache   *responseCache
	reports *reportCache
}

// Server serves the site. Its content can be swapped while it runs
// (Reloaded); each request reads the current version once and sees one
// consistent site.
type Server struct {
	echo    *echo.Echo
	state   atomic.Pointer[siteState]
	cfg     Config
	log     *slog.Logger
	metrics *metrics
	headers []headerField // set on every response

	limits *clientLimits // nil when there is no limit
	work   *workPool     // slots for making new responses
	conns  atomic.Pointer[capListener]

	loadErr   atomic.Pointer[loadFailure] // the last reload, if it failed
	draining  atomic.Bool
	streams   atomic.Int32 // open preview event streams
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
		headers: responseHeaders(),
		work:    defaultWorkPool(),
		changed: make(chan struct{}),
		done:    make(chan struct{}),
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	s.setSite(site)
	s.metrics.registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "open_connections", Help: "Connections open on the site's listener.",
	}, func() float64 {
		if l := s.conns.Load(); l != nil {
			return float64(l.openConns())
		}
		return 0
	}))
	if cfg.RateLimit > 0 {
		s.limits = newClientLimits(cfg.RateLimit)
	}
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

	// Outermost first: every request gets an ID, a log line and metrics; a
	// panic anywhere inside becomes a logged 500 with a page that reveals
	// nothing; every response, the trailing-slash redirect included,
	// carries the security headers. They run before routing (Pre), since
	// the redirect answers before a route is found.
	s.echo.Pre(s.observe)
	s.echo.Pre(middleware.RecoverWithConfig(middleware.RecoverConfig{DisableStackAll: true, DisablePrintStack: true}))
	s.echo.Pre(s.setHeaders)
	s.echo.Pre(middleware.RemoveTrailingSlashWithConfig(middleware.TrailingSlashConfig{RedirectCode: http.StatusMovedPermanently}))
	s.echo.Use(limitQuery)
	s.routes()
	return s
}

// ServeHTTP makes the Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.echo.ServeHTTP(w, r) }

// Site returns the content currently served.
func (s *Server) Site() *web.Site { return s.state.Load().site }

// current returns the version of the content a request reads. A handler
// calls it once, so that a reload during the request cannot give it half
// of an old and half of a new site.
func (s *Server) current() *siteState { return s.state.Load() }

// setSite replaces the content served, atomically, with an empty cache.
func (s *Server) setSite(site *web.Site) {
	s.state.Store(&siteState{site: site, cache: newResponseCache(maxPageBytes, maxAnswerBytes), reports: newReportCache()})
}

// baseURL returns the scheme and host for absolute links: BaseURL, or
// else, for a request whose Host names the address it came in on, that
// address as the socket has it, or else "" (links stay relative). The Host
// header is the client's to write: it only chooses between these, and never
// appears in a page or a cache key itself.
func (s *Server) baseURL(c echo.Context) string {
	if s.cfg.BaseURL != "" {
		return s.cfg.BaseURL
	}
	r := c.Request()
	addr, ok := localAddr(r)
	if !ok {
		return ""
	}
	if r.TLS != nil {
		return "https://" + addr
	}
	return "http://" + addr
}

// cacheKey returns key made unique among the base URLs the responses of
// this server may contain: with BaseURL set there is only one, without it
// one per address of the machine (and none).
func (s *Server) cacheKey(c echo.Context, key string) string {
	if s.cfg.BaseURL != "" {
		return key
	}
	return s.baseURL(c) + " " + key
}

// localAddr returns the address (host:port) the request came in on, as the
// socket has it, if the request's Host names it: the same port, and the
// same address, "localhost" or a loopback address for a loopback one. Every
// loopback address but ::1 is written 127.0.0.1, so that a client choosing
// among the 127.0.0.0/8 block makes no new address.
func localAddr(r *http.Request) (string, bool) {
	local, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	if !ok {
		return "", false
	}
	lhost, lport, err := net.SplitHostPort(local.String())
	lip := net.ParseIP(lhost)
	if err != nil || lip == nil {
		return "", false
	}
	host, port, err := net.SplitHostPort(r.Host)
	if err != nil {
		host, port = r.Host, "80"
		if r.TLS != nil {
			port = "443"
		}
	}
	if port != lport {
		return "", false
	}
	ip := net.ParseIP(host)
	switch {
	case ip != nil && ip.Equal(lip) && !lip.IsLoopback():
		return net.JoinHostPort(lip.String(), lport), true
	case !lip.IsLoopback():
		return "", false
	case host == "localhost" || ip != nil && ip.IsLoopback():
		if lip.Equal(net.IPv6loopback) {
			return net.JoinHostPort("::1", lport), true
		}
		return net.JoinHostPort("127.0.0.1", lport), true
	}
	return "", false
}

// fromTrustedProxy reports whether r came from one of the trusted proxies.
func (s *Server) fromTrustedProxy(r *http.Request) bool {
	if len(s.cfg.TrustedProxies) == 0 {
		return false
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	for _, n := range s.cfg.TrustedProxies {
		if n.Contains(ip) {
			return true
		}
	}
	return false
}
