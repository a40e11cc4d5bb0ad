"""Row rules: each one quarantines the row that breaks it, with its reason, and only that row."""

import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from expectations.rules import ARTIFACT_HINTS, ARTIFACT_PATTERN, ROW_RULES, split_quarantine
from transforms.schema import CLAIM, QUARANTINE, URL

ABSTRACT = (
    "We reach 75.15% top-1 accuracy on ImageNet 64×64 and run 1.43× faster than the baseline. "
    "Code: https://github.com/owner/repo."
)
ENTRY_SCHEMA = {
    "snapshot_date": pl.Date,
    "source_file": pl.String,
    "source_line": pl.Int32,
    "rank": pl.Int32,
    "title_raw": pl.String,
    "abstract_raw": pl.String,
    "title": pl.String,
    "abstract": pl.String,
    "title_key": pl.String,
    "paper_id": pl.String,
    "urls": pl.List(URL),
    "code_url": pl.String,
    "claims": pl.List(CLAIM),
    "flags": pl.List(pl.String),
    "segment_issues": pl.List(pl.String),
}


def claim(text: str, abstract: str = ABSTRACT, index: int = 0, **overrides) -> dict:
    start = abstract.index(text)
    fields = dict(claim_index=index, text=text, value=1.0, unit="%", kind="percent", metric=None, dataset=None)
    return {**fields, "start": start, "end": start + len(text), **overrides}


def url(address: str) -> dict:
    return {"url": address, "kind": "code", "host": "github.com", "repo": "owner/repo"}


def entry(line: int = 1, **overrides) -> dict:
    row = dict(
        snapshot_date=dt.date(2026, 11, 26),
        source_file="2026-11-26.txt",
        source_line=line,
        rank=1,
        title_raw="A Clean Title",
        abstract_raw=ABSTRACT,
        title="A Clean Title",
        abstract=ABSTRACT,
        title_key="a clean title",
        paper_id="tp-0123456789abcdef",
        urls=[url("https://github.com/owner/repo")],
        code_url="https://github.com/owner/repo",
        claims=[claim("75.15%"), claim("1.43×", index=1)],
        flags=[],
        segment_issues=[],
    )
    return {**row, **overrides}


def split(*rows: dict) -> tuple[pl.DataFrame, pl.DataFrame]:
    entries = pl.DataFrame(list(rows), schema=ENTRY_SCHEMA).lazy()
    valid, quarantine = split_quarantine(entries)
    return valid.collect(), quarantine.collect()


def reasons_of(**overrides) -> list[str]:
    """Reasons the row gets when split together with a clean row (which must stay valid)."""
    valid, quarantine = split(entry(line=1), entry(line=3, **overrides))
    assert valid.get_column("source_line").to_list() == [1]
    assert quarantine.get_column("source_line").to_list() == [3]
    return quarantine.get_column("reasons").to_list()[0]


def rule_names(reasons: list[str]) -> list[str]:
    return [reason.split(":", 1)[0] for reason in reasons]


def test_clean_rows_stay_with_their_columns_and_quarantine_has_the_contract_schema():
    rows = [entry(line=1), entry(line=3, claims=[], urls=[], code_url=None), entry(line=5, claims=None, urls=None)]
    valid, quarantine = split(*rows)
    expected = pl.DataFrame(rows, schema=ENTRY_SCHEMA)
    assert valid.equals(expected)
    assert valid.schema == expected.schema
    assert quarantine.schema == QUARANTINE
    assert quarantine.height == 0


@pytest.mark.parametrize("title", ["", "   ", None])
def test_title_missing(title):
    assert reasons_of(title=title) == ["title_missing: title is empty"]


def test_title_too_long_starts_after_300_characters():
    assert reasons_of(title="x" * 301) == ["title_too_long: title has 301 characters, at most 300 are allowed"]
    valid, _ = split(entry(title="x" * 300))
    assert valid.height == 1


def test_abstract_too_short_counts_characters_not_bytes():
    short = "é" * 99
    assert reasons_of(abstract=short, claims=[], urls=[]) == [
        "abstract_too_short: abstract has 99 characters, at least 100 are needed"
    ]
    valid, _ = split(entry(abstract="é" * 100, claims=[], urls=[]))
    assert valid.height == 1


def test_abstract_missing():
    assert reasons_of(abstract=None, claims=[], urls=[]) == ["abstract_too_short: abstract is missing"]


@pytest.mark.parametrize(
    "address",
    [
        "https://github.com/owner/re po",
        "https://exa mple.com/x",
        "ftp://github.com/owner/repo",
        "javascript:alert(1)",
        "https:///owner/repo",
        "https://github",
        "https://-github-.com/x",
        "github.com/owner/repo",
        "",
    ],
)
def test_url_invalid(address):
    reasons = reasons_of(urls=[url("https://github.com/owner/repo"), url(address)])
    assert reasons == [f"url_invalid: URL does not parse: <{address}>"]


