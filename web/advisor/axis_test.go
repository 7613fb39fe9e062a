package advisor

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAdvantagesMoveOneWay: along the volume the fitted differences only
// ever favour containers over functions and servers over containers more,
// so the gap between any two verdicts' advantages must move one way only,
// rounding included: a gap that shrinks by a tenth and grows back is a
// verdict that returns. Where a split has its requests on a fleet, the
// hybrid moves with the cheaper fleet; otherwise it sits between the
// functions and the containers, so each verdict's lead over one before it
// in the order functions, a hybrid, containers, servers never shrinks.
func TestAdvantagesMoveOneWay(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for range 800 {
		d := costDiffs{rng.Float64()*40 - 20, rng.Float64()*40 - 20}
		shape := splitShape{functionsAreSplit: rng.IntN(4) == 0, noContainers: rng.IntN(3) == 0, fleetCarries: rng.IntN(3) == 0}
		order := []int{iServerless, iHybrid, iContainers, iTraditional}
		if shape.noContainers {
			order = []int{iServerless, iHybrid, iTraditional}
		}
		prev := advantages(d, shape)
		var moved [nVerdicts][nVerdicts]float64 // the sign each gap has moved in
		for range 50 {
			d.functionsToContainers -= rng.Float64() * 0.3
			d.containersToServers -= rng.Float64() * 0.3
			next := advantages(d, shape)
			for _, a := range order {
				for _, b := range order {
					step := (next[b] - next[a]) - (prev[b] - prev[a])
					if math.Abs(step) <= scoreTie {
						continue
					}
					require.NotEqual(t, -math.Copysign(1, step), moved[a][b],
						"the gap of %s over %s moved back: %v to %v (%+v)", Verdicts[b], Verdicts[a], prev, next, shape)
					moved[a][b] = math.Copysign(1, step)
				}
			}
			if !shape.fleetCarries {
				for i, a := range order {
					for _, b := range order[i+1:] {
						require.GreaterOrEqual(t, next[b]-next[a], prev[b]-prev[a]-scoreTie,
							"the lead of %s over %s shrank from %v to %v", Verdicts[b], Verdicts[a], prev, next)
					}
				}
			}
			prev = next
		}
	}
}

// TestMonotoneCurve: the curve between the cost axis's samples passes
// through each sample and never rises between them, so the verdict moves
// one way between samples too; a straight line would, and so must the
// smoother curve.
func TestMonotoneCurve(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 13))
	for range 500 {
		y := make([]float64, 2+rng.IntN(16))
		y[0] = rng.Float64()*40 - 20
		for i := 1; i < len(y); i++ {
			y[i] = y[i-1]
			if rng.IntN(3) > 0 { // flat stretches, as pooled samples give
				y[i] -= rng.ExpFloat64() * 3
			}
		}
		c := newMonotoneCurve(y)
		prev := math.Inf(1)
		for pos := 0.0; pos <= float64(len(y)-1)+1e-9; pos += 1.0 / 64 {
			v := c.at(pos)
			require.LessOrEqual(t, v, prev+1e-9, "the curve through %v rose at %.3f", y, pos)
			if k := math.Round(pos); math.Abs(pos-k) < 1e-9 {
				require.InDelta(t, y[int(k)], v, 1e-9, "the curve through %v misses sample %d", y, int(k))
			}
			prev = v
		}
	}
}

// TestGridMemory: the cost axes read the bills at the power of two times
// 128 MB at or below a memory, and blend them with those of the next one
// up (TestMemoryBetweenGridSizes).
func TestGridMemory(t *testing.T) {
	tests := []struct{ mb, grid float64 }{
		{128, 128},
		{512, 512},
		{724, 512},
		{1023, 512},
		{1024, 1024},
		{1449, 1024},
		{10000, 8192},
		{12288, 8192},
		{262144, 262144},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.grid, gridMemory(tt.mb), "%v MB", tt.mb)
	}
}

// TestGridDuration: the cost axes read the bills at the R10 preferred
// number of milliseconds nearest a duration on a log scale (cells change
// halfway between two on that scale: 2 s reads 2 s, 2.2 s reads 2 s,
// 2.3 s 2.5 s), or at the one at or below when a limit falls between.
func TestGridDuration(t *testing.T) {
	tests := []struct{ ms, nearest, below float64 }{
		{1, 1, 1},
		{100, 100, 100},
		{110, 100, 100},
		{113, 125, 100},
		{300, 315, 250},
		{315, 315, 315},
		{2000, 2000, 2000},
		{2200, 2000, 2000},
		{2300, 2500, 2000},
		{840_000, 800_000, 800_000},
		{900_000, 1_000_000, 800_000},
		{86_400_000, 80_000_000, 80_000_000},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.nearest, gridDuration(tt.ms, false), "%v ms", tt.ms)
		assert.Equal(t, tt.below, gridDuration(tt.ms, true), "%v ms", tt.ms)
	}
}

