"""Staging: every new snapshot -> staged/<sha256>-<version>/ (shard Parquet files + index.json).

The staged folder is the per-snapshot cache: keyed by content hash and pipeline version,
so a snapshot already ingested is never normalized again. Shards are written to a scratch
folder (staged/.partial-*) that is renamed into place with its index.json once every
shard is done, so a staged folder is always whole. A snapshot of several shards is hashed
(a task of its own) while its shards run: hashing 1.4 GB takes 6.5 s on this machine, and
nothing else could run meanwhile. If it was staged already after all, no further shard is
started and the cached folder is used.

Shards run as Prefect tasks in threads (at most `parallel` at a time, so memory is bounded
by what the running shards hold), or on a Dask cluster: there `normalize_shard` runs as a
plain function on the workers through a dask.distributed client inside this flow, which
needs no Prefect API on the workers (Prefect tasks on Dask workers would need a real one,
not the ephemeral API).
"""

import datetime as dt
import json
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path

import polars as pl
from prefect import task
from prefect.cache_policies import NO_CACHE

from flows import PIPELINE_VERSION
from flows.progress import stage
from flows.release import write_json
from flows.shards import ShardSpec, normalize_shard, scan, sha256_of
from flows.timing import add_timings
from flows.redact import mask, redact_url
from flows.sidecars import ingest_sidecar
from flows.sources import InputError, SourceUnavailable, localize, name_of, snapshot_date
from transforms.sidecar import with_metadata, without_metadata

STAGE_RETRIES = 2
INDEX = "index.json"


def staged_dir(output: Path, sha256: str, api_text: bool = False) -> Path:
    """A snapshot read with a sidecar (its text is the API's LaTeX) is staged apart."""
    return output / "staged" / f"{sha256}-{PIPELINE_VERSION}{'-api' if api_text else ''}"


def _is_transient(task, task_run, state) -> bool:
    """Retry only when the source could not be reached; bad input stays refused."""
    return isinstance(state.result(raise_on_failure=False), SourceUnavailable)


@task(
    name="ingest-snapshot",
    retries=STAGE_RETRIES,
    retry_delay_seconds=[1, 5],
    retry_condition_fn=_is_transient,
    cache_policy=NO_CACHE,
)
def ingest_snapshot(
    source: str,
    output: str,
    fallback_date: str,
    max_bytes: int,
    timeout: float,
    shard_bytes: int,
    shown: str | None = None,
    date_given: bool = False,
) -> dict:
    """Make the source a local uncompressed file and plan its shards (and hash it, if it
    is one shard: a larger file is hashed by `hash_snapshot` while its shards run).
    `shown` is how records name the source (flows.sources.expand_sources_shown)."""
    started = time.perf_counter()
    name = name_of(source)
    shown = shown or redact_url(source)
    try:
        date = snapshot_date(name, dt.date.fromisoformat(fallback_date), date_given=date_given)
        path, is_temporary = localize(source, Path(output) / "staged" / ".incoming", max_bytes, timeout, shown)
    except InputError as error:
        return {"source": shown, "refused": str(error)}
    try:
        scanned = scan(path, name, shard_bytes)
    except InputError as error:
        _discard(path, is_temporary)
        return {"source": shown, "refused": str(error)}
    sidecar = ingest_sidecar(source, path, scanned.size, Path(output))
    return {
        **sidecar,
        "source": shown,
        "file": name,
        "sha256": scanned.sha256,
        "snapshot_date": date.isoformat(),
        "bytes": scanned.size,
        "local": str(path),
        "temporary": is_temporary,
        "cuts": scanned.cuts,
        "long_lines": scanned.long_lines,
        "seconds": time.perf_counter() - started,
    }


@task(name="hash-snapshot", cache_policy=NO_CACHE)
def hash_snapshot(path: str) -> dict:
    started = time.perf_counter()
    return {"sha256": sha256_of(Path(path)), "seconds": time.perf_counter() - started}


@task(name="stage-shard", cache_policy=NO_CACHE)
def stage_shard(spec: dict) -> dict:
    return _normalize_or_refuse(spec)


def _normalize_or_refuse(spec: dict) -> dict:
    try:
        return normalize_shard(ShardSpec(**spec))
    except InputError as error:
        return {"index": spec["index"], "refused": str(error)}


def _bounded(
    specs: list[dict],
    submit: Callable[[dict], object],
    result: Callable[[object], dict],
    parallel: int,
    stop: Callable[[], bool],
) -> Iterator[dict]:
    """Results of the specs, with at most `parallel` in flight; once stop() is true no
    further spec is submitted (the ones in flight still finish)."""
    in_flight: list[object] = []
    for spec in specs:
        if stop():
            break
        in_flight.append(submit(spec))
        if len(in_flight) >= parallel:
            yield result(in_flight.pop(0))
    for future in in_flight:
        yield result(future)


