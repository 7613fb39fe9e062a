package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The browser tests drive Debian's Chromium, headless, against the real
// server on loopback. Without Chromium they are skipped on a developer's
// machine; in CI (CI set) a missing browser fails the run.

const chromiumPath = "/usr/bin/chromium"

// hybridPath is a result with everything a result can show: a hard limit,
// more reasons than fit, the cost, a split, flips and guidelines.
const hybridPath = "/recommend?stage=scaleup&traffic=spiky&requests=2000000&jobs=hours"

// closeCallPath is a close call: a hybrid, narrowly ahead of serverless
// containers.
const closeCallPath = "/recommend?requests=5000000&jobs=hours"

// growthPath is serverless containers while the functions still cost less,
// for a volume that grows 10% a month until the containers become the
// cheapest option: the page shows the growth timeline. A dedicated team:
// a part-time one's hours are weighed, which adds a caveat on the later
// servers' upkeep and a third printed page.
const growthPath = "/recommend?stage=enterprise&traffic=spiky&requests=10000000&jobs=hours&realtime=some&ops=dedicated&growth=10"

// manyReasonsPath has more reasons for its verdict than the page shows
// before "more reasons".
const manyReasonsPath = "/recommend?stage=enterprise&traffic=steady&requests=3000000000&duration=800&realtime=core&data=heavy&codebase=existing&control=full&ops=dedicated&latency=critical"

// growthComparePath compares today with a scenario that grows.
const growthComparePath = "/compare?a.requests=2000000&b.stage=enterprise&b.traffic=spiky&b.requests=10000000&b.jobs=hours&b.realtime=some&b.growth=10"

// chromium starts one browser for a test and serves the site beside it.
// slow delays the server's answers to htmx requests, as a slow network
// would; 0 turns the delay off.
func chromium(t *testing.T) (ctx context.Context, base string, slow func(time.Duration)) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests are skipped with -short")
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		needTool(t, "Chromium", err, "apt-get install chromium")
	}
	site := embeddedSite(t)
	var delay atomic.Int64
	handler := New(site, Config{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if d := time.Duration(delay.Load()); d > 0 && r.Header.Get("HX-Request") == "true" {
			select {
			case <-time.After(d):
			case <-r.Context().Done():
				return
			}
		}
		handler.ServeHTTP(w, r)
	}))
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
	return ctx, srv.URL, func(d time.Duration) { delay.Store(int64(d)) }
}

// tab opens a new tab in the browser of ctx.
func tab(t *testing.T, ctx context.Context) context.Context {
	t.Helper()
	// No step of a test may hang the run: the tab closes after a minute.
	return tabFor(t, ctx, time.Minute)
}

