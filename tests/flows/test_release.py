"""Writing a published table: contract order and deterministic bytes, whatever order the rows came in."""

import datetime as dt

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.release import write_table
from transforms.schema import TABLES

APPEARANCE_ROWS = st.lists(
    st.tuples(
        st.sampled_from(["tp-0000000000000001", "tp-00000000000000ff", "tp-a000000000000000"]),
        st.dates(dt.date(2026, 1, 1), dt.date(2026, 1, 4)),
        st.sampled_from(["a.txt", "b.txt"]),
        st.integers(1, 5),
    ),
    unique=True,
    max_size=20,
)


@settings(max_examples=60, deadline=None)
@given(rows=APPEARANCE_ROWS, seed=st.integers(0, 2**16))
def test_rows_in_any_order_give_the_same_bytes(tmp_path_factory, rows, seed):
    frame = pl.DataFrame(
        [(paper, day, file, line, line, line * 3 if line % 2 else None) for paper, day, file, line in rows],
        schema=["paper_id", "snapshot_date", "source_file", "source_line", "rank", "upvotes"],
        orient="row",
    )
    folder = tmp_path_factory.mktemp("tables")
    ordered = write_table(frame, "appearances", folder / "ordered").read_bytes()
    shuffled = write_table(frame.sample(fraction=1.0, shuffle=True, seed=seed), "appearances", folder / "shuffled")
    assert shuffled.read_bytes() == ordered
    written = pl.read_parquet(shuffled)
    assert written.schema == TABLES["appearances"]
    assert written.rows() == sorted(written.rows(), key=lambda r: (r[0], r[1], r[3], r[4]))  # paper_id, snapshot_date, source_file, source_line



def test_a_lock_file_removed_by_its_holder_is_not_a_lock(tmp_path, monkeypatch):
    """cli.remove_traces removes the lock file while it holds the lock: a run that opened
    the file before that, and locks it after, must lock the file now at that path, or two
    runs (it and any later one) would both hold the output lock."""
    import fcntl

    import pytest

    from flows.release import ReleaseError, output_lock

    output = tmp_path / "output"
    lock = output / ".lock"
    output.mkdir()
    lock.touch()
    real_flock, removed = fcntl.flock, []

    def removed_between_open_and_flock(handle, operation):
        if operation & fcntl.LOCK_EX and not removed:
            lock.unlink()  # what remove_traces does, holding the lock, while this run waits for it
            removed.append(lock)
        return real_flock(handle, operation)

    monkeypatch.setattr(fcntl, "flock", removed_between_open_and_flock)
    with output_lock(output):
        monkeypatch.undo()
        assert removed and lock.exists()
        with pytest.raises(ReleaseError, match="is locked by a run in progress"), output_lock(output):
            pass  # a later run is refused
