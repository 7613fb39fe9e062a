package components

import (
	"bytes"
	"context"
	"net/url"
	"sync"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"
	"github.com/stretchr/testify/require"

	"serverorless/content"
	"serverorless/web"
)

// The components are tested by rendering them with the site's own content
// and reading the HTML with goquery, on data-testid where a test looks for
// something a reader sees.

// loadSite loads the embedded content once for all tests.
var loadSite = sync.OnceValues(func() (*web.Site, error) { return web.Load(content.FS()) })

func testSite(t testing.TB) *web.Site {
	t.Helper()
	site, err := loadSite()
	require.NoError(t, err)
	return site
}

// render renders c and parses the result.
func render(t testing.TB, c templ.Component) *goquery.Document {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, c.Render(context.Background(), &buf))
	doc, err := goquery.NewDocumentFromReader(&buf)
	require.NoError(t, err)
	return doc
}

// advise builds the advisor's properties for a query, as the server does.
func advise(t testing.TB, query string) AdvisorProps {
	t.Helper()
	m := testSite(t).Model
	q, err := url.ParseQuery(query)
	require.NoError(t, err)
	answers, errs := m.Parse(q)
	return NewAdvisorProps(m, answers, m.Recommend(answers), errs, q, "https://serverorless.example")
}

// layout is the frame of a page at path.
func layout(t testing.TB, title, path string) LayoutProps {
	return LayoutProps{Site: testSite(t), Title: title, Description: "A page.", Path: path, BaseURL: "https://serverorless.example"}
}
