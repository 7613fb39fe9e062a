package components

import (
	"math"
	"strconv"

	"serverorless/web/advisor"
)

// timelineChart is the geometry of the growth timeline: each option's
// monthly bill, month by month, as the volume grows. Months run along a
// linear axis and dollars up a log scale, like the cost chart's; a wide and
// a narrow variant share it.
type timelineChart struct {
	Variant               string
	Width, Height         float64
	Left, Right, Top, Bot float64
	MinY, MaxY            float64 // log10 of the dollar range
	Last                  int     // the last month
	FontSize              float64
	Lines                 []timelineLine
	XTicks, YTicks        []chartTick
	Change                *chartMark // the month the cheapest option changes
}

// timelineLine is one option's path through the months.
type timelineLine struct {
	Kind  advisor.OptionKind
	Label string
	D     string // SVG path data; an unavailable month breaks the line
}

// timelineCharts lays out both variants of the timeline.
func timelineCharts(cost *advisor.Cost) (wide, narrow timelineChart) {
	wide = newTimelineChart(cost, timelineChart{Variant: "wide", Width: 640, Height: 250, Left: 72, Right: 24, Top: 26, Bot: 48, FontSize: 15})
	narrow = newTimelineChart(cost, timelineChart{Variant: "narrow", Width: 300, Height: 220, Left: 50, Right: 18, Top: 30, Bot: 40, FontSize: 14})
	return wide, narrow
}

func newTimelineChart(cost *advisor.Cost, c timelineChart) timelineChart {
	tl := cost.Timeline
	c.Last = len(tl) - 1
	lo, hi := math.Inf(1), 1.0
	for _, p := range tl {
		for _, v := range []float64{p.Functions, p.Containers, p.Servers} {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	c.MinY = math.Floor(math.Log10(math.Max(math.Min(lo, hi), 1)))
	c.MaxY = math.Max(math.Ceil(math.Log10(hi)), c.MinY+1)
	for _, b := range cost.Bills() {
		if d := c.path(tl, b.Kind); d != "" {
			c.Lines = append(c.Lines, timelineLine{Kind: b.Kind, Label: b.Product, D: d})
		}
	}
	step := 6
	if c.Variant == "narrow" {
		step = 12
	}
	for m := 0; m <= c.Last; m += step {
		label := strconv.Itoa(m)
		if m == 0 {
			label = "Now"
		}
		c.XTicks = append(c.XTicks, chartTick{c.x(m), label, "middle"})
	}
	// "Now" starts at the origin, clear of the cost axis's lowest label.
	c.XTicks[0].Anchor = "start"
	// The last month gets a tick of its own when the steps stop well short of it.
	if c.Last%step >= step/2 {
		c.XTicks = append(c.XTicks, chartTick{c.x(c.Last), strconv.Itoa(c.Last), "end"})
	}
	for e := c.MinY; e <= c.MaxY; e++ {
		c.YTicks = append(c.YTicks, chartTick{c.y(math.Pow(10, e)), "$" + shortCount(math.Pow(10, e)), "end"})
	}
	if m := cost.CheapestChangesAt; m > 0 && m < len(tl) {
		label := "Month " + strconv.Itoa(m)
		c.Change = &chartMark{X: c.x(m), Y: c.y(pointCost(tl[m].CostPoint, tl[m].Cheapest)), Label: label, LabelY: c.Top - c.FontSize*0.5, Anchor: "start"}
		if c.Change.X+textWidth(label, c.FontSize)+c.FontSize > c.Width-c.Right {
			c.Change.Anchor = "end"
		}
	}
	return c
}

// path draws one option's bills as a path; months where the option
// cannot run the work leave a gap.
func (c timelineChart) path(tl []advisor.TimelinePoint, kind advisor.OptionKind) string {
	var buf []byte
	pen := byte('M')
	for _, p := range tl {
		v := pointCost(p.CostPoint, kind)
		if math.IsNaN(v) {
			pen = 'M'
			continue
		}
		buf = append(buf, pen)
		buf = appendPoint(buf, c.x(p.Month), c.y(v))
		pen = 'L'
	}
	return string(buf)
}

func (c timelineChart) x(month int) float64 {
	return c.Left + float64(month)/math.Max(float64(c.Last), 1)*(c.Width-c.Left-c.Right)
}

func (c timelineChart) y(usd float64) float64 {
	e := math.Log10(math.Max(usd, 1))
	return c.Height - c.Bot - (e-c.MinY)/(c.MaxY-c.MinY)*(c.Height-c.Top-c.Bot)
}

func (c timelineChart) plotBottom() float64 { return c.Height - c.Bot }

// labelX is where the change's label starts (or ends) beside its line.
func (c timelineChart) labelX(m *chartMark) float64 {
	if m.Anchor == "end" {
		return m.X - c.FontSize*0.5
	}
	return m.X + c.FontSize*0.5
}

// timelineRows are the months the timeline's table lists: every third
// month, the month the cheapest option changes and the last month.
func timelineRows(cost *advisor.Cost) []advisor.TimelinePoint {
	var out []advisor.TimelinePoint
	last := len(cost.Timeline) - 1
	for _, p := range cost.Timeline {
		if p.Month%3 == 0 || p.Month == cost.CheapestChangesAt || p.Month == last {
			out = append(out, p)
		}
	}
	return out
}

// monthText names a month of the timeline.
func monthText(m int) string {
	if m == 0 {
		return "Now"
	}
	return "Month " + strconv.Itoa(m)
}

// growing reports whether the reader expects the volume to grow, which
// is when the page shows the timeline.
func growing(p AdvisorProps) bool {
	g, err := strconv.ParseFloat(p.Answers["growth"], 64)
	return err == nil && g > 0 && p.Result.Cost != nil && len(p.Result.Cost.Timeline) > 1
}

func timelineDescription(cost *advisor.Cost, growth string) string {
	tl := cost.Timeline
	d := "Monthly cost of each option over the next " + strconv.Itoa(len(tl)) + " months at " + growth + "% growth a month, from " +
		advisor.FormatCount(tl[0].Requests) + " to " + cost.PerMonth(tl[len(tl)-1].Requests) + "."
	if head, back := cost.CheapestChange(); head != "" {
		d += " " + head + back + "."
	}
	return d
}
