"""Large snapshots in shards: plan cut points at entry boundaries, normalize one shard.

A snapshot is first made a local, uncompressed file (remote and gzip sources are copied
once), then scanned in one streaming pass that hashes it, counts its lines and picks the
cut points. Each shard is a byte range that starts at a title line following an abstract
line, so entries never straddle shards; its ranks are local and are offset by the entry
counts of the shards before it when the release is assembled.

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


@dataclass(frozen=True)
class ScannedSnapshot:
    sha256: str  # of the uncompressed bytes
    size: int
    cuts: list[tuple[int, int, int]]  # (start, end, first_line) per shard


def scan(path: Path, name: str, shard_bytes: int) -> ScannedSnapshot:
    """One streaming pass: sha256, size, line count, and the shard cut points."""
    digest = hashlib.sha256()
    size = 0
    has_text = False
    newlines_before: list[tuple[int, int]] = [(0, 0)]  # (offset, newlines before it) per chunk
    with open(path, "rb") as handle:
        if handle.read(2) in (b"\xff\xfe", b"\xfe\xff"):
            raise InputError(f"{name}: UTF-16 text; snapshots must be UTF-8")
        handle.seek(0)
        while chunk := handle.read(READ_CHUNK):
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
    return ScannedSnapshot(digest.hexdigest(), size, cuts)


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
        cleaned = clean_entries(lines).collect()
    with timed(timings, "claims"):
        entries = attach_claims(cleaned.lazy()).collect()
    write_parquet(entries, Path(spec.out))
    return {"index": spec.index, "entries": entries.height, "timings": timings}
