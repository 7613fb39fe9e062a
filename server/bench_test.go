package server

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// benchmarkRoute serves one request through the whole echo instance, as
// the load test does without the network.
func benchmarkRoute(b *testing.B, path string, headers map[string]string) {
	b.Helper()
	s := newServerWith(b, Config{})
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		for k, v := range headers {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s = %d", path, rec.Code)
		}
	}
}

func BenchmarkContentPage(b *testing.B) { benchmarkRoute(b, "/serverless", nil) }
func BenchmarkHomePage(b *testing.B)    { benchmarkRoute(b, "/", nil) }
func BenchmarkRecommendPage(b *testing.B) {
	benchmarkRoute(b, "/recommend?stage=scaleup&traffic=spiky&requests=20000000&jobs=hours&realtime=some", nil)
}
func BenchmarkRecommendFragment(b *testing.B) {
	benchmarkRoute(b, "/recommend?stage=scaleup&traffic=spiky&requests=20000000&jobs=hours&realtime=some", map[string]string{"HX-Request": "true", "HX-Target": "result"})
}
func BenchmarkAPI(b *testing.B) {
	benchmarkRoute(b, "/api/recommendation?stage=scaleup&traffic=spiky&requests=20000000&jobs=hours&realtime=some", nil)
}

// BenchmarkUncached asks for new answers every time, so that each request
// runs the engine, renders, compresses and keeps the result: the cost of a
// first visit, which no cache in front of the server saves.
func BenchmarkUncached(b *testing.B) {
	for _, tt := range []struct {
		name, path string
		headers    map[string]string
	}{
		// A new volume: the engine's cost axes and curves are those of the
		// answers before it, as when a reader moves the volume.
		{"page", "/recommend?traffic=spiky&requests=", nil},
		{"fragment", "/recommend?traffic=spiky&requests=", map[string]string{"HX-Request": "true", "HX-Target": "result"}},
		{"API", "/api/recommendation?traffic=spiky&requests=", nil},
		{"card", "/recommend/card.png?traffic=spiky&requests=", nil},
		// New inputs to the bills each time: nothing computed before helps
		// (a new data transfer; the engine weighs the bills at steps of
		// the memory and the duration, which nearby answers share).
		{"page, new bills", "/recommend?traffic=spiky&egress=", nil},
		{"API, new bills", "/api/recommendation?traffic=spiky&egress=", nil},
		// Answers as varied as different readers give (mixedAnswers).
		{"API, mixed", "/api/recommendation?", nil},
		{"fragment, mixed", "/recommend?", map[string]string{"HX-Request": "true", "HX-Target": "result"}},
	} {
		b.Run(tt.name, func(b *testing.B) {
			s := newServerWith(b, Config{})
			i := 0
			b.ReportAllocs()
			for b.Loop() {
				i++
				target := tt.path + strconv.Itoa(1000+i%100000)
				if strings.HasSuffix(tt.path, "?") {
					target = tt.path + mixedAnswers(i)
				}
				req := httptest.NewRequest(http.MethodGet, target, nil)
				for k, v := range tt.headers {
					req.Header.Set(k, v)
				}
				w := &discardWriter{h: http.Header{}}
				s.ServeHTTP(w, req)
				if w.code != http.StatusOK {
					b.Fatalf("GET %s = %d", req.URL, w.code)
				}
			}
		})
	}
	b.Run("guide page", func(b *testing.B) {
		s := newServerWith(b, Config{})
		site := s.Site()
		b.ReportAllocs()
		for b.Loop() {
			s.setSite(site) // a new, empty cache, as after a reload
			w := &discardWriter{h: http.Header{}}
			s.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/serverless", nil))
		}
	})
}

// mixedAnswers are the i-th of answers as varied as different readers
// give: a new duration and memory (off the memory grid for most) with the
// cloud, traffic shape, processor share and commitment taking turns, as
// .ci/answer-cpu's mixed answers and the engine's BenchmarkRecommendMixed.
func mixedAnswers(i int) string {
	clouds := []string{"aws", "gcp", "azure"}
	traffics := []string{"steady", "spiky", "cyclical", "unpredictable"}
	cpus := []string{"light", "moderate", "heavy"}
	commits := []string{"none", "1y", "3y"}
	return fmt.Sprintf("stage=scaleup&cloud=%s&traffic=%s&requests=%d&duration=%d&memory=%d&cpu=%s&jobs=minutes&commit=%s",
		clouds[i%3], traffics[i%4], 100000+i*7919, 80+i*7, 256+(i%40)*64, cpus[i%3], commits[(i/3)%3])
}

// BenchmarkMiddleware measures what each layer adds to a request, around a
// handler that does nothing, so that every layer can be weighed against
// what it does (go test ./server -run - -bench Middleware).
func BenchmarkMiddleware(b *testing.B) {
	logger, flush := NewLogger(io.Discard)
	defer flush()
	s := newServerWith(b, Config{Logger: logger})
	layers := []struct {
		name string
		mw   echo.MiddlewareFunc
		pre  bool
	}{
		{"none", nil, false},
		{"trailing slash", middleware.RemoveTrailingSlashWithConfig(middleware.TrailingSlashConfig{RedirectCode: http.StatusMovedPermanently}), true},
		{"observe: ID, log line, metrics", s.observe, false},
		{"recover", middleware.RecoverWithConfig(middleware.RecoverConfig{DisableStackAll: true, DisablePrintStack: true}), false},
		{"headers", s.setHeaders, false},
		{"query limit", limitQuery, false},
	}
	for _, l := range layers {
		b.Run(l.name, func(b *testing.B) {
			e := echo.New()
			if l.pre {
				e.Pre(l.mw)
			} else if l.mw != nil {
				e.Use(l.mw)
			}
			e.GET("/x", func(c echo.Context) error { return c.NoContent(http.StatusOK) })
			req := httptest.NewRequest(http.MethodGet, "/x", nil)
			w := &discardWriter{h: http.Header{}}
			b.ReportAllocs()
			for b.Loop() {
				clear(w.h)
				e.ServeHTTP(w, req)
			}
		})
	}
}

// discardWriter is a ResponseWriter that keeps nothing, so that the
// benchmarks measure the server rather than a recorder.
type discardWriter struct {
	h    http.Header
	code int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (w *discardWriter) WriteHeader(code int)        { w.code = code }

// BenchmarkCachedPage is the whole server answering a page already made,
// into a writer that keeps nothing: the cost of a request beyond net/http.
func BenchmarkCachedPage(b *testing.B) {
	logger, flush := NewLogger(io.Discard)
	defer flush()
	s := newServerWith(b, Config{Logger: logger})
	for _, path := range []string{"/serverless", "/api/recommendation?traffic=spiky&jobs=hours"} {
		b.Run(path, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			w := &discardWriter{h: http.Header{}}
			s.ServeHTTP(w, req)
			b.ReportAllocs()
			for b.Loop() {
				clear(w.h)
				s.ServeHTTP(w, req)
			}
		})
	}
}
