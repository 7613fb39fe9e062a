package server

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/cespare/xxhash/v2"
	"golang.org/x/sync/singleflight"

	"serverorless/static"
)

// maxAnswerBytes bounds the memory of one version's responses to readers'
// answers: every distinct set of answers is a response of its own, and
// anyone can ask for new ones. When that part of the cache is full it
// starts over: simple, and the responses readers ask for most come back
// within moments. The site's own pages (guide pages, home, FAQ, sitemap)
// are few and have a budget of their own, maxPageBytes, so that no flood of
// answers evicts them.
const (
	maxAnswerBytes = 32 << 20
	maxPageBytes   = 8 << 20
)

// entryOverhead is what the Go runtime keeps for an entry besides the
// bytes of its body, key and header values: the entry, its two header
// maps with their slices, and the cache map's own entry. Measured with
// TestCacheCountsWhatItKeeps; per header field, fieldOverhead.
const (
	entryOverhead = 384
	fieldOverhead = 40
)

// cacheControl is how long browsers and shared caches (a CDN) may keep a
// response that is the same for every reader: a minute in browsers, a day
// in a CDN, which may also serve a stale copy for ten minutes while it asks
// again. The ETag lets both revalidate cheaply.
const cacheControl = "public, max-age=60, s-maxage=86400, stale-while-revalidate=600"

// A reply is a successful response a handler made: the bytes and what
// else the response says. A reply that goes into the cache must be the
// same for every reader who asks for it.
type reply struct {
	body        []byte
	contentType string
	pushURL     string // HX-Push-Url, for htmx fragments that add a history entry
	replaceURL  string // HX-Replace-Url, for htmx fragments that keep the address bar current
	disposition string // Content-Disposition, for downloads
	vary        string // request headers, besides Accept-Encoding, that choose this reply
	// pooled is the buffer body is read from, when it is one of
	// replyBuffers: prepare copies the body out and returns it.
	pooled *bytes.Buffer
}

// release returns the reply's buffer to the pool; the body must not be
// read after.
func (r reply) release() {
	if r.pooled != nil {
		putReplyBuffer(r.pooled)
	}
}

// preparedResponse is a reply made ready to send, many times if it is
// kept: its own copy of the bytes, compressed once, and every header
// computed once.
type preparedResponse struct {
	body   []byte
	header http.Header
	etag   string // of the plain bytes
	// gzipWith compresses the body the first time a client takes gzip,
	// or is nil when that is not worth it: a reply many clients never
	// ask compressed (scripts, tools) costs no compression.
	gzipWith *sync.Pool
	gzipOnce sync.Once
	gzipped  []byte      // body compressed, once asked for; nil if that saved too little
	gzipHdr  http.Header // header of the compressed variant
	gzipTag  string      // of the compressed bytes: another representation, another tag
	size     int         // bytes kept for this response, for the cache's bound
	// revalidate: the response carries an ETag, so a client that has it
	// gets 304.
	revalidate bool
}

// prepare prepares r for sending, with headers for a response
// that browsers and shared caches may keep (cacheable), compressed with a
// writer of gzipWith, or not: a response sent once is neither compressed
// nor given an ETag.
func prepare(r reply, cacheable bool, gzipWith *sync.Pool) *preparedResponse {
	e := &preparedResponse{body: exactCopy(r.body), revalidate: cacheable}
	r.release()
	e.header = http.Header{"Content-Type": {r.contentType}}
	if cacheable {
		e.etag = entityTag(e.body)
		e.header["Cache-Control"] = []string{cacheControl}
		e.header["Etag"] = []string{e.etag}
	} else {
		e.header["Cache-Control"] = []string{"no-store"}
	}
	if r.pushURL != "" {
		e.header["Hx-Push-Url"] = []string{r.pushURL}
	}
	if r.replaceURL != "" {
		e.header["Hx-Replace-Url"] = []string{r.replaceURL}
	}
	if r.disposition != "" {
		e.header["Content-Disposition"] = []string{r.disposition}
	}
	vary := r.vary
	if cacheable && len(e.body) >= static.MinGzipLength && compressible(r.contentType) {
		e.gzipWith = gzipWith
		vary = joinVary(vary, "Accept-Encoding")
	}
	if vary != "" {
		e.header["Vary"] = []string{vary}
	}
	e.gzipHdr = e.header.Clone()
	e.header["Content-Length"] = []string{strconv.Itoa(len(e.body))}
	if e.gzipWith != nil {
		e.gzipTag = strings.TrimSuffix(e.etag, `"`) + `-gzip"`
		e.gzipHdr["Etag"] = []string{e.gzipTag}
		e.gzipHdr["Content-Encoding"] = []string{"gzip"}
	}
	e.size = entryOverhead + len(e.body) + e.gzipReserve() + headerBytes(e.header) + headerBytes(e.gzipHdr)
	return e
}

// gzipReserve is what the cache counts for the compressed bytes before
// they exist: half the body, and the digits of their length. Text
// compresses to a quarter or less; a body that does not shrink to half
// is sent plain.
func (e *preparedResponse) gzipReserve() int {
	if e.gzipWith == nil {
		return 0
	}
	return len(e.body)/2 + len(strconv.Itoa(len(e.body)))
}

// compressed reports whether e has a compressed variant, compressing the
// body the first time it is asked. The work is bounded like the reply's
// own: once per reply kept, and every reply took a slot to make.
func (e *preparedResponse) compressed() bool {
	if e.gzipWith == nil {
		return false
	}
	e.gzipOnce.Do(func() {
		gz := gzipBytes(e.body, e.gzipWith)
		if len(gz) > len(e.body)/2 {
			return
		}
		e.gzipHdr["Content-Length"] = []string{strconv.Itoa(len(gz))}
		e.gzipped = gz
	})
	return e.gzipped != nil
}

