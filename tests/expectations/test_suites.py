"""Great Expectations: a good release passes; each broken table rule fails by name; each
broken row rule is found by GX on the entries, with the offending value; Data Docs keep
the history of releases and read offline."""

import datetime as dt
import hashlib
import json
import pathlib
import re
import shutil
import subprocess

import polars as pl
import pytest

from expectations.datadocs import remote_assets
from expectations.rules import ROW_RULES, split_quarantine
from expectations.suites import validate_release
from transforms.schema import TABLES

RUN_TIME = dt.datetime(2026, 11, 26, 6, 0, tzinfo=dt.UTC)

ABSTRACT = (
    "We improve top-1 accuracy by 75.15% on ImageNet and train 1.43× faster than the strongest "
    "baseline. Code: https://github.com/owner/repo."
)


def paper_id(n: int) -> str:
    return "tp-" + hashlib.sha256(f"paper {n}".encode()).hexdigest()[:16]


def good_release(n: int = 3) -> dict[str, pl.DataFrame]:
    start = ABSTRACT.index("75.15%")
    claim = dict(claim_index=0, text="75.15%", value=75.15, unit="%", kind="percent",
                 metric="top-1 accuracy", dataset="ImageNet", start=start, end=start + 6)
    papers = pl.DataFrame(
        {
            "paper_id": [paper_id(i) for i in range(n)],
            "title": [f"Paper {i}" for i in range(n)],
            "title_key": [f"paper {i}" for i in range(n)],
            "abstract": [ABSTRACT] * n,
            "urls": [[{"url": "https://github.com/owner/repo", "kind": "code", "host": "github.com", "repo": "owner/repo"}]] * n,
            "code_url": ["https://github.com/owner/repo"] * n,
            "claims": [[claim]] * n,
            "first_seen": [dt.date(2026, 11, 25)] * n,
            "last_seen": [dt.date(2026, 11, 26)] * n,
            "days_listed": [2] * n,
            "best_rank": list(range(1, n + 1)),
            "flags": [["latex_unescaped"]] * n,
            "title_raw": [f"Paper {i}" for i in range(n)],
            "abstract_raw": [ABSTRACT] * n,
            "source_file": ["2026-11-26.txt"] * n,
            "source_line": list(range(1, 2 * n, 2)),
            "arxiv_id": [f"2611.{i:05d}" for i in range(n)],
            "authors": [["Ada Lovelace"]] * n,
            "published_at": [dt.date(2026, 11, 20)] * n,
            "upvotes": [10] * n,
            "github_stars": [None] * n,
        },
        schema=TABLES["papers"],
    ).sort("paper_id")
    claims = papers.select("paper_id", "claims").explode("claims").unnest("claims").cast(TABLES["claims"])
    appearances = papers.select(
        "paper_id", snapshot_date="last_seen", rank="best_rank", source_file="source_file", source_line="source_line",
        upvotes="upvotes",
    ).cast(TABLES["appearances"])
    quarantine = pl.DataFrame(schema=TABLES["quarantine"])
    return {"papers": papers, "claims": claims, "appearances": appearances, "quarantine": quarantine}


@pytest.fixture(scope="module")
def good_report(tmp_path_factory):
    report_dir = tmp_path_factory.mktemp("report")
    return validate_release(good_release(), report_dir, run_time=RUN_TIME), report_dir


def test_good_release_passes(good_report):
    outcome, _ = good_report
    assert outcome.success, outcome.summary()
    assert outcome.failed_rules == []
    assert outcome.summary().startswith("validation passed")
    names = {result.name for result in outcome.results}
    for rule in ["papers.unique_paper_id", "papers.row_count_above_zero", "papers.columns", "papers.types",
                 "claims.paper_exists", "appearances.paper_exists", "claims.unique_paper_id_claim_index"]:
        assert rule in names
    engines = {result.name: result.engine for result in outcome.results}
    assert engines["papers.unique_paper_id"] == "great_expectations" and engines["claims.paper_exists"] == "polars"


def test_reports_are_written(good_report):
    outcome, report_dir = good_report
    document = json.loads((report_dir / "validation.json").read_text())
    assert document["success"] is True
    assert len(document["results"]) == len(outcome.results)
    assert set(document["results"][0]) >= {"table", "rule", "success", "unexpected_count"}
    assert document["run_time"] == "2026-11-26T06:00:00+00:00"
    assert (report_dir / "data_docs" / "index.html").is_file()
    for asset in ["papers", "claims", "appearances", "quarantine", "papers_columns", "quarantine_columns"]:
        (page,) = (report_dir / "data_docs" / "validations" / asset).rglob("*.html")
        assert "20261126T060000" in str(page)  # the run's time, not the data's
        assert f"Data asset: {asset}<" in page.read_text()
    page = (report_dir / "validation.html").read_text()
    assert "validation passed" in page and "papers.unique_paper_id" in page and "Polars only" in page
    assert not re.search(r"<(script|link)\b", page)  # offline: nothing to fetch
    assert re.findall(r'(?:href|src)="([^"]+)"', page) == ["data_docs/index.html"]


