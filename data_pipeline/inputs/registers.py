"""What each register file holds: its columns, their types, and what they mean (fi/en).

One declaration drives the validator, `hyte template` and the column documentation, so the three
cannot drift apart. Register files are CSV (`;` or `,`, UTF-8, UTF-8 with BOM or cp1252) or XLSX,
named `<register>.csv` / `<register>.xlsx` in the package's registers folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Column types the validator understands.
TEXT, INT, FLOAT, DATE, BOOL, CODE_LIST = "text", "int", "float", "date", "bool", "code_list"

# Reference kinds: a column whose values must exist among the package's codes of that kind.
REF_DISTRICT = "district"
REF_AGE_GROUP = "age_group"
REF_PRIORITY_AREA = "priority_area"
REF_GOAL = "goal"
REF_DEPARTMENT = "department"
REF_GROUP = "working_group"
REF_NGO = "ngo"
REF_INDICATOR = "indicator"
REF_MEETING = "meeting"

MEASURE_STATUSES = ("planned", "ongoing", "done", "delayed")
PARTICIPATION_LEVELS = ("information", "planning", "decision", "action")
EVENT_TYPES = ("resident_evening", "popup", "pay_what_you_want", "survey", "workshop", "other")
GROUP_KINDS = ("leadership", "steering", "lifecycle", "subgroup")
SEAT_TYPES = ("official", "entrepreneur", "parish", "ngo")
NGO_TYPES = ("association", "sports_club", "cultural", "parish", "other")
PARTNERSHIP_KINDS = ("agreement", "grant", "joint_service", "seat")
GENDERS = ("total", "male", "female")
CLOCK_STATUSES = ("planned", "done")

# No register date may lie further ahead than this many years (a meeting in 2099 is a typo).
MAX_YEARS_AHEAD = 2
MIN_YEAR = 1990


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    type: str
    required: bool
    fi: str
    en: str
    choices: tuple[str, ...] = ()
    ref: str | None = None
    min_value: float | None = None
    max_value: float | None = None


@dataclass(frozen=True)
class RegisterSpec:
    name: str
    fi: str
    en: str
    columns: tuple[ColumnSpec, ...]
    key: tuple[str, ...]
    provides: str | None = None  # reference kind whose codes this register's key defines
    optional: bool = True
    extra: tuple[ColumnSpec, ...] = field(default=())

    def column(self, name: str) -> ColumnSpec:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


def C(name, type_, required, fi, en, **kw) -> ColumnSpec:  # noqa: N802 - reads like a table row
    return ColumnSpec(name, type_, required, fi, en, **kw)


def participant_column(age_group_code: str) -> ColumnSpec:
    """The per-age-group participant count column of the events register."""
    return C(
        f"participants_{age_group_code}", INT, False,
        f"Osallistujia ikäryhmästä {age_group_code} (tyhjä = 0)",
        f"Participants from age group {age_group_code} (empty = 0)",
        min_value=0,
    )


REGISTERS: dict[str, RegisterSpec] = {
    spec.name: spec
    for spec in (
        RegisterSpec(
            "district_population", "Väestö alueittain ja ikäryhmittäin", "Population by district and age group",
            (
                C("district", TEXT, True, "Alueen tunnus (districts-tiedostosta)", "District code (from the districts file)", ref=REF_DISTRICT),
                C("age_group", TEXT, True, "Ikäryhmän tunnus (hyte.toml)", "Age-group code (hyte.toml)", ref=REF_AGE_GROUP),
                C("year", INT, True, "Vuosi", "Year", min_value=MIN_YEAR),
                C("population", INT, True, "Asukasluku vuoden lopussa", "Residents at the end of the year", min_value=0),
            ),
            key=("district", "age_group", "year"),
        ),
        RegisterSpec(
            "goals", "Tavoitteet", "Goals",
            (
                C("code", TEXT, True, "Tavoitteen tunnus", "Goal code"),
                C("priority_area", TEXT, True, "Painopistealueen tunnus", "Priority-area code", ref=REF_PRIORITY_AREA),
                C("text_fi", TEXT, True, "Tavoite suomeksi", "Goal in Finnish"),
                C("text_sv", TEXT, False, "Tavoite ruotsiksi", "Goal in Swedish"),
                C("text_en", TEXT, False, "Tavoite englanniksi", "Goal in English"),
            ),
            key=("code",), provides=REF_GOAL,
        ),
        RegisterSpec(
            "measures", "Toimenpiteet", "Measures",
            (
                C("code", TEXT, True, "Toimenpiteen tunnus", "Measure code"),
                C("goal", TEXT, True, "Tavoitteen tunnus", "Goal code", ref=REF_GOAL),
                C("text_fi", TEXT, True, "Toimenpide suomeksi", "Measure in Finnish"),
                C("text_sv", TEXT, False, "Toimenpide ruotsiksi", "Measure in Swedish"),
                C("text_en", TEXT, False, "Toimenpide englanniksi", "Measure in English"),
                C("responsible_unit", TEXT, True, "Vastuutaho", "Responsible unit"),
                C("status", TEXT, True, "Tila", "Status", choices=MEASURE_STATUSES),
            ),
            key=("code",),
        ),
        RegisterSpec(
            "local_indicator_values", "Paikallisten indikaattoreiden arvot", "Values of local indicators",
            (
                C("indicator", INT, True, "Indikaattorin tunnus (hyte.toml, source = local)", "Indicator id (hyte.toml, source = local)", ref=REF_INDICATOR),
                C("district", TEXT, False, "Alue (tyhjä = koko kunta)", "District (empty = whole municipality)", ref=REF_DISTRICT),
                C("year", INT, True, "Vuosi", "Year", min_value=MIN_YEAR),
                C("gender", TEXT, True, "Sukupuoli", "Gender", choices=GENDERS),
                C("value", FLOAT, True, "Arvo (desimaalipilkku käy)", "Value (decimal comma accepted)"),
            ),
            key=("indicator", "district", "year", "gender"),
        ),
        RegisterSpec(
            "departments", "Toimialat", "Departments",
            (
                C("code", TEXT, True, "Toimialan tunnus", "Department code"),
                C("name_fi", TEXT, True, "Nimi suomeksi", "Name in Finnish"),
                C("name_sv", TEXT, False, "Nimi ruotsiksi", "Name in Swedish"),
                C("name_en", TEXT, False, "Nimi englanniksi", "Name in English"),
            ),
            key=("code",), provides=REF_DEPARTMENT,
        ),
        RegisterSpec(
            "events", "Osallisuustapahtumat", "Participation events",
            (
                C("id", TEXT, True, "Tapahtuman tunnus", "Event id"),
                C("title", TEXT, True, "Otsikko (ei henkilöiden nimiä)", "Title (no personal names)"),
                C("date", DATE, True, "Päivämäärä (22.11.2026 tai 2026-11-22)", "Date (22.11.2026 or 2026-11-22)"),
                C("district", TEXT, False, "Alue (tyhjä = koko kunta tai verkossa)", "District (empty = municipality-wide or online)", ref=REF_DISTRICT),
                C("lon", FLOAT, False, "Paikan pituusaste (WGS84)", "Longitude of the place (WGS84)", min_value=19.0, max_value=32.0),
                C("lat", FLOAT, False, "Paikan leveysaste (WGS84)", "Latitude of the place (WGS84)", min_value=59.0, max_value=71.0),
                C("department", TEXT, True, "Järjestävä toimiala", "Organising department", ref=REF_DEPARTMENT),
                C("event_type", TEXT, True, "Tapahtumatyyppi", "Event type", choices=EVENT_TYPES),
                C("level", TEXT, True, "Osallisuuden taso", "Participation level", choices=PARTICIPATION_LEVELS),
            ),
            key=("id",),
        ),
        RegisterSpec(
            "adoption", "Osallisuusmallin käyttöönotto", "Participation-model adoption",
            (
                C("department", TEXT, True, "Toimiala", "Department", ref=REF_DEPARTMENT),
                C("year", INT, True, "Vuosi", "Year", min_value=MIN_YEAR),
                C("trainings_held", INT, True, "Pidetyt koulutukset", "Trainings held", min_value=0),
                C("units_total", INT, True, "Yksiköitä yhteensä", "Units in total", min_value=0),
                C("units_using_model", INT, True, "Mallia käyttävät yksiköt", "Units using the model", min_value=0),
            ),
            key=("department", "year"),
        ),
        RegisterSpec(
            "working_groups", "Työryhmät", "Working groups",
            (
                C("code", TEXT, True, "Ryhmän tunnus", "Group code"),
                C("name_fi", TEXT, True, "Nimi suomeksi", "Name in Finnish"),
                C("name_sv", TEXT, False, "Nimi ruotsiksi", "Name in Swedish"),
                C("name_en", TEXT, False, "Nimi englanniksi", "Name in English"),
                C("kind", TEXT, True, "Ryhmän laji", "Kind of group", choices=GROUP_KINDS),
                C("parent", TEXT, False, "Ryhmä, jolle raportoi", "Group it reports to", ref=REF_GROUP),
                C("age_group", TEXT, False, "Elämänkaariryhmä", "Lifecycle age group", ref=REF_AGE_GROUP),
                C("target_meetings_min", INT, False, "Kokouksia vähintään vuodessa", "Meetings a year, at least", min_value=0),
                C("target_meetings_max", INT, False, "Kokouksia enintään vuodessa", "Meetings a year, at most", min_value=0),
            ),
            key=("code",), provides=REF_GROUP,
        ),
        RegisterSpec(
            "seats", "Paikat työryhmissä", "Seats in working groups",
            (
                C("group", TEXT, True, "Ryhmän tunnus", "Group code", ref=REF_GROUP),
                C("seat_type", TEXT, True, "Paikan laji", "Seat type", choices=SEAT_TYPES),
                C("seats_required", INT, True, "Paikkoja sääntöjen mukaan", "Seats by the rule", min_value=0),
                C("seats_filled", INT, True, "Täytettyjä paikkoja", "Seats filled", min_value=0),
            ),
            key=("group", "seat_type"),
        ),
        RegisterSpec(
            "meetings", "Kokoukset", "Meetings",
            (
                C("id", TEXT, True, "Kokouksen tunnus", "Meeting id"),
                C("group", TEXT, True, "Ryhmän tunnus", "Group code", ref=REF_GROUP),
                C("date", DATE, True, "Päivämäärä", "Date"),
                C("joint", BOOL, False, "Yhteiskokous (kyllä/ei)", "Joint meeting (yes/no)"),
                C("invited", INT, False, "Kutsuttuja jäseniä", "Members invited", min_value=0),
                C("present", INT, False, "Läsnä olleita jäseniä", "Members present", min_value=0),
            ),
            key=("id",), provides=REF_MEETING,
        ),
        RegisterSpec(
            "meeting_topics", "Kokousten aiheet", "Meeting topics",
            (
                C("meeting", TEXT, True, "Kokouksen tunnus", "Meeting id", ref=REF_MEETING),
                C("priority_area", TEXT, True, "Painopistealue", "Priority area", ref=REF_PRIORITY_AREA),
                C("topic", TEXT, False, "Aihe", "Topic"),
            ),
            key=("meeting", "priority_area"),
        ),
        RegisterSpec(
            "annual_clock", "Johtoryhmän vuosikello", "Leadership group's annual clock",
            (
                C("id", TEXT, True, "Tunnus", "Id"),
                C("year", INT, True, "Vuosi", "Year", min_value=MIN_YEAR),
                C("month", INT, True, "Kuukausi 1–12", "Month 1–12", min_value=1, max_value=12),
                C("title_fi", TEXT, True, "Asia suomeksi", "Item in Finnish"),
                C("title_sv", TEXT, False, "Asia ruotsiksi", "Item in Swedish"),
                C("title_en", TEXT, False, "Asia englanniksi", "Item in English"),
                C("status", TEXT, True, "Tila", "Status", choices=CLOCK_STATUSES),
            ),
            key=("id",),
        ),
        RegisterSpec(
            "ngos", "Järjestöt", "NGOs",
            (
                C("id", TEXT, True, "Järjestön tunnus", "NGO id"),
                C("name", TEXT, True, "Järjestön nimi", "Name of the organisation"),
                C("type", TEXT, True, "Järjestön laji", "Kind of organisation", choices=NGO_TYPES),
                C("whole_municipality", BOOL, False, "Toimii koko kunnassa (kyllä/ei)", "Serves the whole municipality (yes/no)"),
                C("districts", CODE_LIST, False, "Alueet, pilkulla erotettuina", "Districts, separated by commas", ref=REF_DISTRICT),
            ),
            key=("id",), provides=REF_NGO,
        ),
        RegisterSpec(
            "partnerships", "Kumppanuudet", "Partnerships",
            (
                C("id", TEXT, True, "Kumppanuuden tunnus", "Partnership id"),
                C("ngo", TEXT, True, "Järjestön tunnus", "NGO id", ref=REF_NGO),
                C("kind", TEXT, True, "Kumppanuuden laji", "Kind of partnership", choices=PARTNERSHIP_KINDS),
                C("start_date", DATE, True, "Alkupäivä", "Start date"),
                C("end_date", DATE, False, "Loppupäivä (tyhjä = voimassa)", "End date (empty = in force)"),
                C("grant_eur", FLOAT, False, "Avustus euroina", "Grant in euros", min_value=0),
                C("group", TEXT, False, "Työryhmä (paikka ryhmässä)", "Working group (for a seat)", ref=REF_GROUP),
                C("description", TEXT, False, "Kuvaus", "Description"),
            ),
            key=("id",),
        ),
        RegisterSpec(
            "ngo_activities", "Järjestöjen toiminta", "NGO activities",
            (
                C("ngo", TEXT, True, "Järjestön tunnus", "NGO id", ref=REF_NGO),
                C("priority_area", TEXT, True, "Painopistealue", "Priority area", ref=REF_PRIORITY_AREA),
                C("age_group", TEXT, True, "Ikäryhmä", "Age group", ref=REF_AGE_GROUP),
                C("year", INT, True, "Vuosi", "Year", min_value=MIN_YEAR),
            ),
            key=("ngo", "priority_area", "age_group", "year"),
        ),
        RegisterSpec(
            "forums", "Yhteiset foorumit", "Joint forums",
            (
                C("id", TEXT, True, "Foorumin tunnus", "Forum id"),
                C("date", DATE, True, "Päivämäärä", "Date"),
                C("title", TEXT, True, "Otsikko", "Title"),
                C("ngos", CODE_LIST, False, "Läsnä olleet järjestöt, pilkulla erotettuina", "NGOs present, separated by commas", ref=REF_NGO),
            ),
            key=("id",),
        ),
        RegisterSpec(
            "experiential_notes", "Kokemustieto", "Experiential knowledge",
            (
                C("id", TEXT, True, "Tunnus", "Id"),
                C("ngo", TEXT, True, "Järjestön tunnus", "NGO id", ref=REF_NGO),
                C("date", DATE, True, "Päivämäärä", "Date"),
                C("priority_area", TEXT, True, "Painopistealue", "Priority area", ref=REF_PRIORITY_AREA),
                C("age_group", TEXT, False, "Ikäryhmä", "Age group", ref=REF_AGE_GROUP),
                C("note", TEXT, True, "Havainto (ei henkilöiden nimiä)", "Observation (no personal names)"),
            ),
            key=("id",),
        ),
    )
}

# Order in which registers are validated: a register that provides codes comes before its users.
REGISTER_ORDER = (
    "departments", "working_groups", "ngos", "goals", "meetings",
    "district_population", "measures", "local_indicator_values", "events", "adoption", "seats",
    "meeting_topics", "annual_clock", "partnerships", "ngo_activities", "forums", "experiential_notes",
)
assert set(REGISTER_ORDER) == set(REGISTERS)


# Swedish for every register title and column description, keyed by the English text (many repeat:
# "Year", "Date"). Kept beside the declarations so SARAKKEET.md and the XLSX instructions sheet, which
# both read it, stay in step with them; `test_templates` checks that none is missing.
SV: dict[str, str] = {
    "Departments": "Sektorer", "Department code": "Sektorns kod", "Name in Finnish": "Namn på finska",
    "Name in Swedish": "Namn på svenska", "Name in English": "Namn på engelska", "Working groups": "Arbetsgrupper",
    "Group code": "Gruppens kod", "Kind of group": "Typ av grupp", "Group it reports to": "Grupp som den rapporterar till",
    "Lifecycle age group": "Livsskedesgrupp", "Meetings a year, at least": "Möten per år, minst",
    "Meetings a year, at most": "Möten per år, högst", "NGOs": "Organisationer", "NGO id": "Organisationens kod",
    "Name of the organisation": "Organisationens namn", "Kind of organisation": "Typ av organisation",
    "Serves the whole municipality (yes/no)": "Verkar i hela kommunen (ja/nej)",
    "Districts, separated by commas": "Områden, åtskilda med kommatecken", "Goals": "Mål", "Goal code": "Målets kod",
    "Priority-area code": "Prioriterade områdets kod", "Goal in Finnish": "Målet på finska",
    "Goal in Swedish": "Målet på svenska", "Goal in English": "Målet på engelska", "Meetings": "Möten",
    "Meeting id": "Mötets kod", "Date": "Datum", "Joint meeting (yes/no)": "Gemensamt möte (ja/nej)",
    "Members invited": "Inbjudna medlemmar", "Members present": "Närvarande medlemmar",
    "Population by district and age group": "Befolkning per område och åldersgrupp",
    "District code (from the districts file)": "Områdets kod (från områdesfilen)",
    "Age-group code (hyte.toml)": "Åldersgruppens kod (hyte.toml)", "Year": "År",
    "Residents at the end of the year": "Invånare vid årets slut", "Measures": "Åtgärder",
    "Measure code": "Åtgärdens kod", "Measure in Finnish": "Åtgärden på finska",
    "Measure in Swedish": "Åtgärden på svenska", "Measure in English": "Åtgärden på engelska",
    "Responsible unit": "Ansvarig enhet", "Status": "Status",
    "Values of local indicators": "Värden för lokala indikatorer",
    "Indicator id (hyte.toml, source = local)": "Indikatorns kod (hyte.toml, source = local)",
    "District (empty = whole municipality)": "Område (tomt = hela kommunen)", "Gender": "Kön",
    "Value (decimal comma accepted)": "Värde (decimalkomma går bra)", "Participation events": "Delaktighetsevenemang",
    "Event id": "Evenemangets kod", "Title (no personal names)": "Rubrik (inga personnamn)",
    "Date (22.11.2026 or 2026-11-22)": "Datum (22.11.2026 eller 2026-11-22)",
    "District (empty = municipality-wide or online)": "Område (tomt = hela kommunen eller på nätet)",
    "Longitude of the place (WGS84)": "Platsens longitud (WGS84)",
    "Latitude of the place (WGS84)": "Platsens latitud (WGS84)", "Organising department": "Arrangerande sektor",
    "Event type": "Typ av evenemang", "Participation level": "Delaktighetsnivå",
    "Participation-model adoption": "Ibruktagandet av delaktighetsmodellen", "Department": "Sektor",
    "Trainings held": "Hållna utbildningar", "Units in total": "Enheter sammanlagt",
    "Units using the model": "Enheter som använder modellen", "Seats in working groups": "Platser i arbetsgrupperna",
    "Seat type": "Typ av plats", "Seats by the rule": "Platser enligt reglerna", "Seats filled": "Besatta platser",
    "Meeting topics": "Mötenas ämnen", "Priority area": "Prioriterat område", "Topic": "Ämne",
    "Leadership group's annual clock": "Ledningsgruppens årsklocka", "Id": "Kod", "Month 1–12": "Månad 1–12",
    "Item in Finnish": "Ärendet på finska", "Item in Swedish": "Ärendet på svenska",
    "Item in English": "Ärendet på engelska", "Partnerships": "Partnerskap", "Partnership id": "Partnerskapets kod",
    "Kind of partnership": "Typ av partnerskap", "Start date": "Startdatum",
    "End date (empty = in force)": "Slutdatum (tomt = i kraft)", "Grant in euros": "Understöd i euro",
    "Working group (for a seat)": "Arbetsgrupp (för en plats)", "Description": "Beskrivning",
    "NGO activities": "Organisationernas verksamhet", "Age group": "Åldersgrupp", "Joint forums": "Gemensamma forum",
    "Forum id": "Forumets kod", "Title": "Rubrik",
    "NGOs present, separated by commas": "Närvarande organisationer, åtskilda med kommatecken",
    "Experiential knowledge": "Erfarenhetskunskap", "Observation (no personal names)": "Iakttagelse (inga personnamn)",
}


def swedish(english: str) -> str:
    """The Swedish of a register title or column description (participant columns are built)."""
    if english.startswith("Participants from age group "):
        code = english.removeprefix("Participants from age group ").removesuffix(" (empty = 0)")
        return f"Deltagare från åldersgruppen {code} (tomt = 0)"
    return SV[english]


def register_columns(name: str, age_group_codes: tuple[str, ...] = ()) -> tuple[ColumnSpec, ...]:
    """The full column list of a register; events get one participant column per age group."""
    spec = REGISTERS[name]
    if name == "events":
        return spec.columns + tuple(participant_column(code) for code in age_group_codes)
    return spec.columns
