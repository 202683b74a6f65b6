package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// cli runs the command line in-process and returns stdout, stderr and the
// exit code.
func cli(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func TestDocsJSON(t *testing.T) {
	out, stderr, code := cli(t, "", "docs", "--json")
	if code != 0 || stderr != "" {
		t.Fatalf("docs --json: exit %d, stderr %q", code, stderr)
	}
	var docs []map[string]any
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 4 {
		t.Fatalf("%d documents, want 4", len(docs))
	}
	keys := []string{"id", "title", "author", "source", "published", "format", "encoding", "chars", "comments"}
	for _, d := range docs {
		for _, k := range keys {
			if _, ok := d[k]; !ok {
				t.Errorf("document %v lacks %q", d["id"], k)
			}
		}
		if len(d) != len(keys) {
			t.Errorf("document %v has %d keys, want %d", d["id"], len(d), len(keys))
		}
	}
	if d := docs[3]; d["title"] != "张建锋：重新定义阿里云的1300天" || d["published"] != "2022-07-04" || d["format"] != "html" {
		t.Errorf("003 = %v", d)
	}
	if d := docs[0]; d["comments"] != float64(7) || d["published"] != nil {
		t.Errorf("000 = %v", d)
	}
	// Flags before the command work the same, and --text adds the text.
	out2, _, _ := cli(t, "", "--json", "docs", "--text")
	if err := json.Unmarshal([]byte(out2), &docs); err != nil {
		t.Fatal(err)
	}
	if text, _ := docs[2]["text"].(string); !strings.HasSuffix(text, "坚持自己热爱的。\n我要成为阿里云 MVP") || strings.Contains(text, "相关文章") {
		t.Errorf("002 text ends %q", text[max(0, len(text)-60):])
	}
}

func TestDocsFilesAndErrors(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "some-binary-file")
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(bin, []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2}, 0o644)
	os.WriteFile(good, []byte("京东集团\n2014年5月22日，京东在纳斯达克上市。\n"), 0o644)
	out, stderr, code := cli(t, "", "docs", bin, good)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(out, "good") || !strings.Contains(out, "京东集团") {
		t.Errorf("good document missing from output:\n%s", out)
	}
	if !strings.Contains(stderr, "some-binary-file") || !strings.Contains(stderr, "binary") {
		t.Errorf("stderr %q does not name the bad file and reason", stderr)
	}
	// A directory and standard input.
	out, _, code = cli(t, "百度成立于2000年。", "docs", "--json", dir, "-")
	if code != 1 || !strings.Contains(out, `"id": "good"`) || !strings.Contains(out, `"id": "stdin"`) {
		t.Errorf("dir + stdin: exit %d\n%s", code, out)
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"nope"}, {"docs", "--nope"}, {"--ref", "yesterday", "docs"}, {"--lexicon", "/no/such/file", "docs"}} {
		if _, stderr, code := cli(t, "", args...); code != 2 || stderr == "" {
			t.Errorf("yunshi %v: exit %d, stderr %q; want 2 and a message", args, code, stderr)
		}
	}
	if _, stderr, code := cli(t, "", "-h"); code != 0 || !strings.Contains(stderr, "Commands:") {
		t.Errorf("-h: exit %d", code)
	}
}

