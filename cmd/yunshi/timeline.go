package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/yunshi-dev/yunshi"
)

// milestoneJSON is one element of `yunshi timeline --json`.
type milestoneJSON struct {
	From    string       `json:"from"`
	To      string       `json:"to"`
	Grain   string       `json:"grain"`
	Label   string       `json:"label"`
	Event   string       `json:"event"`
	Leaders []string     `json:"leaders"`
	Sources []sourceJSON `json:"sources"`
}

type sourceJSON struct {
	Doc      string `json:"doc"`
	Span     [2]int `json:"span"`
	Sentence string `json:"sentence"`
}

func toMilestoneJSON(m yunshi.Milestone) milestoneJSON {
	j := milestoneJSON{From: m.From.String(), To: m.To.String(), Grain: m.Grain.String(), Label: m.Label,
		Event: m.Event, Leaders: m.Leaders, Sources: []sourceJSON{}}
	if j.Leaders == nil {
		j.Leaders = []string{}
	}
	for _, s := range m.Sources {
		j.Sources = append(j.Sources, sourceJSON{Doc: s.Doc, Span: [2]int{s.Start, s.End}, Sentence: s.Sentence})
	}
	return j
}

// periodStart and periodEnd read --from and --to: YYYY, YYYY-MM or
// YYYY-MM-DD, --to meaning the end of that period.
func periodBounds(s string) (from, to yunshi.Date, err error) {
	if s == "" {
		return yunshi.Date{}, yunshi.Date{}, nil
	}
	from, err = yunshi.ParseDate(s)
	if err != nil {
		return from, to, err
	}
	switch strings.Count(s, "-") {
	case 0:
		to = yunshi.D(from.Year, 12, 31)
	case 1:
		to = yunshi.D(from.Year, from.Month+1, 0)
	default:
		to = from
	}
	return from, to, nil
}

func (a *app) timeline(paths []string) int {
	if !a.checkFormat("timelinejs", "timelinejs-csv", "mermaid", "html") {
		return exitUsage
	}
	from, _, err := periodBounds(a.opt.from)
	if err != nil {
		fmt.Fprintln(a.stderr, "yunshi: --from:", err)
		return exitUsage
	}
	_, to, err := periodBounds(a.opt.to)
	if err != nil {
		fmt.Fprintln(a.stderr, "yunshi: --to:", err)
		return exitUsage
	}
	c, code := a.load(paths)
	ms := c.TimelineBetween(from, to)
	if a.opt.who != "" {
		l, ok := c.Leader(a.opt.who)
		if !ok {
			fmt.Fprintf(a.stderr, "yunshi: no leader named %q\n", a.opt.who)
			return exitFailure
		}
		keep := ms[:0]
		for _, m := range ms {
			for _, n := range m.Leaders {
				if n == l.Name {
					keep = append(keep, m)
					break
				}
			}
		}
		ms = keep
	}
	l := listing{
		header: []string{"from", "to", "grain", "label", "event", "leaders", "doc", "span_start", "span_end", "sentence"},
		extra: map[string]func(io.Writer) error{
			"timelinejs":     func(w io.Writer) error { return a.writeTimelineJS(w, ms) },
			"timelinejs-csv": func(w io.Writer) error { return a.writeTimelineJSCSV(w, ms) },
			"mermaid":        func(w io.Writer) error { return writeMermaid(w, ms) },
			"html":           func(w io.Writer) error { return writeTimelineHTML(w, ms) },
		},
	}
	for _, m := range ms {
		l.items = append(l.items, toMilestoneJSON(m))
		for _, s := range m.Sources {
			l.rows = append(l.rows, []string{m.From.String(), m.To.String(), m.Grain.String(), m.Label, m.Event,
				strings.Join(m.Leaders, "; "), s.Doc, strconv.Itoa(s.Start), strconv.Itoa(s.End), s.Sentence})
		}
	}
	l.text = func(w io.Writer) {
		var b strings.Builder
		for _, m := range ms {
			fmt.Fprintf(&b, "%-23s %s\n", span(m.From, m.To, m.Grain), m.Label)
			fmt.Fprintf(&b, "    %s\n", m.Event)
			var src []string
			for _, s := range m.Sources {
				src = append(src, fmt.Sprintf("%s@%d", s.Doc, s.Start))
			}
			if len(m.Leaders) > 0 {
				fmt.Fprintf(&b, "    leaders: %s\n", strings.Join(m.Leaders, ", "))
			}
			fmt.Fprintf(&b, "    sources: %s\n", strings.Join(src, " "))
		}
		io.WriteString(w, b.String())
	}
	return a.print(l, code)
}

// span renders an interval at its grain: 2013, 2013-08, 2013-08-15,
// 2013-10-24..2013-10-25.
func span(from, to yunshi.Date, g yunshi.Grain) string {
	f, t := from.String(), to.String()
	switch {
	case from.Month == 1 && from.Day == 1 && to.Month == 12 && to.Day == 31:
		f, t = f[:4], t[:4]
	case from.Day == 1 && to.AddDays(1).Day == 1:
		f, t = f[:7], t[:7]
	}
	if f == t {
		return f
	}
	return f + ".." + t
}
