package components

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/components/export"
	"serverorless/web/advisor"
)

func texts(s *goquery.Selection) []string {
	return s.Map(func(_ int, s *goquery.Selection) string { return strings.TrimSpace(s.Text()) })
}

// TestAdvisorFormSections: the form has a section per section of the model,
// in order, each with the model's questions of that section; the cost
// assumptions are a closed <details> unless one of them needs a look.
func TestAdvisorFormSections(t *testing.T) {
	p := advise(t, "")
	doc := render(t, AdvisorForm(p))
	sections := doc.Find(`[data-testid^="section-"]`)
	assert.Equal(t, []string{"section-workload", "section-team", "section-costs"}, sections.Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("data-testid", "") }))
	assert.Equal(t, []string{"Workload", "Team and constraints", "Cost assumptions"}, texts(sections.Find("h2")))

	for _, q := range p.Model.Questions {
		in := doc.Find(`[data-testid="section-` + q.Section + `"] [data-testid="question-` + q.Key + `"]`)
		assert.Equal(t, 1, in.Length(), "question %s sits in section %s", q.Key, q.Section)
		if q.Kind == "choice" {
			assert.True(t, in.Find(".options").HasClass("options-"+strconv.Itoa(len(q.Options))), "the options of %s are laid out by their count", q.Key)
		}
	}
	assert.Equal(t, len(p.Model.Questions), doc.Find(`[data-testid^="question-"]`).Length(), "every question once")

	costs := doc.Find(`details[data-testid="section-costs"]`)
	require.Equal(t, 1, costs.Length(), "the cost assumptions are collapsible")
	_, open := costs.Attr("open")
	assert.False(t, open, "and collapsed")
	for _, q := range p.Model.Questions {
		if q.Section == "costs" {
			assert.Contains(t, costs.Find("summary").Text(), q.Label, "the summary says what is inside")
		}
	}

	// A rejected cost setting opens its section, so the message is seen.
	withError := advise(t, "freetier=maybe")
	require.NotEmpty(t, withError.Errors["freetier"])
	_, open = render(t, AdvisorForm(withError)).Find(`details[data-testid="section-costs"]`).Attr("open")
	assert.True(t, open)
}

// TestAdvisorFormSubmits: a plain form that lands on the result without
// JavaScript, leaves validation to the server, and with htmx waits for a
// pause (one request per burst of arrow keys) and marks the result busy.
func TestAdvisorFormSubmits(t *testing.T) {
	form := render(t, AdvisorForm(advise(t, ""))).Find("form#advisor-form")
	assert.Equal(t, "/recommend#result", form.AttrOr("action", ""))
	assert.Equal(t, "get", form.AttrOr("method", ""))
	_, novalidate := form.Attr("novalidate")
	assert.True(t, novalidate, "the browser's validation must not block a request")
	assert.Equal(t, "submit, input delay:350ms", form.AttrOr("data-hx-trigger", ""))
	assert.Equal(t, "#result", form.AttrOr("data-hx-indicator", ""))
	assert.Equal(t, "#result", form.AttrOr("data-hx-target", ""))
}

func TestProgress(t *testing.T) {
	all := strconv.Itoa(len(testSite(t).Model.Questions))
	tests := []struct {
		query, want string
		untouched   bool
	}{
		{"", "0 of " + all + " answers changed", true},
		{"stage=startup", "0 of " + all + " answers changed", true}, // a default is a typical answer
		{"traffic=spiky&jobs=hours", "2 of " + all + " answers changed", false},
		{"memory=1", "1 of " + all + " answers changed", false}, // a rejected answer is still the reader's
	}
	for _, tt := range tests {
		p := advise(t, tt.query)
		doc := render(t, AdvisorForm(p))
		assert.Contains(t, doc.Find(`[data-testid="progress"]`).Text(), tt.want, tt.query)
		assert.Equal(t, tt.untouched, p.Untouched(), tt.query)
	}
}

func TestResultVerdict(t *testing.T) {
	untouched := render(t, Result(advise(t, "")))
	assert.Equal(t, "Starting point from typical answers", untouched.Find(`[data-testid="verdict-kicker"]`).Text(), "an untouched result is not the reader's")
	assert.Contains(t, untouched.Find(`[data-testid="starting-point"]`).Text(), "typical answers")

	answered := render(t, Result(advise(t, "stage=scaleup&traffic=spiky&requests=2000000&jobs=hours&realtime=messaging")))
	assert.Equal(t, "Recommendation", answered.Find(`[data-testid="verdict-kicker"]`).Text())
	assert.Equal(t, 0, answered.Find(`[data-testid="starting-point"]`).Length())
	assert.Equal(t, "hybrid", answered.Find(`[data-testid="verdict"]`).AttrOr("data-verdict", ""))
	meter := answered.Find(".confidence meter")
	assert.Equal(t, []string{"0.5", "0.75", "1"}, []string{meter.AttrOr("low", ""), meter.AttrOr("high", ""), meter.AttrOr("optimum", "")}, "the meter's colour follows the confidence band")
}

