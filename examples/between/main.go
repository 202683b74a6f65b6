// Between prints the timeline of the embedded corpus (or of your own
// articles) between two dates, with the sentence behind each milestone.
//
//	go run ./examples/between 2013-01-01 2013-12-31
//	go run ./examples/between 2018 2019 path/to/articles
package main

import (
	"fmt"
	"log"
	"os"

	"github.com/yunshi-dev/yunshi"
)

func main() {
	if len(os.Args) < 3 {
		log.Fatal("usage: between FROM TO [DIR...]   (dates as YYYY, YYYY-MM or YYYY-MM-DD)")
	}
	from, err := yunshi.ParseDate(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	to, err := yunshi.ParseDate(os.Args[2])
	if err != nil {
		log.Fatal(err)
	}
	switch len(os.Args[2]) {
	case 4: // a whole year
		to = yunshi.D(to.Year, 12, 31)
	case 7: // a whole month: the day before the next month's first
		to = yunshi.D(to.Year, to.Month+1, 0)
	}
	c := yunshi.Default()
	if len(os.Args) > 3 {
		if c, err = yunshi.LoadFiles(os.Args[3:]...); err != nil {
			log.Print(err) // the files that failed; the rest are loaded
		}
	}
	for _, m := range c.TimelineBetween(from, to) {
		fmt.Printf("%s  %s\n  %s\n", m.From, m.Label, m.Event)
		for _, s := range m.Sources {
			fmt.Printf("  — %s: %s\n", s.Doc, s.Sentence)
		}
	}
}
