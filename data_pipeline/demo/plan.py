"""The wellbeing plan's registers: goals, departments and measures."""

from __future__ import annotations

from datetime import date, timedelta

from data_pipeline.demo.town import ENV, LIFE, PART, TODAY

# --- The wellbeing plan ---------------------------------------------------------------------------

GOALS = (  # code, area, fi, sv, en
    ("T1", ENV, "Asuinalueet ovat viihtyisiä ja turvallisia kaikenikäisille",
     "Bostadsområdena är trivsamma och trygga för alla åldrar", "Neighbourhoods are pleasant and safe for all ages"),
    ("T2", ENV, "Lähiliikuntapaikat ja viheralueet ovat kaikkien saavutettavissa",
     "Närmotionsplatser och grönområden är tillgängliga för alla",
     "Neighbourhood sports sites and green areas are accessible to all"),
    ("T3", ENV, "Ikääntyneet asuvat turvallisesti kotona", "Äldre bor tryggt hemma",
     "Older people live safely at home"),
    ("T4", PART, "Jokainen asukas voi vaikuttaa oman alueensa asioihin", "Varje invånare kan påverka sitt område",
     "Every resident can influence matters in their own area"),
    ("T5", PART, "Yksinäisyys vähenee kaikissa ikäryhmissä", "Ensamheten minskar i alla åldersgrupper",
     "Loneliness decreases in all age groups"),
    ("T6", PART, "Nuoret ovat mukana koulutuksessa, työssä ja harrastuksissa",
     "Unga deltar i utbildning, arbete och fritidsaktiviteter",
     "Young people take part in education, work and hobbies"),
    ("T7", LIFE, "Lapset ja nuoret liikkuvat enemmän ja ovat savuttomia", "Barn och unga rör sig mer och är rökfria",
     "Children and young people move more and are smoke-free"),
    ("T8", LIFE, "Alkoholin riskikäyttö vähenee", "Riskbruket av alkohol minskar", "Risky alcohol use decreases"),
)
DEPARTMENTS = (  # code, fi, sv, en, share of participants by age group (children, working-age, older)
    ("sivistys", "Sivistystoimiala", "Bildningssektorn", "Education", (0.70, 0.25, 0.05)),
    ("sote", "Sosiaali- ja terveystoimiala", "Social- och hälsovårdssektorn", "Social and Health Services",
     (0.20, 0.40, 0.40)),
    ("tekninen", "Tekninen toimiala", "Tekniska sektorn", "Technical Services", (0.15, 0.55, 0.30)),
    ("kulttuuri_vapaa_aika", "Kulttuuri- ja vapaa-aikatoimiala", "Kultur- och fritidssektorn", "Culture and Leisure",
     (0.30, 0.40, 0.30)),
    ("kaupunkikehitys", "Kaupunkikehitys", "Stadsutveckling", "Urban Development", (0.10, 0.60, 0.30)),
    ("konserni", "Konsernipalvelut", "Koncerntjänster", "Central Administration", (0.10, 0.60, 0.30)),
)
UNIT = {d[0]: d[1] for d in DEPARTMENTS}
MEASURES = (  # code, goal, responsible department, status, fi, sv, en
    ("M01", "T1", "tekninen", "ongoing", "Kävelyreittien valaistuksen parantaminen", "Bättre belysning längs gångvägar",
     "Better lighting along walking routes"),
    ("M02", "T1", "kaupunkikehitys", "done", "Turvallisuuskävelyt kaupunginosissa",
     "Trygghetspromenader i stadsdelarna", "Safety walks in the districts"),
    ("M03", "T2", "tekninen", "ongoing", "Lähiliikuntapaikkojen kunnostusohjelma",
     "Upprustningsprogram för närmotionsplatser", "Renovation programme for neighbourhood sports sites"),
    ("M04", "T2", "kaupunkikehitys", "delayed", "Esteettömät reitit rantapuistoon",
     "Tillgängliga rutter till strandparken", "Accessible routes to the shore park"),
    ("M05", "T3", "sote", "ongoing", "Kaatumisten ehkäisyn kotikäynnit", "Hembesök för att förebygga fall",
     "Home visits to prevent falls"),
    ("M06", "T3", "sote", "planned", "Kotona asumisen tukipalvelujen kartoitus",
     "Kartläggning av stödtjänster för boende hemma", "Survey of support services for living at home"),
    ("M07", "T4", "konserni", "ongoing", "Osallisuusmallin koulutus kaikille toimialoille",
     "Utbildning i delaktighetsmodellen för alla sektorer", "Participation-model training for all departments"),
    ("M08", "T4", "kaupunkikehitys", "delayed", "Asukasilta jokaisessa kaupunginosassa kahdesti vuodessa",
     "Invånarkväll i varje stadsdel två gånger per år", "A resident evening in every district twice a year"),
    ("M09", "T4", "konserni", "done", "Osallistuva budjetointi", "Deltagande budgetering", "Participatory budgeting"),
    ("M10", "T5", "kulttuuri_vapaa_aika", "ongoing", "Kohtaamispaikat ikääntyneille yhdessä järjestöjen kanssa",
     "Mötesplatser för äldre tillsammans med organisationer", "Meeting places for older people with NGOs"),
    ("M11", "T5", "sivistys", "planned", "Nuorten ryhmätoiminta yksinäisyyttä vastaan",
     "Gruppverksamhet för unga mot ensamhet", "Group activities for young people against loneliness"),
    ("M12", "T6", "sivistys", "ongoing", "Etsivän nuorisotyön vahvistaminen", "Förstärkt uppsökande ungdomsarbete",
     "Stronger outreach youth work"),
    ("M13", "T6", "sivistys", "done", "Harrastamisen Suomen malli kouluille",
     "Den finländska modellen för fritidsaktiviteter i skolorna", "Finnish model for leisure activities in schools"),
    ("M14", "T7", "sivistys", "ongoing", "Liikkuva koulu -toiminta kaikkiin kouluihin",
     "Skolan i rörelse i alla skolor", "Schools on the Move in every school"),
    ("M15", "T7", "sote", "delayed", "Nikotiinituotteiden ehkäisevä työ yläkouluissa",
     "Förebyggande arbete mot nikotinprodukter i högstadiet", "Preventing nicotine use in lower secondary schools"),
    ("M16", "T7", "kulttuuri_vapaa_aika", "done", "Maksuttomat liikuntavuorot nuorille",
     "Avgiftsfria idrottsturer för unga", "Free sports slots for young people"),
    ("M17", "T8", "sote", "ongoing", "Mini-interventio työterveyshuollossa",
     "Miniintervention inom företagshälsovården", "Brief intervention in occupational health care"),
    ("M18", "T8", "kulttuuri_vapaa_aika", "planned", "Päihteettömät tapahtumat yhdessä järjestöjen kanssa",
     "Drogfria evenemang tillsammans med organisationer", "Substance-free events with NGOs"),
)

