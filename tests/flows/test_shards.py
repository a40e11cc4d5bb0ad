"""Sharded normalization: shards cut at entry boundaries give the same bytes as one piece,
locally and on a real Dask cluster (scheduler + two workers on 127.0.0.1)."""

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest

from flows import PIPELINE_VERSION
from flows.pipeline import run_release
from flows.prefect_api import free_port
from flows.shards import scan
from flows.sources import InputError, decode_range
from flows.staging import _bounded
from tests.helpers import SAMPLE, parquet_bytes
from transforms.segment import classify_lines

pytestmark = pytest.mark.usefixtures("prefect_api")
SHARD_MB = 10 / 1024  # 10 KB: the 120 KB sample in about a dozen shards


def test_cuts_fall_on_entry_boundaries_and_cover_the_file():
    scanned = scan(SAMPLE, SAMPLE.name, 10 * 1024)
    assert len(scanned.cuts) > 5
    assert scanned.cuts[0][:2] == (0, scanned.cuts[1][0]) and scanned.cuts[-1][1] == SAMPLE.stat().st_size
    lines = SAMPLE.read_bytes().split(b"\n")
    for start, end, first_line in scanned.cuts[1:]:
        assert SAMPLE.read_bytes()[start - 1 : start] == b"\n"
        line = lines[first_line - 1].decode()
        kinds = classify_lines(pl.LazyFrame({"source_file": ["x"], "line_no": [1], "text": [line]})).collect()["kind"]
        assert kinds[0] == "title", line


def test_an_undecodable_byte_in_a_later_shard_names_the_file_line(tmp_path):
    data = SAMPLE.read_bytes()
    broken = tmp_path / "2026-11-26.txt"
    broken.write_bytes(data[:100_000] + b"caf\xe9 " + data[100_000:])
    line = data[:100_000].count(b"\n") + 1
    start, end, first_line = next(c for c in scan(broken, broken.name, 10 * 1024).cuts if c[0] <= 100_000 < c[1])
    with pytest.raises(InputError, match=rf"2026-11-26.txt: line {line}: not UTF-8 text \(byte 0xe9\)"):
        decode_range(str(broken), start, end, first_line, broken.name)


@pytest.fixture(scope="module")
def one_piece(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("one-piece") / "output"
    run_release([str(SAMPLE)], str(output))
    return output


def test_sharded_run_gives_the_same_bytes_as_one_piece(tmp_path, one_piece):
    summary = run_release([str(SAMPLE)], str(tmp_path / "output"), shard_mb=SHARD_MB, parallel=3)
    staged = next(p for p in (tmp_path / "output" / "staged").iterdir() if not p.name.startswith("."))
    assert len(list(staged.glob("shard-*.parquet"))) > 5
    assert summary["counts"]["papers"] == 88
    assert parquet_bytes(tmp_path / "output") == parquet_bytes(one_piece)


@pytest.fixture
def dask_cluster(tmp_path):
    """A real `dask scheduler` and two `dask worker` processes on 127.0.0.1."""
    dask = str(Path(sys.executable).with_name("dask"))
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    logs = open(tmp_path / "dask.log", "wb")
    processes = [
        subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], stdout=logs, stderr=logs, env=env)
    ]
    time.sleep(2)
    for _ in range(2):
        processes.append(
            subprocess.Popen(
                [dask, "worker", address, "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"],
                stdout=logs, stderr=logs, env=env, cwd=Path(__file__).resolve().parents[2],
            )  # fmt: skip
        )
    from dask.distributed import Client

    with Client(address, timeout=60) as client:
        client.wait_for_workers(2, timeout=120)
    try:
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        logs.close()


@pytest.mark.slow
def test_dask_cluster_run_gives_the_same_bytes_as_a_local_run(tmp_path, one_piece, dask_cluster):
    summary = run_release([str(SAMPLE)], str(tmp_path / "output"), shard_mb=SHARD_MB, dask_address=dask_cluster)
    assert summary["counts"]["papers"] == 88
    assert parquet_bytes(tmp_path / "output") == parquet_bytes(one_piece)


def test_a_sharded_snapshot_is_hashed_while_its_shards_run_and_staged_whole(tmp_path):
    output = tmp_path / "output"
    run_release([str(SAMPLE)], str(output), shard_mb=SHARD_MB)
    sha256 = hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    manifest = json.loads((output / "manifest.json").read_text())
    assert [s["sha256"] for s in manifest["snapshots"]] == [sha256]
    assert [p.name for p in (output / "staged").iterdir()] == [f"{sha256}-{PIPELINE_VERSION}"]  # no scratch left
    index = json.loads((output / "staged" / f"{sha256}-{PIPELINE_VERSION}" / "index.json").read_text())
    assert len(index["shards"]) > 5 and index["entries"] == 88


def test_no_shard_is_started_once_the_snapshot_is_known_to_be_staged():
    submitted = []
    specs = [{"index": i} for i in range(6)]
    submit = lambda spec: submitted.append(spec["index"]) or spec  # noqa: E731
    results = list(_bounded(specs, submit, lambda spec: spec, parallel=2, stop=lambda: len(submitted) >= 3))
    assert submitted == [0, 1, 2] and [r["index"] for r in results] == [0, 1, 2]
