package advisor

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// Clouds are the providers the cost model prices, in the order the site
// lists them. Their ids are part of the public API (the cloud answer).
var Clouds = []string{"aws", "gcp", "azure"}

// TrafficShapes are the shapes of the traffic the cost model prices, each
// with a daily profile (Common.Profiles).
var TrafficShapes = []string{"steady", "cyclical", "spiky", "unpredictable"}

// Fact is one figure of the cost model: a published price or limit, with
// the official page that states it and the day it was last read there, or
// one of the site's own assumptions, with the reason for its value.
type Fact struct {
	ID         string  `yaml:"id"`
	Label      string  `yaml:"label"`
	Value      float64 `yaml:"value"`
	Unit       string  `yaml:"unit"`
	Source     string  `yaml:"source"`
	AsOf       string  `yaml:"as_of"` // YYYY-MM-DD
	CheckedVia string  `yaml:"checked_via"`
	// Unverified says why a published figure has not been read on its
	// official page yet, and where it comes from meanwhile; such a figure
	// has no as_of, and the checker warns about it.
	Unverified string `yaml:"unverified"`
	Why        string `yaml:"why"`
	// Beyond, on a limit, says in a sentence what the provider offers
	// past it; the page says it after the limit rules an option out.
	Beyond string `yaml:"beyond"`
	// PerProject, on a free allowance, says that each project (or
	// account of its own) gets it, so that other work elsewhere does not
	// spend it: the answer freetier=no, which leaves out the grants the
	// account's other work spends, keeps it.
	PerProject bool `yaml:"per_project"`
	// Tiers lower the price above a quantity (requests, GB-seconds, GB),
	// in the quantity's own unit; Value is the price of the first tier.
	Tiers []Tier `yaml:"tiers"`
	// Table holds a limit that is a list, such as the CPU a function gets
	// at each memory size.
	Table []TableRow `yaml:"table"`
	// Listed is a limit that is a list of sizes, in words, for the page.
	Listed string `yaml:"-"`
	Line   int    `yaml:"-"`

	Date time.Time `yaml:"-"` // AsOf, parsed by validation
	norm float64   // Value in the model's unit, set by validation
	// data is the gigabytes in one of the data units a price per GiB is
	// published in (gib, else 1): its tiers' quantities, and the
	// quantities a formula shows beside it, are in that unit.
	data   float64
	factor float64 // from the published unit to the model's
	per    float64 // quantity one price is for: 1, or a million requests
}

// Tier is the marginal price above a quantity.
type Tier struct {
	Above float64 `yaml:"above"`
	Value float64 `yaml:"value"`
}

// TableRow is one row of a limit that is a table.
type TableRow struct {
	MemoryMB    float64 `yaml:"memory_mb"`
	VCPU        float64 `yaml:"vcpu"`
	Concurrency float64 `yaml:"concurrency"`
}

// v is the fact's value in the model's unit; a fact a cloud does not have
// is nil and worth 0.
func (f *Fact) v() float64 {
	if f == nil {
		return 0
	}
	return f.norm
}

// cost prices a quantity (requests, GB-seconds, GB: the quantity the price
// is for), each part at its tier's price.
func (f *Fact) cost(quantity float64) float64 {
	if f == nil || quantity <= 0 {
		return 0
	}
	total, price, from := 0.0, f.norm, 0.0
	for _, t := range f.Tiers {
		above := t.Above * f.dataUnit()
		if quantity <= above {
			break
		}
		total += (above - from) * price
		from, price = above, t.Value*f.factor
	}
	return (total + (quantity-from)*price) / f.per
}

// dataUnit is the gigabytes in the unit of data f is priced by: 1 but
// for a price per GiB.
func (f *Fact) dataUnit() float64 {
	if f == nil || f.data == 0 {
		return 1
	}
	return f.data
}

// lowestRate is the lowest price a unit of quantity pays at any tier,
// relative to f.per: cost(q) is never below q × lowestRate. It is 1 for a
// missing fact, which then discounts nothing.
func (f *Fact) lowestRate() float64 {
	if f == nil {
		return 1
	}
	low := f.norm
	for _, t := range f.Tiers {
		low = math.Min(low, t.Value*f.factor)
	}
	return low / f.per
}

