package yunshi

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A view is the matching form of a text: fullwidth ASCII folded to ASCII
// (２０２２ → 2022, ，→ ",", ：→ ":"), the ideographic and no-break spaces to a space, and
// traditional characters mapped to simplified ones (張建鋒 → 张建锋). Every
// change is rune for rune, so the view has as many runes as the text, but
// byte lengths differ; orig maps a byte offset in the view back to the text.
//
// Extractors match on s and report offsets through orig, so that offsets
// shown to users always index the original text.
type view struct {
	s    string
	text string
	// Offsets into s at which the difference text offset − view offset
	// changes, and the difference from there on. Empty when s == text.
	at    []int32
	delta []int32
}

// newView builds the matching view of text.
func newView(text string) *view {
	v := &view{s: text, text: text}
	tab := t2sTables()
	// Fast path: most text needs no change at all.
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := decodeRune(text, i)
		if tab.special(r) {
			break
		}
		i += size
	}
	if i == len(text) {
		return v
	}
	var b strings.Builder
	b.Grow(len(text))
	b.WriteString(text[:i])
	delta := int32(0)
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			i++
			continue
		}
		r, size := decodeRune(text, i)
		if !tab.special(r) {
			b.WriteString(text[i : i+size])
			i += size
			continue
		}
		if r >= 0xFF01 && r <= 0xFF5E || r == 0x3000 || r == 0xA0 {
			out := foldRune(r)
			b.WriteByte(byte(out))
			delta = v.mark(b.Len(), delta, int32(size-1))
			i += size
			continue
		}
		if tab.startsPhrase(r) {
			if from, to, ok := tab.phrase(text[i:]); ok {
				for j, k := 0, 0; j < len(from); {
					_, fs := utf8.DecodeRuneInString(from[j:])
					tr, ts := utf8.DecodeRuneInString(to[k:])
					b.WriteRune(tr)
					delta = v.mark(b.Len(), delta, int32(fs-ts))
					j += fs
					k += ts
				}
				i += len(from)
				continue
			}
		}
		out := r
		if r >= 0x10000 || hasBit(&tab.charBits, r) {
			if s := tab.chars[out]; s != 0 {
				out = s
			}
		}
		if r == utf8.RuneError && size == 1 {
			// Keep invalid bytes byte for byte so offsets stay aligned.
			b.WriteByte(c)
			i++
			continue
		}
		b.WriteRune(out)
		delta = v.mark(b.Len(), delta, int32(size-utf8.RuneLen(out)))
		i += size
	}
	v.s = b.String()
	return v
}

// mark records that from view offset pos on, the text is d bytes further
// along than before. It returns the new cumulative difference.
func (v *view) mark(pos int, cum, d int32) int32 {
	if d == 0 {
		return cum
	}
	cum += d
	if n := len(v.at); n > 0 && v.at[n-1] == int32(pos) {
		v.delta[n-1] = cum
		return cum
	}
	v.at = append(v.at, int32(pos))
	v.delta = append(v.delta, cum)
	return cum
}

// orig maps a byte offset in v.s to the byte offset in the text.
func (v *view) orig(i int) int {
	if len(v.at) == 0 {
		return i
	}
	k := sort.Search(len(v.at), func(k int) bool { return int(v.at[k]) > i }) - 1
	if k < 0 {
		return i
	}
	return i + int(v.delta[k])
}

// viewOf maps a byte offset in the text to the view: the smallest view
// offset x with orig(x) ≥ i.
func (v *view) viewOf(i int) int {
	if len(v.at) == 0 {
		return min(i, len(v.s))
	}
	// Segment k runs from view offset at[k] with difference delta[k]; the
	// part before at[0] has difference 0.
	k := sort.Search(len(v.at), func(k int) bool { return int(v.at[k])+int(v.delta[k]) > i }) - 1
	d, next := 0, int(v.at[0])
	if k >= 0 {
		d = int(v.delta[k])
		next = len(v.s)
		if k+1 < len(v.at) {
			next = int(v.at[k+1])
		}
	}
	x := i - d
	if x > next {
		x = next // i falls inside a rune that the view writes shorter
	}
	return min(max(x, 0), len(v.s))
}

// span maps a view span to a text span.
func (v *view) span(start, end int) (int, int) { return v.orig(start), v.orig(end) }

// foldRune folds fullwidth ASCII forms and the ideographic space.
func foldRune(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFF01 + '!'
	case r == 0x3000, r == 0xA0:
		return ' '
	}
	return r
}

