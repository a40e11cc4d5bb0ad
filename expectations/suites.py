"""Great Expectations suites over the release tables (contract section 5).

One suite per table plus one `schema` suite. GE reads pandas and fingerprints whole
frames, so it only sees SLIM frames: scalar columns plus boolean columns computed in
Polars (the row rules of `expectations.rules`, cross-table lookups, the schema diff).
Every failed expectation blocks the release.

    outcome = validate_release(tables, report_dir)
    if not outcome.success:
        raise SystemExit(outcome.summary())

report_dir receives `data_docs/` (the GE Data Docs site), `validation.json` (one
record per rule + overall success) and `index.html` (an offline summary).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import pathlib
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

import polars as pl

from expectations import rules as row_rules
from transforms.schema import TABLES

# No usage statistics, even from a GE version that still sends them.
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

CLAIM_KINDS = ["percent", "multiplier", "score", "count", "money", "duration", "rate"]
PAPER_ID_PATTERN = r"^tp-[0-9a-f]{16}$"
SITE_NAME = "release"
MISSING = "(none)"  # schema diff: no column at this position


@dataclass(frozen=True)
class RuleResult:
    table: str
    rule: str
    description: str
    success: bool
    unexpected_count: int | None  # None for table-level rules that count nothing
    observed_value: object = None

    @property
    def name(self) -> str:
        return f"{self.table}.{self.rule}"


@dataclass
class ValidationOutcome:
    success: bool
    results: list[RuleResult] = field(default_factory=list)

    @property
    def failed_rules(self) -> list[str]:
        return [result.name for result in self.results if not result.success]

    def summary(self) -> str:
        if self.success:
            return f"validation passed: {len(self.results)} rules on {len(TABLES)} tables"
        failures = []
        for result in self.results:
            if not result.success:
                count = result.unexpected_count
                detail = f"{count} unexpected" if count is not None else f"observed {result.observed_value}"
                failures.append(f"{result.name} ({detail})")
        return "validation failed: " + ", ".join(failures)


@dataclass(frozen=True)
class Check:
    """One expectation of a suite, under the rule name the reports use."""

    table: str
    rule: str
    description: str
    expectation: Callable[[], object]  # builds the GE expectation (GE is imported lazily)


# ---------------------------------------------------------------- slim frames (Polars)


def conform(frame: pl.LazyFrame, schema: pl.Schema) -> pl.LazyFrame:
    """The contract columns in contract types, so the rules can run even on a table with a
    wrong schema (the schema rule reports that): missing or uncastable columns become null."""
    present = frame.collect_schema()
    empty = pl.DataFrame(schema=present)
    columns = []
    for name, dtype in schema.items():
        column = pl.lit(None, dtype)
        if name in present:
            try:
                empty.select(pl.col(name).cast(dtype, strict=False))
                column = pl.col(name).cast(dtype, strict=False)
            except pl.exceptions.PolarsError:
                pass
        columns.append(column.alias(name))
    return frame.select(columns)


def schema_diff(schemas: dict[str, pl.Schema]) -> pl.DataFrame:
    """One row per column position: `<table>_expected` / `<table>_actual` = "name: dtype"."""
    def listing(schema) -> list[str]:
        return [f"{name}: {dtype}" for name, dtype in schema.items()]

    pairs = {name: (listing(schema), listing(schemas[name])) for name, schema in TABLES.items()}
    width = max(max(len(expected), len(actual)) for expected, actual in pairs.values())
    pad = lambda values: values + [MISSING] * (width - len(values))  # noqa: E731
    data = {"position": list(range(width))}
    for name, (expected, actual) in pairs.items():
        data[f"{name}_expected"] = pad(expected)
        data[f"{name}_actual"] = pad(actual)
    return pl.DataFrame(data, schema={"position": pl.Int32, **{k: pl.String for k in data if k != "position"}})


def slim_frames(tables: dict[str, pl.DataFrame | pl.LazyFrame]) -> dict[str, pl.DataFrame]:
    """The frames GE validates: scalar columns and Polars-computed booleans only. Lazy
    tables (scan_parquet) are read only for the columns these need."""
    lazy = {name: tables[name].lazy() for name in TABLES}
    conformed = {name: conform(lazy[name], schema) for name, schema in TABLES.items()}
    papers = conformed["papers"]
    paper_ids = papers.select(pl.col("paper_id").drop_nulls().unique().implode())
    paper_rules = row_rules.applicable_rules(TABLES["papers"].names())
    exists = pl.col("paper_id").is_in(paper_ids.collect().item()).fill_null(False).alias("paper_exists")
    slim = {
        "papers": row_rules.with_rule_checks(papers, paper_rules).select(
            "paper_id", "first_seen", "last_seen", "days_listed", "best_rank", *(r.ok_column for r in paper_rules)
        ),
        "claims": conformed["claims"].select("paper_id", "claim_index", "kind", exists),
        "appearances": conformed["appearances"].select("paper_id", "snapshot_date", "source_file", "rank", exists),
        "quarantine": conformed["quarantine"].select(
            "source_file", "source_line", reason_count=pl.col("reasons").list.len().fill_null(0)
        ),
    }
    frames = dict(zip(slim, pl.collect_all(slim.values())))
    return {**frames, "schema": schema_diff({name: lazy[name].collect_schema() for name in TABLES})}


# ---------------------------------------------------------------- the suites


def _checks() -> dict[str, list[Check]]:
    """Suite name -> its checks. GE expectation classes are looked up when built."""
    import great_expectations as gx

    E = gx.expectations
    all_true = lambda column: (lambda: E.ExpectColumnValuesToBeInSet(column=column, value_set=[True]))  # noqa: E731
    papers = [
        Check("papers", "row_count_above_zero", "papers has at least one row",
              lambda: E.ExpectTableRowCountToBeBetween(min_value=1)),
        Check("papers", "paper_id_not_null", "every paper has a paper_id",
              lambda: E.ExpectColumnValuesToNotBeNull(column="paper_id")),
        Check("papers", "unique_paper_id", "paper_id is unique",
              lambda: E.ExpectColumnValuesToBeUnique(column="paper_id")),
        Check("papers", "paper_id_format", "paper_id is tp- and 16 hex digits",
              lambda: E.ExpectColumnValuesToMatchRegex(column="paper_id", regex=PAPER_ID_PATTERN)),
        Check("papers", "days_listed_positive", "days_listed is at least 1",
              lambda: E.ExpectColumnValuesToBeBetween(column="days_listed", min_value=1)),
        Check("papers", "best_rank_positive", "best_rank is at least 1",
              lambda: E.ExpectColumnValuesToBeBetween(column="best_rank", min_value=1)),
        Check("papers", "first_seen_not_after_last_seen", "first_seen <= last_seen",
              lambda: E.ExpectColumnPairValuesAToBeGreaterThanB(
                  column_A="last_seen", column_B="first_seen", or_equal=True)),
    ]
    papers += [
        Check("papers", rule.name, f"row rule: no row where {rule.description}", all_true(rule.ok_column))
        for rule in row_rules.applicable_rules(TABLES["papers"].names())
    ]
    claims = [
        Check("claims", "unique_paper_id_claim_index", "(paper_id, claim_index) is unique",
              lambda: E.ExpectCompoundColumnsToBeUnique(column_list=["paper_id", "claim_index"])),
        Check("claims", "paper_exists", "every claim's paper_id is in papers", all_true("paper_exists")),
        Check("claims", "kind_known", f"kind is one of {', '.join(CLAIM_KINDS)}",
              lambda: E.ExpectColumnValuesToBeInSet(column="kind", value_set=CLAIM_KINDS)),
    ]
    appearances = [
        Check("appearances", "paper_exists", "every appearance's paper_id is in papers", all_true("paper_exists")),
        Check("appearances", "rank_positive", "rank is at least 1",
              lambda: E.ExpectColumnValuesToBeBetween(column="rank", min_value=1)),
        Check("appearances", "unique_paper_per_snapshot", "one row per paper per snapshot",
              lambda: E.ExpectCompoundColumnsToBeUnique(column_list=["paper_id", "snapshot_date", "source_file"])),
    ]
    quarantine = [
        Check("quarantine", "reasons_not_empty", "every quarantined row says which rule it broke",
              lambda: E.ExpectColumnValuesToBeBetween(column="reason_count", min_value=1)),
        Check("quarantine", "source_file_not_null", "every quarantined row says where it came from",
              lambda: E.ExpectColumnValuesToNotBeNull(column="source_file")),
    ]
    schema = [
        Check(name, "schema", "column names, order and types are exactly as in the contract",
              lambda name=name: E.ExpectColumnPairValuesToBeEqual(
                  column_A=f"{name}_expected", column_B=f"{name}_actual"))
        for name in TABLES
    ]
    return {"papers": papers, "claims": claims, "appearances": appearances, "quarantine": quarantine, "schema": schema}


def _context(docs_dir: pathlib.Path):
    """An ephemeral GE context: in-memory stores, one Data Docs site in docs_dir (and not
    the temporary default site), no analytics, no progress bars."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    site = {
        "class_name": "SiteBuilder",
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    }
    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        data_docs_sites={SITE_NAME: site},
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def _pandas_for_ge(frame: pl.DataFrame):
    """The pandas frame GE reads, in dtypes its pandas code is fast on:
    - numpy-backed dates (`to_pandas()`): GE fingerprints every batch with
      `hash_pandas_object`, which goes through Python objects for Arrow-backed dates;
    - int64 for every integer: `ExpectColumnValuesToBeBetween` is vectorized only for
      int64/float64 and calls a Python function per value otherwise (4 s of 11 at 1M
      papers). Strings stay pandas' Arrow-backed `str`: as object they hash 2x slower."""
    integers = [name for name, dtype in frame.schema.items() if dtype.is_integer()]
    return frame.with_columns(pl.col(integers).cast(pl.Int64)).to_pandas()


