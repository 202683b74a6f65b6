package yunshi

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Titles and tenures. A sentence such as "2014年11月开始，他担任阿里云总裁"
// starts a tenure; "王坚在2013年9月卸任阿里云总裁" ends one; "张建锋接替胡晓明
// 担任…总裁" starts one and ends the predecessor's; "阿里云总裁王坚" states a
// title without dates. The dates come from the time expressions of the
// sentence, or of the sentence before it in the same paragraph.

// positionWords are the titles that make tenures: jobs, not honorifics or
// relations (博士, 同事 …, which still help to find names).
const positionWords = `总裁 副总裁 高级副总裁 执行副总裁 资深副总裁 首席执行官 首席技术官 首席运营官 首席财务官 首席信息官 首席营销官 首席科学家 首席架构师 首席战略官 首席人才官 首席风险官 首席产品官 首席数据官 首席安全官 CEO CTO COO CFO CIO CMO CSO CPO CDO SVP EVP VP MVP 董事长 副董事长 董事 执行董事 独立董事 董事会主席 董事局主席 主席 副主席 轮值董事长 轮值主席 轮值CEO 总经理 副总经理 总监 副总监 技术总监 总工程师 架构师 总架构师 创始人 联合创始人 创办人 合伙人 负责人 掌门人 掌舵人 院长 副院长 所长 主任 副主任 总参谋长 参谋长 总编辑 主编 社长 省长 副省长 市长 副市长 部长 副部长 局长 厅长 书记 总理 副总理 秘书长 校长 会长 理事长 行长 总统 大使 总负责人 主教练 总教练 队长`

// roleAliases maps abbreviations to the canonical role.
var roleAliases = map[string]string{
	"CEO": "首席执行官", "CTO": "首席技术官", "COO": "首席运营官", "CFO": "首席财务官",
	"CIO": "首席信息官", "CMO": "首席营销官", "CSO": "首席战略官", "CPO": "首席产品官",
	"CDO": "首席数据官", "董事局主席": "董事会主席",
}

// canonicalRole returns the canonical form of a role word.
func canonicalRole(r string) string {
	if c, ok := roleAliases[strings.ToUpper(r)]; ok {
		return c
	}
	return r
}

type positionTable struct {
	words    map[string]bool
	maxRunes int
}

var positions = sync.OnceValue(func() *positionTable {
	w, n := wordSet(positionWords)
	return &positionTable{words: w, maxRunes: n}
})

// Kinds of title facts.
const (
	tkStart = iota // a tenure starts: 担任, 出任, 被任命为
	tkEnd          // a tenure ends: 卸任, 辞去
	tkPred         // the predecessor's tenure ends: A接替B担任T
	tkAppos        // a title stated in passing: 阿里云总裁王坚
	tkLeave        // every office ends: 退休, 离职
)

// A when is a resolved time expression as the title extractor needs it.
type when struct {
	vs, ve   int // span in the view
	from, to Date
}

// Verbs around tenures.
var (
	startVerbs = []string{"被任命为", "被任命", "任命为", "晋升为", "升任为", "当选为", "担任", "出任", "升任", "调任", "兼任", "接任", "就任", "转任", "改任", "继任", "晋升", "当选", "出掌", "执掌", "掌舵", "获任", "成为", "兼"}
	endVerbs   = []string{"不再担任", "卸任", "离任", "辞去", "辞任", "卸下", "退任", "免去", "退休", "离职", "辞职", "离开"}
	// Verbs that end every office at once when no title follows them.
	leaveVerbs = []string{"退休", "离职", "辞职", "卸任", "离任", "离开"}
	// Verbs whose object is the predecessor: A接替B担任T.
	succeedVerbs = []string{"接替", "取代", "接棒", "继任"}
	// Markers that put the person before the title: 以X为T, 任命X为T.
	objectMarkers = []string{"任命", "以", "聘请", "聘任", "聘", "提名", "推选", "选举", "由"}
)

