package advisor_test

import (
	"bufio"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestParse(t *testing.T) {
	m := model(t)
	tests := []struct {
		name      string
		query     string
		want      map[string]string // answers that differ from the defaults
		wantError string            // "field: message" of the only error
	}{
		{"nothing", "", nil, ""},
		{"a choice", "traffic=spiky", map[string]string{"traffic": "spiky"}, ""},
		{"case and spaces", "traffic=%20Spiky%20", map[string]string{"traffic": "spiky"}, ""},
		{"a number with separators", "requests=2,500,000", map[string]string{"requests": "2500000"}, ""},
		{"an empty value takes the default", "traffic=&requests=", nil, ""},
		{"unknown keys are ignored", "colour=blue&utm_source=chat", nil, ""},
		{"the first of repeated keys", "traffic=spiky&traffic=steady", map[string]string{"traffic": "spiky"}, ""},
		{"bad choice", "traffic=wavy&stage=mvp", map[string]string{"stage": "mvp"},
			`traffic: "wavy" is not a valid answer to "Shape of the traffic"; choose one of steady, cyclical, spiky, unpredictable`},
		{"not a number", "requests=lots", nil, `requests: Requests per month must be a number, not "lots"`},
		{"a fraction", "duration=1.5", nil, `duration: Average time per request must be a whole number, not "1.5"`},
		{"negative", "requests=-5", nil, `requests: Requests per month must be at least 0`},
		{"memory too small", "memory=64", nil, `memory: Memory per request must be at least 128`},
		{"memory above every function is an answer", "memory=20000", map[string]string{"memory": "20000"}, ""},
		{"memory too large", "memory=300000", nil, `memory: Memory per request must be at most 262,144`},
		{"scientific notation", "requests=1e6", nil, ""},
		{"scientific notation with a fraction", "requests=2.5e6", map[string]string{"requests": "2500000"}, ""},
		{"underscores", "requests=2_500_000", map[string]string{"requests": "2500000"}, ""},
		{"spaces", "requests=2%20500%20000", map[string]string{"requests": "2500000"}, ""},
		{"malformed grouping", "requests=1,0,0", nil, `requests: Requests per month must group its digits in threes, like 1,000,000, not "1,0,0"`},
		{"mixed separators", "requests=1,000_000", nil, `requests: Requests per month must group its digits in threes, like 1,000,000, not "1,000_000"`},
		{"scientific fraction", "duration=1.5e0", nil, `duration: Average time per request must be a whole number, not "1.5e0"`},
		{"zero duration", "duration=0", nil, `duration: Average time per request must be at least 1`},
		{"a run of 24 hours", "duration=86400000", map[string]string{"duration": "86400000"}, ""},
		{"a run past 24 hours", "duration=86400001", nil, `duration: Average time per request must be at most 86,400,000`},
		{"overflow", "requests=99999999999999999999999", nil, `requests: Requests per month must be at most 100,000,000,000`},
		{"too long", "stage=" + strings.Repeat("x", 100), nil, `stage: the answer to "Stage of the product" is too long`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := url.ParseQuery(tt.query)
			require.NoError(t, err)
			got, errs := m.Parse(q)
			want := m.Defaults()
			for k, v := range tt.want {
				want[k] = v
			}
			assert.Equal(t, want, got, "a bad value falls back to its default; the rest still works")
			if tt.wantError == "" {
				assert.Empty(t, errs)
			} else if assert.Len(t, errs, 1) {
				assert.Equal(t, tt.wantError, errs[0].Error())
			}
		})
	}
}

func TestPermalink(t *testing.T) {
	m := model(t)
	tests := []struct{ query, want string }{
		{"", "/recommend"},
		{"stage=startup", "/recommend"},
		{"latency=critical&stage=mvp&requests=5000000", "/recommend?stage=mvp&requests=5000000&latency=critical"},
		{"requests=1_000_000&traffic=SPIKY", "/recommend?traffic=spiky"},
		{"duration=0200&memory=1024", "/recommend?memory=1024"},
	}
	for _, tt := range tests {
		a := answers(t, m, tt.query)
		assert.Equal(t, tt.want, m.Permalink(a), "permalink for %q", tt.query)
	}
}

