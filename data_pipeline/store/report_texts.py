"""The council report's texts: a coordinator's save of one section's text, kept as a new version.

Not part of the data package (the report's prose is written where the data lives, not in hyte.toml or
a register), so a load never replaces it; every save is a row, the newest per section is the text.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Engine, insert

from data_pipeline.store import schema

# THL's sections, as dashboard/outputs/report names them.
SECTIONS = ("summary", "background", "current_state", "strengths", "plan", "appendix")
KINDS = ("annual", "broad")
MAX_CHARACTERS = 20_000  # about eight pages: a section of a council report, not a document of its own


def save(engine: Engine, kind: str, year: int, lang: str, section: str, text: str, actor: str,
         now: datetime | None = None) -> int:
    """Store `text` as the section's newest version; returns its id. An empty text means the draft again."""
    if kind not in KINDS or section not in SECTIONS:
        raise ValueError(f"unknown report kind or section: {kind!r}, {section!r}")
    row = {"kind": kind, "year": year, "lang": lang, "section": section,
           "text": text.replace("\r\n", "\n").strip()[:MAX_CHARACTERS],
           "saved_at": now or datetime.now(timezone.utc), "actor": actor}
    with engine.begin() as conn:
        return conn.execute(insert(schema.report_text).values(row)).inserted_primary_key[0]
