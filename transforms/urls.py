"""URLs of an abstract (contract section 4): extract, repair, canonicalize, classify."""

import polars as pl

from transforms.schema import URL

# Anything that looks like a link, of any scheme: non-http ones are found so that they can
# be dropped *and flagged*, not silently ignored.
_SCHEME_START = r"[A-Za-z][A-Za-z0-9+.\-]*://"
_URL_BODY = r"[^\s<>\"]+"
URL_CANDIDATE = rf"(?:{_SCHEME_START}|javascript:|data:[a-z]+/){_URL_BODY}"
# URL_CANDIDATE on a text with neither "javascript:" nor "data:" in it: the same matches
# (the other branches cannot match there), and "://" gives the regex crate a literal to
# search for, 3-4x faster than the alternation's DFA.
SCHEME_CANDIDATE = rf"{_SCHEME_START}{_URL_BODY}"
# A URL the scrape broke after a hyphen: "https://github.com/xo28/efficient- NLP-multistage".
BROKEN_AFTER_HYPHEN = r"(https?://[^\s<>\"]*[A-Za-z0-9]-) ([A-Za-z0-9][^\s<>\"]*)"
TRAILING_PUNCTUATION = r"[.,;:!?'\"]+$"
# Closing brackets are URL characters only when the URL opened them.
BRACKET_PAIRS = (("(", ")"), ("[", "]"), ("{", "}"))
PARTS = r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*):(?://(?P<authority>[^/?#]*))?(?P<rest>.*)$"

CODE_HOSTS = ["github.com", "gitlab.com", "bitbucket.org", "codeberg.org"]
PAPER_HOSTS = ["arxiv.org", "openreview.net", "doi.org", "dx.doi.org", "aclanthology.org"]
HF_HOSTS = ["huggingface.co", "hf.co"]
# First path segments of huggingface.co that are site pages, not a user's model repo.
HF_SITE_PAGES = [
    "docs", "blog", "learn", "models", "datasets", "spaces", "tasks", "collections",
    "organizations", "settings", "join", "login", "pricing", "posts", "chat", "api", "papers",
]  # fmt: skip
REPO_KINDS = ["code", "model", "dataset", "space"]
URL_FLAGS = ["url_trailing_punctuation", "url_scheme_dropped"]
# url_flags of each combination of URL_FLAGS, indexed by its bit mask.
URL_FLAG_SETS = pl.Series(
    [[flag for bit, flag in enumerate(URL_FLAGS) if mask >> bit & 1] for mask in range(1 << len(URL_FLAGS))],
    dtype=pl.List(pl.String),
)


def rejoin_broken_urls(text: pl.Expr) -> pl.Expr:
    """The text with URLs broken by a space after a hyphen joined again."""
    return text.str.replace_all(BROKEN_AFTER_HYPHEN, "${1}${2}")


def _strip_unbalanced(frame: pl.LazyFrame, source: str, target: str) -> pl.LazyFrame:
    """`target`: the URL of column `source` without trailing punctuation and without the
    closing brackets it did not open. Each step is a column: an expression of the previous
    step's expression would evaluate it once per use (5 uses a step)."""
    url = pl.col(target)
    frame = frame.with_columns(pl.col(source).str.replace(TRAILING_PUNCTUATION, "").alias(target))
    for opening, closing in BRACKET_PAIRS:
        unbalanced = url.str.ends_with(closing) & (
            url.str.count_matches(opening, literal=True) < url.str.count_matches(closing, literal=True)
        )
        frame = frame.with_columns(pl.when(unbalanced).then(url.str.strip_suffix(closing)).otherwise(url).alias(target))
    return frame.with_columns(url.str.replace(TRAILING_PUNCTUATION, ""))


def _segment(segments: pl.Expr, index: int) -> pl.Expr:
    return segments.list.get(index, null_on_oob=True).replace("", None)


def _classify(found: pl.LazyFrame) -> pl.LazyFrame:
    """Columns `scheme`, `authority`, `rest` -> canonical `url`, `kind`, `host`, `repo`."""
    # Columns, not expressions: the port is read four times below.
    authority, port = pl.col("__authority"), pl.col("__port")
    host = authority.str.replace(r"^[^@]*@", "").str.replace(r":[0-9]*$", "")
    default_port = pl.when(pl.col("scheme") == "http").then(pl.lit("80")).otherwise(pl.lit("443"))
    port_part = pl.when(port.is_null() | (port == "") | (port == default_port)).then(pl.lit("")).otherwise(":" + port)
    path = pl.col("rest").str.extract(r"^([^?#]*)", 1)
    # Columns, not expressions: each is used several times below.
    site, seg1, seg2, seg3 = pl.col("__site"), pl.col("__seg1"), pl.col("__seg2"), pl.col("__seg3")
    segments = pl.col("path").str.split("/")
    no_git = lambda seg: seg.str.strip_suffix(".git")  # noqa: E731
    is_hf = site.is_in(HF_HOSTS)
    hf_prefixed = seg1.is_in(["datasets", "spaces"]) & seg3.is_not_null()
    kind = (
        pl.when(site.is_in(CODE_HOSTS) & seg2.is_not_null())
        .then(pl.lit("code"))
        .when(is_hf & hf_prefixed)
        .then(pl.when(seg1 == "datasets").then(pl.lit("dataset")).otherwise(pl.lit("space")))
        .when(is_hf & (seg1 == "papers"))
        .then(pl.lit("paper"))
        .when(is_hf & ~seg1.is_in(HF_SITE_PAGES) & seg2.is_not_null())
        .then(pl.lit("model"))
        .when(site.is_in(PAPER_HOSTS))
        .then(pl.lit("paper"))
        .otherwise(pl.lit("project"))
    )
    repo = (
        pl.when(pl.col("kind").is_in(["dataset", "space"]))
        .then(seg2 + "/" + no_git(seg3))
        .when(pl.col("kind").is_in(["code", "model"]))
        .then(seg1 + "/" + no_git(seg2))
    )
    # A URL that *is* the repository (no deeper path, query or fragment) loses ".git" and "/".
    is_repo_root = pl.col("kind").is_in(REPO_KINDS) & pl.col("rest").str.contains(
        r"^/(?:datasets/|spaces/)?[^/?#]+/[^/?#]+/?$"
    )
    rest = (
        pl.when(is_repo_root)
        .then(pl.col("rest").str.strip_suffix("/").str.strip_suffix(".git"))
        .otherwise(pl.col("rest"))
    )
    return (
        found.with_columns(__authority=pl.col("authority").str.to_lowercase())
        .with_columns(__port=authority.str.extract(r":([0-9]*)$", 1))
        .with_columns(host=host, port_part=port_part, path=path)
        .with_columns(
            __site=pl.col("host").str.strip_prefix("www."),
            __segments=segments,
        )
        .with_columns(**{f"__seg{i}": _segment(pl.col("__segments"), i) for i in (1, 2, 3)})
        .with_columns(kind=kind)
        .with_columns(repo=repo, url=pl.col("scheme") + "://" + pl.col("host") + pl.col("port_part") + rest)
        .drop("__authority", "__port", "__site", "__segments", "__seg1", "__seg2", "__seg3")
    )


def extract_urls(frame: pl.LazyFrame, text: str = "abstract") -> pl.LazyFrame:
    """Add `urls` (list of url/kind/host/repo, first appearance order, no duplicates),
    `code_url` and `url_flags` (url_trailing_punctuation, url_scheme_dropped)."""
    url_flags = pl.lit(URL_FLAG_SETS).gather(pl.col("url_flag_bits"))
    return find_urls(frame, text).with_columns(url_flags=url_flags).drop("url_flag_bits")


def find_urls(frame: pl.LazyFrame, text: str = "abstract") -> pl.LazyFrame:
    """extract_urls, with `url_flag_bits` (UInt32: bit i set <=> URL_FLAGS[i]) for url_flags."""
    frame = frame.cache()  # used twice: not to compute it twice
    indexed = frame.select(text).with_row_index("__row")
    # URL_CANDIDATE needs one of these literals: three memchr-fast scans pick the rows it
    # runs on (about a quarter of the abstracts), instead of its DFA going over every row;
    # on the rows with "://" only (nearly all of them), SCHEME_CANDIDATE finds the same.
    column = pl.col(text)
    has_scheme = pl.col("__has_scheme")
    other_link = pl.col("__other_link")
    candidates = (
        pl.when(other_link)
        .then(pl.when(other_link).then(column).str.extract_all(URL_CANDIDATE))
        .otherwise(pl.when(has_scheme).then(column).str.extract_all(SCHEME_CANDIDATE))
    )
    found = (
        indexed.select(
            "__row",
            column,
            __has_scheme=column.str.contains("://", literal=True),
            __other_link=column.str.contains("javascript:", literal=True) | column.str.contains("data:", literal=True),
        )
        .select("__row", candidate=candidates)
        .explode("candidate")
        .drop_nulls("candidate")
        .pipe(_strip_unbalanced, "candidate", "stripped")
        .with_columns(parts=pl.col("stripped").str.extract_groups(PARTS))
        .unnest("parts")
        .with_columns(scheme=pl.col("scheme").str.to_lowercase())
        .with_columns(web=pl.col("scheme").is_in(["http", "https"]))
    )
    # One aggregation per row for everything (the non-web candidates are classified too,
    # and left out: their url never equals a web one, which starts with http:// or https://).
    # What each row aggregates is made a column first, over all candidates at once (the
    # first of each url in a row: the first of its (row, url) pair): expressions in `agg`
    # run group by group, 5x slower here.
    kept = pl.col("web") & pl.struct("__row", "url").is_first_distinct()
    per_row = (
        _classify(found)
        .with_columns(__kept=kept)
        .with_columns(
            __url=pl.struct("url", "kind", "host", "repo"),
            __code_url=pl.when(pl.col("__kept") & (pl.col("kind") == "code")).then(pl.col("url")),
            __punctuation=pl.col("stripped") != pl.col("candidate"),
        )
        .group_by("__row", maintain_order=True)
        .agg(
            urls=pl.col("__url").filter("__kept"),
            code_url=pl.col("__code_url").drop_nulls().first(),  # a kept web url is never null
            punctuation=pl.col("__punctuation").any(),
            dropped=(~pl.col("web")).any(),
        )
    )
    # Flags as bits (URL_FLAG_SETS has their lists: a list built per row with concat_list
    # costs more than all the rest here).
    flag_bits = pl.col("punctuation").fill_null(False).cast(pl.UInt32) + 2 * pl.col("dropped").fill_null(False).cast(
        pl.UInt32
    )
    # Joined to the row numbers only, then put beside the frame: a join of the frame itself
    # gathers every one of its columns.
    found_per_row = indexed.select("__row").join(per_row, on="__row", how="left", maintain_order="left")
    urls = found_per_row.select(
        urls=pl.col("urls").fill_null(pl.lit([], dtype=pl.List(URL))), code_url="code_url", url_flag_bits=flag_bits
    )
    return pl.concat([frame, urls], how="horizontal")

