package server

import (
	"context"
	"errors"
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
	"time"

	"github.com/labstack/echo/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/web"
)

// TestInventedMethods: any token may be a request's method; each must not
// become a series of its own in the metrics.
func TestInventedMethods(t *testing.T) {
	s := newTestServer(t)
	padding := strings.Repeat("X", 30<<10)
	heapBefore := liveHeap()
	for i := range 2000 {
		req := httptest.NewRequest("M"+strconv.Itoa(i)+padding, "/healthz", nil)
		s.ServeHTTP(httptest.NewRecorder(), req)
	}
	body := scrape(t, s)
	assert.Less(t, len(body), 200<<10, "the metrics stay small")
	assert.Contains(t, body, `http_requests_total{method="OTHER",route="/healthz",status="405"} 2000`)
	assert.NotContains(t, body, padding[:100])
	assert.Less(t, int64(liveHeap())-int64(heapBefore), int64(40<<20), "memory stays where it was")
}

func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// hostRequest sends a request as a client would with the given Host
// header, arriving on the local address local (as net/http records it).
func hostRequest(s *Server, target, host, local string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.Host = host
	if local != "" {
		addr, _ := net.ResolveTCPAddr("tcp", local)
		req = req.WithContext(context.WithValue(req.Context(), http.LocalAddrContextKey, addr))
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}

// TestForgedHost: without BASE_URL, the Host header never reaches a
// response: a request whose Host names the address it came in on gets
// links to that address as the socket has it, any other relative links.
func TestForgedHost(t *testing.T) {
	site := embeddedSite(t)
	s := New(site, Config{})
	paths := []string{"/", "/serverless", "/recommend?traffic=spiky", "/api/recommendation?traffic=spiky", "/sitemap.xml",
		"/robots.txt", "/recommend/adr.md?traffic=spiky", "/compare?b.jobs=hours", "/search?q=cold", "/faq"}
	for _, path := range paths {
		for _, host := range []string{"evil.example", "", "localhost:1234", "127.0.0.1:8080", "127.1.2.3:8080", "[::1]:8080"} {
			rec := hostRequest(s, path, host, "127.0.0.1:8080")
			require.Equal(t, http.StatusOK, rec.Code, "GET %s with Host %q", path, host)
			all := rec.Body.String() + headerText(rec.Header())
			assert.NotContains(t, all, "evil.example", path)
			assert.NotContains(t, all, "http:///", "%s: no link to an empty host", path)
			assert.NotContains(t, all, "localhost:1234", "%s: another port is another server", path)
			assert.NotContains(t, all, "127.1.2.3", "%s: a loopback name is still the client's", path)
			assert.NotContains(t, all, "[::1]", path)
		}
	}
	entries, _ := s.current().cache.stats()
	for i := range 200 {
		hostRequest(s, "/serverless", "attacker-"+strconv.Itoa(i)+".example", "127.0.0.1:8080")
		hostRequest(s, "/faq", "127.0."+strconv.Itoa(i/250)+"."+strconv.Itoa(1+i%250)+":8080", "127.0.0.1:8080")
	}
	after, _ := s.current().cache.stats()
	assert.Equal(t, entries, after, "a new Host is not a new cache entry")

	for _, tt := range []struct{ host, local, want string }{
		{"localhost:8080", "127.0.0.1:8080", "http://127.0.0.1:8080"},
		{"127.0.0.1:8080", "127.0.0.1:8080", "http://127.0.0.1:8080"},
		{"127.9.9.9:8080", "127.0.0.1:8080", "http://127.0.0.1:8080"},
		{"127.9.9.9:8080", "127.9.9.9:8080", "http://127.0.0.1:8080"},
		{"localhost:8080", "[::1]:8080", "http://[::1]:8080"},
		{"192.0.2.7:8080", "192.0.2.7:8080", "http://192.0.2.7:8080"},
		{"127.1.2.3:8080", "192.0.2.7:8080", ""},
		{"localhost:8080", "192.0.2.7:8080", ""},
		{"192.0.2.8:8080", "192.0.2.7:8080", ""},
	} {
		api := hostRequest(s, "/api/recommendation?traffic=spiky", tt.host, tt.local)
		assert.Contains(t, api.Body.String(), `"permalink":"`+tt.want+`/recommend?traffic=spiky"`, "Host %s on %s", tt.host, tt.local)
	}
	api := hostRequest(s, "/api/recommendation?traffic=spiky", "evil.example", "127.0.0.1:8080")
	assert.Contains(t, api.Body.String(), `"permalink":"/recommend?traffic=spiky"`, "otherwise links are relative")

	withBase := newTestServer(t)
	api = hostRequest(withBase, "/api/recommendation?traffic=spiky", "evil.example", "")
	assert.Contains(t, api.Body.String(), `"permalink":"`+testBaseURL+`/recommend?traffic=spiky"`, "BASE_URL wins")
}

func headerText(h http.Header) string {
	var b strings.Builder
	for k, vs := range h {
		b.WriteString(k + ": " + strings.Join(vs, ", ") + "\n")
	}
	return b.String()
}

// TestSameBytesForEveryone: responses are the same bytes, with the same
// ETag, for every request and from every instance, so that a CDN may keep
// them.
func TestSameBytesForEveryone(t *testing.T) {
	one, two := newTestServer(t), newTestServer(t)
	for _, tt := range []struct {
		path    string
		headers map[string]string
	}{
		{"/serverless", nil},
		{"/", nil},
		{"/recommend?traffic=spiky&jobs=hours", nil},
		{"/recommend?traffic=spiky&jobs=hours", htmx},
		{"/api/recommendation?traffic=spiky&jobs=hours", nil},
		{"/compare?a.jobs=short&b.jobs=hours", nil},
		{"/search?q=cold+start", nil},
		{"/comparison?priority=operations-burden", nil},
		{"/recommend/card.png?traffic=spiky", nil},
	} {
		first := doHeaders(t, one, tt.path, tt.headers)
		again := doHeaders(t, one, tt.path, tt.headers)
		elsewhere := doHeaders(t, two, tt.path, tt.headers)
		require.Equal(t, http.StatusOK, first.Code, tt.path)
		for _, rec := range []*httptest.ResponseRecorder{again, elsewhere} {
			assert.Equal(t, first.Body.Bytes(), rec.Body.Bytes(), "%s: the same bytes", tt.path)
			assert.Equal(t, first.Header().Get("ETag"), rec.Header().Get("ETag"), "%s: the same ETag", tt.path)
		}
		assert.Equal(t, "public, max-age=60, s-maxage=86400, stale-while-revalidate=600", first.Header().Get("Cache-Control"), tt.path)
		if tt.headers != nil || strings.HasPrefix(tt.path, "/recommend?") || strings.HasPrefix(tt.path, "/compare") {
			assert.Contains(t, varies(first), "HX-Request", "%s: a CDN keeps the page and the fragment apart", tt.path)
		}
	}
}

// TestRateLimitedCards: a client asking for card after new card is told to
// wait, while pages already made keep being served to everyone.
func TestRateLimitedCards(t *testing.T) {
	s := newServerWith(t, Config{RateLimit: 2}) // bursts of 4
	getFrom(s, "/serverless", "192.0.2.9", "")
	codes := map[int]int{}
	for i := range 80 {
		codes[getFrom(s, "/recommend/card.png?requests="+strconv.Itoa(5000+i), "192.0.2.1", "").Code]++
		if i%10 == 0 {
			require.Equal(t, http.StatusOK, getFrom(s, "/serverless", "192.0.2.9", "").Code, "another reader's page")
			require.Equal(t, http.StatusOK, getFrom(s, "/serverless", "192.0.2.1", "").Code, "and the same client's pages already made")
		}
	}
	assert.Positive(t, codes[http.StatusOK])
	assert.Positive(t, codes[http.StatusTooManyRequests], "some of 80 new cards are refused: %v", codes)
	assert.Equal(t, 80, codes[http.StatusOK]+codes[http.StatusTooManyRequests], "%v", codes)
}

// TestWorkPool: while every slot for new responses is taken and the queue
// is full, a new answer of any kind is refused at once with a short 503
// and Retry-After; pages and answers already made are served as ever.
func TestWorkPool(t *testing.T) {
	s := newTestServer(t)
	require.Equal(t, http.StatusOK, do(t, s, http.MethodGet, "/api/recommendation?requests=99").Code)
	s.work = newWorkPool(2) // one slot
	s.work.maxWait = 20 * time.Millisecond
	require.True(t, s.work.sem.TryAcquire(1))
	for _, path := range []string{"/recommend/card.png?requests=123", "/recommend?requests=123", "/api/recommendation?requests=123",
		"/compare?b.jobs=hours&a.requests=7", "/search?q=cold+start", "/recommend/adr.md?requests=123", "/recommend?memory=1"} {
		start := time.Now()
		rec := do(t, s, http.MethodGet, path)
		assert.Equal(t, http.StatusServiceUnavailable, rec.Code, path)
		assert.Equal(t, "1", rec.Header().Get("Retry-After"), path)
		assert.Equal(t, "no-store", rec.Header().Get("Cache-Control"), path)
		assert.Less(t, rec.Body.Len(), 200, "%s: a line, cheap to send", path)
		assert.Less(t, time.Since(start), time.Second, path)
	}
	assert.Equal(t, http.StatusOK, do(t, s, http.MethodGet, "/serverless").Code)
	assert.Equal(t, http.StatusOK, do(t, s, http.MethodGet, "/api/recommendation?requests=99").Code, "an answer already made")

	// The queue is short: past it, requests are refused without waiting.
	s.work.maxWait = time.Hour
	s.work.queued.Store(s.work.maxQueue)
	start := time.Now()
	assert.Equal(t, http.StatusServiceUnavailable, do(t, s, http.MethodGet, "/api/recommendation?requests=124").Code)
	assert.Less(t, time.Since(start), 100*time.Millisecond, "a full queue answers at once")
	s.work.queued.Store(0)

	s.work.sem.Release(1)
	assert.Equal(t, http.StatusOK, do(t, s, http.MethodGet, "/recommend/card.png?requests=123").Code, "a free slot makes it")
}

// TestWorkAbandoned: a request whose client has gone does not take a
// slot, nor wait for one; a build that others share is made for them.
func TestWorkAbandoned(t *testing.T) {
	s := newTestServer(t)
	s.work = newWorkPool(2)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, http.MethodGet, "/api/recommendation?requests=321", nil)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	assert.Equal(t, statusClientGone, rec.Code)
	assert.Empty(t, rec.Body.String())
	assert.NotContains(t, scrape(t, s), "recommendations_total{", "nothing was computed")

	// A client that hangs up while queued leaves the queue.
	require.True(t, s.work.sem.TryAcquire(1))
	ctx, cancel = context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	req = httptest.NewRequestWithContext(ctx, http.MethodGet, "/api/recommendation?requests=322", nil)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	assert.Equal(t, statusClientGone, rec.Code)
	assert.Zero(t, s.work.queued.Load())
	s.work.sem.Release(1)
	assert.Equal(t, http.StatusOK, do(t, s, http.MethodGet, "/api/recommendation?requests=322").Code)

	// Two readers wait for the same new answer; the first hangs up before
	// a slot is free, and the second still gets it.
	require.True(t, s.work.sem.TryAcquire(1))
	first, hangUp := context.WithCancel(context.Background())
	codes := make(chan int, 2)
	ask := func(ctx context.Context) {
		req := httptest.NewRequestWithContext(ctx, http.MethodGet, "/api/recommendation?requests=323", nil)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		codes <- rec.Code
	}
	go ask(first)
	require.Eventually(t, func() bool { return s.work.queued.Load() == 1 }, 2*time.Second, time.Millisecond)
	go ask(context.Background())
	time.Sleep(20 * time.Millisecond) // the second joins the first's build
	hangUp()
	assert.Equal(t, statusClientGone, <-codes)
	s.work.sem.Release(1)
	assert.Equal(t, http.StatusOK, <-codes, "the reader still waiting gets the answer")
}

