package export

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"serverorless/web/advisor"
)

// The link-preview card is 1200x630, the size chat apps and social sites
// expect for a large preview.
const (
	CardWidth  = 1200
	CardHeight = 630
)

// cardBold and cardRegular are the Go fonts (a BSD-style licence), embedded in the binary
// by their packages, parsed once.
var cardBold = sync.OnceValues(func() (*opentype.Font, error) {
	return opentype.Parse(gobold.TTF)
})

var cardRegular = sync.OnceValues(func() (*opentype.Font, error) {
	return opentype.Parse(goregular.TTF)
})

func face(f *opentype.Font, size float64) (font.Face, error) {
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
}

var (
	cardBackground = color.RGBA{0xfb, 0xfb, 0xf9, 0xff}
	cardText       = color.RGBA{0x1b, 0x1d, 0x21, 0xff}
	cardMuted      = color.RGBA{0x55, 0x5a, 0x63, 0xff}
	cardAccent     = color.RGBA{0x43, 0x38, 0xca, 0xff}
	verdictColours = map[advisor.Verdict]color.RGBA{
		advisor.Serverless:           {0x6d, 0x28, 0xd9, 0xff},
		advisor.ServerlessContainers: {0x0b, 0x6e, 0x4f, 0xff},
		advisor.Traditional:          {0x0f, 0x5f, 0x8a, 0xff},
		advisor.Hybrid:               {0xa1, 0x4e, 0x06, 0xff},
	}
	kindColours = map[advisor.OptionKind]color.RGBA{
		advisor.Functions:  verdictColours[advisor.Serverless],
		advisor.Containers: verdictColours[advisor.ServerlessContainers],
		advisor.Servers:    verdictColours[advisor.Traditional],
	}
)

// Card renders the link preview of a recommendation as a PNG: the verdict
// (or the close call), its confidence, what it is because of, and on the
// right each option's monthly cost with a small picture of where the
// functions and servers bills cross. The same answers always give the same
// bytes.
func Card(in Input) ([]byte, error) {
	faces, err := cardFaces()
	if err != nil {
		return nil, err
	}
	r := in.Result
	img := image.NewRGBA(image.Rect(0, 0, CardWidth, CardHeight))
	draw.Draw(img, img.Bounds(), image.NewUniform(cardBackground), image.Point{}, draw.Src)
	colour := verdictColours[r.Verdict]
	draw.Draw(img, image.Rect(0, 0, 24, CardHeight), image.NewUniform(colour), image.Point{}, draw.Src)
	text := func(name string, c color.Color, x, y int, s string) {
		d := &font.Drawer{Dst: img, Src: image.NewUniform(c), Face: faces[name], Dot: fixed.P(x, y)}
		d.DrawString(s)
	}
	text("site", cardAccent, 72, 72, in.SiteName)
	kicker := "RECOMMENDATION"
	if r.Platform != "" {
		kicker += " · ON " + strings.ToUpper(r.Platform)
	}
	if r.CloseCall {
		kicker = "CLOSE CALL, AHEAD OF " + strings.ToUpper(in.Model.VerdictInfo(r.RunnerUp).Label)
	}
	text("kicker", cardMuted, 72, 140, ellipsize(faces["kicker"], kicker, 600))
	text("verdict", colour, 68, 222, ellipsize(faces["verdict"], in.Model.VerdictInfo(r.Verdict).Label, 620))
	text("confidence", cardText, 72, 282, ellipsize(faces["confidence"], advisor.UpperFirst(ConfidenceText(in.Model, r)), 620))
	y := 350
	for _, line := range cardLines(r) {
		text("body", cardText, 72, y, ellipsize(faces["body"], line, 600))
		y += 44
	}
	drawCosts(img, faces, r.Cost, r.Cost.PointsPerDecade(4))
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("encoding the card: %w", err)
	}
	return buf.Bytes(), nil
}

// cardFaces are the card's type sizes, large enough to read when the card
// is shown 400 pixels wide.
func cardFaces() (map[string]font.Face, error) {
	bold, err := cardBold()
	if err != nil {
		return nil, err
	}
	regular, err := cardRegular()
	if err != nil {
		return nil, err
	}
	faces := map[string]font.Face{}
	for name, spec := range map[string]struct {
		f    *opentype.Font
		size float64
	}{"site": {bold, 30}, "kicker": {bold, 24}, "verdict": {bold, 80}, "confidence": {bold, 36}, "body": {regular, 30}, "cost": {bold, 30}, "small": {regular, 24}} {
		if faces[name], err = face(spec.f, spec.size); err != nil {
			return nil, err
		}
	}
	return faces, nil
}