// extractTitles finds titles and tenures in a document.
func extractTitles(d *Document, ms []mention, dates []when) []titleFact {
	s := d.view.s
	var out []titleFact
	pos := positions()
	// Sentences with their first byte; tenure verbs are found per sentence.
	// End matter (参考文献) lists article titles, not facts.
	notes := len(s)
	if d.notes < len(d.Text) {
		notes = viewOffset(d.view, d.notes)
	}
	// Only sentences that name someone, or say 他 or 她, can hold a title:
	// visit those.
	done := -1 // end of the last sentence visited
	visit := func(p int) {
		if p < done || p >= notes {
			return
		}
		st := sentenceStart(s, p)
		en := sentenceEnd(s, p)
		if en <= st {
			return
		}
		out = append(out, sentenceTitles(d, s, st, en, ms, dates, pos)...)
		done = en
	}
	k := 0
	for _, p := range pronounsIn(s) {
		for ; k < len(ms) && ms[k].vs < p; k++ {
			visit(ms[k].vs)
		}
		visit(p)
	}
	for ; k < len(ms); k++ {
		visit(ms[k].vs)
	}
	return dedupTitles(out)
}

func sentenceTitles(d *Document, s string, st, en int, ms []mention, dates []when, pos *positionTable) []titleFact {
	var out []titleFact
	sent := s[st:en]
	src := func() Source {
		a, b := d.view.orig(st), d.view.orig(en)
		return Source{Doc: d.ID, Start: a, End: b, Sentence: d.Text[a:b]}
	}
	inSent := func(m mention) bool { return m.vs >= st && m.ve <= en }

	// Tenure verbs.
	vi := tenureVerbs()
	for i := 0; i < len(sent); {
		verb, end := "", false
		r, size := decodeRune(sent, i)
		if r != '为' && (r >= 0x10000 || vi.bits[r>>6]&(1<<(r&63)) == 0) {
			i += size
			continue
		}
		for _, v := range vi.byFirst[r] {
			if strings.HasPrefix(sent[i:], v.word) {
				verb, end = v.word, v.end
				break
			}
		}
		// 以X为T, 任命X为T: 为 is the verb after a marked person.
		if verb == "" && strings.HasPrefix(sent[i:], "为") && markedBefore(s, st+i, ms) {
			verb = "为"
		}
		if verb == "" {
			_, size := utf8.DecodeRuneInString(sent[i:])
			i += size
			continue
		}
		p := st + i // verb position in the view
		i += len(verb)
		title, role, org, tEnd := titleAfter(s, p+len(verb), en, pos)
		if title == "" {
			// 刘德音正式退休: every office of the person ends; 他离开百度:
			// every office at 百度 (or at no named organisation).
			if end && slices.Contains(leaveVerbs, verb) {
				obj := leaveObject(s[p+len(verb) : en])
				if verb == "离开" && obj == "" {
					continue // 离开 without an object is too vague
				}
				if subjects, _ := subjectsBefore(s, st, p, ms, inSent); len(subjects) > 0 {
					w, ok := dateFor(s, st, en, p, dates)
					for _, name := range subjects {
						tf := titleFact{name: name, kind: tkLeave, Title: Title{Org: obj, EndSource: src()}}
						if ok {
							tf.To = w.to
						}
						out = append(out, tf)
					}
				}
			}
			continue
		}
		// 加入百度，出任集团总裁: the organisation joined is the title's.
		if orgKey(org) == "" {
			if joined := joinedOrg(s[st:p]); joined != "" {
				org = joined + org
			}
		}
		subjects, pred := subjectsBefore(s, st, p, ms, inSent)
		if len(subjects) == 0 {
			continue
		}
		w, ok := dateFor(s, st, en, p, dates)
		for _, name := range subjects {
			tf := titleFact{name: name, kind: tkStart, Title: Title{Title: d.Text[d.view.orig(p+len(verb)+leadTrim(s[p+len(verb):tEnd])):d.view.orig(tEnd)], Org: org, Role: role}}
			tf.Title.Title = strings.TrimSpace(tf.Title.Title)
			if end {
				tf.kind = tkEnd
				if ok {
					tf.To = w.to
				}
				tf.EndSource = src()
				tf.Source = tf.EndSource
			} else {
				if ok {
					tf.From = w.from
					if w.to != w.from && !isPoint(w) {
						// A range: "从2013年到2014年…担任总裁".
						tf.To = w.to
					}
				}
				tf.Source = src()
			}
			out = append(out, tf)
		}
		// The predecessor's tenure of this role ends.
		if pred != "" {
			tf := titleFact{name: pred, kind: tkPred, Title: Title{Title: strings.TrimSpace(d.Text[d.view.orig(p+len(verb)+leadTrim(s[p+len(verb):tEnd])):d.view.orig(tEnd)]), Org: org, Role: role, EndSource: src()}}
			tf.Source = tf.EndSource
			if ok {
				tf.To = w.from // the successor's start is the predecessor's end
				if !w.to.IsZero() {
					tf.To = w.to
				}
			}
			out = append(out, tf)
		}
	}

	// Appositions: ORG TITLE NAME.
	for _, m := range ms {
		if !inSent(m) {
			continue
		}
		title, role, org, tStart := titleBeforeName(s, st, m.vs, pos)
		if title == "" {
			continue
		}
		a := d.view.orig(tStart)
		tf := titleFact{name: m.name, kind: tkAppos, Title: Title{Title: strings.TrimSpace(d.Text[a:d.view.orig(tStart+len(title))]), Org: org, Role: role}}
		b := d.view.orig(m.ve)
		tf.Source = Source{Doc: d.ID, Start: a, End: b, Sentence: src().Sentence}
		out = append(out, tf)
	}
	return out
}

