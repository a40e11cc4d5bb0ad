import datetime as dt

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from transforms import history
from transforms.schema import APPEARANCES, CLAIM, CLAIMS, PAPERS, QUARANTINE, URL

D1, D2, D3 = dt.date(2026, 11, 24), dt.date(2026, 11, 25), dt.date(2026, 11, 26)


def entry(paper: str, date: dt.date, rank: int, title: str, line: int | None = None, claims=()) -> dict:
    return {
        "paper_id": paper, "snapshot_date": date, "rank": rank, "source_file": f"{date}.txt",
        "source_line": line or 2 * rank + 1, "title": title, "title_key": title.lower(),
        "abstract": f"Abstract of {title}.", "urls": [], "code_url": None, "claims": list(claims),
        "flags": [], "title_raw": title, "abstract_raw": f"Abstract of {title}.",
    }  # fmt: skip


def frame(rows: list[dict]) -> pl.LazyFrame:
    return pl.LazyFrame(
        rows,
        schema={
            "paper_id": pl.String, "snapshot_date": pl.Date, "rank": pl.Int32, "source_file": pl.String,
            "source_line": pl.Int32, "title": pl.String, "title_key": pl.String, "abstract": pl.String,
            "urls": pl.List(URL), "code_url": pl.String, "claims": pl.List(CLAIM), "flags": pl.List(pl.String),
            "title_raw": pl.String, "abstract_raw": pl.String,
        },  # fmt: skip
    )


ROWS = [
    entry("tp-a", D1, 5, "Old Title"),
    entry("tp-a", D2, 2, "Old Title"),
    entry("tp-a", D3, 7, "New Title"),
    entry("tp-a", D3, 3, "New Title"),  # listed twice the same day: keeps its better rank
    entry("tp-b", D2, 1, "Other"),
]


def test_papers_take_latest_text_and_history():
    papers = history.papers(frame(ROWS)).collect()
    assert papers.schema == PAPERS
    a = papers.filter(pl.col("paper_id") == "tp-a").row(0, named=True)
    assert (a["first_seen"], a["last_seen"], a["days_listed"], a["best_rank"]) == (D1, D3, 3, 2)
    assert a["title"] == "New Title"
    assert (a["source_file"], a["source_line"]) == ("2026-11-26.txt", 7)
    assert papers["paper_id"].to_list() == ["tp-a", "tp-b"]


def test_one_appearance_per_paper_per_day_at_best_rank():
    appearances = history.appearances(frame(ROWS)).collect()
    assert appearances.schema == APPEARANCES
    assert appearances.select("paper_id", "snapshot_date", "rank").rows() == [
        ("tp-a", D1, 5), ("tp-a", D2, 2), ("tp-a", D3, 3), ("tp-b", D2, 1),
    ]  # fmt: skip


def test_history_does_not_depend_on_input_order():
    forward = history.papers(frame(ROWS)).collect()
    backward = history.papers(frame(ROWS[::-1])).collect()
    assert forward.equals(backward)


CLAIM_ROW = {"claim_index": 0, "text": "75.15%", "value": 75.15, "unit": "%", "kind": "percent",
             "metric": "top-1 accuracy", "dataset": "ImageNet", "start": 10, "end": 16}  # fmt: skip


def test_claims_table_is_the_nested_column_exploded():
    claim = CLAIM_ROW
    rows = [entry("tp-a", D1, 1, "T", claims=[claim, {**claim, "claim_index": 1}]), entry("tp-b", D1, 2, "U")]
    claims = history.claims(history.papers(frame(rows))).collect()
    assert claims.schema == CLAIMS
    assert claims.select("paper_id", "claim_index").rows() == [("tp-a", 0), ("tp-a", 1)]


def built(rows: list[dict]) -> dict[str, pl.DataFrame]:
    papers = history.papers(frame(rows)).collect()
    return {
        "papers": papers,
        "claims": history.claims(papers.lazy()).collect(),
        "appearances": history.appearances(frame(rows)).collect(),
        "quarantine": pl.DataFrame(schema=QUARANTINE),
    }


MORE_ROWS = [
    *ROWS,
    entry("tp-c", D1, 4, "Backfilled", claims=[CLAIM_ROW]),
    entry("tp-b", D1, 9, "Other, earlier wording"),  # older than tp-b's speaker: must not win
    entry("tp-b", D3, 1, "Other, final wording", claims=[CLAIM_ROW]),
]


@pytest.mark.parametrize("new_day", [D1, D2, D3])
def test_merging_a_new_day_into_the_previous_tables_equals_building_from_all_entries(new_day):
    old = [row for row in MORE_ROWS if row["snapshot_date"] != new_day]
    new = [row for row in MORE_ROWS if row["snapshot_date"] == new_day]
    quarantined = pl.DataFrame([{"source_file": "x.txt", "source_line": 3, "title_raw": "t", "abstract_raw": None,
                                 "reasons": ["missing_abstract"]}], schema=QUARANTINE)  # fmt: skip
    previous = {name: table.lazy() for name, table in built(old).items()}
    merged = {name: table.collect() for name, table in history.merge(previous, frame(new), quarantined.lazy()).items()}
    expected = built(MORE_ROWS)
    for name in ("papers", "claims", "appearances"):
        assert_frame_equal(merged[name], expected[name])
    assert merged["quarantine"].equals(quarantined)
    touched = sorted({row["paper_id"] for row in new})
    assert merged["papers_changed"]["paper_id"].to_list() == touched
    assert_frame_equal(merged["papers_changed"], expected["papers"].filter(pl.col("paper_id").is_in(touched)))
