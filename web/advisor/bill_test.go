package advisor

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// testPricing reads the site's own price files from disk and validates
// them, so that the worked examples below check the published figures
// the site uses.
func testPricing(t testing.TB) *Pricing {
	t.Helper()
	read := func(name string, v any) {
		b, err := os.ReadFile(filepath.Join("..", "..", "content", "pricing", name))
		require.NoError(t, err)
		require.NoError(t, yaml.Unmarshal(b, v))
	}
	p := &Pricing{Common: &Common{}}
	read("common.yaml", p.Common)
	require.Empty(t, p.Common.Validate())
	for _, id := range Clouds {
		c := &Cloud{}
		read(id+".yaml", c)
		require.Empty(t, c.Validate(), id)
		p.Clouds = append(p.Clouds, c)
	}
	return p
}

// flat replaces a traffic shape's daily profile with a constant load, as
// the providers' own worked examples assume.
func flat(p *Pricing, traffic string) {
	prof := p.Common.profile(traffic)
	for h := range prof.Hourly {
		prof.Hourly[h] = 1
	}
}

func item(b Bill, id string) Item {
	for _, it := range b.Items {
		if it.ID == id {
			return it
		}
	}
	return Item{}
}

const cent = 0.005

// TestLambdaPublishedExample is AWS's own example on the Lambda pricing
// page: 512 MB, 3 million invocations a month of 1 second each, with the
// free tier.
//
//	compute:  3,000,000 × 1 s × 0.5 GB = 1,500,000 GB-s
//	          − 400,000 free = 1,100,000 GB-s × $0.0000166667 = $18.33
//	requests: 3,000,000 − 1,000,000 free = 2,000,000 × $0.20/M = $0.40
//	total $18.73, which is AWS's figure.
func TestLambdaPublishedExample(t *testing.T) {
	p := testPricing(t)
	in := CostInputs{Requests: 3_000_000, DurationMS: 1000, MemoryMB: 512, Traffic: "steady", Entry: "events", CPU: "light", FreeTier: true}
	// One event per invocation, all on demand, as in AWS's example: the
	// bill would otherwise provision the environments a steady load
	// keeps busy, which costs less (TestProvisionedWhereItCostsLess).
	c := p.Cloud("aws")
	batch, provisioned := c.t.eventBatchSize, c.t.functionsWarmGBSecond
	c.t.eventBatchSize, c.t.functionsWarmGBSecond = &Fact{norm: 1}, nil
	defer func() { c.t.eventBatchSize, c.t.functionsWarmGBSecond = batch, provisioned }()
	w := p.workload(c, in)
	w.detail = true
	b := w.functionsBill()
	assert.InDelta(t, 18.33, item(b, "compute").USD, cent)
	assert.InDelta(t, 0.40, item(b, "requests").USD, cent)
	assert.InDelta(t, 18.73, item(b, "compute").USD+item(b, "requests").USD, cent)
}

// TestFlexConsumptionPublishedExample is Microsoft's example on its page
// on estimating consumption costs: HTTP requests at a constant 40 a second,
// 10 in flight, on 2,048 MB instances, no always-ready instances, no free
// grant.
//
//	I/O-bound: one instance serves all 10 at once:
//	  2 GB × 3,600 s × $0.000026 = $0.1872 an hour
//	  executions 144,000 an hour × $0.40/M = $0.0576 an hour
//	CPU-bound: one request per instance, 10 instances: $1.872 an hour
//	  of execution time.
func TestFlexConsumptionPublishedExample(t *testing.T) {
	p := testPricing(t)
	flat(p, "steady")
	hours := p.Common.t.hoursPerMonth.v()
	in := CostInputs{Requests: 40 * 3600 * hours, DurationMS: 250, MemoryMB: 128, Traffic: "steady", Entry: "http", CPU: "light"}

	io := p.workload(p.Cloud("azure"), in).functionsBill()
	assert.InDelta(t, 0.1872*hours, item(io, "compute").USD, 0.01*hours, "one busy 2 GB instance")
	assert.InDelta(t, 0.0576*hours, item(io, "requests").USD, cent*hours)

	in.CPU = "heavy"
	cpu := p.workload(p.Cloud("azure"), in).functionsBill()
	assert.InDelta(t, 1.872*hours, item(cpu, "compute").USD, 0.02*hours, "ten instances, one request each")
}

// TestCloudRunFunctionsArithmetic checks the Cloud Run functions bill
// against the published rates by hand (Google publishes the rates, not a
// worked example): 512 MB (0.333 vCPU), 3 million requests of 1 second,
// billed in 100 ms steps, with the free tier.
//
//	vCPU-seconds: 3,000,000 × 1 s × 0.333 = 999,000 − 180,000 free
//	              = 819,000 × $0.000024 = $19.656
//	GiB-seconds:  3,000,000 × 0.5 = 1,500,000 − 360,000 free
//	              = 1,140,000 × $0.0000025 = $2.85
//	requests:     3,000,000 − 2,000,000 free = 1,000,000 × $0.40/M = $0.40
func TestCloudRunFunctionsArithmetic(t *testing.T) {
	p := testPricing(t)
	in := CostInputs{Requests: 3_000_000, DurationMS: 1000, MemoryMB: 512, Traffic: "steady", Entry: "schedule", CPU: "light", FreeTier: true}
	b := p.workload(p.Cloud("gcp"), in).functionsBill()
	assert.InDelta(t, 19.656+2.85, item(b, "compute").USD, cent)
	assert.InDelta(t, 0.40, item(b, "requests").USD, cent)
}

// TestCloudRunFractionalCPU: Cloud Run gives an instance of less than one
// vCPU one request at a time and bills it only while it serves, so a
// service billed by instance has at least one vCPU, and a smaller size
// billed by request takes one request at a time; one of a vCPU or more
// takes several, given the memory for them (0.5 GB holds one request of
// 512 MB).
func TestCloudRunFractionalCPU(t *testing.T) {
	p := testPricing(t)
	gcp := p.Cloud("gcp")
	require.NotEmpty(t, gcp.instanceSizes)
	for _, m := range gcp.instanceSizes {
		assert.GreaterOrEqual(t, m.vcpu, 1.0, "%s billed by instance", m.name)
	}
	// A light, short request on a cyclical day: before, ten 0.08 vCPU
	// instances billed by instance were the cheapest.
	in := CostInputs{Requests: 30_000_000, DurationMS: 150, MemoryMB: 512, Traffic: "cyclical", Entry: EntryHTTP, CPU: "light", LogBytes: -1}
	w := p.workload(gcp, in)
	w.detail = true
	b := w.containersBill()
	require.True(t, b.Available)
	if b.Sizing.Billing == BillingInstance {
		assert.GreaterOrEqual(t, b.Sizing.VCPU, 1.0)
	}
	for _, m := range gcp.containerMachines(gcp.t.containersVCPUSecond, gcp.t.containersGBSecond) {
		k, ok := w.requestsAtOnce(m)
		if !ok {
			continue
		}
		switch {
		case m.vcpu < 1:
			assert.Equal(t, 1.0, k, "%s takes one request at a time", m.name)
		case m.gb >= 1:
			assert.Greater(t, k, 1.0, "%s takes several", m.name)
		}
	}
}

func TestTiers(t *testing.T) {
	f := &Fact{Value: 1, norm: 1, factor: 1, per: 1e6, Tiers: []Tier{{Above: 300e6, Value: 0.9}}}
	assert.InDelta(t, 300, f.cost(300e6), 1e-9)
	assert.InDelta(t, 300+0.9*2700, f.cost(3e9), 1e-6, "3 billion requests: the first 300 million at $1.00, the rest at $0.90")
	assert.Zero(t, (*Fact)(nil).cost(5), "a price the cloud does not have costs nothing")
}

func TestCommitCost(t *testing.T) {
	var flatSpend, peaky [24]float64
	for h := range flatSpend {
		flatSpend[h], peaky[h] = 1, 1
	}
	peaky[12] = 10
	assert.InDelta(t, 24, commitCost(flatSpend, 0), 1e-9)
	assert.InDelta(t, 24*0.6, commitCost(flatSpend, 0.4), 1e-9, "a steady spend is all committed")
	assert.InDelta(t, 24*0.6+9, commitCost(peaky, 0.4), 1e-9, "the one busy hour above the base pays on demand")
	// A higher spend in any hour never lowers the cost.
	for h := range peaky {
		more := peaky
		more[h] += 0.5
		assert.GreaterOrEqual(t, commitCost(more, 0.4), commitCost(peaky, 0.4))
	}
	// The cost is the cheapest of every level a commitment could cover:
	// none, or any hour's spend.
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		var spend [24]float64
		for h := range spend {
			spend[h] = math.Floor(rng.Float64()*8) * 0.25
		}
		d := rng.Float64()
		best := math.Inf(1)
		for _, level := range append(spend[:], 0) {
			cost := 24 * level * (1 - d)
			for _, x := range spend {
				cost += max(0, x-level)
			}
			best = min(best, cost)
		}
		assert.InDelta(t, best, commitCost(spend, d), 1e-9, "%v at %.2f off", spend, d)
	}
}

// TestSustainedCostTriesEveryCommitment checks sustainedCost against the
// sum written out: for each commitment from none to the busiest hour's
// machines, the committed machines all day at the commitment's discount
// and every machine above them for the hours it runs, less the discount
// they earn.
func TestSustainedCostTriesEveryCommitment(t *testing.T) {
	sud := testPricing(t).Cloud("gcp").t.serversSustainedUse
	rng := rand.New(rand.NewPCG(3, 7))
	for range 200 {
		var n [24]float64
		for h := range n {
			n[h] = float64(rng.IntN(6))
		}
		slices.Sort(n[:])
		d := []float64{0, 0.2, 0.55}[rng.IntN(3)]
		want := math.Inf(1)
		for c := 0.0; c <= n[23]; c++ {
			if d == 0 && c > 0 {
				break
			}
			usd := 24 * c * (1 - d)
			for level := c + 1; level <= n[23]; level++ {
				hours := 0
				for _, x := range n {
					if x >= level {
						hours++
					}
				}
				usd += 24 * sud.cost(float64(hours)/24*100) / 100 // the discount for the hours it runs
			}
			want = min(want, usd)
		}
		assert.InDelta(t, want, sustainedCost(n, 1, d, sud), 1e-9, "%v at %.2f off", n, d)
	}
}

func TestBusy(t *testing.T) {
	assert.InDelta(t, 0, busy(anyInFlight(0), 0, 10), 1e-12)
	assert.InDelta(t, 1-math.Exp(-0.01), busy(anyInFlight(0.01), 0.01, 10), 1e-12, "a rare request bills its own time")
	assert.InDelta(t, 5, busy(anyInFlight(50), 50, 10), 1e-12, "at load, in-flight requests share instances")
}

func TestFormatCount(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{49_684_016, "50 million"},
		{27_500_000, "28 million"},
		{9_540_000, "9.5 million"},
		{6_900_000, "6.9 million"},
		{9_960_000, "10 million"},
		{1_000_000, "1 million"},
		{1_234_000_000, "1.2 billion"},
		{1e11, "100 billion"},
		{354_000, "350,000"},
		{1_000, "1,000"},
		{7, "7"},
		{0, "0"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, FormatCount(tt.in), "FormatCount(%v)", tt.in)
	}
}

// TestWaitingIsNotComputing: a request that mostly waits, however long,
// computes for at most cpu_light_max_ms, so twenty seconds of waiting on a
// model do not buy twenty times the cores of a one-second call; a request
// that computes throughout still does.
func TestWaitingIsNotComputing(t *testing.T) {
	p := testPricing(t)
	in := CostInputs{Requests: 5_000_000, DurationMS: 20_000, MemoryMB: 128, Traffic: "steady", Entry: "http", CPU: "light"}
	waiting := p.workload(p.Cloud("aws"), in).serversBill()
	require.True(t, waiting.Available)
	assert.NotEqual(t, BoundByCPU, waiting.Sizing.BoundBy, "held open, not computing")

	in.DurationMS = 1000
	second := p.workload(p.Cloud("aws"), in).serversBill()
	in.DurationMS = 20_000
	in.CPU = "heavy"
	computing := p.workload(p.Cloud("aws"), in).serversBill()
	assert.Equal(t, BoundByCPU, computing.Sizing.BoundBy)
	assert.Less(t, waiting.Total, computing.Total/4, "waiting costs a fraction of computing")
	assert.GreaterOrEqual(t, waiting.Total, second.Total, "a longer wait never costs less")
}

