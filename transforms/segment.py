"""Lines of a snapshot -> entries (title line + abstract line), boilerplate out.

The alternation of content lines decides what is a title (contract section 1): a title
may read like a sentence, a question or an abstract. What a line looks like (length,
sentence structure) is only used to find where the alternation may restart, so that a
title with no abstract after it, or an abstract with no title before it, becomes an entry
of its own with a `segment_issues` reason instead of shifting every later entry.
"""

import polars as pl

from transforms.text import found_where, on_rows_where

# Page chrome of the Hugging Face trending page seen glued to the start of the next title
# ("SubscribeReservoir Computing ..."): only these are ever cut off a title.
GLUED_BOILERPLATE = (
    "Get trending papers in your email inbox once a day!",
    "Get trending papers in your email inbox!",
    "Subscribe",
)
# Other short UI strings of the page: boilerplate only when they are the whole line.
BOILERPLATE = (
    *GLUED_BOILERPLATE,
    "Trending Papers", "Trending papers", "Trending", "Daily Papers", "Papers", "Sign Up",
    "Log In", "Login", "Sign in", "Upvote", "Upvoted", "View all", "Load more", "Show more",
    "See more", "Submit", "Submit a paper", "Follow", "Share", "Search", "Models", "Datasets",
    "Spaces", "Posts", "Docs", "Enterprise", "Pricing", "Community", "Collections", "new",
)  # fmt: skip


def _alternation(strings: tuple[str, ...]) -> str:
    return "|".join(pl.escape_regex(text) for text in strings)


# The whole line is chrome (possibly several strings in a row), or has no letter at all
# (vote counts, bullets).
_BOILERPLATE_LINE = rf"^(?:(?:{_alternation(BOILERPLATE)})\s*)+$|^[^\pL]*$"
# Chrome glued to a title: no space between, and the title starts with a capital or digit.
_GLUED_PREFIX = rf"^(?:{_alternation(GLUED_BOILERPLATE)})+([\p{{Lu}}\p{{N}}])"

# What each of GLUED_BOILERPLATE starts with: the lines to cut chrome off are picked by
# these two searches (the cut itself only takes the strings of _GLUED_PREFIX).
_GLUED_STARTS = ("Get trending papers in your email inbox", "Subscribe")
assert all(chrome.startswith(_GLUED_STARTS) for chrome in GLUED_BOILERPLATE)

# An abstract has sentences; a title is a short phrase. Titles may end in "?" or "!".
_SENTENCE_BREAK = r"[.!?] [\p{Lu}\p{N}]"
ABSTRACT_MIN_CHARS = 100
ABSTRACT_SURE_CHARS = 600
SHORT_ABSTRACT_MIN_WORDS = 8

MISSING_ABSTRACT = "missing_abstract: title line has no abstract after it"
MISSING_TITLE = "missing_title: abstract line has no title before it"
# segment_issues by bit mask: 1 no abstract, 2 no title.
ISSUE_SETS = pl.Series([[], [MISSING_ABSTRACT], [MISSING_TITLE], [MISSING_ABSTRACT, MISSING_TITLE]], dtype=pl.List(pl.String))


# What the regex crate's \s matches: the characters of Unicode's White_Space property
# (tests/transforms/test_segment.py checks it over every code point).
WHITE_SPACE = [
    "\t", "\n", "\x0b", "\x0c", "\r", " ", "\x85", "\xa0", "\u1680",
    *(chr(code) for code in range(0x2000, 0x200B)), "\u2028", "\u2029", "\u202f", "\u205f", "\u3000",
]  # fmt: skip


def classify_lines(lines: pl.LazyFrame) -> pl.LazyFrame:
    """Add `content` (trimmed, chrome removed) and `kind` (blank/boilerplate/title/abstract).

    `kind` title/abstract is how the line *looks*; `pair_entries` decides what it is.

    Input columns: source_file, line_no, text (one row per line, line ending removed).
    """
    trimmed = pl.col("__trimmed")
    # Both only on the rows they change (most lines have no white space at either end, and
    # a few hundred a shard start with chrome): a pass over every line copies every line.
    glued = lambda text: pl.any_horizontal(*(text.str.starts_with(start) for start in _GLUED_STARTS))  # noqa: E731
    content = on_rows_where(trimmed, glued, lambda text: text.str.replace(_GLUED_PREFIX, "${1}"))
    # The first and the last character looked up, not two regexes run on every line (a
    # regex call costs ~80 ns a line, however short the match).
    strip = lambda text: text.str.head(1).is_in(WHITE_SPACE) | text.str.tail(1).is_in(WHITE_SPACE)  # noqa: E731
    trimmed_text = on_rows_where(pl.col("text"), strip, lambda text: text.str.strip_chars())
    n_chars, ends_sentence = pl.col("__n_chars"), pl.col("__ends_sentence")
    # At least SHORT_ABSTRACT_MIN_WORDS words: as many white-space runs less one, each
    # followed by a word (content is trimmed). A regex that stops at the 7th run is much
    # cheaper than counting every run of a 2 kB abstract.
    # Each regex only on the lines where looks_like_abstract depends on it: the others are
    # null, which `find` skips (a regex call costs ~80-270 ns a line, and most lines are
    # settled by their length and last character).
    words_matter = ends_sentence & (n_chars < ABSTRACT_MIN_CHARS)
    break_matters = (n_chars < ABSTRACT_SURE_CHARS) & ((n_chars >= ABSTRACT_MIN_CHARS) != ends_sentence)
    enough_words = found_where(words_matter, pl.col("content"), rf"(?:\s+\S+){{{SHORT_ABSTRACT_MIN_WORDS - 1}}}")
    sentence_break = found_where(break_matters, pl.col("content"), _SENTENCE_BREAK)
    looks_like_abstract = (
        (n_chars >= ABSTRACT_SURE_CHARS)
        | ((n_chars >= ABSTRACT_MIN_CHARS) & (sentence_break | ends_sentence))
        | (ends_sentence & enough_words)
        | (ends_sentence & sentence_break)
    )
    return (
        lines.with_columns(__trimmed=trimmed_text)
        .with_columns(content=content)
        .with_columns(__n_chars=pl.col("content").str.len_chars(), __ends_sentence=pl.col("content").str.ends_with("."))
        .with_columns(
            glued_boilerplate=pl.col("content").str.len_bytes() < trimmed.str.len_bytes(),
            kind=pl.when(pl.col("content") == "")
            .then(pl.lit("blank"))
            .when(pl.col("content").str.contains(_BOILERPLATE_LINE))
            .then(pl.lit("boilerplate"))
            .when(looks_like_abstract)
            .then(pl.lit("abstract"))
            .otherwise(pl.lit("title")),
        )
        .drop("__trimmed", "__n_chars", "__ends_sentence")
    )


