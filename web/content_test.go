package web

import (
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/content"
	"serverorless/web/advisor"
)

// embedded is the site of the embedded content, loaded once for the
// package's tests that read it: a load takes about 85 ms, and a Site does
// not change after Load.
var embedded struct {
	sync.Once
	site *Site
	err  error
}

// embeddedSite returns the site of the embedded content.
func embeddedSite(t testing.TB) *Site {
	t.Helper()
	embedded.Do(func() { embedded.site, embedded.err = Load(content.FS()) })
	require.NoError(t, embedded.err)
	return embedded.site
}

// TestGuideCoversTopics checks that the site's own search finds the
// topics practitioners ask about after the first choice, each on the page
// that explains it.
func TestGuideCoversTopics(t *testing.T) {
	site := embeddedSite(t)
	tests := []struct{ query, page string }{
		{"Web Functions", "/serverless"},
		{"MicroVMs", "/future"},
		{"37signals", "/case-studies"},
		{"Prime Video", "/case-studies"},
		{"LocalStack", "/differences"},
		{"Testcontainers", "/differences"},
		{"SLA", "/reliability"},
		{"multi-region", "/reliability"},
		{"PgBouncer", "/data"},
		{"Neon", "/data"},
		{"startup CPU boost", "/differences"},
		{"sampling", "/total-cost"},
		{"data residency", "/reliability"},
	}
	for _, tt := range tests {
		var paths []string
		for _, r := range site.Search(tt.query, 20) {
			paths = append(paths, r.Path)
		}
		assert.Contains(t, paths, tt.page, "searching %q finds %s", tt.query, tt.page)
	}
}

// TestNoYearInTitles keeps titles and headings evergreen: a year in a
// heading reads stale within weeks.
func TestNoYearInTitles(t *testing.T) {
	site := embeddedSite(t)
	year := regexp.MustCompile(`\b20[0-9]{2}\b`)
	for _, p := range site.All() {
		assert.False(t, year.MatchString(p.Title), "%s: title %q names a year", p.Path, p.Title)
		for _, h := range p.TOC {
			assert.False(t, year.MatchString(h.Text), "%s: heading %q names a year", p.Path, h.Text)
		}
	}
}

// TestContainersVocabulary keeps one meaning per word: serverless
// containers are never the traditional option or a "middle ground".
func TestContainersVocabulary(t *testing.T) {
	site := embeddedSite(t)
	for _, p := range site.All() {
		body := strings.ToLower(pageHTML(t, site, p).Text())
		assert.False(t, strings.Contains(body, "middle ground"), "%s calls something the middle ground", p.Path)
	}
}

// TestScenarioLinksAgreeWithTheirPage: the ready-made scenarios a guide
// page offers open on the verdict that page is about.
func TestScenarioLinksAgreeWithTheirPage(t *testing.T) {
	site := embeddedSite(t)
	link := regexp.MustCompile(`href="/recommend\?([^"#]+)"`)
	for path, verdict := range map[string]advisor.Verdict{"/when-serverless": advisor.Serverless, "/when-traditional": advisor.Traditional, "/hybrid": advisor.Hybrid} {
		p, ok := site.byPath[path]
		require.True(t, ok, path)
		links := link.FindAllStringSubmatch(string(p.Body), -1)
		require.NotEmpty(t, links, "%s offers scenarios", path)
		for _, l := range links {
			q, err := url.ParseQuery(strings.ReplaceAll(l[1], "&amp;", "&"))
			require.NoError(t, err)
			answers, errs := site.Model.Parse(q)
			require.Empty(t, errs)
			assert.Equal(t, verdict, site.Model.Recommend(answers).Verdict, "%s: /recommend?%s", path, l[1])
		}
	}
}
