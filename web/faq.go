package web

import (
	"html"
	"html/template"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// FAQ is the questions page: an intro, then one entry per "##" heading.
type FAQ struct {
	*Page
	Intro   template.HTML
	Entries []FAQEntry
	Sources template.HTML // the footnotes shared by all answers
}

// FAQEntry is one question and its answer.
type FAQEntry struct {
	ID         string // the heading's id: /faq#<id> opens this entry
	Question   string
	Answer     template.HTML
	AnswerText string // the answer without markup, for structured data
}

// parseFAQ reads the FAQ file. Every "##" heading is a question and
// everything up to the next one is its answer. The whole file is parsed as
// one document so that footnotes work across answers.
func parseFAQ(file string, src []byte, sh *shared) (*FAQ, ContentErrors) {
	p, doc, errs := parsePage(file, src, sh)
	if p == nil {
		return nil, errs
	}
	p.Slug, p.Path = "faq", "/faq"
	faq := &FAQ{Page: p}
	var intro, answer []ast.Node
	var current *FAQEntry
	flush := func() {
		if current == nil {
			return
		}
		var err error
		if current.Answer, err = doc.render(answer...); err != nil {
			errs.errorf(file, 0, "rendering markdown: %v", err)
		}
		current.AnswerText = textOf(current.Answer)
		faq.Entries = append(faq.Entries, *current)
		answer = nil
	}
	for n := doc.root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 2 {
				flush()
				id, _ := n.AttributeString("id")
				idBytes, _ := id.([]byte) // goldmark's automatic ids are bytes
				current = &FAQEntry{ID: string(idBytes), Question: plainText(n, doc.source)}
				continue
			}
		case *extast.FootnoteList:
			var err error
			if faq.Sources, err = doc.render(n); err != nil {
				errs.errorf(file, 0, "rendering markdown: %v", err)
			}
			continue
		}
		if current == nil {
			intro = append(intro, n)
		} else {
			answer = append(answer, n)
		}
	}
	flush()
	if len(faq.Entries) == 0 {
		errs.errorf(file, 0, `the FAQ has no questions: write each question as a "## " heading`)
	}
	var err error
	if faq.Intro, err = doc.render(intro...); err != nil {
		errs.errorf(file, 0, "rendering markdown: %v", err)
	}
	p.Body = faq.Intro
	return faq, errs
}

var (
	htmlTag      = regexp.MustCompile(`<[^>]*>`)
	footnoteRef  = regexp.MustCompile(`<sup id="fnref[^"]*">.*?</sup>`)
	spaceRunning = regexp.MustCompile(`\s+`)
)

// textOf turns rendered HTML into plain text, dropping footnote markers.
func textOf(h template.HTML) string {
	s := footnoteRef.ReplaceAllString(string(h), "")
	s = htmlTag.ReplaceAllString(s, " ")
	s = html.UnescapeString(s)
	s = spaceRunning.ReplaceAllString(s, " ")
	return strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(s, " .", "."), " ,", ","))
}
