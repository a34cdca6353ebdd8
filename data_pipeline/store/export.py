"""Exports stored data for analysts: raw values with Sotkanet's own ids, categories and codes."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import Engine, select

from data_pipeline.store import schema

EXPORT_HEADER = ("indicator_id", "region_category", "region_code", "year", "gender", "value")


def export_indicator_values(engine: Engine, out: Path) -> int:
    """Every stored indicator value as CSV; values are written as stored, never rounded."""
    v, r = schema.indicator_value, schema.region
    stmt = (select(v.c.indicator_id, r.c.category, r.c.code, v.c.year, v.c.gender, v.c.value)
            .join(r, r.c.id == v.c.region_id)
            .order_by(v.c.indicator_id, r.c.category, r.c.code, v.c.year, v.c.gender))
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with engine.connect() as conn, out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(EXPORT_HEADER)
        result = conn.execution_options(stream_results=True, yield_per=50_000).execute(stmt)
        for row in result:
            # repr() keeps every digit of a float; None stays an empty cell.
            writer.writerow((*row[:5], "" if row[5] is None else repr(row[5])))
            count += 1
    return count
