package advisor

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Cloud is one provider's products, prices and limits, from
// content/pricing/<id>.yaml.
type Cloud struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Region   string   `yaml:"region"`
	Currency string   `yaml:"currency"`
	Products Products `yaml:"products"`
	// FunctionsBilling is "execution" when each request is billed for its
	// own run time (Lambda, Cloud Run functions), "instance" when an
	// instance is billed while it runs at least one request (Flex
	// Consumption).
	FunctionsBilling Billing `yaml:"functions_billing"`
	// ContainersBilling is "instance" when tasks are billed while they run
	// (Fargate), "request" when instances are billed while they serve and
	// scale to zero (Cloud Run, Container Apps).
	ContainersBilling Billing `yaml:"containers_billing"`
	// FrontDoor is "gateway_or_load_balancer" when HTTP functions need a
	// paid front door (the cheaper of an API gateway and a load balancer),
	// "built_in" when the platform gives each function an HTTPS endpoint.
	FrontDoor string `yaml:"front_door"`
	// EventDelivery is "push" when events reach a container as HTTP
	// requests, billed as requests (Pub/Sub push to Cloud Run), "pull"
	// when the container reads them from the queue itself.
	EventDelivery string `yaml:"event_delivery"`
	// FunctionsOnContainers is true where the cloud's functions are
	// deployed as its serverless containers, at their prices (Cloud Run
	// functions are Cloud Run services): a function may then take several
	// requests at once on an instance as the containers do, and its bill
	// prices it so where that costs less.
	FunctionsOnContainers bool `yaml:"functions_on_containers"`
	// ServersCommitByMachine is true where the servers' commitment is
	// bought for whole machines (Azure reserved VM instances) or vCPUs and
	// memory (Compute Engine's resource-based commitments), paid every
	// hour whether they run or not, not as a spend an hour (AWS Savings
	// Plans): machines started for each run take it only for those busy
	// every hour (machinesSaving).
	ServersCommitByMachine bool `yaml:"servers_commit_by_machine"`
	// WarmFollowsLoad lists the options whose warm capacity the platform
	// itself can schedule to each hour's load (Lambda's provisioned
	// concurrency by Application Auto Scaling, Container Apps' replicas by
	// a cron scale rule); the others keep the busiest hour's all day.
	WarmFollowsLoad []OptionKind `yaml:"warm_follows_load"`
	// BalancerOutbound is true where the load balancer in front of a
	// fleet also gives its machines their way out to the internet
	// (Azure Standard Load Balancer's outbound rules), so that machines
	// behind it need no public address of their own.
	BalancerOutbound bool `yaml:"balancer_outbound"`
	// ZoneSpread says how the platform places the instances it keeps for
	// availability, after their count ("2, which the platform spreads
	// over its zones"); that where left out. Container Apps and Flex
	// Consumption spread them only where zone redundancy was turned on.
	ZoneSpread string `yaml:"zone_spread"`
	// JobsShareServingGrant is true where the container jobs draw on the
	// same monthly free grant as the serverless containers' serving rates
	// (Container Apps apps and jobs, one grant a subscription); elsewhere
	// the jobs share theirs with instance-based billing (Cloud Run).
	JobsShareServingGrant bool `yaml:"jobs_share_serving_grant"`
	// BalancerRoutesToFunctions is true where the load balancer in front
	// of a fleet routes requests by their path and can send some to the
	// cloud's functions (an Application Load Balancer's Lambda targets,
	// an External Application Load Balancer's serverless network endpoint
	// groups), which a split that sends bursty endpoints to functions
	// needs; a balancer at the transport layer routes by address and port
	// alone (Azure Load Balancer), and the split would need a router of
	// its own the bills leave out (review 108).
	BalancerRoutesToFunctions bool `yaml:"balancer_routes_to_functions"`
	// BalancerTimeoutEndsConnections is true where the load balancer's
	// default timeout (balancer_connection_default_seconds) bounds how
	// long a client's WebSocket through it lasts at all, busy or not
	// (Google Cloud's backend service timeout), not how long it may stay
	// silent (AWS's and Azure's idle timeouts).
	BalancerTimeoutEndsConnections bool `yaml:"balancer_timeout_ends_connections"`
	// ContainersTimeoutIsIdle is true where the serverless containers'
	// request timeout (containers_max_request_seconds) is how long their
	// own front door keeps a connection on which nothing is sent
	// (Container Apps' ingress): it closes a client's silent WebSocket as
	// it ends a silent request.
	ContainersTimeoutIsIdle bool `yaml:"containers_timeout_is_idle"`
	// FunctionsDatabaseInVPC is true where the functions reach a
	// relational database in a private network only by joining it, and
	// lose their own way to the internet when they do (Lambda attached to
	// a VPC): outside calls then need the cloud's NAT.
	FunctionsDatabaseInVPC bool              `yaml:"functions_database_in_vpc"`
	Prices                 []*Fact           `yaml:"prices"`
	Limits                 []*Fact           `yaml:"limits"`
	Assumptions            []*Fact           `yaml:"assumptions"`
	Instances              []*InstanceFamily `yaml:"instances"`
	ContainerSizes         ContainerSizes    `yaml:"container_sizes"`

	t cloudTable
	// catalogue holds the instance sizes for x86 (0) and Arm (1), named
	// once at validation rather than on every bill, and steadyCatalogue
	// those that sustain every vCPU (no burstable or shared-core machine),
	// for critical latency; containerPrices the container sizes at each
	// pair of rates the bills use; instanceSizes those a service billed by
	// instance may have (see sharedMinVCPU).
	catalogue, steadyCatalogue [2][]machine
	containerPrices            []containerPrices
	instanceSizes              []machine
	// names fills the cloud's names and limits into a sentence of the
	// model (see Cloud.replacer), built once; sessionNames does where
	// stateful sessions keep the serverless containers' instances
	// allocated.
	names, sessionNames *strings.Replacer
	// runNames does where the work runs to completion, a task or job
	// started for each run (Option.RunsAlike), and unpushedNames where
	// besides the runs outlast what the cloud's push waits for, so that
	// its containers billed while serving cannot take them (pushable);
	// jobNames does where they could, but the bill starts a job for each
	// run all the same, which costs less than the services.
	runNames, unpushedNames, jobNames *strings.Replacer
}

