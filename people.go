package yunshi

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Person recognition. gse's part-of-speech tags alone are too noisy to find
// names (it tags 小镇 and 敬仰 as names and splits 张建锋 apart), so a name is
// taken only with evidence:
//
//   - the lexicon: the built-in table of public people and their aliases,
//     the user's Lexicon, and names declared earlier in the corpus;
//   - a declaration: 胡晓明（花名孙权）, 人称"Y"的X, 萨提亚·纳德拉（Satya Nadella）;
//   - a title before it: 阿里云总裁王坚, CTO 行癫, 创始人沈学良;
//   - a speech or action verb, an honorific or an adverb after it:
//     王坚说, 沈学良后来回忆说, 王坚博士, 刘江又写下;
//   - a transcript label (毕玄：…), 据X透露, 署名X, 我是X, @X;
//   - coordination with a person: 姜鹏和王文彬担任总裁.
//
// A candidate is a surname followed by one or two characters (a compound
// surname by one or two), whose end gse's HMM segmentation agrees with;
// it is dropped if it is a product, place, organisation or common word.

// A found person name in a document, before canonicalisation.
type nameHit struct {
	start, end int    // span in the view
	name       string // the name as found (view form)
	alias      string // for declarations: the alias declared for name
	strong     bool   // evidence that stands alone
}

// discoverNames finds person names in a view with the evidence above. It
// returns names and declared aliases; mentions are found afterwards by
// matching all known names.
func discoverNames(s string, reg *registry, cache *sync.Map) []nameHit {
	known := reg.known
	t := &finder{nameTables: tables(), cache: cache}
	var hits []nameHit
	add := func(h nameHit) { hits = append(hits, h) }
	found := map[string]bool{}
	var anchors [][2]int // spans of known names, for coordination

	// Foreign names written with a middle dot.
	for i := 0; i < len(s); {
		j := indexDot(s[i:])
		if j < 0 {
			break
		}
		j += i
		if st, en, ok := dottedName(s, j); ok {
			add(nameHit{start: st, end: en, name: s[st:en], strong: true})
			i = en
			continue
		}
		_, size := utf8.DecodeRuneInString(s[j:])
		i = j + size
	}

	var decls []nameHit // declared aliases, found in the same pass
	for i := 0; i < len(s); {
		r, size := decodeRune(s, i)
		if r == '(' || r == '（' {
			if h, ok := latinDecl(s, i, size, t, known); ok {
				decls = append(decls, h)
			}
		}
		if r < 0x4E00 || r > 0x9FFF {
			i += size
			continue
		}
		if t.aliasKeyBit[r>>6]&(1<<(r&63)) != 0 {
			for _, key := range aliasKeys {
				if strings.HasPrefix(s[i:], key) {
					if h, ok := aliasDecl(s, i, key, t, known); ok {
						decls = append(decls, h)
					}
					break
				}
			}
		}
		// Known names are found later; here only evidence for new ones.
		// Look at the cheap context first and segment only when some
		// evidence is there.
		if t.surnameBit[r>>6]&(1<<(r&63)) == 0 && (t.compoundBit[r>>6]&(1<<(r&63)) == 0 || !compoundAt(s, i, t.nameTables)) {
			i += size
			continue
		}
		// A name already known needs no new evidence: its mentions are
		// found by the registry.
		if n := knownAt(s, i, reg, found); n > 0 {
			anchors = append(anchors, [2]int{i, i + n})
			i += n
			continue
		}
		ev := evidenceBefore(s, i, t.nameTables)
		ctxEnd := 0 // where the context alone puts the end of the name
		if ev == evNone {
			for runes := 2; runes <= 4 && ev == evNone; runes++ {
				j := advance(s, i, runes)
				if ev = evidenceAfter(s, i, j, t.nameTables); ev != evNone {
					ctxEnd = j
				}
			}
		}
		if ev == evNone {
			i += size
			continue
		}
		// After a title the end is often plain: 玩蟹科技 CEO 叶凯在微博上,
		// 创始人沈学良。 When exactly one length ends at a boundary, take it.
		if ctxEnd == 0 {
			ctxEnd = boundaryEnd(s, i, t.nameTables)
		}
		// Where the context puts the end of the name and the name looks
		// right, no segmentation is needed (王坚说, 沈学良后来回忆说);
		// otherwise gse decides (阿里云总裁王坚来到…).
		var n int
		var merged bool
		if ctxEnd > 0 && contextName(s, i, ctxEnd, t.nameTables) {
			n = ctxEnd - i
		} else {
			n, merged = candidateMerged(s, i, t)
		}
		if n == 0 {
			i += size
			continue
		}
		name := s[i : i+n]
		if !isPersonLike(name, t.nameTables) && !known(name) {
			i += size
			continue
		}
		ev = max(evidenceBefore(s, i, t.nameTables), evidenceAfter(s, i, i+n, t.nameTables))
		if ev == evNone || merged && ev != evStrong {
			i += size
			continue
		}
		add(nameHit{start: i, end: i + n, name: name, strong: ev == evStrong || known(name)})
		if ev == evStrong {
			found[name] = true
		}
		i += n
	}

	// Coordination: X和Y, X、Y、Z where one of them is a person found
	// with evidence. Names found this way extend the chain.
	var more []nameHit
	for _, h := range hits {
		anchors = append(anchors, [2]int{h.start, h.end})
	}
	for k := 0; k < len(anchors); k++ {
		a := anchors[k]
		if st, en, ok := coordinated(s, a[0], t); ok && !known(s[st:en]) && !found[s[st:en]] {
			found[s[st:en]] = true
			more = append(more, nameHit{start: st, end: en, name: s[st:en], strong: true})
			anchors = append(anchors, [2]int{st, en})
		}
		if st, en, ok := coordinatedAfter(s, a[1], t); ok && !known(s[st:en]) && !found[s[st:en]] {
			found[s[st:en]] = true
			more = append(more, nameHit{start: st, end: en, name: s[st:en], strong: true})
			anchors = append(anchors, [2]int{st, en})
		}
	}
	hits = append(hits, more...)

	// Declarations of aliases.
	hits = append(hits, decls...)
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].start < hits[b].start })
	return hits
}