// cardLines are what the verdict is because of: the deciding limit, then
// the main reasons, three lines at most.
func cardLines(r *advisor.Result) []string {
	var lines []string
	if because := r.Because(); because != "" {
		lines = append(lines, "Because "+because)
	}
	for _, re := range r.Supporting(3 - len(lines)) {
		lines = append(lines, "• "+re.Label+": "+re.AnswerLabel)
	}
	return lines
}

// drawCosts draws each option's monthly cost on the right, and under them
// the functions and servers bills against volume, with the reader's volume
// and the crossing marked.
func drawCosts(img *image.RGBA, faces map[string]font.Face, c *advisor.Cost, curve []advisor.CostPoint) {
	text := func(name string, col color.Color, x, y int, s string) {
		d := &font.Drawer{Dst: img, Src: image.NewUniform(col), Face: faces[name], Dot: fixed.P(x, y)}
		d.DrawString(s)
	}
	x := 720
	text("small", cardMuted, x, 140, "Monthly cost, "+c.Cloud.Name)
	y := 190
	for _, b := range c.Bills() {
		amount := "not possible"
		if b.Available {
			amount = advisor.FormatUSD(b.Total)
		}
		text("cost", kindColours[b.Kind], x, y, amount)
		text("small", cardMuted, x+170, y, ellipsize(faces["small"], b.Product, CardWidth-x-170-40))
		y += 48
	}
	drawCrossing(img, c, curve, image.Rect(x, 360, CardWidth-60, 580))
}

// drawCrossing draws the functions and servers bills on log scales inside
// box, a dot at the reader's volume on each, and a mark where they cross.
func drawCrossing(img *image.RGBA, c *advisor.Cost, curve []advisor.CostPoint, box image.Rectangle) {
	if !c.Functions.Available || !c.Servers.Available {
		return
	}
	draw.Draw(img, image.Rect(box.Min.X, box.Max.Y, box.Max.X, box.Max.Y+2), image.NewUniform(cardMuted), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(box.Min.X, box.Min.Y, box.Min.X+2, box.Max.Y), image.NewUniform(cardMuted), image.Point{}, draw.Src)
	lo, hi := math.Log10(c.ChartFrom()), math.Log10(c.ChartTo())
	top := 1.0
	for _, p := range curve {
		top = math.Max(top, math.Max(p.Functions, p.Servers))
	}
	px := func(r float64) int {
		return box.Min.X + int((math.Log10(math.Max(r, c.ChartFrom()))-lo)/(hi-lo)*float64(box.Dx()))
	}
	py := func(usd float64) int {
		return box.Max.Y - int(math.Log10(math.Max(usd, 1))/math.Max(math.Log10(top), 1)*float64(box.Dy()))
	}
	for _, p := range curve {
		dot(img, px(p.Requests), py(p.Functions), 3, kindColours[advisor.Functions])
		dot(img, px(p.Requests), py(p.Servers), 3, kindColours[advisor.Servers])
	}
	if c.HasBreakEven {
		x := px(c.BreakEven)
		draw.Draw(img, image.Rect(x-1, box.Min.Y, x+1, box.Max.Y), image.NewUniform(cardAccent), image.Point{}, draw.Src)
	}
	you := c.ChartRequests()
	dot(img, px(you), py(c.Functions.Total), 9, kindColours[advisor.Functions])
	dot(img, px(you), py(c.Servers.Total), 9, kindColours[advisor.Servers])
}

// dot draws a filled square dot centred at (x, y).
func dot(img *image.RGBA, x, y, r int, col color.Color) {
	draw.Draw(img, image.Rect(x-r, y-r, x+r, y+r), image.NewUniform(col), image.Point{}, draw.Src)
}

// ellipsize shortens s to fit width pixels, ending with "…".
func ellipsize(f font.Face, s string, width int) string {
	if font.MeasureString(f, s).Ceil() <= width {
		return s
	}
	words := strings.Fields(s)
	for len(words) > 1 {
		words = words[:len(words)-1]
		if t := strings.Join(words, " ") + "…"; font.MeasureString(f, t).Ceil() <= width {
			return t
		}
	}
	return "…"
}
