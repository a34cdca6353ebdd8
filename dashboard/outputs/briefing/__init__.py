"""The meeting briefing: the dashboard's picture for one choice of filters, as a PDF for the council.

Cover (municipality, filters, data date, language), the overview (trend counts, targets and
comparisons per priority area; the weak signals), each priority area with its indicators' time
series, the participation map, working-group activity and NGO coverage. The numbers come from
the same query and metric functions as the screens, the charts from the same builders, rendered
on the server (chart_render). No Streamlit: `hyte briefing` builds it without the app, and the
app's download button calls `build` inside its cache.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from dashboard.indicators import queries as indicator_queries
from dashboard.outputs.briefing.document import (FONT_DIR, FONT_FILES, Briefing, BriefingError, Request,
                                                 Document, default_period, missing_fonts, resolve)
from dashboard.outputs.briefing.sections import (cover, indicator_board, ngo_coverage, overview,
                                                 participation, priority_area, working_groups, legend_entries,
                                                 reach_map)

__all__ = ["FONT_DIR", "FONT_FILES", "Briefing", "BriefingError", "Request", "build", "compose", "default_period",
           "legend_entries", "missing_fonts", "reach_map", "resolve"]


def build(engine: Engine, request: Request, today: date | None = None) -> bytes:
    """The briefing as PDF bytes. Raises BriefingError for what the person asking can fix."""
    return compose(engine, request, today).output()


def compose(engine: Engine, request: Request, today: date | None = None) -> Document:
    """The briefing's document as its sections recorded it (typeset by its `output()`)."""
    b = resolve(engine, request)
    today = today or date.today()
    pdf = Document(b)
    cover(pdf, b, engine)
    board = indicator_board(engine, b)
    overview(pdf, b, board)
    series = indicator_queries.indicator_values(engine, b.start_year, b.end_year)
    for code in b.area_names:  # the plan's order
        priority_area(pdf, b, code, board, series)
    participation(pdf, b, engine)
    working_groups(pdf, b, engine, today)
    ngo_coverage(pdf, b, engine)
    return pdf
