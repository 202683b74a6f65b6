package main

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// quoteJSON is one element of `yunshi quotes --json`.
type quoteJSON struct {
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
	Style   string `json:"style"`
	Doc     string `json:"doc"`
	Span    [2]int `json:"span"`
}

// quoteWidth is how many characters of the words the table shows.
const quoteWidth = 60

func (a *app) quotes(paths []string) int {
	if !a.checkFormat() {
		return exitUsage
	}
	c, code := a.load(paths)
	qs := c.Quotes()
	if a.opt.by != "" {
		qs = c.QuotesBy(a.opt.by)
	}
	l := listing{header: []string{"speaker", "style", "text", "doc", "span_start", "span_end", "leader", "reason"}}
	for _, q := range qs {
		l.items = append(l.items, quoteJSON{Speaker: q.Speaker, Text: q.Text, Style: string(q.Style), Doc: q.Doc, Span: [2]int{q.Start, q.End}})
		l.rows = append(l.rows, []string{q.Speaker, string(q.Style), q.Text, q.Doc, strconv.Itoa(q.Start), strconv.Itoa(q.End),
			strconv.FormatBool(q.Leader), q.Reason})
	}
	l.text = func(w io.Writer) {
		rows := make([][]string, 0, len(qs))
		for _, q := range qs {
			who := q.Speaker
			if who == "" {
				who = "? (" + q.Reason + ")"
			}
			rows = append(rows, []string{who, string(q.Style), q.Doc, clip(q.Text, quoteWidth)})
		}
		table(w, []string{"SPEAKER", "STYLE", "DOC", "WORDS"}, rows)
	}
	return a.print(l, code)
}

// clip returns s on one line, cut to n characters with an ellipsis.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ⏎ ")), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
