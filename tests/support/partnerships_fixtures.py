"""The partnerships screen's fixture store: known organisations, partnerships, activity, forums and notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from data_pipeline.load.refresh import refresh

REGISTERS = {
    "ngos.csv": """id,name,type,whole_municipality,districts
n1,Testilän Urheiluseura,sports_club,ei,"01,02"
n2,<script>alert(1)</script>,association,kyllä,
n3,Saaren Eläkeläiset ry,association,ei,02
n4,Keskustan Kulttuuriseura,cultural,ei,01
n5,Mäntylän Martat,association,ei,01
""",
    "working_groups.csv": """code,name_fi,name_sv,name_en,kind,parent,age_group,target_meetings_min,target_meetings_max
hyte_nuoret,Lasten ja nuorten hyvinvointiryhmä,Välfärdsgruppen för barn och unga,Children and youth wellbeing group,lifecycle,,young,5,6
""",
    "partnerships.csv": """id,ngo,kind,start_date,end_date,grant_eur,group,description
p1,n1,agreement,2024-01-01,,,,Kumppanuussopimus
p2,n1,grant,2025-01-01,2025-12-31,10000,,Toiminta-avustus
p3,n2,grant,2024-03-01,2024-12-31,3000,,Toiminta-avustus
p4,n2,seat,2025-06-01,,,hyte_nuoret,Järjestöjen edustaja
p5,n3,joint_service,2023-08-01,,,,Kerhotila
p6,n4,agreement,2020-01-01,2022-12-31,,,Päättynyt sopimus
p7,n2,grant,2026-01-01,2026-12-31,1500,,Toiminta-avustus
""",
    "ngo_activities.csv": """ngo,priority_area,age_group,year
n1,life,young,2025
n1,life,adult,2025
n1,env,young,2025
n2,env,young,2024
n2,env,adult,2025
n2,life,young,2026
n3,env,old,2025
n4,env,old,2025
""",
    "forums.csv": """id,date,title,ngos
f1,2024-05-02,Järjestöfoorumi kevät 2024,"n1,n2,n5"
f2,2025-02-03,Järjestöfoorumi 2025,"n2,n3,n4"
f0,2021-10-01,Vanha foorumi,n1
""",
    "experiential_notes.csv": """id,ngo,date,priority_area,age_group,note
k1,n2,2025-03-01,env,young,Nuoret toivovat valaistua kohtaamispaikkaa.
k2,n3,2025-04-01,env,,Bussivuorot ovat harvassa **Saaressa**.
k3,n1,2024-06-01,life,adult,Kuntosalivuorot täyttyvät nopeasti.
k4,n2,2019-01-01,env,young,Vanha havainto.
""",
}
PERIOD = {"from": "2024", "to": "2026"}


@pytest.fixture
def ngo_store(mini_package: Path, tmp_path, monkeypatch) -> str:
    """The mini package with known organisations, partnerships, activity, forums and notes.

    Period 2024–2026. Active partners: n1 (agreement, grant), n2 (grants, seat), n3 (joint service);
    n4's agreement ended in 2022, n5 has none. Coverage (areas env, life × young, adult, old):
    env: young 2 (n1, n2), adult 1 (n2), old 1 (n3; n4 not active); life: young 2, adult 1, old 0 → 5/6.
    Districts (all ages, population 2025): Keskusta 01 5 100 residents, n1 + n2 → 0,4 / 1 000;
    Saari 02 553 residents, n1 + n2 + n3 → 5,4 / 1 000. Grants starting 2024–2026: 3 000 + 10 000 + 1 500.
    """
    registers = mini_package.parent / "registers"
    for name, text in REGISTERS.items():
        (registers / name).write_text(text, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'ngo.db'}"
    result = refresh(mini_package, url)
    assert result.ok, result
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    return url
