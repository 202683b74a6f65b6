package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"

	"github.com/yunshi-dev/yunshi"
)

// recordIn is one line of `yunshi extract --jsonl` input.
type recordIn struct {
	ID        string  `json:"id"`
	Text      *string `json:"text"`
	HTML      *string `json:"html"`
	Markdown  *string `json:"markdown"`
	Published string  `json:"published"`
}

// recordOut is one line of its output: the facts of one input record, or
// the error that stopped it. Output line N answers input line N, so a
// record needs no line number (which would change when GNU parallel cuts
// the input into blocks).
type recordOut struct {
	ID        string          `json:"id"`
	Error     string          `json:"error,omitempty"`
	Title     string          `json:"title,omitempty"`
	Published *string         `json:"published,omitempty"`
	Timeline  []milestoneJSON `json:"timeline"`
	Leaders   []leaderJSON    `json:"leaders"`
	Quotes    []quoteJSON     `json:"quotes"`
}

// extract streams JSON Lines: each input line is an article, each output
// line its facts, in input order. A bad line yields an error record and
// the others still come out, so the command can run under GNU parallel
// (--pipe), Hadoop Streaming or Spark's RDD.pipe unchanged.
func (a *app) extract(paths []string) int {
	if !a.opt.jsonl && a.opt.format != "jsonl" {
		fmt.Fprintln(a.stderr, "yunshi: extract reads and writes JSON Lines: use extract --jsonl")
		return exitUsage
	}
	if len(paths) > 0 && !(len(paths) == 1 && paths[0] == "-") {
		fmt.Fprintln(a.stderr, "yunshi: extract reads standard input only")
		return exitUsage
	}
	in := bufio.NewReaderSize(a.stdin, 1<<20)
	out := bufio.NewWriterSize(a.stdout, 1<<20)
	defer out.Flush()

	type job struct {
		line int
		data []byte
		res  chan []byte
	}
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan job, workers*2)
	results := make(chan chan []byte, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.res <- a.extractRecord(j.line, j.data)
			}
		}()
	}
	// Read lines in order, hand them to the workers, and keep their result
	// channels in order for the writer.
	readErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		defer close(results)
		for n := 1; ; n++ {
			line, err := in.ReadBytes('\n')
			if len(line) > 0 {
				res := make(chan []byte, 1)
				results <- res
				jobs <- job{line: n, data: line, res: res}
			}
			if err != nil {
				if !errors.Is(err, io.EOF) {
					readErr <- err
				}
				return
			}
		}
	}()
	failed := false
	for res := range results {
		b := <-res
		if bytes.Contains(b[:min(len(b), 200)], []byte(`"error":`)) {
			failed = true
		}
		out.Write(b)
	}
	wg.Wait()
	select {
	case err := <-readErr:
		fmt.Fprintln(a.stderr, "yunshi: reading standard input:", err)
		return exitFailure
	default:
	}
	if failed {
		return exitFailure
	}
	return exitOK
}

// extractRecord turns one input line into one output line.
func (a *app) extractRecord(n int, line []byte) []byte {
	rec := recordOut{Timeline: []milestoneJSON{}, Leaders: []leaderJSON{}, Quotes: []quoteJSON{}}
	emit := func() []byte {
		b, err := json.Marshal(rec)
		if err != nil { // cannot happen: every field marshals
			b = []byte(fmt.Sprintf(`{"id":%q,"error":%q}`, rec.ID, err.Error()))
		}
		return append(b, '\n')
	}
	if len(bytes.TrimSpace(line)) == 0 {
		rec.Error = "empty line"
		return emit()
	}
	var in recordIn
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		rec.Error = "bad JSON: " + err.Error()
		return emit()
	}
	rec.ID = in.ID
	if in.ID == "" {
		rec.ID = fmt.Sprintf("line%d", n)
	}
	var body, ext string
	count := 0
	for _, f := range []struct {
		v   *string
		ext string
	}{{in.Text, ".txt"}, {in.HTML, ".html"}, {in.Markdown, ".md"}} {
		if f.v != nil {
			body, ext = *f.v, f.ext
			count++
		}
	}
	if count != 1 {
		rec.Error = `want exactly one of "text", "html" or "markdown"`
		return emit()
	}
	d, err := a.loader.ParseDocument(rec.ID+ext, []byte(body))
	if err != nil {
		rec.Error = strings.TrimPrefix(err.Error(), "yunshi: ")
		return emit()
	}
	if in.Published != "" {
		p, err := yunshi.ParseDate(in.Published)
		if err != nil {
			rec.Error = "published: " + err.Error()
			return emit()
		}
		d.Published = p
	}
	d.ID = rec.ID
	c := a.loader.NewCorpus(d)
	rec.Title = d.Title
	rec.Published = dateJSON(d.Published.String())
	for _, m := range c.Timeline() {
		rec.Timeline = append(rec.Timeline, toMilestoneJSON(m))
	}
	for _, l := range c.Leaders() {
		rec.Leaders = append(rec.Leaders, toLeaderJSON(l))
	}
	for _, q := range c.Quotes() {
		rec.Quotes = append(rec.Quotes, quoteJSON{Speaker: q.Speaker, Text: q.Text, Style: string(q.Style), Doc: q.Doc, Span: [2]int{q.Start, q.End}})
	}
	return emit()
}
