"""A tiny stand-in for the Hugging Face Hub API, enough for create_repo + upload_folder
(without Xet: files come inline in the commit; with delete_patterns: the tree is listed and
files are deleted in the commit) + list_repo_refs + create_tag/delete_tag.

    with FakeHub() as hub:           # serves on 127.0.0.1:<free port> in a thread
        ... HF_ENDPOINT=hub.endpoint ...
    hub.requests                     # every request: method, path, headers, body
    hub.files, hub.tags, hub.commits # what the repo holds

Unknown routes answer 404, so a call the fake does not know fails the test loudly.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from tests.helpers import FakeService

REPO = r"/api/(?P<type>datasets|models|spaces)/(?P<repo>[^/]+/[^/]+)"


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]  # names in lower case
    body: bytes

    def json(self):
        return json.loads(self.body)


@dataclass
class FakeHub(FakeService):
    requests: list[Request] = field(default_factory=list)
    repos: set[str] = field(default_factory=set)
    files: dict[str, bytes] = field(default_factory=dict)
    commits: list[dict] = field(default_factory=list)
    tags: dict[str, str] = field(default_factory=dict)

    methods = ("GET", "POST", "PUT", "DELETE")

    def calls(self) -> list[str]:
        return [f"{r.method} {r.path.split('?')[0]}" for r in self.requests]

    # ------------------------------------------------------------ routing

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        headers = {name.lower(): value for name, value in handler.headers.items()}
        request = Request(handler.command, handler.path, headers, handler.rfile.read(length))
        self.requests.append(request)
        path = request.path.split("?")[0]
        routes = [
            ("POST", r"/api/repos/create", self._create_repo),
            ("POST", r"/api/validate-yaml", lambda r, m: (200, {"errors": [], "warnings": []})),
            ("POST", REPO + r"/preupload/(?P<rev>[^/]+)", self._preupload),
            ("GET", REPO + r"/refs", self._refs),
            ("GET", REPO + r"/tree/(?P<rev>[^/]+)", self._tree),
            ("POST", REPO + r"/commit/(?P<rev>[^/]+)", self._commit),
            ("POST", REPO + r"/tag/(?P<rev>[^/]+)", self._create_tag),
            ("DELETE", REPO + r"/tag/(?P<tag>[^/]+)", self._delete_tag),
        ]
        status, payload = 404, {"error": f"fake hub has no route for {request.method} {path}"}
        for method, pattern, answer in routes:
            match = re.fullmatch(pattern, path)
            if method == request.method and match:
                status, payload = answer(request, match)
                break
        body = json.dumps(payload).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def _create_repo(self, request, match):
        payload = request.json()
        repo = f"{payload['organization']}/{payload['name']}" if payload.get("organization") else payload["name"]
        if repo in self.repos:
            return 409, {"error": "You already created this dataset repo", "url": f"{self.endpoint}/datasets/{repo}"}
        self.repos.add(repo)
        return 200, {"url": f"{self.endpoint}/datasets/{repo}"}

    def _preupload(self, request, match):
        files = request.json()["files"]
        return 200, {"files": [{"path": f["path"], "uploadMode": "regular", "shouldIgnore": False} for f in files]}

    def _commit(self, request, match):
        lines = [json.loads(line) for line in request.body.splitlines() if line.strip()]
        header = next(line["value"] for line in lines if line["key"] == "header")
        added, deleted = {}, []
        for line in lines:
            if line["key"] == "file":
                added[line["value"]["path"]] = base64.b64decode(line["value"]["content"])
            elif line["key"] == "deletedFile":
                if line["value"]["path"] not in self.files:
                    return 404, {"error": f"no file {line['value']['path']} to delete"}
                deleted.append(line["value"]["path"])
            elif line["key"] != "header":
                return 400, {"error": f"fake hub only takes inline files and deletions, got {line['key']}"}
        for path in deleted:
            del self.files[path]
        self.files.update(added)
        oid = hashlib.sha1(request.body).hexdigest()
        self.commits.append({"oid": oid, "summary": header["summary"], "files": sorted(added), "deleted": sorted(deleted)})
        url = f"{self.endpoint}/datasets/{match['repo']}/commit/{oid}"
        return 200, {"commitUrl": url, "commitOid": oid, "pullRequestUrl": None}

    def _refs(self, request, match):
        tags = [{"name": tag, "ref": f"refs/tags/{tag}", "targetCommit": oid} for tag, oid in sorted(self.tags.items())]
        head = self.commits[-1]["oid"] if self.commits else "0" * 40
        return 200, {"branches": [{"name": "main", "ref": "refs/heads/main", "targetCommit": head}],
                     "converts": [], "tags": tags}

    def _tree(self, request, match):
        """The repo's files (recursive listing, one page)."""
        return 200, [
            {"type": "file", "path": path, "size": len(content), "oid": hashlib.sha1(content).hexdigest()}
            for path, content in sorted(self.files.items())
        ]

    def _create_tag(self, request, match):
        tag = request.json()["tag"]
        if tag in self.tags:
            return 409, {"error": f"tag {tag} already exists"}
        self.tags[tag] = match["rev"]
        return 200, {}

    def _delete_tag(self, request, match):
        if self.tags.pop(match["tag"], None) is None:
            return 404, {"error": "no such tag"}
        return 200, {}
