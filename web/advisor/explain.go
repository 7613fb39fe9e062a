package advisor

import (
	"cmp"
	"context"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

// replacer fills the cloud's names and limits into a sentence of the
// model, then the extra placeholders and their values, given in pairs. The
// cloud's part is built once (names): a result words dozens of sentences.
func (c *Cloud) replacer(extra ...string) sentenceReplacer {
	r := sentenceReplacer{names: c.names}
	if len(extra) > 0 {
		r.extra = strings.NewReplacer(extra...)
	}
	return r
}

// sentenceReplacer fills a cloud's names, then a sentence's own values,
// which are not read for placeholders again; the names hold none, so the
// two passes give what one replacement of every pair would.
type sentenceReplacer struct {
	names, extra *strings.Replacer
}

func (r sentenceReplacer) Replace(s string) string {
	s = r.names.Replace(s)
	if r.extra != nil {
		s = r.extra.Replace(s)
	}
	return s
}

// namesReplacer fills the cloud's names and limits into a sentence, for
// serverless containers billed as billing says, or for work that runs to
// completion (BillingRun), a task or job started for each run.
// servedBilling is true where the work can reach serverless containers
// billed only while they serve and scale to zero (Cloud Run services,
// Container Apps), which the names then say of them as of functions, and
// false where they run all the time (Fargate, or instances stateful
// sessions keep allocated) or cannot take the work (runs that outlast the
// push's wait). Work that runs to completion (BillingRun) reads it but for
// the idle platforms.
// jobsEach is true where the serverless containers' bill starts a job or
// task for each run: what scales within seconds is then the functions
// alone.
func (c *Cloud) namesReplacer(billing Billing, servedBilling, jobsEach bool) *strings.Replacer {
	onServed := func(served, other string) string {
		if servedBilling {
			return served
		}
		return other
	}
	t := &c.t
	containers := c.Products.Containers
	fast := onServed("functions and "+containers, "functions")
	idle, sooner := fast, onServed("", tasksSooner(c))
	if billing == BillingRun {
		// A task or job started for each run leaves nothing running
		// between runs either (Option.RunsAlike), though it neither
		// scales within seconds nor with a backlog.
		idle = "functions and " + c.Products.Jobs
	}
	if jobsEach {
		// "Cloud Run services add capacity within seconds" had stood
		// beside a bill of Cloud Run jobs (review 251).
		fast = "functions"
		sooner = ", and " + c.Products.Jobs + " start a run for each piece of work in about a minute, sooner than machines boot and join the fleet"
	}
	return strings.NewReplacer(
		"{cloud}", c.Name,
		"{functions}", c.Products.Functions,
		"{containers}", containers,
		"{servers}", c.Products.Servers,
		"{jobs}", c.Products.Jobs,
		"{messaging}", c.Products.Messaging,
		"{messaging_priced}", c.Products.MessagingPriced,
		"{session_store}", c.Products.SessionStore,
		"{cdn}", c.Products.CDN,
		"{object_storage}", c.Products.ObjectStorage,
		"{warm}", c.Products.Warm,
		"{functions_max_run}", formatLimit(t.functionsMaxRunSeconds.v()),
		"{functions_http_max}", formatLimit(t.functionsHTTPMaxSeconds.v()),
		"{functions_max_memory}", FormatInt(int64(t.functionsMaxMemoryMB.v()))+" MB",
		"{quota_raise}", c.Products.QuotaRaise,
		// What adds capacity within seconds (Option.ContainersAsFunctions).
		"{fast_scaling}", fast,
		// Where the serverless containers are not among them, what they
		// add over machines for a burst: the burst answer's point for
		// Fargate over EC2 had been argued for functions alone (review
		// 165).
		"{tasks_sooner}", sooner,
		// What leaves nothing to pay for between pieces of work
		// (Option.ContainersAsFunctions, Option.RunsAlike).
		"{idle_free}", idle,
		// What starts a run for each piece of work and counts as the
		// functions do where the answers' weights say so
		// (weightsOnServedContainers); Fargate's tasks count less, and
		// take what outlasts the functions' limits ("suits functions" had
		// stood beside 25-minute events on ECS tasks, review 183).
		"{runs_each}", onServed("functions and "+c.Products.Jobs, "functions or, past their limits, "+c.Products.Jobs),
		// That such containers serve a split's mix alone
		// (Option.ContainersAsSplit); it names no billing, since at a
		// steady volume Cloud Run's bill may run instances by the hour.
		"{mix_on_containers}", onServed(", or that "+containers+" serve alone", ""),
		// What stays warm for sensitive latency: such containers with the
		// one instance their bill keeps up (workload.idleMinimum), or the
		// instances it keeps allocated where clients hold connections open.
		"{warm_processes}", onServed("servers, and "+containers+" with at least one instance their bill keeps up,", "long-running containers and servers"),
		// Where functions trail for critical latency: behind serverless
		// containers kept running, unless they are those containers
		// (FunctionsOnContainers), which keep the same instances warm.
		// "Functions come last" had been said of Cloud Run functions
		// beside Cloud Run services with the same four kept (review 162).
		"{functions_tail}", functionsTail(c),
	)
}

// tasksSooner is what the cloud's serverless containers add over machines
// for a burst where they are not among the platforms that scale within
// seconds: Fargate's tasks start in about a minute, and Cloud Run's or
// Container Apps' instances, kept allocated for stateful sessions, still
// start in seconds ("new tasks on Cloud Run services start in about a
// minute" had been said of them, review 171).
func tasksSooner(c *Cloud) string {
	if c.ContainersBilling == BillingRequest {
		return ", and " + c.Products.Containers + " add instances within seconds too, sooner than machines boot and join the fleet"
	}
	return ", and new tasks on " + c.Products.Containers + " start in about a minute, sooner than machines boot and join the fleet"
}

// functionsTail ends the reason for critical latency with where the
// cloud's functions stand behind its serverless containers kept running.
func functionsTail(c *Cloud) string {
	if c.FunctionsOnContainers {
		return ", as do " + c.Products.Functions + ", which run as " + c.Products.Containers + " and keep their " + c.Products.Warm + " warm alike"
	}
	return ", and functions come last, since even with " + c.Products.Warm + ", which the bill includes, traffic beyond the warm capacity meets cold starts"
}

// keptRunning reports whether the bills of the platforms the reasons name
// as scaling within seconds ({fast_scaling}) keep instances up by the
// hour: the functions billed as the cloud's serverless containers by the
// instance, or those containers so billed where the names include them.
// Cloud Run functions billed so, 3,407 instance-hours, had been said to
// bill only while they work (review 124); and so do those containers
// where their bill keeps a minimum of instances up at the idle rates:
// Container Apps consuming an event every two minutes, one replica up all
// month, had been said to bill only while it works (review 148).
func keptRunning(r *Result, d decision, rep sentenceReplacer) bool {
	if r.Cost.Functions.KeptRunning {
		return true
	}
	ct := r.Cost.Containers
	// The names include those containers but where sessions keep them
	// allocated or the runs outlast the push's wait (see reasons): 8-minute
	// events on 198 Cloud Run instances billed by the instance had been
	// said to bill only while they work.
	named := rep.names == d.cloud.names || rep.names == d.cloud.runNames
	if !named || d.cloud.ContainersBilling != BillingRequest || !ct.Available || ct.Sizing == nil {
		return false
	}
	_, warm := ct.item("warm")
	return ct.Sizing.Billing == BillingInstance || warm
}

// reasonFor is the option's reason as the answers and bills have it: for
// queued events, where the bills keep instances up by the hour, where an
// existing application's sessions must move out of its processes, where
// the answers describe one workload, no split's, where the containers'
// bill starts a run for each piece of work, or where the functions share
// instances as the containers do, the reason written for that, if any;
// the last that holds stands.
func (o *Option) reasonFor(r *Result, d decision, rep sentenceReplacer) string {
	reason := o.Reason
	if d.in.Entry == EntryEvents && o.EventsReason != "" {
		reason = o.EventsReason
	}
	if d.in.committed() && o.CommittedReason != "" {
		reason = o.CommittedReason
	}
	if o.KeptRunningReason != "" && keptRunning(r, d, rep) {
		reason = o.KeptRunningReason
	}
	if d.sessionLimit && o.SessionsReason != "" {
		reason = o.SessionsReason
	}
	if o.OneWorkloadReason != "" && d.noMix(o) {
		reason = o.OneWorkloadReason
	}
	if o.RunsReason != "" && d.in.runsLong(d.common) && r.Cost.Containers.runsEach() {
		reason = o.RunsReason
	}
	// What the functions share with the serverless containers is said
	// where the limits leave both in play: beside servers alone, "counts
	// for both alike" had been the reason latency favoured Compute Engine
	// (review 259).
	both := !d.ruledOut[iServerless] && !d.ruledOut[iContainers]
	if o.FunctionsAsContainers && d.functionsShareInstances() && o.SharedReason != "" && both {
		reason = o.SharedReason
	}
	if o.KeptWarmAlike && d.functionsKeptWarm() && o.KeptWarmReason != "" && both {
		reason = o.KeptWarmReason
	}
	return reason
}

// reasons explains the effect of each answer and of the bills, grouped by
// their stance towards the verdict and the strongest first in each group.
func (m *Model) reasons(r *Result, d decision) []Reason {
	rep := d.cloud.replacer()
	if d.in.connectionsInProcess() {
		// Sessions, or an existing application's live connections, keep
		// the serverless containers' instances allocated, as the answers'
		// weights count them (answerWeights): Cloud Run services had been
		// said to leave nothing to pay for while they wait beside 1,460
		// instance-hours.
		rep.names = d.cloud.sessionNames
	} else if d.in.runsLong(d.common) {
		rep.names = d.cloud.runNames
		if !d.cloud.pushable(d.common, d.in) {
			// Nor do the answers' weights count such containers then
			// (answerWeights): 25-minute Pub/Sub events had read "Cloud
			// Run services … scale the consumers with the backlog" beside
			// a bill of Cloud Run jobs (review 97).
			rep.names = d.cloud.unpushedNames
		} else if d.cloud.ContainersBilling == BillingRequest && r.Cost.Containers.runsEach() {
			rep.names = d.cloud.jobNames
		}
	}
	var all []Reason
	for _, q := range m.Questions {
		o := q.Option(r.Answers[q.Key])
		if o == nil || o.Favours == "" || !m.weighs(q, r.Answers, &d) {
			continue
		}
		w, sentence := d.answerWeights(q.Key, o), rep.Replace(o.reasonFor(r, d, rep))
		if o.OneWorkloadReason != "" && d.noMix(o) {
			// The reason then argues for the platforms of the steady
			// work, not for a split: a scale-up's "nothing to split" had
			// been badged as favouring the split (review 181).
			w[iHybrid] = min(w[iHybrid], max(w[iServerless], w[iContainers], w[iTraditional]))
		}
		if s := m.SessionLimit; d.sessionLimit && q.Key == s.Factor {
			for i := range w {
				w[i] += s.weights[i]
			}
			sentence += " " + d.cloud.replacer("{max_connection}", formatLimit(d.cloud.t.containersConnectionMaxSeconds.v())).Replace(s.Reason)
		}
		all = append(all, m.reason(r, d, q.Key, q.Label, r.Answers[q.Key], o.Label, w, sentence, q.LearnMore))
	}
	if d.nearLimit {
		all = append(all, m.headroomReason(r, d))
	}
	if re, ok := m.billsReason(r, d); ok {
		all = append(all, re)
	}
	for i := range all {
		all[i].Weight = hundredths(all[i].Weight) // a difference of sums of tenths, without their last bits
	}
	order := map[Stance]int{For: 0, Against: 1, RuledOut: 2}
	slices.SortStableFunc(all, func(a, b Reason) int {
		if c := cmp.Compare(order[a.Stance], order[b.Stance]); c != 0 {
			return c
		}
		if a.Stance == For {
			// Those that favour the verdict most first, then those that
			// favour another but put it ahead of its runner-up; each
			// group those that moved it furthest ahead of the runner-up
			// first: an answer that favours the verdict and its runner-up
			// alike weighs, but decides nothing between them.
			own := func(re Reason) int {
				if re.Favours == r.Verdict {
					return 1
				}
				return 0
			}
			if c := cmp.Compare(own(b), own(a)); c != 0 {
				return c
			}
			if c := cmp.Compare(b.Impact, a.Impact); c != 0 {
				return c
			}
		}
		return cmp.Compare(b.Weight, a.Weight)
	})
	return all
}

// billsReason is the reason on the bills: the cost factor's where it
// counts, else the premium the verdict's option costs over a cheaper one
// the answers allow, else, where the bills still moved the verdict
// against its runner-up, what they weigh; none where they said nothing.
func (m *Model) billsReason(r *Result, d decision) (Reason, bool) {
	if c := d.cost; c.ok && slices.Max(c.weights[:]) > 0 {
		re := m.costReason(r, d, true)
		// The team's time the cost factor weighs is said where it moves
		// what the bills argue: Lambda at $546 against Fargate at $258
		// had counted nothing for Fargate with nothing said of the hours
		// that make Lambda the cheaper with them (review 232).
		tt := ""
		if re.Stance == For && re.Favours == r.Verdict {
			// Where the hours make another the cheapest, every bill with
			// them is said: Fargate at $173 had been argued against Lambda
			// at $359 with nothing of the hours that bring Lambda to $719
			// and Fargate to $760 (review 244).
			if tt = m.teamTimeCounted(r, d); tt == "" {
				tt = m.teamTimeAll(r, d)
			}
		} else if _, b := m.cheaperAllowed(r, d); b != nil {
			tt = m.teamTimeSentence(r, d, *b)
			if tt == "" {
				tt = m.dearerWithTime(r, d, *b)
			}
		}
		if tt != "" {
			re.Sentence += " " + tt
		}
		if ahead := m.aheadWithTime(r, d); ahead != "" {
			re.Sentence += " " + ahead
		}
		return re, true
	}
	if cheaper, b := m.cheaperAllowed(r, d); b != nil {
		re := m.premiumReason(r, d, cheaper, *b)
		if ahead := m.aheadWithTime(r, d); ahead != "" {
			re.Sentence += " " + ahead
		}
		return re, true
	}
	hours := m.teamTimeAll(r, d)
	if d.costLead(r) == 0 && hours == "" {
		return Reason{}, false
	}
	// The bills moved the verdict against its runner-up though the fit
	// favours an option that is not the cheapest the answers allow: the
	// reason still quotes them, so that the impacts add up to the lead (a
	// split standing on the functions' bill, $1,782, 14 points ahead of
	// Fargate at $1,940, beside EC2 at $1,757). No premium is said: the
	// verdict's bill was not weighed against the cheapest one.
	re := m.costReason(r, d, false)
	if f := d.cost.favours; re.Favours == f && f != r.Verdict && f.OptionKind() != d.cost.cheap.Kind {
		// The bills count for an option dearer here than the verdict's:
		// say where it costs less, which is what they weigh. A reason for
		// Lambda had quoted Fargate at $860 against Lambda's $990 and
		// nothing more.
		if s := m.leanSentence(r, d, f.OptionKind(), d.cost.cheap); s != "" {
			re.Sentence += " " + s
		}
	}
	if hours != "" {
		re.Sentence += " " + hours
	}
	return re, true
}

// aheadWithTime says, where the cost factor weighs the team's time, the
// answers grow and the option the answers allow that costs the least with
// that time today is not the verdict's but costs more than it at the
// volume the growth reaches within the months ahead the bills are weighed
// over, what the two come to then:
// Fargate chosen over Lambda by 8.3 points to 5 for 10% growth a month had
// been argued with Lambda the cheaper with the hours today and nothing of
// the year ahead, where Fargate comes to $1,900 against Lambda's $2,380
// (review 237). Empty otherwise.
func (m *Model) aheadWithTime(r *Result, d decision) string {
	own := r.Verdict.OptionKind()
	if d.growth <= 0 || !d.teamTimeWeighed() || own == "" {
		return ""
	}
	now := m.answersWithTeamTime(d)
	var runner OptionKind
	if allowed := m.allowedWithTime(d); len(allowed) > 0 {
		if runner = allowed[0].Kind; runner == own && len(allowed) > 1 {
			runner = allowed[1].Kind
		}
	}
	if runner == "" || runner == own || !now[own].Available || RoughUSD(now[runner].Total) >= RoughUSD(now[own].Total) {
		return ""
	}
	ahead := m.billsWithTeamTime(d, m.Cost.ahead(d.in.Requests, d.growth))
	if !ahead[own].Available || !ahead[runner].Available || RoughUSD(ahead[own].Total) >= RoughUSD(ahead[runner].Total) {
		return ""
	}
	digits := quoteDigits([2]float64{ahead[own].Total, ahead[runner].Total})
	return d.cloud.replacer("{growth}", r.Answers["growth"]+"%", "{look_ahead}", trimFloat(m.Cost.LookAhead),
		"{product}", ahead[own].Product, "{usd}", formatRoughAt(ahead[own].Total, digits),
		"{other}", ahead[runner].Product, "{other_usd}", formatRoughAt(ahead[runner].Total, digits)).Replace(m.Cost.TeamTimeAhead)
}

// withTimeReplacer is the cloud's replacer with pairs and what every
// sentence quoting the bills with the team's time reads: {rate}, the
// hourly rate, and {why}, why the recommendation counts those hours
// (Cost.TeamTimeWhy, at that rate).
func (m *Model) withTimeReplacer(d decision, pairs ...string) sentenceReplacer {
	rate := "$" + trimFloat(d.common.opsRate(d.in))
	return d.cloud.replacer(append(pairs, "{rate}", rate, "{why}", strings.ReplaceAll(m.Cost.TeamTimeWhy, "{rate}", rate))...)
}

// allowedWithTime are the bills with the team's time at the answers'
// volume of the options the answers allow, cheapest first.
func (m *Model) allowedWithTime(d decision) []*Bill {
	withTime := m.answersWithTeamTime(d)
	var bills []*Bill
	for _, kind := range OptionKinds {
		if b := withTime[kind]; d.allows(b) {
			bills = append(bills, b)
		}
	}
	slices.SortStableFunc(bills, func(a, b *Bill) int { return cmp.Compare(a.Total, b.Total) })
	return bills
}

// teamTimeAll says, where the cost factor weighs the team's time and it
// makes another option than the cheapest bill the cheapest, what every
// bill the answers allow comes to with that time, cheapest first: the
// time is then what the weights lean on. An Arm API had counted three
// points for Fargate and Lambda against EC2, the cheapest bill, with no
// reason about the bills at all, where with the hours Lambda comes to
// $2,168, Fargate to $2,275 and EC2 to $2,949 (review 237). Empty
// otherwise.
func (m *Model) teamTimeAll(r *Result, d decision) string {
	if !d.teamTimeWeighed() || r.Verdict == Hybrid {
		return ""
	}
	bills := m.allowedWithTime(d)
	if len(bills) < 2 || bills[0].Kind == d.cost.cheap.Kind { // the time leaving the cheapest bill the cheapest
		return ""
	}
	digits := quoteDigits([2]float64{bills[0].Total, bills[1].Total})
	return m.withTimeReplacer(d, "{product}", bills[0].Product, "{usd}", formatRoughAt(bills[0].Total, digits),
		"{others}", series(quoteBills(bills[1:], func(*Bill) float64 { return 0 }, digits), "and")).Replace(m.Cost.TeamTimeAll)
}

// headroomReason says how much of the functions' longest run each piece
// of the work takes, as a reason on the duration's answer.
func (m *Model) headroomReason(r *Result, d decision) Reason {
	q, h := m.byKey["duration"], m.Headroom
	rep := d.cloud.replacer(append(d.in.Entry.words(), "{duration}", q.formatValue(d.in.DurationMS),
		"{max_run}", formatLimit(d.cloud.functionsMaxRun(d.in.Entry).v()))...)
	answer := r.Answers[q.Key]
	return m.reason(r, d, q.Key, q.Label, answer, q.AnswerLabel(answer), h.weights, UpperFirst(rep.Replace(h.Reason)), h.LearnMore)
}

// reason builds one reason from its weights: the verdict it favours, its
// impact on the verdict, and its stance.
func (m *Model) reason(r *Result, d decision, factor, label, answer, answerLabel string, w perVerdict, sentence, learnMore string) Reason {
	w = d.countedWeights(factor, w)
	if q := m.byKey[factor]; q != nil && d.hybridIsFunctionsSplit() && slices.Contains(d.resolved, factor) {
		w[iHybrid] = splitWeight(q, w) // as splitResolves counts it
	}
	// With a tie at the top, the reason favours the verdict when it is
	// among the tied, else the runner-up, the rival it is weighed
	// against, else the first of them that no limit rules out: a
	// dedicated team's reason, for the servers as much as for the
	// containers, had been said to favour the containers beside Lambda
	// and its runner-up EC2 (review 224).
	verdict := slices.Index(Verdicts, r.Verdict)
	fav := slices.Index(w[:], slices.Max(w[:]))
	for i := range Verdicts {
		if w[i] == w[fav] && d.ruledOut[fav] && !d.ruledOut[i] {
			fav = i
		}
	}
	if ru := slices.Index(Verdicts, r.RunnerUp); ru >= 0 && w[ru] == w[fav] && !d.ruledOut[ru] {
		fav = ru
	}
	if w[verdict] == w[fav] {
		fav = verdict
	}
	// The impact is against the runner-up, the rival the verdict had to
	// beat: the impacts of all reasons add up to its lead.
	rival := 0.0
	if i := slices.Index(Verdicts, r.RunnerUp); i >= 0 {
		rival = w[i]
	}
	re := Reason{Factor: factor, Label: label, Answer: answer, AnswerLabel: answerLabel, Favours: Verdicts[fav], Weight: w[fav], weights: w,
		Impact: hundredths(w[verdict] - rival), Sentence: sentence, Base: sentence, LearnMore: learnMore}
	switch {
	case fav == verdict:
		re.Stance = For
	case r.Verdict == Hybrid && r.splitRuns(factor, answer, Verdicts[fav]):
		// The split runs the part this answer describes where the reason
		// would: it argues for the split, with the split's own weight,
		// even where it weighs the runner-up a little more (hours-long
		// jobs, Fargate alone 1.5 and a split running them there 1.25):
		// its impact then says so.
		re.Stance, re.Favours, re.Weight = For, Hybrid, w[verdict]
	case r.Verdict == Serverless && fav == iHybrid && d.axis.functionsAreSplit && slices.Contains(d.resolved, factor):
		// The functions' bill is itself a split (the jobs on the cloud's
		// container jobs, Cloud Run functions beside Cloud Run jobs): an
		// answer that argues for a split argues for it. The minutes-long
		// jobs' reason, "that makes a split", had stood against it.
		re.Stance, re.Favours, re.Weight = For, r.Verdict, w[verdict]
	case re.Impact > 0:
		// It favours another verdict most, one that lost on other
		// grounds or that a limit rules out, but it put this one ahead of
		// the rival it had to beat: unpredictable traffic favours
		// functions, and Fargate over EC2.
		re.Stance = For
	case d.ruledOut[fav] && !(fav == iServerless && r.Verdict == Hybrid && d.hybridIsFunctionsSplit()):
		// A split that runs its requests on functions is what the limit
		// on the functions left: a reason for functions is no reason a
		// limit ruled out there ("however, jobs over 15 minutes rule
		// functions out" had followed nobody on call, beside a split on
		// Lambda).
		re.Stance = RuledOut
		if l := m.ruledOutBy(r, Verdicts[fav]); l != nil {
			re.Sentence = strings.TrimSuffix(sentence, ".") + "; however, " + l.Clause + "."
		}
	default:
		re.Stance = Against
	}
	return re
}

// costLead is what the bills gave the verdict over its runner-up, as the
// scores count them.
func (d decision) costLead(r *Result) float64 {
	ru := slices.Index(Verdicts, r.RunnerUp)
	if ru < 0 {
		return 0
	}
	w := d.countedWeights("cost", d.cost.weights)
	return hundredths(w[slices.Index(Verdicts, r.Verdict)] - w[ru])
}

// countedWeights are an answer's weights as the scores count them, with
// which every reason is weighed: where the hybrid's score is the
// functions' split's (scoresWith), every answer but those the split
// resolves, and the bills, count for it as they do for the functions,
// whether it is the verdict or the runner-up. An answer for functions then
// favours the split as much, which no limit rules out; and an answer whose
// own weights favour a split (a scale-up) counts for the split no more
// than for functions. Weighed with the split's own weights, such answers
// had added up to another lead than the scores' where the split was the
// runner-up.
func (d decision) countedWeights(factor string, w perVerdict) perVerdict {
	if d.hybridIsFunctionsSplit() && !slices.Contains(d.resolved, factor) {
		w[iHybrid] = w[iServerless]
	}
	return w
}

// ruledOutBy is the limit that ruled verdict v out: one on the whole
// workload where there is one, else the first.
func (m *Model) ruledOutBy(r *Result, v Verdict) *Limit {
	var first *Limit
	for _, l := range r.Limits {
		if !slices.Contains(l.RulesOut, v) {
			continue
		}
		// A limit on the whole workload (full control) rules v out for
		// every part; a reason beside it had cited the long jobs instead.
		if c := m.constraint(l.ID); c != nil && c.WholeWorkload {
			return l
		}
		if first == nil {
			first = l
		}
	}
	return first
}

// constraint is the model's constraint with the id, or nil.
func (m *Model) constraint(id string) *Constraint {
	i := slices.IndexFunc(m.Constraints, func(c *Constraint) bool { return c.ID == id })
	if i < 0 {
		return nil
	}
	return m.Constraints[i]
}

// costReason quotes the bills for the option the fitted weights favour,
// the cheapest. Where the verdict's own option costs the same in the
// amounts quoted, the bills argue for it as much: the reason quotes its
// bill first and counts for it, with its own weight, rather than against
// it for a difference the reader cannot see ("about $110 a month, against
// $110 for Amazon EC2 and $1,200 for AWS Lambda" for AWS Fargate), when
// the weights give the verdict something. Where it costs visibly more but
// the weights give it as much as the cheapest, the bills argue for it as
// much too (both far ahead of a third), and the reason says what the
// difference buys (premiumSentence) unless premium is false; else the
// cheaper option's lead is what they count.
func (m *Model) costReason(r *Result, d decision, premium bool) Reason {
	c := d.cost
	own, v := d.bill(r.Verdict.OptionKind()), slices.Index(Verdicts, r.Verdict)
	// The sentence quotes the cheapest bill first, one the answers rule
	// out included; the answer sets the cheapest the answers allow
	// against the next, and the premium is the verdict's over the
	// cheapest allowed, or over the cheapest of all where that is its own.
	bills, _ := byPrice(&d.functions, &d.containers, &d.servers)
	first, label, dear, base := *bills[0], c.cheap, c.dear, c.cheap
	shared := own != nil && own.Available && own.Kind != c.cheap.Kind && c.weights[v] > 0 &&
		sameRough(own.Total, c.cheap.Total)
	if shared {
		first, label, dear = *own, *own, c.cheap
	}
	if own != nil && own.Available && c.weights[v] > 0 && sameRough(own.Total, first.Total) {
		first = *own // named first of the bills alike, where they count for it
	}
	switch {
	case !premium && own != nil:
		base = *own
	case own != nil && own.Kind == base.Kind:
		base = *bills[0]
	}
	digits := m.costDigits(r, d, first, base)
	// The answer sets the verdict's own bill against the cheapest where
	// the premium is over a dearer option than the next: "$150 against
	// $220" had stood beside $120 a month more for Container Apps at $270.
	against := dear
	if premium && own != nil && own.Available && own.Total > dear.Total {
		against = *own
	}
	answer := roughAgainst(label.Total, against.Total, digits)
	re := m.reason(r, d, "cost", m.Cost.Label, answer, answer, allowedWeights(d, c.weights), m.costSentence(r, d, first, dear, base, digits), m.Cost.LearnMore)
	if ob := m.ownBill(r); re.Stance == For && re.Impact <= 0 && ob != nil && ob.Available && ob.Kind != c.cheap.Kind &&
		!sameRough(ob.Total, c.cheap.Total) {
		if third := farAheadOfTheThird(d, *ob, c.cheap); third == nil {
			// The bills weigh the verdict's option (or split) with the
			// cheaper one, ahead of a third, but the verdict's bill is
			// not far ahead of that third: they argue for the cheaper
			// option alone.
			w, cheap := d.countedWeights("cost", c.weights), slices.Index(Verdicts, c.cheap.Kind.Verdict())
			re.Stance, re.Favours, re.Weight = Against, Verdicts[cheap], max(0, w[cheap]-w[v])
		} else {
			// They argue for the two alike against the third: said
			// first, since the sentence quotes the cheaper one first
			// and a premium for the verdict's.
			re.Sentence = m.alongside(d, ob, &c.cheap, third) + " " + re.Sentence
			re.Answer = countedAlike(ob.Total, c.cheap.Total, digits)
			re.AnswerLabel = re.Answer
		}
	}
	if shared {
		re.Favours, re.Weight, re.Stance = r.Verdict, c.weights[v], For
		re.Sentence = re.Base
	}
	return re
}

// allowedWeights are the cost factor's weights as the cost reason argues
// them: between the verdicts the limits allow, since the premium it says
// is the verdict's over the cheapest of those. An option the limits rule
// out counts no more than the best allowed, so the reason never argues
// for it: Cloud Run functions at $11, which stateful sessions rule out,
// had made "Paying about $80 a month more for Cloud Run services than for
// Compute Engine" a reason for the functions (review 134).
func allowedWeights(d decision, w perVerdict) perVerdict {
	best := math.Inf(-1)
	for i, out := range d.ruledOut {
		if !out {
			best = max(best, w[i])
		}
	}
	if math.IsInf(best, -1) {
		return w
	}
	for i, out := range d.ruledOut {
		if out && !(i == iServerless && d.hybridIsFunctionsSplit()) {
			w[i] = min(w[i], best)
		}
	}
	return w
}

// costDigits is how many significant figures the cost reason quotes its
// bills to: enough that each pair it sets against each other (the one
// quoted first and every bill not alike, the verdict's own and the one
// its premium is over) differs by about what the bills do.
func (m *Model) costDigits(r *Result, d decision, cheap, base Bill) int {
	var pairs [][2]float64
	bills, n := byPrice(&d.functions, &d.containers, &d.servers)
	for _, b := range bills[:n] {
		if b.Kind != cheap.Kind && !sameRough(b.Total, cheap.Total) {
			pairs = append(pairs, [2]float64{cheap.Total, b.Total})
		}
	}
	if own := m.ownBill(r); own != nil && own.Available && !sameRough(own.Total, base.Total) {
		pairs = append(pairs, [2]float64{base.Total, own.Total})
	}
	return quoteDigits(pairs...)
}

// ownBill is the bill the verdict stands on: its option's, or a split's,
// named after the platforms its parts run on. Nil when there is none.
func (m *Model) ownBill(r *Result) *Bill {
	if h := r.Cost.Hybrid; r.Verdict == Hybrid && h != nil {
		b := &Bill{Product: m.splitName(r.Platform), Total: h.Total, Available: true}
		// It pays what every option pays alike (logs, data transfer), as
		// its carrier's bill does: without them, Cloud Run functions and
		// jobs at $245.42 had been said to cost $60 more than Cloud Run
		// services at $245.42 (review 152).
		if len(h.Parts) > 0 {
			if c := r.Cost.Bill(h.Parts[0].RunsOn.OptionKind()); c != nil {
				for _, it := range c.Items {
					if alikeItems[it.ID] {
						b.Items = append(b.Items, it)
					}
				}
			}
		}
		return b
	}
	return r.Cost.Bill(r.Verdict.OptionKind())
}

// splitName names a split's bill after the platforms its parts run on.
func (m *Model) splitName(platforms string) string {
	return strings.ReplaceAll(m.Cost.Split, "{platforms}", platforms)
}

// cheaperAllowed is the verdict (by index) and the bill of the cheapest
// option the limits allow when it is not the verdict's own and costs
// visibly less, or a nil bill. The functions' bill that runs the long jobs
// on container jobs is the split's where the functions alone are ruled
// out: it stands for the hybrid, named as the split it is.
func (m *Model) cheaperAllowed(r *Result, d decision) (int, *Bill) {
	own := m.ownBill(r)
	if own == nil || !own.Available {
		return -1, nil
	}
	bills, n := byPrice(&d.functions, &d.containers, &d.servers)
	for _, b := range bills[:n] {
		i := slices.Index(Verdicts, b.Kind.Verdict())
		if i == iServerless && d.functionsAreTheSplit() {
			i = iHybrid // decide named the bill as the split
		} else if d.ruledOut[i] {
			continue
		}
		if Verdicts[i] == r.Verdict || RoughUSD(own.Total) <= RoughUSD(b.Total) {
			return -1, nil
		}
		return i, b
	}
	return -1, nil
}

// bill is the bill of kind as the reasons quote it (decide), or nil.
func (d *decision) bill(kind OptionKind) *Bill {
	for _, b := range []*Bill{&d.functions, &d.containers, &d.servers} {
		if b.Kind == kind {
			return b
		}
	}
	return nil
}

// functionsAreTheSplit reports whether the functions' bill, though the
// answers rule the functions alone out, is a split they allow: the
// requests on functions and the long jobs on the cloud's container jobs,
// which are the hybrid's parts. Only constraints that such a split
// resolves (resolved_by_split: the long jobs) may rule the functions out,
// and the functions must be able to run the requests.
func (d *decision) functionsAreTheSplit() bool {
	return d.axis.functionsAreSplit && d.axis.available[iServerless] && d.splitResolvesServerless()
}

// splitResolvesServerless reports whether only constraints a split
// resolves rule the functions out, and none rules the split out.
func (d *decision) splitResolvesServerless() bool {
	if !d.ruledOut[iServerless] || d.ruledOut[iHybrid] {
		return false
	}
	return !slices.ContainsFunc(d.constraints, func(c *Constraint) bool { return !c.ResolvedBySplit && slices.Contains(c.RulesOut, Serverless) })
}

// premiumReason says what the verdict's option costs beyond a cheaper one
// the answers allow, when the fit along the volume does not favour the
// cheaper one's verdict alone (the difference is within a close call, or
// the fit leans the other way): a reader who sees the dearer option chosen
// learns what the difference buys. Where the fit gives the verdict as
// much as the cheaper option, and more than nothing, and both bills lie
// far below a third (farAheadOfTheThird), the bills argue for the verdict
// as much as for the cheaper option (Fargate at $257 and EC2 at $238 both
// far ahead of Lambda at $1,705), and where they moved it
// ahead of its runner-up they count for it too: near a crossing the fit
// may lean the verdict's way though its bill is dearer today, and the
// reason then says where its option costs less (fittedSentence).
// Otherwise it argues against the verdict, for the cheaper option, with
// the lead the bills gave the runner-up.
// Where the bills counted in the scores (the fit gave some verdict a
// point or more, as a Lambda bill 2.7 times the containers' does), the
// sentence quotes them before the difference, so that the reader learns
// what weighed; otherwise the bills are beside the reasons, and it says
// only the difference.
func (m *Model) premiumReason(r *Result, d decision, cheaper int, b Bill) Reason {
	c := d.cost
	own := m.ownBill(r)
	digits := quoteDigits([2]float64{b.Total, own.Total})
	answer := roughAgainst(b.Total, own.Total, digits)
	sentence := m.premiumSentence(r, d, b, Verdicts[cheaper], digits)
	if slices.Max(c.weights[:]) >= 1 {
		sentence = m.costSentence(r, d, b, *own, b, digits)
	} else if bills, n := byPrice(&d.functions, &d.containers, &d.servers); sentence != "" {
		// What every bill pays alike is worth saying beside the premium
		// too: $230 against $260 was $15 against $39 without the logs.
		if sh := m.sharedSentence(r, d, b, bills[:n]); sh != "" {
			sentence = sh + " " + sentence
		}
	}
	w, verdict, impact := d.countedWeights("cost", c.weights), slices.Index(Verdicts, r.Verdict), d.costLead(r)
	if tt := m.teamTimeSentence(r, d, b); tt != "" {
		// The team's time, not the volume, is what the weights lean on,
		// between the options the limits allow (allowedWeights): the
		// premium is over the cheapest of those.
		return m.reason(r, d, "cost", m.Cost.Label, answer, answer, allowedWeights(d, c.weights), sentence+" "+tt, m.Cost.LearnMore)
	}
	if s := m.dearerWithTime(r, d, b); s != "" {
		sentence += " " + s
	}
	if w[verdict] > w[cheaper] {
		if s := m.fittedSentence(r, d, b); s != "" {
			sentence += " " + s
		}
	}
	alongside := w[verdict] > 0 && w[verdict] == w[cheaper]
	if third := farAheadOfTheThird(d, *own, b); alongside && third != nil {
		// Counted alike, the two are said so beside the reason too:
		// "$2,500 against $2,600" had read, beside "for Servers", as if
		// Amazon EC2 cost the less (review 263).
		answer = countedAlike(b.Total, own.Total, digits)
		sentence = m.alongside(d, own, &b, third) + " " + sentence
		// Alike though one is dearer today: where it costs less along the
		// volume says why. EC2 at $390 and Fargate at $250 had been
		// "weighed alike" with no more said.
		if s := m.fittedSentence(r, d, b); s != "" {
			sentence += " " + s
		}
		return m.reason(r, d, "cost", m.Cost.Label, answer, answer, c.weights, sentence, m.Cost.LearnMore)
	}
	if impact > 0 {
		return m.reason(r, d, "cost", m.Cost.Label, answer, answer, c.weights, sentence, m.Cost.LearnMore)
	}
	return Reason{Factor: "cost", Label: m.Cost.Label, Answer: answer, AnswerLabel: answer,
		Favours: Verdicts[cheaper], Weight: max(0, w[cheaper]-w[verdict]), Stance: Against,
		Impact: impact, Sentence: sentence, Base: sentence, LearnMore: m.Cost.LearnMore}
}

// teamTimeWeighed reports whether the cost factor weighs the fleets'
// upkeep, which the bills leave out (Option.WeighsTeamTime).
func (d decision) teamTimeWeighed() bool { return d.weighed.fleetsUpkeep }

// teamTimeCounted says, for a cost reason that argues for the verdict,
// what the bills the answers allow come to with the team's time, where
// the cost factor weighs it (teamTimeWeighed), the verdict's bill is the
// least with it, and it moves the ratio between the verdict's bill and
// another by half or more, either way: Cloud Run functions at $134 beside
// Compute Engine at $172 had counted 18 points with nothing said of the
// machines' upkeep.
// Empty otherwise, and for a split, whose parts' hours the bills do not
// set apart.
func (m *Model) teamTimeCounted(r *Result, d decision) string {
	own := r.Cost.Bill(r.Verdict.OptionKind())
	if !d.teamTimeWeighed() || r.Verdict == Hybrid || own == nil || !own.Available {
		return ""
	}
	withTime := m.answersWithTeamTime(d)
	ownWith := withTime[own.Kind]
	var others []*Bill
	moved := false
	for _, b := range []*Bill{&d.functions, &d.containers, &d.servers} {
		with := withTime[b.Kind]
		if b.Kind == own.Kind || !b.Available || !d.allows(with) {
			continue
		}
		if RoughUSD(with.Total) < RoughUSD(ownWith.Total) {
			return ""
		}
		// The ratio with the time against the ratio without, either way:
		// Compute Engine at $943 against Cloud Run's $2,030 had read as a
		// saving of half, where with the hours it is $2,425 against
		// $2,506 (review 231). Both without what every bill pays alike,
		// as the weights read them: $1,745 of data transfer each had hid
		// the hours that took Lambda's $44 against Fargate's $49 to $404
		// against $607 (review 252).
		ownNet, bNet := own.Total-alikeUSD(&r.Cost.Functions, own), b.Total-alikeUSD(&r.Cost.Functions, b)
		ownWithNet, withNet := ownNet+ownWith.Total-own.Total, bNet+with.Total-b.Total
		moved = moved || withNet*ownNet > 1.5*bNet*ownWithNet || 1.5*withNet*ownNet < bNet*ownWithNet
		if !sameRough(with.Total, ownWith.Total) { // those alike are said alike before
			others = append(others, with)
		}
	}
	if !moved || len(others) == 0 {
		return ""
	}
	slices.SortFunc(others, func(a, b *Bill) int { return cmp.Compare(a.Total, b.Total) })
	digits := quoteDigits([2]float64{ownWith.Total, others[0].Total})
	quoted := [][2]*Bill{{own, ownWith}}
	for _, o := range others {
		quoted = append(quoted, [2]*Bill{r.Cost.Bill(o.Kind), o})
	}
	return m.withTimeReplacer(d, "{product}", own.Product, "{usd}", formatRoughAt(ownWith.Total, digits),
		"{others}", series(quoteBills(others, func(*Bill) float64 { return 0 }, digits), "and"),
	).Replace(m.Cost.TeamTimeCounted) + m.resizedSentence(d, quoted)
}

// teamTimeSentence says, where the cost factor weighs the fleets' upkeep
// the bills leave out and, with the team's time, the verdict's option
// costs less than cheap, what each comes to with it and how many more
// hours cheap takes: Container Apps at $1,283 chosen over Azure VMs at
// $869 is $1,900 against $3,000 with the hours of a team with nobody on
// call. Empty otherwise, and for a split, whose parts' hours the bills do
// not set apart.
func (m *Model) teamTimeSentence(r *Result, d decision, cheap Bill) string {
	own := r.Cost.Bill(r.Verdict.OptionKind())
	if !d.teamTimeWeighed() || r.Verdict == Hybrid || own == nil || !own.Available || own.Kind == cheap.Kind {
		return ""
	}
	withTime := m.answersWithTeamTime(d)
	ownWith, cheapWith := withTime[own.Kind], withTime[cheap.Kind]
	if !ownWith.Available || !cheapWith.Available || RoughUSD(ownWith.Total) >= RoughUSD(cheapWith.Total) {
		return ""
	}
	third, dearer := m.thirdWithTimeBeside(r, d, own, cheap.Kind)
	// The time is what the bills with it add to those without: the move
	// of an existing application, an item of its own without it, is part
	// of the functions' time with it.
	rate := d.common.opsRate(d.in)
	hours := ((cheapWith.Total - cheap.Total) - (ownWith.Total - own.Total)) / rate
	// The third is quoted against the verdict's too: $1,012 and $1,066
	// had read "$1,000" and "$1,100", twice the gap (review 237).
	pairs := [][2]float64{{ownWith.Total, cheapWith.Total}}
	if third != nil {
		pairs = append(pairs, [2]float64{ownWith.Total, third.Total})
	}
	digits := quoteDigits(pairs...)
	return m.withTimeReplacer(d, "{product}", own.Product, "{usd}", formatRoughAt(ownWith.Total, digits), "{cheap}", cheap.Product,
		"{cheap_usd}", formatRoughAt(cheapWith.Total, digits), "{hours}", FormatCount(math.Round(hours)),
	).Replace(m.Cost.TeamTime) + m.thirdWithTime(d, own, third, dearer, digits) +
		m.resizedSentence(d, [][2]*Bill{{own, ownWith}, {&cheap, cheapWith}})
}

// thirdWithTimeBeside is the bill with the team's time of a third option
// the answers allow, neither own nor cheap: one that costs less still
// with the time than own (Fargate at $1,100 against EC2 at $1,700 had
// been said with nothing of Lambda at $708 with the hours, review 234),
// or else, dearer, one that bills less than own but costs more with the
// time, whose hours the verdict weighs as well (Lambda at $708 against
// EC2 at $1,700 had said nothing of Fargate, the runner-up, at $1,080).
// Nil where there is none.
func (m *Model) thirdWithTimeBeside(r *Result, d decision, own *Bill, cheap OptionKind) (third *Bill, dearer bool) {
	withTime := m.answersWithTeamTime(d)
	ownWith := withTime[own.Kind]
	for _, kind := range OptionKinds {
		with := withTime[kind]
		if kind == own.Kind || kind == cheap || !d.allows(with) {
			continue
		}
		if RoughUSD(with.Total) < RoughUSD(ownWith.Total) {
			third, dearer = with, false
		} else if b := r.Cost.Bill(kind); third == nil && b != nil && RoughUSD(b.Total) < RoughUSD(own.Total) {
			third, dearer = with, true
		}
	}
	return third, dearer
}

// dearerWithTime says, where the cost factor weighs the team's time and
// the verdict's option costs more than cheap with it as without
// (teamTimeSentence says nothing), what a third option the answers allow
// that bills less than the verdict's comes to with that time, where it is
// more: Container Apps at $373 chosen over Flex Consumption at $301 had
// said nothing of the Azure VMs at $302, which the hours put at $1,742
// (review 236). Empty otherwise, and for a split.
func (m *Model) dearerWithTime(r *Result, d decision, cheap Bill) string {
	own := r.Cost.Bill(r.Verdict.OptionKind())
	if !d.teamTimeWeighed() || r.Verdict == Hybrid || own == nil || !own.Available {
		return ""
	}
	withTime := m.answersWithTeamTime(d)
	ownWith := withTime[own.Kind]
	third, dearer := m.thirdWithTimeBeside(r, d, own, cheap.Kind)
	if !ownWith.Available || third == nil || !dearer || sameRough(third.Total, ownWith.Total) {
		return ""
	}
	digits := quoteDigits([2]float64{ownWith.Total, third.Total})
	sentence := m.withTimeReplacer(d, "{product}", own.Product, "{usd}", formatRoughAt(ownWith.Total, digits), "{third}", third.Product,
		"{third_usd}", formatRoughAt(third.Total, digits)).Replace(m.Cost.TeamTimeDearer)
	if cheapWith := withTime[cheap.Kind]; cheapWith != nil && cheapWith.Available && RoughUSD(cheapWith.Total) < RoughUSD(ownWith.Total) {
		sentence += " " + strings.NewReplacer("{cheap}", cheap.Product, "{cheap_usd}", formatRoughAt(cheapWith.Total, digits)).Replace(m.Cost.TeamTimeDearerCheap)
	}
	return sentence
}

// thirdWithTime says, after teamTimeSentence, what a third option comes
// to with the team's time: one that costs less still with it, or, where
// dearer, one that bills less than own but costs more with it; empty
// where there is none.
func (m *Model) thirdWithTime(d decision, own *Bill, third *Bill, dearer bool, digits int) string {
	if third == nil {
		return ""
	}
	sentence := m.Cost.TeamTimeThird
	if dearer {
		sentence = m.Cost.TeamTimeThirdDearer
	}
	return " " + d.cloud.replacer("{third}", third.Product, "{third_usd}", formatRoughAt(third.Total, digits), "{product}", own.Product).Replace(sentence)
}

// resizedSentence says, after a sentence quoting bills with the team's
// time, the first of the fleets quoted (each as shown, then with the
// time) that the time sizes as fewer, larger machines than its bill:
// they take fewer hours, so 28 F2s v2 had been quoted with the hours of 4
// F16s v2 with nothing said (review 234). Empty where none is. A size
// the time picks for as many instances is a near tie it tips, which "fewer,
// larger ones" does not describe: a job started for each of 30 nightly
// runs had read as "1 instance of 2 vCPU, 4 GB …, not the 1 of 1 vCPU,
// 2 GB its bill shows: fewer, larger ones" (review 235).
func (m *Model) resizedSentence(d decision, quoted [][2]*Bill) string {
	for _, q := range quoted {
		shown, with := q[0].Sizing, q[1].Sizing
		if shown == nil || with == nil || with.Instances >= shown.Instances {
			continue
		}
		units := fleetUnits(d.cloud, q[0])
		n := float64(with.Instances)
		return " " + d.cloud.replacer("{product}", q[0].Product, "{count}", FormatInt(int64(shown.Instances)), "{size}", shown.Machine,
			"{with_fleet}", FormatInt(int64(n))+" "+Noun(n, strings.TrimSuffix(units, "s"), units), "{with_size}", with.Machine).Replace(m.Cost.TeamTimeResized)
	}
	return ""
}

// farAheadOfTheThird is the dearest other bill where the verdict's bill,
// dearer than the cheaper one, lies nearer it than that third, on a log
// scale, or nil: only then do the two share the bills' lead over it. Flex
// Consumption at $28 beside Container Apps at $7.30 is not far ahead of
// virtual machines at $49, and a reason that counted the bills for it
// had quoted it at four times the cheapest.
// What every bill pays alike (logs, data transfer) is left out: $196 of
// Web PubSub on each, when every bill paid it, had put Flex Consumption at
// $221 nearer Container Apps at $204 than VMs at $250, where without it
// the three came to $26, $7.80 and $54.
func farAheadOfTheThird(d decision, own, cheap Bill) *Bill {
	shared := alikeUSD(&d.functions, &cheap)
	var third *Bill
	for _, b := range []*Bill{&d.functions, &d.containers, &d.servers} {
		if b.Available && b.Kind != own.Kind && b.Kind != cheap.Kind && (third == nil || b.Total > third.Total) {
			third = b
		}
	}
	if third == nil {
		return nil
	}
	o, c := own.Total-shared, cheap.Total-shared
	if o*o < c*(third.Total-shared) {
		return third
	}
	return nil
}

// alikeItems are the items every option's bill carries alike, by id: no
// choice of platform changes them.
var alikeItems = map[string]bool{"logs": true, "egress": true}

// alikeUSD is what bill b pays for the items every option pays alike,
// beside functions, the functions' bill of the same answers: where their
// own logs cost less on tiers of their own (the logs_tiers item), what
// every option pays alike of the logs is their amount, and the rest of a
// fleet's logs is the fleet's own.
func alikeUSD(functions, b *Bill) float64 {
	usd := 0.0
	for _, it := range b.Items {
		if alikeItems[it.ID] {
			usd += it.USD
		}
	}
	return usd + logTiersOff(functions)
}

// logTiersOff is what the functions' bill, where it can run the work,
// takes off their own logs on volume tiers below the flat rate (its
// logs_tiers item, negative), or 0.
func logTiersOff(functions *Bill) float64 {
	if tiers, ok := functions.item("logs_tiers"); ok && functions.Available {
		return tiers.USD
	}
	return 0
}

// fittedSentence says, where the fit along the volume leans to the
// verdict's option over a cheaper one, the volume nearest the answers' at
// which the verdict's option costs less on the chart: Compute Engine at
// $564 a month against Cloud Run's $545 gains from the volumes just above,
// where it costs less. Empty where the chart has none, or the verdict has
// no single bill of its own.
func (m *Model) fittedSentence(r *Result, d decision, cheap Bill) string {
	kind := r.Verdict.OptionKind()
	if d.hybridIsFunctionsSplit() {
		kind = Functions
	}
	return m.leanSentence(r, d, kind, cheap)
}

// leanSentence says where the option of kind, which the fit along the
// volume leans to over the cheaper one, costs less than it, nearest the
// answers' volume (lessAt). Empty where the chart has no such volume.
func (m *Model) leanSentence(r *Result, d decision, kind OptionKind, cheap Bill) string {
	own := r.Cost.Bill(kind)
	if own == nil || !own.Available || own.Kind == cheap.Kind {
		return ""
	}
	at, below := lessAt(r.Cost, kind, cheap.Kind, d.in.Requests)
	if at == 0 {
		return ""
	}
	where := "from"
	if below {
		where = "below"
	}
	volume := r.Cost.PerMonth(RoundSignificant(at, 2))
	if month, ok := growthReaches(r.Cost, at); ok && !below && d.growth > 0 && at <= m.Cost.ahead(d.in.Requests, d.growth) {
		// The growth leads there: the weights lean on the volume a year
		// on, which had gone unsaid beside Fargate chosen at 2.6 times
		// Lambda's bill for 40% growth a month (review 157).
		return d.cloud.replacer("{product}", own.Product, "{cheap}", cheap.Product, "{volume}", volume,
			"{growth}", r.Answers["growth"]+"%", "{month}", strconv.Itoa(month),
			"{look_ahead}", trimFloat(m.Cost.LookAhead)).Replace(m.Cost.FittedGrowth)
	}
	return d.cloud.replacer("{product}", own.Product, "{cheap}", cheap.Product, "{where}", where,
		"{volume}", volume).Replace(m.Cost.Fitted)
}

// growthReaches is the first month of the timeline whose volume reaches
// at, where one does.
func growthReaches(c *Cost, at float64) (int, bool) {
	for month, p := range c.Timeline {
		if month > 0 && p.Requests >= at {
			return month, true
		}
	}
	return 0, false
}

// lessAt is the volume nearest requests from which, or below which, the
// option of kind costs less than the option cheap: where one of them is
// the functions, the crossing between the two bills nearest it, else the
// nearest volume on the chart at which it costs less. A volume on the
// chart had said Cloud Run functions cost less than Compute Engine below
// 420,000 requests a month, where they did up to 517,000. Zero where there
// is none.
func lessAt(c *Cost, kind, cheap OptionKind, requests float64) (at float64, below bool) {
	best := math.Inf(1)
	if kind == Functions || cheap == Functions {
		for _, x := range c.Crossings {
			if dist := distance(x.Requests, requests); (x.With == kind || x.With == cheap) && dist < best {
				at, below, best = x.Requests, x.FunctionsCheaperBelow == (kind == Functions), dist
			}
		}
		return at, below
	}
	for _, p := range c.Points() {
		if dist := distance(p.Requests, requests); p.Total(kind) < p.Total(cheap) && dist < best {
			at, best = p.Requests, dist
		}
	}
	return at, at < requests
}

// costSentence says what the bills are, in the model's words, and what
// the verdict's option buys when it costs more than base. Bills that
// cost the same in the amounts quoted are named together ("A and B would
// each cost about $20"), never set against each other as "$20 against
// $20". Amounts are rounded to digits significant figures.
func (m *Model) costSentence(r *Result, d decision, cheap, dear, base Bill, digits int) string {
	// cheap is quoted first, the others follow it cheapest first.
	alike := []string{cheap.Product}
	lo, hi := cheap.Total, cheap.Total
	bills, n := byPrice(&d.functions, &d.containers, &d.servers)
	var rest []*Bill
	for _, b := range bills[:n] {
		switch {
		case b.Kind == cheap.Kind:
		case sameRough(b.Total, cheap.Total):
			alike = append(alike, b.Product)
			lo, hi = min(lo, b.Total), max(hi, b.Total)
		default:
			rest = append(rest, b)
		}
	}
	// Bills alike in rough amounts can differ in the figures quoted: the
	// sentence then gives both ends, where "each about $1,340" had stood
	// for $1,277 and $1,340.
	cheapUSD := formatRoughAt(cheap.Total, digits)
	if from, to := formatRoughAt(lo, digits), formatRoughAt(hi, digits); from != to {
		cheapUSD = from + " to " + to
	}
	others := quoteBills(rest, func(*Bill) float64 { return 0 }, digits)
	template := m.Cost.Reason
	switch {
	case len(alike) > 1 && len(others) == 0:
		template = m.Cost.ReasonAllAlike
	case len(alike) > 1:
		template = m.Cost.ReasonAlike
	}
	rep := d.cloud.replacer(
		"{cheap}", productSeries(alike), "{dear}", dear.Product,
		"{cheap_usd}", cheapUSD, "{dear_usd}", formatRoughAt(dear.Total, digits),
		"{gap}", formatRoughAt(roughAt(dear.Total, digits)-roughAt(cheap.Total, digits), exactDigits), "{others}", strings.Join(others, " and "),
	)
	s := rep.Replace(template)
	if sh := m.sharedSentence(r, d, cheap, bills[:n]); sh != "" {
		s += " " + sh
	}
	if o := m.opsSentence(r, d, cheap, others, bills[:n], digits); o != "" {
		s += " " + o
	}
	if rw := m.rewriteSentence(r, d); rw != "" {
		s += " " + rw
	}
	if p := m.premiumSentence(r, d, base, base.Kind.Verdict(), digits); p != "" {
		s += " " + p
	}
	return s
}

// productSeries joins products with "and", those whose names hold an
// "and" of their own last: "the split across Cloud Run functions and
// Cloud Run jobs and Cloud Run services" had read as three platforms.
func productSeries(products []string) string {
	products = slices.Clone(products)
	slices.SortStableFunc(products, func(a, b string) int {
		return cmp.Compare(strings.Count(a, " and "), strings.Count(b, " and "))
	})
	return series(products, "and")
}

// quoteBills says each bill's amount less what less gives it, cheapest first, to
// digits significant figures, naming together the bills that come to the
// same amount as quoted: "$80 each for AWS Fargate (Amazon ECS) and
// Amazon EC2", not "$80 for AWS Fargate (Amazon ECS) and $80 for Amazon
// EC2".
func quoteBills(bills []*Bill, less func(*Bill) float64, digits int) []string {
	var out []string
	var last string
	var products []string
	flush := func() {
		if len(products) > 1 {
			out[len(out)-1] = last + " each for " + productSeries(products)
		}
	}
	for _, b := range bills {
		usd := formatRoughAt(b.Total-less(b), digits)
		if len(out) > 0 && usd == last {
			products = append(products, b.Product)
			continue
		}
		flush()
		out, last, products = append(out, usd+" for "+b.Product), usd, []string{b.Product}
	}
	flush()
	return out
}

// rewriteSentence says, where the functions' bill carries the move of an
// existing application onto them as an item of its own, what it adds and
// why: a bill of $630 for Lambda beside $100 for Fargate says nothing of
// the $600 of it that is the team's work.
func (m *Model) rewriteSentence(r *Result, d decision) string {
	f := r.Cost.Bill(Functions)
	if f == nil || !f.Available {
		return ""
	}
	it, ok := f.item("rewrite")
	if !ok {
		return ""
	}
	k := &m.Pricing.Common.t
	return d.cloud.replacer("{product}", d.functions.Product, "{usd}", FormatRoughUSD(it.USD),
		"{hours}", FormatCount(k.rewriteHours.v()), "{months}", FormatCount(k.rewriteMonths.v())).Replace(m.Cost.Rewrite)
}

// sharedSentence says, where what every bill pays alike (logs and data
// transfer) is most of the cheapest bill, how much that is and what the
// bills come to without it: the weight reads those, and
// $2,330 against $2,490 would otherwise look like a 7% spread where
// $42 against $202 is the difference the options make.
func (m *Model) sharedSentence(r *Result, d decision, cheap Bill, bills []*Bill) string {
	own := r.Cost.Bill(cheap.Kind)
	if own == nil {
		return ""
	}
	words := map[string]string{"logs": "logs", "egress": "data transfer"}
	alike := func(b *Bill) float64 { return alikeUSD(&r.Cost.Functions, b) }
	shared, items := alike(own), []string{}
	for _, it := range own.Items {
		if alikeItems[it.ID] && it.USD > 0 {
			items = append(items, words[it.ID])
		}
	}
	if shared <= 0 || shared*100 < m.Cost.SharedShare*cheap.Total {
		return ""
	}
	// The other bills, each less what it pays alike, but those that come
	// to the cheapest's amount that way too: bills the reason names
	// together as costing about the same can differ threefold without it
	// ($32, $68 and $102 beside $1,139 of logs each had read "each about
	// $1,200", with nothing more said).
	least, most := shared, shared
	var pairs [][2]float64
	for _, b := range bills {
		if b.Kind != cheap.Kind {
			pairs = append(pairs, [2]float64{cheap.Total - shared, b.Total - alike(b)})
			least, most = min(least, alike(b)), max(most, alike(b))
		}
	}
	digits := quoteDigits(pairs...)
	var rest []*Bill
	for _, b := range bills {
		if b.Kind != cheap.Kind && formatRoughAt(b.Total-alike(b), digits) != formatRoughAt(cheap.Total-shared, digits) {
			rest = append(rest, b)
		}
	}
	others := quoteBills(rest, alike, digits)
	if len(others) == 0 {
		return ""
	}
	// Bills that send part of the data through a managed service of their
	// own (Firebase beside Cloud Run) pay a little less for it: "the same
	// $5.28" had stood beside $5.88 on Compute Engine's bill (review 123).
	text, amount := m.Cost.Shared, formatRoughAt(shared, exactDigits)
	switch {
	case logTiersOff(&r.Cost.Functions) < 0:
		text = m.Cost.SharedTiered
	case most-least >= 0.005:
		text, amount = m.Cost.SharedUnequal, formatRoughAt(least, exactDigits)+" to "+formatRoughAt(most, exactDigits)
		if from := formatRoughAt(least, exactDigits); from == formatRoughAt(most, exactDigits) {
			amount = from // "$18 to $18" had been said of amounts that round alike
		}
	}
	return d.cloud.replacer("{shared}", amount, "{shared_items}", series(items, "and"),
		"{cheap_rest}", formatRoughAt(cheap.Total-shared, digits)+" for "+cheap.Product, "{others_rest}", strings.Join(others, " and ")).Replace(text)
}

// opsSentence says, where the bills count the team's operations time (the
// answers ask for it), how much of each bill quoted that time is and what
// each comes to without it: Flex Consumption at $500 against Container
// Apps at $840 is $360 and $729 of the team's hours, and $143 against $108
// from the providers, which the reader would otherwise not see.
func (m *Model) opsSentence(r *Result, d decision, cheap Bill, others []string, bills []*Bill, digits int) string {
	if !d.in.OpsCost {
		return ""
	}
	// The bills in the order the reason quotes them: the cheapest and
	// those alike, then the others.
	quoted := []*Bill{&cheap}
	for _, b := range bills {
		if b.Kind != cheap.Kind && (sameRough(b.Total, cheap.Total) || len(others) > 0) {
			quoted = append(quoted, b)
		}
	}
	if len(quoted) < 2 {
		return ""
	}
	var opsEach []string
	var rest []float64
	for _, b := range quoted {
		own := r.Cost.Bill(b.Kind)
		team := own.teamUSD()
		if team <= 0 {
			return ""
		}
		opsEach = append(opsEach, formatRoughAt(team, exactDigits)+" for "+b.Product)
		rest = append(rest, own.Total-team)
	}
	// To the figures the sentence before quotes the bills to: more would
	// set "$1,522,000" without the team's hours beside "about $1,500,000"
	// with them.
	cloudEach := make([]string, len(rest))
	for i, usd := range rest {
		cloudEach[i] = formatRoughAt(usd, digits)
	}
	return strings.NewReplacer("{ops_each}", series(opsEach, "and"), "{cloud_each}", series(cloudEach, "and")).Replace(m.Cost.Ops)
}

// premiumSentence says what the verdict's option costs beyond cheap, the
// bill of verdict v, and what the difference buys, or is empty when it
// costs no more in rough amounts.
func (m *Model) premiumSentence(r *Result, d decision, cheap Bill, v Verdict, digits int) string {
	s := m.premiumOver(r, d, cheap, v, digits, m.Cost.Premium)
	// The runner-up's bill, where it is cheaper than the verdict's too,
	// is the one the reader weighs the verdict against: what the
	// difference over it buys is said as well. Flex Consumption at $128
	// had been set against VMs at $79 alone, beside Container Apps, the
	// runner-up, at $86.
	ru := r.Cost.Bill(r.RunnerUp.OptionKind())
	if s == "" || r.RunnerUp == Hybrid || ru == nil || ru.Kind == cheap.Kind || ru.RuledOut != "" {
		return s
	}
	own := m.ownBill(r)
	if more := m.premiumOver(r, d, *ru, r.RunnerUp, quoteDigits([2]float64{own.Total, ru.Total}), m.Cost.PremiumRunnerUp); more != "" {
		s += " " + more
	}
	return s
}

// alongside says that the bills weigh own as much as cheap, both below
// third: for a gap of fewer dollars than the gap scale between the two,
// that it is too few to decide, and for a larger one, too small a share.
func (m *Model) alongside(d decision, own, cheap, third *Bill) string {
	text := m.Cost.Alongside
	if own.Total-cheap.Total < m.Cost.kindsGapScale(d.cloud, cheap.Kind, own.Kind) {
		text = m.Cost.AlongsideFew
	}
	return d.cloud.replacer("{product}", own.Product, "{cheap}", cheap.Product, "{third}", third.Product).Replace(text)
}

// premiumOver says what the verdict's bill costs beyond cheap's, with
// template, and what the difference buys; empty where it costs no more
// in the amounts quoted. Bills that cost about the same only with what
// every option pays alike (logs, data transfer) still differ: Container
// Apps at $1,306 beside VMs at $1,252, $167 against $113 without $1,139 of
// logs each, had said nothing of what the 48% more bought (review 109).
func (m *Model) premiumOver(r *Result, d decision, cheap Bill, v Verdict, digits int, template string) string {
	own := m.ownBill(r)
	if own == nil || !own.Available || own.Kind == cheap.Kind {
		return ""
	}
	// The difference of the amounts the sentence quotes, as the reader
	// would work it out: where the totals are about the same, those
	// without what both pay alike, which the sentence quotes then.
	ownUSD, cheapUSD := own.Total, cheap.Total
	if sameRough(ownUSD, cheapUSD) {
		ownUSD, cheapUSD = ownUSD-alikeUSD(&r.Cost.Functions, own), cheapUSD-alikeUSD(&r.Cost.Functions, &cheap)
		if sameRough(ownUSD, cheapUSD) {
			return ""
		}
		digits = quoteDigits([2]float64{cheapUSD, ownUSD})
	}
	premium := roughAt(ownUSD, digits) - roughAt(cheapUSD, digits)
	if premium <= 0 {
		return ""
	}
	said := formatRoughAt(premium, exactDigits)
	switch {
	case premium >= 1 && premium == math.Round(premium):
		said = "$" + FormatInt(int64(premium)) // whole dollars of whole-dollar amounts: "$6", not "$6.00"
	case premium >= 10:
		// An amount quoted to the cent keeps the difference's cents: $20
		// less $9.60 is $10.40, not $10.
		said = formatCents(premium)
	}
	ruledOut := ""
	if b := r.Cost.Bill(cheap.Kind); b != nil && b.RuledOut != "" {
		// The cheaper option cannot be had: the difference buys what the
		// limit takes away, not the verdict's own gains over it.
		template, ruledOut = m.Cost.PremiumRuledOut, b.RuledOut
	}
	_, ownWarm := own.item("warm")
	// The functions' bill is the split's: what one platform buys over two.
	// Not where the cloud's functions and jobs are its serverless
	// containers' own (Cloud Run functions and Cloud Run jobs beside Cloud
	// Run services), where the split has no second platform to run: there
	// the containers buy what they buy over their own functions.
	switch ownSplit := d.functionsAreTheSplit() && r.Verdict == ServerlessContainers && d.cloud.FunctionsOnContainers; {
	case ownSplit && (v == Serverless || v == Hybrid):
		v = Serverless
	case v == Serverless && d.functionsAreTheSplit():
		v = Hybrid
	}
	if _, perRequest := cheap.item("requests"); v == Serverless && r.Verdict == Traditional && !perRequest {
		// Functions billed by the instance, as Cloud Run's are at a
		// steady load, cost the same however busy they are too: what the
		// machines buy over them is what they buy over serverless
		// containers, not "no charge per request".
		v = ServerlessContainers
	}
	info := m.VerdictInfo(r.Verdict)
	unasked := info.Unasked != nil && m.Matches(info.Unasked.When, r.Answers)
	buys := info.buysOver(v, cheap.Sizing != nil && cheap.Sizing.Billing == BillingRun, d.cloud, unasked)
	if _, perRequest := own.item("requests"); v == Traditional && !perRequest && info.BuysByInstance != "" {
		// Functions billed by the instance, a fleet sized for the busiest
		// hour, buy over the machines what managed instances do, not "no
		// fleet to size for the busiest hour or to pay for while the work
		// is idle" (review 94), and in the functions' words: "buys
		// containers" had stood under a functions verdict (review 194).
		buys = info.BuysByInstance
	}
	if buys == info.Buys && info.BuysRuns != "" && own.Sizing != nil && own.Sizing.Billing == BillingRun {
		// A task started for each run keeps no connections or warm state
		// from one run to the next, as a service's processes do (review
		// 148: ECS tasks for 30 nightly runs).
		buys = info.BuysRuns
	}
	if ownWarm && d.in.Warm && v == Traditional && info.BuysWarm != "" {
		buys = info.BuysWarm
	}
	return d.cloud.replacer(
		"{product}", own.Product, "{usd}", formatRoughAt(own.Total, digits),
		"{premium}", said, "{cheap}", cheap.Product, "{buys}", buys, "{ruled_out}", ruledOut,
	).Replace(template)
}

// concurrencyCaveat says when the busiest moment needs more executions
// at once than the functions run by default: against the provider's
// concurrency quota, or, where instances each take several executions,
// in instances against the most one app scales to, which no request
// raises (Flex Consumption's 1,000): about 19,000 executions had been set
// against "the default quota of 1,000", an instance limit.
func (m *Model) concurrencyCaveat(d decision, w *workload, peak float64) (string, bool) {
	peakWords := FormatInt(int64(math.Ceil(peak)))
	t := &d.cloud.t
	if t.functionsConcurrencyQuota != nil || t.functionsInstanceSizes == nil {
		quota := t.functionsConcurrencyQuota.v()
		if peak <= quota {
			return "", false
		}
		rep := d.cloud.replacer("{peak}", peakWords, "{quota}", FormatInt(int64(quota)))
		return rep.Replace(m.Caveats.Concurrency), true
	}
	busy := w.functionsInstanceBusy(w.invocations())
	// The instances kept warm for critical latency count too: 1,608
	// always ready had been priced beside nothing said (review 151).
	if warm := w.warmInstances(busy); warm > t.functionsMaxInstances.v() {
		rep := d.cloud.replacer("{kept}", plural(warm, "instance"), "{instance}", formatMB(busy.size.MemoryMB),
			"{max_instances}", FormatInt(int64(t.functionsMaxInstances.v())))
		return rep.Replace(m.Caveats.ConcurrencyWarm), true
	}
	if peak <= t.functionsMaxInstances.v()*busy.k {
		return "", false
	}
	rep := d.cloud.replacer("{peak}", peakWords, "{instances}", FormatInt(int64(math.Ceil(peak/busy.k))),
		"{per_instance}", FormatInt(int64(busy.k)), "{instance}", formatMB(busy.size.MemoryMB),
		"{max_instances}", FormatInt(int64(t.functionsMaxInstances.v())))
	return rep.Replace(m.Caveats.ConcurrencyInstances), true
}

// caveats are the soft limits: functions that would need more executions
// at once than the provider's default quota; functions chosen (or a
// split's functions carrying the requests) for live features whose
// connections something else must hold; clients' connections held by a
// platform that ends them after a time (the cloud's messaging service, or
// the serverless containers chosen); HTTP requests long enough to be
// better as a job, or longer than the cloud's load balancer keeps a
// silent connection; a fleet whose sizes share a large request's memory;
// and growth that makes another option the cheapest within a year.
func (m *Model) caveats(r *Result, d decision) []string {
	// The team's hours' lead first: it says why the lead reads as it does.
	out := slices.Concat(m.teamTimeLeadCaveat(r, d), m.notCountedCaveats(r), m.armCaveat(r, d), m.oneConsumerCaveat(r, d))
	f := d.functions
	w := m.Pricing.workload(d.cloud, d.in)
	out = append(out, m.fewExecutionsCaveats(r, d, w)...)
	if f.Available && (r.Verdict == Serverless || r.Verdict == Hybrid) {
		if c, ok := m.concurrencyCaveat(d, w, f.PeakConcurrency); ok {
			out = append(out, c)
		}
	}
	functionsHold := d.in.Realtime == "some" && r.requestsRunOn() == Serverless
	if functionsHold {
		out = append(out, d.cloud.replacer().Replace(m.Caveats.Connections))
	}
	_, held := d.containers.item("live_connections")
	if d.in.liveFeatures() && r.requestsRunOn() == ServerlessContainers && held {
		out = append(out, d.cloud.replacer().Replace(m.Caveats.ServedConnections))
	}
	if lim := d.cloud.t.messagingConnectionMaxSeconds; lim != nil && paysService(requestsBill(r)) {
		idle := ""
		if quiet := d.cloud.t.messagingIdleMaxSeconds; quiet != nil {
			idle = strings.ReplaceAll(m.Caveats.ReconnectIdle, "{idle_max}", formatLimit(quiet.v()))
		}
		out = append(out, d.cloud.replacer("{max_connection}", formatLimit(lim.v()), "{idle}", idle).Replace(m.Caveats.Reconnect))
	}
	// A split may hold the sessions elsewhere: only the verdict's own
	// containers are sure to hold them, unless the managed service holds
	// them for containers billed while serving.
	// Where the session rule weighed them, its reason says so already.
	if lim := d.cloud.t.containersConnectionMaxSeconds; lim != nil && !d.sessionLimit && d.in.heldConnections() && r.Verdict == ServerlessContainers && d.containers.Sizing.Billing != BillingRequest {
		out = append(out, d.cloud.replacer("{max_connection}", formatLimit(lim.v())).Replace(m.Caveats.Sessions))
	}
	if secs := d.in.DurationMS / 1000; d.in.Entry == EntryHTTP && secs > m.Caveats.LongRequestSeconds {
		words, text := []string{"{duration}", formatSeconds(secs)}, m.Caveats.LongRequests
		if lim := d.cloud.t.balancerIdleMaxSeconds; lim != nil && secs > lim.v() {
			words = append(words, "{idle_max}", formatLimit(lim.v()), "{load_balancer}", d.cloud.Products.LoadBalancer)
			text = m.Caveats.SilentRequests
		}
		out = append(out, d.cloud.replacer(words...).Replace(text))
	}
	if sized := sharedSizes(r.requestsRunOn(), w, d, &r.Cost.Functions); sized != "" && d.in.MemoryMB >= m.Caveats.SharedMemoryMB {
		// Where each piece holds its own memory, long runs say so in
		// their sizes; requests that compute most of their time may
		// share it instead (a model loaded once a process).
		switch ws := w.workingSetGB * 1024; {
		case ws < d.in.MemoryMB:
			rep := d.cloud.replacer(append(d.in.Entry.words(), "{sized}", sized, "{memory}", formatMB(d.in.MemoryMB), "{working_set}", formatMB(ws))...)
			out = append(out, rep.Replace(m.Caveats.SharedMemory))
		case d.in.CPU == "heavy" && d.in.Entry == EntryHTTP && holdsSeveral(d.in.MemoryMB, &r.Cost.Containers, &r.Cost.Servers):
			rep := d.cloud.replacer(append(d.in.Entry.words(), "{sized}", sized, "{memory}", formatMB(d.in.MemoryMB))...)
			out = append(out, rep.Replace(m.Caveats.OwnMemory))
		}
	}
	for _, text := range []string{m.balancerTimeoutCaveat(r, d), m.defaultEgressCaveat(r, d), m.cdnCaveat(r, d), m.customDomainCaveat(r, d, w), m.largeResponsesCaveat(r, d), m.functionEndpointCaveat(r, d), m.sideBySideCaveat(r, d, w), m.batchWindowCaveat(r, d, w), m.streamBatchesCaveat(d, w), m.coldStartsCaveat(r, d, w), m.sessionMemoryCaveat(r, d, w), m.sessionScaleInCaveat(r), m.oneWorkerCaveat(r), m.containersScaleCaveat(r, d), m.containersDefaultReplicasCaveat(r, d), m.containersQuotaCaveat(r, d), m.balancerTargetsCaveat(r, d), m.defaultTimeoutCaveat(r, d), m.schedulerDeadlineCaveat(r, d), m.jobsTimeoutCaveat(r, d), m.pushDeadlineCaveat(r, d), m.jobsPerEventCaveat(r, d), m.jobsAsEventsCaveat(r, d), m.databaseVPCCaveat(r, d, w)} {
		if text != "" {
			out = append(out, text)
		}
	}
	for _, text := range []string{m.legacyPlanCaveat(r, d), m.natZonesCaveat(r, d, w), m.freeTierSpentCaveat(r, d), m.logsCaveat(r, d, w), m.connectionServiceCaveat(r, d), m.connectionLimitCaveat(r, d, w), m.spotCaveat(r, d)} {
		if text != "" {
			out = append(out, text)
		}
	}
	out = append(out, m.growthCaveats(r, d)...)
	teamTime, forced := m.teamTimeCaveats(r, d)
	for _, text := range []string{m.uncommittedCaveat(r, d), m.commitmentCaveat(r, d), forced} {
		if text != "" {
			out = append(out, text)
		}
	}
	if teamTime != "" {
		// First: with the team's time the servers recommended cost more
		// than another option, which a reader weighs before anything
		// else; it had stood second among the caveats of a verdict at
		// 0.94 it turns around (review 165).
		out = append([]string{teamTime}, out...)
	}
	return out
}

// balancerTimeoutCaveat says, where clients hold connections open to the
// fleet the requests run on through the cloud's load balancer, how soon
// the balancer closes them by default: a chat or a game on Compute Engine
// had been told a server keeps a connection as long as its process runs,
// where Google Cloud's load balancer ends a WebSocket after 30 seconds
// unless its backend service timeout is raised, and AWS's and Azure's
// close one silent for a minute or four.
func (m *Model) balancerTimeoutCaveat(r *Result, d decision) string {
	b := requestsBill(r)
	if b == nil || !d.in.heldConnections() || paysService(b) {
		return ""
	}
	if _, ok := b.item("load_balancer"); !ok {
		return m.ingressTimeoutCaveat(b, d)
	}
	def := d.cloud.t.balancerConnectionDefaultSeconds
	if def == nil {
		return ""
	}
	text, words := m.Caveats.BalancerIdle, []string{"{default}", formatLimit(def.v()), "{load_balancer}", d.cloud.Products.LoadBalancer}
	if d.cloud.BalancerTimeoutEndsConnections {
		text = m.Caveats.BalancerLifetime
	}
	if lim := d.cloud.t.balancerIdleMaxSeconds; lim != nil {
		words = append(words, "{idle_max}", formatLimit(lim.v()))
	}
	return d.cloud.replacer(words...).Replace(text)
}

// ingressTimeoutCaveat is balancerTimeoutCaveat for serverless containers
// that hold the clients' connections behind their own front door, which
// closes a silent one (ContainersTimeoutIsIdle): a chat on Container Apps
// had been told nothing of the 4 minutes its ingress keeps one that
// carries nothing, where the same chat on Azure VMs was told of its load
// balancer's.
func (m *Model) ingressTimeoutCaveat(b *Bill, d decision) string {
	lim := d.cloud.t.containersMaxRequestSeconds
	if b.Kind != Containers || !d.cloud.ContainersTimeoutIsIdle {
		return ""
	}
	// The checker asks for containers_idle_max_seconds beside the flag.
	return d.cloud.replacer("{default}", formatLimit(lim.v()), "{idle_max}", formatLimit(d.cloud.t.containersIdleMaxSeconds.v())).Replace(m.Caveats.IngressIdle)
}

// connectionLimitCaveat says, where a bill the verdict stands on pays the
// managed connection service and the clients connected at once at the
// busiest hour are more than one of it holds, over how many they must be
// spread: 1.5 million connections had gone to one Firebase Realtime
// Database, which holds 200,000.
func (m *Model) connectionLimitCaveat(r *Result, d decision, w *workload) string {
	lim := d.cloud.t.messagingMaxConnections
	own := m.ownBill(r)
	if lim == nil || own == nil || !paysConnectionService(r, own) {
		return ""
	}
	peak := w.busiestConnections()
	if peak <= lim.v() {
		return ""
	}
	return d.cloud.replacer("{connections}", FormatCount(RoundSignificant(peak, 2)), "{max}", FormatCount(lim.v()),
		"{count}", FormatCount(math.Ceil(peak/lim.v()))).Replace(m.Caveats.ConnectionLimit)
}

// paysConnectionService reports whether the verdict's bill pays the
// managed connection service: its own, or where the verdict is a split,
// the functions'.
func paysConnectionService(r *Result, own *Bill) bool {
	return paysService(own) || (r.Verdict == Hybrid && paysService(&r.Cost.Functions))
}

// paysService reports whether b pays the managed connection service, for
// a few live features' connections or for fan-out messaging.
func paysService(b *Bill) bool {
	if b == nil {
		return false
	}
	return slices.ContainsFunc(b.Items, isConnectionService)
}

// isConnectionService reports whether it is a bill's managed connection
// service: for a few live features' connections or for fan-out messaging.
func isConnectionService(it Item) bool { return it.ID == "messaging" || it.ID == "live_connections" }

// spotCaveat names the spare capacity the verdict's platform is also sold
// as, where a queue or a timer hands the work out and hands it out again
// when a run fails: a batch of transcodes on Fargate tasks had been priced
// at on-demand rates with nothing said of Fargate Spot. Fargate Spot runs
// x86 tasks alone.
func (m *Model) spotCaveat(r *Result, d decision) string {
	// Machines that hold the clients' connections drop them all when the
	// provider takes them back: queued notifications fanned out from the
	// workers' own sockets had been told to run on Spot VMs (review 95).
	if d.in.clientsConnect() {
		return ""
	}
	// Nor beside a bill of cents, which no discount makes worth a
	// reclaim: EC2's $0.03 beside Lambda's $0 had been said to "cost far
	// less than it shows" (review 182).
	if own := m.ownBill(r); own == nil || own.Total < 1 {
		return ""
	}
	spot := ""
	switch r.Verdict {
	case ServerlessContainers:
		if !d.in.Arm {
			spot = d.cloud.Products.SpotContainers
		}
	case Traditional:
		spot = d.cloud.Products.SpotServers
	}
	work := m.Caveats.SpotQueued
	if d.in.Entry == EntrySchedule {
		work = m.Caveats.SpotScheduled
	}
	if spot != "" {
		return d.cloud.replacer("{spot}", spot, "{work}", work).Replace(m.Caveats.Spot)
	}
	// A queue worker on Cloud Run or Container Apps, which have none, had
	// said nothing of the servers' Spot VMs beside a dearer VM bill.
	if spot = d.cloud.Products.SpotServers; spot == "" || r.Verdict == Traditional || !d.servers.Available {
		return ""
	}
	return d.cloud.replacer("{spot}", spot, "{work}", work).Replace(m.Caveats.SpotServers)
}

// fleetSizes is what a caveat on the fleets' memory calls their sizes.
const fleetSizes = "The containers' and servers' sizes"

// sharedSizes names the sizes that count a piece's memory once a process
// where the verdict's requests run on v: the containers' and servers', or
// the functions' instances where they run several pieces at once (Flex
// Consumption: four 3,008 MB renders in a 4,096 MB instance had gone
// unsaid). Empty where each piece has its own.
func sharedSizes(v Verdict, w *workload, d decision, functions *Bill) string {
	switch {
	case v == ServerlessContainers || v == Traditional:
		return fleetSizes
	case v == Serverless && w.batchSideBySide:
		return "The batches on " + d.cloud.Products.Functions
	case v == Serverless && servedAtOnce(functions):
		// Cloud Run functions billed as the services they are, several
		// 16 GB requests to an instance, had said nothing of it where
		// the same sizes on the containers' bill did.
		return "The instances of " + d.cloud.Products.Functions + ", billed as " + d.cloud.Products.Containers + ","
	case v == Serverless && d.cloud.t.functionsInstanceSizes != nil:
		// The instance size the bill chose, as the concurrency caveat reads it.
		if w.functionsInstanceBusy(w.invocations()).k > 1 {
			return "The instances of " + d.cloud.Products.Functions
		}
	}
	return ""
}

// holdsSeveral reports whether an instance of a fleet's bill holds the
// memory of two pieces of mb or more.
func holdsSeveral(mb float64, fleets ...*Bill) bool {
	return slices.ContainsFunc(fleets, func(b *Bill) bool { return b.Available && b.Sizing != nil && b.Sizing.MemoryGB*1024 >= 2*mb })
}

// servedAtOnce reports whether the functions' compute is billed as the
// cloud's serverless containers (see workload.functionsAsServed) with
// more than one request to an instance.
func servedAtOnce(functions *Bill) bool {
	compute, ok := functions.item("compute")
	return ok && compute.servedAtOnce > 1
}

// defaultEgressCaveat says when the bills send out the data transfer
// question's default, which no volume changes, and that comes to next to
// nothing a request: 50 GB for 10 billion requests is 5 bytes each, and a
// busy API's data out, often one of its larger items, would be missing.
func (m *Model) defaultEgressCaveat(r *Result, d decision) string {
	if !d.in.EgressDefault || d.in.Requests <= 0 {
		return ""
	}
	// Where the messages delivered to connected clients send more than
	// the default, the bills' data out is theirs, not the default's: "25
	// bytes a request" had been said beside 4,000 GB of messages
	// (review 158).
	if d.common.dataOutGB(d.in) > d.in.EgressGB {
		return ""
	}
	if each := d.in.bytesPerRequest(); d.in.Entry == EntryHTTP && each < m.Caveats.DefaultEgressBytes {
		return d.cloud.replacer("{egress}", formatData(d.in.EgressGB), "{each}", plural(RoundSignificant(each, 2), "byte")).Replace(m.Caveats.DefaultEgress)
	}
	// A nightly job or an internal tool sends little; the default's
	// transfer had been most of such a bill with nothing said.
	own, egress, ok := m.egressMostOfTheBill(r)
	if !ok {
		return ""
	}
	return d.cloud.replacer("{egress}", formatData(d.in.EgressGB), "{usd}", FormatUSD(egress.USD), "{most}", mostOf(egress.USD, own.Total),
		"{product}", own.Product, "{total}", FormatUSD(own.Total)).Replace(m.Caveats.DefaultEgressShare)
}

// mostOf is how much of a bill of total a part is, in the amounts quoted:
// "all" where they read the same ("$5.47 of the $5.47 …, most of that
// bill" had been said of a job whose compute is free, review 248), else
// "most".
func mostOf(part, total float64) string {
	if FormatUSD(part) == FormatUSD(total) {
		return "all"
	}
	return "most"
}

// cdnCaveat says, where an HTTP API's data out, as the reader answered
// it, is most of the bill its requests run on, that a CDN in front of
// the origin changes that item, which no choice of platform does: the
// bills leave a CDN out. Downloads of 5 TB a month had read as a cost no
// design changes.
func (m *Model) cdnCaveat(r *Result, d decision) string {
	if d.in.EgressDefault || d.cloud.Products.CDN == "" || d.in.Entry != EntryHTTP {
		return ""
	}
	own, egress, ok := m.egressMostOfTheBill(r)
	if !ok || egress.USD < m.Caveats.CDNFromUSD {
		return ""
	}
	return d.cloud.replacer("{usd}", FormatUSD(egress.USD), "{product}", own.Product, "{total}", FormatUSD(own.Total)).Replace(m.Caveats.CDN)
}

// egressMostOfTheBill is the bill the requests run on and its data
// transfer item, where that item is most of it (itemMostOfTheBill).
func (m *Model) egressMostOfTheBill(r *Result) (*Bill, Item, bool) {
	return m.itemMostOfTheBill(r, "egress")
}

// itemMostOfTheBill is the bill the requests run on (not a cheaper one
// the answers rule out) and its item of id, where that item is
// cost.shared_share percent or more of it.
func (m *Model) itemMostOfTheBill(r *Result, id string) (*Bill, Item, bool) {
	own := requestsBill(r)
	if own == nil {
		return nil, Item{}, false
	}
	it, ok := own.item(id)
	if !ok || it.USD <= 0 || it.USD*100 < m.Cost.SharedShare*own.Total {
		return nil, Item{}, false
	}
	return own, it, true
}

// requestsBill is the bill of the platform the requests run on
// (requestsRunOn), or nil.
func requestsBill(r *Result) *Bill { return r.Cost.Bill(r.requestsRunOn().OptionKind()) }

// natZonesCaveat says, where the bill the requests run on keeps a NAT
// gateway in each zone of its private network and they are a large part
// of it, what one gateway for all the zones would come to: a startup's
// two small machines under full control had carried $66 of NAT gateways
// in a $116 bill with nothing said (review 115). Where the bill keeps one
// gateway, it says instead that an organisation's shared way out replaces
// it: a compliant nightly job's $35 gateway had stood beside $1.16 of
// runs with nothing said (review 179).
func (m *Model) natZonesCaveat(r *Result, d decision, w *workload) string {
	own := requestsBill(r)
	t := &d.cloud.t
	if own == nil || t.natHourly == nil {
		return ""
	}
	nat, ok := own.item("nat")
	if !ok || nat.USD*100 < m.Caveats.NATZonesShare*own.Total {
		return ""
	}
	gateways, _ := w.natGateways()
	hourly := nat.USD - w.natGB()*t.natGB.v()
	if gateways <= 1 {
		// The hours and the data apart: 5 TB of queued work's data had
		// read as a gateway "up all month however little the work runs",
		// $262 of which $225 was the data (review 199).
		return d.cloud.replacer("{usd}", FormatUSD(nat.USD), "{total}", FormatUSD(own.Total), "{product}", own.Product,
			"{hours}", FormatUSD(hourly), "{data}", FormatUSD(nat.USD-hourly)).Replace(m.Caveats.NATShared)
	}
	one := w.sharedGatewayUSD(nat.USD)
	text := m.Caveats.NATZones
	if own.Kind == Functions {
		text = m.Caveats.NATZonesFunctions
	}
	return d.cloud.replacer("{usd}", FormatUSD(nat.USD), "{total}", FormatUSD(own.Total), "{product}", own.Product,
		"{gateways}", FormatCount(gateways), "{one}", FormatRoughUSD(one)).Replace(text)
}

// freeTierSpentCaveat says, where an enterprise leaves the free tier in and it
// takes a tenth or more off the bill the requests run on, what it takes
// off and the bill without it: an enterprise's 3 million events had shown
// Lambda at $0.00.
func (m *Model) freeTierSpentCaveat(r *Result, d decision) string {
	own := requestsBill(r)
	if r.Answers["stage"] != "enterprise" || !d.in.FreeTier || own == nil || !own.Available {
		return ""
	}
	in := d.in
	in.FreeTier = false
	f, c, s := m.Pricing.itemisedBills(d.cloud, in)
	without := map[OptionKind]Bill{Functions: f, Containers: c, Servers: s}[own.Kind]
	free := without.Total - own.Total
	if free < 1 || free*10 < without.Total {
		return ""
	}
	// Said to as many figures as the bill shown and the bill without
	// the free tier need to differ by what it takes off: "$16 of it …
	// without it the bill comes to $120" had stood beside a bill of
	// $99.36, where without it is $115.21 (review 261).
	digits := quoteDigits([2]float64{without.Total, own.Total})
	return d.cloud.replacer("{product}", own.Product, "{usd}", formatRoughAt(free, digits), "{total}", formatRoughAt(without.Total, digits)).Replace(m.Caveats.FreeTierSpent)
}

// logsCaveat says, where the logs are most of the bill the requests run
// on, what they cost and that no platform changes them: at the form's
// default, that the answer can (1.5 TB of logs from 3 billion game
// messages had been $3,439 of a $3,850 bill with nothing said beside the
// data transfer's caveat); as the reader gave them, that logging less
// does (answered_logs).
func (m *Model) logsCaveat(r *Result, d decision, w *workload) string {
	if _, ok := m.Question("logbytes"); !ok {
		return ""
	}
	own := requestsBill(r)
	if own == nil {
		return ""
	}
	logs, ok := own.item("logs")
	usd, flat, tiered, text := logs.USD, logs.USD, logs.USD, m.Caveats.AnsweredLogs
	tiers, ownTiers := own.item("logs_tiers")
	switch {
	case ownTiers:
		usd, text = usd+tiers.USD, m.Caveats.TieredLogs
	case logTiersOff(&r.Cost.Functions) < 0:
		// The functions' logs cost less: "the same on every option" had
		// stood beside Lambda's, $2,439 below Fargate's (review 216).
		tiered, text = tiered+logTiersOff(&r.Cost.Functions), m.Caveats.TieredLogsBeside
	case m.isDefault("logbytes", r.Answers):
		text = m.Caveats.DefaultLogs
	}
	if !ok || usd <= 0 || usd*100 < m.Cost.SharedShare*own.Total {
		return ""
	}
	return d.cloud.replacer(append(d.in.Entry.words(), "{logs}", d.cloud.Products.Logs, "{usd}", FormatUSD(usd), "{flat}", FormatUSD(flat), "{tiered}", FormatUSD(tiered),
		"{total}", FormatUSD(own.Total), "{most}", mostOf(usd, own.Total), "{product}", own.Product, "{bytes}", FormatCount(w.logBytes))...).Replace(text) + m.cheaperLogClass(d, w, usd)
}

// cheaperLogClass says, after a logs caveat, what the cloud's log class
// that ingests for less would take off the logs, usd on the bill: logs
// that were most of the bill had been offered sampling alone, where
// CloudWatch Logs' Infrequent Access class halves their price (review
// 216). Empty where the cloud has none, or it saves nothing.
func (m *Model) cheaperLogClass(d decision, w *workload, usd float64) string {
	t := &d.cloud.t
	if t.logsGBCheaperClass == nil {
		return ""
	}
	cheaper := t.logsGBCheaperClass.cost(w.k.billedLogGB(w.in, t.logsFreeGB))
	if usd-cheaper < 1 {
		return ""
	}
	return d.cloud.replacer("{class}", d.cloud.Products.LogsCheaperClass, "{price}", "$"+trimFloat(t.logsGBCheaperClass.Value), "{saving}", FormatRoughUSD(usd-cheaper)).Replace(m.Caveats.LogsCheaperClass)
}

// customDomainCaveat says, where HTTP requests run on functions or
// serverless containers whose own address is all their bill includes
// (Cloud Run's run.app), what a custom domain goes through and what it
// costs: a reviewer had found Lambda's function URL said to lack one, and
// Cloud Run's address priced as a production front door unsaid.
func (m *Model) customDomainCaveat(r *Result, d decision, w *workload) string {
	c := d.cloud
	front := c.Products.CustomDomain
	if front == "" || d.in.Entry != EntryHTTP || c.t.loadBalancerHourly == nil {
		return ""
	}
	own := requestsBill(r)
	if own == nil {
		return ""
	}
	// Priced as a fleet's balancer is, for its hours and the data it
	// sends out: 20 TB a month through Google Cloud's balancer had been
	// said to cost about $18, its hours alone, where the data adds $160.
	usd, _ := w.priceLoadBalancer(c.t.lcuGBPerHourServer)
	if ownAddressOnly(c, own) {
		return c.replacer("{product}", own.Product, "{front}", front, "{usd}", FormatRoughUSD(usd)).Replace(m.Caveats.CustomDomain)
	}
	// Where the verdict's bill carries its own balancer, a cheaper bill
	// without one is weighed like for like: Cloud Run at $1,119 beside
	// Compute Engine at $1,032 had left out the $58 that puts it on the
	// same footing.
	var cheaper *Bill
	for _, b := range r.Cost.Bills() {
		if b.Available && b.RuledOut == "" && ownAddressOnly(c, b) && b.Total < own.Total && (cheaper == nil || b.Total < cheaper.Total) {
			cheaper = b
		}
	}
	if cheaper == nil {
		return ""
	}
	return c.replacer("{product}", cheaper.Product, "{front}", front, "{usd}", FormatRoughUSD(usd), "{chosen}", own.Product,
		"{total}", FormatRoughUSD(cheaper.Total+usd)).Replace(m.Caveats.CustomDomainBeside)
}

// armCaveat says, where the answers ask for Arm, that the platform the
// requests run on runs x86 code only where the cloud prices no Arm for
// it: an Arm answer beside Cloud Run had changed nothing and said nothing,
// though an arm64-only image would not deploy (review 255).
func (m *Model) armCaveat(r *Result, d decision) []string {
	b := requestsBill(r)
	if !d.in.Arm || b == nil || !b.Available || d.cloud.pricesArm(b.Kind) {
		return nil
	}
	return []string{d.cloud.replacer("{product}", b.Product).Replace(m.Caveats.ArmX86Only)}
}

// legacyPlanCaveat says, where the cloud sells an older functions plan
// beside the one the bills price (Azure Functions' Consumption plan beside
// Flex Consumption), the work fits it (its memory, its run time, no
// instance kept warm, no private network) and its executions would cost
// a quarter less or more there, what they would come to on it, where that
// matters: the functions are the verdict, or would be the cheapest bill
// on it. Reviews 250 and 257 had priced 2 million small requests at $16
// on Flex Consumption where the older plan's free grant takes them all.
func (m *Model) legacyPlanCaveat(r *Result, d decision) string {
	t, f, in := &d.cloud.t, &r.Cost.Functions, d.in
	if t.legacyFunctionsGBSecond == nil || t.legacyFunctionsRequests == nil || !f.Available || in.Warm || in.WarmOne || in.privateNetwork() ||
		in.MemoryMB > t.legacyFunctionsMaxMemoryMB.v() || in.DurationMS/1000 > t.legacyFunctionsMaxRunSeconds.v() {
		return ""
	}
	flex := 0.0
	for _, id := range []string{"requests", "compute", "warm"} {
		if it, ok := f.item(id); ok {
			flex += it.USD
		}
	}
	// One execution a request or event, billed for the memory it holds,
	// in steps of 128 MB, for at least a tenth of a second.
	n := in.Requests
	gbs := n * max(in.DurationMS, 100) / 1000 * math.Ceil(in.MemoryMB/128) * 128 / 1024
	var freeRequests, freeGBs float64
	if in.FreeTier {
		freeRequests, freeGBs = t.legacyFunctionsFreeRequests.v(), t.legacyFunctionsFreeGBSeconds.v()
	}
	legacy := t.legacyFunctionsRequests.cost(n-freeRequests) + t.legacyFunctionsGBSecond.cost(gbs-freeGBs)
	if flex-legacy < m.Caveats.LegacyPlanUSD || legacy > 0.75*flex {
		return ""
	}
	cheapest := true
	for _, b := range []*Bill{&r.Cost.Containers, &r.Cost.Servers} {
		cheapest = cheapest && (!b.Available || f.Total-flex+legacy < b.Total)
	}
	if r.Verdict != Serverless && !cheapest {
		return ""
	}
	return d.cloud.replacer("{usd}", formatCents(legacy), "{flex_usd}", formatCents(flex),
		"{total}", formatCents(f.Total-flex+legacy)).Replace(m.Caveats.LegacyPlan)
}

// teamTimeLeadCaveat says, where the verdict rests on the team's hours
// (Result.WithoutTeamTime), which verdict the providers' charges alone
// put first, or where its clear lead does (Result.RunnerUpWithoutTeamTime),
// which they leave second and by how much, with its bill against the verdict's
// where each has one, and
// at the volume the cost factor looks ahead to where growth weighs that
// too: Fargate at $46 a month against Lambda at $19 had been said to come
// first on the charges alone, where at 25% growth a month it is $96
// against $148 a year on (review 261).
func (m *Model) teamTimeLeadCaveat(r *Result, d decision) []string {
	rival, text := r.WithoutTeamTime, m.Caveats.TeamTimeLead
	if rival == "" {
		rival, text = r.RunnerUpWithoutTeamTime, m.Caveats.TeamTimeNarrow
	}
	if rival == "" {
		return nil
	}
	other := LowerFirst(m.VerdictInfo(rival).Label)
	own, b := r.Cost.Bill(r.Verdict.OptionKind()), r.Cost.Bill(rival.OptionKind())
	if own != nil && b != nil && own.Available && b.Available {
		digits := quoteDigits([2]float64{b.Total, own.Total})
		other += " (" + b.Product + " at " + formatRoughAt(b.Total, digits) + " a month against " + formatRoughAt(own.Total, digits) + " for " + own.Product
		if ahead := m.aheadOf(&d); ahead != d.in.Requests {
			other += " " + m.teamTimeLeadAhead(r, d, rival, ahead)
		}
		other += ")"
	}
	points := plural(math.Round(r.leadWithoutTeamTime*10)/10, "point")
	return []string{strings.NewReplacer("{other}", other, "{points}", points).Replace(text)}
}

// teamTimeLeadAhead is team_time_lead_ahead: the bills of the verdict
// and of its rival on the charges alone at the volume the cost factor
// looks ahead to.
func (m *Model) teamTimeLeadAhead(r *Result, d decision, rival Verdict, ahead float64) string {
	f, c, s := m.Pricing.itemisedBills(d.cloud, d.in.atVolume(ahead))
	bills := map[OptionKind]Bill{Functions: f, Containers: c, Servers: s}
	usd, own := bills[rival.OptionKind()].Total, bills[r.Verdict.OptionKind()].Total
	digits := quoteDigits([2]float64{usd, own})
	when := FormatInt(int64(m.Cost.LookAhead)) + " months on"
	if ahead < d.in.Requests*math.Pow(1+d.growth, m.Cost.LookAhead)*(1-1e-9) {
		when = "at " + FormatCount(ahead) + " " + d.in.Entry.Pieces() + " a month, " + FormatCount(m.Cost.LookAheadMaxFactor) + " times today's"
	}
	return d.cloud.replacer("{usd}", formatRoughAt(usd, digits), "{own_usd}", formatRoughAt(own, digits), "{when}", when,
		"{growth}", r.Answers["growth"]+"%").Replace(m.Caveats.TeamTimeLeadAhead)
}

// oneConsumerCaveat says, where work a queue or a timer hands out runs on
// one instance of a fleet kept running, why one is enough and what a
// second would buy: the sizing's single instance had read as the
// availability answer ignored, though it applies to requests alone
// (review 253). Said of the verdict's bill, or else of the cheapest,
// which the cost reason weighs it against: Azure VMs' one machine for 760
// events a second had read as the answer ignored beside Container Apps
// (review 262).
func (m *Model) oneConsumerCaveat(r *Result, d decision) []string {
	if d.in.clientsConnect() {
		return nil
	}
	for _, b := range []*Bill{requestsBill(r), r.Cost.Cheapest()} {
		if b != nil && b.Available && b.Kind != Functions && b.Sizing != nil && b.Sizing.Billing == BillingInstance && b.Sizing.Instances == 1 {
			return []string{d.cloud.replacer("{product}", b.Product).Replace(m.Caveats.OneConsumer)}
		}
	}
	return nil
}

// ownAddressOnly reports whether b's requests reach it at an address the
// cloud generates and nothing more: functions behind their built-in
// endpoint, serverless containers billed while they serve (Cloud Run),
// where the answers give them no balancer for a custom domain.
func ownAddressOnly(c *Cloud, b *Bill) bool {
	if _, ok := b.item("load_balancer"); ok {
		return false
	}
	if it, ok := b.item("front_door"); ok && it.USD > 0 {
		return false
	}
	switch b.Kind {
	case Functions:
		return c.FrontDoor == "built_in"
	case Containers:
		return c.ContainersBilling == BillingRequest
	}
	return false
}

// sideBySideCaveat says, where functions billed per invocation carry the
// work and their bill awaits each batch of queued events side by side
// (batchHandling), what the bill comes to with the events one after
// another, as a handler does unless written otherwise: a Lambda queue
// consumer at $25 would cost about $80 so.
func (m *Model) sideBySideCaveat(r *Result, d decision, w *workload) string {
	if !w.batchSideBySide || r.requestsRunOn() != Serverless {
		return ""
	}
	_, each := w.invocations()
	seq := *w
	seq.batchSideBySide, seq.functionMB = false, seq.functionMemory()
	oneByOne := FormatRoughUSD(seq.functionsBill().Total)
	if FormatRoughUSD(d.functions.Total) == oneByOne {
		return "" // "about $0 a month rather than $0" had said nothing
	}
	// The bill's own total, as the bill shows it.
	return d.cloud.replacer("{batch}", plural(each, "event"), "{usd}", FormatUSD(d.functions.Total), "{one_by_one}", oneByOne).Replace(m.Caveats.SideBySide)
}

// batchWindowCaveat says, where functions billed per invocation carry
// queued events in batches that arrive more slowly than one batch a
// second, that the bill's batches take the trigger's batching window,
// which holds each event until its batch is gathered, and what the bill
// comes to without it, one event to an invocation: 40,000 events a month
// had been billed in batches of ten, which take eleven minutes to arrive,
// with nothing said (review 161).
func (m *Model) batchWindowCaveat(r *Result, d decision, w *workload) string {
	_, each := w.invocations()
	if each <= 1 || w.avgRPS >= each || r.requestsRunOn() != Serverless || d.cloud.t.eventBatchWindow == nil {
		return ""
	}
	// One event to an invocation needs the memory of one, not the
	// batch's: kept at the 800 MB that holds ten side by side, 20 million
	// 512 MB events had read $76 where they come to $50 (review 248).
	single := *w
	single.oneEventEach, single.batchSideBySide = true, false
	single.functionMB = single.functionMemory()
	oneEach := FormatRoughUSD(single.functionsBill().Total)
	if oneEach == FormatRoughUSD(d.functions.Total) {
		return "" // "about $0 a month rather than $0.00" had said nothing (review 164)
	}
	return d.cloud.replacer("{batch}", plural(each, "event"), "{rate}", trimFloat(RoundSignificant(w.avgRPS*60, 2)),
		"{wait}", formatSeconds(math.Ceil(each/w.avgRPS)), "{window}", formatSeconds(d.cloud.t.eventBatchWindow.v()),
		"{one_each}", oneEach, "{usd}", FormatUSD(d.functions.Total)).Replace(m.Caveats.BatchWindow)
}

// streamBatchesCaveat says, where the functions' bill counts its
// executions as the cloud's queue triggers hand queued events over (one
// at a time on Azure's Service Bus and Storage queues, ten on an SQS
// queue), what they would come to in the full batches a stream's trigger
// hands over (Event Hubs, Kinesis), where that takes a tenth off the bill
// beyond its logs and data transfer or more: a billion events had paid
// Flex Consumption $399.90 for executions that batches of 100 bring to
// about $4, with nothing said (reviews 186, 189 and 190).
func (m *Model) streamBatchesCaveat(d decision, w *workload) string {
	t, p := &d.cloud.t, d.cloud.Products
	stream := t.eventBatchSizeStream
	if stream == nil || p.QueueBatches == "" || w.in.Entry != EntryEvents || !d.functions.Available {
		return ""
	}
	execs, ok := d.functions.item("requests")
	if !ok {
		return ""
	}
	_, now := w.invocations()
	_, fit, _ := w.batchBounds()
	each := max(1, min(stream.v(), fit))
	batched := w.functionsRequests(math.Ceil(w.in.Requests/each), each).USD
	// A tenth of what the bill costs beyond the logs and data transfer
	// every option pays alike: $100 of Lambda invocations had gone unsaid
	// beside $1,000 of logs (review 189).
	if each <= max(now, t.eventBatchSize.v()) || execs.USD-batched < max(1, (d.functions.Total-alikeUSD(&d.functions, &d.functions))/10) {
		return ""
	}
	said := "about " + FormatRoughUSD(batched)
	if FormatRoughUSD(batched) == "$0" {
		said = "nothing beyond the free grant" // "about $0" had said it less plainly
	}
	words := strings.NewReplacer("{batch}", formatWhole(stream.v()), "{queue_batch}", formatWhole(t.eventBatchSize.v()))
	return d.cloud.replacer("{usd}", FormatUSD(execs.USD), "{total}", FormatUSD(d.functions.Total),
		"{queue_batches}", words.Replace(p.QueueBatches), "{stream_batches}", words.Replace(p.StreamBatches),
		"{batched}", said).Replace(m.Caveats.StreamBatches)
}

// coldStartsCaveat says, where functions that take one request to an
// instance (Lambda) answer HTTP requests whose latency is sensitive,
// keeping the fewest instances a fleet keeps warm (keepsProvisioned),
// that a request arriving while those are busy waits for a new one,
// beside serverless containers whose tasks run all the time (Fargate):
// Lambda for a 4 GB latency-sensitive inference API had said nothing of
// its cold starts. Functions whose instances take many requests at once
// keep as many as the serverless containers do (Cloud Run functions the
// services', Flex Consumption always-ready ones), and nothing is said.
func (m *Model) coldStartsCaveat(r *Result, d decision, w *workload) string {
	if !w.keepsProvisioned() || r.requestsRunOn() != Serverless || !d.containers.Available || d.functions.KeptRunning || d.cloud.ContainersBilling != BillingInstance {
		return ""
	}
	n, each := w.invocations()
	kept, text := w.provisionedCount(n, w.billedSeconds(each), each), m.Caveats.ColdStartsTasks
	if kept > w.minInstances() {
		// Kept for their price, the load above them keeps its own
		// environments warm: "so that a request after a quiet spell finds
		// one" had been said of ten kept 69% busy by 11 requests in flight
		// all day (review 252).
		text = m.Caveats.ColdStartsProvisioned
	}
	return d.cloud.replacer("{kept}", plural(kept, "instance")).Replace(text)
}

// databaseVPCCaveat says, where functions carry the work and reach a
// relational database (any load but light, which a key-value service
// can serve) on a cloud whose functions must join the database's private
// network for it, that they lose their own way to the internet there, and
// what the NAT for their outside calls costs: a Lambda API with its
// database in a VPC had been priced as if it still reached payment and
// e-mail services directly. Where the answers already put every option
// in a private network, the bill carries the NAT and nothing is said.
func (m *Model) databaseVPCCaveat(r *Result, d decision, w *workload) string {
	if !d.cloud.FunctionsDatabaseInVPC || d.in.privateNetwork() || r.requestsRunOn() != Serverless || m.counted("data", r.Answers) == "light" {
		return ""
	}
	nat, ok := w.natItem(func() float64 { return w.busySeconds(1) })
	if !ok {
		return ""
	}
	// One for queued or scheduled work, or a single zone: "in each zone"
	// had priced one gateway.
	gateways := "a " + d.cloud.Products.NAT
	n, _ := w.natGateways()
	if n > 1 {
		gateways += " in each of its " + FormatInt(int64(n)) + " zones"
	}
	text := d.cloud.replacer("{gateways}", gateways, "{usd}", FormatRoughUSD(nat.USD)).Replace(m.Caveats.DatabaseVPC)
	if n > 1 {
		// One gateway for every zone, which an MVP's bill of cents would
		// rather keep: only the gateways in each zone had been priced
		// (review 225).
		text += " " + d.cloud.replacer("{one}", FormatRoughUSD(w.sharedGatewayUSD(nat.USD))).Replace(m.Caveats.DatabaseVPCOne)
	}
	// Where the NAT would take the functions past another option the
	// answers allow, say so: a Lambda bill $4 below Fargate's had won a
	// close call the caveat's own $73 undoes (review 190). Where the
	// team's time is weighed, only if it does so with that time too: an
	// MVP's Lambda had been sent back to Fargate at $49 against its $74
	// with the NAT, where with the hours Lambda comes to $434 and Fargate
	// to $787 (review 237).
	with := d.functions.Total + nat.USD
	if other := d.cheapestAllowed(&d.containers, &d.servers); other != nil && other.Total < with && m.dearerWithTimeToo(d, other.Kind, nat.USD) {
		digits := quoteDigits([2]float64{with, other.Total})
		text += " " + d.cloud.replacer("{total}", formatRoughAt(with, digits), "{other}", other.Product, "{other_usd}", formatRoughAt(other.Total, digits)).Replace(m.Caveats.DatabaseVPCDearer)
	}
	return text
}

// dearerWithTimeToo reports whether, where the team's time is weighed,
// the functions' bill with extra dollars on it costs more than other's
// with that time too; always where the time is not weighed.
func (m *Model) dearerWithTimeToo(d decision, other OptionKind, extra float64) bool {
	if !d.teamTimeWeighed() {
		return true
	}
	withTime := m.answersWithTeamTime(d)
	return withTime[other].Total < withTime[Functions].Total+extra
}

// sessionMemoryCaveat says, where stateful sessions run on a fleet, how
// many the fleets' memory is sized for and from what: the sessions
// connected at the busiest hour follow from an assumed connected time for
// each request, which the reader's product may not share.
func (m *Model) sessionMemoryCaveat(r *Result, d decision, w *workload) string {
	if !w.in.statefulSessions() || r.Verdict == Serverless {
		return ""
	}
	k := &m.Pricing.Common.t
	// The total is of the count as said, so that the reader's product
	// agrees with it.
	sessions := RoundSignificant(math.Ceil(w.busiestSessions()), 2)
	// Where the serverless containers end every connection, their bill
	// keeps the sessions in a store, not in its instances (ea2beb7).
	holders := fleetSizes
	if w.sessionsLeaveProcesses() {
		holders = "The servers' sizes, and the {session_store} store beside {containers},"
	}
	return d.cloud.replacer("{holders}", d.cloud.replacer().Replace(holders), "{sessions}", FormatCount(sessions), "{seconds}", formatSeconds(w.connectedSeconds()),
		"{memory}", formatMB(k.sessionMemoryMB.v()), "{total}", formatData(sessions*k.sessionMemoryMB.v()/1024)).Replace(m.Caveats.SessionMemory)
}

// notCountedCaveats say, for each question that does not apply to the
// answers and was answered other than its default, that the answer does
// not count, and why, where the model says so (Question.NotCounted,
// Option.NotCounted).
func (m *Model) notCountedCaveats(r *Result) []string {
	var out []string
	for _, q := range m.Questions {
		answer := r.Answers[q.Key]
		text := q.NotCounted
		if o := q.Option(answer); o != nil {
			text = o.NotCounted
		}
		if text != "" && answer != q.Default && !m.Applies(q, r.Answers) {
			rep := r.Cost.Cloud.replacer(append(r.Cost.Inputs.Entry.words(), "{answer}", q.AnswerLabel(answer))...)
			out = append(out, rep.Replace(text))
		}
	}
	return out
}

// fewExecutionsCaveats say, for each answer given that counts only where
// the functions run enough at once (Option.CountsFromExecutions) and
// does not count for that, why.
func (m *Model) fewExecutionsCaveats(r *Result, d decision, w *workload) []string {
	if !d.fewExecutions {
		return nil
	}
	var out []string
	for _, q := range m.countedByExecutions(r.Answers) {
		rep := d.cloud.replacer(append(d.in.Entry.words(), "{answer}", q.AnswerLabel(r.Answers[q.Key]),
			"{connections}", plural(math.Max(1, math.Ceil(w.databaseConnections())), "connection"), "{from}", FormatCount(w.k.dbPoolerFromExecutions.v()))...)
		out = append(out, rep.Replace(q.Option(r.Answers[q.Key]).FewExecutions))
	}
	return out
}

// containersScaleCaveat says, where the serverless containers carry the
// requests and their busiest hour runs more vCPUs than the cloud's
// environment does by default, that more must be asked for, and where it
// runs more replicas than one app scales to, that they must be larger or
// split over several apps.
func (m *Model) containersScaleCaveat(r *Result, d decision) string {
	t, b := &d.cloud.t, &d.containers
	if r.requestsRunOn() != ServerlessContainers || t.containersEnvironmentCores == nil || b.Sizing == nil {
		return ""
	}
	cores := float64(b.Sizing.Instances) * b.Sizing.VCPU
	if cores <= t.containersEnvironmentCores.v() {
		return ""
	}
	text := m.Caveats.ContainersScale
	switch n := float64(b.Sizing.Instances); {
	case t.containersMaxReplicas != nil && n > t.containersMaxReplicas.v():
		text += " " + m.Caveats.ContainersScaleReplicas
	case t.containersDefaultMaxReplicas != nil && n > t.containersDefaultMaxReplicas.v():
		text += " " + m.Caveats.ContainersScaleDefault
	}
	return d.cloud.replacer("{product}", b.Product, "{replicas}", FormatInt(int64(b.Sizing.Instances)), "{size}", b.Sizing.Machine,
		"{cores}", FormatInt(int64(math.Ceil(cores))), "{quota}", FormatInt(int64(t.containersEnvironmentCores.v())),
		"{quota_max}", FormatInt(int64(t.containersEnvironmentCoresMax.v())), "{max_replicas}", FormatInt(int64(t.containersMaxReplicas.v())),
		"{default}", FormatInt(int64(t.containersDefaultMaxReplicas.v()))).Replace(text)
}

// containersDefaultReplicasCaveat says, where the serverless containers
// carry the work and run more replicas at the busiest hour than a
// revision scales to unless its scale settings raise it, that the
// maximum must be set (ContainersDefaultReplicas). Where they also run
// more vCPUs than an environment does by default, containersScaleCaveat
// says both.
func (m *Model) containersDefaultReplicasCaveat(r *Result, d decision) string {
	t, b := &d.cloud.t, &d.containers
	if r.requestsRunOn() != ServerlessContainers || t.containersDefaultMaxReplicas == nil || b.Sizing == nil || b.Sizing.Billing == BillingRun {
		return "" // a job's runs scale by its own executions, not replicas
	}
	n := float64(b.Sizing.Instances)
	if n <= t.containersDefaultMaxReplicas.v() || (t.containersEnvironmentCores != nil && n*b.Sizing.VCPU > t.containersEnvironmentCores.v()) {
		return ""
	}
	return d.cloud.replacer("{product}", b.Product, "{replicas}", FormatInt(int64(n)), "{size}", b.Sizing.Machine,
		"{default}", FormatInt(int64(t.containersDefaultMaxReplicas.v())), "{max_replicas}", FormatInt(int64(t.containersMaxReplicas.v()))).Replace(m.Caveats.ContainersDefaultReplicas)
}

// containersQuotaCaveat says, where the serverless containers carry the
// requests on a cloud whose services scale as far as the region's quotas
// allow, and their busiest hour takes containers_quota_share of the
// baseline or more, that the project's own quotas must hold them.
func (m *Model) containersQuotaCaveat(r *Result, d decision) string {
	t, b := &d.cloud.t, &d.containers
	if t.containersRegionVCPUs == nil || t.containersRegionMemoryGB == nil || b.Sizing == nil {
		return ""
	}
	product := b.Product
	switch on := r.requestsRunOn(); {
	case on == Serverless && d.cloud.FunctionsOnContainers && d.functions.KeptRunning == (b.Sizing.Billing == BillingInstance):
		// Functions deployed as those containers and billed as them, by
		// the instance or by the request, run the same instances on the
		// same quota: Cloud Run functions at 2,680 instances had said
		// nothing where Cloud Run services on the same bill did (review
		// 155), and at 4,824 billed by the request (review 180).
		product = d.functions.Product
	case on != ServerlessContainers:
		return ""
	}
	n := float64(b.Sizing.Instances)
	cores, gb := n*b.Sizing.VCPU, n*b.Sizing.MemoryGB
	share := m.Caveats.ContainersQuotaShare
	if cores < share*t.containersRegionVCPUs.v() && gb < share*t.containersRegionMemoryGB.v() {
		return ""
	}
	return d.cloud.replacer("{product}", product, "{instances}", FormatInt(int64(n)), "{size}", b.Sizing.Machine,
		"{cores}", FormatInt(int64(math.Ceil(cores))), "{gb}", formatData(gb),
		"{quota}", FormatInt(int64(t.containersRegionVCPUs.v())), "{quota_gb}", formatData(t.containersRegionMemoryGB.v())).Replace(m.Caveats.ContainersQuota)
}

// balancerTargetsCaveat says, where the fleet the requests run on puts
// more machines or tasks behind its load balancer at the busiest hour
// than the balancer takes by default, that the quota must be raised or
// the sizes made larger: 2,144 Fargate tasks had been priced behind one
// Application Load Balancer, which takes 1,000 (review 122).
func (m *Model) balancerTargetsCaveat(r *Result, d decision) string {
	b, lim := requestsBill(r), d.cloud.t.balancerTargetsMax
	if b == nil || lim == nil || b.Sizing == nil || float64(b.Sizing.Instances) <= lim.v() {
		return ""
	}
	if _, ok := b.item("load_balancer"); !ok {
		return ""
	}
	return d.cloud.replacer("{product}", b.Product, "{instances}", FormatInt(int64(b.Sizing.Instances)), "{units}", fleetUnits(d.cloud, b), "{size}", b.Sizing.Machine,
		"{targets}", FormatInt(int64(lim.v())), "{load_balancer}", d.cloud.Products.LoadBalancer).Replace(m.Caveats.BalancerTargets)
}

// defaultTimeoutCaveat says, where the functions the verdict's work runs
// on stop an execution after a default time that its runs come near
// (limit_run_share of it), that the timeout must be raised: Flex
// Consumption had been chosen for 30-minute nightly runs, which its
// default of 30 minutes would stop about half of (review 127).
func (m *Model) defaultTimeoutCaveat(r *Result, d decision) string {
	b, lim := requestsBill(r), d.cloud.t.functionsDefaultRunSeconds
	secs := d.in.DurationMS / 1000
	if b == nil || b.Kind != Functions || lim == nil || secs <= d.common.longestRun(lim) {
		return ""
	}
	beyond := ""
	if lim.Beyond != "" {
		beyond = " " + lim.Beyond
	}
	return d.cloud.replacer(append(d.in.Entry.words(), "{default}", formatLimit(lim.v()), "{duration}", formatSeconds(secs),
		"{setting}", d.cloud.Products.FunctionsTimeout, "{beyond}", beyond)...).Replace(m.Caveats.DefaultTimeout)
}

// schedulerDeadlineCaveat says, where scheduled runs go to the functions
// and the cloud's scheduler calls them over HTTP, stopping its wait for
// each after a default time the runs come near, that the job's attempt
// deadline must be raised: Cloud Scheduler gives up on a call after 3
// minutes and may start the run again, which 3- and 10-minute nightly
// runs on Cloud Run functions had not been told (review 225).
func (m *Model) schedulerDeadlineCaveat(r *Result, d decision) string {
	b, lim := requestsBill(r), d.cloud.t.functionsScheduleDefaultSeconds
	secs := d.in.DurationMS / 1000
	if b == nil || b.Kind != Functions || d.in.Entry != EntrySchedule || lim == nil || secs <= d.common.longestRun(lim) {
		return ""
	}
	return d.cloud.replacer("{scheduler}", d.cloud.Products.Scheduler, "{default}", formatLimit(lim.v()), "{duration}", formatSeconds(secs),
		"{max}", formatLimit(d.cloud.functionsMaxRun(EntrySchedule).v())).Replace(m.Caveats.SchedulerDeadline)
}

// jobsTimeoutCaveat says, where the bill the requests run on runs its
// work, or its background jobs, on the cloud's jobs product and the runs
// come near the time after which it stops a task by default, that the
// setting that raises it must be (JobsTimeout), or on a cloud whose jobs
// have no default, that the one every job sets must fit the runs
// (JobsTimeoutRequired).
func (m *Model) jobsTimeoutCaveat(r *Result, d decision) string {
	b, lim, setting := requestsBill(r), d.cloud.t.jobsDefaultRunSeconds, d.cloud.Products.JobsTimeout
	if b == nil || setting == "" {
		return ""
	}
	secs := 0.0
	if it, ok := b.item("jobs"); ok && it.onJobs {
		_, secs, _ = d.common.job(d.in)
	}
	if b.Product == d.cloud.Products.Jobs {
		secs = max(secs, d.in.DurationMS/1000) // the work itself runs as jobs
	}
	if lim == nil {
		// No default: every job sets its own, which its runs must fit.
		if secs == 0 {
			return ""
		}
		return d.cloud.replacer("{setting}", setting, "{duration}", formatSeconds(secs)).Replace(m.Caveats.JobsTimeoutRequired)
	}
	if secs <= d.common.longestRun(lim) {
		return ""
	}
	return d.cloud.replacer("{default}", formatLimit(lim.v()), "{duration}", formatSeconds(secs), "{setting}", setting).Replace(m.Caveats.JobsTimeout)
}

// pushDeadlineCaveat says, where the serverless containers the verdict's
// work runs on take queued events from a push subscription and the events
// come near the time it waits for an answer by default, that its
// acknowledgement deadline must be raised, and where they come near the
// time within which the service must answer, its request timeout too: 8-
// minute events had gone to Cloud Run services with nothing said of
// either, where the push waits 10 seconds and the service 5 minutes by
// default (review 161).
func (m *Model) pushDeadlineCaveat(r *Result, d decision) string {
	b, t := requestsBill(r), &d.cloud.t
	secs := d.in.DurationMS / 1000
	if b == nil || b.Kind != Containers || b.Product != d.cloud.Products.Containers || d.in.Entry != EntryEvents ||
		t.pushDefaultAckSeconds == nil || t.containersPushMaxSeconds == nil || secs <= d.common.longestRun(t.pushDefaultAckSeconds) {
		return ""
	}
	text := m.Caveats.PushDeadline
	if lim := t.containersDefaultRequestSeconds; lim != nil && secs > d.common.longestRun(lim) {
		text += " " + strings.ReplaceAll(m.Caveats.RequestTimeout, "{default}", formatLimit(lim.v()))
	}
	return d.cloud.replacer("{ack_default}", formatLimit(t.pushDefaultAckSeconds.v()), "{push_max}", formatLimit(t.containersPushMaxSeconds.v()),
		"{duration}", formatSeconds(secs)).Replace(text)
}

// jobsPerEventCaveat says, where the verdict's work runs as a job for each
// queued event on a cloud whose queue cannot start one itself, what does
// and what it leaves to the team: a Cloud Run job for each Pub/Sub event
// had been priced with nothing said of how one starts (reviews 161, 164).
func (m *Model) jobsPerEventCaveat(r *Result, d decision) string {
	b := requestsBill(r)
	if b == nil || d.in.Entry != EntryEvents || b.Product != d.cloud.Products.Jobs || d.cloud.Products.JobsPerEvent == "" {
		return ""
	}
	return d.cloud.replacer("{jobs_per_event}", d.cloud.Products.JobsPerEvent).Replace(m.Caveats.JobsPerEvent)
}

// jobsAsEventsCaveat says, where the answers name background jobs beside
// queued events that take as long as those jobs, that the bills read the
// jobs as the events themselves and price no runs beside them
// (CostInputs.backgroundJobs).
func (m *Model) jobsAsEventsCaveat(r *Result, d decision) string {
	if d.in.Entry != EntryEvents || d.in.backgroundJobs() || jobClass(d.in.DurationMS) != d.in.Jobs {
		return ""
	}
	q, _ := m.Question("jobs")
	o := q.Option(d.in.Jobs)
	if o == nil {
		return ""
	}
	return d.cloud.replacer("{jobs_answer}", LowerFirst(o.Label), "{duration}", formatSeconds(d.in.DurationMS/1000),
		"{events}", FormatCount(d.in.Requests)).Replace(m.Caveats.JobsAsEvents)
}

// oneWorkerCaveat says, where the servers the verdict stands on run queued
// events on one machine and the answers ask for redundancy, that a lost
// machine's events wait for its replacement, and what a second machine in
// another zone adds: its hours, boot disk and address.
func (m *Model) oneWorkerCaveat(r *Result) string {
	b, in := r.Cost.Bill(r.Verdict.OptionKind()), &r.Cost.Inputs
	// The availability question does not apply to queued events, but a
	// reader who accepts one machine has said so all the same.
	if r.Verdict != Traditional || b == nil || b.Sizing == nil || b.Sizing.Instances != 1 || in.Entry != EntryEvents || in.clientsConnect() || r.Answers["availability"] == "single" {
		return ""
	}
	usd := 0.0
	for _, it := range b.Items {
		if it.ID == "instances" || it.ID == "disks" || it.ID == "ipv4" {
			usd += it.USD
		}
	}
	return r.Cost.Cloud.replacer(append(in.Entry.words(), "{product}", b.Product, "{usd}", FormatRoughUSD(usd))...).Replace(m.Caveats.OneWorker)
}

// sessionScaleInCaveat says, where stateful sessions run on the verdict's
// fleet and its bill shrinks the fleet at the quiet hours (its average at
// most SessionScaleInAverage of its busiest size), that a machine or
// instance taken out ends the sessions it holds unless drained first. Not
// where the bill keeps the sessions' state in a store of its own (Cloud
// Run's): an instance taken out then ends connections alone, which its
// clients open again to another that reads their state from the store (it
// had been said to end the sessions beside the store, review 178).
func (m *Model) sessionScaleInCaveat(r *Result) string {
	b := r.Cost.Bill(r.Verdict.OptionKind())
	if !r.Cost.Inputs.statefulSessions() || b == nil || b.Sizing == nil || b.Sizing.Instances < 2 || b.Sizing.Average > m.Caveats.SessionScaleInAverage*float64(b.Sizing.Instances) {
		return ""
	}
	if _, stored := b.item("session_store"); stored {
		return ""
	}
	// The fleet's own item, kept at the busiest hour's size every hour:
	// about as many times its cost as that size is of the average.
	shown := 0.0
	for _, it := range b.Items {
		if it.ID == "compute" || it.ID == "instances" {
			shown += it.USD
		}
	}
	kept := shown * float64(b.Sizing.Instances) / b.Sizing.Average
	return r.Cost.Cloud.replacer("{product}", b.Product, "{most}", FormatInt(int64(b.Sizing.Instances)), "{average}", trimFloat(RoundSignificant(b.Sizing.Average, 2)),
		"{units}", fleetUnits(r.Cost.Cloud, b), "{kept_usd}", FormatRoughUSD(kept), "{shown_usd}", FormatRoughUSD(shown)).Replace(m.Caveats.SessionScaleIn)
}

// fleetUnits names what a fleet's bill runs: machines, Fargate's tasks,
// or a platform's instances.
func fleetUnits(c *Cloud, b *Bill) string {
	switch {
	case b.Kind == Servers:
		return "machines"
	case c.ContainersBilling == BillingInstance:
		return "tasks" // Fargate's
	}
	return "instances"
}

// largeResponsesCaveat says, where the bills serve the responses from
// object storage (Cloud.filesFrom), that they do and what the reads cost,
// and where the cloud's functions could not return them, that: 17 MB
// downloads had been priced through API Gateway and Lambda, whose limit is
// 6 MB, and through the fleets' load balancer, which the design every
// option would use keeps out of the way.
func (m *Model) largeResponsesCaveat(r *Result, d decision) string {
	k := &m.Pricing.Common.t
	if !d.in.servesFiles(d.cloud.filesFrom(k)) {
		return ""
	}
	lead := ""
	if q, ok := m.Question("egress"); ok && r.Answers["egress"] == q.DefaultAnswer() {
		if m.defaultEgressCaveat(r, d) != "" {
			return "" // the data sent out was not answered, and its own caveat says so
		}
		// Where that caveat says nothing, this one says the default
		// made the files: 20,000 requests at the default's 50 GB, 2.5 MB
		// each, had gone to signed links with nothing said (review 138).
		lead = strings.ReplaceAll(m.Caveats.LargeResponsesDefault, "{egress}", formatData(d.in.EgressGB)) + " "
	}
	// The reads are left off the bills: the same on each, a few dollars
	// where the data sent out is thousands, and counted on a bill they
	// would make it fall where the volume takes the responses below the
	// threshold and a lone machine then sends them itself at no charge.
	reads := d.cloud.t.objectStorageReads.cost(d.in.Requests)
	limit := ""
	if fits := d.cloud.largestFile(); fits > 0 && d.in.bytesPerRequest() > fits*k.limitRunShare.v() {
		binary := ""
		if d.cloud.t.functionsBinaryPayloadShare != nil {
			binary = strings.ReplaceAll(m.Caveats.LargeBinaryResponses, "{max_binary}", trimFloat(RoundSignificant(fits/1e6, 2))+" MB")
		}
		limit = d.cloud.replacer("{max_payload}", trimFloat(d.cloud.t.functionsMaxPayloadMB.v())+" MB", "{binary}", binary).Replace(m.Caveats.LargeResponsesLimit)
	}
	time := ""
	if d.in.DurationMS >= 1000 {
		time = strings.ReplaceAll(m.Caveats.LargeResponsesTime, "{duration}", formatSeconds(d.in.DurationMS/1000))
	}
	size := trimFloat(RoundSignificant(d.in.bytesPerRequest()/1e6, 2)) + " MB"
	return lead + d.cloud.replacer("{size}", size, "{usd}", FormatUSD(reads), "{limit}", limit, "{time}", time).Replace(m.Caveats.LargeResponses)
}

// functionEndpointCaveat says, where functions answer the HTTP requests
// through their own endpoint because the gateway's timeout would cut the
// slower ones off, what that endpoint costs and what it leaves out.
func (m *Model) functionEndpointCaveat(r *Result, d decision) string {
	endpoint := d.cloud.Products.Endpoint
	door, ok := d.functions.item("front_door")
	if endpoint == "" || !ok || door.Label != endpoint || r.requestsRunOn() != Serverless {
		return ""
	}
	return d.cloud.replacer("{duration}", formatSeconds(d.in.DurationMS/1000), "{gateway}", d.cloud.Products.Gateway,
		"{gateway_timeout}", formatLimit(d.cloud.t.gatewayTimeoutSeconds.v()), "{endpoint}", endpoint).Replace(m.Caveats.FunctionEndpoint)
}

// connectionServiceCaveat says when the managed connection service is
// most of the recommended option's bill, and no small sum: its price follows from the
// model's assumed connection-minutes and messages a request, not from an
// answer, so the reader should know that one assumption drives the spend.
// Where it is not, it says so of a dearer option the limits allow whose
// bill it is most of: Web PubSub, $735 of Flex Consumption's $796 for a
// few live features, had counted against the functions unsaid.
func (m *Model) connectionServiceCaveat(r *Result, d decision) string {
	own := m.ownBill(r)
	if own == nil || own.Total <= 0 {
		return ""
	}
	bills := []*Bill{own}
	for _, b := range r.Cost.AvailableByPrice() {
		if b.Kind != own.Kind && b.RuledOut == "" && b.Total > own.Total {
			bills = append(bills, b)
		}
	}
	var said *Bill // the bill the caveat is about
	i := -1
	for _, b := range bills {
		if i = connectionServiceItem(b, m.Caveats.ConnectionServiceShare, m.Caveats.ConnectionServiceUSD); i >= 0 {
			said = b
			break
		}
	}
	if said == nil {
		return ""
	}
	service := said.Items[i]
	deliveries := m.Pricing.Common.t.liveUpdates
	if service.ID == "messaging" {
		deliveries = m.Pricing.Common.t.messagingDeliveries
	}
	rep := d.cloud.replacer(append(d.in.Entry.words(),
		"{share}", strconv.Itoa(int(math.Round(service.USD/said.Total*100)))+"%", "{usd}", FormatUSD(service.USD), "{product}", said.Product,
		"{minutes}", trimFloat(m.Pricing.Common.t.messagingConnectionMinutes.v()),
		"{deliveries}", plural(deliveries.v(), "message"))...)
	return rep.Replace(m.Caveats.ConnectionService)
}

// connectionServiceItem is the index of b's managed connection service
// item where it is share percent or more of the bill and usd or more, or
// -1.
func connectionServiceItem(b *Bill, share, usd float64) int {
	i := slices.IndexFunc(b.Items, isConnectionService)
	if i < 0 || b.Items[i].USD*100 < share*b.Total || b.Items[i].USD < usd {
		return -1
	}
	return i
}

// teamTimeCaveats are the team-time caveat and the forced one, from the
// bills with the team's time, priced once for both where they can be
// said: the requests on servers, the bills without the time.
func (m *Model) teamTimeCaveats(r *Result, d decision) (teamTime, forced string) {
	if d.in.OpsCost || r.requestsRunOn() != Traditional {
		return "", ""
	}
	withTime := m.answersWithTeamTime(d)
	teamTime = m.teamTimeCaveat(r, d, withTime)
	return teamTime, m.forcedTeamTimeCaveat(d, *withTime[Servers], teamTime != "")
}

// teamTimeCaveat says, where the servers are the verdict's platform and
// the bills leave the team's time out, what the servers and the
// serverless containers come to with it, where the servers then cost
// more: a dedicated operations team's VMs at $79 had been weighed against
// Container Apps at $47 with nothing said of the $889 against $263 they
// come to once the team's hours are on the bills. It names the products
// the two bills run on, which for work that runs to completion are the
// jobs products (review 97 had read Container Apps jobs' $710 under the
// name of Container Apps apps). withTime are the three bills with the
// team's time, which teamTimeCaveats prices where it may be said.
func (m *Model) teamTimeCaveat(r *Result, d decision, withTime map[OptionKind]*Bill) string {
	if !d.servers.Available {
		return ""
	}
	s := withTime[Servers]
	// Against the cheaper, with the time, of the options the answers
	// allow, or the runner-up where the answers allow it and it costs the
	// same in the amounts the caveat quotes: an internal tool on EC2 had been weighed
	// against Fargate alone, beside Lambda at a tenth of either (review
	// 143), and EC2 against Lambda, $2 below Fargate with the hours, where
	// Fargate is what the hours would put first (review 256).
	other := d.cheapestAllowed(withTime[Functions], withTime[Containers])
	if k := r.RunnerUp.OptionKind(); other != nil && (k == Functions || k == Containers) && d.allows(withTime[k]) && sameRough(withTime[k].Total, other.Total) {
		other = withTime[k]
	}
	if other == nil || !s.Available || RoughUSD(s.Total) <= RoughUSD(other.Total) {
		return ""
	}
	others := map[OptionKind]string{Functions: "the functions", Containers: "the serverless containers"}[other.Kind]
	return m.withTimeReplacer(d, "{usd}", FormatRoughUSD(s.Total), "{other_usd}", FormatRoughUSD(other.Total), "{servers_product}", s.Product,
		"{other_product}", other.Product, "{others}", others).Replace(
		ifWeighed(d, m.Caveats.TeamTime, m.Caveats.TeamTimeWeighed)) + m.resizedSentence(d, [][2]*Bill{{&r.Cost.Servers, s}})
}

// ifWeighed is weighed where the cost factor weighs the fleets' upkeep
// the bills leave out (decision.teamTimeWeighed), else text: a caveat
// that told the reader to count the time to weigh it would then be wrong.
func ifWeighed(d decision, text, weighed string) string {
	if d.teamTimeWeighed() {
		return weighed
	}
	return text
}

// allows reports whether the answers leave b's option to the reader: it
// can run the work, and no constraint rules its verdict out.
func (d decision) allows(b *Bill) bool {
	i := slices.Index(Verdicts, b.Kind.Verdict())
	return b.Available && !d.ruledOut[i] && !d.excluded[i]
}

// cheapestAllowed is the cheapest of bills whose options the answers
// allow (allows), or nil.
func (d decision) cheapestAllowed(bills ...*Bill) *Bill {
	var out *Bill
	for _, b := range bills {
		if d.allows(b) && (out == nil || b.Total < out.Total) {
			out = b
		}
	}
	return out
}

// forcedTeamTimeCaveat says, where the answers' constraints leave the
// servers alone (full control of the machines), nobody on the team runs
// operations and the bills leave the team's time out, how many hours the
// servers' upkeep takes a month and what they come to: a team with nobody
// on call had been sent to Azure VMs by full control with nothing said of
// who runs them (review 116), where the team-time caveat, which weighs
// the servers against the containers, has no containers to weigh them
// against.
//
// Where the bills, not the constraints, put the servers first, it says the
// same (no_ops_team_time) if they stay the cheapest with the team's time,
// which the team-time caveat, not said then (teamTimeSaid false), does
// not say: Compute Engine at $1,701
// against Cloud Run at $3,680, for a team with nobody on call, had gone
// with nothing said of who runs it (review 219).
//
// s is the servers' bill with the team's time (teamTimeCaveats).
func (m *Model) forcedTeamTimeCaveat(d decision, s Bill, teamTimeSaid bool) string {
	if d.in.Ops != "none" {
		return ""
	}
	text := m.Caveats.ForcedTeamTime
	if !d.ruledOut[iServerless] || !d.ruledOut[iContainers] {
		if teamTimeSaid {
			return ""
		}
		text = m.Caveats.NoOpsTeamTime
	}
	ops, ok := s.item("ops")
	rate := d.common.opsRate(d.in)
	if !s.Available || !ok || ops.USD <= 0 || rate <= 0 {
		return ""
	}
	return d.cloud.replacer("{hours}", FormatCount(math.Round(ops.USD/rate)), "{usd}", FormatRoughUSD(ops.USD), "{product}", s.Product,
		"{rate}", "$"+trimFloat(rate)).Replace(text)
}

// billsWithTeamTime are the three bills of d's inputs at requests a month
// with the team's time on them, which the caveats that say what the
// servers come to with it read (teamTimeCaveat and forcedTeamTimeCaveat,
// given them by caveats; growthTeamTime), and the cost reason's
// teamTimeSentence and teamTimeCounted.
func (m *Model) billsWithTeamTime(d decision, requests float64) map[OptionKind]*Bill {
	in := d.in.atVolume(requests)
	in.OpsCost = true
	f, c, s := m.Pricing.itemisedBills(d.cloud, in)
	return map[OptionKind]*Bill{Functions: &f, Containers: &c, Servers: &s}
}

// answersWithTeamTime are billsWithTeamTime at the answers' volume,
// priced once for a result's reasons and caveats (decision.withTime).
func (m *Model) answersWithTeamTime(d decision) map[OptionKind]*Bill {
	if d.withTime == nil {
		return m.billsWithTeamTime(d, d.in.Requests)
	}
	if *d.withTime == nil {
		*d.withTime = m.billsWithTeamTime(d, d.in.Requests)
	}
	return *d.withTime
}

// growthTeamTime says, where growth leads the bills to the servers a year
// on, or later (when says which), and they leave the team's time out,
// what the servers and the option the move would leave (from) come to at
// that volume with the time
// counted, where the servers then cost more: a team with nobody on call
// had been pointed at virtual machines a year on, $340 against $450,
// where with its time they come to $2,369 against $988 (review 93). For
// a team whose time the recommendation weighs (teamTimeWeighed), a move
// from the functions to the serverless containers is weighed so too:
// Fargate a year on at $178 against Lambda's $393 had been a move to plan
// beside a reason putting Lambda at $413 and Fargate at $793 with the
// hours (review 234).
func (m *Model) growthTeamTime(d decision, next *Bill, from OptionKind, requests float64, when string) string {
	towardsFleet := next.Kind == Servers || (d.teamTimeWeighed() && next.Kind == Containers)
	if d.in.OpsCost || !towardsFleet || from == next.Kind || from == Servers {
		return ""
	}
	withTime := m.billsWithTeamTime(d, requests)
	cur, to := withTime[from], withTime[next.Kind]
	if !cur.Available || !to.Available || RoughUSD(to.Total) <= RoughUSD(cur.Total) {
		return ""
	}
	return m.withTimeReplacer(d, "{usd}", FormatRoughUSD(to.Total), "{current_usd}", FormatRoughUSD(cur.Total), "{current}", d.named(from, cur.Product),
		"{product}", to.Product, "{when}", when).Replace(
		ifWeighed(d, m.Caveats.GrowthTeamTime, m.Caveats.GrowthTeamTimeWeighed))
}

// growthBetween says, where the growth caveat weighs a move from the
// option recommended to next in month, what the third option, the
// cheapest on the way, comes to a year on, where that too is less than
// the option recommended by more than a close call: Amazon EC2 from
// month 10 had been named alone where AWS Fargate, the cheapest from
// month 6 (the API's cheapest_changes_at_month), costs $192 a year on
// against $304 for Lambda, and a team-time sentence then led the reader
// to stay on Lambda (review 201). With teamTime, both bills are said
// with the team's time too.
func (m *Model) growthBetween(r *Result, d decision, next OptionKind, month int, teamTime bool) string {
	t, from := r.Cost.Timeline, moveFrom(r, d)
	if next == from {
		return ""
	}
	late := t[min(yearAhead, len(t)-1)]
	third := OptionKind("")
	for _, k := range OptionKinds {
		if k != next && k != from {
			third = k
		}
	}
	// The months it leads last before next takes over: AWS Fargate in
	// month 4 alone, then from month 6 to 9, is the cheapest from month 6.
	last := month - 1
	for last >= 0 && t[last].Cheapest != third {
		last--
	}
	usd, currentUSD := late.Total(third), late.Total(from)
	if last < 0 || math.IsNaN(usd) {
		return ""
	}
	first := heldSince(t, last, 0)
	since := "from month " + FormatInt(int64(first)) + " to month " + FormatInt(int64(last))
	switch {
	case first == 0 && last == 0:
		since = "today"
	case first == 0:
		since = "today and until month " + FormatInt(int64(last))
	case first == last:
		since = "in month " + FormatInt(int64(first))
	}
	if m.dearer(usd-late.Alike, currentUSD-late.Alike, m.Cost.kindsGapScale(d.cloud, third, from)) <= 0 {
		return m.growthOnTheWay(r, d, third, from, next, first, last, since)
	}
	digits := quoteDigits([2]float64{usd, currentUSD})
	pairs := []string{"{product}", r.Cost.Bill(third).Product, "{since}", since, "{current}", movedName(r, d),
		"{usd}", formatRoughAt(usd, digits), "{current_usd}", formatRoughAt(currentUSD, digits)}
	text := m.Caveats.GrowthBetween
	if teamTime {
		bills := m.billsWithTeamTime(d, late.Requests)
		if b, c := bills[third], bills[from]; b.Available && c.Available {
			text = m.Caveats.GrowthBetweenTeamTime
			pairs = append(pairs, "{team_usd}", FormatRoughUSD(b.Total), "{current_team_usd}", FormatRoughUSD(c.Total))
		}
	}
	return d.cloud.replacer(pairs...).Replace(text)
}

// growthOnTheWay is growth_on_the_way: where the third option leads in
// the months from first to last, before next takes over in month, but a
// year on costs no less than the option recommended (from), those months
// with the widest of its leads. Flex Consumption, the cheapest from month
// 5 to 7 at 20% growth, had gone unsaid beside a caveat naming the
// virtual machines from month 8, and the API's cheapest change in month
// 5 (review 260). Today's lead is the bills' own, and needs no word.
func (m *Model) growthOnTheWay(r *Result, d decision, third, from, next OptionKind, first, last int, since string) string {
	if first == 0 {
		return ""
	}
	t, at := r.Cost.Timeline, first
	for i := first; i <= last; i++ {
		if t[i].Total(from)-t[i].Total(third) > t[at].Total(from)-t[at].Total(third) {
			at = i
		}
	}
	digits := quoteDigits([2]float64{t[at].Total(third), t[at].Total(from)})
	return d.cloud.replacer("{product}", r.Cost.Bill(third).Product, "{since}", since, "{current}", movedName(r, d),
		"{usd}", formatRoughAt(t[at].Total(third), digits), "{current_usd}", formatRoughAt(t[at].Total(from), digits),
		"{at}", "month "+FormatInt(int64(at)), "{next}", r.Cost.Bill(next).Product).Replace(m.Caveats.GrowthOnTheWay)
}

// growthPassingCaveat says, where growth makes another option the
// cheapest within a year but today's is the cheapest again a year on, for
// how long the other leads and by how much when it takes over, months to
// weigh before any move. The growth
// caveat had named the passing option the cheapest "a year on" beside
// bills of that month that said the opposite ($6,500 for Fargate against
// $5,900 for EC2), in 8 of 82 answers whose cheapest changed within a
// year. passing reports whether the change passes so; where the lead is
// no more than a close call, nothing is said of it (text is empty).
func (m *Model) growthPassingCaveat(r *Result, d decision, now *Bill) (text string, passing bool) {
	t, month := r.Cost.Timeline, r.Cost.CheapestChangesAt
	y := min(yearAhead, len(t)-1)
	yearOn := t[y]
	if month <= 0 || month > yearAhead || now == nil || yearOn.Cheapest != now.Kind {
		return "", false
	}
	// Today's cheapest ahead in the year's month alone, by a close shave
	// beside an option that led the months before, has not taken the lead
	// back (takesOver): Container Apps, 13 cents below the virtual
	// machines in month 12, had been said to stay the cheapest for more
	// than a year where the machines lead from month 10.
	if !yearLeadHolds(t, month, m.changeMonths()) {
		return "", false
	}
	lead := r.Cost.Bill(t[month].Cheapest)
	if lead == nil {
		return "", true // no option can run the work that month
	}
	back := month + 1
	for back < yearOn.Month && t[back].Cheapest != now.Kind {
		back++
	}
	at := t[month]
	usd, nowUSD := at.Total(lead.Kind), at.Total(now.Kind)
	if m.dearer(usd-at.Alike, nowUSD-at.Alike, m.Cost.kindsGapScale(d.cloud, lead.Kind, now.Kind)) == 0 {
		return "", true // a lead within a close call
	}
	digits := quoteDigits([2]float64{usd, nowUSD})
	return d.cloud.replacer("{growth}", r.Answers["growth"]+"%", "{product}", lead.Product, "{current}", now.Product,
		"{month}", FormatInt(int64(month)), "{back}", FormatInt(int64(back)),
		"{usd}", formatRoughAt(usd, digits), "{current_usd}", formatRoughAt(nowUSD, digits)).Replace(m.Caveats.GrowthPassing), true
}

// uncommittedCaveat names the options a commitment the answers ask for
// leaves at on-demand prices, where the cloud's file has no rate for that
// term that could be confirmed: a savings plan may take more off them.
func (m *Model) uncommittedCaveat(r *Result, d decision) string {
	if !d.in.committed() {
		return ""
	}
	var products []string
	for _, b := range r.Cost.Bills() {
		// A bill the answers' constraints rule out is no option to buy
		// a commitment for.
		if _, rate := d.cloud.commitment(b.Kind, d.in); b.Available && b.RuledOut == "" && rate == nil {
			products = append(products, b.Product)
		}
	}
	if len(products) == 0 {
		return ""
	}
	term := map[string]string{"1y": "one-year", "3y": "three-year"}[d.in.Commit]
	return d.cloud.replacer("{term}", term, "{products}", series(products, "and")).Replace(m.Caveats.Uncommitted)
}

// commitmentCaveat says, where the answers buy no commitment and one of
// three years would make the servers cheaper, in the amounts quoted, than
// the option the requests run on with its own commitment, what the
// two would cost (Caveats.Commitment): Lambda at $4,562 had been
// recommended beside EC2 at $6,687 with nothing said of the $3,671
// against $4,003 three years' commitments bring (review 146). The bills
// are priced again only where the servers' discount alone could close
// the gap.
func (m *Model) commitmentCaveat(r *Result, d decision) string {
	own := requestsBill(r)
	if d.in.Commit != "none" || own == nil || own.Kind == Servers || !d.servers.Available || d.ruledOut[iTraditional] || d.excluded[iTraditional] {
		return ""
	}
	// Not for a machine started for each run, which a commitment would
	// pay for all month: a B1ms running 72 hours a month had been said to
	// come to $2.10 with three years' commitment (review 151).
	if d.servers.Sizing != nil && d.servers.Sizing.Billing == BillingRun {
		return ""
	}
	three := d.in
	three.Commit = "3y"
	if off, rate := d.cloud.commitment(Servers, three); rate == nil || d.servers.Total*(1-off) >= own.Total {
		return ""
	}
	f, c, s := m.Pricing.itemisedBills(d.cloud, three)
	mine, other := c, f
	if own.Kind == Functions {
		mine, other = f, c
	}
	// Nor where the third option, which the answers allow, costs less than
	// the committed servers already: three years of VMs at $9.10 had been
	// offered beside Flex Consumption at $14 where Container Apps costs
	// $7.94 (review 182).
	if d.allows(&other) && RoughUSD(other.Total) <= RoughUSD(s.Total) {
		return ""
	}
	// Only where the commitment takes something off: shared-core machines
	// take none, and "would bring Compute Engine to about $24" had been
	// said of one costing $23.76 already (review 162).
	if !s.Available || !mine.Available || RoughUSD(s.Total) >= RoughUSD(mine.Total) || RoughUSD(s.Total) >= RoughUSD(d.servers.Total) {
		return ""
	}
	// Nor where the team's time is weighed and the committed servers cost
	// more with it: three years of EC2 at $130 had been offered beside
	// Lambda at $210 to a team with nobody on call, where with the hours
	// EC2 comes to $2,240 and Lambda to $767 (review 237).
	if d.teamTimeWeighed() {
		three.OpsCost = true
		tf, tc, ts := m.Pricing.itemisedBills(d.cloud, three)
		tmine := tc
		if own.Kind == Functions {
			tmine = tf
		}
		if RoughUSD(ts.Total) >= RoughUSD(tmine.Total) {
			return ""
		}
	}
	// "With its own" only where it takes one: Container Apps, for which
	// no three-year rate could be confirmed, had been said to come to
	// $120 with its own, its bill $116 without (review 248).
	text := m.Caveats.Commitment
	if _, rate := d.cloud.commitment(mine.Kind, three); rate == nil {
		text = m.Caveats.CommitmentNone
	}
	return d.cloud.replacer("{servers_product}", s.Product, "{usd}", FormatRoughUSD(s.Total), "{own_product}", mine.Product,
		"{own_usd}", FormatRoughUSD(mine.Total)).Replace(text)
}

// growthCaveats name the month growth makes another option the cheapest:
// within a year, with the option that is the cheapest a year on; later in
// the timeline, with the volume it takes. Growth that multiplies the
// volume many times over the timeline is said to be what it is.
func (m *Model) growthCaveats(r *Result, d decision) []string {
	var out []string
	t, month := r.Cost.Timeline, r.Cost.CheapestChangesAt
	if len(t) < 2 {
		return nil
	}
	now := r.Cost.Bill(t[0].Cheapest)
	if text, passing := m.growthPassingCaveat(r, d, now); passing {
		if text != "" {
			out = append(out, text)
		}
		out = append(out, m.takeoverAfterPassing(r, d, now, text != "")...)
	} else if month > 0 && now != nil {
		var next *Bill
		stops := month
		if month, next = m.takesOver(r, month); next == nil {
			return nil // no option can run the work that month
		}
		text, current, move := m.growthText(r, d, now, next, stops, month)
		late := t[min(yearAhead, len(t)-1)]
		usd, currentUSD := late.Total(next.Kind), late.Total(moveFrom(r, d))
		digits := quoteDigits([2]float64{usd, currentUSD})
		rep := d.cloud.replacer(append(d.in.Entry.words(), "{current}", current, "{product}", next.Product, "{month}", FormatInt(int64(month)),
			"{growth}", r.Answers["growth"]+"%", "{requests}", FormatCount(t[month].Requests),
			"{stops}", FormatInt(int64(stops)), "{stops_requests}", FormatCount(t[stops].Requests),
			"{usd}", formatRoughAt(usd, digits), "{current_usd}", formatRoughAt(currentUSD, digits))...)
		teamTime := ""
		switch {
		case move:
			teamTime = m.growthTeamTime(d, next, moveFrom(r, d), late.Requests, "a year on")
		case month > yearAhead:
			// A move past the year leaves the team's time out as much:
			// "Amazon EC2 costs the least from month 15" had stood beside
			// a team with nobody on call (review 182).
			teamTime = m.growthTeamTime(d, next, moveFrom(r, d), t[month].Requests, "in month "+FormatInt(int64(month)))
		}
		if teamTime != "" && text == m.Caveats.Growth {
			text = m.Caveats.GrowthWeighTeamTime // no move to plan that the team's time undoes
		}
		if move && 2*late.Alike >= min(usd, currentUSD) {
			net := [2]float64{usd - late.Alike, currentUSD - late.Alike}
			digits := quoteDigits(net)
			text += " " + strings.NewReplacer("{alike}", formatRoughAt(late.Alike, quoteDigits([2]float64{late.Alike, min(usd, currentUSD)})),
				"{usd}", formatRoughAt(net[0], digits), "{current_usd}", formatRoughAt(net[1], digits)).Replace(m.Caveats.GrowthAlike)
		}
		out = append(out, rep.Replace(text))
		if teamTime != "" {
			out = append(out, teamTime)
		}
		if move {
			if between := m.growthBetween(r, d, next.Kind, month, teamTime != ""); between != "" {
				out = append(out, between)
			}
		}
		out = append(out, m.growthThen(r, d, next.Kind, month)...)
	}
	if text := m.growthPremiumCaveat(r, d); text != "" {
		out = append(out, text)
	}
	if text := m.growthCompoundsCaveat(r, d); text != "" {
		out = append(out, text)
	}
	return out
}

// takeoverAfterPassing says, where another option leads for a few months
// within the year and today's cheapest (now) leads again, a takeover
// later in the timeline, with the servers' team time: Azure VMs, the
// cheapest from month 15 to the end, had gone unsaid behind Flex
// Consumption's lead of a few cents from month 3 to 9 (review 209).
// Where that lead was no more than a close call, and so not said
// (passingSaid false), today's cheapest stays the cheapest until then.
func (m *Model) takeoverAfterPassing(r *Result, d decision, now *Bill, passingSaid bool) []string {
	t := r.Cost.Timeline
	then, ok := changeAfter(r, now.Kind, yearAhead)
	if !ok {
		return nil
	}
	next := r.Cost.Bill(t[then].Cheapest)
	later, first, passing := m.Caveats.GrowthLater, r.Cost.CheapestChangesAt, ""
	switch lead := r.Cost.Bill(t[first].Cheapest); {
	case passingSaid:
		later = m.Caveats.GrowthThen
	case lead != nil && lead.Kind != now.Kind:
		// The months another option leads by a close call are said, as
		// the timeline shows them: "Container Apps stays the cheapest
		// for more than a year" had stood beside Flex Consumption
		// cheaper in months 2 and 3 (review 259).
		later, passing = m.Caveats.GrowthLaterTrading, lead.Product
	}
	rep := d.cloud.replacer(append(d.in.Entry.words(), "{product}", next.Product, "{month}", FormatInt(int64(then)),
		"{requests}", FormatCount(t[then].Requests), "{growth}", r.Answers["growth"]+"%", "{current}", now.Product,
		"{first}", FormatInt(int64(first)), "{passing}", passing)...)
	out := []string{rep.Replace(later)}
	if teamTime := m.growthTeamTime(d, next, moveFrom(r, d), t[then].Requests, "in month "+FormatInt(int64(then))); teamTime != "" {
		out = append(out, teamTime)
	}
	return out
}

// growthCompoundsCaveat says how many times growth multiplies the volume
// over the timeline, where that is growth_compounds_factor or more. The
// timeline stops growing at the chart's ceiling: the compounding is said
// up to the last month below it ("100% a month compounds to 100,000 times
// the volume in 35 months" had been the ceiling's).
func (m *Model) growthCompoundsCaveat(r *Result, d decision) string {
	t := r.Cost.Timeline
	last := t[len(t)-1]
	for i := len(t) - 1; i > 0 && t[i].Requests >= maxRequests; i-- {
		last = t[i-1]
	}
	factor := last.Requests / max(t[0].Requests, 1)
	if factor < m.Caveats.GrowthCompoundsFactor {
		return ""
	}
	rep := d.cloud.replacer(append(d.in.Entry.words(), "{growth}", r.Answers["growth"]+"%", "{factor}", FormatCount(factor),
		"{months}", FormatInt(int64(last.Month)), "{requests}", FormatCount(last.Requests))...)
	return rep.Replace(m.Caveats.GrowthCompounds)
}

// growthPremiumCaveat says, where growth leaves today's cheapest option
// the cheapest for a year and the verdict's option is dearer, how the
// difference grows, where it more than doubles and counts for more than a
// close call then: Cloud Run functions at $96 against Compute Engine's $78
// had said only "about $18 a month more", where at 50% a month the
// difference is $5,400 a year on.
func (m *Model) growthPremiumCaveat(r *Result, d decision) string {
	t := r.Cost.Timeline
	own, kind := m.ownBill(r), r.Verdict.OptionKind()
	if len(t) < 2 || own == nil || kind == "" || kind == t[0].Cheapest {
		return ""
	}
	late := t[min(yearAhead, len(t)-1)]
	// Today's cheapest must be the cheapest a year on, whatever leads for
	// a month between: Cloud Run cheaper than Compute Engine in month 2
	// alone had kept a premium growing from $16 to $279 unsaid (review 93).
	if late.Cheapest != t[0].Cheapest {
		return ""
	}
	cheapest := r.Cost.Bill(t[0].Cheapest)
	if cheapest == nil {
		return "" // no option runs the work
	}
	gapNow, gapYear := t[0].Total(kind)-t[0].Total(cheapest.Kind), late.Total(kind)-late.Total(cheapest.Kind)
	if math.IsNaN(gapYear) || gapYear <= 2*gapNow || m.dearer(late.Total(cheapest.Kind)-late.Alike, late.Total(kind)-late.Alike, m.Cost.kindsGapScale(d.cloud, cheapest.Kind, kind)) <= 0 {
		return ""
	}
	return d.cloud.replacer("{growth}", r.Answers["growth"]+"%", "{current}", own.Product, "{product}", cheapest.Product,
		"{gap_now}", FormatRoughUSD(gapNow), "{gap_year}", FormatRoughUSD(gapYear), "{look_ahead}", FormatInt(int64(m.Cost.LookAhead))).Replace(m.Caveats.GrowthPremium)
}

// changeAfter is the month after from since which another option than
// kind has been the cheapest, to the end of the timeline: where the
// growth caveat names the option a year on, the one that takes over from
// it later (Container Apps cheaper from month 2, Azure VMs from month 13,
// had gone unsaid). ok is false where kind, or no option, is the
// cheapest at the end, or the last option took over by from.
func changeAfter(r *Result, kind OptionKind, from int) (int, bool) {
	t := r.Cost.Timeline
	last := r.Cost.Bill(t[len(t)-1].Cheapest)
	if last == nil || last.Kind == kind {
		return 0, false
	}
	m := heldSince(t, len(t)-1, 0)
	return m, m > from
}

// heldSince is the first month, floor or later, from which month end's
// cheapest option is the cheapest every month to end.
func heldSince(t []TimelinePoint, end, floor int) int {
	m := end
	for m > floor && t[m-1].Cheapest == t[end].Cheapest {
		m--
	}
	return m
}

// growthText is the growth caveat that says today's cheapest option, now,
// stops being the cheapest in month stops and next takes over in month,
// with the option it names as the one left ({current}: today's cheapest,
// but where a move is weighed, the one recommended) and whether it weighs
// a move.
func (m *Model) growthText(r *Result, d decision, now, next *Bill, stops, month int) (text, current string, move bool) {
	// Today's cheapest is the verdict's own where the two bills are the
	// same to the cent: Cloud Run functions had been said to stay the
	// cheapest beside Cloud Run services recommended at the same $30.30
	// (review 254).
	cheapest := now.Product
	if own := r.Cost.Bill(r.Verdict.OptionKind()); own != nil && own.Available && math.Abs(own.Total-now.Total) < 0.005 {
		cheapest = own.Product
	}
	switch {
	case month > yearAhead && stops > yearAhead && stops < month:
		// Fargate, cheaper than Lambda from month 16, had been said to
		// become the cheaper in month 19, where it holds the lead it
		// traded with EC2 before (review 191).
		return m.Caveats.GrowthLaterSettles, cheapest, false
	case month > yearAhead:
		return m.Caveats.GrowthLater, cheapest, false
	case next.Kind == r.Verdict.OptionKind():
		return m.Caveats.GrowthChosen, now.Product, false
	case m.overtakes(r, d):
		return m.Caveats.Growth, movedName(r, d), true
	}
	return m.Caveats.GrowthSlight, movedName(r, d), true
}

// growthThen says, after the growth caveat on next taking over in month,
// which option takes over later still and stays the cheapest to the
// timeline's end, if one does, with the team's time where the
// recommendation weighs it.
func (m *Model) growthThen(r *Result, d decision, next OptionKind, month int) []string {
	t := r.Cost.Timeline
	then, ok := changeAfter(r, next, max(month, yearAhead))
	if !ok {
		return nil
	}
	later := r.Cost.Bill(t[then].Cheapest)
	// Already the cheapest in months before it holds: Amazon EC2 had been
	// said to cost the least "from month 22", where it does in months 13
	// to 18 too (review 255).
	text, first := m.Caveats.GrowthThen, then
	for i := max(month, yearAhead) + 1; i < then; i++ {
		if t[i].Cheapest == later.Kind {
			text, first = m.Caveats.GrowthThenTrading, i
			break
		}
	}
	rep := d.cloud.replacer(append(d.in.Entry.words(), "{product}", later.Product, "{month}", FormatInt(int64(then)),
		"{first}", FormatInt(int64(first)), "{requests}", FormatCount(t[then].Requests))...)
	out := []string{rep.Replace(text)}
	// For a team with nobody on call, whose upkeep of the machines the
	// recommendation weighs, the servers taking over later leave the
	// team's time out as much: "from month 16 … Amazon EC2 costs the
	// least" had stood alone (review 221), beside the first move's team
	// time too, which is another option's.
	if d.teamTimeWeighed() {
		if tt := m.growthTeamTime(d, later, moveFrom(r, d), t[then].Requests, "in month "+FormatInt(int64(then))); tt != "" {
			out = append(out, tt)
		}
	}
	return out
}

// takesOver is the option the growth caveat names as taking over from
// today's cheapest, which stops being the cheapest in month, and the month
// it does: the cheapest a year on, from the month it holds to then (the
// one a year on, not the one cheapest for a month on the way, review
// 157); past the year, the one cheapest for the months a change must hold
// from month (Amazon EC2 had been named for month 17 alone, where AWS
// Fargate is the cheapest from month 18 to 21, review 176). Nil where no
// option can run the work that month.
func (m *Model) takesOver(r *Result, month int) (int, *Bill) {
	t := r.Cost.Timeline
	// A change within the year that no option holds until past it is a
	// later one: Amazon EC2, the cheapest in month 12 alone by $0.32, had
	// been named as the cheapest a year on, "about $110 against $110",
	// where AWS Fargate is the cheapest from month 13 (review 185).
	hold := m.changeMonths()
	settled := settledFrom(t, month, hold)
	if month > yearAhead || settled > yearAhead {
		month = settled
	}
	y := min(yearAhead, len(t)-1)
	next := r.Cost.Bill(t[y].Cheapest)
	// A year on is the option that leads there for the months a change
	// must hold, not one ahead in the year's month alone: Container Apps,
	// 13 cents below the virtual machines in month 12 alone, had been said
	// to become the cheapest then, "the choice already stands where the
	// growth leads", where the machines lead from month 9 on.
	if !yearLeadHolds(t, month, hold) && settled <= y {
		start := yearHolder(t, month, y, hold)
		return start, r.Cost.Bill(t[start].Cheapest)
	}
	if next == nil || month > yearAhead {
		next = r.Cost.Bill(t[month].Cheapest)
	}
	if next != nil && month <= yearAhead && t[month].Cheapest != next.Kind {
		month = heldSince(t, min(yearAhead, len(t)-1), month)
	}
	return month, next
}

// changeMonths is how many months running a change of the cheapest
// option must hold for the growth caveats to name it
// (timeline_change_months).
func (m *Model) changeMonths() int { return int(m.Pricing.Common.t.timelineChangeMonths.v()) }

// yearLeadHolds reports whether the cheapest option a year on, from the
// month its lead runs from (from at the earliest), stays the cheapest
// for hold months running: where it leads the year's month alone by a
// close shave, another holds the lead there (yearHolder).
func yearLeadHolds(t []TimelinePoint, from, hold int) bool {
	s := heldSince(t, min(yearAhead, len(t)-1), from)
	return settledFrom(t, s, hold) == s
}

// yearHolder is, where the cheapest option a year on (month y) is the
// cheapest for fewer than hold months, the month from which the option
// that leads there for hold months does: walking back from the year to
// the latest month whose cheapest holds, and back to the start of its run
// (from at the earliest). Container Apps, 13 cents below the virtual
// machines in month 12 alone, after Flex Consumption's lead from month 5
// and the machines' from month 10, had put Flex Consumption's month
// forward as the one the cheapest a year on takes over in.
func yearHolder(t []TimelinePoint, from, y, hold int) int {
	m := y
	for m > from && settledFrom(t, m, hold) != m {
		m--
	}
	return heldSince(t, m, from)
}

// settledFrom is the first month from from whose cheapest option stays
// the cheapest for hold months running (or to the timeline's end), else
// from. A month where it is within a close shave of the cheapest
// (neckAndNeck) keeps its hold: Amazon EC2, 16 cents below AWS Fargate in
// the one month between two of Fargate's, had put Fargate's lead off to
// month 13 and had AWS Lambda "stay the cheapest for more than a year",
// where Fargate is cheaper from month 11 (review 221).
func settledFrom(t []TimelinePoint, from, hold int) int {
	for m := from; m < len(t); m++ {
		end := min(m+hold, len(t))
		if !slices.ContainsFunc(t[m:end], func(p TimelinePoint) bool { return !neckAndNeck(p, t[m].Cheapest) }) {
			return m
		}
	}
	return from
}

// neckAndNeck reports whether the bill of kind is the cheapest at p or
// within a dollar or a hundredth of it.
func neckAndNeck(p TimelinePoint, kind OptionKind) bool {
	least := p.Total(p.Cheapest)
	return p.Cheapest == kind || p.Total(kind) <= least+max(1, least/100)
}

// yearAhead is how many months of growth the growth caveat looks at: it
// names the month today's cheapest option stops being the cheapest, and
// the option that is the cheapest a year on (AWS Fargate, not Amazon EC2,
// which is the cheapest in month 8 alone on the way).
const yearAhead = 12

// overtakes reports whether what the option recommended (or today's
// cheapest) costs beyond the cheapest a year on is more than a close
// call: a difference of a few dollars is no move to plan.
func (m *Model) overtakes(r *Result, d decision) bool {
	t := r.Cost.Timeline
	if len(t) == 0 {
		return false
	}
	late, from := t[min(yearAhead, len(t)-1)], moveFrom(r, d)
	return m.dearer(late.Total(late.Cheapest)-late.Alike, late.Total(from)-late.Alike, m.Cost.kindsGapScale(d.cloud, late.Cheapest, from)) > 0
}

// moveFrom is the option growth would move the work from: the one
// recommended, where it has a bill of its own that runs the work a year
// on (a split's where the functions' bill is the split's), else today's
// cheapest. Fargate had been said to be "the option recommended" beside
// a split of Lambda and Fargate tasks, the cheaper today by a cent
// (review 261).
func moveFrom(r *Result, d decision) OptionKind {
	t := r.Cost.Timeline
	late := t[min(yearAhead, len(t)-1)]
	k := r.Verdict.OptionKind()
	if r.Verdict == Hybrid && d.functionsAreTheSplit() {
		k = Functions
	}
	if k != "" && !math.IsNaN(late.Total(k)) {
		return k
	}
	return t[0].Cheapest
}

// movedName names the option growth would move the work from
// (moveFrom): a split by its platforms.
func movedName(r *Result, d decision) string {
	k := moveFrom(r, d)
	return d.named(k, r.Cost.Bill(k).Product)
}

// named is product, the name of a bill of kind k, or where the functions'
// bill is the split's (functionsAreTheSplit), the split's name, as the
// reasons give it (decide).
func (d *decision) named(k OptionKind, product string) string {
	if k == Functions && d.functionsAreTheSplit() {
		return d.functions.Product
	}
	return product
}

// requestsRunOn is the platform that answers the requests: the verdict's,
// or a split's carrier.
func (r *Result) requestsRunOn() Verdict {
	if r.Verdict == Hybrid && r.Cost.Hybrid != nil && len(r.Cost.Hybrid.Parts) > 0 {
		return r.Cost.Hybrid.Parts[0].RunsOn
	}
	return r.Verdict
}

// Because is what the verdict is said to be "because" of when hard limits
// decided it: the clauses of the limits that ruled out the verdicts that
// would have won over it (see Limit.Decisive), one limit for each such
// verdict, lower-case and without a full stop. It is empty when the
// verdict won on its own.
func (r *Result) Because() string {
	var clauses []string
	said := map[Verdict]bool{}
	for _, l := range r.Limits {
		if slices.ContainsFunc(l.wouldWin, func(v Verdict) bool { return !said[v] }) {
			clauses = append(clauses, LowerFirst(strings.TrimSuffix(l.Clause, ".")))
			for _, v := range l.wouldWin {
				said[v] = true
			}
		}
	}
	if len(clauses) < 2 {
		return strings.Join(clauses, "")
	}
	// Clauses carry commas of their own, so the list is kept with semicolons.
	return strings.Join(clauses[:len(clauses)-1], "; ") + "; and " + clauses[len(clauses)-1]
}

// middleGround says why a verdict won that no strong reason favours: the
// two strongest reasons against it that favour close rivals favour two
// different ones, and it comes second on both, while its own strongest
// reason weighs less than either. Serverless containers for critical latency at a low volume are
// the servers' runner-up on latency and the functions' on the stage.
func (m *Model) middleGround(r *Result) string {
	if r.Verdict == Hybrid || m.MiddleGround == nil {
		return ""
	}
	v := slices.Index(Verdicts, r.Verdict)
	strongestFor := 0.0
	for _, re := range r.Reasons {
		if re.Stance == For && re.Favours == r.Verdict {
			strongestFor = max(strongestFor, re.Weight)
		}
	}
	// Only the cases for close rivals count: a verdict far behind lost on
	// its own, and the middle says nothing about it.
	near := func(rival Verdict) bool {
		return !slices.Contains(r.RuledOut, rival) && r.Scores[r.Verdict]-r.Scores[rival] <= 2*m.CloseCallMargin
	}
	// The reasons that favour a close rival, the strongest first, whether
	// or not they also put the verdict ahead of its runner-up.
	var rivals []*Reason
	for i := range r.Reasons {
		re := &r.Reasons[i]
		if re.Stance != RuledOut && re.Favours != r.Verdict && re.Factor != "cost" && near(re.Favours) {
			rivals = append(rivals, re)
		}
	}
	slices.SortStableFunc(rivals, func(a, b *Reason) int { return cmp.Compare(b.Weight, a.Weight) })
	var first, second *Reason
	for _, re := range rivals {
		if first == nil {
			first = re
		} else if re.Favours != first.Favours {
			second = re
			break
		}
	}
	if first == nil || second == nil || second.Weight <= strongestFor {
		return ""
	}
	a, b := slices.Index(Verdicts, first.Favours), slices.Index(Verdicts, second.Favours)
	if first.weights[v] <= first.weights[b] || second.weights[v] <= second.weights[a] {
		return "" // not second on both
	}
	label := func(v Verdict) string { return m.VerdictInfo(v).Label }
	return strings.NewReplacer("{verdict}", label(r.Verdict), "{verdict_lower}", LowerFirst(label(r.Verdict)),
		"{first}", LowerFirst(first.Label), "{first_verdict}", LowerFirst(label(first.Favours)),
		"{second}", LowerFirst(second.Label), "{second_verdict}", LowerFirst(label(second.Favours))).Replace(m.MiddleGround.Sentence)
}

// MainReason is what the verdict stands on where no limit decided it: why
// a middle ground won, or else the strongest reason for it; "" when there
// is neither. The line under the verdict and the decision record lead
// with it.
func (r *Result) MainReason() string {
	if r.MiddleGround != "" {
		return r.MiddleGround
	}
	// A reason that favours another verdict most, though it put this one
	// ahead of its runner-up, argues for that other one: not the line
	// the verdict stands on. Of those that favour the verdict, the first
	// that moved it ahead of its runner-up leads: "Constant heavy database
	// traffic" had led a verdict tied with its runner-up, which it had
	// given nothing over it. Nor does any lead a tie, whatever answers
	// favoured the verdict: others took it back.
	if r.Tie {
		return ""
	}
	for _, re := range r.Supporting(len(r.Reasons)) {
		if re.Favours == r.Verdict && re.Impact > 0 {
			return re.Sentence
		}
	}
	return "" // a tie, or a lead from answers that favour other verdicts
}

// Supporting returns up to n reasons that favour the verdict, the strongest
// first. Every summary of a result (the page, the card, the link preview,
// the decision record) takes its main reasons from here.
func (r *Result) Supporting(n int) []Reason {
	var out []Reason
	for _, re := range r.Reasons {
		if re.Stance == For && len(out) < n {
			out = append(out, re)
		}
	}
	return out
}

// Against returns the reasons that favour another allowed verdict.
func (r *Result) Against() []Reason { return r.stance(Against) }

// RuledOutReasons returns the reasons that favour a verdict a hard limit
// ruled out.
func (r *Result) RuledOutReasons() []Reason { return r.stance(RuledOut) }

func (r *Result) stance(s Stance) []Reason {
	var out []Reason
	for _, re := range r.Reasons {
		if re.Stance == s {
			out = append(out, re)
		}
	}
	return out
}

// splitParts reports whether the answers describe more than one
// workload (a part of the split besides the one that carries the
// requests; a part that is only ever beside others, such as the services
// of a heavy database, counts only with one that is not) and whether
// every such part runs on functions, so that a split, which needs two
// platforms, carries the requests on a fleet. Where the functions cannot
// run the work at all (its memory or its length), no part runs on them.
// Only the answers, that limit and how many functions run at once count
// (partMatches), not the bills at a volume. onServers reports whether a
// part runs on servers.
func (m *Model) splitParts(a Answers, d *decision) (splits, onFunctions, onServers bool, parts int, keys []string) {
	onFunctions = true
	functions := d.axis.available[iServerless]
	for _, s := range m.workloads {
		if s = s.on(d.axis.functionsAreSplit); (functions || s.RunsOn != Serverless) && m.partMatches(s, a, d) {
			splits = splits || !s.BesideOthers
			onFunctions = onFunctions && s.RunsOn == Serverless
			onServers = onServers || s.RunsOn == Traditional
			parts++
			for key := range s.When {
				keys = append(keys, key)
			}
		}
	}
	return splits, splits && onFunctions, onServers, parts, keys
}

// partMatches reports whether a part of the split matches the answers:
// its conditions hold, and no answer they read counts for nothing where
// the functions run few at once (Option.CountsFromExecutions). A split
// had put "database-heavy services" on Fargate beside Lambda running one
// at a time, under a caveat that the heavy database load did not count
// at that volume (review 123).
func (m *Model) partMatches(s *SplitRule, a Answers, d *decision) bool {
	if !m.Matches(s.When, a) {
		return false
	}
	for key := range s.When {
		if q, ok := m.Question(key); ok {
			if o := q.Option(a[key]); o != nil && d.countsForNothing(o) {
				return false
			}
		}
	}
	return true
}

// workloadParts are the parts of the split that do not carry the
// requests and whose conditions read the answers alone, no derived fact.
func (m *Model) workloadParts() []*SplitRule {
	var out []*SplitRule
	for _, s := range m.Split {
		readsFact := false
		for key := range s.When {
			readsFact = readsFact || derived[key] != nil
		}
		if !s.Carries && !readsFact {
			out = append(out, s)
		}
	}
	return out
}

// split lists the parts of a hybrid that match the answers, and prices it.
// The requests go to the first carrier that matches, unless every other
// part runs on that carrier's platform: a split needs two platforms.
func (m *Model) split(r *Result, d decision, facts Answers) {
	rep := d.cloud.replacer()
	var rules []*SplitRule
	// No part runs on functions that cannot run the work, and parts that
	// answer requests, the carrier's included, never run where a
	// constraint on the whole workload rules their platform out.
	allowed := func(s *SplitRule) bool {
		if s.RunsOn == Serverless && !d.axis.available[iServerless] {
			return false // the functions cannot run the work
		}
		return !(s.Carries || s.ServesRequests) || !d.wholeWorkloadRulesOut(s.RunsOn)
	}
	for _, s := range m.Split {
		if s = s.on(d.axis.functionsAreSplit); !s.Carries && allowed(s) && m.partMatches(s, facts, &d) {
			rules = append(rules, s)
		}
	}
	parts := make([]SplitPart, len(rules))
	for i, s := range rules {
		parts[i] = SplitPart{Part: rep.Replace(s.Part), RunsOn: s.RunsOn, Why: rep.Replace(s.Why), priced: s.Priced, jobs: s.RunsAsJobs, when: s.When}
	}
	if slices.ContainsFunc(parts, func(p SplitPart) bool { return p.RunsOn == Traditional }) {
		joinServers(parts, rules, rep)
	}
	for _, s := range m.Split {
		if s.Carries && allowed(s) && m.Matches(s.When, facts) && !onlyOn(parts, s.RunsOn) {
			if s.RunsOn == Traditional {
				// Requests on servers take the services of their own
				// too, unless nothing would then run anywhere else.
				joined := slices.Clone(parts)
				if joinServers(joined, rules, rep); !onlyOn(joined, Traditional) {
					parts = joined
				}
			}
			if s.RunsOn == Serverless {
				// The requests run on functions already: no share of
				// them goes in front of a fleet there is not.
				parts = slices.DeleteFunc(parts, func(p SplitPart) bool { return p.priced == PricedShare })
			}
			r.Split = append([]SplitPart{{Part: rep.Replace(s.Part), RunsOn: s.RunsOn, Why: rep.Replace(s.Why), when: s.When}}, parts...)
			r.Cost.Hybrid = m.hybridBill(d, r.Cost, r.Split, s.RunsOn)
			return
		}
	}
	r.Split = parts
}

// joinServers moves the parts that would be a service of their own on
// containers to the servers another part of the split runs on, with the
// words for it (SplitRule.joinsServers): a third platform is one more to
// deploy and watch.
func joinServers(parts []SplitPart, rules []*SplitRule, rep sentenceReplacer) {
	for i, s := range rules {
		if s.joinsServers() {
			parts[i].RunsOn, parts[i].Why = Traditional, rep.Replace(s.WhyOnServers)
		}
	}
}

// onlyOn reports whether every part runs on the platform of v, and there
// is at least one: a carrier there would leave the split one platform.
func onlyOn(parts []SplitPart, v Verdict) bool {
	return len(parts) > 0 && !slices.ContainsFunc(parts, func(p SplitPart) bool { return p.RunsOn != v })
}

// hybridBill prices a split: the requests on the carrier's platform, with
// what that bill already carries for the other parts (background jobs);
// a share of the requests on functions when parts
// there take events or bursts and functions can run them (else the
// requests stay with the carrier, and the functions' parts are a service
// of their own); and the smallest always-on service on each other
// platform whose parts need one. Those parts (short jobs, connections,
// new event features) are not the requests the answers describe, so
// their service is sized at the default memory and duration when the
// answers ask for more: a request too large for a platform does not make
// a webhook handler too large for it.
func (m *Model) hybridBill(d decision, cost *Cost, parts []SplitPart, carrier Verdict) *HybridBill {
	share := 0.0
	services := map[Verdict]bool{}
	var included []string
	jobsPart := "" // the part of the jobs, as included lists it
	for _, p := range parts[1:] {
		switch {
		case p.priced == PricedIncluded:
			included = append(included, LowerFirst(p.Part))
			if _, jobs := p.when["jobs"]; jobs {
				jobsPart = LowerFirst(p.Part)
			}
		case p.RunsOn == carrier:
		case p.priced == PricedShare && p.RunsOn == Serverless:
			share = m.Pricing.Common.t.hybridFunctionsShare.v()
		default:
			services[p.RunsOn] = true
		}
	}
	var some Bill
	if share > 0 {
		_, in := d.shareInputs(share)
		if some = m.billOn(d, Serverless, in); !some.Available {
			share, services[Serverless] = 0, true
		}
	}
	h := &HybridBill{}
	main, _ := d.shareInputs(share)
	if carrier == Serverless && main.statefulSessions() {
		main.Realtime = "none" // the sessions' own servers hold the connections
	}
	// Where the carrier runs everything its own bill does, that bill, to
	// the cent, as the page shows it, rather than priced again.
	carried := cost.Bill(carrier.OptionKind())
	if main != d.in {
		b := m.billOn(d, carrier, main)
		carried = &b
	}
	b, jobs := jobsWhereTheyRun(*carried, cost, parts[1:], carrier)
	if jobs.Available {
		// The jobs on a platform of their own are a side of their own:
		// Amazon ECS tasks had been booked to AWS Lambda (reviews 150
		// and 152).
		b.Total -= jobs.Total
		included = slices.DeleteFunc(included, func(p string) bool { return p == jobsPart })
	}
	what := "the " + d.in.Entry.Pieces() // queued events' split had read "the requests" (review 189)
	if len(included) > 0 {
		what += ", with " + series(included, "and") + " in its bill"
	}
	h.add(b, carrier, 1-share, what)
	if jobs.Available {
		h.add(jobs, jobs.Kind.Verdict(), 0, "the background jobs")
	}
	if share > 0 {
		h.add(some, Serverless, share, "events, schedules and bursts")
	}
	for _, v := range []Verdict{Serverless, ServerlessContainers, Traditional} {
		if services[v] && v != carrier {
			idle := d.in
			idle.Requests, idle.EgressGB, idle.Jobs, idle.Rewrite = 0, 0, "none", false
			if !idle.statefulSessions() {
				// Messaging and a few live features' connections are on
				// the carrier's bill; the servers that hold the sessions
				// stay allocated.
				idle.Realtime = "none"
			}
			idle.MemoryMB, idle.DurationMS = min(idle.MemoryMB, m.defaults.MemoryMB), min(idle.DurationMS, m.defaults.DurationMS)
			h.add(m.billOn(d, v, idle), v, 0, "the smallest service for the other parts")
		}
	}
	return h
}

// jobsWhereTheyRun is the carrier's bill with its background jobs' item
// priced where the split runs them, and, where that is another platform
// than the carrier's, a bill of the jobs' item alone on it (Available),
// its Kind the platform's and its Product the one they run on: jobs of a
// few minutes on Flex Consumption beside Azure VMs had been billed as VM
// runs, which made the split's bill the VMs' to the cent.
func jobsWhereTheyRun(b Bill, cost *Cost, parts []SplitPart, carrier Verdict) (Bill, Bill) {
	i := slices.IndexFunc(b.Items, func(it Item) bool { return it.ID == "jobs" })
	if i < 0 {
		return b, Bill{}
	}
	if b.JobsOn != "" {
		// A functions bill that runs the jobs on container jobs prices
		// them there already, with that platform's operations time.
		return b, Bill{Kind: Containers, Product: b.JobsOn, Available: true, Total: b.Items[i].USD}
	}
	for _, p := range parts {
		if _, jobs := p.when["jobs"]; !jobs || p.priced != PricedIncluded || p.RunsOn == carrier {
			continue
		}
		other := cost.Bill(p.RunsOn.OptionKind())
		j := slices.IndexFunc(other.Items, func(it Item) bool { return it.ID == "jobs" })
		if !other.Available || j < 0 {
			continue
		}
		b.Items = slices.Clone(b.Items)
		b.Total += other.Items[j].USD - b.Items[i].USD
		b.Items[i] = other.Items[j]
		return b, Bill{Kind: other.Kind, Product: other.Product, Available: true, Total: other.Items[j].USD}
	}
	return b, Bill{}
}

// shareInputs are the inputs of a split's carrier and of the share of
// the requests it leaves to functions, which send nothing to the internet
// of their own and run no background jobs or connections: the carrier's
// bill keeps those.
func (d decision) shareInputs(share float64) (main, some CostInputs) {
	main, some = d.in, d.in
	main.Requests *= 1 - share
	// The events and bursts split out are handlers of their own, not the
	// application re-architected.
	some.Requests, some.EgressGB, some.Jobs, some.Realtime, some.Rewrite = d.in.Requests*share, 0, "none", "none", false
	return main, some
}

// billOn prices the inputs on the platform of a verdict.
func (m *Model) billOn(d decision, verdict Verdict, in CostInputs) Bill {
	f, c, s := m.Pricing.totals(d.cloud, in)
	switch verdict {
	case Serverless:
		return f
	case ServerlessContainers:
		return c
	}
	return s
}

func (h *HybridBill) add(b Bill, runsOn Verdict, share float64, what string) {
	if !b.Available {
		return
	}
	// In cents, as every bill's items are, so that the parts add up to
	// the total the page shows.
	usd := math.Round(b.Total*100) / 100
	h.Parts = append(h.Parts, HybridPart{RunsOn: runsOn, Product: b.Product, Share: share, USD: usd, What: what})
	h.Total += usd
}

// flips finds, for each question about the workload or the team, the
// nearest other answer that would change the verdict. Every flip is
// verified: the single change it names gives exactly its verdict. Most of
// a recommendation's time is here, so it stops early once ctx is done.
func (m *Model) flips(ctx context.Context, r *Result, d decision) ([]Flip, error) {
	var out []Flip
	changed := maps.Clone(r.Answers)
	for _, q := range m.Questions {
		if !q.flippable() || !m.Applies(q, r.Answers) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var f *Flip
		if q.Kind == Number {
			f = m.numberFlip(q, r, changed, d)
		} else {
			f = m.choiceFlip(q, r, changed)
		}
		changed[q.Key] = r.Answers[q.Key]
		if f != nil && q.Kind != Number {
			m.markCloseCall(f, changed)
		}
		if f != nil {
			out = append(out, *f)
		}
	}
	return out, nil
}

// markCloseCall marks a flip to another answer of a choice whose verdict
// is a close call with that answer: the change tips the balance rather
// than settles it, which the sentence says (a flip 0.05 points past a
// close call had read as a verdict as firm as any, reviews 157 and 159).
// A number's flip is the edge where the verdict changes, close there by
// its nature and clearer past it, so it is not marked.
func (m *Model) markCloseCall(f *Flip, a Answers) {
	old := a[f.Factor]
	a[f.Factor] = f.Answer
	d := m.judged(a, true) // where one verdict is left, no scores: none is close
	a[f.Factor] = old
	best := d.winner()
	if runnerUp := d.runnerUp(best); runnerUp >= 0 && m.closeCall(d, best, runnerUp) {
		f.CloseCall = true
		f.Sentence = strings.TrimSuffix(f.Sentence, ".") + ", by a close call."
	}
}

// verdictWith is the verdict of the answers with one changed.
func (m *Model) verdictWith(a Answers, key, value string) Verdict {
	old := a[key]
	a[key] = value
	v := m.verdictOf(a)
	a[key] = old
	return v
}

func (m *Model) choiceFlip(q *Question, r *Result, a Answers) *Flip {
	current := slices.IndexFunc(q.Options, func(o *Option) bool { return o.Value == r.Answers[q.Key] })
	// Try the neighbours first, moving outwards: the smallest change that
	// flips the verdict is the most useful to know.
	for dist := 1; dist < len(q.Options); dist++ {
		for _, i := range []int{current - dist, current + dist} {
			if i < 0 || i >= len(q.Options) {
				continue
			}
			o := q.Options[i]
			if !m.Matches(o.FlipWhen, a) {
				continue // an answer these answers could not give
			}
			if v := m.verdictWith(a, q.Key, o.Value); v != r.Verdict {
				clause := strings.NewReplacer(r.Cost.Inputs.Entry.words()...).Replace(o.Clause)
				return &Flip{Factor: q.Key, Answer: o.Value, AnswerLabel: o.Label, Verdict: v,
					Sentence: m.VerdictInfo(v).Label + " if " + clause + "."}
			}
		}
	}
	return nil
}

// numberFlip finds the nearest number, up or down, at which the verdict
// changes. For a number that leaves the cost axis unchanged (the volume)
// it doubles or halves until the verdict changes, narrows the step by
// bisection and rounds to two significant figures in the direction of the
// change, re-checked. A number that changes the axis (duration, memory)
// costs a new axis per try, so it tries a few round values instead, and
// of those as few as finding the nearest that changes the verdict needs
// (nearestChange).
func (m *Model) numberFlip(q *Question, r *Result, a Answers, d decision) *Flip {
	v0, _ := strconv.ParseFloat(r.Answers[q.Key], 64)
	lo, hi := float64(*q.Min), float64(*q.Max)
	decided := func(x float64) Verdict { return m.verdictWith(a, q.Key, strconv.FormatInt(int64(x), 10)) }
	if q.Key == volumeKey && !m.volumeInConditions && len(m.countedByExecutions(a)) == 0 {
		// The volume moves the cost factor alone: read its axis.
		decided = func(x float64) Verdict { return m.verdictAtVolume(d, float64(int64(x))) }
	}
	// The searches read a number's verdict more than once (a change found,
	// then the flip named from it): each is decided once.
	seen := map[float64]Verdict{}
	at := func(x float64) Verdict {
		if v, ok := seen[x]; ok {
			return v
		}
		// A number the workload could not have with its other answers
		// (more runs than a timer fires) changes nothing a flip could name.
		v := r.Verdict
		if m.couldGive(a, q.Key, strconv.FormatInt(int64(x), 10)) {
			v = decided(x)
		}
		seen[x] = v
		return v
	}
	probe := maps.Clone(a)
	probe[q.Key] = strconv.FormatInt(int64(nextNumber(v0, true, lo, hi)), 10)
	if keyOf(r.Cost.Cloud, m.CostInputs(a)) != keyOf(r.Cost.Cloud, m.CostInputs(probe)) {
		runs := candidates(q, r.Cost.Cloud, &m.Pricing.Common.t, Entry(r.Answers["entry"]), v0, lo, hi)
		if value, v, ok := nearestChange(v0, runs, r.Verdict, at); ok {
			if value, v = closerChange(q.Unit, runs, v0, value, v, r.Verdict, at); distance(math.Trunc(value), v0) >= minFlipDistance {
				return m.numberFlipTo(q, value, v, r.Cost.Inputs.Entry)
			}
		}
		return nil
	}
	var best *Flip
	bestDist := math.Inf(1)
	for _, up := range []bool{true, false} {
		value, v, ok := m.searchNumber(v0, up, lo, hi, r.Verdict, at)
		if dist := distance(math.Trunc(value), v0); ok && dist >= minFlipDistance && dist < bestDist {
			best, bestDist = m.numberFlipTo(q, value, v, r.Cost.Inputs.Entry), dist
		}
	}
	return best
}

// countedByExecutions are the questions that apply whose answer given
// counts only where the functions run enough at once
// (Option.CountsFromExecutions), which the volume moves as it moves the
// cost factor.
func (m *Model) countedByExecutions(a Answers) []*Question {
	var out []*Question
	for _, q := range m.Questions {
		if o := q.Option(a[q.Key]); o != nil && o.CountsFromExecutions && m.Applies(q, a) {
			out = append(out, q)
		}
	}
	return out
}

// couldGive reports whether the answers with key set to value are still
// answers a workload could give: every other answer's flip_when that
// holds for the answers as given holds for them too. (A reader's own
// answers stand as given: 50,000 runs a month on a schedule still flip
// on their duration.)
func (m *Model) couldGive(a Answers, key, value string) bool {
	for _, q := range m.Questions {
		o := q.Option(a[q.Key])
		if q.Key == key || o == nil || len(o.FlipWhen) == 0 || !m.Matches(o.FlipWhen, a) {
			continue
		}
		old := a[key]
		a[key] = value
		holds := m.Matches(o.FlipWhen, a)
		a[key] = old
		if !holds {
			return false
		}
	}
	return true
}

// minFlipDistance is how far, on distance's log scale, a number must be
// from the answer for a flip to name it: within a tenth, the verdict is a
// close call that a rounding of the answer decides, as the result says,
// and "if you handled 43,000 runs a month" beside 43,200 had read as if
// the reader's own number were the other verdict's (review 189).
var minFlipDistance = math.Log(1.1)

// distance is how far apart two numbers are on a log scale.
func distance(x, y float64) float64 {
	return math.Abs(math.Log(math.Max(x, 1) / math.Max(y, 1)))
}

func (m *Model) numberFlipTo(q *Question, value float64, verdict Verdict, entry Entry) *Flip {
	// The whole number the answer gives, which is what was judged: a
	// candidate of 5.5 ms had read "6 ms" beside the answer 5.
	value = math.Trunc(value)
	answer := strconv.FormatInt(int64(value), 10)
	clause := strings.NewReplacer(append(entry.words(), "{value}", q.formatValue(value))...).Replace(q.Flip)
	return &Flip{Factor: q.Key, Answer: answer, AnswerLabel: q.AnswerLabel(answer), Verdict: verdict,
		Sentence: m.VerdictInfo(verdict).Label + " if " + clause + "."}
}

// searchNumber doubles or halves v0 until the verdict changes, then finds
// the edge and rounds it.
func (m *Model) searchNumber(v0 float64, up bool, lo, hi float64, verdict Verdict, at func(float64) Verdict) (float64, Verdict, bool) {
	prev := v0
	for range 40 {
		next := nextNumber(prev, up, lo, hi)
		if next == prev {
			return 0, "", false
		}
		if at(next) == verdict {
			prev = next
			continue
		}
		edge := bisectNumber(prev, next, func(x float64) bool { return at(x) != verdict })
		value := roundTowards(edge, up)
		if value < lo || value > hi || at(value) == verdict {
			value = edge
		}
		return value, at(value), true
	}
	return 0, "", false
}

// candidates are the numbers worth trying for a question that costs a new
// cost axis per try, within [lo, hi]: just past the cloud's own limit in
// that unit (the largest function, the longest run of the kind of work)
// or at it, and round multiples and fractions of v0. They come in runs,
// each nearest v0 first: above v0 and below it, and on each side of the
// limit, where the verdict may jump back (a limit rules functions out).
func candidates(q *Question, c *Cloud, k *commonTable, entry Entry, v0, lo, hi float64) [][]float64 {
	limit := math.Inf(1)
	switch q.Unit {
	case "MB":
		limit = c.t.functionsMaxMemoryMB.v()
	case "ms":
		// The longest average run that leaves a run the room it needs.
		limit = math.Floor(k.longestRun(c.functionsMaxRun(entry)) * 1000)
	}
	var xs []float64
	switch {
	case limit >= v0 && !math.IsInf(limit, 1):
		xs = append(xs, stated(q.Unit, limit+1, true))
	case limit < v0:
		// A round value within the limit, as the flip will say it: 184 s
		// would read "3.1 minutes", which is past it.
		xs = append(xs, stated(q.Unit, limit, false))
	}
	// Just past the largest serverless container too, where the verdict
	// may change before a round multiple does (past Fargate's 120 GB).
	if q.Unit == "MB" {
		if most := c.t.containersMaxMemoryGB.v() * 1024; most >= v0 {
			xs = append(xs, stated(q.Unit, most+1, true))
		}
	}
	for _, k := range []float64{2, 4, 10, 30, 100, 300, 1000, 3000, 10000} {
		xs = append(xs, stated(q.Unit, v0*k, true), stated(q.Unit, math.Floor(v0/k), false))
	}
	// A run is named by its side of v0 and of the limit.
	runs := map[[2]bool][]float64{}
	for _, x := range xs {
		if x >= lo && x <= hi && x != v0 {
			k := [2]bool{x > v0, x > limit}
			runs[k] = append(runs[k], x)
		}
	}
	var out [][]float64
	for _, k := range [][2]bool{{true, false}, {true, true}, {false, true}, {false, false}} {
		if run := runs[k]; len(run) > 0 {
			slices.SortFunc(run, func(a, b float64) int { return cmp.Compare(distance(a, v0), distance(b, v0)) })
			out = append(out, slices.Compact(run))
		}
	}
	return out
}

// nearestChange returns the candidate nearest v0 that changes the verdict
// (the larger where two are as far). Every try costs a cost axis, so it
// reads as few as it can on the model's promise that, within a run, the
// verdict leaves the reader's once and does not come back (the memory
// sweeps in the tests hold the model to it): the nearest candidate first;
// then, in each run that could hold a nearer change than any found, the
// farthest, and a run whose farthest changes nothing is done; in a run
// whose farthest does, a bisection finds the nearest that does. The runs
// are read nearest first, so that a change found near v0 rules out the
// runs that start beyond it: a flip to 128 MB below 512 MB leaves the
// runs past Lambda's 10 GB untried. Where a sweep does come back within a
// run, the flip found is still verified, but a nearer one may be missed.
func nearestChange(v0 float64, runs [][]float64, verdict Verdict, at func(float64) Verdict) (float64, Verdict, bool) {
	// nearer reports whether x comes before y: nearer v0, or as near and
	// larger.
	nearer := func(x, y float64) bool {
		dx, dy := distance(x, v0), distance(y, v0)
		return dx < dy || (dx == dy && x > y)
	}
	first := -1
	for i, run := range runs {
		if first < 0 || nearer(run[0], runs[first][0]) {
			first = i
		}
	}
	if first < 0 {
		return 0, "", false
	}
	if x := runs[first][0]; at(x) != verdict {
		return x, at(x), true
	}
	rest := slices.Clone(runs)
	rest[first] = rest[first][1:]
	rest = slices.DeleteFunc(rest, func(run []float64) bool { return len(run) == 0 })
	slices.SortStableFunc(rest, func(a, b []float64) int {
		switch {
		case nearer(a[0], b[0]):
			return -1
		case nearer(b[0], a[0]):
			return 1
		}
		return 0
	})
	found, ok := 0.0, false
	for _, run := range rest {
		if ok && !nearer(run[0], found) {
			break // every run after starts no nearer
		}
		if at(run[len(run)-1]) == verdict {
			continue
		}
		// The first that changes the verdict: none before lo does, the
		// one at hi does.
		lo, hi := 0, len(run)-1
		for lo < hi {
			if mid := (lo + hi) / 2; at(run[mid]) != verdict {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		if !ok || nearer(run[hi], found) {
			found, ok = run[hi], true
		}
	}
	if !ok {
		return 0, "", false
	}
	return found, at(found), true
}

// closerChange narrows a change found among the candidates towards the
// value before it in its run, which kept the verdict (the reader's own
// before a run's first): candidates about three times apart, or one just
// past a limit far from the answer, leave a flip further out than the
// change ("15 seconds" where 5.6 changes it, "49 minutes" past Flex
// Consumption's limit for a 30-minute run that 31 minutes changes). Each
// of closerSteps round values between the two, their geometric mean, takes
// the place of the one on its side, for a cost axis each.
func closerChange(unit string, runs [][]float64, v0, value float64, v, verdict Verdict, at func(float64) Verdict) (float64, Verdict) {
	prev := v0
	for _, run := range runs {
		if i := slices.Index(run, value); i > 0 {
			prev = run[i-1]
			break
		}
	}
	for range closerSteps {
		mid := stated(unit, math.Sqrt(prev*value), value > prev)
		if (mid-prev)*(value-mid) <= 0 {
			break // no round value between them
		}
		if w := at(mid); w != verdict {
			value, v = mid, w
		} else {
			prev = mid
		}
	}
	return value, v
}

// closerSteps is how many round values closerChange tries: two leave a
// flip within about the fourth root of the gap it started from.
const closerSteps = 2

// nextNumber doubles or halves x within [lo, hi], stepping past zero.
func nextNumber(x float64, up bool, lo, hi float64) float64 {
	if up {
		return math.Min(hi, math.Max(x*2, x+1))
	}
	if x <= 1 {
		return lo
	}
	return math.Max(lo, math.Floor(x/2))
}

// bisectNumber narrows [from, to] to the whole number nearest from at
// which changed holds, assuming it holds at to and not at from.
func bisectNumber(from, to float64, changed func(float64) bool) float64 {
	for range 24 {
		if math.Abs(to-from) <= 1 {
			break
		}
		mid := math.Round((from + to) / 2)
		if from > 0 && to > 0 {
			mid = math.Round(math.Sqrt(from * to))
		}
		if mid == from || mid == to {
			mid = math.Round((from + to) / 2)
		}
		if changed(mid) {
			to = mid
		} else {
			from = mid
		}
	}
	return to
}

// stated rounds x, up or down, to a value a reader would state: whole
// minutes or seconds for a duration in ms, whole gigabytes (or a quarter
// of one) for memory in MB, two significant figures otherwise. "Over 15
// minutes" is 16 minutes, not 910 seconds; "more than 10 GB" is 11 GB, not
// 11,000 MB.
func stated(unit string, x float64, up bool) float64 {
	step := 0.0
	switch {
	case unit == "ms" && x >= 60000:
		step = 60000
	case unit == "ms" && x >= 1000:
		step = 1000
	case unit == "MB" && x >= 1024:
		step = 1024
	case unit == "MB" && x >= 256:
		step = 256
	case unit == "MB":
		step = 64
	default:
		return RoundSignificant(roundTowards(x, up), 2)
	}
	if up {
		return math.Ceil(x/step) * step
	}
	return math.Max(step, math.Floor(x/step)*step)
}

// roundTowards rounds x to two significant figures, up or down.
func roundTowards(x float64, up bool) float64 {
	if x < 100 {
		return x
	}
	scale := math.Pow(10, math.Floor(math.Log10(x))-1)
	if up {
		return math.Ceil(x/scale) * scale
	}
	return math.Floor(x/scale) * scale
}