// TestBootDisks: every machine of a servers bill pays its boot disk for
// the hours it runs (20 GB of gp3 on AWS, of balanced persistent disk on
// Google Cloud, one E4 disk on Azure), a machine started for each run
// included; functions and serverless containers pay none.
func TestBootDisks(t *testing.T) {
	p := testPricing(t)
	perMonth := map[string]float64{"aws": 20 * 0.08, "gcp": 20 * 0.1, "azure": 2.4}
	for cloud, month := range perMonth {
		for _, in := range []CostInputs{
			{Requests: 50_000_000, DurationMS: 100, MemoryMB: 512, Traffic: "steady", Entry: "http", CPU: "light"},
			{Requests: 30, DurationMS: 2_700_000, MemoryMB: 4096, Traffic: "steady", Entry: "schedule", CPU: "moderate"},
		} {
			functions, containers, servers := p.itemisedBills(p.Cloud(cloud), in)
			disk := item(servers, "disks")
			machineHours := servers.Sizing.Average * 730
			assert.Positive(t, disk.USD, "%s %s", cloud, in.Entry)
			assert.InDelta(t, machineHours*month/730, disk.USD, cent, "%s %s: %s", cloud, in.Entry, disk.Formula)
			assert.NotEmpty(t, disk.Formula)
			assert.Empty(t, item(functions, "disks").ID, "functions have no disks")
			assert.Empty(t, item(containers, "disks").ID, "managed containers bring their own scratch space")
		}
	}
}

// TestStatefulSessionsKeepContainersAllocated: on platforms that bill
// containers only while they serve (Cloud Run, Container Apps), clients
// connected to a session keep their instance busy all day: such
// connections are billed as instances kept allocated, at least the
// availability minimum every hour, never as instances that scale to zero.
// On Azure, at the serving rates, the requests and the free grant still
// count. A few live features' connections may instead go to the cloud's
// managed connection service, on the containers' bill, beside instances
// that scale to zero, where that costs less.
func TestStatefulSessionsKeepContainersAllocated(t *testing.T) {
	p := testPricing(t)
	for _, cloud := range []string{"gcp", "azure"} {
		in := CostInputs{Requests: 5_000_000, DurationMS: 100, MemoryMB: 512, Traffic: "spiky", Entry: "http", CPU: "light", FreeTier: true}
		_, scaling, _ := p.itemisedBills(p.Cloud(cloud), in)
		in.Realtime = "core"
		_, sessions, _ := p.itemisedBills(p.Cloud(cloud), in)
		require.True(t, sessions.Available, cloud)
		assert.Equal(t, BillingRequest, scaling.Sizing.Billing, "%s: without sessions the instances scale to zero", cloud)
		assert.Equal(t, BillingInstance, sessions.Sizing.Billing, cloud)
		// Two, as any fleet answering requests keeps for a zone's loss:
		// Cloud Run starts another when one is lost, but the requests
		// would wait for it.
		assert.GreaterOrEqual(t, sessions.Sizing.Average, 2.0, "%s: the availability minimum, all month", cloud)
		assert.Greater(t, sessions.Total, scaling.Total, cloud)
		if cloud == "azure" {
			assert.Contains(t, item(sessions, "requests").Formula, "27,778 requests opening the sessions' connections (5,000,000 requests × 10 seconds connected each ÷ 30 minutes a connection)", "Container Apps bills the requests that open the connections")
			assert.Negative(t, item(sessions, "free_grant").USD, "and grants its free seconds")
		}
		in.Realtime = "some"
		_, features, _ := p.itemisedBills(p.Cloud(cloud), in)
		// Apart from the HTTP requests, which a session's client sends as
		// messages over its connection, and the channel that passes a
		// feature's updates between instances, where sessions keep each
		// client with its own.
		assert.LessOrEqual(t, features.Total-item(features, "requests").USD-item(features, "fan_out").USD, sessions.Total, cloud)
		assert.Equal(t, features.Sizing.Billing == BillingRequest, item(features, "live_connections").ID != "", "%s: the managed service on the bill of instances that scale to zero", cloud)
		if cloud == "gcp" {
			assert.Equal(t, BillingRequest, features.Sizing.Billing, "Firebase holds them for less than instances kept allocated")
		}
	}
}

// TestStatefulSessionsTakeMemory: a fleet that keeps stateful sessions in
// its processes holds each connected session's memory beside the requests
// in flight: at the busiest hour's sessions (session_seconds_per_request
// of connection for each request, session_memory_mb each) the machines'
// memory at the target utilisation covers them. Cloud Run counts each
// open connection as a request in flight, 1,000 at most to an instance.
// Two e2-micro machines had kept 4,000 sessions in 0.6 GB between them,
// and 31 Cloud Run instances 222,000 connections. A few live features'
// connections take connection_memory_kb each on the servers that hold
// them, and so do the sessions' connections in serverless containers that
// keep the sessions' state in a store outside the process (Cloud Run):
// instances sized for the state beside the store that holds it had
// counted the same 3,216 sessions twice (review 174).
func TestStatefulSessionsTakeMemory(t *testing.T) {
	p := testPricing(t)
	k := &p.Common.t
	for _, cloud := range []string{"aws", "gcp", "azure"} {
		for _, requests := range []float64{1e8, 1e9, 1e10} {
			in := CostInputs{Entry: EntryHTTP, Requests: requests, DurationMS: 20, MemoryMB: 256, Traffic: "steady", CPU: "light", FreeTier: true, Availability: "redundant", Realtime: "core", LogBytes: -1}
			w := p.workload(p.Cloud(cloud), in)
			_, containers, servers := p.itemisedBills(p.Cloud(cloud), in)
			sessions := w.peakRPS() * k.sessionSeconds.v()
			sessionsGB := sessions * k.sessionMemoryMB.v() / 1024
			for _, b := range []Bill{containers, servers} {
				sz := b.Sizing
				usable := sz.MemoryGB
				if b.Kind == Servers {
					usable -= k.osMemoryGB.v()
				}
				want := sessionsGB
				if b.Kind == Containers && w.sessionsLeaveProcesses() {
					// The sessions' state is in the store the bill pays
					// for; the instances hold their connections alone.
					want = sessions * k.connectionMemoryMB.v() / 1024
				}
				held := float64(sz.Instances) * usable * k.targetUtilisation.v()
				assert.GreaterOrEqual(t, held, want, "%s %g %s: %d × %s", cloud, requests, b.Kind, sz.Instances, sz.Machine)
				if want < sessionsGB && requests >= 1e9 {
					assert.Less(t, held, sessionsGB, "%s %g: sized for the state the store holds: %d × %s", cloud, requests, sz.Instances, sz.Machine)
				}
				if lim := p.Cloud(cloud).t.containersMaxConcurrency; lim != nil && b.Kind == Containers {
					assert.GreaterOrEqual(t, float64(sz.Instances)*lim.v(), sessions, "%s %g: connections an instance takes", cloud, requests)
				}
			}
			// A few live features' connections, open longer and holding
			// less, take their memory on the servers that hold them too.
			in.Realtime = "some"
			w = p.workload(p.Cloud(cloud), in)
			_, _, servers = p.itemisedBills(p.Cloud(cloud), in)
			connectionsGB := w.peakRPS() * k.messagingConnectionMinutes.v() * 60 * k.connectionMemoryMB.v() / 1024
			held := float64(servers.Sizing.Instances) * (servers.Sizing.MemoryGB - k.osMemoryGB.v()) * k.targetUtilisation.v()
			assert.GreaterOrEqual(t, held, connectionsGB, "%s %g live features: %d × %s", cloud, requests, servers.Sizing.Instances, servers.Sizing.Machine)
		}
	}
}

// TestFormatsHaveNoFloatArtefacts: counts and money read as a person
// writes them, whatever the floating-point arithmetic behind them.
func TestFormatsHaveNoFloatArtefacts(t *testing.T) {
	tests := []struct{ got, want string }{
		{FormatCount(7.5e6), "7.5 million"},
		{FormatCount(7499999.999999999), "7.5 million"},
		{FormatCount(5999999.999999999), "6 million"},
		{FormatCount(0.30000000000000004 * 1e9), "300 million"},
		{FormatCount(1.15e9), "1.2 billion"},
		{FormatUSD(-0.001), "$0.00"},
		{FormatUSD(math.Copysign(0, -1)), "$0.00"},
		{FormatRoughUSD(-0.004), "$0"},
		{FormatUSD(-3.1), "−$3.10"},
		{formatCents(1010.4), "$1,010.40"},
		{formatCents(10.4 - 0.3), "$10.10"},
		{formatCents(12.005000000000001), "$12.01"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.got)
	}
}

// TestSustainedUse checks Compute Engine's sustained-use discount: a
// machine that runs all month pays 80.03% of its base price (100%, 86.78%,
// 73.35% and 60% for each quarter of the month), one that runs a quarter
// of it pays in full, and a commitment replaces the discount for the
// machines it covers.
func TestSustainedUse(t *testing.T) {
	p := testPricing(t)
	sud := p.Cloud("gcp").t.serversSustainedUse
	require.NotNil(t, sud)
	var allDay, quarter [24]float64 // machines each hour, quietest first
	for h := range allDay {
		allDay[h] = 1
		if h >= 18 {
			quarter[h] = 1
		}
	}
	assert.InDelta(t, 24*0.80033, sustainedCost(allDay, 1, 0, sud), 1e-3)
	assert.InDelta(t, 6, sustainedCost(quarter, 1, 0, sud), 1e-9)
	assert.InDelta(t, 24*0.45, sustainedCost(allDay, 1, 0.55, sud), 1e-9, "a 3-year commitment beats the sustained-use discount")

	// In a fleet that runs all day, N2 earns it and E2 does not; T2A gets
	// no commitment.
	flat(p, "steady")
	in := CostInputs{Requests: 2e9, DurationMS: 100, MemoryMB: 512, Traffic: "steady", Entry: "http", CPU: "light", Commit: "3y", LogBytes: -1}
	w := p.workload(p.Cloud("gcp"), in)
	for _, m := range p.Cloud("gcp").machines(false, false) {
		f, ok := w.sizeFleet(m, fleetKind{vm: true})
		require.True(t, ok)
		onDemand := f.cost(0, nil)
		switch {
		case m.name == "n2-standard-2":
			assert.InDelta(t, onDemand*0.80033, f.cost(0, sud), onDemand*1e-3, m.name)
		case m.name == "e2-standard-2":
			assert.InDelta(t, onDemand, f.cost(0, sud), 1e-9, m.name)
		}
	}
	for _, m := range p.Cloud("gcp").machines(true, false) {
		if !strings.HasPrefix(m.name, "t2a") {
			continue // with Arm, the x86 sizes are offered too
		}
		f, _ := w.sizeFleet(m, fleetKind{vm: true})
		assert.InDelta(t, f.cost(0, nil), f.cost(0.55, sud), 1e-9, "%s: T2A has no commitment discount", m.name)
	}
}

// TestHolds: a process holds one request's memory once and a working set
// for each further request: 45 requests of 1 GB fit in a 8 GB machine.
func TestHolds(t *testing.T) {
	p := testPricing(t)
	in := CostInputs{Requests: 1e6, DurationMS: 30000, MemoryMB: 1024, Traffic: "steady", Entry: "events", CPU: "light", LogBytes: -1}
	w := p.workload(p.Cloud("azure"), in)
	k, ok := w.holds(8-0.5, 0.6)
	require.True(t, ok)
	assert.GreaterOrEqual(t, k, 45.0)
	_, ok = w.holds(0.9, 1)
	assert.False(t, ok, "one request's memory must fit")
	k, _ = w.holds(1, 1)
	assert.Equal(t, 1.0, k, "exactly one request's memory holds one")
}

func TestFormatUSD(t *testing.T) {
	tests := []struct {
		in         float64
		usd, rough string
	}{
		{math.Copysign(0, -1), "$0.00", "$0"},
		{-0.004, "$0.00", "$0"},
		{-0.03, "−$0.03", "−$0.03"},
		{-12.5, "−$12.50", "−$13"},
		{0.004, "$0.00", "$0"},
		{0.434, "$0.43", "$0.43"}, // two figures below $1, not "$0.40"
		{4.34, "$4.34", "$4.34"},
		{7.25, "$7.25", "$7.25"},
		{1234.4, "$1,234", "$1,200"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.usd, FormatUSD(tt.in), "FormatUSD(%v)", tt.in)
		assert.Equal(t, tt.rough, FormatRoughUSD(tt.in), "FormatRoughUSD(%v)", tt.in)
	}
	assert.Equal(t, "0.03802", trimPrice(0.038020000000000005))
}

