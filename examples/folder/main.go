// Folder loads your own articles from a directory and lists them, with any
// files that could not be read.
//
//	go run ./examples/folder path/to/articles
package main

import (
	"fmt"
	"log"
	"os"

	"github.com/yunshi-dev/yunshi"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: folder DIR")
	}
	c, err := yunshi.LoadFiles(os.Args[1])
	if err != nil {
		// Bad files are reported; the good ones are still in c.
		log.Print(err)
	}
	for d := range c.All() {
		fmt.Printf("%-24s %-10s %-8s %6d chars  %s\n", d.ID, d.Published, d.Encoding, d.Chars(), d.Title)
	}
}
