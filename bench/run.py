"""End-to-end benchmark: the real pipeline on synthetic corpora of 10k, 100k and 1M papers.

    make bench                                   # sizes 10k,100k,1M, 3 repeats each (medians)
    .venv/bin/python bench/run.py --sizes 10000 --repeats 1          # quick mode
    .venv/bin/python bench/run.py --sizes 1000000 --files 10 --keep-data
    .venv/bin/python bench/run.py --pipeline-args "--shard-mb 128"   # extra flags for the CLI

Corpora come from bench/generate.py (deterministic, cached in bench/data/, which is
git-ignored; deleted after the run unless --keep-data). Every run is a fresh child process,
`.venv/bin/trending-papers run <files> --output <fresh dir>`, so the total includes Python
and Prefect start-up, and a fresh output folder, so nothing is cached between repeats.

How it measures:
- total wall seconds: time.perf_counter around the child process;
- peak RSS: ru_maxrss of that child, from os.wait4 (the kernel's getrusage record for the
  one child: the largest resident set of the pipeline process, including any child it
  waited for; the Prefect server a run may start is a separate process);
- seconds per stage (ingest, normalize, claims, build, validate, publish): recorded by the
  flow itself. Read from `<output>/runs.jsonl` (last line, key "timings") when the CLI
  writes it. A probe run on the bundled sample tells up front whether it does; if not,
  every run goes through the same flow with `python -c` (flows.pipeline.run_release, the
  function the CLI calls), which prints the summary as JSON. The table says which.
- MB/s and papers/s: input bytes (or papers) over total wall seconds; "norm+claims MB/s"
  is input MB over the normalize + claims stage seconds.
- daily run (with --daily, default on for the largest size): after the first repeat's
  release exists, one 100-paper snapshot of a new date (half new papers, half re-listed) is
  added to it (`trending-papers run <new file> --output <that release>`) and timed the same
  way, once per repeat. Twice: as a cold command (it starts its own Prefect server, ~7 s of
  boot), and, on a hard-linked copy of the same release, against a Prefect server that is
  already running (`prefect server start`, started once by the bench; PREFECT_API_URL set),
  which is what a scheduled deployment's daily run or an operator with a server gets.

Results: a table on stdout, and the same as JSON in bench/results/<date>-<sizes>.json
(-2, -3, ... for later runs the same day).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
RESULTS = ROOT / "bench" / "results"
STAGES = ("ingest", "normalize", "claims", "build", "validate", "publish")
# The same environment as `make`: Prefect state in the project, no telemetry.
ENVIRONMENT = {
    "PREFECT_HOME": str(ROOT / ".prefect"),
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "GX_ANALYTICS_ENABLED": "false",
    "HF_HUB_DISABLE_TELEMETRY": "1",
}
# The fallback runner: the flow the CLI runs, its summary printed as the last stdout line.
PYTHON_RUNNER = """
import json, os, sys
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")
from flows.pipeline import run_release
sources, output, extra = json.loads(sys.argv[1])
summary = run_release(sources, output, None, **extra)
print(json.dumps(summary, default=str))
"""


def run_child(argv: list[str], cwd: Path, extra_env: dict[str, str] | None = None) -> dict:
    """Run argv to the end; wall seconds, peak RSS (MB) of that child, exit code, output."""
    env = {**os.environ, **(extra_env or {})}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)  # the rusage of this one child
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    return {
        "wall_s": wall,
        "peak_rss_mb": usage.ru_maxrss / 1024,  # Linux: kilobytes
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "returncode": child.returncode,
        "stdout": stdout,
        "stderr": stderr,
    }


def last_run_timings(output: Path) -> dict | None:
    runs = output / "runs.jsonl"
    if not runs.exists():
        return None
    lines = [line for line in runs.read_text(encoding="utf-8").splitlines() if line.strip()]
    timings = json.loads(lines[-1]).get("timings") if lines else None
    return timings or None


def run_pipeline(runner: str, sources: list[Path], output: Path, pipeline_args: list[str], api_url: str | None = None) -> dict:
    """One run of the pipeline in a child process -> measurements + stage timings. With
    api_url, the run uses that Prefect server instead of starting its own."""
    if runner == "cli":
        argv = [str(BIN / "trending-papers"), "run", *map(str, sources), "--output", str(output), *pipeline_args]
    else:
        payload = json.dumps([[str(s) for s in sources], str(output), {}])
        argv = [str(BIN / "python"), "-c", PYTHON_RUNNER, payload]
    result = run_child(argv, ROOT, {"PREFECT_API_URL": api_url} if api_url else None)
    if result["returncode"] != 0:
        raise SystemExit(f"pipeline run failed ({' '.join(argv[:3])} ...):\n{result['stderr'][-3000:]}{result['stdout'][-2000:]}")
    if runner == "cli":
        result["timings"] = last_run_timings(output) or {}
    else:
        result["timings"] = json.loads(result["stdout"].strip().splitlines()[-1]).get("timings", {})
    del result["stdout"], result["stderr"]
    return result


def probe(requested: str, workdir: Path, pipeline_args: list[str]) -> tuple[str, float]:
    """Run the CLI on the bundled sample (88 papers) -> (runner, start-up seconds).

    runner: `cli` when the CLI records stage timings in runs.jsonl, else `python` (see the
    module doc). Start-up: that run's wall time less its stages, i.e. Python, Prefect and
    flow overhead, the fixed cost of every run. The probe also warms Prefect's database.
    """
    output = workdir / "probe"
    result = run_pipeline("cli", [generate.SAMPLE], output, pipeline_args)
    shutil.rmtree(output, ignore_errors=True)
    found = result["timings"]
    runner = requested if requested != "auto" else ("cli" if "normalize" in found else "python")
    return runner, result["wall_s"] - sum(found.get(stage, 0.0) for stage in STAGES)


@contextlib.contextmanager
def running_prefect_server(wanted: bool) -> Iterator[str | None]:
    """The URL of a `prefect server start` kept running for the block (None if not wanted)."""
    if not wanted:
        yield None
        return
    sys.path.insert(0, str(ROOT))
    from flows.prefect_api import FULL_SERVER, LocalPrefectServer  # imports no prefect

    server = LocalPrefectServer(FULL_SERVER)
    try:
        server.startup_timeout = 120
        server.wait_until_ready()
        yield server.url
    finally:
        server.stop()


def linked_copy(release: Path, target: Path) -> Path:
    """A copy of a release folder whose files are hard links (a run replaces files, never
    writes into them), except runs.jsonl, which runs append to."""
    shutil.copytree(release, target, symlinks=True, copy_function=os.link)
    runs = target / "runs.jsonl"
    if runs.exists():
        runs.unlink()
        shutil.copyfile(release / "runs.jsonl", runs)
    return target


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def summarize(label: str, runs: list[dict], mb: float, papers: int, startup: float) -> dict:
    timings = {stage: median([r["timings"].get(stage, 0.0) for r in runs]) for stage in STAGES}
    total = median([r["wall_s"] for r in runs])
    norm_claims = median([r["timings"].get("normalize", 0.0) + r["timings"].get("claims", 0.0) for r in runs])
    staging_wall = median([r["timings"].get("staging_wall", 0.0) for r in runs])
    return {
        "label": label,
        "input_mb": round(mb, 1),
        "papers": papers,
        "repeats": len(runs),
        "stages_s": {stage: round(seconds, 2) for stage, seconds in timings.items()},
        "total_s": round(total, 2),
        "startup_s": round(startup, 2),  # of the probe run: Python/Prefect start-up, flow overhead
        "mb_per_s": round(mb / total, 1),
        "papers_per_s": round(papers / total),
        "norm_claims_mb_per_s": round(mb / norm_claims, 1) if norm_claims else None,  # per thread-second
        "staging_wall_s": round(staging_wall, 2),
        # ingest + normalize + claims by the clock, shards in parallel: what the machine achieves
        "staging_mb_per_s": round(mb / staging_wall, 1) if staging_wall else None,
        "peak_rss_mb": round(median([r["peak_rss_mb"] for r in runs])),
        "cpu_s": round(median([r["cpu_s"] for r in runs]), 1),
        "runs": [{k: (round(v, 3) if isinstance(v, float) else v) for k, v in r.items()} for r in runs],
    }


def print_table(rows: list[dict], runner: str) -> None:
    header = ["corpus", "MB", "papers", *STAGES, "total", "CPU s", "start-up", "MB/s", "papers/s", "n+c MB/s", "staging MB/s", "peak RSS MB"]
    lines = [header]
    for row in rows:
        lines.append(
            [row["label"], f"{row['input_mb']:.1f}", f"{row['papers']:,}", *(f"{row['stages_s'][s]:.2f}" for s in STAGES)]
            + [f"{row['total_s']:.2f}", f"{row['cpu_s']:.1f}", f"{row['startup_s']:.2f}", f"{row['mb_per_s']:.1f}", f"{row['papers_per_s']:,}"]
            + [f"{row['norm_claims_mb_per_s'] or 0:.1f}", f"{row['staging_mb_per_s'] or 0:.1f}", f"{row['peak_rss_mb']:,}"]
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for number, line in enumerate(lines):
        print("  ".join(cell.rjust(width) if i else cell.ljust(width) for i, (cell, width) in enumerate(zip(line, widths))))
        if number == 0:
            print("  ".join("-" * width for width in widths))
    print(
        f"(seconds, medians of the repeats; stage timings via {runner}; normalize and claims are summed over "
        "shards that run in parallel, so n+c MB/s is per thread; staging MB/s is ingest + normalize + claims "
        "by the clock; CPU s = user + system seconds of the run's process tree, steadier than the clock on a shared "
        "machine; start-up = wall less stages of a run on the 88-paper sample)"
    )


def check_targets(rows: list[dict]) -> list[str]:
    """The targets of issue 6, where the sizes that decide them were run."""
    by_papers = {row["papers"]: row for row in rows if not row["label"].startswith("daily")}
    notes = []
    if 1_000_000 in by_papers:
        big = by_papers[1_000_000]
        notes.append(f"1M end to end {big['total_s']:.1f}s (target <= 60): {'ok' if big['total_s'] <= 60 else 'MISSED'}")
        notes.append(f"1M peak RSS {big['peak_rss_mb'] / 1024:.2f} GB (target <= 6): {'ok' if big['peak_rss_mb'] <= 6144 else 'MISSED'}")
        if 100_000 in by_papers:
            small = by_papers[100_000]
            ratio = (big["total_s"] - big["startup_s"]) / max(small["total_s"] - small["startup_s"], 1e-9)
            notes.append(f"1M/100k cost without start-up {ratio:.2f}x (target <= 10.5): {'ok' if ratio <= 10.5 else 'MISSED'}")
    for row in rows:
        if row["staging_mb_per_s"] and not row["label"].startswith("daily"):
            rate = row["staging_mb_per_s"]  # by the clock, and with ingest in: the stricter reading
            notes.append(
                f"{row['label']} ingest+normalize+claims {rate:.1f} MB/s by the clock, {row['norm_claims_mb_per_s'] or 0:.1f} "
                f"MB/s per thread (target >= 60): {'ok' if rate >= 60 else 'MISSED'}"
            )
        if row["label"].startswith("daily"):
            notes.append(f"{row['label']} {row['total_s']:.1f}s (target <= 20): {'ok' if row['total_s'] <= 20 else 'MISSED'}")
    return notes


def _results_path(stem: str) -> Path:
    """bench/results/<stem>.json, or <stem>-2.json, -3, ...: a second run the same day keeps the first."""
    path, number = RESULTS / f"{stem}.json", 1
    while path.exists():
        number += 1
        path = RESULTS / f"{stem}-{number}.json"
    return path


def bench_size(size: int, args: argparse.Namespace, runner: str, pipeline_args: list[str], workdir: Path,
               startup: float, generated: list[Path], want_daily: bool, server_url: str | None) -> list[dict]:
    """The rows of one corpus size: its full runs, and the daily runs on top (cold, and
    against the running server)."""
    start = time.perf_counter()
    sources = generate.generate(size, args.seed, args.files)
    generated.append(sources[0].parent)
    mb = sum(path.stat().st_size for path in sources) / 1e6
    print(f"{size:,} papers: {mb:.1f} MB in {len(sources)} file(s) ({time.perf_counter() - start:.1f}s to generate)", flush=True)
    runs, daily_runs, served_daily_runs = [], [], []
    for repeat in range(args.repeats):
        output = workdir / f"out-{size}-{repeat}"
        runs.append(run_pipeline(runner, sources, output, pipeline_args))
        print(f"  run {repeat + 1}: {runs[-1]['wall_s']:.1f}s, peak RSS {runs[-1]['peak_rss_mb']:.0f} MB, {runs[-1]['timings']}", flush=True)
        if want_daily:
            daily = generate.generate_daily(size, 100, args.seed, args.files)
            generated.append(daily.parent)
            twin = linked_copy(output, workdir / f"out-{size}-{repeat}-served")
            daily_runs.append(run_pipeline(runner, [daily], output, pipeline_args))
            print(f"  daily {repeat + 1}: {daily_runs[-1]['wall_s']:.1f}s, {daily_runs[-1]['timings']}", flush=True)
            served_daily_runs.append(run_pipeline(runner, [daily], twin, pipeline_args, server_url))
            print(f"  daily {repeat + 1}, running server: {served_daily_runs[-1]['wall_s']:.1f}s", flush=True)
            shutil.rmtree(twin, ignore_errors=True)
        shutil.rmtree(output, ignore_errors=True)
    rows = [summarize(f"{size:,}", runs, mb, size, startup)]
    if daily_runs:
        daily_mb = daily.stat().st_size / 1e6
        rows.append(summarize(f"daily +100 on {size:,}", daily_runs, daily_mb, 100, startup))
        rows.append(summarize(f"daily +100 on {size:,}, running server", served_daily_runs, daily_mb, 100, startup))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000", help="papers per corpus, comma separated")
    parser.add_argument("--repeats", type=int, default=3, help="runs per size; the table shows medians")
    parser.add_argument("--files", type=int, default=1, help="daily snapshot files per corpus")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep-data", action="store_true", help="keep bench/data/ corpora for the next run")
    parser.add_argument("--daily", default="largest", help="sizes to time a 100-paper daily run after: largest, all, none")
    parser.add_argument("--runner", choices=["auto", "cli", "python"], default="auto", help="how stage timings are read")
    parser.add_argument("--pipeline-args", default="", help="extra arguments for `trending-papers run`")
    args = parser.parse_args()
    for name, value in ENVIRONMENT.items():  # for every child: the runs and the Prefect server
        os.environ.setdefault(name, value)
    sizes = [int(size) for size in args.sizes.split(",")]
    pipeline_args = args.pipeline_args.split()
    RESULTS.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="trending-bench-"))
    runner, startup = probe(args.runner, workdir, pipeline_args)
    if runner == "python" and pipeline_args:
        raise SystemExit("--pipeline-args need the cli runner (the CLI does not write runs.jsonl yet)")
    print(f"runner: {runner}; start-up {startup:.1f}s; work folder {workdir}", flush=True)
    rows, generated = [], []
    want_daily = lambda size: args.daily == "all" or (args.daily == "largest" and size == max(sizes))  # noqa: E731
    try:
        with running_prefect_server(any(map(want_daily, sizes))) as server_url:
            for size in sizes:
                rows.extend(bench_size(size, args, runner, pipeline_args, workdir, startup, generated, want_daily(size), server_url))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if not args.keep_data:
            for folder in generated:
                shutil.rmtree(folder, ignore_errors=True)
    print()
    print_table(rows, runner)
    notes = check_targets(rows)
    for note in notes:
        print(note)
    result = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "git": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip(),
        "args": vars(args),
        "runner": runner,
        "startup_s": round(startup, 2),
        "rows": rows,
        "targets": notes,
    }
    path = _results_path(f"{dt.date.today():%Y-%m-%d}-{'-'.join(str(s) for s in sizes)}")
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
