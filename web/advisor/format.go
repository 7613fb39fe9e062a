package advisor

// This file is the one place that writes numbers, money, counts and
// plurals for people: the bills' working, the reasons and the flips use
// these, and so do the components, the exports, the prose figures and
// the server, so that one amount reads the same on every view.

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// FormatInt writes n with thousands separators, as the site shows numbers: 1,000,000.
func FormatInt(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// FormatUSD writes a monthly amount the way the site shows money: whole
// dollars with separators, cents below $100.
func FormatUSD(v float64) string {
	if math.Round(v*100) == 0 {
		// Negative zero and a saving of less than half a cent print as
		// nothing at all, never as "−$0.00".
		return "$0.00"
	}
	if v < 0 {
		return "−" + FormatUSD(-v)
	}
	if v < 100 {
		return "$" + strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	}
	return "$" + FormatInt(int64(math.Round(v)))
}

// formatCents writes a positive amount to the cent at any size, with its
// thousands separated: "$1,010.40", where FormatUSD drops the cents from
// $100.
func formatCents(v float64) string {
	cents := int64(math.Round(v * 100))
	return "$" + FormatInt(cents/100) + "." + strconv.FormatInt(100+cents%100, 10)[1:]
}

// FormatRoughUSD writes an amount the way a person says it: two
// significant figures from $10 ("$5,700", "$20,000"), the cent below
// ("$2.24").
func FormatRoughUSD(v float64) string { return formatRoughAt(v, 2) }

// formatRoughAt writes an amount as roughAt rounds it.
func formatRoughAt(v float64, digits int) string {
	v = roughAt(v, digits)
	switch {
	case v == 0:
		return "$0" // a free grant's nothing, not "$0.00"
	case v < 0:
		return "−" + formatRoughAt(-v, digits)
	case v < 10:
		return "$" + strconv.FormatFloat(v, 'f', 2, 64)
	}
	return "$" + FormatInt(int64(math.Round(v)))
}

// roughAt rounds an amount to digits significant figures: RoughUSD's
// for two; for more, to the cent below $10 and never finer than the
// dollar above.
func roughAt(v float64, digits int) float64 {
	a := math.Abs(v)
	switch {
	case digits <= 2:
		return RoughUSD(v)
	case math.Round(v*100) == 0:
		return 0
	case a < 10:
		return math.Round(v*100) / 100
	}
	return RoundSignificant(v, min(digits, int(math.Floor(math.Log10(a)))+1))
}

// exactDigits writes a difference of two rough amounts as it is, to the
// cent below $10 and the dollar above, with no second rounding: $180 less
// $75 is $105, not $110.
const exactDigits = 9

// quoteDigits is how many significant figures a sentence that sets bills
// against each other quotes them to: two, or as many more as keep every
// difference the amounts imply within a tenth of the true one ("$1,070
// against $1,030", not "$1,100 against $1,000", for $1,072 and $1,034;
// "$2,770 against $2,900" and $130 more, not $2,800, $2,900 and $100, for
// $2,774 and $2,902). Amounts from $100 to $1,000 take three, the dollar
// the bills beside the sentence show: $125.20 had read as "$130", and its
// $59 premium over $66.24 as "$64" (review 184).
func quoteDigits(pairs ...[2]float64) int {
	n := 2
	for _, p := range pairs {
		for _, a := range p {
			if a = math.Abs(a); a >= 99.5 && a < 999.5 {
				n = 3
			}
		}
	}
	for ; n < 6; n++ {
		fits := true
		for _, p := range pairs {
			gap, said := math.Abs(p[0]-p[1]), math.Abs(roughAt(p[0], n)-roughAt(p[1], n))
			fits = fits && (gap < 1 || math.Abs(said-gap) <= gap/10)
		}
		if fits {
			break
		}
	}
	return n
}

// sameRough reports whether two monthly bills cost the same in the rough
// amounts a sentence quotes: they are then named together, not set
// against each other.
func sameRough(a, b float64) bool { return FormatRoughUSD(a) == FormatRoughUSD(b) }

// roughAgainst sets one monthly bill against another in amounts rounded
// to digits, or says they are the same where rough amounts are.
func roughAgainst(a, b float64, digits int) string {
	if sameRough(a, b) {
		return roughAlike(a, b, digits)
	}
	return formatRoughAt(a, digits) + " against " + formatRoughAt(b, digits) + " a month"
}

// countedAlike says two monthly bills the cost factor counts alike (the
// alongside sentence): about the same where they are in rough amounts,
// else both, the lesser first, neither set against the other.
func countedAlike(a, b float64, digits int) string {
	if sameRough(a, b) {
		return roughAlike(a, b, digits)
	}
	return "counted alike, " + formatRoughAt(min(a, b), digits) + " and " + formatRoughAt(max(a, b), digits) + " a month"
}

// roughAlike says two monthly bills are about the same, to the figures
// the sentence beside it quotes, both ends where they differ in them, as
// the sentence gives them.
func roughAlike(a, b float64, digits int) string {
	if lo, hi := formatRoughAt(min(a, b), digits), formatRoughAt(max(a, b), digits); lo != hi {
		return "about the same, " + lo + " to " + hi + " a month"
	}
	return "about the same, " + formatRoughAt(a, digits) + " a month"
}

// RoughUSD is the amount FormatRoughUSD writes: to the cent below $10,
// else to two significant figures. Written with its cents, an amount
// rounded to the ten cents reads as exact: "$5.70" had stood for the
// $5.65 the items add up to (review 250), and "$0.40 against $0.80" for
// $0.43 and $0.77. A sentence that quotes rough amounts and their
// difference takes the difference of these, so that it adds up as the
// reader checks it.
func RoughUSD(v float64) float64 {
	switch {
	case math.Round(v*100) == 0:
		return 0
	case math.Abs(v) < 10:
		return math.Round(v*100) / 100
	}
	return RoundSignificant(v, 2)
}

// RoundSignificant rounds v to n significant figures.
func RoundSignificant(v float64, n int) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	// Divide or multiply by a whole power of ten, never by a fraction such
	// as 1e-5, which is inexact: 7.5 million must not come out as
	// 7499999.999999999.
	e := float64(n) - math.Ceil(math.Log10(math.Abs(v)))
	if e >= 0 {
		scale := math.Pow(10, e)
		return math.Round(v*scale) / scale
	}
	scale := math.Pow(10, -e)
	return math.Round(v/scale) * scale
}

