package server

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/content"
	"serverorless/web"
)

// The browser tests drive Debian's Chromium, headless, against the real
// server on loopback. Without Chromium they are skipped on a developer's
// machine; in CI (CI set) a missing browser fails the run.

const chromiumPath = "/usr/bin/chromium"

// chromium starts one browser for a test and serves the site beside it.
func chromium(t *testing.T) (ctx context.Context, base string) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests are skipped with -short")
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs Chromium at %s for the browser tests (apt-get install chromium): %v", chromiumPath, err)
		}
		t.Skipf("Chromium is not installed at %s; .ci/run installs it", chromiumPath)
	}
	site, err := web.Load(content.FS())
	require.NoError(t, err)
	srv := httptest.NewServer(New(site, Config{}))
	t.Cleanup(srv.Close)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(cancel)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("about:blank")), "starting Chromium")
	return ctx, srv.URL
}

// tab opens a new tab in the browser of ctx.
func tab(t *testing.T, ctx context.Context) context.Context {
	t.Helper()
	tabCtx, cancel := chromedp.NewContext(ctx)
	t.Cleanup(cancel)
	require.NoError(t, chromedp.Do(tabCtx, chromedp.Navigate("about:blank")))
	// No step of a test may hang the run: the tab closes after a minute.
	limited, cancelLimit := context.WithTimeout(tabCtx, time.Minute)
	t.Cleanup(cancelLimit)
	return limited
}

func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(url)), "open %s", url)
}

// js evaluates an expression in the page and decodes its value.
func js[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	require.NoError(t, err, expr)
	return v
}

// until waits for a JavaScript condition to hold.
func until(t *testing.T, ctx context.Context, cond, what string) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "waiting until %s (%s)", what, cond)
}

func verdict(t *testing.T, ctx context.Context) string {
	return js[string](t, ctx, `document.querySelector('[data-testid="verdict"]').dataset.verdict`)
}

