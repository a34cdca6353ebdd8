"""Reads and checks a municipality's `hyte.toml`: the whole set-up of one data package.

The file's format is declared once, in `config_schema` (every key, type, default and meaning);
docs/hyte-toml.md is printed from it (`hyte config-reference`). Here the file is parsed, checked
against the schema and the rules between keys, and turned into the `Config` the pipeline uses
(paths resolved, environment overrides applied). Every problem is reported, not just the first,
as `hyte.toml:LINE: key: message` at the line to edit.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from data_pipeline.compute.similar import PROFILE_INDICATORS
from data_pipeline.inputs.config_schema import DEFAULT_SOTKANET_URL, DIRECTIONS, HyteToml
from data_pipeline.inputs.problems import Problem
from data_pipeline.inputs.toml_lines import key_lines, line_of

__all__ = ["DEFAULT_SOTKANET_URL", "DIRECTIONS", "AgeGroup", "Config", "ConfigError", "IndicatorConfig",
           "PriorityArea", "RegionRef", "load_config", "read_config"]


class ConfigError(Exception):
    """The config file cannot be used; carries every problem, each naming the line and key to fix."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


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
    profile: bool = False  # population and age structure of every municipality (similar municipalities)
    # Where each key is in the file, for problems found later (e.g. a cache missing because offline).
    key_lines: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def base_dir(self) -> Path:
        return self.path.parent

    def line_of(self, *path) -> int:
        """The line in hyte.toml of a key, e.g. `config.line_of("sotkanet", "offline")`."""
        return line_of(self.key_lines, path)

    @property
    def age_group_codes(self) -> tuple[str, ...]:
        return tuple(g.code for g in self.age_groups)

    @property
    def profile_ids(self) -> tuple[int, ...]:
        """Sotkanet indicators fetched for the municipalities' profiles and not in the plan (`[regions] profile`)."""
        plan = {ind.id for ind in self.indicators if ind.source == "sotkanet"}
        return tuple(i for i in PROFILE_INDICATORS if i not in plan) if self.profile else ()


def load_config(path: str | os.PathLike) -> Config:
    """Parse and check `hyte.toml`; raise ConfigError listing every problem in it."""
    config, problems = read_config(path)
    if problems:
        raise ConfigError(problems)
    return config


def read_config(path: str | os.PathLike) -> tuple[Config | None, list[Problem]]:
    """The Config, or None and every problem found, each as `hyte.toml:LINE: key: message`."""
    path = Path(path).resolve()
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(name, 1, "-", f"asetustiedostoa ei löydy / config file not found: {path}")]
    except IsADirectoryError:
        return None, [Problem(name, 1, "-", f"on kansio; anna hyte.toml-tiedosto / is a folder; give the "
                                            f"hyte.toml file: {path}")]
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[:exc.start].count(b"\n") + 1
        return None, [Problem(name, line, "-", "ei UTF-8-tekstiä; tallenna UTF-8-muodossa / not UTF-8 text; "
                                              "save the file as UTF-8")]
    except OSError as exc:
        return None, [Problem(name, 1, "-", f"tiedostoa ei voi lukea / cannot read the file: {exc.strerror}")]
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return None, [_syntax_problem(name, exc)]
    except RecursionError:  # tomllib nests arrays by recursion: `a = [[[[…` thousands deep
        return None, [Problem(name, 1, "-", "TOML-syntaksivirhe / TOML syntax error: liian syvä sisäkkäisyys / "
                                           "nested too deep")]
    lines = key_lines(text)
    problems = []
    try:
        doc = HyteToml.model_validate(raw)
    except ValidationError as exc:
        doc = None
        problems += [_schema_problem(name, lines, error) for error in exc.errors()]
    problems += [Problem(name, line_of(lines, loc), _key(loc), message) for loc, message in cross_checks(raw)]
    if problems:
        return None, sorted(set(problems), key=lambda p: (p.line, p.column, p.message))
    return _config(path, doc, lines), []


def _syntax_problem(name: str, exc: tomllib.TOMLDecodeError) -> Problem:
    # tomllib's message ends "(at line 3, column 8)"; newer Pythons also give exc.lineno.
    found = re.search(r"\(at line (\d+), column (\d+)\)$", str(exc))
    line = getattr(exc, "lineno", None) or (int(found.group(1)) if found else 1)
    detail = re.sub(r"\s*\(at line \d+, column \d+\)$|\s*\(at end of document\)$", "", str(exc))
    where = f", sarake / column {found.group(2)}" if found else ""
    return Problem(name, line, "-", f"TOML-syntaksivirhe / TOML syntax error{where}: {detail}")


