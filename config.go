package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"serverorless/server/loadtest"
)

// config is what the command line and the environment set.
type config struct {
	command        string // "" (serve), "check", "healthcheck" or "loadtest"
	addr           string
	metricsAddr    string
	contentDir     string
	baseURL        string
	editURL        string
	dev            bool
	rateLimit      float64
	trustedProxies []*net.IPNet
	hsts           bool
	drain          time.Duration
	load           loadtest.Options // for the loadtest command
	// warnings are settings that are allowed but risky, printed at start.
	warnings []string
}

// commands are what the first argument may name besides flags.
var commands = []struct{ name, usage string }{
	{"check", "validate the content (-content DIR for a folder) and exit non-zero listing every problem as file:line: message"},
	{"healthcheck", "ask the server on -addr (or $PORT) for /healthz and exit non-zero unless it answers (a container's HEALTHCHECK)"},
	{"loadtest", "measure the site's throughput and latency on loopback against a bare net/http handler (see -duration and the flags after it)"},
}

func isCommand(s string) bool {
	for _, c := range commands {
		if c.name == s {
			return true
		}
	}
	return false
}

// defaultRateLimit is the responses per second each client may have made
// for it unless API_RATE_LIMIT or -api-rate-limit says otherwise: generous
// for a person or a script, tight for a flood.
const defaultRateLimit = 10

// minRateLimit and maxRateLimit bound the rate limit. Below one answer
// every ten seconds a client would be told to wait for hours; above ten
// thousand a second the limit means nothing (the work pool bounds every
// client together long before).
const (
	minRateLimit = 0.1
	maxRateLimit = 10_000
)

// settings holds the flags' raw values, checked after parsing so that
// every bad value, from a flag or the environment, is named the same way.
type settings struct {
	addr, metricsAddr, baseURL, editURL, rateLimit, proxies, drain string
}

// newFlagSet defines every flag, with defaults from the environment.
func newFlagSet(cfg *config, raw *settings, getenv func(string) string, stderr io.Writer) *flag.FlagSet {
	fset := flag.NewFlagSet("serverorless", flag.ContinueOnError)
	fset.SetOutput(stderr)
	fset.StringVar(&raw.addr, "addr", "", "`host:port` to listen on (default :$PORT, else :8080)")
	fset.StringVar(&raw.metricsAddr, "metrics-addr", getenv("METRICS_ADDR"), "serve Prometheus metrics at /metrics on `host:port`, e.g. 127.0.0.1:9090, never the public one (default $METRICS_ADDR, else off)")
	fset.StringVar(&cfg.contentDir, "content", "", "serve content from the folder `DIR` instead of the embedded copy")
	fset.StringVar(&raw.baseURL, "base-url", getenv("BASE_URL"), "public `URL` of the site for canonical links, e.g. https://serverorless.example (default $BASE_URL)")
	fset.StringVar(&raw.editURL, "edit-url", getenv("EDIT_URL"), "`URL` that starts an \"edit this page\" link, to which a content file's path is appended (default $EDIT_URL)")
	fset.StringVar(&raw.rateLimit, "api-rate-limit", getenv("API_RATE_LIMIT"), "`N` new responses per second each client may ask for (API, advisor, cards, search, comparisons), 0 for no limit (default $API_RATE_LIMIT, else 10)")
	fset.StringVar(&raw.proxies, "trusted-proxies", getenv("TRUSTED_PROXIES"), "comma-separated networks (`CIDRs`) of proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (default $TRUSTED_PROXIES)")
	fset.BoolVar(&cfg.hsts, "hsts", true, "send Strict-Transport-Security on HTTPS requests (direct, or X-Forwarded-Proto: https from a trusted proxy)")
	fset.BoolVar(&cfg.dev, "dev", false, "preview mode: serve content from disk (./content unless -content is given) with drafts, and reload on every change")
	fset.StringVar(&raw.drain, "drain", "", "on SIGTERM, the `duration` for which /readyz answers 503 while requests are still served, before the listener closes (default 5s; 0 with -dev)")
	fset.Usage = func() { usage(fset, cfg.command) }
	return fset
}

