package yunshi

import (
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// meta collects document metadata as found in front matter, HTML head
// elements, bylines and footers, before it is settled on the Document.
type meta struct {
	title, author, source, published string
	headings                         []string // headings in order
}

// A block is one paragraph of converted text.
type block struct {
	text    string
	heading int  // 1–6 for headings, else 0
	item    bool // list item
}

// parseText converts decoded text into a Document (without ID and
// encoding).
func parseText(name, text string) *Document {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	d := &Document{}
	var m meta
	body := text
	if fm, rest, ok := splitFrontMatter(text); ok {
		readFrontMatter(fm, &m)
		body = rest
	}
	var blocks []block
	var comments []Comment
	switch d.Format = detectFormat(name, body); d.Format {
	case FormatHTML:
		blocks, comments = htmlBlocks(body, &m)
	case FormatMarkdown:
		blocks, comments = markdownBlocks(body, &m)
	default:
		blocks = textBlocks(body)
	}
	blocks, more := cleanBlocks(blocks, &m, d.Format)
	comments = append(comments, more...)
	d.Comments = comments
	var b strings.Builder
	n := 0
	for _, bl := range blocks {
		n += len(bl.text) + 1
	}
	b.Grow(n)
	for _, bl := range blocks {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(bl.text)
	}
	d.Text = b.String()
	d.notes = notesStart(d.Text)
	d.view = newView(d.Text)

	// A page's <title> often carries the site's name: the first heading,
	// when the title starts with it, is the article's own.
	if h := firstOf(m.headings); h != "" && m.title != h && strings.HasPrefix(m.title, h) {
		m.title = h
	}
	d.Title = clip(firstNonEmpty(m.title, firstOf(m.headings), textTitle(blocks, d.Format)), 200)
	d.Author = clip(m.author, 100)
	d.Source = clip(m.source, 300)
	d.Published = parseMetaDate(m.published)
	return d
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func firstOf(s []string) string {
	if len(s) > 0 {
		return s[0]
	}
	return ""
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// textTitle takes the first paragraph of a plain-text article as its title
// when it reads like one: short and not a sentence.
func textTitle(blocks []block, f Format) string {
	if f != FormatText || len(blocks) < 2 {
		return "" // a single paragraph is the article, not its title
	}
	t := blocks[0].text
	if n := utf8.RuneCountInString(t); n == 0 || n > 60 {
		return ""
	}
	if strings.ContainsRune("。.!！?？;；,，:：”」』\"", lastRuneOf(t)) {
		return ""
	}
	return t
}

// splitFrontMatter splits YAML front matter (between --- lines at the start
// of the text, after any blank lines) from the body.
func splitFrontMatter(text string) (fm, rest string, ok bool) {
	t := strings.TrimLeft(text, " \t\n\ufeff")
	if !strings.HasPrefix(t, "---\n") {
		return "", text, false
	}
	t = t[4:]
	for _, end := range []string{"\n---\n", "\n...\n", "\n---"} {
		i := strings.Index(t, end)
		if i < 0 || end == "\n---" && i+len(end) != len(strings.TrimRight(t, " \n")) {
			continue
		}
		fm = t[:i]
		// Front matter is key: value lines; a Markdown document that
		// merely starts with a rule does not qualify.
		if !strings.Contains(strings.SplitN(strings.TrimSpace(fm), "\n", 2)[0], ":") {
			return "", text, false
		}
		return fm, t[min(i+len(end), len(t)):], true
	}
	return "", text, false
}

// readFrontMatter fills m from YAML front matter. Values are read as
// strings; a front matter block that is not valid YAML is read line by line
// as "key: value".
func readFrontMatter(fm string, m *meta) {
	vals := map[string]string{}
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(fm), &root); err == nil && len(root.Content) == 1 && root.Content[0].Kind == yaml.MappingNode {
		n := root.Content[0]
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := strings.ToLower(n.Content[i].Value), n.Content[i+1]
			switch v.Kind {
			case yaml.ScalarNode:
				vals[k] = v.Value
			case yaml.SequenceNode:
				if len(v.Content) > 0 && v.Content[0].Kind == yaml.ScalarNode {
					vals[k] = v.Content[0].Value
				}
			case yaml.MappingNode: // author: {name: …}
				for j := 0; j+1 < len(v.Content); j += 2 {
					if v.Content[j].Value == "name" {
						vals[k] = v.Content[j+1].Value
					}
				}
			}
		}
	} else {
		for line := range strings.SplitSeq(fm, "\n") {
			k, v, ok := strings.Cut(line, ":")
			if ok && !strings.HasPrefix(line, " ") {
				vals[strings.ToLower(strings.TrimSpace(k))] = strings.Trim(strings.TrimSpace(v), `'"`)
			}
		}
	}
	pick := func(keys ...string) string {
		for _, k := range keys {
			if v := strings.TrimSpace(vals[k]); v != "" {
				return v
			}
		}
		return ""
	}
	m.title = pick("title", "headline", "标题")
	m.author = pick("author", "authors", "creator", "by", "作者")
	m.source = pick("source", "publisher", "publication", "site", "来源", "original", "canonical", "link", "url", "permalink")
	m.published = pick("date", "published", "pubdate", "publishdate", "published_at", "created", "发布时间", "日期")
}

var reISODate = regexp.MustCompile(`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`)

// parseMetaDate reads a publication date in the forms found in metadata:
// RFC 1123 and RFC 3339 timestamps, 2022-07-04, 2022/7/4, 2022年7月4日.
// The date is taken as written, in the writer's own time zone.
func parseMetaDate(s string) Date {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}
	}
	// Layouts with month names only when there are letters.
	letters := strings.IndexFunc(s, func(r rune) bool { return r < utf8.RuneSelf && unicode.IsLetter(r) }) >= 0
	for _, layout := range []string{time.RFC1123, time.RFC1123Z, time.RFC850, time.ANSIC, "Mon, 2 Jan 2006 15:04:05 MST", "Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006", "Jan 2, 2006", "January 2, 2006"} {
		if !letters {
			break
		}
		if t, err := time.Parse(layout, s); err == nil {
			return DateOf(t)
		}
	}
	if m := reISODate.FindStringSubmatch(Simplified(foldString(s))); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		day, _ := strconv.Atoi(m[3])
		if d := (Date{y, time.Month(mo), day}); d.Valid() {
			return d
		}
	}
	return Date{}
}