// TestBilledInputsDecideTheBills: inputs whose billed inputs are equal
// have equal bills, on every cloud, at every volume. The cost axes and
// curves are shared by billed inputs, so an answer cleared there that a
// bill did read would give one answer set another's bills.
func TestBilledInputsDecideTheBills(t *testing.T) {
	p := testPricing(t)
	bases := []CostInputs{
		{DurationMS: 200, MemoryMB: 512, Traffic: "spiky", Entry: "http", CPU: "light", Commit: "none", FreeTier: true, LogBytes: -1},
		{DurationMS: 30000, MemoryMB: 2048, Traffic: "steady", Entry: "events", CPU: "heavy", Commit: "1y", OpsCost: true, LogBytes: 800, EgressGB: 500},
		{DurationMS: 2700000, MemoryMB: 4096, Traffic: "cyclical", Entry: "schedule", CPU: "moderate", Commit: "3y", Arm: true, LogBytes: -1},
	}
	change := map[string]func(*CostInputs, string){
		"ops":      func(in *CostInputs, v string) { in.Ops = v },
		"control":  func(in *CostInputs, v string) { in.Control = v },
		"realtime": func(in *CostInputs, v string) { in.Realtime = v },
		"jobs":     func(in *CostInputs, v string) { in.Jobs = v },
		"opsrate":  func(in *CostInputs, v string) { in.OpsRate = map[string]float64{"": 0, "a": 40, "b": 250}[v] },
	}
	values := map[string][]string{
		"ops": {"", "none", "parttime", "dedicated"}, "control": {"", "minimal", "some", "compliance", "full"},
		"realtime": {"", "none", "some", "messaging", "core"}, "jobs": {"", "none", "short", "minutes", "hours"},
		"opsrate": {"", "a", "b"},
	}
	for _, c := range p.Clouds {
		for _, base := range bases {
			for key, set := range change {
				for _, x := range values[key] {
					for _, y := range values[key] {
						a, b := base, base
						set(&a, x)
						set(&b, y)
						if a.billed() != b.billed() {
							continue
						}
						for _, r := range []float64{1e3, 1e6, 1e8, 1e10} {
							a.Requests, b.Requests = r, r
							fa, ca, sa := p.totals(c, a)
							fb, cb, sb := p.totals(c, b)
							assert.Equal(t, []float64{fa.Total, ca.Total, sa.Total}, []float64{fb.Total, cb.Total, sb.Total},
								"%s: %s %q and %q have the same billed inputs at %g requests", c.ID, key, x, y, r)
						}
					}
				}
			}
		}
	}
}

// TestSampledInputsDecideTheSamples: the sampled bills leave out what
// every option pays alike, so inputs that differ only in what those items
// read (the bytes logged) share their samples: each bill less those items
// is the same, at every volume, whether each option can run the work
// included, where the functions' own logs cost no less on their own
// tiers at the answers' volume (requests not given here). Fan-out
// messaging does not: a fleet holds its connections where functions pay
// the managed service for them. Past Lambda's first 10 TB of logs a
// month at the answers' volume, the axis prices them at the share their
// tiers take off, which the bytes logged change.
func TestSampledInputsDecideTheSamples(t *testing.T) {
	p := testPricing(t)
	bases := []CostInputs{
		{DurationMS: 200, MemoryMB: 512, Traffic: "spiky", Entry: "http", CPU: "light", Commit: "none", FreeTier: true, EgressGB: 50},
		{DurationMS: 30000, MemoryMB: 2048, Traffic: "steady", Entry: "events", CPU: "heavy", Commit: "1y", OpsCost: true, EgressGB: 500, Control: "full"},
		{DurationMS: 2700000, MemoryMB: 4096, Traffic: "cyclical", Entry: "schedule", CPU: "moderate", Commit: "3y", Arm: true},
	}
	for _, c := range p.Clouds {
		for _, base := range bases {
			var want [][3]float64
			messaging := base
			messaging.Realtime = "messaging"
			require.NotEqual(t, keyOf(c, base.sampled()), keyOf(c, messaging.sampled()))
			for i, logBytes := range []float64{-1, 0, 5000, 20000} {
				in := base
				in.LogBytes = logBytes
				in = in.logsOnAxis(c, &p.Common.t)
				require.Equal(t, keyOf(c, base.logsOnAxis(c, &p.Common.t).sampled()), keyOf(c, in.sampled()))
				bills := p.sampler(c, in)
				for j, requests := range []float64{1e3, 1e6, 1e9} {
					f, ct, s := bills.at(requests)
					// An option that cannot run the work has no bill: the
					// axis counts it as the dearest there is.
					got := [3]float64{-1, -1, -1}
					for k, b := range [3]Bill{f, ct, s} {
						if b.Available {
							got[k] = b.Total - bills.alike()
						}
					}
					if i == 0 {
						want = append(want, got)
						continue
					}
					for k, kind := range OptionKinds {
						assert.InDelta(t, want[j][k], got[k], 1e-6, "%s %+v at %g: %s", c.ID, in, requests, kind)
					}
				}
				bills.release()
			}
		}
	}
	aws := p.Cloud("aws")
	heavy := CostInputs{Requests: 1e9, DurationMS: 200, MemoryMB: 512, Traffic: "steady", Entry: "http", CPU: "light", Commit: "none", EgressGB: 50, LogBytes: 20000}
	light := heavy
	light.LogBytes = 5000
	assert.NotEqual(t, keyOf(aws, heavy.logsOnAxis(aws, &p.Common.t).sampled()), keyOf(aws, light.logsOnAxis(aws, &p.Common.t).sampled()))
	assert.InDelta(t, 1-(10240*0.5+9760*0.25)/(20000*0.5), heavy.logsOnAxis(aws, &p.Common.t).logsShare, 1e-9, "20 TB of logs a month, the free tier left out")
}

// TestSamplesPriceAsTotals checks that the bills an axis or a curve
// samples along the volume, each fleet trying first the size that won at
// the volume before and only the sizes no other outdoes, are the bills
// priced one volume at a time from the whole catalogue: the same totals.
// A sample keeps no sizing: nothing reads it.
func TestSamplesPriceAsTotals(t *testing.T) {
	p := testPricing(t)
	rng := rand.New(rand.NewPCG(17, 19))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	var volumes []float64
	for v := 1e3; v <= 1e11; v *= math.Sqrt(10) {
		volumes = append(volumes, v)
	}
	for range 200 {
		in := CostInputs{DurationMS: math.Round(math.Exp(rng.Float64() * math.Log(3e6))), MemoryMB: float64(int(128) << rng.IntN(8)),
			Traffic: pick("steady", "cyclical", "spiky", "unpredictable"), Entry: Entry(pick("http", "events", "schedule")),
			CPU: pick("light", "moderate", "heavy"), Commit: pick("none", "1y", "3y"), Availability: pick("single", "redundant"),
			Control: pick("minimal", "full"), Jobs: pick("none", "hours"), Arm: rng.IntN(2) == 0, FreeTier: true, LogBytes: -1,
			Realtime: pick("none", "some", "core"), Warm: rng.IntN(2) == 0}
		for _, c := range p.Clouds {
			bills := p.sampler(c, in)
			for _, v := range volumes {
				f, ct, s := bills.at(v)
				in.Requests = v
				want := [3]Bill{}
				want[0], want[1], want[2] = p.totals(c, in)
				for j, got := range [3]Bill{f, ct, s} {
					assert.Equal(t, want[j].Available, got.Available, "%s %+v", c.ID, in)
					assert.Equal(t, want[j].Total, got.Total, "%s %+v", c.ID, in)
					assert.Nil(t, got.Sizing)
				}
			}
			bills.release()
		}
	}
}

// TestOutdone: a machine is left out of the search along the volume only
// when another that fits serves as many requests for no more an hour,
// with the same discounts, and would win a tie (cheaper, or listed first).
func TestOutdone(t *testing.T) {
	ms := []machine{
		{name: "a", hourly: 1},              // as fast as b and as dear, listed first: kept
		{name: "b", hourly: 1},              // outdone by a, the first listed
		{name: "c", hourly: 2},              // faster than a, but g is as fast for less: outdone
		{name: "d", hourly: 3},              // slower than c and dearer: outdone
		{name: "e", hourly: 0.5, sud: true}, // cheaper, but another discount: kept
		{name: "f", hourly: 0.1},            // does not fit: never outdoes, never kept
		{name: "g", hourly: 1.5},            // as fast as c and cheaper, listed after it: outdoes c
	}
	c := &sampledCatalogue{rates: []machineRate{
		{perSecond: 10, fits: true}, {perSecond: 10, fits: true}, {perSecond: 20, fits: true},
		{perSecond: 15, fits: true}, {perSecond: 1, fits: true}, {perSecond: 100}, {perSecond: 20, fits: true},
	}}
	c.findContenders(ms)
	var kept []string
	for _, i := range c.contenders {
		kept = append(kept, ms[i].name)
	}
	assert.Equal(t, []string{"a", "e", "g"}, kept)
}

// TestByPrice: the bills that can run the work, cheapest first, the first
// listed on a tie, to the cent; the cost reason and the page's table read this order.
func TestByPrice(t *testing.T) {
	bill := func(kind OptionKind, total float64, ok bool) *Bill {
		return &Bill{Kind: kind, Total: total, Available: ok}
	}
	kinds := func(bills [3]*Bill, n int) []OptionKind {
		var out []OptionKind
		for _, b := range bills[:n] {
			out = append(out, b.Kind)
		}
		return out
	}
	for _, tt := range []struct {
		f, c, s *Bill
		want    []OptionKind
	}{
		{bill(Functions, 3, true), bill(Containers, 2, true), bill(Servers, 1, true), []OptionKind{Servers, Containers, Functions}},
		{bill(Functions, 2, true), bill(Containers, 2, true), bill(Servers, 2, true), []OptionKind{Functions, Containers, Servers}},
		// Equal to the cent is a tie, whatever a rounding error leaves.
		{bill(Functions, 876.7300001, true), bill(Containers, 876.7299999, true), bill(Servers, 929.29, true), []OptionKind{Functions, Containers, Servers}},
		{bill(Functions, 876.74, true), bill(Containers, 876.73, true), bill(Servers, 929.29, true), []OptionKind{Containers, Functions, Servers}},
		{bill(Functions, 1, false), bill(Containers, 5, true), bill(Servers, 5, true), []OptionKind{Containers, Servers}},
		{bill(Functions, 1, false), bill(Containers, 1, false), bill(Servers, 1, false), nil},
	} {
		assert.Equal(t, tt.want, kinds(byPrice(tt.f, tt.c, tt.s)))
	}
}

// TestReadsVolume: the volume's flip reads the cost axis alone only when
// nothing else that decides reads the volume; each such place is seen.
func TestReadsVolume(t *testing.T) {
	byVolume := Condition{volumeKey: {">=1000000"}}
	for _, tt := range []struct {
		name string
		m    Model
		want bool
	}{
		{"nothing", Model{Questions: []*Question{{Key: "latency"}}}, false},
		{"a constraint", Model{Constraints: []*Constraint{{When: byVolume}}}, true},
		{"a part of the split", Model{Split: []*SplitRule{{When: byVolume}}}, true},
		{"a question that applies by volume", Model{Questions: []*Question{{Key: "latency", Applies: byVolume}}}, true},
		{"options on the volume", Model{byKey: map[string]*Question{volumeKey: {Options: []*Option{{Value: "many"}}}}}, true},
	} {
		assert.Equal(t, tt.want, tt.m.readsVolume(), tt.name)
	}
}

// TestFormatSeconds: a duration in a bill's arithmetic or a limit reads
// as a person would say it.
func TestFormatSeconds(t *testing.T) {
	for _, tt := range []struct {
		s    float64
		want string
	}{
		{0.25, "250 ms"},
		{1, "1 second"},
		{95.5, "95.5 seconds"},
		{600, "10 minutes"},
		{954.1, "15.9 minutes"},
		{2745, "45.8 minutes"},
		{3600, "1 hour"},
		{5400, "90 minutes"},
	} {
		assert.Equal(t, tt.want, formatSeconds(tt.s), "%v s", tt.s)
	}
}

// TestUnitOf: a count of exactly one takes the singular of its unit's
// noun; rates, symbols and other counts keep the unit as written.
func TestUnitOf(t *testing.T) {
	for _, tt := range []struct {
		n          float64
		unit, want string
	}{
		{1, "addresses", "address"},
		{2, "addresses", "addresses"},
		{1, "instances", "instance"},
		{1, "requests at once", "request at once"},
		{1, "concurrent executions", "concurrent execution"},
		{1, "hours per month", "hour per month"},
		{1, "vCPUs", "vCPU"},
		{1, "GB-seconds", "GB-second"},
		{1, "USD per million messages", "USD per million messages"},
		{1, "ms", "ms"},
		{1, "percent", "percent"},
		{0.5, "vCPUs", "vCPUs"},
	} {
		assert.Equal(t, tt.want, UnitOf(tt.n, tt.unit), "%v %s", tt.n, tt.unit)
	}
}

// TestFormatRate: a rate reads in the largest period that keeps it at one
// or more, never as "0 requests a second".
func TestFormatRate(t *testing.T) {
	for _, tt := range []struct {
		perSecond float64
		want      string
	}{
		{114.2, "114 requests a second"},
		{4.23, "4.2 requests a second"},
		{1, "1 request a second"},
		{0.4, "24 requests a minute"},
		{1900.0 / (730 * 3600), "2.6 requests an hour"},
		{3.0 / 86400, "3 requests a day"},
		{1.0 / (730 * 3600), "0.033 requests a day"},
	} {
		assert.Equal(t, tt.want, FormatRate(tt.perSecond, "request"), "%v a second", tt.perSecond)
	}
}

// TestRoundHundredths: an amount below a hundredth (data in GB, instances
// busy on average) keeps two significant figures instead of reading as 0.
func TestRoundHundredths(t *testing.T) {
	for v, want := range map[float64]string{0.000015: "0.000015", 0.0123: "0.01", 0.0042: "0.0042", 0.617: "0.62", 10: "10", 1234.567: "1,235"} {
		assert.Equal(t, want, trimFloat(RoundHundredths(v)), "%v", v)
	}
}

