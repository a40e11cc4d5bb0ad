"""`trending-papers run` with no PREFECT_API_URL: the local server it starts, uses and stops."""

import contextlib
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest
from prefect.settings import PREFECT_API_URL

from flows import prefect_api as prefect_api_module  # not the `prefect_api` fixture
from flows.prefect_api import LocalPrefectServer, ServerCommand
from tests.helpers import SAMPLE

linux_only = pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc")

# Runs the CLI in this process' own interpreter, then says whether Prefect's in-process
# server module was imported (Prefect's ephemeral mode imports it; ours must not).
RUN_CLI = """
import sys
sys.argv = ["trending-papers", *sys.argv[1:]]
from flows.cli import app
try:
    app()
except SystemExit as done:
    code = done.code
print("prefect.server imported:", "prefect.server.api.server" in sys.modules)
sys.exit(code)
"""


def cli_run(*args: str, home: Path, **env: str) -> subprocess.CompletedProcess:
    """`trending-papers ARGS` with PREFECT_HOME=home and no PREFECT_API_URL in its environment."""
    base = {name: value for name, value in os.environ.items() if name != "PREFECT_API_URL"}
    command = [sys.executable, "-c", RUN_CLI, *args]
    return subprocess.run(command, env={**base, "PREFECT_HOME": str(home), **env}, capture_output=True, text=True,
                          timeout=300)  # fmt: skip