const (
	evNone = iota
	evWeak
	evStrong
)

// boundaryEnd returns the end of a two- or three-character name at i when
// exactly one of the two lengths is followed by a boundary — punctuation,
// a non-Han character, a function word or a word that follows names — and
// 0 otherwise.
func boundaryEnd(s string, i int, t *nameTables) int {
	end := 0
	for runes := 2; runes <= 3; runes++ {
		j := advance(s, i, runes)
		if j == i || utf8.RuneCountInString(s[i:j]) != runes {
			continue
		}
		if boundaryAt(s, i, j, t) {
			if end != 0 {
				return 0 // both lengths fit: let the segmenter decide
			}
			end = j
		}
	}
	return end
}

func boundaryAt(s string, i, j int, t *nameTables) bool {
	if j >= len(s) {
		return true
	}
	r, _ := decodeRune(s, j)
	if !isHanChar(r) {
		return true
	}
	if strings.ContainsRune("的在和与及是说也又就都曾等之从对为被将把于向给以由称", r) {
		return true
	}
	return evidenceAfter(s, i, j, t) != evNone
}

// contextName reports whether s[i:j], ended by its context, can be taken
// for a name without segmenting: two or three characters, person-like, no
// two of them a common word (王坚持认为: 坚持; 战略学教授: 战略), and not
// starting inside a word (访谈中透露).
func contextName(s string, i, j int, t *nameTables) bool {
	name := s[i:j]
	r := utf8.RuneCountInString(name)
	if r < 2 || r > 3 || !isPersonLike(name, t) || !startsWord(s, i, t) {
		return false
	}
	if r == 3 && (t.common[s[i:advance(s, i, 2)]] || t.common[s[advance(s, i, 1):j]]) {
		return false
	}
	return true
}

