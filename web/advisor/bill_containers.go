package advisor

import (
	"fmt"
	"math"
	"slices"
)

// containerPrices is the allowed container sizes priced at one pair of
// rates, built once.
type containerPrices struct {
	vcpu, gb *Fact
	machines []machine
}

// containerMachines are the allowed container sizes priced per hour at
// the given rates.
func (c *Cloud) containerMachines(vcpuPrice, gbPrice *Fact) []machine {
	for _, p := range c.containerPrices {
		if p.vcpu == vcpuPrice && p.gb == gbPrice {
			return p.machines
		}
	}
	return c.priceContainers(vcpuPrice, gbPrice)
}

func (c *Cloud) priceContainers(vcpuPrice, gbPrice *Fact) []machine {
	out := make([]machine, len(c.ContainerSizes.Sizes))
	for i, s := range c.ContainerSizes.Sizes {
		out[i] = machine{name: s.name, vcpu: s.VCPU, gb: s.MemoryGB, hourly: (s.VCPU*vcpuPrice.v() + s.MemoryGB*gbPrice.v()) * 3600,
			fact: &c.ContainerSizes.Fact, sustained: s.VCPU}
	}
	return out
}

// containersLimit returns why containers cannot carry the work, or "".
func (w *workload) containersLimit() (why string, limit *Fact, hit bool) {
	t, p := &w.c.t, w.containersProduct()
	if w.in.MemoryMB/1024 > t.containersMaxMemoryGB.v() {
		return w.why(func() string {
			return fmt.Sprintf("%s of memory for %s is more than the largest container on %s, %s GB", formatMB(w.in.MemoryMB), w.in.Entry.OnePiece(), p, trimFloat(t.containersMaxMemoryGB.v()))
		}), t.containersMaxMemoryGB, true
	}
	if lim := t.containersMaxRequestSeconds; lim != nil && w.serving && !w.runFits(lim) {
		return w.why(func() string { return w.overLimit(lim, p) }), lim, true
	}
	return "", nil, false
}

// containersProduct is the serverless containers' product for the work:
// the cloud's jobs where a task or job may start for each run, its
// services otherwise.
func (w *workload) containersProduct() string {
	if w.startsEachRun() && w.c.Products.Jobs != "" {
		return w.c.Products.Jobs
	}
	return w.c.Products.Containers
}

// containersBill prices the serverless-containers option: tasks billed
// while they run (Fargate), or instances billed while they serve (Cloud
// Run, Container Apps), whichever the provider offers, the cheaper where
// it offers both; and for work that runs to completion, a task or job for
// each run unless those cost more.
func (w *workload) containersBill() Bill {
	t, p := &w.c.t, w.c.Products
	if why, limit, hit := w.containersLimit(); hit && !w.noLimits {
		return unavailable(Containers, w.containersProduct(), why, limit)
	}
	var best Bill
	var bestOn billOn
	var bestMachines []machine
	consider := func(b Bill, ok bool, on billOn, machines []machine) {
		if ok && (!best.Available || b.Total < best.Total) {
			best, bestOn, bestMachines = b, on, machines
		}
	}
	// done reports whether fits, which asks only whether the containers
	// can run the work, has its answer.
	done := func() bool { return w.anyFits && best.Available }
	// Work that runs to completion runs as a task or job per run where
	// that costs no more: a service or fleet must be cheaper to be chosen.
	if w.startsEachRun() {
		ms := w.jobMachines()
		if r, ok := w.cheapestRun(ms, false, w.in.Requests, w.durS, false); ok {
			b, ok := w.runContainers(r.m)
			consider(b, ok, (*workload).runContainers, ms)
		}
	}
	if done() {
		return best
	}
	if w.c.ContainersBilling == BillingRequest {
		// Billed only while serving, instances scale to zero; clients
		// that keep connections open for sessions keep them allocated
		// (a few live features' connections the managed service holds
		// instead, on this bill), and events that outlast the push's
		// wait cannot be pushed to them.
		if w.servable() {
			ms := w.c.containerMachines(t.containersVCPUSecond, t.containersGBSecond)
			if m, ok := w.servedSize(); ok {
				b, ok := w.requestContainersOn(m)
				consider(b, ok, (*workload).requestContainersOn, ms)
			}
		}
		if ms := w.builtInMachines(); len(ms) > 0 && !done() {
			if f, ok := w.builtInFleet(); ok {
				consider(w.builtInContainers(f), true, (*workload).builtInContainersOn, ms)
			}
			if q := w.handOff(); q != nil && !done() {
				if f, ok := q.builtInFleet(); ok {
					consider(w.handedOver(q, q.builtInContainers(f)), true, (*workload).handedOffContainersOn, ms)
				}
			}
		}
	} else {
		vcpu, gb := w.taskPrices()
		ms := w.c.containerMachines(vcpu, gb)
		d, _ := w.c.commitment(Containers, w.in)
		if f, ok := w.cheapestFleet(ms, fleetKind{lbAlways: true, lcuGB: t.lcuGBPerHourServer, opsPerUnit: w.k.opsHoursPerTask}, d); ok {
			consider(w.taskContainers(f), true, (*workload).taskContainersOn, ms)
		}
	}
	if !best.Available {
		return unavailable(Containers, p.Containers, w.why(func() string {
			return fmt.Sprintf("no container size of %s holds %s for one request", p.Containers, formatMB(w.in.MemoryMB))
		}), &w.c.ContainerSizes.Fact)
	}
	store, hasStore := w.sessionStore()
	if hasStore {
		w.add(&best, store)
	}
	lb, fronted := w.customDomainBalancer(best.Product, best.HandsOffConnections)
	if fronted {
		w.add(&best, lb)
	}
	if w.detail {
		best.Sizing.Alternatives = w.alternatives(bestMachines, best.Sizing.Machine, bestOn)
		for i := range best.Sizing.Alternatives {
			best.Sizing.Alternatives[i].MonthlyUSD += store.USD + lb.USD // the same whatever the size; 0 without
		}
	}
	return best
}

// sessionStore prices the store stateful sessions keep their state in
// where the serverless containers end every connection after a while
// (Cloud Run's 60 minutes): a session reconnects, perhaps to another
// instance, and finds its state there. It holds each session connected at
// the busiest hour at session_memory_mb, in whole GB and at least one,
// every GB at the rate of the capacity tier the store's size falls in.
// A server keeps its sessions in the process for as long as it runs. A
// Cloud Run verdict for sessions had stood on a gap to Compute Engine that
// left this store out.
func (w *workload) sessionStore() (Item, bool) {
	t := &w.c.t
	if !w.sessionsLeaveProcesses() {
		return Item{}, false
	}
	sessions := w.busiestSessions()
	gb := max(1, math.Ceil(sessions*w.k.sessionMemoryMB.v()/1024-1e-9))
	// Where the answers ask for redundancy, the store keeps a replica in
	// a second zone, as the fleet does, at the replicated tier's rates:
	// a store of one zone had held the sessions of a fleet kept in two
	// (review 178).
	f, tier := t.sessionStoreGBSecond, ""
	if r := t.sessionStoreReplicatedGBSecond; r != nil && w.in.redundant() {
		f, tier = r, ", its replicated tier (a replica in a second zone)"
	}
	perGBHour := f.Value // in the file's unit, USD per GB-hour
	for _, t := range f.Tiers {
		if gb > t.Above {
			perGBHour = t.Value
		}
	}
	return Item{ID: "session_store", Label: w.describe(func() string { return w.c.Products.SessionStore + " for the sessions' state" }),
		USD: gb * w.hours * perGBHour,
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s GB (%s sessions at the busiest hour × %s, at least 1 GB) × %s h × $%s per GB-hour%s",
				formatWhole(gb), formatWhole(math.Ceil(sessions)), formatMB(w.k.sessionMemoryMB.v()), trimFloat(w.hours), trimFloat(perGBHour), tier)
		}),
		Facts: w.facts(f, w.k.sessionMemoryMB)}, true
}

