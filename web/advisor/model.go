// Package advisor is the decision engine: pure functions from a decision
// model, the providers' prices and a reader's answers to a recommendation,
// plus the parsing and canonical encoding of answers that permalinks rely
// on. It does no I/O and imports nothing from the rest of the site.
package advisor

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// perVerdict holds one number per verdict, in the order of Verdicts.
type perVerdict [nVerdicts]float64

// Sections are the groups of questions in the form, in the order shown:
// the workload, the team and its constraints, and the cost assumptions.
var Sections = []string{"workload", "team", "costs"}

// Kind is what sort of answer a question takes.
type Kind string

// The kinds of question.
const (
	Choice Kind = "choice" // one of a list of options
	Number Kind = "number" // a whole number within a range
)

// Model is the decision model that editors keep in content/decision.yaml.
// Line fields hold the YAML line of each item, for error messages; the
// loader fills them in.
type Model struct {
	// Temperature spreads the scores into a confidence: the higher it is,
	// the more a score lead is needed before the advisor sounds sure.
	Temperature float64 `yaml:"temperature"`
	// CloseCallMargin is the score lead below which the two leading
	// verdicts are reported as a close call.
	CloseCallMargin float64 `yaml:"close_call_margin"`
	// TieOrder says which verdict wins when scores tie, the first listed
	// first, and TieReason why; without them, the order of the verdicts.
	TieOrder  []Verdict `yaml:"tie_order"`
	TieReason string    `yaml:"tie_reason"`
	// TieReasonCost replaces TieReason where the bills decided the tie
	// (Result.TieOnCost): {dearer_by} is how much dearer the other bill
	// is at least, as the reader sees it.
	TieReasonCost string `yaml:"tie_reason_cost"`
	// TieReasonFree replaces TieReasonCost where both bills came to
	// nothing at the answers' volume and the one that stays free to the
	// larger volume won the tie (Result.TieOnFree).
	TieReasonFree string        `yaml:"tie_reason_free"`
	Verdicts      []VerdictInfo `yaml:"verdicts"`
	Questions     []*Question   `yaml:"questions"`
	Constraints   []*Constraint `yaml:"constraints"`
	// OptionLimits words the hard limits the cost model finds, such as a
	// memory size above what the cloud's functions allow.
	OptionLimits OptionLimits `yaml:"option_limits"`
	Caveats      Caveats      `yaml:"caveats"`
	Guidelines   []*Guideline `yaml:"guidelines"`
	Split        []*SplitRule `yaml:"split"`
	Cost         *CostFactor  `yaml:"cost"`
	// Headroom weighs work that takes most of the functions' longest run;
	// without it, only the limit itself counts.
	Headroom *Headroom `yaml:"headroom"`
	// SessionLimit weighs stateful sessions where the cloud's serverless
	// containers end every connection after a fixed time.
	SessionLimit *SessionLimit `yaml:"session_limit"`
	// MiddleGround says why a verdict won that no strong reason favours;
	// without it, nothing is said.
	MiddleGround *MiddleGround `yaml:"middle_ground"`

	// Pricing feeds the cost model; the loader sets it from content/pricing.
	Pricing *Pricing `yaml:"-"`

	byKey map[string]*Question
	// volumeInConditions is true when a condition that decides (a
	// constraint, a part of the split) or an option's weights read the
	// volume, which the verdict then depends on besides the cost factor.
	volumeInConditions bool
	// workloads are the parts of the split that describe a workload of
	// their own from the answers alone (see splits).
	workloads []*SplitRule
	axes      *memo[axisKey, *axis]         // the cost axes of recent answers
	gridAxes  *memo[gridKey, *axis]         // and those on the memory grid they read
	sampled   *memo[costKey, *sampledBills] // and the bills they sample
	fitted    *memo[costKey, fitting]       // and what they say can run the work
	defaults  CostInputs                    // the bills' inputs of the default answers
	tieRank   [nVerdicts]int                // each verdict's place in TieOrder
}