// gib is the gigabytes (10⁹ bytes, the model's unit of data) in a gibibyte
// (2³⁰ bytes), which Google Cloud prices data transfer and logs by.
const gib = 1 << 30 / 1e9

// units maps each unit an editor may write to its dimension and the factor
// that turns a value in it into the model's unit of that dimension. A
// price of data per GiB and a free allowance of "GiB of data" are turned
// into gigabytes, where memory in GiB, which every platform sizes by,
// stays as it is.
var units = map[string]struct {
	dim    string
	factor float64
}{
	"USD per million requests":           {"usd/Mreq", 1},
	"USD per million executions":         {"usd/Mreq", 1},
	"USD per million messages":           {"usd/Mreq", 1},
	"USD per million connection-minutes": {"usd/Mmin", 1},
	"USD per unit per day":               {"usd/h", 1.0 / 24},
	"USD per GB-second":                  {"usd/GBs", 1},
	"USD per GiB-second":                 {"usd/GBs", 1},
	"USD per GB-hour":                    {"usd/GBs", 1.0 / 3600},
	"USD per GiB-hour":                   {"usd/GBs", 1.0 / 3600},
	"USD per vCPU-second":                {"usd/vCPUs", 1},
	"USD per vCPU-hour":                  {"usd/vCPUs", 1.0 / 3600},
	"USD per hour":                       {"usd/h", 1},
	"Gbit/s":                             {"Gbps", 1},
	"USD per LCU-hour":                   {"usd/h", 1},
	"USD per GB":                         {"usd/GB", 1},
	"USD per GB-month":                   {"usd/GBmo", 1},
	"GB-months":                          {"GBmo", 1},
	"USD per disk per month":             {"usd/mo", 1},
	"USD per GiB":                        {"usd/GB", 1 / gib},
	"requests":                           {"requests", 1},
	"executions":                         {"requests", 1},
	"GB-seconds":                         {"GBs", 1},
	"GiB-seconds":                        {"GBs", 1},
	"vCPU-seconds":                       {"vCPUs", 1},
	"vCPU-hours":                         {"vCPUh", 1},
	"GB":                                 {"GB", 1},
	"GiB":                                {"GB", 1},
	"GiB of data":                        {"GB", gib},
	"GB of memory":                       {"GB", 1},
	"seconds":                            {"s", 1},
	"minutes":                            {"s", 60},
	"ms":                                 {"ms", 1},
	"MB":                                 {"MB", 1},
	"KB":                                 {"MB", 1.0 / 1024},
	"bytes":                              {"bytes", 1},
	"percent":                            {"fraction", 0.01},
	"share":                              {"fraction", 1},
	"hours":                              {"h", 1},
	"hours per month":                    {"h", 1},
	"USD":                                {"usd", 1},
	"vCPUs":                              {"count", 1},
	"instances":                          {"count", 1},
	"units":                              {"count", 1},
	"addresses":                          {"count", 1},
	"zones":                              {"count", 1},
	"events":                             {"count", 1},
	"concurrent executions":              {"count", 1},
	"requests at once":                   {"count", 1},
	"requests per connection":            {"count", 1},
	"requests per second":                {"count", 1},
	"times the load":                     {"count", 1},
	"months":                             {"count", 1},
	"runs":                               {"count", 1},
	"runs an hour":                       {"count", 1},
	"messages":                           {"count", 1},
	"connections":                        {"count", 1},
	"connection-minutes":                 {"count", 1},
}

// binding ties a fact's id in a pricing file to a field of the typed price
// table, with the dimension its unit must have.
type binding struct {
	id       string
	kind     string // "price", "limit" or "assumption"
	dim      string
	required bool
	field    **Fact
}

