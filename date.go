package yunshi

import (
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// A Grain is the precision of a time expression: the calendar unit its
// interval is counted in. The zero Grain means none, as for durations and
// unresolved expressions.
type Grain int8

// The grains, finest first.
const (
	GrainDay     Grain = iota + 1 // one or more days (2013年8月15日, 9月底)
	GrainWeek                     // a Monday-to-Sunday week (上周)
	GrainMonth                    // a month (2013年8月)
	GrainQuarter                  // a quarter (一季度, 年底)
	GrainHalf                     // a half year (上半年)
	GrainYear                     // one or more years (2013年, 80年代, 十二五)
)

var grainNames = [...]string{"", "day", "week", "month", "quarter", "half", "year"}

// String returns the name of g: "day", "week", "month", "quarter", "half"
// or "year", and "" for the zero Grain.
func (g Grain) String() string {
	if g < 0 || int(g) >= len(grainNames) {
		return "grain(" + strconv.Itoa(int(g)) + ")"
	}
	return grainNames[g]
}

// MarshalText encodes g as its name.
func (g Grain) MarshalText() ([]byte, error) { return []byte(g.String()), nil }

// A DateKind tells what a time expression denotes.
type DateKind string

// The kinds of time expression.
const (
	KindPoint    DateKind = "point"    // one calendar period: 2013年8月, 去年, 双11
	KindRange    DateKind = "range"    // from one period to another: 2015年到2018年
	KindDuration DateKind = "duration" // a length of time: 4 个月, 1300多天
)

// A TimeExpr is a time expression found in a text by ExtractDates.
//
// Points and ranges are normalised to an inclusive interval of days,
// [From, To], with the Grain of the finer endpoint: 2013年 is 2013-01-01 to
// 2013-12-31 with GrainYear, 18年年底 is 2018-10-01 to 2018-12-31 with
// GrainQuarter. Durations carry an ISO 8601 duration instead and no
// interval.
type TimeExpr struct {
	Text       string   // the expression as written: text[Start:End]
	Start, End int      // byte offsets into the text given to ExtractDates
	From, To   Date     // inclusive interval; zero for durations and unresolved expressions
	Grain      Grain    // grain of the finer endpoint; zero for durations and unresolved expressions
	Kind       DateKind // point, range or duration
	Duration   string   // ISO 8601 duration for KindDuration ("P4M", "P1300D", "P2Y6M"), else ""
	Approx     bool     // marked as approximate: 前后, 左右, 许, 约, 大约, 近, 多, 余, 以上
	Unresolved bool     // relative to a date that the text and the reference date do not give

	anchor   bool // resolved and fit to anchor later bare or narrative dates
	title    bool // inside a 《》 or 〈〉 title
	forecast bool // in a clause that forecasts (预计, 将, 计划, 有望, 预测 …)
}

// String returns a compact form of e for tests and debugging: the text,
// then the interval and grain ("2013年8月 2013-08 month"), the duration
// ("4 个月 P4M") or "?" when unresolved, then "range" for ranges and "~"
// when approximate. Whole years and months are shown as such: 2013 is
// 2013-01-01..2013-12-31, 2013-08 is the whole of August 2013.
func (e TimeExpr) String() string {
	var b strings.Builder
	b.WriteString(e.Text)
	switch {
	case e.Kind == KindDuration:
		b.WriteString(" " + e.Duration)
	case e.Unresolved:
		b.WriteString(" ?")
	default:
		b.WriteString(" " + formatInterval(e.From, e.To) + " " + e.Grain.String())
	}
	if e.Kind == KindRange {
		b.WriteString(" range")
	}
	if e.Approx {
		b.WriteString(" ~")
	}
	return b.String()
}

// formatInterval writes [from, to] as whole years (2013, 2013..2016), whole
// months (2013-08, 2013-10..2013-12) or days.
func formatInterval(from, to Date) string {
	y := func(d Date) string { return strconv.Itoa(d.Year) }
	ym := func(d Date) string { return d.String()[:7] }
	join := func(a, b string) string {
		if a == b {
			return a
		}
		return a + ".." + b
	}
	switch {
	case from.Month == 1 && from.Day == 1 && to.Month == 12 && to.Day == 31:
		return join(y(from), y(to))
	case from.Day == 1 && to.Day == daysIn(to.Year, to.Month):
		return join(ym(from), ym(to))
	}
	return join(from.String(), to.String())
}

// ExtractDates finds the time expressions in text and resolves them against
// ref, the date the text was written (the zero Date when unknown). The
// result is sorted by Start; spans never overlap.
//
// The grammar covers absolute dates in Arabic, Chinese and fullwidth
// numerals (2013年8月15日, 二〇一三年十月, 2024-03-07, 20240307), two-digit
// years (18年: 20yy when that is at most ten years after ref, else 19yy;
// with a zero ref, up to 2035), parts of years and months (年初, 年底,
// 上半年, 一季度, 前三季度, 上旬, 9月底), decades and centuries (80年代,
// 上世纪九十年代, 19 世纪末), five-year plans (十二五), festivals (双11, 国庆,
// 春节, 农历八月廿三), ranges and lists (2015年到2018年, 9月17日至19日,
// 2011 年和 2012 年), durations (4 个月, 1300多天, 两年半) and relative
// expressions.
//
// Expressions relative to ref (今天, 去年, 上个月, 下周三, 三年前) are
// Unresolved when ref is zero. Narrative ones (当年, 次年, 当月, 次日,
// 去年同期) resolve against the most recent date before them, and so do
// dates without a year (5月6日, 8月) that have no year in their own
// sentence; dates in 《》 titles and in forecasts (预计…) never serve as
// such an anchor. With nothing to resolve against, an expression is
// reported Unresolved, never guessed.
//
// Not dates: counts and amounts (5000台, 2684亿元, 25.53%), stock codes,
// document numbers (2024-040), versions (3.0), ordinals (第3年), birth
// cohorts (80后, 92年的开发者).
//
// Spans exclude a leading 从, 自, 截至, 于 or 在 and a trailing 起, 以来,
// 止 or 开始, and index the original text even when it is written in
// traditional characters or fullwidth forms.
func ExtractDates(text string, ref Date) []TimeExpr {
	v := newView(text)
	return extractDates(v, ref, len(v.s))
}

// extractDates extracts time expressions from a view. Expressions that
// start at or after notes (an offset in v.s; len(v.s) for none), such as
// those in a reference list, are returned but neither anchor later
// expressions nor are anchored by earlier ones.
func extractDates(v *view, ref Date, notes int) []TimeExpr {
	return extractDatesIn(v, ref, notes, nil)
}

// extractDatesIn is extractDates with the sentences of v.s already split
// (splitSentences), or nil to split them as needed.
func extractDatesIn(v *view, ref Date, notes int, sents [][2]int) []TimeExpr {
	p := dparser{s: v.s, ref: ref}
	p.scan()
	if len(p.raw) == 0 {
		return nil
	}
	return p.resolveAll(v, notes, sents)
}

// Relations of an endpoint to the dates it depends on.
const (
	relNone   int8 = iota // written out, or bare (year from the context)
	relRef                // relative to the reference date: 今年, 上周二, 三年前
	relAnchor             // relative to the narrative: 当年, 次日, 去年同期
)

// Parts of a year, a month or a week.
const (
	partNone       int8 = iota
	partYearStart       // 年初: January to March
	partYearEnd         // 年底: October to December
	partH1              // 上半年
	partH2              // 下半年
	partQ1              // 一季度; partQ1+k is quarter k+1
	partQ2              //
	partQ3              //
	partQ4              //
	partQ1to2           // 前两季度: January to June
	partQ1to3           // 前三季度: January to September
	partMonthEarly      // 上旬, 月初: days 1–10
	partMonthMid        // 中旬: days 11–20
	partMonthLate       // 下旬, 月底: day 21 to the end
	partWeekend         // 周末: Saturday and Sunday
	partEve             // 除夕: the day before the lunar new year
)

// An ep is one endpoint of a time expression as parsed, before resolution.
type ep struct {
	rel   int8  // relNone, relRef or relAnchor
	unit  Grain // with rel: the unit that off counts
	off   int16 // with rel: offset in units
	year  int16 // written year, 0 if none (the last two digits when yy)
	yy    bool  // year is written with two digits
	month int8  // 1–12; 0 if none
	day   int8  // 1–31; 0 if none
	part  int8  // partXxx
	wday  int8  // with unit GrainWeek: 1 (Monday) to 7 (Sunday); 0 for the whole week
	lunar bool  // month and day are lunar
	same  bool  // relRef: 12年前的今天 (same day); relAnchor: 去年同期 (same period)
	fixed bool  // from, to and fg are known: decades, centuries, five-year plans
	fg    Grain
	from  Date
	to    Date
}

// bare reports whether e needs a year from its context.
func (e *ep) bare() bool { return e.rel == relNone && !e.fixed && e.year == 0 }

// statesYear reports whether e itself says which year it is in.
func (e *ep) statesYear() bool { return !e.fixed && (e.rel != relNone || e.year != 0) }

// A rawExpr is an expression as parsed, with offsets into the view.
type rawExpr struct {
	start, end int
	kind       DateKind
	dur        string
	approx     bool
	title      bool
	forecast   bool
	list       bool // the second of a list (2013年4月和5月): borrows from the one before
	a, b       ep   // b only for ranges
}

// A numTok is a number in the view: Arabic digits or Chinese numerals.
type numTok struct {
	v       int
	nd      int  // digits written: Arabic, or Chinese digit by digit (二〇一三); 0 for 二十四
	cn      bool // Chinese numerals
	pair    bool // two consecutive Chinese digits (三四): an approximate count
	grouped bool // Arabic digits in groups of three (5 000)
	plan    int  // a five-year plan (十二五 → 12)
	start   int
	end     int
}

// yearForm reports whether n can be a year written in full (2013,
// 二〇一三) or with two digits (18, 九二).
func (n numTok) yearForm() (full, two bool) {
	if n.grouped || n.plan != 0 {
		return false, false
	}
	if n.cn {
		return n.nd == 4, n.nd == 2 && !n.pair
	}
	return n.nd == 4 && n.v >= 1000 && n.v <= 2100, n.nd == 2
}

type yearHint struct{ pos, year int }

type dparser struct {
	s     string
	ref   Date
	raw   []rawExpr
	hints []yearHint // bare four-digit years (「2013 阿里云开发者大会」)
	depth int        // 《》 nesting at the scan position
	// Set while parsing an endpoint: a trailing number without a unit
	// (the 24 of 10 月 24—25 日) that a range may give a unit.
	dang numTok
}

// A runeSet is a set of runes of the Basic Multilingual Plane.
type runeSet [1 << 10]uint64

func (t *runeSet) has(r rune) bool { return r < 0x10000 && t[r>>6]&(1<<(r&63)) != 0 }

func (t *runeSet) add(s string) {
	for _, r := range s {
		t[r>>6] |= 1 << (r & 63)
	}
}

// cnDigits are the Chinese numerals the number lexer reads.
const cnDigits = "〇零一二三四五六七八九十百千万两廿卅"

// A dateTab holds the rune sets of the scanner: the runes at which an
// expression may start, and the Chinese numerals.
type dateTab struct{ trig, num runeSet }

var dateTables = sync.OnceValue(func() *dateTab {
	t := new(dateTab)
	t.num.add(cnDigits)
	t.trig.add(cnDigits)
	t.trig.add("今昨明前后去来本上下这那该是次翌隔当同第双国元春除端中重腊正冬农阴劳圣年岁半")
	t.trig.add("《》〈〉")
	return t
})

// isCNum reports whether r is a Chinese numeral.
func isCNum(r rune) bool { return dateTables().num.has(r) }

// scan finds the expressions in p.s.
func (p *dparser) scan() {
	tabs := dateTables()
	s := p.s
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= '0' && c <= '9', c == 'Q':
				i = p.try(i)
				continue
			case c == '\n':
				p.depth = 0
			}
			i++
			continue
		}
		var r rune
		size := 3
		if c&0xF0 == 0xE0 && i+2 < len(s) {
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !tabs.trig.has(r) {
			i += size
			continue
		}
		switch r {
		case '《', '〈':
			p.depth++
		case '》', '〉':
			if p.depth > 0 {
				p.depth--
			}
		default:
			i = p.try(i)
			continue
		}
		i += size
	}
}

