package advisor

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// fleet is a fleet of one machine size sized hour by hour for the load.
type fleet struct {
	m         machine
	perSecond float64 // requests one machine serves per second at the target utilisation
	boundBy   BoundBy
	// n is the machines each hour of the day needs, from the quietest
	// hour to the busiest: the commitment and sustained use sums read
	// them in that order, and nothing reads which hour is which.
	n [24]float64
	// free is the machines of each hour the free tier pays for
	// (freeMachines), taken off n where cost prices it.
	free float64
	// warm is the instances kept up at every hour for critical latency
	// (warmFloor): on a platform that starts new ones as requests wait for
	// them (its own instances billed by the instance: Cloud Run's
	// instance-based billing), where it keeps one count all day, or on a
	// fleet that keeps its bursts' capacity up (keepsBursts).
	warm float64
	// daily is what cost says, and overhead what workload.overhead says
	// over the month, once the search for the cheapest fleet has worked
	// them out (daily is 0 until then).
	daily, overhead float64
	// fast is true for a platform's own instances, started within
	// seconds of the load (fleetKind.builtIn): the fleet follows
	// fastRising, without the surge floor that machines and tasks, which
	// start in minutes, keep for bursts. Cloud Run billed by the instance
	// had kept twice a spiky day's average all day, as Compute Engine
	// does, and lost to its own request-based billing and its request
	// charge (review 119).
	fast bool
	// covered is true where the busiest hour's machines are as many as
	// critical latency's coverage needs (coverage), more than its load
	// at the target utilisation would.
	covered bool
	// slots is how many requests one machine or task works on at once
	// without slowing them (inFlightAtOnce), where critical latency's
	// coverage counts them; 0 elsewhere.
	slots float64
	// burst is the requests a second one burstable machine serves at its
	// full vCPUs, on credits (perSecond for others), and onCredits is
	// true where fleetHours sizes the hours on those credits
	// (creditFleet).
	burst     float64
	onCredits bool
}

// capacity is the capacity each hour of the day needs, quietest first,
// for a fleet that starts its instances fast or not (fleet.fast).
func (w *workload) capacity(fast bool) *[24]float64 {
	if fast {
		return &w.fastRising
	}
	return &w.rising
}

// sizeFleet sizes a fleet of m for the workload: each hour, enough
// machines for that hour's capacity (the load with its headroom, and at
// least the surge floor), never fewer than the availability minimum. One
// machine serves as many requests per second as the tightest of its CPU,
// memory, concurrency and request-rate bounds allows at the target
// utilisation; a burstable machine computes at its baseline. ok is false
// when one request does not fit in the machine.
func (w *workload) sizeFleet(m machine, kind fleetKind) (fleet, bool) {
	perSecond, boundBy, ok := w.rate(&m, kind.vm)
	f := fleet{fast: kind.builtIn}
	w.setMachine(&f, &m, perSecond, boundBy, kind)
	if ok {
		w.fleetHours(&f)
	}
	return f, ok
}

// setMachine makes f a fleet of m, serving perSecond requests a second
// each, bound by boundBy, before fleetHours sizes it.
func (w *workload) setMachine(f *fleet, m *machine, perSecond float64, boundBy BoundBy, kind fleetKind) {
	f.m, f.perSecond, f.boundBy, f.free, f.slots = *m, perSecond, boundBy, w.freeMachines(m, kind), w.coveredSlots(m, kind)
	f.warm = w.warmFloor(f, kind)
	f.burst = perSecond
	if m.sustained < m.vcpu && f.slots == 0 && f.warm <= w.minInstances() {
		full := *m
		full.sustained = full.vcpu
		f.burst, _, _ = w.rate(&full, kind.vm)
	}
}

// warmFloor is the instances of m a fleet of the platform's own instances
// keeps up at every hour for critical latency: as many as the warm
// capacity of the platform billed while serving, counted in the requests
// each takes at once before the platform sends the next to another
// (slots), one count all day where the platform cannot schedule it
// (warmSchedule). Its autoscaler starts new instances as requests wait for
// them, where a fleet of machines or tasks brings one into service only
// once it is up: Cloud Run billed by the instance had kept no more up for
// critical latency than for sensitive, 3.7 instances on average against
// the 6 its busiest hour keeps warm. Counted in requests at the target
// utilisation instead, the warm instances had doubled the fleet, 8 where
// 4 carry the load and 5 hold the busiest hour's bursts, and a steady API
// went to Compute Engine on a $343 Cloud Run bill billed by the request
// that an instance-billed fleet kept warm all month undercuts (review 90).
// None for other fleets, or where no latency is critical.
func (w *workload) warmFloor(f *fleet, kind fleetKind) float64 {
	perSecond := f.perSecond
	switch {
	case w.keepsWarmFloor(kind):
		return w.warmFor(w.peakRPS()*w.durS, w.slots(f.m))
	case w.keepsBursts(kind):
		// The busiest hour's machines, as fleetHours sizes it: with the
		// one that lets the others carry a burst while a lost machine is
		// replaced. A burst at a quiet hour finds that fleet too: 30
		// million spiky requests had kept 2 of Compute Engine's 3 up
		// at every hour, and 300 million all 9 (review 147).
		need := max(math.Ceil(w.capPeak/perSecond-1e-9), w.minInstances())
		if need > 1 {
			need = max(need, math.Ceil(w.capPeak/perSecond*w.failoverSpare()-1e-9)+1)
		}
		return max(need, w.coverage(w.capPeak, f.slots))
	}
	return 0
}

// coverage is how many machines or tasks, each working on slots requests
// at once, critical latency keeps for an hour whose load with its
// headroom is c requests a second: as many as the warm capacity of the
// serverless bills holds (warmFor), so that warm_coverage of the hour's
// requests find one free rather than queue. Sized to the load at the
// target utilisation alone, two Azure VMs that each hold one 3 GB
// request had stood beside Container Apps keeping four warm for the
// same API, and about one request in six at the busiest hour queued
// behind another (review 238). None where latency is not critical, or
// for the platforms' own instances, whose warm floor is their warm
// capacity (warmFloor).
func (w *workload) coverage(c, slots float64) float64 {
	if slots <= 0 {
		return 0
	}
	return w.warmFor(c*w.durS, slots)
}

// coveredSlots is fleet.slots for a fleet of m of the kind: the requests
// one works on at once where critical latency's coverage counts them (a
// fleet of machines or tasks serving requests), else 0.
func (w *workload) coveredSlots(m *machine, kind fleetKind) float64 {
	if !w.coversSlots(kind) {
		return 0
	}
	return w.inFlightAtOnce(m, kind.vm)
}

// coversSlots reports whether a fleet of the kind keeps critical
// latency's coverage: machines or tasks serving requests.
func (w *workload) coversSlots(kind fleetKind) bool {
	return w.in.Warm && w.serving && !kind.builtIn
}

// inFlightAtOnce is how many requests a machine or task of m works on at
// once without slowing them: as many as its memory holds, its processor
// computes side by side at each one's share, and its vCPUs serve at once
// (concurrency_per_vcpu), whichever is fewest. Connections held open are
// no requests in flight: they bound the requests a second it serves
// (rate), not these.
func (w *workload) inFlightAtOnce(m *machine, vm bool) float64 {
	gb := m.gb
	if vm {
		gb -= w.reservedGB()
	}
	held, _ := w.holds(gb, 1)
	return wholePieces(min(held, m.sustained/w.cpu, w.k.concurrencyPerVCPU.v()*m.sustained))
}

// coverageNote says, in a fleet's working, that critical latency's
// coverage sized its busiest hour (fleet.covered).
func (w *workload) coverageNote(f *fleet, running string) string {
	if !f.covered {
		return ""
	}
	return fmt.Sprintf(", at each hour enough for %s%% of its %s to find %s free, since latency is critical", trimFloat(w.k.warmCoverage.Value), w.in.Entry.Pieces(), running)
}

// failoverSpare is how much more of a fleet's machines an hour's load
// takes while one of them is replaced: the others carry it at the
// failover utilisation rather than the target.
func (w *workload) failoverSpare() float64 {
	return w.k.targetUtilisation.v() / w.k.failoverUtilisation.v()
}

// keepsBursts reports whether a fleet of the kind keeps the busiest hour's
// capacity up at every hour: a fleet of machines or tasks, which takes
// minutes to grow, where latency is critical and the load comes in bursts
// faster than that (a profile's surge), since critical latency takes no
// minutes of slow responses while it grows. Azure VMs that kept twice the
// day's average had been recommended at $1,331 for a spiky, critical API
// whose bursts' capacity costs about $3,700 to keep (review 99).
func (w *workload) keepsBursts(kind fleetKind) bool {
	return !kind.builtIn && w.in.Warm && w.serving && w.prof.Surge > 0
}

// burstsNote says, in a fleet's working, that its running machines or
// tasks keep the bursts' capacity up (keepsBursts).
func (w *workload) burstsNote(running string) string {
	return fmt.Sprintf(", all up at every hour, since a burst arrives faster than new %s start and latency is critical", running)
}

// keepsWarmFloor reports whether a fleet of the kind keeps a warm floor
// (warmFloor).
func (w *workload) keepsWarmFloor(kind fleetKind) bool {
	return kind.builtIn && w.in.Warm && !w.warmSchedule(Containers)
}

// rate is how many requests one machine m serves per second, and what
// bounds it; ok is false when one request does not fit.
func (w *workload) rate(m *machine, vm bool) (perSecond float64, boundBy BoundBy, ok bool) {
	k := w.k
	u := k.targetUtilisation.v()
	if !w.serving {
		u = k.queueUtilisation.v() // the queue holds a burst while workers start
	}
	gb := m.gb
	if vm {
		gb -= w.reservedGB()
	}
	atOnce, ok := w.holds(gb, 1)
	if !ok || m.vcpu < w.cpu || !vm && w.outrunsShare(m.vcpu) {
		// A size with less CPU than one request computes with would run
		// each request slower than the answers say.
		return 0, "", false
	}
	// Processor time is shared, but memory is not: a machine holds whole
	// requests, so two 8 GB runs never share the 15.5 GB a 16 GB machine
	// leaves them, where 1.84 at once had put two on each. Those it holds
	// are kept at the target utilisation, as its processor is: the number
	// in flight swings about its average, and the fleet's spare for a lost
	// machine is counted at that target. Three 4 GB machines, each holding
	// one 3 GB request, had carried 2.3 in flight on average, 114% on two.
	atOnce = math.Floor(atOnce + 1e-9)
	memoryRPS := u * atOnce / w.durS
	if held := w.heldGBs(vm); held > 0 {
		if memoryRPS = min(memoryRPS, w.heldMemoryRPS(u*(gb-w.in.MemoryMB/1024), held)); memoryRPS <= 0 {
			return 0, "", false // no room for a connection beside a request
		}
	}
	connectionsRPS := math.Inf(1)
	if lim := w.c.t.containersMaxConcurrency; lim != nil && !vm && w.in.heldConnections() {
		// Each open connection is a request in flight to the platform
		// (Cloud Run's WebSockets), up to its most an instance takes.
		connectionsRPS = lim.v() / w.connectedSeconds()
	}
	bounds := [...]struct {
		name BoundBy
		rps  float64
	}{
		{BoundByCPU, u * m.sustained / (w.durS * w.cpu)},
		{BoundByMemory, memoryRPS},
		{BoundByConcurrency, u * k.concurrencyPerVCPU.v() * m.sustained / w.durS},
		{BoundByRequests, u * k.maxRPSPerVCPU.v() * m.sustained},
		{BoundByConcurrency, connectionsRPS},
	}
	perSecond = math.Inf(1)
	for _, b := range bounds {
		if b.rps < perSecond {
			perSecond, boundBy = b.rps, b.name
		}
	}
	return perSecond, boundBy, true
}

