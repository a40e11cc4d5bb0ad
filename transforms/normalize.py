"""One snapshot's lines -> normalized entries: the composition of the transforms.

Output (one row per entry, in file order): source_line, rank, title_raw, abstract_raw,
title, abstract, title_key, paper_id, urls, code_url, claims, flags, segment_issues.
"""

import polars as pl

from transforms.claims import empty_claims, extract_claims, nest_claims
from transforms.identity import paper_id, title_key
from transforms.segment import segment
from transforms.text import clean_column
from transforms.urls import extract_urls, rejoin_broken_urls

ENTRY_COLUMNS = [
    "source_line", "rank", "title_raw", "abstract_raw", "title", "abstract", "title_key",
    "paper_id", "urls", "code_url", "claims", "flags", "segment_issues",
]  # fmt: skip


def _rejoin_urls(entries: pl.LazyFrame) -> pl.LazyFrame:
    rejoined = rejoin_broken_urls(pl.col("abstract"))
    return entries.with_columns(abstract=rejoined, url_rejoined=rejoined != pl.col("abstract"))


def attach_claims(entries: pl.LazyFrame) -> pl.LazyFrame:
    """Add each entry's numeric claims as a list<struct>. Entries are keyed by rank here,
    since one paper may stand twice in a file."""
    found = extract_claims(
        entries.select(paper_id=pl.col("rank").cast(pl.String), abstract=pl.col("abstract").fill_null(""))
    )
    nested = nest_claims(found).select(rank=pl.col("paper_id").cast(pl.Int32), claims="claims")
    return entries.join(nested, on="rank", how="left", maintain_order="left").with_columns(
        claims=pl.col("claims").fill_null(empty_claims())
    )


def _merge_flags(entries: pl.LazyFrame) -> pl.LazyFrame:
    flags = pl.concat_list(
        pl.when(pl.col("boilerplate_stripped")).then(pl.lit(["boilerplate_stripped"])).otherwise(pl.lit([], dtype=pl.List(pl.String))),
        pl.col("title_flags").fill_null([]),
        pl.col("abstract_flags").fill_null([]),
        pl.when(pl.col("url_rejoined")).then(pl.lit(["url_rejoined"])).otherwise(pl.lit([], dtype=pl.List(pl.String))),
        pl.col("url_flags"),
    )
    return entries.with_columns(flags=flags.list.unique().list.sort())


def clean_entries(lines: pl.LazyFrame) -> pl.LazyFrame:
    """Lines (source_file, line_no, text) of one snapshot -> cleaned entries, no claims yet."""
    entries = segment(lines)
    entries = clean_column(entries, "title_text", "title")
    entries = clean_column(entries, "abstract_text", "abstract")
    entries = extract_urls(_rejoin_urls(entries), "abstract")
    key = title_key(pl.col("title").fill_null(""))
    entries = entries.with_columns(title_key=key).with_columns(paper_id=paper_id(pl.col("title_key")))
    return _merge_flags(entries).select([c for c in ENTRY_COLUMNS if c != "claims"])


def normalize(lines: pl.LazyFrame) -> pl.LazyFrame:
    """Lines of one snapshot -> normalized entries (ENTRY_COLUMNS)."""
    return attach_claims(clean_entries(lines)).select(ENTRY_COLUMNS)
