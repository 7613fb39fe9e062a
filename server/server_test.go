package server

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/static"
)

const testBaseURL = "https://serverorless.test"

// newTestServer serves the real, embedded content.
func newTestServer(t testing.TB) *Server {
	t.Helper()
	return newServerWith(t, Config{})
}

// do sends a request through the whole echo instance.
func do(t testing.TB, s *Server, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

func parse(t testing.TB, rec *httptest.ResponseRecorder) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(rec.Body.String()))
	require.NoError(t, err)
	return doc
}

// checkFrame checks what every HTML page must have.
func checkFrame(t testing.TB, doc *goquery.Document, wantTitle string) {
	t.Helper()
	assert.Equal(t, wantTitle, doc.Find("head > title").Text())
	assert.Equal(t, 1, doc.Find("h1").Length(), "one h1")
	assert.NotEmpty(t, doc.Find(`meta[name="description"]`).AttrOr("content", ""), "meta description")
	assert.NotEmpty(t, doc.Find(`meta[property="og:title"]`).AttrOr("content", ""), "og:title")
	assert.Equal(t, 1, doc.Find(`nav[aria-label="Main"]`).Length(), "main navigation")
	assert.Equal(t, 1, doc.Find("main#main").Length(), "main landmark")
	assert.Equal(t, 1, doc.Find("footer").Length(), "footer")
	for _, sel := range []string{`link[rel="stylesheet"]`, `script[src]`} {
		src := doc.Find(sel).AttrOr("href", doc.Find(sel).AttrOr("src", ""))
		assert.Regexp(t, `^/static/[a-z.]+\.[0-9a-f]{10}\.(css|js)$`, src, "%s is served under a hashed name", sel)
	}
}

func TestRoutes(t *testing.T) {
	s := newTestServer(t)
	site := s.Site()
	tests := []struct {
		name       string
		path       string
		wantStatus int
		check      func(t *testing.T, doc *goquery.Document)
	}{
		{"home", "/", http.StatusOK, func(t *testing.T, doc *goquery.Document) {
			checkFrame(t, doc, "Server or Less: "+site.Home.Title)
			assert.Equal(t, testBaseURL+"/", doc.Find(`link[rel="canonical"]`).AttrOr("href", ""))
			assert.Equal(t, len(site.Pages), doc.Find(`[data-testid="guide-cards"] li`).Length(), "a card for every page")
			assert.NotEmpty(t, strings.TrimSpace(doc.Find(`[data-testid="article"]`).Text()), "the home page's own text")
		}},
		{"comparison table", "/differences", http.StatusOK, func(t *testing.T, doc *goquery.Document) {
			table := doc.Find(".table-scroll table").First()
			assert.GreaterOrEqual(t, table.Find("tbody tr").Length(), 5, "the key differences as a table")
			assert.Equal(t, "page", doc.Find(`[data-testid="guide-nav"] a[href="/differences"]`).AttrOr("aria-current", ""), "current page marked")
			assert.Equal(t, "page", doc.Find(`nav[aria-label="Main"] a`).First().AttrOr("aria-current", ""), "Guide marked in the header")
		}},
		{"faq", "/faq", http.StatusOK, func(t *testing.T, doc *goquery.Document) {
			checkFrame(t, doc, site.FAQ.Title+" · Server or Less")
			entries := doc.Find(`[data-testid="faq-entry"]`)
			assert.GreaterOrEqual(t, entries.Length(), 9, "the article's three questions and six more")
			for _, id := range []string{"cheaper", "startups", "large-applications", "cold-starts", "lock-in", "websockets", "cost-at-scale", "testing-debugging", "databases"} {
				e := doc.Find("details#" + id)
				if assert.Equal(t, 1, e.Length(), "question %s", id) {
					assert.NotEmpty(t, e.Find("summary h2").Text())
					assert.NotEmpty(t, strings.TrimSpace(e.Find(".answer").Text()))
				}
			}
			var ld struct {
				Type       string `json:"@type"`
				MainEntity []struct {
					Name   string `json:"name"`
					Answer struct {
						Text string `json:"text"`
					} `json:"acceptedAnswer"`
				} `json:"mainEntity"`
			}
			require.NoError(t, json.Unmarshal([]byte(doc.Find(`script[type="application/ld+json"]`).Text()), &ld))
			assert.Equal(t, "FAQPage", ld.Type)
			require.Len(t, ld.MainEntity, entries.Length())
			assert.Equal(t, strings.TrimSpace(entries.First().Find("summary").Text()), ld.MainEntity[0].Name)
			assert.NotContains(t, ld.MainEntity[0].Answer.Text, "<", "answers are plain text")
		}},
		{"not found", "/no-such-page", http.StatusNotFound, func(t *testing.T, doc *goquery.Document) {
			checkFrame(t, doc, "Page not found · Server or Less")
			assert.Contains(t, doc.Find(`[data-testid="error"]`).Text(), "/no-such-page")
			assert.Equal(t, "noindex", doc.Find(`meta[name="robots"]`).AttrOr("content", ""))
		}},
		{"nested path not found", "/faq/extra/deep", http.StatusNotFound, nil},
		{"draft-like unknown slug", "/index", http.StatusNotFound, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(t, s, http.MethodGet, tt.path)
			require.Equal(t, tt.wantStatus, rec.Code, "GET %s = %d, want %d", tt.path, rec.Code, tt.wantStatus)
			assert.Equal(t, "text/html; charset=UTF-8", rec.Header().Get("Content-Type"))
			if tt.check != nil {
				tt.check(t, parse(t, rec))
			}
		})
	}
}

