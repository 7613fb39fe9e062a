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

// Watch polls the folder dir every interval and calls changed once after
// each change to a file in it (added, removed, edited), until ctx ends.
// Polling needs no platform support and costs little for a folder of a few
// dozen files.
func Watch(ctx context.Context, dir string, interval time.Duration, changed func()) {
	last := fingerprint(dir)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if now := fingerprint(dir); now != last {
				last = now
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
