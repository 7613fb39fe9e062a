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