// Products are the provider's names for what the site compares, as the
// provider writes them, plus the sentences that depend on the provider.
type Products struct {
	Functions    string `yaml:"functions"`
	Containers   string `yaml:"containers"`
	Servers      string `yaml:"servers"`
	LoadBalancer string `yaml:"load_balancer"`
	Gateway      string `yaml:"gateway"`
	Logs         string `yaml:"logs"`
	NAT          string `yaml:"nat"`
	Warm         string `yaml:"warm"`
	Jobs         string `yaml:"jobs"`
	// Scheduler is the service that calls scheduled runs on the
	// functions, where it waits for each a default time of its own
	// (functions_schedule_default_seconds).
	Scheduler string `yaml:"scheduler"`
	Messaging string `yaml:"messaging"`
	// MessagingPriced says what the messaging service is billed by, to
	// complete "priced …": API Gateway WebSocket APIs by the minute
	// connected and the message, Firebase by the data sent alone.
	MessagingPriced string `yaml:"messaging_priced"`
	Disk            string `yaml:"disk"` // a server's boot disk
	// QuotaRaise says how to raise the functions' concurrency quota.
	QuotaRaise string `yaml:"quota_raise"`
	// JobsPerEvent completes, where the cloud's queue cannot start a job
	// of its jobs product for each event by itself, what does and what it
	// leaves to the team; empty where the jobs start on a queue's messages
	// themselves (Container Apps' event-driven jobs).
	JobsPerEvent string `yaml:"jobs_per_event"`
	// SpotContainers and SpotServers name the spare capacity the cloud
	// sells at a discount, and takes back at short notice, for its
	// serverless containers (Fargate Spot) and its servers (Spot VMs);
	// empty where it sells none for them.
	SpotContainers string `yaml:"spot_containers"`
	SpotServers    string `yaml:"spot_servers"`
	// SessionStore names the managed store that stateful sessions keep
	// their state in where the cloud's serverless containers end every
	// connection after a while (Memorystore for Redis beside Cloud Run).
	SessionStore string `yaml:"session_store"`
	// FanOut names the managed Redis a fleet holding fan-out messaging's
	// connections passes messages between its instances on, priced at
	// fan_out_hourly.
	FanOut string `yaml:"fan_out"`
	// FanOutLarge names the larger node fan_out_large_hourly prices,
	// where the smallest would not carry the messages.
	FanOutLarge string `yaml:"fan_out_large"`
	// Endpoint names the functions' own HTTPS endpoint where the cloud's
	// front door is a gateway or a load balancer (Lambda function URLs):
	// what reaches a request the gateway's timeout cuts off.
	Endpoint string `yaml:"endpoint"`
	// CDN names the cloud's content delivery network, which can answer
	// cacheable responses from its edge in front of any option.
	CDN string `yaml:"cdn"`
	// CustomDomain names what a custom domain goes through where the
	// functions' and serverless containers' own HTTPS address is all
	// their bills include (Cloud Run's run.app), priced at the cloud's
	// load_balancer_hourly.
	CustomDomain string `yaml:"custom_domain"`
	// DBPooler names the managed connection pooler functions need in
	// front of a relational database under heavy load (Amazon RDS Proxy),
	// priced at db_pooler_vcpu_hour; where a cloud has none, its functions
	// connect as its database allows and the bill adds nothing.
	DBPooler string `yaml:"db_pooler"`
	// QueueBatches says how the cloud's queue triggers hand queued events
	// to the functions, as the bills price them ({queue_batch}: how many
	// to an execution), and StreamBatches how a stream's trigger hands
	// larger batches ({batch}: the most, event_batch_size_stream); both
	// empty where the file gives no such batch.
	QueueBatches  string `yaml:"queue_batches"`
	StreamBatches string `yaml:"stream_batches"`
	// ObjectStorage names the cloud's object storage, which serves the
	// responses as files where they average more than the bills serve
	// through the compute (Cloud.filesFrom).
	ObjectStorage string `yaml:"object_storage"`
	// Registry names the container registry that container_registry_daily
	// prices: the serverless containers' bills pay for it, where the cloud
	// bills one by the day whatever the images (Azure Container Registry).
	Registry string `yaml:"registry"`
	// FreeMachine names the server size whose hours the free tier pays
	// for, servers_free_hours a month (Compute Engine's e2-micro).
	FreeMachine string `yaml:"free_machine"`
	// FunctionsTimeout names the setting that raises the run time after
	// which the functions stop an execution by default
	// (functions_default_run_seconds), for the default_timeout caveat.
	FunctionsTimeout string `yaml:"functions_timeout"`
	// JobsTimeout names the setting past which the jobs product stops a
	// run: the one that raises jobs_default_run_seconds, which it goes
	// with, or, on a cloud with no default, the one every job is created
	// with (Container Apps jobs' replica timeout), for the jobs_timeout
	// and jobs_timeout_required caveats.
	JobsTimeout string `yaml:"jobs_timeout"`
	// LogsCheaperClass names the log class that ingests for less
	// (logs_gb_cheaper_class), and what it gives up; empty where none.
	LogsCheaperClass string `yaml:"logs_cheaper_class"`
	Line             int    `yaml:"-"`
}

func (p Products) validate() []Problem {
	for _, s := range []string{p.Functions, p.Containers, p.Servers, p.LoadBalancer, p.Logs, p.Warm, p.Jobs, p.Messaging, p.MessagingPriced, p.ObjectStorage, p.QuotaRaise} {
		if s == "" {
			return []Problem{{p.Line, "products need functions, containers, servers, load_balancer, logs, warm, jobs, messaging, messaging_priced, object_storage and quota_raise"}}
		}
	}
	return nil
}

// InstanceFamily is one family of the server catalogue at its smallest
// listed size; larger sizes multiply vCPUs, memory and price alike, unless
// the family lists its machines one by one (burstable families, whose
// sizes do not scale together).
type InstanceFamily struct {
	Fact      `yaml:",inline"`
	Name      string   `yaml:"name"` // "m7g.{size}" or "n2-standard-{vcpu}"
	SizeNames []string `yaml:"size_names"`
	Sizes     []int    `yaml:"sizes"` // multiples of the smallest size; default 1, 2, 4, ...
	Kind      string   `yaml:"kind"`  // general, compute, memory or burstable
	Arch      string   `yaml:"arch"`  // x86 or arm
	VCPU      float64  `yaml:"vcpu"`
	MemoryGB  float64  `yaml:"memory_gb"`
	// Machines lists the sizes of a family one by one, with the share of
	// each vCPU a burstable machine sustains (its baseline). The family's
	// value is the first machine's price; changing it moves every size in
	// proportion until each is updated.
	Machines []MachineSize `yaml:"machines"`
	// BaselineSource is the official page that states the baselines, with
	// the day it was read or why it was not.
	BaselineSource     string `yaml:"baseline_source"`
	BaselineAsOf       string `yaml:"baseline_as_of"`
	BaselineUnverified string `yaml:"baseline_unverified"`
	// SustainedUse is true when the provider lowers the price of the
	// family's machines automatically the longer they run in a month
	// (Compute Engine's N1, N2, N2D, C2).
	SustainedUse bool `yaml:"sustained_use"`
	// NoCommitment is true when no commitment discount applies to the
	// family (Compute Engine's T2A).
	NoCommitment bool `yaml:"no_commitment"`
}

// MachineSize is one machine of a family listed size by size.
type MachineSize struct {
	Name       string  `yaml:"name"`
	VCPU       float64 `yaml:"vcpu"`
	MemoryGB   float64 `yaml:"memory_gb"`
	USDPerHour float64 `yaml:"usd_per_hour"`
	Baseline   float64 `yaml:"baseline"` // percent of each vCPU sustained; 100 when empty
}

// ContainerSizes are the (vCPU, memory) combinations a container task or
// instance may have: a published limit.
type ContainerSizes struct {
	Fact  `yaml:",inline"`
	Sizes []ContainerSize `yaml:"sizes"`
}

// inWords lists the sizes by vCPU, each with the memory it may have:
// "0.25 vCPU with 0.5 or 2 GB; 0.5 vCPU with 1 or 2 GB".
func (cs *ContainerSizes) inWords() string {
	var groups []string
	for i := 0; i < len(cs.Sizes); {
		j := i
		var gb []string
		for ; j < len(cs.Sizes) && cs.Sizes[j].VCPU == cs.Sizes[i].VCPU; j++ {
			gb = append(gb, trimFloat(cs.Sizes[j].MemoryGB))
		}
		memory := strings.Join(gb, ", ")
		if len(gb) > 1 {
			memory = strings.Join(gb[:len(gb)-1], ", ") + " or " + gb[len(gb)-1]
		}
		if step, ok := evenSteps(cs.Sizes[i:j]); ok {
			// Fargate's 2 vCPU take 4 to 16 GB in 1 GB steps: thirteen
			// sizes read as a range.
			memory = gb[0] + " to " + gb[len(gb)-1] + " GB in steps of " + trimFloat(step)
		}
		groups = append(groups, trimFloat(cs.Sizes[i].VCPU)+" vCPU with "+memory+" GB")
		i = j
	}
	return strings.Join(groups, "; ")
}

