"""`hyte briefing`: the meeting briefing as a PDF from the command line.

Registered with the pipeline's `hyte` command through the `hyte.commands` entry point (pyproject.toml),
so the pipeline does not depend on the app.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dashboard.outputs.briefing import BriefingError, Request, build
from data_pipeline.cli import EXIT_FAILED, EXIT_OK, EXIT_REJECTED, EXIT_USAGE, _h, _safe, say
from data_pipeline.i18n import LANGUAGES, language, msg, msg_n
from data_pipeline.store.engine import make_engine, resolve_url


def cmd_briefing(args) -> int:
    url = resolve_url(args.db)
    # The document's language is the command's: --lang, else the environment's (hyte's own choice).
    request = Request(lang=args.lang or language(), age_group=args.age, district=args.district, start_year=args.from_year,
                      end_year=args.to_year)
    started = time.perf_counter()
    if args.deck is not None:
        return _deck(url, request, args, started)
    try:
        pdf = build(make_engine(url), request)
    except BriefingError as problem:
        print(_briefing_problem(problem, url), file=sys.stderr)
        return EXIT_USAGE if problem.reason != "empty" else EXIT_REJECTED
    except FileNotFoundError as exc:  # the PDF font (fonts-dejavu-core)
        say("briefing.cli.failed", error=str(exc))
        return EXIT_FAILED
    out = Path(args.out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pdf)
    except OSError as exc:
        say("briefing.cli.cannot_write", file=str(out), error=exc.strerror)
        return EXIT_FAILED
    say("briefing.cli.written", out=str(out), size=len(pdf) // 1024, seconds=time.perf_counter() - started)
    return EXIT_OK


def _deck(url: str, request: Request, args, started: float) -> int:
    """`--deck SPEC`: presentation mode's slides as 16:9 PDF pages (dashboard/outputs/deck_pdf.py)."""
    # The slides read through the screens' Streamlit caches, here in Streamlit's bare mode (a plain
    # in-memory cache): its "no runtime" warnings say nothing to someone making a PDF.
    import streamlit.logger

    streamlit.logger.set_log_level("ERROR")
    from dashboard.outputs import deck_pdf

    try:
        made = deck_pdf.build(url, request, args.deck)
    except BriefingError as problem:
        print(_briefing_problem(problem, url), file=sys.stderr)
        return EXIT_USAGE if problem.reason != "empty" else EXIT_REJECTED
    except deck_pdf.NoSlides as problem:
        say("briefing.cli.unknown_slides", slides=", ".join(problem.unknown) or repr(args.deck),
            screens=", ".join(deck_pdf.SCREENS))
        return EXIT_USAGE
    except FileNotFoundError as exc:  # the PDF font (fonts-dejavu-core)
        say("briefing.cli.deck_failed", error=str(exc))
        return EXIT_FAILED
    if made.unknown:
        say("briefing.cli.skipped_slides", slides=", ".join(made.unknown), screens=", ".join(deck_pdf.SCREENS))
    out = Path(args.out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(made.pdf)
    except OSError as exc:
        say("briefing.cli.cannot_write", file=str(out), error=exc.strerror)
        return EXIT_FAILED
    print(msg_n("briefing.cli.deck_written", len(made.slides), out=str(out), size=len(made.pdf) // 1024,
              seconds=time.perf_counter() - started), file=sys.stderr)
    return EXIT_OK


def _briefing_problem(problem, url: str) -> str:
    known = ", ".join(str(k) for k in problem.known)
    if problem.reason == "empty":
        return str(msg("briefing.cli.empty", url=_safe(url)))
    if problem.reason == "period":
        return str(msg("briefing.cli.period", year=problem.value, years=known.replace(", ", "–")))
    option = {"age": "--age", "district": "--district", "lang": "--lang"}[problem.reason]
    return str(msg("briefing.cli.unknown_value", option=option, value=repr(problem.value), known=known))


def register(sub, with_db) -> None:
    """Add `hyte briefing` to the pipeline's command line (entry point `hyte.commands`)."""
    p = with_db(sub.add_parser("briefing", help=_h("briefing.help")))
    p.add_argument("--out", required=True, help=_h("briefing.help.out"))
    p.add_argument("--deck", metavar="SPEC", help=_h("briefing.help.deck"))
    # Also before the command (hyte --lang sv briefing): SUPPRESS keeps that one; neither: hyte's language.
    p.add_argument("--lang", default=argparse.SUPPRESS, choices=LANGUAGES, help=_h("briefing.help.lang"))
    p.add_argument("--age", help=_h("briefing.help.age"))
    p.add_argument("--district", help=_h("briefing.help.district"))
    p.add_argument("--from", dest="from_year", type=int, help=_h("briefing.help.from"))
    p.add_argument("--to", dest="to_year", type=int, help=_h("briefing.help.to"))
    p.set_defaults(func=cmd_briefing)
