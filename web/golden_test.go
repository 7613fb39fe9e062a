package web

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestRenderGolden renders a page that uses every feature of the markdown
// pipeline and compares the HTML with testdata/render.html. After a
// deliberate change to the rendering, run go test ./web -update and review
// the diff.
func TestRenderGolden(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "render.md"))
	require.NoError(t, err)
	doc := parseMarkdown(src, 1)
	require.Empty(t, doc.errs)
	html, err := doc.render()
	require.NoError(t, err)
	golden := filepath.Join("testdata", "render.html")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(html), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(html), "rendered HTML changed; if on purpose, run go test ./web -update")
}
