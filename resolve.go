package yunshi

import (
	"strings"
	"unicode/utf8"
)

// antecedent returns the person that a pronoun (他, 她) at view offset p
// refers to, when that is unambiguous: the last sentence before p that
// mentions anyone — together with the part of p's own sentence before p —
// must mention exactly one person, and it must lie in p's paragraph or the
// one before. ms are the document's mentions in text order.
func antecedent(s string, ms []mention, p int) (string, bool) {
	last := -1
	for k := len(ms) - 1; k >= 0; k-- {
		if ms[k].ve <= p {
			last = k
			break
		}
	}
	if last < 0 {
		return "", false
	}
	m := ms[last]
	if strings.Count(s[m.ve:p], "\n") > 1 {
		return "", false
	}
	start := sentenceStart(s, m.vs)
	name := ""
	for k := last; k >= 0 && ms[k].vs >= start; k-- {
		switch {
		case name == "":
			name = ms[k].name
		case ms[k].name != name:
			return "", false
		}
	}
	return name, name != ""
}

// sentenceStart returns the offset where the sentence holding offset i
// begins: after the previous 。！？!? or line break.
func sentenceStart(s string, i int) int {
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if r == '\n' || r == '。' || r == '!' || r == '?' || r == '！' || r == '？' {
			return i
		}
		i -= size
	}
	return 0
}

// sentenceEnd returns the offset just past the end of the sentence holding
// offset i.
func sentenceEnd(s string, i int) int {
	for i < len(s) {
		r, size := decodeRune(s, i)
		if r == '\n' {
			return i
		}
		i += size
		if r == '。' || r == '!' || r == '?' || r == '！' || r == '？' {
			// Keep closing quotes with the sentence.
			for i < len(s) {
				r, size := utf8.DecodeRuneInString(s[i:])
				if r != '”' && r != '」' && r != '』' && r != '"' && r != '’' {
					break
				}
				i += size
			}
			return i
		}
	}
	return i
}
