package yunshi

import (
	"slices"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  \n ", nil},
		{"一句话", []string{"一句话"}},
		{"腾讯成立于1998年。总部在深圳。", []string{"腾讯成立于1998年。", "总部在深圳。"}},
		{"真的吗？当然！", []string{"真的吗？", "当然！"}},
		{"真的吗?!当然", []string{"真的吗?!", "当然"}},
		{"第一；第二;第三", []string{"第一；", "第二;", "第三"}},
		{"标题\n正文第一句。正文第二句", []string{"标题", "正文第一句。", "正文第二句"}},
		{"  前有空格。  后有空格  \n", []string{"前有空格。", "后有空格"}},
		// Closing quotes after the end belong to the sentence.
		{"任正非说：“活下去。”华为随后发布声明。", []string{"任正非说：“活下去。”", "华为随后发布声明。"}},
		{"他问：「为什么？」我答：「因为。」", []string{"他问：「为什么？」", "我答：「因为。」"}},
		// Never inside quotes, titles or parentheses.
		{"雷军说：“我们做到了，小米会更好。请相信我们”然后鞠躬。", []string{"雷军说：“我们做到了，小米会更好。请相信我们”然后鞠躬。"}},
		{"雷军说：“我们做到了。小米会更好。”然后鞠躬。", []string{"雷军说：“我们做到了。小米会更好。”", "然后鞠躬。"}},
		{"他写了《再见。你好》一书。", []string{"他写了《再见。你好》一书。"}},
		{"百度（成立于2000年。总部北京）是搜索公司。", []string{"百度（成立于2000年。总部北京）是搜索公司。"}},
		{"字节跳动(2012年创立。)是一家公司。", []string{"字节跳动(2012年创立。)是一家公司。"}},
		{"他说：『这是『嵌套』的。』好。", []string{"他说：『这是『嵌套』的。』", "好。"}},
		// An unclosed quote ends with its paragraph.
		{"他说：“没有结束。还在说\n新的一段。第二句。", []string{"他说：“没有结束。还在说", "新的一段。", "第二句。"}},
		// A stray closing mark does not confuse the count.
		{"多余的”引号。下一句。", []string{"多余的”引号。", "下一句。"}},
		// An ellipsis ends a sentence only before a closing mark.
		{"他说：“我想想……”过了很久。", []string{"他说：“我想想……”", "过了很久。"}},
		{"等等……然后呢。", []string{"等等……然后呢。"}},
		{"完了……。下一句", []string{"完了……。", "下一句"}},
		// Decimal points and ASCII periods do not end sentences.
		{"增长了3.5%。第二句", []string{"增长了3.5%。", "第二句"}},
		{"Windows 3.0 发布. 真好。", []string{"Windows 3.0 发布. 真好。"}},
		{"问号在最后？", []string{"问号在最后？"}},
		{"。。。", []string{"。。。"}},
		{"\r\n甲。\r\n乙。", []string{"甲。", "乙。"}},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range splitSentences(tt.in) {
			got = append(got, tt.in[sp[0]:sp[1]])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("splitSentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSplitSentencesView checks that splitting works on the matching view,
// where fullwidth ！？；（） are folded to ASCII.
func TestSplitSentencesView(t *testing.T) {
	v := newView("华为（深圳）发布！下一句？")
	var got []string
	for _, sp := range splitSentences(v.s) {
		s, e := v.span(sp[0], sp[1])
		got = append(got, v.text[s:e])
	}
	want := []string{"华为（深圳）发布！", "下一句？"}
	if !slices.Equal(got, want) {
		t.Errorf("splitSentences(view) = %q, want %q", got, want)
	}
}

func TestNextSentenceCovers(t *testing.T) {
	// Walking with nextSentence visits every non-space byte exactly once.
	s := "甲。乙“丙。丁”戊！\n  己……”庚（辛。"
	covered := make([]bool, len(s))
	for i := 0; ; {
		start, end := nextSentence(s, i)
		if start == len(s) {
			break
		}
		if end <= i {
			t.Fatalf("nextSentence(%q, %d) = %d, %d: no progress", s, i, start, end)
		}
		for k := start; k < end; k++ {
			covered[k] = true
		}
		i = end
	}
	for k, c := range []byte(s) {
		if !covered[k] && c != ' ' && c != '\n' {
			t.Errorf("byte %d (%q) not in any sentence", k, s[k:])
			break
		}
	}
}
