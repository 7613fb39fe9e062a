// Package content holds the editors' files: the pages, the FAQ, the
// decision model, the prices and the comparison scorecard. It only embeds
// the folder; package web reads and validates it.
package content

import (
	"embed"
	"io/fs"
)

//go:embed pages images pricing faq.md decision.yaml comparison.yaml facts.yaml
var files embed.FS

// FS returns the embedded content, rooted at this folder.
func FS() fs.FS { return files }