// CostFactor makes the bills one of the recommendation's factors. Each of
// the three bills is weighed against the cheapest: the cheapest option's
// verdict gains weight_per_doubling for each doubling of the price ratio
// (up to ratio_cap), scaled by how the monthly gap compares with gap_scale,
// up to max_weight. A hybrid gains the mean of the functions' and the
// serverless containers' weights, the platforms its parts usually run on.
type CostFactor struct {
	Label             string  `yaml:"label"`
	LearnMore         string  `yaml:"learn_more"`
	WeightPerDoubling float64 `yaml:"weight_per_doubling"`
	// GapScale is the monthly gap, in dollars, at which a price ratio
	// counts half: a gap a quarter of it counts a tenth, one three times
	// it five sixths.
	GapScale float64 `yaml:"gap_scale"`
	// HandsOffGapScale replaces GapScale between the functions and
	// serverless containers billed by the task, and where serverless
	// containers billed while they serve cost less than the functions
	// (CostFactor.gapScale):
	// neither has machines for the team to run, so the team's time the
	// bills leave out does not stand between them and a smaller gap
	// decides. A scale-up's 41,699 requests had gone to Fargate at $36.45
	// over Lambda at $0.04 (review 167), and a startup's Azure queue
	// worker to Flex Consumption at $117 over Container Apps at $49
	// (review 169).
	HandsOffGapScale float64 `yaml:"hands_off_gap_scale"`
	// RatioCap is the largest ratio that counts: past it, a bill that is a
	// hundred times another weighs no more than one that is sixteen times.
	RatioCap  float64 `yaml:"ratio_cap"`
	MaxWeight float64 `yaml:"max_weight"`
	// LookAhead is how many months of growth the bills are weighed over:
	// with growth, the weight is the mean of today's and that month's.
	LookAhead float64 `yaml:"look_ahead_months"`
	// LookAheadMaxFactor is the most times today's volume the look-ahead
	// weighs: growth past it within the months is a plan, not a
	// forecast, and an MVP answering 100% a month had been sent to Azure
	// VMs at $42 over Flex Consumption at $7.69 on the bills of 4,096
	// times its volume (review 175). The growth caveats still name the
	// month another option becomes the cheapest.
	LookAheadMaxFactor float64 `yaml:"look_ahead_max_factor"`
	// CustomDomainWhen are the answers that give HTTP requests a custom
	// domain with a managed certificate, any one of the conditions: where
	// the platform serves only an address the cloud generates (Cloud Run),
	// its bills carry the balancer that gives it one
	// (CostInputs.CustomDomain).
	CustomDomainWhen []Condition `yaml:"custom_domain_when"`
	// SteadyMachinesWhen are the answers whose servers run only on
	// machines that sustain all their vCPUs, any one of the conditions:
	// burstable and shared-core sizes are left out of their catalogue, as
	// where latency is critical (CostInputs.SteadyMachines).
	SteadyMachinesWhen []Condition `yaml:"steady_machines_when"`
	// Reason may use {cheap} and {dear} (the cheapest product and the next
	// one), {cheap_usd} and {dear_usd} (their monthly bills), {gap}, and
	// {others}, the other options' bills in words.
	Reason string `yaml:"reason"`
	// Alongside leads the reason where the bills weigh the verdict's
	// option as much as a cheaper one, both far below a third: {product},
	// {cheap} and {third}. AlongsideFew replaces it where the gap between
	// the two is below gap_scale: too few dollars to decide, however large
	// a share of either, where Alongside says too small a share: $13
	// against $36 had read as "too small to decide" (review 148).
	Alongside    string `yaml:"alongside"`
	AlongsideFew string `yaml:"alongside_few"`
	// ReasonAlike replaces Reason where other bills cost the same as the
	// cheapest in the amounts quoted: {cheap} then names them all. Where
	// every bill does, ReasonAllAlike, which has no {others}.
	ReasonAlike    string `yaml:"reason_alike"`
	ReasonAllAlike string `yaml:"reason_all_alike"`
	// Premium is added to the cost reason when the verdict's own option is
	// not the cheapest: {product} and {usd} are the verdict's, {premium}
	// the difference and {buys} what the verdict buys.
	Premium string `yaml:"premium"`
	// PremiumRunnerUp follows it where the runner-up's bill is cheaper
	// than the verdict's too and is not the cheapest: {cheap} is the
	// runner-up, {premium} and {buys} as in Premium.
	PremiumRunnerUp string `yaml:"premium_runner_up"`
	// PremiumRuledOut is said instead where the cheaper option is one the
	// answers rule out: what it buys is what the limit takes away, which
	// {ruled_out} (the limit's clause) says; {cheap} and {premium} as in
	// Premium.
	PremiumRuledOut string `yaml:"premium_ruled_out"`
	// Fitted follows a premium the bills still count for, where the fit
	// along the volume leans to the verdict's option from nearby volumes:
	// {product} costs less than {cheap} {where} ("from" or "below")
	// about {volume}.
	Fitted string `yaml:"fitted"`
	// FittedGrowth replaces Fitted where the answers' growth reaches that
	// volume within the months ahead the bills are weighed over, and the
	// option costs less from it: the growth is then why the weights lean
	// so.
	// {month} is when the volume reaches {volume} at {growth} a month,
	// and {look_ahead} the months ahead the bills are weighed over.
	FittedGrowth string `yaml:"fitted_growth"`
	// TeamTime follows a premium where the cost factor weighs the team's
	// operations time the bills leave out (Option.WeighsTeamTime) and,
	// with it, the verdict's option costs less than the cheaper one:
	// {product} and {usd}, {cheap} and {cheap_usd} the two bills with the
	// time, {hours} how many more hours a month {cheap} takes, at {rate}.
	TeamTime string `yaml:"team_time"`
	// TeamTimeWhy is {why} in TeamTime, TeamTimeAll and TeamTimeDearer:
	// why the recommendation counts the hours the bills leave out, at
	// {rate} an hour (withTimeReplacer).
	TeamTimeWhy string `yaml:"team_time_why"`
	// TeamTimeCounted follows the cost reason for the verdict where the
	// cost factor weighs the team's operations time and it widens the
	// verdict's lead: {product} and {usd}, the verdict's bill with the
	// time, and {others}, the other bills the answers allow with it, at
	// {rate} an hour.
	TeamTimeCounted string `yaml:"team_time_counted"`
	// TeamTimeResized follows TeamTime or TeamTimeCounted where a fleet
	// they quote is sized otherwise with the time than on its bill:
	// {product}, its {count} of {size} on the bill, and {with_fleet} ("4
	// machines") of {with_size} with the time.
	TeamTimeResized string `yaml:"team_time_resized"`
	// TeamTimeThird follows TeamTime where a third option the answers
	// allow costs less still with the time: {third} at {third_usd}.
	TeamTimeThird string `yaml:"team_time_third"`
	// TeamTimeThirdDearer follows TeamTime where a third option the
	// answers allow bills less than the verdict's but costs more with the
	// time: {third} at {third_usd}.
	TeamTimeThirdDearer string `yaml:"team_time_third_dearer"`
	// TeamTimeDearer follows the reason where the verdict's option costs
	// more than the cheapest allowed with the time as without, and a third
	// that bills less than the verdict's costs more with it: {third} at
	// {third_usd}, {product} at {usd}, at {rate} an hour.
	TeamTimeDearer string `yaml:"team_time_dearer"`
	// TeamTimeDearerCheap follows TeamTimeDearer where the cheapest bill
	// ({cheap}) costs less than the verdict's with the time too: at
	// {cheap_usd}. Fargate at $269 with the hours had gone unsaid beside
	// EC2 at $870 and Lambda, the verdict, at $289 (review 260).
	TeamTimeDearerCheap string `yaml:"team_time_dearer_cheap"`
	// TeamTimeAll follows the reason where the weights favour an option
	// other than the cheapest bill for the team's time: {product} at
	// {usd}, the cheapest with it, then {others}, at {rate} an hour.
	TeamTimeAll string `yaml:"team_time_all"`
	// TeamTimeAhead follows the reason where growth makes the verdict's
	// option, dearer than the runner-up's with the team's time today,
	// the cheaper with it at the volume the look-ahead reaches: {product}
	// at {usd} then, {other} at {other_usd}, at {growth} a month over
	// {look_ahead} months.
	TeamTimeAhead string `yaml:"team_time_ahead"`
	// Shared follows the cost reason when what every bill pays alike (logs
	// and data transfer) is SharedShare percent or more of
	// the cheapest: {shared} is that amount, {shared_items} what it pays
	// for, and {cheap_rest} and {others_rest} the bills without it, which
	// are what the weight reads.
	Shared string `yaml:"shared"`
	// SharedUnequal replaces Shared where the bills pay those amounts
	// alike but for a little ({shared} is then the least to the most).
	SharedUnequal string `yaml:"shared_unequal"`
	// SharedTiered replaces Shared where the functions' own logs cost
	// less on volume tiers of their own: {shared} is what every bill pays
	// at least, the functions' amount.
	SharedTiered string  `yaml:"shared_tiered"`
	SharedShare  float64 `yaml:"shared_share"`
	// Ops follows the cost reason when the bills count the team's
	// operations time: {ops_each} is that time on each bill, and
	// {cloud_each} what each comes to without it.
	Ops string `yaml:"ops"`
	// Rewrite follows the cost reason where the functions' bill carries
	// the move of an existing application onto them as an item of its
	// own: {product} is the functions' product, {usd} the month's share,
	// {hours} and {months} the hours of re-architecting and the months
	// they are spread over.
	Rewrite string `yaml:"rewrite"`
	// Split names a hybrid's split as the premium's {product}: {platforms}
	// are the products its parts run on.
	Split string `yaml:"split"`
	// NotModelled says what the bills leave out.
	NotModelled string `yaml:"not_modelled"`
	Line        int    `yaml:"-"`
}

// Headroom weighs work each piece of which takes more than a share of
// the longest run the cloud's functions allow for its kind (an HTTP
// answer, or an event or a scheduled run), up to the limit itself, past
// which the functions cannot run it at all. Such work fits today, but
// the slowest pieces come closer still, and one that grows past the limit
// is stopped and retried from the start: the platforms without that limit
// gain the weights. Weights that give every verdict but functions the
// same keep the verdict from moving back where the limit takes over.
type Headroom struct {
	// Share is the percentage of the functions' longest run above which
	// the weights count.
	Share float64 `yaml:"share"`
	// When limits the rule to the answers that match it (the kinds of
	// work whose other platforms have no such limit).
	When    Condition `yaml:"when"`
	Weights Weights   `yaml:"weights"`
	Favours Verdict   `yaml:"favours"`
	// Reason may use {one_piece} ("a run"), {duration} (the answer's) and
	// {max_run} (the functions' longest run for the kind of work).
	Reason    string `yaml:"reason"`
	LearnMore string `yaml:"learn_more"`
	Line      int    `yaml:"-"`

	weights perVerdict // Weights in the order of Verdicts, set by Validate
}

// SessionLimit weighs answers that keep sessions' state in the process
// holding their connections, on a cloud whose serverless containers end
// every connection after a fixed time (its containers_connection_max_seconds,
// Cloud Run's request timeout): each session then reconnects, perhaps to
// another instance, so its state must live outside the process, which is
// what keeping it in memory was for. Servers hold a connection for as long
// as the process runs. The weights join those of the answer to Factor's
// question, and the reason follows that answer's.
type SessionLimit struct {
	When   Condition `yaml:"when"`
	Factor string    `yaml:"factor"`
	// Weights add to those of the answer to Factor's question.
	Weights Weights `yaml:"weights"`
	// Reason follows the answer's own and may use {max_connection}.
	Reason string `yaml:"reason"`
	Line   int    `yaml:"-"`

	weights perVerdict // Weights in the order of Verdicts, set by Validate
}

// MiddleGround is said when a verdict wins though no strong reason
// favours it: it comes second on the two strongest cases, which favour
// two others. Sentence may use {first} and {second} (their questions),
// {first_verdict} and {second_verdict} (what they favour), {verdict} and
// {verdict_lower} (the verdict).
type MiddleGround struct {
	Sentence string `yaml:"sentence"`
	Line     int    `yaml:"-"`
}

// VerdictInfo is how the site presents one verdict.
type VerdictInfo struct {
	ID        Verdict `yaml:"id"`
	Label     string  `yaml:"label"`
	Summary   string  `yaml:"summary"`
	LearnMore string  `yaml:"learn_more"`
	// Buys is what the verdict gives for its price, to complete "that
	// buys …" when its bill is not the cheapest.
	Buys string `yaml:"buys"`
	// BuysOver is what it gives over one cheaper platform in particular,
	// where that differs from Buys: functions over serverless containers,
	// which also scale to nothing, buy something else than over servers.
	BuysOver map[Verdict]string `yaml:"buys_over"`
	// BuysOverRuns is what it gives over a cheaper platform whose bill
	// starts a machine or a task for each run of work that runs to
	// completion, where that differs: such a bill keeps no fleet to size
	// for the busiest hour or to pay for while the work is idle.
	BuysOverRuns map[Verdict]string `yaml:"buys_over_runs"`
	// BuysRuns, where set, is what it gives where its own bill starts a
	// task or a machine for each run, which keeps nothing between runs:
	// Buys less what only a service's processes give.
	BuysRuns string `yaml:"buys_runs"`
	// BuysByInstance replaces Buys over servers where the verdict's own
	// bill runs on instances billed for their whole life, a fleet sized
	// for the busiest hour (functions billed by the instance, as Cloud Run
	// functions are at a steady load): what managed instances buy, in the
	// verdict's own words.
	BuysByInstance string `yaml:"buys_by_instance"`
	// BuysOverOwnFunctions is what the serverless containers give over
	// the cloud's functions where those are deployed as these containers
	// (Cloud.FunctionsOnContainers: Cloud Run functions are Cloud Run
	// services), the same platform at the same prices.
	BuysOverOwnFunctions string `yaml:"buys_over_own_functions"`
	// BuysWarm replaces Buys over servers where the verdict's own bill
	// keeps capacity warm all month for critical latency: it then pays for
	// the busiest hour while the work is idle too. Flex Consumption with
	// 37 always-ready instances had read as buying "no fleet to size for
	// the busiest hour or to pay for while the work is idle" (review 111).
	BuysWarm string `yaml:"buys_warm"`
	// Unasked replaces Buys and BuysOver where the answers match its
	// condition: where they do not ask for what the verdict's price buys
	// (control of the machines for a reader who wants none), the words
	// say so rather than sell it.
	Unasked *UnaskedBuys `yaml:"unasked"`
	// Downsides are what choosing the verdict costs whatever the answers:
	// the bad consequences a decision record lists.
	Downsides []string `yaml:"downsides"`
	Line      int      `yaml:"-"`
}

