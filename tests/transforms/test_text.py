import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.text import clean_column, clean_text


def clean_one(text: str) -> tuple[str, list[str]]:
    frame = clean_column(pl.LazyFrame({"raw": [text]}), "raw", "clean").collect()
    return frame["clean"][0], frame["clean_flags"][0].to_list()


@pytest.mark.parametrize(
    ("raw", "clean", "flag"),
    [
        (r"an error rate of over 14\% compared", "an error rate of over 14% compared", "latex_unescaped"),
        (r"a \$250M server pod", "a $250M server pod", "latex_unescaped"),
        (r"training GPT-3 costs over \250 million.", "training GPT-3 costs over $250 million.", "latex_unescaped"),
        (r"a hyper-parameter delta ({\delta}) that", "a hyper-parameter delta (δ) that", "latex_unescaped"),
        ("a ``global projector'' that", "a \u201cglobal projector\u201d that", "latex_unescaped"),
        ("CelebA images at 1024^2. We", "CelebA images at 1024². We", "latex_unescaped"),
        ("p^*(x) propto R(x) when", "p^*(x) ∝ R(x) when", "latex_unescaped"),
        ("a corpus of 60{,}000 documents", "a corpus of 60,000 documents", "latex_unescaped"),
        ("real-time 60~FPS encoding, ~5 ms", "real-time 60 FPS encoding, ~5 ms", "latex_unescaped"),
        ("throughput by 1.43times to 2.71times compared", "throughput by 1.43× to 2.71× compared", "times_to_multiplication_sign"),
        ("On ImageNet 64times64, our", "On ImageNet 64×64, our", "times_to_multiplication_sign"),
        ("ImageNet 64times 64 respectively", "ImageNet 64×64 respectively", "times_to_multiplication_sign"),
        ("ImageNet at 64 times 64 resolution", "ImageNet at 64×64 resolution", "times_to_multiplication_sign"),
        ("a 3.5times and 4times improvement", "a 3.5× and 4× improvement", "times_to_multiplication_sign"),
        ("2times3times4times5", "2×3×4×5", "times_to_multiplication_sign"),
        ("CafÃ© and naÃ¯ve", "Café and naïve", "mojibake_fixed"),
        ("itâ€™s done", "it\u2019s done", "mojibake_fixed"),
        ("A &amp; B &lt;2% &#39;x&#39;", "A & B <2% 'x'", "html_unescaped"),
        ("double &amp;amp; escaped", "double & escaped", "html_unescaped"),
        ("e\u0301te\u0301", "été", "unicode_normalized"),
        ("bad\u0007bell and zero\u200bwidth", "badbell and zerowidth", "control_chars_removed"),
        ("bad\u0007bell and zero\u200bwidth", "badbell and zerowidth", "invisible_chars_removed"),
        ("  many   spaces\tand\u00a0nbsp  ", "many spaces and nbsp", "whitespace_normalized"),
    ],
)
def test_scrape_damage_is_repaired_and_flagged(raw, clean, flag):
    cleaned, flags = clean_one(raw)
    assert cleaned == clean
    assert flag in flags


def test_bidirectional_controls_are_removed_and_flagged_as_such():
    """Overrides, embeddings, isolates and marks reorder what a reader sees: removed, and
    the flag names what was done (not control_chars_removed, which is about C0/C1 bytes)."""
    raw = "Safe\u202eTXT.exe\u202c paper \u2066isolated\u2069 \u200fmark\u200e and a NUL\u0000"
    cleaned, flags = clean_one(raw)
    assert cleaned == "SafeTXT.exe paper isolated mark and a NUL"
    assert flags == ["control_chars_removed", "invisible_chars_removed"]
    assert clean_one("\u2067\u202aTitle\u202b\u202d\u2068\ufeff")[0] == "Title"
    assert clean_one("\u202eonly bidi")[1] == ["invisible_chars_removed"]


@pytest.mark.parametrize(
    "english",
    [
        "the student has almost 10.4 times less parameters",
        "a deviation (<2%), three times lower than the MPC",
        "reduces sampling iterations by more than 8 times without loss",
        "We ran it many times over. Times change.",
        "Already clean: 1.43× and 64×64 at 1024², $250M, δ, “quoted”.",
    ],
)
def test_english_and_clean_text_stay_as_they_are(english):
    cleaned, flags = clean_one(english)
    assert cleaned == english
    assert flags == []