// usage prints the commands and every flag once.
func usage(fset *flag.FlagSet, command string) {
	w := fset.Output()
	if command == "loadtest" {
		fmt.Fprintln(w, "Usage: serverorless loadtest [flags]")
		fmt.Fprintln(w, "\nLoads the site, served by this process on 127.0.0.1, and a bare net/http handler that sends the")
		fmt.Fprintln(w, "same responses, and prints throughput and latency for a content page, the advisor's page and")
		fmt.Fprintln(w, "fragment, and the API. With -bare-addr it only serves the bare handler, for another load generator.")
		fmt.Fprintln(w, "With -flood it measures a page already made alone and during a flood of new answers from several")
		fmt.Fprintln(w, "loopback addresses; with -hold N it holds N idle connections to the server at -target.")
	} else {
		fmt.Fprintln(w, "Usage: serverorless [command] [flags]")
		fmt.Fprintln(w, "\nServes the Server or Less site. Commands:")
		for _, c := range commands {
			fmt.Fprintf(w, "  %-12s %s\n", c.name, c.usage)
		}
	}
	fmt.Fprintln(w, "\nFlags:")
	fset.PrintDefaults()
}

// parseConfig reads the command and its flags, in either order ("check
// -content DIR" or "-content DIR check"), and checks every value.
func parseConfig(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	cfg := config{}
	var raw settings
	fset := newFlagSet(&cfg, &raw, getenv, stderr)
	if len(args) > 0 && isCommand(args[0]) {
		cfg.command, args = args[0], args[1:]
	}
	if cfg.command == "loadtest" {
		cfg.load.Register(fset)
	}
	if err := fset.Parse(args); err != nil {
		return cfg, err
	}
	if cfg.command == "" && fset.NArg() > 0 && isCommand(fset.Arg(0)) {
		cfg.command = fset.Arg(0)
		if cfg.command == "loadtest" {
			cfg.load.Register(fset)
		}
		if err := fset.Parse(fset.Args()[1:]); err != nil {
			return cfg, err
		}
	}
	if fset.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected argument %q; the commands are check, healthcheck and loadtest (-h for help)", fset.Arg(0))
	}
	set := map[string]bool{}
	fset.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if err := raw.apply(&cfg, set, getenv); err != nil {
		return cfg, err
	}
	if cfg.command == "loadtest" {
		if err := cfg.load.Check(); err != nil {
			return cfg, err
		}
	}
	if cfg.dev && cfg.contentDir == "" {
		cfg.contentDir = "content"
	}
	return cfg, nil
}

// apply checks the raw values and sets them in cfg. A bad value is named
// as the reader gave it: the flag if it was on the command line, else the
// environment variable.
func (raw settings) apply(cfg *config, set map[string]bool, getenv func(string) string) error {
	name := func(flagName, env string) string {
		if set[flagName] || env == "" {
			return "-" + flagName
		}
		return env
	}
	var errs []error
	var err error
	if cfg.addr, err = listenAddr(raw.addr, getenv("PORT"), set["addr"]); err != nil {
		errs = append(errs, err)
	}
	if raw.metricsAddr != "" {
		if _, err := checkAddr(raw.metricsAddr); err != nil {
			errs = append(errs, fmt.Errorf("%s=%q: %w", name("metrics-addr", "METRICS_ADDR"), raw.metricsAddr, err))
		} else if raw.metricsAddr == cfg.addr {
			errs = append(errs, fmt.Errorf("%s=%q: the metrics need an address of their own, not the site's", name("metrics-addr", "METRICS_ADDR"), raw.metricsAddr))
		} else if host, _, _ := net.SplitHostPort(raw.metricsAddr); host == "" || net.ParseIP(host) != nil && net.ParseIP(host).IsUnspecified() {
			cfg.warnings = append(cfg.warnings, fmt.Sprintf("%s=%q listens on every interface: anyone who reaches the port reads the metrics; prefer a private address such as 127.0.0.1:9090, or firewall the port", name("metrics-addr", "METRICS_ADDR"), raw.metricsAddr))
		}
		cfg.metricsAddr = raw.metricsAddr
	}
	if cfg.baseURL, err = siteURL(raw.baseURL, false); err != nil {
		errs = append(errs, fmt.Errorf("%s=%q: %w", name("base-url", "BASE_URL"), raw.baseURL, err))
	}
	if cfg.editURL, err = siteURL(raw.editURL, true); err != nil {
		errs = append(errs, fmt.Errorf("%s=%q: %w", name("edit-url", "EDIT_URL"), raw.editURL, err))
	}
	if cfg.rateLimit, err = rateLimit(raw.rateLimit); err != nil {
		errs = append(errs, fmt.Errorf("%s=%q: %w", name("api-rate-limit", "API_RATE_LIMIT"), raw.rateLimit, err))
	}
	if cfg.trustedProxies, err = networks(raw.proxies); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", name("trusted-proxies", "TRUSTED_PROXIES"), err))
	}
	for _, n := range cfg.trustedProxies {
		if ones, _ := n.Mask.Size(); ones == 0 {
			cfg.warnings = append(cfg.warnings, fmt.Sprintf("%s trusts %s, every address: any client may name itself in X-Forwarded-For, and so escape every per-client limit; list only your proxies' networks", name("trusted-proxies", "TRUSTED_PROXIES"), n))
		}
	}
	if cfg.drain, err = drainTime(raw.drain, cfg.dev); err != nil {
		errs = append(errs, fmt.Errorf("-drain=%q: %w", raw.drain, err))
	}
	return errors.Join(errs...)
}