def _run_suites(frames: dict[str, pl.DataFrame], docs_dir: pathlib.Path, run_time: dt.datetime) -> list[RuleResult]:
    import great_expectations as gx
    from great_expectations.core.run_identifier import RunIdentifier

    context = _context(docs_dir)
    source = context.data_sources.add_pandas("trending_papers")
    run_id = RunIdentifier(run_name="release", run_time=run_time)
    results = []
    for suite_name, checks in _checks().items():
        suite = context.suites.add(gx.ExpectationSuite(name=suite_name))
        for check in checks:
            expectation = check.expectation()
            expectation.meta = {"table": check.table, "rule": check.rule}
            expectation.description = f"{check.table}.{check.rule}: {check.description}"
            suite.add_expectation(expectation)
        batch = source.add_dataframe_asset(suite_name).add_batch_definition_whole_dataframe("all")
        validation = context.validation_definitions.add(gx.ValidationDefinition(name=suite_name, data=batch, suite=suite))
        frame = _pandas_for_ge(frames[suite_name])
        outcome = validation.run(batch_parameters={"dataframe": frame}, result_format="SUMMARY", run_id=run_id)
        by_rule = {(r.expectation_config.meta["table"], r.expectation_config.meta["rule"]): r for r in outcome.results}
        results += [_rule_result(check, by_rule[check.table, check.rule]) for check in checks]
    context.build_data_docs(site_names=[SITE_NAME])
    return results


