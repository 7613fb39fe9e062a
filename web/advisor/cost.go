package advisor

import (
	"math"
	"slices"
)

// Pricing is everything the cost model reads: one file per cloud and the
// assumptions they share.
type Pricing struct {
	Clouds []*Cloud
	Common *Common

	curves *memo[costKey, *volumeCurve] // the curves of recent answers
}

// Cloud returns the cloud with the given id, or the first one.
func (p *Pricing) Cloud(id string) *Cloud {
	for _, c := range p.Clouds {
		if c.ID == id {
			return c
		}
	}
	return p.Clouds[0]
}

// Cost is the monthly cost of each option on one cloud for one set of
// inputs, where the bills cross as the volume changes, and how they move
// as it grows.
type Cost struct {
	Cloud                          *Cloud
	Common                         *Common
	Inputs                         CostInputs
	Functions, Containers, Servers Bill
	// Hybrid is the bill of the split, for hybrid verdicts.
	Hybrid *HybridBill
	// Crossings are the volumes at which the functions bill crosses the
	// servers or the containers bill, lowest first.
	Crossings []Crossing
	// BreakEven is the first volume at which the functions bill crosses
	// the servers bill, with everything else unchanged.
	BreakEven    float64
	HasBreakEven bool
	// Timeline is each month's bills as the volume grows; CheapestChangesAt
	// is the first month from which today's cheapest option is not the
	// cheapest for timeline_change_months running, or -1; CheapestBackAt
	// the first month after it from which today's cheapest leads again for
	// as long (or to the timeline's end), or -1.
	Timeline          []TimelinePoint
	CheapestChangesAt int
	CheapestBackAt    int

	points []CostPoint
}

// CurvePerDecade is how many volumes a decade Points samples: enough for
// the servers' steps to show in a chart.
const CurvePerDecade = 8

// Points are the three options' bills from 10³ to 10¹¹ requests a month,
// CurvePerDecade a decade, everything else as in the inputs: what the
// chart, the table beside it and the preview card draw.
func (c *Cost) Points() []CostPoint { return c.points }

// ChartFrom is the least volume the chart, its table and the crossings
// cover: 10³ a month, or a single one for scheduled runs and long work
// (see axisStart).
func (c *Cost) ChartFrom() float64 { return chartFrom(c.Inputs) }

// PerMonth says a monthly volume in the work's own pieces, rounded as
// prose rounds it: "54,000 runs a month".
func (c *Cost) PerMonth(v float64) string {
	return FormatCount(v) + " " + c.Inputs.Entry.Pieces() + " a month"
}

func chartFrom(in CostInputs) float64 {
	lo, _ := axisStart(in)
	return math.Pow(10, lo)
}

// ChartTo is the largest volume the chart, its table and the crossings
// cover: 10¹¹ a month, or 10⁵ for scheduled runs. Timers fire at most
// once a minute (44,640 runs in a 31-day month), so a timer's chart ends
// a decade on, unless the reader's own volume is past it.
func (c *Cost) ChartTo() float64 { return chartTo(c.Inputs) }

func chartTo(in CostInputs) float64 {
	if in.Entry == EntrySchedule && in.Requests <= maxChartRuns {
		return maxChartRuns
	}
	return MaxChartRequests
}

// ChartRequests is the reader's volume where the chart and the card mark
// it: within the range they draw.
func (c *Cost) ChartRequests() float64 {
	return min(max(c.Inputs.Requests, c.ChartFrom()), c.ChartTo())
}

// PointsPerDecade are k of the curve's points a decade, from ChartFrom
// on: what a table or a small chart shows. k divides CurvePerDecade.
func (c *Cost) PointsPerDecade(k int) []CostPoint {
	var out []CostPoint
	for i := 0; i < len(c.points); i += CurvePerDecade / k {
		out = append(out, c.points[i])
	}
	return out
}

// volumeCurve is the bills along the volume for one set of other inputs:
// what the chart draws, and where the crossings are looked for.
type volumeCurve struct {
	points    []CostPoint
	crossings []Crossing
}

