package advisor

import (
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestNearestChange checks the search for a number flip against trying
// every candidate nearest first: the same answer wherever the verdict
// moves once within each run, and where nothing changes, three tries
// rather than all of them.
func TestNearestChange(t *testing.T) {
	// Along the duration, in ms: the verdict is containers from 10 s,
	// hybrid again past the limit at 900 s, servers below 5 ms.
	verdictAt := func(x float64) Verdict {
		switch {
		case x > 900000:
			return Hybrid
		case x >= 10000:
			return ServerlessContainers
		case x < 5:
			return Traditional
		}
		return Hybrid
	}
	tests := []struct {
		name string
		v0   float64
		runs [][]float64
		want float64
		ok   bool
		// untried are candidates beyond a nearer change, which the
		// search must not price.
		untried []float64
	}{
		{"as far above as below, before the limit: the larger", 200, [][]float64{{400, 800, 2000, 20000}, {900001}, {100, 50, 20, 2}}, 20000, true, nil},
		{"the nearer of two changes", 2000, [][]float64{{4000, 8000, 20000, 200000}, {900001}, {1000, 500, 200, 2}}, 20000, true, nil},
		{"below", 20, [][]float64{{40, 80, 200, 2000}, {10, 5, 2}}, 2, true, nil},
		{"as far above as below: the larger", 1000, [][]float64{{2000, 10000}, {500, 100}}, 10000, true, nil},
		{"nothing changes", 200, [][]float64{{400, 800, 2000}, {100, 50, 20}}, 0, false, nil},
		{"the nearest changes", 9000, [][]float64{{18000}, {4500}}, 18000, true, nil},
		{"past the limit only", 300000, [][]float64{{600000}, {1200000, 3000000}, {150000}}, 1200000, true, nil},
		{"a near change rules out the runs that start beyond it", 20, [][]float64{{40, 80, 200}, {900001, 2000000}, {10, 5, 2}}, 2, true, []float64{900001, 2000000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tries := map[float64]bool{}
			at := func(x float64) Verdict { tries[x] = true; return verdictAt(x) }
			got, v, ok := nearestChange(tt.v0, tt.runs, verdictAt(tt.v0), at)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
			if ok {
				assert.Equal(t, verdictAt(got), v, "the verdict it names is the one at the value")
			}
			if !ok {
				assert.Len(t, tries, len(tt.runs)+1, "the nearest, and each run's farthest")
			}
			for _, x := range tt.untried {
				assert.False(t, tries[x], "%v is tried beyond the change at %v", x, got)
			}
		})
	}
}

// TestCandidatesRunsSplitAtTheLimit checks that the candidates for the
// duration come in runs that do not cross the functions' limit, each
// nearest first.
func TestCandidatesRunsSplitAtTheLimit(t *testing.T) {
	p := testPricing(t)
	c := p.Cloud("aws")
	q := &Question{Key: "duration", Unit: "ms"}
	k := &p.Common.t
	limit := math.Floor(k.longestRun(c.t.functionsHTTPMaxSeconds) * 1000)
	for _, v0 := range []float64{200000, 1200000} {
		runs := candidates(q, c, k, EntryHTTP, v0, 1, 24*3600*1000)
		if v0 < limit {
			assert.Len(t, runs, 3, "above %v before the limit and past it, and below", v0)
		}
		for _, run := range runs {
			above, past := run[0] > v0, run[0] > limit
			for i, x := range run {
				assert.Equal(t, above, x > v0, "%v", run)
				assert.Equal(t, past, x > limit, "%v", run)
				if i > 0 {
					assert.Less(t, distance(run[i-1], v0), distance(x, v0), "%v: nearest first", run)
				}
			}
		}
		assert.Contains(t, slices.Concat(runs...), map[bool]float64{true: stated("ms", limit+1, true), false: limit}[limit >= v0], "just past the limit, or at it")
	}
}
