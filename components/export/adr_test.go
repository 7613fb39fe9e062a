package export

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/content"
	"serverorless/web"
	"serverorless/web/advisor"
)

// recommend is the site's model and its result for a query.
func recommend(t *testing.T, query string) (*advisor.Model, *advisor.Result) {
	t.Helper()
	site, err := web.Load(content.FS())
	require.NoError(t, err)
	q, _ := url.ParseQuery(query)
	answers, errs := site.Model.Parse(q)
	require.Empty(t, errs)
	return site.Model, site.Model.Recommend(answers)
}

// TestRevisitConditions: the decision record's revisit triggers are
// conditions a team can watch for, each with the answer it is now.
func TestRevisitConditions(t *testing.T) {
	m, r := recommend(t, "requests=200000000&realtime=some")
	require.NotEmpty(t, r.Flips)
	items := revisit(m, r, Input{Model: m, Result: r, Date: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	for _, item := range items {
		assert.True(t, strings.HasPrefix(item, "When "), "a condition: %q", item)
		assert.NotContains(t, item, " if you ", "not a flip's sentence: %q", item)
	}
	assert.Contains(t, strings.Join(items, "\n"), "When requests fall below about ", "200 million is past the break-even")
	assert.Contains(t, strings.Join(items, "\n"), "(now 200 million)")

	adr, err := ADR(Input{Model: m, Result: r, Permalink: "https://example.test/recommend", SiteName: "Test", Date: time.Now()})
	require.NoError(t, err)
	assert.Contains(t, adr, "### Revisit this decision\n\n- When ")
}

// TestRevisitTipsACloseCall: where the verdict is a close call, a change
// tips it rather than makes the recommendation another; a clear verdict
// becomes another, and says so where the change leaves a close call
// (reviews 157 and 159: a flip 0.05 points past a close call had read as
// a change of verdict).
func TestRevisitTipsACloseCall(t *testing.T) {
	date := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	m, r := recommend(t, "cloud=gcp&traffic=steady&requests=10000000")
	require.True(t, r.CloseCall)
	require.NotEmpty(t, r.Flips)
	items := revisit(m, r, Input{Model: m, Result: r, Date: date})
	for i, f := range r.Flips {
		item := items[len(items)-len(r.Flips)+i]
		assert.True(t, strings.HasSuffix(item, ": the close call tips to "+m.VerdictInfo(f.Verdict).Label+"."), item)
	}

	m, r = recommend(t, "cloud=aws&requests=1000000&jobs=short&jobruns=30000")
	require.False(t, r.CloseCall)
	items = revisit(m, r, Input{Model: m, Result: r, Date: date})
	marked := 0
	for i, f := range r.Flips {
		item := items[len(items)-len(r.Flips)+i]
		want := ": the recommendation becomes " + m.VerdictInfo(f.Verdict).Label + "."
		if f.CloseCall {
			marked++
			want = strings.TrimSuffix(want, ".") + ", by a close call."
		}
		assert.True(t, strings.HasSuffix(item, want), "%q ends %q", item, want)
	}
	assert.NotZero(t, marked, "a choice that leaves a close call: %v", r.Flips)
}

// TestRevisitCountsTheWorkInItsPieces: an events workload's break-even is
// watched in events, as its bills count them; a break-even the volume has
// passed is watched for from above (20 million events, where the bills
// crossed at 1.9 million), one ahead of it from below.
func TestRevisitCountsTheWorkInItsPieces(t *testing.T) {
	for _, tt := range []struct{ query, want string }{
		{"cloud=azure&entry=events&requests=20000000&jobs=short", "When events fall below about "},
		{"cloud=azure&entry=events&requests=400000&jobs=short", "When events pass about "},
	} {
		m, r := recommend(t, tt.query)
		require.True(t, r.Cost.HasBreakEven)
		items := strings.Join(revisit(m, r, Input{Model: m, Result: r, Date: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}), "\n")
		assert.Contains(t, items, tt.want, tt.query)
		// (The entry's flip may name "HTTP requests"; the volume is in events.)
		assert.NotContains(t, items, "requests a month", tt.query)
		assert.NotContains(t, items, "When requests", tt.query)
	}
}

// TestTitleNamesEachPlatform: a decision's title names what runs where,
// the requests first, and for a split one part on each of its platforms,
// however many.
func TestTitleNamesEachPlatform(t *testing.T) {
	for _, tt := range []struct{ query, want string }{
		{"requests=100000", "Run the backend on AWS Lambda"},
		// A fleet carrying the requests beside functions for one part
		// counts as the fleet does, and wins alone (reviews 154 and 157);
		// an existing application's events on EC2 beside hour-long jobs
		// on ECS tasks is a split of two fleets.
		{"cloud=aws&stage=enterprise&entry=events&traffic=steady&requests=51011311&duration=5&memory=2733&cpu=heavy&data=heavy&jobs=hours&jobruns=525&codebase=existing&control=compliance&realtime=some&ops=parttime&opscost=yes&opsrate=2&availability=single&latency=relaxed&egress=587388&growth=1&logbytes=21",
			"Run the existing application on Amazon EC2 and jobs longer than 15 minutes on Amazon ECS tasks on AWS Fargate"},
		{"stage=mvp&traffic=spiky&requests=2000000&jobs=hours",
			"Run the HTTP API on AWS Lambda and jobs longer than 15 minutes on Amazon ECS tasks on AWS Fargate"},
	} {
		m, r := recommend(t, tt.query)
		assert.Equal(t, tt.want, Title(Input{Model: m, Result: r}), tt.query)
	}
}

// TestCheapestOptionKeepsItsBill: where the bills count for a dearer
// verdict that they weigh as much as the cheapest option (Fargate at
// $257 beside EC2 at $210, both far below Lambda), the cheapest option's
// pros still say its bill is the lowest.
func TestCheapestOptionKeepsItsBill(t *testing.T) {
	m, r := recommend(t, "cloud=aws&requests=50000000&memory=10240")
	require.Equal(t, advisor.ServerlessContainers, r.Verdict)
	var servers prosCons
	for _, pc := range prosAndCons(m, r) {
		if pc.Name == m.VerdictInfo(advisor.Traditional).Label {
			servers = pc
		}
	}
	assert.Equal(t, []string{"its bill, about $210 a month for Amazon EC2, is the lowest"}, servers.Good)
}

// TestBadConsequencesSayWhatTheyFavour: a reason against the verdict
// argues for another, and the record says which and on what answer, so
// that "long-running containers and servers stay warm" is not read as a
// fault of the split that runs its requests on functions, but as an
// argument for containers.
func TestBadConsequencesSayWhatTheyFavour(t *testing.T) {
	m, r := recommend(t, "stage=scaleup&traffic=spiky&requests=2000000&jobs=hours")
	require.NotEmpty(t, r.Against())
	_, bad := consequences(m, r)
	for _, re := range r.Against() {
		if re.Factor != "cost" {
			assert.Contains(t, bad, "the answer on "+advisor.LowerFirst(re.Label)+" favours "+advisor.LowerFirst(m.VerdictInfo(re.Favours).Label)+": "+sentence(re.Sentence))
		}
	}
}

// TestContextListsTheAnswersThatCount: a timer's runs have no traffic
// shape and nobody waiting on them, so the record's context leaves those
// answers out, as the advisor does.
func TestContextListsTheAnswersThatCount(t *testing.T) {
	m, r := recommend(t, "cloud=aws&entry=schedule&requests=720&duration=1200000&memory=8192&cpu=heavy&availability=single")
	adr, err := ADR(Input{Model: m, Result: r, Permalink: "https://example.test/recommend", SiteName: "Test", Date: time.Now()})
	require.NoError(t, err)
	assert.NotContains(t, adr, "- Shape of the traffic:")
	assert.NotContains(t, adr, "- Latency tolerance:")
	assert.Contains(t, adr, "- Runs per month: 720 runs per month")
}

// TestRevisitNamesEachCrossing: the decision record names the volume at
// which the functions' bill crosses each other bill, lowest first, not the
// servers' alone: a flip at 440 million had been the first thing to watch
// where Fargate costs less than Lambda from 45 million (review 165).
func TestRevisitNamesEachCrossing(t *testing.T) {
	m, r := recommend(t, "stage=mvp&cloud=aws&requests=100000&traffic=spiky&ops=none")
	require.Len(t, r.Cost.Crossings, 2)
	items := revisit(m, r, Input{Model: m, Result: r, Date: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	require.GreaterOrEqual(t, len(items), 2)
	assert.Regexp(t, `^When requests pass about 2\d million a month: there AWS Lambda and Amazon EC2 cost the same\.$`, items[0])
	assert.Regexp(t, `^When requests pass about \d+ million a month: there AWS Lambda and AWS Fargate \(Amazon ECS\) cost the same\.$`, items[1])
}
