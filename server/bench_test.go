package server

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

// benchmarkRoute serves one request through the whole echo instance, as
// the load test does without the network.
func benchmarkRoute(b *testing.B, path string, headers map[string]string) {
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

// BenchmarkRecommendFragmentUncached asks for a new set of answers every
// time, so that each request runs the engine and renders: the cost of a
// first visit, which the page cache does not help.
func BenchmarkRecommendFragmentUncached(b *testing.B) {
	s := newServerWith(b, Config{})
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		req := httptest.NewRequest(http.MethodGet, "/recommend?traffic=spiky&jobs=hours&requests="+strconv.Itoa(1000+i), nil)
		req.Header.Set("HX-Request", "true")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("GET = %d", rec.Code)
		}
	}
}
