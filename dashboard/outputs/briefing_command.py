"""`hyte briefing`: the meeting briefing as a PDF from the command line.

Registered with the pipeline's `hyte` command through the `hyte.commands` entry point (pyproject.toml),
so the pipeline does not depend on the app.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from dashboard.outputs.briefing import BriefingError, Request, build
from data_pipeline.cli import EXIT_FAILED, EXIT_OK, EXIT_REJECTED, EXIT_USAGE, _safe
from data_pipeline.store.engine import make_engine, resolve_url


def cmd_briefing(args) -> int:
    url = resolve_url(args.db)
    request = Request(lang=args.lang, age_group=args.age, district=args.district, start_year=args.from_year,
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
        print(f"Kokousmateriaalia ei voitu koota / cannot build the briefing: {exc}", file=sys.stderr)
        return EXIT_FAILED
    out = Path(args.out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pdf)
    except OSError as exc:
        print(f"Tiedostoa ei voitu kirjoittaa / cannot write {out}: {exc.strerror}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Kokousmateriaali / Briefing → {out} ({len(pdf) // 1024} kt / KiB, "
          f"{time.perf_counter() - started:.1f} s)", file=sys.stderr)
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
        print(f"--deck: tuntemattomia dioja / unknown slides: {', '.join(problem.unknown) or repr(args.deck)}; "
              f"dia on näkymä / a slide is a screen: {', '.join(deck_pdf.SCREENS)}, "
              "esim. / e.g. --deck overview,indicators:288,participation", file=sys.stderr)
        return EXIT_USAGE
    except FileNotFoundError as exc:  # the PDF font (fonts-dejavu-core)
        print(f"Esitystä ei voitu koota / cannot build the deck: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if made.unknown:
        print(f"--deck: ohitettu / skipped unknown slides: {', '.join(made.unknown)} "
              f"(dia on näkymä / a slide is a screen: {', '.join(deck_pdf.SCREENS)})", file=sys.stderr)
    out = Path(args.out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(made.pdf)
    except OSError as exc:
        print(f"Tiedostoa ei voitu kirjoittaa / cannot write {out}: {exc.strerror}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Esitys / Deck ({len(made.slides)} diaa / slides) → {out} ({len(made.pdf) // 1024} kt / KiB, "
          f"{time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return EXIT_OK


def _briefing_problem(problem, url: str) -> str:
    known = ", ".join(str(k) for k in problem.known)
    if problem.reason == "empty":
        return (f"Tietovarasto on tyhjä / the store is empty ({_safe(url)}): lataa ensin tiedot / load data first, "
                "e.g. `hyte demo --out demo` or `hyte refresh --config FILE`.")
    if problem.reason == "period":
        return (f"Vuotta {problem.value} ei ole tiedoissa / year {problem.value} is not in the data: "
                f"valitse vuosi väliltä / choose a year from {known.replace(', ', '–')}.")
    option = {"age": "--age", "district": "--district", "lang": "--lang"}[problem.reason]
    return (f"Tuntematon arvo / unknown value {option} {problem.value!r}: "
            f"tunnetut arvot / known values: {known}.")


def register(sub, with_db) -> None:
    """Add `hyte briefing` to the pipeline's command line (entry point `hyte.commands`)."""
    p = with_db(sub.add_parser("briefing", help="the meeting briefing as PDF (overview, priority areas, "
                                                "participation map, working groups, NGO coverage)"))
    p.add_argument("--out", required=True, help="the PDF file to write")
    p.add_argument("--deck", metavar="SPEC",
                   help="instead of the briefing, these slides as 16:9 PDF pages, e.g. "
                        "overview,indicators:288,participation (a screen, optionally :focus); '' = every screen")
    p.add_argument("--lang", default="fi", choices=("fi", "sv", "en"), help="language (default fi)")
    p.add_argument("--age", help="age-group code (default: all age groups)")
    p.add_argument("--district", help="district code (default: the whole municipality)")
    p.add_argument("--from", dest="from_year", type=int, help="first year (default: as the dashboard)")
    p.add_argument("--to", dest="to_year", type=int, help="last year (default: as the dashboard)")
    p.set_defaults(func=cmd_briefing)
