"""Participation figures as a reader sees them, small counts hidden: shared by the screen and the briefing.

No Streamlit here, so the PDF briefing (built outside the app) writes the same "< 5" as the screen.
"""

from __future__ import annotations

from dashboard.core.formatting import DASH, fmt_number
from dashboard.core.i18n import translate


def count_text(value: int | None, lang: str) -> str:
    """A participant count, or "< 5" where it is suppressed (null)."""
    return translate("part.small", lang) if value is None else fmt_number(value, 0, lang)


def reach_number(value: float | None, lang: str) -> str:
    """Reach per 1,000 with one decimal under 100 ("3,5"), whole numbers above ("566")."""
    if value is None:
        return DASH
    return fmt_number(value, 1 if value < 100 else 0, lang)


def reach_text(row: dict, lang: str) -> str:
    """A district's (or age group's) reach as a reader sees it: a number, "under 1,9", or a dash."""
    if row.get("suppressed"):
        bound = row.get("reach_bound")
        if bound is None:
            return translate("part.small", lang)
        return translate("part.reach_under", lang, value=reach_number(bound, lang))
    return reach_number(row.get("reach"), lang)
