"""Display tables for the data-status screen: store frames in, translated and formatted frames out.

Pure functions (language passed in), so a test can check exactly what the screen will list.
"""

from __future__ import annotations

import json

import polars as pl

from dashboard.core.formatting import fmt_date, fmt_datetime, fmt_number
from dashboard.access.rules import OPEN_ACTOR
from dashboard.core.i18n import CATALOG, DEFAULT_LANGUAGE, source_text, translate, translate_n
from data_pipeline.i18n import stored_text
from data_pipeline.inputs import registers as R


def _table(columns: dict[str, list[str]]) -> pl.DataFrame:
    # Every display column is text, already formatted: an empty table keeps its headers and types.
    return pl.DataFrame(columns, schema={name: pl.String for name in columns})


def _table_name(name: str, lang: str) -> str:
    key = f"table.{name}"
    return translate(key, lang) if key in CATALOG[DEFAULT_LANGUAGE] else name


def _source_name(name: str, lang: str) -> str:
    """A source's name in `lang` ("boundaries" is "Kuntarajat (Tilastokeskus)"); an unknown one as stored."""
    key = f"freshness.source.{name}"
    return translate(key, lang) if key in CATALOG[DEFAULT_LANGUAGE] else name


def runs(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Load runs: start, end, status, rows per table, message (Finnish date-times)."""
    rows = frame.to_dicts()
    return _table({
        translate("status.col.started", lang): [fmt_datetime(r["started_at"], lang) for r in rows],
        translate("status.col.finished", lang): [fmt_datetime(r["finished_at"], lang) for r in rows],
        translate("status.col.status", lang): [_status(r["status"], lang) for r in rows],
        translate("status.col.rows", lang): [_rows_per_table(r["rows_json"], lang) for r in rows],
        translate("status.col.message", lang): [stored_text(r["message"], lang) for r in rows],
    })


def _status(status: str, lang: str) -> str:
    key = f"run.{status}"
    return translate(key, lang) if key in CATALOG[DEFAULT_LANGUAGE] else status


def _rows_per_table(rows_json: str | None, lang: str) -> str:
    # The pipeline writes {"table": rows, ...}; anything else is shown as it is, not hidden.
    if not rows_json:
        return ""
    try:
        counts = json.loads(rows_json)
    except ValueError:
        return rows_json
    if not isinstance(counts, dict):
        return rows_json
    return ", ".join(
        f"{_table_name(name, lang)} {fmt_number(n, 0, lang) if isinstance(n, (int, float)) else n}"
        for name, n in counts.items()
    )


def row_counts(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Rows per table, with the table's name in `lang` and its name in the store."""
    rows = frame.to_dicts()
    return _table({
        translate("status.col.table", lang): [_table_name(r["table"], lang) for r in rows],
        translate("status.col.table_id", lang): [r["table"] for r in rows],
        translate("status.col.count", lang): [fmt_number(r["rows"], 0, lang) for r in rows],
    })


def rejected(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """A rejected run's problems: file, line, column, message (as `hyte refresh` lists them)."""
    rows = frame.to_dicts()
    return _table({
        translate("status.col.file", lang): [r["file"] for r in rows],
        translate("status.col.line", lang): ["" if r["line"] is None else str(r["line"]) for r in rows],
        translate("status.col.column", lang): [r["column_name"] or "" for r in rows],
        translate("status.col.problem", lang): [stored_text(r["message"], lang) for r in rows],
    })


def freshness(frame: pl.DataFrame, lang: str) -> list[dict]:
    """One entry per source: name, fresh or not, the status word, and when it was last fetched."""
    return [
        {
            "source": _source_name(r["source"], lang),
            "fresh": r["status"] == "fresh",
            "status": translate(f"freshness.{r['status']}", lang),
            "last_success": translate("freshness.last_success", lang,
                                      when=fmt_datetime(r["last_success_at"], lang)),
            "data_updated": (translate("freshness.data_updated", lang, when=fmt_date(r["data_updated"], lang))
                             if r["data_updated"] else ""),
            "message": stored_text(r["message"], lang),
            "attribution": source_text(r["attribution"] or "", lang),
        }
        for r in frame.to_dicts()
    ]


def actor(stored: str | None, lang: str) -> str:
    """Who made a change: the signed-in person as stored, open mode in the screen's language."""
    return translate("audit.actor.open", lang) if stored == OPEN_ACTOR else stored or ""


def audit(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """The change log: when, who, what, register, file, rows, note (newest first, as stored)."""
    rows = frame.to_dicts()
    return _table({
        translate("audit.col.at", lang): [fmt_datetime(r["at"], lang) for r in rows],
        translate("audit.col.actor", lang): [actor(r["actor"], lang) for r in rows],
        translate("audit.col.action", lang): [translate(f"audit.action.{r['action']}", lang) for r in rows],
        translate("audit.col.register", lang): [r["register"] or "" for r in rows],
        translate("audit.col.file", lang): [r["file_name"] or "" for r in rows],
        translate("audit.col.rows", lang): ["" if r["rows"] is None else fmt_number(r["rows"], 0, lang) for r in rows],
        translate("audit.col.message", lang): [stored_text(r["message"], lang) for r in rows],
    })


ORIGINS = ("package", "upload", "restore", "plan")


def register_changes(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Registers by their last change, newest first: what, when, who, and how (upload, restore, plan screen)."""
    rows = frame.to_dicts()
    names = {name: spec.title(lang) for name, spec in R.REGISTERS.items()}
    names["plan"] = translate("status.register.plan", lang)
    return _table({
        translate("audit.col.register", lang): [names.get(r["register"], r["register"]) for r in rows],
        translate("status.changes.at", lang): [fmt_datetime(r["saved_at"], lang) for r in rows],
        translate("audit.col.actor", lang): [r["actor"] for r in rows],
        translate("status.changes.how", lang): [translate(f"status.origin.{r['origin']}", lang)
                                                if r["origin"] in ORIGINS else r["origin"] for r in rows],
    })


def version_labels(frame: pl.DataFrame, lang: str) -> dict[int, str]:
    """Saved register versions as choices, newest first; the newest is marked as the current one."""
    labels = {}
    for i, r in enumerate(frame.to_dicts()):
        name = (translate("up.version.absent", lang) if r["absent"]
                else r["uploaded_name"] or f"{r['file_name']} ({translate('up.origin.package', lang)})")
        label = translate_n("up.version", r["rows"] or 0, lang, when=fmt_datetime(r["saved_at"], lang), name=name,
                            rows=fmt_number(r["rows"] or 0, 0, lang), who=actor(r["actor"], lang))
        labels[r["id"]] = translate("up.version.current", lang, label=label) if i == 0 else label
    return labels
