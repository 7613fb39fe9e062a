package web

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"serverorless/content"
)

// page builds a markdown file with the given front matter lines and body.
func page(frontMatter, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\n" + frontMatter + "\n---\n" + body)}
}

const faqFile = `---
title: Questions
description: Answers.
order: 90
updated: 2026-11-01
---
Intro paragraph.

## Is it cheap? {#cheap}

Usually.[^p]

## Does it scale?

Yes, see [cheap](#cheap).

[^p]: Example, "Price list", https://example.com/prices (as of November 2026).
`

// testModel is the site's own decision model with every link pointing at
// a heading of the small test site, so that tests may change one thing.
var testModel = regexp.MustCompile(`learn_more: \S+`).ReplaceAllString(string(realFile("decision.yaml")), "learn_more: /serverless")

// validFS returns a small, valid content folder; tests change one file.
func validFS() fstest.MapFS {
	fsys := fstest.MapFS{
		"pages/index.md": page("title: Home\ndescription: The home page.\norder: 0\nupdated: 2026-11-01", "Start with [serverless](/serverless)."),
		"pages/serverless.md": page("title: What serverless is\ndescription: Functions.\nnav: Serverless\norder: 20\nupdated: 2026-11-02",
			"Lead.\n\n## How it works {#how}\n\nText.\n\n### Events\n\nMore.\n\n## Costs\n\nSee [the FAQ](/faq#cheap) and [servers](/traditional)."),
		"pages/traditional.md": page("title: Traditional\ndescription: Servers.\norder: 10\nupdated: 2026-11-03", "Back to [how](/serverless#how) and [advice](/recommend), or [a scenario](/recommend?traffic=spiky&requests=50)."),
		"pages/secret.md":      page("title: Draft\ndescription: Not yet.\norder: 30\nupdated: 2026-11-03\ndraft: true", "Unfinished."),
		"faq.md":               {Data: []byte(faqFile)},
		"decision.yaml":        {Data: []byte(testModel)},
	}
	for _, f := range pricingFiles {
		fsys[f] = &fstest.MapFile{Data: realFile(f)}
	}
	return fsys
}

// pricingFiles are the cost model's files.
var pricingFiles = []string{"pricing/common.yaml", "pricing/aws.yaml", "pricing/gcp.yaml", "pricing/azure.yaml"}

// lineIn is the line of a file of the content on which text first
// appears, so that tests do not break when editors add lines.
func lineIn(data, text string) int {
	i := strings.Index(data, text)
	if i < 0 {
		panic("no " + text)
	}
	return strings.Count(data[:i], "\n") + 1
}

// realFile is one of the site's own content files.
func realFile(name string) []byte {
	b, err := fs.ReadFile(content.FS(), name)
	if err != nil {
		panic(err)
	}
	return b
}

func TestLoad(t *testing.T) {
	site, err := Load(validFS())
	require.NoError(t, err)

	assert.Equal(t, "Home", site.Home.Title)
	assert.Equal(t, "/", site.Home.Path)

	var paths []string
	for _, p := range site.Pages {
		paths = append(paths, p.Path)
	}
	assert.Equal(t, []string{"/traditional", "/serverless", "/faq"}, paths, "pages in navigation order, draft left out")
	_, ok := site.Page("/secret")
	assert.False(t, ok, "a draft is not published")

	p, ok := site.Page("/serverless")
	require.True(t, ok)
	assert.Equal(t, "Serverless", p.NavTitle)
	assert.Equal(t, "2026-11-02", p.Updated.Format("2006-01-02"))
	assert.Equal(t, []Heading{{"how", "How it works", 2}, {"events", "Events", 3}, {"costs", "Costs", 2}}, p.TOC)
	assert.True(t, p.HasAnchor("how"))

	tr, _ := site.Page("/traditional")
	assert.Equal(t, "Traditional", tr.NavTitle, "nav label defaults to the title")
	prev, next := site.Neighbours(p)
	assert.Equal(t, tr, prev)
	assert.Equal(t, site.FAQ.Page, next)
}

