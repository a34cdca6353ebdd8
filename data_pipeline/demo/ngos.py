"""NGOs, their partnerships, activity, joint forums and experiential notes."""

from __future__ import annotations

import random
from datetime import date, timedelta

from data_pipeline.demo.districts import DISTRICTS, GENITIVE
from data_pipeline.demo.town import CY, ENV, LIFE, OL, OLDER_GAP_DISTRICTS, PART, TODAY, WA
from data_pipeline.demo.working_groups import meeting_day

# --- NGOs -----------------------------------------------------------------------------------------

TOWN_NGOS = (  # name, type, whole municipality, home districts, age groups, priority areas
    ("Merilahden seurakunta", "parish", True, (), (CY, WA), (PART, LIFE)),
    ("MLL:n Merilahden yhdistys ry", "association", True, (), (CY,), (PART, ENV)),
    ("Merilahden Mielenterveysseura ry", "association", True, (), (WA,), (PART,)),
    ("SPR Merilahden osasto", "association", True, (), (WA, CY), (PART, ENV)),
    ("Merilahden Nuorisoseura ry", "cultural", True, (), (CY,), (PART,)),
    ("Merilahden Palloseura ry", "sports_club", True, (), (CY,), (LIFE,)),
    ("Merilahden Uimaseura ry", "sports_club", True, (), (CY, WA), (LIFE,)),
    ("Merilahden Martat ry", "association", True, (), (WA,), (LIFE,)),
    ("Merilahden Työttömät ry", "association", True, (), (WA,), (PART,)),
    ("Merilahden A-kilta ry", "association", True, (), (WA,), (LIFE,)),
    ("Merilahden Latu ry", "sports_club", True, (), (WA,), (LIFE, ENV)),
    ("Merilahden Yrittäjät ry", "other", True, (), (WA,), (ENV,)),
    ("Merilahden Eläkkeensaajat ry", "association", False, ("01", "03"), (OL,), (PART, LIFE)),
    ("Eläkeliiton Merilahden yhdistys ry", "association", False, ("05", "06"), (OL,), (PART,)),
    ("Merilahden Sydänyhdistys ry", "association", False, ("01", "02", "08"), (OL, WA), (LIFE,)),
    ("Merilahden Reumayhdistys ry", "association", False, ("04", "05"), (OL,), (LIFE,)),
    ("Merilahden Omaishoitajat ry", "association", False, ("06", "07"), (OL, WA), (PART,)),
    ("Merilahden Meripartiolaiset ry", "association", False, ("02", "04", "12"), (CY,), (ENV, PART)),
    ("Merilahden Teatteriyhdistys ry", "cultural", False, ("01",), (CY, WA), (PART,)),
    ("Merilahden Kuvataideyhdistys ry", "cultural", False, ("01", "03"), (WA, OL), (PART,)),
)
DISTRICT_NGO_KINDS = (  # name suffix after the district genitive, type, age groups, priority areas
    ("asukasyhdistys ry", "association", (WA, OL), (ENV, PART)),
    ("Urheilijat ry", "sports_club", (CY, WA), (LIFE,)),
    ("eläkeläiset ry", "association", (OL,), (PART, LIFE)),
    ("kulttuuriseura ry", "cultural", (CY, WA), (PART,)),
)
NOTES = (  # priority area, age group, note with {place}
    (ENV, OL, "Talvikunnossapito {place} rajoittaa ikääntyneiden liikkumista kodin ulkopuolella."),
    (ENV, CY, "Nuoret kaipaavat {place} valaistua ja katettua kokoontumispaikkaa iltaisin."),
    (ENV, CY, "Koulumatkan vaarallinen risteys {place} huolestuttaa vanhempia."),
    (ENV, WA, "Kävelyreittien valaistus {place} koetaan puutteelliseksi syksyisin."),
    (ENV, None, "Bussivuorojen harvuus {place} vaikeuttaa osallistumista iltatapahtumiin."),
    (PART, OL, "Yksinäisyys näkyy kohtaamispaikan kävijöissä {place}; moni tulee ensimmäistä kertaa vuosiin."),
    (PART, CY, "Tieto harrastuksista ei tavoita nuoria {place}; some toimii paremmin kuin ilmoitustaulu."),
    (PART, WA, "Työttömät kävijät toivovat {place} matalan kynnyksen vapaaehtoistehtäviä."),
    (PART, None, "Asukasillan ajankohta {place} sopi huonosti lapsiperheille; päivällä tuli enemmän väkeä."),
    (LIFE, CY, "Valmentajat ovat huomanneet nuuskan ja sähkötupakan käytön lisääntyneen {place} junioreilla."),
    (LIFE, CY, "Maksuton harrastuskerho on tuonut {place} mukaan lapsia, jotka eivät aiemmin harrastaneet."),
    (LIFE, WA, "Vertaisryhmään {place} hakeutuu yhä useampi alkoholinkäytöstään huolestunut."),
    (LIFE, OL, "Tuolijumppa {place} on täynnä, ja jonossa on kymmeniä ikääntyneitä."),
    (LIFE, OL, "Yhteinen ruokailu {place} on parantanut yksin asuvien ikääntyneiden ruokahalua."),
)
SEAT_HOLDERS = {  # NGO seats of the lifecycle groups; the older people's group has one vacant (see seats)
    "hyte_lapset_nuoret": ("MLL:n Merilahden yhdistys ry", "Merilahden Nuorisoseura ry"),
    "hyte_tyoikaiset": ("Merilahden Mielenterveysseura ry", "Merilahden Työttömät ry"),
    "hyte_ikaantyneet": ("Merilahden Eläkkeensaajat ry",),
}
FORUM_THEMES = {2: "avustukset ja yhteistyö", 5: "hyvinvointikertomus", 9: "talousarvio ja yhteiset palvelut",
                11: "kokemustieto"}
