"""Great Expectations suites: a good release passes; each broken table rule fails by name."""

import datetime as dt
import hashlib
import json
import re

import polars as pl
import pytest

from expectations.suites import validate_release
from transforms.schema import TABLES

ABSTRACT = (
    "We improve top-1 accuracy by 75.15% on ImageNet and train 1.43× faster than the strongest "
    "baseline. Code: https://github.com/owner/repo."
)


def paper_id(n: int) -> str:
    return "tp-" + hashlib.sha256(f"paper {n}".encode()).hexdigest()[:16]


def good_release(n: int = 3) -> dict[str, pl.DataFrame]:
    start = ABSTRACT.index("75.15%")
    claim = dict(claim_index=0, text="75.15%", value=75.15, unit="%", kind="percent",
                 metric="top-1 accuracy", dataset="ImageNet", start=start, end=start + 6)
    papers = pl.DataFrame(
        {
            "paper_id": [paper_id(i) for i in range(n)],
            "title": [f"Paper {i}" for i in range(n)],
            "title_key": [f"paper {i}" for i in range(n)],
            "abstract": [ABSTRACT] * n,
            "urls": [[{"url": "https://github.com/owner/repo", "kind": "code", "host": "github.com", "repo": "owner/repo"}]] * n,
            "code_url": ["https://github.com/owner/repo"] * n,
            "claims": [[claim]] * n,
            "first_seen": [dt.date(2026, 11, 25)] * n,
            "last_seen": [dt.date(2026, 11, 26)] * n,
            "days_listed": [2] * n,
            "best_rank": list(range(1, n + 1)),
            "flags": [["latex_unescaped"]] * n,
            "title_raw": [f"Paper {i}" for i in range(n)],
            "abstract_raw": [ABSTRACT] * n,
            "source_file": ["2026-11-26.txt"] * n,
            "source_line": list(range(1, 2 * n, 2)),
            "arxiv_id": [f"2611.{i:05d}" for i in range(n)],
            "authors": [["Ada Lovelace"]] * n,
            "published_at": [dt.date(2026, 11, 20)] * n,
            "upvotes": [10] * n,
            "github_stars": [None] * n,
        },
        schema=TABLES["papers"],
    ).sort("paper_id")
    claims = papers.select("paper_id", "claims").explode("claims").unnest("claims").cast(TABLES["claims"])
    appearances = papers.select(
        "paper_id", snapshot_date="last_seen", rank="best_rank", source_file="source_file", source_line="source_line",
        upvotes="upvotes",
    ).cast(TABLES["appearances"])
    quarantine = pl.DataFrame(schema=TABLES["quarantine"])
    return {"papers": papers, "claims": claims, "appearances": appearances, "quarantine": quarantine}


@pytest.fixture(scope="module")
def good_report(tmp_path_factory):
    report_dir = tmp_path_factory.mktemp("report")
    return validate_release(good_release(), report_dir), report_dir


def test_good_release_passes(good_report):
    outcome, _ = good_report
    assert outcome.success, outcome.summary()
    assert outcome.failed_rules == []
    assert outcome.summary().startswith("validation passed")
    names = {result.name for result in outcome.results}
    for rule in ["papers.unique_paper_id", "papers.row_count_above_zero", "papers.schema", "claims.paper_exists",
                 "appearances.paper_exists", "claims.unique_paper_id_claim_index", "papers.abstract_too_short"]:
        assert rule in names


def test_reports_are_written(good_report):
    outcome, report_dir = good_report
    document = json.loads((report_dir / "validation.json").read_text())
    assert document["success"] is True
    assert len(document["results"]) == len(outcome.results)
    assert set(document["results"][0]) >= {"table", "rule", "success", "unexpected_count"}
    assert (report_dir / "data_docs" / "index.html").is_file()
    for suite in ["papers", "claims", "appearances", "quarantine", "schema"]:
        assert list((report_dir / "data_docs" / "validations" / suite).rglob("*.html")), suite
    page = (report_dir / "index.html").read_text()
    assert "validation passed" in page and "papers.unique_paper_id" not in page
    assert not re.search(r"<(script|link)\b", page)  # offline: nothing to fetch
    assert re.findall(r'(?:href|src)="([^"]+)"', page) == ["data_docs/index.html"]


