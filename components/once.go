package components

import (
	"context"
	"strings"

	"github.com/a-h/templ"
	lru "github.com/hashicorp/golang-lru/v2"

	"serverorless/web/advisor"
)

// Some parts of a result are the same for every answer that shares a few
// inputs: a cloud's prices, limits and assumptions (a fifth of a result
// fragment's rendering), a choice question with one of its answers
// checked (most of the form's). Each is rendered the first time and kept.
// A site version has a few dozen; the cache holds those of several, since
// a reload brings new ones.
var rendered, _ = lru.New[any, templ.Component](1024)

// once is what c renders, rendered the first time key is asked for and
// kept. A key names everything c reads.
func once(key any, c templ.Component) templ.Component {
	if r, ok := rendered.Get(key); ok {
		return r
	}
	var b strings.Builder
	if err := c.Render(context.Background(), &b); err != nil {
		return c // renders again, and reports the error where it writes
	}
	r := templ.Raw(b.String())
	rendered.Add(key, r)
	return r
}

// figuresKey names a cloud's figures.
type figuresKey struct {
	cloud  *advisor.Cloud
	common *advisor.Common
}

// choiceKey names a choice question rendered with one of its answers
// checked and no message.
type choiceKey struct {
	q      *advisor.Question
	answer string
}
