package advisor

import (
	"math"
)

// axis is the cost factor along the volume, everything else fixed: the
// signed weight (positive for functions) sampled twice a decade and
// fitted to the closest monotone sequence. The weight at a volume is read
// from the fit, so that as the volume grows the bills can move the verdict
// at most once in each direction, even where the cheaper of containers and
// servers changes or tiered prices bend a bill. Where the bills cross more
// than once the fit averages the crossings out, which keeps the verdict
// steady across them.
type axis struct {
	logR []float64 // log10 of the sampled volumes
	fit  []float64 // the monotone signed weights
}

// axisSamples is how many volumes a decade the axis samples.
const axisSamples = 2

// costAxis samples the signed cost weight from 10³ to 10¹¹ requests a month
// and fits it.
func (m *Model) costAxis(c *Cloud, in CostInputs) *axis {
	lo, hi := math.Log10(MinChartRequests), math.Log10(maxRequests)
	n := int(math.Round((hi-lo)*axisSamples)) + 1
	ax := &axis{logR: make([]float64, n), fit: make([]float64, n)}
	for i := range n {
		ax.logR[i] = lo + float64(i)/axisSamples
		in.Requests = math.Pow(10, ax.logR[i])
		f, ct, s := m.Pricing.bills(c, in)
		ax.fit[i] = m.signedWeight(f, cheapestTraditional(ct, s))
	}
	isotonic(ax.fit)
	return ax
}

// at reads the fitted weight at a volume, interpolating between samples on
// the log scale.
func (ax *axis) at(requests float64) float64 {
	x := math.Log10(math.Max(requests, 1))
	if x <= ax.logR[0] {
		return ax.fit[0]
	}
	for i := 1; i < len(ax.logR); i++ {
		if x <= ax.logR[i] {
			t := (x - ax.logR[i-1]) / (ax.logR[i] - ax.logR[i-1])
			return ax.fit[i-1] + t*(ax.fit[i]-ax.fit[i-1])
		}
	}
	return ax.fit[len(ax.fit)-1]
}

// signedWeight is the cost factor's weight at one volume, positive when
// functions cost less; 0 when either side cannot run the work.
func (m *Model) signedWeight(functions, traditional Bill) float64 {
	if !functions.Available || !traditional.Available {
		return 0
	}
	cheap, dear, sign := functions.Total, traditional.Total, 1.0
	if dear < cheap {
		cheap, dear, sign = dear, cheap, -1
	}
	return sign * m.Cost.weight(dear/math.Max(cheap, 0.01), dear)
}

// isotonic replaces ys by the closest sequence, in least squares, that is
// monotone in the direction from its first to its last value: the pool
// adjacent violators algorithm.
func isotonic(ys []float64) {
	if len(ys) < 2 {
		return
	}
	sign := 1.0 // fit a non-decreasing sequence of sign × ys
	if ys[0] > ys[len(ys)-1] {
		sign = -1
	}
	type block struct{ sum, n float64 }
	var blocks []block
	for _, y := range ys {
		blocks = append(blocks, block{sign * y, 1})
		for len(blocks) > 1 {
			a, b := blocks[len(blocks)-2], blocks[len(blocks)-1]
			if a.sum/a.n <= b.sum/b.n {
				break
			}
			blocks = append(blocks[:len(blocks)-2], block{a.sum + b.sum, a.n + b.n})
		}
	}
	i := 0
	for _, b := range blocks {
		for range int(b.n) {
			ys[i] = sign * b.sum / b.n
			i++
		}
	}
}