type tenureVerb struct {
	word string
	end  bool
}

// tenureVerbs indexes the start and end verbs by first rune, longest
// first.
type verbIndex struct {
	byFirst map[rune][]tenureVerb
	bits    [1 << 10]uint64
}

var tenureVerbs = sync.OnceValue(func() *verbIndex {
	idx := &verbIndex{byFirst: map[rune][]tenureVerb{}}
	add := func(words []string, end bool) {
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			idx.byFirst[r] = append(idx.byFirst[r], tenureVerb{w, end})
			idx.bits[r>>6] |= 1 << (r & 63)
		}
	}
	add(endVerbs, true)
	add(startVerbs, false)
	for r, vs := range idx.byFirst {
		slices.SortStableFunc(vs, func(a, b tenureVerb) int { return len(b.word) - len(a.word) })
		idx.byFirst[r] = vs
	}
	return idx
})

// pronounsIn returns the offsets of 他 and 她 in s, in order.
func pronounsIn(s string) []int {
	var out []int
	for _, p := range []string{"他", "她"} {
		for i := 0; ; {
			j := strings.Index(s[i:], p)
			if j < 0 {
				break
			}
			out = append(out, i+j)
			i += j + len(p)
		}
	}
	slices.Sort(out)
	return out
}

// joinedOrg returns the organisation named after the last 加入 or 加盟 in
// before (the part of a sentence before a tenure verb), or "".
func joinedOrg(before string) string {
	k := max(strings.LastIndex(before, "加入"), strings.LastIndex(before, "加盟"))
	if k < 0 {
		return ""
	}
	return leaveObject(before[k+len("加入"):])
}

// leaveObject returns the organisation a person leaves: the start of the
// clause after 离开, at most eight characters, without particles; "" if
// there is none.
func leaveObject(rest string) string {
	rest = strings.TrimLeft(rest, " 了")
	end := 0
	for n := 0; end < len(rest) && n < 8; n++ {
		r, size := decodeRune(rest, end)
		if isClauseBreak(r) || strings.ContainsRune("的后时并而和与，。", r) {
			break
		}
		end += size
	}
	return strings.TrimSpace(rest[:end])
}

