//go:build unix

package main

import (
	"encoding/json"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	nethtml "golang.org/x/net/html"
)

// TestBrowserTimelineHTML opens `timeline --format html` of the embedded
// corpus in Chromium, at a laptop's size and a phone's: every milestone is
// drawn, in order; nothing is wider than the phone's screen; choosing a
// leader shows just that leader's milestones.
func TestBrowserTimelineHTML(t *testing.T) {
	ms := timelineMilestones(t)
	page := writeTemp(t, "timeline.html", cliOK(t, "timeline", "--format", "html"))
	wd := startBrowser(t)
	wd.viewport(1280, 900, false)
	wd.open(fileURL(page))

	// The DOM after scripts ran has one card per milestone, in order.
	dom, err := nethtml.Parse(strings.NewReader(wd.source()))
	if err != nil {
		t.Fatal(err)
	}
	cards := findAll(dom, "article", "milestone")
	if len(cards) != len(ms) {
		t.Fatalf("%d article.milestone in the page, want %d (timeline --json)", len(cards), len(ms))
	}
	for i, c := range cards {
		if got := textOf(findAll(c, "p", "event")...); got != ms[i].Event {
			t.Errorf("card %d: event %q, want %q", i, got, ms[i].Event)
		}
	}
	if n := visibleCards(wd); n != len(ms) {
		t.Errorf("%d cards visible, want all %d", n, len(ms))
	}
	checkFits(t, wd, "laptop")
	wd.screenshot("timeline-laptop.png")

	wd.viewport(390, 844, true)
	checkFits(t, wd, "phone")
	wd.screenshot("timeline-phone.png")
	wd.run(nil, `document.querySelectorAll("details").forEach(function (d) { d.open = true; })`)
	checkFits(t, wd, "phone, sources open")
	wd.run(nil, `document.querySelectorAll("details").forEach(function (d) { d.open = false; })`)

	// Choose the leader of the most milestones.
	leader, want := busiestLeader(ms)
	if want == 0 || want == len(ms) {
		t.Fatalf("leader %q has %d of %d milestones: the filter cannot be seen to work", leader, want, len(ms))
	}
	var option string
	wd.run(&option, `return document.querySelector('#who option[value="' + arguments[0] + '"]').textContent`, leader)
	if option != leader+" ("+strconv.Itoa(want)+")" {
		t.Errorf("option %q, want %q", option, leader+" ("+strconv.Itoa(want)+")")
	}
	wd.click(`#who option[value="` + leader + `"]`)
	wd.waitFor("the count of shown milestones", `return document.getElementById("shown").textContent === arguments[0]`, strconv.Itoa(want))
	var state []struct {
		Visible bool
		Leaders []string
	}
	wd.run(&state, `return Array.from(document.querySelectorAll("article.milestone"), function (e) {
	return {visible: e.getClientRects().length > 0, leaders: Array.from(e.querySelectorAll(".leaders span"), function (s) { return s.textContent; })};
});`)
	shown := 0
	for i, s := range state {
		has := slices.Contains(s.Leaders, leader)
		if s.Visible != has {
			t.Errorf("filter %s: card %d (%q, leaders %v) visible %v", leader, i, ms[i].Event, s.Leaders, s.Visible)
		}
		if has != slices.Contains(ms[i].Leaders, leader) {
			t.Errorf("card %d shows leaders %v, timeline --json has %v", i, s.Leaders, ms[i].Leaders)
		}
		if s.Visible {
			shown++
		}
	}
	if shown != want {
		t.Errorf("filter %s: %d cards visible, want %d", leader, shown, want)
	}
	var emptyYears int
	wd.run(&emptyYears, `return Array.from(document.querySelectorAll("section.year")).filter(function (s) {
	return s.getClientRects().length > 0 && !Array.from(s.querySelectorAll("article.milestone")).some(function (e) { return e.getClientRects().length > 0; });
}).length`)
	if emptyYears != 0 {
		t.Errorf("filter %s: %d years shown without a milestone", leader, emptyYears)
	}
	checkFits(t, wd, "phone, filtered")
	wd.screenshot("timeline-phone-filtered.png")

	wd.click(`#who option[value=""]`)
	wd.waitFor("all milestones again", `return document.getElementById("shown").textContent === arguments[0]`, strconv.Itoa(len(ms)))
	if n := visibleCards(wd); n != len(ms) {
		t.Errorf("after choosing all again, %d cards visible, want %d", n, len(ms))
	}
}

