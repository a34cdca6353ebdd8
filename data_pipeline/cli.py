"""The `hyte` command: init, demo, refresh, upload, restore, check, status, health, template, export,
config-reference (and briefing, registered by the app)."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
import time
import tomllib
from importlib.metadata import entry_points
from pathlib import Path

from sqlalchemy.exc import OperationalError

from data_pipeline.i18n import (LANGUAGES, choose_language, grouped, language, msg, msg_n, package_languages, speaking,
                                stored_text)
from data_pipeline.inputs.problems import MAX_LISTED_PER_FILE, count_is_lower_bound
from data_pipeline.inputs.problems import count as count_problems
from data_pipeline.load.progress import JsonLines
from data_pipeline.store.engine import make_engine, resolve_url

EXIT_OK, EXIT_REJECTED, EXIT_FAILED, EXIT_USAGE = 0, 1, 2, 64


def say(key: str, /, **params) -> None:
    """One line on stderr, in the command's language: what `hyte` tells the person running it."""
    print(msg(key, **params), file=sys.stderr)


def say_n(key: str, n: int, /, **params) -> None:
    print(msg_n(key, n, **params), file=sys.stderr)


class TerminalProgress:
    """One line per table on stderr, with rows and elapsed time, so a long load visibly moves."""

    def __init__(self, quiet: bool = False):
        self.quiet = quiet
        self.started = time.perf_counter()

    def __call__(self, table: str, rows: int) -> None:
        if not self.quiet:
            print(f"  [{time.perf_counter() - self.started:6.1f} s] {msg_n('cli.progress.rows', rows, table=table)}",
                  file=sys.stderr, flush=True)


def _report(result, *, package: bool = False, full_list: str | None = None) -> int:
    """What a refresh, upload or restore did, on the terminal; the exit code. `package`: the write would
    have changed the package too (an upload or restore), so a refusal says both were left as they were.
    `full_list`: the command that writes every problem, said after a listing that stopped short."""
    if result.ok:
        unchanged = result.status == "unchanged"
        if package:
            key = "cli.unchanged.register" if unchanged else "cli.loaded.register"
            print(msg_n(key, result.rows or 0, run=result.run_id))
        else:
            key = "cli.unchanged" if unchanged else "cli.loaded"
            print(msg_n(key, sum(result.rows.values()), run=result.run_id))
        if getattr(result, "warnings", None) is not None:
            if result.message and result.status == "success":
                say("cli.warning", message=result.message)
            for warning in result.warnings:
                say("cli.warning_line", warning=str(warning))
        return EXIT_OK
    if result.status == "conflict":
        say("cli.conflict", message=result.message)
        for change in result.changes:
            print(f"  {change}", file=sys.stderr)
        return EXIT_REJECTED
    if result.status == "rejected":
        total, listed = count_problems(result.problems), sum(1 for p in result.problems if not p.more)
        key = "cli.rejected.at_least" if count_is_lower_bound(result.problems) else \
            "cli.rejected" if total == listed else "cli.rejected.capped"
        say_n(key, total, listed=grouped(listed), kept=msg("cli.kept.package" if package else "cli.kept"))
        for problem in result.problems:
            print(str(problem), file=sys.stderr)
        if full_list and total != listed:
            print(full_list, file=sys.stderr)
        return EXIT_REJECTED
    say("cli.failed", message=result.message)
    return EXIT_FAILED


def _exit_code(result) -> int:
    return EXIT_OK if result.ok else EXIT_REJECTED if result.status in ("rejected", "conflict") else EXIT_FAILED


def _actor() -> str:
    """Who ran the command, for the audit log: the OS user (the systemd unit's user for the timer)."""
    try:
        return f"{getpass.getuser()} (hyte)"
    except (KeyError, OSError):
        return "hyte"