// Validate checks one provider's file and builds its typed price table. It
// must be called once before the cloud is used.
func (c *Cloud) Validate() []Problem {
	var ps []Problem
	add := func(line int, format string, args ...any) {
		ps = append(ps, Problem{line, fmt.Sprintf(format, args...)})
	}
	if !slices.Contains(Clouds, c.ID) {
		add(1, "id %q is not a cloud the model knows; the clouds are %s", c.ID, strings.Join(Clouds, ", "))
	}
	if c.Name == "" || c.Region == "" {
		add(1, "the file needs a name and a region")
	}
	ps = append(ps, c.Products.validate()...)
	ps = append(ps, bindFacts(c.bindings(), c.Prices, c.Limits, c.Assumptions)...)
	ps = append(ps, c.validateCatalogue()...)
	switch c.FunctionsBilling {
	case BillingExecution:
	case BillingInstance:
		if c.t.functionsInstanceSizes == nil {
			add(1, "functions_billing: instance needs the limit functions_instance_sizes")
		}
	default:
		add(1, "functions_billing must be execution or instance, not %q", c.FunctionsBilling)
	}
	if c.ContainersBilling != BillingRequest && c.ContainersBilling != BillingInstance {
		add(1, "containers_billing must be request or instance, not %q", c.ContainersBilling)
	}
	if c.FrontDoor != "gateway_or_load_balancer" && c.FrontDoor != "built_in" {
		add(1, "front_door must be gateway_or_load_balancer or built_in, not %q", c.FrontDoor)
	}
	if c.t.containersConnectionMaxSeconds != nil && (c.Products.SessionStore == "" || c.t.sessionStoreGBSecond == nil) {
		add(1, "containers_connection_max_seconds needs products.session_store and the price session_store_gb_hour: sessions that reconnect keep their state in that store")
	}
	if c.ContainersTimeoutIsIdle && (c.t.containersMaxRequestSeconds == nil || c.t.containersIdleMaxSeconds == nil) {
		add(1, "containers_timeout_is_idle needs the limits containers_max_request_seconds and containers_idle_max_seconds: the idle timeout of the containers' front door it says the first is, and the most it can be raised to")
	}
	units := []*Fact{c.t.messagingMaxUnits, c.t.messagingUnitsOneAtATime, c.t.messagingUnitStep}
	if slices.ContainsFunc(units, func(f *Fact) bool { return f != nil }) && (slices.Contains(units, nil) || c.t.messagingUnitHourly == nil) {
		add(1, "messaging_max_units, messaging_units_one_at_a_time and messaging_unit_step go together, beside messaging_unit_hourly: the unit counts an instance of the messaging service scales to")
	}
	if large := []bool{c.t.fanOutGbps != nil, c.t.fanOutLargeGbps != nil, c.t.fanOutLargeHourly != nil, c.Products.FanOutLarge != ""}; slices.Contains(large, true) && slices.Contains(large, false) {
		add(1, "fan_out_gbps, fan_out_large_gbps, fan_out_large_hourly and products.fan_out_large go together: what the smallest node sustains, and the larger node the channel moves to past it")
	}
	if c.t.fanOutLargeReplicatedHourly != nil && (c.t.fanOutLargeHourly == nil || c.t.fanOutReplicatedHourly == nil) {
		add(1, "fan_out_large_replicated_hourly prices the larger node's replicated tier: it needs fan_out_large_hourly, and fan_out_replicated_hourly for the smallest node's")
	}
	if c.Products.FanOut == "" {
		add(1, "products.fan_out must name the managed Redis that fan_out_hourly prices: a fleet holding fan-out messaging's connections passes messages between its instances on it")
	}
	if batches := []bool{c.t.eventBatchSizeStream != nil, c.Products.QueueBatches != "", c.Products.StreamBatches != ""}; slices.Contains(batches, true) && slices.Contains(batches, false) {
		add(1, "event_batch_size_stream, products.queue_batches and products.stream_batches go together: a stream trigger's batch, and how the queue triggers and the stream's hand events over, which the stream batches caveat says")
	}
	if (c.t.dbPoolerVCPUHour != nil) != (c.Products.DBPooler != "" && c.t.dbPoolerMinVCPUs != nil) {
		add(1, "db_pooler_vcpu_hour, db_pooler_min_vcpus and products.db_pooler go together: the pooler, its price per database vCPU-hour and the fewest vCPUs it bills")
	}
	for _, k := range c.WarmFollowsLoad {
		if k != Functions && k != Containers {
			add(1, "warm_follows_load lists functions or containers, whose warm capacity the platform schedules, not %q", k)
		}
	}
	if c.EventDelivery != "push" && c.EventDelivery != "pull" {
		add(1, "event_delivery must be push (events arrive as HTTP requests) or pull (workers read the queue), not %q", c.EventDelivery)
	}
	ps = append(ps, c.namedFactProblems()...)
	c.buildCatalogue()
	if c.Products.FreeMachine != "" && !slices.ContainsFunc(c.catalogue[1], func(m machine) bool { return m.name == c.Products.FreeMachine }) {
		add(c.Products.Line, "products.free_machine %q names no size of the server catalogue", c.Products.FreeMachine)
	}
	served := c.ContainersBilling == BillingRequest
	c.names, c.sessionNames = c.namesReplacer(c.ContainersBilling, served, false), c.namesReplacer(BillingInstance, false, false)
	c.runNames, c.unpushedNames = c.namesReplacer(BillingRun, served, false), c.namesReplacer(BillingRun, false, served)
	c.jobNames = c.namesReplacer(BillingRun, served, true)
	return ps
}