// heldGBs is the memory clients' open connections keep in a process of
// the fleet, for each request a second (connectionGBs), but in serverless
// containers whose sessions keep their state in a store outside the
// process (sessionsLeaveProcesses), a connection's alone: the bill pays
// for that store, and Cloud Run's instances had been sized to hold the
// same 3,216 sessions' state as the 4 GB of Memorystore beside them
// (review 174).
func (w *workload) heldGBs(vm bool) float64 {
	if !vm && w.sessionsLeaveProcesses() {
		return w.connectedSeconds() * w.k.connectionMemoryMB.v() / 1024
	}
	return w.connectionGBs
}

// heldMemoryRPS is the most requests a second a process can take when
// clients' open connections keep held GB in it for each request a
// second, with spare GB beside one request's memory: at r requests a
// second it holds r × held of connections and, past the first request in
// flight, a working set for each further one (r × duration - 1 of them).
func (w *workload) heldMemoryRPS(spare, held float64) float64 {
	if r := spare / held; r*w.durS <= 1 {
		return r
	}
	return (spare + w.workingSetGB) / (w.workingSetGB*w.durS + held)
}

// fleetHours sizes the fleet for each hour of the day, and returns the
// day's machine-hours and the busiest hour's machines. A fleet kept for
// availability also survives losing a machine: the others carry the
// hour's load at the failover utilisation while a replacement starts.
func (w *workload) fleetHours(f *fleet) (machineHours, peak float64) {
	floor := max(w.minInstances(), f.warm)
	per := 1 / f.perSecond
	needs := w.hourNeeds(per, floor)
	need, last := 0.0, -1.0
	f.covered = false
	rising := w.capacity(f.fast)
	for i, c := range rising {
		// Quietest first, the hours of equal load come together (most
		// of a spiky day, all of an unpredictable one): they need as
		// many machines as the hour before.
		if c != last {
			need, last = needs.at(c), c
			if f.slots > 0 {
				covered := w.coverage(c, f.slots)
				f.covered = covered > need
				need = max(need, covered)
			}
		}
		f.n[i] = need
		machineHours += need
	}
	f.onCredits = false
	if hours, n := w.creditFleet(f, rising, floor); hours < machineHours {
		f.n, machineHours, f.onCredits = n, hours, true
	}
	if f.n[23] <= w.minInstances() || f.n[23] > max(math.Ceil(rising[23]*per-1e-9), f.warm) {
		f.boundBy = BoundByAvailability
	}
	return machineHours, f.n[23]
}

// hourNeed sizes an hour of a fleet whose machines each serve 1/per of
// its capacity, never fewer than floor: for a fleet kept for availability
// (floor above one), with enough that the others carry the hour at the
// failover utilisation while a lost one is replaced (spare, per times the
// failover's share). Products with the reciprocal, not a division each
// hour: the tolerance is far wider than the rounding this changes.
type hourNeed struct{ per, spare, floor float64 }

func (w *workload) hourNeeds(per, floor float64) hourNeed {
	h := hourNeed{per: per, floor: floor}
	if floor > 1 {
		h.spare = per * w.failoverSpare()
	}
	return h
}

// at is how many machines an hour whose capacity is c needs.
func (h hourNeed) at(c float64) float64 {
	return max(math.Ceil(c*h.per-1e-9), math.Ceil(c*h.spare-1e-9)+1, h.floor)
}

// creditFleet sizes a fleet of burstable machines for each hour of the
// day on the CPU credits they earn, never fewer than floor each hour: each
// machine computes at up to its full vCPUs (burst), so long as the day's
// work stays within what the fleet's machines earn at their baseline
// (perSecond) over the day. Each hour takes what it needs at the full
// vCPUs; where the day's machine-hours earn less than its work, the
// busiest hours keep more, a machine at a time, until they do. A machine
// that computes at its full vCPUs anyway has no credits to count (+Inf
// hours). A t3.small at $20 had been passed over for a c7a.medium at $43,
// sized for a cyclical day's busiest hour at the baseline alone (review
// 249).
func (w *workload) creditFleet(f *fleet, rising *[24]float64, floor float64) (hours float64, n [24]float64) {
	if f.burst <= f.perSecond {
		return math.Inf(1), n
	}
	needs, day := w.hourNeeds(1/f.burst, floor), 0.0
	for i, c := range rising {
		n[i] = needs.at(c)
		hours += n[i]
		day += c
	}
	// Quietest first: a round adds one to every hour, and what is left one
	// to each of the busiest, so the hours stay in order.
	if short := math.Ceil(day/f.perSecond-1e-9) - hours; short > 0 {
		rounds, rest := math.Floor(short/24), int(math.Mod(short, 24))
		for i := range n {
			n[i] += rounds
			if i >= 24-rest {
				n[i]++
			}
		}
		hours += short
	}
	return hours, n
}

// cost is the fleet's daily cost for its machines, with the best
// commitment at discount d where the machine gets one, and the sustained
// use discount sud where the machine gets that instead.
func (f *fleet) cost(d float64, sud *Fact) float64 {
	if f.m.noCommit {
		d = 0
	}
	n := f.n
	if f.free > 0 {
		for i := range n {
			n[i] = max(0, n[i]-f.free)
		}
	}
	if f.m.sud && sud != nil {
		return sustainedCost(n, f.m.hourly, d, sud)
	}
	var spend [24]float64
	for i, c := range n {
		spend[i] = c * f.m.hourly
	}
	return commitCost(spend, d)
}

// freeMachines is how many machines of m a fleet of the kind runs free
// every hour under the free tier, where the answers take it: a month of
// hours of one size of server (servers_free_hours of products.free_machine,
// Compute Engine's e2-micro), which is one machine all month. None for
// any other size or fleet.
func (w *workload) freeMachines(m *machine, kind fleetKind) float64 {
	if !kind.vm || !w.in.FreeTier || m.freeHours == 0 {
		return 0
	}
	return min(m.freeHours/w.hours, 1)
}

// dailyCost is the fleet's cost, as the search for the cheapest fleet
// worked it out or afresh.
func (f *fleet) dailyCost(d float64, sud *Fact) float64 {
	if f.daily > 0 {
		return f.daily
	}
	return f.cost(d, sud)
}

// sustainedCost is the daily cost of a fleet whose machines earn the
// provider's sustained-use discount, from the machines each hour needs in
// ascending order. The fleet is cut into levels: the i-th machine runs in
// the hours that need at least i, and each level pays the discount its
// share of the month earns (the provider combines machines that do not
// overlap in the same way). A commitment to c machines bills the lowest c
// levels all day at its own discount instead; the best c is kept, and it
// is always one hour's count, where no level is cut in two.
func sustainedCost(ascending [24]float64, hourly, d float64, sud *Fact) float64 {
	// above[i] is what the levels from the i-th hour's count up cost
	// with the sustained use discount alone.
	var above [25]float64
	for i := 23; i >= 0; i-- {
		above[i] = above[i+1]
		below := 0.0
		if i > 0 {
			below = ascending[i-1]
		}
		if v := ascending[i]; v > below {
			share := float64(24-i) / 24
			above[i] += (v - below) * hourly * 24 * sud.cost(share*100) / 100
		}
	}
	best := above[0]
	if d > 0 {
		for i, c := range ascending {
			best = min(best, 24*c*hourly*(1-d)+above[i+1])
		}
	}
	return best
}

func (f *fleet) sizing() Sizing {
	peak, avg := f.peakAverage()
	return Sizing{Machine: f.m.name, VCPU: f.m.vcpu, MemoryGB: f.m.gb, BoundBy: f.boundBy, PerSecond: f.perSecond, Billing: BillingInstance,
		Instances: peak, Average: avg}
}

// fleetKind says what a fleet pays besides its machines, for choosing
// among machine sizes: its network (none for a platform with its own
// ingress), and its operations hours per machine.
type fleetKind struct {
	vm, builtIn, lbAlways bool
	lcuGB, opsPerUnit     *Fact
}

// option is the option whose bill a fleet of the kind is: machines are
// the servers', tasks the serverless containers'.
func (k fleetKind) option() OptionKind {
	if k.vm {
		return Servers
	}
	return Containers
}

// overhead is what a fleet of peak machines at the busiest hour and
// machineHours a day adds to its bill besides its machines and the items
// every size pays alike: its network (fewer, larger machines may need no
// load balancer or NAT), perHour for each machine-hour (see
// leastOverhead), and a fleet's operations time beyond a lone machine's
// (fleetOpsExtra).
func (w *workload) overhead(peak int, vcpu, machineHours, perHour float64, kind fleetKind) float64 {
	usd := machineHours * perHour
	if kind.builtIn {
		// A platform's own instances pay NAT as the platform does.
		if it, ok := w.privateEgress(func() float64 { return machineHours / 24 * w.hours * 3600 }); ok {
			usd += it.USD
		}
	} else {
		lb := 0.0
		if w.in.clientsConnect() {
			lb, _ = w.loadBalancerUSD(kind.lcuGB)
		}
		month := machineHours / 24 * w.hours
		usd += w.network(lb, month, peak, vcpu, kind.lbAlways).total()
	}
	return usd + w.fanOutUSD(float64(peak)) + w.fleetOpsExtra(peak, kind)
}

// bootDisksPriced reports whether the cloud's file prices a machine's boot
// disk apart from the machine: by the disk or by the GB.
func (w *workload) bootDisksPriced() bool {
	return w.c.t.serversDiskMonth != nil || w.c.t.serversDiskGBMonth != nil
}