def test_null_stays_null():
    assert clean_text(pl.Series([None], dtype=pl.String)).to_list() == [None]


def test_only_rows_that_need_ftfy_go_through_it(monkeypatch):
    seen = []
    import transforms.text as text_module

    monkeypatch.setattr(text_module, "_fix_mojibake", lambda t: seen.append(t) or t)
    clean_text(pl.Series(["plain ascii", "CafÃ© mojibake", "clean unicode café ×"]))
    assert seen == ["CafÃ© mojibake"]


artifact_alphabet = st.sampled_from(
    list("abc XYZ 0123456789.,;:%$()[]{}^&#'`\\\t\n\u00a0\u200b\u202e\u2066é×δÃ©â€™")
    + ["times", " times ", "propto", "{,}", "3{,}", "3~a", "\\%", "\\$", "{\\delta}", "``", "''", "&amp;", "&#39;", "^2", "CafÃ©", "https://x.org/a-"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(artifact_alphabet, max_size=40).map("".join))
def test_cleaning_is_idempotent(text):
    once = clean_text(pl.Series([text]))
    twice = clean_text(once)
    assert twice.to_list() == once.to_list()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_cleaning_any_unicode_is_idempotent(text):
    once = clean_text(pl.Series([text]))
    assert clean_text(once).to_list() == once.to_list()


def _nfc_may_change(char: str) -> bool:
    """A character NFC may change or combine with its neighbour (the quick-check rule)."""
    import unicodedata

    return (
        unicodedata.normalize("NFC", char) != char
        or unicodedata.combining(char) != 0
        or unicodedata.category(char) == "Cn"
    )


def test_nfc_stable_ranges_hold_only_characters_nfc_leaves_alone():
    import unicodedata

    from transforms.text import NFC_STABLE_RANGES

    # Second halves of canonical compositions (NFC_Quick_Check=Maybe): "e" + U+0301 -> "é".
    seconds = {0x1161 + i for i in range(21)} | {0x11A8 + i for i in range(27)}  # Hangul V, T
    for code in range(0x110000):
        decomposition = unicodedata.decomposition(chr(code)) if not 0xD800 <= code <= 0xDFFF else ""
        parts = decomposition.split()
        if len(parts) == 2 and not decomposition.startswith("<") and unicodedata.normalize("NFC", chr(code)) == chr(code):
            seconds.add(int(parts[1], 16))
    for start, end in NFC_STABLE_RANGES:
        for code in range(start, end + 1):
            assert not _nfc_may_change(chr(code)) and code not in seconds, hex(code)


hint_alphabet = st.one_of(
    artifact_alphabet,
    st.sampled_from(["\u0301", "\u212b", "\u1161", "\u00a0\u00a0", "  ", " \t", "&#x41;", "&nbsp;", "Ã", "â€", "^3", "\\\\%"]),
    st.characters(blacklist_categories=("Cs",)),  # surrogates cannot be UTF-8 text
)


@settings(max_examples=400, deadline=None)
@given(st.lists(hint_alphabet, max_size=30).map("".join))
def test_a_repair_leaves_every_row_its_hint_does_not_match_as_it_is(text):
    from transforms.text import REPAIRS

    for flag, hint, repair in REPAIRS:
        matches = pl.Series([text]).str.contains(hint)[0]
        if not matches:
            repaired = pl.select(repair(pl.lit(text, dtype=pl.String))).item()
            assert repaired == text, flag


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(hint_alphabet, max_size=20).map("".join), min_size=1, max_size=8))
def test_skipping_rows_gives_what_every_repair_on_every_row_gives(texts):
    assert_clean_column_is_every_repair_on_every_row(texts)


def assert_clean_column_is_every_repair_on_every_row(texts: list[str]) -> None:
    """clean_column's rows and flags are those of the plain definition: every repair, in
    order, on every row, a flag wherever a repair changed the row."""
    from transforms.text import REPAIRS

    column = pl.Series("text", texts, dtype=pl.String)
    expected, expected_flags = column, [[] for _ in texts]
    for flag, _, repair in REPAIRS:
        after = expected.to_frame().select(repair(pl.col("text"))).to_series()
        for i, (old, new) in enumerate(zip(expected, after)):
            if old != new:
                expected_flags[i].append(flag)
        expected = after
    frame = clean_column(pl.LazyFrame({"raw": column}), "raw", "clean").collect()
    assert frame["clean"].to_list() == expected.to_list()
    assert frame["clean_flags"].to_list() == expected_flags


