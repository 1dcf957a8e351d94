package source

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestExpand(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"a.txt":              "alpha",
		"sub/b.html":         "<p>beta</p>",
		"sub/deeper/c.jsonl": `{"text":"gamma"}`,
		".hidden.txt":        "skip me",
		".git/config":        "skip me too",
		"sub/.cache/d.txt":   "and me",
	}
	for name, data := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(root, "a.txt"), filepath.Join(root, "sub", "link.txt")); err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(root, "locked")
	if err := os.Mkdir(locked, 0o000); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	missing := filepath.Join(root, "missing.txt")

	ins, errs := Expand(context.Background(), []string{
		root, "-", "https://example.org/feed.xml", missing, filepath.Join(root, ".hidden.txt"),
	})
	want := []Input{
		{Path: filepath.Join(root, "a.txt"), Size: 5},
		{Path: filepath.Join(root, "sub/b.html"), Size: 11},
		{Path: filepath.Join(root, "sub/deeper/c.jsonl"), Size: 16},
		{Path: filepath.Join(root, "sub/link.txt"), Size: 5},
		{Path: "-", Size: -1},
		{Path: "https://example.org/feed.xml", Size: -1},
		{Path: filepath.Join(root, ".hidden.txt"), Size: 7}, // named explicitly
	}
	if diff := cmp.Diff(want, ins); diff != "" {
		t.Errorf("inputs (-want +got):\n%s", diff)
	}
	wantErrs := []struct {
		origin string
		is     error
	}{
		{missing, fs.ErrNotExist},
	}
	if os.Geteuid() != 0 { // root reads any directory
		wantErrs = append([]struct {
			origin string
			is     error
		}{{locked, fs.ErrPermission}}, wantErrs...)
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors %v, want %d", errs, len(wantErrs))
	}
	for i, w := range wantErrs {
		var se *Error
		if !errors.As(errs[i], &se) || se.Origin != w.origin || !errors.Is(errs[i], w.is) {
			t.Errorf("error %d = %v, want %s wrapping %v", i, errs[i], w.origin, w.is)
		}
	}
}

func TestExpandCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ins, errs := Expand(ctx, []string{"testdata"})
	if len(ins) != 0 || len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("got %v, %v", ins, errs)
	}
}
