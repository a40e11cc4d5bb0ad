"""The Prefect flow: sources -> staged snapshots -> candidate tables -> validation -> release.

Tasks are coarse (one per snapshot, then one per stage) and pass file paths and small
dicts, never DataFrames: Prefect hashes task inputs and would pickle frames it persists.
"""

import datetime as dt
import uuid
from pathlib import Path

import polars as pl
from prefect import State, flow, get_run_logger, task
from prefect.states import Failed
from prefect.runtime import flow_run

from expectations.rules import split_quarantine
from expectations.suites import validate_release
from flows import PIPELINE_VERSION
from flows.hub import write_hf_repo
from flows.release import (
    ReleaseError,
    new_release_dir,
    output_lock,
    prune_releases,
    read_manifest,
    staged_path,
    switch_current,
    write_json,
    write_parquet,
    write_table,
)
from flows.sources import DEFAULT_MAX_BYTES, InputError, expand_sources, lines_frame, load_snapshot
from transforms import history
from transforms.normalize import normalize
from transforms.schema import TABLES


@task(name="stage-snapshot", retries=2, retry_delay_seconds=2)
def stage_snapshot(source: str, output: str, fallback_date: str, max_bytes: int = DEFAULT_MAX_BYTES) -> dict:
    """Read, decode and normalize one snapshot into staged/ (skipped when already cached).

    Returns the snapshot's manifest record, or {"source", "refused"} with the reason.
    """
    try:
        snapshot = load_snapshot(source, dt.date.fromisoformat(fallback_date), max_bytes)
    except InputError as error:
        return {"source": source, "refused": str(error)}
    path = staged_path(Path(output), snapshot.sha256, PIPELINE_VERSION)
    if path.exists():
        entries = pl.scan_parquet(path).select(pl.len()).collect().item()
    else:
        frame = normalize(lines_frame(snapshot)).collect()
        entries = frame.height
        if entries:
            write_parquet(frame, path)
    if not entries:
        return {"source": source, "refused": f"{snapshot.name}: no entry found (only blank or boilerplate lines)"}
    return {
        "source": source,
        "file": snapshot.name,
        "sha256": snapshot.sha256,
        "snapshot_date": snapshot.snapshot_date.isoformat(),
        "entries": entries,
        "staged": str(path.relative_to(output)),
    }


def _entries_of(snapshots: list[dict], output: Path) -> pl.LazyFrame:
    return pl.concat(
        [
            pl.scan_parquet(output / record["staged"]).with_columns(
                snapshot_date=pl.lit(dt.date.fromisoformat(record["snapshot_date"])),
                source_file=pl.lit(record["file"]),
            )
            for record in snapshots
        ]
    )


@task(name="build-tables")
def build_tables(snapshots: list[dict], output: str, release_dir: str) -> dict:
    """Staged entries of every snapshot -> candidate parquet/ tables; returns counts."""
    entries = _entries_of(snapshots, Path(output))
    valid, quarantined = split_quarantine(entries)
    valid = valid.collect()
    papers = history.papers(valid.lazy()).collect()
    tables = {
        "papers": papers,
        "claims": history.claims(papers.lazy()).collect(),
        "appearances": history.appearances(valid.lazy()).collect(),
        "quarantine": quarantined.collect(),
    }
    parquet_dir = Path(release_dir) / "parquet"
    for name, frame in tables.items():
        write_table(frame, name, parquet_dir)
    repairs = papers.select(pl.col("flags").explode().drop_nulls().value_counts(sort=True)).unnest("flags")
    return {
        "counts": {name: frame.height for name, frame in tables.items()},
        "repairs": dict(sorted(zip(repairs["flags"].to_list(), repairs["count"].to_list()))),
    }


@task(name="validate")
def validate(release_dir: str) -> dict:
    """Great Expectations over the candidate tables; writes reports/ into the release."""
    parquet_dir = Path(release_dir) / "parquet"
    tables = {name: pl.read_parquet(parquet_dir / f"{name}.parquet") for name in TABLES}
    outcome = validate_release(tables, Path(release_dir) / "reports")
    return {"success": outcome.success, "summary": outcome.summary(), "failed_rules": list(outcome.failed_rules)}


