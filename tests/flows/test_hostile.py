"""The hostile probe's cases through the real flow: a bad byte costs a line, not a file;
invisible characters are removed and flagged; an impossible date is refused, not replaced;
a huge line is quarantined by its position; a gzip bomb is refused at the cap; records are
portable (no absolute path of the build machine)."""

import gzip
import json
import zlib
from pathlib import Path

import polars as pl
import pytest

from flows.pipeline import run_release
from flows.sources import MAX_LINE_BYTES
from tests.helpers import sample_entries, write_snapshot

pytestmark = pytest.mark.usefixtures("prefect_api")


def table(output: Path, name: str) -> pl.DataFrame:
    return pl.read_parquet(output / "parquet" / f"{name}.parquet")


def test_bad_bytes_cost_their_line_and_hostile_files_are_refused_with_reasons(tmp_path):
    entries = sample_entries()
    (title0, abstract0), (title1, abstract1), (title2, abstract2), (title3, abstract3) = entries[:4]
    sources = tmp_path / "in"
    sources.mkdir()
    write_snapshot(
        sources / "2026-11-26.txt",
        [
            (title0, abstract0[:50] + "\x00" + abstract0[50:]),  # one NUL: removed, flagged
            ("\u2066" + title1 + "\u202e\u202c", abstract1),  # bidi isolates and overrides
            (title2, abstract2),
            (title3, abstract3),
        ],
    )
    write_snapshot(sources / "2026-13-45.txt", entries[10:12])  # an impossible date
    (sources / "blank.txt").write_bytes(b"  \n\t\n")
    bomb = zlib.compressobj(9, zlib.DEFLATED, 31)
    (sources / "2026-11-27.txt.gz").write_bytes(bomb.compress(bytes(64 * 1024 * 1024)) + bomb.flush())
    output = tmp_path / "output"

    summary = run_release([str(sources)], str(output), max_bytes=10 * 1024 * 1024)

    assert summary["snapshots_new"] == ["2026-11-26.txt"] and summary["entries"] == 4
    assert sorted(item["reason"] for item in summary["refused"]) == [
        "2026-11-27.txt.gz: larger than the size cap of 10485760 bytes",
        "2026-13-45.txt: 2026-13-45 in the file name is not a valid date; rename the file or give --date",
        "blank.txt: empty file (only white space)",
    ]
    papers = table(output, "papers")
    assert papers.height == 4 and table(output, "quarantine").height == 0
    by_title = {row["title"]: row for row in papers.iter_rows(named=True)}
    assert "control_chars_removed" in by_title[title0]["flags"]
    assert "\x00" not in by_title[title0]["abstract"] and "\x00" in by_title[title0]["abstract_raw"]
    assert "invisible_chars_removed" in by_title[title1]["flags"]
    assert not any(c in by_title[title1]["title"] for c in "\u2066\u202e\u202c")

    # Given --date, the file with an impossible date goes through, dated by it.
    summary = run_release([str(sources / "2026-13-45.txt")], str(output), "2026-11-28")
    assert summary["snapshots_new"] == ["2026-13-45.txt"]
    manifest = json.loads((output / "manifest.json").read_text())
    assert {s["file"]: s["snapshot_date"] for s in manifest["snapshots"]}["2026-13-45.txt"] == "2026-11-28"


def test_records_hold_no_absolute_path_of_the_build_machine(tmp_path):
    folder = tmp_path / "dumps"
    folder.mkdir()
    write_snapshot(folder / "2026-11-26.txt", sample_entries()[:20])
    output = tmp_path / "output"
    run_release([str(folder)], str(output))
    assert str(tmp_path) not in (output / "manifest.json").read_text()
    assert str(tmp_path) not in (output / "runs.jsonl").read_text()
    assert json.loads((output / "manifest.json").read_text())["snapshots"][0]["source"] == "2026-11-26.txt"

    lock = (output / ".lock").stat()
    assert run_release([str(folder)], str(output))["outcome"] == "unchanged"
    assert (output / ".lock").stat().st_mtime_ns == lock.st_mtime_ns  # a no-op rerun leaves the lock file alone


def test_a_huge_line_is_quarantined_by_its_position(tmp_path):
    entries = sample_entries()[:3]
    path = write_snapshot(tmp_path / "2026-11-26.txt", [entries[0], (entries[1][0], "x" * (2 * MAX_LINE_BYTES)), entries[2]])
    packed = tmp_path / "2026-11-26.txt.gz"
    packed.write_bytes(gzip.compress(path.read_bytes()))
    output = tmp_path / "output"
    run_release([str(packed)], str(output))
    quarantine = table(output, "quarantine")
    assert quarantine.rows() == [
        (
            "2026-11-26.txt.gz",
            4,
            entries[1][0],
            quarantine["abstract_raw"][0],
            [f"line_too_long: line 5 has {2 * MAX_LINE_BYTES} bytes, more than the limit of {MAX_LINE_BYTES} bytes"],
        )
    ]
    assert len(quarantine["abstract_raw"][0]) < 200
    assert sorted(table(output, "appearances")["rank"].to_list()) == [1, 3]


def test_concurrent_runs_on_one_output_leave_a_whole_release(tmp_path):
    """Two real runs started at once on one output folder: each publishes or is refused by
    the lock with a clear line; then one more run gives the bytes of a clean build."""
    import os
    import subprocess
    import sys

    from prefect.settings import PREFECT_API_URL

    from tests.flows.test_crash import cli_run
    from tests.helpers import parquet_bytes

    entries = sample_entries()
    days = [write_snapshot(tmp_path / f"2026-11-2{i}.txt", entries[i * 10 : i * 10 + 30]) for i in range(2)]
    output = tmp_path / "output"
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}  # the harness' API, as in test_crash
    env.pop("TRENDING_PAPERS_CRASH_AT", None)
    command = [sys.executable, "-m", "flows.cli", "run", "--output", str(output)]
    runs = [subprocess.Popen([*command, str(day)], env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True) for day in days]
    for run in runs:
        stderr = run.communicate(timeout=300)[1]
        assert run.returncode == 0 or "is locked by a run in progress" in stderr, stderr[-2000:]
    assert cli_run(days, output).returncode == 0
    assert cli_run(days, tmp_path / "clean").returncode == 0
    assert parquet_bytes(output) == parquet_bytes(tmp_path / "clean")
