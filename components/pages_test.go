package components

import (
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/web"
	"serverorless/web/advisor"
)

func compareProps(t *testing.T, a, b string) CompareProps {
	t.Helper()
	p := CompareProps{A: advise(t, a), B: advise(t, b), Errors: map[string]string{}}
	p.Changes = testSite(t).Model.Compare(p.A.Answers, p.B.Answers)
	p.Path = "/compare?b.jobs=hours"
	p.Permalink = "https://serverorless.example" + p.Path
	return p
}

// TestComparePage: the verdicts come first, then the form; on a phone each
// answer names its scenario (data-label); print gets the answers as text.
func TestComparePage(t *testing.T) {
	p := compareProps(t, "", "jobs=hours")
	doc := render(t, ComparePage(CompareLayoutProps{Layout: layout(t, "Scenarios", p.Path), Compare: p}))
	assert.Equal(t, "Scenarios", doc.Find("h1").Text())
	html, err := doc.Html()
	require.NoError(t, err)
	assert.Less(t, strings.Index(html, `data-testid="compare-verdict"`), strings.Index(html, `data-testid="compare-form"`), "the verdicts above the form")

	form := doc.Find(`[data-testid="compare-form"]`)
	assert.Equal(t, "/compare#comparison", form.AttrOr("action", ""))
	_, novalidate := form.Attr("novalidate")
	assert.True(t, novalidate)
	questions := len(testSite(t).Model.Questions)
	assert.Equal(t, questions, form.Find(`td[data-label="Scenario A"]`).Length())
	assert.Equal(t, questions, form.Find(`td[data-label="Scenario B"]`).Length())
	assert.Equal(t, 1, form.Find(`tr.changed`).Length(), "the answer that differs is marked")

	assert.Equal(t, "Scenarios: Serverless functions and Hybrid", doc.Find(`[data-testid="print-header"] strong`).Text(), "print heads the page with both verdicts")
	printed := doc.Find(`[data-testid="compare-print"]`)
	assert.True(t, printed.HasClass("print-only"))
	assert.Equal(t, questions, printed.Find("tbody tr").Length())
	assert.Equal(t, []string{"Longest background job", "No background jobs", "Longer than 15 minutes"}, texts(printed.Find("tr.changed").Children()))
	assert.Equal(t, []string{string(advisor.Serverless), string(advisor.Hybrid)}, doc.Find(`[data-testid="compare-verdict"]`).Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("data-verdict", "") }))
}

func TestScorecardCells(t *testing.T) {
	s := testSite(t)
	var card *web.Scorecard
	for _, pg := range s.Pages {
		if pg.Scorecard != nil {
			card = pg.Scorecard
		}
	}
	require.NotNil(t, card, "the content has a scorecard")
	props := ScorecardProps{Card: card, Verdict: s.Model.VerdictInfo, Tally: card.Tally(nil)}
	doc := render(t, Scorecard(props))
	rows := doc.Find(`[data-testid="scorecard-row"]`)
	assert.Equal(t, len(card.Categories), rows.Length())
	assert.Equal(t, len(card.Categories), rows.Find(`td[data-label="Winner"]`).Length(), "on a phone each cell names its column")
	assert.Equal(t, len(card.Categories), rows.Find(`td[data-label="Why"]`).Length())
}

func TestHomeQuickCheckFirst(t *testing.T) {
	s := testSite(t)
	doc := render(t, Home(HomeProps{Layout: layout(t, s.Home.Title, "/"), Page: s.Home, Quick: advise(t, "")}))
	grid := doc.Find(".home-grid").Children()
	require.Equal(t, 2, grid.Length())
	assert.Equal(t, "quick-advisor", grid.Eq(0).AttrOr("data-testid", ""), "a phone shows the quick check before the prose")
	assert.Equal(t, "article", grid.Eq(1).AttrOr("data-testid", ""))
	assert.Equal(t, len(s.Pages), doc.Find(`[data-testid="guide-cards"] li`).Length())
}

func TestSearchPage(t *testing.T) {
	s := testSite(t)
	p := SearchProps{Query: "cold start", Results: s.Search("cold start", 20)}
	require.NotEmpty(t, p.Results)
	doc := render(t, SearchPage(layout(t, "Search", "/search?q=cold+start"), p))
	assert.Equal(t, 1, doc.Find(`form[role="search"] .search-row input[name="q"]`).Length(), "the field and the button share a row that wraps")
	assert.Equal(t, len(p.Results), doc.Find(`[data-testid="search-result"]`).Length())

	none := render(t, SearchResults(SearchProps{Query: "zzqxv"}))
	assert.Contains(t, none.Find(`[data-testid="search-summary"]`).Text(), "Nothing matches")
}