// FormatCount writes a large count the way a person says it, to two
// significant figures: "50 million", "1.2 billion", "3,400".
func FormatCount(v float64) string {
	v = RoundSignificant(v, 2)
	for _, u := range []struct {
		size float64
		name string
	}{{1e9, "billion"}, {1e6, "million"}} {
		if v >= u.size {
			return trimFloat(RoundSignificant(v/u.size, 2)) + " " + u.name
		}
	}
	return FormatInt(int64(v))
}

// FormatRate writes a rate of pieces of work a second the way a person
// says it, whole from 10 and to two significant figures below, in the
// largest period that keeps it at one or more (none at all is 0 a
// second): "4.2 requests a second", "24 events a minute", "2.6
// runs an hour", "3 requests a day".
func FormatRate(perSecond float64, piece string) string {
	period := []struct {
		name    string
		seconds float64
	}{{"a second", 1}, {"a minute", 60}, {"an hour", 3600}, {"a day", 86400}}
	i := 0
	for i < len(period)-1 && perSecond > 0 && perSecond*period[i].seconds < 1 {
		i++
	}
	n := perSecond * period[i].seconds
	if n >= 10 {
		n = math.Round(n)
	} else {
		n = RoundSignificant(n, 2)
	}
	return plural(n, piece) + " " + period[i].name
}

// formatSeconds writes a duration in the largest unit that keeps it
// whole, else from two minutes on in minutes to a tenth ("15.9 minutes",
// not "954.1 seconds").
func formatSeconds(s float64) string {
	switch {
	case s >= 3600 && math.Mod(s, 3600) == 0:
		return plural(s/3600, "hour")
	case s >= 60 && math.Mod(s, 60) == 0:
		return plural(s/60, "minute")
	case s >= 120:
		return plural(math.Round(s/6)/10, "minute")
	case s >= 1:
		return plural(math.Round(s*10)/10, "second")
	}
	return trimFloat(math.Round(s*1000)) + " ms"
}

// formatLimit writes a provider's limit in seconds as the provider
// states it: whole seconds that are no whole number of minutes stay
// seconds ("230 seconds", "4,000 seconds", not "3.8 minutes").
func formatLimit(s float64) string {
	if s >= 1 && math.Mod(s, 1) == 0 && math.Mod(s, 60) != 0 {
		return plural(s, "second")
	}
	return formatSeconds(s)
}

// Plural writes a count with its noun: the singular for exactly one, the
// number as trimFloat writes it: "1 request", "1,200 requests", "0.35
// instances", "3 more reasons".
func Plural(n float64, one, many string) string {
	return trimFloat(n) + " " + Noun(n, one, many)
}