// evenSteps reports whether four or more sizes' memories rise by the same
// step, and the step.
func evenSteps(sizes []ContainerSize) (float64, bool) {
	if len(sizes) < 4 {
		return 0, false
	}
	step := sizes[1].MemoryGB - sizes[0].MemoryGB
	for k := 2; k < len(sizes); k++ {
		if sizes[k].MemoryGB-sizes[k-1].MemoryGB != step {
			return 0, false
		}
	}
	return step, step > 0
}

// ContainerSize is one allowed container size.
type ContainerSize struct {
	VCPU     float64 `yaml:"vcpu"`
	MemoryGB float64 `yaml:"memory_gb"`
	name     string
}

// machine is one size that can be priced: an instance of the catalogue or
// a container size.
type machine struct {
	name     string
	vcpu, gb float64
	hourly   float64 // USD per hour, on demand
	fact     *Fact   // the catalogue entry it comes from
	// sustained is the vCPU it computes with all day: its vCPUs, or a
	// burstable machine's baseline share of them. Bursts above the
	// baseline are paid in credits, so the model sizes for the baseline.
	sustained float64
	sud       bool // the provider's sustained-use discount applies
	noCommit  bool // no commitment discount applies
	// freeHours is the hours of this size a month the free tier pays for
	// (servers_free_hours of products.free_machine), 0 for other sizes.
	freeHours float64
}

// instanceName names the k-th size of a family.
func (f *InstanceFamily) instanceName(i int, vcpu float64) string {
	size := ""
	if i < len(f.SizeNames) {
		size = f.SizeNames[i]
	}
	return strings.NewReplacer("{size}", size, "{vcpu}", strconv.FormatFloat(vcpu, 'f', -1, 64)).Replace(f.Name)
}

// machines lists the sizes of the catalogue for the processor asked for:
// x86 sizes, or with Arm, Arm and x86 sizes alike, since code that runs on
// Arm runs on x86 too and the fleet takes the cheaper (all of them when the
// cloud has no x86 sizes).
func (c *Cloud) machines(arm, steady bool) []machine {
	i := 0
	if arm {
		i = 1
	}
	if steady {
		return c.steadyCatalogue[i]
	}
	return c.catalogue[i]
}

// pricesArm reports whether the cloud prices Arm for the option kind: its
// functions' or serverless containers' Arm rates, or Arm sizes in its
// server catalogue.
func (c *Cloud) pricesArm(kind OptionKind) bool {
	switch kind {
	case Functions:
		return c.t.functionsGBSecondArm != nil
	case Containers:
		return c.t.containersVCPUSecondArm != nil
	}
	return len(c.catalogue[1]) > len(c.catalogue[0])
}

// buildCatalogue names every size of the catalogue and of the container
// sizes once.
func (c *Cloud) buildCatalogue() {
	// Code that runs on Arm runs on x86 too: with Arm, the fleet takes
	// whichever size costs less of both.
	c.catalogue = [2][]machine{c.listMachines("x86"), c.listMachines("")}
	for i, ms := range c.catalogue {
		c.steadyCatalogue[i] = slices.DeleteFunc(slices.Clone(ms), func(m machine) bool { return m.sustained < m.vcpu })
	}
	for i := range c.ContainerSizes.Sizes {
		s := &c.ContainerSizes.Sizes[i]
		s.name = trimFloat(s.VCPU) + " vCPU, " + trimFloat(s.MemoryGB) + " GB"
	}
	c.ContainerSizes.Listed = c.ContainerSizes.inWords()
	t := &c.t
	c.containerPrices = nil
	for _, pair := range [][2]*Fact{{t.containersVCPUSecond, t.containersGBSecond}, {t.containersVCPUSecondArm, t.containersGBSecondArm}, {t.containersVCPUSecondInstance, t.containersGBSecondInstance}} {
		if pair[0] != nil && pair[1] != nil {
			ms := c.priceContainers(pair[0], pair[1])
			c.containerPrices = append(c.containerPrices, containerPrices{pair[0], pair[1], ms})
		}
	}
	c.instanceSizes = nil
	if c.instanceBilling() {
		c.instanceSizes = slices.DeleteFunc(c.priceContainers(t.containersVCPUSecondInstance, t.containersGBSecondInstance), func(m machine) bool { return !c.sharedSize(m) })
	}
}

// instanceBilling reports whether the platform that bills containers while
// they serve also sells instance-based billing, by the instance's life
// (Cloud Run).
func (c *Cloud) instanceBilling() bool {
	return c.t.containersVCPUSecondInstance != nil && c.t.containersGBSecondInstance != nil
}

// pricesAlwaysReady reports whether the cloud's functions are billed by
// the busy instance and price instances kept always ready (Flex
// Consumption): their bill then keeps them for sensitive and critical
// latency (workload.alwaysReady).
func (c *Cloud) pricesAlwaysReady() bool {
	return c.FunctionsBilling == BillingInstance && c.t.functionsWarmExecGBSecond != nil
}

// spread says how the platform places the instances it keeps for
// availability (ZoneSpread).
func (c *Cloud) spread() string {
	if c.ZoneSpread != "" {
		return c.ZoneSpread
	}
	return "which the platform spreads over its zones"
}

// pushable reports whether the inputs' work can reach containers billed
// per request: requests always; events only when one ends within the
// longest the cloud's push delivery waits for its answer, past which the
// event is delivered again (Pub/Sub's ten minutes), where a file sets that
// limit.
func (c *Cloud) pushable(k *commonTable, in CostInputs) bool {
	lim := c.t.containersPushMaxSeconds
	return in.Entry == EntryHTTP || lim == nil || in.DurationMS/1000 <= k.longestRun(lim)
}

// sharedSize reports whether a container of size m may take more than one
// request at a time and be billed for its whole life: Cloud Run allows
// neither below 1 vCPU, where an instance serves one request at a time
// and is billed only while it does.
func (c *Cloud) sharedSize(m machine) bool {
	return c.t.containersSharedMinVCPU == nil || m.vcpu >= c.t.containersSharedMinVCPU.v()
}

func (c *Cloud) listMachines(want string) []machine {
	if !slices.ContainsFunc(c.Instances, func(f *InstanceFamily) bool { return f.Arch == want }) {
		want = ""
	}
	var out []machine
	for _, f := range c.Instances {
		if want != "" && f.Arch != want {
			continue
		}
		add := func(name string, vcpu, gb, hourly, baseline float64) {
			if baseline <= 0 {
				baseline = 100
			}
			m := machine{name: name, vcpu: vcpu, gb: gb, hourly: hourly, fact: &f.Fact,
				sustained: vcpu * baseline / 100, sud: f.SustainedUse, noCommit: f.NoCommitment}
			if name == c.Products.FreeMachine && c.t.serversFreeHours != nil {
				m.freeHours = c.t.serversFreeHours.v()
			}
			out = append(out, m)
		}
		for _, m := range f.Machines {
			// The family's value is the first machine's price, the figure
			// the page lists; the sizes move with it in proportion.
			add(m.Name, m.VCPU, m.MemoryGB, m.USDPerHour*f.norm/f.Machines[0].USDPerHour, m.Baseline)
		}
		if len(f.Machines) > 0 {
			continue
		}
		for i, k := range f.sizes() {
			x := float64(k)
			add(f.instanceName(i, f.VCPU*x), f.VCPU*x, f.MemoryGB*x, f.norm*x, 100)
		}
	}
	return out
}

