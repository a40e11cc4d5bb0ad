"""Where a run is, and how it ended, for the person or the log watching it.

The pipeline reports stages (`with stage("build"):`) and, inside the staging of a snapshot,
shards done (`handle.advance(nbytes)`). Who shows them is set per process:

- always: one line per finished stage to the flow run's logger, which Prefect shows in its
  UI (and a scheduled run's process, with no CLI in it, in the `serve` log);
- and, in the CLI, on a terminal (stderr a TTY): a live rich display, one row per stage
  with shards done / total, MB/s and ETA (`LiveProgress`); without one (CI, cron, a log
  file): the same line per stage on stdout (`StageLines`); `--quiet`: nothing (`Silent`).

`outcome_line(summary)` is the one line that says how a run ended.
"""

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field


@dataclass
class Stage:
    """One stage of a run: what it is, how much there is to do, how much is done."""

    name: str
    total: int | None = None  # shards (or snapshots) to do, if counted
    total_bytes: int | None = None
    done: int = 0
    done_bytes: int = 0
    started: float = field(default_factory=time.monotonic)
    stopped: bool = False  # the block raised: the stage did not finish
    on_advance: Callable[["Stage"], None] = lambda stage: None

    def advance(self, nbytes: int = 0, count: int = 1) -> None:
        self.done += count
        self.done_bytes += nbytes
        self.on_advance(self)

    def line(self) -> str:
        """`normalize 2026-11-26.txt: 22/22 shards, 1405.7 MB in 48.1 s (29.2 MB/s)`."""
        seconds = time.monotonic() - self.started
        parts = []
        if self.total is not None:
            parts.append(f"{self.done}/{self.total} {self.unit}")
        if self.done_bytes:
            megabytes = self.done_bytes / 1e6
            parts.append(f"{megabytes:.1f} MB")
        text = f"{self.name}: {', '.join(parts)} in {seconds:.1f} s" if parts else f"{self.name}: {seconds:.1f} s"
        if self.done_bytes and seconds > 0:
            text += f" ({self.done_bytes / 1e6 / seconds:.1f} MB/s)"
        return f"{text} (stopped)" if self.stopped else text

    @property
    def unit(self) -> str:
        return "shards" if self.name.startswith("normalize") else "snapshots" if self.name == "ingest" else "steps"


class Reporter:
    """Logs one line per finished stage to the flow run's logger (the Prefect UI; its console
    handler is quiet in the CLI unless --verbose). The kinds below also show it here."""

    def started(self, stage: Stage) -> None:
        pass

    def advanced(self, stage: Stage) -> None:
        pass

    def finished(self, stage: Stage) -> None:
        with contextlib.suppress(Exception):  # outside a flow run there is no run logger
            from prefect import get_run_logger

            get_run_logger().info(stage.line())

    def close(self) -> None:
        pass


class Silent(Reporter):
    """Nothing on the console (--quiet); the run's log still gets its lines."""


class StageLines(Reporter):
    """One plain line per finished stage, printed by `emit` (no terminal: CI, cron, logs)."""

    def __init__(self, emit: Callable[[str], None]) -> None:
        self.emit = emit

    def finished(self, stage: Stage) -> None:
        super().finished(stage)
        self.emit(stage.line())


class LiveProgress(Reporter):
    """A rich live display on a terminal: a row per stage, bars for the counted ones."""

    def __init__(self, console) -> None:
        from rich.progress import (
            BarColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )

        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[count]}"),
            TransferSpeedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )
        self._ids: dict[int, object] = {}
        self.progress.start()

    def _count(self, stage: Stage) -> str:
        return f"{stage.done}/{stage.total} {stage.unit}" if stage.total is not None else ""

    def started(self, stage: Stage) -> None:
        total = stage.total_bytes if stage.total_bytes else stage.total
        self._ids[id(stage)] = self.progress.add_task(stage.name, total=total, count=self._count(stage))

    def advanced(self, stage: Stage) -> None:
        completed = stage.done_bytes if stage.total_bytes else stage.done
        self.progress.update(self._ids[id(stage)], completed=completed, count=self._count(stage))

    def finished(self, stage: Stage) -> None:
        super().finished(stage)
        task = self._ids.pop(id(stage), None)
        if task is not None:
            done = stage.done_bytes if stage.total_bytes else stage.done
            self.progress.update(task, total=max(done, 1), completed=max(done, 1), count="", description=stage.line())
            self.progress.stop_task(task)

    def close(self) -> None:
        self.progress.stop()


_reporter: Reporter = Reporter()


def set_reporter(reporter: Reporter) -> None:
    """Who shows this process' stages from now on (the CLI sets it; scheduled runs keep the default)."""
    global _reporter
    _reporter = reporter


@contextlib.contextmanager
def stage(name: str, total: int | None = None, total_bytes: int | None = None) -> Iterator[Stage]:
    """Report a stage around a block; the block advances it. A failing reporter never fails the run."""
    reporter = _reporter
    current = Stage(name, total, total_bytes, on_advance=lambda s: _quietly(reporter.advanced, s))
    _quietly(reporter.started, current)
    try:
        yield current
    except BaseException:
        current.stopped = True
        raise
    finally:
        _quietly(reporter.finished, current)


def _quietly(call: Callable[[Stage], None], current: Stage) -> None:
    with contextlib.suppress(Exception):
        call(current)


def outcome_line(summary: dict) -> str:
    """How a run ended, in one line: published N papers / nothing new / refused: why."""
    outcome = summary.get("outcome")
    if outcome == "published":
        counts = summary.get("counts", {})
        new = summary.get("snapshots_new", [])
        return (
            f"published: {len(new)} new snapshot(s), {summary.get('entries', 0)} entries; release has "
            f"{counts.get('papers', 0)} papers, {counts.get('quarantine', 0)} quarantined"
        )
    if outcome == "unchanged":
        return f"nothing new: {summary.get('snapshots_read', 0)} snapshot(s) read, all already ingested; release unchanged"
    return f"refused: {summary.get('reason', 'the run failed')}; the previous release is unchanged"
