package yunshi

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// A registry knows the people of a corpus: canonical names, the aliases
// and forms that refer to them, and the words that never name a person.
// It is built once per corpus and only read afterwards.
type registry struct {
	canon     map[string]string          // simplified name or alias → canonical name
	aliases   map[string]map[string]bool // canonical → aliases
	ambiguous map[string]bool            // aliases that need corroboration (孙权)
	notPerson map[string]bool            // user organisations and products
	things    map[string]thing           // organisations and products by simplified form
	thingsBy  map[rune][]string          // their forms by first rune, longest first
	byFirst   map[rune][]string          // forms by first rune, longest first
	firstBit  [1 << 10]uint64            // first runes of forms below U+10000
}

func newRegistry(lex *Lexicon) *registry {
	t := tables()
	g := &registry{
		canon:     map[string]string{},
		aliases:   map[string]map[string]bool{},
		ambiguous: map[string]bool{},
		notPerson: map[string]bool{},
	}
	for a := range t.ambiguous {
		g.ambiguous[a] = true
	}
	g.things = map[string]thing{}
	addThing := func(name string, product bool, forms ...string) {
		name = Simplified(name)
		for _, f := range append([]string{name}, forms...) {
			g.things[Simplified(f)] = thing{name: name, product: product}
		}
	}
	for _, o := range strings.Fields(builtinOrgs) {
		addThing(o, false)
	}
	for _, p := range strings.Fields(builtinProducts) {
		addThing(p, true)
	}
	for _, p := range t.people {
		g.addPerson(p.name, p.aliases...)
	}
	defer g.index()
	if lex != nil {
		for _, e := range lex.People {
			g.addPerson(Simplified(e.Name), e.Aliases...)
		}
		for k, list := range [][]LexEntry{lex.Orgs, lex.Products} {
			for _, e := range list {
				g.notPerson[Simplified(e.Name)] = true
				for _, a := range e.Aliases {
					g.notPerson[Simplified(a)] = true
				}
				addThing(e.Name, k == 1, e.Aliases...)
			}
		}
	}
	return g
}

// A thing is an organisation or a product a milestone may involve.
type thing struct {
	name    string // canonical form
	product bool
}

// thingsIn returns the canonical names of the organisations and of the
// products named in the view span s, each once, in order.
func (g *registry) thingsIn(s string) (orgs, products []string) {
	for i := 0; i < len(s); {
		r, size := decodeRune(s, i)
		n := 0
		for _, f := range g.thingsBy[r] {
			if strings.HasPrefix(s[i:], f) && (!isLatinForm(f) || latinBoundary(s, i, i+len(f))) {
				th := g.things[f]
				if th.product {
					if !slices.Contains(products, th.name) {
						products = append(products, th.name)
					}
				} else if !slices.Contains(orgs, th.name) {
					orgs = append(orgs, th.name)
				}
				n = len(f)
				break
			}
		}
		if n > 0 {
			i += n
		} else {
			i += size
		}
	}
	return orgs, products
}

// addPerson records a person and aliases. A name already known as an alias
// keeps its canonical person.
func (g *registry) addPerson(name string, aliases ...string) string {
	name = Simplified(name)
	canon, ok := g.canon[name]
	if !ok {
		canon = name
		g.canon[name] = canon
	}
	if g.aliases[canon] == nil {
		g.aliases[canon] = map[string]bool{}
	}
	for _, a := range aliases {
		if a == "" || a == canon {
			continue
		}
		g.aliases[canon][a] = true
		if sa := Simplified(a); g.canon[sa] == "" {
			g.canon[sa] = canon
		}
	}
	return canon
}

// prefixAt returns the length of the longest known form at s[i:], or 0.
func (g *registry) prefixAt(s string, i int) int {
	r, _ := decodeRune(s, i)
	if r < 0x10000 && g.firstBit[r>>6]&(1<<(r&63)) == 0 {
		return 0
	}
	for _, f := range g.byFirst[r] {
		if strings.HasPrefix(s[i:], f) {
			return len(f)
		}
	}
	return 0
}

// known reports whether s is a known name or alias.
func (g *registry) known(s string) bool { return g.canon[s] != "" }

// learn adds the names and aliases discovered in documents. Declarations
// come first so that "张建锋（花名行癫）" ties the two before either stands
// alone.
func (g *registry) learn(hits [][]nameHit, views []*view) {
	for _, hs := range hits {
		for _, h := range hs {
			if h.alias == "" || g.notPerson[h.name] {
				continue
			}
			a := Simplified(h.alias)
			switch {
			case g.canon[h.name] != "":
				g.addPerson(g.canon[h.name], h.alias)
			case g.canon[a] != "":
				// The alias is the known one: 行癫（张建锋）.
				g.addPerson(g.canon[a], h.name)
			default:
				g.addPerson(h.name, h.alias)
			}
			delete(g.ambiguous, a) // declared in the text: no longer ambiguous there
		}
	}
	for d, hs := range hits {
		weak := map[string]int{}
		for _, h := range hs {
			if h.alias != "" || g.notPerson[h.name] {
				continue
			}
			if !h.strong {
				weak[h.name]++
				continue
			}
			g.addPerson(h.name)
		}
		// A name seen only with weak evidence needs to recur in its
		// document.
		for name, n := range weak {
			if g.canon[name] != "" {
				continue
			}
			if n >= 2 || strings.Count(views[d].s, name) >= 2 {
				g.addPerson(name)
			}
		}
	}
	g.index()
}

