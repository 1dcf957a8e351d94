// Package shareddata locates the training and evaluation data that sit
// beside the repository in ../shared/data, for tests and training commands.
// Tests call Dir, which skips the test with a clear message when the data is
// absent, so that a fresh clone without it still passes go test ./... .
//
//	func TestAccuracy(t *testing.T) {
//		dev := shareddata.Dir(t, "ud-ewt", "en_ewt-ud-dev.conllu")
//		...
//	}
package shareddata

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Root returns the path of ../shared/data seen from the module root that
// contains the working directory.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared", "data"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("shareddata: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Path returns the path of parts under ../shared/data, or an error when it
// does not exist.
func Path(parts ...string) (string, error) {
	root, err := Root()
	if err != nil {
		return "", err
	}
	p := filepath.Join(append([]string{root}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		return "", err
	}
	return p, nil
}

// Dir returns the path of parts under ../shared/data, or skips tb with a
// message saying what is missing.
func Dir(tb testing.TB, parts ...string) string {
	tb.Helper()
	p, err := Path(parts...)
	if err != nil {
		tb.Skipf("skipping: shared data not available (%v); it sits in ../shared/data beside the repository", err)
	}
	return p
}
