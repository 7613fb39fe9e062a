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
	Verdict      advisor.Verdict `json:"verdict"`
	VerdictLabel string          `json:"verdict_label"`
	// Platform names the products the verdict runs on: the option whose
	// bill it stands on, or for a hybrid the products of its parts.
	Platform   string                      `json:"platform"`
	Confidence float64                     `json:"confidence"`
	Scores     map[advisor.Verdict]float64 `json:"scores"`
	// CloseCall is true when the runner-up scores within the model's
	// close-call margin of the verdict.
	CloseCall bool            `json:"close_call"`
	RunnerUp  advisor.Verdict `json:"runner_up,omitempty"`
	// WithoutTeamTime, where the verdict rests on the team's hours the
	// bills leave out, is the verdict the providers' charges alone give.
	WithoutTeamTime advisor.Verdict `json:"without_team_time,omitempty"`
	// RunnerUpWithoutTeamTime, where the verdict's clear lead rests on those
	// hours, is the verdict the charges alone leave second by less than a
	// clear lead.
	RunnerUpWithoutTeamTime advisor.Verdict `json:"runner_up_without_team_time,omitempty"`
	// TieReason, where the verdict and the runner-up score the same,
	// says what put the verdict first: the bills, or the tie order, as
	// the page's confidence line says.
	TieReason string      `json:"tie_reason,omitempty"`
	Reasons   []apiReason `json:"reasons"`
	// MiddleGround says why the verdict won where no strong reason
	// favours it; absent otherwise.
	MiddleGround string          `json:"middle_ground,omitempty"`
	Constraints  []apiConstraint `json:"constraints"`
	Caveats      []string        `json:"caveats"`
	Guidelines   []apiGuideline  `json:"guidelines"`
	Split        []apiSplitPart  `json:"split"`
	// RunnerUpSplit is, where the runner-up is a hybrid, the split it
	// would be and, with RunnerUpHybridUSD, what it would cost.
	RunnerUpSplit     []apiSplitPart  `json:"runner_up_split,omitempty"`
	RunnerUpHybridUSD *float64        `json:"runner_up_hybrid_monthly_usd,omitempty"`
	Flips             []apiFlip       `json:"flips"`
	Permalink         string          `json:"permalink"`
	Inputs            advisor.Answers `json:"inputs"`
	Cost              *apiCost        `json:"cost"`
}

type apiReason struct {
	Factor      string          `json:"factor"`
	Question    string          `json:"question"`
	Answer      string          `json:"answer"`
	AnswerLabel string          `json:"answer_label"`
	Favours     advisor.Verdict `json:"favours"`
	Weight      float64         `json:"weight"`
	Impact      float64         `json:"impact"`
	// Stance is "for" the verdict, "against" it (favouring another allowed
	// verdict) or "ruled_out" (favouring a verdict a hard limit excluded).
	Stance    advisor.Stance `json:"stance"`
	Sentence  string         `json:"sentence"`
	LearnMore string         `json:"learn_more,omitempty"`
}

type apiConstraint struct {
	ID        string            `json:"id"`
	RulesOut  []advisor.Verdict `json:"rules_out"`
	Message   string            `json:"message"`
	Decisive  bool              `json:"decisive"`
	Source    string            `json:"source,omitempty"`
	AsOf      string            `json:"as_of,omitempty"`
	LearnMore string            `json:"learn_more,omitempty"`
}

type apiGuideline struct {
	Text      string          `json:"text"`
	Favours   advisor.Verdict `json:"favours"`
	LearnMore string          `json:"learn_more,omitempty"`
}

type apiSplitPart struct {
	Part   string          `json:"part"`
	RunsOn advisor.Verdict `json:"runs_on"`
	Why    string          `json:"why"`
}

type apiFlip struct {
	Factor    string          `json:"factor"`
	Answer    string          `json:"answer"`
	Verdict   advisor.Verdict `json:"verdict"`
	CloseCall bool            `json:"close_call"`
	Sentence  string          `json:"sentence"`
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
	return s.cachedAnswer(c, st, s.cacheKey(c, "api "+m.Permalink(answers)), costAnswer, func() (reply, error) {
		r, err := s.report(c, st, answers)
		if err != nil {
			return reply{}, err
		}
		return jsonReply(s.apiRecommendation(c, m, answers, r))
	})
}

// apiRecommendation builds the API's answer from a result.
func (s *Server) apiRecommendation(c echo.Context, m *advisor.Model, answers advisor.Answers, r *advisor.Result) recommendation {
	out := recommendation{
		Verdict:                 r.Verdict,
		VerdictLabel:            m.VerdictInfo(r.Verdict).Label,
		Platform:                r.Platform,
		Confidence:              r.Confidence,
		Scores:                  r.Scores,
		CloseCall:               r.CloseCall,
		RunnerUp:                r.RunnerUp,
		WithoutTeamTime:         r.WithoutTeamTime,
		RunnerUpWithoutTeamTime: r.RunnerUpWithoutTeamTime,
		Reasons:                 []apiReason{},
		Constraints:             []apiConstraint{},
		Caveats:                 append([]string{}, r.Caveats...),
		MiddleGround:            r.MiddleGround,
		Guidelines:              []apiGuideline{},
		Split:                   []apiSplitPart{},
		Flips:                   []apiFlip{},
		Permalink:               s.baseURL(c) + m.Permalink(answers),
		Inputs:                  answers,
		Cost:                    newAPICost(r),
	}
	if r.Tie {
		out.TieReason = m.TieReasonOf(r)
	}
	for _, re := range r.Reasons {
		out.Reasons = append(out.Reasons, apiReason{Factor: re.Factor, Question: re.Label, Answer: re.Answer, AnswerLabel: re.AnswerLabel,
			Favours: re.Favours, Weight: re.Weight, Impact: re.Impact, Stance: re.Stance, Sentence: re.Sentence, LearnMore: re.LearnMore})
	}
	for _, l := range r.Limits {
		ac := apiConstraint{ID: l.ID, RulesOut: l.RulesOut, Message: l.Message, Decisive: l.Decisive, LearnMore: l.LearnMore}
		if l.Source != nil {
			ac.Source, ac.AsOf = l.Source.Source, l.Source.AsOf
		}
		out.Constraints = append(out.Constraints, ac)
	}
	for _, g := range r.Guidelines {
		out.Guidelines = append(out.Guidelines, apiGuideline{Text: g.Text, Favours: g.Favours, LearnMore: g.LearnMore})
	}
	for _, p := range r.Split {
		out.Split = append(out.Split, apiSplitPart{Part: p.Part, RunsOn: p.RunsOn, Why: p.Why})
	}
	for _, p := range r.RunnerUpSplit {
		out.RunnerUpSplit = append(out.RunnerUpSplit, apiSplitPart{Part: p.Part, RunsOn: p.RunsOn, Why: p.Why})
	}
	if h := r.RunnerUpHybrid; h != nil {
		out.RunnerUpHybridUSD = money(h.Total)
	}
	for _, f := range r.Flips {
		out.Flips = append(out.Flips, apiFlip{Factor: f.Factor, Answer: f.Answer, Verdict: f.Verdict, CloseCall: f.CloseCall, Sentence: f.Sentence})
	}
	return out
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }
