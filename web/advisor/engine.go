package advisor

import (
	"cmp"
	"math"
	"slices"
	"strconv"
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

// decide scores the answers, applies the constraints and picks the verdict.
func (m *Model) decide(a Answers) *Result {
	r := &Result{Answers: a, Scores: map[string]float64{}}
	for _, v := range Verdicts {
		r.Scores[v] = 0
	}
	for _, q := range m.Questions {
		if o := q.option(a[q.Key]); o != nil {
			for v, w := range o.Weights {
				r.Scores[v] += w
			}
		}
	}
	ruledOut := map[string]bool{}
	for _, c := range m.Constraints {
		if m.Matches(c.When, a) {
			r.Constraints = append(r.Constraints, c)
			for _, v := range c.RulesOut {
				ruledOut[v] = true
			}
		}
	}
	for _, v := range Verdicts {
		if ruledOut[v] {
			r.RuledOut = append(r.RuledOut, v)
		}
	}

	// The highest score among the verdicts still allowed wins; ties go to
	// the verdict listed first (serverless, then traditional, then hybrid),
	// so the result never depends on map order.
	var total float64
	shares := map[string]float64{}
	for _, v := range Verdicts {
		if ruledOut[v] {
			continue
		}
		if r.Verdict == "" || r.Scores[v] > r.Scores[r.Verdict] {
			r.Verdict = v
		}
	}
	for _, v := range Verdicts {
		if !ruledOut[v] {
			shares[v] = math.Exp((r.Scores[v] - r.Scores[r.Verdict]) / m.Temperature)
			total += shares[v]
		}
	}
	r.Confidence = math.Round(shares[r.Verdict]/total*100) / 100
	return r
}

// reasons explains each answer's effect, the strongest first.
func (m *Model) reasons(r *Result) []Reason {
	var out []Reason
	for _, q := range m.Questions {
		o := q.option(r.Answers[q.Key])
		if o == nil || o.Reason == "" {
			continue
		}
		reason := Reason{Question: q, Answer: r.Answers[q.Key], Option: o}
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
	for _, q := range m.Questions {
		choices := q.choices()
		current := slices.Index(choices, q.option(r.Answers[q.Key]))
		// Try the neighbours first, moving outwards: the smallest change
		// that flips the verdict is the most useful to know.
		for dist := 1; dist < len(choices); dist++ {
			found := false
			for _, i := range []int{current - dist, current + dist} {
				if i < 0 || i >= len(choices) {
					continue
				}
				alt := choices[i]
				answer := alt.Value
				if q.Kind == "number" {
					answer = strconv.FormatInt(alt.Example, 10)
				}
				changed := Answers{}
				for k, v := range r.Answers {
					changed[k] = v
				}
				changed[q.Key] = answer
				if v := m.decide(changed).Verdict; v != r.Verdict {
					out = append(out, Flip{Question: q, Answer: answer, Option: alt, Verdict: v})
					found = true
					break
				}
			}
			if found {
				break
			}
		}
	}
	return out
}
