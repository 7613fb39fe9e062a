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
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/content"
	"serverorless/static"
	"serverorless/web"
)

// loadEmbedded loads the site of the embedded content once for the
// package: a load takes about 85 ms, and the tests build some hundred
// servers. Sharing it is safe because a Site does not change after Load
// (the server reads one from many requests at once) and every cache is the
// Server's own, so each test's server still starts empty.
var loadEmbedded = sync.OnceValues(func() (*web.Site, error) { return web.Load(content.FS()) })

// embeddedSite returns the site of the embedded content.
func embeddedSite(t testing.TB) *web.Site {
	t.Helper()
	site, err := loadEmbedded()
	require.NoError(t, err, "the embedded content must load")
	return site
}

// newServerWith is a server of the embedded content with settings cfg and
// the test base URL.
func newServerWith(t testing.TB, cfg Config) *Server {
	t.Helper()
	site := embeddedSite(t)
	cfg.BaseURL = testBaseURL
	return New(site, cfg)
}

// startDevServer runs a preview-mode server on a real listener, for the
// event streams, and returns it with its URL.
func startDevServer(t testing.TB) (*Server, string) {
	t.Helper()
	s := newServerWith(t, Config{Dev: true})
	ts := httptest.NewServer(s)
	t.Cleanup(func() {
		s.Shutdown() // ends the open event streams, so that Close does not wait for them
		ts.Close()
	})
	return s, ts.URL
}

