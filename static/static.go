// Package static embeds the site's CSS, scripts and icons and serves them
// under names that contain a hash of their content, so that browsers may
// cache them for a year: a changed file gets a new name. It imports nothing
// from the rest of the site.
package static

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// HTMXVersion is the exact version of the vendored htmx.min.js (from the
// npm package htmx.org). Change it together with the file.
const HTMXVersion = "2.0.11"

//go:embed *.css *.js *.svg
var files embed.FS

// asset is one embedded file.
type asset struct {
	name  string // hashed name, e.g. "app.1a2b3c4d5e.css"
	hash  string
	data  []byte
	ctype string
}

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

// Handler serves the files under /static/. Hashed names are cached for a
// year; plain names (for anything that cannot know the hash) only briefly.
func Handler() http.Handler {
	modTime := time.Now()
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
		if hashed {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "public, max-age=300")
		}
		w.Header().Set("Content-Type", a.ctype)
		w.Header().Set("ETag", `"`+a.hash+`"`)
		http.ServeContent(w, r, a.name, modTime, bytes.NewReader(a.data))
	})
}
