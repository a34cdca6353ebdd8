"""What the report screen shows, in one language, as one value: for the chosen report (annual or broad,
its year), each of THL's sections with the draft the data proposes and the coordinator's current text,
who saved it and when. The documents themselves are made from the same texts (dashboard.outputs.report)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dashboard.access.rules import OPEN_ACTOR
from dashboard.core import cache as core_cache
from dashboard.core import screen
from dashboard.core.cache import Store, engine
from dashboard.core.formatting import fmt_datetime, plain
from dashboard.core.i18n import translate, translate_n
from dashboard.core.model import Heading
from dashboard.outputs import report as council_report
from dashboard.report import cache, queries

KINDS = council_report.KINDS


@dataclass(frozen=True)
class SectionText:
    key: str
    title: str
    proposed: str  # the draft the data proposes (plain text)
    text: str | None  # the coordinator's current text; None: the draft stands
    saved: str | None  # "Tallentanut X 7.12.2026 klo 5.20 · 3 versiota" (Markdown-safe)
    versions: tuple[tuple[str, str], ...] = ()  # (who and when, its text) of each earlier version, newest first


@dataclass(frozen=True)
class ReportScreen:
    kind: str
    year: int
    years: tuple[int, ...]
    sections: tuple[SectionText, ...]
    texts: dict[str, str]  # section -> the coordinator's current text (what the documents use)
    version: int  # the newest saved text's id: the documents made for it stay valid until a new save


def years(store: Store, today: date | None = None) -> tuple[tuple[int, ...], int]:
    """The years a report can be made for (newest first) and the default: the last full year."""
    span = core_cache.year_span(store)
    today = today or date.today()
    if span is None:
        return (), today.year - 1
    return tuple(range(span[1], span[0] - 1, -1)), max(span[0], min(span[1], today.year - 1))


def heading(store: Store, lang: str) -> Heading:
    return screen.heading(store, "page.report", lang)


def actor_text(stored: str, lang: str) -> str:
    return translate("audit.actor.open", lang) if stored == OPEN_ACTOR else stored


def build(store: Store, lang: str, kind: str, year: int, on_offer: tuple[int, ...]) -> ReportScreen:
    drafts = cache.proposed(store, kind, year, lang)
    saved = queries.texts(engine(store.url), kind, year, lang)
    sections, current = [], {}
    for key in council_report.SECTIONS:
        versions = saved.filter(saved["section"] == key)
        text, line = None, None
        if versions.height:
            newest = versions.row(0, named=True)
            text = newest["text"] or None
            line = translate_n("report.screen.saved", versions.height, lang, count=versions.height,
                               who=plain(actor_text(newest["actor"], lang)),
                               when=fmt_datetime(newest["saved_at"], lang))
        if text:
            current[key] = text
        earlier = tuple((translate("report.screen.version", lang, who=actor_text(v["actor"], lang),
                                   when=fmt_datetime(v["saved_at"], lang)), v["text"])
                        for v in versions.iter_rows(named=True))[1:]
        sections.append(SectionText(key, translate(f"report.section.{key}", lang), drafts.get(key, ""), text, line,
                                    earlier))
    return ReportScreen(kind=kind, year=year, years=on_offer,
                        sections=tuple(sections), texts=current,
                        version=int(saved["id"].max()) if saved.height else 0)


def documents(store: Store, shown: ReportScreen, lang: str) -> dict[str, tuple[str, bytes]]:
    """format -> (file name, bytes) of the report with the coordinator's texts, as `hyte report` writes them."""
    made = council_report.build(engine(store.url), council_report.Request(kind=shown.kind, year=shown.year, lang=lang),
                                texts=shown.texts)
    return {fmt: (council_report.file_name(made, fmt), council_report.render(made, fmt)) for fmt in council_report.FORMATS}

