package advisor

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strconv"
)

// Result is the advisor's recommendation for one set of answers.
type Result struct {
	Verdict string
	// Confidence is the verdict's share of exp(score / temperature) among
	// the verdicts no hard limit rules out: 1/2 or 1/3 is a coin toss, 1 is
	// certain.
	Confidence float64
	Scores     map[string]float64 // the summed weights, one per verdict
	// CloseCall is true when the runner-up among the allowed verdicts
	// scores within the model's close-call margin of the verdict.
	CloseCall bool
	RunnerUp  string // "" when only one verdict is allowed
	// Reasons are the answers' effects: those that favour the verdict
	// first, then those against it, then those that favour a verdict a
	// hard limit ruled out; the strongest first within each group.
	Reasons    []Reason
	Limits     []*Limit // the hard limits that were hit
	Caveats    []string // soft limits to act on
	RuledOut   []string // verdicts the limits excluded
	Guidelines []*Guideline
	Split      []SplitPart // for a hybrid verdict: which part runs where
	Flips      []Flip      // single answers that would change the verdict
	Cost       *Cost
	Answers    Answers
}

// The stances of a reason towards the verdict.
const (
	For      = "for"
	Against  = "against"
	RuledOut = "ruled_out"
)

// Reason is the effect of one answer, or of the bills, on the result.
type Reason struct {
	Factor      string // the question's key, or "cost"
	Label       string // the question's label
	Answer      string // the normalised answer
	AnswerLabel string
	Favours     string  // the one verdict it pushes towards most
	Weight      float64 // its push towards Favours
	Impact      float64 // how far it moved the verdict ahead of its best allowed rival
	Stance      string  // for, against or ruled_out
	Sentence    string  // why, in words; a ruled-out reason says what ruled it out
	Base        string  // the sentence alone, without what ruled its verdict out
	LearnMore   string
}

// Limit is a hard limit that was hit.
type Limit struct {
	ID        string
	RulesOut  []string
	Message   string
	Clause    string // what rules the verdict out, to follow "but"
	LearnMore string
	Source    *Fact // the published limit, for limits the cost model found
	// Decisive is true when the limit ruled out the verdict that scored
	// highest: without it the answer would be another.
	Decisive bool
}

// Flip is a one-answer change that would give another verdict.
type Flip struct {
	Factor      string
	Answer      string // the alternative answer
	AnswerLabel string
	Verdict     string
	Sentence    string // "Serverless if your longest job took under 15 minutes."
}

// SplitPart is one part of a hybrid split, in words.
type SplitPart struct {
	Part   string
	RunsOn string
	Why    string
}

// Recommend runs the model on the answers. It is deterministic: the same
// model and answers always give the same result.
func (m *Model) Recommend(a Answers) *Result {
	d := m.decide(a, newSession())
	r := &Result{Answers: a, Scores: map[string]float64{}, Verdict: Verdicts[d.winner()]}
	m.score(r, d)
	r.Limits = m.limits(d)
	for _, l := range r.Limits {
		l.Decisive = slices.Contains(l.RulesOut, Verdicts[d.top()])
	}
	r.Cost = m.Pricing.Estimate(a["cloud"], d.in, m.growth(a))
	r.Cost.Functions, r.Cost.Containers, r.Cost.Servers = d.functions, d.containers, d.servers
	r.Reasons = m.reasons(r, d)
	r.Caveats = m.caveats(r, d)
	facts := m.withDerived(a, d)
	for _, g := range m.Guidelines {
		if m.Matches(g.When, facts) {
			r.Guidelines = append(r.Guidelines, g)
		}
	}
	if r.Verdict == Hybrid {
		m.split(r, d, facts)
	}
	r.Flips = m.flips(r, d.session)
	return r
}

// Verdict is the verdict alone for the answers: what Recommend decides,
// without the explanations.
func (m *Model) Verdict(a Answers) string { return Verdicts[m.decide(a, newSession()).winner()] }

// session keeps what one recommendation computes more than once: the cost
// axis of each set of cost inputs, which the flips on other answers share.
type session struct {
	axes map[axisKey]*axis
}

type axisKey struct {
	cloud string
	in    CostInputs // with Requests zero
}

func newSession() *session { return &session{axes: map[axisKey]*axis{}} }

// axis returns the cost axis for the inputs, computing it once.
func (s *session) axis(m *Model, c *Cloud, in CostInputs) *axis {
	in.Requests = 0
	k := axisKey{c.ID, in}
	if ax, ok := s.axes[k]; ok {
		return ax
	}
	ax := m.costAxis(c, in)
	s.axes[k] = ax
	return ax
}

