"""No secret leaves the machine: a source URL's credentials reach the server and nothing
else (tables, card, manifest, run log, console, Prefect's database and logs); a Hub error
that echoes the request's headers is one masked line."""

import base64
import json
import os
import subprocess
import sys
from functools import partial
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler
from pathlib import Path

import polars as pl
import pytest

from flows.redact import conceal, has_secret, mask, redact_url, reveal
from tests.helpers import ROOT, SAMPLE, QuietHandler, local_http_server, sample_entries, write_snapshot

QUERY_SECRET = "s3cr3t-query-7f1d9c"
PASSWORD = "pa55word-b21e4a"
HUB_TOKEN = "hf_EchoedTokenValue1234567890"


def test_redacted_urls_keep_scheme_host_and_path_only():
    assert redact_url(f"https://user:{PASSWORD}@Example.org:8443/a/2026-11-28.txt?token={QUERY_SECRET}#frag") == (
        "https://Example.org:8443/a/2026-11-28.txt"
    )
    assert redact_url("/local/path?.txt") == "/local/path?.txt"  # a local glob is not a URL
    assert not has_secret("https://host/x.txt") and has_secret("s3://bucket/x.txt?versionId=1")


def test_a_concealed_source_is_revealed_only_in_this_process():
    url = f"http://127.0.0.1:1/2026-11-28.txt?token={QUERY_SECRET}"
    concealed = conceal(url)
    assert QUERY_SECRET not in concealed and concealed.startswith("http://127.0.0.1:1/2026-11-28.txt#")
    assert conceal(concealed) == concealed and reveal(concealed) == url
    assert redact_url(concealed) == "http://127.0.0.1:1/2026-11-28.txt"


@pytest.mark.parametrize(
    "text",
    [
        f"401 Unauthorized: {{'authorization': 'Bearer {HUB_TOKEN}', 'user-agent': 'x'}}",
        f"Authorization: Bearer {HUB_TOKEN}\nHost: hub",
        f"GET http://user:{PASSWORD}@host/x.txt?token={QUERY_SECRET} failed",
        f'{{"password": "{PASSWORD}", "api_key": "{QUERY_SECRET}"}}',
    ],
)
def test_token_like_strings_are_masked_on_one_line(text):
    masked = mask(text)
    assert "\n" not in masked
    assert not any(secret in masked for secret in (HUB_TOKEN, PASSWORD, QUERY_SECRET, HUB_TOKEN[3:]))


class AuthHandler(QuietHandler, SimpleHTTPRequestHandler):
    """Serves the folder only to a request that carries the credentials."""

    seen: list[str]

    def allowed(self) -> bool:
        basic = "Basic " + base64.b64encode(f"user:{PASSWORD}".encode()).decode()
        ok = self.path.endswith(f"?token={QUERY_SECRET}") or self.headers.get("Authorization") == basic
        self.seen.append(f"{self.command} {self.path.split('?')[0]} {'ok' if ok else 'denied'}")
        if not ok:
            self.send_error(401)
        self.path = self.path.split("?")[0]
        return ok

    def do_GET(self):
        if self.allowed():
            super().do_GET()

    def do_HEAD(self):
        if self.allowed():
            super().do_HEAD()


@pytest.fixture
def served(tmp_path):
    root = tmp_path / "served"
    root.mkdir()
    seen: list[str] = []
    handler = type("Handler", (AuthHandler,), {"seen": seen})
    with local_http_server(partial(handler, directory=str(root))) as server:
        yield root, f"127.0.0.1:{server.server_address[1]}", seen


def files_holding(folder: Path, secrets: list[str]) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            found += [f"{path}: {secret}" for secret in secrets if secret.encode() in data]
    return found


def cli(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
    )  # fmt: skip


@pytest.mark.slow
def test_credentials_in_source_urls_reach_the_server_and_nothing_else(tmp_path, served):
    root, host, seen = served
    (root / "2026-11-27.txt").write_bytes(write_snapshot(tmp_path / "day.txt", sample_entries()[:30]).read_bytes())
    (root / "2026-11-28.txt").write_bytes(SAMPLE.read_bytes())
    sources = [f"http://{host}/2026-11-27.txt?token={QUERY_SECRET}", f"http://user:{PASSWORD}@{host}/2026-11-28.txt"]
    prefect_home = tmp_path / "prefect"
    env = {"PREFECT_HOME": str(prefect_home), "PREFECT_API_URL": "", "PREFECT_LOGGING_LEVEL": "INFO"}
    done = cli("run", *sources, "--output", "output", "--verbose", env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "published: 2 new snapshot(s) (2026-11-27.txt, 2026-11-28.txt)" in done.stdout
    assert all(line.endswith("ok") for line in seen) and len(seen) >= 2  # the credentials were sent
    # A refused source's reason (the server denies a wrong token) carries no secret either.
    denied = cli("run", f"http://{host}/2026-11-29.txt?token=wrong-{QUERY_SECRET}", "--output", "output", env=env, cwd=tmp_path)
    assert "refused: http://{}/2026-11-29.txt: ".format(host) in denied.stdout  # the release stays

    secrets = [QUERY_SECRET, PASSWORD]
    assert not any(secret in done.stdout + done.stderr + denied.stdout + denied.stderr for secret in secrets)
    assert files_holding(tmp_path / "output", secrets) == []
    assert prefect_home.exists() and files_holding(prefect_home, secrets) == []

    output = tmp_path / "output"
    assert set(pl.read_parquet(output / "parquet" / "appearances.parquet")["source_file"]) == {"2026-11-27.txt", "2026-11-28.txt"}
    manifest = json.loads((output / "manifest.json").read_text())
    assert [s["source"] for s in manifest["snapshots"]] == [f"http://{host}/2026-11-27.txt", f"http://{host}/2026-11-28.txt"]


@pytest.fixture
def echoing_hub():
    """A Hub endpoint that answers every request 401 with the request's headers in its body."""

    class Handler(QuietHandler, BaseHTTPRequestHandler):
        def do_GET(self):
            headers = "\n".join(f"{name}: {value}" for name, value in self.headers.items())
            body = json.dumps({"error": f"Unauthorized. You sent:\n{headers}"}).encode()
            self.send_response(401)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_PUT = do_HEAD = do_GET

    with local_http_server(Handler) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}"


@pytest.mark.parametrize("debug", [False, True])
def test_a_hub_error_echoing_the_token_is_one_masked_line(tmp_path, echoing_hub, debug):
    output = tmp_path / "output"
    (output / "hf").mkdir(parents=True)
    (output / "hf" / "README.md").write_text("---\n---\n")
    (output / "manifest.json").write_text(json.dumps({"validation": {"success": True}, "release_date": "2026-11-26"}))
    env = {"HF_ENDPOINT": echoing_hub, "HF_TOKEN": HUB_TOKEN, "HF_HUB_DISABLE_XET": "1", "HF_HUB_DISABLE_TELEMETRY": "1"}
    done = cli("publish", str(output), "--repo-id", "org/name", *(["--debug"] if debug else []), env=env, cwd=tmp_path)
    assert done.returncode == 1
    assert HUB_TOKEN not in done.stdout + done.stderr and HUB_TOKEN[3:] not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: publish to org/name failed: "), done.stderr
    assert "401" in lines[0]
