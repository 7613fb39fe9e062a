package components

import (
	"context"
	"strings"

	"github.com/a-h/templ"
	lru "github.com/hashicorp/golang-lru/v2"

	"serverorless/web/advisor"
)

// A cloud's prices, limits and assumptions are a tenth of a result's
// rendering and the same for every answer on that cloud, so each cloud's
// are rendered once and kept. A site version has three clouds; the cache
// holds those of a few versions, since a reload brings new ones.
var figures, _ = lru.New[figuresKey, templ.Component](16)

type figuresKey struct {
	cloud  *advisor.Cloud
	common *advisor.Common
}

// cloudFiguresOnce is cloudFigures, rendered the first time it is asked for.
func cloudFiguresOnce(cloud *advisor.Cloud, common *advisor.Common) templ.Component {
	k := figuresKey{cloud, common}
	if c, ok := figures.Get(k); ok {
		return c
	}
	var b strings.Builder
	if err := cloudFigures(cloud, common).Render(context.Background(), &b); err != nil {
		return cloudFigures(cloud, common) // renders again, and reports the error where it writes
	}
	c := templ.Raw(b.String())
	figures.Add(k, c)
	return c
}