// diskHourly is what one machine's boot disk costs an hour: a disk of
// the assumed size at the price per GB-month, or a whole disk's price a
// month where the provider sells disks by size tier (Azure).
func (w *workload) diskHourly() float64 {
	t := &w.c.t
	if t.serversDiskMonth != nil {
		return t.serversDiskMonth.v() / w.hours
	}
	return w.k.bootDiskGB.v() * t.serversDiskGBMonth.v() / w.hours
}

// freeDiskHours is how many of freeHours, the free tier's machine-hours
// (Compute Engine's e2-micro), boot from a disk the free tier pays for too
// (servers_free_disk_gb_months of standard persistent disk, which that
// machine then boots from): all of them where the grant holds the boot
// disk all month. A lone e2-micro had paid $2 for its disk beside its
// free hours (review 250).
func (w *workload) freeDiskHours(freeHours float64) float64 {
	t := &w.c.t
	if freeHours == 0 || t.serversFreeDiskGBMonths == nil || t.serversDiskGBMonth == nil {
		return 0
	}
	return min(freeHours, t.serversFreeDiskGBMonths.v()/w.k.bootDiskGB.v()*w.hours)
}

// freeDisksUSD is what the free tier takes off the boot disks of a fleet
// that runs free machines of its machine every hour (freeMachines).
func (w *workload) freeDisksUSD(free float64) float64 {
	return w.freeDiskHours(free*w.hours) * w.diskHourly()
}

// addDisks adds the boot disks of a fleet's machine-hours to its bill,
// less those of the free tier's machine-hours among them (freeHours) that
// the free tier's disk pays for; a sample along the volume keeps its cost
// and no words.
func (w *workload) addDisks(b *Bill, machineHours, freeHours float64) {
	t := &w.c.t
	if !w.bootDisksPriced() {
		return
	}
	free := w.freeDiskHours(freeHours)
	it := Item{ID: "disks", USD: (machineHours - free) * w.diskHourly()}
	if !w.totalsOnly {
		hours, gb := formatWhole(machineHours), trimFloat(w.k.bootDiskGB.Value)
		if t.serversDiskMonth != nil {
			it.Label = w.c.Products.Disk + " (boot, one a machine)"
			it.Formula = fmt.Sprintf("%s machine-hours ÷ %s h × $%s per disk a month", hours, trimFloat(w.hours), trimFloat(t.serversDiskMonth.Value))
			it.Facts = []*Fact{t.serversDiskMonth, w.k.bootDiskGB}
		} else {
			it.Label = fmt.Sprintf("%s (boot, %s GB a machine)", w.c.Products.Disk, gb)
			it.Formula = fmt.Sprintf("%s machine-hours ÷ %s h × %s GB × $%s per GB-month", hours, trimFloat(w.hours), gb, trimFloat(t.serversDiskGBMonth.Value))
			it.Facts = []*Fact{t.serversDiskGBMonth, w.k.bootDiskGB}
		}
		if free > 0 {
			it.Formula += fmt.Sprintf(", less the %s %s hours' disks, on the %s GB-months of standard persistent disk free under the free tier",
				formatWhole(free), w.c.Products.FreeMachine, trimFloat(t.serversFreeDiskGBMonths.Value))
			it.Facts = append(it.Facts, t.serversFreeDiskGBMonths)
		}
	}
	w.add(b, it)
}

func (f *fleet) peakAverage() (int, float64) {
	peak, sum := 0.0, 0.0
	for _, n := range f.n {
		if n > peak {
			peak = n
		}
		sum += n
	}
	return int(peak), sum / 24
}

// cheapestFleet sizes a fleet of each machine and keeps the one whose
// machines and overhead cost the least for the month (the first listed
// on a tie). A machine whose lower bound already costs as much as the
// best so far cannot win and is not sized: most of a large catalogue.
func (w *workload) cheapestFleet(machines []machine, kind fleetKind, d float64) (fleet, bool) {
	var best fleet
	bestCost, bestAt := math.Inf(1), -1
	sud := w.c.t.serversSustainedUse
	capSum := 0.0
	for _, c := range w.capacity(kind.builtIn) {
		capSum += c
	}
	sudRate := sud.lowestRate()
	floor := w.minInstances()
	leastOverhead, perHour := w.leastOverhead(kind, floor)
	lowPerHour := perHour * (1 - 1e-6) // in the bounds, for rounding
	// cannotWin bounds a fleet of m from below before it is sized: at
	// least the floor in every hour, and at least the machine-hours the
	// day's capacity needs over one machine's rate, each at the lowest
	// rate any discount brings it to. The rest of the overhead is never
	// negative, so a machine whose bound costs as much as the best fleet
	// so far cannot be cheaper.
	cannotWin := func(m *machine, perSecond float64) bool {
		if bestAt < 0 {
			return false
		}
		hours, free := max(24*floor, capSum/perSecond-24e-9), w.freeMachines(m, kind)
		return hoursFloor(m, hours-24*free, d, sudRate)*w.days+hours*lowPerHour+leastOverhead-w.freeDisksUSD(free) >= bestCost
	}
	cat := w.sampling.catalogue(machines, kind.vm, false)
	// Each machine sized is a candidate fleet, written over in place:
	// fleetHours sets every hour's machines.
	f := fleet{fast: kind.builtIn}
	try := func(i int) {
		// The catalogue is read in place, and the floor alone rules out
		// most large machines before sizing. A sample's rates are worked
		// out once for the whole axis, so the floor checks the rate too.
		m := &machines[i]
		perSecond, boundBy, fits := cat.rate(w, machines, i, kind.vm)
		if !fits || cannotWin(m, perSecond) {
			return
		}
		w.setMachine(&f, m, perSecond, boundBy, kind)
		// The day's machine-hours, each at the lowest rate, and the
		// overhead bound the cost more tightly than the floor did, before
		// the costlier sums of commitments and discounts. A bound is
		// below the cost, so a machine it rules out costs more than the
		// best, whichever comes first in the catalogue.
		hours, peak := w.fleetHours(&f)
		machinesFloor, freeDisks := hoursFloor(m, hours-24*f.free, d, sudRate)*w.days, w.freeDisksUSD(f.free) // off the overhead's disks, once
		if bestAt >= 0 && machinesFloor+hours*lowPerHour+leastOverhead-freeDisks >= bestCost {
			return // ruled out before the overhead is priced
		}
		overhead := w.overhead(int(peak), m.vcpu, hours, perHour, kind) - freeDisks
		if bestAt >= 0 && machinesFloor+overhead >= bestCost {
			return
		}
		f.daily, f.overhead = f.cost(d, sud), overhead
		if c := f.daily*w.days + overhead; c < bestCost || (c == bestCost && i < bestAt) {
			best, bestCost, bestAt = f, c, i
		}
	}
	// The size that won at the volume before is tried first: it usually
	// wins again, and its cost rules most others out at their floor.
	hint := cat.winner()
	if hint >= 0 {
		try(hint)
	}
	if cat == nil {
		// fits (anyFits) asks for the first fleet that can run the work.
		for i := 0; i < len(machines) && (bestAt < 0 || !w.anyFits); i++ {
			try(i)
		}
		return best, bestAt >= 0
	}
	cat.table(w, machines)
	for _, i := range cat.tried(w.keepsWarmFloor(kind) || w.coversSlots(kind)) {
		if i != hint {
			try(i)
		}
	}
	cat.won(bestAt)
	return best, bestAt >= 0
}

// leastOverhead is what any fleet of the kind pays at least besides its
// machines, known before sizing: the load balancer, which every fleet of
// more than one machine that clients reach pays for, and perHour, what
// each machine-hour of the day adds to the month whatever the machine
// (its boot disk and its share of the operations time), which rules out
// many small machines early.
func (w *workload) leastOverhead(kind fleetKind, floor float64) (lb, perHour float64) {
	if !kind.builtIn && w.in.clientsConnect() && (kind.lbAlways || floor > 1) {
		lb, _ = w.loadBalancerUSD(kind.lcuGB)
	}
	lb += w.fanOutUSD(floor) + w.fleetOpsExtra(int(floor), kind) // what every fleet of the floor or more pays
	if kind.vm {
		perHour += w.days * w.diskHourly()
	}
	if w.timeCounted(kind.option()) && kind.opsPerUnit != nil {
		hours, _ := w.opsHours(nil, kind.opsPerUnit, 1.0/24)
		perHour += hours * w.opsRate()
	}
	return lb, perHour
}

// sampling is what the bills of one set of inputs keep from one volume to
// the next while an axis or a curve prices them at volume after volume:
// what does not depend on the volume, worked out once, and which size won
// each catalogue, which moves little from one volume to the next.
type sampling struct {
	catalogues [4]sampledCatalogue
	// handOff is the sampling of the workload the platform's own
	// instances see where a managed service holds the connections
	// (workload.handOff), once asked for, and on that sampling, work is
	// that workload at the volume priced last.
	handOff *sampling
	work    struct {
		w        workload
		requests float64
		known    bool
	}
	// jobs are the background jobs' item on each option (in the order of
	// the option kinds): their runs do not depend on the volume.
	jobs [3]sampledJobs
}

// sampledJobs is the background jobs' item on one option, once known.
type sampledJobs struct {
	item      Item
	ok, known bool
}

// sampledCatalogue is one catalogue's machines as a workload's fleets
// size them: how many requests a second each serves (empty until asked),
// and the size that won last (-1 for none). Sizes billed per request
// (perRequest) are rated by the requests each serves at once instead.
type sampledCatalogue struct {
	first          *machine // the catalogue's first machine names it
	vm, perRequest bool
	rates          []machineRate
	// contenders are the machines that fit and that no other outdoes
	// (see outdone), in the catalogue's order: the only ones that can
	// win at any volume.
	contenders []int
	// fitting are the machines that fit, in the catalogue's order: those
	// a fleet that counts the requests a size takes at once tries (tried),
	// listed the first time it asks.
	fitting []int
	best    int
}

// machineRate is what workload.rate says of one machine, or
// workload.requestsAtOnce of a size billed per request.
type machineRate struct {
	perSecond float64
	boundBy   BoundBy
	fits      bool
	// load is, for a size billed per request, the requests a replica
	// carries on average (replicaLoad), at most perSecond.
	load float64
}

// reset forgets the sampling of other inputs, keeping the room its tables
// took.
func (s *sampling) reset() {
	for i := range s.catalogues {
		c := &s.catalogues[i]
		*c = sampledCatalogue{rates: c.rates[:0], contenders: c.contenders[:0], fitting: c.fitting[:0]}
	}
	s.jobs = [3]sampledJobs{}
	if s.handOff != nil {
		s.handOff.reset()
	}
	s.work.known = false
}