// sessionsLeaveProcesses reports whether stateful sessions must keep their
// state outside the serverless containers' processes: where those end
// every connection after a while, and the cloud has a store priced for it.
func (w *workload) sessionsLeaveProcesses() bool {
	t := &w.c.t
	return w.in.statefulSessions() && t.containersConnectionMaxSeconds != nil && t.sessionStoreGBSecond != nil
}

// taskPrices are the rates of tasks billed while they run, for the
// processor asked for.
func (w *workload) taskPrices() (vcpu, gb *Fact) {
	t := &w.c.t
	if w.in.Arm && t.containersVCPUSecondArm != nil && t.containersGBSecondArm != nil {
		return t.containersVCPUSecondArm, t.containersGBSecondArm
	}
	return t.containersVCPUSecond, t.containersGBSecond
}

// taskContainers is a fleet of tasks billed while they run, in the
// provider's network (Fargate); taskContainersOn sizes one of m first.
func (w *workload) taskContainers(f fleet) Bill {
	vcpu, gb := w.taskPrices()
	d, fact := w.c.commitment(Containers, w.in)
	return w.fleetContainers(f, vcpu, gb, d, fact, false)
}

func (w *workload) taskContainersOn(m machine) (Bill, bool) {
	f, ok := w.sizeFleet(m, fleetKind{})
	if !ok {
		return Bill{}, false
	}
	return w.taskContainers(f), true
}

// builtInContainers is a fleet of instances billed while they run, with
// the platform's own ingress (Cloud Run's instance-based billing, or
// Container Apps kept busy by stateful sessions): no network of its own
// to pay for; builtInContainersOn sizes one of m first.
func (w *workload) builtInContainers(f fleet) Bill {
	vcpu, gb, d, fact := w.builtInPrices()
	b := w.fleetContainers(f, vcpu, gb, d, fact, true)
	_, avg := f.peakAverage()
	t := &w.c.t
	if !w.c.instanceBilling() {
		// At its serving rates the platform bills requests and grants
		// its monthly free seconds, as it does for instances that
		// scale to zero.
		w.addContainerRequests(&b)
		freeVCPU, freeGB := w.containersFree()
		w.addFreeGrant(&b, f.m, avg*w.hours, [2]float64{freeVCPU, freeGB}, vcpu, gb, t.containersFreeVCPUSeconds, t.containersFreeGBSeconds)
	} else {
		// Instance-based billing has a free grant of its own, the one
		// the jobs share (Cloud Run).
		w.addFreeGrant(&b, f.m, avg*w.hours, w.jobsGrantLeft(Containers), vcpu, gb, t.jobsFreeVCPUSeconds, t.jobsFreeGBSeconds)
	}
	return b
}

// addFreeGrant credits a monthly grant of free vCPU-seconds and
// GB-seconds, at the prices the instances pay, to instances that run for
// taskHours.
func (w *workload) addFreeGrant(b *Bill, m machine, taskHours float64, left [2]float64, vcpu, gb, freeVCPU, freeGB *Fact) {
	vcpus, gbs := freeGrant(m, taskHours, left)
	if vcpus == 0 && gbs == 0 {
		return
	}
	w.add(b, Item{ID: "free_grant", Label: "Monthly free grant", USD: -(vcpus*vcpu.v() + gbs*gb.v()),
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s vCPU-seconds × $%s + %s GB-seconds × $%s free", formatWhole(vcpus), trimFloat(vcpu.Value), formatWhole(gbs), trimFloat(gb.Value))
		}),
		Facts: w.facts(freeVCPU, freeGB)})
}

// freeGrant is the vCPU-seconds and GB-seconds of what is left of a
// monthly grant that instances of size m running for taskHours use.
func freeGrant(m machine, taskHours float64, left [2]float64) (vcpus, gbs float64) {
	return min(taskHours*3600*m.vcpu, left[0]), min(taskHours*3600*m.gb, left[1])
}

// builtInMachines are the sizes of a fleet kept allocated on a platform
// that bills while serving: those of its instance-based billing (Cloud
// Run), or, for connections held open where it has none (Container Apps),
// its sizes at the rates of serving, which connected clients never leave.
func (w *workload) builtInMachines() []machine {
	if len(w.c.instanceSizes) > 0 {
		return w.c.instanceSizes
	}
	if !w.in.heldConnections() {
		return nil
	}
	vcpu, gb, _, _ := w.builtInPrices()
	return w.c.containerMachines(vcpu, gb)
}

// builtInFleet is the cheapest fleet of builtInMachines at the volume,
// once: the containers' bill weighs it, and so do functions deployed as
// those containers (functionsAsFleet). None for queued work the platform
// cannot push to them (pushable): instances that pull it themselves are
// neither scaled with the backlog nor kept while a piece finishes when the
// platform scales in. Twelve-minute Pub/Sub events had gone to Cloud Run
// services at $134, said to scale with the backlog, where each runs as a
// Cloud Run job (review 94).
func (w *workload) builtInFleet() (fleet, bool) {
	if !w.builtIn.known {
		w.builtIn.known = true
		if ms := w.builtInMachines(); len(ms) > 0 && w.c.pushable(w.k, w.in) {
			_, _, d, _ := w.builtInPrices()
			w.builtIn.f, w.builtIn.ok = w.cheapestFleet(ms, fleetKind{builtIn: true, opsPerUnit: w.k.opsHoursPerTask}, d)
		}
	}
	return w.builtIn.f, w.builtIn.ok
}

// handOff is the workload as the platform's own instances billed by the
// instance see it where the cloud's managed connection service holds the
// clients' live connections, as it does on the bill billed by the request
// (servable): the requests alone, the connections and what they keep in
// memory left to the service. Nil where the platform has no instance
// billing, or no connections are handed off. Cloud Run with live
// features had been priced by the instance only holding the connections
// itself, and at 300 million requests billed by the request beside
// Firebase came to about $190 more than billed by the instance beside it
// (review 185).
func (w *workload) handOff() *workload {
	if !w.c.instanceBilling() || !w.in.heldConnections() || !w.servable() {
		return nil
	}
	if w.sampling == nil {
		q := *w
		q.handOver()
		return &q
	}
	// Along the volume, one copy a volume, which the containers' bill
	// and the functions deployed on them share: a copy each had been a
	// fifth of the engine's allocations.
	s := w.sampling.handedOff()
	if !s.work.known || s.work.requests != w.in.Requests {
		s.work.w = *w
		s.work.w.handOver()
		s.work.w.sampling = s
		s.work.known, s.work.requests = true, w.in.Requests
	}
	return &s.work.w
}