def cmd_refresh(args) -> int:
    from data_pipeline.load.refresh import Change, refresh

    url = resolve_url(args.db)
    say("cli.refreshing", config=args.config, url=_safe(url))
    change = Change(args.actor or _actor())
    if args.json_progress:
        return _json_write(url, lambda out: _json_report(out, refresh(
            args.config, url, command=args.label, progress=out, offline=args.offline, change=change,
            started=out.started)))
    result = refresh(args.config, url, command=args.label, progress=TerminalProgress(args.quiet),
                     offline=args.offline, change=change)
    code = _report(result, full_list=None if args.all_problems else
                   str(msg("cli.all_problems.refresh", config=args.config)))
    if result.status == "rejected" and args.all_problems:
        from data_pipeline.inputs.config import load_config
        from data_pipeline.load.package import write_all_problems

        written = write_all_problems(load_config(args.config), Path(args.all_problems))
        say_n("cli.all_problems_written", written, out=args.all_problems)
    return code


def cmd_upload(args) -> int:
    from data_pipeline.load.uploads import upload_register

    url = resolve_url(args.db)
    try:
        content = Path(args.file).read_bytes()
    except OSError as exc:
        say("cli.cannot_read", file=args.file, error=exc.strerror)
        return EXIT_USAGE
    name = args.name or Path(args.file).name

    def upload(progress, started=None):
        return upload_register(url, Path(args.config), args.register, name, content, args.actor or _actor(),
                               progress=progress, action=args.action, started=started,
                               allow_empty=args.allow_empty, expect_version=args.expect_version)

    if args.json_progress:
        return _json_write(url, lambda out: _json_report(out, upload(out, out.started)))
    return _report(upload(TerminalProgress(args.quiet)), package=True,
                   full_list=str(msg("cli.all_problems.upload", config=args.config, register=args.register,
                                     file=args.file)))


