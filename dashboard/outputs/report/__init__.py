"""The council's statutory wellbeing report (Act 612/2021 § 6): the annual report and the broad report of
the council term, in THL's structure (summary, background, current state, strengths and development
areas, plan, appendices), as DOCX, PDF and HTML from one document model.

The numbers come from the briefing's and the screens' queries and metrics (facts.py), the words from
the catalogues, the coordinator's own text per section from the store (dashboard/report/), else the
sentences the data proposes (drafts.py). No Streamlit: `hyte report` builds it without the app.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import Engine

from dashboard.core.formatting import fmt_datetime, fmt_year_range
from dashboard.core.i18n import LANGUAGE_NAMES, localized, translate
from dashboard.outputs.briefing.document import data_date
from dashboard.outputs.report.document import (FORMATS, KINDS, SECTIONS, Paragraph, Report, ReportError, Request,
                                               Section, text_blocks)
from dashboard.outputs.report import docx_render, html_render, typst_render
from dashboard.outputs.report.facts import Facts, gather
from dashboard.outputs.report.sections import build_sections

__all__ = ["FORMATS", "KINDS", "SECTIONS", "Report", "ReportError", "Request", "build", "file_name", "render", "proposed_texts"]


def build(engine: Engine, request: Request, texts: dict[str, str] | None = None, today: date | None = None,
          with_charts: bool = True) -> Report:
    """The report's document. `texts`: the coordinator's own text per THL section key, replacing its draft."""
    f = gather(engine, request, today)
    return assemble(f, texts or {}, with_charts)


def assemble(f: Facts, texts: dict[str, str], with_charts: bool = True) -> Report:
    lang = f.b.lang
    sections = []
    for s in build_sections(f, with_charts):
        own = (texts.get(s.key) or "").strip()
        lead = text_blocks(own) if own else tuple(Paragraph(p, proposed=True) for p in s.proposed)
        sections.append(Section(s.key, s.title, s.level, blocks=(*lead, *s.blocks), children=s.children,
                                proposed=s.proposed, text=own or None))
    muni = f.b.municipality
    plan = localized(muni, "plan_name", lang)
    period = fmt_year_range(f.first_year, f.year)
    cover = [translate(f"report.cover.{f.kind}", lang, period=period, year=f.year)]
    if plan:
        cover.append(f"{plan} · {translate('overview.period', lang, period=fmt_year_range(muni.get('plan_start_year'), muni.get('plan_end_year')))}")
    cover += [data_date(f.b), translate("brief.compiled", lang, when=fmt_datetime(datetime.now(timezone.utc), lang)),
              translate("brief.language", lang, value=LANGUAGE_NAMES[lang])]
    if muni.get("is_demo"):
        cover.append(translate("brief.demo", lang))
    return Report(kind=f.kind, year=f.year, first_year=f.first_year, lang=lang,
                  title=translate(f"report.title.{f.kind}", lang, period=period, year=f.year),
                  subtitle=f.b.municipality_name, municipality=f.b.municipality_name, author=f.b.municipality_name,
                  cover_lines=tuple(cover), sections=tuple(sections), contents_title=translate("report.contents", lang),
                  figure_word=translate("report.figure", lang), table_word=translate("report.table", lang),
                  proposed_note=translate("report.proposed_note", lang))


def proposed_texts(engine: Engine, request: Request, today: date | None = None) -> dict[str, str]:
    """Each THL section's draft as the report screen offers it: its sentences, one paragraph."""
    f = gather(engine, request, today)
    return {s.key: " ".join(s.proposed) for s in build_sections(f, with_charts=False)}


def file_name(report: Report, fmt: str) -> str:
    """"hyvinvointikertomus-2025-fi.pdf": the kind and years in the report's language, then the language."""
    years = report.year if report.kind == "annual" else f"{report.first_year}-{report.year}"
    return f"{translate(f'report.file.{report.kind}', report.lang, year=years)}-{report.lang}.{fmt}"


def render(report: Report, fmt: str) -> bytes:
    """The report as `fmt` ("docx", "pdf" or "html") bytes."""
    if fmt == "docx":
        return docx_render.render(report)
    if fmt == "pdf":
        return typst_render.render(report)
    if fmt == "html":
        return html_render.render(report)
    raise ReportError("format", fmt, FORMATS)
