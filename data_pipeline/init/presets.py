"""Public facts and starting points `hyte init` writes into a new package: counties, age groups, presets.

Nothing here is a guess about one municipality: the wellbeing services counties and their Sotkanet
ids are public (THL), the lifecycle age groups are the national convention of wellbeing reports, and
the indicator presets are the Pori example's real Sotkanet indicators with each one's direction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from data_pipeline.inputs.config_edit import area_code

# Sotkanet's HYVINVOINTIALUE regions. The ids changed once, in 2023 (old 877–898 → today's 956–978),
# and the codes with them; a municipality's `memberOf` may still carry an old id. (new id: code, name)
COUNTIES: dict[int, tuple[str, str]] = {
    956: ("91", "Ahvenanmaa"),
    957: ("11", "Etelä-Karjalan hyvinvointialue"),
    958: ("16", "Etelä-Pohjanmaan hyvinvointialue"),
    959: ("12", "Etelä-Savon hyvinvointialue"),
    960: ("90", "Helsingin kaupunki"),
    961: ("1", "Itä-Uudenmaan hyvinvointialue"),
    962: ("20", "Kainuun hyvinvointialue"),
    963: ("7", "Kanta-Hämeen hyvinvointialue"),
    964: ("18", "Keski-Pohjanmaan hyvinvointialue"),
    965: ("15", "Keski-Suomen hyvinvointialue"),
    966: ("2", "Keski-Uudenmaan hyvinvointialue"),
    967: ("10", "Kymenlaakson hyvinvointialue"),
    968: ("21", "Lapin hyvinvointialue"),
    969: ("3", "Länsi-Uudenmaan hyvinvointialue"),
    970: ("8", "Pirkanmaan hyvinvointialue"),
    971: ("17", "Pohjanmaan hyvinvointialue"),
    972: ("14", "Pohjois-Karjalan hyvinvointialue"),
    973: ("19", "Pohjois-Pohjanmaan hyvinvointialue"),
    974: ("13", "Pohjois-Savon hyvinvointialue"),
    975: ("9", "Päijät-Hämeen hyvinvointialue"),
    976: ("6", "Satakunnan hyvinvointialue"),
    977: ("4", "Vantaan ja Keravan hyvinvointialue"),
    978: ("5", "Varsinais-Suomen hyvinvointialue"),
}
# Old id → (today's id, the old code). Åland had no old id.
OLD_COUNTY_IDS: dict[int, tuple[int, str]] = {
    877: (957, "7"), 878: (958, "12"), 879: (959, "8"), 880: (960, "22"), 881: (961, "18"), 882: (962, "16"),
    883: (963, "3"), 884: (964, "14"), 885: (965, "11"), 886: (966, "19"), 887: (967, "6"), 888: (968, "17"),
    889: (969, "20"), 890: (970, "4"), 891: (971, "13"), 892: (972, "10"), 893: (973, "15"), 894: (974, "9"),
    895: (975, "5"), 896: (976, "2"), 897: (977, "21"), 898: (978, "1"),
}

POPULATION_INDICATOR = 127  # Sotkanet "Väkiluku" (population 31 Dec), Statistics Finland

# Statistics Finland's municipal size classes (residents), used to propose comparison municipalities.
SIZE_CLASSES: tuple[tuple[int, int | None], ...] = (
    (0, 1_999), (2_000, 5_999), (6_000, 9_999), (10_000, 19_999), (20_000, 39_999), (40_000, 99_999),
    (100_000, None))

AGE_GROUPS = (  # code, fi, sv, en, min, max: the three lifecycle groups of wellbeing reports
    ("children_youth", "Lapset ja nuoret", "Barn och unga", "Children and youth", 0, 17),
    ("working_age", "Työikäiset", "Personer i arbetsför ålder", "Working-age", 18, 64),
    ("older", "Ikääntyneet", "Äldre", "Older people", 65, None),
)

AREA_PRESETS: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    # The Pori wellbeing programme's three priority areas: a common national shape.
    "pori": (
        ("environment", "Viihtyisä ja turvallinen elinympäristö", "Trivsam och trygg livsmiljö",
         "Pleasant and safe living environment"),
        ("participation", "Osallistuva ja aktiivinen kuntalainen", "Delaktig och aktiv kommuninvånare",
         "Participating and active resident"),
        ("lifestyles", "Terveelliset elämäntavat", "Hälsosamma levnadsvanor", "Healthy lifestyles"),
    ),
    # One area to rename: the package must load before the plan's own areas are written in.
    "empty": (
        ("plan", "Hyvinvointisuunnitelman painopiste (nimeä)", "Välfärdsplanens fokusområde (namnge)",
         "Wellbeing plan priority area (rename)"),
    ),
}


@dataclass(frozen=True)
class PresetIndicator:
    id: int
    priority_area: str  # a code of the "pori" areas; mapped to "plan" with --areas empty
    age_group: str | None
    direction: str
    title_fi: str


PORI_INDICATORS = (
    PresetIndicator(288, "lifestyles", "children_youth", "lower_better", "Tupakoi päivittäin, % 8. ja 9. luokan oppilaista"),
    PresetIndicator(289, "lifestyles", "children_youth", "lower_better", "Tosi humalassa vähintään kerran kuukaudessa, % 8. ja 9. luokan oppilaista"),
    PresetIndicator(3906, "lifestyles", "children_youth", "lower_better", "Ylipaino, % 8. ja 9. luokan oppilaista"),
    PresetIndicator(3905, "lifestyles", "children_youth", "lower_better", "Harrastaa hengästyttävää liikuntaa vapaa-ajalla korkeintaan 1 h viikossa, % 8. ja 9. luokan oppilaista"),
    PresetIndicator(1514, "environment", "children_youth", "lower_better", "Koulukiusattuna vähintään kerran viikossa, % 8. ja 9. luokan oppilaista"),
    PresetIndicator(333, "environment", "children_youth", "lower_better", "Väkivaltatilanteet haittaavat opiskelua, % 8. ja 9. luokan oppilaista"),
    PresetIndicator(191, "participation", "children_youth", "lower_better", "Kodin ulkopuolelle sijoitetut 0 - 17-vuotiaat, % vastaavanikäisestä väestöstä (THL)"),
    PresetIndicator(3219, "participation", "children_youth", "lower_better", "Koulutuksen ulkopuolelle jääneet 17 - 24-vuotiaat, % vastaavanikäisestä väestöstä"),
    PresetIndicator(189, "participation", "working_age", "lower_better", "Nuorisotyöttömät, % 18 - 24-vuotiaasta työvoimasta"),
    PresetIndicator(181, "participation", "working_age", "lower_better", "Työttömät, % työvoimasta"),
    PresetIndicator(3562, "participation", "working_age", "lower_better", "Pitkäaikaistyöttömät, % työvoimasta"),
    PresetIndicator(4292, "participation", "working_age", "higher_better", "Aktiivisesti järjestötoimintaan tms. osallistuvien osuus (%), 20 - 64-vuotiaat"),
    PresetIndicator(4285, "environment", "working_age", "lower_better", "Itsensä yksinäiseksi tuntevien osuus (%), 20 - 64-vuotiaat"),
    PresetIndicator(4405, "lifestyles", "working_age", "lower_better", "Päivittäin tupakoivien osuus (%), 20 - 64-vuotiaat"),
    PresetIndicator(4412, "lifestyles", "working_age", "lower_better", "Alkoholia liikaa käyttävien osuus (AUDIT-C) (%), 20 - 64-vuotiaat"),
    PresetIndicator(4446, "lifestyles", "working_age", "lower_better", "Vapaa-ajan liikuntaa harrastamattomien osuus (%), 20 - 64-vuotiaat"),
    PresetIndicator(3088, "environment", "working_age", "lower_better", "Päihteiden vaikutuksen alaisina tehdyistä väkivaltarikoksista syyllisiksi epäillyt / 1 000 asukasta"),
    PresetIndicator(1570, "environment", "older", "higher_better", "Kotona asuvat 75 vuotta täyttäneet, % vastaavanikäisestä väestöstä"),
    PresetIndicator(4286, "environment", "older", "lower_better", "Itsensä yksinäiseksi tuntevien osuus (%), 65 vuotta täyttäneet"),
    PresetIndicator(4293, "participation", "older", "higher_better", "Aktiivisesti järjestötoimintaan tms. osallistuvien osuus (%), 65 vuotta täyttäneet"),
    PresetIndicator(4272, "participation", "older", "higher_better", "Elämänlaatunsa (EuroHIS-8) hyväksi tuntevien osuus (%), 65 vuotta täyttäneet"),
    PresetIndicator(4447, "lifestyles", "older", "lower_better", "Vapaa-ajan liikuntaa harrastamattomien osuus (%), 65 vuotta täyttäneet"),
    PresetIndicator(4461, "lifestyles", "older", "lower_better", "Lihavien osuus (kehon painoindeksi BMI ≥ 30 kg/m2) (%), 65 vuotta täyttäneet"),
    PresetIndicator(322, "lifestyles", "older", "lower_better", "Kuolleisuus 65 vuotta täyttäneillä / 100 000 vastaavanikäistä"),
    PresetIndicator(3076, "participation", None, "higher_better", "Äänestysaktiivisuus kuntavaaleissa, %"),
    PresetIndicator(243, "lifestyles", None, "lower_better", "THL:n sairastavuusindeksi, ikävakioitu"),
)
# A short start: one or two per lifecycle group and two for the whole population.
MINIMAL_IDS = (288, 3219, 181, 4285, 1570, 4286, 3076, 243)
INDICATOR_PRESETS: dict[str, tuple[PresetIndicator, ...]] = {
    "pori": PORI_INDICATORS,
    "minimal": tuple(i for i in PORI_INDICATORS if i.id in MINIMAL_IDS),
}

AreaRow = tuple[str, str, str | None, str | None]  # code, name in Finnish, Swedish, English


def own_areas(specs: Sequence[str]) -> tuple[AreaRow, ...]:
    """The municipality's own priority areas, `hyte init --area "Finnish name[|Swedish|English]"` (repeatable):
    each coded from its Finnish name; a Swedish or English name left out is named later on /plan."""
    rows: list[AreaRow] = []
    for spec in specs:
        parts = [p.strip() for p in spec.split("|")] + ["", ""]
        if not parts[0]:
            continue
        code = area_code(parts[0], {r[0] for r in rows})
        rows.append((code, parts[0], parts[1] or None, parts[2] or None))
    return tuple(rows)


def area_rows(areas: str | Sequence[AreaRow]) -> tuple[AreaRow, ...]:
    """A preset's areas by its name, or the own areas as given."""
    return AREA_PRESETS[areas] if isinstance(areas, str) else tuple(areas)


_STOP = {"ja", "och", "and", "sekä", "the", "of", "för", "vuotta", "osuus"}


def _stems(text: str) -> set[str]:
    """Word beginnings, four letters: Finnish inflects the ends ("liikunta", "liikkuminen" share "liik")."""
    return {w[:4] for w in re.findall(r"[a-zåäö]+", text.lower()) if len(w) >= 4 and w not in _STOP}


def suggest_area(indicator: PresetIndicator, rows: Sequence[AreaRow]) -> str:
    """The own area for a preset indicator: the one whose name shares most word beginnings with the
    indicator's preset area and title; the first area when none does (the coordinator moves it on /plan)."""
    preset_names = {code: fi for code, fi, _sv, _en in AREA_PRESETS["pori"]}
    words = _stems(f"{preset_names.get(indicator.priority_area, '')} {indicator.title_fi}")
    scores = [(len(words & _stems(" ".join(n for n in names if n))), -i, code)
              for i, (code, *names) in enumerate(rows)]
    best = max(scores)
    return best[2] if best[0] > 0 else rows[0][0]
