package yunshi

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

func seed(t testing.TB, prefix string) *Document {
	t.Helper()
	for d := range Default().All() {
		if strings.HasPrefix(d.ID, prefix) {
			return d
		}
	}
	t.Fatalf("no seed document %s", prefix)
	return nil
}

func TestDefaultCorpus(t *testing.T) {
	c := Default()
	if c.Len() != 4 {
		t.Fatalf("Default().Len() = %d, want 4", c.Len())
	}
	d3 := seed(t, "003")
	if d3.Title != "张建锋：重新定义阿里云的1300天" || d3.Published != D(2022, 7, 4) || d3.Format != FormatHTML {
		t.Errorf("003: title %q published %v format %v", d3.Title, d3.Published, d3.Format)
	}
	if strings.ContainsAny(d3.Text, "<>") || strings.Contains(d3.Text, "&quot;") || strings.Contains(d3.Text, "原文标题") {
		t.Errorf("003: markup or footer left in text")
	}
	if !strings.Contains(d3.Text, "回到云计算的本质") {
		t.Errorf("003: inline link text lost or split: want 回到云计算的本质 in one paragraph")
	}
	d0 := seed(t, "000")
	if len(d0.Comments) != 7 {
		t.Fatalf("000: %d comments, want 7", len(d0.Comments))
	}
	for _, cm := range d0.Comments {
		if strings.Contains(d0.Text, cm.Text[:min(len(cm.Text), 12)]) {
			t.Errorf("000: comment text %q left in body", cm.Text)
		}
		if cm.Author == "" || cm.Date.IsZero() {
			t.Errorf("000: comment %+v lacks author or date", cm)
		}
	}
	if c := d0.Comments[1]; c.Author != "leslie" || c.Likes != 7 || c.Date != D(2022, 10, 1) || !strings.HasPrefix(c.Text, `"对我们技术人来讲`) {
		t.Errorf("000: second comment = %+v", c)
	}
	if strings.Contains(d0.Text, "**") || strings.Contains(d0.Text, "> ") || strings.Contains(d0.Text, "精选留言") {
		t.Errorf("000: markdown or comment heading left in body")
	}
	if !strings.Contains(d0.Text, "\n毕玄：当时18年年底") {
		t.Errorf("000: transcript turn not kept as its own paragraph")
	}
	d2 := seed(t, "002")
	for _, junk := range []string{"相关文章", "4月前", ".jpg", ".png", "1615 0"} {
		if strings.Contains(d2.Text, junk) {
			t.Errorf("002: %q left in body", junk)
		}
	}
	if !strings.Contains(d2.Text, "坚持自己热爱的。") {
		t.Errorf("002: end of article lost")
	}
	d1 := seed(t, "001")
	if !strings.Contains(d1.Title, "从门洛公园到云栖小镇") || d1.Format != FormatMarkdown {
		t.Errorf("001: title %q format %v", d1.Title, d1.Format)
	}
	if strings.Contains(d1.Text, "# ") {
		t.Errorf("001: heading marker left in body")
	}
	for d := range c.All() {
		if !utf8.ValidString(d.Text) || d.Encoding != EncodingUTF8 {
			t.Errorf("%s: encoding %q, valid UTF-8 %v", d.ID, d.Encoding, utf8.ValidString(d.Text))
		}
		if got, ok := c.Document(d.ID); !ok || got != d {
			t.Errorf("Document(%q) = %v, %v", d.ID, got, ok)
		}
	}
	if _, ok := c.Document("nope"); ok {
		t.Error(`Document("nope") found`)
	}
}

