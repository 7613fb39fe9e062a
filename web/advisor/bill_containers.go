package advisor

import (
	"fmt"
	"math"
)

// containerMachines are the allowed container sizes priced per hour, for
// the processor asked for.
func (c *Cloud) containerMachines(arm bool, vcpuPrice, gbPrice *Fact) []machine {
	out := make([]machine, len(c.ContainerSizes.Sizes))
	for i, s := range c.ContainerSizes.Sizes {
		out[i] = machine{s.name, s.VCPU, s.MemoryGB, (s.VCPU*vcpuPrice.v() + s.MemoryGB*gbPrice.v()) * 3600, &c.ContainerSizes.Fact}
	}
	return out
}

// containersLimit returns why containers cannot carry the work, or "".
func (w *workload) containersLimit() (string, *Fact) {
	t, p := &w.c.t, w.c.Products.Containers
	need := w.in.MemoryMB/1024 + w.k.runtimeMemoryMB.v()/1024
	if need > t.containersMaxMemoryGB.v() {
		return fmt.Sprintf("%s MB of memory for one request is more than the %s GB %s gives one container", FormatInt(int64(w.in.MemoryMB)), trimFloat(t.containersMaxMemoryGB.v()), p), t.containersMaxMemoryGB
	}
	if lim := t.containersMaxRequestSeconds; lim != nil && w.in.Entry == "http" && w.durS > lim.v() {
		return fmt.Sprintf("a request of %s is longer than %s's limit of %s", formatSeconds(w.durS), p, formatSeconds(lim.v())), lim
	}
	return "", nil
}

// containersBill prices the serverless-containers option: tasks billed
// while they run (Fargate), or instances billed while they serve (Cloud
// Run, Container Apps), whichever the provider offers, the cheaper where
// it offers both.
func (w *workload) containersBill() Bill {
	p := w.c.Products
	if why, limit := w.containersLimit(); why != "" {
		return unavailable(Containers, p.Containers, why, limit)
	}
	var b Bill
	var ok bool
	if w.c.ContainersBilling == "request" {
		b, ok = w.requestContainers()
		if alt, altOK := w.instanceContainers(true); altOK && (!ok || alt.Total < b.Total) {
			b, ok = alt, true
		}
	} else {
		b, ok = w.instanceContainers(false)
	}
	if !ok {
		return unavailable(Containers, p.Containers, fmt.Sprintf("no container size of %s holds %s MB for one request", p.Containers, FormatInt(int64(w.in.MemoryMB))), &w.c.ContainerSizes.Fact)
	}
	b.add(w.egress())
	if w.in.OpsCost {
		b.add(w.ops(w.k.opsHoursContainers))
	}
	return b
}

// instanceContainers prices tasks billed while they run, sized like
// servers. builtIn is true for platforms with their own ingress and no
// private network to pay for (Cloud Run's instance-based billing).
func (w *workload) instanceContainers(builtIn bool) (Bill, bool) {
	t, p := &w.c.t, w.c.Products
	vcpu, gb := t.containersVCPUSecond, t.containersGBSecond
	if builtIn {
		vcpu, gb = t.containersVCPUSecondInstance, t.containersGBSecondInstance
		if vcpu == nil || gb == nil {
			return Bill{}, false
		}
	} else if w.in.Arm && t.containersVCPUSecondArm != nil && t.containersGBSecondArm != nil {
		vcpu, gb = t.containersVCPUSecondArm, t.containersGBSecondArm
	}
	d, fact := discount(w.in, t.containersCommit1y, t.containersCommit3y)
	if builtIn {
		d, fact = discount(w.in, t.containersCommitInstance1y, t.containersCommitInstance3y)
	}
	f, usd, ok := w.cheapestFleet(w.c.containerMachines(w.in.Arm, vcpu, gb), false, d)
	if !ok {
		return Bill{}, false
	}
	b := Bill{Kind: Containers, Product: p.Containers, Available: true, Sizing: f.sizing()}
	b.PeakConcurrency = w.peakRPS() * w.durS
	taskHours := b.Sizing.Average * w.hours
	it := Item{ID: "compute", Label: p.Containers + " (" + f.m.name + ")", USD: usd,
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s task-hours (%d at the busiest hour) × (%s vCPU × $%s + %s GB × $%s per hour)",
				FormatInt(int64(math.Round(taskHours))), b.Sizing.Instances, trimFloat(f.m.vcpu), trimFloat(vcpu.v()*3600), trimFloat(f.m.gb), trimFloat(gb.v()*3600))
		}),
		Facts: []*Fact{vcpu, gb, &w.c.ContainerSizes.Fact}}
	if fact != nil {
		it.Formula += w.describe(func() string { return fmt.Sprintf(", with %s%% off the tasks every hour needs", trimFloat(fact.Value)) })
		it.Facts = append(it.Facts, fact)
	}
	b.add(it)
	if !builtIn {
		w.addNetwork(&b, t.lcuGBPerHourServer, taskHours)
	}
	b.add(w.logs(w.in.Requests * w.k.appLogBytes.v()))
	return b, true
}

