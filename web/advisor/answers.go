package advisor

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"slices"
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
		a[q.Key] = q.defaultAnswer
	}
	return a
}

// DefaultAnswer is the question's default as an answer: a number in its
// canonical form.
func (q *Question) DefaultAnswer() string { return q.defaultAnswer }

// canonicalDefault works out DefaultAnswer, once, when the model is
// compiled: every request compares answers with it.
func (q *Question) canonicalDefault() string {
	if q.Kind != Number {
		return q.Default
	}
	n, _ := q.parseNumber(q.Default)
	return strconv.FormatInt(n, 10)
}

// Query encodes answers canonically: keys in the model's order, answers equal
// to their default left out. Equal answers always give the same string.
func (m *Model) Query(a Answers) string {
	var b strings.Builder
	for _, q := range m.Questions {
		v, ok := a[q.Key]
		if !ok || v == q.defaultAnswer {
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

// ComparePermalink is the canonical link of a scenario comparison:
// scenario A's canonical query with the prefix "a.", then B's with "b.".
func (m *Model) ComparePermalink(a, b Answers) string {
	var parts []string
	for _, sc := range []struct {
		prefix  string
		answers Answers
	}{{"a.", a}, {"b.", b}} {
		if q := m.Query(sc.answers); q != "" {
			for _, kv := range strings.Split(q, "&") {
				parts = append(parts, sc.prefix+kv)
			}
		}
	}
	if len(parts) == 0 {
		return "/compare"
	}
	return "/compare?" + strings.Join(parts, "&")
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
	if q.Kind == Number {
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

// parseNumber reads a whole number, written plainly ("1000000"), with
// thousands separators in groups of three ("1,000,000", "1_000_000",
// "1 000 000") or in scientific notation ("1e6", "2.5e6"), and checks it
// against the question's range.
func (q *Question) parseNumber(raw string) (int64, *FieldError) {
	n, err := readNumber(raw)
	if err != nil {
		return 0, &FieldError{q.Key, fmt.Sprintf("%s %s, not %q", q.Label, err.Error(), raw)}
	}
	if q.Min != nil && n < float64(*q.Min) {
		return 0, &FieldError{q.Key, fmt.Sprintf("%s must be at least %s", q.Label, FormatInt(*q.Min))}
	}
	if q.Max != nil && n > float64(*q.Max) {
		return 0, &FieldError{q.Key, fmt.Sprintf("%s must be at most %s", q.Label, FormatInt(*q.Max))}
	}
	return int64(n), nil
}

// The forms of a number readers type: plain digits; digits grouped in
// threes by one kind of separator; a number with an exponent.
var (
	plainNumber      = regexp.MustCompile(`^-?\d+$`)
	groupedNumber    = regexp.MustCompile(`^-?\d{1,3}([,_ ])\d{3}(?:[,_ ]\d{3})*$`)
	scientificNumber = regexp.MustCompile(`^-?\d+(?:\.\d+)?[eE][+-]?\d+$`)
)

// readNumber reads a whole number as a float64, so that numbers too large
// for any range still compare with it. Its error completes "<label> …".
func readNumber(raw string) (float64, error) {
	switch {
	case plainNumber.MatchString(raw):
		return strconv.ParseFloat(raw, 64)
	case groupedNumber.MatchString(raw) && len(strings.Trim(raw, "-0123456789")) > 0 && oneSeparator(raw):
		return strconv.ParseFloat(numberSeparators.Replace(raw), 64)
	case scientificNumber.MatchString(raw):
		f, err := strconv.ParseFloat(raw, 64)
		if err != nil || f != math.Trunc(f) {
			return 0, errors.New("must be a whole number")
		}
		return f, nil
	}
	if _, err := strconv.ParseFloat(raw, 64); err == nil && !strings.ContainsAny(raw, "nNiIxX") {
		return 0, errors.New("must be a whole number")
	}
	if strings.Trim(raw, "-0123456789,_ ") == "" {
		return 0, errors.New("must group its digits in threes, like 1,000,000")
	}
	return 0, errors.New("must be a number")
}

// oneSeparator reports whether a grouped number uses a single kind of
// separator throughout.
func oneSeparator(raw string) bool {
	kinds := 0
	for _, sep := range []string{",", "_", " "} {
		if strings.Contains(raw, sep) {
			kinds++
		}
	}
	return kinds == 1
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

// Matches reports whether the answers satisfy the condition. Derived facts
// such as "cheaper" are read from the answers too, where the engine puts
// them.
func (m *Model) Matches(c Condition, a Answers) bool {
	for key, values := range c {
		if _, ok := derived[key]; ok {
			if !slices.Contains(values, a[key]) {
				return false
			}
			continue
		}
		q, ok := m.byKey[key]
		if !ok || !q.matches(values, a[key]) {
			return false
		}
	}
	return true
}

func (q *Question) matches(values []string, answer string) bool {
	if q.Kind != Number {
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
		if !inRange(op, n, bound) {
			return false
		}
	}
	return true
}

// inRange reports whether n stands in the relation op to bound.
func inRange(op string, n, bound int64) bool {
	switch op {
	case ">=":
		return n >= bound
	case "<=":
		return n <= bound
	case ">":
		return n > bound
	}
	return n < bound
}

// numberSeparators removes the thousands separators readers type; a
// number with separators has been checked to group its digits in threes.
var numberSeparators = strings.NewReplacer(",", "", "_", "", " ", "")
