// Package yunshi reads Chinese-language articles about a company's history
// and turns them into typed facts with sources: documents, leaders with
// their aliases and titles, dated milestones, and quotes with their
// speakers. Every fact points back to the exact text it came from, as byte
// offsets into Document.Text.
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
// date for undated documents and a user Lexicon of names.
//
// # Text
//
// Traditional characters are kept as written in Document.Text; the
// extractors match on a simplified, width-folded copy of it and map every
// offset back, so that text[span] is always what a fact says.
//
// # Concurrency
//
// A Corpus is safe for concurrent use. Documents are not modified after
// loading and may be shared freely.
//
// # Quick start
//
//	c := yunshi.Default()
//	for d := range c.All() {
//		fmt.Println(d.ID, d.Title, d.Published)
//	}
//
//	// Your own articles:
//	c, err := yunshi.LoadFiles("articles/")
//	if err != nil {
//		log.Print(err) // files that could not be read; c holds the rest
//	}
package yunshi