JOINT_SERVICES = ("Perhekahvila perhekeskuksen kanssa", "Ikäihmisten digituki kirjastossa", "Liikuntaluotsit",
                  "Ruoka-apu ja yhteinen ateria", "Nuorten kohtaamispaikka", "Omaishoitajien vertaisryhmä")


def ngo_list(rng: random.Random) -> list[dict]:
    """Town-wide organisations, then a few per district; ids follow that order."""
    ngos = [{"name": n, "type": t, "whole": w, "districts": list(d), "ages": a, "areas": ar}
            for n, t, w, d, a, ar in TOWN_NGOS]
    codes = [d[0] for d in DISTRICTS]
    for code in codes:
        for suffix, kind, ages, areas in DISTRICT_NGO_KINDS:
            if suffix.startswith("eläkeläiset") and code in OLDER_GAP_DISTRICTS:
                continue  # pattern (c): no pensioners' association in Peltola or Kallioranta
            if suffix.startswith("kulttuuri") and code not in OLDER_GAP_DISTRICTS and rng.random() < 0.6:
                continue
            if code == "01" and suffix == "asukasyhdistys ry":
                suffix = "kaupunginosayhdistys ry"
            neighbours = [c for c in codes if c != code and not (OL in ages and c in OLDER_GAP_DISTRICTS)]
            served = sorted([code] + rng.sample(neighbours, rng.choice((0, 0, 1, 2))))
            ngos.append({"name": f"{GENITIVE[code]} {suffix}", "type": kind, "whole": False, "districts": served,
                         "ages": ages, "areas": areas})
    for i, ngo in enumerate(ngos, start=1):
        ngo["id"] = f"J{i:03d}"
        if ngo["whole"] or set(ngo["districts"]) & set(OLDER_GAP_DISTRICTS):
            # Pattern (c): nobody working in Peltola or Kallioranta, or town-wide, works with older people.
            ngo["ages"] = tuple(a for a in ngo["ages"] if a != OL)
    return ngos