// Question is one thing the advisor asks.
type Question struct {
	Key       string `yaml:"key"`
	Label     string `yaml:"label"`
	Help      string `yaml:"help"`
	Kind      Kind   `yaml:"kind"`
	Unit      string `yaml:"unit"`
	Min       *int64 `yaml:"min"`
	Max       *int64 `yaml:"max"`
	Default   string `yaml:"default"`
	LearnMore string `yaml:"learn_more"`
	Home      bool   `yaml:"home"` // also asked by the quick advisor on the home page
	// Section groups the question in the form: workload, team or costs
	// (cost assumptions, which describe the bill rather than the system);
	// workload when left out.
	Section string `yaml:"section"`
	// NoFlips leaves the question out of "what would change the answer":
	// a given such as the cloud the team is on.
	NoFlips bool `yaml:"no_flips"`
	// BilledWhenNotAsked is the answer the bills take where the question
	// does not apply, where that is not its default: a timer's runs come
	// evenly spread, whatever shape the form suggests for requests.
	BilledWhenNotAsked string `yaml:"billed_when_not_asked"`
	// Flip completes "Traditional if …" for a number question, with
	// {value} for the number, {pieces} for what the work's pieces are
	// called (requests, events or runs) and {one_piece} for one of them
	// ("a run"): "you handled {value} {pieces} a month".
	Flip string `yaml:"flip"`
	// Applies limits the question to the answers that match it: for
	// others its answer weighs nothing, gives no reason, is offered as no
	// flip, and the bills read the question's default instead (counted).
	// Cold starts matter to requests someone waits on, not to events or
	// scheduled runs.
	Applies Condition `yaml:"applies"`
	// NotCounted is said where the question does not apply and the answer
	// given is not its default, so that an answer nothing reads is not
	// taken to have been weighed ({answer} is its label, {pieces} what
	// the work's pieces are called): a number question's (growth for a
	// timer's runs). A choice question's options say it of themselves
	// (Option.NotCounted).
	NotCounted string `yaml:"not_counted"`
	// SplitOwnWeights says that the split of functions and container jobs
	// that long jobs make counts the hybrid's own weights for this
	// question's answer, not the functions' it counts for the others: two
	// platforms ask more of the team than functions alone, so a team with
	// nobody on call does not get the functions' reason for the split.
	SplitOwnWeights bool      `yaml:"split_own_weights"`
	Options         []*Option `yaml:"options"`
	Line            int       `yaml:"-"`

	defaultAnswer string // Default as an answer, set by Compile
}

// Option is one answer to a choice question.
type Option struct {
	Value   string  `yaml:"value"`
	Label   string  `yaml:"label"`
	Hint    string  `yaml:"hint"`
	Weights Weights `yaml:"weights"`
	// Favours is the verdict the option's weights push towards most, and
	// the one its reason argues for.
	Favours Verdict `yaml:"favours"`
	Reason  string  `yaml:"reason"`
	// EventsReason, where set, is the reason for work from queues and
	// streams (entry=events): functions reach a database from a queue as
	// many at once as their event source lets them, not as many as clients
	// send, which a reason about requests would say.
	EventsReason string `yaml:"events_reason"`
	// CommittedReason, where set, is the reason where the answers take a
	// commitment, which the bills then already price: steady load's "a
	// commitment is a safe one to make" had stood beside bills with three
	// years' discounts on them (review 173).
	CommittedReason string `yaml:"committed_reason"`
	// KeptRunningReason, where set, replaces the reason where the bills
	// of the platforms it names keep instances up by the hour (Cloud Run
	// functions billed as the services they are, by the instance, which
	// their steady load makes the cheaper): the reason then says nothing
	// of paying only for the work.
	KeptRunningReason string `yaml:"kept_running_reason"`
	// RunsReason, where set, replaces the reason where the work runs to
	// completion and the serverless containers' bill starts a task or job
	// for each piece of it: consumers that scale with a backlog are not
	// what that bill prices. 8-minute Pub/Sub events had read "native work
	// for functions and Cloud Run services" above a bill of Cloud Run jobs.
	RunsReason string `yaml:"runs_reason"`
	// SessionsReason, where set, replaces the reason where the cloud's
	// serverless containers end every connection (the model's
	// session_limit holds): the answer's application keeps its stateful
	// sessions in its own processes (an existing one), which must move
	// out before it runs there. Its reason had argued for Cloud Run at
	// $142 over Compute Engine at $60 (review 134).
	SessionsReason string `yaml:"sessions_reason"`
	// OneWorkloadReason, where set, replaces the reason where the answers
	// describe one workload, which no split serves: a scale-up's reason
	// had argued for a split beside "there is nothing to split" (review
	// 167).
	OneWorkloadReason string `yaml:"one_workload_reason"`
	// NotCounted is said where the option is the answer given and its
	// question does not apply (Question.NotCounted): critical latency for
	// queued events had given the bills and reasons of relaxed latency,
	// with nothing said (review 109).
	NotCounted string `yaml:"not_counted"`
	// Clause describes the option itself, to complete "Serverless if …":
	// "persistent connections were core to the product".
	Clause string `yaml:"clause"`
	// FlipWhen, where set, limits the flips that offer this answer to
	// answers that match it: a timer's runs are offered only at volumes
	// a timer starts.
	FlipWhen Condition `yaml:"flip_when"`
	// ContainersAsFunctions says that what the answer credits functions
	// with, serverless containers billed only while they serve (Cloud Run
	// services, Container Apps) give as well: they scale within seconds and
	// bill by the request. On such a cloud they count it as functions do.
	ContainersAsFunctions bool `yaml:"containers_as_functions"`
	// TasksAsServers says that serverless containers whose tasks run all
	// the time (Fargate services, billed by the instance) give nothing of
	// what the answer credits beyond what servers give: a queue consumer
	// on them scales with the backlog through the same alarms and scaling
	// policy a group of machines uses, and is billed by the hour whether
	// it works or not. Work of a minute or more a piece, which such a
	// cloud runs as a task started for each piece, keeps the answer's
	// weights. Queued events had counted half a point for 121 Fargate
	// tasks at $3,323 over EC2 at $2,779 (review 211).
	TasksAsServers bool `yaml:"tasks_as_servers"`
	// ContainersAsSplit says that what the answer credits a split with,
	// its uneven part on a platform billed by the request, such
	// containers give the whole workload alone: on such a cloud they
	// count it as a split does.
	ContainersAsSplit bool `yaml:"containers_as_split"`
	// RunsAlike says that what the answer credits functions with, a task
	// or job started for each run gives as well, for work that runs to
	// completion (a timer's runs, queued work of a minute or more): no
	// fleet between runs, and nothing to patch or scale. For such work the
	// functions and the containers count it alike, at the higher of their
	// weights. A team with nobody on call had been sent to Cloud Run
	// functions for 20-minute runs against their 30-minute limit, at $26
	// beside Cloud Run jobs at $21; and a scale-up's busy services, which
	// its answer credits the containers with, had sent a nightly
	// 4-minute run to Fargate at $1.78 over Lambda's free tier (review 257).
	RunsAlike bool `yaml:"runs_alike"`
	// HandedOffAsFunctions says that what the answer credits or faults
	// an option with turns on who holds its clients' connections (its own
	// processes for a few live features, a managed service beside the
	// functions for fan-out messaging): where the serverless containers'
	// bill hands them to the managed connection service, as the
	// functions' does, the containers count it as the functions do. Cloud
	// Run services beside Firebase had counted messaging's credit for the
	// functions at half, at the same $9.57 with the same Firebase item
	// (review 202).
	HandedOffAsFunctions bool `yaml:"handed_off_as_functions"`
	// FunctionsAsContainers says that what the answer credits serverless
	// containers with over functions, an instance that serves many
	// requests at once and keeps what they share (a database's connection
	// pool), the functions give as well on a cloud that deploys them as
	// its serverless containers (Cloud.FunctionsOnContainers) where those
	// can run the work: there the functions count it as the containers
	// do, and SharedReason, where given, replaces the reason. A heavy
	// database load had put Cloud Run services ahead of Cloud Run
	// functions at the same $70.74, billed as the same instances, for
	// connections "in every instance" (review 134).
	FunctionsAsContainers bool   `yaml:"functions_as_containers"`
	SharedReason          string `yaml:"shared_reason"`
	// KeptWarmAlike says that what the answer credits serverless
	// containers with over functions, an instance kept up so that no
	// request waits for one to start, the functions give as well where
	// their bill keeps instances up as the containers' does
	// (decision.functionsKeptWarm): there the functions count it as the
	// containers do, and KeptWarmReason replaces the reason. Container
	// Apps had earned the sensitive answer's half point for two replicas
	// kept up beside Flex Consumption keeping none (review 238); with
	// Flex Consumption's always-ready instances priced, both keep them.
	KeptWarmAlike  bool   `yaml:"kept_warm_alike"`
	KeptWarmReason string `yaml:"kept_warm_reason"`
	// PricedWhenWarm says that the answer weighs nothing where latency is
	// critical: every bill then keeps the capacity the answer's risk is
	// about warm all day (a fleet its bursts' machines, the functions and
	// serverless containers as much warm), so the bills price it. Spiky
	// traffic had counted 2 points for Container Apps, the dearest bill,
	// beside VMs kept at their busiest hour's size all day (review 113).
	PricedWhenWarm bool `yaml:"priced_when_warm"`
	// CountsFromExecutions says that the answer is about the connections
	// the functions open to a database, and counts only where they run as
	// many at once at the busiest hour as db_pooler_from_executions says
	// a pooler pays for: fewer hold fewer connections than a database
	// takes. A heavy database load had counted 2 points for Fargate at
	// $36.79 over Lambda at $0.10 for an internal tool at 0.04 requests a
	// second (review 115). FewExecutions says why it does not count.
	CountsFromExecutions bool   `yaml:"counts_from_executions"`
	FewExecutions        string `yaml:"few_executions"`
	// WeighsWithTeamTime says that the answer to the operations question
	// counts even where the bills count the team's time, which leaves the
	// question's other answers out: nobody on call is a capability the
	// hours do not buy. EC2 at $13,055 with the time counted had been
	// chosen over Fargate at $12,701 for an enterprise with nobody to run
	// operations (review 93).
	WeighsWithTeamTime bool `yaml:"weighs_with_team_time"`
	// WeighsTeamTime says that the cost factor weighs the fleets' upkeep
	// (the servers' and the serverless containers'), their operations
	// time beyond the least any option takes, even where
	// the bills leave the team's time out: a team with nobody for
	// operations buys it in or takes it from the product. Azure VMs at
	// $869 had been chosen over Container Apps at $1,283 for an
	// enterprise with nobody on call, where with the hours they come to
	// $3,000 against $1,800 (review 221). The bills shown stay the
	// providers' charges; the cost reason says what the hours add.
	WeighsTeamTime bool `yaml:"weighs_team_time"`
	// GrowthNotToServers says that the growth's look-ahead moves the
	// verdict no nearer the servers than today's bills do: a team with
	// nobody on call moves to machines when it has someone to run them,
	// not a year before the volume makes them cheaper. Three B1s
	// machines at $46.71 had been chosen over Flex Consumption at $34.31
	// for an MVP with nobody on call, on the bills at 100 times its
	// volume (review 209). The growth caveats still name the month the
	// servers become the cheapest.
	GrowthNotToServers bool `yaml:"growth_not_to_servers"`
	// SplitBesideFunctions says that what the answer credits a split with
	// is its part on functions beside others there or beside requests on
	// functions: where a fleet would carry the requests with that part
	// alone beside it, the fleet runs the part as one more worker, and the
	// split counts the answer as the lesser of the two fleets does.
	SplitBesideFunctions bool `yaml:"split_beside_functions"`
	// SplitAsFleet says that the answer is about running a fleet (nobody
	// on call): where a fleet carries the split's requests, with every
	// other part on functions, the team runs that fleet all the same, and
	// the split counts the answer as the lesser of the two fleets does.
	SplitAsFleet bool `yaml:"split_as_fleet"`
	Line         int  `yaml:"-"`

	weights perVerdict // Weights in the order of Verdicts, set by Validate
}

