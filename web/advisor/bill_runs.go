package advisor

import (
	"fmt"
	"math"
	"slices"
)

// Work that runs to completion (scheduled runs, queued work, background
// jobs) answers no client: it is priced per run, on a function where it
// fits, else on a container task or a machine started for the run and
// billed for its run time, with no availability minimum and no load
// balancer.

// run is one way to run work to completion: the machine or container size
// and the billed time of one run.
type run struct {
	m      machine
	billed float64 // seconds of one run, with the start
	usd    float64 // for all the runs
	start  *Fact   // the time each run's start is billed (runStart)
	free   float64 // the hours of the runs the free tier pays for (runFreeHours)
}

// runOn prices n runs of secs on m: each run pays for its start (the
// image pull or the boot, and the minimum billed time). ok is false when
// one run's memory does not fit, or m sustains less CPU than the run
// computes with.
func (w *workload) runOn(m machine, vm bool, n, secs float64, free bool) (run, bool) {
	r, ok := w.runCost(&m, vm, n, secs, free)
	r.m = m
	return r, ok
}

// runStart is the time a run's start is billed: the cloud's
// jobs_start_seconds for the containers of a platform that starts its
// own jobs in seconds and bills them from their start (Cloud Run jobs,
// Container Apps jobs), else run_start_seconds, the image pull or boot
// and the minute that tasks and machines bill at least (Fargate, EC2).
// Cloud Run jobs of 30 seconds had been billed 90 (review 188).
func (w *workload) runStart(vm bool) *Fact {
	if s := w.c.t.jobsStartSeconds; s != nil && !vm {
		return s
	}
	return w.k.runStartSeconds
}

// runCost prices n runs of secs on m, but for the machine, which the
// caller sets: the seconds each is billed and what they cost, with free
// less the hours the free tier pays for where m is its machine
// (runFreeHours).
func (w *workload) runCost(m *machine, vm bool, n, secs float64, free bool) (r run, ok bool) {
	gb := m.gb
	if vm {
		gb -= w.reservedGB()
	}
	// A size with less CPU than the run computes with would run it longer
	// than the answers say, past its own kind of job: it is no candidate,
	// as for a fleet.
	if _, ok := w.holds(gb, 1); !ok || m.sustained < w.cpu {
		return run{}, false
	}
	r = run{billed: secs + w.runStart(vm).v(), start: w.runStart(vm)}
	hours := n * r.billed / 3600
	if free {
		r.free = w.runFreeHours(m, hours)
	}
	r.usd = (hours - r.free) * m.hourly
	return r, true
}

// runFreeHours is how many of hours of machines started for each run the
// free tier pays for: all of them, up to its hours a month, where m is the
// free tier's machine (Compute Engine's e2-micro). A timer's 720 one-minute
// runs on e2-micro had been billed $0.20, as without the free tier (review
// 251). Only the requests' own runs take them: a fleet beside background
// jobs has taken them first.
func (w *workload) runFreeHours(m *machine, hours float64) float64 {
	if !w.in.FreeTier || m.freeHours == 0 {
		return 0
	}
	return min(hours, m.freeHours)
}

// startsEachRun reports whether the work may start a task or a machine
// for each run: a timer's run can wait for its start, and so can a queued
// piece of work at least as long as the start, but an event shorter than
// that would wait longer for its machine than it runs, so a worker kept
// running takes it (nobody boots a machine for a half-second event).
func (w *workload) startsEachRun() bool {
	return w.in.Entry == EntrySchedule || w.in.runsLong(w.k)
}

// runsLong reports whether each piece of the work runs to completion and
// takes at least as long as a task takes to start: a task or job started
// for each run then costs about what the run does, and keeps nothing
// running between runs (Option.RunsAlike). A 2-second run every minute
// runs on a task kept up all the time, no fleet-free job.
func (in CostInputs) runsLong(k *commonTable) bool {
	return in.Entry != EntryHTTP && max(in.DurationMS, 1)/1000 >= k.runStartSeconds.v()
}

// cheapestRun is the cheapest machine for n runs of secs. It reads the
// catalogue in place: most machines are passed over, and copying each
// was most of the time.
func (w *workload) cheapestRun(machines []machine, vm bool, n, secs float64, free bool) (run, bool) {
	best, found := run{usd: math.Inf(1)}, false
	for i := range machines {
		m := &machines[i]
		if r, ok := w.runCost(m, vm, n, secs, free); ok && r.usd < best.usd {
			best, found = r, true
			best.m = *m
		}
	}
	return best, found
}

// runsAtOnce is how many of n runs of r a month are running at once on
// average: the machines, tasks or jobs they keep busy.
func (w *workload) runsAtOnce(r run, n float64) float64 {
	return n * r.billed / (w.hours * 3600)
}

// runSizing describes runs of r: as many at once as the busiest hour
// overlaps.
func (w *workload) runSizing(r run, n float64) Sizing {
	s := Sizing{Machine: r.m.name, VCPU: r.m.vcpu, MemoryGB: r.m.gb, BoundBy: BoundByRuns, Billing: BillingRun}
	s.Instances = max(1, int(math.Ceil(w.peakRPS()*r.billed-1e-9)))
	s.Average = w.runsAtOnce(r, n)
	return s
}

