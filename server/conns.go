package server

import (
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// MaxConnsPerClient is how many connections one client address may hold
// open at once: far more than a browser opens (six) or a few people behind
// one address need, and few enough that no handful of addresses fills the
// server's connections. Connections from trusted proxies, which carry many
// clients, are not counted.
const MaxConnsPerClient = 64

// The timeouts of the public server. IdleTimeout is how long a kept-alive
// connection may wait for its next request while the server has room; near
// the connection cap it shortens (see capListener.sweep).
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 10 * time.Second
	WriteTimeout      = 30 * time.Second
	IdleTimeout       = 120 * time.Second
	MaxHeaderBytes    = 64 << 10
)

// HTTPServer returns an http.Server for s with the timeouts and limits of a
// public server, to serve a listener from s.Listen.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    MaxHeaderBytes,
		ConnState:         s.ConnState,
	}
}

// MaxConns returns how many connections the server holds at once: the
// process's limit of open files, read once at start, less a reserve for
// everything else it opens (content files, the metrics listener, the log).
// Past it, accepting would fail with "too many open files" and every new
// client would time out. A generous limit (a container's 1,048,576) still
// gives 65,536: memory, tens of kilobytes a connection, runs out first.
func MaxConns() int {
	const most = 1 << 16
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil || lim.Cur > most*2 {
		return most
	}
	n := int(lim.Cur)
	return min(most, max(16, n-max(64, n/8)))
}

// Listen listens on the TCP address addr with the connection caps: at most
// MaxConns connections in all and MaxConnsPerClient from one client. A
// client over its cap has its new connection closed at once. At the global
// cap the longest idle connection is closed to make room, and idle
// connections are given less time the fuller the server is; if none is
// idle, new connections wait in the kernel's queue until one ends. IPv6
// clients are counted by their /64 network, which one host usually holds
// whole.
func (s *Server) Listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return s.CapListener(ln), nil
}

// CapListener gives ln, already open, the connection caps that Listen
// gives a listener of its own. It is for a caller that must open the
// listener itself, as a test does on port 0 so that no other process can
// take the port before the server binds it.
func (s *Server) CapListener(ln net.Listener) net.Listener {
	return s.capListener(ln, MaxConns())
}

func (s *Server) capListener(ln net.Listener, maxConns int) *capListener {
	l := &capListener{Listener: ln, s: s, max: maxConns, open: map[string]int{}, idle: map[*cappedConn]time.Time{},
		freed: make(chan struct{}, 1), done: make(chan struct{})}
	s.conns.Store(l)
	go l.sweep()
	return l
}

type capListener struct {
	net.Listener
	s      *Server
	max    int
	mu     sync.Mutex
	open   map[string]int            // by client
	total  int                       // every connection open
	idle   map[*cappedConn]time.Time // connections between requests, since when
	freed  chan struct{}             // a connection closed
	done   chan struct{}             // the listener closed
	closed sync.Once
}

func (l *capListener) Accept() (net.Conn, error) {
	for {
		l.makeRoom()
		conn, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		client, counted := l.client(conn.RemoteAddr())
		l.mu.Lock()
		if counted && l.open[client] >= MaxConnsPerClient {
			l.mu.Unlock()
			l.s.metrics.refusedConns.Inc()
			_ = conn.Close()
			continue
		}
		if counted {
			l.open[client]++
		}
		l.total++
		l.mu.Unlock()
		c := &cappedConn{Conn: conn}
		c.release = func() { l.release(c, client, counted) }
		return c, nil
	}
}

