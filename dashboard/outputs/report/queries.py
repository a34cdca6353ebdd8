"""The report's own reads (SQLAlchemy Core → polars; no Streamlit): what no screen reads at once."""

from __future__ import annotations

import polars as pl
from sqlalchemy import Engine, select

from dashboard.core.queries import read_frame
from data_pipeline.store import schema

DISTRICT_SCHEMA = {"indicator_id": pl.Int64, "district_code": pl.Utf8, "year": pl.Int64, "value": pl.Float64}


def district_indicator_values(engine: Engine, first_year: int, last_year: int) -> pl.DataFrame:
    """Every district's values of the plan's indicators that have district data (gender total), in the
    years given: the indicators screen reads them one district at a time."""
    d = schema.indicator_district_value
    stmt = (select(d.c.indicator_id, d.c.district_code, d.c.year, d.c.value)
            .where(d.c.gender == "total", d.c.year >= first_year, d.c.year <= last_year, d.c.value.is_not(None),
                   d.c.indicator_id.in_(select(schema.indicator.c.id)))
            .order_by(d.c.indicator_id, d.c.district_code, d.c.year))
    frame = read_frame(engine, stmt)
    return frame if frame.height else pl.DataFrame(schema=DISTRICT_SCHEMA)