// headerBytes is what a header map keeps: its strings and, per field, a
// map slot and a slice.
func headerBytes(h http.Header) int {
	n := 0
	for k, vs := range h {
		n += len(k) + fieldOverhead
		for _, v := range vs {
			n += len(v)
		}
	}
	return n
}

func joinVary(a, b string) string {
	if a == "" {
		return b
	}
	return a + ", " + b
}

// compressible reports whether a content type is text, which gzip
// shrinks; images other than SVG are compressed already.
func compressible(contentType string) bool {
	if strings.HasPrefix(contentType, "text/") {
		return true
	}
	for _, kind := range []string{"json", "xml", "javascript"} {
		if strings.Contains(contentType, kind) {
			return true
		}
	}
	return false
}

// Pools of gzip writers, which are costly to set up, one per level. The
// site's own pages are made once per version and sent many times: the
// default level compresses them within a percent of the best at two
// thirds of its cost. A reply to a reader's answers is made for a reader
// or two, and compressing it was a third of its whole cost: the fastest
// level does it in half the time or less, for a body about a sixth larger
// (a result page: 24 KB, not 20 KB).
var (
	gzipPages   = gzipPool(gzip.DefaultCompression)
	gzipAnswers = gzipPool(gzip.BestSpeed)
)

func gzipPool(level int) *sync.Pool {
	return &sync.Pool{New: func() any {
		w, _ := gzip.NewWriterLevel(nil, level)
		return w
	}}
}

// gzipBytes compresses b once with a writer of the pool; the result is
// sent many times.
func gzipBytes(b []byte, pool *sync.Pool) []byte {
	var buf bytes.Buffer
	w := pool.Get().(*gzip.Writer)
	defer pool.Put(w)
	w.Reset(&buf)
	_, _ = w.Write(b)
	_ = w.Close()
	return exactCopy(buf.Bytes())
}

// entityTag names a body for revalidation. It only has to change when the
// body does, so a fast hash serves: xxhash reads a result page of 100 KB
// in a fifth of the time SHA-256 takes, which a new answer pays each time.
func entityTag(body []byte) string {
	var sum [8]byte
	binary.BigEndian.PutUint64(sum[:], xxhash.Sum64(body))
	return `"` + hex.EncodeToString(sum[:]) + `"`
}

// exactCopy returns a copy of b that holds nothing more: a slice of a
// larger buffer would keep all of it in memory, uncounted.
func exactCopy(b []byte) []byte {
	c := make([]byte, len(b))
	copy(c, b)
	return c
}

// responseCache keeps the responses of one version of the content by key,
// so that a response is made once per version rather than once per
// request. A reload starts a new cache, so the old site and everything made
// from it go together. Lookups take no lock. The site's own pages and the
// responses to readers' answers are kept apart, each within its own bound.
type responseCache struct {
	pages, answers cachePart
	flights        singleflight.Group
}

// cachePart is one budget of the cache; when full, it starts over.
type cachePart struct {
	max     int64
	current atomic.Pointer[cacheGeneration]
}

// cacheGeneration is a part of the cache between two fresh starts.
type cacheGeneration struct {
	entries sync.Map // key -> *preparedResponse
	bytes   atomic.Int64
}

func newResponseCache(pageBytes, answerBytes int64) *responseCache {
	c := &responseCache{pages: cachePart{max: pageBytes}, answers: cachePart{max: answerBytes}}
	c.pages.current.Store(&cacheGeneration{})
	c.answers.current.Store(&cacheGeneration{})
	return c
}

func (c *responseCache) part(page bool) *cachePart {
	if page {
		return &c.pages
	}
	return &c.answers
}

// get returns the response kept for key, or nil; page says which part of
// the cache holds it.
func (c *responseCache) get(key string, page bool) *preparedResponse {
	if e, ok := c.part(page).current.Load().entries.Load(key); ok {
		return e.(*preparedResponse)
	}
	return nil
}

// make returns the response for key, calling build only if no one else is
// building it at the same moment; concurrent misses share one build.
func (c *responseCache) make(key string, page bool, build func() (*preparedResponse, error)) (*preparedResponse, error) {
	v, err, _ := c.flights.Do(key, func() (any, error) {
		if e := c.get(key, page); e != nil {
			return e, nil // made while this caller waited for its turn
		}
		e, err := build()
		if err != nil {
			return nil, err
		}
		c.part(page).put(key, e)
		return e, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*preparedResponse), nil
}

// put keeps e under key, starting over first if the part would grow past
// its bound. The key's bytes count too: keys are as long as an attacker
// makes them.
func (p *cachePart) put(key string, e *preparedResponse) {
	size := int64(e.size + len(key))
	if size > p.max {
		return
	}
	g := p.current.Load()
	if g.bytes.Add(size) > p.max {
		fresh := &cacheGeneration{}
		fresh.bytes.Store(size)
		if !p.current.CompareAndSwap(g, fresh) {
			// Someone else started over at the same moment; this response
			// is not kept, and will be made again when next asked for.
			return
		}
		g = fresh
	}
	g.entries.Store(key, e)
}

// stats returns the number of responses kept and their bytes, in both
// parts.
func (c *responseCache) stats() (entries int, bytes int64) {
	for _, p := range []*cachePart{&c.pages, &c.answers} {
		g := p.current.Load()
		g.entries.Range(func(_, _ any) bool { entries++; return true })
		bytes += g.bytes.Load()
	}
	return entries, bytes
}
