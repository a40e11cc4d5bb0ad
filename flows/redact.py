"""Keep secrets on this machine: redacted source URLs and masked error messages.

A source URL may carry credentials: `https://user:pass@host/x.txt`, `...?token=...`,
`...#key`. Whatever is recorded or printed (tables, card, manifest, run log, console,
Prefect parameters and logs) shows its redacted form: scheme, host, port and path only.

The real URL still has to reach the reader, and Prefect stores a flow run's parameters
in its database. So a source with a secret is *concealed* before the flow is called: the
flow gets `<redacted URL>#tp-secret=<key>`, and the real URL is kept in this process's
environment under TRENDING_PAPERS_SOURCE_<key> (inherited by the flow runs a served
deployment starts, never written anywhere). `reveal` gives it back where a file is read.

`mask` turns any error text into one line with token-like strings (Hub tokens, bearer
and basic credentials, `token=`/`password=` values, URL credentials and queries, and
every secret known to this process) replaced by `***`.
"""

import hashlib
import os
import re
from urllib.parse import urlsplit, urlunsplit

SECRET_ENV_PREFIX = "TRENDING_PAPERS_SOURCE_"
SECRET_REF = "tp-secret="
MASK = "***"

_TOKEN_PATTERNS = [
    (re.compile(r"\bhf_[A-Za-z0-9]{6,}"), "hf_" + MASK),  # Hugging Face tokens
    (re.compile(r"(?i)\b(bearer|basic)(\s+)[A-Za-z0-9._~+/=-]{6,}"), rf"\1\2{MASK}"),
    # key=value / key: value for names that hold secrets (query strings, headers, JSON, repr)
    (
        re.compile(
            r"(?i)\b((?:x-)?(?:authorization|api[-_]?key|access[-_]?token|auth[-_]?token|token|password|passwd|"
            r"secret|sig|signature|credential|session|cookie|key))(['\"]?\s*[:=]\s*['\"]?)(?!\*\*\*)[^\s'\",;&)}\]]+"
        ),
        rf"\1\2{MASK}",
    ),
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@'\"]+@"), r"\1"),  # URL userinfo
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^\s?#'\"]*)[?#][^\s'\"]*"), r"\1"),  # URL query, fragment
]


def has_secret(source: str) -> bool:
    """A URL with userinfo, a query or a fragment (local paths have none)."""
    if "://" not in source:
        return False
    try:
        parts = urlsplit(source)
    except ValueError:
        return True  # unparsable: treat as secret, show its redacted form only
    return bool(parts.username or parts.password or parts.query or parts.fragment or "@" in parts.netloc)


def redact_url(source: str) -> str:
    """Scheme, host, port and path of a URL (no userinfo, query or fragment); a local path as it is."""
    if "://" not in source:
        return source
    try:
        parts = urlsplit(source)
        host = parts.netloc.rsplit("@", 1)[-1]
    except ValueError:
        return source.split("://", 1)[0] + "://" + MASK
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def conceal(source: str) -> str:
    """The form of a source that is safe to hand to Prefect (see the module doc)."""
    if _secret_key(source) is not None or not has_secret(source):
        return source
    key = hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]
    os.environ[SECRET_ENV_PREFIX + key] = source
    return f"{redact_url(source)}#{SECRET_REF}{key}"


def reveal(source: str) -> str:
    """The real URL of a concealed source (its redacted form if this process does not know it)."""
    key = _secret_key(source)
    if key is None:
        return source
    return os.environ.get(SECRET_ENV_PREFIX + key) or redact_url(source)


def _secret_key(source: str) -> str | None:
    head, sep, key = source.rpartition("#" + SECRET_REF)
    return key if sep and head and re.fullmatch(r"[0-9a-f]{16}", key) else None


def _known_secrets() -> list[str]:
    """Secret strings this process holds: concealed URLs (and their parts), HF_TOKEN."""
    secrets: set[str] = set()
    for name, value in os.environ.items():
        if name.startswith(SECRET_ENV_PREFIX) and value:
            secrets.add(value)
            parts = urlsplit(value)
            secrets.update(p for p in (parts.username, parts.password, parts.query, parts.fragment) if p)
            # query values too (not short ones like "1" or "true": they would mask ordinary words)
            secrets.update(v for pair in parts.query.split("&") for v in pair.split("=")[1:] if len(v) >= 6)
    for name in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"):
        if os.environ.get(name):
            secrets.add(os.environ[name])
    return sorted((s for s in secrets if len(s) >= 4), key=len, reverse=True)


def mask(text: object, one_line: bool = True) -> str:
    """`text` (on one line) with every secret and token-like string replaced by ***."""
    masked = str(text)
    for secret in _known_secrets():
        masked = masked.replace(secret, MASK)
    for pattern, replacement in _TOKEN_PATTERNS:
        masked = pattern.sub(replacement, masked)
    return " ".join(masked.split()) if one_line else masked
