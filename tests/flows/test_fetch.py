"""`trending-papers fetch`: the Hub's trending listing -> DATE.txt + DATE.meta.jsonl, against
a fake `/api/daily_papers` on 127.0.0.1 (no test touches the internet)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows.fetch import FetchError, fetch_day, fetch_listing
from tests.flows.fake_daily_papers import FakeDailyPapers, api_item
from tests.helpers import ROOT, abstract_like

FAST = {"backoff": 0.01}  # retries without waiting seconds


def listing(count: int) -> list[dict]:
    return [
        api_item(f"2611.{i:05d}", f"Paper number {i}: a study", abstract_like(f"method {i}"), upvotes=i % 7,
                 github_repo=f"https://github.com/lab/repo{i}" if i % 2 else None, github_stars=i * 10 if i % 2 else None,
                 nested_repo=i % 3 == 0)  # fmt: skip
        for i in range(1, count + 1)
    ]


def cli(*args: str, endpoint: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "HF_ENDPOINT": endpoint, "TRENDING_PAPERS_FETCH_BACKOFF": "0.01", **env}
    return subprocess.run([sys.executable, "-m", "flows.cli", "fetch", *args], env=environment, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def read_sidecar(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_fetch_reads_every_page_in_trending_order_up_to_the_limit(tmp_path):
    with FakeDailyPapers(listing(120)) as hub:
        summary = fetch_day(tmp_path, "2026-11-29", limit=110, endpoint=hub.endpoint, **FAST)
    assert summary["entries"] == 110 and summary["pages"] == 3
    pages = [params for params, _ in hub.requests]
    assert [p["p"] for p in pages] == ["0", "1", "2"]
    assert all(p["sort"] == "trending" and "date" not in p for p in pages)  # not the submissions of one day
    lines = (tmp_path / "2026-11-29.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0::2] == [f"Paper number {i}: a study" for i in range(1, 111)]
    assert lines[1] == abstract_like("method 1")
    sidecar = read_sidecar(tmp_path / "2026-11-29.meta.jsonl")
    assert [row["rank"] for row in sidecar] == list(range(1, 111))
    assert list(sidecar[0]) == ["rank", "arxiv_id", "title", "upvotes", "comments", "github_repo", "github_stars",
                                "project_page", "authors", "published_at", "submitted_at"]  # fmt: skip
    first, third = sidecar[0], sidecar[2]
    assert first["arxiv_id"] == "2611.00001" and first["upvotes"] == 1 and first["authors"] == ["Ada Lovelace", "Alan Turing"]
    assert first["github_repo"] == "https://github.com/lab/repo1" and first["github_stars"] == 10  # top level
    assert third["github_repo"] == "https://github.com/lab/repo3" and third["github_stars"] == 30  # nested in `paper`
    assert sidecar[1]["github_repo"] is None and sidecar[6]["upvotes"] == 0  # 0 upvotes is 0, not null
    assert first["published_at"] == "2026-11-20T17:59:59.000Z" and first["submitted_at"] == "2026-11-21T08:00:00.000Z"


def test_a_short_listing_ends_at_its_last_page(tmp_path):
    with FakeDailyPapers(listing(30)) as hub:
        summary = fetch_day(tmp_path, "2026-11-29", limit=100, endpoint=hub.endpoint, **FAST)
    assert summary["entries"] == 30 and len(hub.requests) == 1


def test_429_then_success_is_retried(tmp_path):
    with FakeDailyPapers(listing(3), faults=[429, 503]) as hub:
        summary = fetch_day(tmp_path, "2026-11-29", endpoint=hub.endpoint, **FAST)
    assert summary["entries"] == 3 and len(hub.requests) == 3


def test_500_forever_fails_in_one_line_naming_endpoint_and_status_and_writes_nothing(tmp_path):
    with FakeDailyPapers(listing(3), always=500) as hub:
        result = cli("--out", str(tmp_path / "fetched"), "--date", "2026-11-29", endpoint=hub.endpoint)
    assert result.returncode == 1
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in result.stderr
    assert f"{hub.endpoint}/api/daily_papers" in message and "HTTP 500" in message and "4 attempts" in message
    assert not (tmp_path / "fetched").exists() or not list((tmp_path / "fetched").iterdir())


def test_a_network_error_is_retried_then_named(tmp_path):
    with FakeDailyPapers() as hub:
        endpoint = hub.endpoint  # the server is gone after this block: connection refused
    with pytest.raises(FetchError, match=r"api/daily_papers.*ConnectError.*after 4 attempts"):
        fetch_listing(10, endpoint=endpoint, **FAST)


@pytest.mark.parametrize(
    "body, reason",
    [(b"<html>busy</html>", "malformed JSON"), (b'{"error": "x"}', "not a list"), (b"[]", "listing is empty")],
)
def test_unusable_listings_are_refused_and_nothing_is_written(tmp_path, body, reason):
    with FakeDailyPapers(body=body) as hub:
        result = cli("--out", str(tmp_path), "--date", "2026-11-29", endpoint=hub.endpoint)
    assert result.returncode == 1 and reason in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_entries_without_title_or_summary_are_left_out_with_their_reason(tmp_path):
    items = listing(4)
    del items[1]["paper"]["summary"]
    items[2]["title"] = items[2]["paper"]["title"] = "   "
    items.append("not an object")
    with FakeDailyPapers(items) as hub:
        result = cli("--out", str(tmp_path), "--date", "2026-11-29", endpoint=hub.endpoint)
    assert result.returncode == 0, result.stderr
    assert "entry 2 (2611.00002): no summary" in result.stdout
    assert "entry 3 (2611.00003): no title" in result.stdout and "entry 5: not a JSON object" in result.stdout
    lines = (tmp_path / "2026-11-29.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0::2] == ["Paper number 1: a study", "Paper number 4: a study"]
    assert [r["arxiv_id"] for r in read_sidecar(tmp_path / "2026-11-29.meta.jsonl")] == ["2611.00001", "2611.00004"]


def test_text_is_kept_as_served_except_that_white_space_is_joined(tmp_path):
    summary = (
        "We reach $63.2\\%$ accuracy, a $8\\times$ speed-up and\n$\\sim$100 fewer steps with\r\n"
        "  Schrödinger bridges (CJK: 扩散模型) at $\\alpha=0.5$.  "
    )
    items = [api_item("2611.00001", "Über\nDiffusion:  $\\beta$-VAE\tat Scale", summary)]
    with FakeDailyPapers(items) as hub:
        fetch_day(tmp_path, "2026-11-29", endpoint=hub.endpoint, **FAST)
    title, abstract = (tmp_path / "2026-11-29.txt").read_text(encoding="utf-8").splitlines()
    assert title == "Über Diffusion: $\\beta$-VAE at Scale"
    assert abstract == (
        "We reach $63.2\\%$ accuracy, a $8\\times$ speed-up and $\\sim$100 fewer steps with "
        "Schrödinger bridges (CJK: 扩散模型) at $\\alpha=0.5$."
    )


def test_hf_token_is_sent_and_never_printed(tmp_path):
    secret = "hf_" + "s3cr3t" * 6
    with FakeDailyPapers(listing(2), faults=[500]) as hub:
        result = cli("--out", str(tmp_path), endpoint=hub.endpoint, HF_TOKEN=secret)
    assert result.returncode == 0, result.stderr
    assert all(headers.get("authorization") == f"Bearer {secret}" for _, headers in hub.requests)
    assert secret not in result.stdout + result.stderr


def test_a_day_already_fetched_is_not_fetched_again_unless_asked(tmp_path):
    with FakeDailyPapers(listing(2)) as hub:
        first = fetch_day(tmp_path, "2026-11-29", endpoint=hub.endpoint, **FAST)
        hub.items = listing(3)
        again = fetch_day(tmp_path, "2026-11-29", endpoint=hub.endpoint, **FAST)
        assert again["outcome"] == "already fetched" and len(hub.requests) == 1
        forced = fetch_day(tmp_path, "2026-11-29", refetch=True, endpoint=hub.endpoint, **FAST)
    assert first["entries"] == 2 and forced["entries"] == 3
    assert len(read_sidecar(tmp_path / "2026-11-29.meta.jsonl")) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-11-29.meta.jsonl", "2026-11-29.txt"]  # no temp file left


def test_hf_endpoint_is_read_when_fetching(tmp_path, monkeypatch):
    with FakeDailyPapers(listing(2)) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.endpoint)  # after huggingface_hub was imported
        summary = fetch_day(tmp_path, "2026-11-29", **FAST)
    assert summary["entries"] == 2 and hub.requests
