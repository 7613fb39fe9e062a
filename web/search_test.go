package web

import (
	"html"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scalingPage has the same words in a heading and in a body, in several
// forms, so that ranking and normalisation can be told apart.
const scalingPage = `Lead about scaling.

## Billing {#billing}

The bill grows with traffic. Cold starts add to it too, and a cold-start penalty shows in the tail.[^docs]

- Per request
- Per **GB-second**

| Plan | Cost |
|---|---|
| Free | zero |

## Cold starts {#cold-starts}

Keep packages small.

### Warm pools

Provisioned environments stay warm so that no start is cold.

[^docs]: Provider, "Documentation", https://example.com/docs (as of November 2026).
`

// loadSearchSite loads validFS with two more pages written for searching.
func loadSearchSite(t testing.TB) *Site {
	t.Helper()
	var haystack []string
	for i := range 120 {
		if i == 60 {
			haystack = append(haystack, "needle")
		}
		haystack = append(haystack, "hay"+strings.Repeat("y", i%7))
	}
	fsys := validFS()
	fsys["pages/scaling.md"] = page("title: Scaling\ndescription: How it grows.\norder: 50\nupdated: 2026-11-04", scalingPage)
	fsys["pages/long.md"] = page("title: Long\ndescription: A long section.\norder: 60\nupdated: 2026-11-04",
		"## Haystack {#haystack}\n\n"+strings.Join(haystack, " ")+"\n")
	site, err := Load(fsys)
	require.NoError(t, err)
	return site
}

// links returns the results as the links a visitor follows.
func links(rs []SearchResult) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.URL())
	}
	return out
}

func TestSearch(t *testing.T) {
	site := loadSearchSite(t)
	tests := []struct {
		name  string
		query string
		want  []string // links, best first
	}{
		{"heading beats body, though the body comes first", "cold start", []string{"/scaling#cold-starts", "/scaling#billing", "/scaling#warm-pools"}},
		{"plural in the query", "COLD STARTS", []string{"/scaling#cold-starts", "/scaling#billing", "/scaling#warm-pools"}},
		{"hyphen in the query", "Cold-start", []string{"/scaling#cold-starts", "/scaling#billing", "/scaling#warm-pools"}},
		{"one word", "warm", []string{"/scaling#warm-pools"}},
		{"every word must match", "cold billing", []string{"/scaling#billing"}},
		{"a word nowhere", "cold nothing", nil},
		{"the page title counts", "scaling keep", []string{"/scaling#cold-starts"}},
		{"list items and table cells", "gb second zero", []string{"/scaling#billing"}},
		{"text before the first heading", "start with", []string{"/", "/scaling#billing"}},
		{"FAQ question before a link to it", "cheap", []string{"/faq#cheap", "/faq#does-it-scale"}},
		{"FAQ answer", "usually", []string{"/faq#cheap"}},
		{"FAQ intro", "intro paragraph", []string{"/faq"}},
		{"footnotes are not text", "provider documentation", nil},
		{"FAQ footnotes are not text", "price list", nil},
		{"drafts are not published", "unfinished", nil},
		{"empty", "", nil},
		{"blank", " \t\n ", nil},
		{"no words", "?!-", nil},
		{"long query is cut", "needle" + strings.Repeat(" ", maxQuery) + "nothing", []string{"/long#haystack"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, links(site.Search(tt.query, 10)))
		})
	}
}

func TestSearchResultFields(t *testing.T) {
	site := loadSearchSite(t)
	rs := site.Search("cheap", 10)
	require.NotEmpty(t, rs)
	assert.Equal(t, SearchResult{
		Path: "/faq", Anchor: "cheap", PageTitle: "Questions", Heading: "Is it cheap?",
		Snippet: "Usually.", Score: rs[0].Score,
	}, rs[0], "an FAQ entry is its own section, its answer without footnote markers")
	assert.Positive(t, rs[0].Score)

	rs = site.Search("start with", 10)
	require.NotEmpty(t, rs)
	assert.Equal(t, "/", rs[0].Path)
	assert.Empty(t, rs[0].Anchor)
	assert.Empty(t, rs[0].Heading)
	assert.Equal(t, "/", rs[0].URL())
}