// handOver leaves the connections and what they keep in memory to the
// managed service, and forgets what was worked out with them.
func (q *workload) handOver() {
	q.in.Realtime, q.connectionGBs = "", 0
	q.builtIn.known, q.paidAlike.known = false, false
}

// handedOver is b, a bill priced on handOff's workload q, with the
// managed connection service that holds the connections beside it, and
// the data out it leaves the instances to send.
func (w *workload) handedOver(q *workload, b Bill) Bill {
	live, _ := w.liveConnections()
	formula := live.Formula
	live.Formula = w.describe(func() string { return formula + w.heldInstead() })
	egress := w.egress(live.sentInsteadGB)
	b.Total += live.USD + egress.USD - q.paidAlike.egress.USD
	b.sentInsteadGB = live.sentInsteadGB
	b.HandsOffConnections = true
	if !w.totalsOnly {
		if i := slices.IndexFunc(b.Items, func(it Item) bool { return it.ID == "egress" }); i >= 0 {
			b.Items[i] = egress
		}
		b.Items = slices.Insert(b.Items, 1, live) // after the instances, as on the bill billed by the request
	}
	return b
}

func (w *workload) handedOffContainersOn(m machine) (Bill, bool) {
	q := w.handOff()
	b, ok := q.builtInContainersOn(m)
	if !ok {
		return Bill{}, false
	}
	return w.handedOver(q, b), true
}

// heldInstead says, in the working of the managed connection service on
// the containers' bill, what the platform's own instances would cost
// holding the connections instead, as the bill weighed them: Cloud Run's
// bill paying Firebase had read as if its instances could not hold them,
// where each takes at most a thousand at once (review 180).
func (w *workload) heldInstead() string {
	f, ok := w.builtInFleet()
	if !ok {
		return ""
	}
	q := *w
	q.totalsOnly = true
	held := q.builtInContainers(f)
	most := ""
	if lim := w.c.t.containersMaxConcurrency; lim != nil {
		most = fmt.Sprintf(", each holding at most %s", plural(lim.v(), "connection"))
	}
	return fmt.Sprintf("; holding the connections on its own instances instead would take %s at the busiest hour%s, and cost about %s a month",
		plural(float64(f.sizing().Instances), "instance"), most, FormatRoughUSD(held.Total))
}

// builtInPrices are the rates and commitment of builtInMachines: the
// instance-based ones where the platform has them, else its serving rates.
func (w *workload) builtInPrices() (vcpu, gb *Fact, d float64, fact *Fact) {
	t := &w.c.t
	if w.c.instanceBilling() {
		d, fact = discount(w.in, t.containersCommitInstance1y, t.containersCommitInstance3y)
		return t.containersVCPUSecondInstance, t.containersGBSecondInstance, d, fact
	}
	d, fact = w.c.commitment(Containers, w.in)
	return t.containersVCPUSecond, t.containersGBSecond, d, fact
}

func (w *workload) builtInContainersOn(m machine) (Bill, bool) {
	f, ok := w.sizeFleet(m, fleetKind{builtIn: true})
	if !ok {
		return Bill{}, false
	}
	return w.builtInContainers(f), true
}

// outrunsShare reports whether, where tail latency is critical, one
// request's computing outruns the share of a vCPU below a whole one that a
// container gets in one scheduling period (cpu_period_ms), so that it
// waits out the period: a request computing 30 ms on a quarter vCPU, 25
// ms a period, would. A whole vCPU or more is never stalled by a request,
// which computes on one core. Containers had been held to whole vCPUs at
// critical latency whatever their requests computed: Fargate and
// Container Apps beside Lambda's 0.3 vCPU for the same light API.
func (w *workload) outrunsShare(vcpu float64) bool {
	return w.in.Warm && vcpu < 1 && w.cpu*w.durS > vcpu*w.k.cpuPeriodMS.v()/1000
}

// opsBase is the operations time of an option's platform before its
// machines or tasks. Functions and serverless containers that answer no
// clients (jobs, workers fed by a queue or a timer) have no scaling
// policy, load balancer or rollout to watch, and take ops_hours_jobs
// whichever runs them, and servers ops_hours_servers_jobs, their machines'
// share beside it (one queue worker's VM had carried 14 hours against
// Container Apps' 2): a nightly job whose providers charge about $1 had
// moved from Container Apps jobs to Flex Consumption on 8 hours of the
// team's against 4. Serverless containers billed while they serve (Cloud
// Run, Container Apps) bring their own ingress, request-driven scaling and
// revisions, with no load balancer, task definitions or scaling policies
// of the team's: they are operated as functions are (a Cloud Run function
// is a Cloud Run service). Cloud Run services had read $527 against the
// same functions' $305, and Container Apps 8 hours against Cloud Run's 4.
func (w *workload) opsBase(kind OptionKind) *Fact {
	switch {
	case kind == Servers && !w.serving:
		return w.k.opsHoursServersJobs
	case kind == Servers:
		return w.k.opsHoursServers
	case !w.serving:
		return w.k.opsHoursJobs
	case kind == Functions || w.c.ContainersBilling == BillingRequest:
		return w.k.opsHoursFunctions
	}
	return w.k.opsHoursContainers
}

// fleetContainers prices tasks billed while they run, sized like servers.
func (w *workload) fleetContainers(f fleet, vcpu, gb *Fact, d float64, fact *Fact, builtIn bool) Bill {
	t, p, m := &w.c.t, w.c.Products, f.m
	if w.totalsOnly && f.daily > 0 {
		return w.fleetTotal(Containers, p.Containers, f, w.opsBase(Containers))
	}
	sz := f.sizing()
	b := Bill{Kind: Containers, Product: p.Containers, Available: true, Sizing: w.keep(sz)}
	b.PeakConcurrency = w.peakRPS() * w.durS
	taskHours := sz.Average * w.hours
	it := Item{ID: "compute", Label: w.describe(func() string { return p.Containers + " (" + m.name + ")" }), USD: f.dailyCost(d, nil) * w.days,
		Formula: w.describe(func() string { return w.fleetWorking(f, vcpu, gb, fact, builtIn) }),
		Facts:   w.facts(vcpu, gb, &w.c.ContainerSizes.Fact, w.concurrencyFact(f))}
	if fact != nil {
		it.Facts = append(it.Facts, w.facts(fact)...)
	}
	w.add(&b, it)
	if !builtIn {
		w.addNetwork(&b, t.lcuGBPerHourServer, taskHours, sz.Instances, sz.VCPU, true, "task-hours")
	} else if it, ok := w.privateEgress(func() float64 { return taskHours * 3600 }); ok {
		w.add(&b, it)
	}
	if it, ok := w.fanOutChannel(float64(sz.Instances)); ok {
		w.add(&b, it)
	}
	w.finish(&b, w.opsBase(Containers), w.k.opsHoursPerTask, sz.Average)
	return b
}