def test_reports_are_deterministic(good_report, tmp_path):
    _, first_dir = good_report
    validate_release(good_release(), tmp_path)
    for name in ["validation.json", "index.html"]:
        assert (tmp_path / name).read_bytes() == (first_dir / name).read_bytes()


def failed(tables, tmp_path) -> tuple[list[str], str]:
    outcome = validate_release(tables, tmp_path)
    assert not outcome.success
    assert json.loads((tmp_path / "validation.json").read_text())["success"] is False
    assert "validation failed" in (tmp_path / "index.html").read_text()
    return outcome.failed_rules, outcome.summary()


def test_duplicated_paper_id_fails(tmp_path):
    tables = good_release()
    tables["papers"] = pl.concat([tables["papers"], tables["papers"].head(1)])
    rules, summary = failed(tables, tmp_path)
    assert rules == ["papers.unique_paper_id"]
    assert summary == "validation failed: papers.unique_paper_id (2 unexpected)"


def test_claim_of_a_missing_paper_fails(tmp_path):
    tables = good_release()
    orphan = tables["claims"].head(1).with_columns(paper_id=pl.lit(paper_id(99)))
    tables["claims"] = pl.concat([tables["claims"], orphan])
    rules, summary = failed(tables, tmp_path)
    assert rules == ["claims.paper_exists"]
    assert "claims.paper_exists (1 unexpected)" in summary


def test_appearance_of_a_missing_paper_fails(tmp_path):
    tables = good_release()
    orphan = pl.when(pl.col("rank") == 1).then(pl.lit(paper_id(99))).otherwise("paper_id")
    tables["appearances"] = tables["appearances"].with_columns(paper_id=orphan)
    rules, _ = failed(tables, tmp_path)
    assert rules == ["appearances.paper_exists"]


def test_duplicated_claim_index_fails(tmp_path):
    tables = good_release()
    tables["claims"] = pl.concat([tables["claims"], tables["claims"].head(1)])
    rules, _ = failed(tables, tmp_path)
    assert rules == ["claims.unique_paper_id_claim_index"]


@pytest.mark.parametrize(
    "change",
    [
        pl.col("days_listed").cast(pl.Int64),  # wrong integer width
        pl.col("first_seen").cast(pl.Datetime("us")),  # datetime instead of date32
        pl.col("source_line").cast(pl.String),
    ],
)
def test_wrong_dtype_fails(tmp_path, change):
    tables = good_release()
    tables["papers"] = tables["papers"].with_columns(change)
    rules, summary = failed(tables, tmp_path)
    assert rules == ["papers.schema"]
    assert summary == "validation failed: papers.schema (1 unexpected)"


def test_wrong_column_order_or_missing_column_fails(tmp_path):
    tables = good_release()
    tables["claims"] = tables["claims"].select(list(reversed(tables["claims"].columns)))
    tables["appearances"] = tables["appearances"].drop("rank")
    rules, _ = failed(tables, tmp_path)
    assert "claims.schema" in rules and "appearances.schema" in rules


def test_empty_papers_fails_and_empty_quarantine_is_fine(tmp_path):
    tables = {name: frame.clear() for name, frame in good_release().items()}
    rules, summary = failed(tables, tmp_path)
    assert rules == ["papers.row_count_above_zero"]
    assert summary == "validation failed: papers.row_count_above_zero (observed 0)"


def test_quarantine_rows_need_reasons(tmp_path):
    tables = good_release()
    tables["quarantine"] = pl.DataFrame(
        {"source_file": ["a.txt", "a.txt"], "source_line": [3, 5], "title_raw": ["t", "u"],
         "abstract_raw": [None, "x"], "reasons": [["title_missing: title is empty"], []]},
        schema=TABLES["quarantine"],
    )
    rules, _ = failed(tables, tmp_path)
    assert rules == ["quarantine.reasons_not_empty"]


def test_row_rules_apply_to_published_papers(tmp_path):
    tables = good_release()
    tables["papers"] = tables["papers"].with_columns(
        abstract=pl.when(pl.col("best_rank") == 1).then(pl.lit("Too short.")).otherwise("abstract"),
        title=pl.when(pl.col("best_rank") == 2).then(pl.lit("Gains of 4times")).otherwise("title"),
    )
    rules, summary = failed(tables, tmp_path)
    # the short abstract no longer holds its claim either
    assert rules == ["papers.abstract_too_short", "papers.claim_offset_mismatch", "papers.scrape_artifact"]
    assert "papers.abstract_too_short (1 unexpected)" in summary
