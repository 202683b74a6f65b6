package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestQuotesJSON(t *testing.T) {
	out, stderr, code := cli(t, "", "quotes", "--json", "--by", "行癫")
	if code != 0 || stderr != "" {
		t.Fatalf("quotes --json --by 行癫: exit %d, stderr %q", code, stderr)
	}
	var qs []map[string]any
	if err := json.Unmarshal([]byte(out), &qs); err != nil {
		t.Fatal(err)
	}
	if len(qs) < 5 {
		t.Fatalf("%d quotes by 行癫, want ≥ 5", len(qs))
	}
	keys := []string{"doc", "span", "speaker", "style", "text"}
	for _, q := range qs {
		var got []string
		for k := range q {
			got = append(got, k)
		}
		slices.Sort(got)
		if !slices.Equal(got, keys) {
			t.Errorf("keys %v, want %v", got, keys)
		}
		if q["speaker"] != "张建锋" {
			t.Errorf("speaker %v, want 张建锋", q["speaker"])
		}
		if span, _ := q["span"].([]any); len(span) != 2 {
			t.Errorf("span %v", q["span"])
		}
	}
	// Flags before the command give the same answer as the canonical name.
	out2, _, _ := cli(t, "", "--by", "张建锋", "--json", "quotes")
	if out2 != out {
		t.Error("--by 张建锋 before the command differs from quotes --by 行癫")
	}
}

func TestQuotesStdin(t *testing.T) {
	in := "2019年，雷军在发布会上表示：“小米永远坚持性价比。”\n问：小米会造车吗？\n答：会，而且会全力投入。\n"
	out, stderr, code := cli(t, in, "quotes", "-")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"SPEAKER", "雷军", "direct", "小米永远坚持性价比。", "问", "答", "dialogue", "stdin"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = cli(t, in, "quotes", "--json", "--by", "问", "-")
	var qs []map[string]any
	if err := json.Unmarshal([]byte(out), &qs); err != nil {
		t.Fatal(err)
	}
	if len(qs) != 1 || qs[0]["text"] != "小米会造车吗？" {
		t.Errorf("--by 问 = %v", qs)
	}
	// Nobody by that name: an empty array, not an error.
	out, _, code = cli(t, in, "quotes", "--json", "--by", "无名氏", "-")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("--by 无名氏: exit %d, %q", code, out)
	}
}
