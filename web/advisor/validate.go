package advisor

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// costKeys are the questions the cost model reads, with the options it
// understands (none for numbers). The model must ask every one of them.
var costKeys = []struct {
	key    string
	kind   Kind
	values []string
}{
	{"cloud", Choice, Clouds},
	{"traffic", Choice, TrafficShapes},
	{"entry", Choice, []string{string(EntryHTTP), string(EntryEvents), string(EntrySchedule)}},
	{volumeKey, Number, nil},
	{"duration", Number, nil},
	{"memory", Number, nil},
	{"cpu", Choice, []string{"light", "moderate", "heavy"}},
	{"latency", Choice, []string{"relaxed", "sensitive", "critical"}},
	{"ops", Choice, nil},
	{"growth", Number, nil},
	{"freetier", Choice, []string{"yes", "no"}},
	{"arch", Choice, []string{"x86", "arm"}},
	{"opscost", Choice, []string{"no", "yes"}},
	{"commit", Choice, []string{"none", "1y", "3y"}},
	{"egress", Number, nil},
}

// maxWeight bounds an answer's weight: one answer must not decide
// everything alone; hard limits are constraints, not huge weights.
const maxWeight = 10

// maxCostWeight bounds the cost factor's cap.
const maxCostWeight = 40

// Compile checks the model against itself and against the prices, prepares
// its indexes and returns it ready to use, with every problem it found.
// The prices must have been validated first.
func Compile(m *Model, p *Pricing) (*Model, []Problem) {
	var ps problems
	m.Pricing = p
	m.validateQuestions(&ps) // first: conditions elsewhere name its questions
	m.validateVerdicts(&ps)
	m.validateCostKeys(&ps)
	m.validateCost(&ps)
	m.validateCaveats(&ps)
	m.validateConstraints(&ps)
	m.validateRest(&ps)
	m.validateHeadroom(&ps)
	m.validateSessionLimit(&ps)
	if len(ps) == 0 {
		m.validateBalance(&ps)
	}
	slices.SortStableFunc(ps, func(a, b Problem) int { return a.Line - b.Line })
	m.volumeInConditions = m.readsVolume()
	m.workloads = m.workloadParts()
	m.defaults = m.CostInputs(m.Defaults())
	m.axes = newMemo[axisKey, *axis](maxAxes)
	m.gridAxes = newMemo[gridKey, *axis](maxAxes)
	m.sampled = newMemo[costKey, *sampledBills](maxAxes)
	m.fitted = newMemo[costKey, fitting](maxAxes)
	p.curves = newMemo[costKey, *volumeCurve](maxCurves)
	p.Common.t.savings = newMemo[savingKey, float64](maxSavings)
	return m, ps
}

func (m *Model) validateVerdicts(ps *problems) {
	if m.Temperature <= 0 {
		ps.add(1, "temperature must be a positive number (try 3)")
	}
	if m.CloseCallMargin < 0 {
		ps.add(1, "close_call_margin must be 0 or more")
	}
	for i := range m.tieRank {
		m.tieRank[i] = i
	}
	if len(m.TieOrder) > 0 {
		for i, v := range Verdicts {
			m.tieRank[i] = slices.Index(m.TieOrder, v)
		}
		if len(m.TieOrder) != len(Verdicts) || slices.Contains(m.tieRank[:], -1) || m.TieReason == "" {
			ps.add(1, "tie_order must list each of %s once, and tie_reason say why", joinNames(Verdicts))
		}
	}
	if m.TieReasonCost == "" || m.TieReasonFree == "" {
		ps.add(1, "tie_reason_cost and tie_reason_free must say how the bills decide a tie")
	}
	seen := map[Verdict]bool{}
	for _, v := range m.Verdicts {
		if !slices.Contains(Verdicts, v.ID) {
			ps.add(v.Line, "unknown verdict %q; the verdicts are %s", v.ID, VerdictNames())
		}
		if v.Label == "" || v.Summary == "" || v.Buys == "" {
			ps.add(v.Line, "verdict %q needs a label, a summary and what it buys", v.ID)
		}
		words := map[string]map[Verdict]string{"buys_over": v.BuysOver, "buys_over_runs": v.BuysOverRuns}
		if u := v.Unasked; u != nil {
			if u.Buys == "" || len(u.When) == 0 {
				ps.add(v.Line, "verdict %q: unasked needs a condition (when) and what the price buys then (buys)", v.ID)
			}
			m.validateCondition(ps, v.Line, u.When)
			words["unasked.buys_over"] = u.BuysOver
		}
		for field, words := range words {
			for other, text := range words {
				if !slices.Contains(Verdicts, other) || other == v.ID || text == "" {
					ps.add(v.Line, "verdict %q: %s needs the words for another of %s, not %q", v.ID, field, joinNames(Verdicts), other)
				}
			}
		}
		seen[v.ID] = true
	}
	for _, v := range Verdicts {
		if !seen[v] {
			ps.add(1, "verdicts: %q is missing", v)
		}
	}
}

func (m *Model) validateQuestions(ps *problems) {
	m.byKey = map[string]*Question{}
	if len(m.Questions) == 0 {
		ps.add(1, "the model has no questions")
	}
	for _, q := range m.Questions {
		q.defaultAnswer = q.canonicalDefault()
		if q.Key == "" || strings.Trim(q.Key, "abcdefghijklmnopqrstuvwxyz_") != "" {
			ps.add(q.Line, "question key %q must be lower-case letters", q.Key)
		}
		if m.byKey[q.Key] != nil || derived[q.Key] != nil {
			ps.add(q.Line, "question %q is defined twice or uses a reserved name", q.Key)
		}
		m.byKey[q.Key] = q
		if q.Label == "" {
			ps.add(q.Line, "question %q needs a label", q.Key)
		}
		if q.Section == "" {
			q.Section = Sections[0]
		}
		if !slices.Contains(Sections, q.Section) {
			ps.add(q.Line, "question %q: section must be one of %s, not %q", q.Key, strings.Join(Sections, ", "), q.Section)
		}
		switch q.Kind {
		case Choice:
			q.validateChoice(ps)
		case Number:
			q.validateNumber(ps)
		default:
			ps.add(q.Line, "question %q: kind must be %q or %q, not %q", q.Key, Choice, Number, q.Kind)
		}
	}
}

