package server

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBillCSV: the bills export as CSV, one row an item and no totals, so
// that each option's rows add up to the API's monthly_usd; bad answers get
// a 400 that names the field.
func TestBillCSV(t *testing.T) {
	s := newTestServer(t)
	for _, query := range []string{"", "traffic=spiky&requests=2000000&jobs=hours", "cloud=gcp&requests=300000000", "cloud=azure&memory=4096&requests=0"} {
		t.Run(query, func(t *testing.T) {
			rec := do(t, s, http.MethodGet, "/recommend/bill.csv?"+query)
			require.Equal(t, http.StatusOK, rec.Code, "GET /recommend/bill.csv?%s", query)
			assert.Equal(t, "text/csv; charset=utf-8", rec.Header().Get("Content-Type"))
			assert.Regexp(t, `^attachment; filename="bill-\w+\.csv"$`, rec.Header().Get("Content-Disposition"))
			rows, err := csv.NewReader(strings.NewReader(rec.Body.String())).ReadAll()
			require.NoError(t, err)
			require.NotEmpty(t, rows)
			assert.Equal(t, []string{"option", "item", "formula", "monthly_usd"}, rows[0])
			sums := map[string]float64{}
			for _, row := range rows[1:] {
				assert.NotContains(t, strings.ToLower(row[1]), "total", "no total rows")
				usd, err := strconv.ParseFloat(row[3], 64)
				require.NoError(t, err, row)
				assert.Regexp(t, `^-?\d+\.\d\d$`, row[3], "cents, no currency sign")
				sums[row[0]] += usd
			}

			var api struct {
				Cost struct {
					Options []struct {
						Kind       string     `json:"kind"`
						MonthlyUSD *float64   `json:"monthly_usd"`
						Items      []struct{} `json:"items"`
					} `json:"options"`
				} `json:"cost"`
			}
			apiRec := do(t, s, http.MethodGet, "/api/recommendation?"+query)
			require.NoError(t, json.Unmarshal(apiRec.Body.Bytes(), &api))
			for _, o := range api.Cost.Options {
				if o.MonthlyUSD == nil {
					assert.NotContains(t, sums, o.Kind, "an option that cannot run the work has no rows")
					continue
				}
				assert.Contains(t, []string{"functions", "containers", "servers"}, o.Kind)
				assert.InDelta(t, *o.MonthlyUSD, math.Round(sums[o.Kind]*100)/100, 0.001, "%s: the rows add up to the API's monthly_usd", o.Kind)
			}
		})
	}

	for _, tt := range []struct{ query, field string }{{"memory=64", "memory"}, {"requests=lots", "requests"}, {"traffic=sometimes", "traffic"}} {
		rec := do(t, s, http.MethodGet, "/recommend/bill.csv?"+tt.query)
		assert.Equal(t, http.StatusBadRequest, rec.Code, "GET /recommend/bill.csv?%s", tt.query)
		assert.True(t, strings.HasPrefix(rec.Body.String(), tt.field+": "), "the message names the field: %q", rec.Body.String())
		assert.Contains(t, rec.Header().Get("Content-Type"), "text/plain")
	}
}

// TestBillCSVRateLimited: new exports count against the client's rate limit,
// as the API's answers do.
func TestBillCSVRateLimited(t *testing.T) {
	s := newServerWith(t, Config{RateLimit: 2}) // bursts of 4
	codes := map[int]int{}
	for i := range 40 {
		codes[getFrom(s, "/recommend/bill.csv?requests="+strconv.Itoa(7000+i), "192.0.2.3", "").Code]++
	}
	assert.Positive(t, codes[http.StatusOK])
	assert.Positive(t, codes[http.StatusTooManyRequests], "some of 40 new exports are refused: %v", codes)
}
