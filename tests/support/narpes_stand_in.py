"""Hand-made Sotkanet and Paavo answers for Närpes (545), a Swedish-speaking municipality, beside the
Kangasala stand-in's Finnish towns: the Swedish speakers' share (2343) and other languages (187) for every
town, Ostrobothnia's Swedish-speaking towns and Finnish ones of Närpes' size and age structure. Round
made-up figures of the right size, not Statistics Finland's: the tests assert only what follows from them.
"""

from __future__ import annotations

from support.kangasala_stand_in import KANGASALA, fake_paavo, fake_sotkanet, paavo_collection

NARPES = 820
POHJANMAA = 971
# Ostrobothnia's Swedish-speaking towns beside the Kangasala stand-in's Finnish ones (made-up round figures
# of the right size): id, code, fi, sv, population, 0–14 %, 65+ %, Swedish %, other languages per 1,000.
OSTROBOTHNIA = [
    (NARPES, "545", "Närpiö", "Närpes", 9_500, 16.0, 27.0, 78.0, 160.0),
    (821, "287", "Kristiinankaupunki", "Kristinestad", 6_400, 12.0, 33.0, 54.0, 40.0),
    (822, "280", "Korsnäs", "Korsnäs", 2_100, 15.0, 29.0, 95.0, 20.0),
    (823, "475", "Maalahti", "Malax", 5_500, 16.5, 26.0, 85.0, 50.0),
    (824, "946", "Vöyri", "Vörå", 6_600, 17.0, 25.5, 80.0, 30.0),
    (825, "440", "Luoto", "Larsmo", 5_500, 25.0, 14.0, 90.0, 10.0),
    (826, "499", "Mustasaari", "Korsholm", 19_500, 18.0, 22.0, 67.0, 30.0),
]
# Finnish-speaking towns of Närpes' size and age structure: without language as a measure, these come first.
FINNISH_LOOKALIKES = [
    (830, "214", "Kankaanpää", "Kankaanpää", 9_400, 16.0, 27.0, 0.2, 20.0),
    (831, "010", "Alavus", "Alavus", 9_600, 15.5, 27.5, 0.1, 15.0),
    (832, "233", "Kauhava", "Kauhava", 9_900, 16.5, 27.0, 0.2, 18.0),
    (833, "581", "Parkano", "Parkano", 9_300, 15.0, 28.0, 0.1, 10.0),
]


def narpes_sotkanet():
    fake = fake_sotkanet()
    for rid, code, fi, sv, pop, young, old, swedish, other in OSTROBOTHNIA + FINNISH_LOOKALIKES:
        fake.regions.append({"id": rid, "code": code, "category": "KUNTA", "title": {"fi": fi, "sv": sv, "en": fi},
                             "memberOf": [POHJANMAA, 658], "uri": None})
        for indicator, value in ((127, float(pop)), (1064, young), (1067, round(100 - young - old, 1)), (1068, old)):
            fake.data[indicator].append({"indicator": indicator, "region": rid, "year": 2024, "gender": "total",
                                         "value": value, "absValue": None})
    fake.regions.append({"id": POHJANMAA, "code": "17", "category": "HYVINVOINTIALUE", "memberOf": [], "uri": None,
                         "title": {"fi": "Pohjanmaan hyvinvointialue", "sv": "Österbottens välfärdsområde",
                                   "en": "Ostrobothnia wellbeing services county"}})
    languages = {rid: (swedish, other) for rid, _, _, _, _, _, _, swedish, other in OSTROBOTHNIA + FINNISH_LOOKALIKES}
    languages.update({rid: (0.3, 25.0) for rid in (KANGASALA, 801, 802, 804, 806, 807, 808, 810, 811)})
    languages.update({803: (5.0, 40.0), 805: (2.0, 30.0), 809: (0.8, 60.0), 812: (15.0, 80.0)})  # S:t Karins, Reso…
    for indicator, column in ((2343, 0), (187, 1)):
        fake.data[indicator] = [{"indicator": indicator, "region": rid, "year": 2024, "gender": "total",
                                 "value": figures[column], "absValue": None} for rid, figures in languages.items()]
    return fake


def narpes_paavo():
    """Kangasala's 16 squares as Närpes' postal areas, named in Finnish (nimi) and Swedish (namn)."""
    fake, areas = fake_paavo(), paavo_collection()
    for i, feature in enumerate(areas["features"]):
        feature["properties"].update(postinumeroalue=f"64{i:03d}", kunta="545", nimi=f"Närpiö {i + 1}",
                                     namn=f"Närpes {i + 1}")
    fake.collections[(2024, "545")] = areas
    return fake
