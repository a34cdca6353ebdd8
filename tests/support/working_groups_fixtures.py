"""The working-groups screen's fixture package and store (every number the tests assert is written here)."""

from __future__ import annotations

from datetime import date
import shutil
from pathlib import Path

import pytest
from support.store_rows import FIXTURES

from data_pipeline.load.refresh import refresh

TODAY = date(2026, 3, 1)

REGISTERS = {
    "working_groups.csv": """code,name_fi,name_sv,name_en,kind,parent,age_group,target_meetings_min,target_meetings_max
lead,Kunnan johtoryhmä,Kommunens ledningsgrupp,Municipal leadership group,leadership,,,,
steer,Hyvinvoinnin ohjausryhmä,Styrgruppen för välfärd,Wellbeing steering group,steering,lead,,5,6
kids,Lasten ja nuorten hyvinvointiryhmä,Välfärdsgruppen för barn och unga,Children and youth wellbeing group,lifecycle,steer,young,5,6
adults,Työikäisten hyvinvointiryhmä,Välfärdsgruppen för vuxna,Working-age wellbeing group,lifecycle,steer,adult,5,6
elders,Ikääntyneiden hyvinvointiryhmä,Välfärdsgruppen för äldre,Older people's wellbeing group,lifecycle,steer,old,5,6
family,Perhekeskusryhmä,Familjecentergruppen,Family centre group,subgroup,kids,,4,6
odd,<b>Kylä</b> *ryhmä* [x](y),,,subgroup,elders,,,
""",
    "seats.csv": """group,seat_type,seats_required,seats_filled
kids,official,7,7
kids,entrepreneur,1,1
kids,parish,1,1
kids,ngo,2,2
adults,official,7,7
adults,entrepreneur,1,1
adults,parish,1,1
adults,ngo,2,2
elders,official,7,7
elders,entrepreneur,1,1
elders,parish,1,1
elders,ngo,2,1
""",
    "meetings.csv": """id,group,date,joint,invited,present
L1,lead,2025-02-03,ei,9,9
L2,lead,2025-09-01,ei,9,9
S1,steer,2025-01-15,ei,10,9
S2,steer,2025-03-12,ei,10,9
S3,steer,2025-05-14,ei,10,9
S4,steer,2025-09-10,ei,10,9
S5,steer,2025-11-12,ei,10,9
K1,kids,2025-01-20,ei,10,9
K2,kids,2025-03-10,kyllä,10,9
K3,kids,2025-05-05,ei,10,9
K4,kids,2025-10-06,kyllä,10,9
K5,kids,2025-12-01,ei,10,9
K6,kids,2026-01-19,ei,10,10
K7,kids,2026-03-10,ei,10,
A1,adults,2025-02-10,ei,10,8
A2,adults,2025-03-10,kyllä,10,7
A3,adults,2025-09-08,ei,10,9
E1,elders,2025-01-13,ei,8,8
E2,elders,2025-02-10,ei,8,8
E3,elders,2025-03-10,ei,8,8
E4,elders,2025-04-14,ei,8,8
E5,elders,2025-05-12,ei,8,8
E6,elders,2025-09-15,ei,8,8
E7,elders,2025-10-13,ei,8,8
E8,elders,2026-04-02,ei,8,
F1,family,2025-02-17,ei,6,6
F2,family,2025-04-14,ei,6,6
F3,family,2025-08-18,ei,6,6
F4,family,2025-11-17,ei,6,6
F5,family,2026-02-02,ei,6,5
""",
    "meeting_topics.csv": """meeting,priority_area,topic
K1,env,Koulumatkat
K2,life,Liikunta
K3,life,Ravitsemus
A1,env,Kävelyreitit
A2,env,Valaistus
E1,env,Kaatumiset
F1,env,Leikkipuistot
S1,env,Vuosisuunnitelma
L1,env,Hyvinvointikertomus
K7,life,Nikotiini
""",
    "annual_clock.csv": """id,year,month,title_fi,title_sv,title_en,status
C1,2026,1,Vuosisuunnitelma,Årsplan,Annual plan,done
C2,2026,2,Indikaattorien päivitys,Uppdatering av indikatorer,Indicator update,done
C3,2026,3,Hyvinvointikertomus valtuustolle,Välfärdsberättelse till fullmäktige,Wellbeing report to the council,planned
C4,2026,5,Talousarvion linjaukset,Riktlinjer för budgeten,Budget guidelines,planned
""",
}


def write_package(folder: Path) -> Path:
    """The mini package plus working-group registers with known rows; returns its hyte.toml."""
    shutil.copytree(FIXTURES / "mini", folder / "mini")
    for name, text in REGISTERS.items():
        (folder / "mini" / "registers" / name).write_text(text, encoding="utf-8")
    return folder / "mini" / "hyte.toml"


@pytest.fixture(scope="module")
def groups_url(tmp_path_factory) -> str:
    """The known registers loaded by the real pipeline into SQLite (shared by the page tests)."""
    folder = tmp_path_factory.mktemp("wg")
    url = f"sqlite:///{folder / 'wg.db'}"
    result = refresh(write_package(folder), url)
    assert result.ok, result
    return url
