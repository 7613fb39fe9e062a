package advisor

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"
)

// Prices are the prices and assumptions of the cost model, from
// content/pricing.yaml.
type Prices struct {
	Region      string        `yaml:"region"`
	Currency    string        `yaml:"currency"`
	Prices      []*PriceEntry `yaml:"prices"`
	Assumptions []*PriceEntry `yaml:"assumptions"`

	byID map[string]*PriceEntry
}

// PriceEntry is one price (with its source and date) or one assumption
// (with the reason for its value).
type PriceEntry struct {
	ID     string    `yaml:"id"`
	Label  string    `yaml:"label"`
	Value  float64   `yaml:"value"`
	Unit   string    `yaml:"unit"`
	Source string    `yaml:"source"`
	AsOf   string    `yaml:"as_of"` // YYYY-MM-DD
	Date   time.Time `yaml:"-"`     // AsOf, parsed by Validate
	Why    string    `yaml:"why"`
	Line   int       `yaml:"-"`
}

// requiredPrices and requiredAssumptions are the entries the cost model
// reads; the file may hold more.
var (
	requiredPrices = []string{
		"lambda_request_usd_per_million", "lambda_gb_second_usd", "lambda_arm_gb_second_usd",
		"lambda_free_requests", "lambda_free_gb_seconds", "gateway_usd_per_million",
		"instance_hourly_usd", "fargate_vcpu_hour_usd", "fargate_gb_hour_usd", "load_balancer_hourly_usd",
	}
	requiredAssumptions = []string{
		"hours_per_month", "instance_concurrency", "instance_max_rps", "min_instances",
		"peak_steady", "peak_cyclical", "peak_spiky", "peak_unpredictable",
		"fargate_task_vcpu", "fargate_task_gb",
		"ops_hourly_usd", "ops_hours_serverless", "ops_hours_traditional",
	}
)

// Validate checks the prices and prepares their index. It must be called
// once before the prices are used.
func (p *Prices) Validate() []Problem {
	var ps []Problem
	add := func(line int, format string, args ...any) {
		ps = append(ps, Problem{line, fmt.Sprintf(format, args...)})
	}
	p.byID = map[string]*PriceEntry{}
	for _, e := range p.Prices {
		if e.Source == "" || !(len(e.Source) > 8 && e.Source[:8] == "https://") {
			add(e.Line, "price %q needs a source: the https URL of the page that publishes it", e.ID)
		}
		if e.AsOf == "" {
			add(e.Line, "price %q needs as_of: the date the price was read, YYYY-MM-DD", e.ID)
		} else if d, err := time.Parse(time.DateOnly, e.AsOf); err != nil {
			add(e.Line, "price %q: as_of %q is not a date in the form YYYY-MM-DD", e.ID, e.AsOf)
		} else {
			e.Date = d
		}
	}
	for _, e := range p.Assumptions {
		if e.Why == "" {
			add(e.Line, "assumption %q needs a why: the reason for its value", e.ID)
		}
	}
	for _, e := range append(append([]*PriceEntry{}, p.Prices...), p.Assumptions...) {
		if e.ID == "" || e.Label == "" || e.Unit == "" {
			add(e.Line, "entry %q needs an id, a label and a unit", e.ID)
		}
		if p.byID[e.ID] != nil {
			add(e.Line, "%q is listed twice", e.ID)
		}
		if math.IsNaN(e.Value) || math.IsInf(e.Value, 0) || e.Value < 0 {
			add(e.Line, "%q: %v is not a possible value; prices and assumptions are numbers >= 0", e.ID, e.Value)
		}
		p.byID[e.ID] = e
	}
	for _, id := range requiredPrices {
		if e, ok := p.byID[id]; !ok {
			add(1, "prices: %q is missing; the cost model needs it", id)
		} else if e.Why != "" || e.Source == "" {
			add(e.Line, "%q is a price: give it a source and as_of, not a why", id)
		}
	}
	for _, id := range requiredAssumptions {
		if _, ok := p.byID[id]; !ok {
			add(1, "assumptions: %q is missing; the cost model needs it", id)
		}
	}
	for _, id := range []string{"hours_per_month", "instance_concurrency", "instance_max_rps", "min_instances", "peak_steady", "peak_cyclical", "peak_spiky", "peak_unpredictable"} {
		if e, ok := p.byID[id]; ok && e.Value <= 0 {
			add(e.Line, "%q must be greater than zero", id)
		}
	}
	if e, ok := p.byID["hours_per_month"]; ok && e.Value > 744 {
		add(e.Line, "hours_per_month %v is more than the 744 hours of a 31-day month", e.Value)
	}
	for _, id := range []string{"peak_steady", "peak_cyclical", "peak_spiky", "peak_unpredictable"} {
		if e, ok := p.byID[id]; ok && e.Value < 1 {
			add(e.Line, "%q is a peak-to-average ratio and cannot be below 1", id)
		}
	}
	return ps
}

