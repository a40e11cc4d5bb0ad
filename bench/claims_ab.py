"""A/B of the claims pass between checkouts: is a change to the rules worth its cost?

    POLARS_MAX_THREADS=1 .venv/bin/python bench/claims_ab.py BASE_CHECKOUT NEW_CHECKOUT [...] \
        [--file bench/data/papers-100000-seed0/2026-01-01.txt] [--mb 64] [--cycles 4] [--repeats 3]

The shard (the first --mb MB of --file, cut at an entry boundary as `bench/profile_shard.py` cuts it) is
cleaned once with this checkout's `clean_entries` and written to a temporary Parquet file, so
every checkout gets the same input. Then each checkout's `transforms.normalize.attach_claims`
runs on it in its own process (`sys.path` = that checkout), best of --repeats, in ABBA order
(forward, then backward, --cycles times), so a machine that drifts slower or faster over the
run weighs on every checkout alike. Prints each checkout's best times, their median and its
change against the first checkout. A single run on this 2-core VM swings by +-3 %: read the
medians, and run it again before trusting a difference below ~2 %.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.profile_shard import byte_range  # noqa: E402
from flows.sources import decode_range, lines_frame  # noqa: E402
from transforms import normalize as N  # noqa: E402

TIMER = """
import sys, time
sys.path.insert(0, sys.argv[1])
import polars as pl
from transforms import normalize as N
cleaned = pl.read_parquet(sys.argv[2])
best = float("inf")
for _ in range(int(sys.argv[3])):
    start = time.perf_counter()
    N.attach_claims(cleaned.lazy()).collect(engine="in-memory")
    best = min(best, time.perf_counter() - start)
print(best)
"""


def cleaned_shard(path: Path, mb: float, out: Path) -> int:
    """Clean the first `mb` MB of `path` (to an entry boundary, as profile_shard cuts it) into `out`;
    its entry count."""
    start, end, first_line = byte_range(path, argparse.Namespace(mb=mb, exact=False))
    text = decode_range(str(path), start, end, first_line, path.name)
    cleaned = N.clean_entries(lines_frame(text, path.name, first_line)).collect(engine="in-memory")
    cleaned.write_parquet(out)
    return cleaned.height


def best_seconds(checkout: Path, shard: Path, repeats: int) -> float:
    run = subprocess.run([sys.executable, "-c", TIMER, str(checkout), str(shard), str(repeats)],
                         capture_output=True, text=True, check=True, cwd=checkout)
    return float(run.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkouts", nargs="+", type=Path)
    parser.add_argument("--file", type=Path, default=ROOT / "bench/data/papers-100000-seed0/2026-01-01.txt")
    parser.add_argument("--mb", type=float, default=64)
    parser.add_argument("--cycles", type=int, default=4)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    checkouts = [c.resolve() for c in args.checkouts]
    with tempfile.TemporaryDirectory() as tmp:
        shard = Path(tmp) / "cleaned.parquet"
        entries = cleaned_shard(args.file, args.mb, shard)
        print(f"{args.file.name}: first {args.mb:g} MB, {entries} entries; POLARS_MAX_THREADS={pl.thread_pool_size()}")
        times: dict[Path, list[float]] = {c: [] for c in checkouts}
        for _ in range(args.cycles):
            for checkout in checkouts + checkouts[::-1]:
                times[checkout].append(best_seconds(checkout, shard, args.repeats))
    base = statistics.median(times[checkouts[0]])
    for checkout in checkouts:
        runs = sorted(times[checkout])
        median = statistics.median(runs)
        print(f"{str(checkout):<40} median {median:.3f} s ({(median / base - 1) * 100:+.1f} %)  "
              f"best runs {' '.join(f'{t:.3f}' for t in runs)}")


if __name__ == "__main__":
    main()