// fleetWorking is the working of a fleet of containers' hours at the
// rates vcpu and gb, with the commitment fact where there is one:
// Fargate's tasks, or the instances of a platform that runs them
// (builtIn: Cloud Run, Container Apps).
func (w *workload) fleetWorking(f fleet, vcpu, gb, fact *Fact, builtIn bool) string {
	unit, running := "task-hours", "tasks"
	if builtIn {
		unit, running = "instance-hours", "instances"
	}
	peak, avg := f.peakAverage()
	kept := ""
	switch {
	case f.warm > w.minInstances() && !builtIn:
		kept = w.burstsNote(running)
	case f.warm > w.minInstances():
		kept = fmt.Sprintf(", at least %s kept warm at every hour %s", formatWhole(f.warm), w.warmSizedFor("the busiest hour's", w.slots(f.m)))
	}
	s := fmt.Sprintf("%s %s (%s at the busiest hour%s%s%s) × (%s vCPU × $%s + %s GB × $%s per hour)",
		formatWhole(avg*w.hours), unit, FormatInt(int64(peak)), kept, w.coverageNote(&f, "a task"), w.concurrencyNote(f), trimFloat(f.m.vcpu), trimPrice(vcpu.v()*3600), trimFloat(f.m.gb), trimPrice(gb.v()*3600))
	if fact != nil {
		s += fmt.Sprintf(", with %s%% off the %s %s all run", trimFloat(fact.Value), running, busiestHours(fact.v()))
	}
	return s
}

// containersFree is the serving rates' monthly free grant, in
// vCPU-seconds and GB-seconds, where the answers take the free tiers:
// what the background jobs leave of it where they share it
// (JobsShareServingGrant).
func (w *workload) containersFree() (vcpus, gbs float64) {
	if !w.in.FreeTier {
		return 0, 0
	}
	if free := &w.servingFree; !free.known {
		// Worked out once: the sizes' searches ask at every size.
		free.grant = [2]float64{w.c.t.containersFreeVCPUSeconds.v(), w.c.t.containersFreeGBSeconds.v()}
		if w.c.JobsShareServingGrant {
			took := w.jobsTaken(Containers)
			free.grant = grantLeft(free.grant, took)
		}
		free.known = true
	}
	return w.servingFree.grant[0], w.servingFree.grant[1]
}

// servingUSD is what instances of size m cost for secs seconds of serving
// at the rates of a platform that bills while serving, after the free
// grant.
func (w *workload) servingUSD(m machine, secs float64) float64 {
	t := &w.c.t
	freeVCPU, freeGB := w.containersFree()
	return max(0, secs*m.vcpu-freeVCPU)*t.containersVCPUSecond.v() + max(0, secs*m.gb-freeGB)*t.containersGBSecond.v()
}

// servingBeyond is what extra seconds of instances of size m cost at the
// active rates beyond busy seconds serving, with what serving leaves of
// the free grant: a replica lingering after its last request, or one
// kept up in seconds that have a request.
func (w *workload) servingBeyond(m machine, busy, extra float64) float64 {
	return w.servingUSD(m, busy+extra) - w.servingUSD(m, busy)
}

// freeInstanceSeconds is the seconds of instances of size m the free
// grant covers, in whichever of vCPU- and GB-seconds runs out first.
func (w *workload) freeInstanceSeconds(m *machine) float64 {
	freeVCPU, freeGB := w.containersFree()
	return min(freeVCPU/m.vcpu, freeGB/m.gb)
}

// servable reports whether containers billed only while serving can take
// the work: connections clients hold open in the application's own
// processes keep them allocated (connectionsInProcess: a few live
// features' connections the managed service holds instead, but not an
// existing application's, which holds them until it is rewritten for the
// service), and events that outlast the push's wait cannot be pushed. An
// existing application's sockets had moved to Firebase at no cost on an
// $87 Cloud Run bill, beside a functions bill charged for the rewrite
// (review 95).
func (w *workload) servable() bool {
	return !w.in.connectionsInProcess() && w.c.pushable(w.k, w.in)
}

// functionsServable is servable for functions deployed as the cloud's
// serverless containers: an existing application rewritten for functions
// hands its live features' connections to the managed service, as the
// functions' bill does (liveConnections), so only stateful sessions keep
// its instances allocated. Held to servable, an existing application's
// Cloud Run functions with a few live features had been billed by the
// invocation, at 0.583 vCPU a gigabyte and with no instance kept up for
// sensitive latency, beside a latency reason that counted one kept up on
// both platforms (review 260).
func (w *workload) functionsServable() bool {
	return !w.in.statefulSessions() && w.c.pushable(w.k, w.in)
}

// servedSize is cheapestRequestSize of the cloud's containers billed
// while serving, once a volume.
func (w *workload) servedSize() (machine, bool) {
	if !w.served.known {
		t := &w.c.t
		w.served.m, w.served.ok = w.cheapestRequestSize(w.c.containerMachines(t.containersVCPUSecond, t.containersGBSecond))
		w.served.known = true
	}
	return w.served.m, w.served.ok
}

// cheapestRequestSize is the container size whose instances, billed only
// while they serve, cost the least for the month.
func (w *workload) cheapestRequestSize(machines []machine) (machine, bool) {
	best, bestUSD, found := machine{}, math.Inf(1), false
	// Instances are busy at least while any request is in flight, and at
	// least the requests' time shared k ways: a size whose bound already
	// costs as much as the best is not summed hour by hour.
	shares, anyBusy, inFlight := w.busyShares(), 0.0, 0.0
	for h, r := range w.rps {
		anyBusy += shares[h]
		inFlight += r * w.durS
	}
	idle := w.lingeringSeconds()
	// The free grant takes at most its own worth off the bound.
	t := &w.c.t
	freeVCPU, freeGB := w.containersFree()
	grant := freeVCPU*t.containersVCPUSecond.v() + freeGB*t.containersGBSecond.v()
	try := func(m *machine, k float64) {
		// Each instance carries replicaLoad requests on average, k (one
		// or more) or, for a replica held below one at a time, fewer.
		if max(anyBusy, inFlight/w.replicaLoad(m, k))*w.days*m.hourly*(1-1e-9)-grant >= bestUSD {
			return
		}
		// The time up with no request, as the bill prices it: the
		// lingering after the last at the active rates, as serving is,
		// or the instances kept warm at the idle rates, where the
		// answers ask for them or one costs less (keepsOne).
		hours := w.replicaHours(m, k)
		busy := w.monthSeconds(&hours)
		usd := w.servingUSD(*m, busy+idle)
		if w.keepsWarm() || w.mayKeepOne(m, busy, idle) {
			kept := w.servingUSD(*m, busy) + w.warmUSD(m, busy, w.warmIdle(*m, k, &hours, busy))
			if w.keepsWarm() || kept < usd {
				usd = kept
			}
		}
		if w.timeCounted(Containers) {
			// Operations time grows with the replicas running on average.
			usd += w.ops(Containers, w.opsBase(Containers), w.k.opsHoursPerTask, busy/(w.hours*3600)).USD
		}
		if usd < bestUSD {
			best, bestUSD, found = *m, usd, true
		}
	}
	// Sampling, only the sizes no other outdoes are tried.
	if cat := w.sampling.catalogue(machines, false, true); cat != nil {
		cat.table(w, machines)
		for _, i := range cat.contenders {
			try(&machines[i], cat.rates[i].perSecond)
		}
		return best, found
	}
	for i := range machines {
		if k, ok := w.requestsAtOnce(machines[i]); ok {
			if w.anyFits {
				return machines[i], true // whether one holds the work is all fits asks
			}
			try(&machines[i], k)
		}
	}
	return best, found
}