// markedBefore reports whether a person named right before p is the object
// of a marker such as 以 or 任命 (以毕玄为上云总架构师).
func markedBefore(s string, p int, ms []mention) bool {
	for _, m := range ms {
		if m.ve != p {
			continue
		}
		pre := strings.TrimRight(s[:m.vs], " ")
		for _, mk := range objectMarkers {
			if strings.HasSuffix(pre, mk) {
				return true
			}
		}
	}
	return false
}

// viewOffset maps a byte offset in the text to the view.
func viewOffset(v *view, i int) int { return v.viewOf(i) }

// isPoint reports whether a when is one stretch named as such (a month, a
// year) rather than a range: both ends fall in the same year.
func isPoint(w when) bool { return w.from.Year == w.to.Year }

// leadTrim returns the number of bytes of filler (了, 为, spaces) at the
// start of an object.
func leadTrim(o string) int {
	n := 0
	for {
		switch {
		case strings.HasPrefix(o[n:], "新任"), strings.HasPrefix(o[n:], "首任"), strings.HasPrefix(o[n:], "现任"):
			n += len("新任")
		case strings.HasPrefix(o[n:], "了"), strings.HasPrefix(o[n:], "为"):
			n += len("了")
		case strings.HasPrefix(o[n:], " "):
			n++
		default:
			return n
		}
	}
}

// titleAfter reads the title that follows a tenure verb at view offset p:
// an organisation and a position word, up to the end of the clause. It
// returns the title as written in the view, its role and organisation, and
// the view offset where it ends.
func titleAfter(s string, p, limit int, pos *positionTable) (title, role, org string, end int) {
	o := s[p:limit]
	o = o[leadTrim(o):]
	base := limit - len(o)
	lastStart, lastEnd := -1, -1
	runes := 0
	for i := 0; i < len(o) && runes < 24; {
		r, size := utf8.DecodeRuneInString(o[i:])
		if strings.ContainsRune(",，。;；!！?？、\n的", r) || strings.HasPrefix(o[i:], "兼") || strings.HasPrefix(o[i:], "并") {
			break
		}
		if w := prefixWord(o[i:], pos.words, pos.maxRunes); w != "" && !(isASCIILetter(o[i]) && i > 0 && isASCIILetter(o[i-1])) {
			lastStart, lastEnd = i, i+len(w)
			// An abbreviation in brackets belongs to the title:
			// 首席技术官（CTO）.
			if rest := o[lastEnd:]; strings.HasPrefix(rest, "(") {
				if k := strings.IndexByte(rest, ')'); k > 0 && k < 12 && isUpperWord(rest[1:k]) {
					lastEnd += k + 1
				}
			}
			i = lastEnd
			runes += utf8.RuneCountInString(w)
			continue
		}
		i += size
		runes++
	}
	if lastStart < 0 {
		return "", "", "", 0
	}
	roleWord := prefixWord(o[lastStart:], pos.words, pos.maxRunes)
	org = cleanOrg(o[:lastStart])
	return o[:lastEnd], canonicalRole(roleWord), org, base + lastEnd
}

func isUpperWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// cleanOrg trims an organisation read before a role word: spaces, 的, and
// modifiers that are not part of the name (首届, 新任, 第四位).
func cleanOrg(o string) string {
	o = strings.TrimSpace(o)
	o = strings.TrimSuffix(o, "的")
	for _, m := range []string{"首届", "新任", "前任", "现任", "时任", "首任", "新一任", "原"} {
		o = strings.TrimPrefix(o, m)
		o = strings.TrimSuffix(o, m)
	}
	// An ordinal (第四位, 第3任, 第二届) counts holders, it is no organisation.
	if loc := reOrdinal.FindStringIndex(o); loc != nil && loc[1] == len(o) {
		o = o[:loc[0]]
	}
	return strings.TrimSpace(o)
}

var reOrdinal = regexp.MustCompile(`第[0-9一二三四五六七八九十百两]+[位任届代]$`)

