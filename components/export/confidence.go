package export

import (
	"math"
	"strconv"

	"serverorless/web/advisor"
)

// The confidence is said as the lead a reader can check against the scores
// at the end of the result, not as a percentage, which readers take for a
// probability. The bands follow the model's close-call margin: under it a
// close call, under twice it leaning, beyond that a clear lead.

// lead is the verdict's score, the runner-up's, and the points between
// them, each rounded to the tenth the scores show; ok is false when the
// hard limits leave no runner-up.
func lead(r *advisor.Result) (top, second, points float64, ok bool) {
	top = round1(r.Scores[r.Verdict])
	if r.RunnerUp == "" {
		return top, 0, 0, false
	}
	second = round1(r.Scores[r.RunnerUp])
	return top, second, round1(top - second), true
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// ConfidenceBand names how sure the advisor is, for the meter's colour. A
// verdict whose lead rests on the team's hours, an estimate, is leaning at
// most (Result.WithoutTeamTime, Result.RunnerUpWithoutTeamTime).
func ConfidenceBand(m *advisor.Model, r *advisor.Result) string {
	_, _, points, ok := lead(r)
	restsOnHours := r.WithoutTeamTime != "" || r.RunnerUpWithoutTeamTime != ""
	switch {
	case r.CloseCall:
		return "confidence-close"
	case !restsOnHours && (!ok || m.ClearLead(points)):
		return "confidence-high"
	}
	return "confidence-medium"
}

// BandLabel says in words what the meter's colour shows, so that the
// colour is never the only sign.
func BandLabel(m *advisor.Model, r *advisor.Result) string {
	switch ConfidenceBand(m, r) {
	case "confidence-close":
		return "close call"
	case "confidence-high":
		return "clear lead"
	}
	return "leaning"
}

// MarginText is the lead in points: "4.5 points to 1.5", or "4.5 points
// each" on a tie.
func MarginText(r *advisor.Result) string {
	top, second, _, ok := lead(r)
	switch {
	case !ok:
		// Other products of the cloud (Premium plans, dedicated workload
		// profiles) may run what the three priced here cannot.
		return "the only option priced here that the hard limits leave"
	case r.Tie:
		return points(top) + " each"
	}
	return points(top) + " to " + num1(second)
}

// RunnerUpText places the runner-up of a close call after the verdict:
// "narrowly ahead of Serverless functions", or on a tie "tied with
// Serverless functions".
func RunnerUpText(m *advisor.Model, r *advisor.Result) string {
	if r.Tie {
		return "tied with " + m.VerdictInfo(r.RunnerUp).Label
	}
	return "narrowly ahead of " + m.VerdictInfo(r.RunnerUp).Label
}

// ConfidenceText is the band and the lead: "clear lead: 4.5 points to 1.5".
func ConfidenceText(m *advisor.Model, r *advisor.Result) string {
	return BandLabel(m, r) + ": " + MarginText(r)
}

// ConfidenceHelp says in one line how the band is worked out, with this
// result's own figures.
func ConfidenceHelp(m *advisor.Model, r *advisor.Result) string {
	s := "Each answer gives points to the verdicts it favours (the scores at the end). "
	top, _, lead, ok := lead(r)
	switch {
	case ok && r.Tie:
		s += m.VerdictInfo(r.Verdict).Label + " and " + m.VerdictInfo(r.RunnerUp).Label + " have " + points(top) + " each. " + m.TieReasonOf(r) + " Otherwise: "
	case ok:
		s += m.VerdictInfo(r.Verdict).Label + " leads " + m.VerdictInfo(r.RunnerUp).Label + " by " + points(lead) + ": "
	default:
		s += "The hard limits rule out every other verdict. Otherwise: "
	}
	margin := m.CloseCallMargin
	s += "under " + points(margin) + " is a close call, under " + points(2*margin) + " leaning, " + num1(2*margin) + " or more a clear lead."
	const hours = " A lead that rests on the team's hours, an estimate, is leaning at most: without them, "
	switch {
	case r.WithoutTeamTime != "":
		s += hours + m.VerdictInfo(r.WithoutTeamTime).Label + " would come first."
	case r.RunnerUpWithoutTeamTime != "":
		s += hours + "its lead over " + m.VerdictInfo(r.RunnerUpWithoutTeamTime).Label + " would be under " + points(2*margin) + "."
	}
	return s
}

// num1 writes a score as the scores show it: "4.5", "3".
func num1(v float64) string { return strconv.FormatFloat(round1(v), 'f', -1, 64) }

// ScoreText writes a verdict's score as the scores list shows it, to a
// tenth ("5.4", "6.0"), rounded as the headline's lead is: 5.35 reads 5.4
// in both, where %.1f of its binary value gave 5.3.
func ScoreText(v float64) string { return strconv.FormatFloat(round1(v), 'f', 1, 64) }

// points writes a number of points: "1 point", "4.5 points".
func points(v float64) string {
	if round1(v) == 1 {
		return "1 point"
	}
	return num1(v) + " points"
}
