package web

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"serverorless/web/advisor"
)

// Live figures. An editor writes
//
//	{{cost functions traffic=steady&requests=262800000&memory=512}}
//
// (a figure name, then the advisor's answers as a query string, or the id
// of a scenario from facts.yaml) and the page shows the figure the cost
// model gives for those answers, computed once at load. A price changed in
// the content therefore moves every figure on every page. Shortcodes are
// one line long and are parsed by shortcodeParser. Facts ({{fact id}}) and
// prices ({{price id}}) are written out in the source before parsing, with
// a footnote each (see expand in facts.go), and reach this parser only when
// their id is unknown.

// shortcode is a {{...}} in the text: a live figure once resolved.
type shortcode struct {
	ast.BaseInline
	Written string // the shortcode as written, for messages
	Code    string // "cost" or "price" (anything else is an error)
	Name    string // the figure wanted, e.g. "functions"
	Args    string // the answers: a query string or a scenario id
	Offset  int    // where it starts in the markdown source, for messages
	Value   string // the figure, filled in by resolveShortcodes
}

var kindShortcode = ast.NewNodeKind("Shortcode")

// Kind implements ast.Node.
func (s *shortcode) Kind() ast.NodeKind { return kindShortcode }

// Dump implements ast.Node.
func (s *shortcode) Dump(source []byte, level int) {
	ast.DumpHelper(s, source, level, map[string]string{"Code": s.Code, "Name": s.Name, "Args": s.Args}, nil)
}

// shortcodeParser reads "{{word ...}}" on one line. Anything else that
// starts with "{" stays text.
type shortcodeParser struct{}

func (shortcodeParser) Trigger() []byte { return []byte{'{'} }

func (shortcodeParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("{{")) {
		return nil
	}
	end := bytes.Index(line, []byte("}}"))
	if end < 0 {
		return nil
	}
	fields := strings.Fields(string(line[2:end]))
	if len(fields) == 0 || strings.Trim(fields[0], "abcdefghijklmnopqrstuvwxyz") != "" {
		return nil
	}
	block.Advance(end + 2)
	sc := &shortcode{Written: string(line[:end+2]), Code: fields[0], Offset: seg.Start}
	if len(fields) > 1 {
		sc.Name = fields[1]
	}
	if len(fields) > 2 {
		sc.Args = strings.Join(fields[2:], " ")
	}
	return sc
}

// renderShortcode writes a resolved figure. The wrapper lets tests and
// styles find figures that come from the model.
func renderShortcode(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		sc := n.(*shortcode)
		fmt.Fprintf(w, `<span class="figure" data-figure="%s">%s</span>`, html.EscapeString(sc.Name), html.EscapeString(sc.Value))
	}
	return ast.WalkSkipChildren, nil
}

// resolveShortcodes computes every live figure of the document and returns
// what is wrong with each one that cannot be computed, at its line of the
// file.
func (d *document) resolveShortcodes(sh *shared, firstLine int) []advisor.Problem {
	var probs []advisor.Problem
	lines := lineStarts(d.source)
	for _, sc := range d.shortcodes {
		line := firstLine + lineAt(sc.Offset, lines)
		var err error
		_, inHeading := sc.Parent().(*ast.Heading)
		switch {
		case inHeading:
			// The table of contents is built before figures are computed.
			err = errors.New("a shortcode cannot be in a heading: move it into the text")
		case sc.Code == "fact":
			err = fmt.Errorf("unknown fact %q: add it to %s or fix the id", sc.Name, factsFile)
		case sc.Code != "cost" && sc.Code != "price" && sc.Code != "bill":
			err = fmt.Errorf("unknown shortcode {{%s}}: write {{cost FIGURE ANSWERS}}, {{bill OPTION ANSWERS}}, {{price ID}} or {{fact ID}}", sc.Code)
		case sh == nil || sh.model == nil:
			continue // the model did not load; that is reported on its own
		case sc.Code == "price" && sc.Args != "":
			err = errors.New("a price takes no answers: write {{price ID}}")
		case sc.Code == "price":
			// Known prices were written out by expand; this one is not.
			_, _, err = priceValue(sh.model.Pricing, sc.Name)
		case sc.Code == "bill":
			err = sh.billTable(sc)
		default:
			sc.Value, err = sh.figure(sc.Name, sc.Args)
		}
		if err != nil {
			probs = append(probs, advisor.Problem{Line: line, Msg: fmt.Sprintf("%s: %v", sc.Written, err)})
			sc.Value = "?"
		}
	}
	return probs
}

// figure computes one live figure for answers written as a query string or
// as a scenario id from facts.yaml.
func (sh *shared) figure(name, args string) (string, error) {
	if name == "" {
		return "", errors.New("name the figure wanted, e.g. {{cost functions requests=1000000}}")
	}
	query, err := sh.answers(args)
	if err != nil {
		return "", err
	}
	return figureValue(sh.model, query, name)
}

