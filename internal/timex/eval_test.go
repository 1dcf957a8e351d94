package timex

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The gold corpora live beside the repository in ../shared/data; they are
// read for measurement only and never copied into the repository.
var dataDir = filepath.Join("..", "..", "..", "shared", "data")

// goldTimex is one gold TIMEX3: a byte span of the document text and a value.
type goldTimex struct {
	start, end int
	typ, value string
}

// goldDoc is one evaluation document.
type goldDoc struct {
	name string
	text string
	ref  time.Time
	gold []goldTimex
	skip [][2]int // spans whose predictions are not scored (the dateline)
}

var attrRE = regexp.MustCompile(`(\w+)="([^"]*)"`)

func attrs(s string) map[string]string {
	m := map[string]string{}
	for _, a := range attrRE.FindAllStringSubmatch(s, -1) {
		m[a[1]] = a[2]
	}
	return m
}

func parseDCT(v string) (time.Time, bool) {
	if len(v) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", v[:10])
	return t, err == nil
}

var entities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'")

// loadTimeML reads a TempEval-3 .tml file: the text inside <TEXT>, the
// TIMEX3 spans in it, and the creation time.
func loadTimeML(path string) (goldDoc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return goldDoc{}, err
	}
	src := string(b)
	d := goldDoc{name: filepath.Base(path)}
	if m := regexp.MustCompile(`<TIMEX3 ([^>]*functionInDocument="CREATION_TIME"[^>]*)>`).FindStringSubmatch(src); m != nil {
		if t, ok := parseDCT(attrs(m[1])["value"]); ok {
			d.ref = t
		}
	}
	if d.ref.IsZero() {
		return d, fmt.Errorf("%s: no creation time", path)
	}
	a := strings.Index(src, "<TEXT>")
	z := strings.Index(src, "</TEXT>")
	if a < 0 || z < a {
		return d, fmt.Errorf("%s: no TEXT element", path)
	}
	body := src[a+len("<TEXT>") : z]
	var out strings.Builder
	var open *goldTimex
	for i := 0; i < len(body); {
		if body[i] == '&' {
			if k := strings.IndexByte(body[i:], ';'); k > 0 && k < 8 {
				out.WriteString(entities.Replace(body[i : i+k+1]))
				i += k + 1
				continue
			}
		}
		if body[i] != '<' {
			out.WriteByte(body[i])
			i++
			continue
		}
		k := strings.IndexByte(body[i:], '>')
		if k < 0 {
			return d, fmt.Errorf("%s: unclosed tag", path)
		}
		tag := body[i+1 : i+k]
		i += k + 1
		switch {
		case strings.HasPrefix(tag, "TIMEX3 "):
			at := attrs(tag)
			open = &goldTimex{start: out.Len(), typ: at["type"], value: at["value"]}
		case tag == "/TIMEX3" && open != nil:
			open.end = out.Len()
			d.gold = append(d.gold, *open)
			open = nil
		}
	}
	d.text = out.String()
	return d, nil
}

var (
	mtTokenRE = regexp.MustCompile(`<token [^>]*?number="\d+" sentence="(\d+)" t_id="(\d+)"[^>]*>([^<]*)</token>`)
	mtTimexRE = regexp.MustCompile(`(?s)<TIMEX3 ([^>]*[^/])>(.*?)</TIMEX3>`)
	mtAnchRE  = regexp.MustCompile(`t_id="(\d+)"`)
)

