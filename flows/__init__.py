"""Prefect flows and tasks: reading, writing, orchestration, the CLI.

Environment defaults are set here, before Prefect, Great Expectations or huggingface_hub
are imported: they read them at import time.
"""

import os
from pathlib import Path

PIPELINE_VERSION = "0.2.0"  # 0.2.0: sidecar columns (issue 12)

_DEFAULTS = {
    "PREFECT_HOME": str(Path.cwd() / ".prefect"),
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "DO_NOT_TRACK": "1",
    "GX_ANALYTICS_ENABLED": "false",
    "HF_HUB_DISABLE_TELEMETRY": "1",
}
for _name, _value in _DEFAULTS.items():
    os.environ.setdefault(_name, _value)
