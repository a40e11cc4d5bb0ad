"""Clean titles and abstracts (contract section 3): repair what the scrape broke, nothing else.

Every repair is a Polars expression over the whole column, except two documented
fallbacks that run Python on the rare rows that need them: ftfy for mojibake and
`html.unescape` for numeric/named HTML entities. Each repair that changed a row adds
its name to that row's flags.
"""

import html
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

SUPERSCRIPT_DIGITS = dict(zip("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))

# Literal LaTeX leftovers -> text. Braced forms first: replace_many(leftmost=True) prefers
# the earlier pattern at the same position.
LATEX_LITERALS: dict[str, str] = {
    "\\\\": " ",  # a LaTeX line break; also keeps "\\%" from turning into a new "\%"
    **{f"{{\\{name}}}": letter for name, letter in GREEK.items()},
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
CONTROL_CHARS = r"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u200B-\u200D\u2060\uFEFF]"
# `times` standing for ×: glued to a number, or between two numbers.
TIMES_BETWEEN_NUMBERS = r"([0-9])(?:times\s*|\s+times\s+)([0-9])"
TIMES_GLUED = r"([0-9])times([^\pL\pN]|$)"


def _fix_rare_rows(fix: Callable[[str], str], hint: str) -> Callable[[pl.Series], pl.Series]:
    """Run `fix` in Python only on the rows that match `hint`; the rest stay as they are."""

    def apply(texts: pl.Series) -> pl.Series:
        needs_fix = texts.str.contains(hint).fill_null(False)
        if not needs_fix.any():
            return texts
        positions = needs_fix.arg_true()
        fixed = pl.Series([fix(text) for text in texts.gather(positions)], dtype=pl.String)
        return texts.scatter(positions, fixed)

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


def _unescape_latex(expr: pl.Expr) -> pl.Expr:
    # A backslash right before a number is a dollar sign the scrape ate ("\250 million").
    expr = expr.str.replace_all(r"\\([0-9])", "$$${1}")
    expr = expr.str.replace_many(LATEX_LITERALS, leftmost=True)
    expr = _superscripts(expr)
    return expr.str.replace_all(r"\bpropto\b", "∝")


def _times_to_sign(expr: pl.Expr) -> pl.Expr:
    # Twice: a match consumes its right-hand number, so "2times3times4" needs a second pass.
    for _ in range(2):
        expr = expr.str.replace_all(TIMES_BETWEEN_NUMBERS, "${1}×${2}")
    return expr.str.replace_all(TIMES_GLUED, "${1}×${2}")


# (flag, repair): the repair is applied to every row; the flag is set on the rows
# whose text it changed. Order matters for idempotence: mojibake is judged on the text the
# other repairs leave ("Ã``" becomes "Ã“", which is mojibake of "Ó"), so it comes last.
REPAIRS: list[tuple[str, Callable[[pl.Expr], pl.Expr]]] = [
    ("html_unescaped", lambda e: e.map_batches(_fix_rare_rows(_unescape_html, HTML_ENTITY), return_dtype=pl.String)),
    ("unicode_normalized", lambda e: e.str.normalize("NFC")),
    ("control_chars_removed", lambda e: e.str.replace_all(CONTROL_CHARS, "")),
    ("latex_unescaped", _unescape_latex),
    ("times_to_multiplication_sign", _times_to_sign),
    ("whitespace_normalized", lambda e: e.str.replace_all(r"\s+", " ").str.strip_chars()),
    ("mojibake_fixed", lambda e: e.map_batches(_fix_rare_rows(_fix_mojibake, MOJIBAKE_HINT), return_dtype=pl.String)),
]
FLAG_NAMES = [flag for flag, _ in REPAIRS]


def clean_column(frame: pl.LazyFrame, source: str, target: str) -> pl.LazyFrame:
    """Write the cleaned text of column `source` to `target`, and its repairs to `{target}_flags`."""
    step_columns = []
    current = pl.col(source)
    for flag, repair in REPAIRS:
        step = f"__{target}_{flag}"
        frame = frame.with_columns(repair(current).alias(step))
        step_columns.append((flag, current, pl.col(step)))
        current = pl.col(step)
    flags = pl.concat_list(
        [pl.when(before != after).then(pl.lit(flag)) for flag, before, after in step_columns]
    ).list.drop_nulls()
    return frame.with_columns(current.alias(target), flags.alias(f"{target}_flags")).drop(
        [f"__{target}_{flag}" for flag in FLAG_NAMES]
    )


def clean_text(texts: pl.Series) -> pl.Series:
    """Convenience for tests and notebooks: clean a Series of strings."""
    frame = clean_column(pl.LazyFrame({"text": texts}), "text", "clean").collect()
    return frame["clean"]
