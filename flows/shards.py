"""Large snapshots in shards: plan cut points at entry boundaries, normalize one shard.

A snapshot is first made a local, uncompressed file (remote and gzip sources are copied
once), then scanned in one streaming pass that checks it is text, counts its lines and
picks the cut points. A file of one shard is hashed in that pass too; a larger one is
hashed on its own (`sha256_of`, 0.3 s per 64 MB here) while its shards run. Each shard
is a byte range that starts at a title line following an abstract line, so entries never
straddle shards; its ranks are local and are offset by the entry counts of the shards
before it when the release is assembled.

`normalize_shard` is a plain function of a `ShardSpec` (no Prefect inside), so the same
code runs in a Prefect task thread or on a Dask worker.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from flows.release import write_parquet
from flows.sources import InputError, decode_range, lines_frame
from flows.timing import timed
from transforms.normalize import attach_claims, clean_entries
from transforms.segment import classify_lines

READ_CHUNK = 16 * 1024 * 1024
DEFAULT_SHARD_MB = 64
CUT_WINDOW = 256 * 1024  # bytes read around a planned cut to find an entry boundary
MAX_CUT_WINDOW = 16 * 1024 * 1024


@dataclass(frozen=True)
class ShardSpec:
    path: str  # local, uncompressed snapshot file
    source_file: str  # file name recorded in source_file
    index: int
    start: int  # byte range [start, end)
    end: int
    first_line: int  # 1-based line number of the shard's first line in the file
    out: str  # parquet file the shard's entries are written to
    api_text: bool = False  # fetched from the Hub's API: its text is LaTeX (rendered first)


@dataclass(frozen=True)
class ScannedSnapshot:
    sha256: str | None  # of the uncompressed bytes; None for a file of several shards (see sha256_of)
    size: int
    cuts: list[tuple[int, int, int]]  # (start, end, first_line) per shard


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(READ_CHUNK):
            digest.update(chunk)  # releases the GIL: shard threads keep running
    return digest.hexdigest()


def scan(path: Path, name: str, shard_bytes: int) -> ScannedSnapshot:
    """One streaming pass: size, line count and the shard cut points, and the sha256 of a
    file of one shard (a larger file's hash, the pass's main cost, is left to sha256_of)."""
    digest = hashlib.sha256() if path.stat().st_size <= shard_bytes else None
    size = 0
    has_text = False
    newlines_before: list[tuple[int, int]] = [(0, 0)]  # (offset, newlines before it) per chunk
    with open(path, "rb") as handle:
        if handle.read(2) in (b"\xff\xfe", b"\xfe\xff"):
            raise InputError(f"{name}: UTF-16 text; snapshots must be UTF-8")
        handle.seek(0)
        while chunk := handle.read(READ_CHUNK):
            if digest is not None:
                digest.update(chunk)
            if b"\x00" in chunk:
                offset = size + chunk.index(b"\x00")
                raise InputError(f"{name}: line {_line_at(path, offset)}: binary file (NUL byte)")
            has_text = has_text or not chunk.isspace()
            size += len(chunk)
            newlines_before.append((size, newlines_before[-1][1] + chunk.count(b"\n")))
    if not has_text:
        raise InputError(f"{name}: empty file")
    starts = [0, *[_entry_boundary(path, target, size) for target in range(shard_bytes, size, shard_bytes)]]
    starts = sorted({s for s in starts if s is not None and s < size})
    ends = [*starts[1:], size]
    cuts = [(start, end, _line_at(path, start, newlines_before)) for start, end in zip(starts, ends)]
    return ScannedSnapshot(digest.hexdigest() if digest is not None else None, size, cuts)


def _line_at(path: Path, offset: int, newlines_before: list[tuple[int, int]] | None = None) -> int:
    """1-based line number of the byte at `offset`."""
    base_offset, base_count = 0, 0
    if newlines_before:
        for chunk_start, count in newlines_before:
            if chunk_start <= offset:
                base_offset, base_count = chunk_start, count
    with open(path, "rb") as handle:
        handle.seek(base_offset)
        return base_count + handle.read(offset - base_offset).count(b"\n") + 1


def _entry_boundary(path: Path, target: int, size: int) -> int | None:
    """The first byte offset at or after `target` where a title line follows an abstract
    line, told apart by the same classifier the segmenter uses."""
    window = CUT_WINDOW
    while window <= MAX_CUT_WINDOW:
        with open(path, "rb") as handle:
            handle.seek(target)
            data = handle.read(window)
        first = data.find(b"\n") + 1
        if first == 0:
            if target + window >= size:
                return None
            window *= 4
            continue
        raw_lines = data[first:].split(b"\n")[:-1]  # the last piece may be cut short
        texts = [line.decode("utf-8", errors="replace").rstrip("\r") for line in raw_lines]
        kinds = (
            classify_lines(pl.LazyFrame({"source_file": [""] * len(texts), "line_no": range(len(texts)), "text": texts}))
            .select("kind")
            .collect()["kind"]
            .to_list()
        )
        offset, previous = target + first, None
        for raw, kind in zip(raw_lines, kinds):
            if kind == "title" and previous == "abstract":
                return offset
            if kind in ("title", "abstract"):
                previous = kind
            offset += len(raw) + 1
        if target + window >= size:
            return None
        window *= 4
    return None


def normalize_shard(spec: ShardSpec) -> dict:
    """Normalize one shard into spec.out; returns its entry and line counts and timings."""
    timings: dict[str, float] = {}
    with timed(timings, "ingest"):
        text = decode_range(spec.path, spec.start, spec.end, spec.first_line, spec.source_file)
        lines = lines_frame(text, spec.source_file, spec.first_line)
    with timed(timings, "normalize"):
        cleaned = clean_entries(lines, spec.api_text).collect()
    with timed(timings, "claims"):
        entries = attach_claims(cleaned.lazy()).collect()
    # Uncompressed: staged shards are read once, by the build, and zstd cost 2.4x the CPU
    # to write (10 CPU-s at 1M papers) for files 11x smaller (2.3x the raw text instead of 0.2x).
    write_parquet(entries, Path(spec.out), compressed=False)
    return {"index": spec.index, "entries": entries.height, "timings": timings}
