"""`trending-papers serve`: a real Prefect server, the scheduled deployment, a triggered run."""

import os
import signal
import subprocess
import sys
import time

import httpx
import pytest

from flows.prefect_api import free_port
from tests.helpers import SAMPLE

pytestmark = pytest.mark.slow


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except httpx.HTTPError:
            value = None
        if value:
            return value
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}")


def created_flow_run(url: str) -> dict | None:
    """The created flow run, or None while the server answers with an error (a busy
    SQLite under a loaded CI machine answers 5xx now and then)."""
    response = httpx.post(url, json={}, timeout=10)
    if response.status_code >= 500:
        print(f"create_flow_run: {response.status_code} {response.text[:300]}")
        return None
    assert response.status_code == 201, f"{response.status_code} {response.text[:300]}"
    return response.json()


def finished_state(url: str) -> str | None:
    """The flow run's final state type, or None while it runs (or the server is busy)."""
    response = httpx.get(url, timeout=5)
    if response.status_code != 200:
        return None
    state = response.json()["state"]["type"]
    return state if state in ("COMPLETED", "FAILED", "CRASHED") else None


def test_serve_registers_a_scheduled_deployment_that_runs_and_publishes(tmp_path):
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    output = tmp_path / "output"
    command = [sys.executable, "-m", "flows.cli", "serve", "--source", str(SAMPLE.parent), "--output", str(output),
               "--cron", "0 6 * * *", "--port", str(port)]  # fmt: skip
    serving = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deployment = wait_for(
            lambda: next(iter(httpx.post(f"{api}/deployments/filter", json={}, timeout=5).json()), None),
            timeout=240,
            what="the deployment",
        )
        assert deployment["name"] == "daily"
        schedules = [s["schedule"] for s in deployment["schedules"]]
        assert schedules[0]["cron"] == "0 6 * * *" and deployment["parameters"]["output"] == str(output)

        flow_run = wait_for(lambda: created_flow_run(f"{api}/deployments/{deployment['id']}/create_flow_run"),
                            timeout=120, what="the flow run to be created")  # fmt: skip
        state = wait_for(
            lambda: finished_state(f"{api}/flow_runs/{flow_run['id']}"),
            timeout=240,
            what="the flow run to finish",
        )
        assert state == "COMPLETED"
        assert (output / "parquet" / "papers.parquet").exists()
        assert (tmp_path / "prefect-home").is_dir()
    finally:
        serving.send_signal(signal.SIGINT)
        try:
            serving.wait(timeout=60)
        except subprocess.TimeoutExpired:
            serving.kill()
    with pytest.raises(httpx.HTTPError):  # the server it started is gone with it
        httpx.get(f"{api}/health", timeout=2)
