// Package source reads news articles from files, standard input and URLs
// into Article values: the first stage of dyad.
//
// Expand turns command-line paths into inputs (walking directories); Read
// yields the articles of one input. The format is detected from the content,
// the extension only breaking ties:
//
//   - plain text: UTF-8 (a few invalid bytes are repaired, a byte order mark
//     dropped, UTF-16 with a byte order mark decoded), CRLF made LF,
//     paragraphs kept as "\n\n"; a short first line standing alone is the
//     title;
//   - HTML: main text, title, authors, site name and date extracted with
//     go-trafilatura, paragraphs taken from its content tree; its fallback
//     extractors are off unless Options.HTMLFallback is set (about 400
//     against 260-310 news pages per CPU second, see BenchmarkReadHTML);
//   - JSON Lines: {"id","text","published","title","source","url"}, only
//     "text" required, one article per line; the text is kept verbatim, so
//     that offsets in dyad's records match the caller's own copy;
//   - RSS and Atom (gofeed), from a file or an http(s) URL, one article per
//     entry, optionally following each entry's link (Options.Follow);
//   - WARC and WARC.gz (Common Crawl CC-NEWS): HTTP responses with an HTML
//     payload, with WARC-Target-URI as URL and WARC-Date as the fallback
//     date.
//
// Any input may be gzipped. Problems come as *Error values that carry the
// origin, the line or record number and a sentinel (ErrEmpty, ErrBinary,
// ErrTooLarge, ErrMalformed, ErrTruncated, ErrInvalidUTF8, ErrUnsupported,
// ErrFetch) for errors.Is. A bad record never stops the records after it
// unless the format makes that impossible (a truncated gzip stream).
//
// Example:
//
//	ins, errs := source.Expand(ctx, []string{"news/", "https://example.org/rss"})
//	for _, err := range errs {
//		log.Print(err) // e.g. "news/missing.txt: stat: no such file or directory"
//	}
//	for _, in := range ins {
//		for art, err := range source.Read(ctx, in, source.Options{}) {
//			if err != nil {
//				log.Print(err) // e.g. "news.jsonl:12: malformed JSON: ..."
//				continue
//			}
//			fmt.Println(art.ID, art.Title, len(art.Text))
//		}
//	}
//
// Every article gets an ID (see ID) unless its input gave one, and a
// Language when it can be told with confidence.
package source
