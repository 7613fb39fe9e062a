// Package advisor is the decision engine: pure functions from a decision
// model and a reader's answers to a recommendation, plus the parsing and
// canonical encoding of answers that permalinks rely on. It does no I/O and
// imports nothing from the rest of the site.
package advisor

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// The three verdicts. Their names are part of the public API.
const (
	Serverless  = "serverless"
	Traditional = "traditional"
	Hybrid      = "hybrid"
)

// Verdicts lists the verdicts in the order the site shows them.
var Verdicts = []string{Serverless, Traditional, Hybrid}

// Sections are the groups of questions in the form, in the order shown:
// the workload, the team and its constraints, and the cost assumptions.
var Sections = []string{"workload", "team", "costs"}

// Model is the decision model that editors keep in content/decision.yaml.
// Line fields hold the YAML line of each item, for error messages; the
// loader fills them in.
type Model struct {
	// Temperature spreads the scores into a confidence: the higher it is,
	// the more a score lead is needed before the advisor sounds sure.
	Temperature float64       `yaml:"temperature"`
	Verdicts    []VerdictInfo `yaml:"verdicts"`
	Questions   []*Question   `yaml:"questions"`
	Constraints []*Constraint `yaml:"constraints"`
	Guidelines  []*Guideline  `yaml:"guidelines"`
	Split       []*SplitPart  `yaml:"split"`
	Cost        *CostFactor   `yaml:"cost"`

	// Prices feed the cost model; the loader sets them from pricing.yaml.
	Prices *Prices `yaml:"-"`

	byKey map[string]*Question
}

// CostFactor makes the cost comparison one of the recommendation's factors:
// the cheaper architecture gains weight_per_doubling for each doubling of
// the price gap, up to max_weight; a hybrid gains half of that.
type CostFactor struct {
	Label             string  `yaml:"label"`
	LearnMore         string  `yaml:"learn_more"`
	WeightPerDoubling float64 `yaml:"weight_per_doubling"`
	MaxWeight         float64 `yaml:"max_weight"`
	// The reason sentences may use {serverless}, {traditional} (the monthly
	// costs) and {ratio} (how many times cheaper).
	ReasonServerless  string `yaml:"reason_serverless"`
	ReasonTraditional string `yaml:"reason_traditional"`
	Line              int    `yaml:"-"`
}

// VerdictInfo is how the site presents one verdict.
type VerdictInfo struct {
	ID        string `yaml:"id"`
	Label     string `yaml:"label"`
	Summary   string `yaml:"summary"`
	LearnMore string `yaml:"learn_more"`
	Line      int    `yaml:"-"`
}

// Question is one thing the advisor asks. A choice question has Options; a
// number question has Bands that map ranges of the number to effects.
type Question struct {
	Key       string `yaml:"key"`
	Label     string `yaml:"label"`
	Help      string `yaml:"help"`
	Kind      string `yaml:"kind"` // "choice" or "number"
	Unit      string `yaml:"unit"`
	Min       *int64 `yaml:"min"`
	Max       *int64 `yaml:"max"`
	Default   string `yaml:"default"`
	LearnMore string `yaml:"learn_more"`
	Home      bool   `yaml:"home"` // also asked by the quick advisor on the home page
	// Section groups the question in the form: workload, team or costs
	// (cost assumptions, which describe the bill rather than the system);
	// workload when left out.
	Section string    `yaml:"section"`
	Options []*Option `yaml:"options"`
	Bands   []*Option `yaml:"bands"`
	Line    int       `yaml:"-"`
}

// Option is one answer to a choice question, or one band of a number
// question (a band covers numbers below Below, down to the previous band).
type Option struct {
	Value   string             `yaml:"value"` // choice: the query value
	Below   *int64             `yaml:"below"` // band: exclusive upper bound; nil for the last band
	Example int64              `yaml:"example"`
	Label   string             `yaml:"label"`
	Hint    string             `yaml:"hint"`
	Weights map[string]float64 `yaml:"weights"`
	Reason  string             `yaml:"reason"`
	// If completes "Serverless if …": how the answer reads as a condition.
	If   string `yaml:"if"`
	Line int    `yaml:"-"`

	weights [3]float64 // Weights in the order of Verdicts, set by Validate
}

