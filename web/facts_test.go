package web

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testFacts is a small facts.yaml: two sources and one fact.
const testFacts = `sources:
  - id: quotas
    publisher: AWS
    title: Lambda quotas
    url: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
    note: US East
    as_of: 2026-11-26
  - id: pricing
    publisher: AWS
    title: AWS Lambda pricing
    url: https://aws.amazon.com/lambda/pricing/
    as_of: 2026-11
facts:
  - id: max-run
    text: 15 minutes
    source: quotas
`

// factsFS is validFS with facts.yaml and a page body under test.
func factsFS(body string) fstest.MapFS {
	fsys := validFS()
	fsys["facts.yaml"] = &fstest.MapFile{Data: []byte(testFacts)}
	fsys["pages/limits.md"] = page("title: Limits\ndescription: Limits.\norder: 40\nupdated: 2026-11-26", body)
	return fsys
}

// TestFactsAndSharedSources checks what a reader sees when a page draws on
// facts.yaml: the fact's text with a footnote, and shared sources written
// out from one definition.
func TestFactsAndSharedSources(t *testing.T) {
	site, err := Load(factsFS("A function stops after {{fact max-run}}. Prices vary.[^pricing]\n\n## More {#more}\n\nAgain: {{fact max-run}}.\n"))
	require.NoError(t, err)
	p, _ := site.Page("/limits")
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(p.Body)))
	require.NoError(t, err)
	assert.Equal(t, "A function stops after 15 minutes1. Prices vary.2", doc.Find("p").First().Text())
	notes := doc.Find("div.footnotes li")
	require.Equal(t, 2, notes.Length(), "one footnote per source, however often it is cited")
	assert.Contains(t, notes.Eq(0).Text(), `AWS, “Lambda quotas”, https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html (US East; as of November 26, 2026).`)
	assert.Contains(t, notes.Eq(1).Text(), `(as of November 2026)`, "a month-only as_of is written as a month")
}

// TestCitationErrors checks each rule about footnotes and facts, with the
// file and line an editor needs.
func TestCitationErrors(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"restated fact", "Line one.\nIt stops after 15 minutes[^quotas].\n", `pages/limits.md:8: "15 minutes" is the fact "max-run" of facts.yaml: write {{fact max-run}} instead`},
		{"shared source redefined", "Text.[^quotas]\n\n[^quotas]: AWS, \"Lambda quotas\", https://example.com/q (as of May 2026).\n", `pages/limits.md:9: footnote [^quotas] is a source of facts.yaml: delete this definition`},
		{"shared URL under another label", "Text.[^q]\n\n[^q]: AWS, \"Quotas\", https://aws.amazon.com/lambda/pricing/ (as of May 2026).\n", `pages/limits.md:9: footnote [^q] cites https://aws.amazon.com/lambda/pricing/, a source of facts.yaml: cite it as [^pricing]`},
		{"undefined footnote", "Line.\nText.[^nowhere]\n", `pages/limits.md:8: footnote [^nowhere] has no definition`},
		{"unused footnote", "Text.\n\n[^spare]: X, \"Y\", https://example.com (as of May 2026).\n", `pages/limits.md:9: footnote [^spare] is never cited`},
		{"footnote without https source", "Text.[^a]\n\n[^a]: A book (as of May 2026).\n", `pages/limits.md:9: footnote [^a] needs a source: the https address`},
		{"footnote without date", "Text.[^a]\n\n[^a]: X, \"Y\", https://example.com/y.\n", `pages/limits.md:9: footnote [^a] needs a date`},
		{"footnote defined twice", "Text.[^a]\n\n[^a]: X, \"Y\", https://example.com/y (as of May 2026).\n[^a]: X, \"Y\", https://example.com/y (as of May 2026).\n", `pages/limits.md:10: footnote [^a] is defined twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Load(factsFS(tt.body))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// TestOneURLOneCitation checks the site-wide rule: the same page is cited
// with the same title and date everywhere.
func TestOneURLOneCitation(t *testing.T) {
	fsys := factsFS("Text.[^guide]\n\n[^guide]: AWS, \"Lambda guide\", https://docs.aws.amazon.com/lambda/ (as of May 2026).\n")
	fsys["pages/traditional.md"] = page("title: Traditional\ndescription: Servers.\norder: 10\nupdated: 2026-11-03",
		"Text.[^g]\n\n[^g]: AWS, \"The Lambda guide\", https://docs.aws.amazon.com/lambda/ (as of June 2026).\n")
	_, err := Load(fsys)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `pages/traditional.md:9: footnote [^g] cites https://docs.aws.amazon.com/lambda/ as "The Lambda guide" (June 2026), but pages/limits.md:9 cites it as "Lambda guide" (May 2026): use one title and one date for one source`)

	fsys["pages/traditional.md"] = page("title: Traditional\ndescription: Servers.\norder: 10\nupdated: 2026-11-03",
		"Text.[^g]\n\n[^g]: AWS, \"Lambda guide\", https://docs.aws.amazon.com/lambda/ (chapter 2; as of May 2026).\n")
	_, err = Load(fsys)
	assert.NoError(t, err, "a note about which part of the page is used may differ")
}

func TestFactsFileErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"source without url", "sources:\n  - {id: a, publisher: P, title: T, as_of: 2026-11-26}\n", `facts.yaml:2: source "a" needs a url`},
		{"source without date", "sources:\n  - {id: a, publisher: P, title: T, url: https://example.com}\n", `facts.yaml:2: source "a" needs as_of`},
		{"fact with unknown source", "facts:\n  - {id: f, text: x, source: nowhere}\n", `facts.yaml:2: fact "f": source "nowhere" is not one of the sources above`},
		{"bad id", "facts:\n  - {id: Max Run, text: x, source: s}\n", `facts.yaml:2: fact id "Max Run": use lower-case letters, digits and hyphens`},
		{"two sources, one URL", "sources:\n  - {id: a, publisher: P, title: T, url: https://example.com, as_of: 2026-11}\n  - {id: b, publisher: P, title: T, url: https://example.com, as_of: 2026-11}\n", `facts.yaml:3: source "b" has the same URL as "a"`},
		{"scenario with a bad answer", "scenarios:\n  - {id: s, answers: traffic=wavy&freetier=no}\n", `facts.yaml:2: scenario "s": traffic: `},
		{"unknown field", "sources:\n  - {id: a, titel: T}\n", `facts.yaml:2: unknown field "titel"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := contentCopy(t)
			fsys["facts.yaml"] = &fstest.MapFile{Data: []byte(tt.yaml)}
			_, err := Load(fsys)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
