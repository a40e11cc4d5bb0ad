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
import pyarrow as pa
import pyarrow.compute as pc

from flows.redact import conceal, mask, redact_url, reveal

SNAPSHOT_SUFFIXES = (".txt", ".txt.gz", ".gz")
DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")
GLOB_CHARS = re.compile(r"[*?\[]")
DEFAULT_MAX_BYTES = 4 * 1024**3
DEFAULT_TIMEOUT = 60.0  # seconds for one remote read
COPY_CHUNK = 16 * 1024 * 1024
INFLATE_STEP = 16 * 1024 * 1024  # gzip is inflated this much at a time: memory does not grow with the ratio
# A line longer than this is not read: its bytes are skipped, and its entry is quarantined
# by its position (see `long_line_text`). No title or abstract comes near it.
MAX_LINE_BYTES = 1024 * 1024


class InputError(Exception):
    """A source that cannot be read as a snapshot; the message names the file."""


class SourceUnavailable(Exception):
    """A source that could not be reached this time (network, timeout): worth a retry."""


def name_of(source: str) -> str:
    """The file name of a source: the last path segment (of its redacted form, for a URL)."""
    return redact_url(source).rstrip("/").rsplit("/", 1)[-1]


def expand_sources(sources: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Files named by each source, and (source, reason) for sources that name none."""
    found, refused = expand_sources_shown(sources)
    return [file for file, _ in found], refused


def expand_sources_shown(sources: list[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(file, shown) for the files named by each source, and (shown source, reason) for the
    sources that name none.

    `file` is what the readers take: a local absolute path, or a URL (concealed when it
    holds a secret, see flows.redact). `shown` is what records and messages say: a URL's
    redacted form; a local file's path as given (relative to the current folder) when the
    source was a relative path, else relative to the folder the source names, so that
    records do not hold the build machine's absolute paths.
    """
    found: dict[str, str] = {}
    refused: list[tuple[str, str]] = []
    for source in sources:
        shown_source = redact_url(source)
        try:
            fs, path = fsspec.core.url_to_fs(reveal(source))
            if GLOB_CHARS.search(path):
                names = [p for p in fs.glob(path) if fs.isfile(p)]
            elif fs.isdir(path):
                names = [p for p in fs.find(path) if p.endswith(SNAPSHOT_SUFFIXES)]
            elif fs.exists(path):
                names = [path]
            else:
                names = []
        except Exception as error:  # any fsspec backend error is a refusal of this source
            refused.append((shown_source, f"{shown_source}: cannot list: {mask(error)}"))
            continue
        protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
        local = protocol in ("file", "local")
        if not names:
            refused.append((shown_source, f"{shown_source}: {_why_nothing(path) if local else 'no such file'}"))
        for name in sorted(names):
            file = name if local else conceal(fs.unstrip_protocol(name))
            found.setdefault(file, _shown_local(name, source, path) if local else redact_url(file))
    return sorted(found.items()), refused


def _why_nothing(path: str) -> str:
    if os.path.lexists(path):  # a broken link or a loop of links: say which
        try:
            os.stat(path)
        except OSError as error:
            return f"cannot read: {error.strerror.lower()}"
    return "no such file, or no snapshot file (*.txt, *.txt.gz) in it"


def _shown_local(file: str, source: str, path: str) -> str:
    """A local file's path for records: see expand_sources_shown."""
    if "://" not in source and not os.path.isabs(source):
        return os.path.relpath(file)
    root = path[: GLOB_CHARS.search(path).start()].rsplit("/", 1)[0] if GLOB_CHARS.search(path) else path
    if not os.path.isdir(root):
        root = os.path.dirname(root)
    return os.path.relpath(file, root)


def snapshot_date(name: str, fallback: dt.date, *, date_given: bool = False) -> dt.date:
    """The ISO date in the file name, else the fallback (--date, else the run's date).

    A name that holds only impossible dates (2026-13-45) is refused unless the date was
    given (--date): it is never silently dated by the run's day."""
    candidates = DATE_IN_NAME.findall(name)
    for candidate in candidates:
        try:
            return dt.date.fromisoformat(candidate)
        except ValueError:
            continue
    if candidates and not date_given:
        raise InputError(f"{name}: {candidates[0]} in the file name is not a valid date; rename the file or give --date")
    return fallback


def _storage_options(source: str, timeout: float) -> dict:
    """Per-protocol options: remote reads get a timeout instead of hanging forever."""
    if source.startswith(("http://", "https://")):
        import aiohttp

        return {"client_kwargs": {"timeout": aiohttp.ClientTimeout(total=timeout)}}
    return {}


def localize(
    source: str, incoming: Path, max_bytes: int, timeout: float, shown: str | None = None
) -> tuple[Path, bool]:
    """A local, uncompressed copy of the source: the file itself when it already is one.

    Returns (path, is_temporary). A file over max_bytes (uncompressed) is refused as soon
    as its copy passes the cap. `shown` is how messages name the source (see
    expand_sources_shown); by default its redacted form.
    """
    name = name_of(source)
    shown = shown or redact_url(source)
    local = Path(source.removeprefix("file://")) if ("://" not in source or source.startswith("file://")) else None
    if local is not None:
        if not local.is_file():
            raise InputError(f"{shown}: cannot read: no such file")
        with open(local, "rb") as probe:
            if probe.read(2) != b"\x1f\x8b":
                if local.stat().st_size > max_bytes:
                    raise InputError(f"{name}: larger than the size cap of {max_bytes} bytes")
                return local, False
    incoming.mkdir(parents=True, exist_ok=True)
    target = incoming / f"{os.getpid()}-{time.monotonic_ns()}-{name}"
    try:
        _copy_uncompressed(source, target, max_bytes, timeout, shown)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target, True


def _gunzip(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """Streaming gzip decompression (multi-member files too), without seeking, at most
    INFLATE_STEP bytes at a time: a 1 MB bomb of zeros never becomes 1 GB in memory."""
    decompressor = zlib.decompressobj(wbits=31)
    for chunk in chunks:
        while chunk:
            if decompressor.eof:  # the next gzip member starts here
                decompressor = zlib.decompressobj(wbits=31)
            out = decompressor.decompress(chunk, INFLATE_STEP)
            yield out
            chunk = decompressor.unused_data if decompressor.eof else decompressor.unconsumed_tail
            while not chunk and len(out) == INFLATE_STEP and not decompressor.eof:  # output still pending
                out = decompressor.decompress(b"", INFLATE_STEP)
                yield out
    if not decompressor.eof:
        raise EOFError("compressed file ended before the end-of-stream marker was reached")
    yield decompressor.flush()


def _copy_uncompressed(source: str, target: Path, max_bytes: int, timeout: float, shown: str) -> None:
    name = name_of(source)
    try:
        with fsspec.open(reveal(source), "rb", **_storage_options(source, timeout)) as stream:
            first = stream.read(COPY_CHUNK)
            chunks = itertools.chain([first], iter(lambda: stream.read(COPY_CHUNK), b""))
            if first[:2] == b"\x1f\x8b":
                chunks = _gunzip(chunks)
            written = newlines = 0
            with open(target, "wb") as sink:
                for chunk in chunks:
                    written += len(chunk)
                    if written > max_bytes:
                        raise InputError(f"{name}: larger than the size cap of {max_bytes} bytes")
                    nuls = chunk.count(b"\x00")
                    if nuls and looks_binary(chunk, nuls):  # refused now, not after gigabytes of zeros are copied
                        line = newlines + chunk.count(b"\n", 0, chunk.index(b"\x00")) + 1
                        raise InputError(f"{name}: line {line}: binary file (NUL byte)")
                    newlines += chunk.count(b"\n")
                    sink.write(chunk)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(f"{shown}: cannot read: no such file") from None
    except (zlib.error, EOFError) as error:
        raise InputError(f"{name}: not a valid gzip file ({error})") from None
    except Exception as error:  # network and backend errors: the task retries these
        # `from None`: the original error's text may hold the URL's secret, and Prefect
        # logs (and stores) the whole chain.
        raise SourceUnavailable(f"{shown}: cannot read: {type(error).__name__}: {mask(error)}") from None


def looks_binary(chunk: bytes, nuls: int) -> bool:
    """NULs in a row, or more than 1 % of the bytes: not text with a stray NUL (those are
    removed from their entry by the text cleaning, like other control characters)."""
    return b"\x00\x00" in chunk or nuls > max(8, len(chunk) // 100)


def long_line_issue(line_no: int, size: int) -> str:
    """The segment issue of an entry whose line was too long to read."""
    return f"line_too_long: line {line_no} has {size} bytes, more than the limit of {MAX_LINE_BYTES} bytes"


def long_line_text(line_no: int, size: int) -> str:
    """What stands in for a line too long to read: abstract-shaped (long, sentences), so
    the line pairs with the title before it as the long line itself would have."""
    return f"{long_line_issue(line_no, size)}. The line was not read. Its entry is quarantined by its position."


def _read_skipping(path: str, start: int, end: int, long_lines: list) -> bytes:
    """Bytes [start, end) of a file, each long line (start, end, line_no) in it replaced by
    its long_line_text: the long line is never held in memory."""
    pieces: list[bytes] = []
    with open(path, "rb") as handle:
        position = start
        for line_start, line_end, line_no in sorted(long_lines):
            if line_end <= start or line_start >= end:
                continue
            handle.seek(position)
            pieces.append(handle.read(line_start - position))
            pieces.append(long_line_text(line_no, line_end - line_start).encode())
            position = line_end
        handle.seek(position)
        pieces.append(handle.read(end - position))
    return pieces[0] if len(pieces) == 1 else b"".join(pieces)


def decode_range(path: str, start: int, end: int, first_line: int, name: str, long_lines: list = ()) -> str:
    """Text of bytes [start, end) of a local file: BOM and CR/CRLF line ends handled, the
    long lines (start, end, line_no) replaced by long_line_text; an undecodable byte is an
    InputError naming the file and line."""
    data = _read_skipping(path, start, end, list(long_lines))
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
    return _lines_of(pa.array([text], pa.large_string()), source_file, first_line)


def read_lines(path: str, start: int, end: int, first_line: int, name: str, long_lines: list = ()) -> pl.LazyFrame:
    """lines_frame(decode_range(...)), without a Python str in between: the bytes are
    checked as UTF-8 and split by Arrow where they are (decoding 64 MB into a str and
    copying it back costs 30 ms more). Bytes that Arrow does not take as UTF-8 go through
    decode_range, which says where the bad byte is."""
    data = _read_skipping(path, start, end, list(long_lines))
    if b"\r" in data:  # rare: CR/CRLF line ends, as decode_range does them (no byte of a UTF-8 sequence is one)
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    buffer = pa.py_buffer(data)
    if start == 0 and data.startswith(b"\xef\xbb\xbf"):  # the BOM, as "utf-8-sig" drops it
        buffer = buffer.slice(3)
    offsets = pa.array([0, buffer.size], pa.int64()).buffers()[1]
    try:
        text = pa.Array.from_buffers(pa.large_binary(), 1, [None, offsets, buffer]).cast(pa.large_string())
    except pa.ArrowInvalid:
        return lines_frame(decode_range(path, start, end, first_line, name, long_lines), name, first_line)
    return _lines_of(text, name, first_line)


def _lines_of(text: pa.Array, source_file: str, first_line: int) -> pl.LazyFrame:
    """lines_frame of a one-element Arrow string array."""
    # Split eagerly: a one-row frame holding the whole text gets copied by the lazy engine.
    # By Arrow's split_pattern (pyarrow comes with datasets; flows/hub.py uses it too):
    # 13 ms for 64 MB on one thread where Polars' str.split takes 23 ms, and the same lines.
    lines = pl.Series("text", pl.from_arrow(pc.split_pattern(text, "\n").flatten()), dtype=pl.String)
    return (
        pl.LazyFrame(lines)
        .with_row_index("line_no", offset=first_line)
        .select(pl.lit(source_file).alias("source_file"), pl.col("line_no").cast(pl.Int32), "text")
    )
