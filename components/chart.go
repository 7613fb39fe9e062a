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
	You                    chartMark  // the reader's volume
	Cheapest               *chartMark // "Cheapest", beside the cheapest option's dot
}

// chartLine is one option's cost curve, and where the reader's volume
// sits on it.
type chartLine struct {
	Kind     advisor.OptionKind
	Label    string
	Points   string // polyline points
	You      chartPoint
	Cheapest bool // at the reader's volume
}

type chartTick struct {
	Pos    float64
	Label  string
	Anchor string // the x axis's first label starts at the origin, clear of the cost axis's
}

type chartPoint struct{ X, Y float64 }

type chartMark struct {
	X, Y   float64
	Label  string
	LabelY float64 // the label's baseline
	Anchor string  // text-anchor of the label: start, or end near the right edge
}

// costCharts lays out both variants of the chart from the result's
// points.
func costCharts(m *advisor.Model, answers advisor.Answers, cost *advisor.Cost) (wide, narrow costChart) {
	points := cost.Points()
	// The wide variant shows from a 30rem column (480 px, 0.75 of its
	// width), where its 15-unit labels are 11.25 px.
	wide = newCostChart(points, cost, costChart{Variant: "wide", Width: 640, Height: 340, Left: 72, Right: 24, Top: 26, Bot: 48, FontSize: 15})
	// The narrow variant's box is about as wide as a phone shows it (a
	// 320 px screen leaves some 260 px), so its labels keep their size.
	narrow = newCostChart(points, cost, costChart{Variant: "narrow", Width: 300, Height: 250, Left: 50, Right: 18, Top: 30, Bot: 40, FontSize: 14})
	return wide, narrow
}

func newCostChart(points []advisor.CostPoint, cost *advisor.Cost, c costChart) costChart {
	c.MinX, c.MaxX = math.Log10(cost.ChartFrom()), math.Log10(cost.ChartTo())
	top, bottom := 1.0, 1.0
	for _, p := range points {
		for _, v := range []float64{p.Functions, p.Containers, p.Servers} {
			if !math.IsNaN(v) {
				top = math.Max(top, v)
				if v > 0 {
					bottom = math.Min(bottom, v)
				}
			}
		}
	}
	for _, b := range cost.Bills() {
		if b.Available && b.Total > 0 {
			bottom = math.Min(bottom, b.Total)
		}
	}
	c.MaxY = math.Ceil(math.Log10(top))
	// A bill under a dollar is drawn where it is, down to a cent; only
	// nothing at all sits on the axis.
	c.MinY = math.Max(-2, math.Floor(math.Log10(bottom)))
	c.You = chartMark{X: c.x(cost.ChartRequests()), Label: "You"}
	cheapest := cost.Cheapest()
	// Each point's position along the volume, once for the three lines;
	// the least volume and cost drawn, once for the hundreds of points.
	lowestX, lowestY := math.Pow(10, c.MinX), math.Pow(10, c.MinY)
	xs := make([]float64, len(points))
	for i, p := range points {
		xs[i] = c.xAt(math.Log10(math.Max(p.Requests, lowestX)))
	}
	for _, b := range cost.Bills() {
		if !b.Available {
			continue
		}
		line := chartLine{Kind: b.Kind, Label: b.Product, You: chartPoint{c.You.X, c.y(b.Total)}, Cheapest: b == cheapest}
		buf := make([]byte, 0, len(points)*12)
		for i, p := range points {
			if v := pointCost(p, b.Kind); !math.IsNaN(v) {
				if len(buf) > 0 {
					buf = append(buf, ' ')
				}
				buf = appendPoint(buf, xs[i], c.yAt(math.Log10(math.Max(v, lowestY))))
			}
		}
		line.Points = string(buf)
		c.Lines = append(c.Lines, line)
	}
	c.ticks()
	if cost.HasBreakEven {
		c.BreakEven = &chartMark{X: c.x(cost.BreakEven), Y: c.y(cost.Servers.Total), Label: "≈" + shortCount(advisor.RoundSignificant(cost.BreakEven, 2))}
		for _, p := range points {
			if p.Requests >= cost.BreakEven {
				c.BreakEven.Y = c.y(p.Servers)
				break
			}
		}
	}
	c.placeLabels()
	return c
}

// ticks puts a tick at every decade of requests while nine fit (five on
// the narrow chart), else at every other or every third, and at most six
// on the cost axis (three on the narrow chart).
func (c *costChart) ticks() {
	xTicks, yTicks := 9.0, 6.0
	if c.Variant == "narrow" {
		xTicks, yTicks = 5, 3
	}
	step := math.Max(1, math.Ceil((c.MaxX-c.MinX)/(xTicks-1)))
	for e := c.MinX; e <= c.MaxX; e += step {
		c.XTicks = append(c.XTicks, chartTick{c.x(math.Pow(10, e)), shortCount(math.Pow(10, e)), "middle"})
	}
	if len(c.XTicks) > 0 {
		c.XTicks[0].Anchor = "start"
		c.XTicks[len(c.XTicks)-1].Anchor = "end"
	}
	ystep := math.Max(1, math.Ceil((c.MaxY-c.MinY)/yTicks))
	for e := c.MinY; e <= c.MaxY; e += ystep {
		c.YTicks = append(c.YTicks, chartTick{c.y(math.Pow(10, e)), "$" + shortCount(math.Pow(10, e)), "end"})
	}
}

