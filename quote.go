package yunshi

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Quote extraction. Quotes are found on the matching view of a document's
// text (so that ，and , or 說 and 说 match alike) and reported with spans
// into Document.Text. Four shapes are recognised:
//
//   - transcript turns: a short label at the start of a paragraph, then a
//     colon (毕玄：…, CSDN：…, 问：…); the turn runs over the following
//     paragraphs until the next label or heading;
//   - words in quote marks (“” 「」 『』 ‘’ and ASCII "), nested or not, also
//     over several paragraphs and with mismatched or missing closing marks,
//     when a speech verb or a colon introduces them (王坚表示：「…」), a
//     speech verb follows them (“…”张建锋说。), or they stand as a whole
//     sentence that a neighbouring sentence attributes;
//   - posts quoted after a handle: @叶凯 Kevin：…;
//   - reported speech without marks: 据X透露，…, X认为，…, 在他看来，….
//
// Marks around names, titles, products, slogans and scare quotes (“飞天”,
// 「两美」, “云钉一体”战略) are not quotes: short words without sentence
// punctuation need a speech verb or colon right before them, and quoted
// words followed by 的 or a noun such as 战略 or 系统 name something.
//
// The speaker is the person (a mention, so aliases map to the canonical
// name) that is the subject of the speech verb, the transcript label, or a
// pronoun resolved with antecedent. Where no person can be named without
// guessing, the speaker is empty and Reason says why.

// A QuoteStyle says how a quote is given in the text.
type QuoteStyle string

// Quote styles.
const (
	QuoteDialogue QuoteStyle = "dialogue" // a transcript turn: 王坚：…
	QuoteDirect   QuoteStyle = "direct"   // words in quote marks, or after a handle such as @叶凯：
	QuoteReported QuoteStyle = "reported" // speech without quote marks: 据X透露，… or X表示，…
)

// A Quote is something a person said, as a document gives it.
type Quote struct {
	Speaker string     // canonical leader name, the transcript label as written (CSDN, 问), or "" if unknown
	Leader  bool       // Speaker names a person, one of Corpus.Leaders
	Reason  string     // why Speaker is empty: "no speaker named", "pronoun ambiguous", "first person", "second person"
	Text    string     // the quoted words as written, without quote marks or label
	Style   QuoteStyle // dialogue, direct or reported
	Doc     string     // document ID
	Start   int        // byte offset of Text in the document's Text
	End     int        // byte offset of the end of Text
}

// Reasons for an empty Quote.Speaker.
const (
	reasonNone   = "no speaker named"
	reasonPron   = "pronoun ambiguous"
	reasonFirst  = "first person"
	reasonSecond = "second person"
)

// Quotes returns every quote in the corpus, in corpus order, then in text
// order (by start, the longer of two quotes starting together first).
func (c *Corpus) Quotes() []Quote { return slices.Clone(c.facts().quotes) }

// QuotesBy returns the quotes whose speaker is nameOrAlias: a person by
// canonical name or any alias (行癫 finds 张建锋's quotes), or a transcript
// label such as CSDN or 记者. Traditional characters match their simplified
// forms.
func (c *Corpus) QuotesBy(nameOrAlias string) []Quote {
	f := c.facts()
	key := newView(strings.TrimSpace(nameOrAlias)).s
	if key == "" {
		return nil
	}
	canon, isPerson := f.reg.canon[key]
	var out []Quote
	for _, q := range f.quotes {
		switch {
		case q.Speaker == "":
		case q.Leader:
			if isPerson && q.Speaker == canon {
				out = append(out, q)
			}
		case newView(q.Speaker).s == key:
			out = append(out, q)
		}
	}
	return out
}

// QuotesWith returns the quotes whose words contain word. Matching is on
// simplified, width-folded forms, so 雲計算 finds 云计算.
func (c *Corpus) QuotesWith(word string) []Quote {
	f := c.facts()
	w := newView(word).s
	if w == "" {
		return nil
	}
	var out []Quote
	for i, q := range f.quotes {
		if strings.Contains(f.quoteViews[i], w) {
			out = append(out, q)
		}
	}
	return out
}

// Word tables. Entries are simplified: matching happens on the view.
const (
	// quoteVerbs introduce or close words in quote marks.
	quoteVerbList = `说 说道 说过 讲 讲道 表示 认为 指出 透露 强调 坦言 直言 回忆 回忆说 回忆道 解释 解释说 解释道
		介绍 介绍说 称 声称 宣称 宣布 告诉 写道 写到 提到 谈到 谈及 问 问道 反问 追问 答 答道 回答 回应 回应称
		回应说 补充 补充说 补充道 感叹 感叹道 感慨 感慨道 笑称 笑言 笑道 笑说 坦承 承认 表态 呼吁 重申 总结
		总结说 总结道 举例说 形容 调侃 自嘲 直呼 惊呼 喊道 叹道 留言 发文 称赞 评价 评论 说出 道出`

	// reportVerbs introduce reported speech after a comma or colon
	// (王坚说，…); strongVerbs also without one (他认为技术才是根本).
	reportVerbList = `说 说道 表示 认为 指出 透露 强调 坦言 直言 回忆说 回忆道 解释说 解释道 介绍 介绍说 称 声称
		宣称 坦承 承认 补充 补充说 补充道 重申 举例说 总结说 笑称 感叹 感慨 回应 回应称 表态 直呼 告诉 看来`
	strongVerbList = `表示 认为 透露 指出 强调 坦言 直言 坦承 承认 声称 宣称 重申 笑称`

	// speechNouns name something said: 王坚的回答是：「…」, a sentence
	// after a quote saying 张建锋给出了…回答.
	speechNounList = `回答 答复 表态 回应 发言 讲话 演讲 原话 名言 一句话 这句话 那句话 这番话 那番话 这段话`

	// afterNouns follow 的 after words in marks that someone said:
	// 马云给出“我每年给阿里云投10个亿”的表态.
	afterNounList = `表态 回答 回应 答复 承诺 原话 名言 感慨 评价 发言 说法`

	// nameSuffixes after a closing mark show the marks name something:
	// “云钉一体”战略, “飞天”系统, 「两美」建设.
	nameSuffixList = `的 战略 系统 计划 项目 工程 行动 活动 品牌 产品 平台 模式 理念 概念 精神 时代 大会 会议
		论坛 峰会 奖 号 之 等 一词 二字 两字 几个字 几个大字 字样 标语 口号 主题 系列 方案 服务 业务 技术
		架构 芯片 政策 文化 体系 思想 理论 现象 称号 头衔 基地 园区 联盟 集群 事件 路线 之路 目标 使命 愿景
		价值观 一书 一文 栏目 节目 网站 公司 集团 团队 部门 建设 为主题 为使命 为题 为名 为口号 为目标`

	// labelNouns before a colon introduce a title, not speech:
	// 琢磨了一个标语：「…」, 题目写成：「…」.
	labelNounList = `标语 口号 题目 标题 主题 书名 名单 横幅 字样 名字 名称`

	// notSpeech are words ending or starting with a speech verb that do
	// not report speech: 小说, 据说, 对我来说, 说明.
	notSpeechList = `小说 传说 据说 听说 学说 不说 别说 虽说 来说 就是说 换句话说 比如说 说明 说服 说法 说话
		说不定 说实话 称为 称作 称号 称赞 名称 简称 号称 统称 俗称 堪称 称之为 表示出 指出来 问题 访问
		顾问 学问 问候 问世 疑问 答案 答应 答题 讲座 讲究 讲台 讲课 讲解`

	// quoteAdverbs may stand between a speaker and the speech verb:
	// 王坚一再说, 沈学良后来回忆说, 王坚博士表示.
	quoteAdverbList = `也 还 就 又 都 曾 曾经 已 已经 一再 再次 多次 反复 一直 始终 常 常常 经常 总是 后来 随后
		当时 此前 此后 同时 则 却 便 才 更 亦 均 仍 仍然 公开 明确 坦率地 直接 当场 当即 随即 立即 笑着 接着
		最后 首先 其次 还曾 也曾 这样 这么 如此 会 将 要 都要 不断 私下 对外 对此 为此 日前 近日 昨天 今天
		昨日 今日 早就 早已 早前 先后 亲自 本人 自己 博士 先生 女士 教授 院士 老师 总 更是 也是 就是 甚至
		不止一次 一度 有一次 特别 专门 当面 郑重 激动地 动情地 幽默地 不无感慨地 感慨地 赛后 赛前 会后 事后 席间`

	// quoteConnectives may open a clause before its subject: 多亏马云…,
	// 于是王坚….
	quoteConnectiveList = `而 但 但是 可 可是 不过 于是 因此 所以 后来 随后 此后 之后 当时 同时 此外 另外 其中 对此
		为此 然而 并 并且 而且 也 还 就 则 却 多亏 幸亏 正是 因为 由于 如果 虽然 直到 当 早在 事实上 其实
		显然 最后 首先 其次 另一方面 一方面 对于 关于 至于 随即 接着 紧接着 那时 那时候 这时 这时候 如今 目前`

	// personNouns make a later 他/她 ambiguous: someone not named could
	// be meant (我给负责客户服务的同事打了电话……他说：「是。」).
	personNounList = `同事 员工 记者 朋友 学生 对方 网友 官员 工作人员 工程师 老板 客服 嘉宾 父亲 母亲 妻子 丈夫
		儿子 女儿 有人 某人 此人 那人 一位 一名`

	// roleLabels are transcript labels for interviewers and anonymous
	// turns: they are speakers, not people.
	roleLabelList = `问 答 Q A 记者 主持人 主持 提问 提问者 观众 网友 听众 编者 主编`

	// metaLabels look like transcript labels but introduce parts of an
	// article.
	metaLabelList = `简介 摘要 导语 导读 注 备注 来源 编者按 作者 原标题 标题 事件回放 责任编辑 编辑 图 图片 链接
		时间 地点 关键词 标签 提示 说明 附 附录 参考 参考文献 声明 背景 前言 结语 结论 总结 案例 问题 答案
		第一 第二 第三 其一 其二 首先 其次 最后 比如 例如 特别提示 温馨提示 免责声明 本文 原文 出处 文章 资料
		日期 发布时间 更新 地址 电话 邮箱 网址 价格 主题 内容 方法 结果 目的 原因 答疑 解答 分析 点评 评论
		评语 现状 问题一 问题二 记者手记 延伸阅读 相关阅读 推荐阅读 阅读原文 Note Tips Source Update`
)

