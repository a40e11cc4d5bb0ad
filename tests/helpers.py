"""Small builders shared by the tests."""

import contextlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "raw" / "2026-11-26.txt"
DATA = Path(__file__).resolve().parent / "data"


def lines_of(text: str, source_file: str = "2026-11-26.txt") -> pl.LazyFrame:
    """A snapshot's text as the lines frame the transforms take."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return pl.LazyFrame(
        {
            "source_file": [source_file] * len(lines),
            "line_no": pl.Series(range(1, len(lines) + 1), dtype=pl.Int32),
            "text": lines,
        }
    )


def abstract_like(topic: str = "a method") -> str:
    """An abstract-shaped line (several sentences, well over 100 characters)."""
    return (
        f"We propose {topic} for training neural networks. It improves accuracy on three benchmarks. "
        "Experiments show consistent gains over strong baselines."
    )


def sample_entries() -> list[tuple[str, str]]:
    """(title line, abstract line) of every entry of the sample, "Subscribe" removed."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[2:]
    return [(lines[i].removeprefix("Subscribe"), lines[i + 1]) for i in range(0, len(lines), 2)]


def write_snapshot(path: Path, entries: list[tuple[str, str]], header: str = "Subscribe") -> Path:
    """A snapshot file of the given entries, with page chrome on top."""
    path.write_text("\n".join([header, *[line for entry in entries for line in entry]]) + "\n", encoding="utf-8")
    return path


def parquet_bytes(output: Path) -> dict[str, bytes]:
    """The published Parquet files of a release folder, byte for byte."""
    return {p.name: p.read_bytes() for p in sorted((output / "parquet").glob("*.parquet"))}


class QuietHandler:
    """Mixed into the tests' request handlers: no access log on the test output."""

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def local_http_server(handler) -> Iterator[ThreadingHTTPServer]:
    """`handler` served on 127.0.0.1 (a free port) from a thread for the block: the tests'
    stand-ins for remote sources and the Hub (nothing here reaches the internet)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


class FakeService:
    """A stand-in HTTP service for the tests: a subclass answers each request in
    `_handle(request)` (a BaseHTTPRequestHandler) for the HTTP `methods` it serves;
    `with fake:` serves it on 127.0.0.1 and `fake.endpoint` is its base URL."""

    methods: tuple[str, ...] = ("GET",)

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        raise NotImplementedError

    def __enter__(self):
        fake = self

        class Handler(QuietHandler, BaseHTTPRequestHandler):
            timeout = 30  # a stuck client cannot hold a handler thread forever

        for method in self.methods:
            setattr(Handler, f"do_{method}", lambda request: fake._handle(request))
        self._serving = local_http_server(Handler)
        self._server = self._serving.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self._serving.__exit__(*exc)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"
