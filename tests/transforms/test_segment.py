import polars as pl

from tests.helpers import SAMPLE, abstract_like, lines_of
from transforms.segment import MISSING_ABSTRACT, MISSING_TITLE, WHITE_SPACE, classify_lines, segment


def entries_of(text: str) -> pl.DataFrame:
    return segment(lines_of(text)).collect()


def test_sample_gives_88_entries_ranked_by_position():
    entries = entries_of(SAMPLE.read_text(encoding="utf-8"))
    assert entries.height == 88
    assert entries["rank"].to_list() == list(range(1, 89))
    assert entries["segment_issues"].list.len().sum() == 0
    # rank 1 is the title on line 3, glued to "Subscribe" on the page
    first = entries.row(0, named=True)
    assert first["source_line"] == 3
    assert first["title_text"] == "Reservoir Computing via Quantum Recurrent Neural Networks"
    assert first["title_raw"].startswith("SubscribeReservoir")
    assert first["boilerplate_stripped"] is True


def test_boilerplate_lines_and_glued_prefixes_are_removed():
    text = "\n".join(
        [
            "Get trending papers in your email inbox once a day!",
            "Subscribe",
            "Get trending papers in your email inbox!SubscribeA Glued Title",
            abstract_like(),
            "Subscribe",
            "Follow Your Pose: Pose-Guided Generation",
            abstract_like("pose guidance"),
        ]
    )
    entries = entries_of(text)
    assert entries["title_text"].to_list() == ["A Glued Title", "Follow Your Pose: Pose-Guided Generation"]
    assert entries["boilerplate_stripped"].to_list() == [True, False]


def test_bom_crlf_blank_and_trailing_spaces_mean_nothing():
    plain = f"Title One\n{abstract_like()}\nTitle Two\n{abstract_like('b')}\n"
    noisy = f"\ufeff  \r\nTitle One   \r\n\r\n \t \r\n{abstract_like()}  \r\n\r\nTitle Two\r\n{abstract_like('b')}\r\n\r\n"
    clean, messy = entries_of(plain), entries_of(noisy.replace("\ufeff", ""))
    assert clean["title_text"].to_list() == messy["title_text"].to_list() == ["Title One", "Title Two"]
    assert clean["abstract_text"].to_list() == messy["abstract_text"].to_list()
    assert messy["rank"].to_list() == [1, 2]


def test_title_without_abstract_does_not_swallow_the_next_entry():
    text = "\n".join(["Orphan Title Here", "Second Title", abstract_like(), "Third Title", abstract_like("c")])
    entries = entries_of(text)
    assert entries["title_text"].to_list() == ["Orphan Title Here", "Second Title", "Third Title"]
    assert entries["rank"].to_list() == [1, 2, 3]
    assert entries["segment_issues"].to_list() == [[MISSING_ABSTRACT], [], []]
    assert entries["abstract_text"][1] == abstract_like()


def test_abstract_without_title_is_an_entry_of_its_own():
    text = "\n".join(["A Title", abstract_like(), abstract_like("stray"), "Next Title", abstract_like("d")])
    entries = entries_of(text)
    assert entries["segment_issues"].to_list() == [[], [MISSING_TITLE], []]
    assert entries["title_text"].to_list() == ["A Title", None, "Next Title"]
    assert entries["source_line"].to_list() == [1, 3, 4]


def test_titles_and_abstracts_are_told_apart_by_their_look():
    short_abstract = "We study the problem of scaling models and find simple rules that work well."
    question_title = "Require Process Control? LSTMc is all you need!"
    entries = entries_of("\n".join([question_title, short_abstract, "Another Title", abstract_like()]))
    assert entries["title_text"].to_list() == [question_title, "Another Title"]
    assert entries["abstract_text"][0] == short_abstract


def test_a_short_abstract_of_sentences_is_still_an_abstract():
    entries = entries_of("\n".join(["Short Abstract Paper", "We did it. It works.", "Next Title", abstract_like()]))
    assert entries["title_text"].to_list() == ["Short Abstract Paper", "Next Title"]
    assert entries["abstract_text"][0] == "We did it. It works."


def test_other_ui_strings_are_boilerplate_only_as_whole_lines():
    text = "\n".join(["Trending Papers", "Upvote", "42", "· ★", "Models", "A Title", abstract_like(), "Log In"])
    entries = entries_of(text)
    assert entries["title_text"].to_list() == ["A Title"]
    assert entries["rank"].to_list() == [1]
    glued = entries_of("\n".join(["ModelsAre Great Title", abstract_like()]))
    assert glued["title_text"].to_list() == ["ModelsAre Great Title"]


