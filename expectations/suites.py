"""Great Expectations over a release (contract section 5), run the way GX users run it.

Two kinds of rules, each defined once:

- row rules (`expectations.rules`): judged by GX on the entries as read, before the
  split, on their real columns (data assets `entries` and `entry_urls`). Their
  unexpected values are the rows that went to quarantine; they do not block a release.
- table rules (below): judged on the published tables (data assets `papers`, `claims`,
  `appearances`, `quarantine` and `<table>_columns`); any failure blocks the release.

A rule GX cannot express (exact Arrow types, a claim or appearance whose paper exists,
claim offsets that point at their text) stays a Polars rule; the reports say which
engine judged each rule.

GX reads pandas and fingerprints every batch, so each asset is a slim Parquet file of
the real columns its rules read (written by Polars into a scratch folder, read by a
pandas Parquet asset). One checkpoint runs every validation definition; its action
updates the Data Docs site. The validation results store and the site live in the
report folder and are carried over from the previous release: Data Docs keep the
history of every release's validations, and their styles and scripts are local files
(`expectations.datadocs`), so the site reads offline.

    outcome = validate_release(tables, report_dir, entries=entries, run_time=started)
    if not outcome.success:
        raise SystemExit(outcome.summary())

report_dir receives `data_docs/` (the Data Docs site), `gx/` (the validation results
store), `validation.json` (one record per rule) and `validation.html` (an offline summary).
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

from expectations import datadocs
from expectations import rules as row_rules
from expectations.rules import GxExpectation, gx_check
from transforms.schema import TABLES

# No usage statistics, even from a GE version that still sends them.
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

CLAIM_KINDS = ["percent", "multiplier", "score", "count", "money", "duration", "rate"]
PAPER_ID_PATTERN = r"^tp-[0-9a-f]{16}$"
SITE_NAME = "release"
DATASOURCE = "trending_papers"
CHECKPOINT = "trending-papers-release"
GX_ENGINE, POLARS_ENGINE = "great_expectations", "polars"
ROWS = "entries"  # the `table` of row rules in the reports
CATEGORICAL = ("source_file", "kind")  # columns GX reads as pandas categories (see _for_pandas)
SAMPLE = 20  # unexpected values kept per rule in validation.json (GX's partial list has as many)


@dataclass(frozen=True)
class RuleResult:
    table: str
    rule: str
    description: str
    success: bool
    unexpected_count: int | None  # None for table-level rules that count nothing
    observed_value: object = None
    engine: str = GX_ENGINE
    gates: bool = True  # a failure blocks the release (table rules); row rules quarantine instead
    expectations: list[str] = field(default_factory=list)  # what GX ran, for people
    unexpected: list[str] = field(default_factory=list)  # a sample: "value (file:line)"

    @property
    def name(self) -> str:
        return f"{self.table}.{self.rule}"


@dataclass
class ValidationOutcome:
    success: bool
    results: list[RuleResult] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)  # rows validated per table (and entries)

    @property
    def failed_rules(self) -> list[str]:
        return [result.name for result in self.results if result.gates and not result.success]

    def summary(self) -> str:
        gating = [result for result in self.results if result.gates]
        if self.success:
            tables = sorted({result.table for result in gating})
            return f"validation passed: {len(gating)} rules on {len(tables)} tables"
        failures = []
        for result in gating:
            if not result.success:
                count = result.unexpected_count
                detail = f"{count} unexpected" if count is not None else f"observed {result.observed_value}"
                failures.append(f"{result.name} ({detail})")
        return "validation failed: " + ", ".join(failures)


@dataclass(frozen=True)
class PolarsVerdict:
    unexpected_count: int
    unexpected: list[str]
    observed_value: object = None


@dataclass(frozen=True)
class Rule:
    """A table rule (or a row rule, as the reports name it): rendered to GX expectations
    on one data asset, or, where GX cannot express it, checked in Polars."""

    table: str
    rule: str
    description: str
    gx: tuple[GxExpectation, ...] = ()
    polars: Callable[[dict[str, pl.LazyFrame]], PolarsVerdict] | None = None
    gates: bool = True

    @property
    def engine(self) -> str:
        return GX_ENGINE if self.gx else POLARS_ENGINE


# ---------------------------------------------------------------- the rules


def _columns_asset(table: str) -> str:
    return f"{table}_columns"


def _paper_exists(table: str) -> Callable[[dict[str, pl.LazyFrame]], PolarsVerdict]:
    def check(frames: dict[str, pl.LazyFrame]) -> PolarsVerdict:
        known = frames["papers"].select(pl.col("paper_id").drop_nulls().unique())
        orphans = frames[table].select("paper_id").join(known, on="paper_id", how="anti", nulls_equal=False).collect()
        return PolarsVerdict(orphans.height, orphans.get_column("paper_id").head(SAMPLE).cast(pl.String).to_list())

    return check


def _types_match(table: str) -> Callable[[dict[str, pl.LazyFrame]], PolarsVerdict]:
    def check(frames: dict[str, pl.LazyFrame]) -> PolarsVerdict:
        actual = frames[table].collect_schema()
        wrong = [
            f"{name}: {actual[name]} (contract: {dtype})"
            for name, dtype in TABLES[table].items()
            if name in actual and actual[name] != dtype
        ]
        return PolarsVerdict(len(wrong), wrong)

    return check


def _quarantined_for(rule_name: str) -> Callable[[dict[str, pl.LazyFrame]], PolarsVerdict]:
    """A Polars-only row rule's rows: the quarantined rows whose reasons name it."""

    def check(frames: dict[str, pl.LazyFrame]) -> PolarsVerdict:
        prefix = f"{rule_name}:"
        reason = pl.col("reasons").list.eval(pl.element().filter(pl.element().str.starts_with(prefix))).list.first()
        rows = (
            frames["quarantine"]
            .filter(reason.is_not_null())
            .select(where=pl.format("{} ({}:{})", reason, "source_file", "source_line"))
            .collect()
        )
        return PolarsVerdict(rows.height, rows.get_column("where").head(SAMPLE).to_list())

    return check