// TestQueueWorkersRunFuller: workers fed by a queue run at
// queue_target_utilisation, not at the target kept for requests clients
// wait on, since the queue holds a burst while another worker starts: the
// same machine takes half as much again of CPU-bound work.
func TestQueueWorkersRunFuller(t *testing.T) {
	p := testPricing(t)
	in := CostInputs{Requests: 10_000_000, DurationMS: 2000, MemoryMB: 512, Traffic: "steady", CPU: "heavy", FreeTier: true}
	ms := p.Cloud("aws").machines(false, false)
	m := ms[slices.IndexFunc(ms, func(m machine) bool { return m.gb >= 4 && m.sustained == m.vcpu })]
	rates := map[Entry]float64{}
	for _, entry := range []Entry{EntryHTTP, EntryEvents} {
		in.Entry = entry
		perSecond, boundBy, ok := p.workload(p.Cloud("aws"), in).rate(&m, true)
		require.True(t, ok)
		require.Equal(t, BoundByCPU, boundBy, entry)
		rates[entry] = perSecond
	}
	k := &p.Common.t
	assert.InDelta(t, k.queueUtilisation.v()/k.targetUtilisation.v(), rates[EntryEvents]/rates[EntryHTTP], 1e-9)
	assert.Greater(t, rates[EntryEvents], rates[EntryHTTP])
}

// TestFleetsSurviveLosingAMachine: a fleet kept for availability carries
// each hour's load on one machine fewer at the failover utilisation, so
// that losing one while a replacement starts refuses nothing; two
// machines at the 60% target would each run at 120% alone. A fleet of one
// (an internal tool, or a queue's workers) keeps no spare.
func TestFleetsSurviveLosingAMachine(t *testing.T) {
	p := testPricing(t)
	k := &p.Common.t
	for _, tt := range []struct {
		name  string
		in    CostInputs
		spare bool
	}{
		{"a redundant API", CostInputs{Entry: EntryHTTP, Availability: "redundant"}, true},
		{"an internal tool on one machine", CostInputs{Entry: EntryHTTP, Availability: "single"}, false},
		{"a queue's workers", CostInputs{Entry: EntryEvents, Availability: "redundant"}, false},
	} {
		for requests := 1e6; requests < 1e10; requests *= 1.3 { // loads from a fraction of a machine to hundreds
			in := tt.in
			in.Requests, in.DurationMS, in.MemoryMB, in.Traffic, in.CPU, in.FreeTier = requests, 100, 512, "steady", "moderate", true
			w := p.workload(p.Cloud("aws"), in)
			ms := w.serverMachines()
			m := ms[slices.IndexFunc(ms, func(m machine) bool { return m.name == "c7i.xlarge" })]
			perSecond, _, ok := w.rate(&m, true)
			require.True(t, ok)
			f := fleet{m: m, perSecond: perSecond}
			w.fleetHours(&f)
			for h, n := range f.n {
				load := w.rising[h] / perSecond // machines' worth at the target
				assert.GreaterOrEqual(t, n, math.Ceil(load-1e-9), "%s, %g a month, hour %d", tt.name, requests, h)
				survives := (n-1)*k.failoverUtilisation.v() >= load*k.targetUtilisation.v()-1e-9
				if tt.spare {
					assert.True(t, survives, "%s, %g a month: %g machines for %.2f machines' worth of load", tt.name, requests, n, load)
				}
			}
		}
	}
}

// TestContainerAppsBillsIdleReplicasUntilTheyScaleToZero: a Container
// Apps replica stays up for the scale rule's cooldown after its last
// request before the app scales to zero, billed at the active rates,
// since the idle rates are only for a revision held at a minimum above
// zero: a request every few seconds keeps one up all month, one a day
// costs five minutes. Cloud Run bills nothing between requests, and a
// replica kept warm for critical latency is priced as such instead.
func TestContainerAppsBillsIdleReplicasUntilTheyScaleToZero(t *testing.T) {
	p := testPricing(t)
	flat(p, "steady")
	azure := p.Cloud("azure")
	in := CostInputs{Entry: EntryHTTP, Requests: 730 * 3600 / 5, DurationMS: 100, MemoryMB: 256, Traffic: "steady", CPU: "light", FreeTier: true, Availability: "redundant"}
	w := p.workload(azure, in)
	month := w.hours * 3600
	ms := azure.containerMachines(azure.t.containersVCPUSecond, azure.t.containersGBSecond)
	m := ms[0]
	k, ok := w.requestsAtOnce(m)
	require.True(t, ok)
	busy, idle := w.busySeconds(k), w.lingeringSeconds()
	assert.InDelta(t, month, busy+idle, month*0.01, "a request every 5 seconds keeps a replica up all month")

	in.Requests = 30 // one a day
	w = p.workload(azure, in)
	assert.InDelta(t, 30*(300+0.1), w.busySeconds(k)+w.lingeringSeconds(), 30*5, "each request keeps its replica up for the cooldown")

	b, ok := w.requestContainersOn(m)
	require.True(t, ok)
	assert.NotZero(t, item(b, "idle").Formula, "the idle time is an item of the bill")
	in.FreeTier = false
	w = p.workload(azure, in)
	b, _ = w.requestContainersOn(m)
	up := w.lingeringSeconds()
	assert.InDelta(t, up*(m.vcpu*azure.t.containersVCPUSecond.v()+m.gb*azure.t.containersGBSecond.v()), item(b, "idle").USD, 1e-9, "at the active rates")
	in.FreeTier = true

	in.Warm = true
	w = p.workload(azure, in)
	assert.Zero(t, w.lingeringSeconds(), "a replica kept warm is priced as the minimum instances")
	in.Warm = false
	assert.Zero(t, p.workload(p.Cloud("gcp"), in).lingeringSeconds(), "Cloud Run bills nothing between requests")
}

// TestTierNoteNamesTheTiersReached: a formula names every price tier its
// quantity reaches, so that its arithmetic can be followed; where none is
// reached, the next one.
func TestTierNoteNamesTheTiersReached(t *testing.T) {
	egress := testPricing(t).Cloud("aws").t.egressGB
	for _, tt := range []struct {
		gb   float64
		want string
	}{
		{50, " ($0.085 above 10,240)"},
		{20_000, " ($0.085 above 10,240)"},
		{200_000, " ($0.085 above 10,240, $0.07 above 51,200, $0.05 above 153,600)"},
	} {
		assert.Equal(t, tt.want, tierNote(egress, tt.gb), "%g GB", tt.gb)
	}
}

// TestConnectionsHeldThroughTheLoadBalancer: a fleet that holds its
// clients' connections open pays the Application Load Balancer for them
// (3,000 open at once in an LCU), 11,400 at once for 100 million requests
// of five connected minutes each; the functions' load balancer holds none,
// since the managed connection service does.
func TestConnectionsHeldThroughTheLoadBalancer(t *testing.T) {
	p := testPricing(t)
	aws := p.Cloud("aws")
	in := CostInputs{Entry: EntryHTTP, Requests: 100_000_000, DurationMS: 50, MemoryMB: 512, Traffic: "cyclical", CPU: "light", FreeTier: true, Availability: "redundant", EgressGB: 50}
	_, plain := p.workload(aws, in).priceLoadBalancer(aws.t.lcuGBPerHourServer)
	in.Realtime = "some"
	w := p.workload(aws, in)
	_, held := w.priceLoadBalancer(aws.t.lcuGBPerHourServer)
	assert.InDelta(t, 11_416, w.openConnections(), 1, "5 minutes connected for each request")
	assert.InDelta(t, w.openConnections()/3000*w.hours, held, 1, "LCU-hours of the connections held open")
	assert.Greater(t, held, 10*plain)
	_, functions := w.priceLoadBalancer(aws.t.lcuGBPerHourLambda)
	assert.Less(t, functions, held/10, "the functions' load balancer holds no connection")
	in.Realtime = "core"
	assert.InDelta(t, 381, p.workload(aws, in).openConnections(), 1, "a stateful session's client, 10 seconds for each request")
}

// TestWarmReplicasIdleOnlyWhenTheyServeNothing: an instance Cloud Run
// keeps warm is billed at the idle rates only while it serves nothing,
// since its serving time is in the compute item already; the free grant
// covers serving first, and what serving leaves of it covers the
// waiting. A replica kept all month had been billed idle for the whole
// month at 3 million requests, beside 600,000 seconds of serving, with a
// fifth of the grant unused.
func TestWarmReplicasIdleOnlyWhenTheyServeNothing(t *testing.T) {
	p := testPricing(t)
	flat(p, "steady")
	gcp := p.Cloud("gcp")
	ms := gcp.containerMachines(gcp.t.containersVCPUSecond, gcp.t.containersGBSecond)
	m := ms[slices.IndexFunc(ms, func(m machine) bool { return m.vcpu >= 1 })] // the smallest of a whole vCPU
	free := min(gcp.t.containersFreeVCPUSeconds.v()/m.vcpu, gcp.t.containersFreeGBSeconds.v()/m.gb)
	for _, tt := range []struct {
		requests float64
		idle     func(month, busy float64) float64
		why      string
	}{
		{10_000_000, func(month, busy float64) float64 { return month - busy }, "serving past the free grant is not idle"},
		{1_000_000, func(month, busy float64) float64 { return month - free }, "what serving leaves of the grant covers the waiting"},
	} {
		in := CostInputs{Entry: EntryHTTP, Requests: tt.requests, DurationMS: 100, MemoryMB: 256, Traffic: "steady", CPU: "light", FreeTier: true, Availability: "single", Warm: true}
		w := p.workload(gcp, in)
		k, ok := w.requestsAtOnce(m)
		require.True(t, ok)
		busy := w.busySeconds(k)
		require.Greater(t, busy, 0.01*w.hours*3600, "the instance serves a share of the month")
		warm, kept := w.idleMinimum(m, k)
		assert.InDelta(t, tt.idle(w.hours*3600, busy)*w.idleRate(&m), warm.USD, 0.01, tt.why)
		assert.Equal(t, 1.0, kept, tt.why)
		// Redundancy keeps an instance warm in each of two zones: the
		// second waits all month.
		in.Availability = "redundant"
		w = p.workload(gcp, in)
		warm, kept = w.idleMinimum(m, k)
		assert.InDelta(t, (tt.idle(w.hours*3600, busy)+w.hours*3600)*w.idleRate(&m), warm.USD, 0.01, tt.why)
		assert.Equal(t, 2.0, kept, tt.why)
	}
}

// TestContainerAppsIdlesOnlyInQuietSeconds: Container Apps bills a replica
// held at its minimum at the idle rates only in a second with no request
// in flight (its billing page), and every replica at the active rates
// while there are more than the minimum. A replica kept warm for a few
// requests a second is active almost all month: it had been billed idle
// between requests, at an eighth of the vCPU rate, and came out a third
// cheaper than the same API scaled to zero. A replica kept for a few requests a
// day is idle almost all month.
func TestContainerAppsIdlesOnlyInQuietSeconds(t *testing.T) {
	p := testPricing(t)
	flat(p, "steady")
	azure := p.Cloud("azure")
	m := azure.containerMachines(azure.t.containersVCPUSecond, azure.t.containersGBSecond)[0]
	in := CostInputs{Entry: EntryHTTP, Requests: 10_000_000, DurationMS: 100, MemoryMB: 256, Traffic: "steady", CPU: "light", FreeTier: true, Availability: "single"}
	cold, ok := p.workload(azure, in).requestContainersOn(m)
	require.True(t, ok)
	in.WarmOne = true
	w := p.workload(azure, in)
	warm, ok := w.requestContainersOn(m)
	require.True(t, ok)
	allMonth := w.servingUSD(m, w.hours*3600)
	assert.InDelta(t, cold.Total, warm.Total, 0.1*cold.Total, "kept up or scaled to zero, a replica this busy is up all month")
	assert.InDelta(t, allMonth, item(warm, "compute").USD+item(warm, "warm").USD, 0.03*allMonth,
		"3.8 requests a second leave the replica few quiet seconds: %s", item(warm, "warm").Formula)

	in.Requests = 3000
	w = p.workload(azure, in)
	warm, ok = w.requestContainersOn(m)
	require.True(t, ok)
	idleAllMonth := (w.hours*3600 - min(azure.t.containersFreeVCPUSeconds.v()/m.vcpu, azure.t.containersFreeGBSeconds.v()/m.gb)) * w.idleRate(&m)
	assert.InDelta(t, idleAllMonth, item(warm, "warm").USD, 0.01*idleAllMonth, "a hundred requests a day: %s", item(warm, "warm").Formula)

	// An hour past the minimum bills every replica as serving: neither
	// active time beside serving nor idle time comes from it.
	in.Requests, in.Traffic, in.DurationMS = 30_000_000, "cyclical", 300
	w = p.workload(azure, in)
	k, ok := w.requestsAtOnce(m)
	require.True(t, ok)
	hours := w.replicaHours(&m, k)
	wt := w.warmIdle(m, k, &hours, w.monthSeconds(&hours))
	atMinimum := 0.0
	for _, b := range hours {
		if b <= 1 {
			atMinimum++
		}
	}
	require.Less(t, atMinimum, 24.0, "the busy hours need more than the one replica kept")
	require.Greater(t, atMinimum, 0.0, "the quiet hours need no more")
	assert.Greater(t, wt.active+wt.idle, 0.0)
	assert.LessOrEqual(t, wt.active+wt.idle, atMinimum*3600*w.days)
}

