"""The command line as an operator meets it: --version, usage errors, progress, --quiet,
and where Prefect's state goes when the operator configured nothing."""

import os
import pty
import re
import select
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.helpers import SAMPLE

CLI = [sys.executable, "-m", "flows.cli"]
STAGE_LINE = re.compile(r"^(read|normalize) 2026-11-26\.txt: |^(build|validate|publish): \d+\.\d s$")


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """No Prefect configuration at all: a HOME of its own, no PREFECT_* variable."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_") and key != "XDG_DATA_HOME"}
    env["HOME"] = str(tmp_path / "home")
    env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "240"
    return {**env, **extra}


def run_on_a_terminal(argv: list[str], env: dict[str, str], cwd: Path, timeout: float = 300) -> tuple[int, str]:
    """Run argv with a pseudo-terminal as its stdin, stdout and stderr; its exit code and output."""
    pid, fd = pty.fork()
    if pid == 0:  # the child
        os.chdir(cwd)
        os.execve(argv[0], argv, env)
    output = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")


def test_version_is_the_package_version():
    done = subprocess.run([*CLI, "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout == f"trending-papers {version('trending-papers')}\n"


def test_help_shows_flags_as_flags():
    done = subprocess.run([*CLI, "run", "--help"], capture_output=True, text=True, timeout=60, env={**os.environ, "COLUMNS": "200"})
    rebuild = next(line for line in done.stdout.splitlines() if "--rebuild" in line)
    assert "<bool>" not in rebuild and "Build every table" in rebuild
    assert "Exit codes: 0 published" in done.stdout


def test_a_run_on_a_missing_source_fails_at_once_and_leaves_nothing(tmp_path):
    output = tmp_path / "output"
    started = time.monotonic()
    done = subprocess.run([*CLI, "run", str(tmp_path / "nope.txt"), "--output", str(output)], capture_output=True,
                          text=True, timeout=60, env=clean_env(tmp_path))  # fmt: skip
    assert done.returncode == 2  # a usage error (README, "Exit codes")
    assert done.stderr == f"error: no such source: {tmp_path / 'nope.txt'}\n"
    assert time.monotonic() - started < 5  # no Prefect server was started for it
    assert not output.exists()
    assert not [p for p in (tmp_path / "home").rglob("*") if p.is_file()]  # nor any Prefect state made (no database, log, profile)


@pytest.mark.slow
def test_progress_is_live_on_a_terminal_one_line_per_stage_in_a_log_and_nothing_when_quiet(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    env = clean_env(tmp_path)

    # A terminal: rich's live display (cursor movement), a row per stage with its counts.
    code, shown = run_on_a_terminal([*CLI, "run", str(SAMPLE), "--output", str(tmp_path / "terminal")], env, work)
    assert code == 0, shown
    assert "\x1b[" in shown  # redrawn in place
    assert re.search(r"normalize 2026-11-26\.txt: 1/1 shards, 0\.\d MB in", shown), shown
    assert "published: 1 new snapshot(s)" in shown

    # A log (no terminal): one plain line per stage, then the summary; no escape codes.
    done = subprocess.run([*CLI, "run", str(SAMPLE), "--output", str(tmp_path / "log")], capture_output=True,
                          text=True, timeout=300, env=env, cwd=work)  # fmt: skip
    assert done.returncode == 0, done.stderr
    stages = [line for line in done.stdout.splitlines() if STAGE_LINE.search(line)]
    assert [line.split(" ")[0].rstrip(":") for line in stages] == ["read", "normalize", "build", "validate", "publish"]
    assert "\x1b" not in done.stdout + done.stderr and done.stderr == ""
    assert done.stdout.splitlines()[len(stages)].startswith("published: 1 new snapshot(s)")
    assert "repairs in this run: " in done.stdout and "repairs in the release: " in done.stdout

    # --quiet (cron): nothing at all when all went well.
    quiet = subprocess.run([*CLI, "run", str(SAMPLE), "--output", str(tmp_path / "log"), "--quiet"],
                           capture_output=True, text=True, timeout=300, env=env, cwd=work)  # fmt: skip
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")

    # With no Prefect configuration, its state is in one per-user place, not in the working directory.
    assert (tmp_path / "home" / ".local" / "share" / "trending-papers" / "prefect" / "prefect.db").exists()
    assert list(work.iterdir()) == []
    assert not (tmp_path / "home" / ".prefect").exists()


def test_stage_lines_say_what_was_done_and_when_a_stage_stopped():
    from flows import progress
    from flows.progress import StageLines, set_reporter, stage

    lines, previous = [], progress._reporter
    set_reporter(StageLines(lines.append))
    try:
        with stage("normalize big.txt", total=2, total_bytes=2_000_000) as shown:
            shown.advance(1_000_000)
            shown.advance(1_000_000)
        with pytest.raises(RuntimeError), stage("validate"):
            raise RuntimeError("killed")
    finally:
        set_reporter(previous)
    assert re.fullmatch(r"normalize big\.txt: 2/2 shards, 2\.0 MB in \d+\.\d s \(\d+(\.\d)? MB/s\)", lines[0])
    assert re.fullmatch(r"validate: \d+\.\d s \(stopped\)", lines[1])


@pytest.mark.slow
def test_a_run_that_publishes_nothing_into_a_new_folder_leaves_no_trace_there(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    output = tmp_path / "output"
    done = subprocess.run([*CLI, "run", str(tmp_path / "empty.txt"), "--output", str(output)], capture_output=True,
                          text=True, timeout=300, env=clean_env(tmp_path))  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.startswith("error: nothing to publish: ") and "empty.txt" in done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert not output.exists()  # no .lock, no runs.jsonl, no staged/ left in a folder it made


def test_a_run_refused_by_the_lock_leaves_the_folder_of_the_run_holding_it_alone(tmp_path):
    """Two first runs at once into a new folder: the one refused by the lock fails in a
    folder it did not find, and removes its traces. It must not remove the lock file of
    the run that holds the lock, nor the folders that run has just made and is about to
    write into (reports/.gx-batches: FileNotFoundError on papers.parquet in that run)."""
    from flows.cli import remove_traces
    from flows.release import output_lock

    output = tmp_path / "output"
    with output_lock(output):  # the other run
        batches = output / "releases" / "20261130T000000-0123abcd" / "reports" / ".gx-batches"
        batches.mkdir(parents=True)
        lock = (output / ".lock").stat()
        remove_traces(output)  # the refused run's clean-up
        assert batches.is_dir()
        assert (output / ".lock").stat().st_ino == lock.st_ino
    remove_traces(output)  # once no run holds the lock, a failed run's empty folder goes
    assert not output.exists()