// runServers is the servers bill of a machine of size m started for each
// request's run.
func (w *workload) runServers(m machine) (Bill, bool) {
	r, ok := w.runOn(m, true, w.in.Requests, w.durS, true)
	if !ok {
		return Bill{}, false
	}
	p := w.c.Products
	sz := w.runSizing(r, w.in.Requests)
	b := Bill{Kind: Servers, Product: p.Servers, Available: true, Sizing: w.keep(sz)}
	b.PeakConcurrency = w.peakRPS() * w.durS
	piece := w.in.Entry.Piece()
	it := w.runItem("instances", p.Servers+" "+m.name+", one per "+piece, r, w.in.Requests, piece)
	if r.free > 0 {
		it.Formula += w.describe(func() string {
			return fmt.Sprintf(", less the %s %s hours free under the free tier", formatWhole(r.free), m.name)
		})
		it.Facts = append(it.Facts, w.facts(w.c.t.serversFreeHours)...)
	}
	w.add(&b, it)
	if d, fact := w.c.commitment(Servers, w.in); !m.noCommit {
		w.addRunsCommitment(&b, r, w.in.Requests, d, fact, it.USD, w.c.ServersCommitByMachine)
	}
	w.addDisks(&b, sz.Average*w.hours, r.free)
	w.addNetwork(&b, w.c.t.lcuGBPerHourServer, sz.Average*w.hours, 1, sz.VCPU, false, "machine-hours")
	w.finish(&b, w.opsBase(Servers), w.k.opsHoursPerServer, sz.Average)
	return b, true
}

// runContainers is the containers bill of a task of size m for each
// request's run (a Fargate task, a Cloud Run job, a Container Apps job).
func (w *workload) runContainers(m machine) (Bill, bool) {
	r, ok := w.runOn(m, false, w.in.Requests, w.durS, false)
	if !ok {
		return Bill{}, false
	}
	p := w.c.Products
	sz := w.runSizing(r, w.in.Requests)
	b := Bill{Kind: Containers, Product: p.Jobs, Available: true, Sizing: w.keep(sz)}
	b.PeakConcurrency = w.peakRPS() * w.durS
	piece := w.in.Entry.Piece()
	label := p.Jobs + " (" + m.name + "), one per " + piece
	it, free := w.freeJobsItem("compute", label, r, w.in.Requests, piece, w.jobsGrantLeft(Containers))
	if !free {
		it = w.runItem("compute", label, r, w.in.Requests, piece)
	}
	w.add(&b, it)
	d, fact := w.jobsCommitment()
	w.addRunsCommitment(&b, r, w.in.Requests, d, fact, it.USD, false)
	if w.c.ContainersBilling == BillingInstance {
		w.addNetwork(&b, w.c.t.lcuGBPerHourServer, sz.Average*w.hours, 1, sz.VCPU, false, "task-hours")
	} else if it, ok := w.privateEgress(func() float64 { return sz.Average * w.hours * 3600 }); ok {
		// Jobs in the private network compliance asks for reach the
		// internet as the platform's services do: Container Apps and
		// Cloud Run jobs had paid no NAT where every other option did.
		w.add(&b, it)
	}
	w.finish(&b, w.opsBase(Containers), w.k.opsHoursPerTask, sz.Average)
	return b, true
}

// runItem is the item of n runs of r, each a piece of the work ("event",
// "run").
func (w *workload) runItem(id, label string, r run, n float64, piece string) Item {
	return Item{ID: id, Label: label, USD: r.usd,
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s × %s × $%s per hour", w.runCount(id, n, piece), w.runLength(id, r), trimPrice(r.m.hourly))
		}),
		Facts: w.facts(r.m.fact, r.start, w.jobRunsFact(id))}
}

// runLength is how long a formula bills each run: with the time it takes
// to start, and for the background jobs, whose length the answer names
// only as a range, the length the model takes for it (an hour for jobs
// longer than 15 minutes had read as a bare "61 minutes", review 150).
func (w *workload) runLength(id string, r run) string {
	start := formatSeconds(r.start.v())
	if _, secs, ok := w.k.job(w.in); id == "jobs" && ok {
		return fmt.Sprintf("%s (%s taken for the answer, with %s to start)", formatSeconds(math.Round(r.billed)), formatSeconds(secs), start)
	}
	return fmt.Sprintf("%s (with %s to start)", formatSeconds(math.Round(r.billed)), start)
}

// runCount is how many runs a formula counts. The background jobs' count
// is the reader's answer, or where the answers give none, the model's
// assumption, which their formula says it is.
func (w *workload) runCount(id string, n float64, piece string) string {
	switch {
	case id != "jobs":
		return plural(math.Round(n), piece)
	case w.in.JobRuns <= 0:
		return plural(math.Round(n), piece) + " a month (assumed)"
	}
	return plural(math.Round(n), piece) + " a month"
}

// jobRunsFact is the assumed count of the background jobs' runs, which
// their items cite where the answers give none; nil for other runs.
func (w *workload) jobRunsFact(id string) *Fact {
	if id == "jobs" && w.in.JobRuns <= 0 {
		return w.k.jobRuns
	}
	return nil
}

// freeJobsItem is runItem's item for n runs of r on the jobs product
// within what is left to them of its monthly free grant (Cloud Run jobs,
// Container Apps jobs), when the answers take the free tiers and the
// cloud has one; ok is false otherwise.
func (w *workload) freeJobsItem(id, label string, r run, n float64, piece string, left [2]float64) (Item, bool) {
	t := &w.c.t
	if w.jobsGrant() == ([2]float64{}) {
		return Item{}, false
	}
	vcpu, gb := w.jobRates()
	vcpus, gbs := n*r.billed*r.m.vcpu, n*r.billed*r.m.gb
	freeVCPU, freeGB := left[0], left[1]
	return Item{ID: id, Label: label, granted: [2]float64{min(vcpus, freeVCPU), min(gbs, freeGB)},
		USD: max(0, vcpus-freeVCPU)*vcpu.v() + max(0, gbs-freeGB)*gb.v(),
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s × %s: %s vCPU-seconds%s × $%s + %s GB-seconds%s × $%s",
				w.runCount(id, n, piece), w.runLength(id, r),
				formatWhole(vcpus), freeNote(vcpus, freeVCPU), trimFloat(vcpu.Value), formatWhole(gbs), freeNote(gbs, freeGB), trimFloat(gb.Value))
		}),
		Facts: w.facts(vcpu, gb, t.jobsFreeVCPUSeconds, t.jobsFreeGBSeconds, r.m.fact, r.start, w.jobRunsFact(id))}, true
}

