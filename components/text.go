package components

import (
	"fmt"
	"strings"

	"serverorless/components/export"
	"serverorless/web/advisor"
)

// PreviewDescription says in a sentence or two what a shared link leads
// to: the verdict, its confidence, the limit that decided it if one did,
// and the main reasons for it.
func PreviewDescription(p AdvisorProps) string {
	r := p.Result
	label := p.Model.VerdictInfo(r.Verdict).Label
	if r.Platform != "" {
		label += " on " + r.Platform
	}
	d := fmt.Sprintf("Recommendation: %s (%s).", label, export.ConfidenceText(p.Model, r))
	if r.CloseCall {
		d = fmt.Sprintf("Close call: %s, %s (%s).", label, export.RunnerUpText(p.Model, r), export.MarginText(r))
	}
	if because := r.Because(); because != "" {
		d += " Because " + because + "."
	}
	var reasons []string
	for _, re := range r.Supporting(3) {
		reasons = append(reasons, strings.ToLower(re.Label)+": "+advisor.LowerFirst(re.AnswerLabel))
	}
	if len(reasons) > 0 {
		d += " Main reasons: " + strings.Join(reasons, "; ") + "."
	}
	return d
}

// homeReasons are the strongest reasons for the verdict among the answers
// the home page's quick check asks (and the bills, which its volume
// drives), so that it never explains with an answer it did not ask for.
func homeReasons(p AdvisorProps, n int) []advisor.Reason {
	var out []advisor.Reason
	for _, re := range p.Result.Supporting(len(p.Result.Reasons)) {
		q, ok := p.Model.Question(re.Factor)
		if (re.Factor == "cost" || (ok && q.Home)) && len(out) < n {
			out = append(out, re)
		}
	}
	return out
}
