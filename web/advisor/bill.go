package advisor

import (
	"fmt"
	"math"
	"slices"
	"sync"
)

// warmFor is how many instances, each taking k pieces of work at once,
// critical latency keeps warm for pieces in flight at an average of
// inFlight (the load a fleet is sized for, peakRPS: the busiest hour's
// with the headroom a fleet keeps over it, so that warm capacity and a
// fleet buy the same guarantee; for traffic nobody forecast, twice the
// average, where the average alone had been kept warm beside fleets that
// kept twice it, review 111): enough that warm_coverage of them find a warm
// instance, and at least the fleet's minimum, one in each of two zones
// where the answers ask for redundancy, so that a zone lost sends no
// request to a cold start (a critical, redundant API on Container Apps had
// kept one replica where its VMs kept two). Pieces arrive at random, so
// the number in flight is Poisson: provisioned concurrency of 1 for an
// average of 0.6 in flight had sent nearly one request in two to a cold
// start. A piece arriving finds as many others in flight as there are on average
// over the time, and needs a slot free beside them: one more than the
// warm_coverage quantile of those in flight. The quantile alone had left
// a slot for warm_coverage of the time, not of the requests: a model API
// on two machines of one request each at critical latency queued about
// one request in sixteen (review 241).
// Instances that take several at once share their processors among them,
// and hold them at the target utilisation, as a fleet's machines do:
// filled to the last slot, Cloud Run had kept 69 instances warm where its
// own busiest hour ran 134 and Compute Engine beside it kept its machines
// at 60% (review 111).
func (w *workload) warmFor(inFlight, k float64) float64 {
	n := (poissonQuantile(inFlight, w.k.warmCoverage.v()) + 1) / k
	if k > 1 {
		n = max(n, inFlight/(k*w.k.targetUtilisation.v()))
	}
	return max(w.minInstances(), math.Ceil(n-1e-9))
}

// warmNote says what the warm capacity of keep instances, each taking k
// pieces at once, is sized for, after its working: the zones too where
// their minimum decides it.
func (w *workload) warmNote(keep, k float64) string {
	return " (" + w.warmSizedFor("the busiest hour's", k) + w.zonesNote(keep) + ")"
}

// scheduledNote says what warm capacity scheduled to each hour's load is
// sized for: from least to most instances kept, each taking k pieces at
// once, after its working.
func (w *workload) scheduledNote(least, most, k float64) string {
	return fmt.Sprintf(" (scheduled to each hour's load, from %s at the quietest hour to %s at the busiest, %s%s)",
		formatWhole(least), formatWhole(most), w.warmSizedFor("each hour's", k), w.zonesNote(least))
}

// warmSizedFor says what warm capacity holds (warmFor): the load of the
// hour named, with the headroom a fleet keeps over it, and instances that
// take k pieces at once held at the target utilisation.
func (w *workload) warmSizedFor(hour string, k float64) string {
	s := fmt.Sprintf("for %s%% of %s %s to find one warm", trimFloat(w.k.warmCoverage.Value), hour, w.in.Entry.Pieces())
	if w.headroom > 1 {
		s += fmt.Sprintf(" with %s times that load in flight, the headroom a fleet keeps", trimFloat(w.headroom))
	}
	if k > 1 {
		s += fmt.Sprintf(", each instance at the %s%% target utilisation a fleet's machines keep", trimFloat(w.k.targetUtilisation.Value))
	}
	return s
}

// zonesNote says that the zones decide warm capacity where the fewest
// instances kept, least, are no more than the fleet's minimum, one for
// each zone. The platform places them (Cloud Run, Container Apps and the
// functions spread a service's instances over a region's zones; none lets
// one be put in a zone), where a fleet's machines are put in each: "one in
// each of 2 zones" had been said of Cloud Run (review 119).
func (w *workload) zonesNote(least float64) string {
	if n := w.minInstances(); n > 1 && least <= n {
		return ", and at least " + FormatInt(int64(n)) + ", " + w.c.spread()
	}
	return ""
}

// warmSchedule reports whether the warm capacity critical latency keeps
// on an option of kind follows each hour's load rather than the busiest
// hour's: where the platform schedules it (Cloud.WarmFollowsLoad) and the
// day's load is one a schedule can follow, with no surge that arrives
// faster than scaling (a spiky day's bursts could come at any hour).
func (w *workload) warmSchedule(kind OptionKind) bool {
	return w.in.Warm && w.prof.Surge == 0 && slices.Contains(w.c.WarmFollowsLoad, kind)
}

// warmHours is the warm capacity an option of kind keeps each hour for
// critical latency, in instances each taking k pieces at once, each piece
// perPiece seconds: each hour's own where warmSchedule says so, else the
// busiest hour's all day; and the least and the most of it.
func (w *workload) warmHours(kind OptionKind, perPiece, k float64) (at [24]float64, least, most float64) {
	scheduled := w.warmSchedule(kind)
	least = math.Inf(1)
	last, keep := -1.0, 0.0
	for h, r := range w.rps {
		switch {
		case !scheduled && last < 0:
			last, keep = r, w.warmFor(w.peakRPS()*perPiece, k)
		case scheduled && r != last: // hours of equal load keep as many
			last, keep = r, w.warmFor(r*w.headroom*perPiece, k)
		}
		at[h] = keep
		least, most = min(least, keep), max(most, keep)
	}
	return at, least, most
}

// poissonQuantile is the smallest count n with P(N ≤ n) ≥ p for N
// Poisson with the given mean; past a mean of 200, the normal
// approximation, within a count of it there and without summing
// hundreds of terms.
func poissonQuantile(mean, p float64) float64 {
	if mean <= 0 {
		return 0
	}
	if mean > 200 {
		return math.Ceil(mean + math.Sqrt2*math.Erfinv(2*p-1)*math.Sqrt(mean) - 0.5)
	}
	term := math.Exp(-mean)
	cdf, n := term, 0.0
	for cdf < p {
		n++
		term *= mean / n
		cdf += term
	}
	return n
}