// jobsGrant is the jobs product's whole monthly free grant, in
// vCPU-seconds and GB-seconds, where the answers take the free tiers.
func (w *workload) jobsGrant() [2]float64 {
	t := &w.c.t
	if !w.in.FreeTier || t.jobsFreeVCPUSeconds == nil || t.jobsFreeGBSeconds == nil {
		return [2]float64{}
	}
	return [2]float64{t.jobsFreeVCPUSeconds.v(), t.jobsFreeGBSeconds.v()}
}

// jobsGrantLeft is what the background jobs leave of the jobs product's
// free grant on the bill of kind. The jobs take it first: they cost the
// same at every volume, and whichever draws first, the bill's free
// seconds come to the same. Cloud Run's jobs and its instance-based
// billing share one grant, Container Apps' jobs and apps another
// (JobsShareServingGrant); each had taken it whole beside the other.
func (w *workload) jobsGrantLeft(kind OptionKind) [2]float64 {
	return grantLeft(w.jobsGrant(), w.jobsTaken(kind))
}

// grantLeft is what is left of a grant of vCPU-seconds and GB-seconds
// once took is taken from it.
func grantLeft(grant, took [2]float64) [2]float64 {
	return [2]float64{max(0, grant[0]-took[0]), max(0, grant[1]-took[1])}
}

// jobsTaken is what the background jobs take of the jobs product's free
// grant on the bill of kind, once known.
func (w *workload) jobsTaken(kind OptionKind) [2]float64 {
	took := &w.jobsTook[slices.Index(OptionKinds, kind)]
	if !took.known {
		if it, ok := w.jobsItem(kind); ok {
			took.granted = it.granted
		}
		took.known = true
	}
	return took.granted
}

// jobRates are the prices of a vCPU-second and a GB-second on the cloud's
// jobs product: Cloud Run jobs bill at the instance-based rates, Fargate
// tasks and Container Apps jobs at the containers' own.
func (w *workload) jobRates() (vcpu, gb *Fact) {
	t := &w.c.t
	switch {
	case t.containersVCPUSecondInstance != nil && t.containersGBSecondInstance != nil:
		return t.containersVCPUSecondInstance, t.containersGBSecondInstance
	case w.in.Arm && t.containersVCPUSecondArm != nil && t.containersGBSecondArm != nil:
		return t.containersVCPUSecondArm, t.containersGBSecondArm
	}
	return t.containersVCPUSecond, t.containersGBSecond
}

// jobsCommitment is the commitment discount on the cloud's jobs product:
// the instance-based one where the jobs bill at those rates (Cloud Run
// jobs, under Compute flexible committed use discounts), else the
// containers' own.
func (w *workload) jobsCommitment() (float64, *Fact) {
	t := &w.c.t
	if vcpu, _ := w.jobRates(); vcpu == t.containersVCPUSecondInstance {
		return discount(w.in, t.containersCommitInstance1y, t.containersCommitInstance3y)
	}
	return w.c.commitment(Containers, w.in)
}

// addRunsCommitment adds what a commitment at discount d takes off n runs
// of r. The spend is committed by the hour, as for a fleet (commitCost):
// runs spread evenly over the hours they run in spend alike in each, so
// committing that hourly spend, paid in every hour of the month, saves
// where those hours make up more of the month than the committed price is
// of the full one (runsUse.saving). A nightly job, running one hour a day,
// gains nothing; 720 forty-minute runs a month, one in nearly every hour,
// gain nearly the whole discount. Counted in whole machines or tasks
// busy at once on average, those runs, two thirds of one, had taken a
// third of the discount, and an hourly half-hour run none (review 235),
// though Savings Plans and flexible commitments are bought in dollars an
// hour and a reserved size in fractions of a larger one. It takes off no
// more than the runs' spend spread over the day like the load allows,
// nor more than its discount of billed, what the runs' item charges after
// any free grant: Cloud Run jobs within theirs had taken none at all.
// A commitment bought for whole machines (byMachine) saves by the
// machines the runs keep busy (machinesSaving) instead.
func (w *workload) addRunsCommitment(b *Bill, r run, n, d float64, fact *Fact, billed float64, byMachine bool) {
	if d <= 0 {
		return
	}
	use := w.runsUse(n, r.billed)
	// Queued events that come in bursts keep many tasks busy at the
	// busiest hours and few at the quietest (a spiky queue's 13 tasks on
	// average had all been committed).
	shaped := r.usd - w.committed(r.usd, 0, d)
	usd := min(use.saving(r.usd, d, byMachine), shaped, d*billed)
	if usd <= 0 {
		return
	}
	w.add(b, Item{ID: "commitment", Label: fact.Label, USD: -usd,
		Formula: w.describe(func() string {
			switch {
			case usd == d*billed && billed < r.usd:
				return fmt.Sprintf("%s%% off what the runs are billed beyond the free grant", trimFloat(fact.Value))
			case usd == shaped:
				return fmt.Sprintf("%s%% off the part of the runs' spend %s all reach", trimFloat(fact.Value), busiestHours(d))
			}
			return use.committed(d, byMachine, w.hours, fact)
		}), Facts: w.facts(fact)})
}

