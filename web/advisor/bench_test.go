package advisor_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"sync/atomic"
	"testing"

	"serverorless/web/advisor"
)

// BenchmarkRecommend is the engine alone on typical answers: the bills of
// three options, their crossings and timeline, the reasons and the flips.
func BenchmarkRecommend(b *testing.B) {
	m := model(b)
	for b.Loop() {
		// A new data transfer each time, never asked before in this
		// process (the model is shared by every run of the benchmark): new
		// inputs to the bills, so none of the cost axes and curves the
		// model keeps from earlier answers apply. (A new duration or
		// memory would not do: the axes weigh the bills at steps of
		// each, which nearby answers share.)
		m.Recommend(answers(b, m, fmt.Sprintf("stage=scaleup&traffic=spiky&requests=50000000&jobs=hours&realtime=some&egress=%d", 100+newEgress.Add(1))))
	}
}

// newEgress numbers the data transfers BenchmarkRecommend asks for.
var newEgress atomic.Int64

// BenchmarkRecommendRandom is the engine on answers drawn at random from
// every question's range, each new: what a stream of different readers
// costs, with every kind of workload, commitment and cloud among them.
func BenchmarkRecommendRandom(b *testing.B) {
	m := model(b)
	rng := rand.New(rand.NewPCG(5, 11))
	for b.Loop() {
		m.Recommend(randomAnswers(m, rng))
	}
}

// BenchmarkRecommendMixed is the engine on the mixed answers of
// .ci/answer-cpu: a new duration and memory each time (the memory mostly
// off the grid, which costs two cost axes a try), with the cloud, traffic
// shape, processor share and commitment taking turns. After a thousand
// the answers come round again, by when the model's caches have long let
// their cost axes go.
func BenchmarkRecommendMixed(b *testing.B) {
	m := model(b)
	clouds := []string{"aws", "gcp", "azure"}
	traffics := []string{"steady", "spiky", "cyclical", "unpredictable"}
	cpus := []string{"light", "moderate", "heavy"}
	commits := []string{"none", "1y", "3y"}
	for b.Loop() {
		i := int(newMixed.Add(1)%1000) + 1
		m.Recommend(answers(b, m, fmt.Sprintf("stage=scaleup&cloud=%s&traffic=%s&requests=%d&duration=%d&memory=%d&cpu=%s&jobs=minutes&commit=%s",
			clouds[i%3], traffics[i%4], 100000+i*7919, 80+i*7, 256+(i%40)*64, cpus[i%3], commits[(i/3)%3])))
	}
}

// newMixed numbers the answers BenchmarkRecommendMixed asks for.
var newMixed atomic.Int64

// BenchmarkRecommendNewVolume is a reader moving the volume: the answers
// are new, the other inputs to the bills are not.
func BenchmarkRecommendNewVolume(b *testing.B) {
	m := model(b)
	i := 0
	for b.Loop() {
		i++
		m.Recommend(answers(b, m, fmt.Sprintf("stage=scaleup&traffic=spiky&requests=%d&jobs=hours&realtime=some", 1000000+i*7919)))
	}
}

// BenchmarkBills is the cost model's three bills along the chart's
// volumes, the unit every axis, curve and timeline repeats: ns/volume is
// one volume's three bills.
func BenchmarkBills(b *testing.B) {
	m := model(b)
	in := m.CostInputs(answers(b, m, "traffic=spiky&requests=50000000"))
	var volumes []float64
	for i := 0.0; i <= 8*advisor.CurvePerDecade; i++ {
		volumes = append(volumes, advisor.MinChartRequests*math.Pow(10, i/advisor.CurvePerDecade))
	}
	for b.Loop() {
		m.Pricing.Curve("aws", in, volumes)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(volumes)), "ns/volume")
}

func BenchmarkParse(b *testing.B) {
	m := model(b)
	q := url.Values{"traffic": {"spiky"}, "requests": {"2,000,000"}, "jobs": {"hours"}}
	for b.Loop() {
		m.Parse(q)
	}
}
