package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/dyad-news/dyad/internal/record"
)

// AnalysisStore keeps what the analysis found in each article: entities,
// quotes and events (migration 0002_analysis.sql).
type AnalysisStore interface {
	// PutAnalysis replaces the stored analysis of each record's article, in
	// one transaction. A record with Error set is stored as a failed
	// analysis with no rows.
	PutAnalysis(ctx context.Context, recs []record.Article) error
	// Unanalyzed returns stored articles (with their text) that have no
	// analysis yet, in the order they were stored, at most f.Limit of them.
	Unanalyzed(ctx context.Context, f Filter) ([]StoredArticle, error)
	// CountUnanalyzed counts the stored articles that have no analysis yet.
	CountUnanalyzed(ctx context.Context) (int, error)
	// ForgetAnalyses removes every stored analysis, so that all articles are
	// analysed again.
	ForgetAnalyses(ctx context.Context) error
	// Quotes returns stored quotes, newest articles first.
	Quotes(ctx context.Context, f QuoteFilter) ([]QuoteRow, error)
	// Events returns stored events, latest event dates first.
	Events(ctx context.Context, f EventFilter) ([]EventRow, error)
}

var _ AnalysisStore = (*SQLite)(nil)

// QuoteFilter selects quotes.
type QuoteFilter struct {
	// Speaker matches the resolved speaker's name or the mention (without
	// case, as a substring), or the speaker's actor code by prefix.
	Speaker string
	Filter
}

// QuoteRow is a stored quote with the article it came from.
type QuoteRow struct {
	ArticleID string
	Title     string
	Published string
	Quote     record.Quote
	// Context is the sentence (or sentences) holding the quote.
	Context string
}

// EventFilter selects events. Codes match by prefix ("RUS" matches RUSGOV).
type EventFilter struct {
	Source string    // a source actor code prefix
	Target string    // a target actor code prefix
	Root   string    // CAMEO root, two digits ("14")
	Since  time.Time // first event date included
	Until  time.Time // last event date included
	Limit  int
}

// EventRow is a stored event with the article it came from.
type EventRow struct {
	ArticleID string
	URL       string
	Title     string
	Published string
	Event     record.Event
	Sentence  string // the text of the sentence the event was coded from
}

