"""Find snapshot files (paths, folders, globs, fsspec URLs), read and decode them.

Everything that can go wrong with an input file becomes an `InputError` whose message
names the file (and the line, where there is one): the caller records it as a refusal
and the other files go through.
"""

import datetime as dt
import gzip
import hashlib
import re
from dataclasses import dataclass

import fsspec
import polars as pl

SNAPSHOT_SUFFIXES = (".txt", ".txt.gz", ".gz")
DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")
GLOB_CHARS = re.compile(r"[*?\[]")
DEFAULT_MAX_BYTES = 4 * 1024**3
DEFAULT_TIMEOUT = 60.0  # seconds for one remote read


class InputError(Exception):
    """A source that cannot be read as a snapshot; the message names the file."""


class SourceUnavailable(Exception):
    """A source that could not be reached this time (network, timeout): worth a retry."""


@dataclass(frozen=True)
class Snapshot:
    """One decoded snapshot file."""

    source: str  # path or URL as found
    name: str  # file name, as recorded in source_file
    sha256: str  # of the decompressed bytes: the same content is the same snapshot
    snapshot_date: dt.date
    text: str


def _name_of(source: str) -> str:
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


def _storage_options(source: str, timeout: float) -> dict:
    """Per-protocol options: remote reads get a timeout instead of hanging forever."""
    if source.startswith(("http://", "https://")):
        import aiohttp

        return {"client_kwargs": {"timeout": aiohttp.ClientTimeout(total=timeout)}}
    return {}


def read_bytes(source: str, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """The bytes of one source, at most max_bytes (a larger file is refused, not truncated)."""
    try:
        with fsspec.open(source, "rb", **_storage_options(source, timeout)) as handle:
            data = handle.read(max_bytes + 1)
    except (FileNotFoundError, IsADirectoryError, PermissionError) as error:
        raise InputError(f"{source}: cannot read: {error}") from error
    except Exception as error:  # network and backend errors: the task retries these
        raise SourceUnavailable(f"{source}: cannot read: {type(error).__name__}: {error}") from error
    if len(data) > max_bytes:
        raise InputError(f"{source}: larger than the size cap of {max_bytes} bytes")
    return data


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, name: str) -> str:
    """Bytes of a snapshot file -> text; gzip, BOM and CR/CRLF line ends handled."""
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as error:
            raise InputError(f"{name}: not a valid gzip file ({error})") from error
    if not data.strip():
        raise InputError(f"{name}: empty file")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError(f"{name}: UTF-16 text; snapshots must be UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"{name}: line {_line_of(data, nul)}: binary file (NUL byte)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex()
        raise InputError(f"{name}: line {_line_of(data, error.start)}: not UTF-8 text (byte 0x{bad})") from error
    return text.replace("\r\n", "\n").replace("\r", "\n")


def snapshot_date(name: str, fallback: dt.date) -> dt.date:
    """The ISO date in the file name, else the fallback (--date, else the run's date)."""
    for candidate in DATE_IN_NAME.findall(name):
        try:
            return dt.date.fromisoformat(candidate)
        except ValueError:
            continue
    return fallback


def load_snapshot(
    source: str, fallback_date: dt.date, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT
) -> Snapshot:
    data = read_bytes(source, max_bytes, timeout)
    name = _name_of(source)
    text = decode(data, name)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Snapshot(source, name, digest, snapshot_date(name, fallback_date), text)


def lines_frame(snapshot: Snapshot) -> pl.LazyFrame:
    """One row per line: source_file, line_no (1-based), text."""
    return (
        pl.LazyFrame({"text": [snapshot.text]})
        .select(pl.col("text").str.split("\n"))
        .explode("text")
        .with_row_index("line_no", offset=1)
        .select(pl.lit(snapshot.name).alias("source_file"), pl.col("line_no").cast(pl.Int32), "text")
    )
