"""The Hugging Face dataset repo: its card and files load offline with the contract's types,
and publishing makes one commit, tagged with the release date, only after validation passed.

The Hub is a local fake (fake_hub.py); huggingface_hub reads HF_ENDPOINT at import time, so
pushing and loading run in subprocesses with their own environment.
"""

import base64
import datetime as dt
import json
import os
import pathlib
import re
import subprocess
import sys

import polars as pl
import pyarrow as pa
import pytest
import yaml
from tests.flows.fake_hub import FakeHub

from flows.hub import CLAIMS_ACCURACY, CONFIGS, arrow_schema, write_hf_repo
from transforms.schema import TABLES

ROOT = pathlib.Path(__file__).resolve().parents[2]
TOKEN = "hf_test_secret"
REPO_ID = "owner/trending-papers"
RELEASE_DATE = "2026-11-26"
ABSTRACT = "We improve top-1 accuracy by 75.15% on ImageNet 64×64 and train 1.43× faster. Code: https://github.com/o/r."


def tables() -> dict[str, pl.DataFrame]:
    start = ABSTRACT.index("75.15%")
    claim = dict(claim_index=0, text="75.15%", value=75.15, unit="%", kind="percent",
                 metric="top-1 accuracy", dataset="ImageNet 64×64", start=start, end=start + 6)
    papers = pl.DataFrame(
        {
            "paper_id": ["tp-0000000000000001", "tp-0000000000000002"],
            "title": ["First Paper", "Second Paper"],
            "title_key": ["first paper", "second paper"],
            "abstract": [ABSTRACT, ABSTRACT],
            "urls": [[{"url": "https://github.com/o/r", "kind": "code", "host": "github.com", "repo": "o/r"}], []],
            "code_url": ["https://github.com/o/r", None],
            "claims": [[claim], []],
            "first_seen": [dt.date(2026, 11, 25), dt.date(2026, 11, 26)],
            "last_seen": [dt.date(2026, 11, 26)] * 2,
            "days_listed": [2, 1],
            "best_rank": [1, 2],
            "flags": [["latex_unescaped"], []],
            "title_raw": ["First Paper", "SubscribeSecond Paper"],
            "abstract_raw": [ABSTRACT, ABSTRACT],
            "source_file": ["2026-11-26.txt"] * 2,
            "source_line": [4, 6],
            "arxiv_id": ["2611.00001", None],
            "authors": [["Ada Lovelace"], None],
            "published_at": [dt.date(2026, 11, 20), None],
            "upvotes": [42, None],
            "github_stars": [7, None],
        },
        schema=TABLES["papers"],
    )
    claims = papers.select("paper_id", "claims").explode("claims").drop_nulls().unnest("claims")
    appearances = papers.select(
        "paper_id", snapshot_date="last_seen", rank="best_rank", source_file="source_file", source_line="source_line",
        upvotes="upvotes",
    )
    quarantine = pl.DataFrame(
        {"source_file": ["2026-11-26.txt"], "source_line": [8], "title_raw": ["Orphan title"],
         "abstract_raw": [None], "reasons": [["missing_abstract: title line has no abstract after it"]]}
    )
    frames = {"papers": papers, "claims": claims, "appearances": appearances, "quarantine": quarantine}
    return {name: frame.cast(TABLES[name]) for name, frame in frames.items()}


def release(frames) -> dict:
    return {
        "release_date": RELEASE_DATE,
        "pipeline_version": "0.1.0",
        "counts": {name: frame.height for name, frame in frames.items()},
        "snapshots": [{"file": "2026-11-26.txt", "sha256": "ab" * 32, "snapshot_date": RELEASE_DATE}],
    }


def make_output(output_dir: pathlib.Path, *, validation_success: bool | None = True) -> pathlib.Path:
    """A release folder as the flow leaves it: parquet/, hf/, manifest.json."""
    frames = tables()
    paths = {}
    for name, frame in frames.items():
        paths[name] = output_dir / "parquet" / f"{name}.parquet"
        paths[name].parent.mkdir(parents=True, exist_ok=True)
        frame.write_parquet(paths[name], compression="zstd", statistics=True)
    write_hf_repo(paths, output_dir / "hf", release(frames))
    manifest = {"release_date": RELEASE_DATE, "pipeline_version": "0.1.0"}
    if validation_success is not None:
        manifest["validation"] = {"success": validation_success}
        (output_dir / "manifest.json").write_text(json.dumps(manifest))
    return output_dir