// tabFor opens a new tab that closes after d.
func tabFor(t *testing.T, ctx context.Context, d time.Duration) context.Context {
	t.Helper()
	tabCtx, cancel := chromedp.NewContext(ctx)
	t.Cleanup(cancel)
	require.NoError(t, chromedp.Do(tabCtx, chromedp.Navigate("about:blank")))
	limited, cancelLimit := context.WithTimeout(tabCtx, d)
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

// until waits for a JavaScript condition to hold. It evaluates the
// condition again and again instead of using chromedp.Poll, whose poll runs
// in the document it started in and fails ("Cannot find context with
// specified id") when a navigation replaces that document meanwhile; each
// evaluation here runs in the current document. A condition that throws,
// say on an element not there yet, has not held yet.
func until(t *testing.T, ctx context.Context, cond, what string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var last error
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		last = err
		if time.Now().After(deadline) {
			t.Fatalf("waiting until %s (%s): %v", what, cond, last)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func click(t *testing.T, ctx context.Context, selector string) {
	t.Helper()
	js[bool](t, ctx, `(document.querySelector(`+strconv.Quote(selector)+`).click(), true)`)
}

func verdict(t *testing.T, ctx context.Context) string {
	return js[string](t, ctx, `document.querySelector('[data-testid="verdict"]').dataset.verdict`)
}

func viewport(t *testing.T, ctx context.Context, width, height int64) {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(width, height)))
}

// typeNumber puts a value in a number field as typing would.
func typeNumber(t *testing.T, ctx context.Context, name, value string) {
	t.Helper()
	js[bool](t, ctx, `(() => { const i = document.querySelector('#advisor-form input[name="`+name+`"]'); i.value = `+strconv.Quote(value)+`; i.dispatchEvent(new Event("input", {bubbles: true})); return true })()`)
}

func TestBrowser(t *testing.T) {
	ctx, base, slow := chromium(t)

	t.Run("widget flow", func(t *testing.T) { testWidgetFlow(t, tab(t, ctx), base) })
	t.Run("one history entry per visit", func(t *testing.T) { testHistory(t, tab(t, ctx), base) })
	t.Run("feedback on a slow network", func(t *testing.T) {
		defer slow(0)
		slow(1500 * time.Millisecond)
		testSlowUpdate(t, tab(t, ctx), base)
	})
	t.Run("the server validates", func(t *testing.T) { testServerValidates(t, tab(t, ctx), base) })
	t.Run("copy link", func(t *testing.T) { testCopyLink(t, tab(t, ctx), base) })
	t.Run("without JavaScript", func(t *testing.T) { testWithoutJavaScript(t, tab(t, ctx), base) })
	t.Run("verdict at a glance", func(t *testing.T) { testVerdictAtAGlance(t, tab(t, ctx), base) })
	t.Run("cost chart", func(t *testing.T) { testCostChart(t, tab(t, ctx), base) })
	t.Run("growth timeline", func(t *testing.T) { testGrowthTimeline(t, tab(t, ctx), base) })
	t.Run("no exact break-even", func(t *testing.T) { testNoExactBreakEven(t, tab(t, ctx), base) })
	t.Run("scenarios' bills", func(t *testing.T) { testScenarioBills(t, tab(t, ctx), base) })
	t.Run("comparison priorities", func(t *testing.T) { testComparisonPriorities(t, tab(t, ctx), base) })
	t.Run("keyboard only", func(t *testing.T) { testKeyboard(t, tab(t, ctx), base) })
	t.Run("phone", func(t *testing.T) { testPhone(t, tab(t, ctx), base) })
	t.Run("nothing stuck in the way", func(t *testing.T) { testStuckAreas(t, tab(t, ctx), base) })
	t.Run("scenarios in view", func(t *testing.T) { testScenariosInView(t, tab(t, ctx), base) })
	t.Run("guide pages", func(t *testing.T) { testGuidePages(t, tab(t, ctx), base) })
	t.Run("type scale", func(t *testing.T) { testTypeScale(t, tab(t, ctx), base) })
	t.Run("tables fit", func(t *testing.T) { testTablesFit(t, tab(t, ctx), base) })
	t.Run("chart labels", func(t *testing.T) { testChartLabels(t, tab(t, ctx), base) })
	t.Run("no word cut in two", func(t *testing.T) { testNoBrokenWords(t, tab(t, ctx), base) })
	t.Run("actions at hand", func(t *testing.T) { testActionsAtHand(t, tab(t, ctx), base) })
	t.Run("print", func(t *testing.T) { testPrint(t, tab(t, ctx), base) })
	t.Run("dark mode", func(t *testing.T) { testDarkMode(t, tab(t, ctx), base) })
	// axe-core on every page, in two schemes and on phones, takes more
	// than the minute a tab is given on two shared cores.
	t.Run("accessibility", func(t *testing.T) { testAccessibility(t, tabFor(t, ctx, 5*time.Minute), base) })
}

// testWidgetFlow: answers change the result without a page load; the
// address bar and the title follow; reloading the permalink shows the same.
func testWidgetFlow(t *testing.T, ctx context.Context, base string) {
	open(t, ctx, base+"/recommend")
	assert.Equal(t, "serverless", verdict(t, ctx))
	assert.Contains(t, js[string](t, ctx, `document.querySelector('[data-testid="verdict-kicker"]').textContent`), "typical answers", "untouched answers are a starting point")
	js[bool](t, ctx, `window.sameDocument = true`)

	click(t, ctx, `input[name="traffic"][value="spiky"]`)
	until(t, ctx, `location.search === "?traffic=spiky"`, "the address bar holds the permalink")
	until(t, ctx, `document.querySelector('[data-testid="verdict-kicker"]').textContent === "Recommendation"`, "an answer makes it a recommendation")
	assert.Equal(t, "Recommendation: Serverless functions · Server or Less", js[string](t, ctx, `document.title`), "the title follows the result")
	click(t, ctx, `input[name="jobs"][value="hours"]`)
	until(t, ctx, `location.search === "?traffic=spiky&jobs=hours"`, "the address bar follows each change")
	until(t, ctx, `document.querySelector('[data-testid="verdict"]').dataset.verdict === "hybrid"`, "the result updates")
	assert.True(t, js[bool](t, ctx, `window.sameDocument === true`), "no page load happened")
	assert.Contains(t, js[string](t, ctx, `document.getElementById("result-status").textContent`), "Hybrid", "screen readers hear the new verdict")
	assert.Contains(t, js[string](t, ctx, `document.getElementById("progress").textContent`), "2 of ", "the progress count follows")

	// Typing a number updates the result after a pause.
	before := js[string](t, ctx, `document.querySelector('[data-testid="cost-functions-total"]').textContent`)
	typeNumber(t, ctx, "requests", "2000000000")
	until(t, ctx, `location.search === "?traffic=spiky&requests=2000000000&jobs=hours"`, "a typed number reaches the permalink")
	until(t, ctx, `document.querySelector('[data-testid="cost-functions-total"]').textContent !== `+strconv.Quote(before), "the cost follows the volume")
	after := js[string](t, ctx, `document.querySelector('[data-testid="cost-functions-total"]').textContent`)
	shown := verdict(t, ctx)

	require.NoError(t, chromedp.Do(ctx, chromedp.Reload()))
	until(t, ctx, `document.querySelector('[data-testid="verdict"]') !== null`, "the page reloads")
	assert.Equal(t, shown, verdict(t, ctx), "reloading the permalink shows the same result")
	assert.Equal(t, after, js[string](t, ctx, `document.querySelector('[data-testid="cost-functions-total"]').textContent`))
	assert.Equal(t, "hours", js[string](t, ctx, `document.querySelector('input[name="jobs"]:checked').value`), "with the same answers")
	assert.Equal(t, "2000000000", js[string](t, ctx, `document.querySelector('input[name="requests"]').value`))
}

// testHistory: the address bar is replaced, not pushed: four answers add no
// history entry, Back leaves the advisor and Forward returns to the last
// answers.
func testHistory(t *testing.T, ctx context.Context, base string) {
	open(t, ctx, base+"/")
	open(t, ctx, base+"/recommend")
	entries := js[int](t, ctx, `history.length`)
	click(t, ctx, `input[name="traffic"][value="spiky"]`)
	until(t, ctx, `location.search === "?traffic=spiky"`, "the first answer")
	click(t, ctx, `input[name="jobs"][value="hours"]`)
	until(t, ctx, `location.search === "?traffic=spiky&jobs=hours"`, "the second")
	click(t, ctx, `input[name="stage"][value="scaleup"]`)
	until(t, ctx, `location.search === "?stage=scaleup&traffic=spiky&jobs=hours"`, "the third")
	typeNumber(t, ctx, "requests", "5000000")
	last := "?stage=scaleup&traffic=spiky&requests=5000000&jobs=hours"
	until(t, ctx, `location.search === "`+last+`"`, "the fourth")
	assert.LessOrEqual(t, js[int](t, ctx, `history.length`), entries+1, "four answers add at most one history entry")

	js[bool](t, ctx, `(history.back(), true)`)
	until(t, ctx, `location.pathname === "/"`, "Back leaves the advisor")
	js[bool](t, ctx, `(history.forward(), true)`)
	until(t, ctx, `location.search === "`+last+`" && document.querySelector('input[name="stage"]:checked').value === "scaleup"`, "Forward comes back to the last answers")
}

// testSlowUpdate: with a slow server the result dims and says "Updating…"
// while the request runs; the new verdict flashes and stays in view.
func testSlowUpdate(t *testing.T, ctx context.Context, base string) {
	// Each width asks for answers no other test asks for: the browser's
	// cache would answer a request it has seen before at once.
	for width, start := range map[int64]string{1280: "/recommend?traffic=spiky&requests=3000001", 390: "/recommend?traffic=unpredictable&requests=3000002"} {
		viewport(t, ctx, width, 800)
		open(t, ctx, base+start)
		old := verdict(t, ctx)
		// Answer a question far down the form: the verdict must stay in sight.
		js[bool](t, ctx, `(document.getElementById("q-jobs").scrollIntoView({block: "center"}), true)`)
		click(t, ctx, `input[name="jobs"][value="hours"]`)
		until(t, ctx, `document.getElementById("result").classList.contains("htmx-request")`, "the request starts at "+strconv.Itoa(int(width))+" px")
		until(t, ctx, `(() => { const u = getComputedStyle(document.querySelector('#result [data-testid="updating"]')); return u.visibility === "visible" && u.opacity === "1" })()`, "the result says it is updating")
		assert.Less(t, js[float64](t, ctx, `parseFloat(getComputedStyle(document.querySelector('[data-testid="verdict"]')).opacity)`), 0.6, "the old result is dimmed (%d px)", width)
		assert.Equal(t, old, verdict(t, ctx), "the old result stays until the new one arrives")
		if width < 800 {
			assert.True(t, js[bool](t, ctx, `getComputedStyle(document.querySelector('#jump-to-result .updating')).visibility === "visible"`), "the phone's result bar says so too")
		}
		until(t, ctx, `document.querySelector('[data-testid="verdict"]').dataset.verdict !== "`+old+`"`, "the new verdict arrives")
		until(t, ctx, `!document.getElementById("result").classList.contains("htmx-request") && getComputedStyle(document.querySelector('[data-testid="verdict"]')).opacity === "1"`, "the result is no longer dimmed")
		// The flash is an animation that ends; what stays is the mark each
		// flash leaves on the element and the count on the body, set once
		// per update.
		until(t, ctx, `document.body.getAttribute("data-verdict-changes") === "1"`, "one flash for one new verdict at "+strconv.Itoa(int(width))+" px")
		if width < 800 {
			assert.Equal(t, old, js[string](t, ctx, `document.getElementById("jump-to-result").getAttribute("data-verdict-changed")`), "the result bar in sight flashes")
		} else {
			assert.Equal(t, old, js[string](t, ctx, `document.querySelector('[data-testid="verdict"]').getAttribute("data-verdict-changed")`), "the new verdict flashes")
			assert.True(t, js[bool](t, ctx, `(() => { const r = document.getElementById("result-title").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight })()`), "the verdict is in view")
		}
	}
}

// testServerValidates: an out-of-range number is sent anyway (the browser's
// own validation does not block it) and the server's message shows next to
// the field; a good value clears it.
func testServerValidates(t *testing.T, ctx context.Context, base string) {
	open(t, ctx, base+"/recommend?traffic=spiky")
	typeNumber(t, ctx, "memory", "64")
	until(t, ctx, `document.getElementById("error-memory").textContent.includes("at least 128")`, "the server's message next to the field")
	until(t, ctx, `document.getElementById("q-memory").getAttribute("aria-invalid") === "true"`, "the field says it is invalid")
	assert.Equal(t, "?traffic=spiky", js[string](t, ctx, `location.search`), "the permalink keeps the valid answers")
	typeNumber(t, ctx, "memory", "256")
	until(t, ctx, `document.getElementById("error-memory").textContent === "" && location.search === "?traffic=spiky&memory=256"`, "a good value clears the message")
	until(t, ctx, `!document.getElementById("q-memory").hasAttribute("aria-invalid")`, "and the field's invalid state")
}

func testCopyLink(t *testing.T, ctx context.Context, base string) {
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
	button := `document.querySelector('[data-testid="result-actions"] button[data-copy]')`
	until(t, ctx, `!`+button+`.hidden`, "the copy button appears where the clipboard works")
	js[bool](t, ctx, `(`+button+`.click(), true)`)
	until(t, ctx, button+`.textContent === "Copied"`, "the button confirms")
	link := js[string](t, ctx, `navigator.clipboard.readText()`)
	assert.Equal(t, base+"/recommend?traffic=spiky", link, "the clipboard holds the permalink")
	assert.Equal(t, link, js[string](t, ctx, `document.getElementById("permalink").value`), "the same as the link field")
}

// testWithoutJavaScript: the form submits, the server renders the result,
// and the reader lands on it.
func testWithoutJavaScript(t *testing.T, ctx context.Context, base string) {
	_, err := chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	require.NoError(t, err)
	viewport(t, ctx, 390, 800)
	open(t, ctx, base+"/recommend")
	for _, selector := range []string{`input[name="traffic"][value="spiky"]`, `input[name="jobs"][value="hours"]`, `#advisor-form button[type="submit"]`} {
		// In the middle of the screen, clear of the result bar at the bottom.
		js[bool](t, ctx, `(document.querySelector(`+strconv.Quote(selector)+`).scrollIntoView({block: "center", behavior: "instant"}), true)`)
		require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(selector))), selector)
	}
	require.NoError(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`[data-testid="verdict"][data-verdict="hybrid"]`))), "the server renders the new result")
	url, err := chromedp.Run(ctx, chromedp.Location())
	require.NoError(t, err)
	assert.Regexp(t, `/recommend\?traffic=spiky&jobs=hours#result$`, url, "the canonical permalink, on the result")
	until(t, ctx, `Math.abs(document.getElementById("result").getBoundingClientRect().top) < 20`, "the result is at the top of the screen")
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid="constraints"]`)))
	require.NoError(t, err)
	assert.Contains(t, text, "15 minutes", "the full result, rendered by the server")
}

func testComparisonPriorities(t *testing.T, ctx context.Context, base string) {
	open(t, ctx, base+"/comparison")
	click(t, ctx, `#priority-long-running-processes`)
	until(t, ctx, `location.search === "?priority=long-running-processes"`, "the priorities are in the URL")
	until(t, ctx, `document.querySelector('[data-testid="tally-headline"]').textContent.includes("1 priority")`, "the tally follows")
	click(t, ctx, `#priority-operations-burden`)
	until(t, ctx, `location.search === "?priority=long-running-processes&priority=operations-burden"`, "in the scorecard's order")
	assert.Equal(t, 2, js[int](t, ctx, `[...document.querySelectorAll('[data-testid="scorecard-row"]')].filter(r => getComputedStyle(r.cells[0]).backgroundColor !== getComputedStyle(document.querySelector('[data-testid="scorecard-row"]:not(:has(:checked)) td')).backgroundColor).length`), "the marked rows are highlighted")
	require.NoError(t, chromedp.Do(ctx, chromedp.Reload()))
	until(t, ctx, `document.querySelectorAll('[data-testid="scorecard-row"] input:checked').length === 2`, "reloading keeps the priorities")
}

