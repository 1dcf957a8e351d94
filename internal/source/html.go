package source

import (
	"bytes"
	"fmt"
	nurl "net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// minHTMLWords is the fewest words an extracted page must have: below it,
// go-trafilatura has found navigation or boilerplate, not an article.
const minHTMLWords = 10

// page is what main-text extraction finds in one HTML page.
type page struct {
	Title     string
	Authors   []string
	Site      string
	URL       string
	Published time.Time
	HasTime   bool
	Text      string
}

// extractHTML finds the main text and metadata of an HTML page with
// go-trafilatura. pageURL and contentType may be empty. The page is decoded
// with its declared charset (byte order mark, Content-Type, <meta>), UTF-8 or
// Windows-1252 otherwise.
func extractHTML(data []byte, pageURL, contentType string, opts *Options) (page, error) {
	data, err := decodeHTML(data, contentType)
	if err != nil {
		return page{}, err
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return page{}, fmt.Errorf("%w HTML: %v", ErrMalformed, err)
	}
	wrapLooseText(root, 0)
	topts := trafilatura.Options{
		EnableFallback:  opts.HTMLFallback,
		ExcludeComments: true,
		Focus:           trafilatura.Balanced,
		// Fast date search (no dateparser), with the time of day when the
		// page gives one.
		HtmlDateOptions: &htmldate.Options{
			UseOriginalDate:     true,
			SkipExtensiveSearch: !opts.HTMLFallback,
			ExtractTime:         true,
			URL:                 pageURL,
		},
	}
	if pageURL != "" {
		if u, err := nurl.ParseRequestURI(pageURL); err == nil {
			topts.OriginalURL = u
		}
	}
	res, err := trafilatura.ExtractDocument(root, topts)
	if err != nil {
		return page{}, fmt.Errorf("%w: no main text found: %v", ErrEmpty, err)
	}
	p := page{
		Title: cleanLine(res.Metadata.Title),
		Site:  cleanLine(res.Metadata.Sitename),
		URL:   pageURL,
		Text:  dropTitle(paragraphs(res.ContentNode), cleanLine(res.Metadata.Title)),
	}
	if p.URL == "" {
		p.URL = res.Metadata.URL
	}
	for _, a := range strings.Split(res.Metadata.Author, ";") {
		if a = cleanLine(a); a != "" {
			p.Authors = append(p.Authors, a)
		}
	}
	if d := res.Metadata.Date; !d.IsZero() {
		p.Published = d
		// go-htmldate gives midnight UTC when the page has only a day.
		p.HasTime = d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0
	}
	if n := len(strings.Fields(p.Text)); n < minHTMLWords {
		return page{}, fmt.Errorf("%w: no main text found (%d words)", ErrEmpty, n)
	}
	return p, nil
}

// dropTitle removes a first paragraph that repeats the title (the page's
// <h1>), as the title has its own field.
func dropTitle(text, title string) string {
	if title == "" {
		return text
	}
	first, rest, _ := strings.Cut(text, "\n\n")
	if strings.EqualFold(strings.Join(strings.Fields(first), " "), title) {
		return rest
	}
	return text
}

// decodeHTML converts a page to valid UTF-8.
func decodeHTML(data []byte, contentType string) ([]byte, error) {
	if i := bytes.IndexByte(data, 0); i >= 0 && !bytes.HasPrefix(data, bomUTF16LE) && !bytes.HasPrefix(data, bomUTF16BE) {
		return nil, fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	enc, name, _ := charset.DetermineEncoding(data, contentType)
	if name != "utf-8" && !isASCII(data) {
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("%w: cannot decode %s: %v", ErrInvalidUTF8, name, err)
		}
		data = out
	}
	data = bytes.TrimPrefix(data, bomUTF8)
	return bytes.ToValidUTF8(data, []byte("\uFFFD")), nil
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// cleanLine collapses white space in a one-line field and makes it valid UTF-8.
func cleanLine(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
}

// paragraphs renders an HTML tree as text: one paragraph per block element
// (p, headings, list items, quotes, table rows, ...) separated by "\n\n",
// <br> as a line break inside a paragraph, white space collapsed, scripts
// and styles skipped.
func paragraphs(n *html.Node) string {
	if n == nil {
		return ""
	}
	var pb paraBuilder
	pb.walk(n, 0)
	pb.flush()
	return strings.Join(pb.paras, "\n\n")
}

// maxDepth bounds the recursion on pathological trees.
const maxDepth = 512

type paraBuilder struct {
	paras []string
	cur   strings.Builder
}

func (p *paraBuilder) walk(n *html.Node, depth int) {
	if depth > maxDepth {
		return
	}
	if n.Type == html.ElementNode && n.DataAtom == 0 {
		// go-trafilatura builds its result nodes with Data only.
		n.DataAtom = atom.Lookup([]byte(n.Data))
	}
	switch n.Type {
	case html.TextNode:
		p.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe,
			atom.Object, atom.Embed, atom.Svg, atom.Math, atom.Head, atom.Select, atom.Button:
			return
		case atom.Br:
			p.cur.WriteByte('\n')
			return
		case atom.Td, atom.Th:
			p.cur.WriteByte(' ')
		}
		if n.Data == "lb" { // trafilatura's own line break
			p.cur.WriteByte('\n')
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && isBlock(n)
	if block {
		p.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.walk(c, depth+1)
	}
	if block {
		p.flush()
	}
}

// flush ends the current paragraph: each line gets its white space
// collapsed, empty lines go.
func (p *paraBuilder) flush() {
	if p.cur.Len() == 0 {
		return
	}
	s := p.cur.String()
	p.cur.Reset()
	var lines []string
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			lines = append(lines, line)
		}
	}
	if len(lines) > 0 {
		p.paras = append(p.paras, strings.ToValidUTF8(strings.Join(lines, "\n"), "\uFFFD"))
	}
}

func isBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Caption,
		atom.Dd, atom.Details, atom.Dialog, atom.Div, atom.Dl, atom.Dt, atom.Fieldset,
		atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3,
		atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup, atom.Hr, atom.Li, atom.Main,
		atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section, atom.Summary, atom.Table,
		atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr, atom.Ul, atom.Html:
		return true
	}
	switch n.Data { // trafilatura's internal tags, in case any survive
	case "head", "list", "item", "quote", "row":
		return true
	}
	return false
}

