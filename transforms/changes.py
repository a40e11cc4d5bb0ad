"""What changed between two releases, and the series the release report charts.

Pure Polars: frames in, frames out. A release's "list" is its latest day's trending list
(the appearances of its latest snapshot date; a paper listed twice that day counts at its
best rank). `previous` is None for the first release.
"""

from __future__ import annotations

import polars as pl

TOP = 10  # rows per table of the "what changed" section


def day_list(appearances: pl.LazyFrame) -> pl.LazyFrame:
    """paper_id, rank: the papers of the latest snapshot date, at their best rank that day."""
    latest = pl.col("snapshot_date") == pl.col("snapshot_date").max()
    return appearances.filter(latest).group_by("paper_id").agg(rank=pl.col("rank").min())


def list_changes(current: pl.LazyFrame, previous: pl.LazyFrame | None) -> pl.LazyFrame:
    """One row per paper on either day's list: paper_id, rank, previous_rank (null when not
    listed), status = new | dropped | stayed, climb = previous_rank - rank (positive: up).
    Sorted by status, then rank (dropped: by previous rank), then paper_id."""
    today = day_list(current)
    before = day_list(previous) if previous is not None else today.clear()
    joined = today.join(before.rename({"rank": "previous_rank"}), on="paper_id", how="full", coalesce=True)
    status = (
        pl.when(pl.col("previous_rank").is_null()).then(pl.lit("new"))
        .when(pl.col("rank").is_null()).then(pl.lit("dropped"))
        .otherwise(pl.lit("stayed"))
    )
    return joined.with_columns(status=status, climb=pl.col("previous_rank") - pl.col("rank")).sort(
        "status", pl.coalesce("rank", "previous_rank"), "paper_id"
    )


def claims_added(current: pl.LazyFrame, previous: pl.LazyFrame | None, listed: pl.LazyFrame | None = None) -> pl.LazyFrame:
    """Claims of the current release that the previous one did not have (same paper, index,
    text). `listed` (paper_id), when given, limits the comparison to those papers: a paper's
    claims are only ever recomputed when it is listed again, so the latest day's list holds
    every paper whose claims can have changed (1M papers: a 100-paper comparison)."""
    key = ["paper_id", "claim_index", "text"]
    if listed is not None:
        current = current.join(listed.select("paper_id"), on="paper_id", how="semi")
        previous = previous.join(listed.select("paper_id"), on="paper_id", how="semi") if previous is not None else None
    if previous is None:
        return current
    return current.join(previous.select(key), on=key, how="anti", nulls_equal=True)


def summary_tables(changes: pl.DataFrame, top: int = TOP) -> dict[str, pl.DataFrame]:
    """The tables people read first: new (by rank), climbers, fallers, dropped (by previous
    rank); each with paper_id, rank, previous_rank, climb (titles: `with_titles`)."""
    stayed = changes.filter(pl.col("status") == "stayed")
    ordered = {
        "new": changes.filter(pl.col("status") == "new").sort("rank", "paper_id"),
        "climbers": stayed.filter(pl.col("climb") > 0).sort(pl.col("climb"), "paper_id", descending=[True, False]),
        "fallers": stayed.filter(pl.col("climb") < 0).sort("climb", "paper_id"),
        "dropped": changes.filter(pl.col("status") == "dropped").sort("previous_rank", "paper_id"),
    }
    return {name: frame.select("paper_id", "rank", "previous_rank", "climb").head(top) for name, frame in ordered.items()}


def with_titles(frame: pl.DataFrame, titles: pl.DataFrame) -> pl.DataFrame:
    """frame with a `title` column after paper_id (titles: paper_id, title)."""
    joined = frame.join(titles, on="paper_id", how="left", maintain_order="left")
    return joined.select("paper_id", "title", pl.exclude("paper_id", "title"))


def listed_per_day(appearances: pl.LazyFrame, papers: pl.LazyFrame) -> pl.LazyFrame:
    """snapshot_date, listed (distinct papers that day), new (papers first seen that day:
    a paper is listed on its first_seen date, so counting first_seen dates is enough)."""
    listed = appearances.group_by("snapshot_date").agg(listed=pl.col("paper_id").n_unique())
    new = papers.group_by(snapshot_date="first_seen").agg(new=pl.len().cast(pl.UInt32))
    return (
        listed.join(new, on="snapshot_date", how="left")
        .with_columns(pl.col("new").fill_null(0))
        .sort("snapshot_date")
    )


def rank_history(appearances: pl.LazyFrame, paper_ids: list[str]) -> pl.LazyFrame:
    """paper_id, snapshot_date, rank (best that day) of the given papers, by date."""
    return (
        appearances.filter(pl.col("paper_id").is_in(paper_ids))
        .group_by("paper_id", "snapshot_date")
        .agg(pl.col("rank").min())
        .sort("paper_id", "snapshot_date")
    )


def counts_by(frame: pl.LazyFrame, column: str) -> pl.LazyFrame:
    """column, count: how many rows hold each value, most first (then by value)."""
    return frame.group_by(column).agg(count=pl.len()).sort(["count", column], descending=[True, False])
