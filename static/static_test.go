package static

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestAcceptsGzip: gzip named by itself decides, with its weight; "*"
// speaks for it only when it is not named; a weight of 0 refuses.
func TestAcceptsGzip(t *testing.T) {
	for _, tt := range []struct {
		header string
		want   bool
	}{
		{"gzip, deflate, br", true},
		{"GZIP", true},
		{"br;q=1.0, gzip;q=0.8", true},
		{"", false},
		{"identity", false},
		{"br", false},
		{"gzip;q=0", false},
		{"gzip; q=0.000", false},
		{"*", true},
		{"*;q=0", false},
		{"*;q=0, gzip", true},
		{"gzip;q=0, *", false},
		{"br, *;q=0.5", true},
	} {
		assert.Equal(t, tt.want, AcceptsGzip(tt.header), "%q", tt.header)
	}
}
