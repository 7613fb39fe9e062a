// Package static embeds the site's CSS, scripts and icons and serves them
// under names that contain a hash of their content, so that browsers may
// cache them for a year: a changed file gets a new name. It imports nothing
// from the rest of the site.
package static

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
)

// HTMXVersion is the exact version of the vendored htmx.min.js (from the
// npm package htmx.org). Change it together with the file.
const HTMXVersion = "2.0.11"

//go:embed *.css *.js *.svg
var files embed.FS

// asset is one embedded file, and its gzipped bytes, made once at start
// (nil when compression would not pay: an image format, a tiny file).
type asset struct {
	name    string // hashed name, e.g. "app.1a2b3c4d5e.css"
	hash    string
	data    []byte
	gzipped []byte
	ctype   string
}

// MinGzipLength is the smallest body worth compressing: below it, gzip's
// header and a round trip's framing outweigh what it saves. The server's
// responses use it too.
const MinGzipLength = 1024

var (
	byName   = map[string]*asset{} // plain name -> asset
	byHashed = map[string]*asset{} // hashed name -> asset
)

func init() {
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := files.ReadFile(e.Name())
		if err != nil {
			panic(err)
		}
		sum := sha256.Sum256(data)
		ext := path.Ext(e.Name())
		hashedName := strings.TrimSuffix(e.Name(), ext) + "." + hex.EncodeToString(sum[:5]) + ext
		ctype := mime.TypeByExtension(ext)
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		a := &asset{name: hashedName, hash: hex.EncodeToString(sum[:5]), data: data, ctype: ctype}
		if len(data) >= MinGzipLength && ext != ".png" {
			a.gzipped = gzipBytes(data)
		}
		byName[e.Name()] = a
		byHashed[hashedName] = a
	}
}

// Path returns the URL under which the named file is served, with its hash.
func Path(name string) string {
	if a, ok := byName[name]; ok {
		return "/static/" + a.name
	}
	return "/static/" + name
}

// gzipBytes compresses b at the best level: it is done once, at start.
func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Bytes()
}

// Handler serves the files under /static/. Hashed names are cached for a
// year; plain names (for anything that cannot know the hash) only briefly.
// A client that takes gzip gets the bytes compressed at start, with an ETag
// of their own; ranges are served on the plain bytes only, since a range
// of the compressed ones would not be one of the file. No Last-Modified is
// sent: embedded files have no date, and every instance must send the same
// headers; the ETag serves revalidation.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/static/")
		a, hashed := byHashed[name]
		if !hashed {
			var ok bool
			if a, ok = byName[name]; !ok {
				http.NotFound(w, r)
				return
			}
		}
		h := w.Header()
		if hashed {
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "public, max-age=300")
		}
		h.Set("Content-Type", a.ctype)
		data, etag := a.data, `"`+a.hash+`"`
		if a.gzipped != nil {
			h.Set("Vary", "Accept-Encoding")
			if AcceptsGzip(r.Header.Get("Accept-Encoding")) {
				data, etag = a.gzipped, `"`+a.hash+`-gzip"`
				h.Set("Content-Encoding", "gzip")
				r.Header.Del("Range")
			}
		}
		h.Set("ETag", etag)
		if r.Header.Get("Range") != "" {
			http.ServeContent(w, r, a.name, time.Time{}, bytes.NewReader(data))
			return
		}
		// Without a range, the answer is the bytes or 304: written here
		// directly, it costs no copy buffer per request.
		if match := r.Header.Get("If-None-Match"); match != "" && ETagMatches(match, etag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		h.Set("Content-Length", strconv.Itoa(len(data)))
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			_, _ = w.Write(data)
		}
	})
}

// ETagMatches reports whether an If-None-Match header names etag, weakly
// (a proxy that compressed may have marked it "W/").
func ETagMatches(header, etag string) bool {
	for candidate := range strings.SplitSeq(header, ",") {
		candidate = strings.TrimPrefix(strings.TrimSpace(candidate), "W/")
		if candidate == etag || candidate == "*" {
			return true
		}
	}
	return false
}

// AcceptsGzip reports whether an Accept-Encoding header takes gzip (and
// does not refuse it with q=0).
func AcceptsGzip(header string) bool {
	// gzip named by itself decides; "*" speaks for it only when it is not.
	star := false
	for part := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		coding = strings.TrimSpace(coding)
		q := strings.ReplaceAll(params, " ", "")
		allowed := q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		switch {
		case strings.EqualFold(coding, "gzip"):
			return allowed
		case coding == "*":
			star = allowed
		}
	}
	return star
}