def _key(loc: tuple) -> str:
    """`indicators.target` for ("indicators", 2, "target"): the line tells which entry."""
    return ".".join(str(part) for part in loc if not isinstance(part, int)) or "-"


def _show(value) -> str:
    """A value as it looks in TOML, cut short (a hostile file may hold megabytes in one string)."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = '"' + value.replace('"', '\\"') + '"'
    elif isinstance(value, list):
        text = "[" + ", ".join(_show(v) for v in value[:5]) + (", …" if len(value) > 5 else "") + "]"
    elif isinstance(value, dict):
        text = "{ … }"
    else:
        text = str(value)
    return _cut(text)


def _cut(value, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


_MESSAGES = {  # pydantic error type -> Finnish / English
    "missing": "puuttuu / is missing",
    "int_type": "pitää olla kokonaisluku ilman lainausmerkkejä / must be a whole number, without quotes",
    "float_type": "pitää olla luku ilman lainausmerkkejä / must be a number, without quotes",
    "finite_number": "pitää olla äärellinen luku / must be a finite number",
    "bool_type": "pitää olla true tai false ilman lainausmerkkejä / must be true or false, without quotes",
    "string_type": "pitää olla teksti lainausmerkeissä / must be text in quotes",
    "string_too_short": "ei saa olla tyhjä / must not be empty",
    "list_type": "pitää olla lista [ … ] / must be a list [ … ]",
    "too_short": "tarvitaan vähintään yksi / at least one is needed",
    "model_type": "pitää olla taulukko ([nimi] tai { … }) / must be a table ([name] or { … })",
    "greater_than": "pitää olla suurempi kuin {gt} / must be greater than {gt}",
    "greater_than_equal": "pitää olla vähintään {ge} / must be at least {ge}",
    "less_than_equal": "saa olla enintään {le} / must be at most {le}",
}


def _schema_problem(name: str, lines: dict, error: dict) -> Problem:
    loc, kind, value = tuple(error["loc"]), error["type"], error.get("input")
    if kind == "extra_forbidden":
        return Problem(name, line_of(lines, loc), _key(loc), _unknown_key(loc))
    if kind == "literal_error":
        message = f"pitää olla jokin näistä / must be one of: {error['ctx']['expected']}"
    elif kind in _MESSAGES:
        message = _MESSAGES[kind]
        for bound_name, bound in (error.get("ctx") or {}).items():  # {gt}, {ge}, {le}; not str.format: `{ … }`
            message = message.replace(f"{{{bound_name}}}", str(bound))
    else:  # our own errors (PydanticCustomError) are already bilingual
        message = error["msg"]
    if kind not in ("missing", "extra_forbidden") and not isinstance(value, dict):
        message += f" (nyt / now: {_show(value)})"
    return Problem(name, line_of(lines, loc), _key(loc), message)


def _unknown_key(loc: tuple) -> str:
    known = _known_keys(loc[:-1])
    close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
    if close:
        return f"tuntematon avain; tarkoititko `{close[0]}`? / unknown key; did you mean `{close[0]}`?"
    return f"tuntematon avain / unknown key; tunnetut / known: {', '.join(known)}"


def _known_keys(loc: tuple) -> list[str]:
    """The keys the schema allows in the table at `loc`."""
    model: type[BaseModel] = HyteToml
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[part].annotation
        model = next(t for t in (annotation, *getattr(annotation, "__args__", ()))
                     if isinstance(t, type) and issubclass(t, BaseModel))
    return list(model.model_fields)


def cross_checks(raw: dict) -> list[tuple[tuple, str]]:
    """Rules between keys, as (location, message). Run on the raw file so that they are reported
    together with any type errors; an entry of the wrong shape is the schema's to report."""
    out: list[tuple[tuple, str]] = []

    def entries(name: str) -> list[tuple[int, dict]]:
        value = raw.get(name)
        return [(i, e) for i, e in enumerate(value) if isinstance(e, dict)] if isinstance(value, list) else []

    def unique(name: str, key: str) -> set:
        seen = Counter()
        for i, entry in entries(name):
            value = entry.get(key)
            if isinstance(value, (str, int)) and not isinstance(value, bool):
                value = value if key == "id" else str(value)  # a code may be written as a number
                seen[value] += 1
                if seen[value] == 2:
                    out.append(((name, i, key), f"'{_cut(value)}' esiintyy kahdesti / appears twice"))
        return set(seen)

    groups, areas = unique("age_groups", "code"), unique("priority_areas", "code")
    unique("indicators", "id")
    for i, group in entries("age_groups"):
        low, high = group.get("min_age"), group.get("max_age")
        if isinstance(low, int) and isinstance(high, int) and high < low:
            out.append((("age_groups", i, "max_age"), f"pienempi kuin min_age {low} / below min_age {low}"))
    for i, ind in entries("indicators"):
        area, group = ind.get("priority_area"), ind.get("age_group")
        if isinstance(area, str) and areas and area not in areas:
            out.append((("indicators", i, "priority_area"),
                        f"tuntematon / unknown '{_cut(area)}'; [[priority_areas]]: {_cut(', '.join(sorted(areas)))}"))
        if isinstance(group, str) and groups and group not in groups:
            out.append((("indicators", i, "age_group"),
                        f"tuntematon / unknown '{_cut(group)}'; [[age_groups]]: {_cut(', '.join(sorted(groups)))}"))
        if ind.get("source") == "local" and not ind.get("title_fi"):
            out.append((("indicators", i), "title_fi puuttuu; paikallinen indikaattori tarvitsee otsikon / "
                                           "title_fi is missing; a local indicator needs a title"))
    plan = raw.get("plan")
    if isinstance(plan, dict) and all(isinstance(plan.get(k), int) for k in ("start_year", "end_year")) \
            and plan["end_year"] < plan["start_year"]:
        out.append((("plan", "end_year"), "ennen start_year-vuotta / before start_year"))
    years = raw.get("sotkanet", {}).get("years") if isinstance(raw.get("sotkanet"), dict) else None
    if isinstance(years, list) and len(years) == 2 and all(isinstance(y, int) for y in years) and years[1] < years[0]:
        out.append((("sotkanet", "years"), "viimeinen vuosi ennen ensimmäistä / the last year is before the first"))
    return out