def row_rule_checks() -> list[Rule]:
    """The row rules of `expectations.rules`, as judged on the entries."""
    return [
        Rule(ROWS, rule.name, rule.description, gx=rule.gx,
             polars=None if rule.gx else _quarantined_for(rule.name), gates=False)
        for rule in row_rules.ROW_RULES
    ]


def table_rules() -> list[Rule]:
    papers = [
        Rule("papers", "row_count_above_zero", "papers has at least one row",
             (gx_check("papers", "ExpectTableRowCountToBeBetween", min_value=1),)),
        Rule("papers", "paper_id_not_null", "every paper has a paper_id",
             (gx_check("papers", "ExpectColumnValuesToNotBeNull", column="paper_id"),)),
        Rule("papers", "unique_paper_id", "paper_id is unique",
             (gx_check("papers", "ExpectColumnValuesToBeUnique", column="paper_id"),)),
        Rule("papers", "paper_id_format", "paper_id is tp- and 16 hex digits",
             (gx_check("papers", "ExpectColumnValuesToMatchRegex", column="paper_id", regex=PAPER_ID_PATTERN),)),
        Rule("papers", "days_listed_positive", "days_listed is at least 1",
             (gx_check("papers", "ExpectColumnValuesToBeBetween", column="days_listed", min_value=1),)),
        Rule("papers", "best_rank_positive", "best_rank is at least 1",
             (gx_check("papers", "ExpectColumnValuesToBeBetween", column="best_rank", min_value=1),)),
        Rule("papers", "first_seen_not_after_last_seen", "first_seen <= last_seen",
             (gx_check("papers", "ExpectColumnPairValuesAToBeGreaterThanB",
                  column_A="last_seen", column_B="first_seen", or_equal=True),)),
    ]
    claims = [
        Rule("claims", "unique_paper_id_claim_index", "(paper_id, claim_index) is unique",
             (gx_check("claims", "ExpectCompoundColumnsToBeUnique", column_list=["paper_id", "claim_index"]),)),
        Rule("claims", "paper_exists", "every claim's paper_id is in papers (GX has no cross-table check)",
             polars=_paper_exists("claims")),
        Rule("claims", "kind_known", f"kind is one of {', '.join(CLAIM_KINDS)}",
             (gx_check("claims", "ExpectColumnValuesToBeInSet", column="kind", value_set=CLAIM_KINDS),)),
    ]
    appearances = [
        Rule("appearances", "paper_exists", "every appearance's paper_id is in papers (GX has no cross-table check)",
             polars=_paper_exists("appearances")),
        Rule("appearances", "rank_positive", "rank is at least 1",
             (gx_check("appearances", "ExpectColumnValuesToBeBetween", column="rank", min_value=1),)),
        Rule("appearances", "unique_paper_per_snapshot", "one row per paper per snapshot",
             (gx_check("appearances", "ExpectCompoundColumnsToBeUnique",
                  column_list=["paper_id", "snapshot_date", "source_file"]),)),
    ]
    quarantine = [
        Rule("quarantine", "reasons_not_empty", "every quarantined row says which rule it broke",
             (gx_check("quarantine", "ExpectColumnValuesToNotBeNull", column="reasons"),
              gx_check("quarantine", "ExpectColumnValueLengthsToBeBetween", column="reasons", min_value=1))),
        Rule("quarantine", "source_file_not_null", "every quarantined row says where it came from",
             (gx_check("quarantine", "ExpectColumnValuesToNotBeNull", column="source_file"),)),
    ]
    schema = []
    for table, columns in TABLES.items():
        schema += [
            Rule(table, "columns", "column names and order are exactly as in the contract",
                 (gx_check(_columns_asset(table), "ExpectTableColumnsToMatchOrderedList", column_list=list(columns)),)),
            Rule(table, "types", "column types are exactly the contract's Arrow types (GX's pandas type "
                 "check sees only Python scalar types)", polars=_types_match(table)),
        ]
    return papers + claims + appearances + quarantine + schema