// Get returns the value of a price or assumption.
func (p *Prices) Get(id string) float64 { return p.byID[id].Value }

// Stale returns the prices read before cutoff.
func (p *Prices) Stale(cutoff time.Time) []*PriceEntry {
	var out []*PriceEntry
	for _, e := range p.Prices {
		if e.Date.Before(cutoff) {
			out = append(out, e)
		}
	}
	return out
}

// CostInputs are the answers the cost model reads.
type CostInputs struct {
	Requests   float64 // per month
	DurationMS float64
	MemoryMB   float64
	Traffic    string // steady, cyclical, spiky, unpredictable
	FreeTier   bool
	OpsCost    bool // include operations time on both sides
	Arm        bool // Lambda on Arm (Graviton) instead of x86
}

// CostInputs reads the cost model's inputs from answers.
func (m *Model) CostInputs(a Answers) CostInputs {
	num := func(key string) float64 {
		n, _ := strconv.ParseFloat(a[key], 64)
		return n
	}
	return CostInputs{
		Requests:   num("requests"),
		DurationMS: num("duration"),
		MemoryMB:   num("memory"),
		Traffic:    a["traffic"],
		FreeTier:   a["freetier"] != "no",
		OpsCost:    a["opscost"] == "yes",
		Arm:        a["arch"] == "arm",
	}
}

// Cost is the monthly cost of each architecture for one set of inputs.
type Cost struct {
	Serverless  ServerlessCost
	Traditional TraditionalCost
	Containers  float64 // the same number of Fargate tasks instead of instances
	// BreakEven is the lowest monthly volume at which serverless costs more
	// than servers, with everything else unchanged. HasBreakEven is false
	// when that never happens within the model's range.
	BreakEven    float64
	HasBreakEven bool
}

// ServerlessCost itemises the serverless bill.
type ServerlessCost struct {
	GBSeconds float64
	Requests  float64 // request charges
	Compute   float64 // GB-second charges
	Gateway   float64
	Ops       float64
	Total     float64
}

// TraditionalCost itemises the server bill.
type TraditionalCost struct {
	PeakRPS        float64
	InstanceRPS    float64 // requests per second one instance serves
	Instances      int
	Instance       float64 // instance charges
	LoadBalancer   float64
	Ops            float64
	Total          float64
	PeakToAverage  float64
	AverageRPS     float64
	HoursPerMonth  float64
	MinInstances   int
	ConcurrencyCap float64
}

// maxRequests bounds the break-even search: the largest volume the advisor
// accepts.
const maxRequests = 1e11

// CostPoint is the cost of both architectures at one volume.
type CostPoint struct {
	Requests    float64
	Serverless  float64
	Traditional float64
}

// Curve prices both architectures at each volume, everything else as in.
func (p *Prices) Curve(in CostInputs, volumes []float64) []CostPoint {
	out := make([]CostPoint, len(volumes))
	for i, r := range volumes {
		in.Requests = r
		out[i] = CostPoint{Requests: r, Serverless: p.Serverless(in).Total, Traditional: p.Traditional(in).Total}
	}
	return out
}

