"""The release report: one offline page saying which release it is, how validation went,
what changed since the previous release, with charts; the card carries the same changes."""

import datetime as dt
import json
import pathlib
import re

import polars as pl

from flows.hub import write_hf_repo
from flows.report import write_release_report
from tests.flows.test_hub import tables
from transforms.schema import TABLES

SHA = "cd" * 32


def make_release(folder: pathlib.Path, frames: dict[str, pl.DataFrame], date: str) -> pathlib.Path:
    for name, frame in frames.items():
        (folder / "parquet").mkdir(parents=True, exist_ok=True)
        frame.cast(TABLES[name]).write_parquet(folder / "parquet" / f"{name}.parquet")
    (folder / "reports").mkdir(parents=True, exist_ok=True)
    validation = {"success": True, "summary": "validation passed: 23 rules on 4 tables", "scope": "all rows",
                  "rows": {"papers": frames["papers"].height, "entries": 3}}
    (folder / "reports" / "validation.json").write_text(json.dumps(validation))
    manifest = {"release_date": date, "release_id": folder.name, "pipeline_version": "0.1.0", "run_id": "r-1",
                "created_at": "2026-11-26T06:01:00+00:00", "counts": {n: f.height for n, f in frames.items()},
                "repairs": {"latex_unescaped": 1}, "validation": validation,
                "snapshots": [{"file": f"{date}.txt", "snapshot_date": date, "sha256": SHA, "entries": 3, "bytes": 999}]}
    (folder / "manifest.json").write_text(json.dumps(manifest))
    return folder


def two_releases(tmp_path):
    """Day one: papers 1 (rank 1) and 2 (rank 2). Day two: 2 climbs to 1, 1 falls to 2, a third paper is new."""
    first = tables()
    previous = make_release(tmp_path / "r1", first, "2026-11-25")
    second = {name: frame.clone() for name, frame in first.items()}
    new_paper = second["papers"].head(1).with_columns(
        paper_id=pl.lit("tp-0000000000000003"), title=pl.lit("Third Paper"), title_key=pl.lit("third paper"),
        first_seen=pl.lit(dt.date(2026, 11, 26)))
    second["papers"] = pl.concat([second["papers"], new_paper])
    day_two = pl.DataFrame({"paper_id": ["tp-0000000000000002", "tp-0000000000000001", "tp-0000000000000003"],
                            "snapshot_date": [dt.date(2026, 11, 26)] * 3, "rank": [1, 2, 3],
                            "source_file": ["2026-11-26.txt"] * 3, "source_line": [1, 3, 5],
                            "upvotes": [None] * 3}).cast(TABLES["appearances"])
    second["appearances"] = pl.concat([first["appearances"].with_columns(snapshot_date=pl.lit(dt.date(2026, 11, 25))),
                                       day_two])
    claim = second["claims"].head(1).with_columns(paper_id=pl.lit("tp-0000000000000003"))
    second["claims"] = pl.concat([second["claims"], claim])
    current = make_release(tmp_path / "r2", second, "2026-11-26")
    return current, previous


def test_the_report_says_which_release_what_changed_and_shows_charts(tmp_path):
    current, previous = two_releases(tmp_path)
    manifest = json.loads((current / "manifest.json").read_text())
    changes = write_release_report(current, manifest, previous)
    assert {k: changes[k] for k in ["papers_listed", "papers_new", "papers_dropped", "claims_added"]} == {
        "papers_listed": 3, "papers_new": 1, "papers_dropped": 0, "claims_added": 1}
    assert changes["previous_release"] == {"release_id": "r1", "release_date": "2026-11-25"}
    assert [(i["title"], i["climb"]) for i in changes["climbers"]] == [("Second Paper", 1)]
    assert [(i["title"], i["climb"]) for i in changes["fallers"]] == [("First Paper", -1)]
    assert [i["title"] for i in changes["new"]] == ["Third Paper"]

    page = (current / "reports" / "index.html").read_text()
    for fact in ["2026-11-26", "r2", "0.1.0", SHA, "validation passed", "Compared with the release of 2026-11-25",
                 "Third Paper", "Biggest climbers", '<td class=num>+1</td>']:
        assert fact in page, fact
    assert not re.search(r'<(?:link|script|img)\b[^>]*(?:href|src)="https?:', page)  # nothing fetched
    images = re.findall(r'<img src="([^"]+)"', page)
    assert images == ["charts/listed-per-day.png", "charts/rank-history.png", "charts/claims-by-kind.png",
                      "charts/repairs-by-kind.png"]
    for image in images:
        assert (current / "reports" / image).read_bytes().startswith(b"\x89PNG\r\n\x1a\n"), image
    links = re.findall(r'<a href="([^"]+)"', page)
    assert "validation.html" in links and "data_docs/index.html" in links


def test_the_report_and_its_charts_are_deterministic(tmp_path):
    current, previous = two_releases(tmp_path)
    manifest = json.loads((current / "manifest.json").read_text())
    write_release_report(current, manifest, previous)
    first = {p.name: p.read_bytes() for p in (current / "reports").rglob("*") if p.is_file()}
    write_release_report(current, manifest, previous)
    second = {p.name: p.read_bytes() for p in (current / "reports").rglob("*") if p.is_file()}
    assert first == second
    assert b"Software" not in first["listed-per-day.png"]  # no matplotlib version stamped into the file


def test_the_first_release_has_no_previous_and_the_card_carries_the_changes(tmp_path):
    current, previous = two_releases(tmp_path)
    manifest = json.loads((current / "manifest.json").read_text())
    assert write_release_report(previous, json.loads((previous / "manifest.json").read_text()), None)[
        "previous_release"] is None
    manifest["changes"] = write_release_report(current, manifest, previous)
    paths = {name: current / "parquet" / f"{name}.parquet" for name in TABLES}
    write_hf_repo(paths, current / "hf", manifest)
    card = (current / "hf" / "README.md").read_text()
    assert "## What changed since the previous release" in card
    assert "| 3 | – | Third Paper |" in card and "**Biggest climbers**\n\n| rank | previous rank | title |\n|---:|---:|---|\n| 1 | 2 | Second Paper |" in card
