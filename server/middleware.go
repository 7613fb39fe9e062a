package server

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"
)

// maxQueryLength bounds the query string. The longest permalink is far
// shorter; anything longer is a mistake or an attack.
const maxQueryLength = 2048

// securityHeaders sets the headers every response carries, and a fresh
// Content-Security-Policy nonce for the page's scripts. Scripts run only
// from this site and with the nonce: no inline code, no eval (htmx is
// configured to need neither).
func (s *Server) securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		nonce, err := newNonce()
		if err != nil {
			return err
		}
		r := c.Request()
		c.SetRequest(r.WithContext(templ.WithNonce(r.Context(), nonce)))
		h := c.Response().Header()
		h.Set("Content-Security-Policy", strings.Join([]string{
			"default-src 'none'",
			"script-src 'self' 'nonce-" + nonce + "'",
			"style-src 'self'",
			"img-src 'self' data:",
			"connect-src 'self'",
			"manifest-src 'self'",
			"base-uri 'none'",
			"form-action 'self'",
			"frame-ancestors 'none'",
		}, "; "))
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		// HSTS only means something over HTTPS: directly, or behind a
		// proxy that terminated TLS and says so.
		if !s.cfg.NoHSTS && (r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https") {
			h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
		return next(c)
	}
}

func newNonce() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("making a CSP nonce: %w", err)
	}
	return base64.StdEncoding.EncodeToString(b), nil
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

// logRequests writes one structured line per request, with its ID, and
// feeds the request metrics.
func (s *Server) logRequests(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			// Let the error handler write the response now, so that the
			// line logs the status the client receives.
			c.Error(err)
		}
		elapsed := time.Since(start)
		route := c.Path()
		if route == "" {
			route = "unmatched"
		}
		status := c.Response().Status
		s.metrics.observeRequest(route, c.Request().Method, status, elapsed)
		level := slog.LevelInfo
		if status >= 500 {
			level = slog.LevelError
		}
		s.log.LogAttrs(c.Request().Context(), level, "request",
			slog.String("id", c.Response().Header().Get(echo.HeaderXRequestID)),
			slog.String("method", c.Request().Method),
			slog.String("path", c.Request().URL.Path),
			slog.String("route", route),
			slog.Int("status", status),
			slog.Int64("bytes", c.Response().Size),
			slog.Duration("duration", elapsed),
			slog.String("ip", c.RealIP()),
		)
		return nil
	}
}

// apiRateLimit limits each client to APIRateLimit requests per second on
// the API, with bursts of twice that. Excess requests get 429 with
// Retry-After.
func (s *Server) apiRateLimit() echo.MiddlewareFunc {
	limit := s.cfg.APIRateLimit
	return middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
		Skipper: func(c echo.Context) bool { return limit <= 0 },
		Store: middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
			Rate: rate.Limit(limit), Burst: max(1, int(2*limit)), ExpiresIn: 3 * time.Minute,
		}),
		IdentifierExtractor: func(c echo.Context) (string, error) { return c.RealIP(), nil },
		DenyHandler: func(c echo.Context, _ string, _ error) error {
			c.Response().Header().Set("Retry-After", strconv.Itoa(max(1, int(1/limit+0.999))))
			return c.JSON(http.StatusTooManyRequests, apiError{Error: "too many requests: at most " + strconv.FormatFloat(limit, 'f', -1, 64) + " per second; try again shortly"})
		},
	})
}
