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
	parts, _ := m.HybridOf(a)
	return parts
}

// HybridOf is, for the tests, the split of the answers and its bill,
// whichever verdict wins: what the split would be and cost.
func (m *Model) HybridOf(a Answers) ([]SplitPart, *HybridBill) {
	d, cost := m.decide(a)
	r := &Result{Answers: a, Verdict: Hybrid, Cost: cost}
	m.split(r, d, m.withDerived(a, d))
	return r.Split, r.Cost.Hybrid
}

// Fits is, for the tests, which options can run the work of the inputs
// and whether the functions' bill runs the background jobs on container
// jobs, as the model reads them before any cost axis.
func (m *Model) Fits(cloud string, in CostInputs) (can [3]bool, jobsOffFunctions bool) {
	f := m.fits(m.Pricing.Cloud(cloud), in)
	return f.can, f.jobsOffFunctions
}

// VerdictOf is, for the tests, the verdict a flip reads for the answers,
// which stops before the cost axis where the limits leave one verdict.
func (m *Model) VerdictOf(a Answers) Verdict { return m.verdictOf(a) }

// Judged is, for the tests, the verdict of the whole decision, the cost
// axis read.
func (m *Model) Judged(a Answers) Verdict { return Verdicts[m.judge(a).winner()] }

// ConcurrencyCaveatOf is, for the tests, the caveat on the functions'
// concurrency the answers' bills would carry were the functions chosen,
// whichever verdict wins.
func (m *Model) ConcurrencyCaveatOf(a Answers) (string, bool) {
	d, _ := m.decide(a)
	return m.concurrencyCaveat(d, m.Pricing.workload(d.cloud, d.in), d.functions.PeakConcurrency)
}
