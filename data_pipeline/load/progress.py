"""The JSON-lines protocol between a write process and the app that started it (both ends).

The child (`hyte … --json-progress`, data_pipeline.cli) prints one JSON object a line on stdout; the
app (data_pipeline.load.worker) reads them as they come:

    {"event": "run", "run_id": 17}                              the load run is logged
    {"event": "progress", "step": "events", "rows": 3, "message": "events: 3 rows"}
    {"event": "result", "status": "ok"|"rejected"|"failed", "outcome": "loaded"|"success"|"unchanged"|…,
     "run_id": 17, "rows": {table: rows}, "register_rows": 3, "problems": ["file:line: column: message", …],
     "problem_count": 900000, "at_least": false, "would_empty": 404 | null, "message": "…",
     "changes": ["2 riviä lisätty: e5, e6", …], "version": "<sha256>" | null}

Messages and problems are in the child's language, which the app sets with `--lang` (the person's).
`would_empty`: the file was refused because it would empty its register, whose rows (that many) would
disappear; the screen asks to confirm and writes again with `--allow-empty`. Status "conflict": a save
from a register editor (`--expect-version`) found the register changed since the person opened it;
`changes` says what changed in between and `version` is the register's version now. Nothing was written. The full problem list of a
refused upload is made by another child, `hyte check --register R --file F --all-problems OUT`
(`all_problems`), so even 900 000 lines never pass through the app's memory.
At most MAX_PROBLEM_LINES problem lines are sent in all, so a package of many flooded files still
costs the app only kilobytes; `problem_count` is what the list stands for.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from data_pipeline.i18n import msg_n
from data_pipeline.inputs.problems import Problem, count_is_lower_bound
from data_pipeline.inputs.problems import count as count_problems

log = logging.getLogger(__name__)

MAX_PROBLEM_LINES = 2_000
STATUS = {"success": "ok", "loaded": "ok", "unchanged": "ok", "rejected": "rejected", "conflict": "conflict"}

Progress = Callable[[str, int], None]


@dataclass
class WriteResult:
    """What a write process reported (or, when it died, what the runner found)."""

    status: str  # ok | rejected | conflict | failed
    outcome: str  # loaded | success | unchanged | rejected | conflict | failed
    run_id: int | None = None
    rows: dict[str, int] = field(default_factory=dict)  # rows per store table after the load
    register_rows: int | None = None  # an upload's or restore's rows in its register
    problems: list[str] = field(default_factory=list)  # as `hyte refresh` lists them, at most MAX_PROBLEM_LINES
    problem_count: int = 0  # what the list stands for
    at_least: bool = False  # checking stopped early: there may be more
    message: str | None = None
    would_empty: int | None = None  # refused: the file would empty its register, and these rows disappear
    changes: list[str] = field(default_factory=list)  # a conflict: what changed since the person's version
    version: str | None = None  # a conflict: the register's version now

    @property
    def ok(self) -> bool:
        return self.status == "ok"


class JsonLines:
    """The write process's stdout protocol: progress and the run id as they happen, then the result."""

    def __init__(self, out: TextIO | None = None):
        self.out = out or sys.stdout
        self.run_id: int | None = None

    def _emit(self, event: dict) -> None:
        self.out.write(json.dumps(event, ensure_ascii=False) + "\n")
        self.out.flush()  # the app shows each step as it happens

    def started(self, run_id: int) -> None:
        self.run_id = run_id
        self._emit({"event": "run", "run_id": run_id})

    def __call__(self, step: str, rows: int) -> None:
        self._emit({"event": "progress", "step": step, "rows": rows,
                    "message": str(msg_n("cli.progress.rows", rows, table=step))})

    def result(self, outcome: str, *, run_id: int | None = None, rows: dict | None = None,
               register_rows: int | None = None, problems: Sequence[Problem] = (),
               message: str | None = None, would_empty: int | None = None,
               changes: Sequence[str] = (), version: str | None = None) -> None:
        self._emit({"event": "result", "status": STATUS.get(outcome, "failed"), "outcome": outcome,
                    "run_id": run_id if run_id is not None else self.run_id, "rows": rows or {},
                    "register_rows": register_rows,
                    "problems": [str(p) for p in problems[:MAX_PROBLEM_LINES]],
                    "problem_count": count_problems(problems), "at_least": count_is_lower_bound(problems),
                    "would_empty": would_empty, "message": message, "changes": list(changes),
                    "version": version})


def parse_event(line: str) -> dict:
    """One line of the child's stdout as an event; {} for anything else (logged)."""
    try:
        event = json.loads(line)
    except json.JSONDecodeError:
        event = None
    if not isinstance(event, dict):
        log.info("write process said: %s", line.rstrip())
        return {}
    return event


def result_from_event(event: dict) -> WriteResult:
    """The result event as the app reads it."""
    return WriteResult(event["status"], event["outcome"], event.get("run_id"), event.get("rows") or {},
                       event.get("register_rows"), list(event.get("problems") or ()),
                       int(event.get("problem_count") or 0), bool(event.get("at_least")), event.get("message"),
                       event.get("would_empty"), list(event.get("changes") or ()), event.get("version"))
