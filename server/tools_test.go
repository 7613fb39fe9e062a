package server

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
)

// The browser tests, axe-core and the Nu HTML Checker need tools that are
// not part of the repository (.ci/run installs them). On a developer's
// machine a missing tool skips its tests; in CI (CI set) it fails them.

var skippedTools struct {
	sync.Mutex
	names []string
}

// needTool skips t when a tool is missing outside CI, and fails it in CI.
// The skip is remembered, so that the run can say what it left out.
func needTool(t *testing.T, name string, err error, install string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("CI needs %s (%s): %v", name, install, err)
	}
	skippedTools.Lock()
	if !slices.Contains(skippedTools.names, name) {
		skippedTools.names = append(skippedTools.names, name)
	}
	skippedTools.Unlock()
	t.Skipf("%s is not installed (%s): %v", name, install, err)
}

// TestMain runs the tests, then says which tool-dependent tests were
// skipped and how to run them.
func TestMain(m *testing.M) {
	code := m.Run()
	reportSkippedTools()
	os.Exit(code)
}

// reportSkippedTools prints one line naming the missing tools. `go test
// ./...` shows a passing package's output only with -v, so the line goes to
// the terminal when there is one.
func reportSkippedTools() {
	if len(skippedTools.names) == 0 {
		return
	}
	var out io.Writer = os.Stdout
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		out = tty
	}
	fmt.Fprintf(out, "serverorless/server: skipped the tests that need %s; install the tools as .ci/run does, then run CI=true go test ./server\n",
		strings.Join(skippedTools.names, ", "))
}
