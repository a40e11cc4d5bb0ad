"""flows.schedule: the signals that stop `serve`, and the trigger command it prints.
(`serve` itself, with a real Prefect server, is tested in test_serve.py.)"""

import os
import signal
import subprocess
import sys
from pathlib import Path

from flows.schedule import StopSignals, prefect_executable, trigger_command


class Named:
    name = "trending-papers-release"


def test_the_first_signal_asks_to_stop_and_a_second_one_forces_it():
    forced = []
    with StopSignals(force=lambda: forced.append(True)) as signals:
        os.kill(os.getpid(), signal.SIGINT)
        assert signals.requested.is_set() and forced == []  # no KeyboardInterrupt either
        os.kill(os.getpid(), signal.SIGTERM)
        assert forced == [True]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # restored on the way out


def test_stop_signals_wait_returns_on_a_signal_or_when_told():
    with StopSignals(force=lambda: None) as signals:
        signals.wait(until=lambda: True)  # returns at once
        assert not signals.requested.is_set()
        os.kill(os.getpid(), signal.SIGTERM)
        signals.wait()
        assert signals.requested.is_set()


def test_the_trigger_command_names_the_api_and_a_prefect_that_a_new_shell_runs(monkeypatch):
    monkeypatch.setenv("PATH", "/usr/bin:/bin")  # this venv not activated, as in a new shell
    command = trigger_command("http://127.0.0.1:4200/api", Named())
    assert command.startswith("PREFECT_API_URL=http://127.0.0.1:4200/api ")
    assert command.endswith(" deployment run 'trending-papers-release/daily'")
    prefect = prefect_executable()
    shell_path = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/")}
    found = subprocess.run(["bash", "-c", f"command -v {prefect}"], env=shell_path, capture_output=True, text=True)
    assert found.returncode == 0, f"{prefect} not found by a new shell"
    assert Path(found.stdout.strip()).resolve() == Path(sys.executable).with_name("prefect").resolve()
