// Command serverorless serves the Server or Less site: a guide to choosing
// between serverless, traditional servers, or both.
//
//	go run .                 serve the embedded content on :8080 (or $PORT)
//	go run . -content DIR    serve the content in DIR instead (SIGHUP reloads it)
//	go run . -dev            preview: serve ./content (or -content DIR) with drafts,
//	                         reload on every change and refresh open pages
//	go run . check           validate the content and exit non-zero on errors
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
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
	addr       string
	contentDir string
	baseURL    string
	editURL    string
	dev        bool
	check      bool
}

func parseConfig(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	var cfg config
	if len(args) > 0 && args[0] == "check" {
		cfg.check = true
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
	fset.BoolVar(&cfg.dev, "dev", false, "preview mode: serve content from disk (./content unless -content is given) with drafts, and reload on every change")
	if err := fset.Parse(args); err != nil {
		return cfg, err
	}
	if fset.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected argument %q; the only command is \"check\"", fset.Arg(0))
	}
	if cfg.dev && cfg.contentDir == "" {
		cfg.contentDir = "content"
	}
	return cfg, nil
}

func run(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	cfg, err := parseConfig(args, getenv, stderr)
	if err != nil {
		return err
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
	handler := server.New(site, server.Config{BaseURL: cfg.baseURL, EditURL: cfg.editURL, Dev: cfg.dev, Logger: logger})
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
