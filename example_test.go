package yunshi_test

import (
	"fmt"
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