// TestCostWeights: a Scenarios page takes two answers of the client's
// rate limit.
func TestCostWeights(t *testing.T) {
	s := newServerWith(t, Config{RateLimit: 2}) // bursts of 4
	codes := map[int]int{}
	for i := range 4 {
		codes[getFrom(s, "/compare?a.requests="+strconv.Itoa(100+i), "192.0.2.1", "").Code]++
	}
	assert.Equal(t, map[int]int{http.StatusOK: 2, http.StatusTooManyRequests: 2}, codes)
	rec := getFrom(s, "/compare?a.requests=99", "192.0.2.1", "")
	assert.Equal(t, "1", rec.Header().Get("Retry-After"), "two answers at two a second")
}

// TestConcurrentMissesBuildOnce: readers asking at once for the same new
// answers share one computation.
func TestConcurrentMissesBuildOnce(t *testing.T) {
	s := newTestServer(t)
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			assert.Equal(t, http.StatusOK, do(t, s, http.MethodGet, "/api/recommendation?requests=424242").Code)
		})
	}
	wg.Wait()
	assert.Contains(t, scrape(t, s), "recommendations_total{verdict=\"serverless\"} 1\n")
}

// TestFailedReloadInProduction: a reload that fails leaves readers with
// the last good site and no trace of the errors; the operator sees them.
func TestFailedReloadInProduction(t *testing.T) {
	s := newTestServer(t)
	before := do(t, s, http.MethodGet, "/serverless").Body.String()
	s.Reloaded(nil, errors.New("pages/serverless.md:3: unknown field \"titel\"\npages/hybrid.md:9: link to /nowhere: no such page"))
	for _, path := range []string{"/serverless", "/faq", "/recommend?traffic=steady", "/hybrid"} {
		rec := do(t, s, http.MethodGet, path)
		require.Equal(t, http.StatusOK, rec.Code, path)
		assert.NotContains(t, rec.Body.String(), "titel", "%s: readers see no content errors", path)
		assert.NotContains(t, rec.Body.String(), "dev-errors", path)
	}
	assert.Equal(t, before, do(t, s, http.MethodGet, "/serverless").Body.String(), "the last good site")
	ready := do(t, s, http.MethodGet, "/readyz")
	assert.Equal(t, http.StatusOK, ready.Code, "still ready: the last good site is served")
	assert.Contains(t, ready.Body.String(), "failed with 2 problems")
	assert.Contains(t, scrape(t, s), "content_last_reload_successful 0")

	s.Reloaded(s.Site(), nil)
	assert.NotContains(t, do(t, s, http.MethodGet, "/readyz").Body.String(), "failed")
	assert.Contains(t, scrape(t, s), "content_last_reload_successful 1")
}