// runsUse is how runs use the month's hours, for a commitment: share is
// the share of the hours they run in, and busy how many they keep running
// at once on average; runs on instances up every hour (workers kept
// running, a fleet's share) are everyHour.
type runsUse struct{ share, busy float64 }

var everyHour = runsUse{share: 1, busy: math.Inf(1)}

// runsUse is the use of n runs of billed seconds each spread evenly over
// the month: each run takes the clock hours its time spans, at least one,
// and runs more often than hourly take every hour.
func (w *workload) runsUse(n, billed float64) runsUse {
	return runsUse{share: min(1, n*max(1, math.Ceil(billed/3600))/w.hours), busy: n * billed / (w.hours * 3600)}
}

// saving is what a commitment at discount d takes off usd spent on the
// runs. Bought as a spend an hour, the runs' hourly spend is committed at
// the lower price and paid in every hour, where that costs less than the
// spend on demand; runs in every hour take the whole discount. Bought for
// whole machines (byMachine), paid every hour whether they run or not, it
// takes off what the machines the runs keep busy every hour cost, the
// whole part of busy, and one more where the hours it runs in make up
// more of the month than the discounted price is of the full one; the
// rest stays on demand.
func (u runsUse) saving(usd, d float64, byMachine bool) float64 {
	if u.perMachine(byMachine) {
		committed, left := u.machines(d)
		return usd * max(0, 1-(committed*(1-d)+left)/u.busy)
	}
	switch {
	case u.share >= 1:
		return d * usd
	case u.share <= 1-d:
		return 0
	}
	return usd * (1 - (1-d)/u.share)
}

// perMachine reports whether a commitment bought for whole machines
// (byMachine) prices the runs by the machines they keep busy: not where
// they run on instances up every hour, which take the whole discount.
func (u runsUse) perMachine(byMachine bool) bool { return byMachine && !math.IsInf(u.busy, 1) }

// machines is how many machines a commitment bought for whole machines at
// discount d covers (saving), and the average the rest keep running.
func (u runsUse) machines(d float64) (committed, left float64) {
	committed, left = math.Floor(u.busy), u.busy-math.Floor(u.busy)
	if left > 1-d {
		committed, left = committed+1, 0
	}
	if committed == 0 {
		return 0, u.busy
	}
	return committed, left
}

// committed says how a commitment at fact's discount prices the runs
// (saving), over a month of hours.
func (u runsUse) committed(d float64, byMachine bool, hours float64, fact *Fact) string {
	if u.perMachine(byMachine) {
		committed, left := u.machines(d)
		s := fmt.Sprintf("the runs keep %s running at once on average: %s committed for %s h at %s%% off", trimFloat(RoundSignificant(u.busy, 2)), formatWhole(committed), trimFloat(hours), trimFloat(fact.Value))
		if left > 0 {
			s += ", the rest on demand"
		}
		return s
	}
	if u.share >= 1 {
		return fmt.Sprintf("%s%% off every hour: the runs spend alike in each", trimFloat(fact.Value))
	}
	return fmt.Sprintf("the runs take %s%% of the month's hours: their hourly spend committed at %s%% off, paid in every hour", trimFloat(RoundSignificant(u.share*100, 2)), trimFloat(fact.Value))
}

// commitJobs takes the answers' commitment at discount d off the
// background jobs' item, as off the option's own work (addRunsCommitment): in
// full where they run on instances up every hour (everyHour), else by how
// their runs use the month's hours (runsUse.saving). A three-year
// commitment had taken half off an enterprise's fleet and nothing off its
// jobs' worker kept running beside it (review 179), which the same runs
// asked as the workload itself had taken.
func (w *workload) commitJobs(it *Item, use runsUse, d float64, fact *Fact, byMachine bool) {
	if d <= 0 || fact == nil {
		return
	}
	saving := use.saving(it.USD, d, byMachine)
	if saving <= 0 {
		return
	}
	it.USD -= saving
	formula := it.Formula
	it.Formula = w.describe(func() string {
		if use == everyHour || (use.share >= 1 && !byMachine) {
			return fmt.Sprintf("%s, with %s%% off every hour (%s)", formula, trimFloat(fact.Value), fact.Label)
		}
		return fmt.Sprintf("%s, less a commitment: %s (%s)", formula, use.committed(d, byMachine, w.hours, fact), fact.Label)
	})
	it.Facts = append(it.Facts, w.facts(fact)...)
}

// jobMachines are the container sizes priced at the rates of the cloud's
// jobs product.
func (w *workload) jobMachines() []machine {
	vcpu, gb := w.jobRates()
	return w.c.containerMachines(vcpu, gb)
}

// job is the answers' longest background job: how many runs a month and
// how long each takes. ok is false without one, and when the work arrives
// on a schedule: the scheduled runs are then the jobs themselves.
func (k *commonTable) job(in CostInputs) (n, secs float64, ok bool) {
	if !in.backgroundJobs() {
		return 0, 0, false
	}
	switch in.Jobs {
	case "short":
		secs = k.jobShortS.v()
	case "minutes":
		secs = k.jobMinutesS.v()
	default:
		secs = k.jobHoursS.v()
	}
	if n = in.JobRuns; n <= 0 {
		n = k.jobRuns.v()
	}
	return n, secs, true
}

