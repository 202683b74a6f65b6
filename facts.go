package yunshi

import (
	"runtime"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// facts holds everything extracted from a corpus. It is computed once, on
// first use, and only read afterwards.
type facts struct {
	reg         *registry
	docs        []*docFacts
	leaders     []Leader
	leaderIndex map[string]int // canonical name → index in leaders
	timeline    []Milestone
	quotes      []Quote  // every quote, in corpus then text order
	quoteViews  []string // the words of quotes[i] in the matching view
}

// docFacts holds what was extracted from one document.
type docFacts struct {
	doc      *Document
	hits     []nameHit
	mentions []mention
	forms    map[int][]string // extra forms (王坚博士) by mention view start
	titles   []titleFact
	sents    [][2]int   // sentences of the view
	dates    []TimeExpr // time expressions of the body
	whens    []when     // resolved ones, in view offsets, for tenures
	raw      []rawMilestone
	quotes   []Quote
	qviews   []string // words of quotes[i] in the view
}

// A titleFact is a title attributed to a person in one document.
type titleFact struct {
	name string
	kind int // tkStart, tkEnd, tkPred or tkAppos
	Title
}

// extract runs every extractor over the corpus: per document in parallel,
// then the corpus-wide merges.
func extract(c *Corpus) *facts {
	// Load gse's small dictionary on another core while the documents are
	// read; person recognition needs it only now and then.
	go segmenter()
	f := &facts{reg: newRegistry(c.lex), docs: make([]*docFacts, len(c.docs))}
	for k, d := range c.docs {
		f.docs[k] = &docFacts{doc: d}
	}
	// Pass 1: discover names and aliases, and time expressions, in every
	// document.
	var segCache sync.Map // gse's segmentations, shared by the documents
	parallel(len(c.docs), func(k int) {
		df, d := f.docs[k], c.docs[k]
		df.hits = discoverNames(d.view.s, f.reg, &segCache)
		df.sents = splitSentences(d.view.s)
		df.dates = extractDatesIn(d.view, c.docRef(d), viewOffset(d.view, d.notes), df.sents)
		for _, e := range df.dates {
			if e.Kind == KindDuration || e.Unresolved || e.From.IsZero() {
				continue
			}
			df.whens = append(df.whens, when{vs: viewOffset(d.view, e.Start), ve: viewOffset(d.view, e.End), from: e.From, to: e.To})
		}
	})
	hits := make([][]nameHit, len(c.docs))
	views := make([]*view, len(c.docs))
	for k, df := range f.docs {
		hits[k], views[k] = df.hits, df.doc.view
	}
	f.reg.learn(hits, views)
	// Pass 2: mentions, titles and quotes.
	parallel(len(c.docs), func(k int) {
		df := f.docs[k]
		df.mentions = f.reg.mentions(df.doc.view)
		df.forms = mentionForms(df.doc, df.mentions)
		df.titles = extractTitles(df.doc, df.mentions, df.whens)
		df.raw = milestones(df.doc, k, df.dates, df.mentions, df.sents, f.reg)
		df.quotes, df.qviews = extractQuotes(df.doc, df.mentions)
	})
	var raw []rawMilestone
	for _, df := range f.docs {
		raw = append(raw, df.raw...)
		df.raw = nil
		f.quotes = append(f.quotes, df.quotes...)
		f.quoteViews = append(f.quoteViews, df.qviews...)
	}
	f.timeline = mergeMilestones(raw)
	f.leaders = buildLeaders(c, f.reg, f.docs)
	f.leaderIndex = make(map[string]int, len(f.leaders))
	for i, l := range f.leaders {
		f.leaderIndex[l.Name] = i
	}
	return f
}

// parallel runs fn(0..n-1) on up to GOMAXPROCS goroutines.
func parallel(n int, fn func(int)) { parallelN(n, 0, fn) }

// parallelN runs fn(0..n-1) on up to workers goroutines (GOMAXPROCS when
// workers is 0).
func parallelN(n, workers int, fn func(int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 1 {
		for k := range n {
			fn(k)
		}
		return
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				k := next
				next++
				mu.Unlock()
				if k >= n {
					return
				}
				fn(k)
			}
		}()
	}
	wg.Wait()
}

// mentionForms records the fuller forms a mention appears in: with an
// honorific (王坚博士) or as a social-media handle (@叶凯 Kevin).
func mentionForms(d *Document, ms []mention) map[int][]string {
	s := d.view.s
	out := map[int][]string{}
	for _, m := range ms {
		after := s[m.ve:]
		for _, h := range []string{"博士", "先生", "女士", "教授", "院士"} {
			if strings.HasPrefix(after, h) {
				out[m.vs] = append(out[m.vs], d.Text[m.start:d.view.orig(m.ve+len(h))])
			}
		}
		if m.vs > 0 && s[m.vs-1] == '@' {
			end := m.ve
			if strings.HasPrefix(after, " ") {
				j := 1
				for j < len(after) && after[j] < utf8.RuneSelf && unicode.IsLetter(rune(after[j])) {
					j++
				}
				if j > 1 {
					end = m.ve + j
				}
			}
			out[m.vs] = append(out[m.vs], d.Text[d.view.orig(m.vs-1):d.view.orig(end)])
		}
	}
	return out
}
