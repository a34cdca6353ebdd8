"""The municipality, its wellbeing services county, the country and similar municipalities, from Sotkanet.

Everything comes from public answers: `/regions` (names in fi/sv/en and each region's `memberOf`),
indicator 127's values (population) and 1064/1067/1068's (age shares), so a proposal can be explained
in the written hyte.toml. Similar municipalities are the nearest by size and age structure
(data_pipeline/compute/similar.py); without the age shares, the nearest in population within the size class.
"""

from __future__ import annotations

import difflib

import datetime as dt
import math
from dataclasses import dataclass, field

import polars as pl

from data_pipeline.compute import similar
from data_pipeline.i18n import Message, msg
from data_pipeline.init.language import LanguageProposal, propose_languages
from data_pipeline.init.presets import COUNTIES, OLD_COUNTY_IDS, POPULATION_INDICATOR, SIZE_CLASSES
from data_pipeline.sources.http import JsonClient, SourceError

PEERS_MIN, PEERS_MAX = 4, 8
PEERS_DEFAULT = 6


class InitError(Exception):
    """`hyte init` cannot go on; the message says what to give instead. `candidates` when a name is ambiguous."""

    def __init__(self, message: Message, candidates: list[Region] | None = None):
        super().__init__(message)
        self.message = message
        self.candidates = candidates or []


@dataclass(frozen=True)
class Region:
    id: int
    category: str
    code: str
    names: dict[str, str]
    member_of: tuple[int, ...] = ()

    @property
    def label(self) -> str:
        sv = self.names.get("sv")
        other = f" / {sv}" if sv and sv != self.names["fi"] else ""
        return f"{self.names['fi']}{other} ({self.code})"

    def label_in(self, lang: str) -> str:
        """The label with the name in `lang` first: "Närpes / Närpiö (545)" in Swedish."""
        own = self.names.get(lang) or self.names["fi"]
        other = self.names.get("sv" if lang == "fi" else "fi")
        return f"{own}{f' / {other}' if other and other != own else ''} ({self.code})"


@dataclass(frozen=True)
class Peer:
    region: Region
    population: int
    share_0_14: float | None = None  # with the age shares: why it was chosen
    share_65_plus: float | None = None
    distance: float | None = None
    share_swedish: float | None = None  # when language was a measure (a bilingual or Swedish municipality)


@dataclass
class Proposal:
    municipality: Region
    county: Region | None
    country: Region | None
    population: int | None = None
    population_year: int | None = None
    size_class: tuple[int, int | None] | None = None
    peers: list[Peer] = field(default_factory=list)
    # The own municipality's age shares (0–14 %, 65+ %) when the peers were chosen by size and age
    # structure; None when by population alone (the age shares did not come).
    own_shares: tuple[float, float] | None = None
    # The package's languages proposed from the Swedish speakers' share, with the reason.
    language: LanguageProposal = field(default_factory=lambda: propose_languages(None, None))
    own_swedish: float | None = None  # the own Swedish share when it was a measure of the peers

    @property
    def by_language(self) -> bool:
        return self.own_swedish is not None


def parse_regions(payload: object) -> list[Region]:
    if not isinstance(payload, list) or not payload:
        raise InitError(msg("init.regions_malformed"))
    out = []
    for item in payload:
        if not isinstance(item, dict) or not {"id", "code", "category"} <= item.keys():
            continue
        title = item.get("title") or {}
        fi = title.get("fi") or str(item["code"])
        out.append(Region(int(item["id"]), str(item["category"]), str(item["code"]),
                          {"fi": fi, "sv": title.get("sv") or fi, "en": title.get("en") or fi},
                          tuple(int(m) for m in item.get("memberOf") or [] if isinstance(m, int))))
    return out


