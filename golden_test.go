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