// quoteTables holds the word tables as sets, built once.
type quoteTables struct {
	verbs, report, strong, nouns, after, suffix, labelNouns, notSpeech *quoteWordSet
	adverbs, connectives, personNouns, roles, meta                     *quoteWordSet
	verbFirst, reportFirst, nounFirst                                  *quoteRuneSet
}

// A quoteRuneSet is a set of runes of the Basic Multilingual Plane, for
// tests in hot loops.
type quoteRuneSet [1 << 16 / 64]uint64

func (b *quoteRuneSet) has(r rune) bool {
	return r >= 0 && r < 1<<16 && b[r>>6]&(1<<(r&63)) != 0
}

// A quoteWordSet is a set of words with the length of the longest, in
// runes.
type quoteWordSet struct {
	set map[string]bool
	max int
}

func newQuoteWords(list string) *quoteWordSet {
	set, longest := wordSet(list)
	return &quoteWordSet{set: set, max: longest}
}

// prefix returns the longest word of t that s starts with.
func (t *quoteWordSet) prefix(s string) string { return prefixWord(s, t.set, t.max) }

// suffix returns the longest word of t that s ends with.
func (t *quoteWordSet) suffix(s string) string {
	best := ""
	i := len(s)
	for k := 0; k < t.max && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if t.set[s[i:]] {
			best = s[i:]
		}
	}
	return best
}

func quoteFirstRunes(t *quoteWordSet) *quoteRuneSet {
	b := new(quoteRuneSet)
	for w := range t.set {
		if r, _ := utf8.DecodeRuneInString(w); r < 1<<16 {
			b[r>>6] |= 1 << (r & 63)
		}
	}
	return b
}

var quoteWords = sync.OnceValue(func() *quoteTables {
	t := &quoteTables{
		verbs:       newQuoteWords(quoteVerbList),
		report:      newQuoteWords(reportVerbList),
		strong:      newQuoteWords(strongVerbList),
		nouns:       newQuoteWords(speechNounList),
		after:       newQuoteWords(afterNounList),
		suffix:      newQuoteWords(nameSuffixList),
		labelNouns:  newQuoteWords(labelNounList),
		notSpeech:   newQuoteWords(notSpeechList),
		adverbs:     newQuoteWords(quoteAdverbList),
		connectives: newQuoteWords(quoteConnectiveList),
		personNouns: newQuoteWords(personNounList),
		roles:       newQuoteWords(roleLabelList),
		meta:        newQuoteWords(metaLabelList),
	}
	t.verbFirst = quoteFirstRunes(t.verbs)
	t.reportFirst = quoteFirstRunes(t.report)
	t.nounFirst = quoteFirstRunes(t.nouns)
	return t
})

// Kinds of quote marks.
const (
	mkNone   = iota
	mkDouble // “ ”
	mkCorner // 「 」
	mkWhite  // 『 』
	mkSingle // ‘ ’
	mkASCII  // "
)

var (
	markOpeners = [...]string{"", "“", "「", "『", "‘", `"`}
	markClosers = [...]string{"", "”", "」", "』", "’", `"`}
)

// quoteMarkAt reports the quote mark at s[i]: its kind, whether it opens,
// and its length in bytes. An ASCII " is reported as opening; the caller
// decides from context.
func quoteMarkAt(s string, i int) (kind int, open bool, size int) {
	c := s[i]
	if c == '"' {
		return mkASCII, true, 1
	}
	if i+3 > len(s) || s[i+1] != 0x80 {
		return mkNone, false, 0
	}
	switch c {
	case 0xE2:
		switch s[i+2] {
		case 0x9C:
			return mkDouble, true, 3
		case 0x9D:
			return mkDouble, false, 3
		case 0x98:
			return mkSingle, true, 3
		case 0x99:
			return mkSingle, false, 3
		}
	case 0xE3:
		switch s[i+2] {
		case 0x8C:
			return mkCorner, true, 3
		case 0x8D:
			return mkCorner, false, 3
		case 0x8E:
			return mkWhite, true, 3
		case 0x8F:
			return mkWhite, false, 3
		}
	}
	return mkNone, false, 0
}

// A quoteMarkSpan is a top-level pair of quote marks in the view.
type quoteMarkSpan struct {
	open   int  // offset of the opening mark
	cs, ce int  // the words between the marks
	end    int  // offset after the closing mark (ce if unclosed)
	kind   int  // mkDouble…
	closed bool // false: the paragraph ended first
}

// A quoteTurn is a transcript turn in the view.
type quoteTurn struct {
	vs, ve int // the words, after the label
	who    quoteSpeaker
}

// A quoteSpeaker is an attribution.
type quoteSpeaker struct {
	name   string
	leader bool
	reason string
}

