package server

import (
	"context"
	"errors"
	"net/http"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/sync/semaphore"
	"golang.org/x/time/rate"
)

// What a new response costs, in answers of the engine: the unit of the
// per-client rate limit and of the slots it holds. Scenarios compute two
// answers; a card computes one and then draws it, which takes about as
// long again.
const (
	costAnswer    = 1
	costScenarios = 2
	costCard      = 2
)

// errBusy and errClientGone are why a build did not run: every slot was
// taken and the queue was full, or the client went away first.
var (
	errBusy       = echo.NewHTTPError(http.StatusServiceUnavailable, "The server is busy making other answers; try again in a moment.")
	errClientGone = errors.New("the client went away before its response was made")
)

// statusClientGone is logged for a request whose client hung up before its
// response was made (nginx's convention); nothing reaches the client.
const statusClientGone = 499

// workPool bounds the processor time spent making new responses, which
// anyone can ask for without end: builds hold slots from one pool shared by
// every client, at most half the processors, so that responses already made
// keep the rest. A few builds may wait for a slot, each for a short while;
// past that a request is refused at once with a cheap 503.
type workPool struct {
	sem      *semaphore.Weighted
	size     int64
	queued   atomic.Int64
	maxQueue int64
	maxWait  time.Duration
}

func newWorkPool(procs int) *workPool {
	size := int64(max(1, procs/2))
	return &workPool{sem: semaphore.NewWeighted(size), size: size, maxQueue: 4 * size, maxWait: time.Second}
}

func defaultWorkPool() *workPool { return newWorkPool(runtime.GOMAXPROCS(0)) }

// acquire takes slots for a build of the given cost and returns the function
// that gives them back. It returns errClientGone if ctx ends first (checked
// before waiting and again once the slots are granted, since a client that
// left needs nothing made) and errBusy if the queue is full or the wait too
// long.
func (p *workPool) acquire(ctx context.Context, cost int64) (func(), error) {
	if ctx.Err() != nil {
		return nil, errClientGone
	}
	n := min(cost, p.size)
	release := func() { p.sem.Release(n) }
	if p.sem.TryAcquire(n) {
		return release, nil
	}
	if p.queued.Add(1) > p.maxQueue {
		p.queued.Add(-1)
		return nil, errBusy
	}
	defer p.queued.Add(-1)
	wait, cancel := context.WithTimeout(ctx, p.maxWait)
	defer cancel()
	if err := p.sem.Acquire(wait, n); err != nil {
		if ctx.Err() != nil {
			return nil, errClientGone
		}
		return nil, errBusy
	}
	if ctx.Err() != nil {
		release()
		return nil, errClientGone
	}
	return release, nil
}

// withSlots runs build while holding slots of p for cost, or returns why
// not. A cost of 0 (the site's own pages, which are few) needs no slot.
func withSlots[T any](ctx context.Context, p *workPool, cost int, build func() (T, error)) (T, error) {
	if cost == 0 {
		return build()
	}
	release, err := p.acquire(ctx, int64(cost))
	if err != nil {
		var zero T
		return zero, err
	}
	defer release()
	return build()
}

// clientLimits is the per-client rate limit: a token bucket per client
// address, in answers (see costAnswer), forgotten after a few minutes of
// silence. echo's store takes one token per request; a Scenarios page
// must take two.
type clientLimits struct {
	rate      rate.Limit
	burst     int
	mu        sync.Mutex
	clients   map[string]*clientBucket
	lastSweep time.Time
}

type clientBucket struct {
	lim  *rate.Limiter
	seen time.Time
}

// clientForget is how long a silent client's bucket is kept; by then it is
// full again anyway.
const clientForget = 3 * time.Minute

func newClientLimits(perSecond float64) *clientLimits {
	return &clientLimits{rate: rate.Limit(perSecond), burst: max(costScenarios, int(2*perSecond)), clients: map[string]*clientBucket{}}
}

// allow takes cost tokens from client's bucket if it has them; otherwise
// it returns how long until it will.
func (l *clientLimits) allow(client string, cost int, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.lastSweep) > clientForget {
		for k, b := range l.clients {
			if now.Sub(b.seen) > clientForget {
				delete(l.clients, k)
			}
		}
		l.lastSweep = now
	}
	b, ok := l.clients[client]
	if !ok {
		b = &clientBucket{lim: rate.NewLimiter(l.rate, l.burst)}
		l.clients[client] = b
	}
	b.seen = now
	if b.lim.AllowN(now, cost) {
		return true, 0
	}
	r := b.lim.ReserveN(now, cost)
	wait := r.DelayFrom(now)
	r.CancelAt(now)
	return false, wait
}

// retryAfter is the Retry-After value for a wait: whole seconds, at
// least one.
func retryAfter(wait time.Duration) string {
	return strconv.FormatInt(max(1, int64((wait+time.Second-1)/time.Second)), 10)
}
