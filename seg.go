package yunshi

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// This file is the only one that knows gse. yunshi segments short windows
// of text — a few characters after a title, around a candidate name — to
// find where an unknown name ends. It does not load gse's default
// dictionary (seconds and hundreds of megabytes); it loads a small one made
// of yunshi's own tables, so that the known context words (titles, verbs,
// function words, common words) come out as words and the unknown run
// between them goes through gse's HMM, which keeps names such as 张建锋
// whole.
//
// The segmenter is built once and only read afterwards: gse's segmenters
// are safe for concurrent reads, but building one writes gse's global HMM
// tables.

var segmenter = sync.OnceValue(func() *gse.Segmenter {
	seg := &gse.Segmenter{SkipLog: true}
	_ = seg.LoadDictStr(segDictionary()) // cannot fail: the text is ours
	return seg
})

// segDictionary returns the small dictionary yunshi loads into gse, in
// gse's "word frequency tag" format.
func segDictionary() string {
	var b strings.Builder
	// gse gives the first word of a dictionary no part of speech; start
	// with a word that does not matter.
	b.WriteString("的 1000 u\n")
	add := func(list string, freq string) {
		for _, w := range strings.Fields(list) {
			b.WriteString(w + " " + freq + " n\n")
		}
	}
	add(titleWords, "2000")
	add(speechVerbs, "2000")
	add(actionVerbs, "2000")
	add(tenureStart, "2000")
	add(tenureEnd, "2000")
	add(honorifics, "1000")
	add(segFunctionWords, "3000")
	// The commonest words (the table is sorted by frequency) keep the
	// context of a name in one piece; all of them cost 25 ms to load,
	// the first 6,000 a fifth of that.
	add(commonWords[:segCommonPrefix()], "500")
	return b.String()
}

// segCommonPrefix returns the length of the prefix of commonWords that
// holds its first 6,000 words.
func segCommonPrefix() int {
	n, i := 0, 0
	for i < len(commonWords) && n < 6000 {
		j := strings.IndexByte(commonWords[i:], ' ')
		if j < 0 {
			return len(commonWords)
		}
		i += j + 1
		n++
	}
	return i
}

// segFunctionWords are frequent words that border names.
const segFunctionWords = `为 在 和 与 是 了 被 把 将 由 以 从 对 向 给 于 及 等 也 又 还 就 都 曾 称 之外 之后 之前 以来 以后 以前 时候 时 后 前 中 上 下 里 内 外 间 以及 还有 或者 而且 并且 但是 因为 所以 如果 虽然 已经 正在 一起 一样 这个 那个 这些 那些 这样 那样 自己 我们 他们 她们 你们 大家 公司 集团 团队 同事 朋友 记者 采访 专访 时间 今年 去年 明年 当年 当时 后来 之间 一个 一次 一直 这次 这一 那一 没有 不是 就是 也是 还是 都是 只是 而是 可以 能够 需要 希望 看到 知道 觉得 认为 表示 说 问 答`

// A finder holds the word tables and a cache of gse's segmentations of
// short windows, shared by the documents of a corpus: the same names and
// contexts recur. The cache is safe for concurrent use.
type finder struct {
	*nameTables
	cache *sync.Map // window → segResult
}

type segResult struct {
	n      int
	merged bool
}

// nameAt returns the length in bytes of the word that starts s, as gse
// segments the first few characters of s, or 0 if s does not start with
// a word of two to four Han characters. It is used where a name is
// expected at the start of s (after a title, a "署名", an "@").
func nameAt(s string) int {
	n, _ := (&finder{}).nameAtMerged(s)
	return n
}

// nameAtMerged is nameAt, also reporting whether the name was made of a
// lone surname and the short word after it, which needs strong evidence.
func (f *finder) nameAtMerged(s string) (int, bool) {
	// A window of eight characters is enough for a name and what follows.
	w := s
	n := 0
	for i := range s {
		if n == 8 {
			w = s[:i]
			break
		}
		n++
	}
	if f.cache != nil {
		if r, ok := f.cache.Load(w); ok {
			return r.(segResult).n, r.(segResult).merged
		}
	}
	n, merged := nameAtWindow(s, w)
	if f.cache != nil {
		f.cache.Store(w, segResult{n, merged})
	}
	return n, merged
}

func nameAtWindow(s, w string) (int, bool) {
	words := segmenter().Cut(w, true)
	if len(words) == 0 {
		return 0, false
	}
	runes := utf8.RuneCountInString(words[0])
	// A surname standing alone before a short word that the dictionary
	// knows (钟/南山/院士): take the two together.
	merged := false
	if runes == 1 && len(words) > 1 {
		if n := utf8.RuneCountInString(words[1]); n <= 2 {
			runes += n
			merged = true
		}
	}
	if runes < 2 || runes > 4 {
		return 0, false
	}
	// gse may lowercase ASCII, which never changes the rune count: walk
	// the original by runes.
	end := 0
	for k := 0; k < runes; k++ {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !isHanChar(r) {
			return 0, false
		}
		end += size
	}
	return end, merged
}

func isHanChar(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0x20000 && r <= 0x3134F
}