// A quoteSubject is what stands before a speech verb.
type quoteSubject struct {
	kind int
	name string // canonical name, for subjPerson
	pos  int    // view offset of the pronoun
}

const (
	subjNone    = iota // nothing that could speak: 数据显示, 用户表示
	subjEmpty          // the verb opens its clause: ，表示…
	subjPerson         // a mention
	subjPronoun        // 他, 她
	subjFirst          // 我
	subjSecond         // 你, 您
)

// A foundQuote is a quote with its view span.
type foundQuote struct {
	vs, ve int
	q      Quote
}

// A quoteScan extracts the quotes of one document.
type quoteScan struct {
	d      *Document
	t      *quoteTables
	s      string          // the view
	limit  int             // view offset where end matter (a reference list) starts
	all    []mention       // every mention, in text order
	ms     []mention       // mentions outside quote marks and book titles
	paras  []int           // paragraph starts
	marks  []quoteMarkSpan // closed top-level marks, in order
	titles [][2]int        // 《…》 spans
	turns  []quoteTurn
	direct [][2]int // spans of accepted marks, open to end
	out    []foundQuote
}

// maxQuoteParas bounds a quote running over several paragraphs; maxScan
// bounds the look-ahead for a closing mark, so that broken text cannot
// make the scan quadratic.
const (
	maxQuoteParas = 30
	maxScan       = 4096
	maxUnclosed   = 64
)

// extractQuotes finds the quotes of d. ms are d's person mentions in text
// order. It returns the quotes in text order and, for each, its words in
// the view.
func extractQuotes(d *Document, ms []mention) ([]Quote, []string) {
	if d.view == nil {
		return nil, nil
	}
	x := &quoteScan{d: d, t: quoteWords(), s: d.view.s, all: ms}
	x.limit = len(x.s)
	if d.notes > 0 && d.notes < len(d.Text) {
		x.limit = sort.Search(len(x.s), func(i int) bool { return d.view.orig(i) >= d.notes })
	}
	x.paras = append(x.paras, 0)
	for i := 0; i < len(x.s); {
		k := strings.IndexByte(x.s[i:], '\n')
		if k < 0 {
			break
		}
		i += k + 1
		x.paras = append(x.paras, i)
	}
	x.scanTitles()
	cands := x.scanMarks()
	for _, m := range cands {
		if m.closed {
			x.marks = append(x.marks, m)
		}
	}
	x.ms = make([]mention, 0, len(ms))
	for _, m := range ms {
		if !x.inMarks(m.vs) && !x.inTitle(m.vs) {
			x.ms = append(x.ms, m)
		}
	}
	x.dialogue()
	x.quoted(cands)
	x.handles()
	x.reported()
	sort.SliceStable(x.out, func(i, j int) bool {
		a, b := x.out[i], x.out[j]
		if a.q.Start != b.q.Start {
			return a.q.Start < b.q.Start
		}
		return a.q.End > b.q.End
	})
	quotes := make([]Quote, 0, len(x.out))
	views := make([]string, 0, len(x.out))
	for k, f := range x.out {
		if k > 0 && f.q == x.out[k-1].q {
			continue
		}
		quotes = append(quotes, f.q)
		views = append(views, x.s[f.vs:f.ve])
	}
	return quotes, views
}

// emit records a quote over the view span [vs, ve), trimmed of spaces.
func (x *quoteScan) emit(vs, ve int, style QuoteStyle, who quoteSpeaker) {
	s := x.s
	for vs < ve && (s[vs] == ' ' || s[vs] == '\t') {
		vs++
	}
	for ve > vs && (s[ve-1] == ' ' || s[ve-1] == '\t' || s[ve-1] == '\r') {
		ve--
	}
	if vs >= ve || vs >= x.limit {
		return
	}
	start, end := x.d.view.orig(vs), x.d.view.orig(ve)
	if start >= end || end > len(x.d.Text) {
		return
	}
	q := Quote{
		Speaker: who.name, Leader: who.leader, Reason: who.reason,
		Text: x.d.Text[start:end], Style: style, Doc: x.d.ID, Start: start, End: end,
	}
	if q.Speaker != "" {
		q.Reason = ""
	} else if q.Reason == "" {
		q.Reason = reasonNone
	}
	x.out = append(x.out, foundQuote{vs: vs, ve: ve, q: q})
}

// paraOf returns the index of the paragraph holding view offset i.
func (x *quoteScan) paraOf(i int) int {
	return sort.Search(len(x.paras), func(k int) bool { return x.paras[k] > i }) - 1
}

// paraEnd returns the end of paragraph k (its line break or len(s)).
func (x *quoteScan) paraEnd(k int) int {
	if k+1 < len(x.paras) {
		return x.paras[k+1] - 1
	}
	return len(x.s)
}

// lineEnd returns the offset of the line break at or after i, or len(s).
func (x *quoteScan) lineEnd(i int) int {
	if k := strings.IndexByte(x.s[i:], '\n'); k >= 0 {
		return i + k
	}
	return len(x.s)
}

// inQuoteSpans reports whether p lies inside one of spans (sorted, disjoint),
// strictly after its start.
func inQuoteSpans(spans [][2]int, p int) bool {
	k := sort.Search(len(spans), func(k int) bool { return spans[k][0] >= p }) - 1
	return k >= 0 && p < spans[k][1]
}

// inMarks reports whether p lies between a pair of closed quote marks.
func (x *quoteScan) inMarks(p int) bool {
	k := sort.Search(len(x.marks), func(k int) bool { return x.marks[k].open >= p }) - 1
	return k >= 0 && p < x.marks[k].end
}

func (x *quoteScan) inTitle(p int) bool { return inQuoteSpans(x.titles, p) }

// scanTitles records 《…》 spans within paragraphs.
func (x *quoteScan) scanTitles() {
	s := x.s
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], "《")
		if k < 0 {
			return
		}
		o := i + k
		pe := x.lineEnd(o)
		c := strings.Index(s[o:pe], "》")
		if c < 0 {
			i = o + len("《")
			continue
		}
		x.titles = append(x.titles, [2]int{o, o + c + len("》")})
		i = o + c + len("》")
	}
}

// scanMarks finds the top-level quote marks: closed pairs, and openers
// whose paragraph ends first (which become quotes only with a strong
// introduction).
func (x *quoteScan) scanMarks() []quoteMarkSpan {
	s := x.s
	var out []quoteMarkSpan
	unclosed, unclosedPara := 0, -1
	for i := 0; i < x.limit; {
		c := s[i]
		if c != '"' && c != 0xE2 && c != 0xE3 {
			i++
			continue
		}
		kind, open, size := quoteMarkAt(s, i)
		if kind == mkNone || !open {
			i += max(size, 1)
			continue
		}
		m := x.matchMark(i, kind, size)
		out = append(out, m)
		if m.closed {
			i = m.end
			continue
		}
		// Unclosed: look for other pairs after the opener, a bounded
		// number of times per paragraph.
		if p := x.paraOf(i); p != unclosedPara {
			unclosedPara, unclosed = p, 0
		}
		unclosed++
		if unclosed > maxUnclosed {
			i = m.end
			continue
		}
		i += size
	}
	return out
}

