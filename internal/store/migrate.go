package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"time"
)

// migrationFiles holds every schema change of the SQLite store. A later
// stage that needs its own tables (entities, quotes, events, ...) adds the
// next numbered file here, for example migrations/0002_entities.sql; it is
// applied the next time any dyad command opens the database. Files are never
// edited once released: a change to an existing table is a new file.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// ErrSchemaTooNew is wrapped by the error Open returns when the database was
// written by a newer dyad that knows migrations this one does not.
var ErrSchemaTooNew = errors.New("database schema is newer than this dyad")

// Migration is one numbered schema change: a file NNNN_name.sql whose
// statements run in one transaction.
type Migration struct {
	Version int    // the number in the file name: 0001_articles.sql is 1
	Name    string // the file name, e.g. "0001_articles.sql"
	SQL     string // the statements, run as one script
}

// MigrationError reports a migration file that is badly named or numbered,
// or that failed to apply.
type MigrationError struct {
	Name string // file name
	Err  error
}

func (e *MigrationError) Error() string { return "migration " + e.Name + ": " + e.Err.Error() }

func (e *MigrationError) Unwrap() error { return e.Err }

var migrationName = regexp.MustCompile(`^([0-9]{4})_[a-z0-9_]+\.sql$`)

// Migrations returns the migrations embedded in dyad, in order.
func Migrations() ([]Migration, error) {
	sub, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	return ParseMigrations(sub)
}

// ParseMigrations reads the *.sql files at the root of fsys as migrations.
// Names must be NNNN_name.sql (lower case) and the numbers must run 1, 2, 3,
// ... without gaps or repeats, so that two stages adding the same number is
// caught by the tests rather than by a user's database.
func ParseMigrations(fsys fs.FS) ([]Migration, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	ms := make([]Migration, 0, len(names))
	for i, name := range names {
		m := migrationName.FindStringSubmatch(path.Base(name))
		if m == nil {
			return nil, &MigrationError{Name: name, Err: errors.New("name must be NNNN_lower_case.sql")}
		}
		v, _ := strconv.Atoi(m[1])
		if v != i+1 {
			return nil, &MigrationError{Name: name, Err: fmt.Errorf("number %d where %d was expected (numbers run 1, 2, 3 ... without gaps or repeats)", v, i+1)}
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, &MigrationError{Name: name, Err: err}
		}
		ms = append(ms, Migration{Version: v, Name: name, SQL: string(body)})
	}
	return ms, nil
}

const schemaVersionTable = `CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)`

// Migrate applies to db, in order, each migration of ms that the table
// schema_version does not list yet, each in its own transaction together with
// its schema_version row, so that a crash leaves the schema at a whole
// version. Running it again applies nothing. It returns how many migrations
// it applied. The transactions should take the write lock when they begin
// (Open's connections use BEGIN IMMEDIATE) so that two processes opening a
// new database at once do not both apply the same file.
func Migrate(ctx context.Context, db *sql.DB, ms []Migration) (applied int, err error) {
	if _, err := db.ExecContext(ctx, schemaVersionTable); err != nil {
		return 0, fmt.Errorf("create schema_version: %w", err)
	}
	current, err := schemaVersion(ctx, db)
	if err != nil {
		return 0, err
	}
	if len(ms) > 0 && current > ms[len(ms)-1].Version {
		return 0, fmt.Errorf("%w: the database is at version %d, this dyad knows up to %d", ErrSchemaTooNew, current, ms[len(ms)-1].Version)
	}
	for _, m := range ms {
		if m.Version <= current {
			continue
		}
		done, err := applyMigration(ctx, db, m)
		if err != nil {
			return applied, &MigrationError{Name: m.Name, Err: err}
		}
		if done {
			applied++
		}
	}
	return applied, nil
}

// applyMigration runs m unless another process applied it meanwhile, which it
// checks again inside the transaction.
func applyMigration(ctx context.Context, db *sql.DB, m Migration) (bool, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_version WHERE version = ?`, m.Version).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)`,
		m.Version, m.Name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

func schemaVersion(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int, error) {
	var v sql.NullInt64
	if err := q.QueryRowContext(ctx, `SELECT max(version) FROM schema_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema_version: %w", err)
	}
	return int(v.Int64), nil
}
