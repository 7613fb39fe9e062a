package advisor

import (
	"fmt"
	"math"
)

// fleet is a fleet of one machine size sized hour by hour for the load.
type fleet struct {
	m         machine
	perSecond float64 // requests one machine serves per second at the target utilisation
	boundBy   string
	n         [24]float64 // machines in each hour of the day
}

// sizeFleet sizes a fleet of m for the workload: each hour, enough
// machines for that hour's capacity (the load with its headroom, and at
// least the surge floor), never fewer than the availability minimum. One
// machine serves as many requests per second as the tightest of its CPU,
// memory, concurrency and request-rate bounds allows at the target
// utilisation. ok is false when one request does not fit in the machine.
func (w *workload) sizeFleet(m machine, vm bool) (fleet, bool) {
	k := w.k
	u := k.targetUtilisation.v()
	runtimeGB := k.runtimeMemoryMB.v() / 1024
	overhead := runtimeGB * math.Max(1, math.Floor(m.vcpu))
	if vm {
		overhead += k.osMemoryGB.v()
	}
	// A server process loads the runtime once and shares it; each request
	// in flight needs what is left of the memory a function would have.
	perRequest := math.Max(w.in.MemoryMB/1024-runtimeGB, 1.0/64)
	usable := (m.gb - overhead) * u
	if usable < perRequest {
		return fleet{}, false
	}
	f := fleet{m: m}
	bounds := []struct {
		name string
		rps  float64
	}{
		{"cpu", u * m.vcpu / (w.durS * w.cpu)},
		{"memory", usable / perRequest / w.durS},
		{"concurrency", u * k.concurrencyPerVCPU.v() * m.vcpu / w.durS},
		{"requests", u * k.maxRPSPerVCPU.v() * m.vcpu},
	}
	f.perSecond, f.boundBy = math.Inf(1), ""
	for _, b := range bounds {
		if b.rps < f.perSecond {
			f.perSecond, f.boundBy = b.rps, b.name
		}
	}
	floor := k.minInstances.v()
	atFloor := true
	for h, c := range w.cap {
		need := math.Ceil(c/f.perSecond - 1e-9)
		f.n[h] = math.Max(floor, need)
		atFloor = atFloor && need <= floor
	}
	if atFloor {
		f.boundBy = "availability"
	}
	return f, true
}

// cost is the fleet's daily cost for its machines, with the best
// commitment at discount d.
func (f fleet) cost(d float64) float64 {
	var spend [24]float64
	for h, n := range f.n {
		spend[h] = n * f.m.hourly
	}
	return commitCost(spend, d)
}

func (f fleet) sizing() *Sizing {
	s := &Sizing{Machine: f.m.name, VCPU: f.m.vcpu, MemoryGB: f.m.gb, BoundBy: f.boundBy, PerSecond: f.perSecond, Billing: "instance"}
	for _, n := range f.n {
		s.Instances = max(s.Instances, int(n))
		s.Average += n / 24
	}
	return s
}

// cheapestFleet sizes a fleet of each machine and keeps the cheapest.
func (w *workload) cheapestFleet(machines []machine, vm bool, d float64) (fleet, float64, bool) {
	var best fleet
	bestCost, found := math.Inf(1), false
	for _, m := range machines {
		f, ok := w.sizeFleet(m, vm)
		if !ok {
			continue
		}
		if c := f.cost(d); c < bestCost {
			best, bestCost, found = f, c, true
		}
	}
	return best, bestCost * w.days, found
}

// serversBill prices the servers option: instances behind the provider's
// load balancer, in private subnets that reach the internet through NAT.
func (w *workload) serversBill() Bill {
	t, p := &w.c.t, w.c.Products
	d, fact := discount(w.in, t.serversCommit1y, t.serversCommit3y)
	f, usd, ok := w.cheapestFleet(w.c.machines(w.in.Arm), true, d)
	if !ok && w.in.Arm {
		// No Arm size holds the request; an x86 one may.
		f, usd, ok = w.cheapestFleet(w.c.machines(false), true, d)
	}
	if !ok {
		return unavailable(Servers, p.Servers, fmt.Sprintf("no instance of the catalogue holds %s MB for one request", FormatInt(int64(w.in.MemoryMB))), nil)
	}
	b := Bill{Kind: Servers, Product: p.Servers, Available: true, Sizing: f.sizing()}
	b.PeakConcurrency = w.peakRPS() * w.durS
	instanceHours := b.Sizing.Average * w.hours
	it := Item{ID: "instances", Label: p.Servers + " " + f.m.name, USD: usd,
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s instance-hours (%d at the busiest hour, at least %s) × $%s per hour",
				FormatInt(int64(math.Round(instanceHours))), b.Sizing.Instances, trimFloat(w.k.minInstances.v()), trimFloat(f.m.hourly))
		}),
		Facts: []*Fact{f.m.fact}}
	if fact != nil {
		it.Formula += w.describe(func() string {
			return fmt.Sprintf(", with %s%% off the instances every hour needs (%s)", trimFloat(fact.Value), fact.Label)
		})
		it.Facts = append(it.Facts, fact)
	}
	b.add(it)
	w.addNetwork(&b, t.lcuGBPerHourServer, instanceHours)
	b.add(w.logs(w.in.Requests * w.k.appLogBytes.v()))
	b.add(w.egress())
	if w.in.OpsCost {
		b.add(w.ops(w.k.opsHoursServers))
	}
	return b
}

