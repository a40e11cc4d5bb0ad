"""The release report: reports/index.html, one page that reads offline.

Which release it is (date, id, pipeline version, snapshots with their hashes), how
validation went (linking into validation.html and the Data Docs), what changed since the
previous release (papers new on the list, dropped, biggest climbers and fallers, claims
added: `transforms.changes`), and charts (PNG made with matplotlib's Agg backend, files
next to the page, same data -> same bytes).

    changes = write_release_report(release_dir, manifest, previous_release_dir)
    manifest["changes"] = changes  # the same "what changed" goes into the dataset card
"""

from __future__ import annotations

import html
import json
import os
import pathlib
import warnings

import polars as pl

from expectations.suites import STYLE
from transforms import changes as diff

CHARTS = "charts"
TOP_HISTORY = 5  # papers in the rank-history chart
PNG_METADATA = {"Software": None}  # no version string in the file (matplotlib writes no date into PNG)


def _scan(release: pathlib.Path, table: str, columns: list[str]) -> pl.LazyFrame:
    return pl.scan_parquet(release / "parquet" / f"{table}.parquet").select(columns)


def compute_changes(release: pathlib.Path, previous: pathlib.Path | None) -> tuple[dict, dict[str, pl.DataFrame]]:
    """-> (the "changes" record for the manifest and the card, the chart series)."""
    papers = _scan(release, "papers", ["paper_id", "title", "first_seen"])
    appearances = _scan(release, "appearances", ["paper_id", "snapshot_date", "rank"])
    claims = _scan(release, "claims", ["paper_id", "claim_index", "text", "kind"])
    has_previous = previous is not None and (previous / "parquet" / "appearances.parquet").is_file()
    before = _scan(previous, "appearances", ["paper_id", "snapshot_date", "rank"]) if has_previous else None
    before_claims = _scan(previous, "claims", ["paper_id", "claim_index", "text"]) if has_previous else None

    listing, added, per_day, kinds = pl.collect_all([
        diff.list_changes(appearances, before),
        diff.claims_added(
            claims.select("paper_id", "claim_index", "text"), before_claims, diff.day_list(appearances)
        ).select(pl.len()),
        diff.listed_per_day(appearances, papers),
        diff.counts_by(claims, "kind"),
    ])
    tables = diff.summary_tables(listing)
    top_ids = listing.filter(pl.col("rank").is_not_null()).sort("rank", "paper_id").head(TOP_HISTORY)["paper_id"]
    history = diff.rank_history(appearances, top_ids.to_list()).collect()
    # Titles of the few papers shown only: papers.parquet is sorted by paper_id, so the
    # filter skips most of its row groups instead of reading a million titles.
    shown = sorted({*top_ids, *(pid for table in tables.values() for pid in table["paper_id"])})
    titles = papers.select("paper_id", "title").filter(pl.col("paper_id").is_in(shown)).collect()
    tables = {name: diff.with_titles(table, titles) for name, table in tables.items()}
    history = diff.with_titles(history, titles)
    status = listing.get_column("status")
    record = {
        "previous_release": _release_name(previous) if has_previous else None,
        "papers_listed": int((listing.get_column("rank").is_not_null()).sum()),
        "papers_new": int((status == "new").sum()),
        "papers_dropped": int((status == "dropped").sum()),
        "claims_added": int(added.item()),
        **{name: table.to_dicts() for name, table in tables.items()},
    }
    series = {"per_day": per_day, "history": history, "top": top_ids.to_frame(), "kinds": kinds}
    return record, series


def _release_name(release: pathlib.Path) -> dict:
    try:
        manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    return {"release_id": manifest.get("release_id", release.name), "release_date": manifest.get("release_date", "?")}


# ---------------------------------------------------------------- charts


def _figure(width: float = 8, height: float = 3.2):
    from matplotlib.figure import Figure  # the object API: no pyplot state, Agg canvas

    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return figure, figure.subplots()


