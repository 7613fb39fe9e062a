package components

import (
	"math"
	"strconv"
	"strings"

	"serverorless/web/advisor"
)

// costChart is the geometry of the cost chart: monthly cost against monthly
// requests, both on log scales, computed on the server so the browser needs
// no chart library.
type costChart struct {
	Width, Height          float64
	Left, Right, Top, Bot  float64
	MinX, MaxX, MinY, MaxY float64 // log10 of the ranges
	Serverless             string  // polyline points
	Traditional            string
	XTicks, YTicks         []chartTick
	BreakEven              *chartMark
	You                    chartMark
	YouServerless          chartPoint
	YouTraditional         chartPoint
}

type chartTick struct {
	Pos   float64
	Label string
}

type chartPoint struct{ X, Y float64 }

type chartMark struct {
	X, Y  float64
	Label string
}

// chartVolumes are the sampled volumes: 10,000 to 100 billion requests a
// month, 24 samples a decade, enough for the servers' steps to show.
var chartVolumes = func() []float64 {
	var v []float64
	for e := 4.0; e <= 11.0001; e += 1.0 / 24 {
		v = append(v, math.Pow(10, e))
	}
	return v
}()

func newCostChart(prices *advisor.Prices, in advisor.CostInputs, cost *advisor.Cost) costChart {
	c := costChart{Width: 640, Height: 340, Left: 64, Right: 20, Top: 16, Bot: 44, MinX: 4, MaxX: 11, MinY: 0}
	points := prices.Curve(in, chartVolumes)
	top := 1.0
	for _, p := range points {
		top = math.Max(top, math.Max(p.Serverless, p.Traditional))
	}
	c.MaxY = math.Ceil(math.Log10(top))
	s := make([]byte, 0, len(points)*12)
	t := make([]byte, 0, len(points)*12)
	for i, p := range points {
		if i > 0 {
			s, t = append(s, ' '), append(t, ' ')
		}
		x := c.x(p.Requests)
		s = appendPoint(s, x, c.y(p.Serverless))
		t = appendPoint(t, x, c.y(p.Traditional))
	}
	c.Serverless, c.Traditional = string(s), string(t)
	for e := c.MinX; e <= c.MaxX; e++ {
		c.XTicks = append(c.XTicks, chartTick{c.x(math.Pow(10, e)), shortCount(math.Pow(10, e))})
	}
	step := math.Max(1, math.Ceil((c.MaxY-c.MinY)/6))
	for e := c.MinY; e <= c.MaxY; e += step {
		c.YTicks = append(c.YTicks, chartTick{c.y(math.Pow(10, e)), "$" + shortCount(math.Pow(10, e))})
	}
	if cost.HasBreakEven && cost.BreakEven >= math.Pow(10, c.MinX) {
		in.Requests = cost.BreakEven
		c.BreakEven = &chartMark{X: c.x(cost.BreakEven), Y: c.y(prices.Serverless(in).Total), Label: "Break-even " + shortCount(cost.BreakEven)}
	}
	you := math.Max(in.Requests, math.Pow(10, c.MinX))
	c.You = chartMark{X: c.x(you), Label: "You"}
	c.YouServerless = chartPoint{c.x(you), c.y(cost.Serverless.Total)}
	c.YouTraditional = chartPoint{c.x(you), c.y(cost.Traditional.Total)}
	return c
}

// appendPoint writes "x,y" with one decimal, for a polyline.
func appendPoint(b []byte, x, y float64) []byte {
	b = strconv.AppendFloat(b, x, 'f', 1, 64)
	b = append(b, ',')
	return strconv.AppendFloat(b, y, 'f', 1, 64)
}

// x maps a volume to the horizontal position.
func (c costChart) x(requests float64) float64 {
	e := math.Log10(math.Max(requests, math.Pow(10, c.MinX)))
	return c.Left + (e-c.MinX)/(c.MaxX-c.MinX)*(c.Width-c.Left-c.Right)
}

// y maps a monthly cost to the vertical position; a dollar or less sits
// on the axis.
func (c costChart) y(usd float64) float64 {
	e := math.Log10(math.Max(usd, 1))
	return c.Height - c.Bot - (e-c.MinY)/(c.MaxY-c.MinY)*(c.Height-c.Top-c.Bot)
}

func (c costChart) plotBottom() float64 { return c.Height - c.Bot }

// shortCount writes 10000 as 10k and 2.5e9 as 2.5B.
func shortCount(n float64) string {
	for _, u := range []struct {
		div    float64
		suffix string
	}{{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}} {
		if n >= u.div {
			return strconv.FormatFloat(math.Round(n/u.div*10)/10, 'f', -1, 64) + u.suffix
		}
	}
	return strconv.FormatFloat(math.Round(n), 'f', -1, 64)
}

func f1(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// hostOf returns the host of a URL, for a short link text.
func hostOf(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	host, _, _ := strings.Cut(u, "/")
	return host
}
