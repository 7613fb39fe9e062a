package server

import (
	"bytes"
	"image/png"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"serverorless/components/export"
)

func TestLinkPreview(t *testing.T) {
	s := newTestServer(t)
	doc := parse(t, do(t, s, http.MethodGet, "/recommend?stage=scaleup&traffic=spiky&requests=2000000&jobs=hours&realtime=messaging"))
	image := doc.Find(`meta[property="og:image"]`).AttrOr("content", "")
	assert.Equal(t, testBaseURL+"/recommend/card.png?stage=scaleup&traffic=spiky&requests=2000000&jobs=hours&realtime=messaging", image)
	assert.Equal(t, "summary_large_image", doc.Find(`meta[name="twitter:card"]`).AttrOr("content", ""))
	desc := doc.Find(`meta[property="og:description"]`).AttrOr("content", "")
	assert.Contains(t, desc, "Recommendation: Hybrid")
	assert.Contains(t, desc, "Main reasons:")

	rec := do(t, s, http.MethodGet, "/recommend/card.png?stage=scaleup&traffic=spiky&requests=2000000&jobs=hours&realtime=messaging")
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, "image/png", rec.Header().Get("Content-Type"))
	img, err := png.Decode(bytes.NewReader(rec.Body.Bytes()))
	require.NoError(t, err, "the card is a PNG")
	assert.Equal(t, export.CardWidth, img.Bounds().Dx())
	assert.Equal(t, export.CardHeight, img.Bounds().Dy())
	etag := rec.Header().Get("ETag")
	require.NotEmpty(t, etag)

	again := do(t, s, http.MethodGet, "/recommend/card.png?realtime=messaging&jobs=hours&requests=2000000&traffic=SPIKY&stage=scaleup")
	assert.Equal(t, rec.Body.Bytes(), again.Body.Bytes(), "the same answers give the same bytes")
	assert.Equal(t, etag, again.Header().Get("ETag"))
	other := do(t, s, http.MethodGet, "/recommend/card.png?realtime=core")
	assert.NotEqual(t, rec.Body.Bytes(), other.Body.Bytes(), "other answers, another card")
	assert.NotEqual(t, etag, other.Header().Get("ETag"))

	bad := do(t, s, http.MethodGet, "/recommend/card.png?traffic=wavy")
	assert.Equal(t, http.StatusBadRequest, bad.Code)
	assert.Contains(t, parse(t, bad).Find(`[data-testid="error"]`).Text(), `traffic: "wavy" is not a valid answer`, "the message names the field")
}

func TestADR(t *testing.T) {
	s := newTestServer(t)
	rec := do(t, s, http.MethodGet, "/recommend/adr.md?stage=scaleup&traffic=spiky&jobs=hours&realtime=messaging")
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, "text/markdown; charset=utf-8", rec.Header().Get("Content-Type"))
	assert.Equal(t, `attachment; filename="adr-hybrid.md"`, rec.Header().Get("Content-Disposition"))
	adr := rec.Body.String()

	assert.True(t, strings.HasPrefix(adr, "---\nstatus: proposed\ndate: "), "MADR front matter")
	for _, want := range []string{
		"\ndecision-makers: ",
		"\n# Run the HTTP API on AWS Lambda and jobs longer than 15 minutes on Amazon ECS tasks on AWS Fargate\n",
		"Chosen option: \"Hybrid\", because at your numbers the split across AWS Lambda and Amazon ECS tasks on AWS Fargate would cost about",
		"- Shape of the traffic: Spiky",
		"- Longest background job: Longer than 15 minutes",
		"- Good, because jobs that run past 15 minutes need a process",
		"- Bad, because two platforms mean",
		"- When requests pass about ",
		"- When “",
		"- Good, because sudden bursts",
		"- Bad, because background jobs longer than 15 minutes need a process that is sure to run to the end",
		"testBaseURL",
	} {
		if want == "testBaseURL" {
			want = testBaseURL + "/recommend?stage=scaleup&traffic=spiky&jobs=hours&realtime=messaging"
		}
		assert.Contains(t, adr, want)
	}

	// It is valid Markdown with MADR's sections, in order.
	body := adr[strings.Index(adr[3:], "---\n")+7:]
	root := goldmark.New().Parser().Parse(text.NewReader([]byte(body)))
	var headings []string
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering && h.Level <= 2 {
			headings = append(headings, string(h.Lines().Value([]byte(body))))
		}
		return ast.WalkContinue, nil
	})
	assert.NotRegexp(t, `because [A-Z][a-z]`, adr, "clauses after because start in lower case")
	assert.Equal(t, []string{
		"Run the HTTP API on AWS Lambda and jobs longer than 15 minutes on Amazon ECS tasks on AWS Fargate",
		"Context and Problem Statement", "Decision Drivers", "Considered Options",
		"Decision Outcome", "Pros and Cons of the Options", "More Information",
	}, headings)

	doc := parse(t, do(t, s, http.MethodGet, "/recommend?stage=scaleup&traffic=spiky&jobs=hours&realtime=messaging"))
	assert.Equal(t, "/recommend/adr.md?stage=scaleup&traffic=spiky&jobs=hours&realtime=messaging", doc.Find(`[data-testid="adr-link"]`).AttrOr("href", ""))
	assert.Equal(t, 1, doc.Find(`.print-only dl.answers`).Length(), "the print view lists the answers")
}

