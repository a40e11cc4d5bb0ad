"""Fetch the Hub's trending listing into a snapshot and its sidecar (contract section 1b).

`GET {HF_ENDPOINT}/api/daily_papers?sort=trending&p=N&limit=K` through huggingface_hub's
HTTP client (its session, its headers, HF_TOKEN when set), page after page up to the
limit. Not `date=`: that filters to the papers *submitted* on a day, which is not what
the trending page shows. `HfApi.list_daily_papers` reads the same pages, but its
`PaperInfo` takes title, githubRepo, githubStars and projectPage from the item's top
level only (the API puts some of them in the nested `paper` object) and turns 0 upvotes
into None: the raw JSON is read here, both levels merged.

The fetcher does no cleaning beyond joining white space (one line per title and
abstract): the transforms clean, and their flags say what they repaired. A day is written
as `<date>.txt` and `<date>.meta.jsonl`, both or neither (temporary names, then renamed;
the sidecar first, so a `.txt` that exists always has its sidecar).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

API_PATH = "/api/daily_papers"
PAGE_SIZE = 50  # what the API serves by default; pages are addressed by number at this size
DEFAULT_LIMIT = 100
MAX_PAGES = 100  # a listing that never ends is a fault, not a listing
ATTEMPTS = 4  # per page: network errors, time-outs, 429 and 5xx are tried again
BACKOFF_SECONDS = float(os.environ.get("TRENDING_PAPERS_FETCH_BACKOFF", "2"))  # first wait; doubled after every failed attempt
MAX_WAIT_SECONDS = 60.0
TIMEOUT_SECONDS = 30.0
SIDECAR_SUFFIX = ".meta.jsonl"
SIDECAR_FIELDS = (
    "rank", "arxiv_id", "title", "upvotes", "comments", "github_repo", "github_stars",
    "project_page", "authors", "published_at", "submitted_at",
)  # fmt: skip


class FetchError(Exception):
    """The listing could not be fetched or is unusable; the message is one line."""


@dataclass
class Listing:
    entries: list[dict]  # in trending order: title, summary and the sidecar fields
    skipped: list[str] = field(default_factory=list)  # entries left out, with their reason
    pages: int = 0


def endpoint_url(endpoint: str | None = None) -> str:
    """HF_ENDPOINT read now (huggingface_hub reads it once, at import time)."""
    from huggingface_hub import constants

    base = endpoint or os.environ.get("HF_ENDPOINT") or constants.ENDPOINT
    return base.rstrip("/") + API_PATH


def _headers() -> dict[str, str]:
    """huggingface_hub's headers; the token only from HF_TOKEN (the listing is public)."""
    from huggingface_hub.utils import build_hf_headers

    from flows import PIPELINE_VERSION

    token = os.environ.get("HF_TOKEN") or False
    return build_hf_headers(token=token, library_name="trending-papers", library_version=PIPELINE_VERSION)


def _retry_after(response) -> float | None:
    value = response.headers.get("retry-after", "")
    return float(value) if value.strip().isdigit() else None


def get_page(
    url: str,
    page: int,
    page_size: int,
    *,
    timeout: float = TIMEOUT_SECONDS,
    attempts: int = ATTEMPTS,
    backoff: float | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list:
    """One page of the trending listing, as parsed JSON (a list). `backoff`: the first
    wait in seconds (default BACKOFF_SECONDS), doubled after every failed attempt."""
    backoff = BACKOFF_SECONDS if backoff is None else backoff
    import httpx2
    from huggingface_hub.utils import get_session

    params = {"sort": "trending", "p": page, "limit": page_size}
    where = f"GET {url}?sort=trending&p={page}&limit={page_size}"
    problem = ""
    for attempt in range(attempts):
        wait = min(backoff * 2**attempt, MAX_WAIT_SECONDS)
        try:
            response = get_session().get(url, params=params, headers=_headers(), timeout=timeout)
        except httpx2.TimeoutException:
            problem = f"timed out after {timeout:g} s"
        except httpx2.TransportError as error:
            problem = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else 'connection failed'}"
        else:
            status = response.status_code
            if status == 429 or status >= 500:
                problem = f"HTTP {status}"
                wait = min(max(wait, _retry_after(response) or 0.0), MAX_WAIT_SECONDS)
            elif status >= 400:
                raise FetchError(f"{where}: HTTP {status}")
            else:
                return _parse_page(response.content, where)
        if attempt + 1 < attempts:
            sleep(wait)
    raise FetchError(f"{where}: {problem} (after {attempts} attempts)")


def _parse_page(content: bytes, where: str) -> list:
    try:
        data = json.loads(content)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FetchError(f"{where}: malformed JSON ({error})") from None
    if not isinstance(data, list):
        raise FetchError(f"{where}: malformed listing (a JSON {type(data).__name__}, not a list of papers)")
    return data


def _pick(levels: list[dict], *names: str):
    """The first value that is there (not null, not empty) under any of the names, in
    the given order of levels."""
    for level in levels:
        for name in names:
            value = level.get(name)
            if value is not None and value != "":
                return value
    return None


def _one_line(value) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.split() else None