// addNetwork adds what a fleet in a private network pays besides its
// machines: the load balancer for HTTP traffic, NAT for its outbound calls
// and the public IPv4 addresses of both.
func (w *workload) addNetwork(b *Bill, lcuGB *Fact, machineHours float64) {
	t := &w.c.t
	addresses := 0.0
	if w.in.Entry == "http" {
		b.add(w.loadBalancer(lcuGB))
		addresses += w.c.ipv4PerLoadBalancer()
	}
	natGB := w.in.EgressGB * w.k.natShareOfEgress.v()
	switch {
	case t.natHourly != nil:
		gateways := w.c.natGateways(w.k)
		b.add(Item{ID: "nat", Label: w.c.Products.NAT, USD: gateways*w.hours*t.natHourly.v() + natGB*t.natGB.v(),
			Formula: w.describe(func() string {
				return fmt.Sprintf("%s × %s h × $%s + %s GB × $%s", trimFloat(gateways), trimFloat(w.hours), trimFloat(t.natHourly.Value), trimFloat(natGB), trimFloat(t.natGB.Value))
			}),
			Facts: []*Fact{t.natHourly, t.natGB}})
		addresses += gateways
	case t.natVMHourly != nil:
		b.add(Item{ID: "nat", Label: w.c.Products.NAT, USD: machineHours*t.natVMHourly.v() + natGB*t.natGB.v(),
			Formula: w.describe(func() string {
				return fmt.Sprintf("%s machine-hours × $%s + %s GB × $%s", FormatInt(int64(machineHours)), trimFloat(t.natVMHourly.Value), trimFloat(natGB), trimFloat(t.natGB.Value))
			}),
			Facts: []*Fact{t.natVMHourly, t.natGB}})
		addresses++
	}
	if t.ipv4Hourly != nil && addresses > 0 {
		b.add(Item{ID: "ipv4", Label: "Public IPv4 addresses", USD: addresses * w.hours * t.ipv4Hourly.v(),
			Formula: w.describe(func() string {
				return fmt.Sprintf("%s × %s h × $%s", trimFloat(addresses), trimFloat(w.hours), trimFloat(t.ipv4Hourly.Value))
			}),
			Facts: []*Fact{t.ipv4Hourly}})
	}
}

// loadBalancer is the provider's load balancer for the month: its hourly
// charge plus capacity units (AWS) or data processed (elsewhere).
func (w *workload) loadBalancer(lcuGB *Fact) Item {
	t := &w.c.t
	it := Item{ID: "load_balancer", Label: w.c.Products.LoadBalancer, Facts: []*Fact{t.loadBalancerHourly}}
	hourly := w.hours * t.loadBalancerHourly.v()
	gbPerHour := w.in.EgressGB / w.hours
	if t.loadBalancerLCUHour != nil {
		lcuHours := 0.0
		for h, x := range w.prof.Hourly {
			conns := w.rps[h] / w.k.requestsPerConnection.v()
			lcuHours += math.Max(conns/math.Max(t.lcuNewConnections.v(), 1), gbPerHour*x/math.Max(lcuGB.v(), 1e-9)) * w.days
		}
		it.USD = hourly + lcuHours*t.loadBalancerLCUHour.v()
		it.Formula = w.describe(func() string {
			return fmt.Sprintf("%s h × $%s + %s LCU-hours × $%s", trimFloat(w.hours), trimFloat(t.loadBalancerHourly.Value), trimFloat(math.Round(lcuHours*10)/10), trimFloat(t.loadBalancerLCUHour.Value))
		})
		it.Facts = append(it.Facts, t.loadBalancerLCUHour, t.lcuNewConnections, lcuGB)
		return it
	}
	it.USD = hourly + w.in.EgressGB*t.loadBalancerGB.v()
	it.Formula = w.describe(func() string {
		return fmt.Sprintf("%s h × $%s + %s GB × $%s", trimFloat(w.hours), trimFloat(t.loadBalancerHourly.Value), trimFloat(w.in.EgressGB), trimFloat(t.loadBalancerGB.Value))
	})
	it.Facts = append(it.Facts, t.loadBalancerGB)
	return it
}

// logs prices the log bytes of the month after the free allowance.
func (w *workload) logs(bytes float64) Item {
	t := &w.c.t
	gb := bytes / 1e9
	free := t.logsFreeGB.v()
	return Item{ID: "logs", Label: w.c.Products.Logs, USD: t.logsGB.cost(math.Max(0, gb-free)),
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s GB%s × $%s", trimFloat(math.Round(gb*100)/100), freeNote(free), trimFloat(t.logsGB.Value))
		}),
		Facts: []*Fact{t.logsGB, t.logsFreeGB}}
}

// egress prices the data sent to the internet, the same for every option
// of a cloud.
func (w *workload) egress() Item {
	t := &w.c.t
	free := t.egressFreeGB.v()
	return Item{ID: "egress", Label: "Data transfer out", USD: t.egressGB.cost(math.Max(0, w.in.EgressGB-free)),
		Formula: w.describe(func() string {
			return fmt.Sprintf("%s GB%s × $%s%s", trimFloat(w.in.EgressGB), freeNote(free), trimFloat(t.egressGB.Value), tierNote(t.egressGB))
		}),
		Facts: []*Fact{t.egressGB, t.egressFreeGB}}
}

// ops prices the operations time of an option.
func (w *workload) ops(hours *Fact) Item {
	rate := w.k.opsHourly
	return Item{ID: "ops", Label: "Operations time", USD: hours.v() * rate.v(),
		Formula: w.describe(func() string { return fmt.Sprintf("%s h × $%s per hour", trimFloat(hours.v()), trimFloat(rate.v())) }), Facts: []*Fact{hours, rate}}
}
