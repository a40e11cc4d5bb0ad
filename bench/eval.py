"""`make eval`: how well the pipeline reads real text (issue 11).

Claims: precision / recall / F1 (a claim counts when its value and kind match a gold claim
whose span it overlaps), then unit, metric and dataset accuracy on the matched pairs, for
  - the sample gold (tests/data/claims_gold.jsonl, split `sample`: every number of the
    bundled sample, keyed by title),
  - the corpus gold's tuning part and its check part (tests/data/claims_gold_corpus.jsonl:
    abstracts drawn at random from ../shared/corpus/ by bench/gold/draw.py, annotated
    before tuning). Rules are tuned on the tuning part only; the check part only measures.
Metric and dataset accuracy are also split into what a filter on the field returns right
(`*_precision`) and finds (`*_recall`), and every figure has a 95 % interval (`interval95`:
the abstracts resampled with replacement, a fixed seed).
Segmentation: the whole corpus through the real CLI (entries, papers, quarantine rows, and
how many published titles are exactly their title line, cleaned).

    .venv/bin/python bench/eval.py [--split tune] [--claims-only] [--errors N] [--out FILE]

Prints the figures and writes them as JSON (default bench/results/eval-<date>.json).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.claims import extract_claims  # noqa: E402
from transforms.text import clean_text  # noqa: E402
from transforms.urls import rejoin_broken_urls  # noqa: E402

SAMPLE = ROOT / "raw" / "2026-11-26.txt"
SAMPLE_GOLD = ROOT / "tests" / "data" / "claims_gold.jsonl"
CORPUS_GOLD = ROOT / "tests" / "data" / "claims_gold_corpus.jsonl"
CORPUS = ROOT.parent / "shared" / "corpus"
BOOTSTRAP_DRAWS = 2000
FIELDS = ("unit", "metric", "dataset", "text")  # scored on matched claims, where the gold gives them
# what is counted per abstract: claims in the gold, found, matched; per field, pairs asked and agreeing
# ... and for the fields one filters by, the pairs where the extractor fills it (and fills it right)
# and where the gold gives it (and the extractor agrees): accuracy split into precision and recall
FILTERED = ("metric", "dataset")
TALLIES = ("gold", "found", "matched", *(f"{field}_{part}" for field in FIELDS for part in ("asked", "same")),
           *(f"{field}_{part}" for field in FILTERED for part in ("filled", "filled_same", "given", "given_same")))


# ---------------------------------------------------------------- gold


def read_jsonl(path: Path) -> list[dict]:
    """The records of a JSON-lines file (blank lines skipped)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_corpus_gold(source: Path = CORPUS_GOLD) -> list[dict]:
    """Gold records (id, split, abstract, claims, optional). `source` is the merged gold
    file, or an annotation folder (batch-*.jsonl + annot-*.jsonl) while it is being made."""
    if source.is_file():
        return read_jsonl(source)
    records = {r["id"]: r for path in sorted(source.glob("batch-*.jsonl")) for r in map(json.loads, path.open(encoding="utf-8"))}
    gold = []
    for path in sorted(source.glob("annot-*.jsonl")):
        for line in path.open(encoding="utf-8"):
            if line.strip():
                annotation = json.loads(line)
                record = records[annotation["id"]]
                gold.append({**{k: record[k] for k in ("id", "split", "snapshot", "rank", "arxiv_id", "title", "abstract")},
                             "claims": annotation.get("claims", []), "optional": annotation.get("optional", [])})
    return gold


def cleaned_abstracts(raw: list[str]) -> list[str]:
    """The abstracts as the pipeline publishes them (cleaned, URLs rejoined)."""
    cleaned = pl.DataFrame({"a": clean_text(pl.Series(raw, dtype=pl.String))})
    return cleaned.select(rejoin_broken_urls(pl.col("a")))["a"].to_list()


def load_sample_gold() -> list[dict]:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[2:]
    entries = {lines[i].removeprefix("Subscribe"): lines[i + 1] for i in range(0, len(lines) - 1, 2)}
    rows = read_jsonl(SAMPLE_GOLD)
    rows = [r for r in rows if r["split"] == "sample"]
    abstracts = cleaned_abstracts([entries[r["title"]] for r in rows])
    return [{"id": r["title"], "abstract": a, "claims": r["claims"], "optional": []} for r, a in zip(rows, abstracts)]


# ---------------------------------------------------------------- scoring


def predict(abstracts: list[str]) -> list[list[dict]]:
    frame = pl.LazyFrame({"paper_id": [f"{i:06d}" for i in range(len(abstracts))], "abstract": abstracts},
                         schema={"paper_id": pl.String, "abstract": pl.String})
    found: list[list[dict]] = [[] for _ in abstracts]
    for row in extract_claims(frame).collect().iter_rows(named=True):
        found[int(row["paper_id"])].append(row)
    return found


def _same(field: str, got, want) -> bool:
    if field in ("unit", "text") or got is None or want is None:
        return got == want
    return " ".join(str(got).casefold().replace("-", " ").split()) == " ".join(str(want).casefold().replace("-", " ").split())


