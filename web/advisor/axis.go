package advisor

import (
	"math"
	"slices"
)

// axis is the cost factor along the volume, everything else fixed: each
// option's advantage over the others sampled twice a decade and fitted so
// that as the volume grows the bills move the verdict between any two
// options at most once, never back. The fit keeps the difference between
// each pair of options monotone (fitPairs): usually the containers'
// advantage over functions never falls as the volume grows, and neither
// does the servers' over containers, but a pair moves the other way where
// the bills do. Where bills cross back and forth (tiered prices, machine
// sizes), the fit averages the crossings out, which keeps the verdict
// steady across them.
type axis struct {
	// lo and step place the samples: sample i is at 10^(lo + i·step)
	// requests a month.
	lo, step float64
	// pairs are the fitted differences between the options' penalties, by
	// pair (pairFC, pairCS, pairFS): each moves one way along the volume,
	// and shape says which way and which one is worked out from the
	// other two (fitPairs).
	pairs [3]monotoneCurve
	shape fitShape
	// gaps are the bills' own differences in dollars at the samples, by
	// pair (pairFC, pairCS), read between them on a straight line: the fit
	// may pool a volume's weight with its neighbours' until it fades,
	// never until it argues for the dearer bill (unreversed).
	gaps [2][]float64
	// functionsAreSplit is true when the functions' bill is itself a
	// split's (long jobs as container tasks beside the functions).
	functionsAreSplit bool
	// available says which options can run the work, in the order of
	// their verdicts: the same at every volume.
	available [iHybrid]bool
	// containersHandOff is true where the containers' bill hands the
	// clients' open connections to the managed connection service at
	// every volume sampled that it can run the work at: Cloud Run with
	// Firebase, not Container Apps, which keeps instances allocated for
	// them once Web PubSub's units cost more. It holds along the axis,
	// as an answer's weights must: a flip of the volume moves the cost
	// factor alone.
	containersHandOff bool
	// above, when set, is the axis of the memory on the grid above this
	// one's, and towards how far the answers' memory lies towards it on a
	// log scale, from 0 to 1: the differences are blended between the two.
	above   *axis
	towards float64
}

// costDiffs are the differences between neighbouring options' penalties
// at one volume: how much dearer, in points, the containers count than
// the functions, and the servers than the containers.
type costDiffs struct {
	functionsToContainers, containersToServers float64
}

// axisSamples is how many volumes a decade the axis samples.
const axisSamples = 2

// axisFrom is where the samples start, as a power of ten, and axisVolumes
// are the volumes sampled: from 10³ a month, below which short requests
// cost next to nothing on any option; from 10⁰ for scheduled runs and for
// work of a minute or more a piece, where a few dozen a month (a nightly
// job) already cost something and the options' bills differ. A volume
// below an axis's first sample reads that sample.
var (
	axisFrom, axisFromRuns       = math.Log10(MinChartRequests), 0.0
	axisVolumes, axisVolumesRuns = volumesFrom(axisFrom), volumesFrom(axisFromRuns)
)

// longRunMS is the time a piece of work takes from which its axis starts
// at a single one a month.
const longRunMS = 60_000

func volumesFrom(lo float64) []float64 {
	n := int(math.Round((math.Log10(maxRequests)-lo)*axisSamples)) + 1
	out := make([]float64, n)
	for i := range out {
		out[i] = math.Pow(10, lo+float64(i)/axisSamples)
	}
	return out
}

// axisStart is where the axis of in starts, and the volumes it samples.
func axisStart(in CostInputs) (lo float64, volumes []float64) {
	if in.Entry == EntrySchedule || in.DurationMS >= longRunMS {
		return axisFromRuns, axisVolumesRuns
	}
	return axisFrom, axisVolumes
}

// costAxis is the cost factor along the volume for the inputs, with the
// options in cannot counted as unable to run the work: sampled and
// fitted, or flat where one option at most can run it.
func (m *Model) costAxis(c *Cloud, in CostInputs, excluded, cannot options) *axis {
	if marked(cannot) >= len(cannot)-1 { // one option at most can run the work
		return m.flatAxis(c, in, excluded, cannot)
	}
	return m.sampledAxis(c, in, excluded, cannot)
}