// validateMachines checks a family listed machine by machine: every size
// named and priced, and a source for the baselines of burstable sizes.
func (f *InstanceFamily) validateMachines() []Problem {
	var ps []Problem
	add := func(format string, args ...any) {
		ps = append(ps, Problem{f.Line, fmt.Sprintf("instance family %q: ", f.ID) + fmt.Sprintf(format, args...)})
	}
	burst := false
	for _, m := range f.Machines {
		if m.Name == "" || m.VCPU <= 0 || m.MemoryGB <= 0 || m.USDPerHour <= 0 || m.Baseline < 0 || m.Baseline > 100 {
			add("machine %q needs a name, vcpu, memory_gb, usd_per_hour > 0 and a baseline of at most 100 percent", m.Name)
		}
		burst = burst || (m.Baseline > 0 && m.Baseline < 100)
	}
	if !burst {
		return ps
	}
	if !strings.HasPrefix(f.BaselineSource, "https://") {
		add("burstable sizes need a baseline_source: the https URL of the page that states their baselines")
	}
	if _, err := time.Parse(time.DateOnly, f.BaselineAsOf); (err == nil) == (f.BaselineUnverified != "") {
		add("give baseline_as_of (YYYY-MM-DD) or baseline_unverified (why the page could not be read), one of them")
	}
	return ps
}

func (f *InstanceFamily) sizes() []int {
	if len(f.Sizes) > 0 {
		return f.Sizes
	}
	out := make([]int, max(len(f.SizeNames), 1))
	for i := range out {
		out[i] = 1 << i
	}
	return out
}

func (c *Cloud) validateCatalogue() []Problem {
	var ps []Problem
	add := func(line int, format string, args ...any) {
		ps = append(ps, Problem{line, fmt.Sprintf(format, args...)})
	}
	if len(c.Instances) == 0 {
		add(1, "instances: the server catalogue is empty")
	}
	for _, f := range c.Instances {
		ps = append(ps, checkFact(&f.Fact, binding{id: f.ID, kind: "price", dim: "usd/h"})...)
		if len(f.Machines) > 0 {
			ps = append(ps, f.validateMachines()...)
		} else if f.Name == "" || f.VCPU <= 0 || f.MemoryGB <= 0 {
			add(f.Line, "instance family %q needs a name, vcpu and memory_gb", f.ID)
		}
		if !slices.Contains([]string{"general", "compute", "memory", "burstable"}, f.Kind) || (f.Arch != "x86" && f.Arch != "arm") {
			add(f.Line, "instance family %q: kind must be general, compute, memory or burstable and arch x86 or arm", f.ID)
		}
		if strings.Contains(f.Name, "{size}") && len(f.SizeNames) == 0 {
			add(f.Line, "instance family %q: a name with {size} needs size_names", f.ID)
		}
	}
	cs := &c.ContainerSizes
	if len(cs.Sizes) == 0 {
		add(cs.Line, "container_sizes: list the allowed sizes of one container")
	} else {
		cs.ID, cs.Label, cs.Unit = "container_sizes", "Container sizes the bills choose from (of those the provider allows)", "vCPUs"
		ps = append(ps, checkFact(&cs.Fact, binding{id: cs.ID, kind: "limit"})...)
	}
	return ps
}

// cloudTable is a cloud's prices, limits and assumptions by name, for the
// cost model to read. A figure the provider does not have is nil.
// functionsLogsGB is what the functions' own logs cost on volume tiers of
// their own (Lambda's since May 2025), beside the flat logsGB every other
// option's logs cost; logsGBCheaperClass what the cloud's cheaper log
// class ingests for (products.logs_cheaper_class names it).
type cloudTable struct {
	functionsRequests, functionsGBSecond, functionsGBSecondArm, functionsVCPUSecond *Fact
	functionsFreeRequests, functionsFreeGBSeconds, functionsFreeVCPUSeconds         *Fact
	functionsProvisionedFreeShare                                                   *Fact
	functionsWarmGBSecond, functionsWarmGBSecondArm, functionsWarmVCPUSecond        *Fact
	functionsWarmExecGBSecond, functionsWarmExecGBSecondArm                         *Fact
	functionsCommit1y, functionsCommit3y                                            *Fact
	// The legacy* figures price the cloud's older functions plan, which
	// its provider sells beside the one the bills price (Azure Functions'
	// Consumption plan beside Flex Consumption): said in a caveat where
	// the work fits it and it costs much less.
	legacyFunctionsRequests, legacyFunctionsGBSecond, legacyFunctionsFreeRequests, legacyFunctionsFreeGBSeconds *Fact
	legacyFunctionsMaxMemoryMB, legacyFunctionsMaxRunSeconds                                                    *Fact
	gatewayRequests, loadBalancerHourly, loadBalancerLCUHour, loadBalancerGB                                    *Fact
	natHourly, natVMHourly, natVMHourlyMax, natGB, ipv4Hourly                                                   *Fact
	egressGB, egressFreeGB, logsGB, logsFreeGB, objectStorageReads                                              *Fact
	functionsLogsGB, logsGBCheaperClass                                                                         *Fact
	containersVCPUSecond, containersGBSecond, containersVCPUSecondArm, containersGBSecondArm                    *Fact
	containersVCPUSecondInstance, containersGBSecondInstance                                                    *Fact
	containersRequests, containersIdleVCPUSecond, containersIdleGBSecond                                        *Fact
	containersBillingIncrementMS                                                                                *Fact
	containersFreeRequests, containersFreeVCPUSeconds, containersFreeGBSeconds                                  *Fact
	jobsFreeVCPUSeconds, jobsFreeGBSeconds                                                                      *Fact
	containersCommit1y, containersCommit3y, serversCommit1y, serversCommit3y                                    *Fact
	containersCommitInstance1y, containersCommitInstance3y                                                      *Fact
	serversSustainedUse, serversDiskGBMonth, serversDiskMonth, serversFreeHours                                 *Fact
	serversFreeDiskGBMonths                                                                                     *Fact
	registryHourly                                                                                              *Fact
	messagingMessages, messagingConnectionMinutes, messagingUnitHourly, messagingGB                             *Fact
	messagingMaxConnections                                                                                     *Fact
	messagingFreeGB, messagingUnitConnections, messagingUnitMessagesPerDay                                      *Fact
	messagingMaxUnits, messagingUnitsOneAtATime, messagingUnitStep                                              *Fact
	dbPoolerVCPUHour, dbPoolerMinVCPUs                                                                          *Fact
	fanOutHourly, fanOutReplicatedHourly, fanOutLargeHourly, fanOutLargeReplicatedHourly                        *Fact
	fanOutGbps, fanOutLargeGbps                                                                                 *Fact

	functionsMaxRunSeconds, functionsHTTPMaxSeconds, functionsMaxMemoryMB                                      *Fact
	functionsScheduleMaxSeconds, functionsScheduleDefaultSeconds                                               *Fact
	functionsDefaultRunSeconds, jobsDefaultRunSeconds                                                          *Fact
	containersDefaultRequestSeconds, pushDefaultAckSeconds                                                     *Fact
	functionsMemoryVCPU, functionsInstanceSizes, functionsInstanceConcurrency                                  *Fact
	functionsBillingIncrementMS, functionsConcurrencyQuota, functionsMaxPayloadMB, functionsBinaryPayloadShare *Fact
	functionsMinBilledMS, functionsMaxInstances                                                                *Fact
	// containersMaxReplicas is the most replicas one app's revision scales
	// to, containersDefaultMaxReplicas the most it scales to unless its
	// scale settings raise it, and containersEnvironmentCores the vCPUs an
	// environment runs by default, which a request raises to
	// containersEnvironmentCoresMax (Container Apps): said where the
	// busiest hour needs more.
	containersMaxReplicas, containersDefaultMaxReplicas, containersEnvironmentCores, containersEnvironmentCoresMax *Fact
	// containersRegionVCPUs and containersRegionMemoryGB are the region's
	// quotas every serverless container, function and job of a project
	// there draws on, where those bound how far a service scales (Cloud
	// Run): the baseline the provider's page gives as its example.
	containersRegionVCPUs, containersRegionMemoryGB                                                         *Fact
	gatewayTimeoutSeconds, lcuNewConnections, lcuGBPerHourLambda, lcuGBPerHourServer                        *Fact
	gatewayMeteringBytes                                                                                    *Fact
	lcuActiveConnections                                                                                    *Fact
	containersMaxMemoryGB, containersMaxVCPU, containersMaxRequestSeconds                                   *Fact
	containersInstanceConcurrency, containersSharedMinVCPU, containersPushMaxSeconds                        *Fact
	containersMaxConcurrency                                                                                *Fact
	containersConnectionMaxSeconds, messagingConnectionMaxSeconds, messagingIdleMaxSeconds                  *Fact
	sessionStoreGBSecond, sessionStoreReplicatedGBSecond                                                    *Fact
	balancerIdleMaxSeconds, containersIdleMaxSeconds, containersCooldownSeconds, containersIdleQuietSeconds *Fact
	balancerTargetsMax                                                                                      *Fact
	balancerConnectionDefaultSeconds                                                                        *Fact

	eventBatchSize, ipv4PerLoadBalancer, natGateways, functionsMBPerVCPU *Fact
	eventBatchWindow, eventBatchSizeStream, jobsStartSeconds             *Fact
}

