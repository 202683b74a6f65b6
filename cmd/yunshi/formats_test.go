package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/yunshi-dev/yunshi"
)

// TestTimelineJSSchema validates `timeline --format timelinejs` against
// testdata/timelinejs.schema.json, a JSON Schema of TimelineJS's format,
// and checks that the schema rejects what TimelineJS would not take.
func TestTimelineJSSchema(t *testing.T) {
	schema := loadSchema(t, filepath.Join("testdata", "timelinejs.schema.json"))
	for _, args := range [][]string{
		{},
		{"--group", "doc"},
		{"--who", "王坚"},
		{"--from", "2013", "--to", "2013"},
	} {
		out := cliOK(t, append([]string{"timeline", "--format", "timelinejs"}, args...)...)
		doc := decodeJSON(t, out)
		if errs := checkTimelineJS(schema, doc); len(errs) > 0 {
			t.Errorf("timeline --format timelinejs %s:\n%s", strings.Join(args, " "), strings.Join(errs, "\n"))
		}
		if n := len(doc.(map[string]any)["events"].([]any)); n == 0 {
			t.Errorf("timeline --format timelinejs %s: no events", strings.Join(args, " "))
		}
	}

	valid := `{"title": {"text": {"headline": "云史"}, "unique_id": "t"},
		"events": [
			{"start_date": {"year": "2013", "month": "8", "day": "15"}, "end_date": {"year": 2013, "month": 9},
			 "text": {"headline": "阿里云", "text": "<p>飞天</p>"}, "group": "王坚", "unique_id": "a",
			 "media": {"url": "https://example.com/a.png", "caption": "c"}, "background": {"color": "#fff"}},
			{"start_date": {"year": " -500 ", "month": ""}, "display_date": "公元前500年", "unique_id": "b"}
		],
		"eras": [{"start_date": {"year": "2009"}, "end_date": {"year": "2013"}, "text": {"headline": "飞天"}}],
		"scale": "human"}`
	if errs := checkTimelineJS(schema, decodeJSON(t, valid)); len(errs) > 0 {
		t.Fatalf("valid document rejected:\n%s", strings.Join(errs, "\n"))
	}
	for _, tc := range []struct {
		name   string
		change func(doc, event map[string]any)
		want   string // in one of the errors
	}{
		{"no events", func(d, e map[string]any) { delete(d, "events") }, `"events" is required`},
		{"no start date", func(d, e map[string]any) { delete(e, "start_date") }, `"start_date" is required`},
		{"no year", func(d, e map[string]any) { delete(e["start_date"].(map[string]any), "year") }, `"year" is required`},
		{"empty year", func(d, e map[string]any) { e["start_date"].(map[string]any)["year"] = "" }, "start_date/year"},
		{"year in words", func(d, e map[string]any) { e["start_date"].(map[string]any)["year"] = "二〇一三" }, "start_date/year"},
		{"fractional year", func(d, e map[string]any) { e["start_date"].(map[string]any)["year"] = json.Number("2013.5") }, "start_date/year"},
		{"month 13", func(d, e map[string]any) { e["end_date"].(map[string]any)["month"] = json.Number("13") }, "end_date/month"},
		{"month 13 as text", func(d, e map[string]any) { e["start_date"].(map[string]any)["month"] = "13" }, "start_date/month"},
		{"day 0", func(d, e map[string]any) { e["start_date"].(map[string]any)["day"] = "0" }, "start_date/day"},
		{"headline not text", func(d, e map[string]any) { e["text"].(map[string]any)["headline"] = json.Number("7") }, "text/headline"},
		{"group not text", func(d, e map[string]any) { e["group"] = []any{"王坚"} }, "/group"},
		{"misspelt key", func(d, e map[string]any) { e["start-date"] = e["start_date"] }, `"start-date"`},
		{"media without url", func(d, e map[string]any) { delete(e["media"].(map[string]any), "url") }, `"url" is required`},
		{"id with a space", func(d, e map[string]any) { e["unique_id"] = "a b" }, "/unique_id"},
		{"unknown scale", func(d, e map[string]any) { d["scale"] = "geologic" }, "/scale"},
		{"era without end", func(d, e map[string]any) { delete(d["eras"].([]any)[0].(map[string]any), "end_date") }, `"end_date" is required`},
		{"ids not unique", func(d, e map[string]any) { e["unique_id"] = "t" }, `unique_id "t"`},
	} {
		doc := decodeJSON(t, valid).(map[string]any)
		tc.change(doc, doc["events"].([]any)[0].(map[string]any))
		errs := checkTimelineJS(schema, doc)
		if !slices.ContainsFunc(errs, func(e string) bool { return strings.Contains(e, tc.want) }) {
			t.Errorf("%s: errors %q, want one about %s", tc.name, errs, tc.want)
		}
	}
}

