package advisor

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
)

// Answers are a reader's normalised answers, one per question of the model,
// every missing one filled with its default. Numbers are kept in canonical
// decimal form.
type Answers map[string]string

// FieldError is a bad answer, named back to the reader next to its field.
type FieldError struct {
	Field string `json:"field"`
	Msg   string `json:"error"`
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

// maxValueLength bounds one answer; no valid answer comes near it.
const maxValueLength = 32

// Parse reads answers from query values. A missing or empty key takes its
// default; an unknown key is ignored. A bad value is reported as a
// FieldError and replaced by the default, so the rest still works.
func (m *Model) Parse(q url.Values) (Answers, []*FieldError) {
	answers := m.Defaults()
	var errs []*FieldError
	for _, question := range m.Questions {
		raw := strings.TrimSpace(q.Get(question.Key))
		if raw == "" {
			continue
		}
		v, err := question.parse(raw)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		answers[question.Key] = v
	}
	return answers, errs
}

// Defaults returns the answers of a reader who answered nothing.
func (m *Model) Defaults() Answers {
	a := Answers{}
	for _, q := range m.Questions {
		a[q.Key] = q.Default
		if q.Kind == "number" {
			n, _ := q.parseNumber(q.Default)
			a[q.Key] = strconv.FormatInt(n, 10)
		}
	}
	return a
}

// Query encodes answers canonically: keys in the model's order, answers equal
// to their default left out. Equal answers always give the same string.
func (m *Model) Query(a Answers) string {
	defaults := m.Defaults()
	var b strings.Builder
	for _, q := range m.Questions {
		v, ok := a[q.Key]
		if !ok || v == defaults[q.Key] {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(q.Key))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(v))
	}
	return b.String()
}

// Permalink returns the canonical path of the recommendation for a.
func (m *Model) Permalink(a Answers) string {
	if q := m.Query(a); q != "" {
		return "/recommend?" + q
	}
	return "/recommend"
}

func (q *Question) parse(raw string) (string, *FieldError) {
	if len(raw) > maxValueLength {
		return "", &FieldError{q.Key, fmt.Sprintf("the answer to %q is too long", q.Label)}
	}
	if q.Kind == "number" {
		n, err := q.parseNumber(raw)
		if err != nil {
			return "", err
		}
		return strconv.FormatInt(n, 10), nil
	}
	v := strings.ToLower(raw)
	for _, o := range q.Options {
		if o.Value == v {
			return v, nil
		}
	}
	values := make([]string, len(q.Options))
	for i, o := range q.Options {
		values[i] = o.Value
	}
	return "", &FieldError{q.Key, fmt.Sprintf("%q is not a valid answer to %q; choose one of %s", raw, q.Label, strings.Join(values, ", "))}
}

// parseNumber reads a whole number, allowing thousands separators
// ("1,000,000" or "1_000_000"), and checks it against the question's range.
func (q *Question) parseNumber(raw string) (int64, *FieldError) {
	clean := numberSeparators.Replace(raw)
	n, err := strconv.ParseInt(clean, 10, 64)
	if errors.Is(err, strconv.ErrRange) {
		// Too large for any range: report the bound it broke.
		n, err = math.MaxInt64, nil
		if strings.HasPrefix(clean, "-") {
			n = math.MinInt64
		}
	}
	if err != nil {
		if _, ferr := strconv.ParseFloat(clean, 64); ferr == nil && !strings.ContainsAny(clean, "nNiI") {
			return 0, &FieldError{q.Key, fmt.Sprintf("%s must be a whole number, not %q", q.Label, raw)}
		}
		return 0, &FieldError{q.Key, fmt.Sprintf("%s must be a number, not %q", q.Label, raw)}
	}
	if q.Min != nil && n < *q.Min {
		return 0, &FieldError{q.Key, fmt.Sprintf("%s must be at least %s", q.Label, FormatInt(*q.Min))}
	}
	if q.Max != nil && n > *q.Max {
		return 0, &FieldError{q.Key, fmt.Sprintf("%s must be at most %s", q.Label, FormatInt(*q.Max))}
	}
	return n, nil
}

// option returns the option or band that the answer v selects.
func (q *Question) option(v string) *Option {
	if q.Kind != "number" {
		for _, o := range q.Options {
			if o.Value == v {
				return o
			}
		}
		return nil
	}
	n, _ := strconv.ParseInt(v, 10, 64)
	for _, b := range q.Bands {
		if b.Below == nil || n < *b.Below {
			return b
		}
	}
	return nil
}

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

// parseRange reads a numeric condition such as ">=900000" or "<1000".
func parseRange(s string) (op string, n int64, err error) {
	for _, candidate := range []string{">=", "<=", ">", "<"} {
		if strings.HasPrefix(s, candidate) {
			n, perr := strconv.ParseInt(strings.TrimSpace(s[len(candidate):]), 10, 64)
			if perr != nil {
				return "", 0, fmt.Errorf("%q: the bound must be a whole number", s)
			}
			return candidate, n, nil
		}
	}
	return "", 0, fmt.Errorf("%q must start with >=, <=, > or <", s)
}

// Matches reports whether the answers satisfy the condition.
func (m *Model) Matches(c Condition, a Answers) bool {
	for key, values := range c {
		q, ok := m.byKey[key]
		if !ok {
			return false
		}
		if !q.matches(values, a[key]) {
			return false
		}
	}
	return true
}

func (q *Question) matches(values []string, answer string) bool {
	if q.Kind != "number" {
		for _, v := range values {
			if v == answer {
				return true
			}
		}
		return false
	}
	// Every range must hold: ">=1000" and "<5000" together mean a band.
	n, err := strconv.ParseInt(answer, 10, 64)
	if err != nil {
		return false
	}
	for _, v := range values {
		op, bound, err := parseRange(v)
		if err != nil {
			return false
		}
		ok := map[string]bool{">=": n >= bound, "<=": n <= bound, ">": n > bound, "<": n < bound}[op]
		if !ok {
			return false
		}
	}
	return true
}

// numberSeparators removes the thousands separators readers type.
var numberSeparators = strings.NewReplacer(",", "", "_", "", " ", "")
