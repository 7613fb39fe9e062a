package components

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/web/advisor"
)

// lineY reads a polyline's points and returns its height at x.
func lineY(t *testing.T, points string, x float64) float64 {
	t.Helper()
	var prevX, prevY float64
	for i, p := range strings.Fields(points) {
		xs, ys, ok := strings.Cut(p, ",")
		require.True(t, ok, p)
		px, err := strconv.ParseFloat(xs, 64)
		require.NoError(t, err)
		py, err := strconv.ParseFloat(ys, 64)
		require.NoError(t, err)
		if i > 0 && px >= x {
			return prevY + (py-prevY)*(x-prevX)/math.Max(px-prevX, 1e-9)
		}
		prevX, prevY = px, py
	}
	return prevY
}

// TestCostChartYouMarker: the "You" line sits at the reader's volume, further
// right the more requests they enter, and each option's dot sits on its own
// line there, on both variants of the chart.
func TestCostChartYouMarker(t *testing.T) {
	last := map[string]float64{}
	for _, requests := range []string{"5000", "2000000", "1000000000"} {
		p := advise(t, "requests="+requests)
		wide, narrow := costCharts(p.Model, p.Answers, p.Result.Cost)
		for _, c := range []costChart{wide, narrow} {
			assert.Greater(t, c.You.X, last[c.Variant], "%s chart: the marker moves right from the last volume to %s", c.Variant, requests)
			last[c.Variant] = c.You.X
			assert.InDelta(t, c.x(p.Result.Cost.Inputs.Requests), c.You.X, 0.01)
			require.Len(t, c.Lines, 3)
			for _, l := range c.Lines {
				assert.Equal(t, c.You.X, l.You.X)
				assert.InDelta(t, lineY(t, l.Points, l.You.X), l.You.Y, 3, "%s chart at %s requests: the %s dot is on its line", c.Variant, requests, l.Kind)
			}
		}
	}
}

// TestCostChartLabels: the narrow chart keeps its labels large and inside
// the picture; "Cheapest" marks the cheapest option's dot; no two marks'
// labels overlap.
func TestCostChartLabels(t *testing.T) {
	for _, query := range []string{"requests=5000", "requests=100000000", "traffic=spiky&requests=2000000&jobs=hours", "requests=100000000000"} {
		p := advise(t, query)
		wide, narrow := costCharts(p.Model, p.Answers, p.Result.Cost)
		assert.GreaterOrEqual(t, narrow.FontSize, 13.0)
		assert.LessOrEqual(t, narrow.Width, 320.0, "the narrow chart is drawn about as wide as a phone shows it")
		for _, c := range []costChart{wide, narrow} {
			marks := []*chartMark{&c.You, c.Cheapest}
			if c.BreakEven != nil {
				marks = append(marks, c.BreakEven)
			}
			for _, m := range marks {
				require.NotNil(t, m, "%s: every mark is there", query)
				lo, hi := c.labelSpan(m)
				assert.True(t, lo >= 0 && hi <= c.Width, "%s, %s chart: the label %q stays inside (%.0f to %.0f of %.0f)", query, c.Variant, m.Label, lo, hi, c.Width)
				assert.True(t, m.LabelY-c.FontSize >= 0 && m.LabelY <= c.Height, "%s: %q is inside vertically", query, m.Label)
			}
			cheapest := p.Result.Cost.Cheapest()
			assert.Equal(t, "Cheapest", c.Cheapest.Label)
			assert.InDelta(t, c.y(cheapest.Total), c.Cheapest.Y, 0.01, "%s: the mark is at the cheapest option's dot", query)
			for i, m := range marks {
				for _, o := range marks[i+1:] {
					mLo, mHi := c.labelSpan(m)
					oLo, oHi := c.labelSpan(o)
					apart := mHi <= oLo || oHi <= mLo || m.LabelY <= o.LabelY-c.FontSize || o.LabelY <= m.LabelY-c.FontSize
					assert.True(t, apart, "%s, %s chart: %q and %q overlap", query, c.Variant, m.Label, o.Label)
				}
			}
		}
	}
}

// TestCostSectionMarkup: the figures' test ids, the chart's "Cheapest"
// label, tables whose every cell names its column for phones, the
// break-even said the way a person says it, and no timeline without growth.
func TestCostSectionMarkup(t *testing.T) {
	p := advise(t, "traffic=spiky&requests=2000000&jobs=hours")
	doc := render(t, costSection(p))
	for _, kind := range []advisor.OptionKind{advisor.Functions, advisor.Containers, advisor.Servers} {
		assert.Regexp(t, `^\$[\d,.]+$`, doc.Find(`[data-testid="cost-`+string(kind)+`-total"]`).Text(), kind)
	}
	assert.Equal(t, 2, doc.Find(`[data-testid="chart-cheapest"]`).Length(), "both variants mark the cheapest option")
	cells := doc.Find(`[data-testid="cost-table"] td`)
	assert.Equal(t, cells.Length(), cells.Filter("[data-label]").Length(), "every cell of the cost table names its column")
	assert.Equal(t, []string{"Requests a month", "Functions", "Containers", "Servers"}, cells.Slice(0, 4).Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("data-label", "") }))

	breakEven := strings.Join(strings.Fields(doc.Find(`[data-testid="break-even"]`).Text()), " ")
	assert.NotContains(t, breakEven, advisor.FormatInt(int64(p.Result.Cost.BreakEven)), "not the exact break-even")
	assert.Regexp(t, `about [\d.]+ million requests a month \(≈[\d.]+ requests a second on average\)`, breakEven)
	assert.NotContains(t, breakEven, "crossing follow ", "a singular crossing takes a singular verb")
	assert.Equal(t, 0, doc.Find(`[data-testid="timeline"]`).Length(), "no growth, no timeline")
}

// TestCostTimeline: with growth the cost section says when the cheapest
// option changes (the script adds the calendar month), draws the three
// bills month by month and lists them every third month, the month of the
// change included and marked.
func TestCostTimeline(t *testing.T) {
	p := advise(t, "traffic=steady&requests=5000000&jobs=hours&growth=10")
	cost := p.Result.Cost
	require.Positive(t, cost.CheapestChangesAt, "the fixture's cheapest option changes")
	doc := render(t, costSection(p))
	timeline := doc.Find(`[data-testid="timeline"]`)
	require.Equal(t, 1, timeline.Length())

	growth := strings.Join(strings.Fields(timeline.Find(`[data-testid="growth"]`).Text()), " ")
	changeAt := strconv.Itoa(cost.CheapestChangesAt)
	product := cost.Bill(cost.Timeline[cost.CheapestChangesAt].Cheapest).Product
	assert.Regexp(t, `^At 10% growth a month, `+regexp.QuoteMeta(product)+` becomes the cheapest option in month `+changeAt+`, at about [\d.]+ million requests a month\.$`, growth)
	assert.Equal(t, changeAt, timeline.Find("[data-months-ahead]").AttrOr("data-months-ahead", ""), "a place for the calendar month")

	for _, variant := range []string{"wide", "narrow"} {
		chart := timeline.Find(`[data-testid="timeline-chart-` + variant + `"] svg`)
		require.Equal(t, 1, chart.Length(), variant)
		assert.Equal(t, "img", chart.AttrOr("role", ""))
		assert.Equal(t, 3, chart.Find(`path[data-testid^="timeline-"]`).Length(), "a line per option")
		assert.Equal(t, "Month "+changeAt, chart.Find(`[data-testid="timeline-change"]`).Text())
		assert.Contains(t, chart.Find("desc").Text(), "becomes the cheapest option in month "+changeAt)
	}

	rows := timeline.Find(`[data-testid="timeline-table"] tbody tr`)
	assert.GreaterOrEqual(t, rows.Length(), 12, "at least twelve points")
	months := rows.Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("data-month", "") })
	assert.Equal(t, "0", months[0])
	assert.Contains(t, months, "3", "every third month")
	assert.Contains(t, months, "6")
	assert.Contains(t, months, "12")
	assert.Contains(t, months, changeAt, "and the month of the change")
	assert.Equal(t, changeAt, rows.Filter(".change").AttrOr("data-month", ""))
	assert.Equal(t, rows.Length(), rows.Find("td.cheapest").Length(), "one cheapest bill a month")
	assert.Equal(t, "Now", strings.TrimSpace(rows.First().Find("td").First().Text()))
}

func TestTimelineChartGeometry(t *testing.T) {
	p := advise(t, "traffic=steady&requests=5000000&jobs=hours&growth=10")
	wide, narrow := timelineCharts(p.Result.Cost)
	for _, c := range []timelineChart{wide, narrow} {
		assert.Equal(t, len(p.Result.Cost.Timeline)-1, c.Last)
		assert.InDelta(t, c.Left, c.x(0), 0.01, "month 0 at the left")
		assert.InDelta(t, c.Width-c.Right, c.x(c.Last), 0.01, "the last month at the right")
		assert.Equal(t, "Now", c.XTicks[0].Label)
		for _, l := range c.Lines {
			assert.Equal(t, len(p.Result.Cost.Timeline), strings.Count(l.D, "M")+strings.Count(l.D, "L"), "a point a month on %s", l.Kind)
		}
		require.NotNil(t, c.Change)
		assert.InDelta(t, c.x(p.Result.Cost.CheapestChangesAt), c.Change.X, 0.01)
	}
}

// TestCountsInWords: singulars for one, thousands separators in the
// figures the tables show.
func TestCountsInWords(t *testing.T) {
	assert.Equal(t, "1 request", advisor.Plural(1, "request", "requests"))
	assert.Equal(t, "1,200 requests", advisor.Plural(1200, "request", "requests"))
	assert.Equal(t, "0.35 instances", advisor.Plural(0.35, "instance", "instances"))
	assert.Equal(t, "1,769.5", groupedF(1769.5))
	assert.Equal(t, "-3", groupedF(-3))
	assert.Equal(t, "2.3", groupedF(2.3), "a published figure as written, without binary noise")
	assert.Equal(t, "86.78", groupedF(86.78))
	for _, query := range []string{"requests=1000", "requests=10&duration=1", "cloud=gcp&requests=100"} {
		doc := render(t, Result(advise(t, query)))
		text := doc.Text()
		assert.NotRegexp(t, `\b1 (requests|instances)\b`, text, "%s: singulars", query)
		assert.NotRegexp(t, `\d{5,} (MB|GB|requests|GiB-seconds)`, doc.Find(`[data-testid="prices"], [data-testid="assumptions"], [data-testid^="sizing-"]`).Text(), "%s: thousands separators", query)
	}
}

// TestChartOfFewRuns: the chart of a nightly job starts at one run a
// month, so the reader's 30 runs are drawn where they are, not at the
// left edge, and ends at 100,000 runs, past the most a timer fires (one a
// minute), not at 100 billion; labels stay few enough to read on either
// variant.
func TestChartOfFewRuns(t *testing.T) {
	p := advise(t, "cloud=gcp&entry=schedule&requests=30&duration=10800000&memory=8192&cpu=heavy&jobs=hours&ops=none")
	require.Equal(t, 1.0, p.Result.Cost.ChartFrom())
	require.Equal(t, 1e5, p.Result.Cost.ChartTo())
	points := p.Result.Cost.Points()
	assert.Equal(t, 1e5, points[len(points)-1].Requests, "the table and chart end at 100,000 runs")
	for _, x := range p.Result.Cost.Crossings {
		assert.LessOrEqual(t, x.Requests, 1e5, "no crossing past the chart")
	}
	wide, narrow := costCharts(p.Model, p.Answers, p.Result.Cost)
	for _, c := range []costChart{wide, narrow} {
		assert.Equal(t, 0.0, c.MinX, c.Variant)
		assert.Equal(t, 5.0, c.MaxX, c.Variant)
		assert.Greater(t, c.You.X, c.x(10), "%s: 30 runs sit right of 10", c.Variant)
		assert.LessOrEqual(t, len(c.XTicks), map[string]int{"wide": 9, "narrow": 5}[c.Variant], c.Variant)
	}
	http := advise(t, "requests=30")
	assert.Equal(t, advisor.MinChartRequests, http.Result.Cost.ChartFrom(), "short requests start at a thousand")
	assert.Equal(t, advisor.MaxChartRequests, http.Result.Cost.ChartTo(), "and end at 100 billion")
	busy := advise(t, "entry=schedule&requests=500000&duration=60000")
	assert.Equal(t, advisor.MaxChartRequests, busy.Result.Cost.ChartTo(), "a volume past a timer's is drawn where it is")
}