// requestContainersOn prices instances of size m billed only while they
// serve, which scale to zero and share their time between requests in
// flight. Requests are charged for HTTP, and for events the platform
// delivers as requests; a worker that reads its queue makes none.
func (w *workload) requestContainersOn(m machine) (Bill, bool) {
	p := w.c.Products
	k, ok := w.requestsAtOnce(m)
	if !ok {
		return Bill{}, false
	}
	hours := w.replicaHours(&m, k)
	secs := w.monthSeconds(&hours)
	idle := w.lingeringSeconds()
	keep := w.keepsWarm() || w.keepsOne(&m, k, &hours, secs, idle)
	b := Bill{Kind: Containers, Product: p.Containers, Available: true}
	b.PeakConcurrency = w.peakRPS() * w.durS
	load := w.replicaLoad(&m, k)
	sz := Sizing{Machine: m.name, VCPU: m.vcpu, MemoryGB: m.gb, Billing: BillingRequest, BoundBy: BoundByConcurrency, PerSecond: load / w.durS,
		Instances: max(1, int(math.Ceil(b.PeakConcurrency/load-1e-9))), Average: secs / (w.hours * 3600)}
	b.Sizing = w.keep(sz)
	computeUSD := w.servingUSD(m, secs)
	w.add(&b, Item{ID: "compute", Label: w.describe(func() string { return p.Containers + " (" + m.name + ")" }), USD: computeUSD,
		Formula: w.describe(func() string { return w.servedFormula(m, k, secs) }),
		Facts:   w.servedFacts()})
	w.addContainerRequests(&b)
	if it, ok := w.liveConnections(); ok {
		formula := it.Formula
		it.Formula = w.describe(func() string { return formula + w.heldInstead() })
		w.add(&b, it)
		b.HandsOffConnections = true
	}
	if it, ok := w.privateEgress(func() float64 { return w.instanceSeconds(m, k, &hours, secs, keep) }); ok {
		w.add(&b, it)
	}
	steady := 0.0
	if keep {
		kept, warm := w.idleMinimum(m, k)
		w.add(&b, kept)
		steady = kept.USD
		if b.Sizing != nil {
			// The busiest hour runs at least the instances kept warm:
			// the sizing had said 1 beside a bill keeping 2 (reviews 202
			// and 209).
			b.Sizing.Instances = max(b.Sizing.Instances, int(math.Ceil(warm-1e-9)))
		}
	} else if idle > 0 {
		w.add(&b, w.lingering(m, secs, idle))
	}
	if d, fact := w.c.commitment(Containers, w.in); d > 0 {
		w.add(&b, w.commitment(computeUSD, steady, d, fact))
	}
	w.finish(&b, w.opsBase(Containers), w.k.opsHoursPerTask, sz.Average)
	return b, true
}

// servedFormula is the working of instances of size m serving up to k
// requests at once each for secs seconds, at the rates of a platform that
// bills while serving.
func (w *workload) servedFormula(m machine, k, secs float64) string {
	t := &w.c.t
	freeVCPU, freeGB := w.containersFree()
	vcpus, gbs := secs*m.vcpu, secs*m.gb
	steps := ""
	if each := w.containersBilledSeconds(k); each > w.durS*(1+1e-9) {
		steps = fmt.Sprintf("; %s billed as %s, in steps of %s", formatSeconds(w.durS), formatSeconds(each), formatSeconds(t.containersBillingIncrementMS.v()/1000))
	}
	what := "instance-seconds serving"
	switch {
	case t.containersCooldownSeconds != nil && w.replicaLoad(&m, k) < k:
		what = fmt.Sprintf("replica-seconds serving, whole replicas where the load keeps more than one busy, each busy %s%% of the time at most", trimFloat(w.k.targetUtilisation.Value))
	case t.containersCooldownSeconds != nil:
		what = "replica-seconds serving, whole replicas where the load keeps more than one busy"
	}
	return fmt.Sprintf("%s %s (%s%s): %s vCPU-seconds%s × $%s + %s GB-seconds%s × $%s",
		formatWhole(secs), what, w.atOnceNote(m, k, secs), steps, formatWhole(vcpus), freeNote(vcpus, freeVCPU), trimFloat(t.containersVCPUSecond.Value), formatWhole(gbs), freeNote(gbs, freeGB), trimFloat(t.containersGBSecond.Value))
}

// atOnceNote says how many requests an instance of m serves at once over
// its secs serving: the requests' seconds over the instances' on average,
// at most k, and its slots at most, or up to k where it takes one at a
// time or the two agree. The average had read k, the load an instance is
// sized for, where a quiet API's instances serve fewer (6 where its own
// figures gave 3.1).
func (w *workload) atOnceNote(m machine, k, secs float64) string {
	avg := k
	if secs > 0 {
		avg = min(k, w.in.Requests*w.durS/secs)
	}
	if slots := w.slots(m); slots > 1 && slots > avg+1e-9 {
		return fmt.Sprintf("%s at once each on average, up to %s", plural(RoundSignificant(avg, 2), w.in.Entry.Piece()), formatWhole(slots))
	}
	return "up to " + plural(k, w.in.Entry.Piece()) + " at once each"
}

// servedFacts are the facts servedFormula stands on.
func (w *workload) servedFacts() []*Fact {
	t := &w.c.t
	return w.facts(t.containersVCPUSecond, t.containersGBSecond, t.containersFreeVCPUSeconds, t.containersFreeGBSeconds, &w.c.ContainerSizes.Fact)
}

// addContainerRequests adds the platform's charge for the requests it
// hands to the containers, where it has one.
func (w *workload) addContainerRequests(b *Bill) {
	t, p := &w.c.t, w.c.Products
	if t.containersRequests == nil || !w.requestsDelivered() {
		return
	}
	freeReq := 0.0
	if w.in.FreeTier {
		freeReq = t.containersFreeRequests.v()
	}
	requests, facts := w.in.Requests, []*Fact{t.containersRequests, t.containersFreeRequests}
	sessions := w.serving && w.in.statefulSessions()
	if sessions {
		// A session's messages travel over the connection its client
		// opened with one HTTP request, the one the platform charges:
		// Container Apps had charged $799 for 2 billion messages.
		requests = math.Ceil(w.in.Requests * w.connectedSeconds() / w.k.sessionMinutes.v())
		facts = append(facts, w.k.sessionSeconds, w.k.sessionMinutes)
	}
	billed := max(0, requests-freeReq)
	w.add(b, Item{ID: "requests", Label: w.describe(func() string { return p.Containers + " requests" }), USD: t.containersRequests.cost(billed),
		Formula: w.describe(func() string {
			pieces := plural(requests, "request")
			switch {
			case sessions:
				pieces = fmt.Sprintf("%s opening the sessions' connections (%s × %s connected each ÷ %s a connection)", pieces,
					plural(w.in.Requests, "request"), formatSeconds(w.connectedSeconds()), formatSeconds(w.k.sessionMinutes.v()))
			case !w.serving: // events pushed to the service are billed as its requests
				pieces = plural(requests, w.in.Entry.Piece()) + " delivered as requests"
			}
			return fmt.Sprintf("%s%s × %s", pieces, freeNote(requests, freeReq), perMillion(t.containersRequests))
		}),
		Facts: w.facts(facts...)})
}

