"""How far two annotators agree on the same abstracts, and what that means for the figures.

    python bench/gold/agreement.py [SECOND] [--out FILE]

SECOND (default tests/data/claims_gold_check_second.jsonl) is a second, blind annotation
(one line per abstract: id, claims, optional, as resolve.py writes them) of abstracts that
are already in the gold set. Scored with `make eval`'s own scorer:
  - the second annotation against the first, as if it were an extractor: how well two careful
    readers agree (claims F1, unit, metric, dataset) -- the ceiling any extractor meets here;
  - the extractor against the first annotation, against the second, and against their
    consensus: the claims both annotators found, each field only where both gave the same
    value (a claim only one of them found, or a field they differ on, is neither rewarded nor
    penalised);
  - unit accuracy once more with each count's unit cut to its head noun on both sides ("logic
    puzzle" and "puzzle" agree): how much of the unit disagreement is the reach of the counted noun.
Only figures are printed, never single claims: the check part only measures.
"""

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import eval as evaluation  # noqa: E402

FIELDS = ("unit", "metric", "dataset")
SHOWN = ("abstracts", "gold_claims", "found", "matched", "precision", "recall", "f1", "unit_accuracy", "metric_accuracy", "dataset_accuracy")


SECOND = ROOT / "tests" / "data" / "claims_gold_check_second.jsonl"


def second_annotation(path: Path) -> dict[str, dict]:
    return {record["id"]: record for record in evaluation.read_jsonl(path)}


def consensus(first: dict, second: dict) -> dict:
    """The claims both found, with only the fields both gave alike; the rest is optional."""
    theirs = second["claims"]
    pairs = evaluation.matched_pairs(first["claims"], theirs)
    agreed = [{k: v for k, v in want.items() if k not in FIELDS or evaluation._same(k, theirs[hit][k], v)}
              for want, hit in pairs if hit is not None]
    matched = {hit for _, hit in pairs if hit is not None}
    disputed = [want for want, hit in pairs if hit is None] + [c for j, c in enumerate(theirs) if j not in matched]
    optional = first.get("optional", []) + second.get("optional", []) + [{k: c[k] for k in ("start", "end", "text")} for c in disputed]
    return {**first, "claims": agreed, "optional": optional}


def head_noun_units(claims: list[dict]) -> list[dict]:
    """The claims with each count's unit cut to its last word, its head noun ("logic puzzle" ->
    "puzzle", "QA pair" -> "pair"). Scoring both sides this way shows how much of a unit
    disagreement is only how far the counted noun reaches; it is a measurement, not the
    convention (the dataset and the gold keep "QA pair")."""
    return [{**c, "unit": c["unit"].split()[-1]} if c.get("kind") == "count" and c.get("unit") else c for c in claims]


def unit_accuracy_by_head_noun(records: list[dict], found: list[list[dict]]) -> float:
    heads = [{**r, "claims": head_noun_units(r["claims"])} for r in records]
    return evaluation.score(heads, [head_noun_units(claims) for claims in found])["unit_accuracy"]


def figures(records: list[dict], found: list[list[dict]]) -> dict:
    scored = evaluation.score(records, found)
    return {k: scored[k] for k in SHOWN}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("second", type=Path, nargs="?", default=SECOND)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / f"agreement-{dt.date.today().isoformat()}.json")
    args = parser.parse_args()
    second = second_annotation(args.second)
    first = [r for r in evaluation.load_corpus_gold() if r["id"] in second]
    if len(first) != len(second):
        sys.exit(f"{args.second}: {len(second) - len(first)} annotated abstracts are not in the gold set")
    again = [{**r, "claims": second[r["id"]]["claims"], "optional": second[r["id"]].get("optional", [])} for r in first]
    extractor = evaluation.predict([r["abstract"] for r in first])
    result = {
        "date": dt.date.today().isoformat(),
        "splits": sorted({r["split"] for r in first}),
        "second_vs_first": figures(first, [r["claims"] for r in again]),
        "extractor_vs_first": figures(first, extractor),
        "extractor_vs_second": figures(again, extractor),
        "extractor_vs_consensus": figures([consensus(a, b) for a, b in zip(first, again)], extractor),
        "unit_accuracy_by_head_noun": {
            "second_vs_first": unit_accuracy_by_head_noun(first, [r["claims"] for r in again]),
            "extractor_vs_first": unit_accuracy_by_head_noun(first, extractor),
        },
    }
    for name, s in result.items():
        if name == "unit_accuracy_by_head_noun":
            print(f"{name:<24} (a count's unit cut to its head noun on both sides) "
                  f"second vs first {s['second_vs_first']}, extractor vs first {s['extractor_vs_first']}")
        elif isinstance(s, dict):
            print(f"{name:<24} abstracts={s['abstracts']} claims={s['gold_claims']} found={s['found']}: P={s['precision']:.3f} "
                  f"R={s['recall']:.3f} F1={s['f1']:.3f}  unit={s['unit_accuracy']} metric={s['metric_accuracy']} dataset={s['dataset_accuracy']}")
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written: {args.out}")


if __name__ == "__main__":
    main()