// TestResultActions: Copy link · Decision record · Compare · Print, right
// after the verdict and before any reason.
func TestResultActions(t *testing.T) {
	doc := render(t, Result(advise(t, "traffic=spiky&jobs=hours")))
	actions := doc.Find(`[data-testid="result-actions"]`)
	assert.Equal(t, []string{"Copy link", "Decision record (Markdown)", "Bills (CSV)", "Compare in Scenarios", "Print", "Change the answers"}, texts(actions.Children()), "each says where it goes, a download its format")
	assert.Equal(t, "/recommend/adr.md?traffic=spiky&jobs=hours", actions.Find(`[data-testid="adr-link"]`).AttrOr("href", ""))
	assert.Equal(t, "/recommend/bill.csv?traffic=spiky&jobs=hours", actions.Find(`[data-testid="csv-link"]`).AttrOr("href", ""))
	assert.Equal(t, "#advisor-form", actions.Find(`[data-testid="to-form"]`).AttrOr("href", ""), "the questions one tap away on a phone")
	assert.Equal(t, "/compare?traffic=spiky&jobs=hours", actions.Find(`[data-testid="compare-link"]`).AttrOr("href", ""))
	assert.Equal(t, "permalink", actions.Find("button[data-copy]").AttrOr("data-copy", ""), "copies the link field")
	assert.Equal(t, 1, doc.Find(".verdict-head").Has(`[data-testid="verdict"]`).Has(`[data-testid="result-actions"]`).Length(), "the actions sit with the verdict")

	html, err := doc.Html()
	require.NoError(t, err)
	assert.Less(t, strings.Index(html, `data-testid="result-actions"`), strings.Index(html, `data-testid="reasons"`), "before the reasons")
	assert.Equal(t, "https://serverorless.example/recommend?traffic=spiky&jobs=hours", doc.Find(`[data-testid="permalink"]`).AttrOr("value", ""))
	assert.Equal(t, "true", doc.Find(`[data-testid="updating"]`).AttrOr("aria-hidden", ""), "the busy note is for the eyes; the live region speaks")
}

func TestResultPrintHeader(t *testing.T) {
	doc := render(t, Result(advise(t, "stage=scaleup&traffic=spiky&requests=2000000&jobs=hours&realtime=messaging")))
	header := doc.Find(`[data-testid="print-header"]`)
	assert.True(t, header.HasClass("print-only"))
	assert.Equal(t, "Recommendation: Hybrid", header.Find("strong").Text())
	assert.Equal(t, 1, header.Find("[data-today]").Length(), "a place for the day it is printed")
	assert.Equal(t, "serverorless.example/recommend?stage=scaleup&traffic=spiky&requests=2000000&jobs=hours&realtime=messaging", header.Find(".print-link").Text())
	assert.Equal(t, len(testSite(t).Model.Questions), doc.Find(".print-only dl.answers > div").Length(), "every answer prints")
}

func TestResultErrors(t *testing.T) {
	doc := render(t, Result(advise(t, "memory=1&traffic=spiky")))
	errs := doc.Find(`[data-testid="result-errors"]`)
	assert.Contains(t, errs.Text(), "Memory per request must be at least 128")
	assert.Equal(t, "#q-memory", errs.Find("a").AttrOr("href", ""), "links to the field")
	assert.Equal(t, 0, render(t, Result(advise(t, "traffic=spiky"))).Find(`[data-testid="result-errors"]`).Length())
}

// TestResultFragment: htmx gets the result, the page's new title and, out
// of band, every field's message, the progress count and the result bar.
func TestResultFragment(t *testing.T) {
	p := advise(t, "traffic=spiky&memory=1")
	doc := render(t, ResultFragment(p))
	assert.Equal(t, "Recommendation: Serverless functions · Server or Less", doc.Find("head > title").Text())
	assert.Equal(t, len(p.Model.Questions), doc.Find(`.field-error[data-hx-swap-oob="true"]`).Length())
	assert.Contains(t, doc.Find(`#error-memory`).Text(), "at least 128")
	assert.Equal(t, "true", doc.Find(`#progress`).AttrOr("data-hx-swap-oob", ""))
	assert.Contains(t, doc.Find(`#progress`).Text(), "2 of ")
	bar := doc.Find(`#jump-to-result`)
	assert.Equal(t, "true", bar.AttrOr("data-hx-swap-oob", ""))
	assert.Contains(t, bar.Text(), "Your result: Serverless")
	assert.Contains(t, doc.Find(`#result-status`).Text(), "Recommendation updated: Serverless")
}