# --------------------------------------------------------------------------------------
# Invariants of the fast paths (plain rows, gated superscripts, flag look-up).
# --------------------------------------------------------------------------------------


def test_plain_extra_characters_change_under_no_skipped_repair():
    """A plain row holds printable ASCII and PLAIN_EXTRA only: none of those characters may
    be changed by NFC or combine with the one before, be a control character, white space
    or a mojibake lead; and the KEEP_PLAIN repairs write no other character."""
    import re
    import unicodedata

    from transforms.text import CONTROL_CHARS, KEEP_PLAIN, MOJIBAKE_HINT, PLAIN_EXTRA

    seconds = set()  # second halves of canonical compositions
    for code in range(0x110000):
        if not 0xD800 <= code <= 0xDFFF:
            parts = unicodedata.decomposition(chr(code)).split()
            if len(parts) == 2 and not parts[0].startswith("<"):
                seconds.add(chr(int(parts[1], 16)))
    lead = MOJIBAKE_HINT[: MOJIBAKE_HINT.index("]") + 1]
    for char in PLAIN_EXTRA:
        assert not _nfc_may_change(char) and char not in seconds, char
        assert not re.search(CONTROL_CHARS, char) and not char.isspace() and not re.search(lead, char), char
    written = "×"  # times_to_multiplication_sign; the other KEEP_PLAIN repairs only remove characters
    assert all((c.isascii() and c.isprintable()) or c in PLAIN_EXTRA for c in written)
    assert KEEP_PLAIN == {"control_chars_removed", "invisible_chars_removed", "times_to_multiplication_sign", "whitespace_normalized"}


def test_latex_repair_writes_no_white_space_but_spaces_and_no_other_mojibake_lead():
    """A plain row latex_unescaped changed stays plain for the white-space and mojibake
    scans after it unless it holds one of LATEX_WRITTEN_LEADS: what the repair writes must
    be no white space but the ASCII space, no control character, and no other lead."""
    import re

    from transforms.text import CONTROL_CHARS, LATEX_LITERALS, LATEX_WRITTEN_LEADS, MOJIBAKE_HINT, SUPERSCRIPT_DIGITS

    written = set("".join(LATEX_LITERALS.values())) | set(SUPERSCRIPT_DIGITS.values()) | set("∝$, ")  # see _unescape_latex
    lead = MOJIBAKE_HINT[: MOJIBAKE_HINT.index("]") + 1]
    for char in written:
        assert not (char.isspace() and char != " ") and not re.search(CONTROL_CHARS, char), char
        assert bool(re.search(lead, char)) == bool(re.search(LATEX_WRITTEN_LEADS, char)), char
    assert re.search(LATEX_WRITTEN_LEADS, "å") and re.search(LATEX_WRITTEN_LEADS, "ß")


def test_ascii_control_scan_is_the_ascii_control_class():
    from transforms.text import ASCII_CONTROL_SCAN

    chars = [chr(c) for c in range(0x100)] + ["δ", "×", "\u2028", "\u200b"]
    found = pl.Series([f"a{c}b" for c in chars]).str.contains(ASCII_CONTROL_SCAN).to_list()
    assert found == [ord(c) < 0x20 or ord(c) == 0x7F for c in chars]


def test_only_where_keeps_masked_rows_and_nulls():
    from transforms.text import only_where

    frame = pl.DataFrame({"text": ["a", "b", None, "d"], "mask": [True, False, True, None]})
    out = frame.select(only_where(pl.col("mask"), pl.col("text"))).to_series().to_list()
    assert out == ["a", "", None, None]


