package perceptron

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/dyad-news/dyad/internal/hugemem"
)

const magic = "dyad-perceptron-1\n"

// ErrFormat is wrapped by every *FormatError.
var ErrFormat = errors.New("bad perceptron model")

// FormatError reports a model stream that cannot be read: what was being
// read and why.
type FormatError struct {
	What string
	Err  error
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("perceptron model: reading %s: %v", e.What, e.Err)
}

// Unwrap returns ErrFormat and the underlying error.
func (e *FormatError) Unwrap() []error { return []error{ErrFormat, e.Err} }

// Save writes m in dyad's binary model format. The columns (keys, row
// lengths, classes, weights) are written one after another so that a
// general-purpose compressor finds the repetition.
func (m *Model) Save(w io.Writer) error {
	bw := bufio.NewWriter(w)
	var buf [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	bw.WriteString(magic)
	uv(uint64(len(m.Classes)))
	for _, c := range m.Classes {
		uv(uint64(len(c)))
		bw.WriteString(c)
	}
	uv(uint64(len(m.keys)))
	uv(uint64(len(m.cells)))
	for _, k := range m.keys {
		binary.LittleEndian.PutUint64(buf[:8], k)
		bw.Write(buf[:8])
	}
	for r := range m.keys {
		uv(uint64(len(m.rowCells(r))))
	}
	for _, c := range m.cells {
		uv(uint64(c.class & classMask))
	}
	for _, c := range m.cells {
		binary.LittleEndian.PutUint32(buf[:4], math.Float32bits(c.w))
		bw.Write(buf[:4])
	}
	return bw.Flush()
}

// byteReader is what Read needs: bytes one at a time for varints and blocks
// for the fixed-width columns.
type byteReader interface {
	io.Reader
	io.ByteReader
}

// Read reads a model written by Save.
func Read(r io.Reader) (*Model, error) {
	br, ok := r.(byteReader)
	if !ok {
		br = bufio.NewReaderSize(r, 1<<16)
	}
	fail := func(what string, err error) (*Model, error) {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, &FormatError{What: what, Err: err}
	}
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil {
		return fail("header", err)
	}
	if string(head) != magic {
		return fail("header", errors.New("not a dyad perceptron model"))
	}
	nc, err := binary.ReadUvarint(br)
	if err != nil {
		return fail("class count", err)
	}
	if nc == 0 || nc > MaxClasses {
		return fail("class count", fmt.Errorf("%d classes", nc))
	}
	m := &Model{Classes: make([]string, nc)}
	for i := range m.Classes {
		n, err := binary.ReadUvarint(br)
		if err != nil || n > 1<<10 {
			return fail("class name", errors.Join(err, fmt.Errorf("length %d", n)))
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return fail("class name", err)
		}
		m.Classes[i] = string(b)
	}
	rows, err := binary.ReadUvarint(br)
	if err != nil {
		return fail("row count", err)
	}
	cells, err := binary.ReadUvarint(br)
	if err != nil {
		return fail("weight count", err)
	}
	if rows > 1<<28 || cells >= 1<<31 || cells < rows {
		return fail("counts", fmt.Errorf("%d rows, %d weights", rows, cells))
	}
	raw := make([]byte, 8*rows)
	if _, err := io.ReadFull(br, raw); err != nil {
		return fail("keys", err)
	}
	rowKeys := make([]uint64, rows)
	for i := range rowKeys {
		rowKeys[i] = binary.LittleEndian.Uint64(raw[8*i:])
	}
	starts := make([]uint32, rows)
	total := uint64(0)
	for r := uint64(0); r < rows; r++ {
		n, err := binary.ReadUvarint(br)
		if err != nil {
			return fail("row lengths", err)
		}
		if n == 0 || n > nc {
			return fail("row lengths", fmt.Errorf("row of %d weights", n))
		}
		starts[r] = uint32(total)
		total += n
		if total > cells {
			return fail("row lengths", fmt.Errorf("rows hold more than %d weights", cells))
		}
	}
	if total != cells {
		return fail("row lengths", fmt.Errorf("rows hold %d weights, header says %d", total, cells))
	}
	m.cells = hugemem.Slice[cell](m, int(cells))
	for i := range m.cells {
		c, err := binary.ReadUvarint(br)
		if err != nil {
			return fail("classes", err)
		}
		if c >= nc {
			return fail("classes", fmt.Errorf("class %d of %d", c, nc))
		}
		m.cells[i].class = uint16(c)
	}
	raw = make([]byte, 4*cells)
	if _, err := io.ReadFull(br, raw); err != nil {
		return fail("weights", err)
	}
	for i := range m.cells {
		m.cells[i].w = math.Float32frombits(binary.LittleEndian.Uint32(raw[4*i:]))
	}
	for r := range starts {
		end := uint64(cells)
		if r+1 < len(starts) {
			end = uint64(starts[r+1])
		}
		m.cells[end-1].class |= lastCell
	}
	m.buildTable(rowKeys, starts)
	return m, nil
}
