"""`hyte health`: one line and an exit status for monitoring (store reachable, schema current, data, age)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import SQLAlchemyError

from data_pipeline.i18n import msg
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
        return Health(False, str(msg("health.unreachable", store=shown, error=type(exc).__name__)))
    head = head_revision()
    if revision != head:
        if revision is None:
            return Health(False, str(msg("health.schema_missing", head=head)))
        return Health(False, str(msg("health.schema_old", revision=revision, head=head)))
    with engine.connect() as conn:
        last = conn.execute(select(func.max(schema.load_run.c.finished_at))
                            .where(schema.load_run.c.status == "success")).scalar()
        failed = conn.execute(select(schema.load_run.c.status).order_by(schema.load_run.c.id.desc()).limit(1)).scalar()
    if last is None:
        return Health(False, str(msg("health.no_data")))
    if isinstance(last, str):  # SQLite without type affinity on an aggregate
        last = dt.datetime.fromisoformat(last)
    age_hours = (now - _aware(last)).total_seconds() / 3600
    if age_hours > max_age_hours:
        return Health(False, str(msg("health.too_old", hours=f"{age_hours:.0f}", limit=f"{max_age_hours:.0f}",
                                     last=failed)))
    if failed not in ("success", None):
        return Health(True, str(msg("health.ok_latest", revision=revision, hours=age_hours, latest=failed)))
    return Health(True, str(msg("health.ok", revision=revision, hours=age_hours)))