// makeRoom returns once a connection may be accepted: at the cap it closes
// the longest idle connection, or waits for one to end.
func (l *capListener) makeRoom() {
	for {
		l.mu.Lock()
		if l.total < l.max {
			l.mu.Unlock()
			return
		}
		victim := l.oldestIdle(time.Now())
		l.mu.Unlock()
		if victim != nil {
			l.s.metrics.idleClosed.Inc()
			_ = victim.Conn.Close()
		}
		select {
		case <-l.freed:
		case <-l.done:
			return
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// oldestIdle takes the connection idle the longest out of the idle set, or
// returns nil. l.mu is held.
func (l *capListener) oldestIdle(now time.Time) *cappedConn {
	var oldest *cappedConn
	since := now
	for c, t := range l.idle {
		if t.Before(since) {
			oldest, since = c, t
		}
	}
	delete(l.idle, oldest)
	return oldest
}

// idleLimit is how long a connection may stay idle with the server this
// full: IdleTimeout up to half the cap, then less and less, down to a
// second at the cap.
func (l *capListener) idleLimit() time.Duration {
	fill := float64(l.total) / float64(l.max)
	if fill <= 0.5 {
		return IdleTimeout
	}
	return max(time.Second, time.Duration(float64(IdleTimeout)*(1-fill)*2))
}

// sweep closes, twice a second, connections idle for longer than the
// server's fill allows, until the listener closes.
func (l *capListener) sweep() {
	t := time.NewTicker(500 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-l.done:
			return
		case <-t.C:
		}
		var stale []*cappedConn
		l.mu.Lock()
		if limit := l.idleLimit(); limit < IdleTimeout {
			cutoff := time.Now().Add(-limit)
			for c, since := range l.idle {
				if since.Before(cutoff) {
					stale = append(stale, c)
					delete(l.idle, c)
				}
			}
		}
		l.mu.Unlock()
		for _, c := range stale {
			l.s.metrics.idleClosed.Inc()
			_ = c.Conn.Close()
		}
	}
}

func (l *capListener) Close() error {
	l.closed.Do(func() { close(l.done) })
	return l.Listener.Close()
}

// setState records whether c waits for a request (new, or idle between
// two) and so may be closed to make room.
func (l *capListener) setState(c *cappedConn, state http.ConnState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if c.gone.Load() {
		return
	}
	switch state {
	case http.StateNew, http.StateIdle:
		l.idle[c] = time.Now()
	default:
		delete(l.idle, c)
	}
}

// ConnState is the http.Server's ConnState hook for a listener from
// s.Listen: it tells the listener which connections are idle.
func (s *Server) ConnState(conn net.Conn, state http.ConnState) {
	c, ok := conn.(*cappedConn)
	if l := s.conns.Load(); ok && l != nil {
		l.setState(c, state)
	}
}

// client names the client of a connection for counting, or says not to
// count it: a trusted proxy speaks for many clients.
func (l *capListener) client(addr net.Addr) (string, bool) {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return addr.String(), true
	}
	for _, n := range l.s.cfg.TrustedProxies {
		if n.Contains(tcp.IP) {
			return "", false
		}
	}
	return clientKey(tcp.IP), true
}

// clientKey names a client for the per-client limits: its IPv4 address,
// or its IPv6 /64 network, which one host usually holds whole (and could
// otherwise use to pose as endless clients).
func clientKey(ip net.IP) string {
	if ip4 := ip.To4(); ip4 != nil {
		return ip4.String()
	}
	return ip.Mask(net.CIDRMask(64, 128)).String()
}

func (l *capListener) release(c *cappedConn, client string, counted bool) {
	l.mu.Lock()
	c.gone.Store(true)
	delete(l.idle, c)
	l.total--
	if counted {
		if l.open[client]--; l.open[client] <= 0 {
			delete(l.open, client)
		}
	}
	l.mu.Unlock()
	select {
	case l.freed <- struct{}{}:
	default:
	}
}

// openConns returns how many connections are open, for the metrics.
func (l *capListener) openConns() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.total
}

// cappedConn gives its place back when it closes.
type cappedConn struct {
	net.Conn
	once    sync.Once
	gone    atomic.Bool
	release func()
}

func (c *cappedConn) Close() error {
	c.once.Do(c.release)
	return c.Conn.Close()
}

// CloseWrite half-closes the connection when the underlying one can, as
// net/http does to finish a response cleanly before closing.
func (c *cappedConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}
