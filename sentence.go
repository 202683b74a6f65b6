package yunshi

import "unicode/utf8"

// splitSentences splits a view string into sentences and returns their
// spans, without leading or trailing white space.
//
// A sentence ends after 。！？!?；; (a run of them), after … when a closing
// mark follows it, and at every newline. It never ends inside “”, 「」,
// 『』, 《》 or parentheses, except at a newline, which also closes any
// quote left open: an unclosed quote never swallows more than its
// paragraph. Closing quotes right after the end belong to the sentence
// (他说：“好。” is one sentence); a closing parenthesis or title mark there
// does not end it (（……。）is an aside within it).
func splitSentences(s string) [][2]int {
	var out [][2]int
	for i := 0; ; {
		start, end := nextSentence(s, i)
		if start == len(s) {
			return out
		}
		if end > start {
			out = append(out, [2]int{start, end})
		}
		i = end
	}
}

// Kinds of paired marks, indexing the depth counts of nextSentence.
const (
	pairDouble = iota // “”
	pairCorner        // 「」
	pairWhite         // 『』
	pairTitle         // 《》
	pairParen         // （）and ()
	numPairs
)

// pairOf returns the kind of paired mark r is and whether it opens; k < 0
// when r is none.
func pairOf(r rune) (k int, open bool) {
	switch r {
	case '“':
		return pairDouble, true
	case '”':
		return pairDouble, false
	case '「':
		return pairCorner, true
	case '」':
		return pairCorner, false
	case '『':
		return pairWhite, true
	case '』':
		return pairWhite, false
	case '《':
		return pairTitle, true
	case '》':
		return pairTitle, false
	case '(', '（':
		return pairParen, true
	case ')', '）':
		return pairParen, false
	}
	return -1, false
}

func isTerminator(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '!', '?', ';':
		return true
	}
	return false
}

// nextSentence returns the span of the sentence that starts at or after i.
// start is len(s) when only white space is left.
func nextSentence(s string, i int) (start, end int) {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	start = i
	var depth [numPairs]int
	open := 0
	for i < len(s) {
		c := s[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			switch c {
			case '\n':
				return start, trimSpaceEnd(s, start, i)
			case '(', ')', '!', '?', ';':
				r = rune(c)
			default:
				i++
				continue
			}
		} else {
			// Every mark that matters is three bytes long and starts with
			// E2, E3 or EF.
			if c != 0xE2 && c != 0xE3 && c != 0xEF {
				i++
				continue
			}
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if k, isOpen := pairOf(r); k >= 0 {
			if isOpen {
				depth[k]++
				open++
			} else if depth[k] > 0 {
				depth[k]--
				open--
			}
			i += size
			continue
		}
		ellipsis := r == '…'
		if !isTerminator(r) && !ellipsis {
			i += size
			continue
		}
		// A run of terminators, then closing marks.
		j := i + size
		for j < len(s) {
			r2, n := utf8.DecodeRuneInString(s[j:])
			if isTerminator(r2) || r2 == '…' {
				if r2 != '…' {
					ellipsis = false
				}
				j += n
				continue
			}
			break
		}
		closed, aside := false, false
		for j < len(s) {
			r2, n := utf8.DecodeRuneInString(s[j:])
			k, isOpen := pairOf(r2)
			if k < 0 || isOpen || depth[k] == 0 {
				break
			}
			depth[k]--
			open--
			closed = true
			aside = aside || k == pairParen || k == pairTitle
			j += n
		}
		if open == 0 && (!ellipsis || closed) && !aside {
			return start, j
		}
		i = j
	}
	return start, trimSpaceEnd(s, start, len(s))
}

// trimSpaceEnd moves end back over white space, not before start.
func trimSpaceEnd(s string, start, end int) int {
	for end > start && (s[end-1] == ' ' || s[end-1] == '\t' || s[end-1] == '\r') {
		end--
	}
	return end
}
