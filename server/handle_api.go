package server

import (
	"math"
	"net/http"

	"github.com/labstack/echo/v4"

	"serverorless/web/advisor"
)

// recommendation is the JSON of "GET /api/recommendation". Its field names
// are a public contract: add fields, never rename or remove one.
type recommendation struct {
	Verdict      string             `json:"verdict"`
	VerdictLabel string             `json:"verdict_label"`
	Confidence   float64            `json:"confidence"`
	Scores       map[string]float64 `json:"scores"`
	Reasons      []apiReason        `json:"reasons"`
	Constraints  []apiConstraint    `json:"constraints"`
	Guidelines   []apiGuideline     `json:"guidelines"`
	Split        []apiSplitPart     `json:"split"`
	Flips        []apiFlip          `json:"flips"`
	Permalink    string             `json:"permalink"`
	Inputs       advisor.Answers    `json:"inputs"`
	Cost         *apiCost           `json:"cost"`
}

// apiCost is the cost comparison: both monthly bills, the break-even volume
// (null when serverless stays cheaper in the whole range) and every price
// and parameter used, by name.
type apiCost struct {
	ServerlessMonthlyUSD  float64        `json:"serverless_monthly_usd"`
	TraditionalMonthlyUSD float64        `json:"traditional_monthly_usd"`
	ContainersMonthlyUSD  float64        `json:"containers_monthly_usd"`
	BreakEvenRequests     *int64         `json:"break_even_requests"`
	Assumptions           map[string]any `json:"assumptions"`
}

type apiReason struct {
	Factor      string  `json:"factor"`
	Question    string  `json:"question"`
	Answer      string  `json:"answer"`
	AnswerLabel string  `json:"answer_label"`
	Favours     string  `json:"favours"`
	Weight      float64 `json:"weight"`
	Impact      float64 `json:"impact"`
	Sentence    string  `json:"sentence"`
	LearnMore   string  `json:"learn_more,omitempty"`
}

type apiConstraint struct {
	ID        string   `json:"id"`
	RulesOut  []string `json:"rules_out"`
	Message   string   `json:"message"`
	LearnMore string   `json:"learn_more,omitempty"`
}

type apiGuideline struct {
	Text      string `json:"text"`
	Favours   string `json:"favours"`
	LearnMore string `json:"learn_more,omitempty"`
}

type apiSplitPart struct {
	Part   string `json:"part"`
	RunsOn string `json:"runs_on"`
	Why    string `json:"why"`
}

type apiFlip struct {
	Factor   string `json:"factor"`
	Answer   string `json:"answer"`
	Verdict  string `json:"verdict"`
	Sentence string `json:"sentence"`
}

// apiError is the body of every API error.
type apiError struct {
	Error string `json:"error"`
	Field string `json:"field,omitempty"`
}

// handleAPIRecommendation handles the "GET /api/recommendation" route.
func (s *Server) handleAPIRecommendation(c echo.Context) error {
	st := s.current()
	if e := s.keptAsIs(c, st, "api"); e != nil {
		return s.send(c, e)
	}
	m := st.site.Model
	answers, errs := m.Parse(c.QueryParams())
	if len(errs) > 0 {
		return c.JSON(http.StatusBadRequest, apiError{Error: errs[0].Msg, Field: errs[0].Field})
	}
	return s.cachedAnswer(c, st, s.cacheKey(c, "api "+m.Permalink(answers)), func() (reply, error) {
		r := m.Recommend(answers)
		s.metrics.recommendations.WithLabelValues(r.Verdict).Inc()
		return jsonReply(s.apiRecommendation(c, m, answers, r))
	})
}

// apiRecommendation builds the API's answer from a result.
func (s *Server) apiRecommendation(c echo.Context, m *advisor.Model, answers advisor.Answers, r *advisor.Result) recommendation {
	out := recommendation{
		Verdict:      r.Verdict,
		VerdictLabel: m.VerdictInfo(r.Verdict).Label,
		Confidence:   r.Confidence,
		Scores:       r.Scores,
		Reasons:      []apiReason{},
		Constraints:  []apiConstraint{},
		Guidelines:   []apiGuideline{},
		Split:        []apiSplitPart{},
		Flips:        []apiFlip{},
		Permalink:    s.baseURL(c) + m.Permalink(answers),
		Inputs:       answers,
	}
	if r.Cost != nil {
		out.Cost = newAPICost(m, answers, r.Cost)
	}
	for _, reason := range r.Reasons {
		out.Reasons = append(out.Reasons, apiReason{
			Factor:      reason.Question.Key,
			Question:    reason.Question.Label,
			Answer:      reason.Answer,
			AnswerLabel: reason.Question.AnswerLabel(reason.Answer),
			Favours:     reason.Favours,
			Weight:      reason.Weight,
			Impact:      reason.Impact,
			Sentence:    reason.Option.Reason,
			LearnMore:   reason.Question.LearnMore,
		})
	}
	for _, c := range r.Constraints {
		out.Constraints = append(out.Constraints, apiConstraint{ID: c.ID, RulesOut: c.RulesOut, Message: c.Message, LearnMore: c.LearnMore})
	}
	for _, g := range r.Guidelines {
		out.Guidelines = append(out.Guidelines, apiGuideline{Text: g.Text, Favours: g.Favours, LearnMore: g.LearnMore})
	}
	for _, p := range r.Split {
		out.Split = append(out.Split, apiSplitPart{Part: p.Part, RunsOn: p.RunsOn, Why: p.Why})
	}
	for _, f := range r.Flips {
		out.Flips = append(out.Flips, apiFlip{
			Factor:   f.Question.Key,
			Answer:   f.Answer,
			Verdict:  f.Verdict,
			Sentence: m.VerdictInfo(f.Verdict).Label + " if " + f.Option.If + ".",
		})
	}
	return out
}

func newAPICost(m *advisor.Model, answers advisor.Answers, c *advisor.Cost) *apiCost {
	in := m.CostInputs(answers)
	p := m.Prices
	out := &apiCost{
		ServerlessMonthlyUSD:  round2(c.Serverless.Total),
		TraditionalMonthlyUSD: round2(c.Traditional.Total),
		ContainersMonthlyUSD:  round2(c.Containers),
		Assumptions: map[string]any{
			"free_tier":          in.FreeTier,
			"ops_cost":           in.OpsCost,
			"arm":                in.Arm,
			"instances":          c.Traditional.Instances,
			"peak_to_average":    c.Traditional.PeakToAverage,
			"instance_rps":       round2(c.Traditional.InstanceRPS),
			"gb_seconds":         round2(c.Serverless.GBSeconds),
			"requests_per_month": in.Requests,
			"duration_ms":        in.DurationMS,
			"memory_mb":          in.MemoryMB,
		},
	}
	for _, e := range append(append([]*advisor.PriceEntry{}, p.Prices...), p.Assumptions...) {
		out.Assumptions[e.ID] = e.Value
	}
	if c.HasBreakEven {
		be := int64(c.BreakEven)
		out.BreakEvenRequests = &be
	}
	return out
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }
