"""`hyte health`: one line and an exit status for monitoring (store reachable, schema current, data, age)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import SQLAlchemyError

from data_pipeline.store import schema
from data_pipeline.store.engine import schema_revision

DEFAULT_MAX_AGE_HOURS = 48.0  # a nightly refresh that failed twice in a row is worth a page


@dataclass(frozen=True)
class Health:
    ok: bool
    reason: str


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    from data_pipeline.store.engine import MIGRATIONS_DIR, alembic_config

    config = alembic_config("sqlite://")
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config).get_current_head()


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive UTC; PostgreSQL an aware value.
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def check(engine: Engine, max_age_hours: float = DEFAULT_MAX_AGE_HOURS, now: dt.datetime | None = None) -> Health:
    """Is the store usable for the dashboard right now? The first failing check is the reason."""
    now = now or dt.datetime.now(dt.timezone.utc)
    shown = engine.url.render_as_string(hide_password=True)
    try:
        revision = schema_revision(engine)
    except SQLAlchemyError as exc:
        return Health(False, f"store unreachable ({shown}): {type(exc).__name__}")
    head = head_revision()
    if revision != head:
        return Health(False, f"schema {revision or 'missing'}, expected {head}: run `hyte refresh` (it migrates)")
    with engine.connect() as conn:
        last = conn.execute(select(func.max(schema.load_run.c.finished_at))
                            .where(schema.load_run.c.status == "success")).scalar()
        failed = conn.execute(select(schema.load_run.c.status).order_by(schema.load_run.c.id.desc()).limit(1)).scalar()
    if last is None:
        return Health(False, "no data: no load has succeeded yet")
    if isinstance(last, str):  # SQLite without type affinity on an aggregate
        last = dt.datetime.fromisoformat(last)
    age_hours = (now - _aware(last)).total_seconds() / 3600
    if age_hours > max_age_hours:
        return Health(False, f"data is {age_hours:.0f} h old (limit {max_age_hours:.0f} h); last run: {failed}")
    return Health(True, f"ok: schema {revision}, last successful load {age_hours:.1f} h ago"
                        + (f" (latest run {failed})" if failed not in ("success", None) else ""))
