package yunshi

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlBlocks converts an HTML page or fragment into paragraphs: script,
// style and other non-content elements are dropped, block elements and <br>
// end paragraphs, images vanish, entities are decoded. A reader-comment
// section (精选留言, 全部评论 …) is split off into comments. It reads the
// page as a stream of tokens, which copes with broken markup and allocates
// little.
func htmlBlocks(src string, m *meta) ([]block, []Comment) {
	c := &htmlConv{m: m}
	z := html.NewTokenizer(strings.NewReader(src))
	skip := 0 // depth inside elements whose content is dropped
	var skipTag atom.Atom
	inHead, inTitle := false, false
	liDepth := 0 // depth inside a comment's list item
	var pieces []string
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			c.flush()
			return c.blocks, c.comments
		case html.TextToken:
			if skip > 0 {
				continue
			}
			text := string(z.Text())
			switch {
			case inTitle:
				if c.m != nil && c.m.title == "" {
					c.m.title = cleanPageTitle(strings.Join(strings.Fields(text), " "))
				}
			case liDepth > 0:
				if t := trimSpace(text); t != "" {
					pieces = append(pieces, t)
				}
			case inHead:
			default:
				c.text(text)
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			end := tt == html.EndTagToken
			if skip > 0 {
				if a == skipTag {
					if end {
						skip--
					} else if tt == html.StartTagToken {
						skip++
					}
				}
				continue
			}
			switch a {
			case atom.Head:
				inHead = !end
				continue
			case atom.Title:
				inTitle = !end && tt == html.StartTagToken
				continue
			case atom.Meta, atom.Link:
				if hasAttr && c.m != nil {
					c.tagAttrs(a, z)
				}
				continue
			case atom.Body:
				inHead = false
			}
			if skipElems[a] && !end {
				if tt == html.StartTagToken && !voidElems[a] {
					skip, skipTag = 1, a
				}
				continue
			}
			// A reader comment: collect the text pieces of its list item.
			if liDepth > 0 {
				if a == atom.Li || a == atom.Dd || a == atom.Article {
					if end {
						liDepth--
					} else if tt == html.StartTagToken {
						liDepth++
					}
					if liDepth == 0 {
						if cm, ok := parseComment(pieces); ok {
							c.comments = append(c.comments, cm)
						}
						pieces = pieces[:0]
					}
				}
				continue
			}
			if c.inComments && !end && (a == atom.Li || a == atom.Dd || a == atom.Article) {
				c.flush()
				liDepth, pieces = 1, pieces[:0]
				continue
			}
			if blockElems[a] {
				c.flush()
				if !end {
					if h := headingLevel(a); h > 0 {
						c.heading = h
					}
					c.item = a == atom.Li
				}
			}
		}
	}
}

// voidElems have no end tag.
var voidElems = map[atom.Atom]bool{
	atom.Img: true, atom.Br: true, atom.Hr: true, atom.Meta: true, atom.Link: true, atom.Input: true,
	atom.Source: true, atom.Area: true, atom.Base: true, atom.Col: true, atom.Embed: true, atom.Param: true,
	atom.Track: true, atom.Wbr: true,
}

type htmlConv struct {
	m          *meta
	blocks     []block
	cur        byteBuf
	heading    int
	item       bool
	inComments bool
	comments   []Comment
}

var skipElems = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Object: true,
	atom.Select: true, atom.Button: true, atom.Textarea: true, atom.Nav: true, atom.Form: true,
	atom.Img: true, atom.Video: true, atom.Audio: true, atom.Picture: true, atom.Source: true,
}

var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Table: true, atom.Section: true,
	atom.Article: true, atom.Blockquote: true, atom.Pre: true, atom.Hr: true, atom.Header: true,
	atom.Footer: true, atom.Figure: true, atom.Figcaption: true, atom.Dd: true, atom.Dt: true,
	atom.Dl: true, atom.Main: true, atom.Aside: true, atom.Address: true, atom.Caption: true,
	atom.Center: true, atom.Details: true, atom.Summary: true, atom.Body: true,
}

// tagAttrs reads the metadata of a <meta> or <link> tag.
func (c *htmlConv) tagAttrs(a atom.Atom, z *html.Tokenizer) {
	attrs := map[string]string{}
	for {
		k, v, more := z.TagAttr()
		attrs[strings.ToLower(string(k))] = string(v)
		if !more {
			break
		}
	}
	if a == atom.Link {
		if strings.EqualFold(attrs["rel"], "canonical") && c.m.source == "" {
			c.m.source = attrs["href"]
		}
		return
	}
	key := strings.ToLower(firstNonEmpty(attrs["property"], attrs["name"], attrs["itemprop"]))
	val := strings.TrimSpace(attrs["content"])
	if val == "" {
		return
	}
	set := func(p *string) {
		if *p == "" {
			*p = val
		}
	}
	switch key {
	case "og:title", "twitter:title", "headline":
		c.m.title = val // the article's own title beats <title>
	case "author", "article:author", "dc.creator", "byl":
		set(&c.m.author)
	case "og:site_name", "application-name", "publisher", "source":
		set(&c.m.source)
	case "article:published_time", "pubdate", "publishdate", "publish_date", "date", "dc.date", "datepublished", "og:release_date", "weibo:article:create_at":
		set(&c.m.published)
	}
}

