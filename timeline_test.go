package yunshi

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// findMilestone returns the milestones of c whose interval is [from, to]
// and whose event or sentence contains word.
func findMilestone(c *Corpus, from, to Date, word string) []Milestone {
	var out []Milestone
	for _, m := range c.Timeline() {
		if m.From != from || m.To != to {
			continue
		}
		text := m.Event
		for _, s := range m.Sources {
			text += s.Sentence
		}
		if strings.Contains(text, word) {
			out = append(out, m)
		}
	}
	return out
}

func month(y, m int) (Date, Date) {
	from := D(y, time.Month(m), 1)
	return from, D(y, time.Month(m+1), 0)
}

func year(y int) (Date, Date) { return D(y, 1, 1), D(y, 12, 31) }

func TestSeedTimeline(t *testing.T) {
	c := Default()
	day := func(y, m, d int) (Date, Date) { x := D(y, time.Month(m), d); return x, x }
	for _, tc := range []struct {
		name     string
		from, to Date
		word     string
		leader   string
		sources  int
	}{
		{"奠基", first(day(2008, 10, 18)), second(day(2008, 10, 18)), "奠基", "", 1},
		{"飞天 5K 竣工", first(day(2013, 8, 15)), second(day(2013, 8, 15)), "竣工", "", 2},
		{"王坚任命 CTO", first(month(2012, 8)), second(month(2012, 8)), "任命", "王坚", 1},
		{"第一个数据中心", first(month(2013, 1)), second(month(2013, 1)), "数据中心", "", 1},
		{"开发者大会", D(2013, 10, 24), D(2013, 10, 25), "开发者大会", "", 1},
		{"王坚见叶凯", first(day(2013, 5, 6)), second(day(2013, 5, 6)), "叶凯", "王坚", 0},
		{"云栖大会", first(month(2015, 10)), second(month(2015, 10)), "云栖大会", "", 1},
		{"王坚卸任", first(month(2013, 9)), second(month(2013, 9)), "卸任", "王坚", 1},
		{"胡晓明担任总裁", first(month(2014, 11)), second(month(2014, 11)), "担任阿里云总裁", "胡晓明", 1},
		{"阿里云智能", first(month(2018, 11)), second(month(2018, 11)), "阿里云智能", "张建锋", 0},
		{"全面上云", first(month(2018, 12)), second(month(2018, 12)), "全面上云", "张建锋", 1},
		{"18年年底", D(2018, 10, 1), D(2018, 12, 31), "组织调整", "", 1},
		{"张建锋 CTO", first(year(2016)), second(year(2016)), "首席技术官", "张建锋", 1},
		{"云钉一体", D(2020, 9, 21), D(2020, 9, 30), "云钉一体", "", 1},
		{"倚天710", first(month(2021, 9)), second(month(2021, 9)), "倚天710", "", 1},
		{"财报", first(day(2022, 5, 26)), second(day(2022, 5, 26)), "财报", "", 1},
		{"峰会", first(day(2022, 6, 13)), second(day(2022, 6, 13)), "峰会", "", 1},
	} {
		ms := findMilestone(c, tc.from, tc.to, tc.word)
		if len(ms) == 0 {
			t.Errorf("%s: no milestone %s..%s with %q", tc.name, tc.from, tc.to, tc.word)
			continue
		}
		m := ms[0]
		if tc.leader != "" && !slices.Contains(m.Leaders, tc.leader) {
			t.Errorf("%s: leaders %v lack %s", tc.name, m.Leaders, tc.leader)
		}
		if tc.sources > 0 && len(m.Sources) != tc.sources {
			t.Errorf("%s: %d sources, want %d", tc.name, len(m.Sources), tc.sources)
		}
		for _, s := range m.Sources {
			d, _ := c.Document(s.Doc)
			if !strings.Contains(d.Text, s.Sentence) || !strings.Contains(s.Sentence, d.Text[s.Start:s.End]) {
				t.Errorf("%s: source %+v does not index its document", tc.name, s)
			}
		}
	}
	// Sources that disagree stay apart: 000 says 2018-12, 003 says 2018-11.
	if a, b := findMilestone(c, first(month(2018, 12)), second(month(2018, 12)), "行癫"), findMilestone(c, first(month(2018, 11)), second(month(2018, 11)), "行癫"); len(a) == 0 || len(b) == 0 {
		t.Errorf("the two dates of 行癫's appointment were not both kept")
	}
	// Not milestones: cohorts, durations, relative dates without a
	// document date, reference lists, forecasts, reader comments.
	notDates := map[string]bool{"80 后": true, "92年": true, "1300多天": true, "13年来": true, "整整18年": true,
		"18年": true, "50 年前": true, "2019－2022": true, "4 个月": true}
	for _, m := range c.Timeline() {
		if notDates[m.Label] {
			t.Errorf("milestone from %q (%s)", m.Label, m.Event)
		}
		if strings.HasPrefix(m.Event, "预计") {
			t.Errorf("milestone from a forecast: %q", m.Event)
		}
		for _, s := range m.Sources {
			d, _ := c.Document(s.Doc)
			if s.Start >= d.notes {
				t.Errorf("milestone %q from the reference list", m.Label)
			}
		}
		if m.From.Year >= 2023 {
			t.Errorf("milestone %v %q after the articles were written (reader comments?)", m.From, m.Label)
		}
	}
}