// curve prices the options along the volume, CurvePerDecade a decade,
// and finds where they cross; recent inputs' curves are kept.
func (p *Pricing) curve(c *Cloud, in CostInputs) *volumeCurve {
	return p.curves.get(keyOf(c, in), func() *volumeCurve {
		lo, hi := math.Log10(chartFrom(in)), math.Log10(MaxChartRequests)
		volumes := make([]float64, int(math.Round((hi-lo)*CurvePerDecade))+1)
		for i := range volumes {
			volumes[i] = math.Pow(10, lo+float64(i)/CurvePerDecade)
		}
		bills := p.sampler(c, in)
		defer bills.release()
		points := bills.curve(volumes)
		return &volumeCurve{points: points, crossings: crossings(bills, points)}
	})
}

// Facts returns every figure behind the bills: the cloud's prices, limits
// and assumptions, its catalogues, and the assumptions all clouds share.
func (c *Cost) Facts() []*Fact {
	return slices.Concat(c.Cloud.Sourced(), c.Cloud.Assumptions, c.Common.Assumptions)
}

// Bills returns the three bills in the order the site shows them.
func (c *Cost) Bills() []*Bill { return []*Bill{&c.Functions, &c.Containers, &c.Servers} }

// Bill returns the bill of one kind of option, or nil for another kind.
func (c *Cost) Bill(kind OptionKind) *Bill {
	for _, b := range c.Bills() {
		if b.Kind == kind {
			return b
		}
	}
	return nil
}

// Product is the provider's name for an option kind on the cost's cloud,
// or the kind itself should it have no bill.
func (c *Cost) Product(kind OptionKind) string {
	if b := c.Bill(kind); b != nil {
		return b.Product
	}
	return string(kind)
}

// AvailableByPrice returns the bills of the options that can run the
// work, cheapest first, in the order the cost reason weighs them.
func (c *Cost) AvailableByPrice() []*Bill {
	bills, n := byPrice(&c.Functions, &c.Containers, &c.Servers)
	return bills[:n:n]
}

// Cheapest is the cheapest available option, or nil.
func (c *Cost) Cheapest() *Bill {
	if bills, n := byPrice(&c.Functions, &c.Containers, &c.Servers); n > 0 {
		return bills[0]
	}
	return nil
}

// HybridBill is the bill of a hybrid split: the request workload on the side
// the split gives it, and the minimum of the other side for the parts that
// run there.
type HybridBill struct {
	Total float64
	Parts []HybridPart
}

// HybridPart is one side of a hybrid bill.
type HybridPart struct {
	RunsOn  Verdict // serverless or traditional
	Product string
	Share   float64 // of the requests
	USD     float64
	What    string // what this side's money pays for
}

// Crossing is a volume at which the functions bill crosses another option's.
type Crossing struct {
	With     OptionKind // servers or containers
	Requests float64    // a month
	// FunctionsCheaperBelow is true when functions are the cheaper option
	// just below the volume.
	FunctionsCheaperBelow bool
}

// CostPoint is the bills of the three options at one volume.
type CostPoint struct {
	Requests                       float64
	Functions, Containers, Servers float64    // NaN when the option is unavailable
	Cheapest                       OptionKind // the kind of the cheapest available option
	// Alike is what every option's bill pays alike (logs, data
	// transfer): a difference between two bills is weighed
	// without it, since it adds the same dollars to both.
	Alike float64
}

// Total is the bill of one option at the point (NaN when it cannot run
// the work).
func (pt CostPoint) Total(kind OptionKind) float64 {
	switch kind {
	case Functions:
		return pt.Functions
	case Containers:
		return pt.Containers
	}
	return pt.Servers
}

// TimelinePoint is the bills of one month of growth.
type TimelinePoint struct {
	Month int
	CostPoint
}