// sampledAxis samples the cost advantages from where axisStart says to
// 10¹¹ a month and fits them.
func (m *Model) sampledAxis(c *Cloud, in CostInputs, excluded, cannot options) *axis {
	lo, _ := axisStart(in)
	// The fleets' upkeep weighs between the servers and the others
	// (fleetsUpkeep); between the functions and the serverless
	// containers, the bills compare as they do without it. Measured
	// against the functions instead of the servers once the upkeep made
	// them the cheaper, Cloud Run services' steps in size had taken the
	// verdict from them to Cloud Run functions and back along the memory.
	core, plain := m.samplesWithout(c, in)
	unsampled, jobsOff := m.Pricing.unsampled(c, in)
	ax := &axis{lo: lo, step: 1.0 / axisSamples, functionsAreSplit: jobsOff, containersHandOff: core.containersHandOff}
	for i, ok := range core.available {
		ax.available[i] = ok && !cannot[i]
	}
	n := len(core.totals)
	functionsToContainers := make([]float64, n)
	containersToServers := make([]float64, n)
	gaps := make([]float64, 2*n)
	gapFC, gapCS := gaps[:n], gaps[n:]
	for i, totals := range core.totals {
		base := plain.totals[i]
		for k := range totals {
			totals[k] += unsampled[k]
			base[k] += unsampled[k]
		}
		if ax.available[iContainers] && ax.available[iTraditional] {
			gapCS[i] = totals[iTraditional] - totals[iContainers]
		}
		d0, functionsCapped := m.diffsAt(c, excluded, ax.available, base, plain.fleetsLogsAt(i), false)
		d := d0
		if plain != core {
			d, _ = m.diffsAt(c, excluded, ax.available, totals, core.fleetsLogsAt(i), false)
		}
		functionsToContainers[i], containersToServers[i] = d0.functionsToContainers, d.containersToServers
		if in.fleetsUpkeep && c.ContainersBilling == BillingInstance && !excluded[iServerless] && !jobsOff { // see functionsToTasksWithTime
			functionsToContainers[i] = withTeamTime(functionsToContainers[i], m.functionsToTasksWithTime(c, excluded, ax.available, totals, core, i))
		}
		if ax.available[iServerless] && ax.available[iContainers] {
			gapFC[i] = functionsGap(totals, base, jobsOff)
		}
		if (functionsCapped || serversLead(excluded, ax.available, totals)) && i > 0 {
			// The functions' penalty at its cap says they are too dear to
			// count more, not that the containers come closer to them; and
			// where the servers cost the least, with the upkeep where it is
			// weighed, how functions and containers compare moves no
			// verdict between them (read on the bills without it, Compute
			// Engine's lead had held Cloud Run functions' lead over Cloud
			// Run services for a part-time team, and the verdict went to
			// the functions and back along the memory). Either way
			// the gap between them holds where it was rather than
			// narrowing, which the fit would average back into the volumes
			// below: Container Apps a third of Flex Consumption's bill at 3
			// million requests counted for nothing, pooled with the
			// volumes past 100 million where it costs more than Flex but
			// servers cost less than both. The containers' penalty at its
			// cap holds nothing: held so, the functions' lead had stayed
			// where Fargate was the cheaper, and Lambda at $23,000, its
			// logs on their volume tiers, had counted nothing against
			// Fargate at $101,000 (review 215).
			functionsToContainers[i] = min(functionsToContainers[i], functionsToContainers[i-1])
		}
	}
	ax.gaps = [2][]float64{gapFC, gapCS}
	fitted, shape := fitPairs(functionsToContainers, containersToServers)
	for k, ys := range fitted {
		if k != shape.derived {
			ax.pairs[k] = newMonotoneCurve(ys)
		}
	}
	ax.shape = shape
	return ax
}

// functionsGap is how much dearer the containers' bill is than the
// functions', the gap their fitted difference may not argue against
// (unreversed): on the bills with the fleets' upkeep (totals), which say
// which of the two the team pays more for, except where the functions'
// bill is a split's, whose parts' hours the bills do not set apart
// (functionsToTasksWithTime), on those without it (base). Read on the
// bills with the upkeep, a split of Lambda and Fargate tasks at $228 had
// counted no dearer than Fargate alone at $128, and growth had never
// moved it (review 261).
func functionsGap(totals, base [3]float64, jobsOff bool) float64 {
	if jobsOff {
		totals = base
	}
	return totals[iContainers] - totals[iServerless]
}