// requestsDelivered reports whether the platform hands the work to the
// container as requests: HTTP, or events pushed to it.
func (w *workload) requestsDelivered() bool {
	return w.serving || w.c.EventDelivery == "push"
}

// requestsAtOnce is how many requests one container of size m serves at
// once on average at the target utilisation: as many as its memory, CPU
// and concurrency per vCPU allow, and no more than the platform's default
// concurrency when it hands out the requests. The autoscaler keeps that
// average, not a whole number: a 1-vCPU replica whose requests compute
// half the time serves 1.2 at 60%, up to two at once (slots), where
// rounding down to one had billed Container Apps $370 for what the VMs
// serve for $173. A size with less CPU than one request computes with is
// not a candidate: each request would run slower than the answers say.
// Work from a queue or a timer fills an instance to the full, in whole
// pieces: the platform takes no more than the instance's limit at once,
// and what waits, waits in the queue, so two CPU-heavy events share a
// 2-vCPU replica, as they share a 2-vCPU machine, where the target
// utilisation had left them one each at 1.5 vCPU.
func (w *workload) requestsAtOnce(m machine) (float64, bool) {
	if !w.serving {
		n, ok := w.atOnce(m, 1)
		return wholePieces(n), ok // as the queue hands them out
	}
	n, ok := w.atOnce(m, w.k.targetUtilisation.v())
	return max(1, n), ok
}

// slots is how many requests one container of size m takes at once before
// the platform sends the next to another: the whole requests it holds at
// full use. Warm capacity is counted in them, since a request finds an
// instance warm while one has a slot free.
func (w *workload) slots(m machine) float64 {
	n, _ := w.atOnce(m, 1)
	return wholePieces(n)
}

// wholePieces is the whole pieces of work within n at once, at least one.
func wholePieces(n float64) float64 { return max(1, math.Floor(n+1e-9)) }

// atOnce is requestsAtOnce at utilisation u, not rounded.
func (w *workload) atOnce(m machine, u float64) (float64, bool) {
	n, ok := w.holds(m.gb, u)
	if !ok || m.vcpu < w.cpu || w.outrunsShare(m.vcpu) {
		return 0, false
	}
	// No more at once than a vCPU serves a second (max_rps_per_vcpu) over
	// a request's time, as a fleet's machines are held to: Container Apps
	// had run 761 ten-millisecond events a second on two half-vCPU
	// replicas where Cloud Run, Fargate and the machines took twice the
	// processors for the same stream (review 200).
	n = min(n, u*m.vcpu/w.cpu, u*w.k.concurrencyPerVCPU.v()*m.vcpu, u*w.k.maxRPSPerVCPU.v()*m.vcpu*w.durS)
	if lim := w.c.t.containersInstanceConcurrency; lim != nil && w.requestsDelivered() {
		n = min(n, lim.v())
	}
	if !w.c.sharedSize(m) {
		if w.heavyDatabase() {
			// A heavy database load is why the containers keep a pool
			// of connections that several requests share, which an
			// instance taking one at a time does not: Cloud Run had been
			// credited with its pools beside a bill of 0.333-vCPU
			// instances serving one request each (review 94). Not where
			// the load counts for nothing (few executions): the answer
			// said not to count had still taken Cloud Run's smaller
			// sizes away, $334 where they cost $284 (review 128).
			return 0, false
		}
		n = 1
	}
	return n, true
}

// busySeconds is how long instances serving up to k requests at once are
// billed in a month. An instance that serves one request at a time bills
// each request's time in the platform's steps, as the functions bill each
// invocation (Cloud Run: 150 ms is billed as 200 ms); where requests
// share an instance their times run together, and the steps are left out.
func (w *workload) busySeconds(k float64) float64 {
	hours := w.busyInstances(k, false)
	return w.monthSeconds(&hours)
}

// replicaHours is busyInstances for the serverless containers' own
// replicas. Where the platform keeps each replica up until the load has
// fallen for its cooldown (Container Apps), an hour whose requests keep
// more than one replica busy runs whole replicas, each billed for all
// its time, not the requests' time shared among them: a steady API sized
// at three replicas had been billed for 1.5 on average.
func (w *workload) replicaHours(m *machine, k float64) [24]float64 {
	return w.busyInstances(w.replicaLoad(m, k), w.c.t.containersCooldownSeconds != nil)
}

// replicaLoad is the requests a replica of m serving up to k at once
// carries on average: k, or, on a platform that keeps each replica up and
// scales their number with the requests in flight (Container Apps), where
// a replica runs fewer than one request at the target utilisation (its
// share of a vCPU or its memory), that fraction: replicas serving one
// request at a time are then held to the target utilisation as a fleet's
// machines are, where they had been counted busy 76% to 95% of the time
// (review 99). A platform that bills only while a request is in flight
// (Cloud Run) bills each request's time whatever the instance count.
func (w *workload) replicaLoad(m *machine, k float64) float64 {
	if w.c.t.containersCooldownSeconds == nil || !w.serving {
		return k
	}
	// Memory holds whole requests, kept at the target utilisation as a
	// fleet's machines keep theirs: a replica whose memory holds one
	// large request had carried 0.76 on average where its processor
	// would have taken more, two replicas for 1.52 in flight (review 120).
	u := w.k.targetUtilisation.v()
	whole, _ := w.holds(m.gb, 1)
	n, _ := w.atOnce(*m, u)
	if n = min(n, u*math.Floor(whole+1e-9)); n < 1 {
		return n
	}
	return k
}

// monthSeconds is the instance-seconds of a month whose days each run
// hours[h] instances in hour h.
func (w *workload) monthSeconds(hours *[24]float64) float64 {
	total := 0.0
	for _, b := range hours {
		total += b * 3600 * w.days
	}
	return total
}

// busyInstances is each hour's instances busy on average, serving k
// requests at once, rounded up to whole ones past the first where
// wholeReplicas says so.
func (w *workload) busyInstances(k float64, wholeReplicas bool) (hours [24]float64) {
	shares := w.busyShares()
	each := w.containersBilledSeconds(k)
	for h, r := range w.rps {
		b := busy(shares[h], r*each, k)
		if wholeReplicas && b > 1 {
			b = math.Ceil(b - 1e-9)
		}
		hours[h] = b
	}
	return hours
}

// containersBilledSeconds is what one request is billed for on an
// instance that serves up to k at once: its time, in the platform's
// billing steps where it has the instance to itself.
func (w *workload) containersBilledSeconds(k float64) float64 {
	inc := w.c.t.containersBillingIncrementMS
	if inc == nil || k > 1 {
		return w.durS
	}
	step := inc.v() / 1000
	return math.Ceil(w.durS/step-1e-9) * step
}