// TestBrowserTimelineHTMLLongWords checks that a page of milestones with
// words longer than a phone is wide still fits the phone.
func TestBrowserTimelineHTMLLongWords(t *testing.T) {
	const text = `阿里云大事记

2015年7月，阿里云总裁胡晓明宣布对象存储服务OSS_INTERNATIONAL_EDITION_FOR_ENTERPRISE_CUSTOMERS_WITH_VERY_LONG_IDENTIFIERS正式商用。

2016年3月，阿里云在 https://www.aliyun.com/product/oss/international/enterprise/customers/announcements/2016/03/launch 发布公告。
`
	out, stderr, code := cli(t, text, "timeline", "--format", "html", "-")
	if code != 0 || !strings.Contains(out, "OSS_INTERNATIONAL") {
		t.Fatalf("timeline of the long words: exit %d, %s", code, stderr)
	}
	page := writeTemp(t, "long.html", out)
	wd := startBrowser(t)
	wd.open(fileURL(page))
	wd.viewport(390, 844, true)
	wd.run(nil, `document.querySelectorAll("details").forEach(function (d) { d.open = true; })`)
	checkFits(t, wd, "phone, long words")
	wd.screenshot("timeline-phone-long-words.png")
}

// TestBrowserTimelineJS loads `timeline --format timelinejs` into Knight
// Lab's TimelineJS (testdata/browser/timelinejs.html) and checks that it
// takes the data without an error and draws a slide per event.
func TestBrowserTimelineJS(t *testing.T) {
	harness, err := filepath.Abs(filepath.Join("testdata", "browser", "timelinejs.html"))
	if err != nil {
		t.Fatal(err)
	}
	lib := filepath.Join(filepath.Dir(harness), "node_modules", "@knight-lab", "timelinejs", "dist", "js", "timeline.js")
	if _, err := os.Stat(lib); err != nil {
		missing(t, "TimelineJS test needs the npm package @knight-lab/timelinejs in cmd/yunshi/testdata/browser/node_modules (run npm ci there; .ci/run does)")
	}
	data := cliOK(t, "timeline", "--format", "timelinejs")
	var doc struct {
		Title  struct{ Text struct{ Headline string } }
		Events []struct {
			Text  struct{ Headline string }
			Group string
		}
	}
	if err := json.Unmarshal([]byte(data), &doc); err != nil {
		t.Fatal(err)
	}
	wd := startBrowser(t)
	wd.viewport(1280, 900, false)

	r := loadTimelineJS(t, wd, harness, data)
	if !r.Ready || !r.Valid || len(r.ConfigErrors) > 0 {
		t.Errorf("TimelineJS: ready %v, valid %v, errors %q", r.Ready, r.Valid, r.ConfigErrors)
	}
	if len(r.PageErrors) > 0 || len(r.ConsoleErrors) > 0 {
		t.Errorf("TimelineJS page: errors %q, console %q", r.PageErrors, r.ConsoleErrors)
	}
	n := len(doc.Events)
	if !r.Title || r.Events != n {
		t.Errorf("TimelineJS read %d events (title %v), want %d and the title", r.Events, r.Title, n)
	}
	if r.Slides != n+1 {
		t.Errorf("%d .tl-slide elements, want %d: one per event and the title", r.Slides, n+1)
	}
	if r.Markers != n {
		t.Errorf("%d .tl-timemarker elements, want %d", r.Markers, n)
	}
	groups := map[string]bool{}
	want := []string{html.UnescapeString(doc.Title.Text.Headline)}
	for _, e := range doc.Events {
		groups[e.Group] = true
		want = append(want, html.UnescapeString(e.Text.Headline))
	}
	if r.Groups != len(groups) {
		t.Errorf("%d .tl-timegroup rows, want %d groups", r.Groups, len(groups))
	}
	// TimelineJS sorts events by date: compare the headlines as sets.
	got := slices.Sorted(slices.Values(r.Headlines))
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("slide headlines differ from the data: %d drawn, %d in the data", len(got), len(want))
	}
	// Show the first event, as a reader would after the title, once the
	// slide has moved in.
	if !t.Failed() {
		var first string
		wd.run(&first, `timeline.goTo(1); return timeline.config.events[0].unique_id`)
		wd.waitFor("the first event's slide", `return harness.current === arguments[0]`, first)
		time.Sleep(1500 * time.Millisecond) // TimelineJS animates for a second
	}
	wd.screenshot("timelinejs-laptop.png")

	// The harness does see TimelineJS refuse data: no events (an error of
	// the configuration), a year it cannot read (an exception).
	for _, bad := range []string{
		`{"title": {"text": {"headline": "empty"}}, "events": []}`,
		`{"events": [{"start_date": {"year": "二〇一三"}, "text": {"headline": "bad"}}]}`,
	} {
		r = loadTimelineJS(t, wd, harness, bad)
		if r.Ready || r.Valid || len(r.ConfigErrors)+len(r.PageErrors) == 0 {
			t.Errorf("TimelineJS took %s: ready %v, valid %v, errors %q %q", bad, r.Ready, r.Valid, r.ConfigErrors, r.PageErrors)
		}
	}
}

