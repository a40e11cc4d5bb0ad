"""`trending-papers fetch`: the Hub's trending listing -> DATE.txt + DATE.meta.jsonl, against
a fake `/api/daily_papers` on 127.0.0.1 (no test touches the internet)."""

import json
import re
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


def test_a_time_out_is_retried_then_named(tmp_path):
    with FakeDailyPapers(listing(3), delay=1.0) as hub:
        with pytest.raises(FetchError, match=r"api/daily_papers\?sort=trending&p=0&limit=10: timed out after 0.2 s \(after 2 attempts\)"):
            fetch_listing(10, endpoint=hub.endpoint, timeout=0.2, attempts=2, **FAST)
    assert len(hub.requests) == 2


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


# --- fetch, then run: the pipeline's flow from the Hub (real Prefect flow runs) ---

import polars as pl  # noqa: E402

from flows.release import ReleaseError  # noqa: E402
from tests.helpers import SAMPLE, parquet_bytes, sample_entries  # noqa: E402


@pytest.fixture
def quick_fetch_retries(monkeypatch):
    """The fetcher's page retries and the fetch task's retries, without the minutes between them."""
    import flows.fetch
    import flows.pipeline

    monkeypatch.setattr(flows.fetch, "BACKOFF_SECONDS", 0.01)
    monkeypatch.setattr(flows.pipeline, "fetch_listing", flows.pipeline.fetch_listing.with_options(retry_delay_seconds=0.01))


def tables(output: Path) -> dict[str, pl.DataFrame]:
    return {name: pl.read_parquet(output / "parquet" / f"{name}.parquet") for name in ("papers", "appearances", "quarantine")}


def test_run_from_hub_fetches_then_publishes_the_sidecar_columns(tmp_path, monkeypatch, prefect_api, quick_fetch_retries):
    from flows.pipeline import run_from_hub

    items = listing(5)
    items[0]["paper"]["summary"] = abstract_like("method 1") + " See https://github.com/lab/repo1/tree/main for code."
    with FakeDailyPapers(items) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.endpoint)
        summary = run_from_hub(str(tmp_path / "out"), "2026-11-29")
        again = run_from_hub(str(tmp_path / "out"), "2026-11-29")
    assert summary["outcome"] == "published" and summary["fetch"]["entries"] == 5
    assert again["fetch"]["outcome"] == "already fetched" and again["outcome"] == "unchanged" and len(hub.requests) == 1
    assert sorted(p.name for p in (tmp_path / "out" / "fetched").iterdir()) == ["2026-11-29.meta.jsonl", "2026-11-29.txt"]
    found = tables(tmp_path / "out")
    papers = found["papers"].sort("best_rank")
    assert papers["arxiv_id"].to_list() == [f"2611.{i:05d}" for i in range(1, 6)]
    assert papers["upvotes"].to_list() == [1, 2, 3, 4, 5] and papers["github_stars"].to_list() == [10, None, 30, None, 50]
    assert papers["authors"].to_list()[0] == ["Ada Lovelace", "Alan Turing"]
    assert papers["published_at"].to_list()[0].isoformat() == "2026-11-20"
    # The sidecar's repository joins urls unless the abstract links it already (here a page of it).
    assert [u["url"] for u in papers["urls"][0]] == ["https://github.com/lab/repo1/tree/main"]
    assert [(u["url"], u["kind"], u["repo"]) for u in papers["urls"][2]] == [("https://github.com/lab/repo3", "code", "lab/repo3")]
    assert papers["code_url"].to_list() == ["https://github.com/lab/repo1/tree/main", None, "https://github.com/lab/repo3", None,
                                            "https://github.com/lab/repo5"]  # fmt: skip
    assert found["appearances"].sort("rank")["upvotes"].to_list() == [1, 2, 3, 4, 5]


