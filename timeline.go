package yunshi

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// A Milestone is a dated event: what happened, when, who was involved, and
// where each document says so. The same event stated in several places
// (the same day, or the same period with a similar clause) is one
// milestone with several sources; sources that give different dates stay
// separate milestones.
type Milestone struct {
	From, To Date     // inclusive interval
	Grain    Grain    // precision of the interval
	Approx   bool     // the text marks the date as approximate
	Label    string   // the date as written in the first source, e.g. 2013 年 8 月 15 日
	Event    string   // the clause that states what happened
	Leaders  []string // canonical names of the leaders involved
	Orgs     []string // organisations named in the event (阿里云, 华为…)
	Products []string // products named in the event (飞天, 钉钉…)
	Sources  []Source // where it is stated: Start/End span the date as written
}

// Timeline returns every milestone of the corpus, sorted by date (From,
// then To), then by source order.
func (c *Corpus) Timeline() []Milestone { return slices.Clone(c.facts().timeline) }

// TimelineBetween returns the milestones whose interval overlaps [from,
// to]. A zero from or to leaves that side open.
func (c *Corpus) TimelineBetween(from, to Date) []Milestone {
	var out []Milestone
	for _, m := range c.facts().timeline {
		if !from.IsZero() && m.To.Before(from) || !to.IsZero() && m.From.After(to) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// TimelineOf returns the milestones that involve the leader called name
// (a canonical name or any alias).
func (c *Corpus) TimelineOf(name string) []Milestone {
	l, ok := c.Leader(name)
	if !ok {
		return nil
	}
	var out []Milestone
	for _, m := range c.facts().timeline {
		if slices.Contains(m.Leaders, l.Name) {
			out = append(out, m)
		}
	}
	return out
}

// TimelineWith returns the milestones whose event or source sentence
// contains word (matched through simplified characters).
func (c *Corpus) TimelineWith(word string) []Milestone {
	w := Simplified(foldString(word))
	var out []Milestone
	for _, m := range c.facts().timeline {
		hit := strings.Contains(Simplified(foldString(m.Event)), w)
		for _, s := range m.Sources {
			hit = hit || strings.Contains(Simplified(foldString(s.Sentence)), w)
		}
		if hit {
			out = append(out, m)
		}
	}
	return out
}

// docRef is the reference date for relative expressions in d.
func (c *Corpus) docRef(d *Document) Date {
	if !d.Published.IsZero() {
		return d.Published
	}
	return c.ref
}

// A rawMilestone is a milestone from one document, before merging.
type rawMilestone struct {
	Milestone
	doc int // document index, for ordering
	pos int // byte offset of the date in the document
}

// milestones makes the milestones of one document from its time
// expressions: every resolved point or range in the body, except in end
// matter, in 《》 titles and in forecasts. The event is the clause that
// holds the date, or when the date stands alone at the head of its clause
// (2012 年 8 月，王坚被任命为…), what follows it in the sentence.
func milestones(d *Document, k int, dates []TimeExpr, ms []mention, sents [][2]int, reg *registry) []rawMilestone {
	s := d.view.s
	notes := viewOffset(d.view, d.notes)
	var out []rawMilestone
	si := 0
	consumed := [][2]int{} // view spans already used as events
	// View offsets of the resolved dates, in order, for hasDateIn.
	var resolved []int
	spans := make([][2]int, len(dates))
	for k, e := range dates {
		spans[k] = [2]int{viewOffset(d.view, e.Start), viewOffset(d.view, e.End)}
		if e.Kind != KindDuration && !e.Unresolved {
			resolved = append(resolved, spans[k][0])
		}
	}
	for k, e := range dates {
		if e.Kind == KindDuration || e.Unresolved || e.title || e.forecast || e.From.IsZero() {
			continue
		}
		vs, ve := spans[k][0], spans[k][1]
		if vs >= notes {
			continue
		}
		for si < len(sents) && sents[si][1] <= vs {
			si++
		}
		if si == len(sents) {
			break
		}
		sst, sen := sents[si][0], sents[si][1]
		if vs < sst {
			continue
		}
		skip := false
		for _, c := range consumed {
			if vs >= c[0] && ve <= c[1] {
				skip = true
			}
		}
		if skip {
			continue
		}
		es, ee := eventSpan(s, sst, sen, vs, ve, resolved)
		if forecastAt(s[es:ee]) {
			continue
		}
		event := cleanEvent(d.Text[d.view.orig(es):d.view.orig(ee)])
		if utf8.RuneCountInString(event) < 2 {
			continue
		}
		consumed = append(consumed, [2]int{es, ee})
		a, b := d.view.orig(sst), d.view.orig(sen)
		m := rawMilestone{doc: k, pos: e.Start}
		m.From, m.To, m.Grain, m.Approx, m.Label = e.From, e.To, e.Grain, e.Approx, e.Text
		m.Event = event
		m.Leaders = leadersIn(s, ms, es, ee)
		m.Orgs, m.Products = reg.thingsIn(s[es:ee])
		// The subject may stand in the clause before the date: 阿里云总裁王坚
		// 来到北京，5 月 6 日与叶凯见面.
		if ps := clauseBefore(s, sst, min(es, vs)); ps < min(es, vs) {
			for _, n := range leadersIn(s, ms, ps, min(es, vs)) {
				if !slices.Contains(m.Leaders, n) {
					m.Leaders = append(m.Leaders, n)
				}
			}
		}
		m.Sources = []Source{{Doc: d.ID, Start: e.Start, End: e.End, Sentence: d.Text[a:b]}}
		out = append(out, m)
	}
	return out
}

// eventSpan returns the view span of the event for a date at [vs, ve) in
// the sentence [st, en).
func eventSpan(s string, st, en, vs, ve int, dates []int) (int, int) {
	// The clause holding the date.
	cs, ce := vs, ve
	for cs > st {
		r, size := utf8.DecodeLastRuneInString(s[:cs])
		if isClauseBreak(r) && !asciiColon(s, cs-size) {
			break
		}
		cs -= size
	}
	for ce < en {
		r, size := utf8.DecodeRuneInString(s[ce:])
		if isClauseBreak(r) && !asciiColon(s, ce) {
			break
		}
		ce += size
	}
	// Does the clause hold more than the date and its particles?
	rest := strings.TrimSpace(s[cs:vs]) + strings.TrimSpace(s[ve:ce])
	for _, w := range []string{"时间来到了", "时间来到", "转眼到了", "转眼", "进入了", "进入", "来到了", "来到", "到了", "直到", "时至", "截至", "截止"} {
		rest = strings.Replace(rest, w, "", 1)
	}
	rest = strings.Trim(rest, " 从自在于到截至开始起以来的,:：是时但而")
	if utf8.RuneCountInString(rest) >= 2 {
		// A short clause, or one that only sets the scene (在…大会上, …的时候),
		// takes the next clause too, unless that one has a date of its own.
		if utf8.RuneCountInString(rest) < 10 || adverbial(s[cs:ce]) {
			if ns, ne := nextClause(s, ce, en); ne > ns && !hasDateIn(dates, ns, ne) && utf8.RuneCountInString(s[cs:ne]) <= 120 {
				return trimClause(s, cs, ne)
			}
		}
		return trimClause(s, cs, ce)
	}
	// The date heads the clause: the event is what follows, up to the next
	// clause holding another date, at most about 80 characters.
	start := ce
	for start < en {
		r, size := utf8.DecodeRuneInString(s[start:])
		if !isClauseBreak(r) && r != ' ' {
			break
		}
		start += size
	}
	end := start
	clauses := 0
	for end < en {
		ne := end
		for ne < en {
			r, size := utf8.DecodeRuneInString(s[ne:])
			if isClauseBreak(r) && !asciiColon(s, ne) {
				break
			}
			ne += size
		}
		if clauses > 0 && (hasDateIn(dates, end, ne) || utf8.RuneCountInString(s[start:ne]) > 90) {
			break
		}
		end = ne
		clauses++
		// Step over the break.
		for end < en {
			r, size := utf8.DecodeRuneInString(s[end:])
			if !isClauseBreak(r) {
				break
			}
			if r == '。' || r == '!' || r == '?' || r == '！' || r == '？' || r == ';' || r == '；' {
				return trimClause(s, start, end)
			}
			end += size
		}
	}
	if end <= start {
		return trimClause(s, cs, ce)
	}
	return trimClause(s, start, end)
}

// forecastAt reports whether an event is a forecast or a plan rather than
// something that happened: 预计…, 计划…, 有望….
func forecastAt(e string) bool {
	e = strings.TrimLeft(e, " ,，")
	for _, w := range []string{"预计", "预测", "计划", "有望", "将于", "将在", "拟", "预期", "力争", "争取"} {
		if strings.HasPrefix(e, w) {
			return true
		}
	}
	return false
}

// clauseBefore returns the start of the clause that ends just before i (at
// a comma) in the sentence starting at st, or i if there is none.
func clauseBefore(s string, st, i int) int {
	j := i
	for j > st {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if r != ' ' && r != ',' && r != '，' {
			break
		}
		j -= size
	}
	if j == i || j <= st {
		return i
	}
	if r, _ := utf8.DecodeRuneInString(s[j:]); r != ',' && r != '，' && r != ' ' {
		return i
	}
	k := j
	for k > st {
		r, size := utf8.DecodeLastRuneInString(s[:k])
		if isClauseBreak(r) && !asciiColon(s, k-size) {
			break
		}
		k -= size
	}
	return k
}

// adverbial reports whether a clause only sets the scene for what follows:
// 在 2012 年的阿里云开发者大会上, 想起…的时候.
func adverbial(c string) bool {
	c = strings.TrimSpace(c)
	for _, suf := range []string{"上", "中", "时", "时候", "期间", "之际", "之后", "以后", "之前", "以来", "后", "前", "里"} {
		if strings.HasSuffix(c, suf) {
			return true
		}
	}
	return false
}

// nextClause returns the view span of the clause after a break at i, within
// the sentence ending at en; empty if the sentence ends at i.
func nextClause(s string, i, en int) (int, int) {
	if i >= en {
		return i, i
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if r != ',' && r != '，' {
		return i, i
	}
	i += size
	j := i
	for j < en {
		r, size := utf8.DecodeRuneInString(s[j:])
		if isClauseBreak(r) && !asciiColon(s, j) {
			break
		}
		j += size
	}
	return i, j
}

// asciiColon reports whether s[i] is a colon inside ASCII text — a URL
// (https://…) or a time (10:20) — rather than one that ends a clause.
func asciiColon(s string, i int) bool {
	if i < 0 || i >= len(s) || s[i] != ':' || i == 0 || i+1 >= len(s) {
		return false
	}
	isAlnum := func(c byte) bool {
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/'
	}
	return isAlnum(s[i-1]) && isAlnum(s[i+1])
}

func isClauseBreak(r rune) bool {
	switch r {
	case ',', '，', ';', '；', '。', '!', '?', '！', '？', '\n', ':', '：':
		return true
	}
	return false
}

// trimClause trims white space and trailing punctuation from a view span.
func trimClause(s string, a, b int) (int, int) {
	for a < b {
		r, size := utf8.DecodeRuneInString(s[a:])
		if r != ' ' && r != ',' && r != '，' {
			break
		}
		a += size
	}
	for b > a {
		r, size := utf8.DecodeLastRuneInString(s[:b])
		if r != ' ' && r != ',' && r != '，' && r != '。' && r != ';' && r != '；' && r != ':' && r != '：' {
			break
		}
		b -= size
	}
	return a, b
}

// hasDateIn reports whether a resolved date starts in the view span
// [a, b); dates holds their view offsets in order.
func hasDateIn(dates []int, a, b int) bool {
	k, _ := slices.BinarySearch(dates, a)
	return k < len(dates) && dates[k] < b
}

// cleanEvent makes an event readable: single spaces, and no quote mark at
// either end that is not matched inside it.
func cleanEvent(e string) string {
	if strings.Contains(e, "  ") || strings.ContainsAny(e, "\n\t\r") {
		e = strings.Join(strings.Fields(e), " ")
	}
	e = strings.TrimSpace(e)
	pairs := [][2]string{{"“", "”"}, {"「", "」"}, {"『", "』"}}
	for changed := true; changed; {
		changed = false
		for _, p := range pairs {
			open, close := strings.Count(e, p[0]), strings.Count(e, p[1])
			switch {
			case strings.HasPrefix(e, p[0]) && open > close:
				e, changed = strings.TrimPrefix(e, p[0]), true
			case strings.HasSuffix(e, p[1]) && close > open:
				e, changed = strings.TrimSuffix(e, p[1]), true
			}
		}
		if strings.Count(e, "\"")%2 == 1 && (strings.HasPrefix(e, "\"") || strings.HasSuffix(e, "\"")) {
			e, changed = strings.Trim(e, "\""), true
		}
		e = strings.TrimSpace(e)
	}
	// An opening mark left unclosed at the end of a cut clause: close it.
	for _, p := range pairs {
		if strings.Count(e, p[0]) > strings.Count(e, p[1]) {
			e += p[1]
		}
	}
	return e
}

// leadersIn returns the canonical names of the people mentioned in the view
// span [a, b), with pronouns (他, 她) resolved where unambiguous, in order of
// appearance.
func leadersIn(s string, ms []mention, a, b int) []string {
	var out []string
	for _, m := range ms {
		if m.vs >= a && m.ve <= b && !slices.Contains(out, m.name) {
			out = append(out, m.name)
		}
	}
	if len(out) == 0 {
		for _, pr := range []string{"他", "她"} {
			if j := strings.Index(s[a:b], pr); j >= 0 {
				// Not 他们, 其他, 她们.
				rest := s[a+j+len(pr):]
				if strings.HasPrefix(rest, "们") || j >= len("其") && strings.HasSuffix(s[:a+j], "其") {
					continue
				}
				if name, ok := antecedent(s, ms, a+j); ok {
					out = append(out, name)
					break
				}
			}
		}
	}
	return out
}

// mergeMilestones merges the milestones of all documents: the same
// interval and either a day's grain or a similar event makes one
// milestone with the sources of both. The result is sorted by date, then
// source order.
func mergeMilestones(raw []rawMilestone) []Milestone {
	slices.SortStableFunc(raw, func(a, b rawMilestone) int {
		if c := a.From.Compare(b.From); c != 0 {
			return c
		}
		if c := a.To.Compare(b.To); c != 0 {
			return c
		}
		if c := cmp.Compare(a.doc, b.doc); c != 0 {
			return c
		}
		return cmp.Compare(a.pos, b.pos)
	})
	var out []Milestone
	var keys [][]uint64 // Han character pairs of each merged milestone's first event
	for _, r := range raw {
		merged := false
		var rk []uint64
		for i := len(out) - 1; i >= 0 && out[i].From == r.From; i-- {
			o := &out[i]
			if o.To != r.To || o.Grain != r.Grain {
				continue
			}
			same := r.Grain == GrainDay
			if !same {
				if rk == nil {
					rk = eventPairs(r.Event, r.Label)
				}
				if keys[i] == nil {
					keys[i] = eventPairs(o.Event, o.Label)
				}
				same = similarPairs(keys[i], rk)
			}
			if same {
				o.Sources = append(o.Sources, r.Sources...)
				o.Leaders = union(o.Leaders, r.Leaders)
				o.Orgs = union(o.Orgs, r.Orgs)
				o.Products = union(o.Products, r.Products)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, r.Milestone)
			keys = append(keys, rk) // computed when first needed
		}
	}
	return out
}

// union appends to a the elements of b it lacks.
func union(a, b []string) []string {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(a, x)
		}
	}
	return a
}

// eventPairs returns the distinct pairs of adjacent Han characters of an
// event, leaving out its date label, in simplified form, sorted.
func eventPairs(e, label string) []uint64 {
	e = Simplified(e)
	label = Simplified(label)
	skipFrom, skipTo := -1, -1
	if k := strings.Index(e, label); k >= 0 && label != "" {
		skipFrom, skipTo = k, k+len(label)
	}
	out := make([]uint64, 0, len(e)/3)
	var prev rune
	for i, r := range e {
		if i >= skipFrom && i < skipTo {
			prev = 0
			continue
		}
		if isHanChar(r) && isHanChar(prev) {
			out = append(out, uint64(prev)<<32|uint64(r))
		}
		prev = r
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if out == nil {
		out = []uint64{}
	}
	return out
}

// similarPairs reports whether two events share at least half of the
// character pairs of the one with fewer.
func similarPairs(a, b []uint64) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return false
	}
	shared, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			shared++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return shared*2 >= len(a)
}