// titleBeforeName reads an apposition before a name at view offset p:
// 阿里云总裁王坚, 玩蟹科技 CEO 叶凯, TeamCola 的创始人沈学良. It returns the
// title, role and organisation and the view offset where the title starts.
func titleBeforeName(s string, st, p int, pos *positionTable) (title, role, org string, start int) {
	before := strings.TrimRight(s[st:p], " ")
	// The role word ends right before the name.
	end := st + len(before)
	roleStart := -1
	for k, i := 0, end; k < pos.maxRunes && i > st; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if pos.words[s[i:end]] && !(isASCIILetter(s[i]) && i > st && isASCIILetter(s[i-1])) {
			roleStart = i
		}
	}
	if roleStart < 0 {
		return "", "", "", 0
	}
	role = canonicalRole(s[roleStart:end])
	// The organisation: back to a clause break, at most 12 runes.
	i := roleStart
	for k := 0; k < 12 && i > st; k++ {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if strings.ContainsRune(",，。;；!！?？、:：\n“”「」()（）", r) || r == '的' && k > 0 {
			break
		}
		i -= size
	}
	org = cleanOrg(s[i:roleStart])
	// Keep only organisation-like text: cut after verbs, pronouns and
	// function words.
	cuts := []string{"对话", "专访", "采访", "认为", "表示", "——", "—", "》", "《", "据", "其", "该", "是", "了", "在", "和", "与", "对", "从", "到", "让", "被", "把", "由", "为"}
	cuts = append(append(append(cuts, succeedVerbs...), startVerbs...), endVerbs...)
	for _, bad := range cuts {
		if k := strings.LastIndex(org, bad); k >= 0 {
			org = strings.TrimSpace(org[k+len(bad):])
		}
	}
	start = roleStart
	if org != "" {
		start = roleStart - len(strings.TrimLeft(s[i:roleStart], " "))
		if k := strings.Index(s[i:roleStart], org); k >= 0 {
			start = i + k
		}
	}
	return s[start:end], role, org, start
}

// subjectsBefore finds who takes up (or leaves) a title at verb offset p:
// the nearest person named before it in the sentence, or a pronoun
// resolved to one; a person joined to it by 和/与/、 too. It also returns
// the predecessor in "A接替B担任T".
func subjectsBefore(s string, st, p int, ms []mention, inSent func(mention) bool) (subjects []string, pred string) {
	var before []mention
	for _, m := range ms {
		if inSent(m) && m.ve <= p {
			before = append(before, m)
		}
	}
	// A接替B担任T: B is the predecessor, A the subject. An apposition
	// may stand between: 取代钉钉创始人无招担任.
	k := len(before) - 1
	if k >= 0 && between(s, before[k].ve, p) {
		pre := strings.TrimRight(s[max(st, before[k].vs-36):before[k].vs], " ")
		for _, v := range succeedVerbs {
			j := strings.LastIndex(pre, v)
			if j < 0 {
				continue
			}
			gap := pre[j+len(v):]
			if gap == "" || !strings.ContainsAny(gap, ",，。;；、") && titleBefore(strings.TrimRight(gap, " "), tables()) {
				pred = before[k].name
				before = before[:k]
				k--
				break
			}
		}
	}
	// 以X为T, 任命X为T: the person is the object of the marker.
	if k >= 0 {
		pre := strings.TrimRight(s[:before[k].vs], " ")
		for _, m := range objectMarkers {
			if strings.HasSuffix(pre, m) && between(s, before[k].ve, p) {
				return []string{before[k].name}, pred
			}
		}
	}
	if k >= 0 && between(s, before[k].ve, p) {
		subjects = append(subjects, before[k].name)
		// Coordinated subjects: 姜鹏和王文彬担任总裁.
		for k > 0 {
			gap := s[before[k-1].ve:before[k].vs]
			if gap != "和" && gap != "与" && gap != "、" && gap != "及" && gap != "以及" {
				break
			}
			k--
			if !slices.Contains(subjects, before[k].name) {
				subjects = append(subjects, before[k].name)
			}
		}
		return subjects, pred
	}
	// A pronoun subject: 2014年11月开始，他担任阿里云总裁.
	for _, pr := range []string{"他", "她"} {
		if j := strings.LastIndex(s[st:p], pr); j >= 0 && between(s, st+j+len(pr), p) {
			if name, ok := antecedent(s, ms, st+j); ok {
				return []string{name}, pred
			}
		}
	}
	return nil, pred
}

