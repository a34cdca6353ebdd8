"""`hyte init`: asks on a terminal for what the flags did not give; never waits for input without one."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from data_pipeline.i18n import language, msg, msg_n, speaking
from data_pipeline.init import districts as D
from data_pipeline.init.language import asked_first, language_figures
from data_pipeline.init.package import Districts, write_package
from data_pipeline.init.presets import AREA_PRESETS, INDICATOR_PRESETS, own_areas
from data_pipeline.init.regions import (
    InitError,
    Proposal,
    Region,
    age_shares,
    build_proposal,
    find_municipality,
    parse_regions,
    population_by_region,
)
from data_pipeline.inputs.config import read_config
from data_pipeline.sources import paavo
from data_pipeline.sources.http import HttpSession, JsonClient, SourceError
from data_pipeline.sources.sotkanet import FetchReport, fetch

DEFAULT_PAAVO_YEAR = 2024
EXIT_OK, EXIT_FAILED, EXIT_MISSING = 0, 2, 2


@dataclass
class Terminal:
    """Where questions go: `ask` is None without a terminal (then nothing is asked)."""

    ask: Callable[[str], str] | None
    say: Callable[[str], None]

    def choose(self, question: str, options: list[str], default: str) -> str:
        while True:
            answer = self.ask(f"{question} [{'/'.join(options)}] ({default}): ").strip() or default
            if answer in options:
                return answer
            self.say(f"  {msg('init.choose_one', options=', '.join(options))}")


def default_terminal() -> Terminal:
    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)
    return Terminal(input if sys.stdin.isatty() else None, say)


def run(args, term: Terminal | None = None) -> int:
    term = term or default_terminal()
    try:
        return _run(args, term)
    except InitError as exc:
        term.say(f"hyte init: {exc}")
        for region in exc.candidates:
            term.say(f"  {region.code}  {region.label}")
        return EXIT_MISSING
    except SourceError as exc:
        term.say(f"hyte init: {exc}")
        return EXIT_FAILED
    except EOFError:  # Ctrl-D at a question: the person stopped; nothing was written
        term.say(f"\nhyte init: {msg('init.cancelled')}")
        return EXIT_MISSING


def _missing(args, term: Terminal) -> None:
    missing = [flag for flag, value in (("--municipality", args.municipality), ("--out", args.out)) if not value]
    if missing and term.ask is None:
        raise InitError(msg("init.missing_flags", first=missing[0], second=missing[1]) if len(missing) == 2
                        else msg("init.missing_flag", flag=missing[0]))
    if not args.municipality:
        args.municipality = term.ask(f"{msg('init.ask.municipality')}: ").strip()


def _pick(exc: InitError, term: Terminal) -> Region:
    if term.ask is None or not exc.candidates:
        raise exc
    term.say(str(exc) + ":")
    for number, region in enumerate(exc.candidates, start=1):
        term.say(f"  {number}. {region.label}")
    while True:
        answer = term.ask(f"{msg('init.ask.number')}: ").strip()
        if answer.isdigit() and 1 <= int(answer) <= len(exc.candidates):
            return exc.candidates[int(answer) - 1]


def _run(args, term: Terminal) -> int:
    _missing(args, term)
    session = HttpSession(timeout=args.timeout, retries=2, backoff=1.0)
    with session:
        sotkanet = JsonClient(os.environ.get("HYTE_SOTKANET_URL") or args.sotkanet_url, session)
        payload = sotkanet.get("regions", msg("sotkanet.region_list"))
        regions = parse_regions(payload)
        try:
            town = find_municipality(regions, args.municipality)
        except InitError as exc:
            town = _pick(exc, term)
        population, year = population_by_region(sotkanet)
        proposal = build_proposal(regions, population, year, town, args.peers, age_shares(sotkanet, year),
                                  language_figures(sotkanet, year))
        languages = asked_first(proposal.language.languages, getattr(args, "lang", None))
        # From here on, hyte speaks the package's language (unless --lang said which): Närpes in Swedish.
        with speaking(languages[0]):
            return _write(args, term, session, town, proposal, languages, payload)


def _write(args, term: Terminal, session: HttpSession, town: Region, proposal: Proposal,
           languages: tuple[str, ...], payload: list) -> int:
    lang = language()
    term.say(str(msg("init.chosen", town=town.label_in(lang),
                     county=proposal.county.names.get(lang, proposal.county.names["fi"]) if proposal.county else "–",
                     peers=", ".join(p.region.names.get(lang, p.region.names["fi"]) for p in proposal.peers)
                     or "–")))
    term.say(str(msg("init.language", languages=", ".join(str(msg(f"language.name.{code}")) for code in languages),
                     why=proposal.language.why())))
    if not args.out:
        if term.ask is None:
            raise InitError(msg("init.missing_flag", flag="--out"))
        default = town.names.get(lang, town.names["fi"]).lower().replace(" ", "-")
        args.out = term.ask(f"{msg('init.ask.folder', default=default)}: ").strip() or default
    out = Path(args.out)
    if (out / "hyte.toml").exists() and not args.force:
        raise InitError(msg("init.exists", path=str(out / "hyte.toml")))
    areas = own_areas(args.area) if getattr(args, "area", None) else \
        args.areas or (term.choose(str(msg("init.ask.areas")), list(AREA_PRESETS), "pori") if term.ask else "pori")
    indicators = args.indicators or (term.choose(str(msg("init.ask.indicators")), list(INDICATOR_PRESETS), "pori")
                                     if term.ask else "pori")
    paavo_client = JsonClient(os.environ.get("HYTE_PAAVO_URL") or paavo.DEFAULT_PAAVO_URL, session,
                                  service=paavo.SERVICE)
    districts = _districts(args, term, town, paavo_client)
    config = write_package(out, proposal, areas, indicators, districts, payload, dt.date.today(),
                           languages)
    term.say(str(msg("init.written", config=str(config))))
    report = fetch_indicators(config, session)
    if report is not None and report.failed:
        term.say(str(msg_n("init.fetch_failed", len(report.failed))))
    term.say(str(msg("init.next", registers=str(out / "registers"), config=str(config),
                 instructions=str(out / "INSTRUCTIONS.md"))))
    return EXIT_OK


def fetch_indicators(config: Path, session: HttpSession) -> FetchReport | None:
    """The package's Sotkanet indicators into its cache, as `hyte refresh` fetches them: the package is then
    complete, and `hyte check` passes before the first refresh (it downloads nothing itself)."""
    settings, _ = read_config(config)
    return fetch(settings, session) if settings is not None else None


def _postal_areas(client: JsonClient, year: int, town: Region, term: Terminal) -> dict | None:
    try:
        collection = D.fetch_postal_areas(client, year, town.code)
    except SourceError as exc:
        term.say(str(msg("cli.warning", message=exc.message)))
        return None
    if not isinstance(collection, dict) or not collection.get("features"):
        term.say(str(msg("cli.warning", message=msg("init.no_postal_areas", year=year, code=town.code))))
        return None
    return collection


def _districts(args, term: Terminal, town: Region, client: JsonClient) -> Districts:
    year = args.paavo_year
    paavo_areas = _postal_areas(client, year, town, term)
    if not args.districts:
        return paavo_districts(year, paavo_areas)
    return _file_districts(args, term, year, paavo_areas)


def paavo_districts(year: int, paavo_areas: dict | None) -> Districts:
    """Districts from Paavo's postal areas (None: the fetch failed now, the refresh tries again)."""
    count = len(paavo_areas["features"]) if paavo_areas else 0
    note = msg("init.note.paavo", count=count, year=year) if paavo_areas is not None else msg("init.note.paavo_failed")
    return Districts("paavo", year, paavo_cache=paavo_areas, note=str(note))


