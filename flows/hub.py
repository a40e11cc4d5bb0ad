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
from dataclasses import dataclass

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from expectations.rules import ROW_RULES
from transforms.schema import TABLES

CONFIGS = ("papers", "claims", "appearances", "quarantine")  # papers first: the default config
DATA_FILE = "train-00000-of-00001.parquet"
LICENSE = "cc0-1.0"  # the data; the pipeline's code is Apache-2.0 (LICENSE in its repository)
CODE_LICENSE = "Apache-2.0"
PRETTY_NAME = "Trending Papers"
TAG_SUFFIX = "."  # a second release of one date is tagged <date>.1, then <date>.2, ...
# Search over abstracts; title <-> abstract pairs (title generation); claim spans with
# character offsets (span extraction).
TASK_CATEGORIES = ["text-retrieval", "summarization", "token-classification"]
TAGS = ["scientific-papers", "machine-learning", "arxiv", "abstracts", "numeric-claims", "trending"]
# How far a claim can be trusted, as `make eval` measures it on the check part of the corpus gold
# (200 real abstracts, annotated by annotators who never saw the extractor, no rule tuned on
# them), to two decimals, each figure with its 95 % interval (abstracts resampled): the card says
# it so that a user filtering by metric or dataset knows what share of the rows is right.
# tests/bench/test_eval.py keeps these equal to the figures the extractor gets today.
# name -> (figure, low, high)
CLAIMS_ACCURACY = {
    "precision": (0.94, 0.90, 0.97), "recall": (0.97, 0.95, 0.99), "unit_accuracy": (0.88, 0.83, 0.93),
    "metric_accuracy": (0.73, 0.67, 0.79), "dataset_accuracy": (0.77, 0.68, 0.84),
    # what a filter on the field returns right, and finds of what it looks for
    "metric_precision": (0.70, 0.61, 0.79), "metric_recall": (0.56, 0.48, 0.64),
    "dataset_precision": (0.68, 0.53, 0.81), "dataset_recall": (0.56, 0.42, 0.69),
}

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
    dataset_card(hf_dir, release, rows).save(hf_dir / "README.md")


def dataset_card(hf_dir: pathlib.Path, release: dict, rows: dict[str, int]):
    """The dataset card (huggingface_hub's DatasetCard): YAML metadata + the text."""
    from huggingface_hub import DatasetCard

    return DatasetCard.from_template(
        card_metadata(hf_dir, rows), template_str="---\n{{ card_data }}\n---\n\n{{ text }}", text=card_text(release, rows)
    )


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


def loadable_configs(rows: dict[str, int]) -> list[str]:
    """The configs the card declares: the non-empty ones (`datasets` cannot load a config
    with no rows; an empty table's file is still in data/, and the card says so)."""
    return [config for config in CONFIGS if rows[config] > 0]


def card_metadata(hf_dir: pathlib.Path, rows: dict[str, int]):
    """The card's YAML as huggingface_hub's DatasetCardData: license, configs (papers
    default), dataset_info with the contract's features (datasets' own serialization)."""
    from datasets import DatasetInfo, Features, SplitDict, SplitInfo
    from datasets.info import DatasetInfosDict
    from huggingface_hub import DatasetCardData

    configs = loadable_configs(rows)
    infos = DatasetInfosDict()
    for config in configs:
        path = hf_dir / "data" / config / DATA_FILE
        features = Features.from_arrow_schema(arrow_schema(config))
        in_memory = _uncompressed_size(path)
        splits = SplitDict()
        splits.add(SplitInfo(name="train", num_bytes=in_memory, num_examples=rows[config]))
        infos[config] = DatasetInfo(
            features=features, splits=splits, download_size=path.stat().st_size, dataset_size=in_memory
        )
    metadata = DatasetCardData(
        license=LICENSE,
        pretty_name=PRETTY_NAME,
        language=["en"],
        annotations_creators=["machine-generated"],
        language_creators=["found"],
        multilinguality=["monolingual"],
        source_datasets=["original"],
        task_categories=TASK_CATEGORIES,
        tags=TAGS,
        size_categories=[size_category(rows["papers"])],
        configs=[
            {
                "config_name": config,
                "data_files": [{"split": "train", "path": f"data/{config}/*.parquet"}],
                **({"default": True} if config == "papers" else {}),
            }
            for config in configs
        ],
    )
    infos.to_dataset_card_data(metadata)
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
        + _release_facts(release, rows),
        _changes_section(release.get("changes")),
        "## Configs\n\n" + "\n\n".join(_config_section(config, rows[config]) for config in CONFIGS),
        _loading_section(repo_id, date),
        _license_section(),
        _building_section(release),
        _claims_accuracy_section(),
        _limitations_section(rows),
        _citation_section(repo_id),
    ]
    return "\n\n".join(section for section in sections if section) + "\n"


