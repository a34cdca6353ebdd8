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

from data_pipeline.init import districts as D
from data_pipeline.init.package import Districts, write_package
from data_pipeline.init.presets import AREA_PRESETS, INDICATOR_PRESETS
from data_pipeline.init.regions import (
    InitError,
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
            self.say(f"  valitse / choose one of: {', '.join(options)}")


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


def _missing(args, term: Terminal) -> None:
    missing = [flag for flag, value in (("--municipality", args.municipality), ("--out", args.out)) if not value]
    if missing and term.ask is None:
        raise InitError(f"puuttuu / missing {' ja / and '.join(missing)} (ei päätettä, ei kysytä / no terminal, "
                        "nothing is asked): e.g. hyte init --municipality 211 --out kangasala")
    if not args.municipality:
        args.municipality = term.ask("Kunta (numero tai nimi) / Municipality (number or name): ").strip()


def _pick(exc: InitError, term: Terminal) -> Region:
    if term.ask is None or not exc.candidates:
        raise exc
    term.say(str(exc) + ":")
    for number, region in enumerate(exc.candidates, start=1):
        term.say(f"  {number}. {region.label}")
    while True:
        answer = term.ask("Numero listalta / number from the list: ").strip()
        if answer.isdigit() and 1 <= int(answer) <= len(exc.candidates):
            return exc.candidates[int(answer) - 1]


def _run(args, term: Terminal) -> int:
    _missing(args, term)
    session = HttpSession(timeout=args.timeout, retries=2, backoff=1.0)
    with session:
        sotkanet = JsonClient(os.environ.get("HYTE_SOTKANET_URL") or args.sotkanet_url, session)
        payload = sotkanet.get("regions", "alueluettelo / region list")
        regions = parse_regions(payload)
        try:
            town = find_municipality(regions, args.municipality)
        except InitError as exc:
            town = _pick(exc, term)
        population, year = population_by_region(sotkanet)
        proposal = build_proposal(regions, population, year, town, args.peers, age_shares(sotkanet, year))
        term.say(f"Kunta / municipality: {town.label}; hyvinvointialue / county: "
                 f"{proposal.county.names['fi'] if proposal.county else '–'}; vertailukunnat / peers: "
                 f"{', '.join(p.region.names['fi'] for p in proposal.peers) or '–'}")
        if not args.out:
            if term.ask is None:
                raise InitError("puuttuu / missing --out")
            default = town.names["fi"].lower().replace(" ", "-")
            args.out = term.ask(f"Kansio / folder ({default}): ").strip() or default
        out = Path(args.out)
        if (out / "hyte.toml").exists() and not args.force:
            raise InitError(f"{out / 'hyte.toml'} on jo olemassa; valitse toinen --out tai lisää --force / "
                            "already exists: choose another --out or add --force")
        areas = args.areas or (term.choose("Painopistealueet / priority areas", list(AREA_PRESETS), "pori")
                               if term.ask else "pori")
        indicators = args.indicators or (term.choose("Indikaattorit / indicators", list(INDICATOR_PRESETS), "pori")
                                         if term.ask else "pori")
        paavo_client = JsonClient(os.environ.get("HYTE_PAAVO_URL") or paavo.DEFAULT_PAAVO_URL, session,
                                      service=paavo.SERVICE)
        districts = _districts(args, term, town, paavo_client)
        config = write_package(out, proposal, areas, indicators, districts, payload, dt.date.today())
        term.say(f"Kirjoitettu / written: {config}")
        report = fetch_indicators(config, session)
        if report is not None and report.failed:
            term.say(f"Varoitus / warning: {len(report.failed)} Sotkanet-haku(a) epäonnistui nyt; `hyte refresh` "
                     f"yrittää uudelleen / {len(report.failed)} Sotkanet fetch(es) failed now; `hyte refresh` "
                     "tries again")
    term.say(f"Seuraavaksi / next: täytä / fill {out / 'registers'}, sitten / then "
             f"hyte refresh --config {config}  (ohjeet / instructions: {out / 'INSTRUCTIONS.md'})")
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
        term.say(f"Varoitus / warning: {exc}")
        return None
    if not isinstance(collection, dict) or not collection.get("features"):
        term.say(f"Varoitus / warning: Paavo {year}: ei postinumeroalueita kunnalle / no postal areas for {town.code}")
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
    note = (f"Postinumeroalueet ja väestö ikäryhmittäin Tilastokeskuksen Paavosta ({count} aluetta, {year}) /\n"
            f"postal areas with population by age group from Statistics Finland's Paavo ({count} areas).")
    if paavo_areas is None:
        note = ("Postinumeroalueet Paavosta; haku epäonnistui nyt, `hyte refresh` yrittää uudelleen /\n"
                "postal areas from Paavo; the fetch failed now, `hyte refresh` tries again.")
    return Districts("paavo", year, paavo_cache=paavo_areas, note=note)


def _file_districts(args, term: Terminal, year: int, paavo_areas: dict | None) -> Districts:
    path = Path(args.districts)
    try:
        collection = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InitError(f"{path}:1: -: ei luettava GeoJSON / not a readable GeoJSON: {exc}") from None
    found = D.detect_properties(collection)
    keys = sorted({k for f in collection.get("features") or [] for k in (f.get("properties") or {})})
    id_prop = args.district_id_property or found.id_property
    name_prop = args.district_name_property or found.name_property
    if term.ask is not None and not (args.district_id_property and args.district_name_property):
        # Confirm what was detected (Enter keeps it); a flag given is not asked again.
        term.say(f"{path}: {found.features} aluetta / districts; ominaisuudet / properties: {', '.join(keys)}")
        if not args.district_id_property:
            id_prop = term.ask(f"Tunnus / id property ({id_prop or '?'}): ").strip() or id_prop
        if not args.district_name_property:
            name_prop = term.ask(f"Nimi / name property ({name_prop or 'ei nimeä / none'}): ").strip() or name_prop
    if not id_prop:
        raise InitError(f"{path}:1: id_property: tunnusta ei tunnistettu (ominaisuudet / properties: "
                        f"{', '.join(keys)}); anna / give --district-id-property NAME")
    for prop in (id_prop, name_prop):
        if prop and prop not in keys:
            raise InitError(f"{path}:1: {prop}: ominaisuutta ei ole / no such property (found: {', '.join(keys)})")
    paavo_names, population = {}, None
    codes = {str((f.get("properties") or {}).get(id_prop)) for f in collection.get("features") or []}
    if paavo_areas:
        by_code = {str(f["properties"].get("postinumeroalue")): f["properties"] for f in paavo_areas["features"]}
        if codes & set(by_code):
            paavo_names = {c: (p.get("nimi") or c, p.get("namn")) for c, p in by_code.items()}
            population = D.paavo_population(paavo_areas, year).filter(
                pl.col("district_code").is_in(sorted(codes)))
    note = f"Oma aluetiedosto / own district file: {path.name}, tunnus / id '{id_prop}'"
    if name_prop:
        return Districts("file", year, collection, id_prop, name_prop, population=population,
                         note=note + f", nimi / name '{name_prop}'." + _population_note(population))
    # No name in the file: Paavo's names for postal codes, else the id itself, written as `name`.
    named = D.with_names(collection, id_prop, paavo_names)
    sv = "name_sv" if any("name_sv" in f["properties"] for f in named["features"]) else None
    source = "Paavon nimet postinumeroille / Paavo's names for the postal codes" if paavo_names else \
        "nimeksi tunnus; kirjoita nimet tiedostoon / the id as the name; write the names in the file"
    term.say(f"{path}: ei nimiominaisuutta / no name property: {source}")
    return Districts("file", year, named, id_prop, "name", sv, population,
                     note=note + f"; {source}." + _population_note(population))


def _population_note(population) -> str:
    if population is not None and population.height:
        return ("\nVäestö ikäryhmittäin Paavosta: registers/district_population.csv / population by age group from "
                "Paavo.")
    return ("\nTäytä väestö ikäryhmittäin: registers/district_population.csv / fill in the population by age group "
            "(reach cannot be computed without it).")
