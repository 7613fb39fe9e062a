package server

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are what the metrics listener reports, in a registry of the
// Server's own. Every label has a bounded set of values: the route
// template (never the path a client sent), a known method or OTHER, the
// status the server chose, a verdict of the model.
type metrics struct {
	registry *prometheus.Registry

	requests        *prometheus.CounterVec
	durations       *prometheus.HistogramVec
	recommendations *prometheus.CounterVec
	reportsComputed prometheus.Counter
	reloads         *prometheus.CounterVec
	lastReload      prometheus.Gauge
	reloadOK        prometheus.Gauge
	cacheHits       prometheus.Counter
	cacheMisses     prometheus.Counter
	rateLimited     prometheus.Counter
	refusedConns    prometheus.Counter
	idleClosed      prometheus.Counter

	// The children of the vectors, looked up once per label set: finding
	// them in a vector takes a lock, which the request path must not.
	counters  sync.Map // requestKey -> prometheus.Counter
	observers sync.Map // route -> prometheus.Observer
}

type requestKey struct {
	route, method string
	status        int
}

func newMetrics() *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "http_requests_total", Help: "HTTP requests by route, method and status.",
		}, []string{"route", "method", "status"}),
		durations: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "http_request_duration_seconds", Help: "Time to serve a request, by route.",
			Buckets: []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5},
		}, []string{"route"}),
		recommendations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "recommendations_total", Help: "Recommendations computed (not those served again from the cache), by verdict.",
		}, []string{"verdict"}),
		reportsComputed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "serverorless_advisor_reports_computed_total", Help: "Advisor reports computed: one per new set of answers, whichever views ask for it.",
		}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "content_reloads_total", Help: "Content reloads, by result.",
		}, []string{"result"}),
		lastReload: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "content_last_reload_success_timestamp_seconds", Help: "When the content last loaded successfully.",
		}),
		reloadOK: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "content_last_reload_successful", Help: "1 if the last content reload succeeded, 0 if the site serves an older version because it failed.",
		}),
		cacheHits: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "response_cache_hits_total", Help: "Responses served from the cache.",
		}),
		cacheMisses: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "response_cache_misses_total", Help: "Responses that were not in the cache and had to be made.",
		}),
		rateLimited: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "rate_limited_requests_total", Help: "Requests refused with 429 because their client asked for too many new responses.",
		}),
		refusedConns: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "refused_connections_total", Help: "Connections closed at once because their client had too many open.",
		}),
		idleClosed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "idle_connections_closed_total", Help: "Idle connections closed early to make room near the connection cap.",
		}),
	}
	m.registry.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.requests, m.durations, m.recommendations, m.reportsComputed, m.reloads, m.lastReload, m.reloadOK,
		m.cacheHits, m.cacheMisses, m.rateLimited, m.refusedConns, m.idleClosed,
	)
	for _, result := range []string{"success", "failure"} {
		m.reloads.WithLabelValues(result)
	}
	m.lastReload.SetToCurrentTime()
	m.reloadOK.Set(1)
	return m
}

// methodLabel returns the method for the metrics' label: the standard
// methods as they are, anything else as OTHER. A client may send any token
// as its method; each would otherwise be a new series.
func methodLabel(method string) string {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions, http.MethodConnect, http.MethodTrace:
		return method
	}
	return "OTHER"
}

func (m *metrics) observeRequest(route, method string, status int, d time.Duration) {
	k := requestKey{route, methodLabel(method), status}
	c, ok := m.counters.Load(k)
	if !ok {
		c, _ = m.counters.LoadOrStore(k, m.requests.WithLabelValues(k.route, k.method, strconv.Itoa(status)))
	}
	c.(prometheus.Counter).Inc()
	o, ok := m.observers.Load(route)
	if !ok {
		o, _ = m.observers.LoadOrStore(route, m.durations.WithLabelValues(route))
	}
	o.(prometheus.Observer).Observe(d.Seconds())
}

func (m *metrics) observeReload(ok bool) {
	if ok {
		m.reloads.WithLabelValues("success").Inc()
		m.lastReload.SetToCurrentTime()
		m.reloadOK.Set(1)
	} else {
		m.reloads.WithLabelValues("failure").Inc()
		m.reloadOK.Set(0)
	}
}

// MetricsHandler serves the metrics in the Prometheus formats. It belongs
// on a listener of its own (-metrics-addr), never on the site's.
func (s *Server) MetricsHandler() http.Handler {
	return promhttp.HandlerFor(s.metrics.registry, promhttp.HandlerOpts{
		MaxRequestsInFlight: 2,
		Timeout:             10 * time.Second,
	})
}