// focusShown reports whether the focused element, or for a radio its option
// card, shows a focus ring.
const focusShown = `(() => {
	const e = document.activeElement;
	const ring = e.type === "radio" ? e.closest(".option") : e;
	return getComputedStyle(ring).outlineStyle !== "none" && getComputedStyle(ring).outlineWidth !== "0px";
})()`

func testKeyboard(t *testing.T, ctx context.Context, base string) {
	open(t, ctx, base+"/recommend")
	var order []string
	for range 14 {
		require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)))
		order = append(order, js[string](t, ctx, `(() => { const e = document.activeElement; return e.tagName + (e.name ? ":" + e.name : "") + (e.className ? "." + e.className : "") })()`))
		assert.True(t, js[bool](t, ctx, focusShown), "focus is visible on %s", order[len(order)-1])
	}
	assert.Equal(t, "A.skip-link", order[0], "the first stop skips to the content")
	assert.Contains(t, order, "INPUT:traffic", "the questions are reachable by keyboard")

	// The ring goes round the whole option card.
	js[bool](t, ctx, `(document.querySelector('input[name="traffic"]:checked').focus(), true)`)
	require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown)))
	assert.Equal(t, "3px", js[string](t, ctx, `getComputedStyle(document.activeElement.closest(".option")).outlineWidth`), "the option card has the ring")
	until(t, ctx, `location.search === "?traffic=spiky"`, "an arrow key changes the answer and the result")

	// Arrowing through a group sends one request for the burst, not one a
	// key. (A key more than the debounce apart from the last starts a new
	// burst, so the test asks for fewer requests than keys.)
	js[bool](t, ctx, `window.requests = 0; document.body.addEventListener("htmx:beforeRequest", () => window.requests++); true`)
	require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown)))
	until(t, ctx, `location.search === "" && document.querySelector('input[name="traffic"]:checked').value === "cyclical"`, "the last of three arrows lands")
	assert.Less(t, js[int](t, ctx, `window.requests`), 3, "three arrow keys send fewer than three requests")
}

// wideElements lists the elements wider than the viewport (left out: those
// clipped to nothing for screen readers), and the page itself if it scrolls
// sideways.
const wideElements = `(() => {
	const vw = document.documentElement.clientWidth;
	const clipped = e => { for (; e; e = e.parentElement) { const s = getComputedStyle(e); if (s.clip !== "auto" || s.clipPath !== "none") return true; } return false; };
	const wide = [];
	if (document.documentElement.scrollWidth > vw) wide.push("the page (" + document.documentElement.scrollWidth + " px)");
	for (const e of document.body.querySelectorAll("*")) {
		const w = e.getBoundingClientRect().width;
		if (w > vw + 0.5 && !clipped(e)) wide.push(e.tagName.toLowerCase() + "." + String(e.className).trim().split(/\s+/).join(".") + " (" + Math.round(w) + " px)");
	}
	return wide.slice(0, 5);
})()`

func testPhone(t *testing.T, ctx context.Context, base string) {
	viewport(t, ctx, 320, 740)
	for _, path := range append(pagePaths(t), "/recommend", hybridPath, closeCallPath, growthPath, growthComparePath, "/compare?b.jobs=hours&b.realtime=some",
		"/comparison?priority=operations-burden", "/search?q=cold+start", "/no-such-page") {
		open(t, ctx, base+path)
		assert.Empty(t, js[[]string](t, ctx, wideElements), "%s at 320 px: elements wider than the screen", path)
	}
	viewport(t, ctx, 390, 800)
	for _, path := range []string{hybridPath, growthPath, "/comparison", "/compare?b.jobs=hours&b.realtime=some", growthComparePath} {
		open(t, ctx, base+path)
		assert.Empty(t, js[[]string](t, ctx, wideElements), "%s at 390 px: elements wider than the screen", path)
	}
	// Opened, the tables of numbers fit as well.
	viewport(t, ctx, 320, 740)
	for _, path := range []string{growthPath, growthComparePath} {
		open(t, ctx, base+path)
		js[bool](t, ctx, `(document.querySelectorAll("details").forEach(d => d.open = true), true)`)
		assert.Empty(t, js[[]string](t, ctx, wideElements), "%s at 320 px, every table open: elements wider than the screen", path)
	}
	// Tables become cards whose cells name their column.
	open(t, ctx, base+"/differences")
	assert.Equal(t, "block", js[string](t, ctx, `getComputedStyle(document.querySelector(".prose table tr")).display`), "a table row is a card")
	assert.NotEqual(t, "none", js[string](t, ctx, `getComputedStyle(document.querySelector(".prose td[data-label]:not([data-label=''])"), "::before").content`), "a cell names its column")
	open(t, ctx, base+"/compare?b.jobs=hours")
	assert.True(t, js[bool](t, ctx, `(() => { const row = document.querySelector(".compare-table tbody tr"); const [q, a, b] = [...row.children].map(c => c.getBoundingClientRect()); return a.top >= q.bottom - 1 && b.top >= a.bottom - 1 })()`), "scenarios A and B sit under their question")
	open(t, ctx, base+"/")
	assert.True(t, js[bool](t, ctx, `document.querySelector('[data-testid="quick-advisor"]').getBoundingClientRect().top < document.querySelector('[data-testid="article"]').getBoundingClientRect().top`), "the quick check comes before the prose")

	// The verdict stays in sight while the reader answers.
	open(t, ctx, base+"/recommend")
	bar := `document.getElementById("jump-to-result")`
	assert.True(t, js[bool](t, ctx, `(() => { const r = `+bar+`.getBoundingClientRect(); return r.height > 0 && r.bottom <= innerHeight + 1 })()`), "the result bar is on screen")
	click(t, ctx, `input[name="jobs"][value="hours"]`)
	until(t, ctx, bar+`.textContent.includes("Hybrid")`, "the result bar follows the answers")
}