// try parses an expression at i and returns where scanning goes on.
func (p *dparser) try(i int) int {
	n := len(p.raw)
	next := p.expr(i)
	for k := n; k < len(p.raw); k++ {
		x := &p.raw[k]
		x.title = p.depth > 0
		x.forecast = p.forecastBefore(x.start)
	}
	if next <= i {
		_, size := utf8.DecodeRuneInString(p.s[i:])
		next = i + size
	}
	return next
}

// Helpers over the view.

func (p *dparser) has(i int, w string) bool { return strings.HasPrefix(p.s[i:], w) }

// sp skips spaces (the view has folded U+3000 and NBSP to spaces).
func (p *dparser) sp(i int) int {
	for i < len(p.s) && (p.s[i] == ' ' || p.s[i] == '\t') {
		i++
	}
	return i
}

// spBack skips spaces backwards from i.
func (p *dparser) spBack(i int) int {
	for i > 0 && (p.s[i-1] == ' ' || p.s[i-1] == '\t') {
		i--
	}
	return i
}

func (p *dparser) runeAt(i int) rune {
	if i >= len(p.s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(p.s[i:])
	return r
}

func (p *dparser) runeBefore(i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(p.s[:i])
	return r
}

// oneOf reports whether r is one of the runes of set.
func oneOf(r rune, set string) bool { return r != 0 && strings.ContainsRune(set, r) }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isAlnum(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// lexNum reads the number at i.
func (p *dparser) lexNum(i int) (n numTok, ok bool) {
	s := p.s
	n.start = i
	if i >= len(s) {
		return n, false
	}
	if isDigit(s[i]) {
		j := i
		for j < len(s) && isDigit(s[j]) {
			if j-i < 9 {
				n.v = n.v*10 + int(s[j]-'0')
			}
			j++
		}
		n.nd = j - i
		// Digit groups: 5 000, 1 100.
		for n.nd <= 3 || n.grouped {
			if j+4 <= len(s) && s[j] == ' ' && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) &&
				(j+4 == len(s) || !isDigit(s[j+4])) && n.v < 1e6 {
				n.v = n.v*1000 + int(s[j+1]-'0')*100 + int(s[j+2]-'0')*10 + int(s[j+3]-'0')
				n.grouped = true
				j += 4
				continue
			}
			break
		}
		n.end = j
		return n, true
	}
	num := &dateTables().num
	j := i
	var digits [8]int8
	nd, units := 0, false
	total, sec, cur := 0, 0, -1
	valid := true
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !num.has(r) {
			break
		}
		j += size
		d := cnDigit(r)
		switch {
		case d >= 0:
			if nd < len(digits) {
				digits[nd] = int8(d)
			}
			nd++
			if r == '两' {
				nd += 100 // never digit by digit
			}
			if d == 0 {
				cur = -1
				continue
			}
			if cur >= 0 {
				valid = false
			}
			cur = d
		case r == '十':
			units = true
			m := 1
			if cur > 0 {
				m = cur
			}
			sec += m * 10
			cur = -1
		case r == '百' || r == '千':
			units = true
			if cur < 1 {
				valid = false
			}
			if r == '百' {
				sec += cur * 100
			} else {
				sec += cur * 1000
			}
			cur = -1
		case r == '万':
			units = true
			sec += max(cur, 0)
			if sec == 0 {
				valid = false
			}
			total += sec * 10000
			sec, cur = 0, -1
		case r == '廿' || r == '卅':
			units = true
			if cur >= 0 {
				valid = false
			}
			if r == '廿' {
				sec += 20
			} else {
				sec += 30
			}
		}
	}
	n.end, n.cn = j, true
	run := s[i:j]
	if len(run) == 9 && strings.HasPrefix(run, "十") && strings.HasSuffix(run, "五") {
		if k := strings.Index("一二三四五", run[3:6]); k >= 0 {
			n.plan = 11 + k/3 // 十一五 to 十五五
			return n, true
		}
	}
	if !units && nd >= 2 && nd < 100 {
		n.nd = nd
		for k := 0; k < nd && k < len(digits); k++ {
			n.v = n.v*10 + int(digits[k])
		}
		n.pair = nd == 2 && digits[1] == digits[0]+1 && digits[0] > 0
		return n, nd <= 4
	}
	if !valid {
		return n, false
	}
	n.v = total + sec + max(cur, 0)
	return n, n.v > 0
}