func TestRecommendTitle(t *testing.T) {
	assert.Equal(t, "Starting point: Serverless functions (typical answers)", RecommendTitle(advise(t, "")))
	assert.Equal(t, "Recommendation: Hybrid", RecommendTitle(advise(t, "stage=scaleup&traffic=spiky&requests=2000000&jobs=hours&realtime=messaging")))
}

func TestRecommendPage(t *testing.T) {
	p := advise(t, "")
	doc := render(t, RecommendPage(RecommendProps{Layout: layout(t, RecommendTitle(p), p.Path), Advisor: p}))
	result := doc.Find(`section#result[data-testid="result"]`)
	require.Equal(t, 1, result.Length(), "the result region is #result")
	assert.Equal(t, "result-title", result.AttrOr("aria-labelledby", ""))
	assert.Equal(t, "polite", doc.Find(`#result-status`).AttrOr("aria-live", ""))
	assert.Contains(t, doc.Find(`#jump-to-result`).Text(), "Starting point: Serverless")
	assert.Equal(t, "Starting point: Serverless functions (typical answers) · Server or Less", doc.Find("head > title").Text())
}

func TestQuickAdvisor(t *testing.T) {
	doc := render(t, QuickAdvisor(advise(t, "")))
	form := doc.Find("form.quick-form")
	assert.Equal(t, "/recommend#result", form.AttrOr("action", ""), "the full advisor opens on its result")
	assert.Equal(t, "#mini-result", form.AttrOr("data-hx-indicator", ""))
	home := 0
	for _, q := range testSite(t).Model.Questions {
		if q.Home {
			home++
		}
	}
	assert.Equal(t, home, form.Find("select, input").Length(), "the questions marked for the home page")
	assert.Contains(t, doc.Find(`[data-testid="mini-verdict"]`).Text(), "From typical answers")

	answered := render(t, MiniResult(advise(t, "traffic=steady&requests=900000000")))
	assert.Equal(t, string(advisor.ServerlessContainers), answered.Find(`[data-testid="mini-verdict"]`).AttrOr("data-verdict", ""))
	assert.Contains(t, answered.Find(`[data-testid="mini-verdict"]`).Text(), "First answer")
	assert.Equal(t, "/recommend?traffic=steady&requests=900000000", answered.Find("a").Last().AttrOr("href", ""))
}

// TestCloseCallHeadline: a close call says so in the headline, with its
// runner-up; the card carries both verdicts' colours and the meter the
// close band, in words too.
func TestCloseCallHeadline(t *testing.T) {
	p := advise(t, "stage=startup&jobs=hours&requests=5000000")
	require.True(t, p.Result.CloseCall, "the fixture is a close call")
	doc := render(t, Result(p))
	card := doc.Find(`[data-testid="verdict"]`)
	assert.Equal(t, "Close call", card.Find(`[data-testid="verdict-kicker"]`).Text())
	assert.Equal(t, "Hybrid, narrowly ahead of Serverless containers", card.Find("h2").Text())
	assert.Equal(t, string(advisor.ServerlessContainers), card.Find(`[data-testid="runner-up"]`).AttrOr("data-verdict", ""))
	assert.True(t, card.HasClass("close-call") && card.HasClass("runner-up-containers"), "both colours on the card: %s", card.AttrOr("class", ""))
	band := card.Find(`[data-testid="confidence-band"]`)
	assert.True(t, band.HasClass("confidence-close"))
	assert.Equal(t, "close call", band.Find(".band-label").Text())

	fragment := render(t, ResultFragment(p))
	assert.Contains(t, fragment.Find(`#jump-to-result`).Text(), "Close call: Hybrid", "the phone's result bar says so too")
	assert.Contains(t, fragment.Find(`#result-status`).Text(), "close call, Hybrid narrowly ahead of Serverless containers", "and screen readers hear it")

	clear := render(t, Result(advise(t, "stage=scaleup&traffic=spiky&requests=2000000&jobs=hours&realtime=messaging")))
	assert.False(t, clear.Find(`[data-testid="verdict"]`).HasClass("close-call"))
	assert.Equal(t, 0, clear.Find(`[data-testid="runner-up"]`).Length(), "no runner-up when the lead is clear")
}

