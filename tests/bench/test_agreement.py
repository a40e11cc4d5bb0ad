"""bench/gold/agreement.py: the consensus of two annotations keeps only what both said."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from gold import agreement  # noqa: E402

ABSTRACT = "We reach 81.2% accuracy on MMLU with 7B parameters and 3 GPUs."


def claim(start, end, value, kind, unit, metric=None, dataset=None):
    return {"start": start, "end": end, "text": ABSTRACT[start:end], "value": value, "kind": kind, "unit": unit, "metric": metric, "dataset": dataset}


def test_consensus_keeps_shared_claims_and_fields_and_leaves_the_rest_open():
    accuracy = claim(9, 14, 81.2, "percent", "%", "accuracy", "MMLU")
    first = {"id": "x", "abstract": ABSTRACT, "optional": [], "claims": [accuracy, claim(37, 39, 7e9, "count", "parameter")]}
    second = {"id": "x", "claims": [{**accuracy, "dataset": None}, claim(55, 56, 3, "count", "GPU")], "optional": []}
    agreed = agreement.consensus(first, second)
    assert agreed["claims"] == [{k: v for k, v in accuracy.items() if k != "dataset"}]  # both found it; they differ on the dataset only
    assert {o["text"] for o in agreed["optional"]} == {"7B", "3"}  # found by one annotator only: neither rewarded nor penalised


def test_a_second_annotation_that_agrees_scores_one_and_one_that_misses_scores_less():
    first = {"id": "x", "abstract": ABSTRACT, "optional": [], "claims": [claim(9, 14, 81.2, "percent", "%", "accuracy", "MMLU")]}
    assert agreement.figures([first], [first["claims"]])["f1"] == 1.0
    other_metric = [{**first["claims"][0], "metric": "error rate"}]
    assert agreement.figures([first], [other_metric])["metric_accuracy"] == 0.0
    assert agreement.figures([first], [[]])["recall"] == 0.0


def test_the_second_annotation_covers_the_check_part_and_its_spans_are_in_the_text():
    gold = {r["id"]: r for r in agreement.evaluation.load_corpus_gold()}
    second = agreement.second_annotation(agreement.SECOND)
    assert {i for i, r in gold.items() if r["split"] == "check"} == set(second)  # the check part, whole, and nothing else
    for record_id, annotation in second.items():
        for claim in annotation["claims"]:
            assert gold[record_id]["abstract"][claim["start"] : claim["end"]] == claim["text"], record_id


def test_cutting_count_units_to_their_head_noun_only_joins_the_reach_of_a_counted_noun():
    abstract = "We collect 25 logic puzzles and reach 0.91 mean IoU."
    puzzles = {"start": 11, "end": 13, "text": "25", "value": 25, "kind": "count", "unit": "logic puzzle", "metric": None, "dataset": None}
    miou = {"start": 38, "end": 42, "text": "0.91", "value": 0.91, "kind": "score", "unit": "mean IoU", "metric": "mIoU", "dataset": None}
    first = {"id": "x", "abstract": abstract, "optional": [], "claims": [puzzles, miou]}
    found = [{**puzzles, "unit": "puzzle"}, {**miou, "unit": "IoU"}]
    assert agreement.figures([first], [found])["unit_accuracy"] == 0.0
    assert agreement.unit_accuracy_by_head_noun([first], [found]) == 0.5  # the puzzles agree; a score's unit stays whole
    assert [c["unit"] for c in first["claims"]] == ["logic puzzle", "mean IoU"]  # the gold itself is left as it is
