package loadtest

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"serverorless/server"
	"serverorless/web"
)

// floodQuery is the costliest kind of answer to make: a three-year
// commitment with growth prices every option for every month of the
// timeline. Each request changes the volume, so that each is new.
const floodQuery = "stage=enterprise&traffic=spiky&jobs=minutes&realtime=some&data=heavy&growth=10&commit=3y&requests="

// settle is how long after the flood the processor time is measured, and
// for how long: what the server still does once no one asks.
var settle = 2 * time.Second

// floodPage is the page already made whose service the flood must not
// take away.
const floodPage = "/serverless"

// Flood measures what a flood of new answers from several clients, each
// within its rate limit, does to a page already made: the page alone, then
// the page during the flood, then the processor time once it stops. The
// site runs as in production (the default rate limit, the connection caps);
// every flood client has a loopback address of its own (127.0.0.11 and
// up), asks for o.FloodRate new answers a second and hangs up after
// o.FloodHangup.
func Flood(ctx context.Context, site *web.Site, o Options, out io.Writer) error {
	s := server.New(site, server.Config{BaseURL: "http://127.0.0.1", RateLimit: 10, Logger: slog.New(slog.DiscardHandler)})
	ln, err := s.Listen("127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := s.HTTPServer()
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	base := "http://" + ln.Addr().String()
	client := newClient(o.Connections)
	page := Scenario{Name: "cached page", Path: floodPage}
	if err := get(ctx, client, base+floodPage, nil); err != nil {
		return err
	}

	fmt.Fprintf(out, "flood: %d clients (127.0.0.11 and up), each %g new answers a second, hanging up after %s; %s with %d connections, %s per run, %d pairs of runs\n\n",
		o.FloodClients, o.FloodRate, o.FloodHangup, floodPage, o.Connections, o.Duration, floodPairs)
	// Runs alone and during the flood take turns, so that a change in the
	// machine's other load touches both.
	counts := &floodCounts{}
	var ratios []float64
	for pair := range floodPairs {
		alone := runLoad(ctx, client, base, page, o.Connections, o.Duration)
		during := flooded(ctx, base, o, counts, func() *result { return runLoad(ctx, client, base, page, o.Connections, o.Duration) })
		for _, r := range []struct {
			name string
			r    *result
		}{{"alone", alone}, {"during the flood", during}} {
			fmt.Fprintf(out, "%d: %-18s %8.0f req/s  p50 %-8s p99 %-8s errors %d\n", pair+1, r.name, r.r.rps,
				round(r.r.latency.quantile(0.5)), round(r.r.latency.quantile(0.99)), r.r.errors)
		}
		if alone.rps > 0 {
			ratios = append(ratios, during.rps/alone.rps)
		}
		time.Sleep(settle) // the flood's last builds end before the next run alone
	}
	before := processorTime()
	time.Sleep(settle)
	after := processorTime()
	if len(ratios) > 0 {
		slices.Sort(ratios)
		fmt.Fprintf(out, "kept %.0f%% of its throughput alone (the median of %d pairs)\n", 100*ratios[len(ratios)/2], len(ratios))
	}
	fmt.Fprintf(out, "flood: %d new answers asked: %d made (200), %d refused busy (503), %d over the rate limit (429), %d hung up, %d other\n",
		counts.sent.Load(), counts.ok.Load(), counts.busy.Load(), counts.limited.Load(), counts.hungUp.Load(), counts.other.Load())
	fmt.Fprintf(out, "processor time from %s to %s after the flood: %.3f s\n", settle, 2*settle, (after - before).Seconds())
	return nil
}

// floodPairs is how many times the page is measured alone and during the
// flood.
const floodPairs = 3

// flooded runs measure while the flood clients ask for new answers, and
// stops them after.
func flooded(ctx context.Context, base string, o Options, counts *floodCounts, measure func() *result) *result {
	floodCtx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for i := range o.FloodClients {
		wg.Go(func() { floodClient(floodCtx, base, net.IPv4(127, 0, 0, byte(11+i)), o, counts) })
	}
	r := measure()
	stop()
	wg.Wait()
	return r
}

type floodCounts struct {
	sent, ok, busy, limited, hungUp, other atomic.Int64
}

var floodSerial atomic.Int64

// floodClient asks for new answers from source address ip at o.FloodRate a
// second, without waiting for the answers (as a flood does), until ctx ends.
func floodClient(ctx context.Context, base string, ip net.IP, o Options, counts *floodCounts) {
	dialer := &net.Dialer{LocalAddr: &net.TCPAddr{IP: ip}}
	client := &http.Client{Transport: &http.Transport{DialContext: dialer.DialContext, DisableCompression: true, MaxIdleConnsPerHost: 16}}
	t := time.NewTicker(time.Duration(float64(time.Second) / o.FloodRate))
	defer t.Stop()
	var wg sync.WaitGroup
	defer wg.Wait()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		url := base + "/recommend?" + floodQuery + strconv.FormatInt(1_000_000+floodSerial.Add(1), 10)
		counts.sent.Add(1)
		wg.Go(func() {
			rctx, cancel := context.WithTimeout(context.Background(), o.FloodHangup)
			defer cancel()
			req, _ := http.NewRequestWithContext(rctx, http.MethodGet, url, nil)
			req.Header.Set("HX-Request", "true")
			resp, err := client.Do(req)
			if err != nil {
				counts.hungUp.Add(1)
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			switch resp.StatusCode {
			case http.StatusOK:
				counts.ok.Add(1)
			case http.StatusServiceUnavailable:
				counts.busy.Add(1)
			case http.StatusTooManyRequests:
				counts.limited.Add(1)
			default:
				counts.other.Add(1)
			}
		})
	}
}

// processorTime is the processor time this process has used so far.
func processorTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