// startsWord reports whether no common word of gse's dictionary spans
// offset i: a name cannot start inside 访谈, 阶段性 or 发展.
func startsWord(s string, i int, t *nameTables) bool {
	a := i
	for k := 0; k < 3 && a > 0; k++ {
		r, size := utf8.DecodeLastRuneInString(s[:a])
		if !isHanChar(r) {
			break
		}
		a -= size
		b := i
		for m := 0; m < 3 && b < len(s); m++ {
			r2, size2 := decodeRune(s, b)
			if !isHanChar(r2) {
				break
			}
			b += size2
			if n := utf8.RuneCountInString(s[a:b]); n >= 2 && n <= 4 && t.common[s[a:b]] {
				return false
			}
		}
	}
	return true
}

// candidateAt returns the byte length of a name candidate starting at i: a
// surname (or compound surname) and given name, with the end where gse
// puts it; 0 if there is none.
func candidateAt(s string, i int, t *finder) int {
	n, merged := candidateMerged(s, i, t)
	if merged {
		return 0
	}
	return n
}

// candidateMerged is candidateAt, also accepting a surname merged with
// the word after it (钟/南山), which it reports.
func candidateMerged(s string, i int, t *finder) (int, bool) {
	r, _ := utf8.DecodeRuneInString(s[i:])
	compound := compoundAt(s, i, t.nameTables)
	if !t.surname[r] && !compound {
		return 0, false
	}
	n, merged := t.nameAtMerged(s[i:])
	if n == 0 || !startsWord(s, i, t.nameTables) {
		return 0, false
	}
	runes := utf8.RuneCountInString(s[i : i+n])
	if compound && (runes < 3 || runes > 4) || !compound && runes > 3 {
		return 0, false
	}
	// A three-character name whose last character starts a common word
	// with what follows (郎平赛后表示: 赛后) is more likely two characters.
	if !compound && runes == 3 {
		two := advance(s, i, 2)
		if next := advance(s, i+n, 1); next > i+n && t.common[s[two:next]] && !t.common[s[i:two]] {
			return two - i, merged
		}
	}
	return n, merged
}

// isPersonLike reports whether a candidate could be a name: all Han, not a
// product, place, organisation or common word, and free of characters that
// do not occur in names.
func isPersonLike(name string, t *nameTables) bool {
	if t.notPerson[name] || t.common[name] || t.titles[name] || t.speech[name] || t.action[name] {
		return false
	}
	for _, r := range name {
		if !isHanChar(r) || strings.ContainsRune("的了是在和与及也又就都而但说着过地得们这那其此之每各", r) {
			return false
		}
	}
	return true
}

// indexDot returns the index of the first middle dot in s (·, •, ‧, ・), or
// -1.
func indexDot(s string) int {
	best := -1
	for _, d := range []string{"·", "•", "‧", "・"} {
		if k := strings.Index(s, d); k >= 0 && (best < 0 || k < best) {
			best = k
			s = s[:k] // later searches only need to look before it
		}
	}
	return best
}

// indexOpenParen returns the index of the first ( or （ in s, or -1.
func indexOpenParen(s string) int {
	a, b := strings.IndexByte(s, '('), strings.Index(s, "（")
	if a < 0 || b >= 0 && b < a {
		return b
	}
	return a
}

// closeParen returns the index of the first ) or ） in s, or -1.
func closeParen(s string) int {
	a, b := strings.IndexByte(s, ')'), strings.Index(s, "）")
	if a < 0 || b >= 0 && b < a {
		return b
	}
	return a
}

// compoundAt reports whether a compound surname starts at i.
func compoundAt(s string, i int, t *nameTables) bool {
	r, size := utf8.DecodeRuneInString(s[i:])
	if r >= 0x10000 || t.compoundBit[r>>6]&(1<<(r&63)) == 0 {
		return false
	}
	j := advance(s, i+size, 1)
	return j > i && t.compound[s[i:j]]
}

// knownAt returns the length of a known or already found name that starts
// at i, or 0.
func knownAt(s string, i int, reg *registry, found map[string]bool) int {
	best := reg.prefixAt(s, i)
	if len(found) > 0 {
		j := i
		for k := 1; k <= 4 && j < len(s); k++ {
			_, size := decodeRune(s, j)
			j += size
			if k >= 2 && j-i > best && found[s[i:j]] {
				best = j - i
			}
		}
	}
	return best
}

