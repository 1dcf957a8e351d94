package source

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// readFeed reads an RSS or Atom document: one article per entry, with the
// feed's title as Source. With Options.Follow each entry's link is fetched
// and extracted as HTML.
func (r *reader) readFeed(data []byte) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		r.fail(0, 0, fmt.Errorf("%w feed: %v", ErrMalformed, err))
		return
	}
	site := cleanLine(feed.Title)
	for i, item := range feed.Items {
		if r.cancelled() {
			return
		}
		rec := i + 1
		a := Article{
			URL:    strings.TrimSpace(item.Link),
			Source: site,
			Title:  cleanLine(htmlFragmentText(item.Title)),
			Origin: fmt.Sprintf("%s#%d", r.origin, rec),
			Format: "feed",
		}
		for _, p := range item.Authors {
			if p == nil {
				continue
			}
			if n := cleanLine(p.Name); n != "" {
				a.Authors = append(a.Authors, n)
			} else if e := cleanLine(p.Email); e != "" {
				a.Authors = append(a.Authors, e)
			}
		}
		switch {
		case item.PublishedParsed != nil:
			a.Published, a.HasTime = feedDate(item.Published, *item.PublishedParsed)
		case item.UpdatedParsed != nil:
			a.Published, a.HasTime = feedDate(item.Updated, *item.UpdatedParsed)
		}
		content := item.Content
		if strings.TrimSpace(content) == "" {
			content = item.Description
		}
		a.Text = htmlFragmentText(content)

		if r.opts.Follow && isURL(a.URL) {
			p, err := r.followLink(a.URL)
			if err == nil {
				a.Text = p.Text
				if a.Title == "" {
					a.Title = p.Title
				}
				if len(a.Authors) == 0 {
					a.Authors = p.Authors
				}
				if a.Published.IsZero() {
					a.Published, a.HasTime = p.Published, p.HasTime
				}
			} else if !r.fail(0, rec, fmt.Errorf("following %s: %w", a.URL, err)) {
				return
			}
		}
		if a.Text == "" {
			if !r.fail(0, rec, fmt.Errorf("%w: entry %q has no content", ErrEmpty, a.Title)) {
				return
			}
			continue
		}
		if !r.emit(a) {
			return
		}
	}
}

// followLink fetches a feed entry's page and extracts its main text.
func (r *reader) followLink(url string) (page, error) {
	data, ct, err := fetch(r.ctx, r.opts.client(), url, r.opts.maxRecordBytes())
	if err != nil {
		return page{}, err
	}
	return extractHTML(data, url, ct, r.opts)
}

// feedDate re-reads a feed's date string to keep its zone (gofeed gives
// UTC); parsed, gofeed's reading, is used when the string is unusual.
func feedDate(s string, parsed time.Time) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if t, hasTime, err := parseDate(s); err == nil {
		return t, hasTime
	}
	for _, l := range []string{"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
		"2 Jan 2006 15:04:05 -0700", time.RFC822Z, time.RFC822} {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return parsed, !dateOnly(s)
}

// dateOnly reports whether a date string has no time of day ("2024-05-01").
func dateOnly(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) == len("2006-01-02") && s[4] == '-' && s[7] == '-'
}