func (q *Question) validateChoice(ps *problems) {
	if q.Min != nil || q.Max != nil || q.Flip != "" {
		ps.add(q.Line, "question %q is a choice: it takes options, not min, max or flip", q.Key)
	}
	if len(q.Options) < 2 {
		ps.add(q.Line, "question %q needs at least two options", q.Key)
	}
	seen := map[string]bool{}
	for _, o := range q.Options {
		if !IsSlug(o.Value) {
			ps.add(o.Line, "question %q: option value %q must be lower-case letters, digits and hyphens", q.Key, o.Value)
		}
		if seen[o.Value] {
			ps.add(o.Line, "question %q: option %q is listed twice", q.Key, o.Value)
		}
		seen[o.Value] = true
		q.validateOption(o, ps)
	}
	if q.Default == "" {
		ps.add(q.Line, "question %q has no default answer", q.Key)
	} else if !seen[q.Default] {
		ps.add(q.Line, "question %q: default %q is not one of its options", q.Key, q.Default)
	}
	if q.NotCounted != "" && (len(q.Applies) == 0 || q.Kind != Number) {
		ps.add(q.Line, "question %q: not_counted is for a number question with applies; a choice question's options say it of themselves", q.Key)
	}
	for _, o := range q.Options {
		if o.NotCounted != "" && (len(q.Applies) == 0 || o.Value == q.Default) {
			ps.add(o.Line, "question %q, option %q: not_counted is said where the question does not apply and another answer than the default was given: the question needs applies, and the option must not be the default", q.Key, o.Value)
		}
	}
	if q.BilledWhenNotAsked != "" && (!seen[q.BilledWhenNotAsked] || len(q.Applies) == 0) {
		ps.add(q.Line, "question %q: billed_when_not_asked %q must be one of its options, on a question with applies", q.Key, q.BilledWhenNotAsked)
	}
}

// validateOption checks an option's weights and that its words agree with
// them: it names the verdict its weights favour most, gives the reason for
// it, and says in a clause what the option is.
func (q *Question) validateOption(o *Option, ps *problems) {
	prefix := fmt.Sprintf("question %q, option %q: ", q.Key, o.Value)
	if o.Label == "" {
		ps.add(o.Line, "%sneeds a label", prefix)
	}
	o.weights = validateWeights(ps, o.Line, prefix, o.Weights, o.Favours, o.Reason)
	if o.CountsFromExecutions != (o.FewExecutions != "") {
		ps.add(o.Line, "%scounts_from_executions and few_executions come together: where the answer does not count, the reader is told why", prefix)
	}
	if (o.EventsReason != "" || o.CommittedReason != "" || o.KeptRunningReason != "" || o.RunsReason != "" || o.SessionsReason != "" || o.OneWorkloadReason != "" || o.SharedReason != "" || o.KeptWarmReason != "") && o.Reason == "" {
		ps.add(o.Line, "%shas an events_reason, a committed_reason, a kept_running_reason, a runs_reason, a sessions_reason, a one_workload_reason, a shared_reason or a kept_warm_reason but no reason to stand beside", prefix)
	}
	if q.Section != "costs" && !q.NoFlips && o.Clause == "" {
		ps.add(o.Line, "%sneeds a clause that completes \"Serverless if …\" with this answer", prefix)
	}
}

// validateWeights checks the weights of the item at line, and that the
// words beside them agree: favours names the verdict they favour most,
// and a reason argues for it. It returns them in the order of Verdicts.
// Each problem starts with prefix, which names the item.
func validateWeights(ps *problems, line int, prefix string, ws Weights, favours Verdict, reason string) perVerdict {
	at := func(format string, args ...any) { ps.add(line, prefix+format, args...) }
	for v, w := range ws.Values {
		if !slices.Contains(Verdicts, Verdict(v)) {
			ps.add(max(ws.Line, line), prefix+"weight for unknown verdict %q", v)
		}
		if math.IsNaN(w) || math.Abs(w) > maxWeight {
			ps.add(max(ws.Line, line), prefix+"weight %v for %s is impossible: weights lie between -%d and %d", w, v, maxWeight, maxWeight)
		}
	}
	var out perVerdict
	for i, v := range Verdicts {
		out[i] = ws.Of(v)
	}
	top := topWeights(out)
	if len(top) == 0 {
		if favours != "" || reason != "" {
			at("has no weights, so it favours nothing and needs no favours or reason")
		}
		return out
	}
	names := make([]string, len(top))
	for i, t := range top {
		names[i] = string(Verdicts[t])
	}
	switch {
	case !slices.Contains(names, string(favours)):
		at("its weights favour %s most, so favours must be %s, not %q", series(names, "and"), series(names, "or"), favours)
	case reason == "":
		at("weights need a reason that argues for %s", favours)
	}
	return out
}

// validateHeadroom checks the rule for work near the functions' limit,
// which a model may leave out.
func (m *Model) validateHeadroom(ps *problems) {
	h := m.Headroom
	if h == nil {
		return
	}
	if h.Share <= 0 || h.Share >= 100 {
		ps.add(h.Line, "headroom: share must be a percentage of the functions' longest run, above 0 and below 100, not %v", h.Share)
	}
	h.weights = validateWeights(ps, h.Line, "headroom: ", h.Weights, h.Favours, h.Reason)
	if h.weights == (perVerdict{}) {
		ps.add(h.Line, "headroom: needs weights: the rule does nothing without them")
	}
	validateAnswersOnly(ps, h.Line, "headroom: when", h.When)
	m.validateCondition(ps, h.Line, h.When)
}

