package main

import (
	"fmt"
	"os"

	"github.com/yunshi-dev/yunshi"
)

func main() {
	c, err := yunshi.LoadFiles(os.Args[1:]...)
	if err != nil {
		fmt.Println("ERR", err)
	}
	for d := range c.All() {
		fmt.Printf("== %s | %q | %q | %q | %s | %s | %s | chars=%d comments=%d\n", d.ID, d.Title, d.Author, d.Source, d.Published, d.Format, d.Encoding, d.Chars(), len(d.Comments))
		if os.Getenv("TEXT") != "" {
			fmt.Println(d.Text)
		}
		for _, cm := range d.Comments {
			fmt.Printf("  C %q %s %d %q\n", cm.Author, cm.Date, cm.Likes, cm.Text)
		}
	}
}
