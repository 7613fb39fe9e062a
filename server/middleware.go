package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
)

// maxQueryLength bounds the query string. The longest permalink is far
// shorter; anything longer is a mistake or an attack.
const maxQueryLength = 2048

// contentSecurityPolicy lets scripts run only from files of this site: no
// inline code, no eval (htmx is configured to need neither). The policy is
// the same for every response, so that a shared cache may keep pages.
var contentSecurityPolicy = strings.Join([]string{
	"default-src 'none'",
	"script-src 'self'",
	"style-src 'self'",
	"img-src 'self' data:",
	"connect-src 'self'",
	"manifest-src 'self'",
	"base-uri 'none'",
	"form-action 'self'",
	"frame-ancestors 'none'",
}, "; ")

// headerField is a header and its values, ready to be put in a response's
// header map as it is. The slices are shared by every response and never
// changed: each is full, so an append copies it.
type headerField struct {
	key    string // in canonical form
	values []string
}

// responseHeaders returns the headers every response carries. Cache-Control
// says no-store unless a handler says otherwise: only what is the same for
// every reader may be kept.
func responseHeaders() []headerField {
	return []headerField{
		{"Content-Security-Policy", []string{contentSecurityPolicy}},
		{"X-Content-Type-Options", []string{"nosniff"}},
		{"X-Frame-Options", []string{"DENY"}},
		{"Referrer-Policy", []string{"strict-origin-when-cross-origin"}},
		{"Permissions-Policy", []string{"camera=(), microphone=(), geolocation=(), payment=(), usb=()"}},
		{"Cross-Origin-Opener-Policy", []string{"same-origin"}},
		{"Cross-Origin-Resource-Policy", []string{"same-origin"}},
		{"Cache-Control", []string{"no-store"}},
	}
}

var hstsValue = []string{"max-age=63072000; includeSubDomains"}

// setHeaders sets the headers every response carries.
func (s *Server) setHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		for _, f := range s.headers {
			h[f.key] = f.values
		}
		// HSTS only means something over HTTPS: directly, or behind a
		// trusted proxy that terminated TLS and says so.
		r := c.Request()
		if !s.cfg.NoHSTS && (r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" && s.fromTrustedProxy(r)) {
			h["Strict-Transport-Security"] = hstsValue
		}
		return next(c)
	}
}

// limitQuery turns away over-long query strings before any parsing.
func limitQuery(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if len(c.Request().URL.RawQuery) > maxQueryLength {
			return echo.NewHTTPError(http.StatusRequestURITooLong, fmt.Sprintf("the query is longer than %d characters", maxQueryLength))
		}
		return next(c)
	}
}

// requestIDs numbers requests after a prefix that differs at each start,
// which is unique enough to find a request's log line and far cheaper
// than random bytes per request.
var (
	requestIDPrefix = func() string {
		b := make([]byte, 6)
		_, _ = rand.Read(b)
		return hex.EncodeToString(b) + "-"
	}()
	requestCount atomic.Uint64
)

// requestID returns the ID a trusted proxy gave the request, if it is a
// plain short token, or else a new one. A client's own ID is not taken: it
// could make its lines look like another's.
func (s *Server) requestID(r *http.Request) string {
	if id := r.Header.Get(echo.HeaderXRequestID); id != "" && len(id) <= 64 && strings.Trim(id, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.:") == "" && s.fromTrustedProxy(r) {
		return id
	}
	return requestIDPrefix + strconv.FormatUint(requestCount.Add(1), 36)
}

// maxLoggedPath is as much of a path as a log line or an error page
// repeats: enough to recognise it, and a 60 KB path stays a short line.
const maxLoggedPath = 200

// shortPath returns p cut to about n bytes, on a character boundary, with
// an ellipsis where it was cut.
func shortPath(p string, n int) string {
	if len(p) <= n {
		return p
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(p[cut]) {
		cut--
	}
	return p[:cut] + "…"
}

// observe gives each request an ID (X-Request-Id), and after it one log
// line and its metrics.
func (s *Server) observe(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		r := c.Request()
		id := s.requestID(r)
		c.Response().Header()[echo.HeaderXRequestID] = []string{id}
		if err := next(c); err != nil {
			// Let the error handler write the response now, so that the
			// line logs the status the client receives.
			c.Error(err)
		}
		elapsed := time.Since(start)
		status := c.Response().Status
		route := c.Path()
		if route == "" {
			route = "unmatched"
			if status >= 300 && status < 400 {
				route = "redirect" // the trailing slash, before routing
			}
		}
		s.metrics.observeRequest(route, r.Method, status, elapsed)
		// A 503 is the server saying it is busy or draining, as it should
		// (every /readyz of a drain): no error, and no line that jumps the
		// log's queue.
		level := slog.LevelInfo
		if status >= 500 && status != http.StatusServiceUnavailable {
			level = slog.LevelError
		}
		s.log.LogAttrs(context.Background(), level, "request",
			slog.String("id", id),
			slog.String("method", shortPath(r.Method, 16)),
			slog.String("path", shortPath(r.URL.Path, maxLoggedPath)),
			slog.String("route", route),
			slog.Int("status", status),
			slog.Int64("bytes", c.Response().Size),
			slog.Duration("duration", elapsed),
			slog.String("ip", c.RealIP()),
		)
		return nil
	}
}

// allow counts a new response of the given cost (in answers) against the
// client's rate limit, and returns a 429 error once it is over.
func (s *Server) allow(c echo.Context, cost int) error {
	if s.limits == nil {
		return nil
	}
	client := c.RealIP()
	if ip := net.ParseIP(client); ip != nil {
		client = clientKey(ip)
	}
	ok, wait := s.limits.allow(client, cost, time.Now())
	if ok {
		return nil
	}
	s.metrics.rateLimited.Inc()
	c.Response().Header().Set("Retry-After", retryAfter(wait))
	return echo.NewHTTPError(http.StatusTooManyRequests,
		"too many requests: at most "+strconv.FormatFloat(s.cfg.RateLimit, 'f', -1, 64)+" new answers per second from one address; try again shortly")
}
