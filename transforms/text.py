"""Clean titles and abstracts (contract section 3): repair what the scrape broke, nothing else.

Every repair is a Polars expression, except two documented fallbacks that run Python on
the rare rows that need them: ftfy for mojibake and `html.unescape` for numeric/named HTML
entities. Each repair that changed a row adds its name to that row's flags.

Speed: most rows need no repair at all, so each repair comes with a `hint`, a regex that
every row it could change matches. A row that matches no hint is copied as it is; the
others go through the repairs whose hints they match. The result is the same as applying
every repair to every row (tests/transforms/test_text.py checks each hint).
"""

import html
import re
import unicodedata
from collections.abc import Callable

import ftfy
import polars as pl

GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
    "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ",
    "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ",
    "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
    "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}  # fmt: skip

# Text-mode symbols and letters authors write as braced commands ("360{\\deg}", "Bokm{\\aa}l").
TEXT_SYMBOLS = {
    "deg": "°", "aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "o": "ø", "O": "Ø", "ss": "ß",
    "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "textdegree": "°", "textmu": "µ",
}  # fmt: skip
# Every braced command the cleaner renders: one still in a text after cleaning is a leftover
# (expectations.rules' scrape_artifact); any other ({\\totaldatasethours}, an author's own
# macro) has no rendering and stays as written.
RENDERED_BRACED_COMMANDS = [*GREEK, *TEXT_SYMBOLS]

