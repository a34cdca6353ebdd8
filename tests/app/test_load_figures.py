"""Figures the screens read from what each load records (row counts, indicators' year spans) equal the
figures counted from the stored rows themselves."""

from __future__ import annotations

from sqlalchemy import func, select

from dashboard.core import queries
from dashboard.data_status import queries as status_queries
from data_pipeline.store import schema
from data_pipeline.store.engine import make_engine


def test_data_status_rows_are_the_stored_rows(participation_store):
    engine = make_engine(participation_store)
    try:
        shown = status_queries.row_counts(engine)
        assert shown.equals(status_queries._counted_rows(engine))
        assert dict(shown.iter_rows())["participation_event"] == 6
    finally:
        engine.dispose()


def test_the_year_choices_span_the_plans_stored_values(participation_store):
    engine = make_engine(participation_store)
    iv, span = schema.indicator_value, schema.indicator_year_span
    try:
        with engine.connect() as conn:
            counted = conn.execute(select(iv.c.indicator_id, func.min(iv.c.year), func.max(iv.c.year))
                                   .group_by(iv.c.indicator_id).order_by(iv.c.indicator_id)).all()
            recorded = conn.execute(select(span).order_by(span.c.indicator_id)).all()
            lo, hi = conn.execute(select(func.min(iv.c.year), func.max(iv.c.year))
                                  .where(iv.c.indicator_id.in_(select(schema.indicator.c.id)))).one()
        assert counted and recorded == counted
        first, last = queries.year_span(engine)
        assert first <= lo and last >= hi
    finally:
        engine.dispose()
