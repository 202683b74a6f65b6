// Whosaid prints who said what: every quote of one person (by name or any
// alias), or of everyone, with the document and the words' byte span, from
// the embedded corpus or your own articles.
//
//	go run ./examples/whosaid 行癫
//	go run ./examples/whosaid 王坚 path/to/articles
//	go run ./examples/whosaid "" path/to/articles    # everyone
package main

import (
	"fmt"
	"log"
	"os"

	"github.com/yunshi-dev/yunshi"
)

func main() {
	if len(os.Args) < 2 {
		log.Fatal(`usage: whosaid NAME [DIR...]   (NAME may be an alias; "" for everyone)`)
	}
	c := yunshi.Default()
	if len(os.Args) > 2 {
		var err error
		if c, err = yunshi.LoadFiles(os.Args[2:]...); err != nil {
			log.Print(err) // the files that failed; the rest are loaded
		}
	}
	quotes := c.Quotes()
	if name := os.Args[1]; name != "" {
		if l, ok := c.Leader(name); ok {
			fmt.Printf("%s (%d mentions)\n", l.Name, len(l.Mentions))
		}
		quotes = c.QuotesBy(name)
	}
	for _, q := range quotes {
		who := q.Speaker
		if who == "" {
			who = "? (" + q.Reason + ")"
		}
		fmt.Printf("%s [%s] %s@%d-%d\n    %s\n", who, q.Style, q.Doc, q.Start, q.End, q.Text)
	}
}