// namedFactProblems checks the facts that go with a name in products, the
// product they price or the setting that raises them: both or neither,
// or for a setting that may stand alone (products.jobs_timeout, which
// every job sets where the jobs have no default), the name wherever the
// fact is.
func (c *Cloud) namedFactProblems() []Problem {
	var ps []Problem
	for _, p := range []struct {
		fact, name, nameAlone bool
		message               string
	}{
		{c.t.registryHourly != nil, c.Products.Registry != "", false, "container_registry_daily and products.registry go together: the registry the serverless containers' images are pulled from and its daily charge"},
		{c.t.functionsDefaultRunSeconds != nil, c.Products.FunctionsTimeout != "", false, "functions_default_run_seconds and products.functions_timeout go together: the run time after which the functions stop an execution by default and the setting that raises it"},
		{c.t.functionsScheduleDefaultSeconds != nil, c.Products.Scheduler != "", false, "functions_schedule_default_seconds and products.scheduler go together: the time the scheduler waits for a scheduled run by default and the scheduler"},
		{c.t.jobsDefaultRunSeconds != nil, c.Products.JobsTimeout != "", true, "jobs_default_run_seconds needs products.jobs_timeout: the setting that raises the run time after which the jobs stop a task"},
		{c.t.serversFreeHours != nil, c.Products.FreeMachine != "", false, "servers_free_hours and products.free_machine go together: the hours of one server size the free tier pays for each month"},
		{c.t.logsGBCheaperClass != nil, c.Products.LogsCheaperClass != "", false, "logs_gb_cheaper_class and products.logs_cheaper_class go together: the log class that ingests for less, what it gives up, and its price"},
	} {
		if p.fact != p.name && !(p.nameAlone && p.name) {
			ps = append(ps, Problem{c.Products.Line, p.message})
		}
	}
	return ps
}

// bindFacts checks every fact of a file against the bindings: each id known,
// listed once, in the right list, with a unit of the right dimension, a
// source and date for published figures and a reason for assumptions.
func bindFacts(bs []binding, prices, limits, assumptions []*Fact) []Problem {
	var ps []Problem
	add := func(line int, format string, args ...any) {
		ps = append(ps, Problem{line, fmt.Sprintf(format, args...)})
	}
	byID := map[string]binding{}
	for _, b := range bs {
		byID[b.id] = b
	}
	seen := map[string]bool{}
	lists := []struct {
		kind  string
		facts []*Fact
	}{{"price", prices}, {"limit", limits}, {"assumption", assumptions}}
	for _, list := range lists {
		for _, f := range list.facts {
			b, ok := byID[f.ID]
			switch {
			case !ok:
				add(f.Line, "unknown id %q; the cost model reads %s", f.ID, knownIDs(bs, list.kind))
				continue
			case seen[f.ID]:
				add(f.Line, "%q is listed twice", f.ID)
				continue
			case b.kind != list.kind:
				add(f.Line, "%q belongs in the %ss, not the %ss", f.ID, b.kind, list.kind)
				continue
			}
			seen[f.ID] = true
			ps = append(ps, checkFact(f, b)...)
			*b.field = f
		}
	}
	for _, b := range bs {
		if b.required && !seen[b.id] {
			add(1, "%s %q is missing; the cost model needs it", b.kind, b.id)
		}
	}
	return ps
}