func TestEncodings(t *testing.T) {
	raw, err := fs.ReadFile(EmbeddedFS(), "001_d58b973f54380018.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, err := ParseDocument("001.md", raw)
	if err != nil {
		t.Fatal(err)
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(raw)
	if err != nil {
		t.Fatal(err)
	}
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, enc string
		data      []byte
	}{
		{"gb18030", EncodingGB18030, gb},
		{"bom", EncodingUTF8BOM, append([]byte{0xEF, 0xBB, 0xBF}, raw...)},
		{"utf16", EncodingUTF16LE, u16},
	} {
		got, err := ParseDocument("001.md", tc.data)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got.Encoding != tc.enc || got.Text != want.Text || got.Title != want.Title {
			t.Errorf("%s: encoding %q, same text %v, title %q", tc.name, got.Encoding, got.Text == want.Text, got.Title)
		}
	}

	// Short lines: GBK bytes also decode "validly" as Big5 and vice versa.
	trad := "2013年10月24日，阿里雲開發者大會在杭州舉行。張建鋒表示：「雲計算越來越接近下一個時代。」\n騰訊、華為與百度的負責人也出席了會議。"
	simp := "华为技术有限公司于1987年在深圳成立，任正非是公司创始人。"
	for _, tc := range []struct {
		text, enc string
		encode    func(string) (string, error)
	}{
		{trad, EncodingBig5, traditionalchinese.Big5.NewEncoder().String},
		{simp, EncodingGB18030, simplifiedchinese.GBK.NewEncoder().String},
		{"腾讯", EncodingGB18030, simplifiedchinese.GBK.NewEncoder().String},
		{"騰訊控股", EncodingBig5, traditionalchinese.Big5.NewEncoder().String},
		{"任正非：华为要活下去。", EncodingGB18030, simplifiedchinese.GB18030.NewEncoder().String},
	} {
		data, err := tc.encode(tc.text)
		if err != nil {
			t.Fatal(err)
		}
		d, err := ParseDocument("x.txt", []byte(data))
		if err != nil {
			t.Errorf("ParseDocument(%s of %q): %v", tc.enc, tc.text, err)
			continue
		}
		if d.Encoding != tc.enc || d.Text != tc.text {
			t.Errorf("ParseDocument(%s of %q) = %q as %s", tc.enc, tc.text, d.Text, d.Encoding)
		}
	}
	// A GBK file that says so in its meta tag.
	page := `<html><head><meta charset="gbk"><title>百度发布文心一言_科技频道</title></head><body><p>2023年3月16日，百度发布文心一言。</p></body></html>`
	data, _ := simplifiedchinese.GBK.NewEncoder().String(page)
	d, err := ParseDocument("page.html", []byte(data))
	if err != nil || d.Encoding != EncodingGB18030 || d.Title != "百度发布文心一言" || d.Text != "2023年3月16日，百度发布文心一言。" {
		t.Errorf("GBK page: %v %+v", err, d)
	}
}

func TestBadInput(t *testing.T) {
	big := bytes.Repeat([]byte("华为"), DefaultMaxSize/6+1)
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"empty.txt", nil, ErrEmpty},
		{"blank.txt", []byte(" \n\t\n　\n"), ErrEmpty},
		{"nul.bin", []byte("abc\x00def"), ErrBinary},
		{"ctl.bin", bytes.Repeat([]byte{1, 2, 3, 'a', 4, 5}, 100), ErrBinary},
		{"latin1.txt", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e \xe0 la fran\xe7aise"), ErrEncoding},
		{"broken-utf8.txt", append([]byte("腾讯公司成立于1998年。"), 0xff, 0xfe, 0xfd, 'x'), ErrEncoding},
		{"big.txt", big, ErrTooLarge},
	} {
		d, err := ParseDocument(tc.name, tc.data)
		var pe *ParseError
		if !errors.Is(err, tc.want) || !errors.As(err, &pe) || pe.Name != tc.name || d != nil {
			t.Errorf("ParseDocument(%s) = %v, %v; want *ParseError wrapping %v", tc.name, d, err, tc.want)
			continue
		}
		if !strings.HasPrefix(err.Error(), "yunshi: "+tc.name) {
			t.Errorf("error %q does not start with yunshi: and the file name", err)
		}
	}
	// One bad file does not stop the good ones.
	fsys := fstest.MapFS{
		"a/good.txt":   {Data: []byte("腾讯成立于1998年11月。")},
		"a/bad.txt":    {Data: []byte{0, 1, 2, 3}},
		"b/good.md":    {Data: []byte("# 小米\n\n2010年4月6日，小米公司成立。")},
		"b/photo.jpg":  {Data: []byte{0xff, 0xd8}},
		".git/HEAD":    {Data: []byte("ref: x")},
		"a/empty.html": {Data: []byte("")},
	}
	c, err := LoadFS(fsys)
	if c.Len() != 2 {
		t.Errorf("LoadFS loaded %d documents, want 2", c.Len())
	}
	if !errors.Is(err, ErrBinary) || !errors.Is(err, ErrEmpty) || strings.Contains(err.Error(), "photo") {
		t.Errorf("LoadFS error = %v", err)
	}
	if d, ok := c.Document("good"); !ok || d.Text != "腾讯成立于1998年11月。" {
		t.Errorf("good.txt = %+v", d)
	}
	if _, err := LoadFS(fsys, "nothing/*"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("LoadFS with a pattern matching nothing: %v", err)
	}
	if _, err := LoadFiles("testdata/no-such-file.txt"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("LoadFiles(missing): %v", err)
	}
	// Documents with the same base name get unique IDs.
	c = NewCorpus(&Document{ID: "x"}, &Document{ID: "x"})
	if ids := []string{c.Documents()[0].ID, c.Documents()[1].ID}; ids[0] != "x" || ids[1] != "x-2" {
		t.Errorf("IDs %v, want [x x-2]", ids)
	}
}

