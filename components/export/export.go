// Package export turns a recommendation into files a team keeps outside
// the site: an Architecture Decision Record in markdown and a link-preview
// card as a PNG. It renders from the engine's result alone and imports
// nothing from the rest of the site but the engine.
package export

import (
	"strings"
	"time"

	"serverorless/web/advisor"
)

// Input is a recommendation and what an export says about where it came
// from.
type Input struct {
	Model     *advisor.Model
	Result    *advisor.Result
	Permalink string // the absolute link to the recommendation
	SiteName  string
	Date      time.Time // the day the file is made
}

// Title is what a person would call the decision: the verdict with the
// products it runs on, and for a hybrid the first part on each platform,
// the requests' first.
func Title(in Input) string {
	r := in.Result
	if r.Verdict != advisor.Hybrid {
		return "Run the backend on " + r.Platform
	}
	var sides []string
	seen := map[advisor.Verdict]bool{}
	for _, p := range r.Split {
		if !seen[p.RunsOn] {
			seen[p.RunsOn] = true
			sides = append(sides, advisor.LowerFirst(p.Part)+" on "+r.PartProduct(p))
		}
	}
	if len(sides) < 2 {
		return "Split the backend between " + r.Platform
	}
	return "Run " + strings.Join(sides[:len(sides)-1], ", ") + " and " + sides[len(sides)-1]
}

// sentence turns a full sentence into a clause after "because": no capital
// at the start, no full stop at the end.
func sentence(s string) string { return advisor.LowerFirst(strings.TrimSuffix(s, ".")) }
