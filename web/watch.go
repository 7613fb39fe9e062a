package web

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// A Watcher notices changes to the files in a folder by polling it, which
// needs no platform support and costs little for a folder of a few dozen
// files.
type Watcher struct {
	dir  string
	last [32]byte
}

// NewWatcher reads the folder dir as it is now. It reads it before it
// returns, rather than when Run starts, so that a change made after
// NewWatcher returns is never taken for the folder's first state: a
// preview that is answering already must show an edit made at once.
func NewWatcher(dir string) *Watcher {
	return &Watcher{dir: dir, last: fingerprint(dir)}
}

// Run polls the folder every interval and calls changed once after each
// change to a file in it (added, removed, edited), until ctx ends.
func (w *Watcher) Run(ctx context.Context, interval time.Duration, changed func()) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if now := fingerprint(w.dir); now != w.last {
				w.last = now
				changed()
			}
		}
	}
}

// fingerprint sums the name, size and modification time of every file
// under dir.
func fingerprint(dir string) [32]byte {
	h := sha256.New()
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			fmt.Fprintf(h, "error %s %v\n", path, err)
			return nil
		}
		if info, err := d.Info(); err == nil && !d.IsDir() {
			fmt.Fprintf(h, "%s %d %d\n", path, info.Size(), info.ModTime().UnixNano())
		}
		return nil
	})
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

// DirFS returns the content folder dir as an fs.FS, after checking that it
// exists, so that a typo in a flag gives a clear message.
func DirFS(dir string) (fs.FS, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("content folder: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("content folder %s is not a folder", dir)
	}
	return os.DirFS(dir), nil
}
