"""`trending-papers`: the command line (typer, which Prefect already brings)."""

import os
import sys

# Quiet Prefect's per-task INFO lines on the console unless asked: the summary says it all.
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

from pathlib import Path  # noqa: E402
from typing import Annotated  # noqa: E402

import typer  # noqa: E402
from rich.console import Console  # noqa: E402

app = typer.Typer(
    help="Build the trending-papers dataset from raw Hugging Face trending-page snapshots.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


def fail(reason: str) -> None:
    """Exit non-zero with a one-line reason, never a traceback."""
    err_console.print(f"[bold red]error:[/] {reason}", soft_wrap=True)
    raise typer.Exit(1)


def print_summary(summary: dict) -> None:
    counts = summary.get("counts", {})
    if summary["outcome"] == "unchanged":
        console.print(f"nothing new: {summary['snapshots_read']} snapshot(s) read, all already ingested; release unchanged")
    else:
        console.print(
            f"published: {len(summary['snapshots_new'])} new snapshot(s) ({', '.join(summary['snapshots_new'])}), "
            f"{summary['entries']} entries -> {counts.get('papers', 0)} papers, {counts.get('claims', 0)} claims, "
            f"{counts.get('appearances', 0)} appearances, {counts.get('quarantine', 0)} quarantined"
        )
        repairs = summary.get("repairs", {})
        if repairs:
            console.print("repairs: " + ", ".join(f"{name} {count}" for name, count in repairs.items()))
        console.print(f"release: {summary['output']}/parquet, hf/, reports/, manifest.json")
    for note in summary.get("notes", []):
        console.print(f"note: {note}")
    for item in summary["refused"]:
        console.print(f"[yellow]refused:[/] {item['reason']}", soft_wrap=True)


@app.command()
def run(
    sources: Annotated[list[str], typer.Argument(help="Snapshot files, folders, globs or fsspec URLs.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Release folder.")] = Path("output"),
    date: Annotated[
        str | None, typer.Option("--date", help="Snapshot date (YYYY-MM-DD) for files with no date in their name.")
    ] = None,
    max_mb: Annotated[int, typer.Option("--max-mb", help="Refuse source files larger than this.")] = 4096,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of unexpected errors.")] = False,
) -> None:
    """Ingest snapshots not yet in OUTPUT, rebuild, validate and publish the release."""
    if date is not None:
        import datetime as dt

        try:
            dt.date.fromisoformat(date)
        except ValueError:
            fail(f"--date {date!r} is not a date in YYYY-MM-DD form")
    from flows.pipeline import run_release

    try:
        summary = run_release(sources, str(output), date, max_mb * 1024 * 1024)
    except Exception as error:  # the one place that turns any failure into one line
        if debug:
            raise
        fail(str(error) if error.__class__.__name__ == "ReleaseError" else f"{type(error).__name__}: {error}")
    print_summary(summary)


def main() -> None:
    sys.exit(app())


if __name__ == "__main__":
    main()
