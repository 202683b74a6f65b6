package yunshi_test

import (
	"fmt"
	"strings"
	"testing/fstest"

	"github.com/yunshi-dev/yunshi"
)

func ExampleDefault() {
	for d := range yunshi.Default().All() {
		fmt.Printf("%s %q published %q, %d comments\n", d.Format, d.Title, d.Published, len(d.Comments))
	}
	// Output:
	// markdown "" published "", 7 comments
	// markdown "0701. 从门洛公园到云栖小镇" published "", 0 comments
	// text "一名创业者浴火涅磐的自白——对话阿里云 MVP孙琦" published "", 0 comments
	// html "张建锋：重新定义阿里云的1300天" published "2022-07-04", 0 comments
}

func ExampleLoadFS() {
	fsys := fstest.MapFS{
		"news/xiaomi.md":  {Data: []byte("---\ntitle: 小米的十年\ndate: 2020-08-11\n---\n\n2010年4月6日，**雷军**与合伙人创立小米。\n")},
		"news/broken.txt": {Data: []byte{0, 1, 2}},
	}
	c, err := yunshi.LoadFS(fsys)
	fmt.Println(err)
	d, _ := c.Document("xiaomi")
	fmt.Println(d.Title, d.Published, d.Format)
	fmt.Println(d.Text)
	// Output:
	// yunshi: news/broken.txt:1: binary data, not text: NUL byte
	// 小米的十年 2020-08-11 markdown
	// 2010年4月6日，雷军与合伙人创立小米。
}

func ExampleParseDocument() {
	page := `<html><head><title>华为发布鸿蒙 - 科技频道</title></head>
<body><p>2019年8月9日，华为在东莞发布鸿蒙操作系统。</p><p>相关阅读</p><p>另一篇文章</p></body></html>`
	d, err := yunshi.ParseDocument("harmony.html", []byte(page))
	if err != nil {
		panic(err)
	}
	fmt.Println(d.ID, d.Format, d.Title)
	fmt.Println(d.Text)
	// Output:
	// harmony html 华为发布鸿蒙
	// 2019年8月9日，华为在东莞发布鸿蒙操作系统。
}

func ExampleExtractDates() {
	text := "2015年10月，阿里云开发者大会正式以云栖大会名义召开。次年3月，双方再次合作；历时 4 个月。"
	for _, e := range yunshi.ExtractDates(text, yunshi.Date{}) {
		fmt.Println(e)
	}
	// Output:
	// 2015年10月 2015-10 month
	// 次年3月 2016-03 month
	// 4 个月 P4M
}

func ExampleCorpus_TimelineBetween() {
	c := yunshi.Default()
	for _, m := range c.TimelineBetween(yunshi.D(2013, 8, 15), yunshi.D(2013, 9, 30)) {
		if m.Grain == yunshi.GrainYear {
			continue // skip the many milestones dated only "2013"
		}
		fmt.Println(m.From, m.To, m.Label, "|", m.Event, m.Leaders, len(m.Sources))
	}
	// Output:
	// 2013-08-01 2013-08-31 2013 年 8 月 | 历时 4 个月，我们攻克无数技术难关，成功完成云梯 1 空间优化与跨机房集群扩展，以及云梯 2 单集群规模从 1 500 台升级到 5 000 台，同时实现跨集群扩展的目标 [] 1
	// 2013-08-15 2013-08-15 2013 年 8 月 15 日 | 2013 年 8 月 15 日竣工，阿里巴巴自此成为中国第一个独立研发并拥有大规模通用计算平台的公司 [] 2
	// 2013-09-01 2013-09-30 2013年9月 | 王坚在2013年9月卸任阿里云总裁 [王坚] 1
}

func ExampleCorpus_Leader() {
	l, ok := yunshi.Default().Leader("孙权") // a 花名
	if !ok {
		return
	}
	fmt.Println(l.Name, l.Aliases)
	for _, t := range l.Titles {
		fmt.Println(t.Title, t.From, t.To, t.Source.Doc)
	}
	// Output:
	// 胡晓明 [孙权]
	// 阿里云总裁 2014-11-01 2018-11-30 003_3b1750bd862304d1
}

func ExampleCorpus_HoldersAt() {
	for _, l := range yunshi.Default().HoldersAt("阿里云总裁", yunshi.D(2016, 6, 1)) {
		fmt.Println(l.Name, l.Titles[0].Title, l.Titles[0].From, l.Titles[0].To)
	}
	// Output:
	// 胡晓明 阿里云总裁 2014-11-01 2018-11-30
}

func ExampleParseLexicon() {
	lex, err := yunshi.ParseLexicon("names.txt", strings.NewReader("person: 蒋江伟 = 小邪\nproduct: 王者荣耀\n"))
	if err != nil {
		panic(err)
	}
	d, _ := yunshi.ParseDocument("x.txt", []byte("小邪在大会上介绍了新一代数据库。"))
	c := (&yunshi.Loader{Lexicon: lex}).NewCorpus(d)
	for _, l := range c.Leaders() {
		fmt.Println(l.Name, l.Aliases)
	}
	// Output:
	// 蒋江伟 [小邪]
}
