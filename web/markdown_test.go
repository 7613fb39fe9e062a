package web

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func renderString(t testing.TB, src string) (*document, *goquery.Document) {
	t.Helper()
	doc := parseMarkdown([]byte(src), 1)
	html, err := doc.render()
	require.NoError(t, err)
	q, err := goquery.NewDocumentFromReader(strings.NewReader(string(html)))
	require.NoError(t, err)
	return doc, q
}

func TestMarkdownTables(t *testing.T) {
	_, q := renderString(t, "| Feature | Serverless | Servers |\n|---|---|---|\n| Scaling | Automatic | Configured |\n| Cost | Per use | Per hour |\n")
	box := q.Find("div.table-scroll")
	require.Equal(t, 1, box.Length(), "tables are wrapped in a scroll box")
	assert.Equal(t, "0", box.AttrOr("tabindex", ""), "the box can be scrolled with the keyboard")
	assert.Equal(t, 3, box.Find("table thead th").Length())
	assert.Equal(t, 2, box.Find("table tbody tr").Length())
	assert.Equal(t, "Per hour", q.Find("tbody tr").Last().Find("td").Last().Text())
}

func TestMarkdownHeadings(t *testing.T) {
	doc, q := renderString(t, "## Cold starts {#cold-starts}\n\nText.\n\n### What `INIT` costs\n\n## Cold starts\n")
	assert.Equal(t, []Heading{
		{"cold-starts", "Cold starts", 2},
		{"what-init-costs", "What INIT costs", 3},
		{"cold-starts-1", "Cold starts", 2},
	}, doc.toc, "explicit ids kept, automatic ids unique")
	h := q.Find("h2#cold-starts")
	require.Equal(t, 1, h.Length())
	assert.Equal(t, "#cold-starts", h.Find("a.anchor").AttrOr("href", ""), "each heading links to itself")
}

func TestHeadingTextIsPlain(t *testing.T) {
	doc, _ := renderString(t, "## It's time to switch...\n\n## \"Serverless\" -- really?\n")
	assert.Equal(t, "It\u2019s time to switch\u2026", doc.toc[0].Text, "typographic characters, not HTML entities")
	assert.Equal(t, "\u201cServerless\u201d \u2013 really?", doc.toc[1].Text)
}

func TestMarkdownFeatures(t *testing.T) {
	src := "Lambda runs for 15 minutes.[^q]\n\n\"Quoted\" -- dashed...\n\n<script>alert(1)</script>\n\n- [ ] check one\n- [x] check two\n\n[^q]: AWS, Lambda quotas (as of 2026).\n"
	_, q := renderString(t, src)
	assert.Equal(t, 1, q.Find("sup a[href='#fn:1']").Length(), "footnote reference")
	assert.Contains(t, q.Find("div.footnotes li").Text(), "Lambda quotas")
	assert.Contains(t, q.Text(), "\u201cQuoted\u201d \u2013 dashed\u2026", "typographer")
	assert.Equal(t, 0, q.Find("script").Length(), "raw HTML is not rendered")
	assert.Equal(t, 2, q.Find("li span.check").Length(), "task lists, drawn as boxes")
	assert.Equal(t, 1, q.Find("li span.check.checked").Length())
	assert.Equal(t, 0, q.Find("input").Length(), "no form fields in the content")
}

func TestMarkdownLinks(t *testing.T) {
	doc, _ := renderString(t, "Intro.\n\nSee [a](/serverless#x), [b](https://aws.amazon.com/lambda/)\nand [c](#local).\n")
	assert.Equal(t, []link{{"/serverless#x", 3}, {"#local", 4}}, doc.links, "only internal links, with the line each is on")
}

// TestTableRegionNames: every table's scroll box is a region with a name of
// its own, after the heading it is under; a footnote's link back says where
// it goes.
func TestTableRegionNames(t *testing.T) {
	_, doc := renderString(t, "| a |\n|---|\n| 1 |\n\n## Prices\n\n| b |\n|---|\n| 2 |\n\n| c |\n|---|\n| 3 |\n\nA claim.[^1]\n\n[^1]: A source.\n")
	var names []string
	doc.Find(`.table-scroll[role="region"]`).Each(func(_ int, s *goquery.Selection) { names = append(names, s.AttrOr("aria-label", "")) })
	assert.Equal(t, []string{"Table", "Table: Prices", "Table: Prices (2)"}, names)
	assert.Contains(t, doc.Find(".footnote-backref").Text(), "Back to the text")
	assert.Equal(t, "true", doc.Find(".footnote-backref span").AttrOr("aria-hidden", ""), "the arrow is not spelt out")
}
