import datetime as dt
import gzip
from pathlib import Path

import pytest

from flows.shards import scan
from flows.sources import (
    InputError,
    decode_range,
    expand_sources,
    expand_sources_shown,
    lines_frame,
    localize,
    read_lines,
    snapshot_date,
)
from tests.helpers import SAMPLE

TODAY = dt.date(2030, 1, 1)


def read_text(path: Path, tmp_path: Path, max_bytes: int = 10**9) -> str:
    """What the pipeline reads of a file: localize, scan, decode (one piece)."""
    local, _ = localize(str(path), tmp_path / "incoming", max_bytes, timeout=5)
    scanned = scan(local, path.name, shard_bytes=10**9)
    return decode_range(str(local), 0, scanned.size, 1, path.name)


def test_gzip_bom_and_line_endings_are_read(tmp_path):
    packed = tmp_path / "x.txt.gz"
    packed.write_bytes(gzip.compress("\ufeffTitle\r\nAbstract line.\rLast\n".encode("utf-8")))
    assert read_text(packed, tmp_path) == "Title\nAbstract line.\nLast\n"


def test_multi_member_gzip_is_read_whole(tmp_path):
    packed = tmp_path / "x.txt.gz"
    packed.write_bytes(gzip.compress(b"first part\n") + gzip.compress(b"second part\n"))
    assert read_text(packed, tmp_path) == "first part\nsecond part\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "x.txt: empty file"),
        (b"  \n\r\n\t", "x.txt: empty file (only white space)"),
        (b"Title\nAbs\x00\x00tract\n", "x.txt: line 2: binary file"),  # NULs in a row
        (b"Title\n" + b"a\x00b" * 20 + b"\n", "x.txt: line 2: binary file"),  # many NULs
        (b"Title\nline two\ncaf\xe9\n", "x.txt: line 3: not UTF-8 text (byte 0xe9)"),
        ("Title".encode("utf-16"), "x.txt: UTF-16 text"),
        (b"\x1f\x8bnot really gzip", "x.txt: not a valid gzip file"),
    ],
)
def test_bad_input_is_refused_naming_file_and_line(tmp_path, data, message):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as error:
        read_text(path, tmp_path)
    assert str(error.value).startswith(message)


def test_a_stray_nul_in_text_is_read_not_refused(tmp_path):
    """One NUL byte costs its line (the text cleaning removes it), not the whole file."""
    path = tmp_path / "x.txt"
    path.write_bytes(b"Title\nAbs\x00tract\n")
    assert read_text(path, tmp_path) == "Title\nAbs\x00tract\n"


def test_snapshot_date_from_name_else_fallback():
    assert snapshot_date("trending-2026-11-26.txt.gz", TODAY) == dt.date(2026, 11, 26)
    assert snapshot_date("dump-2026-13-45-and-2026-01-02.txt", TODAY) == dt.date(2026, 1, 2)
    assert snapshot_date("today.txt", TODAY) == TODAY


def test_an_impossible_date_in_the_name_is_refused_unless_a_date_is_given():
    with pytest.raises(InputError, match=r"2026-13-45.txt: 2026-13-45 in the file name is not a valid date"):
        snapshot_date("2026-13-45.txt", TODAY)
    assert snapshot_date("2026-13-45.txt", TODAY, date_given=True) == TODAY


