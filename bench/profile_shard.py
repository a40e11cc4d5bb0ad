"""Per-step throughput of one shard's normalize + claims, in-process.

Runs what `flows.shards.normalize_shard` runs on a byte range of a snapshot: decode,
lines, then `transforms.normalize.clean_entries` ("normalize") and
`transforms.normalize.attach_claims` ("claims"). Each step of `clean_entries`
(`transforms.normalize.CLEAN_STEPS`) and of claims is collected on its own from the
previous step's collected frame, for the breakdown; then the whole thing is run fused, the
way `normalize_shard` runs it (`clean_entries(lines).collect(engine="in-memory")`, then
`attach_claims(cleaned.lazy()).collect(engine="in-memory")`; --engine to try another). MB/s is the input bytes over each step's
seconds (best of --repeats); `cpu s` is the process CPU time of the step (all threads,
median), a steadier number than the clock on a shared machine. Set POLARS_MAX_THREADS=1 to
see the cost of one thread (a shard's share when shards run two at a time on two cores).

    .venv/bin/python bench/profile_shard.py bench/data/papers-100000-seed0/2026-01-01.txt --mb 64
    .venv/bin/python bench/profile_shard.py FILE --start 0 --end 67108864 --repeats 5
    .venv/bin/python bench/profile_shard.py raw/2026-11-26.txt --write-ref /tmp/ref-sample.parquet
    .venv/bin/python bench/profile_shard.py FILE --mb 64 --check-ref /tmp/ref-64.parquet --no-steps

The range is moved to entry boundaries (a title line after an abstract line, what
`flows.shards.scan` cuts at) unless --exact. --write-ref / --check-ref write the fused
output to Parquet / compare it with such a file (polars.testing.assert_frame_equal).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.shards import _entry_boundary  # noqa: E402
from flows.sources import decode_range, lines_frame, read_lines  # noqa: E402
from transforms import claims as C  # noqa: E402
from transforms import normalize as N  # noqa: E402


def byte_range(path: Path, args: argparse.Namespace) -> tuple[int, int, int]:
    """(start, end, first_line) of the shard to run."""
    size = path.stat().st_size
    if args.mb is not None:
        start, end = 0, min(size, int(args.mb * 1024 * 1024))
    else:
        start, end = args.start, min(size, args.end if args.end is not None else size)
    if not args.exact:
        if start > 0:
            start = _entry_boundary(path, start, size) or size
        if end < size:
            end = _entry_boundary(path, end, size) or size
    if start >= end:
        raise SystemExit(f"empty range [{start}, {end})")
    with open(path, "rb") as handle:
        first_line = 1
        remaining = start
        while remaining > 0:
            chunk = handle.read(min(remaining, 16 << 20))
            first_line += chunk.count(b"\n")
            remaining -= len(chunk)
    return start, end, first_line


def best_of(repeats: int, run: Callable[[], object]) -> tuple[float, float, float, object]:
    """(best wall seconds, median wall seconds, median CPU seconds of all threads, last result)."""
    seconds, cpu, result = [], [], None
    for _ in range(repeats):
        result = None
        start, cpu_start = time.perf_counter(), time.process_time()
        result = run()
        seconds.append(time.perf_counter() - start)
        cpu.append(time.process_time() - cpu_start)
    return min(seconds), statistics.median(seconds), statistics.median(cpu), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", type=Path)
    ap.add_argument("--mb", type=float, help="the first N MB (MiB) of the file")
    ap.add_argument("--start", type=int, default=0, help="byte offset (default 0)")
    ap.add_argument("--end", type=int, help="byte offset (default: end of file)")
    ap.add_argument("--exact", action="store_true", help="do not move the range to entry boundaries")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-steps", action="store_true", help="only the fused run")
    ap.add_argument("--engine", default="in-memory", help="Polars engine of the fused run (normalize_shard's: in-memory)")
    ap.add_argument("--write-ref", type=Path, help="write the fused output to this Parquet file")
    ap.add_argument("--check-ref", type=Path, help="compare the fused output with this Parquet file")
    args = ap.parse_args()

    start, end, first_line = byte_range(args.file, args)
    name = args.file.name
    mb = (end - start) / 1e6
    print(f"{args.file} bytes [{start}, {end}) = {mb:.1f} MB, first line {first_line}, "
          f"POLARS_MAX_THREADS={pl.thread_pool_size()}, repeats {args.repeats}")
    print(f"  {'step':<26} {'best s':>7}  {'median':>7}  {'cpu s':>7}  {'MB/s (best)':>11}")

    def report(step: str, best: float, median: float, cpu: float | None = None) -> None:
        cpu_text = f"{cpu:7.3f}" if cpu is not None else " " * 7
        print(f"  {step:<26} {best:7.3f}  {median:7.3f}  {cpu_text}  {mb / best:11.1f}", flush=True)

    best, median, cpu, text = best_of(args.repeats, lambda: decode_range(str(args.file), start, end, first_line, name))
    report("read+decode", best, median, cpu)
    # What normalize_shard's ingest runs: read, UTF-8 check and split to lines in Arrow.
    best, median, cpu, _ = best_of(args.repeats, lambda: read_lines(str(args.file), start, end, first_line, name).collect())
    report("ingest (read_lines)", best, median, cpu)

    if not args.no_steps:
        print("steps (each collected on its own):")
        best, median, cpu, lines = best_of(args.repeats, lambda: lines_frame(text, name, first_line).collect())
        report("lines", best, median, cpu)
        frame, total, lines_best = lines, 0.0, best
        for step, transform in N.CLEAN_STEPS:
            source = frame
            best, median, cpu, frame = best_of(args.repeats, lambda: transform(source.lazy()).collect())
            report(step, best, median, cpu)
            total += best
        report("= lines + normalize steps", lines_best + total, lines_best + total)
        cleaned = frame
        # attach_claims, taken apart: the claims' input, the marking pass and the rows
        # (claims._claim_rows), the rest of extract_claims, nest_claims, the join back.
        abstracts = cleaned.select(
            paper_id=pl.col("rank").cast(pl.String), abstract=pl.col("abstract").fill_null("")
        )
        best, median, cpu, _ = best_of(args.repeats, lambda: C._claim_rows(abstracts.lazy()).collect())
        report("claims: mark + rows", best, median, cpu)
        best, median, cpu, found = best_of(args.repeats, lambda: C.extract_claims(abstracts.lazy()).collect())
        report("claims: extract_claims", best, median, cpu)
        best, median, cpu, _ = best_of(args.repeats, lambda: C.nest_claims(found.lazy()).collect())
        report("claims: nest_claims", best, median, cpu)
        del abstracts, found, frame, lines

    print(f"fused (as normalize_shard runs it; engine {args.engine}):")
    lines_lazy = lambda: lines_frame(text, name, first_line)  # noqa: E731
    best_n, median_n, cpu_n, cleaned = best_of(args.repeats, lambda: N.clean_entries(lines_lazy()).collect(engine=args.engine))
    report("normalize", best_n, median_n, cpu_n)
    best_c, median_c, cpu_c, entries = best_of(args.repeats, lambda: N.attach_claims(cleaned.lazy()).collect(engine=args.engine))
    report("claims", best_c, median_c, cpu_c)
    report("normalize+claims", best_n + best_c, median_n + median_c, cpu_n + cpu_c)
    best, median, cpu, whole = best_of(args.repeats, lambda: N.normalize(lines_lazy()).collect())
    report("normalize() in one query", best, median, cpu)
    print(f"  {entries.height} entries, {entries['claims'].list.len().sum()} claims")

    from polars.testing import assert_frame_equal

    assert_frame_equal(whole, entries.select(whole.columns))  # same rows, claims placed last
    if args.write_ref:
        entries.write_parquet(args.write_ref)
        print(f"wrote {args.write_ref}")
    if args.check_ref:
        assert_frame_equal(entries, pl.read_parquet(args.check_ref))
        print(f"identical to {args.check_ref}")


if __name__ == "__main__":
    main()
