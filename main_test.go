package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseConfig(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		want    config
		wantErr string
	}{
		{"defaults", nil, nil, config{addr: ":8080", apiRateLimit: 10, hsts: true}, ""},
		{"PORT, as container platforms set it", nil, map[string]string{"PORT": "9000"}, config{addr: ":9000", apiRateLimit: 10, hsts: true}, ""},
		{"-addr wins over PORT", []string{"-addr", "127.0.0.1:7000"}, map[string]string{"PORT": "9000"}, config{addr: "127.0.0.1:7000", apiRateLimit: 10, hsts: true}, ""},
		{"content folder", []string{"-content", "site"}, nil, config{addr: ":8080", contentDir: "site", apiRateLimit: 10, hsts: true}, ""},
		{"preview serves ./content", []string{"-dev"}, nil, config{addr: ":8080", contentDir: "content", dev: true, apiRateLimit: 10, hsts: true}, ""},
		{"check", []string{"check", "-content", "x"}, nil, config{addr: ":8080", contentDir: "x", check: true, apiRateLimit: 10, hsts: true}, ""},
		{"environment", nil, map[string]string{"BASE_URL": "https://s.example", "EDIT_URL": "https://e.example/"}, config{addr: ":8080", baseURL: "https://s.example", editURL: "https://e.example/", apiRateLimit: 10, hsts: true}, ""},
		{"rate limit from the environment", nil, map[string]string{"API_RATE_LIMIT": "0"}, config{addr: ":8080", hsts: true}, ""},
		{"rate limit flag wins", []string{"-api-rate-limit", "2.5"}, map[string]string{"API_RATE_LIMIT": "0"}, config{addr: ":8080", apiRateLimit: 2.5, hsts: true}, ""},
		{"bad rate limit", nil, map[string]string{"API_RATE_LIMIT": "lots"}, config{}, `API_RATE_LIMIT="lots"`},
		{"trusted proxies", []string{"-trusted-proxies", "10.0.0.0/8, 192.168.1.0/24"}, nil, config{addr: ":8080", apiRateLimit: 10, hsts: true, trustedProxies: []*net.IPNet{cidr("10.0.0.0/8"), cidr("192.168.1.0/24")}}, ""},
		{"bad proxy", []string{"-trusted-proxies", "10.0.0.1"}, nil, config{}, `trusted proxy "10.0.0.1"`},
		{"healthcheck", []string{"healthcheck"}, map[string]string{"PORT": "9000"}, config{addr: ":9000", healthcheck: true, apiRateLimit: 10, hsts: true}, ""},
		{"stray argument", []string{"serve"}, nil, config{}, `unexpected argument "serve"`},
		{"unknown flag", []string{"-port", "1"}, nil, config{}, "flag provided but not defined: -port"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseConfig(tt.args, env(tt.env), io.Discard)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func cidr(s string) *net.IPNet {
	_, n, err := net.ParseCIDR(s)
	if err != nil {
		panic(err)
	}
	return n
}

// freeAddr returns a loopback address with a port nobody listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	return addr
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// copyContent copies the content folder for a test to edit.
func copyContent(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS("content")))
	return dir
}

// TestPreviewServer runs the real command in preview mode on a copy of the
// content, edits files while requests run (go test -race), and shuts down.
func TestPreviewServer(t *testing.T) {
	dir := copyContent(t)
	addr := freeAddr(t)
	base := "http://" + addr
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-dev", "-content", dir, "-addr", addr}, func(string) string { return "" }, io.Discard)
	}()
	require.Eventually(t, func() bool { code, _ := get(t, base+"/healthz"); return code == 200 }, 10*time.Second, 20*time.Millisecond)

	// Readers keep reading while the editor works.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if code, _ := get(t, base+"/serverless"); code != http.StatusOK {
					t.Errorf("GET /serverless = %d during edits", code)
					return
				}
			}
		}()
	}

	// An event stream is open, as in a browser tab.
	events, err := http.Get(base + "/_dev/events")
	require.NoError(t, err)
	defer events.Body.Close()

	page := filepath.Join(dir, "pages", "serverless.md")
	src, err := os.ReadFile(page)
	require.NoError(t, err)
	title := regexp.MustCompile(`(?m)^title: .*$`)
	require.NoError(t, os.WriteFile(page, title.ReplaceAll(src, []byte("title: Serverless, edited live")), 0o644))
	require.Eventually(t, func() bool {
		_, body := get(t, base+"/serverless")
		return strings.Contains(body, "<h1>Serverless, edited live</h1>")
	},
		10*time.Second, 50*time.Millisecond, "a saved edit shows without a restart")

	require.NoError(t, os.WriteFile(page, bytes.Replace(src, []byte("title:"), []byte("titel:"), 1), 0o644))
	require.Eventually(t, func() bool {
		_, body := get(t, base+"/faq")
		return strings.Contains(body, `unknown field &#34;titel&#34;`)
	},
		10*time.Second, 50*time.Millisecond, "a broken edit is shown with its file and line")
	_, body := get(t, base+"/serverless")
	assert.Contains(t, body, "<h1>Serverless, edited live</h1>", "while the last good site is served")

	require.NoError(t, os.WriteFile(page, src, 0o644))
	require.Eventually(t, func() bool { _, body := get(t, base+"/faq"); return !strings.Contains(body, "dev-errors") },
		10*time.Second, 50*time.Millisecond, "fixing the file clears the error")

	close(stop)
	wg.Wait()

	// Shutting down ends the event stream and returns cleanly.
	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not shut down within 10 seconds")
	}
	_, err = io.ReadAll(events.Body)
	assert.NoError(t, err, "the event stream ended cleanly")
}

func TestCheckCommand(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"check"}, func(string) string { return "" }, &out))
	assert.Contains(t, out.String(), "embedded content:")

	dir := copyContent(t)
	page := filepath.Join(dir, "pages", "hybrid.md")
	src, err := os.ReadFile(page)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(page, append(src, []byte("\nSee [nowhere](/nowhere).\n")...), 0o644))
	err = run(context.Background(), []string{"check", "-content", dir}, func(string) string { return "" }, &out)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "pages/hybrid.md:")
	assert.Contains(t, err.Error(), "link to /nowhere: no such page")
}