// TestTieHeadline: a tie is said as one, with the reason that decided it
// where the page explains the scores: the tie order's, or where one bill
// is about a fifth cheaper, the bills'.
func TestTieHeadline(t *testing.T) {
	p := advise(t, "cloud=azure&stage=startup&jobs=hours&traffic=spiky&requests=5000000")
	require.True(t, p.Result.Tie, "the fixture is a tie")
	doc := render(t, Result(p))
	assert.Equal(t, "Serverless containers, tied with Hybrid", doc.Find(`[data-testid="verdict"] h2`).Text())
	assert.Contains(t, doc.Find(`[data-testid="verdict"]`).Text(), "25 points each")
	assert.Contains(t, doc.Text(), "Serverless containers and Hybrid have 25 points each. A tie goes to serverless containers first")
	assert.NotContains(t, doc.Text(), "by 0 points")
	assert.Contains(t, render(t, ResultFragment(p)).Find(`#result-status`).Text(), "close call, Serverless containers tied with Hybrid, 25 points each")

	// Container Apps jobs within the free grant against Flex Consumption
	// at a few cents.
	p = advise(t, "cloud=azure&entry=events&requests=300&duration=600000&memory=1024&cpu=light&stage=startup")
	require.True(t, p.Result.TieOnCost, "the fixture is a tie the bills decide")
	doc = render(t, Result(p))
	assert.Equal(t, "Serverless containers, tied with Serverless functions", doc.Find(`[data-testid="verdict"] h2`).Text())
	assert.Contains(t, doc.Text(), "Serverless containers and Serverless functions have 23 points each. A tie goes to the cheaper option where the cost factor counted the gap between the two bills as too few dollars a month to weigh against the answers, but the dearer bill costs 19% or more above the other, leaving out what both pay alike")
}

// TestFlipsOfACloseCallSayTheyTipIt: where the verdict is a close call,
// the changes listed are said to tip it, not to settle it; not where the
// lead is clear.
func TestFlipsOfACloseCallSayTheyTipIt(t *testing.T) {
	tie := advise(t, "stage=startup&jobs=hours&requests=5000000")
	require.True(t, tie.Result.CloseCall)
	require.NotEmpty(t, tie.Result.Flips)
	assert.Contains(t, render(t, Result(tie)).Find(`[data-testid="flips-close-call"]`).Text(), "tips it rather than settles it")
	lead := advise(t, "stage=scaleup&traffic=spiky&requests=2000000&jobs=hours&realtime=messaging")
	require.False(t, lead.Result.CloseCall)
	assert.Equal(t, 0, render(t, Result(lead)).Find(`[data-testid="flips-close-call"]`).Length())
}

// TestAnswersSayTheWorksPieces: the answers printed with a result count
// a timer's runs and a queue's events, not requests.
func TestAnswersSayTheWorksPieces(t *testing.T) {
	for query, want := range map[string][]string{
		"entry=schedule&requests=30&duration=2400000": {"Runs per month30 runs per month", "Average time per run2,400,000 ms (40 minutes)", "Memory per run512 MB"},
		"entry=events&requests=2000000000":            {"Events per month2,000,000,000 events per month", "Average time per event200 ms"},
		"requests=2000000":                            {"Requests per month2,000,000 requests per month", "Average time per request200 ms"},
	} {
		doc := render(t, Result(advise(t, query)))
		var shown []string
		doc.Find(`section[aria-label="Your answers"] dl div`).Each(func(_ int, s *goquery.Selection) { shown = append(shown, s.Text()) })
		for _, w := range want {
			assert.Contains(t, shown, w, query)
		}
	}
}

// TestScoresAgreeWithTheHeadline: the scores list rounds a score as the
// headline's lead does (5.35 had read 5.4 in one and 5.3 in the other).
func TestScoresAgreeWithTheHeadline(t *testing.T) {
	m := testSite(t).Model
	r := &advisor.Result{Verdict: advisor.Serverless, RunnerUp: advisor.ServerlessContainers,
		Scores: map[advisor.Verdict]float64{advisor.Serverless: 8.1, advisor.ServerlessContainers: 5.35, advisor.Traditional: 6}}
	assert.Equal(t, "8.1 points to 5.4", export.MarginText(r))
	doc := render(t, scores(AdvisorProps{Model: m, Result: r}))
	var shown []string
	doc.Find(".score-value").Each(func(_ int, s *goquery.Selection) { shown = append(shown, strings.TrimSpace(s.Text())) })
	assert.Equal(t, []string{"8.1", "5.4", "6.0", "0.0"}, shown)
}

