import datetime as dt

import polars as pl

from tests.helpers import lines_of
from transforms.sidecar import SIDECAR, metadata, mismatch, with_metadata, without_metadata
from transforms.schema import URL


def sidecar(titles: list[str], repos: list[str | None] | None = None) -> pl.DataFrame:
    n = len(titles)
    return pl.DataFrame(
        {
            "rank": list(range(1, n + 1)), "arxiv_id": [f"2611.{i:05d}" for i in range(n)], "title": titles,
            "upvotes": [7] * n, "comments": [0] * n, "github_repo": repos or [None] * n, "github_stars": [3] * n,
            "project_page": [None] * n, "authors": [["A. B."]] * n, "published_at": ["2026-11-20T17:59:59.000Z"] * n,
            "submitted_at": [None] * n,
        },
        schema=SIDECAR,
    )  # fmt: skip


def test_a_sidecar_matches_its_snapshot_by_count_and_titles():
    text = "First title\nFirst abstract.\n\nSecond  title\nSecond abstract.\n"
    assert mismatch(sidecar(["First title", "Second title"]), lines_of(text)) is None  # white space is joined
    assert "lists 1 entries, the snapshot has 2" in mismatch(sidecar(["First title"]), lines_of(text))
    assert mismatch(sidecar(["First title", "Other"]), lines_of(text)) == (
        "entry 2: its title is not the one on line 4 of the snapshot"
    )


def test_metadata_parses_dates_and_finds_the_code_repository():
    found = metadata(sidecar(["a", "b", "c"], ["https://github.com/Org/Repo.git/", "https://example.org/x", None]))
    assert found["published_at"].to_list() == [dt.date(2026, 11, 20)] * 3
    assert found["sidecar_code"].to_list() == [
        {"url": "https://github.com/Org/Repo", "kind": "code", "host": "github.com", "repo": "Org/Repo"}, None, None,
    ]


def test_the_repository_joins_urls_unless_the_abstract_links_it():
    linked = {"url": "https://github.com/o/r/tree/main", "kind": "code", "host": "github.com", "repo": "o/r"}
    entries = pl.LazyFrame(
        {"key": [1, 1, 1], "rank": [1, 2, 3], "urls": [[linked], [], []], "code_url": [linked["url"], None, None]},
        schema={"key": pl.Int32, "rank": pl.Int32, "urls": pl.List(URL), "code_url": pl.String},
    )
    meta = metadata(sidecar(["a", "b", "c"], ["https://github.com/o/r", "https://github.com/x/y", None]))
    out = with_metadata(entries, meta.lazy().with_columns(key=pl.lit(1, pl.Int32)), on=["key", "rank"]).collect()
    assert [[u["url"] for u in urls] for urls in out["urls"]] == [[linked["url"]], ["https://github.com/x/y"], []]
    assert out["code_url"].to_list() == [linked["url"], "https://github.com/x/y", None]
    assert out["from_sidecar"].to_list() == [True, True, True] and out["upvotes"].to_list() == [7, 7, 7]
    bare = without_metadata(entries).collect()
    assert bare["from_sidecar"].to_list() == [False] * 3 and bare["arxiv_id"].null_count() == 3