def run_shards(
    specs: list[dict],
    parallel: int,
    dask_client=None,
    stop: Callable[[], bool] = lambda: False,
    on_result: Callable[[dict], None] = lambda result: None,
) -> list[dict]:
    """Normalize shards locally (Prefect tasks) or on Dask; results in spec order (only
    the ones started before stop() became true); on_result sees each as it comes."""

    def result(future) -> dict:
        done = future.result()
        on_result(done)
        return done

    if dask_client is None:
        return list(_bounded(specs, stage_shard.submit, result, parallel, stop))
    workers = max(len(dask_client.scheduler_info().get("workers", {})), 1)
    submit = lambda spec: dask_client.submit(_normalize_or_refuse, spec, pure=False)  # noqa: E731
    return list(_bounded(specs, submit, result, 2 * workers, stop))


def _shard_specs(ingested: dict, target: Path) -> list[dict]:
    def long_lines(start: int, end: int) -> tuple:
        return tuple(line for line in ingested.get("long_lines", ()) if start <= line[0] < end)

    return [
        asdict(
            ShardSpec(
                ingested["local"], ingested["file"], i, start, end, first_line,
                str(target / f"shard-{i:05d}.parquet"), long_lines(start, end), ingested.get("api_text", False),
            )
        )  # fmt: skip
        for i, (start, end, first_line) in enumerate(ingested["cuts"])
    ]


def _discard(path: Path, is_temporary: bool) -> None:
    if is_temporary:
        path.unlink(missing_ok=True)


def _record(ingested: dict, output: Path, entries: int) -> dict:
    keys = ("source", "file", "sha256", "snapshot_date", "bytes")
    target = staged_dir(output, ingested["sha256"], ingested.get("api_text", False))
    record = {**{k: ingested[k] for k in keys}, "entries": entries, "staged": str(target.relative_to(output))}
    if "sidecar" in ingested and ingested["sidecar_entries"] == entries:
        record.update(sidecar=ingested["sidecar"], sidecar_sha256=ingested["sidecar_sha256"])
    return record


def _sidecar_refusal(ingested: dict, entries: int) -> str | None:
    """Why the snapshot's sidecar is not used, if it is not."""
    if "sidecar_refused" in ingested:
        return ingested["sidecar_refused"]
    if "sidecar" in ingested and ingested["sidecar_entries"] != entries:
        return (
            f"{ingested['sidecar'].rsplit('/', 1)[-1]}: lists {ingested['sidecar_entries']} entries, "
            f"{ingested['file']} has {entries}; {ingested['file']} goes through without it"
        )
    return None


def _staged_entries_count(output: Path, sha256: str, api_text: bool = False) -> int | None:
    """Entries of a snapshot staged already, else None."""
    index = staged_dir(output, sha256, api_text) / INDEX
    return json.loads(index.read_text())["entries"] if index.exists() else None


def stage_snapshot(ingested: dict, output: Path, parallel: int, dask_client, timings: dict[str, float]) -> dict:
    """Normalize one ingested snapshot into its staged folder (unless cached)."""
    scratch = output / "staged" / f".partial-{uuid.uuid4().hex}"
    hashing = None if ingested["sha256"] else hash_snapshot.submit(ingested["local"])
    api_text = ingested.get("api_text", False)
    results: list[dict] = []
    try:
        # Staged already? Known now for a hashed file, once its hash is done for the others.
        cached_entries = None if hashing else _staged_entries_count(output, ingested["sha256"], api_text)
        if cached_entries is None:
            staged_meanwhile = lambda: hashing is not None and hashing.state.is_completed() and (  # noqa: E731
                _staged_entries_count(output, hashing.result()["sha256"], api_text) is not None
            )
            specs = _shard_specs(ingested, scratch)
            shard_bytes = lambda result: specs[result["index"]]["end"] - specs[result["index"]]["start"]  # noqa: E731
            with stage(f"normalize {ingested['file']}", total=len(specs), total_bytes=ingested["bytes"]) as shown:
                results = run_shards(specs, parallel, dask_client, staged_meanwhile, lambda r: shown.advance(shard_bytes(r)))
        if hashing is not None:
            hashed = hashing.result()  # before the finally: the hash reads the local file
            ingested = {**ingested, "sha256": hashed["sha256"]}
            add_timings(timings, {"ingest": hashed["seconds"]})
            cached_entries = _staged_entries_count(output, hashed["sha256"], api_text)
    finally:
        _discard(Path(ingested["local"]), ingested["temporary"])
    if cached_entries is not None:
        shutil.rmtree(scratch, ignore_errors=True)
        return {"record": _record(ingested, output, cached_entries), "sidecar_refused": _sidecar_refusal(ingested, cached_entries)}
    for result in results:
        add_timings(timings, result.get("timings", {}))
    refusals = [r["refused"] for r in results if "refused" in r]
    entries = sum(r.get("entries", 0) for r in results)
    if refusals or not entries:
        shutil.rmtree(scratch, ignore_errors=True)
        reason = refusals[0] if refusals else f"{ingested['file']}: no entry found (only blank or boilerplate lines)"
        return {"source": ingested["source"], "refused": reason}
    shards = [{"file": f"shard-{r['index']:05d}.parquet", "entries": r["entries"]} for r in results]
    write_json({"sha256": ingested["sha256"], "entries": entries, "shards": shards}, scratch / INDEX)
    target = staged_dir(output, ingested["sha256"], api_text)
    shutil.rmtree(target, ignore_errors=True)  # a folder without index.json: an interrupted staging of an older version
    scratch.rename(target)
    return {"record": _record(ingested, output, entries), "sidecar_refused": _sidecar_refusal(ingested, entries)}