// jobsItem prices the background jobs on the option of kind: as function
// invocations where they fit the functions' limits, as container tasks
// otherwise and on the containers option, and as a machine started for
// each run on the servers option.
func (w *workload) jobsItem(kind OptionKind) (Item, bool) {
	if w.sampling == nil {
		return w.priceJobs(kind)
	}
	kept := &w.sampling.jobs[slices.Index(OptionKinds, kind)]
	if !kept.known {
		kept.item, kept.ok = w.priceJobs(kind)
		kept.known = true
	}
	return kept.item, kept.ok
}

// priceJobs prices the background jobs for jobsItem.
func (w *workload) priceJobs(kind OptionKind) (Item, bool) {
	n, secs, ok := w.k.job(w.in)
	if !ok {
		return Item{}, false
	}
	if kind == Functions && !w.c.jobsOffFunctions(w.k, w.in) {
		return w.functionJobs(n, secs), true
	}
	label, vm, machines := w.c.Products.Jobs, false, w.jobMachines()
	d, fact := w.jobsCommitment()
	if kind == Servers {
		label, vm, machines = w.c.Products.Servers, true, w.serverMachines()
		d, fact = w.c.commitment(Servers, w.in)
	}
	// commit takes the commitment off the item of runs on m, which some
	// machines take none of.
	commit := func(it Item, m *machine, use runsUse) Item {
		if !m.noCommit {
			w.commitJobs(&it, use, d, fact, kind == Servers && w.c.ServersCommitByMachine)
		}
		return it
	}
	r, ok := w.cheapestRun(machines, vm, n, secs, false)
	if !ok {
		return Item{}, false
	}
	perRun := !vm || w.startsMachines(n)
	if kind != Functions && w.in.Jobs == "short" && !w.startsEachRun() {
		it, m, use := w.shortJobsItem(kind, label, machines, vm, r, n, secs, perRun)
		return commit(it, m, use), true
	}
	below := r.usd + w.runDisksUSD(vm, n, r)
	if !perRun {
		below = math.Inf(1)
	}
	if wk, ok := w.cheapestWorkers(machines, vm, n, secs, below); ok {
		// Many runs a month cost less on workers kept running, which
		// take each from a queue, than on a machine or task started for
		// each: 1,000,000 one-minute jobs had cost $420 of EC2
		// machines started one per run (review 117).
		if kind != Servers {
			// A service kept running, not the jobs product's runs,
			// which end (a Cloud Run job's task within 168 hours).
			label = w.c.Products.Containers
		}
		return commit(w.workersItem(label, wk, n, secs), &wk.m, everyHour), true
	}
	it := commit(w.runsItem(kind, label, r, n), &r.m, w.runsUse(n, r.billed))
	if kind == Functions && w.in.OpsCost && !w.c.FunctionsOnContainers {
		// Beside the functions, the jobs' platform is a second one to
		// deploy, watch and secure: its operations time is the split's
		// too, where the split's bill had carried the functions' 4 hours
		// alone. It is a jobs platform's, not a service's: an Azure
		// split had carried Container Apps' full 8 hours for its jobs.
		// Where the functions are the serverless containers' services
		// (a Cloud Run function is a Cloud Run service), the jobs run on
		// the same platform, which the containers' bill counts no hours
		// for either: Cloud Run functions had carried $180 for Cloud Run
		// jobs that Cloud Run services ran for nothing more.
		ops := w.ops(Containers, w.k.opsHoursJobs, nil, 0)
		it.USD += ops.USD
		it.teamUSD = ops.USD
		it.Formula = w.describe(func() string { return it.Formula + "; + operations time for " + label + ": " + ops.Formula })
		it.Facts = append(it.Facts, ops.Facts...)
	}
	return it, true
}

// shortJobsItem prices jobs of seconds beside a fleet (an option that
// keeps instances up for the work, not one started for each run): it runs them
// as one more worker, taking a share of its instances' time (fleetShare),
// unless a task or machine started for each run costs less (a few runs
// within a jobs product's free grant). Priced on a worker of their own,
// kept running all month, 30,000 thirty-second runs had added a whole
// Fargate task or EC2 machine to a fleet whose two sat nearly idle, while
// the reason said the fleet runs them (review 156).
// It returns the machine the item is priced on and how the runs use the
// month's hours, everyHour for a share of machines up every hour, for the
// commitment.
func (w *workload) shortJobsItem(kind OptionKind, label string, machines []machine, vm bool, r run, n, secs float64, perRun bool) (Item, *machine, runsUse) {
	it := w.runsItem(kind, label, r, n)
	if kind == Containers {
		label = w.c.Products.Containers
	}
	if sh, ok := w.fleetShare(machines, vm, n, secs); ok && (sh.usd < it.USD || !perRun) {
		return w.shareItem(label, sh, n, secs), &sh.m, everyHour
	}
	return it, &r.m, w.runsUse(n, r.billed)
}

// startsMachines reports whether a bill may start a machine for each of n
// runs a month: at most machine_starts_max_per_hour of them an hour on
// average. More often, a machine is kept running for them: a run of 20
// seconds every 5 minutes had booted 8,640 EC2 machines a month, which
// nobody does for a cron job (review 158). Container tasks and jobs start
// for each run however often: their platforms are made for it.
func (w *workload) startsMachines(n float64) bool {
	return n/w.hours <= w.k.machineStartsMaxPerHour.v()
}

// runsPublicHours is how many hours of public IPv4 addresses n runs of r
// hold, each on a task or machine of its own with an address while it
// runs, and what holds them ("task" or "machine"): machines (kind
// Servers) and tasks billed by the instance (Fargate), outside a private
// network, whose NAT takes their calls out; ok is false where the cloud
// bills no address or the platform's jobs need none (Cloud Run jobs,
// Container Apps jobs).
func (w *workload) runsPublicHours(kind OptionKind, n float64, r run) (hours float64, what string, ok bool) {
	what = "task"
	if kind == Servers {
		what = "machine"
	}
	ok = w.c.t.ipv4Hourly != nil && !w.in.privateNetwork() && (kind == Servers || w.c.ContainersBilling == BillingInstance)
	return n * r.billed / 3600, what, ok
}

