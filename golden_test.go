package yunshi

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkGolden compares got with testdata/golden/name, or rewrites the file
// with -update. Read the diff before committing a rewrite.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file (run go test -update and read the diff):\n%s", name, lineDiff(string(want), string(got)))
	}
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want: %s\n  got:  %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

// formatDoc renders a document for its golden file: metadata, comments,
// then the clean text every extractor sees, one paragraph per line.
func formatDoc(d *Document) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "id: %s\ntitle: %s\nauthor: %s\nsource: %s\npublished: %s\nformat: %s\nencoding: %s\nchars: %d\ncomments: %d\n",
		d.ID, d.Title, d.Author, d.Source, d.Published, d.Format, d.Encoding, d.Chars(), len(d.Comments))
	for i, c := range d.Comments {
		fmt.Fprintf(&b, "comment %d: author=%q date=%s likes=%d\n  %s\n", i+1, c.Author, c.Date, c.Likes, strings.ReplaceAll(c.Text, "\n", "\n  "))
	}
	fmt.Fprintf(&b, "--- text\n%s\n", d.Text)
	return b.Bytes()
}

func TestGoldenDocs(t *testing.T) {
	for d := range Default().All() {
		checkGolden(t, d.ID+".docs.golden", formatDoc(d))
	}
}

// formatTimeline renders the milestones that doc is a source of, one line
// each: interval and grain, the date as written, the event, the leaders,
// and the spans in this document.
func formatTimeline(c *Corpus, id string) []byte {
	var b bytes.Buffer
	for _, m := range c.Timeline() {
		var spans []string
		for _, s := range m.Sources {
			if s.Doc == id {
				spans = append(spans, fmt.Sprintf("%d-%d", s.Start, s.End))
			}
		}
		if len(spans) == 0 {
			continue
		}
		approx := ""
		if m.Approx {
			approx = " ~"
		}
		fmt.Fprintf(&b, "%s..%s %s%s | %s | %s | leaders=%s | sources=%d at %s\n", m.From, m.To, m.Grain, approx,
			m.Label, m.Event, strings.Join(m.Leaders, ","), len(m.Sources), strings.Join(spans, " "))
	}
	return b.Bytes()
}

// formatLeaders renders the leaders mentioned in doc: name, aliases,
// mentions there, and the titles stated there with their tenures.
func formatLeaders(c *Corpus, id string) []byte {
	var b bytes.Buffer
	for _, l := range c.Leaders() {
		n := 0
		for _, m := range l.Mentions {
			if m.Doc == id {
				n++
			}
		}
		if n == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s aliases=[%s] mentions=%d\n", l.Name, strings.Join(l.Aliases, ","), n)
		for _, t := range l.Titles {
			if t.Source.Doc != id && t.EndSource.Doc != id {
				continue
			}
			fmt.Fprintf(&b, "  title %q org=%q role=%s from=%s to=%s at %s:%d-%d", t.Title, t.Org, t.Role, t.From, t.To, t.Source.Doc, t.Source.Start, t.Source.End)
			if t.EndSource.Doc != "" {
				fmt.Fprintf(&b, " end at %s:%d-%d", t.EndSource.Doc, t.EndSource.Start, t.EndSource.End)
			}
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

func TestGoldenFacts(t *testing.T) {
	c := Default()
	for d := range c.All() {
		checkGolden(t, d.ID+".timeline.golden", formatTimeline(c, d.ID))
		checkGolden(t, d.ID+".leaders.golden", formatLeaders(c, d.ID))
	}
}
