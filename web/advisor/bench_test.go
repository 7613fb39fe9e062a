package advisor_test

import (
	"net/url"
	"testing"
)

// BenchmarkRecommend is the engine alone on typical answers: the bills of
// three options, their crossings and timeline, the reasons and the flips.
func BenchmarkRecommend(b *testing.B) {
	m := model(b)
	a := answers(b, m, "stage=scaleup&traffic=spiky&requests=50000000&jobs=hours&realtime=some")
	for b.Loop() {
		m.Recommend(a)
	}
}

// BenchmarkBills is the cost model's three bills at one volume, the unit
// every search and chart repeats.
func BenchmarkBills(b *testing.B) {
	m := model(b)
	in := m.CostInputs(answers(b, m, "traffic=spiky&requests=50000000"))
	for b.Loop() {
		m.Pricing.Curve("aws", in, []float64{5e7})
	}
}

func BenchmarkParse(b *testing.B) {
	m := model(b)
	q := url.Values{"traffic": {"spiky"}, "requests": {"2,000,000"}, "jobs": {"hours"}}
	for b.Loop() {
		m.Parse(q)
	}
}
