// Package loadtest measures the site's throughput and latency on loopback
// against a bare net/http handler that sends the same responses, the
// practical limit of the machine. It is the "loadtest" command; nothing in
// the site imports it. It sends traffic nowhere but 127.0.0.1, and every
// run is bounded in time and connections.
package loadtest

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"sync"
	"text/tabwriter"
	"time"

	"serverorless/server"
	"serverorless/web"
)

// Scenario is one kind of request the load test sends.
type Scenario struct {
	Name    string
	Path    string
	Headers map[string]string
}

const query = "stage=scaleup&traffic=spiky&requests=20000000&jobs=hours&realtime=some"

// Scenarios are the requests measured: a content page, the advisor as a
// page and as the htmx fragment, and the API.
var Scenarios = []Scenario{
	{"content page", "/serverless", nil},
	{"recommendation page", "/recommend?" + query, nil},
	{"recommendation fragment", "/recommend?" + query, map[string]string{"HX-Request": "true", "HX-Target": "result"}},
	{"API", "/api/recommendation?" + query, nil},
}

// Options are the load test's settings.
type Options struct {
	Duration    time.Duration
	Connections int
	Soak        time.Duration
	// BareAddr, with BareFrom, turns the command into the bare handler
	// alone: it records the responses of the site at BareFrom and serves
	// them on BareAddr, for measuring with another load generator.
	BareAddr, BareFrom string
	// Flood, instead of the table, measures a page already made while
	// FloodClients clients ask for FloodRate new answers a second each,
	// each hanging up after FloodHangup (see Flood).
	Flood        bool
	FloodClients int
	FloodRate    float64
	FloodHangup  time.Duration
	// Hold, with Target, opens Hold idle connections to the server at
	// Target and times a new client (see Hold).
	Hold   int
	Target string
}

// Register defines the load test's flags on fset.
func (o *Options) Register(fset *flag.FlagSet) {
	fset.DurationVar(&o.Duration, "duration", 5*time.Second, "loadtest: how long to load each server with each kind of request (at most 2m)")
	fset.IntVar(&o.Connections, "connections", 64, "loadtest: concurrent connections (1 to 512)")
	fset.DurationVar(&o.Soak, "soak", 0, "loadtest: afterwards, load the recommendation page this long and report memory (at most 30m)")
	fset.StringVar(&o.BareAddr, "bare-addr", "", "loadtest: only serve the bare handler on `host:port`, with the responses of the site at -bare-from")
	fset.BoolVar(&o.Flood, "flood", false, "loadtest: measure a page already made alone and during a flood of new answers from several loopback addresses, and the processor time after it")
	fset.IntVar(&o.FloodClients, "flood-clients", 10, "loadtest: with -flood, clients, each on an address of its own from 127.0.0.11 (1 to 200)")
	fset.Float64Var(&o.FloodRate, "flood-rate", 9, "loadtest: with -flood, new answers a second from each client (0.1 to 1000)")
	fset.DurationVar(&o.FloodHangup, "flood-hangup", 500*time.Millisecond, "loadtest: with -flood, how long a client waits for an answer before it hangs up")
	fset.IntVar(&o.Hold, "hold", 0, "loadtest: hold `N` idle connections from 64 loopback addresses to the server at -target (another process), then time a new client")
	fset.StringVar(&o.Target, "target", "", "loadtest: with -hold, the server's `URL` on loopback, e.g. http://127.0.0.1:8080")
	fset.StringVar(&o.BareFrom, "bare-from", "", "loadtest: the site (its `URL`) whose responses the bare handler sends, e.g. http://127.0.0.1:8080")
}

// Check reports settings out of range.
func (o *Options) Check() error {
	if o.Connections < 1 || o.Connections > 512 {
		return fmt.Errorf("-connections %d: want 1 to 512", o.Connections)
	}
	if o.Duration <= 0 || o.Duration > 2*time.Minute {
		return fmt.Errorf("-duration %s: want more than 0 and at most 2m", o.Duration)
	}
	if o.Soak < 0 || o.Soak > 30*time.Minute {
		return fmt.Errorf("-soak %s: want 0 to 30m", o.Soak)
	}
	if o.Flood {
		if err := o.checkFlood(); err != nil {
			return err
		}
	}
	if o.Hold < 0 || o.Hold > 20000 || (o.Hold > 0) != (o.Target != "") {
		return fmt.Errorf("-hold %d: want 1 to 20000 connections, with -target", o.Hold)
	}
	if (o.BareAddr == "") != (o.BareFrom == "") {
		return errors.New("-bare-addr and -bare-from go together")
	}
	return nil
}

// checkFlood reports flood settings out of range.
func (o *Options) checkFlood() error {
	switch {
	case o.FloodClients < 1 || o.FloodClients > 200:
		return fmt.Errorf("-flood-clients %d: want 1 to 200", o.FloodClients)
	case !(o.FloodRate >= 0.1 && o.FloodRate <= 1000):
		return fmt.Errorf("-flood-rate %g: want 0.1 to 1000", o.FloodRate)
	case o.FloodHangup <= 0 || o.FloodHangup > time.Minute:
		return fmt.Errorf("-flood-hangup %s: want more than 0 and at most 1m", o.FloodHangup)
	}
	return nil
}

