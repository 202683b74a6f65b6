package yunshi

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// markdownBlocks converts Markdown into paragraphs of plain text: headings,
// emphasis, blockquote and list markers, images, links and inline HTML are
// stripped; HTML blocks are converted like HTML pages (so a comment section
// written in HTML is split off into comments).
//
// A line break inside a paragraph joins the lines (with no space between
// Chinese characters), except after a hard break or a line that ends a
// sentence: Chinese Markdown rarely wraps lines, so such a break is taken
// as a new paragraph.
func markdownBlocks(src string, m *meta) ([]block, []Comment) {
	var blocks []block
	var comments []Comment
	var para byteBuf
	hard := false // the paragraph's last line ended with a hard break
	inComments := false
	flush := func() {
		if t := trimSpace(para.String()); t != "" {
			if isCommentHeading(t) {
				inComments = true
			} else if inComments {
				comments = append(comments, Comment{Text: t})
			} else {
				blocks = append(blocks, block{text: t})
			}
		}
		para.Reset()
		hard = false
	}
	emit := func(b block) {
		flush()
		if isCommentHeading(b.text) {
			inComments = true
			return
		}
		if inComments {
			comments = append(comments, Comment{Text: b.text})
			return
		}
		if b.heading > 0 {
			m.headings = append(m.headings, b.text)
		}
		blocks = append(blocks, b)
	}
	lines := strings.Split(src, "\n")
	fence := ""
	for i := 0; i < len(lines); i++ {
		raw := lines[i]
		line := strings.TrimRight(raw, " \t")
		brk := strings.HasSuffix(raw, "  ") || strings.HasSuffix(line, "\\")
		if fence != "" {
			if strings.HasPrefix(strings.TrimSpace(line), fence) {
				fence = ""
				continue
			}
			if t := trimSpace(line); t != "" {
				emit(block{text: t})
			}
			continue
		}
		line = stripQuoteMarks(line)
		t := trimSpace(line)
		switch {
		case t == "":
			flush()
			continue
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			flush()
			fence = t[:3]
			continue
		case t[0] == '<' && reHTMLStart.MatchString(t):
			// An HTML block runs to the next blank line.
			flush()
			j := i + 1
			for j < len(lines) && trimSpace(lines[j]) != "" {
				j++
			}
			hb, hc := htmlBlocks(strings.Join(lines[i:j], "\n"), m)
			for _, b := range hb {
				emit(b)
			}
			if inComments || len(hc) > 0 {
				comments = append(comments, hc...)
				if len(hc) > 0 {
					inComments = true
				}
			}
			i = j - 1
			continue
		case strings.ContainsRune("-*_", rune(t[0])) && reHRule.MatchString(t):
			flush()
			continue
		case t[0] == '[' && reLinkDef.MatchString(t):
			continue
		case t[0] == '#' && reATXHeading.MatchString(t):
			level := len(t) - len(strings.TrimLeft(t, "#"))
			h := strings.TrimRight(strings.TrimSpace(t[level:]), "#")
			if h = trimSpace(inlineMarkdown(h)); h != "" {
				emit(block{text: h, heading: level})
			}
			continue
		case i+1 < len(lines) && para.Len() == 0 && isSetext(lines[i+1]):
			level := 1
			if strings.HasPrefix(strings.TrimSpace(lines[i+1]), "-") {
				level = 2
			}
			if h := trimSpace(inlineMarkdown(t)); h != "" {
				emit(block{text: h, heading: level})
			}
			i++
			continue
		}
		item := false
		if loc := bullet(t); loc != nil {
			flush()
			t, item = t[loc[1]:], true
		}
		t = trimSpace(inlineMarkdown(t))
		if t == "" {
			continue
		}
		if item {
			emit(block{text: t, item: true})
			continue
		}
		if para.Len() > 0 {
			if hard || strings.ContainsRune(sentenceEnders, para.lastRune(true)) {
				flush()
			} else if !(isCJK(para.lastRune(false)) || isCJK(firstRune(t))) {
				para.writeByte(' ')
			}
		}
		para.WriteString(t)
		hard = brk
	}
	flush()
	return blocks, comments
}

var (
	reHTMLStart = regexp.MustCompile(`(?i)^<(/?(div|p|ul|ol|li|table|section|article|blockquote|pre|h[1-6]|figure|details|center|dl|hr|br|header|footer|aside|form|iframe|script|style|img)[\s/>]|!--)`)
	reHRule     = regexp.MustCompile(`^(-[\s-]*-[\s-]*-[\s-]*|\*[\s*]*\*[\s*]*\*[\s*]*|_[\s_]*_[\s_]*_[\s_]*)$`)
	reSetext    = regexp.MustCompile(`^(=+|-+)$`)
	reLinkDef   = regexp.MustCompile(`^\[[^\]]+\]:\s*\S+`)
	reBullet    = regexp.MustCompile(`^[-*+]\s+`)
)

func isSetext(line string) bool {
	l := strings.TrimSpace(line)
	return l != "" && (l[0] == '=' || l[0] == '-') && reSetext.MatchString(l)
}

func bullet(t string) []int {
	if len(t) < 2 || !strings.ContainsRune("-*+", rune(t[0])) {
		return nil
	}
	return reBullet.FindStringIndex(t)
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// sentenceEnders end a line that is not continued by the next one.
const sentenceEnders = "。！？!?…；;：:」』”\"）)"

// stripQuoteMarks removes blockquote markers ("> ", ">> ") from a line.
func stripQuoteMarks(line string) string {
	t := strings.TrimLeft(line, " ")
	if !strings.HasPrefix(t, ">") {
		return line
	}
	for strings.HasPrefix(t, ">") {
		t = strings.TrimPrefix(t[1:], " ")
	}
	return t
}

var (
	reMDImage    = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]`)
	reMDLinkText = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]`)
	reAutoLink   = regexp.MustCompile(`<((?:https?|ftp|mailto):[^>\s]+)>`)
	reInlineTag  = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?>`)
	reStrong     = regexp.MustCompile(`\*\*([^*]+?)\*\*|__([^_]+?)__|~~([^~]+?)~~`)
	reEmph       = regexp.MustCompile(`(^|[^\w*])\*([^\s*](?:[^*]*[^\s*])?)\*`)
	reEmphU      = regexp.MustCompile(`(^|[^\w_])_([^\s_](?:[^_]*[^\s_])?)_($|[^\w_])`)
	reCode       = regexp.MustCompile("`+([^`]+)`+")
	reEscape     = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!|>~])`)
)

// inlineMarkdown strips inline Markdown from one line of text.
func inlineMarkdown(s string) string {
	if !strings.ContainsAny(s, "*_`[]<>!~\\&") {
		return s
	}
	// Each rule only where its marks appear: most lines have none.
	if strings.Contains(s, "![") {
		s = reMDImage.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "](") || strings.Contains(s, "][") {
		s = reMDLinkText.ReplaceAllString(s, "$1$2")
	}
	if strings.Contains(s, "<") {
		s = reAutoLink.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "`") {
		s = reCode.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "<") {
		s = reInlineTag.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "**") || strings.Contains(s, "__") || strings.Contains(s, "~~") {
		for i := 0; i < 3; i++ { // nested emphasis
			s = reStrong.ReplaceAllString(s, "$1$2$3")
		}
	}
	if strings.Contains(s, "*") {
		s = reEmph.ReplaceAllString(s, "$1$2")
	}
	if strings.Contains(s, "_") {
		s = reEmphU.ReplaceAllString(s, "$1$2$3")
	}
	if strings.Contains(s, "\\") {
		s = reEscape.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	return s
}
