package web

import (
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/content"
	"serverorless/web/advisor"
)

// contentCopy returns the site's own content as a MapFS that a test may
// change without touching the embedded copy.
func contentCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(content.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(content.FS(), name)
		fsys[name] = &fstest.MapFile{Data: data}
		return err
	})
	require.NoError(t, err)
	return fsys
}

// scaleInstancePrice multiplies the hourly price of the server instance in a
// copy of the content. It is the one place that knows where that price is
// written, so that the test follows the price files when they move.
func scaleInstancePrice(t *testing.T, fsys fstest.MapFS, factor float64) {
	t.Helper()
	const file = "pricing/aws.yaml"
	src := string(fsys[file].Data)
	catalogue := strings.Index(src, "\ninstances:")
	require.Positive(t, catalogue, "%s has no instance catalogue", file)
	price := regexp.MustCompile(`(\n    value: )([0-9.]+)`)
	rest := price.ReplaceAllStringFunc(src[catalogue:], func(m string) string {
		old, err := strconv.ParseFloat(price.FindStringSubmatch(m)[2], 64)
		require.NoError(t, err)
		return price.FindStringSubmatch(m)[1] + strconv.FormatFloat(old*factor, 'f', -1, 64)
	})
	fsys[file] = &fstest.MapFile{Data: []byte(src[:catalogue] + rest)}
}

