package advisor

// AxisAt is, for the tests, the cost factor's differences between
// neighbouring options at each volume on the axis of the inputs, sampled
// along the volume or flat, and which options the axis says can run the
// work: the options in excluded are those the answers rule out, those in
// cannot count as unable to run the work.
func (m *Model) AxisAt(cloud string, in CostInputs, excluded, cannot [3]bool, flat bool, volumes []float64) (diffs [][2]float64, available [3]bool, functionsAreSplit bool) {
	c := m.Pricing.Cloud(cloud)
	ax := m.sampledAxis(c, in, excluded, cannot)
	if flat {
		ax = m.flatAxis(c, in, excluded, cannot)
	}
	for _, v := range volumes {
		d := ax.at(v)
		diffs = append(diffs, [2]float64{d.functionsToContainers, d.containersToServers})
	}
	return diffs, ax.available, ax.functionsAreSplit
}

// SplitOf is, for the tests, the parts a split of the answers runs on
// which platforms, whichever verdict wins: what the split would be.
func (m *Model) SplitOf(a Answers) []SplitPart {
	d, cost := m.decide(a)
	r := &Result{Answers: a, Verdict: Hybrid, Cost: cost}
	m.split(r, d, m.withDerived(a, d))
	return r.Split
}