func TestSecurityHeaders(t *testing.T) {
	s := newTestServer(t)
	for _, path := range []string{"/", "/recommend?traffic=spiky", "/faq", "/nope", "/api/recommendation", "/sitemap.xml", "/healthz"} {
		rec := do(t, s, http.MethodGet, path)
		h := rec.Header()
		csp := h.Get("Content-Security-Policy")
		assert.Contains(t, csp, "default-src 'none'", path)
		assert.Contains(t, csp, "script-src 'self';", path)
		assert.Contains(t, csp, "frame-ancestors 'none'", path)
		assert.NotContains(t, csp, "unsafe-inline", path)
		assert.NotContains(t, csp, "unsafe-eval", path)
		assert.NotContains(t, csp, "nonce", "%s: one policy for every response, so that a shared cache may keep it", path)
		assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"), path)
		assert.NotEmpty(t, h.Get("Referrer-Policy"), path)
		assert.NotEmpty(t, h.Get("Permissions-Policy"), path)
		assert.Equal(t, "same-origin", h.Get("Cross-Origin-Opener-Policy"), path)
		assert.Empty(t, h.Get("Strict-Transport-Security"), "%s: no HSTS over plain HTTP", path)
		assert.NotEmpty(t, h.Get(echo.HeaderXRequestID), "%s: a request ID", path)
		if strings.HasPrefix(h.Get("Content-Type"), "text/html") {
			doc := parse(t, rec)
			assert.Positive(t, doc.Find("script[src]").Length(), path)
			assert.Equal(t, 0, doc.Find("script[nonce]").Length(), "%s: scripts need no nonce", path)
			assert.Equal(t, 0, doc.Find("script:not([src]):not([type='application/ld+json'])").Length(), "%s: no inline scripts", path)
			assert.Equal(t, 0, doc.Find("[style]").Length(), "%s: no inline styles", path)
		}
	}

	_, proxy, _ := net.ParseCIDR("10.0.0.0/8")
	behind := newServerWith(t, Config{TrustedProxies: []*net.IPNet{proxy}})
	hsts := func(s *Server, remote string) string {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.RemoteAddr = remote + ":40000"
		req.Header.Set("X-Forwarded-Proto", "https")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		return rec.Header().Get("Strict-Transport-Security")
	}
	assert.Equal(t, "max-age=63072000; includeSubDomains", hsts(behind, "10.1.2.3"), "HSTS behind a trusted TLS-terminating proxy")
	assert.Empty(t, hsts(behind, "203.0.113.9"), "anyone else's X-Forwarded-Proto is not believed")
	assert.Empty(t, hsts(s, "10.1.2.3"), "nor without trusted proxies")
	assert.Empty(t, hsts(newServerWith(t, Config{NoHSTS: true, TrustedProxies: []*net.IPNet{proxy}}), "10.1.2.3"), "HSTS can be turned off")
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
	require.Regexp(t, `^"[0-9a-f]{16}"$`, etag)
	assert.Equal(t, "public, max-age=60, s-maxage=86400, stale-while-revalidate=600", rec.Header().Get("Cache-Control"))
	assert.Equal(t, strconv.Itoa(rec.Body.Len()), rec.Header().Get("Content-Length"))
	assert.Nil(t, s.current().cache.get("page /serverless", true).gzipped, "no client has asked for gzip: nothing compressed yet")

	req := httptest.NewRequest(http.MethodGet, "/serverless", nil)
	req.Header.Set("If-None-Match", etag)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	assert.Equal(t, http.StatusNotModified, rec.Code, "revalidation gets 304")
	assert.Zero(t, rec.Body.Len())
	assert.Equal(t, etag, rec.Header().Get("ETag"))
	assert.NotEmpty(t, rec.Header().Get("Content-Security-Policy"), "the policy is the same for every response")

	req = httptest.NewRequest(http.MethodGet, "/serverless", nil)
	req.Header.Set("Accept-Encoding", "gzip, deflate, br")
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	require.Equal(t, "gzip", rec.Header().Get("Content-Encoding"))
	assert.Equal(t, strconv.Itoa(rec.Body.Len()), rec.Header().Get("Content-Length"), "compressed once, sent with its length")
	zr, err := gzip.NewReader(rec.Body)
	require.NoError(t, err)
	plain, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Contains(t, string(plain), "<h1>")
	assert.Contains(t, varies(rec), "Accept-Encoding")
	gzipTag := rec.Header().Get("ETag")
	assert.Equal(t, strings.TrimSuffix(etag, `"`)+`-gzip"`, gzipTag, "the compressed bytes are another representation, with a tag of their own")
	for _, tt := range []struct {
		encoding, match string
		want            int
	}{
		{"gzip", gzipTag, http.StatusNotModified},
		{"gzip", etag, http.StatusOK},
		{"", etag, http.StatusNotModified},
		{"", gzipTag, http.StatusOK},
		{"gzip", "W/" + gzipTag, http.StatusNotModified},
	} {
		req = httptest.NewRequest(http.MethodGet, "/serverless", nil)
		req.Header.Set("Accept-Encoding", tt.encoding)
		req.Header.Set("If-None-Match", tt.match)
		rec = httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		assert.Equal(t, tt.want, rec.Code, "Accept-Encoding %q, If-None-Match %s", tt.encoding, tt.match)
	}

	rec = do(t, s, http.MethodHead, "/serverless")
	assert.Equal(t, http.StatusOK, rec.Code)

	rec = do(t, s, http.MethodGet, static.Path("htmx.min.js"))
	assert.Equal(t, "public, max-age=31536000, immutable", rec.Header().Get("Cache-Control"))
	req = httptest.NewRequest(http.MethodGet, static.Path("htmx.min.js"), nil)
	req.Header.Set("Accept-Encoding", "gzip")
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	assert.Equal(t, "gzip", rec.Header().Get("Content-Encoding"), "static files are sent compressed")

	rec = do(t, s, http.MethodGet, "/nope")
	assert.Equal(t, "no-store", rec.Header().Get("Cache-Control"), "errors are never kept")
	assert.Equal(t, "no-store", do(t, newServerWith(t, Config{Dev: true}), http.MethodGet, "/serverless").Header().Get("Cache-Control"), "nor anything in preview mode")
}