// TestEveryPage checks each content page: its title, heading, table of
// contents and metadata.
func TestEveryPage(t *testing.T) {
	s := newTestServer(t)
	for _, page := range s.Site().Pages {
		t.Run(page.Path, func(t *testing.T) {
			rec := do(t, s, http.MethodGet, page.Path)
			require.Equal(t, http.StatusOK, rec.Code, "GET %s = %d, want 200", page.Path, rec.Code)
			doc := parse(t, rec)
			checkFrame(t, doc, page.Title+" · Server or Less")
			assert.Equal(t, page.Title, doc.Find("h1").Text())
			assert.Equal(t, testBaseURL+page.Path, doc.Find(`link[rel="canonical"]`).AttrOr("href", ""))
			assert.Equal(t, testBaseURL+page.Path, doc.Find(`meta[property="og:url"]`).AttrOr("content", ""))
			assert.Equal(t, page.Description, doc.Find(`meta[name="description"]`).AttrOr("content", ""))
			assert.Equal(t, "page", doc.Find(`[data-testid="guide-nav"] a[href="`+page.Path+`"]`).AttrOr("aria-current", ""))
			assert.Equal(t, 1, doc.Find(`[data-testid="guide-nav"] [aria-current]`).Length(), "one current page")
			if page.Path != "/faq" {
				assert.GreaterOrEqual(t, doc.Find(".prose h2").Length(), 2, "a real page has sections")
				assert.Equal(t, len(page.TOC), doc.Find(`[data-testid="toc"] li`).Length(), "a table of contents entry per heading")
				doc.Find(`[data-testid="toc"] a`).Each(func(_ int, a *goquery.Selection) {
					id := strings.TrimPrefix(a.AttrOr("href", ""), "#")
					assert.Equal(t, 1, doc.Find(`[id="`+id+`"]`).Length(), "ToC entry %s points at a heading", id)
				})
			}
		})
	}
}

