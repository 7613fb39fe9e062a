package loadtest

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/content"
	"serverorless/server"
	"serverorless/web"
)

func TestHistogram(t *testing.T) {
	var h histogram
	assert.Zero(t, h.quantile(0.5), "no requests, no latency")
	for i := 1; i <= 1000; i++ {
		h.add(time.Duration(i) * time.Microsecond)
	}
	for _, tt := range []struct {
		q    float64
		want time.Duration
	}{{0.5, 500 * time.Microsecond}, {0.99, 990 * time.Microsecond}, {0, time.Microsecond}} {
		got := h.quantile(tt.q)
		assert.InEpsilon(t, float64(tt.want), float64(got), 0.04, "quantile %v = %s, want %s within 4%%", tt.q, got, tt.want)
	}
	var other histogram
	other.add(time.Hour)
	h.merge(&other)
	assert.Equal(t, uint64(1001), h.total)
	assert.InEpsilon(t, float64(time.Hour), float64(h.quantile(1)), 0.04, "an hour still fits")
}

// loadEmbedded loads the site of the embedded content once for the
// package, shared by the tests that serve it. They run in parallel, since
// most of their time is spent waiting (runs of a fixed length, pauses
// between clients); a Site does not change after Load, and each test
// serves it from a server of its own.
var loadEmbedded = sync.OnceValues(func() (*web.Site, error) { return web.Load(content.FS()) })

func loadSite(t testing.TB) *web.Site {
	t.Helper()
	site, err := loadEmbedded()
	require.NoError(t, err)
	return site
}

// TestBareHandler: the bare handler sends what the site sent, headers
// included, for every scenario.
func TestBareHandler(t *testing.T) {
	t.Parallel()
	site := httptest.NewServer(server.New(loadSite(t), server.Config{BaseURL: "http://127.0.0.1"}))
	defer site.Close()
	// Like the load test's own client, ask for the bytes as they are.
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	responses, err := record(client, site.URL)
	require.NoError(t, err)
	bare := httptest.NewServer(bareHandler(responses))
	defer bare.Close()
	for _, sc := range Scenarios {
		fetch := func(base string) *http.Response {
			req, _ := http.NewRequest(http.MethodGet, base+sc.Path, nil)
			for k, v := range sc.Headers {
				req.Header.Set(k, v)
			}
			resp, err := client.Do(req)
			require.NoError(t, err)
			return resp
		}
		want, got := fetch(site.URL), fetch(bare.URL)
		want.Body.Close()
		got.Body.Close()
		require.Equal(t, http.StatusOK, got.StatusCode, sc.Name)
		for _, h := range []http.Header{want.Header, got.Header} {
			h.Del("Date")
			h.Del("X-Request-Id")
		}
		assert.Equal(t, want.Header, got.Header, "%s: the same headers", sc.Name)
		assert.Equal(t, want.ContentLength, got.ContentLength, sc.Name)
	}
}

// TestRun: a short load test prints a line per scenario, without errors.
func TestRun(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	o := Options{Duration: 50 * time.Millisecond, Connections: 2}
	require.NoError(t, o.Check())
	require.NoError(t, Run(context.Background(), loadSite(t), o, &out))
	for _, sc := range Scenarios {
		line := lineWith(out.String(), sc.Name)
		require.NotEmpty(t, line, "a line for %s in\n%s", sc.Name, out.String())
		assert.True(t, strings.HasSuffix(strings.TrimSpace(line), " 0"), "no errors: %s", line)
	}
	assert.Error(t, (&Options{Duration: time.Second, Connections: 0}).Check())
	assert.Error(t, (&Options{Duration: time.Hour, Connections: 1}).Check())
	assert.Error(t, (&Options{Duration: time.Second, Connections: 1, BareAddr: ":0"}).Check(), "-bare-addr needs -bare-from")
}

// TestFlood: a short flood prints the page's throughput alone and during
// it, what became of the flood's requests and the processor time after.
func TestFlood(t *testing.T) {
	t.Parallel()
	settle = 50 * time.Millisecond
	var out bytes.Buffer
	o := Options{Duration: 200 * time.Millisecond, Connections: 2, Flood: true, FloodClients: 2, FloodRate: 20, FloodHangup: 500 * time.Millisecond}
	require.NoError(t, o.Check())
	require.NoError(t, Flood(context.Background(), loadSite(t), o, &out))
	for _, want := range []string{"alone ", "during the flood ", "kept ", "new answers asked", "processor time from 50ms to 100ms after the flood"} {
		assert.Contains(t, out.String(), want)
	}
	assert.Regexp(t, `during the flood .* errors 0\n`, out.String())
	o.FloodClients = 0
	assert.Error(t, o.Check())
}

// TestHold: idle connections are opened and held, and a new client is
// timed; only loopback targets are taken.
func TestHold(t *testing.T) {
	t.Parallel()
	s := server.New(loadSite(t), server.Config{})
	ln, err := s.Listen("127.0.0.1:0")
	require.NoError(t, err)
	srv := s.HTTPServer()
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	var out bytes.Buffer
	o := Options{Duration: time.Second, Connections: 1, Hold: 100, Target: "http://" + ln.Addr().String()}
	require.NoError(t, o.Check())
	require.NoError(t, Hold(context.Background(), o, &out))
	assert.Contains(t, out.String(), "hold: 100 connections opened from 64 addresses")
	assert.Contains(t, out.String(), "a new client: 200 OK in ")

	o.Target = "http://192.0.2.1:8080"
	assert.ErrorContains(t, Hold(context.Background(), o, io.Discard), "loopback addresses only")
	assert.Error(t, (&Options{Duration: time.Second, Connections: 1, Hold: 10}).Check(), "-hold needs -target")
}

func lineWith(text, name string) string {
	for line := range strings.SplitSeq(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), name+" ") {
			return line
		}
	}
	return ""
}
