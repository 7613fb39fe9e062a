package server

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"serverorless/web/advisor"
)

// billColumns are the columns of the bills' CSV export, a public contract
// like the API's field names: add columns at the end, never rename one.
var billColumns = []string{"option", "item", "formula", "monthly_usd"}

// handleBillCSV handles the "GET /recommend/bill.csv" route: every item of
// every bill on the reader's cloud, one row an item, for a spreadsheet. It
// has no total rows, so that summing a column never counts an amount twice:
// each option's rows add up to its monthly_usd in the API, whose total is the
// sum of the same rounded items. An option that cannot run the work has no
// rows. Like the API, a new set of answers counts against the rate limit.
func (s *Server) handleBillCSV(c echo.Context) error {
	st := s.current()
	m := st.site.Model
	answers, errs := m.Parse(c.QueryParams())
	if len(errs) > 0 {
		// A spreadsheet or a script reads this, not a browser: plain text
		// that names the field.
		return c.String(http.StatusBadRequest, errs[0].Error()+"\n")
	}
	return s.cachedAnswer(c, st, "bill.csv "+m.Permalink(answers), costAnswer, func() (reply, error) {
		r, err := s.report(c, st, answers)
		if err != nil {
			return reply{}, err
		}
		body, err := billCSV(r.Cost)
		return reply{
			body:        body,
			contentType: "text/csv; charset=utf-8",
			disposition: `attachment; filename="bill-` + answers["cloud"] + `.csv"`,
		}, err
	})
}

// billCSV writes the bills of cost as CSV, amounts rounded to cents as the
// API rounds them.
func billCSV(cost *advisor.Cost) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.Write(billColumns); err != nil {
		return nil, err
	}
	for _, b := range cost.Bills() {
		if !b.Available {
			continue
		}
		for _, it := range b.Items {
			row := []string{string(b.Kind), it.Label, it.Formula, strconv.FormatFloat(round2(it.USD), 'f', 2, 64)}
			if err := w.Write(row); err != nil {
				return nil, err
			}
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}
