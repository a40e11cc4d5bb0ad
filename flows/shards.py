"""Large snapshots in shards: plan cut points at entry boundaries, normalize one shard.

A snapshot is first made a local, uncompressed file (remote and gzip sources are copied
once), then scanned in one streaming pass that checks it is text, counts its lines and
picks the cut points. A file of one shard is hashed in that pass too; a larger one is
hashed on its own (`sha256_of`, 0.3 s per 64 MB here) while its shards run. Each shard
is a byte range that starts at a segment start (a title-looking line, where the
segmenter's pairing restarts), so entries never straddle shards; its ranks are local and are offset by the entry counts of the shards
before it when the release is assembled.

`normalize_shard` is a plain function of a `ShardSpec` (no Prefect inside), so the same
code runs in a Prefect task thread or on a Dask worker.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from flows.release import write_parquet
from flows.sources import (
    MAX_LINE_BYTES,
    InputError,
    long_line_issue,
    long_line_text,
    looks_binary,
    read_lines,
)
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
    long_lines: tuple = ()  # (start, end, line_no) of the lines over MAX_LINE_BYTES in the range: not read
    api_text: bool = False  # fetched from the Hub's API: its text is LaTeX (rendered first)


@dataclass(frozen=True)
class ScannedSnapshot:
    sha256: str | None  # of the uncompressed bytes; None for a file of several shards (see sha256_of)
    size: int
    cuts: list[tuple[int, int, int]]  # (start, end, first_line) per shard
    long_lines: list[tuple[int, int, int]] = ()  # (start, end, line_no) of lines over MAX_LINE_BYTES


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(READ_CHUNK):
            digest.update(chunk)  # releases the GIL: shard threads keep running
    return digest.hexdigest()


class _LongLines:
    """Finds the lines longer than `limit` bytes in a file read chunk by chunk, at the
    cost of a few `find`s per chunk: a line longer than `limit` holds a whole block of
    limit/2 bytes (blocks laid end to end) with no newline in it, and most blocks have
    one in their first kilobyte. A line that runs across chunks is measured when it ends."""

    def __init__(self, limit: int):
        self.limit = limit
        self.line_start = 0  # offset of the line the last chunk ended in
        self.found: dict[int, int] = {}  # start -> end (the newline, or the end of the file)

    def feed(self, chunk: bytes, offset: int) -> None:
        first = chunk.find(b"\n")
        if first == -1:
            return
        if offset + first - self.line_start > self.limit:
            self.found[self.line_start] = offset + first
        block = self.limit // 2
        for begin in range(first + 1, len(chunk), block):
            if chunk.find(b"\n", begin, begin + block) == -1:
                start, end = chunk.rfind(b"\n", 0, begin) + 1, chunk.find(b"\n", begin + block)
                if end != -1 and end - start > self.limit:
                    self.found[offset + start] = offset + end
        self.line_start = offset + chunk.rfind(b"\n") + 1

    def finish(self, size: int) -> None:
        if size - self.line_start > self.limit:
            self.found[self.line_start] = size


def scan(path: Path, name: str, shard_bytes: int) -> ScannedSnapshot:
    """One streaming pass: size, line count, the lines too long to read and the shard cut
    points, and the sha256 of a file of one shard (a larger file's hash, the pass's main
    cost, is left to sha256_of)."""
    digest = hashlib.sha256() if path.stat().st_size <= shard_bytes else None
    size = 0
    has_text = False
    long_lines = _LongLines(MAX_LINE_BYTES)
    newlines_before: list[tuple[int, int]] = [(0, 0)]  # (offset, newlines before it) per chunk
    with open(path, "rb") as handle:
        if handle.read(2) in (b"\xff\xfe", b"\xfe\xff"):
            raise InputError(f"{name}: UTF-16 text; snapshots must be UTF-8")
        handle.seek(0)
        while chunk := handle.read(READ_CHUNK):
            if digest is not None:
                digest.update(chunk)
            nuls = chunk.count(b"\x00")
            if nuls and looks_binary(chunk, nuls):
                offset = size + chunk.index(b"\x00")
                raise InputError(f"{name}: line {_line_at(path, offset)}: binary file (NUL byte)")
            has_text = has_text or not chunk.isspace()
            long_lines.feed(chunk, size)
            size += len(chunk)
            newlines_before.append((size, newlines_before[-1][1] + chunk.count(b"\n")))
    if not has_text:
        raise InputError(f"{name}: empty file" + (" (only white space)" if size else ""))
    long_lines.finish(size)
    too_long = [(start, end, _line_at(path, start, newlines_before)) for start, end in sorted(long_lines.found.items())]
    starts = [0, *[_entry_boundary(path, target, size) for target in range(shard_bytes, size, shard_bytes)]]
    starts = sorted({s for s in starts if s is not None and s < size})
    ends = [*starts[1:], size]
    cuts = [(start, end, _line_at(path, start, newlines_before)) for start, end in zip(starts, ends)]
    return ScannedSnapshot(digest.hexdigest() if digest is not None else None, size, cuts, too_long)


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
    """The first byte offset at or after `target` where an entry surely starts: a segment
    start, found with the same classifier the segmenter uses."""
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
        # A segment start (see transforms.segment.pair_entries): a title-looking line.
        # Pairing restarts there, so a shard that starts at one pairs its lines exactly
        # as the whole file would.
        offset = target + first
        for raw, kind in zip(raw_lines, kinds):
            if kind == "title":
                return offset
            offset += len(raw) + 1
        if target + window >= size:
            return None
        window *= 4
    return None


def _quarantine_long_lines(entries: pl.DataFrame, long_lines) -> pl.DataFrame:
    """The entry that holds a line too long to read (its stand-in text, as the abstract)
    gets the line_too_long issue: it goes to quarantine, the others are not touched."""
    if not long_lines:
        return entries
    texts = [long_line_text(line_no, end - start) for start, end, line_no in long_lines]
    issues = [long_line_issue(line_no, end - start) for start, end, line_no in long_lines]
    issue = pl.col("abstract_raw").replace_strict(texts, issues, default=None, return_dtype=pl.String)
    added = pl.concat_list(pl.col("segment_issues"), pl.concat_list(issue).list.drop_nulls())
    return entries.with_columns(segment_issues=added)


def normalize_shard(spec: ShardSpec) -> dict:
    """Normalize one shard into spec.out; returns its entry and line counts and timings."""
    timings: dict[str, float] = {}
    with timed(timings, "ingest"):
        lines = read_lines(spec.path, spec.start, spec.end, spec.first_line, spec.source_file, spec.long_lines)
    # The in-memory engine: on one thread these queries (many small steps, fills, gathers)
    # cost ~20% less CPU there than on the streaming engine, with a lower peak (a 16 MB shard:
    # 0.31 CPU-s instead of 0.39-0.43; bench/profile_shard.py), and the same frames.
    with timed(timings, "normalize"):
        cleaned = _quarantine_long_lines(clean_entries(lines, spec.api_text).collect(engine="in-memory"), spec.long_lines)
    with timed(timings, "claims"):
        entries = attach_claims(cleaned.lazy()).collect(engine="in-memory")
    # Uncompressed: staged shards are read once, by the build, and zstd cost 2.4x the CPU
    # to write (10 CPU-s at 1M papers) for files 11x smaller (2.3x the raw text instead of 0.2x).
    write_parquet(entries, Path(spec.out), compressed=False)
    return {"index": spec.index, "entries": entries.height, "timings": timings}