// TestConfidenceBand: the confidence in words a reader can check against
// the scores: the band follows the lead in points.
func TestConfidenceBand(t *testing.T) {
	m := testSite(t).Model
	scores := func(s, h, tr float64) map[advisor.Verdict]float64 {
		return map[advisor.Verdict]float64{advisor.Serverless: s, advisor.Hybrid: h, advisor.Traditional: tr}
	}
	tests := []struct {
		result      advisor.Result
		band, words string
	}{
		{advisor.Result{Verdict: advisor.Traditional, RunnerUp: advisor.Hybrid, CloseCall: true, Scores: scores(2.5, 3, 3.5)}, "confidence-close", "close call: 3.5 points to 3"},
		{advisor.Result{Verdict: advisor.Serverless, RunnerUp: advisor.Hybrid, Scores: scores(4.5, 1.5, 0)}, "confidence-high", "clear lead: 4.5 points to 1.5"},
		{advisor.Result{Verdict: advisor.Serverless, RunnerUp: advisor.Hybrid, Scores: scores(3, 1, 0.5)}, "confidence-medium", "leaning: 3 points to 1"},
		{advisor.Result{Verdict: advisor.Hybrid, RunnerUp: advisor.Traditional, Scores: scores(0, 1, 0)}, "confidence-medium", "leaning: 1 point to 0"},
		{advisor.Result{Verdict: advisor.Traditional, Scores: scores(5, 0, 2)}, "confidence-high", "clear lead: the only option priced here that the hard limits leave"},
		// A lead that rests on the team's hours, an estimate, is leaning
		// at most, whatever the points.
		{advisor.Result{Verdict: advisor.Serverless, RunnerUp: advisor.Hybrid, WithoutTeamTime: advisor.Traditional, Scores: scores(14.5, 1.5, 1)}, "confidence-medium", "leaning: 14.5 points to 1.5"},
		{advisor.Result{Verdict: advisor.Serverless, RunnerUp: advisor.Hybrid, RunnerUpWithoutTeamTime: advisor.Traditional, Scores: scores(14.5, 1.5, 1)}, "confidence-medium", "leaning: 14.5 points to 1.5"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.band, export.ConfidenceBand(m, &tt.result), "%+v", tt.result)
		assert.Equal(t, tt.words, export.ConfidenceText(m, &tt.result), "%+v", tt.result)
	}
	// The help under the band says why such a lead reads leaning.
	first := advisor.Result{Verdict: advisor.Serverless, RunnerUp: advisor.Hybrid, WithoutTeamTime: advisor.Traditional, Scores: scores(14.5, 1.5, 1)}
	assert.True(t, strings.HasSuffix(export.ConfidenceHelp(m, &first), " A lead that rests on the team's hours, an estimate, is leaning at most: without them, Servers would come first."), export.ConfidenceHelp(m, &first))
	second := advisor.Result{Verdict: advisor.Serverless, RunnerUp: advisor.Hybrid, RunnerUpWithoutTeamTime: advisor.Traditional, Scores: scores(14.5, 1.5, 1)}
	assert.True(t, strings.HasSuffix(export.ConfidenceHelp(m, &second), " A lead that rests on the team's hours, an estimate, is leaning at most: without them, its lead over Servers would be under 3 points."), export.ConfidenceHelp(m, &second))
}

// TestConfidenceInWords: the card says the band and the lead once, a
// closed <details> says how it is worked out, and the meter is not read
// out beside the words.
func TestConfidenceInWords(t *testing.T) {
	doc := render(t, Result(advise(t, "stage=mvp&traffic=spiky&requests=20000000&jobs=minutes&ops=dedicated")))
	band := doc.Find(`[data-testid="confidence-band"]`)
	assert.Equal(t, "Confidence: leaning: 6 points to 4.3", strings.Join(strings.Fields(band.Find(`[data-testid="confidence"]`).Text()), " "), "said once, the band and the lead")
	assert.Equal(t, "true", band.Find("meter").AttrOr("aria-hidden", ""), "the meter shows, the words speak")
	assert.NotContains(t, band.Text(), "%", "no percentage to take for a probability")
	help := band.Find(`details[data-testid="confidence-help"]`)
	require.Equal(t, 1, help.Length(), "the explanation is one click away, without JavaScript")
	assert.False(t, help.Is("[open]"))
	assert.Contains(t, help.Find("p").Text(), "Serverless functions leads Serverless containers by 1.7 points: under 1.5 points is a close call, under 3 points leaning, 3 or more a clear lead.")
}

