package main

import (
	"fmt"
	"io"
	"strconv"
)

// docJSON is one element of `yunshi docs --json`.
type docJSON struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Author    string  `json:"author"`
	Source    string  `json:"source"`
	Published *string `json:"published"`
	Format    string  `json:"format"`
	Encoding  string  `json:"encoding"`
	Chars     int     `json:"chars"`
	Comments  int     `json:"comments"`
	Text      *string `json:"text,omitempty"`
}

func (a *app) docs(paths []string) int {
	if !a.checkFormat() {
		return exitUsage
	}
	c, code := a.load(paths)
	docs := c.Documents()
	l := listing{header: []string{"id", "title", "author", "source", "published", "format", "encoding", "chars", "comments"}}
	if a.opt.text {
		l.header = append(l.header, "text")
	}
	for _, d := range docs {
		j := docJSON{
			ID: d.ID, Title: d.Title, Author: d.Author, Source: d.Source,
			Published: dateJSON(d.Published.String()), Format: string(d.Format),
			Encoding: d.Encoding, Chars: d.Chars(), Comments: len(d.Comments),
		}
		row := []string{d.ID, d.Title, d.Author, d.Source, d.Published.String(), string(d.Format), d.Encoding,
			strconv.Itoa(d.Chars()), strconv.Itoa(len(d.Comments))}
		if a.opt.text {
			j.Text = &d.Text
			row = append(row, d.Text)
		}
		l.items = append(l.items, j)
		l.rows = append(l.rows, row)
	}
	l.text = func(w io.Writer) {
		rows := make([][]string, 0, len(docs))
		for _, d := range docs {
			pub := d.Published.String()
			if pub == "" {
				pub = "-"
			}
			rows = append(rows, []string{d.ID, pub, string(d.Format), d.Encoding,
				strconv.Itoa(d.Chars()), strconv.Itoa(len(d.Comments)), orDash(d.Author), orDash(d.Title)})
		}
		table(w, []string{"ID", "PUBLISHED", "FORMAT", "ENCODING", "CHARS", "COMMENTS", "AUTHOR", "TITLE"}, rows)
		if a.opt.text {
			for _, d := range docs {
				fmt.Fprintf(w, "\n== %s\n%s\n", d.ID, d.Text)
			}
		}
	}
	return a.print(l, code)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
