package yunshi

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// A Format is the markup a document was written in.
type Format string

// Formats recognised by ParseDocument.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
)

// A Document is one article: its metadata, its clean body text and the
// reader comments split off from it.
//
// Text is the body with markup, navigation, "related articles" lists, image
// file names, share lines and reader comments removed, one paragraph per
// line. Every span reported by yunshi is a pair of byte offsets into Text.
type Document struct {
	ID        string    // file name without extension
	Title     string    // from metadata, the first heading or the first line
	Author    string    // from metadata or a byline; may be empty
	Source    string    // publication or URL; may be empty
	Published Date      // zero if unknown
	Format    Format    // markup the file was written in
	Encoding  string    // detected encoding, e.g. "utf-8" or "gb18030"
	Text      string    // clean body text, one paragraph per line
	Comments  []Comment // reader comments, in page order

	view *view // matching view of Text
	// notes is the byte offset in Text where end matter (a reference
	// list) starts, or len(Text).
	notes int
}

// A Comment is a reader comment split off from a document's body.
type Comment struct {
	Author string // user name as shown; may be empty
	Text   string
	Date   Date // zero if not shown
	Likes  int  // likes (👍, 赞) as shown; 0 if not shown
}

// Chars returns the number of characters (runes) in d.Text.
func (d *Document) Chars() int { return utf8.RuneCountInString(d.Text) }

// Errors returned, wrapped in a *ParseError, when a file cannot be read as
// an article.
var (
	ErrEmpty    = errors.New("yunshi: empty document")
	ErrBinary   = errors.New("yunshi: binary data, not text")
	ErrEncoding = errors.New("yunshi: unknown text encoding")
	ErrTooLarge = errors.New("yunshi: file too large")
)

// DefaultMaxSize is the largest file, in bytes, that a zero Loader reads.
const DefaultMaxSize = 16 << 20

// A ParseError reports a file that could not be loaded, and why.
type ParseError struct {
	Name string // file name as given
	Line int    // 1-based line of the problem, or 0 if it concerns the whole file
	Err  error  // one of ErrEmpty, ErrBinary, ErrEncoding, ErrTooLarge, or an I/O error
}

func (e *ParseError) Error() string {
	msg := strings.TrimPrefix(e.Err.Error(), "yunshi: ")
	if e.Line > 0 {
		return fmt.Sprintf("yunshi: %s:%d: %s", e.Name, e.Line, msg)
	}
	return fmt.Sprintf("yunshi: %s: %s", e.Name, msg)
}

// Unwrap returns e.Err.
func (e *ParseError) Unwrap() error { return e.Err }

// A Loader reads articles into a Corpus. The zero Loader is ready to use:
// it reads files up to DefaultMaxSize, uses the built-in lexicon and leaves
// relative dates in undated documents unresolved.
type Loader struct {
	// Lexicon adds names, aliases, organisations and products to the
	// built-in tables. Nil means the built-in tables only.
	Lexicon *Lexicon
	// Ref is the reference date for documents that carry no date of their
	// own: "去年" in such a document means the year before Ref. The zero
	// Date leaves such expressions unresolved.
	Ref Date
	// MaxSize is the largest file read, in bytes; 0 means DefaultMaxSize.
	MaxSize int64
	// Workers is the number of files parsed at once; 0 means GOMAXPROCS.
	Workers int
	// Progress, if not nil, is called after each file is read, with the
	// number of files done and the total, one call at a time.
	Progress func(done, total int)
}

func (l *Loader) maxSize() int64 {
	if l == nil || l.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return l.MaxSize
}

// ParseDocument parses one article with the zero Loader. See
// Loader.ParseDocument.
func ParseDocument(name string, data []byte) (*Document, error) {
	return (*Loader)(nil).ParseDocument(name, data)
}

// ParseDocument parses one article. Name is the file name (its extension
// hints at the format; the ID is the base name without extension). The
// encoding (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK, Big5)
// and the format (HTML, Markdown, plain text) are detected. It returns a
// *ParseError for empty, binary, undecodable or oversized input.
func (l *Loader) ParseDocument(name string, data []byte) (*Document, error) {
	if int64(len(data)) > l.maxSize() {
		return nil, &ParseError{Name: name, Err: fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), l.maxSize())}
	}
	text, enc, err := decode(name, data)
	if err != nil {
		return nil, err
	}
	d := parseText(name, text)
	d.Encoding = enc
	d.ID = docID(name)
	return d, nil
}