// functionsToTasksWithTime is how much dearer the containers count than
// the functions at the i-th volume of core, bills that carry the fleets'
// upkeep (totals, core.totals' with what the axis adds), where the
// containers are tasks billed while they run (Fargate): with every hour
// of the team's time on every bill, as the bills count it where they
// count that time (OpsCost). Between such tasks and the functions the
// hours differ, which the hands-off gap scale says nothing of: Fargate's
// task definitions, images and scaling policies take the team 4 more
// hours a month than Lambda's handlers, so Fargate at $322 had tied
// Lambda at $348 and won on the tie order, where with the hours Lambda
// comes to $708 against $1,078 (review 234). The functions' own hours on
// both bills keep the ratio what the team pays: on the hours beyond them
// alone, a $26 lead for Fargate had become a fivefold one for Lambda.
// The caller keeps the stronger of this and the lead without the time
// where both lean the same way (withTeamTime).
// Where the functions are ruled out, or their bill is itself a split's,
// their lead counts only for a split, whose parts' hours the bills do not
// set apart, and the caller does not ask: weighed with the hours there,
// EC2 beside Fargate tasks had won over Fargate alone, though the
// machines take the team more hours than the tasks do.
func (m *Model) functionsToTasksWithTime(c *Cloud, excluded, available options, totals [3]float64, core *sampledBills, i int) float64 {
	for k := range totals {
		totals[k] += core.functionsTime
	}
	d, _ := m.diffsAt(c, excluded, available, totals, core.fleetsLogsAt(i), false)
	return d.functionsToContainers
}

// withTeamTime is how much dearer the containers count than the
// functions, given how much without the team's time and with it
// (functionsToTasksWithTime): with it where the hours turn the lead
// round, else the stronger of the two, since hours both take alike
// shrink a ratio they do not change, whichever option leads. 130,000
// scheduled runs a month on Lambda at $5 beside ECS tasks at $40, each
// taking the two hours of a job's definition, had gone to the tasks; and,
// the weaker kept where Fargate led, a steady queue's Lambda at $572 had
// won over Fargate at $356, though with the team's time Fargate still
// cost the less, $578 against $752 (review 242).
func withTeamTime(without, with float64) float64 {
	if without*with < 0 || math.Abs(with) > math.Abs(without) {
		return with
	}
	return without
}

// The pairs of options whose penalties' difference the fit keeps
// monotone along the volume: functions to servers, the sum of the other
// two (the one worked out in the usual shape, the zero fitShape),
// functions to containers, and containers to servers.
const (
	pairFS = iota
	pairFC
	pairCS
)

// fitShape says which way each pair's difference moves along the volume
// and which pair is worked out from the other two, which are fitted: the
// difference of two pairs that move opposite ways, or the sum of two that
// move the same way, moves one way too, so every pair does.
type fitShape struct {
	derived int
	rising  [3]bool // of the two fitted, which never fall (the other never rises)
}

// fitShapes are the shapes the fit tries, the usual first: as the volume
// grows, the containers gain on the functions and the servers on both.
// The others let a pair move the other way where the bills do: Cloud Run
// billed by the instance for 15-second requests grows dearer than Cloud
// Run functions faster than Compute Engine does, and fitting the
// containers' lead over the functions never to rise had pooled it flat
// while the servers' lead over the containers grew, so that Compute
// Engine won at $300,000 a month against Cloud Run functions' $230,000.
var fitShapes = [...]fitShape{
	{derived: pairFS},
	{derived: pairCS, rising: [3]bool{pairFC: true}},
	{derived: pairFC, rising: [3]bool{pairFS: true}},
	{derived: pairCS, rising: [3]bool{pairFS: true}},
	{derived: pairFC, rising: [3]bool{pairCS: true}},
	{derived: pairFS, rising: [3]bool{pairFC: true, pairCS: true}},
}

// fitPairs fits the sampled differences between neighbouring options'
// penalties in each shape and keeps the one closest to the samples, in
// least squares over all three pairs (the first of equals): each pair's
// difference then moves one way along the volume, so no verdict the cost
// factor moves returns to one it left.
func fitPairs(functionsToContainers, containersToServers []float64) (fitted [3][]float64, shape fitShape) {
	n := len(functionsToContainers)
	// An axis's samples, in place: the six shapes are tried without
	// allocating, and the closest kept.
	var sampled, try, best [3][32]float64
	for i := range n {
		sampled[pairFC][i], sampled[pairCS][i] = functionsToContainers[i], containersToServers[i]
		sampled[pairFS][i] = functionsToContainers[i] + containersToServers[i]
	}
	least := math.Inf(1)
	for _, sh := range fitShapes {
		for k := range try {
			if k == sh.derived {
				continue
			}
			ys := try[k][:n]
			copy(ys, sampled[k][:n])
			if sh.rising[k] {
				increasing(ys)
			} else {
				decreasing(ys)
			}
		}
		sse := 0.0
		for i := range n {
			try[sh.derived][i] = sh.derive([3]float64{try[0][i], try[1][i], try[2][i]})
			for k := range try {
				sse += (try[k][i] - sampled[k][i]) * (try[k][i] - sampled[k][i])
			}
		}
		if sse < least-1e-9 {
			least, best, shape = sse, try, sh
		}
	}
	for k := range fitted {
		fitted[k] = slices.Clone(best[k][:n])
	}
	return fitted, shape
}

