package yunshi_test

import (
	"fmt"

	"github.com/yunshi-dev/yunshi"
)

func ExampleCorpus_QuotesBy() {
	// 行癫 is the 花名 of 张建锋: quotes are found under the canonical name.
	for _, q := range yunshi.Default().QuotesBy("行癫") {
		words := []rune(q.Text)
		fmt.Println(q.Speaker, q.Style, string(words[:min(len(words), 10)]))
	}
	// Output:
	// 张建锋 reported 阿里云今年最重要的策
	// 张建锋 direct 阿里云核心技术一直走
	// 张建锋 direct 阿里云跟别的云不一样
	// 张建锋 direct 规模。
	// 张建锋 direct 中台自己单独的产品不
	// 张建锋 direct 云计算越来越接近进入
}

func ExampleParseDocument_quotes() {
	text := "问：华为会造车吗？\n答：华为不造车。\n“我们帮助车企造好车。”华为常务董事余承东说。\n据知情人士透露，新车将于年内发布。"
	d, err := yunshi.ParseDocument("interview.txt", []byte(text))
	if err != nil {
		panic(err)
	}
	for _, q := range yunshi.NewCorpus(d).Quotes() {
		who := q.Speaker
		if who == "" {
			who = "(" + q.Reason + ")"
		}
		fmt.Printf("%-8s %s: %s = %q\n", q.Style, who, q.Text, d.Text[q.Start:q.End])
	}
	// Output:
	// dialogue 问: 华为会造车吗？ = "华为会造车吗？"
	// dialogue 答: 华为不造车。 = "华为不造车。"
	// direct   余承东: 我们帮助车企造好车。 = "我们帮助车企造好车。"
	// reported (no speaker named): 新车将于年内发布 = "新车将于年内发布"
}
