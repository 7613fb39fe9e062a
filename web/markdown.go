package web

import (
	"bytes"
	"html/template"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown is the one converter for all content. It is built once: goldmark
// converters are safe for concurrent use and costly to assemble. Raw HTML in
// the source is not rendered (goldmark's default, kept on purpose), so the
// content cannot inject markup or scripts.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer),
	goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
	goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(scrollBoxRenderer{}, 100))),
)

// Heading is an entry of a page's table of contents.
type Heading struct {
	ID    string
	Text  string
	Level int // 2 or 3
}

// link is an internal link found in the content, kept to be checked once
// every page is known.
type link struct {
	Dest string
	Line int
}

// document is the parsed form of one markdown body.
type document struct {
	root    ast.Node
	source  []byte
	toc     []Heading
	anchors map[string]bool // ids of every heading
	links   []link          // site-relative and fragment links
	h1Line  int             // file line of the first level-1 heading, 0 if none
}

// parseMarkdown parses src and prepares it for rendering: it collects the
// table of contents, the anchors and the internal links, adds a self-link to
// every heading and wraps tables in a scrollable box. firstLine is the file
// line on which src starts, for error messages.
func parseMarkdown(src []byte, firstLine int) *document {
	root := markdown.Parser().Parse(text.NewReader(src))
	doc := &document{root: root, source: src, anchors: map[string]bool{}}
	lines := lineStarts(src)

	var headings []*ast.Heading
	var tables []*extast.Table
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			headings = append(headings, n)
			if n.Level == 1 && doc.h1Line == 0 {
				doc.h1Line = firstLine + lineOf(n, lines)
			}
		case *extast.Table:
			tables = append(tables, n)
		case *ast.Link:
			dest := string(n.Destination)
			if strings.HasPrefix(dest, "#") || (strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "//")) {
				doc.links = append(doc.links, link{Dest: dest, Line: firstLine + lineOf(n, lines)})
			}
		}
		return ast.WalkContinue, nil
	})

	for _, h := range headings {
		id, ok := h.AttributeString("id")
		if !ok {
			continue
		}
		idStr := string(id.([]byte))
		doc.anchors[idStr] = true
		if h.Level == 2 || h.Level == 3 {
			doc.toc = append(doc.toc, Heading{ID: idStr, Text: plainText(h, src), Level: h.Level})
		}
		anchor := ast.NewLink()
		anchor.Destination = []byte("#" + idStr)
		anchor.SetAttributeString("class", []byte("anchor"))
		anchor.SetAttributeString("title", []byte("Link to this section"))
		anchor.AppendChild(anchor, ast.NewString([]byte("#")))
		h.AppendChild(h, anchor)
	}
	for _, t := range tables {
		box := &scrollBox{}
		t.Parent().ReplaceChild(t.Parent(), t, box)
		box.AppendChild(box, t)
	}
	return doc
}

// render renders node (the whole document by default) to HTML.
func (d *document) render(nodes ...ast.Node) (template.HTML, error) {
	if len(nodes) == 0 {
		nodes = []ast.Node{d.root}
	}
	var buf bytes.Buffer
	for _, n := range nodes {
		if err := markdown.Renderer().Render(&buf, d.source, n); err != nil {
			return "", err
		}
	}
	return template.HTML(buf.String()), nil
}

// plainText returns the text of n without markup, as a reader sees it.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if s, ok := t.(*ast.Text); ok {
					b.Write(s.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		case *extast.FootnoteLink:
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			if class, ok := c.AttributeString("class"); ok && string(class.([]byte)) == "anchor" {
				return ast.WalkSkipChildren, nil
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// lineStarts returns the offset at which each line of src starts.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineOf returns the 0-based line of src on which n (or, for inline nodes,
// the block that holds it) starts.
func lineOf(n ast.Node, starts []int) int {
	for p := n; p != nil; p = p.Parent() {
		if t, ok := p.(*ast.Text); ok {
			return sort.SearchInts(starts, t.Segment.Start+1) - 1
		}
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return sort.SearchInts(starts, p.Lines().At(0).Start+1) - 1
		}
		if p.Type() == ast.TypeInline {
			if c := p.FirstChild(); c != nil {
				if t, ok := c.(*ast.Text); ok {
					return sort.SearchInts(starts, t.Segment.Start+1) - 1
				}
			}
		}
	}
	return 0
}

// scrollBox wraps a table so that a wide table scrolls inside its own box on
// a narrow screen instead of making the whole page scroll sideways.
type scrollBox struct{ ast.BaseBlock }

var kindScrollBox = ast.NewNodeKind("ScrollBox")

func (b *scrollBox) Kind() ast.NodeKind            { return kindScrollBox }
func (b *scrollBox) Dump(source []byte, level int) { ast.DumpHelper(b, source, level, nil, nil) }

type scrollBoxRenderer struct{}

func (scrollBoxRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindScrollBox, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			// tabindex lets keyboard users scroll the box; the role and label
			// name it for screen readers.
			_, _ = w.WriteString(`<div class="table-scroll" role="region" aria-label="Table (scrolls sideways)" tabindex="0">` + "\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
}