// runsItem is the background jobs' item for a task or machine started for
// each of n runs of r, within the jobs product's free grant where the
// option draws on it.
func (w *workload) runsItem(kind OptionKind, label string, r run, n float64) Item {
	it := w.runItem("jobs", w.describe(func() string { return "Background jobs on " + label + " (" + r.m.name + ")" }), r, n, "run")
	if kind == Servers && w.bootDisksPriced() {
		// A machine started for each run boots from a disk of its own,
		// billed while it runs, as a fleet's machines and a timer's are:
		// 100,000 runs a month had left about $60 of disks off a $237
		// bill (review 114).
		machineHours, formula := n*r.billed/3600, it.Formula
		it.USD += w.runDisksUSD(true, n, r)
		it.Formula = w.describe(func() string {
			return fmt.Sprintf("%s + %s machine-hours × $%s an hour for each machine's boot disk", formula, formatWhole(machineHours), trimPrice(w.diskHourly()))
		})
	}
	if hours, what, ok := w.runsPublicHours(kind, n, r); ok {
		// A task or machine started for each run has a public address
		// while it runs, as a timer's runs do: the background jobs had
		// left it off (review 242).
		formula, ipv4 := it.Formula, w.c.t.ipv4Hourly
		it.USD += hours * ipv4.v()
		it.Formula = w.describe(func() string {
			return fmt.Sprintf("%s + %s × $%s for each %s's public IPv4 address", formula, formatWhole(hours)+" "+what+"-hours", trimFloat(ipv4.Value), what)
		})
		it.Facts = append(it.Facts, w.facts(ipv4)...)
	}
	if kind != Servers {
		// The jobs take the jobs product's free grant first, and what
		// else on the bill draws on it takes what they leave
		// (jobsGrantLeft): 60 hour-long Cloud Run jobs had cost $1.54
		// beside Cloud Run services billed by request, whose grant is
		// another, and nothing beside Cloud Run functions (reviews 137,
		// 139).
		if free, ok := w.freeJobsItem("jobs", it.Label, r, n, "run", w.jobsGrant()); ok {
			it = free
		}
		it.onJobs = true
	}
	return it
}

// runDisksUSD is what the boot disks of machines started for n runs of r
// cost, less those of the hours the free tier pays for (freeDiskHours).
func (w *workload) runDisksUSD(vm bool, n float64, r run) float64 {
	return (n*r.billed/3600 - w.freeDiskHours(r.free)) * w.bootDiskHourly(vm)
}

// bootDiskHourly is what a machine's boot disk costs an hour: nothing for
// container tasks, or where the cloud prices no disk apart.
func (w *workload) bootDiskHourly(vm bool) float64 {
	if !vm || !w.bootDisksPriced() {
		return 0
	}
	return w.diskHourly()
}

// workers are machines or tasks of one size kept running all month, each
// taking up to slots runs at once from a queue.
type workers struct {
	m            machine
	count, slots float64
	vm           bool
	usd          float64 // with the machines' boot disks
}

// cheapestWorkers is the cheapest way to run n runs of secs a month on
// workers kept running: of each size, as many as carry the runs' time at
// the utilisation of workers fed by a queue (queue_target_utilisation),
// as the fleets that consume queued events are held, each taking as many runs at once as its memory holds, each run in
// memory of its own (a job holds its own data, where requests share a
// runtime), and its processor sustains, one at least: burstable machines
// count their baseline, not their bursts (review 118 had found an
// e2-micro, a quarter of a vCPU all day, running a job that computes with
// a whole one). Only workers that cost less than below, what the runs
// cost started one by one, count: one worker of a size all month costs
// more than a nightly job's runs, which rules most sizes out unsized.
func (w *workload) cheapestWorkers(machines []machine, vm bool, n, secs, below float64) (workers, bool) {
	best, found := workers{usd: below}, false
	inFlight := n * secs / (w.hours * 3600)
	util := w.k.queueUtilisation.v()
	for i := range machines {
		m := &machines[i] // read in place, as cheapestRun reads them
		if w.hours*m.hourly >= best.usd {
			continue // one of them all month costs as much already
		}
		slots, ok := w.workerSlots(m, vm)
		if !ok {
			continue
		}
		count := max(1, math.Ceil(inFlight/(slots*util)-1e-9))
		if usd := count * w.hours * (m.hourly + w.bootDiskHourly(vm)); usd < best.usd {
			best, found = workers{m: *m, count: count, slots: slots, vm: vm, usd: usd}, true
		}
	}
	return best, found
}

// workerSlots is how many runs at once a worker on m takes: whole runs,
// each in memory of its own and with the processor share it computes
// with; ok is false when m holds none.
func (w *workload) workerSlots(m *machine, vm bool) (float64, bool) {
	gb := m.gb
	if vm {
		gb -= w.reservedGB()
	}
	if m.sustained < w.cpu {
		return 0, false
	}
	// Whole runs at once: a worker takes the next when one ends.
	slots := math.Floor(min(gb/(w.in.MemoryMB/1024), m.sustained/w.cpu) + 1e-9)
	return slots, slots >= 1
}