func first(a, _ Date) Date  { return a }
func second(_, b Date) Date { return b }

func TestTimelineLookups(t *testing.T) {
	c := Default()
	in2013 := c.TimelineBetween(D(2013, 1, 1), D(2013, 12, 31))
	if len(in2013) == 0 {
		t.Fatal("no milestones in 2013")
	}
	for _, m := range in2013 {
		if m.To.Before(D(2013, 1, 1)) || m.From.After(D(2013, 12, 31)) {
			t.Errorf("TimelineBetween(2013) returned %v..%v", m.From, m.To)
		}
	}
	for _, name := range []string{"行癫", "张建锋"} {
		ms := c.TimelineOf(name)
		if len(ms) == 0 {
			t.Fatalf("TimelineOf(%s) is empty", name)
		}
		for _, m := range ms {
			if !slices.Contains(m.Leaders, "张建锋") {
				t.Errorf("TimelineOf(%s) returned %q", name, m.Event)
			}
		}
	}
	if len(c.TimelineOf("行癫")) != len(c.TimelineOf("张建锋")) {
		t.Errorf("TimelineOf(行癫) != TimelineOf(张建锋)")
	}
	if ms := c.TimelineWith("倚天710"); len(ms) != 1 {
		t.Errorf("TimelineWith(倚天710) = %d milestones", len(ms))
	} else if !slices.Contains(ms[0].Products, "倚天710") {
		t.Errorf("倚天710 milestone involves orgs %v, products %v", ms[0].Orgs, ms[0].Products)
	}
	tl := c.Timeline()
	if !slices.IsSortedFunc(tl, func(a, b Milestone) int { return a.From.Compare(b.From) }) {
		t.Errorf("timeline not sorted by date")
	}
}