// brokenWords lists the words of the main content that wrap in the middle
// (a break after a hyphen or a slash is a normal break, not a cut).
const brokenWords = `(() => {
	const broken = [];
	const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
	const range = document.createRange();
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		const el = n.parentElement;
		if (!el || el.closest("svg, .visually-hidden") || !el.getClientRects().length) continue;
		for (const m of n.data.matchAll(/[^\s\-\u2010-\u2015\/·,]+/g)) {
			range.setStart(n, m.index);
			range.setEnd(n, m.index + m[0].length);
			const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
			if (lines.size > 1) broken.push(m[0]);
		}
	}
	return broken;
})()`

func testNoBrokenWords(t *testing.T, ctx context.Context, base string) {
	for _, width := range []int64{320, 390, 768, 1024, 1280, 1366, 1920} {
		viewport(t, ctx, width, 900)
		for _, path := range []string{"/recommend", hybridPath, growthPath, "/compare?b.jobs=hours", growthComparePath} {
			open(t, ctx, base+path)
			js[bool](t, ctx, `(document.querySelectorAll("details").forEach(d => d.open = true), true)`)
			assert.Empty(t, js[[]string](t, ctx, brokenWords), "%s at %d px: words cut in two", path, width)
		}
	}
	// At 1920 the advisor uses the width: the form and the result fill it.
	viewport(t, ctx, 1920, 1000)
	open(t, ctx, base+"/recommend")
	assert.Greater(t, js[float64](t, ctx, `document.querySelector(".advisor").getBoundingClientRect().width`), 1600.0, "the advisor spreads at 1920 px")
}

// testActionsAtHand: the actions sit right under the verdict; the header
// links the scenario comparison, whose verdicts come before its form.
func testActionsAtHand(t *testing.T, ctx context.Context, base string) {
	for _, width := range []int64{390, 1366} {
		viewport(t, ctx, width, 900)
		open(t, ctx, base+hybridPath)
		below := js[float64](t, ctx, `document.querySelector('[data-testid="adr-link"]').getBoundingClientRect().top - document.getElementById("result").getBoundingClientRect().top`)
		assert.Less(t, below, 700.0, "the decision record is %.0f px below the top of the result at %d px", below, width)
		assert.Equal(t, "visible", js[string](t, ctx, `getComputedStyle(document.getElementById("result")).overflowY`), "no scroll panel inside the page")
	}
	assert.Equal(t, "Scenarios", js[string](t, ctx, `document.querySelector('.site-nav a[href="/compare"]').textContent`), "the header links the scenario comparison")
	open(t, ctx, base+"/compare?b.jobs=hours")
	assert.True(t, js[bool](t, ctx, `document.querySelector('[data-testid="compare-verdict"]').getBoundingClientRect().top < document.querySelector('[data-testid="compare-form"]').getBoundingClientRect().top`), "the verdicts come before the form")
}

// pdfPage matches a page object of a PDF (not the /Pages tree).
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// testPrint: a printed result is headed by its verdict, date and link, shows
// every reason and fits two A4 pages; a comparison prints as a table.
func testPrint(t *testing.T, ctx context.Context, base string) {
	viewport(t, ctx, 1280, 900)
	// The longest results: a hybrid with every part of a result, a close
	// call with a dozen flips, one with the
	// timeline, one with more reasons than show at first; and the
	// scenarios with both timelines.
	closeHybrid := closeCallPath
	chosenFor := map[string]string{closeHybrid: "hybrid", growthPath: "containers"}
	for _, path := range []string{hybridPath, closeHybrid, growthPath, manyReasonsPath, growthComparePath} {
		open(t, ctx, base+path)
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
		require.NoError(t, err)
		pages := len(pdfPage.FindAll(pdf, -1))
		assert.True(t, pages >= 1 && pages <= 2, "%s prints on %d A4 pages, want at most 2", path, pages)
		if want, ok := chosenFor[path]; ok {
			assert.Equal(t, want, verdict(t, ctx), "%s is still the result it was chosen for", path)
		}
	}
	open(t, ctx, base+hybridPath)
	assert.Equal(t, "Recommendation: Hybrid · Server or Less", js[string](t, ctx, `document.title`), "the page is titled after its result")
	until(t, ctx, `document.querySelector("[data-today]").textContent !== ""`, "the date is filled in")
	emulateMedia(t, ctx, "print")
	defer emulateMedia(t, ctx, "")
	header := `document.querySelector('[data-testid="print-header"]')`
	assert.Equal(t, "Recommendation: Hybrid", js[string](t, ctx, header+`.querySelector("strong").textContent`))
	assert.Regexp(t, `^\d{1,2} \w+ 20\d\d$`, js[string](t, ctx, header+`.querySelector(".print-date").textContent`), "the day it is printed")
	assert.Regexp(t, `^127\.0\.0\.1:\d+/recommend\?stage=scaleup&traffic=spiky&requests=2000000&jobs=hours$`, js[string](t, ctx, header+`.querySelector(".print-link").textContent`), "the short link")
	assert.Contains(t, js[string](t, ctx, `getComputedStyle(`+header+`.querySelector(".print-link"), "::before").content`), "·", "separated by dots")
	assert.Equal(t, "none", js[string](t, ctx, `getComputedStyle(document.getElementById("advisor-form")).display`), "the questions are left out")

	// A result with more reasons than the page shows at first.
	open(t, ctx, base+manyReasonsPath)
	assert.Zero(t, js[int](t, ctx, `[...document.querySelectorAll('[data-testid="reason"]')].filter(r => r.getBoundingClientRect().height === 0).length`), "every reason prints, collapsed ones too")
	assert.Greater(t, js[int](t, ctx, `document.querySelectorAll('.more-reasons [data-testid="reason"]').length`), 0, "(the result has collapsed reasons)")

	// Paper gets the narrow charts, whose labels stay legible at the
	// size a column prints them; the timeline prints too.
	open(t, ctx, base+growthPath)
	for _, chart := range []string{"cost-chart-narrow", "timeline-chart-narrow"} {
		assert.Greater(t, js[float64](t, ctx, `document.querySelector('[data-testid="`+chart+`"] svg').getBoundingClientRect().height`), 50.0, "%s prints", chart)
	}
	assert.Equal(t, "none", js[string](t, ctx, `getComputedStyle(document.querySelector('[data-testid="cost-chart-wide"]')).display`))

	open(t, ctx, base+"/compare?b.jobs=hours")
	assert.Equal(t, "none", js[string](t, ctx, `getComputedStyle(document.querySelector('[data-testid="compare-form"]')).display`), "no fields in print")
	assert.Greater(t, js[float64](t, ctx, `document.querySelector('[data-testid="compare-print"] table').getBoundingClientRect().height`), 100.0, "the answers print as a table")
}

func testDarkMode(t *testing.T, ctx context.Context, base string) {
	setColorScheme(t, ctx, "dark")
	open(t, ctx, base+"/")
	assert.Equal(t, "rgb(18, 19, 23)", js[string](t, ctx, `getComputedStyle(document.body).backgroundColor`), "the dark theme follows the system setting")
	setColorScheme(t, ctx, "light")
	open(t, ctx, base+"/")
	assert.Equal(t, "rgb(251, 251, 249)", js[string](t, ctx, `getComputedStyle(document.body).backgroundColor`))
}

