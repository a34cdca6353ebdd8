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

from data_pipeline.compute.similar import PROFILE_INDICATORS, SHARE_SWEDISH
from data_pipeline.i18n import Message, msg
from data_pipeline.inputs.config_schema import DEFAULT_PUBLISHED, DEFAULT_SOTKANET_URL, DIRECTIONS, HyteToml
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
    name_fi: str  # Finnish, else the name in the package's language (`shown_name`): what screens fall back to
    name_sv: str | None
    name_en: str | None
    min_age: int
    max_age: int | None
    sort_order: int


@dataclass(frozen=True)
class PriorityArea:
    code: str
    name_fi: str  # as AgeGroup.name_fi
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
    # The package's languages, primary first (`language`); () when hyte.toml names none.
    languages: tuple[str, ...] = ()
    boundaries_year: int | None = None  # municipality boundaries of this year's division, for the map
    measure_flag_days: int = 60  # a measure not updated for this long is flagged ([plan] measure_flag_days)
    measure_stale_days: int = 180  # ... and after this long it is stale
    profile: bool = False  # population and age structure of every municipality (similar municipalities)
    published: tuple[str, ...] = DEFAULT_PUBLISHED  # the screens `hyte publish` puts on the public site
    # Where each key is in the file, for problems found later (e.g. a cache missing because offline).
    key_lines: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def base_dir(self) -> Path:
        return self.path.parent

    def line_of(self, *path) -> int:
        """The line in hyte.toml of a key, e.g. `config.line_of("sotkanet", "offline")`."""
        return line_of(self.key_lines, path)

    @property
    def name_languages(self) -> tuple[str, ...]:
        """The languages every name and text is required in: `language`, Finnish if it names none."""
        return self.languages or ("fi",)

    @property
    def age_group_codes(self) -> tuple[str, ...]:
        return tuple(g.code for g in self.age_groups)

    @property
    def profile_ids(self) -> tuple[int, ...]:
        """Sotkanet indicators fetched for the municipalities' profiles and not in the plan (`[regions] profile`)."""
        plan = {ind.id for ind in self.indicators if ind.source == "sotkanet"}
        wanted = (*PROFILE_INDICATORS, *((SHARE_SWEDISH,) if self.by_language else ()))
        return tuple(i for i in wanted if i not in plan) if self.profile else ()

    @property
    def by_language(self) -> bool:
        """A bilingual or Swedish-speaking package: its similar municipalities are near in the Swedish share too."""
        return "sv" in self.languages


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
        return None, [Problem(name, 1, "-", msg("config.not_found", path=str(path)))]
    except IsADirectoryError:
        return None, [Problem(name, 1, "-", msg("config.is_folder", path=str(path)))]
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[:exc.start].count(b"\n") + 1
        return None, [Problem(name, line, "-", msg("config.not_utf8"))]
    except OSError as exc:
        return None, [Problem(name, 1, "-", msg("config.cannot_read", error=exc.strerror))]
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return None, [_syntax_problem(name, exc, text)]
    except RecursionError:  # tomllib nests arrays by recursion: `a = [[[[…` thousands deep
        return None, [Problem(name, 1, "-", msg("config.nested_too_deep"))]
    lines = key_lines(text)
    problems = []
    try:
        doc = HyteToml.model_validate(raw)
    except ValidationError as exc:
        doc = None
        problems += [_schema_problem(name, lines, error) for error in exc.errors()]
    problems += [Problem(name, line_of(lines, loc), _key(loc), message) for loc, message in cross_checks(raw)]
    if problems:
        return None, sorted(set(problems), key=lambda p: (p.line, p.column, str(p.message)))
    return _config(path, doc, lines), []


# `target = 8,5`: a number typed the Finnish way, which TOML reads as a number and a stray comma.
_DECIMAL_COMMA = re.compile(r"^\s*([A-Za-z0-9_.\"'-]+)\s*=\s*(-?\d+),(\d+)\s*(#.*)?$")


