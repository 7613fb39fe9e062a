// Command serverorless serves the Server or Less site: a guide to choosing
// between serverless functions, serverless containers, servers, or a split.
//
//	go run .                 serve the embedded content on :8080 (or $PORT)
//	go run . -content DIR    serve the content in DIR instead (SIGHUP reloads it)
//	go run . -dev            preview: serve ./content (or -content DIR) with drafts,
//	                         reload on every change and refresh open pages
//	go run . check           validate the content and exit non-zero on errors
//	go run . healthcheck     ask a running server's /healthz (for container health checks)
//	go run . loadtest        measure throughput and latency on loopback
//	go run . -h              every command and flag
//
// It reads its settings, loads the content, and hands both to package
// server; package server/loadtest is the loadtest command.
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
	"sync"
	"syscall"
	"time"

	"serverorless/content"
	"serverorless/server"
	"serverorless/server/loadtest"
	"serverorless/web"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// After the first signal, a second one ends the process at once.
	context.AfterFunc(ctx, stop)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stderr, listeners{})
	stop()
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// listeners are listeners already open, which the server uses instead of
// listening on -addr and -metrics-addr. Tests open them on port 0 and hand
// them over, so that no other process can take a port between a test
// choosing it and the server binding it. The command line hands none.
type listeners struct {
	site    net.Listener // given the connection caps, as one on -addr is
	metrics net.Listener // serves the metrics, even without -metrics-addr
}

// run carries out the command that args name, serving on lns where they
// are open. It returns flag.ErrHelp after printing the help that -h asked
// for.
func run(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer, lns listeners) error {
	cfg, err := parseConfig(args, getenv, stderr)
	if err != nil {
		return err
	}
	switch cfg.command {
	case "healthcheck":
		return healthcheck(cfg.addr)
	case "loadtest":
		if cfg.load.BareAddr != "" {
			return loadtest.ServeBare(ctx, cfg.load, stderr)
		}
		if cfg.load.Hold > 0 {
			return loadtest.Hold(ctx, cfg.load, stderr)
		}
	}
	var opts []web.Option
	if cfg.dev {
		opts = append(opts, web.WithDrafts())
	}
	load, source, err := contentLoader(cfg, opts)
	if err != nil {
		return err
	}
	switch cfg.command {
	case "check":
		return runCheck(load, source, stderr)
	case "loadtest":
		site, err := load()
		if err != nil {
			return fmt.Errorf("%s has errors:\n%w", source, err)
		}
		if cfg.load.Flood {
			return loadtest.Flood(ctx, site, cfg.load, stderr)
		}
		return loadtest.Run(ctx, site, cfg.load, stderr)
	}
	site, err := load()
	if err != nil {
		return fmt.Errorf("refusing to start: %s has errors:\n%w", source, err)
	}
	return serve(ctx, cfg, lns, site, load, source, stderr)
}

// contentLoader returns the function that loads the content to serve, and
// a name for the content in messages.
func contentLoader(cfg config, opts []web.Option) (func() (*web.Site, error), string, error) {
	if cfg.contentDir == "" {
		return func() (*web.Site, error) { return web.Load(content.FS(), opts...) }, "embedded content", nil
	}
	if _, err := web.DirFS(cfg.contentDir); err != nil {
		return nil, "", err // no such folder, or not a folder
	}
	dir := cfg.contentDir
	return func() (*web.Site, error) {
		// The folder is opened anew at each load, so that a reload after
		// the folder was replaced reads the new one.
		root, err := os.OpenRoot(dir)
		if err != nil {
			return nil, fmt.Errorf("content folder: %w", err)
		}
		defer root.Close()
		if err := irregularFiles(root); err != nil {
			return nil, err
		}
		return web.Load(regularFS{root}, opts...)
	}, dir, nil
}

// irregularFiles names every file in the content folder that is not a
// regular file or a folder: a symbolic link could make the site serve any
// file the process may read (its environment, a key), and a device or a
// pipe could make a load hang.
func irregularFiles(root *os.Root) error {
	var errs []error
	err := fs.WalkDir(root.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !d.Type().IsRegular() {
			errs = append(errs, notRegular(name, d.Type()))
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("content folder: %w", err)
	}
	return errors.Join(errs...)
}

func notRegular(name string, mode fs.FileMode) error {
	what := "not a regular file"
	if mode&fs.ModeSymlink != 0 {
		what = "a symbolic link"
	}
	return fmt.Errorf("%s: %s; the content folder takes regular files only (copy the file in instead)", name, what)
}

// regularFS reads the content folder through an os.Root, so that no path
// leads out of it, and opens regular files and folders only, even if one
// was replaced by a link after irregularFiles looked.
type regularFS struct{ root *os.Root }

func (r regularFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	info, err := r.root.Lstat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		return nil, notRegular(name, info.Mode())
	}
	return r.root.FS().Open(name)
}

