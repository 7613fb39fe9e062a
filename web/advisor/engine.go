package advisor

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Result is the advisor's recommendation for one set of answers.
type Result struct {
	Verdict     string
	Confidence  float64            // 0..1: the verdict's share of the spread scores
	Scores      map[string]float64 // the summed weights, one per verdict
	Reasons     []Reason           // ranked by how much they moved the result
	Constraints []*Constraint      // the hard limits that were hit
	RuledOut    []string           // verdicts the constraints excluded
	Guidelines  []*Guideline       // the decision guidelines that match
	Split       []*SplitPart       // for a hybrid verdict: which part runs where
	Flips       []Flip             // single answers that would change the verdict
	Cost        *Cost              // nil when the model has no prices
	Answers     Answers
}

// Reason is the effect of one answer on the result.
type Reason struct {
	Question *Question
	Answer   string // the normalised answer
	Option   *Option
	Favours  string  // the verdict this answer pushes towards most ("" if none)
	Weight   float64 // the push towards Favours
	Impact   float64 // how far it moved the chosen verdict ahead of its best rival
}

// Flip is a one-answer change that would give another verdict.
type Flip struct {
	Question *Question
	Answer   string // the alternative answer
	Option   *Option
	Verdict  string
}

// Recommend runs the model on the answers. It is deterministic: the same
// model and answers always give the same result.
func (m *Model) Recommend(a Answers) *Result {
	r := m.decide(a)
	if m.Prices != nil {
		cost := m.Prices.Estimate(m.CostInputs(a))
		r.Cost = &cost
	}
	r.Reasons = m.reasons(r)
	for _, g := range m.Guidelines {
		if m.Matches(g.When, a) {
			r.Guidelines = append(r.Guidelines, g)
		}
	}
	if r.Verdict == Hybrid {
		for _, s := range m.Split {
			if m.Matches(s.When, a) {
				r.Split = append(r.Split, s)
			}
		}
	}
	r.Flips = m.flips(r)
	return r
}

// tally is the arithmetic of a decision: a score and a ruled-out flag per
// verdict, in the order of Verdicts. It allocates nothing, so that flips can
// try many alternative answers cheaply.
type tally struct {
	scores   [3]float64
	ruledOut [3]bool
}

// tally scores the answers and applies the constraints.
func (m *Model) tally(a Answers) tally {
	var t tally
	for _, q := range m.Questions {
		if o := q.option(a[q.Key]); o != nil {
			for i, w := range o.weights {
				t.scores[i] += w
			}
		}
	}
	if favours, w, _, _, ok := m.costWeight(a); ok {
		t.scores[slices.Index(Verdicts, favours)] += w
		t.scores[slices.Index(Verdicts, Hybrid)] += w / 2
	}
	for _, c := range m.Constraints {
		if m.Matches(c.When, a) {
			for _, v := range c.RulesOut {
				t.ruledOut[slices.Index(Verdicts, v)] = true
			}
		}
	}
	return t
}

// winner is the index of the highest score among the verdicts still
// allowed. Ties go to the verdict listed first (serverless, then
// traditional, then hybrid), so the result never depends on map order.
func (t tally) winner() int {
	best := -1
	for i := range Verdicts {
		if !t.ruledOut[i] && (best < 0 || t.scores[i] > t.scores[best]) {
			best = i
		}
	}
	return best
}

// decide scores the answers, applies the constraints and picks the verdict.
func (m *Model) decide(a Answers) *Result {
	t := m.tally(a)
	best := t.winner()
	r := &Result{Answers: a, Scores: map[string]float64{}, Verdict: Verdicts[best]}
	var total, share float64
	for i, v := range Verdicts {
		r.Scores[v] = t.scores[i]
		if t.ruledOut[i] {
			r.RuledOut = append(r.RuledOut, v)
			continue
		}
		e := math.Exp((t.scores[i] - t.scores[best]) / m.Temperature)
		total += e
		if i == best {
			share = e
		}
	}
	r.Confidence = math.Round(share/total*100) / 100
	for _, c := range m.Constraints {
		if m.Matches(c.When, a) {
			r.Constraints = append(r.Constraints, c)
		}
	}
	return r
}

// costWeight compares the monthly costs: the cheaper architecture gains
// weight_per_doubling for each doubling of the gap, up to max_weight (a
// hybrid gains half of it). ok is false when the model has no prices or no
// cost factor.
func (m *Model) costWeight(a Answers) (favours string, w, serverless, traditional float64, ok bool) {
	if m.Prices == nil || m.Cost == nil {
		return "", 0, 0, 0, false
	}
	in := m.CostInputs(a)
	serverless, traditional = m.Prices.Serverless(in).Total, m.Prices.Traditional(in).Total
	cheap, dear := serverless, traditional
	favours = Serverless
	if traditional < serverless {
		cheap, dear, favours = traditional, serverless, Traditional
	}
	w = math.Min(m.Cost.MaxWeight, m.Cost.WeightPerDoubling*math.Log2(dear/math.Max(cheap, 0.01)))
	return favours, math.Round(w*10) / 10, serverless, traditional, true
}

