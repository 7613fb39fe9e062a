package advisor

import (
	"slices"
	"strings"
)

// The advisor's vocabulary: the named values the engine, the views and
// the API share. Each is a string type, so that YAML, JSON, CSV and HTML
// carry the values exactly as written here, and the compiler keeps a
// verdict from being passed where an option kind or a billing mode is
// meant.

// Verdict is one of the advisor's four recommendations. The values are
// part of the public contract: permalinks, the API, the model's YAML and
// the page's data attributes all carry them as written here.
type Verdict string

// The four verdicts, one per platform: serverless means functions,
// containers serverless containers, traditional servers the team runs,
// and hybrid a split across them.
const (
	Serverless           Verdict = "serverless"
	ServerlessContainers Verdict = "containers"
	Traditional          Verdict = "traditional"
	Hybrid               Verdict = "hybrid"
)

// The verdicts' indexes in Verdicts and in every per-verdict array.
const (
	iServerless = iota
	iContainers
	iTraditional
	iHybrid
	nVerdicts
)

// Verdicts lists the verdicts in the order the site shows them, from the
// most managed platform to the least, then the split.
var Verdicts = []Verdict{iServerless: Serverless, iContainers: ServerlessContainers, iTraditional: Traditional, iHybrid: Hybrid}

// VerdictNames lists the verdicts in order, for messages that say which
// values are allowed: "serverless, containers, traditional, hybrid".
func VerdictNames() string { return joinNames(Verdicts) }

// joinNames writes named strings, comma-separated, for messages.
func joinNames[T ~string](xs []T) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return strings.Join(out, ", ")
}

// OptionKind is the kind of bill a verdict stands on: functions for
// serverless, containers for containers and servers for traditional. A
// hybrid has none of its own.
func (v Verdict) OptionKind() OptionKind {
	switch v {
	case Serverless:
		return Functions
	case ServerlessContainers:
		return Containers
	case Traditional:
		return Servers
	}
	return ""
}

// OptionKind is one of the three options the cost model prices on every
// cloud. The values are part of the public contract: the API's option
// kinds and ids, the CSV's first column and the prose's {{bill}}
// shortcodes carry them as written here.
type OptionKind string

// The kinds of option, in the order the site shows their bills.
const (
	Functions  OptionKind = "functions"
	Containers OptionKind = "containers"
	Servers    OptionKind = "servers"
)

// OptionKinds lists the kinds in the order the site shows their bills.
var OptionKinds = []OptionKind{Functions, Containers, Servers}

// Label names the kind as the verdicts do, for headings: "Serverless
// containers". It is "" for a value that is no kind.
func (k OptionKind) Label() string {
	switch k {
	case Functions:
		return "Functions"
	case Containers:
		return "Serverless containers"
	case Servers:
		return "Servers"
	}
	return ""
}

// Verdict is the verdict that stands on a bill of this kind, the inverse
// of Verdict.OptionKind; "" for a value that is no kind.
func (k OptionKind) Verdict() Verdict {
	if i := slices.Index(OptionKinds, k); i >= 0 {
		return Verdicts[i]
	}
	return ""
}

// Entry is how work reaches the backend: the answer to the entry
// question, with its values as the permalink writes them.
type Entry string

// The entries, as the entry question's options write them.
const (
	EntryHTTP     Entry = "http"     // requests clients wait on
	EntryEvents   Entry = "events"   // messages a queue holds until a worker takes them
	EntrySchedule Entry = "schedule" // runs a timer starts
)

// Piece is what one piece of the work is called: a request, an event or
// a run.
func (e Entry) Piece() string {
	switch e {
	case EntryEvents:
		return "event"
	case EntrySchedule:
		return "run"
	}
	return "request"
}

// OnePiece is one piece of the work with its article, as a sentence about
// a limit names it: "a request", "an event", "a run".
func (e Entry) OnePiece() string {
	if e == EntryEvents {
		return "an " + e.Piece()
	}
	return "a " + e.Piece()
}

// Pieces is what the pieces of the work are called, as a sentence about
// their number names them: "requests", "events", "runs".
func (e Entry) Pieces() string { return e.Piece() + "s" }

// InPieces says a question's words about requests ("Requests per month",
// "Average time per request", "30 requests per month") in the pieces the
// work is counted in: "Runs per month", "Average time per run".
func (e Entry) InPieces(s string) string {
	if r := inPieces[e]; r != nil {
		return r.Replace(s)
	}
	return s
}

// inPieces are InPieces' replacers, made once, for the entries whose
// pieces are not requests.
var inPieces = func() map[Entry]*strings.Replacer {
	out := map[Entry]*strings.Replacer{}
	for _, e := range []Entry{EntryEvents, EntrySchedule} {
		out[e] = strings.NewReplacer("Requests", UpperFirst(e.Pieces()), "requests", e.Pieces(), "request", e.Piece())
	}
	return out
}()

// words are the placeholders a sentence of the model may use for the
// work's pieces, each with its words: {pieces} ("events") and {one_piece}
// ("an event"), for a strings.Replacer.
func (e Entry) words() []string {
	return []string{"{pieces}", e.Pieces(), "{one_piece}", e.OnePiece()}
}

// Billing is how a platform bills its compute. The values are part of
// the public contract: the pricing files and the API's sizing carry them.
type Billing string

// The billing modes.
const (
	// BillingExecution bills each request for its own run time (Lambda,
	// Cloud Run functions).
	BillingExecution Billing = "execution"
	// BillingInstance bills an instance while it runs: a fleet, a task
	// (Fargate), or a function instance while it runs at least one request
	// (Flex Consumption).
	BillingInstance Billing = "instance"
	// BillingRequest bills an instance while it serves, scaling to zero
	// (Cloud Run, Container Apps).
	BillingRequest Billing = "request"
	// BillingRun bills a task or a machine started for each run of work
	// that runs to completion.
	BillingRun Billing = "run"
)

// BoundBy is what limits the requests one machine of a fleet serves. The
// values are part of the public contract: the API's sizing carries them.
type BoundBy string

// The bounds of a machine.
const (
	BoundByCPU          BoundBy = "cpu"
	BoundByMemory       BoundBy = "memory"
	BoundByConcurrency  BoundBy = "concurrency"  // requests in flight per vCPU
	BoundByRequests     BoundBy = "requests"     // requests per second per vCPU
	BoundByAvailability BoundBy = "availability" // the minimum machines, not the load
	BoundByRuns         BoundBy = "runs"         // one machine per run of work
)

// Stance is how a reason stands towards the verdict. The values are part
// of the public contract: the API's stance and the page's data-stance.
type Stance string

// The stances of a reason towards the verdict.
const (
	For      Stance = "for"
	Against  Stance = "against"
	RuledOut Stance = "ruled_out"
)
