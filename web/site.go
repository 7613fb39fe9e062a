// Package web turns the editors' content folder into a typed, validated,
// fully rendered Site. It parses markdown and YAML once, at load, so that
// serving a request does no content work. It knows nothing of HTTP or of
// templ, and must never import the server or components packages.
package web

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"serverorless/web/advisor"
)

// Site is everything the content folder describes, ready to serve. A Site is
// never modified after Load returns, so any number of requests may read it.
type Site struct {
	Home  *Page
	Pages []*Page // the guide's pages in navigation order, the FAQ among them
	FAQ   *FAQ
	Model *advisor.Model // the advisor's decision model
	// Images are the files of the content's images folder, by URL path
	// ("/images/split.svg"), read once at load.
	Images map[string][]byte
	// Drafts reports whether draft pages are published (in preview mode).
	Drafts bool

	byPath map[string]*Page
	// broken holds the paths of pages that failed to load, so that links to
	// them are not reported as well: one mistake, one message.
	broken map[string]bool
	// index is every section of every page, ready for Search; built once
	// by Load so that a search does no parsing.
	index []indexedSection
	// facts are the shared sources, facts and scenarios of facts.yaml.
	facts *facts
}

// Option changes how Load reads the content.
type Option func(*Site)

// WithDrafts publishes draft pages too, for previewing them.
func WithDrafts() Option { return func(s *Site) { s.Drafts = true } }

// Load reads, validates and renders the content in fsys. It reports every
// problem it finds, as ContentErrors, rather than only the first one.
// Drafts are left out unless WithDrafts is given.
func Load(fsys fs.FS, opts ...Option) (*Site, error) {
	site := &Site{byPath: map[string]*Page{}, Images: map[string][]byte{}, broken: map[string]bool{}}
	for _, o := range opts {
		o(site)
	}
	errs := site.loadImages(fsys)
	// The model comes first: pages compute their live figures from it.
	model, modelLinks, merrs := loadModel(fsys)
	site.Model = model
	errs = append(errs, merrs...)
	sh, sherrs := loadShared(fsys, model, len(merrs) == 0)
	site.facts = sh.facts
	errs = append(errs, sherrs...)
	perrs, err := site.loadPages(fsys, sh)
	if err != nil {
		return nil, err
	}
	errs = append(errs, perrs...)
	ferrs, err := site.loadFAQ(fsys, sh)
	if err != nil {
		return nil, err
	}
	errs = append(errs, ferrs...)
	if sc, serrs := loadScorecard(fsys); serrs != nil {
		errs = append(errs, serrs...)
	} else if sc != nil {
		errs = append(errs, site.attachScorecard(sc)...)
	}

	slices.SortStableFunc(site.Pages, func(a, b *Page) int { return a.Order - b.Order })
	errs = append(errs, site.checkOrders()...)
	errs = append(errs, site.checkLinks()...)
	errs = append(errs, site.checkCitations()...)
	errs = append(errs, site.checkModelLinks(modelLinks)...)
	errs = append(errs, site.checkImages()...)
	if len(errs) > 0 {
		errs.sort()
		return nil, errs
	}
	site.buildIndex()
	return site, nil
}

// loadPages reads, checks and renders every page in the pages folder. The
// error is for a folder that cannot be read; problems in the pages are
// ContentErrors.
func (s *Site) loadPages(fsys fs.FS, sh *shared) (ContentErrors, error) {
	var errs ContentErrors
	files, err := fs.Glob(fsys, "pages/*.md")
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		errs.errorf("pages", 0, "no markdown files found")
	}
	for _, file := range files {
		src, err := fs.ReadFile(fsys, file)
		if err != nil {
			return nil, fmt.Errorf("reading content: %w", err)
		}
		errs = append(errs, s.addPage(file, src, sh)...)
	}
	if s.Home == nil && len(files) > 0 {
		errs.errorf("pages/index.md", 0, "the home page is missing")
	}
	return errs, nil
}

// addPage parses, renders and publishes one page (unless it is a draft
// outside preview mode).
func (s *Site) addPage(file string, src []byte, sh *shared) ContentErrors {
	p, doc, errs := parsePage(file, src, sh)
	if p == nil {
		s.broken["/"+strings.TrimSuffix(path.Base(file), ".md")] = true
		return errs
	}
	if p.Draft && !s.Drafts {
		return errs
	}
	var err error
	if p.Body, err = doc.render(); err != nil {
		errs.errorf(file, 0, "rendering markdown: %v", err)
	}
	p.Slug = strings.TrimSuffix(path.Base(file), ".md")
	if !advisor.IsSlug(p.Slug) {
		errs.errorf(file, 1, "file name %q makes a poor URL: use lower-case letters, digits and hyphens, e.g. cold-starts.md", path.Base(file))
		return errs
	}
	if IsRoute("/" + p.Slug) {
		errs.errorf(file, 1, "the URL /%s is taken by the site itself; rename the file", p.Slug)
		return errs
	}
	if p.Slug == "index" {
		p.Slug, p.Path = "", "/"
		s.Home = p
	} else {
		p.Path = "/" + p.Slug
		s.Pages = append(s.Pages, p)
	}
	s.byPath[p.Path] = p
	return errs
}