// matchMark finds the closing mark for the opener of kind at o.
func (x *quoteScan) matchMark(o, kind, size int) quoteMarkSpan {
	s := x.s
	var stack [16]int
	depth := 1
	stack[0] = kind
	j := o + size
	pe := x.lineEnd(j)
	m := quoteMarkSpan{open: o, cs: j, kind: kind}
	paras := 0
	// closerAhead reports whether a closing mark of kind k follows
	// within the paragraph.
	closerAhead := func(from, k int) bool {
		return strings.Contains(s[from:min(pe, from+maxScan)], markClosers[k])
	}
	for j < len(s) {
		c := s[j]
		if c == '\n' {
			// A quote over several paragraphs opens each of them again.
			if depth == 1 && kind != mkASCII && paras < maxQuoteParas {
				k := j + 1
				for k < len(s) && s[k] == ' ' {
					k++
				}
				if strings.HasPrefix(s[k:], markOpeners[kind]) {
					j = k + len(markOpeners[kind])
					pe = x.lineEnd(j)
					paras++
					continue
				}
			}
			break
		}
		if j-o > maxScan*maxQuoteParas {
			break
		}
		if c != '"' && c != 0xE2 && c != 0xE3 {
			j++
			continue
		}
		k, open, sz := quoteMarkAt(s, j)
		if k == mkNone {
			j++
			continue
		}
		top := stack[depth-1]
		if k == mkASCII {
			open = top != mkASCII
		}
		// “…“: a converter wrote the opening mark for the closing one.
		if open && k == top && k == mkDouble && !closerAhead(j+sz, k) {
			open = false
		}
		if open {
			if depth < len(stack) {
				stack[depth] = k
				depth++
			}
			j += sz
			continue
		}
		switch {
		case k == top:
			depth--
		case depth == 1:
			// A mismatched pair (“…」) closes only when the right
			// closing mark does not follow; ’ is also an apostrophe.
			if k == mkSingle || closerAhead(j+sz, top) {
				j += sz
				continue
			}
			depth = 0
		default:
			d := depth - 1
			for d >= 0 && stack[d] != k {
				d--
			}
			if d < 0 {
				j += sz
				continue
			}
			depth = d
		}
		if depth == 0 {
			m.ce, m.end, m.closed = j, j+sz, true
			return m
		}
		j += sz
	}
	m.ce, m.end = j, j
	return m
}

// isQuoteBreak reports runes that end a clause.
func isQuoteBreak(r rune) bool {
	switch r {
	case '\n', ',', ';', ':', '。', '!', '?', '…', '、':
		return true
	}
	return false
}

// quoteFullStop reports runes that end a sentence.
func quoteFullStop(r rune) bool {
	switch r {
	case '。', '!', '?', '…':
		return true
	}
	return false
}

// speechLike reports whether quoted words read as speech rather than a
// name: they hold sentence punctuation.
func speechLike(w string) bool {
	for _, r := range w {
		switch r {
		case ',', ';', ':', '。', '!', '?', '…':
			return true
		}
	}
	return false
}

// isPronounAt reports whether a third-person singular pronoun (他, 她)
// starts at i: not 他们, 其他, 他人.
func (x *quoteScan) isPronounAt(i int) bool {
	s := x.s
	if !strings.HasPrefix(s[i:], "他") && !strings.HasPrefix(s[i:], "她") {
		return false
	}
	if n, _ := utf8.DecodeRuneInString(s[i+3:]); n == '们' || n == '人' || n == '乡' || n == '国' || n == '者' {
		return false
	}
	if p, _ := utf8.DecodeLastRuneInString(s[:i]); p == '其' || p == '吉' || p == '利' || p == '无' {
		return false
	}
	return true
}

// subjectAt returns the speaker-like word starting at i: a mention, 他,
// 她, 我, 你 or 您.
func (x *quoteScan) subjectAt(i int) (quoteSubject, int, bool) {
	s := x.s
	if k, ok := slices.BinarySearchFunc(x.ms, i, func(m mention, p int) int { return m.vs - p }); ok {
		return quoteSubject{kind: subjPerson, name: x.ms[k].name}, x.ms[k].ve, true
	}
	if x.isPronounAt(i) {
		return quoteSubject{kind: subjPronoun, pos: i}, i + 3, true
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	n, _ := utf8.DecodeRuneInString(s[i+size:])
	switch {
	case r == '我' && n != '们':
		return quoteSubject{kind: subjFirst, pos: i}, i + size, true
	case (r == '你' || r == '您') && n != '们':
		return quoteSubject{kind: subjSecond, pos: i}, i + size, true
	}
	return quoteSubject{}, 0, false
}

// subjectEndingAt returns the speaker-like word ending at i, and where
// it starts.
func (x *quoteScan) subjectEndingAt(lo, i int) (quoteSubject, int, bool) {
	if k, ok := slices.BinarySearchFunc(x.ms, i, func(m mention, p int) int { return m.ve - p }); ok && x.ms[k].vs >= lo {
		return quoteSubject{kind: subjPerson, name: x.ms[k].name}, x.ms[k].vs, true
	}
	if i-lo < 3 {
		return quoteSubject{}, 0, false
	}
	_, size := utf8.DecodeLastRuneInString(x.s[lo:i])
	if w, _, ok := x.subjectAt(i - size); ok && w.kind != subjPerson {
		return w, i - size, true
	}
	return quoteSubject{}, 0, false
}

// subjectBefore finds who performs the speech verb or noun at v, looking
// back no further than lo: a subject right before it, across adverbs
// (一再), time and place phrases (在采访中, 接受媒体采访时), a listener
// (对省长, 和我) and, for a noun, 的 (王坚的回答). A subject after 被 is
// not the speaker.
func (x *quoteScan) subjectBefore(lo, v int, noun bool) quoteSubject {
	s, t := x.s, x.t
	i := v
	for range 12 {
		for i > lo && s[i-1] == ' ' {
			i--
		}
		if i <= lo {
			return quoteSubject{kind: subjEmpty}
		}
		r, size := utf8.DecodeLastRuneInString(s[lo:i])
		if isQuoteBreak(r) || r == '(' || r == ')' {
			return quoteSubject{kind: subjEmpty}
		}
		if x.closingMarkBefore(i) {
			return quoteSubject{kind: subjEmpty}
		}
		if noun && r == '的' {
			i -= size
			noun = false
			continue
		}
		if w, start, ok := x.subjectEndingAt(lo, i); ok {
			p, psize := utf8.DecodeLastRuneInString(s[lo:start])
			switch {
			case strings.ContainsRune("对向跟和给与同", p) && start-psize > lo:
				i = start - psize // a listener: 对叶凯说, 叶凯和我说
				continue
			case p == '被' || p == '把' || p == '让' || p == '令' || p == '使':
				return quoteSubject{kind: subjNone}
			}
			return w
		}
		if w := t.adverbs.suffix(s[lo:i]); w != "" {
			i -= len(w)
			continue
		}
		if w := t.connectives.suffix(s[lo:i]); w != "" {
			i -= len(w)
			continue
		}
		if j, ok := x.phraseStart(lo, i); ok {
			i = j
			continue
		}
		if j, ok := x.listenerStart(lo, i); ok {
			i = j
			continue
		}
		break
	}
	if w, ok := x.clauseSubject(lo, v); ok {
		return w
	}
	return quoteSubject{kind: subjNone}
}

// closingMarkBefore reports whether a closing quote mark (” 」 』 ’)
// ends at i.
func (x *quoteScan) closingMarkBefore(i int) bool {
	if i >= 3 {
		if k, open, _ := quoteMarkAt(x.s, i-3); k != mkNone && !open {
			return true
		}
	}
	return false
}

// phraseStart strips a time or place phrase ending at i: 在访谈中,
// 接受媒体采访时, 在大会上.
func (x *quoteScan) phraseStart(lo, i int) (int, bool) {
	s := x.s[lo:i]
	end := false
	for _, w := range []string{"中", "上", "时", "里", "期间", "之际", "时候", "后", "前", "现场"} {
		if strings.HasSuffix(s, w) {
			end = true
			break
		}
	}
	if !end {
		return 0, false
	}
	// Look back up to 20 runes, within the clause, for the phrase's
	// opening word.
	j := len(s)
	for n := 0; n < 20 && j > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if isQuoteBreak(r) {
			return 0, false
		}
		j -= size
		for _, w := range []string{"在", "于", "接受", "当", "面对"} {
			if strings.HasPrefix(s[j:], w) && j > 0 {
				return lo + j, true
			}
		}
	}
	return 0, false
}