// derive works out the derived pair's difference from the other two's,
// in v by pair.
func (sh fitShape) derive(v [3]float64) float64 {
	switch sh.derived {
	case pairFC:
		return v[pairFS] - v[pairCS]
	case pairCS:
		return v[pairFS] - v[pairFC]
	}
	return v[pairFC] + v[pairCS]
}

// increasing replaces ys by the closest non-decreasing sequence, in least
// squares.
func increasing(ys []float64) {
	for i := range ys {
		ys[i] = -ys[i]
	}
	decreasing(ys)
	for i := range ys {
		ys[i] = -ys[i]
	}
}

// flatAxis is the axis of inputs that one option at most can run, the
// others in cannot: no bill moves the verdict between options along it.
// Each option that cannot run the work counts as the dearest there can
// be, and the one that can as the cheapest, at every volume, so no volume
// is priced; whether that one can is read at one.
func (m *Model) flatAxis(c *Cloud, in CostInputs, excluded, cannot options) *axis {
	can, jobsOff := m.Pricing.fits(c, in)
	ax := &axis{step: 1.0 / axisSamples, functionsAreSplit: jobsOff}
	for i, ok := range can {
		ax.available[i] = ok && !cannot[i]
	}
	d, _ := m.diffsAt(c, excluded, ax.available, [3]float64{}, 0, false)
	ax.pairs[pairFC] = newMonotoneCurve([]float64{d.functionsToContainers})
	ax.pairs[pairCS] = newMonotoneCurve([]float64{d.containersToServers})
	return ax
}

// marked is how many options are marked.
func marked(o options) int {
	n := 0
	for _, marked := range o {
		if marked {
			n++
		}
	}
	return n
}

// sampledBills are the three options' totals at the volumes of a cost
// axis, in the order of the option kinds, without the background jobs'
// items and without what every option pays alike (logs and data
// transfer: the same dollars on each bill, which would shrink the ratio
// between them and weigh a gap that stays the same as less), and
// which options can run the work. Each option pays its jobs'
// item alike at every volume, so answers that differ in their jobs alone
// share the samples and add the items: the flips of the jobs question,
// which try up to three other answers, price no new volumes.
type sampledBills struct {
	totals [][3]float64
	// fleetsLogs are, at each volume, what the fleets' logs cost beyond
	// the functions' own on their volume tiers (workload.fleetsLogs); nil
	// where they cost nothing beyond at any.
	fleetsLogs []float64
	available  options
	// containersHandOff is true where the containers' bill hands the
	// clients' open connections to the managed connection service at
	// every volume it can run the work at (see axis).
	containersHandOff bool
	// functionsTime is, where the bills carry the fleets' upkeep beyond
	// the functions' operations time (fleetsUpkeep), what that time costs.
	functionsTime float64
}

// fleetsLogsAt is fleetsLogs at the i-th volume.
func (b *sampledBills) fleetsLogsAt(i int) float64 {
	if b.fleetsLogs == nil {
		return 0
	}
	return b.fleetsLogs[i]
}

// samples prices the inputs without their jobs, and without the move of
// an existing application onto functions where that is an item of its
// own, at the axis's volumes, once: answers that differ in those alone
// share them (see Pricing.unsampled).
func (m *Model) samples(c *Cloud, in CostInputs) *sampledBills {
	in = m.sampledInputs(c, in)
	return m.sampled.get(keyOf(c, in.sampled()), func() *sampledBills {
		out, _ := m.priceSamples(c, in, false)
		return out
	})
}