def _file_districts(args, term: Terminal, year: int, paavo_areas: dict | None) -> Districts:
    path = Path(args.districts)
    try:
        collection = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InitError(msg("init.geojson_unreadable", path=str(path), error=str(exc))) from None
    found = D.detect_properties(collection)
    keys = sorted({k for f in collection.get("features") or [] for k in (f.get("properties") or {})})
    id_prop = args.district_id_property or found.id_property
    name_prop = args.district_name_property or found.name_property
    if term.ask is not None and not (args.district_id_property and args.district_name_property):
        # Confirm what was detected (Enter keeps it); a flag given is not asked again.
        term.say(str(msg("init.found_properties", path=str(path), count=found.features, properties=", ".join(keys))))
        if not args.district_id_property:
            id_prop = term.ask(f"{msg('init.ask.id_property', default=id_prop or '?')}: ").strip() or id_prop
        if not args.district_name_property:
            shown = name_prop or msg("init.ask.no_name")
            name_prop = term.ask(f"{msg('init.ask.name_property', default=shown)}: ").strip() or name_prop
    if not id_prop:
        raise InitError(msg("init.no_id_property", path=str(path), properties=", ".join(keys)))
    for prop in (id_prop, name_prop):
        if prop and prop not in keys:
            raise InitError(msg("init.no_such_property", path=str(path), prop=prop, properties=", ".join(keys)))
    paavo_names, population = {}, None
    codes = {str((f.get("properties") or {}).get(id_prop)) for f in collection.get("features") or []}
    if paavo_areas:
        by_code = {str(f["properties"].get("postinumeroalue")): f["properties"] for f in paavo_areas["features"]}
        if codes & set(by_code):
            paavo_names = {c: (p.get("nimi") or c, p.get("namn")) for c, p in by_code.items()}
            population = D.paavo_population(paavo_areas, year).filter(
                pl.col("district_code").is_in(sorted(codes)))
    if name_prop:
        note = msg("init.note.file_named", file=path.name, id=id_prop, name=name_prop)
        return Districts("file", year, collection, id_prop, name_prop, population=population,
                         note=f"{note}\n{_population_note(population)}")
    # No name in the file: Paavo's names for postal codes, else the id itself, written as `name`.
    named = D.with_names(collection, id_prop, paavo_names)
    sv = "name_sv" if any("name_sv" in f["properties"] for f in named["features"]) else None
    source = msg("init.names.paavo" if paavo_names else "init.names.ids")
    term.say(str(msg("init.no_name_property", path=str(path), source=source)))
    note = msg("init.note.file_unnamed", file=path.name, id=id_prop, source=source)
    return Districts("file", year, named, id_prop, "name", sv, population,
                     note=f"{note}\n{_population_note(population)}")


def _population_note(population) -> str:
    if population is not None and population.height:
        return str(msg("init.note.population_paavo"))
    return str(msg("init.note.population_fill"))
