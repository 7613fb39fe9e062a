package components

import (
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
)

func TestLayout(t *testing.T) {
	tests := []struct {
		name        string
		props       LayoutProps
		wantTitle   string
		wantCurrent string // the header link marked as the current page
	}{
		{"home", layout(t, "Serverless or servers?", "/"), "Server or Less: Serverless or servers?", ""},
		{"a guide page", layout(t, "What serverless is", "/serverless"), "What serverless is · Server or Less", "Guide"},
		{"the FAQ", layout(t, "FAQ", "/faq"), "FAQ · Server or Less", "FAQ"},
		{"an advisor permalink", layout(t, "Recommendation: Hybrid", "/recommend?jobs=hours"), "Recommendation: Hybrid · Server or Less", "Ask the advisor"},
		{"a scenario comparison", layout(t, "Scenarios", "/compare?b.jobs=hours"), "Scenarios · Server or Less", "Scenarios"},
		// /comparison is a guide page: its name starts like /compare but it
		// is not the scenario comparison.
		{"the comparison page", layout(t, "Comparison", "/comparison"), "Comparison · Server or Less", "Guide"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := render(t, Layout(tt.props))
			assert.Equal(t, tt.wantTitle, doc.Find("head > title").Text())
			assert.Equal(t, tt.props.BaseURL+tt.props.Path, doc.Find(`link[rel="canonical"]`).AttrOr("href", ""))
			nav := doc.Find(`nav.site-nav a`)
			assert.Equal(t, []string{"Guide", "FAQ", "Search", "Scenarios", "Ask the advisor"}, nav.Map(func(_ int, s *goquery.Selection) string { return s.Text() }))
			assert.Equal(t, "/compare", doc.Find(`[data-testid="nav-scenarios"]`).AttrOr("href", ""), "the header links the scenario comparison")
			assert.Equal(t, tt.wantCurrent, doc.Find(`nav.site-nav a[aria-current="page"]`).Text())
			assert.Equal(t, 1, doc.Find(`main#main`).Length())
			assert.Equal(t, "#main", doc.Find("body > a.skip-link").AttrOr("href", ""), "the skip link comes first")
		})
	}
}

func TestLayoutPreviewAndErrors(t *testing.T) {
	p := layout(t, "Recommendation: Hybrid", "/recommend?jobs=hours")
	p.Image = "https://serverorless.example/recommend/card.png?jobs=hours"
	p.Dev, p.DevErrors = true, []string{"pages/a.md:3: bad front matter"}
	doc := render(t, Layout(p))
	assert.Equal(t, p.Image, doc.Find(`meta[property="og:image"]`).AttrOr("content", ""))
	assert.Equal(t, "summary_large_image", doc.Find(`meta[name="twitter:card"]`).AttrOr("content", ""))
	assert.Contains(t, doc.Find(`[data-testid="dev-errors"]`).Text(), "pages/a.md:3: bad front matter")

	p = layout(t, "Not found", "/nope")
	p.NoIndex = true
	doc = render(t, Layout(p))
	assert.Equal(t, "noindex", doc.Find(`meta[name="robots"]`).AttrOr("content", ""))
	assert.Equal(t, 0, doc.Find(`link[rel="canonical"]`).Length(), "error pages name no canonical URL")
	assert.Equal(t, "summary", doc.Find(`meta[name="twitter:card"]`).AttrOr("content", ""))
	assert.Equal(t, 0, doc.Find(`[data-testid="dev-errors"]`).Length())
}
