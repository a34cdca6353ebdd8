"""The report screen's reads: the coordinator's saved texts, every version (SQLAlchemy Core; no Streamlit)."""

from __future__ import annotations

import polars as pl
from sqlalchemy import Engine, inspect, select

from dashboard.core.queries import read_frame
from data_pipeline.store import schema

TEXT_SCHEMA = {"id": pl.Int64, "section": pl.Utf8, "text": pl.Utf8, "saved_at": pl.Datetime("us", "UTC"),
               "actor": pl.Utf8}


def texts(engine: Engine, kind: str, year: int, lang: str) -> pl.DataFrame:
    """Every saved version of the report's section texts, newest first (none before the first save
    upgrades a store made before the texts had a table)."""
    if not inspect(engine).has_table(schema.report_text.name):
        return pl.DataFrame(schema=TEXT_SCHEMA)
    t = schema.report_text
    frame = read_frame(engine, select(t.c.id, t.c.section, t.c.text, t.c.saved_at, t.c.actor)
                       .where(t.c.kind == kind, t.c.year == year, t.c.lang == lang).order_by(t.c.id.desc()))
    return frame if frame.height else pl.DataFrame(schema=TEXT_SCHEMA)