// listenerStart strips a listener phrase ending at i: 对省长, 向记者,
// 对同事们. Of the prepositions within reach, the nearest one with a
// speaker before it wins, else the farthest.
func (x *quoteScan) listenerStart(lo, i int) (int, bool) {
	s := x.s[lo:i]
	j, far := len(s), -1
	for n := 0; n < 8 && j > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if isQuoteBreak(r) {
			break
		}
		j -= size
		if strings.ContainsRune("对向跟给和与同", r) && j > 0 && n > 0 {
			a := lo + j
			for {
				w := x.t.adverbs.suffix(x.s[lo:a])
				if w == "" {
					break
				}
				a -= len(w)
			}
			if _, _, ok := x.subjectEndingAt(lo, a); ok {
				return lo + j, true
			}
			far = lo + j
		}
	}
	return far, far >= 0
}

// clauseSubject returns a person, pronoun or 我 opening the clause that
// ends at v when an adverb or a phrase follows it (我在……一文最后总结说,
// 王坚一直认为), but not a possessor (王坚的同事说).
func (x *quoteScan) clauseSubject(lo, v int) (quoteSubject, bool) {
	s := x.s
	a := lo
	for i := v; i > lo; {
		r, size := utf8.DecodeLastRuneInString(s[lo:i])
		if isQuoteBreak(r) {
			a = i
			break
		}
		i -= size
	}
	a = x.skipConnectives(a, v)
	if a >= v || x.inMarks(a) {
		return quoteSubject{}, false
	}
	w, e, ok := x.subjectAt(a)
	if !ok || e >= v {
		return quoteSubject{}, false
	}
	rest := s[e:v]
	if x.t.adverbs.prefix(rest) != "" {
		return w, true
	}
	for _, p := range []string{"在", "于", "接受", "对", "向", "跟", "给"} {
		if strings.HasPrefix(rest, p) {
			return w, true
		}
	}
	return quoteSubject{}, false
}

// skipConnectives skips spaces and clause-opening words from i.
func (x *quoteScan) skipConnectives(i, end int) int {
	for i < end {
		for i < end && x.s[i] == ' ' {
			i++
		}
		w := x.t.connectives.prefix(x.s[i:end])
		if w == "" {
			return i
		}
		i += len(w)
	}
	return i
}

// sentenceSubject returns the subject of the clauses in [a, v): a person,
// pronoun or 我 opening a clause (after words such as 于是, 多亏), or a
// person named with a title (高级副总裁乌尔斯·霍尔泽).
func (x *quoteScan) sentenceSubject(a, v int) (quoteSubject, bool) {
	s, t := x.s, tables()
	for i := a; i < v; {
		j := x.skipConnectives(i, v)
		ce := v
		for k := j; k < v; {
			r, size := utf8.DecodeRuneInString(s[k:])
			if isQuoteBreak(r) {
				ce = k
				break
			}
			k += size
		}
		if j < ce && !x.inMarks(j) && !x.inTitle(j) {
			if w, _, ok := x.subjectAt(j); ok && w.kind != subjSecond {
				return w, true
			}
		}
		k := sort.Search(len(x.ms), func(k int) bool { return x.ms[k].vs >= j })
		for ; k < len(x.ms) && x.ms[k].vs < ce; k++ {
			if titleBefore(strings.TrimRight(s[j:x.ms[k].vs], " "), t) {
				return quoteSubject{kind: subjPerson, name: x.ms[k].name}, true
			}
		}
		if ce >= v {
			break
		}
		_, size := utf8.DecodeRuneInString(s[ce:])
		i = ce + size
	}
	return quoteSubject{}, false
}

// resolve turns a subject into a speaker.
func (x *quoteScan) resolve(w quoteSubject) quoteSpeaker {
	switch w.kind {
	case subjPerson:
		return quoteSpeaker{name: w.name, leader: true}
	case subjPronoun:
		if name, ok := x.antecedent(w.pos); ok {
			return quoteSpeaker{name: name, leader: true}
		}
		return quoteSpeaker{reason: reasonPron}
	case subjFirst:
		if t, ok := x.turnAt(w.pos); ok {
			return t.who
		}
		return quoteSpeaker{reason: reasonFirst}
	case subjSecond:
		return quoteSpeaker{reason: reasonSecond}
	}
	return quoteSpeaker{reason: reasonNone}
}

// antecedent resolves a pronoun at p with antecedent, refusing when a
// person who is not named (同事, 记者) appears in the sentence before or
// before p in its own.
func (x *quoteScan) antecedent(p int) (string, bool) {
	name, ok := antecedent(x.s, x.ms, p)
	if !ok {
		return "", false
	}
	a := sentenceStart(x.s, p)
	if a > 0 {
		_, size := utf8.DecodeLastRuneInString(x.s[:a])
		if x.s[a-size] != '\n' {
			a = sentenceStart(x.s, a-size)
		}
	}
	for i := a; i < p; {
		if w := x.t.personNouns.prefix(x.s[i:p]); w != "" && !x.inMarks(i) {
			return "", false
		}
		_, size := utf8.DecodeRuneInString(x.s[i:])
		i += size
	}
	return name, true
}

// zeroSubject resolves a speech verb without a subject (…，表示：) to
// the subject of its sentence, or to the one person of the sentence before.
func (x *quoteScan) zeroSubject(a, v int) quoteSubject {
	if w, ok := x.sentenceSubject(a, v); ok {
		return w
	}
	if name, ok := x.antecedent(v); ok {
		return quoteSubject{kind: subjPerson, name: name}
	}
	return quoteSubject{kind: subjNone}
}

// turnAt returns the transcript turn holding p.
func (x *quoteScan) turnAt(p int) (quoteTurn, bool) {
	k := sort.Search(len(x.turns), func(k int) bool { return x.turns[k].vs > p }) - 1
	if k >= 0 && p < x.turns[k].ve {
		return x.turns[k], true
	}
	return quoteTurn{}, false
}

// isSpeechAt reports whether the word w found at i is speech: not after
// 被 and not part of a word such as 小说 or 说明.
func (x *quoteScan) isSpeechAt(i int, w string) bool {
	s := x.s
	if p, _ := utf8.DecodeLastRuneInString(s[:i]); p == '被' {
		return false
	}
	lo := i
	for k := 0; k < 3 && lo > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:lo])
		lo -= size
	}
	end := min(len(s), i+len(w)+9)
	for a := lo; a <= i; {
		if n := x.t.notSpeech.prefix(s[a:end]); n != "" && a+len(n) > i {
			return false
		}
		_, size := utf8.DecodeRuneInString(s[a:])
		a += size
	}
	return true
}

// A label is the speaker label of a transcript paragraph.
type quoteLabel struct {
	ls, le int // the label, trimmed
	words  int // start of the words after the colon
	kind   int // labelPerson, labelRole, labelOther
	name   string
}

const (
	labelNone = iota
	labelPerson
	labelRole
	labelOther
)

