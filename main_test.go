package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseConfig(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	// base is the configuration without any flag or variable.
	base := func(change func(*config)) config {
		c := config{addr: ":8080", rateLimit: 10, hsts: true, drain: 5 * time.Second}
		if change != nil {
			change(&c)
		}
		return c
	}
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		want    config
		wantErr string
	}{
		{"defaults", nil, nil, base(nil), ""},
		{"PORT, as container platforms set it", nil, map[string]string{"PORT": "9000"}, base(func(c *config) { c.addr = ":9000" }), ""},
		{"-addr wins over PORT", []string{"-addr", "127.0.0.1:7000"}, map[string]string{"PORT": "9000"}, base(func(c *config) { c.addr = "127.0.0.1:7000" }), ""},
		{"content folder", []string{"-content", "site"}, nil, base(func(c *config) { c.contentDir = "site" }), ""},
		{"preview serves ./content and does not drain", []string{"-dev"}, nil, base(func(c *config) { c.contentDir, c.dev, c.drain = "content", true, 0 }), ""},
		{"check, then flags", []string{"check", "-content", "x"}, nil, base(func(c *config) { c.contentDir, c.command = "x", "check" }), ""},
		{"flags, then check", []string{"-content", "x", "check"}, nil, base(func(c *config) { c.contentDir, c.command = "x", "check" }), ""},
		{"environment", nil, map[string]string{"BASE_URL": "https://s.example/", "EDIT_URL": "https://e.example/edit/"}, base(func(c *config) { c.baseURL, c.editURL = "https://s.example", "https://e.example/edit/" }), ""},
		{"rate limit from the environment", nil, map[string]string{"API_RATE_LIMIT": "0"}, base(func(c *config) { c.rateLimit = 0 }), ""},
		{"rate limit flag wins", []string{"-api-rate-limit", "2.5"}, map[string]string{"API_RATE_LIMIT": "0"}, base(func(c *config) { c.rateLimit = 2.5 }), ""},
		{"metrics listener", nil, map[string]string{"METRICS_ADDR": "127.0.0.1:9090"}, base(func(c *config) { c.metricsAddr = "127.0.0.1:9090" }), ""},
		{"drain", []string{"-drain", "0"}, nil, base(func(c *config) { c.drain = 0 }), ""},
		{"trusted proxies", []string{"-trusted-proxies", "10.0.0.0/8, 192.168.1.0/24"}, nil, base(func(c *config) { c.trustedProxies = []*net.IPNet{cidr("10.0.0.0/8"), cidr("192.168.1.0/24")} }), ""},
		{"healthcheck", []string{"healthcheck"}, map[string]string{"PORT": "9000"}, base(func(c *config) { c.addr, c.command = ":9000", "healthcheck" }), ""},
		{"bad rate limit", nil, map[string]string{"API_RATE_LIMIT": "lots"}, config{}, `API_RATE_LIMIT="lots": want new responses per second per client: 0 to turn the limit off, or a number from 0.1 to 10000`},
		{"a rate too small to wait for", nil, map[string]string{"API_RATE_LIMIT": "1e-300"}, config{}, `API_RATE_LIMIT="1e-300": want new responses per second per client`},
		{"a rate of one a year", nil, map[string]string{"API_RATE_LIMIT": "0.0000001"}, config{}, `API_RATE_LIMIT="0.0000001": want new responses per second per client`},
		{"negative zero is not off", nil, map[string]string{"API_RATE_LIMIT": "-0"}, config{}, `API_RATE_LIMIT="-0": want new responses per second per client`},
		{"hexadecimal", nil, map[string]string{"API_RATE_LIMIT": "0x10"}, config{}, `API_RATE_LIMIT="0x10"`},
		{"a rate beyond meaning", nil, map[string]string{"API_RATE_LIMIT": "20000"}, config{}, `API_RATE_LIMIT="20000"`},
		{"the smallest rate", nil, map[string]string{"API_RATE_LIMIT": "0.1"}, base(func(c *config) { c.rateLimit = 0.1 }), ""},
		{"trusting every proxy warns", nil, map[string]string{"TRUSTED_PROXIES": "0.0.0.0/0"}, base(func(c *config) {
			c.trustedProxies = []*net.IPNet{cidr("0.0.0.0/0")}
			c.warnings = []string{"TRUSTED_PROXIES trusts 0.0.0.0/0, every address: any client may name itself in X-Forwarded-For, and so escape every per-client limit; list only your proxies' networks"}
		}), ""},
		{"metrics on every interface warn", nil, map[string]string{"METRICS_ADDR": ":9090"}, base(func(c *config) {
			c.metricsAddr = ":9090"
			c.warnings = []string{`METRICS_ADDR=":9090" listens on every interface: anyone who reaches the port reads the metrics; prefer a private address such as 127.0.0.1:9090, or firewall the port`}
		}), ""},
		{"metrics on 0.0.0.0 warn too", []string{"-metrics-addr", "0.0.0.0:9090"}, nil, base(func(c *config) {
			c.metricsAddr = "0.0.0.0:9090"
			c.warnings = []string{`-metrics-addr="0.0.0.0:9090" listens on every interface: anyone who reaches the port reads the metrics; prefer a private address such as 127.0.0.1:9090, or firewall the port`}
		}), ""},
		{"NaN is no rate limit", nil, map[string]string{"API_RATE_LIMIT": "NaN"}, config{}, `API_RATE_LIMIT="NaN"`},
		{"infinite rate limit", []string{"-api-rate-limit", "+Inf"}, nil, config{}, `-api-rate-limit="+Inf"`},
		{"negative rate limit", nil, map[string]string{"API_RATE_LIMIT": "-1"}, config{}, `API_RATE_LIMIT="-1"`},
		{"bad port", nil, map[string]string{"PORT": "80808"}, config{}, `PORT="80808": want a port number from 1 to 65535`},
		{"bad address", []string{"-addr", "localhost"}, nil, config{}, `-addr="localhost": want host:port`},
		{"bad metrics address", nil, map[string]string{"METRICS_ADDR": "9090"}, config{}, `METRICS_ADDR="9090": want host:port`},
		{"metrics on the site's address", []string{"-addr", ":9000", "-metrics-addr", ":9000"}, nil, config{}, `-metrics-addr=":9000": the metrics need an address of their own`},
		{"base URL with a path", nil, map[string]string{"BASE_URL": "https://s.example/guide"}, config{}, `BASE_URL="https://s.example/guide": want the scheme and host only`},
		{"base URL without a scheme", []string{"-base-url", "s.example"}, nil, config{}, `-base-url="s.example": want an http or https URL`},
		{"bad edit URL", nil, map[string]string{"EDIT_URL": "ftp://e.example/"}, config{}, `EDIT_URL="ftp://e.example/"`},
		{"bad drain", []string{"-drain", "forever"}, nil, config{}, `-drain="forever": want a duration from 0s to 5m`},
		{"bad proxy", []string{"-trusted-proxies", "10.0.0.1"}, nil, config{}, `trusted proxy "10.0.0.1"`},
		{"stray argument", []string{"serve"}, nil, config{}, `unexpected argument "serve"`},
		{"unknown flag", []string{"-port", "1"}, nil, config{}, "flag provided but not defined: -port"},
		{"loadtest's flags only after loadtest", []string{"-duration", "1s"}, nil, config{}, "flag provided but not defined: -duration"},
		{"bad loadtest setting", []string{"loadtest", "-connections", "0"}, nil, config{}, "-connections 0: want 1 to 512"},
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

func TestLoadtestConfig(t *testing.T) {
	for _, args := range [][]string{
		{"loadtest", "-content", "x", "-duration", "2s"},
		{"-content", "x", "loadtest", "-duration", "2s"},
	} {
		cfg, err := parseConfig(args, func(string) string { return "" }, io.Discard)
		require.NoError(t, err, "%q", args)
		assert.Equal(t, "loadtest", cfg.command)
		assert.Equal(t, "x", cfg.contentDir, "%q: the content flag counts for the load test", args)
		assert.Equal(t, 2*time.Second, cfg.load.Duration)
	}
}

// TestHelp: -h exits cleanly (main treats flag.ErrHelp as success) and
// lists every command and every flag once.
func TestHelp(t *testing.T) {
	var out bytes.Buffer
	err := run(context.Background(), []string{"-h"}, func(string) string { return "" }, &out, listeners{})
	require.ErrorIs(t, err, flag.ErrHelp)
	help := out.String()
	for _, cmd := range []string{"check", "healthcheck", "loadtest"} {
		assert.Regexp(t, `(?m)^  `+cmd+` `, help, "the command %s is listed", cmd)
	}
	for _, f := range []string{"addr", "metrics-addr", "content", "base-url", "edit-url", "api-rate-limit", "trusted-proxies", "hsts", "dev", "drain"} {
		assert.Equal(t, 1, strings.Count(help, "  -"+f+" ")+strings.Count(help, "  -"+f+"\n"), "-%s is listed once in\n%s", f, help)
	}

	out.Reset()
	err = run(context.Background(), []string{"loadtest", "-h"}, func(string) string { return "" }, &out, listeners{})
	require.ErrorIs(t, err, flag.ErrHelp)
	assert.Contains(t, out.String(), "Usage: serverorless loadtest")
	assert.Contains(t, out.String(), "-connections")
}

func cidr(s string) *net.IPNet {
	_, n, err := net.ParseCIDR(s)
	if err != nil {
		panic(err)
	}
	return n
}

// listen opens a listener on a loopback port the system chooses, for the
// test to hand to run: a port chosen, closed and bound again could be taken
// by another process in between. The server closes it on shutdown; the
// cleanup closes it when the server never started.
func listen(t testing.TB) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { _ = ln.Close() })
	return ln
}

