// Command serverorless serves the Server or Less site: a guide to choosing
// between serverless, traditional servers, or both.
//
//	go run .                 serve the embedded content on :8080 (or $PORT)
//	go run . -content DIR    serve the content in DIR instead (SIGHUP reloads it)
//	go run . -dev            preview: serve ./content (or -content DIR) with drafts,
//	                         reload on every change and refresh open pages
//	go run . check           validate the content and exit non-zero on errors
//	go run . healthcheck     ask a running server's /healthz (for container health checks)
//	go run . loadtest        measure throughput and latency on loopback
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"serverorless/content"
	"serverorless/server"
	"serverorless/web"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// config is what the command line and the environment set.
type config struct {
	addr           string
	contentDir     string
	baseURL        string
	editURL        string
	dev            bool
	check          bool
	healthcheck    bool
	apiRateLimit   float64
	trustedProxies []*net.IPNet
	hsts           bool
}

// defaultAPIRateLimit is the API's requests per second per client unless
// API_RATE_LIMIT or -api-rate-limit says otherwise: generous for a person or
// a script, tight for a flood.
const defaultAPIRateLimit = 10

func parseConfig(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	var cfg config
	if len(args) > 0 && (args[0] == "check" || args[0] == "healthcheck") {
		cfg.check, cfg.healthcheck = args[0] == "check", args[0] == "healthcheck"
		args = args[1:]
	}
	defaultAddr := ":8080"
	if port := getenv("PORT"); port != "" {
		defaultAddr = ":" + port
	}
	fset := flag.NewFlagSet("serverorless", flag.ContinueOnError)
	fset.SetOutput(stderr)
	fset.StringVar(&cfg.addr, "addr", defaultAddr, "address to listen on (default from $PORT, else :8080)")
	fset.StringVar(&cfg.contentDir, "content", "", "serve content from this folder instead of the embedded copy")
	fset.StringVar(&cfg.baseURL, "base-url", getenv("BASE_URL"), "public URL of the site for canonical links, e.g. https://example.com (default $BASE_URL, else taken from each request)")
	fset.StringVar(&cfg.editURL, "edit-url", getenv("EDIT_URL"), "start of an \"edit this page\" link, to which a content file's path is appended (default $EDIT_URL)")
	rateLimit := float64(defaultAPIRateLimit)
	if v := getenv("API_RATE_LIMIT"); v != "" {
		var err error
		if rateLimit, err = strconv.ParseFloat(v, 64); err != nil || rateLimit < 0 {
			return cfg, fmt.Errorf("API_RATE_LIMIT=%q: want requests per second per client, a number >= 0 (0 turns the limit off)", v)
		}
	}
	fset.Float64Var(&cfg.apiRateLimit, "api-rate-limit", rateLimit, "API requests per second per client, 0 for no limit (default $API_RATE_LIMIT, else 10)")
	proxies := fset.String("trusted-proxies", getenv("TRUSTED_PROXIES"), "comma-separated networks (CIDR) of proxies whose X-Forwarded-For names the client (default $TRUSTED_PROXIES)")
	fset.BoolVar(&cfg.hsts, "hsts", true, "send Strict-Transport-Security on HTTPS requests (direct, or X-Forwarded-Proto: https)")
	fset.BoolVar(&cfg.dev, "dev", false, "preview mode: serve content from disk (./content unless -content is given) with drafts, and reload on every change")
	if err := fset.Parse(args); err != nil {
		return cfg, err
	}
	if fset.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected argument %q; the only command is \"check\"", fset.Arg(0))
	}
	if cfg.apiRateLimit < 0 {
		return cfg, fmt.Errorf("-api-rate-limit %v: want a number >= 0", cfg.apiRateLimit)
	}
	for _, p := range strings.Split(*proxies, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		_, n, err := net.ParseCIDR(p)
		if err != nil {
			return cfg, fmt.Errorf("trusted proxy %q: want a network such as 10.0.0.0/8", p)
		}
		cfg.trustedProxies = append(cfg.trustedProxies, n)
	}
	if cfg.dev && cfg.contentDir == "" {
		cfg.contentDir = "content"
	}
	return cfg, nil
}

func run(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "loadtest" {
		site, err := web.Load(content.FS())
		if err != nil {
			return err
		}
		return server.LoadTest(ctx, site, args[1:], stderr)
	}
	cfg, err := parseConfig(args, getenv, stderr)
	if err != nil {
		return err
	}
	if cfg.healthcheck {
		return healthcheck(cfg.addr)
	}
	var fsys fs.FS = content.FS()
	source := "embedded content"
	if cfg.contentDir != "" {
		if fsys, err = web.DirFS(cfg.contentDir); err != nil {
			return err
		}
		source = cfg.contentDir
	}
	var opts []web.Option
	if cfg.dev {
		opts = append(opts, web.WithDrafts())
	}
	load := func() (*web.Site, error) { return web.Load(fsys, opts...) }
	site, err := load()
	if cfg.check {
		if site != nil {
			for _, w := range site.Warnings(time.Now()) {
				fmt.Fprintf(stderr, "warning: %s\n", w)
			}
		}
		if err != nil {
			return fmt.Errorf("%s has errors:\n%w", source, err)
		}
		fmt.Fprintf(stderr, "%s: %d pages, no errors\n", source, len(site.All()))
		return nil
	}
	if err != nil {
		return fmt.Errorf("refusing to start: %s has errors:\n%w", source, err)
	}

	logger := slog.New(slog.NewJSONHandler(stderr, nil))
	handler := server.New(site, server.Config{
		BaseURL:        cfg.baseURL,
		EditURL:        cfg.editURL,
		Dev:            cfg.dev,
		APIRateLimit:   cfg.apiRateLimit,
		TrustedProxies: cfg.trustedProxies,
		NoHSTS:         !cfg.hsts,
		Logger:         logger,
	})
	srv := &http.Server{
		Addr:              cfg.addr,
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	srv.RegisterOnShutdown(handler.Shutdown)
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	logger.Info("serving", "addr", cfg.addr, "content", source, "dev", cfg.dev)

	reload := func() { handler.Reloaded(load()) }
	if cfg.dev {
		go web.Watch(ctx, cfg.contentDir, 300*time.Millisecond, reload)
	}
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	for {
		select {
		case err := <-errc:
			return err
		case <-hup:
			if cfg.contentDir == "" {
				logger.Info("SIGHUP: the embedded content cannot change; nothing to reload")
				continue
			}
			reload()
			continue
		case <-ctx.Done():
		}
		break
	}
	// Let requests in flight finish, but not forever.
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// healthcheck asks the server listening on addr whether it is alive. A
// container image without a shell or curl runs it as its HEALTHCHECK.
func healthcheck(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("healthcheck: address %q: %w", addr, err)
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	client := &http.Client{Timeout: 2 * time.Second}
	resp, err := client.Get("http://" + net.JoinHostPort(host, port) + "/healthz")
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: /healthz answered %s", resp.Status)
	}
	return nil
}
