"""The report screen's reads cached per data version: the drafts the data proposes (the coordinator's texts
are read fresh: a save is no load, so it makes no new data version)."""

from __future__ import annotations

from dashboard.core.cache import Store, engine, versioned
from dashboard.outputs import report as council_report


@versioned(show_spinner=False, max_entries=16)
def proposed(store: Store, kind: str, year: int, lang: str) -> dict[str, str]:
    return council_report.proposed_texts(engine(store.url), council_report.Request(kind=kind, year=year, lang=lang))