def test_reports_are_deterministic(good_report, tmp_path):
    _, first_dir = good_report
    validate_release(good_release(), tmp_path, run_time=RUN_TIME)
    for name in ["validation.json", "validation.html"]:
        assert (tmp_path / name).read_bytes() == (first_dir / name).read_bytes()


def failed(tables, tmp_path) -> tuple[list[str], str]:
    outcome = validate_release(tables, tmp_path, run_time=RUN_TIME)
    assert not outcome.success
    assert json.loads((tmp_path / "validation.json").read_text())["success"] is False
    assert "validation failed" in (tmp_path / "validation.html").read_text()
    return outcome.failed_rules, outcome.summary()


def test_duplicated_paper_id_fails(tmp_path):
    tables = good_release()
    tables["papers"] = pl.concat([tables["papers"], tables["papers"].head(1)])
    rules, summary = failed(tables, tmp_path)
    assert rules == ["papers.unique_paper_id"]
    assert summary == "validation failed: papers.unique_paper_id (2 unexpected)"


def test_claim_of_a_missing_paper_fails(tmp_path):
    tables = good_release()
    orphan = tables["claims"].head(1).with_columns(paper_id=pl.lit(paper_id(99)))
    tables["claims"] = pl.concat([tables["claims"], orphan])
    rules, summary = failed(tables, tmp_path)
    assert rules == ["claims.paper_exists"]
    assert "claims.paper_exists (1 unexpected)" in summary


def test_appearance_of_a_missing_paper_fails(tmp_path):
    tables = good_release()
    orphan = pl.when(pl.col("rank") == 1).then(pl.lit(paper_id(99))).otherwise("paper_id")
    tables["appearances"] = tables["appearances"].with_columns(paper_id=orphan)
    rules, _ = failed(tables, tmp_path)
    assert rules == ["appearances.paper_exists"]


def test_duplicated_claim_index_fails(tmp_path):
    tables = good_release()
    tables["claims"] = pl.concat([tables["claims"], tables["claims"].head(1)])
    rules, _ = failed(tables, tmp_path)
    assert rules == ["claims.unique_paper_id_claim_index"]


@pytest.mark.parametrize(
    "change",
    [
        pl.col("days_listed").cast(pl.Int64),  # wrong integer width
        pl.col("first_seen").cast(pl.Datetime("us")),  # datetime instead of date32
        pl.col("source_line").cast(pl.String),
    ],
)
def test_wrong_dtype_fails(tmp_path, change):
    tables = good_release()
    tables["papers"] = tables["papers"].with_columns(change)
    rules, summary = failed(tables, tmp_path)
    assert rules == ["papers.types"]
    assert summary == "validation failed: papers.types (1 unexpected)"


def test_wrong_column_order_or_missing_column_fails(tmp_path):
    tables = good_release()
    tables["claims"] = tables["claims"].select(list(reversed(tables["claims"].columns)))
    tables["appearances"] = tables["appearances"].drop("rank")
    rules, _ = failed(tables, tmp_path)
    assert "claims.columns" in rules and "appearances.columns" in rules


def test_empty_papers_fails_and_empty_quarantine_is_fine(tmp_path):
    tables = {name: frame.clear() for name, frame in good_release().items()}
    rules, summary = failed(tables, tmp_path)
    assert rules == ["papers.row_count_above_zero"]
    assert summary == "validation failed: papers.row_count_above_zero (observed 0)"


def test_quarantine_rows_need_reasons(tmp_path):
    tables = good_release()
    tables["quarantine"] = pl.DataFrame(
        {"source_file": ["a.txt", "a.txt"], "source_line": [3, 5], "title_raw": ["t", "u"],
         "abstract_raw": [None, "x"], "reasons": [["title_missing: title is empty"], []]},
        schema=TABLES["quarantine"],
    )
    rules, _ = failed(tables, tmp_path)
    assert rules == ["quarantine.reasons_not_empty"]


# ---------------------------------------------------------------- row rules, on the entries