// TestPrivateNetworkGivesEveryOptionItsWayOut: compliance puts the work in
// a private network, and Lambda and Azure Functions joined to it reach the
// internet through NAT gateways as the fleets' private subnets do, with
// the same gateways and data. Cloud Run sends all its traffic through the
// network there too, and Cloud NAT bills it by the instance-hour as it
// bills machines: each request on an instance of its own at most for
// functions, the instances' hours for services, and the one address it
// sends from. A platform's instances kept allocated (stateful sessions)
// pay it alike, in the totals the axes sample as on the itemised bill.
func TestPrivateNetworkGivesEveryOptionItsWayOut(t *testing.T) {
	p := testPricing(t)
	for _, cloud := range []string{"aws", "azure", "gcp"} {
		in := CostInputs{Entry: EntryHTTP, Requests: 2_000_000, DurationMS: 200, MemoryMB: 512, Traffic: "cyclical", CPU: "light", FreeTier: true, Availability: "redundant", EgressGB: 50, Control: "compliance"}
		w := p.workload(p.Cloud(cloud), in)
		w.detail = true
		nat := item(w.functionsBill(), "nat")
		assert.Positive(t, nat.USD, "%s: %+v", cloud, nat)
		if cloud == "gcp" {
			gcp := &p.Cloud(cloud).t
			want := w.busySeconds(1)/3600*gcp.natVMHourly.v() + 50*w.k.natShareOfEgress.v()*gcp.natGB.v() + w.hours*gcp.ipv4Hourly.v()
			assert.InDelta(t, want, nat.USD, 1e-9, nat.Formula)
			assert.Contains(t, nat.Formula, "instance-hours × $0.0014")
		}
		in.Control = "some"
		w = p.workload(p.Cloud(cloud), in)
		w.detail = true
		assert.Zero(t, item(w.functionsBill(), "nat").USD, "%s: no private network, no NAT", cloud)

		in.Control, in.Realtime = "compliance", "core"
		_, allocated, _ := p.itemisedBills(p.Cloud(cloud), in)
		_, total, _ := p.totals(p.Cloud(cloud), in)
		assert.Positive(t, item(allocated, "nat").USD, "%s: instances kept allocated pay NAT too", cloud)
		assert.InDelta(t, total.Total, allocated.Total, 0.03, "%s: the totals sampled count it as the bill does", cloud)
	}
}

// TestBalancerOutboundServesAPrivateFleet: Azure's Standard Load Balancer
// takes the machines' own calls out through its outbound rules in a
// private network too, where the machines have no address of their own:
// VMs under full control had carried a NAT gateway, $33 of a $79 bill,
// beside the balancer that does it (review 140). AWS's balancer has no
// such rules: there a private fleet keeps its NAT gateways.
func TestBalancerOutboundServesAPrivateFleet(t *testing.T) {
	p := testPricing(t)
	azure := p.Cloud("azure")
	in := CostInputs{Entry: EntryHTTP, Requests: 5_000_000, DurationMS: 200, MemoryMB: 512, Traffic: "cyclical", CPU: "light", FreeTier: true, Availability: "redundant", EgressGB: 50, Control: "full"}
	w := p.workload(azure, in)
	w.detail = true
	servers := w.serversBill()
	assert.Zero(t, item(servers, "nat").USD, "%+v", servers.Items)
	assert.Contains(t, item(servers, "load_balancer").Formula, "its outbound rules take the machines' own calls out")
	w = p.workload(p.Cloud("aws"), in)
	w.detail = true
	assert.Positive(t, item(w.serversBill(), "nat").USD, "AWS: the NAT gateways stay")
}

// TestCloudNATFlatRate: Cloud NAT bills each machine or instance using it
// by the hour up to its flat rate for a gateway serving more than 32.
func TestCloudNATFlatRate(t *testing.T) {
	p := testPricing(t)
	gcp := p.Cloud("gcp")
	w := p.workload(gcp, CostInputs{Entry: EntryHTTP, Requests: 1e6, DurationMS: 100, MemoryMB: 512, Traffic: "steady", CPU: "light"})
	assert.InDelta(t, 10*730*0.0014, w.natByInstance(10*730), 1e-9, "ten machines all month")
	assert.InDelta(t, 730*0.044, w.natByInstance(40*730), 1e-9, "forty: the flat rate")
	assert.Contains(t, w.natByInstanceFormula(40*730, "machine-hours"), "730 h × $0.044 (the flat rate: 29,200 machine-hours at $0.0014 would cost more)")
}

// TestSingleZoneKeepsOneNATGateway: a private network keeps a NAT gateway
// in each zone it spans, and one alone where the answers accept a single
// zone (availability=single), or where a queue or a timer holds the work
// until a worker is back, as the fleets keep one instance for it: a $7.59
// machine had sat behind two gateways at $66 a month, and a monthly
// batch's 45 task-hours behind two, $66 of an $80 bill.
func TestSingleZoneKeepsOneNATGateway(t *testing.T) {
	p := testPricing(t)
	for _, tt := range []struct {
		entry        Entry
		availability string
		gateways     string
	}{
		{EntryHTTP, "single", "1"},
		{EntryHTTP, "redundant", "2"},
		{EntrySchedule, "redundant", "1"},
		{EntryEvents, "redundant", "1"},
	} {
		in := CostInputs{Entry: tt.entry, Requests: 1_000_000, DurationMS: 100, MemoryMB: 512, Traffic: "steady", CPU: "light", FreeTier: true, Availability: tt.availability, EgressGB: 50, Control: "compliance"}
		if tt.entry == EntrySchedule {
			in.Requests, in.DurationMS = 30, 5_400_000
		}
		w := p.workload(p.Cloud("aws"), in)
		w.detail = true
		for _, b := range []Bill{w.functionsBill(), w.containersBill(), w.serversBill()} {
			if !b.Available {
				continue
			}
			nat := item(b, "nat")
			assert.True(t, strings.HasPrefix(nat.Formula, tt.gateways+" × 730 h"), "%s %s %s: %s", tt.entry, tt.availability, b.Kind, nat.Formula)
		}
	}
}

// TestRunsTakeTheirOwnLength: a task, job or machine started for a run is
// never a size with less CPU than the run computes with, which would run
// it longer than the answers say (a job of under 15 minutes took 19.8 on
// a 0.08-vCPU Cloud Run job): each run is billed its length and its start.
func TestRunsTakeTheirOwnLength(t *testing.T) {
	p := testPricing(t)
	for _, cloud := range Clouds {
		for _, cpu := range []string{"light", "moderate", "heavy"} {
			in := CostInputs{Entry: EntrySchedule, Requests: 30, DurationMS: 900_000, MemoryMB: 512, Traffic: "steady", CPU: cpu, FreeTier: true, Availability: "redundant"}
			w := p.workload(p.Cloud(cloud), in)
			r, ok := w.cheapestRun(w.jobMachines(), false, in.Requests, w.durS, false)
			require.True(t, ok, "%s %s", cloud, cpu)
			assert.GreaterOrEqual(t, r.m.sustained, w.cpu, "%s %s: %s", cloud, cpu, r.m.name)
			assert.InDelta(t, w.durS+w.runStart(false).v(), r.billed, 1e-9, "%s %s", cloud, cpu)
			// Fargate's tasks bill their image pull and a minute at
			// least; Cloud Run and Container Apps jobs start in seconds.
			assert.Equal(t, cloud == "aws", w.runStart(false) == w.k.runStartSeconds, cloud)
			assert.Same(t, w.k.runStartSeconds, w.runStart(true), "machines boot")
		}
	}
}

// TestRequestBilledSizeIsTheCheapest: where instances are billed only
// while they serve, the size chosen is the one whose own bill is the
// cheapest, idle replicas included. Container Apps bills a replica's idle
// seconds too, which a size's serving seconds were once weighed against
// in different units: 6,000 MB requests ran on 4 vCPU, 8 GB replicas for
// $125 where 3 vCPU, 6 GB ones cost $108. For critical latency the
// instances kept warm count as the bill prices them: Cloud Run had kept
// a 1 vCPU, 4 GB instance warm at $46 where 1 vCPU, 2 GB cost $35; and
// the free grant and, with operations time on the bills, the replicas'
// hours count too.
func TestRequestBilledSizeIsTheCheapest(t *testing.T) {
	p := testPricing(t)
	for _, cloud := range []string{"azure", "gcp"} {
		c := p.Cloud(cloud)
		for _, requests := range []float64{1e4, 1e6, 2e6, 1e7, 1e8} {
			for _, ms := range []float64{20, 300, 5000} {
				for _, mb := range []float64{128, 1024, 3000, 6000} {
					for _, warm := range []bool{false, true} {
						in := CostInputs{Requests: requests, DurationMS: ms, MemoryMB: mb, Traffic: "spiky", Entry: EntryHTTP, CPU: "light", LogBytes: -1, FreeTier: true, Warm: warm, OpsCost: !warm, Ops: "parttime"}
						w := p.workload(c, in)
						w.detail = true
						b := w.containersBill()
						if !b.Available || b.Sizing.Billing != BillingRequest {
							continue
						}
						for _, m := range c.containerMachines(c.t.containersVCPUSecond, c.t.containersGBSecond) {
							if o, ok := w.requestContainersOn(m); ok {
								assert.GreaterOrEqual(t, o.Total, b.Total-0.005, "%s, %v: %s chosen, %s costs less", cloud, in, b.Sizing.Machine, m.name)
							}
						}
					}
				}
			}
		}
	}
}

// TestWarmCapacityFollowsTheDay: where the platform schedules its warm
// capacity (Lambda's provisioned concurrency, Container Apps' replicas by
// a cron rule), critical latency keeps warm what each hour needs, not the
// busiest hour's all day, unless the day has bursts that come faster than
// scaling (spiky). A scale-up's 200 million requests a month, office-hours
// traffic, had kept 14 Container Apps replicas all month for $2,111.
// Platforms that hold one count (Flex Consumption's always-ready
// instances, Cloud Run's minimum) keep the busiest hour's. (The pricing
// is this test's own, so what it changes is no other test's.)
func TestWarmCapacityFollowsTheDay(t *testing.T) {
	p := testPricing(t)
	in := CostInputs{Entry: EntryHTTP, Requests: 200_000_000, DurationMS: 120, MemoryMB: 512, Traffic: "cyclical", CPU: "moderate", FreeTier: true, Availability: "redundant", Warm: true, LogBytes: -1}
	for _, tt := range []struct {
		cloud    string
		kind     OptionKind
		requests float64
		bill     func(*Cost) Bill
		follows  bool
	}{
		{"aws", Functions, 200_000_000, func(c *Cost) Bill { return c.Functions }, true},
		{"azure", Containers, 200_000_000, func(c *Cost) Bill { return c.Containers }, true},
		{"azure", Functions, 200_000_000, func(c *Cost) Bill { return c.Functions }, false},
		{"gcp", Functions, 10_000_000, func(c *Cost) Bill { return c.Functions }, false},
	} {
		in.Requests = tt.requests
		c := p.Cloud(tt.cloud)
		scheduled := tt.bill(p.Estimate(tt.cloud, in, 0))
		kept := c.WarmFollowsLoad
		c.WarmFollowsLoad = nil
		allDay := tt.bill(p.Estimate(tt.cloud, in, 0))
		c.WarmFollowsLoad = kept
		warm := item(scheduled, "warm")
		require.Equal(t, "warm", warm.ID, "%s %s", tt.cloud, tt.kind)
		whole := item(allDay, "warm")
		if !tt.follows {
			assert.Equal(t, whole.USD, warm.USD, "%s %s keeps one count", tt.cloud, tt.kind)
			continue
		}
		assert.Less(t, warm.USD, 0.7*whole.USD, "%s %s: %s", tt.cloud, tt.kind, warm.Formula)
		assert.Less(t, scheduled.Total, allDay.Total, "%s %s", tt.cloud, tt.kind)
		assert.Contains(t, warm.Formula, "scheduled to each hour's load", tt.cloud)
		spiky := in
		spiky.Traffic = "spiky"
		warm = item(tt.bill(p.Estimate(tt.cloud, spiky, 0)), "warm")
		require.Equal(t, "warm", warm.ID, "%s spiky", tt.cloud)
		assert.NotContains(t, warm.Formula, "scheduled", "%s: a burst could come at any hour", tt.cloud)
	}
}