// DecodeText decodes raw bytes as ParseDocument does — UTF-8 with or
// without BOM, UTF-16 with BOM, GB18030/GBK or Big5, detected — without
// parsing any markup. It returns the text and the encoding's name, or a
// *ParseError for empty, binary or undecodable data.
func DecodeText(name string, data []byte) (text, encoding string, err error) {
	if int64(len(data)) > DefaultMaxSize {
		return "", "", &ParseError{Name: name, Err: fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), DefaultMaxSize)}
	}
	return decode(name, data)
}

// ReadDocument reads one article from r with the zero Loader, refusing more
// than DefaultMaxSize bytes.
func ReadDocument(name string, r io.Reader) (*Document, error) {
	return (*Loader)(nil).ReadDocument(name, r)
}

// ReadDocument reads one article from r, refusing more than MaxSize bytes.
func (l *Loader) ReadDocument(name string, r io.Reader) (*Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, l.maxSize()+1))
	if err != nil {
		return nil, &ParseError{Name: name, Err: err}
	}
	return l.ParseDocument(name, data)
}

func docID(name string) string {
	base := path.Base(filepath.ToSlash(name))
	if base == "-" || base == "." || base == "/" {
		return "stdin"
	}
	if ext := path.Ext(base); ext != "" && ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}

// articleExt lists the file extensions loaded from directories.
var articleExt = map[string]bool{
	"": true, ".txt": true, ".text": true, ".md": true, ".markdown": true,
	".html": true, ".htm": true, ".xhtml": true,
}

// isArticle reports whether a file found while walking a directory is read:
// not hidden, and named like an article (.txt, .md, .markdown, .html, .htm,
// .xhtml, .text, or no extension).
func isArticle(name string) bool {
	base := path.Base(name)
	return !strings.HasPrefix(base, ".") && articleExt[strings.ToLower(path.Ext(base))]
}

// LoadFS loads articles from fsys with the zero Loader. See Loader.LoadFS.
func LoadFS(fsys fs.FS, patterns ...string) (*Corpus, error) {
	return (*Loader)(nil).LoadFS(fsys, patterns...)
}

// LoadFS loads the files of fsys that match the patterns (path.Match
// syntax, as in fs.Glob); with no patterns it walks all of fsys, reading
// the files isArticle accepts. Files are parsed in parallel; documents keep
// the sorted order of their paths.
//
// A file that cannot be parsed does not stop the others: LoadFS returns the
// corpus of the good documents together with an error joining one
// *ParseError per bad file (use errors.As or errors.Is to inspect it).
func (l *Loader) LoadFS(fsys fs.FS, patterns ...string) (*Corpus, error) {
	var names []string
	var errs []error
	if len(patterns) == 0 {
		err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &ParseError{Name: p, Err: err})
				return nil
			}
			if e.IsDir() {
				if p != "." && strings.HasPrefix(e.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if e.Type().IsRegular() && isArticle(p) {
				names = append(names, p)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
	} else {
		seen := map[string]bool{}
		for _, pat := range patterns {
			m, err := fs.Glob(fsys, pat)
			if err != nil {
				errs = append(errs, &ParseError{Name: pat, Err: err})
				continue
			}
			if len(m) == 0 {
				errs = append(errs, &ParseError{Name: pat, Err: fs.ErrNotExist})
			}
			for _, p := range m {
				if !seen[p] {
					seen[p] = true
					names = append(names, p)
				}
			}
		}
	}
	slices.Sort(names)
	docs, perr := l.parseAll(names, func(name string) (*Document, error) {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, &ParseError{Name: name, Err: err}
		}
		defer f.Close()
		return l.ReadDocument(name, f)
	})
	errs = append(errs, perr...)
	return l.NewCorpus(docs...), errors.Join(errs...)
}

// LoadFiles loads articles from OS paths with the zero Loader. See
// Loader.LoadFiles.
func LoadFiles(paths ...string) (*Corpus, error) {
	return (*Loader)(nil).LoadFiles(paths...)
}

