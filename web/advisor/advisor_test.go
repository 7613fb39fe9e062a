package advisor_test

import (
	"net/url"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/content"
	"serverorless/web"
	"serverorless/web/advisor"
)

// model loads the real decision model from the embedded content.
func model(t testing.TB) *advisor.Model {
	t.Helper()
	site, err := web.Load(content.FS())
	require.NoError(t, err)
	return site.Model
}

func answers(t testing.TB, m *advisor.Model, query string) advisor.Answers {
	t.Helper()
	q, err := url.ParseQuery(query)
	require.NoError(t, err)
	a, errs := m.Parse(q)
	require.Empty(t, errs, "scenario %q must be valid", query)
	return a
}

// TestScenarios runs the model on the use cases the guide discusses.
func TestScenarios(t *testing.T) {
	m := model(t)
	tests := []struct {
		name        string
		query       string
		want        string
		constraints []string
	}{
		{"defaults: an early-stage web app", "", advisor.Serverless, nil},
		{"startup MVP", "stage=mvp&traffic=unpredictable&requests=100000&ops=none&latency=relaxed&data=light", advisor.Serverless, nil},
		{"SaaS API with uneven tenants", "stage=startup&traffic=spiky&requests=8000000&jobs=short", advisor.Serverless, nil},
		{"image processing on upload", "traffic=spiky&requests=2000000&duration=3000&memory=2048&jobs=minutes&data=light&latency=relaxed", advisor.Serverless, nil},
		{"notifications and automation", "traffic=unpredictable&requests=500000&duration=150&jobs=short&data=light&latency=relaxed", advisor.Serverless, nil},
		{"AI tool calling model APIs", "stage=mvp&traffic=spiky&requests=300000&duration=8000&memory=1024&jobs=minutes&latency=relaxed", advisor.Serverless, nil},
		{"online game", "stage=scaleup&traffic=cyclical&requests=500000000&duration=50&memory=2048&jobs=short&realtime=core&data=heavy&control=some&ops=dedicated&latency=critical", advisor.Traditional, []string{"core-realtime"}},
		{"trading platform", "stage=enterprise&traffic=steady&requests=3000000000&duration=5&realtime=core&data=heavy&control=full&ops=dedicated&latency=critical", advisor.Traditional, []string{"core-realtime", "full-control"}},
		{"real-time messaging", "stage=scaleup&traffic=cyclical&requests=200000000&duration=20&realtime=core&data=heavy&ops=dedicated&latency=sensitive", advisor.Traditional, []string{"core-realtime"}},
		{"enterprise system with heavy data", "stage=enterprise&traffic=steady&requests=1000000000&duration=100&memory=4096&jobs=hours&realtime=some&data=heavy&control=full&ops=dedicated", advisor.Traditional, []string{"long-jobs", "full-control"}},
		{"scale-up with long exports and live updates", "stage=scaleup&traffic=cyclical&requests=50000000&duration=150&memory=1024&jobs=hours&realtime=some&control=some", advisor.Hybrid, []string{"long-jobs"}},
		{"API on servers, jobs on functions", "stage=scaleup&traffic=cyclical&requests=100000000&jobs=short&realtime=some&data=moderate&control=some&ops=parttime", advisor.Hybrid, nil},
		{"slow synchronous requests", "duration=1200000", advisor.Traditional, []string{"long-requests"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := m.Recommend(answers(t, m, tt.query))
			assert.Equal(t, tt.want, r.Verdict, "scores %v", r.Scores)
			var ids []string
			for _, c := range r.Constraints {
				ids = append(ids, c.ID)
			}
			assert.Equal(t, tt.constraints, ids, "constraints hit")
			assert.Greater(t, r.Confidence, 0.0)
			assert.LessOrEqual(t, r.Confidence, 1.0)
			require.NotEmpty(t, r.Reasons)
			assert.True(t, slices.ContainsFunc(r.Reasons, func(r advisor.Reason) bool { return r.Impact > 0 }), "some reason supports the verdict")
			for i := 1; i < len(r.Reasons); i++ {
				assert.GreaterOrEqual(t, abs(r.Reasons[i-1].Impact), abs(r.Reasons[i].Impact), "reasons ranked by impact")
			}
			if r.Verdict == advisor.Hybrid {
				assert.NotEmpty(t, r.Split, "a hybrid verdict says which part runs where")
				var on = map[string]bool{}
				for _, s := range r.Split {
					on[s.RunsOn] = true
				}
				assert.True(t, on[advisor.Serverless] && on[advisor.Traditional], "a split uses both")
			} else {
				assert.Empty(t, r.Split)
			}
		})
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func TestFlips(t *testing.T) {
	m := model(t)
	r := m.Recommend(answers(t, m, "stage=startup&traffic=spiky&requests=2000000&jobs=hours"))
	require.Equal(t, advisor.Hybrid, r.Verdict)
	var found bool
	for _, f := range r.Flips {
		if f.Question.Key == "jobs" {
			found = true
			assert.Equal(t, "minutes", f.Answer, "the nearest answer that flips it")
			assert.Equal(t, advisor.Serverless, f.Verdict)
			assert.Equal(t, "your longest job took under 15 minutes", f.Option.If)
		}
	}
	assert.True(t, found, "serverless if the longest job were under 15 minutes: %+v", r.Flips)
	for _, f := range r.Flips {
		changed := advisor.Answers{}
		for k, v := range r.Answers {
			changed[k] = v
		}
		changed[f.Question.Key] = f.Answer
		assert.Equal(t, f.Verdict, m.Recommend(changed).Verdict, "flip on %s really flips", f.Question.Key)
	}
}

func TestGuidelinesMatch(t *testing.T) {
	m := model(t)
	r := m.Recommend(answers(t, m, "stage=mvp&traffic=spiky"))
	var texts []string
	for _, g := range r.Guidelines {
		texts = append(texts, g.Text)
		assert.True(t, m.Matches(g.When, r.Answers))
	}
	assert.Contains(t, texts, "You are building an MVP and want to ship without sizing any servers.")
	assert.Contains(t, texts, "Your traffic is spiky or unpredictable, with quiet periods in between.")
}

func TestDeterministic(t *testing.T) {
	m := model(t)
	a := answers(t, m, "stage=scaleup&jobs=hours&realtime=some")
	first := m.Recommend(a)
	for range 50 {
		again := m.Recommend(a)
		assert.Equal(t, first.Verdict, again.Verdict)
		assert.Equal(t, first.Scores, again.Scores)
		assert.Equal(t, first.Confidence, again.Confidence)
		assert.Equal(t, first.Reasons, again.Reasons)
		assert.Equal(t, first.Flips, again.Flips)
	}
}

// Properties that must hold for every combination of answers.

// allAnswers calls f for every combination of the choice questions' options,
// each with a volume and a duration that vary from one combination to the
// next (including the extremes and work over 15 minutes).
func allAnswers(m *advisor.Model, f func(advisor.Answers)) {
	base := m.Defaults()
	// Every option of the questions that carry weights; the cost settings
	// (free tier, operations time, processor) vary with the combination.
	var choice, settings []*advisor.Question
	for _, q := range m.Questions {
		if q.Kind != "choice" {
			continue
		}
		weighted := false
		for _, o := range q.Options {
			weighted = weighted || len(o.Weights) > 0
		}
		if weighted {
			choice = append(choice, q)
		} else {
			settings = append(settings, q)
		}
	}
	volumes := []string{"0", "5000000", "100000000", "100000000000"}
	durations := []string{"1", "200", "5000", "1000000", "3600000"}
	n := 0
	var walk func(i int, a advisor.Answers)
	walk = func(i int, a advisor.Answers) {
		if i == len(choice) {
			b := advisor.Answers{}
			for k, v := range a {
				b[k] = v
			}
			b["requests"], b["duration"] = volumes[n%len(volumes)], durations[n%len(durations)]
			for i, q := range settings {
				b[q.Key] = q.Options[(n/(i+1))%len(q.Options)].Value
			}
			n++
			f(b)
			return
		}
		for _, o := range choice[i].Options {
			a[choice[i].Key] = o.Value
			walk(i+1, a)
		}
	}
	walk(0, base)
}

func TestPropertyLongJobsNeverPureServerless(t *testing.T) {
	m := model(t)
	n := 0
	allAnswers(m, func(a advisor.Answers) {
		if a["jobs"] == "hours" || a["duration"] == "1000000" || a["duration"] == "3600000" {
			n++
			if r := m.Recommend(a); r.Verdict == advisor.Serverless {
				t.Fatalf("work over 15 minutes gave pure serverless for %v", a)
			}
		}
	})
	assert.Greater(t, n, 1000)
}

func TestPropertyMoreRealtimeNeverRaisesServerless(t *testing.T) {
	m := model(t)
	levels := []string{"none", "some", "core"}
	allAnswers(m, func(a advisor.Answers) {
		prevScore, prevServerless := 0.0, true
		for i, level := range levels {
			a["realtime"] = level
			r := m.Recommend(a)
			isServerless := r.Verdict == advisor.Serverless
			if i > 0 {
				if r.Scores[advisor.Serverless] > prevScore {
					t.Fatalf("realtime=%s raised the serverless score for %v", level, a)
				}
				if isServerless && !prevServerless {
					t.Fatalf("realtime=%s turned the verdict into serverless for %v", level, a)
				}
			}
			prevScore, prevServerless = r.Scores[advisor.Serverless], isServerless
		}
	})
}

func TestPropertyConfidenceInRange(t *testing.T) {
	m := model(t)
	allAnswers(m, func(a advisor.Answers) {
		r := m.Recommend(a)
		if r.Confidence < 1.0/3-0.01 || r.Confidence > 1 {
			t.Fatalf("confidence %v out of range for %v", r.Confidence, a)
		}
		for _, v := range r.RuledOut {
			if v == r.Verdict {
				t.Fatalf("verdict %s was ruled out for %v", v, a)
			}
		}
	})
}

func TestCompare(t *testing.T) {
	m := model(t)
	a := answers(t, m, "traffic=spiky&jobs=short")
	b := answers(t, m, "traffic=spiky&jobs=hours&realtime=some")
	changes := m.Compare(a, b)
	require.Len(t, changes, 2, "only the answers that differ")
	assert.Equal(t, "jobs", changes[0].Question.Key, "the change that flips the verdict on its own first")
	assert.True(t, changes[0].Flips)
	assert.Equal(t, "short", changes[0].From)
	assert.Equal(t, "hours", changes[0].To)
	assert.Equal(t, 1.0, changes[0].Delta[advisor.Hybrid], "hybrid weight 2 for hours minus 1 for short")
	assert.Empty(t, m.Compare(a, a), "the same answers, no change")
}