func TestSearchSectionText(t *testing.T) {
	site := loadSearchSite(t)
	texts := map[string]string{}
	for _, s := range site.index {
		texts[s.path+"#"+s.anchor] = s.text
	}
	assert.Equal(t, "The bill grows with traffic. Cold starts add to it too, and a cold-start penalty shows in the tail. Per request Per GB-second Plan Cost Free zero",
		texts["/scaling#billing"], "plain text, blocks kept apart, no footnote marker or definition")
	assert.Equal(t, "Lead about scaling.", texts["/scaling#"])
	assert.Equal(t, "Intro paragraph.", texts["/faq#"])
	assert.Equal(t, "Yes, see cheap.", texts["/faq#does-it-scale"])
}

func TestSearchRanksByPlace(t *testing.T) {
	site := loadSearchSite(t)
	rs := site.Search("cold start", 10)
	require.Len(t, rs, 3)
	assert.Greater(t, rs[0].Score, rs[1].Score)
	assert.Greater(t, rs[1].Score, rs[2].Score, "the phrase in the body beats the words apart")

	// Equal scores keep reading order: /serverless (order 20) before
	// /scaling (order 50).
	rs = site.Search("lead", 10)
	assert.Equal(t, []string{"/serverless", "/scaling"}, links(rs))
	require.Len(t, rs, 2)
	assert.Equal(t, rs[0].Score, rs[1].Score)
}

func TestSearchDeterministic(t *testing.T) {
	a, b := loadSearchSite(t), loadSearchSite(t)
	for _, q := range []string{"cold start", "lead", "cheap", "hay"} {
		first := a.Search(q, 10)
		for range 5 {
			assert.Equal(t, first, a.Search(q, 10), q)
			assert.Equal(t, first, b.Search(q, 10), "another load of the same content: %s", q)
		}
	}
}

func TestSearchLimit(t *testing.T) {
	site := loadSearchSite(t)
	assert.Len(t, site.Search("cold start", 2), 2)
	assert.Equal(t, links(site.Search("cold start", 10))[:1], links(site.Search("cold start", 1)))
	assert.Nil(t, site.Search("cold start", 0))
	assert.Nil(t, site.Search("cold start", -1))
}

func TestSearchSnippet(t *testing.T) {
	site := loadSearchSite(t)
	var text string
	for _, s := range site.index {
		if s.anchor == "haystack" {
			text = s.text
		}
	}
	require.NotEmpty(t, text)

	rs := site.Search("NEEDLE", 10)
	require.Len(t, rs, 1)
	snip := rs[0].Snippet
	assert.Contains(t, snip, "needle")
	assert.True(t, strings.HasPrefix(snip, "…"), "cut at the start: %q", snip)
	assert.True(t, strings.HasSuffix(snip, "…"), "cut at the end: %q", snip)
	inner := strings.TrimSuffix(strings.TrimPrefix(snip, "…"), "…")
	assert.Contains(t, " "+text+" ", " "+inner+" ", "cut between words, never inside one")
	n := utf8.RuneCountInString(inner)
	assert.True(t, n > snippetLen-20 && n <= snippetLen, "about %d characters, got %d", snippetLen, n)

	rs = site.Search("hay", 10)
	require.Len(t, rs, 1)
	assert.False(t, strings.HasPrefix(rs[0].Snippet, "…"), "a match at the start is not cut before")
	assert.True(t, strings.HasSuffix(rs[0].Snippet, "…"))

	rs = site.Search("cold billing", 10)
	require.Len(t, rs, 1)
	assert.True(t, strings.HasPrefix(rs[0].Snippet, "The bill grows"), "a short section is shown whole: %q", rs[0].Snippet)
	assert.NotContains(t, rs[0].Snippet, "…")

	rs = site.Search("haystack", 10)
	require.Len(t, rs, 1)
	assert.True(t, strings.HasPrefix(rs[0].Snippet, "hay "), "a heading-only match shows the start of the text: %q", rs[0].Snippet)
}

