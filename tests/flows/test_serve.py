"""`trending-papers serve` as an operator runs it: a real `prefect server start`, its UI,
the printed trigger command from another shell, and a clean stop on SIGINT or SIGTERM."""

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from flows.prefect_api import free_port
from tests.helpers import SAMPLE

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")]

STOP_WITHIN = 10.0  # seconds from the signal to the exit of serve and of everything it started


class Serving:
    """`trending-papers serve` in a session of its own (as a terminal's foreground job),
    its output collected by a thread."""

    def __init__(self, tmp_path: Path, port: int, *options: str) -> None:
        self.api = f"http://127.0.0.1:{port}/api"
        self.output = tmp_path / "output"
        env = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
        env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
        command = [sys.executable, "-m", "flows.cli", "serve", "--source", str(SAMPLE.parent),
                   "--output", str(self.output), "--cron", "0 6 * * *", "--port", str(port), *options]  # fmt: skip
        self.process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                        start_new_session=True)  # fmt: skip
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def wait_for_line(self, pattern: str, timeout: float) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if found := re.search(pattern, line):
                    return found
            if self.process.poll() is not None and not self.reader.is_alive():
                break
            time.sleep(0.2)
        raise AssertionError(f"no line matching {pattern!r} in:\n{self.text}")

    def group(self) -> list[int]:
        return processes_in_group(self.process.pid)

    def stop_and_wait(self, send) -> tuple[int, float]:
        started = time.monotonic()
        send()
        try:
            code = self.process.wait(timeout=STOP_WITHIN + 20)
        finally:
            if self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGKILL)
        self.reader.join(timeout=5)
        return code, time.monotonic() - started

    def kill(self) -> None:
        for pgid in {self.process.pid, *server_groups(self.api)}:
            with_no_error(os.killpg, pgid, signal.SIGKILL)


def with_no_error(call, *args) -> None:
    try:
        call(*args)
    except OSError:
        pass


def processes_in_group(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group, from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:
            found.append((int(stat.parent.name), fields[0]))
    return [pid for pid, state in found if state != "Z"] + [-pid for pid, state in found if state == "Z"]


def flow_run_processes(pgid: int) -> list[int]:
    """Processes of the group that run a flow (Prefect's runner starts each run in a
    multiprocessing spawn child), from /proc."""
    found = []
    for pid in processes_in_group(pgid):
        with contextlib.suppress(OSError):
            if b"spawn_main" in Path(f"/proc/{abs(pid)}/cmdline").read_bytes():
                found.append(pid)
    return found


def server_groups(api: str) -> list[int]:
    """Process groups of the `prefect server start` processes serving api's port."""
    port = api.rsplit(":", 1)[1].split("/")[0]
    groups = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            argv = cmdline.read_bytes().split(b"\0")
            if b"server" in argv and b"start" in argv and port.encode() in argv:
                groups.append(os.getpgid(int(cmdline.parent.name)))
        except OSError:
            continue
    return groups


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
        return None
    assert response.status_code == 201, f"{response.status_code} {response.text[:300]}"
    return response.json()


def finished_state(url: str) -> str | None:
    response = httpx.get(url, timeout=5)
    if response.status_code != 200:
        return None
    state = response.json()["state"]["type"]
    return state if state in ("COMPLETED", "FAILED", "CRASHED") else None


def assert_stopped_cleanly(serving: Serving, code: int, seconds: float, server: list[int]) -> None:
    assert code == 0, serving.text
    assert seconds < STOP_WITHIN, f"stopped in {seconds:.1f} s"
    assert serving.lines[-1] == "stopped", serving.text
    assert "Traceback" not in serving.text and "Error" not in serving.text, serving.text
    time.sleep(0.5)  # a helper (multiprocessing's resource tracker) exits once its pipe closes
    assert serving.group() == [], "processes left in serve's group"
    for pgid in server:
        assert processes_in_group(pgid) == [], "the Prefect server's processes are left"
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"{serving.api}/health", timeout=2)


