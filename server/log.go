package server

import (
	"context"
	"io"
	"log/slog"
	"strconv"
	"sync"
	"time"
)

// Log lines are collected in memory and written out by one goroutine, a
// few times a second or whenever logBatch bytes are waiting, so that a
// request never waits for the log's file or pipe: a write per request cost
// a tenth of the processor time of a page.
const (
	logFlushEvery = 200 * time.Millisecond
	logBatch      = 64 << 10
)

// logBacklog is how much may wait when the output is slower than the
// requests. Past it, lines about requests are dropped (and counted in a
// line of their own); warnings and errors may take as much again, and past
// that they are dropped too: with the output stalled, no buffer grows
// without bound. A variable, so that a test can reach it quickly.
var logBacklog = 8 << 20

// NewLogger returns a JSON logger that writes to w without making its
// callers wait, and a function that writes out what is waiting and stops
// the writer; call it before the process exits.
func NewLogger(w io.Writer) (*slog.Logger, func()) {
	lw := &logWriter{out: w, kick: make(chan struct{}, 1), stop: make(chan struct{}), stopped: make(chan struct{})}
	go lw.run()
	h := &splitHandler{
		buffered: slog.NewJSONHandler(lw, nil),
		urgent:   slog.NewJSONHandler(urgentWriter{lw}, nil),
	}
	return slog.New(h), lw.close
}

// logWriter keeps log lines until its goroutine writes them out.
type logWriter struct {
	out     io.Writer
	mu      sync.Mutex
	buf     []byte
	spare   []byte
	dropped int
	kick    chan struct{}
	stop    chan struct{}
	stopped chan struct{}
	once    sync.Once
}

// Write keeps a line for later; past the backlog it drops it.
func (w *logWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	if len(w.buf) > logBacklog {
		w.dropped++
		w.mu.Unlock()
		return len(p), nil
	}
	w.buf = append(w.buf, p...)
	full := len(w.buf) >= logBatch
	w.mu.Unlock()
	if full {
		select {
		case w.kick <- struct{}{}:
		default:
		}
	}
	return len(p), nil
}

// urgentWriter keeps a line past the backlog of request lines, and has it
// written at once: warnings and errors are dropped only when twice the
// backlog waits.
type urgentWriter struct{ w *logWriter }

func (u urgentWriter) Write(p []byte) (int, error) {
	u.w.mu.Lock()
	if len(u.w.buf) > 2*logBacklog {
		u.w.dropped++
	} else {
		u.w.buf = append(u.w.buf, p...)
	}
	u.w.mu.Unlock()
	select {
	case u.w.kick <- struct{}{}:
	default:
	}
	return len(p), nil
}

func (w *logWriter) run() {
	defer close(w.stopped)
	t := time.NewTicker(logFlushEvery)
	defer t.Stop()
	for {
		select {
		case <-t.C:
		case <-w.kick:
		case <-w.stop:
			w.flush()
			return
		}
		w.flush()
	}
}

// flush writes out what is waiting. Two buffers take turns, so that
// requests keep appending while the output is written.
func (w *logWriter) flush() {
	w.mu.Lock()
	out, dropped := w.buf, w.dropped
	w.buf, w.spare, w.dropped = w.spare[:0], nil, 0
	w.mu.Unlock()
	if dropped > 0 {
		out = append(out, `{"level":"WARN","msg":"log lines dropped: the log output was too slow","dropped":`...)
		out = append(strconv.AppendInt(out, int64(dropped), 10), "}\n"...)
	}
	if len(out) > 0 {
		_, _ = w.out.Write(out)
	}
	w.mu.Lock()
	if w.spare == nil && cap(out) <= 4*logBatch {
		w.spare = out[:0]
	}
	w.mu.Unlock()
}

func (w *logWriter) close() {
	w.once.Do(func() { close(w.stop) })
	<-w.stopped
}

// splitHandler logs warnings and errors through the urgent writer and
// everything else through the buffered one.
type splitHandler struct {
	buffered, urgent slog.Handler
}

func (h *splitHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h.buffered.Enabled(ctx, l)
}

func (h *splitHandler) Handle(ctx context.Context, r slog.Record) error {
	if r.Level >= slog.LevelWarn {
		return h.urgent.Handle(ctx, r)
	}
	return h.buffered.Handle(ctx, r)
}

func (h *splitHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &splitHandler{h.buffered.WithAttrs(attrs), h.urgent.WithAttrs(attrs)}
}

func (h *splitHandler) WithGroup(name string) slog.Handler {
	return &splitHandler{h.buffered.WithGroup(name), h.urgent.WithGroup(name)}
}
