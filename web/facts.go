package web

import (
	"bytes"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"time"

	"serverorless/web/advisor"
)

// factsFile holds what several pages quote, written once: the sources they
// cite, the facts they repeat, and the scenarios their live figures use.
const factsFile = "facts.yaml"

// facts is the content of facts.yaml.
type facts struct {
	Sources   []*Source   `yaml:"sources"`
	Facts     []*Fact     `yaml:"facts"`
	Scenarios []*Scenario `yaml:"scenarios"`

	sources map[string]*Source // by id
	byURL   map[string]*Source
	facts   map[string]*Fact
}

// Source is a page that the site cites in more than one place. Any page may
// cite it as [^id] without defining the footnote: the loader adds the
// definition, so one re-read date updates every citation.
type Source struct {
	ID        string `yaml:"id"`
	Publisher string `yaml:"publisher"` // "AWS"
	Title     string `yaml:"title"`     // the page's own title
	URL       string `yaml:"url"`
	Note      string `yaml:"note"`  // optional: what on the page is used
	AsOf      string `yaml:"as_of"` // when it was last read: YYYY-MM-DD, or YYYY-MM if the day is not known
	Line      int    `yaml:"-"`
}

// Fact is a figure quoted on several pages: {{fact id}} writes its text
// followed by a footnote to its source.
type Fact struct {
	ID     string `yaml:"id"`
	Text   string `yaml:"text"`   // "15 minutes"
	Source string `yaml:"source"` // the id of a Source
	Line   int    `yaml:"-"`
}

// Scenario is a named set of answers for live figures:
// {{cost functions steady-api}}.
type Scenario struct {
	ID      string `yaml:"id"`
	Answers string `yaml:"answers"` // a query string, as in an advisor permalink
	Line    int    `yaml:"-"`
}

// shared is what every markdown file may draw on while it is parsed.
type shared struct {
	model *advisor.Model // nil when the model or its prices have errors
	facts *facts         // never nil; empty without facts.yaml
}

var validID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// loadFacts reads facts.yaml, which is optional. model checks the
// scenarios' answers; it is nil when the model did not load.
func loadFacts(fsys fs.FS, model *advisor.Model) (*facts, ContentErrors) {
	f := &facts{}
	_, errs := readYAML(fsys, factsFile, f)
	if errs != nil {
		return &facts{}, errs
	}
	f.sources, f.byURL, f.facts = map[string]*Source{}, map[string]*Source{}, map[string]*Fact{}
	ids := map[string]bool{}
	checkID := func(kind, id string, line int) bool {
		if !validID.MatchString(id) {
			errs.errorf(factsFile, line, "%s id %q: use lower-case letters, digits and hyphens", kind, id)
			return false
		}
		if ids[kind+id] {
			errs.errorf(factsFile, line, "%s %q is listed twice", kind, id)
			return false
		}
		ids[kind+id] = true
		return true
	}
	for _, s := range f.Sources {
		if !checkID("source", s.ID, s.Line) {
			continue
		}
		errs = append(errs, s.validate()...)
		if other := f.byURL[s.URL]; other != nil {
			errs.errorf(factsFile, s.Line, "source %q has the same URL as %q: keep one", s.ID, other.ID)
		}
		f.sources[s.ID], f.byURL[s.URL] = s, s
	}
	for _, fact := range f.Facts {
		if !checkID("fact", fact.ID, fact.Line) {
			continue
		}
		if fact.Text == "" || strings.ContainsAny(fact.Text, "\n{}") {
			errs.errorf(factsFile, fact.Line, "fact %q needs a text: one line of plain words, such as \"15 minutes\"", fact.ID)
		}
		if f.sources[fact.Source] == nil {
			errs.errorf(factsFile, fact.Line, "fact %q: source %q is not one of the sources above", fact.ID, fact.Source)
		}
		f.facts[fact.ID] = fact
	}
	for _, sc := range f.Scenarios {
		if !checkID("scenario", sc.ID, sc.Line) || model == nil {
			continue
		}
		if _, err := scenarioQuery(model, sc.Answers); err != nil {
			errs.errorf(factsFile, sc.Line, "scenario %q: %v", sc.ID, err)
		}
	}
	return f, errs
}

// validate checks one source's fields.
func (s *Source) validate() ContentErrors {
	var errs ContentErrors
	if s.Publisher == "" || s.Title == "" {
		errs.errorf(factsFile, s.Line, "source %q needs a publisher and a title", s.ID)
	}
	if !strings.HasPrefix(s.URL, "https://") || strings.ContainsAny(s.URL, " \"") {
		errs.errorf(factsFile, s.Line, "source %q needs a url: the https address of the page", s.ID)
	}
	if s.readOn() == "" {
		errs.errorf(factsFile, s.Line, "source %q needs as_of: the day it was last read, YYYY-MM-DD", s.ID)
	}
	return errs
}

