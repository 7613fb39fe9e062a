package web

import (
	"io/fs"
	"net/url"
	"slices"
	"strings"

	"serverorless/web/advisor"
)

// scorecardFile holds the comparison scorecard.
const scorecardFile = "comparison.yaml"

// Scorecard is the table of categories and the verdict that usually wins
// each, shown on one page, where readers mark the categories that matter to
// them.
type Scorecard struct {
	Page       string      `yaml:"page"`   // the page it is shown on
	Anchor     string      `yaml:"anchor"` // its id on that page
	Title      string      `yaml:"title"`
	Intro      string      `yaml:"intro"`
	Categories []*Category `yaml:"categories"`
}

// Category is one row of the scorecard.
type Category struct {
	ID     string          `yaml:"id"`
	Label  string          `yaml:"label"`
	Winner advisor.Verdict `yaml:"winner"`
	Why    string          `yaml:"why"`
	Line   int             `yaml:"-"`
}

// Tally counts the winners of the chosen categories, or of all of them
// when none is chosen.
type Tally struct {
	Counts  map[advisor.Verdict]int // per verdict
	Total   int
	Leaders []advisor.Verdict // the verdicts with the highest count, in site order
}

// loadScorecard reads and validates the scorecard.
func loadScorecard(fsys fs.FS) (*Scorecard, ContentErrors) {
	var sc Scorecard
	found, errs := readYAML(fsys, scorecardFile, &sc)
	if !found {
		return nil, nil // the scorecard is optional
	}
	if errs != nil {
		return nil, errs
	}
	if sc.Page == "" || sc.Anchor == "" || sc.Title == "" {
		errs.errorf(scorecardFile, 1, "the scorecard needs a page, an anchor and a title")
	}
	if len(sc.Categories) == 0 {
		errs.errorf(scorecardFile, 1, "the scorecard has no categories")
	}
	seen := map[string]bool{}
	for _, c := range sc.Categories {
		if !advisor.IsSlug(c.ID) {
			errs.errorf(scorecardFile, c.Line, "category id %q must be lower-case letters, digits and hyphens", c.ID)
		}
		if seen[c.ID] {
			errs.errorf(scorecardFile, c.Line, "category %q is listed twice", c.ID)
		}
		seen[c.ID] = true
		if c.Label == "" || c.Why == "" {
			errs.errorf(scorecardFile, c.Line, "category %q needs a label and a why", c.ID)
		}
		if !slices.Contains(advisor.Verdicts, c.Winner) {
			errs.errorf(scorecardFile, c.Line, "category %q: winner must be one of %s, not %q", c.ID, advisor.VerdictNames(), c.Winner)
		}
	}
	return &sc, errs
}

// attachScorecard puts the scorecard on its page and makes its anchor
// available to links.
func (s *Site) attachScorecard(sc *Scorecard) ContentErrors {
	var errs ContentErrors
	p, ok := s.byPath[sc.Page]
	if !ok {
		errs.errorf(scorecardFile, 1, "page %s does not exist", sc.Page)
		return errs
	}
	if p.HasAnchor(sc.Anchor) {
		errs.errorf(scorecardFile, 1, "anchor %q is already a heading on %s", sc.Anchor, p.File)
		return errs
	}
	p.anchors[sc.Anchor] = true
	p.Scorecard = sc
	// The scorecard comes first on its page, so it leads the contents.
	p.TOC = append([]Heading{{ID: sc.Anchor, Text: sc.Title, Level: 2}}, p.TOC...)
	return errs
}

// Priorities reads the categories a reader marked from query values (the
// key "priority", repeated or comma-separated). It returns them in the
// scorecard's order, and the values that name no category.
func (sc *Scorecard) Priorities(values []string) (chosen []string, unknown []string) {
	marked := map[string]bool{}
	for _, v := range values {
		for _, id := range strings.Split(v, ",") {
			id = strings.ToLower(strings.TrimSpace(id))
			if id == "" {
				continue
			}
			if slices.ContainsFunc(sc.Categories, func(c *Category) bool { return c.ID == id }) {
				marked[id] = true
			} else if len(unknown) < 5 && len(id) <= 64 {
				unknown = append(unknown, id)
			}
		}
	}
	for _, c := range sc.Categories {
		if marked[c.ID] {
			chosen = append(chosen, c.ID)
		}
	}
	return chosen, unknown
}

// Query encodes chosen priorities canonically, in the scorecard's order.
func (sc *Scorecard) Query(chosen []string) string {
	q := url.Values{}
	for _, c := range sc.Categories {
		if slices.Contains(chosen, c.ID) {
			q.Add("priority", c.ID)
		}
	}
	return q.Encode()
}

// Tally counts the winners among the chosen categories (all when none).
func (sc *Scorecard) Tally(chosen []string) Tally {
	t := Tally{Counts: map[advisor.Verdict]int{}}
	for _, c := range sc.Categories {
		if len(chosen) == 0 || slices.Contains(chosen, c.ID) {
			t.Counts[c.Winner]++
			t.Total++
		}
	}
	best := 0
	for _, v := range advisor.Verdicts {
		switch n := t.Counts[v]; {
		case n > best:
			best, t.Leaders = n, []advisor.Verdict{v}
		case n == best && n > 0:
			t.Leaders = append(t.Leaders, v)
		}
	}
	return t
}
