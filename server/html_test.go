package server

import (
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestValidHTML runs every page through the Nu HTML Checker (the npm package
// vnu-jar, which .ci/run installs into .cache/e2e; VNU_JAR overrides):
// zero errors. It needs Java. Without the checker it is skipped on a
// developer's machine and fails in CI.
func TestValidHTML(t *testing.T) {
	if testing.Short() {
		t.Skip("the HTML checker is skipped with -short")
	}
	jar := os.Getenv("VNU_JAR")
	if jar == "" {
		jar = filepath.Join("..", ".cache", "e2e", "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	}
	java, err := exec.LookPath("java")
	if err != nil {
		needTool(t, "Java", err, "apt-get install default-jre-headless")
	}
	if _, err := os.Stat(jar); err != nil {
		needTool(t, "the Nu HTML Checker", err, "npm install --prefix .cache/e2e vnu-jar")
	}

	s := newTestServer(t)
	dir := t.TempDir()
	paths := append(pagePaths(t), "/recommend", "/recommend?traffic=spiky&jobs=hours&realtime=some", closeCallPath, growthPath, growthComparePath,
		"/recommend?requests=lots&memory=1", "/comparison?priority=operations-burden", "/no-such-page",
		"/compare?b.jobs=hours&b.realtime=some&a.requests=lots", "/search?q=cold+start", "/search?q=zzqxv")
	files := map[string]string{}
	for i, path := range paths {
		rec := do(t, s, http.MethodGet, path)
		require.Contains(t, []int{http.StatusOK, http.StatusNotFound}, rec.Code, path)
		name := filepath.Join(dir, "page"+string(rune('a'+i))+".html")
		require.NoError(t, os.WriteFile(name, rec.Body.Bytes(), 0o644))
		files["file:"+name] = path
	}
	out, err := exec.Command(java, "-jar", jar, "--errors-only", "--format", "json", dir).CombinedOutput()
	var report struct {
		Messages []struct {
			URL     string `json:"url"`
			Type    string `json:"type"`
			Line    int    `json:"lastLine"`
			Message string `json:"message"`
			Extract string `json:"extract"`
		} `json:"messages"`
	}
	require.NoError(t, json.Unmarshal(out[strings.IndexByte(string(out), '{'):], &report), "checker output: %s (%v)", out, err)
	for _, m := range report.Messages {
		t.Errorf("%s line %d: %s: %s\n\t%s", files[m.URL], m.Line, m.Type, m.Message, m.Extract)
	}
}
