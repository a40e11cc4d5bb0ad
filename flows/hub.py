"""The Hugging Face dataset repository of a release: write it, and publish it.

`write_hf_repo` lays out output/hf/ (dataset card + one Parquet file per config);
`push_release` uploads that folder as one commit and tags it with the release date,
only when the release's manifest says validation passed.
"""

from __future__ import annotations

import json
import os
import pathlib
import shutil

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import yaml

from expectations.rules import ROW_RULES
from transforms.schema import TABLES

CONFIGS = ("papers", "claims", "appearances", "quarantine")  # papers first: the default config
DATA_FILE = "train-00000-of-00001.parquet"
LICENSE = "cc0-1.0"
PRETTY_NAME = "Trending Papers"
# Search over abstracts; title <-> abstract pairs (title generation); claim spans with
# character offsets (span extraction).
TASK_CATEGORIES = ["text-retrieval", "summarization", "token-classification"]
TAGS = ["scientific-papers", "machine-learning", "arxiv", "abstracts", "numeric-claims", "trending"]


class PublishRefused(RuntimeError):
    """The release may not be published (no manifest, or validation did not pass)."""


# ---------------------------------------------------------------- types


def arrow_type(dtype: pl.DataType) -> pa.DataType:
    """The contract's Arrow type of a Polars dtype (string, not Polars' large_string)."""
    simple = {pl.String: pa.string(), pl.Int32: pa.int32(), pl.Float64: pa.float64(), pl.Date: pa.date32()}
    if isinstance(dtype, pl.List):
        return pa.list_(arrow_type(dtype.inner))
    if isinstance(dtype, pl.Struct):
        return pa.struct([pa.field(f.name, arrow_type(f.dtype)) for f in dtype.fields])
    for polars_type, arrow in simple.items():
        if dtype == polars_type:
            return arrow
    raise TypeError(f"no contract Arrow type for {dtype}")


def arrow_schema(config: str) -> pa.Schema:
    return pa.schema([pa.field(name, arrow_type(dtype)) for name, dtype in TABLES[config].items()])


def type_label(dtype: pa.DataType) -> str:
    """`list<struct<url: string, ...>>` rather than pyarrow's `list<item: struct<...>>`."""
    label = str(dtype).replace("item: ", "").replace("date32[day]", "date32")
    return label.replace("double", "float64")


# ---------------------------------------------------------------- the repo folder


def write_hf_repo(tables: dict[str, pathlib.Path], hf_dir: pathlib.Path, release: dict) -> None:
    """tables: config name -> path of its published Parquet file (papers, claims, appearances, quarantine).
    Writes hf_dir/README.md (dataset card) and hf_dir/data/<config>/train-00000-of-00001.parquet (copies)."""
    hf_dir = pathlib.Path(hf_dir)
    shutil.rmtree(hf_dir / "data", ignore_errors=True)  # no file of an older layout survives
    rows = {}
    for config in CONFIGS:
        target = hf_dir / "data" / config / DATA_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        _link_or_copy(tables[config], target)
        rows[config] = pq.read_metadata(target).num_rows
    counts = release.get("counts", {})
    disagree = {c: (counts[c], rows[c]) for c in CONFIGS if c in counts and counts[c] != rows[c]}
    if disagree:
        raise ValueError(f"release counts disagree with the Parquet files (count, rows): {disagree}")
    card = "---\n" + yaml.safe_dump(card_metadata(hf_dir, rows), sort_keys=False, allow_unicode=True) + "---\n"
    (hf_dir / "README.md").write_text(card + card_text(release, rows), encoding="utf-8")