// handedOff is the sampling of workload.handOff's workload.
func (s *sampling) handedOff() *sampling {
	if s.handOff == nil {
		s.handOff = new(sampling)
	}
	return s.handOff
}

// catalogue is the sampling kept for a catalogue, or nil without sampling.
func (s *sampling) catalogue(machines []machine, vm, perRequest bool) *sampledCatalogue {
	if s == nil || len(machines) == 0 {
		return nil
	}
	for i := range s.catalogues {
		c := &s.catalogues[i]
		if c.first == nil {
			*c = sampledCatalogue{first: &machines[0], vm: vm, perRequest: perRequest, rates: c.rates, contenders: c.contenders, best: -1}
		}
		if c.first == &machines[0] && c.vm == vm && c.perRequest == perRequest {
			return c
		}
	}
	return nil
}

// rate is w.rate of the i-th machine, worked out once per catalogue when
// sampling: it does not depend on the volume.
func (c *sampledCatalogue) rate(w *workload, machines []machine, i int, vm bool) (float64, BoundBy, bool) {
	if c == nil {
		return w.rate(&machines[i], vm)
	}
	c.table(w, machines)
	r := c.rates[i]
	return r.perSecond, r.boundBy, r.fits
}

// table works out the rates and the contenders once.
func (c *sampledCatalogue) table(w *workload, machines []machine) {
	if len(c.rates) == 0 {
		c.rates = slices.Grow(c.rates, len(machines))[:len(machines)]
		for j := range machines {
			r := &c.rates[j]
			if c.perRequest {
				r.perSecond, r.fits = w.requestsAtOnce(machines[j])
				r.load = w.replicaLoad(&machines[j], r.perSecond)
			} else {
				r.perSecond, r.boundBy, r.fits = w.rate(&machines[j], c.vm)
			}
		}
		c.findContenders(machines)
	}
}

// findContenders lists, in the catalogue's order, the machines that fit
// and that no other outdoes: another that fits outdoes a machine when it
// serves at least as many requests a second for no more an hour, with the
// same discounts, so that the machine never wins. Its fleet then needs no
// more machines in any hour, so no more load balancing, NAT, disks or
// operations time, and its machines cost no more whatever the commitment
// or sustained use: the outdone fleet costs more, or as much where the
// hourly prices are equal, and a tie goes to the first listed. Alike, a
// size billed per request that serves as many at once is busy no longer.
// Read in price order (the first listed first on a tie), a machine is
// outdone when one read before it, with the same discounts, serves as
// many (a fleet that keeps a warm floor reads the outdone too: tried):
// one pass, where comparing every pair had grown with the square of
// Fargate's 74 sizes.
func (c *sampledCatalogue) findContenders(machines []machine) {
	order := make([]int, 0, len(machines))
	for j := range machines {
		if c.rates[j].fits {
			order = append(order, j)
		}
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(machines[a].hourly, machines[b].hourly), cmp.Compare(a, b))
	})
	if c.perRequest {
		c.findRequestContenders(machines, order)
		return
	}
	// The fastest read so far with each pair of discounts, indexed by
	// sustained use and then by no commitment; no rate is below 0.
	fastest := [2][2]float64{{-1, -1}, {-1, -1}}
	index := func(b bool) int {
		if b {
			return 1
		}
		return 0
	}
	for _, i := range order {
		m, rate := &machines[i], c.rates[i].perSecond
		if m.sustained < m.vcpu {
			// A burstable size serves more on credits than its rate at
			// the baseline says (creditFleet): none outdoes it, and it
			// outdoes none.
			c.contenders = append(c.contenders, i)
			continue
		}
		best := &fastest[index(m.sud)][index(m.noCommit)]
		if *best < rate {
			c.contenders = append(c.contenders, i)
			*best = rate
		}
	}
	slices.Sort(c.contenders)
}

// tried are the sizes a search for the cheapest fleet reads: the
// contenders, or every size that fits for a fleet that keeps a warm floor
// (warmFloor) or critical latency's coverage (coverage), which count the
// requests a size takes at once: its rate does not order that, and a size
// another outdoes in rate may keep fewer warm.
func (c *sampledCatalogue) tried(warmFloor bool) []int {
	if !warmFloor {
		return c.contenders
	}
	if len(c.fitting) == 0 {
		for j, r := range c.rates {
			if r.fits {
				c.fitting = append(c.fitting, j)
			}
		}
	}
	return c.fitting
}

// findRequestContenders is findContenders for sizes billed per request,
// whose free grants are of vCPU-seconds and GB-seconds apart: a size
// cheaper by the hour but with more of one of them can cost more once the
// grants are taken off (0.08 vCPU with 0.5 GB beyond the free GB-seconds
// where 0.167 vCPU with 0.25 GB is within both), so a size is outdone only
// by one that serves as many at once, and carries as many on average
// (replicaLoad), with no more of either. Such a size
// is never dearer by the hour either, and read in price order it comes
// first: comparing with the contenders so far is enough, since what
// outdoes an outdone size outdoes what it did.
func (c *sampledCatalogue) findRequestContenders(machines []machine, order []int) {
	for _, i := range order {
		m, rate, load := &machines[i], c.rates[i].perSecond, c.rates[i].load
		outdone := slices.ContainsFunc(c.contenders, func(j int) bool {
			o := &machines[j]
			return c.rates[j].perSecond >= rate && c.rates[j].load >= load && o.vcpu <= m.vcpu && o.gb <= m.gb && o.sud == m.sud && o.noCommit == m.noCommit
		})
		if !outdone {
			c.contenders = append(c.contenders, i)
		}
	}
	slices.Sort(c.contenders)
}

// winner is the size that won last, or -1.
func (c *sampledCatalogue) winner() int {
	if c == nil {
		return -1
	}
	return c.best
}

func (c *sampledCatalogue) won(i int) {
	if c != nil && i >= 0 {
		c.best = i
	}
}

// hoursFloor is a lower bound on what hours of m cost: each at the least
// share of its on-demand price an hour can cost, with the commitment
// discount d, or the deepest sustained use discount where m earns that
// instead.
func hoursFloor(m *machine, hours, d, sudRate float64) float64 {
	if m.noCommit {
		d = 0
	}
	rate := 1 - d
	if m.sud {
		rate = min(rate, sudRate)
	}
	return hours * m.hourly * max(rate, 0) * (1 - 1e-6)
}

// serverMachines are the catalogue's sizes for the processor asked for.
func (w *workload) serverMachines() []machine {
	return w.c.machines(w.in.Arm, w.in.Warm || w.in.SteadyMachines)
}

// serversBill prices the servers option: a fleet sized hour by hour, or,
// for work that runs to completion, a machine started for each run unless
// that costs more or the runs come too often for it (startsMachines).
func (w *workload) serversBill() Bill {
	machines := w.serverMachines()
	d, _ := w.c.commitment(Servers, w.in)
	f, ok := w.cheapestFleet(machines, fleetKind{vm: true, lcuGB: w.c.t.lcuGBPerHourServer, opsPerUnit: w.k.opsHoursPerServer}, d)
	if !ok {
		return unavailable(Servers, w.c.Products.Servers, w.why(func() string {
			return fmt.Sprintf("no instance of the catalogue holds %s for one request", formatMB(w.in.MemoryMB))
		}), nil)
	}
	b, bill := w.fleetServers(f), billOn((*workload).fleetServersOn)
	if w.startsEachRun() && w.startsMachines(w.in.Requests) {
		if r, ok := w.cheapestRun(machines, true, w.in.Requests, w.durS, true); ok {
			if rb, _ := w.runServers(r.m); rb.Total <= b.Total {
				b, bill = rb, (*workload).runServers
			}
		}
	}
	if w.detail {
		b.Sizing.Alternatives = w.alternatives(machines, b.Sizing.Machine, bill)
	}
	return b
}

// billOn prices one option on one machine size; ok is false when a
// request does not fit.
type billOn func(w *workload, m machine) (Bill, bool)

// fleetServersOn is the servers bill of a fleet of m.
func (w *workload) fleetServersOn(m machine) (Bill, bool) {
	f, ok := w.sizeFleet(m, fleetKind{vm: true})
	if !ok {
		return Bill{}, false
	}
	return w.fleetServers(f), true
}

// fleetServers is the servers bill of a fleet already sized.
func (w *workload) fleetServers(f fleet) Bill {
	t, p, m := &w.c.t, w.c.Products, f.m
	if w.totalsOnly && f.daily > 0 {
		return w.fleetTotal(Servers, p.Servers, f, w.serversBase())
	}
	d, fact := w.c.commitment(Servers, w.in)
	committed := fact != nil
	if m.noCommit {
		d, fact = 0, nil
	}
	sz := f.sizing()
	b := Bill{Kind: Servers, Product: p.Servers, Available: true, Sizing: w.keep(sz)}
	b.PeakConcurrency = w.peakRPS() * w.durS
	instanceHours := sz.Average * w.hours
	it := Item{ID: "instances", Label: w.describe(func() string { return p.Servers + " " + m.name }), USD: f.dailyCost(d, t.serversSustainedUse) * w.days,
		Formula: w.describe(func() string {
			kept := ""
			if f.warm > w.minInstances() {
				kept = w.burstsNote("machines")
			}
			if f.onCredits {
				kept = ", bursting on the CPU credits the machines earn in quieter hours"
			}
			if w.in.SteadyMachines && !w.in.Warm {
				// Why no burstable size is on the bill (review 258).
				kept += ", on a size that sustains all its vCPUs, as an enterprise's or a compliance regime's machines do for the security, logging and inventory agents its policy runs beside the work"
			}
			return fmt.Sprintf("%s instance-hours (%s at the busiest hour, at least %s%s%s%s) × $%s per hour",
				formatWhole(instanceHours), FormatInt(int64(sz.Instances)), trimFloat(w.minInstances()), kept, w.coverageNote(&f, "a machine"), w.concurrencyNote(f), trimPrice(m.hourly))
		}),
		Facts: w.facts(m.fact, w.concurrencyFact(f))}
	switch {
	case fact != nil:
		// The instances the busiest hours all run, not every hour's:
		// "every hour needs" could not be worked back to the amount
		// (review 255). Beside the sustained use discount, the level
		// is the one that costs the least with it.
		it.Formula += w.describe(func() string {
			if m.sud && t.serversSustainedUse != nil {
				return fmt.Sprintf(", with %s%% off the instances enough of the day's hours run to pay for it beside the sustained use discount (%s)", trimFloat(fact.Value), fact.Label)
			}
			return fmt.Sprintf(", with %s%% off the instances %s all run (%s)", trimFloat(fact.Value), busiestHours(fact.v()), fact.Label)
		})
		it.Facts = append(it.Facts, w.facts(fact)...)
	case committed:
		// The answers buy a commitment that this size cannot take: say
		// so, where the bill had stayed the same beside a cheaper
		// committed option with nothing said (review 165).
		it.Formula += w.describe(func() string { return ", with no commitment off: " + m.name + " takes none" })
	}
	if m.sud && t.serversSustainedUse != nil {
		it.Formula += w.describe(func() string { return ", less the sustained use discount each machine's share of the month earns" })
		it.Facts = append(it.Facts, w.facts(t.serversSustainedUse)...)
	}
	if f.free > 0 {
		it.Formula += w.describe(func() string {
			return fmt.Sprintf(", less the %s free under the free tier", formatWhole(f.free*w.hours)+" "+m.name+" hours")
		})
		it.Facts = append(it.Facts, w.facts(t.serversFreeHours)...)
	}
	w.add(&b, it)
	w.addDisks(&b, instanceHours, f.free*w.hours)
	w.addNetwork(&b, t.lcuGBPerHourServer, instanceHours, sz.Instances, sz.VCPU, false, "machine-hours")
	if it, ok := w.fanOutChannel(float64(sz.Instances)); ok {
		w.add(&b, it)
	}
	w.finish(&b, w.serversOpsBase(&f), w.k.opsHoursPerServer, sz.Average)
	return b
}