// labelAt returns the transcript label opening paragraph k, if any: at
// most eight runes (or three Latin words) without punctuation, and with
// digits only inside a name (36氪), then a colon.
func (x *quoteScan) labelAt(k int) (quoteLabel, bool) {
	s := x.s
	ps, pe := x.paras[k], x.paraEnd(k)
	if ps >= x.limit {
		return quoteLabel{}, false
	}
	latin := true
	n := 0
	for i := ps; i < pe && n <= 20; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == ':' {
			ls, le := ps, i
			for ls < le && s[ls] == ' ' {
				ls++
			}
			for le > ls && s[le-1] == ' ' {
				le--
			}
			runes := utf8.RuneCountInString(s[ls:le])
			if runes == 0 || runes > 8 && !(latin && len(strings.Fields(s[ls:le])) <= 3) {
				return quoteLabel{}, false
			}
			w := i + 1
			for w < pe && s[w] == ' ' {
				w++
			}
			if w >= pe {
				return quoteLabel{}, false
			}
			if !labelDigitsOK(s[ls:le]) {
				return quoteLabel{}, false
			}
			l := quoteLabel{ls: ls, le: le, words: w}
			if km, ok := slices.BinarySearchFunc(x.all, le, func(m mention, p int) int { return m.ve - p }); ok && x.all[km].vs >= ls {
				l.kind, l.name = labelPerson, x.all[km].name
				return l, true
			}
			label := s[ls:le]
			switch {
			case x.t.roles.set[label] || strings.HasSuffix(label, "记者") || strings.HasSuffix(label, "主持人"):
				l.kind = labelRole
			case x.t.meta.set[label]:
				return quoteLabel{}, false
			default:
				l.kind = labelOther
			}
			return l, true
		}
		if !unicode.IsLetter(r) && !isLabelDigit(r) && r != ' ' && r != '·' && r != '•' && r != '-' && r != '_' && r != '&' {
			return quoteLabel{}, false
		}
		if r >= utf8.RuneSelf {
			latin = false
		}
		i += size
		n++
	}
	return quoteLabel{}, false
}

func isLabelDigit(r rune) bool { return r >= '0' && r <= '9' }

// labelDigitsOK reports whether the digits of a label belong to a name
// (36氪, 51CTO), not to a time or date (11:04, 5月6日 10:30).
func labelDigitsOK(label string) bool {
	if !strings.ContainsAny(label, "0123456789") {
		return true
	}
	if strings.ContainsAny(label, " 年月日时点号") {
		return false
	}
	return strings.IndexFunc(label, func(r rune) bool { return !isLabelDigit(r) }) >= 0
}

// isHeading reports whether paragraph k reads as a heading: short, with
// no sentence punctuation.
func (x *quoteScan) isHeading(k int) bool {
	p := x.s[x.paras[k]:x.paraEnd(k)]
	if strings.TrimSpace(p) == "" {
		return true
	}
	n := 0
	for _, r := range p {
		n++
		if n > 20 || r == ',' || r == ';' || r == ':' || quoteFullStop(r) {
			return false
		}
	}
	return true
}

// personal reports whether paragraph k speaks in the first or second
// person outside quote marks and titles (not 自我).
func (x *quoteScan) personal(k int) bool {
	for i, e := x.paras[k], x.paraEnd(k); i < e; {
		j := strings.IndexAny(x.s[i:e], "我你您咱")
		if j < 0 {
			return false
		}
		p := i + j
		if !x.inMarks(p) && !x.inTitle(p) && !strings.HasSuffix(x.s[:p], "自") {
			return true
		}
		i += j + 3
	}
	return false
}

// dialogue finds transcript turns. A label is a person, a role (问, 记者)
// or another word that labels at least two paragraphs of a document that
// also has other labels (极客时间, CSDN). A labelled line between a
// heading and an unlabelled paragraph is a subtitle (王坚：我将成为最大的
// 客户经理), not a turn. A turn runs over the following paragraphs until
// a label or heading, as long as a later label shows the transcript goes
// on or the paragraph speaks in the first or second person.
func (x *quoteScan) dialogue() {
	n := len(x.paras)
	labels := make([]quoteLabel, n)
	count := map[string]int{}
	kinds := 0
	for k := range n {
		if l, ok := x.labelAt(k); ok {
			labels[k] = l
			if l.kind == labelOther {
				count[x.s[l.ls:l.le]]++
			} else {
				kinds++
			}
		}
	}
	others := 0
	for _, c := range count {
		if c >= 2 {
			others++
		}
	}
	for k := range labels {
		l := &labels[k]
		if l.kind == labelOther && (count[x.s[l.ls:l.le]] < 2 || kinds == 0 && others < 2) {
			l.kind = labelNone
		}
	}
	labelled := func(k int) bool { return k >= 0 && k < n && labels[k].kind != labelNone }
	headings := make([]bool, n)
	for k := range n {
		headings[k] = x.isHeading(k)
	}
	heading := func(k int) bool { return headings[k] }
	// A subtitle: heading (or nothing) before, no label after, one short
	// sentence.
	subtitle := make([]bool, n)
	for k := range n {
		if !labelled(k) || labelled(k+1) || k > 0 && !heading(k-1) {
			continue
		}
		if k+1 < n && !heading(k+1) && x.personal(k+1) {
			continue // the answer goes on
		}
		words := x.s[labels[k].words:x.paraEnd(k)]
		ends := 0
		for _, r := range strings.TrimRight(words, "。!?… ") {
			if quoteFullStop(r) {
				ends++
			}
		}
		if ends == 0 && utf8.RuneCountInString(words) <= 40 {
			subtitle[k] = true
		}
	}
	// nextLabel[k]: a turn label follows paragraph k before any heading.
	nextLabel := make([]bool, n+1)
	for k := n - 1; k >= 0; k-- {
		switch {
		case labelled(k) && !subtitle[k]:
			nextLabel[k] = true
		case heading(k) || subtitle[k]:
			nextLabel[k] = false
		default:
			nextLabel[k] = nextLabel[k+1]
		}
	}
	for k := 0; k < n; k++ {
		l := labels[k]
		if l.kind == labelNone || subtitle[k] {
			continue
		}
		last := k
		for j := k + 1; j < n; j++ {
			if labelled(j) || subtitle[j] || heading(j) || x.paras[j] >= x.limit {
				break
			}
			if !nextLabel[j] && !x.personal(j) {
				break
			}
			last = j
		}
		who := quoteSpeaker{name: l.name, leader: true}
		if l.kind != labelPerson {
			a, b := x.d.view.span(l.ls, l.le)
			who = quoteSpeaker{name: x.d.Text[a:b]}
			// In an interview headed 对话X or 专访X, the answers are X's.
			if lab := x.s[l.ls:l.le]; (lab == "答" || lab == "A") && x.interviewee() != "" {
				who = quoteSpeaker{name: x.interviewee(), leader: true}
			}
		}
		ve := min(x.paraEnd(last), x.limit)
		x.turns = append(x.turns, quoteTurn{vs: l.words, ve: ve, who: who})
		x.emit(l.words, ve, QuoteDialogue, who)
		k = last
	}
}

// interviewee returns the person an interview is with, when its first two
// paragraphs say so: 对话蚂蚁集团CTO程立, 对…程立的专访, 专访雷军.
func (x *quoteScan) interviewee() string {
	end := len(x.s)
	if len(x.paras) > 2 {
		end = x.paras[2]
	}
	for _, m := range x.all {
		if m.vs >= end {
			break
		}
		before := x.s[max(0, m.vs-36):m.vs]
		after := x.s[m.ve:min(len(x.s), m.ve+24)]
		for _, w := range []string{"对话", "专访", "访谈", "采访", "独家对话"} {
			if strings.Contains(before, w) || strings.HasPrefix(after, "专访") || strings.HasPrefix(after, "的专访") || strings.HasPrefix(after, "访谈") {
				return m.name
			}
		}
	}
	return ""
}