func TestHealthAndMetrics(t *testing.T) {
	var logs bytes.Buffer
	s := newServerWith(t, Config{Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	assert.Equal(t, http.StatusOK, do(t, s, http.MethodGet, "/healthz").Code)
	assert.Equal(t, http.StatusOK, do(t, s, http.MethodGet, "/readyz").Code)

	do(t, s, http.MethodGet, "/recommend?stage=scaleup&traffic=spiky&jobs=hours&realtime=messaging")
	do(t, s, http.MethodGet, "/api/recommendation")
	do(t, s, http.MethodGet, "/nope")
	s.Reloaded(s.Site(), nil)
	body := scrape(t, s)
	assert.Equal(t, http.StatusNotFound, do(t, s, http.MethodGet, "/metrics").Code, "no metrics on the public port")
	for _, want := range []string{
		`http_requests_total{method="GET",route="/recommend",status="200"} 1`,
		`method="GET",route="/:slug",status="404"} 1`,
		`http_request_duration_seconds_bucket{route="/recommend",le="+Inf"} 1`,
		`recommendations_total{verdict="hybrid"} 1`,
		`recommendations_total{verdict="serverless"} 1`,
		`content_reloads_total{result="success"} 1`,
		`content_reloads_total{result="failure"} 0`,
		`content_last_reload_successful 1`,
		"# TYPE http_request_duration_seconds histogram",
		"go_goroutines ",
		"process_resident_memory_bytes ",
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

// scrape reads the metrics as Prometheus would, from their own handler.
func scrape(t testing.TB, s *Server) string {
	t.Helper()
	rec := httptest.NewRecorder()
	s.MetricsHandler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Contains(t, rec.Header().Get("Content-Type"), "text/plain")
	return rec.Body.String()
}

// getFrom sends a request from a client address, with an X-Forwarded-For
// header if xff is set.
func getFrom(s *Server, target, remote, xff string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.RemoteAddr = remote + ":40000"
	if xff != "" {
		req.Header.Set("X-Forwarded-For", xff)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}

// TestRateLimit: new answers count towards a client's limit; answers
// already made do not.
func TestRateLimit(t *testing.T) {
	n := 0
	fresh := func() string { n++; return "/api/recommendation?requests=" + strconv.Itoa(1000+n) }

	s := newServerWith(t, Config{RateLimit: 1}) // a burst of 2, then 1 per second
	kept := fresh()
	assert.Equal(t, http.StatusOK, getFrom(s, kept, "192.0.2.1", "").Code)
	assert.Equal(t, http.StatusOK, getFrom(s, fresh(), "192.0.2.1", "").Code)
	rec := getFrom(s, fresh(), "192.0.2.1", "")
	assert.Equal(t, http.StatusTooManyRequests, rec.Code)
	assert.Equal(t, "1", rec.Header().Get("Retry-After"))
	assert.Contains(t, rec.Body.String(), `"error":"too many requests`)
	assert.Equal(t, http.StatusOK, getFrom(s, kept, "192.0.2.1", "").Code, "an answer already made is not limited")
	assert.Equal(t, http.StatusOK, getFrom(s, fresh(), "192.0.2.2", "").Code, "limits are per client")
	assert.Equal(t, http.StatusTooManyRequests, getFrom(s, fresh(), "192.0.2.1", "203.0.113.9").Code, "an untrusted X-Forwarded-For is ignored")
	page := getFrom(s, "/recommend?requests=77777", "192.0.2.1", "")
	assert.Equal(t, http.StatusTooManyRequests, page.Code, "new answers on the page count too")
	assert.Contains(t, page.Body.String(), "too many requests", "a line of text, cheap to send to a flood")
	assert.Equal(t, http.StatusOK, getFrom(s, "/serverless", "192.0.2.1", "").Code, "content pages are made once, for everyone")

	v6 := newServerWith(t, Config{RateLimit: 1})
	for i := range 3 {
		getFrom(v6, fresh(), "[2001:db8::"+strconv.Itoa(i+1)+"]", "")
	}
	assert.Equal(t, http.StatusTooManyRequests, getFrom(v6, fresh(), "[2001:db8::99]", "").Code, "an IPv6 client is its /64")
	assert.Equal(t, http.StatusOK, getFrom(v6, fresh(), "[2001:db8:0:1::1]", "").Code, "another /64 is another client")

	_, proxy, _ := net.ParseCIDR("192.0.2.0/24")
	behind := newServerWith(t, Config{RateLimit: 1, TrustedProxies: []*net.IPNet{proxy}})
	for range 3 {
		getFrom(behind, fresh(), "192.0.2.1", "203.0.113.1")
	}
	assert.Equal(t, http.StatusTooManyRequests, getFrom(behind, fresh(), "192.0.2.1", "203.0.113.1").Code)
	assert.Equal(t, http.StatusOK, getFrom(behind, fresh(), "192.0.2.1", "203.0.113.2").Code, "behind a trusted proxy, clients are told apart by X-Forwarded-For")

	off := newServerWith(t, Config{RateLimit: 0})
	for range 20 {
		require.Equal(t, http.StatusOK, getFrom(off, fresh(), "192.0.2.1", "").Code, "0 turns the limit off")
	}
}

// TestPageCacheIsBounded: new answers keep coming, memory does not grow
// without bound, and the site's own pages stay.
func TestPageCacheIsBounded(t *testing.T) {
	s := newTestServer(t)
	st := s.current()
	st.cache.answers.max = 1 << 20 // a smaller bound, reached sooner
	require.Equal(t, http.StatusOK, do(t, s, http.MethodGet, "/serverless").Code)
	page := st.cache.pages.current.Load()
	first := st.cache.answers.current.Load()
	for i := range 60 {
		rec := do(t, s, http.MethodGet, "/recommend?requests="+strconv.Itoa(1000+i))
		require.Equal(t, http.StatusOK, rec.Code)
		require.LessOrEqual(t, st.cache.answers.current.Load().bytes.Load(), st.cache.answers.max)
	}
	assert.NotSame(t, first, st.cache.answers.current.Load(), "the answers started over at least once")
	assert.Same(t, page, st.cache.pages.current.Load(), "the site's pages were not evicted by answers")
	assert.NotNil(t, st.cache.get("page /serverless", true))

	// The count is what is kept: every body, compressed body, header and
	// the runtime's share.
	var kept int64
	st.cache.answers.current.Load().entries.Range(func(k, v any) bool {
		e := v.(*preparedResponse)
		kept += int64(entryOverhead + len(k.(string)) + len(e.body) + e.gzipReserve() + headerBytes(e.header) + headerBytes(e.gzipHdr))
		if e.compressed() {
			assert.LessOrEqual(t, len(e.gzipped), e.gzipReserve(), "the compressed bytes fit what was counted for them")
		}
		assert.Equal(t, len(e.body), cap(e.body), "a body of its own, not part of a larger buffer")
		return true
	})
	assert.Equal(t, kept, st.cache.answers.current.Load().bytes.Load())
}

// TestKeptRepliesOwnTheirBytes: replies are made in pooled buffers, so a
// kept response must be a copy: answers made after it, in the same
// buffers, leave it as it was sent.
func TestKeptRepliesOwnTheirBytes(t *testing.T) {
	s := newTestServer(t)
	paths := []string{"/recommend?requests=123456", "/api/recommendation?requests=123456", "/serverless"}
	first := map[string]string{}
	for _, p := range paths {
		rec := do(t, s, http.MethodGet, p)
		require.Equal(t, http.StatusOK, rec.Code)
		first[p] = rec.Body.String()
	}
	for i := range 20 {
		require.Equal(t, http.StatusOK, do(t, s, http.MethodGet, "/recommend?requests="+strconv.Itoa(2000+i)).Code)
		require.Equal(t, http.StatusOK, do(t, s, http.MethodGet, "/api/recommendation?requests="+strconv.Itoa(2000+i)).Code)
	}
	for _, p := range paths {
		assert.Equal(t, first[p], do(t, s, http.MethodGet, p).Body.String(), "%s, sent again from the cache", p)
	}
}

// TestCacheCountsWhatItKeeps: the bytes the cache counts for its entries
// are at least what they take on the heap (within a tenth), so that its
// bound is the memory it uses.
func TestCacheCountsWhatItKeeps(t *testing.T) {
	c := newResponseCache(1<<30, 1<<30)
	r := reply{body: []byte(strings.Repeat("<p>an answer</p>", 40)), contentType: "text/html; charset=UTF-8", vary: varyHTMX, replaceURL: "/recommend?requests=1"}
	const n = 5000
	runtime.GC() // twice: the first empties sync.Pools only into their victim caches
	before := liveHeap()
	for i := range n {
		key := "fragment /recommend?requests=" + strconv.Itoa(i)
		e, err := c.make(key, false, func() (*preparedResponse, error) { return prepare(r, true, gzipPages), nil })
		require.NoError(t, err)
		e.compressed() // as when a browser asks: the most an entry keeps
	}
	used := int64(liveHeap()) - int64(before)
	_, counted := c.stats()
	t.Logf("counted %d bytes an entry, the heap grew by %d", counted/n, used/n)
	assert.GreaterOrEqual(t, float64(counted), 0.9*float64(used), "counted %d, used %d", counted, used)
	assert.Less(t, float64(counted), 1.5*float64(used), "and not far more")
	runtime.KeepAlive(c)
}

// TestStaticFiles: static files are compressed once, at start; a range is
// served on the plain bytes only; each encoding has its own ETag, and no
// date differs between instances.
func TestStaticFiles(t *testing.T) {
	s := newTestServer(t)
	path := static.Path("htmx.min.js")
	get := func(headers map[string]string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		for k, v := range headers {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		return rec
	}
	plain := get(nil)
	zipped := get(map[string]string{"Accept-Encoding": "gzip, deflate"})
	require.Equal(t, http.StatusOK, plain.Code)
	require.Equal(t, "gzip", zipped.Header().Get("Content-Encoding"))
	assert.NotEqual(t, plain.Header().Get("ETag"), zipped.Header().Get("ETag"), "each encoding its own tag")
	assert.Equal(t, "Accept-Encoding", plain.Header().Get("Vary"))
	assert.Empty(t, plain.Header().Get("Last-Modified"), "no start time that would differ between instances")

	ranged := get(map[string]string{"Accept-Encoding": "gzip", "Range": "bytes=0-99"})
	assert.Equal(t, http.StatusOK, ranged.Code, "no range of compressed bytes")
	assert.Equal(t, zipped.Body.Bytes(), ranged.Body.Bytes())
	ranged = get(map[string]string{"Range": "bytes=0-99"})
	assert.Equal(t, http.StatusPartialContent, ranged.Code, "a range of the plain file")
	assert.Empty(t, ranged.Header().Get("Content-Encoding"))
	assert.Equal(t, plain.Body.Bytes()[:100], ranged.Body.Bytes())
	assert.Equal(t, http.StatusNotModified, get(map[string]string{"Accept-Encoding": "gzip", "If-None-Match": zipped.Header().Get("ETag")}).Code)
	assert.Equal(t, http.StatusOK, get(map[string]string{"If-None-Match": zipped.Header().Get("ETag")}).Code)
	assert.Equal(t, http.StatusNotModified, get(map[string]string{"If-None-Match": plain.Header().Get("ETag")}).Code)
	assert.Equal(t, strconv.Itoa(zipped.Body.Len()), zipped.Header().Get("Content-Length"))
	head := httptest.NewRecorder()
	s.ServeHTTP(head, httptest.NewRequest(http.MethodHead, path, nil))
	assert.Equal(t, http.StatusOK, head.Code)
	assert.Zero(t, head.Body.Len())

	// Compressing htmx would take a compressor's state (near a megabyte)
	// and milliseconds; sending bytes made once takes next to nothing.
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range 200 {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		s.ServeHTTP(&discardWriter{h: http.Header{}}, req)
	}
	runtime.ReadMemStats(&after)
	assert.Less(t, (after.TotalAlloc-before.TotalAlloc)/200, uint64(16<<10), "bytes allocated per request (the request itself, its log line and metrics)")
}