# ---------------------------------------------------------------- the frames GX reads


def conform(frame: pl.LazyFrame, schema: pl.Schema) -> pl.LazyFrame:
    """The contract columns in contract types, so the rules can run even on a table with a
    wrong schema (the columns and types rules report that): missing or uncastable columns
    become null."""
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


def gx_frames(tables: dict[str, pl.LazyFrame], entries: pl.LazyFrame | None) -> dict[str, pl.LazyFrame]:
    """Data asset name -> the slim frame of real columns its expectations read."""
    conformed = {name: conform(tables[name], schema) for name, schema in TABLES.items()}
    # Every asset names its rows by where they were read (GX's unexpected_index_column_names):
    # a claim by its paper's source line.
    where = conformed["papers"].select("paper_id", *row_rules.ROW_INDEX).unique("paper_id", keep="first")
    frames = {
        "papers": conformed["papers"].select(
            "paper_id", "first_seen", "last_seen", "days_listed", "best_rank", *row_rules.ROW_INDEX
        ),
        "claims": conformed["claims"]
        .select("paper_id", "claim_index", "kind")
        .join(where, on="paper_id", how="left", maintain_order="left"),
        "appearances": conformed["appearances"].select("paper_id", "snapshot_date", "rank", *row_rules.ROW_INDEX),
        "quarantine": conformed["quarantine"].select(
            "source_file", "source_line", reasons=pl.col("reasons").list.join("; ")
        ),
        **{_columns_asset(name): tables[name].head(0) for name in TABLES},  # the real column list, no rows
    }
    if entries is not None:
        frames.update(row_rules.gx_entry_frames(entries))
    return frames


def _for_pandas(frame: pl.DataFrame) -> pl.DataFrame:
    """Types GX's pandas code is fast on, once read back by pandas: int64 for every integer
    (`..._to_be_between` is vectorized only for int64/float64: 4 s of 11 at 1M papers
    otherwise) and timestamps for dates (pandas reads date32 as Python objects, which
    GX's batch fingerprint hashes one by one). Strings stay Arrow strings."""
    integers = [name for name, dtype in frame.schema.items() if dtype.is_integer()]
    dates = [name for name, dtype in frame.schema.items() if dtype == pl.Date]
    # A few distinct values in many rows (a snapshot's file name, a claim's kind): pandas
    # reads them back as a category, which the fingerprint hashes once per value.
    repeated = [name for name in CATEGORICAL if name in frame.columns]
    return frame.with_columns(
        pl.col(integers).cast(pl.Int64), pl.col(dates).cast(pl.Datetime("ms")), pl.col(repeated).cast(pl.Categorical)
    )