func TestSnippetCuts(t *testing.T) {
	long := strings.Repeat("word ", 50) + "target " + strings.Repeat("word ", 50)
	tests := []struct {
		name, text, want string
	}{
		{"short", "A short text about the target.", "A short text about the target."},
		{"empty", "", ""},
		{"one long word", strings.Repeat("x", 300) + " target", "…target"},
		{"in the middle", long, "…" + strings.TrimSpace(strings.Repeat("word ", 12)) + " target " + strings.TrimSpace(strings.Repeat("word ", 18)) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBody(tt.text)
			assert.Equal(t, tt.want, b.snippet([]string{"target"}, []string{"target"}))
		})
	}
}

func TestNormalise(t *testing.T) {
	for in, want := range map[string]string{
		"starts": "start", "Start": "start", "caches": "cach", "cache": "cach",
		"processes": "process", "process": "process", "boxes": "box", "box": "box",
		"aws": "aws", "uses": "use", "use": "use", "APIs": "api",
	} {
		assert.Equal(t, want, normalise(in), in)
	}
	assert.Equal(t, []string{"cold", "start", "in", "nod", "js", "lambda", "s"}, words("Cold-starts in Node.js — Lambda's"))
}

// TestSearchContent runs the search on the site's own content.
func TestSearchContent(t *testing.T) {
	site := embeddedSite(t)

	rs := site.Search("cold start", 10)
	require.NotEmpty(t, rs)
	assert.Equal(t, "/differences#cold-starts", rs[0].URL(), "the section about cold starts comes first")
	assert.Equal(t, "Cold starts", rs[0].Heading)
	assert.Contains(t, links(rs), "/faq#cold-starts")

	for _, q := range []string{"cold start", "websockets", "lock-in", "database connections", "price"} {
		for _, r := range site.Search(q, 20) {
			p, ok := site.Page(r.Path)
			require.True(t, ok, "%s: result %s is a page", q, r.URL())
			if r.Anchor != "" {
				assert.True(t, p.HasAnchor(r.Anchor), "%s: result %s opens a section", q, r.URL())
			}
			assert.NotContains(t, r.Snippet, "&", "%s: snippets are text, not HTML", q)
		}
	}
	for _, e := range site.FAQ.Entries {
		found := false
		for _, s := range site.index {
			if s.path == "/faq" && s.anchor == e.ID {
				assert.Equal(t, html.UnescapeString(e.Question), s.heading)
				found = true
			}
		}
		assert.True(t, found, "FAQ entry %s is indexed", e.ID)
	}
}

func BenchmarkSearch(b *testing.B) {
	site := embeddedSite(b)
	queries := []string{"cold start", "websockets", "database connections", "lock-in", "how much does lambda cost at steady traffic"}
	i := 0
	for b.Loop() {
		site.Search(queries[i%len(queries)], 10)
		i++
	}
}

func TestSearchFAQSubheadings(t *testing.T) {
	fsys := validFS()
	fsys["faq.md"].Data = []byte(strings.Replace(faqFile, "Usually.[^p]\n", "Usually.[^p]\n\n### In detail\n\nIt depends on traffic.\n", 1))
	site, err := Load(fsys)
	require.NoError(t, err)
	rs := site.Search("depends traffic", 10)
	require.Len(t, rs, 1)
	assert.Equal(t, "/faq#cheap", rs[0].URL(), "a subheading stays in its answer, which /faq#<id> opens")
	assert.Equal(t, "Is it cheap?", rs[0].Heading)
	assert.Equal(t, "Usually. In detail It depends on traffic.", rs[0].Snippet)
}

// TestSearchFindsPractitionerTopics checks that the site's own content
// answers the searches a practitioner makes for the topics of the security,
// platforms and reliability pages, and leads to the right page first.
func TestSearchFindsPractitionerTopics(t *testing.T) {
	site := embeddedSite(t)
	tests := []struct{ query, want string }{
		{"Vercel", "/platforms#"},
		{"denial of wallet", "/security#denial-of-wallet"},
		{"budget alerts", "/security#denial-of-wallet"},
		{"canaries", "/reliability#canaries"},
		{"Lambda Managed Instances pricing", "/hybrid#managed-instances"},
	}
	for _, tt := range tests {
		results := site.Search(tt.query, 5)
		if assert.NotEmpty(t, results, "search %q finds nothing", tt.query) {
			assert.True(t, strings.HasPrefix(results[0].URL(), tt.want), "search %q: first result %s, want %s", tt.query, results[0].URL(), tt.want)
		}
	}
}
