package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"serverorless/components"
	"serverorless/static"
)

// htmlReply renders comp into a buffer, so that a rendering error becomes
// a proper error page instead of half a page sent with status 200.
func htmlReply(c echo.Context, comp templ.Component) (reply, error) {
	buf := replyBuffers.Get().(*bytes.Buffer)
	if err := comp.Render(c.Request().Context(), buf); err != nil {
		putReplyBuffer(buf)
		return reply{}, fmt.Errorf("rendering %s: %w", shortPath(c.Request().URL.Path, maxLoggedPath), err)
	}
	return reply{body: buf.Bytes(), contentType: echo.MIMETextHTMLCharsetUTF8, pooled: buf}, nil
}

// jsonReply encodes v as the body of an API response.
func jsonReply(v any) (reply, error) {
	buf := replyBuffers.Get().(*bytes.Buffer)
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		putReplyBuffer(buf)
		return reply{}, fmt.Errorf("encoding JSON: %w", err)
	}
	return reply{body: buf.Bytes(), contentType: echo.MIMEApplicationJSON, pooled: buf}, nil
}

// replyBuffers hold replies while they are made: a result page would grow
// a new buffer through a dozen sizes on its way to 100 KB, touching fresh
// memory at each. prepare copies the reply out once, at its size, and
// returns the buffer (reply.release).
var replyBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putReplyBuffer returns a buffer to the pool, unless an unusually large
// reply grew it: the pool should not keep megabytes for a rare page.
func putReplyBuffer(buf *bytes.Buffer) {
	if buf.Cap() <= 1<<20 {
		buf.Reset()
		replyBuffers.Put(buf)
	}
}

// cached answers with the response kept under key, or builds it, keeps it
// and sends it. key names everything the response depends on besides the
// version of the content (each version has its own cache). It is for the
// site's own pages, which are few: reading them is never limited. In
// preview mode nothing is kept: every page may show the latest content
// errors.
func (s *Server) cached(c echo.Context, st *siteState, key string, build func() (reply, error)) error {
	return s.keep(c, st, key, 0, build)
}

// cachedAnswer is cached for responses to a reader's answers, of which
// there is no end: making one costs the client cost answers of its rate
// limit and takes a slot of the work pool; sending one already made does
// neither.
func (s *Server) cachedAnswer(c echo.Context, st *siteState, key string, cost int, build func() (reply, error)) error {
	return s.keep(c, st, key, cost, build)
}

// keep sends the response kept under key, or makes it. A cost of 0 marks
// the site's own pages, made without limit or slot.
func (s *Server) keep(c echo.Context, st *siteState, key string, cost int, build func() (reply, error)) error {
	if s.cfg.Dev {
		r, err := build()
		if err != nil {
			return err
		}
		return s.send(c, prepare(r, false, nil))
	}
	page := cost == 0
	if e := st.cache.get(key, page); e != nil {
		s.metrics.cacheHits.Inc()
		return s.send(c, e)
	}
	s.metrics.cacheMisses.Inc()
	if cost > 0 {
		if err := s.allow(c, cost); err != nil {
			return err
		}
	}
	ctx := c.Request().Context()
	produce := func() (*preparedResponse, error) {
		return withSlots(ctx, s.work, cost, func() (*preparedResponse, error) {
			r, err := build()
			if err != nil {
				return nil, err
			}
			gz := gzipAnswers
			if page {
				gz = gzipPages
			}
			return prepare(r, true, gz), nil
		})
	}
	// Concurrent misses share the first one's build. If that one's client
	// left before its build began, the others, still waiting, try again.
	for range 3 {
		e, err := st.cache.make(key, page, produce)
		if errors.Is(err, errClientGone) && ctx.Err() == nil {
			continue
		}
		if err != nil {
			return err
		}
		return s.send(c, e)
	}
	return errBusy
}

// uncached builds a response that is not kept (it echoes a reader's
// invalid input, or changes by the day), counting it towards the client's
// rate limit and holding a slot of the work pool, and sends it.
func (s *Server) uncached(c echo.Context, cost int, build func() (reply, error)) error {
	if err := s.allow(c, cost); err != nil {
		return err
	}
	e, err := withSlots(c.Request().Context(), s.work, cost, func() (*preparedResponse, error) {
		r, err := build()
		if err != nil {
			return nil, err
		}
		return prepare(r, false, nil), nil
	})
	if err != nil {
		return err
	}
	return s.send(c, e)
}

// send writes a prepared response: the compressed bytes when the client
// takes them, and 304 when the client already has this version.
func (s *Server) send(c echo.Context, e *preparedResponse) error {
	w := c.Response()
	req := c.Request()
	src, body, etag := e.header, e.body, e.etag
	if static.AcceptsGzip(req.Header.Get("Accept-Encoding")) && e.compressed() {
		src, body, etag = e.gzipHdr, e.gzipped, e.gzipTag
	}
	h := w.Header()
	for k, v := range src {
		h[k] = v // shared, never modified: every slice is full, so an append copies
	}
	if match := req.Header.Get("If-None-Match"); match != "" && e.revalidate && static.ETagMatches(match, etag) {
		delete(h, "Content-Length")
		delete(h, "Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body) // an error means the client went away; nothing more to say
	return nil
}

// render renders comp and sends it with status, for responses that are
// never kept, such as error pages.
func (s *Server) render(c echo.Context, status int, comp templ.Component) error {
	r, err := htmlReply(c, comp)
	if err != nil {
		return err
	}
	defer r.release()
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.HTMLBlob(status, r.body)
}

// layout returns the frame's properties for the page at path.
func (s *Server) layout(c echo.Context, st *siteState, title, description, path string) components.LayoutProps {
	p := components.LayoutProps{
		Site:        st.site,
		Title:       title,
		Description: description,
		Path:        path,
		BaseURL:     s.baseURL(c),
		Dev:         s.cfg.Dev,
	}
	if s.cfg.Dev {
		// Only an editor's preview shows what is wrong with the content;
		// readers of the site get the last good version, and the log and
		// /readyz tell the operator.
		p.DevErrors = s.contentErrors()
	}
	return p
}

// editURL returns the link to edit a content file, or "" when no
// repository is configured.
func (s *Server) editURL(file string) string {
	if s.cfg.EditURL == "" {
		return ""
	}
	return s.cfg.EditURL + file
}