// bindings lists every figure a cloud's file may hold.
func (c *Cloud) bindings() []binding {
	return slices.Concat(c.priceBindings(), c.limitBindings())
}

// priceBindings are the prices of a cloud's file.
func (c *Cloud) priceBindings() []binding {
	t := &c.t
	price := func(id, dim string, required bool, f **Fact) binding { return binding{id, "price", dim, required, f} }
	return []binding{
		price("functions_requests", "usd/Mreq", true, &t.functionsRequests),
		price("functions_gb_second", "usd/GBs", true, &t.functionsGBSecond),
		price("functions_gb_second_arm", "usd/GBs", false, &t.functionsGBSecondArm),
		price("functions_vcpu_second", "usd/vCPUs", false, &t.functionsVCPUSecond),
		price("functions_free_requests", "requests", false, &t.functionsFreeRequests),
		price("functions_free_gb_seconds", "GBs", false, &t.functionsFreeGBSeconds),
		price("functions_provisioned_free_share", "fraction", false, &t.functionsProvisionedFreeShare),
		price("functions_free_vcpu_seconds", "vCPUs", false, &t.functionsFreeVCPUSeconds),
		price("functions_warm_gb_second", "usd/GBs", true, &t.functionsWarmGBSecond),
		price("functions_warm_gb_second_arm", "usd/GBs", false, &t.functionsWarmGBSecondArm),
		price("functions_warm_vcpu_second", "usd/vCPUs", false, &t.functionsWarmVCPUSecond),
		price("functions_warm_execution_gb_second", "usd/GBs", false, &t.functionsWarmExecGBSecond),
		price("functions_warm_execution_gb_second_arm", "usd/GBs", false, &t.functionsWarmExecGBSecondArm),
		price("functions_commit_1y", "fraction", false, &t.functionsCommit1y),
		price("functions_commit_3y", "fraction", false, &t.functionsCommit3y),
		price("legacy_functions_requests", "usd/Mreq", false, &t.legacyFunctionsRequests),
		price("legacy_functions_gb_second", "usd/GBs", false, &t.legacyFunctionsGBSecond),
		price("legacy_functions_free_requests", "requests", false, &t.legacyFunctionsFreeRequests),
		price("legacy_functions_free_gb_seconds", "GBs", false, &t.legacyFunctionsFreeGBSeconds),
		price("gateway_requests", "usd/Mreq", false, &t.gatewayRequests),
		price("load_balancer_hourly", "usd/h", true, &t.loadBalancerHourly),
		price("load_balancer_lcu_hour", "usd/h", false, &t.loadBalancerLCUHour),
		price("load_balancer_gb", "usd/GB", false, &t.loadBalancerGB),
		price("nat_hourly", "usd/h", false, &t.natHourly),
		price("nat_vm_hourly", "usd/h", false, &t.natVMHourly),
		price("nat_vm_hourly_max", "usd/h", false, &t.natVMHourlyMax),
		price("nat_gb", "usd/GB", false, &t.natGB),
		price("ipv4_hourly", "usd/h", false, &t.ipv4Hourly),
		price("object_storage_reads", "usd/Mreq", true, &t.objectStorageReads),
		price("egress_gb", "usd/GB", true, &t.egressGB),
		price("egress_free_gb", "GB", false, &t.egressFreeGB),
		price("logs_gb", "usd/GB", true, &t.logsGB),
		price("logs_free_gb", "GB", false, &t.logsFreeGB),
		price("functions_logs_gb", "usd/GB", false, &t.functionsLogsGB),
		price("logs_gb_cheaper_class", "usd/GB", false, &t.logsGBCheaperClass),
		price("containers_vcpu_second", "usd/vCPUs", true, &t.containersVCPUSecond),
		price("containers_gb_second", "usd/GBs", true, &t.containersGBSecond),
		price("containers_vcpu_second_arm", "usd/vCPUs", false, &t.containersVCPUSecondArm),
		price("containers_gb_second_arm", "usd/GBs", false, &t.containersGBSecondArm),
		price("containers_vcpu_second_instance", "usd/vCPUs", false, &t.containersVCPUSecondInstance),
		price("containers_gb_second_instance", "usd/GBs", false, &t.containersGBSecondInstance),
		price("containers_requests", "usd/Mreq", false, &t.containersRequests),
		price("containers_idle_vcpu_second", "usd/vCPUs", false, &t.containersIdleVCPUSecond),
		price("session_store_gb_hour", "usd/GBs", false, &t.sessionStoreGBSecond),
		price("session_store_replicated_gb_hour", "usd/GBs", false, &t.sessionStoreReplicatedGBSecond),
		price("containers_idle_gb_second", "usd/GBs", false, &t.containersIdleGBSecond),
		price("containers_free_requests", "requests", false, &t.containersFreeRequests),
		price("containers_free_vcpu_seconds", "vCPUs", false, &t.containersFreeVCPUSeconds),
		price("containers_free_gb_seconds", "GBs", false, &t.containersFreeGBSeconds),
		price("jobs_free_vcpu_seconds", "vCPUs", false, &t.jobsFreeVCPUSeconds),
		price("jobs_free_gb_seconds", "GBs", false, &t.jobsFreeGBSeconds),
		price("containers_commit_1y", "fraction", false, &t.containersCommit1y),
		price("containers_commit_3y", "fraction", false, &t.containersCommit3y),
		price("containers_commit_instance_1y", "fraction", false, &t.containersCommitInstance1y),
		price("containers_commit_instance_3y", "fraction", false, &t.containersCommitInstance3y),
		price("servers_commit_1y", "fraction", false, &t.serversCommit1y),
		price("servers_commit_3y", "fraction", false, &t.serversCommit3y),
		price("servers_sustained_use", "fraction", false, &t.serversSustainedUse),
		price("servers_free_hours", "h", false, &t.serversFreeHours),
		price("servers_free_disk_gb_months", "GBmo", false, &t.serversFreeDiskGBMonths),
		price("container_registry_daily", "usd/h", false, &t.registryHourly),
		price("servers_disk_gb_month", "usd/GBmo", false, &t.serversDiskGBMonth),
		price("servers_disk_month", "usd/mo", false, &t.serversDiskMonth),
		price("messaging_messages", "usd/Mreq", false, &t.messagingMessages),
		price("messaging_connection_minutes", "usd/Mmin", false, &t.messagingConnectionMinutes),
		price("messaging_unit_hourly", "usd/h", false, &t.messagingUnitHourly),
		price("messaging_gb", "usd/GB", false, &t.messagingGB),
		price("messaging_free_gb", "GB", false, &t.messagingFreeGB),
		price("db_pooler_vcpu_hour", "usd/vCPUs", false, &t.dbPoolerVCPUHour),
		price("fan_out_hourly", "usd/h", true, &t.fanOutHourly),
		price("fan_out_replicated_hourly", "usd/h", false, &t.fanOutReplicatedHourly),
		price("fan_out_large_hourly", "usd/h", false, &t.fanOutLargeHourly),
		price("fan_out_large_replicated_hourly", "usd/h", false, &t.fanOutLargeReplicatedHourly),
	}
}