// listenAddr returns the address to listen on: -addr, else :$PORT, else
// :8080.
func listenAddr(addr, port string, fromFlag bool) (string, error) {
	if fromFlag {
		if _, err := checkAddr(addr); err != nil {
			return "", fmt.Errorf("-addr=%q: %w", addr, err)
		}
		return addr, nil
	}
	if port == "" {
		return ":8080", nil
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		return "", fmt.Errorf("PORT=%q: want a port number from 1 to 65535", port)
	}
	return ":" + port, nil
}

// checkAddr checks a host:port address to listen on.
func checkAddr(addr string) (string, error) {
	_, port, err := net.SplitHostPort(addr)
	if n, perr := strconv.Atoi(port); err != nil || perr != nil || n < 0 || n > 65535 {
		return "", errors.New("want host:port with a port from 0 to 65535, e.g. :8080 or 127.0.0.1:9090")
	}
	return addr, nil
}

// siteURL checks an http or https URL. The base URL is a scheme and host
// only; the edit URL may have a path, to which file names are appended.
func siteURL(raw string, withPath bool) (string, error) {
	if raw == "" {
		return "", nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", errors.New("want an http or https URL such as https://serverorless.example")
	}
	if !withPath {
		if u.Path != "" && u.Path != "/" {
			return "", errors.New("want the scheme and host only, such as https://serverorless.example: the site is served at the root")
		}
		return strings.TrimSuffix(raw, "/"), nil
	}
	return raw, nil
}

// rateLimit parses a rate limit: 0 (off), or a plain decimal number from
// minRateLimit to maxRateLimit. Exponents, signs and hexadecimal are
// refused: "-0" would silently turn the limit off, and "1e-300" would allow
// one answer per client for the life of the process.
func rateLimit(raw string) (float64, error) {
	if raw == "" {
		return defaultRateLimit, nil
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || strings.Trim(raw, "0123456789.") != "" || v != 0 && (v < minRateLimit || v > maxRateLimit) {
		return 0, fmt.Errorf("want new responses per second per client: 0 to turn the limit off, or a number from %g to %d, such as 10", minRateLimit, maxRateLimit)
	}
	return v, nil
}

// networks parses comma-separated CIDR networks.
func networks(raw string) ([]*net.IPNet, error) {
	var out []*net.IPNet
	for p := range strings.SplitSeq(raw, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		_, n, err := net.ParseCIDR(p)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q: want a network such as 10.0.0.0/8", p)
		}
		out = append(out, n)
	}
	return out, nil
}

// drainTime parses the drain period: 0 to 5 minutes, 5 seconds unless
// said otherwise (none in preview mode, where nothing balances the load).
func drainTime(raw string, dev bool) (time.Duration, error) {
	if raw == "" {
		if dev {
			return 0, nil
		}
		return 5 * time.Second, nil
	}
	d, err := time.ParseDuration(raw)
	if err != nil || d < 0 || d > 5*time.Minute {
		return 0, errors.New("want a duration from 0s to 5m, such as 5s")
	}
	return d, nil
}