// checkTimelineJS returns where doc breaks the schema or repeats a
// unique_id.
func checkTimelineJS(schema map[string]any, doc any) []string {
	c := &schemaChecker{root: schema}
	c.check(schema, doc, "")
	seen := map[string]bool{}
	m, _ := doc.(map[string]any)
	slides, _ := m["events"].([]any)
	if m["title"] != nil {
		slides = append([]any{m["title"]}, slides...)
	}
	for _, s := range slides {
		s, _ := s.(map[string]any)
		if id, ok := s["unique_id"].(string); ok {
			if seen[id] {
				c.errs = append(c.errs, fmt.Sprintf("unique_id %q used twice", id))
			}
			seen[id] = true
		}
	}
	return c.errs
}

func decodeJSON(t *testing.T, s string) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber() // to tell integers from other numbers
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%v in %.100s", err, s)
	}
	return v
}

func loadSchema(t *testing.T, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, ok := decodeJSON(t, string(b)).(map[string]any)
	if !ok {
		t.Fatalf("%s: not a JSON object", path)
	}
	if errs := unknownKeywords(s, "#"); len(errs) > 0 {
		t.Fatalf("%s uses keywords schemaChecker does not check:\n%s", path, strings.Join(errs, "\n"))
	}
	return s
}

// A schemaChecker validates JSON (decoded with UseNumber) against a JSON
// Schema (draft 2020-12) that uses only the keywords below, which
// unknownKeywords makes sure of. Patterns are Go regular expressions,
// which agree with JavaScript's on the ones the schema has.
type schemaChecker struct {
	root map[string]any
	errs []string
}

var schemaKeywords = []string{
	"$schema", "title", "description", "$defs", // annotations, and where $ref looks
	"$ref", "allOf", "type", "enum", "required", "properties", "additionalProperties",
	"items", "pattern", "minimum", "maximum",
}

// unknownKeywords lists the keywords in s and its subschemas that
// schemaChecker does not know.
func unknownKeywords(s map[string]any, at string) []string {
	var errs []string
	sub := func(v any, at string) {
		if m, ok := v.(map[string]any); ok {
			errs = append(errs, unknownKeywords(m, at)...)
		}
	}
	for _, k := range sortedKeys(s) {
		switch v := s[k]; {
		case !slices.Contains(schemaKeywords, k):
			errs = append(errs, at+": "+k)
		case k == "$defs" || k == "properties":
			for _, name := range sortedKeys(v.(map[string]any)) {
				sub(v.(map[string]any)[name], at+"/"+k+"/"+name)
			}
		case k == "allOf":
			for i, a := range v.([]any) {
				sub(a, fmt.Sprintf("%s/allOf/%d", at, i))
			}
		case k == "items" || k == "additionalProperties":
			sub(v, at+"/"+k)
		}
	}
	return errs
}

func (c *schemaChecker) fail(at, format string, args ...any) {
	if at == "" {
		at = "/"
	}
	c.errs = append(c.errs, at+": "+fmt.Sprintf(format, args...))
}

// check validates v, found at the JSON Pointer at, against schema s.
func (c *schemaChecker) check(s map[string]any, v any, at string) {
	for _, k := range sortedKeys(s) {
		kv := s[k]
		switch k {
		case "$ref":
			name, ok := strings.CutPrefix(kv.(string), "#/$defs/")
			def, _ := c.root["$defs"].(map[string]any)[name].(map[string]any)
			if !ok || def == nil {
				c.fail(at, "schema: cannot follow $ref %q", kv)
				continue
			}
			c.check(def, v, at)
		case "allOf":
			for _, a := range kv.([]any) {
				c.check(a.(map[string]any), v, at)
			}
		case "type":
			types, ok := kv.([]any)
			if !ok {
				types = []any{kv}
			}
			got := jsonType(v)
			if !slices.ContainsFunc(types, func(t any) bool { return t == got || t == "number" && got == "integer" }) {
				c.fail(at, "%s, want %v", got, kv)
			}
		case "enum":
			if !slices.ContainsFunc(kv.([]any), func(e any) bool { return reflect.DeepEqual(e, v) }) {
				c.fail(at, "%v is not one of %v", v, kv)
			}
		case "required":
			if m, ok := v.(map[string]any); ok {
				for _, r := range kv.([]any) {
					if _, ok := m[r.(string)]; !ok {
						c.fail(at, "%q is required", r)
					}
				}
			}
		case "properties", "additionalProperties":
			m, ok := v.(map[string]any)
			if !ok {
				continue
			}
			props, _ := s["properties"].(map[string]any)
			for _, name := range sortedKeys(m) {
				p, known := props[name].(map[string]any)
				switch {
				case k == "properties" && known:
					c.check(p, m[name], at+"/"+name)
				case k == "additionalProperties" && !known && kv == false:
					c.fail(at, "property %q is not in the format", name)
				}
			}
		case "items":
			for i, item := range asArray(v) {
				c.check(kv.(map[string]any), item, fmt.Sprintf("%s/%d", at, i))
			}
		case "pattern":
			if str, ok := v.(string); ok && !regexp.MustCompile(kv.(string)).MatchString(str) {
				c.fail(at, "%q does not match %s", str, kv)
			}
		case "minimum", "maximum":
			n, ok := v.(json.Number)
			if !ok {
				continue
			}
			x, _ := n.Float64()
			limit, _ := kv.(json.Number).Float64()
			if k == "minimum" && x < limit || k == "maximum" && x > limit {
				c.fail(at, "%s is out of range (%s %s)", n, k, kv)
			}
		}
	}
}

