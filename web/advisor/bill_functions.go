package advisor

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// invocations is how many times the functions run for the month's
// requests: once per request, or once per batch of queued events.
func (w *workload) invocations() (count, eventsEach float64) {
	if w.in.Entry == EntryEvents && !w.oneEventEach {
		size, fit, arrive := w.batchBounds()
		b := max(min(size, fit, arrive), 1)
		return math.Ceil(w.in.Requests / b), b
	}
	return w.in.Requests, 1
}

// batchBounds bound a batch of queued events: as many as the platform
// hands over at once (size); no more than fill the share of one
// invocation's longest run a batch may take (fit): ten 10-minute encodes
// are ten invocations, not one of 100 minutes, and three of 20 minutes
// are not one that ends at Flex Consumption's hour; and no more than
// arrive, at the month's average rate, within the longest batching window
// the trigger allows (arrive, unbounded where it has none): one event a
// minute had been billed in batches of ten, which take ten minutes to
// gather where the window holds five (review 161).
func (w *workload) batchBounds() (size, fit, arrive float64) {
	size = w.c.t.eventBatchSize.v()
	fit = math.Floor(w.c.functionsMaxRun(EntryEvents).v() * w.k.eventBatchRunShare.v() / (w.durS * w.stretch(w.functionMB)))
	arrive = math.Inf(1)
	if win := w.c.t.eventBatchWindow; win != nil && size > 1 {
		arrive = math.Floor(w.avgRPS*win.v() + 1e-9)
	}
	return size, fit, arrive
}

// billedSeconds is the billed run time of one invocation, rounded up to
// the provider's billing increment. A function with less CPU than the
// request computes with takes longer: the answer's duration is wall time
// with a full core for its computing share.
func (w *workload) billedSeconds(eventsEach float64) float64 {
	return w.runSeconds(eventsEach, w.functionMB)
}

// functionMemory is the memory the functions run with. An HTTP request's
// duration is what its client waits, so a function that answers it gets
// at least the memory that brings the CPU the request computes with, as a
// practitioner configures one for latency, within the largest size; on
// Lambda, whose CPU grows with memory, that costs the same GB-seconds as
// the slower run on less. Events and runs, which nobody waits on, take
// the memory they need and run on its share of a vCPU, or, where that
// share would stretch a piece past the room the time limit leaves
// (runsWithin), the memory that brings enough of a vCPU for it to fit: a
// 5-minute run computing all the while had been priced at 17.3 minutes
// on the 0.29 vCPU of a 512 MB Lambda function, and recommended, against
// a limit of 15 (review 97). Functions billed by instance (Flex
// Consumption) choose their instance size themselves.
func (w *workload) functionMemory() float64 {
	mb, t := w.in.MemoryMB, &w.c.t
	if w.c.FunctionsBilling == BillingInstance || w.functionVCPU(mb) >= w.cpu {
		return mb
	}
	// The share of a vCPU the memory must bring: all the work computes
	// with for a request, enough to fit the limit for events and runs.
	need := w.cpu
	if w.in.Entry != EntryHTTP {
		if w.runsWithin(mb) || !w.runFits(w.c.functionsMaxRun(w.in.Entry)) {
			return mb // no memory would make a piece fit that does not at a full vCPU
		}
		need = w.cpu * w.durS / w.longestPiece()
	}
	largest := t.functionsMaxMemoryMB.v()
	if table := t.functionsMemoryVCPU; table != nil {
		best := mb
		for _, row := range table.Table {
			if row.MemoryMB >= mb && row.MemoryMB <= largest {
				best = row.MemoryMB
				if row.VCPU >= need {
					break
				}
			}
		}
		return best
	}
	if t.functionsMBPerVCPU == nil {
		return mb
	}
	return max(mb, min(largest, math.Ceil(need*t.functionsMBPerVCPU.v())))
}

// longestPiece is the longest a piece of work may run on the functions,
// in seconds, where their time limit is to leave it the room it needs
// (runFits).
func (w *workload) longestPiece() float64 {
	return w.k.longestRun(w.c.functionsMaxRun(w.in.Entry))
}

// runsWithin reports whether a piece of work, run on the share of a vCPU
// a function of the given memory has, still leaves the time limit the
// room runFits asks of the answer's duration.
func (w *workload) runsWithin(memoryMB float64) bool {
	return w.durS*w.stretch(memoryMB) <= w.longestPiece()*(1+1e-9)
}

// runSeconds is the billed run time of one invocation on a function or
// instance of the given memory.
func (w *workload) runSeconds(eventsEach, memoryMB float64) float64 {
	inc := max(w.c.t.functionsBillingIncrementMS.v(), 1)
	stretch := eventsEach * w.stretch(memoryMB) // one event after another
	if w.batchSideBySide {
		stretch = w.sideBySideStretch(eventsEach, memoryMB)
	}
	ms := w.in.DurationMS * stretch
	return math.Ceil(ms/inc-1e-9) * inc / 1000
}

// sideBySideStretch is how much longer than one event a batch of
// eventsEach takes when its events run side by side on a function of the
// given memory: as long as one, unless their computing together needs
// more of a vCPU than the function has.
func (w *workload) sideBySideStretch(eventsEach, memoryMB float64) float64 {
	return max(1, eventsEach*w.cpu/max(w.functionVCPU(memoryMB), 0.01))
}

// batchHandling is the memory a function billed per invocation runs with
// when it handles each batch of queued events side by side, where that
// costs less than one event after another (ok): the batch's events then
// share one runtime (the event's memory once, and a working set for each
// further one, as on a server) and its vCPU. Work that mostly waits, such
// as a call to another service per event, is handled so: ten 500 ms
// events billed as one 5-second run had cost Lambda up to ten times what
// the same batch awaited side by side does. Only events that mostly
// wait are awaited side by side, and only where that saves a tenth or
// more: events that compute are handled one after another, as a handler
// does unless written otherwise (ten image resizes side by side gain only
// the share of a vCPU one of them leaves idle), and events that each hold
// their own data (runs of a minute or more) cost as much or more side by
// side.
func (w *workload) batchHandling() (float64, bool) {
	t := &w.c.t
	if w.in.Entry != EntryEvents || w.c.FunctionsBilling == BillingInstance || w.in.CPU != "light" {
		return 0, false
	}
	_, each := w.invocations()
	if each <= 1 {
		return 0, false
	}
	mb := math.Ceil(w.in.MemoryMB + (each-1)*w.workingSetGB*1024)
	if mb > t.functionsMaxMemoryMB.v() {
		return 0, false
	}
	// What a second of each costs, in GB-seconds at the vCPU's price as
	// well where the provider bills it apart.
	perSecond := func(mb float64) float64 {
		usd := mb / 1024 * t.functionsGBSecond.v()
		if t.functionsVCPUSecond != nil {
			usd += w.vcpuFor(mb) * t.functionsVCPUSecond.v()
		}
		return usd
	}
	oneByOne := each * w.stretch(w.functionMB) * perSecond(w.functionMB)
	sideBySide := w.sideBySideStretch(each, mb) * perSecond(mb)
	return mb, sideBySide < 0.9*oneByOne
}

// stretch is how much longer a request runs on a function of the given
// memory than with a full core: its computing share over the function's
// share of a core, or 1 when the function has enough.
func (w *workload) stretch(memoryMB float64) float64 {
	return max(1, w.cpu/max(w.functionVCPU(memoryMB), 0.01))
}

// functionVCPU is the CPU a function of the given memory gets: from the
// provider's table where it publishes one, else in proportion to memory.
func (w *workload) functionVCPU(memoryMB float64) float64 {
	if table := w.c.t.functionsMemoryVCPU; table != nil {
		for _, row := range table.Table {
			if row.MemoryMB >= memoryMB {
				return row.VCPU
			}
		}
		return table.Table[len(table.Table)-1].VCPU
	}
	return memoryMB / max(w.c.t.functionsMBPerVCPU.v(), 1)
}

// functionsLimit returns why functions cannot carry the work, or "".
func (w *workload) functionsLimit() (why string, limit *Fact, hit bool) {
	t, p := &w.c.t, w.c.Products.Functions
	if w.in.MemoryMB > t.functionsMaxMemoryMB.v() {
		return w.why(func() string {
			return fmt.Sprintf("%s of memory for %s is more than the largest size on %s, %s", formatMB(w.in.MemoryMB), w.in.Entry.OnePiece(), p, formatMB(t.functionsMaxMemoryMB.v()))
		}), t.functionsMaxMemoryMB, true
	}
	if limit = w.c.functionsMaxRun(w.in.Entry); !w.runFits(limit) {
		return w.why(func() string { return w.overLimit(limit, p) }), limit, true
	}
	return "", nil, false
}

// runFits reports whether the work's average run leaves the room a hard
// time limit needs: limit_run_share of it at most, since the slower runs
// come closer and one that reaches the limit is stopped.
func (w *workload) runFits(limit *Fact) bool {
	return w.durS <= w.k.longestRun(limit)
}