// CostInputs are the answers the cost model reads.
type CostInputs struct {
	Requests   float64 // per month: requests, events or scheduled runs
	DurationMS float64 // of one request or event
	MemoryMB   float64 // one request needs
	EgressGB   float64 // data sent to the internet per month
	// EgressDefault is true where EgressGB is the data transfer
	// question's default, which no volume changes (atVolume).
	EgressDefault bool
	Traffic       string // steady, cyclical, spiky, unpredictable
	Entry         Entry  // http, events, schedule
	CPU           string // light, moderate, heavy: how much of a request is computation
	Commit        string // none, 1y, 3y
	Warm          bool   // latency is critical: keep capacity warm
	// WarmOne is true when latency is sensitive: serverless containers
	// billed while serving keep one instance up, so that no request after
	// a quiet spell waits for one to start.
	WarmOne  bool
	FreeTier bool
	OpsCost  bool
	// fleetsUpkeep is set where the cost factor weighs the fleets'
	// operations time, the servers' and the serverless containers',
	// beyond the least any option takes, though the bills leave the
	// team's time out (Option.WeighsTeamTime): their bills then carry it
	// (workload.teamTime), and the functions' none.
	fleetsUpkeep bool
	// Rewrite is true when the answers move an existing server
	// application: on functions it is re-architected first, which the
	// functions' bill counts as the team's time where it counts that time
	// (OpsCost).
	Rewrite bool
	// DataHeavy is true when the database load of an HTTP API is heavy:
	// functions then reach a relational database through the cloud's
	// managed connection pooler, where it has one (Products.DBPooler), and
	// serverless containers run on sizes that share an instance's
	// connection pool among several requests at once (sharedSize).
	// Clients scale functions out without a bound; queued work runs as
	// many at once as its event source is set to, which can stay within
	// what the database takes (30 scheduled runs had paid $21.90 a month
	// for RDS Proxy, all of their bill).
	DataHeavy bool
	Arm       bool
	// Availability is "single" when one machine may serve the requests
	// (an internal tool); anything else keeps one in each of two zones.
	Availability string
	// LogBytes is what the application and the platform log per request,
	// the same on every option; negative takes the model's assumption.
	LogBytes float64
	// JobRuns is how many times a month the longest background job runs;
	// 0 takes the model's assumption (job_runs_per_month).
	JobRuns float64
	// OpsRate is the cost of an hour of operations work; 0 takes the
	// model's assumption.
	OpsRate  float64
	Ops      string // none, parttime, dedicated: the team's operations capacity
	Jobs     string // none, short, minutes, hours: the longest background job
	Realtime string // none, some, messaging, core
	Control  string // minimal, some, compliance, full
	// CustomDomain is true where the answers give the requests a custom
	// domain with a managed certificate (CostFactor.CustomDomainWhen).
	CustomDomain bool
	// SteadyMachines is true where the servers run only on machines that
	// sustain all their vCPUs (CostFactor.SteadyMachinesWhen), as they do
	// where latency is critical (Warm).
	SteadyMachines bool
	// onAxis is set where the inputs price a cost axis, whose bills price
	// the functions' own logs at logsShare less than the flat rate at
	// every volume (functionsLogTiers): the share their tiers take off at
	// the answers' volume.
	onAxis    bool
	logsShare float64
}

// billed returns the inputs with the answers that no bill reads, where
// they stand, cleared: two inputs with the same billed inputs have the
// same bills, so a flip to such an answer reuses the verdict's cost axis.
// The operations answers count only with operations time on the bills,
// control only as whether it asks for a private network (privateNetwork)
// and, with operations time, the hours a regime or full control adds,
// connections
// as connections held open (for sessions, which a process must keep, or a
// few features or fan-out messaging, which the managed service may carry
// instead), and jobs
// only when the work does not arrive on a schedule (whose runs are the
// jobs).
func (in CostInputs) billed() CostInputs {
	timed := in.OpsCost || in.fleetsUpkeep
	if !timed {
		in.Ops = ""
		if !in.Rewrite {
			in.OpsRate = 0 // the rate prices the move to functions alone
		}
	}
	switch {
	case timed && (in.Control == "compliance" || in.Control == "full"):
		// Where the team's time counts, each adds hours of its own
		// (auditedHours), with the network it asks for.
	case in.privateNetwork():
		in.Control = "compliance"
	default:
		in.Control = ""
	}
	if !in.heldConnections() {
		in.Realtime = ""
	}
	if !in.backgroundJobs() {
		in.Jobs, in.JobRuns = "", 0
	}
	return in
}

// sampled returns the inputs with those of the items every option pays
// alike cleared as well: the bytes logged, which leaves the bills' other
// items as they are, unless the functions' own logs cost less on tiers
// of their own at the answers' volume. The sampled bills leave that item
// out, so answers that differ in it alone share their samples.
func (in CostInputs) sampled() CostInputs {
	if in.logsShare == 0 {
		in.LogBytes = 0
	}
	return in
}

// logsOnAxis returns the inputs as a cost axis prices them: the
// functions' own logs, where the cloud prices them on volume tiers of
// their own, at the share less than the flat rate that the tiers take off
// at the answers' volume, at every volume. A fit along the volume keeps
// each pair of bills moving one way; the tiers, which take more off the
// more is logged, had made the functions dearer than Fargate below the
// answers' volume and far cheaper above it, which the fit had pooled into
// nothing either way (review 215).
func (in CostInputs) logsOnAxis(c *Cloud, k *commonTable) CostInputs {
	if in.onAxis {
		return in
	}
	in.onAxis, in.logsShare = true, 0
	t := &c.t
	if t.functionsLogsGB == nil {
		return in
	}
	billed := k.billedLogGB(in, t.logsFreeGB)
	if flat := t.logsGB.cost(billed); flat > 0 {
		in.logsShare = max(0, 1-t.functionsLogsGB.cost(billed)/flat)
	}
	return in
}

// bytesPerRequest is each request's share of the data sent out, in
// bytes: what one response carries on average.
func (in CostInputs) bytesPerRequest() float64 { return in.EgressGB * 1e9 / in.Requests }

// committed reports whether the answers take a commitment (one year or
// three), which the bills price.
func (in CostInputs) committed() bool { return in.Commit == "1y" || in.Commit == "3y" }