// Constraint is a hard limit: when its condition holds, it rules verdicts out
// whatever the scores say.
type Constraint struct {
	ID        string    `yaml:"id"`
	When      Condition `yaml:"when"`
	RulesOut  []string  `yaml:"rules_out"`
	Message   string    `yaml:"message"`
	LearnMore string    `yaml:"learn_more"`
	Line      int       `yaml:"-"`
}

// Guideline is a decision guideline from the content, shown when it matches.
type Guideline struct {
	Text      string    `yaml:"text"`
	When      Condition `yaml:"when"`
	Favours   string    `yaml:"favours"`
	LearnMore string    `yaml:"learn_more"`
	Line      int       `yaml:"-"`
}

// SplitPart is one part of a system in a hybrid split: where it should run
// and when it applies.
type SplitPart struct {
	Part   string    `yaml:"part"`
	RunsOn string    `yaml:"runs_on"`
	Why    string    `yaml:"why"`
	When   Condition `yaml:"when"`
	Line   int       `yaml:"-"`
}

// Condition matches answers. For a choice question it lists the values
// that match; for a number question, a range written as ">=900000" or "<1000".
// Every listed question must match. An empty condition always matches.
type Condition map[string][]string

// Problem is an error in the model at a line of its file.
type Problem struct {
	Line int
	Msg  string
}

// Question returns the question with the given key.
func (m *Model) Question(key string) (*Question, bool) {
	q, ok := m.byKey[key]
	return q, ok
}

// VerdictInfo returns the presentation of verdict v.
func (m *Model) VerdictInfo(v string) VerdictInfo {
	for _, info := range m.Verdicts {
		if info.ID == v {
			return info
		}
	}
	return VerdictInfo{ID: v, Label: v}
}

// AnswerLabel describes answer v in words: the option's label, or the
// number with its unit.
func (q *Question) AnswerLabel(v string) string {
	if q.Kind == "number" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return v
		}
		return strings.TrimSpace(FormatInt(n) + " " + q.Unit)
	}
	if o := q.option(v); o != nil {
		return o.Label
	}
	return v
}

// Option returns the option or band that answer v selects, or nil.
func (q *Question) Option(v string) *Option { return q.option(v) }

// choices returns the options or the bands of q.
func (q *Question) choices() []*Option {
	if q.Kind == "number" {
		return q.Bands
	}
	return q.Options
}

