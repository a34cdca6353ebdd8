"""What `hyte status` reports: the last runs, freshness per source and rows per table."""

from __future__ import annotations

import json

from sqlalchemy import Engine, func, inspect, select

from data_pipeline.i18n import grouped, language, msg, stored_text
from data_pipeline.store import schema
from data_pipeline.store.engine import schema_revision


def store_status(engine: Engine, runs: int = 10) -> dict:
    """The store's state as plain data (for the terminal, `--json` and monitoring)."""
    if not inspect(engine).has_table("load_run"):
        return {"store": engine.url.render_as_string(hide_password=True), "schema_revision": None,
                "runs": [], "freshness": [], "rows": {}}
    with engine.connect() as conn:
        run_rows = conn.execute(select(schema.load_run).order_by(schema.load_run.c.id.desc()).limit(runs)).mappings().all()
        fresh = conn.execute(select(schema.source_freshness).order_by(schema.source_freshness.c.source)).mappings().all()
        counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in schema.DATA_TABLES}
    return {
        "store": engine.url.render_as_string(hide_password=True),
        "schema_revision": schema_revision(engine),
        "runs": [{**dict(r), "rows": json.loads(r["rows_json"]) if r["rows_json"] else None} for r in run_rows],
        "freshness": [dict(f) for f in fresh],
        "rows": counts,
    }


def _when(value) -> str:
    return value.strftime("%d.%m.%Y %H.%M") if value else "–"


def _date(value) -> str:
    return value.strftime("%d.%m.%Y")


def format_status(status: dict) -> str:
    lines = [str(msg("cli.status.store", store=status["store"], revision=status["schema_revision"] or "–")), ""]
    lines.append(str(msg("cli.status.runs")))
    if not status["runs"]:
        lines.append(f"  {msg('cli.status.no_runs')}")
    for run in status["runs"]:  # statuses as codes (success, rejected; fresh, stale), as `--json` gives them
        lines.append(f"  #{run['id']:<4} {run['status']:<9} {_when(run['started_at'])} → "
                     f"{_when(run['finished_at'])}  {run['command']}  {stored_text(run['message'], language())}".rstrip())
    lines += ["", str(msg("cli.status.freshness"))]
    if not status["freshness"]:
        lines.append("  –")
    for f in status["freshness"]:
        updated = f" {msg('cli.status.data_date', date=_date(f['data_updated']))}" if f["data_updated"] else ""
        lines.append(f"  {f['source']:<10} {f['status']:<6} "
                     f"{msg('cli.status.succeeded', when=_when(f['last_success_at']))}{updated}"
                     f"{'  ' + stored_text(f['message'], language()) if f['message'] else ''}")
    lines += ["", str(msg("cli.status.rows"))]
    for name, count in status["rows"].items():
        lines.append(f"  {name:<26} {grouped(count):>10}")
    return "\n".join(lines)
