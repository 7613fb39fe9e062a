package web

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzLoad feeds arbitrary bytes to the loader as a page and as the FAQ: it
// must never panic, and every problem it reports must name the file and
// say what is wrong.
func FuzzLoad(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: x\ndescription: y\norder: 20\nupdated: 2026-01-01\n---\n## A {#a}\n\n[b](#a)\n",
		"---\ntitle: [\n---\n",
		"---\n---\n# h1\n> [!NOTE]\n> x\n\n| a |\n|---|\n| [x](/y#z) |\n",
		"no front matter",
		"---\ntitle: x\ndescription: y\norder: 20\nupdated: 2026-01-01\n---\n![i](/images/x.png) [^1]\n\n[^1]: note\n",
		"\ufeff---\r\ntitle: x\r\n---\r\n",
		"---\ntitle: x\ndescription: y\norder: 20\nupdated: 2026-01-01\n---\n{{cost functions requests=5}} {{fact x}} {{price y}} {{ {{x\n\n[^a]: A, \"B\", https://example.com (as of May 2026).\n[^b]: c\n",
	} {
		f.Add(seed)
	}
	located := regexp.MustCompile(`^[a-z./]+(:\d+)?: \S`)
	f.Fuzz(func(t *testing.T, src string) {
		for _, file := range []string{"pages/serverless.md", "faq.md"} {
			fsys := validFS()
			fsys[file] = &fstest.MapFile{Data: []byte(src)}
			site, err := Load(fsys)
			if err == nil {
				if site.Home == nil || len(site.Pages) == 0 {
					t.Fatalf("a site without pages loaded without error")
				}
				continue
			}
			var errs ContentErrors
			if !errors.As(err, &errs) {
				t.Fatalf("error is not a list of content errors: %v", err)
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				if !located.MatchString(line) {
					t.Fatalf("error %q does not start with file:line", line)
				}
			}
		}
	})
}