// Validate checks the model and prepares its indexes. It must be called once
// before the model is used; it reports every problem it finds.
func (m *Model) Validate() []Problem {
	var ps []Problem
	add := func(line int, format string, args ...any) {
		ps = append(ps, Problem{line, fmt.Sprintf(format, args...)})
	}
	if m.Temperature <= 0 {
		add(1, "temperature must be a positive number (try 3)")
	}
	seenVerdicts := map[string]bool{}
	for _, v := range m.Verdicts {
		if !slices.Contains(Verdicts, v.ID) {
			add(v.Line, "unknown verdict %q; the verdicts are %s", v.ID, strings.Join(Verdicts, ", "))
		}
		if v.Label == "" || v.Summary == "" {
			add(v.Line, "verdict %q needs a label and a summary", v.ID)
		}
		seenVerdicts[v.ID] = true
	}
	for _, v := range Verdicts {
		if !seenVerdicts[v] {
			add(1, "verdicts: %q is missing", v)
		}
	}

	m.byKey = map[string]*Question{}
	if len(m.Questions) == 0 {
		add(1, "the model has no questions")
	}
	for _, q := range m.Questions {
		if q.Key == "" || strings.Trim(q.Key, "abcdefghijklmnopqrstuvwxyz_") != "" {
			add(q.Line, "question key %q must be lower-case letters", q.Key)
		}
		if m.byKey[q.Key] != nil {
			add(q.Line, "question %q is defined twice", q.Key)
		}
		m.byKey[q.Key] = q
		if q.Label == "" {
			add(q.Line, "question %q needs a label", q.Key)
		}
		if q.Section == "" {
			q.Section = Sections[0]
		}
		if !slices.Contains(Sections, q.Section) {
			add(q.Line, "question %q: section must be one of %s, not %q", q.Key, strings.Join(Sections, ", "), q.Section)
		}
		switch q.Kind {
		case "choice":
			ps = append(ps, q.validateChoice()...)
		case "number":
			ps = append(ps, q.validateNumber()...)
		default:
			add(q.Line, "question %q: kind must be \"choice\" or \"number\", not %q", q.Key, q.Kind)
			continue
		}
		for _, o := range q.choices() {
			ps = append(ps, validateWeights(q, o)...)
			for i, v := range Verdicts {
				o.weights[i] = o.Weights[v]
			}
		}
	}

	if c := m.Cost; c != nil {
		if c.Label == "" || c.ReasonServerless == "" || c.ReasonTraditional == "" {
			add(c.Line, "cost needs a label, reason_serverless and reason_traditional")
		}
		if c.WeightPerDoubling <= 0 || c.MaxWeight <= 0 || c.MaxWeight > maxWeight {
			add(c.Line, "cost: weight_per_doubling must be positive and max_weight between 0 and %d", maxWeight)
		}
	}
	for _, c := range m.Constraints {
		if c.ID == "" || c.Message == "" {
			add(c.Line, "a constraint needs an id and a message")
		}
		if len(c.When) == 0 {
			add(c.Line, "constraint %q needs a when condition; without one it would always apply", c.ID)
		}
		if len(c.RulesOut) == 0 {
			add(c.Line, "constraint %q must rule out at least one verdict", c.ID)
		}
		for _, v := range c.RulesOut {
			if !slices.Contains(Verdicts, v) {
				add(c.Line, "constraint %q rules out unknown verdict %q", c.ID, v)
			}
		}
		if len(c.RulesOut) >= len(Verdicts) {
			add(c.Line, "constraint %q rules out every verdict", c.ID)
		}
		ps = append(ps, m.validateCondition(c.Line, c.When)...)
	}
	for _, g := range m.Guidelines {
		if g.Text == "" {
			add(g.Line, "a guideline needs text")
		}
		if !slices.Contains(Verdicts, g.Favours) {
			add(g.Line, "guideline favours unknown verdict %q", g.Favours)
		}
		ps = append(ps, m.validateCondition(g.Line, g.When)...)
	}
	for _, s := range m.Split {
		if s.Part == "" || s.Why == "" {
			add(s.Line, "a split part needs a part and a why")
		}
		if s.RunsOn != Serverless && s.RunsOn != Traditional {
			add(s.Line, "split part %q: runs_on must be serverless or traditional", s.Part)
		}
		ps = append(ps, m.validateCondition(s.Line, s.When)...)
	}
	return ps
}

func (q *Question) validateChoice() []Problem {
	var ps []Problem
	if len(q.Bands) > 0 || q.Min != nil || q.Max != nil {
		ps = append(ps, Problem{q.Line, fmt.Sprintf("question %q is a choice: it takes options, not bands, min or max", q.Key)})
	}
	if len(q.Options) < 2 {
		ps = append(ps, Problem{q.Line, fmt.Sprintf("question %q needs at least two options", q.Key)})
	}
	seen := map[string]bool{}
	for _, o := range q.Options {
		if !IsSlug(o.Value) {
			ps = append(ps, Problem{o.Line, fmt.Sprintf("question %q: option value %q must be lower-case letters, digits and hyphens", q.Key, o.Value)})
		}
		if seen[o.Value] {
			ps = append(ps, Problem{o.Line, fmt.Sprintf("question %q: option %q is listed twice", q.Key, o.Value)})
		}
		seen[o.Value] = true
		if o.Below != nil {
			ps = append(ps, Problem{o.Line, fmt.Sprintf("question %q: below belongs to bands of number questions", q.Key)})
		}
	}
	if q.Default == "" {
		ps = append(ps, Problem{q.Line, fmt.Sprintf("question %q has no default answer", q.Key)})
	} else if !seen[q.Default] {
		ps = append(ps, Problem{q.Line, fmt.Sprintf("question %q: default %q is not one of its options", q.Key, q.Default)})
	}
	return ps
}

