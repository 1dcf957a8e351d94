package source

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Size limits and timeouts used when Options leaves them zero.
const (
	// DefaultMaxBytes limits an input read whole (a text or HTML file, a
	// feed document, a page fetched from a URL): 64 MiB.
	DefaultMaxBytes = 64 << 20
	// DefaultMaxRecordBytes limits one record of a streamed input (a JSON
	// line, a WARC record, a page fetched for a feed entry): 10 MiB.
	DefaultMaxRecordBytes = 10 << 20
	// DefaultTimeout is the timeout of the HTTP client used when
	// Options.HTTPClient is nil.
	DefaultTimeout = 30 * time.Second
)

// userAgent identifies dyad to the servers it fetches feeds and pages from.
const userAgent = "dyad/0.1 (+https://github.com/dyad-news/dyad)"

// Options control reading. The zero value is ready to use.
type Options struct {
	// MaxBytes limits an input that is read whole (text, HTML, a feed
	// document, a fetched URL), after decompression; 0 means
	// DefaultMaxBytes. Streamed inputs (JSON Lines, WARC) may be of any
	// size: their records are limited by MaxRecordBytes.
	MaxBytes int64
	// MaxRecordBytes limits one JSON line, one WARC record or one page
	// fetched for a feed entry; 0 means the smaller of MaxBytes (when set)
	// and DefaultMaxRecordBytes.
	MaxRecordBytes int64
	// Follow makes feeds fetch each entry's link and extract the page as
	// HTML, falling back to the entry's own content when that fails.
	Follow bool
	// HTTPClient fetches URLs; nil means a client with DefaultTimeout.
	HTTPClient *http.Client
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
	// HTMLFallback switches on go-trafilatura's fallback extractors
	// (go-readability and go-domdistiller) and its extensive date search:
	// sometimes more text on odd pages, at several times the cost.
	HTMLFallback bool
}

func (o *Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

func (o *Options) maxRecordBytes() int64 {
	switch {
	case o.MaxRecordBytes > 0:
		return o.MaxRecordBytes
	case o.MaxBytes > 0 && o.MaxBytes < DefaultMaxRecordBytes:
		return o.MaxBytes
	}
	return DefaultMaxRecordBytes
}

func (o *Options) client() *http.Client {
	if o.HTTPClient != nil {
		return o.HTTPClient
	}
	return defaultClient
}

var defaultClient = &http.Client{Timeout: DefaultTimeout}

// Read reads every article of one input. The format is detected from the
// content (gzip, WARC, JSON Lines, RSS/Atom, HTML, plain text), the file
// extension only breaking ties. A bad record yields a zero Article and an
// *Error and reading goes on where the format allows it (the next JSON line,
// WARC record or feed entry); a problem with the input as a whole (missing,
// too large, truncated compression) ends it after one error. Articles read
// before a truncation are kept.
//
// With Options.Follow, a feed entry whose page cannot be fetched yields the
// fetch error and then the article made from the entry's own content.
//
// Read stops early when ctx is cancelled, yielding the context's error.
func Read(ctx context.Context, in Input, opts Options) iter.Seq2[Article, error] {
	return func(yield func(Article, error) bool) {
		r := &reader{ctx: ctx, in: in, opts: &opts, origin: in.Path, yield: yield}
		r.run()
	}
}

// reader holds the state of one Read.
type reader struct {
	ctx    context.Context
	in     Input
	opts   *Options
	origin string
	yield  func(Article, error) bool
	// stopped is set once yield returned false.
	stopped bool
}

// emit passes an article on, filling the fields every reader sets.
func (r *reader) emit(a Article) bool {
	if r.stopped {
		return false
	}
	if a.ID == "" {
		a.ID = ID(a.Text)
	}
	if a.Language == "" {
		a.Language = detectLanguage(a.Text)
	}
	if !r.yield(a, nil) {
		r.stopped = true
	}
	return !r.stopped
}

// fail passes an error on; it returns false when reading must stop.
func (r *reader) fail(line, record int, err error) bool {
	if r.stopped {
		return false
	}
	var se *Error
	if !errors.As(err, &se) {
		err = &Error{Origin: r.origin, Line: line, Record: record, Err: err}
	}
	if !r.yield(Article{}, err) {
		r.stopped = true
	}
	return !r.stopped
}

// cancelled reports (once) a cancelled context.
func (r *reader) cancelled() bool {
	if err := r.ctx.Err(); err != nil {
		r.fail(0, 0, err)
		r.stopped = true
		return true
	}
	return false
}

func isURL(p string) bool {
	return strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://")
}

func (r *reader) run() {
	if r.cancelled() {
		return
	}
	if isURL(r.in.Path) {
		r.readURL()
		return
	}
	var src io.Reader
	switch r.in.Path {
	case "-":
		r.origin = "stdin"
		src = r.opts.Stdin
		if src == nil {
			src = os.Stdin
		}
	default:
		f, err := os.Open(r.in.Path)
		if err != nil {
			r.fail(0, 0, pathError(err))
			return
		}
		defer f.Close()
		src = f
	}
	br := bufio.NewReaderSize(src, 32<<10)
	head, err := br.Peek(512)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		r.fail(0, 0, err)
		return
	}
	if len(head) == 0 {
		r.fail(0, 0, fmt.Errorf("%w: no bytes", ErrEmpty))
		return
	}
	compressed := isGzip(head)
	if compressed {
		gz, err := gzip.NewReader(br)
		if err != nil {
			r.fail(0, 0, streamError(err))
			return
		}
		defer gz.Close()
		br = bufio.NewReaderSize(gz, 32<<10)
		head, err = br.Peek(512)
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			r.fail(0, 0, streamError(err))
			return
		}
		if len(head) == 0 {
			r.fail(0, 0, fmt.Errorf("%w: no bytes after decompression", ErrEmpty))
			return
		}
	}
	switch {
	case bytes.HasPrefix(head, []byte("WARC/")):
		r.readWARC(br)
		return
	case looksJSONL(head) && !textExt(r.in.Path):
		r.readJSONL(br)
		return
	}
	limit := r.opts.maxBytes()
	if r.in.Size > limit && !compressed {
		r.fail(0, 0, tooLarge(r.in.Size, limit))
		return
	}
	hint := int64(0)
	if !compressed {
		hint = r.in.Size
	}
	data, err := readAllHint(br, limit, hint)
	if err != nil {
		r.fail(0, 0, err)
		return
	}
	r.readDocument(data, "", "")
}

