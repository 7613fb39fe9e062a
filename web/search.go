package web

import (
	"cmp"
	"html"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// SearchResult is one section of the site that matches a query.
type SearchResult struct {
	Path      string // the page's URL path
	Anchor    string // the section's heading id; "" for the text before the first heading
	PageTitle string
	Heading   string // the section's heading; "" for the text before the first heading
	// Snippet is plain text around the first match, with "…" where it was
	// cut. It is not HTML: escape it like any other text.
	Snippet string
	Score   float64
}

// URL returns the link that opens the page at the matching section.
func (r SearchResult) URL() string {
	if r.Anchor == "" {
		return r.Path
	}
	return r.Path + "#" + r.Anchor
}

// Search limits. A query is cut rather than refused, so a pasted paragraph
// still finds something, but scoring stays cheap whatever a visitor sends.
const (
	maxQuery   = 200 // characters of the query that are read
	snippetLen = 160 // characters of text in a snippet, about two lines
	snippetPre = 60  // of which come before the match, for context
)

// Ranking weights. A word in a section's heading says the section is about
// it, a word in the page title that the page is, and a word in the body only
// that it is mentioned; the phrase bonuses favour the words in the order the
// visitor typed them. headingFit rewards headings that are nothing but the
// query: "Cold starts" is a better answer to "cold start" than "How bad are
// cold starts, and how do I avoid them?".
const (
	weightHeading = 6.0
	weightTitle   = 3.0
	weightBody    = 1.0
	phraseHeading = 8.0
	phraseBody    = 3.0
	headingFit    = 6.0
)

// section is the text under one "##" or "###" heading of a page, or before
// the first one. Pages keep theirs from parsing until the site builds its
// search index, because only then are their paths and order known.
type section struct {
	level   int    // 2 or 3; 0 for the text before the first heading
	heading string // plain text
	anchor  string // the heading's id
	text    string // paragraphs, list items and table cells, without markup
}

// indexedSection is a section ready to be scored: its words are split and
// normalised once, at load, so that a search only compares strings.
type indexedSection struct {
	section
	path, pageTitle string
	headingWords    []string // normalised, in order
	titleWords      []string // normalised
	body            body
	bodyCount       map[string]int // how often each normalised word occurs
}

// body is a section's text split into words, kept with their places so
// that a snippet can be cut from it without splitting the text again.
type body struct {
	runes  []rune
	tokens []token
	words  []string // the tokens' words, in order, for phrases
}

// newBody splits text once, at load.
func newBody(text string) body {
	b := body{runes: []rune(text)}
	b.tokens = tokenize(b.runes)
	b.words = make([]string, len(b.tokens))
	for i, t := range b.tokens {
		b.words[i] = t.word
	}
	return b
}

// sections splits the document at its top-level "##" and "###" headings.
// Deeper headings stay in their section's text. Footnote definitions are
// left out: they are sources, shown once at the end of the page, and would
// make the last section match every cited title. The text is unescaped
// because the typographer writes curly quotes and ellipses as HTML entities
// ("&rsquo;"), which a visitor neither types nor should see in a snippet.
func (d *document) sections() []section {
	var out []section
	var cur section
	var parts []string
	flush := func() {
		cur.text = html.UnescapeString(strings.Join(parts, " "))
		if cur.level > 0 || cur.text != "" {
			out = append(out, cur)
		}
		parts = nil
	}
	for n := d.root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 2 || n.Level == 3 {
				flush()
				cur = section{level: n.Level, heading: html.UnescapeString(plainText(n, d.source))}
				if id, ok := n.AttributeString("id"); ok {
					if b, ok := id.([]byte); ok {
						cur.anchor = string(b)
					}
				}
				continue
			}
		case *extast.FootnoteList:
			continue
		}
		parts = blockTexts(n, d.source, parts)
	}
	flush()
	return out
}

// blockTexts appends the text of each block in n that holds inline content
// (a paragraph, a list item's text, a table cell), so that neighbouring
// blocks stay separate words rather than running together. Blocks without
// inline content, such as code blocks and raw HTML, add nothing: the reader
// does not see them as prose.
func blockTexts(n ast.Node, src []byte, out []string) []string {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() == ast.TypeInline {
			if t := plainText(n, src); t != "" {
				out = append(out, t)
			}
			return out
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = blockTexts(c, src, out)
	}
	return out
}

// buildIndex collects the sections of every published page, in reading
// order, so that equal scores keep that order. FAQ answers are one section
// per question, whatever subheadings they have, because /faq#<id> opens
// the whole answer.
func (s *Site) buildIndex() {
	s.index = nil
	for _, p := range s.All() {
		if p == nil {
			continue
		}
		isFAQ := s.FAQ != nil && p == s.FAQ.Page
		for _, sec := range p.sections {
			if isFAQ && sec.level == 3 && len(s.index) > 0 && s.index[len(s.index)-1].path == p.Path && s.index[len(s.index)-1].level == 2 {
				prev := &s.index[len(s.index)-1].section
				prev.text = strings.TrimSpace(prev.text + " " + sec.heading + " " + sec.text)
				continue
			}
			s.index = append(s.index, indexedSection{section: sec, path: p.Path, pageTitle: p.Title})
		}
	}
	for i := range s.index {
		is := &s.index[i]
		is.headingWords = words(is.heading)
		is.titleWords = words(is.pageTitle)
		is.body = newBody(is.text)
		is.bodyCount = make(map[string]int, len(is.body.words))
		for _, w := range is.body.words {
			is.bodyCount[w]++
		}
	}
}

