"""What changed between two releases: the lists of their latest days, compared."""

import datetime as dt

import polars as pl

from transforms import changes

D1, D2, D3 = dt.date(2026, 11, 24), dt.date(2026, 11, 25), dt.date(2026, 11, 26)


def appearances(rows) -> pl.LazyFrame:
    return pl.DataFrame(rows, schema={"paper_id": pl.String, "snapshot_date": pl.Date, "rank": pl.Int32},
                        orient="row").lazy()


PREVIOUS = [("a", D1, 1), ("a", D2, 1), ("b", D2, 2), ("c", D2, 3), ("d", D2, 4)]
CURRENT = PREVIOUS + [("c", D3, 1), ("a", D3, 2), ("e", D3, 3), ("d", D3, 9), ("d", D3, 4)]


def test_new_dropped_climbers_and_fallers():
    listing = changes.list_changes(appearances(CURRENT), appearances(PREVIOUS)).collect()
    rows = {r["paper_id"]: (r["status"], r["rank"], r["previous_rank"], r["climb"]) for r in listing.to_dicts()}
    assert rows == {
        "c": ("stayed", 1, 3, 2),  # climbed two places
        "a": ("stayed", 2, 1, -1),  # fell one
        "e": ("new", 3, None, None),
        "d": ("stayed", 4, 4, 0),  # listed twice that day: its best rank counts
        "b": ("dropped", None, 2, None),
    }
    titles = pl.DataFrame({"paper_id": list("abcde"), "title": ["A", "B", "C", "D", "E"]})
    tables = {name: changes.with_titles(t, titles) for name, t in changes.summary_tables(listing).items()}
    assert tables["new"]["title"].to_list() == ["E"]
    assert tables["climbers"]["title"].to_list() == ["C"] and tables["fallers"]["title"].to_list() == ["A"]
    assert tables["dropped"].select("title", "previous_rank").rows() == [("B", 2)]


def test_the_first_release_lists_every_paper_as_new():
    listing = changes.list_changes(appearances(PREVIOUS), None).collect()
    assert listing["status"].to_list() == ["new"] * 4 and listing["rank"].to_list() == [1, 2, 3, 4]


def test_claims_added_are_the_claims_the_previous_release_did_not_have():
    previous = pl.LazyFrame({"paper_id": ["a", "a"], "claim_index": [0, 1], "text": ["5%", "2x"]})
    current = pl.LazyFrame({"paper_id": ["a", "a", "b"], "claim_index": [0, 1, 0], "text": ["5%", "3x", "1%"]})
    added = changes.claims_added(current, previous).collect()
    assert added.rows() == [("a", 1, "3x"), ("b", 0, "1%")]  # a changed claim counts as added
    assert changes.claims_added(current, None).collect().height == 3


def test_papers_listed_and_new_per_day_and_rank_history():
    papers = pl.LazyFrame({"paper_id": list("abcde"), "first_seen": [D1, D2, D2, D2, D3]})
    per_day = changes.listed_per_day(appearances(CURRENT), papers).collect()
    assert per_day.rows() == [(D1, 1, 1), (D2, 4, 3), (D3, 4, 1)]
    history = changes.rank_history(appearances(CURRENT), ["d"]).collect()
    assert history.select("snapshot_date", "rank").rows() == [(D2, 4), (D3, 4)]
    kinds = changes.counts_by(pl.LazyFrame({"kind": ["percent", "count", "percent"]}), "kind").collect()
    assert kinds.rows() == [("percent", 2), ("count", 1)]