// atVolume is the inputs grown (or shrunk) to another volume, as growth
// takes them: the data sent to the internet with it, the same bytes a
// request, where the reader gave it. The growth caveat's bills with the
// team's time had held it at today's beside a timeline that grows it, and
// read $8,700 a year on against $32,800 without the time (review 129).
// The question's default is no reader's figure, and no volume changes it,
// as no flip of the volume does: grown with the requests, 50 GB for
// 50,000 requests had become a megabyte a response, $2,312 of Lambda nine
// months on, mostly data out, and hidden the month the servers became the
// cheaper (review 173).
func (in CostInputs) atVolume(requests float64) CostInputs {
	if in.Requests > 0 && !in.EgressDefault {
		in.EgressGB *= requests / in.Requests
	}
	in.Requests = requests
	return in
}

// servesFiles reports whether HTTP responses average from bytes or more,
// from which the bills serve them as files from object storage
// (Cloud.filesFrom).
func (in CostInputs) servesFiles(from float64) bool {
	return in.Entry == EntryHTTP && in.Requests > 0 && in.bytesPerRequest() >= from
}

// sentGB is the data the front door and the processes send out in the
// month: the responses, or where the bills serve them from object
// storage (filesStored), the signed links to them.
func (w *workload) sentGB() float64 {
	if w.filesStored {
		return w.in.Requests * w.k.signedLinkBytes.v() / 1e9
	}
	return w.in.EgressGB
}

// privateNetwork reports whether the answers put the work in private
// subnets behind NAT: compliance at any size, and full control of the
// network where clients reach a redundant fleet (redundant), the tier a
// team that designs its own network keeps behind the load balancer. One
// machine the answers accept, or work no client calls, keeps its own
// address behind firewall rules: a single EC2 machine under full control
// had paid an Application Load Balancer and a NAT gateway, $70 for a $13
// machine, and 30 nightly runs $39 of NAT for 7 cents of compute.
func (in CostInputs) privateNetwork() bool {
	switch in.Control {
	case "compliance":
		return true
	case "full":
		return in.redundant()
	}
	return false
}

// fanOut reports whether the answers ask for fan-out messaging: each
// message goes out to many connected clients, which a fleet holding the
// connections passes between its instances over a channel of its own
// (fanOutChannel), and the cloud's managed connection service does for a
// platform that holds none.
func (in CostInputs) fanOut() bool { return in.Realtime == "messaging" }

// heldConnections reports whether clients keep connections open to the
// backend, for stateful sessions at the product's core, for a few live
// features or for fan-out messaging: no instance that holds them can
// scale to zero while they are connected.
func (in CostInputs) heldConnections() bool { return in.statefulSessions() || in.liveFeatures() }

// statefulSessions reports whether the product's sessions, with their
// state, live in the connections clients hold open: instances that hold
// them stay allocated while clients are connected.
func (in CostInputs) statefulSessions() bool { return in.Realtime == "core" }

// connectionsInProcess reports whether the clients' open connections stay
// in the application's own processes, which keeps serverless containers
// billed while they serve allocated as a fleet is: stateful sessions, and
// an existing application's live features or messaging, which it holds
// itself where a new one hands them to the managed connection service.
func (in CostInputs) connectionsInProcess() bool {
	return in.heldConnections() && !(in.liveFeatures() && !in.Rewrite)
}

// liveFeatures reports whether the connections held open serve a few live
// features or fan-out messaging, not the product's sessions: the cloud's
// managed connection service can hold them for a platform that scales to
// zero.
func (in CostInputs) liveFeatures() bool { return in.Realtime == "some" || in.fanOut() }

// backgroundJobs reports whether the answers name a longest background job
// beside the work itself: not beside work that arrives on a schedule
// (whose runs are the jobs), nor beside events that each take as long as
// the job the answer names (the events are then the longest job: 2,000
// encodes of 40 minutes are the jobs "longer than 15 minutes", not 2,000
// events and 30 more runs beside them).
func (in CostInputs) backgroundJobs() bool {
	if in.Entry == EntrySchedule || !slices.Contains([]string{"short", "minutes", "hours"}, in.Jobs) {
		return false
	}
	return in.Entry != EntryEvents || jobClass(in.DurationMS) != in.Jobs
}

// jobClass is the answer to the jobs question that a piece of work of ms
// milliseconds gives: under a minute, under 15 minutes, or longer.
func jobClass(ms float64) string {
	switch {
	case ms < 60_000:
		return "short"
	case ms <= 900_000:
		return "minutes"
	}
	return "hours"
}

// Bill is the monthly bill of one option on one cloud.
type Bill struct {
	Kind      OptionKind
	Product   string // the provider's name for it
	Available bool
	// Unavailable says which limit rules the option out, with the fact
	// that states the limit.
	Unavailable string
	Limit       *Fact
	// JobsOn names the product a functions bill runs the long jobs on
	// when they do not fit the functions: the bill is then a split's.
	JobsOn string
	// RuledOut is the clause of the answers' constraint that rules the
	// option's verdict out, for a bill that could run the work: it shows
	// what the option would cost, but not as a choice the answers leave.
	RuledOut string
	Items    []Item
	Total    float64
	Sizing   *Sizing // for containers and servers
	// PeakConcurrency is the number of requests in flight at the busiest
	// moment (functions: executions).
	PeakConcurrency float64
	// HandsOffConnections is true where the cloud's managed connection
	// service holds the clients' open connections for this bill
	// (workload.liveConnections), not the option's own processes.
	HandsOffConnections bool
	// KeptRunning is true where the functions' bill keeps instances up
	// by the hour rather than paying for the work alone: billed as the
	// cloud's serverless containers by the instance (a fleet's bill says
	// so in Sizing.Billing).
	KeptRunning bool
	// sentInsteadGB is the data that connection service sends to the
	// clients in place of the backend (Firebase), which this bill's data
	// transfer out leaves out (workload.finish).
	sentInsteadGB float64
}

