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
// so each verdict's lead over one before it in that order (functions, a
// hybrid, containers, servers) must never shrink, rounding included; a
// lead that shrinks by a tenth and grows back is a verdict that returns.
func TestAdvantagesMoveOneWay(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	var order []int
	for range 500 {
		d := costDiffs{rng.Float64()*40 - 20, rng.Float64()*40 - 20}
		split, noContainers := rng.IntN(4) == 0, rng.IntN(3) == 0
		if noContainers {
			order = []int{iServerless, iHybrid, iTraditional}
		} else {
			order = []int{iServerless, iHybrid, iContainers, iTraditional}
		}
		prev := advantages(d, split, noContainers)
		for range 50 {
			d.functionsToContainers -= rng.Float64() * 0.3
			d.containersToServers -= rng.Float64() * 0.3
			next := advantages(d, split, noContainers)
			for i, a := range order {
				for _, b := range order[i+1:] {
					require.GreaterOrEqual(t, next[b]-next[a], prev[b]-prev[a]-scoreTie,
						"the lead of %s over %s shrank from %v to %v", Verdicts[b], Verdicts[a], prev, next)
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
// 128 MB nearest a memory on a log scale (cells change at 2^½ times a
// grid memory: 724 MB, 1,448 MB …), or at the one below when a limit
// falls between.
func TestGridMemory(t *testing.T) {
	tests := []struct{ mb, nearest, below float64 }{
		{128, 128, 128},
		{512, 512, 512},
		{724, 512, 512},
		{725, 1024, 512},
		{1400, 1024, 1024},
		{1449, 2048, 1024},
		{10000, 8192, 8192},
		{12288, 16384, 8192},
		{262144, 262144, 262144},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.nearest, gridMemory(tt.mb), "%v MB", tt.mb)
		assert.Equal(t, tt.below, gridBelow(tt.mb), "%v MB", tt.mb)
	}
}
