package web

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/content"
)

// page builds a markdown file with the given front matter lines and body.
func page(frontMatter, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\n" + frontMatter + "\n---\n" + body)}
}

const faqFile = `---
title: Questions
description: Answers.
order: 90
updated: 2026-11-01
---
Intro paragraph.

## Is it cheap? {#cheap}

Usually.[^p]

## Does it scale?

Yes, see [cheap](#cheap).

[^p]: Price list (as of 2026).
`

// testModel is a small valid decision model with two questions.
const testModel = `temperature: 3
verdicts:
  - {id: serverless, label: Serverless, summary: Functions., learn_more: /serverless}
  - {id: traditional, label: Servers, summary: Servers.}
  - {id: hybrid, label: Hybrid, summary: Both.}
questions:
  - key: traffic
    label: Traffic
    kind: choice
    default: steady
    learn_more: /serverless#how
    options:
      - {value: steady, label: Steady, weights: {traditional: 2}, reason: Busy servers., if: traffic were steady}
      - {value: spiky, label: Spiky, weights: {serverless: 2}, reason: Bursts., if: traffic were spiky}
  - key: requests
    label: Requests
    kind: number
    min: 0
    max: 1000
    default: 10
    bands:
      - {below: 100, example: 10, label: few, weights: {serverless: 1}, reason: Few., if: there were few}
      - {example: 500, label: many, weights: {traditional: 1}, reason: Many., if: there were many}
constraints:
  - {id: big, when: {requests: [">=900"]}, rules_out: [serverless], message: Too big.}
`

// validFS returns a small, valid content folder; tests change one file.
func validFS() fstest.MapFS {
	return fstest.MapFS{
		"pages/index.md": page("title: Home\ndescription: The home page.\norder: 0\nupdated: 2026-11-01", "Start with [serverless](/serverless)."),
		"pages/serverless.md": page("title: What serverless is\ndescription: Functions.\nnav: Serverless\norder: 20\nupdated: 2026-11-02",
			"Lead.\n\n## How it works {#how}\n\nText.\n\n### Events\n\nMore.\n\n## Costs\n\nSee [the FAQ](/faq#cheap) and [servers](/traditional)."),
		"pages/traditional.md": page("title: Traditional\ndescription: Servers.\norder: 10\nupdated: 2026-11-03", "Back to [how](/serverless#how) and [advice](/recommend), or [a scenario](/recommend?traffic=spiky&requests=50)."),
		"pages/secret.md":      page("title: Draft\ndescription: Not yet.\norder: 30\nupdated: 2026-11-03\ndraft: true", "Unfinished."),
		"faq.md":               {Data: []byte(faqFile)},
		"decision.yaml":        {Data: []byte(testModel)},
		"pricing.yaml":         {Data: realPrices},
	}
}

// priceLine is the line of the real pricing file on which the entry with
// the given id starts, so that tests do not break when editors add lines.
func priceLine(id string) int {
	return strings.Count(string(realPrices[:strings.Index(string(realPrices), "  - id: "+id)]), "\n") + 1
}

// realPrices is the site's own pricing file; tests change it where needed.
var realPrices = func() []byte {
	b, err := fs.ReadFile(content.FS(), "pricing.yaml")
	if err != nil {
		panic(err)
	}
	return b
}()

func TestLoad(t *testing.T) {
	site, err := Load(validFS())
	require.NoError(t, err)

	assert.Equal(t, "Home", site.Home.Title)
	assert.Equal(t, "/", site.Home.Path)

	var paths []string
	for _, p := range site.Pages {
		paths = append(paths, p.Path)
	}
	assert.Equal(t, []string{"/traditional", "/serverless", "/faq"}, paths, "pages in navigation order, draft left out")
	_, ok := site.Page("/secret")
	assert.False(t, ok, "a draft is not published")

	p, ok := site.Page("/serverless")
	require.True(t, ok)
	assert.Equal(t, "Serverless", p.NavTitle)
	assert.Equal(t, "2026-11-02", p.Updated.Format("2006-01-02"))
	assert.Equal(t, []Heading{{"how", "How it works", 2}, {"events", "Events", 3}, {"costs", "Costs", 2}}, p.TOC)
	assert.True(t, p.HasAnchor("how"))

	tr, _ := site.Page("/traditional")
	assert.Equal(t, "Traditional", tr.NavTitle, "nav label defaults to the title")
	prev, next := site.Neighbours(p)
	assert.Equal(t, tr, prev)
	assert.Equal(t, site.FAQ.Page, next)
}