// TestContainerSizesListed: the container sizes the bills choose from
// show, by vCPU, in the table of prices and limits, not as a value of 0.
func TestContainerSizesListed(t *testing.T) {
	doc := render(t, Result(advise(t, "cloud=azure&entry=events&requests=4000000&duration=30000&memory=1024&jobs=minutes")))
	var row string
	doc.Find(`[data-testid="prices"] tr`).Each(func(_ int, tr *goquery.Selection) {
		if strings.HasPrefix(tr.Find("td").First().Text(), "Container sizes the bills choose from") {
			row = tr.Find("td").Eq(1).Text()
		}
	})
	assert.True(t, strings.HasPrefix(row, "0.25 vCPU with 0.5 GB; 0.5 vCPU with 1 GB; 0.75 vCPU with 1.5 GB; 1 vCPU with 2 GB;"), row)
	assert.True(t, strings.HasSuffix(row, "; 3.75 vCPU with 7.5 GB; 4 vCPU with 8 GB"), row)
	fargate := advise(t, "entry=events&requests=4000000&duration=30000&jobs=minutes").Result.Cost.Cloud.ContainerSizes.Listed
	assert.Equal(t, "0.25 vCPU with 0.5, 1 or 2 GB", strings.SplitN(fargate, ";", 2)[0])
	assert.Contains(t, fargate, "; 2 vCPU with 4 to 16 GB in steps of 1 GB;", "sizes in even steps read as a range")
}

// TestCrossingDirection: the sentence follows the first crossing of the
// functions and servers bills, whatever crossings follow it.
func TestCrossingDirection(t *testing.T) {
	c := &advisor.Cost{Functions: advisor.Bill{Product: "AWS Lambda"}, Servers: advisor.Bill{Product: "Amazon EC2"}, Crossings: []advisor.Crossing{
		{With: advisor.Containers, FunctionsCheaperBelow: false},
		{With: advisor.Servers, FunctionsCheaperBelow: true},
		{With: advisor.Servers, FunctionsCheaperBelow: false},
	}}
	assert.Equal(t, "AWS Lambda is cheaper below it, Amazon EC2 above", crossingDirection(c))
	c.Crossings = c.Crossings[2:]
	assert.Equal(t, "Amazon EC2 is cheaper below it, AWS Lambda above", crossingDirection(c))
}

// TestSizingAlternatives: beside the chosen machine, the page names the
// sizes next to it with what limits each and the bill each would give, as
// the API does: 37 of a 2 GB machine beside 4 of a 4 GB one, at the same
// vCPU, had read as a sizing error where an enterprise's agents leave the
// smaller room for one request (review 262).
func TestSizingAlternatives(t *testing.T) {
	p := advise(t, "traffic=steady&requests=300000000")
	doc := render(t, Result(p))
	for _, b := range []*advisor.Bill{&p.Result.Cost.Servers, &p.Result.Cost.Containers} {
		if b.Sizing == nil || len(b.Sizing.Alternatives) == 0 {
			continue
		}
		text := doc.Find(`[data-testid="alternatives-` + string(b.Kind) + `"]`).Text()
		for _, a := range b.Sizing.Alternatives {
			assert.Contains(t, text, a.Instance+" (")
			assert.Contains(t, text, ") would cost "+advisor.FormatUSD(a.MonthlyUSD))
		}
	}
	require.NotEmpty(t, p.Result.Cost.Servers.Sizing.Alternatives, "servers have sizes beside the chosen one")
	enterprise := advise(t, "stage=enterprise&cloud=aws&traffic=steady&requests=1000000000&duration=50&memory=512&ops=dedicated&arch=arm&commit=1y")
	text := render(t, Result(enterprise)).Find(`[data-testid="alternatives-servers"]`).Text()
	assert.Contains(t, text, "× c7g.medium (limited by its memory) would cost")
}

// TestSizingNamesTheMachineOnce: a machine type is named with its size; a
// container size, whose name is its size, is named once; and work started
// for each piece counts the pieces as the answers name them.
func TestSizingNamesTheMachineOnce(t *testing.T) {
	for _, tt := range []struct{ query, kind, want string }{
		{"traffic=steady&requests=300000000", "servers", `^[a-z0-9]+\.[a-z0-9]+ \([\d.]+ vCPU, [\d.]+ GB\): one serves about`},
		{"traffic=steady&requests=300000000", "containers", `^[\d.]+ vCPU, [\d.]+ GB: one serves about`},
		{"entry=schedule&requests=30&duration=2700000&memory=4096", "containers", `^[\d.]+ vCPU, [\d.]+ GB, one started for each run`},
		{"cloud=gcp&entry=events&requests=2000&duration=720000&memory=2048", "containers", `^[\d.]+ vCPU, [\d.]+ GB, one started for each event .*nothing waits between events\.$`},
	} {
		doc := render(t, Result(advise(t, tt.query)))
		assert.Regexp(t, tt.want, doc.Find(`[data-testid="sizing-`+tt.kind+`"]`).Text(), tt.query)
	}
}

