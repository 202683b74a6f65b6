package yunshi

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Boilerplate: the parts of a page that are not the article. cleanBlocks
// removes them from the body, keeping what they say about the document
// (author, source, original title) in the metadata.
var (
	// A line that names an image file, as left behind by image captions.
	reImageLine = regexp.MustCompile(`(?i)^\S{1,200}\.(jpe?g|png|gif|webp|bmp|svg|tiff?|heic)(\?\S*)?$`)
	reURLLine   = regexp.MustCompile(`^(https?://|www\.)\S+$`)
	// Headings of lists of other articles that end a page.
	reTailHeading = regexp.MustCompile(`^[【\[]?(相关文章|相关阅读|推荐阅读|延伸阅读|扩展阅读|热门推荐|热门文章|热点推荐|猜你喜欢|相关推荐|相关新闻|往期回顾|往期推荐|往期精选|往期精彩|更多阅读|更多精彩|更多推荐|大家都在看|为你推荐|精彩推荐|热文推荐|阅读排行|本周热门|今日推荐|最新文章)[】\]]?\s*[:：]?$`)
	// Footer and share lines.
	reFooter = regexp.MustCompile(`^[【\[(（]?(原文标题|原标题|本文来源|文章来源|内容来源|来源|责任编辑|责编|编辑|校对|审校|审核|监制|声明|免责声明|版权声明|版权所有|转载请注明|转载须知|本文系|本文为|本文经|本文首发|原文链接|原文地址|阅读原文|图片来源|题图|封面图片|本文作者|作者|文|撰文|记者|实习记者|编译|出品|策划|统筹)\s*[】\])）]?\s*[:：|｜/]`)
	reShare  = regexp.MustCompile(`^(分享到|分享至|分享：|扫码|扫一扫|微信扫一扫|长按识别|长按二维码|点击关注|关注我们|点击下方|点击上方|点击阅读原文|↓|▼|返回搜狐|查看更多|更多内容请|下载.{0,10}APP|打开.{0,10}APP)`)
	// A navigation crumb: 首页 > 科技 > 正文.
	reCrumb = regexp.MustCompile(`^(首页|主页|当前位置|您的位置|你的位置|位置|Home)\s*[:：]?\s*(>|›|»|/|＞|→|-)`)
	// A byline of role words between separators: 张三 ｜ 作者  某某 ｜ 出品.
	reBylineRole = regexp.MustCompile(`^(作者|文|撰文|记者|编辑|责编|责任编辑|来源|出品|出品人|策划|设计|美编|图|摄影|视觉|校对|排版|运营|主编|监制|审校|编译|翻译)$`)
)

// cleanBlocks drops boilerplate blocks, splits off reader comments written
// as plain paragraphs, and fills metadata from bylines and footers.
func cleanBlocks(blocks []block, m *meta, f Format) ([]block, []Comment) {
	// A list of other articles or a comment section ends the article,
	// once the article has begun (a paragraph of prose has been read): at
	// the very top such a heading is more likely navigation.
	var comments []Comment
	cut := len(blocks)
	begun := false
	for i := 0; i < len(blocks); i++ {
		t := blocks[i].text
		if !begun {
			begun = utf8.RuneCountInString(t) >= 15 && strings.ContainsAny(t, "。,，!?！？")
			continue
		}
		if len(t) > 64 {
			continue
		}
		if t = foldString(t); reTailHeading.MatchString(t) && utf8.RuneCountInString(t) <= 16 {
			cut = i
			break
		}
		if isCommentHeading(blocks[i].text) {
			cut = i
			comments = textComments(blocks[i+1:])
			break
		}
	}
	blocks = blocks[:cut]

	out := blocks[:0:0]
	for i, b := range blocks {
		t := b.text
		// Boilerplate lines are short; long paragraphs are prose.
		if len(t) > 240 {
			out = append(out, b)
			continue
		}
		n := utf8.RuneCountInString(t)
		if !strings.ContainsRune(t, ' ') && (looksLikeFile(t) && reImageLine.MatchString(t) || (strings.HasPrefix(t, "http") || strings.HasPrefix(t, "www.")) && reURLLine.MatchString(t)) {
			continue
		}
		// Footers and bylines have a colon or a bar; share lines start with
		// a few known words; metadata and crumbs sit at the top.
		if n <= 80 && (i < 6 || strings.ContainsAny(t, ":：|｜/") || strings.ContainsRune("分扫微长点关返查更下打↓▼", firstRune(t))) {
			ft := foldString(t)
			switch {
			case i < 6 && readMetaLine(ft, m):
				continue
			case n <= 40 && reShare.MatchString(ft):
				continue
			case i < 5 && reCrumb.MatchString(ft):
				continue
			case reFooter.MatchString(ft) && !transcriptTurn(ft):
				readFooter(ft, m)
				continue
			case isByline(ft, m):
				continue
			}
		}
		out = append(out, b)
	}
	return out, comments
}

// reMetaLine matches a line of article metadata near the top of a page: a
// publication date and time, then fields such as 来源 and 作者.
var reMetaLine = regexp.MustCompile(`^(?:(?:发布时间|发布日期|发表时间|时间|日期)\s*:?\s*)?(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*(.*)$`)

