"""The release on disk: staged cache, atomic writes, the `current` switch, the lock.

Layout of an output folder:
    staged/<sha256>-<version>/           normalized entries of one snapshot, in shards (the cache)
    releases/<release_id>/               one whole release: parquet/, hf/, reports/, manifest.json
    current -> releases/<release_id>     switched atomically (symlink + rename) when a release is whole
    parquet, hf, reports, manifest.json  fixed links into current/, so readers see one release at once
    runs.jsonl                           one line per run
"""

import contextlib
import datetime as dt
import fcntl
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import polars as pl

from transforms.schema import SORT_KEYS, TABLES

PUBLISHED = ("parquet", "hf", "reports", "manifest.json")
RUN_FIELDS = (
    "run_id", "outcome", "reason", "sources", "snapshots_read", "snapshots_new", "entries",
    "counts", "repairs", "refused", "notes", "timings", "release",
)  # fmt: skip


class ReleaseError(Exception):
    """The run cannot publish; the message is the one-line reason."""


@contextlib.contextmanager
def replaced_atomically(path: Path) -> Iterator[Path]:
    """A temporary name beside `path` to write to; moved onto `path` only if the block ends well."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        yield temporary
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    os.replace(temporary, path)


# Rows per Parquet row group. Fixed, so the bytes do not depend on the number of threads;
# about 300 MB of papers uncompressed, small enough for streaming readers.
ROW_GROUP_ROWS = 100_000
# Bytes per data page (Polars' default is 1 MiB). zstd gets more context per page: at 1M
# papers, 8 MiB pages made papers.parquet 29 % smaller, 7 % cheaper to write and 20 %
# cheaper to read; still small next to a row group, for readers that skip pages.
DATA_PAGE_BYTES = 8 * 1024 * 1024


def write_parquet(frame: pl.DataFrame, path: Path, *, compressed: bool = True) -> None:
    """zstd with statistics (or, for scratch files, neither), written to a temporary name and
    moved into place. Through the streaming sink: it encodes on every core (write_parquet
    encodes on one, 1.5x slower)."""
    options = {"compression": "zstd", "statistics": True} if compressed else {"compression": "uncompressed", "statistics": False}
    with replaced_atomically(path) as temporary:
        frame.lazy().sink_parquet(temporary, row_group_size=ROW_GROUP_ROWS, data_page_size=DATA_PAGE_BYTES, **options)


def write_json(data: object, path: Path) -> None:
    with replaced_atomically(path) as temporary:
        temporary.write_text(json.dumps(data, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")


def write_table(frame: pl.DataFrame, name: str, parquet_dir: Path) -> Path:
    """A published table: contract types and order, deterministic bytes."""
    table = frame.select(TABLES[name].names()).cast(dict(TABLES[name]))
    keys = SORT_KEYS[name]
    if not table.select(pl.struct(keys).is_sorted()).item():  # usually built in order: no gather of 3 GB
        table = table.sort(keys)
    path = parquet_dir / f"{name}.parquet"
    write_parquet(table, path)
    return path


def read_manifest(output: Path) -> dict | None:
    path = output / "current" / "manifest.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def new_release_dir(output: Path, release_id: str) -> Path:
    path = output / "releases" / release_id
    path.mkdir(parents=True)
    return path


def switch_current(output: Path, release_dir: Path) -> Path | None:
    """Make release_dir the current release in one atomic rename; returns the one it replaced."""
    current = output / "current"
    previous = current.resolve() if current.is_symlink() else None
    for name in PUBLISHED:
        link = output / name
        if not link.is_symlink():
            if link.exists():  # an old non-link copy would shadow the release
                raise ReleaseError(f"{link} exists and is not a link into current/; move it away")
            link.symlink_to(Path("current") / name)
    temporary = output / f".current.tmp-{os.getpid()}"
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(release_dir.relative_to(output))
    os.replace(temporary, current)
    return previous


def prune_releases(output: Path, keep: set[Path]) -> None:
    """Delete every release but `keep` (the current one and the one before it), including
    the leftovers of crashed or blocked runs."""
    kept = {path.resolve() for path in keep}
    for path in (output / "releases").iterdir():
        if path.resolve() not in kept:
            shutil.rmtree(path, ignore_errors=True)


def record_run(output: Path, summary: dict, started: dt.datetime) -> None:
    """Append one line per run to output/runs.jsonl (one write: lines of concurrent runs
    do not interleave)."""
    finished = dt.datetime.now(dt.UTC)
    if summary.get("release"):  # relative to the output folder: no path of the build machine
        summary = {**summary, "release": os.path.relpath(summary["release"], output)}
    line = {
        "started_at": started.isoformat(timespec="seconds"),
        "seconds": round((finished - started).total_seconds(), 3),
        **{key: summary.get(key) for key in RUN_FIELDS if key in summary},
    }
    output.mkdir(parents=True, exist_ok=True)
    with open(output / "runs.jsonl", "a", encoding="utf-8") as handle:
        handle.write(json.dumps(line, sort_keys=True, default=str) + "\n")


def _lock_holder(lock: Path) -> str:
    """Who holds the flock on `lock`, from /proc/locks (Linux); else "another process"."""
    try:
        inode = lock.stat().st_ino
        with open("/proc/locks", encoding="ascii") as locks:
            for fields in (line.split() for line in locks):
                if len(fields) > 5 and fields[1] == "FLOCK" and fields[5].endswith(f":{inode}"):
                    return f"pid {fields[4]}"
    except OSError:
        pass
    return "another process"


@contextlib.contextmanager
def output_lock(output: Path) -> Iterator[None]:
    """One run at a time per output folder; a second one is refused with a clear message.
    The lock file is only locked, never written: a run that changes nothing leaves it as it was."""
    with _locked_file(output / ".lock") as handle:
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _locked_file(lock: Path):
    """`lock` opened and flocked. The clean-up of a failed first run (cli.remove_traces)
    removes the lock file, and then the folder, while it holds the lock: a run that opened
    the file before that locks a file no longer there (and a third run would lock a new
    one at once), so it opens the file again."""
    while True:
        lock.parent.mkdir(parents=True, exist_ok=True)
        try:
            handle = open(lock, "a+")
        except FileNotFoundError:  # the folder was removed between mkdir and open
            continue
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            holder = _lock_holder(lock)
            raise ReleaseError(f"{lock.parent} is locked by a run in progress ({holder}); try again when it ends") from None
        try:
            still_there = os.path.samestat(os.fstat(handle.fileno()), os.stat(lock))
        except FileNotFoundError:
            still_there = False
        if still_there:
            return handle
        handle.close()