func knownIDs(bs []binding, kind string) string {
	var ids []string
	for _, b := range bs {
		if b.kind == kind {
			ids = append(ids, b.id)
		}
	}
	return strings.Join(ids, ", ")
}

// checkFact validates one fact against its binding and sets its value in
// the model's unit.
func checkFact(f *Fact, b binding) []Problem {
	var ps []Problem
	add := func(format string, args ...any) {
		ps = append(ps, Problem{f.Line, fmt.Sprintf("%q: ", f.ID) + fmt.Sprintf(format, args...)})
	}
	if f.Label == "" {
		add("needs a label")
	}
	u, ok := units[f.Unit]
	switch {
	case !ok:
		add("unknown unit %q", f.Unit)
	case b.dim != "" && u.dim != b.dim:
		add("unit %q does not fit; use a unit of %s", f.Unit, unitsOf(b.dim))
	}
	if math.IsNaN(f.Value) || math.IsInf(f.Value, 0) || f.Value < 0 {
		add("%v is not a possible value; values are numbers >= 0", f.Value)
	}
	f.norm, f.factor, f.per, f.data = f.Value*u.factor, u.factor, 1, 1
	if u.dim == "usd/GB" {
		f.data = 1 / u.factor
	}
	if u.dim == "usd/Mreq" || u.dim == "usd/Mmin" {
		f.per = 1e6
	}
	for i, t := range f.Tiers {
		if t.Value < 0 || (i > 0 && t.Above <= f.Tiers[i-1].Above) || t.Above <= 0 {
			add("tiers must have rising quantities above 0 and prices >= 0")
			break
		}
	}
	if f.Beyond != "" && (b.kind != "limit" || !strings.HasSuffix(f.Beyond, ".")) {
		add("beyond is a sentence, ending with a full stop, on a limit: what the provider offers past it")
	}
	if f.PerProject && !strings.Contains(f.ID, "_free_") {
		add("per_project is for a free allowance (an id with _free_): one each project gets")
	}
	if b.kind == "assumption" {
		if f.Why == "" {
			add("an assumption needs a why: the reason for its value")
		}
		return ps
	}
	if f.Why != "" {
		add("a %s is published: give it a source and as_of, not a why", b.kind)
	}
	if !strings.HasPrefix(f.Source, "https://") {
		add("needs a source: the https URL of the official page that states it")
	}
	if f.Unverified != "" {
		if f.AsOf != "" {
			add("an unverified figure has no as_of: it was not read on %s", f.Source)
		}
		return ps
	}
	if d, err := time.Parse(time.DateOnly, f.AsOf); err != nil {
		add("as_of %q is not a date in the form YYYY-MM-DD", f.AsOf)
	} else {
		f.Date = d
	}
	return ps
}

func unitsOf(dim string) string {
	var out []string
	for name, u := range units {
		if u.dim == dim {
			out = append(out, fmt.Sprintf("%q", name))
		}
	}
	slices.Sort(out)
	return strings.Join(out, " or ")
}

// Sourced returns every published figure of the cloud: prices, limits and
// the instance catalogue.
func (c *Cloud) Sourced() []*Fact {
	out := slices.Concat(c.Prices, c.Limits)
	for _, fam := range c.Instances {
		out = append(out, &fam.Fact)
	}
	if c.ContainerSizes.Source != "" {
		out = append(out, &c.ContainerSizes.Fact)
	}
	return out
}