def _syntax_problem(name: str, exc: tomllib.TOMLDecodeError, text: str = "") -> Problem:
    # tomllib's message ends "(at line 3, column 8)"; newer Pythons also give exc.lineno.
    found = re.search(r"\(at line (\d+), column (\d+)\)$", str(exc))
    line = getattr(exc, "lineno", None) or (int(found.group(1)) if found else 1)
    lines = text.splitlines()
    comma = _DECIMAL_COMMA.match(lines[line - 1]) if 0 < line <= len(lines) else None
    if comma:  # tomllib says only "Expected newline or end of document after a statement"
        key, whole, decimals = comma.group(1), comma.group(2), comma.group(3)
        return Problem(name, line, key, msg("config.decimal_comma", typed=f"{whole},{decimals}",
                                            fixed=f"{whole}.{decimals}", key=key))
    detail = re.sub(r"\s*\(at line \d+, column \d+\)$|\s*\(at end of document\)$", "", str(exc))
    if found:  # tomllib's own words (English) name what it expected
        return Problem(name, line, "-", msg("config.syntax_error_at", column=found.group(2), detail=detail))
    return Problem(name, line, "-", msg("config.syntax_error", detail=detail))


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


# pydantic's error types, and our own (config_schema's PydanticCustomError), -> the message's key; the
# bounds of greater_than & co. ({gt}, {ge}, {le}) are the error's context.
_MESSAGES = {
    "missing": "config.error.missing", "int_type": "config.error.int_type", "float_type": "config.error.float_type",
    "finite_number": "config.error.finite_number", "bool_type": "config.error.bool_type",
    "string_type": "config.error.string_type", "string_too_short": "config.error.string_too_short",
    "list_type": "config.error.list_type", "too_short": "config.error.too_short",
    "model_type": "config.error.model_type", "greater_than": "config.error.greater_than",
    "greater_than_equal": "config.error.greater_than_equal", "less_than_equal": "config.error.less_than_equal",
    "municipality_code": "config.error.municipality_code", "year_pair": "config.error.year_pair",
    "language_twice": "config.error.language_twice",
}


def _schema_problem(name: str, lines: dict, error: dict) -> Problem:
    loc, kind, value = tuple(error["loc"]), error["type"], error.get("input")
    if kind == "extra_forbidden":
        return Problem(name, line_of(lines, loc), _key(loc), _unknown_key(loc))
    if kind == "literal_error":
        # pydantic says "'a' or 'b'" in English; the allowed values alone read the same in every language.
        allowed = ", ".join(re.findall(r"'[^']*'", error["ctx"]["expected"])) or error["ctx"]["expected"]
        message: Message | str = msg("config.error.literal", allowed=allowed)
    elif kind in _MESSAGES:
        bounds = {k: v for k, v in (error.get("ctx") or {}).items() if k in ("gt", "ge", "le")}
        message = msg(_MESSAGES[kind], **bounds)
    else:  # a check of pydantic's we have no words for: its own (English)
        message = error["msg"]
    if kind not in ("missing", "extra_forbidden") and not isinstance(value, dict):
        message = msg("config.error.now", error=message, value=_show(value))
    return Problem(name, line_of(lines, loc), _key(loc), message)


def _unknown_key(loc: tuple) -> Message:
    known = _known_keys(loc[:-1])
    close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
    if close:
        return msg("config.unknown_key_did_you_mean", key=close[0])
    return msg("config.unknown_key", known=", ".join(known))


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


