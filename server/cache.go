package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"serverorless/web"
)

// page is a successful response worth keeping: what to render, and what
// else the response says.
type page struct {
	comp        templ.Component // an HTML page or fragment,
	json        any             // or an API response,
	data        []byte          // or else bytes made elsewhere (an image, a download)
	contentType string          // of data
	disposition string          // Content-Disposition of data, for downloads
	pushURL     string          // HX-Push-Url, for htmx fragments that add a history entry
	replaceURL  string          // HX-Replace-Url, for htmx fragments that keep the address bar current
	verdict     string          // the recommendation shown, for the metrics
}

// cachedPage is a page rendered once, cut where each response's CSP nonce
// goes, so that serving it copies nothing.
type cachedPage struct {
	parts  [][]byte // the page, to be joined with the nonce
	length int      // of the page without the nonces
	etag   string
	page   page
}

// nonceMark stands in for the nonce in cached pages. It must survive
// attribute escaping unchanged, and be a string no page would contain.
const nonceMark = "csp-nonce-placeholder-6b1f0c9e"

// maxCachedBytes bounds the cache's memory: every distinct set of answers is
// a page of its own, and anyone can ask for new ones. When the cache is full
// it starts over: simple, and the pages readers ask for most come back
// within moments.
const maxCachedBytes = 32 << 20

// pageCache keeps rendered pages by site and key, so that a page is
// rendered once per version of the content rather than once per request.
// A new site (a reload) brings new keys; the old ones go when the cache
// next starts over.
type pageCache struct {
	mu      sync.Mutex
	entries map[pageKey]*cachedPage
	bytes   int // the size of the kept pages
}

type pageKey struct {
	site *web.Site
	key  string
}

// serve answers with the page (or API response) that build describes, rendering it only the
// first time a key is asked for. key must name everything the page depends
// on besides the site and the nonce. In preview mode nothing is kept, since
// every page may show the latest content errors.
func (s *Server) serve(c echo.Context, key string, build func() (page, error)) error {
	nonce := templ.GetNonce(c.Request().Context())
	k := pageKey{s.siteFor(c), s.baseURL(c) + " " + key}
	s.cache.mu.Lock()
	entry := s.cache.entries[k]
	s.cache.mu.Unlock()
	if entry == nil || s.cfg.Dev {
		p, err := build()
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if p.data != nil {
			buf.Write(p.data)
		} else if p.json != nil {
			if err := json.NewEncoder(&buf).Encode(p.json); err != nil {
				return fmt.Errorf("encoding %s: %w", c.Request().URL.Path, err)
			}
		} else {
			// A context of its own: templ keeps the nonce in a value that
			// WithNonce changes in place, and the request's must stay intact.
			ctx := templ.WithNonce(context.Background(), nonceMark)
			if err := p.comp.Render(ctx, &buf); err != nil {
				return fmt.Errorf("rendering %s: %w", c.Request().URL.Path, err)
			}
		}
		sum := sha256.Sum256(buf.Bytes())
		entry = &cachedPage{
			parts:  bytes.Split(buf.Bytes(), []byte(nonceMark)),
			length: buf.Len() - bytes.Count(buf.Bytes(), []byte(nonceMark))*len(nonceMark),
			etag:   `"` + hex.EncodeToString(sum[:12]) + `"`,
			page:   p,
		}
		if !s.cfg.Dev {
			s.cache.mu.Lock()
			if s.cache.bytes+buf.Len() > maxCachedBytes {
				clear(s.cache.entries)
				s.cache.bytes = 0
			}
			s.cache.entries[k] = entry
			s.cache.bytes += buf.Len()
			s.cache.mu.Unlock()
		}
	}
	if entry.page.verdict != "" {
		s.metrics.observeRecommendation(entry.page.verdict)
	}
	h := c.Response().Header()
	if entry.page.pushURL != "" {
		h.Set("HX-Push-Url", entry.page.pushURL)
	}
	if entry.page.replaceURL != "" {
		h.Set("HX-Replace-Url", entry.page.replaceURL)
	}
	if s.cfg.Dev {
		h.Set("Cache-Control", "no-store")
	} else {
		// Private: each response carries its own nonce, which a shared
		// cache must not hand to others.
		h.Set("Cache-Control", "private, max-age=60")
		h.Set("ETag", entry.etag)
		if match := c.Request().Header.Get("If-None-Match"); match != "" && etagMatches(match, entry.etag) {
			// The browser keeps the page it has with the policy that came
			// with it; this response's nonce would not match its scripts.
			h.Del("Content-Security-Policy")
			return c.NoContent(http.StatusNotModified)
		}
	}
	switch {
	case entry.page.data != nil:
		h.Set(echo.HeaderContentType, entry.page.contentType)
		if entry.page.disposition != "" {
			h.Set("Content-Disposition", entry.page.disposition)
		}
	case entry.page.json != nil:
		h.Set(echo.HeaderContentType, echo.MIMEApplicationJSON)
	default:
		h.Set(echo.HeaderContentType, echo.MIMETextHTMLCharsetUTF8)
	}
	h.Set(echo.HeaderContentLength, strconv.Itoa(entry.length+(len(entry.parts)-1)*len(nonce)))
	w := c.Response()
	w.WriteHeader(http.StatusOK)
	for i, part := range entry.parts {
		if i > 0 {
			if _, err := io.WriteString(w, nonce); err != nil {
				return nil // the client went away; nothing more to say
			}
		}
		if _, err := w.Write(part); err != nil {
			return nil
		}
	}
	return nil
}