func asArray(v any) []any {
	a, _ := v.([]any)
	return a
}

// jsonType is the JSON Schema type of a decoded value.
func jsonType(v any) string {
	switch v := v.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "boolean"
	case json.Number:
		if _, err := v.Int64(); err == nil {
			return "integer"
		}
		return "number"
	}
	return "null"
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// knightLabColumns are the columns of Knight Lab's TimelineJS spreadsheet
// template, in order.
var knightLabColumns = []string{"Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
	"Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group", "Background"}

// TestTimelineJSCSV checks the spreadsheet: the template's columns, and a
// row per event with the dates, headline and group of the JSON.
func TestTimelineJSCSV(t *testing.T) {
	out := cliOK(t, "timeline", "--format", "timelinejs-csv")
	rows := readCSV(t, out)
	if !slices.Equal(rows[0], knightLabColumns) {
		t.Fatalf("columns %q,\nwant Knight Lab's %q", rows[0], knightLabColumns)
	}
	var doc struct {
		Events []struct {
			StartDate   map[string]string `json:"start_date"`
			EndDate     map[string]string `json:"end_date"`
			DisplayDate string            `json:"display_date"`
			Text        struct{ Headline, Text string }
			Group       string
		}
	}
	if err := json.Unmarshal([]byte(cliOK(t, "timeline", "--format", "timelinejs")), &doc); err != nil {
		t.Fatal(err)
	}
	if len(rows)-1 != len(doc.Events) {
		t.Fatalf("%d rows, want one per event: %d", len(rows)-1, len(doc.Events))
	}
	col := func(row []string, name string) string { return row[slices.Index(knightLabColumns, name)] }
	digits := regexp.MustCompile(`^\d*$`)
	for i, e := range doc.Events {
		row := rows[i+1]
		want := map[string]string{
			"Year": e.StartDate["year"], "Month": e.StartDate["month"], "Day": e.StartDate["day"],
			"End Year": e.EndDate["year"], "End Month": e.EndDate["month"], "End Day": e.EndDate["day"],
			"Display Date": e.DisplayDate, "Headline": e.Text.Headline, "Text": e.Text.Text, "Group": e.Group,
		}
		for _, name := range sortedKeys(want) {
			if got := col(row, name); got != want[name] {
				t.Errorf("row %d %s = %q, want %q as in the JSON", i+1, name, got, want[name])
			}
		}
		for _, name := range []string{"Year", "Month", "Day", "End Year", "End Month", "End Day"} {
			if !digits.MatchString(col(row, name)) {
				t.Errorf("row %d %s = %q, not a number", i+1, name, col(row, name))
			}
		}
		if col(row, "Year") == "" {
			t.Errorf("row %d has no Year: TimelineJS would drop it", i+1)
		}
	}
}

// TestMermaidEscapes checks that events cannot break Mermaid's timeline
// syntax: a line is a period and its events, each after one ":".
func TestMermaidEscapes(t *testing.T) {
	day := yunshi.D(2014, 5, 22)
	ms := []yunshi.Milestone{
		{From: day, To: day, Grain: yunshi.GrainDay, Event: "京东上市：股票代码: JD; #1；完"},
		{From: day, To: day, Grain: yunshi.GrainDay, Event: "刘强东说\n这是新的开始"},
	}
	var b bytes.Buffer
	if err := writeMermaid(&b, ms); err != nil {
		t.Fatal(err)
	}
	want := `timeline
    title 云史 yunshi
    section 2014
        2014-05-22 : 京东上市#58;股票代码#58; JD#59; #35;1#59;完
                   : 刘强东说 这是新的开始
`
	if b.String() != want {
		t.Errorf("writeMermaid:\n%s\nwant:\n%s", b.String(), want)
	}

	// The corpus has events with colons; each line still has one.
	out := cliOK(t, "timeline", "--format", "mermaid")
	var colons int
	for _, m := range timelineMilestones(t) {
		if strings.ContainsAny(headline(m.Event), ":：") {
			colons++
		}
	}
	if colons == 0 || strings.Count(out, "#58;") < colons {
		t.Errorf("%d events with colons, %d escaped colons in the diagram", colons, strings.Count(out, "#58;"))
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	entity := regexp.MustCompile(`#\d+;`)
	if lines[0] != "timeline" {
		t.Errorf("first line %q, want timeline", lines[0])
	}
	for i, l := range lines[1:] {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "title ") || strings.HasPrefix(l, "section ") {
			continue
		}
		if strings.Count(l, ":") != 1 || strings.ContainsAny(entity.ReplaceAllString(l, ""), "：#;；\r") {
			t.Errorf("line %d: %q has more than a period and an event", i+2, l)
		}
	}
}