// PutAnalysis stores the analysis of each record's article, replacing an
// earlier one.
func (s *SQLite) PutAnalysis(ctx context.Context, recs []record.Article) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	now := time.Now().UTC().Format(time.RFC3339)
	stmts := map[string]*sql.Stmt{}
	prep := func(q string) (*sql.Stmt, error) {
		if st, ok := stmts[q]; ok {
			return st, nil
		}
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return nil, err
		}
		stmts[q] = st
		return st, nil
	}
	exec := func(q string, args ...any) error {
		st, err := prep(q)
		if err != nil {
			return err
		}
		_, err = st.ExecContext(ctx, args...)
		return err
	}
	for _, r := range recs {
		for _, table := range []string{"entities", "quotes", "events"} {
			if err := exec("DELETE FROM "+table+" WHERE article_id = ?", r.ID); err != nil {
				return fmt.Errorf("article %s: %w", r.ID, err)
			}
		}
		if err := exec(`INSERT INTO analyses (article_id, analyzed_at, error) VALUES (?, ?, ?)
			ON CONFLICT (article_id) DO UPDATE SET analyzed_at = excluded.analyzed_at, error = excluded.error`, r.ID, now, r.Error); err != nil {
			return fmt.Errorf("article %s: %w (is it stored?)", r.ID, err)
		}
		for _, e := range r.Entities {
			var id, name, code, country, sector string
			if e.Actor != nil {
				id, name, code, country, sector = e.Actor.ID, e.Actor.Name, e.Actor.Code, e.Actor.Country, e.Actor.Sector
			}
			if err := exec(`INSERT INTO entities (article_id, start, end, text, type, actor_id, name, code, country, sector)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, e.Start, e.End, e.Text, e.Type, id, name, code, country, sector); err != nil {
				return err
			}
		}
		for i, q := range r.Quotes {
			js, err := json.Marshal(q)
			if err != nil {
				return err
			}
			var text, name, code string
			if q.Speaker != nil {
				text, name = q.Speaker.Text, q.Speaker.Name
				if q.Speaker.Actor != nil {
					code = q.Speaker.Actor.Code
				}
			}
			if err := exec(`INSERT INTO quotes (article_id, idx, start, end, kind, speaker_text, speaker_name, speaker_code, record)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, i, q.Start, q.End, q.Kind, text, name, code, string(js)); err != nil {
				return err
			}
		}
		for i, e := range r.Events {
			js, err := json.Marshal(e)
			if err != nil {
				return err
			}
			root := e.CAMEO
			if len(root) > 2 {
				root = root[:2]
			}
			if err := exec(`INSERT INTO events (article_id, idx, cameo, root, plover, quad, goldstein, source_codes, target_codes, date, negated, hypothetical, record)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, i, e.CAMEO, root, e.Plover.Event, e.Quad, e.Goldstein,
				codes(e.Source), codes(e.Target), e.Date, e.Negated, e.Hypothetical, string(js)); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}

// codes joins the actor codes of an event side with spaces, with a leading
// and trailing space so that " RUS" LIKE-matches any code's prefix.
func codes(as []record.EventActor) string {
	var b strings.Builder
	for _, a := range as {
		if a.Code != "" {
			b.WriteString(" " + a.Code)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return b.String() + " "
}

// likePrefix makes a LIKE pattern matching strings that start with p.
func likePrefix(p string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(p) + "%"
}

// Unanalyzed returns stored articles that have no analysis.
func (s *SQLite) Unanalyzed(ctx context.Context, f Filter) ([]StoredArticle, error) {
	where, args := f.where()
	cond := "NOT EXISTS (SELECT 1 FROM analyses n WHERE n.article_id = a.id)"
	if where != "" {
		cond += " AND " + where
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+articleColumns+`, a.text FROM articles a WHERE `+cond+` ORDER BY a.seq`+f.limit(), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var arts []StoredArticle
	for rows.Next() {
		a, err := scanArticle(rows, true)
		if err != nil {
			return nil, err
		}
		arts = append(arts, a)
	}
	return arts, rows.Err()
}

// CountUnanalyzed counts the stored articles that have no analysis.
func (s *SQLite) CountUnanalyzed(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles a
		WHERE NOT EXISTS (SELECT 1 FROM analyses n WHERE n.article_id = a.id)`).Scan(&n)
	return n, err
}

// ForgetAnalyses removes every stored analysis.
func (s *SQLite) ForgetAnalyses(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, table := range []string{"entities", "quotes", "events", "analyses"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Quotes returns the stored quotes that pass f.
func (s *SQLite) Quotes(ctx context.Context, f QuoteFilter) ([]QuoteRow, error) {
	where, args := f.Filter.where()
	conds := []string{"1"}
	if where != "" {
		conds = append(conds, where)
	}
	if f.Speaker != "" {
		conds = append(conds, `(q.speaker_name LIKE ? ESCAPE '\' OR q.speaker_text LIKE ? ESCAPE '\' OR q.speaker_code LIKE ? ESCAPE '\')`)
		sub := "%" + likePrefix(f.Speaker)
		args = append(args, sub, sub, likePrefix(strings.ToUpper(f.Speaker)))
	}
	rows, err := s.db.QueryContext(ctx, `SELECT q.article_id, a.title, a.published, q.record, a.text
		FROM quotes q JOIN articles a ON a.id = q.article_id
		WHERE `+strings.Join(conds, " AND ")+`
		ORDER BY substr(a.published, 1, 10) DESC, a.seq, q.idx`+f.limit(), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []QuoteRow
	for rows.Next() {
		var r QuoteRow
		var js, text string
		if err := rows.Scan(&r.ArticleID, &r.Title, &r.Published, &js, &text); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(js), &r.Quote); err != nil {
			return nil, fmt.Errorf("article %s: stored quote: %w", r.ArticleID, err)
		}
		start, end := r.Quote.Start, r.Quote.End
		if sp := r.Quote.Sentence; sp != nil {
			start, end = min(start, sp.Start), max(end, sp.End)
		}
		r.Context = runeSlice(text, start, end)
		out = append(out, r)
	}
	return out, rows.Err()
}

// Events returns the stored events that pass f.
func (s *SQLite) Events(ctx context.Context, f EventFilter) ([]EventRow, error) {
	conds := []string{"1"}
	var args []any
	if f.Source != "" {
		conds = append(conds, `e.source_codes LIKE ? ESCAPE '\'`)
		args = append(args, "% "+likePrefix(strings.ToUpper(f.Source)))
	}
	if f.Target != "" {
		conds = append(conds, `e.target_codes LIKE ? ESCAPE '\'`)
		args = append(args, "% "+likePrefix(strings.ToUpper(f.Target)))
	}
	if f.Root != "" {
		conds = append(conds, "e.root = ?")
		args = append(args, f.Root)
	}
	if !f.Since.IsZero() {
		conds = append(conds, "e.date >= ?")
		args = append(args, f.Since.Format(time.DateOnly))
	}
	if !f.Until.IsZero() {
		conds = append(conds, "e.date <> '' AND e.date <= ?")
		args = append(args, f.Until.Format(time.DateOnly))
	}
	limit := ""
	if f.Limit > 0 {
		limit = fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT e.article_id, a.url, a.title, a.published, e.record, a.text
		FROM events e JOIN articles a ON a.id = e.article_id
		WHERE `+strings.Join(conds, " AND ")+`
		ORDER BY e.date DESC, a.seq, e.idx`+limit, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []EventRow
	for rows.Next() {
		var r EventRow
		var js, text string
		if err := rows.Scan(&r.ArticleID, &r.URL, &r.Title, &r.Published, &js, &text); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(js), &r.Event); err != nil {
			return nil, fmt.Errorf("article %s: stored event: %w", r.ArticleID, err)
		}
		r.Sentence = runeSlice(text, r.Event.Sentence.Start, r.Event.Sentence.End)
		out = append(out, r)
	}
	return out, rows.Err()
}

// runeSlice returns the code points [start, end) of s, clamped to s.
func runeSlice(s string, start, end int) string {
	i, b0, b1 := 0, len(s), len(s)
	for bi := range s {
		if i == start {
			b0 = bi
		}
		if i == end {
			b1 = bi
			break
		}
		i++
	}
	if b0 > b1 {
		return ""
	}
	return s[b0:b1]
}
