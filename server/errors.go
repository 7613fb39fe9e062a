package server

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"serverorless/components"
)

// handleError is the one place that turns an error returned by a handler into
// a response. Only server errors are logged; their details never reach the
// reader.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	if errors.Is(err, errClientGone) {
		// No one is there to read a page; the status is for the log.
		c.Response().WriteHeader(statusClientGone)
		return
	}
	status := http.StatusInternalServerError
	var he *echo.HTTPError
	if errors.As(err, &he) {
		status = he.Code
	}
	if status >= 500 && status != http.StatusServiceUnavailable {
		s.log.Error("request failed", "method", shortPath(c.Request().Method, 16), "path", shortPath(c.Request().URL.Path, maxLoggedPath), "status", status, "error", err)
	}
	msg := http.StatusText(status)
	if he != nil && (status < 500 || status == http.StatusServiceUnavailable) {
		if m, ok := he.Message.(string); ok && m != "" {
			msg = m
		}
	}
	busy := status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable
	if busy && c.Response().Header().Get("Retry-After") == "" {
		c.Response().Header().Set("Retry-After", "1")
	}
	if strings.HasPrefix(c.Request().URL.Path, "/api/") {
		_ = c.JSON(status, apiError{Error: msg})
		return
	}
	if busy {
		// Sent to floods, so it costs next to nothing: a line of text
		// rather than a page.
		_ = c.String(status, msg+"\n")
		return
	}

	props := components.ErrorProps{Status: status}
	// The page names the path it was asked for, cut short: a 30 KB path
	// must not make a 150 KB page.
	path := shortPath(c.Request().URL.Path, 100)
	switch status {
	case http.StatusNotFound:
		props.Heading = "Page not found"
		props.Message = "There is no page at " + path + ". It may have moved, or the link may have a typo."
	case http.StatusMethodNotAllowed:
		props.Heading = "Method not allowed"
		props.Message = "This address can only be read, not sent to."
	default:
		if status < 500 {
			props.Heading = http.StatusText(status)
			props.Message = "The request could not be handled."
			// A client error carries a message written for the reader,
			// such as which answer is wrong.
			if he != nil {
				if m, ok := he.Message.(string); ok && m != "" && m != http.StatusText(status) {
					props.Message = m
				}
			}
		} else {
			props.Heading = "Something went wrong on our side"
			props.Message = "The page could not be shown. Please try again in a moment."
		}
	}
	props.Layout = s.layout(c, s.current(), props.Heading, props.Message, path)
	props.Layout.NoIndex = true
	if rerr := s.render(c, status, components.ErrorPage(props)); rerr != nil {
		s.log.Error("rendering error page", "error", rerr)
		_ = c.String(status, http.StatusText(status))
	}
}
