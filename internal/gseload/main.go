// Command gseload is the baseline for yunshi's cold-start measurement: it
// loads gse's default dictionary, as a program that used gse directly for
// names would, and segments one sentence.
package main

import (
	"fmt"
	"os"

	"github.com/go-ego/gse"
)

func main() {
	seg := &gse.Segmenter{SkipLog: true}
	if err := seg.LoadDict(); err != nil {
		fmt.Fprintln(os.Stderr, "gseload:", err)
		os.Exit(1)
	}
	fmt.Println(seg.Cut("2014年11月开始，他担任阿里云总裁。", true))
}
