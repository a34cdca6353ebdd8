"""Writes the package `hyte init` proposes: hyte.toml (with why each choice), registers, districts, instructions."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from data_pipeline.i18n import Decimal, language, translate, translate_n
from data_pipeline.init.presets import AGE_GROUPS, INDICATOR_PRESETS, AreaRow, PresetIndicator, area_rows, suggest_area
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


def _pct(value: float | None, decimals: int = 1) -> Decimal | str:
    return "–" if value is None else Decimal(value, decimals)


def _class_text(proposal: Proposal) -> str:
    lo, hi = proposal.size_class
    return f"{_n(lo)}–{_n(hi)}" if hi is not None else f"{_n(lo)}+"


def _comment(key: str, lang: str, **fmt) -> list[str]:
    """A catalogue text as hyte.toml comment lines."""
    return [f"# {line}" for line in translate(key, lang, **fmt).splitlines()]


def _name(region: Region, lang: str) -> str:
    return region.names.get(lang) or region.names["fi"]


def regions_section(proposal: Proposal, lang: str | None = None, today: dt.date | None = None) -> list[str]:
    lang = lang or language()
    town = proposal.municipality
    lines = ["[regions]"]
    if proposal.county:
        lines += _comment("init.toml.county", lang, county=_name(proposal.county, lang), id=proposal.county.id)
        lines.append(f'county = {{ category = "HYVINVOINTIALUE", code = {_s(proposal.county.code)} }}')
    else:
        lines += _comment("init.toml.no_county", lang)
    if proposal.country:
        lines.append(f'country = {{ category = "MAA", code = {_s(proposal.country.code)} }}')
    if proposal.peers and proposal.own_shares is not None:
        young, old = proposal.own_shares
        # A bilingual or Swedish municipality's peers are near in the Swedish speakers' share too.
        by = "_language" if proposal.by_language else ""
        lines += [f"# {translate_n('init.toml.peers_by_language' if by else 'init.toml.peers_by_age', len(proposal.peers), lang)}",
                  *_comment(f"init.toml.peers_measures{by}", lang, year=proposal.population_year),
                  *_comment(f"init.toml.own{by}", lang, town=_name(town, lang), population=_n(proposal.population),
                            young=_pct(young), old=_pct(old), swedish=_pct(proposal.own_swedish))]
        for peer in proposal.peers:
            lines.append("#   " + translate(f"init.toml.peer{by}", lang, code=peer.region.code,
                                          name=_name(peer.region, lang), population=_n(peer.population),
                                          young=_pct(peer.share_0_14), old=_pct(peer.share_65_plus),
                                          swedish=_pct(peer.share_swedish), distance=_pct(peer.distance, 2)))
        lines.append("peers = [" + ", ".join(_s(p.region.code) for p in proposal.peers) + "]")
    elif proposal.peers:
        lines += _comment("init.toml.peers_by_size", lang, size_class=_class_text(proposal), town=_name(town, lang),
                          population=_n(proposal.population), year=proposal.population_year)
        lines += _comment("init.toml.peers_by_size_how", lang)
        for peer in proposal.peers:
            lines.append(f"#   {peer.region.code} {_name(peer.region, lang)}: {_n(peer.population)}")
        lines.append("peers = [" + ", ".join(_s(p.region.code) for p in proposal.peers) + "]")
    else:
        lines += _comment("init.toml.no_population", lang)
        lines.append("peers = []")
    lines += _comment("init.toml.profile", lang)
    lines.append("profile = true")
    lines += _comment("init.toml.boundaries", lang)
    lines.append(f"boundaries_year = {boundaries_year(proposal, today or dt.date.today())}")
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


def language_section(proposal: Proposal, languages: tuple[str, ...], lang: str) -> list[str]:
    """`language = ...` with why: the Swedish speakers' share and the Language Act's rule, or --lang."""
    value = _s(languages[0]) if len(languages) == 1 else "[" + ", ".join(_s(code) for code in languages) + "]"
    lines = _comment("init.toml.language", lang) + [f"# {line}" for line in proposal.language.why().text(lang).splitlines()]
    if languages != proposal.language.languages:
        lines += _comment("init.toml.language_asked", lang,
                          proposed=", ".join(proposal.language.languages))
    return lines + [f"language = {value}"]


def boundaries_year(proposal: Proposal, today: dt.date) -> int:
    """The municipality division of the map of Finland: the one after the population figures' year-end
    (the municipalities Sotkanet lists), never a year not yet begun."""
    year = proposal.population_year + 1 if proposal.population_year else today.year - 1
    return min(year, today.year)


def render_config(proposal: Proposal, areas: str | tuple[AreaRow, ...], indicators: str | tuple[PresetIndicator, ...],
                  districts: Districts, today: dt.date, lang: str | None = None,
                  languages: tuple[str, ...] | None = None) -> str:
    """`areas`: a preset's name, or the municipality's own areas (`hyte init --area`, the setup page's
    fields), to which the preset indicators are suggested by name (presets.suggest_area), never to an area
    that is not there. `indicators`: a preset's name, or the indicators chosen one by one (the app's setup
    page). The comments are in `lang` (the pipeline's language if none); `languages`: the package's (the
    proposal's if none)."""
    lang = lang or language()
    languages = languages or proposal.language.languages
    town = proposal.municipality
    start, end = plan_term(today)
    rows = area_rows(areas)
    area_codes = {code for code, *_ in rows}
    out = [*_comment("init.toml.written", lang, town=_name(town, lang), code=town.code, date=f"{today:%d.%m.%Y}"),
           *_comment("init.toml.check", lang),
           "",
           *language_section(proposal, languages, lang),
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
        out += _comment("init.toml.rename_area", lang)
    elif not isinstance(areas, str):
        out += _comment("init.toml.own_areas", lang)
    for code, fi, sv, en in rows:
        out += ["[[priority_areas]]", f"code = {_s(code)}", f"name_fi = {_s(fi)}",
                *([f"name_sv = {_s(sv)}"] if sv else []), *([f"name_en = {_s(en)}"] if en else []), ""]
    out += regions_section(proposal, lang, today) + [""]
    out += ["[sotkanet]", f"base_url = {_s(DEFAULT_SOTKANET_URL)}  # {translate('init.toml.sotkanet_env', lang)}",
            'cache_dir = "sotkanet"', f"years = [{FIRST_YEAR}, {today.year}]", ""]
    out += districts_section(districts) + ["", "[registers]", 'dir = "registers"', ""]
    if isinstance(indicators, str):
        out += _comment("init.toml.indicators_preset", lang, preset=indicators)
        chosen = INDICATOR_PRESETS[indicators]
    else:
        out += _comment("init.toml.indicators_chosen", lang)
        chosen = tuple(indicators)
    for ind in chosen:
        area = ind.priority_area if ind.priority_area in area_codes else \
            (suggest_area(ind, rows) if not isinstance(areas, str) else rows[0][0])
        out += [f"[[indicators]]  # {ind.title_fi}", f"id = {ind.id}", f"priority_area = {_s(area)}"]
        if ind.age_group:
            out.append(f"age_group = {_s(ind.age_group)}")
        out += [f"direction = {_s(ind.direction)}", ""]
    return "\n".join(out)


def write_package(out: Path, proposal: Proposal, areas: str | tuple[AreaRow, ...], indicators: str | tuple[PresetIndicator, ...],
                  districts: Districts,
                  regions_payload: list | None, today: dt.date | None = None,
                  languages: tuple[str, ...] | None = None) -> Path:
    """Write everything, with the comments and instructions in the pipeline's language; `languages`: the
    package's (the proposal's if none). Returns the hyte.toml path."""
    today = today or dt.date.today()
    out.mkdir(parents=True, exist_ok=True)
    config = out / "hyte.toml"
    config.write_text(render_config(proposal, areas, indicators, districts, today, languages=languages),
                      encoding="utf-8")
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


def instructions(proposal: Proposal, districts: Districts, areas, lang: str | None = None) -> str:
    """INSTRUCTIONS.md: the steps from this package to a running app, in `lang` (the pipeline's if none)."""
    lang = lang or language()
    town = proposal.municipality
    where = translate("init.instructions.where.paavo" if districts.source == "paavo" else
                      "init.instructions.where.file", lang)
    rename = f" {translate('init.instructions.rename', lang)}" if areas == "empty" else ""
    return translate("init.instructions", lang, town=_name(town, lang), code=town.code,
                     county=_name(proposal.county, lang) if proposal.county else "–",
                     peers=", ".join(_name(p.region, lang) for p in proposal.peers) or "–", where=where,
                     rename=rename).rstrip("\n") + "\n"
