package components

import (
	"math"
	"strconv"

	"serverorless/web/advisor"
)

// A number field echoes its value in words under it, so that
// "300000000" reads as "300 million requests a month ≈ 114 requests a
// second", the rate as advisor.FormatRate writes it everywhere.
// The server writes the echo of the value it renders; static/app.js
// writes the same words as the reader types (echoText there mirrors
// numberEcho here).

// secondsPerMonth is the cost model's month of 730 hours.
const secondsPerMonth = 730 * 3600

// numberEcho is the echo of a number field's value, or "" when the value
// is no number or says nothing more than the field itself. The volume
// counts the work's own pieces (runs of a timer, events), as entry says.
func numberEcho(key, value, unit string, entry advisor.Entry) string {
	v, err := strconv.ParseFloat(value, 64)
	if err != nil || v < 0 || math.IsInf(v, 0) {
		return ""
	}
	if key == "requests" {
		return countWords(v) + " " + advisor.Noun(v, entry.Piece(), entry.Pieces()) + " a month ≈ " + advisor.FormatRate(v/secondsPerMonth, entry.Piece())
	}
	if v < 1000 {
		return ""
	}
	return advisor.FormatInt(int64(v)) + " " + unit
}

// countWords writes a count in words when it is round in millions or
// billions ("300 million", "2.5 billion"), else with thousands separators.
func countWords(v float64) string {
	switch {
	case v >= 1e9 && math.Mod(v, 1e7) == 0:
		return strconv.FormatFloat(v/1e9, 'f', -1, 64) + " billion"
	case v >= 1e6 && math.Mod(v, 1e4) == 0:
		return strconv.FormatFloat(v/1e6, 'f', -1, 64) + " million"
	}
	return advisor.FormatInt(int64(v))
}
