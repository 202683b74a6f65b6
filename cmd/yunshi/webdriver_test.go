//go:build unix

package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The browser tests drive a headless Chromium through chromedriver's
// WebDriver API (https://w3c.github.io/webdriver/) with net/http. They skip
// when Chromium, chromedriver or a test's npm package is missing, unless
// YUNSHI_BROWSER_TESTS=require (set by .ci/run once it has installed them):
// then they fail instead.

const (
	// browserLife bounds one test's chromedriver and Chromium: they are
	// killed after it, whatever happens.
	browserLife = 2 * time.Minute
	// browserStep bounds one WebDriver command, and each wait for the page.
	browserStep = 45 * time.Second
)

// chromiumArgs keep Chromium from reaching for the network, which it
// otherwise tries at start-up and hangs on without one.
var chromiumArgs = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
	"--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
	"--mute-audio", "--hide-scrollbars", "--lang=zh-CN",
	// Pages and scripts from file:// URLs are of different origins, so
	// errors in the scripts would reach the page as "Script error." or not
	// at all (a rejected promise); the tests load only their own files.
	"--allow-file-access-from-files",
}

// missing skips the test, or fails it when the browser tests are required.
func missing(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("YUNSHI_BROWSER_TESTS") == "require" {
		t.Fatalf("%s (YUNSHI_BROWSER_TESTS=require)", msg)
	}
	t.Skip(msg)
}

// findChromium returns the paths of Chromium and chromedriver.
func findChromium(t *testing.T) (chromium, driver string) {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			chromium = p
			break
		}
	}
	driver, _ = exec.LookPath("chromedriver")
	if chromium == "" || driver == "" {
		missing(t, "browser test needs Chromium and chromedriver on PATH (Debian: apt-get install chromium chromium-driver; .ci/run does)")
	}
	return chromium, driver
}

// A webDriver is one Chromium session behind chromedriver.
type webDriver struct {
	t       *testing.T
	session string // http://127.0.0.1:PORT/session/ID
	client  *http.Client
	log     *syncBuffer // chromedriver's output, shown when a command fails
	width   int         // of the screen, in CSS pixels, set by viewport
	shots   string      // the directory for screenshots
}

// syncBuffer collects a process's output while it runs.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var driverPort = regexp.MustCompile(`started successfully on port (\d+)`)

// startBrowser starts chromedriver on a free local port and opens a
// session in a new headless Chromium with an empty profile. Both end with
// the test.
func startBrowser(t *testing.T) *webDriver {
	t.Helper()
	chromium, driver := findChromium(t)
	profile := t.TempDir() // removed after the cleanup below has run
	shots := artifactDir(t)

	ctx, cancel := context.WithTimeout(context.Background(), browserLife)
	cmd := exec.CommandContext(ctx, driver, "--port=0")
	// chromedriver and the Chromium it starts share a process group, so
	// that a timeout or a failed test ends them all.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	log := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("start chromedriver: %v", err)
	}
	wd := &webDriver{t: t, client: &http.Client{Timeout: browserStep}, log: log, shots: shots}
	t.Cleanup(func() {
		if wd.session != "" {
			// Ask Chromium to quit; the process group goes anyway.
			wd.command(http.MethodDelete, "", nil, nil)
		}
		cancel()
		cmd.Wait()
	})

	var base string
	for deadline := time.Now().Add(browserStep); base == ""; time.Sleep(20 * time.Millisecond) {
		if m := driverPort.FindStringSubmatch(log.String()); m != nil {
			base = "http://127.0.0.1:" + m[1] + "/session"
		} else if time.Now().After(deadline) || ctx.Err() != nil {
			t.Fatalf("chromedriver did not say its port in %v:\n%s", browserStep, log)
		}
	}

	caps := map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"pageLoadStrategy": "normal",
		"timeouts":         map[string]int{"pageLoad": int(browserStep / time.Millisecond), "script": int(browserStep / time.Millisecond)},
		"goog:chromeOptions": map[string]any{
			"binary": chromium,
			"args":   slices.Concat(chromiumArgs, []string{"--user-data-dir=" + profile}),
		},
	}}}
	var created struct {
		SessionID    string         `json:"sessionId"`
		Capabilities map[string]any `json:"capabilities"`
	}
	if err := wd.send(http.MethodPost, base, caps, &created); err != nil {
		t.Fatalf("new session: %v\nchromedriver:\n%s", err, log)
	}
	wd.session = base + "/" + created.SessionID
	t.Logf("%s %v", chromium, created.Capabilities["browserVersion"])
	return wd
}