// between reports whether the text between a subject and its verb is short
// and stays in one sentence: "王坚在2013年9月卸任", "张建锋（花名行癫）接替
// 胡晓明担任", "叶军从…负责人调任钉钉，取代…担任". Only the nearest person
// before the verb is ever taken, so a comma is allowed.
func between(s string, a, p int) bool {
	if a > p {
		return false
	}
	gap := s[a:p]
	if utf8.RuneCountInString(gap) > 40 {
		return false
	}
	depth := 0
	for _, r := range gap {
		switch r {
		case '(', '（':
			depth++
		case ')', '）':
			depth--
		case '。', '；', ';', '!', '?', '！', '？', '\n':
			return false
		}
	}
	return true
}

// dateFor picks the time expression that dates a tenure verb at p: the last
// one before p in the sentence, else the first after p in it, else the
// last one of the previous sentence in the same paragraph.
func dateFor(s string, st, en, p int, dates []when) (when, bool) {
	var best *when
	for i := range dates {
		w := &dates[i]
		if w.vs >= st && w.ve <= p {
			best = w
		}
	}
	if best != nil {
		return *best, true
	}
	for i := range dates {
		if w := dates[i]; w.vs >= p && w.ve <= en {
			return w, true
		}
	}
	// The sentence before, in the same paragraph.
	if st > 0 && s[st-1] != '\n' {
		prev := sentenceStart(s, st-1)
		for i := len(dates) - 1; i >= 0; i-- {
			if w := dates[i]; w.vs >= prev && w.ve <= st {
				return w, true
			}
		}
	}
	return when{}, false
}

// dedupTitles merges facts that say the same thing (same person, title,
// dates), keeping the first source.
func dedupTitles(ts []titleFact) []titleFact {
	var out []titleFact
	for _, t := range ts {
		dup := false
		for i := range out {
			o := &out[i]
			if o.name == t.name && o.kind == t.kind && o.Role == t.Role && o.Org == t.Org && o.From == t.From && o.To == t.To {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, t)
		}
	}
	return out
}

