"""`hyte report`: the council's wellbeing report (annual or broad) as DOCX, PDF and HTML files.

Registered with the pipeline's `hyte` command through the `hyte.commands` entry point (pyproject.toml),
as `hyte briefing` is, so the pipeline does not depend on the app.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from dashboard.outputs import report as council_report
from dashboard.outputs.report.document import FORMATS, KINDS
from data_pipeline.cli import EXIT_FAILED, EXIT_OK, EXIT_REJECTED, EXIT_USAGE, _h, _safe, say
from data_pipeline.i18n import LANGUAGES, language
from data_pipeline.store import report_texts
from data_pipeline.store.engine import make_engine, resolve_url, upgrade


def formats(text: str) -> list[str] | None:
    """"docx,pdf" as a list in the given order, or None when one of them is unknown."""
    chosen = [f.strip().lower() for f in text.split(",") if f.strip()]
    return chosen if chosen and all(f in FORMATS for f in chosen) else None


def cmd_report(args) -> int:
    url = resolve_url(args.db)
    chosen = formats(args.format)
    if chosen is None:
        say("report.cli.unknown_value", option="--format", value=repr(args.format), known=", ".join(FORMATS))
        return EXIT_USAGE
    request = council_report.Request(kind=args.kind, year=args.year, lang=args.lang or language())
    started = time.perf_counter()
    try:
        document = council_report.build(make_engine(url), request)
    except council_report.ReportError as problem:
        key, params = _problem(problem, url)
        say(key, **params)
        return EXIT_REJECTED if problem.reason == "empty" else EXIT_USAGE
    out = Path(args.out)
    for fmt in chosen:
        try:
            data = council_report.render(document, fmt)
        except FileNotFoundError as exc:  # the PDF font (fonts-dejavu-core)
            say("report.cli.failed", error=str(exc))
            return EXIT_FAILED
        target = out / council_report.file_name(document, fmt)
        try:
            out.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        except OSError as exc:
            say("report.cli.cannot_write", file=str(target), error=exc.strerror)
            return EXIT_FAILED
        say("report.cli.written", out=str(target), size=max(1, len(data) // 1024),
            seconds=time.perf_counter() - started)
    return EXIT_OK


def _problem(problem, url: str) -> tuple:
    known = ", ".join(str(k) for k in problem.known)
    if problem.reason == "empty":
        return ("report.cli.empty", {"url": _safe(url)})
    if problem.reason == "year":
        return ("report.cli.year", {"year": problem.value, "years": known.replace(", ", "–")})
    option = {"kind": "--kind", "lang": "--lang", "format": "--format"}[problem.reason]
    return ("report.cli.unknown_value", {"option": option, "value": repr(problem.value), "known": known})


def cmd_report_text(args) -> int:
    """One section's text as the coordinator wrote it, kept as a new version (the report screen runs this)."""
    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        say("report.cli.cannot_read", file=args.file, error=getattr(exc, "strerror", None) or str(exc))
        return EXIT_USAGE
    engine = make_engine(resolve_url(args.db))
    upgrade(engine)  # a store from before the report's texts gets their table
    version = report_texts.save(engine, args.kind, args.year, args.lang or language(), args.section, text, args.actor)
    say("report.cli.text_saved", section=args.section, version=version)
    return EXIT_OK


def register(sub, with_db) -> None:
    """Add `hyte report` and `hyte report-text` to the pipeline's command line (entry point `hyte.commands`)."""
    p = with_db(sub.add_parser("report", help=_h("report.help")))
    p.add_argument("--kind", default="annual", choices=KINDS, help=_h("report.help.kind"))
    p.add_argument("--year", type=int, help=_h("report.help.year"))
    # Also before the command (hyte --lang sv report): SUPPRESS keeps that one; neither: hyte's language.
    p.add_argument("--lang", default=argparse.SUPPRESS, choices=LANGUAGES, help=_h("report.help.lang"))
    p.add_argument("--format", default=",".join(FORMATS), help=_h("report.help.format", formats=",".join(FORMATS)))
    p.add_argument("--out", required=True, help=_h("report.help.out"))
    p.set_defaults(func=cmd_report)
    p = with_db(sub.add_parser("report-text", help=_h("report.help.text")))
    p.add_argument("--kind", required=True, choices=KINDS, help=_h("report.help.kind"))
    p.add_argument("--year", required=True, type=int, help=_h("report.help.year"))
    p.add_argument("--lang", default=argparse.SUPPRESS, choices=LANGUAGES, help=_h("report.help.lang"))
    p.add_argument("--section", required=True, choices=report_texts.SECTIONS, help=_h("report.help.section"))
    p.add_argument("--file", required=True, help=_h("report.help.file"))
    p.add_argument("--actor", required=True, help=_h("report.help.actor"))
    p.set_defaults(func=cmd_report_text)