def find_municipality(regions: list[Region], query: str) -> Region:
    """A municipality by its number (`211`, `91`) or its Finnish or Swedish name, case-insensitively."""
    query = query.strip()
    towns = [r for r in regions if r.category == "KUNTA"]
    if query.isdigit():
        code = query.zfill(3)
        match = [r for r in towns if r.code == code]
        if match:
            return match[0]
        raise InitError(msg("init.no_such_code", code=code))
    wanted = query.casefold()
    exact = [r for r in towns if wanted in (r.names["fi"].casefold(), r.names["sv"].casefold())]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise InitError(msg("init.ambiguous", query=query), exact)
    near = [r for r in towns if wanted in r.names["fi"].casefold() or wanted in r.names["sv"].casefold()]
    if not near:  # a typo ("Kusamo"): the names spelled most alike
        by_name = {name.casefold(): r for r in towns for name in (r.names["fi"], r.names["sv"]) if name}
        close = difflib.get_close_matches(wanted, list(by_name), n=5, cutoff=0.75)
        near = list({by_name[name].code: by_name[name] for name in close}.values())
    if near:
        raise InitError(msg("init.did_you_mean", query=query), near[:10])
    raise InitError(msg("init.no_such_name", query=query))


def county_of(regions: list[Region], town: Region) -> Region | None:
    """The wellbeing services county among the town's `memberOf`; an old id (877–898) maps to today's."""
    by_id = {r.id: r for r in regions}
    for member in town.member_of:
        new_id = OLD_COUNTY_IDS[member][0] if member in OLD_COUNTY_IDS else member
        if new_id not in COUNTIES:
            continue
        # The refresh looks the county up in the same region list by code: use the listed entry.
        for candidate in (new_id, member):
            listed = by_id.get(candidate)
            if listed is not None and listed.category == "HYVINVOINTIALUE":
                return listed
        code, name = COUNTIES[new_id]
        return Region(new_id, "HYVINVOINTIALUE", code, {"fi": name, "sv": name, "en": name})
    return None


def country_of(regions: list[Region]) -> Region | None:
    return next((r for r in regions if r.category == "MAA"), None)


def size_class(population: int) -> tuple[int, int | None]:
    return next(c for c in SIZE_CLASSES if population >= c[0] and (c[1] is None or population <= c[1]))


def population_by_region(client: JsonClient, year: int | None = None) -> tuple[dict[int, int], int | None]:
    """Indicator 127 (population 31 Dec) for every region, in the latest year that has values."""
    last = year or dt.date.today().year
    rows = client.get("json", msg("init.what.population", indicator=POPULATION_INDICATOR),
                      [("indicator", POPULATION_INDICATOR), *(("years", y) for y in range(last - 4, last + 1)),
                       ("genders", "total")])
    if not isinstance(rows, list):
        return {}, None
    years = [r.get("year") for r in rows if isinstance(r, dict) and r.get("value") is not None]
    if not years:
        return {}, None
    latest = max(years)
    return {int(r["region"]): int(r["value"]) for r in rows
            if isinstance(r, dict) and r.get("year") == latest and r.get("value") is not None
            and r.get("gender", "total") == "total"}, latest


def propose_peers(regions: list[Region], town: Region, population: dict[int, int],
                  count: int = PEERS_DEFAULT) -> list[Peer]:
    """`count` municipalities of the town's size class nearest to it in population (ratio, not difference).

    If the class has fewer, the nearest of the neighbouring classes fill up to PEERS_MIN.
    """
    own = population.get(town.id)
    if own is None:
        return []
    cls = size_class(own)
    towns = [Peer(r, population[r.id]) for r in regions
             if r.category == "KUNTA" and r.id != town.id and r.id in population]
    distance = lambda p: abs(math.log(p.population / own)) if p.population > 0 else math.inf  # noqa: E731
    same = sorted((p for p in towns if size_class(p.population) == cls), key=distance)[:count]
    if len(same) < PEERS_MIN:
        rest = sorted((p for p in towns if p not in same), key=distance)
        same += rest[:PEERS_MIN - len(same)]
    return same


AGE_INDICATORS = (similar.SHARE_0_14, similar.SHARE_15_64, similar.SHARE_65_PLUS)