def test_serve_ui_trigger_command_and_a_terminal_ctrl_c(tmp_path):
    serving = Serving(tmp_path, free_port())
    try:
        trigger = serving.wait_for_line(r"trigger a run by hand \(another shell\): (.+)$", timeout=240).group(1)
        assert f"Prefect UI: {serving.api.removesuffix('/api')}" in serving.text

        # The UI asks its settings where the API is: the server it is served by.
        assert httpx.get(f"{serving.api.removesuffix('/api')}/ui-settings", timeout=10).json()["api_url"] == serving.api
        deployment = httpx.post(f"{serving.api}/deployments/filter", json={}, timeout=10).json()[0]
        assert deployment["name"] == "daily" and deployment["schedules"][0]["schedule"]["cron"] == "0 6 * * *"
        assert deployment["parameters"] == {"sources": [str(SAMPLE.parent)], "output": str(serving.output)}

        # The printed command, as typed in another shell: no PREFECT_HOME, no profile of ours.
        other_shell = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
        other_shell["HOME"] = str(tmp_path / "someone")
        triggered = subprocess.run(["bash", "-c", trigger], env=other_shell, capture_output=True, text=True, timeout=120)
        assert triggered.returncode == 0, triggered.stdout + triggered.stderr
        run_url = re.search(r"URL: (http://\S+/runs/flow-run/([0-9a-f-]+))", triggered.stdout)
        assert run_url, triggered.stdout
        state = wait_for(lambda: finished_state(f"{serving.api}/flow_runs/{run_url.group(2)}"), 240, "the run to finish")
        assert state == "COMPLETED"
        assert (serving.output / "parquet" / "papers.parquet").exists()
        page = httpx.get(run_url.group(1), headers={"Accept": "text/html"}, timeout=10, follow_redirects=True)
        assert page.status_code == 200  # the link Prefect prints opens (the UI's page for it)
        serving.wait_for_line(r"published: 1 new snapshot\(s\), 88 entries", timeout=30)  # the run's outcome line
        # a Ctrl-C after the run: its process has exited (one still exiting gets the SIGINT too,
        # and prints its KeyboardInterrupt)
        wait_for(lambda: not flow_run_processes(serving.process.pid), 60, "the run's process to exit")

        server = server_groups(serving.api)
        assert server and serving.process.pid not in server  # a group of its own: a Ctrl-C reaches serve only
        code, seconds = serving.stop_and_wait(lambda: os.killpg(serving.process.pid, signal.SIGINT))
        assert_stopped_cleanly(serving, code, seconds, server)
    finally:
        serving.kill()


def test_serve_run_now_publishes_then_stops_cleanly_on_sigterm(tmp_path):
    serving = Serving(tmp_path, free_port(), "--run-now")
    try:
        serving.wait_for_line(r"trigger a run by hand", timeout=240)
        serving.wait_for_line(r"published: 1 new snapshot\(s\), 88 entries", timeout=240)  # the --run-now run
        server = server_groups(serving.api)
        code, seconds = serving.stop_and_wait(lambda: serving.process.send_signal(signal.SIGTERM))
        assert_stopped_cleanly(serving, code, seconds, server)
        assert "Pausing all deployments" not in serving.text or "All deployments have been paused" in serving.text
    finally:
        serving.kill()


def test_a_second_ctrl_c_while_stopping_forces_the_exit(tmp_path):
    serving = Serving(tmp_path, free_port(), "--run-now")
    try:
        serving.wait_for_line(r"Beginning flow run", timeout=240)  # a run in progress: the stop takes a while
        server = server_groups(serving.api)

        def twice() -> None:
            os.killpg(serving.process.pid, signal.SIGINT)
            time.sleep(0.3)
            os.killpg(serving.process.pid, signal.SIGINT)

        code, seconds = serving.stop_and_wait(twice)
        assert code == 130 and seconds < 5, (code, seconds, serving.text)
        time.sleep(0.5)
        assert [pid for pid in serving.group() if pid > 0] == []  # no process left running
        for pgid in server:
            assert [pid for pid in processes_in_group(pgid) if pid > 0] == []
    finally:
        serving.kill()


def test_serve_refuses_a_taken_port_in_one_line(tmp_path):
    import socket

    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        serving = Serving(tmp_path, port)
        code = serving.process.wait(timeout=120)
        serving.reader.join(timeout=5)
    assert code == 3
    assert serving.lines == [
        f"error: port {port} on 127.0.0.1 is taken (another Prefect server?): choose another with --port, "
        f"or use that server with PREFECT_API_URL=http://127.0.0.1:{port}/api"
    ]
