package export

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"serverorless/web/advisor"
)

//go:embed adr.md.tmpl
var adrSource string

// adrTemplate lays out the record in the MADR 4 format (Markdown
// Architectural Decision Records): front matter, context, drivers,
// options, the outcome with its good and bad consequences, when to
// revisit it, and each option's pros and cons.
var adrTemplate = template.Must(template.New("adr").Parse(adrSource))

// adrData is what the template fills in; every sentence is built here.
type adrData struct {
	Date, Title, SiteName, Cloud, Permalink string
	Answers, Drivers, Options               []string
	Chosen, Because, RunnerUp               string
	CloseCall                               bool
	Good, Bad, Revisit                      []string
	ProsCons                                []prosCons
}

type prosCons struct {
	Name      string
	Good, Bad []string
}

// ADR writes the recommendation as an Architecture Decision Record.
func ADR(in Input) (string, error) {
	var b strings.Builder
	if err := adrTemplate.Execute(&b, newADRData(in)); err != nil {
		return "", fmt.Errorf("writing the decision record: %w", err)
	}
	return b.String(), nil
}

func newADRData(in Input) adrData {
	m, r := in.Model, in.Result
	d := adrData{
		Date: in.Date.Format("2006-01-02"), Title: Title(in), SiteName: in.SiteName, Cloud: r.Cost.Cloud.Name,
		Permalink: in.Permalink, Chosen: m.VerdictInfo(r.Verdict).Label, CloseCall: r.CloseCall,
	}
	if r.CloseCall {
		d.RunnerUp = m.VerdictInfo(r.RunnerUp).Label
	}
	entry := r.Cost.Inputs.Entry
	for _, q := range m.Questions {
		// A question that does not count for these answers (the traffic
		// shape of a timer's runs) is no part of the context.
		if m.Applies(q, r.Answers) {
			d.Answers = append(d.Answers, entry.InPieces(q.Label+": "+q.AnswerLabel(r.Answers[q.Key])))
		}
	}
	d.Drivers = drivers(r)
	for _, v := range advisor.Verdicts {
		d.Options = append(d.Options, m.VerdictInfo(v).Label+": "+m.VerdictInfo(v).Summary)
	}
	d.Because = because(r)
	d.Good, d.Bad = consequences(m, r)
	d.Revisit = revisit(m, r, in)
	d.ProsCons = prosAndCons(m, r)
	return d
}

// drivers are the facts that decided: the limit that did, then the
// answers behind the reasons for the verdict, said briefly; the record's
// consequences give the reasoning.
func drivers(r *advisor.Result) []string {
	var out []string
	for _, l := range r.Limits {
		if l.Decisive {
			out = append(out, "Deciding limit: "+l.Message)
		}
	}
	for _, re := range r.Supporting(5) {
		out = append(out, re.Label+": "+re.AnswerLabel)
	}
	return out
}

// because completes "Chosen option: X, because …".
func because(r *advisor.Result) string {
	if because := r.Because(); because != "" {
		return because
	}
	if main := r.MainReason(); main != "" {
		return sentence(main)
	}
	return "it scored highest among the options no hard limit rules out"
}