func cnDigit(r rune) int {
	switch r {
	case '〇', '零':
		return 0
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// badStart reports whether a number at i continues something that is not a
// date: a longer token (V2, 3.0, 11:04, 09988.HK), an ordinal (第3) or a
// vague count (几十, 数十).
func (p *dparser) badStart(i int) bool {
	if i == 0 {
		return false
	}
	s := p.s
	if c := s[i-1]; c < utf8.RuneSelf {
		switch {
		case isAlnum(c), strings.IndexByte("/_=#@&%+$\\", c) >= 0:
			return true
		case c == '-' || c == '~' || c == '.' || c == ':':
			return i >= 2 && isAlnum(s[i-2])
		case c == ' ' || c == '\t':
			return p.runeBefore(p.spBack(i)) == '第'
		}
		return false
	}
	r := p.runeBefore(i)
	switch r {
	case '第', '几', '数', '多', '余', '每', '某', '哪', '周', '初':
		return true
	case '期', '拜':
		return strings.HasSuffix(s[:i], "星期") || strings.HasSuffix(s[:i], "礼拜")
	case '—', '–':
		k := i - len(string(r))
		return k > 0 && isDigit(s[k-1])
	}
	return false
}

// An epRes is a parsed endpoint.
type epRes struct {
	e     ep
	end   int
	first Grain // unit of the first component written (year, month, day), if any
	last  Grain // unit of the last component written
	term  bool  // a complete expression of its own (duration, relative count): no ranges
	kind  DateKind
	dur   string
	apx   bool
	ok    bool
}

// expr parses the expression at i, appends it (or them, for lists) to
// p.raw and returns where scanning goes on.
func (p *dparser) expr(i int) int {
	p.dang = numTok{}
	a := p.endpoint(i, false)
	if !a.ok {
		return p.skip(i)
	}
	x := rawExpr{start: i, end: a.end, kind: KindPoint, a: a.e, approx: a.apx}
	if a.term {
		x.kind, x.dur = a.kind, a.dur
		return p.emit(x)
	}
	adang := p.dang
	j := a.end
	if adang.end > 0 {
		j = adang.end
	}
	k := p.sp(j)
	if cl, rng := p.connector(k); cl > 0 {
		p.dang = numTok{}
		bstart := p.sp(k + cl)
		b := p.endpoint(bstart, true)
		bdang := p.dang
		if b.ok && !b.term && (b.first != 0 || bdang.end > 0) {
			ae := a.e
			okA := a.first != 0
			if adang.end > 0 && b.first != 0 {
				okA = p.assign(&ae, a.last, adang, b.first, &b.e)
			}
			if b.first == 0 && adang.end > 0 && bdang.end > 0 && rng && a.first == 0 {
				// 2019－2022: two bare years.
				if p.bareYears(adang, bdang) {
					x.end = bdang.end
					x.kind = KindRange
					x.a = ep{year: int16(adang.v)}
					x.b = ep{year: int16(bdang.v)}
					return p.emit(p.approxAfter(x))
				}
			} else if okA && b.first != 0 {
				if rng {
					x.end = b.end
					x.kind = KindRange
					x.a, x.b = ae, b.e
					x.approx = x.approx || b.apx
					return p.emit(p.approxAfter(x))
				}
				x.a = ae
				x.end = j
				if adang.end == 0 {
					x.end = a.end
				}
				y := rawExpr{start: bstart, end: b.end, kind: KindPoint, a: b.e, list: true, approx: b.apx}
				p.emit(p.approxAfter(x))
				return p.emit(p.approxAfter(y))
			}
		}
	}
	if a.first == 0 {
		return p.skip(i)
	}
	return p.emit(p.approxAfter(x))
}

// skip returns where scanning goes on after a failed parse at i: past the
// whole number there, if it is one, so that no date is read out of its
// middle. Bare four-digit years are kept as hints for the sentence.
func (p *dparser) skip(i int) int {
	c := p.s[i]
	if !isDigit(c) && !isCNum(p.runeAt(i)) {
		return i
	}
	n, ok := p.lexNum(i)
	if !ok {
		if n.end > i {
			return n.end
		}
		return i
	}
	if !n.cn && n.nd == 4 && n.v >= 1900 && n.v <= 2100 && !p.badStart(i) {
		j := p.sp(n.end)
		r := p.runeAt(j)
		if j == len(p.s) || r == '\n' || (r < utf8.RuneSelf && !isAlnum(byte(r)) && !strings.ContainsRune(".%-/", r)) ||
			(r >= utf8.RuneSelf && !oneOf(r, "亿万千百元块台个人家次件位名款条项座所米吨倍克岁号多余天年月日周")) {
			p.hints = append(p.hints, yearHint{i, n.v})
		}
	}
	end := n.end
	// Skip the decimals of 25.53 and 3.0 too.
	for end+1 < len(p.s) && p.s[end] == '.' && isDigit(p.s[end+1]) {
		end++
		for end < len(p.s) && isDigit(p.s[end]) {
			end++
		}
	}
	return end
}

// emit appends x unless it overlaps the expression before, extending it
// over a leading 约, 大约, 近 or 整整, and returns its end.
func (p *dparser) emit(x rawExpr) int {
	prevEnd := 0
	if n := len(p.raw); n > 0 {
		prevEnd = p.raw[n-1].end
	}
	if x.start < prevEnd {
		return x.end
	}
	k := p.spBack(x.start)
	for _, w := range [...]string{"大约", "大概", "将近", "整整", "约", "近"} {
		if !strings.HasSuffix(p.s[:k], w) || k-len(w) < prevEnd {
			continue
		}
		short := w == "近" || w == "将近" || w == "整整"
		if short && x.kind != KindDuration && !(x.a.rel == relRef && x.a.off < 0 && x.kind == KindPoint) {
			break
		}
		if w == "近" && oneOf(p.runeBefore(k-len(w)), "最将接附靠临") {
			break
		}
		x.start = k - len(w)
		x.approx = x.approx || w != "整整"
		break
	}
	p.raw = append(p.raw, x)
	return x.end
}

// approxAfter extends x over a trailing 前后, 左右 or 许.
func (p *dparser) approxAfter(x rawExpr) rawExpr {
	j := p.sp(x.end)
	switch {
	case p.has(j, "前后"), p.has(j, "左右"):
		x.end, x.approx = j+6, true
	case p.has(j, "许") && !isHanChar(p.runeAt(j+3)):
		x.end, x.approx = j+3, true
	}
	return x
}

// connector reports the length of a range connector (至, 到, -, —, ~) or
// list connector (、, 和, 与, 及) at i, and whether it makes a range.
func (p *dparser) connector(i int) (n int, rng bool) {
	if i >= len(p.s) {
		return 0, false
	}
	switch c := p.s[i]; c {
	case '-', '~':
		return 1, true
	}
	switch r := p.runeAt(i); r {
	case '至', '到', '—', '–':
		if r == '至' && p.has(i, "至今") && !p.has(i, "至今年") && !p.has(i, "至今天") {
			return 0, false
		}
		n := len(string(r))
		if r == '—' && p.has(i+n, "—") {
			return 0, false // a dash pair is punctuation
		}
		return n, true
	case '、', '和', '与', '及':
		return len(string(r)), false
	}
	return 0, false
}

// assign gives the dangling number d of endpoint a (whose last written
// unit is last) the unit first of the endpoint b after the connector.
func (p *dparser) assign(a *ep, last Grain, d numTok, first Grain, b *ep) bool {
	if last != 0 && last <= first {
		return false
	}
	full, two := d.yearForm()
	switch first {
	case GrainYear:
		if !(full || two && b.yy) || a.rel != relNone {
			return false
		}
		a.year, a.yy = int16(d.v), !full
	case GrainMonth:
		if d.v < 1 || d.v > 12 || d.grouped || d.nd > 2 {
			return false
		}
		a.month = int8(d.v)
	case GrainDay:
		if last != GrainMonth || d.v < 1 || d.v > 31 || d.grouped || d.nd > 2 {
			return false
		}
		a.day = int8(d.v)
	default:
		return false
	}
	return true
}

// bareYears reports whether two numbers without units joined by a range
// connector are a range of years (2019－2022).
func (p *dparser) bareYears(a, b numTok) bool {
	if a.cn || b.cn || a.nd != 4 || b.nd != 4 || a.grouped || b.grouped {
		return false
	}
	if a.v < 1900 || b.v > 2100 || b.v <= a.v || b.v-a.v > 50 {
		return false
	}
	e := b.end
	if e < len(p.s) && (isAlnum(p.s[e]) || strings.IndexByte(".-/%", p.s[e]) >= 0) {
		return false
	}
	return true
}

// endpoint parses one endpoint at i. With second, it is the second
// endpoint of a range or list and may be a bare day (19日).
func (p *dparser) endpoint(i int, second bool) (r epRes) {
	if i >= len(p.s) {
		return r
	}
	c := p.s[i]
	if isDigit(c) || isCNum(p.runeAt(i)) {
		if r = p.word(i); r.ok {
			return r // 七夕, 五一, 十一黄金周
		}
		if !second && p.badStart(i) {
			return r
		}
		return p.number(i, second)
	}
	if c == 'Q' {
		if i+1 < len(p.s) && p.s[i+1] >= '1' && p.s[i+1] <= '4' && (i+2 == len(p.s) || !isAlnum(p.s[i+2])) &&
			(i == 0 || !isAlnum(p.s[i-1])) {
			r.e.part = partQ1 + int8(p.s[i+1]-'1')
			r.end, r.first, r.last, r.ok = i+2, GrainMonth, GrainMonth, true
		}
		return r
	}
	return p.word(i)
}

// number parses an endpoint or a duration that starts with a number.
func (p *dparser) number(i int, second bool) (r epRes) {
	s := p.s
	n, ok := p.lexNum(i)
	if !ok {
		return r
	}
	if n.plan != 0 {
		y := 2011 + (n.plan-12)*5
		r.e = ep{fixed: true, from: Date{y, 1, 1}, to: Date{y + 4, 12, 31}, fg: GrainYear}
		r.end, r.first, r.last, r.ok = n.end, GrainYear, GrainYear, true
		return r
	}
	if !n.cn {
		if n.end < len(s) && n.nd == 4 && !n.grouped {
			if r = p.numericDate(n); r.ok {
				return r
			}
		}
		if n.nd == 8 && !n.grouped {
			return p.compactDate(n)
		}
		if n.end+1 < len(s) && s[n.end] == '.' && isDigit(s[n.end+1]) {
			return p.decimalDuration(n)
		}
		if n.v == 618 && n.nd == 3 {
			return p.festival618(n)
		}
		if k := n.end; n.nd == 4 && n.v >= 1000 && n.v <= 2100 && k+1 < len(s) && s[k] == 'Q' && s[k+1] >= '1' && s[k+1] <= '4' && (k+2 == len(s) || !isAlnum(s[k+2])) {
			r.e = ep{year: int16(n.v), part: partQ1 + int8(s[k+1]-'1')}
			r.end, r.first, r.last, r.ok = k+2, GrainYear, GrainQuarter, true
			return r // 2022Q3
		}
	}
	j := p.sp(n.end)
	apx := false
	if p.has(j, "多") || p.has(j, "余") {
		apx = true
		j = p.sp(j + 3)
	}
	switch {
	case p.has(j, "年代"):
		if !apx {
			return p.decade(n, j+6)
		}
	case p.has(j, "世纪"):
		if !apx && !n.grouped && n.v >= 1 && n.v <= 22 && n.nd <= 2 {
			return p.century(n.v, j+6)
		}
	case p.has(j, "年"):
		return p.yearNumber(n, j, apx)
	case p.has(j, "个"):
		return p.countUnit(n, j+3, apx)
	case p.has(j, "月"):
		if apx {
			return r
		}
		if k := j + 3; p.ago(k) > 0 && !n.cn {
			return p.agoRes(n, k, GrainMonth, false)
		}
		m, ok := p.monthNum(n)
		if !ok || p.every(i) {
			return r
		}
		r.e.month = int8(m)
		r.end = p.monthUnit(j)
		r.first, r.last, r.ok = GrainMonth, GrainMonth, true
		p.monthTail(&r)
		return r
	case p.has(j, "季度") || (p.has(j, "季") && p.runeBefore(i) == '第'):
		if !apx && !n.grouped && n.v >= 1 && n.v <= 4 && n.nd <= 1 {
			r.e.part = partQ1 + int8(n.v-1)
			r.end = j + 3
			if p.has(j, "季度") {
				r.end = j + 6
			}
			r.first, r.last, r.ok = GrainMonth, GrainMonth, true
		}
		return r
	case p.has(j, "周") || p.has(j, "星期") || p.has(j, "礼拜"):
		if p.has(j, "周年") || p.has(j, "周岁") {
			return r
		}
		k := j + 3
		if !p.has(j, "周") {
			k = j + 6
		}
		if n.cn && n.v == 4 && !apx && j == n.end && p.has(j, "周") && p.ago(k) == 0 && !oneOf(p.runeAt(k), "内后来多左时的") {
			return r // 四周: all around
		}
		return p.durOrAgo(n, k, GrainWeek, apx)
	case p.has(j, "天"):
		return p.durOrAgo(n, j+3, GrainDay, apx)
	case p.has(j, "小时"), p.has(j, "钟头"):
		return p.durEnd(n, j+6, "H", false, apx)
	case p.has(j, "分钟"):
		return p.durEnd(n, j+6, "MIN", false, apx)
	case p.has(j, "日"), p.has(j, "号"):
		if second && !apx && !n.grouped && n.nd <= 2 && n.v >= 1 && n.v <= 31 && p.dayUnit(j) > 0 {
			r.e.day = int8(n.v)
			r.end = p.dayUnit(j)
			r.first, r.last, r.ok = GrainDay, GrainDay, true
		}
		return r
	}
	if !apx {
		// A number without a unit may still get one from a range: 2013—2014 年.
		if cl, _ := p.connector(p.sp(n.end)); cl > 0 || second {
			p.dang = n
			r.end, r.ok = i, true
		}
	}
	return r
}

// every reports whether the month at i is preceded by 每年 (每年的3月):
// a month of every year, not a date.
func (p *dparser) every(i int) bool {
	pre := p.s[:p.spBack(i)]
	return strings.HasSuffix(pre, "每年") || strings.HasSuffix(pre, "每年的")
}

// monthUnit returns the end of 月 (or 月份) at j.
func (p *dparser) monthUnit(j int) int {
	if p.has(j, "月份") {
		return j + 6
	}
	return j + 3
}

// dayUnit returns the end of 日 or 号 at j, or 0 when 号 names something
// else (15号线, 3号楼).
func (p *dparser) dayUnit(j int) int {
	if p.has(j, "日") {
		return j + 3
	}
	if p.has(j, "号") && !oneOf(p.runeAt(j+3), "线楼院文令店位机馆厅门桥码台车房室口") {
		return j + 3
	}
	return 0
}

// monthNum returns n as a month number.
func (p *dparser) monthNum(n numTok) (int, bool) {
	if n.grouped || n.pair || n.v < 1 || n.v > 12 || (!n.cn && n.nd > 2) || (n.cn && n.nd > 0) {
		return 0, false
	}
	return n.v, true
}

// monthTail parses what may follow a month: a day, a dangling day number
// (the 24 of 10 月 24—25 日) or a part of the month.
func (p *dparser) monthTail(r *epRes) {
	j := p.sp(r.end)
	if j >= len(p.s) {
		return
	}
	s := p.s
	if p.has(j, "初") && (r.e.lunar || isCNum(p.runeAt(j+3))) {
		if d, end, ok := p.lunarDay(j); ok {
			r.e.day, r.e.lunar, r.end, r.last = int8(d), true, end, GrainDay
			return
		}
	}
	if isDigit(s[j]) || isCNum(p.runeAt(j)) {
		if r.e.lunar && !isDigit(s[j]) {
			if d, end, ok := p.lunarDay(j); ok {
				r.e.day, r.end, r.last = int8(d), end, GrainDay
				return
			}
		}
		n, ok := p.lexNum(j)
		if !ok || n.grouped || n.pair || n.v < 1 || n.v > 31 || (!n.cn && n.nd > 2) || (n.cn && n.nd > 0) {
			return
		}
		if n.end < len(s) && (s[n.end] == '.' || s[n.end] == ':') {
			return
		}
		k := p.sp(n.end)
		if e := p.dayUnit(k); e > 0 {
			r.e.day, r.end, r.last = int8(n.v), e, GrainDay
			return
		}
		if cl, _ := p.connector(k); cl > 0 {
			p.dang = n
		}
		return
	}
	for _, w := range [...]struct {
		w string
		p int8
	}{{"上旬", partMonthEarly}, {"中旬", partMonthMid}, {"下旬", partMonthLate}, {"初", partMonthEarly}, {"底", partMonthLate}, {"末", partMonthLate}} {
		if p.has(j, w.w) {
			if w.w == "初" && p.has(j, "初期") {
				return
			}
			r.e.part, r.end, r.last = w.p, j+len(w.w), GrainDay
			return
		}
	}
}

// lunarDay parses a lunar day at j: 初一 to 初十, 十一 to 三十, 廿三, with an
// optional 日.
func (p *dparser) lunarDay(j int) (int, int, bool) {
	if p.has(j, "初") {
		n, ok := p.lexNum(j + 3)
		if !ok || !n.cn || n.v < 1 || n.v > 10 {
			return 0, 0, false
		}
		return n.v, n.end, true
	}
	n, ok := p.lexNum(j)
	if !ok || n.v < 1 || n.v > 30 || (n.cn && n.nd > 0) || (!n.cn && n.nd > 2) {
		return 0, 0, false
	}
	end := n.end
	if p.has(end, "日") {
		end += 3
	} else if !n.cn {
		return 0, 0, false
	}
	return n.v, end, true
}

// yearNumber parses a number before 年 at j: a year with what may follow
// it, a duration, or a count of years ago.
func (p *dparser) yearNumber(n numTok, j int, apx bool) (r epRes) {
	after := j + 3
	if p.has(after, "级") || p.has(after, "纪") {
		return r // 三年级, 年纪
	}
	full, two := n.yearForm()
	if apx {
		full, two = false, false
	}
	if pre := p.s[:p.spBack(n.start)]; strings.HasSuffix(pre, "民国") && !n.grouped && n.v >= 1 && n.v <= 38 && (n.cn && n.nd == 0 || !n.cn && n.nd <= 2) {
		n.v, full, two = 1911+n.v, true, false // 民国38年 is 1949
	} else if strings.HasSuffix(pre, "公元") {
		full, two = !n.grouped && n.v >= 1 && n.v <= 2100 && n.nd <= 4, false
	} else if strings.HasSuffix(pre, "公元前") {
		return r // no calendar date before the common era
	}
	if !full && !two {
		if p.ago(after) > 0 {
			return p.agoRes(n, after, GrainYear, apx)
		}
		if n.pair || p.has(after, "后") || p.has(after, "以后") || p.has(after, "之后") {
			return r // 三四年: vague; 三年后: relative to an unknown event
		}
		return p.yearsDuration(n, after, apx)
	}
	date := full
	if two {
		date = p.twoDigitIsYear(n, after)
		if !date {
			if p.cohort(after) {
				return r
			}
			if p.ago(after) > 0 {
				return p.agoRes(n, after, GrainYear, apx)
			}
			if n.cn {
				return r
			}
			return p.yearsDuration(n, after, apx)
		}
	} else if p.strongDurationCue(n.start) || p.has(after, "之久") || p.has(after, "多") || (p.has(after, "来") && !p.has(after, "来年")) || p.has(after, "以上") {
		return p.yearsDuration(n, after, apx)
	}
	r.e.year, r.e.yy = int16(n.v), two
	r.end = after
	if p.has(after, "度") {
		r.end += 3
	}
	r.first, r.last, r.ok = GrainYear, GrainYear, true
	p.yearTail(&r)
	return r
}

// twoDigitIsYear decides whether a two-digit number before 年 (after is
// just past 年) is a year (18年年底, 在18年) rather than a duration
// (服务了18年, 13年来, 阿里14年的总结).
func (p *dparser) twoDigitIsYear(n numTok, after int) bool {
	if n.cn {
		return !p.cohort(after) && p.ago(after) == 0 // 零七年, 九二年
	}
	probe := epRes{end: after, last: GrainYear}
	p.yearTail(&probe)
	dang := p.dang
	p.dang = numTok{}
	if probe.last != GrainYear || dang.end > 0 {
		return true // 18年年底, 18年3月
	}
	if p.cohort(after) || p.ago(after) > 0 {
		return false
	}
	if p.countFollows(after) {
		return false // 20 年与 9 年
	}
	if p.has(after, "来") || p.has(after, "之久") || p.has(after, "多") || p.has(after, "间") || p.has(after, "以上") {
		return false
	}
	if p.has(after, "以来") {
		return p.dateCue(n.start)
	}
	if p.durationCue(n.start) {
		return false
	}
	if p.has(p.sp(after), "的") {
		return p.dateCue(n.start)
	}
	return p.dateCue(n.start) || p.clauseStart(n.start)
}

// countFollows reports whether 年 ending at after is followed by a list
// connector and a count of years that cannot be a year (20 年与 9 年):
// then both are counts.
func (p *dparser) countFollows(after int) bool {
	k := p.sp(after)
	cl, rng := p.connector(k)
	if cl == 0 || rng {
		return false
	}
	k = p.sp(k + cl)
	if k >= len(p.s) || !isDigit(p.s[k]) && !isCNum(p.runeAt(k)) {
		return false
	}
	n, ok := p.lexNum(k)
	if !ok || !p.has(p.sp(n.end), "年") {
		return false
	}
	full, two := n.yearForm()
	return !full && !two
}

// cohort reports whether 年 ending at after is followed by 的 and a person
// noun: 92年的开发者 is a birth cohort, not a date.
func (p *dparser) cohort(after int) bool {
	k := p.sp(after)
	if !p.has(k, "的") {
		return false
	}
	k = p.sp(k + 3)
	for _, w := range [...]string{"开发者", "程序员", "工程师", "女孩", "男孩", "女生", "男生", "姑娘", "小伙", "人", "创业者", "员工", "学生", "大学生", "年轻人", "作者", "妹子", "孩子", "一代", "CEO", "创始人", "老板", "青年", "少年", "球员", "选手", "演员", "歌手", "美女", "帅哥", "宝宝"} {
		if p.has(k, w) {
			return true
		}
	}
	return false
}

// durationCue reports whether the words before i make the number at i a
// length of time: 服务了18年, 过去13年, 近10年, 甚至 20 年.
func (p *dparser) durationCue(i int) bool {
	k := p.spBack(i)
	pre := p.s[max(0, k-12):k]
	for _, w := range [...]string{"甚至", "长达", "历时", "持续", "经过", "超过", "至少", "最少", "多达", "将近", "足足", "几乎", "未来", "仅仅", "整整", "只有", "已经", "已有", "共有", "用了", "花了", "这", "那", "了", "过", "去", "近", "约", "满", "共", "达", "已", "仅", "只", "才", "再", "或", "又", "头", "前", "后", "的", "有"} {
		if strings.HasSuffix(pre, w) {
			return true
		}
	}
	return false
}

// strongDurationCue reports whether the words before i make even a
// four-digit number before 年 a length of time: 长达1000年.
func (p *dparser) strongDurationCue(i int) bool {
	k := p.spBack(i)
	pre := p.s[max(0, k-9):k]
	for _, w := range [...]string{"长达", "历时", "持续", "整整", "将近", "足足", "超过", "至少", "多达"} {
		if strings.HasSuffix(pre, w) {
			return true
		}
	}
	return false
}

// dateCue reports whether the words before i introduce a date: 在18年,
// 从18年, 是18年.
func (p *dparser) dateCue(i int) bool {
	k := p.spBack(i)
	pre := p.s[max(0, k-9):k]
	if strings.HasSuffix(pre, "甚至") {
		return false
	}
	for _, w := range [...]string{"在", "于", "是", "从", "自", "到", "至", "截至", "直到", "早在", "当时", "那时", "、", "和", "与"} {
		if strings.HasSuffix(pre, w) {
			return true
		}
	}
	return false
}

// clauseStart reports whether i starts a clause: the start of the text or
// of a line, or after punctuation.
func (p *dparser) clauseStart(i int) bool {
	k := p.spBack(i)
	if k == 0 {
		return true
	}
	r := p.runeBefore(k)
	return r == '\n' || oneOf(r, ",.;:!?()，。；：！？、“”「」『』（）《》【】\"'")
}

// ago returns the end of 前, 之前 or 以前 at i (but not 前后), or 0.
func (p *dparser) ago(i int) int {
	switch {
	case p.has(i, "前后"):
		return 0
	case p.has(i, "前"):
		return i + 3
	case p.has(i, "之前"), p.has(i, "以前"):
		return i + 6
	}
	return 0
}

// agoRes builds a count of units before the reference date (三年前, 4月前,
// 两周前), with 的今天 making it a day (12年前的今天). i is just past the
// unit.
func (p *dparser) agoRes(n numTok, i int, unit Grain, apx bool) (r epRes) {
	if n.pair || n.grouped || n.v > 5000 {
		return r
	}
	end := p.ago(i)
	r.e = ep{rel: relRef, unit: unit, off: int16(-n.v)}
	r.end, r.apx, r.ok, r.term, r.kind = end, apx, true, true, KindPoint
	if unit == GrainYear || unit == GrainMonth {
		for _, w := range [...]string{"的今天", "的今日", "的这一天", "的同一天", "的这天"} {
			if p.has(end, w) {
				r.e.same = true
				r.end = end + len(w)
				break
			}
		}
	}
	return r
}

// yearsDuration builds N年 as a duration: P13Y, P2Y6M (两年半), with 来,
// 多, 以上 or 之久 after it.
func (p *dparser) yearsDuration(n numTok, after int, apx bool) (r epRes) {
	if n.pair || n.v == 0 || n.v > 100000 {
		return r
	}
	if n.cn && n.v == 1 && oneOf(p.runeBefore(p.spBack(n.start)), "有某哪每同这那另的") {
		return r // 有一年, 的一年
	}
	if p.has(after, "一度") {
		return r // 一年一度: yearly
	}
	m := 0
	end := after
	if p.has(end, "半") {
		m, end = 6, end+3
	}
	if p.has(end, "多") {
		apx, end = true, end+3
	}
	switch {
	case p.has(end, "以来"):
	case p.has(end, "来"):
		end += 3
	case p.has(end, "之久"):
		end += 6
	case p.has(end, "以上"):
		apx, end = true, end+6
	}
	r.dur = "P" + strconv.Itoa(n.v) + "Y"
	if m > 0 {
		r.dur += "6M"
	}
	r.end, r.apx, r.ok, r.term, r.kind = end, apx, true, true, KindDuration
	return r
}

// countUnit parses N个 followed by a unit: 4 个月, 两个半月, 6个季度, 3个小时.
func (p *dparser) countUnit(n numTok, j int, apx bool) (r epRes) {
	half := false
	if p.has(j, "多") {
		apx, j = true, j+3
	}
	if p.has(j, "半") {
		half, j = true, j+3
	}
	switch {
	case p.has(j, "月"):
		if !half && p.ago(j+3) > 0 {
			return p.agoRes(n, j+3, GrainMonth, apx)
		}
		return p.durEnd(n, j+3, "M", half, apx)
	case p.has(j, "星期"), p.has(j, "礼拜"):
		return p.durOrAgo(n, j+6, GrainWeek, apx)
	case p.has(j, "小时"), p.has(j, "钟头"):
		return p.durEnd(n, j+6, "H", half, apx)
	case p.has(j, "季度"):
		if half {
			return r
		}
		n.v *= 3
		return p.durEnd(n, j+6, "M", false, apx)
	}
	return r
}

// durOrAgo parses N weeks or days (at k, just past the unit) as a count
// before the reference date or as a duration.
func (p *dparser) durOrAgo(n numTok, k int, unit Grain, apx bool) (r epRes) {
	if p.ago(k) > 0 {
		return p.agoRes(n, k, unit, apx)
	}
	if n.cn && n.v == 1 && oneOf(p.runeBefore(p.spBack(n.start)), "有某哪每同这那另的") {
		return r // 有一天
	}
	if unit == GrainWeek {
		return p.durEnd(n, k, "W", false, apx)
	}
	return p.durEnd(n, k, "D", false, apx)
}

// durEnd finishes a duration of n units ending at k.
func (p *dparser) durEnd(n numTok, k int, unit string, half, apx bool) (r epRes) {
	if n.pair || n.v == 0 || n.v > 1000000 {
		return r
	}
	if p.has(k, "多") {
		apx, k = true, k+3
	}
	switch {
	case p.has(k, "以来"):
	case p.has(k, "来"):
		k += 3
	case p.has(k, "之久"):
		k += 6
	case p.has(k, "以上"), p.has(k, "左右"):
		apx, k = true, k+6
	}
	v := strconv.Itoa(n.v)
	switch unit {
	case "M":
		r.dur = "P" + v + "M"
		if half {
			r.dur += "15D"
		}
	case "W":
		r.dur = "P" + v + "W"
	case "D":
		r.dur = "P" + v + "D"
	case "H":
		r.dur = "PT" + v + "H"
		if half {
			r.dur += "30M"
		}
	case "MIN":
		r.dur = "PT" + v + "M"
	}
	r.end, r.apx, r.ok, r.term, r.kind = k, apx, true, true, KindDuration
	return r
}

// decimalDuration parses 1.5年 or 2.5小时; other decimals are not dates.
func (p *dparser) decimalDuration(n numTok) (r epRes) {
	s := p.s
	k := n.end + 1
	if k+1 <= len(s) && s[k] == '5' && (k+1 == len(s) || !isDigit(s[k+1])) {
		j := p.sp(k + 1)
		switch {
		case p.has(j, "年") && !p.has(j, "年代"):
			r.dur = "P" + strconv.Itoa(n.v) + "Y6M"
			r.end = j + 3
		case p.has(j, "小时"):
			r.dur = "PT" + strconv.Itoa(n.v) + "H30M"
			r.end = j + 6
		case p.has(j, "个小时"):
			r.dur = "PT" + strconv.Itoa(n.v) + "H30M"
			r.end = j + 9
		default:
			return r
		}
		r.ok, r.term, r.kind = true, true, KindDuration
	}
	return r
}

// numericDate parses 2024-03-07, 2024/3/7 and 2024.3.7.
func (p *dparser) numericDate(n numTok) (r epRes) {
	s := p.s
	sep := s[n.end]
	if sep != '-' && sep != '/' && sep != '.' {
		return r
	}
	if n.v < 1000 || n.v > 2100 {
		return r
	}
	m, j, ok := p.digits(n.end+1, 2)
	if !ok || j >= len(s) || s[j] != sep {
		return r
	}
	d, k, ok := p.digits(j+1, 2)
	if !ok {
		return r
	}
	if k < len(s) && (isAlnum(s[k]) || (s[k] == sep || s[k] == '.') && k+1 < len(s) && isDigit(s[k+1])) {
		return r
	}
	date := Date{n.v, time.Month(m), d}
	if !date.Valid() {
		return r
	}
	r.e = ep{year: int16(n.v), month: int8(m), day: int8(d)}
	r.end, r.first, r.last, r.ok = k, GrainYear, GrainDay, true
	return r
}

// digits reads 1 to max digits at i.
func (p *dparser) digits(i, maxN int) (v, end int, ok bool) {
	j := i
	for j < len(p.s) && isDigit(p.s[j]) {
		v = v*10 + int(p.s[j]-'0')
		j++
	}
	return v, j, j > i && j-i <= maxN
}

// compactDate parses 20240307, when it is a plausible date.
func (p *dparser) compactDate(n numTok) (r epRes) {
	y, m, d := n.v/10000, n.v/100%100, n.v%100
	if y < 1900 || y > 2100 {
		return r
	}
	if e := n.end; e < len(p.s) && (isAlnum(p.s[e]) || strings.IndexByte(".-/%_", p.s[e]) >= 0) {
		return r
	}
	if r := p.runeAt(p.sp(n.end)); oneOf(r, "亿万千百元块台个人家次件位名款条项座所米吨倍克号") {
		return epRes{}
	}
	if !(Date{y, time.Month(m), d}).Valid() {
		return r
	}
	r.e = ep{year: int16(y), month: int8(m), day: int8(d)}
	r.end, r.first, r.last, r.ok = n.end, GrainYear, GrainDay, true
	return r
}

// festival618 parses 618 in a shopping-festival context (618大促,
// 618期间, 京东618).
func (p *dparser) festival618(n numTok) (r epRes) {
	j := p.sp(n.end)
	ok := strings.HasSuffix(p.s[:p.spBack(n.start)], "京东")
	for _, w := range [...]string{"大促", "期间", "购物节", "狂欢节", "年中大促", "促销", "当天", "活动", "开门红", "前夕", "电商节", "年中购物节"} {
		if p.has(j, w) {
			ok = true
		}
	}
	if ok {
		r.e = ep{month: 6, day: 18}
		r.end, r.first, r.last, r.ok = n.end, GrainDay, GrainDay, true
	}
	return r
}

// decade parses the decade N年代 (80年代, 九十年代, 2010年代); k is past
// 年代. A two-digit decade up to 10 is in the 2000s, the others in the
// 1900s. 初, 中期 and 末 narrow it to its first, middle and last three
// years.
func (p *dparser) decade(n numTok, k int) (r epRes) {
	y := -1
	switch {
	case n.grouped || n.pair:
	case !n.cn && n.nd == 4 && n.v%10 == 0 && n.v >= 1000 && n.v <= 2100:
		y = n.v
	case n.v%10 == 0 && n.v < 100 && (n.cn && n.nd == 0 || !n.cn && n.nd == 2):
		y = 1900 + n.v
		if n.v <= 10 {
			y = 2000 + n.v
		}
	}
	if y < 0 {
		return r
	}
	return p.decadeAt(y, k)
}

func (p *dparser) decadeAt(y, k int) (r epRes) {
	from, to := y, y+9
	switch {
	case p.has(k, "初期"):
		to, k = y+2, k+6
	case p.has(k, "初"):
		to, k = y+2, k+3
	case p.has(k, "中期"):
		from, to, k = y+4, y+6, k+6
	case p.has(k, "末期"):
		from, k = y+7, k+6
	case p.has(k, "末"):
		from, k = y+7, k+3
	}
	r.e = ep{fixed: true, from: Date{from, 1, 1}, to: Date{to, 12, 31}, fg: GrainYear}
	r.end, r.first, r.last, r.ok = k, GrainYear, GrainYear, true
	return r
}

// century parses the c-th century (19 世纪 is 1800–1899) at k, past 世纪,
// with an optional part or decade: 初 and 末 are its first and last ten
// years, 中叶 1840–1859 for the 19th, 上半叶 and 下半叶 its halves, and
// 七十年代 a decade in it.
func (p *dparser) century(c, k int) (r epRes) {
	y := (c - 1) * 100
	from, to := y, y+99
	j := p.sp(k)
	switch {
	case p.has(j, "初"):
		to, k = y+9, j+3
	case p.has(j, "末"):
		from, k = y+90, j+3
	case p.has(j, "中叶"), p.has(j, "中期"):
		from, to, k = y+40, y+59, j+6
	case p.has(j, "上半叶"):
		to, k = y+49, j+9
	case p.has(j, "下半叶"):
		from, k = y+50, j+9
	default:
		if j < len(p.s) && (isDigit(p.s[j]) || isCNum(p.runeAt(j))) {
			if n, ok := p.lexNum(j); ok && !n.grouped && n.v%10 == 0 && n.v < 100 && (n.cn && n.nd == 0 || !n.cn && n.nd == 2) {
				if e := p.sp(n.end); p.has(e, "年代") {
					return p.decadeAt(y+n.v, e+6)
				}
			}
		}
	}
	r.e = ep{fixed: true, from: Date{from, 1, 1}, to: Date{to, 12, 31}, fg: GrainYear}
	r.end, r.first, r.last, r.ok = k, GrainYear, GrainYear, true
	return r
}

// yearTail extends a year (r.end just past 年 or 年度) with what may follow
// it: a month and day, a part of the year or a festival, optionally after
// 的 (2018 年的 12 月).
func (p *dparser) yearTail(r *epRes) {
	j := r.end
	for _, w := range [...]string{"初", "底", "末", "尾"} {
		if p.has(j, w) && !p.has(j, "初期") && !p.has(j, "末期") {
			if w == "初" && isCNum(p.runeAt(j+3)) {
				return // 年初一: lunar new year's day, not handled here
			}
			r.e.part = partYearStart
			if w != "初" {
				r.e.part = partYearEnd
			}
			r.end, r.last = j+3, GrainQuarter
			return
		}
	}
	k := p.sp(j)
	if p.has(k, "的") {
		k = p.sp(k + 3)
	}
	if k >= len(p.s) {
		return
	}
	if isDigit(p.s[k]) || isCNum(p.runeAt(k)) {
		if p.has(k, "五一") || p.has(k, "十一") || p.has(k, "七夕") {
			if f := p.word(k); f.ok {
				r.e.month, r.e.day, r.e.lunar, r.e.part = f.e.month, f.e.day, f.e.lunar, f.e.part
				r.end, r.last = f.end, GrainDay
				return
			}
		}
		n, ok := p.lexNum(k)
		if !ok {
			return
		}
		u := p.sp(n.end)
		switch {
		case p.has(u, "月"):
			if m, ok := p.monthNum(n); ok {
				r.e.month = int8(m)
				r.end, r.last = p.monthUnit(u), GrainMonth
				p.monthTail(r)
			}
		case p.has(u, "季度"), p.has(u, "季"):
			if !n.grouped && n.v >= 1 && n.v <= 4 && n.nd <= 1 {
				r.e.part = partQ1 + int8(n.v-1)
				r.end, r.last = u+3, GrainQuarter
				if p.has(u, "季度") {
					r.end += 3
				}
			}
		case n.v == 618 && !n.cn && n.nd == 3:
			if f := p.festival618(n); f.ok {
				r.e.month, r.e.day, r.end, r.last = 6, 18, f.end, GrainDay
			}
		default:
			if cl, _ := p.connector(u); cl > 0 {
				if _, ok := p.monthNum(n); ok {
					p.dang = n // 2019年3-5月
				}
			}
		}
		return
	}
	if p.s[k] == 'Q' && k+1 < len(p.s) && p.s[k+1] >= '1' && p.s[k+1] <= '4' && (k+2 == len(p.s) || !isAlnum(p.s[k+2])) {
		r.e.part = partQ1 + int8(p.s[k+1]-'1')
		r.end, r.last = k+2, GrainQuarter
		return
	}
	for _, w := range [...]struct {
		w string
		p int8
		g Grain
	}{
		{"年初", partYearStart, GrainQuarter}, {"年头", partYearStart, GrainQuarter}, {"开年", partYearStart, GrainQuarter},
		{"年底", partYearEnd, GrainQuarter}, {"年末", partYearEnd, GrainQuarter}, {"年尾", partYearEnd, GrainQuarter},
		{"岁末", partYearEnd, GrainQuarter}, {"上半年", partH1, GrainHalf}, {"下半年", partH2, GrainHalf},
		{"前三季度", partQ1to3, GrainQuarter}, {"前两季度", partQ1to2, GrainQuarter}, {"前二季度", partQ1to2, GrainQuarter},
		{"第一季度", partQ1, GrainQuarter}, {"第二季度", partQ2, GrainQuarter}, {"第三季度", partQ3, GrainQuarter}, {"第四季度", partQ4, GrainQuarter},
		{"第一季", partQ1, GrainQuarter}, {"第二季", partQ2, GrainQuarter}, {"第三季", partQ3, GrainQuarter}, {"第四季", partQ4, GrainQuarter},
	} {
		if p.has(k, w.w) {
			if w.w == "上半年" || w.w == "下半年" {
				if p.has(k+9, "度") {
					k += 3
				}
			}
			r.e.part, r.end, r.last = w.p, k+len(w.w), w.g
			return
		}
	}
	if f := p.word(k); f.ok && f.first == GrainDay && f.e.rel == relNone && !f.e.fixed {
		// A festival: 2019年双11, 2013年春节.
		r.e.month, r.e.day, r.e.lunar, r.e.part = f.e.month, f.e.day, f.e.lunar, f.e.part
		r.end, r.last = f.end, GrainDay
		return
	}
	if f := p.word(k); f.ok && f.e.lunar && f.e.rel == relNone {
		r.e.month, r.e.day, r.e.lunar, r.e.part = f.e.month, f.e.day, f.e.lunar, f.e.part
		r.end, r.last = f.end, f.last
	}
}

// word parses an endpoint that starts with a word: relative and narrative
// words, festivals, parts of a year without one, lunar dates.
func (p *dparser) word(i int) (r epRes) {
	s := p.s[i:]
	r0, _ := utf8.DecodeRuneInString(s)
	set := func(e ep, n int, g Grain) epRes {
		return epRes{e: e, end: i + n, first: g, last: g, ok: true}
	}
	refE := func(unit Grain, off int) ep { return ep{rel: relRef, unit: unit, off: int16(off)} }
	ancE := func(unit Grain, off int) ep { return ep{rel: relAnchor, unit: unit, off: int16(off)} }
	yearW := func(e ep, n int) epRes {
		r := set(e, n, GrainYear)
		if p.has(r.end, "度") {
			r.end += 3
		}
		p.yearTail(&r)
		return r
	}
	monthW := func(e ep, n int) epRes {
		r := set(e, n, GrainMonth)
		p.monthTail(&r)
		return r
	}
	weekW := func(e ep, n int) epRes {
		r := set(e, n, GrainWeek)
		j := r.end
		if p.has(j, "末") {
			r.e.part, r.end, r.last = partWeekend, j+3, GrainDay
			return r
		}
		d := strings.Index("一二三四五六日天", string(p.runeAt(j)))
		if d >= 0 && j < len(p.s) && !oneOf(p.runeAt(j+3), "个次些年") {
			d = d/3 + 1
			if d == 8 {
				d = 7
			}
			r.e.wday, r.end, r.last = int8(d), j+3, GrainDay
		}
		return r
	}
	has := func(w string) bool { return strings.HasPrefix(s, w) }
	prev := p.runeBefore(i)
	switch r0 {
	case '今':
		switch {
		case has("今天"):
			return set(refE(GrainDay, 0), 6, GrainDay)
		case has("今日") && !has("今日头条"):
			return set(refE(GrainDay, 0), 6, GrainDay)
		case has("今年"):
			return yearW(refE(GrainYear, 0), 6)
		}
	case '昨':
		if has("昨天") || has("昨日") {
			return set(refE(GrainDay, -1), 6, GrainDay)
		}
	case '明':
		switch {
		case has("明天"), has("明日") && !has("明日之"):
			return set(refE(GrainDay, 1), 6, GrainDay)
		case has("明年"):
			return yearW(refE(GrainYear, 1), 6)
		}
	case '前':
		switch {
		case has("前天"):
			return set(refE(GrainDay, -2), 6, GrainDay)
		case has("前年") && !oneOf(prev, "之以此目提当年从") && !oneOf(p.runeAt(i+6), "均度代级龄轻纪"):
			return yearW(refE(GrainYear, -2), 6)
		case has("前一年"):
			return yearW(ancE(GrainYear, -1), 9)
		case has("前一天"), has("前一日"):
			return set(ancE(GrainDay, -1), 9, GrainDay)
		case has("前三季度"):
			return set(ep{part: partQ1to3}, 12, GrainMonth)
		case has("前两季度"), has("前二季度"):
			return set(ep{part: partQ1to2}, 12, GrainMonth)
		}
	case '后':
		switch {
		case oneOf(prev, "此之以其然最随前先而落背"):
		case has("后天") && !oneOf(p.runeAt(i+6), "性的"):
			return set(refE(GrainDay, 2), 6, GrainDay)
		case has("后年") && !oneOf(p.runeAt(i+6), "均度代级龄轻纪"):
			return yearW(refE(GrainYear, 2), 6)
		case has("后一年"):
			return yearW(ancE(GrainYear, 1), 9)
		}
	case '去':
		switch {
		case oneOf(prev, "过回失离出进上下来"):
		case has("去年同期"):
			e := ancE(GrainYear, -1)
			e.same = true
			return set(e, 12, GrainYear)
		case has("去年") && !oneOf(p.runeAt(i+6), "代份"):
			return yearW(refE(GrainYear, -1), 6)
		}
	case '来':
		if has("来年") && !oneOf(prev, "以未近后年原本从出将过往") && !oneOf(p.runeAt(i+6), "均度") {
			return yearW(refE(GrainYear, 1), 6)
		}
	case '本':
		switch {
		case has("本月"):
			return monthW(refE(GrainMonth, 0), 6)
		case has("本周"):
			return weekW(refE(GrainWeek, 0), 6)
		case has("本星期"):
			return weekW(refE(GrainWeek, 0), 9)
		case has("本年"):
			return yearW(refE(GrainYear, 0), 6)
		case has("本世纪"):
			return p.century(21, i+9)
		case has("本季度"):
			return set(refE(GrainQuarter, 0), 9, GrainMonth)
		}
	case '上', '下':
		off := -1
		if r0 == '下' {
			off = 1
		}
		switch {
		case has("上个世纪"):
			return p.century(20, i+12)
		case has("上世纪"):
			return p.century(20, i+9)
		case s[3:] != "" && (strings.HasPrefix(s[3:], "个月") || strings.HasPrefix(s[3:], "月") && !strings.HasPrefix(s[3:], "月球")):
			n := 6
			if strings.HasPrefix(s[3:], "个月") {
				n = 9
			}
			return monthW(refE(GrainMonth, off), n)
		case strings.HasPrefix(s[3:], "周"):
			return weekW(refE(GrainWeek, off), 6)
		case strings.HasPrefix(s[3:], "星期"), strings.HasPrefix(s[3:], "礼拜"):
			return weekW(refE(GrainWeek, off), 9)
		case strings.HasPrefix(s[3:], "个星期"), strings.HasPrefix(s[3:], "个礼拜"):
			return weekW(refE(GrainWeek, off), 12)
		case strings.HasPrefix(s[3:], "半年"):
			part := partH1
			if off > 0 {
				part = partH2
			}
			n := 9
			if strings.HasPrefix(s[9:], "度") {
				n = 12
			}
			return set(ep{part: part}, n, GrainMonth)
		case strings.HasPrefix(s[3:], "一年"):
			return yearW(ancE(GrainYear, off), 9)
		case strings.HasPrefix(s[3:], "季度"):
			return set(refE(GrainQuarter, off), 9, GrainMonth)
		case strings.HasPrefix(s[3:], "个季度"), strings.HasPrefix(s[3:], "一季度"):
			return set(refE(GrainQuarter, off), 12, GrainMonth)
		}
	case '这':
		switch {
		case has("这一年来"), has("这一年多"):
		case has("这一年"):
			return yearW(ancE(GrainYear, 0), 9)
		case has("这年") && !has("这年头"):
			return yearW(ancE(GrainYear, 0), 6)
		case has("这个月"):
			return monthW(refE(GrainMonth, 0), 9)
		case has("这周"):
			return weekW(refE(GrainWeek, 0), 6)
		case has("这个星期"):
			return weekW(refE(GrainWeek, 0), 12)
		case has("这一天"):
			return set(ancE(GrainDay, 0), 9, GrainDay)
		}
	case '那':
		switch {
		case has("那一年"):
			return yearW(ancE(GrainYear, 0), 9)
		case has("那年"):
			return yearW(ancE(GrainYear, 0), 6)
		case has("那一天"):
			return set(ancE(GrainDay, 0), 9, GrainDay)
		case has("那天"):
			return set(ancE(GrainDay, 0), 6, GrainDay)
		}
	case '该', '是':
		switch {
		case strings.HasPrefix(s[3:], "年") && !strings.HasPrefix(s[6:], "度") && !strings.HasPrefix(s[6:], "龄") && !strings.HasPrefix(s[6:], "代"):
			return yearW(ancE(GrainYear, 0), 6)
		case r0 == '是' && has("是日"):
			return set(ancE(GrainDay, 0), 6, GrainDay)
		}
	case '当':
		switch {
		case has("当年") && backThen(p.s[:i]):
			// 正如当年网商之于阿里, 这与当年…如出一辙: "back then", not a year.
		case has("当年"):
			return yearW(ancE(GrainYear, 0), 6)
		case has("当月"):
			return monthW(ancE(GrainMonth, 0), 6)
		case has("当天"), has("当日"):
			return set(ancE(GrainDay, 0), 6, GrainDay)
		}
	case '同':
		switch {
		case has("同年"):
			return yearW(ancE(GrainYear, 0), 6)
		case has("同月"):
			return monthW(ancE(GrainMonth, 0), 6)
		case has("同一天"):
			return set(ancE(GrainDay, 0), 9, GrainDay)
		case has("同日"):
			return set(ancE(GrainDay, 0), 6, GrainDay)
		}
	case '次', '翌':
		switch {
		case strings.HasPrefix(s[3:], "年"):
			return yearW(ancE(GrainYear, 1), 6)
		case strings.HasPrefix(s[3:], "月"):
			return monthW(ancE(GrainMonth, 1), 6)
		case strings.HasPrefix(s[3:], "日"):
			return set(ancE(GrainDay, 1), 6, GrainDay)
		}
	case '隔':
		switch {
		case has("隔年"):
			return yearW(ancE(GrainYear, 1), 6)
		case has("隔天"), has("隔日"):
			return set(ancE(GrainDay, 1), 6, GrainDay)
		}
	case '第':
		switch {
		case has("第二年"):
			return yearW(ancE(GrainYear, 1), 9)
		case has("第二天"):
			return set(ancE(GrainDay, 1), 9, GrainDay)
		}
		j := p.sp(i + 3)
		if j < len(p.s) && (isDigit(p.s[j]) || isCNum(p.runeAt(j))) {
			if n, ok := p.lexNum(j); ok && !n.grouped && n.v >= 1 && n.v <= 4 && n.nd <= 1 {
				if u := p.sp(n.end); p.has(u, "季") && !p.has(u, "季节") {
					end := u + 3
					if p.has(u, "季度") {
						end += 3
					}
					return set(ep{part: partQ1 + int8(n.v-1)}, end-i, GrainMonth)
				}
			}
		}
	case '双':
		for _, f := range [...]struct {
			w    string
			m, d int8
		}{{"双11", 11, 11}, {"双十一", 11, 11}, {"双 11", 11, 11}, {"双12", 12, 12}, {"双十二", 12, 12}, {"双 12", 12, 12}} {
			if has(f.w) && (len(s) == len(f.w) || !isDigit(s[len(f.w)])) && !isCNum(p.runeAt(i+len(f.w))) {
				return set(ep{month: f.m, day: f.d}, len(f.w), GrainDay)
			}
		}
	case '五', '十':
		for _, f := range [...]struct {
			w    string
			m, d int8
		}{{"五一", 5, 1}, {"十一", 10, 1}} {
			if has(f.w) && !isCNum(prev) {
				k := i + len(f.w)
				for _, c := range [...]string{"劳动节", "国际劳动节", "黄金周", "假期", "长假", "小长假", "期间", "国庆"} {
					if p.has(k, c) {
						n := len(f.w)
						if c == "劳动节" || c == "国际劳动节" {
							n += len(c)
						}
						return set(ep{month: f.m, day: f.d}, n, GrainDay)
					}
				}
			}
		}
	case '七':
		if has("七夕") {
			n := 6
			if strings.HasPrefix(s[6:], "节") {
				n = 9
			}
			return set(ep{month: 7, day: 7, lunar: true}, n, GrainDay)
		}
	case '国', '元', '春', '除', '端', '中', '重', '腊', '劳', '圣':
		for _, f := range [...]struct {
			w     string
			m, d  int8
			lunar bool
		}{
			{"国庆节", 10, 1, false}, {"国庆", 10, 1, false}, {"元旦", 1, 1, false}, {"劳动节", 5, 1, false},
			{"圣诞节", 12, 25, false}, {"春节", 1, 1, true}, {"元宵节", 1, 15, true}, {"元宵", 1, 15, true},
			{"端午节", 5, 5, true}, {"端午", 5, 5, true}, {"中秋节", 8, 15, true}, {"中秋", 8, 15, true},
			{"重阳节", 9, 9, true}, {"重阳", 9, 9, true}, {"腊八节", 12, 8, true}, {"腊八", 12, 8, true},
			{"除夕", 0, 0, true},
		} {
			if f.w[:3] == s[:3] && has(f.w) {
				e := ep{month: f.m, day: f.d, lunar: f.lunar}
				if f.w == "除夕" {
					e.part = partEve
				}
				return set(e, len(f.w), GrainDay)
			}
		}
		if r0 == '腊' && has("腊月") {
			return p.lunarMonth(i, 12, i+6)
		}
	case '正':
		if has("正月") {
			return p.lunarMonth(i, 1, i+6)
		}
	case '冬':
		if has("冬月") {
			return p.lunarMonth(i, 11, i+6)
		}
	case '农', '阴':
		if !has("农历") && !has("阴历") {
			break
		}
		j := p.sp(i + 6)
		switch {
		case p.has(j, "新年"), p.has(j, "春节"):
			return set(ep{month: 1, day: 1, lunar: true}, j+6-i, GrainDay)
		case p.has(j, "除夕"):
			return set(ep{part: partEve, lunar: true}, j+6-i, GrainDay)
		case p.has(j, "正月"):
			return p.lunarMonth(i, 1, j+6)
		case p.has(j, "腊月"):
			return p.lunarMonth(i, 12, j+6)
		case p.has(j, "冬月"):
			return p.lunarMonth(i, 11, j+6)
		}
		leap := p.has(j, "闰")
		if leap {
			j += 3
		}
		if j < len(p.s) && (isDigit(p.s[j]) || isCNum(p.runeAt(j))) {
			if n, ok := p.lexNum(j); ok && !n.grouped {
				if m, ok := p.monthNum(n); ok && p.has(p.sp(n.end), "月") {
					r := p.lunarMonth(i, m, p.sp(n.end)+3)
					if leap {
						r.e.day = -r.e.day // marks a leap month until resolution
						if r.e.day == 0 {
							return epRes{}
						}
					}
					return r
				}
			}
		}
	case '年':
		if oneOf(prev, "年每前") || isCNum(prev) || isDigit(p.s[max(0, p.spBack(i)-1)]) && p.spBack(i) > 0 {
			break
		}
		for _, f := range [...]struct {
			w string
			p int8
		}{{"年初", partYearStart}, {"年底", partYearEnd}, {"年末", partYearEnd}, {"年尾", partYearEnd}} {
			if has(f.w) && !strings.HasPrefix(s[6:], "期") && !isCNum(p.runeAt(i+6)) {
				return set(ep{part: f.p}, 6, GrainMonth)
			}
		}
	case '岁':
		if has("岁末") {
			return set(ep{part: partYearEnd}, 6, GrainMonth)
		}
	case '半':
		if oneOf(prev, "上下前后大多个") || isCNum(prev) {
			break
		}
		switch {
		case has("半年"):
			if k := p.ago(i + 6); k > 0 {
				r := set(refE(GrainMonth, -6), k-i, GrainMonth)
				r.term = true
				r.kind = KindPoint
				return r
			}
			return epRes{dur: "P6M", end: i + 6, ok: true, term: true, kind: KindDuration}
		case has("半个月"):
			return epRes{dur: "P15D", end: i + 9, ok: true, term: true, kind: KindDuration}
		case has("半个世纪"):
			return epRes{dur: "P50Y", end: i + 12, ok: true, term: true, kind: KindDuration}
		case has("半小时"), has("半个小时"), has("半个钟头"):
			n := 9
			if !has("半小时") {
				n = 12
			}
			return epRes{dur: "PT30M", end: i + n, ok: true, term: true, kind: KindDuration}
		}
	}
	return r
}

// lunarMonth parses the lunar month m written from i to j, with an optional
// day: 正月初七, 农历八月廿三.
func (p *dparser) lunarMonth(i, m, j int) epRes {
	r := epRes{e: ep{month: int8(m), lunar: true}, end: j, first: GrainMonth, last: GrainMonth, ok: true}
	if d, end, ok := p.lunarDay(p.sp(j)); ok {
		r.e.day, r.end, r.last = int8(d), end, GrainDay
	}
	return r
}

// forecastBefore reports whether the clause before i forecasts:
// 预计2025年, 将于明年, 计划在2030年前.
func (p *dparser) forecastBefore(i int) bool {
	k := i
	for n := 0; k > 0 && n < 40; n++ {
		r, size := utf8.DecodeLastRuneInString(p.s[:k])
		if r == '\n' || oneOf(r, ",;!?，。；！？") {
			break
		}
		k -= size
	}
	clause := p.s[k:i]
	for _, w := range [...]string{"预计", "计划", "有望", "预测", "预期", "力争", "即将", "拟于", "打算", "目标是", "将于", "将在", "将"} {
		if j := strings.Index(clause, w); j >= 0 {
			if w == "将" && (strings.HasPrefix(clause[j:], "将近") || strings.HasPrefix(clause[j:], "将军")) {
				continue
			}
			return true
		}
	}
	return false
}

// An ival is a resolved interval.
type ival struct {
	from, to Date
	g        Grain
}

// resolveAll resolves the parsed expressions in order and maps their spans
// back to the original text.
func (p *dparser) resolveAll(v *view, notes int, sents [][2]int) []TimeExpr {
	out := make([]TimeExpr, 0, len(p.raw))
	var anc ival
	hasAnc := false
	sent := sentenceCursor{s: p.s, sents: sents}
	hint := 0     // index into p.hints
	var last ival // the expression before, for lists
	lastOK := false
	ownYears := make([]int, len(p.raw)) // year each expression itself states, 0 if none
	for k := range p.raw {
		x := &p.raw[k]
		ss, se := sent.at(x.start)
		t := TimeExpr{Kind: x.kind, Duration: x.dur, Approx: x.approx, title: x.title, forecast: x.forecast}
		t.Start, t.End = v.span(x.start, x.end)
		t.Text = v.text[t.Start:t.End]
		if x.kind == KindDuration {
			out = append(out, t)
			continue
		}
		inNotes := x.start >= notes
		var ancp *ival
		if hasAnc && !inNotes {
			ancp = &anc
		}
		yh := 0
		var base *ival
		if x.list && lastOK {
			base = &last
		} else if x.a.bare() {
			yh = p.sentenceYear(k, x, ss, se, &hint, ownYears)
			if yh == 0 && ancp != nil && ancp.from.Year == ancp.to.Year {
				yh = ancp.to.Year
			}
			if yh == 0 && !p.ref.IsZero() {
				yh = p.ref.Year
			}
		}
		a, ok := x.a.resolve(p.ref, ancp, yh, base)
		if ok && x.kind == KindRange {
			var b ival
			b, ok = x.b.resolve(p.ref, ancp, 0, &a)
			if ok && b.to.Before(a.from) {
				ok = false
			}
			if ok {
				t.From, t.To, t.Grain = a.from, b.to, min(a.g, b.g)
				a = b
			}
		} else if ok {
			t.From, t.To, t.Grain = a.from, a.to, a.g
		}
		if !ok && x.a.rel == relNone && x.a.year != 0 && !x.a.lunar {
			continue // not a calendar date: 2019年2月29日
		}
		if !ok {
			t.Unresolved = true
			lastOK = false
			out = append(out, t)
			continue
		}
		if x.a.statesYear() || x.list && x.a.year != 0 {
			ownYears[k] = t.To.Year
		}
		last, lastOK = a, true
		if !x.title && !x.forecast && !inNotes {
			anc, hasAnc = a, true
			t.anchor = true
		}
		out = append(out, t)
	}
	return out
}

// sentenceYear finds the year that a bare date takes from its own
// sentence [ss, se): the nearest year stated before it in the sentence,
// else the first one after it. Years in titles count only for dates in
// titles.
func (p *dparser) sentenceYear(k int, x *rawExpr, ss, se int, hint *int, own []int) int {
	bestPos, year := -1, 0
	for j := k - 1; j >= 0 && p.raw[j].start >= ss; j-- {
		if own[j] != 0 && (!p.raw[j].title || x.title) {
			bestPos, year = p.raw[j].end, own[j]
			break
		}
	}
	for *hint < len(p.hints) && p.hints[*hint].pos < ss {
		*hint++
	}
	for h := *hint; h < len(p.hints) && p.hints[h].pos < x.start; h++ {
		if p.hints[h].pos > bestPos {
			bestPos, year = p.hints[h].pos, p.hints[h].year
		}
	}
	if year != 0 {
		return year
	}
	nextPos := se
	for j := k + 1; j < len(p.raw) && p.raw[j].start < se; j++ {
		y := p.raw[j]
		if y.kind == KindDuration || y.title && !x.title || !y.a.statesYear() {
			continue
		}
		if y.a.rel == relNone {
			year = int(y.a.year)
			if y.a.yy {
				year = twoDigitYear(year, p.ref)
			}
		} else if y.a.rel == relRef && !p.ref.IsZero() {
			if iv, ok := y.a.resolve(p.ref, nil, 0, nil); ok {
				year = iv.to.Year
			}
		}
		if year != 0 {
			nextPos = y.start
			break
		}
	}
	for h := *hint; h < len(p.hints) && p.hints[h].pos < se; h++ {
		if p.hints[h].pos > x.start && p.hints[h].pos < nextPos {
			return p.hints[h].year
		}
	}
	return year
}

// defaultPivot is the reference year used to read two-digit years when
// the reference date is unknown: 18年 is 2018 and 36年 is 1936.
const defaultPivot = 2025

// twoDigitYear reads a two-digit year: 20yy when that is at most ten years
// after the reference year, else 19yy.
func twoDigitYear(yy int, ref Date) int {
	pivot := ref.Year
	if ref.IsZero() {
		pivot = defaultPivot
	}
	if 2000+yy <= pivot+10 {
		return 2000 + yy
	}
	return 1900 + yy
}

func addMonths(y int, m time.Month, n int) (int, time.Month) {
	t := int(m) - 1 + n
	y += t / 12
	t %= 12
	if t < 0 {
		t += 12
		y--
	}
	return y, time.Month(t + 1)
}

// sameDay returns month m, day d of year y, or the month's last day when
// it has no day d (29 February).
func sameDay(y int, m time.Month, d int) Date {
	return Date{y, m, min(d, daysIn(y, m))}
}

// resolve computes the interval of e. yearHint is the year of a bare
// endpoint; base is the endpoint before (the A of a range or list), from
// which a bare e borrows its year and month.
func (e *ep) resolve(ref Date, anc *ival, yearHint int, base *ival) (ival, bool) {
	if e.fixed {
		return ival{e.from, e.to, e.fg}, true
	}
	var y int
	var m time.Month
	borrowY, borrowM := false, false
	switch e.rel {
	case relRef:
		if ref.IsZero() {
			return ival{}, false
		}
		switch e.unit {
		case GrainDay:
			d := ref.AddDays(int(e.off))
			return ival{d, d, GrainDay}, true
		case GrainWeek:
			mon := ref.AddDays(-((int(ref.Weekday()) + 6) % 7) + 7*int(e.off))
			switch {
			case e.wday > 0:
				d := mon.AddDays(int(e.wday) - 1)
				return ival{d, d, GrainDay}, true
			case e.part == partWeekend:
				return ival{mon.AddDays(5), mon.AddDays(6), GrainDay}, true
			}
			return ival{mon, mon.AddDays(6), GrainWeek}, true
		case GrainQuarter:
			y, m = addMonths(ref.Year, ref.Month-(ref.Month-1)%3, 3*int(e.off))
			return ival{Date{y, m, 1}, Date{y, m + 2, daysIn(y, m+2)}, GrainQuarter}, true
		case GrainMonth:
			y, m = addMonths(ref.Year, ref.Month, int(e.off))
			if e.same {
				d := sameDay(y, m, ref.Day)
				return ival{d, d, GrainDay}, true
			}
		case GrainYear:
			y = ref.Year + int(e.off)
			if e.same {
				d := sameDay(y, ref.Month, ref.Day)
				return ival{d, d, GrainDay}, true
			}
		}
	case relAnchor:
		if anc == nil {
			return ival{}, false
		}
		if e.same {
			f, t := anc.from, anc.to
			return ival{sameDay(f.Year+int(e.off), f.Month, f.Day), sameDay(t.Year+int(e.off), t.Month, t.Day), anc.g}, true
		}
		switch e.unit {
		case GrainDay:
			if anc.g != GrainDay || anc.from != anc.to {
				return ival{}, false
			}
			d := anc.from.AddDays(int(e.off))
			return ival{d, d, GrainDay}, true
		case GrainMonth:
			if anc.g > GrainMonth || anc.from.Month != anc.to.Month || anc.from.Year != anc.to.Year {
				return ival{}, false
			}
			y, m = addMonths(anc.from.Year, anc.from.Month, int(e.off))
		case GrainYear:
			if anc.from.Year != anc.to.Year {
				return ival{}, false
			}
			y = anc.from.Year + int(e.off)
		}
	default:
		switch {
		case e.year != 0 && e.yy:
			y = twoDigitYear(int(e.year), ref)
		case e.year != 0:
			y = int(e.year)
		case base != nil:
			y, borrowY = base.from.Year, true
		case yearHint != 0:
			y = yearHint
		default:
			return ival{}, false
		}
		if e.month == 0 && e.day != 0 {
			if base == nil || e.part != partNone {
				return ival{}, false
			}
			m, borrowM = base.from.Month, true
		}
	}
	if e.month != 0 {
		m = time.Month(e.month)
	}
	iv, ok := e.within(y, m)
	if ok && base != nil && iv.to.Before(base.from) {
		switch {
		case borrowM:
			y, m = addMonths(y, m, 1)
			iv, ok = e.within(y, m)
		case borrowY:
			iv, ok = e.within(y+1, m)
		}
	}
	return iv, ok
}

// within builds the interval of e in year y and month m (0 for none).
func (e *ep) within(y int, m time.Month) (ival, bool) {
	if y < 1 || y > 9999 {
		return ival{}, false
	}
	if e.lunar {
		return e.lunarIval(y, m)
	}
	if m == 0 {
		switch e.part {
		case partNone:
			return ival{Date{y, 1, 1}, Date{y, 12, 31}, GrainYear}, true
		case partYearStart:
			return ival{Date{y, 1, 1}, Date{y, 3, 31}, GrainQuarter}, true
		case partYearEnd:
			return ival{Date{y, 10, 1}, Date{y, 12, 31}, GrainQuarter}, true
		case partH1:
			return ival{Date{y, 1, 1}, Date{y, 6, 30}, GrainHalf}, true
		case partH2:
			return ival{Date{y, 7, 1}, Date{y, 12, 31}, GrainHalf}, true
		case partQ1, partQ2, partQ3, partQ4:
			q := int(e.part - partQ1)
			first := time.Month(3*q + 1)
			return ival{Date{y, first, 1}, Date{y, first + 2, daysIn(y, first+2)}, GrainQuarter}, true
		case partQ1to2:
			return ival{Date{y, 1, 1}, Date{y, 6, 30}, GrainQuarter}, true
		case partQ1to3:
			return ival{Date{y, 1, 1}, Date{y, 9, 30}, GrainQuarter}, true
		}
		return ival{}, false
	}
	last := daysIn(y, m)
	if e.day != 0 {
		if int(e.day) > last || e.day < 0 {
			return ival{}, false
		}
		d := Date{y, m, int(e.day)}
		return ival{d, d, GrainDay}, true
	}
	switch e.part {
	case partMonthEarly:
		return ival{Date{y, m, 1}, Date{y, m, 10}, GrainDay}, true
	case partMonthMid:
		return ival{Date{y, m, 11}, Date{y, m, 20}, GrainDay}, true
	case partMonthLate:
		return ival{Date{y, m, 21}, Date{y, m, last}, GrainDay}, true
	}
	return ival{Date{y, m, 1}, Date{y, m, last}, GrainMonth}, true
}

// lunarIval converts the lunar date of e in lunar year y (month m, or the
// eve of the new year) to the Gregorian calendar.
func (e *ep) lunarIval(y int, m time.Month) (ival, bool) {
	if e.part == partEve {
		d, ok := lunarToSolar(y, 1, 1, false)
		if !ok {
			return ival{}, false
		}
		d = d.AddDays(-1)
		return ival{d, d, GrainDay}, true
	}
	day, leap := int(e.day), false
	if day < 0 {
		day, leap = -day, true
	}
	if day == 0 {
		first, ok := lunarToSolar(y, int(m), 1, leap)
		if !ok {
			return ival{}, false
		}
		n := lunarMonthDays(y, int(m), leap)
		return ival{first, first.AddDays(n - 1), GrainMonth}, true
	}
	d, ok := lunarToSolar(y, int(m), day, leap)
	if !ok {
		return ival{}, false
	}
	return ival{d, d, GrainDay}, true
}

// backThen reports whether 当年 after before means "back then" rather
// than "that year": it follows a word of comparison (正如当年, 与当年, 像当年).
func backThen(before string) bool {
	before = strings.TrimRight(before, " ")
	for _, w := range []string{"正如", "如同", "就像", "好像", "像", "一如", "与", "和", "跟", "同", "比", "想当"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// A sentenceCursor walks the sentences of a view string forwards, from a
// list made by splitSentences when it has one.
type sentenceCursor struct {
	s      string
	start  int
	end    int
	primed bool
	sents  [][2]int // the sentences of s, or nil
	k      int      // index into sents
}

// at returns the sentence that holds offset i; i never decreases between
// calls.
func (c *sentenceCursor) at(i int) (int, int) {
	if c.sents != nil {
		for c.k < len(c.sents) && c.sents[c.k][1] <= i {
			c.k++
		}
		if c.k == len(c.sents) {
			return len(c.s), len(c.s)
		}
		return c.sents[c.k][0], c.sents[c.k][1]
	}
	if !c.primed {
		c.start, c.end = nextSentence(c.s, 0)
		c.primed = true
	}
	for c.end <= i && c.end < len(c.s) {
		c.start, c.end = nextSentence(c.s, c.end)
	}
	return c.start, c.end
}

// lunarToSolar returns the Gregorian date of day d of month m (a leap
// month when leap) of lunar year y, for the years lunarYears covers.
func lunarToSolar(y, m, d int, leap bool) (Date, bool) {
	k := y - lunarFirstYear
	if k < 0 || k >= len(lunarYears) || m < 1 || m > 12 {
		return Date{}, false
	}
	info := lunarYears[k]
	idx, ok := lunarIndex(info, m, leap)
	if !ok {
		return Date{}, false
	}
	days := int(info >> 17 & 0x3F)
	for j := 0; j < idx; j++ {
		days += 29 + int(info>>j&1)
	}
	if d < 1 || d > 29+int(info>>idx&1) {
		return Date{}, false
	}
	return Date{y, 1, 1}.AddDays(days + d - 1), true
}

// lunarMonthDays returns the length of month m (a leap month when leap)
// of lunar year y.
func lunarMonthDays(y, m int, leap bool) int {
	info := lunarYears[y-lunarFirstYear]
	idx, _ := lunarIndex(info, m, leap)
	return 29 + int(info>>idx&1)
}

// lunarIndex returns the position of month m in a lunar year, counting a
// leap month after the month it repeats.
func lunarIndex(info uint32, m int, leap bool) (int, bool) {
	lm := int(info >> 13 & 0xF)
	if leap && lm != m {
		return 0, false
	}
	idx := m - 1
	if lm != 0 && (m > lm || leap) {
		idx++
	}
	return idx, true
}