func TestTimelineJSON(t *testing.T) {
	out, stderr, code := cli(t, "", "timeline", "--json", "--from", "2013", "--to", "2013-10")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var ms []map[string]any
	if err := json.Unmarshal([]byte(out), &ms); err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 {
		t.Fatal("no milestones in 2013")
	}
	keys := []string{"from", "to", "grain", "label", "event", "leaders", "sources"}
	for _, m := range ms {
		if len(m) != len(keys) {
			t.Errorf("milestone has keys %v", m)
		}
		if from := m["from"].(string); from > "2013-10-31" {
			t.Errorf("milestone from %s after --to 2013-10", from)
		}
		if to := m["to"].(string); to < "2013-01-01" {
			t.Errorf("milestone to %s before --from 2013", to)
		}
		src := m["sources"].([]any)[0].(map[string]any)
		if len(src) != 3 || src["span"] == nil || src["sentence"] == "" {
			t.Errorf("source %v", src)
		}
	}
	// --who takes aliases.
	a, _, _ := cli(t, "", "timeline", "--json", "--who", "行癫")
	b, _, _ := cli(t, "", "timeline", "--json", "--who", "张建锋")
	if a != b || !strings.Contains(a, "张建锋") {
		t.Errorf("--who 行癫 and --who 张建锋 differ")
	}
	if _, stderr, code := cli(t, "", "timeline", "--from", "2013-13"); code != 2 || stderr == "" {
		t.Errorf("bad --from: exit %d", code)
	}
}

func TestDatesCommand(t *testing.T) {
	out, stderr, code := cli(t, "2015年10月，阿里云开发者大会正式以云栖大会名义召开。次年3月……", "dates", "--ref", "2016-01-01", "--json")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var ds []map[string]any
	if err := json.Unmarshal([]byte(out), &ds); err != nil {
		t.Fatal(err)
	}
	if len(ds) != 2 || ds[0]["from"] != "2015-10-01" || ds[0]["grain"] != "month" || ds[1]["from"] != "2016-03-01" || ds[1]["to"] != "2016-03-31" || ds[1]["doc"] != "-" {
		t.Errorf("dates = %v", ds)
	}
	// Durations have no from/to and carry an ISO 8601 duration.
	out, _, _ = cli(t, "历时 4 个月", "--json", "dates")
	if !strings.Contains(out, `"duration": "P4M"`) || !strings.Contains(out, `"from": null`) || !strings.Contains(out, `"kind": "duration"`) {
		t.Errorf("duration: %s", out)
	}
}

func TestLeaderCommands(t *testing.T) {
	out, _, code := cli(t, "", "leader", "行癫", "--json")
	var ls []map[string]any
	if err := json.Unmarshal([]byte(out), &ls); err != nil || code != 0 || len(ls) != 1 || ls[0]["name"] != "张建锋" {
		t.Fatalf("leader 行癫: exit %d, %v %v", code, err, ls)
	}
	keys := []string{"name", "aliases", "titles", "mentions", "docs"}
	for _, k := range keys {
		if _, ok := ls[0][k]; !ok {
			t.Errorf("leader lacks %q", k)
		}
	}
	ti := ls[0]["titles"].([]any)[0].(map[string]any)
	for _, k := range []string{"title", "org", "from", "to", "doc", "span"} {
		if _, ok := ti[k]; !ok {
			t.Errorf("title lacks %q", k)
		}
	}
	out, _, _ = cli(t, "", "who", "阿里云总裁", "--at", "2016", "--json")
	if err := json.Unmarshal([]byte(out), &ls); err != nil || len(ls) != 1 || ls[0]["name"] != "胡晓明" {
		t.Errorf("who 阿里云总裁 --at 2016 = %v", ls)
	}
	if _, _, code := cli(t, "", "leader", "没有这个人"); code != 1 {
		t.Errorf("unknown leader: exit %d, want 1", code)
	}
	if _, _, code := cli(t, "", "who", "总裁"); code != 2 {
		t.Errorf("who without --at: exit %d, want 2", code)
	}
}

// TestBinarySize keeps the CLI small: reflection-driven code such as
// html/template once made the linker keep gse's 35 MB of embedded
// dictionaries.
func TestBinarySize(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the CLI")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build the CLI")
	}
	bin := filepath.Join(t.TempDir(), "yunshi")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	info, err := os.Stat(bin)
	if err != nil {
		t.Fatal(err)
	}
	if size := info.Size(); size > 15<<20 {
		t.Errorf("CLI binary is %.1f MB, want under 15 MB", float64(size)/(1<<20))
	}
}