// Weights are how much an answer pushes towards each verdict, with the
// line they are written on, for messages.
type Weights struct {
	Values map[string]float64 `yaml:",inline"`
	Line   int                `yaml:"-"`
}

// Of is the weight for verdict v. Values keeps plain string keys: YAML
// inlines only a map keyed by string.
func (w Weights) Of(v Verdict) float64 { return w.Values[string(v)] }

// Constraint is a hard limit: when its condition holds, it rules verdicts out
// whatever the scores say.
type Constraint struct {
	ID       string    `yaml:"id"`
	When     Condition `yaml:"when"`
	RulesOut []Verdict `yaml:"rules_out"`
	Message  string    `yaml:"message"`
	// Clause says what rules the verdict out, after "but": "jobs over 15
	// minutes rule out serverless".
	Clause    string `yaml:"clause"`
	LearnMore string `yaml:"learn_more"`
	// WholeWorkload says that the constraint holds for every part of the
	// workload, the requests included: no split carries them on a
	// platform it rules out, though parts the answers describe apart
	// (short jobs, say) still may run there.
	WholeWorkload bool `yaml:"whole_workload"`
	// ResolvedBySplit says that a split runs what the constraint is about
	// apart (the long jobs on container jobs): the functions' bill that
	// does so is the split's, and what counts for the functions counts
	// for it.
	ResolvedBySplit bool `yaml:"resolved_by_split"`
	Line            int  `yaml:"-"`
}

// OptionLimits words the limits the cost model finds. The sentences may
// use {why} (the limit, in words) and the products' names.
type OptionLimits struct {
	Functions  LimitText `yaml:"functions"`
	Containers LimitText `yaml:"containers"`
	Servers    LimitText `yaml:"servers"`
	// Split is said when the answers describe one workload: there is
	// nothing to split.
	Split LimitText `yaml:"split"`
	// SplitJobs is said when the split's one part beside the fleet that
	// carries the requests is the background jobs, and they cost more on
	// functions than that fleet charges to run them as one more worker:
	// the split gains nothing. VMs with 100,000 ten-minute runs a month on
	// Flex Consumption beside them had been recommended at $827, where the
	// VMs alone ran the same jobs for $237 (review 114).
	SplitJobs LimitText `yaml:"split_jobs"`
}

// LimitText is how one kind of limit reads, and which verdicts it rules out.
type LimitText struct {
	RulesOut  []Verdict `yaml:"rules_out"`
	Message   string    `yaml:"message"`
	Clause    string    `yaml:"clause"`
	LearnMore string    `yaml:"learn_more"`
	// Guide names what the learn_more section explains, for its link:
	// a limit's clause quotes the cloud's figures, which read badly
	// after "why".
	Guide string `yaml:"guide"`
	Line  int    `yaml:"-"`
}

