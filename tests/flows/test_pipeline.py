"""The real flow, run through Prefect's test harness, on the sample and on small files."""

import json
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest

from expectations.rules import ARTIFACT_PATTERN
from flows.pipeline import run_release
from flows.release import ReleaseError
from tests.helpers import DATA, SAMPLE, parquet_bytes, sample_entries, write_snapshot
from transforms.schema import TABLES

pytestmark = pytest.mark.usefixtures("prefect_api")


def release(sources: list[Path | str], output: Path, date: str | None = None) -> dict:
    return run_release([str(s) for s in sources], str(output), date)


def table(output: Path, name: str) -> pl.DataFrame:
    return pl.read_parquet(output / "parquet" / f"{name}.parquet")


@pytest.fixture(scope="module")
def sample_release(tmp_path_factory) -> tuple[Path, dict]:
    output = tmp_path_factory.mktemp("sample") / "output"
    return output, release([SAMPLE], output)


def test_sample_titles_are_exact(sample_release):
    output, summary = sample_release
    expected = (DATA / "sample_titles.txt").read_text(encoding="utf-8").splitlines()
    papers = table(output, "papers")
    assert summary["outcome"] == "published"
    assert papers.height == len(expected) == 88
    assert sorted(papers["title"]) == sorted(expected)
    by_rank = table(output, "appearances").sort("rank").join(papers, on="paper_id", maintain_order="left")["title"].to_list()
    assert by_rank == expected


def test_sample_urls_are_right(sample_release):
    output, _ = sample_release
    expected = json.loads((DATA / "sample_urls.json").read_text(encoding="utf-8"))
    papers = table(output, "papers")
    found = {
        row["title"]: [{"url": u["url"], "kind": u["kind"], "repo": u["repo"]} for u in row["urls"]]
        for row in papers.iter_rows(named=True)
        if row["urls"]
    }
    assert found == expected
    for row in papers.iter_rows(named=True):
        for url in row["urls"]:
            assert url["url"].split("://", 1)[1].split("/")[0] in row["abstract"] or url["host"] in row["abstract"]
        codes = [u["url"] for u in row["urls"] if u["kind"] == "code"]
        assert row["code_url"] == (codes[0] if codes else None)


def test_sample_abstracts_have_no_scrape_artifacts(sample_release):
    output, _ = sample_release
    papers = table(output, "papers")
    leftovers = papers.filter(pl.col("abstract").str.contains(ARTIFACT_PATTERN) | pl.col("title").str.contains(ARTIFACT_PATTERN))
    assert leftovers.height == 0, leftovers["title"].to_list()
    assert not papers["abstract"].str.contains(r"\\|efficient- NLP|[0-9]times").any()
    assert papers["abstract"].str.contains("10.4 times less", literal=True).sum() == 1


def test_release_layout_types_and_manifest(sample_release):
    output, _ = sample_release
    for name, schema in TABLES.items():
        assert table(output, name).schema == schema, name
        metadata = pq.ParquetFile(output / "parquet" / f"{name}.parquet").metadata
        if metadata.num_rows:
            column = metadata.row_group(0).column(0)
            assert column.compression == "ZSTD" and column.statistics is not None
    manifest = json.loads((output / "manifest.json").read_text())
    assert manifest["snapshots"][0]["sha256"] == __import__("hashlib").sha256(SAMPLE.read_bytes()).hexdigest()
    assert manifest["counts"]["papers"] == 88 and manifest["validation"]["success"] is True
    assert (output / "hf" / "README.md").exists() and (output / "reports" / "validation.json").exists()


def test_tables_read_from_pandas_and_duckdb(sample_release):
    output, _ = sample_release
    frame = pd.read_parquet(output / "parquet" / "papers.parquet")
    assert len(frame) == 88
    path = output / "parquet" / "papers.parquet"
    n_code = duckdb.sql(f"select count(*) from '{path}' where code_url like 'https://github.com/%'").fetchall()[0][0]
    assert n_code == 18


def test_a_second_run_with_nothing_new_changes_nothing(sample_release):
    output, _ = sample_release
    before = parquet_bytes(output)
    current = (output / "current").resolve()
    summary = release([SAMPLE], output)
    assert summary["outcome"] == "unchanged"
    assert parquet_bytes(output) == before and (output / "current").resolve() == current


