package web

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ContentError is one problem in the content, located at a file and line so
// that an editor can go straight to it.
type ContentError struct {
	File string // path inside the content folder, e.g. "pages/serverless.md"
	Line int    // 1-based; 0 when the problem concerns the whole file
	Msg  string
}

// Error returns "file:line: message". A problem with the whole file is
// reported at its first line, so that every message has the form editors
// and their tools jump to.
func (e ContentError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, max(e.Line, 1), e.Msg)
}

// ContentErrors lists every problem found in the content, sorted by file,
// line and message, so that the same content always gives the same list. Load reports all of them at once rather than stopping at the first.
type ContentErrors []ContentError

func (es ContentErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

func (es ContentErrors) sort() {
	slices.SortStableFunc(es, func(a, b ContentError) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Msg, b.Msg))
	})
}

// errorf records a problem at file:line.
func (es *ContentErrors) errorf(file string, line int, format string, args ...any) {
	*es = append(*es, ContentError{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

var (
	yamlLinePrefix   = regexp.MustCompile(`^(?:yaml: )?line (\d+): `)
	yamlUnknownField = regexp.MustCompile(`^field (\S+) not found in type \S+$`)
	yamlTypeMismatch = regexp.MustCompile("^cannot unmarshal !!(\\w+) `(.*)` into (\\S+)$")
)

// decodeYAML decodes data into v, rejecting unknown fields. firstLine is the
// line of the file on which data starts, so that errors point into the file
// rather than into the YAML fragment (front matter starts on line 2).
func decodeYAML(file string, firstLine int, data []byte, v any) ContentErrors {
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	err := dec.Decode(v)
	if err == nil || errors.Is(err, io.EOF) {
		return nil
	}
	var msgs []string
	if te, ok := err.(*yaml.TypeError); ok {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	var errs ContentErrors
	for _, msg := range msgs {
		line := 0
		if m := yamlLinePrefix.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			line = firstLine + n - 1
			msg = msg[len(m[0]):]
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
		if strings.HasPrefix(msg, "mapping values are not allowed") {
			msg += `: a value that contains ": " must be put in quotes`
		}
		if m := yamlUnknownField.FindStringSubmatch(msg); m != nil {
			msg = fmt.Sprintf("unknown field %q", m[1])
		} else if m := yamlTypeMismatch.FindStringSubmatch(msg); m != nil {
			msg = fmt.Sprintf("%q is not a valid %s", m[2], friendlyType(m[3]))
		}
		errs.errorf(file, line, "%s", msg)
	}
	return errs
}

// friendlyType names a Go type the way an editor thinks of YAML values.
func friendlyType(goType string) string {
	switch {
	case strings.HasPrefix(goType, "int"), strings.HasPrefix(goType, "uint"), strings.HasPrefix(goType, "*int"):
		return "whole number"
	case strings.HasPrefix(goType, "float"), strings.HasPrefix(goType, "*float"):
		return "number"
	case goType == "bool" || goType == "*bool":
		return "true/false value"
	case strings.HasPrefix(goType, "[]"):
		return "list"
	case strings.HasPrefix(goType, "map"):
		return "mapping"
	default:
		return "value here"
	}
}