func TestTitles(t *testing.T) {
	type title struct {
		name, title string
		from, to    string
	}
	for _, tc := range []struct {
		text string
		want []title
	}{
		{"2012年8月，王坚被任命为阿里巴巴集团CTO兼任阿里云总裁。2013年9月，王坚卸任阿里云总裁。",
			[]title{{"王坚", "阿里巴巴集团CTO", "2012-08-01", ""}, {"王坚", "阿里云总裁", "2012-08-01", "2013-09-30"}}},
		{"2021年5月20日，字节跳动宣布，张一鸣将卸任CEO，梁汝波接替张一鸣担任CEO。",
			[]title{{"梁汝波", "CEO", "2021-05-20", ""}, {"张一鸣", "CEO", "", "2021-05-20"}}},
		{"余承东于2011年底出任华为消费者业务CEO。",
			[]title{{"余承东", "华为消费者业务CEO", "2011-10-01", ""}}},
		{"百度创始人李彦宏在大会上发表演讲。",
			[]title{{"李彦宏", "百度创始人", "", ""}}},
		{"陆奇加入百度。2017年1月，他出任百度集团总裁兼首席运营官（COO）。",
			[]title{{"陆奇", "百度集团总裁", "2017-01-01", ""}, {"陆奇", "首席运营官（COO）", "2017-01-01", ""}}},
		{"腾讯公司宣布，以汤道生为云与智慧产业事业群总裁。",
			[]title{{"汤道生", "云与智慧产业事业群总裁", "", ""}}},
		// Traditional script; a successor; a retirement ends the office.
		{"2024年6月4日，台積電董事會推選魏哲家為新任董事長，劉德音正式退休。劉德音於2018年6月接替創辦人張忠謀出任董事長。",
			[]title{{"魏哲家", "董事長", "2024-06-04", ""}, {"刘德音", "董事長", "2018-06-01", "2024-06-04"}, {"张忠谋", "董事長", "", "2018-06-30"}}},
		// Leaving the company ends its offices.
		{"陆奇于2017年1月加入百度，出任集团总裁兼首席运营官；次年5月，他离开百度。",
			[]title{{"陆奇", "集团总裁", "2017-01-01", "2018-05-31"}, {"陆奇", "首席运营官", "2017-01-01", "2018-05-31"}}},
		{"2018年，蔡崇信和张勇担任阿里巴巴董事。",
			[]title{{"蔡崇信", "阿里巴巴董事", "2018-01-01", ""}, {"张勇", "阿里巴巴董事", "2018-01-01", ""}}},
	} {
		c := NewCorpus(mustParse(t, tc.text))
		var got []title
		for _, l := range c.Leaders() {
			for _, ti := range l.Titles {
				got = append(got, title{l.Name, ti.Title, ti.From.String(), ti.To.String()})
			}
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("titles of %q = %v, want %v among them", tc.text, got, w)
			}
		}
	}
	c := Default()
	for _, tc := range []struct {
		title string
		at    Date
		want  string
	}{
		{"阿里云总裁", D(2016, 6, 1), "胡晓明"},
		{"阿里云总裁", D(2013, 1, 1), "王坚"},
		{"阿里云总裁", D(2020, 1, 1), "张建锋"},
		{"钉钉CEO", D(2021, 1, 1), "叶军"},
		{"CTO", D(2017, 6, 1), "张建锋"},
	} {
		var names []string
		for _, l := range c.HoldersAt(tc.title, tc.at) {
			names = append(names, l.Name)
		}
		if !slices.Contains(names, tc.want) {
			t.Errorf("HoldersAt(%s, %s) = %v, want %s among them", tc.title, tc.at, names, tc.want)
		}
	}
	if got := c.HoldersAt("阿里云总裁", D(2016, 6, 1)); len(got) != 1 {
		t.Errorf("HoldersAt(阿里云总裁, 2016) = %d leaders, want 1", len(got))
	}
	// 王坚's CTO tenure has no stated end; 张建锋 becoming CTO in 2016 ends it.
	if got := c.HoldersAt("CTO", D(2017, 6, 1)); len(got) != 1 || got[0].Name != "张建锋" {
		t.Errorf("HoldersAt(CTO, 2017) = %v, want only 张建锋", got)
	}
}

// The timeline hands ExtractDates its sentences already split; the result
// must not change.
func TestExtractDatesWithSentences(t *testing.T) {
	for d := range Default().All() {
		n := viewOffset(d.view, d.notes)
		a := extractDates(d.view, d.Published, n)
		b := extractDatesIn(d.view, d.Published, n, splitSentences(d.view.s))
		if !slices.Equal(a, b) {
			t.Errorf("%s: dates differ with presplit sentences", d.ID)
		}
	}
}

// FuzzExtract runs every extractor over arbitrary text: no panic, and
// every span indexes the document's text.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"2012年8月，王坚被任命为阿里巴巴集团CTO兼任阿里云总裁。2013年9月，王坚卸任。",
		"张建锋（花名行癫）接替胡晓明担任总裁。他说：“规模。”",
		"郭平、徐直军、胡厚崑轮流担任。孟晚舟于2011年4月出任华为CFO。",
		"问：你好？\n答：好。\n记者：X\n雷军：我们要做好。",
		"以毕玄为上云总架构师。18年年底，(花名)（）“”「『",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := ParseDocument("x.txt", []byte(text))
		if err != nil {
			return
		}
		c := NewCorpus(d)
		in := func(a, b int) bool { return 0 <= a && a <= b && b <= len(d.Text) }
		for _, m := range c.Timeline() {
			if m.To.Before(m.From) {
				t.Fatalf("milestone %v..%v", m.From, m.To)
			}
			for _, s := range m.Sources {
				if !in(s.Start, s.End) {
					t.Fatalf("milestone span %d-%d out of %d", s.Start, s.End, len(d.Text))
				}
			}
		}
		for _, l := range c.Leaders() {
			for _, m := range l.Mentions {
				if !in(m.Start, m.End) || d.Text[m.Start:m.End] != m.Form {
					t.Fatalf("mention %+v", m)
				}
			}
			for _, ti := range l.Titles {
				if !in(ti.Source.Start, ti.Source.End) {
					t.Fatalf("title span %+v", ti.Source)
				}
			}
		}
		for _, q := range c.Quotes() {
			if !in(q.Start, q.End) || d.Text[q.Start:q.End] != q.Text {
				t.Fatalf("quote %+v", q)
			}
		}
	})
}