// limitBindings are the limits and assumptions of a cloud's file.
func (c *Cloud) limitBindings() []binding {
	t := &c.t
	limit := func(id, dim string, required bool, f **Fact) binding { return binding{id, "limit", dim, required, f} }
	return []binding{
		limit("messaging_unit_connections", "count", false, &t.messagingUnitConnections),
		limit("db_pooler_min_vcpus", "count", false, &t.dbPoolerMinVCPUs),
		limit("messaging_unit_messages_per_day", "count", false, &t.messagingUnitMessagesPerDay),
		limit("messaging_max_units", "count", false, &t.messagingMaxUnits),
		limit("messaging_units_one_at_a_time", "count", false, &t.messagingUnitsOneAtATime),
		limit("messaging_unit_step", "count", false, &t.messagingUnitStep),
		limit("messaging_connection_max_seconds", "s", false, &t.messagingConnectionMaxSeconds),
		limit("messaging_max_connections", "count", false, &t.messagingMaxConnections),
		limit("messaging_idle_max_seconds", "s", false, &t.messagingIdleMaxSeconds),
		limit("functions_max_run_seconds", "s", true, &t.functionsMaxRunSeconds),
		limit("functions_http_max_seconds", "s", true, &t.functionsHTTPMaxSeconds),
		limit("functions_schedule_max_seconds", "s", false, &t.functionsScheduleMaxSeconds),
		limit("functions_schedule_default_seconds", "s", false, &t.functionsScheduleDefaultSeconds),
		limit("functions_default_run_seconds", "s", false, &t.functionsDefaultRunSeconds),
		limit("jobs_default_run_seconds", "s", false, &t.jobsDefaultRunSeconds),
		limit("containers_default_request_seconds", "s", false, &t.containersDefaultRequestSeconds),
		limit("push_default_ack_seconds", "s", false, &t.pushDefaultAckSeconds),
		limit("functions_max_memory_mb", "MB", true, &t.functionsMaxMemoryMB),
		limit("legacy_functions_max_memory_mb", "MB", false, &t.legacyFunctionsMaxMemoryMB),
		limit("legacy_functions_max_run_seconds", "s", false, &t.legacyFunctionsMaxRunSeconds),
		limit("functions_memory_vcpu", "", false, &t.functionsMemoryVCPU),
		limit("functions_instance_sizes", "", false, &t.functionsInstanceSizes),
		limit("functions_billing_increment_ms", "ms", true, &t.functionsBillingIncrementMS),
		limit("functions_min_billed_ms", "ms", false, &t.functionsMinBilledMS),
		limit("functions_concurrency_quota", "count", false, &t.functionsConcurrencyQuota),
		limit("functions_max_instances", "count", false, &t.functionsMaxInstances),
		limit("containers_max_replicas", "count", false, &t.containersMaxReplicas),
		limit("containers_default_max_replicas", "count", false, &t.containersDefaultMaxReplicas),
		limit("containers_environment_cores", "count", false, &t.containersEnvironmentCores),
		limit("containers_environment_cores_max", "count", false, &t.containersEnvironmentCoresMax),
		limit("containers_region_vcpus", "count", false, &t.containersRegionVCPUs),
		limit("containers_region_memory_gb", "GB", false, &t.containersRegionMemoryGB),
		limit("functions_max_payload_mb", "MB", false, &t.functionsMaxPayloadMB),
		limit("functions_binary_payload_share", "fraction", false, &t.functionsBinaryPayloadShare),
		limit("gateway_timeout_seconds", "s", false, &t.gatewayTimeoutSeconds),
		limit("gateway_metering_bytes", "bytes", false, &t.gatewayMeteringBytes),
		limit("balancer_idle_max_seconds", "s", false, &t.balancerIdleMaxSeconds),
		limit("balancer_targets_max", "count", false, &t.balancerTargetsMax),
		limit("containers_idle_max_seconds", "s", false, &t.containersIdleMaxSeconds),
		limit("balancer_connection_default_seconds", "s", false, &t.balancerConnectionDefaultSeconds),
		limit("lcu_new_connections_per_second", "count", false, &t.lcuNewConnections),
		limit("lcu_active_connections", "count", false, &t.lcuActiveConnections),
		limit("lcu_processed_gb_per_hour_lambda", "GB", false, &t.lcuGBPerHourLambda),
		limit("lcu_processed_gb_per_hour_instances", "GB", false, &t.lcuGBPerHourServer),
		limit("containers_max_memory_gb", "GB", true, &t.containersMaxMemoryGB),
		limit("containers_max_vcpu", "count", true, &t.containersMaxVCPU),
		limit("containers_max_request_seconds", "s", false, &t.containersMaxRequestSeconds),
		limit("containers_billing_increment_ms", "ms", false, &t.containersBillingIncrementMS),
		limit("containers_instance_concurrency", "count", false, &t.containersInstanceConcurrency),
		limit("containers_max_concurrency", "count", false, &t.containersMaxConcurrency),
		limit("containers_shared_min_vcpu", "count", false, &t.containersSharedMinVCPU),
		limit("containers_push_max_seconds", "s", false, &t.containersPushMaxSeconds),
		limit("containers_connection_max_seconds", "s", false, &t.containersConnectionMaxSeconds),
		limit("containers_cooldown_seconds", "s", false, &t.containersCooldownSeconds),
		limit("containers_idle_quiet_seconds", "s", false, &t.containersIdleQuietSeconds),
		limit("fan_out_gbps", "Gbps", false, &t.fanOutGbps),
		limit("fan_out_large_gbps", "Gbps", false, &t.fanOutLargeGbps),
		{"functions_instance_concurrency", "assumption", "count", false, &t.functionsInstanceConcurrency},
		{"functions_mb_per_vcpu", "assumption", "MB", false, &t.functionsMBPerVCPU},
		{"event_batch_size", "assumption", "count", true, &t.eventBatchSize},
		{"event_batch_size_stream", "assumption", "count", false, &t.eventBatchSizeStream},
		{"jobs_start_seconds", "assumption", "s", false, &t.jobsStartSeconds},
		limit("event_batch_window_seconds", "s", false, &t.eventBatchWindow),
		{"ipv4_per_load_balancer", "assumption", "count", false, &t.ipv4PerLoadBalancer},
		{"nat_gateways", "assumption", "count", false, &t.natGateways},
	}
}