// htmlFragmentText renders a fragment of HTML (a feed entry's content) as
// paragraphs. Text without any tag is normalised as plain text, keeping its
// blank-line paragraph breaks.
func htmlFragmentText(s string) string {
	if !strings.ContainsRune(s, '<') {
		return normalizeText(strings.ToValidUTF8(html.UnescapeString(s), "\uFFFD"))
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{
		Type: html.ElementNode, Data: "body", DataAtom: atom.Body,
	})
	if err != nil {
		return ""
	}
	var pb paraBuilder
	for _, n := range nodes {
		pb.walk(n, 0)
	}
	pb.flush()
	return strings.Join(pb.paras, "\n\n")
}

// wrapLooseText puts text that sits directly in a container between <br>
// line breaks ("text<br><br>more text") into <p> elements, one per run
// split by two or more <br>. go-trafilatura drops such text before the
// first <br>; with paragraphs it keeps all of it.
func wrapLooseText(n *html.Node, depth int) {
	if depth > maxDepth {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			wrapLooseText(c, depth+1)
		}
	}
	if n.Type != html.ElementNode || !hasLooseTextAndBr(n) {
		return
	}
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Td, atom.Body, atom.Span, atom.Font, atom.Center:
	default:
		return
	}
	var kids []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		kids = append(kids, c)
	}
	for _, c := range kids {
		n.RemoveChild(c)
	}
	var para *html.Node
	brs := 0 // <br> seen since the last content
	var pending []*html.Node
	closePara := func() {
		para, brs, pending = nil, 0, nil
	}
	for _, c := range kids {
		switch {
		case c.Type == html.ElementNode && c.DataAtom == atom.Br:
			brs++
			pending = append(pending, c)
			continue
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
			pending = append(pending, c)
			continue
		case c.Type == html.ElementNode && isBlock(c):
			closePara()
			n.AppendChild(c)
			continue
		case c.Type != html.TextNode && c.Type != html.ElementNode:
			n.AppendChild(c)
			continue
		}
		if brs >= 2 {
			closePara()
		}
		if para == nil {
			para = &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
			n.AppendChild(para)
			pending = nil
		}
		for _, pn := range pending {
			para.AppendChild(pn)
		}
		pending, brs = nil, 0
		para.AppendChild(c)
	}
}

// hasLooseTextAndBr reports whether n has a <br> child and a child text
// node that is not white space.
func hasLooseTextAndBr(n *html.Node) bool {
	br, text := false, false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && c.DataAtom == atom.Br:
			br = true
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			text = true
		}
	}
	return br && text
}