func TestBrowser(t *testing.T) {
	ctx, base := chromium(t)

	t.Run("widget flow", func(t *testing.T) {
		ctx := tab(t, ctx)
		open(t, ctx, base+"/recommend")
		assert.Equal(t, "serverless", verdict(t, ctx))
		js[bool](t, ctx, `window.sameDocument = true`)

		js[bool](t, ctx, `(document.querySelector('input[name="traffic"][value="spiky"]').click(), true)`)
		until(t, ctx, `location.search === "?traffic=spiky"`, "the address bar holds the permalink")
		js[bool](t, ctx, `(document.querySelector('input[name="jobs"][value="hours"]').click(), true)`)
		until(t, ctx, `location.search === "?traffic=spiky&jobs=hours"`, "the address bar follows each change")
		until(t, ctx, `document.querySelector('[data-testid="verdict"]').dataset.verdict === "hybrid"`, "the result updates")
		assert.True(t, js[bool](t, ctx, `window.sameDocument === true`), "no page load happened")
		assert.Contains(t, js[string](t, ctx, `document.getElementById("result-status").textContent`), "Hybrid", "screen readers hear the new verdict")

		// Typing a number updates the result after a pause.
		before := js[string](t, ctx, `document.querySelector('[data-testid="cost-serverless"]').textContent`)
		js[bool](t, ctx, `(() => { const i = document.querySelector('input[name="requests"]'); i.value = "2000000000"; i.dispatchEvent(new Event("input", {bubbles: true})); return true })()`)
		until(t, ctx, `location.search === "?traffic=spiky&requests=2000000000&jobs=hours"`, "a typed number reaches the permalink")
		until(t, ctx, `document.querySelector('[data-testid="cost-serverless"]').textContent !== `+strconv.Quote(before), "the cost follows the volume")
		after := js[string](t, ctx, `document.querySelector('[data-testid="cost-serverless"]').textContent`)

		require.NoError(t, chromedp.Do(ctx, chromedp.NavigateBack()))
		until(t, ctx, `location.search === "?traffic=spiky&jobs=hours"`, "back goes to the previous answers")
		until(t, ctx, `document.querySelector('[data-testid="cost-serverless"]').textContent === `+strconv.Quote(before), "and to their result")
		require.NoError(t, chromedp.Do(ctx, chromedp.NavigateForward()))
		until(t, ctx, `document.querySelector('[data-testid="cost-serverless"]').textContent === `+strconv.Quote(after), "forward comes back")

		require.NoError(t, chromedp.Do(ctx, chromedp.Reload()))
		until(t, ctx, `document.querySelector('[data-testid="verdict"]') !== null`, "the page reloads")
		assert.Equal(t, "hybrid", verdict(t, ctx), "reloading the permalink shows the same result")
		assert.Equal(t, after, js[string](t, ctx, `document.querySelector('[data-testid="cost-serverless"]').textContent`))
		assert.Equal(t, "hours", js[string](t, ctx, `document.querySelector('input[name="jobs"]:checked').value`), "with the same answers")
		assert.Equal(t, "2000000000", js[string](t, ctx, `document.querySelector('input[name="requests"]').value`))
	})

	t.Run("copy link", func(t *testing.T) {
		ctx := tab(t, ctx)
		_, err := chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			for _, name := range []string{"clipboard-read", "clipboard-write"} {
				_, err := cdp.Call(ctx, chromedp.FromContext(ctx).Browser, browser.SetPermission, browser.SetPermissionParams{
					Permission: &browser.PermissionDescriptor{Name: name},
					Setting:    browser.PermissionSettingGranted,
					Origin:     base,
				})
				if err != nil {
					return err
				}
			}
			return nil
		}))
		require.NoError(t, err)
		open(t, ctx, base+"/recommend?traffic=spiky")
		until(t, ctx, `!document.querySelector('button[data-copy]').hidden`, "the copy button appears where the clipboard works")
		js[bool](t, ctx, `(document.querySelector('button[data-copy]').click(), true)`)
		until(t, ctx, `document.querySelector('button[data-copy]').textContent === "Copied"`, "the button confirms")
		link := js[string](t, ctx, `navigator.clipboard.readText()`)
		assert.Equal(t, base+"/recommend?traffic=spiky", link, "the clipboard holds the permalink")
		assert.Equal(t, link, js[string](t, ctx, `document.getElementById("permalink").value`), "the same as the field beside it")
	})

	t.Run("without JavaScript", func(t *testing.T) {
		ctx := tab(t, ctx)
		_, err := chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}))
		require.NoError(t, err)
		open(t, ctx, base+"/recommend")
		require.NoError(t, chromedp.Do(ctx,
			chromedp.Click(chromedp.CSS(`input[name="jobs"][value="hours"]`)),
			chromedp.Click(chromedp.CSS(`input[name="realtime"][value="core"]`)),
			chromedp.Click(chromedp.CSS(`#advisor-form button[type="submit"]`)),
		))
		require.NoError(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`[data-verdict="hybrid"]`))), "the server renders the new result")
		url, err := chromedp.Run(ctx, chromedp.Location())
		require.NoError(t, err)
		assert.Contains(t, url, "jobs=hours")
		assert.Contains(t, url, "realtime=core")
		text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid="constraints"]`)))
		require.NoError(t, err)
		assert.Contains(t, text, "15 minutes", "the full result, rendered by the server")
	})

	t.Run("comparison priorities", func(t *testing.T) {
		ctx := tab(t, ctx)
		open(t, ctx, base+"/comparison")
		js[bool](t, ctx, `(document.getElementById("priority-long-running-processes").click(), true)`)
		until(t, ctx, `location.search === "?priority=long-running-processes"`, "the priorities are in the URL")
		until(t, ctx, `document.querySelector('[data-testid="tally-headline"]').textContent.includes("1 priority")`, "the tally follows")
		js[bool](t, ctx, `(document.getElementById("priority-operations-burden").click(), true)`)
		until(t, ctx, `location.search === "?priority=long-running-processes&priority=operations-burden"`, "in the scorecard's order")
		assert.Equal(t, 2, js[int](t, ctx, `[...document.querySelectorAll('[data-testid="scorecard-row"]')].filter(r => getComputedStyle(r.cells[0]).backgroundColor !== getComputedStyle(document.querySelector('[data-testid="scorecard-row"]:not(:has(:checked)) td')).backgroundColor).length`), "the marked rows are highlighted")
		require.NoError(t, chromedp.Do(ctx, chromedp.Reload()))
		until(t, ctx, `document.querySelectorAll('[data-testid="scorecard-row"] input:checked').length === 2`, "reloading keeps the priorities")
	})

	t.Run("keyboard only", func(t *testing.T) {
		ctx := tab(t, ctx)
		open(t, ctx, base+"/recommend")
		var order []string
		for range 12 {
			require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)))
			order = append(order, js[string](t, ctx, `(() => { const e = document.activeElement; return e.tagName + (e.name ? ":" + e.name : "") + (e.className ? "." + e.className : "") })()`))
			outline := js[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`)
			assert.NotEqual(t, "none", outline, "focus is visible on %s", order[len(order)-1])
		}
		assert.Equal(t, "A.skip-link", order[0], "the first stop skips to the content")
		assert.Contains(t, order, "INPUT:stage", "the questions are reachable by keyboard")
		// Arrow keys choose an answer, and the result follows.
		js[bool](t, ctx, `(document.querySelector('input[name="traffic"]:checked').focus(), true)`)
		require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown)))
		until(t, ctx, `location.search === "?traffic=spiky"`, "an arrow key changes the answer and the result")
	})

	t.Run("phone", func(t *testing.T) {
		ctx := tab(t, ctx)
		require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(360, 740)))
		for _, path := range append(pagePaths(t), "/recommend?jobs=hours&traffic=spiky") {
			open(t, ctx, base+path)
			width := js[int](t, ctx, `document.documentElement.scrollWidth`)
			assert.LessOrEqual(t, width, 360, "%s scrolls sideways on a 360-px phone", path)
		}
		open(t, ctx, base+"/differences")
		assert.True(t, js[bool](t, ctx, `(() => { const b = document.querySelector(".table-scroll"); return b.scrollWidth > b.clientWidth })()`), "a wide table scrolls inside its box")

		// The verdict stays in sight while the reader answers.
		open(t, ctx, base+"/recommend")
		bar := `document.getElementById("jump-to-result")`
		assert.True(t, js[bool](t, ctx, `(() => { const r = `+bar+`.getBoundingClientRect(); return r.height > 0 && r.bottom <= innerHeight + 1 })()`), "the result bar is on screen")
		js[bool](t, ctx, `(document.querySelector('input[name="jobs"][value="hours"]').click(), true)`)
		until(t, ctx, bar+`.textContent.includes("Hybrid")`, "the result bar follows the answers")
	})

	t.Run("dark mode", func(t *testing.T) {
		ctx := tab(t, ctx)
		setColorScheme(t, ctx, "dark")
		open(t, ctx, base+"/")
		bg := js[string](t, ctx, `getComputedStyle(document.body).backgroundColor`)
		assert.Equal(t, "rgb(18, 19, 23)", bg, "the dark theme follows the system setting")
		setColorScheme(t, ctx, "light")
		open(t, ctx, base+"/")
		assert.Equal(t, "rgb(251, 251, 249)", js[string](t, ctx, `getComputedStyle(document.body).backgroundColor`))
	})

	t.Run("accessibility", func(t *testing.T) {
		axe := axeSource(t)
		ctx := tab(t, ctx)
		check := func(what string) {
			js[bool](t, ctx, axe+";true")
			out := js[string](t, ctx, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}}).then(r => JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5)}))))`)
			var violations []map[string]any
			require.NoError(t, json.Unmarshal([]byte(out), &violations))
			assert.Empty(t, violations, "axe-core finds WCAG 2.2 A/AA violations on %s", what)
		}
		for _, scheme := range []string{"light", "dark"} {
			setColorScheme(t, ctx, scheme)
			for _, path := range append(pagePaths(t), "/recommend", "/comparison?priority=operations-burden", "/recommend?requests=lots",
				"/compare?b.jobs=hours&b.realtime=some", "/search?q=cold+start", "/no-such-page") {
				open(t, ctx, base+path)
				check(path + " (" + scheme + ")")
			}
		}
		// The widget after a live update.
		open(t, ctx, base+"/recommend")
		js[bool](t, ctx, `(document.querySelector('input[name="jobs"][value="hours"]').click(), true)`)
		until(t, ctx, `document.querySelector('[data-testid="verdict"]').dataset.verdict === "hybrid"`, "the update")
		check("/recommend after an update")
	})
}

func setColorScheme(t *testing.T, ctx context.Context, scheme string) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	}))
	require.NoError(t, err)
}

// pagePaths lists every page of the site.
func pagePaths(t *testing.T) []string {
	site, err := web.Load(content.FS())
	require.NoError(t, err)
	var paths []string
	for _, p := range site.All() {
		paths = append(paths, p.Path)
	}
	return paths
}

// axeSource reads axe-core, which .ci/run installs with npm into .cache/e2e
// (AXE_PATH overrides); it is not part of the repository.
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("AXE_PATH")
	if path == "" {
		path = filepath.Join("..", ".cache", "e2e", "node_modules", "axe-core", "axe.min.js")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs axe-core at %s: %v", path, err)
		}
		t.Skipf("axe-core not found at %s: run npm install --prefix .cache/e2e axe-core", path)
	}
	return string(src)
}