// TestDrain: once draining, /readyz turns load balancers away while every
// page is still served.
func TestDrain(t *testing.T) {
	s := newTestServer(t)
	s.Drain()
	assert.Equal(t, http.StatusServiceUnavailable, do(t, s, http.MethodGet, "/readyz").Code)
	for _, path := range []string{"/", "/serverless", "/recommend?traffic=spiky", "/api/recommendation"} {
		assert.Equal(t, http.StatusOK, do(t, s, http.MethodGet, path).Code, path)
	}
}

// TestConnectionCap: one client holds at most MaxConnsPerClient
// connections; the next is closed at once, and a place freed is taken.
func TestConnectionCap(t *testing.T) {
	s := newTestServer(t)
	ln, err := s.Listen("127.0.0.1:0")
	require.NoError(t, err)
	srv := &http.Server{Handler: s, ReadHeaderTimeout: time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()

	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range MaxConnsPerClient {
		c, err := net.Dial("tcp", ln.Addr().String())
		require.NoError(t, err)
		conns = append(conns, c)
	}
	// Each accepted connection answers; the one over the cap is closed.
	for _, c := range conns[len(conns)-1:] {
		require.Equal(t, http.StatusOK, statusOver(t, c))
	}
	extra, err := net.Dial("tcp", ln.Addr().String())
	require.NoError(t, err)
	defer extra.Close()
	_ = extra.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, _ = io.WriteString(extra, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
	_, err = extra.Read(make([]byte, 1))
	require.Error(t, err, "the connection over the cap is closed")
	assert.NotErrorIs(t, err, context.DeadlineExceeded)
	assert.Contains(t, scrape(t, s), "refused_connections_total 1")

	conns[0].Close()
	require.Eventually(t, func() bool {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			return false
		}
		defer c.Close()
		return statusOver(t, c) == http.StatusOK
	}, 5*time.Second, 10*time.Millisecond, "a place freed is taken")
}

// statusOver sends GET /healthz on c and returns the status, or 0.
func statusOver(t testing.TB, c net.Conn) int {
	t.Helper()
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
		return 0
	}
	buf := make([]byte, 12)
	if _, err := io.ReadFull(c, buf); err != nil {
		return 0
	}
	code, _ := strconv.Atoi(string(buf[9:12]))
	return code
}

