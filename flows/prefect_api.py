"""The Prefect API a command talks to: the configured one, else a local server started here.

With no API configured, Prefect's own ephemeral mode imports `prefect.server` in-process
(~6 s) and only then launches a uvicorn server and waits for it (~7 s), all before a flow
can start. `prefect_api()` launches the same server first, without importing
`prefect.server`, so that the caller's imports (the pipeline, Great Expectations) overlap
its boot; the caller waits for it only right before it needs it.

Prefect reads its settings once, when `prefect` is first imported (the global settings
context of `prefect.context`), from the environment, `.env`, `prefect.toml` and the active
profile under PREFECT_HOME. The URL of a server started here is set in the environment and
that context is refreshed (`prefect.context.refresh_global_settings_context`, which Prefect
calls itself after plugins change the environment). The server inherits PREFECT_HOME, so
its SQLite database is PREFECT_HOME/prefect.db, as in Prefect's ephemeral mode.

    with prefect_api(wait=False) as api:   # starts the server unless an API is configured
        from flows.pipeline import run_release   # imports overlap the server's boot
        api.wait_until_ready()
        run_release(...)
    # the server is stopped here, also after an error or Ctrl-C
"""

import contextlib
import ctypes
import gc
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

STOP_TIMEOUT = 5.0  # seconds a stopping server gets before it is killed
DEFAULT_PORT = 4200  # Prefect's own: where an operator's browser and bookmarks look for the UI
UVICORN_STARTUP_FAILURE = 3  # uvicorn's exit code when it could not start (e.g. its port was taken)


class ServerStartError(RuntimeError):
    """The local Prefect server did not become ready; the message is one line for the user."""


@dataclass(frozen=True)
class ServerCommand:
    """How to start one kind of local Prefect server on a given port."""

    argv: Callable[[int], list[str]]
    env: Mapping[str, str]


@contextlib.contextmanager
def gc_paused_then_frozen() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a block of start-up imports, then freeze
    what they made. Without this, 10-20 % of an import-heavy start-up (Prefect's server,
    Great Expectations) is the collector scanning the growing heap of module-level objects
    again and again, objects that live as long as the process anyway."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # out of every later collection
        if was_enabled:
            gc.enable()


def create_server_app():
    """The local server's app (uvicorn's factory): Prefect's own, built with the collector paused."""
    with gc_paused_then_frozen():
        from prefect.server.api.server import create_app

        return create_app()


PROJECT_ROOT = Path(__file__).resolve().parents[1]  # on the server's path: it imports create_server_app from here


def _ephemeral_server_argv(port: int) -> list[str]:
    return [sys.executable, "-m", "uvicorn", "--app-dir", str(PROJECT_ROOT),
            "--factory", f"{__name__}:create_server_app", "--host", "127.0.0.1", "--port", str(port),
            "--log-level", "error", "--lifespan", "on"]  # fmt: skip


def _full_server_argv(port: int) -> list[str]:
    return [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port),
            "--analytics-off"]  # fmt: skip


