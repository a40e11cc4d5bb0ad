"""The Prefect flow: sources -> staged snapshots -> candidate tables -> validation -> release.

Tasks are coarse (one per snapshot, then one per stage) and pass file paths and small
dicts, never DataFrames: Prefect hashes task inputs and would pickle frames it persists.
"""

import contextlib
import datetime as dt
import os
import shutil
import signal
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl
from prefect import State, flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.states import Failed
from prefect.runtime import flow_run

from expectations.rules import split_quarantine
from expectations.suites import validate_release
from flows import PIPELINE_VERSION
from flows.hub import write_hf_repo
from flows.progress import outcome_line, stage
from flows.report import write_release_report
from flows.release import (
    ReleaseError,
    record_run,
    new_release_dir,
    output_lock,
    prune_releases,
    read_manifest,
    switch_current,
    write_json,
    write_table,
)
from flows.fetch import BACKOFF_SECONDS, DEFAULT_LIMIT, FetchError, fetch_day
from flows.shards import DEFAULT_SHARD_MB
from flows.redact import conceal, redact_url
from flows.sources import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, expand_sources_shown
from flows.staging import stage_all, staged_entries
from flows.timing import timed
from transforms import history
from transforms.schema import TABLES


CHANGED = "changed"  # scratch folder of a release: the rows an incremental build (re)computed


@task(name="build-tables", cache_policy=NO_CACHE)
def build_tables(snapshots: list[dict], output: str, release_dir: str, previous_release: str | None = None) -> dict:
    """Staged entries -> candidate parquet/ tables; returns counts and repairs.

    Without previous_release every snapshot's entries are read and the tables are built
    from them. With it (a release of this pipeline version), `snapshots` are only the new
    ones, merged into that release's tables; the rows the merge (re)computed are written
    to <release>/changed/ for validation.
    """
    entries = staged_entries(snapshots, Path(output))
    # Both halves in one query: the rules run once over the entries, not once per half.
    valid, quarantined = pl.collect_all(split_quarantine(entries))
    validate_folder = "parquet"
    changed = None
    if previous_release:
        tables, changed = _merged_tables(Path(previous_release) / "parquet", valid, quarantined)
        if changed["papers"].height:  # else papers' row-count rule needs the whole table
            validate_folder = CHANGED
            for name, frame in changed.items():
                write_table(frame, name, Path(release_dir) / CHANGED)
    else:
        tables = _built_tables(valid, quarantined)
    del valid
    parquet_dir = Path(release_dir) / "parquet"
    for name, frame in tables.items():
        write_table(frame, name, parquet_dir)
    return {
        "counts": {name: frame.height for name, frame in tables.items()},
        "repairs": _repairs(tables["papers"]),
        # the papers this run added or recomputed (all of them in a full build)
        "repairs_this_run": _repairs(tables["papers"] if changed is None else changed["papers"]),
        "validate": validate_folder,
    }


def _repairs(papers: pl.DataFrame) -> dict[str, int]:
    """Papers per repair flag."""
    counts = papers.select(pl.col("flags").explode().drop_nulls().value_counts(sort=True)).unnest("flags")
    return dict(sorted(zip(counts["flags"].to_list(), counts["count"].to_list())))


def _built_tables(valid: pl.DataFrame, quarantined: pl.DataFrame) -> dict[str, pl.DataFrame]:
    papers = history.papers(valid.lazy()).collect()
    return {
        "papers": papers,
        "claims": history.claims(papers.lazy()).collect(),
        "appearances": history.appearances(valid.lazy()).collect(),
        "quarantine": quarantined,
    }


def _merged_tables(previous_dir: Path, valid: pl.DataFrame, quarantined: pl.DataFrame):
    previous = {name: pl.scan_parquet(previous_dir / f"{name}.parquet") for name in TABLES}
    merged = history.merge(previous, valid.lazy(), quarantined.lazy())
    frames = dict(zip(merged, pl.collect_all(merged.values())))
    tables = {name: frames[name] for name in TABLES}
    changed = {name: frames[f"{name}_changed"] for name in TABLES}
    return tables, changed