// index builds the matchers over every form of people, organisations and
// products.
func (g *registry) index() {
	g.thingsBy = map[rune][]string{}
	for f := range g.things {
		r, _ := utf8.DecodeRuneInString(f)
		g.thingsBy[r] = append(g.thingsBy[r], f)
	}
	for r, fs := range g.thingsBy {
		sort.Slice(fs, func(i, j int) bool { return len(fs[i]) > len(fs[j]) || len(fs[i]) == len(fs[j]) && fs[i] < fs[j] })
		g.thingsBy[r] = fs
	}
	g.byFirst = map[rune][]string{}
	g.firstBit = [1 << 10]uint64{}
	for form := range g.canon {
		if utf8.RuneCountInString(form) < 2 && !isLatinForm(form) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(form)
		g.byFirst[r] = append(g.byFirst[r], form)
		if r < 0x10000 {
			g.firstBit[r>>6] |= 1 << (r & 63)
		}
	}
	for r, forms := range g.byFirst {
		sort.Slice(forms, func(i, j int) bool {
			if len(forms[i]) != len(forms[j]) {
				return len(forms[i]) > len(forms[j])
			}
			return forms[i] < forms[j]
		})
		g.byFirst[r] = forms
	}
}

func isLatinForm(s string) bool { return s != "" && s[0] < utf8.RuneSelf }

// A mention is one occurrence of a person in a document.
type mention struct {
	vs, ve int    // span in the view
	start  int    // span in Document.Text
	end    int    //
	name   string // canonical name
}

// mentions finds every occurrence of a known person in a view, longest
// form first, left to right. Ambiguous aliases (孙权) count only where the
// document also names the person otherwise.
func (g *registry) mentions(v *view) []mention {
	var out []mention
	s := v.s
	for i := 0; i < len(s); {
		r, size := decodeRune(s, i)
		if r < 0x10000 && g.firstBit[r>>6]&(1<<(r&63)) == 0 {
			i += size
			continue
		}
		forms := g.byFirst[r]
		matched := 0
		for _, f := range forms {
			if !strings.HasPrefix(s[i:], f) {
				continue
			}
			if isLatinForm(f) && !latinBoundary(s, i, i+len(f)) {
				continue
			}
			// An alias that is also part of ordinary words (不穷 in
			// 层出不穷) must not straddle a common word.
			if g.canon[f] != f && !isLatinForm(f) && straddlesWord(s, i, i+len(f)) {
				continue
			}
			matched = len(f)
			name := g.canon[f]
			out = append(out, mention{vs: i, ve: i + len(f), start: v.orig(i), end: v.orig(i + len(f)), name: name})
			break
		}
		if matched > 0 {
			i += matched
		} else {
			i += size
		}
	}
	// Drop ambiguous aliases without corroboration in this document.
	named := map[string]bool{}
	for _, m := range out {
		if !g.ambiguous[s[m.vs:m.ve]] {
			named[m.name] = true
		}
	}
	keep := out[:0]
	for _, m := range out {
		if g.ambiguous[s[m.vs:m.ve]] && !named[m.name] {
			continue
		}
		keep = append(keep, m)
	}
	return keep
}

func latinBoundary(s string, i, j int) bool {
	if i > 0 && isASCIILetter(s[i-1]) {
		return false
	}
	if j < len(s) && isASCIILetter(s[j]) {
		return false
	}
	return true
}

// straddlesWord reports whether a common word of two to four characters
// overlaps s[i:j] across one of its ends (层出不穷 around 不穷).
func straddlesWord(s string, i, j int) bool {
	common := tables().common
	// Start positions up to three runes before i, end positions up to
	// three runes after j.
	var startBuf, endBuf [4]int
	starts := append(startBuf[:0], i)
	for k, p := 0, i; k < 3 && p > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:p])
		p -= size
		starts = append(starts, p)
	}
	ends := append(endBuf[:0], j)
	for k, p := 0, j; k < 3 && p < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[p:])
		p += size
		ends = append(ends, p)
	}
	inside := func(a, b int) bool { return a >= i && b <= j }
	for _, a := range starts {
		for p := a; p < j; {
			_, size := utf8.DecodeRuneInString(s[p:])
			p += size
			var bs [5]int
			for _, b := range append(append(bs[:0], ends...), p) {
				if b <= a || inside(a, b) || !(a < i && b > i || a < j && b > j) {
					continue
				}
				if n := utf8.RuneCountInString(s[a:b]); n >= 2 && n <= 4 && common[s[a:b]] {
					return true
				}
			}
		}
	}
	return false
}