func get(t testing.TB, url string) (int, string) {
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
func copyContent(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS("content")))
	return dir
}

// TestPreviewServer runs the real command in preview mode on a copy of the
// content, edits files while requests run (go test -race), and shuts down.
// It runs in parallel with TestServeMetricsAndDrain: each has listeners of
// its own, and most of their time is spent waiting, for the watcher's
// pause or the drain.
func TestPreviewServer(t *testing.T) {
	t.Parallel()
	dir := copyContent(t)
	ln := listen(t)
	base := "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-dev", "-content", dir}, func(string) string { return "" }, io.Discard, listeners{site: ln})
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
	// A connection the readers' client dialled and never used would hold
	// Shutdown for 5 s, the time net/http gives it to send a request.
	http.DefaultClient.CloseIdleConnections()

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
	require.NoError(t, run(context.Background(), []string{"check"}, func(string) string { return "" }, &out, listeners{}))
	assert.Contains(t, out.String(), "embedded content:")

	dir := copyContent(t)
	page := filepath.Join(dir, "pages", "hybrid.md")
	src, err := os.ReadFile(page)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(page, append(src, []byte("\nSee [nowhere](/nowhere).\n")...), 0o644))
	var outputs []string
	for _, args := range [][]string{{"check", "-content", dir}, {"-content", dir, "check"}} {
		err = run(context.Background(), args, func(string) string { return "" }, &out, listeners{})
		require.Error(t, err, "%q", args)
		assert.Regexp(t, `pages/hybrid\.md:\d+: link to /nowhere: no such page`, err.Error(), "%q", args)
		outputs = append(outputs, err.Error())
	}
	assert.Equal(t, outputs[0], outputs[1], "either order, the same check")
}

