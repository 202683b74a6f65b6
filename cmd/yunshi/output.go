package main

import (
	"encoding/json"
	"io"
	"strings"

	"golang.org/x/text/width"
)

// writeJSON prints v as indented JSON followed by a newline. Slices that
// are nil print as [] so that consumers always get an array.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// table prints rows aligned in columns, measuring East Asian wide
// characters as two cells so that Chinese text lines up in a terminal.
// The last column is not padded.
func table(w io.Writer, header []string, rows [][]string) error {
	widths := make([]int, len(header))
	all := append([][]string{header}, rows...)
	for _, r := range all {
		for i, c := range r {
			widths[i] = max(widths[i], cells(c))
		}
	}
	var b strings.Builder
	for _, r := range all {
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-cells(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cells returns the terminal width of s.
func cells(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// dateJSON returns s, or nil (JSON null) when s is empty.
func dateJSON(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