@task(name="publish")
def publish(output: str, release_dir: str, manifest: dict) -> None:
    """Write hf/ and manifest.json into the release, then make it current."""
    release = Path(release_dir)
    tables = {name: release / "parquet" / f"{name}.parquet" for name in TABLES}
    write_hf_repo(tables, release / "hf", manifest)
    write_json(manifest, release / "manifest.json")
    switch_current(Path(output), release)
    prune_releases(Path(output))


def _merge_snapshots(previous: list[dict], staged: list[dict]) -> tuple[list[dict], list[dict]]:
    """All snapshots of the release (sorted) and the ones new to it, by content hash."""
    known = {record["sha256"] for record in previous}
    new: dict[str, dict] = {}
    for record in staged:
        if record["sha256"] not in known:
            new.setdefault(record["sha256"], record)
    merged = sorted([*previous, *new.values()], key=lambda r: (r["snapshot_date"], r["file"], r["sha256"]))
    return merged, sorted(new.values(), key=lambda r: (r["snapshot_date"], r["file"], r["sha256"]))


def _new_versions(previous: list[dict], new: list[dict]) -> list[str]:
    names = {record["file"] for record in previous}
    return [f"{record['file']} changed since it was last ingested: kept as a new version" for record in new if record["file"] in names]


@flow(name="trending-papers-release")
def build_release(
    sources: list[str],
    output: str = "output",
    snapshot_date: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> dict | State:
    """Ingest the snapshots not yet in `output`, rebuild the tables, validate, publish.

    A run that cannot publish ends Failed with a one-line reason (no traceback: it is an
    expected outcome, and the previous release stays as it was).
    """
    try:
        return _build_release(sources, output, snapshot_date, max_bytes)
    except ReleaseError as error:
        return Failed(message=str(error))


def run_release(sources: list[str], output: str, snapshot_date: str | None, max_bytes: int = DEFAULT_MAX_BYTES) -> dict:
    """Run the flow; return its summary or raise ReleaseError with the reason."""
    state = build_release(sources, output, snapshot_date, max_bytes, return_state=True)
    if not state.is_completed():
        raise ReleaseError(state.message or "the run failed")
    return state.result()


def _build_release(sources: list[str], output: str, snapshot_date: str | None, max_bytes: int) -> dict:
    logger = get_run_logger()
    out = Path(output)
    fallback_date = snapshot_date or dt.datetime.now(dt.UTC).date().isoformat()
    with output_lock(out):
        previous_manifest = read_manifest(out) or {}
        previous = previous_manifest.get("snapshots", [])
        files, refused_sources = expand_sources(sources)
        futures = [stage_snapshot.submit(source, output, fallback_date, max_bytes) for source in files]
        results = [future.result() for future in futures]
        refused = [{"source": s, "reason": r} for s, r in refused_sources]
        refused += [{"source": r["source"], "reason": r["refused"]} for r in results if "refused" in r]
        staged = [r for r in results if "refused" not in r]
        snapshots, new = _merge_snapshots(previous, staged)
        summary = {
            "run_id": str(flow_run.id or uuid.uuid4()),
            "output": str(out),
            "sources": files,
            "snapshots_read": len(staged),
            "snapshots_new": [r["file"] for r in new],
            "entries": sum(r["entries"] for r in new),
            "refused": refused,
            "notes": _new_versions(previous, new),
        }
        for item in refused:
            logger.warning("refused %s", item["reason"])
        if not new:
            if not previous:
                raise ReleaseError("nothing to publish: " + ("; ".join(i["reason"] for i in refused) or "no source given"))
            return {**summary, "outcome": "unchanged", "counts": previous_manifest.get("counts", {})}
        release_id = f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{summary['run_id'][:8]}"
        release_dir = new_release_dir(out, release_id)
        built = build_tables(snapshots, output, str(release_dir))
        validation = validate(str(release_dir))
        if not validation["success"]:
            raise ReleaseError(f"{validation['summary']} (report: {release_dir / 'reports'}); the previous release is unchanged")
        manifest = {
            "pipeline_version": PIPELINE_VERSION,
            "run_id": summary["run_id"],
            "release_id": release_id,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "release_date": max(r["snapshot_date"] for r in snapshots),
            "snapshots": snapshots,
            "counts": built["counts"],
            "repairs": built["repairs"],
            "validation": validation,
            "refused": refused,
        }
        publish(output, str(release_dir), manifest)
        return {**summary, **built, "outcome": "published", "release": str(release_dir), "validation": validation}
