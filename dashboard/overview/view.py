"""What the overview says, in a language given: the status labels of its bars and the weak-signal lines
(no Streamlit: the slides and the briefing can say the same)."""

from __future__ import annotations

from dashboard.core.i18n import localized, translate
from dashboard.indicators import view as ind_view

STATUSES = ("improving", "holding", "worsening", "no_data")


def status_labels(lang: str) -> dict[str, str]:
    """improving / holding / worsening / no data, as the indicator screen names them."""
    return {status: ind_view.trend_label(status, lang) for status in STATUSES}


def signal_parts(signal: dict, lang: str) -> tuple[str, str]:
    """A weak signal as (the indicator's title, what happened): ("Nuorten tupakointi", "+1,1 vuodesta 2024")."""
    what = translate(f"ov.signal.{signal['kind']}", lang,
                     change=ind_view.value_text(signal["change"], signal, lang, signed=True), year=signal["year"])
    return localized(signal, "title", lang), what