// Item is one line of a bill: what is paid for, how much, and the
// arithmetic behind it.
type Item struct {
	ID      string
	Label   string
	USD     float64
	Formula string
	Facts   []*Fact // the prices it uses
	// GBSeconds is what a functions compute item bills, before the free
	// grant: the prose quotes it from here, so that it is the bill's own.
	GBSeconds float64
	// servedAtOnce is how many requests an instance takes at once where
	// a functions compute item is billed as the cloud's serverless
	// containers (workload.functionsAsServed); 0 elsewhere.
	servedAtOnce float64
	// teamUSD is the part of USD that is the team's operations time,
	// where an item carries some beside what the provider charges (a
	// split's jobs on a second platform); the "ops" item is all of it.
	teamUSD float64
	// sentInsteadGB is, on a connection service's item, the data it sends
	// to the clients in place of the backend (Bill.sentInsteadGB).
	sentInsteadGB float64
	// granted is the vCPU-seconds and GB-seconds of the jobs product's
	// monthly free grant a jobs item takes (freeJobsItem).
	granted [2]float64
	// onJobs is true on a background jobs item whose runs start on the
	// cloud's jobs product (Cloud Run jobs, Container Apps jobs), which
	// stops a task at its timeout (jobsTimeoutCaveat).
	onJobs bool
}

// Sizing is how a fleet of containers or servers was sized.
type Sizing struct {
	Machine   string  // the instance type or container size chosen
	VCPU      float64 // of one machine
	MemoryGB  float64
	Instances int     // at the busiest hour
	Average   float64 // instances over the day
	BoundBy   BoundBy
	PerSecond float64 // requests one machine serves per second at the target utilisation
	// Billing is BillingInstance for a fleet billed while it runs,
	// BillingRequest for serverless containers billed while they serve,
	// BillingRun for a task or machine started for each run of work.
	Billing Billing
	// Alternatives are the machine just below and just above the chosen
	// one in hourly price, among those that hold a request, with the bill
	// each would give.
	Alternatives []Alternative
}

// Alternative is another machine size and the monthly bill it would give.
type Alternative struct {
	Instance   string
	Instances  int // at the busiest hour
	MonthlyUSD float64
	// BoundBy is what limits how much one of them serves: 37 of a 2 GB
	// machine beside 4 of a 4 GB one, at the same vCPU, had read as a
	// sizing error where the agents an enterprise installs leave the
	// smaller one room for one request (review 262).
	BoundBy BoundBy
}

// add adds an item to a bill: its amount to the total, and the item
// itself unless a search needs totals only.
func (w *workload) add(b *Bill, it Item) {
	if !w.totalsOnly {
		b.Items = append(b.Items, it)
	}
	b.Total += it.USD
	b.sentInsteadGB += it.sentInsteadGB
}

// facts lists the prices an item uses. A search that keeps totals only
// keeps no items, so it skips the list and its allocation; the copy lets
// the arguments stay on the stack.
func (w *workload) facts(fs ...*Fact) []*Fact {
	if w.totalsOnly {
		return nil
	}
	return slices.Clone(fs)
}

// teamUSD is what the bill counts of the team's operations time: its
// "ops" item, and the part of any other item that is (a split's jobs on a
// second platform).
func (b *Bill) teamUSD() float64 {
	usd := 0.0
	for _, it := range b.Items {
		if it.ID == "ops" {
			usd += it.USD
		} else {
			usd += it.teamUSD
		}
	}
	return usd
}

func unavailable(kind OptionKind, product, why string, limit *Fact) Bill {
	return Bill{Kind: kind, Product: product, Unavailable: why, Limit: limit}
}

// workload is the load of one set of inputs, hour by hour over a typical
// day, with the figures every bill uses.
type workload struct {
	detail     bool // the bill is shown: it lists the sizes beside the one chosen
	totalsOnly bool // keep no items: searches need totals only
	searchMode
	// sampling is what the bills of an axis or a curve share from one
	// volume to the next, nil for any other bill. Such bills need to know
	// whether an option can run the work, not why not.
	sampling *sampling
	// jobsTook is what the background jobs take of the jobs product's
	// free grant on each option's bill, once known (jobsGrantLeft).
	jobsTook [iHybrid]struct {
		known   bool
		granted [2]float64
	}
	// servingFree is what containersFree says, once known.
	servingFree struct {
		known bool
		grant [2]float64
	}
	in     CostInputs
	c      *Cloud
	k      *commonTable
	prof   *Profile
	hours  float64 // in a month
	days   float64 // hours / 24
	avgRPS float64
	rps    [24]float64 // the load of each hour of the day
	// rising is the capacity a fleet sized by the hour keeps in each hour,
	// from the quietest hour to the busiest (Profile.quietestFirst): the
	// order a fleet's hours are sized and summed in.
	rising [24]float64
	// fastRising is rising without the profile's surge floor and with
	// its fast_headroom: the capacity of a platform that starts instances
	// within seconds of the load (builtIn fleets), which keeps no floor
	// for bursts that outrun a fleet of machines or tasks starting in
	// minutes, nor spare for peaks nobody forecast, which it follows.
	fastRising [24]float64
	capPeak    float64 // the most of rising, at the busiest hour
	// headroom is the share a fleet keeps over each hour's load (the
	// profile's for requests, none for queued and scheduled work).
	headroom float64
	durS     float64
	cpu      float64 // share of a request's time spent computing
	// functionMB is the memory the functions run with (functionMemory),
	// and batchSideBySide is true when each invocation handles its batch
	// of queued events side by side rather than one after another
	// (batchHandling).
	functionMB      float64
	batchSideBySide bool
	// oneEventEach prices queued events one to an invocation, as a
	// trigger without a batching window hands them over at a low rate
	// (batchWindowCaveat).
	oneEventEach bool
	// serving is true when clients wait on the work (HTTP): only then
	// do a fleet's availability minimum and a load balancer apply.
	serving bool
	// workingSetGB is what each request in flight adds to a process that
	// already holds one request's memory: a share of it for requests and
	// short pieces of work, which share a runtime, all of it by default for
	// runs of a minute or more that run to completion (run_working_set_share).
	workingSetGB float64
	// connectionGBs is the memory clients' open connections keep in the
	// processes that hold them, for each request a second, in GB: each
	// request's share of a client's connected time, at session_memory_mb
	// a stateful session or connection_memory_kb a few live features'
	// connection; 0 without them.
	connectionGBs float64
	logBytes      float64 // per request
	// lb is the provider's load balancer for the month, priced once: the
	// containers' and the servers' fleets each ask for it.
	lb struct {
		priced        bool
		lcuGB         *Fact
		usd, lcuHours float64
	}
	// anyBusy is each hour's anyInFlight, worked out once: it does not
	// depend on the instance size, and busySeconds tries every size.
	anyBusy struct {
		known bool
		share [24]float64
	}
	// quiet is, for keep replicas held at the minimum, each hour's share
	// of their seconds with a request in flight or arriving (warmIdle),
	// worked out once a volume: it depends on the load, not on the size.
	quiet struct {
		keep   float64
		active [24]float64
	}
	// kept is the containers' warm capacity each hour for instances that
	// take k requests at once (keptWarm), worked out once a volume for
	// the last k asked: every size tried asks.
	kept struct {
		k           float64
		at          [24]float64
		least, most float64
	}
	// served is the cheapest size of the serverless containers billed
	// while serving, at the volume, worked out once for their bill and
	// for functions that run on them (servedSize).
	served struct {
		known, ok bool
		m         machine
	}
	// builtIn is the cheapest fleet of the serverless containers billed
	// by the instance (Cloud Run's instance-based billing), at the volume,
	// worked out once for their bill and for functions that run on them
	// (builtInFleet).
	builtIn struct {
		known, ok bool
		f         fleet
	}
	// paidAlike are the items every option pays alike at the volume,
	// worked out once for the three bills (see finish).
	paidAlike struct {
		known        bool
		logs, egress Item
		// logTiers, where tiered, is what the functions' own logs cost
		// less than the flat logs (functionsLogTiers), on their bill.
		logTiers Item
		tiered   bool
		usd      float64 // the logs and the data out, for a total alone
	}
	// filesFrom is the average response, in bytes, from which the bills
	// serve the responses from object storage (Cloud.filesFrom), and
	// filesStored whether they do at the volume.
	filesFrom   float64
	filesStored bool
}