// concurrencyNote says, in a fleet's working, that the pieces one vCPU
// works on at once (concurrency_per_vcpu) bound each machine's load,
// where they do: an assumption no price shows, which had sized a
// pipeline of 30-second calls that mostly wait at about 9 vCPU where
// their computing needs 2, with nothing said (review 141).
func (w *workload) concurrencyNote(f fleet) string {
	if w.concurrencyFact(f) == nil {
		return ""
	}
	return fmt.Sprintf(", each vCPU working on up to %s at once", plural(w.k.concurrencyPerVCPU.v(), w.in.Entry.Piece()))
}

// concurrencyFact is the assumption concurrencyNote states, nil where it
// does not bound the fleet (or the connections clients hold open do).
func (w *workload) concurrencyFact(f fleet) *Fact {
	if f.boundBy != BoundByConcurrency || w.in.heldConnections() {
		return nil
	}
	return w.k.concurrencyPerVCPU
}

// serversOpsBase is the operations time of servers before the machines:
// a lone machine answering requests at its own address, with no load
// balancer in front (one at the busiest hour), takes less than a fleet
// behind one: a side project's single e2-small had been counted the 14
// hours of a redundant fleet, $1,300 a month at $90 an hour (review 91).
func (w *workload) serversOpsBase(f *fleet) *Fact {
	if w.serving && f.n[23] > 1 {
		return w.k.opsHoursServers
	}
	return w.serversBase()
}

// serversBase is the operations time every fleet of servers pays before
// its machines: a lone machine's where they answer requests, what opsBase
// says otherwise. A fleet of more pays fleetOpsExtra besides.
func (w *workload) serversBase() *Fact {
	if w.serving {
		return w.k.opsHoursServerAlone
	}
	return w.opsBase(Servers)
}

// fleetOpsExtra is what a fleet of peak servers answering requests pays
// for its operations time beyond a lone machine's, where the bills count
// the team's time: a fleet of two or more sits behind a load balancer,
// with a rollout across machines and a capacity plan. The search for the
// cheapest fleet weighs it, so that one larger machine that needs none of
// that wins where it costs less with it: reading the base from the fleet
// chosen alone had made bills fall as the volume grew from two small
// machines to one larger one.
func (w *workload) fleetOpsExtra(peak int, kind fleetKind) float64 {
	if !kind.vm || !w.serving || !w.timeCounted(Servers) || peak < 2 {
		return 0
	}
	fleet, _ := w.opsHours(w.k.opsHoursServers, nil, 0)
	alone, _ := w.opsHours(w.k.opsHoursServerAlone, nil, 0)
	return (fleet - alone) * w.opsRate()
}

// fleetTotal is the bill of a fleet the search for the cheapest chose,
// for its total alone: its machines and overhead as the search priced
// them, and what every size pays alike (finish, with the base of the
// operations time alone: the overhead counted the time per machine).
// Along an axis this is most of a bill's work otherwise, done twice.
func (w *workload) fleetTotal(kind OptionKind, product string, f fleet, opsBase *Fact) Bill {
	b := Bill{Kind: kind, Product: product, Available: true, Total: f.daily*w.days + f.overhead}
	if w.sampling == nil {
		b.Sizing = w.keep(f.sizing()) // a sample keeps none
	}
	b.PeakConcurrency = w.peakRPS() * w.durS
	w.finish(&b, opsBase, nil, 0)
	return b
}

// alternatives are the machines just below and just above the chosen one
// in hourly price whose bill exists, with that bill's total.
func (w *workload) alternatives(machines []machine, chosen string, bill billOn) []Alternative {
	sorted := slices.Clone(machines)
	slices.SortStableFunc(sorted, func(a, b machine) int { return cmp.Compare(a.hourly, b.hourly) })
	i := slices.IndexFunc(sorted, func(m machine) bool { return m.name == chosen })
	if i < 0 {
		return nil
	}
	q := *w
	q.detail, q.totalsOnly = false, true
	var out []Alternative
	for _, step := range []int{-1, 1} {
		for j := i + step; j >= 0 && j < len(sorted); j += step {
			if b, ok := bill(&q, sorted[j]); ok {
				out = append(out, Alternative{Instance: sorted[j].name, Instances: b.Sizing.Instances, MonthlyUSD: b.Total, BoundBy: b.Sizing.BoundBy})
				break
			}
		}
	}
	return out
}

// private reports whether a fleet of peak machines or tasks of vcpu each
// at the busiest hour, machineHours of them in the month, runs in private
// subnets that reach the internet through NAT: when the answers ask for
// compliance or full control of the network, or the fleet is too large
// to guard machine by machine, in number and in capacity both, so that
// many small tasks are not a larger fleet than the few machines of the
// same vCPUs, and large enough over the month that NAT is a small part of
// its bill. The month is counted in vCPU-hours, not dollars: Fargate's 57
// vCPUs had gone private at $1,060 and EC2's 58 for the same load had not
// at $840 (review 178). Otherwise each machine keeps a public address
// behind its firewall rules.
func (w *workload) private(peak int, vcpu, machineHours float64) bool {
	n := float64(peak)
	return w.in.privateNetwork() || (n >= w.k.privateFleet.v() && n*vcpu >= w.k.privateFleetVCPUs.v() && machineHours*vcpu >= w.k.privateFleetVCPUHours.v())
}

// network is what a fleet pays besides its machines: the provider's load
// balancer when clients' requests reach more than one machine (or a task,
// whose address changes with every deployment: lbAlways), NAT in a
// private network, and the public IPv4 addresses of all of them.
type network struct {
	hasLB, private    bool
	lb, nat, ipv4     float64 // USD
	natGB, gateways   float64
	addresses         float64 // held all month
	publicHours       float64 // address-hours of machines with their own address
	perMachineHourNAT bool    // NAT billed per machine using it (Cloud NAT)
}

// network prices a fleet's network; lbUSD is the load balancer's month,
// the same for every fleet of the workload.
func (w *workload) network(lbUSD, machineHours float64, peak int, vcpu float64, lbAlways bool) network {
	t := &w.c.t
	n := network{private: w.private(peak, vcpu, machineHours)}
	// Clients reach a machine in a private subnet only through the
	// balancer: a compliant internal tool's one EC2 machine had sat in
	// one with no way in.
	if w.in.clientsConnect() && (lbAlways || peak > 1 || n.private) {
		n.lb, n.hasLB = lbUSD, true
		n.addresses += w.c.ipv4PerLoadBalancer()
	}
	if !n.private && n.hasLB && t.natVMHourly != nil && t.ipv4Hourly != nil {
		// Behind the balancer the machines need a way out only for their
		// own calls: where NAT billed by the machine (Cloud NAT) costs
		// less than an address each, they sit in a private subnet behind
		// it, as practitioners run them. Nine Compute Engine machines had
		// paid $18.55 of addresses where Cloud NAT costs about $12
		// (review 180).
		n.private = w.cloudNAT(machineHours)+w.hours*t.ipv4Hourly.v() < machineHours*t.ipv4Hourly.v()
	}
	switch {
	case n.hasLB && w.c.BalancerOutbound:
		// The balancer's outbound rules take the machines' own calls out,
		// in a private network too, where they have no address of their
		// own: Azure VMs under full control had carried a NAT gateway,
		// $33 of a $79 bill, beside a balancer that does it (review 140).
	case !n.private:
		n.publicHours = machineHours
	default:
		n.natGB = w.natGB()
		switch {
		case t.natHourly != nil:
			n.gateways, n.nat = w.natGateways()
			n.addresses += n.gateways
		case t.natVMHourly != nil:
			n.perMachineHourNAT = true
			n.nat = w.cloudNAT(machineHours)
			n.addresses++
		}
	}
	n.ipv4 = (n.addresses*w.hours + n.publicHours) * t.ipv4Hourly.v()
	return n
}

func (n network) total() float64 { return n.lb + n.nat + n.ipv4 }

