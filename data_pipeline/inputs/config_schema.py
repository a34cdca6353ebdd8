"""The schema of `hyte.toml`: every key with its type, default and meaning.

This is the one declaration of the file's format: `config.load_config` validates against it and
`config_reference` prints docs/hyte-toml.md from it, so the reference cannot drift from the checks.
Each description is a key of the catalogues (`config.<table>.<key>`, in Finnish, Swedish and English in
locales/); a table's own description is its key in `HyteToml`. Rules between keys (unique codes,
references to codes) are in `config.cross_checks`, since they need the whole file.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, Strict
from pydantic_core import PydanticCustomError

DEFAULT_SOTKANET_URL = "https://sotkanet.fi/rest/1.1"
DIRECTIONS = ("higher_better", "lower_better")
# What `hyte publish` puts on the public site unless [publish] says otherwise: the indicators, aggregated
# participation and NGO coverage (the working groups' public facts only when named).
PUBLISHABLE = ("indicators", "participation", "working_groups", "partnerships")
DEFAULT_PUBLISHED = ("indicators", "participation", "partnerships")


def _code_text(value):
    """A code may be written as a number (`code = 6`); it is kept as text."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _blank_is_absent(value):
    """An optional text left empty (`name_sv = ""`) is the same as leaving the key out."""
    return None if value == "" else value


# Our own errors: the type names the message (config._MESSAGES); the text is for logs only.
def _municipality_code(value: str) -> str:
    if not (value.isdigit() and len(value) == 3):
        raise PydanticCustomError("municipality_code", "is not a 3-digit municipality code")
    return value


def _year_pair(value):
    if not isinstance(value, list) or len(value) != 2:
        raise PydanticCustomError("year_pair", "must be a pair of years [first, last]")
    return value


def _as_list(value):
    """`language = "sv"` is `language = ["sv"]`."""
    return [value] if isinstance(value, str) else value


def _each_once(value: list) -> list:
    if len(set(value)) != len(value):
        raise PydanticCustomError("language_twice", "a language is listed twice")
    return value


# Strict types: a TOML file says what a value is, so "12" is not a number and "false" is not false.
Text = Annotated[str, Strict(), Field(min_length=1)]
Code = Annotated[str, BeforeValidator(_code_text), Strict(), Field(min_length=1)]
Whole = Annotated[int, Strict()]
Number = Annotated[float, Strict(), Field(allow_inf_nan=False)]  # a whole number is a number too (`target = 10`)
MunicipalityCode = Annotated[Code, AfterValidator(_municipality_code)]
MaybeText = Annotated[Text | None, BeforeValidator(_blank_is_absent)]
Flag = Annotated[bool, Strict()]
Year = Annotated[int, Strict(), Field(ge=1900, le=2100)]

Language = Literal["fi", "sv", "en"]
Languages = Annotated[list[Language], BeforeValidator(_as_list), Field(min_length=1), AfterValidator(_each_once)]


def describe(key: str, **kwargs):
    """A field whose description is the catalogue text `key` (config_reference prints it)."""
    return Field(description=key, **kwargs)


class Section(BaseModel):
    """A table of hyte.toml: unknown keys are errors (a typo must not silently drop a setting)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Municipality(Section):
    """The municipality the package is about."""

    code: MunicipalityCode = describe("config.municipality.code", examples=['"609"'])
    name_fi: MaybeText = describe("config.municipality.name_fi", default=None)  # required in the package's languages
    name_sv: MaybeText = describe("config.municipality.name_sv", default=None)
    name_en: MaybeText = describe("config.municipality.name_en", default=None)
    demo: Flag = describe("config.municipality.demo", default=False)


class Plan(Section):
    """The wellbeing plan being followed."""

    name_fi: MaybeText = describe("config.plan.name_fi", default=None)
    name_sv: MaybeText = describe("config.plan.name_sv", default=None)
    name_en: MaybeText = describe("config.plan.name_en", default=None)
    start_year: Year | None = describe("config.plan.start_year", default=None)
    end_year: Year | None = describe("config.plan.end_year", default=None)
    # A measure not updated for this many days is flagged, and after the second number it is stale
    # (action-tracking practice: Kausal Watch flags at 30/60 and calls 180 days stale).
    measure_flag_days: Annotated[Whole, Field(gt=0)] = describe("config.plan.measure_flag_days", default=60)
    measure_stale_days: Annotated[Whole, Field(gt=0)] = describe("config.plan.measure_stale_days", default=180)


class AgeGroup(Section):
    """A lifecycle age group; the registers' participant columns are `participants_<code>`."""

    code: Code = describe("config.age_groups.code")
    name_fi: MaybeText = describe("config.age_groups.name_fi", default=None)  # required in the package's languages
    name_sv: MaybeText = describe("config.age_groups.name_sv", default=None)
    name_en: MaybeText = describe("config.age_groups.name_en", default=None)
    min_age: Annotated[Whole, Field(ge=0)] = describe("config.age_groups.min_age")
    max_age: Annotated[Whole, Field(ge=0)] | None = describe("config.age_groups.max_age", default=None)