def write_batches(frames: dict[str, pl.LazyFrame], folder: pathlib.Path) -> tuple[dict[str, pathlib.Path], dict[str, int]]:
    """Collect every frame in one pass and write it as the Parquet file of its asset.
    -> (asset -> path, asset -> rows)."""
    folder.mkdir(parents=True, exist_ok=True)
    names = list(frames)
    collected = pl.collect_all([frames[name] for name in names])
    paths, rows = {}, {}
    for name, frame in zip(names, collected):
        rows[name] = frame.height
        paths[name] = folder / f"{name}.parquet"
        (frame if name.endswith("_columns") else _for_pandas(frame)).write_parquet(
            paths[name], compression="uncompressed", statistics=False
        )
    return paths, rows


# ---------------------------------------------------------------- GX: context, checkpoint


def _context(report_dir: pathlib.Path):
    """An ephemeral GE context whose validation results store and Data Docs site are
    folders of the report (kept across releases); other stores in memory; no analytics,
    no progress bars."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    defaults = InMemoryStoreBackendDefaults(init_temp_docs_sites=False)
    defaults.stores[defaults.validation_results_store_name]["store_backend"] = {
        "class_name": "TupleFilesystemStoreBackend",
        "base_directory": str(report_dir / "gx" / "validations"),
    }
    site = {
        "class_name": "SiteBuilder",
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(report_dir / "data_docs")},
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    }
    config = DataContextConfig(
        store_backend_defaults=defaults,
        data_docs_sites={SITE_NAME: site},
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def _result_format() -> dict:
    return {
        "result_format": "SUMMARY",
        "unexpected_index_column_names": list(row_rules.ROW_INDEX),
        "partial_unexpected_count": SAMPLE,
    }


def _run_checkpoint(rules: list[Rule], batches: dict[str, pathlib.Path], report_dir: pathlib.Path, run_id) -> dict:
    """One suite and one validation definition per data asset, one checkpoint with the
    Data Docs action. -> (asset, expectation index) -> GX expectation result."""
    import great_expectations as gx

    from expectations.gx_actions import UpdateDataDocsWithAssetNames

    context = _context(report_dir)
    source = context.data_sources.add_pandas(DATASOURCE)
    by_asset: dict[str, list[tuple[Rule, GxExpectation]]] = {}
    for rule in rules:
        for expectation in rule.gx:
            by_asset.setdefault(expectation.asset, []).append((rule, expectation))
    definitions = []
    for asset_name, expectations in by_asset.items():
        suite = context.suites.add(gx.ExpectationSuite(name=asset_name))
        for index, (rule, spec) in enumerate(expectations):
            expectation = spec.build()
            expectation.meta = {"table": rule.table, "rule": rule.rule, "index": index}
            expectation.description = f"{rule.table}.{rule.rule}: {rule.description}"
            suite.add_expectation(expectation)
        asset = source.add_parquet_asset(asset_name, path=batches[asset_name])
        batch = asset.add_batch_definition_whole_dataframe(asset_name)
        definitions.append(context.validation_definitions.add(
            gx.ValidationDefinition(name=asset_name, data=batch, suite=suite)))
    checkpoint = context.checkpoints.add(gx.Checkpoint(
        name=CHECKPOINT,
        validation_definitions=definitions,
        actions=[UpdateDataDocsWithAssetNames(name="update_data_docs", site_names=[SITE_NAME])],
        result_format=_result_format(),
    ))
    result = checkpoint.run(run_id=run_id)
    found = {}
    for validation in result.run_results.values():
        for expectation_result in validation.results:
            meta = expectation_result.expectation_config.meta
            found[meta["table"], meta["rule"], meta["index"]] = expectation_result
    return found


def _gx_rule_result(rule: Rule, ge_results: list) -> RuleResult:
    counts = [(r.result or {}).get("unexpected_count") for r in ge_results]
    observed = [(r.result or {}).get("observed_value") for r in ge_results]
    unexpected = []
    for r in ge_results:
        values = (r.result or {}).get("partial_unexpected_list") or []
        where = (r.result or {}).get("partial_unexpected_index_list") or []
        for i, value in enumerate(values):
            row = where[i] if i < len(where) and isinstance(where[i], dict) else {}
            place = f" ({row['source_file']}:{row['source_line']})" if "source_file" in row else ""
            unexpected.append(f"{value}{place}")
    first_observed = next((o for o in observed if isinstance(o, (int, float, str, bool))), None)
    return RuleResult(
        table=rule.table,
        rule=rule.rule,
        description=rule.description,
        success=all(bool(r.success) for r in ge_results),
        unexpected_count=sum(c for c in counts if c is not None) if any(c is not None for c in counts) else None,
        observed_value=first_observed,
        engine=GX_ENGINE,
        gates=rule.gates,
        expectations=[spec.label() for spec in rule.gx],
        unexpected=unexpected[:SAMPLE],
    )


def _polars_rule_result(rule: Rule, frames: dict[str, pl.LazyFrame]) -> RuleResult:
    verdict = rule.polars(frames)
    return RuleResult(
        table=rule.table, rule=rule.rule, description=rule.description, success=verdict.unexpected_count == 0,
        unexpected_count=verdict.unexpected_count, observed_value=verdict.observed_value, engine=POLARS_ENGINE,
        gates=rule.gates, unexpected=verdict.unexpected[:SAMPLE],
    )


# ---------------------------------------------------------------- entry point + reports


def validate_release(
    tables: dict[str, pl.DataFrame | pl.LazyFrame],
    report_dir: pathlib.Path,
    *,
    entries: pl.LazyFrame | pl.DataFrame | None = None,
    run_time: dt.datetime | None = None,
    run_name: str = "release",
    scope: str = "all rows",
    history: pathlib.Path | None = None,
) -> ValidationOutcome:
    """Validate the release tables (and the entries they were built from, when given);
    write the reports into report_dir.

    scope says which rows `tables` hold (all of the release's, or only the ones a run
    added or changed); the reports repeat it. run_time (default: now) and run_name name
    the GX run. history: the report folder of the previous release, whose validation
    results and Data Docs pages are carried over.
    """
    report_dir = pathlib.Path(report_dir).resolve()
    report_dir.mkdir(parents=True, exist_ok=True)
    if history is not None:
        _carry_over(pathlib.Path(history), report_dir)
    run_time = run_time or dt.datetime.now(dt.UTC)
    lazy = {name: tables[name].lazy() for name in TABLES}
    rules = table_rules() + (row_rule_checks() if entries is not None else [])
    scratch = report_dir / ".gx-batches"
    try:
        batches, rows = write_batches(gx_frames(lazy, None if entries is None else entries.lazy()), scratch)
        from great_expectations.core.run_identifier import RunIdentifier

        found = _run_checkpoint(rules, batches, report_dir, RunIdentifier(run_name=run_name, run_time=run_time))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    datadocs.make_offline(report_dir / "data_docs")
    results = [
        _gx_rule_result(rule, [found[rule.table, rule.rule, i] for i in _indexes(rule, rules)])
        if rule.gx else _polars_rule_result(rule, lazy)
        for rule in rules
    ]
    outcome = ValidationOutcome(
        success=all(r.success for r in results if r.gates),
        results=results,
        rows={name: rows[name] for name in [*TABLES, row_rules.ENTRIES_ASSET] if name in rows},
    )
    (report_dir / "validation.json").write_text(_validation_json(outcome, scope, run_time), encoding="utf-8")
    (report_dir / "validation.html").write_text(validation_html(outcome, scope), encoding="utf-8")
    return outcome


def _indexes(rule: Rule, rules: list[Rule]) -> list[int]:
    """Positions of the rule's expectations in their assets' suites (as _run_checkpoint numbers them)."""
    position: dict[str, int] = {}
    mine = []
    for other in rules:
        for spec in other.gx:
            index = position.get(spec.asset, 0)
            position[spec.asset] = index + 1
            if other is rule:
                mine.append(index)
    return mine


def _carry_over(previous: pathlib.Path, report_dir: pathlib.Path) -> None:
    """The previous release's validation results and Data Docs pages. Stored results and
    validation pages are never rewritten, so they are hard links; the rest of the site
    (index, static files) GX rewrites in place, so it is copied."""
    for folder in ("gx", "data_docs"):
        source = previous / folder
        if source.is_dir() and not (report_dir / folder).exists():
            shutil.copytree(source, report_dir / folder, copy_function=_link_or_copy)


def _link_or_copy(source: str, target: str) -> None:
    never_rewritten = f"{os.sep}gx{os.sep}" in source or f"{os.sep}data_docs{os.sep}validations{os.sep}" in source
    try:
        if not never_rewritten:
            raise OSError
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _validation_json(outcome: ValidationOutcome, scope: str, run_time: dt.datetime) -> str:
    document = {
        "success": outcome.success,
        "scope": scope,
        "run_time": run_time.isoformat(timespec="seconds"),
        "summary": outcome.summary(),
        "failed_rules": outcome.failed_rules,
        "rows": outcome.rows,
        "results": [asdict(result) for result in outcome.results],
    }
    return json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n"


STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;max-width:72em;color:#222}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
.ok{color:#186a2e}.fail{color:#b00020;font-weight:bold}.note{color:#8a5a00}.num{text-align:right}
code,.small{font-size:.85em}
"""


