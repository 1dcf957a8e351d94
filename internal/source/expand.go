package source

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Input is one thing to read: a file, "-" for standard input, or an http(s)
// URL (a feed or a page).
type Input struct {
	Path string
	// Size is the file size in bytes, -1 when unknown (standard input, URLs).
	Size int64
}

// Expand turns command-line paths into inputs: files as they are,
// directories walked recursively in lexical order (hidden files and
// directories, whose names start with ".", are skipped), "-" and URLs kept.
// Each path that cannot be used (missing, unreadable, not a regular file)
// yields one *Error and the others go on. Symbolic links to files are
// followed; inside directories, links to directories are not.
func Expand(ctx context.Context, paths []string) ([]Input, []error) {
	var ins []Input
	var errs []error
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			errs = append(errs, &Error{Origin: p, Err: err})
			break
		}
		if p == "-" || isURL(p) {
			ins = append(ins, Input{Path: p, Size: -1})
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &Error{Origin: p, Err: pathError(err)})
			continue
		}
		switch {
		case fi.Mode().IsRegular():
			ins = append(ins, Input{Path: p, Size: fi.Size()})
		case fi.IsDir():
			ins, errs = walkDir(ctx, p, ins, errs)
		default:
			errs = append(errs, &Error{Origin: p, Err: fmt.Errorf("%w: not a regular file (%s)", ErrUnsupported, fi.Mode().Type())})
		}
	}
	return ins, errs
}

// walkDir adds the regular files under root.
func walkDir(ctx context.Context, root string, ins []Input, errs []error) ([]Input, []error) {
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if err != nil {
			errs = append(errs, &Error{Origin: path, Err: pathError(err)})
			if d != nil && d.IsDir() && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		fi, err := os.Stat(path) // follows a link to a file
		if err != nil {
			errs = append(errs, &Error{Origin: path, Err: pathError(err)})
			return nil
		}
		if fi.Mode().IsRegular() {
			ins = append(ins, Input{Path: path, Size: fi.Size()})
		}
		return nil
	})
	if err != nil {
		errs = append(errs, &Error{Origin: root, Err: err})
	}
	return ins, errs
}

// pathError drops the *fs.PathError wrapper, whose path *Error already
// gives, keeping fs.ErrNotExist and fs.ErrPermission visible to errors.Is.
func pathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