// longestRun is the longest average run, in seconds, that a hard time
// limit leaves room for.
func (k *commonTable) longestRun(limit *Fact) float64 {
	return limit.v() * k.limitRunShare.v()
}

// overLimit says why a run does not fit a time limit on product p.
func (w *workload) overLimit(limit *Fact, p string) string {
	if limit == w.c.t.functionsScheduleMaxSeconds && w.c.Products.Scheduler != "" {
		// The scheduler's wait, not the functions' own run time: HTTP
		// functions run for 60 minutes (review 258).
		p += " started by " + w.c.Products.Scheduler + ", which waits no longer for the call"
	}
	if w.durS > limit.v() {
		return fmt.Sprintf("%s of %s is longer than the limit of %s on %s", w.in.Entry.OnePiece(), formatSeconds(w.durS), formatLimit(limit.v()), p)
	}
	return fmt.Sprintf("%s of %s on average is more than %s%% of the limit of %s on %s, and the slower ones would be stopped", w.in.Entry.OnePiece(), formatSeconds(w.durS),
		trimFloat(w.k.limitRunShare.Value), formatLimit(limit.v()), p)
}

// functionsBill prices the functions option: requests, compute, the front
// door, the service that holds connections clients keep open, logs, warm
// capacity, data transfer and operations.
func (w *workload) functionsBill() Bill {
	p := w.c.Products
	if why, limit, hit := w.functionsLimit(); hit && !w.noLimits {
		return unavailable(Functions, p.Functions, why, limit)
	}
	b := Bill{Kind: Functions, Product: p.Functions, Available: true}
	if w.anyFits {
		return b // within the limits is all fits asks
	}
	n, each := w.invocations()
	secs := w.billedSeconds(each)
	b.PeakConcurrency = w.peakRPS() / each * secs
	requests := w.functionsRequests(n, each)
	var compute computeItems
	if w.c.FunctionsBilling == BillingInstance {
		compute = w.instanceFunctionsCompute(n, each)
	} else {
		compute = w.executionFunctionsCompute(n, secs, each)
	}
	// Each way of billing the compute is weighed with the NAT its
	// instances need in a private network, which follows their hours.
	natUSD := func(c *computeItems) float64 {
		it, _ := w.functionsNAT(c)
		return it.USD
	}
	// Where tail latency is critical, no request waits out a share of a
	// vCPU it outruns (outrunsShare), and where it is sensitive (WarmOne)
	// an instance is kept up: a function deployed as the cloud's serverless
	// containers is then configured as they are. Cloud Run functions at 1
	// GB (0.583 vCPU) had cost $117.74 where Cloud Run services, the same
	// platform on a size the requests do not outrun, cost $129.87.
	asServed := w.c.FunctionsOnContainers && (w.in.WarmOne || w.outrunsShare(w.functionVCPU(w.functionMB)))
	if served, ok := w.functionsAsServed(); ok && (asServed || served.total()+natUSD(&served) < compute.total()+natUSD(&compute)) {
		compute = served
	}
	// Billed by the instance, a function pays no request charge and has
	// its commitment in its compute: it is weighed against the rest of
	// what the functions billed by the request pay.
	commitment, committed := w.functionsCommitment(compute.items())
	byRequest := requests.USD + compute.total() + commitment.USD
	if fleet, ok := w.functionsAsFleet(); ok && fleet.total()+natUSD(&fleet) < byRequest+natUSD(&compute) {
		compute, committed = fleet, false
		b.KeptRunning = true
	} else {
		w.add(&b, requests)
	}
	for _, it := range compute.items() {
		w.add(&b, it)
	}
	if committed {
		w.add(&b, commitment)
	}
	if w.in.Entry == EntryHTTP && !w.in.statefulSessions() {
		// A stateful session's messages, the requests here, reach the
		// functions through the connection service, not the HTTP front
		// door: each had been billed by both.
		w.add(&b, w.functionsFrontDoor())
	}
	if it, ok := w.liveConnections(); ok {
		w.add(&b, it)
		b.HandsOffConnections = true
	}
	if it, ok := w.functionsNAT(&compute); ok {
		w.add(&b, it)
	}
	if it, ok := w.dbPooler(); ok {
		w.add(&b, it)
	}
	// Functions billed as the cloud's serverless containers run on their
	// instances, and take the same time for each instance serving on
	// average: Cloud Run functions had carried 2.4 hours where Cloud Run
	// services on the same instances carried 2.91, and the difference read
	// as what an image of the team's own build costs (review 93); counted
	// with the instances kept warm, 4.34 hours against the services' 4.20
	// on the same bill (review 250).
	perInstance, units := compute.opsUnits(w)
	w.finish(&b, w.opsBase(Functions), perInstance, units)
	return b
}

// dbPooler is the managed connection pooler functions reach a relational
// database through under heavy load, where the cloud has one: each
// instance opens connections of its own, which a burst multiplies past
// what the database takes. It bills the database's vCPUs, which no
// answer gives: the fewest it bills, so the item is the least it costs.
func (w *workload) dbPooler() (Item, bool) {
	t := &w.c.t
	if !w.pooled() {
		return Item{}, false
	}
	vcpus := t.dbPoolerMinVCPUs.v()
	return Item{ID: "db_pooler", Label: w.describe(func() string { return w.c.Products.DBPooler + " for the database's connections" }),
		USD: vcpus * w.hours * 3600 * t.dbPoolerVCPUHour.v(),
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s database vCPUs (the fewest it bills; it bills every vCPU of the database behind it, which a heavy load may need more of) × %s h × $%s per vCPU-hour", formatWhole(vcpus), trimFloat(w.hours), trimFloat(t.dbPoolerVCPUHour.Value))
		}),
		Facts: w.facts(t.dbPoolerVCPUHour, t.dbPoolerMinVCPUs)}, true
}

// pooled reports whether the functions reach the database through the
// cloud's managed connection pooler (dbPooler): under a heavy load, where
// as many run at once at the busiest hour, with the shape's headroom, as
// db_pooler_from_executions says a pooler pays for. Fewer open fewer
// connections than a small database takes, bursts included: an MVP's 0.1
// requests a second had paid $21.90 a month for RDS Proxy, 99% of its
// bill, and gone to Fargate on it (review 112).
func (w *workload) pooled() bool {
	return w.heavyDatabase() && w.c.t.dbPoolerVCPUHour != nil
}

// heavyDatabase reports whether the answers' heavy database load counts
// at this volume: where the functions run few at once it counts for
// nothing, in the bills as in the weights (decision.countsForNothing).
func (w *workload) heavyDatabase() bool {
	return w.in.DataHeavy && !w.fewExecutions()
}

// peakExecutions is how many requests or events the functions run at once
// at the busiest hour, with the traffic shape's headroom.
func (w *workload) peakExecutions() float64 { return w.peakRPS() * w.durS }

// databaseConnections is how many of the functions' instances hold a
// database connection at the busiest hour: those running at once, or,
// where the bill keeps instances of one request each warm for critical
// or sensitive latency (Lambda's provisioned concurrency), those it keeps
// then, each of which holds its connection while it waits. "At most 6 at once" had
// been said beside a bill keeping 11 warm (review 133).
func (w *workload) databaseConnections() float64 {
	n := w.peakExecutions()
	if w.c.FunctionsBilling != BillingExecution || w.c.FunctionsOnContainers {
		return n
	}
	switch {
	case w.in.Warm:
		_, _, most := w.warmHours(Functions, w.durS, 1)
		n = max(n, most)
	case w.in.WarmOne:
		// Sensitive latency's provisioned environments hold theirs too:
		// "about 1 connection" had been said beside 2 kept (review 259).
		n = max(n, w.provisionedCount(w.in.Requests, w.billedSeconds(1), 1))
	}
	return n
}

// fewExecutions reports whether the functions hold fewer connections at
// the busiest hour than db_pooler_from_executions (databaseConnections): they
// then stay far from what a database takes, and no pooler pays for itself.
func (w *workload) fewExecutions() bool {
	return w.databaseConnections() < w.k.dbPoolerFromExecutions.v()
}