// fleetShare is the share of a fleet's instance time that n runs of secs
// take as one more worker in it: the workers kept running that would
// carry them alone (cheapestWorkers), in fractions of an instance, at
// their hourly rate alone, since the fleet's machines are already up and
// booted. The fleet's own size moves with the volume and the jobs' item
// does not, so the share is counted in the workers' size: one that holds
// a run, where the cheapest share of any size had named a 64-vCPU machine
// for runs of half a vCPU.
func (w *workload) fleetShare(machines []machine, vm bool, n, secs float64) (workers, bool) {
	wk, ok := w.cheapestWorkers(machines, vm, n, secs, math.Inf(1))
	if !ok {
		return workers{}, false
	}
	wk.count = n * secs / (w.hours * 3600) / (wk.slots * w.k.queueUtilisation.v())
	wk.usd = wk.count * w.hours * wk.m.hourly
	return wk, true
}

// workersNoun is what the jobs' workers are called in a formula, and the
// facts their item cites: the size, the queue's utilisation, the runs
// where assumed, and a machine's operating system's memory.
func (w *workload) workersNoun(wk workers) (string, []*Fact) {
	facts := w.facts(wk.m.fact, w.k.queueUtilisation, w.jobRunsFact("jobs"))
	if !wk.vm {
		return "instance", facts
	}
	return "machine", append(facts, w.reservedFacts()...)
}

// reservedGB is the memory a virtual machine keeps for itself before any
// request or run: its operating system's, and where the servers run an
// enterprise's or a compliance regime's machines (SteadyMachines), the
// agents its policy installs: a 2 GB high-CPU machine had held a 1 GB
// request beside the operating system for an enterprise with no room for
// them (review 164).
func (w *workload) reservedGB() float64 {
	gb := w.k.osMemoryGB.v()
	if w.in.SteadyMachines {
		gb += w.k.estateAgentsMemoryGB.v()
	}
	return gb
}

// reservedFacts are the facts reservedGB reads.
func (w *workload) reservedFacts() []*Fact {
	if w.in.SteadyMachines {
		return w.facts(w.k.osMemoryGB, w.k.estateAgentsMemoryGB)
	}
	return w.facts(w.k.osMemoryGB)
}

// shareItem is the background jobs' item as a share of a fleet's
// instances (fleetShare).
func (w *workload) shareItem(label string, sh workers, n, secs float64) Item {
	noun, facts := w.workersNoun(sh)
	// The share is priced at the size a worker of their own would take,
	// not the fleet's, whose size moves with the volume: the label names
	// no size, which had read as a machine beside the fleet (review 161).
	return Item{ID: "jobs", Label: w.describe(func() string { return "Background jobs beside the requests on " + label }), USD: sh.usd,
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s × %s are %s at once on average, which the fleet's %ss take as one more worker: their share of its hours, priced at the size a worker of their own would take (%s, up to %s at once held at %s%% of that), %s of one × %s h × $%s per hour",
				w.runCount("jobs", n, "run"), formatSeconds(secs), trimFloat(RoundSignificant(n*secs/(w.hours*3600), 2)), noun,
				sh.m.name, formatWhole(sh.slots), trimFloat(w.k.queueUtilisation.v()*100),
				trimFloat(RoundSignificant(sh.count, 2)), trimFloat(w.hours), trimPrice(sh.m.hourly))
		}),
		Facts: facts}
}

// workersItem is the background jobs' item on workers kept running.
func (w *workload) workersItem(label string, wk workers, n, secs float64) Item {
	noun, facts := w.workersNoun(wk)
	return Item{ID: "jobs", Label: w.describe(func() string { return "Background jobs on " + label + " (" + wk.m.name + "), kept running" }), USD: wk.usd,
		Formula: w.describe(func() string {
			f := fmt.Sprintf("%s × %s h × $%s per hour", plural(wk.count, noun), trimFloat(w.hours), trimPrice(wk.m.hourly))
			if disk := w.bootDiskHourly(wk.vm); disk > 0 {
				f += fmt.Sprintf(" + $%s an hour for each one's boot disk", trimPrice(disk))
			}
			return f + fmt.Sprintf(", taking the runs from a queue: %s × %s are %s at once on average, each %s taking up to %s at once and held at %s%% of that",
				w.runCount("jobs", n, "run"), formatSeconds(secs), trimFloat(RoundSignificant(n*secs/(w.hours*3600), 2)), noun, formatWhole(wk.slots), trimFloat(w.k.queueUtilisation.v()*100))
		}),
		Facts: facts}
}

// functionJobs prices the background jobs as function invocations, each
// alone on its instance, at the on-demand rates, within the functions'
// free grant, which they take first (functionsGrantLeft), less the
// functions' commitment on the executions they keep busy (commitJobs).
func (w *workload) functionJobs(n, secs float64) Item {
	t := &w.c.t
	mem, billed, use := w.functionJobsUse(n, secs)
	onDemand, _, _ := w.gbSecondPrices()
	grant := w.functionJobsGrant()
	usd := onDemand.v()*max(0, use.gbs-grant.gbs) + t.functionsVCPUSecond.v()*max(0, use.vcpus-grant.vcpus) + t.functionsRequests.v()/1e6*max(0, n-grant.requests)
	it := Item{ID: "jobs", Label: "Background jobs on " + w.c.Products.Functions, USD: usd,
		Formula: w.describe(func() string {
			// A run the memory's share of a vCPU stretches says so: "20
			// minutes at 512 MB (10 minutes taken for the answer)" had
			// read as an error (review 253).
			taken := formatSeconds(secs) + " taken for the answer"
			if billed > 1.01*secs {
				taken += fmt.Sprintf(", longer on the %s vCPU %s MB gets", trimFloat(RoundSignificant(w.functionVCPU(mem), 2)), formatWhole(mem))
			}
			f := fmt.Sprintf("%s × %s at %s MB (%s): %s GB-seconds%s × $%s", w.runCount("jobs", n, "run"), formatSeconds(math.Round(billed)), formatWhole(mem), taken,
				formatWhole(use.gbs), freeNote(use.gbs, grant.gbs), trimFloat(onDemand.Value))
			if use.vcpus > 0 && t.functionsVCPUSecond.v() > 0 {
				f += fmt.Sprintf(" + %s vCPU-seconds%s × $%s", formatWhole(use.vcpus), freeNote(use.vcpus, grant.vcpus), trimFloat(t.functionsVCPUSecond.Value))
			}
			if n > grant.requests {
				f += fmt.Sprintf(" + %s%s × %s", plural(n, "invocation"), freeNote(n, grant.requests), perMillion(t.functionsRequests))
			}
			return f
		}),
		Facts: w.facts(onDemand, t.functionsVCPUSecond, t.functionsRequests, t.functionsFreeGBSeconds, w.jobRunsFact("jobs"))}
	d, fact := w.c.commitment(Functions, w.in)
	w.commitJobs(&it, w.runsUse(n, billed), d, fact, false)
	return it
}