// result is what one run measured.
type result struct {
	requests, errors int
	firstError       string
	rps              float64
	latency          histogram
}

// Run loads the site, served by this process on loopback, and beside it
// the bare handler, with each scenario in turn, and writes a table to out.
func Run(ctx context.Context, site *web.Site, o Options, out io.Writer) error {
	ours, err := serveLoopback(server.New(site, server.Config{BaseURL: "http://127.0.0.1", Logger: slog.New(slog.DiscardHandler)}))
	if err != nil {
		return err
	}
	defer ours.Close()
	client := newClient(o.Connections)
	responses, err := record(client, "http://"+ours.addr)
	if err != nil {
		return err
	}
	bare, err := serveLoopback(bareHandler(responses))
	if err != nil {
		return err
	}
	defer bare.Close()

	fmt.Fprintf(out, "load test: %d connections, %s per run, GOMAXPROCS %d, %s\n\n", o.Connections, o.Duration, runtime.GOMAXPROCS(0), runtime.Version())
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "request\tsite req/s\tbare req/s\tratio\tsite p50\tsite p99\tbare p50\tbare p99\terrors\t")
	var notes []string
	for _, sc := range Scenarios {
		limit := runLoad(ctx, client, "http://"+bare.addr, sc, o.Connections, o.Duration)
		site := runLoad(ctx, client, "http://"+ours.addr, sc, o.Connections, o.Duration)
		for _, r := range []*result{site, limit} {
			if r.firstError != "" {
				notes = append(notes, fmt.Sprintf("%s: %d errors, the first: %s", sc.Name, r.errors, r.firstError))
			}
		}
		ratio := "-"
		if limit.rps > 0 {
			ratio = fmt.Sprintf("%.0f%%", 100*site.rps/limit.rps)
		}
		fmt.Fprintf(tw, "%s\t%.0f\t%.0f\t%s\t%s\t%s\t%s\t%s\t%d\t\n", sc.Name, site.rps, limit.rps, ratio,
			round(site.latency.quantile(0.5)), round(site.latency.quantile(0.99)),
			round(limit.latency.quantile(0.5)), round(limit.latency.quantile(0.99)), site.errors+limit.errors)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintln(out, n)
	}
	if o.Soak > 0 {
		soak(ctx, client, "http://"+ours.addr, o, out)
	}
	return nil
}

// soak loads the recommendation page for a long time and reports whether
// memory stayed flat.
func soak(ctx context.Context, client *http.Client, base string, o Options, out io.Writer) {
	before := heapAfterGC()
	r := runLoad(ctx, client, base, Scenarios[1], o.Connections, o.Soak)
	after := heapAfterGC()
	fmt.Fprintf(out, "\nsoak: %d requests over %s (%.0f req/s, %d errors, p99 %s); live heap %.1f MB before, %.1f MB after\n",
		r.requests, o.Soak, r.rps, r.errors, round(r.latency.quantile(0.99)), float64(before)/1e6, float64(after)/1e6)
}

func newClient(conns int) *http.Client {
	return &http.Client{Transport: &http.Transport{
		MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns,
		// Without compression both servers send the same bytes.
		DisableCompression: true,
	}}
}

// loopbackServer is a server on 127.0.0.1 with a free port.
type loopbackServer struct {
	addr string
	srv  *http.Server
}

func serveLoopback(h http.Handler) (*loopbackServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &loopbackServer{addr: ln.Addr().String(), srv: &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}}
	go func() { _ = s.srv.Serve(ln) }()
	return s, nil
}

func (s *loopbackServer) Close() { _ = s.srv.Close() }

// runLoad sends requests from conns workers for d and measures them.
func runLoad(ctx context.Context, client *http.Client, base string, sc Scenario, conns int, d time.Duration) *result {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	total := &result{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for range conns {
		wg.Go(func() {
			mine := &result{}
			for ctx.Err() == nil {
				t := time.Now()
				err := get(ctx, client, base+sc.Path, sc.Headers)
				if err == nil {
					mine.latency.add(time.Since(t))
					mine.requests++
				} else if ctx.Err() == nil { // a request cut short by the end of the run is no error
					mine.errors++
					if mine.firstError == "" {
						mine.firstError = err.Error()
					}
				}
			}
			mu.Lock()
			defer mu.Unlock()
			total.latency.merge(&mine.latency)
			total.requests += mine.requests
			total.errors += mine.errors
			if total.firstError == "" {
				total.firstError = mine.firstError
			}
		})
	}
	wg.Wait()
	total.rps = float64(total.requests) / time.Since(start).Seconds()
	return total
}

func get(ctx context.Context, client *http.Client, url string, headers map[string]string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

func heapAfterGC() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func round(d time.Duration) time.Duration {
	if d > time.Millisecond {
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}