// loadMeantime reads a MEANTIME CAT XML file: tokens joined by spaces (one
// line per sentence), TIMEX3 markables over token ids, and the DCT.
func loadMeantime(path string) (goldDoc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return goldDoc{}, err
	}
	src := string(b)
	d := goldDoc{name: filepath.Base(path)}
	type span struct{ s, e int }
	pos := map[string]span{}
	var out strings.Builder
	lastSent := ""
	for _, m := range mtTokenRE.FindAllStringSubmatch(src, -1) {
		if n, _ := strconv.Atoi(m[1]); n > 5 {
			// Only the title, the dateline and the first four sentences
			// of each article are annotated.
			continue
		}
		if out.Len() > 0 {
			if m[1] != lastSent {
				out.WriteByte('\n')
			} else {
				out.WriteByte(' ')
			}
		}
		lastSent = m[1]
		form := entities.Replace(m[3])
		pos[m[2]] = span{out.Len(), out.Len() + len(form)}
		out.WriteString(form)
	}
	d.text = out.String()
	for _, m := range mtTimexRE.FindAllStringSubmatch(src, -1) {
		at := attrs(m[1])
		ids := mtAnchRE.FindAllStringSubmatch(m[2], -1)
		if len(ids) == 0 {
			continue
		}
		g := goldTimex{start: 1 << 30, typ: at["type"], value: at["value"]}
		for _, id := range ids {
			sp, ok := pos[id[1]]
			if !ok {
				continue
			}
			g.start = min(g.start, sp.s)
			g.end = max(g.end, sp.e)
		}
		if g.end == 0 {
			continue
		}
		if at["functionInDocument"] == "CREATION_TIME" {
			if t, ok := parseDCT(at["value"]); ok {
				d.ref = t
			}
			d.skip = append(d.skip, [2]int{g.start, g.end})
			continue
		}
		d.gold = append(d.gold, g)
	}
	sort.Slice(d.gold, func(i, j int) bool { return d.gold[i].start < d.gold[j].start })
	if d.ref.IsZero() {
		return d, fmt.Errorf("%s: no DCT", path)
	}
	return d, nil
}

// scores counts matches for precision, recall and F1.
type scores struct {
	gold, pred                  int
	strict, relaxed, value, typ int
}

