package server

import (
	"math"

	"serverorless/web/advisor"
)

// apiCost is the bill of every option of the chosen cloud, itemised, where
// the functions bill crosses the others, and how the bills move as the
// volume grows. Amounts of an unavailable option are null.
type apiCost struct {
	Cloud                 string             `json:"cloud"`
	Options               []apiOption        `json:"options"`
	ServerlessMonthlyUSD  *float64           `json:"serverless_monthly_usd"`
	ContainersMonthlyUSD  *float64           `json:"containers_monthly_usd"`
	TraditionalMonthlyUSD *float64           `json:"traditional_monthly_usd"`
	HybridMonthlyUSD      *float64           `json:"hybrid_monthly_usd,omitempty"`
	HybridParts           []apiHybridPart    `json:"hybrid_parts,omitempty"`
	BreakEvenRequests     *int64             `json:"break_even_requests"`
	Crossings             []apiCrossing      `json:"crossings"`
	Timeline              []apiTimelinePoint `json:"timeline"`
	CheapestChangesAt     *int               `json:"cheapest_changes_at_month"`
	Assumptions           map[string]any     `json:"assumptions"`
}

// apiHybridPart is one side of the split's bill: the page's "$X on
// product for what" in fields.
type apiHybridPart struct {
	RunsOn     advisor.Verdict `json:"runs_on"`
	Product    string          `json:"product"`
	Share      float64         `json:"share"`
	MonthlyUSD float64         `json:"monthly_usd"`
	What       string          `json:"what"`
}

// apiOption is one option's bill; its items add up to monthly_usd.
type apiOption struct {
	ID                string             `json:"id"`
	Kind              advisor.OptionKind `json:"kind"`
	Label             string             `json:"label"`
	MonthlyUSD        *float64           `json:"monthly_usd"`
	Available         bool               `json:"available"`
	UnavailableReason string             `json:"unavailable_reason,omitempty"`
	// RuledOut is what in the answers rules the option out, where its
	// bill could run the work.
	RuledOut string `json:"ruled_out,omitempty"`
	// JobsOn names the product the functions' bill runs the long jobs on
	// when they do not fit the functions.
	JobsOn string     `json:"jobs_on,omitempty"`
	Items  []apiItem  `json:"items"`
	Sizing *apiSizing `json:"sizing,omitempty"`
}

type apiItem struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	// Formula is the arithmetic behind the amount: price × quantity, with
	// the free grant.
	Formula    string  `json:"formula"`
	MonthlyUSD float64 `json:"monthly_usd"`
}

type apiSizing struct {
	Instances    int              `json:"instances"`
	VCPU         float64          `json:"vcpu"`
	MemoryGB     float64          `json:"memory_gb"`
	Instance     string           `json:"instance"`
	BoundBy      advisor.BoundBy  `json:"bound_by"`
	Billing      advisor.Billing  `json:"billing"`
	Alternatives []apiAlternative `json:"alternatives"`
}

// apiAlternative is the machine just below or just above the chosen one in
// hourly price, with the monthly bill it would give.
type apiAlternative struct {
	Instance   string          `json:"instance"`
	Instances  int             `json:"instances"`
	MonthlyUSD *float64        `json:"monthly_usd"`
	BoundBy    advisor.BoundBy `json:"bound_by"`
}

type apiCrossing struct {
	With     advisor.OptionKind `json:"with"`
	Requests int64              `json:"requests"`
}

type apiTimelinePoint struct {
	Month                 int      `json:"month"`
	Requests              int64    `json:"requests"`
	ServerlessMonthlyUSD  *float64 `json:"serverless_monthly_usd"`
	ContainersMonthlyUSD  *float64 `json:"containers_monthly_usd"`
	TraditionalMonthlyUSD *float64 `json:"traditional_monthly_usd"`
}