def _release_facts(release: dict, rows: dict[str, int]) -> str:
    validation = release.get("validation") or {}
    facts = [
        ("release date", f"**{release['release_date']}**"),
        ("release id", f"`{release.get('release_id', 'unknown')}`"),
        ("pipeline version", f"`{release.get('pipeline_version', 'unknown')}`"),
        ("snapshots", str(len(release.get("snapshots", [])))),
        ("rows", ", ".join(f"{config} {rows[config]:,}" for config in CONFIGS)),
    ]
    if validation:
        facts.append(("validation", f"{validation.get('summary', '')} ({validation.get('scope', 'all rows')})"))
    return "| this release | |\n|---|---|\n" + "\n".join(f"| {name} | {value} |" for name, value in facts)


def _cell(text: object) -> str:
    """A value as one markdown table cell (pipes escaped, on one line)."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def _changes_section(changes: dict | None) -> str:
    """What changed since the previous release (computed by flows.report, kept in the manifest)."""
    if not changes:
        return ""
    previous = changes.get("previous_release")
    if not previous:
        return "## What changed\n\nThe first release: every paper is new."
    lines = [
        "## What changed since the previous release",
        "",
        f"Compared with the release of {previous['release_date']} (`{previous['release_id']}`):",
        "",
        "| papers new | papers that dropped off the list | claims added |",
        "|---:|---:|---:|",
        f"| {changes['papers_new']:,} | {changes['papers_dropped']:,} | {changes['claims_added']:,} |",
    ]
    for title, key in [("New on the list", "new"), ("Biggest climbers", "climbers"),
                       ("Biggest fallers", "fallers"), ("Dropped off the list", "dropped")]:
        items = changes.get(key) or []
        if not items:
            continue
        lines += ["", f"**{title}**", "", "| rank | previous rank | title |", "|---:|---:|---|"]
        lines += [
            f"| {item.get('rank') or '–'} | {item.get('previous_rank') or '–'} | {_cell(item['title'])} |" for item in items
        ]
    return "\n".join(lines)


def _license_section() -> str:
    return f"""## License and provenance