// TestGoldenPermalinks pins permalinks that readers have shared: each must
// keep parsing without error into the same canonical form. Adding options or
// questions must never break them. Run with -update after a deliberate
// change to the model's weights to record the new verdicts.
func TestGoldenPermalinks(t *testing.T) {
	m := model(t)
	path := filepath.Join("testdata", "permalinks.golden")
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var out strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			out.WriteString(line + "\n")
			continue
		}
		link, wantVerdict, _ := strings.Cut(line, " => ")
		u, err := url.Parse(link)
		require.NoError(t, err)
		a, errs := m.Parse(u.Query())
		assert.Empty(t, errs, "permalink %s no longer parses", link)
		assert.Equal(t, link, m.Permalink(a), "permalink %s is no longer canonical", link)
		got := string(m.Recommend(a).Verdict)
		fmt.Fprintf(&out, "%s => %s\n", link, got)
		if !*update {
			assert.Equal(t, wantVerdict, got, "verdict for %s changed; if the model changed on purpose, run go test ./web/advisor -update", link)
		}
	}
	require.NoError(t, sc.Err())
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(out.String()), 0o644))
	}
}

// FuzzParse feeds arbitrary query strings to the parser: it must never
// panic, every answer it returns must be valid, and the canonical encoding
// must read back to the same answers.
func FuzzParse(f *testing.F) {
	m := model(f)
	for _, seed := range []string{
		"", "stage=mvp", "traffic=spiky&requests=1,000,000", "requests=-1", "duration=1e9",
		"memory=10240&jobs=hours&realtime=core", "stage=%ff%fe", "a=b&&=&==", "requests=" + strings.Repeat("9", 40),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		a, _ := m.Parse(q)
		again, errs := m.Parse(mustQuery(t, m.Query(a)))
		if len(errs) > 0 {
			t.Fatalf("canonical query %q of %q does not parse: %v", m.Query(a), raw, errs[0])
		}
		if fmt.Sprint(a) != fmt.Sprint(again) {
			t.Fatalf("round trip changed the answers: %v != %v", a, again)
		}
		if r := m.Recommend(a); r.Verdict == "" {
			t.Fatalf("no verdict for %q", raw)
		}
	})
}

func mustQuery(t testing.TB, s string) url.Values {
	q, err := url.ParseQuery(s)
	if err != nil {
		t.Fatalf("canonical query %q is not a valid query: %v", s, err)
	}
	return q
}

// FuzzPermalink builds valid answers from arbitrary bytes and checks the
// permalink round trip: the permalink reopens exactly those answers, and
// encoding them again gives the same permalink.
func FuzzPermalink(f *testing.F) {
	m := model(f)
	f.Add([]byte{0, 1, 2, 3}, int64(1000000), int64(200), int64(512))
	f.Add([]byte{3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, int64(0), int64(1), int64(128))
	f.Add([]byte{}, int64(100000000000), int64(3600000), int64(10240))
	f.Fuzz(func(t *testing.T, picks []byte, requests, duration, memory int64) {
		a := m.Defaults()
		for i, q := range m.Questions {
			if q.Kind == "choice" && i < len(picks) {
				a[q.Key] = q.Options[int(picks[i])%len(q.Options)].Value
			}
		}
		clamp := func(key string, n int64) {
			q, _ := m.Question(key)
			n = max(*q.Min, min(*q.Max, n))
			a[key] = strconv.FormatInt(n, 10)
		}
		clamp("requests", requests)
		clamp("duration", duration)
		clamp("memory", memory)

		link := m.Permalink(a)
		u, err := url.Parse(link)
		if err != nil {
			t.Fatalf("permalink %q is not a URL: %v", link, err)
		}
		back, errs := m.Parse(u.Query())
		if len(errs) > 0 {
			t.Fatalf("permalink %q does not parse: %v", link, errs[0])
		}
		if fmt.Sprint(back) != fmt.Sprint(a) {
			t.Fatalf("permalink %q reopened %v, want %v", link, back, a)
		}
		if again := m.Permalink(back); again != link {
			t.Fatalf("permalink not stable: %q then %q", link, again)
		}
	})
}

// TestAnswerLabel: a number answer reads with its unit, in the singular
// for one, and a choice answer reads as its option's label.
func TestAnswerLabel(t *testing.T) {
	m := model(t)
	for _, tt := range []struct{ key, value, want string }{
		{"requests", "1", "1 request per month"},
		{"requests", "2500000", "2,500,000 requests per month"},
		{"logbytes", "1", "1 byte per request"},
		{"duration", "1500", "1,500 ms (1.5 seconds)"},
		{"traffic", "spiky", "Spiky"},
	} {
		q, ok := m.Question(tt.key)
		require.True(t, ok, tt.key)
		assert.Equal(t, tt.want, q.AnswerLabel(tt.value), "%s=%s", tt.key, tt.value)
	}
}
