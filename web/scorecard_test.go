package web

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/web/advisor"
)

const testScorecard = `page: /traditional
anchor: scores
title: Scorecard
intro: Pick.
categories:
  - {id: cost, label: Cost, winner: serverless, why: Cheap.}
  - {id: control, label: Control, winner: traditional, why: Yours.}
  - {id: latency, label: Latency, winner: traditional, why: Warm.}
  - {id: mixed, label: Mixed, winner: hybrid, why: Both.}
`

func scorecardFS(card string) fstest.MapFS {
	fsys := validFS()
	fsys["comparison.yaml"] = &fstest.MapFile{Data: []byte(card)}
	fsys["pages/serverless.md"] = page("title: S\ndescription: S.\norder: 20\nupdated: 2026-11-02", "## How {#how}\n\nSee [the scores](/traditional#scores) and [FAQ](/faq#cheap).")
	return fsys
}

func TestScorecard(t *testing.T) {
	site, err := Load(scorecardFS(testScorecard))
	require.NoError(t, err)
	p, _ := site.Page("/traditional")
	require.NotNil(t, p.Scorecard, "attached to its page")
	assert.True(t, p.HasAnchor("scores"), "links to the scorecard resolve")
	assert.Equal(t, Heading{"scores", "Scorecard", 2}, p.TOC[0])
	sc := p.Scorecard

	tests := []struct {
		name        string
		values      []string
		wantChosen  []string
		wantUnknown []string
		wantCounts  map[advisor.Verdict]int
		wantLeaders []advisor.Verdict
		wantQuery   string
	}{
		{"nothing chosen counts everything", nil, nil, nil, map[advisor.Verdict]int{"serverless": 1, "traditional": 2, "hybrid": 1}, []advisor.Verdict{"traditional"}, ""},
		{"repeated keys, page order", []string{"mixed", "cost"}, []string{"cost", "mixed"}, nil, map[advisor.Verdict]int{"serverless": 1, "hybrid": 1}, []advisor.Verdict{"serverless", "hybrid"}, "priority=cost&priority=mixed"},
		{"comma-separated, case and duplicates", []string{"Control, latency,control"}, []string{"control", "latency"}, nil, map[advisor.Verdict]int{"traditional": 2}, []advisor.Verdict{"traditional"}, "priority=control&priority=latency"},
		{"unknown ids are reported", []string{"cost", "speed"}, []string{"cost"}, []string{"speed"}, map[advisor.Verdict]int{"serverless": 1}, []advisor.Verdict{"serverless"}, "priority=cost"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chosen, unknown := sc.Priorities(tt.values)
			assert.Equal(t, tt.wantChosen, chosen)
			assert.Equal(t, tt.wantUnknown, unknown)
			tally := sc.Tally(chosen)
			for v, n := range tt.wantCounts {
				assert.Equal(t, n, tally.Counts[v], v)
			}
			assert.Equal(t, tt.wantLeaders, tally.Leaders)
			assert.Equal(t, tt.wantQuery, sc.Query(chosen))
		})
	}
}

func TestScorecardErrors(t *testing.T) {
	tests := []struct{ name, card, want string }{
		{"bad winner", strings.Replace(testScorecard, "winner: hybrid", "winner: cloud", 1), `comparison.yaml:9: category "mixed": winner must be one of serverless, containers, traditional, hybrid, not "cloud"`},
		{"duplicate id", strings.Replace(testScorecard, "id: latency", "id: control", 1), `comparison.yaml:8: category "control" is listed twice`},
		{"no such page", strings.Replace(testScorecard, "page: /traditional", "page: /nowhere", 1), `comparison.yaml:1: page /nowhere does not exist`},
		{"anchor taken", strings.NewReplacer("page: /traditional", "page: /serverless", "anchor: scores", "anchor: how").Replace(testScorecard), `comparison.yaml:1: anchor "how" is already a heading on pages/serverless.md`},
		{"unknown field", testScorecard + "colour: red\n", `comparison.yaml:10: unknown field "colour"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Load(scorecardFS(tt.card))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
