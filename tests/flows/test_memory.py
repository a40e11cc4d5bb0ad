"""Memory is bounded by what a reader holds, not by the input: a gzip bomb is refused as
soon as it passes the size cap, and a huge line is skipped (its entry quarantined by its
position) without being held. Each case runs the reader in a child process and reports its
peak RSS (`pytest -s` prints it): the child's VmHWM, the high-water mark of its own memory
after exec. (getrusage's ru_maxrss would not do: Linux carries the parent's high-water mark
over a vfork + exec into the child's, so it would report pytest's peak.)"""

import json
import subprocess
import sys
import zlib
from pathlib import Path

from flows.sources import MAX_LINE_BYTES
from tests.helpers import ROOT, abstract_like, write_snapshot

PEAK_LIMIT_MB = 1024  # the target; the measured peaks are far below it (printed)

PEAK = """
import atexit
def _peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            print("PEAK_KB", line.split()[1])
atexit.register(_peak)
"""

READ_GZIP = PEAK + """
import sys
from pathlib import Path
from flows.sources import InputError, localize
try:
    localize(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), timeout=5)
except InputError as error:
    print(error)
"""

READ_SNAPSHOT = PEAK + """
import json, sys
from pathlib import Path
import polars as pl
from flows.shards import ShardSpec, normalize_shard, scan
path = Path(sys.argv[1])
scanned = scan(path, path.name, 64 * 1024 * 1024)
out = Path(sys.argv[2])
done = [normalize_shard(ShardSpec(str(path), path.name, i, start, end, line, str(out / f"{i}.parquet"),
        tuple(x for x in scanned.long_lines if start <= x[0] < end)))
        for i, (start, end, line) in enumerate(scanned.cuts)]
entries = pl.concat([pl.read_parquet(out / f"{i}.parquet") for i in range(len(done))])
print(json.dumps({"long_lines": scanned.long_lines, "rows": entries.select("source_line", "rank", "segment_issues").to_dicts()}))
"""


def run_child(code: str, *args: str) -> tuple[str, float]:
    """(stdout, peak RSS in MB) of a child Python running `code`."""
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    out, _, peak_kb = done.stdout.rpartition("PEAK_KB ")
    return out, int(peak_kb) / 1024


def gzip_bomb(path: Path, block: bytes) -> Path:
    """A gzip file that inflates to 1 GiB of `block` repeated (about 1 MB packed)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    data = block * (16 * 1024 * 1024 // len(block))
    with open(path, "wb") as sink:
        for _ in range(1024 * 1024 * 1024 // len(data)):
            sink.write(packer.compress(data))
        sink.write(packer.flush())
    return path


def test_a_gzip_bomb_is_refused_at_the_size_cap_without_inflating_it(tmp_path):
    bomb = gzip_bomb(tmp_path / "2026-11-28.txt.gz", b"A Title\nAn abstract line. It is long enough.\n")
    out, peak_mb = run_child(READ_GZIP, str(bomb), str(tmp_path / "incoming"), str(100 * 1024 * 1024))
    print(f"\npeak RSS reading a {bomb.stat().st_size} B gzip that inflates to 1 GiB of text, cap 100 MB: {peak_mb:.0f} MB")
    assert out.strip() == f"2026-11-28.txt.gz: larger than the size cap of {100 * 1024 * 1024} bytes"
    assert peak_mb < PEAK_LIMIT_MB
    assert list((tmp_path / "incoming").iterdir()) == []


def test_a_gzip_bomb_of_zeros_is_refused_as_binary_at_its_first_bytes(tmp_path):
    bomb = gzip_bomb(tmp_path / "2026-11-28.txt.gz", bytes(1024))
    out, peak_mb = run_child(READ_GZIP, str(bomb), str(tmp_path / "incoming"), str(4 * 1024**3))
    print(f"\npeak RSS reading a {bomb.stat().st_size} B gzip that inflates to 1 GiB of zeros, cap 4 GiB: {peak_mb:.0f} MB")
    assert out.strip() == "2026-11-28.txt.gz: line 1: binary file (NUL byte)"
    assert peak_mb < PEAK_LIMIT_MB
    assert list((tmp_path / "incoming").iterdir()) == []


def test_a_150_mb_line_is_quarantined_by_its_position_in_bounded_memory(tmp_path):
    size = 150 * 1024 * 1024
    path = write_snapshot(tmp_path / "2026-11-28.txt", [("First Paper", abstract_like()), ("Second Paper", "x")])
    with open(path, "r+b") as handle:  # the second abstract becomes one 150 MB line
        data = handle.read().replace(b"\nx\n", b"\n")
        handle.seek(0)
        handle.truncate()
        handle.write(data)
        handle.write(b"y" * size + b"\n")
        handle.write(f"Third Paper\n{abstract_like()}\n".encode())
    out, peak_mb = run_child(READ_SNAPSHOT, str(path), str(tmp_path))
    print(f"\npeak RSS reading a snapshot with a 150 MB line: {peak_mb:.0f} MB")
    result = json.loads(out)
    assert [line[2] for line in result["long_lines"]] == [5]
    rows = {row["rank"]: row for row in result["rows"]}
    assert sorted(rows) == [1, 2, 3]  # every entry kept, ranks as if the line had been read
    assert rows[1]["segment_issues"] == [] and rows[3]["segment_issues"] == []
    assert rows[2]["source_line"] == 4
    assert rows[2]["segment_issues"] == [f"line_too_long: line 5 has {size} bytes, more than the limit of {MAX_LINE_BYTES} bytes"]
    assert peak_mb < PEAK_LIMIT_MB
