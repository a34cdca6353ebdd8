"""The `hyte` command: demo, refresh, check, status, health, template, export, briefing, config-reference."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
import time
from pathlib import Path

from sqlalchemy.exc import OperationalError

from data_pipeline.store import make_engine, resolve_url

EXIT_OK, EXIT_REJECTED, EXIT_FAILED, EXIT_USAGE = 0, 1, 2, 64


def _n(count: int) -> str:
    """Finnish thousands grouping: 1 234 567."""
    return f"{count:,}".replace(",", " ")


class TerminalProgress:
    """One line per table on stderr, with rows and elapsed time, so a long load visibly moves."""

    def __init__(self, quiet: bool = False):
        self.quiet = quiet
        self.started = time.perf_counter()

    def __call__(self, table: str, rows: int) -> None:
        if not self.quiet:
            print(f"  [{time.perf_counter() - self.started:6.1f} s] {table}: {_n(rows)} riviä / rows",
                  file=sys.stderr, flush=True)


def _report(result) -> int:
    if result.ok:
        total = sum(result.rows.values())
        label = "Ei muutoksia" if result.status == "unchanged" else "Ladattu"
        print(f"{label} / {'Unchanged' if result.status == 'unchanged' else 'Loaded'}: "
              f"{_n(total)} riviä / rows, ajo / run #{result.run_id}")
        if result.message and result.status == "success":
            print(f"Varoitus / Warning: Sotkanet-tiedot ovat vanhoja välimuistista / Sotkanet data is stale, "
                  f"from the cache: {result.message}", file=sys.stderr)
        return EXIT_OK
    if result.status == "rejected":
        print(f"Hylätty / Rejected: {len(result.problems)} virhettä / problems; "
              "tietoja ei muutettu / the store is unchanged.", file=sys.stderr)
        for problem in result.problems:
            print(str(problem), file=sys.stderr)
        return EXIT_REJECTED
    print(f"Lataus epäonnistui / Load failed: {result.message}; tietoja ei muutettu / the store is unchanged.",
          file=sys.stderr)
    return EXIT_FAILED


def _actor() -> str:
    """Who ran the command, for the audit log: the OS user (the systemd unit's user for the timer)."""
    try:
        return f"{getpass.getuser()} (hyte)"
    except (KeyError, OSError):
        return "hyte"


def cmd_refresh(args) -> int:
    from data_pipeline.pipeline import Change, refresh

    url = resolve_url(args.db)
    print(f"Päivitetään / Refreshing {args.config} → {_safe(url)}", file=sys.stderr)
    return _report(refresh(args.config, url, command="refresh", progress=TerminalProgress(args.quiet),
                           offline=args.offline, change=Change(_actor())))


def cmd_check(args) -> int:
    from data_pipeline.check import check_package

    result = check_package(args.config)
    name = Path(args.config).name
    if not result.ok:
        for problem in result.problems:
            print(str(problem))
        print(f"{name}: {len(result.problems)} virhettä / problems; korjaa ne ja aja uudelleen / "
              "fix them and run hyte check again.", file=sys.stderr)
        return EXIT_REJECTED
    counts = ", ".join(f"{register} {_n(rows)}" for register, rows in result.register_rows.items()) or "–"
    print(f"{name}: ei virheitä / no problems; rivejä tarkistettu / rows checked: {counts}; "
          f"alueita / districts {_n(result.districts)}; indikaattoriarvoja / indicator values "
          f"{_n(result.indicator_values)}")
    return EXIT_OK


def cmd_config_reference(args) -> int:
    from data_pipeline.config_reference import reference_markdown

    sys.stdout.write(reference_markdown())
    return EXIT_OK


def cmd_demo(args) -> int:
    from data_pipeline.demo import write_demo_package
    from data_pipeline.pipeline import Change, refresh

    config = write_demo_package(Path(args.out), seed=args.seed)
    print(f"Esittelyaineisto kirjoitettu / Demo package written: {config}", file=sys.stderr)
    url = resolve_url(args.db)
    return _report(refresh(config, url, command="demo", progress=TerminalProgress(args.quiet),
                           change=Change(_actor())))


def cmd_status(args) -> int:
    from data_pipeline.status import format_status, store_status

    status = store_status(make_engine(resolve_url(args.db)))
    if args.json:
        print(json.dumps(status, ensure_ascii=False, indent=2, default=str))
    else:
        print(format_status(status))
    return EXIT_OK


def cmd_health(args) -> int:
    from data_pipeline.health import check

    health = check(make_engine(resolve_url(args.db)), max_age_hours=args.max_age_hours)
    print(health.reason)
    return EXIT_OK if health.ok else EXIT_REJECTED


def cmd_template(args) -> int:
    from data_pipeline.template import write_templates

    written = write_templates(Path(args.dir))
    for path in written:
        print(path)
    return EXIT_OK


def cmd_export(args) -> int:
    from data_pipeline.export import export_indicator_values

    if args.what != "indicator-values":
        print(f"Tuntematon vienti / unknown export: {args.what}", file=sys.stderr)
        return EXIT_USAGE
    rows = export_indicator_values(make_engine(resolve_url(args.db)), Path(args.out))
    print(f"{rows} riviä / rows → {args.out}", file=sys.stderr)
    return EXIT_OK


def cmd_briefing(args) -> int:
    # Imported on use: the dashboard's modules (polars, Altair, vl-convert) are not needed by the pipeline.
    from dashboard.briefing import BriefingError, Request, build

    url = resolve_url(args.db)
    request = Request(lang=args.lang, age_group=args.age, district=args.district, start_year=args.from_year,
                      end_year=args.to_year)
    started = time.perf_counter()
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


def cmd_has_data(args) -> int:
    from data_pipeline.store import data_version

    return EXIT_OK if data_version(make_engine(resolve_url(args.db))) > 0 else EXIT_REJECTED


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hyte", description="HYTE-tietojen päivitys / HYTE data pipeline")
    parser.add_argument("-v", "--verbose", action="store_true", help="show debug logging")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_db(p):
        p.add_argument("--db", help="store URL (default: env HYTE_DATABASE_URL, else sqlite:///data/hyte.db)")
        return p

    p = with_db(sub.add_parser("demo", help="write the demo data package to DIR and load it"))
    p.add_argument("--out", required=True, help="folder for the demo package")
    p.add_argument("--seed", type=int, default=2026, help="random seed (same seed, same data)")
    p.add_argument("-q", "--quiet", action="store_true")
    p.set_defaults(func=cmd_demo)

    p = with_db(sub.add_parser("refresh", help="validate and load a data package"))
    p.add_argument("--config", required=True, help="the package's hyte.toml")
    p.add_argument("--offline", action="store_true", help="use only cached Sotkanet responses")
    p.add_argument("-q", "--quiet", action="store_true")
    p.set_defaults(func=cmd_refresh)

    p = sub.add_parser("check", help="validate a data package as refresh would, without downloading or "
                                     "loading it: exit 0, or 1 listing every problem")
    p.add_argument("--config", required=True, help="the package's hyte.toml")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("config-reference", help="print the reference of every hyte.toml key (Markdown)")
    p.set_defaults(func=cmd_config_reference)

    p = with_db(sub.add_parser("status", help="last runs, freshness per source, rows per table"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)

    p = with_db(sub.add_parser("health", help="exit 0 if the store is reachable, current and fresh, else 1; "
                                              "one line saying why (for monitoring)"))
    p.add_argument("--max-age-hours", type=float, default=48.0,
                   help="the last successful load may be at most this old (default 48)")
    p.set_defaults(func=cmd_health)

    p = sub.add_parser("template", help="write empty register files and a description of every column")
    p.add_argument("dir")
    p.set_defaults(func=cmd_template)

    p = with_db(sub.add_parser("has-data", help="exit 0 if the store holds a successful load (for make run)"))
    p.set_defaults(func=cmd_has_data)

    p = with_db(sub.add_parser("briefing", help="the meeting briefing as PDF (overview, priority areas, "
                                                "participation map, working groups, NGO coverage)"))
    p.add_argument("--out", required=True, help="the PDF file to write")
    p.add_argument("--lang", default="fi", choices=("fi", "sv", "en"), help="language (default fi)")
    p.add_argument("--age", help="age-group code (default: all age groups)")
    p.add_argument("--district", help="district code (default: the whole municipality)")
    p.add_argument("--from", dest="from_year", type=int, help="first year (default: as the dashboard)")
    p.add_argument("--to", dest="to_year", type=int, help="last year (default: as the dashboard)")
    p.set_defaults(func=cmd_briefing)

    p = with_db(sub.add_parser("export", help="export stored data"))
    p.add_argument("what", choices=["indicator-values"])
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except OperationalError as exc:
        print(f"Tietokantaan ei saada yhteyttä / cannot reach the store: {exc.orig}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("Keskeytetty / interrupted; tietoja ei muutettu / the store is unchanged.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