// answers reads the answers of a shortcode: a query string, or the id of a
// scenario from facts.yaml.
func (sh *shared) answers(args string) (url.Values, error) {
	if !strings.Contains(args, "=") && args != "" {
		sc, ok := sh.facts.scenario(args)
		if !ok {
			return nil, fmt.Errorf("unknown scenario %q: write the answers as a query string or add the scenario to %s", args, factsFile)
		}
		args = sc.Answers
	}
	return scenarioQuery(sh.model, args)
}

// scenarioQuery parses answers written as a query string and checks that
// every key is one of the model's questions (the advisor ignores unknown
// keys; a figure must not).
func scenarioQuery(m *advisor.Model, args string) (url.Values, error) {
	query, err := url.ParseQuery(args)
	if err != nil {
		return nil, fmt.Errorf("the answers %q are not a query string: %v", args, err)
	}
	for key := range query {
		if _, ok := m.Question(key); !ok {
			return nil, fmt.Errorf("unknown answer %q: the advisor has no such question", key)
		}
	}
	if _, errs := m.Parse(query); len(errs) > 0 {
		return nil, errs[0]
	}
	// The site's convention: a figure says whether Lambda's free tier is
	// taken off, rather than leaving it to the model's default.
	if !query.Has("freetier") {
		return nil, errors.New("state the free tier: add freetier=yes or freetier=no to the answers")
	}
	return query, nil
}

// figureValue is the one place that knows how a figure is read from the
// cost model: a bill by its kind ("functions", "containers", "servers"), an
// item of one ("servers.load_balancer"), a fleet's size ("servers.count"),
// or the break-even volume. Money is written as the advisor writes it; the
// break-even volume as a person says it.
func figureValue(m *advisor.Model, query url.Values, name string) (string, error) {
	answers, errs := m.Parse(query)
	if len(errs) > 0 {
		return "", errs[0]
	}
	in := m.CostInputs(answers)
	c := m.Pricing.Estimate(answers["cloud"], in, 0)
	if name == "break_even" {
		switch {
		case !c.HasBreakEven:
			return "", fmt.Errorf("no break-even: the functions and servers bills do not cross between %s and %s requests a month", advisor.FormatCount(c.ChartFrom()), advisor.FormatCount(c.ChartTo()))
		case c.BreakEven <= c.ChartFrom():
			return "", errors.New("no break-even: functions cost more than servers at any volume")
		}
		return "about " + advisor.FormatCount(c.BreakEven) + " requests a month", nil
	}
	kind, part, _ := strings.Cut(name, ".")
	b := c.Bill(advisor.OptionKind(kind))
	switch {
	case b == nil:
		return "", fmt.Errorf("unknown figure %q: use functions, containers or servers, one of their items (functions.compute, servers.load_balancer, ...), servers.count, functions.gb_seconds or break_even", name)
	case !b.Available:
		return "", fmt.Errorf("%s cannot run these answers: %s", b.Product, b.Unavailable)
	case part == "":
		return advisor.FormatUSD(b.Total), nil
	case part == "count" && b.Sizing != nil:
		return strconv.Itoa(b.Sizing.Instances), nil
	}
	for _, it := range b.Items {
		switch {
		case part == "gb_seconds" && it.GBSeconds > 0:
			return advisor.FormatInt(int64(math.Round(it.GBSeconds))) + " GB-seconds", nil
		case it.ID == part:
			return advisor.FormatUSD(it.USD), nil
		}
	}
	return "", fmt.Errorf("the %s bill has no item %q at these answers", kind, part)
}

// priceValue writes one published figure or assumption of the cost model
// the way the prose quotes it ("$0.20 per million requests", "400,000
// GB-seconds"), and the footnote that says where it comes from. The id is
// "cloud.id" (aws.functions_requests) or "common.id" for the assumptions
// every cloud shares. Like figureValue, it is the one place that knows
// where prices live in the model.
func priceValue(p *advisor.Pricing, id string) (text, source string, err error) {
	if p == nil {
		return "", "", errors.New("the advisor has no prices")
	}
	scope, factID, _ := strings.Cut(id, ".")
	var facts []*advisor.Fact
	if scope == "common" {
		facts = p.Common.Assumptions
	}
	for _, c := range p.Clouds {
		if c.ID == scope {
			facts = slices.Concat(c.Sourced(), c.Assumptions)
		}
	}
	for _, e := range facts {
		if e.ID == factID {
			return quoteFact(e), factSource(e), nil
		}
	}
	return "", "", fmt.Errorf("unknown price %q: write cloud.id (aws.functions_requests) or common.id, with an id from content/pricing", id)
}