// command sends a command of the session: path is relative to it.
func (wd *webDriver) command(method, path string, body, out any) error {
	return wd.send(method, wd.session+path, body, out)
}

func (wd *webDriver) send(method, url string, body, out any) error {
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, url, r)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := wd.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	var reply struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(b, &reply); err != nil {
		return fmt.Errorf("%s %s: %s: %.200s", method, url, resp.Status, b)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct{ Error, Message string }
		json.Unmarshal(reply.Value, &e)
		return fmt.Errorf("%s %s: %s: %s", method, url, e.Error, firstLine(e.Message))
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(reply.Value, out)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// must fails the test on a WebDriver error.
func (wd *webDriver) must(err error) {
	wd.t.Helper()
	if err != nil {
		wd.t.Fatalf("webdriver: %v", err)
	}
}

// open loads a page and waits for its load event.
func (wd *webDriver) open(url string) {
	wd.t.Helper()
	wd.must(wd.command(http.MethodPost, "/url", map[string]string{"url": url}, nil))
}

// run runs a script (a function body, with args as arguments) in the page
// and decodes what it returns into out.
func (wd *webDriver) run(out any, script string, args ...any) {
	wd.t.Helper()
	if args == nil {
		args = []any{}
	}
	wd.must(wd.command(http.MethodPost, "/execute/sync", map[string]any{"script": script, "args": args}, out))
}

// wait runs a script that returns a boolean until it returns true, for
// browserStep at most, and reports whether it did.
func (wd *webDriver) wait(script string, args ...any) bool {
	wd.t.Helper()
	deadline := time.Now().Add(browserStep)
	for {
		var ok bool
		wd.run(&ok, script, args...)
		if ok {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitFor is wait that fails the test when the time is up.
func (wd *webDriver) waitFor(what, script string, args ...any) {
	wd.t.Helper()
	if !wd.wait(script, args...) {
		wd.t.Fatalf("waited %v for %s", browserStep, what)
	}
}

// source returns the page's DOM as HTML, as it is after scripts ran.
func (wd *webDriver) source() string {
	wd.t.Helper()
	var s string
	wd.must(wd.command(http.MethodGet, "/source", nil, &s))
	return s
}

// viewport sets the size of the open page's viewport in CSS pixels;
// mobile also lays the page out as a phone does, by its viewport meta tag
// (a page without one is laid out 980 pixels wide, and viewport fails).
func (wd *webDriver) viewport(width, height int, mobile bool) {
	wd.t.Helper()
	scale := 1
	if mobile {
		scale = 2
	}
	wd.must(wd.command(http.MethodPost, "/goog/cdp/execute", map[string]any{
		"cmd": "Emulation.setDeviceMetricsOverride",
		"params": map[string]any{
			"width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile,
		},
	}, nil))
	// The layout viewport; the visual one (innerWidth) grows when a
	// phone zooms out to show a page wider than itself.
	var got int
	wd.run(&got, "return document.documentElement.clientWidth")
	if got != width {
		wd.t.Fatalf("page laid out %dpx wide on a %dx%d screen", got, width, height)
	}
	wd.width = width
}

// element returns the WebDriver reference of the first element matching a
// CSS selector.
func (wd *webDriver) element(css string) string {
	wd.t.Helper()
	var el map[string]string
	wd.must(wd.command(http.MethodPost, "/element", map[string]string{"using": "css selector", "value": css}, &el))
	for _, id := range el { // one key: element-6066-11e4-a52e-4f735466cecf
		return id
	}
	wd.t.Fatalf("no element for %q", css)
	return ""
}

// click clicks an element as a user would.
func (wd *webDriver) click(css string) {
	wd.t.Helper()
	wd.must(wd.command(http.MethodPost, "/element/"+wd.element(css)+"/click", map[string]any{}, nil))
}

// screenshot saves the viewport as a PNG in the artefact directory.
func (wd *webDriver) screenshot(name string) {
	wd.t.Helper()
	var b64 string
	wd.must(wd.command(http.MethodGet, "/screenshot", nil, &b64))
	png, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		wd.t.Fatal(err)
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		wd.t.Fatalf("screenshot %s is not a PNG", name)
	}
	path := filepath.Join(wd.shots, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		wd.t.Fatal(err)
	}
	wd.t.Logf("screenshot %s (%d bytes)", path, len(png))
}

// artifactDir is where tests leave screenshots: $YUNSHI_ARTIFACTS, or a
// temporary directory removed after the test.
func artifactDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("YUNSHI_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}