// samplesWithout is samples of in and, where its cost factor weighs the
// fleets' upkeep, of in without it (plain; else in's again): priced in
// one pass where neither is kept, the functions' bill priced once a
// volume for both, since the upkeep leaves it alone (teamTime). Priced
// apart, the two had been a third of the engine's time.
func (m *Model) samplesWithout(c *Cloud, in CostInputs) (core, plain *sampledBills) {
	if !in.fleetsUpkeep {
		core = m.samples(c, in)
		return core, core
	}
	in = m.sampledInputs(c, in)
	without := in
	without.fleetsUpkeep = false
	withKey, withoutKey := keyOf(c, in.sampled()), keyOf(c, without.sampled())
	core, withKept := m.sampled.lookup(withKey)
	plain, withoutKept := m.sampled.lookup(withoutKey)
	switch {
	case withKept && withoutKept:
		return core, plain
	case withKept:
		return core, m.samples(c, without)
	case withoutKept:
		return m.samples(c, in), plain
	}
	core, plain = m.priceSamples(c, in, true)
	m.sampled.keep(withKey, core)
	m.sampled.keep(withoutKey, plain)
	return core, plain
}

// sampledInputs are the inputs samples prices: without their jobs, and
// without the move of an existing application onto functions where that
// is an item of its own, with the logs as the axis weighs them. The
// team's rate goes with the move unless it prices the fleets' upkeep
// too: taken off there, an hour at $1 had been weighed at $90, and Azure
// VMs at $99 had counted as far dearer than Container Apps at $190
// (review 261).
func (m *Model) sampledInputs(c *Cloud, in CostInputs) CostInputs {
	in.Jobs, in.JobRuns = "", 0
	if rewriteApart(in) {
		in.Rewrite = false
		if !in.fleetsUpkeep {
			in.OpsRate = 0
		}
	}
	return in.logsOnAxis(c, &m.Pricing.Common.t)
}

// priceSamples prices the bills of in at the axis's volumes and, with
// plainToo, those of in without the fleets' upkeep (plain), whose
// functions' bill is the same: the fleets' bills alone are priced again.
// What every bill pays alike does not depend on the upkeep either.
func (m *Model) priceSamples(c *Cloud, in CostInputs, plainToo bool) (core, plain *sampledBills) {
	_, volumes := axisStart(in)
	bills := m.Pricing.sampler(c, in)
	defer bills.release()
	core = &sampledBills{totals: make([][3]float64, len(volumes))}
	if in.fleetsUpkeep {
		core.functionsTime = bills.w.functionsTime()
	}
	var fleets *sampler
	if plainToo {
		without := in
		without.fleetsUpkeep = false
		fleets = m.Pricing.sampler(c, without)
		defer fleets.release()
		plain = &sampledBills{totals: make([][3]float64, len(volumes))}
	}
	for i, v := range volumes {
		f, ct, s := bills.at(v)
		alike, logs := bills.alikeOnAxis(), bills.fleetsLogs()
		core.set(i, f, ct, s, alike, logs)
		if plain != nil {
			ct, s = fleets.fleetsAt(v)
			plain.set(i, f, ct, s, alike, logs)
		}
	}
	return core, plain
}

// set keeps the bills at the i-th volume, less what they pay alike, with
// what the fleets' logs cost beyond the functions' own there.
func (b *sampledBills) set(i int, f, ct, s Bill, alike, fleetsLogs float64) {
	b.totals[i] = [3]float64{f.Total - alike, ct.Total - alike, s.Total - alike}
	if fleetsLogs != 0 {
		if b.fleetsLogs == nil {
			b.fleetsLogs = make([]float64, len(b.totals))
		}
		b.fleetsLogs[i] = fleetsLogs
	}
	b.available = options{f.Available, ct.Available, s.Available}
	handsOff := ct.HandsOffConnections || !ct.Available
	b.containersHandOff = handsOff && (i == 0 || b.containersHandOff)
}

// splitShape is what the answers say about where a split's requests run,
// which decides what its bill follows along the volume (see advantages).
type splitShape struct {
	// functionsAreSplit is true when the functions' bill is itself a
	// split's (long jobs as container tasks beside the functions).
	functionsAreSplit bool
	// noContainers is true when the answers' constraints rule the
	// serverless containers out.
	noContainers bool
	// fleetCarries is true when every part of the split besides the
	// requests runs on functions: a split needs two platforms, so the
	// requests then run on a fleet, and the parts on functions cost
	// little beside it.
	fleetCarries bool
	// serversPay is true when a part of the split runs on servers and the
	// cost factor weighs the fleets' upkeep (fleetsUpkeep) or the bills
	// count the team's time: the split then keeps machines of its own,
	// and their upkeep with them.
	serversPay bool
}

