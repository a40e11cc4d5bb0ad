"""Entries of many snapshots -> one row per paper, and one appearance per paper per day."""

import polars as pl

from transforms.schema import APPEARANCES, CLAIMS, PAPERS

# Which entry speaks for a paper: the latest snapshot, then the best rank there; file
# name and line only break ties so the choice never depends on input order.
LATEST_FIRST = (["snapshot_date", "rank", "source_file", "source_line"], [True, False, False, False])
BEST_FIRST = (["rank", "source_file", "source_line"], [False, False, False])


def appearances(entries: pl.LazyFrame) -> pl.LazyFrame:
    """One row per paper per snapshot date, at its best rank that day."""
    by, descending = BEST_FIRST
    return (
        entries.sort(by, descending=descending)
        .group_by("paper_id", "snapshot_date")
        .agg(pl.col("rank", "source_file", "source_line").first())
        .select(APPEARANCES.names())
        .cast(dict(APPEARANCES))
        .sort("paper_id", "snapshot_date", "source_file", "source_line")
    )


def papers(entries: pl.LazyFrame) -> pl.LazyFrame:
    """One row per paper: text of its latest entry, plus its trending history."""
    by, descending = LATEST_FIRST
    text_columns = [name for name in PAPERS.names() if name in entries.collect_schema().names() and name != "paper_id"]
    indexed = entries.with_row_index("__row")
    # Which row speaks for each paper is found on the narrow key columns alone, then only
    # those rows of the wide columns (abstracts, raw text, urls, claims) are gathered, once
    # and already in paper_id order: sorting and grouping the wide frame cost most of the
    # build's time and memory.
    speakers = (
        indexed.select("__row", "paper_id", *by)
        .sort(by, descending=descending)
        .group_by("paper_id")
        .agg(
            pl.col("__row").first(),
            first_seen=pl.col("snapshot_date").min(),
            last_seen=pl.col("snapshot_date").max(),
            days_listed=pl.col("snapshot_date").n_unique(),
            best_rank=pl.col("rank").min(),
        )
        .sort("paper_id")
    )
    return (
        speakers.join(indexed.select("__row", *text_columns), on="__row", how="left", maintain_order="left")
        .select(PAPERS.names())
        .cast(dict(PAPERS))
    )


def claims(papers_frame: pl.LazyFrame) -> pl.LazyFrame:
    """The claims table: the nested `claims` column of papers, one row per claim."""
    return (
        papers_frame.select("paper_id", "claims")
        .explode("claims")
        .drop_nulls("claims")
        .unnest("claims")
        .select(CLAIMS.names())
        .cast(dict(CLAIMS))
        .sort("paper_id", "claim_index")
    )