// orgsMatch reports whether two organisations may be the same: equal, one
// empty, or one a prefix of the other (阿里云 and 阿里云智能事业群).
func orgsMatch(a, b string) bool {
	a, b = Simplified(strings.ReplaceAll(a, " ", "")), Simplified(strings.ReplaceAll(b, " ", ""))
	return a == "" || b == "" || strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// mergeTenures turns one person's title facts from all documents into
// titles: ends close the matching open tenures, titles stated in passing
// are dropped when a dated tenure of the same role covers them, and
// repeated statements are merged. Sources that disagree on dates stay
// separate titles.
func mergeTenures(facts []titleFact) []Title {
	var out []Title
	var kinds []int
	find := func(t titleFact, open bool) int {
		for i := range out {
			if kinds[i] == tkAppos || out[i].Role != t.Role || !orgsMatch(out[i].Org, t.Org) {
				continue
			}
			if open && (!out[i].To.IsZero() || !t.To.IsZero() && !out[i].From.IsZero() && t.To.Before(out[i].From)) {
				continue
			}
			return i
		}
		return -1
	}
	for _, t := range facts {
		if t.kind != tkStart {
			continue
		}
		dup := false
		for i := range out {
			if out[i].Role == t.Role && out[i].Org == t.Org && out[i].From == t.From && out[i].To == t.To {
				dup = true
			}
		}
		if !dup {
			out = append(out, t.Title)
			kinds = append(kinds, tkStart)
		}
	}
	for _, t := range facts {
		if t.kind != tkEnd && t.kind != tkPred {
			continue
		}
		if i := find(t, true); i >= 0 {
			out[i].To = t.To
			out[i].EndSource = t.EndSource
			continue
		}
		if i := find(t, false); i >= 0 && out[i].To == t.To {
			continue // the same end, stated again
		}
		tt := t.Title
		tt.From = Date{}
		out = append(out, tt)
		kinds = append(kinds, t.kind)
	}
	// Leaving (退休, 离职) closes every tenure still open at that date.
	for _, t := range facts {
		if t.kind != tkLeave || t.To.IsZero() {
			continue
		}
		for i := range out {
			if t.Org != "" && orgKey(out[i].Org) != "" && !orgsMatch(orgKey(t.Org), orgKey(out[i].Org)) {
				continue // left another organisation
			}
			if kinds[i] == tkStart && out[i].To.IsZero() && !out[i].From.IsZero() && !t.To.Before(out[i].From) {
				out[i].To = t.To
				out[i].EndSource = t.EndSource
			}
		}
	}
	for _, t := range facts {
		if t.kind != tkAppos {
			continue
		}
		covered := false
		for i := range out {
			if out[i].Role == t.Role && orgsMatch(out[i].Org, t.Org) && (kinds[i] != tkAppos || out[i].Org == t.Org || t.Org == "") {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, t.Title)
			kinds = append(kinds, tkAppos)
		}
	}
	return out
}

// singleRoles are held by one person at a time in an organisation: when
// someone else takes one up, the holder before has left it.
var singleRoles = map[string]bool{
	"首席执行官": true, "首席技术官": true, "首席运营官": true, "首席财务官": true, "首席信息官": true,
	"首席营销官": true, "总裁": true, "董事长": true, "董事会主席": true, "总经理": true,
	"行长": true, "院长": true, "校长": true, "掌门人": true,
}

// orgKey normalises an organisation for comparing tenures: no spaces,
// simplified, without the suffixes of a company's legal name, and with
// the well-known short forms (阿里巴巴集团 and 阿里集团 are both 阿里).
func orgKey(o string) string {
	o = Simplified(foldString(strings.ReplaceAll(o, " ", "")))
	for _, suf := range []string{"股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司", "控股"} {
		o = strings.TrimSuffix(o, suf)
	}
	if short, ok := orgShortForms[o]; ok {
		return short
	}
	return o
}

// orgShortForms maps companies' full names to the short forms the press
// uses for them.
var orgShortForms = map[string]string{
	"阿里巴巴": "阿里", "腾讯控股": "腾讯", "华为技术": "华为", "百度在线": "百度",
	"北京字节跳动": "字节跳动", "小米科技": "小米", "京东商城": "京东", "台湾积体电路制造": "台积电",
}

// inferSuccessions closes open tenures of a one-holder role when another
// person takes up the same role in the same organisation later: the
// predecessor's tenure ends when the successor's starts. The end's source
// is the successor's statement.
func inferSuccessions(leaders []Leader) {
	type ref struct{ l, t int }
	var starts []ref
	for i := range leaders {
		for j, t := range leaders[i].Titles {
			if !t.From.IsZero() && singleRoles[t.Role] && orgKey(t.Org) != "" {
				starts = append(starts, ref{i, j})
			}
		}
	}
	for _, a := range starts {
		ta := &leaders[a.l].Titles[a.t]
		if !ta.To.IsZero() {
			continue
		}
		var next *Title
		for _, b := range starts {
			tb := &leaders[b.l].Titles[b.t]
			if b.l == a.l || tb.Role != ta.Role || orgKey(tb.Org) != orgKey(ta.Org) || !tb.From.After(ta.From) {
				continue
			}
			if next == nil || tb.From.Before(next.From) {
				next = tb
			}
		}
		if next != nil {
			ta.To = next.From
			ta.EndSource = next.Source
		}
	}
}
