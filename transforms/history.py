"""Entries of many snapshots -> one row per paper, and one appearance per paper per day."""

import polars as pl

from transforms.schema import APPEARANCES, CLAIMS, PAPERS, SIDECAR_COLUMNS
from transforms.sidecar import METADATA

# Which entry speaks for a paper: the latest snapshot, then the best rank there; file
# name and line only break ties so the choice never depends on input order.
LATEST_FIRST = (["snapshot_date", "rank", "source_file", "source_line"], [True, False, False, False])
BEST_FIRST = (["rank", "source_file", "source_line"], [False, False, False])


def with_metadata_columns(entries: pl.LazyFrame) -> pl.LazyFrame:
    """Entries with the sidecar's columns (transforms.sidecar.METADATA): the ones they lack
    are added, null (from_sidecar false): entries of scraped snapshots have none."""
    names = entries.collect_schema().names()
    missing = {name: dtype for name, dtype in METADATA.items() if name not in names}
    return entries.with_columns(
        pl.lit(False if name == "from_sidecar" else None, dtype=dtype).alias(name) for name, dtype in missing.items()
    )


def appearances(entries: pl.LazyFrame) -> pl.LazyFrame:
    """One row per paper per snapshot date, at its best rank that day (and the upvotes of
    its best entry that day that has them: a sidecar's)."""
    by, descending = BEST_FIRST
    return (
        with_metadata_columns(entries)
        .sort(by, descending=descending)
        .group_by("paper_id", "snapshot_date")
        .agg(pl.col("rank", "source_file", "source_line").first(), pl.col("upvotes").drop_nulls().first())
        .select(APPEARANCES.names())
        .cast(dict(APPEARANCES))
        .sort("paper_id", "snapshot_date", "source_file", "source_line")
    )


def papers(entries: pl.LazyFrame) -> pl.LazyFrame:
    """One row per paper: text of its latest entry, plus its trending history; the
    sidecar's columns (arxiv_id, authors, ...) from its latest entry that had a sidecar."""
    by, descending = LATEST_FIRST
    entries = with_metadata_columns(entries)
    names = entries.collect_schema().names()
    text_columns = [name for name in PAPERS.names() if name in names and name not in ("paper_id", *SIDECAR_COLUMNS)]
    # Which row speaks for each paper is found on the narrow key columns alone; then only
    # those rows of the wide columns (abstracts, raw text, urls, claims) are gathered by
    # position, once and already in paper_id order: sorting, grouping or joining the wide
    # frame cost most of the build's time and memory.
    entries = entries.collect().lazy()  # evaluated once: the gather below must see the same row order
    speakers = (
        entries.with_row_index("__row")
        .select("__row", "paper_id", *by)
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
    metadata_speakers = (
        entries.with_row_index("__row")
        .filter(pl.col("from_sidecar"))
        .select("__row", "paper_id", *by)
        .sort(by, descending=descending)
        .group_by("paper_id")
        .agg(__metadata_row=pl.col("__row").first())
    )
    speakers = speakers.join(metadata_speakers, on="paper_id", how="left", maintain_order="left").collect()
    texts = entries.select(pl.col(text_columns).gather(speakers.get_column("__row")))
    metadata = entries.select(pl.col(SIDECAR_COLUMNS).gather(speakers.get_column("__metadata_row")))
    return (
        pl.concat([speakers.drop("__row", "__metadata_row").lazy(), texts, metadata], how="horizontal")
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


def merge(previous: dict[str, pl.LazyFrame], valid: pl.LazyFrame, quarantined: pl.LazyFrame) -> dict[str, pl.LazyFrame]:
    """The previous release's tables plus the entries of new snapshots, without rebuilding
    from every entry: what `papers`, `claims` and `appearances` of all entries would give.

    Only the papers listed again (the touched ones) are recomputed, from their previous
    appearances and speaking row plus their new entries: a paper's speaking row is its
    appearance on its last day (the best entry of the latest day), so the previous
    speaker competes with the new entries under the same order. Untouched rows are kept
    as they are and merged in by paper_id (every table is sorted by it).

    The sidecar's columns of a touched paper come from its new entries that had a sidecar,
    else stay as they were: exact when every new snapshot with a sidecar is later than
    every previous one (the caller builds from every snapshot otherwise).

    -> {table: all rows} and {"<table>_changed": the rows this merge (re)computed}.
    """
    valid = with_metadata_columns(valid)
    touched_ids = valid.select("paper_id").unique()
    touched = pl.col("paper_id").is_in(touched_ids.collect().get_column("paper_id").implode())
    keys = APPEARANCES.names()
    previous_touched_appearances = previous["appearances"].filter(touched).select(keys)
    touched_appearances = appearances(pl.concat([previous_touched_appearances, valid.select(keys)]))
    previous_speakers = (
        previous["papers"]
        .filter(touched)
        .rename({"last_seen": "snapshot_date"})
        .join(previous_touched_appearances.select("paper_id", "snapshot_date", "rank"), on=["paper_id", "snapshot_date"])
        .with_columns(from_sidecar=pl.any_horizontal(pl.col(SIDECAR_COLUMNS).is_not_null()))
    )
    entry_columns = [
        *(name for name in PAPERS.names() if name in valid.collect_schema().names()), "snapshot_date", "rank", "from_sidecar"
    ]
    history_of_touched = touched_appearances.group_by("paper_id").agg(
        first_seen=pl.col("snapshot_date").min(),
        last_seen=pl.col("snapshot_date").max(),
        days_listed=pl.len(),
        best_rank=pl.col("rank").min(),
    )
    touched_papers = (
        papers(pl.concat([previous_speakers.select(entry_columns), valid.select(entry_columns)]))
        .drop("first_seen", "last_seen", "days_listed", "best_rank")
        .join(history_of_touched, on="paper_id", maintain_order="left")
        .select(PAPERS.names())
        .cast(dict(PAPERS))
    )
    touched_claims = claims(touched_papers)
    kept = lambda name: previous[name].filter(~touched)  # noqa: E731
    return {
        "papers": kept("papers").merge_sorted(touched_papers, key="paper_id"),
        "claims": kept("claims").merge_sorted(touched_claims, key="paper_id"),
        "appearances": kept("appearances").merge_sorted(touched_appearances, key="paper_id"),
        "quarantine": pl.concat([previous["quarantine"], quarantined]),
        "papers_changed": touched_papers,
        "claims_changed": touched_claims,
        "appearances_changed": touched_appearances,
        "quarantine_changed": quarantined,
    }
