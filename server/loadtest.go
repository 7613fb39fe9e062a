package server

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
	"slices"
	"sync"
	"text/tabwriter"
	"time"

	"serverorless/web"
)

// loadScenario is one kind of request the load test sends.
type loadScenario struct {
	name    string
	path    string
	headers map[string]string
}

var loadScenarios = []loadScenario{
	{"content page", "/serverless", nil},
	{"recommendation page", "/recommend?stage=scaleup&traffic=spiky&requests=20000000&jobs=hours&realtime=some", nil},
	{"recommendation fragment", "/recommend?stage=scaleup&traffic=spiky&requests=20000000&jobs=hours&realtime=some", map[string]string{"HX-Request": "true", "HX-Target": "result"}},
	{"API", "/api/recommendation?stage=scaleup&traffic=spiky&requests=20000000&jobs=hours&realtime=some", nil},
}

// loadResult is what one run measured.
type loadResult struct {
	requests, errors int
	firstError       string
	rps              float64
	p50, p99         time.Duration
}

// LoadTest measures the site's throughput and latency on loopback and
// compares each kind of request with a plain net/http handler that serves
// the same bytes from memory: the practical limit of this machine. It
// starts both servers itself on 127.0.0.1 and sends traffic nowhere else;
// every run is bounded in time and connections.
func LoadTest(ctx context.Context, site *web.Site, args []string, out io.Writer) error {
	fset := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fset.SetOutput(out)
	duration := fset.Duration("duration", 5*time.Second, "how long to load each server with each kind of request")
	conns := fset.Int("connections", 64, "concurrent connections (at most 512)")
	soak := fset.Duration("soak", 0, "afterwards, load the recommendation page this long and report memory")
	if err := fset.Parse(args); err != nil {
		return err
	}
	if *conns < 1 || *conns > 512 {
		return fmt.Errorf("-connections %d: want 1 to 512", *conns)
	}
	if *duration <= 0 || *duration > 2*time.Minute || *soak < 0 || *soak > 30*time.Minute {
		return errors.New("-duration must be within 2 minutes and -soak within 30 minutes")
	}

	ours, err := serveLoopback(New(site, Config{BaseURL: "http://127.0.0.1", Logger: slog.New(slog.DiscardHandler)}))
	if err != nil {
		return err
	}
	defer ours.Close()
	client := &http.Client{Transport: &http.Transport{
		MaxIdleConnsPerHost: *conns, MaxConnsPerHost: *conns,
		// Neither server compresses, so both send the same bytes.
		DisableCompression: true,
	}}

	fmt.Fprintf(out, "load test: %d connections, %s per run, GOMAXPROCS %d, %s\n\n", *conns, *duration, runtime.GOMAXPROCS(0), runtime.Version())
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "request\tsite req/s\tplain req/s\tratio\tsite p50\tsite p99\tplain p50\tplain p99\terrors\t")
	var errorNotes []string
	for _, sc := range loadScenarios {
		body, ctype, err := fetch(client, "http://"+ours.addr+sc.path, sc.headers)
		if err != nil {
			return fmt.Errorf("%s: %w", sc.name, err)
		}
		plain, err := serveLoopback(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", ctype)
			_, _ = w.Write(body)
		}))
		if err != nil {
			return err
		}
		limit := runLoad(ctx, client, "http://"+plain.addr+sc.path, sc.headers, *conns, *duration)
		plain.Close()
		site := runLoad(ctx, client, "http://"+ours.addr+sc.path, sc.headers, *conns, *duration)
		for _, r := range []loadResult{site, limit} {
			if r.firstError != "" {
				errorNotes = append(errorNotes, fmt.Sprintf("%s: %d errors, the first: %s", sc.name, r.errors, r.firstError))
			}
		}
		fmt.Fprintf(tw, "%s\t%.0f\t%.0f\t%.0f%%\t%s\t%s\t%s\t%s\t%d\t\n", sc.name, site.rps, limit.rps, 100*site.rps/limit.rps,
			round(site.p50), round(site.p99), round(limit.p50), round(limit.p99), site.errors+limit.errors)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, e := range errorNotes {
		fmt.Fprintln(out, e)
	}

	if *soak > 0 {
		before := heapAfterGC()
		sc := loadScenarios[1]
		r := runLoad(ctx, client, "http://"+ours.addr+sc.path, sc.headers, *conns, *soak)
		after := heapAfterGC()
		fmt.Fprintf(out, "\nsoak: %d requests over %s (%.0f req/s, %d errors); live heap %.1f MB before, %.1f MB after\n",
			r.requests, *soak, r.rps, r.errors, float64(before)/1e6, float64(after)/1e6)
	}
	return nil
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

func fetch(client *http.Client, url string, headers map[string]string) ([]byte, string, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, "", err
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return nil, "", fmt.Errorf("GET %s = %s", url, resp.Status)
	}
	return body, resp.Header.Get("Content-Type"), err
}

// runLoad sends requests from conns workers for d and measures them.
func runLoad(ctx context.Context, client *http.Client, url string, headers map[string]string, conns int, d time.Duration) loadResult {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var mu sync.Mutex
	var all []time.Duration
	var errs int
	var firstErr string
	var wg sync.WaitGroup
	start := time.Now()
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			bad, first := 0, ""
			for ctx.Err() == nil {
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
				for k, v := range headers {
					req.Header.Set(k, v)
				}
				t := time.Now()
				resp, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != http.StatusOK {
						err = errors.New(resp.Status)
					}
				}
				if err != nil {
					// A request cut short by the end of the run is no error.
					if ctx.Err() == nil {
						bad++
						if first == "" {
							first = err.Error()
						}
					}
					continue
				}
				mine = append(mine, time.Since(t))
			}
			mu.Lock()
			all = append(all, mine...)
			errs += bad
			if firstErr == "" {
				firstErr = first
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(all)
	r := loadResult{requests: len(all), errors: errs, firstError: firstErr, rps: float64(len(all)) / elapsed.Seconds()}
	if len(all) > 0 {
		r.p50, r.p99 = all[len(all)/2], all[len(all)*99/100]
	}
	return r
}

func heapAfterGC() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func round(d time.Duration) time.Duration {
	switch {
	case d > time.Millisecond:
		return d.Round(10 * time.Microsecond)
	default:
		return d.Round(time.Microsecond)
	}
}
