import sys
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import generate  # noqa: E402

from tests.helpers import lines_of  # noqa: E402
from transforms.identity import title_key  # noqa: E402
from transforms.segment import segment  # noqa: E402

ARTIFACTS = ["\\%", "\\$", "\\250", "{\\delta}", "``", "''", "1024^2", "propto", "times", "efficient- NLP", "https://", "Subscribe"]


def test_generator_is_deterministic_and_independent_of_the_split(tmp_path):
    one = generate.generate(300, seed=3, root=tmp_path / "a")
    again = generate.generate(300, seed=3, root=tmp_path / "b")
    split = generate.generate(300, seed=3, files=3, root=tmp_path / "c")
    other_seed = generate.generate(300, seed=4, root=tmp_path / "d")
    assert one[0].read_bytes() == again[0].read_bytes()
    assert one[0].read_bytes() != other_seed[0].read_bytes()
    assert [p.name for p in split] == ["2026-01-01.txt", "2026-01-02.txt", "2026-01-03.txt"]
    whole = segment(lines_of(one[0].read_text())).collect()
    parts = pl.concat([segment(lines_of(p.read_text())).collect() for p in split])
    assert whole["title_text"].to_list() == parts["title_text"].to_list()


def test_titles_are_distinct_entries_well_formed_and_artifacts_present(tmp_path):
    (path,) = generate.generate(2000, seed=0, root=tmp_path)
    text = path.read_text()
    entries = segment(lines_of(text)).collect()
    assert entries.height == 2000
    assert entries["segment_issues"].list.len().sum() == 0
    keys = entries.select(title_key(pl.col("title_text")))["title_text"]
    assert keys.n_unique() == 2000
    for artifact in ARTIFACTS:
        assert artifact in text, artifact


def test_daily_snapshot_mixes_new_and_relisted_papers(tmp_path):
    (corpus,) = generate.generate(2000, seed=0, root=tmp_path)
    daily = generate.generate_daily(2000, 100, seed=0, root=tmp_path)
    assert daily.name == "2026-01-02.txt"
    titles = set(segment(lines_of(corpus.read_text())).collect()["title_text"])
    new = segment(lines_of(daily.read_text())).collect()["title_text"]
    assert new.len() == 100
    assert sum(title in titles for title in new) == 50