def _unescape_latex_everywhere(expr: pl.Expr) -> pl.Expr:
    """The LaTeX repair as first written: every step on every row."""
    from transforms.text import LATEX_LITERALS, LATEX_NBSP, LATEX_THOUSANDS, _superscripts

    expr = expr.str.replace_all(r"\\([0-9])", "$$${1}").str.replace_many(LATEX_LITERALS, leftmost=True).str.replace_all(LATEX_NBSP, "${1} ${2}")
    expr = expr.str.replace_all(LATEX_THOUSANDS, "${1},")
    return _superscripts(expr).str.replace_all(r"\bpropto\b", "∝")


latex_alphabet = st.sampled_from(
    list("0123456789 ^^^\\\\{}ab.~,") + ["{,}", "\\delta", "{\\delta}", "\\\\", "\\%", "\\$", "``", "''", "propto", "^2", "1^"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(latex_alphabet, max_size=25).map("".join), min_size=1, max_size=6))
def test_superscripts_only_where_a_caret_and_digit_stand_gives_the_same(texts):
    from transforms.text import _unescape_latex

    frame = pl.DataFrame({"text": [*texts, None]}, schema={"text": pl.String})
    fast = frame.select(_unescape_latex(pl.col("text"))).to_series().to_list()
    plain = frame.select(_unescape_latex_everywhere(pl.col("text"))).to_series().to_list()
    assert fast == plain


plain_alphabet = st.one_of(
    hint_alphabet,
    st.sampled_from(["  ", " ", "\\\\", "{\\delta}", "\\alpha ", "1^2", "3times4", "Ã", "``", "\t", "\u00a0", "{\\aa}", "{\\oe}", "©"]),
    st.sampled_from(list(__import__("transforms.text", fromlist=["PLAIN_EXTRA"]).PLAIN_EXTRA)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(plain_alphabet, max_size=20).map("".join), min_size=1, max_size=8))
def test_plain_rows_give_what_every_repair_on_every_row_gives(texts):
    """Rows made plain, or not, by the repairs before (LaTeX writes Greek, then white space
    or mojibake must still be seen): the fast path gives the plain definition's rows and flags."""
    assert_clean_column_is_every_repair_on_every_row(texts)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.lists(plain_alphabet, max_size=6).map("".join)), max_size=70))
def test_short_texts_searched_in_blocks_are_the_rows_that_match_any_hint(texts):
    """Titles are searched for ANY_HINT in blocks of joined rows, then row by row in the
    blocks that matched: the same rows as the search of every row, white space at the ends
    of rows inside a block and null rows included."""
    from transforms.text import ANY_HINT, _short_rows_matching_any_hint

    column = pl.Series(texts, dtype=pl.String)
    assert _short_rows_matching_any_hint(column).to_list() == column.str.contains(ANY_HINT).fill_null(False).to_list()


def test_white_space_at_the_ends_of_rows_inside_a_block_is_found():
    from transforms.text import BLOCK_ROWS, _short_rows_matching_any_hint

    for special in (" leading", "trailing ", "\ttab", "nbsp\u00a0", "a  b", "&amp;", "Ã©", "x\\y", "3times4"):
        for position in (0, 1, BLOCK_ROWS - 1, BLOCK_ROWS, 2 * BLOCK_ROWS + 5):
            texts = ["Plain Title"] * (3 * BLOCK_ROWS)
            texts[position] = special
            found = _short_rows_matching_any_hint(pl.Series(texts)).to_list()
            assert found == [i == position for i in range(len(texts))], (special, position)


def test_flag_sets_list_the_flags_of_each_mask_in_repair_order():
    from transforms.text import FLAG_NAMES, FLAG_SETS

    assert FLAG_SETS.len() == 1 << len(FLAG_NAMES)
    for mask in (0, 1, 5, 64, 127):
        assert FLAG_SETS[mask].to_list() == [f for bit, f in enumerate(FLAG_NAMES) if mask >> bit & 1]


# --- LaTeX of text fetched from the Hub's API (contract section 3) ---


def render_one(text: str) -> tuple[str, bool]:
    from transforms.text import render_tex, tex_kept

    frame = pl.DataFrame({"text": [text]}).select(out=render_tex(pl.col("text")))
    return frame["out"][0], frame.select(tex_kept(pl.col("out")))["out"][0]


