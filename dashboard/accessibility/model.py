"""What the accessibility statement (saavutettavuusseloste) says, in one language: the structure Finland's
supervisory authority asks for (status, known issues, feedback, enforcement, the date it was reviewed)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from dashboard.core.formatting import plain
from dashboard.core.i18n import translate

ISSUES = ("map", "charts", "tables", "rotation")
# When the statement was last reviewed against the tests (the law asks for the date).
STATEMENT_DATE = "22.11.2026"
CONTACT_ENV = "HYTE_ACCESSIBILITY_CONTACT"


@dataclass(frozen=True)
class Statement:
    """The statement's title and lead, its sections (heading, Markdown) and when it was reviewed."""

    title: str
    intro: str
    sections: tuple[tuple[str, str], ...]
    updated: str


def feedback_contact(lang: str) -> str:
    """Where residents send accessibility feedback: the municipality's own channel, set at deployment.

    Until it is set the statement shows a placeholder that says what to set, never a made-up address.
    """
    contact = os.environ.get(CONTACT_ENV, "").strip()
    return plain(contact) if contact else translate("a11y.contact_placeholder", lang)


def build(lang: str) -> Statement:
    return Statement(
        translate("page.accessibility", lang), translate("a11y.intro", lang),
        ((translate("a11y.status.title", lang), translate("a11y.status", lang)),
         (translate("a11y.issues.title", lang),
          "\n".join(f"- {translate(f'a11y.issue.{issue}', lang)}" for issue in ISSUES)),
         (translate("a11y.feedback.title", lang), translate("a11y.feedback", lang, contact=feedback_contact(lang))),
         (translate("a11y.enforcement.title", lang), translate("a11y.enforcement", lang))),
        translate("a11y.updated", lang, date=STATEMENT_DATE))
