package source

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"time"
)

// maxWARCHeader limits the header block of one WARC record.
const maxWARCHeader = 1 << 20

// readWARC reads a WARC file (already decompressed when it was gzipped,
// record by record or whole). HTTP response records with an HTML payload
// become articles; other records are skipped. A record cut short ends the
// file with ErrTruncated; the articles before it have been yielded.
func (r *reader) readWARC(br *bufio.Reader) {
	limit := r.opts.maxRecordBytes()
	for rec := 1; ; rec++ {
		if r.cancelled() {
			return
		}
		hdr, err := readWARCHeader(br)
		if err == io.EOF {
			return
		}
		if err != nil {
			r.fail(0, rec, err)
			return
		}
		n, err := strconv.ParseInt(strings.TrimSpace(hdr.Get("Content-Length")), 10, 64)
		if err != nil || n < 0 {
			r.fail(0, rec, fmt.Errorf("%w WARC: bad Content-Length %q", ErrMalformed, hdr.Get("Content-Length")))
			return
		}
		if !isHTTPResponse(hdr) || n > limit {
			if _, err := io.CopyN(io.Discard, br, n); err != nil {
				r.fail(0, rec, truncated(err))
				return
			}
			if n > limit && isHTTPResponse(hdr) && !r.fail(0, rec, tooLarge(n, limit)) {
				return
			}
			continue
		}
		block := make([]byte, n)
		if _, err := io.ReadFull(br, block); err != nil {
			r.fail(0, rec, truncated(err))
			return
		}
		a, ok, err := r.warcArticle(hdr, block, rec)
		switch {
		case err != nil:
			if !r.fail(0, rec, err) {
				return
			}
		case ok:
			if !r.emit(a) {
				return
			}
		}
	}
}

// truncated reports a record cut short.
func truncated(err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return fmt.Errorf("%w: record ends early", ErrTruncated)
	}
	return streamError(err)
}

// readWARCHeader reads the version line and the named fields of a record,
// skipping the blank lines that end the previous one. It returns io.EOF at
// a clean end of input.
func readWARCHeader(br *bufio.Reader) (textproto.MIMEHeader, error) {
	var version string
	for {
		line, err := br.ReadSlice('\n')
		if err == io.EOF && len(bytes.TrimSpace(line)) == 0 {
			return nil, io.EOF
		}
		if err != nil && err != io.EOF {
			if err == bufio.ErrBufferFull {
				return nil, fmt.Errorf("%w WARC: line too long where a record should start", ErrMalformed)
			}
			return nil, truncated(err)
		}
		if s := strings.TrimSpace(string(line)); s != "" {
			version = s
			break
		}
		if err == io.EOF {
			return nil, io.EOF
		}
	}
	if !strings.HasPrefix(version, "WARC/") {
		return nil, fmt.Errorf("%w WARC: record starts with %.40q, not WARC/", ErrMalformed, version)
	}
	hdr := textproto.MIMEHeader{}
	size := 0
	var last string
	for {
		line, err := br.ReadSlice('\n')
		size += len(line)
		if err != nil {
			if err == bufio.ErrBufferFull || size > maxWARCHeader {
				return nil, fmt.Errorf("%w WARC: header too long", ErrMalformed)
			}
			return nil, truncated(err)
		}
		if size > maxWARCHeader {
			return nil, fmt.Errorf("%w WARC: header too long", ErrMalformed)
		}
		s := strings.TrimRight(string(line), "\r\n")
		if s == "" {
			return hdr, nil
		}
		if (s[0] == ' ' || s[0] == '\t') && last != "" { // continuation line
			v := hdr[last]
			v[len(v)-1] += " " + strings.TrimSpace(s)
			continue
		}
		name, value, ok := strings.Cut(s, ":")
		if !ok {
			return nil, fmt.Errorf("%w WARC: header line %.60q has no colon", ErrMalformed, s)
		}
		last = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(name))
		hdr.Add(last, strings.TrimSpace(value))
	}
}

// isHTTPResponse reports whether a WARC record holds an HTTP response.
func isHTTPResponse(h textproto.MIMEHeader) bool {
	if !strings.EqualFold(h.Get("Warc-Type"), "response") {
		return false
	}
	ct := strings.ToLower(h.Get("Content-Type"))
	return ct == "" || strings.HasPrefix(ct, "application/http")
}

// warcArticle parses the HTTP response in a record and extracts its page.
// ok is false for records that are not articles (not 2xx, not HTML).
func (r *reader) warcArticle(hdr textproto.MIMEHeader, block []byte, rec int) (Article, bool, error) {
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(block)), nil)
	if err != nil {
		return Article{}, false, fmt.Errorf("%w HTTP response: %v", ErrMalformed, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return Article{}, false, nil
	}
	ct := resp.Header.Get("Content-Type")
	if ct != "" && !isHTMLType(ct) {
		return Article{}, false, nil
	}
	var body io.Reader = resp.Body
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		gz, err := gzip.NewReader(body)
		if err != nil {
			return Article{}, false, fmt.Errorf("%w: gzip body: %v", ErrMalformed, err)
		}
		body = gz
	case "deflate":
		// Servers send either zlib-wrapped or raw deflate.
		raw, err := io.ReadAll(io.LimitReader(body, int64(len(block))))
		if err != nil {
			return Article{}, false, truncated(err)
		}
		if zr, err := zlib.NewReader(bytes.NewReader(raw)); err == nil {
			body = zr
		} else {
			body = flate.NewReader(bytes.NewReader(raw))
		}
	default:
		return Article{}, false, fmt.Errorf("%w: Content-Encoding %q", ErrUnsupported, enc)
	}
	data, err := readAll(body, r.opts.maxRecordBytes())
	if err != nil {
		return Article{}, false, fmt.Errorf("HTTP body: %w", err)
	}
	if ct == "" && !isHTMLType(http.DetectContentType(data)) {
		return Article{}, false, nil
	}
	uri := strings.Trim(hdr.Get("Warc-Target-Uri"), "<> ")
	p, err := extractHTML(data, uri, ct, r.opts)
	if err != nil {
		return Article{}, false, err
	}
	a := Article{
		URL: uri, Source: p.Site, Title: p.Title, Authors: p.Authors,
		Published: p.Published, HasTime: p.HasTime, Text: p.Text,
		Origin: fmt.Sprintf("%s#%d", r.origin, rec), Format: "warc",
	}
	if a.Published.IsZero() {
		if t, err := time.Parse(time.RFC3339Nano, hdr.Get("Warc-Date")); err == nil {
			a.Published, a.HasTime = t, true
		}
	}
	return a, true, nil
}

// isHTMLType reports whether a Content-Type is HTML or XHTML.
func isHTMLType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}