def _names(section, prefix: str = "name") -> dict[str, str | None]:
    return {lang: getattr(section, f"{prefix}_{lang}") for lang in ("fi", "sv", "en")}


def _config(path: Path, doc: HyteToml, lines: dict) -> Config:
    base = path.parent
    s, d = doc.sotkanet, doc.districts
    district_file = d.file
    id_property, name_property, name_sv_property = d.id_property, d.name_property, d.name_sv_property
    if d.source == "paavo":
        # The cached WFS response is the district file; Paavo's own property names unless set.
        given = d.model_fields_set
        district_file = d.file if "file" in given else f"districts/paavo_{d.paavo_year}.geojson"
        id_property = d.id_property if "id_property" in given else "postinumeroalue"
        name_property = d.name_property if "name_property" in given else "nimi"
        name_sv_property = d.name_sv_property if "name_sv_property" in given else "namn"
    region = (lambda ref: RegionRef(ref.category, ref.code) if ref is not None else None)
    return Config(
        path=path,
        municipality_code=doc.municipality.code,
        municipality_name=_names(doc.municipality),
        is_demo=doc.municipality.demo,
        plan_name=_names(doc.plan),
        plan_start_year=doc.plan.start_year,
        plan_end_year=doc.plan.end_year,
        age_groups=tuple(AgeGroup(g.code, g.name_fi, g.name_sv, g.name_en, g.min_age, g.max_age, i)
                         for i, g in enumerate(doc.age_groups)),
        priority_areas=tuple(PriorityArea(a.code, a.name_fi, a.name_sv, a.name_en, i)
                             for i, a in enumerate(doc.priority_areas)),
        county=region(doc.regions.county),
        country=region(doc.regions.country),
        peers=tuple(doc.regions.peers),
        boundaries_year=doc.regions.boundaries_year,
        profile=doc.regions.profile,
        sotkanet_url=os.environ.get("HYTE_SOTKANET_URL") or s.base_url,
        sotkanet_cache_dir=base / s.cache_dir,
        sotkanet_years=s.years,
        sotkanet_offline=s.offline,
        sotkanet_timeout_s=s.timeout_s,
        sotkanet_retries=s.retries,
        sotkanet_backoff_s=s.backoff_s,
        districts_file=base / district_file if district_file else None,
        district_id_property=id_property,
        district_name_property=name_property,
        district_name_sv_property=name_sv_property,
        districts_source=d.source,
        paavo_year=d.paavo_year,
        paavo_url=d.paavo_url,
        registers_dir=base / doc.registers.dir,
        indicators=tuple(IndicatorConfig(
            id=ind.id, source=ind.source, priority_area=ind.priority_area, age_group=ind.age_group,
            direction=ind.direction, target=ind.target, target_year=ind.target_year, sort_order=i,
            title_fi=ind.title_fi, title_sv=ind.title_sv, title_en=ind.title_en, unit=ind.unit,
            decimals=ind.decimals) for i, ind in enumerate(doc.indicators)),
        key_lines=lines,
    )