// consequences are what choosing the verdict brings: the reasons for it
// (good), and the reasons against it, the money left on the table, the
// caveats and the verdict's own downsides (bad). A hybrid's bill is good
// or bad news depending on how it compares with running everything on
// containers or servers.
func consequences(m *advisor.Model, r *advisor.Result) (good, bad []string) {
	for _, re := range r.Supporting(len(r.Reasons)) {
		good = append(good, sentence(re.Sentence))
	}
	for _, re := range r.Against() {
		// Such a reason's sentence argues for another verdict: the record
		// says which, and the answer behind it.
		if re.Factor == "cost" {
			bad = append(bad, sentence(re.Sentence))
			continue
		}
		bad = append(bad, fmt.Sprintf("the answer on %s favours %s: %s", advisor.LowerFirst(re.Label),
			advisor.LowerFirst(m.VerdictInfo(re.Favours).Label), sentence(re.Sentence)))
	}
	if line, cheaper := hybridCost(r); line != "" && cheaper {
		good = append(good, line)
	} else if line != "" && !costAgainst(r) {
		bad = append(bad, line)
	}
	if c, chosen := r.Cost.Cheapest(), chosenBill(r); c != nil && chosen != nil && c.Kind != chosen.Kind && !costAgainst(r) {
		bad = append(bad, fmt.Sprintf("%s would cost about %s less a month (%s against %s)", c.Product,
			advisor.FormatUSD(chosen.Total-c.Total), advisor.FormatUSD(c.Total), advisor.FormatUSD(chosen.Total)))
	}
	for _, c := range r.Caveats {
		bad = append(bad, sentence(c))
	}
	for _, s := range m.VerdictInfo(r.Verdict).Downsides {
		bad = append(bad, sentence(s))
	}
	return good, bad
}

// costAgainst reports whether a reason against the verdict already says
// what its option costs beyond a cheaper one.
func costAgainst(r *advisor.Result) bool {
	return slices.ContainsFunc(r.Against(), func(re advisor.Reason) bool { return re.Factor == "cost" })
}

// hybridCost compares a hybrid's bill with running everything on the
// cheapest single platform that no limit rules out.
func hybridCost(r *advisor.Result) (line string, cheaper bool) {
	h, t := r.Cost.Hybrid, cheapestAllowed(r)
	if h == nil || t == nil {
		return "", false
	}
	hs, ts := advisor.FormatUSD(h.Total), advisor.FormatUSD(t.Total)
	switch {
	case hs == ts:
		return fmt.Sprintf("the split costs about as much as running everything on %s, %s a month", t.Product, ts), true
	case h.Total < t.Total:
		return fmt.Sprintf("the split costs about %s a month, less than running everything on %s (%s)", hs, t.Product, ts), true
	}
	return fmt.Sprintf("the split costs about %s a month, more than running everything on %s (%s)", hs, t.Product, ts), false
}

// cheapestAllowed is the cheapest bill of a single platform that no limit
// rules out, or nil.
func cheapestAllowed(r *advisor.Result) *advisor.Bill {
	var cheapest *advisor.Bill
	for _, v := range advisor.Verdicts {
		b := r.Cost.Bill(v.OptionKind())
		if b != nil && b.Available && !slices.Contains(r.RuledOut, v) && (cheapest == nil || b.Total < cheapest.Total) {
			cheapest = b
		}
	}
	return cheapest
}

// chosenBill is the bill of the verdict's option, when it has one.
func chosenBill(r *advisor.Result) *advisor.Bill {
	return r.Cost.Bill(r.Verdict.OptionKind())
}

// revisit lists what would change the answer, each as a condition a team
// can watch for: the volume where the bills cross, the volume growth takes
// it to, and every single answer that flips the verdict.
func revisit(m *advisor.Model, r *advisor.Result, in Input) []string {
	var out []string
	c := r.Cost
	// The first volume at which the functions' bill crosses each other
	// bill, lowest first: the servers' alone had been named at 72 million
	// where Fargate already cost less than Lambda from 45 million
	// (review 165). A crossing the volume has already passed is watched
	// for from above.
	seen := map[advisor.OptionKind]bool{}
	for _, x := range c.Crossings {
		if seen[x.With] {
			continue
		}
		seen[x.With] = true
		move := "pass"
		if x.Requests < c.Inputs.Requests {
			move = "fall below"
		}
		out = append(out, fmt.Sprintf("When %s %s about %s a month: there %s and %s cost the same.",
			c.Inputs.Entry.Pieces(), move, advisor.FormatCount(x.Requests), c.Functions.Product, c.Bill(x.With).Product))
	}
	if head, back := c.CheapestChange(); r.Answers["growth"] != "0" && head != "" {
		pt := c.Timeline[c.CheapestChangesAt]
		when := in.Date.AddDate(0, c.CheapestChangesAt, 0).Format("January 2006")
		out = append(out, fmt.Sprintf("When %s reach about %s a month, about %s at %s%% growth a month: %s%s.",
			c.Inputs.Entry.Pieces(), advisor.FormatCount(pt.Requests), when, r.Answers["growth"], head, back))
	}
	for _, f := range r.Flips {
		out = append(out, flipCondition(m, r, f))
	}
	if len(out) == 0 {
		out = append(out, "When several answers change at once: no single answer would change the recommendation.")
	}
	return out
}