def processes_of(home: Path) -> list[str]:
    """Command lines of the processes running with PREFECT_HOME=home (a server a run left)."""
    marker = f"PREFECT_HOME={home}".encode()
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        with contextlib.suppress(OSError):
            if marker in environ.read_bytes().split(b"\0"):
                found.append((environ.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode())
    return found


def port_closed(api_url: str) -> bool:
    try:
        httpx.get(f"{api_url}/health", timeout=2)
    except httpx.HTTPError:
        return True
    return False


@pytest.mark.slow
@linux_only
def test_run_starts_a_server_on_prefect_home_publishes_and_stops_it(tmp_path):
    home, output = tmp_path / "prefect-home", tmp_path / "output"

    done = cli_run("run", str(SAMPLE), "--output", str(output), home=home)

    assert done.returncode == 0, done.stderr
    assert "published: 1 new snapshot(s)" in done.stdout
    assert "prefect.server imported: False" in done.stdout  # the server ran in its own process
    last_run = json.loads((output / "runs.jsonl").read_text().splitlines()[-1])
    assert last_run["outcome"] == "published"
    with contextlib.closing(sqlite3.connect(home / "prefect.db")) as db:  # the server's SQLite is under PREFECT_HOME
        names = [row[0] for row in db.execute("SELECT flow.name FROM flow_run JOIN flow ON flow.id = flow_run.flow_id")]
    assert names == ["trending-papers-release"]
    assert processes_of(home) == []  # the server is gone with the run
    assert done.stderr == ""


@pytest.mark.slow
@linux_only
@pytest.mark.parametrize(
    ("setting", "value", "failure"),
    [
        ("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "1", "was not ready within 1 s"),
        # a database under a regular file: the server cannot create it and exits
        ("PREFECT_SERVER_DATABASE_CONNECTION_URL", "sqlite+aiosqlite:///{tmp_path}/file/prefect.db", "exited with code"),
    ],
)
def test_run_fails_with_one_line_when_its_server_does_not_start(tmp_path, setting, value, failure):
    home, output = tmp_path / "prefect-home", tmp_path / "output"
    (tmp_path / "file").write_text("not a folder")
    value = value.format(tmp_path=tmp_path)

    done = cli_run("run", str(SAMPLE), "--output", str(output), home=home, **{setting: value})

    assert done.returncode == 3  # no Prefect API (README, "Exit codes")
    line, *rest = done.stderr.splitlines()
    assert rest == [], done.stderr  # one line, no traceback
    assert line.startswith("error: the local Prefect server at http://127.0.0.1:") and failure in line
    assert f"its log: {home / 'server.log'}" in line and "set PREFECT_API_URL" in line
    assert port_closed(re.search(r"http://127\.0\.0\.1:\d+/api", line).group())
    assert processes_of(home) == []
    assert not (output / "runs.jsonl").exists()  # the flow never started


@pytest.mark.slow
@linux_only
@pytest.mark.usefixtures("prefect_api")
def test_run_uses_an_api_url_set_in_the_prefect_profile_and_starts_no_server(tmp_path):
    home, output = tmp_path / "prefect-home", tmp_path / "output"
    api_url = PREFECT_API_URL.value()
    home.mkdir()
    (home / "profiles.toml").write_text(f'active = "shared"\n\n[profiles.shared]\nPREFECT_API_URL = "{api_url}"\n')
    runs_before = httpx.post(f"{api_url}/flow_runs/count", json={}).json()

    done = cli_run("run", str(SAMPLE), "--output", str(output), home=home)

    assert done.returncode == 0, done.stderr
    assert httpx.post(f"{api_url}/flow_runs/count", json={}).json() == runs_before + 1
    assert processes_of(home) == []


# A stand-in server: answers /api/health, exits 3 like uvicorn when its port is taken.
FAKE_SERVER = """
import http.server, signal, sys
class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path == "/api/health" else 404)
        self.end_headers()
    def log_message(self, *args):
        pass
if "--ignore-sigterm" in sys.argv:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
try:
    server = http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Health)
except OSError:
    sys.exit(3)
server.serve_forever()
"""


def fake_server(*flags: str) -> ServerCommand:
    return ServerCommand(lambda port: [sys.executable, "-c", FAKE_SERVER, str(port), *flags], {})


def test_a_free_port_taken_before_the_server_binds_it_is_retried_on_another(monkeypatch):
    pointed_at = []
    monkeypatch.setattr(prefect_api_module, "_point_prefect_at", pointed_at.append)  # leave this process' Prefect alone
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        taken = squatter.getsockname()[1]
        ports = iter([taken])
        really_free = prefect_api_module.free_port
        monkeypatch.setattr(prefect_api_module, "free_port", lambda: next(ports, None) or really_free())
        server = LocalPrefectServer(fake_server())
        try:
            server.wait_until_ready()
            assert server.port != taken
            assert pointed_at == [server.url]  # Prefect is told the new address
        finally:
            server.stop()
    assert port_closed(server.url)


def test_a_server_that_ignores_sigterm_is_killed(monkeypatch):
    monkeypatch.setattr(prefect_api_module, "STOP_TIMEOUT", 0.5)
    server = LocalPrefectServer(fake_server("--ignore-sigterm"))
    server.wait_until_ready()
    process = server.process
    server.stop()
    assert process.returncode == -9
    server.stop()  # twice is fine


def test_a_failed_background_import_is_silent_and_left_to_the_real_import(capfd):
    from flows.cli import import_in_background

    before = set(threading.enumerate())
    import_in_background("no_such_module_anywhere")
    for thread in set(threading.enumerate()) - before:
        thread.join(timeout=10)
    assert capfd.readouterr().err == ""  # no traceback from the thread
    with pytest.raises(ModuleNotFoundError):
        import no_such_module_anywhere  # noqa: F401


def test_start_up_imports_run_with_the_collector_paused_and_their_objects_frozen():
    import gc

    frozen_before = gc.get_freeze_count()
    with pytest.raises(RuntimeError), prefect_api_module.gc_paused_then_frozen():
        assert not gc.isenabled()  # no collection while the imports grow the heap
        made_during_start_up = [[] for _ in range(1000)]  # noqa: F841 (tracked objects)
        raise RuntimeError("an import failed")
    assert gc.isenabled()  # back on, even after an error
    assert gc.get_freeze_count() >= frozen_before + 1000  # out of every later collection
    gc.unfreeze()  # back into the collected generations


def test_the_collector_stays_off_if_it_was_off():
    import gc

    gc.disable()
    try:
        with prefect_api_module.gc_paused_then_frozen():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


@pytest.mark.slow
@linux_only
@pytest.mark.usefixtures("prefect_api")
def test_run_uses_the_operators_own_prefect_profile_when_no_prefect_home_is_set(tmp_path):
    """`prefect config set PREFECT_API_URL=...` writes ~/.prefect/profiles.toml: that is used, as-is."""
    home, work, output = tmp_path / "home", tmp_path / "work", tmp_path / "output"
    api_url = PREFECT_API_URL.value()
    (home / ".prefect").mkdir(parents=True)
    (home / ".prefect" / "profiles.toml").write_text(f'active = "ops"\n\n[profiles.ops]\nPREFECT_API_URL = "{api_url}"\n')
    work.mkdir()
    env = {name: value for name, value in os.environ.items() if not name.startswith("PREFECT_")}
    runs_before = httpx.post(f"{api_url}/flow_runs/count", json={}).json()

    done = subprocess.run([sys.executable, "-m", "flows.cli", "run", str(SAMPLE), "--output", str(output)],
                          env={**env, "HOME": str(home)}, cwd=work, capture_output=True, text=True, timeout=300)  # fmt: skip

    assert done.returncode == 0, done.stderr
    assert httpx.post(f"{api_url}/flow_runs/count", json={}).json() == runs_before + 1  # the run is on their server
    last_run = json.loads((output / "runs.jsonl").read_text().splitlines()[-1])["run_id"]
    logs = httpx.post(f"{api_url}/logs/filter", json={"logs": {"flow_run_id": {"any_": [last_run]}}}).json()
    messages = [log["message"] for log in logs]  # what the UI shows on the run's page
    assert any(m.startswith("normalize 2026-11-26.txt: 1/1 shards") for m in messages), messages
    ours = [m for m in messages if not m.startswith("Finished in state")]  # Prefect's own closing line
    assert ours[-1].startswith("published: 1 new snapshot(s), 88 entries"), messages  # its outcome, last
    assert list(work.iterdir()) == []  # no .prefect/ where it ran
    assert not (home / ".local" / "share" / "trending-papers").exists()  # nor state of ours
