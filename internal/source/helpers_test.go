package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// collect reads an input to its end.
func collect(t testing.TB, in Input, opts Options) ([]Article, []error) {
	t.Helper()
	var arts []Article
	var errs []error
	for a, err := range Read(context.Background(), in, opts) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		arts = append(arts, a)
	}
	return arts, errs
}

// writeTemp writes data to a file called name in a temporary directory.
func writeTemp(t testing.TB, name string, data []byte) Input {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return Input{Path: p, Size: int64(len(data))}
}

// canonical renders an article as the text compared with golden files.
func canonical(a Article) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\n", a.Title)
	fmt.Fprintf(&b, "authors: %s\n", strings.Join(a.Authors, "; "))
	fmt.Fprintf(&b, "source: %s\n", a.Source)
	fmt.Fprintf(&b, "url: %s\n", a.URL)
	switch {
	case a.Published.IsZero():
		b.WriteString("published:\n")
	case a.HasTime:
		fmt.Fprintf(&b, "published: %s\n", a.Published.Format(time.RFC3339))
	default:
		fmt.Fprintf(&b, "published: %s (date only)\n", a.Published.Format("2006-01-02"))
	}
	fmt.Fprintf(&b, "language: %s\n", a.Language)
	fmt.Fprintf(&b, "format: %s\n", a.Format)
	fmt.Fprintf(&b, "id: %s\n", a.ID)
	b.WriteString("---\n")
	b.WriteString(a.Text)
	b.WriteString("\n")
	return b.String()
}

// warcRecord builds one WARC record; payload is the record block.
func warcRecord(typ, uri, date, contentType string, payload []byte) []byte {
	var b bytes.Buffer
	b.WriteString("WARC/1.0\r\n")
	fmt.Fprintf(&b, "WARC-Type: %s\r\n", typ)
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "WARC-Date: %s\r\n", date)
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\n", len(payload))
	if contentType != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", contentType)
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(payload))
	b.Write(payload)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// httpResponse builds an HTTP/1.1 response as stored in a WARC record.
func httpResponse(status, contentType string, headers string, body []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %s\r\n", status)
	if contentType != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", contentType)
	}
	b.WriteString(headers)
	if !strings.Contains(headers, "Transfer-Encoding") {
		fmt.Fprintf(&b, "Content-Length: %d\r\n", len(body))
	}
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}

// gzipMembers compresses each part as its own gzip member and concatenates
// them, as CC-NEWS WARC files are.
func gzipMembers(parts ...[]byte) []byte {
	var out bytes.Buffer
	for _, p := range parts {
		zw := gzip.NewWriter(&out)
		zw.Write(p)
		zw.Close()
	}
	return out.Bytes()
}

// moduleRoot finds the directory of go.mod above the package.
func moduleRoot(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Dir(file)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// bbcDir returns the BBC News folder of the shared data, skipping the test
// when it is absent.
func bbcDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(moduleRoot(t), "..", "shared", "data", "raw-news", "bbc")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("BBC News data not found at %s (see ../shared/data/README.md): %v", dir, err)
	}
	return dir
}

// newsPage wraps an article in a realistic page: header, navigation, ads,
// sidebar, comments, footer, scripts and metadata.
func newsPage(i int, title string, paras []string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>%[2]s - Daily Example News</title>
<meta property="og:title" content="%[2]s">
<meta property="og:site_name" content="Daily Example News">
<meta name="author" content="Staff Reporter %[1]d">
<meta property="article:published_time" content="2005-0%[3]d-1%[4]dT08:%[5]02d:00Z">
<link rel="canonical" href="https://news.example/story/%[1]d">
<link rel="stylesheet" href="/static/main.css">
<script>(function(){var d=document,s=d.createElement('script');s.src='/ads.js?slot=%[1]d';d.head.appendChild(s);})();</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"%[2]s","datePublished":"2005-0%[3]d-1%[4]dT08:%[5]02d:00Z"}</script>
<style>.nav{display:flex}.ad{min-height:250px}.sidebar{width:300px}</style>
</head><body>
<div class="cookie-consent">We use cookies. <button>Accept all</button> <button>Settings</button></div>
<header class="masthead"><a class="logo" href="/">Daily Example News</a>
<nav class="nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/politics">Politics</a></li><li><a href="/tech">Technology</a></li><li><a href="/sport">Sport</a></li><li><a href="/entertainment">Entertainment</a></li></ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form>
</header>
<div class="ad leaderboard"><a href="https://ads.example/click?id=%[1]d">Advertisement: Get 50%% off your first month of Example Broadband</a></div>
<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/news">News</a> &gt; Story</div>
<main><article class="story">
<h1>%[2]s</h1>
<div class="byline">By Staff Reporter %[1]d</div>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
<div class="story-body">
`, i, htmlEscape(title), 1+i%9, i%10, i%60)
	for j, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", htmlEscape(p))
		if j == 2 {
			b.WriteString(`<div class="ad inline"><span>Advertisement</span><iframe src="https://ads.example/frame"></iframe></div>` + "\n")
		}
	}
	b.WriteString(`</div>
<div class="tags"><a href="/tag/news">News</a> <a href="/tag/uk">UK</a></div>
</article>
<aside class="sidebar"><h3>Most popular</h3><ol>
<li><a href="/s/1">Markets slip as oil prices climb again</a></li>
<li><a href="/s/2">Film festival unveils this year's line-up</a></li>
<li><a href="/s/3">New phone sales beat forecasts</a></li>
<li><a href="/s/4">Cup final tickets sell out in an hour</a></li>
<li><a href="/s/5">Ministers meet unions over pensions</a></li></ol>
<div class="newsletter"><h3>Sign up for our newsletter</h3><form><input type="email"><button>Subscribe</button></form></div>
</aside>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><span class="user">reader42</span><p>Interesting piece, thanks for writing it.</p></div>
<div class="comment"><span class="user">jb_1970</span><p>I don't agree with any of this, frankly.</p></div>
<div class="comment"><span class="user">anon</span><p>First!</p></div>
</section></main>
<footer class="site-footer"><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/cookies">Cookies</a></li><li><a href="/terms">Terms of use</a></li></ul>
<p>Copyright 2005 Daily Example News. All rights reserved.</p></footer>
<script src="/static/analytics.js"></script><script>window.trackPage && trackPage();</script>
</body></html>
`)
	return b.Bytes()
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