def _rule_result(check: Check, ge_result) -> RuleResult:
    result = ge_result.result or {}
    observed = result.get("observed_value")
    return RuleResult(
        table=check.table,
        rule=check.rule,
        description=check.description,
        success=bool(ge_result.success),
        unexpected_count=result.get("unexpected_count"),
        observed_value=observed if isinstance(observed, (int, float, str, bool)) else None,
    )


# ---------------------------------------------------------------- entry point + reports


def validate_release(
    tables: dict[str, pl.DataFrame | pl.LazyFrame],
    report_dir: pathlib.Path,
    *,
    run_time: dt.datetime | None = None,
    scope: str = "all rows",
) -> ValidationOutcome:
    """Validate the four release tables; write the reports into report_dir.

    scope says which rows `tables` hold (all of the release's, or only the ones a run
    added or changed); the reports repeat it.

    run_time stamps the GE run (Data Docs paths); it defaults to the latest last_seen date
    of the papers, so the same tables give the same report.
    """
    report_dir = pathlib.Path(report_dir).resolve()
    docs_dir = report_dir / "data_docs"
    shutil.rmtree(docs_dir, ignore_errors=True)  # a report describes one run only
    report_dir.mkdir(parents=True, exist_ok=True)
    frames = slim_frames(tables)
    results = _run_suites(frames, docs_dir, run_time or _data_time(frames["papers"]))
    outcome = ValidationOutcome(success=all(r.success for r in results), results=results)
    (report_dir / "validation.json").write_text(_validation_json(outcome, scope), encoding="utf-8")
    row_counts = {name: frames[name].height for name in TABLES}
    (report_dir / "index.html").write_text(_summary_html(outcome, row_counts, scope), encoding="utf-8")
    return outcome