def _link_or_copy(source: pathlib.Path, target: pathlib.Path) -> None:
    """A hard link (published files are never rewritten in place), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _uncompressed_size(path: pathlib.Path) -> int:
    """The table's uncompressed size from the Parquet footer: about what `datasets`
    holds in memory, without reading the data."""
    metadata = pq.read_metadata(path)
    return sum(metadata.row_group(i).total_byte_size for i in range(metadata.num_row_groups))


def card_metadata(hf_dir: pathlib.Path, rows: dict[str, int]) -> dict:
    """The card's YAML: configs (papers default), dataset_info with contract features."""
    from datasets import DatasetInfo, Features, SplitDict, SplitInfo
    from datasets.info import DatasetInfosDict

    infos = DatasetInfosDict()
    for config in CONFIGS:
        path = hf_dir / "data" / config / DATA_FILE
        features = Features.from_arrow_schema(arrow_schema(config))
        in_memory = _uncompressed_size(path)
        splits = SplitDict()
        splits.add(SplitInfo(name="train", num_bytes=in_memory, num_examples=rows[config]))
        infos[config] = DatasetInfo(
            features=features, splits=splits, download_size=path.stat().st_size, dataset_size=in_memory
        )
    metadata = {
        "license": LICENSE,
        "pretty_name": PRETTY_NAME,
        "language": ["en"],
        "task_categories": TASK_CATEGORIES,
        "tags": TAGS,
        "size_categories": [size_category(rows["papers"])],
        "configs": [
            {
                "config_name": config,
                "data_files": [{"split": "train", "path": f"data/{config}/*.parquet"}],
                **({"default": True} if config == "papers" else {}),
            }
            for config in CONFIGS
        ],
    }
    infos.to_dataset_card_data(metadata)  # datasets' own serialization of features/splits
    return metadata


def size_category(n: int) -> str:
    bounds = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")]
    return next((label for bound, label in bounds if n < bound), "1M<n<10M")


COLUMN_MEANINGS = {
    "papers": {
        "paper_id": "stable id: `tp-` + first 16 hex digits of sha256(title_key)",
        "title": "cleaned title",
        "title_key": "matching key: NFKC, casefolded, non-alphanumerics collapsed to one space",
        "abstract": "cleaned abstract",
        "urls": "every URL of the abstract, repaired and canonical, in order of first appearance",
        "code_url": "the first URL of kind `code` (nullable)",
        "claims": "the numeric claims of the abstract, in text order (fields as in the `claims` config)",
        "first_seen": "date of the earliest snapshot that lists the paper",
        "last_seen": "date of the latest snapshot that lists the paper",
        "days_listed": "number of distinct snapshot dates that list the paper",
        "best_rank": "best (smallest) trending rank reached",
        "flags": "the repairs applied to this row, sorted",
        "title_raw": "the title line exactly as read (latest snapshot)",
        "abstract_raw": "the abstract line exactly as read (latest snapshot)",
        "source_file": "file name of the latest snapshot that lists the paper",
        "source_line": "1-based line of the title in that file",
        "arxiv_id": "arXiv identifier (link: `https://arxiv.org/abs/<arxiv_id>`, Hub page: `https://huggingface.co/papers/<arxiv_id>`), from a fetched snapshot's sidecar; null if only ever scraped",
        "authors": "author names, from the latest snapshot with a sidecar that lists the paper (nullable)",
        "published_at": "arXiv publication date, from the sidecar (nullable)",
        "upvotes": "Hub upvotes in the latest snapshot with a sidecar (nullable)",
        "github_stars": "stars of its code repository in the latest snapshot with a sidecar (nullable)",
    },
    "claims": {
        "paper_id": "the paper",
        "claim_index": "0-based position among the paper's claims",
        "text": "the exact span in the cleaned abstract",
        "value": "the number, normalized (`14M` → 14000000, `75.15%` → 75.15)",
        "unit": "normalized unit (`%`, `×`, `USD`, `s`, a counted noun, or a metric name)",
        "kind": "percent, multiplier, score, count, money, duration or rate",
        "metric": "what was measured, when the text names it (nullable)",
        "dataset": "the benchmark, when the text names it (nullable)",
        "start": "character offset of `text` in the abstract",
        "end": "character offset of the end of `text` (`abstract[start:end] == text`)",
    },
    "appearances": {
        "paper_id": "the paper",
        "snapshot_date": "date of the snapshot",
        "rank": "1-based position in that snapshot",
        "source_file": "snapshot file name",
        "source_line": "1-based line of the title in that file",
        "upvotes": "Hub upvotes that day, from the snapshot's sidecar (nullable: scraped snapshots have none)",
    },
    "quarantine": {
        "source_file": "snapshot file name",
        "source_line": "1-based line of the entry's title (or abstract) in that file",
        "title_raw": "the title line as read",
        "abstract_raw": "the abstract line as read",
        "reasons": "every rule the entry broke, as `rule_name: detail`",
    },
}


