#!/usr/bin/env python3
"""Check a scorer's JSON result against thresholds.

usage: check.py NAME RESULT.json 'KEY>=VALUE' ...

KEY is a dotted path into the JSON object (e.g. Words.f1, per_label.PER.f1).
Prints one line per threshold and exits 1 when any is not met.
"""
import json
import sys


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    name, path, checks = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(path, encoding='utf-8') as f:
        res = json.load(f)
    failed = 0
    for c in checks:
        key, want = c.split('>=')
        v = res
        for part in key.split('.'):
            v = v[part]
        ok = float(v) >= float(want)
        failed += not ok
        print(f"gate {name}: {key} = {float(v):.3f} (need >= {want}) {'ok' if ok else 'FAILED'}")
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