// TestContentFolderLinks: a symbolic link or another file that is not
// regular in -content is refused by check, naming it, and is never served.
func TestContentFolderLinks(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret.txt")
	require.NoError(t, os.WriteFile(secret, []byte("SECRET=1"), 0o600))
	for _, tt := range []struct {
		name, file, want string
		make             func(path string) error
	}{
		{"a link out of the folder", "images/env.txt", "images/env.txt: a symbolic link", func(p string) error { return os.Symlink("/proc/self/environ", p) }},
		{"a link to a file outside", "pages/secret.md", "pages/secret.md: a symbolic link", func(p string) error { return os.Symlink(secret, p) }},
		{"a link inside the folder", "images/again.svg", "images/again.svg: a symbolic link", func(p string) error { return os.Symlink("hybrid-split.svg", p) }},
		{"a pipe", "images/pipe.svg", "images/pipe.svg: not a regular file", func(p string) error { return syscall.Mkfifo(p, 0o600) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyContent(t)
			require.NoError(t, tt.make(filepath.Join(dir, tt.file)))
			err := run(context.Background(), []string{"check", "-content", dir}, func(string) string { return "" }, io.Discard, listeners{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), "\n"+tt.want+"; the content folder takes regular files only")
			// Were the server to start, the ended context would stop it
			// at once and run would return no error.
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			err = run(ctx, []string{"-content", dir, "-drain", "0"}, func(string) string { return "" }, io.Discard, listeners{site: listen(t)})
			require.Error(t, err, "the server refuses to start")
			assert.Contains(t, err.Error(), tt.want)
		})
	}

	// A link made after the check is still not followed.
	dir := copyContent(t)
	root, err := os.OpenRoot(dir)
	require.NoError(t, err)
	defer root.Close()
	require.NoError(t, os.Symlink("/proc/self/environ", filepath.Join(dir, "images", "late.txt")))
	_, err = fs.ReadFile(regularFS{root}, "images/late.txt")
	assert.ErrorContains(t, err, "images/late.txt: a symbolic link")
	_, err = fs.ReadFile(regularFS{root}, "../secret.txt")
	assert.Error(t, err)
}