// busyShares is each hour's anyInFlight at the volume.
func (w *workload) busyShares() *[24]float64 {
	if !w.anyBusy.known {
		last, share := -1.0, 0.0
		for h, r := range w.rps {
			if r != last { // hours of equal load share one exponential
				last, share = r, anyInFlight(r*w.durS)
			}
			w.anyBusy.share[h] = share
		}
		w.anyBusy.known = true
	}
	return &w.anyBusy.share
}

// lingeringSeconds is how long, in a month, a replica stays up with
// nothing to do on a platform that keeps it for a cooldown after the last
// request (Container Apps), before the app scales to zero; 0 where the
// platform bills nothing between requests. A replica is up while a
// request is in flight or came within the cooldown: for requests that come at random, the chance that none came
// in the cooldown and the request's own time is exp(−rate × (cooldown +
// duration)), and the time in flight is billed as compute already. More
// replicas than one follow the load down within the cooldown too; the
// first is most of the idle time.
func (w *workload) lingeringSeconds() float64 {
	lim := w.c.t.containersCooldownSeconds
	if lim == nil || w.keepsWarm() {
		return 0
	}
	shares := w.busyShares()
	total := 0.0
	for h, r := range w.rps {
		up := -math.Expm1(-r * (lim.v() + w.durS))
		total += max(0, up-shares[h]) * 3600 * w.days
	}
	if total < 1 {
		// Less than a replica-second a month is the rounding left where
		// the load keeps replicas busy all day, not an item of the bill.
		return 0
	}
	return total
}

// idleRate is what a replica of size m costs a second at the idle rates.
func (w *workload) idleRate(m *machine) float64 {
	t := &w.c.t
	if t.containersIdleVCPUSecond == nil || t.containersIdleGBSecond == nil {
		return 0
	}
	return m.vcpu*t.containersIdleVCPUSecond.v() + m.gb*t.containersIdleGBSecond.v()
}

// lingering prices the idle seconds a replica of size m stays up with no
// request, beside busy seconds serving, before the app scales to zero.
// They are billed as serving is, at the active rates, with what serving
// leaves of the free grant: Container Apps bills the idle rates only to a
// revision held at a minimum of one replica or more, and an app that
// scales to zero has none (its billing page), where the idle rates had
// billed these seconds at an eighth of the vCPU price.
func (w *workload) lingering(m machine, busy, idle float64) Item {
	t := &w.c.t
	freeVCPU, freeGB := w.containersFree()
	leftVCPU, leftGB := max(0, freeVCPU-busy*m.vcpu), max(0, freeGB-busy*m.gb)
	vcpus, gbs := idle*m.vcpu, idle*m.gb
	return Item{ID: "idle", Label: "Replicas up with no request until scaled to zero", USD: w.servingBeyond(m, busy, idle),
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s replica-seconds up with no request, for up to %s after the last, at the active rates: %s vCPU-seconds%s × $%s + %s GB-seconds%s × $%s",
				formatWhole(idle), formatSeconds(t.containersCooldownSeconds.v()), formatWhole(vcpus), freeNote(vcpus, leftVCPU), trimFloat(t.containersVCPUSecond.Value), formatWhole(gbs), freeNote(gbs, leftGB), trimFloat(t.containersGBSecond.Value))
		}),
		Facts: w.facts(t.containersVCPUSecond, t.containersGBSecond, t.containersCooldownSeconds, t.containersFreeVCPUSeconds, t.containersFreeGBSeconds)}
}

// warmTime is how the instances kept warm spend the month beyond the
// seconds they serve, which are billed as compute already.
type warmTime struct {
	// keep is the instances kept warm at the busiest hour, least at the
	// quietest: the same unless the platform schedules them (warmHours).
	keep, least float64
	// active is the instance-seconds up with no request in flight that
	// are billed at the active rates nonetheless; idle those billed at the
	// idle rates, less what the free grant covers.
	active, idle float64
	up           float64 // instance-seconds up, serving or not
}

// warmIdle is how the instances of m kept warm (see idleMinimum), each
// taking k requests at once, spend the month; hours are the instances
// each hour's requests keep busy (replicaHours), busySecs their sum over
// the month. An hour whose load keeps fewer busy than are kept leaves
// the rest waiting, at the idle rates where the platform bills them from
// a request's end (Cloud Run). Where it bills them only in seconds with
// no request in flight or arriving (containers_idle_quiet_seconds,
// Container Apps), a replica taking a few requests a second seldom has
// such a second, and the seconds that have a request are billed at the
// active rates; an hour that needs more replicas than the minimum bills
// every replica at the active rates, which serving counts already.
//
// Serving time is covered by the free grant first, then active time;
// what they leave covers waiting, which Container Apps counts in the same
// vCPU- and GiB-seconds (Cloud Run takes its grant off the month's spend,
// worth more seconds at the idle rate, so this is the least it takes off).
func (w *workload) warmIdle(m machine, k float64, hours *[24]float64, busySecs float64) warmTime {
	one := 1.0
	if w.in.WarmOne {
		// One in each zone the fleet spreads over, or one where the
		// answers accept a single instance: an instance lost with its
		// zone takes its requests with it, and those routed elsewhere
		// wait for new ones to start. Cloud Run, which routes around a
		// lost zone by itself, had kept one 16 GB instance for a 12 GB
		// JVM whose start takes tens of seconds, beside Compute Engine
		// keeping two (review 102), and Container Apps one replica where
		// its VMs kept two.
		one = w.minInstances()
	}
	wt := warmTime{keep: one, least: one}
	var keepAt *[24]float64
	if w.in.Warm {
		keepAt, wt.least, wt.keep = w.keptWarm(w.slots(m))
	}
	active := w.quietActive(wt.least)
	aboveMinimum := w.c.t.containersIdleQuietSeconds != nil
	month := 3600 * w.days
	for h, b := range hours {
		keep := wt.least
		if keepAt != nil {
			keep = keepAt[h]
		}
		wt.up += max(b, keep) * month
		switch {
		case b >= keep:
		case keep > wt.least && aboveMinimum:
			// Scheduled above the minimum: every replica is billed at
			// the active rates.
			wt.active += (keep - b) * month
		default:
			a := max(b, active[h])
			wt.active += (a - b) * month
			wt.idle += (keep - a) * month
		}
	}
	wt.idle = max(0, wt.idle-max(0, w.freeInstanceSeconds(&m)-busySecs-wt.active))
	return wt
}

// keptWarm is warmHours for the containers, taking k requests at once
// (slots), kept for the last k asked: every size tried asks.
func (w *workload) keptWarm(k float64) (at *[24]float64, least, most float64) {
	c := &w.kept
	if c.k != k {
		c.k = k
		c.at, c.least, c.most = w.warmHours(Containers, w.durS, k)
	}
	return &c.at, c.least, c.most
}