// TestWarmCapacityKeepsTheBursts: where bursts outrun any scaling (a
// profile's surge) and latency is critical, the warm capacity of functions
// and serverless containers keeps the busiest hour's burst at every hour,
// as a fleet of machines or tasks keeps its capacity (keepsBursts): the
// two bills buy the same guarantee. Warm capacity that kept twice the
// day's average had left 53 of the 67 Cloud Run instances a burst needs to
// cold starts, while Compute Engine kept all 17 of its machines up
// (review 107). At 100 million 120 ms requests a month, the busiest hour
// keeps 29.7 requests in flight, 38.6 with the 30% a fleet keeps over it,
// 54 at the 99th percentile: Lambda's provisioned concurrency, one request
// to an environment.
func TestWarmCapacityKeepsTheBursts(t *testing.T) {
	p := testPricing(t)
	in := CostInputs{Entry: EntryHTTP, Requests: 100_000_000, DurationMS: 120, MemoryMB: 512, Traffic: "spiky", CPU: "moderate", FreeTier: true, Availability: "redundant", Warm: true, LogBytes: -1}
	avg := in.Requests / (730 * 3600)
	require.Equal(t, 54.0, poissonQuantile(6.5*1.3*avg*0.12, 0.99))
	warm := item(p.Estimate("aws", in, 0).Functions, "warm")
	assert.True(t, strings.HasPrefix(warm.Formula, "55 × "), warm.Formula)
	checked := 0
	for _, cloud := range []string{"aws", "gcp", "azure"} {
		c := p.Estimate(cloud, in, 0)
		for _, b := range []Bill{c.Functions, c.Containers} {
			if warm, ok := b.item("warm"); ok {
				assert.Contains(t, warm.Formula, "(for 99% of the busiest hour's requests to find one warm with 1.3 times that load in flight, the headroom a fleet keeps", "%s %s", cloud, b.Kind)
				assert.NotContains(t, warm.Formula, "scheduled", "%s %s: a burst could come at any hour", cloud, b.Kind)
				checked++
			}
		}
		// Sensitive latency keeps no capacity for the bursts: the
		// platforms add instances within seconds, and a burst meets some
		// cold starts. Flex Consumption keeps one always-ready instance
		// in each zone, as Container Apps keeps one replica in each, and
		// Lambda one environment of provisioned concurrency in each.
		sensitive := in
		sensitive.Warm, sensitive.WarmOne = false, true
		warm, ok := p.Estimate(cloud, sensitive, 0).Functions.item("warm")
		switch cloud {
		case "azure":
			require.True(t, ok, cloud)
			assert.True(t, strings.HasPrefix(warm.Formula, "2 instances of "), warm.Formula)
			continue
		case "aws":
			require.True(t, ok, cloud)
			assert.True(t, strings.HasPrefix(warm.Formula, "2 × "), warm.Formula)
			assert.NotContains(t, warm.Formula, "busiest hour", "%s: the fewest a fleet keeps, not the bursts", cloud)
			continue
		}
		assert.False(t, ok, cloud)
	}
	// Lambda, Cloud Run functions and services, Flex Consumption and
	// Container Apps keep warm capacity; Fargate's tasks run anyway.
	assert.Equal(t, 5, checked)
}

// TestWarmCapacityCoversTheBusiestHour: critical latency keeps warm what
// lets warm_coverage of the busiest hour's requests find one free, the
// count in flight being Poisson, not their average rounded up: one unit
// of provisioned concurrency for an average of 0.6 in flight had sent
// nearly one request in two to a cold start. A request arriving finds as
// many in flight as there are on average over the time, so one more than
// the quantile of those in flight is kept: the quantile alone had kept
// three for 0.6, which two others in flight fill one time in forty
// (review 241). Past a mean of 200 the normal approximation stands within
// a count of the sum.
func TestWarmCapacityCoversTheBusiestHour(t *testing.T) {
	for _, tt := range []struct{ mean, p, want float64 }{
		{0, 0.99, 0},
		{0.6, 0.99, 3},
		{19, 0.99, 30},
		{150, 0.99, 179},
		{1000, 0.99, 1074},
	} {
		assert.Equal(t, tt.want, poissonQuantile(tt.mean, tt.p), "mean %v", tt.mean)
	}
	assert.InDelta(t, poissonQuantile(200, 0.99), poissonQuantile(200.0001, 0.99), 1, "the approximation takes over within a count")
	p := testPricing(t)
	in := CostInputs{Entry: EntryHTTP, Requests: 10_000_000, DurationMS: 80, MemoryMB: 512, Traffic: "cyclical", CPU: "moderate", FreeTier: true, Availability: "redundant", Warm: true, LogBytes: -1}
	f := p.Estimate("gcp", in, 0).Functions
	i := slices.IndexFunc(f.Items, func(it Item) bool { return it.ID == "warm" })
	require.GreaterOrEqual(t, i, 0)
	assert.True(t, strings.HasPrefix(f.Items[i].Formula, "4 kept warm"), f.Items[i].Formula)
	assert.Contains(t, f.Items[i].Formula, "(for 99% of the busiest hour's requests to find one warm with 1.15 times that load in flight, the headroom a fleet keeps)")
	// Lambda's provisioned concurrency follows the day: 4 at the busiest
	// hour, 2 (one in each zone) at the quietest.
	f = p.Estimate("aws", in, 0).Functions
	i = slices.IndexFunc(f.Items, func(it Item) bool { return it.ID == "warm" })
	require.GreaterOrEqual(t, i, 0)
	assert.True(t, strings.HasPrefix(f.Items[i].Formula, "3.1 on average × "), f.Items[i].Formula)
	assert.Contains(t, f.Items[i].Formula, "(scheduled to each hour's load, from 2 at the quietest hour to 4 at the busiest, for 99% of each hour's requests to find one warm with 1.15 times that load in flight, the headroom a fleet keeps, and at least 2, which the platform spreads over its zones)")
	// Where fewer would do, redundancy keeps one in each of two zones
	// still; a single instance is the answers' to accept.
	in.Requests = 20_000
	for availability, want := range map[string]string{"redundant": "2 × ", "single": "1 × "} {
		in.Availability = availability
		f := p.Estimate("aws", in, 0).Functions
		i := slices.IndexFunc(f.Items, func(it Item) bool { return it.ID == "warm" })
		require.GreaterOrEqual(t, i, 0)
		assert.True(t, strings.HasPrefix(f.Items[i].Formula, want), f.Items[i].Formula)
		assert.Equal(t, availability == "redundant", strings.HasSuffix(f.Items[i].Formula, "the headroom a fleet keeps, and at least 2, which the platform spreads over its zones)"), f.Items[i].Formula)
	}
}

// TestCriticalLatencyKeepsThePlatformsInstancesWarm: Cloud Run billed by
// the instance starts new instances as requests wait for them, so for
// critical latency its fleet keeps up at every hour what the platform's
// warm capacity keeps (one count all day, for 99% of the busiest hour's
// requests, with a fleet's headroom, to find one warm, each instance at
// the target utilisation), where it had kept no more than for sensitive
// latency: 3.7 instances on average against the 6 its busiest hour needs.
// A fleet of machines or tasks brings one into service only once it is
// up, and keeps no such floor.
func TestCriticalLatencyKeepsThePlatformsInstancesWarm(t *testing.T) {
	p := testPricing(t)
	in := CostInputs{Entry: EntryHTTP, Requests: 200_000_000, DurationMS: 200, MemoryMB: 512, Traffic: "cyclical", CPU: "moderate", FreeTier: true, Availability: "redundant", Warm: true, LogBytes: -1}
	w := p.workload(p.Cloud("gcp"), in)
	f, ok := w.builtInFleet()
	require.True(t, ok)
	load, slots := slices.Max(w.rps[:])*1.15*w.durS, w.slots(f.m)
	want := w.warmFor(load, slots)
	require.Greater(t, want, w.minInstances())
	assert.Equal(t, want, f.warm)
	// As many as the platform billed while serving keeps warm with
	// instances of that size: the 99th percentile of the requests in
	// flight counted in the slots each takes at once, or their average at
	// the target utilisation, whichever is more, not the percentile at the
	// target utilisation, which had doubled a steady API's fleet (review
	// 90).
	_, _, served := w.warmHours(Containers, w.durS, slots)
	assert.Equal(t, served, f.warm)
	assert.Equal(t, max(math.Ceil(poissonQuantile(load, 0.99)/slots), math.Ceil(load/(slots*0.6))), f.warm)
	assert.Less(t, f.warm, math.Ceil(poissonQuantile(load, 0.99)/(slots*0.6)))
	for h, n := range f.n {
		assert.GreaterOrEqual(t, n, want, "hour %d", h)
	}
	b := w.builtInContainers(f)
	compute := item(b, "compute")
	assert.Contains(t, compute.Formula, "at least "+formatWhole(want)+" kept warm at every hour for 99% of the busiest hour's requests to find one warm with 1.15 times that load in flight, the headroom a fleet keeps, each instance at the 60% target utilisation")
	// Sensitive latency keeps no such floor, nor does a fleet of tasks.
	in.Warm, in.WarmOne = false, true
	w = p.workload(p.Cloud("gcp"), in)
	f, _ = w.builtInFleet()
	assert.Zero(t, f.warm)
	in.Warm, in.WarmOne = true, false
	w = p.workload(p.Cloud("aws"), in)
	tasks := fleet{m: f.m, perSecond: f.perSecond}
	assert.Zero(t, w.warmFloor(&tasks, fleetKind{}), "Fargate's tasks start before they serve")
}

// TestWarmCapacityServesEveryHour: the warm capacity critical latency
// keeps holds every hour's load, bursts included, so all of the functions'
// work is billed at the lower duration price of provisioned concurrency or
// always-ready instances, and the free grant, which does not cover it,
// takes nothing off.
func TestWarmCapacityServesEveryHour(t *testing.T) {
	p := testPricing(t)
	for _, traffic := range []string{"spiky", "cyclical", "unpredictable"} {
		in := CostInputs{Entry: EntryHTTP, Requests: 100_000_000, DurationMS: 200, MemoryMB: 1024, Traffic: traffic, CPU: "moderate", FreeTier: true, Availability: "redundant", Warm: true, LogBytes: -1}
		t1 := &p.Cloud("aws").t
		compute := item(p.Estimate("aws", in, 0).Functions, "compute")
		assert.InDelta(t, t1.functionsWarmExecGBSecond.cost(20_000_000), compute.USD, 0.01, traffic)
		assert.True(t, strings.HasSuffix(compute.Formula, "GB-seconds, on the provisioned concurrency × $0.0000097222"), "%s: %s", traffic, compute.Formula)
		// Flex Consumption bills each always-ready instance for the time
		// it is active, at least a second at a time: the busiest hour's
		// instances are all busy, and none beyond them.
		flex := item(p.Estimate("azure", in, 0).Functions, "compute")
		assert.Regexp(t, `: [\d,]+ on the \d+ always-ready instances × \$0\.000016$`, flex.Formula, traffic)
	}
}

// TestPrivateMachineIsReachedThroughTheBalancer: clients reach a machine
// in a private subnet only through the load balancer, so a compliant
// internal tool's one machine pays for one: it had sat in a private subnet
// with no way in, on AWS and on Azure.
func TestPrivateMachineIsReachedThroughTheBalancer(t *testing.T) {
	p := testPricing(t)
	for _, cloud := range []string{"aws", "azure"} {
		in := CostInputs{Entry: EntryHTTP, Requests: 300_000, DurationMS: 100, MemoryMB: 512, Traffic: "cyclical", CPU: "light", FreeTier: true, Availability: "single", EgressGB: 50, Control: "compliance"}
		w := p.workload(p.Cloud(cloud), in)
		w.detail = true
		b := w.serversBill()
		require.Equal(t, 1, b.Sizing.Instances, cloud)
		lb := item(b, "load_balancer")
		assert.Positive(t, lb.USD, cloud)
		assert.Contains(t, lb.Formula, "clients reach a machine in a private subnet only through it", cloud)
		// Without compliance the machine answers at its own address.
		in.Control = ""
		w = p.workload(p.Cloud(cloud), in)
		w.detail = true
		assert.False(t, slices.ContainsFunc(w.serversBill().Items, func(it Item) bool { return it.ID == "load_balancer" }), cloud)
	}
}

// TestUnservedWorkSendsAllThroughTheNAT: in a private network, responses
// to readers leave through the load balancer and only the share of the
// data the machines send themselves goes through the NAT; a queue worker
// or a scheduled job has no balancer and sends all it sends through the
// NAT (a private queue worker sending 5 TB had billed 500 GB of NAT data).
func TestUnservedWorkSendsAllThroughTheNAT(t *testing.T) {
	p := testPricing(t)
	// Requests' own calls out carry at most 4 KB each, whatever the
	// response: 5 million of 1 MB had sent 500 GB through NAT (review 149).
	for entry, gb := range map[Entry]string{EntryHTTP: "20 GB", EntryEvents: "5,000 GB", EntrySchedule: "5,000 GB"} {
		in := CostInputs{Entry: entry, Requests: 5_000_000, DurationMS: 500, MemoryMB: 512, Traffic: "steady", CPU: "light", FreeTier: true, Availability: "redundant", EgressGB: 5000, Control: "compliance"}
		switch entry {
		case EntrySchedule:
			in.Requests, in.DurationMS = 30, 1_200_000
		case EntryHTTP:
			in.EgressGB = 4000 // 800 KB responses: from 1 MB they are files
		}
		w := p.workload(p.Cloud("aws"), in)
		w.detail = true
		for _, b := range []Bill{w.functionsBill(), w.containersBill(), w.serversBill()} {
			if b.Available {
				assert.Contains(t, item(b, "nat").Formula, " + "+gb+" × $0.045", "%s %s", entry, b.Kind)
			}
		}
	}
}