func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// text appends HTML text, collapsing runs of white space to one space, or
// to nothing when a source line break falls between two CJK characters.
func (c *htmlConv) text(s string) {
	for len(s) > 0 {
		i := strings.IndexFunc(s, isHTMLSpace)
		if i < 0 {
			c.cur.WriteString(s)
			return
		}
		c.cur.WriteString(s[:i])
		j := i
		for j < len(s) && isHTMLSpace(rune(s[j])) {
			j++
		}
		prev := c.cur.lastRune(false)
		next, _ := utf8.DecodeRuneInString(s[j:])
		newline := strings.ContainsAny(s[i:j], "\n\r")
		if c.cur.Len() > 0 && !(newline && isCJK(prev) && (j == len(s) || isCJK(next))) && prev != ' ' {
			c.cur.writeByte(' ')
		}
		s = s[j:]
	}
}

func isHTMLSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' }

func lastRuneOf(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// isCJK reports whether r is a Han character or CJK punctuation, around
// which source line breaks carry no space.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF || r == '“' || r == '”'
}

func (c *htmlConv) flush() {
	t := trimSpace(c.cur.String())
	c.cur.Reset()
	h, item := c.heading, c.item
	c.heading, c.item = 0, false
	if t == "" {
		return
	}
	if isCommentHeading(t) {
		c.inComments = true
		return
	}
	if c.inComments {
		// Text after the comment heading that is not in a list item:
		// keep it as a comment rather than lose it.
		if d := findDate(t); d != "" && strings.TrimSpace(t) == d && len(c.comments) > 0 {
			c.comments[len(c.comments)-1].Date = parseMetaDate(d)
			return
		}
		c.comments = append(c.comments, Comment{Text: t})
		return
	}
	if h > 0 && c.m != nil {
		c.m.headings = append(c.m.headings, t)
	}
	c.blocks = append(c.blocks, block{text: t, heading: h, item: item})
}

// cleanPageTitle drops the site name that <title> often appends
// ("标题_网站名", "标题 - 网站名", "标题 | 网站名").
func cleanPageTitle(t string) string {
	t = strings.TrimSpace(t)
	for _, sep := range []string{" - ", " | ", "_", " — ", "-", "｜", "|"} {
		if i := strings.LastIndex(t, sep); i > 0 {
			head := strings.TrimSpace(t[:i])
			if utf8.RuneCountInString(head) >= 6 {
				return head
			}
		}
	}
	return t
}

var reCommentHeading = regexp.MustCompile(`^[【\[]?(精选留言|全部留言|网友留言|读者留言|留言区|全部评论|网友评论|读者评论|热门评论|最新评论|精彩评论|用户评论|评论区|发表评论|查看评论)[】\]]?\s*[（(]?\s*\d*\s*[)）]?\s*[:：]?$`)

// isCommentHeading reports whether a paragraph opens a section of reader
// comments.
func isCommentHeading(t string) bool {
	return len(t) <= 60 && utf8.RuneCountInString(t) <= 20 && reCommentHeading.MatchString(foldString(t))
}

var (
	reLikes    = regexp.MustCompile(`(?:👍|赞|点赞|❤️?|♥)\s*[（(]?\s*(\d+)\s*[)）]?`)
	reReplies  = regexp.MustCompile(`^(?:💬|回复|评论)\s*[（(]?\s*\d*\s*[)）]?$`)
	reDateText = regexp.MustCompile(`\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?`)
)

func findDate(s string) string { return reDateText.FindString(foldString(s)) }

// parseComment reads one reader comment from the text pieces of a list
// item: the user name (the first short piece), the likes (👍（7）), the date
// and the comment text (the rest).
func parseComment(pieces []string) (Comment, bool) {
	var cm Comment
	var rest []string
	for _, p := range pieces {
		f := foldString(p)
		if cm.Date.IsZero() {
			if d := reDateText.FindString(f); d != "" && len(strings.TrimSpace(strings.Replace(f, d, "", 1))) == 0 {
				cm.Date = parseMetaDate(d)
				continue
			}
		}
		if m := reLikes.FindStringSubmatch(f); m != nil && utf8.RuneCountInString(p) <= 24 {
			cm.Likes, _ = strconv.Atoi(m[1])
			continue
		}
		if reReplies.MatchString(f) {
			continue
		}
		rest = append(rest, p)
	}
	if len(rest) >= 2 && utf8.RuneCountInString(rest[0]) <= 30 {
		cm.Author, rest = rest[0], rest[1:]
	}
	cm.Text = strings.Join(rest, "\n")
	if cm.Text == "" && cm.Author != "" {
		cm.Text, cm.Author = cm.Author, ""
	}
	return cm, cm.Text != ""
}