def entries_frame() -> pl.DataFrame:
    """Entries as the normalizer stages them (the columns the rules and quarantine read):
    one good entry, then one entry per row rule, each breaking exactly that rule."""
    start = ABSTRACT.index("75.15%")
    good_claim = dict(claim_index=0, text="75.15%", value=75.15, unit="%", kind="percent",
                      metric=None, dataset=None, start=start, end=start + 6)
    url = [{"url": "https://github.com/owner/repo", "kind": "code", "host": "github.com", "repo": "owner/repo"}]
    rows = [  # rule broken, title, abstract, urls, claims, segment_issues
        (None, "A Good Paper", ABSTRACT, url, [good_claim], []),
        ("segment_issue", "Orphan Title", ABSTRACT, url, [good_claim], ["missing_abstract: no abstract line after it"]),
        ("title_missing", "   ", ABSTRACT, url, [good_claim], []),
        ("title_too_long", "Long " * 70, ABSTRACT, url, [good_claim], []),
        ("abstract_too_short", "Short Abstract Paper", "Too short to be an abstract.", [], [], []),
        ("url_invalid", "Bad URL Paper", ABSTRACT, [{**url[0], "url": "https://exa mple.com/x"}], [good_claim], []),
        ("claim_offset_mismatch", "Offset Paper", ABSTRACT, url, [{**good_claim, "start": 0, "end": 6}], []),
        ("scrape_artifact", "Gains of 4times on 64times64", ABSTRACT, url, [good_claim], []),
    ]
    return pl.DataFrame(
        {
            "source_file": ["2026-11-26.txt"] * len(rows),
            "source_line": [2 * i + 1 for i in range(len(rows))],
            "title_raw": [r[1] for r in rows],
            "abstract_raw": [r[2] for r in rows],
            "title": [r[1] for r in rows],
            "abstract": [r[2] for r in rows],
            "urls": [r[3] for r in rows],
            "claims": [r[4] for r in rows],
            "segment_issues": [r[5] for r in rows],
        },
        schema={"source_file": pl.String, "source_line": pl.Int32, "title_raw": pl.String, "abstract_raw": pl.String,
                "title": pl.String, "abstract": pl.String, "urls": TABLES["papers"]["urls"],
                "claims": TABLES["papers"]["claims"], "segment_issues": pl.List(pl.String)},
    ), [r[0] for r in rows]


@pytest.fixture(scope="module")
def row_rule_report(tmp_path_factory):
    entries, broken = entries_frame()
    _, quarantine = split_quarantine(entries.lazy())
    tables = {**good_release(), "quarantine": quarantine.collect()}
    report_dir = tmp_path_factory.mktemp("rows")
    outcome = validate_release(tables, report_dir, entries=entries, run_time=RUN_TIME)
    return outcome, report_dir, entries, broken, tables["quarantine"]


def stored_gx_results(report_dir: pathlib.Path, asset: str) -> list[dict]:
    """The expectation results of one data asset, as GX stored them (its validation results store)."""
    (path,) = (report_dir / "gx" / "validations" / asset).rglob("*.json")
    return json.loads(path.read_text())["results"]


def test_each_broken_row_rule_is_found_by_gx_with_the_offending_value(row_rule_report):
    outcome, report_dir, entries, broken, quarantine = row_rule_report
    assert outcome.success  # row rules quarantine rows; they do not block the release
    by_name = {result.name: result for result in outcome.results}
    stored = stored_gx_results(report_dir, "entries") + stored_gx_results(report_dir, "entry_urls")
    for line, rule in zip(entries["source_line"], broken):
        if rule is None:
            continue
        result = by_name[f"entries.{rule}"]
        assert not result.success and not result.gates, rule
        reason = "missing_abstract" if rule == "segment_issue" else rule  # the segmenter names its own issues
        quarantined = quarantine.filter(pl.col("reasons").list.eval(pl.element().str.starts_with(reason)).list.any())
        assert quarantined["source_line"].to_list() == [line], rule  # the same row GX found
        where = f"(2026-11-26.txt:{line})"
        assert any(value.endswith(where) for value in result.unexpected), (rule, result.unexpected)
        if rule == "claim_offset_mismatch":  # GX has no expectation for it
            assert result.engine == "polars" and result.expectations == []
            continue
        assert result.engine == "great_expectations" and result.unexpected_count == 1, (rule, result)
        found = [r for r in stored if r["expectation_config"]["meta"]["rule"] == rule and not r["success"]]
        (failing,) = found
        (row,) = failing["result"]["partial_unexpected_index_list"]
        assert (row["source_file"], row["source_line"]) == ("2026-11-26.txt", line), rule
        value = failing["result"]["partial_unexpected_list"][0]
        expected_value = {"segment_issue": "missing_abstract: no abstract line after it", "title_missing": "   ",
                          "title_too_long": "Long " * 70, "abstract_too_short": "Too short to be an abstract.",
                          "url_invalid": "https://exa mple.com/x", "scrape_artifact": "Gains of 4times on 64times64"}
        assert value == expected_value[rule], rule