func (q *Question) validateNumber() []Problem {
	var ps []Problem
	add := func(line int, format string, args ...any) {
		ps = append(ps, Problem{line, fmt.Sprintf("question %q: ", q.Key) + fmt.Sprintf(format, args...)})
	}
	if len(q.Options) > 0 {
		add(q.Line, "a number question takes bands, not options")
	}
	if q.Min == nil || q.Max == nil || *q.Min > *q.Max {
		add(q.Line, "a number question needs min and max, with min <= max")
		return ps
	}
	if len(q.Bands) == 0 {
		add(q.Line, "a number question needs bands")
	}
	prev := *q.Min
	for i, b := range q.Bands {
		last := i == len(q.Bands)-1
		switch {
		case last && b.Below != nil:
			add(b.Line, "the last band must have no below: it covers everything up to max")
		case !last && b.Below == nil:
			add(b.Line, "every band but the last needs below")
		case !last && (*b.Below <= prev || *b.Below > *q.Max):
			add(b.Line, "band below %d must be above the previous bound %d and at most max %d", *b.Below, prev, *q.Max)
		}
		if b.Example < prev || (b.Below != nil && b.Example >= *b.Below) || b.Example > *q.Max {
			add(b.Line, "band example %d is not inside the band", b.Example)
		}
		if b.Value != "" {
			add(b.Line, "bands have no value; they are chosen by the number")
		}
		if b.Below != nil {
			prev = *b.Below
		}
	}
	if _, err := q.parseNumber(q.Default); err != nil {
		add(q.Line, "default: %s", err.Msg)
	}
	return ps
}

// maxWeight bounds a weight: one answer must not decide everything alone;
// hard limits are constraints, not huge weights.
const maxWeight = 10

func validateWeights(q *Question, o *Option) []Problem {
	var ps []Problem
	add := func(format string, args ...any) {
		ps = append(ps, Problem{o.Line, fmt.Sprintf("question %q, %s: ", q.Key, o.name()) + fmt.Sprintf(format, args...)})
	}
	if o.Label == "" {
		add("needs a label")
	}
	// An option that moves the scores must explain itself; one that only
	// sets a cost assumption (no weights) need not.
	hasWeight := false
	for _, w := range o.Weights {
		hasWeight = hasWeight || w != 0
	}
	if hasWeight && (o.Reason == "" || o.If == "") {
		add("an option with weights needs a reason and an if")
	}
	for v, w := range o.Weights {
		if !slices.Contains(Verdicts, v) {
			add("weight for unknown verdict %q", v)
		}
		if math.IsNaN(w) || math.Abs(w) > maxWeight {
			add("weight %v for %s is impossible: weights lie between -%d and %d", w, v, maxWeight, maxWeight)
		}
	}
	return ps
}

func (o *Option) name() string {
	if o.Value != "" {
		return fmt.Sprintf("option %q", o.Value)
	}
	return fmt.Sprintf("band %q", o.Label)
}

func (m *Model) validateCondition(line int, c Condition) []Problem {
	var ps []Problem
	for key, values := range c {
		q, ok := m.byKey[key]
		if !ok {
			ps = append(ps, Problem{line, fmt.Sprintf("condition refers to unknown question %q", key)})
			continue
		}
		if len(values) == 0 {
			ps = append(ps, Problem{line, fmt.Sprintf("condition on %q lists no values", key)})
		}
		for _, v := range values {
			if q.Kind == "number" {
				if _, _, err := parseRange(v); err != nil {
					ps = append(ps, Problem{line, fmt.Sprintf("condition on %q: %v", key, err)})
				}
			} else if !slices.ContainsFunc(q.Options, func(o *Option) bool { return o.Value == v }) {
				ps = append(ps, Problem{line, fmt.Sprintf("condition on %q: %q is not one of its options", key, v)})
			}
		}
	}
	return ps
}
