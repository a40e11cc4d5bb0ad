#!/bin/bash
# A/B timing of two commits on one input, alternating runs so that both see the same
# machine state (on a shared VM the speed drifts by 30 % within hours).
#
#   bench/compare.sh BASE_COMMIT [INPUT] [ROUNDS] [DAILY_INPUT]
#   bench/compare.sh HEAD~1 bench/data/papers-1000000-seed0/2026-01-01.txt 2
#   bench/compare.sh HEAD~1 bench/data/papers-1000000-seed0/2026-01-01.txt 1 \
#       bench/data/daily-100-after-1000000-seed0/2026-01-02.txt   # then a daily run on top
#
# BASE_COMMIT is checked out in a temporary git worktree; the working tree is the other
# side. Both run with this project's venv. Prints wall/CPU/peak RSS (/usr/bin/time) and the
# stage timings the run recorded.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
base=${1:?usage: bench/compare.sh BASE_COMMIT [INPUT] [ROUNDS]}
input=$(realpath "${2:-$root/bench/data/papers-100000-seed0/2026-01-01.txt}")
rounds=${3:-2}
daily=${4:+$(realpath "$4")}
export PREFECT_HOME=${PREFECT_HOME:-$root/.prefect} PREFECT_SERVER_ANALYTICS_ENABLED=false
worktree=$(mktemp -d /tmp/trending-compare-XXXXXX)
outputs=$(mktemp -d /tmp/trending-compare-out-XXXXXX)
trap 'git -C "$root" worktree remove --force "$worktree"; rm -rf "$outputs"' EXIT
git -C "$root" worktree add -q --detach "$worktree" "$base"
for round in $(seq "$rounds"); do
  for side in base current; do
    dir=$root; [ "$side" = base ] && dir=$worktree
    rm -rf "$outputs/$side"
    for source in "$input" ${daily:+"$daily"}; do
      label="$side $round"; [ "$source" = "$input" ] || label="$side $round daily"
      # python -c puts the current directory first on sys.path: each side runs its own code
      (cd "$dir" && /usr/bin/time -f "$label: %e s wall, %U s user, %S s sys, %M KB peak" \
        "$root/.venv/bin/python" -c "import sys; from flows.cli import main; sys.argv[0] = 'trending-papers'; main()" \
        run "$source" --output "$outputs/$side" 2>&1 >/dev/null | tail -1)
      tail -1 "$outputs/$side/runs.jsonl" | "$root/.venv/bin/python" -c "import json, sys; print('   ', json.load(sys.stdin)['timings'])"
    done
  done
done
