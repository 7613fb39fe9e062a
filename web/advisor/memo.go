package advisor

import (
	lru "github.com/hashicorp/golang-lru/v2"
)

// The cost model's work for one set of inputs other than the volume (a
// cost axis, the bills along the volume) does not depend on the volume
// asked or on the answers the bills do not read, so readers who move the
// volume, or answer the stage or the team, reuse it. Flips make most of
// it: every alternative answer to a question the bills read is a new set
// of inputs. The caches are bounded; a new site version starts new ones.
const (
	// maxAxes holds the axes of about a hundred answer sets (each has
	// one, and about thirty more for its flips), about 1 KB each, and as
	// many of the bills they sample, about half that.
	maxAxes = 4096
	// maxCurves holds the curves of as many answer sets, about 6 KB each.
	maxCurves = 512
	// maxSavings holds the provisioned concurrency's counts of the bills
	// an answer set and its flips sample, a few hundred, for about twenty
	// answer sets, about 0.2 KB each.
	maxSavings = 8192
)

// costKey identifies the bills of a set of cost inputs on a cloud at every
// volume: their billed inputs without the volume.
type costKey struct {
	cloud string
	in    CostInputs
}

func keyOf(c *Cloud, in CostInputs) costKey {
	in.Requests = 0
	if c.t.dbPoolerVCPUHour == nil && c.t.containersSharedMinVCPU == nil {
		in.DataHeavy = false // no bill of this cloud reads it
	}
	if c.Products.CustomDomain == "" {
		in.CustomDomain = false // nor this
	}
	return costKey{c.ID, in.billed()}
}

// memo is a bounded cache of values computed from a key. Compile gives
// the model and its prices theirs; without one (a Pricing built by
// hand), every value is computed afresh.
type memo[K comparable, V any] struct {
	cache *lru.Cache[K, V]
}

func newMemo[K comparable, V any](size int) *memo[K, V] {
	c, err := lru.New[K, V](size)
	if err != nil {
		panic(err) // only for a size below 1
	}
	return &memo[K, V]{cache: c}
}

// get returns the value kept for k, or computes it and keeps it.
// Concurrent readers of a new key may both compute it: the values are
// equal, and either is kept.
func (m *memo[K, V]) get(k K, compute func() V) V {
	if v, ok := m.lookup(k); ok {
		return v
	}
	v := compute()
	m.keep(k, v)
	return v
}

// lookup returns the value kept for k, if one is.
func (m *memo[K, V]) lookup(k K) (V, bool) {
	if m == nil {
		var none V
		return none, false
	}
	return m.cache.Get(k)
}

// keep keeps v for k.
func (m *memo[K, V]) keep(k K, v V) {
	if m != nil {
		m.cache.Add(k, v)
	}
}
