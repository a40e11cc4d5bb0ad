"""A fetched snapshot's sidecar (contract section 1b): check it against its snapshot, turn
it into per-entry metadata, put that beside the entries.

The sidecar's row k belongs to the snapshot's entry k (rank k): a sidecar whose count or
titles do not match its snapshot is refused (the snapshot goes through without it).
"""

import polars as pl

from transforms.schema import URL
from transforms.urls import extract_urls

# The sidecar's fields as read (transforms.schema has the published types).
SIDECAR = pl.Schema(
    {
        "rank": pl.Int32,
        "arxiv_id": pl.String,
        "title": pl.String,
        "upvotes": pl.Int32,
        "comments": pl.Int32,
        "github_repo": pl.String,
        "github_stars": pl.Int32,
        "project_page": pl.String,
        "authors": pl.List(pl.String),
        "published_at": pl.String,
        "submitted_at": pl.String,
    }
)
# What entries take from their sidecar row (published in papers / appearances, section 2);
# `from_sidecar` says that an entry had one (its metadata may still be null where the API
# gave none).
METADATA = pl.Schema(
    {
        "arxiv_id": pl.String,
        "authors": pl.List(pl.String),
        "published_at": pl.Date,
        "upvotes": pl.Int32,
        "github_stars": pl.Int32,
        "from_sidecar": pl.Boolean,
    }
)


def _one_line(text: pl.Expr) -> pl.Expr:
    return text.str.replace_all(r"\s+", " ").str.strip_chars()


def mismatch(sidecar: pl.DataFrame, lines: pl.LazyFrame) -> str | None:
    """Why the sidecar does not describe the snapshot of these lines (title line, abstract
    line per entry, blank lines meaning nothing), or None when it does."""
    text = lines.filter(pl.col("text").str.strip_chars() != "").select("line_no", "text").collect()
    titles = text.gather_every(2)
    if text.height != 2 * sidecar.height or [*sidecar["rank"]] != list(range(1, sidecar.height + 1)):
        return f"it lists {sidecar.height} entries, the snapshot has {text.height // 2} (ranks 1..n in order expected)"
    compared = pl.DataFrame(
        {"rank": sidecar["rank"], "line_no": titles["line_no"], "expected": sidecar["title"], "found": titles["text"]}
    ).filter(_one_line(pl.col("expected")).ne_missing(_one_line(pl.col("found"))))
    if compared.height:
        first = compared.row(0, named=True)
        return f"entry {first['rank']}: its title is not the one on line {first['line_no']} of the snapshot"
    return None


def metadata(sidecar: pl.DataFrame) -> pl.DataFrame:
    """Per rank: the METADATA columns, and the code repository as a `urls` element (`code`)."""
    repo = extract_urls(sidecar.lazy().select("rank", "github_repo").with_columns(pl.col("github_repo").fill_null("")), "github_repo")
    code = repo.select("rank", sidecar_code=pl.col("urls").list.eval(pl.element().filter(pl.element().struct.field("kind") == "code")).list.first())
    return (
        sidecar.lazy()
        .join(code, on="rank", how="left", maintain_order="left")
        .select(
            "rank",
            "arxiv_id",
            "authors",
            pl.col("published_at").str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False).alias("published_at"),
            "upvotes",
            "github_stars",
            pl.lit(True).alias("from_sidecar"),
            "sidecar_code",
        )
        .collect()
    )


def without_metadata(entries: pl.LazyFrame) -> pl.LazyFrame:
    """Entries of a snapshot with no sidecar: the METADATA columns, null (from_sidecar false)."""
    return entries.with_columns(
        *(pl.lit(None, dtype=dtype).alias(name) for name, dtype in METADATA.items() if name != "from_sidecar"),
        from_sidecar=pl.lit(False),
    )


def with_metadata(entries: pl.LazyFrame, metadata_frame: pl.LazyFrame, on: list[str]) -> pl.LazyFrame:
    """Entries joined with their sidecar rows (on the snapshot key and rank); the sidecar's
    code repository joins `urls` (and becomes `code_url` if the abstract links no code)
    when the abstract does not already link it."""
    joined = entries.join(metadata_frame, on=on, how="left", maintain_order="left")
    code = pl.col("sidecar_code")
    # Linked already: the abstract has a URL of the same repository (maybe a deeper page of it).
    code_repos = pl.col("urls").list.eval(pl.element().filter(pl.element().struct.field("kind") == "code").struct.field("repo"))
    linked = code_repos.list.contains(code.struct.field("repo"))
    add = code.is_not_null() & ~linked.fill_null(False)
    return joined.with_columns(
        urls=pl.when(add).then(pl.col("urls").list.concat(pl.concat_list(code))).otherwise(pl.col("urls")).cast(pl.List(URL)),
        code_url=pl.coalesce(pl.col("code_url"), pl.when(add).then(code.struct.field("url"))),
        from_sidecar=pl.col("from_sidecar").fill_null(False),
    ).drop("sidecar_code")
