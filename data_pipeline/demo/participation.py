"""Participation events and the participation model's adoption by department."""

from __future__ import annotations

import random
from datetime import date, timedelta

from shapely.geometry import shape

from data_pipeline.demo.districts import DISTRICTS, random_point_in
from data_pipeline.demo.plan import DEPARTMENTS
from data_pipeline.demo.town import AGE_CODES, SPARSE_DISTRICT

# --- Participation --------------------------------------------------------------------------------

EVENT_KINDS = {  # type: (weight, levels, participants min–max, title stems)
    "resident_evening": (20, ("information", "planning", "decision"), (10, 60),
                         ("Asukasilta", "Kaupunginosan iltakahvit", "Osallistuvan budjetoinnin ideailta")),
    "popup": (15, ("information", "action"), (15, 120), ("Pop-up-olohuone", "Liikkuva pop-up-tila", "Nuorten pop-up")),
    "pay_what_you_want": (8, ("action", "information"), (40, 250),
                          ("Maksa mitä haluat -uintipäivä", "Maksa mitä haluat -konsertti",
                           "Maksa mitä haluat -museopäivä")),
    "survey": (8, ("information", "planning"), (30, 300),
               ("Kuntalaiskysely", "Lähiliikuntapaikkakysely", "Nuorten vapaa-aikakysely")),
    "workshop": (20, ("planning", "decision"), (5, 25),
                 ("Leikkipuiston suunnittelutyöpaja", "Kouluruokatyöpaja", "Ikäihmisten digityöpaja")),
    "other": (12, ("action", "information", "planning", "decision"), (8, 80),
              ("Kävelykierros", "Siivoustalkoot", "Kirjaston lukupiiri")),
}
EVENTS_FIRST, EVENTS_LAST, N_EVENTS = date(2025, 1, 1), date(2026, 11, 15), 400
SPARSE_EVENTS = (date(2025, 3, 12), date(2025, 9, 24), date(2026, 5, 6))  # the only events ever held in Metsälä


def event_rows(rng: random.Random, features: list[dict]) -> list[dict]:
    geoms = {f["properties"]["code"]: shape(f["geometry"]) for f in features}
    names = {code: fi for code, fi, *_ in DISTRICTS}
    # The islands get a few events despite few residents (summer pop-ups); Metsälä only its SPARSE_EVENTS.
    reachable = [(code, max(residents, 1500)) for code, *_, residents in DISTRICTS if code != SPARSE_DISTRICT]
    small = {code for code, *_, residents in DISTRICTS if residents < 1000}
    kinds = list(EVENT_KINDS)
    drafts = []  # (date, title, district, type, level, department, total participants)
    span = (EVENTS_LAST - EVENTS_FIRST).days
    for _ in range(N_EVENTS):
        day = EVENTS_FIRST + timedelta(days=rng.randint(0, span))
        kind = rng.choices(kinds, weights=[EVENT_KINDS[k][0] for k in kinds])[0]
        _w, levels, (lo, hi), stems = EVENT_KINDS[kind]
        district = None if kind in ("survey", "other") and rng.random() < 0.35 else \
            rng.choices([c for c, _ in reachable], weights=[r for _, r in reachable])[0]
        dept = rng.choices(DEPARTMENTS, weights=(3, 2, 2, 3, 2, 1))[0][0]
        place = names[district] if district else "koko Merilahti"
        title, total = f"{rng.choice(stems)}, {place}", rng.randint(lo, hi)
        if district in small:
            total = max(3, total // 4)  # a handful of islanders: counts under 5 to suppress
        drafts.append((day, title, district, kind, rng.choice(levels), dept, total))
    for day in SPARSE_EVENTS:
        drafts.append((day, f"Asukasilta, {names[SPARSE_DISTRICT]}", SPARSE_DISTRICT, "resident_evening",
                       "information", "kaupunkikehitys", rng.randint(3, 9)))
    mix = {d[0]: d[4] for d in DEPARTMENTS}
    rows, per_year = [], {}
    for day, title, district, kind, level, dept, total in sorted(drafts, key=lambda d: (d[0], d[1])):
        per_year[day.year] = per_year.get(day.year, 0) + 1
        lon, lat = random_point_in(rng, geoms[district]) if district else (None, None)
        row = {"id": f"OS-{day.year}-{per_year[day.year]:03d}", "title": title, "date": day, "district": district,
               "lon": lon, "lat": lat, "department": dept, "event_type": kind, "level": level}
        for age, share in zip(AGE_CODES, mix[dept]):  # floor keeps small groups small: counts of 0–4 happen
            row[f"participants_{age}"] = int(total * share * rng.uniform(0.5, 1.5))
        rows.append(row)
    return rows


def adoption_rows(rng: random.Random) -> list[dict]:
    """Participation-model adoption spreads year by year, unevenly across departments."""
    units = {"sivistys": 34, "sote": 12, "tekninen": 9, "kulttuuri_vapaa_aika": 11, "kaupunkikehitys": 6, "konserni": 5}
    rows = []
    for dept, total in units.items():
        share = rng.uniform(0.1, 0.4)
        for year in (2024, 2025, 2026):
            rows.append({"department": dept, "year": year, "trainings_held": rng.randint(1, 6), "units_total": total,
                         "units_using_model": min(total, round(total * share))})
            share += rng.uniform(0.05, 0.2)
    return rows