def cmd_plan(args) -> int:
    """`hyte plan --config F --edits EDITS.json`: the plan screen's changes (data_pipeline.load.plan)."""
    from data_pipeline.load.plan import save_plan

    url = resolve_url(args.db)
    try:
        edits = json.loads(Path(args.edits).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        say("cli.cannot_read", file=args.edits, error=getattr(exc, "strerror", None) or str(exc))
        return EXIT_USAGE

    def save(progress, started=None):
        return save_plan(url, Path(args.config), edits, args.actor or _actor(), progress=progress, started=started)

    if args.json_progress:
        return _json_write(url, lambda out: _json_report(out, save(out, out.started)))
    return _report(save(TerminalProgress(args.quiet)), package=True)


def cmd_restore(args) -> int:
    # A register's version, or hyte.toml's (a plan change undone): data_pipeline.load.plan tells them apart.
    from data_pipeline.load.plan import restore_version

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
        from data_pipeline.load.refresh import load_failed

        message = load_failed(exc)
        if out.run_id is not None:
            from data_pipeline.store.recovery import abandon_run

            abandon_run(make_engine(url), out.run_id, message)
        out.result("failed", message=str(message))
        return EXIT_FAILED


def _json_report(out, result) -> int:
    """The result line of --json-progress, for a refresh's RunResult or an upload's UploadResult."""
    if isinstance(result.rows, dict):  # a refresh: rows per table
        out.result(result.status, run_id=result.run_id, rows=result.rows, problems=result.problems,
                   message=result.message)
    else:  # an upload or restore: rows per table, and the register's own rows
        out.result(result.status, run_id=result.run_id, rows=result.tables, register_rows=result.rows,
                   problems=result.problems, message=result.message, would_empty=result.would_empty,
                   changes=[str(change) for change in result.changes], version=result.version)
    return _exit_code(result)


def cmd_check(args) -> int:
    from data_pipeline.load.check import check_package

    if args.register or args.file:
        return _check_upload(args)
    if args.all_problems:
        return _check_all(args)

    result = check_package(args.config)
    name = Path(args.config).name
    if not result.ok:
        for problem in result.problems:
            print(str(problem))
        say_n("cli.check.problems", len(result.problems), name=name)
        return EXIT_REJECTED
    if result.pending:
        # Set up, not refreshed yet: what is here is fine; the refresh downloads (and checks) the rest.
        for problem in result.pending:
            print(str(problem))
        print(msg_n("cli.check.pending", len(result.pending), name=name))
        return EXIT_OK
    counts = ", ".join(f"{register} {grouped(rows)}" for register, rows in result.register_rows.items()) or "–"
    print(msg("cli.check.ok", name=name, counts=counts, districts=grouped(result.districts),
              values=grouped(result.indicator_values)))
    for warning in result.warnings:
        say("cli.warning_line", warning=str(warning))
    return EXIT_OK


def _check_all(args) -> int:
    """`hyte check --all-problems OUT`: every problem of the package, uncapped, written to OUT (nothing
    loaded); prints how many, first (the app reads it: data_pipeline.load.worker.package_problems)."""
    from data_pipeline.inputs.config import load_config
    from data_pipeline.load.package import write_all_problems

    written = write_all_problems(load_config(args.config), Path(args.all_problems))
    print(msg_n("cli.problems_written", written, count=written, out=args.all_problems))
    return EXIT_REJECTED if written else EXIT_OK


def _check_upload(args) -> int:
    """`hyte check --register R --file F --all-problems OUT`: every problem the package would have with F
    as its register R, written to OUT (nothing loaded, the package unchanged); prints how many."""
    from data_pipeline.load.uploads import write_all_upload_problems

    if not (args.register and args.file and args.all_problems):
        say("cli.check.together")
        return EXIT_USAGE
    try:
        content = Path(args.file).read_bytes()
    except OSError as exc:
        say("cli.cannot_read", file=args.file, error=exc.strerror)
        return EXIT_USAGE
    written = write_all_upload_problems(Path(args.config), args.register, args.name or Path(args.file).name,
                                        content, Path(args.all_problems))
    # The count comes first: the app reads it (data_pipeline.load.worker.all_problems).
    print(msg_n("cli.problems_written", written, count=written, out=args.all_problems))
    return EXIT_REJECTED if written else EXIT_OK


def cmd_config_reference(args) -> int:
    from data_pipeline.inputs.config_reference import reference_markdown

    # All three languages (docs/hyte-toml.md), unless --lang asks for one.
    sys.stdout.write(reference_markdown((args.lang,) if args.lang else LANGUAGES))
    return EXIT_OK


def cmd_demo(args) -> int:
    from data_pipeline.demo import write_demo_package
    from data_pipeline.load.refresh import Change, refresh

    config = write_demo_package(Path(args.out), seed=args.seed)
    say("cli.demo_written", config=config)
    url = resolve_url(args.db)
    return _report(refresh(config, url, command="demo", progress=TerminalProgress(args.quiet),
                           change=Change(_actor())))


def cmd_status(args) -> int:
    from data_pipeline.store.status import format_status, store_status

    status = store_status(make_engine(resolve_url(args.db)))
    for item in (*status["runs"], *status["freshness"]):  # kept in every language: the command's one
        item["message"] = stored_text(item["message"], language()) or None
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
            print(exc, file=sys.stderr)
            say("cli.template.fix_config")
            return EXIT_REJECTED
        say("cli.template.for_package", config=config_path, groups=", ".join(config.age_group_codes))
    kept: list[Path] = []
    rewritten: list[Path] = []
    current: list[Path] = []
    written = write_templates(directory, config=config, kept=kept, rewritten=rewritten, current=current)
    for path in written:
        if path not in rewritten:
            print(path)
    for path in rewritten:
        say("cli.template.rewritten", path=path)
    for path in current:
        say("cli.template.current", path=path)
    for path in kept:
        say("cli.template.kept", path=path)
    return EXIT_OK


def cmd_init(args) -> int:
    from data_pipeline.init.command import run

    return run(args)


def cmd_export(args) -> int:
    from data_pipeline.store.export import export_indicator_values

    if args.what != "indicator-values":
        say("cli.export.unknown", what=args.what)
        return EXIT_USAGE
    rows = export_indicator_values(make_engine(resolve_url(args.db)), Path(args.out))
    say_n("cli.export.written", rows, out=args.out)
    return EXIT_OK


def cmd_has_data(args) -> int:
    from data_pipeline.store.engine import data_version

    return EXIT_OK if data_version(make_engine(resolve_url(args.db))) > 0 else EXIT_REJECTED


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _h(key: str, **params) -> str:
    """A help text in the language the parser is built in (`main` knows it from --lang or the environment)."""
    return str(msg(key, **params))


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hyte", description=_h("cli.help.description"))
    parser.add_argument("-v", "--verbose", action="store_true", help=_h("cli.help.verbose"))
    parser.add_argument("--lang", choices=LANGUAGES, help=_h("cli.help.lang"))
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, help_key: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=_h(help_key))
        # Also after the command (`hyte check --lang sv`); SUPPRESS keeps a --lang given before it.
        p.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=_h("cli.help.lang"))
        return p

    def with_db(p):
        p.add_argument("--db", help=_h("cli.help.db"))
        return p

    p = command("init", "cli.help.init")
    p.add_argument("--municipality", help=_h("cli.help.init.municipality"))
    p.add_argument("--out", help=_h("cli.help.init.out"))
    p.add_argument("--areas", choices=("pori", "empty"), help=_h("cli.help.init.areas"))
    p.add_argument("--area", action="append", metavar="NIMI[|SV|EN]", help=_h("cli.help.init.area"))
    p.add_argument("--indicators", choices=("pori", "minimal"), help=_h("cli.help.init.indicators"))
    p.add_argument("--districts", metavar="FILE.geojson", help=_h("cli.help.init.districts"))
    p.add_argument("--district-id-property", help=_h("cli.help.init.district_id_property"))
    p.add_argument("--district-name-property", help=_h("cli.help.init.district_name_property"))
    p.add_argument("--peers", type=int, default=6, choices=range(4, 9), metavar="4..8",
                   help=_h("cli.help.init.peers"))
    p.add_argument("--paavo-year", type=int, default=2024, help=_h("cli.help.init.paavo_year"))
    p.add_argument("--sotkanet-url", default="https://sotkanet.fi/rest/1.1", help=_h("cli.help.init.sotkanet_url"))
    p.add_argument("--timeout", type=float, default=30.0, help=_h("cli.help.init.timeout"))
    p.add_argument("--force", action="store_true", help=_h("cli.help.init.force"))
    p.set_defaults(func=cmd_init)

    p = with_db(command("demo", "cli.help.demo"))
    p.add_argument("--out", required=True, help=_h("cli.help.demo.out"))
    p.add_argument("--seed", type=int, default=2026, help=_h("cli.help.demo.seed"))
    p.add_argument("-q", "--quiet", action="store_true", help=_h("cli.help.quiet"))
    p.set_defaults(func=cmd_demo)

    def writer(p):
        """Options of every command that writes the store (the app runs these: data_pipeline.load.worker)."""
        p.add_argument("--actor", help=_h("cli.help.actor"))
        p.add_argument("--json-progress", action="store_true", help=_h("cli.help.json_progress"))
        p.add_argument("-q", "--quiet", action="store_true", help=_h("cli.help.quiet"))
        return with_db(p)

    p = writer(command("refresh", "cli.help.refresh"))
    p.add_argument("--config", required=True, help=_h("cli.help.config"))
    p.add_argument("--offline", action="store_true", help=_h("cli.help.refresh.offline"))
    p.add_argument("--all-problems", metavar="FILE", help=_h("cli.help.refresh.all_problems", limit=MAX_LISTED_PER_FILE))
    p.add_argument("--label", default="refresh", help=argparse.SUPPRESS)  # the run log's command ("refresh (app)")
    p.set_defaults(func=cmd_refresh)

    p = writer(command("upload", "cli.help.upload"))
    p.add_argument("--config", required=True, help=_h("cli.help.config"))
    p.add_argument("--register", required=True, help=_h("cli.help.upload.register"))
    p.add_argument("--file", required=True, help=_h("cli.help.upload.file"))
    p.add_argument("--name", help=_h("cli.help.upload.name"))
    p.add_argument("--allow-empty", action="store_true", help=_h("cli.help.upload.allow_empty"))
    p.add_argument("--expect-version", help=_h("cli.help.upload.expect_version"))
    p.add_argument("--action", choices=("upload", "edit"), default="upload", help=_h("cli.help.upload.action"))
    p.set_defaults(func=cmd_upload)

    p = writer(command("plan", "cli.help.plan"))
    p.add_argument("--config", required=True, help=_h("cli.help.config"))
    p.add_argument("--edits", required=True, metavar="EDITS.json", help=_h("cli.help.plan.edits"))
    p.set_defaults(func=cmd_plan)

    p = writer(command("restore", "cli.help.restore"))
    p.add_argument("--config", required=True, help=_h("cli.help.config"))
    p.add_argument("--version", required=True, type=int, help=_h("cli.help.restore.version"))
    p.add_argument("--allow-empty", action="store_true", help=_h("cli.help.restore.allow_empty"))
    p.set_defaults(func=cmd_restore)

    p = command("check", "cli.help.check")
    p.add_argument("--config", required=True, help=_h("cli.help.config"))
    p.add_argument("--register", help=_h("cli.help.check.register"))
    p.add_argument("--file", help=_h("cli.help.check.file"))
    p.add_argument("--name", help=_h("cli.help.check.name"))
    p.add_argument("--all-problems", metavar="OUT", help=_h("cli.help.check.all_problems"))
    p.set_defaults(func=cmd_check)

    p = command("config-reference", "cli.help.config_reference")
    p.set_defaults(func=cmd_config_reference)

    p = with_db(command("status", "cli.help.status"))
    p.add_argument("--json", action="store_true", help=_h("cli.help.status.json"))
    p.set_defaults(func=cmd_status)

    p = with_db(command("health", "cli.help.health"))
    p.add_argument("--max-age-hours", type=float, default=48.0, help=_h("cli.help.health.max_age_hours"))
    p.set_defaults(func=cmd_health)

    p = command("template", "cli.help.template")
    p.add_argument("dir", help=_h("cli.help.template.dir"))
    p.add_argument("--config", help=_h("cli.help.template.config"))
    p.set_defaults(func=cmd_template)

    p = with_db(command("has-data", "cli.help.has_data"))
    p.set_defaults(func=cmd_has_data)

    p = with_db(command("export", "cli.help.export"))
    p.add_argument("what", choices=["indicator-values"], help=_h("cli.help.export.what"))
    p.add_argument("--out", required=True, help=_h("cli.help.export.out"))
    p.set_defaults(func=cmd_export)

    # Commands of other parts of the product (the app's briefing PDF) register themselves through the
    # `hyte.commands` entry points (pyproject.toml): the pipeline never imports the app. Loaded only when
    # the command line may ask for one: the briefing imports the charts and the PDF library (1.7 s), which
    # every upload from the app (a process of its own) would otherwise wait for.
    if argv is None or _command_word(argv) not in sub.choices:
        for entry in sorted(entry_points(group="hyte.commands"), key=lambda e: e.name):
            entry.load()(sub, with_db)
    return parser