// Common are the assumptions every cloud shares, from
// content/pricing/common.yaml: the shape of traffic, how hard servers are
// run, how much operations time costs.
type Common struct {
	Assumptions []*Fact    `yaml:"assumptions"`
	Profiles    []*Profile `yaml:"profiles"`

	t commonTable
}

// Profile is how one traffic shape spreads the load over a day, and how
// much spare capacity a fleet sized by the hour keeps for what autoscaling
// cannot catch in time.
type Profile struct {
	Traffic string    `yaml:"traffic"`
	Hourly  []float64 `yaml:"hourly"` // 24 values; scaled so that their mean is 1
	// Headroom multiplies each hour's load: variation within the hour and
	// the minutes a new instance takes to start.
	Headroom float64 `yaml:"headroom"`
	// FastHeadroom replaces Headroom for a platform's own instances,
	// which start within seconds of the load (fleet.fast): they keep no
	// spare for what nobody forecast, since they follow it when it comes.
	// Zero means Headroom.
	FastHeadroom float64 `yaml:"fast_headroom"`
	// Surge is a floor on capacity, in multiples of the day's average: the
	// burst that arrives faster than any autoscaling reacts.
	Surge float64 `yaml:"surge"`
	Why   string  `yaml:"why"`
	Line  int     `yaml:"-"`
	// quietestFirst are the hours of the day from the least load to the
	// most, ties in hour order: a fleet sized by the hour lists its
	// machines in this order.
	quietestFirst [24]int
}

type commonTable struct {
	hoursPerMonth, targetUtilisation, concurrencyPerVCPU, maxRPSPerVCPU *Fact
	queueUtilisation, failoverUtilisation                               *Fact
	cpuShareLight, cpuShareModerate, cpuShareHeavy, cpuLightMaxMS       *Fact
	cpuPeriodMS                                                         *Fact
	workingSetShare, workingSetMinMB, osMemoryGB, minInstances, zones   *Fact
	estateAgentsMemoryGB                                                *Fact
	runWorkingSetShare, bootDiskGB, sessionMemoryMB, sessionSeconds     *Fact
	sessionMinutes                                                      *Fact
	connectionMemoryMB                                                  *Fact
	requestsPerConnection, logBytes, natShareOfEgress, privateFleet     *Fact
	// natMaxBytes is the most a request's own calls out through NAT carry,
	// whatever the response it returns.
	natMaxBytes                                                       *Fact
	privateFleetVCPUs, privateFleetVCPUHours                          *Fact
	opsHourly, opsHoursFunctions, opsHoursContainers, opsHoursServers *Fact
	opsHoursPerTask, opsHoursPerServer, opsHoursJobs                  *Fact
	opsHoursServersJobs, opsHoursServerAlone, opsHoursCompliance      *Fact
	opsHoursFullControl                                               *Fact
	opsShareNone, opsShareParttime, opsShareDedicated                 *Fact
	rewriteHours, rewriteMonths, warmCoverage                         *Fact
	sessionsMoveHours                                                 *Fact
	runStartSeconds, jobRuns, jobShortS, jobMinutesS, jobHoursS       *Fact
	machineStartsMaxPerHour                                           *Fact
	messagingDeliveries, messagingConnectionMinutes, messagingBytes   *Fact
	liveUpdates                                                       *Fact
	hybridFunctionsShare, timelineMonths, eventBatchRunShare          *Fact
	timelineChangeMonths                                              *Fact
	limitRunShare, filesFromStorageMB, signedLinkBytes                *Fact
	dbPoolerFromExecutions                                            *Fact

	// savings keeps the provisioned concurrency's counts (savingCount) of
	// recent workloads: every flip that leaves the load and the duration
	// as they are prices the same counts again.
	savings *memo[savingKey, float64]
}

func (c *Common) bindings() []binding {
	t := &c.t
	a := func(id, dim string, f **Fact) binding { return binding{id, "assumption", dim, true, f} }
	return []binding{
		a("hours_per_month", "h", &t.hoursPerMonth),
		a("target_utilisation", "fraction", &t.targetUtilisation),
		a("queue_target_utilisation", "fraction", &t.queueUtilisation),
		a("failover_utilisation", "fraction", &t.failoverUtilisation),
		a("concurrency_per_vcpu", "count", &t.concurrencyPerVCPU),
		a("max_rps_per_vcpu", "count", &t.maxRPSPerVCPU),
		a("cpu_share_light", "fraction", &t.cpuShareLight),
		a("cpu_share_moderate", "fraction", &t.cpuShareModerate),
		a("cpu_share_heavy", "fraction", &t.cpuShareHeavy),
		a("cpu_light_max_ms", "ms", &t.cpuLightMaxMS),
		a("cpu_period_ms", "ms", &t.cpuPeriodMS),
		a("request_working_set_share", "fraction", &t.workingSetShare),
		a("request_working_set_min_mb", "MB", &t.workingSetMinMB),
		a("run_working_set_share", "fraction", &t.runWorkingSetShare),
		a("os_memory_gb", "GB", &t.osMemoryGB),
		a("estate_agents_memory_gb", "GB", &t.estateAgentsMemoryGB),
		a("session_memory_mb", "MB", &t.sessionMemoryMB),
		a("session_seconds_per_request", "s", &t.sessionSeconds),
		a("session_minutes", "s", &t.sessionMinutes),
		a("connection_memory_kb", "MB", &t.connectionMemoryMB),
		a("boot_disk_gb", "GB", &t.bootDiskGB),
		a("min_instances", "count", &t.minInstances),
		a("zones", "count", &t.zones),
		a("requests_per_connection", "count", &t.requestsPerConnection),
		a("log_bytes_per_request", "bytes", &t.logBytes),
		a("nat_share_of_egress", "fraction", &t.natShareOfEgress),
		a("nat_max_bytes_per_request", "bytes", &t.natMaxBytes),
		a("private_network_min_instances", "count", &t.privateFleet),
		a("private_network_min_vcpus", "count", &t.privateFleetVCPUs),
		a("private_network_min_vcpu_hours", "vCPUh", &t.privateFleetVCPUHours),
		a("ops_hourly_usd", "usd", &t.opsHourly),
		a("ops_hours_functions", "h", &t.opsHoursFunctions),
		a("ops_hours_containers", "h", &t.opsHoursContainers),
		a("ops_hours_servers", "h", &t.opsHoursServers),
		a("ops_hours_per_task", "h", &t.opsHoursPerTask),
		a("ops_hours_jobs", "h", &t.opsHoursJobs),
		a("ops_hours_servers_jobs", "h", &t.opsHoursServersJobs),
		a("ops_hours_server_alone", "h", &t.opsHoursServerAlone),
		a("ops_hours_per_server", "h", &t.opsHoursPerServer),
		a("ops_hours_compliance", "h", &t.opsHoursCompliance),
		a("ops_hours_full_control", "h", &t.opsHoursFullControl),
		a("ops_share_none", "fraction", &t.opsShareNone),
		a("ops_share_parttime", "fraction", &t.opsShareParttime),
		a("ops_share_dedicated", "fraction", &t.opsShareDedicated),
		a("rewrite_hours", "h", &t.rewriteHours),
		a("rewrite_months", "count", &t.rewriteMonths),
		a("sessions_move_hours", "h", &t.sessionsMoveHours),
		a("warm_coverage", "fraction", &t.warmCoverage),
		a("run_start_seconds", "s", &t.runStartSeconds),
		a("machine_starts_max_per_hour", "count", &t.machineStartsMaxPerHour),
		a("job_runs_per_month", "count", &t.jobRuns),
		a("db_pooler_from_executions", "count", &t.dbPoolerFromExecutions),
		a("job_seconds_short", "s", &t.jobShortS),
		a("job_seconds_minutes", "s", &t.jobMinutesS),
		a("job_seconds_hours", "s", &t.jobHoursS),
		a("messaging_deliveries_per_request", "count", &t.messagingDeliveries),
		a("messaging_connection_minutes_per_request", "count", &t.messagingConnectionMinutes),
		a("messaging_bytes_per_message", "bytes", &t.messagingBytes),
		a("live_updates_per_request", "count", &t.liveUpdates),
		a("hybrid_functions_share", "fraction", &t.hybridFunctionsShare),
		a("timeline_months", "count", &t.timelineMonths),
		a("timeline_change_months", "count", &t.timelineChangeMonths),
		a("event_batch_run_share", "fraction", &t.eventBatchRunShare),
		a("files_from_storage_mb", "MB", &t.filesFromStorageMB),
		a("signed_link_bytes", "bytes", &t.signedLinkBytes),
		a("limit_run_share", "fraction", &t.limitRunShare),
	}
}