// costReason explains the cost factor as a reason, or returns nil.
func (m *Model) costReason(a Answers) *Reason {
	favours, w, s, t, ok := m.costWeight(a)
	if !ok {
		return nil
	}
	sentence, ratio := m.Cost.ReasonServerless, t/math.Max(s, 0.01)
	if favours == Traditional {
		sentence, ratio = m.Cost.ReasonTraditional, s/math.Max(t, 0.01)
	}
	sentence = strings.NewReplacer(
		"{serverless}", FormatUSD(s),
		"{traditional}", FormatUSD(t),
		"{ratio}", strconv.FormatFloat(math.Round(ratio*10)/10, 'f', -1, 64),
	).Replace(sentence)
	return &Reason{
		Question: &Question{Key: "cost", Label: m.Cost.Label, Kind: "cost", LearnMore: m.Cost.LearnMore},
		Answer:   FormatUSD(s) + " vs " + FormatUSD(t) + " a month",
		Option:   &Option{Reason: sentence, Weights: map[string]float64{favours: w, Hybrid: w / 2}},
	}
}

// FormatUSD writes a monthly amount the way the site shows money: whole
// dollars with separators, cents below $100.
func FormatUSD(v float64) string {
	if v < 100 {
		return "$" + strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	}
	return "$" + FormatInt(int64(math.Round(v)))
}

// reasons explains each answer's effect, the strongest first.
func (m *Model) reasons(r *Result) []Reason {
	var all []Reason
	for _, q := range m.Questions {
		if o := q.option(r.Answers[q.Key]); o != nil && o.Reason != "" {
			all = append(all, Reason{Question: q, Answer: r.Answers[q.Key], Option: o})
		}
	}
	if cost := m.costReason(r.Answers); cost != nil {
		all = append(all, *cost)
	}
	var out []Reason
	for _, reason := range all {
		o := reason.Option
		for _, v := range Verdicts {
			if w := o.Weights[v]; w > reason.Weight {
				reason.Favours, reason.Weight = v, w
			}
		}
		rival := math.Inf(-1)
		for _, v := range Verdicts {
			if v != r.Verdict && !slices.Contains(r.RuledOut, v) {
				rival = max(rival, o.Weights[v])
			}
		}
		if math.IsInf(rival, -1) {
			rival = 0
		}
		reason.Impact = o.Weights[r.Verdict] - rival
		out = append(out, reason)
	}
	slices.SortStableFunc(out, func(a, b Reason) int {
		return cmp.Compare(math.Abs(b.Impact), math.Abs(a.Impact))
	})
	return out
}

// flips finds, for each question, the nearest other answer that would change
// the verdict: "serverless if your longest job ran under 15 minutes".
func (m *Model) flips(r *Result) []Flip {
	var out []Flip
	changed := maps.Clone(r.Answers)
	for _, q := range m.Questions {
		choices := q.choices()
		current := slices.Index(choices, q.option(r.Answers[q.Key]))
		// Try the neighbours first, moving outwards: the smallest change
		// that flips the verdict is the most useful to know.
	search:
		for dist := 1; dist < len(choices); dist++ {
			for _, i := range []int{current - dist, current + dist} {
				if i < 0 || i >= len(choices) {
					continue
				}
				alt := choices[i]
				answer := alt.Value
				if q.Kind == "number" {
					answer = strconv.FormatInt(alt.Example, 10)
				}
				changed[q.Key] = answer
				if v := Verdicts[m.tally(changed).winner()]; v != r.Verdict {
					out = append(out, Flip{Question: q, Answer: answer, Option: alt, Verdict: v})
					break search
				}
			}
		}
		changed[q.Key] = r.Answers[q.Key]
	}
	return out
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
	base := Verdicts[m.tally(a).winner()]
	one := maps.Clone(a)
	var out []Change
	for _, q := range m.Questions {
		if a[q.Key] == b[q.Key] {
			continue
		}
		ch := Change{Question: q, From: a[q.Key], To: b[q.Key], Delta: map[string]float64{}}
		if from, to := q.option(a[q.Key]), q.option(b[q.Key]); from != nil && to != nil {
			for _, v := range Verdicts {
				ch.Delta[v] = to.Weights[v] - from.Weights[v]
			}
		}
		one[q.Key] = b[q.Key]
		ch.Flips = Verdicts[m.tally(one).winner()] != base
		one[q.Key] = a[q.Key]
		out = append(out, ch)
	}
	size := func(c Change) float64 {
		total := 0.0
		for _, d := range c.Delta {
			total += math.Abs(d)
		}
		if c.Flips {
			total += 100
		}
		return total
	}
	slices.SortStableFunc(out, func(x, y Change) int { return cmp.Compare(size(y), size(x)) })
	return out
}