// validateSessionLimit checks the rule for sessions on containers that
// end connections, which a model may leave out: it joins the answers its
// condition names on its factor's question, and with its weights added
// each of those answers must still favour what it says it does.
func (m *Model) validateSessionLimit(ps *problems) {
	s := m.SessionLimit
	if s == nil {
		return
	}
	var raw perVerdict
	for i, v := range Verdicts {
		raw[i] = s.Weights.Of(v)
	}
	favours := Verdict("")
	if top := topWeights(raw); len(top) > 0 {
		favours = Verdicts[top[0]]
	}
	s.weights = validateWeights(ps, s.Line, "session_limit: ", s.Weights, favours, s.Reason)
	if s.weights == (perVerdict{}) {
		ps.add(s.Line, "session_limit: needs weights: the rule does nothing without them")
	}
	validateAnswersOnly(ps, s.Line, "session_limit: when", s.When)
	m.validateCondition(ps, s.Line, s.When)
	q := m.byKey[s.Factor]
	if q == nil || len(s.When[s.Factor]) == 0 {
		ps.add(s.Line, "session_limit: factor must be a question that when tests, whose answers the reason follows, not %q", s.Factor)
		return
	}
	for _, v := range s.When[s.Factor] {
		o := q.Option(v)
		if o == nil {
			continue // validateCondition names it
		}
		var sum perVerdict
		for i := range sum {
			sum[i] = o.weights[i] + s.weights[i]
		}
		if top := topWeights(sum); !slices.ContainsFunc(top, func(i int) bool { return Verdicts[i] == o.Favours }) {
			ps.add(s.Line, "session_limit: with its weights, %s=%s favours %s most, but that answer says it favours %s", s.Factor, v, Verdicts[top[0]], o.Favours)
		}
	}
}

// validateAnswersOnly reports each fact of c that the bills decide: a
// condition weighed before the bills, such as what, can test answers only.
func validateAnswersOnly(ps *problems, line int, what string, c Condition) {
	for key := range c {
		if derived[key] != nil {
			ps.add(line, "%s may test the answers, not %q, which the bills decide", what, key)
		}
	}
}

// series lists names for a message: "a, b and c".
func series(names []string, conj string) string {
	if n := len(names); n > 1 {
		return strings.Join(names[:n-1], ", ") + " " + conj + " " + names[n-1]
	}
	return strings.Join(names, "")
}

// topWeights are the indexes of the verdicts an option's weights favour
// most: one, or several tied at the top; none when all weights are zero.
func topWeights(w perVerdict) []int {
	if w == (perVerdict{}) {
		return nil
	}
	best := slices.Max(w[:])
	var out []int
	for i, x := range w {
		if x == best {
			out = append(out, i)
		}
	}
	return out
}

func (q *Question) validateNumber(ps *problems) {
	if len(q.Options) > 0 {
		ps.add(q.Line, "question %q: a number question takes min and max, not options", q.Key)
	}
	if q.Min == nil || q.Max == nil || *q.Min > *q.Max {
		ps.add(q.Line, "question %q: a number question needs min and max, with min <= max", q.Key)
		return
	}
	if q.flippable() && !strings.Contains(q.Flip, "{value}") {
		ps.add(q.Line, "question %q: flip must complete \"Serverless if …\" with {value} for the number", q.Key)
	}
	if _, err := q.parseNumber(q.Default); err != nil {
		ps.add(q.Line, "question %q: default: %s", q.Key, err.Msg)
	}
}

// validateCostKeys checks that the model asks every question the cost
// model reads, of the right kind, with every option it understands.
func (m *Model) validateCostKeys(ps *problems) {
	for _, ck := range costKeys {
		q, ok := m.byKey[ck.key]
		if !ok {
			ps.add(1, "the cost model needs the question %q", ck.key)
			continue
		}
		if q.Kind != ck.kind {
			ps.add(q.Line, "question %q must be a %s question: the cost model reads it", q.Key, ck.kind)
			continue
		}
		for _, v := range ck.values {
			if q.Option(v) == nil {
				ps.add(q.Line, "question %q needs the option %q: the cost model reads it", q.Key, v)
			}
		}
	}
	if q, ok := m.byKey["cloud"]; ok && m.Pricing != nil {
		for _, o := range q.Options {
			if !slices.ContainsFunc(m.Pricing.Clouds, func(c *Cloud) bool { return c.ID == o.Value }) {
				ps.add(o.Line, "cloud %q has no prices: add content/pricing/%s.yaml", o.Value, o.Value)
			}
		}
	}
}