// Caveats word the soft limits: facts that do not change the verdict but
// that a team must act on.
type Caveats struct {
	// Concurrency is said when the busiest moment needs more executions
	// than the functions' default quota; it may use {peak} and {quota}.
	Concurrency string `yaml:"concurrency"`
	// ConcurrencyInstances is said instead where the functions run on
	// instances that each take several executions (Flex Consumption) and
	// the busiest moment needs more instances than one app scales to:
	// {instances} instances of {instance} taking {per_instance} executions
	// each, against {max_instances}; it may use {peak} too.
	ConcurrencyInstances string `yaml:"concurrency_instances"`
	// ConcurrencyWarm is said instead where those functions keep more
	// instances warm for critical latency than one app scales to: {kept},
	// {instance} and {max_instances}.
	ConcurrencyWarm string `yaml:"concurrency_warm"`
	// Growth is said when growth makes another option the cheapest within
	// a year: {product} becomes the cheapest in month {month}. GrowthSlight
	// says it instead where, by month 12, the new cheapest saves no more
	// than a close call: the month, but no move to plan.
	// Both say {usd} and {current_usd}, the two bills a year on.
	Growth       string `yaml:"growth"`
	GrowthSlight string `yaml:"growth_slight"`
	// GrowthAlike follows a move growth makes (growth, growth_slight,
	// growth_weigh_team_time) where most of the two bills a year on is
	// what every option pays alike ({alike}, logs and data transfer): the
	// two without it, {usd} for {product} and {current_usd}. "$21,900 a
	// month against $22,000" had read as nothing to move for, where the
	// bills that differ are $1,100 against $1,200 (review 142).
	GrowthAlike string `yaml:"growth_alike"`
	// GrowthWeighTeamTime is said instead of growth where the team's time,
	// which the bills leave out, makes the move cost more than it saves
	// (GrowthTeamTime follows it): the same words, but a move to weigh
	// rather than plan. "Plan the move" had stood beside a caveat that the
	// servers cost more with the team's time (review 111).
	GrowthWeighTeamTime string `yaml:"growth_weigh_team_time"`
	// GrowthPremium is said where growth leaves the cheapest option as it
	// is but the verdict's option falls further behind it: {current} and
	// {product}, {gap_now} and {gap_year}, and {look_ahead}.
	GrowthPremium string `yaml:"growth_premium"`
	// GrowthChosen is said instead of either when the option that is the
	// cheapest a year on is the verdict's own: no move to plan, the
	// verdict is already where growth leads.
	GrowthChosen string `yaml:"growth_chosen"`
	// GrowthLater is said instead when the cheapest option changes after
	// a year but within the timeline: {product} becomes the cheapest in
	// month {month}, at {requests} {pieces} a month.
	GrowthLater string `yaml:"growth_later"`
	// GrowthLaterTrading replaces GrowthLater where {passing} leads in
	// some months within the year from month {first}, each time by no
	// more than a close call.
	GrowthLaterTrading string `yaml:"growth_later_trading"`
	// GrowthLaterSettles replaces GrowthLater where today's cheapest stops
	// being the cheapest after a year in month {stops}, at {stops_requests},
	// before the option it names holds the lead from month {month}.
	GrowthLaterSettles string `yaml:"growth_later_settles"`
	// GrowthPassing is said instead where the cheapest option changes
	// within a year and today's is the cheapest again a year on:
	// {product} leads from month {month} to month {back}, at {usd} a
	// month against {current_usd} for {current}, today's cheapest.
	GrowthPassing string `yaml:"growth_passing"`
	// GrowthTeamTime follows growth, growth_slight or growth_later where
	// they lead to the servers and the bills leave the team's time out,
	// and the servers then cost more with it: {product} at {usd} against
	// {current_usd} for {current}, {when} (a year on, or in the month
	// growth_later names), at {rate} an hour.
	GrowthTeamTime string `yaml:"growth_team_time"`
	// GrowthTeamTimeWeighed replaces GrowthTeamTime where the verdict
	// already weighs the team's time (Option.WeighsTeamTime), today and
	// ahead: the same placeholders.
	GrowthTeamTimeWeighed string `yaml:"growth_team_time_weighed"`
	// GrowthBetween follows the growth caveat where the third option,
	// the cheapest on the way ({since}), costs less than the one
	// recommended a year on too; GrowthBetweenTeamTime where
	// GrowthTeamTime follows, with both bills with the team's time.
	GrowthBetween         string `yaml:"growth_between"`
	GrowthBetweenTeamTime string `yaml:"growth_between_team_time"`
	// GrowthOnTheWay replaces it where the third option costs no less a
	// year on: {usd} and {current_usd} in {at}, its widest lead, and
	// {next}, the option taking over.
	GrowthOnTheWay string `yaml:"growth_on_the_way"`
	// GrowthThen follows the growth caveat where another option takes
	// over later in the timeline from the one it names: {product},
	// {month} and {requests}.
	GrowthThen string `yaml:"growth_then"`
	// GrowthThenTrading replaces GrowthThen where that option is the
	// cheapest in some months before the month it holds from ({first}).
	GrowthThenTrading string `yaml:"growth_then_trading"`
	// GrowthCompounds is said when growth multiplies the volume
	// GrowthCompoundsFactor times or more over the timeline: {growth} a
	// month multiplies it {factor} times in {months} months, to
	// {requests} {pieces} a month.
	GrowthCompounds       string  `yaml:"growth_compounds"`
	GrowthCompoundsFactor float64 `yaml:"growth_compounds_factor"`
	// Uncommitted is said when the answers ask for a commitment and an
	// option's bill has no rate for that {term} in its cloud's file:
	// {products} are billed at on-demand prices.
	Uncommitted string `yaml:"uncommitted"`
	// Commitment is said where the answers buy no commitment and one of
	// three years would make the servers cheaper, in the amounts quoted,
	// than the option the requests run on with its own:
	// {servers_product} and {usd}, {own_product} and {own_usd}, both bills
	// with the commitment.
	Commitment string `yaml:"commitment"`
	// CommitmentNone replaces Commitment where the option the requests
	// run on takes no commitment the bills could confirm.
	CommitmentNone string `yaml:"commitment_none"`
	// TeamTime is said where the bills leave the team's time out, the
	// servers are the verdict's platform, and with it they cost more than
	// the cheaper of the functions and the serverless containers the
	// answers allow: {servers_product} and {usd} name the servers' bill
	// with it, {other_product} and {other_usd} the other's, {others} its
	// kind ("the functions"), {rate} the hourly rate it is counted at.
	TeamTime string `yaml:"team_time"`
	// TeamTimeWeighed replaces TeamTime where the verdict already weighs
	// the team's time (Option.WeighsTeamTime), so that other answers, not
	// the bills, put the servers first: the same placeholders.
	TeamTimeWeighed string `yaml:"team_time_weighed"`
	// ForcedTeamTime is said where the answers' constraints leave the
	// servers alone, nobody on the team runs operations, and the bills
	// leave the team's time out: {hours} and {usd} are the servers'
	// upkeep a month and what it comes to at {rate} an hour.
	ForcedTeamTime string `yaml:"forced_team_time"`
	// NoOpsTeamTime replaces ForcedTeamTime where the bills, not the
	// constraints, put the servers first and they stay the cheapest with
	// the team's time: the same placeholders.
	NoOpsTeamTime string `yaml:"no_ops_team_time"`
	// Connections is said when functions answer the requests (the
	// verdict's, or a split's carrier) for answers with a few live
	// features: functions hold no open connection, so their bill pays the
	// cloud's managed service to hold them.
	Connections string `yaml:"connections"`
	// ServedConnections is said when the serverless containers chosen
	// for a few live features are billed only while serving, so that
	// their bill, like the functions', pays the managed service to hold
	// the connections.
	ServedConnections string `yaml:"served_connections"`
	// Sessions is said when serverless containers hold the clients' open
	// connections on a cloud whose platform ends each one after a time
	// ({max_connection}): clients reconnect, maybe to another instance.
	Sessions string `yaml:"sessions"`
	// Reconnect is said when the cloud's managed messaging service holds
	// the clients' connections (fan-out messaging, or a few live features
	// beside functions) and closes each after a time ({max_connection}).
	Reconnect string `yaml:"reconnect"`
	// ReconnectIdle is Reconnect's {idle} where the service also ends a
	// connection that carries nothing for a while
	// (messaging_idle_max_seconds): {idle_max}.
	ReconnectIdle string `yaml:"reconnect_idle"`
	// BalancerIdle is said where clients hold connections open to a fleet
	// behind the cloud's load balancer, which by default closes one that
	// carries nothing for {default} (up to {idle_max} where raised);
	// BalancerLifetime instead where that timeout ends a connection
	// however busy (BalancerTimeoutEndsConnections).
	BalancerIdle     string `yaml:"balancer_idle"`
	BalancerLifetime string `yaml:"balancer_lifetime"`
	// IngressIdle is said instead where the requests' containers hold the
	// clients' connections behind their own front door, which closes one
	// that carries nothing for {default} (ContainersTimeoutIsIdle), up to
	// {idle_max} where the cloud sells a way to raise it.
	IngressIdle string `yaml:"ingress_idle"`
	// SilentRequests is said when an HTTP request takes longer than the
	// cloud's load balancer keeps a connection open while nothing is sent
	// ({idle_max}, at its highest setting): {duration} and
	// {load_balancer} name the request and the balancer.
	SilentRequests string `yaml:"silent_requests"`
	// LongRequests is said, instead, when an HTTP request takes longer
	// than LongRequestSeconds but no longer than the load balancer allows:
	// {duration} names the request.
	LongRequests       string  `yaml:"long_requests"`
	LongRequestSeconds float64 `yaml:"long_request_seconds"`
	// NATZones is said where the bill the requests run on keeps a NAT
	// gateway in each of its zones and they come to NATZonesShare percent
	// or more of it: {usd} of {total} for {product}, {gateways} of them,
	// and {one}, the bill's NAT with one gateway for all the zones;
	// NATZonesFunctions where that bill is the functions'.
	NATZones          string  `yaml:"nat_zones"`
	NATZonesFunctions string  `yaml:"nat_zones_functions"`
	NATZonesShare     float64 `yaml:"nat_zones_share"`
	// NATShared is said instead where that bill keeps a single NAT
	// gateway, up all month however little the work runs (a nightly
	// job's), which an organisation's shared way out replaces: {usd} of
	// {total} for {product}.
	NATShared string `yaml:"nat_shared"`
	// SharedMemory is said when a fleet, or functions whose instances run
	// several pieces at once, carry work whose pieces need SharedMemoryMB
	// or more each: {sized} names those sizes, which count that memory
	// once a process ({memory}) and a working set ({working_set}) for
	// each further piece in flight, which holds only where pieces share
	// it.
	SharedMemory   string  `yaml:"shared_memory"`
	SharedMemoryMB float64 `yaml:"shared_memory_mb"`
	// OwnMemory is said instead where the pieces compute most of their
	// time, which the sizes count as each holding its memory ({memory}),
	// and a fleet's instance holds two or more: a CPU inference service
	// that loads its model once a process had been priced with a copy for
	// each request in flight, and nothing said (review 102).
	OwnMemory string `yaml:"own_memory"`
	// DefaultEgress is said when the data sent out is the question's
	// default and comes to less than DefaultEgressBytes an HTTP request:
	// {egress} is the month's data and {each} a request's share of it.
	DefaultEgress      string  `yaml:"default_egress"`
	DefaultEgressBytes float64 `yaml:"default_egress_bytes"`
	// DefaultEgressShare is said instead, for any kind of work, when the
	// data sent out is the question's default and its item is
	// Cost.SharedShare percent or more of the bill the requests run on:
	// {egress} is the month's data, {usd} its item, {product} and {total}
	// the bill.
	DefaultEgressShare string `yaml:"default_egress_share"`
	// SideBySide is said when functions billed per invocation carry the
	// work and their bill awaits each batch of queued events side by side:
	// {batch} is the events a batch, {usd} the functions' bill and
	// {one_by_one} what it comes to with the events one after another.
	SideBySide string `yaml:"side_by_side"`
	// BatchWindow is said where functions carry queued events in
	// batches that arrive more slowly than one batch a second, so that
	// the trigger must wait to gather them: {batch} the events a batch,
	// {rate} how often they arrive, {wait} the batching window that
	// gathers a batch, {window} the longest the trigger allows, and
	// {one_each} the functions' bill with one event to an invocation.
	BatchWindow string `yaml:"batch_window"`
	// StreamBatches is said where the functions' bill counts its
	// executions as the cloud's queue triggers hand queued events over
	// ({queue_batches}), and a stream's trigger in full batches
	// ({stream_batches}) would take a good part of it off: {usd} the
	// executions' item, {total} the functions' bill, and {batched}
	// what the executions would come to in full batches ("about $3.90",
	// or "nothing beyond the free grant").
	StreamBatches string `yaml:"stream_batches"`
	// ColdStartsTasks is said when functions that take one request to an
	// instance and keep the fewest warm answer HTTP requests whose
	// latency is sensitive beside serverless containers that are tasks
	// running all the time (Fargate).
	ColdStartsTasks string `yaml:"cold_starts_tasks"`
	// ColdStartsProvisioned replaces ColdStartsTasks where the functions
	// keep more than the fewest warm, as many as cost less provisioned
	// than on demand: kept for their price, not for a quiet spell.
	ColdStartsProvisioned string `yaml:"cold_starts_provisioned"`
	// ArmX86Only is said where the answers ask for Arm and the option
	// the requests run on has no Arm price on the cloud, so runs x86
	// code only (Cloud Run, Container Apps, Flex Consumption): {product}.
	ArmX86Only string `yaml:"arm_x86_only"`
	// LegacyPlan is said where the cloud's older functions plan would run
	// the work's executions for LegacyPlanUSD or more less than the
	// bill's plan, and a quarter less or more: {usd} on it against {flex_usd} on
	// the bill's, and {total} the functions' bill would come to.
	LegacyPlan    string  `yaml:"legacy_plan"`
	LegacyPlanUSD float64 `yaml:"legacy_plan_usd"`
	// TeamTimeLead is said where the verdict rests on the team's hours
	// (Result.WithoutTeamTime): {other} is the verdict that comes first
	// without them.
	TeamTimeLead string `yaml:"team_time_lead"`
	// TeamTimeNarrow replaces it where the verdict still comes first
	// without them, by {points}, less than a clear lead, over {other}
	// (Result.RunnerUpWithoutTeamTime).
	TeamTimeNarrow string `yaml:"team_time_narrow"`
	// TeamTimeLeadAhead follows the two bills in TeamTimeLead's {other}
	// where growth weighs the bills ahead too: {usd} and {own_usd} there,
	// {when} and {growth}.
	TeamTimeLeadAhead string `yaml:"team_time_lead_ahead"`
	// OneConsumer is said where work a queue or a timer hands out runs on
	// one instance of a fleet kept running ({product}): redundancy is kept
	// for the parts clients reach alone.
	OneConsumer string `yaml:"one_consumer"`
	// DatabaseVPC is said where functions carry the work on a cloud whose
	// functions join the database's private network to reach it
	// (Cloud.FunctionsDatabaseInVPC) and no bill has put them in one:
	// {gateways}, how many NAT gateways, and {usd}, what they would cost.
	DatabaseVPC string `yaml:"database_vpc"`
	// DatabaseVPCOne follows DatabaseVPC where it prices a gateway in each
	// zone: {one}, what one gateway for every zone would come to.
	DatabaseVPCOne string `yaml:"database_vpc_one"`
	// DatabaseVPCDearer follows DatabaseVPC where the NAT would make the
	// functions' bill ({total}) dearer than another option's ({other} at
	// {other_usd}).
	DatabaseVPCDearer string `yaml:"database_vpc_dearer"`
	// SessionMemory is said when stateful sessions run on a fleet that
	// keeps them in its processes: {sessions} connected at the busiest
	// hour, {seconds} of connection for each request, {memory} each and
	// {total} in all.
	SessionMemory string `yaml:"session_memory"`
	// SessionScaleIn is said when stateful sessions run on a fleet whose
	// bill shrinks it at the quiet hours: a machine taken out ends its
	// sessions unless drained first ({product}, {most}, {average},
	// {units}), and what its units would cost kept at the busiest size
	// ({kept_usd}, beside {shown_usd}). Session fleets had been billed as
	// scaling in hour by hour with nothing said of it (review 101), then
	// with no figure for keeping them (review 146).
	SessionScaleIn string `yaml:"session_scale_in"`
	// ContainersScale is said where the serverless containers carry the
	// requests and their busiest hour needs more vCPUs than the cloud's
	// environment runs by default ({product}, {replicas}, {size},
	// {cores}, {quota}, {quota_max}); ContainersScaleReplicas follows it
	// where it also needs more replicas than one app scales to
	// ({max_replicas}). Container Apps at 1,523 replicas had been priced
	// with neither said, where Flex Consumption's instance limit was
	// (review 110).
	// BalancerTargets is said where the fleet the requests run on puts
	// more machines or tasks behind its load balancer at the busiest hour
	// than the balancer takes by default (balancer_targets_max): {product},
	// {instances}, {units}, {size}, {targets} and {load_balancer}.
	BalancerTargets string `yaml:"balancer_targets"`
	// DefaultTimeout is said where the functions the verdict's work
	// runs on stop an execution after a default time
	// (functions_default_run_seconds) that the work's runs come near
	// (limit_run_share of it) though the limit allows them: {functions},
	// {default} and {duration}.
	DefaultTimeout string `yaml:"default_timeout"`
	// SchedulerDeadline is said where scheduled runs on the functions
	// are called over HTTP by a scheduler that stops waiting for each
	// after a default time (functions_schedule_default_seconds) the runs
	// come near: {default}, {max} (functions_schedule_max_seconds) and
	// {duration}.
	SchedulerDeadline string `yaml:"scheduler_deadline"`
	// JobsTimeout is said where the bill the requests run on runs its
	// work, or its background jobs, on the cloud's jobs product, which
	// stops a task after a default time (jobs_default_run_seconds) the
	// runs come near: {jobs}, {default}, {duration} and {setting}, the
	// setting that raises it (products.jobs_timeout). Cloud Run jobs'
	// ten minutes had gone unsaid beside 40-minute runs, where Flex
	// Consumption's default was said (review 145).
	JobsTimeout string `yaml:"jobs_timeout"`
	// PushDeadline is said where the serverless containers the verdict's
	// work runs on take queued events from a push subscription and the
	// events come near the time it waits for an answer by default:
	// {containers}, {ack_default}, {push_max} and {duration}.
	PushDeadline string `yaml:"push_deadline"`
	// JobsPerEvent is said where the verdict's work runs as a job for
	// each queued event on a cloud whose queue cannot start one itself:
	// {jobs} and {jobs_per_event} (Products.JobsPerEvent).
	JobsPerEvent string `yaml:"jobs_per_event"`
	// RequestTimeout follows it where the events also come near the time
	// within which the service must answer a request by default:
	// {default}.
	RequestTimeout string `yaml:"request_timeout"`
	// JobsAsEvents is said where the answers name background jobs as long
	// as the queued events themselves take, which the bills read as those
	// events (CostInputs.backgroundJobs) and price no runs beside: {jobs_answer}
	// is the jobs answer, {duration} an event's time and {events} the
	// month's events. 30,000 short jobs beside 2 million events had left
	// every bill with nothing said (review 156).
	JobsAsEvents            string `yaml:"jobs_as_events"`
	ContainersScale         string `yaml:"containers_scale"`
	ContainersScaleReplicas string `yaml:"containers_scale_replicas"`
	// ContainersDefaultReplicas is said where the serverless containers
	// the work runs on need more replicas at the busiest hour than a
	// revision scales to unless its scale settings raise it
	// (containers_default_max_replicas): {product}, {replicas}, {size},
	// {default} and {max_replicas}. Container Apps at 99 replicas had
	// been priced with nothing said of the 10 it stops at by default
	// (review 200).
	ContainersDefaultReplicas string `yaml:"containers_default_replicas"`
	// JobsTimeoutRequired is said in JobsTimeout's place on a cloud whose
	// jobs product has no default timeout but one every job must set
	// (products.jobs_timeout, {setting}): {jobs} and {duration}.
	// 40-minute Container Apps jobs had been priced with nothing said
	// where Cloud Run jobs' runs said their default (review 203).
	JobsTimeoutRequired string `yaml:"jobs_timeout_required"`
	// ContainersScaleDefault follows ContainersScale in its place where
	// the replicas are within what one app scales to but more than its
	// default ({default}, {max_replicas}).
	ContainersScaleDefault string `yaml:"containers_scale_default"`
	// ContainersQuota is said where the serverless containers carry the
	// requests on a cloud whose services scale as far as the region's
	// quotas allow (containers_region_vcpus, containers_region_memory_gb)
	// and their busiest hour takes containers_quota_share of the baseline:
	// {product}, {instances}, {size}, {cores}, {gb}, {quota} and
	// {quota_gb}. Cloud Run at 121 instances of 4 vCPUs had said
	// nothing of how far it may scale (reviews 147 and 149).
	ContainersQuota string `yaml:"containers_quota"`
	// ContainersQuotaShare is the share of the region's baseline quota
	// the busiest hour takes from which ContainersQuota is said.
	ContainersQuotaShare float64 `yaml:"containers_quota_share"`
	// OneWorker is said where the servers the verdict stands on run queued
	// events on one machine, as a queue allows, where the answers ask for
	// redundancy ({product}, {pieces}, and {usd}, what a second machine
	// adds a month): two reviews had found a consumer for an enterprise's
	// events on one machine in one zone, with nothing said.
	OneWorker string `yaml:"one_worker"`
	// SessionScaleInAverage is the share of the fleet's size at the
	// busiest hour that its average is at most for SessionScaleIn to be
	// said.
	SessionScaleInAverage float64 `yaml:"session_scale_in_average"`
	// LargeResponses is said when the bills serve the responses from
	// object storage (files_from_storage_mb, or past what the cloud's
	// functions return): {size} is a response's share of the data sent
	// out, {usd} what the object storage's reads cost, {limit}
	// LargeResponsesLimit where the functions could not return them, or
	// nothing, and {time} LargeResponsesTime or nothing.
	LargeResponses string `yaml:"large_responses"`
	// LargeResponsesDefault leads it where the data sent out is the
	// form's default, which no answer gave: {egress}.
	LargeResponsesDefault string `yaml:"large_responses_default"`
	// LargeResponsesLimit is LargeResponses' {limit}: {max_payload} is the
	// largest response the cloud's functions return, {binary}
	// LargeBinaryResponses or nothing.
	LargeResponsesLimit string `yaml:"large_responses_limit"`
	// LargeResponsesTime is LargeResponses' {time} where a request takes a
	// second or more: {duration}, which the bills keep though the file no
	// longer goes through the request.
	LargeResponsesTime string `yaml:"large_responses_time"`
	// LargeBinaryResponses is LargeResponsesLimit's {binary} where the cloud's
	// functions take a binary body encoded (functions_binary_payload_share):
	// {max_binary} is the largest file that fits.
	LargeBinaryResponses string `yaml:"large_binary_responses"`
	// CDN is said when the data an HTTP API sends out, as the reader
	// answered it, is most of the bill its requests run on
	// (cost.shared_share) and the cloud names a CDN: {usd} of {total} for
	// {product}.
	CDN string `yaml:"cdn"`
	// CDNFromUSD is the least data out a month, in dollars, of which the
	// cdn caveat speaks: below it a CDN saves cents beside what its own
	// front costs.
	CDNFromUSD float64 `yaml:"cdn_from_usd"`
	// CustomDomain is said where the requests run on a platform whose own
	// address is all its bill includes and the cloud names what a custom
	// domain goes through (products.custom_domain): {product}, {front}
	// and {usd}, that front's hours a month.
	CustomDomain string `yaml:"custom_domain"`
	// CustomDomainBeside is said instead where the verdict's bill carries
	// its own load balancer and a cheaper one has only that address:
	// {product}, {chosen} (the verdict's), {front}, {usd} and {total}, the
	// cheaper bill with the front.
	CustomDomainBeside string `yaml:"custom_domain_beside"`
	// FunctionEndpoint is said when functions answer the HTTP requests
	// through their own endpoint ({endpoint}) because the gateway's
	// timeout ({gateway_timeout}, of {gateway}) would cut the slower
	// ones off: requests of {duration} on average.
	FunctionEndpoint string `yaml:"function_endpoint"`
	// ConnectionService is said when the managed connection service is
	// ConnectionServiceShare percent or more of the recommended option's
	// bill (or, failing that, of a dearer option's the limits allow), and
	// ConnectionServiceUSD a month or more: {share} and {usd}
	// say how much, {minutes} and {deliveries} the assumptions it follows
	// from.
	// ConnectionLimit is said where the clients connected at once at the
	// busiest hour are more than one instance of the managed connection
	// service holds (messaging_max_connections): {connections}, {max} and
	// {count}, how many the clients must be spread over.
	ConnectionLimit string `yaml:"connection_limit"`
	// Spot is said where work a queue or a timer hands out runs on a
	// platform the cloud also sells as spare capacity: {spot} names it.
	Spot string `yaml:"spot"`
	// SpotServers is said instead where the verdict's own platform is
	// sold as no spare capacity but the cloud's servers are: {spot}.
	SpotServers string `yaml:"spot_servers"`
	// SpotQueued and SpotScheduled are the work Spot and SpotServers
	// speak of ({work}), as a queue or a timer hands it out.
	SpotQueued    string `yaml:"spot_queued"`
	SpotScheduled string `yaml:"spot_scheduled"`
	// FreeTierSpent is said where an enterprise leaves the free tier in
	// and it takes a share of the bill the requests run on: {product},
	// {usd} and {total}.
	FreeTierSpent string `yaml:"free_tier_spent"`
	// DefaultLogs is said when the bytes logged a request are the form's
	// default and the logs are most of the bill the requests run on:
	// {logs}, {usd}, {total}, {product} and {bytes}.
	DefaultLogs string `yaml:"default_logs"`
	// AnsweredLogs replaces DefaultLogs where the reader gave the bytes
	// logged: $103.50 of Log Analytics, three quarters of Flex
	// Consumption's $138.69, had gone unsaid at 5,000 bytes a request
	// (review 175).
	AnsweredLogs string `yaml:"answered_logs"`
	// TieredLogs replaces both where the bill is the functions', whose own
	// logs cost less on volume tiers of their own: {usd} what they come
	// to there, {flat} what the other options pay for them.
	TieredLogs string `yaml:"tiered_logs"`
	// TieredLogsBeside replaces DefaultLogs and AnsweredLogs where the
	// bill is a fleet's and the functions' own logs cost less on their
	// tiers: {tiered} what they pay for the same logs.
	TieredLogsBeside string `yaml:"tiered_logs_beside"`
	// LogsCheaperClass follows the logs caveats where the cloud has a log
	// class that ingests for less: {class}, {price} and {saving}.
	LogsCheaperClass       string  `yaml:"logs_cheaper_class"`
	ConnectionService      string  `yaml:"connection_service"`
	ConnectionServiceShare float64 `yaml:"connection_service_share"`
	ConnectionServiceUSD   float64 `yaml:"connection_service_usd"`
	Line                   int     `yaml:"-"`
}