func TestLoadFAQ(t *testing.T) {
	site, err := Load(validFS())
	require.NoError(t, err)
	faq := site.FAQ
	require.Len(t, faq.Entries, 2)
	assert.Equal(t, "cheap", faq.Entries[0].ID)
	assert.Equal(t, "Is it cheap?", faq.Entries[0].Question)
	assert.Equal(t, "Usually.", faq.Entries[0].AnswerText, "plain text drops footnote markers")
	assert.Contains(t, string(faq.Entries[0].Answer), `href="#fn:1"`)
	assert.Equal(t, "does-it-scale", faq.Entries[1].ID)
	assert.Contains(t, string(faq.Intro), "Intro paragraph.")
	assert.NotContains(t, string(faq.Intro), "Usually")
	assert.Contains(t, string(faq.Sources), "Price list")
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		data string
		want string // the error message, "file:line: message"
	}{
		{"no front matter", "pages/serverless.md", "# Hello\n", `pages/serverless.md:1: missing front matter`},
		{"unclosed front matter", "pages/serverless.md", "---\ntitle: x\n", `pages/serverless.md:1: front matter is not closed`},
		{"unknown field", "pages/serverless.md", "---\ntitle: x\ndescription: y\norder: 20\nupdated: 2026-01-01\nauthor: me\n---\nBody", `pages/serverless.md:6: unknown field "author"`},
		{"wrong type", "pages/serverless.md", "---\ntitle: x\ndescription: y\norder: first\nupdated: 2026-01-01\n---\nBody", `pages/serverless.md:4: "first" is not a valid whole number`},
		{"bad yaml", "pages/serverless.md", "---\ntitle: x\ndescription: [y\norder: 20\n---\nBody", `pages/serverless.md:`},
		{"missing title", "pages/serverless.md", "---\ndescription: y\norder: 20\nupdated: 2026-01-01\n---\nBody", `pages/serverless.md:1: front matter needs a title`},
		{"missing description", "pages/serverless.md", "---\ntitle: x\norder: 20\nupdated: 2026-01-01\n---\nBody", `pages/serverless.md:1: front matter needs a description`},
		{"long description", "pages/serverless.md", "---\ntitle: x\ndescription: " + strings.Repeat("a", 161) + "\norder: 20\nupdated: 2026-01-01\n---\nBody", `pages/serverless.md:3: description is 161 characters long`},
		{"missing order", "pages/serverless.md", "---\ntitle: x\ndescription: y\nupdated: 2026-01-01\n---\nBody", `pages/serverless.md:1: front matter needs an order`},
		{"bad date", "pages/serverless.md", "---\ntitle: x\ndescription: y\norder: 20\nupdated: 25/11/2026\n---\nBody", `pages/serverless.md:5: updated "25/11/2026" is not a date in the form YYYY-MM-DD`},
		{"h1 in body", "pages/serverless.md", "---\ntitle: x\ndescription: y\norder: 20\nupdated: 2026-01-01\n---\nLead.\n\n# Big\n", `pages/serverless.md:9: the body must not have a level-1 heading`},
		{"duplicate order", "pages/serverless.md", "---\ntitle: x\ndescription: y\norder: 10\nupdated: 2026-01-01\n---\nBody", `order 10 is also used by`},
		{"broken link", "pages/serverless.md", "---\ntitle: x\ndescription: y\norder: 20\nupdated: 2026-01-01\n---\nLead.\n\nSee [gone](/nowhere).\n", `pages/serverless.md:9: link to /nowhere: no such page`},
		{"broken anchor", "pages/traditional.md", "---\ntitle: x\ndescription: y\norder: 10\nupdated: 2026-01-01\n---\n| a | b |\n|---|---|\n| [x](/serverless#nope) | 1 |\n", `pages/traditional.md:9: link to /serverless#nope: pages/serverless.md has no heading with id "nope"`},
		{"broken local anchor", "pages/traditional.md", "---\ntitle: x\ndescription: y\norder: 10\nupdated: 2026-01-01\n---\n## A\n\n[up](#b)\n", `pages/traditional.md:9: link to #b: pages/traditional.md has no heading with id "b"`},
		{"bad scenario link", "pages/traditional.md", "---\ntitle: x\ndescription: y\norder: 10\nupdated: 2026-01-01\n---\n[game](/recommend?traffic=wavy)\n", `pages/traditional.md:7: scenario link /recommend?traffic=wavy: traffic: "wavy" is not a valid answer`},
		{"link to draft", "pages/traditional.md", "---\ntitle: x\ndescription: y\norder: 10\nupdated: 2026-01-01\n---\n[d](/secret)\n", `pages/traditional.md:7: link to /secret: no such page`},
		{"faq without questions", "faq.md", "---\ntitle: Q\ndescription: y\norder: 90\nupdated: 2026-01-01\n---\nNothing.\n", `faq.md:1: the FAQ has no questions`},
		{"missing home", "pages/index.md", "", `pages/index.md:1: the home page is missing`},
		{"missing model", "decision.yaml", "", `decision.yaml:1: the decision model is missing`},
		{"model unknown field", "decision.yaml", testModel + "colour: red\n", `unknown field "colour"`},
		{"model missing default", "decision.yaml", strings.Replace(testModel, "    default: cyclical\n", "", 1), fmt.Sprintf(`decision.yaml:%d: question "traffic" has no default answer`, lineIn(testModel, "  - key: traffic"))},
		{"model default not an option", "decision.yaml", strings.Replace(testModel, "default: cyclical", "default: calm", 1), fmt.Sprintf(`decision.yaml:%d: question "traffic": default "calm" is not one of its options`, lineIn(testModel, "  - key: traffic"))},
		{"model billed answer not an option", "decision.yaml", strings.Replace(testModel, "billed_when_not_asked: unpredictable", "billed_when_not_asked: even", 1), fmt.Sprintf(`decision.yaml:%d: question "traffic": billed_when_not_asked "even" must be one of its options, on a question with applies`, lineIn(testModel, "  - key: traffic"))},
		{"model impossible weight", "decision.yaml", strings.Replace(testModel, "weights: {serverless: 2, containers: 1, traditional: 0, hybrid: 0.5}", "weights: {serverless: 200, containers: 1, traditional: 0, hybrid: 0.5}", 1), fmt.Sprintf(`decision.yaml:%d: question "stage", option "mvp": weight 200 for serverless is impossible`, lineIn(testModel, "      - value: mvp")+3)},
		{"model weights disagree with favours", "decision.yaml", strings.Replace(testModel, "weights: {serverless: 2, containers: 1, traditional: 0, hybrid: 0.5}", "weights: {serverless: 0, containers: 1, traditional: 2, hybrid: 0.5}", 1), fmt.Sprintf(`decision.yaml:%d: question "stage", option "mvp": its weights favour traditional most, so favours must be traditional, not "serverless"`, lineIn(testModel, "      - value: mvp"))},
		{"model headroom without a share", "decision.yaml", strings.Replace(testModel, "  share: 50\n", "  share: 100\n", 1), fmt.Sprintf(`decision.yaml:%d: headroom: share must be a percentage of the functions' longest run, above 0 and below 100, not 100`, lineIn(testModel, "headroom:")+1)},
		{"model headroom favouring the wrong verdict", "decision.yaml", strings.Replace(testModel, "  favours: containers\n  reason: \"{one_piece}", "  favours: serverless\n  reason: \"{one_piece}", 1), fmt.Sprintf(`decision.yaml:%d: headroom: its weights favour containers, traditional and hybrid most, so favours must be containers, traditional or hybrid, not "serverless"`, lineIn(testModel, "headroom:")+1)},
		{"model headroom on the bills", "decision.yaml", strings.Replace(testModel, "  when: {entry: [events, schedule, http]}\n  weights: {serverless: 0", "  when: {cheaper: [serverless]}\n  weights: {serverless: 0", 1), fmt.Sprintf(`decision.yaml:%d: headroom: when may test the answers, not "cheaper", which the bills decide`, lineIn(testModel, "headroom:")+1)},
		{"model session rule on no question", "decision.yaml", strings.Replace(testModel, "  factor: realtime\n", "  factor: stage\n", 1), fmt.Sprintf(`decision.yaml:%d: session_limit: factor must be a question that when tests, whose answers the reason follows, not "stage"`, lineIn(testModel, "session_limit:")+1)},
		{"model session rule overturning its answer", "decision.yaml", strings.Replace(testModel, "  weights: {serverless: 0, containers: 0, traditional: 1.5, hybrid: 0}\n  reason: \"{containers} end", "  weights: {serverless: 0, containers: 2, traditional: 0, hybrid: 0}\n  reason: \"{containers} end", 1), fmt.Sprintf(`decision.yaml:%d: session_limit: with its weights, realtime=core favours containers most, but that answer says it favours traditional`, lineIn(testModel, "session_limit:")+1)},
		{"model middle ground without its cases", "decision.yaml", strings.Replace(testModel, "your answer on {first} favours", "your answer favours", 1), fmt.Sprintf(`decision.yaml:%d: middle_ground: sentence must say {first} and {second}, the questions of the two cases the verdict comes second on`, lineIn(testModel, "middle_ground:")+1)},
		{"model all-alike cost reason naming others", "decision.yaml", strings.Replace(testModel, "would each cost about {cheap_usd} a month.\n", "would each cost about {cheap_usd} a month, against {others}.\n", 1), fmt.Sprintf(`decision.yaml:%d: cost needs a reason_alike that names the bills that cost the same ({cheap}) and the {others}, and a reason_all_alike that names them without {others}`, lineIn(testModel, "\ncost:")+2)},
		{"model default egress caveat without its threshold", "decision.yaml", strings.Replace(testModel, "  default_egress_bytes: 1000\n", "  default_egress_bytes: 0\n", 1), fmt.Sprintf(`decision.yaml:%d: caveats: default_egress_bytes must be the data a request sends out, in bytes, below which default_egress is said, above 0`, lineIn(testModel, "caveats:")+1)},
		{"model tie order incomplete", "decision.yaml", strings.Replace(testModel, "tie_order: [containers, serverless, traditional, hybrid]", "tie_order: [containers, serverless]", 1), `decision.yaml:1: tie_order must list each of`},
		{"model tie on the bills unsaid", "decision.yaml", regexp.MustCompile(`(?m)^tie_reason_cost: .*$`).ReplaceAllString(testModel, ""), `decision.yaml:1: tie_reason_cost and tie_reason_free must say how the bills decide a tie`},
		{"model tie on free bills unsaid", "decision.yaml", regexp.MustCompile(`(?m)^tie_reason_free: .*$`).ReplaceAllString(testModel, ""), `decision.yaml:1: tie_reason_cost and tie_reason_free must say how the bills decide a tie`},
		{"model cost without the shared items' sentence", "decision.yaml", strings.Replace(testModel, "  shared_share: 50\n", "  shared_share: 0\n", 1), fmt.Sprintf(`decision.yaml:%d: cost needs shared, shared_unequal and shared_tiered sentences that say what every bill pays alike ({shared}) and the bills without it ({others_rest}), and a shared_share above 0 and at most 100`, lineIn(testModel, "\ncost:")+2)},
		{"model cost without the fitted sentence's volume", "decision.yaml", strings.Replace(testModel, "{where} about {volume}", "{where} a volume", 1), fmt.Sprintf(`decision.yaml:%d: cost needs a fitted sentence that says {where} and at what {volume} the verdict's option costs less`, lineIn(testModel, "\ncost:")+2)},
		{"model cost without the operations time's sentence", "decision.yaml", strings.Replace(testModel, "the providers' charges come to {cloud_each}", "the providers' charges are less", 1), fmt.Sprintf(`decision.yaml:%d: cost needs an ops sentence that says each bill's operations time ({ops_each}) and the bills without it ({cloud_each})`, lineIn(testModel, "\ncost:")+2)},
		{"model connection service caveat over the whole bill", "decision.yaml", strings.Replace(testModel, "  connection_service_share: 50\n", "  connection_service_share: 150\n", 1), fmt.Sprintf(`decision.yaml:%d: caveats: connection_service_share must be the percentage of the recommended bill from which connection_service is said, above 0 and at most 100`, lineIn(testModel, "caveats:")+1)},
		{"model CDN caveat below nothing", "decision.yaml", strings.Replace(testModel, "  cdn_from_usd: 20\n", "  cdn_from_usd: -1\n", 1), fmt.Sprintf(`decision.yaml:%d: caveats: cdn_from_usd must be the least data out a month, in US dollars, of which the cdn caveat speaks, 0 or more`, lineIn(testModel, "caveats:")+1)},
		{"model connection service caveat below nothing", "decision.yaml", strings.Replace(testModel, "  connection_service_usd: 25\n", "  connection_service_usd: -1\n", 1), fmt.Sprintf(`decision.yaml:%d: caveats: connection_service_usd must be the monthly amount from which connection_service is said, 0 or more`, lineIn(testModel, "caveats:")+1)},
		{"model connection service caveat without its assumption", "decision.yaml", strings.Replace(testModel, "clients stay connected {minutes} minutes", "clients stay connected", 1), fmt.Sprintf(`decision.yaml:%d: caveats: connection_service must say {minutes}, the connection-minutes each piece of work is assumed to bring`, lineIn(testModel, "caveats:")+1)},
		{"model commitment without an own commitment unsaid", "decision.yaml", regexp.MustCompile(`(?m)^  commitment_none: .*\n`).ReplaceAllString(testModel, ""), fmt.Sprintf(`decision.yaml:%d: caveats: commitment_none must say {usd}, the servers' bill with a three-year commitment`, lineIn(testModel, "caveats:")+1)},
		{"model containers' served connections unsaid", "decision.yaml", regexp.MustCompile(`(?m)^  served_connections: .*\n`).ReplaceAllString(testModel, ""), fmt.Sprintf(`decision.yaml:%d: caveats: served_connections must say what holds the live features' connections beside serverless containers billed while serving`, lineIn(testModel, "caveats:")+1)},
		{"model session scale-in caveat said of any fleet", "decision.yaml", strings.Replace(testModel, "  session_scale_in_average: 0.85\n", "  session_scale_in_average: 1\n", 1), fmt.Sprintf(`decision.yaml:%d: caveats: session_scale_in_average must be the share of a session fleet's busiest size its average is at most for session_scale_in to be said, above 0 and below 1`, lineIn(testModel, "caveats:")+1)},
		{"model quota caveat said of any fleet", "decision.yaml", strings.Replace(testModel, "  containers_quota_share: 0.25\n", "  containers_quota_share: 0\n", 1), fmt.Sprintf(`decision.yaml:%d: caveats: containers_quota_share must be the share of the region's baseline quota from which containers_quota is said, above 0 and at most 1`, lineIn(testModel, "caveats:")+1)},
		{"model team's time counted without the other bills", "decision.yaml", strings.Replace(testModel, "comes to about {usd} a month, against {others}.", "comes to about {usd} a month.", 1), fmt.Sprintf(`decision.yaml:%d: cost needs a team_time_counted sentence that says {usd} and {others}, the bills with the team's time`, lineIn(testModel, "  label: Monthly cost"))},
		{"model resized fleet without its size", "decision.yaml", strings.Replace(testModel, "are for {with_fleet} of {with_size} on", "are for another fleet on", 1), fmt.Sprintf(`decision.yaml:%d: cost needs a team_time_resized sentence that says {with_fleet} and {with_size}, the fleet the team's time sizes`, lineIn(testModel, "  label: Monthly cost"))},
		{"model third with the team's time without its bill", "decision.yaml", strings.Replace(testModel, "comes to less still, about {third_usd} a month.", "comes to less still.", 1), fmt.Sprintf(`decision.yaml:%d: cost needs a team_time_third sentence that says {third_usd}, the third option's bill with the team's time`, lineIn(testModel, "  label: Monthly cost"))},
		{"model dearer third with the team's time without its bill", "decision.yaml", strings.Replace(testModel, "comes to about {third_usd} a month, more than", "comes to more than", 1), fmt.Sprintf(`decision.yaml:%d: cost needs a team_time_third_dearer sentence that says {third_usd}, the third option's bill with the team's time`, lineIn(testModel, "  label: Monthly cost"))},
		{"model dearer option with the team's time without its bill", "decision.yaml", strings.Replace(testModel, "with them, {third} comes to about {third_usd} a month, against {usd} for {product}, though", "with them, {third} comes to more than {product}, though", 1), fmt.Sprintf(`decision.yaml:%d: cost needs a team_time_dearer sentence that says {third_usd}, the third option's bill with the team's time`, lineIn(testModel, "  label: Monthly cost"))},
		{"model team's time counted with no rate", "decision.yaml", strings.Replace(testModel, "so the recommendation counts them at {rate} each, though", "so the recommendation counts them, though", 1), fmt.Sprintf(`decision.yaml:%d: cost needs a team_time_why sentence that says {rate}, the hourly rate the hours are counted at`, lineIn(testModel, "  label: Monthly cost"))},
		{"model team's time with no why", "decision.yaml", strings.Replace(testModel, "team_time_dearer: \"{why}: with them,", "team_time_dearer: \"With them,", 1), fmt.Sprintf(`decision.yaml:%d: cost needs a team_time_dearer sentence that says {why}, why the hours are counted (team_time_why)`, lineIn(testModel, "  label: Monthly cost"))},
		{"model growth with the team's time unsaid", "decision.yaml", strings.Replace(testModel, "would come to about {usd} a month with the hours, against {other_usd} for {other}", "would come to less", 1), fmt.Sprintf(`decision.yaml:%d: cost needs a team_time_ahead sentence that says {usd} and {other_usd}, the two bills with the team's time at the volume growth reaches`, lineIn(testModel, "  label: Monthly cost"))},
		{"model every bill with the team's time unsaid", "decision.yaml", strings.Replace(testModel, "{why}: with them, {product} comes to about {usd} a month, against {others}.", "{why}: with them, {product} comes to less.", 1), fmt.Sprintf(`decision.yaml:%d: cost needs a team_time_all sentence that says {usd} and {others}, the bills with the team's time`, lineIn(testModel, "  label: Monthly cost"))},
		{"model alike bills without the third", "decision.yaml", strings.Replace(testModel, "too small a sum to decide on its own, and both below {third}", "too small a sum to decide on its own", 1), fmt.Sprintf(`decision.yaml:%d: cost needs alongside and alongside_few sentences that say {third}, the bill both the verdict's option and the cheaper one cost far less than`, lineIn(testModel, "  label: Monthly cost"))},
		{"model growth that compounds from nothing", "decision.yaml", strings.Replace(testModel, "  growth_compounds_factor: 100\n", "  growth_compounds_factor: 1\n", 1), fmt.Sprintf(`decision.yaml:%d: caveats: growth_compounds_factor must be how many times growth multiplies the volume over the timeline before growth_compounds is said, above 1`, lineIn(testModel, "caveats:")+1)},
		{"model buys over runs of no platform", "decision.yaml", strings.Replace(testModel, "      containers: a handler instead of a container image to build and patch, started", "      cloud: a handler instead of a container image to build and patch, started", 1), fmt.Sprintf(`decision.yaml:%d: verdict "serverless": buys_over_runs needs the words for another of serverless, containers, traditional, hybrid, not "cloud"`, lineIn(testModel, "  - id: serverless"))},
		{"model buys over no platform", "decision.yaml", strings.Replace(testModel, "      containers: a handler instead", "      cloud: a handler instead", 1), fmt.Sprintf(`decision.yaml:%d: verdict "serverless": buys_over needs the words for another of serverless, containers, traditional, hybrid, not "cloud"`, lineIn(testModel, "  - id: serverless"))},
		{"model without the live features' caveat", "decision.yaml", regexp.MustCompile(`(?m)^  connections: .*\n`).ReplaceAllString(testModel, ""), fmt.Sprintf(`decision.yaml:%d: caveats: connections must say what holds the live features' connections beside functions`, lineIn(testModel, "caveats:")+1)},
		{"model sessions caveat without its limit", "decision.yaml", strings.Replace(testModel, "{max_connection} at most", "an hour at most", 1), fmt.Sprintf(`decision.yaml:%d: caveats: sessions must say {max_connection}, how long the serverless containers keep a connection open`, lineIn(testModel, "caveats:")+1)},
		{"model reconnect caveat without its limit", "decision.yaml", strings.Replace(testModel, "ends after {max_connection}, however busy", "ends after two hours, however busy", 1), fmt.Sprintf(`decision.yaml:%d: caveats: reconnect must say {max_connection}, how long the managed messaging service keeps a connection open`, lineIn(testModel, "caveats:")+1)},
		{"model long-request caveat without its limit", "decision.yaml", strings.Replace(testModel, "{load_balancer}, {idle_max}, after", "{load_balancer} after", 1), fmt.Sprintf(`decision.yaml:%d: caveats: silent_requests must say {idle_max}, how long the load balancer keeps a silent connection open`, lineIn(testModel, "caveats:")+1)},
		{"model long-request caveat without a length", "decision.yaml", strings.Replace(testModel, "  long_request_seconds: 60\n", "", 1), fmt.Sprintf(`decision.yaml:%d: caveats: long_request_seconds must be the request's length in seconds from which long_requests is said, above 0`, lineIn(testModel, "caveats:")+1)},
		{"model function-endpoint caveat without its endpoint", "decision.yaml", strings.Replace(testModel, "through its {endpoint} instead", "through its own URL instead", 1), fmt.Sprintf(`decision.yaml:%d: caveats: function_endpoint must say {endpoint}, the functions' own endpoint`, lineIn(testModel, "caveats:")+1)},
		{"model shared-memory caveat without a size", "decision.yaml", strings.Replace(testModel, "  shared_memory_mb: 1024\n", "", 1), fmt.Sprintf(`decision.yaml:%d: caveats: shared_memory_mb must be the memory a piece of work needs, in MB, from which shared_memory is said, above 0`, lineIn(testModel, "caveats:")+1)},
		{"model cold-start caveat without the instances kept", "decision.yaml", strings.Replace(testModel, "bill keeps {kept} warm, so that", "bill keeps some warm, so that", 1), fmt.Sprintf(`decision.yaml:%d: caveats: cold_starts_tasks must say {kept}, the instances the functions keep warm`, lineIn(testModel, "caveats:")+1)},
		{"model provisioned cold-start caveat without the instances kept", "decision.yaml", strings.Replace(testModel, "bill keeps {kept} provisioned, as many", "bill keeps some provisioned, as many", 1), fmt.Sprintf(`decision.yaml:%d: caveats: cold_starts_provisioned must say {kept}, the instances the functions keep provisioned`, lineIn(testModel, "caveats:")+1)},
		{"model one-consumer caveat without its platform", "decision.yaml", strings.Replace(testModel, "{product} runs the queued work on one instance", "It runs the queued work on one instance", 1), fmt.Sprintf(`decision.yaml:%d: caveats: one_consumer must say {product}, the platform whose one instance takes the queue's work`, lineIn(testModel, "caveats:")+1)},
		{"model Arm caveat without its platform", "decision.yaml", strings.Replace(testModel, "{product} runs x86-64 (linux/amd64) code only", "It runs x86-64 (linux/amd64) code only", 1), fmt.Sprintf(`decision.yaml:%d: caveats: arm_x86_only must say {product}, the platform that runs x86 code only`, lineIn(testModel, "caveats:")+1)},
		{"model trading growth caveat without its first month", "decision.yaml", strings.Replace(testModel, "in some months from month {first}, and", "in some months, and", 1), fmt.Sprintf(`decision.yaml:%d: caveats: growth_then_trading must say {first}, the first month the option taking over later is the cheapest`, lineIn(testModel, "caveats:")+1)},
		{"model slight-growth caveat without its month", "decision.yaml", strings.Replace(testModel, "{product} becomes the cheapest in month {month}: a year on it costs about {usd} a month against {current_usd} for {current}, the option recommended. The recommendation weighs", "{product} becomes the cheapest soon: a year on it costs about {usd} a month against {current_usd} for {current}, the option recommended. The recommendation weighs", 1), fmt.Sprintf(`decision.yaml:%d: caveats: growth_slight must say {month}, the month the option named becomes the cheapest`, lineIn(testModel, "caveats:")+1)},
		{"model split part on containers without words for servers", "decision.yaml", regexp.MustCompile(`(?m)^    why_on_servers: .*\n`).ReplaceAllString(testModel, ""), fmt.Sprintf(`decision.yaml:%d: split part "Database-heavy services" runs a service of its own on containers: it needs a why_on_servers`, lineIn(testModel, "  - part: Database-heavy services"))},
		{"model jobs on servers", "decision.yaml", strings.Replace(testModel, "    runs_on: containers\n    why: They run as {jobs}", "    runs_on: traditional\n    why: They run as {jobs}", 1), fmt.Sprintf(`decision.yaml:%d: split part "Jobs longer than 15 minutes": runs_as_jobs is for a part beside the requests that runs on containers`, lineIn(testModel, "  - part: Jobs longer than 15 minutes"))},
		{"model carrier beside others", "decision.yaml", strings.Replace(testModel, "    carries: true\n", "    carries: true\n    beside_others: true\n", 1), fmt.Sprintf(`decision.yaml:%d: split part "The HTTP API" carries the requests: beside_others is for the parts beside them`, lineIn(testModel, "  - part: The HTTP API"))},
		{"model split without its platforms", "decision.yaml", strings.Replace(testModel, "  split: the split across {platforms}\n", "  split: the split\n", 1), fmt.Sprintf(`decision.yaml:%d: cost needs a label, a reason, a premium sentence that says {buys} and a split that names its {platforms}`, lineIn(testModel, "  label: Monthly cost"))},
		{"model question applies to no answer", "decision.yaml", strings.Replace(testModel, "applies: {entry: [http]}", "applies: {entry: [ftp]}", 1), fmt.Sprintf(`decision.yaml:%d: condition on "entry": "ftp" is not one of its options`, lineIn(testModel, "  - key: latency"))},
		{"model kept_warm_reason without a reason", "decision.yaml", strings.Replace(testModel, "        reason: Customer-facing APIs show cold starts in their slowest responses; {warm_processes} stay warm, while functions need {warm}, at extra cost, to hide them.\n", "", 1), fmt.Sprintf(`decision.yaml:%d: question "latency", option "sensitive": has an events_reason, a committed_reason, a kept_running_reason, a runs_reason, a sessions_reason, a one_workload_reason, a shared_reason or a kept_warm_reason but no reason to stand beside`, lineIn(testModel, "      - value: sensitive"))},
		{"model default not counted", "decision.yaml", strings.Replace(testModel, "        clause: your traffic followed daily cycles\n", "        not_counted: It does not count.\n        clause: your traffic followed daily cycles\n", 1), fmt.Sprintf(`decision.yaml:%d: question "traffic", option "cyclical": not_counted is said where the question does not apply and another answer than the default was given`, lineIn(testModel, "      - value: cyclical"))},
		{"model flip that tests its own answer", "decision.yaml", strings.Replace(testModel, `flip_when: {requests: ["<=44640"]}`, `flip_when: {entry: [schedule]}`, 1), fmt.Sprintf(`decision.yaml:%d: question "entry", option "schedule": flip_when cannot test the question's own answer, which the flip changes`, lineIn(testModel, "      - value: schedule"))},
		{"model flip on the bills", "decision.yaml", strings.Replace(testModel, `flip_when: {requests: ["<=44640"]}`, `flip_when: {cheaper: [serverless]}`, 1), fmt.Sprintf(`decision.yaml:%d: question "entry", option "schedule": flip_when may test the answers, not "cheaper", which the bills decide`, lineIn(testModel, "      - value: schedule"))},
		{"model unknown verdict", "decision.yaml", strings.Replace(testModel, "weights: {serverless: 2, containers: 1, traditional: 0, hybrid: 0.5}", "weights: {cloud: 2, serverless: 2}", 1), fmt.Sprintf(`decision.yaml:%d: question "stage", option "mvp": weight for unknown verdict "cloud"`, lineIn(testModel, "      - value: mvp")+3)},
		{"model unknown reference", "decision.yaml", strings.Replace(testModel, "when: {jobs: [hours]}", "when: {volume: [hours]}", 1), fmt.Sprintf(`decision.yaml:%d: condition refers to unknown question "volume"`, lineIn(testModel, "  - id: long-jobs"))},
		{"model bad range", "decision.yaml", strings.Replace(testModel, "when: {jobs: [hours]}", `when: {requests: ["about 900"]}`, 1), `condition on "requests": "about 900" must start with`},
		{"model without a cost question", "decision.yaml", strings.Replace(testModel, "  - key: egress", "  - key: egres", 1), `decision.yaml:1: the cost model needs the question "egress"`},
		{"model look-ahead below today's volume", "decision.yaml", strings.Replace(testModel, "look_ahead_max_factor: 100", "look_ahead_max_factor: 0", 1), `cost: look_ahead_max_factor must be 1 or more`},
		{"model answered logs without their amount", "decision.yaml", strings.Replace(testModel, `answered_logs: "The logs, in {logs}, come to {usd} of`, `answered_logs: "The logs, in {logs}, come to most of`, 1), `caveats: answered_logs must say {usd}`},
		{"model hands-off gap above the gap scale", "decision.yaml", strings.Replace(testModel, "hands_off_gap_scale: 100", "hands_off_gap_scale: 500", 1), `hands_off_gap_scale positive and no more than gap_scale`},
		{"model where soft answers outvote the bill", "decision.yaml", strings.Replace(testModel, "weight_per_doubling: 12", "weight_per_doubling: 2", 1), `soft answers can add up to`},
		{"prices missing", "pricing/gcp.yaml", "", `pricing/gcp.yaml:1: the prices of gcp are missing`},
		{"sessions that reconnect with no store", "pricing/gcp.yaml", strings.Replace(string(realFile("pricing/gcp.yaml")), "  session_store: Memorystore for Redis\n", "", 1), `pricing/gcp.yaml:1: containers_connection_max_seconds needs products.session_store and the price session_store_gb_hour`},
		{"messaging units without their steps", "pricing/azure.yaml", regexp.MustCompile(`(?m)^  - id: messaging_unit_step\n(    .*\n)*?  - id: messaging_unit_messages_per_day\n`).ReplaceAllString(string(realFile("pricing/azure.yaml")), "  - id: messaging_unit_messages_per_day\n"), `pricing/azure.yaml:1: messaging_max_units, messaging_units_one_at_a_time and messaging_unit_step go together`},
		{"ingress idle timeout that cannot be raised", "pricing/azure.yaml", regexp.MustCompile(`(?m)^  - id: containers_idle_max_seconds\n(    .*\n)*?  - id: containers_cooldown_seconds\n`).ReplaceAllString(string(realFile("pricing/azure.yaml")), "  - id: containers_cooldown_seconds\n"), `pricing/azure.yaml:1: containers_timeout_is_idle needs the limits containers_max_request_seconds and containers_idle_max_seconds`},
		{"stream batches with no words for them", "pricing/aws.yaml", regexp.MustCompile(`(?m)^  stream_batches: .*\n`).ReplaceAllString(string(realFile("pricing/aws.yaml")), ""), `pricing/aws.yaml:1: event_batch_size_stream, products.queue_batches and products.stream_batches go together`},
		{"cheaper log class with no name", "pricing/aws.yaml", strings.Replace(string(realFile("pricing/aws.yaml")), "  logs_cheaper_class: CloudWatch Logs' Infrequent Access class (no metric or subscription filters, no live tail)\n", "", 1), fmt.Sprintf(`pricing/aws.yaml:%d: logs_gb_cheaper_class and products.logs_cheaper_class go together`, lineIn(string(realFile("pricing/aws.yaml")), "products:")+1)},
		{"registry price with no product", "pricing/azure.yaml", strings.Replace(string(realFile("pricing/azure.yaml")), "  registry: Azure Container Registry (Basic)\n", "", 1), fmt.Sprintf(`pricing/azure.yaml:%d: container_registry_daily and products.registry go together`, lineIn(string(realFile("pricing/azure.yaml")), "products:")+1)},
		{"free machine the catalogue lacks", "pricing/gcp.yaml", strings.Replace(string(realFile("pricing/gcp.yaml")), "  free_machine: e2-micro\n", "  free_machine: e2-nano\n", 1), fmt.Sprintf(`pricing/gcp.yaml:%d: products.free_machine "e2-nano" names no size of the server catalogue`, lineIn(string(realFile("pricing/gcp.yaml")), "products:")+1)},
		{"default timeout with no setting", "pricing/gcp.yaml", strings.Replace(string(realFile("pricing/gcp.yaml")), "  functions_timeout: the function's timeout (--timeout when it is deployed)\n", "", 1), fmt.Sprintf(`pricing/gcp.yaml:%d: functions_default_run_seconds and products.functions_timeout go together`, lineIn(string(realFile("pricing/gcp.yaml")), "products:")+1)},
		{"scheduler's wait with no scheduler", "pricing/gcp.yaml", strings.Replace(string(realFile("pricing/gcp.yaml")), "  scheduler: Cloud Scheduler\n", "", 1), fmt.Sprintf(`pricing/gcp.yaml:%d: functions_schedule_default_seconds and products.scheduler go together`, lineIn(string(realFile("pricing/gcp.yaml")), "products:")+1)},
		{"jobs' default timeout with no setting", "pricing/gcp.yaml", strings.Replace(string(realFile("pricing/gcp.yaml")), "  jobs_timeout: the job's task timeout\n", "", 1), fmt.Sprintf(`pricing/gcp.yaml:%d: jobs_default_run_seconds needs products.jobs_timeout`, lineIn(string(realFile("pricing/gcp.yaml")), "products:")+1)},
		{"free hours of no machine", "pricing/gcp.yaml", strings.Replace(string(realFile("pricing/gcp.yaml")), "  free_machine: e2-micro\n", "", 1), fmt.Sprintf(`pricing/gcp.yaml:%d: servers_free_hours and products.free_machine go together`, lineIn(string(realFile("pricing/gcp.yaml")), "products:")+1)},
		{"pooler price with no product", "pricing/aws.yaml", strings.Replace(string(realFile("pricing/aws.yaml")), "  db_pooler: Amazon RDS Proxy\n", "", 1), `pricing/aws.yaml:1: db_pooler_vcpu_hour, db_pooler_min_vcpus and products.db_pooler go together`},
		{"price without source", "pricing/aws.yaml", strings.Replace(string(realFile("pricing/aws.yaml")), "    source: https://aws.amazon.com/lambda/pricing/\n", "", 1), fmt.Sprintf(`pricing/aws.yaml:%d: "functions_requests": needs a source`, lineIn(string(realFile("pricing/aws.yaml")), "  - id: functions_requests"))},
		{"price without date", "pricing/aws.yaml", strings.Replace(string(realFile("pricing/aws.yaml")), "    as_of: 2026-11-26\n", "", 1), fmt.Sprintf(`pricing/aws.yaml:%d: "functions_requests": as_of "" is not a date`, lineIn(string(realFile("pricing/aws.yaml")), "  - id: functions_requests"))},
		{"price in the wrong unit", "pricing/aws.yaml", strings.Replace(string(realFile("pricing/aws.yaml")), "unit: USD per million requests", "unit: USD per hour", 1), `"functions_requests": unit "USD per hour" does not fit`},
		{"price with a typo in its id", "pricing/aws.yaml", strings.Replace(string(realFile("pricing/aws.yaml")), "id: functions_requests", "id: function_requests", 1), `unknown id "function_requests"`},
		{"required price missing", "pricing/aws.yaml", strings.Replace(string(realFile("pricing/aws.yaml")), "id: egress_gb\n", "id: egress_per_gb\n", 1), `pricing/aws.yaml:1: price "egress_gb" is missing; the cost model needs it`},
		{"per_project on a price", "pricing/aws.yaml", strings.Replace(string(realFile("pricing/aws.yaml")), "    source: https://aws.amazon.com/lambda/pricing/\n", "    source: https://aws.amazon.com/lambda/pricing/\n    per_project: true\n", 1), fmt.Sprintf(`pricing/aws.yaml:%d: "functions_requests": per_project is for a free allowance`, lineIn(string(realFile("pricing/aws.yaml")), "  - id: functions_requests"))},
		{"beyond on a price", "pricing/aws.yaml", strings.Replace(string(realFile("pricing/aws.yaml")), "    source: https://aws.amazon.com/lambda/pricing/\n", "    source: https://aws.amazon.com/lambda/pricing/\n    beyond: More requests cost more.\n", 1), fmt.Sprintf(`pricing/aws.yaml:%d: "functions_requests": beyond is a sentence, ending with a full stop, on a limit`, lineIn(string(realFile("pricing/aws.yaml")), "  - id: functions_requests"))},
		{"negative price", "pricing/aws.yaml", strings.Replace(string(realFile("pricing/aws.yaml")), "value: 0.2\n", "value: -0.2\n", 1), `"functions_requests": -0.2 is not a possible value`},
		{"full control under the regime's hours", "pricing/common.yaml", strings.Replace(string(realFile("pricing/common.yaml")), "  - id: ops_hours_full_control\n    label: Operations time full control of the machines adds to servers\n    value: 6", "  - id: ops_hours_full_control\n    label: Operations time full control of the machines adds to servers\n    value: 3", 1), `ops_hours_full_control 3 is fewer than ops_hours_compliance 4`},
		{"impossible assumption", "pricing/common.yaml", strings.Replace(string(realFile("pricing/common.yaml")), "value: 730", "value: 800", 1), `hours_per_month 800 is more than the 744 hours`},
		{"profile keeping more for fast instances than for machines", "pricing/common.yaml", strings.Replace(string(realFile("pricing/common.yaml")), "fast_headroom: 1.3", "fast_headroom: 3", 1), `profile "unpredictable" needs headroom >= 1, a fast_headroom from 1 to headroom (or none)`},
		{"profile of the wrong length", "pricing/common.yaml", strings.Replace(string(realFile("pricing/common.yaml")), "hourly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]", "hourly: [1, 1]", 1), `profile "unpredictable" needs 24 hourly loads`},
		{"model session memory caveat without its count", "decision.yaml", strings.Replace(testModel, "about {sessions} connected", "some connected", 1), fmt.Sprintf(`decision.yaml:%d: caveats: session_memory must say {sessions}, the sessions connected at the busiest hour`, lineIn(testModel, "caveats:")+1)},
		{"model premium over a ruled-out option without its limit", "decision.yaml", strings.Replace(testModel, "is the price of a limit: {ruled_out}.", "is the price of a limit.", 1), `cost needs a premium_ruled_out sentence that says {ruled_out}, the limit that rules the cheaper option out`},
		{"model broken link", "decision.yaml", strings.Replace(testModel, "learn_more: /serverless", "learn_more: /serverless#why", 1), fmt.Sprintf(`decision.yaml:%d: link to /serverless#why: pages/serverless.md has no heading with id "why"`, lineIn(testModel, "  - id: serverless"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := validFS()
			if tt.data == "" {
				delete(fsys, tt.file)
			} else {
				fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
			}
			_, err := Load(fsys)
			require.Error(t, err)
			var errs ContentErrors
			require.ErrorAs(t, err, &errs)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestLoadReportsEveryError(t *testing.T) {
	fsys := validFS()
	fsys["pages/serverless.md"] = page("title: x\ndescription: y\norder: 20\nupdated: never", "[a](/gone)")
	fsys["pages/traditional.md"] = page("description: y\norder: 10\nupdated: 2026-01-01", "ok")
	_, err := Load(fsys)
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	assert.Equal(t, []string{
		`pages/serverless.md:5: updated "never" is not a date in the form YYYY-MM-DD`,
		`pages/serverless.md:7: link to /gone: no such page`,
		`pages/traditional.md:1: front matter needs a title`,
	}, lines, "all problems, sorted by file and line")
}

// TestErrorsInStableOrder: the checker prints the same list every time,
// even for problems found in a map (two bad weights of one option).
func TestErrorsInStableOrder(t *testing.T) {
	fsys := validFS()
	fsys["decision.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(testModel,
		"weights: {serverless: 2, containers: 1, traditional: 0, hybrid: 0.5}", "weights: {traditional: 200, serverless: 300, hybrid: 400, cloud: 1}", 1))}
	_, first := Load(fsys)
	require.Error(t, first)
	require.GreaterOrEqual(t, strings.Count(first.Error(), "\n"), 3, "several problems on one line:\n%s", first)
	for range 20 {
		_, err := Load(fsys)
		require.Equal(t, first.Error(), err.Error())
	}
	for line := range strings.SplitSeq(first.Error(), "\n") {
		assert.Regexp(t, `^decision\.yaml:\d+: `, line, "every problem starts with file:line:")
	}
}
