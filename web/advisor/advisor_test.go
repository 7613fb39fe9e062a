package advisor_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"serverorless/content"
	"serverorless/web"
	"serverorless/web/advisor"
)

// model loads the real decision model from the embedded content.
func model(t testing.TB) *advisor.Model {
	t.Helper()
	site, err := web.Load(content.FS())
	require.NoError(t, err)
	return site.Model
}

func answers(t testing.TB, m *advisor.Model, query string) advisor.Answers {
	t.Helper()
	q, err := url.ParseQuery(query)
	require.NoError(t, err)
	a, errs := m.Parse(q)
	require.Empty(t, errs, "scenario %q must be valid", query)
	return a
}
