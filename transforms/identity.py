"""Which paper an entry is: title_key and the stable paper_id derived from it."""

import hashlib

import polars as pl

# Case folds that str.to_lowercase() does not do (Python's str.casefold does them).
CASEFOLD_EXTRA = {"ß": "ss", "ς": "σ", "ſ": "s"}


def title_key(title: pl.Expr) -> pl.Expr:
    """NFKC, casefolded, every run of non-alphanumerics collapsed to one space, trimmed.

    NFKC and the extra folds leave ASCII as it is (and NFKC is the costly part): they run
    only on the titles with a non-ASCII character (more bytes than characters)."""
    ascii_only = title.str.len_bytes() == title.str.len_chars()
    unicode = pl.when(~ascii_only).then(title).str.normalize("NFKC").str.to_lowercase().str.replace_many(CASEFOLD_EXTRA)
    folded = pl.when(ascii_only).then(title.str.to_lowercase()).otherwise(unicode)
    # Every maximal run of non-alphanumerics becomes one space; a run that already is one
    # space is left out of the matches (most of them: 3x fewer replacements).
    return folded.str.replace_all(r"[^\pL\pN]{2,}|[^\pL\pN ]", " ").str.strip_chars()


def _sha256_ids(keys: pl.Series) -> pl.Series:
    sha256 = hashlib.sha256
    digests = pl.Series([sha256(key).digest()[:8] for key in keys.cast(pl.Binary).to_list()], dtype=pl.Binary)
    return "tp-" + digests.bin.encode("hex")  # the first 16 hex digits of each


def paper_id(key: pl.Expr) -> pl.Expr:
    """`tp-` + first 16 hex digits of sha256(title_key).

    Polars has no sha256, so this is the pipeline's one Python step per paper: it runs once
    per *distinct* key (about 1 µs each), never per entry.
    """
    return key.map_batches(_ids_of_keys, return_dtype=pl.String)


def _ids_of_keys(keys: pl.Series) -> pl.Series:
    """paper_id of each key: sha256 of each distinct key, put back on every row."""
    if keys.null_count() == 0 and keys.n_unique() == keys.len():
        # No repeats (as within a snapshot, nearly always): the keys are the distinct keys,
        # and hashing them in place spares the lookup of every row's id.
        return _sha256_ids(keys)
    unique_keys = keys.drop_nulls().unique(maintain_order=True)
    return keys.replace_strict(unique_keys, _sha256_ids(unique_keys), default=None, return_dtype=pl.String)
