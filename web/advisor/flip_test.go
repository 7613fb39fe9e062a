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

// TestBillsAlikeGiveBothEnds: bills named together as costing about the
// same, whose figures differ at the precision the sentence quotes, are
// quoted at both ends, in the sentence and its answer alike:
// "each about $1,340" had stood for Fargate's $1,340 and EC2's $1,277.
func TestBillsAlikeGiveBothEnds(t *testing.T) {
	p := testPricing(t)
	c := p.Cloud("aws")
	m := &Model{Pricing: p, Cost: &CostFactor{ReasonAlike: "At your numbers {cheap} would each cost about {cheap_usd} a month, against {others}."}}
	f := Bill{Kind: Functions, Product: "AWS Lambda", Total: 1970, Available: true}
	ct := Bill{Kind: Containers, Product: "AWS Fargate (Amazon ECS)", Total: 1340, Available: true}
	s := Bill{Kind: Servers, Product: "Amazon EC2", Total: 1277, Available: true}
	d := decision{cloud: c, functions: f, containers: ct, servers: s}
	r := &Result{Verdict: ServerlessContainers, Cost: &Cost{Cloud: c, Functions: f, Containers: ct, Servers: s}}
	assert.Equal(t, "At your numbers AWS Fargate (Amazon ECS) and Amazon EC2 would each cost about $1,280 to $1,340 a month, against $1,970 for AWS Lambda.",
		m.costSentence(r, d, ct, s, s, 3))
	assert.Equal(t, "about the same, $1,280 to $1,340 a month", roughAgainst(1340, 1277, 3))
	assert.Equal(t, "about the same, $1,340 a month", roughAgainst(1340, 1338, 3))
}