func (p *Pricing) workload(c *Cloud, in CostInputs) *workload {
	w := new(workload)
	p.prepare(w, c, in)
	return w
}

// fewExecutions is workload.fewExecutions for the inputs on c.
func (p *Pricing) fewExecutions(c *Cloud, in CostInputs) bool {
	w := workloads.Get().(*workload)
	defer workloads.Put(w)
	p.prepare(w, c, in)
	return w.fewExecutions()
}

// prepare sets w up for pricing in on c, from scratch.
func (p *Pricing) prepare(w *workload, c *Cloud, in CostInputs) {
	k := &p.Common.t
	*w = workload{in: in, c: c, k: k, hours: k.hoursPerMonth.v(), durS: max(in.DurationMS, 1) / 1000, filesFrom: c.filesFrom(k)}
	w.days = w.hours / 24
	w.prof = p.Common.profile(in.Traffic)
	if w.prof == nil {
		w.prof = p.Common.profile("unpredictable")
	}
	w.setVolume(in.Requests)
	w.serving = in.Entry == EntryHTTP
	share := k.workingSetShare.v()
	if !w.serving && in.DurationMS >= longRunMS || in.CPU == "heavy" {
		share = k.runWorkingSetShare.v() // a long run, or work that computes, holds its own data
	}
	w.workingSetGB = max(k.workingSetMinMB.v(), share*in.MemoryMB) / 1024
	switch {
	case in.statefulSessions():
		w.connectionGBs = w.connectedSeconds() * k.sessionMemoryMB.v() / 1024
	case in.liveFeatures():
		w.connectionGBs = w.connectedSeconds() * k.connectionMemoryMB.v() / 1024
	}
	w.logBytes = k.logBytesOf(in)
	switch in.CPU {
	case "moderate":
		w.cpu = k.cpuShareModerate.v()
	case "heavy":
		w.cpu = k.cpuShareHeavy.v()
	}
	if w.cpu == 0 || in.CPU == "light" {
		// A request that mostly waits computes for about as long whatever
		// it waits for: a 20-second call to a model costs the processor no
		// more than a 200 ms call to a database.
		w.cpu = min(k.cpuShareLight.v(), k.cpuLightMaxMS.v()/1000/w.durS)
	}
	w.setFunctionMemory()
}

// setFunctionMemory sets the memory the functions run with, and whether
// they await each batch of queued events side by side (batchHandling).
func (w *workload) setFunctionMemory() {
	w.functionMB, w.batchSideBySide = w.functionMemory(), false
	if mb, ok := w.batchHandling(); ok {
		w.functionMB, w.batchSideBySide = mb, true
	}
}

// setVolume sets the requests a month and the load they make hour by
// hour, and forgets what was worked out from the volume before.
func (w *workload) setVolume(requests float64) {
	w.in.Requests = requests
	w.avgRPS = requests / (w.hours * 3600)
	w.filesStored = w.in.servesFiles(w.filesFrom)
	headroom, fastHeadroom, surge := w.prof.Headroom, w.prof.FastHeadroom, w.prof.Surge
	if w.in.Entry == EntryEvents || w.in.Entry == EntrySchedule {
		// A queue or a timer waits for the workers: no burst must be
		// served the moment it arrives.
		headroom, fastHeadroom, surge = 1, 1, 0
	}
	w.headroom = headroom
	for h, x := range w.prof.Hourly {
		w.rps[h] = w.avgRPS * x
	}
	floor := w.avgRPS * surge
	for i, h := range w.prof.quietestFirst {
		w.fastRising[i] = w.rps[h] * fastHeadroom
		w.rising[i] = max(w.rps[h]*headroom, floor)
	}
	w.capPeak = w.rising[23]
	w.lb.priced, w.anyBusy.known, w.paidAlike.known, w.served.known, w.builtIn.known = false, false, false, false, false
	w.quiet.keep, w.kept.k = 0, 0
	if w.cpu > 0 && w.in.Entry == EntryEvents && w.c.t.eventBatchWindow != nil {
		// A batch holds what arrives within the trigger's window, which
		// the volume moves (batchBounds), and its memory with it. (Not
		// before prepare has read the answers: w.cpu is set then.)
		w.setFunctionMemory()
	}
}

// why words why an option cannot run the work, unless the bill is a
// sample along the volume.
func (w *workload) why(f func() string) string {
	if w.sampling != nil {
		return ""
	}
	return f()
}