def _command_word(argv: list[str]) -> str | None:
    """The command a command line asks for: its first word that is neither an option nor `--lang`'s value
    (`hyte report --out status` asks for `report`, whatever its values are called)."""
    after_lang = False
    for arg in argv:
        if after_lang:
            after_lang = False
        elif arg == "--lang":
            after_lang = True
        elif not arg.startswith("-"):
            return arg
    return None


def _asked_language(argv: list[str]) -> str | None:
    """`--lang X` or `--lang=X` anywhere on the command line, before it is parsed (for the help texts)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def package_language(args) -> tuple[str, ...]:
    """The `language` of the package the command works on (its hyte.toml, read for that key alone: the
    language is needed before the file is checked, to report its problems in it); () if none is known."""
    config = getattr(args, "config", None)
    if not config and getattr(args, "command", None) == "template":
        from data_pipeline.inputs.templates import find_package_config

        config = find_package_config(Path(args.dir))
    if not config:
        return ()
    try:
        raw = tomllib.loads(Path(config).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return ()  # the check reports it, in the language of the environment
    return package_languages(raw.get("language"))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    with speaking(choose_language(_asked_language(argv))):
        args = build_parser(argv).parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # --lang, else the package's language, else the environment's, else Finnish (data_pipeline.i18n).
    with speaking(choose_language(args.lang, package_language(args))):
        try:
            return args.func(args)
        except OperationalError as exc:
            say("cli.store_unreachable", error=exc.orig)
            return EXIT_FAILED
        except KeyboardInterrupt:
            say("cli.interrupted")
            return 130


if __name__ == "__main__":
    sys.exit(main())
