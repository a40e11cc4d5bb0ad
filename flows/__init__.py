"""Prefect flows and tasks: reading, writing, orchestration, the CLI.

Environment defaults are set here, before Prefect, Great Expectations or huggingface_hub
are imported: they read them at import time.

Where Prefect keeps its state (profiles, the local server's SQLite database, its log):
the operator's own Prefect configuration wins (PREFECT_HOME, or a `~/.prefect/profiles.toml`
made by `prefect config set` / `prefect profile`); with none, one per-user folder,
$XDG_DATA_HOME/trending-papers/prefect (~/.local/share/trending-papers/prefect), whatever
the working directory.
"""

import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

try:  # one version: the package's (pyproject.toml), for --version, manifests and staged keys
    PIPELINE_VERSION = version("trending-papers")
except PackageNotFoundError:  # a source tree that was never installed
    PIPELINE_VERSION = "0+unknown"


def default_prefect_home() -> Path | None:
    """The project's Prefect home, or None when the operator has a Prefect setup of their own."""
    if os.environ.get("PREFECT_HOME"):
        return None
    try:
        home = Path.home()
    except RuntimeError:  # no HOME and no password entry: leave it to Prefect
        return None
    if (home / ".prefect" / "profiles.toml").exists():  # Prefect's own default home, with profiles
        return None
    data = os.environ.get("XDG_DATA_HOME") or str(home / ".local" / "share")
    return Path(data) / "trending-papers" / "prefect"


_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "DO_NOT_TRACK": "1",
    "GX_ANALYTICS_ENABLED": "false",
    "HF_HUB_DISABLE_TELEMETRY": "1",
}
if (_home := default_prefect_home()) is not None:
    _DEFAULTS["PREFECT_HOME"] = str(_home)
    try:  # Prefect creates only the last folder of its home, and its SQLite database needs it
        _home.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # Prefect says so itself when it cannot use it
for _name, _value in _DEFAULTS.items():
    os.environ.setdefault(_name, _value)


def prefect_home() -> Path:
    """The Prefect home in force (Prefect's own default when neither the operator nor we set one)."""
    return Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect").expanduser()
