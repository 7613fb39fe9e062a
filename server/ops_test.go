package server

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/labstack/echo/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/content"
	"serverorless/web"
)

func newServerWith(t *testing.T, cfg Config) *Server {
	t.Helper()
	site, err := web.Load(content.FS())
	require.NoError(t, err)
	cfg.BaseURL = testBaseURL
	return New(site, cfg)
}

func TestSecurityHeaders(t *testing.T) {
	s := newTestServer(t)
	nonceRE := regexp.MustCompile(`'nonce-([A-Za-z0-9+/=]+)'`)
	var nonces []string
	for _, path := range []string{"/", "/recommend?traffic=spiky", "/faq", "/nope", "/api/recommendation", "/sitemap.xml", "/healthz"} {
		rec := do(t, s, http.MethodGet, path)
		h := rec.Header()
		csp := h.Get("Content-Security-Policy")
		assert.Contains(t, csp, "default-src 'none'", path)
		assert.Contains(t, csp, "frame-ancestors 'none'", path)
		assert.NotContains(t, csp, "unsafe-inline", path)
		assert.NotContains(t, csp, "unsafe-eval", path)
		assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"), path)
		assert.NotEmpty(t, h.Get("Referrer-Policy"), path)
		assert.NotEmpty(t, h.Get("Permissions-Policy"), path)
		assert.Equal(t, "same-origin", h.Get("Cross-Origin-Opener-Policy"), path)
		assert.Empty(t, h.Get("Strict-Transport-Security"), "%s: no HSTS over plain HTTP", path)
		assert.NotEmpty(t, h.Get(echo.HeaderXRequestID), "%s: a request ID", path)
		m := nonceRE.FindStringSubmatch(csp)
		require.Len(t, m, 2, path)
		nonces = append(nonces, m[1])
		if strings.HasPrefix(h.Get("Content-Type"), "text/html") {
			doc := parse(t, rec)
			doc.Find("script[src]").Each(func(_ int, sc *goquery.Selection) {
				assert.Equal(t, m[1], sc.AttrOr("nonce", ""), "%s: every script carries the nonce", path)
			})
			assert.Equal(t, 0, doc.Find("script:not([src]):not([type='application/ld+json'])").Length(), "%s: no inline scripts", path)
			assert.Equal(t, 0, doc.Find("[style]").Length(), "%s: no inline styles", path)
		}
	}
	seen := map[string]bool{}
	for _, n := range nonces {
		assert.False(t, seen[n], "a fresh nonce per request")
		seen[n] = true
	}

	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.Header.Set("X-Forwarded-Proto", "https")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	assert.Equal(t, "max-age=63072000; includeSubDomains", rec.Header().Get("Strict-Transport-Security"), "HSTS behind a TLS-terminating proxy")

	rec = httptest.NewRecorder()
	newServerWith(t, Config{NoHSTS: true}).ServeHTTP(rec, req)
	assert.Empty(t, rec.Header().Get("Strict-Transport-Security"), "HSTS can be turned off")
}

func TestLimitsAndErrors(t *testing.T) {
	s := newTestServer(t)
	long := strings.Repeat("a", maxQueryLength)
	rec := do(t, s, http.MethodGet, "/recommend?stage="+long)
	assert.Equal(t, http.StatusRequestURITooLong, rec.Code)
	assert.Contains(t, parse(t, rec).Find("h1").Text(), "URI Too Long")
	rec = do(t, s, http.MethodGet, "/api/recommendation?stage="+long)
	assert.Equal(t, http.StatusRequestURITooLong, rec.Code)
	assert.Contains(t, rec.Body.String(), `"error":"the query is longer than 2048 characters"`)

	// A panic becomes the themed 500 page, which reveals nothing.
	s.echo.GET("/boom", func(echo.Context) error { panic("secret connection string") })
	rec = do(t, s, http.MethodGet, "/boom")
	assert.Equal(t, http.StatusInternalServerError, rec.Code)
	doc := parse(t, rec)
	assert.Equal(t, "Something went wrong on our side", doc.Find("h1").Text())
	assert.NotContains(t, rec.Body.String(), "secret")
	assert.NotContains(t, rec.Body.String(), "goroutine")
	assert.Equal(t, "no-store", rec.Header().Get("Cache-Control"))
}

