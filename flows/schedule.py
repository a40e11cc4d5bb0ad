"""Scheduled runs: a local Prefect server when none is configured, and the deployment.

`flow.serve(cron=...)` needs a real Prefect API (the embedded ephemeral one does not run
schedules), so `serve` starts `prefect server start` (SQLite under PREFECT_HOME) unless
PREFECT_API_URL points at a server already.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

DEPLOYMENT_NAME = "daily"
SERVER_START_TIMEOUT = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_healthy(api_url: str, process: subprocess.Popen, timeout: float = SERVER_START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"prefect server exited with code {process.returncode} before it was ready")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{api_url}/health", timeout=2).status_code == 200:
                return
        time.sleep(0.5)
    raise RuntimeError(f"prefect server at {api_url} not ready after {timeout:.0f} s")


@contextlib.contextmanager
def prefect_api(port: int | None = None, log_path: Path | None = None) -> Iterator[str]:
    """The Prefect API URL to use: PREFECT_API_URL, else a local server started (and
    stopped) here. Must run before Prefect reads its settings (before importing flows.pipeline)."""
    configured = os.environ.get("PREFECT_API_URL")
    if configured:
        yield configured
        return
    port = port or free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    log = open(log_path, "ab") if log_path else subprocess.DEVNULL  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port), "--analytics-off"],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PREFECT_LOGGING_LEVEL": "WARNING"},
    )
    try:
        wait_healthy(api_url, server)
        os.environ["PREFECT_API_URL"] = api_url
        yield api_url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        if log is not subprocess.DEVNULL:
            log.close()


def serve_release(sources: list[str], output: str, cron: str, run_now: bool = False) -> None:
    """Register the deployment with its schedule and run its flow runs until stopped."""
    from prefect.deployments import run_deployment

    from flows.pipeline import build_release

    parameters = {"sources": sources, "output": str(Path(output).resolve())}
    if run_now:
        # serve() blocks; ask for one run right away from a thread once it is registered.
        import threading

        def trigger() -> None:
            time.sleep(3)
            run_deployment(f"{build_release.name}/{DEPLOYMENT_NAME}", timeout=0)

        threading.Thread(target=trigger, daemon=True).start()
    build_release.serve(
        name=DEPLOYMENT_NAME,
        cron=cron,
        parameters=parameters,
        description="Ingest new trending-papers snapshots and publish the release.",
        tags=["trending-papers"],
    )