// factSource is the footnote of a quoted figure.
func factSource(e *advisor.Fact) string {
	switch {
	case e.Why != "":
		return fmt.Sprintf("%s: an assumption of this site's cost model. %s", e.Label, e.Why)
	case e.Unverified != "":
		return fmt.Sprintf("%s: %s (not yet confirmed on that page).", e.Label, e.Source)
	}
	return fmt.Sprintf("%s: %s (as of %s).", e.Label, e.Source, e.Date.Format("January 2, 2006"))
}

// quoteFact writes a figure with its unit: money with at least cents,
// counts with separators.
func quoteFact(e *advisor.Fact) string {
	if unit, ok := strings.CutPrefix(e.Unit+" ", "USD "); ok {
		v := strconv.FormatFloat(e.Value, 'f', -1, 64)
		if whole, frac, _ := strings.Cut(v, "."); len(frac) < 2 {
			v = whole + "." + (frac + "00")[:2]
		}
		// A plain amount ("USD") reads "$90.00"; a rate keeps its unit.
		return strings.TrimSpace("$" + v + " " + unit)
	}
	if e.Value == math.Trunc(e.Value) {
		return advisor.FormatInt(int64(e.Value)) + " " + advisor.UnitOf(e.Value, e.Unit)
	}
	return strconv.FormatFloat(e.Value, 'f', -1, 64) + " " + e.Unit
}

// billTable turns a paragraph that holds only {{bill OPTION ANSWERS}} into a
// worked example: the option's itemised bill as the advisor shows it (the
// same items, labels and total), then a line that links to the advisor on
// the same answers. The table is built from the cost model at load, so it
// always adds up and follows every price change.
func (sh *shared) billTable(sc *shortcode) error {
	p, ok := sc.Parent().(*ast.Paragraph)
	if !ok || p.ChildCount() != 1 {
		return errors.New("a bill is a table: write it alone in its own paragraph, with a blank line before and after")
	}
	kind := advisor.OptionKind(sc.Name)
	if kind.Label() == "" {
		return fmt.Errorf("unknown option %q: write functions, containers or servers", sc.Name)
	}
	query, err := sh.answers(sc.Args)
	if err != nil {
		return err
	}
	answers, errs := sh.model.Parse(query)
	if len(errs) > 0 {
		return errs[0]
	}
	c := sh.model.Pricing.Estimate(answers["cloud"], sh.model.CostInputs(answers), 0)
	b := c.Bill(kind)
	if !b.Available {
		return fmt.Errorf("%s cannot run these answers: %s", b.Product, b.Unavailable)
	}
	table := billNodes(b)
	labelCells(table, nil)
	box := &scrollBox{}
	box.AppendChild(box, table)
	p.Parent().InsertBefore(p.Parent(), p, box)
	p.RemoveChildren(p)
	// The table's heading names the option; the line under it says how the
	// fleet was sized, which no row shows.
	if s := b.Sizing; s != nil && s.Instances > 0 {
		note := fmt.Sprintf("Sized for the busiest hour: %d × %s. ", s.Instances, s.Machine)
		p.AppendChild(p, ast.NewString([]byte(note)))
	}
	link := ast.NewLink()
	link.Destination = []byte(sh.model.Permalink(answers))
	link.AppendChild(link, ast.NewString([]byte("The same answers in the advisor")))
	p.AppendChild(p, link)
	p.AppendChild(p, ast.NewString([]byte(" show the arithmetic of every line, its prices and their sources.")))
	return nil
}

// billNodes is a bill as a markdown table: one row per item, then the
// total. Cells carry plain strings, so the table renders, labels its cells
// and is indexed for search like a table written by hand.
func billNodes(b *advisor.Bill) *extast.Table {
	t := extast.NewTable()
	t.Alignments = []extast.Alignment{extast.AlignNone, extast.AlignNone}
	t.SetAttributeString("class", []byte("bill"))
	t.SetAttributeString("data-bill", []byte(b.Kind))
	row := func(label, usd string, bold bool) *extast.TableRow {
		r := extast.NewTableRow(t.Alignments)
		for _, s := range []string{label, usd} {
			cell := extast.NewTableCell()
			var parent ast.Node = cell
			if bold {
				em := ast.NewEmphasis(2)
				cell.AppendChild(cell, em)
				parent = em
			}
			parent.AppendChild(parent, ast.NewString([]byte(s)))
			r.AppendChild(r, cell)
		}
		return r
	}
	t.AppendChild(t, extast.NewTableHeader(row(b.Kind.Label()+": "+b.Product, "A month", false)))
	for _, it := range b.Items {
		t.AppendChild(t, row(it.Label, advisor.FormatUSD(it.USD), false))
	}
	t.AppendChild(t, row("Total", advisor.FormatUSD(b.Total), true))
	return t
}