// readOn writes as_of the way footnotes do ("November 26, 2026", or
// "November 2026" when only the month is known), or "" if it is no date.
func (s *Source) readOn() string {
	if d, err := time.Parse(time.DateOnly, s.AsOf); err == nil {
		return d.Format("January 2, 2006")
	}
	if d, err := time.Parse("2006-01", s.AsOf); err == nil {
		return d.Format("January 2006")
	}
	return ""
}

// footnote is the source as a footnote definition's text.
func (s *Source) footnote() string {
	when := s.readOn()
	note := ""
	if s.Note != "" {
		note = s.Note + "; "
	}
	return fmt.Sprintf("%s, %q, %s (%sas of %s).", s.Publisher, s.Title, s.URL, note, when)
}

func (f *facts) scenario(id string) (*Scenario, bool) {
	for _, sc := range f.Scenarios {
		if sc.ID == id {
			return sc, true
		}
	}
	return nil, false
}

// citation is a footnote definition written in a page, kept for the checks
// that span the site (see checkCitations).
type citation struct {
	Line  int
	Label string
	Text  string
}

var (
	factRef     = regexp.MustCompile(`\{\{fact ([^\s{}]+)\}\}`)
	priceRef    = regexp.MustCompile(`\{\{price ([^\s{}]+)\}\}`)
	footnoteDef = regexp.MustCompile(`^\[\^([^\]\s]+)\]:[ \t]*(.*)$`)
	footnoteUse = regexp.MustCompile(`\[\^([^\]\s]+)\]`)
)

// expand prepares a markdown body that draws on facts.yaml and the prices:
// it writes out each {{fact id}} and {{price id}} as its text and a
// footnote, and appends the definition of every shared source and price the
// body cites. Lines keep their numbers, so messages about the body still
// point into the file. It returns the body's own footnote definitions for
// the site-wide checks.
func (sh *shared) expand(file string, body []byte, bodyLine int) ([]byte, []citation, ContentErrors) {
	errs := sh.facts.restated(file, body, bodyLine)
	body, prices := sh.writeOut(body)
	notes := scanFootnotes(body, bodyLine)
	defined := map[string]bool{}
	for _, c := range notes.defs {
		switch _, used := notes.firstUse[c.Label]; {
		case sh.facts.sources[c.Label] != nil:
			errs.errorf(file, c.Line, "footnote [^%s] is a source of %s: delete this definition (the site adds it)", c.Label, factsFile)
		case defined[c.Label]:
			errs.errorf(file, c.Line, "footnote [^%s] is defined twice", c.Label)
		case !used:
			errs.errorf(file, c.Line, "footnote [^%s] is never cited: cite it or delete it", c.Label)
		}
		defined[c.Label] = true
	}
	var extra bytes.Buffer
	for _, label := range notes.order {
		switch src := sh.facts.sources[label]; {
		case src != nil:
			fmt.Fprintf(&extra, "\n[^%s]: %s\n", label, src.footnote())
		case defined[label]:
		case prices[label] != "":
			fmt.Fprintf(&extra, "\n[^%s]: %s\n", label, prices[label])
		default:
			errs.errorf(file, notes.firstUse[label], "footnote [^%s] has no definition: add \"[^%s]: ...\" at the end of the file, or cite a source of %s", label, label, factsFile)
		}
	}
	if extra.Len() > 0 {
		body = append(append(slices.Clip(body), '\n'), extra.Bytes()...)
	}
	return body, notes.defs, errs
}

// writeOut replaces each known {{fact id}} and {{price id}} by its text and
// a footnote reference. It returns the footnotes the prices need, by label.
// Unknown ids are left for the markdown parser, which reports them with
// their line.
func (sh *shared) writeOut(body []byte) ([]byte, map[string]string) {
	body = factRef.ReplaceAllFunc(body, func(m []byte) []byte {
		if fact := sh.facts.facts[string(factRef.FindSubmatch(m)[1])]; fact != nil {
			return []byte(fact.Text + "[^" + fact.Source + "]")
		}
		return m
	})
	prices := map[string]string{}
	if sh.model == nil {
		return body, prices
	}
	body = priceRef.ReplaceAllFunc(body, func(m []byte) []byte {
		id := string(priceRef.FindSubmatch(m)[1])
		text, source, err := priceValue(sh.model.Pricing, id)
		if err != nil {
			return m
		}
		prices["price-"+id] = source
		return []byte(text + "[^price-" + id + "]")
	})
	return body, prices
}

// footnotes are the footnote definitions and uses of a markdown body.
type footnotes struct {
	defs     []citation
	firstUse map[string]int // label -> file line of its first use
	order    []string       // labels in the order they are first used
}

// scanFootnotes finds the footnotes of body, outside fenced code, line by
// line: a definition is a line that starts with "[^label]:".
func scanFootnotes(body []byte, bodyLine int) footnotes {
	notes := footnotes{firstUse: map[string]int{}}
	fenced := false
	for i, line := range strings.Split(string(body), "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fenced = !fenced
		}
		if fenced {
			continue
		}
		rest := line
		if m := footnoteDef.FindStringSubmatch(line); m != nil {
			notes.defs = append(notes.defs, citation{Line: bodyLine + i, Label: m[1], Text: m[2]})
			rest = m[2]
		}
		for _, m := range footnoteUse.FindAllStringSubmatch(rest, -1) {
			if _, ok := notes.firstUse[m[1]]; !ok {
				notes.firstUse[m[1]] = bodyLine + i
				notes.order = append(notes.order, m[1])
			}
		}
	}
	return notes
}

