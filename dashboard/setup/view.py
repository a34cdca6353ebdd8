"""What the setup screen says and offers, as plain data (no Streamlit): the proposal `hyte init` makes,
the indicator catalogue, the chosen indicators and where the package goes."""

from __future__ import annotations

import html

import os
from pathlib import Path

import polars as pl

from dashboard.core.formatting import fmt_number, plain
from dashboard.core.i18n import translate
from dashboard.participation import reach_map as maps
from data_pipeline.init.package import _class_text
from data_pipeline.init.presets import AGE_GROUPS, INDICATOR_PRESETS, PresetIndicator, area_rows, suggest_area
from data_pipeline.init.language import asked_first
from data_pipeline.init.regions import Proposal, Region

LANG_INDEX = {"fi": 0, "sv": 1, "en": 2}
DIRECTIONS = ("lower_better", "higher_better")
# Where a package goes when HYTE_SETUP_DIR is not set: the app's data folder (beside data/hyte.db).
DATA_DIR = Path(__file__).parents[2] / "data"


def number(value: int | None) -> str:
    return f"{value:,}".replace(",", "\u00a0") if value is not None else "–"


def region_name(region: Region | None, lang: str) -> str:
    return region.names.get(lang) or region.names["fi"] if region is not None else "–"


def size_text(proposal: Proposal) -> str:
    return _class_text(proposal) if proposal.size_class else "–"


def peers_why(proposal: Proposal, lang: str) -> str:
    """How the peers were chosen: by size and age structure (with the own figures), or by size alone."""
    if proposal.own_shares is None:
        return translate("setup.town.peers_why", lang, size=size_text(proposal))
    young, old = proposal.own_shares
    return translate("setup.town.peers_why_age", lang, name=plain(region_name(proposal.municipality, lang)),
                     population=number(proposal.population), young=_share(young, lang), old=_share(old, lang))


def peer_lines(proposal: Proposal, lang: str) -> list[str]:
    if proposal.own_shares is not None:
        return [translate("setup.town.peer_row_age", lang, name=plain(region_name(p.region, lang)),
                          code=p.region.code, population=number(p.population), young=_share(p.share_0_14, lang),
                          old=_share(p.share_65_plus, lang)) for p in proposal.peers]
    return [translate("setup.town.peer_row", lang, name=plain(region_name(p.region, lang)), code=p.region.code,
                      population=number(p.population)) for p in proposal.peers]


def _share(value: float | None, lang: str) -> str:
    return fmt_number(value, 1, lang)


# --- districts on the map ----------------------------------------------------------------------------

def age_group_name(code: str, lang: str) -> str:
    for group_code, fi, sv, en, _, _ in AGE_GROUPS:
        if group_code == code:
            return (fi, sv, en)[LANG_INDEX[lang]]
    return code


def district_rows(shapes: pl.DataFrame, population: pl.DataFrame, lang: str) -> pl.DataFrame:
    """One row a postal area for the map: name and code, population by age group in the tooltip."""
    by_code: dict[str, dict[str, int]] = {}
    for row in population.iter_rows(named=True):
        by_code.setdefault(row["district_code"], {})[row["age_group_code"]] = row["population"]
    rows = []
    for shape in shapes.sort("code").iter_rows(named=True):
        counts = by_code.get(shape["code"], {})
        name = shape["name_sv"] if lang == "sv" and shape.get("name_sv") else shape["name_fi"]
        lines = [f"{age_group_name(code, lang)}: {number(counts.get(code))}" for code, *_ in AGE_GROUPS]
        if counts:
            lines.append(f"{translate('setup.districts.total', lang)}: {number(sum(counts.values()))}")
        rows.append({"code": shape["code"], "name": name, "reach": 1.0, "suppressed": False, "low": False,
                     "tip_title": f"{name} ({shape['code']})", "tip_lines": lines})
    return pl.DataFrame(rows, schema={"code": pl.Utf8, "name": pl.Utf8, "reach": pl.Float64,
                                      "suppressed": pl.Boolean, "low": pl.Boolean, "tip_title": pl.Utf8,
                                      "tip_lines": pl.List(pl.Utf8)})


def district_deck(shapes: pl.DataFrame, population: pl.DataFrame, lang: str, description: str):
    """The postal areas, one colour, no basemap; the participation map's drawing."""
    geo = maps.district_features(shapes.select("code", "geometry"))
    return maps.reach_deck(geo, district_rows(shapes, population, lang), None, [], description=description)


# --- indicators --------------------------------------------------------------------------------------

def _title(titles: object, lang: str) -> str:
    """A Sotkanet text in `lang` as text: its HTML entities decoded ("BMI &#8805; 30" is "BMI ≥ 30")."""
    if isinstance(titles, dict):
        return html.unescape(str(titles.get(lang) or titles.get("fi") or titles.get("en") or ""))
    return html.unescape(str(titles or ""))