func newAPICost(r *advisor.Result) *apiCost {
	c := r.Cost
	out := &apiCost{Cloud: c.Cloud.ID, Crossings: []apiCrossing{}, Timeline: []apiTimelinePoint{}}
	for _, b := range c.Bills() {
		o := newAPIOption(c.Cloud.ID, b)
		out.Options = append(out.Options, o)
		switch b.Kind {
		case advisor.Functions:
			out.ServerlessMonthlyUSD = o.MonthlyUSD
		case advisor.Containers:
			out.ContainersMonthlyUSD = o.MonthlyUSD
		case advisor.Servers:
			out.TraditionalMonthlyUSD = o.MonthlyUSD
		}
	}
	if c.Hybrid != nil {
		out.HybridMonthlyUSD = money(c.Hybrid.Total)
		for _, p := range c.Hybrid.Parts {
			out.HybridParts = append(out.HybridParts, apiHybridPart{RunsOn: p.RunsOn, Product: p.Product, Share: p.Share, MonthlyUSD: round2(p.USD), What: p.What})
		}
	}
	if c.HasBreakEven {
		be := int64(c.BreakEven)
		out.BreakEvenRequests = &be
	}
	for _, x := range c.Crossings {
		out.Crossings = append(out.Crossings, apiCrossing{With: x.With, Requests: int64(x.Requests)})
	}
	for _, p := range c.Timeline {
		out.Timeline = append(out.Timeline, apiTimelinePoint{Month: p.Month, Requests: int64(p.Requests),
			ServerlessMonthlyUSD: money(p.Functions), ContainersMonthlyUSD: money(p.Containers), TraditionalMonthlyUSD: money(p.Servers)})
	}
	if c.CheapestChangesAt >= 0 {
		out.CheapestChangesAt = &c.CheapestChangesAt
	}
	out.Assumptions = apiAssumptions(r)
	return out
}

// newAPIOption writes one bill, its total the sum of its rounded items.
func newAPIOption(cloud string, b *advisor.Bill) apiOption {
	o := apiOption{ID: cloud + "-" + string(b.Kind), Kind: b.Kind, Label: b.Product, Available: b.Available, UnavailableReason: b.Unavailable, RuledOut: b.RuledOut, JobsOn: b.JobsOn, Items: []apiItem{}}
	if !b.Available {
		return o
	}
	total := 0.0
	for _, it := range b.Items {
		usd := round2(it.USD)
		total += usd
		o.Items = append(o.Items, apiItem{ID: it.ID, Label: it.Label, Formula: it.Formula, MonthlyUSD: usd})
	}
	o.MonthlyUSD = money(total)
	if s := b.Sizing; s != nil {
		o.Sizing = &apiSizing{Instances: s.Instances, VCPU: s.VCPU, MemoryGB: s.MemoryGB, Instance: s.Machine, BoundBy: s.BoundBy, Billing: s.Billing, Alternatives: []apiAlternative{}}
		for _, a := range s.Alternatives {
			o.Sizing.Alternatives = append(o.Sizing.Alternatives, apiAlternative{Instance: a.Instance, Instances: a.Instances, MonthlyUSD: money(a.MonthlyUSD), BoundBy: a.BoundBy})
		}
	}
	return o
}

// money rounds an amount to cents; NaN (an option that does not exist) is null.
func money(v float64) *float64 {
	if math.IsNaN(v) {
		return nil
	}
	r := round2(v)
	return &r
}

// apiAssumptions lists the cost model's inputs and every figure of the
// chosen cloud and of the shared assumptions, by id, in the model's units
// as published.
func apiAssumptions(r *advisor.Result) map[string]any {
	in := r.Cost.Inputs
	out := map[string]any{
		"requests_per_month": in.Requests,
		"duration_ms":        in.DurationMS,
		"memory_mb":          in.MemoryMB,
		"egress_gb":          in.EgressGB,
		"traffic":            in.Traffic,
		"entry":              in.Entry,
		"commit":             in.Commit,
		"free_tier":          in.FreeTier,
		"ops_cost":           in.OpsCost,
		"arm":                in.Arm,
		"warm_capacity":      in.Warm,
		"availability":       in.Availability,
		"log_bytes":          in.LogBytes,
		"ops_rate_usd":       in.OpsRate,
	}
	if s := r.Cost.Servers.Sizing; s != nil {
		out["instances"] = s.Instances
	}
	for _, f := range r.Cost.Facts() {
		out[f.ID] = f.Value
		if f.Listed != "" {
			out[f.ID] = f.Listed // a list of sizes has no one value
		}
	}
	return out
}