// TestDecidingLimit: the limit that decided the verdict heads a plain box
// as the "Deciding limit" (or limits); the line under the verdict leads
// with it.
func TestDecidingLimit(t *testing.T) {
	doc := render(t, Result(advise(t, "traffic=spiky&requests=2000000&memory=12288")))
	box := doc.Find(`[data-testid="constraints"]`)
	assert.Equal(t, "Deciding limit", box.Find("h3").Text())
	assert.True(t, box.HasClass("deciding"))
	assert.Equal(t, "true", box.Find(`[data-testid="constraint"][data-id="functions-limit"]`).AttrOr("data-decisive", ""))
	assert.Equal(t, "Because 12 GB of memory for a request is more than the largest size on AWS Lambda, 10 GB, which rules functions out.", strings.Join(strings.Fields(doc.Find(`[data-testid="because"]`).Text()), " "))

	// Two limits decided an MVP's spiky API that needs 12 GB a request and
	// runs hour-long jobs; a limit the cost model found links the guide by
	// what its section explains, not by a clause that quotes the cloud's
	// figures.
	doc = render(t, Result(advise(t, "stage=mvp&traffic=spiky&requests=2000000&memory=12288&jobs=hours")))
	box = doc.Find(`[data-testid="constraints"]`)
	assert.Equal(t, "Deciding limits", box.Find("h3").Text())
	assert.Equal(t, "In the guide: the limits each platform sets on run time and memory", box.Find(`[data-id="functions-limit"] a[href^="/"]`).Text())
	assert.Equal(t, "In the guide: why jobs over 15 minutes rule functions out", box.Find(`[data-id="long-jobs"] a[href^="/"]`).Text())

	// A limit does not decide what the bills already had: 12.2-minute
	// events are past Lambda's room, but just inside it Lambda cost four
	// times Fargate, so the box does not credit the limit.
	p := advise(t, "cloud=aws&entry=events&requests=100000&memory=1024&duration=730000")
	require.True(t, slices.ContainsFunc(p.Result.Limits, func(l *advisor.Limit) bool { return l.ID == "functions-limit" }))
	box = render(t, Result(p)).Find(`[data-testid="constraints"]`)
	assert.NotContains(t, box.Find("h3").Text(), "Deciding")
	assert.Equal(t, "false", box.Find(`[data-id="functions-limit"]`).AttrOr("data-decisive", ""))

	// Past the largest Flex Consumption instance (4 GB), 6 GB requests
	// are weighed on an 8 GB instance at the same rate: at 4 GB they
	// already cost $678 against $197 on virtual machines, so the memory
	// limit decided nothing.
	p = advise(t, "stage=enterprise&cloud=azure&traffic=steady&requests=20000000&duration=300&memory=6000&control=compliance&ops=dedicated")
	require.True(t, slices.ContainsFunc(p.Result.Limits, func(l *advisor.Limit) bool { return l.ID == "functions-limit" }))
	assert.Equal(t, "false", render(t, Result(p)).Find(`[data-testid="constraints"] [data-id="functions-limit"]`).AttrOr("data-decisive", ""))
}

// TestReasonGroups: reasons for, against, then those for a ruled-out
// verdict, grouped by that verdict, with what ruled it out said once. An
// answer that favours the ruled-out verdict but put the verdict ahead of
// its runner-up is a reason for it: bursts favour functions, which
// stateful sessions rule out, and Fargate over EC2.
func TestReasonGroups(t *testing.T) {
	over := render(t, Result(advise(t, "traffic=spiky&requests=2000000&realtime=core")))
	assert.Equal(t, string(advisor.For), over.Find(`[data-testid="reasons"] [data-factor="traffic"]`).AttrOr("data-stance", ""))
	assert.Equal(t, "favours Serverless functions, and Serverless containers over Servers", strings.TrimSpace(over.Find(`[data-testid="reasons"] [data-factor="traffic"] .badge`).Text()))

	p := advise(t, "traffic=spiky&requests=2000000&realtime=core&ops=dedicated&stage=enterprise&latency=critical")
	doc := render(t, Result(p))
	headings := texts(doc.Find("h3"))
	assert.Subset(t, headings, []string{"Why Servers", "For Serverless functions, which is ruled out"})
	assert.Equal(t, "These answers favour Serverless functions, but stateful sessions at the core of the product rule functions out.", doc.Find(`[data-testid="ruled-out-note"]`).Text())
	out := doc.Find(`[data-testid="reasons-ruled-out"] [data-testid="reason"]`)
	require.Positive(t, out.Length())
	out.Each(func(_ int, r *goquery.Selection) {
		assert.Equal(t, string(advisor.RuledOut), r.AttrOr("data-stance", ""))
		assert.NotContains(t, r.Text(), "however, stateful sessions", "the limit is not repeated under each reason")
	})
	assert.Equal(t, len(p.Result.RuledOutReasons()), out.Length())
}