def card_text(release: dict, rows: dict[str, int]) -> str:
    """The human part of the card. Only release facts, no clock: same input, same bytes."""
    date = release["release_date"]
    repo_id = release.get("repo_id", "<owner>/trending-papers")
    sections = [
        f"# {PRETTY_NAME}\n\n"
        "The machine-learning papers listed on the Hugging Face \"Trending Papers\" page, one row per "
        "paper, with cleaned titles and abstracts, canonical URLs, the numeric claims of each abstract "
        "(with character offsets), and the history of when and how high each paper trended.\n\n"
        f"This is the release of **{date}** (pipeline version `{release.get('pipeline_version', 'unknown')}`). "
        f"Every release is a commit tagged with its date: `revision=\"{date}\"`.",
        "## Configs\n\n" + "\n\n".join(_config_section(config, rows[config]) for config in CONFIGS),
        _loading_section(repo_id, date),
        _building_section(release),
        _limitations_section(rows),
    ]
    return "\n\n".join(sections) + "\n"


def _config_section(config: str, n: int) -> str:
    rows = "row" if n == 1 else "rows"
    lines = [f"### `{config}`{' (default)' if config == 'papers' else ''} — {n:,} {rows}", "",
             "| column | type | meaning |", "|---|---|---|"]
    for field in arrow_schema(config):
        lines.append(f"| `{field.name}` | `{type_label(field.type)}` | {COLUMN_MEANINGS[config][field.name]} |")
    return "\n".join(lines)


def _loading_section(repo_id: str, date: str) -> str:
    return f"""## Loading

```python
from datasets import load_dataset
papers = load_dataset("{repo_id}", split="train")                          # default config
claims = load_dataset("{repo_id}", "claims", split="train", revision="{date}")  # a fixed release
```

```python
import polars as pl
papers = pl.read_parquet("hf://datasets/{repo_id}/data/papers/*.parquet")
```

```python
import pandas as pd
papers = pd.read_parquet("hf://datasets/{repo_id}/data/papers/{DATA_FILE}")
```

```sql
-- duckdb
SELECT title, best_rank FROM 'hf://datasets/{repo_id}/data/papers/*.parquet' ORDER BY best_rank;
```"""


def _building_section(release: dict) -> str:
    snapshots = sorted(release.get("snapshots", []), key=lambda s: (str(s.get("snapshot_date")), str(s.get("file"))))
    listing = "\n".join(
        f"| {s.get('snapshot_date')} | `{s.get('file')}` | `{s.get('sha256')}` |" for s in snapshots
    )
    rules = "\n".join(f"- `{rule.name}`: {rule.description}" for rule in ROW_RULES)
    return f"""## How it is built

Each snapshot is the text of the "Trending Papers" page scraped on one day. The pipeline splits it
into entries (a title line, then an abstract line; the position is the trending rank), strips page
boilerplate, repairs what the scrape broke (mojibake, HTML entities, LaTeX leftovers such as `\\%`
or `64times64`, URLs broken by a space), extracts and classifies URLs and numeric claims, and merges
all snapshots by title key into `papers` and `appearances`. Entries that break a row rule go to
`quarantine` with their reasons; Great Expectations suites check every table (unique `paper_id`,
every claim and appearance has its paper, types as documented) before anything is published.
Same snapshots, same bytes.

Row rules (a `quarantine` reason is `rule_name: detail`; `segment_issue` reasons are the
segmenter's own, e.g. `missing_abstract: ...`):

{rules}

Snapshots in this release ({len(snapshots)}):

| date | file | sha256 |
|---|---|---|
{listing}"""