// loadFAQ reads the FAQ and publishes it among the pages.
func (s *Site) loadFAQ(fsys fs.FS, sh *shared) (ContentErrors, error) {
	var errs ContentErrors
	src, err := fs.ReadFile(fsys, "faq.md")
	if errors.Is(err, fs.ErrNotExist) {
		errs.errorf("faq.md", 0, "the FAQ file is missing")
		return errs, nil
	} else if err != nil {
		return nil, fmt.Errorf("reading content: %w", err)
	}
	faq, ferrs := parseFAQ("faq.md", src, sh)
	if ferrs != nil {
		s.broken["/faq"] = true
		return ferrs, nil
	}
	if !faq.Draft || s.Drafts {
		s.FAQ = faq
		s.Pages = append(s.Pages, faq.Page)
		s.byPath[faq.Path] = faq.Page
	}
	return nil, nil
}

// Page returns the published page at the URL path p ("/" for the home page).
func (s *Site) Page(p string) (*Page, bool) {
	page, ok := s.byPath[p]
	return page, ok
}

// All returns every published page, the home page first.
func (s *Site) All() []*Page {
	return append([]*Page{s.Home}, s.Pages...)
}

// Neighbours returns the pages before and after p in reading order, or nil
// at either end.
func (s *Site) Neighbours(p *Page) (prev, next *Page) {
	i := slices.Index(s.Pages, p)
	if i < 0 {
		return nil, nil
	}
	if i > 0 {
		prev = s.Pages[i-1]
	}
	if i+1 < len(s.Pages) {
		next = s.Pages[i+1]
	}
	return prev, next
}

// checkOrders reports two pages that claim the same place in the navigation.
func (s *Site) checkOrders() ContentErrors {
	var errs ContentErrors
	for i := 1; i < len(s.Pages); i++ {
		if a, b := s.Pages[i-1], s.Pages[i]; a.Order == b.Order {
			errs.errorf(b.File, b.orderLine, "order %d is also used by %s; give each page its own place in the navigation", b.Order, a.File)
		}
	}
	return errs
}

// checkLinks reports internal links to pages or anchors that do not exist.
func (s *Site) checkLinks() ContentErrors {
	var errs ContentErrors
	for _, p := range s.All() {
		if p == nil {
			continue
		}
		for _, l := range p.links {
			if msg := s.resolve(p, l.Dest); msg != "" {
				errs.errorf(p.File, l.Line, "%s", msg)
			}
		}
	}
	return errs
}

// resolve checks an internal link found on page from (nil outside pages) and
// says what is wrong with it, or returns "" if it leads somewhere.
func (s *Site) resolve(from *Page, dest string) string {
	u, err := url.Parse(dest)
	if err != nil {
		return fmt.Sprintf("link %q is not a valid URL", dest)
	}
	target := from
	if u.Path != "" || from == nil {
		if u.Path == "/recommend" && s.Model != nil {
			// A ready-made scenario is a permalink: its answers must be valid.
			if _, errs := s.Model.Parse(u.Query()); len(errs) > 0 {
				return fmt.Sprintf("scenario link %s: %s", dest, errs[0])
			}
		}
		if isAppPage(u.Path) {
			return ""
		}
		var ok bool
		if target, ok = s.byPath[u.Path]; !ok {
			if s.broken[u.Path] {
				return ""
			}
			return fmt.Sprintf("link to %s: no such page", dest)
		}
	}
	if u.Fragment != "" && !target.HasAnchor(u.Fragment) {
		return fmt.Sprintf("link to %s: %s has no heading with id %q", dest, target.File, u.Fragment)
	}
	return ""
}

// loadImages reads the images folder, if there is one.
func (s *Site) loadImages(fsys fs.FS) ContentErrors {
	var errs ContentErrors
	err := fs.WalkDir(fsys, "images", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		s.Images["/"+name] = data
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		errs.errorf("images", 0, "reading: %v", err)
	}
	return errs
}

// checkImages reports images that are not in the images folder.
func (s *Site) checkImages() ContentErrors {
	var errs ContentErrors
	for _, p := range s.All() {
		if p == nil {
			continue
		}
		for _, img := range p.images {
			if _, ok := s.Images[img.Dest]; !ok {
				errs.errorf(p.File, img.Line, "image %s: no such file in the images folder", img.Dest)
			}
		}
	}
	return errs
}

// Warnings lists what is not wrong yet but needs an editor's attention:
// published figures read more than a year before now, or never read on
// their official page.
func (s *Site) Warnings(now time.Time) ContentErrors {
	var ws ContentErrors
	if s.Model == nil || s.Model.Pricing == nil {
		return nil
	}
	cutoff := now.AddDate(-1, 0, 0)
	for _, c := range s.Model.Pricing.Clouds {
		for _, f := range c.Sourced() {
			switch {
			case f.Unverified != "":
				ws.errorf(cloudFile(c.ID), f.Line, "%q has not been read on its official page (%s): check %s, then set value, as_of and remove unverified", f.ID, f.Unverified, f.Source)
			case f.Date.Before(cutoff):
				ws.errorf(cloudFile(c.ID), f.Line, "%q was read on %s, more than a year ago: check %s and update value and as_of", f.ID, f.AsOf, f.Source)
			}
		}
	}
	ws.sort()
	return ws
}
