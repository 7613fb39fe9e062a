package server

import (
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// metrics holds what /metrics reports, in the Prometheus text format. It is
// small enough that a client library would add more than it saves.
type metrics struct {
	mu              sync.Mutex
	requests        map[requestKey]uint64
	durations       map[string]*histogram // by route
	recommendations map[string]uint64     // by verdict
	reloads         map[string]uint64     // by result: success or failure
	lastReload      time.Time
	started         time.Time
}

type requestKey struct {
	route, method string
	status        int
}

// latencyBuckets are the histogram's upper bounds in seconds.
var latencyBuckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5}

type histogram struct {
	counts []uint64 // per bucket, not cumulative
	sum    float64
	count  uint64
}

func newMetrics() *metrics {
	return &metrics{
		requests:        map[requestKey]uint64{},
		durations:       map[string]*histogram{},
		recommendations: map[string]uint64{},
		reloads:         map[string]uint64{},
		started:         time.Now(),
	}
}

func (m *metrics) observeRequest(route, method string, status int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[requestKey{route, method, status}]++
	h := m.durations[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets))}
		m.durations[route] = h
	}
	sec := d.Seconds()
	if i, _ := slices.BinarySearch(latencyBuckets, sec); i < len(latencyBuckets) {
		h.counts[i]++
	}
	h.sum += sec
	h.count++
}

func (m *metrics) observeRecommendation(verdict string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.recommendations[verdict]++
}

func (m *metrics) observeReload(ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if ok {
		m.reloads["success"]++
		m.lastReload = time.Now()
	} else {
		m.reloads["failure"]++
	}
}

// write renders every metric, sorted, in the Prometheus text format 0.0.4.
func (m *metrics) write(w io.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var b strings.Builder

	b.WriteString("# HELP http_requests_total HTTP requests by route, method and status.\n# TYPE http_requests_total counter\n")
	keys := make([]requestKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b requestKey) int {
		return strings.Compare(fmt.Sprint(a.route, a.method, a.status), fmt.Sprint(b.route, b.method, b.status))
	})
	for _, k := range keys {
		fmt.Fprintf(&b, "http_requests_total{route=%q,method=%q,status=\"%d\"} %d\n", k.route, k.method, k.status, m.requests[k])
	}

	b.WriteString("# HELP http_request_duration_seconds Time to serve a request, by route.\n# TYPE http_request_duration_seconds histogram\n")
	for _, route := range sortedKeys(m.durations) {
		h := m.durations[route]
		var cumulative uint64
		for i, le := range latencyBuckets {
			cumulative += h.counts[i]
			fmt.Fprintf(&b, "http_request_duration_seconds_bucket{route=%q,le=%q} %d\n", route, strconv.FormatFloat(le, 'f', -1, 64), cumulative)
		}
		fmt.Fprintf(&b, "http_request_duration_seconds_bucket{route=%q,le=\"+Inf\"} %d\n", route, h.count)
		fmt.Fprintf(&b, "http_request_duration_seconds_sum{route=%q} %s\n", route, strconv.FormatFloat(h.sum, 'f', -1, 64))
		fmt.Fprintf(&b, "http_request_duration_seconds_count{route=%q} %d\n", route, h.count)
	}

	b.WriteString("# HELP recommendations_total Recommendations given, by verdict.\n# TYPE recommendations_total counter\n")
	for _, v := range sortedKeys(m.recommendations) {
		fmt.Fprintf(&b, "recommendations_total{verdict=%q} %d\n", v, m.recommendations[v])
	}

	b.WriteString("# HELP content_reloads_total Content reloads, by result.\n# TYPE content_reloads_total counter\n")
	for _, result := range []string{"success", "failure"} {
		fmt.Fprintf(&b, "content_reloads_total{result=%q} %d\n", result, m.reloads[result])
	}
	if !m.lastReload.IsZero() {
		b.WriteString("# HELP content_last_reload_success_timestamp_seconds When the content last reloaded successfully.\n# TYPE content_last_reload_success_timestamp_seconds gauge\n")
		fmt.Fprintf(&b, "content_last_reload_success_timestamp_seconds %d\n", m.lastReload.Unix())
	}

	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	fmt.Fprintf(&b, "# HELP go_goroutines Goroutines that currently exist.\n# TYPE go_goroutines gauge\ngo_goroutines %d\n", runtime.NumGoroutine())
	fmt.Fprintf(&b, "# HELP go_memstats_heap_alloc_bytes Bytes of allocated heap objects.\n# TYPE go_memstats_heap_alloc_bytes gauge\ngo_memstats_heap_alloc_bytes %d\n", mem.HeapAlloc)
	fmt.Fprintf(&b, "# HELP process_uptime_seconds Seconds since the server started.\n# TYPE process_uptime_seconds gauge\nprocess_uptime_seconds %d\n", int64(math.Round(time.Since(m.started).Seconds())))
	_, _ = io.WriteString(w, b.String())
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