// Simplified returns s with traditional characters replaced by their
// simplified forms (張建鋒 → 张建锋), using OpenCC's character and phrase
// tables. The result has as many runes as s.
func Simplified(s string) string {
	tab := t2sTables()
	// Most text is simplified already: find the first rune that changes.
	first := -1
	for i := 0; i < len(s) && first < 0; {
		r, size := decodeRune(s, i)
		if r >= utf8.RuneSelf && (r >= 0x10000 || hasBit(&tab.charBits, r) || hasBit(&tab.phraseBits, r)) {
			if tab.startsPhrase(r) {
				if _, _, ok := tab.phrase(s[i:]); ok {
					first = i
				}
			}
			if first < 0 && (r >= 0x10000 || hasBit(&tab.charBits, r)) && tab.chars[r] != 0 {
				first = i
			}
		}
		i += size
	}
	if first < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:first])
	for i := first; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if tab.startsPhrase(r) {
			if from, to, ok := tab.phrase(s[i:]); ok {
				b.WriteString(to)
				i += len(from)
				continue
			}
		}
		if t := tab.chars[r]; t != 0 {
			b.WriteRune(t)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

type t2sTable struct {
	chars       map[rune]rune
	phraseFirst map[rune]bool
	phrases     map[string]string // traditional → simplified, same rune count
	maxPhrase   int               // longest phrase key in bytes
	bits        [1 << 10]uint64   // special runes below U+10000
	charBits    [1 << 10]uint64   // runes below U+10000 in chars
	phraseBits  [1 << 10]uint64   // runes below U+10000 that start phrases
	second      map[rune]string   // first rune of a phrase → its possible second runes
}

func hasBit(b *[1 << 10]uint64, r rune) bool { return r < 0x10000 && b[r>>6]&(1<<(r&63)) != 0 }

// phrase returns the longest phrase that s starts with.
func (t *t2sTable) phrase(s string) (from, to string, ok bool) {
	// Most characters that start a phrase are followed by one that does
	// not continue any: check the second rune first.
	r, size := decodeRune(s, 0)
	if size < len(s) {
		r2, _ := decodeRune(s, size)
		if !strings.ContainsRune(t.second[r], r2) {
			return "", "", false
		}
	}
	var ends [8]int
	n := 0
	for i := 0; i < len(s) && i < t.maxPhrase && n < len(ends); {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		ends[n] = i
		n++
	}
	for k := n - 1; k >= 1; k-- {
		if to, ok := t.phrases[s[:ends[k]]]; ok {
			return s[:ends[k]], to, true
		}
	}
	return "", "", false
}

// startsPhrase reports whether r is the first character of a phrase.
func (t *t2sTable) startsPhrase(r rune) bool {
	if r < 0x10000 {
		return hasBit(&t.phraseBits, r)
	}
	return t.phraseFirst[r]
}

// special reports whether r may change in a view: a fullwidth form, a
// traditional character or the first character of a traditional phrase.
func (t *t2sTable) special(r rune) bool {
	if r < 0x10000 {
		return t.bits[r>>6]&(1<<(r&63)) != 0
	}
	return t.chars[r] != 0 || t.phraseFirst[r]
}

var t2sTables = sync.OnceValue(func() *t2sTable {
	t := &t2sTable{
		chars:       make(map[rune]rune, len(t2sChars)/6),
		phraseFirst: make(map[rune]bool),
		phrases:     make(map[string]string),
		second:      make(map[rune]string),
	}
	for s := t2sChars; s != ""; {
		tr, n := utf8.DecodeRuneInString(s)
		sr, m := utf8.DecodeRuneInString(s[n:])
		t.chars[tr] = sr
		s = s[n+m:]
	}
	for line := range strings.SplitSeq(t2sPhrases, "\n") {
		from, to, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		t.phrases[from] = to
		r, size := utf8.DecodeRuneInString(from)
		t.phraseFirst[r] = true
		if r2, _ := utf8.DecodeRuneInString(from[size:]); !strings.ContainsRune(t.second[r], r2) {
			t.second[r] += string(r2)
		}
		t.maxPhrase = max(t.maxPhrase, len(from))
	}
	set := func(r rune) {
		if r < 0x10000 {
			t.bits[r>>6] |= 1 << (r & 63)
		}
	}
	for r := range t.chars {
		set(r)
		if r < 0x10000 {
			t.charBits[r>>6] |= 1 << (r & 63)
		}
	}
	for r := range t.phraseFirst {
		set(r)
		if r < 0x10000 {
			t.phraseBits[r>>6] |= 1 << (r & 63)
		}
	}
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		set(r)
	}
	set(0x3000)
	set(0xA0)
	set(utf8.RuneError)
	return t
})

// decodeRune decodes the rune at s[i:] like utf8.DecodeRuneInString, with
// a fast path for the one- and three-byte sequences that make up almost
// all Chinese text.
func decodeRune(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	// E1–EC and EE–EF lead three-byte sequences with no overlong or
	// surrogate forms to rule out; E0 and ED take the careful path.
	if c&0xF0 == 0xE0 && c != 0xE0 && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// A byteBuf is a reusable buffer with the part of strings.Builder's API
// that paragraph assembly needs: Reset keeps the memory, so one buffer
// serves every paragraph of a document.
type byteBuf struct{ b []byte }

func (w *byteBuf) WriteString(s string) { w.b = append(w.b, s...) }
func (w *byteBuf) writeByte(c byte)     { w.b = append(w.b, c) }
func (w *byteBuf) Len() int             { return len(w.b) }
func (w *byteBuf) Reset()               { w.b = w.b[:0] }

// String returns a copy of the contents.
func (w *byteBuf) String() string { return string(w.b) }

// lastRune returns the last rune written, or utf8.RuneError if none;
// with skipSpace, the last that is not white space.
func (w *byteBuf) lastRune(skipSpace bool) rune {
	b := w.b
	for len(b) > 0 {
		r, size := utf8.DecodeLastRune(b)
		if !skipSpace || !unicode.IsSpace(r) {
			return r
		}
		b = b[:len(b)-size]
	}
	return utf8.RuneError
}
