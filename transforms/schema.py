"""The published tables' column types (contract section 2), defined once.

Every writer casts to these and every validator checks against them, so a change of
contract is a change here.
"""

import polars as pl

URL = pl.Struct({"url": pl.String, "kind": pl.String, "host": pl.String, "repo": pl.String})

CLAIM_FIELDS = {
    "claim_index": pl.Int32,
    "text": pl.String,
    "value": pl.Float64,
    "unit": pl.String,
    "kind": pl.String,
    "metric": pl.String,
    "dataset": pl.String,
    "start": pl.Int32,
    "end": pl.Int32,
}
CLAIM = pl.Struct(CLAIM_FIELDS)

PAPERS = pl.Schema(
    {
        "paper_id": pl.String,
        "title": pl.String,
        "title_key": pl.String,
        "abstract": pl.String,
        "urls": pl.List(URL),
        "code_url": pl.String,
        "claims": pl.List(CLAIM),
        "first_seen": pl.Date,
        "last_seen": pl.Date,
        "days_listed": pl.Int32,
        "best_rank": pl.Int32,
        "flags": pl.List(pl.String),
        "title_raw": pl.String,
        "abstract_raw": pl.String,
        "source_file": pl.String,
        "source_line": pl.Int32,
        # From a fetched snapshot's sidecar (contract 1b); null for a paper only ever scraped.
        "arxiv_id": pl.String,
        "authors": pl.List(pl.String),
        "published_at": pl.Date,
        "upvotes": pl.Int32,
        "github_stars": pl.Int32,
    }
)
# The papers columns that come from the latest snapshot with a sidecar, not the latest one.
SIDECAR_COLUMNS = ["arxiv_id", "authors", "published_at", "upvotes", "github_stars"]

CLAIMS = pl.Schema({"paper_id": pl.String, **CLAIM_FIELDS})

APPEARANCES = pl.Schema(
    {
        "paper_id": pl.String,
        "snapshot_date": pl.Date,
        "rank": pl.Int32,
        "source_file": pl.String,
        "source_line": pl.Int32,
        "upvotes": pl.Int32,  # that day's, from the sidecar
    }
)

QUARANTINE = pl.Schema(
    {
        "source_file": pl.String,
        "source_line": pl.Int32,
        "title_raw": pl.String,
        "abstract_raw": pl.String,
        "reasons": pl.List(pl.String),
    }
)

TABLES: dict[str, pl.Schema] = {
    "papers": PAPERS,
    "claims": CLAIMS,
    "appearances": APPEARANCES,
    "quarantine": QUARANTINE,
}

# How each table is sorted before it is written: same input, same bytes out.
SORT_KEYS: dict[str, list[str]] = {
    "papers": ["paper_id"],
    "claims": ["paper_id", "claim_index"],
    "appearances": ["paper_id", "snapshot_date", "source_file", "source_line"],
    "quarantine": ["source_file", "source_line"],
}
