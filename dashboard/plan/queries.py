"""The plan screen's reads: goals, measures and indicators as the last load left them (no Streamlit)."""

from __future__ import annotations

import polars as pl
from sqlalchemy import Engine, select

from dashboard.core.queries import read_frame
from data_pipeline.store import schema


def goals(engine: Engine) -> pl.DataFrame:
    t = schema.goal
    return read_frame(engine, select(t).order_by(t.c.priority_area_code, t.c.code))


def measures(engine: Engine) -> pl.DataFrame:
    """Every measure with its goal's priority area."""
    m, g = schema.measure, schema.goal
    stmt = select(m, g.c.priority_area_code).select_from(m.join(g, m.c.goal_code == g.c.code)).order_by(m.c.code)
    return read_frame(engine, stmt)


def indicators(engine: Engine) -> pl.DataFrame:
    t = schema.indicator
    return read_frame(engine, select(t.c.id, t.c.source, t.c.title_fi, t.c.title_sv, t.c.title_en,
                                     t.c.priority_area_code, t.c.age_group_code, t.c.direction, t.c.target_value,
                                     t.c.target_year, t.c.decimals).order_by(t.c.sort_order, t.c.id))