// TestCSVChinese checks that --format csv opens with Chinese intact: a
// UTF-8 byte order mark for spreadsheet programs, then CSV whose cells
// are the text of the JSON output, quotes and commas included.
func TestCSVChinese(t *testing.T) {
	const news = "京东集团\n\n2014年5月22日，京东在纳斯达克上市, 刘强东说 \"这是新的开始\"。\n"
	for _, in := range []string{"", news} {
		args := []string{"timeline"}
		if in != "" {
			args = append(args, "-")
		}
		out, stderr, code := cli(t, in, append(args, "--format", "csv")...)
		if code != 0 || stderr != "" {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
		if !strings.HasPrefix(out, "\xef\xbb\xbf") {
			t.Fatalf("timeline --format csv starts %q, want a UTF-8 byte order mark", out[:min(len(out), 8)])
		}
		rows := readCSV(t, out)
		js, _, _ := cli(t, in, append(args, "--json")...)
		var ms []milestoneJSON
		if err := json.Unmarshal([]byte(js), &ms); err != nil {
			t.Fatal(err)
		}
		var want [][]string
		for _, m := range ms {
			for _, s := range m.Sources {
				want = append(want, []string{m.Label, m.Event, strings.Join(m.Leaders, "; "), s.Doc, s.Sentence})
			}
		}
		if len(rows)-1 != len(want) || len(want) == 0 {
			t.Fatalf("%d rows, want %d: one per milestone and source", len(rows)-1, len(want))
		}
		han := 0
		for i, r := range rows[1:] {
			got := []string{r[3], r[4], r[5], r[6], r[9]}
			if !slices.Equal(got, want[i]) {
				t.Errorf("row %d: %q,\nwant %q", i+1, got, want[i])
			}
			if strings.ContainsFunc(r[9], func(c rune) bool { return unicode.Is(unicode.Han, c) }) {
				han++
			}
		}
		if han != len(want) {
			t.Errorf("%d of %d sentences have Chinese characters", han, len(want))
		}
		if in != "" && !strings.Contains(rows[1][9], `刘强东说 "这是新的开始"`) {
			t.Errorf("quotes lost: %q", rows[1][9])
		}
	}
	for _, cmd := range []string{"leaders", "docs"} {
		out := cliOK(t, cmd, "--format", "csv")
		var cells []string
		for _, r := range readCSV(t, out)[1:] {
			cells = append(cells, r...)
		}
		if !strings.ContainsFunc(strings.Join(cells, ""), func(c rune) bool { return unicode.Is(unicode.Han, c) }) {
			t.Errorf("%s --format csv: no Chinese in %d cells", cmd, len(cells))
		}
	}
}

// readCSV parses CSV after its byte order mark, which it requires.
func readCSV(t *testing.T, s string) [][]string {
	t.Helper()
	body, ok := strings.CutPrefix(s, "\ufeff")
	if !ok {
		t.Fatalf("CSV starts %q, want a UTF-8 byte order mark", s[:min(len(s), 8)])
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatal("empty CSV")
	}
	return rows
}

// cliOK runs the command line and returns its output, failing the test
// unless it succeeds quietly.
func cliOK(t *testing.T, args ...string) string {
	t.Helper()
	out, stderr, code := cli(t, "", args...)
	if code != 0 || stderr != "" {
		t.Fatalf("yunshi %s: exit %d, stderr %q", strings.Join(args, " "), code, stderr)
	}
	return out
}

// timelineMilestones returns `timeline --json` of the embedded corpus.
func timelineMilestones(t *testing.T) []milestoneJSON {
	t.Helper()
	var ms []milestoneJSON
	if err := json.Unmarshal([]byte(cliOK(t, "timeline", "--json")), &ms); err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 {
		t.Fatal("no milestones in the embedded corpus")
	}
	return ms
}
