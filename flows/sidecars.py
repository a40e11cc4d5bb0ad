"""Read the sidecar next to a snapshot (`<date>.meta.jsonl` beside `<date>.txt`, contract 1b).

A sidecar is part of its snapshot's identity: its sha256 goes into the manifest record, and
a snapshot read with a sidecar is staged apart from the same text read without one (its
text is LaTeX from the Hub's API, rendered as such). Anything wrong with a sidecar is a
reason naming its file (and line): the sidecar is refused, the snapshot still goes through.
"""

import hashlib
import json
from pathlib import Path

import polars as pl

from flows import PIPELINE_VERSION
from flows.release import write_parquet
from flows.sources import InputError, name_of, read_lines
from transforms.sidecar import SIDECAR, metadata, mismatch

SIDECAR_SUFFIX = ".meta.jsonl"
MAX_FETCHED_BYTES = 64 * 1024 * 1024  # a day's listing is ~100 kB; a larger file is no fetch
KINDS = {pl.String: str, pl.Int32: int, pl.List(pl.String): list}


def sidecar_of(source: str) -> str:
    """Where the sidecar of a snapshot source would be."""
    for suffix in (".txt.gz", ".txt", ".gz"):
        if source.endswith(suffix):
            return source.removesuffix(suffix) + SIDECAR_SUFFIX
    return source + SIDECAR_SUFFIX


def read_bytes(location: str) -> bytes | None:
    """The sidecar's bytes, or None when there is none. Only beside a local snapshot (the
    fetcher writes local files): probing a remote server for a file it may not have would
    be a request nobody asked for, and would carry the source's credentials."""
    path = Path(location.removeprefix("file://"))
    if "://" in location and not location.startswith("file://"):
        return None
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_FETCHED_BYTES + 1)
    except (FileNotFoundError, IsADirectoryError):
        return None
    except OSError as error:
        raise InputError(f"{name_of(location)}: cannot read: {type(error).__name__}: {error}") from error


def _checked(value, dtype: pl.DataType, field: str, where: str):
    if value is None:
        return None
    kind = KINDS[dtype]
    if not isinstance(value, kind) or isinstance(value, bool) or (kind is list and not all(isinstance(v, str) for v in value)):
        wanted = {list: "a list of strings", int: "an integer", str: "a string"}[kind]
        raise InputError(f"{where}: field {field!r} is not {wanted}")
    return value


def parse(data: bytes, name: str) -> pl.DataFrame:
    """JSON lines -> a frame of the SIDECAR schema; InputError naming file and line."""
    rows = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: not UTF-8 text") from error
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}: line {number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{where}: not JSON ({error.msg})") from error
        if not isinstance(row, dict) or not isinstance(row.get("rank"), int):
            raise InputError(f"{where}: not an object with a rank")
        rows.append({field: _checked(row.get(field), dtype, field, where) for field, dtype in SIDECAR.items()})
    if not rows:
        raise InputError(f"{name}: no entry")
    return pl.DataFrame(rows, schema=SIDECAR)


def ingest_sidecar(source: str, local: Path, size: int, output: Path) -> dict:
    """The sidecar of a snapshot, checked against the snapshot's local copy and staged:
    {} (no sidecar), {"sidecar_refused": reason}, or {"sidecar": staged path (relative to
    output), "sidecar_sha256": ..., "api_text": True}."""
    location = sidecar_of(source)
    name = name_of(location)
    try:
        data = read_bytes(location)
        if data is None:
            return {}
        if len(data) > MAX_FETCHED_BYTES or size > MAX_FETCHED_BYTES:
            raise InputError(f"{name}: its snapshot is larger than a fetched listing can be ({MAX_FETCHED_BYTES} bytes)")
        frame = parse(data, name)
        reason = mismatch(frame, read_lines(str(local), 0, size, 1, name_of(source)))
        if reason:
            raise InputError(f"{name} does not match its snapshot: {reason}")
    except InputError as error:
        return {"sidecar_refused": f"{error}; {name_of(source)} goes through without it"}
    sha256 = hashlib.sha256(data).hexdigest()
    staged = output / "staged" / "sidecars" / f"{sha256}-{PIPELINE_VERSION}.parquet"
    if not staged.exists():
        write_parquet(metadata(frame), staged)
    return {"sidecar": str(staged.relative_to(output)), "sidecar_sha256": sha256, "sidecar_entries": frame.height, "api_text": True}