def _limitations_section(rows: dict[str, int]) -> str:
    empty = [config for config in CONFIGS if rows[config] == 0]
    notes = [
        "- Titles and abstracts come from a web page, not from the papers: truncations or errors of "
        "that page stay.",
        "- Numeric claims are found by rules, not by a model: some claims are missed and a few "
        "numbers that are not claims may be listed.",
        "- A paper is identified by its normalized title: a retitled paper gets a new `paper_id`.",
        "- A rank is a position in one scrape of a listing that changes during the day.",
    ]
    if empty:
        names = ", ".join(f"`{config}`" for config in empty)
        notes.append(
            f"- {names} is empty in this release. `datasets.load_dataset` cannot load an empty split "
            "(it raises 'corresponds to no data'); Parquet readers (polars, pandas, duckdb) read it fine."
        )
    return "## Limitations\n\n" + "\n".join(notes)


# ---------------------------------------------------------------- publishing


def read_manifest(output_dir: pathlib.Path) -> dict:
    path = pathlib.Path(output_dir) / "manifest.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PublishRefused(f"not publishing: {path} is missing") from None
    except (OSError, ValueError) as error:
        raise PublishRefused(f"not publishing: {path} cannot be read ({error})") from None
    validation = manifest.get("validation") if isinstance(manifest, dict) else None
    if not isinstance(validation, dict) or validation.get("success") is not True:
        raise PublishRefused(f"not publishing: validation did not pass according to {path}")
    return manifest


def push_release(output_dir: pathlib.Path, repo_id: str, token: str | None = None, *, tag: str | None = None) -> str:
    """Upload output_dir/'hf' as ONE commit to the dataset repo (created if missing), then tag
    that commit with the release date (manifest "release_date") unless `tag` is given.
    Token: argument, else HF_TOKEN, else the huggingface_hub login. Returns the commit URL."""
    output_dir = pathlib.Path(output_dir)
    manifest = read_manifest(output_dir)
    tag = tag or manifest.get("release_date")
    folder = output_dir / "hf"
    if not tag:
        raise PublishRefused(f"not publishing: no release_date in {output_dir / 'manifest.json'} and no tag given")
    if not (folder / "README.md").is_file():
        raise PublishRefused(f"not publishing: {folder} holds no dataset card (README.md)")

    from huggingface_hub import HfApi  # reads HF_ENDPOINT at import time

    api = HfApi(token=token or os.environ.get("HF_TOKEN") or None)  # None: the saved login
    api.create_repo(repo_id, repo_type="dataset", exist_ok=True)
    commit = api.upload_folder(
        repo_id=repo_id,
        repo_type="dataset",
        folder_path=folder,
        commit_message=f"Release {tag}",
        commit_description=f"trending-papers release {tag} (pipeline {manifest.get('pipeline_version', 'unknown')})",
    )
    _tag_commit(api, repo_id, tag, commit.oid)
    return commit.commit_url


def _tag_commit(api, repo_id: str, tag: str, revision: str) -> None:
    """Point `tag` at `revision`; a re-published release date moves its tag to the new commit."""
    from huggingface_hub.errors import HfHubHTTPError

    try:
        api.create_tag(repo_id, repo_type="dataset", tag=tag, revision=revision, tag_message=f"Release {tag}")
    except HfHubHTTPError as error:
        if error.response is None or error.response.status_code != 409:
            raise
        api.delete_tag(repo_id, repo_type="dataset", tag=tag)
        api.create_tag(repo_id, repo_type="dataset", tag=tag, revision=revision, tag_message=f"Release {tag}")