// Curve prices the three options at each volume, everything else as in
// the inputs.
func (p *Pricing) Curve(cloudID string, in CostInputs, volumes []float64) []CostPoint {
	return p.curveOn(p.Cloud(cloudID), in, volumes)
}

func (p *Pricing) curveOn(c *Cloud, in CostInputs, volumes []float64) []CostPoint {
	bills := p.sampler(c, in)
	defer bills.release()
	return bills.curve(volumes)
}

// curve prices the three options at each volume.
func (s *sampler) curve(volumes []float64) []CostPoint {
	out := make([]CostPoint, len(volumes))
	for i, v := range volumes {
		out[i] = s.point(v)
	}
	return out
}

// point prices the three options at a volume, for a curve.
func (s *sampler) point(requests float64) CostPoint {
	f, ct, sv := s.at(requests)
	return costPoint(requests, &f, &ct, &sv, s.alike())
}

func costPoint(requests float64, f, ct, s *Bill, alike float64) CostPoint {
	pt := CostPoint{Requests: requests, Functions: total(*f), Containers: total(*ct), Servers: total(*s), Alike: alike}
	if bills, n := byPrice(f, ct, s); n > 0 {
		pt.Cheapest = bills[0].Kind
	}
	return pt
}

// The range of monthly volumes the advisor searches for crossings and
// draws: 10³ (10⁰ for scheduled runs and long work, see Cost.ChartFrom)
// to 10¹¹ requests a month, the largest volume it accepts (10⁵ for a
// timer's runs, see Cost.ChartTo).
const (
	MinChartRequests = 1e3
	maxRequests      = 1e11
	MaxChartRequests = maxRequests
	maxChartRuns     = 1e5
)

// negligibleUSD is a monthly bill, besides what every option pays alike
// (the same data transfer on each), below which two bills crossing is
// rounding within the free grants, not a point where the choice changes.
const negligibleUSD = 1.0

// crossings finds every volume the curve covers (Cost.ChartFrom to 10¹¹) at
// which the functions bill crosses the servers or the containers bill:
// each change of sign between neighbouring points of the curve narrowed
// down by bisection on a log scale, to a thousandth of the volume (the
// prose rounds it to two figures).
func crossings(bills *sampler, points []CostPoint) []Crossing {
	var out []Crossing
	for i := 1; i < len(points); i++ {
		prev, next := points[i-1], points[i]
		for _, other := range []struct {
			with OptionKind
			get  func(CostPoint) float64
		}{{Servers, func(pt CostPoint) float64 { return pt.Functions - pt.Servers }},
			{Containers, func(pt CostPoint) float64 { return pt.Functions - pt.Containers }}} {
			a, b := other.get(prev), other.get(next)
			if math.IsNaN(a) || math.IsNaN(b) || (a < 0) == (b < 0) {
				continue
			}
			if next.Functions-next.Alike < negligibleUSD && next.Total(other.with)-next.Alike < negligibleUSD {
				continue // free grants' cents beside what both pay alike, not a choice
			}
			if tie := max(0.01, next.Functions/1000); math.Abs(a) <= tie && math.Abs(b) <= tie {
				continue // two bills the same but for rounding: Cloud Run's functions and services
			}
			lo, hi := prev.Requests, next.Requests
			for hi/lo > 1.001 && math.Round(lo) != math.Round(hi) {
				mid := math.Sqrt(lo * hi)
				if bills.functionsLess(mid, other.with) == (a < 0) {
					lo = mid
				} else {
					hi = mid
				}
			}
			out = append(out, Crossing{With: other.with, Requests: math.Round(hi), FunctionsCheaperBelow: a < 0})
		}
	}
	slices.SortStableFunc(out, func(x, y Crossing) int { return int(math.Copysign(1, x.Requests-y.Requests)) })
	return out
}