// functionsRequests is the functions' request charge for n invocations,
// after the free grant, each taking eventsEach queued events.
func (w *workload) functionsRequests(n, eventsEach float64) Item {
	t, p := &w.c.t, w.c.Products
	keep := w.requestsProvisioned(n, w.billedSeconds(eventsEach), eventsEach)
	free := w.provisionedGrant(keep).requests
	return Item{ID: "requests", Label: w.describe(func() string { return p.Functions + " requests" }), USD: t.functionsRequests.cost(max(0, n-free)),
		Formula: w.describe(func() string {
			batches := ""
			switch {
			case eventsEach > 1:
				// Storage notifications reach Lambda one at a time: the
				// batches are a queue's (review 141).
				batches = fmt.Sprintf(" (events in batches of %s from a queue, such as storage notifications sent to one)", formatWhole(eventsEach))
			case w.in.Entry == EntryEvents && w.c.t.eventBatchSize.v() > 1:
				// The queue hands over batches, but these take one: a
				// 10-minute event had read "as the cloud's queue triggers
				// pass them" beside SQS's batches of ten (review 161).
				batches = " (one event to an invocation: " + w.oneEachWhy() + ")"
			case w.in.Entry == EntryEvents:
				// Where the cloud's triggers pass one message to an
				// execution, the assumption says which pass batches
				// (review 151: Event Hubs).
				batches = " (one event to an invocation, as the cloud's queue triggers pass them)"
			}
			return fmt.Sprintf("%s%s%s × %s", plural(n, "invocation"), batches, w.grantNote(n, free, w.functionsGrant().requests, keep > 0), perMillion(t.functionsRequests))
		}),
		Facts: append(w.facts(t.functionsRequests, t.functionsFreeRequests), w.eventBatchFacts()...)}
}

// oneEachWhy says why queued events the platform hands over in batches
// run one to an invocation (batchBounds).
func (w *workload) oneEachWhy() string {
	if _, fit, _ := w.batchBounds(); fit < 2 {
		return fmt.Sprintf("two would take more than %s%% of the longest run", trimFloat(w.k.eventBatchRunShare.v()*100))
	}
	return fmt.Sprintf("fewer than two arrive within the longest batching window, %s", formatSeconds(w.c.t.eventBatchWindow.v()))
}

// eventBatchFacts are the facts behind the batches of queued events: the
// batch size, and the batching window where it bounds them.
func (w *workload) eventBatchFacts() []*Fact {
	if w.in.Entry != EntryEvents {
		return nil
	}
	return w.facts(w.c.t.eventBatchSize, w.c.t.eventBatchWindow)
}

// functionsNAT is the NAT that compute c's instances need where the
// answers put every option in a private network, which follows their
// hours. The functions that join a relational database's network for it
// (Lambda attached to a VPC) are priced without one wherever the answers
// do not, with the pooler beside them or not: a NAT is for calls to
// outside services, which no answer asks about, and RDS Proxy needs none.
// The database_vpc caveat says what it would cost. The bill had carried
// the NAT beside RDS Proxy alone, so that a heavy database load moved an
// API's Lambda bill from $7.47 to $102.59, $73 of it NAT (review 96).
func (w *workload) functionsNAT(c *computeItems) (Item, bool) {
	return w.privateEgress(func() float64 {
		if c.instanceSeconds > 0 {
			return c.instanceSeconds
		}
		// Each request on an instance of its own at most (Cloud Run
		// functions' small instances take one at a time).
		return w.busySeconds(1)
	})
}

// functionsAsServed is the functions' compute billed as the cloud's
// serverless containers bill theirs, where its functions are deployed as
// those containers (FunctionsOnContainers): an instance of a vCPU or more
// takes several requests at once, at the same prices. Cloud Run functions,
// priced one request to an instance, had cost $112 a month where Cloud Run
// services cost $89 for the same 50 million requests. For critical
// latency the instances kept warm are the services' too: as many as the
// busiest hour's requests in flight need at that many to an instance,
// where one request to an instance had kept five warm for $160 against
// the services' one at $102. For sensitive latency (WarmOne) they keep
// the services' one up too, on the services' size: only the services
// keeping it, Cloud Run functions had cost $86.87 beside Cloud Run
// services at $193.27 for an 8 GB model, and the answer meant to keep
// the first response fast had sent the work to the platform that kept
// nothing warm (review 236).
func (w *workload) functionsAsServed() (computeItems, bool) {
	if !w.c.FunctionsOnContainers || !w.functionsServable() {
		return computeItems{}, false
	}
	m, ok := w.servedSize()
	if !ok {
		return computeItems{}, false
	}
	k, _ := w.requestsAtOnce(m)
	secs := w.busySeconds(k)
	p := w.c.Products
	out := computeItems{compute: Item{ID: "compute", Label: w.describe(func() string { return p.Functions + " compute (" + m.name + ")" }), USD: w.servingUSD(m, secs), GBSeconds: secs * m.gb,
		Formula: w.describe(func() string { return "billed as " + p.Containers + ": " + w.servedFormula(m, k, secs) }),
		Facts:   w.servedFacts(), servedAtOnce: k}, instanceSeconds: secs, servingSeconds: secs}
	if w.keepsWarm() {
		out.warm, _ = w.idleMinimum(m, k)
		out.hasWarm = true
		out.warm.Label = UpperFirst(p.Warm)
		hours := w.busyInstances(k, false)
		out.instanceSeconds = w.instanceSeconds(m, k, &hours, secs, true)
	}
	return out, true
}

// functionsAsFleet is the functions' compute billed as the cloud's
// serverless containers billed by the instance, where its functions are
// deployed as those containers (FunctionsOnContainers) and the platform
// offers instance-based billing (Cloud Run): a function may be switched
// to it as a service may, with that billing's commitment (the Compute
// flexible CUD) and free grant. At 100 million steady requests Cloud Run
// functions had cost $158 against the services' $145 billed so.
func (w *workload) functionsAsFleet() (computeItems, bool) {
	if !w.c.FunctionsOnContainers || !w.c.instanceBilling() || !w.functionsServable() {
		return computeItems{}, false
	}
	// The functions' bill pays the managed service that holds any live
	// connections: the instances serve the requests alone.
	fleetOf := w
	if q := w.handOff(); q != nil {
		fleetOf = q
	}
	f, ok := fleetOf.builtInFleet()
	if !ok {
		return computeItems{}, false
	}
	t, p, m := &w.c.t, w.c.Products, f.m
	vcpu, gb, d, fact := w.builtInPrices()
	_, avg := f.peakAverage()
	hours := avg * w.hours
	// The grant instance-based billing shares with the jobs, as the
	// services' bill takes it (builtInContainers).
	freeVCPU, freeGB := freeGrant(m, hours, w.jobsGrantLeft(Functions))
	usd := f.dailyCost(d, nil)*w.days - freeVCPU*vcpu.v() - freeGB*gb.v()
	return computeItems{compute: Item{ID: "compute", Label: w.describe(func() string { return p.Functions + " compute (" + m.name + ")" }),
		USD: usd, GBSeconds: hours * 3600 * m.gb,
		Formula: w.describe(func() string {
			s := "billed as " + p.Containers + " by the instance: " + w.fleetWorking(f, vcpu, gb, fact, true)
			if freeVCPU > 0 || freeGB > 0 {
				s += fmt.Sprintf(", less %s vCPU-seconds and %s GB-seconds free", formatWhole(freeVCPU), formatWhole(freeGB))
			}
			return s
		}),
		Facts: w.facts(vcpu, gb, fact, t.jobsFreeVCPUSeconds, t.jobsFreeGBSeconds)}, instanceSeconds: hours * 3600}, true
}

// leftNote is freeNote of what the background jobs leave of a free
// grant, left of whole, saying that they take the rest.
func leftNote(qty, left, whole float64) string {
	switch {
	case left >= whole:
		return freeNote(qty, left)
	case left <= 0:
		return fmt.Sprintf(" (the %s free go to the background jobs)", formatWhole(whole))
	}
	return freeNote(qty, left) + fmt.Sprintf(" (the background jobs take the rest of the %s)", formatWhole(whole))
}

// freeNote is what a formula says of a free allowance of free against a
// quantity qty: taken off it, or covering all of it, where "50 GB − 100
// free" would read as a quantity below nothing.
func freeNote(qty, free float64) string {
	switch {
	case free == 0:
		return ""
	case qty <= free:
		return fmt.Sprintf(" (all within the %s free)", formatWhole(free))
	}
	return fmt.Sprintf(" − %s free", formatWhole(free))
}

func perMillion(f *Fact) string { return fmt.Sprintf("$%s per million", trimFloat(f.Value)) }

// gbSecondPrices are the prices of memory-time on demand and on warm
// capacity, for the processor asked for.
func (w *workload) gbSecondPrices() (onDemand, warmExec, warm *Fact) {
	t := &w.c.t
	onDemand, warmExec, warm = t.functionsGBSecond, t.functionsWarmExecGBSecond, t.functionsWarmGBSecond
	if w.in.Arm && t.functionsGBSecondArm != nil {
		onDemand = t.functionsGBSecondArm
		if t.functionsWarmExecGBSecondArm != nil {
			warmExec = t.functionsWarmExecGBSecondArm
		}
		if t.functionsWarmGBSecondArm != nil {
			warm = t.functionsWarmGBSecondArm
		}
	}
	return onDemand, warmExec, warm
}

// vcpuFor is the CPU a function gets at a memory size, where the provider
// bills CPU separately (0 elsewhere).
func (w *workload) vcpuFor(memoryMB float64) float64 {
	if w.c.t.functionsVCPUSecond == nil {
		return 0
	}
	return w.functionVCPU(memoryMB)
}

