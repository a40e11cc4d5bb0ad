"""`make eval`'s figures keep a floor: the claims extractor cannot slide back on the gold
sets unnoticed, and the scorer itself counts what it says it counts.

Floors sit just under the figures measured when they were set (README, "How well it reads
real text"); raise them when the extractor gets better, never lower them to let a change in.
"""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import eval as evaluation  # noqa: E402
from gold import draw  # noqa: E402

from flows.hub import CLAIMS_ACCURACY  # noqa: E402

# split -> metric -> floor
FLOORS = {
    "sample": {"f1": 0.97, "precision": 0.97, "unit_accuracy": 0.95, "metric_accuracy": 0.85, "dataset_accuracy": 0.95},
    "tune": {"f1": 0.984, "precision": 0.981, "unit_accuracy": 0.917, "metric_accuracy": 0.766, "dataset_accuracy": 0.839},
    "check": {"f1": 0.953, "precision": 0.938, "unit_accuracy": 0.882, "metric_accuracy": 0.729, "dataset_accuracy": 0.766},
}


@pytest.fixture(scope="module")
def scores() -> dict[str, dict]:
    return evaluation.claims_scores(["sample", "tune", "check"], evaluation.CORPUS_GOLD)


@pytest.mark.parametrize("split", FLOORS)
def test_claims_figures_keep_their_floor(scores, split):
    got = scores[split]
    below = {name: (got[name], floor) for name, floor in FLOORS[split].items() if got[name] < floor}
    assert not below, f"{split}: below the floor (got, floor): {below}; first errors: {got.get('errors', [])[:20]}"


def test_the_dataset_card_states_what_the_check_part_measures(scores):
    # the card's "How far to trust the claims" (flows.hub.CLAIMS_ACCURACY): update it with the rules
    # (each figure with its 95 % interval)
    check = scores["check"]
    measured = {name: tuple(round(x, 2) for x in (check[name], *check["interval95"][name])) for name in CLAIMS_ACCURACY}
    assert CLAIMS_ACCURACY == measured, f"flows/hub.py CLAIMS_ACCURACY is {CLAIMS_ACCURACY}, make eval's check part measures {measured}"


def test_the_check_part_gives_figures_and_no_errors(scores):
    assert "errors" not in scores["check"] and scores["tune"]["errors"]  # tuning reads errors; the check part only measures


def test_the_gold_set_is_what_its_notes_say():
    gold = evaluation.load_corpus_gold()
    by_split = {split: [r for r in gold if r["split"] == split] for split in ("tune", "check")}
    assert len(gold) >= 300 and sum(len(r["claims"]) for r in gold) >= 1000
    assert {r["round"] for r in gold} <= {seed for seed, *_ in draw.ROUNDS}
    for seed, _, _, check_share in draw.ROUNDS:
        drawn = [r for r in gold if r["round"] == seed]
        if check_share:  # the first rounds: split once, 2/3 : 1/3
            assert sum(r["split"] == "tune" for r in drawn) == 2 * sum(r["split"] == "check" for r in drawn)
        else:  # the later draws only tune: the check part never changes
            assert all(r["split"] == "tune" for r in drawn)
    assert len(by_split["check"]) == 200
    assert not {r["arxiv_id"] for r in by_split["tune"]} & {r["arxiv_id"] for r in by_split["check"]}  # by paper
    assert len({r["snapshot"] for r in gold}) == 30  # drawn across every snapshot
    for record in gold:
        for claim in record["claims"]:
            assert record["abstract"][claim["start"] : claim["end"]] == claim["text"], record["id"]


def test_a_claim_counts_when_value_and_kind_match_on_its_span():
    record = {"id": "x", "abstract": "We get 75.15% and 2.5x.", "optional": [{"start": 18, "end": 22, "text": "2.5x"}],
              "claims": [{"start": 7, "end": 13, "text": "75.15%", "value": 75.15, "kind": "percent", "unit": "%",
                          "metric": "Top-1 accuracy", "dataset": None}]}  # fmt: skip
    found = [
        {"start": 7, "end": 13, "text": "75.15%", "value": 75.15, "kind": "percent", "unit": "%", "metric": "top-1 accuracy", "dataset": None},
        {"start": 18, "end": 22, "text": "2.5x", "value": 2.5, "kind": "multiplier", "unit": "×", "metric": None, "dataset": None},
    ]
    s = evaluation.score([record], [found])
    assert (s["matched"], s["found"], s["precision"], s["recall"]) == (1, 1, 1.0, 1.0)  # the optional one is neither
    assert s["metric_accuracy"] == 1.0  # case and hyphens aside
    wrong_kind = [{**found[0], "kind": "score"}]
    assert evaluation.score([record], [wrong_kind])["matched"] == 0
    elsewhere = [{**found[0], "start": 0, "end": 2}]  # right value, other place
    assert evaluation.score([record], [elsewhere])["matched"] == 0


def test_eval_writes_its_figures_as_json(tmp_path, monkeypatch):
    out = tmp_path / "eval.json"
    monkeypatch.setattr(sys, "argv", ["eval.py", "--claims-only", "--split", "sample", "--out", str(out)])
    evaluation.main()
    written = json.loads(out.read_text())
    assert set(written["claims"]) == {"sample"} and written["claims"]["sample"]["gold_claims"] >= 100


def test_each_figure_comes_with_an_interval_that_narrows_with_more_abstracts():
    # what a figure on 200 abstracts can say: the same rules on other such abstracts may read
    # anywhere in its interval (abstracts resampled; one abstract's claims are drawn together)
    tallies = [dict.fromkeys(evaluation.TALLIES, 0) | {"gold": 2, "found": 2, "matched": m, "metric_asked": m, "metric_same": s}
               for m, s in [(2, 2), (2, 1), (1, 0), (2, 2), (2, 1), (1, 1), (2, 2), (0, 0)] * 5]
    interval = evaluation.bootstrap_intervals(tallies)
    low, high = interval["metric_accuracy"]
    assert low < 9 / 12 < high and high - low > 0.1  # it holds the figure, and 40 abstracts leave room
    assert evaluation.bootstrap_intervals(tallies) == interval  # a fixed seed: the same JSON for the same rules
    low4, high4 = evaluation.bootstrap_intervals(tallies * 4)["metric_accuracy"]
    assert high4 - low4 < (high - low) * 0.7  # four times the abstracts, about half the width
    perfect = [dict.fromkeys(evaluation.TALLIES, 0) | {"gold": 1, "found": 1, "matched": 1}] * 30
    assert evaluation.bootstrap_intervals(perfect)["precision"] == [1.0, 1.0]
    assert "metric_accuracy" not in evaluation.bootstrap_intervals(perfect)  # a field never asked has no figure


def test_the_check_part_states_its_intervals(scores):
    check = scores["check"]
    for name in ("precision", "recall", "f1", "unit_accuracy", "metric_accuracy", "dataset_accuracy"):
        low, high = check["interval95"][name]
        assert low <= check[name] <= high and high - low < 0.2, name
