import hashlib

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

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


def _title_key_everywhere(titles: list[str]) -> list[str]:
    """The key as first written: NFKC and the extra folds on every title."""
    from transforms.identity import CASEFOLD_EXTRA

    folded = pl.Series(titles, dtype=pl.String).str.normalize("NFKC").str.to_lowercase().str.replace_many(CASEFOLD_EXTRA)
    return folded.str.replace_all(r"[^\pL\pN]+", " ").str.strip_chars().to_list()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=30), st.text("abcXYZ 019:-_", max_size=30)), min_size=1, max_size=8))
def test_title_key_of_ascii_titles_skips_nfkc_and_gives_the_same(titles):
    frame = pl.DataFrame({"title": [*titles, None]}, schema={"title": pl.String})
    assert frame.select(title_key(pl.col("title"))).to_series().to_list() == _title_key_everywhere([*titles, None])


def test_paper_id_of_unicode_keys_is_sha256_of_their_utf8():
    frame = keys_and_ids(["Straße ∝ αβγ — 漢字", "plain"])
    for key, pid in frame.select("title_key", "paper_id").iter_rows():
        assert pid == "tp-" + hashlib.sha256(key.encode()).hexdigest()[:16]


def test_paper_id_with_and_without_repeated_or_null_keys_is_sha256_of_each_key():
    # paper_id hashes distinct keys in place and looks repeated ones up: both give each
    # row the sha256 of its own key, and a null key a null id.
    def expected(key: str | None) -> str | None:
        return None if key is None else "tp-" + hashlib.sha256(key.encode()).hexdigest()[:16]

    for keys in (["a", "b", "c"], ["a", "b", "a"], ["a", None, "b"], [None, None], []):
        frame = pl.DataFrame({"title_key": keys}, schema={"title_key": pl.String})
        assert frame.select(paper_id(pl.col("title_key"))).to_series().to_list() == [expected(key) for key in keys]