// TestJobsWithinTheirFreeGrantTakeTheCommitment: Cloud Run jobs bill at
// the instance-based rates, under Compute flexible committed use
// discounts, and a commitment takes off what the runs are billed beyond
// the monthly free grant: with the free tier, the form's default, they
// had taken no commitment at all.
func TestJobsWithinTheirFreeGrantTakeTheCommitment(t *testing.T) {
	p := testPricing(t)
	for _, free := range []bool{true, false} {
		in := CostInputs{Entry: EntrySchedule, Requests: 2000, DurationMS: 2_700_000, MemoryMB: 4096, Traffic: "steady", CPU: "moderate", FreeTier: free, Availability: "redundant", EgressGB: 50, Commit: "3y"}
		w := p.workload(p.Cloud("gcp"), in)
		w.detail = true
		r, ok := w.cheapestRun(w.jobMachines(), false, in.Requests, w.durS, false)
		require.True(t, ok)
		b, ok := w.runContainers(r.m)
		require.True(t, ok)
		commit := item(b, "commitment")
		assert.Equal(t, "Compute flexible CUD on instance-based Cloud Run and jobs, 3 years", commit.Label, "free tier %v", free)
		assert.Negative(t, commit.USD, "free tier %v", free)
		assert.GreaterOrEqual(t, commit.USD, -0.46*item(b, "compute").USD-1e-9, "free tier %v: no more than the discount of what is billed", free)
	}
}

// TestFullControlPutsOnlyARedundantFleetInAPrivateNetwork: full control of
// the network puts a redundant fleet answering requests in private subnets
// behind NAT, as compliance puts any work; one machine the answers accept,
// or runs no client calls, keep their own addresses: a single EC2 machine
// had paid a load balancer and a NAT gateway, $70 for a $13 machine, and
// 30 nightly runs $39 of NAT for 7 cents of compute.
func TestFullControlPutsOnlyARedundantFleetInAPrivateNetwork(t *testing.T) {
	p := testPricing(t)
	has := func(b Bill, id string) bool {
		return slices.ContainsFunc(b.Items, func(it Item) bool { return it.ID == id })
	}
	single := CostInputs{Entry: EntryHTTP, Requests: 500_000, DurationMS: 100, MemoryMB: 512, Traffic: "steady", CPU: "light", FreeTier: true, Availability: "single", EgressGB: 50}
	redundant := single
	redundant.Availability = "redundant"
	runs := CostInputs{Entry: EntrySchedule, Requests: 30, DurationMS: 300_000, MemoryMB: 1024, Traffic: "steady", CPU: "moderate", FreeTier: true, Availability: "redundant", EgressGB: 50}
	// A queue worker that pushes updates to clients connected to it is a
	// redundant fleet clients reach, as the network and the redundancy
	// rules both count it.
	pushing := CostInputs{Entry: EntryEvents, Requests: 5_000_000, DurationMS: 100, MemoryMB: 512, Traffic: "steady", CPU: "light", FreeTier: true, Availability: "redundant", EgressGB: 50, Realtime: "some"}
	for _, cloud := range []string{"aws", "azure", "gcp"} {
		for _, tc := range []struct {
			name    string
			in      CostInputs
			control string
			private bool
		}{
			{"one machine, full control", single, "full", false},
			{"one machine, compliance", single, "compliance", true},
			{"a redundant fleet, full control", redundant, "full", true},
			{"a redundant fleet, some control", redundant, "some", false},
			{"nightly runs, full control", runs, "full", false},
			{"nightly runs, compliance", runs, "compliance", true},
			{"a queue worker pushing to connected clients, full control", pushing, "full", true},
		} {
			tc.in.Control = tc.control
			w := p.workload(p.Cloud(cloud), tc.in)
			w.detail = true
			b := w.serversBill()
			require.True(t, b.Available, "%s: %s", cloud, tc.name)
			// Azure's balancer takes a private fleet's calls out through
			// its outbound rules (TestBalancerOutboundServesAPrivateFleet).
			outbound := p.Cloud(cloud).BalancerOutbound && has(b, "load_balancer")
			// Google Cloud's machines behind the balancer go out through
			// Cloud NAT where it costs less than an address each
			// (TestCloudNATWhereItCostsLessThanAddresses).
			cheaper := p.Cloud(cloud).t.natVMHourly != nil && has(b, "load_balancer")
			if !cheaper || tc.private {
				assert.Equal(t, tc.private && !outbound, has(b, "nat"), "%s: %s: NAT", cloud, tc.name)
			}
			if tc.in.Availability == "single" {
				assert.Equal(t, tc.private, has(b, "load_balancer"), "%s: %s: a load balancer for one machine", cloud, tc.name)
			}
		}
	}
}

// TestCloudNATWhereItCostsLessThanAddresses: machines behind Google
// Cloud's load balancer need a way out only for their own calls, which
// Cloud NAT, billed by the machine-hour, gives for less than an external
// address each: nine Compute Engine machines had paid $18.55 of addresses
// where Cloud NAT costs about $12 (review 180). One machine alone, which
// clients reach at its own address, keeps it.
func TestCloudNATWhereItCostsLessThanAddresses(t *testing.T) {
	p := testPricing(t)
	fleet := CostInputs{Entry: EntryHTTP, Requests: 300_000_000, DurationMS: 200, MemoryMB: 512, Traffic: "spiky", CPU: "light", FreeTier: true, Availability: "redundant", EgressGB: 50}
	w := p.workload(p.Cloud("gcp"), fleet)
	w.detail = true
	b := w.serversBill()
	nat, ok := b.item("nat")
	require.True(t, ok, "%+v", b.Items)
	assert.Contains(t, nat.Formula, "machine-hours × $0.0014")
	ipv4, _ := b.item("ipv4")
	assert.Equal(t, "1 × 730 h × $0.005", ipv4.Formula, "the NAT's one address")
	assert.Less(t, nat.USD+ipv4.USD, float64(b.Sizing.Average)*730*0.005, "cheaper than an address a machine")
	one := fleet
	one.Requests, one.Availability = 100_000, "single"
	w = p.workload(p.Cloud("gcp"), one)
	w.detail = true
	b = w.serversBill()
	_, ok = b.item("nat")
	assert.False(t, ok, "one machine keeps its own address: %+v", b.Items)
}

// TestFleetsKeepTheBurstsForCriticalLatency: a fleet of machines or tasks
// takes minutes to grow, so where latency is critical and bursts arrive
// faster than that, it keeps the busiest hour's capacity up at every hour;
// with latency only sensitive it keeps the surge's floor and grows for the
// rest. Platforms that add their own instances within seconds keep warm
// capacity for the floor instead (TestWarmCapacityKeepsTheSurgeFloor).
// Azure VMs that kept twice the average had been recommended at $1,331
// for a spiky, critical API whose bursts' capacity costs about $3,700
// (review 99). A small fleet keeps the machine that lets the others
// carry a burst while one is replaced at every hour too: 30 million spiky
// requests had kept 2 of Compute Engine's 3 up (review 147).
func TestFleetsKeepTheBurstsForCriticalLatency(t *testing.T) {
	p := testPricing(t)
	in := CostInputs{Entry: EntryHTTP, Requests: 200_000_000, DurationMS: 200, MemoryMB: 1024, Traffic: "spiky", CPU: "moderate", FreeTier: true, Availability: "redundant", Warm: true, LogBytes: -1}
	for _, cloud := range []string{"aws", "gcp", "azure"} {
		critical := p.Estimate(cloud, in, 0).Servers
		sensitive := in
		sensitive.Warm, sensitive.WarmOne = false, true
		relaxed := p.Estimate(cloud, sensitive, 0).Servers
		// Every hour runs the busiest hour's machines.
		assert.Equal(t, float64(critical.Sizing.Instances), critical.Sizing.Average, cloud)
		assert.Less(t, relaxed.Sizing.Average, float64(relaxed.Sizing.Instances)/2, cloud)
		assert.Greater(t, critical.Total, 2*relaxed.Total, cloud)
		assert.Contains(t, item(critical, "instances").Formula, "all up at every hour, since a burst arrives faster than new machines start", cloud)
		small := in
		small.DurationMS, small.MemoryMB, small.CPU, small.Requests = 200, 512, "light", 30_000_000
		few := p.Estimate(cloud, small, 0).Servers
		assert.Equal(t, float64(few.Sizing.Instances), few.Sizing.Average, "%s: %d at the busiest hour", cloud, few.Sizing.Instances)
		assert.Greater(t, few.Sizing.Instances, 2, cloud)
	}
	fargate := p.Estimate("aws", in, 0).Containers
	assert.Contains(t, item(fargate, "compute").Formula, "all up at every hour, since a burst arrives faster than new tasks start")
	// Queued work waits for the workers, and a steady day has no bursts.
	for _, other := range []CostInputs{{Entry: EntryEvents, Traffic: "spiky"}, {Entry: EntryHTTP, Traffic: "steady"}} {
		x := in
		x.Entry, x.Traffic = other.Entry, other.Traffic
		servers := p.Estimate("aws", x, 0).Servers
		assert.NotContains(t, item(servers, "instances").Formula, "all up at every hour", "%s %s", x.Entry, x.Traffic)
	}
}

// TestRunsFitTheLimitAsPriced: events and runs take the memory they need
// and run on its share of a vCPU, unless that share stretches a piece past
// the room the functions' time limit leaves (limit_run_share of it); then
// the functions run with the memory that brings enough of a vCPU, on
// Lambda at the same GB-seconds. A 5-minute run computing all the while
// had been priced at 17.3 minutes on a 512 MB Lambda function, and
// recommended, against a limit of 15; 20-minute runs at 80 minutes on a
// 512 MB instance of Flex Consumption, against its hour (review 97).
func TestRunsFitTheLimitAsPriced(t *testing.T) {
	p := testPricing(t)
	run := func(entry Entry, cloud string, durationMS, memoryMB float64, cpu string) (*workload, CostInputs) {
		in := CostInputs{Entry: entry, Requests: 720, DurationMS: durationMS, MemoryMB: memoryMB, Traffic: "steady", CPU: cpu, FreeTier: true, Availability: "redundant", LogBytes: -1}
		return p.workload(p.Cloud(cloud), in), in
	}
	for _, tt := range []struct {
		entry              Entry
		cloud              string
		durationMS, memory float64
		cpu                string
	}{
		{EntrySchedule, "aws", 300_000, 512, "heavy"},
		{EntrySchedule, "aws", 420_000, 128, "heavy"},
		{EntryEvents, "aws", 400_000, 256, "moderate"},
		{EntrySchedule, "azure", 1_200_000, 512, "heavy"},
		{EntryEvents, "azure", 2_000_000, 512, "heavy"},
	} {
		w, in := run(tt.entry, tt.cloud, tt.durationMS, tt.memory, tt.cpu)
		limit := w.c.functionsMaxRun(tt.entry).v() * 0.8
		b := p.Estimate(tt.cloud, in, 0).Functions
		require.True(t, b.Available, "%+v", tt)
		if w.c.FunctionsBilling == BillingInstance {
			n, each := w.invocations()
			size := w.functionsInstanceBusy(n, each).size
			assert.LessOrEqual(t, tt.durationMS/1000*w.stretch(size.MemoryMB), limit, "%+v: %d MB", tt, int(size.MemoryMB))
			continue
		}
		_, each := w.invocations()
		assert.LessOrEqual(t, w.billedSeconds(each), limit+1e-9, "%+v", tt)
		assert.Greater(t, w.functionMB, tt.memory, "%+v", tt)
		// On Lambda, the same GB-seconds as the slower run on less.
		slow := tt.durationMS / 1000 * w.stretch(tt.memory) * tt.memory / 1024
		assert.InEpsilon(t, slow, w.billedSeconds(each)*w.functionMB/1024, 0.01, "%+v", tt)
		assert.Contains(t, item(b, "compute").Formula, "for the share of a vCPU that keeps it within 80% of the limit of 15 minutes", "%+v", tt)
	}
	// A run that fits on its own memory keeps it.
	w, _ := run(EntrySchedule, "aws", 60_000, 512, "heavy")
	assert.Equal(t, 512.0, w.functionMB)
}