// addNetwork adds a fleet's network items to its bill; hoursOf names its
// hours in the formulas ("machine-hours", "task-hours").
func (w *workload) addNetwork(b *Bill, lcuGB *Fact, machineHours float64, peak int, vcpu float64, lbAlways bool, hoursOf string) {
	t := &w.c.t
	lbUSD, _ := w.loadBalancerUSD(lcuGB)
	n := w.network(lbUSD, machineHours, peak, vcpu, lbAlways)
	if w.totalsOnly {
		b.Total += n.total()
		return
	}
	if n.hasLB {
		lb := w.loadBalancer(lcuGB)
		switch {
		case peak <= 1 && n.private:
			lb.Formula += "; clients reach a machine in a private subnet only through it"
		case peak <= 1:
			// One task alone: say why it is not reached at its own
			// address, as one machine is.
			lb.Formula += "; clients reach even one task through it, since a task's address changes each time it starts"
		}
		if w.c.BalancerOutbound {
			lb.Formula += "; its outbound rules take the machines' own calls out, so they need no public address"
		}
		w.add(b, lb)
	}
	switch {
	case n.private && n.perMachineHourNAT:
		w.add(b, Item{ID: "nat", Label: w.c.Products.NAT, USD: n.nat,
			Formula: w.describe(func() string {
				return w.natByInstanceFormula(machineHours, hoursOf) + fmt.Sprintf(" + %s × $%s", formatDataBy(t.natGB, n.natGB), trimFloat(t.natGB.Value))
			}),
			Facts: w.facts(t.natVMHourly, t.natVMHourlyMax, t.natGB)})
	case n.private && n.gateways > 0:
		w.add(b, Item{ID: "nat", Label: w.c.Products.NAT, USD: n.nat,
			Formula: w.describe(func() string {
				return fmt.Sprintf("%s × %s h × $%s + %s × $%s", trimFloat(n.gateways), trimFloat(w.hours), trimFloat(t.natHourly.Value), formatDataBy(t.natGB, n.natGB), trimFloat(t.natGB.Value))
			}),
			Facts: w.facts(t.natHourly, t.natGB)})
	}
	if t.ipv4Hourly != nil && n.ipv4 > 0 {
		w.add(b, Item{ID: "ipv4", Label: "Public IPv4 addresses", USD: n.ipv4,
			Formula: w.describe(func() string {
				// The addresses kept all month and those of the machines
				// while they run, whichever there are.
				var terms []string
				if n.addresses > 0 {
					terms = append(terms, fmt.Sprintf("%s × %s h", trimFloat(n.addresses), trimFloat(w.hours)))
				}
				if n.publicHours > 0 {
					terms = append(terms, formatWhole(n.publicHours)+" "+hoursOf)
				}
				sum := strings.Join(terms, " + ")
				if len(terms) > 1 {
					sum = "(" + sum + ")"
				}
				return sum + " × $" + trimFloat(t.ipv4Hourly.Value)
			}),
			Facts: w.facts(t.ipv4Hourly)})
	}
}

// privateEgress prices the NAT through which a platform without machines
// of its own reaches the internet from the private network that
// compliance or full control asks for (Lambda or Azure Functions joined to
// a VPC or virtual network, Container Apps in one): the gateways in each
// zone all month, their addresses and the data they carry, as a fleet's
// private subnets pay. Cloud Run and its functions reach the internet
// directly by default; under compliance all their traffic leaves through
// the network (Direct VPC egress), so that one fixed address and the
// network's firewall rules govern it, and Cloud NAT bills each instance's
// hours as it bills a machine's: instanceSeconds, asked only there, are
// the hours the platform's instances run.
func (w *workload) privateEgress(instanceSeconds func() float64) (Item, bool) {
	if !w.in.privateNetwork() {
		return Item{}, false
	}
	return w.natItem(instanceSeconds)
}

// natItem prices the NAT a platform in a private network reaches the
// internet through (see privateEgress), whether or not the answers put
// it there.
func (w *workload) natItem(instanceSeconds func() float64) (Item, bool) {
	t := &w.c.t
	if t.natHourly == nil {
		return w.natForInstances(instanceSeconds)
	}
	gateways, usd := w.gatewaysWithAddresses()
	gb := w.natGB()
	return Item{ID: "nat", Label: w.c.Products.NAT, USD: usd,
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s × %s h × ($%s + $%s for its IPv4 address) + %s × $%s", trimFloat(gateways), trimFloat(w.hours), trimFloat(t.natHourly.Value), trimFloat(t.ipv4Hourly.Value), formatDataBy(t.natGB, gb), trimFloat(t.natGB.Value))
		}),
		Facts: w.facts(t.natHourly, t.ipv4Hourly, t.natGB, w.k.natShareOfEgress, w.k.natMaxBytes)}, true
}

// natForInstances prices Cloud NAT for a platform's instances, where the
// cloud bills it by the instance using it: their hours, the data it
// carries and the one address it sends from.
func (w *workload) natForInstances(instanceSeconds func() float64) (Item, bool) {
	t := &w.c.t
	if t.natVMHourly == nil {
		return Item{}, false
	}
	hours, gb := instanceSeconds()/3600, w.natGB()
	usd := w.cloudNAT(hours) + w.hours*t.ipv4Hourly.v()
	return Item{ID: "nat", Label: w.c.Products.NAT, USD: usd,
		Formula: w.describe(func() string {
			return w.natByInstanceFormula(hours, "instance-hours") + fmt.Sprintf(" + %s × $%s + its IPv4 address, %s h × $%s", formatDataBy(t.natGB, gb), trimFloat(t.natGB.Value), trimFloat(w.hours), trimFloat(t.ipv4Hourly.Value))
		}),
		Facts: w.facts(t.natVMHourly, t.natVMHourlyMax, t.natGB, t.ipv4Hourly, w.k.natShareOfEgress, w.k.natMaxBytes)}, true
}

// cloudNAT is what NAT billed by the instance costs for instanceHours:
// the instances' hours (natByInstance) and the data it carries, without
// the address it sends from.
func (w *workload) cloudNAT(instanceHours float64) float64 {
	return w.natByInstance(instanceHours) + w.natGB()*w.c.t.natGB.v()
}

// natByInstance is Cloud NAT's charge by the instance for instanceHours
// in the month, up to its flat rate for a gateway that serves more
// instances than it charges one by one. The flat rate is read over the
// month, as if the instances were spread evenly over it, which can only
// charge more than hour by hour.
func (w *workload) natByInstance(instanceHours float64) float64 {
	t := &w.c.t
	usd := instanceHours * t.natVMHourly.v()
	if t.natVMHourlyMax != nil {
		usd = min(usd, w.hours*t.natVMHourlyMax.v())
	}
	return usd
}

// natByInstanceFormula is natByInstance's working; hoursOf names the
// hours ("machine-hours", "instance-hours").
func (w *workload) natByInstanceFormula(instanceHours float64, hoursOf string) string {
	t := &w.c.t
	if t.natVMHourlyMax != nil && instanceHours*t.natVMHourly.v() > w.hours*t.natVMHourlyMax.v() {
		return fmt.Sprintf("%s h × $%s (the flat rate: %s %s at $%s would cost more)", trimFloat(w.hours), trimFloat(t.natVMHourlyMax.Value), formatWhole(instanceHours), hoursOf, trimFloat(t.natVMHourly.Value))
	}
	return fmt.Sprintf("%s %s × $%s", formatWhole(instanceHours), hoursOf, trimFloat(t.natVMHourly.Value))
}

// natGB is the data that leaves a private network through NAT: the
// share of the egress its machines or functions start themselves, up to
// what a request's own calls out carry, which do not grow with the
// responses: 100 TB of responses had billed 10 TB of NAT data (review
// 149).
//
// Work that answers no client, queued or scheduled, sends all it sends
// through the NAT: no load balancer carries responses out for it (a
// private queue worker sending 5 TB had billed 500 GB of NAT data).
func (w *workload) natGB() float64 {
	if !w.in.clientsConnect() {
		return w.sentGB()
	}
	return min(w.sentGB()*w.k.natShareOfEgress.v(), w.in.Requests*w.k.natMaxBytes.v()/1e9)
}

// natGateways is how many NAT gateways a private network keeps (one a
// zone, and one where the answers accept a single zone, or where a queue
// or a timer holds the work until a worker is back, as the fleets keep
// one instance for it: a $7.59 machine had sat behind two gateways at
// $66, a monthly batch's 45 task-hours behind two at $66 of an $80 bill)
// and what they cost for the month with the data they carry, on a cloud
// that bills them by the gateway-hour.
func (w *workload) natGateways() (gateways, usd float64) {
	t := &w.c.t
	gateways = w.c.natGateways(w.k)
	if !w.in.redundant() {
		gateways = min(gateways, 1)
	}
	return gateways, gateways*w.hours*t.natHourly.v() + w.natGB()*t.natGB.v()
}

// natAlike is what every bill pays alike for NAT, where the answers put
// every option in a private network: the data it carries, the same for
// every option (natGB), and where the cloud bills a gateway by the hour
// whatever runs behind it (AWS) the gateways' hours and addresses, or
// where it bills by the instance (Cloud NAT) the one address it sends
// from. The cost axis leaves it out of the ratio between the bills, as it
// leaves out logs and data transfer. Two gateways under compliance had
// been most of every small AWS bill, Lambda $74 of which $73 of NAT
// against Fargate's $115, so that a $41 gap weighed as a ratio of 1.55
// where it had been 49 (review 199); 200 TB of queued work's data out,
// $9,000 of NAT data on every bill, had weighed Lambda at $1,993 against
// Fargate at $933 as a ratio of 1.1 and sent it to Lambda (review 200).
// Not where a fleet's balancer takes its calls out instead (Azure).
func (w *workload) natAlike() float64 {
	t := &w.c.t
	switch {
	case !w.in.privateNetwork() || t.natGB == nil || w.c.BalancerOutbound:
		return 0
	case t.natHourly != nil:
		_, usd := w.gatewaysWithAddresses()
		return usd
	}
	return w.natGB()*t.natGB.v() + w.hours*t.ipv4Hourly.v()
}

// gatewaysWithAddresses is natGateways with the gateways' public
// addresses: what a platform without machines of its own pays for its
// way out of a private network (natItem), whatever runs behind it.
func (w *workload) gatewaysWithAddresses() (gateways, usd float64) {
	gateways, usd = w.natGateways()
	return gateways, usd + gateways*w.hours*w.c.t.ipv4Hourly.v()
}

// sharedGatewayUSD is what a NAT item of usd, priced by natItem for a
// gateway in each zone, would come to with one gateway shared by them:
// the gateways' hours and addresses fall to one's, the data they carry
// stays.
func (w *workload) sharedGatewayUSD(usd float64) float64 {
	gateways, _ := w.natGateways()
	hourly := usd - w.natGB()*w.c.t.natGB.v()
	return usd - hourly*(gateways-1)/gateways
}

// loadBalancerUSD is the provider's load balancer for the month: its
// hourly charge plus capacity units (AWS) or data processed (elsewhere).
func (w *workload) loadBalancerUSD(lcuGB *Fact) (usd, lcuHours float64) {
	if !w.lb.priced || w.lb.lcuGB != lcuGB {
		w.lb.usd, w.lb.lcuHours = w.priceLoadBalancer(lcuGB)
		w.lb.lcuGB, w.lb.priced = lcuGB, true
	}
	return w.lb.usd, w.lb.lcuHours
}

// balancedGB is the data a fleet's load balancer carries out in the month:
// the responses, or the signed links to them (sentGB), and where clients
// hold connections to the fleet, the messages it delivers over them where
// they come to more (dataOutGB): 2,000 GB of messages had been billed as
// the 50 GB of responses answered (review 113).
func (w *workload) balancedGB() float64 {
	if w.filesStored {
		return w.sentGB()
	}
	return w.dataOutGB()
}