// TestFitPairsMoveOneWay: whatever the samples, each pair of options'
// fitted difference (functions to containers, containers to servers, and
// functions to servers, their sum) moves one way along the volume, so no
// two verdicts change places twice; where the samples already fall, as
// usual, the fit is theirs. Where the containers lose ground to the
// functions as the volume grows while the servers gain on the
// containers, the servers' difference from the functions follows the
// samples rather than the fit of the other two: AWS's Lambda, a third
// below Amazon EC2 at 1.5 billion requests, had lost to it on a fit that
// held the functions' lead over Fargate flat (review 121).
func TestFitPairsMoveOneWay(t *testing.T) {
	monotone := func(ys []float64) bool {
		up, down := true, true
		for i := 1; i < len(ys); i++ {
			up = up && ys[i] >= ys[i-1]-1e-9
			down = down && ys[i] <= ys[i-1]+1e-9
		}
		return up || down
	}
	rng := rand.New(rand.NewPCG(21, 34))
	for range 500 {
		n := 2 + rng.IntN(22)
		fc, cs := make([]float64, n), make([]float64, n)
		for i := range n {
			fc[i], cs[i] = rng.Float64()*40-20, rng.Float64()*40-20
		}
		fitted, shape := fitPairs(fc, cs)
		for k, ys := range fitted {
			require.True(t, monotone(ys), "pair %d of %v and %v in %+v: %v", k, fc, cs, shape, ys)
		}
		for i := range n {
			require.InDelta(t, fitted[pairFS][i], fitted[pairFC][i]+fitted[pairCS][i], 1e-9)
		}
	}

	falling := []float64{9, 7, 7, 4, 1, -2}
	fitted, shape := fitPairs(falling, []float64{3, 2, 0, -1, -1, -4})
	assert.Equal(t, fitShape{}, shape, "the usual shape")
	assert.Equal(t, falling, fitted[pairFC])

	// The review's axis: functions 1.8 points ahead of the containers at
	// low volume, level in the middle, 11 ahead at the top; the servers
	// level with the containers, then 3 points ahead of them.
	fc := []float64{1.8, 1.8, 1.8, 1.8, 1.8, 1.7, 0.3, 0, 0, 0.3, 5.5, 8.6, 9.9, 10.5, 10.8, 11, 11.1}
	cs := []float64{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -0.3, -2.2, -2.6, -2.8, -2.9, -2.9, -2.9}
	fitted, _ = fitPairs(fc, cs)
	top := len(fc) - 1
	assert.InDelta(t, fc[top]+cs[top], fitted[pairFS][top], 1, "the functions' lead over the servers at the top, as sampled")
	assert.Greater(t, fitted[pairFS][top], 5.0)
}

// TestYearHolder: where the cheapest option a year on leads that month
// alone, by a close shave, the option the growth caveat names is the one
// that leads there for the months a change must hold, from the month its
// lead starts: Container Apps 13 cents below the virtual machines in
// month 12, after Flex Consumption's lead from month 5 and the machines'
// from month 10, had put Flex Consumption's month 5 forward.
func TestYearHolder(t *testing.T) {
	kinds := "ccccc" + "fffff" + "ss" + "c" + "sssss"
	tl := make([]TimelinePoint, len(kinds))
	for i, k := range kinds {
		p := CostPoint{Functions: 100, Containers: 100, Servers: 100}
		switch k {
		case 'c':
			p.Cheapest, p.Containers = Containers, 90
		case 'f':
			p.Cheapest, p.Functions = Functions, 90
		case 's':
			p.Cheapest, p.Servers = Servers, 90
		}
		tl[i] = TimelinePoint{Month: i, CostPoint: p}
	}
	tl[12].Servers = 90.13 // within a dollar of month 12's cheapest
	assert.Equal(t, 10, yearHolder(tl, 5, 12, 2))
	assert.Equal(t, 5, settledFrom(tl, 5, 2), "Flex Consumption holds months 5 and 6")
	// Where the year's cheapest holds, it is the one.
	tl[12].Servers = 100
	tl[13].Cheapest, tl[13].Containers = Containers, 90
	assert.Equal(t, 12, settledFrom(tl, 12, 2))
}