// advantages turns the fitted differences between neighbouring options'
// penalties into each verdict's advantage as it counts, in tenths of a
// point, the least favoured at 0. The differences are rounded before they
// are added up, and a hybrid's half of one is rounded on its own, not each
// advantage after: every gap between two verdicts' advantages is then a
// rounded function of the differences alone, and moves one way along the
// volume as they do. Rounding each advantage would move a gap a tenth
// back and forth, and a verdict with it. A hybrid gains the mean of the
// functions' and the containers' advantages (its parts usually run
// there), or of the functions' and the servers' where the answers rule
// the containers out (its parts then run there: the containers' bills,
// which step at sizes of their own, must not move a split against the
// servers), or the functions' alone when that bill is itself a split's.
// A split whose other parts all run on functions has its requests on a
// fleet: it gains the cheaper fleet's advantage, so that it never counts
// as cheap where functions alone would be, and counts as much as the
// fleet where a fleet would carry the requests anyway. A split with a
// part on servers whose upkeep is weighed gains no more than the servers
// do: stateful sessions on Compute Engine beside Cloud Run functions had
// gained the lead that Cloud Run services, the cheaper with the upkeep,
// earned, and a three-platform split had won for a part-time team.
func advantages(d costDiffs, shape splitShape) perVerdict {
	tenths := func(x float64) float64 { return math.Round(x * 10) }
	var a perVerdict // in tenths, whole numbers
	a[iContainers] = -tenths(d.functionsToContainers)
	a[iTraditional] = a[iContainers] - tenths(d.containersToServers)
	switch {
	case shape.fleetCarries && shape.noContainers:
		a[iHybrid] = a[iTraditional]
	case shape.fleetCarries:
		a[iHybrid] = max(a[iContainers], a[iTraditional])
	case shape.functionsAreSplit:
		a[iHybrid] = 0
	case shape.noContainers:
		a[iHybrid] = math.Round(a[iTraditional] / 2)
	default:
		a[iHybrid] = math.Round(a[iContainers] / 2)
	}
	if shape.serversPay {
		a[iHybrid] = min(a[iHybrid], a[iTraditional])
	}
	low := min(0, a[iContainers], a[iTraditional])
	for i := range a {
		a[i] = (a[i] - low) / 10
	}
	return a
}

// at reads the fitted differences at a volume, between samples on the
// log scale.
func (ax *axis) at(requests float64) costDiffs {
	x := math.Log10(max(requests, 1))
	fitted := ax.pairs[(ax.shape.derived+1)%3]
	pos := min(max((x-ax.lo)/ax.step, 0), float64(len(fitted.y)-1))
	var at [3]float64
	for k, c := range ax.pairs {
		if k != ax.shape.derived {
			at[k] = c.at(pos)
		}
	}
	at[ax.shape.derived] = ax.shape.derive(at)
	d := costDiffs{at[pairFC], at[pairCS]}
	if len(ax.gaps[0]) > 1 {
		d.functionsToContainers = unreversed(d.functionsToContainers, between(ax.gaps[0], pos))
		d.containersToServers = unreversed(d.containersToServers, between(ax.gaps[1], pos))
	}
	if ax.above != nil {
		up, t := ax.above.at(requests), ax.towards
		d.functionsToContainers += t * (up.functionsToContainers - d.functionsToContainers)
		d.containersToServers += t * (up.containersToServers - d.containersToServers)
	}
	return d
}

// between reads ys at a position counted in samples from the first, on a
// straight line between the two around it.
func between(ys []float64, pos float64) float64 {
	i := min(int(pos), len(ys)-2)
	t := pos - float64(i)
	return ys[i] + t*(ys[i+1]-ys[i])
}

// unreversed is a fitted difference where the bills' gap at the same
// volume runs the same way, else nothing: the fit, which keeps each pair
// moving one way along the volume, may pool a volume's gap with those
// around it until it fades, never until it argues for the dearer bill.
// Container Apps at $530 had gained a point over Azure VMs at $434,
// pooled with larger volumes where the VMs' warm machines cost more
// (review 191).
func unreversed(fitted, gap float64) float64 {
	if fitted*gap < 0 {
		return 0
	}
	return fitted
}

