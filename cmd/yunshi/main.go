// Command yunshi turns Chinese articles about a company's history into
// facts with sources: documents, leaders, a timeline and quotes.
//
// Usage:
//
//	yunshi [flags] COMMAND [flags] [PATH...]
//
// PATHs are files or directories; with none, yunshi reads its embedded
// corpus (four articles on the history of Alibaba Cloud); "-" reads
// standard input. Flags may come before or after COMMAND. Output is a
// readable table, or one JSON array with --json. Run "yunshi -h" for the
// commands and flags.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/yunshi-dev/yunshi"
)

const usage = `yunshi turns Chinese articles about a company's history into facts with sources.

Usage:
  yunshi [flags] COMMAND [flags] [PATH...]

Commands:
  timeline             dated milestones, merged across documents, with sources
                       (--from, --to, --who; --format also timelinejs,
                       timelinejs-csv, mermaid, html)
  dates                time expressions in raw text (each PATH, or stdin)
  extract --jsonl      stream: one JSON line of facts per input line of
                       {"id","text"|"html"|"markdown","published"?} on stdin
  docs                 list documents: title, author, date, format, encoding
                       (--text adds the clean text every span indexes)
  leaders              list people: names, aliases, titles and tenures
  leader NAME          one person, by name or alias (花名, English name…)
  who TITLE --at DATE  who held a title then (yunshi who 阿里云总裁 --at 2016)
  quotes               who said what: transcript turns, quoted and reported speech
                       (--by NAME keeps one speaker: a name, alias or label such as CSDN)

PATHs are files or directories (directories: *.txt, *.md, *.html, …);
none means the embedded corpus; "-" reads standard input.
Flags may come before or after COMMAND.

Flags:
`

// exit codes
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// options holds every flag; each command reads the ones it needs.
type options struct {
	json     bool
	text     bool
	ref      string
	lexicon  string
	from, to string
	who      string
	at       string
	jsonl    bool
	format   string
	group    string
	by       string
}

// run is main without the process: it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var o options
	fs := flag.NewFlagSet("yunshi", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&o.json, "json", false, "print one JSON array (same as --format json)")
	fs.BoolVar(&o.jsonl, "jsonl", false, "extract: read and write JSON Lines (same as --format jsonl)")
	fs.StringVar(&o.format, "format", "", "output `FORMAT`: json, jsonl, csv, md; timeline also timelinejs, timelinejs-csv, mermaid, html")
	fs.BoolVar(&o.text, "text", false, "docs: include each document's clean text")
	fs.StringVar(&o.ref, "ref", "", "reference `DATE` (YYYY-MM-DD) for documents without a date")
	fs.StringVar(&o.lexicon, "lexicon", "", "`FILE` of extra names, aliases and organisations")
	fs.StringVar(&o.from, "from", "", "timeline: milestones from `Y[-M[-D]]` on")
	fs.StringVar(&o.to, "to", "", "timeline: milestones up to the end of `Y[-M[-D]]`")
	fs.StringVar(&o.group, "group", "leader", "timeline --format timelinejs: group events by `leader` or doc")
	fs.StringVar(&o.at, "at", "", "who: the `DATE` (Y[-M[-D]]) at which the title was held")
	fs.StringVar(&o.who, "who", "", "timeline: milestones involving `NAME` (a name or an alias)")
	fs.StringVar(&o.by, "by", "", "quotes: only those of `NAME` (a name, alias or transcript label)")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	// Parse flags anywhere on the line: flag stops at the first
	// non-flag argument, so collect it and go on.
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitOK
			}
			return exitUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if len(pos) == 0 {
		fs.Usage()
		return exitUsage
	}
	cmd, paths := pos[0], pos[1:]
	app := &app{opt: o, stdin: stdin, stdout: stdout, stderr: stderr}
	if err := app.configure(); err != nil {
		fmt.Fprintln(stderr, "yunshi:", strings.TrimPrefix(err.Error(), "yunshi: "))
		return exitUsage
	}
	switch cmd {
	case "docs":
		return app.docs(paths)
	case "timeline":
		return app.timeline(paths)
	case "dates":
		return app.dates(paths)
	case "leaders":
		return app.leaders(paths)
	case "leader":
		return app.leader(paths)
	case "who":
		return app.who(paths)
	case "extract":
		return app.extract(paths)
	case "quotes":
		return app.quotes(paths)
	default:
		fmt.Fprintf(stderr, "yunshi: unknown command %q\n", cmd)
		fs.Usage()
		return exitUsage
	}
}

type app struct {
	opt            options
	loader         yunshi.Loader
	stdin          io.Reader
	stdout, stderr io.Writer
}

// configure reads --ref and --lexicon into the loader, and shows progress
// over many files when standard error is a terminal.
func (a *app) configure() error {
	if f, ok := a.stderr.(*os.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
			a.loader.Progress = func(done, total int) {
				if total < 50 {
					return
				}
				if done%25 == 0 || done == total {
					fmt.Fprintf(f, "\ryunshi: read %d/%d files", done, total)
					if done == total {
						fmt.Fprint(f, "\n")
					}
				}
			}
		}
	}
	if a.opt.ref != "" {
		d, err := yunshi.ParseDate(a.opt.ref)
		if err != nil {
			return fmt.Errorf("--ref: %w", err)
		}
		a.loader.Ref = d
	}
	if a.opt.lexicon != "" {
		f, err := os.Open(a.opt.lexicon)
		if err != nil {
			return fmt.Errorf("--lexicon: %w", err)
		}
		defer f.Close()
		lex, err := yunshi.ParseLexicon(a.opt.lexicon, f)
		if err != nil {
			return fmt.Errorf("--lexicon: %w", err)
		}
		a.loader.Lexicon = lex
	}
	return nil
}

// load reads the corpus named by paths: the embedded one when there are
// none, standard input for "-". Bad files are reported on stderr; the
// returned code is exitFailure if any were.
func (a *app) load(paths []string) (*yunshi.Corpus, int) {
	code := exitOK
	if len(paths) == 0 {
		if a.loader.Lexicon == nil && a.loader.Ref.IsZero() {
			return yunshi.Default(), code
		}
		c, err := a.loader.LoadFS(yunshi.EmbeddedFS())
		if err != nil {
			a.report(err)
			code = exitFailure
		}
		return c, code
	}
	var docs []*yunshi.Document
	var files []string
	flushFiles := func() {
		if len(files) == 0 {
			return
		}
		c, err := a.loader.LoadFiles(files...)
		if err != nil {
			a.report(err)
			code = exitFailure
		}
		docs = append(docs, c.Documents()...)
		files = nil
	}
	for _, p := range paths {
		if p != "-" {
			files = append(files, p)
			continue
		}
		flushFiles()
		d, err := a.loader.ReadDocument("-", a.stdin)
		if err != nil {
			a.report(err)
			code = exitFailure
			continue
		}
		docs = append(docs, d)
	}
	flushFiles()
	return a.loader.NewCorpus(docs...), code
}

// report prints each file error on its own line.
func (a *app) report(err error) {
	if errs, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range errs.Unwrap() {
			a.report(e)
		}
		return
	}
	fmt.Fprintln(a.stderr, err)
}