def pair_entries(classified: pl.LazyFrame) -> pl.LazyFrame:
    """Group classified lines into entries, ranked by position in their file.

    The alternation decides (contract section 1): content lines pair up as title, abstract,
    title, abstract... How a line reads only marks where the alternation restarts: at a
    *segment start*, the first content line of a file or a line that cannot be an abstract
    (it does not read like one: short, no sentence). Within a segment lines pair by
    position, so a title that reads like an abstract (a question, two sentences, 5,000
    characters) is still the title of the line after it. A segment with an odd number of
    lines leaves its last line unpaired: an entry of its own, missing its abstract if it
    looks like a title (two titles in a row: the first has no abstract), missing its title
    if it looks like an abstract (an abstract after a complete entry).

    Output: source_file, source_line (title's line, else the abstract's), rank,
    title_raw, abstract_raw, title_text, abstract_text, boilerplate_stripped,
    segment_issues.
    """
    # Neighbours and positions within a file (few groups: `over` the file is cheap here).
    # Row numbers are shifted and gathered rather than the text columns themselves.
    # The windows are over the file name as a Categorical: the same groups, hashed once
    # here instead of once per `over` (five of them: 13 -> 10 ms for a 64 MB shard).
    in_file = "__file"
    kept = (
        classified.filter(pl.col("kind").is_in(["title", "abstract"]))
        .with_columns(__file=pl.col("source_file").cast(pl.Categorical))
        .with_row_index("__row")
        .with_columns(
            __next=pl.col("__row").shift(-1).over(in_file),
            __position=pl.int_range(pl.len(), dtype=pl.Int64).over(in_file),
            __looks_abstract=pl.col("kind") == "abstract",
        )
    )
    looks_abstract = pl.col("__looks_abstract")
    segment_start = (pl.col("__position") == 0) | ~looks_abstract
    kept = kept.with_columns(__segment_start=segment_start)
    # Each line's segment: its first line's position, and its last line's (the line
    # before the next segment start, else the file's last line).
    kept = kept.with_columns(__next_starts=pl.col("__segment_start").gather(pl.col("__next")).fill_null(True))
    kept = kept.with_columns(  # (the gathers use global row numbers: never inside an `over`)
        __first=pl.when("__segment_start").then(pl.col("__position")).forward_fill().over(in_file),
        __last=pl.when("__next_starts").then(pl.col("__position")).backward_fill().over(in_file),
    )
    offset = pl.col("__position") - pl.col("__first")
    title_slot = offset % 2 == 0  # even places of a segment hold titles, odd ones abstracts
    paired = title_slot & (pl.col("__position") < pl.col("__last"))
    alone = title_slot & ~paired
    is_title = paired | (alone & ~looks_abstract)
    # Rows picked by gathering row numbers: a when/then on a string column copies its bytes.
    abstract_row = pl.when(paired).then(pl.col("__next")).when(alone & looks_abstract).then(pl.col("__row"))
    title_row = pl.when(is_title).then(pl.col("__row"))

    entries = (
        kept.with_columns(starts_entry=title_slot, __abstract_row=abstract_row, __title_row=title_row, __is_title=is_title)
        .with_columns(
            rank=pl.col("starts_entry").cast(pl.Int32).cum_sum().over(in_file),
            abstract_raw=pl.col("text").gather(pl.col("__abstract_row")),
            abstract_text=pl.col("content").gather(pl.col("__abstract_row")),
            title_raw=pl.col("text").gather(pl.col("__title_row")),
            title_text=pl.col("content").gather(pl.col("__title_row")),
        )
        .filter("starts_entry")
        .select(
            "source_file",
            "rank",
            source_line=pl.col("line_no").cast(pl.Int32),
            title_raw="title_raw",
            abstract_raw="abstract_raw",
            title_text="title_text",
            abstract_text="abstract_text",
            boilerplate_stripped=pl.when("__is_title").then(pl.col("glued_boilerplate")).otherwise(False),
        )
    )
    # Looked up by which half is missing (a list built per row costs more).
    issue_code = pl.col("abstract_raw").is_null().cast(pl.UInt32) + 2 * pl.col("title_raw").is_null().cast(pl.UInt32)
    return entries.with_columns(segment_issues=pl.lit(ISSUE_SETS).gather(issue_code))


def segment(lines: pl.LazyFrame) -> pl.LazyFrame:
    """Lines -> entries (see pair_entries)."""
    return pair_entries(classify_lines(lines))
