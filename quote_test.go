package yunshi

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// quoteLine renders a quote for table tests: style, speaker (a label
// not naming a person is starred; an unknown speaker shows the reason),
// then the words.
func quoteLine(q Quote) string {
	who := q.Speaker
	switch {
	case who == "":
		who = "-(" + q.Reason + ")"
	case !q.Leader:
		who += "*"
	}
	return fmt.Sprintf("%s %s: %s", q.Style, who, q.Text)
}

// quotesIn parses text as one document and returns its quotes as lines.
func quotesIn(t *testing.T, text string) []string {
	t.Helper()
	d, err := ParseDocument("news.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, q := range NewCorpus(d).Quotes() {
		if d.Text[q.Start:q.End] != q.Text {
			t.Errorf("%q: Text[%d:%d] = %q, quote says %q", text, q.Start, q.End, d.Text[q.Start:q.End], q.Text)
		}
		out = append(out, quoteLine(q))
	}
	return out
}

var quoteTests = []struct {
	text string
	want []string
}{
	// Speech verb and colon before the marks, in news about many
	// companies, with titles before the names.
	{"腾讯董事会主席马化腾表示：“微信的下一步是开放。”",
		[]string{"direct 马化腾: 微信的下一步是开放。"}},
	{"华为轮值董事长徐直军在全联接大会上说：「算力是数字经济的核心引擎。」",
		[]string{"direct 徐直军: 算力是数字经济的核心引擎。"}},
	{"雷军在《小米创业思考》中写道：“永远相信美好的事情即将发生。”",
		[]string{"direct 雷军: 永远相信美好的事情即将发生。"}},
	{"马云对员工说：“今天很残酷，明天更残酷，后天很美好。”",
		[]string{"direct 马云: 今天很残酷，明天更残酷，后天很美好。"}},
	{"中国女排主教练郎平赛后表示：“姑娘们打出了自己的水平。”",
		[]string{"direct 郎平: 姑娘们打出了自己的水平。"}},
	// The speaker after the quote.
	{"“我们会继续投入人工智能。”李彦宏说。",
		[]string{"direct 李彦宏: 我们会继续投入人工智能。"}},
	{"“小米的使命没有变。”雷军在接受媒体采访时说。",
		[]string{"direct 雷军: 小米的使命没有变。"}},
	{"“手机业务仍然是基础，”小米集团总裁卢伟冰表示，“我们会坚持高端化。”",
		[]string{"direct 卢伟冰: 手机业务仍然是基础，", "direct 卢伟冰: 我们会坚持高端化。"}},
	// Pronouns: resolved to the one person of the sentence before, or not
	// at all.
	{"字节跳动CEO梁汝波出席了全员会。他说：“公司要保持创业心态。”",
		[]string{"direct 梁汝波: 公司要保持创业心态。"}},
	{"任正非和徐直军一起出席了发布会。他说：“要活下去。”",
		[]string{"direct -(pronoun ambiguous): 要活下去。"}},
	{"雷军给负责售后的同事打了电话。他说：“是。”",
		[]string{"direct -(pronoun ambiguous): 是。"}},
	// ASCII, nested, unbalanced, mismatched marks, several paragraphs.
	{`马化腾说:"我们要做互联网的连接器。"`,
		[]string{"direct 马化腾: 我们要做互联网的连接器。"}},
	{"张一鸣表示：“我常说‘延迟满足感’，这是我最看重的品质。”",
		[]string{"direct 张一鸣: 我常说‘延迟满足感’，这是我最看重的品质。"}},
	{"丁磊说：“游戏要回到玩家本身。\n网易随后发布了新游戏。",
		[]string{"direct 丁磊: 游戏要回到玩家本身。"}},
	{"李斌表示：“用户企业是我们的初心。」",
		[]string{"direct 李斌: 用户企业是我们的初心。"}},
	{"王兴在内部信中写道：“第一，我们要长期有耐心。\n“第二，要关注外卖以外的机会。”",
		[]string{"direct 王兴: 第一，我们要长期有耐心。\n“第二，要关注外卖以外的机会。"}},
	// Reported speech.
	{"据新华社报道，国家统计局局长康义透露，一季度经济运行开局良好。",
		[]string{"reported 康义: 一季度经济运行开局良好"}},
	{"据京东集团CEO许冉透露，京东物流将继续加大投入。",
		[]string{"reported 许冉: 京东物流将继续加大投入"}},
	{"周鸿祎认为，大模型将重塑整个搜索行业。",
		[]string{"reported 周鸿祎: 大模型将重塑整个搜索行业"}},
	{"2019年，余承东透露华为手机出货量突破两亿台。",
		[]string{"reported 余承东: 华为手机出货量突破两亿台"}},
	{"外交部发言人毛宁表示，中方坚决反对单边制裁。",
		[]string{"reported 毛宁: 中方坚决反对单边制裁"}},
	{"张朝阳告诉记者，搜狐将专注视频业务。",
		[]string{"reported 张朝阳: 搜狐将专注视频业务"}},
	{"在雷军看来，性价比不是便宜。",
		[]string{"reported 雷军: 性价比不是便宜"}},
	{"据知情人士透露，字节跳动正在开发新的大模型。",
		[]string{"reported -(no speaker named): 字节跳动正在开发新的大模型"}},
	{"李彦宏认为人工智能会改变每个行业。“这是一个巨大的机会。”",
		[]string{"reported 李彦宏: 人工智能会改变每个行业", "direct 李彦宏: 这是一个巨大的机会。"}},
	// A quote standing alone, attributed by the next sentence.
	{"“先活下来。”\n当被问到最大的挑战时，任正非给出了简短的回答。",
		[]string{"direct 任正非: 先活下来。"}},
	// Unknown speakers are left empty with a reason, never guessed.
	{"一位不愿具名的员工表示：“公司正在调整组织架构。”",
		[]string{"direct -(no speaker named): 公司正在调整组织架构。"}},
	{"雷军的一位同事说：“他每天工作到深夜。”",
		[]string{"direct -(no speaker named): 他每天工作到深夜。"}},
	{"我说：“这个问题没有意义。”",
		[]string{"direct -(first person): 这个问题没有意义。"}},
	// Transcripts: labels for people, interviewers and 问/答.
	{"问：华为会造车吗？\n答：华为不造车，我们帮助车企造好车。",
		[]string{"dialogue 问*: 华为会造车吗？", "dialogue 答*: 华为不造车，我们帮助车企造好车。"}},
	{"主持人：您如何看待竞争？\n雷军：我们只做感动人心的产品。\n我们会一直坚持下去。\n小米随后公布了财报。",
		[]string{"dialogue 主持人*: 您如何看待竞争？", "dialogue 雷军: 我们只做感动人心的产品。\n我们会一直坚持下去。"}},
	{"36氪：你为什么离开搜狗？\n王小川：因为想自己做点事。\n36氪：后来呢？\n王小川：后来公司活下来了。",
		[]string{"dialogue 36氪*: 你为什么离开搜狗？", "dialogue 王小川: 因为想自己做点事。",
			"dialogue 36氪*: 后来呢？", "dialogue 王小川: 后来公司活下来了。"}},
	{"5月6日 10:30 发布会开始。\n5月6日 11:00 雷军上台。", nil},
	{"极客邦：你为什么离开大厂？\n林小白：因为想自己做点事。\n极客邦：后来呢？\n林小白：后来公司活下来了。",
		[]string{"dialogue 极客邦*: 你为什么离开大厂？", "dialogue 林小白: 因为想自己做点事。",
			"dialogue 极客邦*: 后来呢？", "dialogue 林小白: 后来公司活下来了。"}},
	// A labelled line between a heading and a paragraph is a subtitle,
	// and a label that is not a speaker is no turn.
	{"前景\n雷军：小米汽车将在三年内盈利\n业内对此看法不一。", nil},
	{"简介：小米是一家消费电子公司。", nil},
	{"4 月 27 日 11:04 @雷军：小米汽车今天正式发布。",
		[]string{"direct 雷军: 小米汽车今天正式发布。"}},
	// Traditional script: the speaker is the simplified canonical name,
	// the words are as written.
	{"騰訊董事會主席馬化騰表示：「我們將加大對人工智能的投入。」",
		[]string{"direct 马化腾: 我們將加大對人工智能的投入。"}},
	{"華為創始人任正非在內部講話中說，華為要活下去。",
		[]string{"reported 任正非: 華為要活下去"}},
	{"記者：您怎麼看開放？\n馬化騰：我們會繼續開放。",
		[]string{"dialogue 記者*: 您怎麼看開放？", "dialogue 马化腾: 我們會繼續開放。"}},
	// Not quotes: names, products, slogans, scare quotes, titles.
	{"华为发布了“鸿蒙”操作系统，并提出“1+8+N”战略。", nil},
	{"腾讯提出“产业互联网”战略，百度则押注“文心一言”。", nil},
	{"马化腾提出了“连接一切，科技向善”的愿景。", nil},
	{"小米的“生态链”模式被业界认为是“新国货”的代表。", nil},
	{"展台上写着一句标语：“科技向善，普惠大众。”", nil},
	{"国务院印发《“十四五”数字经济发展规划》。", nil},
	{"这被刘强东认为是京东最重要的决定。", nil},
	{"拼多多的“砍一刀”一度被网友称为“魔性”玩法。", nil},
}