// requestContainers prices instances billed only while they serve, which
// scale to zero and share their time between requests in flight.
func (w *workload) requestContainers() (Bill, bool) {
	t, p := &w.c.t, w.c.Products
	best, bestUSD, found := machine{}, math.Inf(1), false
	var bestK float64
	for _, m := range w.c.containerMachines(false, t.containersVCPUSecond, t.containersGBSecond) {
		k, ok := w.requestsAtOnce(m)
		if !ok {
			continue
		}
		if usd := w.busySeconds(k) * m.hourly / 3600; usd < bestUSD {
			best, bestUSD, bestK, found = m, usd, k, true
		}
	}
	if !found {
		return Bill{}, false
	}
	secs := w.busySeconds(bestK)
	b := Bill{Kind: Containers, Product: p.Containers, Available: true,
		Sizing: &Sizing{Machine: best.name, VCPU: best.vcpu, MemoryGB: best.gb, Billing: "request", BoundBy: "concurrency", PerSecond: bestK / w.durS}}
	b.PeakConcurrency = w.peakRPS() * w.durS
	b.Sizing.Instances = int(math.Ceil(b.PeakConcurrency/bestK - 1e-9))
	b.Sizing.Average = secs / (w.hours * 3600)
	freeVCPU, freeGB, freeReq := 0.0, 0.0, 0.0
	if w.in.FreeTier {
		freeVCPU, freeGB, freeReq = t.containersFreeVCPUSeconds.v(), t.containersFreeGBSeconds.v(), t.containersFreeRequests.v()
	}
	vcpus, gbs := secs*best.vcpu, secs*best.gb
	b.add(Item{ID: "compute", Label: p.Containers + " (" + best.name + ")",
		USD: math.Max(0, vcpus-freeVCPU)*t.containersVCPUSecond.v() + math.Max(0, gbs-freeGB)*t.containersGBSecond.v(),
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s instance-seconds serving (up to %s requests at once each): %s vCPU-seconds%s × $%s + %s GB-seconds%s × $%s",
				FormatInt(int64(secs)), trimFloat(bestK), FormatInt(int64(vcpus)), freeNote(freeVCPU), trimFloat(t.containersVCPUSecond.Value), FormatInt(int64(gbs)), freeNote(freeGB), trimFloat(t.containersGBSecond.Value))
		}),
		Facts: []*Fact{t.containersVCPUSecond, t.containersGBSecond, t.containersFreeVCPUSeconds, t.containersFreeGBSeconds, &w.c.ContainerSizes.Fact}})
	if t.containersRequests != nil {
		billed := math.Max(0, w.in.Requests-freeReq)
		b.add(Item{ID: "requests", Label: p.Containers + " requests", USD: t.containersRequests.cost(billed),
			Formula: w.describe(func() string {
				return fmt.Sprintf("%s requests%s × %s", FormatInt(int64(w.in.Requests)), freeNote(freeReq), perMillion(t.containersRequests))
			}),
			Facts: []*Fact{t.containersRequests, t.containersFreeRequests}})
	}
	if w.in.Warm {
		b.add(w.idleMinimum(best, bestK))
	}
	if d, fact := discount(w.in, t.containersCommit1y, t.containersCommit3y); d > 0 {
		b.add(w.commitment(b.Items[0].USD, d, fact))
	}
	b.add(w.logs(w.in.Requests * w.k.appLogBytes.v()))
	return b, true
}

// requestsAtOnce is how many requests one container of size m serves at
// once: the platform's default concurrency, unless its CPU or memory runs
// out first.
func (w *workload) requestsAtOnce(m machine) (float64, bool) {
	k := w.k
	u := k.targetUtilisation.v()
	runtimeGB := k.runtimeMemoryMB.v() / 1024
	perRequest := math.Max(w.in.MemoryMB/1024-runtimeGB, 1.0/64)
	usable := (m.gb - runtimeGB) * u
	if usable < perRequest {
		return 0, false
	}
	limit := math.Max(w.c.t.containersInstanceConcurrency.v(), 1)
	return math.Max(1, math.Floor(math.Min(limit, math.Min(usable/perRequest, u*m.vcpu/w.cpu)))), true
}

// busySeconds is how long instances serving up to k requests at once are
// billed in a month.
func (w *workload) busySeconds(k float64) float64 {
	total := 0.0
	for _, r := range w.rps {
		total += busy(r*w.durS, k) * 3600 * w.days
	}
	return total
}

// idleMinimum prices the minimum instances kept for critical latency, for
// the time they wait without a request.
func (w *workload) idleMinimum(m machine, k float64) Item {
	t := &w.c.t
	keep := 1.0
	for _, r := range w.rps {
		keep = math.Max(keep, math.Ceil(r*w.durS/k-1e-9))
	}
	// Counted idle all month; serving time is billed again as compute, a
	// slight overestimate that keeps the bill from falling as load grows.
	idle := keep * w.hours * 3600
	return Item{ID: "warm", Label: "Minimum instances", USD: idle * (m.vcpu*t.containersIdleVCPUSecond.v() + m.gb*t.containersIdleGBSecond.v()),
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s kept warm, idle %s instance-seconds at the idle price", trimFloat(keep), FormatInt(int64(idle)))
		}),
		Facts: []*Fact{t.containersIdleVCPUSecond, t.containersIdleGBSecond}}
}