// describe writes an item's label or working, which a search that keeps
// totals only never reads: it skips building the string.
func (w *workload) describe(f func() string) string {
	if w.totalsOnly {
		return ""
	}
	return f()
}

// keep is the sizing a bill shows, or nil for a sample along the volume,
// which is read for its total alone: hundreds of samples an answer would
// otherwise each leave one for the collector.
func (w *workload) keep(s Sizing) *Sizing {
	if w.sampling != nil {
		return nil
	}
	kept := new(Sizing)
	*kept = s
	return kept
}

// minInstances is the fewest machines a fleet keeps: one in each of two
// zones for requests clients wait on, unless the answers accept a single
// machine; one for work a queue or a timer holds until a worker is back.
// The same for a fleet of the platform's own instances billed by the
// instance: Cloud Run starts another in a zone that is left when one is
// lost, but the requests wait for it to start, which the answer for
// redundancy says they cannot (a 12 GB Java service on one Cloud Run
// instance had been weighed against three Compute Engine machines).
func (w *workload) minInstances() float64 {
	if w.in.redundant() {
		return w.k.minInstances.v()
	}
	return 1
}

// redundant reports whether the work must survive a zone's loss: requests
// clients wait on, or connections clients hold open to it, unless the
// answers accept a single machine. Work a queue or a timer holds until a
// worker is back needs one of everything.
func (in CostInputs) redundant() bool { return in.clientsConnect() && in.Availability != "single" }

// clientsConnect reports whether clients reach the fleet itself: with
// HTTP requests, or with connections they hold open to it for live
// features, messaging or sessions, whatever brings the work (a queue
// worker that pushes notifications to connected clients). Those reach it
// through a load balancer as requests do.
func (in CostInputs) clientsConnect() bool { return in.Entry == EntryHTTP || in.heldConnections() }

// holds is how many requests one process with gb of memory works on at
// once when it keeps the share u of its memory in use: the request's
// memory once (its runtime, libraries and caches are shared), and a working
// set for each further request. ok is false when one request does not fit.
func (w *workload) holds(gb, u float64) (float64, bool) {
	mem := w.in.MemoryMB / 1024
	if gb < mem-1e-9 {
		return 0, false
	}
	return 1 + u*(gb-mem)/w.workingSetGB, true
}

// connectedSeconds is how long clients' connections stay open for each
// request they make: a stateful session's client sends something every
// few seconds (session_seconds_per_request), an app with a few live
// features keeps its connection open minutes for each request
// (messaging_connection_minutes_per_request).
func (w *workload) connectedSeconds() float64 {
	if w.in.statefulSessions() {
		return w.k.sessionSeconds.v()
	}
	return w.k.messagingConnectionMinutes.v() * 60
}

// busiestSessions is how many clients are connected at the busiest hour:
// its requests a second, each connected for connectedSeconds.
func (w *workload) busiestSessions() float64 { return w.peakRPS() * w.connectedSeconds() }

// connectedFact is the assumption connectedSeconds reads.
func (w *workload) connectedFact() *Fact {
	if w.in.statefulSessions() {
		return w.k.sessionSeconds
	}
	return w.k.messagingConnectionMinutes
}

// peakRPS is the most requests per second the day brings at once.
func (w *workload) peakRPS() float64 { return w.capPeak }

// busiestRPS is the load of the busiest hour, without the headroom
// peakRPS adds.
func (w *workload) busiestRPS() float64 { return slices.Max(w.rps[:]) }

// busy is the share of the time a scale-to-zero instance that carries k
// requests on average is billed, when c requests are in flight on
// average: at least the chance that any request is (anyInFlight(c)), and
// at least c / k once one instance is not enough. k is below one where
// replicas serving one request at a time are held below full use
// (replicaLoad).
func busy(anyInFlight, c, k float64) float64 {
	return max(anyInFlight, c/k)
}

// anyInFlight is the chance that at least one request is in flight when c
// are on average, arriving at random.
func anyInFlight(c float64) float64 { return -math.Expm1(-c) }

// commitCost is the daily cost of hourly spend at on-demand prices with
// the best commitment at discount d: a commitment covers the same spend
// every hour at the lower price, and only spend above it pays on demand.
// Committing to the level that most hours exceed is the cheapest, and the
// cost never falls when any hour's spend rises.
func commitCost(spend [24]float64, d float64) float64 {
	if d == 0 {
		total := 0.0
		for _, x := range spend {
			total += x
		}
		return total
	}
	// Sorted, committing to the i-th hour's spend L costs 24·L·(1-d) plus
	// what the hours after it spend above L. Moving up to the next hour's
	// spend L' changes that by (L'-L)·(24·(1-d) - 23 + i): the cost falls
	// until i reaches 23 - 24·(1-d) and rises after, whatever the spend,
	// so the best level is that hour's. The bills lay their spend out
	// quietest hour first, so it comes sorted.
	if !slices.IsSorted(spend[:]) {
		slices.Sort(spend[:])
	}
	i := commitLevel(d)
	level := spend[i]
	cost := 24 * level * (1 - d)
	for _, x := range spend[i+1:] {
		cost += x - level
	}
	return cost
}

// commitLevel is which hour's spend, of a day's hours sorted quietest
// first, the best commitment at discount d covers (commitCost): the
// level the day's 24 − commitLevel busiest hours all reach, since a
// committed dollar pays where it is spent 1 − d of the time.
func commitLevel(d float64) int { return int(min(max(math.Ceil(23-24*(1-d)), 0), 23)) }

// busiestHours names the hours whose level the best commitment at
// discount d covers, as the formulas say it: "the day's 10 busiest hours".
func busiestHours(d float64) string {
	return fmt.Sprintf("the day's %d busiest hours", 24-commitLevel(d))
}

// discount is the commitment discount for the inputs' term, or 0.
func discount(in CostInputs, oneYear, threeYears *Fact) (float64, *Fact) {
	switch in.Commit {
	case "1y":
		return oneYear.v(), oneYear
	case "3y":
		return threeYears.v(), threeYears
	}
	return 0, nil
}

