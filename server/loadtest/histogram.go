package loadtest

import (
	"math/bits"
	"time"
)

// histogram counts latencies in buckets that grow with the latency, each
// about 3% wide, so that a run of any length keeps a few kilobytes and
// its percentiles are within 3% of the truth.
type histogram struct {
	counts [64 * subBuckets]uint64
	total  uint64
}

// subBuckets splits each power of two of nanoseconds.
const subBuckets = 32

func bucketOf(d time.Duration) int {
	ns := uint64(max(d, 1))
	exp := bits.Len64(ns) - 1 // ns lies in [2^exp, 2^(exp+1))
	if exp < 5 {
		return int(ns) // below 32 ns every nanosecond has its own bucket
	}
	sub := (ns >> (exp - 5)) & (subBuckets - 1)
	return exp*subBuckets + int(sub)
}

// lowerBound is the smallest latency in bucket i.
func lowerBound(i int) time.Duration {
	exp, sub := i/subBuckets, uint64(i%subBuckets)
	if exp < 5 {
		return time.Duration(i)
	}
	return time.Duration((subBuckets + sub) << (exp - 5))
}

func (h *histogram) add(d time.Duration) {
	h.counts[bucketOf(d)]++
	h.total++
}

func (h *histogram) merge(o *histogram) {
	for i, n := range o.counts {
		h.counts[i] += n
	}
	h.total += o.total
}

// quantile returns the latency below which the fraction q of requests
// finished, to the bucket's lower bound.
func (h *histogram) quantile(q float64) time.Duration {
	if h.total == 0 {
		return 0
	}
	rank := uint64(q * float64(h.total-1))
	var seen uint64
	for i, n := range h.counts {
		seen += n
		if seen > rank {
			return lowerBound(i)
		}
	}
	return lowerBound(len(h.counts) - 1)
}