// dollarFigures returns the text of every live figure of a page that is an
// amount of money, in order.
func dollarFigures(t *testing.T, site *Site, path string) []string {
	t.Helper()
	p, ok := site.Page(path)
	require.True(t, ok, "no page %s", path)
	body := string(p.Body)
	if path == "/faq" {
		for _, e := range site.FAQ.Entries {
			body += string(e.Answer)
		}
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	require.NoError(t, err)
	var out []string
	doc.Find("span.figure").Each(func(_ int, s *goquery.Selection) {
		if strings.HasPrefix(s.Text(), "$") {
			out = append(out, s.AttrOr("data-figure", "")+"="+s.Text())
		}
	})
	return out
}

// TestLiveFiguresFollowPrices is the acceptance test of live figures:
// doubling the price of a server instance in a copy of the content changes
// the server bills shown on /faq and /comparison, and nothing else needs
// editing.
func TestLiveFiguresFollowPrices(t *testing.T) {
	before, err := Load(contentCopy(t))
	require.NoError(t, err)
	fsys := contentCopy(t)
	scaleInstancePrice(t, fsys, 2)
	after, err := Load(fsys)
	require.NoError(t, err)

	for _, path := range []string{"/faq", "/comparison"} {
		old, changed := dollarFigures(t, before, path), dollarFigures(t, after, path)
		require.NotEmpty(t, old, "%s shows dollar figures from the model", path)
		require.Len(t, changed, len(old))
		var moved []string
		for i := range old {
			if old[i] != changed[i] {
				moved = append(moved, changed[i])
			}
		}
		assert.NotEmpty(t, moved, "%s: doubling the instance price changes a figure", path)
		for _, f := range moved {
			assert.True(t, strings.HasPrefix(f, "servers"), "%s: only server figures depend on the instance price, but %s moved", path, f)
		}
	}
}

// TestFigureValue checks that each figure name reads the right number from
// the cost model and writes it the site's way.
func TestFigureValue(t *testing.T) {
	m, _, errs := loadModel(content.FS())
	require.Empty(t, errs)
	query, err := url.ParseQuery("traffic=steady&requests=262800000&duration=100&memory=512&freetier=no")
	require.NoError(t, err)
	answers, _ := m.Parse(query)
	c := m.Recommend(answers).Cost
	usd := advisor.FormatUSD
	item := func(b advisor.Bill, id string) string {
		for _, it := range b.Items {
			if it.ID == id {
				return usd(it.USD)
			}
		}
		t.Fatalf("no item %s", id)
		return ""
	}
	tests := []struct{ name, want string }{
		{"functions", usd(c.Functions.Total)},
		{"functions.requests", item(c.Functions, "requests")},
		{"functions.compute", item(c.Functions, "compute")},
		{"functions.front_door", item(c.Functions, "front_door")},
		{"functions.gb_seconds", "13,140,000 GB-seconds"},
		{"servers", usd(c.Servers.Total)},
		{"servers.instances", item(c.Servers, "instances")},
		{"servers.count", strconv.Itoa(c.Servers.Sizing.Instances)},
		{"servers.load_balancer", item(c.Servers, "load_balancer")},
		{"containers", usd(c.Containers.Total)},
		{"break_even", "about " + advisor.FormatCount(c.BreakEven) + " requests a month"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := figureValue(m, query, tt.name)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	assert.Regexp(t, `^\$[0-9,.]+$`, tests[0].want, "money is written as the advisor writes it")
	assert.Regexp(t, `^about [0-9.,]+( million| billion)? requests a month$`, tests[len(tests)-1].want)

	_, err = figureValue(m, query, "lunch")
	assert.ErrorContains(t, err, `unknown figure "lunch"`)
	_, err = figureValue(m, query, "servers.lunch")
	assert.ErrorContains(t, err, `has no item "lunch"`)
}

// TestGBSecondsAreTheBills: the GB-seconds the prose quotes are those the
// functions bill charges on each cloud, not requests × duration × memory
// worked out beside it (Google Cloud bills each request's time rounded up,
// Azure Flex Consumption the instances' time).
func TestGBSecondsAreTheBills(t *testing.T) {
	m, _, errs := loadModel(content.FS())
	require.Empty(t, errs)
	for _, cloud := range advisor.Clouds {
		// GB-seconds that are not whole, so that the prose and the working
		// must round alike.
		query := url.Values{"cloud": {cloud}, "requests": {"300001"}, "duration": {"333"}, "memory": {"500"}, "freetier": {"yes"}}
		a, perrs := m.Parse(query)
		require.Empty(t, perrs)
		c := m.Pricing.Estimate(a["cloud"], m.CostInputs(a), 0)
		var billed float64
		for _, it := range c.Functions.Items {
			billed += it.GBSeconds
		}
		require.Positive(t, billed, cloud)
		got, err := figureValue(m, query, "functions.gb_seconds")
		require.NoError(t, err)
		assert.Equal(t, advisor.FormatInt(int64(math.Round(billed)))+" GB-seconds", got, cloud)
		formula := c.Functions.Items[slices.IndexFunc(c.Functions.Items, func(it advisor.Item) bool { return it.ID == "compute" })].Formula
		assert.Contains(t, formula, strings.TrimSuffix(got, " GB-seconds"), "%s: the bill's own working shows the same figure", cloud)
	}
}

func TestPriceValue(t *testing.T) {
	m, _, errs := loadModel(content.FS())
	require.Empty(t, errs)
	tests := []struct{ id, want string }{
		{"aws.functions_requests", `^\$[0-9]+\.[0-9]{2,} per million requests$`},
		{"aws.functions_gb_second", `^\$0\.0000[0-9]+ per GB-second$`},
		{"aws.functions_free_gb_seconds", `^[0-9]{1,3}(,[0-9]{3})* GB-seconds$`},
		{"common.hours_per_month", `^730 hours$`},
		{"gcp.functions_vcpu_second", `^\$0\.0000[0-9]+ per vCPU-second$`},
		{"common.ops_hourly_usd", `^\$[0-9]+\.[0-9]{2}$`},
	}
	for _, tt := range tests {
		got, source, err := priceValue(m.Pricing, tt.id)
		require.NoError(t, err, tt.id)
		assert.Regexp(t, tt.want, got)
		assert.NotEmpty(t, source)
	}
	_, source, _ := priceValue(m.Pricing, "aws.functions_requests")
	assert.Regexp(t, `^AWS Lambda requests: https://aws\.amazon\.com/lambda/pricing/ \(as of [A-Z][a-z]+ [0-9]{1,2}, 20[0-9]{2}\)\.$`, source, "a price's footnote names its source and date")
	_, _, err := priceValue(m.Pricing, "lunch")
	assert.ErrorContains(t, err, `unknown price "lunch"`)
}

// TestShortcodeErrors checks what an editor is told about each kind of
// mistake in a live figure, at the line where it is.
func TestShortcodeErrors(t *testing.T) {
	tests := []struct{ name, code, want string }{
		{"unknown figure", "{{cost lunch requests=10&freetier=no}}", `unknown figure "lunch"`},
		{"bad answer", "{{cost functions traffic=wavy&freetier=no}}", `traffic: `},
		{"unknown answer", "{{cost functions colour=red&freetier=no}}", `unknown answer "colour"`},
		{"free tier unstated", "{{cost functions requests=10}}", `state the free tier`},
		{"unknown scenario", "{{cost functions quiet-month}}", `unknown scenario "quiet-month"`},
		{"no figure", "{{cost}}", `name the figure wanted`},
		{"unknown shortcode", "{{costs functions}}", `unknown shortcode {{costs}}`},
		{"unknown fact", "{{fact lambda-nap}}", `unknown fact "lambda-nap"`},
		{"unknown price", "{{price lunch}}", `unknown price "lunch"`},
		{"price with answers", "{{price common.hours_per_month requests=5}}", `a price takes no answers`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := contentCopy(t)
			fsys["pages/figures.md"] = figuresPage("## One {#one}\n\nA line.\nThe figure is " + tt.code + " today.\n\n## Two {#two}\n")
			_, err := Load(fsys)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "pages/figures.md:10: "+tt.code+"")
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// figuresPage is a test page with body under its front matter, whose
// first body line is line 7 of the file.
func figuresPage(body string) *fstest.MapFile {
	return page("title: Figures\ndescription: Live figures.\norder: 999\nupdated: 2026-11-26", body)
}

func TestShortcodeInHeading(t *testing.T) {
	fsys := contentCopy(t)
	fsys["pages/figures.md"] = figuresPage("## Costs {{cost functions steady-api}} {#costs}\n\nText.\n\n## More {#more}\n")
	_, err := Load(fsys)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "pages/figures.md:7: {{cost functions steady-api}}: a shortcode cannot be in a heading")
}

// TestShortcodeRendering checks what a reader gets: the figure as text in
// the page, in its search section and in plain FAQ answers.
func TestShortcodeRendering(t *testing.T) {
	fsys := contentCopy(t)
	fsys["pages/figures.md"] = figuresPage("## Cost of the beta {#beta}\n\nThe beta pays {{cost functions.requests private-beta}} for requests, {{price common.hours_per_month}} a month. A {literal} brace stays.\n\n## More {#more}\n")
	site, err := Load(fsys)
	require.NoError(t, err)
	p, _ := site.Page("/figures")
	assert.Contains(t, string(p.Body), `<span class="figure" data-figure="functions.requests">$0.60</span> for requests, 730 hours<sup id="fnref:1">`)
	assert.Contains(t, string(p.Body), `Hours in a month: an assumption of this site&rsquo;s cost model.`, "a price or assumption quoted in a page gets a footnote")
	assert.Contains(t, string(p.Body), "{literal}")
	results := site.Search("beta pays", 5)
	require.NotEmpty(t, results)
	assert.Contains(t, results[0].Snippet, "$0.60 for requests")
}

// TestBillTable checks a worked example as a reader gets it: the option's
// bill with the advisor's items, labels and total, and a link to the
// advisor on the same answers.
func TestBillTable(t *testing.T) {
	fsys := contentCopy(t)
	fsys["pages/figures.md"] = figuresPage("## The bill {#bill}\n\nBefore.\n\n{{bill functions steady-api}}\n\nAfter.\n\n{{bill servers steady-api}}\n")
	site, err := Load(fsys)
	require.NoError(t, err)
	p, _ := site.Page("/figures")
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(p.Body)))
	require.NoError(t, err)

	m, _, errs := loadModel(content.FS())
	require.Empty(t, errs)
	query, err := url.ParseQuery("traffic=steady&requests=262800000&duration=100&memory=512&freetier=no")
	require.NoError(t, err)
	answers, _ := m.Parse(query)
	b := m.Recommend(answers).Cost.Functions

	table := doc.Find(`div.table-scroll table[data-bill="functions"]`)
	require.Equal(t, 1, table.Length(), "the bill is a table in a scrolling box")
	assert.Equal(t, "Functions: "+b.Product, table.Find("thead th").First().Text())
	rows := table.Find("tbody tr")
	require.Equal(t, len(b.Items)+1, rows.Length(), "one row per item, then the total")
	for i, it := range b.Items {
		cells := rows.Eq(i).Find("td")
		assert.Equal(t, it.Label, cells.Eq(0).Text())
		assert.Equal(t, advisor.FormatUSD(it.USD), cells.Eq(1).Text())
		assert.Equal(t, "A month", cells.Eq(1).AttrOr("data-label", ""), "cells are labelled for phones")
	}
	total := rows.Last().Find("td")
	assert.Equal(t, "Total", total.Eq(0).Text())
	assert.Equal(t, advisor.FormatUSD(b.Total), total.Eq(1).Text())
	assert.Equal(t, "<strong>Total</strong>", must(total.Eq(0).Html()))

	link := doc.Find(`a[href^="/recommend"]`)
	require.Equal(t, 2, link.Length())
	assert.Equal(t, m.Permalink(answers), link.First().AttrOr("href", ""), "the example opens in the advisor on the same answers")
	assert.Contains(t, p.Body, "<p>After.</p>")
	sizing := m.Recommend(answers).Cost.Servers.Sizing
	assert.Contains(t, doc.Find(`table[data-bill="servers"]`).Parent().Next().Text(), fmt.Sprintf("Sized for the busiest hour: %d × %s.", sizing.Instances, sizing.Machine), "a fleet's bill says how it was sized")
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestBillTableErrors(t *testing.T) {
	tests := []struct{ name, code, want string }{
		{"in a sentence", "The bill {{bill functions steady-api}} here.", `{{bill functions steady-api}}: a bill is a table: write it alone in its own paragraph`},
		{"unknown option", "{{bill lunch steady-api}}", `unknown option "lunch"`},
		{"free tier unstated", "{{bill servers requests=10}}", `state the free tier`},
		{"cannot run", "{{bill functions memory=65536&freetier=no}}", `cannot run these answers`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := contentCopy(t)
			fsys["pages/figures.md"] = figuresPage("## One {#one}\n\nA line.\n\n" + tt.code + "\n\n## Two {#two}\n")
			_, err := Load(fsys)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "pages/figures.md:11: {{bill ")
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// pageHTML is what a reader sees of a page: its body and, for the FAQ,
// every answer.
func pageHTML(t *testing.T, site *Site, p *Page) *goquery.Document {
	t.Helper()
	body := string(p.Body)
	if p.Path == "/faq" {
		for _, e := range site.FAQ.Entries {
			body += string(e.Answer)
		}
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	require.NoError(t, err)
	return doc
}

var (
	totalRow = regexp.MustCompile(`^(?i)(total|month|monthly bill)\b`)
	dollars  = regexp.MustCompile(`\$([0-9][0-9,]*(?:\.[0-9]+)?)`)
)

// money is the first amount of dollars in s, if any.
func money(s string) (float64, bool) {
	m := dollars.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
	return v, err == nil
}

// TestTablesAddUp is the acceptance test of worked examples: on every page
// of the guide, a table whose last row is a total ("Total", "Month",
// "Monthly bill") adds up to it, column by column, within 1% (the rounding
// of the amounts as written).
func TestTablesAddUp(t *testing.T) {
	site := embeddedSite(t)
	checked := map[string]int{}
	for _, p := range site.All() {
		pageHTML(t, site, p).Find("table").Each(func(i int, table *goquery.Selection) {
			rows := table.Find("tbody tr")
			last := rows.Last().Find("td")
			if !totalRow.MatchString(strings.TrimSpace(last.First().Text())) {
				return
			}
			for col := 1; col < last.Length(); col++ {
				want, ok := money(last.Eq(col).Text())
				if !ok {
					continue
				}
				sum := 0.0
				rows.Slice(0, rows.Length()-1).Each(func(_ int, row *goquery.Selection) {
					if v, ok := money(row.Find("td").Eq(col).Text()); ok {
						sum += v
					}
				})
				assert.InDelta(t, want, sum, want*0.01+0.005, "%s, table %d, column %d: the lines add up to $%.2f, the total says $%.2f", p.Path, i+1, col+1, sum, want)
				checked[p.Path]++
			}
		})
	}
	for _, path := range []string{"/faq", "/serverless", "/traditional", "/comparison"} {
		assert.Positive(t, checked[path], "%s has a worked example with a total", path)
	}
}

// TestBillTablesFollowPrices: doubling the price of a server instance in a
// copy of the content changes the servers' worked example on the FAQ, and
// leaves the functions' example as it was.
func TestBillTablesFollowPrices(t *testing.T) {
	bills := func(site *Site) map[string]string {
		p, ok := site.Page("/faq")
		require.True(t, ok)
		out := map[string]string{}
		pageHTML(t, site, p).Find("table[data-bill]").Each(func(_ int, s *goquery.Selection) {
			out[s.AttrOr("data-bill", "")] += s.Text()
		})
		return out
	}
	before, err := Load(contentCopy(t))
	require.NoError(t, err)
	fsys := contentCopy(t)
	scaleInstancePrice(t, fsys, 2)
	after, err := Load(fsys)
	require.NoError(t, err)
	old, changed := bills(before), bills(after)
	require.Contains(t, old, "servers", "the FAQ shows the servers' bill as a table")
	require.Contains(t, old, "functions", "the FAQ shows the functions' bill as a table")
	assert.NotEqual(t, old["servers"], changed["servers"], "a doubled instance price changes the servers' table")
	assert.Equal(t, old["functions"], changed["functions"], "the instance price is not part of the functions' bill")
}
