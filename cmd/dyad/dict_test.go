package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDictImport(t *testing.T) {
	// An invented PETRARCH actor dictionary and agents dictionary.
	dir := t.TempDir()
	actorsFile := filepath.Join(dir, "my.actors.txt")
	agentsFile := filepath.Join(dir, "my.agents.txt")
	if err := os.WriteFile(actorsFile, []byte("NORA_VALE_\n+PRESIDENT_VALE\n\t[ARDGOV 20100101-20141231]\n\t[ARDELI >150101]\nARDENIA_ [ARD]\nBAD_ [ARDGOV 2010]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(agentsFile, []byte("!PERSON! = MAN, WOMAN\nSPOKES!PERSON! [~GOV]\nTROOPS {} [~MIL]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	stdout, stderr, code := runDyad(t, "", "dict", "import", "--format", "petrarch", "--out", out, actorsFile, agentsFile)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "total: 2 actors, 2 date-restricted codes, 2 agents, 1 errors") {
		t.Errorf("summary: %s", stdout)
	}
	if !strings.Contains(stderr, "my.actors.txt:6:") {
		t.Errorf("error without file:line: %s", stderr)
	}
	b, err := os.ReadFile(filepath.Join(out, "people", "petrarch-my-actors.txt"))
	if err != nil || !strings.Contains(string(b), "ARDGOV | other | | 2010-01-01 | 2014-12-31") {
		t.Errorf("people file: %v\n%s", err, b)
	}
	if _, _, code := runDyad(t, "", "dict", "import", "--strict", "--out", out, actorsFile); code != 1 {
		t.Errorf("--strict with a bad line: exit %d, want 1", code)
	}
	if _, _, code := runDyad(t, "", "dict", "import", "--format", "tabari", "--out", out, actorsFile); code == 0 {
		t.Error("unknown format accepted")
	}
}

func TestDictResolve(t *testing.T) {
	stdout, stderr, code := runDyad(t, "", "dict", "resolve", "the Kremlin", "Ukrainian troops", "--date", "2025-03-31")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var codes []string
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var a struct{ Code string }
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		codes = append(codes, a.Code)
	}
	if strings.Join(codes, " ") != "RUSGOV UKRMIL" {
		t.Errorf("codes %v, want RUSGOV UKRMIL", codes)
	}
	if _, _, code := runDyad(t, "", "dict", "resolve", "Xyzzy Plugh"); code != 1 {
		t.Errorf("unknown name: exit %d, want 1", code)
	}
}
