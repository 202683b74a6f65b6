package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// A listing is what a listing command prints, ready for every format: JSON
// objects, one table row per fact with its source (for CSV and Markdown),
// and the readable default.
type listing struct {
	items  []any
	header []string
	rows   [][]string
	text   func(w io.Writer)
	// extra formats of one command (timeline: timelinejs, mermaid, html…).
	extra map[string]func(w io.Writer) error
}

// Formats every listing command accepts.
var baseFormats = []string{"text", "json", "jsonl", "csv", "md"}

// outputFormat returns the format asked for: --format, or --json/--jsonl,
// or "text".
func (a *app) outputFormat() string {
	switch {
	case a.opt.format != "":
		return a.opt.format
	case a.opt.json:
		return "json"
	case a.opt.jsonl:
		return "jsonl"
	}
	return "text"
}

// checkFormat reports a misuse when the format is not one of the base
// formats or the command's extra ones.
func (a *app) checkFormat(extra ...string) bool {
	f := a.outputFormat()
	for _, ok := range append(baseFormats, extra...) {
		if f == ok {
			return true
		}
	}
	fmt.Fprintf(a.stderr, "yunshi: unknown --format %q for this command (want one of %s)\n", f, strings.Join(append(baseFormats[1:], extra...), ", "))
	return false
}

// emit prints l in the chosen format.
func (a *app) emit(l listing) error {
	w := a.stdout
	switch f := a.outputFormat(); f {
	case "json":
		if l.items == nil {
			l.items = []any{}
		}
		return writeJSON(w, l.items)
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, it := range l.items {
			if err := enc.Encode(it); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		// A byte order mark, so that spreadsheet programs read UTF-8.
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
		cw := csv.NewWriter(w)
		cw.Write(l.header)
		cw.WriteAll(l.rows)
		return cw.Error()
	case "md":
		return writeMarkdown(w, l.header, l.rows)
	case "text":
		l.text(w)
		return nil
	default:
		if fn := l.extra[f]; fn != nil {
			return fn(w)
		}
		return fmt.Errorf("unknown format %q", f)
	}
}

// writeMarkdown prints a Markdown table, escaping what would break it.
func writeMarkdown(w io.Writer, header []string, rows [][]string) error {
	var b strings.Builder
	cell := func(s string) string {
		s = strings.ReplaceAll(s, "\\", "\\\\")
		s = strings.ReplaceAll(s, "|", "\\|")
		s = strings.ReplaceAll(s, "\r", "")
		return strings.ReplaceAll(s, "\n", "<br>")
	}
	line := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + cell(c) + " |")
		}
		b.WriteString("\n")
	}
	line(header)
	sep := make([]string, len(header))
	for i := range sep {
		sep[i] = "---"
	}
	b.WriteString("|" + strings.Join(sep, "|") + "|\n")
	for _, r := range rows {
		line(r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// print emits l and turns a write error into an exit code.
func (a *app) print(l listing, code int) int {
	if err := a.emit(l); err != nil {
		fmt.Fprintln(a.stderr, "yunshi:", err)
		return exitFailure
	}
	return code
}