// TestGlobalConnectionCap: with every connection the server may hold
// open and idle, a new client is still served: the longest idle
// connection is closed to make room.
func TestGlobalConnectionCap(t *testing.T) {
	s := newTestServer(t)
	raw, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ln := s.capListener(raw, 8)
	srv := s.HTTPServer()
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()

	var idle []net.Conn
	defer func() {
		for _, c := range idle {
			c.Close()
		}
	}()
	for range 8 {
		c, err := net.Dial("tcp", ln.Addr().String())
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, statusOver(t, c))
		idle = append(idle, c)
	}
	start := time.Now()
	c, err := net.Dial("tcp", ln.Addr().String())
	require.NoError(t, err)
	defer c.Close()
	require.Equal(t, http.StatusOK, statusOver(t, c), "a new client is served")
	assert.Less(t, time.Since(start), 3*time.Second)
	// One place is kept free for the next client: each new connection at
	// the cap closes one idle connection.
	metrics := scrape(t, s)
	assert.Regexp(t, `\nidle_connections_closed_total [12]\n`, metrics)
	assert.Regexp(t, `\nopen_connections [78]\n`, metrics)
}

// TestIdleLimit: idle connections get less time the fuller the server.
func TestIdleLimit(t *testing.T) {
	for _, tt := range []struct {
		open int
		want time.Duration
	}{
		{0, IdleTimeout}, {500, IdleTimeout}, {750, IdleTimeout / 2}, {900, 24 * time.Second}, {998, time.Second}, {1000, time.Second},
	} {
		l := &capListener{max: 1000, total: tt.open}
		assert.InDelta(t, tt.want.Seconds(), l.idleLimit().Seconds(), 0.01, "%d of 1000 open", tt.open)
	}
	assert.Greater(t, MaxConns(), MaxConnsPerClient, "the global cap is read from the open-file limit")
}

