package server

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"serverorless/web"
)

// loadFailure is what went wrong with the last reload.
type loadFailure struct {
	at  time.Time
	msg string // one problem per line
}

// Reloaded records the outcome of reloading the content. A new site is
// swapped in atomically, with a cache of its own; after a failure the last
// good site keeps being served, the log and /readyz say why, and in
// preview mode every page shows the errors. Either way, open pages in
// preview mode are told to refresh.
func (s *Server) Reloaded(site *web.Site, err error) {
	s.metrics.observeReload(err == nil)
	if err != nil {
		s.loadErr.Store(&loadFailure{at: time.Now(), msg: err.Error()})
		s.log.Error("content reload failed; serving the last good version", "error", err.Error())
	} else {
		s.setSite(site)
		s.loadErr.Store(nil)
		s.log.Info("content reloaded", "pages", len(site.All()))
	}
	s.mu.Lock()
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

// changes returns a channel that is closed at the next reload.
func (s *Server) changes() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.changed
}

// contentErrors returns the errors of the last failed reload, one per line.
func (s *Server) contentErrors() []string {
	if f := s.loadErr.Load(); f != nil {
		return strings.Split(f.msg, "\n")
	}
	return nil
}

// Drain tells load balancers that this instance is going away: /readyz
// answers 503 from now on, while every other request is still served.
func (s *Server) Drain() { s.draining.Store(true) }

// Shutdown ends the long-lived event streams so that a graceful shutdown
// need not wait for them.
func (s *Server) Shutdown() {
	s.draining.Store(true)
	s.closeOnce.Do(func() { close(s.done) })
}

// Preview event streams are few (an editor's open tabs) and end after a
// while; the browser opens a new one by itself a second later.
const (
	maxDevStreams     = 32
	devStreamLifetime = 10 * time.Minute
)

// handleDevEvents handles the "GET /_dev/events" route, in preview mode
// only: a server-sent event stream that says "reload" whenever the content
// was reloaded, so that open pages refresh themselves.
func (s *Server) handleDevEvents(c echo.Context) error {
	if s.streams.Add(1) > maxDevStreams {
		s.streams.Add(-1)
		return echo.NewHTTPError(http.StatusServiceUnavailable, fmt.Sprintf("at most %d pages may listen for changes at once", maxDevStreams))
	}
	defer s.streams.Add(-1)
	w := c.Response()
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	// The stream outlives the server's write timeout, but not its own
	// lifetime.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(devStreamLifetime + time.Minute))
	// Subscribe before saying so: a reload right after the client connects
	// must not be missed.
	changed := s.changes()
	fmt.Fprint(w, "retry: 1000\n: connected\n\n")
	w.Flush()
	end := time.NewTimer(devStreamLifetime)
	defer end.Stop()
	tick := time.NewTicker(20 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-c.Request().Context().Done():
			return nil
		case <-s.done:
			return nil
		case <-end.C:
			return nil
		case <-changed:
			changed = s.changes()
			fmt.Fprint(w, "event: reload\ndata: content changed\n\n")
		case <-tick.C:
			fmt.Fprint(w, ": still here\n\n")
		}
		w.Flush()
	}
}
