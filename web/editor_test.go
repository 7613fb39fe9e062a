package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/web/advisor"
)

func TestCallouts(t *testing.T) {
	_, q := renderString(t, "> [!WARNING]\n> Lambda stops at 15 minutes.\n\n> [!tip]\n>\n> Use SnapStart.\n\n> A plain quote.\n")
	warn := q.Find("div.callout.callout-warning[role=note]")
	require.Equal(t, 1, warn.Length())
	assert.Equal(t, "Warning", warn.Find(".callout-title").Text())
	assert.Equal(t, "Lambda stops at 15 minutes.", strings.TrimSpace(warn.Find("p").Last().Text()))
	assert.NotContains(t, warn.Text(), "[!WARNING]")
	tip := q.Find("div.callout-tip")
	require.Equal(t, 1, tip.Length(), "the marker may stand alone, lower case")
	assert.Equal(t, "Use SnapStart.", strings.TrimSpace(tip.Find("p").Last().Text()))
	assert.Equal(t, 1, q.Find("blockquote").Length(), "other quotes stay quotes")

	doc := parseMarkdown([]byte("Intro.\n\n> [!DANGER]\n> Careful.\n"), 10)
	assert.Equal(t, []advisor.Problem{{Line: 12, Msg: "unknown callout [!DANGER]: use NOTE, TIP, IMPORTANT, WARNING or CAUTION"}}, doc.errs)
}

func TestEditorErrors(t *testing.T) {
	body := func(b string) string {
		return "---\ntitle: x\ndescription: y\norder: 10\nupdated: 2026-01-01\n---\n" + b
	}
	tests := []struct{ name, file, data, want string }{
		{"external image", "pages/traditional.md", body("![diagram](https://example.com/d.png)\n"), `pages/traditional.md:7: image "https://example.com/d.png" must be a file in the content's images folder`},
		{"missing image", "pages/traditional.md", body("Text.\n\n![diagram](/images/missing.svg)\n"), `pages/traditional.md:9: image /images/missing.svg: no such file in the images folder`},
		{"bad file name", "pages/Cold Starts.md", body("x"), `pages/Cold Starts.md:1: file name "Cold Starts.md" makes a poor URL`},
		{"reserved URL", "pages/recommend.md", body("x"), `pages/recommend.md:1: the URL /recommend is taken by the site itself`},
		{"FAQ URL", "pages/faq.md", body("x"), `pages/faq.md:1: the URL /faq is taken by the site itself`},
		{"search URL", "pages/search.md", body("x"), `pages/search.md:1: the URL /search is taken by the site itself`},
		{"duplicate order", "pages/extra.md", "---\ntitle: x\ndescription: y\nupdated: 2026-01-01\norder: 20\n---\nx", `pages/serverless.md:5: order 20 is also used by pages/extra.md`},
		{"impossible date", "pages/extra.md", "---\ntitle: x\ndescription: y\norder: 40\nupdated: 2026-02-30\n---\nx", `pages/extra.md:5: updated "2026-02-30" is not a day of the calendar`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := validFS()
			fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
			_, err := Load(fsys)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}

	// An image in the folder is found and kept for serving.
	fsys := validFS()
	fsys["images/d.svg"] = &fstest.MapFile{Data: []byte("<svg/>")}
	fsys["pages/traditional.md"] = &fstest.MapFile{Data: []byte(body("![diagram](/images/d.svg)\n"))}
	site, err := Load(fsys)
	require.NoError(t, err)
	assert.Equal(t, []byte("<svg/>"), site.Images["/images/d.svg"])
}

// TestOneMistakeOneMessage: a page that fails to load does not also make
// every link to it an error.
func TestOneMistakeOneMessage(t *testing.T) {
	fsys := validFS()
	fsys["pages/serverless.md"] = page("titl: S\ndescription: S.\norder: 20\nupdated: 2026-11-02", "Body")
	_, err := Load(fsys)
	require.Error(t, err)
	assert.Equal(t, `pages/serverless.md:2: unknown field "titl"`, err.Error())
}

func TestDrafts(t *testing.T) {
	site, err := Load(validFS(), WithDrafts())
	require.NoError(t, err)
	p, ok := site.Page("/secret")
	require.True(t, ok, "drafts are published in preview")
	assert.True(t, p.Draft)
}

func TestStalePriceWarnings(t *testing.T) {
	fsys := validFS()
	aws := string(realFile("pricing/aws.yaml"))
	for _, f := range pricingFiles {
		dated := regexp.MustCompile(`as_of: \S+`).ReplaceAll(realFile(f), []byte("as_of: 2026-11-01"))
		fsys[f] = &fstest.MapFile{Data: regexp.MustCompile(`(?m)^(\s+)unverified: .*$`).ReplaceAll(dated, []byte("${1}as_of: 2026-11-01"))}
	}
	site, err := Load(fsys)
	require.NoError(t, err)
	assert.Empty(t, site.Warnings(time.Date(2027, 10, 1, 0, 0, 0, 0, time.UTC)), "figures read within the year are fine")
	ws := site.Warnings(time.Date(2027, 11, 2, 0, 0, 0, 0, time.UTC))
	require.NotEmpty(t, ws, "a year later every figure needs a look")
	assert.Equal(t, fmt.Sprintf(`pricing/aws.yaml:%d: "functions_requests" was read on 2026-11-01, more than a year ago: check https://aws.amazon.com/lambda/pricing/ and update value and as_of`, lineIn(aws, "  - id: functions_requests")), ws[0].Error())
}

func TestUnverifiedPriceWarnings(t *testing.T) {
	fsys := validFS()
	aws := strings.Replace(string(realFile("pricing/aws.yaml")), "    as_of: 2026-11-26\n    checked_via: stored copy\n", "    unverified: the page could not be read\n", 1)
	fsys["pricing/aws.yaml"] = &fstest.MapFile{Data: []byte(aws)}
	site, err := Load(fsys)
	require.NoError(t, err)
	ws := site.Warnings(time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC))
	require.NotEmpty(t, ws)
	assert.Equal(t, fmt.Sprintf(`pricing/aws.yaml:%d: "functions_requests" has not been read on its official page (the page could not be read): check https://aws.amazon.com/lambda/pricing/, then set value, as_of and remove unverified`, lineIn(aws, "  - id: functions_requests")), ws[0].Error())
}