// TestDevStreamCap: preview event streams are bounded.
func TestDevStreamCap(t *testing.T) {
	_, base := startDevServer(t)
	for i := range maxDevStreams + 1 {
		resp, err := http.Get(base + "/_dev/events")
		require.NoError(t, err)
		defer resp.Body.Close()
		if i < maxDevStreams {
			require.Equal(t, http.StatusOK, resp.StatusCode, "stream %d", i)
		} else {
			assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode, "one stream too many")
		}
	}
}

// TestRoutesAreReserved: the server registers no route that web.Routes
// does not list, so that no content page can take one.
func TestRoutesAreReserved(t *testing.T) {
	site := embeddedSite(t)
	for _, r := range New(site, Config{Dev: true}).echo.Routes() {
		if r.Path == "/:slug" {
			continue
		}
		path := strings.TrimSuffix(r.Path, "/*")
		assert.True(t, web.IsRoute(path), "route %s %s is not in web.Routes", r.Method, r.Path)
	}
	for _, r := range web.Routes {
		if r.Page {
			assert.Equal(t, http.StatusOK, do(t, newTestServer(t), http.MethodGet, r.Path).Code, "%s is a page", r.Path)
		}
	}
}

// TestPreviewCardEmbeddable: other sites may show the card; pages stay
// same-origin; the obsolete interest-cohort is gone.
func TestPreviewCardEmbeddable(t *testing.T) {
	s := newTestServer(t)
	card := do(t, s, http.MethodGet, "/recommend/card.png?traffic=spiky")
	require.Equal(t, http.StatusOK, card.Code)
	assert.Equal(t, "cross-origin", card.Header().Get("Cross-Origin-Resource-Policy"))
	page := do(t, s, http.MethodGet, "/serverless")
	assert.Equal(t, "same-origin", page.Header().Get("Cross-Origin-Resource-Policy"))
	assert.NotContains(t, page.Header().Get("Permissions-Policy"), "interest-cohort")
}