def age_shares(client: JsonClient, year: int | None) -> dict[int, dict[int, float]]:
    """Indicators 1064, 1067, 1068 (age groups as % of the population) for every region in `year`:
    indicator id -> region id -> value. Empty when Sotkanet does not answer (the proposal then goes by
    population alone) or without a population year."""
    if year is None:
        return {}
    out: dict[int, dict[int, float]] = {}
    try:
        for indicator in AGE_INDICATORS:
            rows = client.get("json", msg("init.what.age_structure", indicator=indicator),
                              [("indicator", indicator), ("years", year), ("genders", "total")])
            out[indicator] = {int(r["region"]): float(r["value"]) for r in rows or []
                              if isinstance(r, dict) and r.get("year") == year and r.get("value") is not None
                              and r.get("gender", "total") == "total"}
    except SourceError:
        return {}
    return out


def similar_peers(regions: list[Region], town: Region, population: dict[int, int], year: int | None,
                  ages: dict[int, dict[int, float]], count: int, swedish: dict[int, float] | None = None) -> list[Peer]:
    """The `count` municipalities nearest to the town by size and age structure (similar.py), and by the
    Swedish speakers' share when `swedish` is given (a bilingual or Swedish municipality), with their
    figures; empty when the town's own profile is incomplete."""
    if not ages or year is None:
        return []
    if swedish:
        ages = {**ages, similar.SHARE_SWEDISH: swedish}
    values = pl.DataFrame(
        [{"indicator_id": similar.POPULATION, "region_id": rid, "year": year, "gender": "total", "value": float(v)}
         for rid, v in population.items()]
        + [{"indicator_id": ind, "region_id": rid, "year": year, "gender": "total", "value": v}
           for ind, by_region in ages.items() for rid, v in by_region.items()],
        schema={"indicator_id": pl.Int64, "region_id": pl.Int64, "year": pl.Int64, "gender": pl.Utf8,
                "value": pl.Float64})
    frame = pl.DataFrame([{"id": r.id, "category": r.category, "code": r.code, "name_fi": r.names["fi"]}
                          for r in regions if r.category == "KUNTA"],
                         schema={"id": pl.Int64, "category": pl.Utf8, "code": pl.Utf8, "name_fi": pl.Utf8})
    measures = similar.LANGUAGE_MEASURES if swedish else similar.MEASURES
    found = similar.similar_municipalities(similar.municipality_profiles(values, frame, year), town.code, n=count,
                                           measures=measures)
    by_code = {r.code: r for r in regions if r.category == "KUNTA"}
    return [Peer(by_code[row["code"]], int(row["population"]), row["share_0_14"], row["share_65_plus"],
                 row["distance"], row["share_swedish"] if swedish else None) for row in found.iter_rows(named=True)]


def propose(client: JsonClient) -> tuple[list[Region], dict[int, int], int | None]:
    """The region list and the latest population, both from Sotkanet."""
    regions = parse_regions(client.get("regions", msg("sotkanet.region_list")))
    population, year = population_by_region(client)
    return regions, population, year


def build_proposal(regions: list[Region], population: dict[int, int], year: int | None, town: Region,
                   peer_count: int = PEERS_DEFAULT, ages: dict[int, dict[int, float]] | None = None,
                   languages: tuple[dict[int, float], dict[int, float]] | None = None) -> Proposal:
    """The county, the country, the package's languages and the peers: by size and age structure when
    `ages` (age_shares) has the town's, and by the Swedish speakers' share too when `languages`
    (language.language_figures) makes the town bilingual or Swedish; else by population within the size class."""
    own = population.get(town.id)
    swedish, others = languages or ({}, {})
    language = propose_languages(swedish.get(town.id), own, others.get(town.id), year)
    by_language = swedish if language.languages != ("fi",) and town.id in swedish else None
    peers = similar_peers(regions, town, population, year, ages or {}, peer_count, by_language)
    own_shares = None
    if peers:
        own_shares = (ages[similar.SHARE_0_14][town.id], ages[similar.SHARE_65_PLUS][town.id])
    else:
        by_language = None
        peers = propose_peers(regions, town, population, peer_count)
    return Proposal(town, county_of(regions, town), country_of(regions), own, year,
                    size_class(own) if own is not None else None, peers, own_shares, language,
                    by_language[town.id] if by_language else None)