def test_a_paper_in_both_kinds_of_snapshot_is_one_paper(tmp_path, prefect_api):
    from flows.pipeline import run_release
    from flows.fetch import write_day

    title, abstract = sample_entries()[0]
    entries = [{"title": title, "summary": abstract, "arxiv_id": "2611.00001", "upvotes": 42, "comments": 3,
                "github_repo": None, "github_stars": None, "project_page": None, "authors": ["A. Author"],
                "published_at": "2026-11-01T00:00:00.000Z", "submitted_at": None}]  # fmt: skip
    write_day(tmp_path / "fetched", "2026-11-27", entries)
    run_release([str(SAMPLE), str(tmp_path / "fetched")], str(tmp_path / "out"))
    found = tables(tmp_path / "out")
    paper = found["papers"].filter(pl.col("title_raw") == title)
    assert paper.height == 1 and paper["days_listed"][0] == 2 and paper["arxiv_id"][0] == "2611.00001"
    assert paper["upvotes"][0] == 42 and paper["last_seen"][0].isoformat() == "2026-11-27"
    history = found["appearances"].filter(pl.col("paper_id") == paper["paper_id"][0]).sort("snapshot_date")
    assert history["upvotes"].to_list() == [None, 42]
    assert found["papers"].filter(pl.col("arxiv_id").is_null()).height == found["papers"].height - 1


def test_a_sidecar_that_does_not_match_its_snapshot_is_refused_and_the_snapshot_goes_through(tmp_path, prefect_api):
    from flows.fetch import FetchError  # noqa: F401  (the fetcher wrote the pair; a hand edit broke it)
    from flows.pipeline import run_release

    with FakeDailyPapers(listing(3)) as hub:
        fetch_day(tmp_path / "fetched", "2026-11-29", endpoint=hub.endpoint, **FAST)
    snapshot = tmp_path / "fetched" / "2026-11-29.txt"
    snapshot.write_text(snapshot.read_text().replace("Paper number 2", "Paper number two"), encoding="utf-8")
    summary = run_release([str(tmp_path / "fetched")], str(tmp_path / "out"))
    assert summary["outcome"] == "published" and summary["entries"] == 3
    assert any("2026-11-29.meta.jsonl does not match its snapshot: entry 2" in r["reason"] for r in summary["refused"])
    assert tables(tmp_path / "out")["papers"]["arxiv_id"].null_count() == 3


def test_merging_fetched_days_is_byte_identical_to_a_full_build(tmp_path, prefect_api):
    from flows.pipeline import run_release
    from flows.fetch import write_day

    def day(date: str, first: int, upvotes: int) -> None:
        entries = [{"title": f"Paper number {i}: a study", "summary": abstract_like(f"method {i}") + " It is $2\\times$ faster.",
                    "arxiv_id": f"2611.{i:05d}", "upvotes": upvotes + i, "comments": 0, "github_repo": None,
                    "github_stars": upvotes, "project_page": None, "authors": [f"Author {upvotes}"],
                    "published_at": "2026-11-01", "submitted_at": None} for i in range(first, first + 4)]  # fmt: skip
        write_day(tmp_path / "fetched", date, entries)

    day("2026-11-27", 1, 10)
    run_release([str(tmp_path / "fetched"), str(SAMPLE)], str(tmp_path / "daily"))
    day("2026-11-28", 3, 20)  # papers 3 and 4 again, with other upvotes and authors
    merged = run_release([str(tmp_path / "fetched"), str(SAMPLE)], str(tmp_path / "daily"))
    run_release([str(tmp_path / "fetched"), str(SAMPLE)], str(tmp_path / "full"))
    assert merged["validation"]["scope"] == "the rows this run added or changed"
    assert parquet_bytes(tmp_path / "daily") == parquet_bytes(tmp_path / "full")
    papers = tables(tmp_path / "full")["papers"].filter(pl.col("arxiv_id").is_not_null()).sort("arxiv_id")
    assert papers["upvotes"].to_list() == [11, 12, 23, 24, 25, 26]
    assert papers["authors"].to_list()[2] == ["Author 20"]


