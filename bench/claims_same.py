"""Does `extract_claims` give exactly the same frame as another version's? (speed work)

Runs the extract_claims of the working tree and of an older version (a git revision, or a
directory holding a `transforms/` package) on the same inputs, and compares the outputs with
polars.testing.assert_frame_equal:
  - the whole corpus (../shared/corpus/*.txt: entry k is lines 3+2k and 4+2k, 1-based),
    cleaned as bench/eval.py does (`cleaned_abstracts`),
  - the bundled sample (raw/2026-11-26.txt), cleaned the same way,
  - a synthetic frame of bench/claims_speed.py (--mb, default 20).
The inputs are built once, by the working tree's code; the old version runs in a subprocess
with its own `transforms` package first on sys.path.

    .venv/bin/python bench/claims_same.py main            # against branch main
    .venv/bin/python bench/claims_same.py b06a980 --mb 5
    .venv/bin/python bench/claims_same.py /work/wt-old    # a checkout
    .venv/bin/python bench/claims_same.py main --engine in-memory   # this tree on another engine

The old version is always collected with the default engine; --engine picks the engine of
the working tree's run (the pipeline collects the claims with engine="in-memory").
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import polars as pl
from polars.testing import assert_frame_equal

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE = ROOT / "raw" / "2026-11-26.txt"

# Run in the subprocess: argv = [old root, inputs dir]; writes <name>.out.parquet per input.
_RUN_OLD = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import polars as pl
from transforms.claims import extract_claims
assert Path(sys.modules["transforms.claims"].__file__).resolve().is_relative_to(Path(sys.argv[1]).resolve())
for path in sorted(Path(sys.argv[2]).glob("*.in.parquet")):
    out = extract_claims(pl.scan_parquet(path)).collect()
    out.write_parquet(path.with_name(path.name.replace(".in.", ".out.")))
"""


def entries_abstracts(path: Path) -> list[str]:
    """The abstract lines of a snapshot: line 4+2k (1-based) of entry k."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    return [lines[i] for i in range(3, len(lines), 2)]


def inputs(mb: float) -> dict[str, pl.DataFrame]:
    from bench.claims_speed import synthetic_abstracts
    from bench.eval import cleaned_abstracts

    corpus = [a for path in sorted(CORPUS.glob("*.txt")) for a in entries_abstracts(path)]
    sample = entries_abstracts(SAMPLE)
    frame = lambda abstracts, tag: pl.DataFrame(  # noqa: E731
        {"paper_id": [f"{tag}{i:06d}" for i in range(len(abstracts))], "abstract": cleaned_abstracts(abstracts)}
    )
    return {"corpus": frame(corpus, "c"), "sample": frame(sample, "s"), "synthetic": synthetic_abstracts(mb)}


@contextlib.contextmanager
def checkout(version: str, tmp: Path) -> Iterator[Path]:
    """A directory holding the old version: `version` itself, or a temporary git worktree
    of it (bench/normalize_same.py uses it too)."""
    if Path(version).is_dir():
        yield Path(version)
        return
    target = tmp / "checkout"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(target), version], check=True, capture_output=True)
    try:
        yield target
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(target)], check=True, capture_output=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("old", help="git revision, or a directory holding transforms/")
    ap.add_argument("--mb", type=float, default=20, help="size of the synthetic frame (MB)")
    ap.add_argument("--engine", default="auto", help="Polars engine of the working tree's run (default auto)")
    args = ap.parse_args()
    from transforms.claims import extract_claims

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        frames = inputs(args.mb)
        for name, frame in frames.items():
            frame.write_parquet(tmp / f"{name}.in.parquet")
        with checkout(args.old, tmp) as old:
            subprocess.run([sys.executable, "-c", _RUN_OLD, str(old), str(tmp)], check=True)
        for name, frame in frames.items():
            new = extract_claims(frame.lazy()).collect(engine=args.engine)
            old = pl.read_parquet(tmp / f"{name}.out.parquet")
            assert_frame_equal(new, old)
            print(f"{name}: {frame.height} abstracts, {new.height} claims: identical ({args.engine})")


if __name__ == "__main__":
    main()