// handsOff is containersHandOff of the grid's memory nearer the
// answers'.
func (ax *axis) handsOff() bool {
	if ax.above != nil && ax.towards > 0.5 {
		return ax.above.containersHandOff
	}
	return ax.containersHandOff
}

// monotoneCurve runs through evenly spaced values that never rise (or
// never fall), and moves the same way between them: a cubic between each
// two, with slopes that keep it monotone (Fritsch and Butland's). Between
// samples a decade or half a decade apart it follows a bill's smooth
// change closer than a straight line.
type monotoneCurve struct {
	y, slope []float64
}

func newMonotoneCurve(y []float64) monotoneCurve {
	n := len(y)
	c := monotoneCurve{y: y, slope: make([]float64, n)}
	if n < 2 {
		return c
	}
	c.slope[0], c.slope[n-1] = y[1]-y[0], y[n-1]-y[n-2]
	for i := 1; i < n-1; i++ {
		before, after := y[i]-y[i-1], y[i+1]-y[i]
		if before*after > 0 {
			c.slope[i] = 2 * before * after / (before + after)
		}
	}
	return c
}

// at is the curve at a position counted in samples from the first.
func (c monotoneCurve) at(pos float64) float64 {
	i := min(int(pos), len(c.y)-2)
	if i < 0 {
		return c.y[0]
	}
	t := pos - float64(i)
	t2, t3 := t*t, t*t*t
	return (2*t3-3*t2+1)*c.y[i] + (t3-2*t2+t)*c.slope[i] + (-2*t3+3*t2)*c.y[i+1] + (t3-t2)*c.slope[i+1]
}

// diffsAt weighs the options' totals at one volume: how much dearer, in
// points, the containers count than the functions, and the servers than
// the containers (negative where they are cheaper). Each option is
// weighed against the cheapest of those the answers allow (not
// excluded), 0 for that one and any cheaper, so that the servers' lead
// over the functions counts in full however the containers compare. An
// option the reader cannot use must not make the others look dear, but
// its own penalty still counts where a split runs a part on it. But the
// servers and the containers, the two fleets, are weighed against each
// other alone: whether the functions can run the work, or cost less than
// both, must not change how the two compare, or the verdict between them
// would move where the functions reach their limit. An option that cannot
// run the work counts as the dearest there can be, where the bills'
// trend leads as its limit nears (functions are dearest just before they
// stop fitting). Differences smaller than a close call are noise and
// count nothing. Where inFull is set, every dollar of a gap counts in
// full and none is noise (dearerInFull): the differences that decide a
// tie (see costTies). net are the bills less what every option pays
// alike, and fleetsLogs what the fleets' logs cost beyond the functions'
// own on their volume tiers, which counts against the functions alone.
// functionsCapped reports whether the functions'
// penalty, though they can run the work, is at the most a penalty counts.
func (m *Model) diffsAt(c *Cloud, excluded, available options, net [3]float64, fleetsLogs float64, inFull bool) (d costDiffs, functionsCapped bool) {
	// Against the functions, the fleets' bills count what their logs cost
	// beyond the functions' own (workload.fleetsLogs); the two fleets
	// compare without it.
	totals := net
	for i := range totals {
		totals[i] += fleetsLogs
	}
	dearer, most := m.dearer, m.Cost.MaxWeight-m.CloseCallMargin
	if inFull {
		dearer, most = func(a, b, _ float64) float64 { return m.dearerInFull(a, b) }, m.Cost.MaxWeight
	}
	cheapest, cheapestAllowed := -1, -1
	for i, total := range totals {
		if available[i] {
			if cheapest < 0 || total < totals[cheapest] {
				cheapest = i
			}
			if !excluded[i] && (cheapestAllowed < 0 || total < totals[cheapestAllowed]) {
				cheapestAllowed = i
			}
		}
	}
	if cheapestAllowed >= 0 {
		cheapest = cheapestAllowed
	}
	var pen [3]float64
	for i, total := range totals {
		pen[i] = most
		if available[i] {
			pen[i] = max(0, dearer(totals[cheapest], total, m.Cost.gapScale(c, cheapest, i)))
			functionsCapped = functionsCapped || (i == iServerless && pen[i] >= most-1e-9)
		}
	}
	d = costDiffs{pen[1] - pen[0], pen[2] - pen[1]}
	if available[0] && available[1] && !excluded[0] && !excluded[1] {
		// The functions and the containers weighed against each other
		// too, where that counts for more: at the gap scale between the
		// two, a gap that counts for nothing against cheaper servers may
		// decide between them. Container Apps at half Flex
		// Consumption's bill, $56 against $110, had counted nothing
		// beside virtual machines at $57 (review 183).
		cheaper := 0
		if totals[1] < totals[0] {
			cheaper = 1
		}
		if direct := dearer(totals[0], totals[1], m.Cost.gapScale(c, cheaper, 1-cheaper)); math.Abs(direct) > math.Abs(d.functionsToContainers) {
			d.functionsToContainers = direct
		}
	}
	if available[1] && available[2] {
		d.containersToServers = dearer(net[1], net[2], m.Cost.GapScale)
	}
	return d, functionsCapped
}

