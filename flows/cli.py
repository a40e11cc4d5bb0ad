"""`trending-papers`: the command line (typer, which Prefect already brings)."""

import os
import sys

# Prefect's console logs stay quiet unless --verbose: the summary says what happened, and
# a failed run is one line, not Prefect's traceback. Only the console: the run's logs still
# reach the Prefect API (its UI shows them). Set before Prefect is imported.
if sys.argv[1:2] == ["run"] and "--verbose" not in sys.argv:
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")

import contextlib  # noqa: E402
import importlib  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Annotated  # noqa: E402

import typer  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.markup import escape  # noqa: E402

from flows import PIPELINE_VERSION, prefect_home  # noqa: E402
from flows.prefect_api import DEFAULT_PORT, FULL_SERVER, ServerStartError, gc_paused_then_frozen, prefect_api  # noqa: E402 (imports no prefect)
from flows.redact import conceal, mask  # noqa: E402 (imports no prefect)

# Exit codes (README, "Exit codes"); typer/click exits 2 on a usage error too.
EXIT_FAILED = 1  # the run did not publish: validation failed, nothing publishable, upload failed
EXIT_USAGE = 2  # bad options or arguments, or sources that do not exist
EXIT_NO_PREFECT = 3  # no Prefect API: the local server did not start, or its port is taken