def _overlaps(a: dict, b: dict) -> bool:
    return "start" not in b or (a["start"] < b["end"] and b["start"] < a["end"])


def matched_pairs(claims: list[dict], got: list[dict]) -> list[tuple[dict, int | None]]:
    """Each gold claim with the index of the found claim it matches (same kind, same value,
    overlapping spans; each found claim matches once, the first free one in order), or None."""
    unused = list(range(len(got)))
    pairs = []
    for want in claims:
        hit = next((j for j in unused if got[j]["kind"] == want["kind"] and math.isclose(got[j]["value"], want["value"], rel_tol=1e-9)
                    and _overlaps(got[j], want)), None)
        if hit is not None:
            unused.remove(hit)
        pairs.append((want, hit))
    return pairs


def _tally(record: dict, got: list[dict]) -> tuple[dict[str, int], list[str]]:
    """One abstract's counts (gold, found and matched claims; per field, how many matched
    pairs the gold asks it on and how many of them agree) and its errors. A found claim on an
    `optional` span is neither right nor wrong."""
    optional = record.get("optional", [])
    got = [g for g in got if not any(_overlaps(g, o) for o in optional)]
    counts = dict.fromkeys(TALLIES, 0) | {"gold": len(record["claims"]), "found": len(got)}
    errors: list[str] = []
    pairs = matched_pairs(record["claims"], got)
    for want, hit in pairs:
        if hit is None:
            errors.append(f"missed  {record['id']}: {want['text']!r} {want['value']:g} {want['kind']}")
            continue
        counts["matched"] += 1
        for field in (f for f in FIELDS if f in want):
            counts[f"{field}_asked"] += 1
            same = _same(field, got[hit][field], want[field])
            counts[f"{field}_same"] += same
            if field in FILTERED:
                for part, present in (("filled", got[hit][field] is not None), ("given", want[field] is not None)):
                    counts[f"{field}_{part}"] += present
                    counts[f"{field}_{part}_same"] += present and same
            if not same:
                errors.append(f"{field:<7} {record['id']}: {want['text']!r} got {got[hit][field]!r} want {want[field]!r}")
    unused = sorted(set(range(len(got))) - {hit for _, hit in pairs if hit is not None})
    errors += [f"extra   {record['id']}: {got[j]['text']!r} {got[j]['value']:g} {got[j]['kind']}" for j in unused]
    return counts, errors


def _figures(counts: dict) -> dict[str, float | None]:
    """Precision, recall, F1 and field accuracies from summed tallies (unrounded)."""
    precision = counts["matched"] / counts["found"] if counts["found"] else 1.0
    recall = counts["matched"] / counts["gold"] if counts["gold"] else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = {f"{field}_accuracy": counts[f"{field}_same"] / counts[f"{field}_asked"] if counts[f"{field}_asked"] else None
                for field in FIELDS}
    # of the claims with a metric (a dataset), the share whose name is right: what a filter on it
    # returns; of the claims whose gold names one, the share that has it: what such a filter finds
    filtered = {f"{field}_{figure}": counts[f"{field}_{part}_same"] / counts[f"{field}_{part}"] if counts[f"{field}_{part}"] else None
                for field in FILTERED for figure, part in (("precision", "filled"), ("recall", "given"))}
    return {"precision": precision, "recall": recall, "f1": f1} | accuracy | filtered


def score(gold: list[dict], found: list[list[dict]]) -> dict:
    """(value, kind) precision/recall/F1 with span overlap; field accuracy on matched pairs,
    each field over the gold claims that give it (see _tally)."""
    tallies, errors = [], []
    for record, got in zip(gold, found):
        counts, record_errors = _tally(record, got)
        tallies.append(counts)
        errors += record_errors
    total = {name: sum(t[name] for t in tallies) for name in TALLIES}
    result = {"abstracts": len(gold), "gold_claims": total["gold"], "found": total["found"], "matched": total["matched"]}
    result |= {name: None if value is None else round(value, 4) for name, value in _figures(total).items()}
    return result | {"interval95": bootstrap_intervals(tallies), "errors": errors}


def bootstrap_intervals(tallies: list[dict[str, int]], draws: int = BOOTSTRAP_DRAWS, seed: int = 0) -> dict[str, list[float]]:
    """95 % percentile intervals of each figure, from `draws` resamples of the abstracts with
    replacement (claims of one abstract are not independent: an abstract is the unit drawn).
    How far a figure on a few hundred abstracts may lie from the same rules' figure on all
    such text; a fixed seed, so the same tallies give the same intervals."""
    if not tallies:
        return {}
    table = np.array([[t[name] for name in TALLIES] for t in tallies], dtype=np.int64)
    weights = np.random.default_rng(seed).multinomial(len(tallies), np.full(len(tallies), 1 / len(tallies)), size=draws)
    sums = weights @ table  # (draws, tallies): each draw's summed counts
    samples = [_figures(dict(zip(TALLIES, row.tolist()))) for row in sums]
    intervals = {}
    for name in samples[0]:
        values = np.array([s[name] for s in samples if s[name] is not None])
        if values.size:
            intervals[name] = [round(float(v), 4) for v in np.percentile(values, [2.5, 97.5])]
    return intervals