// Guideline is a decision guideline from the content, shown when it matches.
type Guideline struct {
	Text      string    `yaml:"text"`
	When      Condition `yaml:"when"`
	Favours   Verdict   `yaml:"favours"`
	LearnMore string    `yaml:"learn_more"`
	Line      int       `yaml:"-"`
}

// SplitRule is one part of a system in a hybrid split: where it should run
// and when it applies. The first matching part that carries the requests
// decides where the request workload's bill goes.
type SplitRule struct {
	Part    string    `yaml:"part"`
	RunsOn  Verdict   `yaml:"runs_on"`
	Why     string    `yaml:"why"`
	When    Condition `yaml:"when"`
	Carries bool      `yaml:"carries"`
	// Priced says how the split's bill counts a part that does not carry
	// the requests: "included" when every option's bill already has an
	// item for it (background jobs), "share" for a
	// share of the requests on functions (events, bursts), and when left
	// out the smallest always-on service on its platform.
	Priced string `yaml:"priced"`
	// WhyOnServers is the why of a part that joins servers (joinsServers)
	// when another part runs on them.
	WhyOnServers string `yaml:"why_on_servers"`
	// BesideOthers marks a part that answers alone describe as the whole
	// workload, not a piece of it: full control or a heavy database,
	// asked for with nothing else, is one workload that needs it, so the
	// part makes a split only beside another part.
	BesideOthers bool `yaml:"beside_others"`
	// ServesRequests marks a part beside the carrier that answers some of
	// the clients' requests itself (bursts on functions): like a carrier,
	// it never runs on a platform that a constraint on the whole workload
	// rules out.
	ServesRequests bool `yaml:"serves_requests"`
	// RunsAsJobs marks a part on containers that runs as the cloud's
	// container jobs (Cloud Run jobs, Container Apps jobs, ECS tasks),
	// which is the product the verdict names for it.
	RunsAsJobs bool `yaml:"runs_as_jobs"`
	// WhyAsJobs, on a part of background jobs that runs on functions, is
	// its why where the cloud's functions cannot run those jobs within
	// their limit (its bills run them on its container jobs): the part
	// then runs as those jobs.
	WhyAsJobs string `yaml:"why_as_jobs"`
	Line      int    `yaml:"-"`
}