// readMetaLine reports whether t is a metadata line ("2017-09-15 08:00
// 来源：新浪科技"), reading its date, source and author into m.
func readMetaLine(t string, m *meta) bool {
	g := reMetaLine.FindStringSubmatch(t)
	if g == nil {
		return false
	}
	rest := strings.TrimSpace(g[2])
	if rest != "" && !strings.HasPrefix(rest, "来源") && !strings.HasPrefix(rest, "作者") && !strings.HasPrefix(rest, "编辑") &&
		!strings.HasPrefix(rest, "发布") && !strings.HasPrefix(rest, "|") && !strings.HasPrefix(rest, "丨") {
		return false // a sentence that starts with a date
	}
	if m.published == "" {
		m.published = g[1]
	}
	for _, f := range strings.FieldsFunc(rest, func(r rune) bool { return r == '|' || r == '丨' || r == ' ' }) {
		k, v, ok := strings.Cut(f, ":")
		if !ok || v == "" {
			continue
		}
		switch k {
		case "来源":
			if m.source == "" {
				m.source = v
			}
		case "作者":
			if m.author == "" {
				m.author = v
			}
		}
	}
	return true
}

// looksLikeFile reports whether t ends in a short file extension, as
// image file names do.
func looksLikeFile(t string) bool {
	if q := strings.IndexByte(t, '?'); q > 0 {
		t = t[:q]
	}
	dot := strings.LastIndexByte(t, '.')
	return dot > 0 && len(t)-dot <= 5
}

// transcriptTurn reports whether a line that starts like a byline ("记者：")
// is a turn of an interview instead: what follows the colon is a sentence,
// not a few names.
func transcriptTurn(t string) bool {
	i := strings.IndexAny(t, ":：")
	if i < 0 {
		return false
	}
	key := strings.Trim(t[:i], "【】[]()（） ")
	switch key {
	case "记者", "实习记者", "编辑", "主持人", "作者":
	default:
		return false
	}
	v := trimSpace(t[i+1:])
	return utf8.RuneCountInString(v) > 12 || strings.ContainsAny(v, "。？！，?!,")
}

// readFooter keeps what a footer line says about the document.
func readFooter(t string, m *meta) {
	i := strings.IndexAny(t, ":|｜/")
	if i < 0 {
		return
	}
	key := strings.Trim(t[:i], "【】[]()（） ")
	val := trimSpace(t[i+1:])
	if val == "" {
		return
	}
	switch key {
	case "原文标题", "原标题":
		if m.title == "" {
			m.title = val
		}
	case "来源", "本文来源", "文章来源", "内容来源":
		if m.source == "" {
			m.source = val
		}
	case "作者", "文", "撰文", "记者", "本文作者":
		if m.author == "" {
			m.author = val
		}
	}
}

// isByline reports whether t is a byline made of names and role words
// between separators ("吴杨盈荟 ｜ 作者 砺石商业评论 ｜ 出品"), filling in the
// author when the metadata has none.
func isByline(t string, m *meta) bool {
	if len(t) > 150 || utf8.RuneCountInString(t) > 50 || !strings.ContainsAny(t, "|｜/") {
		return false
	}
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == '|' || r == '｜' || r == '/' })
	if len(parts) < 2 {
		return false
	}
	roles := 0
	author := ""
	for k, p := range parts {
		words := strings.Fields(p)
		for j, w := range words {
			if reBylineRole.MatchString(w) {
				roles++
				if w == "作者" || w == "文" || w == "撰文" {
					switch {
					case j > 0:
						author = words[j-1]
					case k > 0 && len(strings.Fields(parts[k-1])) > 0:
						f := strings.Fields(parts[k-1])
						author = f[len(f)-1]
					case j+1 < len(words):
						author = words[j+1]
					}
				}
			}
		}
	}
	if roles == 0 {
		return false
	}
	if m.author == "" && author != "" {
		m.author = author
	}
	return true
}

// textComments reads reader comments written as plain paragraphs after a
// comment heading: a short line is the author of the next comment, a line
// that is only a date dates the last one.
func textComments(blocks []block) []Comment {
	var out []Comment
	author := ""
	for i, b := range blocks {
		t := b.text
		ft := foldString(t)
		if d := reDateText.FindString(ft); d != "" && len(strings.TrimSpace(strings.Replace(ft, d, "", 1))) <= 2 {
			if len(out) > 0 && out[len(out)-1].Date.IsZero() {
				out[len(out)-1].Date = parseMetaDate(d)
				continue
			}
		}
		if i+1 < len(blocks) && author == "" && utf8.RuneCountInString(t) <= 16 && !strings.ContainsAny(t, "。，,！？!?") {
			author = t
			continue
		}
		out = append(out, Comment{Author: author, Text: t})
		author = ""
	}
	return out
}

// reNotes matches the heading of end matter: a reference list or sources.
var reNotes = regexp.MustCompile(`^[*＊#\s]*(参考文献|参考资料|参考文章|参考来源|资料来源|引用|注释|References|Sources)\s*[:：]?\s*$`)

// notesStart returns the byte offset of the first line that opens end matter
// (参考文献, 参考资料 …), or len(text). Dates there do not make milestones.
func notesStart(text string) int {
	off := 0
	for line := range strings.SplitSeq(text, "\n") {
		if len(line) <= 48 && reNotes.MatchString(line) {
			return off
		}
		off += len(line) + 1
	}
	return len(text)
}