// LoadFiles loads articles from files and directories on disk. A file is
// read whatever its name; a directory is walked and the files isArticle
// accepts are read. Like LoadFS, it returns the corpus of the good documents
// and an error joining one *ParseError per file that failed.
func (l *Loader) LoadFiles(paths ...string) (*Corpus, error) {
	var names []string
	var errs []error
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &ParseError{Name: p, Err: err})
			continue
		}
		if !info.IsDir() {
			names = append(names, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(q string, e fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &ParseError{Name: q, Err: err})
				return nil
			}
			if e.IsDir() {
				if q != p && strings.HasPrefix(e.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if e.Type().IsRegular() && isArticle(filepath.ToSlash(q)) {
				found = append(found, q)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
		slices.Sort(found)
		names = append(names, found...)
	}
	docs, perr := l.parseAll(names, func(name string) (*Document, error) {
		f, err := os.Open(name)
		if err != nil {
			return nil, &ParseError{Name: name, Err: err}
		}
		defer f.Close()
		if info, err := f.Stat(); err == nil && info.Size() > l.maxSize() {
			return nil, &ParseError{Name: name, Err: fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, info.Size(), l.maxSize())}
		}
		return l.ReadDocument(name, f)
	})
	errs = append(errs, perr...)
	return l.NewCorpus(docs...), errors.Join(errs...)
}

// parseAll runs parse over names on l.Workers goroutines and returns the
// documents in the order of names, and the errors in that order too.
func (l *Loader) parseAll(names []string, parse func(string) (*Document, error)) ([]*Document, []error) {
	docs := make([]*Document, len(names))
	errs := make([]error, len(names))
	workers := 0
	if l != nil {
		workers = l.Workers
	}
	var mu sync.Mutex
	done := 0
	parallelN(len(names), workers, func(k int) {
		docs[k], errs[k] = parse(names[k])
		if l != nil && l.Progress != nil {
			mu.Lock()
			done++
			l.Progress(done, len(names))
			mu.Unlock()
		}
	})
	var out []*Document
	var bad []error
	for k := range names {
		if errs[k] != nil {
			bad = append(bad, errs[k])
		} else {
			out = append(out, docs[k])
		}
	}
	return out, bad
}

// A Corpus is a set of documents and the facts extracted from them. Facts
// are extracted on first use. A Corpus is safe for concurrent use.
type Corpus struct {
	docs  []*Document
	byID  map[string]*Document
	lex   *Lexicon
	ref   Date
	facts func() *facts // extracted on first use
}

// NewCorpus returns a corpus of docs with the zero Loader's settings.
func NewCorpus(docs ...*Document) *Corpus { return (*Loader)(nil).NewCorpus(docs...) }

// NewCorpus returns a corpus of docs with l's settings. Documents whose IDs
// repeat get a numeric suffix (x, x-2, x-3…) so that IDs are unique.
func (l *Loader) NewCorpus(docs ...*Document) *Corpus {
	c := &Corpus{byID: make(map[string]*Document, len(docs))}
	if l != nil {
		c.lex, c.ref = l.Lexicon, l.Ref
	}
	next := map[string]int{} // next suffix to try for a repeated ID
	for _, d := range docs {
		if d == nil {
			continue
		}
		id := d.ID
		if c.byID[id] != nil {
			n := max(next[d.ID], 2)
			for id = fmt.Sprintf("%s-%d", d.ID, n); c.byID[id] != nil; n++ {
				id = fmt.Sprintf("%s-%d", d.ID, n+1)
			}
			next[d.ID] = n + 1
		}
		if id != d.ID {
			cp := *d
			cp.ID = id
			d = &cp
		}
		c.byID[id] = d
		c.docs = append(c.docs, d)
	}
	c.facts = sync.OnceValue(func() *facts { return extract(c) })
	return c
}

// Documents returns the documents in load order. The slice is a copy.
func (c *Corpus) Documents() []*Document { return slices.Clone(c.docs) }

// All returns an iterator over the documents in load order.
func (c *Corpus) All() iter.Seq[*Document] { return slices.Values(c.docs) }

// Len returns the number of documents.
func (c *Corpus) Len() int { return len(c.docs) }

// Document returns the document with the given ID.
func (c *Corpus) Document(id string) (*Document, bool) {
	d, ok := c.byID[id]
	return d, ok
}

//go:embed corpus/*.txt
var embedded embed.FS

// Default returns the embedded corpus: four articles on the history of
// Alibaba Cloud (阿里云), in the formats they were published in. It is
// parsed once, on first use.
func Default() *Corpus { return defaultCorpus() }

var defaultCorpus = sync.OnceValue(func() *Corpus {
	sub, err := fs.Sub(embedded, "corpus")
	if err != nil {
		panic(err) // cannot happen: the directory is embedded
	}
	c, err := LoadFS(sub)
	if err != nil {
		panic("yunshi: embedded corpus: " + err.Error())
	}
	return c
})

// EmbeddedFS returns the embedded articles as a file system, one file per
// article, byte for byte as published.
func EmbeddedFS() fs.FS {
	sub, _ := fs.Sub(embedded, "corpus")
	return sub
}