// quoted decides which quote marks hold quotes and who speaks them.
func (x *quoteScan) quoted(cands []quoteMarkSpan) {
	s := x.s
	prevEnd := 0
	for _, m := range cands {
		if m.open < prevEnd || x.inTitle(m.open) {
			continue
		}
		para := x.paraOf(m.open)
		ps := x.paras[para]
		// The introduction: from the sentence start (or the previous
		// marks in the paragraph) to the opening mark.
		lo := max(sentenceStart(s, m.open), ps)
		if k := sort.Search(len(x.marks), func(k int) bool { return x.marks[k].open >= m.open }) - 1; k >= 0 && x.marks[k].end > lo && x.marks[k].end <= m.open {
			lo = x.marks[k].end
		}
		b := m.open
		for b > lo && s[b-1] == ' ' {
			b--
		}
		intro := s[lo:b]
		last, _ := utf8.DecodeLastRuneInString(intro)
		colon, comma := last == ':', last == ','
		core := strings.TrimRight(strings.TrimRight(intro, ":,"), " ")
		verb := x.t.verbs.suffix(core)
		vpos := lo + len(core) - len(verb)
		if verb != "" && !x.isSpeechAt(vpos, verb) {
			verb = ""
		}
		words := strings.TrimSpace(s[m.cs:m.ce])
		if words == "" {
			continue
		}
		sl := speechLike(words)
		ae := x.lineEnd(m.end)
		after := strings.TrimLeft(s[m.end:ae], " ")
		afterNoun := strings.HasPrefix(after, "的") && x.t.after.prefix(after[len("的"):]) != ""
		nameAfter := !afterNoun && x.t.suffix.prefix(after) != ""

		if !m.closed && !colon && verb == "" {
			continue
		}
		var who quoteSpeaker
		switch {
		case colon:
			if x.t.labelNouns.suffix(core) != "" || x.hasLabelNoun(lo, b) {
				continue
			}
			if verb == "" && !sl {
				continue
			}
			who = x.introSpeaker(lo, b, vpos, verb)
		case verb != "":
			if nameAfter || !sl && !comma && utf8.RuneCountInString(words) < 6 {
				continue
			}
			who = x.introSpeaker(lo, b, vpos, verb)
		case afterNoun && sl:
			w, ok := x.sentenceSubject(lo, b)
			if !ok {
				w = quoteSubject{kind: subjNone}
			}
			who = x.resolve(w)
		case nameAfter:
			continue
		default:
			var ok bool
			who, ok = x.speakerAfter(m, sl)
			if !ok {
				if !sl || !x.standalone(m, ps, words, after) {
					continue
				}
				who = x.neighbourSpeaker(m, ps)
			}
		}
		ce := min(m.ce, x.limit) // unclosed: to where its last paragraph ends
		x.emit(m.cs, ce, QuoteDirect, who)
		x.direct = append(x.direct, [2]int{m.open, max(m.end, ce)})
		prevEnd = max(m.end, ce)
	}
}

// hasLabelNoun reports whether the clause before a colon names a title
// (题目写成：, 一个 16 字的标语：).
func (x *quoteScan) hasLabelNoun(lo, b int) bool {
	s := x.s
	for i := b; i > lo; {
		r, size := utf8.DecodeLastRuneInString(s[lo:i])
		if r == ',' || quoteFullStop(r) {
			break
		}
		i -= size
		if x.t.labelNouns.prefix(s[i:b]) != "" {
			return true
		}
	}
	return false
}

// introSpeaker attributes words introduced by s[lo:b]. verb, if not
// empty, is the speech verb at vpos right before them; otherwise the last
// speech verb or noun of the introduction counts, and with none, the
// subject of the sentence.
func (x *quoteScan) introSpeaker(lo, b, vpos int, verb string) quoteSpeaker {
	noun := false
	if verb == "" {
		vpos, noun = x.lastSpeech(lo, b)
		if vpos < 0 {
			if w, ok := x.sentenceSubject(lo, b); ok {
				return x.resolve(w)
			}
			return quoteSpeaker{reason: reasonNone}
		}
	}
	w := x.subjectBefore(lo, vpos, noun)
	if w.kind == subjEmpty || noun && w.kind == subjNone {
		w = x.zeroSubject(lo, vpos)
	}
	return x.resolve(w)
}

// lastSpeech returns the offset of the last speech verb or noun in
// s[lo:b] outside marks and titles, and whether it is a noun; -1 if none.
func (x *quoteScan) lastSpeech(lo, b int) (int, bool) {
	s, t := x.s, x.t
	best, noun := -1, false
	for i := lo; i < b; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if t.verbFirst.has(r) || t.nounFirst.has(r) {
			if x.inMarks(i) || x.inTitle(i) {
				i += size
				continue
			}
			if w := t.nouns.prefix(s[i:b]); w != "" && x.isSpeechAt(i, w) {
				best, noun = i, true
				i += len(w)
				continue
			}
			if w := t.verbs.prefix(s[i:b]); w != "" && x.isSpeechAt(i, w) {
				best, noun = i, false
				i += len(w)
				continue
			}
		}
		i += size
	}
	return best, noun
}

// speakerAfter attributes words followed, in the same clause, by a
// speech verb: “……”张建锋说。, “……，”沈学良后来回忆说，.
func (x *quoteScan) speakerAfter(m quoteMarkSpan, sl bool) (quoteSpeaker, bool) {
	s, t := x.s, x.t
	a := m.end
	for a < len(s) && s[a] == ' ' {
		a++
	}
	comma := a < len(s) && s[a] == ','
	if comma {
		a++
	}
	if !sl && !comma {
		return quoteSpeaker{}, false
	}
	for i, n := a, 0; i < x.limit && n < 30; n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isQuoteBreak(r) {
			break
		}
		if k, open, _ := quoteMarkAt(s, i); k != mkNone && open {
			break
		}
		if t.verbFirst.has(r) {
			if w := t.verbs.prefix(s[i:]); w != "" && x.isSpeechAt(i, w) {
				sub := x.subjectBefore(a, i, false)
				if !sl {
					// “好”，他说。: the verb closes the clause and
					// names a speaker.
					n, _ := utf8.DecodeRuneInString(s[i+len(w):])
					if !isQuoteBreak(n) || sub.kind == subjNone || sub.kind == subjEmpty {
						return quoteSpeaker{}, false
					}
				}
				return x.resolve(sub), true
			}
		}
		i += size
	}
	return quoteSpeaker{}, false
}

// standalone reports whether marks hold a sentence of their own: they
// open a sentence and end one.
func (x *quoteScan) standalone(m quoteMarkSpan, ps int, words, after string) bool {
	s := x.s
	b := m.open
	for b > ps && s[b-1] == ' ' {
		b--
	}
	if b > ps {
		r, size := utf8.DecodeLastRuneInString(s[:b])
		if x.closingMarkBefore(b) {
			r, _ = utf8.DecodeLastRuneInString(s[:b-size])
		}
		if !quoteFullStop(r) {
			return false
		}
	}
	if r, _ := utf8.DecodeLastRuneInString(words); quoteFullStop(r) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(after)
	return after == "" || quoteFullStop(r)
}