// advance returns the byte offset n runes after i (or len(s)).
func advance(s string, i, n int) int {
	for ; n > 0 && i < len(s); n-- {
		_, size := decodeRune(s, i)
		i += size
	}
	return i
}

// evidenceBefore grades what precedes a candidate name starting at i: a
// title, a marker such as 署名 or @, the start of a transcript label.
func evidenceBefore(s string, i int, t *nameTables) int {
	before := strings.TrimRight(s[:i], " ")
	if titleBefore(before, t) {
		return evStrong
	}
	for _, m := range []string{"署名", "名叫", "叫做", "我是", "@", "对话", "专访"} {
		if strings.HasSuffix(before, m) {
			return evStrong
		}
	}
	return evNone
}

// evidenceAfter grades what follows a candidate name s[i:j].
func evidenceAfter(s string, i, j int, t *nameTables) int {
	after := s[j:]
	for strings.HasPrefix(after, " ") {
		after = after[1:]
	}
	after = skipGloss(after)
	if after == "" {
		return evNone
	}
	// A transcript label: the name opens a paragraph and a colon follows.
	if after[0] == ':' || strings.HasPrefix(after, "：") {
		if i == 0 || s[i-1] == '\n' {
			return evStrong
		}
		return evNone
	}
	// A declaration: X(花名Y).
	if after[0] == '(' || strings.HasPrefix(after, "（") {
		inner := strings.TrimLeft(after[strings.IndexAny(after, "(（")+1:], " ")
		for _, k := range aliasKeys {
			if strings.HasPrefix(inner, k) {
				return evStrong
			}
		}
		return evNone
	}
	before := strings.TrimRight(s[:i], " ")
	// 以X为总裁, 任命X为CEO, 由X出任: the person is the object of a marker.
	if strings.HasPrefix(after, "为") || strings.HasPrefix(after, "担任") || strings.HasPrefix(after, "出任") {
		for _, m := range []string{"以", "任命", "聘请", "聘任", "提名", "推选", "选举", "由"} {
			if strings.HasSuffix(before, m) && titleSoon(after, t) {
				return evStrong
			}
		}
	}
	// 刘德音于2018年6月接替…, 刘德音正式退休: past a date or an adverb, a
	// verb of office or speech still counts.
	if rest, ok := skipAdverbial(after); ok {
		for _, w := range t.follow.words(rest) {
			if strings.HasPrefix(rest, w.w) && utf8.RuneCountInString(w.w) >= 2 && w.kinds&(wStart|wEnd|wSpeech) != 0 {
				return evStrong
			}
		}
	}
	ws := t.follow.words(after)
	if len(ws) == 0 {
		return evNone
	}
	weak := false
	for _, w := range ws {
		if !strings.HasPrefix(after, w.w) {
			continue
		}
		n := utf8.RuneCountInString(w.w)
		switch {
		case w.kinds&wSpeech != 0 && (strings.HasSuffix(before, "据") || strings.HasSuffix(before, "听")):
			return evStrong // 据X透露, 听X说
		case w.kinds&(wAction|wStart) != 0 && n >= 2 && strings.HasSuffix(before, "由"):
			return evStrong // 由X带领, 由X担任
		case w.kinds&wHonor != 0 && w.w != "总" && w.w != "董":
			return evStrong
		case w.kinds&wSpeech != 0 && (n >= 2 || w.w == "说"):
			return evStrong
		case w.kinds&wStart != 0 && n >= 2, w.kinds&wEnd != 0:
			return evStrong
		case w.kinds&wAction != 0 && (n >= 2 || strings.ContainsAny(w.w, "曾也又还就则却便都才已")):
			weak = true
		}
	}
	// An action verb or an adverb counts after a name that opens a clause.
	if weak && clauseStart(before) {
		return evWeak
	}
	return evNone
}

