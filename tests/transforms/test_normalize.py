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
    combos = list(itertools.product([False, True], masks, masks, [False, True, None], range(4)))
    frame = pl.DataFrame(
        combos,
        schema={"boilerplate_stripped": pl.Boolean, "title_repairs": pl.UInt8, "abstract_repairs": pl.UInt8,
                "url_rejoined": pl.Boolean, "url_flag_bits": pl.UInt32},
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
        ).list.unique().list.sort()
    )["flags"].to_list()
    assert got == expected
    assert len(FLAGS) == len(set(FLAGS)) == len(FLAG_NAMES) + 4
    assert FLAG_SETS.len() == 1 << len(FLAGS)