// neighbourSpeaker attributes a quoted sentence from the sentence after
// it (“规模。”\n当被问到……，张建锋给出了……回答。) or, failing that, the
// sentence before it in its paragraph, when that sentence has a speaker
// with a speech verb or noun.
func (x *quoteScan) neighbourSpeaker(m quoteMarkSpan, ps int) quoteSpeaker {
	s := x.s
	a := m.end
	for a < len(s) {
		r, size := utf8.DecodeRuneInString(s[a:])
		if r != ' ' && !quoteFullStop(r) {
			break
		}
		a += size
	}
	if a < len(s) && s[a] == '\n' && m.open == ps {
		a++
	}
	if a < x.limit && s[a] != '\n' {
		if w, ok := x.speakerIn(a, sentenceEnd(s, a)); ok {
			return x.resolve(w)
		}
	}
	if m.open > ps {
		_, size := utf8.DecodeLastRuneInString(s[:m.open])
		if a := max(sentenceStart(s, m.open-size), ps); a < m.open {
			if w, ok := x.speakerIn(a, m.open); ok {
				return x.resolve(w)
			}
		}
	}
	return quoteSpeaker{reason: reasonNone}
}

// speakerIn finds a speaker in the sentence s[a:b]: the subject of a
// speech verb or noun outside quote marks.
func (x *quoteScan) speakerIn(a, b int) (quoteSubject, bool) {
	s, t := x.s, x.t
	for i := a; i < b; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (t.verbFirst.has(r) || t.nounFirst.has(r)) && !x.inMarks(i) && !x.inTitle(i) {
			w, noun := t.nouns.prefix(s[i:b]), true
			if w == "" {
				w, noun = t.verbs.prefix(s[i:b]), false
			}
			if w != "" && x.isSpeechAt(i, w) {
				sub := x.subjectBefore(a, i, noun)
				switch sub.kind {
				case subjPerson, subjPronoun, subjFirst:
					return sub, true
				}
				if sub, ok := x.sentenceSubject(a, i); ok {
					return sub, true
				}
				i += len(w)
				continue
			}
		}
		i += size
	}
	return quoteSubject{}, false
}

// handles finds posts quoted after a social-media handle: @叶凯 Kevin：….
func (x *quoteScan) handles() {
	s := x.s
	for i := 0; i < x.limit; {
		k := strings.IndexByte(s[i:x.limit], '@')
		if k < 0 {
			return
		}
		at := i + k
		i = at + 1
		km, ok := slices.BinarySearchFunc(x.all, at+1, func(m mention, p int) int { return m.vs - p })
		if !ok {
			continue
		}
		j := x.all[km].ve
		if j+1 < len(s) && s[j] == ' ' && isASCIILetter(s[j+1]) {
			j++
			for j < len(s) && (isASCIILetter(s[j]) || s[j] == '_') {
				j++
			}
		}
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j >= len(s) || s[j] != ':' || inQuoteSpans(x.direct, at) {
			continue
		}
		x.emit(j+1, min(x.lineEnd(j), x.limit), QuoteDirect, quoteSpeaker{name: x.all[km].name, leader: true})
	}
}

// reported finds speech without quote marks: a person, pronoun or 我,
// a speech verb, and a comma or colon (王坚说，…; 据刘振飞透露，…), or a
// verb such as 认为 or 透露 directly followed by what was said. Also 在他
// 看来，… and 按王坚自己的话说，….
func (x *quoteScan) reported() {
	s, t := x.s, x.t
	for i := 0; i < x.limit; {
		// Every speech verb starts with a three-byte rune: test those
		// without a full decode.
		c := s[i]
		if c < 0xE0 || c > 0xEF || i+2 >= len(s) {
			i++
			continue
		}
		r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		if !t.reportFirst.has(r) {
			i += 3
			continue
		}
		w := t.report.prefix(s[i:x.limit])
		if w == "" {
			i += 3
			continue
		}
		x.reportedAt(i, w)
		i += len(w)
	}
}

// reportedAt considers the speech verb w at v.
func (x *quoteScan) reportedAt(v int, w string) {
	s, t := x.s, x.t
	if x.inMarks(v) || x.inTitle(v) || inQuoteSpans(x.direct, v) || !x.isSpeechAt(v, w) {
		return
	}
	j := v + len(w)
	if w == "告诉" {
		// 告诉记者，…: skip the listener.
		for n := 0; n < 8 && j < len(s); n++ {
			r, size := utf8.DecodeRuneInString(s[j:])
			if r == ',' || r == ':' || quoteFullStop(r) || r == '\n' {
				break
			}
			j += size
		}
	}
	for j < len(s) && s[j] == ' ' {
		j++
	}
	if j >= x.limit {
		return
	}
	r, size := utf8.DecodeRuneInString(s[j:])
	cs := j
	switch {
	case r == ',' || r == ':':
		cs = j + size
	case w == "看来" || w == "告诉" || !t.strong.set[w]:
		return
	case isQuoteBreak(r) || strings.ContainsRune("了过着的得地对向给为与和跟把被到出", r):
		return
	}
	for cs < len(s) && s[cs] == ' ' {
		cs++
	}
	if cs >= x.limit {
		return
	}
	if k, open, _ := quoteMarkAt(s, cs); k != mkNone && open {
		return // words in marks: a direct quote
	}
	ce := sentenceEnd(s, cs)
	for ce > cs {
		r, size := utf8.DecodeLastRuneInString(s[cs:ce])
		if !quoteFullStop(r) && r != ' ' {
			break
		}
		ce -= size
	}
	min := 4
	if cs == j {
		min = 5
	}
	if utf8.RuneCountInString(s[cs:ce]) < min {
		return
	}
	lo := max(sentenceStart(s, v), x.paras[x.paraOf(v)])
	comma := cs != j
	var who quoteSpeaker
	switch {
	case w == "看来":
		// 在他看来，…
		sub, start, ok := x.subjectEndingAt(lo, v)
		if !ok || !strings.HasSuffix(s[:start], "在") || sub.kind == subjSecond {
			return
		}
		who = x.resolve(sub)
	case w == "说" && strings.HasSuffix(s[lo:v], "的话"):
		// 按王坚自己的话说，…
		e := v - len("的话")
		e -= len(s[lo:e]) - len(strings.TrimSuffix(s[lo:e], "自己"))
		sub, start, ok := x.subjectEndingAt(lo, e)
		if !ok || sub.kind == subjSecond {
			return
		}
		if p, _ := utf8.DecodeLastRuneInString(s[:start]); !strings.ContainsRune("按用照借", p) {
			return
		}
		who = x.resolve(sub)
	default:
		sub := x.subjectBefore(lo, v, false)
		switch sub.kind {
		case subjPerson, subjPronoun, subjFirst:
		case subjEmpty:
			z, ok := x.sentenceSubject(lo, v)
			if !ok || z.kind == subjFirst {
				return
			}
			sub = z
		case subjNone:
			// 据知情人士透露，… / 听省长说，…: a source, not named.
			if !comma || !x.sourceClause(lo, v) {
				return
			}
		default:
			return
		}
		who = x.resolve(sub)
	}
	x.emit(cs, ce, QuoteReported, who)
}

// sourceClause reports whether the clause before v opens with 据 or 听
// and names a source: 据知情人士透露.
func (x *quoteScan) sourceClause(lo, v int) bool {
	s := x.s
	a := lo
	for i := v; i > lo; {
		r, size := utf8.DecodeLastRuneInString(s[lo:i])
		if isQuoteBreak(r) {
			a = i
			break
		}
		i -= size
	}
	a = x.skipConnectives(a, v)
	for _, p := range []string{"据", "听"} {
		if strings.HasPrefix(s[a:v], p) && v-a > len(p) {
			return true
		}
	}
	return false
}