// skipGloss skips a pinyin gloss in brackets after a name: 王堅(jiān)表示.
func skipGloss(s string) string {
	if !strings.HasPrefix(s, "(") {
		return s
	}
	end := strings.IndexByte(s, ')')
	if end < 2 || end > 24 {
		return s
	}
	for _, r := range s[1:end] {
		if !(r >= 'a' && r <= 'z' || r == ' ' || r >= 0xC0 && r <= 0x24F) {
			return s
		}
	}
	return strings.TrimLeft(s[end+1:], " ")
}

// skipAdverbial skips, at the start of s, a time phrase (于2018年6月,
// 在2013年) or an adverb (正式, 随后, 已经) that may stand between a name
// and its verb.
func skipAdverbial(s string) (string, bool) {
	r, _ := decodeRune(s, 0)
	if !strings.ContainsRune("于在正随已即早先日近今昨也又曾将", r) {
		return s, false
	}
	if strings.HasPrefix(s, "于") || strings.HasPrefix(s, "在") {
		rest := s[len("于"):]
		i := 0
		for i < len(rest) {
			r, size := decodeRune(rest, i)
			if !(r >= '0' && r <= '9' || r == ' ' || strings.ContainsRune("年月日号底初中旬今去同当", r)) {
				break
			}
			i += size
		}
		if i > 0 {
			return rest[i:], true
		}
	}
	for _, a := range []string{"正式", "随后", "随即", "已经", "即将", "早已", "先后", "日前", "近日", "今天", "昨天", "也", "又", "曾", "已", "将"} {
		if strings.HasPrefix(s, a) {
			return s[len(a):], true
		}
	}
	return s, false
}

// titleSoon reports whether a title word appears in s before the end of
// its clause.
func titleSoon(s string, t *nameTables) bool {
	for i, n := 0, 0; i < len(s) && n < 20; n++ {
		r, size := decodeRune(s, i)
		if isClauseBreak(r) {
			return false
		}
		end := i + size
		if rs := t.titleEnds[r]; rs != nil {
			for _, w := range rs {
				if strings.HasSuffix(s[:end], w) {
					return true
				}
			}
		}
		i = end
	}
	return false
}

// aliasKeys introduce an alias inside brackets or after a comma.
var aliasKeys = []string{"花名", "人称", "外号", "昵称", "绰号", "别名", "英文名", "网名", "艺名", "笔名", "本名", "原名", "真名"}

// titleBefore reports whether before ends with a title word.
func titleBefore(before string, t *nameTables) bool {
	before = strings.TrimSuffix(before, "的")
	r, _ := utf8.DecodeLastRuneInString(before)
	for _, w := range t.titleEnds[r] {
		if !strings.HasSuffix(before, w) {
			continue
		}
		// An ASCII title must not be the tail of a longer word.
		i := len(before) - len(w)
		if before[i] < utf8.RuneSelf && i > 0 && isASCIILetter(before[i-1]) {
			continue
		}
		return true
	}
	return false
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// prefixWord returns the longest word of set that s starts with.
func prefixWord(s string, set map[string]bool, maxRunes int) string {
	best := ""
	i := 0
	for k := 0; k < maxRunes && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if set[s[:i]] {
			best = s[:i]
		}
	}
	return best
}