def test_a_link_loop_is_named_as_such(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    found, refused = expand_sources([str(tmp_path / "a.txt")])
    assert found == [] and refused[0][1] == f"{tmp_path / 'a.txt'}: cannot read: too many levels of symbolic links"


def test_records_name_local_files_relative_to_where_they_were_given(tmp_path, monkeypatch):
    (tmp_path / "raw" / "sub").mkdir(parents=True)
    for name in ["raw/2026-01-01.txt", "raw/sub/2026-01-02.txt"]:
        (tmp_path / name).write_text("x")
    monkeypatch.chdir(tmp_path)
    found, _ = expand_sources_shown(["raw", str(tmp_path / "raw"), f"{tmp_path}/raw/*.txt", str(tmp_path / "raw/sub/2026-01-02.txt")])
    assert dict(found) == {  # the first source that names a file says how it is shown
        str(tmp_path / "raw/2026-01-01.txt"): "raw/2026-01-01.txt",
        str(tmp_path / "raw/sub/2026-01-02.txt"): "raw/sub/2026-01-02.txt",
    }
    found, _ = expand_sources_shown([str(tmp_path / "raw"), f"{tmp_path}/raw/*.txt"])
    assert sorted(shown for _, shown in found) == ["2026-01-01.txt", "sub/2026-01-02.txt"]
    assert not any(str(tmp_path) in shown for _, shown in found)


def test_same_content_is_the_same_snapshot_whatever_its_compression(tmp_path):
    packed = tmp_path / "a.txt.gz"
    packed.write_bytes(gzip.compress(SAMPLE.read_bytes()))
    local, temporary = localize(str(packed), tmp_path / "incoming", 10**9, timeout=5)
    assert temporary and local.read_bytes() == SAMPLE.read_bytes()
    assert scan(local, "a", 10**9).sha256 == scan(SAMPLE, "b", 10**9).sha256
    assert localize(str(SAMPLE), tmp_path / "incoming", 10**9, timeout=5) == (SAMPLE, False)


def test_files_folders_globs_and_missing_sources(tmp_path):
    (tmp_path / "day").mkdir()
    for name in ["day/2026-01-01.txt", "day/2026-01-02.txt.gz", "day/notes.md", "other.txt"]:
        (tmp_path / name).write_text("x")
    found, refused = expand_sources(
        [str(tmp_path / "day"), str(tmp_path / "*.txt"), str(tmp_path / "missing.txt"), f"file://{tmp_path}/other.txt"]
    )
    assert [p.rsplit("/", 1)[-1] for p in found] == ["2026-01-01.txt", "2026-01-02.txt.gz", "other.txt"]
    missing = str(tmp_path / "missing.txt")
    assert refused == [(missing, f"{missing}: no such file, or no snapshot file (*.txt, *.txt.gz) in it")]


@pytest.mark.parametrize("compress", [False, True])
def test_size_cap_gives_a_clear_error(tmp_path, compress):
    big = tmp_path / "2026-01-01.txt"
    data = b"x" * 2000
    big.write_bytes(gzip.compress(data) if compress else data)
    with pytest.raises(InputError, match="2026-01-01.txt: larger than the size cap of 1000 bytes"):
        localize(str(big), tmp_path / "incoming", 1000, timeout=5)
    assert list(tmp_path.glob("incoming/*")) == []  # no partial copy left behind


def test_lines_are_numbered_from_the_shard_start():
    frame = lines_frame("a\nb", "f.txt", first_line=41).collect()
    assert frame.rows() == [("f.txt", 41, "a"), ("f.txt", 42, "b")]


@pytest.mark.parametrize(
    "data, start",
    [
        ("\ufeffTitle\r\nAbstract: caf\u00e9, \u03b1 \u2264 2.\rLast\n\n".encode(), 0),  # BOM, CRLF, CR, non-ASCII
        ("\ufeffTitle\nAbstract.\n".encode(), 0),
        ("x\n\ufeffTitle\nAbstract \U0001F600.\n".encode(), 2),  # a BOM past the start is text
        (b"", 0),
        (b"no newline at the end", 0),
    ],
)
def test_read_lines_gives_the_lines_of_decode_range(tmp_path, data, start):
    path = tmp_path / "2026-01-01.txt"
    path.write_bytes(data)
    expected = lines_frame(decode_range(str(path), start, len(data), 7, path.name), path.name, 7).collect()
    assert read_lines(str(path), start, len(data), 7, path.name).collect().equals(expected)


def test_read_lines_names_the_line_of_an_undecodable_byte(tmp_path):
    path = tmp_path / "2026-01-01.txt"
    path.write_bytes(b"Title\nAbstract.\ncaf\xe9\n")
    with pytest.raises(InputError, match=r"2026-01-01.txt: line 12: not UTF-8 text \(byte 0xe9\)"):
        read_lines(str(path), 0, path.stat().st_size, 10, path.name)
