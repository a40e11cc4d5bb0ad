"""The development corpus (../shared/corpus/: 3,000 real abstracts, 30 snapshots) through the
real flow: every entry is a paper, nothing is quarantined, every title is exactly its line.

Ground truth is the corpus's structure (its README): entry k of a file is lines 3+2k (the
title, "Subscribe" glued to the first) and 4+2k (the abstract)."""

import sys

import polars as pl
import pytest

from flows.pipeline import run_release
from tests.helpers import ROOT
from transforms.text import clean_text

sys.path.insert(0, str(ROOT / "bench"))
from eval import CORPUS, corpus_entries  # noqa: E402

pytestmark = [pytest.mark.usefixtures("prefect_api"), pytest.mark.slow]


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the development corpus is not at {CORPUS}")
def test_every_corpus_entry_is_a_paper_with_its_exact_title(tmp_path):
    summary = run_release([str(CORPUS)], str(tmp_path / "output"))
    parquet = tmp_path / "output" / "parquet"
    papers = pl.read_parquet(parquet / "papers.parquet")
    appearances = pl.read_parquet(parquet / "appearances.parquet")
    truth = corpus_entries()
    assert truth.height == 3000
    assert summary["entries"] == 3000
    assert pl.read_parquet(parquet / "quarantine.parquet").height == 0
    assert papers.height == 3000 and appearances.height == 3000
    listed = appearances.join(papers.select("paper_id", "title", "title_raw"), on="paper_id")
    compared = truth.join(listed, on=["source_file", "rank"], how="left")
    assert compared["title"].to_list() == clean_text(truth["title_line"]).to_list()
    # title_raw is the line as read: "Subscribe" glued to each file's first title
    first = compared.filter(pl.col("rank") == 1)
    assert (first["title_raw"] == "Subscribe" + first["title_line"]).all()
    assert compared.filter(pl.col("rank") > 1).select((pl.col("title_raw") == pl.col("title_line")).all()).item()
