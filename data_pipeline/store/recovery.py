"""Cleans up after a write process that died (killed, out of memory, crashed) before it could finish.

A load's data are safe by construction: they change in one transaction, which a dead process never
commits. What a dead writer leaves behind is bookkeeping: its load run still says `running`, and an
upload's staging folder (`.hyte-upload-<pid>-*`) still sits in the package. Both are cleared by the
next write of the same package, which holds the package lock (so no live writer of that package can
own them), and by the app as soon as it sees the write process it started end without a result.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from pathlib import Path

from sqlalchemy import Engine, select, update

from data_pipeline.i18n import Message, msg, stored
from data_pipeline.store import schema

log = logging.getLogger(__name__)

# Uploads stage inside the package folder (the final move is then a rename on one file system);
# the writer's process id in the name tells whose folder it is.
STAGING_PREFIX = ".hyte-upload-"
INTERRUPTED = msg("run.interrupted")


def staging_prefix(pid: int) -> str:
    return f"{STAGING_PREFIX}{pid}-"


def abandon_run(engine: Engine, run_id: int, message: str | Message = INTERRUPTED) -> bool:
    """Mark one run failed if it is still `running`; True if it was."""
    with engine.begin() as conn:
        done = conn.execute(update(schema.load_run)
                            .where(schema.load_run.c.id == run_id, schema.load_run.c.status == "running")
                            .values(status="failed", finished_at=dt.datetime.now(dt.timezone.utc),
                                    message=stored(message)))
    return done.rowcount > 0


def remove_staging(package_dir: Path, pid: int | None = None) -> list[Path]:
    """Remove the staging folders of the writer `pid` from a package folder; None: of every process
    but this one (whose own upload, if any, is under way and removes its folder itself)."""
    pattern = f"{staging_prefix(pid) if pid is not None else STAGING_PREFIX}*"
    own = staging_prefix(os.getpid())
    removed = [path for path in package_dir.glob(pattern) if pid is not None or not path.name.startswith(own)]
    for path in removed:  # a folder of staged registers, or a staged hyte.toml (a plan change)
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return removed


def _same_file(recorded: str | None, config_path: Path) -> bool:
    if not recorded:
        return False
    path = Path(recorded)
    try:
        return path.resolve() == config_path.resolve()
    except OSError:
        return False


def recover_abandoned(engine: Engine, config_path: str | Path) -> list[int]:
    """Before a write of a package, with its lock held: runs of that package still `running` belong to
    dead processes (a live one would hold the lock), and so do its staging folders. Mark the runs
    failed and remove the folders; returns the runs marked."""
    config_path = Path(config_path)
    r = schema.load_run
    with engine.connect() as conn:
        running = conn.execute(select(r.c.id, r.c.config_path).where(r.c.status == "running")).all()
    marked = [run_id for run_id, recorded in running
              if _same_file(recorded, config_path) and abandon_run(engine, run_id)]
    removed = remove_staging(config_path.parent) if config_path.parent.is_dir() else []
    if marked or removed:
        log.warning("cleaned up after an interrupted write of %s: runs %s marked failed, %d staging folders removed",
                    config_path, marked, len(removed))
    return marked
