"""What `hyte status` reports: the last runs, freshness per source and rows per table."""

from __future__ import annotations

import json

from sqlalchemy import Engine, func, inspect, select

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


def format_status(status: dict) -> str:
    lines = [f"Tietovarasto / Store: {status['store']} (skeema / schema {status['schema_revision'] or '–'})", ""]
    lines.append("Ajot / Runs:")
    if not status["runs"]:
        lines.append("  ei ajoja / no runs yet")
    for run in status["runs"]:
        lines.append(f"  #{run['id']:<4} {run['status']:<9} {_when(run['started_at'])} → {_when(run['finished_at'])}"
                     f"  {run['command']}  {run['message'] or ''}".rstrip())
    lines += ["", "Lähteiden tuoreus / Freshness:"]
    if not status["freshness"]:
        lines.append("  –")
    for f in status["freshness"]:
        updated = f" tiedot / data {f['data_updated']:%d.%m.%Y}" if f["data_updated"] else ""
        lines.append(f"  {f['source']:<10} {f['status']:<6} onnistui / ok {_when(f['last_success_at'])}{updated}"
                     f"{'  ' + f['message'] if f['message'] else ''}")
    lines += ["", "Rivit / Rows:"]
    for name, count in status["rows"].items():
        lines.append(f"  {name:<26} {count:>10,}".replace(",", " "))
    return "\n".join(lines)
