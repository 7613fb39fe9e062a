package server

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	before := reportsComputed(t, s)
	const q = "stage=scaleup&cloud=gcp&traffic=spiky&requests=3000000&jobs=hours&realtime=some"
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
