"""The `hyte` command: init, demo, refresh, upload, restore, check, status, health, template, export,
config-reference (and briefing, registered by the app)."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
import time
from importlib.metadata import entry_points
from pathlib import Path

from sqlalchemy.exc import OperationalError

from data_pipeline.inputs.problems import MAX_LISTED_PER_FILE, count_is_lower_bound
from data_pipeline.inputs.problems import count as count_problems
from data_pipeline.load.progress import JsonLines
from data_pipeline.store.engine import make_engine, resolve_url

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


def _report(result, *, package: bool = False) -> int:
    """What a refresh, upload or restore did, on the terminal; the exit code. `package`: the write would
    have changed the package too (an upload or restore), so a refusal says both were left as they were."""
    if result.ok:
        unchanged = result.status == "unchanged"
        label = "Ei muutoksia / Unchanged" if unchanged else "Ladattu / Loaded"
        if package:
            print(f"{label}: {_n(result.rows or 0)} riviä rekisterissä / rows in the register, "
                  f"ajo / run #{result.run_id}")
        else:
            print(f"{label}: {_n(sum(result.rows.values()))} riviä / rows, ajo / run #{result.run_id}")
        if getattr(result, "warnings", None) is not None:
            if result.message and result.status == "success":
                print(f"Varoitus / Warning: {result.message}", file=sys.stderr)
            for warning in result.warnings:
                print(f"{warning} (varoitus / warning)", file=sys.stderr)
        return EXIT_OK
    kept = ("tietoja ja pakettia ei muutettu / the store and the package are unchanged" if package else
            "tietoja ei muutettu / the store is unchanged")
    if result.status == "rejected":
        total, listed = count_problems(result.problems), sum(1 for p in result.problems if not p.more)
        shown = "" if total == listed else f" (ensimmäiset {_n(listed)} listattu / first {_n(listed)} listed)"
        fi, en = ("vähintään ", "at least ") if count_is_lower_bound(result.problems) else ("", "")
        print(f"Hylätty / Rejected: {fi}{_n(total)} virhettä / {en}{_n(total)} problems{shown}; {kept}.",
              file=sys.stderr)
        for problem in result.problems:
            print(str(problem), file=sys.stderr)
        return EXIT_REJECTED
    print(f"Lataus epäonnistui / Load failed: {result.message}; tietoja ei muutettu / the store is unchanged.",
          file=sys.stderr)
    return EXIT_FAILED


def _exit_code(result) -> int:
    return EXIT_OK if result.ok else EXIT_REJECTED if result.status == "rejected" else EXIT_FAILED


def _actor() -> str:
    """Who ran the command, for the audit log: the OS user (the systemd unit's user for the timer)."""
    try:
        return f"{getpass.getuser()} (hyte)"
    except (KeyError, OSError):
        return "hyte"


def cmd_refresh(args) -> int:
    from data_pipeline.load.refresh import Change, refresh

    url = resolve_url(args.db)
    print(f"Päivitetään / Refreshing {args.config} → {_safe(url)}", file=sys.stderr)
    change = Change(args.actor or _actor())
    if args.json_progress:
        return _json_write(url, lambda out: _json_report(out, refresh(
            args.config, url, command=args.label, progress=out, offline=args.offline, change=change,
            started=out.started)))
    result = refresh(args.config, url, command=args.label, progress=TerminalProgress(args.quiet),
                     offline=args.offline, change=change)
    code = _report(result)
    if result.status == "rejected" and args.all_problems:
        from data_pipeline.inputs.config import load_config
        from data_pipeline.load.package import write_all_problems

        written = write_all_problems(load_config(args.config), Path(args.all_problems))
        print(f"Kaikki {_n(written)} virhettä / all {_n(written)} problems → {args.all_problems}", file=sys.stderr)
    return code


def cmd_upload(args) -> int:
    from data_pipeline.load.uploads import upload_register

    url = resolve_url(args.db)
    try:
        content = Path(args.file).read_bytes()
    except OSError as exc:
        print(f"Tiedostoa ei voitu lukea / cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    name = args.name or Path(args.file).name

    def upload(progress, started=None):
        return upload_register(url, Path(args.config), args.register, name, content, args.actor or _actor(),
                               progress=progress, started=started, allow_empty=args.allow_empty)

    if args.json_progress:
        return _json_write(url, lambda out: _json_report(out, upload(out, out.started)))
    return _report(upload(TerminalProgress(args.quiet)), package=True)


def cmd_restore(args) -> int:
    from data_pipeline.load.uploads import restore_version

    url = resolve_url(args.db)
    if args.json_progress:
        return _json_write(url, lambda out: _json_report(out, restore_version(
            url, Path(args.config), args.version, args.actor or _actor(), progress=out, started=out.started,
            allow_empty=args.allow_empty)))
    return _report(restore_version(url, Path(args.config), args.version, args.actor or _actor(),
                                   progress=TerminalProgress(args.quiet), allow_empty=args.allow_empty),
                   package=True)


def _json_write(url: str, write) -> int:
    """--json-progress: JSON lines on stdout (data_pipeline.load.worker), whatever happens, even a crash."""
    out = JsonLines()
    try:
        return write(out)
    except Exception as exc:  # noqa: BLE001 - reported as the result; the traceback goes to stderr
        logging.getLogger("hyte").exception("the write failed")
        message = f"{type(exc).__name__}: {exc}"
        if out.run_id is not None:
            from data_pipeline.store.recovery import abandon_run

            abandon_run(make_engine(url), out.run_id, message)
        out.result("failed", message=message)
        return EXIT_FAILED


def _json_report(out, result) -> int:
    """The result line of --json-progress, for a refresh's RunResult or an upload's UploadResult."""
    if isinstance(result.rows, dict):  # a refresh: rows per table
        out.result(result.status, run_id=result.run_id, rows=result.rows, problems=result.problems,
                   message=result.message)
    else:  # an upload or restore: rows per table, and the register's own rows
        out.result(result.status, run_id=result.run_id, rows=result.tables, register_rows=result.rows,
                   problems=result.problems, message=result.message, would_empty=result.would_empty)
    return _exit_code(result)


def cmd_check(args) -> int:
    from data_pipeline.load.check import check_package

    if args.register or args.file:
        return _check_upload(args)

    result = check_package(args.config)
    name = Path(args.config).name
    if not result.ok:
        for problem in result.problems:
            print(str(problem))
        print(f"{name}: {len(result.problems)} virhettä / problems; korjaa ne ja aja uudelleen / "
              "fix them and run hyte check again.", file=sys.stderr)
        return EXIT_REJECTED
    if result.pending:
        # Set up, not refreshed yet: what is here is fine; the refresh downloads (and checks) the rest.
        for problem in result.pending:
            print(str(problem))
        print(f"{name}: ei virheitä tarkistetuissa tiedostoissa / no problems in the files checked; "
              f"lataamatta / not downloaded yet: {_n(len(result.pending))} tiedostoa / files (Sotkanet, Paavo) — "
              "hyte refresh hakee ja tarkistaa ne / hyte refresh downloads and checks them")
        return EXIT_OK
    counts = ", ".join(f"{register} {_n(rows)}" for register, rows in result.register_rows.items()) or "–"
    print(f"{name}: ei virheitä / no problems; rivejä tarkistettu / rows checked: {counts}; "
          f"alueita / districts {_n(result.districts)}; indikaattoriarvoja / indicator values "
          f"{_n(result.indicator_values)}")
    for warning in result.warnings:
        print(f"{warning} (varoitus / warning)", file=sys.stderr)
    return EXIT_OK


def _check_upload(args) -> int:
    """`hyte check --register R --file F --all-problems OUT`: every problem the package would have with F
    as its register R, written to OUT (nothing loaded, the package unchanged); prints how many."""
    from data_pipeline.load.uploads import write_all_upload_problems

    if not (args.register and args.file and args.all_problems):
        print("--register, --file ja --all-problems annetaan yhdessä / --register, --file and --all-problems "
              "go together", file=sys.stderr)
        return EXIT_USAGE
    try:
        content = Path(args.file).read_bytes()
    except OSError as exc:
        print(f"Tiedostoa ei voitu lukea / cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    written = write_all_upload_problems(Path(args.config), args.register, args.name or Path(args.file).name,
                                        content, Path(args.all_problems))
    print(f"{written} virhettä / problems → {args.all_problems}")
    return EXIT_REJECTED if written else EXIT_OK


def cmd_config_reference(args) -> int:
    from data_pipeline.inputs.config_reference import reference_markdown

    sys.stdout.write(reference_markdown())
    return EXIT_OK


def cmd_demo(args) -> int:
    from data_pipeline.demo import write_demo_package
    from data_pipeline.load.refresh import Change, refresh

    config = write_demo_package(Path(args.out), seed=args.seed)
    print(f"Esittelyaineisto kirjoitettu / Demo package written: {config}", file=sys.stderr)
    url = resolve_url(args.db)
    return _report(refresh(config, url, command="demo", progress=TerminalProgress(args.quiet),
                           change=Change(_actor())))


def cmd_status(args) -> int:
    from data_pipeline.store.status import format_status, store_status

    status = store_status(make_engine(resolve_url(args.db)))
    if args.json:
        print(json.dumps(status, ensure_ascii=False, indent=2, default=str))
    else:
        print(format_status(status))
    return EXIT_OK


def cmd_health(args) -> int:
    from data_pipeline.store.health import check

    health = check(make_engine(resolve_url(args.db)), max_age_hours=args.max_age_hours)
    print(health.reason)
    return EXIT_OK if health.ok else EXIT_REJECTED


def cmd_template(args) -> int:
    from data_pipeline.inputs.config import ConfigError, load_config
    from data_pipeline.inputs.templates import find_package_config, write_templates

    directory = Path(args.dir)
    config_path = Path(args.config) if args.config else find_package_config(directory)
    config = None
    if config_path is not None:
        try:
            config = load_config(config_path)
        except ConfigError as exc:
            print(f"{exc}\nKorjaa hyte.toml tai anna toinen --config / fix hyte.toml or give another --config.",
                  file=sys.stderr)
            return EXIT_REJECTED
        print(f"Pohjat paketille / templates for the package {config_path} "
              f"(ikäryhmät / age groups: {', '.join(config.age_group_codes)})", file=sys.stderr)
    kept: list[Path] = []
    written = write_templates(directory, config=config, kept=kept)
    for path in written:
        print(path)
    for path in kept:
        print(f"{path}: jo täytetty, ei korvattu / already filled in, kept", file=sys.stderr)
    return EXIT_OK


def cmd_init(args) -> int:
    from data_pipeline.init.command import run

    return run(args)


def cmd_export(args) -> int:
    from data_pipeline.store.export import export_indicator_values

    if args.what != "indicator-values":
        print(f"Tuntematon vienti / unknown export: {args.what}", file=sys.stderr)
        return EXIT_USAGE
    rows = export_indicator_values(make_engine(resolve_url(args.db)), Path(args.out))
    print(f"{rows} riviä / rows → {args.out}", file=sys.stderr)
    return EXIT_OK


def cmd_has_data(args) -> int:
    from data_pipeline.store.engine import data_version

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

    p = sub.add_parser("init", help="write a complete data package for a real municipality from public data "
                                    "(Sotkanet, Statistics Finland); asks on a terminal for what flags do not give")
    p.add_argument("--municipality", help="municipality number (211) or name in Finnish or Swedish (Kangasala)")
    p.add_argument("--out", help="folder for the package")
    p.add_argument("--areas", choices=("pori", "empty"),
                   help="priority areas to start from: the Pori programme's three, or one to rename (default pori)")
    p.add_argument("--indicators", choices=("pori", "minimal"),
                   help="indicator preset: the Pori example's 26, or a minimal 8 (default pori)")
    p.add_argument("--districts", metavar="FILE.geojson",
                   help="your own district polygons (default: Statistics Finland's Paavo postal areas)")
    p.add_argument("--district-id-property", help="the GeoJSON property holding the district id (else detected)")
    p.add_argument("--district-name-property", help="the GeoJSON property holding the name (else detected)")
    p.add_argument("--peers", type=int, default=6, choices=range(4, 9), metavar="4..8",
                   help="how many comparison municipalities to propose (default 6)")
    p.add_argument("--paavo-year", type=int, default=2024, help="Paavo's year (default 2024)")
    p.add_argument("--sotkanet-url", default="https://sotkanet.fi/rest/1.1",
                   help="Sotkanet's address (env HYTE_SOTKANET_URL overrides)")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for an answer (default 30)")
    p.add_argument("--force", action="store_true", help="write over an existing package in --out")
    p.set_defaults(func=cmd_init)

    p = with_db(sub.add_parser("demo", help="write the demo data package to DIR and load it"))
    p.add_argument("--out", required=True, help="folder for the demo package")
    p.add_argument("--seed", type=int, default=2026, help="random seed (same seed, same data)")
    p.add_argument("-q", "--quiet", action="store_true")
    p.set_defaults(func=cmd_demo)

    def writer(p):
        """Options of every command that writes the store (the app runs these: data_pipeline.load.worker)."""
        p.add_argument("--actor", help="who asked, for the change log (default: the OS user)")
        p.add_argument("--json-progress", action="store_true",
                       help="progress and the result as JSON lines on stdout (for the app)")
        p.add_argument("-q", "--quiet", action="store_true")
        return with_db(p)

    p = writer(sub.add_parser("refresh", help="validate and load a data package"))
    p.add_argument("--config", required=True, help="the package's hyte.toml")
    p.add_argument("--offline", action="store_true", help="use only cached Sotkanet responses")
    p.add_argument("--all-problems", metavar="FILE",
                   help="on rejected input, write every problem to FILE (the listing shows the first "
                        f"{MAX_LISTED_PER_FILE} per file)")
    p.add_argument("--label", default="refresh", help=argparse.SUPPRESS)  # the run log's command ("refresh (app)")
    p.set_defaults(func=cmd_refresh)

    p = writer(sub.add_parser("upload", help="replace one register of a package with a file, if the whole "
                                             "package then validates, and load it"))
    p.add_argument("--config", required=True, help="the package's hyte.toml")
    p.add_argument("--register", required=True, help="the register's name, e.g. events")
    p.add_argument("--file", required=True, help="the CSV or XLSX file")
    p.add_argument("--name", help="the file's name as uploaded, for the change log (default: its own)")
    p.add_argument("--allow-empty", action="store_true",
                   help="a file with no rows may empty a register that has rows")
    p.set_defaults(func=cmd_upload)

    p = writer(sub.add_parser("restore", help="put a saved version of a register back and load it"))
    p.add_argument("--config", required=True, help="the package's hyte.toml")
    p.add_argument("--version", required=True, type=int, help="the version's id (data-status screen)")
    p.add_argument("--allow-empty", action="store_true",
                   help="a version with no rows may empty a register that has rows")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("check", help="validate a data package as refresh would, without downloading or "
                                     "loading it: exit 0, or 1 listing every problem")
    p.add_argument("--config", required=True, help="the package's hyte.toml")
    p.add_argument("--register", help="with --file: check the package as if FILE were this register (an upload)")
    p.add_argument("--file", help="the CSV or XLSX file to check as --register")
    p.add_argument("--name", help="the file's name as uploaded (default: its own)")
    p.add_argument("--all-problems", metavar="OUT",
                   help="with --register and --file: write every problem, uncapped, to OUT (.txt, or .zip "
                        "holding one); prints how many")
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

    p = sub.add_parser("template", help="write empty register files (CSV and Excel with drop-down lists) and a "
                                        "description of every column, for the package DIR is in or --config")
    p.add_argument("dir")
    p.add_argument("--config", help="the package's hyte.toml (default: the one of the folder DIR is in, if any)")
    p.set_defaults(func=cmd_template)

    p = with_db(sub.add_parser("has-data", help="exit 0 if the store holds a successful load (for make run)"))
    p.set_defaults(func=cmd_has_data)

    p = with_db(sub.add_parser("export", help="export stored data"))
    p.add_argument("what", choices=["indicator-values"])
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_export)

    # Commands of other parts of the product (the app's briefing PDF) register themselves through the
    # `hyte.commands` entry points (pyproject.toml): the pipeline never imports the app.
    for entry in sorted(entry_points(group="hyte.commands"), key=lambda e: e.name):
        entry.load()(sub, with_db)
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