def files_of(folder: pathlib.Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run_python(code: str, tmp_path: pathlib.Path, **env) -> subprocess.CompletedProcess:
    """Run code in a fresh interpreter with only the environment given (plus PATH, HOME)."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    base = {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "HF_HOME": str(home / "hf"),
            "PYTHONPATH": str(ROOT), "NO_PROXY": "127.0.0.1,localhost"}
    return subprocess.run([sys.executable, "-c", code], env={**base, **env}, cwd=ROOT,
                          capture_output=True, text=True, timeout=180)


LOAD = """
import base64, json, sys, datasets
out = {}
for config in sys.argv[1:] or %r:
    ds = datasets.load_dataset(%r, config, split="train")
    out[config] = {"rows": ds.num_rows, "schema": base64.b64encode(ds.data.schema.serialize().to_pybytes()).decode(),
                   "first_seen": str(ds.features.get("first_seen"))}
print(json.dumps(out))
"""


def load_offline(folder: pathlib.Path, tmp_path: pathlib.Path) -> dict:
    """datasets.load_dataset of every config, offline, in a subprocess -> rows and Arrow schema."""
    return load_offline_configs(folder, tmp_path, list(CONFIGS))


def load_offline_configs(folder: pathlib.Path, tmp_path: pathlib.Path, configs: list[str]) -> dict:
    cache = tmp_path / "datasets-cache"
    done = run_python(LOAD % (configs, str(folder)), tmp_path, HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1",
                      HF_DATASETS_CACHE=str(cache), HF_HUB_DISABLE_TELEMETRY="1")
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    for info in loaded.values():
        info["schema"] = pa.ipc.read_schema(pa.py_buffer(base64.b64decode(info["schema"]))).remove_metadata()
    return loaded


URL = pa.struct([("url", pa.string()), ("kind", pa.string()), ("host", pa.string()), ("repo", pa.string())])
CLAIM_FIELDS = [("claim_index", pa.int32()), ("text", pa.string()), ("value", pa.float64()), ("unit", pa.string()),
                ("kind", pa.string()), ("metric", pa.string()), ("dataset", pa.string()), ("start", pa.int32()),
                ("end", pa.int32())]
# Contract section 2, in Arrow terms, written out here rather than derived from the code under test.
CONTRACT = {
    "papers": pa.schema([
        ("paper_id", pa.string()), ("title", pa.string()), ("title_key", pa.string()), ("abstract", pa.string()),
        ("urls", pa.list_(URL)), ("code_url", pa.string()), ("claims", pa.list_(pa.struct(CLAIM_FIELDS))),
        ("first_seen", pa.date32()), ("last_seen", pa.date32()), ("days_listed", pa.int32()),
        ("best_rank", pa.int32()), ("flags", pa.list_(pa.string())), ("title_raw", pa.string()),
        ("abstract_raw", pa.string()), ("source_file", pa.string()), ("source_line", pa.int32()),
        ("arxiv_id", pa.string()), ("authors", pa.list_(pa.string())), ("published_at", pa.date32()),
        ("upvotes", pa.int32()), ("github_stars", pa.int32()),
    ]),
    "claims": pa.schema([("paper_id", pa.string()), *CLAIM_FIELDS]),
    "appearances": pa.schema([("paper_id", pa.string()), ("snapshot_date", pa.date32()), ("rank", pa.int32()),
                              ("source_file", pa.string()), ("source_line", pa.int32()), ("upvotes", pa.int32())]),
    "quarantine": pa.schema([("source_file", pa.string()), ("source_line", pa.int32()), ("title_raw", pa.string()),
                             ("abstract_raw", pa.string()), ("reasons", pa.list_(pa.string()))]),
}


def test_the_card_types_are_the_contract_types():
    for config in CONFIGS:
        assert arrow_schema(config).equals(CONTRACT[config]), config


def assert_loads_with_contract_types(folder, tmp_path):
    loaded = load_offline(folder, tmp_path)
    frames = tables()
    for config in CONFIGS:
        assert loaded[config]["rows"] == frames[config].height, config
        assert loaded[config]["schema"].equals(CONTRACT[config]), (config, loaded[config]["schema"])
    assert loaded["papers"]["first_seen"] == "Value('date32')"


# ---------------------------------------------------------------- the repo folder


def test_repo_layout_and_card_metadata(tmp_path):
    hf_dir = make_output(tmp_path)/"hf"
    assert sorted(files_of(hf_dir)) == ["README.md"] + [f"data/{c}/train-00000-of-00001.parquet" for c in sorted(CONFIGS)]
    for config in CONFIGS:
        assert (hf_dir / f"data/{config}/train-00000-of-00001.parquet").read_bytes() == (
            tmp_path / f"parquet/{config}.parquet").read_bytes()
    card = (hf_dir / "README.md").read_text()
    metadata = yaml.safe_load(card.split("---\n")[1])
    assert metadata["license"] == "cc0-1.0"
    assert [c["config_name"] for c in metadata["configs"]] == list(CONFIGS)
    assert [c.get("default", False) for c in metadata["configs"]] == [True, False, False, False]
    infos = {info["config_name"]: info for info in metadata["dataset_info"]}
    assert set(infos) == set(CONFIGS)
    assert infos["papers"]["splits"][0]["num_examples"] == 2
    assert {"name": "first_seen", "dtype": "date32"} in infos["papers"]["features"]
    claims_feature = next(f for f in infos["papers"]["features"] if f["name"] == "claims")
    assert claims_feature["list"][0] == {"name": "claim_index", "dtype": "int32"}
    assert f'revision="{RELEASE_DATE}"' in card and "| `urls` | `list<struct<url: string" in card
    assert f'revision="{RELEASE_DATE}.1"' not in card and f"`{RELEASE_DATE}.1`" in card  # how a second release is tagged


def test_the_card_states_license_provenance_and_citation(tmp_path):
    from huggingface_hub import DatasetCard

    card = DatasetCard.load(make_output(tmp_path) / "hf" / "README.md")  # the Hub's own parser
    assert card.data.license == "cc0-1.0"
    text = card.text
    assert "arXiv distributes its metadata" in text and "CC0 1.0" in text  # where the text comes from
    assert "Code: Apache-2.0" in text
    assert "```bibtex\n@misc{" in text
    assert (ROOT / "LICENSE").read_text().lstrip().startswith("Apache License")
    assert "| release date | **2026-11-26** |" in text


def test_the_card_says_how_far_to_trust_the_claims(tmp_path):
    text = (make_output(tmp_path) / "hf" / "README.md").read_text()
    section = text.split("## How far to trust the claims\n", 1)[1].split("\n## ", 1)[0]
    a = {name: value for name, (value, _, _) in CLAIMS_ACCURACY.items()}

    def figure(name):  # each with its 95 % interval
        value, low, high = CLAIMS_ACCURACY[name]
        return f"{value:.2f} ({low:.2f}-{high:.2f})"

    figures = " | ".join(figure(name) for name in ("precision", "recall", "unit_accuracy", "metric_accuracy", "dataset_accuracy"))
    assert f"| {figures} |" in section and f"otherwise on\n{1 - a['metric_accuracy']:.0%} of the claims, `dataset` on {1 - a['dataset_accuracy']:.0%}" in section
    assert re.search(r"\| 0\.\d\d \(0\.\d\d-[01]\.\d\d\) \|", section)  # as a reader sees it: "| 0.94 (0.90-0.97) |"
    # what a filter on metric or dataset returns right and finds
    assert f"| `metric` | {figure('metric_precision')} | {figure('metric_recall')} |" in section
    assert f"| `dataset` | {figure('dataset_precision')} | {figure('dataset_recall')} |" in section
    assert "(see \"How far to trust the claims\")" in text.split("## Limitations", 1)[1]  # the limitation points there


def test_an_empty_config_is_left_out_and_the_card_says_so(tmp_path):
    frames = tables()
    frames["quarantine"] = frames["quarantine"].clear()
    paths = {}
    for name, frame in frames.items():
        paths[name] = tmp_path / "parquet" / f"{name}.parquet"
        paths[name].parent.mkdir(parents=True, exist_ok=True)
        frame.write_parquet(paths[name])
    write_hf_repo(paths, tmp_path / "hf", release(frames))
    card = (tmp_path / "hf" / "README.md").read_text()
    metadata = yaml.safe_load(card.split("---\n")[1])
    assert [c["config_name"] for c in metadata["configs"]] == ["papers", "claims", "appearances"]
    assert "quarantine" not in {info["config_name"] for info in metadata["dataset_info"]}
    assert "`quarantine` has no rows in this release, so it is left out of the card's configs" in card
    assert (tmp_path / "hf" / "data" / "quarantine" / "train-00000-of-00001.parquet").is_file()
    loaded = load_offline_configs(tmp_path / "hf", tmp_path, ["papers", "claims", "appearances"])
    assert {config: info["rows"] for config, info in loaded.items()} == {"papers": 2, "claims": 1, "appearances": 2}


def test_repo_is_deterministic(tmp_path):
    first = files_of(make_output(tmp_path / "a") / "hf")
    second = files_of(make_output(tmp_path / "b") / "hf")
    assert first == second


def test_counts_that_disagree_with_the_files_are_refused(tmp_path):
    frames = tables()
    paths = {}
    for name, frame in frames.items():
        paths[name] = tmp_path / f"{name}.parquet"
        frame.write_parquet(paths[name])
    wrong = release(frames)
    wrong["counts"]["papers"] = 3
    with pytest.raises(ValueError, match="papers"):
        write_hf_repo(paths, tmp_path / "hf", wrong)


def test_every_config_loads_offline_with_the_contract_types(tmp_path):
    assert_loads_with_contract_types(make_output(tmp_path) / "hf", tmp_path)


# ---------------------------------------------------------------- publishing


PUSH = """
from flows.hub import push_release
print(push_release({output!r}, {repo!r}{token}))
"""


def push(output_dir, hub, tmp_path, token_argument=None, **env) -> subprocess.CompletedProcess:
    token = f", token={token_argument!r}" if token_argument else ""
    code = PUSH.format(output=str(output_dir), repo=REPO_ID, token=token)
    return run_python(code, tmp_path, HF_ENDPOINT=hub.endpoint, HF_HUB_DISABLE_XET="1",
                      HF_HUB_DISABLE_TELEMETRY="1", **{"HF_TOKEN": TOKEN, **env})


@pytest.mark.slow
def test_push_uploads_one_commit_and_tags_it_with_the_release_date(tmp_path):
    output_dir = make_output(tmp_path / "output")
    with FakeHub() as hub:
        done = push(output_dir, hub, tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert TOKEN not in done.stdout + done.stderr

    repo = f"/api/datasets/{REPO_ID}"
    (commit,) = hub.commits
    checks = [call for call in hub.calls() if call == "POST /api/validate-yaml"]  # the card's YAML, checked
    assert checks and [call for call in hub.calls() if call not in checks] == [
        "POST /api/repos/create",
        f"GET {repo}/refs",  # which release tags exist
        f"GET {repo}/tree/main",  # which files the commit must delete
        f"POST {repo}/preupload/main",
        f"POST {repo}/commit/main",
        f"POST {repo}/tag/{commit['oid']}",
    ]
    assert all(r.headers.get("authorization") == f"Bearer {TOKEN}" for r in hub.requests)
    assert hub.requests[0].json()["type"] == "dataset"
    assert commit["summary"] == f"Release {RELEASE_DATE}"
    assert hub.files == files_of(output_dir / "hf")
    assert hub.tags == {RELEASE_DATE: commit["oid"]}
    assert done.stdout.strip().splitlines()[-1] == (
        f"{hub.endpoint}/datasets/{REPO_ID}/commit/{commit['oid']} (tag {RELEASE_DATE})")

    uploaded = tmp_path / "uploaded"
    for path, content in hub.files.items():
        (uploaded / path).parent.mkdir(parents=True, exist_ok=True)
        (uploaded / path).write_bytes(content)
    assert_loads_with_contract_types(uploaded, tmp_path)


@pytest.mark.slow
def test_a_second_release_of_a_date_gets_its_own_tag_and_stale_files_go(tmp_path):
    output_dir = make_output(tmp_path / "output")
    stale = output_dir / "hf" / "data" / "papers" / "old-layout.parquet"
    stale.write_bytes(b"a file of an older layout")
    with FakeHub() as hub:
        first = push(output_dir, hub, tmp_path)
        assert "data/papers/old-layout.parquet" in hub.files
        stale.unlink()
        (output_dir / "hf" / "README.md").write_text((output_dir / "hf" / "README.md").read_text() + "\nFixed.\n")
        second = push(output_dir, hub, tmp_path, token_argument="hf_argument_secret")
        third = push(output_dir, hub, tmp_path)
    assert first.returncode == 0 and second.returncode == 0 and third.returncode == 0, second.stderr[-3000:]
    # every release keeps its tag; none was ever moved or deleted
    assert hub.tags == {RELEASE_DATE: hub.commits[0]["oid"], f"{RELEASE_DATE}.1": hub.commits[1]["oid"],
                        f"{RELEASE_DATE}.2": hub.commits[2]["oid"]}
    assert not [call for call in hub.calls() if call.startswith("DELETE")]
    assert second.stdout.strip().endswith(f"(tag {RELEASE_DATE}.1)")
    # the second commit deleted what the release no longer has: the Hub holds exactly hf/
    assert hub.commits[1]["deleted"] == ["data/papers/old-layout.parquet"]
    assert hub.files == files_of(output_dir / "hf")
    second_calls = [r for r in hub.requests if r.headers.get("authorization") == "Bearer hf_argument_secret"]
    assert second_calls and "hf_argument_secret" not in second.stdout + second.stderr


@pytest.mark.slow
@pytest.mark.parametrize("validation_success", [False, None])
def test_push_is_refused_unless_validation_passed(tmp_path, validation_success):
    output_dir = make_output(tmp_path / "output", validation_success=validation_success)
    with FakeHub() as hub:
        done = push(output_dir, hub, tmp_path)
    assert done.returncode != 0
    assert hub.requests == []
    last_line = done.stderr.strip().splitlines()[-1]
    assert last_line.startswith("flows.hub.PublishRefused: not publishing: ")
    assert ("validation did not pass" if validation_success is False else "manifest.json is missing") in last_line
    assert TOKEN not in done.stdout + done.stderr