// readDocument reads an input held whole in memory: a feed, an HTML page or
// a plain text. pageURL and contentType come from HTTP when it was fetched.
func (r *reader) readDocument(data []byte, pageURL, contentType string) {
	switch sniffDocument(data, r.in.Path, contentType) {
	case kindFeed:
		r.readFeed(data)
	case kindHTML:
		r.readHTML(data, pageURL, contentType)
	case kindJSONL:
		r.readJSONL(bufio.NewReader(bytes.NewReader(data)))
	case kindWARC:
		r.readWARC(bufio.NewReader(bytes.NewReader(data)))
	default:
		r.readText(data)
	}
}

// readHTML reads one HTML page.
func (r *reader) readHTML(data []byte, pageURL, contentType string) {
	p, err := extractHTML(data, pageURL, contentType, r.opts)
	if err != nil {
		r.fail(0, 0, err)
		return
	}
	r.emit(Article{
		URL: p.URL, Source: p.Site, Title: p.Title, Authors: p.Authors,
		Published: p.Published, HasTime: p.HasTime, Text: p.Text,
		Origin: r.origin, Format: "html",
	})
}

// readText reads a plain-text article.
func (r *reader) readText(data []byte) {
	s, err := decodeText(data)
	if err != nil {
		r.fail(0, 0, err)
		return
	}
	text := normalizeText(s)
	if text == "" {
		r.fail(0, 0, fmt.Errorf("%w: only white space", ErrEmpty))
		return
	}
	title, body := splitTitle(text)
	r.emit(Article{Title: title, Text: body, Origin: r.origin, Format: "text"})
}

// readURL fetches a URL and reads it as a feed or a page.
func (r *reader) readURL() {
	data, ct, err := fetch(r.ctx, r.opts.client(), r.in.Path, r.opts.maxBytes())
	if err != nil {
		r.fail(0, 0, err)
		return
	}
	if len(bytes.TrimSpace(data)) == 0 {
		r.fail(0, 0, fmt.Errorf("%w: empty response", ErrEmpty))
		return
	}
	if isGzip(data) {
		// A .gz served as is (Content-Encoding is handled by net/http).
		gz, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			r.fail(0, 0, streamError(err))
			return
		}
		data, err = readAll(gz, r.opts.maxBytes())
		if err != nil {
			r.fail(0, 0, err)
			return
		}
		ct = ""
	}
	r.readDocument(data, r.in.Path, ct)
}