// Serverless returns the monthly serverless bill:
//
//	requests x request price + GB-seconds x GB-second price + requests x gateway price
//
// where GB-seconds = requests x duration (s) x memory (GB), and the free
// tier, when on, is taken off requests and GB-seconds first.
func (p *Prices) Serverless(in CostInputs) ServerlessCost {
	var c ServerlessCost
	c.GBSeconds = in.Requests * in.DurationMS / 1000 * in.MemoryMB / 1024
	billedRequests, billedGBs := in.Requests, c.GBSeconds
	if in.FreeTier {
		billedRequests = math.Max(0, billedRequests-p.Get("lambda_free_requests"))
		billedGBs = math.Max(0, billedGBs-p.Get("lambda_free_gb_seconds"))
	}
	c.Requests = billedRequests / 1e6 * p.Get("lambda_request_usd_per_million")
	c.Compute = billedGBs * p.gbSecondPrice(in)
	c.Gateway = in.Requests / 1e6 * p.Get("gateway_usd_per_million")
	if in.OpsCost {
		c.Ops = p.Get("ops_hours_serverless") * p.Get("ops_hourly_usd")
	}
	c.Total = c.Requests + c.Compute + c.Gateway + c.Ops
	return c
}

// Traditional returns the monthly server bill:
//
//	instances x hourly price x hours + load balancer hourly price x hours
//
// where instances = max(minimum, ceil(peak rps / rps per instance)), peak
// rps = average rps x the traffic shape's peak-to-average ratio, and one
// instance serves min(max rps, concurrency / duration) requests per second.
func (p *Prices) Traditional(in CostInputs) TraditionalCost {
	c := TraditionalCost{
		HoursPerMonth:  p.Get("hours_per_month"),
		PeakToAverage:  p.peakRatio(in.Traffic),
		MinInstances:   int(p.Get("min_instances")),
		ConcurrencyCap: p.Get("instance_concurrency"),
	}
	c.AverageRPS = in.Requests / (c.HoursPerMonth * 3600)
	c.PeakRPS = c.AverageRPS * c.PeakToAverage
	c.InstanceRPS = p.instanceRPS(in.DurationMS)
	c.Instances = max(c.MinInstances, int(math.Ceil(c.PeakRPS/c.InstanceRPS-1e-9)))
	c.Instance = float64(c.Instances) * p.Get("instance_hourly_usd") * c.HoursPerMonth
	c.LoadBalancer = p.Get("load_balancer_hourly_usd") * c.HoursPerMonth
	if in.OpsCost {
		c.Ops = p.Get("ops_hours_traditional") * p.Get("ops_hourly_usd")
	}
	c.Total = c.Instance + c.LoadBalancer + c.Ops
	return c
}

func (p *Prices) gbSecondPrice(in CostInputs) float64 {
	if in.Arm {
		return p.Get("lambda_arm_gb_second_usd")
	}
	return p.Get("lambda_gb_second_usd")
}

func (p *Prices) instanceRPS(durationMS float64) float64 {
	return math.Min(p.Get("instance_max_rps"), p.Get("instance_concurrency")*1000/math.Max(durationMS, 1))
}

func (p *Prices) peakRatio(traffic string) float64 {
	if e, ok := p.byID["peak_"+traffic]; ok {
		return e.Value
	}
	return p.Get("peak_unpredictable")
}

// Estimate prices both architectures and solves for the break-even volume.
func (p *Prices) Estimate(in CostInputs) Cost {
	c := Cost{Serverless: p.Serverless(in), Traditional: p.Traditional(in)}
	taskHourly := p.Get("fargate_task_vcpu")*p.Get("fargate_vcpu_hour_usd") + p.Get("fargate_task_gb")*p.Get("fargate_gb_hour_usd")
	c.Containers = float64(c.Traditional.Instances)*taskHourly*c.Traditional.HoursPerMonth + c.Traditional.LoadBalancer + c.Traditional.Ops
	c.BreakEven, c.HasBreakEven = p.BreakEven(in)
	return c
}