def catalogue_titles(payload: object) -> dict[int, dict[str, str]]:
    """Sotkanet's /indicators as id -> titles in fi/sv/en (entries without an id are skipped)."""
    out: dict[int, dict[str, str]] = {}
    for item in payload if isinstance(payload, list) else []:
        if isinstance(item, dict) and isinstance(item.get("id"), int):
            titles = item.get("title") if isinstance(item.get("title"), dict) else {"fi": str(item.get("title") or "")}
            out[item["id"]] = {lang: html.unescape(str(titles.get(lang) or titles.get("fi") or ""))
                               for lang in LANG_INDEX}
    for ind in INDICATOR_PRESETS["pori"]:  # the presets' own titles when the catalogue lacks one
        out.setdefault(ind.id, {"fi": ind.title_fi, "sv": ind.title_fi, "en": ind.title_fi})
    return out


def option_label(indicator_id: int, titles: dict[int, dict[str, str]], lang: str) -> str:
    names = titles.get(indicator_id) or {}
    return f"{indicator_id} · {names.get(lang) or names.get('fi') or ''}".rstrip(" ·")


def preset_settings(preset: str) -> dict[int, dict]:
    """id -> the preset's priority area, age group and direction."""
    return {ind.id: {"priority_area": ind.priority_area, "age_group": ind.age_group, "direction": ind.direction}
            for ind in INDICATOR_PRESETS[preset]}


def default_setting(indicator_id: int, area_codes: list[str]) -> dict:
    known = preset_settings("pori").get(indicator_id)
    return dict(known) if known else {"priority_area": area_codes[0], "age_group": None, "direction": DIRECTIONS[0]}


def chosen_indicators(ids: list[int], settings: dict[int, dict], titles: dict[int, dict[str, str]],
                      areas) -> tuple[PresetIndicator, ...]:
    """The chosen indicators as `hyte init` writes them; an area not among the chosen areas is the first one
    (own areas: the one the indicator's name suggests, as `hyte init --area` does)."""
    rows = area_rows(areas)
    area_codes = [code for code, *_ in rows]
    out = []
    for indicator_id in ids:
        setting = settings.get(indicator_id) or default_setting(indicator_id, area_codes)
        preset = {i.id: i for i in INDICATOR_PRESETS["pori"]}.get(indicator_id)
        title = preset.title_fi if preset else (titles.get(indicator_id) or {}).get("fi", "")
        area = setting["priority_area"] if setting["priority_area"] in area_codes else \
            suggest_area(preset, rows) if preset is not None and not isinstance(areas, str) else area_codes[0]
        out.append(PresetIndicator(indicator_id, area, setting["age_group"], setting["direction"], title))
    return tuple(out)


def preset_or_chosen(chosen: tuple[PresetIndicator, ...], areas) -> str | tuple[PresetIndicator, ...]:
    """A preset's name when the choice is exactly that preset (the package then equals `hyte init`'s)."""
    for name in INDICATOR_PRESETS:
        if chosen == chosen_indicators([i.id for i in INDICATOR_PRESETS[name]], preset_settings(name),
                                       {}, areas):
            return name
    return chosen


def description(metadata: object, lang: str) -> tuple[str, str, str]:
    """(title, description, producer line) of Sotkanet's /indicators/{id} answer."""
    meta = metadata if isinstance(metadata, dict) else {}
    title = _title(meta.get("title"), lang)
    text = _title(meta.get("description"), lang)
    org = _title((meta.get("organization") or {}).get("title"), lang) if isinstance(meta.get("organization"), dict) else ""
    span = meta.get("range") if isinstance(meta.get("range"), dict) else {}
    source = translate("setup.describe.source", lang, org=plain(org) or "–", start=span.get("start", "–"),
                       end=span.get("end", "–"), updated=meta.get("data-updated") or "–")
    return title, text, source


# --- the folder -------------------------------------------------------------------------------------

def default_folder(town: Region, env: dict | None = None, lang: str = "fi") -> Path:
    """The folder named as `hyte init` names it: the municipality's name in the package's language."""
    env = os.environ if env is None else env
    base = Path(env.get("HYTE_SETUP_DIR") or DATA_DIR)
    return base / (town.names.get(lang) or town.names["fi"]).lower().replace(" ", "-")


def language_options(proposed: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The package's languages to choose from: the proposal first, then each language put first (the
    municipality's other official language kept beside it, as `hyte init --lang` does)."""
    options = [proposed]
    for lang in ("fi", "sv"):
        option = asked_first(proposed, lang)
        if option not in options:
            options.append(option)
    return options


def language_label(codes: tuple[str, ...], lang: str) -> str:
    return ", ".join(translate(f"language.name.{code}", lang) for code in codes)


def folder_state(folder: Path) -> str:
    """new | empty | not_empty | file"""
    if not folder.exists():
        return "new"
    if not folder.is_dir():
        return "file"
    return "not_empty" if any(folder.iterdir()) else "empty"


def next_steps(config: Path, lang: str) -> str:
    folder = config.parent
    return translate("setup.next.steps", lang, registers=folder / "registers",
                     instructions=folder / "INSTRUCTIONS.md", config=config)
