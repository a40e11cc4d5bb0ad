"""Throughput and peak memory of `transforms.claims.extract_claims` on synthetic abstracts.

The abstracts are recombined sentences of the bundled sample (raw/2026-11-26.txt: the
abstract lines, cleaned once with `transforms.text.clean_text`), drawn with a fixed seed
into abstracts of 4-12 sentences with distinct paper_ids, up to the requested size in MB
(UTF-8 bytes of the abstract column).

    .venv/bin/python bench/claims_speed.py                # 100 MB and 400 MB, one process each
    .venv/bin/python bench/claims_speed.py --mb 100 --reps 3
    .venv/bin/python bench/claims_speed.py --impl /path/to/old/claims.py   # another version
    .venv/bin/python bench/claims_speed.py --engine in-memory   # as flows.shards.normalize_shard collects it

The machine may be shared: each size runs --reps times, and `MB/s (best)` is from the
fastest run (wall clock); `cpu seconds` (all threads) is less sensitive to other load.

Each size runs in its own process so that its peak RSS (resource.getrusage) is its own;
`peak RSS` includes the input frame, `input` is the input's size in memory.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "raw" / "2026-11-26.txt"


def sample_sentences() -> list[str]:
    """The sentences of the sample's abstracts (even lines from line 4 on), cleaned once."""
    from transforms.text import clean_text

    lines = SAMPLE.read_text(encoding="utf-8-sig").splitlines()
    abstracts = [ln for ln in lines[3::2] if ln.strip()]
    cleaned = clean_text(pl.Series(abstracts)).to_list()
    return [s for a in cleaned for s in re.split(r"(?<=[.!?])\s+", a) if s]


def synthetic_abstracts(mb: float, seed: int = 0) -> pl.DataFrame:
    sentences = sample_sentences()
    sizes = np.array([len(s.encode()) + 1 for s in sentences])
    rng = np.random.default_rng(seed)
    target = int(mb * 1e6)
    n_est = int(target / (8 * sizes.mean())) + 1
    out: list[str] = []
    total = 0
    while total < target:
        counts = rng.integers(4, 13, size=n_est)
        picks = rng.integers(0, len(sentences), size=int(counts.sum()))
        i = 0
        for c in counts:
            idx = picks[i : i + c]
            i += c
            out.append(" ".join(sentences[j] for j in idx))
            total += int(sizes[idx].sum()) - 1
            if total >= target:
                break
    return pl.DataFrame({"paper_id": [f"s{i:08d}" for i in range(len(out))], "abstract": out})


def load_extract_claims(impl: str | None):
    """`transforms.claims.extract_claims`, or the one of another file (to compare versions)."""
    if impl is None:
        from transforms.claims import extract_claims

        return extract_claims
    import importlib.util

    sys.path.insert(0, str(Path(impl).resolve().parent))
    spec = importlib.util.spec_from_file_location("claims_impl", impl)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.extract_claims


def run_one(mb: float, reps: int, impl: str | None = None, engine: str = "auto") -> dict:
    extract_claims = load_extract_claims(impl)

    frame = synthetic_abstracts(mb)
    nbytes = int(frame["abstract"].str.len_bytes().sum())
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    times, cpu = [], []
    for _ in range(reps):
        t0, c0 = time.perf_counter(), time.process_time()
        out = extract_claims(frame.lazy()).collect(engine=engine)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        rows = out.height
        del out
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    best = min(times)
    return {
        "mb": round(nbytes / 1e6, 1),
        "engine": engine,
        "papers": frame.height,
        "claims": rows,
        "seconds": [round(t, 2) for t in times],
        "MB/s (best)": round(nbytes / 1e6 / best, 1),
        "cpu seconds": [round(t, 2) for t in cpu],
        "peak RSS MB": round(peak),
        "RSS before extract MB": round(rss0),
        "input MB in memory": round(frame.estimated_size() / 1e6),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, nargs="*", default=[100, 400])
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--impl", help="time the extract_claims of this file instead (e.g. an older copy)")
    ap.add_argument("--engine", default="auto", help="Polars engine of the collect (default auto)")
    args = ap.parse_args()
    if len(args.mb) == 1:
        print(json.dumps(run_one(args.mb[0], args.reps, args.impl, args.engine)))
        return
    for mb in args.mb:  # one process per size: separate peak RSS
        cmd = [sys.executable, __file__, "--mb", str(mb), "--reps", str(args.reps)]
        cmd += ["--impl", args.impl] if args.impl else []
        cmd += ["--engine", args.engine]
        res = subprocess.run(cmd, check=True, capture_output=True, text=True)
        print(res.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