func TestHybridCostSentence(t *testing.T) {
	doc := render(t, Result(advise(t, "stage=mvp&traffic=spiky&requests=2000000&jobs=hours")))
	sentence := strings.Join(strings.Fields(doc.Find(`[data-testid="hybrid-cost"]`).Text()), " ")
	// The jobs on Fargate are a side of their own, not booked to Lambda.
	assert.Regexp(t, `^The split costs about \$[\d.,]+ a month: \$[\d.,]+ on AWS Lambda for the requests plus \$[\d.,]+ on Amazon ECS tasks on AWS Fargate for the background jobs\.$`, sentence)
}

// TestNumberEcho: a number field's value in words, with its rate for
// the volume as advisor.FormatRate writes it, in the pieces the entry
// counts (runs of a timer, events); singular for one.
func TestNumberEcho(t *testing.T) {
	for _, tt := range []struct {
		key, value, unit string
		entry            advisor.Entry
		want             string
	}{
		{"requests", "300000000", "requests per month", advisor.EntryHTTP, "300 million requests a month ≈ 114 requests a second"},
		{"requests", "2500000000", "requests per month", "", "2.5 billion requests a month ≈ 951 requests a second"},
		{"requests", "1234567", "requests per month", advisor.EntryHTTP, "1,234,567 requests a month ≈ 28 requests a minute"},
		{"requests", "1", "requests per month", advisor.EntryHTTP, "1 request a month ≈ 0.033 requests a day"},
		{"requests", "0", "requests per month", advisor.EntryHTTP, "0 requests a month ≈ 0 requests a second"},
		{"requests", "30", "requests per month", advisor.EntrySchedule, "30 runs a month ≈ 0.99 runs a day"},
		{"requests", "1", "requests per month", advisor.EntrySchedule, "1 run a month ≈ 0.033 runs a day"},
		{"requests", "4000000", "requests per month", advisor.EntryEvents, "4 million events a month ≈ 1.5 events a second"},
		{"memory", "262144", "MB", advisor.EntrySchedule, "262,144 MB"},
		{"memory", "512", "MB", advisor.EntryHTTP, ""},
		{"requests", "lots", "requests per month", advisor.EntryHTTP, ""},
	} {
		assert.Equal(t, tt.want, numberEcho(tt.key, tt.value, tt.unit, tt.entry), "%s=%s (%s)", tt.key, tt.value, tt.entry)
	}
	doc := render(t, AdvisorForm(advise(t, "requests=300000000")))
	assert.Equal(t, "300 million requests a month ≈ 114 requests a second", doc.Find(`#echo-requests`).Text(), "the server writes the echo, so it shows without JavaScript")
	assert.Contains(t, doc.Find(`#q-requests`).AttrOr("aria-describedby", ""), "echo-requests")
	doc = render(t, AdvisorForm(advise(t, "entry=schedule&requests=30&duration=2400000")))
	assert.Equal(t, "30 runs a month ≈ 0.99 runs a day", doc.Find(`#echo-requests`).Text(), "a timer's volume counts runs")
}

// TestLinkTextsSayWhere: no two links of a result share a text but lead to
// different places, and none is a bare "More on this" or "Details". (In a
// table of prices a source's host is read with its row, which names the
// figure.)
func TestLinkTextsSayWhere(t *testing.T) {
	for _, query := range []string{"traffic=spiky&requests=2000000&jobs=hours", "jobs=hours&realtime=core", "stage=enterprise&traffic=steady&requests=3000000000&duration=800&realtime=core&data=heavy&codebase=existing&control=full&ops=dedicated&latency=critical", "cloud=gcp&memory=40000"} {
		doc := render(t, Result(advise(t, query)))
		targets := map[string]string{}
		doc.Find("a[href]").Not("td a").Each(func(_ int, a *goquery.Selection) {
			text := strings.Join(strings.Fields(a.Text()), " ")
			assert.NotContains(t, []string{"More on this", "Details", "Source", "↩︎", "here"}, text, "%s: a link that does not say where it goes", query)
			href := a.AttrOr("href", "")
			if prev, ok := targets[text]; ok {
				assert.Equal(t, prev, href, "%s: %q leads to two places", query, text)
			}
			targets[text] = href
		})
	}
}