func testAccessibility(t *testing.T, ctx context.Context, base string) {
	axe := axeSource(t)
	check := func(what string) {
		js[bool](t, ctx, axe+";true")
		out := js[string](t, ctx, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}}).then(r => JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5)}))))`)
		var violations []map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &violations))
		assert.Empty(t, violations, "axe-core finds WCAG 2.2 A/AA violations on %s", what)
	}
	for _, scheme := range []string{"light", "dark"} {
		setColorScheme(t, ctx, scheme)
		for _, path := range append(pagePaths(t), "/recommend", closeCallPath, growthPath, growthComparePath, "/comparison?priority=operations-burden", "/recommend?requests=lots",
			"/compare?b.jobs=hours&b.realtime=some", "/search?q=cold+start", "/no-such-page") {
			open(t, ctx, base+path)
			check(path + " (" + scheme + ")")
		}
	}
	setColorScheme(t, ctx, "light")
	// Phones, where targets are closest together (WCAG 2.2 target size).
	viewport(t, ctx, 360, 740)
	for _, path := range []string{"/", "/recommend", hybridPath, growthPath, "/compare?b.jobs=hours", growthComparePath, "/comparison", "/search?q=cold"} {
		open(t, ctx, base+path)
		js[bool](t, ctx, `(document.querySelectorAll("details").forEach(d => d.open = true), true)`)
		check(path + " at 360 px")
	}
	viewport(t, ctx, 1280, 900)
	// The widget after a live update to a split.
	open(t, ctx, base+"/recommend?traffic=spiky")
	click(t, ctx, `input[name="jobs"][value="hours"]`)
	until(t, ctx, `document.querySelector('[data-testid="verdict"]').dataset.verdict === "hybrid"`, "the update")
	until(t, ctx, `getComputedStyle(document.querySelector('[data-testid="verdict"]')).opacity === "1"`, "the result is no longer dimmed")
	check("/recommend after an update")
}

// emulateMedia sets the CSS media type, such as "print"; "" restores the
// screen.
func emulateMedia(t *testing.T, ctx context.Context, media string) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	}))
	require.NoError(t, err)
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
	site := embeddedSite(t)
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
		needTool(t, "axe-core", err, "npm install --prefix .cache/e2e axe-core")
	}
	return string(src)
}

// testVerdictAtAGlance: a close call is headlined as one with its
// runner-up, on a card with both verdicts' colours; the confidence meter
// takes the colour of its band; the deciding limit is a plain box, not an
// error.
func testVerdictAtAGlance(t *testing.T, ctx context.Context, base string) {
	viewport(t, ctx, 1280, 900)
	open(t, ctx, base+closeCallPath)
	assert.Equal(t, "Close call", js[string](t, ctx, `document.querySelector('[data-testid="verdict-kicker"]').textContent`))
	assert.Equal(t, "Hybrid, narrowly ahead of Serverless containers", js[string](t, ctx, `document.getElementById("result-title").textContent`), "the headline names the runner-up")
	edge := js[string](t, ctx, `getComputedStyle(document.querySelector('[data-testid="verdict"]')).boxShadow`)
	containers := js[string](t, ctx, `(() => { const s = document.createElement("span"); s.style.color = "var(--containers)"; document.body.append(s); const c = getComputedStyle(s).color; s.remove(); return c })()`)
	assert.Contains(t, edge, containers, "the runner-up's colour runs beside the verdict's")

	band := func() (class, colour, words string) {
		class = js[string](t, ctx, `document.querySelector('[data-testid="confidence-band"]').className`)
		colour = js[string](t, ctx, `getComputedStyle(document.querySelector('[data-testid="confidence-band"]')).getPropertyValue("--band")`)
		words = js[string](t, ctx, `document.querySelector('[data-testid="confidence-band"] .band-label').textContent`)
		return class, colour, words
	}
	closeClass, closeColour, closeWords := band()
	assert.Contains(t, closeClass, "confidence-close")
	assert.Equal(t, "close call", closeWords)
	open(t, ctx, base+"/recommend?stage=enterprise&traffic=steady&requests=3000000000&control=full&ops=dedicated")
	clearClass, clearColour, clearWords := band()
	assert.Contains(t, clearClass, "confidence-high")
	assert.Equal(t, "clear lead", clearWords)
	assert.NotEqual(t, closeColour, clearColour, "the meter's colour follows the band")
	open(t, ctx, base+"/recommend?stage=mvp&traffic=spiky&requests=20000000&jobs=minutes&ops=dedicated") // leaning
	_, mediumColour, _ := band()
	assert.NotEqual(t, clearColour, mediumColour)
	// A limit that ruled out the verdict that scored highest.
	open(t, ctx, base+"/recommend?traffic=spiky&requests=2000000&memory=12288")

	// The deciding limit: the same plain surface as the result, a neutral
	// border, the heading in the muted kicker style.
	box := `document.querySelector('[data-testid="constraints"]')`
	assert.Equal(t, "Deciding limit", js[string](t, ctx, box+`.querySelector("h3").textContent`))
	assert.Equal(t, js[string](t, ctx, `getComputedStyle(document.getElementById("result")).backgroundColor`), js[string](t, ctx, `getComputedStyle(`+box+`).backgroundColor`), "not an error's red")
	assert.NotEqual(t, js[string](t, ctx, `getComputedStyle(document.querySelector(".field-error")).color`), js[string](t, ctx, `getComputedStyle(`+box+`).borderTopColor`), "no error border")
	assert.Equal(t, "Because 12 GB of memory for a request is more than the largest size on AWS Lambda, 10 GB, which rules functions out.", js[string](t, ctx, `document.querySelector('[data-testid="because"]').textContent`))
}

// chartMarker is where a chart puts the reader's volume: the "You" line,
// and how far the farthest dot is from its own line there.
type chartMarker struct {
	X      float64 `json:"x"`
	Dots   int     `json:"dots"`
	OffCx  float64 `json:"offCx"`
	OffCy  float64 `json:"offCy"`
	Height float64 `json:"height"`
}

// chartMarkerJS measures the chart of the given variant.
func chartMarkerJS(variant string) string {
	return `(() => {
	const svg = document.querySelector('[data-testid="cost-chart-` + variant + `"] svg');
	const x = parseFloat(svg.querySelector('[data-testid="you-line"]').getAttribute("x1"));
	let offCx = 0, offCy = 0, dots = 0;
	for (const dot of svg.querySelectorAll('circle[data-testid^="you-"]')) {
		const pts = svg.querySelector('[data-testid="line-' + dot.dataset.testid.slice(4) + '"]').points;
		for (let i = 1; i < pts.length; i++) {
			if (pts[i].x >= x) {
				const a = pts[i - 1], b = pts[i];
				offCy = Math.max(offCy, Math.abs(a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x) - parseFloat(dot.getAttribute("cy"))));
				break;
			}
		}
		offCx = Math.max(offCx, Math.abs(parseFloat(dot.getAttribute("cx")) - x));
		dots++;
	}
	return {x, dots, offCx, offCy, height: svg.getBoundingClientRect().height};
})()`
}

// narrowChart is the narrow chart as a phone shows it.
type narrowChart struct {
	Wide     string   `json:"wide"`   // the wide variant's display
	Narrow   string   `json:"narrow"` // the narrow one's
	Smallest float64  `json:"smallest"`
	Outside  []string `json:"outside"`
	Overlaps int      `json:"overlaps"`
	Cheapest string   `json:"cheapest"`
}

// narrowChartJS reads the narrow chart as a phone shows it: which variant
// shows, the smallest label in screen pixels, labels outside the picture
// and labels that overlap.
const narrowChartJS = `(() => {
	const fig = document.querySelector('[data-testid="cost-chart-narrow"]'), svg = fig.querySelector("svg");
	const box = svg.getBoundingClientRect(), scale = box.width / svg.viewBox.baseVal.width;
	const texts = [...svg.querySelectorAll("text")];
	const outside = texts.filter(t => { const r = t.getBoundingClientRect(); return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5 }).map(t => t.textContent);
	const marks = [...svg.querySelectorAll(".mark-label")].map(t => t.getBoundingClientRect());
	let overlaps = 0;
	marks.forEach((a, i) => marks.slice(i + 1).forEach(b => { if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps++ }));
	return {
		wide: getComputedStyle(document.querySelector('[data-testid="cost-chart-wide"]')).display,
		narrow: getComputedStyle(fig).display,
		smallest: Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale)),
		outside, overlaps,
		cheapest: svg.querySelector('[data-testid="chart-cheapest"]').textContent,
	};
})()`

// testCostChart: the "You" marker moves with the reader's volume on both
// axes, on the wide chart and on a phone's narrow one, which stays legible
// at 320 px and marks the cheapest option.
func testCostChart(t *testing.T, ctx context.Context, base string) {
	for _, screen := range []struct {
		width   int64
		variant string
	}{{1280, "wide"}, {320, "narrow"}} {
		viewport(t, ctx, screen.width, 900)
		last := 0.0
		for _, requests := range []string{"5000", "2000000", "1000000000"} {
			open(t, ctx, base+"/recommend?requests="+requests)
			m := js[chartMarker](t, ctx, chartMarkerJS(screen.variant))
			assert.Greater(t, m.Height, 100.0, "the %s chart shows at %d px", screen.variant, screen.width)
			assert.Greater(t, m.X, last, "%s chart: \"You\" moves right as the volume grows to %s", screen.variant, requests)
			last = m.X
			assert.Equal(t, 3, m.Dots)
			assert.Less(t, m.OffCx, 0.2, "%s chart at %s: the dots are on the \"You\" line", screen.variant, requests)
			assert.Less(t, m.OffCy, 3.0, "%s chart at %s: each dot is on its option's line", screen.variant, requests)
		}
	}

	viewport(t, ctx, 320, 740)
	for _, path := range []string{"/recommend?requests=5000", hybridPath, "/recommend?requests=100000000000"} {
		open(t, ctx, base+path)
		c := js[narrowChart](t, ctx, narrowChartJS)
		assert.Equal(t, "none", c.Wide, "%s: phones get the narrow chart", path)
		assert.Equal(t, "block", c.Narrow, path)
		assert.GreaterOrEqual(t, c.Smallest, 11.5, "%s: the narrow chart's smallest label is %.1f px", path, c.Smallest)
		assert.Empty(t, c.Outside, "%s: labels inside the chart", path)
		assert.Zero(t, c.Overlaps, "%s: the chart's marks keep apart", path)
		assert.Equal(t, "Cheapest", c.Cheapest, path)
	}
}

// testGrowthTimeline: with growth the page says when the cheapest option
// changes, with the calendar month, and shows the three bills month by
// month, on a phone and in print too; without growth it shows none.
func testGrowthTimeline(t *testing.T, ctx context.Context, base string) {
	viewport(t, ctx, 1280, 900)
	open(t, ctx, base+hybridPath)
	assert.Zero(t, js[int](t, ctx, `document.querySelectorAll('[data-testid="timeline"]').length`), "no growth, no timeline")

	open(t, ctx, base+growthPath)
	growth := js[string](t, ctx, `document.querySelector('[data-testid="growth"]').textContent.replace(/\s+/g, " ").trim()`)
	assert.Regexp(t, `^At 10% growth a month, (AWS Fargate \(Amazon ECS\)|Amazon EC2) becomes the cheapest option in month \d+ \(about [A-Z][a-z]+ 20\d\d\), at about [\d.]+ million requests a month\.$`, growth)
	visible := func(testid string) bool {
		return js[bool](t, ctx, `document.querySelector('[data-testid="`+testid+`"] svg').getBoundingClientRect().height > 50`)
	}
	assert.True(t, visible("timeline-chart-wide"))
	assert.False(t, visible("timeline-chart-narrow"))
	assert.Equal(t, 3, js[int](t, ctx, `document.querySelectorAll('[data-testid="timeline-chart-wide"] path').length`), "a line per option")
	js[bool](t, ctx, `(document.querySelector(".timeline-table").open = true, true)`)
	assert.GreaterOrEqual(t, js[int](t, ctx, `[...document.querySelectorAll('[data-testid="timeline-table"] tbody tr')].filter(r => r.getBoundingClientRect().height > 0).length`), 12, "at least twelve months listed")

	viewport(t, ctx, 320, 740)
	open(t, ctx, base+growthPath)
	assert.True(t, visible("timeline-chart-narrow"), "the narrow timeline on a phone")
	assert.False(t, visible("timeline-chart-wide"))
}

// testNoExactBreakEven: the page says where the bills cross the way a
// person says it; the exact figure, which the API gives, is nowhere in its
// text, the charts' descriptions and the tables included.
func testNoExactBreakEven(t *testing.T, ctx context.Context, base string) {
	viewport(t, ctx, 1280, 900)
	for _, path := range []string{hybridPath, "/recommend?requests=100000000", growthPath} {
		open(t, ctx, base+path)
		js[bool](t, ctx, `(document.querySelectorAll("details").forEach(d => d.open = true), true)`)
		out := js[[]string](t, ctx, `fetch("/api/recommendation" + location.search).then(r => r.json()).then(d => {
			const exact = d.cost.break_even_requests;
			const text = document.querySelector("main").innerText + " " + [...document.querySelectorAll("svg desc")].map(e => e.textContent).join(" ");
			return [String(exact), exact.toLocaleString("en-US")].filter(f => exact > 0 && text.includes(f));
		})`)
		assert.Empty(t, out, "%s shows the exact break-even", path)
		assert.Regexp(t, `cost the same at about [\d.]+ (million|billion) requests a month`, js[string](t, ctx, `document.querySelector('[data-testid="break-even"]').textContent.replace(/\s+/g, " ")`), path)
	}
}

// testScenarioBills: the scenario comparison puts both scenarios' bills
// side by side and, when one grows, both timelines.
func testScenarioBills(t *testing.T, ctx context.Context, base string) {
	viewport(t, ctx, 1280, 900)
	open(t, ctx, base+growthComparePath)
	assert.Equal(t, 3, js[int](t, ctx, `document.querySelectorAll('[data-testid="compare-bills"] tbody tr').length`), "three options; neither scenario is a split")
	assert.Regexp(t, `^\+\$[\d,.]+$`, js[string](t, ctx, `document.querySelector('[data-testid="compare-bill-functions"] td:last-child').textContent`), "B's functions bill against A's")
	assert.Contains(t, js[string](t, ctx, `document.querySelector('[data-testid="compare-growth-b"]').textContent`), "becomes the cheapest option in month")
	assert.GreaterOrEqual(t, js[int](t, ctx, `document.querySelectorAll('[data-testid="compare-timeline-table"] tbody').length`), 7, "every sixth month of three years")

	// A change of answer updates the bills in place.
	js[bool](t, ctx, `window.sameDocument = true`)
	before := js[string](t, ctx, `document.querySelector('[data-testid="compare-bill-functions"] td:nth-of-type(2)').textContent`)
	js[bool](t, ctx, `(() => { const i = document.querySelector('input[name="b.requests"]'); i.value = "40000000"; i.dispatchEvent(new Event("input", {bubbles: true})); return true })()`)
	until(t, ctx, `document.querySelector('[data-testid="compare-bill-functions"] td:nth-of-type(2)').textContent !== `+strconv.Quote(before), "the bills follow the answers")
	assert.True(t, js[bool](t, ctx, `window.sameDocument === true`))
}

// coveredByBar reports how much of the focused element (for a radio, its
// option card) the phone's result bar covers, as a share of its height.
const coveredByBar = `(() => {
	const e = document.activeElement;
	const box = (e.type === "radio" ? e.closest(".option") : e).getBoundingClientRect();
	const bar = document.getElementById("jump-to-result").getBoundingClientRect();
	if (document.getElementById("jump-to-result").contains(e)) return 0;
	if (box.height === 0 || bar.height === 0) return 0;
	return Math.max(0, Math.min(box.bottom, bar.bottom) - Math.max(box.top, bar.top)) / box.height;
})()`

// testStuckAreas: nothing that stays on screen hides the focused field or
// takes much of the screen; a shared permalink opens on its verdict.
func testStuckAreas(t *testing.T, ctx context.Context, base string) {
	// Tabbing through the questions at 390x844 never leaves the focused
	// field under the result bar.
	viewport(t, ctx, 390, 844)
	open(t, ctx, base+"/recommend")
	for i := range 45 {
		require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)))
		name := js[string](t, ctx, `(() => { const e = document.activeElement; return e.tagName + (e.name ? ":" + e.name : "") + " " + e.textContent.trim().slice(0, 20) })()`)
		assert.Zero(t, js[float64](t, ctx, coveredByBar), "stop %d, %s: covered by the result bar at 390x844", i, name)
	}

	// At 320x568 the header and the bar take at most a third of the screen.
	viewport(t, ctx, 320, 568)
	open(t, ctx, base+"/recommend?traffic=spiky")
	taken := js[float64](t, ctx, `document.querySelector(".site-header").getBoundingClientRect().height + document.getElementById("jump-to-result").getBoundingClientRect().height`)
	assert.LessOrEqual(t, taken, 568.0/3, "the header and the result bar take %.0f px of 568", taken)

	// A permalink with answers opens with its verdict on the first screen,
	// the questions one tap away.
	viewport(t, ctx, 390, 844)
	for _, path := range []string{hybridPath, closeCallPath, growthPath} {
		open(t, ctx, base+path)
		bottom := js[float64](t, ctx, `document.querySelector('[data-testid="verdict"] h2').getBoundingClientRect().bottom`)
		assert.LessOrEqual(t, bottom, 844.0, "%s at 390 px: the verdict's headline ends at %.0f px", path, bottom)
		assert.True(t, js[bool](t, ctx, `(() => { const a = document.querySelector('[data-testid="to-form"]'); const r = a.getBoundingClientRect(); return r.height > 0 && a.getAttribute("href") === "#advisor-form" })()`), "%s: the questions one tap away", path)
	}

	// On a laptop the stuck verdict takes at most a quarter of the screen.
	viewport(t, ctx, 1280, 720)
	for _, path := range []string{hybridPath, closeCallPath, "/recommend?traffic=spiky"} {
		open(t, ctx, base+path)
		js[bool](t, ctx, `(window.scrollTo(0, 1500), true)`)
		until(t, ctx, `document.querySelector(".verdict-head").getBoundingClientRect().top === 0 && getComputedStyle(document.querySelector(".verdict-kicker")).display === "none"`, "the verdict sticks and keeps to its headline")
		height := js[float64](t, ctx, `document.querySelector(".verdict-head").getBoundingClientRect().height`)
		assert.LessOrEqual(t, height, 720.0/4, "%s at 1280x720: the stuck verdict is %.0f px high", path, height)
	}
}

// testScenariosInView: while the reader edits scenario B on a phone, both
// verdicts and bills stay in view and follow the answers; one short status
// line is the page's only live region; every number field says its unit.
func testScenariosInView(t *testing.T, ctx context.Context, base string) {
	viewport(t, ctx, 390, 844)
	open(t, ctx, base+growthComparePath)
	assert.Equal(t, 1, js[int](t, ctx, `document.querySelectorAll("[aria-live]").length`), "one live region")
	assert.Equal(t, "compare-status", js[string](t, ctx, `document.querySelector("[aria-live]").id`))
	summary := `document.querySelector('[data-testid="compare-summary"]')`
	before := js[string](t, ctx, summary+`.querySelector('[data-testid="compare-summary-b"]').textContent`)
	js[bool](t, ctx, `(document.querySelector('input[name="b.requests"]').scrollIntoView({block: "center", behavior: "instant"}), true)`)
	js[bool](t, ctx, `(() => { const i = document.querySelector('input[name="b.requests"]'); i.focus(); i.value = "900000000"; i.dispatchEvent(new Event("input", {bubbles: true})); return true })()`)
	until(t, ctx, summary+`.querySelector('[data-testid="compare-summary-b"]').textContent !== `+strconv.Quote(before), "the summary follows scenario B")
	assert.True(t, js[bool](t, ctx, `(() => { const r = `+summary+`.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.height > 0 })()`), "the summary is in view after editing scenario B")
	assert.Less(t, js[float64](t, ctx, summary+`.getBoundingClientRect().height`), 844.0/4, "and compact")
	assert.True(t, js[bool](t, ctx, `(() => { const i = document.querySelector('input[name="b.requests"]').getBoundingClientRect(), s = `+summary+`.getBoundingClientRect(); return i.top >= s.bottom || i.bottom <= s.top })()`), "the summary does not cover the field being edited")
	assert.Equal(t, "900 million requests a month ≈ 342 requests a second", js[string](t, ctx, `document.getElementById("echo-b-requests").textContent`), "the field echoes its value in words as it is typed")
	until(t, ctx, `document.getElementById("compare-status").textContent.startsWith("Scenarios updated:")`, "the status line says so")
	assert.Less(t, len(js[string](t, ctx, `document.getElementById("compare-status").textContent`)), 120, "in a short line")
	assert.Equal(t, 1, js[int](t, ctx, `document.querySelectorAll("[aria-live]").length`), "still one live region")
	// Rates below one a second read as the server writes them
	// (advisor.FormatRate; components.TestNumberEcho has the same words).
	for value, want := range map[string]string{"1234567": "1,234,567 requests a month ≈ 28 requests a minute", "1": "1 request a month ≈ 0.033 requests a day"} {
		js[bool](t, ctx, `(() => { const i = document.querySelector('input[name="b.requests"]'); i.value = `+strconv.Quote(value)+`; i.dispatchEvent(new Event("input", {bubbles: true})); return true })()`)
		assert.Equal(t, want, js[string](t, ctx, `document.getElementById("echo-b-requests").textContent`), value)
	}

	// Every number field says its unit; the changed-row marker sits beside
	// the question, not over it.
	assert.Zero(t, js[int](t, ctx, `[...document.querySelectorAll('.compare-table input[type="number"]')].filter(i => !i.parentElement.querySelector(".unit")?.textContent.trim()).length`), "a unit beside every number")
	for _, width := range []int64{390, 1280} {
		viewport(t, ctx, width, 900)
		covered := js[bool](t, ctx, `(() => {
			const row = document.querySelector(".compare-table tr.changed"), th = row.querySelector("th");
			const marker = getComputedStyle(th).borderLeftWidth !== "0px" ? th : row;
			const range = document.createRange();
			range.selectNodeContents(th);
			return range.getBoundingClientRect().left < marker.getBoundingClientRect().left + parseFloat(getComputedStyle(marker).borderLeftWidth);
		})()`)
		assert.False(t, covered, "at %d px the changed-row marker covers the question", width)
	}

	// A timer's volume counts runs: the echo follows the entry beside it.
	js[bool](t, ctx, `(() => { const e = document.querySelector('select[name="b.entry"]'); e.value = "schedule"; e.dispatchEvent(new Event("change", {bubbles: true})); return true })()`)
	js[bool](t, ctx, `(() => { const i = document.querySelector('input[name="b.requests"]'); i.value = "30"; i.dispatchEvent(new Event("input", {bubbles: true})); return true })()`)
	assert.Equal(t, "30 runs a month ≈ 0.99 runs a day", js[string](t, ctx, `document.getElementById("echo-b-requests").textContent`), "a timer's volume in runs")
	js[bool](t, ctx, `(() => { const e = document.querySelector('select[name="b.entry"]'); e.value = "events"; e.dispatchEvent(new Event("change", {bubbles: true})); return true })()`)
	assert.Equal(t, "30 events a month ≈ 0.99 events a day", js[string](t, ctx, `document.getElementById("echo-b-requests").textContent`), "a new entry renames the volume at once")
}

// testGuidePages: the guide's footnotes lead back to the text with a target
// large enough to hit; every landmark has a name of its own; the FAQ opens
// all its answers at once.
func testGuidePages(t *testing.T, ctx context.Context, base string) {
	axe := axeSource(t)
	viewport(t, ctx, 1280, 900)
	for _, path := range []string{"/comparison", "/differences", "/compare", "/compare?b.jobs=hours", "/faq", hybridPath} {
		open(t, ctx, base+path)
		js[bool](t, ctx, axe+";true")
		out := js[string](t, ctx, `axe.run(document, {runOnly: {type: "rule", values: ["landmark-unique", "region", "target-size"]}}).then(r => JSON.stringify(r.violations.map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ") + " ~ " + [...n.any, ...n.all, ...n.none].flatMap(c => c.relatedNodes.map(r => r.target.join(" "))).join(" ~ ")).slice(0, 4).join(", "))))`)
		var violations []string
		require.NoError(t, json.Unmarshal([]byte(out), &violations))
		assert.Empty(t, violations, "%s: landmarks and targets", path)
	}

	// Footnote back-links: labelled, and 24x24 px or spaced so.
	for _, path := range pagePaths(t) {
		open(t, ctx, base+path)
		small := js[[]string](t, ctx, `[...document.querySelectorAll(".footnote-backref")].filter(a => { const r = a.getBoundingClientRect(); return r.width < 24 || r.height < 24 || !a.textContent.includes("Back to the text") }).map(a => a.getAttribute("href"))`)
		assert.Empty(t, small, "%s: footnote back-links smaller than 24 px or unlabelled", path)
	}

	// "Expand all" on the FAQ opens every answer, and closes them again.
	open(t, ctx, base+"/faq")
	button := `document.querySelector('[data-testid="faq-expand"]')`
	until(t, ctx, `!`+button+`.hidden`, "the button shows with JavaScript")
	js[bool](t, ctx, `(`+button+`.click(), true)`)
	assert.True(t, js[bool](t, ctx, `[...document.querySelectorAll(".faq-list details")].every(d => d.open)`), "every answer open")
	assert.Equal(t, "true", js[string](t, ctx, button+`.getAttribute("aria-expanded")`))
	js[bool](t, ctx, `(`+button+`.click(), true)`)
	assert.True(t, js[bool](t, ctx, `[...document.querySelectorAll(".faq-list details")].every(d => !d.open)`), "and closed again")
}