func prf(c, pred, gold int) (p, r, f float64) {
	if pred > 0 {
		p = float64(c) / float64(pred)
	}
	if gold > 0 {
		r = float64(c) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return 100 * p, 100 * r, 100 * f
}

// score compares predictions with gold in one document; errs collects lines
// for error analysis.
func (sc *scores) score(d goldDoc, pred []Expr, errs *strings.Builder) {
	var kept []Expr
	for _, p := range pred {
		skip := false
		for _, sp := range d.skip {
			if p.Start < sp[1] && sp[0] < p.End {
				skip = true
			}
		}
		if !skip {
			kept = append(kept, p)
		}
	}
	sc.gold += len(d.gold)
	sc.pred += len(kept)
	used := make([]bool, len(kept))
	for _, g := range d.gold {
		found := -1
		for i, p := range kept {
			if !used[i] && p.Start < g.end && g.start < p.End {
				found = i
				break
			}
		}
		if found < 0 {
			if errs != nil {
				fmt.Fprintf(errs, "MISS\t%s\t%q\t%s\t%s\n", d.name, d.text[g.start:g.end], g.typ, g.value)
			}
			continue
		}
		used[found] = true
		p := kept[found]
		sc.relaxed++
		if p.Start == g.start && p.End == g.end {
			sc.strict++
		} else if errs != nil {
			fmt.Fprintf(errs, "SPAN\t%s\t%q\t%q\n", d.name, d.text[g.start:g.end], p.Text)
		}
		if string(p.Type) == g.typ {
			sc.typ++
		}
		if p.Value == g.value {
			sc.value++
		} else if errs != nil {
			fmt.Fprintf(errs, "VALUE\t%s\t%q\t%q\t%s\tgold=%s\tgot=%s\tref=%s\t%q\n", d.name, d.text[g.start:g.end], p.Text, g.typ, g.value, p.Value, d.ref.Format("2006-01-02 Mon"), context(d.text, g.start, g.end))
		}
	}
	for i, p := range kept {
		if !used[i] && errs != nil {
			fmt.Fprintf(errs, "FALSE\t%s\t%q\t%s\t%s\n", d.name, p.Text, p.Type, p.Value)
		}
	}
}

// context returns the text around [s, e) on one line, for error listings.
func context(text string, s, e int) string {
	a, b := max(0, s-90), min(len(text), e+60)
	return strings.Join(strings.Fields(text[a:s]+"[["+text[s:e]+"]]"+text[e:b]), " ")
}

func (sc *scores) report(t *testing.T, name string) (valueF1 float64) {
	sp, sr, sf := prf(sc.strict, sc.pred, sc.gold)
	rp, rr, rf := prf(sc.relaxed, sc.pred, sc.gold)
	vp, vr, vf := prf(sc.value, sc.pred, sc.gold)
	tp, tr, tf := prf(sc.typ, sc.pred, sc.gold)
	t.Logf("%s: %d gold, %d predicted", name, sc.gold, sc.pred)
	t.Logf("%s span strict:          P %.1f R %.1f F1 %.1f", name, sp, sr, sf)
	t.Logf("%s span relaxed:         P %.1f R %.1f F1 %.1f", name, rp, rr, rf)
	t.Logf("%s type (relaxed span):  P %.1f R %.1f F1 %.1f", name, tp, tr, tf)
	t.Logf("%s value (relaxed span): P %.1f R %.1f F1 %.1f", name, vp, vr, vf)
	return vf
}

// TestTempEvalFigures measures span and value F1 on TempEval-3 TBAQ and on
// MEANTIME. Set TIMEX_ERRORS=file to write every miss, false alarm and
// wrong value there for error analysis.
func TestTempEvalFigures(t *testing.T) {
	tbaq := filepath.Join(dataDir, "tempeval3", "TBAQ-cleaned")
	mt := filepath.Join(dataDir, "meantime", "intra-doc_annotation")
	if _, err := os.Stat(tbaq); err != nil {
		t.Skipf("TempEval-3 data not found at %s (it lives in ../shared/data beside the repository)", tbaq)
	}
	var errs *strings.Builder
	if os.Getenv("TIMEX_ERRORS") != "" {
		errs = &strings.Builder{}
	}
	files, _ := filepath.Glob(filepath.Join(tbaq, "*", "*.tml"))
	if len(files) == 0 {
		t.Skipf("no .tml files under %s", tbaq)
	}
	var sc scores
	for _, f := range files {
		d, err := loadTimeML(f)
		if err != nil {
			t.Fatal(err)
		}
		sc.score(d, Find(d.text, d.ref, Unknown), errs)
	}
	tbaqF1 := sc.report(t, "TBAQ")

	var mtF1 float64
	mfiles, _ := filepath.Glob(filepath.Join(mt, "*", "*.xml"))
	if len(mfiles) > 0 {
		var ms scores
		noDCT := 0
		for _, f := range mfiles {
			d, err := loadMeantime(f)
			if err != nil {
				noDCT++ // two articles lack an annotated DCT
				continue
			}
			ms.score(d, Find(d.text, d.ref, Unknown), errs)
		}
		mtF1 = ms.report(t, "MEANTIME")
		t.Logf("MEANTIME: %d articles without a DCT left out", noDCT)
	} else {
		t.Logf("MEANTIME not found under %s; skipped", mt)
	}
	if errs != nil {
		if err := os.WriteFile(os.Getenv("TIMEX_ERRORS"), []byte(errs.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Floors a little below the figures reached, so regressions fail.
	if floor := tbaqFloor; tbaqF1 < floor {
		t.Errorf("TBAQ value F1 %.1f below floor %.1f", tbaqF1, floor)
	}
	if floor := meantimeFloor; len(mfiles) > 0 && mtF1 < floor {
		t.Errorf("MEANTIME value F1 %.1f below floor %.1f", mtF1, floor)
	}
}

// Value F1 floors, a little below the measured figures.
const (
	tbaqFloor     = 77.0
	meantimeFloor = 75.0
)