def _save(figure, path: pathlib.Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():  # a title with a glyph DejaVu Sans lacks: drawn as a box, not an error
        warnings.simplefilter("ignore")
        figure.savefig(path, format="png", metadata=PNG_METADATA)


def _listing_chart(per_day: pl.DataFrame, path: pathlib.Path) -> None:
    figure, axes = _figure()
    days = [str(day) for day in per_day["snapshot_date"]]
    axes.bar(days, per_day["listed"].to_list(), color="#9db4d6", label="listed")
    axes.bar(days, per_day["new"].to_list(), color="#1f4e99", label="new that day")
    axes.set_title("Papers listed per day, and how many were new")
    axes.set_ylabel("papers")
    axes.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    _date_ticks(axes, days)
    _save(figure, path)


def _date_ticks(axes, days: list[str], most: int = 12) -> None:
    step = max(1, -(-len(days) // most))
    axes.set_xticks(range(0, len(days), step), [days[i] for i in range(0, len(days), step)], rotation=45, ha="right")


def _history_chart(history: pl.DataFrame, top: list[str], days: list[str], path: pathlib.Path) -> None:
    """One line per paper over every day of the release (a gap: not listed that day)."""
    from matplotlib.ticker import MaxNLocator

    figure, axes = _figure(8, 3.8)
    position = {day: i for i, day in enumerate(days)}
    for paper_id in top:
        rows = history.filter(pl.col("paper_id") == paper_id)
        if rows.is_empty():
            continue
        title = rows["title"][0] or paper_id
        label = title if len(title) <= 48 else title[:47] + "…"
        axes.plot([position[str(d)] for d in rows["snapshot_date"]], rows["rank"].to_list(), marker="o", label=label)
    axes.set_xlim(-0.5, len(days) - 0.5)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.invert_yaxis()  # rank 1 on top
    axes.set_title(f"Rank history of today's top {len(top)} papers")
    axes.set_ylabel("rank")
    axes.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    _date_ticks(axes, days)
    _save(figure, path)


def _bar_chart(labels: list[str], values: list[int], title: str, path: pathlib.Path) -> None:
    figure, axes = _figure(8, 0.6 + 0.32 * max(len(labels), 1))
    axes.barh(labels[::-1], values[::-1], color="#1f4e99")
    axes.set_title(title)
    for y, value in enumerate(values[::-1]):
        axes.annotate(f"{value:,}", (value, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    axes.margins(x=0.12)
    _save(figure, path)


def write_charts(series: dict[str, pl.DataFrame], repairs: dict[str, int], folder: pathlib.Path) -> list[tuple[str, str]]:
    """The PNG files; -> (file name relative to the report, what it shows) per chart."""
    charts = []
    _listing_chart(series["per_day"], folder / "listed-per-day.png")
    charts.append(("listed-per-day.png", "Papers listed per day, and how many were new"))
    top = series["top"]["paper_id"].to_list()
    if top:
        days = [str(day) for day in series["per_day"]["snapshot_date"]]
        _history_chart(series["history"], top, days, folder / "rank-history.png")
        charts.append(("rank-history.png", "Rank history of today's top papers"))
    kinds = series["kinds"]
    _bar_chart([str(k) for k in kinds["kind"]], kinds["count"].to_list(), "Claims by kind", folder / "claims-by-kind.png")
    charts.append(("claims-by-kind.png", "Claims by kind"))
    ordered = sorted(repairs.items(), key=lambda item: (-item[1], item[0]))
    _bar_chart([k for k, _ in ordered], [v for _, v in ordered], "Repairs by kind (papers)", folder / "repairs-by-kind.png")
    charts.append(("repairs-by-kind.png", "Repairs by kind"))
    return [(f"{CHARTS}/{name}", text) for name, text in charts]


# ---------------------------------------------------------------- the page


def write_release_report(release: pathlib.Path, manifest: dict, previous: pathlib.Path | None) -> dict:
    """reports/index.html and reports/charts/ of the release; -> the "changes" record."""
    release = pathlib.Path(release)
    reports = release / "reports"
    try:
        record, series = compute_changes(release, pathlib.Path(previous) if previous else None)
    except (pl.exceptions.PolarsError, OSError):  # a previous release this code cannot read (other layout)
        record, series = compute_changes(release, None)
        record["note"] = f"the previous release ({pathlib.Path(previous).name}) could not be read for a comparison"
    charts = write_charts(series, manifest.get("repairs", {}), reports / CHARTS)
    validation = _read_json(reports / "validation.json")
    validation["pages"] = _run_pages(reports, manifest.get("release_id", release.name))
    page = release_page(manifest, record, validation, charts)
    temporary = reports / "index.html.tmp"
    temporary.write_text(page, encoding="utf-8")
    os.replace(temporary, reports / "index.html")
    return record


def _run_pages(reports: pathlib.Path, run_name: str) -> list[tuple[str, str]]:
    """(data asset, page) of this release's validations in the Data Docs (the GX run is
    named after the release id: validations/<asset>/<run name>/<run time>/<batch>.html)."""
    pages = sorted((reports / "data_docs" / "validations").glob(f"*/{run_name}/*/*.html"))
    return [(page.relative_to(reports / "data_docs" / "validations").parts[0], page.relative_to(reports).as_posix())
            for page in pages]


def _read_json(path: pathlib.Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _table(header: list[str], rows: list[list[object]], numeric: set[int] = frozenset()) -> str:
    esc = html.escape
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(
            f"<td class=num>{esc(_text(v))}</td>" if i in numeric else f"<td>{esc(_text(v))}</td>" for i, v in enumerate(row)
        ) + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _text(value: object) -> str:
    if value is None:
        return "–"
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def release_page(manifest: dict, changes: dict, validation: dict, charts: list[tuple[str, str]]) -> str:
    esc = html.escape
    date = manifest.get("release_date", "?")
    counts = manifest.get("counts", {})
    facts = [
        ["release date", date],
        ["release id", manifest.get("release_id", "?")],
        ["pipeline version", manifest.get("pipeline_version", "?")],
        ["run id", manifest.get("run_id", "?")],
        ["published at (UTC)", manifest.get("created_at", "?")],
        ["rows", ", ".join(f"{name} {n:,}" for name, n in counts.items())],
    ]
    snapshots = [
        [s.get("snapshot_date"), s.get("file"), s.get("entries"), s.get("bytes"), s.get("sha256")]
        for s in manifest.get("snapshots", [])
    ]
    status = "ok" if validation.get("success") else "fail"
    rows = validation.get("rows", {})
    validation_html = (
        f"<p class={status}>{esc(validation.get('summary', 'no validation report'))} "
        f"({esc(validation.get('scope', ''))})</p>"
        + _table(["table", "rows validated"], [[name, n] for name, n in rows.items()], {1})
        + '<p>Every rule, the engine that judged it and examples of what it found: <a href="validation.html">'
        'validation.html</a>. Every expectation, with the history of every release: '
        '<a href="data_docs/index.html">Great Expectations Data Docs</a>.</p>'
    )
    pages = validation.get("pages") or []
    if pages:
        validation_html += "<p>This release's Data Docs pages, by data asset: " + ", ".join(
            f'<a href="{esc(href)}">{esc(asset)}</a>' for asset, href in pages
        ) + ".</p>"
    sections = [
        f"<h1>trending-papers release {esc(date)}</h1>",
        _table(["", "this release"], facts),
        f"<h2>What changed since the previous release</h2>{_changes_html(changes)}",
        "<h2>Charts</h2>" + "".join(
            f'<figure><img src="{esc(src)}" alt="{esc(text)}"><figcaption>{esc(text)}</figcaption></figure>'
            for src, text in charts
        ),
        f"<h2>Validation</h2>{validation_html}",
        f"<h2>Snapshots ({len(snapshots)})</h2>"
        + _table(["date", "file", "entries", "bytes", "sha256"], snapshots, {2, 3}),
    ]
    return (
        "<!doctype html>\n<html lang=en><head><meta charset=utf-8>"
        f"<title>trending-papers release {esc(date)}</title>"
        f"<style>{STYLE}img{{max-width:100%}}figure{{margin:1em 0}}</style></head><body>\n"
        + "\n".join(sections)
        + "\n</body></html>\n"
    )


def _changes_html(changes: dict) -> str:
    previous = changes.get("previous_release")
    intro = (
        f"<p>Compared with the release of {html.escape(str(previous['release_date']))} "
        f"(<code>{html.escape(str(previous['release_id']))}</code>): the latest day's list of each.</p>"
        if previous else "<p>The first release: every paper on the list is new.</p>"
    )
    counts = _table(
        ["papers on today's list", "new on the list", "dropped off the list", "claims added"],
        [[changes["papers_listed"], changes["papers_new"], changes["papers_dropped"], changes["claims_added"]]],
        {0, 1, 2, 3},
    )
    parts = [intro, counts]
    for title, key in [("New on the list", "new"), ("Biggest climbers", "climbers"),
                       ("Biggest fallers", "fallers"), ("Dropped off the list", "dropped")]:
        items = changes.get(key) or []
        if items:
            parts.append(f"<h3>{title}</h3>" + _table(
                ["rank", "previous rank", "change", "title", "paper_id"],
                [[i["rank"], i["previous_rank"], _signed(i["climb"]), i["title"], i["paper_id"]] for i in items],
                {0, 1, 2},
            ))
    return "".join(parts)


def _signed(climb: int | None) -> str | None:
    return None if climb is None else f"{climb:+d}"
