package web

import (
	"errors"
	"io/fs"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"serverorless/web/advisor"
)

// modelFile is the decision model's file in the content folder.
const modelFile = "decision.yaml"

// loadModel reads the prices and the decision model and compiles them
// together. Links in the model are returned to be checked with the pages'
// links.
func loadModel(fsys fs.FS) (*advisor.Model, []link, ContentErrors) {
	pricing, errs := loadPricing(fsys)
	var m advisor.Model
	found, merrs := readYAML(fsys, modelFile, &m)
	if !found {
		merrs.errorf(modelFile, 0, "the decision model is missing")
	}
	errs = append(errs, merrs...)
	if errs != nil {
		return nil, nil, errs
	}
	_, problems := advisor.Compile(&m, pricing)
	for _, p := range problems {
		errs.errorf(modelFile, p.Line, "%s", p.Msg)
	}
	return &m, modelLinks(&m), errs
}

// pricingDir holds one file of prices and limits per cloud, and the
// assumptions they share.
const (
	pricingDir = "pricing"
	commonFile = pricingDir + "/common.yaml"
)

// cloudFile is the file of one cloud's prices.
func cloudFile(id string) string { return pricingDir + "/" + id + ".yaml" }

// loadPricing reads and validates the shared assumptions and every
// cloud's prices.
func loadPricing(fsys fs.FS) (*advisor.Pricing, ContentErrors) {
	p := &advisor.Pricing{Common: &advisor.Common{}}
	found, errs := readYAML(fsys, commonFile, p.Common)
	if !found {
		errs.errorf(commonFile, 0, "the shared assumptions of the cost model are missing")
	}
	if errs == nil {
		for _, pr := range p.Common.Validate() {
			errs.errorf(commonFile, pr.Line, "%s", pr.Msg)
		}
	}
	for _, id := range advisor.Clouds {
		file := cloudFile(id)
		c := &advisor.Cloud{}
		found, cerrs := readYAML(fsys, file, c)
		if !found {
			errs.errorf(file, 0, "the prices of %s are missing", id)
			continue
		}
		if cerrs == nil {
			for _, pr := range c.Validate() {
				cerrs.errorf(file, pr.Line, "%s", pr.Msg)
			}
			if c.ID != id {
				cerrs.errorf(file, 1, "id %q does not match the file name %s", c.ID, file)
			}
		}
		errs = append(errs, cerrs...)
		p.Clouds = append(p.Clouds, c)
	}
	return p, errs
}

// readYAML decodes a YAML file of the content into v, rejecting unknown
// fields, and fills in the Line fields of v from the file. found is false
// when the file does not exist.
func readYAML(fsys fs.FS, file string, v any) (found bool, errs ContentErrors) {
	src, err := fs.ReadFile(fsys, file)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	} else if err != nil {
		errs.errorf(file, 0, "reading: %v", err)
		return true, errs
	}
	if errs := decodeYAML(file, 1, src, v); errs != nil {
		return true, errs
	}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err == nil && len(root.Content) > 0 {
		setLines(root.Content[0], reflect.ValueOf(v))
	}
	return true, nil
}

// setLines copies the line of each YAML mapping into the Line field of the
// struct decoded from it, so that validation can point at the right line.
func setLines(n *yaml.Node, v reflect.Value) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Struct:
		if f := v.FieldByName("Line"); f.IsValid() && f.CanSet() && f.Kind() == reflect.Int {
			f.SetInt(int64(n.Line))
		}
		if n.Kind != yaml.MappingNode {
			return
		}
		t := v.Type()
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i].Value
			for j := 0; j < t.NumField(); j++ {
				if name, _, _ := strings.Cut(t.Field(j).Tag.Get("yaml"), ","); name == key && t.Field(j).IsExported() {
					setLines(n.Content[i+1], v.Field(j))
				}
			}
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return
		}
		for i := 0; i < v.Len() && i < len(n.Content); i++ {
			setLines(n.Content[i], v.Index(i))
		}
	}
}

// modelLinks collects the model's links to content pages.
func modelLinks(m *advisor.Model) []link {
	var links []link
	add := func(dest string, line int) {
		if dest != "" {
			links = append(links, link{Dest: dest, Line: line})
		}
	}
	for _, v := range m.Verdicts {
		add(v.LearnMore, v.Line)
	}
	for _, q := range m.Questions {
		add(q.LearnMore, q.Line)
	}
	for _, c := range m.Constraints {
		add(c.LearnMore, c.Line)
	}
	for _, g := range m.Guidelines {
		add(g.LearnMore, g.Line)
	}
	if m.Cost != nil {
		add(m.Cost.LearnMore, m.Cost.Line)
	}
	return links
}

// checkModelLinks reports links in the model that lead nowhere.
func (s *Site) checkModelLinks(links []link) ContentErrors {
	var errs ContentErrors
	for _, l := range links {
		if msg := s.resolve(nil, l.Dest); msg != "" {
			errs.errorf(modelFile, l.Line, "%s", msg)
		}
	}
	return errs
}
