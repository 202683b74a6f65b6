// Package yunshi reads Chinese-language articles about a company's history
// and turns them into typed facts with sources: documents, leaders with
// their aliases, titles and tenures, dated milestones on a timeline, and
// quotes with their speakers. Every fact points back to the exact text it
// came from, as byte offsets into Document.Text.
//
// # Loading
//
// Default returns the embedded corpus: four articles on the history of
// Alibaba Cloud (阿里云). LoadFS reads articles from any fs.FS (os.DirFS,
// embed.FS, fstest.MapFS), LoadFiles from files and directories on disk,
// and ParseDocument from bytes. Encodings (UTF-8 with or without BOM,
// UTF-16 with BOM, GB18030/GBK, Big5) and formats (HTML, Markdown with YAML
// front matter, plain text) are detected. Markup, navigation crumbs,
// bylines, "related articles" lists, image file names and share lines are
// removed from the body; reader comments are kept apart in
// Document.Comments. Files that are empty, binary, undecodable or larger
// than DefaultMaxSize are reported as *ParseError values, and the other
// files still load.
//
// Settings live in a Loader, whose zero value is the default: a reference
// date for undated documents, a user Lexicon of names, a size limit.
//
// # Extraction
//
// ExtractDates finds the time expressions of any text and normalises each
// to an interval with a grain (2013年8月 is 2013-08-01..2013-08-31, month),
// resolving relative ones against a reference date or the narrative, and
// reporting the rest as unresolved, never guessed. A Corpus extracts, on
// first use and in parallel over its documents:
//
//   - a timeline of Milestones: every dated event of the article bodies,
//     merged when several sources state it;
//   - Leaders: people found through a lexicon, declarations (胡晓明（花名孙权）),
//     titles, speech and action verbs, never through a tagger's name tags
//     alone, with their aliases and their titles and tenures;
//   - Quotes: transcript turns, words in quote marks and reported speech,
//     each with its speaker (a leader, a label such as 问 or CSDN, or none
//     with the reason), never a guess.
//
// Traditional characters are kept as written in Document.Text; the
// extractors match on a simplified, width-folded copy of it and map every
// offset back, so that text[span] is always what a fact says.
//
// # Lookup
//
// Corpus.Timeline, TimelineBetween, TimelineOf and TimelineWith select
// milestones by period, leader and word; Corpus.Leader finds a person by any
// alias; Corpus.HoldersAt answers "who held this title then";
// Corpus.QuotesBy and QuotesWith answer "who said what".
//
// # Concurrency
//
// A Corpus is safe for concurrent use. Documents are not modified after
// loading and may be shared freely. ExtractDates, ParseDocument and the
// other functions may be called from several goroutines.
//
// # Quick start
//
//	c := yunshi.Default() // or yunshi.LoadFiles("articles/")
//	for _, m := range c.TimelineBetween(yunshi.D(2013, 1, 1), yunshi.D(2013, 12, 31)) {
//		fmt.Println(m.From, m.Label, m.Event, m.Leaders)
//	}
//	if l, ok := c.Leader("行癫"); ok { // a 花名
//		fmt.Println(l.Name, l.Titles) // 张建锋 …
//	}
//	for _, l := range c.HoldersAt("阿里云总裁", yunshi.D(2016, 6, 1)) {
//		fmt.Println(l.Name) // 胡晓明
//	}
//	for _, q := range c.QuotesWith("开发者") {
//		fmt.Println(q.Speaker, q.Text)
//	}
package yunshi