def _remove_scratch(output: Path) -> None:
    """Scratch folders a killed run left behind (runs on one output are serialized)."""
    for scratch in (output / "staged").glob(".partial-*"):
        shutil.rmtree(scratch, ignore_errors=True)


def stage_all(
    files: list[str],
    output: Path,
    fallback_date: str,
    *,
    max_bytes: int,
    timeout: float,
    shard_bytes: int,
    parallel: int,
    dask_client=None,
    shown: dict[str, str] | None = None,
    date_given: bool = False,
) -> tuple[list[dict], list[dict], dict[str, float]]:
    """-> (manifest records of staged snapshots, refusals, seconds per stage).
    `shown`: how records name each file (default: its redacted form); `date_given`: the
    fallback date was given (--date), so it also dates a file whose name holds an
    impossible date."""
    timings: dict[str, float] = {}
    _remove_scratch(output)
    shown = {file: (shown or {}).get(file) or redact_url(file) for file in files}
    futures = [
        ingest_snapshot.submit(f, str(output), fallback_date, max_bytes, timeout, shard_bytes, shown[f], date_given)
        for f in files
    ]
    records, refused = [], []
    for source, future in zip(files, futures):
        with stage(f"read {name_of(source)}") as progress:
            try:
                ingested = future.result()
            except SourceUnavailable as error:
                ingested = {"source": shown[source], "refused": f"{error} (after {STAGE_RETRIES + 1} attempts)"}
            progress.advance(ingested.get("bytes", 0), count=0)
        if "refused" in ingested:
            refused.append({"source": shown[source], "reason": mask(ingested["refused"])})
            continue
        timings["ingest"] = timings.get("ingest", 0.0) + ingested["seconds"]
        staged = stage_snapshot(ingested, output, parallel, dask_client, timings)
        if "refused" in staged:
            refused.append({"source": shown[source], "reason": mask(staged["refused"])})
        else:
            records.append(staged["record"])
            if staged["sidecar_refused"]:
                refused.append({"source": shown[source], "reason": mask(staged["sidecar_refused"])})
    return records, refused, timings


def staged_entries(snapshots: list[dict], output: Path) -> pl.LazyFrame:
    """The staged entries of every snapshot, ranks made global across each file's shards.

    One scan over every shard file (Polars decodes files in parallel; a concat of one
    scan per file decoded them one after the other): each row's file says which
    snapshot it is from and what its shard's rank offset is."""
    paths: list[str] = []
    offsets: list[int] = []
    dates: list[dt.date] = []
    names: list[str] = []
    numbers: list[int] = []
    for number, record in enumerate(snapshots):
        folder = output / record["staged"]
        offset = 0
        for shard in json.loads((folder / INDEX).read_text())["shards"]:
            paths.append(str(folder / shard["file"]))
            offsets.append(offset)
            dates.append(dt.date.fromisoformat(record["snapshot_date"]))
            names.append(record["file"])
            numbers.append(number)
            offset += shard["entries"]
    shard_file = pl.col("__shard_file")
    entries = (
        pl.scan_parquet(paths, include_file_paths="__shard_file")
        .with_columns(
            rank=pl.col("rank") + shard_file.replace_strict(paths, offsets, return_dtype=pl.Int32),
            snapshot_date=shard_file.replace_strict(paths, dates, return_dtype=pl.Date),
            source_file=shard_file.replace_strict(paths, names, return_dtype=pl.String),
        )
    )
    # Sidecars (contract 1b): row k of a snapshot's sidecar is its entry of rank k.
    sidecars = [(number, output / r["sidecar"]) for number, r in enumerate(snapshots) if r.get("sidecar")]
    if not sidecars:
        return without_metadata(entries.drop("__shard_file"))
    metadata = pl.concat([pl.scan_parquet(path).with_columns(__snapshot=pl.lit(number, pl.Int32)) for number, path in sidecars])
    snapshot = shard_file.replace_strict(paths, numbers, return_dtype=pl.Int32).alias("__snapshot")
    return with_metadata(entries.with_columns(snapshot), metadata, on=["__snapshot", "rank"]).drop("__shard_file", "__snapshot")