// decision is the arithmetic of a verdict: the bills, a score and a
// ruled-out flag per verdict in the order of Verdicts, and the cost
// factor's part of the scores.
type decision struct {
	session                        *session
	in                             CostInputs
	cloud                          *Cloud
	functions, containers, servers Bill
	scores                         [3]float64
	ruledOut                       [3]bool
	constraints                    []*Constraint
	optionLimits                   []Limit
	cost                           costFactor
}

// costFactor is the bills' effect on the scores.
type costFactor struct {
	ok          bool
	favours     string  // the cheaper side: serverless or traditional
	weight      float64 // added to favours; half of it to hybrid
	cheap, dear Bill
}

// decide prices the options, scores the answers and applies the limits.
func (m *Model) decide(a Answers, s *session) decision {
	d := decision{session: s, in: m.CostInputs(a), cloud: m.Pricing.Cloud(a["cloud"])}
	d.functions, d.containers, d.servers = m.Pricing.bills(d.cloud, d.in)
	skipOps := d.in.OpsCost
	for _, q := range m.Questions {
		if skipOps && q.Key == "ops" {
			continue // the bills carry the operations time instead
		}
		if o := q.Option(a[q.Key]); o != nil {
			for i, w := range o.weights {
				d.scores[i] += w
			}
		}
	}
	for _, c := range m.Constraints {
		if m.Matches(c.When, a) {
			d.constraints = append(d.constraints, c)
			for _, v := range c.RulesOut {
				d.ruledOut[slices.Index(Verdicts, v)] = true
			}
		}
	}
	d.optionLimits = m.optionLimits(d)
	for _, l := range d.optionLimits {
		for _, v := range l.RulesOut {
			d.ruledOut[slices.Index(Verdicts, v)] = true
		}
	}
	m.addCost(&d)
	return d
}

// addCost adds the bills' weight to the scores: all of it to the cheaper
// side, half of it to a hybrid.
func (m *Model) addCost(d *decision) {
	d.cost = m.costFactor(d.functions, cheapestTraditional(d.containers, d.servers), d.session.axis(m, d.cloud, d.in).at(d.in.Requests))
	if d.cost.ok {
		d.scores[slices.Index(Verdicts, d.cost.favours)] += d.cost.weight
		d.scores[2] += d.cost.weight / 2
	}
}

// costFactor weighs the functions bill against the cheaper of the
// containers and servers bills. The weight is the cost axis's fitted weight
// at this volume (signed: positive for functions), unless the bills here
// differ by 3× and $1,000 or more, which always weighs in full.
func (m *Model) costFactor(functions, traditional Bill, fitted float64) costFactor {
	if !functions.Available || !traditional.Available {
		return costFactor{}
	}
	f := costFactor{ok: true, favours: Serverless, cheap: functions, dear: traditional}
	if traditional.Total < functions.Total {
		f.favours, f.cheap, f.dear = Traditional, traditional, functions
	}
	if (f.favours == Serverless) != (fitted > 0) {
		// Where the bills cross back and forth, the fit and the bills here
		// disagree: the difference is too small to count.
		return f
	}
	w := math.Abs(fitted)
	if f.dear.Total >= 3*f.cheap.Total && f.dear.Total-f.cheap.Total >= 1000 {
		w = math.Max(w, m.Cost.weight(f.dear.Total/math.Max(f.cheap.Total, 0.01), f.dear.Total))
	}
	// A difference that would move the scores by less than a close call is
	// noise: only what the bills add beyond it counts.
	f.weight = math.Round(math.Max(0, w-m.CloseCallMargin)*10) / 10
	return f
}

// optionLimits are the hard limits the bills found: functions that cannot
// run the work rule out serverless; when neither containers nor servers
// can, traditional is ruled out.
func (m *Model) optionLimits(d decision) []Limit {
	var out []Limit
	text := m.OptionLimits
	if !d.functions.Available {
		out = append(out, m.limitFrom("functions-limit", text.Functions, d.functions, d.cloud))
	}
	if !d.containers.Available && !d.servers.Available {
		out = append(out, m.limitFrom("traditional-limit", text.Traditional, d.servers, d.cloud))
	}
	return out
}

func (m *Model) limitFrom(id string, t LimitText, b Bill, c *Cloud) Limit {
	r := c.replacer("{why}", b.Unavailable)
	return Limit{ID: id, RulesOut: t.RulesOut, Message: r.Replace(t.Message), Clause: r.Replace(t.Clause), LearnMore: t.LearnMore, Source: b.Limit}
}

