package advisor_test

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"slices"
)

func TestZZMemorySweep(t *testing.T) {
	m := model(t)
	rng := rand.New(rand.NewPCG(9, 7))
	bad := 0
	for _, cloud := range []string{"aws", "gcp", "azure"} {
		for range 25 {
			a := randomAnswers(m, rng)
			a["cloud"] = cloud
			var seen []string
			var trail []string
			for e := math.Log10(128); e <= math.Log10(262144)+1e-9; e += 0.25 {
				a["memory"] = strconv.FormatInt(int64(math.Round(math.Pow(10, e))), 10)
				r := m.Recommend(a)
				v := r.Verdict
				trail = append(trail, a["memory"]+":"+v[:3]+"/"+strconv.FormatFloat(r.Scores[v], 'f', 1, 64))
				if len(seen) == 0 || seen[len(seen)-1] != v {
					if slices.Contains(seen, v) {
						bad++
						t.Logf("%s requests=%s duration=%s traffic=%s entry=%s: %s", cloud, a["requests"], a["duration"], a["traffic"], a["entry"], strings.Join(trail, " "))
						break
					}
					seen = append(seen, v)
				}
			}
		}
	}
	t.Logf("bad %d of 75", bad)
}
