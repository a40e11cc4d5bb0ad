"""Staging: every new snapshot -> staged/<sha256>-<version>/ (shard Parquet files + index.json).

The staged folder is the per-snapshot cache: keyed by content hash and pipeline version,
so a snapshot already ingested is never normalized again. index.json is written last;
a folder without it is an interrupted staging and is redone.

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
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path

import polars as pl
from prefect import task
from prefect.cache_policies import NO_CACHE

from flows import PIPELINE_VERSION
from flows.release import write_json
from flows.shards import ShardSpec, normalize_shard, scan
from flows.timing import add_timings
from flows.sources import InputError, SourceUnavailable, localize, name_of, snapshot_date

STAGE_RETRIES = 2
INDEX = "index.json"


def staged_dir(output: Path, sha256: str) -> Path:
    return output / "staged" / f"{sha256}-{PIPELINE_VERSION}"


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
    source: str, output: str, fallback_date: str, max_bytes: int, timeout: float, shard_bytes: int
) -> dict:
    """Make the source a local uncompressed file, hash it and plan its shards."""
    started = time.perf_counter()
    name = name_of(source)
    try:
        path, is_temporary = localize(source, Path(output) / "staged" / ".incoming", max_bytes, timeout)
    except InputError as error:
        return {"source": source, "refused": str(error)}
    try:
        scanned = scan(path, name, shard_bytes)
    except InputError as error:
        _discard(path, is_temporary)
        return {"source": source, "refused": str(error)}
    return {
        "source": source,
        "file": name,
        "sha256": scanned.sha256,
        "snapshot_date": snapshot_date(name, dt.date.fromisoformat(fallback_date)).isoformat(),
        "bytes": scanned.size,
        "local": str(path),
        "temporary": is_temporary,
        "cuts": scanned.cuts,
        "seconds": time.perf_counter() - started,
    }


@task(name="stage-shard", cache_policy=NO_CACHE)
def stage_shard(spec: dict) -> dict:
    return _normalize_or_refuse(spec)


def _normalize_or_refuse(spec: dict) -> dict:
    try:
        return normalize_shard(ShardSpec(**spec))
    except InputError as error:
        return {"index": spec["index"], "refused": str(error)}


def _bounded(specs: list[dict], submit: Callable[[dict], object], result: Callable[[object], dict], parallel: int) -> Iterator[dict]:
    """Results of every spec, with at most `parallel` in flight."""
    in_flight: list[object] = []
    for spec in specs:
        in_flight.append(submit(spec))
        if len(in_flight) >= parallel:
            yield result(in_flight.pop(0))
    for future in in_flight:
        yield result(future)


def run_shards(specs: list[dict], parallel: int, dask_client=None) -> list[dict]:
    """Normalize shards locally (Prefect tasks) or on Dask; results in spec order."""
    if dask_client is None:
        return list(_bounded(specs, stage_shard.submit, lambda future: future.result(), parallel))
    workers = max(len(dask_client.scheduler_info().get("workers", {})), 1)
    submit = lambda spec: dask_client.submit(_normalize_or_refuse, spec, pure=False)  # noqa: E731
    return list(_bounded(specs, submit, lambda future: future.result(), 2 * workers))


def _shard_specs(ingested: dict, target: Path) -> list[dict]:
    return [
        asdict(ShardSpec(ingested["local"], ingested["file"], i, start, end, first_line, str(target / f"shard-{i:05d}.parquet")))
        for i, (start, end, first_line) in enumerate(ingested["cuts"])
    ]


def _discard(path: Path, is_temporary: bool) -> None:
    if is_temporary:
        path.unlink(missing_ok=True)


def _record(ingested: dict, output: Path, entries: int) -> dict:
    keys = ("source", "file", "sha256", "snapshot_date", "bytes")
    target = staged_dir(output, ingested["sha256"])
    return {**{k: ingested[k] for k in keys}, "entries": entries, "staged": str(target.relative_to(output))}


def stage_snapshot(ingested: dict, output: Path, parallel: int, dask_client, timings: dict[str, float]) -> dict:
    """Normalize one ingested snapshot into its staged folder (unless cached)."""
    target = staged_dir(output, ingested["sha256"])
    try:
        if (target / INDEX).exists():
            return {"record": _record(ingested, output, json.loads((target / INDEX).read_text())["entries"])}
        shutil.rmtree(target, ignore_errors=True)  # an interrupted staging: redo it
        results = run_shards(_shard_specs(ingested, target), parallel, dask_client)
    finally:
        _discard(Path(ingested["local"]), ingested["temporary"])
    for result in results:
        add_timings(timings, result.get("timings", {}))
    refusals = [r["refused"] for r in results if "refused" in r]
    entries = sum(r.get("entries", 0) for r in results)
    if refusals or not entries:
        shutil.rmtree(target, ignore_errors=True)
        reason = refusals[0] if refusals else f"{ingested['file']}: no entry found (only blank or boilerplate lines)"
        return {"source": ingested["source"], "refused": reason}
    shards = [{"file": f"shard-{r['index']:05d}.parquet", "entries": r["entries"]} for r in results]
    write_json({"sha256": ingested["sha256"], "entries": entries, "shards": shards}, target / INDEX)
    return {"record": _record(ingested, output, entries)}


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
) -> tuple[list[dict], list[dict], dict[str, float]]:
    """-> (manifest records of staged snapshots, refusals, seconds per stage)."""
    timings: dict[str, float] = {}
    futures = [ingest_snapshot.submit(f, str(output), fallback_date, max_bytes, timeout, shard_bytes) for f in files]
    records, refused = [], []
    for source, future in zip(files, futures):
        try:
            ingested = future.result()
        except SourceUnavailable as error:
            ingested = {"source": source, "refused": f"{error} (after {STAGE_RETRIES + 1} attempts)"}
        if "refused" in ingested:
            refused.append({"source": source, "reason": ingested["refused"]})
            continue
        timings["ingest"] = timings.get("ingest", 0.0) + ingested["seconds"]
        staged = stage_snapshot(ingested, output, parallel, dask_client, timings)
        if "refused" in staged:
            refused.append({"source": source, "reason": staged["refused"]})
        else:
            records.append(staged["record"])
    return records, refused, timings


def staged_entries(snapshots: list[dict], output: Path) -> pl.LazyFrame:
    """The staged entries of every snapshot, ranks made global across each file's shards."""
    frames = []
    for record in snapshots:
        folder = output / record["staged"]
        index = json.loads((folder / INDEX).read_text())
        offset = 0
        for shard in index["shards"]:
            frames.append(
                pl.scan_parquet(folder / shard["file"]).with_columns(
                    rank=pl.col("rank") + offset,
                    snapshot_date=pl.lit(dt.date.fromisoformat(record["snapshot_date"])),
                    source_file=pl.lit(record["file"]),
                )
            )
            offset += shard["entries"]
    return pl.concat(frames)