# The API only, no UI and no background services: what Prefect's ephemeral mode starts
# (prefect.server.api.server.SubprocessASGIServer._run_uvicorn_command). Its warnings go
# to its log file, whatever level the command's own console logs are at.
EPHEMERAL_SERVER = ServerCommand(
    _ephemeral_server_argv,
    {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1",
     "PREFECT_LOGGING_LEVEL": "WARNING"},  # fmt: skip
)
# `prefect server start`: the API, the UI and the scheduler that scheduled deployments need.
FULL_SERVER = ServerCommand(_full_server_argv, {"PREFECT_LOGGING_LEVEL": "WARNING"})


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_taken(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return True
        return False


def _die_with_parent() -> Callable[[], None] | None:
    """A preexec_fn that makes the child get SIGTERM when this process dies, even by
    SIGKILL or the OOM killer, when `finally` never runs (Linux only; None elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl  # resolved here: the child only calls it
    pr_set_pdeathsig = 1
    return lambda: prctl(pr_set_pdeathsig, signal.SIGTERM)


class PrefectAPI:
    """A Prefect API that is already there: nothing to wait for, nothing to stop."""

    def __init__(self, url: str) -> None:
        self.url = url

    def wait_until_ready(self) -> None:
        pass

    def stop(self, timeout: float | None = None) -> None:
        pass


class LocalPrefectServer(PrefectAPI):
    """A Prefect server process started here, on 127.0.0.1, and its API URL."""

    def __init__(self, command: ServerCommand, port: int | None = None, log_path: Path | None = None) -> None:
        self.command = command
        self.fixed_port = port is not None  # a port taken meanwhile is retried only if we chose it
        self.log_path = log_path
        self.startup_timeout = 20.0  # Prefect's default; `prefect_api` sets the configured one
        self.process: subprocess.Popen | None = None
        self._log: IO[bytes] | None = None
        if log_path:
            log_path.parent.mkdir(parents=True, exist_ok=True)
            self._log = open(log_path, "ab")  # noqa: SIM115 (closed by stop)
        self._started_at = time.monotonic()
        self._spawn(port or free_port())

    def _spawn(self, port: int) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}/api"
        env = {name: value for name, value in os.environ.items() if name != "PREFECT_API_URL"}
        # The UI asks /ui-settings where the API is: this server, not Prefect's default port.
        env["PREFECT_UI_API_URL"] = self.url
        self.process = subprocess.Popen(
            self.command.argv(port),
            env={**env, **self.command.env},
            stdin=subprocess.DEVNULL,
            stdout=self._log or subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent(),  # noqa: PLW1509 (it only calls one C function)
            # Its own process group: a terminal's Ctrl-C (SIGINT to the foreground group)
            # reaches the command, which stops its runs first and then this server.
            start_new_session=True,
        )

    def wait_until_ready(self) -> None:
        """Return once the server answers /health; raise ServerStartError if it exits, or
        is not ready startup_timeout seconds after it was started."""
        import httpx  # imported by Prefect by now; not at module import, before the server starts

        while time.monotonic() < self._started_at + self.startup_timeout:
            code = self.process.poll()
            if code == UVICORN_STARTUP_FAILURE and not self.fixed_port and port_taken(self.port):
                # The free port was taken before the server bound it (it binds after booting).
                self._spawn(free_port())
                _point_prefect_at(self.url)
                continue
            if code is not None:
                raise ServerStartError(self._failure(f"exited with code {code}"))
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.url}/health", timeout=2).status_code == 200:
                    return
            time.sleep(0.1)
        raise ServerStartError(self._failure(f"was not ready within {self.startup_timeout:g} s"))

    def _signal_group(self, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signum)  # its group id is its pid (start_new_session)

    def _failure(self, what: str) -> str:
        log = f" (its log: {self.log_path})" if self.log_path else ""
        return f"the local Prefect server at {self.url} {what}{log}; set PREFECT_API_URL to use a running server"

    def stop(self, timeout: float | None = None) -> None:
        """Terminate the server and whatever it started (its process group), kill them if
        they do not stop in time (STOP_TIMEOUT, or timeout). Safe to call twice."""
        if self.process is not None:
            self._signal_group(signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_TIMEOUT if timeout is None else timeout)
            except subprocess.TimeoutExpired:
                self._signal_group(signal.SIGKILL)
                self.process.wait()
            self._signal_group(signal.SIGKILL)  # a child of the server that outlived it
            self.process = None
        if self._log is not None:
            self._log.close()
            self._log = None


def _configured_settings():
    """Prefect's settings without a server of ours: every source Prefect reads (env,
    .env, prefect.toml, pyproject.toml, the active profile). Imports prefect (~3 s)."""
    from prefect.settings import get_current_settings

    return get_current_settings()


def _point_prefect_at(api_url: str | None) -> None:
    """Make Prefect use api_url (None: what is configured), even if it read its settings already."""
    if api_url is None:
        os.environ.pop("PREFECT_API_URL", None)
    else:
        os.environ["PREFECT_API_URL"] = api_url
    if "prefect.context" in sys.modules:
        from prefect.context import refresh_global_settings_context

        refresh_global_settings_context()


def drain_prefect_workers(timeout: float = 5.0) -> None:
    """Send the logs and events Prefect still queues before their server stops (as
    prefect_test_harness does); at interpreter exit they would go to a closed port."""
    if "prefect.events.worker" not in sys.modules:
        return  # prefect's workers never loaded: nothing can be queued
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        with contextlib.suppress(Exception):  # best effort: never hides the run's own outcome
            worker.drain_all(timeout=timeout)


@contextlib.contextmanager
def prefect_api(
    server: ServerCommand = EPHEMERAL_SERVER,
    *,
    port: int | None = None,
    wait: bool = True,
    log_path: Path | None = None,
    stop_timeout: float | None = None,
) -> Iterator[PrefectAPI]:
    """The Prefect API to use: the one configured (PREFECT_API_URL in the environment or in
    Prefect's settings files), else `server` started here and stopped when the block ends,
    also on an error or Ctrl-C.

    The server is launched first, then prefect is imported (~3 s) to read its settings.
    With wait=False the caller calls `wait_until_ready()` itself, after its own imports.
    stop_timeout: seconds the server gets to stop before it is killed (STOP_TIMEOUT).
    """
    configured = os.environ.get("PREFECT_API_URL")
    if configured:
        yield PrefectAPI(configured)
        return
    # A fixed port that is taken: no server of ours, unless the settings name an API anyway.
    local = None if port is not None and port_taken(port) else LocalPrefectServer(server, port, log_path)
    try:
        settings = _configured_settings()
        if settings.api.url:  # set in a profile, prefect.toml or .env: that one, not ours
            if local is not None:
                local.stop()
            yield PrefectAPI(settings.api.url)
            return
        if local is None:
            raise ServerStartError(
                f"port {port} on 127.0.0.1 is taken (another Prefect server?): choose another with --port, "
                f"or use that server with PREFECT_API_URL=http://127.0.0.1:{port}/api"
            )
        local.startup_timeout = settings.server.ephemeral.startup_timeout_seconds
        _point_prefect_at(local.url)
        try:
            if wait:
                local.wait_until_ready()
            yield local
        finally:
            drain_prefect_workers()
            _point_prefect_at(None)
    finally:
        if local is not None:
            local.stop(stop_timeout)
