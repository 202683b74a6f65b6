package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
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
	if !a.checkFormat() {
		return exitUsage
	}
	code := exitOK
	l := listing{header: []string{"doc", "text", "span_start", "span_end", "from", "to", "grain", "kind", "duration", "approx", "unresolved"}}
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
			l.items = append(l.items, j)
			from, to, grain := "", "", ""
			if j.From != nil {
				from, to, grain = *j.From, *j.To, *j.Grain
			}
			l.rows = append(l.rows, []string{p, e.Text, strconv.Itoa(e.Start), strconv.Itoa(e.End), from, to, grain,
				string(e.Kind), e.Duration, strconv.FormatBool(e.Approx), strconv.FormatBool(e.Unresolved)})
			fmt.Fprintf(&b, "%s\t%d-%d\t%s\n", p, e.Start, e.End, e)
		}
	}
	l.text = func(w io.Writer) { io.WriteString(w, b.String()) }
	return a.print(l, code)
}
