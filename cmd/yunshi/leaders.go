package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/yunshi-dev/yunshi"
)

// leaderJSON is one element of `yunshi leaders --json`.
type leaderJSON struct {
	Name     string      `json:"name"`
	Aliases  []string    `json:"aliases"`
	Titles   []titleJSON `json:"titles"`
	Mentions int         `json:"mentions"`
	Docs     []string    `json:"docs"`
}

type titleJSON struct {
	Title string  `json:"title"`
	Org   string  `json:"org"`
	From  *string `json:"from"`
	To    *string `json:"to"`
	Doc   string  `json:"doc"`
	Span  [2]int  `json:"span"`
}

func toLeaderJSON(l yunshi.Leader) leaderJSON {
	j := leaderJSON{Name: l.Name, Aliases: l.Aliases, Titles: []titleJSON{}, Mentions: len(l.Mentions), Docs: l.Docs}
	if j.Aliases == nil {
		j.Aliases = []string{}
	}
	if j.Docs == nil {
		j.Docs = []string{}
	}
	for _, t := range l.Titles {
		j.Titles = append(j.Titles, titleJSON{
			Title: t.Title, Org: t.Org, From: dateJSON(t.From.String()), To: dateJSON(t.To.String()),
			Doc: t.Source.Doc, Span: [2]int{t.Source.Start, t.Source.End},
		})
	}
	return j
}

// printLeaders prints leaders in the chosen format; CSV and Markdown have
// one row per title (or one row for a leader without titles).
func (a *app) printLeaders(leaders []yunshi.Leader, code int) int {
	l := listing{header: []string{"name", "aliases", "mentions", "docs", "title", "org", "from", "to", "doc", "span_start", "span_end"}}
	for _, ld := range leaders {
		l.items = append(l.items, toLeaderJSON(ld))
		base := []string{ld.Name, strings.Join(ld.Aliases, "; "), strconv.Itoa(len(ld.Mentions)), strings.Join(ld.Docs, "; ")}
		if len(ld.Titles) == 0 {
			l.rows = append(l.rows, append(base, "", "", "", "", "", "", ""))
		}
		for _, t := range ld.Titles {
			l.rows = append(l.rows, append(slices.Clone(base), t.Title, t.Org, t.From.String(), t.To.String(),
				t.Source.Doc, strconv.Itoa(t.Source.Start), strconv.Itoa(t.Source.End)))
		}
	}
	l.text = func(w io.Writer) {
		var b strings.Builder
		for _, ld := range leaders {
			fmt.Fprintf(&b, "%s", ld.Name)
			if len(ld.Aliases) > 0 {
				fmt.Fprintf(&b, " (%s)", strings.Join(ld.Aliases, ", "))
			}
			fmt.Fprintf(&b, " — %d mentions in %s\n", len(ld.Mentions), strings.Join(ld.Docs, ", "))
			for _, t := range ld.Titles {
				fmt.Fprintf(&b, "    %s  %s\n", tenure(t), t.Title)
			}
		}
		io.WriteString(w, b.String())
	}
	return a.print(l, code)
}

// tenure renders a title's dates as "2014-11 → 2018-11".
func tenure(t yunshi.Title) string {
	from, to := "?", "…"
	if !t.From.IsZero() {
		from = t.From.String()
	}
	if !t.To.IsZero() {
		to = t.To.String()
	}
	return fmt.Sprintf("%-10s → %-10s", from, to)
}

func (a *app) leaders(paths []string) int {
	if !a.checkFormat() {
		return exitUsage
	}
	c, code := a.load(paths)
	return a.printLeaders(c.Leaders(), code)
}

func (a *app) leader(args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(a.stderr, "yunshi: leader needs a NAME (a name or an alias)")
		return exitUsage
	}
	if !a.checkFormat() {
		return exitUsage
	}
	name, paths := args[0], args[1:]
	c, code := a.load(paths)
	l, ok := c.Leader(name)
	if !ok {
		fmt.Fprintf(a.stderr, "yunshi: no leader named %q\n", name)
		return exitFailure
	}
	return a.printLeaders([]yunshi.Leader{l}, code)
}

// who prints the leaders holding a title at a date: --at Y[-M[-D]] means
// at some time in that period.
func (a *app) who(args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(a.stderr, "yunshi: who needs a TITLE, e.g. yunshi who 阿里云总裁 --at 2016")
		return exitUsage
	}
	if a.opt.at == "" {
		fmt.Fprintln(a.stderr, "yunshi: who needs --at DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
		return exitUsage
	}
	from, to, err := periodBounds(a.opt.at)
	if err != nil {
		fmt.Fprintln(a.stderr, "yunshi: --at:", err)
		return exitUsage
	}
	if !a.checkFormat() {
		return exitUsage
	}
	title, paths := args[0], args[1:]
	c, code := a.load(paths)
	return a.printLeaders(c.HoldersDuring(title, from, to), code)
}