// functionsUse is a share of the functions' monthly free grant, or what
// some work would take of it: GB-seconds, vCPU-seconds and invocations.
type functionsUse struct{ gbs, vcpus, requests float64 }

// functionJobsUse is the memory each of n background jobs of secs runs
// with as a function invocation, the time each is billed for, and what
// they use of what the functions' grant covers.
func (w *workload) functionJobsUse(n, secs float64) (mem, billed float64, use functionsUse) {
	mem = w.jobMemoryMB(secs)
	if w.c.FunctionsBilling == BillingInstance {
		mem = w.functionsInstance().MemoryMB
	}
	billed = secs * w.stretch(mem)
	return mem, billed, functionsUse{n * billed * mem / 1024, n * billed * w.vcpuFor(mem), n}
}

// functionsGrant is the functions' monthly free grant where the answers
// take the free tiers.
func (w *workload) functionsGrant() functionsUse {
	t := &w.c.t
	if !w.in.FreeTier {
		return functionsUse{}
	}
	return functionsUse{t.functionsFreeGBSeconds.v(), t.functionsFreeVCPUSeconds.v(), t.functionsFreeRequests.v()}
}

// functionsGrantLeft is what the background jobs run as function
// invocations leave of the functions' free grant to the requests. The
// jobs take it first, as jobs on the jobs product take theirs
// (jobsGrantLeft): they cost the same at every volume, and whichever
// draws first, the bill's free seconds come to the same. Lambda's jobs
// beside 3 million requests had taken none of the 100,000 GB-seconds
// the requests left (review 153).
func (w *workload) functionsGrantLeft() functionsUse {
	grant, jobs := w.functionsGrant(), w.functionJobsGrant()
	n, secs, ok := w.k.job(w.in)
	if !ok || jobs == (functionsUse{}) || w.c.jobsOffFunctions(w.k, w.in) {
		return grant
	}
	_, _, use := w.functionJobsUse(n, secs)
	return functionsUse{grant.gbs - min(jobs.gbs, use.gbs), grant.vcpus - min(jobs.vcpus, use.vcpus), grant.requests - min(jobs.requests, use.requests)}
}

// functionJobsGrant is the share of the functions' free grant the
// background jobs may take: all of it, but the compute seconds where the
// functions' compute may be billed as the cloud's serverless containers
// (Cloud Run functions as Cloud Run services), whose serving grant those
// seconds then take whole; the jobs had taken the same 180,000 vCPU-
// seconds a second time there (review 156).
func (w *workload) functionJobsGrant() functionsUse {
	grant := w.functionsGrant()
	if w.c.FunctionsOnContainers {
		grant.gbs, grant.vcpus = 0, 0
	}
	return grant
}

// jobMemoryMB is the memory a background job's function is given: the
// answers', or, where the processor that memory brings would stretch a
// run past the longest the functions allow, the least that keeps it
// within, which comes to about the same memory-seconds: Lambda gives
// 512 MB 0.29 vCPU, and ten minutes of work at half a vCPU had been
// billed as a 17-minute run past its 15-minute limit (review 123).
func (w *workload) jobMemoryMB(secs float64) float64 {
	mem, t := w.in.MemoryMB, &w.c.t
	longest := w.k.longestRun(t.functionsMaxRunSeconds)
	if secs*w.stretch(mem) <= longest {
		return mem
	}
	most := t.functionsMaxMemoryMB.v()
	if table := t.functionsMemoryVCPU; table != nil {
		for _, row := range table.Table {
			if row.MemoryMB >= mem && row.MemoryMB <= most && secs*w.stretch(row.MemoryMB) <= longest {
				return row.MemoryMB
			}
		}
		return mem
	}
	return min(max(mem, math.Ceil(w.cpu*secs/longest*t.functionsMBPerVCPU.v())), most)
}

// jobsOffFunctions reports whether the background jobs are too long or too
// large for the cloud's functions, so that the functions bill runs them as
// container tasks: that bill is then a split's. Jobs "longer than 15
// minutes" have no upper bound: priced at an hour, they still do not go to
// Flex Consumption's promised hour, since one that runs a little longer is
// cut off and lost. Jobs "under 15 minutes" fit a 15-minute limit.
func (c *Cloud) jobsOffFunctions(k *commonTable, in CostInputs) bool {
	_, secs, ok := k.job(in)
	limit := c.t.functionsMaxRunSeconds.v()
	return ok && (secs > limit || (in.Jobs == "hours" && secs >= limit) || in.MemoryMB > c.t.functionsMaxMemoryMB.v())
}
