package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/web/advisor"
)

// reportsComputed reads the counter of advisor reports from the metrics.
func reportsComputed(t *testing.T, s *Server) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^serverorless_advisor_reports_computed_total (\d+)$`).FindStringSubmatch(scrape(t, s))
	require.NotNil(t, m, "the metrics list the reports computed")
	n, err := strconv.Atoi(m[1])
	require.NoError(t, err)
	return n
}

// TestOneReportPerAnswerSet: every view of one new set of answers (page,
// fragment, result bar, API, card, decision record, CSV) renders from one
// computation of the advisor, even when they are asked for at once.
func TestOneReportPerAnswerSet(t *testing.T) {
	s := newTestServer(t)
	// The five views ask at once for work that a machine with few
	// processors makes one at a time: under the race detector each can
	// take longer than a build waits for a slot in production, and the
	// test counts reports, not refusals (TestWorkPool).
	s.work.maxWait = time.Hour
	before := reportsComputed(t, s)
	const q = "stage=scaleup&cloud=gcp&traffic=spiky&requests=3000000&jobs=hours&control=full"
	paths := []string{"/recommend?" + q, "/api/recommendation?" + q, "/recommend/card.png?" + q, "/recommend/adr.md?" + q, "/recommend/bill.csv?" + q}
	var wg sync.WaitGroup
	for _, p := range paths {
		wg.Go(func() { assert.Equal(t, http.StatusOK, do(t, s, http.MethodGet, p).Code, p) })
	}
	wg.Wait()
	frag := doHeaders(t, s, "/recommend?"+q, map[string]string{"HX-Request": "true", "HX-Target": "result"})
	assert.Equal(t, http.StatusOK, frag.Code)
	assert.Equal(t, before+1, reportsComputed(t, s), "one report for the five views and the fragment")

	do(t, s, http.MethodGet, "/api/recommendation?"+strings.Replace(q, "3000000", "3000001", 1))
	assert.Equal(t, before+2, reportsComputed(t, s), "other answers, another report")
}

// TestReportOfAClientGone: a report whose client has gone is neither
// computed to the end nor kept; the next request for the same answers
// computes it, and the one after reads it.
func TestReportOfAClientGone(t *testing.T) {
	s := newTestServer(t)
	st := s.current()
	answers, errs := st.site.Model.Parse(url.Values{"requests": {"4321000"}})
	require.Empty(t, errs)
	ask := func(ctx context.Context) (*advisor.Result, error) {
		req := httptest.NewRequestWithContext(ctx, http.MethodGet, "/api/recommendation?requests=4321000", nil)
		return s.report(echo.New().NewContext(req, httptest.NewRecorder()), st, answers)
	}
	gone, cancel := context.WithCancel(context.Background())
	cancel()
	before := reportsComputed(t, s)
	_, err := ask(gone)
	assert.ErrorIs(t, err, errClientGone)
	assert.Zero(t, st.reports.results.Len(), "nothing kept")

	first, err := ask(context.Background())
	require.NoError(t, err)
	again, err := ask(context.Background())
	require.NoError(t, err)
	assert.Same(t, first, again, "kept and read")
	assert.Equal(t, before+1, reportsComputed(t, s))
}

// TestGzipLevels: a computed answer, made for a reader or two, is
// compressed at the fastest level; the site's own pages, made once and
// sent many times, at the default one. The gzip header says which (XFL: 4
// for the fastest, 0 for the levels between).
func TestGzipLevels(t *testing.T) {
	body := []byte(strings.Repeat("<p>Serverless containers on AWS Fargate.</p>\n", 200))
	r := reply{body: body, contentType: "text/html; charset=utf-8"}
	answer, page := prepare(r, true, gzipAnswers), prepare(r, true, gzipPages)
	require.True(t, answer.compressed())
	require.True(t, page.compressed())
	require.Greater(t, len(answer.gzipped), 10)
	require.Greater(t, len(page.gzipped), 10)
	assert.Equal(t, byte(4), answer.gzipped[8], "an answer at the fastest level")
	assert.Equal(t, byte(0), page.gzipped[8], "a page at the default level")
}