func (m *Model) validateCost(ps *problems) {
	c := m.Cost
	if c == nil {
		ps.add(1, "the model needs a cost section: the bills are the volume's only signal")
		return
	}
	if c.Label == "" || c.Reason == "" || !strings.Contains(c.Premium, "{buys}") || !strings.Contains(c.Split, "{platforms}") {
		ps.add(c.Line, "cost needs a label, a reason, a premium sentence that says {buys} and a split that names its {platforms}")
	}
	if !strings.Contains(c.Alongside, "{third}") || !strings.Contains(c.AlongsideFew, "{third}") {
		ps.add(c.Line, "cost needs alongside and alongside_few sentences that say {third}, the bill both the verdict's option and the cheaper one cost far less than")
	}
	if !strings.Contains(c.PremiumRunnerUp, "{premium}") || !strings.Contains(c.PremiumRunnerUp, "{buys}") {
		ps.add(c.Line, "cost needs a premium_runner_up sentence that says the {premium} over the runner-up and what it {buys}")
	}
	c.validateTeamTime(ps)
	if !strings.Contains(c.PremiumRuledOut, "{ruled_out}") {
		ps.add(c.Line, "cost needs a premium_ruled_out sentence that says {ruled_out}, the limit that rules the cheaper option out")
	}
	if !strings.Contains(c.ReasonAlike, "{cheap}") || !strings.Contains(c.ReasonAlike, "{others}") ||
		!strings.Contains(c.ReasonAllAlike, "{cheap}") || strings.Contains(c.ReasonAllAlike, "{others}") {
		ps.add(c.Line, "cost needs a reason_alike that names the bills that cost the same ({cheap}) and the {others}, and a reason_all_alike that names them without {others}")
	}
	for _, shared := range []string{c.Shared, c.SharedUnequal, c.SharedTiered} {
		if !strings.Contains(shared, "{shared}") || !strings.Contains(shared, "{others_rest}") || c.SharedShare <= 0 || c.SharedShare > 100 {
			ps.add(c.Line, "cost needs shared, shared_unequal and shared_tiered sentences that say what every bill pays alike ({shared}) and the bills without it ({others_rest}), and a shared_share above 0 and at most 100")
			break
		}
	}
	if !strings.Contains(c.Fitted, "{where}") || !strings.Contains(c.Fitted, "{volume}") {
		ps.add(c.Line, "cost needs a fitted sentence that says {where} and at what {volume} the verdict's option costs less")
	}
	if !strings.Contains(c.FittedGrowth, "{volume}") || !strings.Contains(c.FittedGrowth, "{month}") || !strings.Contains(c.FittedGrowth, "{growth}") {
		ps.add(c.Line, "cost needs a fitted_growth sentence that says from what {volume} the verdict's option costs less, and in which {month} the {growth} reaches it")
	}
	if !strings.Contains(c.Ops, "{ops_each}") || !strings.Contains(c.Ops, "{cloud_each}") {
		ps.add(c.Line, "cost needs an ops sentence that says each bill's operations time ({ops_each}) and the bills without it ({cloud_each})")
	}
	if !strings.Contains(c.Rewrite, "{usd}") || !strings.Contains(c.Rewrite, "{hours}") {
		ps.add(c.Line, "cost needs a rewrite sentence that says what the move onto functions adds to their bill ({usd}) and from how many {hours}")
	}
	if c.WeightPerDoubling <= 0 || c.GapScale <= 0 || c.HandsOffGapScale <= 0 || c.HandsOffGapScale > c.GapScale || c.RatioCap <= 1 || c.MaxWeight <= 0 || c.MaxWeight > maxCostWeight {
		ps.add(c.Line, "cost: weight_per_doubling and gap_scale must be positive, hands_off_gap_scale positive and no more than gap_scale, ratio_cap above 1 and max_weight between 0 and %d", maxCostWeight)
	}
	if c.LookAhead < 0 || c.LookAhead > 36 {
		ps.add(c.Line, "cost: look_ahead_months must be between 0 and 36")
	}
	if c.LookAheadMaxFactor < 1 {
		ps.add(c.Line, "cost: look_ahead_max_factor must be 1 or more (1 weighs today's volume alone)")
	}
	for _, when := range c.CustomDomainWhen {
		validateAnswersOnly(ps, c.Line, "cost: custom_domain_when", when)
		m.validateCondition(ps, c.Line, when)
	}
	for _, when := range c.SteadyMachinesWhen {
		validateAnswersOnly(ps, c.Line, "cost: steady_machines_when", when)
		m.validateCondition(ps, c.Line, when)
	}
	for _, lt := range []LimitText{m.OptionLimits.Functions, m.OptionLimits.Containers, m.OptionLimits.Servers, m.OptionLimits.Split, m.OptionLimits.SplitJobs} {
		if lt.Message == "" || lt.Clause == "" {
			ps.add(lt.Line, "option_limits: each limit needs a message and a clause")
		}
		if len(lt.RulesOut) == 0 || len(lt.RulesOut) >= len(Verdicts) || slices.ContainsFunc(lt.RulesOut, func(v Verdict) bool { return !slices.Contains(Verdicts, v) }) {
			ps.add(lt.Line, "option_limits: rules_out must name some but not all of %s", VerdictNames())
		}
	}
}

// validateCaveats checks that each caveat says the figure it is about.
func (m *Model) validateCaveats(ps *problems) {
	c := &m.Caveats
	for _, cv := range caveatPlaceholders(c) {
		if !strings.Contains(cv.text, cv.placeholder) {
			ps.add(c.Line, "caveats: %s must say %s, %s", cv.name, cv.placeholder, cv.what)
		}
	}
	m.validateCaveatThresholds(ps)
	if c.Connections == "" {
		ps.add(c.Line, "caveats: connections must say what holds the live features' connections beside functions")
	}
	if c.ServedConnections == "" {
		ps.add(c.Line, "caveats: served_connections must say what holds the live features' connections beside serverless containers billed while serving")
	}
}

// caveatPlaceholder is a caveat's text and a placeholder it must say,
// with what the placeholder stands for.
type caveatPlaceholder struct{ name, text, placeholder, what string }