// TestSensitiveLatencyKeepsLambdaEnvironmentsWarm: for sensitive latency
// Lambda keeps the fewest environments a fleet keeps, one in each zone,
// provisioned all month, as Flex Consumption keeps always-ready instances
// and Cloud Run functions the services' instances: the work they carry,
// as far as the requests in flight keep them busy, is billed at the
// provisioned duration price, without the free tier, and the rest on
// demand (review 241: a 6 GB model's API had been priced cold).
func TestSensitiveLatencyKeepsLambdaEnvironmentsWarm(t *testing.T) {
	for _, tt := range []struct{ mean, k, want float64 }{
		{0, 2, 0},
		{0.5, 1, 1 - math.Exp(-0.5)},
		{1000, 2, 2},
	} {
		assert.InDelta(t, tt.want, poissonCapped(tt.mean, tt.k), 1e-9, "%+v", tt)
	}
	p := testPricing(t)
	in := CostInputs{Entry: EntryHTTP, Requests: 2_000_000, DurationMS: 200, MemoryMB: 512, Traffic: "cyclical", CPU: "light", FreeTier: true, Availability: "redundant", WarmOne: true, LogBytes: -1}
	f := p.Estimate("aws", in, 0).Functions
	warm, compute := item(f, "warm"), item(f, "compute")
	assert.InDelta(t, 2*0.5*730*3600*0.0000041667, warm.USD, 0.01)
	assert.True(t, strings.HasPrefix(warm.Formula, "2 × 0.5 GB × 730 h × 3,600 s × $0.0000041667 per GB-second (the fewest a fleet keeps, "), warm.Formula)
	// 0.15 requests in flight on average: the two carry nearly all of it,
	// at $0.0000097222 a GB-second, and what spills pays the on-demand
	// price in full: Lambda's free tier does not cover a function with
	// provisioned concurrency, its requests included (review 254).
	parts := regexp.MustCompile(`: ([0-9,]+) on the provisioned concurrency × \$0\.0000097222, ([0-9,]+) on demand while more than 2 are in flight`).FindStringSubmatch(compute.Formula)
	require.Len(t, parts, 3, compute.Formula)
	onKept, _ := strconv.ParseFloat(strings.ReplaceAll(parts[1], ",", ""), 64)
	beyond, _ := strconv.ParseFloat(strings.ReplaceAll(parts[2], ",", ""), 64)
	assert.InDelta(t, 200_000, onKept+beyond, 1)
	assert.Greater(t, onKept, 0.95*200_000)
	assert.InDelta(t, onKept*0.0000097222+beyond*0.0000166667, compute.USD, 0.01, "what spills pays on demand, none of it free")
	assert.InDelta(t, 2_000_000*0.2/1e6, item(f, "requests").USD, 0.001, "no request free")
	assert.Contains(t, item(f, "requests").Formula, "(none free: the free tier does not cover a function with provisioned concurrency)")
	// One environment where a single one may serve; none where cold
	// starts are acceptable, or critical latency sizes them to the load.
	single := in
	single.Availability = "single"
	assert.True(t, strings.HasPrefix(item(p.Estimate("aws", single, 0).Functions, "warm").Formula, "1 × 0.5 GB × "))
	relaxed := in
	relaxed.WarmOne = false
	relaxedBill := p.Estimate("aws", relaxed, 0).Functions
	_, ok := relaxedBill.item("warm")
	assert.False(t, ok)
	// Keeping none, the function takes the free tier: a million of its
	// requests are free. Critical latency keeps provisioned capacity for
	// the whole load, and takes none.
	assert.InDelta(t, 1_000_000*0.2/1e6, item(relaxedBill, "requests").USD, 0.001)
	critical := in
	critical.WarmOne, critical.Warm = false, true
	requests := item(p.Estimate("aws", critical, 0).Functions, "requests")
	assert.InDelta(t, 2_000_000*0.2/1e6, requests.USD, 0.001, requests.Formula)
	assert.Contains(t, requests.Formula, "(none free: the free tier does not cover a function with provisioned concurrency)")
}

// TestProvisionedWhereItCostsLess: Lambda keeps provisioned concurrency
// wherever the work keeps an environment busy often enough that it costs
// less than on demand, whatever the latency answer: each environment kept
// is busy at least the share of the month its provisioned price makes
// worth it (60%), and one more would not be; relaxed latency never costs
// more than sensitive, which keeps at least the fleet's fewest. Relaxed
// latency had cost $5 more for 100 million requests, and a steady
// billion requests $250 more than with their base provisioned (review
// 244).
func TestProvisionedWhereItCostsLess(t *testing.T) {
	p := testPricing(t)
	for _, mean := range []float64{0.5, 10, 29, 31, 300} {
		for _, k := range []float64{1, math.Ceil(mean), 2 * math.Ceil(mean)} {
			assert.InDelta(t, poissonCapped(mean, k), poissonCapped(mean, k+1)-poissonTail(mean, k+1), 0.02*max(1, mean), "E[min(N,k+1)] − P(N ≥ k+1) = E[min(N,k)] at %v, %v", mean, k)
		}
	}
	in := CostInputs{Entry: EntryHTTP, Requests: 1_000_000_000, DurationMS: 200, MemoryMB: 512, Traffic: "steady", CPU: "light", FreeTier: true, Availability: "redundant", LogBytes: -1}
	c := p.Cloud("aws")
	w := p.workload(c, in)
	least := c.t.functionsWarmGBSecond.v() / (c.t.functionsGBSecond.v() - c.t.functionsWarmExecGBSecond.v())
	assert.InDelta(t, 0.6, least, 0.001, "Lambda's provisioned price over the gap between the duration prices")
	keep := w.provisionedCount(in.Requests, 0.2, 1)
	assert.Equal(t, w.savingCount(0.2, least), keep, "100 million GB-seconds are all in the first tier")
	assert.GreaterOrEqual(t, w.busyShare(0.2, keep), least)
	assert.Less(t, w.busyShare(0.2, keep+1), least)
	for _, traffic := range []string{"steady", "cyclical", "spiky", "unpredictable"} {
		for _, requests := range []float64{1e6, 3e7, 1e9, 3e10} {
			shaped := in
			shaped.Traffic, shaped.Requests = traffic, requests
			w := p.workload(c, shaped)
			for _, share := range []float64{0.3, 0.6, 0.8, 0.995} {
				k := w.savingCount(0.2, share)
				assert.GreaterOrEqual(t, w.busyShare(0.2, k), share, "%s %v %v", traffic, requests, share)
				assert.Less(t, w.busyShare(0.2, k+1), share, "%s %v %v: the most that are busy that much", traffic, requests, share)
			}
		}
	}
	f := p.Estimate("aws", in, 0).Functions
	warm := item(f, "warm")
	assert.True(t, strings.HasPrefix(warm.Formula, formatWhole(keep)+" × 0.5 GB × "), warm.Formula)
	assert.Regexp(t, `\(as many as cost less provisioned than on demand, the last of them busy 6\d% of the month\)$`, warm.Formula)
	onDemand := (1e9*0.2*0.5 - 400_000) * 0.0000166667
	assert.Less(t, item(f, "compute").USD+warm.USD, onDemand-200, "the base provisioned saves more than $200 a month")
	for _, requests := range []float64{2e6, 3e7, 1e8, 1e9} {
		relaxed, sensitive := in, in
		relaxed.Requests, sensitive.Requests, sensitive.WarmOne = requests, requests, true
		assert.LessOrEqual(t, p.Estimate("aws", relaxed, 0).Functions.Total, p.Estimate("aws", sensitive, 0).Functions.Total+0.01, "%v requests", requests)
	}
	// Never more than all on demand, in the cheaper tiers too, where
	// the first tier's 60% had provisioned 5,578 environments for 43
	// billion GB-seconds of events at $25,000 a month more than none.
	events := CostInputs{Entry: EntryEvents, DurationMS: 30_000, MemoryMB: 1024, Traffic: "steady", CPU: "light", FreeTier: true, Availability: "redundant", LogBytes: -1}
	for _, requests := range []float64{1e7, 1e9, 1e10, 3e10} {
		events.Requests = requests
		kept := p.Estimate("aws", events, 0).Functions.Total
		provisioned := c.t.functionsWarmGBSecond
		c.t.functionsWarmGBSecond = nil
		onDemand := p.Estimate("aws", events, 0).Functions.Total
		c.t.functionsWarmGBSecond = provisioned
		assert.LessOrEqual(t, kept, onDemand+0.01, "%v events", requests)
	}
	// A small load keeps none busy enough: relaxed latency keeps nothing.
	in.Requests = 2_000_000
	_, ok := p.Estimate("aws", in, 0).Functions.item("warm")
	assert.False(t, ok)
}

// TestWarmCapacityHoldsTheFleetsHeadroom: critical latency's warm capacity
// holds the load a fleet is sized for, the busiest hour's with the
// profile's headroom: for traffic nobody forecast, twice the average, where
// the average alone had been kept warm beside fleets that kept twice it
// (review 111). At 100 million 200 ms requests a month, 7.6 in flight on
// average, 15.2 with the headroom: Lambda keeps 26, one more than the
// 99th percentile of those in flight.
func TestWarmCapacityHoldsTheFleetsHeadroom(t *testing.T) {
	p := testPricing(t)
	in := CostInputs{Entry: EntryHTTP, Requests: 100_000_000, DurationMS: 200, MemoryMB: 512, Traffic: "unpredictable", CPU: "light", FreeTier: true, Availability: "redundant", Warm: true, LogBytes: -1}
	avg := in.Requests / (730 * 3600) * 0.2
	require.Equal(t, 25.0, poissonQuantile(2*avg, 0.99))
	warm := item(p.Estimate("aws", in, 0).Functions, "warm")
	assert.True(t, strings.HasPrefix(warm.Formula, "26 × "), warm.Formula)
	assert.Contains(t, warm.Formula, "with 2 times that load in flight, the headroom a fleet keeps")
	// A steady day's fleet keeps no headroom over the load, nor its warm
	// capacity.
	in.Traffic = "steady"
	warm = item(p.Estimate("aws", in, 0).Functions, "warm")
	assert.NotContains(t, warm.Formula, "the headroom a fleet keeps")
}

// TestJobRunsFallBackToTheAssumption: inputs that give no count of the
// background jobs' runs (a model without the jobruns question) take the
// assumption job_runs_per_month, which the item's formula says it is and
// cites; a count given is the reader's, said plainly.
func TestJobRunsFallBackToTheAssumption(t *testing.T) {
	p := testPricing(t)
	in := CostInputs{Entry: EntryHTTP, Requests: 5_000_000, DurationMS: 200, MemoryMB: 512, Traffic: "cyclical", CPU: "light", FreeTier: true, Availability: "redundant", Jobs: "hours", LogBytes: -1}
	jobs := item(p.Estimate("aws", in, 0).Servers, "jobs")
	assert.True(t, strings.HasPrefix(jobs.Formula, "30 runs a month (assumed) × "), jobs.Formula)
	assert.True(t, slices.ContainsFunc(jobs.Facts, func(f *Fact) bool { return f != nil && f.ID == "job_runs_per_month" }))
	in.JobRuns = 600
	jobs = item(p.Estimate("aws", in, 0).Servers, "jobs")
	assert.True(t, strings.HasPrefix(jobs.Formula, "600 runs a month × "), jobs.Formula)
	assert.False(t, slices.ContainsFunc(jobs.Facts, func(f *Fact) bool { return f != nil && f.ID == "job_runs_per_month" }))
}

// TestCloudRunFunctionsKeepTheServicesWarmInstances: Cloud Run functions
// billed as Cloud Run services keep the instances the services keep warm
// for sensitive latency, on the services' size, since they are the same
// platform: keeping none, they had cost $86.87 beside the services'
// $193.27 for an 8 GB model, and the answer asking for fast first
// responses had sent the work to the one that kept nothing warm (review
// 236). Their bill never falls as the volume grows (review 157 had found
// $93.78 at 41.8 million requests and $85.65 at 45.9 million).
func TestCloudRunFunctionsKeepTheServicesWarmInstances(t *testing.T) {
	p := testPricing(t)
	gcp := p.Cloud("gcp")
	prev := 0.0
	for _, n := range []float64{20e6, 31e6, 36e6, 41.772481e6, 45.9e6, 60e6} {
		in := CostInputs{Entry: EntryHTTP, Requests: n, DurationMS: 200, MemoryMB: 512, Traffic: "steady", CPU: "light", FreeTier: true, WarmOne: true, Availability: "redundant"}
		b, _, _ := p.totals(gcp, in)
		assert.Greater(t, b.Total, prev, "%.0f requests", n)
		prev = b.Total
	}
	in := CostInputs{Entry: EntryHTTP, Requests: 500e3, DurationMS: 2000, MemoryMB: 8192, Traffic: "cyclical", CPU: "heavy", FreeTier: true, WarmOne: true, Availability: "redundant"}
	est := p.Estimate("gcp", in, 0)
	warm := item(est.Functions, "warm")
	assert.Positive(t, warm.USD, "the functions keep the services' instances warm")
	assert.InDelta(t, item(est.Containers, "warm").USD, warm.USD, 0.01)
	assert.Contains(t, item(est.Functions, "compute").Label, est.Containers.Sizing.Machine, "on the services' size")
	in.WarmOne = false
	assert.Less(t, p.Estimate("gcp", in, 0).Functions.Total, est.Functions.Total-50, "relaxed, none is kept")
}

// TestEverySizeAtItsListedPrice: a family whose sizes are not exact
// multiples of the smallest lists each at its own price, as the price
// list gives it: c7g.large had been billed at $0.0726 an hour, twice the
// medium's $0.0363, where AWS lists $0.0725 (review 249).
func TestEverySizeAtItsListedPrice(t *testing.T) {
	p := testPricing(t)
	listed := map[string]float64{"c7g.medium": 0.0363, "c7g.large": 0.0725, "c7g.16xlarge": 2.32, "r7g.large": 0.1071, "r7a.xlarge": 0.3043, "m7g.large": 0.0816, "t4g.small": 0.0168}
	for _, m := range p.Cloud("aws").machines(true, false) {
		if want, ok := listed[m.name]; ok {
			assert.InDelta(t, want, m.hourly, 1e-9, m.name)
			delete(listed, m.name)
		}
	}
	assert.Empty(t, listed, "sizes missing from the catalogue")
}
