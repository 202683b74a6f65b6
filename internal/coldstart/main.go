//go:build unix

// Command coldstart measures whole-process cold starts: it runs a command
// several times and prints the median wall time and the median peak
// resident memory (from the kernel's rusage), optionally next to a
// baseline command measured in the same run.
//
//	go run ./internal/coldstart -n 15 -- ./yunshi timeline
//	go run ./internal/coldstart -n 15 -baseline ./gseload -- ./yunshi timeline
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	n := flag.Int("n", 15, "runs per command")
	baseline := flag.String("baseline", "", "baseline `command` (space-separated) measured in the same run")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: coldstart [-n N] [-baseline CMD] -- COMMAND [ARGS...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	cmds := [][]string{flag.Args()}
	if *baseline != "" {
		cmds = append(cmds, strings.Fields(*baseline))
	}
	// Interleave the runs so that both commands see the same machine.
	walls := make([][]time.Duration, len(cmds))
	rss := make([][]int64, len(cmds))
	for range *n {
		for k, c := range cmds {
			w, m, err := once(c)
			if err != nil {
				fmt.Fprintf(os.Stderr, "coldstart: %s: %v\n", strings.Join(c, " "), err)
				os.Exit(1)
			}
			walls[k] = append(walls[k], w)
			rss[k] = append(rss[k], m)
		}
	}
	for k, c := range cmds {
		slices.Sort(walls[k])
		slices.Sort(rss[k])
		fmt.Printf("%-40s median wall %8.1f ms   median peak RSS %6.1f MB   (%d runs)\n",
			strings.Join(c, " "), float64(walls[k][len(walls[k])/2].Microseconds())/1000,
			float64(rss[k][len(rss[k])/2])/1024, *n)
	}
	if len(cmds) == 2 {
		w0, w1 := walls[0][len(walls[0])/2], walls[1][len(walls[1])/2]
		r0, r1 := rss[0][len(rss[0])/2], rss[1][len(rss[1])/2]
		fmt.Printf("ratio to baseline: wall %.3f, peak RSS %.3f\n", float64(w0)/float64(w1), float64(r0)/float64(r1))
	}
}

// once runs c, discarding its output, and returns its wall time and peak
// RSS in KiB.
func once(c []string) (time.Duration, int64, error) {
	cmd := exec.Command(c[0], c[1:]...)
	cmd.Stdout = io.Discard
	cmd.Stderr = io.Discard
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, 0, err
	}
	wall := time.Since(start)
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return wall, 0, nil
	}
	return wall, ru.Maxrss, nil
}
