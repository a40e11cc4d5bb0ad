"""Join a finished annotation round to the corpus gold set (issue 11).

    python bench/gold/join.py FOLDER FIRST_BATCH LAST_BATCH [GOLD]

FOLDER holds the round's batch-K.jsonl (from draw.py) and annot-K.jsonl (from resolve.py,
clean under check.py). Each annotated abstract is appended to GOLD (default
tests/data/claims_gold_corpus.jsonl) with its draw round, split and note, in snapshot and
rank order after the rounds already there, so earlier lines never move. An id that is already
in the gold set, or a batch abstract left unannotated, stops the join with a message.
"""

import json
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parents[2] / "tests" / "data" / "claims_gold_corpus.jsonl"
RECORD_FIELDS = ("id", "split", "round", "snapshot", "rank", "arxiv_id", "title", "abstract")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def round_records(folder: Path, batches: range) -> list[dict]:
    records = []
    for k in batches:
        drawn = read_jsonl(folder / f"batch-{k}.jsonl")
        annotated = {a["id"]: a for a in read_jsonl(folder / f"annot-{k}.jsonl")}
        missing = [r["id"] for r in drawn if r["id"] not in annotated]
        if missing:
            sys.exit(f"{folder / f'annot-{k}.jsonl'}: {len(missing)} of {len(drawn)} abstracts not annotated (first: {missing[0]})")
        for record in drawn:
            annotation = annotated[record["id"]]
            joined = {field: record[field] for field in RECORD_FIELDS}
            joined |= {"claims": annotation.get("claims", []), "optional": annotation.get("optional", [])}
            if annotation.get("note"):
                joined["note"] = annotation["note"]
            records.append(joined)
    return sorted(records, key=lambda r: (r["snapshot"], r["rank"]))


def main(folder: str, first: str, last: str, gold: str = str(GOLD)) -> None:
    gold_path = Path(gold)
    existing = {r["id"] for r in read_jsonl(gold_path)}
    new = round_records(Path(folder), range(int(first), int(last) + 1))
    again = [r["id"] for r in new if r["id"] in existing]
    if again:
        sys.exit(f"{gold_path}: {len(again)} abstracts are already in the gold set (first: {again[0]})")
    with gold_path.open("a", encoding="utf-8") as out:
        out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in new)
    print(f"{gold_path}: +{len(new)} abstracts, +{sum(len(r['claims']) for r in new)} claims")


if __name__ == "__main__":
    main(*sys.argv[1:])
