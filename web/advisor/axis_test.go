package advisor

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAdvantagesMoveOneWay: along the volume the fitted differences only
// ever favour containers over functions and servers over containers more,
// so each verdict's lead over one before it in that order (functions, a
// hybrid, containers, servers) must never shrink, rounding included; a
// lead that shrinks by a tenth and grows back is a verdict that returns.
func TestAdvantagesMoveOneWay(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	order := []int{iServerless, iHybrid, iContainers, iTraditional}
	for range 500 {
		d := costDiffs{rng.Float64()*40 - 20, rng.Float64()*40 - 20}
		split := rng.IntN(4) == 0
		prev := advantages(d, split)
		for range 50 {
			d.functionsToContainers -= rng.Float64() * 0.3
			d.containersToServers -= rng.Float64() * 0.3
			next := advantages(d, split)
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