// clauseStart reports whether text ending in before ends a clause, so that
// what follows starts one.
func clauseStart(before string) bool {
	if before == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	if strings.ContainsRune("\n,.;:!?，。；：！？、“”「」『』\"'()（）—…", r) {
		return true
	}
	for _, w := range []string{"而", "但", "可", "和", "与", "及", "由", "并且", "而且", "但是", "后来", "随后", "当时", "其中", "此后", "之后", "于是", "因此", "所以"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// coordinated finds a name joined by 和/与/及/、 to the person starting at
// p: 姜鹏和王文彬.
func coordinated(s string, p int, t *finder) (int, int, bool) {
	before := s[:p]
	for _, conj := range []string{"和", "与", "及", "、", "以及", "跟", "同"} {
		if !strings.HasSuffix(before, conj) {
			continue
		}
		end := len(before) - len(conj)
		// Try names of 2 and 3 characters ending at end.
		for _, runes := range []int{3, 2} {
			st := end
			for k := 0; k < runes && st > 0; k++ {
				_, size := utf8.DecodeLastRuneInString(s[:st])
				st -= size
			}
			if n := candidateAt(s, st, t); n > 0 && st+n == end && isPersonLike(s[st:end], t.nameTables) {
				return st, end, true
			}
		}
	}
	return 0, 0, false
}

// coordinatedAfter finds a name joined by 、/和/与/及 after a person
// ending at e: 郭平、徐直军、胡厚崑.
func coordinatedAfter(s string, e int, t *finder) (int, int, bool) {
	for _, conj := range []string{"、", "和", "与", "及", "以及"} {
		if !strings.HasPrefix(s[e:], conj) {
			continue
		}
		st := e + len(conj)
		if st >= len(s) {
			return 0, 0, false
		}
		if t.surnameBit[firstRune(s[st:])>>6]&(1<<(firstRune(s[st:])&63)) == 0 && !compoundAt(s, st, t.nameTables) {
			return 0, 0, false
		}
		if en := boundaryEnd(s, st, t.nameTables); en > 0 && contextName(s, st, en, t.nameTables) {
			return st, en, true
		}
		if n := candidateAt(s, st, t); n > 0 && isPersonLike(s[st:st+n], t.nameTables) && boundaryAt(s, st, st+n, t.nameTables) {
			return st, st + n, true
		}
	}
	return 0, 0, false
}

// dottedName returns the span of a foreign name around the middle dot at
// j (萨提亚·纳德拉), if the parts look like transliterations.
func dottedName(s string, j int) (int, int, bool) {
	t := tables()
	st := j
	for st > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:st])
		if !t.translit[r] {
			break
		}
		st -= size
	}
	_, dot := utf8.DecodeRuneInString(s[j:])
	en := j + dot
	parts := 1
	for {
		k := en
		for k < len(s) {
			r, size := utf8.DecodeRuneInString(s[k:])
			if !t.translit[r] {
				break
			}
			k += size
		}
		if k == en {
			break
		}
		en = k
		r, size := utf8.DecodeRuneInString(s[en:])
		if r == '·' || r == '•' || r == '‧' || r == '・' {
			parts++
			if k2 := en + size; k2 < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[k2:]); t.translit[r2] {
					en = k2
					continue
				}
			}
		}
		break
	}
	first := utf8.RuneCountInString(s[st:j])
	if st == j || en <= j+dot || first < 1 || first > 6 || utf8.RuneCountInString(s[j+dot:en]) > 10 {
		return 0, 0, false
	}
	if utf8.RuneCountInString(s[j+dot:en]) < 2 && first < 2 {
		return 0, 0, false
	}
	return st, en, true
}

// aliasDecl reads a declaration around an alias key at k:
// 人称"Y"的X (the name follows) or X（花名Y）, X，花名Y (it precedes).
func aliasDecl(s string, k int, key string, t *finder, known func(string) bool) (nameHit, bool) {
	i := k + len(key)
	rest := strings.TrimLeft(s[i:], " :：为是叫作“\"「『'")
	alias := leadingAlias(rest)
	if alias == "" {
		return nameHit{}, false
	}
	afterAlias := strings.TrimLeft(rest[len(alias):], " ”\"」』'")
	if strings.HasPrefix(afterAlias, "的") {
		p := len(s) - len(afterAlias) + len("的")
		if n := nameAfterDecl(s, p, t, known); n > 0 {
			return nameHit{start: p, end: p + n, name: s[p : p+n], alias: alias, strong: true}, true
		}
		return nameHit{}, false
	}
	before := strings.TrimRight(s[:k], " (（,，")
	if st, ok := nameBefore(s, before, t, known); ok {
		return nameHit{start: st, end: len(before), name: s[st:len(before)], alias: alias, strong: true}, true
	}
	return nameHit{}, false
}

