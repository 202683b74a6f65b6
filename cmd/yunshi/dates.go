package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/yunshi-dev/yunshi"
)

// dateJSONOut is one element of `yunshi dates --json`.
type dateExprJSON struct {
	Doc        string  `json:"doc"`
	Text       string  `json:"text"`
	Span       [2]int  `json:"span"`
	From       *string `json:"from"`
	To         *string `json:"to"`
	Grain      *string `json:"grain"`
	Kind       string  `json:"kind"`
	Duration   string  `json:"duration,omitempty"`
	Approx     bool    `json:"approx"`
	Unresolved bool    `json:"unresolved"`
}

// dates extracts time expressions from raw text: each PATH, or standard
// input when there is none or PATH is "-". Files are decoded (UTF-8,
// GB18030, Big5) but not parsed as documents: spans index the decoded text.
func (a *app) dates(paths []string) int {
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	code := exitOK
	var out []dateExprJSON
	var b strings.Builder
	for _, p := range paths {
		var data []byte
		var err error
		if p == "-" {
			data, err = io.ReadAll(io.LimitReader(a.stdin, yunshi.DefaultMaxSize+1))
		} else {
			data, err = os.ReadFile(p)
		}
		if err != nil {
			fmt.Fprintf(a.stderr, "yunshi: %s: %v\n", p, err)
			code = exitFailure
			continue
		}
		text, _, err := yunshi.DecodeText(p, data)
		if err != nil {
			fmt.Fprintln(a.stderr, err)
			code = exitFailure
			continue
		}
		for _, e := range yunshi.ExtractDates(text, a.loader.Ref) {
			j := dateExprJSON{Doc: p, Text: e.Text, Span: [2]int{e.Start, e.End}, Kind: string(e.Kind),
				Duration: e.Duration, Approx: e.Approx, Unresolved: e.Unresolved}
			if e.Kind != yunshi.KindDuration && !e.Unresolved {
				j.From, j.To = dateJSON(e.From.String()), dateJSON(e.To.String())
				j.Grain = dateJSON(e.Grain.String())
			}
			out = append(out, j)
			fmt.Fprintf(&b, "%s\t%d-%d\t%s\n", p, e.Start, e.End, e)
		}
	}
	if a.opt.json {
		if out == nil {
			out = []dateExprJSON{}
		}
		if err := writeJSON(a.stdout, out); err != nil {
			fmt.Fprintln(a.stderr, "yunshi:", err)
			return exitFailure
		}
		return code
	}
	fmt.Fprint(a.stdout, b.String())
	return code
}