// caveatPlaceholders are the placeholder each caveat must say.
func caveatPlaceholders(c *Caveats) []caveatPlaceholder {
	return slices.Concat(growthPlaceholders(c), leadPlaceholders(c), []caveatPlaceholder{
		{"concurrency", c.Concurrency, "{peak}", "the executions at the busiest moment"},
		{"concurrency_instances", c.ConcurrencyInstances, "{instances}", "the instances at the busiest moment"},
		{"uncommitted", c.Uncommitted, "{products}", "the products billed without the commitment"},
		{"team_time", c.TeamTime, "{usd}", "the servers' bill with the team's time in it"},
		{"team_time_weighed", c.TeamTimeWeighed, "{usd}", "the servers' bill with the team's time in it"},
		{"nat_zones", c.NATZones, "{one}", "the NAT with one gateway for all the zones"},
		{"balancer_targets", c.BalancerTargets, "{targets}", "how many targets the load balancer takes by default"},
		{"default_timeout", c.DefaultTimeout, "{default}", "the run time after which the functions stop an execution by default"},
		{"default_timeout", c.DefaultTimeout, "{setting}", "the setting that raises it"},
		{"scheduler_deadline", c.SchedulerDeadline, "{default}", "the time the scheduler waits for a run by default"},
		{"database_vpc_one", c.DatabaseVPCOne, "{one}", "what one gateway for every zone would come to"},
		{"jobs_timeout", c.JobsTimeout, "{default}", "the run time after which the jobs stop a task by default"},
		{"jobs_timeout", c.JobsTimeout, "{setting}", "the setting that raises it"},
		{"push_deadline", c.PushDeadline, "{ack_default}", "how long a push subscription waits for an answer by default"},
		{"jobs_per_event", c.JobsPerEvent, "{jobs_per_event}", "what starts a job for each event"},
		{"request_timeout", c.RequestTimeout, "{default}", "the time within which a service must answer by default"},
		{"jobs_as_events", c.JobsAsEvents, "{events}", "the month's events, which the jobs are read as"},
		{"commitment", c.Commitment, "{usd}", "the servers' bill with a three-year commitment"},
		{"commitment_none", c.CommitmentNone, "{usd}", "the servers' bill with a three-year commitment"},
		{"nat_zones_functions", c.NATZonesFunctions, "{one}", "the NAT with one gateway for all the zones"},
		{"nat_shared", c.NATShared, "{usd}", "what the bill's NAT gateway costs"},
		{"nat_shared", c.NATShared, "{hours}", "what the gateway's hours cost"},
		{"forced_team_time", c.ForcedTeamTime, "{hours}", "the hours the servers' upkeep takes a month"},
		{"no_ops_team_time", c.NoOpsTeamTime, "{hours}", "the hours the servers' upkeep takes a month"},
		{"reconnect", c.Reconnect, "{max_connection}", "how long the managed messaging service keeps a connection open"},
		{"reconnect_idle", c.ReconnectIdle, "{idle_max}", "how long the managed messaging service keeps a silent connection open"},
		{"sessions", c.Sessions, "{max_connection}", "how long the serverless containers keep a connection open"},
		{"silent_requests", c.SilentRequests, "{idle_max}", "how long the load balancer keeps a silent connection open"},
		{"balancer_idle", c.BalancerIdle, "{default}", "how long the load balancer keeps a silent connection open by default"},
		{"balancer_lifetime", c.BalancerLifetime, "{default}", "how long the load balancer keeps a connection open by default"},
		{"ingress_idle", c.IngressIdle, "{default}", "how long the serverless containers' front door keeps a silent connection open"},
		{"long_requests", c.LongRequests, "{duration}", "how long the request takes"},
		{"shared_memory", c.SharedMemory, "{working_set}", "the memory each further piece in flight adds"},
		{"own_memory", c.OwnMemory, "{memory}", "the memory each piece in flight holds"},
		{"default_egress", c.DefaultEgress, "{each}", "each request's share of the data sent out"},
		{"default_egress_share", c.DefaultEgressShare, "{usd}", "what the data sent out costs on the bill the requests run on"},
		{"large_responses", c.LargeResponses, "{size}", "a response's share of the data sent out"},
		{"large_responses_default", c.LargeResponsesDefault, "{egress}", "the data sent out by the form's default"},
		{"large_responses_limit", c.LargeResponsesLimit, "{max_payload}", "the largest response the functions return"},
		{"large_responses_time", c.LargeResponsesTime, "{duration}", "how long a request takes"},
		{"large_binary_responses", c.LargeBinaryResponses, "{max_binary}", "the largest file that fits once encoded"},
		{"cdn", c.CDN, "{usd}", "what the data sent out costs on the bill the requests run on"},
		{"custom_domain", c.CustomDomain, "{front}", "what a custom domain goes through"},
		{"custom_domain_beside", c.CustomDomainBeside, "{total}", "the cheaper bill with what a custom domain goes through"},
		{"function_endpoint", c.FunctionEndpoint, "{endpoint}", "the functions' own endpoint"},
		{"side_by_side", c.SideBySide, "{one_by_one}", "the functions' bill with the events one after another"},
		{"batch_window", c.BatchWindow, "{one_each}", "the functions' bill with one event to an invocation"},
		{"stream_batches", c.StreamBatches, "{batched}", "what the executions would come to in full batches"},
		{"cold_starts_tasks", c.ColdStartsTasks, "{containers}", "the serverless containers whose tasks run all the time"},
		{"cold_starts_tasks", c.ColdStartsTasks, "{kept}", "the instances the functions keep warm"},
		{"cold_starts_provisioned", c.ColdStartsProvisioned, "{containers}", "the serverless containers whose tasks run all the time"},
		{"cold_starts_provisioned", c.ColdStartsProvisioned, "{kept}", "the instances the functions keep provisioned"},
		{"arm_x86_only", c.ArmX86Only, "{product}", "the platform that runs x86 code only"},
		{"one_consumer", c.OneConsumer, "{product}", "the platform whose one instance takes the queue's work"},
		{"database_vpc", c.DatabaseVPC, "{usd}", "what the NAT the functions would need costs"},
		{"database_vpc_dearer", c.DatabaseVPCDearer, "{other_usd}", "the bill of the option the NAT would make cheaper"},
		{"session_memory", c.SessionMemory, "{sessions}", "the sessions connected at the busiest hour"},
		{"session_scale_in", c.SessionScaleIn, "{most}", "the fleet's size at the busiest hour"},
		{"one_worker", c.OneWorker, "{usd}", "what a second machine adds a month"},
		{"containers_scale", c.ContainersScale, "{quota}", "the vCPUs an environment runs by default"},
		{"containers_scale_replicas", c.ContainersScaleReplicas, "{max_replicas}", "the most replicas one app scales to"},
		{"containers_default_replicas", c.ContainersDefaultReplicas, "{default}", "the most replicas a revision scales to by default"},
		{"jobs_timeout_required", c.JobsTimeoutRequired, "{setting}", "the timeout every job sets"},
		{"containers_scale_default", c.ContainersScaleDefault, "{default}", "the most replicas a revision scales to by default"},
		{"containers_quota", c.ContainersQuota, "{quota}", "the region's baseline vCPU quota"},
		{"concurrency_warm", c.ConcurrencyWarm, "{max_instances}", "the most instances one app scales to"},
		{"connection_limit", c.ConnectionLimit, "{count}", "how many of the service the clients must be spread over"},
		{"free_tier_spent", c.FreeTierSpent, "{total}", "the bill without the free tier"},
		{"default_logs", c.DefaultLogs, "{usd}", "what the logs cost on the bill the requests run on"},
		{"answered_logs", c.AnsweredLogs, "{usd}", "what the logs cost on the bill the requests run on"},
		{"tiered_logs", c.TieredLogs, "{flat}", "what the other options pay for the same logs"},
		{"tiered_logs_beside", c.TieredLogsBeside, "{tiered}", "what the functions pay for the same logs on their tiers"},
		{"logs_cheaper_class", c.LogsCheaperClass, "{saving}", "what the cheaper log class takes off the bill"},
		{"spot", c.Spot, "{spot}", "the spare capacity the verdict's platform is also sold as"},
		{"spot_servers", c.SpotServers, "{spot}", "the spare capacity the servers are also sold as"},
		{"connection_service", c.ConnectionService, "{minutes}", "the connection-minutes each piece of work is assumed to bring"},
	})
}