@task(name="validate", cache_policy=NO_CACHE)
def validate(
    release_dir: str,
    folder: str = "parquet",
    snapshots: list[dict] | None = None,
    output: str | None = None,
    run_time: str | None = None,
    history: str | None = None,
) -> dict:
    """Great Expectations over the candidate tables (or over the rows an incremental
    build changed: the others passed when their release was built) and over the entries
    of `snapshots` as read (the ones this run built from); writes reports/, carrying
    over the validation history of the release in `history`."""
    tables_dir = Path(release_dir) / folder
    tables = {name: pl.scan_parquet(tables_dir / f"{name}.parquet") for name in TABLES}  # read: what the rules need
    entries = staged_entries(snapshots, Path(output)) if snapshots and output else None
    scope = "all rows" if folder == "parquet" else "the rows this run added or changed"
    outcome = validate_release(
        tables,
        Path(release_dir) / "reports",
        entries=entries,
        run_time=dt.datetime.fromisoformat(run_time) if run_time else None,
        run_name=Path(release_dir).name,
        scope=scope,
        history=Path(history) / "reports" if history else None,
    )
    if folder == CHANGED:
        shutil.rmtree(tables_dir)
    return {
        "success": outcome.success,
        "summary": outcome.summary(),
        "failed_rules": list(outcome.failed_rules),
        "scope": scope,
    }


@task(name="publish", cache_policy=NO_CACHE)
def publish(output: str, release_dir: str, manifest: dict, previous_release: str | None = None) -> None:
    """Write the release report (what changed since previous_release), hf/ and
    manifest.json into the release, then make it current."""
    release = Path(release_dir)
    manifest["changes"] = write_release_report(release, manifest, Path(previous_release) if previous_release else None)
    tables = {name: release / "parquet" / f"{name}.parquet" for name in TABLES}
    write_hf_repo(tables, release / "hf", manifest)
    write_json(manifest, release / "manifest.json")
    crash_point("written")
    previous = switch_current(Path(output), release)
    crash_point("switched")
    prune_releases(Path(output), keep={release, *([previous] if previous else [])})


def _identity(record: dict) -> tuple[str, str | None]:
    """A snapshot is its content and its sidecar's (contract 1b)."""
    return record["sha256"], record.get("sidecar_sha256")


def _merge_snapshots(previous: list[dict], staged: list[dict]) -> tuple[list[dict], list[dict]]:
    """All snapshots of the release (sorted) and the ones new to it, by content hash (and
    sidecar hash). A text read again with another sidecar (or a first one) replaces its
    earlier reading."""
    known = {_identity(record) for record in previous}
    new: dict[tuple, dict] = {}
    for record in staged:
        if _identity(record) not in known:
            new.setdefault(_identity(record), record)
    replaced = {key[0] for key in new}
    order = lambda r: (r["snapshot_date"], r["file"], r["sha256"])  # noqa: E731
    kept = [record for record in previous if record["sha256"] not in replaced]
    return sorted([*kept, *new.values()], key=order), sorted(new.values(), key=order)


def _merge_is_exact(previous_manifest: dict, new: list[dict]) -> bool:
    """Whether merging `new` into the previous release gives what a full build gives: not
    when a text is read again (with another sidecar), nor when a snapshot with a sidecar
    is not later than the release (a paper's sidecar columns come from its latest one)."""
    previous = previous_manifest.get("snapshots", [])
    texts = {record["sha256"] for record in previous}
    latest = max((record["snapshot_date"] for record in previous), default="")
    return not any(r["sha256"] in texts or (r.get("sidecar") and r["snapshot_date"] <= latest) for r in new)


def _new_versions(previous: list[dict], new: list[dict]) -> list[str]:
    names = {record["file"] for record in previous}
    return [f"{r['file']} changed since it was last ingested: kept as a new version" for r in new if r["file"] in names]


def _incremental_base(output: Path, previous_manifest: dict, rebuild: bool) -> str | None:
    """The release to merge new snapshots into, or None to build from every snapshot:
    only a release of this pipeline version (its rows were made and validated by the same
    code), and never when asked to rebuild."""
    if rebuild or previous_manifest.get("pipeline_version") != PIPELINE_VERSION:
        return None
    release = (output / "current").resolve()
    if not all((release / "parquet" / f"{name}.parquet").exists() for name in TABLES):
        return None
    return str(release)


def _current_release(output: Path) -> str | None:
    """The release `output/current` points at (the previous one, while a run builds), if any."""
    current = output / "current"
    return str(current.resolve()) if current.exists() else None