def _data_time(papers: pl.DataFrame) -> dt.datetime:
    last = papers.get_column("last_seen").max() if "last_seen" in papers.columns else None
    day = last if isinstance(last, dt.date) else dt.date(1970, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def _validation_json(outcome: ValidationOutcome, scope: str) -> str:
    document = {
        "success": outcome.success,
        "scope": scope,
        "summary": outcome.summary(),
        "failed_rules": outcome.failed_rules,
        "results": [asdict(result) for result in outcome.results],
    }
    return json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n"


_STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;max-width:60em;color:#222}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}
.ok{color:#186a2e}.fail{color:#b00020;font-weight:bold}.num{text-align:right}
"""


def _summary_html(outcome: ValidationOutcome, row_counts: dict[str, int], scope: str) -> str:
    """A self-contained page (no external CSS/JS): outcome, row counts, every rule."""
    esc = html.escape
    status = "ok" if outcome.success else "fail"
    counts = "".join(f"<tr><td>{esc(n)}</td><td class=num>{row_counts[n]}</td></tr>" for n in TABLES)
    rows = "".join(
        f"<tr><td>{esc(r.table)}</td><td>{esc(r.rule)}</td><td>{esc(r.description)}</td>"
        f"<td class={'ok' if r.success else 'fail'}>{'pass' if r.success else 'FAIL'}</td>"
        f"<td class=num>{'' if r.unexpected_count is None else r.unexpected_count}</td></tr>"
        for r in outcome.results
    )
    return (
        "<!doctype html>\n<html lang=en><head><meta charset=utf-8>"
        "<title>trending-papers validation</title>"
        f"<style>{_STYLE}</style></head><body>\n"
        f"<h1>Validation report</h1>\n<p class={status}>{esc(outcome.summary())}</p>\n"
        f"<h2>Rows validated ({esc(scope)})</h2>\n<table><tr><th>table</th><th>rows</th></tr>{counts}</table>\n"
        "<h2>Rules</h2>\n<table><tr><th>table</th><th>rule</th><th>what it checks</th>"
        f"<th>result</th><th>unexpected</th></tr>{rows}</table>\n"
        '<p>Details per expectation: <a href="data_docs/index.html">Great Expectations Data Docs</a> '
        "(that site loads its styles from CDNs).</p>\n</body></html>\n"
    )
