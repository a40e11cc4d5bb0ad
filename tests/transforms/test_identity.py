import hashlib

import polars as pl

from transforms.identity import paper_id, title_key


def keys_and_ids(titles: list[str]) -> pl.DataFrame:
    return (
        pl.DataFrame({"title": titles})
        .with_columns(title_key=title_key(pl.col("title")))
        .with_columns(paper_id=paper_id(pl.col("title_key")))
    )


def test_title_key_is_nfkc_casefolded_and_collapsed():
    frame = keys_and_ids(["  Straße: GPT-3 — ﬁne-Tuning!  ", "STRASSE gpt 3 fine tuning"])
    assert frame["title_key"].to_list() == ["strasse gpt 3 fine tuning"] * 2
    assert frame["paper_id"][0] == frame["paper_id"][1]


def test_paper_id_is_sha256_of_title_key():
    frame = keys_and_ids(["Generative Adversarial Networks"])
    expected = "tp-" + hashlib.sha256(b"generative adversarial networks").hexdigest()[:16]
    assert frame["paper_id"][0] == expected


def test_paper_id_does_not_depend_on_row_order_or_neighbours():
    titles = [f"Paper number {i}" for i in range(50)]
    forward = dict(keys_and_ids(titles).select("title", "paper_id").iter_rows())
    backward = dict(keys_and_ids(titles[::-1] + ["Another One"]).select("title", "paper_id").iter_rows())
    assert all(forward[t] == backward[t] for t in titles)
    assert len(set(forward.values())) == 50
