package server

import (
	"mime"
	"path"

	"github.com/labstack/echo/v4"

	"serverorless/components"
	"serverorless/web"
)

// varyHTMX names the request headers with which htmx asks for a fragment
// instead of the page: a shared cache must keep the two apart.
const varyHTMX = "HX-Request, HX-Target, HX-History-Restore-Request"

// handleHome handles the "GET /" route.
func (s *Server) handleHome(c echo.Context) error {
	st := s.current()
	return s.cached(c, st, s.cacheKey(c, "home"), func() (reply, error) {
		home := st.site.Home
		quick, err := s.advise(c, st, st.site.Model.Defaults(), nil)
		if err != nil {
			return reply{}, err
		}
		return htmlReply(c, components.Home(components.HomeProps{
			Layout: s.layout(c, st, home.Title, home.Description, home.Path),
			Page:   home,
			Quick:  quick,
		}))
	})
}

// handlePage handles the "GET /:slug" route: one content page, and on the
// comparison page the scorecard with the reader's priorities.
func (s *Server) handlePage(c echo.Context) error {
	st := s.current()
	pg, ok := st.site.Page("/" + c.Param("slug"))
	if !ok || pg.Path == "/" {
		return echo.ErrNotFound
	}
	props := func() components.PageProps {
		p := components.PageProps{
			Layout: s.layout(c, st, pg.Title, pg.Description, pg.Path),
			Page:   pg,
		}
		p.Layout.EditURL = s.editURL(pg.File)
		return p
	}
	if pg.Scorecard == nil {
		return s.cached(c, st, s.cacheKey(c, "page "+pg.Path), func() (reply, error) {
			return htmlReply(c, components.ContentPage(props()))
		})
	}

	sc := s.scorecard(st, pg.Scorecard, c.QueryParams()["priority"])
	canonical := pg.Path
	if q := pg.Scorecard.Query(sc.Chosen); q != "" {
		canonical += "?" + q
	}
	build := func() (reply, error) {
		p := props()
		p.Scorecard = &sc
		return htmlReply(c, components.ContentPage(p))
	}
	key := "page " + canonical
	if isFragmentRequest(c) && c.Request().Header.Get("HX-Target") == "scorecard-tally" {
		build = func() (reply, error) {
			r, err := htmlReply(c, components.ScorecardTally(sc))
			r.pushURL = canonical
			return r, err
		}
		key = "tally " + canonical
	}
	withVary := func() (reply, error) {
		r, err := build()
		r.vary = varyHTMX
		return r, err
	}
	if len(sc.Unknown) > 0 {
		// The page names the priorities it does not know: it echoes the
		// reader's input, so it is made for this request only.
		return s.uncached(c, costAnswer, withVary)
	}
	return s.cachedAnswer(c, st, s.cacheKey(c, key), costAnswer, withVary)
}

// handleFAQ handles the "GET /faq" route.
func (s *Server) handleFAQ(c echo.Context) error {
	st := s.current()
	faq := st.site.FAQ
	if faq == nil {
		return echo.ErrNotFound
	}
	return s.cached(c, st, s.cacheKey(c, "faq"), func() (reply, error) {
		layout := s.layout(c, st, faq.Title, faq.Description, faq.Path)
		layout.EditURL = s.editURL(faq.File)
		return htmlReply(c, components.FAQPage(components.FAQProps{Layout: layout, FAQ: faq}))
	})
}

// scorecard prepares the comparison scorecard for the priorities a reader
// marked.
func (s *Server) scorecard(st *siteState, card *web.Scorecard, priorities []string) components.ScorecardProps {
	chosen, unknown := card.Priorities(priorities)
	return components.ScorecardProps{
		Card:    card,
		Verdict: st.site.Model.VerdictInfo,
		Chosen:  chosen,
		Unknown: unknown,
		Tally:   card.Tally(chosen),
	}
}

// handleImage handles the "GET /images/*" route: the content's images,
// kept like pages (compressed once, with an ETag), since they keep their
// names when they change.
func (s *Server) handleImage(c echo.Context) error {
	st := s.current()
	name := c.Request().URL.Path
	data, ok := st.site.Images[name]
	if !ok {
		return echo.ErrNotFound
	}
	return s.cached(c, st, "image "+name, func() (reply, error) {
		ctype := mime.TypeByExtension(path.Ext(name))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		return reply{body: data, contentType: ctype}, nil
	})
}