func (w *workload) priceLoadBalancer(lcuGB *Fact) (usd, lcuHours float64) {
	t := &w.c.t
	hourly := w.hours * t.loadBalancerHourly.v()
	if t.loadBalancerLCUHour == nil {
		return w.balancerByData(w.balancedGB()), 0
	}
	// Each hour's LCUs are the most of its new connections, the
	// connections it holds open and its data, all in proportion to the
	// hour's load: the day's are the most of the three at the average
	// load, the hours' loads adding up to 24.
	conns := w.avgRPS / w.k.requestsPerConnection.v()
	gbPerHour := w.balancedGB() / w.hours
	lcu := max(conns/max(t.lcuNewConnections.v(), 1), gbPerHour/max(lcuGB.v(), 1e-9))
	if lim := t.lcuActiveConnections; lim != nil && w.heldOnBalancer(lcuGB) {
		lcu = max(lcu, w.openConnections()/max(lim.v(), 1))
	}
	lcuHours = lcu * 24 * w.days
	return hourly + lcuHours*t.loadBalancerLCUHour.v(), lcuHours
}

// balancerByData is a month of a load balancer billed by the hour and
// the data it carries (all but AWS's, which bills capacity units), gb of
// it.
func (w *workload) balancerByData(gb float64) float64 {
	t := &w.c.t
	return w.hours*t.loadBalancerHourly.v() + gb*t.loadBalancerGB.v()
}

// heldOnBalancer reports whether clients' connections stay open through
// the load balancer priced at lcuGB: a fleet's, for live features or
// sessions it holds itself. The functions' load balancer holds none: the
// cloud's managed connection service does.
func (w *workload) heldOnBalancer(lcuGB *Fact) bool {
	return w.in.heldConnections() && lcuGB != w.c.t.lcuGBPerHourLambda
}

// openConnections is how many clients' connections are open at once on
// average: each request's share of a client's connected minutes.
func (w *workload) openConnections() float64 {
	return w.in.Requests * w.connectedSeconds() / (w.hours * 3600)
}

// loadBalancer is the load balancer's item.
func (w *workload) loadBalancer(lcuGB *Fact) Item {
	t := &w.c.t
	usd, lcuHours := w.loadBalancerUSD(lcuGB)
	if t.loadBalancerLCUHour != nil {
		return Item{ID: "load_balancer", Label: w.c.Products.LoadBalancer, USD: usd,
			Formula: w.describe(func() string {
				// The LCUs follow from an assumed number of requests a
				// connection, which the formula names: a reviewer had to
				// work it out from the figures.
				return fmt.Sprintf("%s h × $%s + %s LCU-hours × $%s (each hour's LCUs the most of its new connections, at %s requests a connection, its open connections and its data)",
					trimFloat(w.hours), trimFloat(t.loadBalancerHourly.Value), trimFloat(math.Round(lcuHours*10)/10), trimFloat(t.loadBalancerLCUHour.Value), trimFloat(w.k.requestsPerConnection.v()))
			}),
			Facts: w.facts(t.loadBalancerHourly, t.loadBalancerLCUHour, t.lcuNewConnections, t.lcuActiveConnections, lcuGB, w.k.requestsPerConnection)}
	}
	return Item{ID: "load_balancer", Label: w.c.Products.LoadBalancer, USD: usd,
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s h × $%s + %s × $%s", trimFloat(w.hours), trimFloat(t.loadBalancerHourly.Value), formatDataBy(t.loadBalancerGB, w.balancedGB()), trimFloat(t.loadBalancerGB.Value))
		}),
		Facts: w.facts(t.loadBalancerHourly, t.loadBalancerGB)}
}

// finish adds what every option pays besides running the requests: logs,
// the background jobs, data transfer and, when asked, operations time for
// a fleet of units (machines or tasks on average).
func (w *workload) finish(b *Bill, opsBase, opsPerUnit *Fact, units float64) {
	alike := &w.paidAlike
	if !alike.known {
		alike.logs, alike.egress = w.logs(), w.egress(0)
		alike.logTiers, alike.tiered = w.functionsLogTiers()
		alike.usd = alike.logs.USD + alike.egress.USD
		alike.known = true
	}
	egress := alike.egress
	if b.sentInsteadGB > 0 {
		egress = w.egress(b.sentInsteadGB)
	}
	registry, pulls := w.registry(b.Kind)
	tiered := alike.tiered && b.Kind == Functions
	if w.totalsOnly {
		b.Total += alike.logs.USD + egress.USD
		if tiered {
			b.Total += alike.logTiers.USD
		}
		if it, ok := w.jobsItem(b.Kind); ok {
			b.Total += it.USD
		}
		if pulls {
			b.Total += registry.USD
		}
		if it, ok := w.teamTime(b.Kind, opsBase, opsPerUnit, units); ok {
			b.Total += it.USD
		}
		return
	}
	w.add(b, alike.logs)
	if tiered {
		w.add(b, alike.logTiers)
	}
	if it, ok := w.jobsItem(b.Kind); ok {
		w.add(b, it)
		if b.Kind == Functions && w.c.jobsOffFunctions(w.k, w.in) {
			b.JobsOn = w.c.Products.Jobs
		}
	}
	if pulls {
		w.add(b, registry)
	}
	w.add(b, egress)
	if it, ok := w.teamTime(b.Kind, opsBase, opsPerUnit, units); ok {
		w.add(b, it)
	}
}

// registry is the container registry a bill pulls images from, where the
// cloud bills one by the day (products.registry): the serverless
// containers' bill, and the functions' where their background jobs run on
// the cloud's container jobs. Container Apps at $18.94 had stood below
// Flex Consumption at $19.66 without the registry's $5 (review 194).
func (w *workload) registry(kind OptionKind) (Item, bool) {
	t := &w.c.t
	if t.registryHourly == nil || (kind != Containers && !w.jobsPullImages(kind)) {
		return Item{}, false
	}
	return Item{ID: "registry", Label: w.c.Products.Registry, USD: w.hours * t.registryHourly.v(),
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s days × $%s per day", trimFloat(RoundSignificant(w.days, 4)), trimFloat(t.registryHourly.Value))
		}),
		Facts: w.facts(t.registryHourly)}, true
}

// jobsPullImages reports whether a bill pulls container images for its
// background jobs alone: the functions' where their jobs run on the
// cloud's container jobs. The cost axis prices the bills without the
// jobs, and adds their registry with their item (alongTheVolume).
func (w *workload) jobsPullImages(kind OptionKind) bool {
	return kind == Functions && w.c.jobsOffFunctions(w.k, w.in)
}

// teamTime is the team's time on an option's bill: its operations time
// where the answers count it, with the move of an existing application
// onto functions in it, or else that move alone (rewrite).
//
// Where the cost factor weighs the fleets' upkeep (fleetsUpkeep), the
// servers' and the serverless containers' bills carry their operations
// time beyond what the functions take, the least any option does: the
// machines' upkeep alone had weighed Compute Engine at $552 against
// Cloud Run jobs at $2,280 as alike, the 351 tasks' own hours left out.
func (w *workload) teamTime(kind OptionKind, opsBase, opsPerUnit *Fact, units float64) (Item, bool) {
	switch {
	case w.in.OpsCost:
		return w.ops(kind, opsBase, opsPerUnit, units), true
	case w.in.fleetsUpkeep && kind != Functions:
		it := w.ops(kind, opsBase, opsPerUnit, units)
		it.USD -= w.functionsTime()
		return it, true
	}
	return w.rewrite(kind)
}

// functionsTime is what the functions' operations time costs, the least
// any option takes, at the team's rate.
func (w *workload) functionsTime() float64 {
	hours, _ := w.opsHours(w.opsBase(Functions), nil, 0)
	return hours * w.opsRate()
}

// timeCounted reports whether the bill of kind carries the team's
// operations time (teamTime), which its sizes are then chosen with.
func (w *workload) timeCounted(kind OptionKind) bool {
	return w.in.OpsCost || (w.in.fleetsUpkeep && kind != Functions)
}

// logs prices the month's log bytes after the free allowance: the same
// bytes per request on every option of a cloud, at the rate every option
// pays (functionsLogTiers takes the functions' own tiers off theirs).
func (w *workload) logs() Item {
	t := &w.c.t
	gb := w.in.Requests * w.logBytes / 1e9
	free := w.allowance(t.logsFreeGB)
	return Item{ID: "logs", Label: w.c.Products.Logs, USD: t.logsGB.cost(w.k.billedLogGB(w.in, t.logsFreeGB)),
		Formula: w.describe(func() string {
			logged := fmt.Sprintf("%s × %s bytes = %s", plural(w.in.Requests, w.in.Entry.Piece()), trimFloat(w.logBytes), formatDataBy(t.logsGB, gb))
			if gb <= free {
				return logged + ", within the " + formatDataBy(t.logsGB, free) + " free"
			}
			u := t.logsGB.dataUnit()
			return fmt.Sprintf("%s%s × $%s", logged, freeNote(gb/u, free/u), trimFloat(t.logsGB.Value))
		}),
		Facts: w.facts(t.logsGB, t.logsFreeGB, w.k.logBytes)}
}

// functionsLogTiers is what the functions' own logs cost less than the
// flat rate every option's logs are billed at, where the cloud prices
// them on volume tiers of their own (functions_logs_gb): a discount on
// the functions' bill, which the cost factor counts as theirs, the flat
// logs staying what every option pays alike (so that the two fleets,
// which both pay them, compare as before). Lambda's logs past 10 TB a
// month had been billed at the flat $0.50 a GB, $12,497.50 where their
// tiers come to $8,810 (review 215).
func (w *workload) functionsLogTiers() (Item, bool) {
	t := &w.c.t
	if t.functionsLogsGB == nil {
		return Item{}, false
	}
	billed := w.k.billedLogGB(w.in, t.logsFreeGB)
	usd := t.functionsLogsGB.cost(billed) - t.logsGB.cost(billed)
	if w.in.onAxis {
		usd = -w.in.logsShare * t.logsGB.cost(billed)
	}
	if usd > -0.005 {
		return Item{}, false
	}
	return Item{ID: "logs_tiers", Label: "Volume tiers of " + w.c.Products.Functions + "'s own logs", USD: usd,
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s at $%s%s = %s, against %s at the flat $%s",
				formatData(billed), trimFloat(t.functionsLogsGB.Value), tierNote(t.functionsLogsGB, billed),
				FormatUSD(t.functionsLogsGB.cost(billed)), FormatUSD(t.logsGB.cost(billed)), trimFloat(t.logsGB.Value))
		}),
		Facts: w.facts(t.functionsLogsGB)}, true
}