app = typer.Typer(
    help="Build the trending-papers dataset from raw Hugging Face trending-page snapshots.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def fail(reason: str, code: int = EXIT_FAILED) -> None:
    """Exit non-zero with a one-line reason, never a traceback (nor a secret: masked)."""
    err_console.print(f"[bold red]error:[/] {escape(mask(reason))}", soft_wrap=True)
    raise typer.Exit(code)


def show_version(value: bool) -> None:
    if value:
        console.print(f"trending-papers {PIPELINE_VERSION}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", metavar="", callback=show_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Build the trending-papers dataset from raw Hugging Face trending-page snapshots."""


def missing_local_sources(sources: list[str]) -> list[str]:
    """Local paths (no URL, no glob) that do not exist: a run on nothing but these cannot start."""
    return [s for s in sources if "://" not in s and not any(c in s for c in "*?[") and not Path(s).exists()]


def remove_traces(output: Path) -> None:
    """A run that failed in an output folder it created: take back the lock and the run
    log it left there, and the folder if nothing else is in it.

    Only under the output lock: a run refused by it (two first runs started at once) would
    otherwise remove the lock file of the run that holds it and the folders that run has
    just made and is about to write into (its release, its reports/.gx-batches)."""
    from flows.release import ReleaseError, output_lock

    with contextlib.suppress(ReleaseError), output_lock(output):  # locked: the folder is another run's
        if (output / "current").exists():  # a run published here in the meantime
            return
        (output / "runs.jsonl").unlink(missing_ok=True)
        for folder in sorted((p for p in output.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if empty
        (output / ".lock").unlink(missing_ok=True)  # last, still locked (output_lock checks the file it locked)
    with contextlib.suppress(OSError):
        output.rmdir()


def import_in_background(*modules: str) -> None:
    """Import modules in a daemon thread, so that the code importing them later finds them
    done (an import already under way in another thread is waited for, not repeated).
    An error is left for that later import to raise, with its traceback."""

    def import_quietly() -> None:
        with gc_paused_then_frozen():
            for module in modules:
                with contextlib.suppress(Exception):
                    importlib.import_module(module)

    threading.Thread(target=import_quietly, name="background-imports", daemon=True).start()


def server_log() -> Path:
    return prefect_home() / "server.log"


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
        for label, key in (("repairs in this run", "repairs_this_run"), ("repairs in the release", "repairs")):
            if key in summary:
                repairs = summary[key]
                console.print(f"{label}: " + (", ".join(f"{name} {count}" for name, count in repairs.items()) or "none"))
        console.print(f"release: {summary['output']}/parquet, hf/, reports/, manifest.json")
    for note in summary.get("notes", []):
        console.print(f"note: {note}")
    for item in summary["refused"]:
        console.print(f"[yellow]refused:[/] {item['reason']}", soft_wrap=True)


def progress_reporter(quiet: bool):
    """Live progress on a terminal, a line per stage otherwise, nothing when quiet."""
    from flows.progress import LiveProgress, Silent, StageLines

    if quiet:
        return Silent()
    if err_console.is_terminal:
        return LiveProgress(err_console)
    return StageLines(console.print)


@app.command()
def run(
    sources: Annotated[list[str] | None, typer.Argument(help="Snapshot files, folders, globs or fsspec URLs.")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Release folder.")] = Path("output"),
    date: Annotated[
        str | None, typer.Option("--date", help="Snapshot date (YYYY-MM-DD) for files with no date in their name.")
    ] = None,
    max_mb: Annotated[int, typer.Option("--max-mb", help="Refuse source files larger than this (uncompressed).")] = 4096,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds for one remote read (retried twice).")] = 60.0,
    shard_mb: Annotated[float, typer.Option("--shard-mb", help="Split large snapshots into shards of this size.")] = 64,
    parallel: Annotated[int, typer.Option("--parallel", help="Shards normalized at once (local threads).")] = 2,
    dask_address: Annotated[
        str | None, typer.Option("--dask-address", metavar="tcp://HOST:8786", help="Normalize shards on this Dask cluster.")
    ] = None,
    dask_workers: Annotated[
        int | None, typer.Option("--dask-workers", help="Normalize shards on a local Dask cluster of N processes.")
    ] = None,
    rebuild: Annotated[
        bool,
        typer.Option("--rebuild", metavar="", help="Build every table from all snapshots instead of merging into the last release."),
    ] = False,
    push_to_hub: Annotated[
        str | None, typer.Option("--push-to-hub", metavar="ORG/NAME", help="Upload the release to this Hub dataset repo.")
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", metavar="", help="Show tracebacks of unexpected errors.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", metavar="", help="Show Prefect's logs.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", metavar="", help="Print nothing unless something failed or was refused (cron).")] = False,
    from_hub: Annotated[
        bool, typer.Option("--from-hub", metavar="", help="First fetch today's trending listing from the Hub into OUTPUT/fetched/.")
    ] = False,
    fetch_limit: Annotated[int, typer.Option("--fetch-limit", min=1, help="With --from-hub: entries to fetch.")] = 100,
) -> None:
    """Ingest snapshots not yet in OUTPUT, merge them into its release, validate and publish.

    Exit codes: 0 published, or nothing new; 1 the run did not publish (the reason is on stderr); 2 usage error or no such source; 3 no Prefect API (the local server did not start).
    """
    sources = sources or []
    if not sources and not from_hub:
        fail("give SOURCE... or --from-hub", EXIT_USAGE)
    if date is not None:
        import datetime as dt

        try:
            dt.date.fromisoformat(date)
        except ValueError:
            fail(f"--date {date!r} is not a date in YYYY-MM-DD form", EXIT_USAGE)
    missing = missing_local_sources(sources)
    if sources and len(missing) == len(sources):  # checked before any server starts or OUTPUT is touched
        fail("no such source: " + ", ".join(missing), EXIT_USAGE)
    output_existed = output.exists()
    from flows.progress import set_reporter

    reporter = progress_reporter(quiet)
    # Start-up overlaps: the local Prefect server (if one is needed) boots in its own
    # process while this one imports the pipeline, then Great Expectations in a thread
    # (until the validate stage needs it: the stages before it are mostly Polars, which
    # releases the GIL). Started after the pipeline's imports so that two threads never
    # import the same packages (pandas, pyarrow, pydantic) at once.
    try:
        with contextlib.ExitStack() as running:
            running.callback(reporter.close)
            set_reporter(reporter)
            with gc_paused_then_frozen():
                api = running.enter_context(prefect_api(wait=False, log_path=server_log()))
                from flows.pipeline import run_from_hub, run_release

                import_in_background("great_expectations", "great_expectations.data_context.types.base")
                api.wait_until_ready()
            if from_hub:  # the fetch names its snapshot by --date; the run reads the other options' defaults
                summary = run_from_hub(str(output), date, limit=fetch_limit, sources=sources or [], rebuild=rebuild)
            else:
                summary = run_release(
                    sources,
                    str(output),
                    date,
                    max_bytes=max_mb * 1024 * 1024,
                    timeout=timeout,
                    shard_mb=shard_mb,
                    parallel=parallel,
                    dask_address=dask_address,
                    dask_workers=dask_workers,
                    rebuild=rebuild,
                )
    except ServerStartError as error:
        fail(str(error), EXIT_NO_PREFECT)
    except Exception as error:  # the one place that turns any failure into one line
        if not output_existed and not (output / "current").exists():
            remove_traces(output)
        if debug:  # the traceback, each line masked: it may quote a source URL
            import traceback

            for line in traceback.format_exception(error):
                err_console.print(escape(mask(line, one_line=False).rstrip()), soft_wrap=True)
        fail(str(error) if error.__class__.__name__ == "ReleaseError" else f"{type(error).__name__}: {error}")
    if quiet:
        for item in summary["refused"]:
            err_console.print(f"[yellow]refused:[/] {item['reason']}", soft_wrap=True)
    else:
        if "fetch" in summary:
            print_fetch_summary(summary["fetch"])
        print_summary(summary)
    if push_to_hub:
        publish(output, push_to_hub, debug=debug, quiet=quiet)


@app.command()
def publish(
    output: Annotated[Path, typer.Argument(help="Release folder written by `run`.")] = Path("output"),
    repo_id: Annotated[str, typer.Option("--repo-id", metavar="ORG/NAME", help="Hub dataset repository.")] = "",
    debug: Annotated[bool, typer.Option("--debug", metavar="", help="Show tracebacks of unexpected errors.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", metavar="", help="Print nothing unless it failed.")] = False,
) -> None:
    """Upload OUTPUT/hf to the Hugging Face Hub as one commit, tagged with the release date.

    The token comes from HF_TOKEN or `huggingface-cli login`; it is never printed.
    """
    if not repo_id:
        fail("--repo-id ORG/NAME is required", EXIT_USAGE)
    from flows.hub import push_release

    try:
        commit = push_release(output, repo_id)
    except Exception as error:
        # One masked line, with --debug too: a Hub error may quote the request's headers
        # (a proxy's 401 page, a server echoing `Authorization: Bearer hf_...`).
        detail = f"{type(error).__module__}.{type(error).__qualname__}: {error}" if debug else str(error)
        fail(f"publish to {repo_id} failed: {detail}")
    if not quiet:
        console.print(f"pushed {output}/hf to {repo_id}: {commit}")


@app.command()
def fetch(
    out: Annotated[Path, typer.Option("--out", help="Folder of fetched snapshots (DATE.txt + DATE.meta.jsonl).")],
    date: Annotated[
        str | None, typer.Option("--date", help="Name of the snapshot (YYYY-MM-DD; default today, UTC). The listing is today's.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Entries to fetch, from the top of the listing.")] = 100,
    refetch: Annotated[bool, typer.Option("--refetch", help="Fetch again even if this date is fetched already.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of unexpected errors.")] = False,
) -> None:
    """Fetch the Hub's trending listing (HF_ENDPOINT, HF_TOKEN when set) into a snapshot and its sidecar."""
    import datetime as dt

    from flows.fetch import FetchError, fetch_day

    try:
        if date is not None:
            dt.date.fromisoformat(date)
    except ValueError:
        fail(f"--date {date!r} is not a date in YYYY-MM-DD form")
    try:
        summary = fetch_day(out, date, limit, refetch)
    except FetchError as error:
        fail(f"fetch failed, nothing written: {error}")
    except Exception as error:
        if debug:  # the traceback, each line masked, as `run` prints it
            import traceback

            for line in traceback.format_exception(error):
                err_console.print(escape(mask(line, one_line=False).rstrip()), soft_wrap=True)
        fail(f"fetch failed, nothing written: {type(error).__name__}: {error}")
    print_fetch_summary(summary)


def print_fetch_summary(summary: dict) -> None:
    if summary["outcome"] == "already fetched":
        console.print(f"{summary['date']}: already fetched ({summary['snapshot']}); --refetch to fetch it again")
        return
    console.print(
        f"fetched {summary['date']}: {summary['entries']} entries ({summary['pages']} page(s)) -> "
        f"{summary['snapshot']}, {summary['sidecar']}"
    )
    for reason in summary["skipped"]:
        console.print(f"[yellow]left out:[/] {reason}", soft_wrap=True)


@app.command()
def serve(
    source: Annotated[
        list[str] | None, typer.Option("--source", help="Snapshot files, folders, globs or URLs (repeatable).")
    ] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Release folder.")] = Path("output"),
    cron: Annotated[str, typer.Option("--cron", help="When to run (cron, UTC).")] = "0 6 * * *",
    port: Annotated[int, typer.Option("--port", help="Port of the local Prefect server (UI and API), if one is started.")] = DEFAULT_PORT,
    run_now: Annotated[bool, typer.Option("--run-now", metavar="", help="Also trigger one run right away.")] = False,
    from_hub: Annotated[
        bool, typer.Option("--from-hub", metavar="", help="Each run first fetches that day's trending listing from the Hub.")
    ] = False,
    push_to_hub: Annotated[
        str | None, typer.Option("--push-to-hub", metavar="ORG/NAME", help="With --from-hub: upload each new release there.")
    ] = None,
) -> None:
    """Run the pipeline on a schedule: register the `daily` deployment and serve it.

    Starts a local Prefect server with its UI on http://127.0.0.1:PORT (SQLite under PREFECT_HOME) unless a Prefect API is configured (PREFECT_API_URL, or a profile), and prints the command that triggers a run by hand from another shell.

    Ctrl-C or SIGTERM stops the runs, the schedule and the server, and exits 0; a second one forces the exit (130). Exit codes otherwise: 1 serve failed, 2 usage error, 3 no Prefect API (the local server did not start, or its port is taken).
    """
    import signal

    from flows.schedule import (
        DEPLOYMENT_NAME,
        SERVER_STOP_GRACE,
        forced_exit,
        reap_helper_processes,
        serve_release,
        trigger_command,
    )

    if not source and not from_hub:
        fail("give --source SOURCE or --from-hub", EXIT_USAGE)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # while starting: like Ctrl-C
    try:
        with prefect_api(FULL_SERVER, port=port, log_path=server_log(), stop_timeout=SERVER_STOP_GRACE) as api:
            from flows.pipeline import build_release, fetch_and_release

            served = fetch_and_release if from_hub else build_release

            def announce() -> None:
                from prefect.settings import get_current_settings

                ui = get_current_settings().ui_url or api.url.removesuffix("/api")  # Prefect's own rule (Cloud too)
                console.print(f"Prefect UI: {ui}  (API: {api.url})")
                console.print(f"serving {served.name}/{DEPLOYMENT_NAME} on cron {cron!r} (UTC); Ctrl-C to stop")
                console.print(f"trigger a run by hand (another shell): {trigger_command(api.url, served)}")

            serve_release([conceal(s) for s in source or []], str(output), cron, run_now, from_hub=from_hub,
                          push_to_hub=push_to_hub, on_ready=announce, force=forced_exit(api))  # fmt: skip
    except KeyboardInterrupt:
        pass  # stopped while starting
    except ServerStartError as error:
        fail(str(error), EXIT_NO_PREFECT)
    except Exception as error:
        fail(f"serve failed: {type(error).__name__}: {error}")
    finally:
        reap_helper_processes()
    console.print("stopped")


def main() -> None:
    sys.exit(app())


if __name__ == "__main__":
    main()