// fontSizes lists the font sizes of the visible text in the result, SVG
// charts left out (their labels are sized in the chart's own units).
const fontSizes = `(() => {
	const sizes = new Set();
	const walker = document.createTreeWalker(document.getElementById("result"), NodeFilter.SHOW_TEXT);
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		const el = n.parentElement;
		if (!n.data.trim() || !el || el.closest("svg, .visually-hidden, .print-only") || !el.getClientRects().length) continue;
		sizes.add(getComputedStyle(el).fontSize);
	}
	return [...sizes].sort();
})()`

// testTypeScale: the result uses at most six font sizes.
func testTypeScale(t *testing.T, ctx context.Context, base string) {
	for _, width := range []int64{390, 1280} {
		viewport(t, ctx, width, 900)
		for _, path := range []string{hybridPath, closeCallPath, growthPath, "/recommend?cloud=gcp&memory=40000"} {
			open(t, ctx, base+path)
			js[bool](t, ctx, `(document.querySelectorAll("#result details").forEach(d => d.open = true), true)`)
			sizes := js[[]string](t, ctx, fontSizes)
			assert.LessOrEqual(t, len(sizes), 6, "%s at %d px: font sizes %v", path, width, sizes)
		}
	}
}

// cutTables lists the tables wider than the box they scroll in.
const cutTables = `(() => [...document.querySelectorAll("main table")].filter(t => t.getClientRects().length && !t.closest(".print-only")).filter(t => {
	const box = t.closest(".table-scroll") || t.parentElement;
	return box.scrollWidth > box.clientWidth + 1;
}).map(t => (t.dataset.testid || t.className || t.closest("[aria-label]")?.getAttribute("aria-label") || "table") + " " + t.closest(".table-scroll, div").scrollWidth + ">" + t.closest(".table-scroll, div").clientWidth))()`