// latinDecl reads "X（Latin Name）" after a person name, with the bracket
// at k.
func latinDecl(s string, k, size int, t *finder, known func(string) bool) (nameHit, bool) {
	i := k + size
	end := closeParen(s[i:min(len(s), i+64)])
	if end < 0 || end > 40 {
		return nameHit{}, false
	}
	inner := strings.TrimSpace(s[i : i+end])
	// X（Y） with one of the two a known person and the other a name-like
	// word: 胡晓明（孙权）, 行癫（张建锋）.
	if r := utf8.RuneCountInString(inner); r >= 2 && r <= 4 && isHanChar(firstRune(inner)) {
		for _, key := range aliasKeys {
			if strings.HasPrefix(inner, key) {
				return nameHit{}, false // 花名行癫: read by aliasDecl
			}
		}
		before := s[:k]
		st, ok := nameBefore(s, before, t, known)
		if !ok {
			return nameHit{}, false
		}
		x := before[st:]
		if known(x) && isPersonLike(inner, t.nameTables) || known(inner) && (known(x) || isPersonLike(x, t.nameTables)) {
			return nameHit{start: st, end: len(before), name: x, alias: inner, strong: true}, true
		}
		return nameHit{}, false
	}
	if inner == "" || inner[0] < 'A' || inner[0] > 'Z' || !latinName(inner) {
		return nameHit{}, false
	}
	before := s[:k]
	if st, ok := nameBefore(s, before, t, known); ok && (strings.ContainsAny(before[st:], "·•") || known(before[st:])) {
		return nameHit{start: st, end: len(before), name: before[st:], alias: inner, strong: true}, true
	}
	return nameHit{}, false
}

// leadingAlias returns the alias at the start of s: two to four Han
// characters, or a Latin name.
func leadingAlias(s string) string {
	n, i := 0, 0
	for i < len(s) && n < 4 {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isHanChar(r) {
			break
		}
		i += size
		n++
	}
	if n >= 2 {
		// Do not swallow what follows a four-character run.
		if i < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[i:]); isHanChar(r) && n == 4 {
				return ""
			}
		}
		return s[:i]
	}
	j := strings.IndexFunc(s, func(r rune) bool { return !(r < utf8.RuneSelf && (unicode.IsLetter(r) || r == ' ' || r == '.')) })
	if j < 0 {
		j = len(s)
	}
	if w := strings.TrimSpace(s[:j]); latinName(w) {
		return w
	}
	return ""
}

// latinName reports whether s looks like a name in Latin letters: one to
// four capitalised words.
func latinName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '.' && c != '-' && c != '\'' {
				return false
			}
		}
	}
	return true
}

// nameBefore finds a person name ending at the end of before.
func nameBefore(s, before string, t *finder, known func(string) bool) (int, bool) {
	end := len(before)
	if end == 0 {
		return 0, false
	}
	// A foreign name with a middle dot.
	if st, en, ok := lastDotted(before); ok && en == end {
		return st, true
	}
	for _, runes := range []int{4, 3, 2} {
		st := end
		for k := 0; k < runes && st > 0; k++ {
			_, size := utf8.DecodeLastRuneInString(s[:st])
			st -= size
		}
		name := s[st:end]
		if utf8.RuneCountInString(name) != runes {
			continue
		}
		if known(name) {
			return st, true
		}
		if n := candidateAt(s, st, t); n > 0 && st+n == end && isPersonLike(name, t.nameTables) {
			return st, true
		}
	}
	return 0, false
}

func lastDotted(before string) (int, int, bool) {
	// A name ends where before ends: look only at its last few runes.
	tail := max(0, len(before)-48)
	j := strings.LastIndexAny(before[tail:], "·•")
	if j >= 0 {
		j += tail
	}
	if j < 0 {
		return 0, 0, false
	}
	return dottedName(before, j)
}

// nameAfterDecl finds the name after "人称Y的".
func nameAfterDecl(s string, p int, t *finder, known func(string) bool) int {
	for _, runes := range []int{4, 3, 2} {
		end := p
		for k := 0; k < runes && end < len(s); k++ {
			_, size := utf8.DecodeRuneInString(s[end:])
			end += size
		}
		if known(s[p:end]) {
			return end - p
		}
	}
	if n := candidateAt(s, p, t); n > 0 && isPersonLike(s[p:p+n], t.nameTables) {
		return n
	}
	return 0
}