// on is the rule as it applies where the background jobs leave the
// functions (jobsOff): a part with WhyAsJobs runs as the cloud's container
// jobs. Ten-minute jobs had run "within the 9 minutes Cloud Run functions
// allows" in a split whose bills ran them on Cloud Run jobs.
func (s *SplitRule) on(jobsOff bool) *SplitRule {
	if s.WhyAsJobs == "" || !jobsOff {
		return s
	}
	as := *s
	as.RunsOn, as.RunsAsJobs, as.Why = ServerlessContainers, true, s.WhyAsJobs
	return &as
}

// joinsServers reports whether the part moves to servers when another
// part of the split needs them: a service of its own on containers that
// does not carry the requests. Servers run whatever such a service does,
// and a third platform is one more to deploy and watch. Parts every bill
// prices already (background jobs as container tasks) stay where the
// bills run them.
func (s *SplitRule) joinsServers() bool {
	return !s.Carries && s.RunsOn == ServerlessContainers && s.Priced == ""
}

// Condition matches answers. For a choice question it lists the values
// that match; for a number question, a range written as ">=900000" or "<1000".
// Every listed question must match. An empty condition always matches.
// Besides the questions, a condition may name "cheaper": serverless when
// the functions bill is the lower, traditional otherwise; and "fleet":
// containers when the serverless containers bill is lower than the
// servers bill, traditional otherwise; and "carrier": serverless when the
// hybrid's score is the functions' split's (the requests on functions,
// the long jobs on the cloud's container jobs), whatever the bills; and
// "burst_share": serverless when the functions could take the split's
// share of the requests for no more than a close call over the cheaper
// fleet alone.
type Condition map[string][]string