@pytest.mark.parametrize(
    "address",
    [
        "https://github.com/owner/repo",
        "http://example.org",
        "https://huggingface.co/datasets/a/b?x=1#frag",
        "https://arxiv.org/abs/2401.00001v2",
        "http://127.0.0.1:8080/path",
        "https://sub.domain-name.co.uk/a_b/c~d/(e)",
    ],
)
def test_valid_urls_pass(address):
    valid, _ = split(entry(urls=[url(address)]))
    assert valid.height == 1


@pytest.mark.parametrize(
    "bad_claim",
    [
        claim("75.15%", start=10, end=16),  # shifted by one
        claim("75.15%", end=14),  # too short
        claim("75.15%", start=-6, end=0),  # negative: would wrap around in str.slice
        claim("75.15%", start=len(ABSTRACT) - 2, end=len(ABSTRACT) + 4),  # beyond the end
        claim("75.15%", start=15, end=9),  # reversed
    ],
)
def test_claim_offset_mismatch(bad_claim):
    bad_claim = {**bad_claim, "claim_index": 1}
    assert reasons_of(claims=[claim("75.15%"), bad_claim]) == [
        "claim_offset_mismatch: abstract[start:end] != text for claim_index 1"
    ]


def test_claim_offsets_are_character_offsets_like_python():
    abstract = "Ünïcödé ×× 🙂 text before the number: we gain 12.5% on the benchmark and 3× speed. " * 2
    claims = [claim("12.5%", abstract), claim("3×", abstract, index=1)]
    assert abstract[claims[0]["start"] : claims[0]["end"]] == "12.5%"
    valid, quarantine = split(entry(abstract=abstract, claims=claims, urls=[]))
    assert (valid.height, quarantine.height) == (1, 0)


@pytest.mark.parametrize(
    ("column", "artifact"),
    [
        ("abstract", r"14\%"),
        ("abstract", r"\$250M"),
        ("abstract", r"\250"),
        ("abstract", "4times"),
        ("title", "64times64"),
        ("abstract", r"{\delta}"),
        ("abstract", "``avoid''"),
        ("title", "R&amp;D"),
        ("abstract", "it&#39;s"),
    ],
)
def test_scrape_artifact(column, artifact):
    text = (ABSTRACT if column == "abstract" else "A Title") + " " + artifact
    reasons = reasons_of(**{column: text})
    assert rule_names(reasons) == ["scrape_artifact"]
    assert f"{column} '" in reasons[0]


@pytest.mark.parametrize("text", ["10.4 times less memory", "three times lower", "8 times without", "R&D; tools", "64×64"])
def test_english_and_repaired_text_is_not_an_artifact(text):
    valid, _ = split(entry(abstract=ABSTRACT + " " + text))
    assert valid.height == 1


def test_each_segment_issue_is_a_reason_as_given():
    issues = ["missing_abstract: title line has no abstract after it", "odd_line: something else"]
    assert reasons_of(segment_issues=issues) == issues


def test_a_row_breaking_several_rules_gets_every_reason_in_rule_order():
    reasons = reasons_of(
        title=None,
        abstract="Too short, 4times \\%",
        urls=[url("https://bad host/x")],
        claims=[claim("75.15%")],  # offsets into the old abstract
        segment_issues=["missing_title: abstract line has no title before it"],
    )
    assert rule_names(reasons) == [
        "missing_title",
        "title_missing",
        "abstract_too_short",
        "url_invalid",
        "claim_offset_mismatch",
        "scrape_artifact",
    ]


def test_quarantine_keeps_the_entry_whole():
    _, quarantine = split(entry(line=7, title_raw="Raw title", abstract_raw="raw", abstract="raw", claims=[], urls=[]))
    assert quarantine.row(0, named=True) == {
        "source_file": "2026-11-26.txt",
        "source_line": 7,
        "title_raw": "Raw title",
        "abstract_raw": "raw",
        "reasons": ["abstract_too_short: abstract has 3 characters, at least 100 are needed"],
    }


def test_rule_names_are_unique_and_stable():
    assert [rule.name for rule in ROW_RULES] == [
        "segment_issue",
        "title_missing",
        "title_too_long",
        "abstract_too_short",
        "url_invalid",
        "claim_offset_mismatch",
        "scrape_artifact",
    ]


@settings(max_examples=300, deadline=None)
@given(st.from_regex(ARTIFACT_PATTERN, fullmatch=True))
def test_every_artifact_holds_a_hint_so_the_literal_prefilter_misses_none(artifact):
    # scrape_artifact runs its regex only on rows holding one of ARTIFACT_HINTS
    assert any(hint in artifact for hint in ARTIFACT_HINTS)
    assert rule_names(reasons_of(abstract=ABSTRACT + " " + artifact)) == ["scrape_artifact"]
