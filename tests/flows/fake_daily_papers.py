"""A stand-in for the Hub's `/api/daily_papers` on 127.0.0.1, in the API's JSON shape.

The shape is the one `huggingface_hub` reads (`HfApi.list_daily_papers` -> `PaperInfo`):
a JSON list of items; each item holds the paper's own data in `paper` (id, authors,
publishedAt, summary, upvotes, ...) and the listing's at its top level (title,
numComments, publishedAt = when it was submitted to daily papers, and, depending on the
item, githubRepo / githubStars / projectPage).

    with FakeDailyPapers(items) as hub:       # serves on a free port in a thread
        ... HF_ENDPOINT=hub.endpoint ...
    hub.faults = [429, 500]                   # the next requests answer these statuses
    hub.always = 500                          # every request answers this status
    hub.body = b"not json"                    # every page answers this body
    hub.delay = 2.0                           # seconds before each answer (a slow server)
    hub.requests                              # (params, headers) of every request
"""

from __future__ import annotations

import json
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from tests.helpers import FakeService


def api_item(
    arxiv_id: str,
    title: str,
    summary: str,
    *,
    upvotes: int = 0,
    authors: tuple[str, ...] = ("Ada Lovelace", "Alan Turing"),
    github_repo: str | None = None,
    github_stars: int | None = None,
    project_page: str | None = None,
    nested_repo: bool = False,
    comments: int = 0,
    published: str = "2026-11-20T17:59:59.000Z",
    submitted: str = "2026-11-21T08:00:00.000Z",
) -> dict:
    """One listing item as the API serves it; `nested_repo` puts the repo fields in `paper`."""
    paper = {
        "id": arxiv_id,
        "authors": [{"_id": f"a{i}", "name": name, "hidden": False} for i, name in enumerate(authors)],
        "publishedAt": published,
        "submittedOnDailyAt": submitted,
        "title": title,
        "summary": summary,
        "upvotes": upvotes,
        "discussionId": f"d-{arxiv_id}",
        "ai_summary": "An AI summary that the pipeline does not use.",
        "ai_keywords": ["keyword"],
    }
    repo_fields = {k: v for k, v in {"githubRepo": github_repo, "githubStars": github_stars, "projectPage": project_page}.items() if v is not None}
    item = {
        "paper": {**paper, **(repo_fields if nested_repo else {})},
        "publishedAt": submitted,
        "title": title,
        "thumbnail": f"https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/{arxiv_id}.png",
        "numComments": comments,
        "submittedBy": {"_id": "u1", "user": "someone", "fullname": "Some One", "type": "user"},
        "isAuthorParticipating": False,
        **({} if nested_repo else repo_fields),
    }
    return item


@dataclass
class FakeDailyPapers(FakeService):
    items: list = field(default_factory=list)  # the whole listing, in trending order
    faults: list[int] = field(default_factory=list)
    always: int | None = None
    body: bytes | None = None
    delay: float = 0.0
    requests: list[tuple[dict, dict]] = field(default_factory=list)

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        parsed = urllib.parse.urlsplit(handler.path)
        params = dict(urllib.parse.parse_qsl(parsed.query))
        self.requests.append((params, {k.lower(): v for k, v in handler.headers.items()}))
        if self.delay:
            import time

            time.sleep(self.delay)
        if parsed.path != "/api/daily_papers":
            return self._send(handler, 404, b'{"error": "not found"}')
        status = self.faults.pop(0) if self.faults else self.always
        if status is not None:
            return self._send(handler, status, b'{"error": "fault"}')
        if self.body is not None:
            return self._send(handler, 200, self.body)
        # Only the trending listing is served: a `date` filter would be another listing.
        if params.get("sort") != "trending" or "date" in params:
            return self._send(handler, 400, b'{"error": "this fake serves sort=trending only"}')
        page, limit = int(params.get("p", 0)), int(params.get("limit", 50))
        chunk = self.items[page * limit : (page + 1) * limit]
        self._send(handler, 200, json.dumps(chunk).encode())

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, body: bytes) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