def _integer(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _text(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _authors(value) -> list[str] | None:
    if not isinstance(value, list):
        return None
    names = [_one_line(a.get("name") if isinstance(a, dict) else a) for a in value]
    return [name for name in names if name]


def entry_of(item, position: int) -> tuple[dict | None, str | None]:
    """A listing item -> (entry, None), or (None, reason it cannot be an entry).

    The API nests the paper's own data in `paper` and puts the listing's (title,
    numComments, the submission time, sometimes githubRepo/githubStars/projectPage) at the
    top level; either may lack what the other has."""
    if not isinstance(item, dict):
        return None, f"entry {position}: not a JSON object"
    paper = item.get("paper") if isinstance(item.get("paper"), dict) else {}
    paper_first, item_first = [paper, item], [item, paper]
    arxiv_id = _text(_pick(paper_first, "id"))
    label = f"entry {position}" + (f" ({arxiv_id})" if arxiv_id else "")
    title = _one_line(_pick(item_first, "title"))
    summary = _one_line(_pick(paper_first, "summary"))
    if title is None:
        return None, f"{label}: no title"
    if summary is None:
        return None, f"{label}: no summary"
    return {
        "title": title,
        "summary": summary,
        "arxiv_id": arxiv_id,
        "upvotes": _integer(_pick(paper_first, "upvotes")),
        "comments": _integer(_pick(item_first, "numComments")),
        "github_repo": _text(_pick(item_first, "githubRepo")),
        "github_stars": _integer(_pick(item_first, "githubStars")),
        "project_page": _text(_pick(item_first, "projectPage")),
        "authors": _authors(_pick(paper_first, "authors")),
        "published_at": _text(_pick([paper], "publishedAt")),
        "submitted_at": _text(_pick([item, paper], "submittedOnDailyAt") or _pick([item], "publishedAt")),
    }, None


def _pages(url: str, page_size: int, **get_options) -> Iterator[list]:
    for page in range(MAX_PAGES):
        items = get_page(url, page, page_size, **get_options)
        yield items
        if len(items) < page_size:
            return
    raise FetchError(f"GET {url}: still listing after {MAX_PAGES} pages")


def fetch_listing(limit: int = DEFAULT_LIMIT, *, endpoint: str | None = None, page_size: int = PAGE_SIZE, **get_options) -> Listing:
    """The trending listing as it stands now, its first `limit` entries."""
    url = endpoint_url(endpoint)
    listing = Listing(entries=[])
    seen: set[str] = set()
    position = 0
    for items in _pages(url, min(page_size, limit), **get_options):
        listing.pages += 1
        for item in items:
            position += 1
            entry, reason = entry_of(item, position)
            if entry is None:
                listing.skipped.append(reason)
                continue
            if entry["arxiv_id"] and entry["arxiv_id"] in seen:  # the listing moved between two pages
                listing.skipped.append(f"entry {position} ({entry['arxiv_id']}): listed again on a later page, left out")
                continue
            seen.add(entry["arxiv_id"])
            listing.entries.append(entry)
            if len(listing.entries) >= limit:
                return listing
    if not listing.entries and listing.skipped:
        raise FetchError(f"GET {url}: no usable entry in the trending listing ({'; '.join(listing.skipped[:5])})")
    if not listing.entries:
        raise FetchError(f"GET {url}: the trending listing is empty")
    return listing


def day_paths(folder: Path, date: str) -> tuple[Path, Path]:
    return folder / f"{date}.txt", folder / f"{date}{SIDECAR_SUFFIX}"


def snapshot_text(entries: list[dict]) -> str:
    return "".join(f"{e['title']}\n{e['summary']}\n" for e in entries)


def sidecar_text(entries: list[dict]) -> str:
    rows = ({"rank": rank, **{k: e[k] for k in SIDECAR_FIELDS if k != "rank"}} for rank, e in enumerate(entries, 1))
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def write_day(folder: Path, date: str, entries: list[dict]) -> tuple[Path, Path]:
    """Write both files of the day or neither."""
    folder.mkdir(parents=True, exist_ok=True)
    snapshot, sidecar = day_paths(folder, date)
    token = uuid.uuid4().hex
    temporary = [folder / f".{p.name}.{token}.tmp" for p in (snapshot, sidecar)]
    try:
        for path, text in zip(temporary, (snapshot_text(entries), sidecar_text(entries))):
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temporary[1], sidecar)
        os.replace(temporary[0], snapshot)
    finally:
        for path in temporary:
            path.unlink(missing_ok=True)
    return snapshot, sidecar


def is_fetched(folder: Path, date: str) -> bool:
    return all(path.exists() for path in day_paths(folder, date))


def fetch_day(folder: Path, date: str | None = None, limit: int = DEFAULT_LIMIT, refetch: bool = False, **options) -> dict:
    """Fetch the listing now and write it as `date`'s snapshot (default today, UTC);
    a day already fetched is left as it is unless `refetch`. -> summary dict."""
    date = date or dt.datetime.now(dt.UTC).date().isoformat()
    dt.date.fromisoformat(date)
    snapshot, sidecar = day_paths(folder, date)
    if is_fetched(folder, date) and not refetch:
        return {"date": date, "snapshot": str(snapshot), "sidecar": str(sidecar), "outcome": "already fetched"}
    listing = fetch_listing(limit, **options)
    write_day(folder, date, listing.entries)
    return {
        "date": date,
        "snapshot": str(snapshot),
        "sidecar": str(sidecar),
        "outcome": "fetched",
        "entries": len(listing.entries),
        "pages": listing.pages,
        "skipped": listing.skipped,
    }
