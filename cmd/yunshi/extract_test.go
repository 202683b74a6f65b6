package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMain lets the test binary stand in for the yunshi command, so that
// tests can run it as a separate process (under GNU parallel, say).
func TestMain(m *testing.M) {
	if os.Getenv("YUNSHI_AS_CLI") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// jsonlInput makes n records of real-news sentences, with a malformed line
// and an empty one among them.
func jsonlInput(n int) string {
	news := []string{
		`{"id":"jd-%d","text":"2014年5月22日，京东在纳斯达克上市。刘强东表示，这是新的开始。","published":"2014-05-23"}`,
		`{"id":"xiaomi-%d","html":"<p>2010年4月6日，雷军与合伙人创办小米。</p><p>2018年7月9日，小米在香港上市。</p>"}`,
		`{"id":"huawei-%d","markdown":"# 华为\n\n2019年8月9日，华为轮值董事长徐直军说，鸿蒙系统将开源。"}`,
		`{"id":"tencent-%d","text":"1998年11月，马化腾与张志东等人创立腾讯。次年2月，QQ的前身OICQ上线。"}`,
	}
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, news[i%len(news)]+"\n", i)
		if i == n/2 {
			b.WriteString("{not json\n\n")
		}
	}
	return b.String()
}

func TestExtractJSONL(t *testing.T) {
	in := jsonlInput(8)
	out, _, code := cli(t, in, "extract", "--jsonl")
	if code != 1 {
		t.Errorf("exit %d, want 1 (one bad line)", code)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if want := strings.Count(in, "\n"); len(lines) != want {
		t.Fatalf("%d output lines for %d input lines", len(lines), want)
	}
	bad := 0
	for i, l := range lines {
		var r map[string]any
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if r["error"] != nil {
			bad++
			continue
		}
		if tl := r["timeline"].([]any); len(tl) == 0 {
			t.Errorf("line %d (%v): no milestones", i+1, r["id"])
		}
	}
	if bad != 2 {
		t.Errorf("%d error records, want 2 (the malformed and the empty line)", bad)
	}
	if !strings.Contains(lines[0], `"id":"jd-0"`) || !strings.Contains(lines[0], `"from":"2014-05-22"`) {
		t.Errorf("first record: %s", lines[0])
	}
	if !strings.Contains(out, `"from":"1999-02-01"`) {
		t.Errorf("次年2月 after 1998年11月 not resolved to 1999-02")
	}
}

// TestExtractUnderParallel runs extract under GNU parallel with two jobs,
// cutting the input into blocks, and checks the output equals a
// single-process run.
func TestExtractUnderParallel(t *testing.T) {
	par, err := exec.LookPath("parallel")
	if err != nil {
		t.Skip("GNU parallel not installed (Debian package parallel); CI installs it")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	in := jsonlInput(60)
	single, _, _ := cli(t, in, "extract", "--jsonl")
	cmd := exec.Command(par, "--will-cite", "--pipe", "-k", "-j2", "--block", "2k", self, "extract", "--jsonl")
	cmd.Env = append(os.Environ(), "YUNSHI_AS_CLI=1")
	cmd.Stdin = strings.NewReader(in)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run() // exits non-zero: the input has a bad line
	if out.Len() == 0 {
		t.Fatalf("parallel: %v, %s", err, errb.String())
	}
	if out.String() != single {
		t.Errorf("output under GNU parallel differs from a single process:\nparallel: %d bytes\nsingle:   %d bytes", out.Len(), len(single))
	}
}