// TestRedirectLikeEveryResponse: the trailing-slash redirect carries the
// same headers as every response, and is logged and counted.
func TestRedirectLikeEveryResponse(t *testing.T) {
	var logs syncLog
	s := newServerWith(t, Config{Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	rec := do(t, s, http.MethodGet, "/faq/")
	require.Equal(t, http.StatusMovedPermanently, rec.Code)
	assert.Equal(t, "/faq", rec.Header().Get("Location"))
	assert.Contains(t, rec.Header().Get("Content-Security-Policy"), "default-src 'none'")
	assert.Equal(t, "no-store", rec.Header().Get("Cache-Control"))
	assert.Equal(t, "nosniff", rec.Header().Get("X-Content-Type-Options"))
	assert.NotEmpty(t, rec.Header().Get(echo.HeaderXRequestID))
	assert.Contains(t, logs.String(), `"path":"/faq/","route":"redirect","status":301`)
	assert.Contains(t, scrape(t, s), `http_requests_total{method="GET",route="redirect",status="301"} 1`)
}

// TestLongPaths: a long path is neither echoed in full by the 404 page
// nor logged in full.
func TestLongPaths(t *testing.T) {
	var logs syncLog
	s := newServerWith(t, Config{Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	long := "/" + strings.Repeat("a", 30<<10)
	rec := do(t, s, http.MethodGet, long)
	assert.Equal(t, http.StatusNotFound, rec.Code)
	assert.Less(t, rec.Body.Len(), 20<<10, "the 404 page of a 30 KB path")
	assert.Contains(t, rec.Body.String(), "/aaaa")
	assert.Less(t, len(logs.String()), 2<<10, "the log line of a 30 KB path")
	assert.Contains(t, logs.String(), "aaaa…")
}

// TestRequestIDFromProxiesOnly: a client cannot choose the ID its request
// is logged under; a trusted proxy can.
func TestRequestIDFromProxiesOnly(t *testing.T) {
	_, proxy, _ := net.ParseCIDR("10.0.0.0/8")
	s := newServerWith(t, Config{TrustedProxies: []*net.IPNet{proxy}})
	for _, tt := range []struct {
		remote string
		want   bool
	}{{"192.0.2.1", false}, {"10.1.2.3", true}} {
		req := httptest.NewRequest(http.MethodGet, "/healthz", nil)
		req.RemoteAddr = tt.remote + ":40000"
		req.Header.Set(echo.HeaderXRequestID, "abc-123")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		assert.Equal(t, tt.want, rec.Header().Get(echo.HeaderXRequestID) == "abc-123", "from %s", tt.remote)
	}
}

// stalledWriter blocks every write until released, as a stderr pipe
// nobody reads does.
type stalledWriter struct {
	release chan struct{}
	mu      sync.Mutex
	out     strings.Builder
}

func (w *stalledWriter) Write(p []byte) (int, error) {
	<-w.release
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.out.Write(p)
}

// TestLogIsBounded: with the output stalled, neither request lines nor
// errors grow the log's memory without bound; what was dropped is said
// once the output moves again.
func TestLogIsBounded(t *testing.T) {
	defer func(old int) { logBacklog = old }(logBacklog)
	logBacklog = 64 << 10
	w := &stalledWriter{release: make(chan struct{})}
	logger, stop := NewLogger(w)
	line := strings.Repeat("x", 200)
	time.Sleep(2 * logFlushEvery) // the writer is now stuck in a write
	for range 5000 {
		logger.Info("request", "path", line)
		logger.Error("request failed", "path", line)
	}
	close(w.release)
	stop()
	out := w.out.String()
	// The batch stuck in the write and the one waiting behind it: each at
	// most twice the backlog (and a line).
	assert.Less(t, len(out), 4*logBacklog+4<<10, "what waited is bounded")
	assert.Greater(t, 5000*2*len(line), 4*logBacklog+4<<10, "and far less than what was logged")
	assert.Contains(t, out, `"msg":"log lines dropped: the log output was too slow"`)
	assert.Contains(t, out, `"level":"ERROR"`)
}

// syncLog is a log output that tests read while the server writes.
type syncLog struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (l *syncLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *syncLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}