// timeline prices each month of growth: the volume grows by growth (a
// share) a month, up to the largest volume the advisor accepts (a timer's
// runs do not grow: Model.growth reads no growth for them), and the data
// sent to the internet with it, the same bytes a request. The months at
// today's volume are now, the bills as itemised (each item rounded to the
// cent), so that month 0 reads what the bills do.
func (p *Pricing) timeline(c *Cloud, in CostInputs, growth float64, now CostPoint) []TimelinePoint {
	months := int(p.Common.t.timelineMonths.v())
	volumes := make([]float64, months)
	r := in.Requests
	for m := range volumes {
		volumes[m] = min(math.Round(r), maxRequests) // whole requests: 2 million × 1.4² is 3,920,000, not 3,919,999.9
		r *= 1 + growth
	}
	// Months at the same volume (no growth, or past the largest volume)
	// share one point.
	distinct := slices.Compact(slices.Clone(volumes))
	points := make([]CostPoint, len(distinct))
	for i, v := range distinct {
		points[i] = p.curveOn(c, in.atVolume(v), []float64{v})[0]
	}
	out := make([]TimelinePoint, months)
	j := 0
	for m, v := range volumes {
		for points[j].Requests != v {
			j++
		}
		out[m] = TimelinePoint{Month: m, CostPoint: points[j]}
		if v == now.Requests {
			now.Alike = points[j].Alike
			out[m].CostPoint = now
		}
	}
	return out
}

// cheapestChanges are the months the cheapest option changes on the
// timeline t: the first from which today's cheapest is not the cheapest
// for hold months running, or to the end of the timeline (changesAt),
// and the first after it from which today's cheapest leads again for as
// long (backAt); -1 where there is none.
// A month whose cheapest bill today's cheapest matches to the cent is
// still today's: Cloud Run functions and Cloud Run services, equal to the
// cent from month 17, had been said to change places in month 34 (review
// 159). A lead of one month is none: Container Apps 59 cents below Flex
// Consumption for one month had been named the month the cheapest
// changes, where Azure VMs took over for good five months later (review
// 154).
func cheapestChanges(t []TimelinePoint, hold int) (changesAt, backAt int) {
	todays := func(p TimelinePoint) bool {
		return p.Cheapest == t[0].Cheapest || math.Round(p.Total(t[0].Cheapest)*100) <= math.Round(p.Total(p.Cheapest)*100)
	}
	others := func(p TimelinePoint) bool { return !todays(p) }
	// first is the first month after from that starts hold months
	// running none of which lead says.
	first := func(from int, lead func(TimelinePoint) bool) int {
		for m := from + 1; m < len(t); m++ {
			if !slices.ContainsFunc(t[m:min(m+hold, len(t))], lead) {
				return m
			}
		}
		return -1
	}
	changesAt, backAt = first(0, todays), -1
	if changesAt > 0 {
		backAt = first(changesAt, others)
	}
	return changesAt, backAt
}

// CheapestChange says how the cheapest option changes as the volume
// grows, in the words every view of the timeline uses (the page, the
// scenarios, the chart's description, the decision record): head names
// the option and the month it takes over, "Amazon EC2 becomes the
// cheapest option in month 6", and back, where today's cheapest leads
// again later, when: head is then "Amazon EC2 is the cheapest option from
// month 6" and back ", until AWS Fargate (Amazon ECS) leads again in
// month 8". A two-month lead of $1.98 had been called the month EC2
// becomes the cheapest in the decision record (review 209). Both empty
// where the cheapest does not change.
func (c *Cost) CheapestChange() (head, back string) {
	m := c.CheapestChangesAt
	if m <= 0 || m >= len(c.Timeline) {
		return "", ""
	}
	product, month := c.Product(c.Timeline[m].Cheapest), FormatInt(int64(m))
	if b := c.CheapestBackAt; b > m {
		return product + " is the cheapest option from month " + month,
			", until " + c.Product(c.Timeline[0].Cheapest) + " leads again in month " + FormatInt(int64(b))
	}
	return product + " becomes the cheapest option in month " + month, ""
}

func total(b Bill) float64 {
	if !b.Available {
		return math.NaN()
	}
	return b.Total
}
