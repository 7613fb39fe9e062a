package advisor

import "strings"

// IsSlug reports whether s can stand in a URL as it is: one or more
// lower-case ASCII letters, digits and hyphens. The names of pages, the
// scorecard's categories and the answers of choice questions are slugs, so
// that every link to them is short, readable and never needs escaping.
func IsSlug(s string) bool {
	return s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == ""
}
