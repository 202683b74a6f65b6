package main

import (
	"fmt"
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

// printLeaders writes leaders as JSON or as readable blocks.
func (a *app) printLeaders(leaders []yunshi.Leader) int {
	if a.opt.json {
		out := make([]leaderJSON, 0, len(leaders))
		for _, l := range leaders {
			out = append(out, toLeaderJSON(l))
		}
		if err := writeJSON(a.stdout, out); err != nil {
			fmt.Fprintln(a.stderr, "yunshi:", err)
			return exitFailure
		}
		return exitOK
	}
	var b strings.Builder
	for _, l := range leaders {
		fmt.Fprintf(&b, "%s", l.Name)
		if len(l.Aliases) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(l.Aliases, ", "))
		}
		fmt.Fprintf(&b, " — %d mentions in %s\n", len(l.Mentions), strings.Join(l.Docs, ", "))
		for _, t := range l.Titles {
			fmt.Fprintf(&b, "    %s  %s\n", tenure(t), t.Title)
		}
	}
	fmt.Fprint(a.stdout, b.String())
	return exitOK
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
	c, code := a.load(paths)
	if r := a.printLeaders(c.Leaders()); r != exitOK {
		return r
	}
	return code
}

func (a *app) leader(args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(a.stderr, "yunshi: leader needs a NAME (a name or an alias)")
		return exitUsage
	}
	name, paths := args[0], args[1:]
	c, code := a.load(paths)
	l, ok := c.Leader(name)
	if !ok {
		fmt.Fprintf(a.stderr, "yunshi: no leader named %q\n", name)
		return exitFailure
	}
	if r := a.printLeaders([]yunshi.Leader{l}); r != exitOK {
		return r
	}
	return code
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
	title, paths := args[0], args[1:]
	c, code := a.load(paths)
	if r := a.printLeaders(c.HoldersDuring(title, from, to)); r != exitOK {
		return r
	}
	return code
}
