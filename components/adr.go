package components

import (
	"fmt"
	"strings"
	"time"

	"serverorless/web/advisor"
)

// ADR writes the recommendation as an Architecture Decision Record in the
// MADR format (Markdown Architectural Decision Records, version 4): the
// context in words, the decision drivers, the options with their pros and
// cons, the decision with its consequences, and when to revisit it.
func ADR(p AdvisorProps, date time.Time) string {
	m, r := p.Model, p.Result
	info := m.VerdictInfo(r.Verdict)
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	w("---\nstatus: proposed\ndate: %s\n---\n\n", date.Format("2006-01-02"))
	w("# Run the backend as %s\n\n", strings.ToLower(info.Label))

	w("## Context and Problem Statement\n\n")
	w("We need to decide where our backend runs: on serverless functions, on servers we operate, or on a hybrid of both. ")
	w("This record was drafted from our answers to the %s advisor:\n\n", SiteName)
	for _, q := range m.Questions {
		w("- %s: %s\n", q.Label, q.AnswerLabel(p.Answers[q.Key]))
	}
	w("\n")

	w("## Decision Drivers\n\n")
	for _, reason := range r.Reasons {
		if reason.Impact == 0 {
			continue
		}
		w("- %s (%s): %s\n", reason.Question.Label, reason.Question.AnswerLabel(reason.Answer), reason.Option.Reason)
	}
	for _, c := range r.Constraints {
		w("- Hard limit: %s\n", c.Message)
	}
	w("\n")

	w("## Considered Options\n\n")
	for _, v := range advisor.Verdicts {
		w("- %s: %s\n", m.VerdictInfo(v).Label, m.VerdictInfo(v).Summary)
	}
	w("\n")

	w("## Decision Outcome\n\n")
	w("Chosen option: \"%s\", because it scored highest (%.1f, against %s) among the options no hard limit rules out, with %d%% confidence.\n\n",
		info.Label, r.Scores[r.Verdict], otherScores(m, r), percent(r.Confidence))
	w("### Consequences\n\n")
	pro, contra := splitReasons(r.Reasons)
	for _, reason := range pro {
		w("- Good, because %s\n", lowerFirst(reason.Option.Reason))
	}
	for _, reason := range contra {
		w("- Bad, because %s\n", lowerFirst(reason.Option.Reason))
	}
	if c := r.Cost; c != nil {
		w("- Cost: about %s a month on serverless and %s on servers (%d instances and a load balancer) at %s requests a month",
			advisor.FormatUSD(c.Serverless.Total), advisor.FormatUSD(c.Traditional.Total), c.Traditional.Instances, advisor.FormatInt(int64(m.CostInputs(p.Answers).Requests)))
		if c.HasBreakEven {
			w("; serverless costs more above %s requests a month", advisor.FormatInt(int64(c.BreakEven)))
		}
		w(".\n")
	}
	if len(r.Split) > 0 {
		w("\nThe suggested split:\n\n")
		for _, s := range r.Split {
			w("- %s: %s. %s\n", s.Part, runsOn(s.RunsOn), s.Why)
		}
	}
	w("\n### Revisit this decision when\n\n")
	if len(r.Flips) == 0 {
		w("- No single answer would change the recommendation; revisit when several change at once.\n")
	}
	for _, f := range r.Flips {
		w("- %s would fit better if %s.\n", m.VerdictInfo(f.Verdict).Label, f.Option.If)
	}
	w("\n")

	w("## Pros and Cons of the Options\n\n")
	for _, v := range advisor.Verdicts {
		w("### %s\n\n", m.VerdictInfo(v).Label)
		listed := false
		for _, reason := range r.Reasons {
			if reason.Favours == v {
				w("- Good, because %s\n", lowerFirst(reason.Option.Reason))
				listed = true
			}
		}
		for _, c := range r.Constraints {
			for _, out := range c.RulesOut {
				if out == v {
					w("- Bad, because %s\n", lowerFirst(c.Message))
					listed = true
				}
			}
		}
		if !listed {
			w("- Neutral: none of our answers favours it most.\n")
		}
		w("\n")
	}

	w("## More Information\n\n")
	w("- The recommendation with these answers: %s\n", p.Permalink)
	w("- Every price and limit behind it, with sources and dates, is on that page.\n")
	return b.String()
}

func otherScores(m *advisor.Model, r *advisor.Result) string {
	var parts []string
	for _, v := range advisor.Verdicts {
		if v == r.Verdict {
			continue
		}
		s := fmt.Sprintf("%.1f for %s", r.Scores[v], strings.ToLower(m.VerdictInfo(v).Label))
		if isRuledOut(r, v) {
			s += ", ruled out"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// lowerFirst lower-cases the first letter of a sentence that follows
// "because", unless it starts an acronym or a name such as "AWS".
func lowerFirst(s string) string {
	if len(s) < 2 || strings.ToUpper(s[:2]) == s[:2] {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