// foldString folds fullwidth forms in s (see foldRune).
func foldString(s string) string {
	return strings.Map(foldRune, s)
}

// detectFormat tells HTML, Markdown and plain text apart, by the file
// extension when it is telling and otherwise by the content.
func detectFormat(name, body string) Format {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".md", ".markdown":
		return FormatMarkdown
	}
	head := body[:min(len(body), 64<<10)]
	trim := strings.TrimSpace(head)
	lower := asciiLower(trim[:min(len(trim), 2048)])
	if strings.HasPrefix(lower, "<!doctype html") || strings.HasPrefix(lower, "<html") ||
		strings.HasPrefix(trim, "<") && reHTMLBlockTag.MatchString(lower) {
		return FormatHTML
	}
	md := 0
	if reATXHeading.MatchString(trim) {
		md++ // a first line "# Title" is a strong sign
	}
	for line := range strings.SplitSeq(head, "\n") {
		l := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(l, "#") && reATXHeading.MatchString(l), strings.HasPrefix(l, "> "), strings.HasPrefix(l, "```"),
			strings.HasPrefix(l, "**") && strings.Count(l, "**") >= 2, strings.Contains(l, "](") && reMDLink.MatchString(l):
			md++
		}
		if md >= 2 {
			break
		}
	}
	if md >= 2 {
		return FormatMarkdown
	}
	if tags := asciiLower(head); strings.Count(tags, "<p") >= 3 || strings.Count(tags, "<br") >= 3 || strings.Count(tags, "<div") >= 3 {
		return FormatHTML
	}
	return FormatText
}

// asciiLower lowers ASCII letters only, leaving other bytes alone.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

var (
	reHTMLBlockTag = regexp.MustCompile(`<(p|div|br|body|head|article|section|h[1-6]|table|ul|ol|li|span|meta|title)[\s/>]`)
	reATXHeading   = regexp.MustCompile(`^#{1,6}\s+\S`)
	reMDLink       = regexp.MustCompile(`!?\[[^\]]*\]\([^)\s]+\)`)
)

// textBlocks splits plain text into paragraphs, one per non-blank line.
func textBlocks(body string) []block {
	var out []block
	for line := range strings.SplitSeq(body, "\n") {
		if t := trimSpace(line); t != "" {
			out = append(out, block{text: t})
		}
	}
	return out
}

// trimSpace trims white space, including the ideographic space and BOMs.
func trimSpace(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' })
}
