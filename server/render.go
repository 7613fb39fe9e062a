package server

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"serverorless/components"
)

// render renders comp into a buffer and only then writes it, so that a
// rendering error becomes a proper error page instead of half a page sent
// with status 200. It is for responses that are not kept: error pages and
// pages that echo a reader's invalid input. Everything else goes through
// serve, which renders once and keeps the bytes.
func (s *Server) render(c echo.Context, status int, comp templ.Component) error {
	var buf bytes.Buffer
	if err := comp.Render(c.Request().Context(), &buf); err != nil {
		return fmt.Errorf("rendering %s: %w", c.Request().URL.Path, err)
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.HTMLBlob(status, buf.Bytes())
}

// etagMatches reports whether an If-None-Match header names etag. Gzip may
// have marked the tag weak on the way out ("W/"), which still matches.
func etagMatches(header, etag string) bool {
	for _, candidate := range strings.Split(header, ",") {
		candidate = strings.TrimPrefix(strings.TrimSpace(candidate), "W/")
		if candidate == etag || candidate == "*" {
			return true
		}
	}
	return false
}

// layout returns the frame's properties for the page at path.
func (s *Server) layout(c echo.Context, title, description, path string) components.LayoutProps {
	return components.LayoutProps{
		Site:        s.siteFor(c),
		Title:       title,
		Description: description,
		Path:        path,
		BaseURL:     s.baseURL(c),
		Dev:         s.cfg.Dev,
		DevErrors:   s.contentErrors(),
	}
}

// editURL returns the link to edit a content file, or "" when no
// repository is configured.
func (s *Server) editURL(file string) string {
	if s.cfg.EditURL == "" {
		return ""
	}
	return s.cfg.EditURL + file
}