// leadPlaceholders are the placeholders of the caveats that say what the
// verdict's lead and the bills leave out: the team's hours it rests on,
// the older functions plan, and the spare capacity the work could run on.
func leadPlaceholders(c *Caveats) []caveatPlaceholder {
	return []caveatPlaceholder{
		{"team_time_lead", c.TeamTimeLead, "{other}", "the verdict the providers' charges alone put first"},
		{"team_time_narrow", c.TeamTimeNarrow, "{other}", "the verdict the providers' charges alone leave second"},
		{"team_time_narrow", c.TeamTimeNarrow, "{points}", "the lead they leave the verdict"},
		{"team_time_lead_ahead", c.TeamTimeLeadAhead, "{usd}", "the other verdict's bill at the volume the look-ahead weighs"},
		{"team_time_lead_ahead", c.TeamTimeLeadAhead, "{own_usd}", "the verdict's bill there"},
		{"team_time_lead_ahead", c.TeamTimeLeadAhead, "{when}", "that volume in words"},
		{"legacy_plan", c.LegacyPlan, "{usd}", "what the executions would cost on the older plan"},
		{"legacy_plan", c.LegacyPlan, "{flex_usd}", "what they cost on the plan the bill prices"},
		{"spot", c.Spot, "{work}", "the work that could run on spare capacity (spot_queued or spot_scheduled)"},
		{"spot_servers", c.SpotServers, "{work}", "the work that could run on spare capacity (spot_queued or spot_scheduled)"},
	}
}

// growthPlaceholders are the placeholder each growth caveat must say.
func growthPlaceholders(c *Caveats) []caveatPlaceholder {
	return []caveatPlaceholder{
		{"growth", c.Growth, "{month}", "the month the option named becomes the cheapest"},
		{"growth_slight", c.GrowthSlight, "{month}", "the month the option named becomes the cheapest"},
		{"growth_alike", c.GrowthAlike, "{alike}", "what every bill pays alike a year on"},
		{"growth_weigh_team_time", c.GrowthWeighTeamTime, "{month}", "the month the option named becomes the cheapest"},
		{"growth_premium", c.GrowthPremium, "{gap_year}", "how much dearer the option recommended is a year on"},
		{"growth_chosen", c.GrowthChosen, "{month}", "the month the option named becomes the cheapest"},
		{"growth_later", c.GrowthLater, "{month}", "the month the option named becomes the cheapest"},
		{"growth_later_trading", c.GrowthLaterTrading, "{passing}", "the option that leads by a close call in some months within the year"},
		{"growth_later_trading", c.GrowthLaterTrading, "{first}", "the first month it leads"},
		{"growth_later_settles", c.GrowthLaterSettles, "{stops}", "the month today's cheapest option stops being the cheapest"},
		{"growth_passing", c.GrowthPassing, "{back}", "the month today's cheapest option is the cheapest again"},
		{"growth_team_time", c.GrowthTeamTime, "{usd}", "the servers' bill a year on with the team's time"},
		{"growth_team_time", c.GrowthTeamTime, "{when}", "when the servers' bill is counted: a year on, or the month they take over"},
		{"growth_team_time_weighed", c.GrowthTeamTimeWeighed, "{usd}", "the servers' bill a year on with the team's time"},
		{"growth_team_time_weighed", c.GrowthTeamTimeWeighed, "{when}", "when the servers' bill is counted: a year on, or the month they take over"},
		{"growth_between", c.GrowthBetween, "{since}", "when the option named is the cheapest on the way"},
		{"growth_between_team_time", c.GrowthBetweenTeamTime, "{team_usd}", "the option's bill a year on with the team's time"},
		{"growth_on_the_way", c.GrowthOnTheWay, "{since}", "when the option named is the cheapest on the way"},
		{"growth_on_the_way", c.GrowthOnTheWay, "{at}", "the month of its widest lead"},
		{"growth_on_the_way", c.GrowthOnTheWay, "{next}", "the option taking over after it"},
		{"growth_then", c.GrowthThen, "{month}", "the month another option takes over"},
		{"growth_then_trading", c.GrowthThenTrading, "{first}", "the first month the option taking over later is the cheapest"},
		{"growth_then_trading", c.GrowthThenTrading, "{month}", "the month another option takes over"},
		{"growth_compounds", c.GrowthCompounds, "{factor}", "how many times growth multiplies the volume"},
	}
}

// validateCaveatThresholds checks the figures from which caveats are said.
func (m *Model) validateCaveatThresholds(ps *problems) {
	c := &m.Caveats
	if c.SharedMemoryMB <= 0 {
		ps.add(c.Line, "caveats: shared_memory_mb must be the memory a piece of work needs, in MB, from which shared_memory is said, above 0")
	}
	if c.ContainersQuotaShare <= 0 || c.ContainersQuotaShare > 1 {
		ps.add(c.Line, "caveats: containers_quota_share must be the share of the region's baseline quota from which containers_quota is said, above 0 and at most 1")
	}
	if c.SessionScaleInAverage <= 0 || c.SessionScaleInAverage >= 1 {
		ps.add(c.Line, "caveats: session_scale_in_average must be the share of a session fleet's busiest size its average is at most for session_scale_in to be said, above 0 and below 1")
	}
	if c.CDNFromUSD < 0 {
		ps.add(c.Line, "caveats: cdn_from_usd must be the least data out a month, in US dollars, of which the cdn caveat speaks, 0 or more")
	}
	if c.GrowthCompoundsFactor <= 1 {
		ps.add(c.Line, "caveats: growth_compounds_factor must be how many times growth multiplies the volume over the timeline before growth_compounds is said, above 1")
	}
	if c.DefaultEgressBytes <= 0 {
		ps.add(c.Line, "caveats: default_egress_bytes must be the data a request sends out, in bytes, below which default_egress is said, above 0")
	}
	if c.ConnectionServiceShare <= 0 || c.ConnectionServiceShare > 100 {
		ps.add(c.Line, "caveats: connection_service_share must be the percentage of the recommended bill from which connection_service is said, above 0 and at most 100")
	}
	if c.ConnectionServiceUSD < 0 {
		ps.add(c.Line, "caveats: connection_service_usd must be the monthly amount from which connection_service is said, 0 or more")
	}
	if c.LongRequestSeconds <= 0 {
		ps.add(c.Line, "caveats: long_request_seconds must be the request's length in seconds from which long_requests is said, above 0")
	}
	if c.NATZonesShare <= 0 || c.NATZonesShare > 100 {
		ps.add(c.Line, "caveats: nat_zones_share must be the percentage of the recommended bill from which nat_zones is said, above 0 and at most 100")
	}
}

