"""The demo town's fixed facts: its code, today, age groups and priority areas, and the patterns' anchors."""

from __future__ import annotations

from datetime import date

TODAY = date(2026, 11, 22)  # the demo's fixed "today": output must not depend on the run date
MUNICIPALITY_CODE = "999"
MUNICIPALITY_REGION_ID = 9999
DATA_YEARS = tuple(range(2012, 2026))
SPARSE_DISTRICT = "09"
QUIET_GROUP = "hyte_tyoikaiset"
OLDER_GAP_DISTRICTS = ("10", "11")
WORSENING_INDICATOR = 288
CROSSING_INDICATOR = 189

AGE_GROUPS = (  # code, min, max, fi, sv, en
    ("children_youth", 0, 17, "Lapset ja nuoret", "Barn och unga", "Children and youth"),
    ("working_age", 18, 64, "Työikäiset", "Personer i arbetsför ålder", "Working-age"),
    ("older", 65, None, "Ikääntyneet", "Äldre", "Older people"),
)
AGE_CODES = tuple(g[0] for g in AGE_GROUPS)
PRIORITY_AREAS = (
    ("environment", "Viihtyisä ja turvallinen elinympäristö", "En trivsam och trygg livsmiljö",
     "Pleasant and safe living environment"),
    ("participation", "Osallistuva ja aktiivinen kuntalainen", "En delaktig och aktiv kommuninvånare",
     "Participating and active resident"),
    ("lifestyles", "Terveelliset elämäntavat", "Hälsosamma levnadsvanor", "Healthy lifestyles"),
)

# Short names the generators' tables use.
L, H = "lower_better", "higher_better"
ENV, PART, LIFE = "environment", "participation", "lifestyles"
CY, WA, OL = AGE_CODES