// Validate checks the shared assumptions and the traffic profiles, and
// scales each profile to a mean of 1.
func (c *Common) Validate() []Problem {
	ps := bindFacts(c.bindings(), nil, nil, c.Assumptions)
	add := func(line int, format string, args ...any) {
		ps = append(ps, Problem{line, fmt.Sprintf(format, args...)})
	}
	for _, f := range []*Fact{c.t.hoursPerMonth, c.t.targetUtilisation, c.t.concurrencyPerVCPU, c.t.maxRPSPerVCPU, c.t.minInstances, c.t.requestsPerConnection, c.t.zones, c.t.workingSetMinMB, c.t.privateFleet} {
		if f != nil && f.norm <= 0 {
			add(f.Line, "%q must be greater than zero", f.ID)
		}
	}
	if f := c.t.hoursPerMonth; f != nil && f.norm > 744 {
		add(f.Line, "hours_per_month %v is more than the 744 hours of a 31-day month", f.Value)
	}
	if f := c.t.targetUtilisation; f != nil && f.norm > 1 {
		add(f.Line, "target_utilisation is a share of capacity: at most 1 (100%%)")
	}
	if full, audited := c.t.opsHoursFullControl, c.t.opsHoursCompliance; full != nil && audited != nil && full.norm < audited.norm {
		// Machines on the team's own images owe the regime's evidence too.
		add(full.Line, "ops_hours_full_control %v is fewer than ops_hours_compliance %v", full.Value, audited.Value)
	}
	for _, traffic := range TrafficShapes {
		if c.profile(traffic) == nil {
			add(1, "profiles: traffic %q has no profile", traffic)
		}
	}
	for _, p := range c.Profiles {
		sum := 0.0
		for _, h := range p.Hourly {
			if h < 0 || math.IsNaN(h) {
				sum = math.NaN()
			}
			sum += h
		}
		if len(p.Hourly) != 24 || !(sum > 0) {
			add(p.Line, "profile %q needs 24 hourly loads >= 0, not all zero", p.Traffic)
			continue
		}
		for i := range p.Hourly {
			p.Hourly[i] *= 24 / sum
			p.quietestFirst[i] = i
		}
		slices.SortStableFunc(p.quietestFirst[:], func(a, b int) int { return cmp.Compare(p.Hourly[a], p.Hourly[b]) })
		if p.FastHeadroom == 0 {
			p.FastHeadroom = p.Headroom
		}
		if p.Headroom < 1 || p.FastHeadroom < 1 || p.FastHeadroom > p.Headroom || p.Surge < 0 || p.Why == "" {
			add(p.Line, "profile %q needs headroom >= 1, a fast_headroom from 1 to headroom (or none), surge >= 0 and a why", p.Traffic)
		}
	}
	return ps
}

// largestFile is the largest file, in bytes, that the cloud's functions
// return in one response: their limit, less what encoding a binary body
// takes (Lambda's base64, functions_binary_payload_share); 0 where they
// have no such limit.
func (c *Cloud) largestFile() float64 {
	lim := c.t.functionsMaxPayloadMB
	if lim == nil {
		return 0
	}
	fits := lim.v() * (1 << 20)
	if share := c.t.functionsBinaryPayloadShare; share != nil {
		fits *= share.v()
	}
	return fits
}

// filesFrom is the average response, in bytes, from which every bill
// serves the responses from object storage through signed links
// (files_from_storage_mb), or from which the cloud's functions could not
// return them, with the room limit_run_share leaves: every option is then
// priced with the same design.
func (c *Cloud) filesFrom(k *commonTable) float64 {
	// In megabytes of 10⁶ bytes, as the model counts data: "1 MB or
	// more" had begun at 1,048,576 bytes, so that responses of exactly
	// 1 MB went through the fleets' load balancer (review 205). The
	// functions' payload limits are in binary megabytes, as the
	// providers count them (largestFile).
	from := k.filesFromStorageMB.v() * 1e6
	if fits := c.largestFile(); fits > 0 {
		from = min(from, fits*k.limitRunShare.v())
	}
	return from
}

// functionsMaxRun is how long one function invocation may run for the
// kind of work: HTTP requests have their own limit on some clouds, and
// scheduled runs on those whose scheduler calls the function over HTTP
// and gives up on it sooner.
func (c *Cloud) functionsMaxRun(entry Entry) *Fact {
	switch {
	case entry == EntryHTTP:
		return c.t.functionsHTTPMaxSeconds
	case entry == EntrySchedule && c.t.functionsScheduleMaxSeconds != nil:
		return c.t.functionsScheduleMaxSeconds
	}
	return c.t.functionsMaxRunSeconds
}

func (c *Common) profile(traffic string) *Profile {
	for _, p := range c.Profiles {
		if p.Traffic == traffic {
			return p
		}
	}
	return nil
}

// ipv4PerLoadBalancer is how many public IPv4 addresses the load balancer
// holds and pays for.
func (c *Cloud) ipv4PerLoadBalancer() float64 { return c.t.ipv4PerLoadBalancer.v() }

// commitment is the discount the cloud's file gives an option of kind for
// the answers' commitment, with the fact that states it: 0 and nil
// without a commitment, or where the file has no rate for its term.
func (c *Cloud) commitment(kind OptionKind, in CostInputs) (float64, *Fact) {
	t := &c.t
	switch kind {
	case Functions:
		return discount(in, t.functionsCommit1y, t.functionsCommit3y)
	case Containers:
		return discount(in, t.containersCommit1y, t.containersCommit3y)
	}
	return discount(in, t.serversCommit1y, t.serversCommit3y)
}

// natGateways is how many NAT gateways a private network keeps: one per
// zone unless the cloud's file says otherwise.
func (c *Cloud) natGateways(k *commonTable) float64 {
	if c.t.natGateways != nil {
		return c.t.natGateways.v()
	}
	return k.zones.v()
}