func (m *Model) validateConstraints(ps *problems) {
	for _, c := range m.Constraints {
		if c.ID == "" || c.Message == "" || c.Clause == "" {
			ps.add(c.Line, "a constraint needs an id, a message and a clause")
		}
		if len(c.When) == 0 {
			ps.add(c.Line, "constraint %q needs a when condition; without one it would always apply", c.ID)
		}
		if len(c.RulesOut) == 0 || len(c.RulesOut) >= len(Verdicts) {
			ps.add(c.Line, "constraint %q must rule out at least one verdict and not all of them", c.ID)
		}
		for _, v := range c.RulesOut {
			if !slices.Contains(Verdicts, v) {
				ps.add(c.Line, "constraint %q rules out unknown verdict %q", c.ID, v)
			}
		}
		m.validateCondition(ps, c.Line, c.When)
	}
}

func (m *Model) validateRest(ps *problems) {
	m.validateApplies(ps)
	if mg := m.MiddleGround; mg != nil && (!strings.Contains(mg.Sentence, "{first}") || !strings.Contains(mg.Sentence, "{second}")) {
		ps.add(mg.Line, "middle_ground: sentence must say {first} and {second}, the questions of the two cases the verdict comes second on")
	}
	for _, g := range m.Guidelines {
		if g.Text == "" {
			ps.add(g.Line, "a guideline needs text")
		}
		if !slices.Contains(Verdicts, g.Favours) {
			ps.add(g.Line, "guideline favours unknown verdict %q", g.Favours)
		}
		m.validateCondition(ps, g.Line, g.When)
	}
	carrier := false
	for _, s := range m.Split {
		if s.Part == "" || s.Why == "" {
			ps.add(s.Line, "a split part needs a part and a why")
		}
		if s.Priced != "" && s.Priced != PricedIncluded && s.Priced != PricedShare {
			ps.add(s.Line, "split part %q: priced must be %q, %q or left out, not %q", s.Part, PricedIncluded, PricedShare, s.Priced)
		}
		if s.RunsOn == Hybrid || !slices.Contains(Verdicts, s.RunsOn) {
			ps.add(s.Line, "split part %q: runs_on must be serverless, containers or traditional", s.Part)
		}
		if s.RunsAsJobs && (s.RunsOn != ServerlessContainers || s.Carries) {
			ps.add(s.Line, "split part %q: runs_as_jobs is for a part beside the requests that runs on containers", s.Part)
		}
		if s.BesideOthers && s.Carries {
			ps.add(s.Line, "split part %q carries the requests: beside_others is for the parts beside them", s.Part)
		}
		if s.joinsServers() && s.WhyOnServers == "" {
			ps.add(s.Line, "split part %q runs a service of its own on containers: it needs a why_on_servers, said when another part already runs on servers and this one joins it there", s.Part)
		}
		carrier = carrier || (s.Carries && len(s.When) == 0)
		m.validateCondition(ps, s.Line, s.When)
	}
	if len(m.Split) > 0 && !carrier {
		ps.add(m.Split[len(m.Split)-1].Line, "split: the last part that carries the requests must have no condition, so that every hybrid has one")
	}
}

// validateApplies checks the conditions that limit questions, and the
// flips that offer their options, to some answers: on other questions'
// answers, never on the bills.
func (m *Model) validateApplies(ps *problems) {
	for _, q := range m.Questions {
		if _, self := q.Applies[q.Key]; self {
			ps.add(q.Line, "question %q cannot apply only to some of its own answers", q.Key)
		}
		validateAnswersOnly(ps, q.Line, fmt.Sprintf("question %q: applies", q.Key), q.Applies)
		m.validateCondition(ps, q.Line, q.Applies)
		for _, o := range q.Options {
			if _, self := o.FlipWhen[q.Key]; self {
				ps.add(o.Line, "question %q, option %q: flip_when cannot test the question's own answer, which the flip changes", q.Key, o.Value)
			}
			validateAnswersOnly(ps, o.Line, fmt.Sprintf("question %q, option %q: flip_when", q.Key, o.Value), o.FlipWhen)
			m.validateCondition(ps, o.Line, o.FlipWhen)
		}
	}
}

func (m *Model) validateCondition(ps *problems, line int, c Condition) {
	for key, values := range c {
		if len(values) == 0 {
			ps.add(line, "condition on %q lists no values", key)
		}
		if allowed, ok := derived[key]; ok {
			for _, v := range values {
				if !slices.Contains(allowed, Verdict(v)) {
					ps.add(line, "condition on %q: %q must be one of %s", key, v, joinNames(allowed))
				}
			}
			continue
		}
		q, ok := m.byKey[key]
		if !ok {
			ps.add(line, "condition refers to unknown question %q", key)
			continue
		}
		for _, v := range values {
			if q.Kind == Number {
				if _, _, err := parseRange(v); err != nil {
					ps.add(line, "condition on %q: %v", key, err)
				}
			} else if q.Option(v) == nil {
				ps.add(line, "condition on %q: %q is not one of its options", key, v)
			}
		}
	}
}

