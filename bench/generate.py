"""Synthetic raw snapshots for the benchmark, grown from the bundled sample.

Every synthetic paper has a distinct title (words of two sample titles + a unique tag,
so title_key and paper_id are distinct) and an abstract made of sentences drawn from the
sample's abstracts, as many as a randomly chosen sample abstract has. Sentences are drawn
*raw* (not cleaned), so every scrape artifact of the sample (`\\%`, `\\$`, `\\250`,
`{\\delta}`, ``quotes'', `1024^2`, `propto`, `1.43times`, URLs with trailing punctuation,
the broken `efficient- NLP` URL) keeps its share of sentences. Every page of
`PAGE_SIZE` entries starts with the page's boilerplate lines and has "Subscribe" glued to
its first title, as in the sample.

Deterministic: the same (n, seed, files) gives byte-identical files. Paper `i` depends
only on (seed, i), never on how the corpus is split into files.

    .venv/bin/python bench/generate.py 100000                 # bench/data/papers-100000-seed0/
    .venv/bin/python bench/generate.py 1000000 --files 10     # ten daily snapshots
    .venv/bin/python bench/generate.py --daily 100 --after 1000000   # a new day's snapshot
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "raw" / "2026-11-26.txt"
DATA = ROOT / "bench" / "data"
FIRST_DATE = dt.date(2026, 1, 1)

HEADER = ("Get trending papers in your email inbox once a day!", "Get trending papers in your email inbox!")
GLUED = "Subscribe"
PAGE_SIZE = 88  # entries per page of the sample
BLOCK = 1024  # papers per RNG stream: paper i is reproducible from block i // BLOCK alone
BOILERPLATE = {*HEADER, GLUED}
# Sentence ends: punctuation, space, then something that starts a sentence. A URL's
# trailing "." stays with its sentence ("...efficientnet. Code is"), as in the sample.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"`])")
# What makes the pipeline take a long line for an abstract (transforms.segment): a
# recombined title must not have it, or it would be read as an abstract.
SENTENCE_BREAK = re.compile(r"[.!?] \w")


@dataclass(frozen=True)
class Sample:
    titles: list[list[str]]  # words of each sample title
    sentences: list[str]  # raw sentences of every sample abstract
    lengths: list[int]  # number of sentences of each sample abstract


def load_sample(path: Path = SAMPLE) -> Sample:
    """Titles and abstract sentences of the sample (boilerplate and glued prefixes out)."""
    titles, sentences, lengths = [], [], []
    lines = [line.strip() for line in path.read_text(encoding="utf-8-sig").splitlines()]
    lines = [line for line in lines if line and line not in BOILERPLATE]
    # The sample is well formed: title and abstract lines alternate.
    for title, abstract in zip(lines[0::2], lines[1::2], strict=True):
        if title.startswith(GLUED) and title[len(GLUED) : len(GLUED) + 1].isupper():
            title = title[len(GLUED) :]
        titles.append(title.split())
        parts = [s for s in SENTENCE_END.split(abstract) if s]
        sentences.extend(parts)
        lengths.append(len(parts))
    return Sample(titles, sentences, lengths)


def _tag(i: int) -> str:
    """A unique word per paper: i in base 26, capitalized ("Ba", "Bb", ...)."""
    letters = ""
    i += 26  # at least two letters
    while i:
        i, digit = divmod(i, 26)
        letters = chr(ord("a") + digit) + letters
    return letters.capitalize()


def _paper(rng: random.Random, sample: Sample, i: int) -> tuple[str, str]:
    head, tail = rng.choice(sample.titles), rng.choice(sample.titles)
    cut_head, cut_tail = rng.randint(1, len(head)), rng.randint(0, len(tail) - 1)
    title = " ".join([*head[:cut_head], *tail[cut_tail:], _tag(i)])
    if SENTENCE_BREAK.search(title):  # "Control? LSTMc ...": could pass for an abstract
        title = " ".join([*head, _tag(i)])
    abstract = " ".join(rng.choices(sample.sentences, k=rng.choice(sample.lengths)))
    return title, abstract


def papers(sample: Sample, start: int, stop: int, seed: int) -> Iterator[tuple[str, str]]:
    """Papers start..stop-1 (title, abstract); each block of BLOCK papers has its own RNG."""
    for block in range(start // BLOCK, (stop - 1) // BLOCK + 1):
        rng = random.Random(seed * 1_000_003 + block)
        for i in range(block * BLOCK, (block + 1) * BLOCK):
            paper = _paper(rng, sample, i)  # drawn even when skipped: keeps the stream aligned
            if start <= i < stop:
                yield paper


def snapshot_lines(entries: Iterator[tuple[str, str]]) -> Iterator[str]:
    """Lines of a snapshot file: a page header every PAGE_SIZE entries, "Subscribe" glued."""
    for position, (title, abstract) in enumerate(entries):
        if position % PAGE_SIZE == 0:
            yield from HEADER
            title = GLUED + title
        yield title
        yield abstract


def write_snapshot(path: Path, entries: Iterator[tuple[str, str]]) -> int:
    """Write the snapshot (to a temporary name, then moved into place); returns bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    with temporary.open("w", encoding="utf-8", newline="\n") as handle:
        buffer: list[str] = []
        for line in snapshot_lines(entries):
            buffer.append(line)
            if len(buffer) >= 20_000:
                handle.write("\n".join(buffer) + "\n")
                buffer.clear()
        if buffer:
            handle.write("\n".join(buffer) + "\n")
    temporary.replace(path)
    return path.stat().st_size


