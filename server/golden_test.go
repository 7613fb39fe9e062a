package server

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenResults are representative results: each cloud, each of the four
// verdicts, work that runs to completion, one machine, a
// close call, hard limits of both kinds, events, schedules, growth. Their
// page fragment, API answer and decision record are kept as golden files,
// so that a change to a sentence, a weight or a price shows in review as a
// diff of what readers get.
var goldenResults = []struct{ name, query string }{
	{"defaults", ""},
	{"mvp", "stage=mvp&traffic=unpredictable&requests=100000&data=light&ops=none&latency=relaxed"},
	{"spiky-10-billion", "traffic=spiky&requests=10000000000&ops=none"},
	{"steady-platform-team", "traffic=steady&requests=300000000&ops=dedicated"},
	{"long-jobs-split", "traffic=spiky&requests=2000000&jobs=hours"},
	{"full-control-no-split", "stage=scaleup&traffic=spiky&requests=2000000&jobs=hours&control=full"},
	{"live-features-on-functions", "stage=mvp&traffic=spiky&requests=100000&realtime=some"},
	{"steady-scaleup-containers", "stage=scaleup&traffic=steady&requests=150000000&jobs=hours&realtime=some&latency=relaxed"},
	{"nightly-batch", "entry=schedule&requests=30&duration=2700000&memory=4096&cpu=moderate&jobs=hours&ops=none&latency=relaxed"},
	{"internal-tool", "traffic=steady&requests=1000000&duration=100&memory=512&cpu=light&availability=single&ops=parttime"},
	{"close-call", "stage=startup&jobs=hours&requests=5000000"},
	{"game", "stage=scaleup&requests=500000000&duration=50&memory=2048&jobs=short&realtime=core&data=heavy&control=some&ops=dedicated&latency=critical"},
	{"memory-on-aws", "traffic=spiky&requests=1000000&duration=2000&memory=12288"},
	{"memory-on-gcp", "cloud=gcp&traffic=spiky&requests=1000000&duration=2000&memory=12288&latency=relaxed"},
	{"azure-events", "cloud=azure&entry=events&requests=20000000&jobs=short"},
	{"events-with-growth", "entry=events&requests=50000&duration=30000&memory=1024&growth=20"},
}

// stableDate hides the one thing that changes from day to day: the date
// of a decision record.
var stableDate = regexp.MustCompile(`(?m)^date: \d{4}-\d{2}-\d{2}$|About [A-Z][a-z]+ \d{4}:`)

func TestGoldenResults(t *testing.T) {
	s := newTestServer(t)
	for _, g := range goldenResults {
		t.Run(g.name, func(t *testing.T) {
			q := ""
			if g.query != "" {
				q = "?" + g.query
			}
			frag := doHeaders(t, s, "/recommend"+q, map[string]string{"HX-Request": "true", "HX-Target": "result"})
			require.Equal(t, http.StatusOK, frag.Code)
			checkGolden(t, g.name+".html", prettyHTML(t, withoutPriceLists(t, frag.Body.Bytes())))

			api := do(t, s, http.MethodGet, "/api/recommendation"+q)
			require.Equal(t, http.StatusOK, api.Code)
			checkGolden(t, g.name+".json", prettyJSON(t, api.Body.Bytes()))

			adr := do(t, s, http.MethodGet, "/recommend/adr.md"+q)
			require.Equal(t, http.StatusOK, adr.Code)
			checkGolden(t, g.name+".md", stableDate.ReplaceAllFunc(adr.Body.Bytes(), func(m []byte) []byte {
				if bytes.HasPrefix(m, []byte("date:")) {
					return []byte("date: YYYY-MM-DD")
				}
				return []byte("About MONTH YEAR:")
			}))
		})
	}
}

// prettyHTML writes one tag or text per line, indented by depth, so that
// a diff of a golden file shows what changed; the element tree is the
// same as the page's.
func prettyHTML(t *testing.T, b []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	z := html.NewTokenizer(bytes.NewReader(b))
	depth := 0
	line := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out.WriteString(strings.Repeat("  ", depth) + s + "\n")
		}
	}
	for {
		switch z.Next() {
		case html.ErrorToken:
			require.ErrorIs(t, z.Err(), io.EOF)
			return out.Bytes()
		case html.StartTagToken:
			tok := z.Token()
			line(tok.String())
			if !voidElements[tok.Data] {
				depth++
			}
		case html.EndTagToken:
			depth = max(0, depth-1)
			line(z.Token().String())
		case html.TextToken:
			line(strings.Join(strings.Fields(string(z.Text())), " "))
		default:
			line(z.Token().String())
		}
	}
}

// withoutPriceLists leaves the prices and assumptions tables out of a
// result, keeping their row counts: they are the price files' content,
// the same in every result on a cloud, and a price change shows in the
// bills' items already.
func withoutPriceLists(t *testing.T, b []byte) []byte {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(b))
	require.NoError(t, err)
	for _, id := range []string{"prices", "assumptions"} {
		table := doc.Find(`table[data-testid="` + id + `"]`)
		require.Equal(t, 1, table.Length(), "the result lists its %s", id)
		rows := table.Find("tbody tr").Length()
		require.Positive(t, rows, "%s has rows", id)
		table.ReplaceWithHtml(fmt.Sprintf(`<p data-golden="%s">%d rows</p>`, id, rows))
	}
	// The fragment's <title> (which htmx swaps in) parses into the head.
	title, err := goquery.OuterHtml(doc.Find("title"))
	require.NoError(t, err)
	body, err := doc.Find("body").Html()
	require.NoError(t, err)
	return []byte(title + body)
}

// voidElements are the HTML elements that have no end tag.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// prettyJSON indents the API's answer, without the list of prices and
// assumptions behind the bills: that is the price files' content, and a
// price change shows in the bills' items already.
func prettyJSON(t *testing.T, b []byte) []byte {
	t.Helper()
	var doc map[string]any
	require.NoError(t, json.Unmarshal(b, &doc))
	cost, ok := doc["cost"].(map[string]any)
	require.True(t, ok, "the answer has a cost")
	require.NotEmpty(t, cost["assumptions"], "the answer lists the prices behind the bills")
	delete(cost, "assumptions")
	out, err := json.MarshalIndent(doc, "", "  ")
	require.NoError(t, err)
	return append(out, '\n')
}

// checkGolden compares got with testdata/golden/name, or rewrites the file
// with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *updateGolden {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "no golden file: run go test ./server -run TestGoldenResults -update")
	if !bytes.Equal(want, got) {
		assert.Equal(t, strings.Split(string(want), "\n"), strings.Split(string(got), "\n"),
			"%s changed; if on purpose, run go test ./server -run TestGoldenResults -update and review the diff", path)
	}
}