class PriorityArea(Section):
    """A priority area of the plan."""

    code: Code = describe("config.priority_areas.code")
    name_fi: MaybeText = describe("config.priority_areas.name_fi", default=None)  # required in the package's languages
    name_sv: MaybeText = describe("config.priority_areas.name_sv", default=None)
    name_en: MaybeText = describe("config.priority_areas.name_en", default=None)


class RegionRef(Section):
    """A Sotkanet region: category and code."""

    category: Text = describe("config.region.category")
    code: Code = describe("config.region.code")


class Regions(Section):
    """Comparison regions from Sotkanet."""

    county: RegionRef | None = describe("config.regions.county", default=None)
    country: RegionRef | None = describe("config.regions.country", default=None)
    peers: list[MunicipalityCode] = describe("config.regions.peers", default=[], examples=['["179", "837"]'])
    boundaries_year: Year | None = describe("config.regions.boundaries_year", default=None,
        examples=["2025"])
    profile: Flag = describe("config.regions.profile", default=False)


class Sotkanet(Section):
    """Sotkanet's indicator data and its cache."""

    base_url: Text = describe("config.sotkanet.base_url", default=DEFAULT_SOTKANET_URL)
    cache_dir: Text = describe("config.sotkanet.cache_dir", default="sotkanet")
    years: Annotated[tuple[Year, Year], BeforeValidator(_year_pair)] = describe(
        "config.sotkanet.years", default=(2010, 2030), examples=["[2012, 2024]"])
    offline: Flag = describe("config.sotkanet.offline", default=False)
    timeout_s: Annotated[Number, Field(gt=0)] = describe("config.sotkanet.timeout_s", default=30.0)
    retries: Annotated[Whole, Field(ge=0)] = describe("config.sotkanet.retries", default=3)
    backoff_s: Annotated[Number, Field(ge=0)] = describe("config.sotkanet.backoff_s", default=1.0)


class Districts(Section):
    """The municipality's districts: a GeoJSON file or Paavo's postal areas."""

    source: Literal["file", "paavo"] = describe(
        "config.districts.source",
        default="file")
    file: MaybeText = describe("config.districts.file", default=None)
    id_property: Text = describe("config.districts.id_property", default="code")
    name_property: Text = describe("config.districts.name_property", default="name")
    name_sv_property: MaybeText = describe("config.districts.name_sv_property", default=None)
    paavo_year: Year = describe("config.districts.paavo_year", default=2024)
    paavo_url: MaybeText = describe("config.districts.paavo_url", default=None)


class Registers(Section):
    """The registers (CSV or XLSX) the coordinator fills in."""

    dir: Text = describe("config.registers.dir", default="registers")


class Indicator(Section):
    """An indicator followed, from Sotkanet or local."""

    id: Annotated[Whole, Field(gt=0)] = describe("config.indicators.id")
    source: Literal["sotkanet", "local"] = describe("config.indicators.source", default="sotkanet")
    priority_area: Code = describe("config.indicators.priority_area")
    age_group: Code | None = describe("config.indicators.age_group", default=None)
    direction: Literal[DIRECTIONS] = describe("config.indicators.direction")
    target: Number | None = describe("config.indicators.target", default=None)
    target_year: Year | None = describe("config.indicators.target_year", default=None)
    title_fi: MaybeText = describe("config.indicators.title_fi", default=None)
    title_sv: MaybeText = describe("config.indicators.title_sv", default=None)
    title_en: MaybeText = describe("config.indicators.title_en", default=None)
    unit: MaybeText = describe("config.indicators.unit", default=None)
    decimals: Annotated[Whole, Field(ge=0, le=6)] | None = describe("config.indicators.decimals", default=None)


class Publish(Section):
    """What `hyte publish` puts on the public site."""

    screens: Annotated[list[Literal[PUBLISHABLE]], AfterValidator(_each_once)] = describe(
        "config.publish.screens", default=list(DEFAULT_PUBLISHED), examples=['["indicators", "participation"]'])


class HyteToml(Section):
    """The whole file. A field's description is its table's, printed above the table's keys."""

    language: Languages | None = describe("config.language", default=None, examples=['"sv"', '["sv", "fi"]'])

    municipality: Municipality = describe("config.municipality")
    plan: Plan = describe("config.plan", default=Plan())
    age_groups: Annotated[list[AgeGroup], Field(min_length=1)] = describe("config.age_groups")
    priority_areas: Annotated[list[PriorityArea], Field(min_length=1)] = describe("config.priority_areas")
    regions: Regions = describe("config.regions", default=Regions())
    sotkanet: Sotkanet = describe("config.sotkanet", default=Sotkanet())
    districts: Districts = describe("config.districts", default=Districts())
    registers: Registers = describe("config.registers", default=Registers())
    indicators: list[Indicator] = describe("config.indicators", default=[])
    publish: Publish = describe("config.publish", default=Publish())
