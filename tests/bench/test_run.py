import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import run  # noqa: E402


def test_a_linked_copy_of_a_release_shares_its_tables_but_not_its_run_log(tmp_path):
    release = tmp_path / "out"
    (release / "releases" / "r1" / "parquet").mkdir(parents=True)
    table = release / "releases" / "r1" / "parquet" / "papers.parquet"
    table.write_bytes(b"PAR1 ... PAR1")
    (release / "current").symlink_to("releases/r1")
    (release / "runs.jsonl").write_text('{"run": 1}\n')

    copy = run.linked_copy(release, tmp_path / "copy")

    copied_table = copy / "current" / "parquet" / "papers.parquet"
    assert os.path.samefile(copied_table, table)  # hard link: no gigabytes copied
    assert (copy / "current").is_symlink()  # still points into the copy, not the original
    with open(copy / "runs.jsonl", "a") as log:  # a run on the copy appends its line
        log.write('{"run": 2}\n')
    assert (release / "runs.jsonl").read_text() == '{"run": 1}\n'
    # a run replaces a table by renaming a new file over it: the original keeps its bytes
    replacement = copied_table.with_suffix(".tmp")
    replacement.write_bytes(b"new")
    replacement.replace(copied_table)
    assert table.read_bytes() == b"PAR1 ... PAR1"