// runCheck validates the content and reports every problem, and the
// warnings of content that loads.
func runCheck(load func() (*web.Site, error), source string, stderr io.Writer) error {
	site, err := load()
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

// serve runs the site until ctx ends, reloading the content on SIGHUP (and
// in preview mode on every change), then drains and shuts down.
func serve(ctx context.Context, cfg config, lns listeners, site *web.Site, load func() (*web.Site, error), source string, stderr io.Writer) error {
	logger, flushLog := server.NewLogger(stderr)
	defer flushLog()
	handler := server.New(site, server.Config{
		BaseURL:        cfg.baseURL,
		EditURL:        cfg.editURL,
		Dev:            cfg.dev,
		RateLimit:      cfg.rateLimit,
		TrustedProxies: cfg.trustedProxies,
		NoHSTS:         !cfg.hsts,
		Logger:         logger,
	})
	ln, asked, err := listenSite(handler, cfg.addr, lns.site)
	if err != nil {
		return err
	}
	var watcher *web.Watcher
	if cfg.dev {
		// Read the folder before serving: an edit made once the preview
		// answers must not be taken for its first state.
		watcher = web.NewWatcher(cfg.contentDir)
	}
	srv := handler.HTTPServer()
	srv.RegisterOnShutdown(handler.Shutdown)
	errc := make(chan error, 2)
	go func() { errc <- srv.Serve(ln) }()
	metricsAddr := cfg.metricsAddr
	if lns.metrics != nil || metricsAddr != "" {
		msrv, err := serveMetrics(metricsAddr, lns.metrics, handler, errc)
		if err != nil {
			_ = srv.Close()
			return err
		}
		defer msrv.Close()
		if lns.metrics != nil {
			metricsAddr = lns.metrics.Addr().String()
		}
	}
	logger.Info("serving on "+publicURL(ln.Addr().String(), asked), "content", source, "dev", cfg.dev, "metrics", metricsAddr)
	for _, w := range cfg.warnings {
		logger.Warn(w)
	}
	if cfg.baseURL == "" && !cfg.dev {
		logger.Warn("BASE_URL is not set: canonical links, link previews, the sitemap and the API's permalinks name the address a request came in on when its Host names it, and are relative otherwise (never the Host header itself); set BASE_URL to the public URL in production")
	}

	// Reloads wait for each other, so that an older load never replaces a
	// newer one.
	var reloading sync.Mutex
	reload := func() {
		reloading.Lock()
		defer reloading.Unlock()
		handler.Reloaded(load())
	}
	if watcher != nil {
		go watcher.Run(ctx, 300*time.Millisecond, reload)
	}
	if err := waitForSignals(ctx, cfg, reload, logger, errc); err != nil {
		return err
	}
	return drainAndStop(cfg, handler, srv, logger, errc)
}

// listenSite returns the site's listener with the connection caps: open,
// when one was handed in, or new on addr. It also returns the address that
// was asked for, from which the start-up line names the URL to open.
func listenSite(handler *server.Server, addr string, open net.Listener) (net.Listener, string, error) {
	if open != nil {
		return handler.CapListener(open), open.Addr().String(), nil
	}
	ln, err := handler.Listen(addr)
	return ln, addr, err
}

// serveMetrics serves the Prometheus metrics on a listener of their own:
// ln, when one was handed in, or a new one on addr.
func serveMetrics(addr string, ln net.Listener, handler *server.Server, errc chan<- error) (*http.Server, error) {
	if ln == nil {
		var err error
		if ln, err = net.Listen("tcp", addr); err != nil {
			return nil, fmt.Errorf("metrics listener: %w", err)
		}
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", handler.MetricsHandler())
	// The metrics listener is private, but a stuck or idle scraper must
	// not hold its connections for ever either.
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: time.Minute, MaxHeaderBytes: 16 << 10}
	go func() {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			errc <- fmt.Errorf("metrics listener: %w", err)
		}
	}()
	return srv, nil
}

// waitForSignals reloads the content on SIGHUP until ctx ends (SIGINT or
// SIGTERM), or returns the error of a listener that failed.
func waitForSignals(ctx context.Context, cfg config, reload func(), logger *slog.Logger, errc <-chan error) error {
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
		case <-ctx.Done():
			return nil
		}
	}
}

// drainAndStop tells load balancers to stop sending traffic (/readyz
// answers 503) while still serving for the drain period, then stops
// accepting connections and lets requests in flight finish, but not
// forever.
func drainAndStop(cfg config, handler *server.Server, srv *http.Server, logger *slog.Logger, errc <-chan error) error {
	handler.Drain()
	if cfg.drain > 0 {
		logger.Info("draining: /readyz answers 503; still serving", "for", cfg.drain.String())
		// Clients that reconnect may reach another instance.
		srv.SetKeepAlivesEnabled(false)
		select {
		case <-time.After(cfg.drain):
		case err := <-errc:
			return err
		}
	}
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

// publicURL is the address to open in a browser for a server listening on
// addr (as bound) after being asked for asked.
func publicURL(bound, asked string) string {
	_, port, err := net.SplitHostPort(bound)
	if err != nil {
		return "http://" + bound
	}
	var host string
	if askedHost, _, err := net.SplitHostPort(asked); err == nil && askedHost != "" && askedHost != "0.0.0.0" && askedHost != "::" {
		host = askedHost
	} else {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
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