def cross_checks(raw: dict) -> list[tuple[tuple, Message]]:
    """Rules between keys, as (location, message). Run on the raw file so that they are reported
    together with any type errors; an entry of the wrong shape is the schema's to report."""
    out: list[tuple[tuple, Message]] = []

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
                    out.append(((name, i, key), msg("config.appears_twice", value=_cut(value))))
        return set(seen)

    languages = package_name_languages(raw.get("language"))
    for table in ("municipality", "age_groups", "priority_areas"):
        for where, entry in ([((table,), raw[table])] if isinstance(raw.get(table), dict)
                             else [((table, i), e) for i, e in entries(table)]):
            for lang in languages:  # a name in each of the package's languages (Finnish only if it names none)
                if not entry.get(f"name_{lang}"):
                    out.append(((*where, f"name_{lang}"), msg("config.name_missing", language=msg(f"language.in.{lang}"))))
    groups, areas = unique("age_groups", "code"), unique("priority_areas", "code")
    unique("indicators", "id")
    for i, group in entries("age_groups"):
        low, high = group.get("min_age"), group.get("max_age")
        if isinstance(low, int) and isinstance(high, int) and high < low:
            out.append((("age_groups", i, "max_age"), msg("config.below_min_age", low=low)))
    for i, ind in entries("indicators"):
        area, group = ind.get("priority_area"), ind.get("age_group")
        if isinstance(area, str) and areas and area not in areas:
            out.append((("indicators", i, "priority_area"),
                        msg("config.unknown_code", value=_cut(area), table="[[priority_areas]]",
                            known=_cut(", ".join(sorted(areas))))))
        if isinstance(group, str) and groups and group not in groups:
            out.append((("indicators", i, "age_group"),
                        msg("config.unknown_code", value=_cut(group), table="[[age_groups]]",
                            known=_cut(", ".join(sorted(groups))))))
        if ind.get("source") == "local" and not any(ind.get(f"title_{lang}") for lang in languages):
            out.append((("indicators", i), msg("config.local_title_missing", key=f"title_{languages[0]}")))
    plan = raw.get("plan") if isinstance(raw.get("plan"), dict) else {}
    start, end = (plan.get(k) if _whole(plan.get(k)) else None for k in ("start_year", "end_year"))
    if start is not None and end is not None and end < start:
        out.append((("plan", "end_year"), msg("config.end_before_start")))
    for i, ind in entries("indicators"):
        year = ind.get("target_year")
        if not _whole(year):
            continue
        if start is not None and year < start:
            out.append((("indicators", i, "target_year"),
                        msg("config.target_before_plan", year=year, start=start, end=end if end is not None else "…")))
        elif end is not None and year > end:
            out.append((("indicators", i, "target_year"),
                        msg("config.target_after_plan", year=year, start=start if start is not None else "…", end=end)))
    flag, stale = plan.get("measure_flag_days"), plan.get("measure_stale_days", 180)
    if _whole(flag) and _whole(stale) and stale <= flag:
        out.append((("plan", "measure_stale_days"), msg("config.stale_not_after_flag", flag=flag)))
    years = raw.get("sotkanet", {}).get("years") if isinstance(raw.get("sotkanet"), dict) else None
    if isinstance(years, list) and len(years) == 2 and all(isinstance(y, int) for y in years) and years[1] < years[0]:
        out.append((("sotkanet", "years"), msg("config.years_reversed")))
    return out


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def package_name_languages(value) -> tuple[str, ...]:
    """The languages names are required in: hyte.toml's `language` (one or a list), Finnish if it names
    none (or names something the schema refuses: that is reported on its own)."""
    listed = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    known = tuple(lang for lang in listed if lang in ("fi", "sv", "en"))
    return known if known and len(known) == len(listed) else ("fi",)


def shown_name(names: dict[str, str | None], languages: tuple[str, ...]) -> str | None:
    """The name stored as `name_fi`, which every screen falls back to when its own language has none:
    the Finnish one, else the one in the package's first language that has it (a Swedish-speaking
    municipality's register may name things in Swedish only; a Finnish screen then shows the Swedish name)."""
    for lang in ("fi", *languages, "sv", "en"):
        if names.get(lang):
            return names[lang]
    return None


def _names(section, prefix: str = "name", languages: tuple[str, ...] = ("fi",)) -> dict[str, str | None]:
    names = {lang: getattr(section, f"{prefix}_{lang}") for lang in ("fi", "sv", "en")}
    return {**names, "fi": shown_name(names, languages)}


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
    languages = tuple(doc.language or ("fi",))
    return Config(
        path=path,
        municipality_code=doc.municipality.code,
        municipality_name=_names(doc.municipality, languages=languages),
        is_demo=doc.municipality.demo,
        plan_name=_names(doc.plan, languages=languages),
        plan_start_year=doc.plan.start_year,
        plan_end_year=doc.plan.end_year,
        measure_flag_days=doc.plan.measure_flag_days,
        measure_stale_days=doc.plan.measure_stale_days,
        age_groups=tuple(AgeGroup(g.code, _names(g, languages=languages)["fi"], g.name_sv, g.name_en, g.min_age,
                                  g.max_age, i) for i, g in enumerate(doc.age_groups)),
        priority_areas=tuple(PriorityArea(a.code, _names(a, languages=languages)["fi"], a.name_sv, a.name_en, i)
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
        languages=tuple(doc.language or ()),
        indicators=tuple(IndicatorConfig(
            id=ind.id, source=ind.source, priority_area=ind.priority_area, age_group=ind.age_group,
            direction=ind.direction, target=ind.target, target_year=ind.target_year, sort_order=i,
            title_fi=ind.title_fi, title_sv=ind.title_sv, title_en=ind.title_en, unit=ind.unit,
            decimals=ind.decimals) for i, ind in enumerate(doc.indicators)),
        published=tuple(doc.publish.screens),
        key_lines=lines,
    )