// validateBalance keeps the promise that the bill decides when the gap is
// large: soft answers together must never outweigh a 3× gap worth $1,000 a
// month between any two of the platforms when neither is ruled out.
func (m *Model) validateBalance(ps *problems) {
	c := m.Cost
	need := c.weight(3, 1000, c.GapScale) - m.CloseCallMargin // a 3× gap of $1,000: $500 against $1,500
	sides := []struct{ for_, against int }{}
	for _, a := range []int{iServerless, iContainers, iTraditional} {
		for _, b := range []int{iServerless, iContainers, iTraditional} {
			if a != b {
				sides = append(sides, struct{ for_, against int }{a, b})
			}
		}
	}
	for _, side := range sides {
		total := 0.0
		for _, q := range m.Questions {
			best := 0.0
			for _, o := range q.Options {
				if m.rulesOutAlone(q.Key, o.Value) {
					continue
				}
				// On a cloud whose containers count such an answer as
				// functions or a split do (ContainersAsFunctions,
				// ContainersAsSplit), its weights there too.
				served := o.weightsOnServedContainers(true)
				diff := max(o.weights[side.for_]-o.weights[side.against], served[side.for_]-served[side.against])
				if o.RunsAlike { // work that runs to completion
					runs := o.weights
					runs[iContainers] = max(runs[iContainers], runs[iServerless])
					diff = max(diff, runs[side.for_]-runs[side.against])
				}
				if s := m.SessionLimit; s != nil && q.Key == s.Factor && slices.Contains(s.When[q.Key], o.Value) {
					diff += s.weights[side.for_] - s.weights[side.against] // joins the answer's weights
				}
				best = math.Max(best, diff)
			}
			total += best
		}
		if h := m.Headroom; h != nil {
			total += max(0, h.weights[side.for_]-h.weights[side.against])
		}
		if total >= need {
			ps.add(c.Line, "soft answers can add up to %.1f points for %s over %s, as much as the %.1f points of a 3× gap worth $1,000 a month: lower the weights or raise weight_per_doubling",
				total, Verdicts[side.for_], Verdicts[side.against], need)
		}
	}
}

// rulesOutAlone reports whether answering v to question key on its own
// rules a verdict out.
func (m *Model) rulesOutAlone(key, v string) bool {
	for _, c := range m.Constraints {
		if len(c.When) == 1 && slices.Contains(c.When[key], v) {
			return true
		}
	}
	return false
}

// weight is the cost factor's weight for a price ratio and the monthly gap
// between the bills, at a gap scale (CostFactor.gapScale): weight_per_doubling for
// each doubling of the ratio up to ratio_cap, times g / (g + s) where g is
// the gap to the power 1.5 and s the scale to the same power (a gap of
// the scale counts half, a quarter of it a tenth, three times it five
// sixths), capped at max_weight. It never falls when the ratio or the gap
// grows, and a large ratio counts even at a small gap, though less.
func (c *CostFactor) weight(ratio, gap, scale float64) float64 {
	gap = math.Max(gap, 0)
	g, s := gap*math.Sqrt(gap), scale*math.Sqrt(scale) // to the power 1.5
	return c.rounded(c.WeightPerDoubling * math.Log2(math.Min(math.Max(ratio, 1), c.RatioCap)) * g / (g + s))
}

// validateTeamTime checks the sentences that quote bills with the team's
// time for the placeholders that carry those bills.
func (c *CostFactor) validateTeamTime(ps *problems) {
	if !strings.Contains(c.TeamTimeWhy, "{rate}") {
		ps.add(c.Line, "cost needs a team_time_why sentence that says {rate}, the hourly rate the hours are counted at")
	}
	for _, s := range [][2]string{{"team_time", c.TeamTime}, {"team_time_all", c.TeamTimeAll}, {"team_time_dearer", c.TeamTimeDearer}} {
		if !strings.Contains(s[1], "{why}") {
			ps.add(c.Line, "cost needs a %s sentence that says {why}, why the hours are counted (team_time_why)", s[0])
		}
	}
	if !strings.Contains(c.TeamTime, "{usd}") || !strings.Contains(c.TeamTime, "{cheap_usd}") {
		ps.add(c.Line, "cost needs a team_time sentence that says {usd} and {cheap_usd}, the two bills with the team's time")
	}
	if !strings.Contains(c.TeamTimeAhead, "{usd}") || !strings.Contains(c.TeamTimeAhead, "{other_usd}") {
		ps.add(c.Line, "cost needs a team_time_ahead sentence that says {usd} and {other_usd}, the two bills with the team's time at the volume growth reaches")
	}
	for _, s := range [][2]string{{"team_time_all", c.TeamTimeAll}, {"team_time_counted", c.TeamTimeCounted}} {
		if !strings.Contains(s[1], "{usd}") || !strings.Contains(s[1], "{others}") {
			ps.add(c.Line, "cost needs a %s sentence that says {usd} and {others}, the bills with the team's time", s[0])
		}
	}
	for _, s := range [][2]string{{"team_time_third", c.TeamTimeThird}, {"team_time_third_dearer", c.TeamTimeThirdDearer}, {"team_time_dearer", c.TeamTimeDearer}} {
		if !strings.Contains(s[1], "{third_usd}") {
			ps.add(c.Line, "cost needs a %s sentence that says {third_usd}, the third option's bill with the team's time", s[0])
		}
	}
	if !strings.Contains(c.TeamTimeDearerCheap, "{cheap}") || !strings.Contains(c.TeamTimeDearerCheap, "{cheap_usd}") {
		ps.add(c.Line, "cost needs a team_time_dearer_cheap sentence that says {cheap} and {cheap_usd}, the cheapest bill with the team's time")
	}
	if !strings.Contains(c.TeamTimeResized, "{with_fleet}") || !strings.Contains(c.TeamTimeResized, "{with_size}") {
		ps.add(c.Line, "cost needs a team_time_resized sentence that says {with_fleet} and {with_size}, the fleet the team's time sizes")
	}
}

// ratioWeight is the weight of a price ratio with every dollar of the gap
// counted in full, which decides a tie of scores: weight_per_doubling for
// each doubling up to ratio_cap, capped at max_weight.
func (c *CostFactor) ratioWeight(ratio float64) float64 {
	return c.rounded(c.WeightPerDoubling * math.Log2(math.Min(math.Max(ratio, 1), c.RatioCap)))
}

// rounded caps a weight at max_weight and rounds it to a tenth.
func (c *CostFactor) rounded(w float64) float64 {
	return math.Round(math.Min(c.MaxWeight, w)*10) / 10
}

// readsVolume reports whether anything that decides besides the cost
// factor reads the volume: a constraint, a part of the split, a question
// that applies only to some volumes, or an option of the volume's
// question.
func (m *Model) readsVolume() bool {
	for _, c := range m.Constraints {
		if _, ok := c.When[volumeKey]; ok {
			return true
		}
	}
	for _, q := range m.Questions {
		if _, ok := q.Applies[volumeKey]; ok {
			return true
		}
	}
	for _, s := range m.Split {
		if _, ok := s.When[volumeKey]; ok {
			return true
		}
	}
	q := m.byKey[volumeKey]
	return q != nil && len(q.Options) > 0
}