// testTablesFit: at 1280 px no table of a result or a guide page is cut
// off in its box.
func testTablesFit(t *testing.T, ctx context.Context, base string) {
	viewport(t, ctx, 1280, 900)
	paths := append(pagePaths(t), hybridPath, growthPath, closeCallPath, "/recommend?cloud=gcp&requests=300000000", "/recommend?cloud=azure", growthComparePath)
	for _, path := range paths {
		open(t, ctx, base+path)
		js[bool](t, ctx, `(document.querySelectorAll("main details").forEach(d => d.open = true), true)`)
		assert.Empty(t, js[[]string](t, ctx, cutTables), "%s at 1280 px: tables cut off", path)
	}
}

// chartLabelsJS reads every chart on the page that shows: its smallest
// label in screen pixels and the labels that overlap another, the
// "Cheapest" mark and the axes' labels included.
const chartLabelsJS = `(() => {
	const out = {smallest: 1000, overlaps: [], charts: 0};
	for (const svg of document.querySelectorAll("#result figure svg")) {
		if (!svg.getClientRects().length || svg.getBoundingClientRect().height === 0) continue;
		out.charts++;
		const texts = [...svg.querySelectorAll("text")].filter(t => t.textContent.trim());
		for (const t of texts) out.smallest = Math.min(out.smallest, t.getBoundingClientRect().height > 0 ? parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1000);
		const boxes = texts.map(t => [t.textContent, t.getBoundingClientRect()]);
		boxes.forEach(([na, a], i) => boxes.slice(i + 1).forEach(([nb, b]) => {
			// Glyph boxes include the line's leading: shrink them a little.
			if (a.left + 1 < b.right && b.left + 1 < a.right && a.top + 2 < b.bottom && b.top + 2 < a.bottom) out.overlaps.push(na + "/" + nb);
		}));
	}
	return out;
})()`

