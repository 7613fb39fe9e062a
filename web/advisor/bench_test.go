package advisor_test

import "testing"

// BenchmarkRecommend measures one full recommendation, flips and cost
// included, as the advisor page and the API compute it per request.
func BenchmarkRecommend(b *testing.B) {
	m := model(b)
	a := answers(b, m, "stage=scaleup&traffic=spiky&requests=20000000&duration=300&jobs=hours&realtime=some")
	b.ReportAllocs()
	for b.Loop() {
		m.Recommend(a)
	}
}

// BenchmarkParse measures reading answers from a full query.
func BenchmarkParse(b *testing.B) {
	m := model(b)
	q := mustParseQuery(b, "stage=scaleup&traffic=spiky&requests=20,000,000&duration=300&memory=1024&jobs=hours&realtime=some&data=heavy&control=some&ops=dedicated&latency=critical")
	b.ReportAllocs()
	for b.Loop() {
		m.Parse(q)
	}
}