func TestCachingAndCompression(t *testing.T) {
	s := newTestServer(t)
	rec := do(t, s, http.MethodGet, "/serverless")
	etag := rec.Header().Get("ETag")
	require.Regexp(t, `^"[0-9a-f]{24}"$`, etag)
	assert.Equal(t, "private, max-age=60", rec.Header().Get("Cache-Control"))

	req := httptest.NewRequest(http.MethodGet, "/serverless", nil)
	req.Header.Set("If-None-Match", etag)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	assert.Equal(t, http.StatusNotModified, rec.Code, "revalidation gets 304, although every response has its own nonce")
	assert.Zero(t, rec.Body.Len())
	assert.Empty(t, rec.Header().Get("Content-Security-Policy"), "the cached page keeps the policy that matches its nonce")

	req = httptest.NewRequest(http.MethodGet, "/serverless", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	require.Equal(t, "gzip", rec.Header().Get("Content-Encoding"))
	zr, err := gzip.NewReader(rec.Body)
	require.NoError(t, err)
	plain, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Contains(t, string(plain), "<h1>")
	assert.Contains(t, rec.Header().Values("Vary"), "Accept-Encoding")

	rec = do(t, s, http.MethodHead, "/serverless")
	assert.Equal(t, http.StatusOK, rec.Code)
}

func TestHealthAndMetrics(t *testing.T) {
	var logs bytes.Buffer
	s := newServerWith(t, Config{Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	assert.Equal(t, http.StatusOK, do(t, s, http.MethodGet, "/healthz").Code)
	assert.Equal(t, http.StatusOK, do(t, s, http.MethodGet, "/readyz").Code)

	do(t, s, http.MethodGet, "/recommend?traffic=spiky&jobs=hours")
	do(t, s, http.MethodGet, "/api/recommendation")
	do(t, s, http.MethodGet, "/nope")
	s.Reloaded(s.Site(), nil)
	rec := do(t, s, http.MethodGet, "/metrics")
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, "text/plain; version=0.0.4; charset=utf-8", rec.Header().Get("Content-Type"))
	body := rec.Body.String()
	for _, want := range []string{
		`http_requests_total{route="/recommend",method="GET",status="200"} 1`,
		`method="GET",status="404"} 1`,
		`http_request_duration_seconds_bucket{route="/recommend",le="+Inf"} 1`,
		`recommendations_total{verdict="hybrid"} 1`,
		`recommendations_total{verdict="serverless"} 1`,
		`content_reloads_total{result="success"} 1`,
		`content_reloads_total{result="failure"} 0`,
		"# TYPE http_request_duration_seconds histogram",
		"go_goroutines ",
	} {
		assert.Contains(t, body, want)
	}

	// One JSON line per request, with its ID.
	var line struct {
		Msg    string `json:"msg"`
		ID     string `json:"id"`
		Route  string `json:"route"`
		Status int    `json:"status"`
	}
	first, _, _ := strings.Cut(logs.String(), "\n")
	require.NoError(t, json.Unmarshal([]byte(first), &line))
	assert.Equal(t, "request", line.Msg)
	assert.NotEmpty(t, line.ID)
	assert.Equal(t, "/healthz", line.Route)
	assert.Equal(t, 200, line.Status)

	s.Shutdown()
	assert.Equal(t, http.StatusServiceUnavailable, do(t, s, http.MethodGet, "/readyz").Code, "not ready while shutting down")
	assert.Equal(t, http.StatusOK, do(t, s, http.MethodGet, "/healthz").Code, "but alive")
}

func TestAPIRateLimit(t *testing.T) {
	get := func(s *Server, remote, xff string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, "/api/recommendation", nil)
		req.RemoteAddr = remote + ":40000"
		if xff != "" {
			req.Header.Set("X-Forwarded-For", xff)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		return rec
	}

	s := newServerWith(t, Config{APIRateLimit: 1}) // a burst of 2, then 1 per second
	assert.Equal(t, http.StatusOK, get(s, "192.0.2.1", "").Code)
	assert.Equal(t, http.StatusOK, get(s, "192.0.2.1", "").Code)
	rec := get(s, "192.0.2.1", "")
	assert.Equal(t, http.StatusTooManyRequests, rec.Code)
	assert.Equal(t, "1", rec.Header().Get("Retry-After"))
	assert.Contains(t, rec.Body.String(), "too many requests")
	assert.Equal(t, http.StatusOK, get(s, "192.0.2.2", "").Code, "limits are per client")
	assert.Equal(t, http.StatusTooManyRequests, get(s, "192.0.2.1", "203.0.113.9").Code, "an untrusted X-Forwarded-For is ignored")
	assert.Equal(t, http.StatusOK, do(t, s, http.MethodGet, "/recommend").Code, "pages are not limited")

	_, proxy, _ := net.ParseCIDR("192.0.2.0/24")
	behind := newServerWith(t, Config{APIRateLimit: 1, TrustedProxies: []*net.IPNet{proxy}})
	for i := 0; i < 3; i++ {
		get(behind, "192.0.2.1", "203.0.113.1")
	}
	assert.Equal(t, http.StatusTooManyRequests, get(behind, "192.0.2.1", "203.0.113.1").Code)
	assert.Equal(t, http.StatusOK, get(behind, "192.0.2.1", "203.0.113.2").Code, "behind a trusted proxy, clients are told apart by X-Forwarded-For")

	off := newServerWith(t, Config{APIRateLimit: 0})
	for i := 0; i < 20; i++ {
		require.Equal(t, http.StatusOK, get(off, "192.0.2.1", "").Code, "0 turns the limit off")
	}
}

// TestPageCacheIsBounded: new answers keep coming, memory does not grow
// without bound.
func TestPageCacheIsBounded(t *testing.T) {
	s := newTestServer(t)
	for i := range 1500 {
		rec := do(t, s, http.MethodGet, "/recommend?requests="+strconv.Itoa(1000+i))
		require.Equal(t, http.StatusOK, rec.Code)
	}
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	assert.LessOrEqual(t, s.cache.bytes, maxCachedBytes)
	assert.Less(t, len(s.cache.entries), 1500, "the cache started over at least once")
	total := 0
	for _, e := range s.cache.entries {
		for _, part := range e.parts {
			total += len(part)
		}
	}
	assert.LessOrEqual(t, total, maxCachedBytes)
}