- **Data: [CC0 1.0](https://creativecommons.org/publicdomain/zero/1.0/)** (`license: {LICENSE}`).
  Titles and abstracts are arXiv metadata as shown on the Hugging Face "Trending Papers" page
  (https://huggingface.co/papers/trending); arXiv distributes its metadata (titles, abstracts,
  authors) under CC0 1.0. Ranks, dates and everything derived (ids, URLs, claims, quarantine
  reasons) are made by this pipeline and released under CC0 as well. The papers themselves are not
  included: each keeps its own license on arXiv.
- **Code: {CODE_LICENSE}**: the pipeline that builds this dataset (the `LICENSE` file of its repository)."""


def _citation_section(repo_id: str) -> str:
    key = repo_id.replace("/", "_").replace("-", "_").replace("<", "").replace(">", "")
    return f"""## Citation

```bibtex
@misc{{{key},
  title        = {{{{{PRETTY_NAME}}}: the machine-learning papers trending on Hugging Face, cleaned and validated daily}},
  howpublished = {{\\url{{https://huggingface.co/datasets/{repo_id}}}}},
  note         = {{Data CC0 1.0 (arXiv metadata); pipeline code Apache-2.0. Cite the release tag you used.}}
}}
```"""


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

Every release is one commit, tagged once and never moved: the tag is the release date
(`{date}`); a second release of the same date gets `{date}.1`, then `{date}.2`, ...
Pass the tag as `revision` to load exactly that release, whatever came after it; list the
tags with `huggingface_hub.list_repo_refs("{repo_id}", repo_type="dataset").tags`.

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
    rules = "\n".join(
        f"- `{rule.name}`: {rule.description}" + ("" if rule.gx else " (checked in Polars only: GX has no such expectation)")
        for rule in ROW_RULES
    )
    return f"""## How it is built

Each snapshot is the text of the "Trending Papers" page scraped on one day. The pipeline splits it
into entries (a title line, then an abstract line; the position is the trending rank), strips page
boilerplate, repairs what the scrape broke (mojibake, HTML entities, LaTeX leftovers such as `\\%`
or `64times64`, URLs broken by a space), extracts and classifies URLs and numeric claims, and merges
all snapshots by title key into `papers` and `appearances`. Entries that break a row rule go to
`quarantine` with their reasons. Great Expectations judges the same row rules on the entries as
read (its Data Docs show the quarantined rows, value and line) and checks every table (unique
`paper_id`, columns as documented, ...) before anything is published; every run's validation is
kept in the release's `reports/data_docs/`. Same snapshots, same bytes.

Row rules (a `quarantine` reason is `rule_name: detail`; `segment_issue` reasons are the
segmenter's own, e.g. `missing_abstract: ...`):

{rules}

Snapshots in this release ({len(snapshots)}):

| date | file | sha256 |
|---|---|---|
{listing}"""


def _claims_accuracy_section() -> str:
    def figure(name: str) -> str:  # "0.94 (0.90-0.97)"
        return "{:.2f} ({:.2f}-{:.2f})".format(*CLAIMS_ACCURACY[name])

    a = {name: value for name, (value, _, _) in CLAIMS_ACCURACY.items()}
    return f"""## How far to trust the claims

Claims are found and typed by rules, not by a model, and measured on real text the rules were
not written against: 200 machine-learning abstracts from arXiv, drawn at random, annotated
number by number by annotators who never saw the extractor, and never used to tune a rule (the
pipeline's `make eval`, check part). In brackets, how far each figure may lie on other text of
the kind (its 95 % interval: 200 abstracts pin a figure down only so far):

| precision (found claims that are claims) | recall (claims of the text found) | `unit` right | `metric` right | `dataset` right |
|---|---|---|---|---|
| {figure('precision')} | {figure('recall')} | {figure('unit_accuracy')} | {figure('metric_accuracy')} | {figure('dataset_accuracy')} |

A field is right when it is what the annotator wrote, null included (`metric` and `dataset`
compared without case or hyphens). So `metric` is missing, another measure or worded otherwise on
{1 - a['metric_accuracy']:.0%} of the claims, `dataset` on {1 - a['dataset_accuracy']:.0%} and `unit` on {1 - a['unit_accuracy']:.0%}.

What that means for a filter on a field:

| field | of the claims that have it, named right | of the claims whose abstract names it, found |
|---|---|---|
| `metric` | {figure('metric_precision')} | {figure('metric_recall')} |
| `dataset` | {figure('dataset_precision')} | {figure('dataset_recall')} |

A filter on `metric` or `dataset` returns mostly the rows you look for (a wrong `metric` is
often the same measure in more or fewer words, `accuracy` for "classification accuracy"; a
wrong `dataset` mostly a data set the abstract names for other numbers), but finds only about
half of them: the others have the field null or worded otherwise, so search
`abstract` too when you need them all. Both keep the abstract's spelling, so one benchmark may
appear as `ImageNet-1K` and `ImageNet-1k`: fold case and hyphens before you filter or group, as
the figures above do (DuckDB: `lower(replace(dataset, '-', ' '))`). `value` and `kind` are the
reliable part. Before relying on a claim, read it in its place: `abstract[start:end]` is its text."""


def _limitations_section(rows: dict[str, int]) -> str:
    empty = [config for config in CONFIGS if rows[config] == 0]
    notes = [
        "- Titles and abstracts come from a web page, not from the papers: truncations or errors of "
        "that page stay.",
        "- Numeric claims are found by rules, not by a model: some claims are missed, a few "
        "numbers that are not claims are listed, and `metric`/`dataset` are often null or worded "
        "differently from the abstract (see \"How far to trust the claims\").",
        "- A paper is identified by its normalized title: a retitled paper gets a new `paper_id`.",
        "- A rank is a position in one scrape of a listing that changes during the day.",
    ]
    if empty:
        names = ", ".join(f"`{config}`" for config in empty)
        notes.append(
            f"- {names} has no rows in this release, so it is left out of the card's configs (`datasets` "
            f"cannot load a config with no data); its empty file is still in `data/` for Parquet readers "
            "(polars, pandas, duckdb). It comes back as a config in the first release where it has rows."
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


@dataclass(frozen=True)
class Pushed:
    commit_url: str
    tag: str

    def __str__(self) -> str:
        return f"{self.commit_url} (tag {self.tag})"


def push_release(output_dir: pathlib.Path, repo_id: str, token: str | None = None, *, tag: str | None = None) -> Pushed:
    """Upload output_dir/'hf' as ONE commit to the dataset repo (created if missing): files the
    release no longer has are deleted in that commit. Then tag the commit: with `tag` if given
    (refused if it exists), else with the release date, or <date>.1, <date>.2, ... when that
    date was published already. Tags are never moved or deleted.
    Token: argument, else HF_TOKEN, else the huggingface_hub login."""
    output_dir = pathlib.Path(output_dir)
    manifest = read_manifest(output_dir)
    release_date = manifest.get("release_date")
    folder = output_dir / "hf"
    if not (tag or release_date):
        raise PublishRefused(f"not publishing: no release_date in {output_dir / 'manifest.json'} and no tag given")
    if not (folder / "README.md").is_file():
        raise PublishRefused(f"not publishing: {folder} holds no dataset card (README.md)")

    from huggingface_hub import HfApi  # reads HF_ENDPOINT at import time

    api = HfApi(token=token or os.environ.get("HF_TOKEN") or None)  # None: the saved login
    api.create_repo(repo_id, repo_type="dataset", exist_ok=True)
    existing = {ref.name for ref in api.list_repo_refs(repo_id, repo_type="dataset").tags}
    if tag and tag in existing:
        raise PublishRefused(f"not publishing: tag {tag} exists on {repo_id}, and a release tag is never moved")
    tag = tag or next_release_tag(release_date, existing)
    commit = api.upload_folder(
        repo_id=repo_id,
        repo_type="dataset",
        folder_path=folder,
        delete_patterns=["*"],  # what the release no longer has goes (.gitattributes stays: huggingface_hub keeps it)
        commit_message=f"Release {tag}",
        commit_description=f"trending-papers release {tag} (pipeline {manifest.get('pipeline_version', 'unknown')})",
    )
    api.create_tag(repo_id, repo_type="dataset", tag=tag, revision=commit.oid, tag_message=f"Release {tag}")
    return Pushed(commit.commit_url, tag)


def next_release_tag(release_date: str, existing: set[str]) -> str:
    """The release date, or the date with the first free suffix: 2026-11-26, 2026-11-26.1, ..."""
    if release_date not in existing:
        return release_date
    n = 1
    while f"{release_date}{TAG_SUFFIX}{n}" in existing:
        n += 1
    return f"{release_date}{TAG_SUFFIX}{n}"
