package web

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"regexp"
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

	"serverorless/web/advisor"
)

// markdown is the one converter for all content. It is built once: goldmark
// converters are safe for concurrent use and costly to assemble. Raw HTML in
// the source is not rendered (goldmark's default, kept on purpose), so the
// content cannot inject markup or scripts.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.GFM, footnoteExtension, extension.Typographer),
	goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute(),
		parser.WithInlineParsers(util.Prioritized(shortcodeParser{}, 100))),
	goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(blockRenderer{}, 1))),
)

// footnoteExtension renders the footnotes that carry the sources. A footnote's link back says where it goes
// ("Back to the text"; the arrow alone is a symbol a screen reader spells
// out) and is large enough to hit (WCAG 2.5.8, with the stylesheet).
var footnoteExtension = extension.NewFootnote(
	extension.WithFootnoteBacklinkHTML(`<span aria-hidden="true">↩︎</span> Back to the text`),
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
	anchors map[string]bool   // ids of every heading
	links   []link            // site-relative and fragment links
	h1Line  int               // file line of the first level-1 heading, 0 if none
	images  []link            // site-relative image sources
	errs    []advisor.Problem // what is wrong in the markdown itself
	// shortcodes are the live figures ({{cost ...}}) in the text, computed
	// by resolveShortcodes once the cost model is loaded.
	shortcodes []*shortcode
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
	var tableLabels []string // each table's name: the heading it is under
	lastHeading := ""
	var quotes []*ast.Blockquote
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			headings = append(headings, n)
			lastHeading = plainText(n, src)
			if n.Level == 1 && doc.h1Line == 0 {
				doc.h1Line = firstLine + lineOf(n, lines)
			}
		case *extast.Table:
			tables = append(tables, n)
			tableLabels = append(tableLabels, lastHeading)
		case *ast.Blockquote:
			quotes = append(quotes, n)
		case *ast.Image:
			dest := string(n.Destination)
			if !strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "//") {
				doc.errs = append(doc.errs, advisor.Problem{Line: firstLine + lineOf(n, lines), Msg: fmt.Sprintf("image %q must be a file in the content's images folder, linked as /images/<name>: the site loads nothing from other hosts", dest)})
			} else {
				doc.images = append(doc.images, link{Dest: dest, Line: firstLine + lineOf(n, lines)})
			}
		case *shortcode:
			doc.shortcodes = append(doc.shortcodes, n)
		case *ast.Link:
			dest := string(n.Destination)
			if strings.HasPrefix(dest, "#") || (strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "//")) {
				doc.links = append(doc.links, link{Dest: dest, Line: firstLine + lineOf(n, lines)})
			}
		}
		return ast.WalkContinue, nil
	})

	for _, h := range headings {
		id, _ := h.AttributeString("id")
		idBytes, ok := id.([]byte)
		if !ok {
			continue
		}
		idStr := string(idBytes)
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
	for _, q := range quotes {
		if msg := makeCallout(q, src); msg != "" {
			doc.errs = append(doc.errs, advisor.Problem{Line: firstLine + lineOf(q, lines), Msg: msg})
		}
	}
	seen := map[string]int{}
	for i, t := range tables {
		labelCells(t, src)
		box := &scrollBox{Label: tableLabel(tableLabels[i], seen)}
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
			// The typographer writes its quotes and dashes as HTML
			// entities; plain text wants the characters.
			b.WriteString(html.UnescapeString(string(c.Value)))
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if s, ok := t.(*ast.Text); ok {
					b.Write(s.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		case *shortcode:
			b.WriteString(c.Value)
		case *extast.FootnoteLink:
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			if class, _ := c.AttributeString("class"); isBytes(class, "anchor") {
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

// lineAt returns the 0-based line of src on which offset lies.
func lineAt(offset int, starts []int) int {
	return sort.SearchInts(starts, offset+1) - 1
}

// lineOf returns the 0-based line of src on which n starts: from its own
// lines, those of its first descendant that has some (a blockquote holds
// paragraphs), or for inline nodes, the block that holds them.
func lineOf(n ast.Node, starts []int) int {
	line := func(offset int) int { return lineAt(offset, starts) }
	for d := n; d != nil; d = d.FirstChild() {
		if t, ok := d.(*ast.Text); ok {
			return line(t.Segment.Start)
		}
		if d.Type() == ast.TypeBlock && d.Lines().Len() > 0 {
			return line(d.Lines().At(0).Start)
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return line(p.Lines().At(0).Start)
		}
	}
	return 0
}

// calloutKinds are GitHub's alert types and their titles.
var calloutKinds = map[string]string{"NOTE": "Note", "TIP": "Tip", "IMPORTANT": "Important", "WARNING": "Warning", "CAUTION": "Caution"}

var calloutMarker = regexp.MustCompile(`^\[!([A-Za-z]+)\]$`)

// makeCallout turns a blockquote that starts with a line such as "[!NOTE]"
// into a callout, GitHub's syntax for alerts. It returns a message when the
// marker names no known kind.
func makeCallout(q *ast.Blockquote, src []byte) string {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return ""
	}
	first := p.Lines().At(0)
	m := calloutMarker.FindStringSubmatch(strings.TrimSpace(string(first.Value(src))))
	if m == nil {
		return ""
	}
	title, ok := calloutKinds[strings.ToUpper(m[1])]
	if !ok {
		return fmt.Sprintf("unknown callout [!%s]: use NOTE, TIP, IMPORTANT, WARNING or CAUTION", m[1])
	}
	// Drop the marker's text from the paragraph (and the paragraph if the
	// marker stood alone in it).
	for c := p.FirstChild(); c != nil; {
		next := c.NextSibling()
		t, ok := c.(*ast.Text)
		if !ok || t.Segment.Start >= first.Stop {
			break
		}
		p.RemoveChild(p, c)
		c = next
	}
	if p.ChildCount() == 0 {
		q.RemoveChild(q, p)
	}
	box := &callout{Variant: strings.ToLower(m[1]), Title: title}
	q.Parent().ReplaceChild(q.Parent(), q, box)
	for c := q.FirstChild(); c != nil; {
		next := c.NextSibling()
		box.AppendChild(box, c)
		c = next
	}
	return ""
}

// callout is a highlighted note, tip or warning.
type callout struct {
	ast.BaseBlock
	Variant, Title string // "note", "Note"
}

var kindCallout = ast.NewNodeKind("Callout")

func (c *callout) Kind() ast.NodeKind            { return kindCallout }
func (c *callout) Dump(source []byte, level int) { ast.DumpHelper(c, source, level, nil, nil) }

// labelCells gives every body cell of t its column's heading as data-label,
// so that on a phone, where the stylesheet turns each row into a card, a
// cell still says which column it belongs to.
func labelCells(t *extast.Table, src []byte) {
	var labels []string
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		i := 0
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			if _, ok := row.(*extast.TableHeader); ok {
				labels = append(labels, plainText(cell, src))
			} else if i < len(labels) {
				cell.SetAttributeString("data-label", labels[i])
			}
			i++
		}
	}
}

// scrollBox wraps a table so that a wide table scrolls inside its own box on
// a narrow screen instead of making the whole page scroll sideways.
type scrollBox struct {
	ast.BaseBlock
	Label string // the region's name, unique on the page
}

// tableLabel names a table's scroll box after the heading it is under, so
// that every region of a page has a name of its own (two tables under one
// heading are numbered).
func tableLabel(heading string, seen map[string]int) string {
	label := "Table"
	if heading != "" {
		label = "Table: " + heading
	}
	seen[label]++
	if n := seen[label]; n > 1 {
		label += fmt.Sprintf(" (%d)", n)
	}
	return label
}

var kindScrollBox = ast.NewNodeKind("ScrollBox")

func (b *scrollBox) Kind() ast.NodeKind            { return kindScrollBox }
func (b *scrollBox) Dump(source []byte, level int) { ast.DumpHelper(b, source, level, nil, nil) }

// blockRenderer renders the site's own block nodes.
type blockRenderer struct{}

func (blockRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindShortcode, renderShortcode)
	// A checklist in the content is for reading, not a form: a drawn box
	// instead of a disabled checkbox, which would be a form field without
	// a label.
	reg.Register(extast.KindTaskCheckBox, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			if n.(*extast.TaskCheckBox).IsChecked {
				_, _ = w.WriteString(`<span class="check checked" aria-hidden="true"></span>`)
			} else {
				_, _ = w.WriteString(`<span class="check" aria-hidden="true"></span>`)
			}
		}
		return ast.WalkContinue, nil
	})
	reg.Register(kindCallout, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		c := n.(*callout)
		if entering {
			fmt.Fprintf(w, "<div class=\"callout callout-%s\" role=\"note\">\n<p class=\"callout-title\">%s</p>\n", c.Variant, c.Title)
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
	reg.Register(kindScrollBox, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			// tabindex lets keyboard users scroll the box; the role and label
			// name it for screen readers.
			label := "Table"
			if box, ok := n.(*scrollBox); ok {
				label = box.Label
			}
			_, _ = w.WriteString(`<div class="table-scroll" role="region" aria-label="` + html.EscapeString(label) + `" tabindex="0">` + "\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
}

// isBytes reports whether an attribute value v is the bytes of s.
func isBytes(v any, s string) bool {
	b, ok := v.([]byte)
	return ok && string(b) == s
}
