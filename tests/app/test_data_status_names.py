"""The data-status screen names its sources and tables in the visitor's language (issue 23, Kuusamo:
`boundaries` and `indicator_rank` were shown as stored)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from dashboard.core.i18n import translate
from dashboard.data_status import view
from data_pipeline.store import schema


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_source_and_table_has_a_name_in_the_visitors_language(lang):
    now = dt.datetime(2026, 12, 7, tzinfo=dt.timezone.utc)
    sources = ["config", "sotkanet", "districts", "registers", "boundaries"]
    frame = pl.DataFrame([{"source": s, "status": "fresh", "last_success_at": now, "data_updated": None,
                           "message": None, "attribution": None} for s in sources])

    shown = [s["source"] for s in view.freshness(frame, lang)]

    assert shown == [translate(f"freshness.source.{s}", lang) for s in sources]
    assert not set(shown) & set(sources)
    tables = [str(t.name) for t in schema.metadata.sorted_tables]
    counts = view.row_counts(pl.DataFrame({"table": tables, "rows": [1] * len(tables)}), lang)
    names = counts[translate("status.col.table", lang)].to_list()
    assert not set(names) & set(tables), sorted(set(names) & set(tables))
    assert translate("table.indicator_rank", lang) in names
