package actors

import "testing"

func TestInstitution(t *testing.T) {
	for w, want := range map[string]bool{"government": true, "police": true, "officials": true, "president": false, "minister": false, "call": false} {
		if got := Institution(w); got != want {
			t.Errorf("Institution(%q) = %v, want %v", w, got, want)
		}
	}
}
