package yunshi

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encodings reported in Document.Encoding.
const (
	EncodingUTF8    = "utf-8"
	EncodingUTF8BOM = "utf-8-bom" // UTF-8 with a byte order mark
	EncodingUTF16LE = "utf-16le"  // with a byte order mark
	EncodingUTF16BE = "utf-16be"  // with a byte order mark
	EncodingGB18030 = "gb18030"   // also GBK and GB2312, which it extends
	EncodingBig5    = "big5"
)

// decode turns raw bytes into UTF-8 text, detecting the encoding. It
// returns ErrEmpty, ErrBinary or ErrEncoding (wrapped in a *ParseError with
// the position where it applies) when the bytes are not usable text.
func decode(name string, data []byte) (string, string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", "", &ParseError{Name: name, Err: ErrEmpty}
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		if !utf8.Valid(data[3:]) {
			return "", "", invalidUTF8(name, data[3:])
		}
		return checkText(name, string(data[3:]), EncodingUTF8BOM)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		enc, label := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), EncodingUTF16LE
		if data[0] == 0xFE {
			enc, label = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), EncodingUTF16BE
		}
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
			return "", "", &ParseError{Name: name, Err: fmt.Errorf("%w: malformed %s", ErrEncoding, label)}
		}
		return checkText(name, string(out), label)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", "", &ParseError{Name: name, Line: lineAt(data, bytes.IndexByte(data, 0)), Err: fmt.Errorf("%w: NUL byte", ErrBinary)}
	}
	if utf8.Valid(data) {
		return checkText(name, string(data), EncodingUTF8)
	}
	// Not UTF-8: try the Chinese legacy encodings, preferring a declared one.
	declared := declaredCharset(data)
	type candidate struct {
		label string
		enc   encoding.Encoding
	}
	cands := []candidate{{EncodingGB18030, simplifiedchinese.GB18030}, {EncodingBig5, traditionalchinese.Big5}}
	bestScore, best, bestText := -1.0, "", ""
	for _, c := range cands {
		out, err := c.enc.NewDecoder().Bytes(data)
		if err != nil {
			continue
		}
		text := string(out)
		han, common, bad := hanStats(text)
		if c.label == declared && bad == 0 && han > 0 {
			return checkText(name, text, c.label)
		}
		if han == 0 || bad*100 > han {
			continue
		}
		score := float64(common-4*bad) / float64(han)
		if score > bestScore {
			bestScore, best, bestText = score, c.label, text
		}
	}
	// Real Chinese prose has well over half of its characters among the
	// common ones; a wrong decoding of the same bytes has few.
	if best != "" && bestScore >= 0.5 {
		return checkText(name, bestText, best)
	}
	return "", "", invalidUTF8(name, data)
}

// invalidUTF8 reports the first invalid UTF-8 sequence in data.
func invalidUTF8(name string, data []byte) error {
	i := 0
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	return &ParseError{Name: name, Line: lineAt(data, i),
		Err: fmt.Errorf("%w: invalid UTF-8 at byte %d, and not GB18030 or Big5 text", ErrEncoding, i)}
}

// checkText rejects decoded text that is mostly control characters, which
// is what binary data looks like once decoded.
func checkText(name, text, label string) (string, string, error) {
	ctl, n := 0, 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c&0xC0 != 0x80 {
			n++ // a rune starts here
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' || c == 0x7F {
			ctl++
			if ctl > 8 && ctl*100 > n {
				return "", "", &ParseError{Name: name, Line: 1 + strings.Count(text[:i], "\n"),
					Err: fmt.Errorf("%w: control characters", ErrBinary)}
			}
		}
	}
	if strings.TrimSpace(text) == "" {
		return "", "", &ParseError{Name: name, Err: ErrEmpty}
	}
	return text, label, nil
}

// declaredCharset looks for charset=… (HTML meta, XML declaration) near the
// start of data and returns the matching encoding label, or "".
func declaredCharset(data []byte) string {
	head := bytes.ToLower(data[:min(len(data), 4096)])
	for _, key := range [][]byte{[]byte("charset="), []byte("encoding=")} {
		i := bytes.Index(head, key)
		if i < 0 {
			continue
		}
		v := bytes.TrimLeft(head[i+len(key):], "\"' ")
		end := bytes.IndexAny(v, "\"'; >/\n")
		if end >= 0 {
			v = v[:end]
		}
		switch string(v) {
		case "gbk", "gb2312", "gb18030", "cp936", "x-gbk", "euc-cn", "windows-936":
			return EncodingGB18030
		case "big5", "big5-hkscs", "cp950", "x-big5":
			return EncodingBig5
		}
	}
	return ""
}

// hanStats counts Han characters, those among the common ones, and
// replacement characters (decoding errors) in text.
func hanStats(text string) (han, common, bad int) {
	set := commonSet()
	for _, r := range text {
		switch {
		case r == utf8.RuneError:
			bad++
		case r >= 0x3400 && r <= 0x9FFF || r >= 0x20000 && r <= 0x3134F:
			han++
			if r <= 0xFFFF && set[r>>6]&(1<<(r&63)) != 0 {
				common++
			}
		}
	}
	return han, common, bad
}

var commonSet = sync.OnceValue(func() *[1 << 10]uint64 {
	var set [1 << 10]uint64
	for _, r := range commonHan {
		if r <= 0xFFFF {
			set[r>>6] |= 1 << (r & 63)
		}
	}
	return &set
})

func lineAt(data []byte, i int) int { return 1 + bytes.Count(data[:min(i, len(data))], []byte("\n")) }
