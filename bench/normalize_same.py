"""Does `normalize_shard` write exactly the same frames as another version's? (speed work)

Runs `flows.shards.normalize_shard` of the working tree and of an older version (a git
revision, checked out with `git worktree add` in a temporary directory and removed after;
or a directory holding a checkout) on the same shards, and compares the Parquet files
they write with polars.testing.assert_frame_equal:
  - each file of the corpus (../shared/corpus/*.txt), as scraped text and as API text
    (`api_text`: LaTeX rendering, alternating segmentation),
  - the bundled sample (raw/2026-11-26.txt), both ways too,
  - the first --mb MB (default 16) of the synthetic snapshot (bench/generate.py 20000),
    moved to an entry boundary as bench/profile_shard.py does, in one shard, and the same
    range again cut in --shard-mb shards (ranks local, first lines past 1).
The shards are planned once (flows.shards.scan, working tree); each version runs in a
subprocess with its own `flows` and `transforms` packages first on sys.path.

    .venv/bin/python bench/normalize_same.py 8f6deaf
    .venv/bin/python bench/normalize_same.py main --mb 4
    .venv/bin/python bench/normalize_same.py /tmp/sn-base      # a checkout
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

import polars as pl
from polars.testing import assert_frame_equal

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.claims_same import checkout  # noqa: E402
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE = ROOT / "raw" / "2026-11-26.txt"
SYNTHETIC = ROOT / "bench" / "data" / "papers-20000-seed0" / "2026-01-01.txt"

# Run in the subprocess: argv = [root, specs.json, out dir]; writes one Parquet file per spec.
_RUN = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from flows.shards import ShardSpec, normalize_shard
for module in ("flows.shards", "transforms.normalize"):
    assert Path(sys.modules[module].__file__).resolve().is_relative_to(Path(sys.argv[1]).resolve()), module
for spec in json.loads(Path(sys.argv[2]).read_text()):
    spec["out"] = str(Path(sys.argv[3]) / spec["out"])
    spec["long_lines"] = tuple(tuple(line) for line in spec["long_lines"])
    normalize_shard(ShardSpec(**spec))
"""


def shard_specs(mb: float, shard_mb: float) -> list[dict]:
    """The shards to run, as ShardSpec fields (`out` is a file name)."""
    from flows.shards import ShardSpec, _entry_boundary, scan

    specs = []
    files = [*sorted(CORPUS.glob("*.txt")), SAMPLE]
    for path in files:
        scanned = scan(path, path.name, 1 << 40)
        for api_text in (False, True):
            for index, (start, end, first_line) in enumerate(scanned.cuts):
                out = f"{path.stem}-{'api' if api_text else 'scraped'}-{index}.parquet"
                specs.append(ShardSpec(str(path), path.name, index, start, end, first_line, out, tuple(scanned.long_lines), api_text))
    if SYNTHETIC.exists():
        size = SYNTHETIC.stat().st_size
        end = min(size, int(mb * 1024 * 1024))
        end = (_entry_boundary(SYNTHETIC, end, size) or size) if end < size else end
        specs.append(ShardSpec(str(SYNTHETIC), SYNTHETIC.name, 0, 0, end, 1, "synthetic-whole.parquet"))
        starts = [0, *(_entry_boundary(SYNTHETIC, t, size) for t in range(int(shard_mb * 1024 * 1024), end, int(shard_mb * 1024 * 1024)))]
        starts = sorted({s for s in starts if s is not None and s < end})
        with open(SYNTHETIC, "rb") as handle:
            data = handle.read(end)
        for index, (start, stop) in enumerate(zip(starts, [*starts[1:], end])):
            first_line = data.count(b"\n", 0, start) + 1
            specs.append(ShardSpec(str(SYNTHETIC), SYNTHETIC.name, index, start, stop, first_line, f"synthetic-shard-{index}.parquet"))
    else:
        print(f"(no {SYNTHETIC}: run bench/generate.py 20000 for the synthetic shard)")
    return [asdict(spec) for spec in specs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("old", help="git revision, or a directory holding a checkout")
    ap.add_argument("--mb", type=float, default=16, help="size of the synthetic shard (MiB)")
    ap.add_argument("--shard-mb", type=float, default=4, help="shard size when the synthetic range is cut (MiB)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        specs = shard_specs(args.mb, args.shard_mb)
        (tmp / "specs.json").write_text(json.dumps(specs))
        with checkout(args.old, tmp) as old:
            for tag, root in (("old", old), ("new", ROOT)):
                (tmp / tag).mkdir()
                subprocess.run([sys.executable, "-c", _RUN, str(root), str(tmp / "specs.json"), str(tmp / tag)], check=True)
        entries = 0
        for spec in specs:
            new = pl.read_parquet(tmp / "new" / spec["out"])
            old = pl.read_parquet(tmp / "old" / spec["out"])
            assert_frame_equal(new, old)
            entries += new.height
        print(f"{len(specs)} shards, {entries} entries: identical to {args.old}")


if __name__ == "__main__":
    main()
