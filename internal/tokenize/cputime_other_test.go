//go:build !unix

package tokenize

import "time"

// cpuTime is not available here; benchmarks then report wall-clock figures
// only.
func cpuTime() time.Duration { return 0 }
