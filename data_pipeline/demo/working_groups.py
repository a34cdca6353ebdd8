"""Working groups, their seats, meetings, topics and the annual clock."""

from __future__ import annotations

import random
from datetime import date, timedelta

from data_pipeline.demo.town import CY, ENV, LIFE, OL, PART, PRIORITY_AREAS, QUIET_GROUP, TODAY, WA

# --- Working groups -------------------------------------------------------------------------------

GROUPS = (  # code, kind, parent, age group, meetings min–max, officials, fi, sv, en
    ("johtoryhma", "leadership", None, None, (10, 11), 9, "Kunnan johtoryhmä", "Kommunens ledningsgrupp",
     "Municipal leadership group"),
    ("hyte_ohjausryhma", "steering", "johtoryhma", None, (5, 6), 10, "Hyvinvoinnin ohjausryhmä",
     "Styrgruppen för välfärd", "Wellbeing steering group"),
    ("hyte_lapset_nuoret", "lifecycle", "hyte_ohjausryhma", CY, (5, 6), 7, "Lasten ja nuorten hyvinvointiryhmä",
     "Välfärdsgruppen för barn och unga", "Children and youth wellbeing group"),
    ("hyte_tyoikaiset", "lifecycle", "hyte_ohjausryhma", WA, (5, 6), 7, "Työikäisten hyvinvointiryhmä",
     "Välfärdsgruppen för personer i arbetsför ålder", "Working-age wellbeing group"),
    ("hyte_ikaantyneet", "lifecycle", "hyte_ohjausryhma", OL, (5, 6), 7, "Ikääntyneiden hyvinvointiryhmä",
     "Välfärdsgruppen för äldre", "Older people's wellbeing group"),
    ("perhekeskus", "subgroup", "hyte_lapset_nuoret", CY, (4, 6), 6, "Perhekeskusryhmä", "Familjecentergruppen",
     "Family centre group"),
    ("opiskeluhuolto", "subgroup", "hyte_lapset_nuoret", CY, (4, 6), 6, "Opiskeluhuollon ohjausryhmä",
     "Styrgruppen för elevhälsa", "Student welfare group"),
    ("ehkaiseva_paihdetyo", "subgroup", "hyte_tyoikaiset", WA, (4, 6), 6, "Ehkäisevän päihdetyön työryhmä",
     "Arbetsgruppen för förebyggande missbruksarbete", "Preventive substance abuse group"),
)
RESIDENT_SEATS = (("entrepreneur", 1), ("parish", 1), ("ngo", 2))  # every lifecycle group, by the rule
VACANT_NGO_SEAT_GROUP = "hyte_ikaantyneet"
TOPICS = {
    ENV: ("Lähiliikuntapaikkojen kunto", "Turvallinen koulumatka", "Kävelyreittien valaistus",
          "Asuinalueiden viihtyisyys", "Kaatumisten ehkäisy kotona"),
    PART: ("Osallisuusmallin käyttöönotto", "Asukasiltojen palaute", "Järjestöyhteistyön kuulumiset",
           "Yksinäisyyden vähentäminen", "Nuorisovaltuuston aloitteet"),
    LIFE: ("Nuorten nikotiinituotteiden käyttö", "Liikkumisen edistäminen", "Kouluruokailu ja ravitsemus",
           "Alkoholin riskikäyttö", "Ikäihmisten liikuntaryhmät"),
}
MEETING_MONTHS = (1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12)  # July is the Finnish summer break
CLOCK = (  # month, fi, sv, en
    (1, "Hyvinvointityön vuosisuunnitelma", "Årsplan för välfärdsarbetet", "Annual plan for wellbeing work"),
    (2, "Indikaattoritietojen päivitys", "Uppdatering av indikatordata", "Indicator data update"),
    (3, "Järjestöavustusten myöntäminen", "Beviljande av föreningsbidrag", "NGO grants awarded"),
    (4, "Hyvinvointikertomus valtuustolle", "Välfärdsberättelse till fullmäktige", "Wellbeing report to the council"),
    (5, "Talousarvion hyvinvointilinjaukset", "Välfärdsriktlinjer för budgeten", "Wellbeing guidelines for the budget"),
    (6, "Osallisuusmallin tilannekatsaus", "Lägesöversikt över delaktighetsmodellen", "Participation-model review"),
    (8, "Hyvinvointisuunnitelman väliarvio", "Halvtidsutvärdering av välfärdsplanen", "Mid-term review of the plan"),
    (9, "Talousarvioesityksen hyvinvointivaikutusten arviointi", "Bedömning av budgetförslagets välfärdskonsekvenser",
     "Wellbeing impact assessment of the draft budget"),
    (10, "Kuntalaiskyselyn tulokset", "Resultaten av invånarenkäten", "Resident survey results"),
    (11, "Järjestöfoorumin palaute johtoryhmälle", "Organisationsforumets respons till ledningsgruppen",
     "NGO forum feedback to the leadership group"),
    (12, "Seuraavan vuoden vuosikello", "Nästa års årshjul", "Next year's annual clock"),
)