type chartLabels struct {
	Smallest float64  `json:"smallest"`
	Overlaps []string `json:"overlaps"`
	Charts   int      `json:"charts"`
}

// testChartLabels: at every width the charts' labels are 11 px or more and
// none runs into another; a bill under a dollar is drawn where it is.
func testChartLabels(t *testing.T, ctx context.Context, base string) {
	for _, width := range []int64{390, 900, 1280, 1920} {
		viewport(t, ctx, width, 900)
		for _, path := range []string{"/recommend?requests=5000", "/recommend?requests=2000000", hybridPath, growthPath, "/recommend?requests=100000000000", "/recommend?cloud=azure&requests=300"} {
			open(t, ctx, base+path)
			c := js[chartLabels](t, ctx, chartLabelsJS)
			assert.Positive(t, c.Charts, "%s at %d px: a chart shows", path, width)
			assert.GreaterOrEqual(t, c.Smallest, 11.0, "%s at %d px: the smallest chart label is %.1f px", path, width, c.Smallest)
			assert.Empty(t, c.Overlaps, "%s at %d px: chart labels overlap", path, width)
		}
	}
	// Functions at 5,000 requests cost cents: the dot sits above the axis.
	viewport(t, ctx, 1280, 900)
	open(t, ctx, base+"/recommend?requests=5000&freetier=no")
	assert.True(t, js[bool](t, ctx, `(() => { const svg = document.querySelector('[data-testid="cost-chart-wide"] svg'); const dot = svg.querySelector('[data-testid="you-functions"]'); const axis = svg.querySelector(".grid line:last-of-type"); return parseFloat(dot.getAttribute("cy")) < parseFloat(svg.querySelector('[data-testid="you-line"]').getAttribute("y2")) - 1 })()`), "a bill under $1 is drawn above the axis")
}
