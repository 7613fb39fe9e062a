package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"
)

// recorded is one response of the site, to be sent again by the bare
// handler: the same status, headers and body.
type recorded struct {
	status int
	header http.Header
	body   []byte
}

// bareKey tells the scenarios apart: by path, and by the htmx target for
// fragments.
func bareKey(path, target string) string { return path + " " + target }

// record fetches every scenario once from the site at base.
func record(client *http.Client, base string) (map[string]recorded, error) {
	out := map[string]recorded{}
	for _, sc := range Scenarios {
		req, err := http.NewRequest(http.MethodGet, base+sc.Path, nil)
		if err != nil {
			return nil, err
		}
		for k, v := range sc.Headers {
			req.Header.Set(k, v)
		}
		resp, err := client.Do(req)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", sc.Name, err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", sc.Name, err)
		}
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("%s: GET %s = %s", sc.Name, base+sc.Path, resp.Status)
		}
		h := resp.Header.Clone()
		h.Del("Date") // net/http adds its own
		h["Content-Length"] = []string{strconv.Itoa(len(body))}
		out[bareKey(sc.Path, sc.Headers["HX-Target"])] = recorded{resp.StatusCode, h, body}
	}
	return out, nil
}

// bareHandler sends the recorded responses with nothing else: the least a
// net/http server can do to answer the same requests with the same bytes.
func bareHandler(responses map[string]recorded) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec, ok := responses[bareKey(r.URL.RequestURI(), r.Header.Get("HX-Target"))]
		if !ok {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		for k, v := range rec.header {
			h[k] = v
		}
		w.WriteHeader(rec.status)
		_, _ = w.Write(rec.body)
	})
}

// ServeBare serves the bare handler on o.BareAddr with the responses of
// the site at o.BareFrom, until ctx ends, for measuring both with an
// outside load generator (see .ci/efficiency).
func ServeBare(ctx context.Context, o Options, out io.Writer) error {
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableCompression: true}}
	responses, err := record(client, o.BareFrom)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.BareAddr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: bareHandler(responses), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		_ = srv.Close()
	}()
	fmt.Fprintf(out, "bare handler on http://%s with %d responses of %s\n", ln.Addr(), len(responses), o.BareFrom)
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
