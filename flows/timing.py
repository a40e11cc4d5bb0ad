"""Seconds per pipeline stage, as the run report and the benchmark read them."""

import contextlib
import time
from collections.abc import Iterator


@contextlib.contextmanager
def timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    """Add the wall time of the block to timings[stage] (seconds)."""
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start


def add_timings(total: dict[str, float], part: dict[str, float]) -> None:
    """Sum the stages of `part` into `total`."""
    for stage, seconds in part.items():
        total[stage] = total.get(stage, 0.0) + seconds