// flipCondition writes a flip as the condition that triggers it: "When
// requests pass 270 million a month (now 2 million): Servers."
func flipCondition(m *advisor.Model, r *advisor.Result, f advisor.Flip) string {
	verdict := m.VerdictInfo(f.Verdict).Label
	q, ok := m.Question(f.Factor)
	if !ok {
		return f.Sentence
	}
	now := r.Answers[f.Factor]
	// A close call tips one way or the other with a change; only a clear
	// verdict becomes another (reviews 157 and 159).
	outcome := "the recommendation becomes " + verdict
	switch {
	case r.CloseCall:
		outcome = "the close call tips to " + verdict
	case f.CloseCall:
		outcome += ", by a close call"
	}
	if q.Kind != advisor.Number {
		return fmt.Sprintf("When “%s” changes to “%s” (now “%s”): %s.", q.Label, f.AnswerLabel, q.AnswerLabel(now), outcome)
	}
	to, err1 := strconv.ParseFloat(f.Answer, 64)
	from, err2 := strconv.ParseFloat(now, 64)
	if err1 != nil || err2 != nil {
		return f.Sentence
	}
	if f.Factor == "requests" {
		verb := "pass"
		if to < from {
			verb = "fall below"
		}
		return fmt.Sprintf("When %s %s %s a month (now %s): %s.", r.Cost.Inputs.Entry.Pieces(), verb, advisor.FormatCount(to), advisor.FormatCount(from), outcome)
	}
	verb, since := "reaches", "up from"
	if to < from {
		verb, since = "drops to", "down from"
	}
	amount := func(v float64) string { return q.AnswerLabel(strconv.FormatInt(int64(v), 10)) }
	label := r.Cost.Inputs.Entry.InPieces(q.Label)
	return fmt.Sprintf("When %s %s %s, %s %s: %s.", strings.ToLower(label[:1])+label[1:], verb, amount(to), since, amount(from), outcome)
}

// prosAndCons lists, for every option, the reasons that favour it and the
// limits that rule it out.
func prosAndCons(m *advisor.Model, r *advisor.Result) []prosCons {
	var out []prosCons
	cheapest := cheapestAllowed(r)
	for _, v := range advisor.Verdicts {
		pc := prosCons{Name: m.VerdictInfo(v).Label}
		billSaid := false
		for _, re := range r.Reasons {
			if re.Favours == v {
				pc.Good = append(pc.Good, sentence(re.Base))
				billSaid = billSaid || re.Factor == "cost"
			}
		}
		// The cost reason may count for a dearer verdict that the bills
		// weigh as much, or be left out: the cheapest option still has
		// its bill to its name.
		if cheapest != nil && cheapest.Kind.Verdict() == v && !billSaid {
			pc.Good = append(pc.Good, fmt.Sprintf("its bill, about %s a month for %s, is the lowest", advisor.FormatUSD(cheapest.Total), cheapest.Product))
		}
		for _, l := range r.Limits {
			if slices.Contains(l.RulesOut, v) {
				pc.Bad = append(pc.Bad, sentence(l.Message))
			}
		}
		out = append(out, pc)
	}
	return out
}