func TestQuotes(t *testing.T) {
	for _, tc := range quoteTests {
		got := quotesIn(t, tc.text)
		if !slices.Equal(got, tc.want) {
			t.Errorf("Quotes(%q) =\n\t%s\nwant\n\t%s", tc.text, strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
		}
	}
}

// TestDefaultQuotes checks quotes of the embedded corpus that must be
// found, with their speakers and styles, and scare quotes that must not.
func TestDefaultQuotes(t *testing.T) {
	c := Default()
	all := c.Quotes()
	for _, tc := range []struct {
		speaker string
		style   QuoteStyle
		prefix  string
	}{
		{"林昊", QuoteDialogue, "当时18年年底有个组织调整"},
		{"林昊", QuoteDialogue, "不分业务"},
		{"极客时间", QuoteDialogue, "上云会分业务吗？"},
		{"张建锋", QuoteDirect, "阿里云跟别的云不一样"},
		{"张建锋", QuoteDirect, "规模。"},
		{"张建锋", QuoteDirect, "云计算越来越接近进入下一个时代了"},
		{"张建锋", QuoteReported, "阿里云今年最重要的策略是"},
		{"王坚", QuoteDirect, "阿里云唯一的业务就是云计算"},
		{"王坚", QuoteDialogue, "昨天（5 月 6 日）我和叶凯"},
		{"CSDN", QuoteDialogue, "相信您已经知道玩蟹事件了？"},
		{"沈学良", QuoteDirect, "事实证明，这个决定是正确的"},
		{"杜勇", QuoteDialogue, "云服务器磁盘 I/O 不稳定"},
		{"马云", QuoteDirect, "王坚的长处不是很多人能懂的"},
		{"叶凯", QuoteDirect, "我们在阿里云上用了 20 多台"},
		{"刘振飞", QuoteReported, "阿里云终于借此在集团内部证明了自己"},
	} {
		found := false
		for _, q := range all {
			if strings.HasPrefix(q.Text, tc.prefix) {
				found = true
				if q.Speaker != tc.speaker || q.Style != tc.style {
					t.Errorf("quote %q: speaker %q style %s, want %q %s", tc.prefix, q.Speaker, q.Style, tc.speaker, tc.style)
				}
			}
		}
		if !found {
			t.Errorf("quote %q not found", tc.prefix)
		}
	}
	// The whole turn: 毕玄's first answer runs over three paragraphs.
	for _, q := range all {
		if strings.HasPrefix(q.Text, "当时18年年底") && strings.Count(q.Text, "\n") != 2 {
			t.Errorf("毕玄's turn has %d paragraphs, want 3:\n%s", strings.Count(q.Text, "\n")+1, q.Text)
		}
	}
	// Scare quotes and names in marks are no quotes.
	for _, w := range []string{"飞天", "谷", "镇", "云钉一体", "两美", "圣经", "被集成", "B2B", "骗子", "进步集"} {
		for _, q := range all {
			if q.Text == w {
				t.Errorf("%q is a quote: %+v", w, q)
			}
		}
	}
	// Labels are speakers, not leaders; people are leaders.
	for _, q := range all {
		label := q.Speaker == "CSDN" || q.Speaker == "极客时间"
		if q.Leader != (q.Speaker != "" && !label) {
			t.Errorf("%s: Leader = %v", q.Speaker, q.Leader)
		}
		if q.Speaker == "" && q.Reason == "" || q.Speaker != "" && q.Reason != "" {
			t.Errorf("speaker %q with reason %q", q.Speaker, q.Reason)
		}
	}
	// Lookups: by alias, by label, by word.
	if a, b := c.QuotesBy("行癫"), c.QuotesBy("张建锋"); len(a) < 5 || !slices.Equal(a, b) {
		t.Errorf("QuotesBy(行癫) = %d quotes, QuotesBy(张建锋) = %d, want the same ≥ 5", len(a), len(b))
	}
	if a, b := c.QuotesBy("毕玄"), c.QuotesBy("林昊"); len(a) != 2 || !slices.Equal(a, b) {
		t.Errorf("QuotesBy(毕玄) = %d quotes, QuotesBy(林昊) = %d, want 2", len(a), len(b))
	}
	if got := c.QuotesBy("CSDN"); len(got) < 10 {
		t.Errorf("QuotesBy(CSDN) = %d quotes, want ≥ 10", len(got))
	}
	if got := c.QuotesBy("没有这个人"); len(got) != 0 {
		t.Errorf("QuotesBy(没有这个人) = %d quotes", len(got))
	}
	got := c.QuotesWith("開發者") // traditional form matches
	if len(got) == 0 {
		t.Error("QuotesWith(開發者) found nothing")
	}
	for _, q := range got {
		if !strings.Contains(q.Text, "开发者") {
			t.Errorf("QuotesWith(開發者) = %q", q.Text)
		}
	}
	// Corpus order, then text order.
	for i := 1; i < len(all); i++ {
		a, b := all[i-1], all[i]
		if a.Doc == b.Doc && a.Start > b.Start {
			t.Errorf("quotes out of order: %d after %d in %s", b.Start, a.Start, a.Doc)
		}
	}
}

// formatQuotes renders quotes for a golden file: one line per quote with
// style, speaker, span and words (line breaks shown as ⏎).
func formatQuotes(qs []Quote) []byte {
	var b bytes.Buffer
	for _, q := range qs {
		who := q.Speaker
		switch {
		case who == "":
			who = "- (" + q.Reason + ")"
		case !q.Leader:
			who += " (label)"
		}
		fmt.Fprintf(&b, "%-8s %s [%d,%d] %s\n", q.Style, who, q.Start, q.End, strings.ReplaceAll(q.Text, "\n", "⏎"))
	}
	return b.Bytes()
}

func TestGoldenQuotes(t *testing.T) {
	c := Default()
	byDoc := map[string][]Quote{}
	for _, q := range c.Quotes() {
		byDoc[q.Doc] = append(byDoc[q.Doc], q)
	}
	for d := range c.All() {
		checkGolden(t, d.ID+".quotes.golden", formatQuotes(byDoc[d.ID]))
	}
}

// checkQuotes verifies what every extraction must hold: spans inside
// Text, Text[Start:End] equal to the words, a known style, a reason
// exactly when the speaker is unknown.
func checkQuotes(t *testing.T, d *Document, qs []Quote) {
	t.Helper()
	for _, q := range qs {
		if q.Start < 0 || q.End > len(d.Text) || q.Start >= q.End {
			t.Fatalf("span [%d,%d] outside text of %d bytes", q.Start, q.End, len(d.Text))
		}
		if d.Text[q.Start:q.End] != q.Text {
			t.Fatalf("Text[%d:%d] = %q, quote says %q", q.Start, q.End, d.Text[q.Start:q.End], q.Text)
		}
		if q.Style != QuoteDialogue && q.Style != QuoteDirect && q.Style != QuoteReported {
			t.Fatalf("style %q", q.Style)
		}
		if (q.Speaker == "") == (q.Reason == "") {
			t.Fatalf("speaker %q, reason %q", q.Speaker, q.Reason)
		}
		if q.Doc != d.ID {
			t.Fatalf("doc %q, want %q", q.Doc, d.ID)
		}
	}
}

func FuzzExtractQuotes(f *testing.F) {
	for _, tc := range quoteTests {
		f.Add(tc.text)
	}
	for _, s := range []string{
		"他说：“", "“”", "「「「」", "“‘”’", `"a"b"c`, "王坚：\n：", "“\n“\n“", "@", "据透露，", "在他看来，",
		"马云说，“好”，", "」他说。", "《“》”", "“规模。”\n", "问：\n答：", "\xff“\xfe”说：",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		// The raw text as a document, invalid UTF-8 included.
		d := &Document{ID: "fuzz", Text: text, view: newView(text), notes: len(text)}
		checkQuotes(t, d, NewCorpus(d).Quotes())
		// And through the parser.
		if d, err := ParseDocument("fuzz.txt", []byte(text)); err == nil {
			checkQuotes(t, d, NewCorpus(d).Quotes())
		}
	})
}