func TestLoadFAQ(t *testing.T) {
	site, err := Load(validFS())
	require.NoError(t, err)
	faq := site.FAQ
	require.Len(t, faq.Entries, 2)
	assert.Equal(t, "cheap", faq.Entries[0].ID)
	assert.Equal(t, "Is it cheap?", faq.Entries[0].Question)
	assert.Equal(t, "Usually.", faq.Entries[0].AnswerText, "plain text drops footnote markers")
	assert.Contains(t, string(faq.Entries[0].Answer), `href="#fn:1"`)
	assert.Equal(t, "does-it-scale", faq.Entries[1].ID)
	assert.Contains(t, string(faq.Intro), "Intro paragraph.")
	assert.NotContains(t, string(faq.Intro), "Usually")
	assert.Contains(t, string(faq.Sources), "Price list")
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		data string
		want string // the error message, "file:line: message"
	}{
		{"no front matter", "pages/serverless.md", "# Hello\n", `pages/serverless.md:1: missing front matter`},
		{"unclosed front matter", "pages/serverless.md", "---\ntitle: x\n", `pages/serverless.md:1: front matter is not closed`},
		{"unknown field", "pages/serverless.md", "---\ntitle: x\ndescription: y\norder: 20\nupdated: 2026-01-01\nauthor: me\n---\nBody", `pages/serverless.md:6: unknown field "author"`},
		{"wrong type", "pages/serverless.md", "---\ntitle: x\ndescription: y\norder: first\nupdated: 2026-01-01\n---\nBody", `pages/serverless.md:4: "first" is not a valid whole number`},
		{"bad yaml", "pages/serverless.md", "---\ntitle: x\ndescription: [y\norder: 20\n---\nBody", `pages/serverless.md:`},
		{"missing title", "pages/serverless.md", "---\ndescription: y\norder: 20\nupdated: 2026-01-01\n---\nBody", `pages/serverless.md:1: front matter needs a title`},
		{"missing description", "pages/serverless.md", "---\ntitle: x\norder: 20\nupdated: 2026-01-01\n---\nBody", `pages/serverless.md:1: front matter needs a description`},
		{"long description", "pages/serverless.md", "---\ntitle: x\ndescription: " + strings.Repeat("a", 161) + "\norder: 20\nupdated: 2026-01-01\n---\nBody", `pages/serverless.md:3: description is 161 characters long`},
		{"missing order", "pages/serverless.md", "---\ntitle: x\ndescription: y\nupdated: 2026-01-01\n---\nBody", `pages/serverless.md:1: front matter needs an order`},
		{"bad date", "pages/serverless.md", "---\ntitle: x\ndescription: y\norder: 20\nupdated: 25/11/2026\n---\nBody", `pages/serverless.md:5: updated "25/11/2026" is not a date in the form YYYY-MM-DD`},
		{"h1 in body", "pages/serverless.md", "---\ntitle: x\ndescription: y\norder: 20\nupdated: 2026-01-01\n---\nLead.\n\n# Big\n", `pages/serverless.md:9: the body must not have a level-1 heading`},
		{"duplicate order", "pages/serverless.md", "---\ntitle: x\ndescription: y\norder: 10\nupdated: 2026-01-01\n---\nBody", `order 10 is also used by`},
		{"broken link", "pages/serverless.md", "---\ntitle: x\ndescription: y\norder: 20\nupdated: 2026-01-01\n---\nLead.\n\nSee [gone](/nowhere).\n", `pages/serverless.md:9: link to /nowhere: no such page`},
		{"broken anchor", "pages/traditional.md", "---\ntitle: x\ndescription: y\norder: 10\nupdated: 2026-01-01\n---\n| a | b |\n|---|---|\n| [x](/serverless#nope) | 1 |\n", `pages/traditional.md:9: link to /serverless#nope: pages/serverless.md has no heading with id "nope"`},
		{"broken local anchor", "pages/traditional.md", "---\ntitle: x\ndescription: y\norder: 10\nupdated: 2026-01-01\n---\n## A\n\n[up](#b)\n", `pages/traditional.md:9: link to #b: pages/traditional.md has no heading with id "b"`},
		{"bad scenario link", "pages/traditional.md", "---\ntitle: x\ndescription: y\norder: 10\nupdated: 2026-01-01\n---\n[game](/recommend?traffic=wavy)\n", `pages/traditional.md:7: scenario link /recommend?traffic=wavy: traffic: "wavy" is not a valid answer`},
		{"link to draft", "pages/traditional.md", "---\ntitle: x\ndescription: y\norder: 10\nupdated: 2026-01-01\n---\n[d](/secret)\n", `pages/traditional.md:7: link to /secret: no such page`},
		{"faq without questions", "faq.md", "---\ntitle: Q\ndescription: y\norder: 90\nupdated: 2026-01-01\n---\nNothing.\n", `faq.md:1: the FAQ has no questions`},
		{"missing home", "pages/index.md", "", `pages/index.md:1: the home page is missing`},
		{"missing model", "decision.yaml", "", `decision.yaml:1: the decision model is missing`},
		{"model unknown field", "decision.yaml", testModel + "colour: red\n", `decision.yaml:26: unknown field "colour"`},
		{"model missing default", "decision.yaml", strings.Replace(testModel, "    default: steady\n", "", 1), `decision.yaml:7: question "traffic" has no default answer`},
		{"model default not an option", "decision.yaml", strings.Replace(testModel, "default: steady", "default: calm", 1), `decision.yaml:7: question "traffic": default "calm" is not one of its options`},
		{"model impossible weight", "decision.yaml", strings.Replace(testModel, "weights: {traditional: 2}", "weights: {traditional: 200}", 1), `decision.yaml:13: question "traffic", option "steady": weight 200 for traditional is impossible`},
		{"model unknown verdict", "decision.yaml", strings.Replace(testModel, "weights: {serverless: 2}", "weights: {cloud: 2}", 1), `decision.yaml:14: question "traffic", option "spiky": weight for unknown verdict "cloud"`},
		{"model unknown reference", "decision.yaml", strings.Replace(testModel, "when: {requests:", "when: {volume:", 1), `decision.yaml:25: condition refers to unknown question "volume"`},
		{"model bad range", "decision.yaml", strings.Replace(testModel, `">=900"`, `"about 900"`, 1), `decision.yaml:25: condition on "requests": "about 900" must start with`},
		{"model bands out of order", "decision.yaml", strings.Replace(testModel, "below: 100, example: 10", "below: 5000, example: 10", 1), `decision.yaml:22: question "requests": band below 5000 must be above the previous bound 0 and at most max 1000`},
		{"prices missing", "pricing.yaml", "", `pricing.yaml:1: the prices are missing`},
		{"price without source", "pricing.yaml", strings.Replace(string(realPrices), "    source: https://aws.amazon.com/lambda/pricing/\n", "", 1), fmt.Sprintf("pricing.yaml:%d: price \"lambda_request_usd_per_million\" needs a source", priceLine("lambda_request_usd_per_million"))},
		{"price without date", "pricing.yaml", strings.Replace(string(realPrices), "    as_of: 2026-11-01\n", "", 1), fmt.Sprintf("pricing.yaml:%d: price \"lambda_request_usd_per_million\" needs as_of", priceLine("lambda_request_usd_per_million"))},
		{"price not a date", "pricing.yaml", strings.Replace(string(realPrices), "as_of: 2026-11-01", "as_of: last week", 1), fmt.Sprintf("pricing.yaml:%d: price \"lambda_request_usd_per_million\": as_of \"last week\" is not a date in the form YYYY-MM-DD", priceLine("lambda_request_usd_per_million"))},
		{"negative price", "pricing.yaml", strings.Replace(string(realPrices), "value: 0.20", "value: -0.20", 1), fmt.Sprintf("pricing.yaml:%d: \"lambda_request_usd_per_million\": -0.2 is not a possible value", priceLine("lambda_request_usd_per_million"))},
		{"required price missing", "pricing.yaml", strings.Replace(string(realPrices), "id: gateway_usd_per_million", "id: gateway_usd", 1), `pricing.yaml:1: prices: "gateway_usd_per_million" is missing`},
		{"impossible assumption", "pricing.yaml", strings.Replace(string(realPrices), "value: 730", "value: 800", 1), `hours_per_month 800 is more than the 744 hours`},
		{"model broken link", "decision.yaml", strings.Replace(testModel, "learn_more: /serverless#how", "learn_more: /serverless#why", 1), `decision.yaml:7: link to /serverless#why: pages/serverless.md has no heading with id "why"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			if tt.data == "" {
				delete(fsys, tt.file)
			} else {
				fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
			}
			_, err := Load(fsys)
			require.Error(t, err)
			var errs ContentErrors
			require.ErrorAs(t, err, &errs)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestLoadReportsEveryError(t *testing.T) {
	fsys := validFS()
	fsys["pages/serverless.md"] = page("title: x\ndescription: y\norder: 20\nupdated: never", "[a](/gone)")
	fsys["pages/traditional.md"] = page("description: y\norder: 10\nupdated: 2026-01-01", "ok")
	_, err := Load(fsys)
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	assert.Equal(t, []string{
		`decision.yaml:7: link to /serverless#how: pages/serverless.md has no heading with id "how"`,
		`pages/serverless.md:5: updated "never" is not a date in the form YYYY-MM-DD`,
		`pages/serverless.md:7: link to /gone: no such page`,
		`pages/traditional.md:1: front matter needs a title`,
	}, lines, "all problems, sorted by file and line")
}

// TestErrorsInStableOrder: the checker prints the same list every time,
// even for problems found in a map (two bad weights of one option).
func TestErrorsInStableOrder(t *testing.T) {
	fsys := validFS()
	fsys["decision.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(testModel,
		"weights: {traditional: 2}", "weights: {traditional: 200, serverless: 300, hybrid: 400, cloud: 1}", 1))}
	_, first := Load(fsys)
	require.Error(t, first)
	require.GreaterOrEqual(t, strings.Count(first.Error(), "\n"), 3, "several problems on one line:\n%s", first)
	for range 20 {
		_, err := Load(fsys)
		require.Equal(t, first.Error(), err.Error())
	}
	for line := range strings.SplitSeq(first.Error(), "\n") {
		assert.Regexp(t, `^decision\.yaml:\d+: `, line, "every problem starts with file:line:")
	}
}
