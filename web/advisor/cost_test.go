package advisor_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/web/advisor"
)

// testPrices are fixed prices for worked examples, independent of the
// editors' pricing.yaml: AWS us-east-1 list prices as of November 2026.
func testPrices(t testing.TB) *advisor.Prices {
	t.Helper()
	price := func(id string, v float64) *advisor.PriceEntry {
		return &advisor.PriceEntry{ID: id, Label: id, Value: v, Unit: "USD", Source: "https://aws.amazon.com/pricing/", AsOf: "2026-11-01"}
	}
	assume := func(id string, v float64) *advisor.PriceEntry {
		return &advisor.PriceEntry{ID: id, Label: id, Value: v, Unit: "n", Why: "test"}
	}
	p := &advisor.Prices{
		Prices: []*advisor.PriceEntry{
			price("lambda_request_usd_per_million", 0.20),
			price("lambda_gb_second_usd", 0.0000166667),
			price("lambda_arm_gb_second_usd", 0.0000133334),
			price("lambda_free_requests", 1_000_000),
			price("lambda_free_gb_seconds", 400_000),
			price("gateway_usd_per_million", 1.00),
			price("instance_hourly_usd", 0.0816),
			price("fargate_vcpu_hour_usd", 0.04048),
			price("fargate_gb_hour_usd", 0.004445),
			price("load_balancer_hourly_usd", 0.0225),
		},
		Assumptions: []*advisor.PriceEntry{
			assume("hours_per_month", 730),
			assume("instance_concurrency", 40),
			assume("instance_max_rps", 1000),
			assume("min_instances", 2),
			assume("peak_steady", 1.5),
			assume("peak_cyclical", 3),
			assume("peak_spiky", 10),
			assume("peak_unpredictable", 6),
			assume("fargate_task_vcpu", 2),
			assume("fargate_task_gb", 8),
			assume("ops_hourly_usd", 90),
			assume("ops_hours_serverless", 8),
			assume("ops_hours_traditional", 30),
		},
	}
	require.Empty(t, p.Validate())
	return p
}

const cent = 0.005

func TestServerlessCost(t *testing.T) {
	p := testPrices(t)

	// AWS's own example on the Lambda pricing page: 512 MB, 3 million
	// invocations a month, 1 second each, with the free tier.
	//   compute: 3,000,000 x 1 s x 0.5 GB = 1,500,000 GB-s
	//            - 400,000 free = 1,100,000 GB-s x $0.0000166667 = $18.33
	//   requests: 3,000,000 - 1,000,000 free = 2,000,000 x $0.20/M = $0.40
	//   total $18.73, which is AWS's figure; the HTTP API in front adds
	//   3 x $1.00 = $3.00.
	c := p.Serverless(advisor.CostInputs{Requests: 3_000_000, DurationMS: 1000, MemoryMB: 512, FreeTier: true})
	assert.InDelta(t, 1_500_000, c.GBSeconds, 1e-6)
	assert.InDelta(t, 18.33, c.Compute, cent)
	assert.InDelta(t, 0.40, c.Requests, cent)
	assert.InDelta(t, 18.73, c.Compute+c.Requests, cent)
	assert.InDelta(t, 3.00, c.Gateway, cent)
	assert.InDelta(t, 21.73, c.Total, cent)

	// The same without the free tier:
	//   1,500,000 GB-s x $0.0000166667 = $25.00; 3 x $0.20 = $0.60; + $3.00.
	c = p.Serverless(advisor.CostInputs{Requests: 3_000_000, DurationMS: 1000, MemoryMB: 512})
	assert.InDelta(t, 25.00, c.Compute, cent)
	assert.InDelta(t, 0.60, c.Requests, cent)
	assert.InDelta(t, 28.60, c.Total, cent)

	// 100 million requests of 200 ms at 512 MB, free tier on:
	//   GB-s = 1e8 x 0.2 x 0.5 = 10,000,000; (10,000,000 - 400,000) x $0.0000166667 = $160.00
	//   requests: 99 x $0.20 = $19.80; gateway: 100 x $1.00 = $100.00; total $279.80.
	c = p.Serverless(advisor.CostInputs{Requests: 100_000_000, DurationMS: 200, MemoryMB: 512, FreeTier: true})
	assert.InDelta(t, 160.00, c.Compute, cent)
	assert.InDelta(t, 19.80, c.Requests, cent)
	assert.InDelta(t, 279.80, c.Total, cent)

	// Operations time: 8 h x $90 = $720 on top.
	c = p.Serverless(advisor.CostInputs{Requests: 0, DurationMS: 200, MemoryMB: 512, FreeTier: true, OpsCost: true})
	assert.InDelta(t, 720.00, c.Total, cent)
}

