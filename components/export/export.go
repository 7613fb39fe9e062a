// Package export turns a recommendation into files a team keeps outside
// the site: an Architecture Decision Record in markdown and a link-preview
// card as a PNG. It renders from the engine's result alone and imports
// nothing from the rest of the site but the engine.
package export

import (
	"fmt"
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
// products it runs on, and for a hybrid the parts on each side.
func Title(in Input) string {
	r := in.Result
	if r.Verdict != advisor.Hybrid {
		return "Run the backend on " + r.Platform
	}
	var carrier, other *advisor.SplitPart
	for i := range r.Split {
		p := &r.Split[i]
		if carrier == nil {
			carrier = p
		} else if other == nil && p.RunsOn != carrier.RunsOn {
			other = p
		}
	}
	if carrier == nil || other == nil {
		return "Split the backend between " + r.Platform
	}
	c := r.Cost
	return fmt.Sprintf("Run %s on %s and %s on %s", advisor.LowerFirst(carrier.Part), c.Product(carrier.RunsOn.OptionKind()), advisor.LowerFirst(other.Part), c.Product(other.RunsOn.OptionKind()))
}

// sentence turns a full sentence into a clause after "because": no capital
// at the start, no full stop at the end.
func sentence(s string) string { return advisor.LowerFirst(strings.TrimSuffix(s, ".")) }