def test_same_snapshots_in_any_order_give_identical_bytes(tmp_path):
    entries = sample_entries()
    day1 = write_snapshot(tmp_path / "2026-11-24.txt", entries[:40])
    day2 = write_snapshot(tmp_path / "2026-11-25.txt", entries[30:70][::-1])
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    release([day1, day2, SAMPLE], forward)
    release([SAMPLE, day2, day1], backward)
    assert parquet_bytes(forward) == parquet_bytes(backward)
    papers = table(forward, "papers")
    seen_thrice = papers.filter(pl.col("title_key") == pl.lit(entries[35][0].lower().replace(":", "").replace("-", " ")))
    assert papers.height == 88
    both = papers.filter(pl.col("days_listed") == 3)
    assert both.height == 10  # entries 30..39 are listed on all three days
    assert (both["first_seen"].cast(str) == "2026-11-24").all() and (both["last_seen"].cast(str) == "2026-11-26").all()
    assert table(forward, "appearances").height == 40 + 40 + 88
    assert seen_thrice.height <= 1


def test_bad_files_are_refused_and_the_rest_publishes(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (bad / "latin1.txt").write_bytes("Title\nUn résumé en français.\n".encode("latin-1"))
    (bad / "chrome.txt").write_text("Subscribe\nGet trending papers in your email inbox!\n")
    summary = release([SAMPLE, bad], tmp_path / "output")
    reasons = sorted(item["reason"] for item in summary["refused"])
    assert reasons == [
        "binary.txt: line 3: binary file (NUL byte)",
        "chrome.txt: no entry found (only blank or boilerplate lines)",
        "empty.txt: empty file",
        "latin1.txt: line 2: not UTF-8 text (byte 0xe9)",
    ]
    assert summary["outcome"] == "published" and summary["counts"]["papers"] == 88


def test_broken_entries_go_to_quarantine_with_reasons_and_keep_ranks(tmp_path):
    entries = sample_entries()[:3]
    path = tmp_path / "2026-11-26.txt"
    path.write_text(
        "\n".join([entries[0][0], "A Title With No Abstract", entries[1][0], entries[1][1], "Short Abstract Paper",
                   "We did it. It works.", entries[2][0], entries[2][1]]) + "\n"  # fmt: skip
    )
    summary = release([path], tmp_path / "output")
    quarantine = table(tmp_path / "output", "quarantine")
    reasons = {row["source_line"]: row["reasons"] for row in quarantine.iter_rows(named=True)}
    assert set(reasons) == {1, 2, 5}
    assert any(r.startswith("segment_issue") or "missing_abstract" in r for r in reasons[1])
    assert any(r.startswith("abstract_too_short") for r in reasons[5])
    ranks = table(tmp_path / "output", "appearances").sort("rank")["rank"].to_list()
    assert ranks == [3, 5]  # the quarantined entries kept their places
    assert summary["counts"]["quarantine"] == 3


def test_a_blocked_release_leaves_the_previous_one_untouched(tmp_path, monkeypatch):
    output = tmp_path / "output"
    release([SAMPLE], output)
    before = parquet_bytes(output)
    manifest = (output / "manifest.json").read_bytes()
    import transforms.history as history

    real_papers = history.papers
    monkeypatch.setattr(history, "papers", lambda entries: pl.concat([real_papers(entries), real_papers(entries).head(1)]))
    day2 = write_snapshot(tmp_path / "2026-11-27.txt", sample_entries()[:5])
    with pytest.raises(ReleaseError, match=r"papers\.\w*unique\w*"):
        release([day2], output)
    assert parquet_bytes(output) == before
    assert (output / "manifest.json").read_bytes() == manifest


def test_nothing_publishable_is_a_clear_error(tmp_path):
    orphan = tmp_path / "2026-11-26.txt"
    orphan.write_text("Only A Title\nAnother Title\n")
    with pytest.raises(ReleaseError, match=r"validation failed: papers\.\w*row_count|nothing to publish"):
        release([orphan], tmp_path / "output")
    with pytest.raises(ReleaseError, match="nothing to publish: .*missing.txt: no such file"):
        release([tmp_path / "missing.txt"], tmp_path / "output2")
