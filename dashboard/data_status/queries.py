"""The data-status screen's reads: load runs, rejected inputs, freshness, row counts, the change log and
register versions (Engine -> polars, no Streamlit)."""

from __future__ import annotations

import json

import polars as pl
from sqlalchemy import Engine, func, literal, select, union_all

from dashboard.core.queries import read_frame
from data_pipeline.store import schema


def load_runs(engine: Engine, limit: int = 20) -> pl.DataFrame:
    """The latest pipeline runs, newest first."""
    t = schema.load_run
    return read_frame(engine, select(t).order_by(t.c.id.desc()).limit(limit))


def newest_run_id(engine: Engine) -> int:
    """The id of the newest run of any outcome (0 if none)."""
    with engine.connect() as conn:
        return conn.execute(select(func.max(schema.load_run.c.id))).scalar() or 0


def latest_run(engine: Engine, status: str) -> pl.DataFrame:
    """The newest run with `status` (e.g. "rejected"): one row, or none."""
    t = schema.load_run
    return read_frame(engine, select(t).where(t.c.status == status).order_by(t.c.id.desc()).limit(1))


def rejected_inputs(engine: Engine, run_id: int) -> pl.DataFrame:
    """What a rejected run found wrong, in the order it was reported (file, line, column, message)."""
    t = schema.rejected_input
    stmt = (
        select(t.c.file, t.c.line, t.c.column_name, t.c.message)
        .where(t.c.run_id == run_id)
        .order_by(t.c.id)
    )
    return read_frame(engine, stmt)


def source_freshness(engine: Engine) -> pl.DataFrame:
    """Each source's last fetch and whether it is fresh or stale, by source name."""
    t = schema.source_freshness
    return read_frame(engine, select(t).order_by(t.c.source))


def row_counts(engine: Engine) -> pl.DataFrame:
    """Rows in every data table (`table`, `rows`), in schema order.

    As the last successful load wrote them (load_run.rows_json: what each table holds after it; every
    write to the data tables is a load, and the screens' caches are keyed on that load): counting a
    national extract's 7.5M indicator values took 0.7 s on PostgreSQL on each cold cache. Counted in
    one round trip when the load recorded no complete list.
    """
    r = schema.load_run
    with engine.connect() as conn:
        recorded = conn.execute(select(r.c.rows_json).where(r.c.status == "success")
                                .order_by(r.c.id.desc()).limit(1)).scalar()
    try:
        counts = json.loads(recorded) if recorded else {}
    except ValueError:
        counts = {}
    names = [str(t.name) for t in schema.DATA_TABLES]
    if isinstance(counts, dict) and all(isinstance(counts.get(n), int) for n in names):
        return pl.DataFrame({"table": names, "rows": [counts[n] for n in names]},
                            schema={"table": pl.Utf8, "rows": pl.Int64})
    return _counted_rows(engine)


def _counted_rows(engine: Engine) -> pl.DataFrame:
    parts = [
        select(literal(i).label("position"), literal(t.name).label("table"),
               func.count().label("rows")).select_from(t)
        for i, t in enumerate(schema.DATA_TABLES)
    ]
    stmt = union_all(*parts).subquery()
    ordered = select(stmt.c.table, stmt.c.rows).order_by(stmt.c.position)
    return read_frame(engine, ordered)


def audit_log(engine: Engine, limit: int = 50) -> pl.DataFrame:
    """The newest changes first: when, who, what (upload, restore, refresh, rejected), file and rows."""
    t = schema.audit_log
    stmt = select(t.c.at, t.c.actor, t.c.action, t.c.register, t.c.file_name, t.c.rows, t.c.message)
    return read_frame(engine, stmt.order_by(t.c.id.desc()).limit(limit))


def register_versions(engine: Engine, register: str) -> pl.DataFrame:
    """Saved versions of one register, newest (the current one) first; the file bytes stay in the store."""
    t = schema.register_version
    stmt = select(t.c.id, t.c.file_name, t.c.uploaded_name, t.c.rows, t.c.origin, t.c.saved_at, t.c.actor,
                  (t.c.content.is_(None)).label("absent"))
    return read_frame(engine, stmt.where(t.c.register == register).order_by(t.c.id.desc()))


def version_file(engine: Engine, version_id: int) -> tuple[str, str, bytes] | None:
    """A saved version's register, file name (as uploaded) and bytes; None when it is gone or kept no bytes."""
    t = schema.register_version
    with engine.connect() as conn:
        row = conn.execute(select(t.c.register, t.c.uploaded_name, t.c.file_name, t.c.content)
                           .where(t.c.id == version_id)).first()
    if row is None or row.content is None:
        return None
    return row.register, row.uploaded_name or row.file_name, bytes(row.content)


def register_changes(engine: Engine) -> pl.DataFrame:
    """Each register (and hyte.toml, "plan") with its last saved version: when and by whom, newest first."""
    t = schema.register_version
    latest = select(t.c.register, func.max(t.c.id).label("id")).group_by(t.c.register).subquery()
    stmt = (select(t.c.register, t.c.saved_at, t.c.actor, t.c.origin)
            .join(latest, latest.c.id == t.c.id).order_by(t.c.saved_at.desc(), t.c.register))
    return read_frame(engine, stmt)