// egress is the data transfer out of a bill, less sent GB that its
// connection service sends to the clients in place of the backend
// (Firebase, which bills the data it sends; 0 elsewhere): every bill's
// alike where nothing is sent so.
func (w *workload) egress(sent float64) Item {
	t := &w.c.t
	all := w.dataOutGB()
	gb := all - sent
	return Item{ID: "egress", Label: "Data transfer out", USD: w.egressUSD(gb),
		Formula: w.describe(func() string {
			what := trimFloat(w.in.EgressGB) + " GB" // as answered
			if all > w.in.EgressGB {
				what = trimFloat(RoundSignificant(all, 4)) + " GB"
			}
			switch {
			case sent > 0 && gb <= 0:
				return fmt.Sprintf("%s, all of it sent to the clients by the %s in place of the backend", what, w.c.Products.Messaging)
			case sent > 0:
				what = fmt.Sprintf("%s − %s the %s sends in place of the backend = %s GB", what, formatData(sent), w.c.Products.Messaging, trimFloat(RoundSignificant(gb, 4)))
			case all > w.in.EgressGB:
				what += fmt.Sprintf(" (the messages delivered to connected clients, more than the %s answered)", formatData(w.in.EgressGB))
			}
			u := t.egressGB.dataUnit()
			if u != 1 {
				what += " = " + formatDataBy(t.egressGB, gb)
			}
			return fmt.Sprintf("%s%s × $%s%s", what, freeNote(gb/u, w.allowance(t.egressFreeGB)/u), trimFloat(t.egressGB.Value), tierNote(t.egressGB, gb/u))
		}),
		Facts: w.facts(t.egressGB, t.egressFreeGB)}
}

// dataOutGB is the data every bill sends to the internet in the month:
// the data out answered, or where clients hold connections open, the
// messages delivered to them where those come to more, which a fleet's
// own processes send as a connection service does. Firebase had billed
// 200 GB of messages where the Compute Engine fleet sending them paid
// the 50 GB answered (review 104).
func (w *workload) dataOutGB() float64 { return w.k.dataOutGB(w.in) }

// dataOutGB is workload.dataOutGB for the inputs in.
func (k *commonTable) dataOutGB(in CostInputs) float64 {
	if !in.heldConnections() {
		return in.EgressGB
	}
	return max(in.EgressGB, k.messagesGB(in))
}

// egressUSD is what gb of data sent to the internet in the month costs,
// after the free allowance. The providers' tiers count the month's whole
// transfer, the free gigabytes among the first tier's: AWS's first 10 TB
// at $0.09 begin after its 100 free, which had been taken off the $0.085
// tier instead, 50 cents too much at 20 TB (review 96).
func (w *workload) egressUSD(gb float64) float64 {
	t := &w.c.t
	return t.egressGB.cost(gb) - t.egressGB.cost(min(gb, w.allowance(t.egressFreeGB)))
}

// allowance is a free allowance of data (sent, logged) that the bill
// takes: none where the answers leave the free tier out (freetier=no),
// which the account's other work spends, unless each project gets its
// own (Fact.PerProject: Cloud Logging's 50 GiB). AWS's 100 GB of data out
// had stayed free on an enterprise's bill that left the free tier out
// (review 198).
func (w *workload) allowance(free *Fact) float64 { return allowanceOf(w.in, free) }

// allowanceOf is workload.allowance for the inputs in.
func allowanceOf(in CostInputs, free *Fact) float64 {
	if !in.FreeTier && (free == nil || !free.PerProject) {
		return 0
	}
	return free.v()
}

// billedLogGB is the month's log data of the inputs, in GB, less the free
// allowance the bills take (allowanceOf): what the logs are priced on.
func (k *commonTable) billedLogGB(in CostInputs, free *Fact) float64 {
	return max(0, in.Requests*k.logBytesOf(in)/1e9-allowanceOf(in, free))
}

// logBytesOf is the bytes logged for each piece of work: the answers', or
// the model's assumption.
func (k *commonTable) logBytesOf(in CostInputs) float64 {
	if in.LogBytes < 0 {
		return k.logBytes.v()
	}
	return in.LogBytes
}

// opsHours is an option's operations time: its base hours and its hours
// per unit of the fleet, scaled by the team the answers describe (a team
// without operations staff takes longer, a dedicated one has the tooling).
func (w *workload) opsHours(base, perUnit *Fact, units float64) (float64, *Fact) {
	k := w.k
	share := k.opsShareParttime
	switch w.in.Ops {
	case "none":
		share = k.opsShareNone
	case "dedicated":
		share = k.opsShareDedicated
	}
	return (base.v() + perUnit.v()*units) * share.v(), share
}

// opsRate is the reader's hourly rate, or the assumed one.
func (w *workload) opsRate() float64 { return w.k.opsRate(w.in) }

// opsRate is the hourly rate of the team's time for the inputs: the
// reader's, or the assumed one.
func (k *commonTable) opsRate(in CostInputs) float64 {
	if in.OpsRate > 0 {
		return in.OpsRate
	}
	return k.opsHourly.v()
}

// ops prices an option's operations time, and on the functions' bill the
// month's share of re-architecting an existing application for them.
func (w *workload) ops(kind OptionKind, base, perUnit *Fact, units float64) Item {
	hours, share := w.opsHours(base, perUnit, units)
	audited, auditedFor := w.auditedHours(kind)
	hours += audited.v() * share.v()
	rewrite, move := w.rewriteHours(kind), w.move(kind)
	hours += rewrite
	rate := w.opsRate()
	it := Item{ID: "ops", Label: "Operations time", USD: hours * rate,
		Formula: w.describe(func() string {
			f := trimFloat(base.v()) + " h"
			if audited != nil {
				f += fmt.Sprintf(" + %s h %s", trimFloat(audited.v()), auditedFor)
			}
			if perUnit != nil || audited != nil {
				f = "(" + f
				if perUnit != nil {
					average := math.Round(units*10) / 10
					if units < 1 {
						average = RoundSignificant(units, 2) // 0.049 tasks, not "× 0"
					}
					f += fmt.Sprintf(" + %s h × %s on average", trimFloat(perUnit.v()), trimFloat(average))
				}
				f += ")"
			}
			f += fmt.Sprintf(" × %s%% for the team", trimFloat(share.Value))
			if rewrite > 0 {
				f += fmt.Sprintf(" + %s h %s ÷ %s months", trimFloat(move.hours.v()), move.doing, trimFloat(w.k.rewriteMonths.v()))
			}
			// As many figures, three at least, as bring the hours times the
			// rate to the item's amount to the cent, as the reader works it
			// out: "2 h × $90 per hour" had stood for $180.44.
			shown := RoundSignificant(hours, 3)
			for digits := 4; digits <= 6 && math.Abs(shown*rate-hours*rate) >= 0.005; digits++ {
				shown = RoundSignificant(hours, digits)
			}
			return fmt.Sprintf("%s = %s h × $%s per hour", f, trimFloat(shown), trimFloat(rate))
		}),
		Facts: w.facts(base, perUnit, audited, share, w.k.opsHourly)}
	if rewrite > 0 {
		it.Label = "Operations time and " + move.what
		it.Facts = append(it.Facts, w.facts(move.hours, w.k.rewriteMonths)...)
	}
	return it
}

// auditedHours is the operations time a compliance regime or full
// control of the machines adds to an option's, before the team's share,
// and what it is for: on servers, the operating system's hardening, patch
// and scan evidence and its access reviews, which the provider's own
// attestations cover on functions and serverless containers, and with
// full control the team's own images, kernel settings and network
// appliances besides. Nil where the answers ask for neither, or for
// those. Servers audited under a regime had taken the time of servers
// under none (review 187), and servers on the team's own images less
// than servers kept to a benchmark (review 206).
func (w *workload) auditedHours(kind OptionKind) (*Fact, string) {
	if kind != Servers {
		return nil, ""
	}
	switch w.in.Control {
	case "compliance":
		return w.k.opsHoursCompliance, "for the compliance regime's evidence"
	case "full":
		return w.k.opsHoursFullControl, "for the team's own images, kernel and network appliances"
	}
	return nil, ""
}

// rewrite is the month's share of re-architecting an existing server
// application for functions, on the functions' bill where the answers
// leave the team's operations time out (with it, the operations item
// carries it): development work that the move needs and no other option
// pays. Lambda at $32 a month had won over Fargate at $104 for an existing
// application, a saving the 160 hours of the move would take 17 years to
// repay.
func (w *workload) rewrite(kind OptionKind) (Item, bool) {
	hours := w.rewriteHours(kind)
	if hours == 0 {
		return Item{}, false
	}
	rate, move := w.opsRate(), w.move(kind)
	return Item{ID: "rewrite", Label: move.label, USD: hours * rate,
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s h ÷ %s months = %s h × $%s per hour", trimFloat(move.hours.v()), trimFloat(w.k.rewriteMonths.v()), trimFloat(RoundSignificant(hours, 3)), trimFloat(rate))
		}),
		Facts: w.facts(move.hours, w.k.rewriteMonths, w.k.opsHourly)}, true
}

// appMove is the development work an option's bill carries to move an
// existing server application onto it: the hours it takes, its item's
// label, what it is beside the operations time, and what the hours are
// spent doing (in a formula).
type appMove struct {
	hours              *Fact
	label, what, doing string
}

// move is the work of moving an existing application onto an option:
// re-architecting it for functions, or on serverless containers that end
// every connection, moving its stateful sessions out of its processes
// (sessionsLeaveProcesses). On servers it runs as it is.
func (w *workload) move(kind OptionKind) appMove {
	switch {
	case kind == Functions:
		return appMove{w.k.rewriteHours, "Re-architecting the application for functions", "the move to functions", "to re-architect the application"}
	case kind == Containers && w.sessionsLeaveProcesses():
		return appMove{w.k.sessionsMoveHours, "Moving the sessions' state out of the application", "the move of the sessions' state", "to move the sessions' state out of the processes"}
	}
	return appMove{}
}

// rewriteHours is the month's share of the move of an existing server
// application onto an option (move), spread over rewrite_months. A
// monolith on Lambda at $480 a month had won over Fargate at $907 on
// $390 of operations time assumed saved, with the rewrite that saving
// needs on no bill; an existing application's stateful sessions had gone
// to Cloud Run at $150 over Compute Engine at $65, the sessions' move out
// of its processes on no bill (review 171). Development work, so not
// scaled by the team's operations capacity.
func (w *workload) rewriteHours(kind OptionKind) float64 {
	move := w.move(kind)
	if !w.in.Rewrite || move.hours == nil {
		return 0
	}
	return move.hours.v() / w.k.rewriteMonths.v()
}