// placeLabels keeps the chart's labels apart: "You" heads the reader's
// line, the break-even label sits a line lower when the two are close, a
// label near the right edge ends at its line instead of starting there, and
// "Cheapest" goes beside the cheapest dot on the side with room.
func (c *costChart) placeLabels() {
	gap := c.FontSize * 0.5
	room := func(x float64, label string) string {
		if x+gap+textWidth(label, c.FontSize) > c.Width-c.Right {
			return "end"
		}
		return "start"
	}
	c.You.LabelY, c.You.Anchor = c.Top-gap, room(c.You.X, c.You.Label)
	if b := c.BreakEven; b != nil {
		b.Anchor = room(b.X, b.Label)
		b.LabelY = c.Top - gap
		youLo, youHi := c.labelSpan(&c.You)
		if bLo, bHi := c.labelSpan(b); bLo < youHi+gap && youLo < bHi+gap {
			b.LabelY = c.Top + c.FontSize
		}
	}
	for _, l := range c.Lines {
		if l.Cheapest {
			c.Cheapest = &chartMark{X: l.You.X, Y: l.You.Y, LabelY: l.You.Y + c.FontSize*0.35, Label: "Cheapest"}
			// Near the axis the label goes above its dot, clear of the
			// axis's labels.
			if c.Cheapest.LabelY+c.FontSize*0.3 > c.plotBottom()-2 {
				c.Cheapest.LabelY = l.You.Y - c.FontSize*0.8
			}
			c.Cheapest.Anchor = room(l.You.X+gap, c.Cheapest.Label)
			// Clear of the dot's radius.
			if c.Cheapest.Anchor == "end" {
				c.Cheapest.X -= 6
			} else {
				c.Cheapest.X += 6
			}
			// Clear of the labels that head the chart: below its dot.
			if c.overlapsHead(c.Cheapest) {
				c.Cheapest.LabelY = l.You.Y + c.FontSize*1.4
			}
		}
	}
}

// overlapsHead reports whether a mark's label runs into the labels above
// the plot ("You" and the break-even).
func (c costChart) overlapsHead(m *chartMark) bool {
	lo, hi := c.labelSpan(m)
	for _, head := range []*chartMark{&c.You, c.BreakEven} {
		if head == nil {
			continue
		}
		hlo, hhi := c.labelSpan(head)
		if lo < hhi && hlo < hi && math.Abs(m.LabelY-head.LabelY) < c.FontSize*1.3 {
			return true
		}
	}
	return false
}

// labelSpan is the horizontal extent of a mark's label.
func (c costChart) labelSpan(m *chartMark) (lo, hi float64) {
	x, w := c.labelX(m), textWidth(m.Label, c.FontSize)
	if m.Anchor == "end" {
		return x - w, x
	}
	return x, x + w
}

// labelX is where a mark's label starts (or ends) beside its line.
func (c costChart) labelX(m *chartMark) float64 {
	if m.Anchor == "end" {
		return m.X - c.FontSize*0.6
	}
	return m.X + c.FontSize*0.6
}

// textWidth estimates the width of a label in the chart's font.
func textWidth(s string, size float64) float64 {
	return float64(len([]rune(s))) * size * 0.6
}

// pointCost is the bill of one kind of option at a sampled volume.
func pointCost(p advisor.CostPoint, kind advisor.OptionKind) float64 {
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
	return c.xAt(math.Log10(math.Max(requests, math.Pow(10, c.MinX))))
}

// xAt maps a volume's power of ten to the horizontal position.
func (c costChart) xAt(e float64) float64 {
	return c.Left + (e-c.MinX)/(c.MaxX-c.MinX)*(c.Width-c.Left-c.Right)
}

// y maps a monthly cost to the vertical position; a bill below the axis's
// least (a cent, or nothing) sits on the axis.
func (c costChart) y(usd float64) float64 {
	return c.yAt(math.Log10(math.Max(usd, math.Pow(10, c.MinY))))
}

// yAt maps a cost's power of ten to the vertical position.
func (c costChart) yAt(e float64) float64 {
	return c.Height - c.Bot - (e-c.MinY)/math.Max(c.MaxY-c.MinY, 1)*(c.Height-c.Top-c.Bot)
}

func (c costChart) plotBottom() float64 { return c.Height - c.Bot }

// shortCount writes 10000 as 10k, 2.5e9 as 2.5B and 0.01 as 0.01.
func shortCount(n float64) string {
	if n < 1 {
		return strconv.FormatFloat(advisor.RoundSignificant(n, 2), 'f', -1, 64)
	}
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

// sourceText names a source by its address without the scheme, so that two
// sources on one host read apart: "cloud.google.com/run/quotas".
func sourceText(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	u, _, _ = strings.Cut(u, "#")
	return strings.TrimSuffix(strings.TrimPrefix(u, "www."), "/")
}
