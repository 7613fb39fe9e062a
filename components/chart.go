package components

import (
	"math"
	"strconv"
	"strings"

	"serverorless/web/advisor"
)

// costChart is the geometry of the cost chart: each option's monthly cost
// against monthly requests, both on log scales, computed on the server so
// the browser needs no chart library. A wide and a narrow variant share it;
// the narrow one has fewer ticks and larger labels for phones.
type costChart struct {
	Variant                string  // "wide" or "narrow"
	Width, Height          float64 // of the viewBox
	Left, Right, Top, Bot  float64
	MinX, MaxX, MinY, MaxY float64 // log10 of the ranges
	FontSize               float64
	Lines                  []chartLine
	XTicks, YTicks         []chartTick
	BreakEven              *chartMark
	You                    chartMark // the reader's volume
}

// chartLine is one option's cost curve, and where the reader's volume
// sits on it.
type chartLine struct {
	Kind, Label string
	Points      string // polyline points
	You         chartPoint
	Cheapest    bool // at the reader's volume
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

// chartVolumes are the sampled volumes: 10³ to 10¹¹ requests a month,
// 12 samples a decade, enough for the servers' steps to show.
var chartVolumes = func() []float64 {
	var v []float64
	lo, hi := math.Log10(advisor.MinChartRequests), math.Log10(advisor.MaxChartRequests)
	for e := lo; e <= hi+1e-9; e += 1.0 / 12 {
		v = append(v, math.Pow(10, e))
	}
	return v
}()

// costCharts samples the bills once and lays out both variants.
func costCharts(m *advisor.Model, answers advisor.Answers, cost *advisor.Cost) (wide, narrow costChart) {
	points := m.Pricing.Curve(cost.Cloud.ID, cost.Inputs, chartVolumes)
	wide = newCostChart(points, cost, costChart{Variant: "wide", Width: 640, Height: 340, Left: 64, Right: 20, Top: 16, Bot: 44, FontSize: 12})
	narrow = newCostChart(points, cost, costChart{Variant: "narrow", Width: 360, Height: 300, Left: 52, Right: 12, Top: 14, Bot: 40, FontSize: 15})
	return wide, narrow
}

func newCostChart(points []advisor.CostPoint, cost *advisor.Cost, c costChart) costChart {
	c.MinX, c.MaxX, c.MinY = math.Log10(advisor.MinChartRequests), math.Log10(advisor.MaxChartRequests), 0
	top := 1.0
	for _, p := range points {
		for _, v := range []float64{p.Functions, p.Containers, p.Servers} {
			if !math.IsNaN(v) {
				top = math.Max(top, v)
			}
		}
	}
	c.MaxY = math.Ceil(math.Log10(top))
	you := math.Min(math.Max(cost.Inputs.Requests, advisor.MinChartRequests), advisor.MaxChartRequests)
	c.You = chartMark{X: c.x(you), Label: "You"}
	cheapest := cost.Cheapest()
	for _, b := range cost.Bills() {
		if !b.Available {
			continue
		}
		line := chartLine{Kind: b.Kind, Label: b.Product, You: chartPoint{c.x(you), c.y(b.Total)}, Cheapest: b == cheapest}
		buf := make([]byte, 0, len(points)*12)
		for i, p := range points {
			if i > 0 {
				buf = append(buf, ' ')
			}
			buf = appendPoint(buf, c.x(p.Requests), c.y(pointCost(p, b.Kind)))
		}
		line.Points = string(buf)
		c.Lines = append(c.Lines, line)
	}
	step := 1.0
	if c.Variant == "narrow" {
		step = 2
	}
	for e := c.MinX; e <= c.MaxX; e += step {
		c.XTicks = append(c.XTicks, chartTick{c.x(math.Pow(10, e)), shortCount(math.Pow(10, e))})
	}
	ystep := math.Max(1, math.Ceil((c.MaxY-c.MinY)/(6/step)))
	for e := c.MinY; e <= c.MaxY; e += ystep {
		c.YTicks = append(c.YTicks, chartTick{c.y(math.Pow(10, e)), "$" + shortCount(math.Pow(10, e))})
	}
	if cost.HasBreakEven {
		c.BreakEven = &chartMark{X: c.x(cost.BreakEven), Y: c.y(cost.Servers.Total), Label: "≈" + shortCount(advisor.RoundSignificant(cost.BreakEven, 2))}
		for _, p := range points {
			if p.Requests >= cost.BreakEven {
				c.BreakEven.Y = c.y(p.Servers)
				break
			}
		}
	}
	return c
}

// pointCost is the bill of one kind of option at a sampled volume.
func pointCost(p advisor.CostPoint, kind string) float64 {
	switch kind {
	case advisor.Functions:
		return p.Functions
	case advisor.Containers:
		return p.Containers
	}
	return p.Servers
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
	return c.Height - c.Bot - (e-c.MinY)/math.Max(c.MaxY-c.MinY, 1)*(c.Height-c.Top-c.Bot)
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