// quietActive is, for keep replicas held at the minimum, each hour's
// replica-seconds with a request in flight or arriving within
// containers_idle_quiet_seconds, which such a replica is billed at the
// active rates for; none where the platform has no such rule. For
// requests that come at random, shared among the replicas, the chance
// that one came within that time and a request's own.
func (w *workload) quietActive(keep float64) *[24]float64 {
	if w.quiet.keep != keep {
		w.quiet.keep, w.quiet.active = keep, [24]float64{}
		if quiet := w.c.t.containersIdleQuietSeconds; quiet != nil {
			for h, r := range w.rps {
				w.quiet.active[h] = keep * -math.Expm1(-r/keep*(w.durS+quiet.v()))
			}
		}
	}
	return &w.quiet.active
}

// warmUSD is what the instances of m kept warm cost beyond serving, busy
// seconds a month.
func (w *workload) warmUSD(m *machine, busySecs float64, wt warmTime) float64 {
	return w.servingBeyond(*m, busySecs, wt.active) + wt.idle*w.idleRate(m)
}

// instanceSeconds is how long instances of size m, serving k requests at
// once in each hour's busy instances (hours), busy seconds in the month,
// are up: while they serve, and all month for those kept warm where keep
// says so.
func (w *workload) instanceSeconds(m machine, k float64, hours *[24]float64, busy float64, keep bool) float64 {
	if !keep {
		return busy
	}
	return w.warmIdle(m, k, hours, busy).up
}

// mayKeepOne reports whether keeping one instance of m up could cost less
// than letting the app scale to zero, with busy seconds a month serving
// and idle seconds up after the last request at the active rates (see
// keepsOne): not where every second it would wait, billed at the idle
// rates at least, beyond the free grant, costs as much as those idle
// seconds do.
func (w *workload) mayKeepOne(m *machine, busy, idle float64) bool {
	rate := w.idleRate(m)
	if w.keepsWarm() || idle <= 0 || rate <= 0 {
		return false
	}
	waiting := max(0, w.hours*3600-busy-w.freeInstanceSeconds(m))
	return waiting*rate < w.servingBeyond(*m, busy, idle)
}

// keepsOne reports whether the bill keeps one instance of m up where the
// answers ask for none warm, because that costs less: a platform that
// keeps a replica up at the active rates for a cooldown after each
// request (Container Apps) seldom scales to zero once requests come more
// often than that, and a minimum of one is billed at the idle rates in
// its quiet seconds instead. 400,000 requests a month had been billed
// $14 for a replica up at the active rates, where one kept costs $4.
func (w *workload) keepsOne(m *machine, k float64, hours *[24]float64, busy, idle float64) bool {
	if !w.mayKeepOne(m, busy, idle) {
		return false
	}
	return w.warmUSD(m, busy, w.warmIdle(*m, k, hours, busy)) < w.servingBeyond(*m, busy, idle)
}

// keepsWarm reports whether serverless containers billed while serving
// keep instances up with no request: for critical latency and for
// sensitive latency (see idleMinimum).
func (w *workload) keepsWarm() bool { return w.in.Warm || w.in.WarmOne }

// activeRatesNote says, in the formula of the instances kept warm, what a
// replica of m costs a second at the active rates, and what the free
// grant left after busy seconds of serving takes off active seconds of
// waiting billed at them: $2.90 of Container Apps' grant had left a warm
// item's formula $2.90 above its amount (review 156).
func (w *workload) activeRatesNote(m machine, busy, active float64) string {
	t := &w.c.t
	rate := m.vcpu*t.containersVCPUSecond.v() + m.gb*t.containersGBSecond.v()
	note := fmt.Sprintf(" ($%s a replica-second", trimPrice(rate))
	if off := active*rate - w.servingBeyond(m, busy, active); off >= 0.005 {
		note += fmt.Sprintf(", less %s of the free grant serving leaves", FormatUSD(off))
	}
	return note + ")"
}

// idleMinimum prices the minimum instances kept warm, for the time they
// wait without a request: for critical latency, as many as the busiest
// hour's requests in flight need; for sensitive latency, one, or one in
// each zone (warmIdle), which spares the first request after a quiet
// spell a cold start (a burst past it still meets some), and how many it
// keeps at the busiest hour.
func (w *workload) idleMinimum(m machine, k float64) (Item, float64) {
	t := &w.c.t
	hours := w.replicaHours(&m, k)
	busySecs := w.monthSeconds(&hours)
	wt := w.warmIdle(m, k, &hours, busySecs)
	var facts []*Fact
	if wt.active > 0 {
		facts = w.facts(t.containersIdleVCPUSecond, t.containersIdleGBSecond, t.containersVCPUSecond, t.containersGBSecond, t.containersIdleQuietSeconds)
	} else {
		facts = w.facts(t.containersIdleVCPUSecond, t.containersIdleGBSecond)
	}
	return Item{ID: "warm", Label: "Minimum instances", USD: w.warmUSD(&m, busySecs, wt),
		Formula: w.describe(func() string {
			note, kept := "", trimFloat(wt.keep)
			switch {
			case wt.least < wt.keep:
				note, kept = w.scheduledNote(wt.least, wt.keep, k), "up to "+kept
			case w.in.Warm:
				note = w.warmNote(wt.keep, k)
			case w.in.WarmOne && wt.keep > 1:
				note = fmt.Sprintf(" (%s, %s, so that a zone lost sends no request to a cold start)", formatWhole(wt.keep), w.c.spread())
			case !w.in.WarmOne:
				idle := w.lingeringSeconds()
				note = fmt.Sprintf(" (a minimum of one, which costs less than scaling to zero: each replica would stay up %s after its last %s at the active rates, %s a month)",
					formatSeconds(t.containersCooldownSeconds.v()), w.in.Entry.Piece(), formatCents(w.servingBeyond(m, busySecs, idle)))
			}
			active := ""
			switch {
			case wt.active > 0 && wt.least < wt.keep:
				active = fmt.Sprintf(", %s above the minimum or in seconds with %s in flight or arriving, at the active rates%s", formatWhole(wt.active), w.in.Entry.OnePiece(), w.activeRatesNote(m, busySecs, wt.active))
			case wt.active > 0:
				active = fmt.Sprintf(", %s in seconds with %s in flight or arriving, at the active rates%s", formatWhole(wt.active), w.in.Entry.OnePiece(), w.activeRatesNote(m, busySecs, wt.active))
			}
			granted := ""
			if g := wt.up - busySecs - wt.active - wt.idle; g >= 0.5 {
				granted = fmt.Sprintf(", %s within the free grant", formatWhole(g))
			}
			// Whole seconds, as a meter counts them: a share of a second
			// had read "0.00000000051 idle" (review 162).
			idleSecs, idle := math.Round(wt.idle), ""
			if rate := w.idleRate(&m); rate > 0 && idleSecs > 0 {
				idle = fmt.Sprintf(" ($%s a replica-second)", trimPrice(rate))
			}
			return fmt.Sprintf("%s kept warm: of %s instance-seconds up, %s serving (billed as compute)%s%s, %s idle at the idle rates%s%s",
				kept, formatWhole(wt.up), formatWhole(busySecs), active, granted, formatWhole(idleSecs), idle, note)
		}),
		Facts: facts}, wt.keep
}