// gapScale is the gap scale at which a bill of option j counts against a
// cheaper one of option i (iServerless, iContainers, iTraditional; -1 for
// none) on cloud cl: hands_off_gap_scale between the functions and
// serverless containers that run all the time, billed by the task
// (Fargate), either way; else gap_scale. Containers billed only while
// they serve (Cloud Run, Container Apps) cost nothing at the lowest
// volumes, as the functions do, more where each burst keeps an instance
// up after it, and less again at volumes that keep them busy: where they
// cost less, which their instances' concurrency gives them, the hands-off
// scale counts it, but a weight this strong on the idle instance's
// premium would take the verdict from one to the other and back along
// the memory (TestPropertyNoOscillationAlongSweeps), and there the
// answers the two share count for both alike (containers_as_functions)
// instead.
func (c *CostFactor) gapScale(cl *Cloud, i, j int) float64 {
	handsOff := min(i, j) >= 0 && max(i, j) < iTraditional // functions and containers
	if handsOff && (cl.ContainersBilling != BillingRequest || i == iContainers) {
		return c.HandsOffGapScale
	}
	return c.GapScale
}

// kindsGapScale is gapScale for a bill of kind b against a cheaper one of
// kind a.
func (c *CostFactor) kindsGapScale(cl *Cloud, a, b OptionKind) float64 {
	return c.gapScale(cl, slices.Index(OptionKinds, a), slices.Index(OptionKinds, b))
}

// serversLead reports whether the servers, allowed and able to run the
// work, cost less than every other option allowed and able to. The bills
// less what every option pays alike keep their order, however much of the
// logs the functions pay less (fleetsLogs).
func serversLead(excluded, available options, totals [3]float64) bool {
	if !available[2] || excluded[2] {
		return false
	}
	for i := range 2 {
		if available[i] && !excluded[i] && totals[i] <= totals[2] {
			return false
		}
	}
	return true
}

// dearer is how much dearer, in points, a bill of b dollars counts than
// one of a at a gap scale: the cost factor's weight of the larger over
// the smaller, less the close call margin, negative when b is the
// cheaper.
func (m *Model) dearer(a, b, scale float64) float64 {
	return signed(a, b, func(lo, hi float64) float64 {
		return max(0, m.Cost.weight(hi/max(lo, 0.01), hi-lo, scale)-m.CloseCallMargin)
	})
}

// dearerInFull is how much dearer a bill of b dollars counts than one of
// a with every dollar of the gap counted in full, by the price ratio
// alone, and no close call margin taken off: what decides a tie (see
// costTies).
func (m *Model) dearerInFull(a, b float64) float64 {
	return signed(a, b, func(lo, hi float64) float64 { return m.Cost.ratioWeight(hi / max(lo, 0.01)) })
}

// signed is weigh of the larger of a and b over the smaller, negative
// when b is the smaller.
func signed(a, b float64, weigh func(lo, hi float64) float64) float64 {
	if b >= a {
		return weigh(a, b)
	}
	return -weigh(b, a)
}

// decreasing replaces ys by the closest non-increasing sequence, in least
// squares: the pool adjacent violators algorithm.
func decreasing(ys []float64) {
	type block struct{ sum, n float64 }
	var room [32]block // an axis's samples, without allocating
	blocks := room[:0]
	for _, y := range ys {
		blocks = append(blocks, block{y, 1})
		for len(blocks) > 1 {
			a, b := blocks[len(blocks)-2], blocks[len(blocks)-1]
			if a.sum/a.n >= b.sum/b.n {
				break
			}
			blocks = append(blocks[:len(blocks)-2], block{a.sum + b.sum, a.n + b.n})
		}
	}
	i := 0
	for _, b := range blocks {
		for range int(b.n) {
			ys[i] = b.sum / b.n
			i++
		}
	}
}