// TestFactValuesReadAsWords: a figure of exactly one is written with the
// singular of its unit in the tables of prices and assumptions.
func TestFactValuesReadAsWords(t *testing.T) {
	doc := render(t, Result(advise(t, "cloud=azure&requests=2000001")))
	values := map[string]string{}
	doc.Find(`[data-testid="assumptions"] tr`).Each(func(_ int, tr *goquery.Selection) {
		values[tr.Find("td").First().Text()] = tr.Find("td").Eq(1).Text()
	})
	assert.Equal(t, "1 address", values["Public IPv4 addresses of a load balancer"])
	assert.Equal(t, "730 hours", values["Hours in a month"])
}

// TestRatesReadAsWords: rates below one a second read per minute, hour or
// day, and in the work's own pieces: an events workload's break-even is
// in events, and a machine that serves under one event a second says how
// many a minute, never "0 requests a second".
func TestRatesReadAsWords(t *testing.T) {
	doc := render(t, Result(advise(t, "cloud=gcp&traffic=spiky&entry=events&requests=80000&duration=90000&memory=2048&cpu=heavy&jobs=hours")))
	breakEven := strings.Join(strings.Fields(doc.Find(`[data-testid="break-even"]`).Text()), " ")
	assert.Regexp(t, `cost the same at about [\d,.]+ events a month \(≈[\d.]+ events an hour on average\)`, breakEven)
	doc = render(t, Result(advise(t, "cloud=gcp&traffic=spiky&entry=events&requests=8000000&duration=2500&memory=2048&cpu=heavy&jobs=hours")))
	for _, kind := range []string{"containers", "servers"} {
		sizing := doc.Find(`[data-testid="sizing-` + kind + `"]`).Text()
		assert.Regexp(t, `[\d.]+ events a minute`, sizing, kind)
		assert.NotContains(t, sizing, " 0 ", kind)
	}
	// A service billed while serving, at a thousand requests a month, is
	// busy a small share of the time, not 0 instances.
	doc = render(t, Result(advise(t, "cloud=gcp&requests=1000")))
	assert.Regexp(t, `about 0\.0000\d+ instances busy on average`, doc.Find(`[data-testid="sizing-containers"]`).Text())
}

// TestRuledOutBillsMarked: the figure and the workings of a bill the
// answers rule out say so; the others carry no mark.
func TestRuledOutBillsMarked(t *testing.T) {
	doc := render(t, Result(advise(t, "traffic=steady&requests=10000000&duration=300&memory=4096&control=full")))
	assert.Equal(t, "Ruled out: the need to control the OS, kernel and network rules functions, serverless containers and a split onto them out",
		doc.Find(`[data-testid="cost-containers"] [data-testid="ruled-out"]`).Text())
	assert.Equal(t, 1, doc.Find(`[data-testid="cost-functions"] [data-testid="ruled-out"]`).Length())
	assert.Equal(t, 0, doc.Find(`[data-testid="cost-servers"] [data-testid="ruled-out"]`).Length())
	assert.Equal(t, "Not a choice your answers leave: the need to control the OS, kernel and network rules functions, serverless containers and a split onto them out.",
		doc.Find(`[data-testid="ruled-out-containers"]`).Text())
	assert.Equal(t, 0, doc.Find(`[data-testid="ruled-out-servers"]`).Length())
}

// TestSplitBillSaysWhereTheJobsRun: the functions' bill that runs long
// jobs on container jobs says so beside its total; others say nothing.
func TestSplitBillSaysWhereTheJobsRun(t *testing.T) {
	doc := render(t, Result(advise(t, "traffic=spiky&requests=2000000&jobs=hours")))
	assert.Equal(t, "with the long jobs on Amazon ECS tasks on AWS Fargate", doc.Find(`[data-testid="cost-functions"] [data-testid="jobs-on"]`).Text())
	assert.Equal(t, 1, doc.Find(`[data-testid="jobs-on"]`).Length())
	assert.Equal(t, 0, render(t, Result(advise(t, "traffic=spiky&requests=2000000&jobs=minutes"))).Find(`[data-testid="jobs-on"]`).Length())
}
