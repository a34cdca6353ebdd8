"""Reads and checks a municipality's `hyte.toml`: the whole set-up of one data package.

Example (all paths relative to the config file):

    [municipality]
    code = "609"
    name_fi = "Pori"            # name_sv, name_en optional
    demo = false

    [plan]
    name_fi = "Hyvinvointisuunnitelma 2025–2028"
    start_year = 2025
    end_year = 2028

    [[age_groups]]              # lifecycle bands, configurable per municipality
    code = "children_youth"
    name_fi = "Lapset ja nuoret"
    min_age = 0
    max_age = 17

    [[priority_areas]]
    code = "environment"
    name_fi = "Viihtyisä ja turvallinen elinympäristö"

    [regions]                   # Sotkanet categories and codes; the municipality is KUNTA/code
    county = { category = "HYVINVOINTIALUE", code = "6" }
    country = { category = "MAA", code = "358" }
    peers = ["179", "837"]      # KUNTA codes
    boundaries_year = 2025      # optional: Finland's municipality map (Statistics Finland, env HYTE_BOUNDARIES_URL)

    [sotkanet]
    base_url = "https://sotkanet.fi/rest/1.1"   # env HYTE_SOTKANET_URL overrides
    cache_dir = "sotkanet"      # recorded responses; --offline reads only these
    years = [2012, 2024]        # first and last year to fetch
    offline = false             # true: a recorded package, never fetched (the demo)
    timeout_s = 30              # per request; retries (3) back off from backoff_s (1.0) doubling

    [districts]
    file = "districts.geojson"
    id_property = "code"
    name_property = "name"
    # or, postal-code areas with population from Statistics Finland's Paavo (env HYTE_PAAVO_URL):
    # source = "paavo"
    # paavo_year = 2024

    [registers]
    dir = "registers"

    [[indicators]]
    id = 3113
    source = "sotkanet"         # or "local" (then title_fi, unit, decimals are given here)
    priority_area = "lifestyles"
    age_group = "children_youth"
    direction = "lower_better"  # or "higher_better"
    target = 10.0               # optional, with target_year
    target_year = 2028
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SOTKANET_URL = "https://sotkanet.fi/rest/1.1"
DIRECTIONS = ("higher_better", "lower_better")


class ConfigError(Exception):
    """The config file cannot be used; the message says which key and what to do."""


@dataclass(frozen=True)
class AgeGroup:
    code: str
    name_fi: str
    name_sv: str | None
    name_en: str | None
    min_age: int
    max_age: int | None
    sort_order: int


@dataclass(frozen=True)
class PriorityArea:
    code: str
    name_fi: str
    name_sv: str | None
    name_en: str | None
    sort_order: int


@dataclass(frozen=True)
class RegionRef:
    category: str
    code: str


@dataclass(frozen=True)
class IndicatorConfig:
    id: int
    source: str
    priority_area: str
    age_group: str | None
    direction: str
    target: float | None
    target_year: int | None
    sort_order: int
    title_fi: str | None = None
    title_sv: str | None = None
    title_en: str | None = None
    unit: str | None = None
    decimals: int | None = None


@dataclass(frozen=True)
class Config:
    path: Path
    municipality_code: str
    municipality_name: dict[str, str | None]
    is_demo: bool
    plan_name: dict[str, str | None]
    plan_start_year: int | None
    plan_end_year: int | None
    age_groups: tuple[AgeGroup, ...]
    priority_areas: tuple[PriorityArea, ...]
    county: RegionRef | None
    country: RegionRef | None
    peers: tuple[str, ...]
    sotkanet_url: str
    sotkanet_cache_dir: Path
    sotkanet_years: tuple[int, int]
    sotkanet_offline: bool
    sotkanet_timeout_s: float
    sotkanet_retries: int
    sotkanet_backoff_s: float
    districts_file: Path | None
    district_id_property: str
    district_name_property: str
    district_name_sv_property: str | None
    districts_source: str
    paavo_year: int
    paavo_url: str | None
    registers_dir: Path
    indicators: tuple[IndicatorConfig, ...] = field(default=())
    boundaries_year: int | None = None  # municipality boundaries of this year's division, for the map

    @property
    def base_dir(self) -> Path:
        return self.path.parent

    @property
    def age_group_codes(self) -> tuple[str, ...]:
        return tuple(g.code for g in self.age_groups)


def _names(table: dict, prefix: str = "name") -> dict[str, str | None]:
    return {lang: table.get(f"{prefix}_{lang}") for lang in ("fi", "sv", "en")}


def _require(table: dict, key: str, where: str):
    if key not in table or table[key] in ("", None):
        raise ConfigError(f"{where}: '{key}' puuttuu / is missing")
    return table[key]


def load_config(path: str | os.PathLike) -> Config:
    """Parse `hyte.toml`; raise ConfigError naming the file and key on anything unusable."""
    path = Path(path).resolve()
    if not path.is_file():
        raise ConfigError(f"{path}: asetustiedostoa ei löydy / config file not found")
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: ei kelvollinen TOML / not valid TOML: {exc}") from exc
    where = path.name
    base = path.parent

    muni = raw.get("municipality") or {}
    code = str(_require(muni, "code", f"{where} [municipality]"))
    if not (code.isdigit() and len(code) == 3):
        raise ConfigError(f"{where} [municipality] code: '{code}' ei ole kolminumeroinen kuntanumero / "
                          "is not a 3-digit municipality code")
    _require(muni, "name_fi", f"{where} [municipality]")
    plan = raw.get("plan") or {}

    age_groups = []
    for i, g in enumerate(raw.get("age_groups") or []):
        w = f"{where} [[age_groups]] #{i + 1}"
        age_groups.append(AgeGroup(
            code=str(_require(g, "code", w)), name_fi=_require(g, "name_fi", w),
            name_sv=g.get("name_sv"), name_en=g.get("name_en"),
            min_age=int(_require(g, "min_age", w)),
            max_age=int(g["max_age"]) if g.get("max_age") is not None else None,
            sort_order=i,
        ))
    if not age_groups:
        raise ConfigError(f"{where}: [[age_groups]] puuttuu / at least one age group is needed")
    _check_unique([g.code for g in age_groups], f"{where} [[age_groups]] code")

    areas = []
    for i, a in enumerate(raw.get("priority_areas") or []):
        w = f"{where} [[priority_areas]] #{i + 1}"
        areas.append(PriorityArea(
            code=str(_require(a, "code", w)), name_fi=_require(a, "name_fi", w),
            name_sv=a.get("name_sv"), name_en=a.get("name_en"), sort_order=i,
        ))
    if not areas:
        raise ConfigError(f"{where}: [[priority_areas]] puuttuu / at least one priority area is needed")
    _check_unique([a.code for a in areas], f"{where} [[priority_areas]] code")

    regions = raw.get("regions") or {}

    def region_ref(key: str) -> RegionRef | None:
        value = regions.get(key)
        if value is None:
            return None
        return RegionRef(str(_require(value, "category", f"{where} [regions] {key}")),
                         str(_require(value, "code", f"{where} [regions] {key}")))

    sotkanet = raw.get("sotkanet") or {}
    years = sotkanet.get("years") or [2010, 2030]
    districts = raw.get("districts") or {}
    districts_source = districts.get("source", "file")
    if districts_source not in ("file", "paavo"):
        raise ConfigError(f"{where} [districts] source: '{districts_source}' – käytä / use 'file' tai/or 'paavo'")
    paavo_year = int(districts.get("paavo_year", 2024))
    if districts_source == "paavo":
        # The cached WFS response is the district file; Paavo's own property names.
        districts = {"file": f"districts/paavo_{paavo_year}.geojson", "id_property": "postinumeroalue",
                     "name_property": "nimi", "name_sv_property": "namn", **districts}
    registers = raw.get("registers") or {}

    area_codes = {a.code for a in areas}
    group_codes = {g.code for g in age_groups}
    indicators = []
    for i, ind in enumerate(raw.get("indicators") or []):
        w = f"{where} [[indicators]] #{i + 1}"
        source = ind.get("source", "sotkanet")
        if source not in ("sotkanet", "local"):
            raise ConfigError(f"{w} source: '{source}' – käytä / use 'sotkanet' tai/or 'local'")
        direction = _require(ind, "direction", w)
        if direction not in DIRECTIONS:
            raise ConfigError(f"{w} direction: '{direction}' – käytä / use {' | '.join(DIRECTIONS)}")
        area = _require(ind, "priority_area", w)
        if area not in area_codes:
            raise ConfigError(f"{w} priority_area: tuntematon / unknown '{area}'")
        group = ind.get("age_group")
        if group is not None and group not in group_codes:
            raise ConfigError(f"{w} age_group: tuntematon / unknown '{group}'")
        if source == "local":
            _require(ind, "title_fi", w)
        indicators.append(IndicatorConfig(
            id=int(_require(ind, "id", w)), source=source, priority_area=area, age_group=group,
            direction=direction,
            target=float(ind["target"]) if ind.get("target") is not None else None,
            target_year=int(ind["target_year"]) if ind.get("target_year") is not None else None,
            sort_order=i, title_fi=ind.get("title_fi"), title_sv=ind.get("title_sv"),
            title_en=ind.get("title_en"), unit=ind.get("unit"),
            decimals=int(ind["decimals"]) if ind.get("decimals") is not None else None,
        ))
    _check_unique([ind.id for ind in indicators], f"{where} [[indicators]] id")

    return Config(
        path=path,
        municipality_code=code,
        municipality_name=_names(muni),
        is_demo=bool(muni.get("demo", False)),
        plan_name=_names(plan),
        plan_start_year=plan.get("start_year"),
        plan_end_year=plan.get("end_year"),
        age_groups=tuple(age_groups),
        priority_areas=tuple(areas),
        county=region_ref("county"),
        country=region_ref("country"),
        peers=tuple(str(p) for p in regions.get("peers", [])),
        sotkanet_url=os.environ.get("HYTE_SOTKANET_URL") or sotkanet.get("base_url", DEFAULT_SOTKANET_URL),
        sotkanet_cache_dir=base / sotkanet.get("cache_dir", "sotkanet"),
        sotkanet_years=(int(years[0]), int(years[1])),
        sotkanet_offline=bool(sotkanet.get("offline", False)),
        sotkanet_timeout_s=float(sotkanet.get("timeout_s", 30)),
        sotkanet_retries=int(sotkanet.get("retries", 3)),
        sotkanet_backoff_s=float(sotkanet.get("backoff_s", 1.0)),
        districts_file=(base / districts["file"]) if districts.get("file") else None,
        district_id_property=districts.get("id_property", "code"),
        district_name_property=districts.get("name_property", "name"),
        district_name_sv_property=districts.get("name_sv_property"),
        districts_source=districts_source,
        paavo_year=paavo_year,
        paavo_url=districts.get("paavo_url"),
        registers_dir=base / registers.get("dir", "registers"),
        indicators=tuple(indicators),
        boundaries_year=int(regions["boundaries_year"]) if regions.get("boundaries_year") is not None else None,
    )


def _check_unique(values: list, where: str) -> None:
    seen = set()
    for v in values:
        if v in seen:
            raise ConfigError(f"{where}: '{v}' esiintyy kahdesti / appears twice")
        seen.add(v)