def test_files_interleaved_line_by_line_are_paired_within_each_file():
    """Neighbours are looked up within a file (row numbers shifted `over` the file), so rows
    of two files mixed together pair as each file does alone."""
    first = "\n".join(["Title One", abstract_like("a"), "Orphan Title", "Title Two", abstract_like("b")])
    second = "\n".join([abstract_like("stray"), "Title Three", abstract_like("c"), "Last Title"])
    a, b = lines_of(first, "a.txt").collect(), lines_of(second, "b.txt").collect()
    rows = []
    for i in range(max(a.height, b.height)):
        rows += [frame.slice(i, 1) for frame in (a, b) if i < frame.height]
    mixed = segment(pl.concat(rows).lazy()).collect().sort("source_file", "rank")
    alone = pl.concat([segment(a.lazy()).collect(), segment(b.lazy()).collect()])
    assert mixed.to_dicts() == alone.to_dicts()


# Titles as authors write them (contract section 1): the alternation decides, not the look.
QUESTION_TITLE = "Can LLMs Think Like Consumers? Benchmarking Purchase Decisions of Language Models in Realistic Shops"
VS_TITLE = "Fine-tuning vs. Prompt Engineering vs. RAG"
TWO_SENTENCE_TITLE = (
    "Scaling Laws Are Not Enough. We Need Better Data! A Study of Curation for Language Model Pre-training "
    "at the Scale of Ten Trillion Tokens and Beyond"
)


def test_titles_that_read_like_sentences_stay_titles():
    titles = ["Plain Title", QUESTION_TITLE, VS_TITLE, TWO_SENTENCE_TITLE, "Is Attention All You Need?", "Last One"]
    text = "Subscribe" + "\n".join(line for i, t in enumerate(titles) for line in (t, abstract_like(f"method {i}")))
    entries = entries_of(text)
    assert entries["title_text"].to_list() == titles
    assert entries["abstract_text"].to_list() == [abstract_like(f"method {i}") for i in range(len(titles))]
    assert entries["rank"].to_list() == list(range(1, len(titles) + 1))
    assert entries["segment_issues"].list.len().sum() == 0


def test_a_5000_character_title_is_a_title_and_later_ranks_do_not_move():
    long_title = "A Very Long Title That Goes On. " * 160  # 5,120 characters, sentences and all
    text = "\n".join(["First Title", abstract_like("a"), long_title, abstract_like("b"), "Third Title", abstract_like("c")])
    entries = entries_of(text)
    assert entries["title_text"].to_list() == ["First Title", long_title.strip(), "Third Title"]
    assert entries["rank"].to_list() == [1, 2, 3]
    assert entries["segment_issues"].list.len().sum() == 0  # the title_too_long rule quarantines it, not the segmenter


def test_a_question_title_after_a_stray_abstract_is_still_paired_with_its_abstract():
    text = "\n".join(["A Title", abstract_like("a"), abstract_like("stray"), "Next Title", abstract_like("b"),
                      QUESTION_TITLE, abstract_like("c")])
    entries = entries_of(text)
    assert entries["title_text"].to_list() == ["A Title", None, "Next Title", QUESTION_TITLE]
    assert entries["segment_issues"].to_list() == [[], [MISSING_TITLE], [], []]
    assert entries["rank"].to_list() == [1, 2, 3, 4]


def test_white_space_is_what_the_regex_crate_calls_white_space():
    # classify_lines looks up a line's first and last character in WHITE_SPACE instead of
    # running r"^\s" and r"\s$": both must pick the same lines.
    chars = pl.Series([chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF])
    assert sorted(chars.filter(chars.str.contains(r"\s")).to_list()) == sorted(WHITE_SPACE)


def test_the_kind_of_a_line_is_the_ungated_rule_of_the_docstring():
    # classify_lines runs the words and sentence-break regexes only on the lines whose kind
    # depends on them: the kinds must be those of running both on every line.
    words = ["word"] * 3 + ["two words"] * 3 + ["A. Next"] * 2 + ["Ends here."] * 2 + ["a\u2003b"]
    lines = [" ".join(words[(i * 7) % len(words) : (i * 7) % len(words) + 1 + i % 9] * (1 + i % 13)) for i in range(400)]
    lines += [line + "." for line in lines] + [line[: 100 + i % 3] for i, line in enumerate(lines)] + ["x" * 600, "x " * 300]
    classified = classify_lines(pl.LazyFrame({"source_file": "f", "line_no": range(len(lines)), "text": lines})).collect()
    content = pl.col("content")
    n_chars, ends_sentence = content.str.len_chars(), content.str.ends_with(".")
    enough_words, sentence_break = content.str.contains(r"(?:\s+\S+){7}"), content.str.contains(r"[.!?] [\p{Lu}\p{N}]")
    looks_like_abstract = (
        (n_chars >= 600) | ((n_chars >= 100) & (sentence_break | ends_sentence))
        | (ends_sentence & enough_words) | (ends_sentence & sentence_break)
    )  # fmt: skip
    expected = classified.select(
        pl.when(pl.col("kind").is_in(["title", "abstract"]))
        .then(pl.when(looks_like_abstract).then(pl.lit("abstract")).otherwise(pl.lit("title")))
        .otherwise("kind")
    )
    assert classified["kind"].to_list() == expected.to_series().to_list()
    assert set(classified["kind"]) == {"title", "abstract"}
