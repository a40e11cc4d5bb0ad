"""Row rules (contract section 5), each defined once as a Polars expression.

A row that breaks a rule goes to quarantine with one reason per broken rule; the same
rule objects become Great Expectations expectations in `expectations.suites`.

Reason format (stable, documented in the dataset card): ``"<rule_name>: <detail>"``,
e.g. ``"abstract_too_short: abstract has 42 characters, at least 100 are needed"``.
The rule name before the first colon never changes; the detail is for people. Reasons
are listed in rule order (`ROW_RULES`); segmentation issues come first, as given by
the segmenter (already in the same ``"name: detail"`` form).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from transforms.schema import QUARANTINE
from transforms.text import RENDERED_BRACED_COMMANDS

TITLE_MAX_CHARS = 300
ABSTRACT_MIN_CHARS = 100

# An absolute http(s) URL: host name (labels + TLD) or IPv4, optional port, then a
# path/query/fragment without white space or characters a URL cannot hold.
URL_PATTERN = (
    r"(?i)^https?://"
    r"(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}|\d{1,3}(?:\.\d{1,3}){3})"
    r"(?::\d{1,5})?"
    r"(?:[/?#][^\s<>\"`{}|\\^]*)?$"
)

# Scrape leftovers the cleaner should have repaired (contract section 3).
ARTIFACT_PATTERN = "|".join(
    [
        r"\\[%$]",  # escaped percent or dollar: \%  \$
        r"\\\d",  # backslash before a number, where a dollar sign was eaten: \250
        r"\dtimes",  # `times` glued to a number: 4times, 64times64
        r"\{\\(?:" + "|".join(RENDERED_BRACED_COMMANDS) + r")\}",  # a braced command the cleaner renders: {\delta}
        r"``",  # LaTeX opening quotes
        r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});",  # HTML entities
    ]
)
ARTIFACT_HINTS = ("\\", "``", "&", "times")  # one of them is in every match of ARTIFACT_PATTERN

_HELPER = "_rule_"  # prefix of helper columns a rule's `prepare` adds; dropped at the end


@dataclass(frozen=True)
class RowRule:
    """A rule one row breaks on its own.

    `ok` is True when the row passes (never null); `detail` says why it failed (only
    read on failing rows); `prepare` adds helper columns `ok`/`detail` need, for rules
    that cannot be one row-wise expression; `reasons`, when set, replaces
    "<name>: <detail>" with ready-made reason strings (a list per row).
    """

    name: str
    description: str
    needs: tuple[str, ...]
    ok: pl.Expr
    detail: pl.Expr
    prepare: Callable[[pl.LazyFrame], pl.LazyFrame] | None = None
    reasons: pl.Expr | None = None

    @property
    def ok_column(self) -> str:
        return f"ok_{self.name}"

    def reason_expr(self) -> pl.Expr:
        """Reasons of one row for this rule: a String (null when OK) or a list of them."""
        ok = pl.col(self.ok_column)  # added by with_rule_checks
        if self.reasons is not None:
            return pl.when(ok).then(pl.lit([], pl.List(pl.String))).otherwise(self.reasons)
        return pl.when(~ok).then(pl.format("{}: {}", pl.lit(self.name), self.detail))


def _segment_issue() -> RowRule:
    issues = pl.col("segment_issues").fill_null([])
    return RowRule(
        name="segment_issue",
        description="the snapshot file could not be split into a title line followed by an abstract line here",
        needs=("segment_issues",),
        ok=issues.list.len() == 0,
        detail=issues.list.join("; "),
        reasons=issues,
    )


def _title_missing() -> RowRule:
    return RowRule(
        name="title_missing",
        description="the title is empty or missing",
        needs=("title",),
        ok=pl.col("title").str.strip_chars().str.len_chars().fill_null(0) > 0,
        detail=pl.lit("title is empty"),
    )


def _title_too_long() -> RowRule:
    n = pl.col("title").str.len_chars()
    return RowRule(
        name="title_too_long",
        description=f"the title is longer than {TITLE_MAX_CHARS} characters",
        needs=("title",),
        ok=(n <= TITLE_MAX_CHARS).fill_null(True),  # a null title is title_missing's business
        detail=pl.format("title has {} characters, at most {} are allowed", n, pl.lit(TITLE_MAX_CHARS)),
    )


def _abstract_too_short() -> RowRule:
    n = pl.col("abstract").str.len_chars()
    return RowRule(
        name="abstract_too_short",
        description=f"the abstract is missing or shorter than {ABSTRACT_MIN_CHARS} characters",
        needs=("abstract",),
        ok=(n >= ABSTRACT_MIN_CHARS).fill_null(False),
        detail=pl.when(n.is_null())
        .then(pl.lit("abstract is missing"))
        .otherwise(pl.format("abstract has {} characters, at least {} are needed", n, pl.lit(ABSTRACT_MIN_CHARS))),
    )


def _url_invalid() -> RowRule:
    url = pl.element().struct.field("url")
    bad_urls = pl.col("urls").fill_null([]).list.eval(url.filter(~url.str.contains(URL_PATTERN).fill_null(False)))
    return RowRule(
        name="url_invalid",
        description="a URL does not parse as an absolute http(s) URL with a valid host and no white space",
        needs=("urls",),
        ok=bad_urls.list.len() == 0,
        detail=pl.format("URL does not parse: {}", bad_urls.list.eval(pl.format("<{}>", pl.element())).list.join(" ")),
    )


def _add_bad_claim_indexes(frame: pl.LazyFrame) -> pl.LazyFrame:
    """Add `_rule_bad_claims`: claim_index of every claim with abstract[start:end] != text.

    Vectorized: explode the claims with a row index, compare, aggregate back.
    `str.slice` counts characters, like Python's str indexing.
    """
    row = f"{_HELPER}row"
    claim = pl.col("claim")
    start, end, text = claim.struct.field("start"), claim.struct.field("end"), claim.struct.field("text")
    in_range = (start >= 0) & (end >= start) & (end <= pl.col("abstract").str.len_chars())
    # clipped so that slice never sees a negative offset or length (& does not short-circuit)
    span = pl.col("abstract").str.slice(start.clip(lower_bound=0), (end - start).clip(lower_bound=0))
    points_at_text = in_range & (span == text)
    bad = (
        frame.with_row_index(row)
        .select(row, "abstract", claim=pl.col("claims"))
        .explode("claim")
        .filter(claim.is_not_null() & ~points_at_text.fill_null(False))
        .group_by(row)
        .agg(pl.col("claim").struct.field("claim_index").alias(f"{_HELPER}bad_claims"))
    )
    return (
        frame.with_row_index(row)
        .join(bad, on=row, how="left", maintain_order="left")
        .drop(row)
        .with_columns(pl.col(f"{_HELPER}bad_claims").fill_null([]))
    )


def _claim_offset_mismatch() -> RowRule:
    bad = pl.col(f"{_HELPER}bad_claims")
    return RowRule(
        name="claim_offset_mismatch",
        description="a claim's start/end offsets do not point at its text in the abstract (abstract[start:end] != text)",
        needs=("abstract", "claims"),
        ok=bad.list.len() == 0,
        detail=pl.format("abstract[start:end] != text for claim_index {}", bad.cast(pl.List(pl.String)).list.join(", ")),
        prepare=_add_bad_claim_indexes,
    )


def _scrape_artifact() -> RowRule:
    def found(column: str) -> pl.Expr:
        matches = pl.col(column).str.extract_all(ARTIFACT_PATTERN).fill_null([])
        return matches.list.eval(pl.format("{} '{}'", pl.lit(column), pl.element()))

    def has_artifact(column: str) -> pl.Expr:
        # Every artifact holds a backslash, ``, & or "times": literal searches find the few
        # rows that can hold one (4x cheaper than the regex), and the regex reads only
        # those (`find` skips null rows; `contains` would not).
        text = pl.col(column)
        hint = pl.any_horizontal(text.str.contains(literal, literal=True) for literal in ARTIFACT_HINTS)
        return pl.when(hint).then(text).str.find(ARTIFACT_PATTERN).is_not_null()

    artifacts = pl.concat_list(found("title"), found("abstract")).list.unique(maintain_order=True)
    return RowRule(
        name="scrape_artifact",
        description=(
            r"title or abstract still holds a scrape artifact: an escaped \% or \$, a backslash before a number, "
            r"a number glued to 'times', a braced LaTeX command the cleaner renders like {\delta}, LaTeX quotes, an HTML entity"
        ),
        needs=("title", "abstract"),
        ok=~(has_artifact("title") | has_artifact("abstract")),  # one scan; the details only on failing rows
        detail=pl.format("leftover artifacts: {}", artifacts.list.join(", ")),
    )


ROW_RULES: tuple[RowRule, ...] = (
    _segment_issue(),
    _title_missing(),
    _title_too_long(),
    _abstract_too_short(),
    _url_invalid(),
    _claim_offset_mismatch(),
    _scrape_artifact(),
)


def applicable_rules(columns, rules: tuple[RowRule, ...] = ROW_RULES) -> tuple[RowRule, ...]:
    """The rules whose input columns are all present (papers have no segment_issues)."""
    present = set(columns)
    return tuple(rule for rule in rules if present.issuperset(rule.needs))


def with_rule_checks(frame: pl.LazyFrame, rules: tuple[RowRule, ...]) -> pl.LazyFrame:
    """Add one boolean column `ok_<rule>` per rule (helper columns stay, prefixed `_rule_`)."""
    for rule in rules:
        if rule.prepare is not None:
            frame = rule.prepare(frame)
    return frame.with_columns(rule.ok.fill_null(False).alias(rule.ok_column) for rule in rules)


def drop_helpers(frame: pl.LazyFrame) -> pl.LazyFrame:
    return frame.select(pl.exclude(f"^{_HELPER}.*$"))


def split_quarantine(entries: pl.LazyFrame) -> tuple[pl.LazyFrame, pl.LazyFrame]:
    """-> (valid entries with the same columns as input, quarantine rows with exactly
    transforms.schema.QUARANTINE columns: source_file, source_line, title_raw,
    abstract_raw, reasons = every rule the row broke, in rule order, non-empty)."""
    columns = entries.collect_schema().names()
    rules = applicable_rules(columns)
    checked = with_rule_checks(entries, rules)
    all_ok = pl.all_horizontal(rule.ok_column for rule in rules)
    valid = checked.filter(all_ok).select(columns)
    # The reasons (formatted details) are built for the few failing rows only.
    reasons = pl.concat_list([rule.reason_expr() for rule in rules]).list.drop_nulls()
    quarantine = checked.filter(~all_ok).select(
        pl.col(name).cast(dtype) if name != "reasons" else reasons.alias("reasons") for name, dtype in QUARANTINE.items()
    )
    return valid, quarantine