// computeItems are a functions bill's compute item and, when latency is
// critical, its warm capacity: a value, not a slice, since a search along
// the volume prices hundreds of them.
type computeItems struct {
	compute, warm Item
	hasWarm       bool
	// instanceSeconds is how long the compute keeps instances up in the
	// month, where it is billed as the cloud's serverless containers
	// (functionsAsServed, functionsAsFleet); 0 where each request or
	// event runs on an instance of its own.
	instanceSeconds float64
	// servingSeconds is, where the compute is billed as the serverless
	// containers bill while serving (functionsAsServed), how long its
	// instances serve: the operations time follows it, as it follows the
	// serving replicas on the containers' own bill, not the instances
	// kept warm beside them.
	servingSeconds float64
}

// opsUnits is how many instances the team's operations time counts on
// average for the compute, and the hours each takes: none where each
// request runs on an instance of its own.
func (c *computeItems) opsUnits(w *workload) (*Fact, float64) {
	secs := c.servingSeconds
	if secs == 0 {
		secs = c.instanceSeconds
	}
	if secs == 0 {
		return nil, 0
	}
	return w.k.opsHoursPerTask, secs / (w.hours * 3600)
}

// total is what they come to.
func (c *computeItems) total() float64 {
	if c.hasWarm {
		return c.compute.USD + c.warm.USD
	}
	return c.compute.USD
}

// items lists them, the compute item first.
func (c *computeItems) items() []Item {
	if c.hasWarm {
		return []Item{c.compute, c.warm}
	}
	return []Item{c.compute}
}

// runTimeNote says why an invocation is billed longer than the answer's
// duration: a function with less CPU than the work computes with runs it
// slower, and the provider bills in steps.
func (w *workload) runTimeNote(secs, eventsEach float64) string {
	mb := w.functionMB
	s := w.stretch(mb)
	ran := w.durS * s
	var notes []string
	if w.batchSideBySide {
		notes = append(notes, fmt.Sprintf("a batch of %s handled side by side: %s holds them, and they take %s on its %s vCPU", plural(eventsEach, "event"), formatMB(mb),
			formatSeconds(w.durS*w.sideBySideStretch(eventsEach, mb)), trimFloat(RoundSignificant(w.functionVCPU(mb), 2))))
	} else if mb > w.in.MemoryMB && s > 1 {
		notes = append(notes, fmt.Sprintf("%s, where %s needs %s of memory, for the share of a vCPU that keeps it within %s%% of the limit of %s", formatMB(mb), w.in.Entry.OnePiece(),
			formatMB(w.in.MemoryMB), trimFloat(w.k.limitRunShare.Value), formatLimit(w.c.functionsMaxRun(w.in.Entry).v())))
	} else if mb > w.in.MemoryMB {
		notes = append(notes, fmt.Sprintf("%s for the %s vCPU %s computes with, where it needs %s of memory", formatMB(mb), trimFloat(RoundSignificant(w.cpu, 2)),
			w.in.Entry.OnePiece(), formatMB(w.in.MemoryMB)))
	}
	if s > 1 && !w.batchSideBySide {
		notes = append(notes, fmt.Sprintf("%s of %s computing with %s vCPU takes %s on the %s vCPU of %s", w.in.Entry.OnePiece(), formatSeconds(w.durS),
			trimFloat(RoundSignificant(w.cpu, 2)), formatSeconds(ran), trimFloat(RoundSignificant(w.functionVCPU(mb), 2)), formatMB(mb)))
	}
	if inc := w.c.t.functionsBillingIncrementMS.v(); secs > ran*eventsEach*(1+1e-9) && inc > 0 {
		notes = append(notes, "billed in steps of "+formatSeconds(inc/1000))
	}
	if len(notes) == 0 {
		return ""
	}
	return " (" + strings.Join(notes, ", ") + ")"
}

// executionFunctionsCompute bills each invocation for its own run time
// (Lambda, Cloud Run functions), and warm capacity when latency is
// critical.
func (w *workload) executionFunctionsCompute(n, secs, eventsEach float64) computeItems {
	t, p := &w.c.t, w.c.Products
	gb := w.functionMB / 1024
	vcpu := w.vcpuFor(w.functionMB)
	gbs, vcpus := n*secs*gb, n*secs*vcpu
	price, warmExec, _ := w.gbSecondPrices()
	grant := w.functionsGrantLeft()
	freeGBs, freeVCPUs := grant.gbs, grant.vcpus
	var out computeItems
	if w.in.Warm {
		out.warm = w.executionWarm(secs/eventsEach, gb, vcpu, n*secs)
		out.hasWarm = true
		if warmExec != nil {
			// Work served by provisioned capacity has its own, lower
			// duration price, and the free tier does not cover it: the
			// warm capacity holds every hour's load.
			out.compute = w.provisionedCompute(gbs, func() (string, string) {
				return fmt.Sprintf("%s × %s × %s = %s GB-seconds", plural(n, "invocation"), formatSeconds(secs), formatMemory(w.functionMB), formatWhole(gbs)),
					w.runTimeNote(secs, eventsEach)
			})
			return out
		}
	}
	if keep := w.provisionedCount(n, secs, eventsEach); keep > 0 {
		return w.keptCompute(n, secs, eventsEach, keep)
	}
	usd := price.cost(max(0, gbs-freeGBs)) + max(0, vcpus-freeVCPUs)*t.functionsVCPUSecond.v()
	formula := w.describe(func() string {
		// The invocations, each run's billed time and its memory, so that
		// a run slowed by the share of a vCPU its memory brings shows.
		// The tiers only where the month reaches them: beside the notes
		// on the run time, a price nobody pays would only get in the way.
		tiers := ""
		if len(price.Tiers) > 0 && gbs-freeGBs > price.Tiers[0].Above {
			tiers = tierNote(price, gbs-freeGBs)
		}
		f := fmt.Sprintf("%s × %s × %s = %s GB-seconds%s × $%s%s", plural(n, "invocation"), formatSeconds(secs), formatMemory(w.functionMB), formatWhole(gbs), leftNote(gbs, freeGBs, w.functionsGrant().gbs), trimFloat(price.Value), tiers)
		if vcpu > 0 {
			f += fmt.Sprintf(" + %s vCPU-seconds%s × $%s", formatWhole(vcpus), leftNote(vcpus, freeVCPUs, w.functionsGrant().vcpus), trimFloat(t.functionsVCPUSecond.Value))
		}
		return f + w.runTimeNote(secs, eventsEach)
	})
	out.compute = Item{ID: "compute", Label: w.describe(func() string { return p.Functions + " compute" }), USD: usd, Formula: formula, GBSeconds: gbs,
		Facts: w.facts(price, t.functionsVCPUSecond, t.functionsFreeGBSeconds, t.functionsFreeVCPUSeconds)}
	return out
}

// keepsProvisioned reports whether functions billed by the execution,
// one request to an environment (Lambda), keep provisioned concurrency
// for sensitive latency: the fleet's fewest, one in each zone, all month,
// as Flex Consumption keeps always-ready instances and Cloud Run
// functions the services' instances, so that a request after a quiet
// spell finds one warm. Kept nowhere, Lambda's bill had been the one of
// the three clouds' functions without warm capacity for a customer-facing
// API, a sixth of the others' for the same 2 million requests, and a 6 GB
// model's API had gone to it at a confidence of 0.97 (review 241).
func (w *workload) keepsProvisioned() bool {
	return w.in.WarmOne && w.pricesProvisioned()
}

// pricesProvisioned reports whether the functions are billed by the
// execution, one request to an environment, by memory alone, with
// provisioned concurrency priced (Lambda), and latency does not ask for
// the warm capacity of critical latency, which is billed otherwise
// (executionWarm).
func (w *workload) pricesProvisioned() bool {
	t := &w.c.t
	return !w.in.Warm && w.c.FunctionsBilling == BillingExecution && !w.c.FunctionsOnContainers &&
		t.functionsWarmGBSecond != nil && t.functionsWarmExecGBSecond != nil && t.functionsVCPUSecond == nil
}

