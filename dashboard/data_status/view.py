"""Display tables for the data-status screen: store frames in, translated and formatted frames out.

Pure functions (language passed in), so a test can check exactly what the screen will list.
"""

from __future__ import annotations

import datetime as dt
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


ORIGINS = ("package", "upload", "restore", "plan", "edit", "none")
# A file written on disk this long after its newest saved version was changed there (an upload's file is
# written just before its load commits, so never after the version it saved).
CHANGED_ON_DISK = dt.timedelta(seconds=2)


def register_changes(frame: pl.DataFrame, lang: str, files: dict[str, dt.datetime | None] | None = None
                     ) -> pl.DataFrame:
    """Every register (and hyte.toml, "plan") by its last change, newest first: what, when, who, and how
    (upload, edit, restore, plan screen, or the package's own file). `frame`: the newest saved version of
    each (queries.register_changes); `files`: when each register's file in the package was written
    (cache.package_files), so a register never saved through the app is listed by its file, and one
    edited on disk after its last save by that edit. A register with no file and no version says so."""
    names = {name: spec.title(lang) for name, spec in R.REGISTERS.items()}
    names["plan"] = translate("status.register.plan", lang)
    stored = {r["register"]: r for r in frame.to_dicts()}
    files = files or {}
    listed = []
    for name in ("plan", *R.REGISTER_ORDER, *(n for n in stored if n not in names)):
        saved, written = stored.get(name), files.get(name)
        at = _utc(saved["saved_at"]) if saved else None
        if written is not None and (at is None or written > at + CHANGED_ON_DISK):
            listed.append((name, written, "", "package"))
        elif saved is not None:
            listed.append((name, at, saved["actor"], saved["origin"]))
        else:
            listed.append((name, None, "", "none"))
    listed.sort(key=lambda r: r[1] is None)  # undated last, each part in the order above
    listed.sort(key=lambda r: r[1] or dt.datetime.min.replace(tzinfo=dt.timezone.utc), reverse=True)
    return _table({
        translate("audit.col.register", lang): [names.get(r[0], r[0]) for r in listed],
        translate("status.changes.at", lang): [fmt_datetime(r[1], lang) for r in listed],
        translate("audit.col.actor", lang): [actor(r[2], lang) if r[2] else "" for r in listed],
        translate("status.changes.how", lang): [translate(f"status.origin.{r[3]}", lang)
                                                if r[3] in ORIGINS else r[3] for r in listed],
    })


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """A stored time as an aware UTC time (SQLite gives naive UTC)."""
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.timezone.utc)


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
