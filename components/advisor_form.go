package components

import (
	"strconv"
	"strings"

	"serverorless/components/export"
	"serverorless/web/advisor"
)

// formSection is one group of questions in the advisor's form.
type formSection struct {
	ID        string
	Title     string
	Collapsed bool // shown as a closed <details>: settings most readers keep
	Questions []*advisor.Question
}

// sectionTitles names the model's sections (advisor.Sections) in the form.
var sectionTitles = map[string]string{
	"workload": "Workload",
	"team":     "Team and constraints",
	"costs":    "Cost assumptions",
}

// collapsedSections describe how the bill is computed rather than the
// system, so the form keeps them closed until the reader opens them.
var collapsedSections = map[string]bool{"costs": true}

// sections groups the model's questions by their section, in the order of
// advisor.Sections and, within a section, of the model. Empty sections are
// left out, so new questions appear wherever the model puts them.
func (p AdvisorProps) sections() []formSection {
	var out []formSection
	for _, id := range advisor.Sections {
		s := formSection{ID: id, Title: sectionTitles[id], Collapsed: collapsedSections[id]}
		if s.Title == "" {
			s.Title = strings.ToUpper(id[:1]) + id[1:]
		}
		for _, q := range p.Model.Questions {
			if q.Section == id {
				s.Questions = append(s.Questions, q)
			}
		}
		if len(s.Questions) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// hasError reports whether a question of the section has a rejected answer:
// a collapsed section then opens, so that the message is seen.
func (s formSection) hasError(p AdvisorProps) bool {
	for _, q := range s.Questions {
		if p.Errors[q.Key] != "" {
			return true
		}
	}
	return false
}

// summary lists what a collapsed section holds, from its questions' labels.
func (s formSection) summary() string {
	labels := make([]string, len(s.Questions))
	for i, q := range s.Questions {
		labels[i] = q.Label
	}
	return strings.Join(labels, ", ")
}

// answered counts the answers that differ from the model's typical ones,
// out of all questions.
func (p AdvisorProps) answered() (mine, all int) {
	for _, q := range p.Model.Questions {
		if p.Answers[q.Key] != q.DefaultAnswer() || p.Errors[q.Key] != "" {
			mine++
		}
	}
	return mine, len(p.Model.Questions)
}

// progressText says how much of the result rests on the reader's own answers.
func (p AdvisorProps) progressText() string {
	mine, all := p.answered()
	if mine == 0 {
		return "0 of " + strconv.Itoa(all) + " answers changed: every answer is a typical one until you change it."
	}
	return strconv.Itoa(mine) + " of " + strconv.Itoa(all) + " answers changed from the typical ones."
}

// Untouched reports whether the reader has given no answer yet: the result
// is then the typical answers' starting point, not their recommendation.
func (p AdvisorProps) Untouched() bool {
	mine, _ := p.answered()
	return mine == 0
}

// RecommendTitle is the title of a result's page: a page printed, bookmarked
// or kept in a tab says what it recommends.
func RecommendTitle(p AdvisorProps) string {
	label := p.Model.VerdictInfo(p.Result.Verdict).Label
	if p.Untouched() {
		return "Starting point: " + label + " (typical answers)"
	}
	return "Recommendation: " + label
}

// shortLink is a link as people write it: without the scheme.
func shortLink(url string) string {
	_, rest, ok := strings.Cut(url, "://")
	if !ok {
		return url
	}
	return rest
}

// resultBarLead follows the verdict in the phone's result bar: the
// runner-up of a close call (the bar already says "Close call"), or how
// clear the lead is.
func resultBarLead(p AdvisorProps) string {
	if p.Result.CloseCall && p.Result.RunnerUp != "" {
		return ", " + export.RunnerUpText(p.Model, p.Result)
	}
	return ", " + export.BandLabel(p.Model, p.Result)
}
