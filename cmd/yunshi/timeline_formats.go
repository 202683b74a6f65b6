package main

import (
	"encoding/csv"
	"fmt"
	"hash/fnv"
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/yunshi-dev/yunshi"
)

// Knight Lab TimelineJS (https://timeline.knightlab.com) reads a JSON
// object of "events" (slides) with start and end dates, text and groups,
// or a spreadsheet with fixed columns. Both are written here from the
// milestones, at the precision the text supports: a year, a month or a
// day.

type tljsDoc struct {
	Title  tljsSlide   `json:"title"`
	Events []tljsSlide `json:"events"`
}

type tljsSlide struct {
	StartDate   *tljsDate `json:"start_date,omitempty"`
	EndDate     *tljsDate `json:"end_date,omitempty"`
	DisplayDate string    `json:"display_date,omitempty"`
	Text        tljsText  `json:"text"`
	Group       string    `json:"group,omitempty"`
	UniqueID    string    `json:"unique_id,omitempty"`
}

type tljsDate struct {
	Year        string `json:"year"`
	Month       string `json:"month,omitempty"`
	Day         string `json:"day,omitempty"`
	DisplayDate string `json:"display_date,omitempty"`
}

type tljsText struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

// tljsDates returns the start and end dates of m at its grain: years,
// months (also for quarters and halves), or days. The end is nil when it
// is the same period as the start.
func tljsDates(m yunshi.Milestone) (start, end *tljsDate) {
	at := func(d yunshi.Date, g yunshi.Grain) *tljsDate {
		t := &tljsDate{Year: strconv.Itoa(d.Year)}
		switch g {
		case yunshi.GrainYear:
		case yunshi.GrainHalf, yunshi.GrainQuarter, yunshi.GrainMonth:
			t.Month = strconv.Itoa(int(d.Month))
		default:
			t.Month, t.Day = strconv.Itoa(int(d.Month)), strconv.Itoa(d.Day)
		}
		return t
	}
	g := m.Grain
	// A whole number of months or years is written at that grain even
	// when the grammar says "day" (9月17日至19日 stays in days).
	start, end = at(m.From, g), at(m.To, g)
	if *start == *end {
		end = nil
	}
	return start, end
}

// uniqueID is a stable identifier for a milestone: its dates and a hash of
// its label, event and first source.
func uniqueID(m yunshi.Milestone, seen map[string]int) string {
	h := fnv.New32a()
	io.WriteString(h, m.Label+"\x00"+m.Event)
	if len(m.Sources) > 0 {
		fmt.Fprintf(h, "\x00%s@%d", m.Sources[0].Doc, m.Sources[0].Start)
	}
	id := fmt.Sprintf("ys-%s-%08x", m.From, h.Sum32())
	if n := seen[id]; n > 0 {
		seen[id]++
		return fmt.Sprintf("%s-%d", id, n+1)
	}
	seen[id] = 1
	return id
}

// milestoneGroup is the TimelineJS group of a milestone: its first leader,
// or its first document.
func milestoneGroup(m yunshi.Milestone, by string) string {
	if by != "doc" && len(m.Leaders) > 0 {
		return m.Leaders[0]
	}
	if len(m.Sources) > 0 {
		return m.Sources[0].Doc
	}
	return ""
}

// slideText is the HTML body of a slide: leaders and every source sentence
// with its document, escaped.
func slideText(m yunshi.Milestone) string {
	var b strings.Builder
	if len(m.Leaders) > 0 {
		fmt.Fprintf(&b, "<p><strong>%s</strong></p>", html.EscapeString(strings.Join(m.Leaders, "、")))
	}
	for _, s := range m.Sources {
		fmt.Fprintf(&b, "<blockquote>%s</blockquote><p>— %s, %d–%d</p>", html.EscapeString(s.Sentence), html.EscapeString(s.Doc), s.Start, s.End)
	}
	return b.String()
}

// headline shortens an event for a slide headline.
func headline(e string) string {
	r := []rune(e)
	if len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return e
}

func (a *app) timelineJS(ms []yunshi.Milestone) tljsDoc {
	doc := tljsDoc{Title: tljsSlide{Text: tljsText{
		Headline: "云史 yunshi",
		Text:     html.EscapeString(fmt.Sprintf("%d milestones", len(ms))),
	}}, Events: []tljsSlide{}}
	seen := map[string]int{}
	for _, m := range ms {
		start, end := tljsDates(m)
		start.DisplayDate = m.Label
		doc.Events = append(doc.Events, tljsSlide{
			StartDate:   start,
			EndDate:     end,
			DisplayDate: m.Label,
			Text:        tljsText{Headline: html.EscapeString(headline(m.Event)), Text: slideText(m)},
			Group:       milestoneGroup(m, a.opt.group),
			UniqueID:    uniqueID(m, seen),
		})
	}
	return doc
}

func (a *app) writeTimelineJS(w io.Writer, ms []yunshi.Milestone) error {
	return writeJSON(w, a.timelineJS(ms))
}

// tljsColumns are the columns of Knight Lab's TimelineJS spreadsheet
// template.
var tljsColumns = []string{"Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
	"Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group", "Background"}

func (a *app) writeTimelineJSCSV(w io.Writer, ms []yunshi.Milestone) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Write(tljsColumns)
	for _, m := range ms {
		start, end := tljsDates(m)
		if end == nil {
			end = &tljsDate{}
		}
		cw.Write([]string{start.Year, start.Month, start.Day, "", end.Year, end.Month, end.Day, "",
			m.Label, html.EscapeString(headline(m.Event)), slideText(m), "", "", "", "", "", milestoneGroup(m, a.opt.group), ""})
	}
	cw.Flush()
	return cw.Error()
}

// mermaidText escapes what Mermaid's timeline syntax reads as structure:
// ":" separates events, "#" starts an entity, ";" ends a statement.
func mermaidText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case ':', '：':
			b.WriteString("#58;")
		case '#':
			b.WriteString("#35;")
		case ';', '；':
			b.WriteString("#59;")
		case '\n', '\r':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeMermaid writes a Mermaid timeline diagram: a section per year, a
// period per date, the events of that date after it.
func writeMermaid(w io.Writer, ms []yunshi.Milestone) error {
	var b strings.Builder
	b.WriteString("timeline\n    title 云史 yunshi\n")
	year, period := -1, ""
	for _, m := range ms {
		if m.From.Year != year {
			year = m.From.Year
			fmt.Fprintf(&b, "    section %d\n", year)
			period = ""
		}
		p := span(m.From, m.To, m.Grain)
		if p != period {
			fmt.Fprintf(&b, "        %s : %s\n", mermaidText(p), mermaidText(headline(m.Event)))
			period = p
			continue
		}
		fmt.Fprintf(&b, "        %s : %s\n", strings.Repeat(" ", len(mermaidText(p))), mermaidText(headline(m.Event)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
