package yunshi

import (
	"bytes"
	"fmt"
	"io/fs"
	"runtime"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/go-ego/gse"
)

// benchFiles returns about 10 MB of article files made by repeating the
// seed files (each copy a separate file, as a corpus of many articles).
var benchFiles = sync.OnceValue(func() [][]byte {
	var seeds [][]byte
	entries, _ := fs.ReadDir(EmbeddedFS(), ".")
	for _, e := range entries {
		data, _ := fs.ReadFile(EmbeddedFS(), e.Name())
		seeds = append(seeds, data)
	}
	var out [][]byte
	total := 0
	for total < 10<<20 {
		for _, s := range seeds {
			out = append(out, bytes.Clone(s))
			total += len(s)
		}
	}
	return out
})

func benchBytes() int64 {
	n := 0
	for _, f := range benchFiles() {
		n += len(f)
	}
	return int64(n)
}

// benchDocs parses benchFiles.
func benchDocs(b *testing.B) []*Document {
	b.Helper()
	docs := make([]*Document, 0, len(benchFiles()))
	for i, f := range benchFiles() {
		d, err := ParseDocument("seed"+string(rune('a'+i%4))+".txt", f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// BenchmarkParse measures ParseDocument: decoding, markup, boilerplate
// and the matching view.
func BenchmarkParse(b *testing.B) {
	files := benchFiles()
	b.SetBytes(benchBytes())
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			if _, err := ParseDocument("x.txt", f); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkLeaders measures person recognition, mentions and titles over
// parsed documents.
func BenchmarkLeaders(b *testing.B) {
	docs := benchDocs(b)
	b.SetBytes(benchBytes())
	b.ReportAllocs()
	for b.Loop() {
		c := NewCorpus(docs...)
		if len(c.Leaders()) == 0 {
			b.Fatal("no leaders")
		}
	}
}

// BenchmarkTimeline measures every extractor — dates, people, titles,
// milestones — over parsed documents, and the corpus-wide merges.
func BenchmarkTimeline(b *testing.B) {
	docs := benchDocs(b)
	segmenter() // a once-per-process cost, measured by BenchmarkSegmenterLoad
	b.SetBytes(benchBytes())
	b.ReportAllocs()
	for b.Loop() {
		c := NewCorpus(docs...)
		if len(c.Timeline()) == 0 {
			b.Fatal("no milestones")
		}
	}
}

// BenchmarkPipeline measures the whole job from bytes: parsing, then all
// extraction.
func BenchmarkPipeline(b *testing.B) {
	benchFiles()
	segmenter() // a once-per-process cost, measured by BenchmarkSegmenterLoad
	b.SetBytes(benchBytes())
	b.ReportAllocs()
	for b.Loop() {
		c := NewCorpus(benchDocs(b)...)
		if len(c.Timeline()) == 0 || len(c.Leaders()) == 0 {
			b.Fatal("nothing extracted")
		}
	}
}

// gseDefault loads gse's default dictionary once, for the baselines.
var gseDefault = sync.OnceValues(func() (*gse.Segmenter, error) {
	seg := &gse.Segmenter{SkipLog: true}
	err := seg.LoadDict()
	return seg, err
})

// BenchmarkGseLoadDict is the baseline for start-up cost: gse loading its
// default dictionaries, as a program that used gse alone for names would.
func BenchmarkGseLoadDict(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		seg := &gse.Segmenter{SkipLog: true}
		if err := seg.LoadDict(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGseSegment is the baseline for throughput: gse's Segment over
// the same text as BenchmarkPipeline, with the default dictionary.
func BenchmarkGseSegment(b *testing.B) {
	seg, err := gseDefault()
	if err != nil {
		b.Fatal(err)
	}
	files := benchFiles()
	b.SetBytes(benchBytes())
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			seg.Segment(f)
		}
	}
}

// BenchmarkSegmenterLoad measures yunshi's own small gse dictionary, which
// is all the cold start pays for segmentation.
func BenchmarkSegmenterLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		seg := &gse.Segmenter{SkipLog: true}
		if err := seg.LoadDictStr(segDictionary()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad measures loading many files and extracting everything, as
// the CLI does: run it with -cpu 1,2 to see it use every core.
func BenchmarkLoad(b *testing.B) {
	fsys := fstest.MapFS{}
	for i, f := range benchFiles() {
		fsys[fmt.Sprintf("a/%04d.txt", i)] = &fstest.MapFile{Data: f}
	}
	b.SetBytes(benchBytes())
	b.ReportAllocs()
	for b.Loop() {
		c, err := LoadFS(fsys)
		if err != nil {
			b.Fatal(err)
		}
		if len(c.Timeline()) == 0 {
			b.Fatal("no milestones")
		}
	}
}

// BenchmarkPeakHeap reports the largest live heap while the whole job
// runs, as a multiple of the input size (peak-heap/input).
func BenchmarkPeakHeap(b *testing.B) {
	benchFiles()
	segmenter()
	input := float64(benchBytes())
	worst := 0.0
	for b.Loop() {
		runtime.GC()
		var base runtime.MemStats
		runtime.ReadMemStats(&base)
		stop := make(chan struct{})
		peak := make(chan uint64)
		go func() {
			var m runtime.MemStats
			var max uint64
			tick := time.NewTicker(2 * time.Millisecond)
			defer tick.Stop()
			for {
				select {
				case <-stop:
					peak <- max
					return
				case <-tick.C:
					runtime.ReadMemStats(&m)
					if m.HeapAlloc > max {
						max = m.HeapAlloc
					}
				}
			}
		}()
		c := NewCorpus(benchDocs(b)...)
		_ = c.Timeline()
		_ = c.Quotes()
		close(stop)
		// The input files stay live throughout; count only what the job
		// adds on top of them.
		if x := float64(<-peak-base.HeapAlloc) / input; x > worst {
			worst = x
		}
	}
	b.ReportMetric(worst, "peak-heap/input")
}
