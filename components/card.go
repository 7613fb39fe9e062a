package components

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strconv"
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
	verdictColours = map[string]color.RGBA{
		advisor.Serverless:  {0x6d, 0x28, 0xd9, 0xff},
		advisor.Traditional: {0x0f, 0x5f, 0x8a, 0xff},
		advisor.Hybrid:      {0xa1, 0x4e, 0x06, 0xff},
	}
)

// Card renders the link preview of a recommendation as a PNG: the verdict,
// its confidence, the main reasons, both monthly costs and the site's name.
// The same answers always give the same bytes.
func Card(p AdvisorProps) ([]byte, error) {
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
	}{"site": {bold, 30}, "kicker": {bold, 24}, "verdict": {bold, 84}, "body": {regular, 30}, "cost": {bold, 34}, "small": {regular, 22}} {
		if faces[name], err = face(spec.f, spec.size); err != nil {
			return nil, err
		}
	}

	img := image.NewRGBA(image.Rect(0, 0, CardWidth, CardHeight))
	draw.Draw(img, img.Bounds(), image.NewUniform(cardBackground), image.Point{}, draw.Src)
	colour := verdictColours[p.Result.Verdict]
	draw.Draw(img, image.Rect(0, 0, 24, CardHeight), image.NewUniform(colour), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(72, 96, 132, 102), image.NewUniform(cardAccent), image.Point{}, draw.Src)

	text := func(name string, c color.Color, x, y int, s string) {
		d := &font.Drawer{Dst: img, Src: image.NewUniform(c), Face: faces[name], Dot: fixed.P(x, y)}
		d.DrawString(s)
	}
	text("site", cardAccent, 72, 80, SiteName)
	text("kicker", cardMuted, 72, 150, "RECOMMENDATION")
	info := p.Model.VerdictInfo(p.Result.Verdict)
	text("verdict", colour, 68, 235, info.Label)
	text("kicker", cardMuted, 76, 280, strconv.Itoa(percent(p.Result.Confidence))+"% confidence")

	y := 340
	n := 0
	for _, r := range p.Result.Reasons {
		if r.Impact <= 0 || n == 3 {
			continue
		}
		n++
		line := r.Question.Label + ": " + r.Question.AnswerLabel(r.Answer)
		text("body", cardText, 72, y, "• "+ellipsize(faces["body"], line, CardWidth-72-80))
		y += 46
	}
	if c := p.Result.Cost; c != nil {
		text("small", cardMuted, 72, 530, "Monthly cost at these numbers")
		text("cost", verdictColours[advisor.Serverless], 72, 575, "Serverless "+advisor.FormatUSD(c.Serverless.Total))
		text("cost", verdictColours[advisor.Traditional], 520, 575, "Servers "+advisor.FormatUSD(c.Traditional.Total))
	}

	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("encoding the card: %w", err)
	}
	return buf.Bytes(), nil
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
