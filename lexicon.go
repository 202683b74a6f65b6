package yunshi

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// A Lexicon lists names the extractors should know: people with their
// aliases, organisations and products. Users add their own with
// ParseLexicon; the built-in tables are always used as well.
//
// The text format has one entry per line:
//
//	# people: canonical name, then aliases after "="
//	person: 张建锋 = 行癫, 張建鋒
//	person: 马化腾 = Pony
//	# organisations and products are never people
//	org: 阿里云智能 = 阿里云, Alibaba Cloud
//	product: 倚天710
//
// Kinds are person, org and product; blank lines and lines starting with #
// are ignored. Names are matched through their simplified forms, so one
// entry covers both scripts.
type Lexicon struct {
	People   []LexEntry
	Orgs     []LexEntry
	Products []LexEntry
}

// A LexEntry is one name in a Lexicon with its other forms.
type LexEntry struct {
	Name    string   // canonical form
	Aliases []string // other forms, e.g. a 花名 or an English name
}

// ErrLexicon is wrapped by the errors ParseLexicon returns.
var ErrLexicon = errors.New("yunshi: bad lexicon line")

// ParseLexicon reads a lexicon in the format described at Lexicon. Errors
// are *ParseError values naming the line.
func ParseLexicon(name string, r io.Reader) (*Lexicon, error) {
	lex := &Lexicon{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kind, rest, ok := cutAny(line, ":：")
		if !ok {
			return nil, &ParseError{Name: name, Line: n, Err: fmt.Errorf("%w: want \"kind: name = alias, alias\"", ErrLexicon)}
		}
		canon, aliases, _ := cutAny(rest, "=")
		e := LexEntry{Name: strings.TrimSpace(canon)}
		if e.Name == "" {
			return nil, &ParseError{Name: name, Line: n, Err: fmt.Errorf("%w: empty name", ErrLexicon)}
		}
		for _, a := range strings.FieldsFunc(aliases, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
			if a = strings.TrimSpace(a); a != "" && a != e.Name {
				e.Aliases = append(e.Aliases, a)
			}
		}
		switch strings.ToLower(strings.TrimSpace(kind)) {
		case "person", "people", "人":
			lex.People = append(lex.People, e)
		case "org", "organisation", "organization", "company", "机构":
			lex.Orgs = append(lex.Orgs, e)
		case "product", "产品":
			lex.Products = append(lex.Products, e)
		default:
			return nil, &ParseError{Name: name, Line: n, Err: fmt.Errorf("%w: unknown kind %q (want person, org or product)", ErrLexicon, kind)}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &ParseError{Name: name, Err: err}
	}
	return lex, nil
}

// ParseLexiconBytes is ParseLexicon over data in memory.
func ParseLexiconBytes(name string, data []byte) (*Lexicon, error) {
	return ParseLexicon(name, bytes.NewReader(data))
}

func cutAny(s, seps string) (before, after string, ok bool) {
	if i := strings.IndexAny(s, seps); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		return s[:i], s[i+n:], true
	}
	return s, "", false
}
