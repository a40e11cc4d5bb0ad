"""One snapshot's lines -> normalized entries: the composition of the transforms.

Output (one row per entry, in file order): source_line, rank, title_raw, abstract_raw,
title, abstract, title_key, paper_id, urls, code_url, claims, flags, segment_issues.
"""

from collections.abc import Callable

import polars as pl

from transforms.claims import claims_in_input_order, empty_claims, nest_claims
from transforms.identity import paper_id, title_key
from transforms.segment import pair_entries, segment
from transforms.text import FLAG_NAMES, render_tex, repair_column, tex_kept
from transforms.urls import URL_FLAGS, find_urls, rejoin_broken_urls

ENTRY_COLUMNS = [
    "source_line", "rank", "title_raw", "abstract_raw", "title", "abstract", "title_key",
    "paper_id", "urls", "code_url", "claims", "flags", "segment_issues",
]  # fmt: skip


def _rejoin_urls(entries: pl.LazyFrame) -> pl.LazyFrame:
    # On every row, though a tenth to a quarter of them have a URL: the claims pass scans
    # `abstract` dozens of times, and a column written anew in one pass (not rows scattered
    # into the repaired one, see text.on_rows_where) is faster to scan.
    rejoined = rejoin_broken_urls(pl.col("abstract"))
    # Rejoining always drops a space: a row changed iff its length did (no string compare).
    changed = rejoined.str.len_bytes() != pl.col("abstract").str.len_bytes()
    return entries.with_columns(abstract=rejoined, url_rejoined=changed)


def attach_claims(entries: pl.LazyFrame) -> pl.LazyFrame:
    """Add each entry's numeric claims as a list<struct>. Entries are keyed by rank here,
    since one paper may stand twice in a file (the rank itself is the key: no string ids to
    sort and group, and the join reads only the key column, then the list is put beside
    the entries)."""
    entries = entries.cache()  # read twice below
    found = claims_in_input_order(entries.select(paper_id="rank", abstract=pl.col("abstract").fill_null("")))
    nested = nest_claims(found, in_text_order=True).select(rank="paper_id", claims="claims")
    claims = (
        entries.select("rank")
        .join(nested, on="rank", how="left", maintain_order="left")
        .select(claims=pl.col("claims").fill_null(empty_claims()))
    )
    return pl.concat([entries, claims], how="horizontal")


# Every flag an entry can have, one bit each: an entry's `flags` (sorted, no repeats) is
# looked up by its bit mask in FLAG_SETS (lists built per row with concat_list, unique and
# sort cost more than everything else in the step).
FLAGS = ["boilerplate_stripped", *FLAG_NAMES, "url_rejoined", *URL_FLAGS, "latex_kept"]
FLAG_SETS = pl.Series(
    [sorted({flag for bit, flag in enumerate(FLAGS) if mask >> bit & 1}) for mask in range(1 << len(FLAGS))],
    dtype=pl.List(pl.String),
)


def _merge_flags(entries: pl.LazyFrame) -> pl.LazyFrame:
    def bit(condition: pl.Expr, position: int) -> pl.Expr:
        return condition.fill_null(False).cast(pl.UInt32) * (1 << position)

    latex_bit = 1 << FLAG_NAMES.index("latex_unescaped")  # also set when the API's LaTeX was rendered
    text_bits = (pl.col("title_repairs") | pl.col("abstract_repairs")).cast(pl.UInt32)
    text_bits = text_bits | pl.col("tex_rendered").cast(pl.UInt32) * latex_bit
    mask = (
        bit(pl.col("boilerplate_stripped"), 0)
        + text_bits * 2
        + bit(pl.col("url_rejoined"), 1 + len(FLAG_NAMES))
        + pl.col("url_flag_bits").cast(pl.UInt32) * (1 << (2 + len(FLAG_NAMES)))
        + bit(pl.col("latex_kept"), 2 + len(FLAG_NAMES) + len(URL_FLAGS))
    )
    return entries.with_columns(flags=pl.lit(FLAG_SETS).gather(mask))