// How a split's bill prices a part; see SplitRule.Priced.
const (
	PricedIncluded = "included"
	PricedShare    = "share"
)

// derived are the facts a condition may test besides the answers.
var derived = map[string][]Verdict{"cheaper": {Serverless, Traditional}, "fleet": {ServerlessContainers, Traditional}, "carrier": {Serverless}, "burst_share": {Serverless}}

// Problem is an error in the content at a line of its file.
type Problem struct {
	Line int
	Msg  string
}

// Question returns the question with the given key.
func (m *Model) Question(key string) (*Question, bool) {
	q, ok := m.byKey[key]
	return q, ok
}

// TieReasonOf says why a tied result's verdict came first: its bill,
// or the tie order.
func (m *Model) TieReasonOf(r *Result) string {
	if !r.TieOnCost {
		return m.TieReason
	}
	if r.TieOnFree {
		return m.TieReasonFree
	}
	// The lead in full that decides (costTies) is a price ratio.
	ratio := math.Exp2(2 * m.CloseCallMargin / m.Cost.WeightPerDoubling)
	return strings.ReplaceAll(m.TieReasonCost, "{dearer_by}", strconv.Itoa(int(math.Round((ratio-1)*100)))+"%")
}

// VerdictInfo returns the presentation of verdict v.
func (m *Model) VerdictInfo(v Verdict) VerdictInfo {
	for _, info := range m.Verdicts {
		if info.ID == v {
			return info
		}
	}
	return VerdictInfo{ID: v, Label: string(v)}
}

// UnaskedBuys is what a verdict's price buys where the answers match
// When, which says they do not ask for what Buys names.
type UnaskedBuys struct {
	When     Condition          `yaml:"when"`
	Buys     string             `yaml:"buys"`
	BuysOver map[Verdict]string `yaml:"buys_over"`
}

// buysOver is what verdict v gives for its price over the platform of
// cheaper, whose bill starts a machine or task for each run where perRun
// is true, on cloud c: its own words for that platform, or Buys; where
// unasked (the answers match Unasked's condition), Unasked's words instead
// of BuysOver's and Buys.
func (v VerdictInfo) buysOver(cheaper Verdict, perRun bool, c *Cloud, unasked bool) string {
	if b := v.BuysOverRuns[cheaper]; perRun && b != "" {
		return b
	}
	if unasked && v.Unasked != nil {
		if b := v.Unasked.BuysOver[cheaper]; b != "" {
			return b
		}
		return v.Unasked.Buys
	}
	if b := v.BuysOverOwnFunctions; cheaper == Serverless && c.FunctionsOnContainers && b != "" {
		return b
	}
	if b := v.BuysOver[cheaper]; b != "" {
		return b
	}
	return v.Buys
}

// AnswerLabel describes answer v in words: the option's label, or the
// number with its unit (a duration of a second or more in seconds,
// minutes or hours too).
func (q *Question) AnswerLabel(v string) string {
	if q.Kind == Number {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return v
		}
		if strings.HasPrefix(q.Unit, "%") {
			return FormatInt(n) + q.Unit
		}
		if q.Unit == "MB" {
			return q.formatValue(float64(n))
		}
		if q.Unit == "ms" && n >= 1000 {
			// As the form asks for it, and as a person says it.
			return FormatInt(n) + " ms (" + q.formatValue(float64(n)) + ")"
		}
		return strings.TrimSpace(FormatInt(n) + " " + UnitOf(float64(n), q.Unit))
	}
	if o := q.Option(v); o != nil {
		return o.Label
	}
	return v
}

// Option returns the option that answer v selects, or nil.
func (q *Question) Option(v string) *Option {
	for _, o := range q.Options {
		if o.Value == v {
			return o
		}
	}
	return nil
}

// flippable reports whether the question may appear in "what would change
// the answer": questions about the workload and the team, not settings of
// the bill.
func (q *Question) flippable() bool { return q.Section != "costs" && !q.NoFlips }

// Applies reports whether q counts for the answers a (see
// Question.Applies); a question the model does not have counts for none.
func (m *Model) Applies(q *Question, a Answers) bool {
	return q != nil && (len(q.Applies) == 0 || m.Matches(q.Applies, a))
}

// counted is the answer to the question with that key as the bills read
// it: the reader's where the question applies, else its default.
func (m *Model) counted(key string, a Answers) string {
	if q := m.byKey[key]; q != nil && !m.Applies(q, a) {
		return q.defaultAnswer
	}
	return a[key]
}

// billed is the answer to the question with that key as the bills read
// it: counted, but where the question does not apply and names an answer
// the bills take then (BilledWhenNotAsked), that one.
func (m *Model) billed(key string, a Answers) string {
	if q := m.byKey[key]; q != nil && q.BilledWhenNotAsked != "" && !m.Applies(q, a) {
		return q.BilledWhenNotAsked
	}
	return m.counted(key, a)
}

// formatValue writes a number answer the way a flip sentence says it.
func (q *Question) formatValue(n float64) string {
	switch q.Unit {
	case "ms":
		return formatSeconds(n / 1000)
	case "MB":
		return formatMB(n)
	}
	if n >= 1e4 {
		return FormatCount(n)
	}
	return FormatInt(int64(n))
}

// problems collects validation problems with their lines.
type problems []Problem

func (ps *problems) add(line int, format string, args ...any) {
	*ps = append(*ps, Problem{line, fmt.Sprintf(format, args...)})
}