func TestLoadFilesOrderAndParallel(t *testing.T) {
	dir := t.TempDir()
	names := []string{"c.txt", "a.txt", "b.md", "d.html"}
	for i, n := range names {
		if err := os.WriteFile(dir+"/"+n, []byte(strings.Repeat("字节跳动成立于2012年。", i+1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, workers := range []int{1, 2, 8} {
		calls, last := 0, 0
		l := &Loader{Workers: workers, Progress: func(done, total int) {
			calls++
			if total != 4 || done != last+1 {
				t.Errorf("Progress(%d, %d) after %d", done, total, last)
			}
			last = done
		}}
		c, err := l.LoadFiles(dir)
		if calls != 4 {
			t.Errorf("workers=%d: %d progress calls, want 4", workers, calls)
		}
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for d := range c.All() {
			ids = append(ids, d.ID)
		}
		if got := strings.Join(ids, ","); got != "a,b,c,d" {
			t.Errorf("workers=%d: order %s, want a,b,c,d", workers, got)
		}
	}
}

func TestFormats(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		format   Format
		title    string
		text     string
	}{
		{"plain.txt", "华为发布鸿蒙系统\n2019年8月9日，华为在东莞发布鸿蒙操作系统。\n", FormatText, "华为发布鸿蒙系统",
			"华为发布鸿蒙系统\n2019年8月9日，华为在东莞发布鸿蒙操作系统。"},
		{"x.md", "# 腾讯的故事\n\n1998年11月，**马化腾**与[张志东](https://example.com)等人创立腾讯。![图](a.png)\n\n> 引言：*腾讯*很重要  \n> 第二行\n\n- 第一条\n- 第二条\n", FormatMarkdown, "腾讯的故事",
			"腾讯的故事\n1998年11月，马化腾与张志东等人创立腾讯。\n引言：腾讯很重要\n第二行\n第一条\n第二条"},
		{"x.md", "---\ntitle: \"字节跳动\"\nauthor: [张三, 李四]\ndate: 2021-05-20 10:00:00 +0800\nsource: 新华网\n---\n正文第一段\n继续\n", FormatMarkdown, "字节跳动",
			"正文第一段继续"},
		{"page.html", "<html><head><title>标题_站点</title><meta property=\"og:title\" content=\"真实标题\"><meta name=\"author\" content=\"王五\"></head><body><nav>首页 &gt; 科技</nav><script>var x=1;</script><h1>真实标题</h1><p>第一段&amp;<b>加粗</b>\n文字。</p><p>第二段<br>换行</p><img src=x.jpg><p>分享到：微博 微信</p></body></html>", FormatHTML, "真实标题",
			"真实标题\n第一段&加粗文字。\n第二段\n换行"},
		{"broken.html", "<div><p>未闭合的段落<p>第二段 <b>粗体<div>嵌套</p></div>", FormatHTML, "",
			"未闭合的段落\n第二段 粗体\n嵌套"},
		{"nav.txt", "首页 > 新闻 > 正文\n百度发布文心一言\n2023-03-16 10:20 来源：新浪科技\n作者：张三\n正文。\n责任编辑：李四\n", FormatText, "百度发布文心一言",
			"百度发布文心一言\n正文。"},
		{"interview.txt", "专访雷军\n记者：您如何看待竞争？\n雷军：我们只做感动人心的产品。\n记者：张三\n", FormatText, "专访雷军",
			"专访雷军\n记者：您如何看待竞争？\n雷军：我们只做感动人心的产品。"},
		{"dated.txt", "小米上市\n2018年7月9日，小米在香港上市。\n", FormatText, "小米上市",
			"小米上市\n2018年7月9日，小米在香港上市。"},
	} {
		d, err := ParseDocument(tc.name, []byte(tc.in))
		if err != nil {
			t.Errorf("ParseDocument(%q): %v", tc.in, err)
			continue
		}
		if d.Format != tc.format || d.Title != tc.title || d.Text != tc.text {
			t.Errorf("ParseDocument(%q) = format %s title %q text %q; want %s %q %q", tc.in, d.Format, d.Title, d.Text, tc.format, tc.title, tc.text)
		}
	}
}

func TestView(t *testing.T) {
	for _, tc := range []struct{ text, view string }{
		{"張建鋒於２０１８年１１月出任總裁，", "张建锋于2018年11月出任总裁,"},
		{"abc　def", "abc def"},
		{"纯简体中文", "纯简体中文"},
		{"一目瞭然，乾隆", "一目了然,乾隆"},
	} {
		v := newView(tc.text)
		if v.s != tc.view {
			t.Errorf("newView(%q).s = %q, want %q", tc.text, v.s, tc.view)
			continue
		}
		// Every rune boundary of the view maps to a rune boundary of the
		// text with the same rune index.
		ti := 0
		vi := 0
		for vi <= len(v.s) {
			if got := v.orig(vi); got != ti {
				t.Errorf("newView(%q).orig(%d) = %d, want %d", tc.text, vi, got, ti)
				break
			}
			if vi == len(v.s) {
				break
			}
			_, vs := utf8.DecodeRuneInString(v.s[vi:])
			_, ts := utf8.DecodeRuneInString(tc.text[ti:])
			vi += vs
			ti += ts
		}
	}
	if got := Simplified("騰訊與華為"); got != "腾讯与华为" {
		t.Errorf("Simplified = %q", got)
	}
}

func FuzzParseDocument(f *testing.F) {
	for _, name := range []string{"000_c606aac3c660cab8.txt", "002_f50fb78f14ebafab.txt"} {
		data, _ := fs.ReadFile(EmbeddedFS(), name)
		f.Add(name, data[:min(len(data), 600)])
	}
	f.Add("x.html", []byte("<p>a<b>b</p><li>c<span>d</span>👍（3）<div>e</div>2022-10-07</li>"))
	f.Add("x.md", []byte("---\ntitle: x\n---\n# h\n**a**`b`[c](d)\n精选留言\nuser\n好文\n2022-01-01"))
	f.Add("x.txt", []byte("\xef\xbb\xbf首页 > 新闻\n標題\n相关文章\n|\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		d, err := ParseDocument(name, data)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		if !utf8.ValidString(d.Text) || d.notes < 0 || d.notes > len(d.Text) {
			t.Fatalf("invalid text or notes offset")
		}
		if d.view.orig(len(d.view.s)) != len(d.Text) {
			t.Fatalf("view end maps to %d, want %d", d.view.orig(len(d.view.s)), len(d.Text))
		}
	})
}

func TestViewOf(t *testing.T) {
	for _, text := range []string{"張建鋒於２０１８年１１月出任總裁，“好”", "abc　def，ｘ", "纯简体", "", "一目瞭然，乾隆。"} {
		v := newView(text)
		for i := 0; i <= len(text); i++ {
			// The reference: the smallest x with orig(x) >= i.
			want := len(v.s)
			for x := 0; x <= len(v.s); x++ {
				if v.orig(x) >= i {
					want = x
					break
				}
			}
			if got := v.viewOf(i); got != want {
				t.Errorf("newView(%q).viewOf(%d) = %d, want %d", text, i, got, want)
			}
		}
	}
}
