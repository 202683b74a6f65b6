package main

import (
	"cmp"
	"fmt"
	"html"
	"io"
	"slices"
	"strings"

	"github.com/yunshi-dev/yunshi"
)

// writeTimelineHTML writes one self-contained page (no network needed to
// view it) that draws the timeline: a year axis at the top, then each
// year's milestones as cards with their date as written, event, leaders
// and sources, and a filter by leader. The cards are in the HTML itself;
// the script only filters.
func writeTimelineHTML(w io.Writer, ms []yunshi.Milestone) error {
	type card struct {
		ID, Span, Label, Event string
		Leaders                []string
		LeaderKey              string
		Sources                []yunshi.Source
	}
	type year struct {
		Year  int
		Count int
		Cards []card
	}
	var years []*year
	counts := map[string]int{}
	seen := map[string]int{}
	for _, m := range ms {
		if len(years) == 0 || years[len(years)-1].Year != m.From.Year {
			years = append(years, &year{Year: m.From.Year})
		}
		y := years[len(years)-1]
		y.Count++
		y.Cards = append(y.Cards, card{
			ID: uniqueID(m, seen), Span: span(m.From, m.To, m.Grain), Label: m.Label, Event: m.Event,
			Leaders: m.Leaders, LeaderKey: "|" + strings.Join(m.Leaders, "|") + "|", Sources: m.Sources,
		})
		for _, l := range m.Leaders {
			counts[l]++
		}
	}
	leaders := make([]string, 0, len(counts))
	for l := range counts {
		leaders = append(leaders, l)
	}
	slices.SortFunc(leaders, func(a, b string) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	maxCount := 1
	for _, y := range years {
		maxCount = max(maxCount, y.Count)
	}
	// The page is written by hand, every text escaped with html.EscapeString:
	// html/template's reflection would make the linker keep every method
	// of every reachable type, gse's embedded dictionaries included.
	e := html.EscapeString
	var b strings.Builder
	b.WriteString(pageHead)
	fmt.Fprintf(&b, "<header>\n<h1>云史 yunshi</h1>\n<p class=\"summary\"><span id=\"shown\">%d</span> / %d milestones</p>\n", len(ms), len(ms))
	b.WriteString("<label for=\"who\">Leader</label>\n<select id=\"who\">\n<option value=\"\">all</option>\n")
	for _, l := range leaders {
		fmt.Fprintf(&b, "<option value=\"%s\">%s (%d)</option>\n", e(l), e(l), counts[l])
	}
	b.WriteString("</select>\n</header>\n<nav class=\"axis\" aria-label=\"years\">\n")
	for _, y := range years {
		fmt.Fprintf(&b, "<a href=\"#y%d\" title=\"%d: %d\"><span class=\"bar\" style=\"height:%d%%\"></span>%d</a>\n",
			y.Year, y.Year, y.Count, 20+80*y.Count/maxCount, y.Year)
	}
	b.WriteString("</nav>\n<main>\n")
	for _, y := range years {
		fmt.Fprintf(&b, "<section class=\"year\" id=\"y%d\">\n<h2>%d</h2>\n", y.Year, y.Year)
		for _, c := range y.Cards {
			fmt.Fprintf(&b, "<article class=\"milestone\" id=\"%s\" data-leaders=\"%s\">\n", e(c.ID), e(c.LeaderKey))
			fmt.Fprintf(&b, "<div class=\"date\">%s<small>%s</small></div>\n<p class=\"event\">%s</p>\n", e(c.Span), e(c.Label), e(c.Event))
			if len(c.Leaders) > 0 {
				b.WriteString("<div class=\"leaders\">")
				for _, l := range c.Leaders {
					fmt.Fprintf(&b, "<span>%s</span>", e(l))
				}
				b.WriteString("</div>\n")
			}
			plural := ""
			if len(c.Sources) > 1 {
				plural = "s"
			}
			fmt.Fprintf(&b, "<details><summary>%d source%s</summary>\n", len(c.Sources), plural)
			for _, s := range c.Sources {
				fmt.Fprintf(&b, "<blockquote>%s</blockquote><div>%s · %d–%d</div>\n", e(s.Sentence), e(s.Doc), s.Start, s.End)
			}
			b.WriteString("</details>\n</article>\n")
		}
		b.WriteString("</section>\n")
	}
	b.WriteString("</main>\n<script>\n" + pageScript + "</script>\n</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// pageHead opens the timeline page: its styles, readable on a laptop and a
// phone.
const pageHead = `<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>云史 yunshi — timeline</title>
<style>
:root { --ink: #1d2433; --muted: #667085; --line: #d0d5dd; --accent: #c2410c; --card: #fff; --bg: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: var(--bg); overflow-wrap: anywhere; }
header { padding: 1.2rem 1rem .6rem; max-width: 60rem; margin: auto; }
h1 { margin: 0; font-size: 1.5rem; }
.summary { color: var(--muted); margin: .2rem 0 .8rem; }
label { font-weight: 600; margin-right: .5rem; }
select { font: inherit; padding: .2rem .4rem; max-width: 100%; }
nav.axis { display: flex; align-items: flex-end; gap: 2px; overflow-x: auto; padding: .5rem 1rem 0; max-width: 60rem; margin: auto; height: 5.5rem; border-bottom: 2px solid var(--ink); }
nav.axis a { flex: 1 0 2.2rem; display: flex; flex-direction: column; justify-content: flex-end; align-items: center; text-decoration: none; color: var(--muted); font-size: .7rem; height: 100%; }
nav.axis a span.bar { display: block; width: 70%; background: var(--accent); border-radius: 2px 2px 0 0; opacity: .75; }
nav.axis a:hover span.bar { opacity: 1; }
main { max-width: 60rem; margin: auto; padding: 0 1rem 3rem; }
section.year { position: relative; padding-left: 1.6rem; border-left: 2px solid var(--line); margin-left: .4rem; }
section.year h2 { margin: 1.4rem 0 .6rem -2.05rem; font-size: 1.2rem; display: flex; align-items: center; gap: .5rem; }
section.year h2::before { content: ""; width: .9rem; height: .9rem; border-radius: 50%; background: var(--ink); display: inline-block; }
article.milestone { position: relative; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .7rem .9rem; margin: 0 0 .8rem; box-shadow: 0 1px 2px rgba(16,24,40,.05); }
article.milestone::before { content: ""; position: absolute; left: -2.05rem; top: 1.05rem; width: .6rem; height: .6rem; border-radius: 50%; background: var(--accent); }
.date { font-weight: 700; color: var(--accent); }
.date small { color: var(--muted); font-weight: 400; margin-left: .4rem; }
.event { margin: .2rem 0 .4rem; }
.leaders span { display: inline-block; background: #fff1e7; color: #9a3412; border-radius: 999px; padding: 0 .6rem; margin: 0 .3rem .3rem 0; font-size: .85rem; }
details { color: var(--muted); font-size: .9rem; }
details blockquote { margin: .3rem 0; padding-left: .6rem; border-left: 3px solid var(--line); color: var(--ink); }
.hidden { display: none; }
@media (max-width: 600px) {
  body { font-size: 15px; }
  section.year { padding-left: 1rem; margin-left: .2rem; }
  section.year h2 { margin-left: -1.45rem; }
  article.milestone::before { left: -1.45rem; }
}
</style>
</head>
<body>
`

// pageScript filters the cards by leader.
const pageScript = `(function () {
  var select = document.getElementById("who");
  select.addEventListener("change", function () {
    var who = select.value, shown = 0;
    document.querySelectorAll("section.year").forEach(function (sec) {
      var any = false;
      sec.querySelectorAll("article.milestone").forEach(function (card) {
        var show = who === "" || card.dataset.leaders.indexOf("|" + who + "|") >= 0;
        card.classList.toggle("hidden", !show);
        if (show) { any = true; shown++; }
      });
      sec.classList.toggle("hidden", !any);
    });
    document.getElementById("shown").textContent = shown;
  });
})();
`