// Search returns at most limit sections that contain every word of the
// query, best first. Words match whatever their case and in singular or
// plural ("cold start" finds "Cold-starts"). Equal scores keep reading
// order, so the same query always gives the same list. An empty query, or
// a limit below one, returns nil.
func (s *Site) Search(query string, limit int) []SearchResult {
	if limit <= 0 {
		return nil
	}
	if utf8.RuneCountInString(query) > maxQuery {
		query = string([]rune(query)[:maxQuery])
	}
	phrase := words(query)
	if len(phrase) == 0 {
		return nil
	}
	terms := slices.Clone(phrase)
	slices.Sort(terms)
	terms = slices.Compact(terms)

	type hit struct {
		i     int
		score float64
	}
	var hits []hit
	for i := range s.index {
		if score, ok := s.index[i].score(terms, phrase); ok {
			hits = append(hits, hit{i, score})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	if len(hits) > limit {
		hits = hits[:limit]
	}
	results := make([]SearchResult, len(hits))
	for k, h := range hits {
		is := &s.index[h.i]
		results[k] = SearchResult{
			Path:      is.path,
			Anchor:    is.anchor,
			PageTitle: is.pageTitle,
			Heading:   is.heading,
			Snippet:   is.body.snippet(terms, phrase),
			Score:     h.score,
		}
	}
	return results
}

// score rates the section for the query, or reports false when a word of
// the query is nowhere in it. Body counts are dampened (1 + log) so that a
// long section that repeats a word does not outrank one headed by it.
func (is *indexedSection) score(terms, phrase []string) (float64, bool) {
	var score float64
	matched := 0
	for _, t := range terms {
		found := false
		if slices.Contains(is.headingWords, t) {
			score += weightHeading
			matched++
			found = true
		}
		if slices.Contains(is.titleWords, t) {
			score += weightTitle
			found = true
		}
		if n := is.bodyCount[t]; n > 0 {
			score += weightBody * (1 + math.Log(float64(n)))
			found = true
		}
		if !found {
			return 0, false
		}
	}
	if matched > 0 {
		fit := 0
		for _, w := range is.headingWords {
			if slices.Contains(terms, w) {
				fit++
			}
		}
		score += headingFit * float64(fit) / float64(len(is.headingWords))
	}
	if len(phrase) > 1 {
		if indexPhrase(is.headingWords, phrase) >= 0 {
			score += phraseHeading
		}
		if indexPhrase(is.body.words, phrase) >= 0 {
			score += phraseBody
		}
	}
	return score, true
}

// indexPhrase returns the position of the first run of ws equal to phrase,
// or -1.
func indexPhrase(ws, phrase []string) int {
	for i := 0; i+len(phrase) <= len(ws); i++ {
		if slices.Equal(ws[i:i+len(phrase)], phrase) {
			return i
		}
	}
	return -1
}

// token is a word of a text and where it is, in runes.
type token struct {
	word       string // normalised
	start, end int
}

// tokenize splits r into words: runs of letters and digits. Everything else,
// hyphens included, separates words, so "cold-start" is "cold start".
func tokenize(r []rune) []token {
	var ts []token
	for i := 0; i < len(r); {
		if !isWordRune(r[i]) {
			i++
			continue
		}
		j := i
		for j < len(r) && isWordRune(r[j]) {
			j++
		}
		ts = append(ts, token{normalise(string(r[i:j])), i, j})
		i = j
	}
	return ts
}

// words returns the normalised words of s, in order.
func words(s string) []string {
	var ws []string
	for _, t := range tokenize([]rune(s)) {
		ws = append(ws, t.word)
	}
	return ws
}

func isWordRune(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }

// normalise lower-cases a word and strips a plural "s" and then a final
// "e", so that "start" and "starts", "cache" and "caches", "box" and
// "boxes" meet. It is no stemmer: it only has to map the same way on both
// sides, and short words ("aws", "use") and "ss" endings ("process") are
// left alone.
func normalise(w string) string {
	w = strings.ToLower(w)
	if utf8.RuneCountInString(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		w = w[:len(w)-1]
	}
	if utf8.RuneCountInString(w) > 3 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	return w
}

// snippet returns about snippetLen characters of the text around the first place
// the phrase occurs, or failing that the first query word, cut at spaces
// and marked with "…" where text was left out. When only the heading or the
// title matched, it is the start of the text.
func (b *body) snippet(terms, phrase []string) string {
	r, ts := b.runes, b.tokens
	m := -1
	if len(phrase) > 1 {
		m = indexPhrase(b.words, phrase)
	}
	if m < 0 {
		m = slices.IndexFunc(ts, func(t token) bool { return slices.Contains(terms, t.word) })
	}
	mStart, mEnd := 0, 0
	if m >= 0 {
		mStart, mEnd = ts[m].start, ts[m].end
	}

	start := max(mStart-snippetPre, 0)
	end := min(start+snippetLen, len(r))
	start = max(min(start, end-snippetLen), 0)
	// Move the cuts out of words: the start forward to just after a space
	// (never past the match), the end back to a space (never before the
	// match's end, else forward to the word's end).
	for start > 0 && start < mStart && !unicode.IsSpace(r[start-1]) {
		start++
	}
	if end < len(r) && !unicode.IsSpace(r[end]) {
		e := end
		for e > mEnd && !unicode.IsSpace(r[e-1]) {
			e--
		}
		if e > mEnd {
			end = e
		} else {
			for end < len(r) && !unicode.IsSpace(r[end]) {
				end++
			}
		}
	}
	s := strings.TrimSpace(string(r[start:end]))
	if start > 0 {
		s = "…" + s
	}
	if end < len(r) {
		s += "…"
	}
	return s
}