// BreakEven solves for the lowest monthly volume at which serverless costs
// more than servers. The server bill is a step function of volume: n
// instances cost the same up to the volume they can serve at peak. The
// serverless bill rises linearly (after the free tier), so within each step
// the crossing, if any, is found by inverting it exactly.
func (p *Prices) BreakEven(in CostInputs) (requests float64, ok bool) {
	// Step n (n instances) covers volumes ((n-1)*P, n*P] and costs n*c + d.
	tr := p.Traditional(CostInputs{Requests: 0, DurationMS: in.DurationMS, Traffic: in.Traffic, OpsCost: in.OpsCost})
	P := tr.InstanceRPS * tr.HoursPerMonth * 3600 / tr.PeakToAverage
	c := p.Get("instance_hourly_usd") * tr.HoursPerMonth
	d := tr.Total - float64(tr.MinInstances)*c
	if p.serverlessAt(in, 0) > tr.Total {
		return 0, true
	}
	// Past the free tier the serverless bill is linear; until then, walk
	// the steps one by one (there are few: the free tier is small next to
	// what one instance serves).
	linearFrom := 0.0
	if in.FreeTier {
		linearFrom = p.Get("lambda_free_requests")
		if gbs := in.DurationMS / 1000 * in.MemoryMB / 1024; gbs > 0 {
			linearFrom = math.Max(linearFrom, p.Get("lambda_free_gb_seconds")/gbs)
		}
	}
	lo := 0.0
	n := tr.MinInstances
	for ; lo <= linearFrom || n == tr.MinInstances; n++ {
		hi := math.Min(float64(n)*P, maxRequests)
		if r := p.serverlessVolumeFor(in, float64(n)*c+d); r <= hi {
			return math.Max(r, lo), true
		}
		if hi >= maxRequests {
			return 0, false
		}
		lo = hi
	}
	// Beyond the free tier both bills are linear in the step: servers cost
	// n*c + d in step n, serverless alpha*R - beta. The first step within
	// which serverless reaches the servers' price solves
	// n*(alpha*P - c) >= d + beta.
	alpha := (p.serverlessAt(in, 2*lo) - p.serverlessAt(in, lo)) / lo
	beta := alpha*lo - p.serverlessAt(in, lo)
	if alpha*P <= c {
		return 0, false
	}
	n = max(n, int(math.Ceil((d+beta)/(alpha*P-c))))
	r := math.Max(float64(n-1)*P, (float64(n)*c+d+beta)/alpha)
	if r > maxRequests {
		return 0, false
	}
	return r, true
}

func (p *Prices) serverlessAt(in CostInputs, requests float64) float64 {
	in.Requests = requests
	return p.Serverless(in).Total
}

// serverlessVolumeFor inverts the serverless bill: the volume at which it
// reaches cost. The bill is piecewise linear in volume (the free tier ends
// at one volume for requests and at another for GB-seconds), so each piece
// is inverted in turn.
func (p *Prices) serverlessVolumeFor(in CostInputs, cost float64) float64 {
	gbsPerRequest := in.DurationMS / 1000 * in.MemoryMB / 1024
	breaks := []float64{0, maxRequests}
	if in.FreeTier {
		breaks = append(breaks, p.Get("lambda_free_requests"))
		if gbsPerRequest > 0 {
			breaks = append(breaks, p.Get("lambda_free_gb_seconds")/gbsPerRequest)
		}
	}
	slices.Sort(breaks)
	for i := 0; i+1 < len(breaks); i++ {
		a, b := breaks[i], math.Min(breaks[i+1], maxRequests)
		ca, cb := p.serverlessAt(in, a), p.serverlessAt(in, b)
		if cost <= ca {
			return a
		}
		if cost <= cb && cb > ca {
			return a + (cost-ca)/(cb-ca)*(b-a)
		}
	}
	return math.Inf(1)
}