// Estimate prices the three options of one cloud for the inputs, finds
// where the bills cross as the volume changes, and projects the bills
// over the months when the volume grows by growth (a share per month).
func (p *Pricing) Estimate(cloudID string, in CostInputs, growth float64) *Cost {
	c := p.Cloud(cloudID)
	curve := p.curve(c, in)
	// The curve is kept to 10¹¹ for every reader of its inputs; this one
	// sees it to ChartTo.
	to := chartTo(in) * (1 + 1e-9)
	points := curve.points
	if past := slices.IndexFunc(points, func(pt CostPoint) bool { return pt.Requests > to }); past >= 0 {
		points = points[:past]
	}
	cost := &Cost{Cloud: c, Common: p.Common, Inputs: in, points: points,
		Crossings: slices.DeleteFunc(slices.Clone(curve.crossings), func(x Crossing) bool { return x.Requests > to })}
	cost.Functions, cost.Containers, cost.Servers = p.itemisedBills(c, in)
	for _, x := range cost.Crossings {
		if x.With == Servers {
			cost.BreakEven, cost.HasBreakEven = x.Requests, true
			break
		}
	}
	now := costPoint(in.Requests, &cost.Functions, &cost.Containers, &cost.Servers, 0)
	cost.Timeline = p.timeline(c, in, growth, now)
	cost.CheapestChangesAt, cost.CheapestBackAt = cheapestChanges(cost.Timeline, int(p.Common.t.timelineChangeMonths.v()))
	return cost
}

// searchMode is what a search of the bills asks besides their totals.
type searchMode struct {
	// anyFits stops each search at the first size that can run the
	// work, and a bill within its limits at that: fits asks whether an
	// option can run the work, not what it costs.
	anyFits bool
	// noLimits prices functions and containers past their hard limits
	// on run time and memory, as limitless asks.
	noLimits bool
}

// priced prices the three options for their totals, sizing and peak
// concurrency only, keeping no items, searched as mode says, and what
// the cost factor leaves out of each (weighedAlike) and weighs between
// the functions and the fleets alone (fleetsLogs).
func (p *Pricing) priced(c *Cloud, in CostInputs, mode searchMode) (bills [3]Bill, alike, fleetsLogs float64) {
	w := workloads.Get().(*workload)
	defer workloads.Put(w)
	p.prepare(w, c, in)
	w.totalsOnly, w.searchMode = true, mode
	bills = [3]Bill{w.functionsBill(), w.containersBill(), w.serversBill()}
	return bills, w.weighedAlike(), w.fleetsLogs()
}

// totals prices the three options for their totals: what the decision
// reads.
func (p *Pricing) totals(c *Cloud, in CostInputs) (functions, containers, servers Bill) {
	b, _, _ := p.priced(c, in, searchMode{})
	return b[0], b[1], b[2]
}

// fits reports which options can run the work (the same at every volume)
// and whether its jobs leave the functions, from the bills at one volume
// priced from the whole catalogue: a sampler would work out tables for a
// search along the volume that never comes.
func (p *Pricing) fits(c *Cloud, in CostInputs) (can options, jobsOffFunctions bool) {
	jobsOffFunctions = c.jobsOffFunctions(&p.Common.t, in)
	// A bill's jobs are an item on it, never what rules it out: the
	// bills are priced without them.
	in.Requests, in.Jobs = MinChartRequests, ""
	b, _, _ := p.priced(c, in, searchMode{anyFits: true})
	return options{b[0].Available, b[1].Available, b[2].Available}, jobsOffFunctions
}

// limitless prices the three options at the inputs' volume as if no
// hard limit on run time or memory applied, without what each pays
// alike (the second value): what an option a limit rules out would cost were it allowed,
// which tells whether the limit or the bills decided against it. An
// option that no size can hold stays unavailable.
func (p *Pricing) limitless(c *Cloud, in CostInputs) (totals [3]float64, fleetsLogs float64, can options) {
	totals, fleetsLogs, b := p.weighed(c, in, searchMode{noLimits: true})
	return totals, fleetsLogs, options{b[0].Available, b[1].Available, b[2].Available}
}

// weighed prices the three options as the cost factor weighs them (see
// diffsAt): their totals less what every option pays alike
// (weighedAlike), what the fleets' logs cost beyond the functions' own
// (fleetsLogs), and the bills.
func (p *Pricing) weighed(c *Cloud, in CostInputs, mode searchMode) (net [3]float64, fleetsLogs float64, bills [3]Bill) {
	bills, alike, fleetsLogs := p.priced(c, in, mode)
	for i, b := range bills {
		net[i] = b.Total - alike
	}
	return net, fleetsLogs, bills
}

// unsampled are the items on each option (in the order of the option
// kinds) that are the same at every volume and that the samples leave out
// (Model.samples): the background jobs', and the move of an existing
// application where it is an item of its own (rewriteApart); and whether
// the jobs leave the functions.
func (p *Pricing) unsampled(c *Cloud, in CostInputs) (usd [3]float64, offFunctions bool) {
	if !in.backgroundJobs() && !rewriteApart(in) {
		return usd, false
	}
	return p.alongTheVolume(c, in, rewriteApart(in)), in.backgroundJobs() && c.jobsOffFunctions(&p.Common.t, in)
}

// jobsUSD is what each option's bill pays for the background jobs, in the
// order of the option kinds: the same at every volume.
func (p *Pricing) jobsUSD(c *Cloud, in CostInputs) [3]float64 {
	return p.alongTheVolume(c, in, false)
}

// alongTheVolume is what each option's bill pays, in the order of the
// option kinds, for the items that are the same at every volume: the
// background jobs (with the registry their images come from where the
// bill pulls none for anything else), and with rewrite the move of an
// existing application onto functions.
func (p *Pricing) alongTheVolume(c *Cloud, in CostInputs, rewrite bool) (usd [3]float64) {
	w := workloads.Get().(*workload)
	defer workloads.Put(w)
	p.prepare(w, c, in)
	w.totalsOnly = true
	for i, kind := range OptionKinds {
		if it, ok := w.jobsItem(kind); ok {
			usd[i] = it.USD
		}
		if it, ok := w.registry(kind); ok && w.jobsPullImages(kind) {
			usd[i] += it.USD
		}
		if it, ok := w.rewrite(kind); ok && rewrite {
			usd[i] += it.USD
		}
	}
	return usd
}

