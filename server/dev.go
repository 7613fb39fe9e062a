package server

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"serverorless/web"
)

// Reloaded records the outcome of reloading the content. A new site is
// swapped in atomically; after a failure the last good site keeps being
// served and, in preview mode, every page shows the errors. Either way,
// open pages in preview mode are told to refresh.
func (s *Server) Reloaded(site *web.Site, err error) {
	s.metrics.observeReload(err == nil)
	if err != nil {
		msg := err.Error()
		s.loadErr.Store(&msg)
		s.log.Error("content reload failed; serving the last good version", "error", msg)
	} else {
		s.SetSite(site)
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
	if msg := s.loadErr.Load(); msg != nil {
		return strings.Split(*msg, "\n")
	}
	return nil
}

// Shutdown ends the long-lived event streams so that a graceful shutdown
// need not wait for them.
func (s *Server) Shutdown() { s.closeOnce.Do(func() { close(s.done) }) }

// handleDevEvents handles the "GET /_dev/events" route, in preview mode
// only: a server-sent event stream that says "reload" whenever the content
// was reloaded, so that open pages refresh themselves.
func (s *Server) handleDevEvents(c echo.Context) error {
	w := c.Response()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	// The stream outlives the server's write timeout.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Time{})
	// Subscribe before saying so: a reload right after the client connects
	// must not be missed.
	changed := s.changes()
	fmt.Fprint(w, "retry: 1000\n: connected\n\n")
	w.Flush()
	for {
		select {
		case <-c.Request().Context().Done():
			return nil
		case <-s.done:
			return nil
		case <-changed:
			changed = s.changes()
			fmt.Fprint(w, "event: reload\ndata: content changed\n\n")
		case <-time.After(20 * time.Second):
			fmt.Fprint(w, ": still here\n\n")
		}
		w.Flush()
	}
}
