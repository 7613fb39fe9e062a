package advisor

import (
	"cmp"
	"context"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Result is the advisor's recommendation for one set of answers.
type Result struct {
	Verdict Verdict
	// Confidence is the verdict's share of exp(score / temperature) among
	// the verdicts no hard limit rules out: 1/2 or 1/3 is a coin toss, 1 is
	// certain. Where the verdict or its clear lead rests on the team's
	// hours (WithoutTeamTime, RunnerUpWithoutTeamTime), it is the mean of
	// the shares with and without them, and no less than a coin toss.
	Confidence float64
	// WithoutTeamTime is the verdict the answers and the providers'
	// charges alone give, where the cost factor weighs the team's hours
	// the bills leave out and, without them, another verdict comes first;
	// else "". The hours are an estimate, so the verdict is no clear lead.
	WithoutTeamTime Verdict
	// RunnerUpWithoutTeamTime is, where the verdict leads clearly with
	// those hours and still comes first without them, but by less than a
	// clear lead over a runner-up whose bill is the cheaper, that
	// runner-up (led by leadWithoutTeamTime); else "". Its clear lead
	// rests on the hours, and the confidence is the mean too.
	RunnerUpWithoutTeamTime Verdict
	leadWithoutTeamTime     float64
	Scores                  map[Verdict]float64 // the summed weights, one per verdict
	// CloseCall is true when the runner-up among the allowed verdicts
	// scores within the model's close-call margin of the verdict.
	CloseCall bool
	// Tie is true when the runner-up scores as much as the verdict, which
	// the bills put first where TieOnCost is set (the verdict's is the
	// cheaper by a lead the scores did not count), else the model's tie
	// order. TieOnFree is set where both bills come to nothing at the
	// answers' volume and the verdict's stays free to the larger one.
	Tie, TieOnCost, TieOnFree bool
	RunnerUp                  Verdict // "" when only one verdict is allowed
	// Reasons are the answers' effects: those that favour the verdict
	// first, then those against it, then those that favour a verdict a
	// hard limit ruled out; the strongest first within each group.
	Reasons []Reason
	Limits  []*Limit // the hard limits that were hit
	Caveats []string // soft limits to act on
	// MiddleGround says why the verdict won where no strong reason
	// favours it: it comes second on the two strongest cases for others.
	MiddleGround string
	RuledOut     []Verdict // verdicts the limits excluded
	Guidelines   []*Guideline
	Split        []SplitPart // for a hybrid verdict: which part runs where
	// RunnerUpSplit is, where the runner-up is a hybrid, the split it
	// would be, and RunnerUpHybrid its bill: "narrowly ahead of Hybrid"
	// had named a split the result described nowhere (review 253).
	RunnerUpSplit  []SplitPart
	RunnerUpHybrid *HybridBill
	Flips          []Flip // single answers that would change the verdict
	Cost           *Cost
	Answers        Answers
	// Platform names the products the verdict stands on: the option whose
	// bill it is ("Cloud Run services"), or for a hybrid the products of
	// its parts.
	Platform string
}

// Reason is the effect of one answer, or of the bills, on the result.
type Reason struct {
	Factor      string // the question's key, or "cost"
	Label       string // the question's label
	Answer      string // the normalised answer
	AnswerLabel string
	Favours     Verdict // the one verdict it pushes towards most
	Weight      float64 // its push towards Favours
	Impact      float64 // how far it moved the verdict ahead of its best allowed rival
	Stance      Stance  // for, against or ruled_out
	Sentence    string  // why, in words; a ruled-out reason says what ruled it out
	Base        string  // the sentence alone, without what ruled its verdict out
	LearnMore   string

	weights perVerdict // what it gives each verdict
}

// Limit is a hard limit that was hit.
type Limit struct {
	ID        string
	RulesOut  []Verdict
	Message   string
	Clause    string // what rules the verdict out, to follow "but"
	LearnMore string
	// Guide names what the LearnMore section explains, where the clause
	// does not read well after "why".
	Guide  string
	Source *Fact // the published limit, for limits the cost model found
	// Decisive is true when the limit ruled out a verdict that would have
	// won over the one chosen: without it the answer could be another.
	Decisive bool
	wouldWin []Verdict // the verdicts it rules out that would have won
}

// Flip is a one-answer change that would give another verdict.
type Flip struct {
	Factor      string
	Answer      string // the alternative answer
	AnswerLabel string
	Verdict     Verdict
	// CloseCall is true when the verdict another answer to a choice
	// gives leads its runner-up by less than the close call margin, as
	// Result.CloseCall says of the answers given; the sentence then says
	// so (markCloseCall).
	CloseCall bool
	Sentence  string // "Serverless if you had background jobs of up to 15 minutes."
}

// SplitPart is one part of a hybrid split, in words.
type SplitPart struct {
	Part   string
	RunsOn Verdict
	Why    string
	priced string    // how the split's bill prices it: see SplitRule.Priced
	jobs   bool      // runs as the cloud's container jobs: see SplitRule.RunsAsJobs
	when   Condition // the answers that describe the part: SplitRule.When
}

// splitRuns reports whether the split runs a part that the answer to key
// describes on v: the answer's reason, which favours v, then argues for
// the split, which gives that part what the reason asks.
func (r *Result) splitRuns(key, answer string, v Verdict) bool {
	return slices.ContainsFunc(r.Split, func(p SplitPart) bool {
		return p.RunsOn == v && slices.Contains(p.when[key], answer)
	})
}

// PartProduct is the product a part of the split runs on: its platform's,
// or the cloud's container jobs for a part that runs as jobs.
func (r *Result) PartProduct(p SplitPart) string {
	if p.jobs && r.Cost.Cloud != nil {
		return r.Cost.Cloud.Products.Jobs
	}
	return r.Cost.Product(p.RunsOn.OptionKind())
}

// Recommend runs the model on the answers. It is deterministic: the same
// model and answers always give the same result.
func (m *Model) Recommend(a Answers) *Result {
	r, _ := m.RecommendContext(context.Background(), a)
	return r
}

// RecommendContext is Recommend for a request that may go away: it stops
// between steps once ctx is done, and returns ctx's error, so that a
// client who hung up keeps no processor busy.
func (m *Model) RecommendContext(ctx context.Context, a Answers) (*Result, error) {
	d, cost := m.decide(a)
	chosen := d.winner()
	r := &Result{Answers: a, Scores: map[Verdict]float64{}, Verdict: Verdicts[chosen], Cost: cost}
	m.score(r, d)
	r.Limits = m.limits(d)
	m.markRuledOut(r, d)
	unbilled, limitless := d.unbilled(), m.limitless(d)
	for _, l := range r.Limits {
		for _, v := range l.RulesOut {
			i, judged := slices.Index(Verdicts, v), unbilled
			if i < iHybrid && limitless.axis.available[i] && !d.axis.available[i] {
				judged = limitless // its own limit ruled it out: weigh its bill
			}
			if judged.beats(i, chosen) {
				l.wouldWin = append(l.wouldWin, v)
			}
		}
		l.Decisive = len(l.wouldWin) > 0
	}
	facts := m.withDerived(a, d)
	d.withTime = new(map[OptionKind]*Bill)
	if r.Verdict == Hybrid {
		m.split(r, d, facts) // before the reasons, which weigh the split's bill
	} else if r.RunnerUp == Hybrid {
		second := Result{Cost: new(*r.Cost)}
		m.split(&second, d, facts)
		r.RunnerUpSplit, r.RunnerUpHybrid = second.Split, second.Cost.Hybrid
	}
	r.Platform = r.platform()
	r.Reasons = m.reasons(r, d)
	r.MiddleGround = m.middleGround(r)
	r.Caveats = m.caveats(r, d)
	for _, g := range m.Guidelines {
		// A guideline for a verdict the constraints or limits rule out,
		// and on whose platform no part of a split runs, points where
		// the work cannot go: "most of the work is triggered by events
		// or timers" beside 45-minute runs Lambda cannot take.
		ruledOut := d.ruledOut[slices.Index(Verdicts, g.Favours)] &&
			!slices.ContainsFunc(r.Split, func(p SplitPart) bool { return p.RunsOn == g.Favours })
		if m.Matches(g.When, facts) && !ruledOut {
			r.Guidelines = append(r.Guidelines, g)
		}
	}
	var err error
	r.Flips, err = m.flips(ctx, r, d)
	if err != nil {
		return nil, err
	}
	return r, nil
}

// markRuledOut names, on each bill that could run the work but whose
// verdict the answers' constraints rule out, the clause that does. The
// functions' bill that runs long jobs on container jobs is the split's,
// which those constraints leave.
func (m *Model) markRuledOut(r *Result, d decision) {
	for _, b := range r.Cost.Bills() {
		i := slices.Index(OptionKinds, b.Kind)
		if !b.Available || !d.excluded[i] || (i == iServerless && d.functionsAreTheSplit()) {
			continue
		}
		for _, l := range r.Limits {
			// A bill that runs the long jobs on container jobs (JobsOn)
			// is not what a limit a split resolves rules out: full
			// control, say, is.
			if c := m.constraint(l.ID); slices.Contains(l.RulesOut, Verdicts[i]) && !(b.JobsOn != "" && c != nil && c.ResolvedBySplit) {
				b.RuledOut = l.Clause
				break
			}
		}
	}
}

// platform names the products the verdict runs on: its option's (with
// the jobs product where that bill runs the longer jobs there: Cloud Run
// functions stop queued work at 9 minutes), or for a hybrid those its
// parts run on, the requests' first.
func (r *Result) platform() string {
	if b := r.Cost.Bill(r.Verdict.OptionKind()); b != nil {
		if b.JobsOn != "" {
			return b.Product + " and " + b.JobsOn
		}
		return b.Product
	}
	var names []string
	for _, p := range r.Split {
		if name := r.PartProduct(p); !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return strings.Join(names, " and ")
}

// axis returns the cost axis for the inputs, computing it once. The bills
// along it are those of the memories on the grid at and above the
// inputs' (gridMemory), the cost factor blended between the two by where
// the memory lies between them on a log scale, at the nearest duration on
// its grid (gridDuration); which options can run the work is the inputs'
// own.
func (m *Model) axis(c *Cloud, in CostInputs, excluded options) *axis {
	in = in.logsOnAxis(c, &m.Pricing.Common.t) // part of every key below
	grid := in
	grid.MemoryMB, grid.DurationMS = gridMemory(in.MemoryMB), gridDuration(in.DurationMS, false)
	if grid == in {
		return m.gridAxis(c, in, excluded, options{})
	}
	return m.axes.get(axisKey{keyOf(c, in), excluded}, func() *axis {
		fit := m.fits(c, in)
		can, split := fit.can, fit.jobsOffFunctions
		cannot := options{!can[0], !can[1], !can[2]}
		ax := *m.gridAxis(c, grid, excluded, cannot)
		if ax.available != can {
			// A duration limit between the answers and the grid's above
			// them: the grid's below can run whatever the answers can.
			grid.DurationMS = gridDuration(in.DurationMS, true)
			ax = *m.gridAxis(c, grid, excluded, cannot)
		}
		if grid.MemoryMB < in.MemoryMB {
			ax.above, ax.towards = m.axisAbove(c, in, grid, excluded, cannot, can)
		}
		ax.available, ax.functionsAreSplit = can, split
		return &ax
	})
}

// axisAbove is the axis the cost factor is blended with above the grid's
// memory below the answers', and how far towards it the answers' memory
// lies on a log scale: the grid's next memory up, or where an option's
// memory limit falls between them (Lambda's 10 GB between 8 and 16 GB),
// that limit, the largest memory the same options can run. Nil where
// neither runs what the answers can.
func (m *Model) axisAbove(c *Cloud, in, grid CostInputs, excluded, cannot options, can [iHybrid]bool) (*axis, float64) {
	limits := []float64{c.t.functionsMaxMemoryMB.v(), c.t.containersMaxMemoryGB.v() * 1024}
	slices.Sort(limits)
	for _, mb := range append(limits, 2*grid.MemoryMB) {
		if mb < in.MemoryMB || mb <= grid.MemoryMB || mb > 2*grid.MemoryMB {
			continue
		}
		above := grid
		above.MemoryMB = mb
		if up := m.gridAxis(c, above, excluded, cannot); up.available == can {
			return up, math.Log2(in.MemoryMB/grid.MemoryMB) / math.Log2(mb/grid.MemoryMB)
		}
	}
	return nil, 0
}

// fitting is what a cost axis of the inputs says besides the bills, read
// at one volume: which options can run the work, and whether the
// functions' bill runs the background jobs on the cloud's container jobs.
// No limit depends on the volume, so the axis sampled along it says the
// same (TestLimitsDoNotDependOnTheVolume, TestAxisSaysWhatFits).
type fitting struct {
	can              options
	jobsOffFunctions bool
}

// fits is the inputs' fitting, read once.
func (m *Model) fits(c *Cloud, in CostInputs) fitting {
	in.onAxis, in.logsShare = false, 0 // what the logs cost rules nothing out
	return m.fitted.get(keyOf(c, in), func() fitting {
		can, off := m.Pricing.fits(c, in)
		return fitting{can, off}
	})
}

// axisKey identifies a cost axis: the bills' inputs and the options the
// answers' constraints exclude (see diffsAt).
type axisKey struct {
	costKey
	excluded options
}

// gridKey identifies an axis on the memory grid: its key, and the options
// that cannot run the answers' own work.
type gridKey struct {
	axisKey
	cannot options
}

// gridAxis is the cost axis of inputs whose memory is on the grid, with
// the options in cannot counted as unable to run the work.
func (m *Model) gridAxis(c *Cloud, in CostInputs, excluded, cannot options) *axis {
	return m.gridAxes.get(gridKey{axisKey{keyOf(c, in), excluded}, cannot}, func() *axis { return m.costAxis(c, in, excluded, cannot) })
}

// gridMemory is the power of two times 128 MB at or below a memory:
// where every provider's function tiers, container sizes and machine
// sizes step. The bills weigh each other there, and between two of its
// memories the cost factor moves from one's weights to the other's (see
// axis), so that along the memory the verdict moves one way, from
// functions towards containers and servers, instead of back and forth at
// each option's own steps between; a reader's bills are still priced at
// their own memory.
func gridMemory(mb float64) float64 {
	if mb <= 128 {
		return mb
	}
	return 128 * math.Exp2(math.Floor(math.Log2(mb/128)))
}

// preferredNumbers are the R10 series of ISO 3 within a decade: ten steps
// of about 26%, each rounded to the figures people give.
var preferredNumbers = [...]float64{1, 1.25, 1.6, 2, 2.5, 3.15, 4, 5, 6.3, 8}

// gridDuration is the duration on the grid of R10 preferred numbers of
// milliseconds nearest a duration on a log scale, or at or below it. A
// reader's average duration is an estimate, and no verdict should hinge
// on a few per cent of it: the bills weigh each other at the grid's
// durations, a step at a time along the duration, as they do along the
// memory. Round durations (100 ms, 250 ms, 2 s) are on the grid, and the
// answers that differ in their duration alone, a reader moving it, share
// the grid's axes.
func gridDuration(ms float64, below bool) float64 {
	k := int(math.Round(10 * math.Log10(max(ms, 1))))
	at := func(k int) float64 { return preferredNumbers[k%10] * math.Pow10(k/10) }
	if below && at(k) > ms {
		k--
	}
	return at(k)
}

// decision is the arithmetic of a verdict: the bills, a score and a
// ruled-out flag per verdict in the order of Verdicts, and the cost
// factor's part of the scores.
type decision struct {
	in CostInputs
	// weighed are the inputs the cost factor weighs: in, with the
	// fleets' upkeep on their bills where an answer weighs it though the
	// bills leave the team's time out (Option.WeighsTeamTime).
	weighed                        CostInputs
	growth                         float64
	cloud                          *Cloud
	common                         *commonTable
	functions, containers, servers Bill
	scores                         perVerdict
	answerScores                   perVerdict // the scores before the cost factor
	ruledOut                       [nVerdicts]bool
	constraints                    []*Constraint
	excluded                       options // the options the constraints rule out
	// axis is the cost factor along the volume for the answers' bills;
	// it also says which options can run the work.
	axis *axis
	// oneWorkload is true when the answers describe one workload, which
	// rules the split out.
	oneWorkload bool
	// jobsDearerOnFunctions is true when the split's one part beside the
	// fleet is the background jobs, which cost more on functions than on
	// the cheaper fleet the answers allow: it rules the split out too.
	jobsDearerOnFunctions bool
	// fleetCarries is true when every other part of a split runs on
	// functions, or a constraint on the whole workload rules the
	// functions out, so that its requests run on a fleet.
	fleetCarries bool
	// onePartBesideFleet is true when a fleet carries the split's
	// requests and one part alone runs beside it.
	onePartBesideFleet bool
	// serversPay is true when a part of the split runs on servers whose
	// upkeep the cost factor weighs or the bills count (opscost=yes):
	// splitShape.serversPay. Where the bills count it, a split of
	// stateful sessions on Compute Engine beside Cloud Run functions had
	// gained the mean of the functions' and the services' leads over the
	// machines, as if it kept none, and come a close second to Cloud Run
	// services alone (review 245).
	serversPay bool
	// withTime holds the bills with the team's time at the answers'
	// volume once priced, for a result's reasons and caveats
	// (answersWithTeamTime); nil in the decisions of flips, which say
	// nothing.
	withTime *map[OptionKind]*Bill
	// partKeys are the questions whose answers describe that one part,
	// where onePartBesideFleet is set (see answerWeights).
	partKeys []string
	// containersHandOff is true where the containers' bill hands the
	// clients' open connections to the managed connection service
	// (axis.handsOff).
	containersHandOff bool
	// resolved are the questions whose answers a split resolves, and
	// resolves what they count for it over the functions (see
	// splitResolves).
	resolved []string
	resolves float64
	// nearLimit is true when the model's headroom rule weighed the work:
	// each piece takes most of the functions' longest run.
	nearLimit bool
	// sessionLimit is true when the model's session rule weighed the
	// answers: the cloud's serverless containers end their sessions.
	sessionLimit bool
	// fewExecutions is true when the functions would run fewer at once
	// at the busiest hour than db_pooler_from_executions: an answer that
	// counts from there (Option.CountsFromExecutions) does not.
	fewExecutions bool
	cost          costFactor
	// growthNotToServers is true when an answer holds the look-ahead off
	// the servers (Option.GrowthNotToServers): the bills a few months
	// ahead count for them no more than today's.
	growthNotToServers bool
	// tieRank orders the verdicts for a tie of scores (Model.TieOrder)
	// that ties does not decide.
	tieRank [nVerdicts]int
	ties    costTies
}

// costTies are the cost factor's advantages as the scores count them,
// and, where the leading verdicts tie, as the whole bills at the volume
// weigh with every dollar of the gap counted in full (dearerInFull,
// weighAt). Where the cost factor counted no more than a close call
// between the two, their bills' gap too few dollars to weigh against the
// answers, the one ahead in full by twice the close call margin, a bill
// about a fifth cheaper, wins the tie (beats). An MVP's split at $0.48
// had lost a tie to Fargate at $50 on the tie order alone (review 154),
// a steady API's Lambda at $72 to Fargate at $94 (review 153). Where the
// cost factor counted more, the bills are already in the balance the
// tie strikes; between bills closer than a fifth, the next size up or
// the next volume can turn them round: the tie order decides both.
type costTies struct {
	counted, inFull perVerdict
	// ahead is inFull look_ahead_months ahead at the answers' growth
	// (inFull without growth): a bill the growth makes dearer by more
	// than a close call within that time wins no tie on its lead today.
	// With 10% growth a month, Cloud Run services had won a tie over Cloud
	// Run functions, 30% cheaper today and never dearer, on the mean of
	// today's lead and a year on's none (review 157).
	ahead perVerdict
	lead  float64 // the lead in full that decides: 2 × close_call_margin
	// free is set where the functions' and the containers' bills both
	// come to nothing at the answers' volume, and inFull weighs them
	// where one first costs something (weighAt).
	free bool
}

// costFactor is the bills' effect on the scores.
type costFactor struct {
	ok bool
	// weights are each verdict's cost advantage, the least favoured at 0.
	weights perVerdict
	favours Verdict // the verdict whose option the fitted weights favour
	// cheap and dear are the cheapest bill of an option the answers
	// allow and the next one.
	cheap, dear Bill
}

// decide is judge's decision with the bills at the answers' volume: the
// result's, which its reasons and limits quote.
func (m *Model) decide(a Answers) (decision, *Cost) {
	d := m.judge(a)
	cost := m.Pricing.Estimate(a["cloud"], d.in, d.growth)
	d.functions, d.containers, d.servers = cost.Functions, cost.Containers, cost.Servers
	switch {
	case d.functionsAreTheSplit():
		// The reasons quote the functions' bill as the split it is.
		d.functions.Product = m.splitName(d.cloud.Products.Functions + " and " + d.cloud.Products.Jobs)
	case d.functions.JobsOn != "":
		// And with the platform that runs its jobs, as the result names
		// it: "Cloud Run functions" had stood for a bill of Cloud Run
		// functions and Cloud Run jobs (review 235). ("With", since the
		// reasons list bills joined by "and".)
		d.functions.Product += " with " + d.functions.JobsOn
	}
	d.cost = m.costFactor(&d, d.cost.weights)
	return d, cost
}

// judge scores the answers, applies the limits and adds the cost factor:
// everything the verdict reads, which the cost axis holds for the bills
// (whether each option can run the work does not depend on the volume).
// Every flip judges the answers again.
func (m *Model) judge(a Answers) decision { return m.judged(a, false) }

// verdictOf is the verdict of the answers, as judge's decision gives it.
// Where the constraints and the limits leave one verdict, that is it
// whatever the bills: the cost axis, most of a flip's time, is not
// sampled.
func (m *Model) verdictOf(a Answers) Verdict {
	return Verdicts[m.judged(a, true).winner()]
}

// judged is judge's decision, which stops once the constraints and the
// limits leave one verdict where verdictOnly is set: the scores are then
// not added up.
func (m *Model) judged(a Answers, verdictOnly bool) decision {
	in := m.CostInputs(a)
	d := decision{in: in, weighed: m.weighedInputs(in, a), growth: m.growth(a), cloud: m.Pricing.Cloud(a["cloud"]), common: &m.Pricing.Common.t, tieRank: m.tieRank, ties: costTies{lead: 2 * m.CloseCallMargin}}
	for _, c := range m.Constraints {
		if m.Matches(c.When, a) {
			d.constraints = append(d.constraints, c)
			for _, v := range c.RulesOut {
				d.ruledOut[slices.Index(Verdicts, v)] = true
			}
		}
	}
	d.excluded = d.excludedByConstraints()
	// Where the functions' bill is the split's, which the answers allow,
	// it counts as the others do (Lambda beside ECS tasks at $3.78 had
	// earned nothing against Fargate at $49.83, and a tie had gone to
	// Fargate by the tie order). Whether it is needs the axis, so it is
	// taken to be where the jobs leave the functions, and the axis read
	// again in the rare case the functions cannot run the requests.
	// (The axis's functionsAreSplit is jobsOffFunctions.)
	split := d.splitResolvesServerless() && d.cloud.jobsOffFunctions(&m.Pricing.Common.t, d.in)
	if split {
		d.excluded[iServerless] = false
	}
	// The limits read which options can run the work, which every axis of
	// the inputs says alike: the axis itself, sampled along the volume,
	// is read once they have ruled out what they rule out.
	fit := m.fits(d.cloud, d.in)
	if split && !fit.can[iServerless] {
		d.excluded[iServerless] = true
	}
	d.axis = &axis{available: fit.can, functionsAreSplit: fit.jobsOffFunctions}
	d.fewExecutions = m.Pricing.fewExecutions(d.cloud, d.in)
	splits, onFunctions, onServers, parts, partKeys := m.splitParts(a, &d)
	d.serversPay = onServers && (d.weighed.fleetsUpkeep || d.in.OpsCost)
	d.oneWorkload, d.fleetCarries = !splits, onFunctions || d.wholeWorkloadRulesOut(Serverless)
	d.onePartBesideFleet = d.fleetCarries && parts == 1
	if d.onePartBesideFleet {
		d.partKeys = partKeys
	}
	d.jobsDearerOnFunctions = onFunctions && parts == 1 && m.jobsDearerOnFunctions(&d)
	for _, l := range m.optionLimitsOf(&d) {
		if l.hit {
			for _, v := range l.text.RulesOut {
				d.ruledOut[slices.Index(Verdicts, v)] = true
			}
		}
	}
	if verdictOnly && d.allowed() == 1 {
		return d
	}
	d.axis = m.axis(d.cloud, d.weighed, d.excluded)
	d.containersHandOff = d.axis.handsOff()
	d.sessionLimit = m.sessionLimited(d.cloud, a) // before the answers' weights, which read it
	for _, q := range m.Questions {
		if o := q.Option(a[q.Key]); o != nil && m.weighs(q, a, &d) {
			for i, w := range d.answerWeights(q.Key, o) {
				d.scores[i] += w
			}
			d.growthNotToServers = d.growthNotToServers || o.GrowthNotToServers
		}
	}
	if d.nearLimit = m.nearLimit(d.in, d.cloud, a); d.nearLimit {
		for i, w := range m.Headroom.weights {
			d.scores[i] += w
		}
	}
	if d.sessionLimit {
		for i, w := range m.SessionLimit.weights {
			d.scores[i] += w
		}
	}
	d.answerScores = d.scores
	d.resolves, d.resolved = m.splitResolves(&d, a)
	m.weighAt(&d, d.in.Requests)
	d.cost.weights = d.ties.counted
	return d
}

// answerWeights are an answer's weights as the decision counts them: where
// the cloud's serverless containers are billed only while they serve, an
// answer that credits functions with what those containers give too
// (ContainersAsFunctions: scaling within seconds, pricing by the request)
// counts for them as it does for the functions, and, where the split the
// answers allow is the functions' beside container jobs, an answer that
// credits a split with a mix those containers serve alone with their own
// jobs (ContainersAsSplit) counts for them as for the split. Stateful
// sessions, or an existing application's live connections, keep those
// containers allocated (connectionsInProcess), billed by the instance as a
// fleet is: neither holds then (a relaxed latency's "cold starts cost
// nothing" had sent such an application to Cloud Run at $224 over Compute
// Engine at $107, beside three instances up every hour, review 174). Ten-minute jobs beside sessions had moved
// them from Compute Engine at $60 to Cloud Run at $106, by a scale-up's
// split counted for Cloud Run. Nor does either hold for events that
// outlast the push's wait (pushable), which those containers then run as
// a job each, as Fargate runs a task: 25-minute Pub/Sub events had
// credited Cloud Run with scaling its consumers with the backlog beside a
// bill of Cloud Run jobs (review 97). Where the split would be a fleet carrying
// the requests and this answer's part alone beside it, an answer that
// credits a split for that part on functions (SplitBesideFunctions)
// counts for it as the lesser fleet does, since the fleet runs the part
// as one more worker: minute-long jobs had put an existing Azure
// application on VMs beside Flex Consumption, where the VMs alone won
// without them. An answer whose weight turns on who holds the clients'
// connections (HandedOffAsFunctions) counts for containers whose bill
// hands them to the managed connection service as for the functions.
func (d *decision) answerWeights(key string, o *Option) perVerdict {
	w := o.weights
	if d.cloud.ContainersBilling == BillingRequest && !d.in.connectionsInProcess() && d.cloud.pushable(d.common, d.in) {
		w = o.weightsOnServedContainers(d.jobsSplit())
	}
	if o.TasksAsServers && d.cloud.ContainersBilling == BillingInstance && !d.in.runsLong(d.common) {
		w[iContainers] = w[iTraditional]
	}
	besideFleet := d.onePartBesideFleet && !slices.Contains(d.partKeys, key)
	if (o.SplitBesideFunctions && d.onePartBesideFleet) || (o.SplitAsFleet && d.fleetCarries) || besideFleet {
		w[iHybrid] = min(w[iHybrid], w[iContainers], w[iTraditional])
	}
	if o.HandedOffAsFunctions && d.containersHandOff {
		w[iContainers] = w[iServerless]
	}
	if o.RunsAlike && d.in.runsLong(d.common) {
		w[iServerless] = max(w[iContainers], w[iServerless])
		w[iContainers] = w[iServerless]
	}
	if (o.FunctionsAsContainers && d.functionsShareInstances()) || (o.KeptWarmAlike && d.functionsKeptWarm()) {
		w[iServerless] = max(w[iServerless], w[iContainers])
	}
	if d.jobsSplit() && d.ruledOut[iServerless] && d.functionsShareInstances() {
		// The split is the containers' own platform: functions deployed
		// as the serverless containers beside those containers' jobs,
		// where the functions alone are ruled out. The containers with the
		// same jobs serve it alone, and count each answer at least as the
		// functions, and so the split, do: Cloud Run functions beside
		// Cloud Run jobs had won as a hybrid over Cloud Run services with
		// the same jobs at the same $27.41 (review 238).
		w[iContainers] = max(w[iContainers], w[iServerless])
	}
	return w
}

// noMix reports whether the answers describe no mix of steady and uneven
// work for o's answer to argue a split from: one workload, or where o
// says so (SplitBesideFunctions), one part alone beside a fleet, which
// runs it as one more worker.
func (d *decision) noMix(o *Option) bool {
	return d.oneWorkload || (o.SplitBesideFunctions && d.onePartBesideFleet)
}

// functionsShareInstances reports whether the cloud deploys its functions
// as its serverless containers (Cloud Run functions as Cloud Run
// services) and those can run the work: an instance then takes several
// requests at once, whichever bill the volume makes the cheaper.
func (d *decision) functionsShareInstances() bool {
	return d.cloud.FunctionsOnContainers && !d.in.statefulSessions() && d.cloud.pushable(d.common, d.in)
}

// functionsKeptWarm reports whether the functions' bill keeps instances
// up for sensitive or critical latency as the serverless containers' bill
// does: Cloud Run functions keep the services' (functionsAsServed), Flex
// Consumption keeps always-ready instances (alwaysReadyCompute,
// warmInstances), each taking many requests at once as the containers'
// instances do. Lambda's provisioned concurrency holds one request an
// environment, and it keeps none for sensitive latency.
func (d *decision) functionsKeptWarm() bool {
	return (d.in.WarmOne || d.in.Warm) && (d.functionsShareInstances() || d.cloud.pricesAlwaysReady())
}

// jobsSplit reports whether the split the answers allow is the functions'
// with the background jobs on the cloud's container jobs. judge reads it
// once the constraints and limits have ruled verdicts out, before the
// answers' weights.
func (d *decision) jobsSplit() bool {
	return !d.ruledOut[iHybrid] && d.axis.functionsAreSplit
}

// weightsOnServedContainers are the option's weights on a cloud whose
// serverless containers are billed only while they serve: with
// ContainersAsFunctions, the containers count the answer as the
// functions do where the functions count it more.
//
// With ContainersAsSplit, where the split allowed is the functions'
// beside container jobs (jobsSplit), the containers count the answer as a
// split does where the split counts it more: a split of steady and uneven
// work (a scale-up's) puts the uneven part on a platform billed by the
// request, which such containers are for all of it, beside their own
// jobs. A scale-up's Azure API with hour-long jobs had gone to Flex
// Consumption beside Container Apps jobs at $194, where Container Apps
// alone runs both for $136. Other splits (sessions on servers beside the
// rest) are no mix such containers serve alone.
func (o *Option) weightsOnServedContainers(jobsSplit bool) perVerdict {
	w := o.weights
	if o.ContainersAsFunctions {
		w[iContainers] = max(w[iContainers], w[iServerless])
	}
	if o.ContainersAsSplit && jobsSplit {
		w[iContainers] = max(w[iContainers], w[iHybrid])
	}
	return w
}

// scoresWith are the answers' scores with the cost factor's weights. Where
// the functions' bill runs the long jobs on container jobs, it is the
// split's: what counts for the functions counts for the split, but for the
// answers the split resolves (the long jobs), which count for it as for a
// split.
func (d *decision) scoresWith(cost perVerdict) perVerdict {
	s := d.answerScores
	for i, x := range cost {
		s[i] += x
	}
	if d.functionsAreTheSplit() {
		s[iHybrid] = max(s[iHybrid], s[iServerless]+d.resolves)
	}
	return s
}

// splitResolves is what the answers that rule functions out, and that a
// split resolves, count for the split over the functions, and the
// questions they answer: hours-long jobs count nothing for functions, but
// for a split that runs them on container jobs they count as the hybrid's
// weights say; and so do the answers to questions on which the split
// counts its own weights (SplitOwnWeights: the team's operations), and
// answers whose reason argues for a split (a scale-up's mix of steady and
// uneven work), which that split is.
func (m *Model) splitResolves(d *decision, a Answers) (total float64, keys []string) {
	add := func(key string) {
		q := m.byKey[key]
		if q == nil || slices.Contains(keys, key) || !m.weighs(q, a, d) {
			return
		}
		keys = append(keys, key)
		if o := q.Option(a[key]); o != nil {
			// Off what the answer counts for the functions, whose
			// score the split's starts from.
			total += splitWeight(q, o.weights) - d.answerWeights(key, o)[iServerless]
		}
	}
	for _, c := range d.constraints {
		if c.ResolvedBySplit {
			for key := range c.When {
				add(key)
			}
		}
	}
	for _, q := range m.Questions {
		if o := q.Option(a[q.Key]); q.SplitOwnWeights || (o != nil && o.Favours == Hybrid) {
			add(q.Key)
		}
	}
	return total, keys
}

// splitWeight is what an answer counts for the split of functions and
// container jobs that a limit makes: the hybrid's own weight, but for a
// question on which the split counts its own weights (the team's
// operations) no more than the containers', the split's other platform:
// a dedicated operations team had moved a startup from Fargate to Lambda
// beside ECS tasks.
func splitWeight(q *Question, w perVerdict) float64 {
	if q.SplitOwnWeights {
		return min(w[iHybrid], w[iContainers])
	}
	return w[iHybrid]
}

// countsForNothing reports whether answer o counts for nothing at the
// answers' volume: it counts only where the functions run enough at once
// (Option.CountsFromExecutions), and they do not. Its weights, and the
// parts of a split that read it, then count nothing either.
func (d *decision) countsForNothing(o *Option) bool {
	return o.CountsFromExecutions && d.fewExecutions
}

// weighs reports whether the answer to q counts in the scores: where the
// question applies, and not the team's operations where the bills carry
// the operations time instead, but for an answer the hours do not cover
// (Option.WeighsWithTeamTime: nobody on call); nor an answer whose risk
// the bills price where latency is critical (Option.PricedWhenWarm), nor
// one about the functions' connections where they run few at once
// (countsForNothing). Where the cost factor weighs the fleets' upkeep
// though the bills leave it out (decision.weighed), the operations answer
// still counts, for what the hours leave out: one platform to learn and
// watch rather than two.
func (m *Model) weighs(q *Question, a Answers, d *decision) bool {
	if o := q.Option(a[q.Key]); o != nil && (o.PricedWhenWarm && d.in.Warm || d.countsForNothing(o)) {
		return false
	}
	if q.Key == "ops" && d.in.OpsCost {
		if o := q.Option(a[q.Key]); o == nil || !o.WeighsWithTeamTime {
			return false
		}
	}
	return m.Applies(q, a)
}

// weighedInputs are the inputs the cost factor weighs (decision.weighed).
func (m *Model) weighedInputs(in CostInputs, a Answers) CostInputs {
	if q := m.byKey["ops"]; q != nil && !in.OpsCost {
		if o := q.Option(a["ops"]); o != nil && o.WeighsTeamTime {
			in.fleetsUpkeep = true
		}
	}
	return in
}

// nearLimit reports whether the headroom rule weighs the answers: each
// piece of the work takes at least its share of the longest run the
// cloud's functions allow for the kind of work, but not more than all of
// it, where the functions' limit rules them out instead.
func (m *Model) nearLimit(in CostInputs, c *Cloud, a Answers) bool {
	h := m.Headroom
	if h == nil || !m.Matches(h.When, a) {
		return false
	}
	// An HTTP request near the functions' limit weighs only where the
	// serverless containers set none of their own: Fargate behind a load
	// balancer runs it as long as it takes, where Cloud Run's and
	// Container Apps' requests stop at a timeout of the same order. A
	// 12-minute request had gone to Lambda at 80% of its 15 minutes.
	if in.Entry == EntryHTTP && c.t.containersMaxRequestSeconds != nil {
		return false
	}
	// Up to the longest run the functions still take: past it their limit
	// rules them out, and says so, where "at least half of the time ...
	// slower ones come closer" had stood beside runs as long as the limit.
	limit := c.functionsMaxRun(in.Entry)
	// At its share, not only past it: a 30-minute job had gone to Flex
	// Consumption, whose executions stop at 30 minutes unless its
	// timeout is raised, beside a free Container Apps job (review 195).
	return in.DurationMS >= h.Share/100*limit.v()*1000 && in.DurationMS <= m.Pricing.Common.t.longestRun(limit)*1000
}

// sessionLimited reports whether the session rule weighs the answers: it
// matches them, and the cloud's serverless containers end every
// connection after a fixed time.
func (m *Model) sessionLimited(c *Cloud, a Answers) bool {
	s := m.SessionLimit
	return s != nil && c.t.containersConnectionMaxSeconds != nil && m.Matches(s.When, a)
}

// wholeWorkloadRulesOut reports whether a constraint that holds for every
// part of the workload rules verdict v out: full control of the machines
// is asked of the requests too, so no split carries them on functions.
func (d *decision) wholeWorkloadRulesOut(v Verdict) bool {
	return slices.ContainsFunc(d.constraints, func(c *Constraint) bool { return c.WholeWorkload && slices.Contains(c.RulesOut, v) })
}

// options marks each of the three options, in the order of their
// verdicts: functions, serverless containers, servers.
type options [iHybrid]bool

// excludedByConstraints are the options whose verdicts the answers'
// constraints rule out. The bills weigh the others against the cheapest
// of them: an option the reader cannot use says nothing about how the
// others compare.
func (d *decision) excludedByConstraints() options {
	var out options
	for _, c := range d.constraints {
		for _, v := range c.RulesOut {
			if i := slices.Index(Verdicts, v); i < len(out) {
				out[i] = true
			}
		}
	}
	return out
}

// fittedAt reads the cost axis of d's inputs at a volume: each verdict's
// advantage as it counts. With growth, the differences are the mean of
// today's and those a few months ahead, so a verdict does not stand on a
// bill that is about to change.
func (m *Model) fittedAt(d *decision, requests float64) perVerdict {
	ax := d.axis
	w := ax.at(requests)
	if d.growth > 0 && m.Cost.LookAhead > 0 {
		ahead := ax.at(m.Cost.ahead(requests, d.growth))
		if d.growthNotToServers {
			// The servers count no cheaper ahead, against either other
			// option, than they do today.
			ahead.containersToServers = max(ahead.containersToServers, w.containersToServers,
				w.functionsToContainers+w.containersToServers-ahead.functionsToContainers)
		}
		w.functionsToContainers = (w.functionsToContainers + ahead.functionsToContainers) / 2
		w.containersToServers = (w.containersToServers + ahead.containersToServers) / 2
	}
	return advantages(w, d.splitShape())
}

// aheadOf is the volume the look-ahead weighs d's cost factor at: the
// answers' own where they give no growth.
func (m *Model) aheadOf(d *decision) float64 {
	if d.growth > 0 && m.Cost.LookAhead > 0 {
		return m.Cost.ahead(d.in.Requests, d.growth)
	}
	return d.in.Requests
}

// ahead is the volume the look-ahead weighs at a growth a month:
// look_ahead_months of it, up to look_ahead_max_factor times requests.
func (c *CostFactor) ahead(requests, growth float64) float64 {
	return requests * min(math.Pow(1+growth, c.LookAhead), c.LookAheadMaxFactor)
}

// weighAt adds the cost factor at a volume to d's answers' scores and,
// where the leading verdicts tie, prices the whole bills there to decide
// the tie (costTies): a tie is rare, and the bills at one volume, not an
// axis fitted along it, are what a reader compares.
func (m *Model) weighAt(d *decision, requests float64) {
	d.ties.counted = m.fittedAt(d, requests)
	d.scores = d.scoresWith(d.ties.counted)
	d.ties.inFull, d.ties.ahead = perVerdict{}, perVerdict{}
	if !d.tiedAtTop() {
		return
	}
	at := func(requests float64) (perVerdict, bool) {
		totals, fleetsLogs, bothFree := m.totalsAt(d, requests)
		free := bothFree
		// Where the functions and the serverless containers both cost
		// nothing, the tie goes to the one that stays free to the larger
		// volume, read a tenfold step at a time: Flex Consumption, free to
		// 250,000 executions, and Container Apps, free to a few thousand
		// requests, had gone to Container Apps by the tie order below
		// those, to Flex Consumption above, and back to Container Apps
		// once their bills came within a fifth.
		for v := max(10*requests, MinChartRequests); bothFree && v <= maxRequests; v *= 10 {
			totals, fleetsLogs, bothFree = m.totalsAt(d, v)
		}
		diffs, _ := m.diffsAt(d.cloud, d.excluded, d.axis.available, totals, fleetsLogs, true)
		return advantages(diffs, d.splitShape()), free
	}
	d.ties.inFull, d.ties.free = at(requests)
	d.ties.ahead = d.ties.inFull
	if d.growth > 0 && m.Cost.LookAhead > 0 {
		d.ties.ahead, _ = at(m.Cost.ahead(requests, d.growth))
	}
}

// totalsAt are the bills of d's inputs at a volume, the functions', the
// serverless containers' and the servers', without what every option
// pays alike, as the cost factor weighs them (workload.weighedAlike):
// Fargate at $119.12 had won a tie over Lambda at $101.25, 18% apart with
// the two NAT gateways both pay and 60% without them (review 214).
// fleetsLogs is what the cost factor weighs between the functions and
// the fleets alone (workload.fleetsLogs), and bothFree reports whether the
// functions' and the serverless containers' whole bills come to nothing.
func (m *Model) totalsAt(d *decision, requests float64) (totals [3]float64, fleetsLogs float64, bothFree bool) {
	in := d.in
	in.Requests = requests
	totals, fleetsLogs, bills := m.Pricing.weighed(d.cloud, in, searchMode{})
	return totals, fleetsLogs, bills[iServerless].Total == 0 && bills[iContainers].Total == 0
}

// tiedAtTop reports whether another allowed verdict scores as much as the
// best allowed one.
func (d *decision) tiedAtTop() bool {
	best, n := math.Inf(-1), 0
	for i, out := range d.ruledOut {
		if !out {
			best = max(best, d.scores[i])
		}
	}
	for i, out := range d.ruledOut {
		if !out && d.scores[i] > best-scoreTie {
			n++
		}
	}
	return n > 1
}

// splitShape is what d's answers say about where a split's requests run.
func (d *decision) splitShape() splitShape {
	return splitShape{functionsAreSplit: d.axis.functionsAreSplit, noContainers: d.excluded[iContainers], fleetCarries: d.fleetCarries, serversPay: d.serversPay}
}

// verdictAtVolume is the verdict of d's answers with another volume, as
// decide would give it: of everything decide reads, only the cost axis
// depends on the volume when no condition of the model tests it (see
// Model.volumeInConditions), since no bill's limit does
// (TestLimitsDoNotDependOnTheVolume).
func (m *Model) verdictAtVolume(d decision, requests float64) Verdict {
	m.weighAt(&d, requests)
	return Verdicts[d.winner()]
}

// costFactor keeps the fitted weights and names the bills the reason
// quotes: the cheapest available option and the next. Where the fit
// favours another option than the bills here (near a crossing, or where
// the bills cross back and forth), the weights still count, so the
// verdict moves once along the volume, but no reason quotes bills that
// would contradict them.
func (m *Model) costFactor(d *decision, fitted perVerdict) costFactor {
	f := costFactor{weights: fitted}
	// The reasons weigh the bills from the least favoured verdict the
	// limits allow, not from one they rule out: an option that cannot
	// run the work counts as the dearest there can be.
	low := math.Inf(1)
	for i, out := range d.ruledOut {
		if !out {
			low = min(low, fitted[i])
		}
	}
	if !math.IsInf(low, 1) {
		for i := range f.weights {
			f.weights[i] = max(0, fitted[i]-low)
		}
	}
	// The bills the reasons weigh against each other are those of the
	// options the answers allow: Flex Consumption at $86 had been quoted
	// as the cheapest, and the verdict's cost reason argued for it, where
	// stateful sessions rule the functions out and Azure VMs at $94 are
	// what Container Apps at $192 is weighed against.
	var allowed []*Bill
	bills, n := byPrice(&d.functions, &d.containers, &d.servers)
	for _, b := range bills[:n] {
		if i := slices.Index(Verdicts, b.Kind.Verdict()); !d.ruledOut[i] || (i == iServerless && d.functionsAreTheSplit()) {
			allowed = append(allowed, b)
		}
	}
	if len(allowed) < 2 {
		return f
	}
	best := -1
	for _, b := range allowed {
		if i := slices.Index(Verdicts, b.Kind.Verdict()); best < 0 || fitted[i] > fitted[best] {
			best = i
		}
	}
	// Where the fit weighs the cheapest option as much as the best, it
	// favours the cheapest: the bills quoted then argue for it.
	if i := slices.Index(Verdicts, allowed[0].Kind.Verdict()); fitted[i] == fitted[best] {
		best = i
	}
	f.cheap, f.dear, f.favours = *allowed[0], *allowed[1], Verdicts[best]
	f.ok = f.favours.OptionKind() == f.cheap.Kind
	return f
}

// byPrice orders the three bills that can run the work, cheapest first
// (the first listed on a tie, which bills equal to the cent are: Cloud Run
// functions and Cloud Run services, equal to the cent, had traded the lead
// month by month on the timeline by a rounding error, and the growth
// caveat had named a change between them), in an array rather than a
// slice: every flip decides again, and orders them again.
func byPrice(functions, containers, servers *Bill) (out [3]*Bill, n int) {
	for _, b := range [...]*Bill{functions, containers, servers} {
		if !b.Available {
			continue
		}
		i := n
		for ; i > 0 && math.Round(b.Total*100) < math.Round(out[i-1].Total*100); i-- {
			out[i] = out[i-1]
		}
		out[i] = b
		n++
	}
	return out, n
}

// optionLimit is a hard limit the bills or the answers can hit: an
// option that cannot run the work (bill) rules out its verdict, and
// answers that describe one workload rule the split out.
type optionLimit struct {
	id   string
	text LimitText
	bill *Bill // nil for the split
	hit  bool
}

// optionLimitsOf are the option limits, hit or not. Every flip decides
// again and needs only which verdicts they rule out; the result alone
// words them (optionLimits).
func (m *Model) optionLimitsOf(d *decision) [5]optionLimit {
	t := m.OptionLimits
	return [...]optionLimit{
		{"functions-limit", t.Functions, &d.functions, !d.axis.available[iServerless]},
		{"containers-limit", t.Containers, &d.containers, !d.axis.available[iContainers]},
		{"servers-limit", t.Servers, &d.servers, !d.axis.available[iTraditional]},
		{"one-workload", t.Split, nil, d.oneWorkload},
		{"split-jobs", t.SplitJobs, nil, d.jobsDearerOnFunctions},
	}
}

// jobsDearerOnFunctions reports whether the background jobs cost more on
// the functions' bill, where a split would run them, than on the cheaper
// fleet the answers allow and that can run the work, which runs them
// beside the requests, by more than a close call (see
// OptionLimits.SplitJobs). The jobs' items are
// the same at every volume (Pricing.unsampled).
func (m *Model) jobsDearerOnFunctions(d *decision) bool {
	if !d.in.backgroundJobs() {
		return false
	}
	usd := m.Pricing.jobsUSD(d.cloud, d.in)
	fleet := -1
	for _, i := range []int{iContainers, iTraditional} {
		if d.axis.available[i] && !d.excluded[i] && (fleet < 0 || usd[i] < usd[fleet]) {
			fleet = i
		}
	}
	// By as much as the cost factor counts: pennies either way, which a
	// split's other gains outweigh, rule nothing out.
	return fleet >= 0 && m.dearer(usd[fleet], usd[iServerless], m.Cost.gapScale(d.cloud, fleet, iServerless)) > 0
}

// optionLimits words the option limits the decision hit.
func (m *Model) optionLimits(d decision) []Limit {
	var out []Limit
	for _, l := range m.optionLimitsOf(&d) {
		switch {
		case !l.hit:
		case l.bill == nil:
			r := d.cloud.replacer()
			out = append(out, Limit{ID: l.id, RulesOut: l.text.RulesOut, Message: r.Replace(l.text.Message), Clause: r.Replace(l.text.Clause), LearnMore: l.text.LearnMore, Guide: l.text.Guide})
		default:
			out = append(out, m.limitFrom(l.id, l.text, *l.bill, d.cloud))
		}
	}
	return out
}

func (m *Model) limitFrom(id string, t LimitText, b Bill, c *Cloud) Limit {
	// {product} is the bill's own: Cloud Run jobs for a timer's runs,
	// where {containers} had named Cloud Run services beside the jobs'
	// limit.
	r := c.replacer("{why}", b.Unavailable, "{product}", b.Product)
	message := UpperFirst(r.Replace(t.Message))
	if b.Limit != nil && b.Limit.Beyond != "" {
		message += " " + b.Limit.Beyond
	}
	return Limit{ID: id, RulesOut: t.RulesOut, Message: message, Clause: r.Replace(t.Clause), LearnMore: t.LearnMore, Guide: t.Guide, Source: b.Limit}
}

// top is the index of the highest score whatever the limits say; ties go
// as the model's tie order says.
func (d decision) top() int {
	best := 0
	for i := range Verdicts {
		if d.beats(i, best) {
			best = i
		}
	}
	return best
}

// scoreTie is how close two scores count as equal: weights are tenths of
// a point, and their sums carry rounding in the last bits, which must not
// decide a tie.
const scoreTie = 1e-9

// winner is the index of the highest score among the verdicts still
// allowed. Ties go as the model's tie order says, so the result never
// depends on map order or on the last bits of a sum. Should limits ever
// rule out every verdict, the highest score stands and the limits are
// still reported.
// allowed is how many verdicts the constraints and the limits leave.
func (d *decision) allowed() int {
	n := 0
	for _, out := range d.ruledOut {
		if !out {
			n++
		}
	}
	return n
}

func (d decision) winner() int {
	best := -1
	for i := range Verdicts {
		if !d.ruledOut[i] && (best < 0 || d.beats(i, best)) {
			best = i
		}
	}
	if best < 0 {
		return d.top()
	}
	return best
}

// limitless is the decision with the bills every option would have at
// the answers' volume were no hard limit on run time or memory in the
// way, and its axis's available saying which could then run the work:
// an option its own limit rules out, and that would still have lost on
// its bill (Lambda at four times Fargate's just inside its 15 minutes),
// was not ruled out by the limit alone. Only answers that hit such a
// limit price it.
func (m *Model) limitless(d decision) decision {
	if d.axis.available == [iHybrid]bool{true, true, true} {
		return d
	}
	totals, fleetsLogs, can := m.Pricing.limitless(d.cloud, d.weighed)
	diffs, _ := m.diffsAt(d.cloud, d.excluded, can, totals, fleetsLogs, false)
	inFull, _ := m.diffsAt(d.cloud, d.excluded, can, totals, fleetsLogs, true)
	d.ties.counted, d.ties.inFull = advantages(diffs, d.splitShape()), advantages(inFull, d.splitShape())
	d.ties.ahead = d.ties.inFull
	d.scores = d.scoresWith(d.ties.counted)
	ax := *d.axis
	ax.available = can
	d.axis = &ax
	return d
}

// unbilled is the decision with each option that cannot run the work
// weighed on the answers alone: its bill counts as much as the chosen
// verdict's, since it has none. The cost factor counts such an option as
// the dearest there can be, which keeps the verdict moving one way as a
// limit nears; but whether the limit decided the verdict is whether the
// answers preferred what it ruled out.
func (d decision) unbilled() decision {
	chosen := d.winner()
	for i, ok := range d.axis.available {
		if !ok {
			d.scores[i] = d.answerScores[i] + d.scores[chosen] - d.answerScores[chosen]
		}
	}
	return d
}

// beats reports whether verdict i wins over verdict j when both are
// allowed: a higher score; on the same score, a bill cheaper by more than
// a close call where the cost factor counted the two alike (costTies);
// else first in the tie order.
func (d decision) beats(i, j int) bool {
	if math.Abs(d.scores[i]-d.scores[j]) > scoreTie {
		return d.scores[i] > d.scores[j]
	}
	if d.ties.decide(i, j) {
		return d.ties.inFull[i] > d.ties.inFull[j]
	}
	return d.tieRank[i] < d.tieRank[j]
}

// decide reports whether the bills decide a tie of scores between
// verdicts i and j: the cost factor counted no more than a close call
// between them, one leads the other in full by t.lead today, and growth
// does not make it the dearer by more than a close call (ahead).
func (t costTies) decide(i, j int) bool {
	if t.inFull[i] < t.inFull[j] {
		i, j = j, i // i is the cheaper today
	}
	return math.Abs(t.counted[i]-t.counted[j]) <= t.lead/2 && t.inFull[i]-t.inFull[j] >= t.lead && t.ahead[i]-t.ahead[j] >= -t.lead/2
}

// score fills in the scores, the confidence and the close call.
func (m *Model) score(r *Result, d decision) {
	best := d.winner()
	allowed := 0.0
	for i, v := range Verdicts {
		r.Scores[v] = hundredths(d.scores[i])
		if d.ruledOut[i] {
			r.RuledOut = append(r.RuledOut, v)
		} else {
			allowed++
		}
	}
	share := m.shareOf(d, d.scores, best)
	r.Confidence = hundredths(share)
	runnerUp := d.runnerUp(best)
	clear := runnerUp < 0 || m.ClearLead(d.scores[best]-d.scores[runnerUp])
	if w, ok := m.withoutTeamTime(d, best); ok && (w.first || clear) {
		// Never below a coin toss among the verdicts allowed: the
		// verdict is still the one the answers put first.
		r.Confidence = hundredths(max((share+w.share)/2, 1/allowed))
		if w.first {
			r.WithoutTeamTime = Verdicts[w.other]
		} else {
			r.RunnerUpWithoutTeamTime, r.leadWithoutTeamTime = Verdicts[w.other], w.lead
		}
	}
	if runnerUp >= 0 {
		r.RunnerUp = Verdicts[runnerUp]
		r.CloseCall = m.closeCall(d, best, runnerUp)
		r.Tie = hundredths(d.scores[best]) == hundredths(d.scores[runnerUp])
		r.TieOnCost = r.Tie && d.ties.decide(best, runnerUp)
		r.TieOnFree = r.TieOnCost && d.ties.free
	}
}

// withoutTeamTime reads the scores where the cost factor weighs the
// fleets' upkeep, an estimate of the team's hours the bills leave out,
// on the bills without it: where another verdict comes first (first),
// that verdict; where best still does but by less than a clear lead
// (twice the close-call margin) over a runner-up whose bill is the
// cheaper, the runner-up, and by how much.
// With best's share of the scores so read. Cloud Run services 0.99 sure
// over Compute Engine at a third of their bill, on 11 hours a month the
// machines were estimated to take, had read as certain where a dedicated
// operations team's answer turned it (review 256), and Container Apps at
// $190 as certain over Azure VMs at $88, and Cloud Run services at $78
// over Compute Engine at $60, which the charges alone leave a close or a
// leaning second (reviews 261 and 262). The axis without the upkeep
// reads the bills the axis with it priced beside it.
func (m *Model) withoutTeamTime(d decision, best int) (w plainReading, ok bool) {
	if !d.teamTimeWeighed() {
		return w, false
	}
	plain := d
	plain.weighed.fleetsUpkeep = false
	plain.serversPay = d.serversPay && d.in.OpsCost
	plain.axis = m.axis(d.cloud, plain.weighed, d.excluded)
	plain.scores = plain.scoresWith(m.fittedAt(&plain, d.in.Requests))
	w.other = best
	for i, out := range d.ruledOut {
		if !out && plain.scores[i] > plain.scores[w.other]+scoreTie {
			w.other = i
		}
	}
	w.share = m.shareOf(d, plain.scores, best)
	if w.other != best {
		w.first = true
		return w, true
	}
	runnerUp := plain.runnerUp(best)
	if runnerUp >= 0 && !m.ClearLead(plain.scores[best]-plain.scores[runnerUp]) && d.cheaper(runnerUp, best) {
		w.other, w.lead = runnerUp, plain.scores[best]-plain.scores[runnerUp]
		return w, true
	}
	return w, false
}

// cheaper reports whether verdict i's bill is less than verdict j's, each
// its option's own. Where the verdict's own bill is the cheaper, the
// hours add to a lead the charges give it too, and its lead does not rest
// on them: Lambda at $7.17 had been said to lead Fargate at $37 on the
// hours.
func (d *decision) cheaper(i, j int) bool {
	a, b := d.bill(Verdicts[i].OptionKind()), d.bill(Verdicts[j].OptionKind())
	return a != nil && b != nil && a.Available && b.Available && a.Total < b.Total
}

// plainReading is what withoutTeamTime reads: the verdict other, which
// comes first without the hours (first) or second to the verdict, by
// lead; and the verdict's share of the scores so read.
type plainReading struct {
	other       int
	first       bool
	lead, share float64
}

// shareOf is verdict best's share of exp(score / temperature) among the
// verdicts d's limits allow, and best itself, which stands where they
// allow none.
func (m *Model) shareOf(d decision, scores perVerdict, best int) float64 {
	total := 0.0
	for i, out := range d.ruledOut {
		if !out || i == best {
			total += math.Exp((scores[i] - scores[best]) / m.Temperature)
		}
	}
	return 1 / total
}

// ClearLead reports whether a lead of points is a clear one: twice the
// close call margin or more (under it, leaning; under the margin, a
// close call).
func (m *Model) ClearLead(points float64) bool { return points >= 2*m.CloseCallMargin }

// closeCall reports whether the verdict best leads runnerUp by less than
// the close call margin.
func (m *Model) closeCall(d decision, best, runnerUp int) bool {
	return d.scores[best]-d.scores[runnerUp] < m.CloseCallMargin
}

// runnerUp is the verdict the constraints and limits allow that comes
// next after best, or -1 where none does.
func (d decision) runnerUp(best int) int {
	out := -1
	for i := range Verdicts {
		if i != best && !d.ruledOut[i] && (out < 0 || d.beats(i, out)) {
			out = i
		}
	}
	return out
}

// limits are the constraints and option limits that were hit, in words.
func (m *Model) limits(d decision) []*Limit {
	var out []*Limit
	r := d.cloud.replacer()
	for _, c := range d.constraints {
		out = append(out, &Limit{ID: c.ID, RulesOut: c.RulesOut, Message: r.Replace(c.Message), Clause: r.Replace(c.Clause), LearnMore: c.LearnMore})
	}
	for _, l := range m.optionLimits(d) {
		out = append(out, &l)
	}
	return out
}

// growth reads the monthly growth answer as a share.
func (m *Model) growth(a Answers) float64 {
	g, _ := strconv.ParseFloat(m.counted("growth", a), 64)
	return g / 100
}

// volumeKey is the question of the monthly volume, the one input of the
// cost model that its axes leave free.
const volumeKey = "requests"

// isDefault reports whether the answer to the question of key is the
// question's default: a model without the question has none.
func (m *Model) isDefault(key string, a Answers) bool {
	q := m.byKey[key]
	return q != nil && a[key] == q.DefaultAnswer()
}

// CostInputs reads the cost model's inputs from answers.
func (m *Model) CostInputs(a Answers) CostInputs {
	num := func(key string) float64 {
		n, _ := strconv.ParseFloat(a[key], 64)
		return n
	}
	logBytes := -1.0
	if a["logbytes"] != "" {
		logBytes = num("logbytes")
	}
	// The caveats read the default as the answer equal to it
	// (defaultEgressCaveat). No request sends the default's data: 50 GB
	// had been billed beside none, metered through API Gateway as 95,368
	// requests (review 210).
	egress, egressDefault := num("egress"), m.isDefault("egress", a)
	if egressDefault && num(volumeKey) == 0 {
		egress = 0
	}
	return CostInputs{
		Requests:      num(volumeKey),
		DurationMS:    num("duration"),
		MemoryMB:      num("memory"),
		EgressGB:      egress,
		EgressDefault: egressDefault,
		Traffic:       m.billed("traffic", a),
		Entry:         Entry(a["entry"]),
		CPU:           a["cpu"],
		Commit:        a["commit"],
		Warm:          m.counted("latency", a) == "critical",
		WarmOne:       m.Applies(m.byKey["latency"], a) && a["latency"] == "sensitive",
		FreeTier:      a["freetier"] != "no",
		OpsCost:       a["opscost"] == "yes",
		Rewrite:       a["codebase"] == "existing",
		DataHeavy:     m.counted("data", a) == "heavy" && Entry(a["entry"]) == EntryHTTP,
		Arm:           a["arch"] == "arm",
		// A model without the logbytes question takes the pricing
		// assumption; one without opsrate takes the assumed rate (0).
		LogBytes:       logBytes,
		OpsRate:        num("opsrate"),
		Availability:   m.counted("availability", a),
		Ops:            a["ops"],
		Jobs:           a["jobs"],
		JobRuns:        num("jobruns"),
		Realtime:       a["realtime"],
		Control:        a["control"],
		CustomDomain:   Entry(a["entry"]) == EntryHTTP && slices.ContainsFunc(m.Cost.CustomDomainWhen, func(c Condition) bool { return m.Matches(c, a) }),
		SteadyMachines: slices.ContainsFunc(m.Cost.SteadyMachinesWhen, func(c Condition) bool { return m.Matches(c, a) }),
	}
}

// withDerived adds the facts conditions may test besides the answers, and
// reads a question that does not apply to them as its default, as the
// bills do: a guideline on spiky traffic says nothing of scheduled runs.
func (m *Model) withDerived(a Answers, d decision) Answers {
	facts := maps.Clone(a)
	for _, q := range m.Questions {
		facts[q.Key] = m.counted(q.Key, a)
	}
	facts["cheaper"] = string(Traditional)
	containers := d.containers
	// Where the answers rule the containers out, a split's fleet is
	// servers, as the split's cost advantage assumes (see advantages).
	containers.Available = containers.Available && !d.excluded[iContainers]
	fleet := cheapestTraditional(containers, d.servers)
	if d.functions.Available && (!fleet.Available || d.functions.Total <= fleet.Total) {
		facts["cheaper"] = string(Serverless)
	}
	facts["fleet"] = string(Traditional)
	if fleet.Available && fleet.Kind == Containers {
		facts["fleet"] = string(ServerlessContainers)
	}
	if d.hybridIsFunctionsSplit() {
		facts["carrier"] = string(Serverless)
	}
	if d.functions.Available && fleet.Available && d.cloud.BalancerRoutesToFunctions {
		main, some := d.shareInputs(m.Pricing.Common.t.hybridFunctionsShare.v())
		withShare := m.billOn(d, fleet.Kind.Verdict(), main).Total + m.billOn(d, Serverless, some).Total
		if m.dearer(fleet.Total, withShare, m.Cost.kindsGapScale(d.cloud, fleet.Kind, Functions)) <= 0 {
			facts["burst_share"] = string(Serverless)
		}
	}
	return facts
}

// hybridIsFunctionsSplit reports whether the hybrid's score is the one
// the functions' split earns (see scoresWith): the split the verdict
// stands on is then that one, with the requests on functions, whichever
// option the bills make the cheapest.
func (d decision) hybridIsFunctionsSplit() bool {
	return d.functionsAreTheSplit() && d.scores[iHybrid] == d.scores[iServerless]+d.resolves
}

// Change is one answer that differs between two scenarios, and how much it
// moves each verdict's score from the first to the second.
type Change struct {
	Question *Question
	From, To string
	Delta    map[Verdict]float64
	Flips    bool // on its own, this change gives the first scenario another verdict
}

// Compare lists the answers that differ between a and b: first those that
// change a's verdict on their own, then by how much they move the scores.
func (m *Model) Compare(a, b Answers) []Change {
	base := m.judge(a)
	one := maps.Clone(a)
	var out []Change
	for _, q := range m.Questions {
		if a[q.Key] == b[q.Key] {
			continue
		}
		one[q.Key] = b[q.Key]
		d := m.judge(one)
		one[q.Key] = a[q.Key]
		ch := Change{Question: q, From: a[q.Key], To: b[q.Key], Delta: map[Verdict]float64{}, Flips: d.winner() != base.winner()}
		for i, v := range Verdicts {
			ch.Delta[v] = hundredths(d.scores[i] - base.scores[i])
		}
		out = append(out, ch)
	}
	size := func(c Change) float64 {
		total := 0.0
		for _, d := range c.Delta {
			total += math.Abs(d)
		}
		if c.Flips {
			total += 1000
		}
		return total
	}
	slices.SortStableFunc(out, func(x, y Change) int { return cmp.Compare(size(y), size(x)) })
	return out
}