// fetch GETs a URL and returns at most limit bytes of its body.
func fetch(ctx context.Context, client *http.Client, url string, limit int64) ([]byte, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, "", fmt.Errorf("%w: %v", ErrFetch, err)
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5")
	resp, err := client.Do(req)
	if err != nil {
		return nil, "", fmt.Errorf("%w: %v", ErrFetch, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, "", fmt.Errorf("%w: %s: HTTP %s", ErrFetch, url, resp.Status)
	}
	if resp.ContentLength > limit {
		return nil, "", tooLarge(resp.ContentLength, limit)
	}
	data, err := readAll(resp.Body, limit)
	if err != nil {
		return nil, "", err
	}
	return data, resp.Header.Get("Content-Type"), nil
}

// readAll reads r to its end, failing with ErrTooLarge beyond limit bytes.
func readAll(r io.Reader, limit int64) ([]byte, error) {
	return readAllHint(r, limit, 0)
}

// readAllHint is readAll with the expected size, when known (> 0), to
// allocate once.
func readAllHint(r io.Reader, limit, hint int64) ([]byte, error) {
	var buf bytes.Buffer
	if hint > 0 && hint <= limit {
		buf.Grow(int(hint) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	data := buf.Bytes()
	if err != nil {
		return nil, streamError(err)
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(-1, limit)
	}
	return data, nil
}

// tooLarge builds the ErrTooLarge message; size is -1 when unknown.
func tooLarge(size, limit int64) error {
	if size >= 0 {
		return fmt.Errorf("%w: %d bytes, limit %d bytes (%s)", ErrTooLarge, size, limit, humanBytes(limit))
	}
	return fmt.Errorf("%w: more than the limit of %d bytes (%s)", ErrTooLarge, limit, humanBytes(limit))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}

// streamError maps the errors of a cut stream to ErrTruncated and gzip's
// format errors to ErrMalformed.
func streamError(err error) error {
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%w: unexpected end of input", ErrTruncated)
	case errors.Is(err, gzip.ErrHeader), errors.Is(err, gzip.ErrChecksum):
		return fmt.Errorf("%w gzip: %v", ErrMalformed, err)
	}
	var ce flate.CorruptInputError
	if errors.As(err, &ce) {
		return fmt.Errorf("%w gzip: %v", ErrMalformed, err)
	}
	return err
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// kind is a detected input format.
type kind int

const (
	kindText kind = iota
	kindHTML
	kindFeed
	kindJSONL
	kindWARC
)

// looksJSONL reports whether a stream starts with a JSON object.
func looksJSONL(head []byte) bool {
	head = bytes.TrimPrefix(head, bomUTF8)
	head = bytes.TrimLeft(head, " \t\r\n")
	return len(head) > 0 && head[0] == '{'
}

// sniffDocument tells feeds, HTML and plain text apart by their first
// kilobytes; the extension and Content-Type only decide unclear cases.
func sniffDocument(data []byte, name, contentType string) kind {
	if bytes.HasPrefix(data, []byte("WARC/")) {
		return kindWARC
	}
	if looksJSONL(data) && !textExt(name) {
		return kindJSONL
	}
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = bytes.TrimPrefix(head, bomUTF8)
	head = bytes.ToLower(bytes.TrimLeft(head, " \t\r\n"))
	ext := strings.ToLower(filepath.Ext(name))
	ct := strings.ToLower(contentType)
	if len(head) == 0 || head[0] != '<' {
		if ext == ".html" || ext == ".htm" || ext == ".xhtml" || strings.Contains(ct, "html") {
			if bytes.Contains(head, []byte("<p")) || bytes.Contains(head, []byte("<div")) || bytes.Contains(head, []byte("<html")) {
				return kindHTML
			}
		}
		return kindText
	}
	htmlAt := indexAny(head, "<html", "<!doctype html", "<head", "<body")
	feedAt := indexAny(head, "<rss", "<feed", "<rdf:rdf")
	switch {
	case feedAt >= 0 && (htmlAt < 0 || feedAt < htmlAt):
		return kindFeed
	case htmlAt >= 0:
		return kindHTML
	case ext == ".txt" || ext == ".text":
		return kindText
	case indexAny(head, "<p", "<div", "<meta", "<title", "<article", "<br", "<span", "<h1", "<a ", "<!--") >= 0,
		ext == ".html", ext == ".htm", ext == ".xhtml", strings.Contains(ct, "html"):
		return kindHTML
	}
	return kindText
}

// textExt reports whether a file name says plain text or HTML, so that a
// text starting with "{" is not taken for JSON Lines.
func textExt(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".html", ".htm", ".xhtml":
		return true
	}
	return false
}

// indexAny returns the first position of any of the needles, or -1.
func indexAny(s []byte, needles ...string) int {
	best := -1
	for _, n := range needles {
		if i := bytes.Index(s, []byte(n)); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}
