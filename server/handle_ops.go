package server

import (
	"bytes"
	"net/http"

	"github.com/labstack/echo/v4"
)

// handleHealthz handles the "GET /healthz" route: the process is alive.
func (s *Server) handleHealthz(c echo.Context) error {
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.String(http.StatusOK, "ok\n")
}

// handleReadyz handles the "GET /readyz" route: content is loaded and the
// server is not shutting down, so a load balancer may send traffic.
func (s *Server) handleReadyz(c echo.Context) error {
	c.Response().Header().Set("Cache-Control", "no-store")
	select {
	case <-s.done:
		return c.String(http.StatusServiceUnavailable, "shutting down\n")
	default:
	}
	if s.siteFor(c) == nil {
		return c.String(http.StatusServiceUnavailable, "content not loaded\n")
	}
	return c.String(http.StatusOK, "ready\n")
}

// handleMetrics handles the "GET /metrics" route, in the Prometheus text
// format.
func (s *Server) handleMetrics(c echo.Context) error {
	var buf bytes.Buffer
	s.metrics.write(&buf)
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.Blob(http.StatusOK, "text/plain; version=0.0.4; charset=utf-8", buf.Bytes())
}