def partnership_rows(rng: random.Random, ngos: list[dict]) -> list[dict]:
    rows = []

    def partner(ngo_id, kind, start, end=None, grant=None, group=None, description=None):
        rows.append({"id": f"K{len(rows) + 1:03d}", "ngo": ngo_id, "kind": kind, "start_date": start,
                     "end_date": end, "grant_eur": grant, "group": group, "description": description})

    ids = [n["id"] for n in ngos]
    town_ids = ids[:len(TOWN_NGOS)]  # the town-wide organisations carry agreements and joint services
    for ngo_id in town_ids[:10] + sorted(rng.sample(ids[10:], 6)):
        partner(ngo_id, "agreement", date(rng.randint(2022, 2025), rng.choice((1, 3, 6, 9)), 1),
                description="Kumppanuussopimus")
    for year in (2024, 2025, 2026):
        for ngo_id in sorted(rng.sample(ids, 18)):
            partner(ngo_id, "grant", date(year, 1, 1), date(year, 12, 31), float(rng.randrange(500, 15001, 250)),
                    description=f"Toiminta-avustus {year}")
    for service in JOINT_SERVICES:
        partner(rng.choice(town_ids), "joint_service", date(rng.randint(2023, 2025), 8, 1), description=service)
    # Resident-side seats of the lifecycle groups for the council term from 1.6.2025.
    by_name = {n["name"]: n["id"] for n in ngos}
    for group, holders in SEAT_HOLDERS.items():
        partner(by_name["Merilahden seurakunta"], "seat", date(2025, 6, 1), group=group,
                description="Seurakunnan edustaja")
        for name in holders:
            partner(by_name[name], "seat", date(2025, 6, 1), group=group, description="Järjestöjen edustaja")
    return rows


def note_rows(rng: random.Random, ngos: list[dict]) -> list[dict]:
    """Experiential knowledge: short observations, each from an NGO working with that age group."""
    notes, used = [], set()
    last_day = (TODAY - date(2024, 1, 1)).days - 1
    while len(notes) < 40:
        area, age, text = rng.choice(NOTES)
        ngo = rng.choice([n for n in ngos if age is None or age in n["ages"]])
        place = "Merilahdessa" if ngo["whole"] else f"{GENITIVE[ngo['districts'][0]]} alueella"
        if (text, place) in used:
            continue
        used.add((text, place))
        notes.append({"id": "", "ngo": ngo["id"], "date": date(2024, 1, 1) + timedelta(days=rng.randint(0, last_day)),
                      "priority_area": area, "age_group": age, "note": text.format(place=place)})
    notes.sort(key=lambda n: (n["date"], n["ngo"]))
    for i, note in enumerate(notes, start=1):
        note["id"] = f"KT{i:03d}"
    return notes


def ngo_registers(rng: random.Random) -> dict[str, list[dict]]:
    ngos = ngo_list(rng)
    activities = []
    for ngo in ngos:
        for year in range(rng.choices((2024, 2025, 2026), weights=(8, 2, 1))[0], 2027):
            activities += [{"ngo": ngo["id"], "priority_area": area, "age_group": age, "year": year}
                           for area in ngo["areas"] for age in ngo["ages"]]
    forums = [{"id": f"F{year}-{month:02d}", "date": meeting_day(rng, year, month),
               "title": f"Järjestöfoorumi {year}: {FORUM_THEMES[month]}",
               "ngos": sorted(rng.sample([n["id"] for n in ngos], rng.randint(8, 20)))}
              for year, months in ((2024, (2, 5, 9, 11)), (2025, (2, 5, 9, 11)), (2026, (2, 5, 9)))
              for month in months]
    return {
        "ngos": [{"id": n["id"], "name": n["name"], "type": n["type"], "whole_municipality": n["whole"],
                  "districts": n["districts"]} for n in ngos],
        "partnerships": partnership_rows(rng, ngos),
        "ngo_activities": activities,
        "forums": forums,
        "experiential_notes": note_rows(rng, ngos),
    }
