package server

import (
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"serverorless/web/advisor"
)

// handleHealthz handles the "GET /healthz" route: the process is alive.
func (s *Server) handleHealthz(c echo.Context) error {
	return c.String(http.StatusOK, "ok\n")
}

// handleReadyz handles the "GET /readyz" route: content is loaded and the
// server is not draining, so a load balancer may send traffic. A failed
// reload leaves it ready (the last good site is served) and says so.
func (s *Server) handleReadyz(c echo.Context) error {
	if s.draining.Load() {
		return c.String(http.StatusServiceUnavailable, "shutting down\n")
	}
	if s.current().site == nil {
		return c.String(http.StatusServiceUnavailable, "content not loaded\n")
	}
	msg := "ready\n"
	if f := s.loadErr.Load(); f != nil {
		problems := strings.Count(f.msg, "\n") + 1
		msg += "the content reload at " + f.at.UTC().Format(time.RFC3339) + " failed with " +
			advisor.Plural(float64(problems), "problem", "problems") + "; serving the last version that loaded (see the log)\n"
	}
	return c.String(http.StatusOK, msg)
}
