import polars as pl
import pytest

from transforms.urls import extract_urls, rejoin_broken_urls


def urls_of(text: str) -> pl.DataFrame:
    frame = pl.LazyFrame({"abstract": [text]}).with_columns(abstract=rejoin_broken_urls(pl.col("abstract")))
    return extract_urls(frame).collect()


def only_url(text: str) -> dict:
    urls = urls_of(text)["urls"][0].to_list()
    assert len(urls) == 1, urls
    return urls[0]


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("Code: https://github.com/sony/vct.", "https://github.com/sony/vct"),
        ("at https://github.com/VinAIResearch/LFM.git.", "https://github.com/VinAIResearch/LFM"),
        ("(see https://github.com/a/b)", "https://github.com/a/b"),
        ("see https://en.wikipedia.org/wiki/Foo_(bar)!", "https://en.wikipedia.org/wiki/Foo_(bar)"),
        ("at https://github.com/a/b/, and", "https://github.com/a/b"),
        ("HTTPS://GitHub.COM:443/Owner/Repo", "https://github.com/Owner/Repo"),
        ("http://Example.org:80/Path/", "http://example.org/Path/"),
        ("http://example.org:8080/x", "http://example.org:8080/x"),
        ("page http://sites.research.google/videopoet/ shows", "http://sites.research.google/videopoet/"),
        ("quoted 'https://x.org/a'; done", "https://x.org/a"),
    ],
)
def test_canonical_form(text, url):
    assert only_url(text)["url"] == url


@pytest.mark.parametrize(
    ("url", "kind", "repo"),
    [
        ("https://github.com/tensorflow/tpu/tree/master/models/official/efficientnet", "code", "tensorflow/tpu"),
        ("https://gitlab.com/group/project", "code", "group/project"),
        ("https://bitbucket.org/team/repo", "code", "team/repo"),
        ("https://codeberg.org/user/tool.git", "code", "user/tool"),
        ("https://github.com/onlyowner", "project", None),
        ("https://huggingface.co/McmanusChen/MCL-base", "model", "McmanusChen/MCL-base"),
        ("https://huggingface.co/datasets/org/data", "dataset", "org/data"),
        ("https://huggingface.co/spaces/org/demo", "space", "org/demo"),
        ("https://huggingface.co/papers/2401.00001", "paper", None),
        ("https://huggingface.co/docs/transformers", "project", None),
        ("https://arxiv.org/abs/2401.00001", "paper", None),
        ("https://openreview.net/forum?id=abc", "paper", None),
        ("https://doi.org/10.1000/xyz", "paper", None),
        ("https://aclanthology.org/2023.acl-long.1", "paper", None),
        ("https://europe.naverlabs.com/unic", "project", None),
    ],
)
def test_kind_and_repo(url, kind, repo):
    found = only_url(f"Available at {url}.")
    assert (found["kind"], found["repo"]) == (kind, repo)


def test_url_broken_after_hyphen_is_rejoined_in_text_and_list():
    text = "Code is at https://github.com/xo28/efficient- NLP-multistage-training. We"
    frame = urls_of(text)
    assert frame["abstract"][0] == "Code is at https://github.com/xo28/efficient-NLP-multistage-training. We"
    assert frame["urls"][0][0]["url"] == "https://github.com/xo28/efficient-NLP-multistage-training"


def test_hyphenated_prose_is_not_rejoined():
    text = "We study inter- and intra-class variation, see https://x.org/a."
    assert urls_of(text)["abstract"][0] == text


def test_order_of_first_appearance_without_duplicates_and_code_url():
    text = "Paper https://arxiv.org/abs/1 and code https://github.com/a/b and https://github.com/c/d, again https://github.com/a/b.git."
    frame = urls_of(text)
    assert [u["url"] for u in frame["urls"][0]] == ["https://arxiv.org/abs/1", "https://github.com/a/b", "https://github.com/c/d"]
    assert frame["code_url"][0] == "https://github.com/a/b"


def test_non_web_schemes_are_dropped_and_flagged():
    frame = urls_of("Click javascript:alert(1) or file:///etc/passwd or data:text/html,x then https://x.org")
    assert [u["url"] for u in frame["urls"][0]] == ["https://x.org"]
    assert "url_scheme_dropped" in frame["url_flags"][0].to_list()


def test_no_url_gives_an_empty_list_and_no_code_url():
    frame = urls_of("Nothing to see here.")
    assert frame["urls"][0].to_list() == []
    assert frame["code_url"][0] is None
    assert frame["url_flags"][0].to_list() == []


def test_web_and_dropped_candidates_mixed_in_one_abstract():
    text = (
        "See ftp://files.org/x, https://huggingface.co/org/model, javascript:void(0) and "
        "https://github.com/a/b. Again https://huggingface.co/org/model; data:text/plain,x (https://gitlab.com/c/d)."
    )
    frame = urls_of(text)
    urls = frame["urls"][0].to_list()
    assert [u["url"] for u in urls] == ["https://huggingface.co/org/model", "https://github.com/a/b", "https://gitlab.com/c/d"]
    assert [u["kind"] for u in urls] == ["model", "code", "code"]
    assert frame["code_url"][0] == "https://github.com/a/b"
    assert frame["url_flags"][0].to_list() == ["url_trailing_punctuation", "url_scheme_dropped"]


def test_only_dropped_candidates_give_no_url_but_the_flag():
    frame = urls_of("Run javascript:alert(1) now.")
    assert frame["urls"][0].to_list() == []
    assert frame["code_url"][0] is None
    assert frame["url_flags"][0].to_list() == ["url_scheme_dropped"]