func TestContentPages(t *testing.T) {
	s := testSite(t)
	page, ok := s.Page("/serverless")
	require.True(t, ok)
	doc := render(t, ContentPage(PageProps{Layout: layout(t, page.Title, page.Path), Page: page}))
	assert.Equal(t, page.Title, doc.Find("h1").Text())
	assert.Equal(t, 1, doc.Find(`[data-testid="article"]`).Length())

	faq := render(t, FAQPage(FAQProps{Layout: layout(t, s.FAQ.Page.Title, "/faq"), FAQ: s.FAQ}))
	assert.Equal(t, len(s.FAQ.Entries), faq.Find(`[data-testid="faq-entry"]`).Length())

	notFound := render(t, ErrorPage(ErrorProps{Layout: layout(t, "Not found", "/nope"), Status: 404, Heading: "Page not found", Message: "No page at /nope."}))
	assert.Contains(t, notFound.Find(`[data-testid="error"]`).Text(), "Error 404")
	assert.Contains(t, notFound.Find(`[data-testid="error"]`).Text(), "No page at /nope.")
}

// TestCompareBills: both scenarios' bills, option by option, with how much
// more or less B costs, and the hybrid split's bill when either is one.
func TestCompareBills(t *testing.T) {
	p := compareProps(t, "requests=2000000", "stage=scaleup&traffic=spiky&requests=3000000&jobs=hours&realtime=messaging")
	doc := render(t, CompareResult(p))
	bills := doc.Find(`[data-testid="compare-bills"]`)
	require.Equal(t, 1, bills.Length())
	for i, kind := range []advisor.OptionKind{advisor.Functions, advisor.Containers, advisor.Servers} {
		row := bills.Find(`[data-testid="compare-bill-` + string(kind) + `"]`)
		require.Equal(t, 1, row.Length(), kind)
		a, b := p.A.Result.Cost.Bills()[i], p.B.Result.Cost.Bills()[i]
		cells := row.Find("td")
		assert.Contains(t, cells.Eq(0).Text(), advisor.FormatUSD(a.Total), kind)
		assert.Contains(t, cells.Eq(1).Text(), advisor.FormatUSD(b.Total), kind)
		assert.Equal(t, signedUSD(b.Total-a.Total), cells.Eq(2).Text(), kind)
		assert.Equal(t, []string{"Scenario A", "Scenario B", "B against A"}, cells.Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("data-label", "") }), "cells name their column on phones")
	}
	assert.Contains(t, bills.Find(`[data-testid="compare-bill-functions"] td.cheapest`).First().Text(), "cheapest")
	hybrid := bills.Find(`[data-testid="compare-bill-hybrid"] td`)
	assert.Equal(t, "not recommended", hybrid.Eq(0).Text())
	assert.Equal(t, advisor.FormatUSD(p.B.Result.Cost.Hybrid.Total), hybrid.Eq(1).Text())
	assert.Equal(t, 0, doc.Find(`[data-testid="compare-timelines"]`).Length(), "no growth, no timelines")

	assert.Equal(t, "+$1,200", signedUSD(1200))
	assert.Equal(t, "−$3.10", signedUSD(-3.1))
	assert.Equal(t, "no change", signedUSD(0.001))
}

// TestCompareTimelines: when either scenario grows, both timelines side by
// side: when each one's cheapest option changes, and a month's bills of A
// and B together, every sixth month and the months of a change.
func TestCompareTimelines(t *testing.T) {
	p := compareProps(t, "requests=2000000", "traffic=steady&requests=5000000&growth=10&jobs=hours")
	doc := render(t, CompareResult(p))
	timelines := doc.Find(`[data-testid="compare-timelines"]`)
	require.Equal(t, 1, timelines.Length())
	assert.Equal(t, "Scenario A: no growth; AWS Lambda stays the cheapest option.", strings.Join(strings.Fields(timelines.Find(`[data-testid="compare-growth-a"]`).Text()), " "))
	changeAt := p.B.Result.Cost.CheapestChangesAt
	require.Positive(t, changeAt)
	assert.Contains(t, timelines.Find(`[data-testid="compare-growth-b"]`).Text(), "becomes the cheapest option in month "+strconv.Itoa(changeAt))

	months := timelines.Find("tbody").Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("data-month", "") })
	assert.Equal(t, "0", months[0])
	assert.Subset(t, months, []string{"6", "12"}, "every sixth month")
	assert.Contains(t, months, strconv.Itoa(changeAt))
	assert.Equal(t, strconv.Itoa(len(p.B.Result.Cost.Timeline)-1), months[len(months)-1], "the last month")
	first := timelines.Find("tbody").First()
	assert.Equal(t, []string{"A", "B"}, texts(first.Find("td.scenario")))
	assert.Equal(t, 2, first.Find("td.cheapest").Length(), "each scenario's cheapest option that month")
	assert.Equal(t, "2", first.Find(`th[scope="rowgroup"]`).AttrOr("rowspan", ""))
}
