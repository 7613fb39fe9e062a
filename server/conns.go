package server

import (
	"net"
	"sync"
)

// MaxConnsPerClient is how many connections one client address may hold
// open at once: far more than a browser opens (six) or a load balancer
// needs per instance, and few enough that idle connections from one
// address cannot fill the memory (each costs some 30 KB). Connections from
// trusted proxies, which carry many clients, are not counted.
const MaxConnsPerClient = 256

// Listen listens on the TCP address addr and accepts at most
// MaxConnsPerClient connections at once from one client; further ones are
// closed as soon as they are accepted. IPv6 clients are counted by their
// /64 network, which one host usually holds whole.
func (s *Server) Listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &capListener{Listener: ln, s: s, open: map[string]int{}}, nil
}

type capListener struct {
	net.Listener
	s    *Server
	mu   sync.Mutex
	open map[string]int // by client
}

func (l *capListener) Accept() (net.Conn, error) {
	for {
		conn, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		client, counted := l.client(conn.RemoteAddr())
		if !counted {
			return conn, nil
		}
		l.mu.Lock()
		if l.open[client] >= MaxConnsPerClient {
			l.mu.Unlock()
			l.s.metrics.refusedConns.Inc()
			_ = conn.Close()
			continue
		}
		l.open[client]++
		l.mu.Unlock()
		return &cappedConn{Conn: conn, release: func() { l.release(client) }}, nil
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

func (l *capListener) release(client string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open[client]--; l.open[client] <= 0 {
		delete(l.open, client)
	}
}

// cappedConn gives its client's place back when it closes.
type cappedConn struct {
	net.Conn
	once    sync.Once
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