def crash_point(name: str) -> None:
    """Fault injection for the kill -9 tests: TRENDING_PAPERS_CRASH_AT=<name> kills the run here."""
    if os.environ.get("TRENDING_PAPERS_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


@dataclass(frozen=True)
class RunOptions:
    """How a run reads and shards its inputs, and where the shards run."""

    snapshot_date: str | None = None  # for files with no date in their name
    max_bytes: int = DEFAULT_MAX_BYTES  # larger (uncompressed) files are refused
    timeout: float = DEFAULT_TIMEOUT  # seconds for one remote read
    shard_mb: float = DEFAULT_SHARD_MB  # shard size of large snapshots
    parallel: int = 2  # shards normalized at once (local threads)
    dask_address: str | None = None  # run shards on this Dask scheduler
    dask_workers: int | None = None  # or on a local Dask cluster of N worker processes
    rebuild: bool = False  # build every table from all snapshots, not by merging into the last release


@contextlib.contextmanager
def dask_client(address: str | None, workers: int | None) -> Iterator[object | None]:
    """A dask.distributed client when asked for one, else None (local threads)."""
    if not address and not workers:
        yield None
        return
    from dask.distributed import Client, LocalCluster

    if address:
        with Client(address, timeout=30) as client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            yield client


@flow(name="trending-papers-release")
def build_release(
    sources: list[str],
    output: str = "output",
    snapshot_date: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    shard_mb: float = DEFAULT_SHARD_MB,
    parallel: int = 2,
    dask_address: str | None = None,
    dask_workers: int | None = None,
    rebuild: bool = False,
) -> dict | State:
    """Ingest the snapshots not yet in `output`, merge them into the current release's
    tables (or build every table from all snapshots: the first run, a new pipeline
    version, or `rebuild`), validate, publish.

    A run that cannot publish ends Failed with a one-line reason (no traceback: it is an
    expected outcome, and the previous release stays as it was). Every run, whatever its
    outcome, appends one line to output/runs.jsonl.
    """
    started = dt.datetime.now(dt.UTC)
    run_id = str(flow_run.id or uuid.uuid4())
    options = RunOptions(snapshot_date, max_bytes, timeout, shard_mb, parallel, dask_address, dask_workers, rebuild)
    try:
        summary = _build_release(run_id, sources, Path(output), options)
    except ReleaseError as error:
        failed = {"run_id": run_id, "sources": [redact_url(source) for source in sources], "outcome": "failed", "reason": str(error)}
        record_run(Path(output), failed, started)
        get_run_logger().error(outcome_line(failed))  # the run's last line, in its log and the UI
        return Failed(message=str(error))
    record_run(Path(output), summary, started)
    get_run_logger().info(outcome_line(summary))
    return summary


def run_release(sources: list[str], output: str, snapshot_date: str | None = None, **options) -> dict:
    """Run the flow; return its summary or raise ReleaseError with the reason.
    `options` are build_release's keyword parameters (max_bytes, timeout, shard_mb, ...).
    Sources with secrets are concealed first: Prefect stores the flow's parameters."""
    state = build_release([conceal(source) for source in sources], output, snapshot_date, **options, return_state=True)
    if not state.is_completed():
        raise ReleaseError(state.message or "the run failed")
    return state.result()


# --- From the Hub: fetch today's listing, then run (contract 1b) ---------------------------
FETCHED = "fetched"  # default folder of fetched snapshots, inside the output folder


@task(
    name="fetch-trending-listing",
    retries=2,
    # On top of the fetcher's own retries of each page (seconds apart): minutes apart, for
    # an outage that outlasts those.
    retry_delay_seconds=[15 * BACKOFF_SECONDS, 60 * BACKOFF_SECONDS],
    cache_policy=NO_CACHE,
)
def fetch_listing(folder: str, snapshot_date: str | None, limit: int, refetch: bool) -> dict:
    """The Hub's trending listing -> <folder>/<date>.txt + .meta.jsonl (unless fetched already)."""
    summary = fetch_day(Path(folder), snapshot_date, limit, refetch)
    logger = get_run_logger()
    logger.info("fetch %s: %s", summary["date"], summary["outcome"])
    for reason in summary.get("skipped", []):
        logger.warning("left out of the listing: %s", reason)
    return summary


@task(name="push-to-hub", retries=2, retry_delay_seconds=[30, 120], cache_policy=NO_CACHE)
def push_to_hub_task(output: str, repo_id: str) -> str:
    """Upload the published release (hf/) to a Hub dataset repository, tagged with its date."""
    from flows.hub import push_release

    return push_release(Path(output), repo_id)


@flow(name="trending-papers-from-hub")
def fetch_and_release(
    output: str = "output",
    fetched: str | None = None,
    snapshot_date: str | None = None,
    limit: int = DEFAULT_LIMIT,
    refetch: bool = False,
    sources: list[str] | None = None,
    rebuild: bool = False,
    push_to_hub: str | None = None,
) -> dict | State:
    """Fetch the Hub's trending listing (its own task, retried with backoff), then ingest,
    validate and publish as `trending-papers-release` does, in this one flow run. The
    fetched snapshots stay in `fetched` (default <output>/fetched), a source of every run.
    A fetch that fails ends the run Failed with its one-line reason; nothing is written.
    `push_to_hub` (ORG/NAME): a run that published a new release uploads it there."""
    started = dt.datetime.now(dt.UTC)
    folder = fetched or str(Path(output) / FETCHED)
    try:
        fetch = fetch_listing(folder, snapshot_date, limit, refetch)
    except FetchError as error:
        reason = f"fetch failed, nothing written: {error}"
        run = {"run_id": str(flow_run.id or uuid.uuid4()), "sources": [folder], "outcome": "failed", "reason": reason}
        record_run(Path(output), run, started)
        return Failed(message=reason)
    result = build_release.fn([folder, *(sources or [])], output, snapshot_date, rebuild=rebuild)
    if not isinstance(result, dict):
        return result
    if push_to_hub and result["outcome"] == "published":
        try:
            result = {**result, "pushed": push_to_hub_task(output, push_to_hub)}
        except Exception as error:  # the release stands; the upload is retried by the next run's publish
            return Failed(message=f"published, but the push to {push_to_hub} failed: {type(error).__name__}: {error}")
    return {**result, "fetch": fetch}


def run_from_hub(output: str, snapshot_date: str | None = None, **options) -> dict:
    """Run fetch_and_release; its summary (with `fetch`), or ReleaseError with the reason."""
    state = fetch_and_release(output, snapshot_date=snapshot_date, **options, return_state=True)
    if not state.is_completed():
        raise ReleaseError(state.message or "the run failed")
    return state.result()


def _build_release(run_id: str, sources: list[str], out: Path, options: RunOptions) -> dict:
    logger = get_run_logger()
    run_time = dt.datetime.now(dt.UTC)  # names the run in the validation history
    fallback_date = options.snapshot_date or dt.datetime.now(dt.UTC).date().isoformat()
    with output_lock(out), dask_client(options.dask_address, options.dask_workers) as client:
        previous_manifest = read_manifest(out) or {}
        previous = previous_manifest.get("snapshots", [])
        found, refused_sources = expand_sources_shown(sources)
        files, shown = [file for file, _ in found], dict(found)
        staging_wall: dict[str, float] = {}
        with timed(staging_wall, "staging_wall"):  # ingest + normalize + claims as the clock sees them
            records, refused, timings = stage_all(
                files,
                out,
                fallback_date,
                max_bytes=options.max_bytes,
                timeout=options.timeout,
                shard_bytes=max(int(options.shard_mb * 1024 * 1024), 1),
                parallel=options.parallel,
                dask_client=client,
                shown=shown,
                date_given=options.snapshot_date is not None,
            )
        timings.update(staging_wall)
        crash_point("staged")
        refused = [{"source": s, "reason": r} for s, r in refused_sources] + refused
        snapshots, new = _merge_snapshots(previous, records)
        summary = {
            "run_id": run_id,
            "output": str(out),
            "sources": [shown[file] for file in files],
            "snapshots_read": len(records),
            "snapshots_new": [r["file"] for r in new],
            "entries": sum(r["entries"] for r in new),
            "refused": refused,
            "notes": _new_versions(previous, new),
        }
        for item in refused:
            logger.warning("refused %s", item["reason"])
        if not new and not previous:
            raise ReleaseError("nothing to publish: " + ("; ".join(i["reason"] for i in refused) or "no source given"))
        if not new and not options.rebuild:
            return {**summary, "outcome": "unchanged", "counts": previous_manifest.get("counts", {})}
        release_dir = new_release_dir(out, f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{run_id[:8]}")
        base = _incremental_base(out, previous_manifest, options.rebuild or not _merge_is_exact(previous_manifest, new))
        built_from = new if base else snapshots
        with timed(timings, "build"), stage("build"):
            built = build_tables(built_from, str(out), str(release_dir), base)
        crash_point("built")
        previous_release = _current_release(out)
        with timed(timings, "validate"), stage("validate"):
            validation = validate(
                str(release_dir), built.pop("validate"), built_from, str(out), run_time.isoformat(), previous_release
            )
        crash_point("validated")
        if not validation["success"]:
            raise ReleaseError(f"{validation['summary']} (report: {release_dir / 'reports'}); the previous release is unchanged")
        manifest = {
            "pipeline_version": PIPELINE_VERSION,
            "run_id": run_id,
            "release_id": release_dir.name,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "release_date": max(r["snapshot_date"] for r in snapshots),
            "snapshots": snapshots,
            "counts": built["counts"],
            "repairs": built["repairs"],
            "validation": validation,
            "refused": refused,
        }
        with timed(timings, "publish"), stage("publish"):
            publish(str(out), str(release_dir), manifest, previous_release)
        summary["timings"] = {stage: round(seconds, 3) for stage, seconds in timings.items()}
        return {**summary, **built, "outcome": "published", "release": str(release_dir), "validation": validation}
