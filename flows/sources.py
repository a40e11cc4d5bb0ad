"""Find snapshot files (paths, folders, globs, fsspec URLs), read and decode them.

Everything that can go wrong with an input file becomes an `InputError` whose message
names the file (and the line, where there is one): the caller records it as a refusal
and the other files go through.
"""

import datetime as dt
import itertools
import os
import re
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import fsspec
import polars as pl

SNAPSHOT_SUFFIXES = (".txt", ".txt.gz", ".gz")
DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")
GLOB_CHARS = re.compile(r"[*?\[]")
DEFAULT_MAX_BYTES = 4 * 1024**3
DEFAULT_TIMEOUT = 60.0  # seconds for one remote read
COPY_CHUNK = 16 * 1024 * 1024


class InputError(Exception):
    """A source that cannot be read as a snapshot; the message names the file."""


class SourceUnavailable(Exception):
    """A source that could not be reached this time (network, timeout): worth a retry."""


def name_of(source: str) -> str:
    return source.rstrip("/").rsplit("/", 1)[-1]


def expand_sources(sources: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Files named by each source, and (source, reason) for sources that name none."""
    found: list[str] = []
    refused: list[tuple[str, str]] = []
    for source in sources:
        try:
            fs, path = fsspec.core.url_to_fs(source)
            if GLOB_CHARS.search(path):
                names = [p for p in fs.glob(path) if fs.isfile(p)]
            elif fs.isdir(path):
                names = [p for p in fs.find(path) if p.endswith(SNAPSHOT_SUFFIXES)]
            elif fs.exists(path):
                names = [path]
            else:
                names = []
        except Exception as error:  # any fsspec backend error is a refusal of this source
            refused.append((source, f"{source}: cannot list: {error}"))
            continue
        if not names:
            refused.append((source, f"{source}: no such file, or no snapshot file (*.txt, *.txt.gz) in it"))
        protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
        found.extend(p if protocol in ("file", "local") else fs.unstrip_protocol(p) for p in sorted(names))
    return sorted(set(found)), refused


def snapshot_date(name: str, fallback: dt.date) -> dt.date:
    """The ISO date in the file name, else the fallback (--date, else the run's date)."""
    for candidate in DATE_IN_NAME.findall(name):
        try:
            return dt.date.fromisoformat(candidate)
        except ValueError:
            continue
    return fallback


def _storage_options(source: str, timeout: float) -> dict:
    """Per-protocol options: remote reads get a timeout instead of hanging forever."""
    if source.startswith(("http://", "https://")):
        import aiohttp

        return {"client_kwargs": {"timeout": aiohttp.ClientTimeout(total=timeout)}}
    return {}


def localize(source: str, incoming: Path, max_bytes: int, timeout: float) -> tuple[Path, bool]:
    """A local, uncompressed copy of the source: the file itself when it already is one.

    Returns (path, is_temporary). A file over max_bytes (uncompressed) is refused.
    """
    name = name_of(source)
    local = Path(source.removeprefix("file://")) if ("://" not in source or source.startswith("file://")) else None
    if local is not None:
        if not local.is_file():
            raise InputError(f"{source}: cannot read: no such file")
        with open(local, "rb") as probe:
            if probe.read(2) != b"\x1f\x8b":
                if local.stat().st_size > max_bytes:
                    raise InputError(f"{name}: larger than the size cap of {max_bytes} bytes")
                return local, False
    incoming.mkdir(parents=True, exist_ok=True)
    target = incoming / f"{os.getpid()}-{time.monotonic_ns()}-{name}"
    try:
        _copy_uncompressed(source, target, max_bytes, timeout)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target, True


def _gunzip(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """Streaming gzip decompression (multi-member files too), without seeking."""
    decompressor = zlib.decompressobj(wbits=31)
    for chunk in chunks:
        while chunk:
            yield decompressor.decompress(chunk)
            chunk = decompressor.unused_data
            if chunk:  # the next gzip member starts here
                decompressor = zlib.decompressobj(wbits=31)
    if not decompressor.eof:
        raise EOFError("compressed file ended before the end-of-stream marker was reached")
    yield decompressor.flush()


def _copy_uncompressed(source: str, target: Path, max_bytes: int, timeout: float) -> None:
    name = name_of(source)
    try:
        with fsspec.open(source, "rb", **_storage_options(source, timeout)) as stream:
            first = stream.read(COPY_CHUNK)
            chunks = itertools.chain([first], iter(lambda: stream.read(COPY_CHUNK), b""))
            if first[:2] == b"\x1f\x8b":
                chunks = _gunzip(chunks)
            written = 0
            with open(target, "wb") as sink:
                for chunk in chunks:
                    written += len(chunk)
                    if written > max_bytes:
                        raise InputError(f"{name}: larger than the size cap of {max_bytes} bytes")
                    sink.write(chunk)
    except InputError:
        raise
    except FileNotFoundError as error:
        raise InputError(f"{source}: cannot read: no such file") from error
    except (zlib.error, EOFError) as error:
        raise InputError(f"{name}: not a valid gzip file ({error})") from error
    except Exception as error:  # network and backend errors: the task retries these
        raise SourceUnavailable(f"{source}: cannot read: {type(error).__name__}: {error}") from error


def decode_range(path: str, start: int, end: int, first_line: int, name: str) -> str:
    """Text of bytes [start, end) of a local file: BOM and CR/CRLF line ends handled; an
    undecodable byte is an InputError naming the file and line."""
    with open(path, "rb") as handle:
        handle.seek(start)
        data = handle.read(end - start)
    try:
        text = data.decode("utf-8-sig" if start == 0 else "utf-8")
    except UnicodeDecodeError as error:
        line = first_line + data.count(b"\n", 0, error.start)
        bad = data[error.start : error.start + 1].hex()
        raise InputError(f"{name}: line {line}: not UTF-8 text (byte 0x{bad})") from error
    if "\r" not in text:  # the usual case: a search is 10x cheaper than the two replaces
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def lines_frame(text: str, source_file: str, first_line: int = 1) -> pl.LazyFrame:
    """One row per line: source_file, line_no (1-based, counted from first_line), text."""
    # Split eagerly: a one-row frame holding the whole text gets copied by the lazy engine.
    lines = pl.Series("text", [text]).str.split("\n").explode()
    return (
        pl.LazyFrame(lines)
        .with_row_index("line_no", offset=first_line)
        .select(pl.lit(source_file).alias("source_file"), pl.col("line_no").cast(pl.Int32), "text")
    )
