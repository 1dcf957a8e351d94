# Quality gates, sourced by .ci/run with $dyad, $data, $eval, $work and the
# gate function set. Each issue appends its gate; thresholds are the issue's
# floors.