func TestWatch(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "faq.md")
	require.NoError(t, os.WriteFile(file, []byte("one"), 0o644))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var changes atomic.Int32
	done := make(chan struct{})
	go func() { NewWatcher(dir).Run(ctx, 10*time.Millisecond, func() { changes.Add(1) }); close(done) }()

	time.Sleep(50 * time.Millisecond)
	assert.Zero(t, changes.Load(), "nothing changed yet")
	require.NoError(t, os.WriteFile(file, []byte("two, longer"), 0o644))
	assert.Eventually(t, func() bool { return changes.Load() == 1 }, 2*time.Second, 5*time.Millisecond, "an edit is seen once")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "new.md"), []byte("x"), 0o644))
	assert.Eventually(t, func() bool { return changes.Load() == 2 }, 2*time.Second, 5*time.Millisecond, "a new file is seen")
	cancel()
	<-done
}

// TestWatcherReadsAtOnce: an edit made after NewWatcher returns and before
// Run polls is seen, as a preview that answers already must show it.
func TestWatcherReadsAtOnce(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "faq.md")
	require.NoError(t, os.WriteFile(file, []byte("one"), 0o644))
	w := NewWatcher(dir)
	require.NoError(t, os.WriteFile(file, []byte("two, longer"), 0o644))
	ctx, cancel := context.WithCancel(context.Background())
	var changes atomic.Int32
	done := make(chan struct{})
	go func() { w.Run(ctx, 10*time.Millisecond, func() { changes.Add(1) }); close(done) }()
	assert.Eventually(t, func() bool { return changes.Load() == 1 }, 2*time.Second, 5*time.Millisecond, "the edit is seen")
	cancel()
	<-done
}
