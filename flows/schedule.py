"""Scheduled runs: serve a flow as a deployment on a cron schedule, and stop cleanly.

`flow.serve(cron=...)` needs a real Prefect API (the embedded ephemeral one does not run
schedules), so `serve` starts `prefect server start` (SQLite under PREFECT_HOME) unless a
Prefect API is configured already; `flows.prefect_api` starts and stops it.

`flow.serve()` is not used: it installs its own signal handling, which ignored SIGINT while
its loop was busy, and on a terminal's Ctrl-C its server child died first, so that pausing
the schedules hung. Here Prefect's `Runner` runs in a thread with its own event loop, and
the main thread owns SIGINT and SIGTERM: the first one stops the runner (in-flight runs
are cancelled: a release is switched atomically, so a cancelled run leaves the previous
one current; the schedule is paused, as `flow.serve` does), then the caller stops the
server; a second signal while stopping forces the exit.
"""

import asyncio
import contextlib
import logging
import os
import shutil
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

DEPLOYMENT_NAME = "daily"
DESCRIPTION = "Ingest new trending-papers snapshots and publish the release."
FROM_HUB_DESCRIPTION = "Fetch the Hub's trending listing, then ingest the new snapshots and publish the release."
STOP_GRACE = 5.0  # seconds the runner gets to cancel its runs and pause its schedule
SERVER_STOP_GRACE = 3.0  # then seconds the local server gets to stop before it is killed
FORCED_EXIT = 130  # a second signal while stopping: 128 + SIGINT, as a shell reports it


class StopSignals:
    """SIGINT/SIGTERM handlers for the main thread: the first sets `requested`, a second
    one calls `force` (which must not return)."""

    def __init__(self, force: Callable[[], None]) -> None:
        self.requested = threading.Event()
        self.force = force
        self.previous = {}

    def __enter__(self) -> "StopSignals":
        for signum in (signal.SIGINT, signal.SIGTERM):
            self.previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc_info) -> None:
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)

    def _handle(self, signum, frame) -> None:
        if self.requested.is_set():
            self.force()
        self.requested.set()

    def wait(self, until: Callable[[], bool] = lambda: False) -> None:
        """Block until a stop is requested or until() is true (checked twice a second)."""
        while not self.requested.wait(timeout=0.5) and not until():
            pass


def deployment_path(flow, name: str = DEPLOYMENT_NAME) -> str:
    return f"{flow.name}/{name}"


def prefect_executable() -> str:
    """`prefect`, or this environment's own when a new shell would not find that one."""
    sibling = Path(sys.executable).with_name("prefect")
    on_path = shutil.which("prefect")
    if sibling.exists() and (on_path is None or Path(on_path).resolve() != sibling.resolve()):
        return str(sibling)
    return "prefect"


def trigger_command(api_url: str, flow, name: str = DEPLOYMENT_NAME) -> str:
    """The shell command that asks the served deployment for a run, from any other shell."""
    return f"PREFECT_API_URL={api_url} {prefect_executable()} deployment run '{deployment_path(flow, name)}'"