// syncBuffer is a bytes.Buffer that the server's log writer and the test
// may use at the same time.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestServeMetricsAndDrain runs the command for real: it names its URL,
// serves metrics on their own listener only, and on shutdown drains (so a
// load balancer sees /readyz fail while pages still work) before it stops.
func TestServeMetricsAndDrain(t *testing.T) {
	t.Parallel()
	ln, mln := listen(t), listen(t)
	addr, metricsAddr := ln.Addr().String(), mln.Addr().String()
	base := "http://" + addr
	var logs syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-drain", "500ms"}, func(k string) string {
			return map[string]string{"BASE_URL": "https://serverorless.test"}[k]
		}, &logs, listeners{site: ln, metrics: mln})
	}()
	require.Eventually(t, func() bool { code, _ := get(t, base+"/readyz"); return code == 200 }, 10*time.Second, 20*time.Millisecond)
	require.Eventually(t, func() bool { return strings.Contains(logs.String(), `"msg":"serving on http://`+addr) }, 5*time.Second, 20*time.Millisecond,
		"the start-up line names the URL to open: %s", logs.String())

	code, _ := get(t, base+"/metrics")
	assert.Equal(t, http.StatusNotFound, code, "no metrics on the public port")
	code, metrics := get(t, "http://"+metricsAddr+"/metrics")
	require.Equal(t, http.StatusOK, code)
	assert.Contains(t, metrics, `http_requests_total{method="GET",route="/readyz",status="200"}`)
	assert.Contains(t, metrics, "go_goroutines ")

	cancel()
	require.Eventually(t, func() bool { code, _ := get(t, base+"/readyz"); return code == http.StatusServiceUnavailable }, 2*time.Second, 10*time.Millisecond,
		"draining: /readyz fails at once")
	code, _ = get(t, base+"/serverless")
	assert.Equal(t, http.StatusOK, code, "while pages are still served")
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not stop after draining")
	}
	code, _ = get(t, base+"/serverless")
	assert.Zero(t, code, "stopped after the drain")
	assert.Contains(t, logs.String(), `"msg":"shutting down"`)
}

// TestRefuseBadSettings: a bad setting stops the command before it
// listens, naming the setting and what it accepts.
func TestRefuseBadSettings(t *testing.T) {
	for _, v := range []string{"NaN", "1e-300", "0.0000001", "-0"} {
		err := run(context.Background(), nil, func(k string) string { return map[string]string{"API_RATE_LIMIT": v}[k] }, io.Discard, listeners{})
		require.Error(t, err, v)
		assert.Contains(t, err.Error(), `API_RATE_LIMIT="`+v+`": want new responses per second per client: 0 to turn the limit off, or a number from 0.1 to 10000`)
	}
}
