package yunshi

import (
	"errors"
	"fmt"
	"time"
)

// A Date is a day of the Gregorian calendar, with no time of day and no time
// zone. The zero Date means "unknown". Dates are comparable with == and
// ordered by Compare.
type Date struct {
	Year  int        // four-digit year, e.g. 2013
	Month time.Month // 1..12
	Day   int        // 1..31
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// D returns the Date year-month-day, normalising out-of-range months and days
// the way time.Date does (D(2013, 2, 31) is 2013-03-03).
func D(year int, month time.Month, day int) Date {
	return DateOf(time.Date(year, month, day, 0, 0, 0, 0, time.UTC))
}

// ErrDateSyntax is returned by ParseDate for text that is not YYYY-MM-DD.
var ErrDateSyntax = errors.New("yunshi: date is not YYYY-MM-DD")

// ParseDate parses a date written as YYYY-MM-DD, YYYY-MM or YYYY; a missing
// month or day is taken as the first.
func ParseDate(s string) (Date, error) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return DateOf(t), nil
		}
	}
	return Date{}, fmt.Errorf("%w: %q", ErrDateSyntax, s)
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d names a real calendar day.
func (d Date) Valid() bool {
	return d.Month >= 1 && d.Month <= 12 && d.Day >= 1 && d.Day <= daysIn(d.Year, d.Month)
}

// String returns d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmpInt(d.Year, e.Year)
	case d.Month != e.Month:
		return cmpInt(int(d.Month), int(e.Month))
	default:
		return cmpInt(d.Day, e.Day)
	}
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// AddDays returns the date n days after d (before d if n is negative).
func (d Date) AddDays(n int) Date { return D(d.Year, d.Month, d.Day+n) }

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// MarshalText encodes d as YYYY-MM-DD; the zero Date encodes as empty text.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText decodes YYYY-MM-DD (or empty text, the zero Date).
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func daysIn(year int, m time.Month) int {
	if m < 1 || m > 12 {
		return 0
	}
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
