package loadtest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"
)

// holdAddresses is how many loopback source addresses (127.0.1.1 and up)
// the idle connections of Hold come from.
const holdAddresses = 64

// Hold opens o.Hold connections to the server at o.Target from 64
// loopback addresses, sends one request on each and leaves it idle, as a
// client that hoards connections does; then it times a new client from
// another address. The server runs in a process of its own (started, say,
// under ulimit -n 4096), since both ends of every connection count
// against a process's open files.
func Hold(ctx context.Context, o Options, out io.Writer) error {
	u, err := url.Parse(o.Target)
	if err != nil || u.Scheme != "http" {
		return fmt.Errorf("-target %q: want http://127.0.0.1:PORT", o.Target)
	}
	if ip := net.ParseIP(u.Hostname()); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("-target %q: the load test sends traffic to loopback addresses only", o.Target)
	}
	var held, failed atomic.Int64
	var mu sync.Mutex
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	var wg sync.WaitGroup
	limit := make(chan struct{}, 200) // connections being opened at once
	for i := range o.Hold {
		limit <- struct{}{}
		wg.Go(func() {
			defer func() { <-limit }()
			c, err := holdOne(ctx, u.Host, net.IPv4(127, 0, 1, byte(1+i%holdAddresses)))
			if err != nil {
				failed.Add(1)
				return
			}
			held.Add(1)
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Fprintf(out, "hold: %d connections opened from %d addresses, each answered once and left idle (%d refused or failed)\n",
		held.Load(), holdAddresses, failed.Load())
	dialer := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 2, 1)}}
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DialContext: dialer.DialContext, DisableKeepAlives: true}}
	for range 3 {
		start := time.Now()
		err := get(ctx, client, o.Target+"/serverless", nil)
		if err != nil {
			fmt.Fprintf(out, "a new client: %v after %s\n", err, round(time.Since(start)))
		} else {
			fmt.Fprintf(out, "a new client: 200 OK in %s\n", round(time.Since(start)))
		}
		time.Sleep(500 * time.Millisecond)
	}
	return nil
}

// holdOne opens a connection from ip to addr, and returns it once it has
// answered one request.
func holdOne(ctx context.Context, addr string, ip net.IP) (net.Conn, error) {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: ip}, Timeout: 3 * time.Second}
	c, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, "GET /healthz HTTP/1.1\r\nHost: "+addr+"\r\n\r\n"); err != nil {
		c.Close()
		return nil, err
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		c.Close()
		return nil, err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		c.Close()
		return nil, errors.New(resp.Status)
	}
	_ = c.SetDeadline(time.Time{})
	return c, nil
}