// TestOneRounding: the quick check, the split's sentence and the cards
// write the same bill the same way.
func TestOneRounding(t *testing.T) {
	for _, query := range []string{"", "requests=300000000", "traffic=spiky&requests=2000000&jobs=hours"} {
		p := advise(t, query)
		result := render(t, Result(p))
		var cards []string
		result.Find(`[data-testid$="-total"]`).Each(func(_ int, s *goquery.Selection) { cards = append(cards, s.Text()) })
		mini := render(t, MiniResult(p))
		mini.Find(`[data-testid="mini-cost"] strong`).Each(func(_ int, s *goquery.Selection) {
			assert.Contains(t, cards, s.Text(), "%s: the quick check's %s is on a card", query, s.Text())
		})
	}
}

// TestFlipsOnEveryResult: "What would change the answer" is on every
// result; when no single answer would, it says so.
func TestFlipsOnEveryResult(t *testing.T) {
	p := advise(t, "")
	p.Result.Flips = nil
	doc := render(t, Result(p))
	flips := doc.Find(`[data-testid="flips"]`)
	require.Equal(t, 1, flips.Length())
	assert.Contains(t, flips.Text(), "No single answer would change it")
	assert.Equal(t, 0, flips.Find("li").Length())
}

// TestAdvisorFormFollowsEachAnswer: a choice question rendered once and
// kept still shows each reader's own answer checked, and a rejected
// answer its message, however the forms before it were answered.
func TestAdvisorFormFollowsEachAnswer(t *testing.T) {
	for _, tt := range []struct{ query, key, checked, msg string }{
		{"", "traffic", "cyclical", ""},
		{"traffic=spiky", "traffic", "spiky", ""},
		{"traffic=steady", "traffic", "steady", ""},
		{"", "traffic", "cyclical", ""},
		{"traffic=sometimes", "traffic", "cyclical", "traffic"},
		{"traffic=spiky", "traffic", "spiky", ""},
	} {
		p := advise(t, tt.query)
		doc := render(t, AdvisorForm(p))
		q := doc.Find(`[data-testid="question-` + tt.key + `"]`)
		assert.Equal(t, []string{tt.checked}, q.Find(`input[checked]`).Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("value", "") }), tt.query)
		msg := strings.TrimSpace(q.Find(`[data-testid="error-` + tt.key + `"]`).Text())
		if tt.msg == "" {
			assert.Empty(t, msg, tt.query)
		} else {
			assert.Contains(t, strings.ToLower(msg), tt.msg, tt.query)
		}
	}
}

// TestMiddleGroundLeads: where the verdict is the middle ground between
// the strongest cases, the line under the verdict and the reasons say so
// before the reasons for it, which are weak.
func TestMiddleGroundLeads(t *testing.T) {
	doc := render(t, Result(advise(t, "latency=critical&requests=20000000&traffic=steady&duration=50&ops=dedicated")))
	const said = "Serverless containers are the middle ground here: your answer on latency tolerance favours servers, the one on stage of the product favours serverless functions, and serverless containers come second on both."
	assert.Equal(t, "Mainly: "+said, strings.Join(strings.Fields(doc.Find(`[data-testid="because"]`).Text()), " "))
	assert.Equal(t, said, doc.Find(`[data-testid="middle-ground"]`).Text())
	assert.Equal(t, 0, render(t, Result(advise(t, "traffic=spiky&requests=2000000"))).Find(`[data-testid="middle-ground"]`).Length())
}

// TestReasonsForOverTheRunnerUp: an answer that favours functions most but
// put Fargate ahead of EC2, its runner-up, is listed among the reasons
// for Fargate, and its badge says both; nothing is against it.
func TestReasonsForOverTheRunnerUp(t *testing.T) {
	doc := render(t, Result(advise(t, "stage=scaleup&cloud=aws&traffic=unpredictable&entry=events&requests=50000000&duration=800&memory=1536&cpu=heavy&ops=dedicated&egress=500")))
	traffic := doc.Find(`[data-testid="reasons"] [data-factor="traffic"]`)
	require.Equal(t, 1, traffic.Length())
	assert.Equal(t, "favours Serverless functions, and Serverless containers over Servers", strings.TrimSpace(traffic.Find(".badge").Text()))
	assert.Equal(t, 0, doc.Find(`[data-testid="reasons-against"] [data-factor="traffic"]`).Length())
}
