"""The tests' fixture packages (tests/fixtures/) and a store's rows read back, for comparing stores exactly."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from sqlalchemy import select

from data_pipeline.store import schema
from data_pipeline.store.engine import make_engine

FIXTURES = Path(__file__).parents[1] / "fixtures"


def dump_store(url: str, tables=schema.DATA_TABLES) -> dict[str, list[tuple]]:
    """Every data table's rows, sorted, with floats as stored: for comparing two stores exactly."""
    engine = make_engine(url)
    out = {}
    with engine.connect() as conn:
        for table in tables:
            rows = conn.execute(select(table)).all()
            out[table.name] = sorted((tuple(r) for r in rows), key=repr)
    engine.dispose()
    return out


def table_frame(url: str, table) -> pl.DataFrame:
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(select(table)).mappings().all()
    engine.dispose()
    return pl.DataFrame([dict(r) for r in rows], infer_schema_length=None)