def serve_flow(
    flow,
    parameters: dict,
    cron: str,
    *,
    name: str = DEPLOYMENT_NAME,
    description: str = DESCRIPTION,
    run_now: bool = False,
    on_ready: Callable[[], None] = lambda: None,
    force: Callable[[], None] = lambda: os._exit(FORCED_EXIT),
) -> None:
    """Register `flow` as deployment `name` with its cron schedule and default
    `parameters`, run its flow runs until SIGINT or SIGTERM, then return (or raise what
    stopped the runner). on_ready is called once the deployment is registered."""
    from prefect.runner import Runner

    runner = Runner(name=f"trending-papers-{name}", pause_on_shutdown=True)
    loop: asyncio.AbstractEventLoop | None = None
    main_task: asyncio.Task | None = None
    failure: list[BaseException] = []
    ready = threading.Event()

    async def serve() -> None:
        await runner.aadd_flow(flow, name=name, cron=cron, parameters=parameters, description=description,
                               tags=["trending-papers"])  # fmt: skip
        ready.set()
        if run_now:
            from prefect.deployments import arun_deployment

            # created now, picked up by the runner's first poll; a reference keeps the task alive
            triggering = asyncio.get_running_loop().create_task(arun_deployment(deployment_path(flow, name), timeout=0))
        await runner.start()
        if run_now:
            triggering.cancel()  # long done, unless the runner stopped at once

    def run_loop() -> None:
        nonlocal loop, main_task

        async def main() -> None:
            nonlocal loop, main_task
            loop, main_task = asyncio.get_running_loop(), asyncio.current_task()
            await serve()

        try:
            asyncio.run(main())
        except asyncio.CancelledError:
            pass
        except BaseException as error:  # noqa: BLE001 (handed to the main thread)
            failure.append(error)

    thread = threading.Thread(target=run_loop, name="prefect-runner", daemon=True)
    with StopSignals(force) as signals:
        thread.start()
        signals.wait(until=lambda: ready.is_set() or not thread.is_alive())
        if ready.is_set() and not signals.requested.is_set():
            on_ready()
            signals.wait(until=lambda: not thread.is_alive())
        if thread.is_alive() and loop is not None:
            stop = runner.astop if runner.started else _cancel(main_task)
            asyncio.run_coroutine_threadsafe(stop(), loop)
        thread.join(timeout=STOP_GRACE)  # a second signal meanwhile forces the exit
        if thread.is_alive():  # still cancelling a run (Prefect polls its exit every 3 s): abandon it
            logging.disable(logging.CRITICAL)  # its complaints when the server goes away are noise
            kill_children()
    if failure and not signals.requested.is_set():
        raise failure[0]


def kill_children() -> None:
    """SIGKILL and reap the processes this one started that are still running (flow runs)."""
    me = str(os.getpid())
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            if stat.read_text().rsplit(")", 1)[1].split()[1] == me:
                pid = int(stat.parent.name)
                os.kill(pid, signal.SIGKILL)
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(pid, 0)


def reap_helper_processes() -> None:
    """Stop multiprocessing's resource tracker, if a library started one during a run: it
    would outlive this process by a moment and be left to init as a zombie."""
    with contextlib.suppress(Exception):
        from multiprocessing import resource_tracker

        resource_tracker._resource_tracker._stop()


def forced_exit(api) -> Callable[[], None]:
    """What a second signal does: kill the local server (if any) at once and exit."""

    def force() -> None:
        with contextlib.suppress(Exception):
            kill_children()  # flow runs (and the server, reaped by stop below)
            api.stop(timeout=0)
        os._exit(FORCED_EXIT)

    return force


def _cancel(task: asyncio.Task | None):
    async def cancel() -> None:
        if task is not None:
            task.cancel()

    return cancel


def serve_release(
    sources: list[str],
    output: str,
    cron: str,
    run_now: bool = False,
    from_hub: bool = False,
    push_to_hub: str | None = None,
    **serve_options,
) -> None:
    """Serve the release flow on `sources` -> `output` (see serve_flow). `from_hub`: the
    deployment's flow fetches the Hub's trending listing first (`trending-papers-from-hub`),
    and `sources` are read as well."""
    from flows.pipeline import build_release, fetch_and_release

    # Absolute paths: the deployment's parameters must not depend on where a run starts.
    sources = [s if "://" in s else str(Path(s).resolve()) for s in sources]
    parameters = {"sources": sources, "output": str(Path(output).resolve())}
    if from_hub and push_to_hub:
        parameters["push_to_hub"] = push_to_hub
    flow = fetch_and_release if from_hub else build_release
    description = FROM_HUB_DESCRIPTION if from_hub else DESCRIPTION
    serve_flow(flow, parameters, cron, run_now=run_now, description=description, **serve_options)