func TestTraditionalCost(t *testing.T) {
	p := testPrices(t)
	tests := []struct {
		name          string
		in            advisor.CostInputs
		wantInstances int
		wantTotal     float64
	}{
		// 100 M requests a month: 1e8 / (730 x 3600 s) = 38.05 rps average,
		// x 3 at the daily peak = 114.2 rps. One instance serves
		// 40 / 0.2 s = 200 rps, so one would do; availability keeps two.
		// 2 x $0.0816 x 730 h = $119.14, + ALB $0.0225 x 730 = $16.43: $135.56.
		{"cyclical, within the minimum", advisor.CostInputs{Requests: 100_000_000, DurationMS: 200, Traffic: "cyclical"}, 2, 135.561},
		// Zero requests still pay for the minimum: $135.56.
		{"zero requests", advisor.CostInputs{Requests: 0, DurationMS: 200, Traffic: "steady"}, 2, 135.561},
		// 1 billion spiky requests: 380.5 rps average x 10 = 3,805 rps at peak;
		// / 200 rps = 19.03, so 20 instances: 20 x $0.0816 x 730 = $1,191.36 + $16.43 = $1,207.79.
		{"spiky billion", advisor.CostInputs{Requests: 1_000_000_000, DurationMS: 200, Traffic: "spiky"}, 20, 1207.785},
		// 10 ms requests: 40 / 0.01 s = 4,000 rps, capped at 1,000 per instance.
		// 5 billion steady: 1,902.6 rps x 1.5 = 2,853.9 rps: 3 instances.
		// 3 x $59.568 + $16.425 = $195.13.
		{"short requests hit the per-instance cap", advisor.CostInputs{Requests: 5_000_000_000, DurationMS: 10, Traffic: "steady"}, 3, 195.129},
		// Operations time: 30 h x $90 = $2,700 on top of $135.56.
		{"with operations time", advisor.CostInputs{Requests: 1000, DurationMS: 200, Traffic: "steady", OpsCost: true}, 2, 2835.561},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := p.Traditional(tt.in)
			assert.Equal(t, tt.wantInstances, c.Instances)
			assert.InDelta(t, tt.wantTotal, c.Total, cent)
		})
	}
}

func TestBreakEven(t *testing.T) {
	p := testPrices(t)

	// 200 ms at 512 MB, cyclical, free tier on. Servers cost $135.561 for up
	// to 2 x 200 rps x 730 x 3600 / 3 = 350.4 M requests. Past the free
	// tier (1 M requests; 400,000 GB-s = 4 M requests) serverless costs
	//   S(R) = (R - 1e6) x 0.2e-6 + (0.1 R - 400,000) x 0.0000166667 + R x 1e-6
	//        = R x 2.86667e-6 - 6.86668
	// so S(R) = 135.561 at R = 142.42768 / 2.86667e-6 = 49.68 M requests.
	in := advisor.CostInputs{DurationMS: 200, MemoryMB: 512, Traffic: "cyclical", FreeTier: true}
	be, ok := p.BreakEven(in)
	require.True(t, ok)
	assert.InDelta(t, 49_684_000, be, 2_000)
	in.Requests = be
	assert.InDelta(t, p.Traditional(in).Total, p.Serverless(in).Total, cent, "both cost the same at break-even")

	// Without the gateway's $1/M the line is flatter and crosses later.
	// Every crossing found must be the first: below it serverless is never
	// more expensive.
	for _, in := range []advisor.CostInputs{
		{DurationMS: 200, MemoryMB: 512, Traffic: "cyclical", FreeTier: true},
		{DurationMS: 20, MemoryMB: 128, Traffic: "steady", FreeTier: true},
		{DurationMS: 3000, MemoryMB: 2048, Traffic: "spiky"},
		{DurationMS: 1, MemoryMB: 128, Traffic: "unpredictable", FreeTier: true, OpsCost: true},
		{DurationMS: 3_600_000, MemoryMB: 10240, Traffic: "steady"},
	} {
		be, ok := p.BreakEven(in)
		if !ok {
			continue
		}
		for _, f := range []float64{0, 0.1, 0.5, 0.9, 0.999} {
			in.Requests = be * f
			assert.LessOrEqual(t, p.Serverless(in).Total, p.Traditional(in).Total+cent, "%+v at %.0f: serverless is cheaper below break-even", in, in.Requests)
		}
		in.Requests = be
		assert.GreaterOrEqual(t, p.Serverless(in).Total, p.Traditional(in).Total-cent, "%+v: serverless reaches servers' cost at break-even %.0f", in, be)
	}
}