def test_every_row_rule_is_reported_with_its_engine(row_rule_report):
    outcome, report_dir, *_ = row_rule_report
    reported = {result.rule: result for result in outcome.results if result.table == "entries"}
    assert list(reported) == [rule.name for rule in ROW_RULES]
    for rule in ROW_RULES:
        assert reported[rule.name].engine == ("great_expectations" if rule.gx else "polars")
    assert [rule.name for rule in ROW_RULES if not rule.gx] == ["claim_offset_mismatch"]
    page = (report_dir / "validation.html").read_text()
    assert "entries.claim_offset_mismatch" in page and "Polars only" in page and "rows quarantined" in page
    assert "expect_column_value_lengths_to_be_between(title, max_value=300) on entries" in page


# ---------------------------------------------------------------- Data Docs: history, offline


def local_references(page: pathlib.Path) -> list[pathlib.Path]:
    text = page.read_text()
    tags = re.findall(r"<(?:link|script|img)\b[^>]*>", text)
    refs = [m for tag in tags for m in re.findall(r'(?:href|src)="([^"#]+)"', tag)]
    return [page.parent / ref for ref in refs]


def test_data_docs_keep_the_history_of_releases(good_report, tmp_path):
    _, first_dir = good_report
    first_index = (first_dir / "data_docs" / "index.html").read_bytes()
    later = RUN_TIME + dt.timedelta(days=1)
    validate_release(good_release(), tmp_path, run_time=later, history=first_dir)
    runs = sorted(p.name for p in (tmp_path / "data_docs" / "validations" / "papers").rglob("2026*"))
    assert runs == ["20261126T060000.000000Z", "20261127T060000.000000Z"]
    index = (tmp_path / "data_docs" / "index.html").read_text()
    assert "2026-11-26 06:00:00" in index and "2026-11-27 06:00:00" in index
    assert (first_dir / "data_docs" / "index.html").read_bytes() == first_index  # the previous release is untouched


def test_data_docs_reference_only_local_files(good_report):
    _, report_dir = good_report
    pages = list((report_dir / "data_docs").rglob("*.html"))
    assert len(pages) > 8
    for sheet in (report_dir / "data_docs" / "static").rglob("*.css"):
        assert remote_assets(sheet.read_text()) == [], sheet
    for page in pages:
        text = page.read_text()
        assert remote_assets(text) == [], page
        assert "amazonaws" not in text, page  # GX's logo comes from the site, not from S3
        assert "cdn" not in text.lower() and "unpkg" not in text, page
        for reference in local_references(page):
            assert reference.resolve().is_file(), (page, reference)
    index = (report_dir / "data_docs" / "index.html").read_text()
    for asset in ["papers", "claims", "appearances", "quarantine"]:
        assert f"trending_papers-{asset}" in index  # the index's rows are in the page, not fetched


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PROBE = """<script>
window.addEventListener("load", () => setTimeout(() => {
  const probe = document.createElement("div");
  probe.id = "probe";
  probe.dataset.font = getComputedStyle(document.body).fontFamily;
  probe.dataset.rows = document.querySelectorAll(".ge-index-page-validation-results-table tbody tr[data-index]").length;
  const icon = document.querySelector(".fas");
  probe.dataset.icon = icon ? getComputedStyle(icon, "::before").fontFamily : "";
  document.body.appendChild(probe);
}, 500));
</script></body>"""


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_data_docs_render_offline_in_a_browser(good_report, tmp_path):
    """Headless Chromium with no network: the index's table is filled by the local
    bootstrap-table, and Bootstrap's and Font Awesome's styles apply."""
    _, report_dir = good_report
    site = tmp_path / "site"
    shutil.copytree(report_dir / "data_docs", site)
    probe = site / "probe.html"
    probe.write_text((site / "index.html").read_text().replace("</body>", PROBE))
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--proxy-server=127.0.0.1:9", "--virtual-time-budget=5000", f"--user-data-dir={tmp_path / 'profile'}",
         "--dump-dom", probe.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    match = re.search(r'<div id="probe" data-font="([^"]*)" data-rows="(\d+)" data-icon="([^"]*)"', done.stdout)
    assert match, done.stdout[-2000:] + done.stderr[-2000:]
    font, rows, icon = match.groups()
    assert "-apple-system" in font or "Segoe UI" in font, font  # Bootstrap's body font
    assert int(rows) >= 8, rows  # one row per validation of the run, built by the local bootstrap-table
    assert "Font Awesome" in icon, icon