// Noun is the singular for exactly one, the plural otherwise.
func Noun(n float64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// UnitOf is a figure's unit for a value of it. The price files write
// units of counts as plural nouns ("addresses", "requests at once",
// "concurrent executions"); for exactly one, the noun before any "per" or
// "at" takes the singular: "1 address", "1 request at once", but "1 USD
// per million messages".
func UnitOf(n float64, unit string) string {
	if n != 1 {
		return unit
	}
	words := strings.Fields(unit)
	for i, w := range words {
		if w == "per" || w == "at" {
			break
		}
		if w != "ms" && strings.HasSuffix(w, "s") {
			if strings.HasSuffix(w, "sses") {
				words[i] = strings.TrimSuffix(w, "es")
			} else {
				words[i] = strings.TrimSuffix(w, "s")
			}
			return strings.Join(words, " ")
		}
	}
	return unit
}

// plural is Plural for a unit whose plural takes an s.
func plural(n float64, unit string) string { return Plural(n, unit, unit+"s") }

// formatWhole writes a quantity as a whole number, rounded: a month's
// seconds summed in floating point may come to 1,999,999.9999. Less than
// a half is written to two significant figures, never as a 0 that a price
// multiplies into cents.
func formatWhole(v float64) string {
	if v != 0 && math.Abs(v) < 0.5 {
		return trimFloat(RoundSignificant(v, 2))
	}
	return FormatInt(int64(math.Round(v)))
}

// trimFloat writes a number without trailing zeros.
// It keeps nine significant figures, so the arithmetic's last-digit noise
// (397355.60000000003) never shows, and writes a thousand or more whole,
// with separators.
func trimFloat(v float64) string {
	if math.Abs(v) >= 1000 {
		return FormatInt(int64(math.Round(v)))
	}
	return strconv.FormatFloat(RoundSignificant(v, 9), 'f', -1, 64)
}

// RoundHundredths rounds an amount to the hundredth, and one below a
// hundredth to two significant figures, so that a small amount never
// reads 0: a quiet service is 0.000076 instances busy on average.
func RoundHundredths(v float64) float64 {
	if math.Abs(v) < 0.01 {
		return RoundSignificant(v, 2)
	}
	return math.Round(v*100) / 100
}

// trimPrice writes a price the model computed (a size's hourly price from
// its per-second rates, a larger size's multiple) to six significant
// figures, so that no binary rounding shows: 0.03802, not
// 0.038020000000000005.
func trimPrice(v float64) string { return trimFloat(RoundSignificant(v, 6)) }

// UpperFirst puts a capital on text written to follow other words (a
// product phrase, a sentence of the model) where it starts a label, a
// message or a line: "Clear lead: …".
func UpperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// LowerFirst lower-cases the first letter of a sentence or phrase that
// follows another word, unless it starts an acronym or a name such as
// "AWS".
func LowerFirst(s string) string {
	if len(s) < 2 || unicode.IsUpper(rune(s[1])) {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// hundredths rounds x to two decimals, as scores, weights and shares are
// shown, and never to -0, which JSON would print as "-0".
func hundredths(x float64) float64 {
	r := math.Round(x*100) / 100
	if r == 0 {
		return 0
	}
	return r
}

// formatData writes an amount of data given in GB: to the hundredth of a
// GB, or below a hundredth in MB or KB, so that a month's few runs log
// "15 KB", not "0.000015 GB".
func formatData(gb float64) string { return formatDataBy(nil, gb) }

// formatDataBy writes gb of data in the unit f prices it by: as
// formatData does, or in GiB, MiB or KiB where f is a price per GiB (Cloud
// Logging), so that a formula's quantity times its price is its amount.
func formatDataBy(f *Fact, gb float64) string {
	names, step := [3]string{" GB", " MB", " KB"}, 1e3
	if u := f.dataUnit(); u != 1 {
		gb, names, step = gb/u, [3]string{" GiB", " MiB", " KiB"}, 1024
	}
	switch {
	case gb >= 0.01 || gb == 0:
		return trimFloat(RoundHundredths(gb)) + names[0]
	case gb >= 1/step:
		return trimFloat(RoundSignificant(gb*step, 2)) + names[1]
	}
	return trimFloat(RoundSignificant(gb*step*step, 2)) + names[2]
}

// formatMemory writes a memory size in GB where that takes three
// decimals or fewer (0.5 GB, 0.125 GB), else in MB (1,769 MB, not
// 1.72753906 GB): in a formula beside GB-seconds, where the unit of the
// arithmetic matters more than how people write a size.
func formatMemory(mb float64) string {
	if gb := mb / 1024; gb == math.Round(gb*1000)/1000 {
		return trimFloat(gb) + " GB"
	}
	return formatMB(mb)
}

// formatMB says a memory size as people write it: in GB when it is a
// whole number of them (12,288 MB is "12 GB"), else in MB.
func formatMB(n float64) string {
	if gb := n / 1024; n >= 1024 && gb == math.Trunc(gb) {
		return FormatInt(int64(gb)) + " GB"
	}
	return FormatInt(int64(n)) + " MB"
}
