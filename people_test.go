package yunshi

import (
	"slices"
	"strings"
	"testing"
)

// leadersOf parses text as a document and returns the canonical names of
// the people found, sorted.
func leadersOf(t *testing.T, lex *Lexicon, texts ...string) []string {
	t.Helper()
	var docs []*Document
	for i, text := range texts {
		d, err := ParseDocument("doc"+string(rune('a'+i))+".txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	c := (&Loader{Lexicon: lex}).NewCorpus(docs...)
	var names []string
	for _, l := range c.Leaders() {
		names = append(names, l.Name)
	}
	slices.Sort(names)
	return names
}

func TestPeople(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // space-separated canonical names
	}{
		// Titles before names, in news about many companies.
		{"腾讯CEO马化腾表示，微信的下一步是开放。", "马化腾"},
		{"华为轮值董事长徐直军在全联接大会上说，算力是数字经济的核心。", "徐直军"},
		{"百度创始人李彦宏在大会上透露，文心一言用户已超过一亿。", "李彦宏"},
		{"小米集团总裁卢伟冰表示，手机业务将继续高端化。", "卢伟冰"},
		{"字节跳动CEO梁汝波在全员会上说，公司要保持创业心态。", "梁汝波"},
		{"据京东集团CEO许冉透露，京东物流将继续投入。", "许冉"},
		{"美团联合创始人王慧文宣布组建人工智能团队。", "王慧文"},
		{"拼多多董事长陈磊表示，公司将加大研发投入。", "陈磊"},
		{"网易创始人丁磊说，游戏要回到玩家。", "丁磊"},
		{"国家统计局局长康义在发布会上介绍了经济运行情况。", "康义"},
		// Speech and action verbs after names that open a clause.
		{"2019年，余承东透露华为手机出货量突破两亿台。", "余承东"},
		{"随后，周鸿祎回应称，360不会放弃搜索业务。", "周鸿祎"},
		{"张一鸣卸任字节跳动CEO，梁汝波接任。", "张一鸣 梁汝波"},
		{"王兴在饭否上写道，美团的竞争才刚刚开始。", "王兴"},
		// Coordination with a person found by other evidence.
		{"2004年，陈一舟和王兴担任校内网负责人。", "王兴 陈一舟"},
		// Honorifics and markers.
		{"钟南山院士表示，疫情防控不能松懈。", "钟南山"},
		{"这篇报道署名刘慈欣，发表于《科幻世界》。", "刘慈欣"},
		// Transcript labels.
		{"记者：您如何看待竞争？\n雷军：我们只做感动人心的产品。", "雷军"},
		// Foreign names written with a middle dot, and their Latin forms.
		{"微软CEO萨提亚·纳德拉（Satya Nadella）宣布了新的云战略。", "萨提亚·纳德拉"},
		{"苹果公司首席执行官蒂姆·库克在发布会上表示，iPhone销量创纪录。", "蒂姆·库克"},
		// Traditional script: canonical names are simplified.
		{"騰訊董事會主席馬化騰表示，將加大對人工智能的投入。", "马化腾"},
		{"華為創始人任正非在內部講話中說，要活下去。", "任正非"},
		// Not people: products, places, organisations, common words.
		{"小镇是一个符号，西子湖宛如一颗明珠。", ""},
		{"特斯拉因为太敬仰爱迪生，坐船到了纽约。", ""},
		{"华为发布了盘古大模型，钉钉也接入了通义千问。", ""},
		{"谷歌也在西雅图设立了研发中心，亚马逊则在弗吉尼亚扩建数据中心。", ""},
		{"在访谈中透露，这是阶段性总结，未来发展时会说明。", ""},
		{"IT行业在近10年发展迅猛，变的是层出不穷的新技术。", ""},
		{"安全也很重要，方便是第二位的。", ""},
	} {
		got := strings.Join(leadersOf(t, nil, tc.text), " ")
		want := strings.Join(sortedFields(tc.want), " ")
		if got != want {
			t.Errorf("Leaders(%q) = [%s], want [%s]", tc.text, got, want)
		}
	}
}

func sortedFields(s string) []string {
	f := strings.Fields(s)
	slices.Sort(f)
	return f
}

func TestAliases(t *testing.T) {
	for _, tc := range []struct {
		texts        []string
		query, canon string
	}{
		// Declared in the text, used in another document.
		{[]string{"阿里巴巴宣布，张勇（花名逍遥子）将卸任CEO。", "逍遥子在内部信中说，要回到用户。"}, "逍遥子", "张勇"},
		{[]string{"人称“小马哥”的马化腾很少接受采访。"}, "小马哥", "马化腾"},
		// Built-in table.
		{[]string{"会上，行癫宣布了新的组织架构。"}, "行癫", "张建锋"},
		{[]string{"張建鋒說，雲計算進入下一個時代。"}, "張建鋒", "张建锋"},
		// A Latin name in brackets.
		{[]string{"谷歌高级副总裁乌尔斯·霍尔泽（Urs Hölzle）发出备忘录。"}, "Urs Hölzle", "乌尔斯·霍尔泽"},
	} {
		var docs []*Document
		for _, text := range tc.texts {
			d, _ := ParseDocument("x.txt", []byte(text))
			docs = append(docs, d)
		}
		c := NewCorpus(docs...)
		l, ok := c.Leader(tc.query)
		if !ok || l.Name != tc.canon {
			t.Errorf("Leader(%q) over %q = %q, %v; want %q", tc.query, tc.texts, l.Name, ok, tc.canon)
		}
	}
	// An alias that is also a famous other name (孙权) counts only where
	// the person is otherwise named in the document.
	c := NewCorpus(mustParse(t, "孙权坐镇江东，曹操率军南下。"))
	if _, ok := c.Leader("胡晓明"); ok {
		t.Errorf("孙权 in a history text was taken for 胡晓明")
	}
	// A user lexicon adds people and keeps products out.
	lex, err := ParseLexiconBytes("lex.txt", []byte("person: 蒋江伟 = 小邪\nproduct: 王者荣耀\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(leadersOf(t, lex, "小邪在大会上介绍了新一代数据库。王者荣耀的玩家数量再创新高。"), " ")
	if got != "蒋江伟" {
		t.Errorf("with lexicon: leaders [%s], want [蒋江伟]", got)
	}
}

func mustParse(t *testing.T, text string) *Document {
	t.Helper()
	d, err := ParseDocument("x.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSeedLeaders(t *testing.T) {
	c := Default()
	for _, name := range strings.Fields("王坚 胡晓明 张建锋 姜鹏 王文彬 毕玄 马云 曾鸣 刘振飞 叶凯 杜勇 沈学良 孙琦 叶军 刘江 周国辉") {
		if _, ok := c.Leader(name); !ok {
			t.Errorf("leader %s not found", name)
		}
	}
	for _, l := range c.Leaders() {
		for _, bad := range strings.Fields("小镇 敬仰 飞天 盘古 伏羲 华佗 倚天 钉钉 达摩院 阿里 阿里云 云栖 谷歌 亚马逊 明珠 光荣") {
			if l.Name == bad || slices.Contains(l.Aliases, bad) {
				t.Errorf("%s taken for a person (%s)", bad, l.Name)
			}
		}
		for _, m := range l.Mentions {
			d, _ := c.Document(m.Doc)
			if d.Text[m.Start:m.End] != m.Form {
				t.Errorf("%s: mention %q does not index the text", l.Name, m.Form)
			}
		}
	}
	if l, _ := c.Leader("行癫"); l.Name != "张建锋" {
		t.Errorf("行癫 = %s", l.Name)
	}
	if l, _ := c.Leader("孙权"); l.Name != "胡晓明" {
		t.Errorf("孙权 = %s", l.Name)
	}
	if l, _ := c.Leader("王坚"); !slices.Contains(l.Aliases, "王坚博士") {
		t.Errorf("王坚 aliases %v lack 王坚博士", l.Aliases)
	}
}

func TestAntecedent(t *testing.T) {
	for _, tc := range []struct {
		text, pronounBefore, want string
	}{
		{"胡晓明金融出身，拥有强大的商业才能。加入阿里云前，他一手创办阿里金融。2014年11月开始，他担任阿里云总裁。", "担任阿里云总裁", "胡晓明"},
		{"首先，在技术上，张建锋拥有深厚的技术实力背景。他早在2004年就加入淘宝。", "早在2004年", "张建锋"},
		// Two people in the sentence before: unresolved.
		{"张一鸣卸任CEO，梁汝波接任。他表示将保持创业心态。", "表示将保持", ""},
		// Too far away: unresolved.
		{"雷军创办了小米。\n第二段。\n第三段。\n他说要做好手机。", "说要做好", ""},
	} {
		c := NewCorpus(mustParse(t, tc.text))
		f := c.facts()
		df := f.docs[0]
		s := df.doc.view.s
		p := strings.Index(s, tc.pronounBefore) - len("他")
		got, _ := antecedent(s, df.mentions, p)
		if got != tc.want {
			t.Errorf("antecedent of 他 before %q in %q = %q, want %q", tc.pronounBefore, tc.text, got, tc.want)
		}
	}
}

func TestNoisyPages(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		// Datelines and bylines name reporters, not leaders.
		{"新华社北京3月5日电（记者 张晓华）国务院总理李强在政府工作报告中表示，今年经济增长目标为5%左右。", "李强"},
		{"本报讯（通讯员 王小明 记者 刘芳）华为创始人任正非近日接受采访时说，要坚持研发投入。", "任正非"},
		// A pinyin gloss after a name.
		{"阿里云创始人王堅(jiān)表示，雲計算是公共服務。", "王坚"},
		// ASCII punctuation in place of fullwidth.
		{"小米集团CEO雷军说:\"我们要做感动人心的产品.\"", "雷军"},
	} {
		got := strings.Join(leadersOf(t, nil, tc.text), " ")
		if got != tc.want {
			t.Errorf("Leaders(%q) = [%s], want [%s]", tc.text, got, tc.want)
		}
	}
}

func TestBracketAliases(t *testing.T) {
	for _, tc := range []struct{ text, query, want string }{
		{"逍遥子（张勇）在内部信中说，要回到用户。", "逍遥子", "张勇"},
		{"据报道，马化腾（Pony）很少公开演讲。腾讯创始人马化腾表示将加大投入。", "Pony", "马化腾"},
		{"小米创始人雷军（雷布斯）发布了新手机。雷布斯说，这是最好的一代。", "雷布斯", "雷军"},
	} {
		c := NewCorpus(mustParse(t, tc.text))
		if l, ok := c.Leader(tc.query); !ok || l.Name != tc.want {
			t.Errorf("Leader(%q) in %q = %q, %v; want %q", tc.query, tc.text, l.Name, ok, tc.want)
		}
	}
}
