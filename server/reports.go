package server

import (
	"errors"

	lru "github.com/hashicorp/golang-lru/v2"
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
	results *lru.Cache[string, *advisor.Result]
	flight  singleflight.Group
}

func newReportCache() *reportCache {
	results, err := lru.New[string, *advisor.Result](maxReports)
	if err != nil {
		panic(err) // only for a size below 1
	}
	return &reportCache{results: results}
}

// report returns the advisor's result for answers, computing it only when
// no recent request did. A computation stops once the request that started
// it is gone, and nothing is kept; a request that was waiting for it and
// whose own client is still there computes the answers itself.
func (s *Server) report(c echo.Context, st *siteState, answers advisor.Answers) (*advisor.Result, error) {
	m := st.site.Model
	key := m.Permalink(answers)
	ctx := c.Request().Context()
	rc := st.reports
	for {
		if r, ok := rc.results.Get(key); ok {
			return r, nil
		}
		v, err, _ := rc.flight.Do(key, func() (any, error) {
			r, err := m.RecommendContext(ctx, answers)
			if err != nil {
				return nil, errClientGone
			}
			s.metrics.reportsComputed.Inc()
			s.metrics.recommendations.WithLabelValues(string(r.Verdict)).Inc()
			rc.results.Add(key, r)
			return r, nil
		})
		// Only a context that is done stops the engine, so a request whose
		// own context is not cannot be refused twice here.
		if errors.Is(err, errClientGone) && ctx.Err() == nil {
			continue
		}
		if err != nil {
			return nil, err
		}
		return v.(*advisor.Result), nil
	}
}