def claims_scores(splits: list[str], gold_source: Path) -> dict[str, dict]:
    sets = {}
    if "sample" in splits:
        sets["sample"] = load_sample_gold()
    corpus = load_corpus_gold(gold_source) if {"tune", "check"} & set(splits) else []
    for split in ("tune", "check"):
        if split in splits:
            sets[split] = [r for r in corpus if r["split"] == split]
    scores = {name: score(records, predict([r["abstract"] for r in records])) for name, records in sets.items()}
    if "check" in scores:  # the check part only measures: its errors are not given out (a tuner who reads them fits it)
        del scores["check"]["errors"]
    return scores


# ---------------------------------------------------------------- segmentation


def corpus_entries(corpus: Path = CORPUS) -> pl.DataFrame:
    """Ground truth of the corpus by its structure: entry k of a file is lines 3+2k, 4+2k."""
    rows = []
    for path in sorted(corpus.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        rows += [{"source_file": path.name, "rank": k + 1, "title_line": lines[2 + 2 * k].removeprefix("Subscribe")}
                 for k in range((len(lines) - 2) // 2)]
    return pl.DataFrame(rows, schema={"source_file": pl.String, "rank": pl.Int32, "title_line": pl.String})


def segmentation_scores(corpus: Path = CORPUS) -> dict:
    """Run the whole corpus through the real CLI into a scratch folder and compare."""
    truth = corpus_entries(corpus)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "output"
        cli = Path(sys.executable).with_name("trending-papers")
        subprocess.run([str(cli), "run", str(corpus), "--output", str(out)], check=True, capture_output=True, text=True)
        papers = pl.read_parquet(out / "parquet" / "papers.parquet")
        appearances = pl.read_parquet(out / "parquet" / "appearances.parquet")
        quarantine = pl.read_parquet(out / "parquet" / "quarantine.parquet")
    listed = appearances.join(papers.select("paper_id", "title"), on="paper_id").select("source_file", "rank", "title")
    expected = truth.with_columns(title=clean_text(truth["title_line"]))
    exact = expected.join(listed, on=["source_file", "rank"], how="left").filter(pl.col("title") == pl.col("title_right"))
    return {"entries_in": truth.height, "appearances": appearances.height, "papers": papers.height,
            "quarantine_rows": quarantine.height, "titles_exact": exact.height}


# ---------------------------------------------------------------- main


INTERVAL_LABELS = (("P", "precision"), ("R", "recall"), ("F1", "f1"), ("unit", "unit_accuracy"),
                   ("metric", "metric_accuracy"), ("dataset", "dataset_accuracy"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", action="append", choices=["sample", "tune", "check"],
                        help="claims gold split(s) to score (default: all three)")
    parser.add_argument("--gold", type=Path, default=CORPUS_GOLD, help="corpus gold file (or annotation folder)")
    parser.add_argument("--claims-only", action="store_true", help="skip the corpus segmentation run")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print the first N errors of each split")
    parser.add_argument("--out", type=Path, help="JSON result file (default bench/results/eval-<date>.json)")
    args = parser.parse_args()
    splits = args.split or ["sample", "tune", "check"]
    result: dict = {"date": dt.date.today().isoformat(), "claims": claims_scores(splits, args.gold)}
    for name, s in result["claims"].items():
        print(f"claims [{name}] abstracts={s['abstracts']} gold={s['gold_claims']} found={s['found']} matched={s['matched']}: "
              f"P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}  unit={s['unit_accuracy']} "
              f"metric={s['metric_accuracy']} dataset={s['dataset_accuracy']} text={s['text_accuracy']}")
        print("   " + "; ".join(f"{field} filled right {s[f'{field}_precision']}, given found {s[f'{field}_recall']}" for field in FILTERED))
        ci = s["interval95"]
        print(f"   95% interval (abstracts resampled, {BOOTSTRAP_DRAWS} draws): "
              + "  ".join(f"{label}={ci[name][0]:.3f}-{ci[name][1]:.3f}" for label, name in INTERVAL_LABELS if name in ci))
        for error in s.get("errors", [])[: args.errors]:
            print("   " + error)
    if not args.claims_only:
        result["segmentation"] = seg = segmentation_scores()
        print(f"segmentation [corpus] entries in={seg['entries_in']} appearances={seg['appearances']} "
              f"papers={seg['papers']} quarantine rows={seg['quarantine_rows']} titles exact={seg['titles_exact']}")
    out = args.out or ROOT / "bench" / "results" / f"eval-{result['date']}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    for s in result["claims"].values():
        if "errors" in s:
            s["errors"] = s["errors"][:200]  # the first ones, for a look; the figures are above
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")


if __name__ == "__main__":
    main()