def test_a_fetch_that_keeps_failing_fails_the_run_in_one_line_and_writes_nothing(tmp_path, monkeypatch, prefect_api,
                                                                               quick_fetch_retries):  # fmt: skip
    from flows.pipeline import run_from_hub

    with FakeDailyPapers(listing(3), always=503) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.endpoint)
        with pytest.raises(ReleaseError) as failure:
            run_from_hub(str(tmp_path / "out"), "2026-11-29")
    message = str(failure.value)
    assert len(message.splitlines()) == 1 and "api/daily_papers" in message and "HTTP 503" in message
    assert len(hub.requests) == 3 * 4  # three task runs of four attempts each
    assert not (tmp_path / "out" / "fetched").exists() or not list((tmp_path / "out" / "fetched").iterdir())
    runs = [json.loads(line) for line in (tmp_path / "out" / "runs.jsonl").read_text().splitlines()]
    assert runs[-1]["outcome"] == "failed" and "HTTP 503" in runs[-1]["reason"]


@pytest.mark.slow
def test_serve_from_hub_runs_fetch_then_release_as_one_scheduled_flow(tmp_path):
    """A real Prefect server: the deployment's flow run fetches (its own task), then publishes."""
    import datetime as dt
    import signal

    import httpx

    from flows.prefect_api import free_port
    from tests.flows.test_serve import created_flow_run, finished_state, wait_for

    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    output = tmp_path / "output"
    with FakeDailyPapers(listing(4)) as hub:
        env = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
        env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), HF_ENDPOINT=hub.endpoint, TRENDING_PAPERS_FETCH_BACKOFF="0.01")
        command = [sys.executable, "-m", "flows.cli", "serve", "--from-hub", "--output", str(output),
                   "--cron", "0 6 * * *", "--port", str(port)]  # fmt: skip
        serving = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            deployment = wait_for(
                lambda: next(iter(httpx.post(f"{api}/deployments/filter", json={}, timeout=5).json()), None),
                timeout=240,
                what="the deployment",
            )
            flow = httpx.get(f"{api}/flows/{deployment['flow_id']}", timeout=10).json()
            assert flow["name"] == "trending-papers-from-hub" and deployment["name"] == "daily"
            assert deployment["schedules"][0]["schedule"]["cron"] == "0 6 * * *"
            flow_run = wait_for(lambda: created_flow_run(f"{api}/deployments/{deployment['id']}/create_flow_run"),
                                timeout=120, what="the flow run to be created")  # fmt: skip
            state = wait_for(lambda: finished_state(f"{api}/flow_runs/{flow_run['id']}"), timeout=240, what="the run")
            assert state == "COMPLETED"
            task_runs = httpx.post(f"{api}/task_runs/filter", json={"flow_runs": {"id": {"any_": [flow_run["id"]]}}}, timeout=10)
            names = {run["name"].rsplit("-", 1)[0] for run in task_runs.json()}
            assert {"fetch-trending-listing", "build-tables", "validate", "publish"} <= names, names
        finally:
            serving.send_signal(signal.SIGINT)
            try:
                serving.wait(timeout=60)
            except subprocess.TimeoutExpired:
                serving.kill()
    today = dt.datetime.now(dt.UTC).date().isoformat()
    assert (output / "fetched" / f"{today}.txt").exists() and (output / "fetched" / f"{today}.meta.jsonl").exists()
    papers = pl.read_parquet(output / "parquet" / "papers.parquet")
    assert sorted(papers["arxiv_id"]) == [f"2611.{i:05d}" for i in range(1, 5)]


# --- the same papers both ways: the API's LaTeX vs the scraped page ---

# The scrape keeps some LaTeX the API's rendering resolves (10{,}000x, 60~FPS, 60{,}000: the
# 8 corpus papers of 3,000 whose claims differed both ways); the cleaner renders those
# leftovers too (contract section 3), so the two readings agree. Three of them are here.
SCRAPE_LEFTOVERS = {"2602.11960": "60,000", "2604.12525": "60", "2605.18607": "10,000×"}
RENDERABLE = re.compile(r"\$|\\(?:times|%|sim|pm|leq|geq|approx|cdot|textbf|emph|mathrm|mathbf|mathcal|alpha|beta|gamma|delta|lambda|sigma)(?![A-Za-z])")