// benchText returns about n bytes of the seeds' text, repeated.
func benchText(tb testing.TB, n int) string {
	tb.Helper()
	var parts []string
	for d := range Default().All() {
		parts = append(parts, d.Text)
	}
	one := strings.Join(parts, "\n")
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(one)
		b.WriteByte('\n')
	}
	return b.String()
}

// BenchmarkQuotes measures quote extraction over 10 MB of the seeds'
// text, once the people in it are known (as in extract's second pass).
func BenchmarkQuotes(b *testing.B) {
	text := benchText(b, 10<<20)
	d := &Document{ID: "bench", Text: text, view: newView(text), notes: len(text)}
	reg := newRegistry(nil)
	reg.learn([][]nameHit{discoverNames(d.view.s, reg, new(sync.Map))}, []*view{d.view})
	ms := reg.mentions(d.view)
	if !utf8.ValidString(text) {
		b.Fatal("bench text is not UTF-8")
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		qs, _ := extractQuotes(d, ms)
		n = len(qs)
	}
	b.ReportMetric(float64(n), "quotes")
}

// TestQuotesConcurrent runs the first extraction and the lookups of one
// corpus from several goroutines (run with -race).
func TestQuotesConcurrent(t *testing.T) {
	docs := Default().Documents()
	c := NewCorpus(docs...)
	want := len(Default().Quotes())
	done := make(chan int)
	for i := range 8 {
		go func() {
			switch i % 3 {
			case 0:
				done <- len(c.Quotes())
			case 1:
				c.QuotesBy("行癫")
				done <- len(c.Quotes())
			default:
				c.QuotesWith("云计算")
				done <- len(c.Quotes())
			}
		}()
	}
	for range 8 {
		if got := <-done; got != want {
			t.Errorf("%d quotes, want %d", got, want)
		}
	}
}

func TestInterviewAnswers(t *testing.T) {
	text := "专访小米集团总裁卢伟冰：高端化是长期战略\n问：小米今年的目标是什么？\n答：我们要在高端市场站稳脚跟。\n问：如何看待竞争？\n答：竞争让我们更强。"
	c := NewCorpus(mustParse(t, text))
	var got []string
	for _, q := range c.Quotes() {
		got = append(got, q.Speaker+":"+q.Text)
	}
	want := []string{"问:小米今年的目标是什么？", "卢伟冰:我们要在高端市场站稳脚跟。", "问:如何看待竞争？", "卢伟冰:竞争让我们更强。"}
	if !slices.Equal(got, want) {
		t.Errorf("quotes of an interview = %q, want %q", got, want)
	}
}
