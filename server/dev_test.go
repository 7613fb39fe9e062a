package server

import (
	"bufio"
	"context"
	"errors"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/content"
	"serverorless/web"
)

// editableContent copies the embedded content into a map that a test can
// edit like an editor would.
func editableContent(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	require.NoError(t, fs.WalkDir(content.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(content.FS(), name)
		fsys[name] = &fstest.MapFile{Data: data}
		return err
	}))
	return fsys
}

func h1Of(t testing.TB, s *Server, path string) string {
	t.Helper()
	rec := do(t, s, http.MethodGet, path)
	require.Equal(t, http.StatusOK, rec.Code, "GET %s", path)
	return parse(t, rec).Find("h1").Text()
}

// TestReload: a good edit shows at once, a bad edit keeps the last good
// site and shows the errors in preview mode, and a fix recovers.
func TestReload(t *testing.T) {
	fsys := editableContent(t)
	site, err := web.Load(fsys)
	require.NoError(t, err)
	s := New(site, Config{BaseURL: testBaseURL, Dev: true})
	original := h1Of(t, s, "/serverless")

	src := string(fsys["pages/serverless.md"].Data)
	fsys["pages/serverless.md"].Data = []byte(strings.Replace(src, "title: "+original, "title: Serverless, explained", 1))
	s.Reloaded(web.Load(fsys))
	assert.Equal(t, "Serverless, explained", h1Of(t, s, "/serverless"), "a good edit shows at once")
	assert.Equal(t, 0, parse(t, do(t, s, http.MethodGet, "/")).Find(`[data-testid="dev-errors"]`).Length())

	fsys["pages/serverless.md"].Data = []byte(strings.Replace(src, "title: ", "titel: ", 1))
	s.Reloaded(web.Load(fsys))
	assert.Equal(t, "Serverless, explained", h1Of(t, s, "/serverless"), "a bad edit keeps the last good site")
	banner := parse(t, do(t, s, http.MethodGet, "/faq")).Find(`[data-testid="dev-errors"]`)
	require.Equal(t, 1, banner.Length(), "every page shows the errors")
	assert.Contains(t, banner.Text(), `pages/serverless.md:2: unknown field "titel"`)

	fsys["pages/serverless.md"].Data = []byte(src)
	s.Reloaded(web.Load(fsys))
	assert.Equal(t, original, h1Of(t, s, "/serverless"), "the fix recovers")
	assert.Equal(t, 0, parse(t, do(t, s, http.MethodGet, "/")).Find(`[data-testid="dev-errors"]`).Length(), "and clears the error")
}

// TestReloadUnderLoad swaps the site while requests run; run with -race.
// Every response must come from one whole site: its title and its
// navigation agree.
func TestReloadUnderLoad(t *testing.T) {
	fsys := editableContent(t)
	good, err := web.Load(fsys)
	require.NoError(t, err)
	src := string(fsys["pages/serverless.md"].Data)
	title := good.Pages[1].Title
	require.Equal(t, "/serverless", good.Pages[1].Path)
	fsys["pages/serverless.md"].Data = []byte(strings.NewReplacer("nav: Serverless", "nav: Functions", "title: "+title, "title: Functions, explained").Replace(src))
	edited, err := web.Load(fsys)
	require.NoError(t, err)

	s := New(good, Config{BaseURL: testBaseURL})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ctx.Err() == nil; i++ {
			if i%2 == 0 {
				s.Reloaded(edited, nil)
			} else {
				s.Reloaded(nil, errors.New("pages/x.md:1: broken"))
				s.Reloaded(good, nil)
			}
		}
	}()
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/serverless", nil))
				if rec.Code != http.StatusOK {
					t.Errorf("GET /serverless = %d during reloads", rec.Code)
					return
				}
				// The page (its h1) and the navigation (its label) must come
				// from the same version of the site.
				doc := parse(t, rec)
				edited := doc.Find("h1").Text() == "Functions, explained"
				nav := doc.Find(`[data-testid="guide-nav"] a[href="/serverless"]`).Text()
				if edited != (nav == "Functions") {
					t.Errorf("a response mixed two versions of the site: h1 %q with nav %q", doc.Find("h1").Text(), nav)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestDevEvents(t *testing.T) {
	s, base := startDevServer(t)
	site := s.Site()

	resp, err := http.Get(base + "/_dev/events")
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, "text/event-stream", resp.Header.Get("Content-Type"))
	lines := bufio.NewScanner(resp.Body)
	for lines.Scan() && lines.Text() != "" {
	}
	s.Reloaded(site, nil)
	var got []string
	for lines.Scan() && lines.Text() != "" {
		got = append(got, lines.Text())
	}
	assert.Equal(t, []string{"event: reload", "data: content changed"}, got, "open pages are told to refresh")

	doc := parse(t, do(t, s, http.MethodGet, "/"))
	assert.Equal(t, 1, doc.Find(`script[src*="/static/dev."]`).Length(), "preview pages listen for changes")

	// Outside preview mode there is no event stream and no script.
	prod := New(site, Config{BaseURL: testBaseURL})
	assert.Equal(t, http.StatusNotFound, do(t, prod, http.MethodGet, "/_dev/events").Code)
	assert.Equal(t, 0, parse(t, do(t, prod, http.MethodGet, "/")).Find(`script[src*="/static/dev."]`).Length())
}

func TestEditLinkAndImages(t *testing.T) {
	site := embeddedSite(t)
	s := New(site, Config{BaseURL: testBaseURL, EditURL: "https://github.com/acme/serverorless/edit/main/content/"})
	doc := parse(t, do(t, s, http.MethodGet, "/hybrid"))
	assert.Equal(t, "https://github.com/acme/serverorless/edit/main/content/pages/hybrid.md", doc.Find(`[data-testid="edit-link"]`).AttrOr("href", ""))
	doc = parse(t, do(t, s, http.MethodGet, "/faq"))
	assert.Equal(t, "https://github.com/acme/serverorless/edit/main/content/faq.md", doc.Find(`[data-testid="edit-link"]`).AttrOr("href", ""))
	assert.Equal(t, 0, parse(t, do(t, newTestServer(t), http.MethodGet, "/hybrid")).Find(`[data-testid="edit-link"]`).Length(), "no link without a repository")

	img := parse(t, do(t, s, http.MethodGet, "/hybrid")).Find(`img[src="/images/hybrid-split.svg"]`)
	require.Equal(t, 1, img.Length())
	assert.NotEmpty(t, img.AttrOr("alt", ""))
	rec := do(t, s, http.MethodGet, "/images/hybrid-split.svg")
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, "image/svg+xml", rec.Header().Get("Content-Type"))
	assert.Equal(t, http.StatusNotFound, do(t, s, http.MethodGet, "/images/nope.png").Code)
}

func TestDraftsOnlyInPreview(t *testing.T) {
	fsys := editableContent(t)
	fsys["pages/next.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Coming next\ndescription: A draft.\norder: 999\nupdated: 2026-11-25\ndraft: true\n---\nLead.\n\n## One\n\nText.\n\n## Two\n\nMore.\n")}
	site, err := web.Load(fsys)
	require.NoError(t, err)
	assert.Equal(t, http.StatusNotFound, do(t, New(site, Config{}), http.MethodGet, "/next").Code)

	preview, err := web.Load(fsys, web.WithDrafts())
	require.NoError(t, err)
	doc := parse(t, do(t, New(preview, Config{Dev: true}), http.MethodGet, "/next"))
	assert.Equal(t, 1, doc.Find(`[data-testid="draft-badge"]`).Length())
}