// TestAllLinks walks the site from the home page, following every internal
// link, and checks that each page exists and each #anchor is on its page.
func TestAllLinks(t *testing.T) {
	s := newTestServer(t)
	docs := map[string]*goquery.Document{}
	type ref struct{ from, href string }
	queue := []ref{{"(start)", "/"}}
	var anchors []ref
	for len(queue) > 0 {
		r := queue[0]
		queue = queue[1:]
		u, err := url.Parse(r.href)
		require.NoError(t, err)
		if u.Fragment != "" {
			anchors = append(anchors, r)
		}
		if _, seen := docs[u.Path]; seen {
			continue
		}
		rec := do(t, s, http.MethodGet, u.Path)
		if !assert.Equal(t, http.StatusOK, rec.Code, "GET %s (linked from %s) = %d, want 200", u.Path, r.from, rec.Code) {
			docs[u.Path] = nil
			continue
		}
		docs[u.Path] = nil
		if !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
			continue
		}
		doc := parse(t, rec)
		docs[u.Path] = doc
		doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
			href := a.AttrOr("href", "")
			switch {
			case strings.HasPrefix(href, "#"):
				queue = append(queue, ref{u.Path, u.Path + href})
			case strings.HasPrefix(href, "/") && !strings.HasPrefix(href, "//"):
				queue = append(queue, ref{u.Path, href})
			}
		})
	}
	for _, page := range s.Site().All() {
		assert.Contains(t, docs, page.Path, "page %s is reachable by links from the home page", page.Path)
	}
	for _, r := range anchors {
		u, _ := url.Parse(r.href)
		if doc := docs[u.Path]; doc != nil {
			assert.Equal(t, 1, doc.Find(`[id="`+u.Fragment+`"]`).Length(), "link %s on %s: no element with that id", r.href, r.from)
		}
	}
}

func TestSitemapAndRobots(t *testing.T) {
	s := newTestServer(t)
	rec := do(t, s, http.MethodGet, "/sitemap.xml")
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, "application/xml; charset=utf-8", rec.Header().Get("Content-Type"))
	var m struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	require.NoError(t, xml.Unmarshal(rec.Body.Bytes(), &m))
	var locs []string
	for _, u := range m.URLs {
		locs = append(locs, u.Loc)
		if u.LastMod != "" {
			assert.Regexp(t, `^\d{4}-\d{2}-\d{2}$`, u.LastMod)
		}
	}
	for _, page := range s.Site().All() {
		assert.Contains(t, locs, testBaseURL+page.Path)
	}
	assert.Contains(t, locs, testBaseURL+"/recommend", "the advisor is listed too")

	rec = do(t, s, http.MethodGet, "/robots.txt")
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Contains(t, rec.Body.String(), "Sitemap: "+testBaseURL+"/sitemap.xml")
}

func TestStaticAssets(t *testing.T) {
	s := newTestServer(t)
	css := static.Path("app.css")
	rec := do(t, s, http.MethodGet, css)
	require.Equal(t, http.StatusOK, rec.Code, "GET %s", css)
	assert.Equal(t, "public, max-age=31536000, immutable", rec.Header().Get("Cache-Control"))
	assert.Contains(t, rec.Header().Get("Content-Type"), "text/css")

	rec = do(t, s, http.MethodGet, static.Path("htmx.min.js"))
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Contains(t, rec.Body.String(), `version:"`+static.HTMXVersion+`"`, "the vendored htmx is the version the README names")

	rec = do(t, s, http.MethodGet, "/static/app.css")
	require.Equal(t, http.StatusOK, rec.Code, "the plain name works too")
	assert.Equal(t, "public, max-age=300", rec.Header().Get("Cache-Control"))

	assert.Equal(t, http.StatusNotFound, do(t, s, http.MethodGet, "/static/nope.js").Code)
}

func TestRequestHandling(t *testing.T) {
	s := newTestServer(t)

	rec := do(t, s, http.MethodGet, "/serverless/")
	assert.Equal(t, http.StatusMovedPermanently, rec.Code, "a trailing slash redirects")
	assert.Equal(t, "/serverless", rec.Header().Get("Location"))

	rec = do(t, s, http.MethodHead, "/")
	assert.Equal(t, http.StatusOK, rec.Code, "HEAD works")

	rec = do(t, s, http.MethodPost, "/faq")
	assert.Equal(t, http.StatusMethodNotAllowed, rec.Code)
	assert.Contains(t, rec.Body.String(), "Method not allowed")
}
