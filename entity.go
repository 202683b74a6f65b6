package yunshi

import (
	"cmp"
	"slices"
	"strings"
)

// A Leader is a person named in the corpus: a company's leaders, and the
// other people the articles quote or mention.
type Leader struct {
	Name     string    // canonical full name in simplified characters, e.g. 张建锋
	Aliases  []string  // 花名, other names, and other forms seen in the text (行癫, 張建鋒, 王坚博士)
	Titles   []Title   // titles held, by start date then source order
	Mentions []Mention // every mention, in corpus then text order
	Docs     []string  // IDs of the documents that mention the leader, in corpus order
}

// A Title is a position a leader held, with its tenure where the text
// gives it.
type Title struct {
	Title     string // as written, e.g. 阿里云智能事业群总裁
	Org       string // the organisation part, e.g. 阿里云智能事业群; may be empty
	Role      string // the role, canonical: 总裁, 首席技术官 (for CTO), 首席执行官 (for CEO)…
	From      Date   // first day of the tenure's start as the text gives it; zero if unknown
	To        Date   // last day of its end; zero if unknown or ongoing
	Source    Source // where the title (or the tenure's start) is stated
	EndSource Source // where its end is stated; zero Doc if none
}

// A Source locates a fact in a document.
type Source struct {
	Doc        string // document ID
	Start, End int    // byte offsets into the document's Text
	Sentence   string // the sentence that states the fact
}

// A Mention is one occurrence of a leader in a document.
type Mention struct {
	Doc        string // document ID
	Start, End int    // byte offsets into the document's Text
	Form       string // the text as written there
}

// Leaders returns every person found in the corpus, by number of mentions
// (most first), then by name.
func (c *Corpus) Leaders() []Leader {
	f := c.facts()
	out := slices.Clone(f.leaders)
	return out
}

// Leader returns the person called name, which may be the canonical name
// or any alias (花名, traditional form, English name).
func (c *Corpus) Leader(name string) (Leader, bool) {
	f := c.facts()
	canon, ok := f.reg.canon[Simplified(strings.TrimSpace(name))]
	if !ok {
		return Leader{}, false
	}
	i, ok := f.leaderIndex[canon]
	if !ok {
		return Leader{}, false
	}
	return f.leaders[i], true
}

// buildLeaders gathers mentions and titles into leaders, sorted by number
// of mentions, then name.
func buildLeaders(c *Corpus, reg *registry, perDoc []*docFacts) []Leader {
	byName := map[string]*Leader{}
	order := []string{}
	get := func(name string) *Leader {
		l := byName[name]
		if l == nil {
			l = &Leader{Name: name}
			byName[name] = l
			order = append(order, name)
		}
		return l
	}
	forms := map[string]map[string]bool{}
	titleFacts := map[string][]titleFact{}
	for k, d := range c.docs {
		df := perDoc[k]
		for _, m := range df.mentions {
			l := get(m.name)
			form := d.Text[m.start:m.end]
			l.Mentions = append(l.Mentions, Mention{Doc: d.ID, Start: m.start, End: m.end, Form: form})
			if len(l.Docs) == 0 || l.Docs[len(l.Docs)-1] != d.ID {
				l.Docs = append(l.Docs, d.ID)
			}
			if forms[m.name] == nil {
				forms[m.name] = map[string]bool{}
			}
			forms[m.name][form] = true
			for _, x := range df.forms[m.vs] {
				forms[m.name][x] = true
			}
		}
		for _, t := range df.titles {
			titleFacts[t.name] = append(titleFacts[t.name], t)
		}
	}
	out := make([]Leader, 0, len(order))
	for _, name := range order {
		l := byName[name]
		seen := map[string]bool{name: true}
		for a := range reg.aliases[name] {
			if !seen[a] {
				seen[a] = true
				l.Aliases = append(l.Aliases, a)
			}
		}
		for f := range forms[name] {
			if !seen[f] {
				seen[f] = true
				l.Aliases = append(l.Aliases, f)
			}
		}
		slices.Sort(l.Aliases)
		l.Titles = mergeTenures(titleFacts[name])
		slices.SortStableFunc(l.Titles, func(a, b Title) int {
			switch {
			case a.From.IsZero() && !b.From.IsZero():
				return 1
			case !a.From.IsZero() && b.From.IsZero():
				return -1
			}
			return a.From.Compare(b.From)
		})
		out = append(out, *l)
	}
	inferSuccessions(out)
	slices.SortStableFunc(out, func(a, b Leader) int {
		if c := cmp.Compare(len(b.Mentions), len(a.Mentions)); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
	return out
}

// HoldersAt returns the leaders who held a title matching title on the day
// at. See HoldersDuring.
func (c *Corpus) HoldersAt(title string, at Date) []Leader { return c.HoldersDuring(title, at, at) }

// HoldersDuring returns the leaders who held a title matching title at some
// time between from and to (inclusive), each with only the matching titles.
// A title matches when its role is the same (CTO and 首席技术官 are one role)
// and the organisations agree: "阿里云总裁" matches 总裁 of 阿里云 and of
// 阿里云智能事业群; a title without an organisation ("总裁") matches any.
// Only tenures with a known start count; one without an end is taken as
// ongoing.
func (c *Corpus) HoldersDuring(title string, from, to Date) []Leader {
	org, role := splitTitle(title)
	var out []Leader
	for _, l := range c.facts().leaders {
		var keep []Title
		for _, t := range l.Titles {
			if t.Role != role || t.From.IsZero() || org != "" && !orgsMatch(org, t.Org) {
				continue
			}
			if t.From.After(to) || !t.To.IsZero() && t.To.Before(from) {
				continue
			}
			keep = append(keep, t)
		}
		if len(keep) > 0 {
			l.Titles = keep
			out = append(out, l)
		}
	}
	return out
}

// splitTitle splits a title as a user writes it ("阿里云总裁", "阿里巴巴 CTO")
// into organisation and canonical role.
func splitTitle(title string) (org, role string) {
	t := Simplified(foldString(strings.TrimSpace(title)))
	pos := positions()
	for i := range t {
		if w := prefixWord(t[i:], pos.words, pos.maxRunes); w != "" && i+len(w) == len(strings.TrimSpace(t)) {
			return strings.TrimSpace(t[:i]), canonicalRole(w)
		}
	}
	return "", canonicalRole(t)
}