@pytest.mark.parametrize(
    ("tex", "rendered"),
    [
        (r"reaches $63.2\%$ accuracy", "reaches 63.2% accuracy"),
        (r"a $8\times$ speed-up", "a 8× speed-up"),
        (r"up to $2.5 \times$ faster and $3 \times 3$ kernels", "up to 2.5× faster and 3×3 kernels"),
        (r"with $\sim$100 steps and $\sim 3\times$ less", "with ~100 steps and ~3× less"),
        (r"km$^{2}$, $10^{-3}$, $2^{10}$ and $^{\circ}$C", "km², 10⁻³, 2¹⁰ and °C"),
        (r"$\alpha$-blending of $\beta$-VAE and {\delta}", "α-blending of β-VAE and δ"),
        (r"$\pm 0.3$, $\leq 5$, $\geq$ 10, $\approx$ 2", "±0.3, ≤5, ≥10, ≈2"),
        (r"\textbf{bold}, \emph{Fig.}~1, $\mathrm{FID}$ and $\mathcal{O}(n \log n)$", "bold, Fig. 1, FID and O(n log n)"),
        (r"costs \$250M, and $\{a, b\}$", "costs $250M, and {a, b}"),
        (r"$$E = mc^{2}$$ holds", "E = mc² holds"),
        (r"F^2TTA: a name, and $n^2$ steps", "F^2TTA: a name, and n^2 steps"),  # a bare ^2 is left to the repairs
        (r"$10\,000$ images", "10000 images"),
        ("plain text, no LaTeX at all", "plain text, no LaTeX at all"),
    ],
)
def test_api_latex_is_rendered_as_the_page_shows_it(tex, rendered):
    assert render_one(tex) == (rendered, False)


@pytest.mark.parametrize(
    ("tex", "rendered"),
    [(r"state $x_{t+1}$ here", "state x_{t+1} here"), (r"a $\frac{1}{2}$ share", r"a \frac12 share")],
)
def test_api_latex_that_cannot_be_rendered_stays_and_is_marked_kept(tex, rendered):
    assert render_one(tex) == (rendered, True)


def test_no_renderable_command_or_math_delimiter_survives_rendering():
    from transforms.text import GREEK, TEX_SYMBOLS

    names = [name for name in [*TEX_SYMBOLS, *GREEK] if name[0].isalpha()]
    text = " ".join(f"a $\\{name}$ b \\{name}{{}} c" for name in names)
    out, _ = render_one(text)
    assert "$" not in out and not any(f"\\{name}" in out for name in names), out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(plain_alphabet, max_size=20).map("".join), min_size=1, max_size=8))
def test_the_fast_hint_scans_pick_the_rows_each_hint_matches(texts):
    """The literal scans (LITERAL_SCANS), the plain-row shortcuts and their union pick the
    rows texts.str.contains(hint) picks: the rows that go through a repair are the same."""
    from transforms.text import ANY_HINT, REPAIRS, _ascii_plain, _hint_matches, _needs_repair

    column = pl.Series([*texts, None], dtype=pl.String)
    plain = _ascii_plain(column)
    for _, hint, _ in REPAIRS:
        assert _hint_matches(column, hint, plain).to_list() == column.str.contains(hint).fill_null(False).to_list(), hint
    assert _needs_repair(column, plain)[0].to_list() == column.str.contains(ANY_HINT).fill_null(False).to_list()


def test_on_rows_where_transforms_the_picked_rows_only():
    from transforms.text import on_rows_where

    frame = pl.DataFrame({"text": ["a b", "keep b", None, "ab"]})
    out = frame.select(
        on_rows_where(pl.col("text"), lambda t: t.str.starts_with("a"), lambda t: t.str.replace_all("b", "c"))
    )
    assert out.to_series().to_list() == ["a c", "keep b", None, "ac"]
    untouched = frame.select(on_rows_where(pl.col("text"), lambda t: t.str.contains("z"), lambda t: t.str.to_uppercase()))
    assert untouched.to_series().to_list() == frame["text"].to_list()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(plain_alphabet, max_size=20).map("".join), min_size=1, max_size=8))
def test_the_path_of_long_texts_gives_what_every_repair_on_every_row_gives(texts):
    """Texts this short take the one-regex path (SHORT_TEXT_BYTES); abstracts take the
    literal scans and the kept scan results: forced here, same rows and flags."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("transforms.text.SHORT_TEXT_BYTES", 0)
        assert_clean_column_is_every_repair_on_every_row(texts)