func TestCostEdges(t *testing.T) {
	p := testPrices(t)

	zero := p.Estimate(advisor.CostInputs{Requests: 0, DurationMS: 200, MemoryMB: 512, Traffic: "steady", FreeTier: true})
	assert.Zero(t, zero.Serverless.Total, "no requests, no serverless bill")
	assert.InDelta(t, 135.561, zero.Traditional.Total, cent)

	huge := p.Estimate(advisor.CostInputs{Requests: 1e11, DurationMS: 3_600_000, MemoryMB: 10240, Traffic: "spiky"})
	for _, v := range []float64{huge.Serverless.Total, huge.Traditional.Total, huge.Containers} {
		assert.False(t, math.IsNaN(v) || math.IsInf(v, 0), "finite at the largest inputs")
		assert.Positive(t, v)
	}

	// A tiny function on steady traffic becomes dearer than servers only
	// at billions of requests; the search reaches it, past the free tier,
	// through the closed form, and agrees with the bills.
	in := advisor.CostInputs{DurationMS: 1, MemoryMB: 128, Traffic: "steady"}
	be, ok := p.BreakEven(in)
	require.True(t, ok)
	assert.Greater(t, be, 1e8)
	in.Requests = be
	assert.InDelta(t, p.Traditional(in).Total, p.Serverless(in).Total, 1)
}

// TestCostMonotonic: more requests never cost less, on either side.
func TestCostMonotonic(t *testing.T) {
	p := testPrices(t)
	for _, traffic := range []string{"steady", "cyclical", "spiky", "unpredictable"} {
		for _, dur := range []float64{1, 50, 200, 5000, 900_000} {
			for _, free := range []bool{true, false} {
				prevS, prevT := -1.0, -1.0
				for r := 0.0; r <= 1e11; r = r*1.7 + 1000 {
					in := advisor.CostInputs{Requests: r, DurationMS: dur, MemoryMB: 1024, Traffic: traffic, FreeTier: free}
					s, tr := p.Serverless(in).Total, p.Traditional(in).Total
					if s < prevS || tr < prevT {
						t.Fatalf("%+v: cost fell as requests rose (serverless %v -> %v, servers %v -> %v)", in, prevS, s, prevT, tr)
					}
					prevS, prevT = s, tr
				}
			}
		}
	}
}

// TestCostIsAFactor: the cheaper architecture gains a reason of its own.
func TestCostIsAFactor(t *testing.T) {
	m := model(t)
	r := m.Recommend(answers(t, m, "requests=100000"))
	require.NotNil(t, r.Cost)
	var cost *advisor.Reason
	for i := range r.Reasons {
		if r.Reasons[i].Question.Key == "cost" {
			cost = &r.Reasons[i]
		}
	}
	require.NotNil(t, cost, "cost is one of the reasons")
	assert.Equal(t, advisor.Serverless, cost.Favours, "100,000 requests a month cost cents on functions")
	assert.Contains(t, cost.Option.Reason, "serverless costs about $")
	assert.Equal(t, 3.0, cost.Weight, "the gap is large: the weight is capped at max_weight")

	r = m.Recommend(answers(t, m, "traffic=steady&requests=3000000000&duration=100"))
	for _, reason := range r.Reasons {
		if reason.Question.Key == "cost" {
			assert.Equal(t, advisor.Traditional, reason.Favours, "3 billion steady requests are cheaper on servers")
		}
	}
}