// rewriteApart reports whether the move of an existing application (onto
// functions, or its sessions out of its processes on Cloud Run:
// workload.move) is an item of its own (workload.rewrite), not a part of
// the operations time, and the only part of the bills the move changes:
// an existing application's live connections stay in its processes on
// serverless containers too (connectionsInProcess), so the samples keep
// the move.
func rewriteApart(in CostInputs) bool { return in.Rewrite && !in.OpsCost && !in.liveFeatures() }

// sampler prices one set of inputs at volume after volume for their
// totals: the samples of a cost axis, a curve, its crossings and the
// timeline. An option that cannot run the work does not say why, and what
// does not depend on the volume is worked out once (sampling).
type sampler struct {
	w      workload
	shared sampling
}

func (p *Pricing) sampler(c *Cloud, in CostInputs) *sampler {
	s := samplers.Get().(*sampler)
	s.shared.reset()
	p.prepare(&s.w, c, in)
	s.w.totalsOnly, s.w.sampling = true, &s.shared
	return s
}

// at prices the three options at a volume.
func (s *sampler) at(requests float64) (functions, containers, servers Bill) {
	s.w.setVolume(requests)
	return s.w.functionsBill(), s.w.containersBill(), s.w.serversBill()
}

// fleetsAt prices the serverless containers and the servers at a volume.
func (s *sampler) fleetsAt(requests float64) (containers, servers Bill) {
	s.w.setVolume(requests)
	return s.w.containersBill(), s.w.serversBill()
}

// alike is what each of the bills priced last pays alike: logs and data
// transfer, the logs at what the functions pay where their own cost less
// on their tiers (fleetsLogs). With the flat logs, a year on Lambda's
// bill without them had come to −$2,640 in the growth caveat (review
// 218).
func (s *sampler) alike() float64 {
	if !s.w.paidAlike.known {
		return 0 // no option could run the work
	}
	return s.w.paidAlike.usd - s.w.fleetsLogs()
}

// fleetsLogs is what the fleets' logs cost beyond the functions' own on
// their volume tiers, in the bills priced last (workload.fleetsLogs).
func (s *sampler) fleetsLogs() float64 { return s.w.fleetsLogs() }

// alikeOnAxis is what the cost axis leaves out of the bills priced last
// (workload.weighedAlike).
func (s *sampler) alikeOnAxis() float64 { return s.w.weighedAlike() }

// weighedAlike is what the cost factor leaves out of the bills priced
// last before it weighs them: what they pay alike (logs and data
// transfer), and the NAT every bill in a private network pays alike
// (natAlike).
func (w *workload) weighedAlike() float64 {
	if !w.paidAlike.known {
		return 0 // no option could run the work
	}
	return w.paidAlike.usd + w.natAlike()
}

// fleetsLogs is what the fleets' logs cost beyond the functions' own,
// where those cost less on volume tiers of their own (functionsLogTiers),
// in the bills priced last: what every option pays alike of the logs is
// then the functions' amount, so between the functions and a fleet the
// fleet's bill counts this beside what it pays of its own, while the two
// fleets, which both pay it, compare without it (diffsAt). Left on the
// functions' bill alone, what the tiers take off had brought it below
// nothing, and a 6.6% saving had counted as the largest gap there is
// (review 216).
func (w *workload) fleetsLogs() float64 {
	if !w.paidAlike.tiered {
		return 0
	}
	return -w.paidAlike.logTiers.USD
}

// functionsLess reports whether the functions bill is the lower of it and
// the bill of kind (containers or servers) at a volume: the one comparison
// a crossing's bisection makes, without pricing the third bill.
func (s *sampler) functionsLess(requests float64, kind OptionKind) bool {
	s.w.setVolume(requests)
	f := total(s.w.functionsBill())
	if kind == Containers {
		return f-total(s.w.containersBill()) < 0
	}
	return f-total(s.w.serversBill()) < 0
}

// release returns the sampler to the pool.
func (s *sampler) release() { samplers.Put(s) }

// workloads are reused by totals, and samplers by every axis and curve
// (dozens an answer), with their catalogues' tables: no bill keeps a
// pointer to the workload it came from.
var (
	workloads = sync.Pool{New: func() any { return new(workload) }}
	samplers  = sync.Pool{New: func() any { return new(sampler) }}
)

// itemisedBills prices the three options with their items and arithmetic.
func (p *Pricing) itemisedBills(c *Cloud, in CostInputs) (functions, containers, servers Bill) {
	w := p.workload(c, in)
	w.detail = true
	functions, containers, servers = w.functionsBill(), w.containersBill(), w.serversBill()
	for _, b := range []*Bill{&functions, &containers, &servers} {
		b.roundItems()
	}
	return functions, containers, servers
}

// runsEach reports whether the bill starts a task or job for each piece
// of work (Fargate tasks, Cloud Run jobs, Container Apps jobs).
func (b *Bill) runsEach() bool {
	return b.Available && b.Sizing != nil && b.Sizing.Billing == BillingRun
}

// item is the bill's item of an id, if it has one.
func (b *Bill) item(id string) (Item, bool) {
	if i := slices.IndexFunc(b.Items, func(it Item) bool { return it.ID == id }); i >= 0 {
		return b.Items[i], true
	}
	return Item{}, false
}

// roundItems rounds each item to the cent, as the bill shows it, and
// makes the total their sum, as an invoice adds up its lines: $18.0186 +
// $16.8265 + $14.98 then shows $18.02 + $16.83 + $14.98 = $49.83, not
// beside a total of $49.82. An item every option pays alike (logs, data
// transfer) then reads the same on each bill. The total moves by
// half a cent an item at most from the one the decision weighs.
func (b *Bill) roundItems() {
	b.Total = 0
	for i := range b.Items {
		b.Items[i].USD = math.Round(b.Items[i].USD*100) / 100
		b.Total += b.Items[i].USD
	}
}

// cheapestTraditional is the cheaper available of containers and servers;
// on a tie, servers (byPrice would name containers, the first listed): the
// split's "fleet" then keeps the servers a tie has always given it.
func cheapestTraditional(containers, servers Bill) Bill {
	if !servers.Available || (containers.Available && containers.Total < servers.Total) {
		return containers
	}
	return servers
}