// restated reports a fact written out by hand with its source's footnote,
// such as "230 seconds[^azure-hosting]": it must come from {{fact id}}, so
// that correcting the fact in one place corrects every page.
func (f *facts) restated(file string, body []byte, bodyLine int) ContentErrors {
	var errs ContentErrors
	for _, fact := range f.Facts {
		if fact.Text == "" || f.sources[fact.Source] == nil {
			continue
		}
		written := []byte(fact.Text + "[^" + fact.Source + "]")
		for off := 0; ; {
			i := bytes.Index(body[off:], written)
			if i < 0 {
				break
			}
			off += i + len(written)
			line := bodyLine + bytes.Count(body[:off], []byte("\n"))
			errs.errorf(file, line, "%q is the fact %q of %s: write {{fact %s}} instead", fact.Text, fact.ID, factsFile, fact.ID)
		}
	}
	return errs
}

var (
	citedURL  = regexp.MustCompile(`https?://[^\s)]+`)
	citedDate = regexp.MustCompile(`(?:January|February|March|April|May|June|July|August|September|October|November|December) (?:\d{1,2}, )?\d{4}`)
	asOfDate  = regexp.MustCompile(`as of ((?:January|February|March|April|May|June|July|August|September|October|November|December) (?:\d{1,2}, )?\d{4})`)
	quoted    = regexp.MustCompile(`"([^"]+)"`)
)

// cite is one URL as a footnote cites it: with the title quoted before it
// and the footnote's date.
type cite struct {
	url, title, date string
	file             string
	line             int
}

// parseCitation finds the URLs of a footnote, each with the quoted title
// written before it, and the footnote's date: its "as of" date, or else
// the first date after the first URL.
func parseCitation(c citation, file string) (cites []cite, date string) {
	locs := citedURL.FindAllStringIndex(c.Text, -1)
	if len(locs) == 0 {
		return nil, ""
	}
	if m := asOfDate.FindStringSubmatch(c.Text); m != nil {
		date = m[1]
	} else {
		date = citedDate.FindString(c.Text[locs[0][1]:])
	}
	from := 0
	for _, loc := range locs {
		title := ""
		if ts := quoted.FindAllStringSubmatch(c.Text[from:loc[0]], -1); len(ts) > 0 {
			title = ts[len(ts)-1][1]
		}
		u := strings.TrimRight(c.Text[loc[0]:loc[1]], ".,;:")
		cites = append(cites, cite{url: u, title: title, date: date, file: file, line: c.Line})
		from = loc[1]
	}
	return cites, date
}

// checkCitations applies the rules that span pages: every footnote names an
// https source and a date; a source of facts.yaml is cited through its id;
// and one URL is cited with one title and one date across the site, so that
// re-reading a page updates every citation of it.
func (s *Site) checkCitations() ContentErrors {
	var errs ContentErrors
	pages := slices.DeleteFunc(s.All(), func(p *Page) bool { return p == nil })
	slices.SortFunc(pages, func(a, b *Page) int { return strings.Compare(a.File, b.File) })
	first := map[string]cite{}
	for _, p := range pages {
		for _, c := range p.citations {
			cites, date := parseCitation(c, p.File)
			if len(cites) == 0 || !strings.HasPrefix(cites[0].url, "https://") {
				errs.errorf(p.File, c.Line, "footnote [^%s] needs a source: the https address of the page it cites", c.Label)
				continue
			}
			if date == "" {
				errs.errorf(p.File, c.Line, "footnote [^%s] needs a date: end it with \"(as of November 26, 2026)\", the day you read the page", c.Label)
			}
			for _, ct := range cites {
				if src := s.facts.byURL[ct.url]; src != nil {
					errs.errorf(p.File, c.Line, "footnote [^%s] cites %s, a source of %s: cite it as [^%s] and delete this definition", c.Label, ct.url, factsFile, src.ID)
					continue
				}
				prev, seen := first[ct.url]
				if !seen {
					first[ct.url] = ct
				} else if prev.title != ct.title || prev.date != ct.date {
					errs.errorf(p.File, c.Line, "footnote [^%s] cites %s as %q (%s), but %s:%d cites it as %q (%s): use one title and one date for one source", c.Label, ct.url, ct.title, ct.date, prev.file, prev.line, prev.title, prev.date)
				}
			}
		}
	}
	return errs
}

// loadShared prepares what pages draw on: the cost model, when it loaded
// without errors (modelOK), and facts.yaml.
func loadShared(fsys fs.FS, model *advisor.Model, modelOK bool) (*shared, ContentErrors) {
	sh := &shared{}
	if modelOK {
		sh.model = model
	}
	var errs ContentErrors
	sh.facts, errs = loadFacts(fsys, sh.model)
	return sh, errs
}