// provisionedCount is how many environments such functions keep
// provisioned all month for n invocations of secs each, eventsEach pieces
// of work to one: for sensitive latency at least the fleet's fewest
// (keepsProvisioned), and as many more as cost less provisioned than on
// demand. A practitioner provisions a steady load's base for the lower
// price: relaxed latency, keeping none, had cost $5 more than sensitive
// for 100 million requests, and a steady billion requests $250 more than
// with the base provisioned (review 244). On-demand duration is cheaper
// in higher tiers, and provisioned work comes off the top of the month's
// volume, so each tier's price gives a count (savingCount) and the
// cheapest of them, or none, is kept: at 43 billion GB-seconds the first
// tier's count had cost $25,000 more than none.
func (w *workload) provisionedCount(n, secs, eventsEach float64) float64 {
	if !w.pricesProvisioned() {
		return 0
	}
	least := 0.0
	if w.keepsProvisioned() {
		least = w.minInstances()
	}
	onDemand, warmExec, warmPrice := w.gbSecondPrices()
	perPiece, gbs := secs/eventsEach, n*secs*w.functionMB/1024
	// The bill at the least count is worked out only where another count
	// is a candidate: most loads keep none busy enough.
	best, bestUSD := least, math.NaN()
	consider := func(rate float64) {
		if gap := rate - warmExec.v(); gap > 0 {
			k := max(least, w.savingCount(perPiece, warmPrice.v()/gap))
			if k == best {
				return
			}
			if math.IsNaN(bestUSD) {
				bestUSD = w.provisionedCost(gbs, perPiece, least).total()
			}
			usd := w.provisionedCost(gbs, perPiece, k).total()
			if least == 0 { // the free requests a function without them takes
				price := w.c.t.functionsRequests
				usd += price.cost(max(0, n-w.provisionedGrant(k).requests)) - price.cost(max(0, n-w.provisionedGrant(0).requests))
			}
			if usd < bestUSD {
				best, bestUSD = k, usd
			}
		}
	}
	consider(onDemand.v())
	for _, t := range onDemand.Tiers {
		if gbs > t.Above*onDemand.dataUnit() { // the month reaches the tier
			consider(t.Value * onDemand.factor / onDemand.per)
		}
	}
	return best
}

// savingCount is the most environments, each taking one piece of
// perPiece seconds at a time, that are busy at least the share least of
// the month: the k-th pays its provisioned price all month and saves the
// gap between the two duration prices for the time it is busy, the share
// of the month with k or more pieces in flight (Poisson at each hour's
// load), so it pays where that share is at least the provisioned price
// over the gap (60% on Lambda's first tier).
func (w *workload) savingCount(perPiece, least float64) float64 {
	if least > 1 {
		return 0
	}
	return w.k.savings.get(savingKey{w.rps, perPiece, least}, func() float64 { return w.searchSaving(perPiece, least) })
}

// savingKey identifies a savingCount: each hour's load, the seconds of a
// piece of work, and the least share of the month busy that pays.
type savingKey struct {
	rps             [24]float64
	perPiece, least float64
}

