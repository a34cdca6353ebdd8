"""Writes the package `hyte init` proposes: hyte.toml (with why each choice), registers, districts, instructions."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from data_pipeline.init.presets import AGE_GROUPS, AREA_PRESETS, INDICATOR_PRESETS, PresetIndicator
from data_pipeline.init.regions import Proposal, Region
from data_pipeline.inputs.config import read_config
from data_pipeline.inputs.templates import write_templates
from data_pipeline.sources.http import write_atomic

DEFAULT_SOTKANET_URL = "https://sotkanet.fi/rest/1.1"
FIRST_YEAR = 2012


@dataclass
class Districts:
    """What the [districts] section says, and what goes beside it."""

    source: str                          # paavo | file
    paavo_year: int
    collection: dict | None = None       # the district file to write (source = file)
    id_property: str | None = None
    name_property: str | None = None
    name_sv_property: str | None = None
    population: pl.DataFrame | None = None  # district_population rows (source = file, ids are postal codes)
    paavo_cache: dict | None = None      # Paavo's answer, cached in the package (source = paavo)
    note: str = ""                       # a comment for hyte.toml: where the districts came from


def _s(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a TOML basic string


def _n(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def plan_term(today: dt.date) -> tuple[int, int]:
    """The council term's plan years: terms start 2025, 2029, … (a wellbeing plan per term)."""
    start = 2025 + 4 * ((today.year - 2025) // 4)
    return start, start + 3


def _pct(value: float | None, decimals: int = 1) -> str:
    return "–" if value is None else f"{value:.{decimals}f}".replace(".", ",")


def _class_text(proposal: Proposal) -> str:
    lo, hi = proposal.size_class
    return f"{_n(lo)}–{_n(hi)}" if hi is not None else f"{_n(lo)}+"


def regions_section(proposal: Proposal) -> list[str]:
    town = proposal.municipality
    lines = ["[regions]"]
    if proposal.county:
        lines.append(f"# Hyvinvointialue Sotkanetin aluelistasta (kunnan memberOf) / wellbeing services county from "
                     f"Sotkanet's region list: {proposal.county.names['fi']} (id {proposal.county.id}).")
        lines.append(f'county = {{ category = "HYVINVOINTIALUE", code = {_s(proposal.county.code)} }}')
    else:
        lines.append("# Hyvinvointialuetta ei löytynyt kunnan memberOf-listasta / no wellbeing services county found")
    if proposal.country:
        lines.append(f'country = {{ category = "MAA", code = {_s(proposal.country.code)} }}')
    if proposal.peers and proposal.own_shares is not None:
        young, old = proposal.own_shares
        lines.append(f"# Vertailukunnat / comparison municipalities: {len(proposal.peers)} väkiluvultaan ja "
                     "ikärakenteeltaan lähintä kuntaa / nearest in population and age structure")
        lines.append(f"# (Sotkanet 127 väkiluku, 1064 0–14-v. %, 1068 65 v. täyttäneet %, {proposal.population_year}; "
                     "etäisyys vakioiduilla mittareilla / distance on standardised measures).")
        lines.append(f"# {town.names['fi']}: {_n(proposal.population)} asukasta / residents, 0–14 v. {_pct(young)} %, "
                     f"65+ {_pct(old)} %. Muokkaa vapaasti / edit freely:")
        for peer in proposal.peers:
            lines.append(f"#   {peer.region.code} {peer.region.names['fi']}: {_n(peer.population)}, "
                         f"0–14 v. {_pct(peer.share_0_14)} %, 65+ {_pct(peer.share_65_plus)} % "
                         f"(etäisyys / distance {_pct(peer.distance, 2)})")
        lines.append("peers = [" + ", ".join(_s(p.region.code) for p in proposal.peers) + "]")
    elif proposal.peers:
        lines.append(f"# Vertailukunnat / comparison municipalities: kokoluokka / size class {_class_text(proposal)} "
                     f"asukasta / residents, lähimmät väkiluvultaan kuntaa {town.names['fi']} "
                     f"({_n(proposal.population)} asukasta / residents, {proposal.population_year}; Sotkanet 127 Väkiluku)")
        lines.append("# nearest in population (ratio) within the class (no age structure from Sotkanet); edit freely:")
        for peer in proposal.peers:
            lines.append(f"#   {peer.region.code} {peer.region.names['fi']}: {_n(peer.population)}")
        lines.append("peers = [" + ", ".join(_s(p.region.code) for p in proposal.peers) + "]")
    else:
        lines.append("# Väkilukua ei saatu, vertailukuntia ei ehdotettu / no population, no peers proposed")
        lines.append("peers = []")
    lines.append("# Kaikkien kuntien väkiluku ja ikärakenne: sovellus näyttää, miksi vertailukunnat valittiin / every "
                 "municipality's population and age structure: the app shows why the peers were chosen.")
    lines.append("profile = true")
    return lines


def districts_section(d: Districts) -> list[str]:
    lines = ["[districts]"]
    if d.note:
        lines += [f"# {line}" for line in d.note.splitlines()]
    if d.source == "paavo":
        lines += ['source = "paavo"', f"paavo_year = {d.paavo_year}"]
    else:
        lines += ['file = "districts.geojson"', f"id_property = {_s(d.id_property)}",
                  f"name_property = {_s(d.name_property)}"]
        if d.name_sv_property:
            lines.append(f"name_sv_property = {_s(d.name_sv_property)}")
    return lines


def render_config(proposal: Proposal, areas: str, indicators: str | tuple[PresetIndicator, ...],
                  districts: Districts, today: dt.date) -> str:
    """`indicators`: a preset's name, or the indicators chosen one by one (the app's setup page)."""
    town = proposal.municipality
    start, end = plan_term(today)
    area_rows = AREA_PRESETS[areas]
    area_codes = {code for code, *_ in area_rows}
    out = [f"# {town.names['fi']} ({town.code}): kirjoitettu / written by `hyte init` {today:%d.%m.%Y}.",
           "# Tarkista suunnitelman nimi ja vuodet, painopistealueet ja tavoitteet / check the plan's name and years,",
           "# the priority areas and targets. Every key: `hyte check --config hyte.toml`.",
           "",
           "[municipality]", f"code = {_s(town.code)}",
           f"name_fi = {_s(town.names['fi'])}", f"name_sv = {_s(town.names['sv'])}",
           f"name_en = {_s(town.names['en'])}", "",
           "[plan]", f'name_fi = "Hyvinvointisuunnitelma {start}–{end}"',
           f'name_sv = "Välfärdsplan {start}–{end}"', f'name_en = "Wellbeing plan {start}–{end}"',
           f"start_year = {start}", f"end_year = {end}", ""]
    for code, fi, sv, en, lo, hi in AGE_GROUPS:
        out += ["[[age_groups]]", f"code = {_s(code)}", f"name_fi = {_s(fi)}", f"name_sv = {_s(sv)}",
                f"name_en = {_s(en)}", f"min_age = {lo}"] + ([f"max_age = {hi}"] if hi is not None else []) + [""]
    if areas == "empty":
        out.append("# Nimeä painopistealue ja lisää omat / rename this area and add your plan's own:")
    for code, fi, sv, en in area_rows:
        out += ["[[priority_areas]]", f"code = {_s(code)}", f"name_fi = {_s(fi)}", f"name_sv = {_s(sv)}",
                f"name_en = {_s(en)}", ""]
    out += regions_section(proposal) + [""]
    out += ["[sotkanet]", f"base_url = {_s(DEFAULT_SOTKANET_URL)}  # env HYTE_SOTKANET_URL overrides",
            'cache_dir = "sotkanet"', f"years = [{FIRST_YEAR}, {today.year}]", ""]
    out += districts_section(districts) + ["", "[registers]", 'dir = "registers"', ""]
    if isinstance(indicators, str):
        out.append(f"# Indikaattorit: valmis joukko '{indicators}', suunta (lower_better / higher_better) kullekin; "
                   "lisää tavoitteet (target, target_year) / indicators from the preset, each with its direction; "
                   "add targets.")
        chosen = INDICATOR_PRESETS[indicators]
    else:
        out.append("# Indikaattorit: valittu sovelluksen käyttöönottosivulla, suunta (lower_better / higher_better) "
                   "kullekin; lisää tavoitteet (target, target_year) / indicators chosen on the app's setup page, "
                   "each with its direction; add targets.")
        chosen = tuple(indicators)
    for ind in chosen:
        area = ind.priority_area if ind.priority_area in area_codes else area_rows[0][0]
        out += [f"[[indicators]]  # {ind.title_fi}", f"id = {ind.id}", f"priority_area = {_s(area)}"]
        if ind.age_group:
            out.append(f"age_group = {_s(ind.age_group)}")
        out += [f"direction = {_s(ind.direction)}", ""]
    return "\n".join(out)


def write_package(out: Path, proposal: Proposal, areas: str, indicators: str | tuple[PresetIndicator, ...],
                  districts: Districts,
                  regions_payload: list | None, today: dt.date | None = None) -> Path:
    """Write everything; returns the hyte.toml path."""
    today = today or dt.date.today()
    out.mkdir(parents=True, exist_ok=True)
    config = out / "hyte.toml"
    config.write_text(render_config(proposal, areas, indicators, districts, today), encoding="utf-8")
    registers = out / "registers"
    registers.mkdir(parents=True, exist_ok=True)
    if districts.source == "file" and districts.collection is not None:
        (out / "districts.geojson").write_text(json.dumps(districts.collection, ensure_ascii=False),
                                               encoding="utf-8")
        if districts.population is not None and districts.population.height:
            rows = districts.population.sort("district_code", "age_group_code")
            lines = ["district;age_group;year;population"] + [
                f"{r['district_code']};{r['age_group_code']};{r['year']};{r['population']}"
                for r in rows.iter_rows(named=True)]
            (registers / "district_population.csv").write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    if districts.paavo_cache is not None:
        write_atomic(out / "districts" / f"paavo_{districts.paavo_year}.geojson", districts.paavo_cache)
    if regions_payload:
        write_atomic(out / "sotkanet" / "regions.json", regions_payload)
    # The package's own registers: Excel templates with this package's drop-down lists, one file a register
    # (a register there as both CSV and XLSX is refused by `hyte check` and `hyte refresh`).
    settings, _ = read_config(config)
    if settings is not None:
        write_templates(registers, config=settings)
    else:
        write_templates(registers, tuple(code for code, *_ in AGE_GROUPS))
    (out / "INSTRUCTIONS.md").write_text(instructions(proposal, districts, areas), encoding="utf-8")
    return config


def _county(county: Region | None) -> str:
    return county.names["fi"] if county else "–"


def instructions(proposal: Proposal, districts: Districts, areas: str) -> str:
    town = proposal.municipality
    peers = ", ".join(p.region.names["fi"] for p in proposal.peers) or "–"
    where = ("Tilastokeskuksen Paavo-postinumeroalueet, väestö ikäryhmittäin haetaan päivityksessä"
             if districts.source == "paavo" else "oma aluetiedosto districts.geojson")
    where_en = ("Statistics Finland's Paavo postal areas; population by age group is fetched at each refresh"
                if districts.source == "paavo" else "your own district file districts.geojson")
    rename = ("\n- Nimeä painopistealue `plan` hyte.toml-tiedostossa ja lisää suunnitelmasi muut painopisteet.\n"
              if areas == "empty" else "")
    return f"""# {town.names['fi']} – HYTE-tietopaketti / datapaket / data package

Kirjoittanut / written by `hyte init`. Kunta / municipality: **{town.names['fi']}** ({town.code}),
hyvinvointialue / county: **{_county(proposal.county)}**, vertailukunnat / peers: {peers}.
Alueet / districts: {where}.

## Suomeksi

1. **Tarkista `hyte.toml`**: suunnitelman nimi ja vuodet, painopistealueet, indikaattorit ja niiden
   tavoitteet (`target`, `target_year`). Vertailukuntien valinta on selitetty tiedoston kommentissa.{rename}
2. **Täytä rekisterit** kansiossa `registers/` (avaa Excelissä, tallenna CSV- tai XLSX-muodossa):
   toimialat (`departments`), työryhmät ja paikat (`working_groups`, `seats`), kokoukset, tapahtumat,
   järjestöt. Sarakkeet on kuvattu tiedostossa `registers/SARAKKEET.md`. Ei henkilöiden nimiä.
3. **Tarkista**: `hyte check --config hyte.toml` (jos käytössäsi), muuten suoraan päivitys.
4. **Päivitä**: `hyte refresh --config hyte.toml` hakee Sotkanetin indikaattorit ja alueet ja lataa
   kaiken tietovarastoon. Virheet luetellaan muodossa `tiedosto:rivi: sarake: viesti`.
5. **Käynnistä**: `streamlit run dashboard/app.py` (tai `make run`).

Käsin kirjoitettavaa: suunnitelman tavoitteet ja toimenpiteet, työryhmät ja niiden paikat, kokoukset,
tapahtumat ja osallistujamäärät, järjestöt ja kumppanuudet.

## På svenska

Kontrollera `hyte.toml` (planens namn och år, fokusområden, indikatorernas mål), fyll i registren i
`registers/` (kolumnerna beskrivs i `registers/SARAKKEET.md`) och kör `hyte refresh --config hyte.toml`.

## In English

1. Check `hyte.toml`: the plan's name and years, the priority areas, the indicators and their targets.
   Why these comparison municipalities is explained in a comment there.
2. Fill in the registers in `registers/` in Excel (CSV or XLSX): departments, working groups and seats,
   meetings, events, NGOs. Every column is described in `registers/SARAKKEET.md`. No personal names.
3. Check: `hyte check --config hyte.toml` (where available).
4. Refresh: `hyte refresh --config hyte.toml` fetches the Sotkanet indicators and the districts
   ({where_en}) and loads everything; problems are listed as `file:line: column: message`.
5. Run the app: `streamlit run dashboard/app.py` (or `make run`).
"""
