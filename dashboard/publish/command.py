"""`hyte publish`: the public wellbeing pages and chart embeds as static files, from the store.

Registered with the pipeline's `hyte` command through the `hyte.commands` entry point (pyproject.toml),
so the pipeline does not depend on the app. What is published comes from hyte.toml's [publish]
(`--config`, else the package the store was last loaded from, else the defaults).
"""

from __future__ import annotations

import sys
from pathlib import Path

from data_pipeline.cli import EXIT_FAILED, EXIT_OK, EXIT_REJECTED, EXIT_USAGE, _h, _safe, say
from data_pipeline.i18n import LANGUAGES, language, msg
from data_pipeline.inputs.config import read_config
from data_pipeline.inputs.config_schema import DEFAULT_PUBLISHED
from data_pipeline.load.uploads import package_config
from data_pipeline.store.engine import make_engine, resolve_url


def cmd_publish(args) -> int:
    url = resolve_url(args.db)
    languages = tuple(dict.fromkeys(part.strip() for part in args.languages.split(",") if part.strip()))
    unknown = [lang for lang in languages if lang not in LANGUAGES]
    if unknown or not languages:
        print(msg("publish.cli.unknown_lang", value=", ".join(unknown) or repr(args.languages),
                  known=", ".join(LANGUAGES)), file=sys.stderr)
        return EXIT_USAGE
    engine = make_engine(url)
    config_path = Path(args.config) if args.config else package_config(engine)
    screens = DEFAULT_PUBLISHED
    if config_path is not None and config_path.is_file():
        config, problems = read_config(config_path)
        if problems:
            for problem in problems:
                print(problem, file=sys.stderr)
            return EXIT_REJECTED
        screens = config.published
    elif args.config:
        say("publish.cli.no_config", file=str(config_path))
        return EXIT_USAGE
    # The pages read the screens' Streamlit caches in Streamlit's bare mode: its "no runtime" warnings
    # (logged as the screens' modules are imported) say nothing to someone publishing. Imported here, as
    # `hyte briefing --deck` does, so loading the `hyte.commands` entry points stays quick.
    import streamlit.logger

    streamlit.logger.set_log_level("ERROR")
    from dashboard.publish.build import NothingToPublish, build, screen_names
    try:
        done = build(url, Path(args.out), languages, screens, args.base_url or "", engine)
    except NothingToPublish:
        print(msg("briefing.cli.empty", url=_safe(url)), file=sys.stderr)
        return EXIT_REJECTED
    except OSError as exc:
        say("publish.cli.cannot_write", out=str(args.out), error=exc.strerror or str(exc))
        return EXIT_FAILED
    w = done.written
    say("publish.cli.done", out=str(args.out), pages=w.pages, files=w.files, written=w.written,
        unchanged=w.unchanged, removed=w.removed, seconds=done.seconds,
        screens=screen_names(done.screens, language()), languages=", ".join(done.languages))
    return EXIT_OK


def register(sub, with_db) -> None:
    """Add `hyte publish` to the pipeline's command line (entry point `hyte.commands`)."""
    p = with_db(sub.add_parser("publish", help=_h("publish.help")))
    p.add_argument("--out", required=True, help=_h("publish.help.out"))
    # Not `--lang`: that one is hyte's own language (what it says), which the site's languages are not.
    p.add_argument("--lang", dest="languages", default=",".join(LANGUAGES), metavar="fi,sv,en",
                   help=_h("publish.help.lang"))
    p.add_argument("--config", help=_h("publish.help.config"))
    p.add_argument("--base-url", help=_h("publish.help.base_url"))
    p.set_defaults(func=cmd_publish)
