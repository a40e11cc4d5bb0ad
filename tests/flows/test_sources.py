import datetime as dt
import gzip

import pytest

from flows.sources import InputError, decode, expand_sources, load_snapshot, snapshot_date
from tests.helpers import SAMPLE

TODAY = dt.date(2030, 1, 1)


def test_gzip_bom_and_line_endings_are_read():
    text = "\ufeffTitle\r\nAbstract line.\rLast\n"
    assert decode(gzip.compress(text.encode("utf-8")), "x.txt.gz") == "Title\nAbstract line.\nLast\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "x.txt: empty file"),
        (b"  \n\r\n\t", "x.txt: empty file"),
        (b"Title\nAbs\x00tract\n", "x.txt: line 2: binary file"),
        (b"Title\nline two\ncaf\xe9\n", "x.txt: line 3: not UTF-8 text (byte 0xe9)"),
        ("Title".encode("utf-16"), "x.txt: UTF-16 text"),
        (b"\x1f\x8bnot really gzip", "x.txt: not a valid gzip file"),
    ],
)
def test_bad_input_is_refused_naming_file_and_line(data, message):
    with pytest.raises(InputError) as error:
        decode(data, "x.txt")
    assert str(error.value).startswith(message)


def test_snapshot_date_from_name_else_fallback():
    assert snapshot_date("trending-2026-11-26.txt.gz", TODAY) == dt.date(2026, 11, 26)
    assert snapshot_date("dump-2026-13-45-and-2026-01-02.txt", TODAY) == dt.date(2026, 1, 2)
    assert snapshot_date("today.txt", TODAY) == TODAY


def test_same_content_is_the_same_snapshot_whatever_its_compression(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(SAMPLE.read_bytes()))
    plain = load_snapshot(str(SAMPLE), TODAY)
    packed = load_snapshot(str(tmp_path / "a.txt.gz"), TODAY)
    assert plain.sha256 == packed.sha256
    assert plain.snapshot_date == dt.date(2026, 11, 26)


def test_files_folders_globs_and_missing_sources(tmp_path):
    (tmp_path / "day").mkdir()
    for name in ["day/2026-01-01.txt", "day/2026-01-02.txt.gz", "day/notes.md", "other.txt"]:
        (tmp_path / name).write_text("x")
    found, refused = expand_sources(
        [str(tmp_path / "day"), str(tmp_path / "*.txt"), str(tmp_path / "missing.txt"), f"file://{tmp_path}/other.txt"]
    )
    assert [p.rsplit("/", 1)[-1] for p in found] == ["2026-01-01.txt", "2026-01-02.txt.gz", "other.txt"]
    assert refused == [(str(tmp_path / "missing.txt"), f"{tmp_path / 'missing.txt'}: no such file, or no snapshot file (*.txt, *.txt.gz) in it")]


def test_size_cap_gives_a_clear_error(tmp_path):
    big = tmp_path / "2026-01-01.txt"
    big.write_text("x" * 2000)
    with pytest.raises(InputError, match="larger than the size cap of 1000 bytes"):
        load_snapshot(str(big), TODAY, max_bytes=1000)