// top is the index of the highest score whatever the limits say; ties go
// to the verdict listed first.
func (d decision) top() int {
	best := 0
	for i := range Verdicts {
		if d.scores[i] > d.scores[best] {
			best = i
		}
	}
	return best
}

// winner is the index of the highest score among the verdicts still
// allowed. Ties go to the verdict listed first (serverless, then
// traditional, then hybrid), so the result never depends on map order.
// Should limits ever rule out every verdict, the highest score stands and
// the limits are still reported.
func (d decision) winner() int {
	best := -1
	for i := range Verdicts {
		if !d.ruledOut[i] && (best < 0 || d.scores[i] > d.scores[best]) {
			best = i
		}
	}
	if best < 0 {
		return d.top()
	}
	return best
}

// score fills in the scores, the confidence and the close call.
func (m *Model) score(r *Result, d decision) {
	best := d.winner()
	var total, share float64
	runnerUp := -1
	for i, v := range Verdicts {
		r.Scores[v] = math.Round(d.scores[i]*100) / 100
		if d.ruledOut[i] {
			r.RuledOut = append(r.RuledOut, v)
			continue
		}
		e := math.Exp((d.scores[i] - d.scores[best]) / m.Temperature)
		total += e
		if i == best {
			share = e
		} else if runnerUp < 0 || d.scores[i] > d.scores[runnerUp] {
			runnerUp = i
		}
	}
	r.Confidence = math.Round(share/total*100) / 100
	if runnerUp >= 0 {
		r.RunnerUp = Verdicts[runnerUp]
		r.CloseCall = d.scores[best]-d.scores[runnerUp] < m.CloseCallMargin
	}
}

// limits are the constraints and option limits that were hit, in words.
func (m *Model) limits(d decision) []*Limit {
	var out []*Limit
	r := d.cloud.replacer()
	for _, c := range d.constraints {
		out = append(out, &Limit{ID: c.ID, RulesOut: c.RulesOut, Message: r.Replace(c.Message), Clause: r.Replace(c.Clause), LearnMore: c.LearnMore})
	}
	for _, l := range d.optionLimits {
		out = append(out, &l)
	}
	return out
}

// growth reads the monthly growth answer as a share.
func (m *Model) growth(a Answers) float64 {
	g, _ := strconv.ParseFloat(a["growth"], 64)
	return g / 100
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
	return CostInputs{
		Requests:   num("requests"),
		DurationMS: num("duration"),
		MemoryMB:   num("memory"),
		EgressGB:   num("egress"),
		Traffic:    a["traffic"],
		Entry:      a["entry"],
		CPU:        a["cpu"],
		Commit:     a["commit"],
		Warm:       a["latency"] == "critical",
		FreeTier:   a["freetier"] != "no",
		OpsCost:    a["opscost"] == "yes",
		Arm:        a["arch"] == "arm",
		// A model without the logbytes question takes the pricing
		// assumption; one without opsrate takes the assumed rate (0).
		LogBytes:     logBytes,
		OpsRate:      num("opsrate"),
		Availability: a["availability"],
		Ops:          a["ops"],
		Jobs:         a["jobs"],
		Realtime:     a["realtime"],
		Control:      a["control"],
	}
}

// withDerived adds the facts conditions may test besides the answers.
func (m *Model) withDerived(a Answers, d decision) Answers {
	facts := maps.Clone(a)
	facts["cheaper"] = Traditional
	if d.cost.ok && d.cost.favours == Serverless {
		facts["cheaper"] = Serverless
	}
	return facts
}

// Change is one answer that differs between two scenarios, and how much it
// moves each verdict's score from the first to the second.
type Change struct {
	Question *Question
	From, To string
	Delta    map[string]float64
	Flips    bool // on its own, this change gives the first scenario another verdict
}

// Compare lists the answers that differ between a and b: first those that
// change a's verdict on their own, then by how much they move the scores.
func (m *Model) Compare(a, b Answers) []Change {
	s := newSession()
	base := m.decide(a, s)
	one := maps.Clone(a)
	var out []Change
	for _, q := range m.Questions {
		if a[q.Key] == b[q.Key] {
			continue
		}
		one[q.Key] = b[q.Key]
		d := m.decide(one, s)
		one[q.Key] = a[q.Key]
		ch := Change{Question: q, From: a[q.Key], To: b[q.Key], Delta: map[string]float64{}, Flips: d.winner() != base.winner()}
		for i, v := range Verdicts {
			ch.Delta[v] = math.Round((d.scores[i]-base.scores[i])*100) / 100
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