def meeting_day(rng: random.Random, year: int, month: int) -> date:
    day = date(year, month, rng.randint(1, 24))
    return day + timedelta(days=(7 - day.weekday()) % 7 if day.weekday() > 3 else 0)  # Monday–Thursday


def group_registers(rng: random.Random) -> dict[str, list[dict]]:
    groups, seats, meetings, topics = [], [], [], []
    size = {}
    for code, kind, parent, age, (lo, hi), officials, fi, sv, en in GROUPS:
        groups.append({"code": code, "name_fi": fi, "name_sv": sv, "name_en": en, "kind": kind, "parent": parent,
                       "age_group": age, "target_meetings_min": lo, "target_meetings_max": hi})
        seats.append({"group": code, "seat_type": "official", "seats_required": officials, "seats_filled": officials})
        size[code] = officials
        if kind == "lifecycle":
            for seat, required in RESIDENT_SEATS:
                filled = required - 1 if (seat, code) == ("ngo", VACANT_NGO_SEAT_GROUP) else required
                seats.append({"group": code, "seat_type": seat, "seats_required": required, "seats_filled": filled})
                size[code] += filled
    lifecycle = [g[0] for g in GROUPS if g[1] == "lifecycle"]
    for year in range(2022, TODAY.year + 1):
        joint_months = sorted(rng.sample((3, 10), rng.randint(1, 2)))  # lifecycle groups meet together 1–2 times
        joint_days = [meeting_day(rng, year, m) for m in joint_months]
        own_months = [m for m in MEETING_MONTHS if m not in joint_months]
        for code, _kind, _p, _a, (lo, hi), *_ in GROUPS:
            is_lifecycle = code in lifecycle
            count = 3 if (code, year) == (QUIET_GROUP, 2025) else rng.randint(lo, hi)
            joint = joint_days[:1] if (code, year) == (QUIET_GROUP, 2025) else joint_days if is_lifecycle else []
            months = own_months if is_lifecycle else MEETING_MONTHS
            days = [(d, True) for d in joint]
            days += [(meeting_day(rng, year, m), False) for m in rng.sample(months, count - len(joint))]
            for day, is_joint in sorted(days):
                if day > TODAY:
                    continue  # the rest of this year's meetings have not happened yet
                meeting_id = f"{code}-{day:%Y%m%d}"
                meetings.append({"id": meeting_id, "group": code, "date": day, "joint": is_joint,
                                 "invited": size[code], "present": size[code] - rng.randint(0, size[code] // 4)})
                for area in sorted(rng.sample([a[0] for a in PRIORITY_AREAS], rng.randint(1, 2))):
                    topics.append({"meeting": meeting_id, "priority_area": area, "topic": rng.choice(TOPICS[area])})
    clock = [{"id": f"VK2026-{m:02d}", "year": 2026, "month": m, "title_fi": fi, "title_sv": sv, "title_en": en,
              "status": "done" if m < TODAY.month else "planned"} for m, fi, sv, en in CLOCK]
    return {"working_groups": groups, "seats": seats, "meetings": meetings, "meeting_topics": topics,
            "annual_clock": clock}