# Days since each measure was last updated, as of TODAY: most recently, a few flagged (over 60 days)
# and three stale (over 180), as an action plan looks after a year.
UPDATED_DAYS_AGO = (12, 35, 20, 95, 8, 210, 40, 130, 300, 25, 70, 15, 5, 18, 200, 50, 28, 45)
NOTES = {"ongoing": "Etenee suunnitellusti", "done": "Valmis", "delayed": "Viivästynyt: resurssit puuttuvat",
         "planned": "Suunnittelu aloitettu"}


def _measure(i: int, code, goal, dept, status, fi, sv, en) -> dict:
    return {"code": code, "goal": goal, "text_fi": fi, "text_sv": sv, "text_en": en,
            "responsible_unit": UNIT[dept], "status": status,
            "due_date": date(2027, 6 + 6 * (i % 2), 30 if i % 2 == 0 else 31).isoformat(), "progress_note": NOTES[status],
            "updated": (TODAY - timedelta(days=UPDATED_DAYS_AGO[i])).isoformat()}


def plan_registers() -> dict[str, list[dict]]:
    return {
        "goals": [{"code": c, "priority_area": a, "text_fi": fi, "text_sv": sv, "text_en": en}
                  for c, a, fi, sv, en in GOALS],
        "measures": [_measure(i, *m) for i, m in enumerate(MEASURES)],
        "departments": [{"code": c, "name_fi": fi, "name_sv": sv, "name_en": en} for c, fi, sv, en, _ in DEPARTMENTS],
    }