def rules_table(outcome: ValidationOutcome) -> str:
    """The rules as an HTML table: what each checks, which engine judged it, the result."""
    esc = html.escape
    rows = []
    for r in outcome.results:
        if r.success:
            verdict = "<td class=ok>pass</td>"
        elif r.gates:
            verdict = "<td class=fail>FAIL</td>"
        else:
            verdict = "<td class=note>rows quarantined</td>"
        engine = "Great Expectations" if r.engine == GX_ENGINE else "Polars only"
        sample = "<br>".join(esc(value[:160]) for value in r.unexpected[:3])
        rows.append(
            f"<tr><td>{esc(r.name)}</td><td>{esc(r.description)}</td><td>{engine}<div class=small>"
            f"{'<br>'.join(esc(label) for label in r.expectations)}</div></td>{verdict}"
            f"<td class=num>{'' if r.unexpected_count is None else r.unexpected_count}</td>"
            f"<td class=small>{sample}</td></tr>"
        )
    return (
        "<table><tr><th>rule</th><th>what it checks</th><th>judged by</th><th>result</th>"
        f"<th>unexpected</th><th>examples (value, file:line)</th></tr>{''.join(rows)}</table>"
    )


def rows_table(rows: dict[str, int]) -> str:
    counts = "".join(f"<tr><td>{html.escape(name)}</td><td class=num>{n}</td></tr>" for name, n in rows.items())
    return f"<table><tr><th>table</th><th>rows</th></tr>{counts}</table>"


def validation_html(outcome: ValidationOutcome, scope: str) -> str:
    """A self-contained page (no external CSS/JS): outcome and every rule."""
    esc = html.escape
    status = "ok" if outcome.success else "fail"
    return (
        "<!doctype html>\n<html lang=en><head><meta charset=utf-8>"
        "<title>trending-papers validation</title>"
        f"<style>{STYLE}</style></head><body>\n"
        f"<h1>Validation</h1>\n<p class={status}>{esc(outcome.summary())} ({esc(scope)})</p>\n"
        "<p>Table rules block a release when they fail; row rules send the rows that break them to "
        "quarantine. Details per expectation, with the history of every release: "
        '<a href="data_docs/index.html">Great Expectations Data Docs</a>.</p>\n'
        f"<h2>Rows validated ({esc(scope)})</h2>\n{rows_table(outcome.rows)}\n"
        f"<h2>Rules</h2>\n{rules_table(outcome)}\n</body></html>\n"
    )
