package web

import (
	"bytes"
	"html/template"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Page is one rendered content page.
type Page struct {
	Slug        string // file name without ".md"; "" for the home page
	Path        string // URL path: "/" or "/<slug>"
	File        string // path inside the content folder, for messages
	Title       string
	Description string
	NavTitle    string // short label for navigation; Title when not set
	Order       int
	Updated     time.Time
	Draft       bool
	Body        template.HTML // rendered once at load
	TOC         []Heading
	Scorecard   *Scorecard // the comparison scorecard, on the page that shows it

	orderLine int // the line of "order:", for the message about a duplicate
	anchors   map[string]bool
	links     []link
	images    []link
	// sections is the body split at its headings, kept for the site's
	// search index (see search.go).
	sections []section
	// citations are the page's own footnote definitions, checked across
	// the site (see facts.go).
	citations []citation
}

// HasAnchor reports whether the page has an element with the given id that
// a link can point at.
func (p *Page) HasAnchor(id string) bool { return p.anchors[id] }

// frontMatter is the YAML header of a markdown file.
type frontMatter struct {
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	Nav         string `yaml:"nav"`
	Order       *int   `yaml:"order"`
	Updated     string `yaml:"updated"`
	Draft       bool   `yaml:"draft"`
}

// dateShape is the form of a date, whether or not the day exists.
var dateShape = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// maxDescription is the longest description that search engines and link
// previews show in full.
const maxDescription = 160

// splitFrontMatter separates the YAML front matter, between two "---" lines
// at the top of the file, from the markdown body. It returns the line of the
// file on which the body starts.
func splitFrontMatter(file string, src []byte) (fm, body []byte, bodyLine int, errs ContentErrors) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		errs.errorf(file, 1, `missing front matter: the file must start with a "---" line, then YAML, then "---"`)
		return nil, nil, 0, errs
	}
	rest := src[bytes.IndexByte(src, '\n')+1:]
	line := 2
	for off := 0; off < len(rest); line++ {
		end := bytes.IndexByte(rest[off:], '\n')
		next := len(rest)
		if end >= 0 {
			next = off + end + 1
		}
		if strings.TrimRight(string(rest[off:next]), "\r\n") == "---" {
			return rest[:off], rest[next:], line + 1, nil
		}
		off = next
	}
	errs.errorf(file, 1, `front matter is not closed: add a "---" line after the YAML`)
	return nil, nil, 0, errs
}

// parsePage reads a markdown file with front matter into a Page and its
// parsed body.
func parsePage(file string, src []byte, sh *shared) (*Page, *document, ContentErrors) {
	fmSrc, body, bodyLine, errs := splitFrontMatter(file, src)
	if errs != nil {
		return nil, nil, errs
	}
	var fm frontMatter
	if errs := decodeYAML(file, 2, fmSrc, &fm); errs != nil {
		return nil, nil, errs
	}
	lines := strings.Split(string(fmSrc), "\n")
	keyLine := func(key string) int {
		for i, l := range lines {
			if strings.HasPrefix(l, key+":") {
				return 2 + i
			}
		}
		return 1
	}
	p := &Page{
		File:        file,
		Title:       strings.TrimSpace(fm.Title),
		Description: strings.TrimSpace(fm.Description),
		NavTitle:    strings.TrimSpace(fm.Nav),
		Draft:       fm.Draft,
	}
	if p.Title == "" {
		errs.errorf(file, keyLine("title"), "front matter needs a title")
	}
	if p.Description == "" {
		errs.errorf(file, keyLine("description"), "front matter needs a description (one or two sentences for search results)")
	} else if n := utf8.RuneCountInString(p.Description); n > maxDescription {
		errs.errorf(file, keyLine("description"), "description is %d characters long; keep it to %d so search results show all of it", n, maxDescription)
	}
	if fm.Order == nil {
		errs.errorf(file, keyLine("order"), "front matter needs an order (its position in the navigation)")
	} else {
		p.Order, p.orderLine = *fm.Order, keyLine("order")
	}
	if fm.Updated == "" {
		errs.errorf(file, keyLine("updated"), "front matter needs an updated date (YYYY-MM-DD)")
	} else if t, err := time.Parse(time.DateOnly, fm.Updated); err != nil && dateShape.MatchString(fm.Updated) {
		errs.errorf(file, keyLine("updated"), "updated %q is not a day of the calendar", fm.Updated)
	} else if err != nil {
		errs.errorf(file, keyLine("updated"), "updated %q is not a date in the form YYYY-MM-DD", fm.Updated)
	} else {
		p.Updated = t
	}
	if p.NavTitle == "" {
		p.NavTitle = p.Title
	}
	body, cites, xerrs := sh.expand(file, body, bodyLine)
	errs = append(errs, xerrs...)
	doc := parseMarkdown(body, bodyLine)
	doc.errs = append(doc.errs, doc.resolveShortcodes(sh, bodyLine)...)
	for _, e := range doc.errs {
		errs.errorf(file, e.Line, "%s", e.Msg)
	}
	if doc.h1Line > 0 {
		errs.errorf(file, doc.h1Line, "the body must not have a level-1 heading (# ...): the title is the page's only h1")
	}
	p.TOC, p.anchors, p.links, p.images = doc.toc, doc.anchors, doc.links, doc.images
	p.citations = cites
	p.sections = doc.sections()
	return p, doc, errs
}
