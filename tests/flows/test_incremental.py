"""Daily, incremental runs: one day at a time equals all at once; nothing new is a no-op."""

import fcntl
import gzip
import json
import re
import shutil
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from flows.pipeline import run_release
from flows.release import ReleaseError
from tests.helpers import QuietHandler, local_http_server, parquet_bytes, sample_entries, write_snapshot

pytestmark = pytest.mark.usefixtures("prefect_api")


@pytest.fixture
def three_days(tmp_path) -> list[Path]:
    entries = sample_entries()
    raw = tmp_path / "raw"
    raw.mkdir()
    return [
        write_snapshot(raw / "2026-11-24.txt", entries[:30]),
        write_snapshot(raw / "2026-11-25.txt", entries[20:60][::-1]),
        write_snapshot(raw / "2026-11-26.txt", entries[50:]),
    ]


def runs(output: Path) -> list[dict]:
    return [json.loads(line) for line in (output / "runs.jsonl").read_text().splitlines()]


def test_one_day_per_run_equals_all_at_once_and_nothing_new_is_a_no_op(tmp_path, three_days):
    daily, at_once = tmp_path / "daily", tmp_path / "at_once"
    summaries = [run_release([str(day)], str(daily)) for day in three_days]
    assert [s["snapshots_new"] for s in summaries] == [[d.name] for d in three_days]
    run_release([str(d) for d in three_days], str(at_once))
    assert parquet_bytes(daily) == parquet_bytes(at_once)

    before = parquet_bytes(daily)
    again = run_release([str(three_days[0].parent)], str(daily))
    assert again["outcome"] == "unchanged" and again["snapshots_new"] == []
    assert parquet_bytes(daily) == before
    assert [r["outcome"] for r in runs(daily)] == ["published", "published", "published", "unchanged"]
    assert runs(daily)[0]["counts"]["papers"] == 30 and "timings" in runs(daily)[0]


def test_a_changed_snapshot_is_a_new_version_kept_beside_the_old(tmp_path, three_days):
    output = tmp_path / "output"
    run_release([str(three_days[0])], str(output))
    write_snapshot(three_days[0], sample_entries()[:31])
    summary = run_release([str(three_days[0])], str(output))
    assert summary["notes"] == ["2026-11-24.txt changed since it was last ingested: kept as a new version"]
    manifest = json.loads((output / "manifest.json").read_text())
    assert [s["file"] for s in manifest["snapshots"]] == ["2026-11-24.txt"] * 2
    assert len({s["sha256"] for s in manifest["snapshots"]}) == 2
    assert summary["counts"]["papers"] == 31


def test_already_ingested_snapshots_are_not_normalized_again(tmp_path, three_days, monkeypatch):
    output = tmp_path / "output"
    run_release([str(three_days[0])], str(output))
    import flows.shards

    def refuse_to_normalize(*args, **kwargs):
        raise AssertionError("an ingested snapshot was normalized again")

    monkeypatch.setattr(flows.shards, "clean_entries", refuse_to_normalize)
    summary = run_release([str(three_days[0])], str(output))
    assert summary["outcome"] == "unchanged"


def test_a_second_run_at_once_is_refused_with_a_clear_message(tmp_path, three_days):
    output = tmp_path / "output"
    output.mkdir()
    with open(output / ".lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(ReleaseError, match="is locked by a run in progress"):
            run_release([str(three_days[0])], str(output))
    assert not (output / "current").exists()
    assert run_release([str(three_days[0])], str(output))["outcome"] == "published"


class SnapshotHandler(QuietHandler, SimpleHTTPRequestHandler):
    """Serves a folder; paths under /slow/ answer only after the client gave up."""

    def do_GET(self):
        if self.path.startswith("/slow/"):
            time.sleep(3)
        return super().do_GET()


@pytest.fixture
def http_root(tmp_path):
    root = tmp_path / "served"
    root.mkdir()
    with local_http_server(partial(SnapshotHandler, directory=str(root))) as server:
        yield root, f"http://127.0.0.1:{server.server_address[1]}"


def test_remote_sources_over_http_with_gzip_timeouts_and_size_cap(tmp_path, three_days, http_root):
    root, base = http_root
    shutil.copy(three_days[0], root / three_days[0].name)
    (root / "2026-11-25.txt.gz").write_bytes(gzip.compress(three_days[1].read_bytes()))
    (root / "slow").mkdir()
    shutil.copy(three_days[2], root / "slow" / three_days[2].name)
    sources = [f"{base}/2026-11-24.txt", f"{base}/2026-11-25.txt.gz", f"{base}/missing.txt", f"{base}/slow/2026-11-26.txt"]
    summary = run_release(sources, str(tmp_path / "output"), timeout=1.0)
    assert summary["snapshots_new"] == ["2026-11-24.txt", "2026-11-25.txt.gz"]
    reasons = {item["source"]: item["reason"] for item in summary["refused"]}
    assert set(reasons) == {f"{base}/missing.txt", f"{base}/slow/2026-11-26.txt"}
    assert "missing.txt" in reasons[f"{base}/missing.txt"]
    assert "after 3 attempts" in reasons[f"{base}/slow/2026-11-26.txt"]

    with pytest.raises(ReleaseError, match="larger than the size cap of 1000 bytes"):
        run_release([f"{base}/2026-11-24.txt"], str(tmp_path / "capped"), max_bytes=1000)


def validation_scope(output: Path) -> str:
    return json.loads((output / "reports" / "validation.json").read_text())["scope"]


def test_a_daily_run_merges_and_validates_only_the_rows_it_added_or_changed(tmp_path, three_days, monkeypatch):
    output = tmp_path / "output"
    run_release([str(three_days[0])], str(output))
    assert validation_scope(output) == "all rows"
    run_release([str(three_days[1])], str(output))
    assert validation_scope(output) == "the rows this run added or changed"
    assert not (output / "current" / "changed").exists()  # the scratch rows are not published
    html = (output / "reports" / "validation.html").read_text()
    assert "the rows this run added or changed" in html and "<td>papers</td><td class=num>40</td>" in html
    runs = sorted(p.name for p in (output / "reports" / "data_docs" / "validations" / "papers").glob("*"))
    assert len(runs) == 2  # the Data Docs keep the first release's validation too (one folder per release)
    report = (output / "reports" / "index.html").read_text()  # the release report: what changed since day one
    first_release = runs[0]
    assert f"Compared with the release of {three_days[0].stem}" in report and first_release in report
    for href in re.findall(r'href="(data_docs/validations/[^"]+)"', report):
        assert (output / "reports" / href).is_file() and runs[1] in href
    assert "## What changed since the previous release" in (output / "hf" / "README.md").read_text()

    import flows.pipeline

    monkeypatch.setattr(flows.pipeline, "PIPELINE_VERSION", "99.0.0")  # a release of older code: build all again
    run_release([str(three_days[2])], str(output))
    assert validation_scope(output) == "all rows"


def test_rebuild_builds_every_table_from_all_snapshots(tmp_path, three_days):
    output = tmp_path / "output"
    run_release([str(three_days[0])], str(output))
    run_release([str(three_days[1])], str(output), rebuild=True)
    assert validation_scope(output) == "all rows"
    before = parquet_bytes(output)
    again = run_release([str(three_days[1])], str(output), rebuild=True)  # nothing new: rebuilt all the same
    assert again["outcome"] == "published" and validation_scope(output) == "all rows"
    assert parquet_bytes(output) == before
