package server

import (
	"bytes"
	"fmt"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"serverorless/components"
)

// render renders comp into a buffer and only then writes it, so that a
// rendering error becomes a proper error page instead of half a page sent
// with status 200.
func (s *Server) render(c echo.Context, status int, comp templ.Component) error {
	var buf bytes.Buffer
	if err := comp.Render(c.Request().Context(), &buf); err != nil {
		return fmt.Errorf("rendering %s: %w", c.Request().URL.Path, err)
	}
	return c.HTMLBlob(status, buf.Bytes())
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
