import itertools

import polars as pl

from transforms.normalize import FLAG_SETS, FLAGS, _merge_flags
from transforms.text import FLAG_NAMES
from transforms.text import FLAG_SETS as TEXT_FLAG_SETS
from transforms.urls import URL_FLAG_SETS


def test_merged_flags_are_the_sorted_union_of_every_source():
    """The flags of an entry, looked up by bit mask, are what concatenating the flag lists,
    dropping repeats and sorting gives (for every combination that can occur)."""
    masks = [0, 1, 2, 3, 8, 33, 64, 127]
    both = [False, True]
    combos = list(itertools.product(both, masks, masks, [False, True, None], range(4), both, both))
    frame = pl.DataFrame(
        combos,
        schema={"boilerplate_stripped": pl.Boolean, "title_repairs": pl.UInt8, "abstract_repairs": pl.UInt8,
                "url_rejoined": pl.Boolean, "url_flag_bits": pl.UInt32, "tex_rendered": pl.Boolean,
                "latex_kept": pl.Boolean},
        orient="row",
    )
    got = _merge_flags(frame.lazy()).collect()["flags"].to_list()
    empty = pl.lit([], dtype=pl.List(pl.String))
    expected = frame.select(
        flags=pl.concat_list(
            pl.when(pl.col("boilerplate_stripped")).then(pl.lit(["boilerplate_stripped"])).otherwise(empty),
            pl.lit(TEXT_FLAG_SETS).gather(pl.col("title_repairs")),
            pl.lit(TEXT_FLAG_SETS).gather(pl.col("abstract_repairs")),
            pl.when(pl.col("url_rejoined")).then(pl.lit(["url_rejoined"])).otherwise(empty),
            pl.lit(URL_FLAG_SETS).gather(pl.col("url_flag_bits")),
            pl.when(pl.col("tex_rendered")).then(pl.lit(["latex_unescaped"])).otherwise(empty),
            pl.when(pl.col("latex_kept")).then(pl.lit(["latex_kept"])).otherwise(empty),
        ).list.unique().list.sort()
    )["flags"].to_list()
    assert got == expected
    assert len(FLAGS) == len(set(FLAGS)) == len(FLAG_NAMES) + 5
    assert FLAG_SETS.len() == 1 << len(FLAGS)


def test_api_text_is_rendered_and_scraped_text_is_not():
    """A `$` in scraped text is a dollar; in text fetched from the API it delimits math."""
    from tests.helpers import lines_of
    from transforms.normalize import normalize

    abstract = r"We reach $63.2\%$ accuracy and a $8\times$ speed-up at $x_{t+1}$, with a lot more words so that it is long."
    text = f"$\\beta$-VAE at Scale\n{abstract}\n"
    scraped, fetched = (normalize(lines_of(text), api_text).collect().row(0, named=True) for api_text in (False, True))
    assert fetched["title"] == "β-VAE at Scale" and fetched["abstract"].startswith("We reach 63.2% accuracy and a 8× speed-up")
    assert fetched["flags"] == ["latex_kept", "latex_unescaped"]
    assert [(c["text"], c["kind"]) for c in fetched["claims"]] == [("63.2%", "percent"), ("8×", "multiplier")]
    assert scraped["abstract"].startswith("We reach $63.2%$ accuracy") and "latex_kept" not in scraped["flags"]
