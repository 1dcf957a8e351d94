package depparse

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// The model file is gzip-compressed:
//
//	"DYADDEP1"
//	uvarint #labels, then each label as uvarint length + bytes
//	uvarint #lexicon words, then their hashes in ascending order as uvarint
//	deltas, then each word's ambiguity class as a uvarint
//	uint32 LE: float32 bits of the quantisation scale
//	uvarint #features
//	the feature hashes in ascending order, as uvarint deltas
//	per feature: uvarint #entries, then per entry one class byte and an int16 LE
//
// A weight is its int16 times the scale; weights that quantise to zero are
// dropped.

const magic = "DYADDEP2"

// maxLabels bounds the label set so that a class fits in one byte.
const maxLabels = 127

// ErrModel is wrapped by every error about a malformed model file.
var ErrModel = errors.New("depparse: bad model file")

// ModelError reports a malformed model file and what was wrong.
type ModelError struct {
	What string
}

func (e *ModelError) Error() string { return "depparse: bad model file: " + e.What }

// Unwrap returns ErrModel.
func (e *ModelError) Unwrap() error { return ErrModel }

// Save writes the parser's model to w, gzip-compressed.
func (p *Parser) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	uv := func(x uint64) {
		n := binary.PutUvarint(buf[:], x)
		bw.Write(buf[:n])
	}
	m := p.m
	bw.WriteString(magic)
	uv(uint64(len(p.labels)))
	for _, l := range p.labels {
		uv(uint64(len(l)))
		bw.WriteString(l)
	}
	words := make([]uint64, 0, len(p.lex))
	for h := range p.lex {
		words = append(words, h)
	}
	slices.Sort(words)
	uv(uint64(len(words)))
	var prevW uint64
	for _, h := range words {
		uv(h - prevW)
		prevW = h
	}
	for _, h := range words {
		uv(uint64(p.lex[h]))
	}
	binary.Write(bw, binary.LittleEndian, math.Float32bits(m.scale))
	uv(uint64(len(m.keys)))
	var prev uint64
	for _, k := range m.keys {
		uv(k - prev)
		prev = k
	}
	for i := range m.keys {
		a, b := m.off[i], m.off[i+1]
		uv(uint64(b - a))
		for j := a; j < b; j++ {
			bw.WriteByte(m.cls[j])
			bw.WriteByte(byte(uint16(m.q[j])))
			bw.WriteByte(byte(uint16(m.q[j]) >> 8))
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Read decodes a model written by Save.
func Read(r io.Reader) (*Parser, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, &ModelError{What: err.Error()}
	}
	defer zr.Close()
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, &ModelError{What: err.Error()}
	}
	d := decoder{b: data}
	if string(d.bytes(len(magic))) != magic {
		return nil, &ModelError{What: "not a dyad parser model"}
	}
	nl := d.uv()
	if nl == 0 || nl > maxLabels {
		return nil, &ModelError{What: fmt.Sprintf("label count %d", nl)}
	}
	labels := make([]string, nl)
	for i := range labels {
		labels[i] = string(d.bytes(int(min(d.uv(), 256))))
	}
	nw := d.uv()
	if nw > uint64(len(d.b)) {
		return nil, &ModelError{What: fmt.Sprintf("lexicon size %d", nw)}
	}
	words := make([]uint64, nw)
	var prevW uint64
	for i := range words {
		prevW += d.uv()
		words[i] = prevW
	}
	lex := make(map[uint64]uint32, nw)
	for _, h := range words {
		lex[h] = uint32(d.uv())
	}
	sb := d.bytes(4)
	m := &model{}
	if len(sb) == 4 {
		m.scale = math.Float32frombits(binary.LittleEndian.Uint32(sb))
	}
	nf := d.uv()
	if nf > uint64(len(d.b)) {
		return nil, &ModelError{What: fmt.Sprintf("feature count %d", nf)}
	}
	m.keys = make([]uint64, nf)
	var prev uint64
	for i := range m.keys {
		prev += d.uv()
		if i > 0 && prev <= m.keys[i-1] {
			return nil, &ModelError{What: "feature hashes out of order"}
		}
		m.keys[i] = prev
	}
	nclass := 1 + 2*len(labels)
	m.off = make([]uint32, 1, nf+1)
	m.cls = make([]uint8, 0, (len(d.b)-d.i)/3)
	m.q = make([]int16, 0, (len(d.b)-d.i)/3)
	for range m.keys {
		n := d.uv()
		if n == 0 || n > uint64(nclass) {
			d.fail("row length")
			break
		}
		for j := uint64(0); j < n; j++ {
			e := d.bytes(3)
			if len(e) < 3 {
				break
			}
			if int(e[0]) >= nclass {
				d.fail(fmt.Sprintf("class %d out of range", e[0]))
			}
			m.cls = append(m.cls, e[0])
			m.q = append(m.q, int16(uint16(e[1])|uint16(e[2])<<8))
		}
		m.off = append(m.off, uint32(len(m.cls)))
	}
	if d.err == "" && d.i != len(d.b) {
		d.fail("trailing bytes")
	}
	if d.err != "" {
		return nil, &ModelError{What: d.err}
	}
	return newParser(labels, lex, m), nil
}

// decoder reads the uncompressed model, remembering the first error.
type decoder struct {
	b   []byte
	i   int
	err string
}

func (d *decoder) fail(what string) {
	if d.err == "" {
		d.err = fmt.Sprintf("%s at byte %d", what, d.i)
	}
}

func (d *decoder) uv() uint64 {
	x, n := binary.Uvarint(d.b[d.i:])
	if n <= 0 {
		d.fail("truncated number")
		return 0
	}
	d.i += n
	return x
}

func (d *decoder) bytes(n int) []byte {
	if n < 0 || d.i+n > len(d.b) {
		d.fail("truncated")
		d.i = len(d.b)
		return nil
	}
	b := d.b[d.i : d.i+n]
	d.i += n
	return b
}