def test_fetched_abstracts_make_the_claims_of_their_scraped_twins(tmp_path, monkeypatch, prefect_api, quick_fetch_retries):
    """34 corpus papers with LaTeX in their arXiv summary (tests/data/api_latex_papers.jsonl:
    the original summaries from dw-dengwei/daily-arXiv-ai-enhanced, and the scraped lines from
    the project's corpus), fetched as the API serves them and scraped, each through the pipeline."""
    from flows.pipeline import run_from_hub, run_release

    papers = [json.loads(line) for line in (ROOT / "tests" / "data" / "api_latex_papers.jsonl").read_text(encoding="utf-8").splitlines()]
    items = [api_item(p["arxiv_id"], p["title"], p["summary"], authors=tuple(p["authors"])) for p in papers]
    with FakeDailyPapers(items) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.endpoint)
        run_from_hub(str(tmp_path / "api"), "2026-11-29")
    scraped = tmp_path / "2026-11-29.txt"
    scraped.write_text("".join(f"{p['scraped_title']}\n{p['scraped_abstract']}\n" for p in papers), encoding="utf-8")
    run_release([str(scraped)], str(tmp_path / "scraped"))

    def claims_by_paper(output: Path) -> dict[str, list]:
        claims = pl.read_parquet(output / "parquet" / "claims.parquet").sort("paper_id", "claim_index")
        return {pid: rows.select("text", "value", "kind", "unit").rows() for (pid,), rows in claims.group_by("paper_id")}

    fetched = pl.read_parquet(tmp_path / "api" / "parquet" / "papers.parquet")
    twins = pl.read_parquet(tmp_path / "scraped" / "parquet" / "papers.parquet")
    assert fetched.height == twins.height == len(papers)
    assert sorted(fetched["paper_id"]) == sorted(twins["paper_id"])  # same titles, so the same papers
    api_claims, scraped_claims = claims_by_paper(tmp_path / "api"), claims_by_paper(tmp_path / "scraped")
    ids = dict(zip(fetched["arxiv_id"], fetched["paper_id"]))
    assert sum(len(c) for c in api_claims.values()) > 100  # so that the comparison below is not vacuous
    for arxiv_id, paper_id in ids.items():
        api, scrape = api_claims.get(paper_id, []), scraped_claims.get(paper_id, [])
        assert [row[1:] for row in api] == [row[1:] for row in scrape], arxiv_id
        if arxiv_id in SCRAPE_LEFTOVERS:
            assert SCRAPE_LEFTOVERS[arxiv_id] in [row[0] for row in scrape], arxiv_id
    for row in fetched.iter_rows(named=True):
        assert not RENDERABLE.search(row["abstract"]) and not RENDERABLE.search(row["title"]), row["abstract"]
        assert "latex_unescaped" in row["flags"]
        assert ("latex_kept" in row["flags"]) == bool(re.search(r"\\[A-Za-z]+|[_^]\{", row["abstract"] + row["title"]))


def test_a_malformed_sidecar_is_refused_with_file_and_line(tmp_path, prefect_api):
    from flows.pipeline import run_release

    with FakeDailyPapers(listing(3)) as hub:
        fetch_day(tmp_path / "fetched", "2026-11-29", endpoint=hub.endpoint, **FAST)
    sidecar = tmp_path / "fetched" / "2026-11-29.meta.jsonl"
    rows = sidecar.read_text(encoding="utf-8").splitlines()
    sidecar.write_text("\n".join([rows[0], rows[1].replace('"upvotes": 2', '"upvotes": "two"'), rows[2]]) + "\n", encoding="utf-8")
    summary = run_release([str(tmp_path / "fetched")], str(tmp_path / "out"))
    assert summary["outcome"] == "published"
    reasons = [r["reason"] for r in summary["refused"]]
    assert any("2026-11-29.meta.jsonl: line 2: field 'upvotes' is not an integer" in r for r in reasons), reasons
    # Read without its sidecar, the text is taken as scraped text: its `$` stays a dollar.
    assert tables(tmp_path / "out")["papers"]["arxiv_id"].null_count() == 3
