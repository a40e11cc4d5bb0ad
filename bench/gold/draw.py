"""Draw the development gold set of numeric claims from ../shared/corpus/ (issue 11).

Run once, before any tuning: `python bench/gold/draw.py CORPUS OUT_DIR`. It draws
entries at random from each of the 30 snapshots in two rounds (seeds fixed): 12 per
snapshot (360 abstracts, batches 1-3), then 8 more per snapshot from the rest (240,
batches 4-5: the first round held fewer claims than the 1,000 the gold set needs). These two
rounds are split by paper into a tuning part (two thirds) and a check part. A third round
(10 per snapshot, 300, batches 6-11) was drawn later, after the rules had been tuned on the
first tuning part, and goes to the tuning part whole: it was scored once before any rule saw
it (a second unseen measurement), then used for tuning; the check part never changes. Rounds
4, 5, 6 and 7 (10 per snapshot each, batches 12-17, 18-23, 24-29, 30-35), then 8, 9, 10 and 11 (7 per
snapshot each, batches 36-39, 40-43, 44-47, 48-51) were drawn the same way, one after each tuning round. Rounds are written as
annotation batches: each record holds the cleaned abstract exactly as the pipeline publishes it
(transforms.text cleaning, URLs rejoined), so gold offsets point into the published text,
plus every digit run and spelled-out multiplier with its offset, so the annotator decides
on each number in turn. Entries are read by structure (entry k = lines 3+2k and 4+2k,
"Subscribe" stripped from the first title; see the corpus README), not by the segmenter.
"""

import json
import random
import re
import sys
from pathlib import Path

import polars as pl

from transforms.text import clean_text
from transforms.urls import rejoin_broken_urls

# (seed, entries per snapshot, batches, share of papers that go to the check part)
ROUNDS = [(20261129, 12, 3, 1 / 3), (20261130, 8, 2, 1 / 3), (20261201, 10, 6, 0.0), (20261202, 10, 6, 0.0), (20261204, 10, 6, 0.0), (20261206, 10, 6, 0.0), (20261207, 10, 6, 0.0), (20261208, 7, 4, 0.0), (20261209, 7, 4, 0.0), (20261210, 7, 4, 0.0), (20261211, 7, 4, 0.0)]
NUMBER_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\b(?:two|three|four|five|six|seven|eight|nine|ten|hundred|thousand)(?=[\s-]?(?:times|fold)\b)", re.I)


def corpus_entries(corpus: Path) -> list[dict]:
    index = {(r["snapshot"], r["rank"]): r for r in map(json.loads, (corpus / "index.jsonl").read_text().splitlines())}
    entries = []
    for path in sorted(corpus.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for k in range((len(lines) - 2) // 2):
            title, abstract = lines[2 + 2 * k].removeprefix("Subscribe"), lines[3 + 2 * k]
            meta = index[(path.name, k + 1)]
            entries.append({"snapshot": path.name, "rank": k + 1, "arxiv_id": meta["arxiv_id"], "title": title, "abstract_raw": abstract})
    return entries


def draw(entries: list[dict], seed: int, per_snapshot: int, check_share: float) -> list[dict]:
    rng = random.Random(seed)
    by_snapshot: dict[str, list[dict]] = {}
    for entry in entries:
        by_snapshot.setdefault(entry["snapshot"], []).append(entry)
    drawn = [e for name in sorted(by_snapshot) for e in rng.sample(by_snapshot[name], per_snapshot)]
    papers = sorted({e["arxiv_id"] for e in drawn})
    check = set(rng.sample(papers, round(len(papers) * check_share)))
    cleaned = clean_text(pl.Series([e["abstract_raw"] for e in drawn]))
    cleaned = pl.DataFrame({"a": cleaned}).select(rejoin_broken_urls(pl.col("a")))["a"].to_list()
    out = []
    for entry, abstract in zip(drawn, cleaned):
        record = {k: v for k, v in entry.items() if k != "abstract_raw"}
        record["id"] = f"{entry['snapshot'].removesuffix('.txt')}#{entry['rank']}"
        record["split"] = "check" if entry["arxiv_id"] in check else "tune"
        record["round"] = seed
        record["abstract"] = abstract
        record["numbers"] = [
            {"start": m.start(), "end": m.end(), "token": m.group(), "context": abstract[max(0, m.start() - 50) : m.end() + 50]}
            for m in NUMBER_TOKEN.finditer(abstract)
        ]
        out.append(record)
    return out


def main(corpus: str, out: str) -> None:
    remaining = corpus_entries(Path(corpus))
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    first_batch = 1
    for seed, per_snapshot, batches, check_share in ROUNDS:
        drawn = draw(remaining, seed, per_snapshot, check_share)
        taken = {(e["snapshot"], e["rank"]) for e in drawn}
        remaining = [e for e in remaining if (e["snapshot"], e["rank"]) not in taken]
        random.Random(seed + 1).shuffle(drawn)
        for b in range(batches):
            batch = drawn[b::batches]
            batch.sort(key=lambda e: e["split"] != "tune")  # the tuning part first: tuning can start before the check part is done
            path = out_dir / f"batch-{first_batch + b}.jsonl"
            path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in batch), encoding="utf-8")
        first_batch += batches
        splits = [e["split"] for e in drawn]
        print(f"seed {seed}: {len(drawn)} abstracts: {splits.count('tune')} tune, {splits.count('check')} check; "
              f"{sum(len(e['numbers']) for e in drawn)} number tokens")


if __name__ == "__main__":
    main(*sys.argv[1:3])
