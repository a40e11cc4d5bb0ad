"""Scheduled runs: a local Prefect server when none is configured, and the deployment.

`flow.serve(cron=...)` needs a real Prefect API (the embedded ephemeral one does not run
schedules), so `serve` starts `prefect server start` (SQLite under PREFECT_HOME) unless a
Prefect API is configured already; `flows.prefect_api` starts and stops it.
"""

import time
from pathlib import Path

DEPLOYMENT_NAME = "daily"


def serve_release(sources: list[str], output: str, cron: str, run_now: bool = False) -> None:
    """Register the deployment with its schedule and run its flow runs until stopped."""
    from prefect.deployments import run_deployment

    from flows.pipeline import build_release

    parameters = {"sources": sources, "output": str(Path(output).resolve())}
    if run_now:
        # serve() blocks; ask for one run right away from a thread once it is registered.
        import threading

        def trigger() -> None:
            time.sleep(3)
            run_deployment(f"{build_release.name}/{DEPLOYMENT_NAME}", timeout=0)

        threading.Thread(target=trigger, daemon=True).start()
    build_release.serve(
        name=DEPLOYMENT_NAME,
        cron=cron,
        parameters=parameters,
        description="Ingest new trending-papers snapshots and publish the release.",
        tags=["trending-papers"],
    )