func TestCompareScenarios(t *testing.T) {
	s := newTestServer(t)
	path := "/compare?a.traffic=spiky&a.jobs=short&b.traffic=spiky&b.jobs=hours&b.realtime=some"
	rec := do(t, s, http.MethodGet, path)
	require.Equal(t, http.StatusOK, rec.Code)
	doc := parse(t, rec)
	checkFrame(t, doc, "Scenarios: compare two sets of answers · Server or Less")
	verdicts := doc.Find(`[data-testid="compare-verdict"]`)
	require.Equal(t, 2, verdicts.Length())
	assert.Equal(t, "serverless", verdicts.Eq(0).AttrOr("data-verdict", ""))
	assert.Equal(t, "hybrid", verdicts.Eq(1).AttrOr("data-verdict", ""))
	assert.Equal(t, "The recommendation changes from Serverless functions to Hybrid.", doc.Find(`[data-testid="compare-outcome"]`).Text())
	changes := doc.Find(`[data-testid="change"]`)
	require.Equal(t, 2, changes.Length(), "the two answers that differ")
	assert.Equal(t, "jobs", changes.Eq(0).AttrOr("data-factor", ""), "the change that flips the verdict on its own comes first")
	assert.Contains(t, changes.Eq(0).Text(), "Under a minute → Longer than 15 minutes")
	assert.Contains(t, changes.Eq(0).Text(), "changes the verdict on its own")
	assert.Equal(t, testBaseURL+"/compare?a.traffic=spiky&a.jobs=short&b.traffic=spiky&b.jobs=hours&b.realtime=some",
		doc.Find(`[data-testid="compare-permalink"]`).AttrOr("value", ""), "a canonical permalink")
	assert.Equal(t, 1, doc.Find(`form[action="/compare#comparison"][method="get"]`).Length(), "works without JavaScript, landing on the comparison")
	assert.Equal(t, "hours", doc.Find(`select[name="b.jobs"] option[selected]`).AttrOr("value", ""))

	// From an advisor permalink, both scenarios start from its answers.
	doc = parse(t, do(t, s, http.MethodGet, "/compare?traffic=spiky"))
	assert.Equal(t, "spiky", doc.Find(`select[name="a.traffic"] option[selected]`).AttrOr("value", ""))
	assert.Equal(t, "spiky", doc.Find(`select[name="b.traffic"] option[selected]`).AttrOr("value", ""))
	assert.Equal(t, 0, doc.Find(`[data-testid="change"]`).Length())

	// htmx gets the comparison alone and the address bar follows, without
	// a history entry per change.
	frag := doHeaders(t, s, path, map[string]string{"HX-Request": "true"})
	assert.Equal(t, "/compare?a.traffic=spiky&a.jobs=short&b.traffic=spiky&b.jobs=hours&b.realtime=some", frag.Header().Get("HX-Replace-Url"))
	assert.Empty(t, frag.Header().Get("HX-Push-Url"))
	fragDoc := parse(t, frag)
	assert.Equal(t, 0, fragDoc.Find("form").Length())
	assert.Equal(t, "true", fragDoc.Find(`#compare-summary`).AttrOr("data-hx-swap-oob", ""), "the summary beside the form follows")
	assert.Equal(t, "Scenarios updated: Serverless functions in A, Hybrid in B.", strings.TrimSpace(fragDoc.Find(`#compare-status`).Text()), "a short status line")
	assert.Equal(t, 1, doc.Find(`[aria-live]`).Length(), "the page's only live region is the status line")

	// A bad value is named, the rest still works.
	doc = parse(t, do(t, s, http.MethodGet, "/compare?b.requests=lots"))
	assert.Contains(t, doc.Find(`[data-testid="compare-form"]`).Text(), `Requests per month must be a number, not "lots"`)
}

func TestSearch(t *testing.T) {
	s := newTestServer(t)
	doc := parse(t, do(t, s, http.MethodGet, "/search?q=cold+start"))
	checkFrame(t, doc, "Search: cold start · Server or Less")
	results := doc.Find(`[data-testid="search-result"]`)
	require.Greater(t, results.Length(), 1)
	first := results.First().Find("a")
	assert.Equal(t, "/differences#cold-starts", first.AttrOr("href", ""), "the section about cold starts ranks first")
	assert.Equal(t, "Cold starts", first.Text())
	assert.Contains(t, strings.ToLower(results.First().Find("p").Text()), "cold start")
	assert.Equal(t, "search", doc.Find(`form[action="/search"]`).AttrOr("role", ""), "a plain form without JavaScript")
	assert.Equal(t, "cold start", doc.Find(`input[name="q"]`).AttrOr("value", ""))

	frag := doHeaders(t, s, "/search?q=websockets", map[string]string{"HX-Request": "true"})
	assert.Equal(t, "/search?q=websockets", frag.Header().Get("HX-Push-Url"))
	fdoc := parse(t, frag)
	assert.Equal(t, 0, fdoc.Find("form").Length(), "live results alone")
	assert.Greater(t, fdoc.Find(`[data-testid="search-result"]`).Length(), 0)

	none := parse(t, do(t, s, http.MethodGet, "/search?q=zzqxv"))
	assert.Contains(t, none.Find(`[data-testid="search-summary"]`).Text(), "Nothing matches")
	assert.Equal(t, http.StatusOK, do(t, s, http.MethodGet, "/search").Code)
	assert.Equal(t, http.StatusOK, do(t, s, http.MethodGet, "/search?q="+strings.Repeat("x", 500)).Code)
}