def corpus_dir(n: int, seed: int, files: int, root: Path = DATA) -> Path:
    suffix = "" if files == 1 else f"-files{files}"
    return root / f"papers-{n}-seed{seed}{suffix}"


def generate(n: int, seed: int = 0, files: int = 1, root: Path = DATA, sample: Sample | None = None) -> list[Path]:
    """n distinct papers in `files` daily snapshots (dates from FIRST_DATE); reused if present."""
    sample = sample or load_sample()
    folder = corpus_dir(n, seed, files, root)
    paths = []
    for k in range(files):
        path = folder / f"{FIRST_DATE + dt.timedelta(days=k):%Y-%m-%d}.txt"
        if not path.exists():
            write_snapshot(path, papers(sample, n * k // files, n * (k + 1) // files, seed))
        paths.append(path)
    return paths


def generate_daily(after: int, n: int = 100, seed: int = 0, files: int = 1, root: Path = DATA) -> Path:
    """The next day's snapshot after a corpus of `after` papers: half new papers, half
    re-listed ones of the corpus (its first block), in a deterministic mixed order."""
    sample = load_sample()
    fresh = list(papers(sample, after, after + n - n // 2, seed))
    relisted = list(papers(sample, 0, min(after, BLOCK), seed))
    rng = random.Random(seed * 7_919 + after)
    entries = fresh + rng.sample(relisted, min(n // 2, len(relisted)))
    rng.shuffle(entries)
    date = FIRST_DATE + dt.timedelta(days=files)
    path = root / f"daily-{n}-after-{after}-seed{seed}" / f"{date:%Y-%m-%d}.txt"
    if not path.exists():
        write_snapshot(path, iter(entries))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, nargs="?", default=10_000, help="papers in the corpus")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--files", type=int, default=1, help="split into this many daily snapshots")
    parser.add_argument("--out", type=Path, default=DATA)
    parser.add_argument("--daily", type=int, default=0, help="instead: a daily snapshot of this many papers")
    parser.add_argument("--after", type=int, default=0, help="with --daily: size of the corpus it follows")
    args = parser.parse_args()
    if args.daily:
        paths = [generate_daily(args.after, args.daily, args.seed, args.files, args.out)]
    else:
        paths = generate(args.n, args.seed, args.files, args.out)
    for path in paths:
        print(f"{path}\t{path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
