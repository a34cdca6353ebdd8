"""What every screen's model starts with: its heading (title, data date, the filters in force)."""

from __future__ import annotations

from dashboard.core import cache
from dashboard.core import filters
from dashboard.core.formatting import fmt_datetime
from dashboard.core.i18n import translate
from dashboard.core.model import Heading


def heading(store: cache.Store, title_key: str, lang: str, f: filters.Filters | None = None) -> Heading:
    """The screen's title, when its data was last loaded successfully, and (given `f`) its filters line."""
    loaded = cache.last_successful_load(store)
    when = (translate("data_date.none", lang) if loaded is None
            else translate("data_date", lang, when=fmt_datetime(loaded, lang)))
    return Heading(translate(title_key, lang), when, None if f is None else filters.describe(f, store, lang=lang))
