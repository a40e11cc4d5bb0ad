"""Small builders shared by the tests."""

from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "raw" / "2026-11-26.txt"
DATA = Path(__file__).resolve().parent / "data"


def lines_of(text: str, source_file: str = "2026-11-26.txt") -> pl.LazyFrame:
    """A snapshot's text as the lines frame the transforms take."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return pl.LazyFrame(
        {
            "source_file": [source_file] * len(lines),
            "line_no": pl.Series(range(1, len(lines) + 1), dtype=pl.Int32),
            "text": lines,
        }
    )


def abstract_like(topic: str = "a method") -> str:
    """An abstract-shaped line (several sentences, well over 100 characters)."""
    return (
        f"We propose {topic} for training neural networks. It improves accuracy on three benchmarks. "
        "Experiments show consistent gains over strong baselines."
    )
