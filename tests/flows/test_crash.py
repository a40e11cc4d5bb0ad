"""kill -9 at several points of a run: the last release stays whole, the next run completes."""

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from prefect.settings import PREFECT_API_URL

from tests.helpers import parquet_bytes, sample_entries, write_snapshot

pytestmark = pytest.mark.usefixtures("prefect_api")

BEFORE_SWITCH = ["staged", "built", "validated", "written"]


def cli_run(sources: list[Path], output: Path, crash_at: str | None = None) -> subprocess.CompletedProcess:
    # The harness' API server is shared so each child skips Prefect's start-up.
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}
    env.pop("TRENDING_PAPERS_CRASH_AT", None)
    if crash_at:
        env["TRENDING_PAPERS_CRASH_AT"] = crash_at
    command = [sys.executable, "-m", "flows.cli", "run", *map(str, sources), "--output", str(output)]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def readable(output: Path) -> dict[str, int]:
    return {name: pl.read_parquet(output / "parquet" / f"{name}.parquet").height for name in ("papers", "appearances")}


@pytest.fixture(scope="module")
def first_release(tmp_path_factory) -> tuple[Path, Path, Path]:
    """Two snapshots and an output folder holding a release of the first one."""
    root = tmp_path_factory.mktemp("crash")
    entries = sample_entries()
    day1 = write_snapshot(root / "2026-11-25.txt", entries[:20])
    day2 = write_snapshot(root / "2026-11-26.txt", entries[10:40])
    assert cli_run([day1], root / "output").returncode == 0
    return day1, day2, root / "output"


@pytest.mark.parametrize("point", [*BEFORE_SWITCH, "switched"])
def test_killed_run_leaves_a_whole_release_and_the_next_run_completes(tmp_path, first_release, point):
    day1, day2, prepared = first_release
    output = tmp_path / "output"
    shutil.copytree(prepared, output, symlinks=True)
    before = parquet_bytes(output)

    killed = cli_run([day2], output, crash_at=point)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    if point in BEFORE_SWITCH:
        assert parquet_bytes(output) == before
        assert readable(output) == {"papers": 20, "appearances": 20}
    else:  # killed after the switch: the new release is the current one, whole
        assert readable(output) == {"papers": 40, "appearances": 50}

    again = cli_run([day1, day2], output)
    assert again.returncode == 0, again.stderr
    assert readable(output) == {"papers": 40, "appearances": 50}
    manifest = json.loads((output / "manifest.json").read_text())
    assert [s["file"] for s in manifest["snapshots"]] == [day1.name, day2.name]
    assert len(list((output / "releases").iterdir())) <= 2  # leftovers of the killed run are gone
