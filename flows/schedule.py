"""Scheduled runs: a local Prefect server when none is configured, and the deployment.

`flow.serve(cron=...)` needs a real Prefect API (the embedded ephemeral one does not run
schedules), so `serve` starts `prefect server start` (SQLite under PREFECT_HOME) unless a
Prefect API is configured already; `flows.prefect_api` starts and stops it.
"""

import time
from pathlib import Path

DEPLOYMENT_NAME = "daily"


def serve_release(
    sources: list[str], output: str, cron: str, run_now: bool = False, from_hub: bool = False, push_to_hub: str | None = None
) -> None:
    """Register the deployment with its schedule and run its flow runs until stopped.
    `from_hub`: the deployment's flow fetches the Hub's trending listing first
    (`trending-papers-from-hub`), and `sources` are read as well."""
    from prefect.deployments import run_deployment

    from flows.pipeline import build_release, fetch_and_release

    parameters = {"sources": sources, "output": str(Path(output).resolve())}
    if from_hub and push_to_hub:
        parameters["push_to_hub"] = push_to_hub
    flow = fetch_and_release if from_hub else build_release
    if run_now:
        # serve() blocks; ask for one run right away from a thread once it is registered.
        import threading

        def trigger() -> None:
            time.sleep(3)
            run_deployment(f"{flow.name}/{DEPLOYMENT_NAME}", timeout=0)

        threading.Thread(target=trigger, daemon=True).start()
    description = "Ingest new trending-papers snapshots and publish the release."
    if from_hub:
        description = "Fetch the Hub's trending listing, then ingest the new snapshots and publish the release."
    flow.serve(
        name=DEPLOYMENT_NAME,
        cron=cron,
        parameters=parameters,
        description=description,
        tags=["trending-papers"],
    )