// timelineJSResult is what testdata/browser/timelinejs.html reports.
type timelineJSResult struct {
	Ready, Valid, Title       bool
	ConfigErrors              []string
	Events, Slides, Markers   int
	Groups                    int
	Headlines                 []string
	PageErrors, ConsoleErrors []string
}

// loadTimelineJS opens the harness page on data (TimelineJS JSON) and
// reads its report from the DOM once it is written.
func loadTimelineJS(t *testing.T, wd *webDriver, harness, data string) timelineJSResult {
	t.Helper()
	js := writeTemp(t, "data.js", "window.YUNSHI_TIMELINE = "+data+";\n")
	wd.open(fileURL(harness) + "?data=" + url.QueryEscape(fileURL(js)))
	if !wd.wait(`return document.getElementById("result").dataset.done === "1"`) {
		var state string
		wd.run(&state, "return JSON.stringify(window.harness)")
		t.Fatalf("TimelineJS did not get ready nor report an error in %v; page state %s", browserStep, state)
	}
	dom, err := nethtml.Parse(strings.NewReader(wd.source()))
	if err != nil {
		t.Fatal(err)
	}
	var r timelineJSResult
	report := textOf(findByID(dom, "result"))
	if err := json.Unmarshal([]byte(report), &r); err != nil {
		t.Fatalf("harness report %q: %v", report, err)
	}
	return r
}

// busiestLeader returns the leader of the most milestones and their
// number.
func busiestLeader(ms []milestoneJSON) (string, int) {
	counts := map[string]int{}
	best := ""
	for _, m := range ms {
		for _, l := range m.Leaders {
			counts[l]++
			if counts[l] > counts[best] || counts[l] == counts[best] && l < best {
				best = l
			}
		}
	}
	return best, counts[best]
}

func visibleCards(wd *webDriver) int {
	wd.t.Helper()
	var n int
	wd.run(&n, `return Array.from(document.querySelectorAll("article.milestone")).filter(function (e) { return e.getClientRects().length > 0; }).length`)
	return n
}

// checkFits fails when the page is wider than the screen, or a phone
// zoomed out to show it whole, naming the elements that stick out (those
// inside a scrolling box do not count).
func checkFits(t *testing.T, wd *webDriver, where string) {
	t.Helper()
	var r struct {
		ScrollWidth, InnerWidth int
		Over                    []string
	}
	wd.run(&r, `var w = arguments[0], over = [];
document.querySelectorAll("body *").forEach(function (e) {
	// An element wider than the screen, or one whose text runs out of it.
	var b = e.getBoundingClientRect();
	if (b.width === 0 || (b.right <= w + 0.5 && e.scrollWidth <= e.clientWidth + 1)) { return; }
	for (var p = e; p && p !== document.body; p = p.parentElement) {
		if (getComputedStyle(p).overflowX !== "visible") { return; }
	}
	over.push(e);
});
// Name the innermost: a card rather than the section holding it.
over = over.filter(function (e) { return !over.some(function (o) { return o !== e && e.contains(o); }); });
return {
	scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth,
	over: over.slice(0, 8).map(function (e) { return e.tagName.toLowerCase() + (e.className ? "." + e.className : "") + " " + JSON.stringify(e.textContent.trim().slice(0, 40)); })
};`, wd.width)
	if r.ScrollWidth > wd.width || r.InnerWidth > wd.width {
		t.Errorf("%s: page %dpx wide, shown %dpx wide, on a %dpx screen; sticking out: %q", where, r.ScrollWidth, r.InnerWidth, wd.width, r.Over)
	}
}

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func fileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// findAll returns the elements named tag with class class under n, in
// document order.
func findAll(n *nethtml.Node, tag, class string) []*nethtml.Node {
	var found []*nethtml.Node
	for d := range n.Descendants() {
		if d.Type == nethtml.ElementNode && d.Data == tag && slices.Contains(strings.Fields(attr(d, "class")), class) {
			found = append(found, d)
		}
	}
	return found
}

func findByID(n *nethtml.Node, id string) *nethtml.Node {
	for d := range n.Descendants() {
		if d.Type == nethtml.ElementNode && attr(d, "id") == id {
			return d
		}
	}
	return nil
}

func attr(n *nethtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf returns the text of nodes, joined.
func textOf(nodes ...*nethtml.Node) string {
	var b strings.Builder
	for _, n := range nodes {
		if n == nil {
			continue
		}
		for d := range n.Descendants() {
			if d.Type == nethtml.TextNode {
				b.WriteString(d.Data)
			}
		}
	}
	return b.String()
}