SUPERSCRIPT_DIGITS = dict(zip("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))

# Literal LaTeX leftovers -> text. Braced forms first: replace_many(leftmost=True) prefers
# the earlier pattern at the same position.
LATEX_LITERALS: dict[str, str] = {
    "\\\\": " ",  # a LaTeX line break; also keeps "\\%" from turning into a new "\%"
    **{f"{{\\{name}}}": letter for name, letter in GREEK.items()},
    **{f"{{\\{name}}}": symbol for name, symbol in TEXT_SYMBOLS.items()},
    **{f"\\{name}": letter for name, letter in GREEK.items()},
    "\\%": "%",
    "\\$": "$",
    "\\&": "&",
    "``": "\u201c",
    "''": "\u201d",
}

# A UTF-8 lead byte read as Latin-1/cp1252 followed by a continuation byte read the same way:
# the signature of mojibake ("Ã©", "â€™"). Only rows matching it go through ftfy. "×" (0xD7)
# is left out as a lead: it would read our own "×“" as mojibake of Hebrew.
MOJIBAKE_HINT = (
    "[\u00c2-\u00d6\u00d8-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
HTML_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
CONTROL_CHARS = r"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]"
# Invisible format characters: zero-width space/joiners, word joiner, invisible operators, BOM,
# and the bidirectional marks, embeddings, overrides and isolates (U+202E turns "txt.exe"
# into "exe.txt" on screen). Nothing in a title or abstract needs them.
INVISIBLE_CHARS = r"[\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]"
# Characters that NFC leaves as they are whatever stands around them (NFC_Quick_Check=Yes,
# canonical combining class 0, never the second half of a composition): ASCII and the blocks
# abstracts use most. Only a row with some other character can change under NFC.
NFC_STABLE_RANGES = [
    (0x0000, 0x02FF),  # ASCII, Latin-1, Latin Extended-A/B, IPA, spacing modifiers
    (0x0391, 0x03A1), (0x03A3, 0x03A9), (0x03B1, 0x03C9),  # Greek letters
    (0x2010, 0x2027), (0x2030, 0x205E),  # dashes, quotes, bullets, primes...
    (0x2070, 0x2071), (0x2074, 0x208E),  # superscripts and subscripts
    (0x20A0, 0x20C0),  # currency signs
    (0x2190, 0x21FF), (0x2200, 0x22FF),  # arrows, mathematical operators
]  # fmt: skip
NFC_HINT = "[^" + "".join(rf"\x{{{start:X}}}-\x{{{end:X}}}" for start, end in NFC_STABLE_RANGES) + "]"
WHITESPACE_HINT = r"\s{2,}|[^\S ]|^\s|\s$"  # any white space but single spaces inside
LATEX_HINT_LITERALS = ("\\", "``", "''", "^", "propto", "{,}", "~")
LATEX_HINT = "|".join(pl.escape_regex(literal) for literal in LATEX_HINT_LITERALS)
# "60~FPS": a LaTeX non-breaking space between a number and its unit. ("~100", "5~10" are
# "about" and a range: a tilde before a number stays.)
LATEX_NBSP = r"([0-9])~([A-Za-z])"
LATEX_THOUSANDS = r"([0-9])\{,\}"  # "10{,}000": the math-mode thousands separator
# `times` standing for ×: glued to a number, or between two numbers.
TIMES_BETWEEN_NUMBERS = r"([0-9])(?:times\s*|\s+times\s+)([0-9])"
TIMES_GLUED = r"([0-9])times([^\pL\pN]|$)"


def only_where(mask: pl.Expr, text: pl.Expr) -> pl.Expr:
    """`text` where `mask` is true, "" where it is false, null where it is null (or text is).

    To run a costly string operation on some rows only. `pl.when(mask).then(text)` is not
    enough: it only marks the other rows null, their bytes stay, and in Polars 2.1
    `str.contains`, `str.replace(_all)`, `str.to_lowercase`, `str.slice/head/tail` and
    `str.len_chars` still work through them (`extract`, `extract_all`, `extract_groups`,
    `find`, `count_matches`, `split`, `replace_many`, `normalize`, `strip_*` skip them).
    An empty string costs nothing. Mask the result again where the "" rows would show."""
    return pl.when(mask).then(text).when(mask.is_not_null()).then(pl.lit("", dtype=pl.String))


def found_where(where: pl.Expr, text: pl.Expr, pattern: str, literal: bool = False) -> pl.Expr:
    """Whether `pattern` occurs in `text`, searched on the rows of `where` only (false on the
    others, never null): `find` skips the null rows the mask leaves, `contains` would read
    every row, masked or not (see only_where)."""
    return pl.when(where).then(text).str.find(pattern, literal=literal).is_not_null()


def on_rows_where(text: pl.Expr, where: Callable[[pl.Expr], pl.Expr], transform: Callable[[pl.Expr], pl.Expr]) -> pl.Expr:
    """`transform(text)` on the rows where `where(text)` is true, the others as they are.

    For a string transform that changes few rows: a transform (or a when/then) over the
    whole column writes every row's bytes anew, here the rows are picked, transformed and
    put back (gather, scatter: the other rows' bytes are not copied). Row-wise."""

    def apply(texts: pl.Series) -> pl.Series:
        frame = texts.to_frame("text")
        picked = frame.select(where(pl.col("text"))).to_series().fill_null(False)
        if not picked.any():
            return texts
        positions = picked.arg_true()
        changed = frame[positions].select(transform(pl.col("text"))).to_series()
        return texts.clone().scatter(positions, changed)

    return text.map_batches(apply, return_dtype=pl.String, is_elementwise=True)


def _fix_rare_rows(fix: Callable[[str], str], hint: str) -> Callable[[pl.Series], pl.Series]:
    """Run `fix` in Python only on the rows that match `hint`; the rest stay as they are."""

    def apply(texts: pl.Series) -> pl.Series:
        needs_fix = texts.str.contains(hint).fill_null(False)
        if not needs_fix.any():
            return texts
        positions = needs_fix.arg_true()
        fixed = pl.Series([fix(text) for text in texts.gather(positions)], dtype=pl.String)
        return texts.clone().scatter(positions, fixed)

    return apply


def _unescape_html(text: str) -> str:
    # Double-escaped entities (&amp;amp;) are common in scrapes: unescape until stable.
    for _ in range(3):
        unescaped = html.unescape(text)
        if unescaped == text:
            break
        text = unescaped
    return text


def _fix_mojibake(text: str) -> str:
    # The repairs before this one (NFC, white space) are redone on what ftfy changed.
    return " ".join(unicodedata.normalize("NFC", ftfy.fix_encoding(text)).split())


def _superscripts(expr: pl.Expr) -> pl.Expr:
    for digit, superscript in SUPERSCRIPT_DIGITS.items():
        expr = expr.str.replace_all(rf"([0-9])\^{digit}", f"${{1}}{superscript}")
    return expr


assert all("\\" in literal or literal in ("``", "''") for literal in LATEX_LITERALS)  # the gate below


def _unescape_latex(expr: pl.Expr) -> pl.Expr:
    """Each step on the rows that hold what it replaces (a literal it needs), the others
    as they are: most rows with some LaTeX have one or two of the seven kinds, and a step
    over every row writes every row anew. The ten superscript passes run on the rows with
    "^" and a digit."""

    def holding(*literals: str) -> Callable[[pl.Expr], pl.Expr]:
        return lambda text: _any_literal(text, literals)

    # A backslash right before a number is a dollar sign the scrape ate ("\250 million").
    expr = on_rows_where(expr, holding("\\"), lambda e: e.str.replace_all(r"\\([0-9])", "$$${1}"))
    expr = on_rows_where(expr, holding("\\", "``", "''"), lambda e: e.str.replace_many(LATEX_LITERALS, leftmost=True))
    expr = on_rows_where(expr, holding("~"), lambda e: e.str.replace_all(LATEX_NBSP, "${1} ${2}"))
    expr = on_rows_where(expr, holding("{,}"), lambda e: e.str.replace_all(LATEX_THOUSANDS, "${1},"))
    expr = on_rows_where(expr, lambda text: text.str.contains(r"\^[0-9]"), _superscripts)
    return on_rows_where(expr, holding("propto"), lambda e: e.str.replace_all(r"\bpropto\b", "∝"))


def _times_to_sign(expr: pl.Expr) -> pl.Expr:
    # Twice: a match consumes its right-hand number, so "2times3times4" needs a second pass.
    for _ in range(2):
        expr = expr.str.replace_all(TIMES_BETWEEN_NUMBERS, "${1}×${2}")
    return expr.str.replace_all(TIMES_GLUED, "${1}×${2}")


# (flag, hint, repair): the repair runs on the rows that match the hint, and the flag is set
# on the rows whose text it changed. Order matters for idempotence: mojibake is judged on the
# text the other repairs leave ("Ã``" becomes "Ã“", which is mojibake of "Ó"), so it comes last.
REPAIRS: list[tuple[str, str, Callable[[pl.Expr], pl.Expr]]] = [
    ("html_unescaped", HTML_ENTITY, lambda e: e.map_batches(_fix_rare_rows(_unescape_html, HTML_ENTITY), return_dtype=pl.String)),
    ("unicode_normalized", NFC_HINT, lambda e: e.str.normalize("NFC")),
    ("control_chars_removed", CONTROL_CHARS, lambda e: e.str.replace_all(CONTROL_CHARS, "")),
    ("invisible_chars_removed", INVISIBLE_CHARS, lambda e: e.str.replace_all(INVISIBLE_CHARS, "")),
    ("latex_unescaped", LATEX_HINT, _unescape_latex),
    ("times_to_multiplication_sign", "times", _times_to_sign),
    ("whitespace_normalized", WHITESPACE_HINT, lambda e: e.str.replace_all(r"\s+", " ").str.strip_chars()),
    ("mojibake_fixed", MOJIBAKE_HINT, lambda e: e.map_batches(_fix_rare_rows(_fix_mojibake, MOJIBAKE_HINT), return_dtype=pl.String)),
]
FLAG_NAMES = [flag for flag, _, _ in REPAIRS]
# A row that matches none of these needs no repair: one regex pass over the column.
ANY_HINT = "|".join(f"(?:{hint})" for _, hint, _ in REPAIRS)
REPAIRED = pl.Struct({"text": pl.String, "changed": pl.UInt8})  # changed: bit i <=> REPAIRS[i]
# The flags of every `changed` bit mask, in REPAIRS order: a row's flags are looked up by its
# mask (building a list per row with concat_list costs more than the repairs themselves).
FLAG_SETS = pl.Series(
    [[flag for bit, flag in enumerate(FLAG_NAMES) if mask >> bit & 1] for mask in range(1 << len(FLAG_NAMES))],
    dtype=pl.List(pl.String),
)

# Fast hints. NFC_HINT, CONTROL_CHARS, INVISIBLE_CHARS, MOJIBAKE_HINT and WHITESPACE_HINT are (Unicode)
# classes: no literal to search for, so the regex crate runs its DFA over every byte, 5-10x
# slower than the other hints. Most rows that need some repair are *plain*: printable ASCII
# and PLAIN_EXTRA only, characters that are NFC stable, no control character, no white space
# and no mojibake lead. On a plain row the NFC, control-character, invisible-character and
# mojibake repairs change nothing, and WHITESPACE_HINT is a double space or a space at either
# end: plain rows are not scanned for those five. A row of as many bytes as characters and no ASCII control character
# is plain; the repairs in KEEP_PLAIN write only printable ASCII and PLAIN_EXTRA, so a plain
# row stays plain through them (rows another repair changed are checked again).
# tests/transforms/test_text.py checks PLAIN_EXTRA, and that skipping gives the same rows.
# latex_unescaped is not among them: it may write letters that are mojibake leads (å, Ø,
# ß from {\\aa}, {\\O}, {\\ss}), so the rows it changed are checked again.
PLAIN_EXTRA = "×"  # what times_to_multiplication_sign writes
# latex_unescaped writes Greek letters, quotes, symbols and ASCII spaces: a plain row it
# changed is no longer plain, but the repairs after it only look for white space (none of
# what it writes is white space but the ASCII space) and mojibake (a lead it may write: å,
# Ø, ß... from {\\aa}, {\\O}, {\\ss}). So a plain row it changed counts as plain for them
# unless it now holds one of these leads (the full regex scan of such rows cost more than
# the LaTeX repair itself). tests/transforms/test_text.py checks what it writes.
LATEX_WRITTEN_LEADS = "[" + "".join(
    sorted({c for c in "".join(LATEX_LITERALS.values()) if re.fullmatch(MOJIBAKE_HINT[: MOJIBAKE_HINT.index("]") + 1], c)})
) + "]"
KEEP_PLAIN = {"control_chars_removed", "invisible_chars_removed", "times_to_multiplication_sign", "whitespace_normalized"}
SKIPPED_WHEN_PLAIN = (NFC_HINT, CONTROL_CHARS, INVISIBLE_CHARS, MOJIBAKE_HINT, WHITESPACE_HINT)
# [\x00-\x1F\x7F] as small classes: a class of more than 10 bytes leaves the regex crate no
# literal prefilter.
ASCII_CONTROL_SCAN = r"[\x00-\x07]|[\x08-\x0F]|[\x10-\x17]|[\x18-\x1F]|\x7F"


def _ascii_plain(texts: pl.Series) -> pl.Series:
    """Printable ASCII only (so plain); false on null rows."""
    plain = (texts.str.len_bytes() == texts.str.len_chars()) & ~texts.str.contains(ASCII_CONTROL_SCAN)
    return plain.fill_null(False)


def _any_literal(text: pl.Expr, literals: tuple[str, ...]) -> pl.Expr:
    return pl.any_horizontal(*(text.str.contains(literal, literal=True) for literal in literals))


# The hints that are literals, or need one: searched literal by literal (memchr-fast; one
# regex of several literals is 5-10x slower), HTML_ENTITY only on the rows with a "&" (the
# others null, which `find` skips: a regex call on an empty row still costs ~50 ns).
# Each gives the rows texts.str.contains(hint) gives (false for null where it gives null).
LITERAL_SCANS: dict[str, Callable[[pl.Expr], pl.Expr]] = {
    HTML_ENTITY: lambda text: found_where(text.str.contains("&", literal=True), text, HTML_ENTITY),
    # "\\", "^" and "~" as one class of three bytes, and the three two- or three-byte literals,
    # in one regex: the regex crate searches them together (SIMD), 3.6 ms for 64 MB of
    # abstracts where the class and three literal scans take 10 ms. "propto" on its own:
    # in that regex it would cost 20 ms more.
    LATEX_HINT: lambda text: text.str.contains(r"[\\^~]|``|''|\{,\}") | text.str.contains("propto", literal=True),
    "times": lambda text: text.str.contains("times", literal=True),
}
assert {hint for _, hint, _ in REPAIRS} == set(LITERAL_SCANS) | set(SKIPPED_WHEN_PLAIN)
assert set(LATEX_HINT_LITERALS) == {"\\", "^", "~", "``", "''", "propto", "{,}"}  # as scanned above
# The other hints in one regex, for the rows that are not plain.
UNICODE_HINT = "|".join(f"(?:{hint})" for hint in SKIPPED_WHEN_PLAIN)
# White space or mojibake: the rows the last two repairs may change (the white-space repair
# only takes characters out of a row, or makes a run of them one space: it never makes
# mojibake), so each of the two is searched for on the rows of this one scan only.
WHITESPACE_OR_MOJIBAKE = f"(?:{WHITESPACE_HINT})|(?:{MOJIBAKE_HINT})"
_LAST_TWO = (WHITESPACE_HINT, MOJIBAKE_HINT)
assert [hint for _, hint, _ in REPAIRS[-2:]] == list(_LAST_TWO)


def _skipped_hint_matches(text: pl.Expr, is_plain: pl.Expr, hint: str) -> pl.Expr:
    """text.str.contains(hint) for a hint of SKIPPED_WHEN_PLAIN (or a union of some, with
    WHITESPACE_HINT in it), without scanning the plain rows: on them only WHITESPACE_HINT
    can match, and there it is a double space or a space at either end."""
    in_plain = pl.lit(False)
    if hint in (WHITESPACE_HINT, UNICODE_HINT, WHITESPACE_OR_MOJIBAKE):
        in_plain = text.str.contains("  ", literal=True) | text.str.starts_with(" ") | text.str.ends_with(" ")
    return pl.when(is_plain).then(in_plain).otherwise(only_where(~is_plain, text).str.contains(hint))


def _hint_scan(hint: str) -> pl.Expr:
    text, is_plain = pl.col("text"), pl.col("plain")
    return LITERAL_SCANS[hint](text) if hint in LITERAL_SCANS else _skipped_hint_matches(text, is_plain, hint)


def _hint_matches(texts: pl.Series, hint: str, plain: pl.Series) -> pl.Series:
    """The rows to run the repair of `hint` on: texts.str.contains(hint), by literal
    searches (LITERAL_SCANS), and plain rows not scanned for a hint of SKIPPED_WHEN_PLAIN."""
    return pl.DataFrame({"text": texts, "plain": plain}).select(_hint_scan(hint)).to_series().fill_null(False)


def _needs_repair(texts: pl.Series, plain: pl.Series) -> tuple[pl.Series, pl.DataFrame]:
    """texts.str.contains(ANY_HINT), false on null rows: the literal scans on every row,
    one regex of the other hints on the rows that are not plain; and the rows of each
    literal scan (a column per hint of LITERAL_SCANS)."""
    scans = (
        pl.DataFrame({"text": texts, "plain": plain})
        .select(**{hint: _hint_scan(hint).fill_null(False) for hint in LITERAL_SCANS}, __others=_hint_scan(UNICODE_HINT))
    )
    needs = scans.select(pl.any_horizontal(pl.all()).fill_null(False)).to_series()
    return needs, scans.drop("__others")


def _repair_rows(texts: pl.Series, plain: pl.Series, scanned: pl.DataFrame) -> tuple[pl.Series, pl.Series]:
    """Every repair in turn, each on the rows its hint matches -> (texts, changed bits).
    `plain`: _ascii_plain(texts); `scanned`: what the literal scans found in `texts`, used
    while no repair has changed a row."""
    changed = pl.zeros(texts.len(), dtype=pl.UInt8, eager=True)
    unchanged = True
    last_two: pl.Series | None = None
    for bit, (flag, hint, repair) in enumerate(REPAIRS):
        if unchanged and hint in scanned.columns:
            needs = scanned[hint]
        elif hint in _LAST_TWO:
            if last_two is None:
                last_two = _hint_matches(texts, WHITESPACE_OR_MOJIBAKE, plain).arg_true()
            needs = pl.zeros(texts.len(), dtype=pl.Boolean, eager=True)
            if last_two.len():
                needs = needs.scatter(last_two, _hint_matches(texts.gather(last_two), hint, plain.gather(last_two)))
        else:
            needs = _hint_matches(texts, hint, plain)
        if not needs.any():
            continue
        positions = needs.arg_true()
        before = texts.gather(positions)
        after = before.to_frame("text").select(repair(pl.col("text"))).to_series()
        differs = (before != after).fill_null(False)
        if differs.any():
            unchanged = False
        texts = texts.clone().scatter(positions, after)
        changed = changed.clone().scatter(positions, changed.gather(positions) | differs.cast(pl.UInt8) * (1 << bit))
        if flag == "latex_unescaped" and differs.any():
            # Only mojibake and white space are looked for after it: see LATEX_WRITTEN_LEADS.
            plain = plain.clone().scatter(positions, plain.gather(positions) & ~after.str.contains(LATEX_WRITTEN_LEADS))
        elif flag not in KEEP_PLAIN and differs.any():
            plain = plain.clone().scatter(positions, _ascii_plain(after))
    return texts, changed


# A literal search costs some 20 ns a row however short the row: on short texts (titles)
# one regex of all the hints costs less than the ten literal scans.
SHORT_TEXT_BYTES = 200
# And that regex is searched for in blocks of BLOCK_ROWS short texts joined by
# BLOCK_SEPARATOR, then row by row only in the blocks where it matched: on a 70-byte title
# the call costs more than the search (~270 ns a row), and few titles need a repair (3 in
# the 3,000 of the corpus). No hint matches the separator or a text across it, but white
# space at either end of a row, which ANY_HINT_IN_BLOCKS also finds next to a separator.
BLOCK_ROWS = 16
BLOCK_SEPARATOR = "|"
ANY_HINT_IN_BLOCKS = ANY_HINT.replace(r"|^\s|\s$)", r"|(?:^|\|)\s|\s(?:\||$))")
assert ANY_HINT.count(r"|^\s|\s$)") == 1 and ANY_HINT_IN_BLOCKS != ANY_HINT


def _short_rows_matching_any_hint(texts: pl.Series) -> pl.Series:
    """texts.str.contains(ANY_HINT), false on null rows, by blocks (see BLOCK_ROWS)."""
    rows = texts.len()
    if rows == 0:
        return pl.Series(dtype=pl.Boolean)
    padded = texts.fill_null("").extend_constant("", -rows % BLOCK_ROWS)
    joined = padded.reshape((-1, BLOCK_ROWS)).arr.join(BLOCK_SEPARATOR)
    in_matching_block = joined.str.contains(ANY_HINT_IN_BLOCKS).gather(pl.int_range(rows, eager=True) // BLOCK_ROWS)
    positions = in_matching_block.arg_true()
    needs = pl.zeros(rows, dtype=pl.Boolean, eager=True)
    if positions.len():
        needs = needs.scatter(positions, texts.gather(positions).str.contains(ANY_HINT).fill_null(False))
    return needs


def _repair(texts: pl.Series) -> pl.Series:
    """Struct {text, changed} for a column: only the rows that match some hint are touched."""
    if (texts.str.len_bytes().mean() or 0) < SHORT_TEXT_BYTES:
        plain, needs, scanned = None, _short_rows_matching_any_hint(texts), pl.DataFrame()
    else:
        plain = _ascii_plain(texts)
        needs, scanned = _needs_repair(texts, plain)
    changed = pl.zeros(texts.len(), dtype=pl.UInt8, eager=True)
    if needs.any():
        positions = needs.arg_true()
        rows = texts.gather(positions)
        rows_plain = _ascii_plain(rows) if plain is None else plain.gather(positions)
        fixed, fixed_changed = _repair_rows(rows, rows_plain, scanned[positions] if scanned.width else scanned)
        texts = texts.clone().scatter(positions, fixed)
        changed = changed.scatter(positions, fixed_changed)
    return pl.struct(text=texts, changed=changed, eager=True)


def repair_column(frame: pl.LazyFrame, source: str, target: str) -> pl.LazyFrame:
    """Write the cleaned text of column `source` to `target`, and the repairs it made to
    `{target}_repairs` (UInt8: bit i set <=> REPAIRS[i] changed the row; FLAG_SETS[mask] is
    the list of flag names)."""
    repaired = f"__{target}_repaired"
    # Row-wise, so Polars may run it on batches of rows in parallel.
    repair = pl.col(source).map_batches(_repair, return_dtype=REPAIRED, is_elementwise=True)
    return (
        frame.with_columns(repair.alias(repaired))
        .with_columns(
            pl.col(repaired).struct.field("text").alias(target),
            pl.col(repaired).struct.field("changed").alias(f"{target}_repairs"),
        )
        .drop(repaired)
    )


def clean_column(frame: pl.LazyFrame, source: str, target: str) -> pl.LazyFrame:
    """Write the cleaned text of column `source` to `target`, and its repairs to `{target}_flags`."""
    repairs = f"{target}_repairs"
    flags = pl.lit(FLAG_SETS).gather(pl.col(repairs))
    return repair_column(frame, source, target).with_columns(flags.alias(f"{target}_flags")).drop(repairs)


def clean_text(texts: pl.Series) -> pl.Series:
    """Convenience for tests and notebooks: clean a Series of strings."""
    frame = clean_column(pl.LazyFrame({"text": texts}), "text", "clean").collect()
    return frame["clean"]


# --- Text fetched from the Hub's API (contract sections 1b and 3) ---------------------------
# The API serves the authors' abstracts as arXiv does: LaTeX intact, `$` delimits math and a
# literal dollar is `\$`. In scraped text `$` is a dollar (the page had rendered the math),
# so this rendering runs on the entries of fetched snapshots only, before the repairs above.
# Fetched snapshots are small (a day's listing): a few dozen expressions per column is fine.

TEX_SYMBOLS: dict[str, str] = {
    "times": "×", "pm": "±", "mp": "∓", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥",
    "neq": "≠", "ne": "≠", "approx": "≈", "sim": "~", "simeq": "≃", "cdot": "·",
    "infty": "∞", "rightarrow": "→", "to": "→", "leftarrow": "←", "Rightarrow": "⇒",
    "ldots": "…", "dots": "…", "cdots": "⋯", "circ": "∘", "propto": "∝", "ll": "≪",
    "gg": "≫", "in": "∈", "partial": "∂", "nabla": "∇", "sum": "∑", "prod": "∏",
    "checkmark": "✓", "degree": "°", "dagger": "†", "ast": "*", "star": "⋆",
    "left": "", "right": "", "big": "", "Big": "", "bigg": "", "displaystyle": "",
    "quad": " ", "qquad": " ", "textrm": "", "rm": "", "it": "", "bf": "",
    "ell": "ℓ", "log": "log", "exp": "exp", "max": "max", "min": "min", "arg": "arg",
    "sin": "sin", "cos": "cos", "tanh": "tanh", "lim": "lim", "det": "det",
    "%": "%", "&": "&", "_": "_", "#": "#", ",": " ", ";": " ",
    ":": " ", "!": "", " ": " ",
    **GREEK,
}  # fmt: skip
# Commands whose argument is the text itself: \textbf{x} -> x.
TEX_TEXT_COMMANDS = (
    "textbf|textit|textsc|texttt|textsf|textrm|textnormal|text|emph|underline|mbox|"
    "mathrm|mathbf|mathit|mathsf|mathtt|mathcal|mathbb|boldsymbol|bm|operatorname|hat|tilde|bar"
)
TEX_END = "\ue000"  # marks the end of a command's name, so that \le never matches inside \left
TEX_DOLLAR = "\ue001"  # an escaped dollar (\$) while math delimiters are dropped
TEX_BRACES = {"\\{": "\ue002", "\\}": "\ue003"}  # escaped braces while grouping braces are dropped
# What rendering leaves as written (latex_kept): a command, a braced sub- or superscript.
TEX_KEPT = r"\\[A-Za-z]+|[_^]\{"
SUPERSCRIPTS = "".join(SUPERSCRIPT_DIGITS.values()) + "⁻⁺"


def _tex_superscripts(expr: pl.Expr) -> pl.Expr:
    """^{2}, ^{-1}, ^{10}, ^\\circ -> ², ⁻¹, ¹⁰, °."""
    # A bare ^2 is left to the repairs (1024^2 -> 1024²), as in scraped text: outside math
    # it is no LaTeX ("F^2TTA" in a title is the paper's name).
    expr = expr.str.replace_all(r"\^\{\\circ\}|\^\\circ\b", "°")
    # Braced: convert one character per pass, then drop the braces of what is all done.
    pending = rf"\^\{{([{SUPERSCRIPTS}]*)"
    for _ in range(4):
        for char, superscript in [*SUPERSCRIPT_DIGITS.items(), ("-", "⁻"), ("+", "⁺")]:
            expr = expr.str.replace_all(pending + rf"\{char}" if char in "+-" else pending + char, f"^{{${{1}}{superscript}")
    return expr.str.replace_all(rf"\^\{{([{SUPERSCRIPTS}]+)\}}", "${1}")


def render_tex(expr: pl.Expr) -> pl.Expr:
    """LaTeX as arXiv serves it -> what a reader of the page sees (contract section 3):
    math delimiters dropped, symbols and Greek letters as characters, ^{2} -> ², the
    argument of \\textbf{...} and the like kept, grouping braces dropped. What it cannot
    render stays as written (see TEX_KEPT)."""
    expr = expr.str.replace_many({"\\$": TEX_DOLLAR, **TEX_BRACES})
    expr = expr.str.replace_all(r"\$\$?([^$]*)\$?\$", "${1}")  # $...$ and $$...$$
    expr = expr.str.replace_all(r"([^\\])~", "${1} ")  # a LaTeX tie is a space
    for _ in range(2):  # nested once: \textbf{\emph{x}}
        expr = expr.str.replace_all(rf"\\(?:{TEX_TEXT_COMMANDS})\s*\{{([^{{}}]*)\}}", "${1}")
    expr = _tex_superscripts(expr)
    expr = expr.str.replace_all(r"([0-9])\\,([0-9])", "${1}${2}")  # 10\,000: a thin space in a number
    expr = expr.str.replace_all(r"\\([A-Za-z]+)", f"\\${{1}}{TEX_END}")  # a command's name ends here
    expr = expr.str.replace_many(
        {f"\\{name}{TEX_END if name[0].isalpha() else ''}": symbol for name, symbol in TEX_SYMBOLS.items()}
    )
    expr = expr.str.replace_all(TEX_END, "", literal=True)  # an unknown command: as written
    expr = expr.str.replace_all(r"([0-9]) ?× ?([0-9])", "${1}×${2}").str.replace_all(r"([0-9]) ×", "${1}×")
    expr = expr.str.replace_all(r"(^|[^0-9A-Za-z.)])([~±∓≤≥≈<>]) ([0-9])", "${1}${2}${3}")  # $\pm 0.3$ -> ±0.3
    for _ in range(2):  # grouping braces: {x} -> x, {{x}} -> x
        expr = expr.str.replace_all(r"(^|[^_^\\])\{([^{}_^\\]*)\}", "${1}${2}")
    return expr.str.replace_many({TEX_DOLLAR: "$", "\ue002": "{", "\ue003": "}"})


def tex_kept(expr: pl.Expr) -> pl.Expr:
    """Rendered text that still holds LaTeX the rendering leaves as written."""
    return expr.str.contains(TEX_KEPT)