// searchSaving is savingCount worked out: the largest count busy at least
// least of the month, by bisection.
func (w *workload) searchSaving(perPiece, least float64) float64 {
	busy := func(k float64) float64 { return w.busyShare(perPiece, k) }
	// Bracketed by the hours' loads, as the bisection runs for every bill
	// sampled: past the busiest hour's median, which is below its mean
	// plus 1, no hour is busy half the time.
	lo, hi := 0.0, 1.0
	if least > 0.5 {
		quiet, busiest := math.Inf(1), 0.0
		for _, r := range w.rps {
			quiet, busiest = min(quiet, r*perPiece), max(busiest, r*perPiece)
		}
		hi = math.Floor(busiest) + 2
		if least < 0.99 { // every hour is busy that much up to three deviations below its load
			lo = max(0, math.Floor(quiet-3*math.Sqrt(quiet)-1))
		}
	}
	for busy(hi) >= least {
		lo, hi = hi, 2*hi
	}
	for hi-lo > 1 { // busy(lo) ≥ least > busy(hi)
		if mid := math.Floor((lo + hi) / 2); busy(mid) >= least {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// provisionedCost is what gbs GB-seconds of pieces of perPiece seconds
// cost with keep environments provisioned all month: their provisioned
// price, and the work they carry (onKept GB-seconds) at their duration
// price, the rest on demand after the free grant, which does not cover
// provisioned concurrency.
type provisionedCost struct{ warmUSD, computeUSD, onKept float64 }

func (w *workload) provisionedCost(gbs, perPiece, keep float64) provisionedCost {
	onKept := gbs * w.keptShare(perPiece, keep)
	return provisionedCost{warmUSD: w.keptBaseline(keep, w.functionMB/1024), computeUSD: w.keptExecutionFree(onKept, gbs-onKept, w.provisionedGrant(keep).gbs), onKept: onKept}
}

func (c provisionedCost) total() float64 { return c.warmUSD + c.computeUSD }

// keptCompute is the compute of n invocations of secs each, eventsEach
// pieces of work to one, on functions that keep keep environments
// provisioned all month (provisionedCount): those pay their provisioned
// price all the time and take the work first at their own duration price,
// as far as the pieces in flight, Poisson at each hour's load, keep them
// busy; the rest runs on demand (provisionedCost).
func (w *workload) keptCompute(n, secs, eventsEach, keep float64) computeItems {
	p := w.c.Products
	onDemand, warmExec, warmPrice := w.gbSecondPrices()
	perPiece, gbs := secs/eventsEach, n*secs*w.functionMB/1024
	cost := w.provisionedCost(gbs, perPiece, keep)
	onKept, beyond, free := cost.onKept, gbs-cost.onKept, w.provisionedGrant(keep).gbs
	warm := Item{ID: "warm", Label: w.describe(func() string { return UpperFirst(p.Warm) }), USD: cost.warmUSD,
		Formula: w.describe(func() string {
			why := fmt.Sprintf("the fewest a fleet keeps, %s, so that a request after a quiet spell finds one warm", w.c.spread())
			if !w.keepsProvisioned() || keep > w.minInstances() {
				why = fmt.Sprintf("as many as cost less provisioned than on demand, the last of them busy %s%% of the month", trimFloat(math.Round(100*w.busyShare(perPiece, keep))))
			}
			return fmt.Sprintf("%s × %s × %s h × 3,600 s × $%s per GB-second (%s)",
				formatWhole(keep), formatMemory(w.functionMB), trimFloat(w.hours), trimFloat(warmPrice.Value), why)
		}),
		Facts: w.facts(warmPrice)}
	compute := Item{ID: "compute", Label: w.describe(func() string { return p.Functions + " compute" }), USD: cost.computeUSD, GBSeconds: gbs,
		Formula: w.describe(func() string {
			tiers := ""
			if len(onDemand.Tiers) > 0 && beyond-free > onDemand.Tiers[0].Above {
				tiers = tierNote(onDemand, beyond-free)
			}
			return fmt.Sprintf("%s × %s × %s = %s GB-seconds: %s on the %s × $%s, %s on demand while more than %s are in flight%s × $%s%s%s",
				plural(n, "invocation"), formatSeconds(secs), formatMemory(w.functionMB), formatWhole(gbs), formatWhole(onKept), p.Warm, trimFloat(warmExec.Value),
				formatWhole(beyond), formatWhole(keep), w.grantNote(beyond, free, w.functionsGrant().gbs, true), trimFloat(onDemand.Value), tiers, w.runTimeNote(secs, eventsEach))
		}),
		Facts: w.facts(warmExec, onDemand, w.c.t.functionsFreeGBSeconds)}
	return computeItems{compute: compute, warm: warm, hasWarm: true}
}

// busyShare is the share of the month with k or more pieces of perPiece
// seconds in flight, Poisson at each hour's load: how much of it the k-th
// of the environments that take them one at a time is busy.
func (w *workload) busyShare(perPiece, k float64) float64 {
	share := 0.0
	for _, r := range w.rps {
		share += poissonTail(r*perPiece, k)
	}
	return share / float64(len(w.rps))
}

// keptShare is the share of the work, pieces of perPiece seconds each,
// that keep environments taking one at a time carry: at each hour, the
// pieces in flight are Poisson about the hour's load, and the kept
// environments are busy with as many of them as there are, up to keep.
func (w *workload) keptShare(perPiece, keep float64) float64 {
	if keep <= 0 {
		return 0
	}
	carried, all := 0.0, 0.0
	for _, r := range w.rps {
		mean := r * perPiece
		carried += poissonCapped(mean, keep)
		all += mean
	}
	if all <= 0 {
		return 1
	}
	return carried / all
}

// poissonTail is P(N ≥ k) for N Poisson with the mean given: summed
// below a mean of 30, past it the normal approximation with a continuity
// correction, within about a hundredth of the sum there.
func poissonTail(mean, k float64) float64 {
	switch {
	case k <= 0:
		return 1
	case mean <= 0:
		return 0
	case mean >= 30:
		return 0.5 * math.Erfc((k-0.5-mean)/math.Sqrt(2*mean))
	}
	p, below := math.Exp(-mean), 0.0
	for n := 0.0; n < k && p > 0; n++ {
		below += p
		p *= mean / (n + 1)
	}
	return max(0, 1-below)
}

// poissonCapped is the mean of min(N, k) for N Poisson with the mean
// given: how many of k slots are busy on average. Past a mean of 30, by
// the normal approximation: the mean less what lies above k.
func poissonCapped(mean, k float64) float64 {
	if mean >= 30 {
		sd := math.Sqrt(mean)
		z := (k - mean) / sd
		above := sd*math.Exp(-z*z/2)/math.Sqrt(2*math.Pi) + (mean-k)*0.5*math.Erfc(z/math.Sqrt2)
		return mean - above
	}
	p := math.Exp(-mean) // P(N = 0)
	below, sum := 0.0, 0.0
	for n := 0.0; n < k; n++ {
		sum += n * p
		below += p
		p *= mean / (n + 1)
	}
	return sum + k*(1-below)
}

// executionWarm is the warm capacity critical latency keeps for functions
// billed by the execution, each piece perPiece seconds on an instance of
// gb and vcpu: the busiest hour's instances all month, or each hour's
// where the platform schedules them. Provisioned capacity (Lambda's) is
// billed all the time it is kept, and the work it serves at its own
// duration price besides. Instances kept up at an idle price (Cloud Run
// functions') pay it for the seconds they are not serving, serving the
// seconds the compute bills: counted all month, 8 instances had paid
// the idle price for the 3 million seconds the compute billed too
// (review 264).
func (w *workload) executionWarm(perPiece, gb, vcpu, serving float64) Item {
	t, p := &w.c.t, w.c.Products
	_, warmExec, warmPrice := w.gbSecondPrices()
	at, least, most := w.warmHours(Functions, perPiece, 1)
	daily := 0.0
	for _, keep := range at {
		daily += keep
	}
	// What is kept and what for, in the working.
	kept := func() (string, string) {
		if least < most {
			return trimFloat(RoundSignificant(daily/24, 2)) + " on average", w.scheduledNote(least, most, 1)
		}
		return formatWhole(most), w.warmNote(most, 1)
	}
	up := daily * w.days * 3600
	if warmExec != nil {
		return Item{ID: "warm", Label: w.describe(func() string { return UpperFirst(p.Warm) }), USD: up * gb * warmPrice.v(),
			Formula: w.describe(func() string {
				n, note := kept()
				return fmt.Sprintf("%s × %s × %s h × 3,600 s × $%s per GB-second%s", n, formatMemory(w.functionMB), trimFloat(w.hours), trimFloat(warmPrice.Value), note)
			}),
			Facts: w.facts(warmPrice)}
	}
	idle := max(0, up-serving)
	return Item{ID: "warm", Label: w.describe(func() string { return UpperFirst(p.Warm) }), USD: idle * (gb*warmPrice.v() + vcpu*t.functionsWarmVCPUSecond.v()),
		Formula: w.describe(func() string {
			n, note := kept()
			return fmt.Sprintf("%s kept warm: of %s instance-seconds up, %s serving (billed as compute), %s idle at the idle price%s", n, formatWhole(up), formatWhole(min(serving, up)), formatWhole(idle), note)
		}),
		Facts: w.facts(warmPrice, t.functionsWarmVCPUSecond)}
}

// provisionedCompute bills gbs GB-seconds of functions at the duration
// price of work on provisioned or always-ready instances, which hold every
// hour's load (warmHours); words says what the GB-seconds are, and a note
// after the price.
func (w *workload) provisionedCompute(gbs float64, words func() (used, note string)) Item {
	p := w.c.Products
	_, warmExec, _ := w.gbSecondPrices()
	formula := w.describe(func() string {
		used, note := words()
		return fmt.Sprintf("%s, on the %s × $%s%s", used, p.Warm, trimFloat(warmExec.Value), note)
	})
	return Item{ID: "compute", Label: w.describe(func() string { return p.Functions + " compute" }), USD: warmExec.cost(gbs), Formula: formula, GBSeconds: gbs,
		Facts: w.facts(warmExec)}
}

// instanceFunctionsCompute bills instances while they run at least one
// request (Flex Consumption): requests that overlap share the billed time,
// and each busy period is billed for at least the provider's minimum. The
// instance size is the cheapest of those that hold a request.
func (w *workload) instanceFunctionsCompute(n, eventsEach float64) computeItems {
	t, p := &w.c.t, w.c.Products
	busy := w.functionsInstanceBusy(n, eventsEach)
	if keep, ok := w.alwaysReady(&busy); ok {
		return w.alwaysReadyCompute(busy, keep)
	}
	size, k, minS := busy.size, busy.k, busy.minS
	gbs := busy.seconds * size.MemoryMB / 1024
	price, _, _ := w.gbSecondPrices()
	free := w.functionsGrantLeft().gbs
	return computeItems{compute: Item{ID: "compute", Label: w.describe(func() string { return p.Functions + " compute" }), USD: price.cost(max(0, gbs-free)), GBSeconds: gbs,
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s instance GB-seconds (%s MB instances, up to %s at once each, %s, at least %s a busy period)%s × $%s", formatWhole(gbs), formatWhole(size.MemoryMB), plural(k, w.in.Entry.Piece()), boundWords[busy.boundBy], formatSeconds(minS), leftNote(gbs, free, w.functionsGrant().gbs), trimFloat(price.Value))
		}),
		Facts: w.facts(price, t.functionsFreeGBSeconds, t.functionsInstanceSizes, t.functionsMinBilledMS)}}
}

// alwaysReadyCompute is the compute of functions billed by the busy
// instance (Flex Consumption) with keep instances always ready
// (alwaysReady): for sensitive latency the fleet's fewest, one in each
// zone, which Flex Consumption itself keeps once zone redundancy is on,
// and for critical latency the busiest hour's. They cost their baseline
// all month and take the busy time first, at their own execution rate;
// what each hour keeps busy beyond them runs on demand.
// Container Apps had kept two replicas up for $72 beside Flex Consumption
// keeping none, and the answer meant to keep the first response fast had
// sent the work to the bill that kept nothing warm (review 238).
func (w *workload) alwaysReadyCompute(busy instanceBusy, keep float64) computeItems {
	p := w.c.Products
	onDemand, warmExec, warmPrice := w.gbSecondPrices()
	gb := busy.size.MemoryMB / 1024
	onReady, beyond := w.alwaysReadySplit(&busy, keep, gb)
	free := w.functionsGrantLeft().gbs
	ready := Item{ID: "warm", Label: w.describe(func() string { return UpperFirst(p.Warm) }), USD: w.keptBaseline(keep, gb),
		Formula: w.describe(func() string {
			note := ""
			switch {
			case w.in.Warm:
				note = w.warmNote(keep, busy.k)
			case keep > 1:
				note = fmt.Sprintf(" (%s, so that a zone lost sends no request to a cold start)", w.c.spread())
			}
			return fmt.Sprintf("%s of %s MB%s × %s h × 3,600 s × $%s per GB-second, the baseline they pay busy or not",
				plural(keep, "instance"), formatWhole(busy.size.MemoryMB), note, trimFloat(w.hours), trimFloat(warmPrice.Value))
		}),
		Facts: w.facts(warmPrice)}
	compute := Item{ID: "compute", Label: w.describe(func() string { return p.Functions + " compute" }), USD: w.keptExecution(onReady, beyond), GBSeconds: onReady + beyond,
		Formula: w.describe(func() string {
			s := fmt.Sprintf("%s instance GB-seconds (%s MB instances, up to %s at once each, %s, at least %s a busy period): %s on the %s × $%s",
				formatWhole(onReady+beyond), formatWhole(busy.size.MemoryMB), plural(busy.k, w.in.Entry.Piece()), boundWords[busy.boundBy], formatSeconds(busy.minS),
				formatWhole(onReady), plural(keep, "always-ready instance"), trimFloat(warmExec.Value))
			if beyond > 0 {
				s += fmt.Sprintf(", %s on demand beyond them%s × $%s", formatWhole(beyond), leftNote(beyond, free, w.functionsGrant().gbs), trimFloat(onDemand.Value))
			}
			return s
		}),
		Facts: w.facts(warmExec, onDemand, w.c.t.functionsFreeGBSeconds, w.c.t.functionsInstanceSizes, w.c.t.functionsMinBilledMS)}
	return computeItems{compute: compute, warm: ready, hasWarm: true}
}

// alwaysReadySplit is the GB-seconds of execution the busy instances of
// gb bill on keep always-ready instances, which take the requests first,
// and on demand beyond them. The platform spreads the requests over the
// always-ready instances, and bills each for at least its minimum period
// whenever one arrives: two instances each taking a request every few
// seconds had been billed as one busy half the month, $21 where they
// bill $42 (review 239).
func (w *workload) alwaysReadySplit(busy *instanceBusy, keep, gb float64) (onReady, beyond float64) {
	month := 3600 * w.days
	for h, load := range busy.load {
		each := max(-math.Expm1(-busy.arrivals[h]/keep*busy.minS), min(load, keep)/keep)
		onReady += keep * each * month * gb
		beyond += max(0, load-keep) * month * gb
	}
	return onReady, beyond
}

// keptBaseline is what keep instances of gb kept warm all month pay, busy
// or not: Flex Consumption's always-ready instances, Lambda's provisioned
// concurrency.
func (w *workload) keptBaseline(keep, gb float64) float64 {
	_, _, warmPrice := w.gbSecondPrices()
	return keep * gb * w.hours * 3600 * warmPrice.v()
}

// keptExecution is what GB-seconds of work cost, onKept of them on the
// instances kept warm at their own execution price and beyond of them on
// demand, the free grant off the latter only (keptBaseline).
func (w *workload) keptExecution(onKept, beyond float64) float64 {
	return w.keptExecutionFree(onKept, beyond, w.functionsGrantLeft().gbs)
}

// keptExecutionFree is keptExecution with free GB-seconds of the grant
// off the work on demand.
func (w *workload) keptExecutionFree(onKept, beyond, free float64) float64 {
	onDemand, warmExec, _ := w.gbSecondPrices()
	return warmExec.cost(onKept) + onDemand.cost(beyond-free)
}

// provisionedGrant is the free grant the requests' function takes, where
// keep environments are kept provisioned for it: a share of what the
// background jobs leave (functions_provisioned_free_share), none on
// Lambda, whose free tier does not apply to a function with provisioned
// concurrency enabled; the whole of it where none are kept, or the cloud
// says nothing of it.
func (w *workload) provisionedGrant(keep float64) functionsUse {
	grant, share := w.functionsGrantLeft(), w.c.t.functionsProvisionedFreeShare
	if keep > 0 && share != nil {
		grant = functionsUse{grant.gbs * share.v(), grant.vcpus * share.v(), grant.requests * share.v()}
	}
	return grant
}

// requestsProvisioned is how many environments the requests' function
// keeps provisioned, so far as its free grant reads it: one at least for
// critical latency where the cloud prices provisioned capacity's own
// duration (executionWarm), else as many as provisionedCount keeps.
func (w *workload) requestsProvisioned(n, secs, eventsEach float64) float64 {
	if _, warmExec, _ := w.gbSecondPrices(); w.in.Warm && warmExec != nil && w.c.FunctionsBilling == BillingExecution {
		return 1
	}
	return w.provisionedCount(n, secs, eventsEach)
}

// grantNote is leftNote for the free grant of the requests' function,
// which a function with provisioned concurrency may not take.
func (w *workload) grantNote(qty, left, whole float64, provisioned bool) string {
	if provisioned && w.c.t.functionsProvisionedFreeShare != nil && left < whole {
		return " (none free: the free tier does not cover a function with provisioned concurrency)"
	}
	return leftNote(qty, left, whole)
}

// keepsAlwaysReady reports whether the functions keep instances always
// ready (alwaysReady): for sensitive or critical latency, where the cloud
// prices them.
func (w *workload) keepsAlwaysReady() bool {
	return w.c.pricesAlwaysReady() && (w.in.Warm || w.in.WarmOne)
}

// alwaysReady is how many always-ready instances functions billed by the
// busy instance keep (alwaysReadyCompute), where the cloud prices them:
// for critical latency, as many as the busiest hour's requests in flight
// need (warmInstances), for sensitive latency one in each zone; ok is
// false where they keep none.
func (w *workload) alwaysReady(busy *instanceBusy) (keep float64, ok bool) {
	switch {
	case !w.keepsAlwaysReady():
		return 0, false
	case w.in.Warm:
		return w.warmInstances(*busy), true
	}
	return w.minInstances(), true
}

// warmInstances is how many instances functions that each take several
// executions keep warm for critical latency, where the cloud prices warm
// capacity of its own: the busiest hour's with the fleets' headroom, all
// day; none otherwise.
func (w *workload) warmInstances(busy instanceBusy) float64 {
	if !w.in.Warm || !w.c.pricesAlwaysReady() {
		return 0
	}
	return w.warmFor(busy.peak*busy.k*w.peakRPS()/max(w.busiestRPS(), 1e-12), busy.k)
}

// functionsInstanceTable is the instance sizes the functions bill tries:
// the provider's, and where limitless asks what work larger than the
// largest would cost were it allowed, a size twice, four times … as large
// at the same rate: Flex Consumption's 4 GB rules out 6 GB requests, but
// not decisively where 4 GB ones already cost three times the virtual
// machines.
func (w *workload) functionsInstanceTable() []TableRow {
	sizes := w.c.t.functionsInstanceSizes.Table
	if last := sizes[len(sizes)-1]; w.noLimits && last.MemoryMB < w.in.MemoryMB {
		big := last
		for big.MemoryMB < w.in.MemoryMB {
			big.MemoryMB *= 2
		}
		sizes = append(slices.Clone(sizes), big)
	}
	return sizes
}

// instanceBusy is the instance size whose busy time costs the least for
// the month, with what it runs at once (k) and what bounds that, its
// billed instance-seconds, the instances busy at the busiest hour and its
// shortest billed period.
type instanceBusy struct {
	size                   TableRow
	k, seconds, peak, minS float64
	boundBy                BoundBy
	// load is the instances each hour's load keeps busy on average, and
	// arrivals its invocations a second, for the always-ready instances
	// (alwaysReadySplit).
	load, arrivals [24]float64
}

// functionsInstanceBusy chooses the instance size for n invocations a
// month of eventsEach events each, on functions billed by the busy
// instance (Flex Consumption).
func (w *workload) functionsInstanceBusy(n, eventsEach float64) instanceBusy {
	rate := n / (w.hours * 3600) // invocations per second on average
	var out instanceBusy
	best := math.Inf(1)
	hourly := 0.0
	for _, x := range w.prof.Hourly {
		hourly += x
	}
	// Always-ready instances pay their baseline all month whatever their
	// size, and the busy time beyond them the on-demand rate: the size
	// whose bill with them costs the least is chosen, in dollars (a 512
	// MB request's 2 GB instances, busy a few per cent less, had cost
	// $111 where 512 MB ones cost $104). Without them, the size busy the
	// fewest GB-seconds.
	_, warmExec, _ := w.gbSecondPrices()
	rows := w.functionsInstanceTable()
	for i, row := range rows {
		rowK, bound, ok := w.functionsPerInstance(row)
		if !ok || (w.serving && w.stretch(row.MemoryMB) > 1 || !w.runsWithin(row.MemoryMB)) && i < len(rows)-1 {
			// An HTTP request's duration is what its client waits: it
			// runs on an instance with the CPU it computes with where
			// one has it, as functionMemory gives one, not stretched on
			// a smaller one that bills less (512 MB instances had billed
			// a critical API's 100 ms requests as 200 ms). Nor does any
			// piece run on an instance whose share of a vCPU stretches
			// it past the room the time limit leaves: 20-minute runs had
			// been priced at 80 minutes on a 512 MB instance of Flex
			// Consumption, whose limit is an hour (review 97).
			continue
		}
		// Busy periods, not executions, are rounded: the run time itself.
		secs := w.in.DurationMS * eventsEach * w.stretch(row.MemoryMB) / 1000
		// The time the requests take alone, shared, bounds the cost
		// from below (less a part in a billion for rounding): a size it
		// rules out is not worth the busy periods' sums.
		least := rate * hourly * secs / rowK * 3600 * w.days * row.MemoryMB
		if w.keepsAlwaysReady() {
			least = w.keptBaseline(w.minInstances(), row.MemoryMB/1024) + warmExec.cost(least/1024-w.functionsGrantLeft().gbs)
		}
		if least*(1-1e-9) >= best {
			continue
		}
		rowMin := max(secs, w.c.t.functionsMinBilledMS.v()/1000)
		total, peak := 0.0, 0.0
		last, busy := -1.0, 0.0
		sized := instanceBusy{size: row, k: rowK, boundBy: bound, minS: rowMin}
		for h, x := range w.prof.Hourly {
			switch {
			case w.in.Entry == EntrySchedule:
				// A timer starts the runs one after another, not at
				// random: each busy period is one run, shared only where
				// a run outlasts the interval, and then some run always
				// is in flight.
				busy = min(rate*x*rowMin, 1)
			case x != last: // hours of equal load (all of a steady day) share one exponential
				last, busy = x, -math.Expm1(-rate*x*rowMin)
			}
			share := max(busy, rate*x*secs/rowK)
			sized.load[h], sized.arrivals[h] = rate*x*secs/rowK, rate*x
			total += share * 3600 * w.days
			peak = max(peak, rate*x*secs/rowK)
		}
		sized.seconds, sized.peak = total, peak
		cost := total * row.MemoryMB
		if keep, ok := w.alwaysReady(&sized); ok {
			gb := row.MemoryMB / 1024
			cost = w.keptBaseline(keep, gb) + w.keptExecution(w.alwaysReadySplit(&sized, keep, gb))
		}
		if cost < best {
			best, out = cost, sized
		}
	}
	return out
}

// functionsPerInstance is how many requests one functions instance runs at
// once, and what bounds it: the documented concurrency, unless memory or
// the instance's share of a vCPU runs out first. Requests on one instance
// share its memory, as on a server. ok is false when one request does not
// fit.
func (w *workload) functionsPerInstance(size TableRow) (float64, BoundBy, bool) {
	if size.MemoryMB < w.in.MemoryMB {
		return 0, "", false
	}
	k := size.Concurrency
	if f := w.c.t.functionsInstanceConcurrency; f != nil {
		k = f.v()
	}
	// The platform caps the requests an instance takes, so its memory can
	// be used to the full.
	byMemory, _ := w.holds(size.MemoryMB/1024, 1)
	byCPU := w.functionVCPU(size.MemoryMB) / w.cpu
	k, bound := max(k, 1), BoundByConcurrency
	if byMemory < k {
		k, bound = byMemory, BoundByMemory
	}
	if byCPU < k {
		k, bound = byCPU, BoundByCPU
	}
	return max(1, math.Floor(k)), bound, true
}

// boundWords says what bounds the requests an instance runs at once, as
// a bill's formula says it.
var boundWords = map[BoundBy]string{
	BoundByConcurrency: "the platform's default concurrency",
	BoundByMemory:      "as many as its memory holds",
	BoundByCPU:         "as many as its vCPU share runs",
}

// functionsInstance is the smallest instance size that holds one request.
func (w *workload) functionsInstance() TableRow {
	rows := w.c.t.functionsInstanceSizes.Table
	i := slices.IndexFunc(rows, func(r TableRow) bool { return r.MemoryMB >= w.in.MemoryMB })
	if i < 0 {
		i = len(rows) - 1
	}
	return rows[i]
}

// functionsCommitment is the saving of a commitment on the compute items:
// the compute spent like the load, the warm capacity every hour alike.
func (w *workload) functionsCommitment(items []Item) (Item, bool) {
	d, fact := w.c.commitment(Functions, w.in)
	if d == 0 {
		return Item{}, false
	}
	spread, steady := 0.0, 0.0
	for _, it := range items {
		switch it.ID {
		case "compute":
			spread += it.USD
		case "warm":
			steady += it.USD
		}
	}
	return w.commitment(spread, steady, d, fact), true
}

// committed is a month's spend at the best commitment at discount d:
// spread over the day like the load, and steady alike every hour.
func (w *workload) committed(spread, steady, d float64) float64 {
	var hourly [24]float64
	for i, h := range w.prof.quietestFirst {
		hourly[i] = (spread*w.prof.Hourly[h] + steady) / w.days / 24
	}
	return commitCost(hourly, d) * w.days
}

// commitment turns a month's spend, spread over the day like the load and
// steady every hour (capacity kept warm), into the saving of the best
// commitment at discount d. The hours come quietest first, as commitCost
// reads them. The warm capacity had been spread like the load too, so a
// spiky day's quiet hours had left most of it uncommitted, and Cloud Run
// services had had their kept instances left out: $40 off where $81 came
// off the same items on Cloud Run functions (review 116).
func (w *workload) commitment(spread, steady, d float64, fact *Fact) Item {
	monthly := spread + steady
	saving := monthly - w.committed(spread, steady, d)
	return Item{ID: "commitment", Label: fact.Label, USD: -saving,
		Formula: w.describe(func() string {
			// The level the busiest hours all reach, not every hour's: "every
			// hour reaches" could not be worked back to the amount (review
			// 255).
			return fmt.Sprintf("%s%% off the part of the spend %s all reach", trimFloat(fact.Value), busiestHours(d))
		}), Facts: w.facts(fact)}
}

// gatewayMetered is how many requests the API gateway bills where it
// meters in steps of data: each request at least once, and the month's
// data it sends out (sentGB) in those steps. Counted on the month's
// total, not on an average response, it never falls as the volume grows.
func (w *workload) gatewayMetered() float64 {
	if step := w.c.t.gatewayMeteringBytes; step != nil {
		return max(w.in.Requests, math.Ceil(w.sentGB()*1e9/step.v()))
	}
	return w.in.Requests
}

// functionsFrontDoor is what HTTP requests reach the functions through:
// the provider's built-in endpoint, or the cheaper of an API gateway and a
// load balancer; where the gateway's timeout cuts the requests off, the
// functions' own endpoint (a Lambda function URL) where the cloud has
// one, since a load balancer in front of functions returns small
// responses only (1 MB from Lambda) and costs by the hour: a 30-second
// report API had paid $25 a month for one that could not return its 2 MB
// reports. (Where the gateway can take the requests, a load balancer
// costs less only for small responses: it bills by the GB it carries.)
func (w *workload) functionsFrontDoor() Item {
	t, p := &w.c.t, w.c.Products
	if w.c.FrontDoor == "built_in" {
		if lb, ok := w.customDomainBalancer(p.Functions, true); ok {
			lb.ID = "front_door"
			return lb
		}
		return w.builtInEndpoint(w.describe(func() string { return "HTTPS endpoint of " + p.Functions }))
	}
	gatewayCarries := t.gatewayRequests != nil && w.runFits(t.gatewayTimeoutSeconds)
	if !gatewayCarries && p.Endpoint != "" {
		return w.builtInEndpoint(p.Endpoint)
	}
	lb := w.loadBalancer(t.lcuGBPerHourLambda)
	lb.ID = "front_door"
	if n := w.c.ipv4PerLoadBalancer(); n > 0 && t.ipv4Hourly != nil {
		// Its public addresses, which a fleet's network counts too.
		lb.USD += n * w.hours * t.ipv4Hourly.v()
		lb.Formula += w.describe(func() string {
			return fmt.Sprintf(" + %s × %s h × $%s for its %s", trimFloat(n), trimFloat(w.hours), trimFloat(t.ipv4Hourly.Value), Noun(n, "IPv4 address", "IPv4 addresses"))
		})
		lb.Facts = append(lb.Facts, w.facts(t.ipv4Hourly)...)
	}
	// A request whose average comes near the gateway's timeout has its
	// slower ones cut off: past limit_run_share of it, only the load
	// balancer will do, as for any hard limit.
	if !gatewayCarries {
		return lb
	}
	metered := w.gatewayMetered()
	gw := Item{ID: "front_door", Label: p.Gateway, USD: t.gatewayRequests.cost(metered),
		Formula: w.describe(func() string {
			if metered > w.in.Requests {
				return fmt.Sprintf("%s, metered as %s for %s of data out in steps of %s, × %s%s", plural(w.in.Requests, "request"), formatWhole(metered),
					formatData(w.sentGB()), formatWhole(t.gatewayMeteringBytes.v()/1024)+" KB", perMillion(t.gatewayRequests), tierNote(t.gatewayRequests, metered))
			}
			return fmt.Sprintf("%s × %s%s", plural(w.in.Requests, "request"), perMillion(t.gatewayRequests), tierNote(t.gatewayRequests, metered))
		}),
		Facts: w.facts(t.gatewayRequests, t.gatewayMeteringBytes)}
	if lb.USD < gw.USD {
		return lb
	}
	return gw
}

// customDomainBalancer is the load balancer that gives requests a custom
// domain with a managed certificate where the answers ask for one
// (CostInputs.CustomDomain) and the platform serves only an address the
// cloud generates (Products.CustomDomain: Cloud Run, whose own mapping of
// domains is a preview), billed as a fleet's for its hours and the data it
// sends out: the responses, and the messages over the connections it
// holds where the platform holds them (not handsOff, where the managed
// connection service carries them). Compute Engine had carried $178 a
// month of balancer that Cloud Run left to a caveat, and 20 TB of data
// out had moved the verdict from Compute Engine to Cloud Run (review
// 116).
func (w *workload) customDomainBalancer(product string, handsOff bool) (Item, bool) {
	t := &w.c.t
	if !w.in.CustomDomain || w.c.Products.CustomDomain == "" || t.loadBalancerHourly == nil || t.loadBalancerGB == nil {
		return Item{}, false
	}
	gb := w.balancedGB()
	if handsOff {
		gb = w.sentGB()
	}
	return Item{ID: "load_balancer", Label: w.describe(func() string { return w.c.Products.LoadBalancer + " for the custom domain" }),
		USD: w.balancerByData(gb),
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s h × $%s + %s × $%s; a custom domain with a managed certificate reaches %s through it", trimFloat(w.hours), trimFloat(t.loadBalancerHourly.Value), formatDataBy(t.loadBalancerGB, gb), trimFloat(t.loadBalancerGB.Value), product)
		}),
		Facts: w.facts(t.loadBalancerHourly, t.loadBalancerGB)}, true
}

// builtInEndpoint is the functions' own HTTPS endpoint, named so, whose
// price is the functions'.
func (w *workload) builtInEndpoint(name string) Item {
	return Item{ID: "front_door", Label: name, Formula: "included in the price"}
}

// tierNote names the prices of f's tiers that a billed quantity reaches,
// for a formula: all of them, so that the arithmetic can be followed, or
// the first where none is reached, as the next price to expect.
func tierNote(f *Fact, billed float64) string {
	if len(f.Tiers) == 0 {
		return ""
	}
	notes := []string{}
	for i, tier := range f.Tiers {
		if i == 0 || tier.Above < billed {
			notes = append(notes, fmt.Sprintf("$%s above %s", trimFloat(tier.Value), formatWhole(tier.Above)))
		}
	}
	return " (" + strings.Join(notes, ", ") + ")"
}