def _with_keys(entries: pl.LazyFrame) -> pl.LazyFrame:
    key = title_key(pl.col("title").fill_null(""))
    return entries.with_columns(title_key=key).with_columns(paper_id=paper_id(pl.col("title_key")))


def _finish(entries: pl.LazyFrame) -> pl.LazyFrame:
    return _merge_flags(entries).select([c for c in ENTRY_COLUMNS if c != "claims"])


def render_api_tex(entries: pl.LazyFrame, api_text: bool) -> pl.LazyFrame:
    """Titles and abstracts fetched from the Hub's API are LaTeX (contract section 3):
    rendered before the repairs; `tex_rendered` and `latex_kept` say what it did. Scraped
    text is not LaTeX (a `$` there is a dollar): left as it is."""
    if not api_text:
        return entries.with_columns(tex_rendered=pl.lit(False), latex_kept=pl.lit(False))
    columns = ("title_text", "abstract_text")
    rendered = entries.with_columns(**{f"__{c}": render_tex(pl.col(c)) for c in columns})
    changed = pl.any_horizontal(*(pl.col(f"__{c}") != pl.col(c) for c in columns)).fill_null(False)
    kept = pl.any_horizontal(*(tex_kept(pl.col(f"__{c}")) for c in columns)).fill_null(False)
    return rendered.with_columns(tex_rendered=changed, latex_kept=kept).with_columns(
        **{c: pl.col(f"__{c}") for c in columns}
    ).drop(*(f"__{c}" for c in columns))


# The steps of clean_entries in order, named (bench/profile_shard.py times each on its own).
CLEAN_STEPS: list[tuple[str, Callable[[pl.LazyFrame], pl.LazyFrame]]] = [
    ("segment", segment),
    ("render tex", lambda entries: render_api_tex(entries, api_text=False)),  # api_text: see clean_entries
    ("clean titles", lambda entries: repair_column(entries, "title_text", "title")),
    ("clean abstracts", lambda entries: repair_column(entries, "abstract_text", "abstract")),
    ("rejoin urls", _rejoin_urls),
    ("urls", lambda entries: find_urls(entries, "abstract")),
    ("keys", _with_keys),
    ("flags", _finish),
]


def segment_alternating(lines: pl.LazyFrame) -> pl.LazyFrame:
    """segment() for a fetched snapshot: its non-blank lines are title, abstract, title, ...
    by construction (the fetcher writes them so, and the sidecar checks them), so no line
    is page chrome and none is left unpaired, whatever it looks like (segment() would still
    read a short, unpunctuated summary as a title missing its abstract)."""
    content = pl.col("text").str.strip_chars()
    position = (content != "").cast(pl.Int32).cum_sum().over("source_file")
    classified = lines.with_columns(content=content).with_columns(
        glued_boilerplate=pl.lit(False),
        kind=pl.when(pl.col("content") == "")
        .then(pl.lit("blank"))
        .when(position % 2 == 1)
        .then(pl.lit("title"))
        .otherwise(pl.lit("abstract")),
    )
    return pair_entries(classified)


def clean_entries(lines: pl.LazyFrame, api_text: bool = False) -> pl.LazyFrame:
    """Lines (source_file, line_no, text) of one snapshot -> cleaned entries, no claims yet.
    `api_text`: the snapshot was fetched from the Hub's API (its text is LaTeX)."""
    entries = lines
    for name, step in CLEAN_STEPS:
        if api_text and name == "segment":
            step = segment_alternating
        entries = render_api_tex(entries, api_text) if name == "render tex" else step(entries)
    return entries


def normalize(lines: pl.LazyFrame, api_text: bool = False) -> pl.LazyFrame:
    """Lines of one snapshot -> normalized entries (ENTRY_COLUMNS)."""
    return attach_claims(clean_entries(lines, api_text)).select(ENTRY_COLUMNS)
