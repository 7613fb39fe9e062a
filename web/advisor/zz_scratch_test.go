package advisor_test

import (
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"

	"serverorless/content"
	"serverorless/web"
)

func TestScratch(t *testing.T) {
	site, err := web.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	m := site.Model
	for _, q := range strings.Split(os.Getenv("Q"), ";") {
		v, _ := url.ParseQuery(q)
		a, errs := m.Parse(v)
		if len(errs) > 0 {
			t.Fatal(errs[0])
		}
		r := m.Recommend(a)
		fmt.Printf("== %s\nverdict %s conf %.2f close %v runner %s scores %v ruled %v\n", q, r.Verdict, r.Confidence, r.CloseCall, r.RunnerUp, r.Scores, r.RuledOut)
		for _, b := range r.Cost.Bills() {
			fmt.Printf("  %-10s %-40s avail=%v %10.2f %s\n", b.Kind, b.Product, b.Available, b.Total, b.Unavailable)
			if os.Getenv("V") != "" {
				for _, it := range b.Items {
					fmt.Printf("      %-12s %10.2f  %s\n", it.ID, it.USD, it.Formula)
				}
				if b.Sizing != nil {
					fmt.Printf("      sizing %+v\n", *b.Sizing)
				}
			}
		}
		fmt.Printf("  crossings %+v\n", r.Cost.Crossings)
		if r.Cost.Hybrid != nil {
			fmt.Printf("  hybrid %.2f %+v\n", r.Cost.Hybrid.Total, r.Cost.Hybrid.Parts)
		}
		for _, re := range r.Reasons {
			fmt.Printf("  [%s] %s=%s favours %s w=%.1f: %s\n", re.Stance, re.Factor, re.Answer, re.Favours, re.Weight, re.Sentence)
		}
		for _, l := range r.Limits {
			fmt.Printf("  LIMIT %s decisive=%v: %s\n", l.ID, l.Decisive, l.Message)
		}
		for _, c := range r.Caveats {
			fmt.Printf("  CAVEAT %s\n", c)
		}
		for _, s := range r.Split {
			fmt.Printf("  SPLIT %s -> %s: %s\n", s.Part, s.RunsOn, s.Why)
		}
		for _, f := range r.Flips {
			fmt.Printf("  FLIP %s\n", f.Sentence)
		}
	}
}
