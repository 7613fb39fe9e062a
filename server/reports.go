package server

import (
	"sync"

	"github.com/labstack/echo/v4"

	"golang.org/x/sync/singleflight"

	"serverorless/web/advisor"
)

// maxReports bounds the reports kept per site version. A report is the
// engine's whole answer for one set of answers (tens of kilobytes); the
// rendered views live in the response cache, so this one only has to
// outlast the few requests that follow a new answer: its page, fragment,
// card, API and decision record.
const maxReports = 256

// reportCache keeps the engine's recent results by canonical permalink,
// so that every view of one set of answers (page, fragment, result bar,
// API, card, decision record, CSV, Scenarios) renders from one
// computation. Concurrent requests for the same answers share it.
type reportCache struct {
	mu      sync.Mutex
	results map[string]*advisor.Result
	order   []string // oldest first, for eviction
	flight  singleflight.Group
}

func newReportCache() *reportCache {
	return &reportCache{results: map[string]*advisor.Result{}}
}

// report returns the advisor's result for answers, computing it only when
// no recent request did. A computation stops once the request that started
// it is gone, with errClientGone: the requests waiting for the same
// answers then try again (see keep), and none is kept.
func (s *Server) report(c echo.Context, st *siteState, answers advisor.Answers) (*advisor.Result, error) {
	m := st.site.Model
	key := m.Permalink(answers)
	rc := st.reports
	rc.mu.Lock()
	r, ok := rc.results[key]
	rc.mu.Unlock()
	if ok {
		return r, nil
	}
	v, err, _ := rc.flight.Do(key, func() (any, error) {
		r, err := m.RecommendContext(c.Request().Context(), answers)
		if err != nil {
			return nil, errClientGone
		}
		s.metrics.reportsComputed.Inc()
		s.metrics.recommendations.WithLabelValues(string(r.Verdict)).Inc()
		rc.keep(key, r)
		return r, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*advisor.Result), nil
}

func (rc *reportCache) keep(key string, r *advisor.Result) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if _, ok := rc.results[key]; ok {
		return
	}
	if len(rc.order) >= maxReports {
		delete(rc.results, rc.order[0])
		rc.order = rc.order[1:]
	}
	rc.results[key] = r
	rc.order = append(rc.order, key)
}
