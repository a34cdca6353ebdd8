"""What each register file holds: its columns, their types, and what they mean.

One declaration drives the validator, `hyte template` and the column documentation, so the three
cannot drift apart. What a register and a column mean is a catalogue key (`register.events`,
`register.events.date`), in Finnish, Swedish and English in locales/. Register files are CSV (`;` or `,`, UTF-8, UTF-8 with BOM or cp1252) or XLSX,
named `<register>.csv` / `<register>.xlsx` in the package's registers folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from data_pipeline.i18n import Message, msg

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
    description: Message  # what the column holds (SARAKKEET.md, the templates' instructions)
    choices: tuple[str, ...] = ()
    ref: str | None = None
    min_value: float | None = None
    max_value: float | None = None

    def text(self, lang: str) -> str:
        return self.description.text(lang)


@dataclass(frozen=True)
class RegisterSpec:
    name: str
    title_key: str
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

    def title(self, lang: str) -> str:
        """The register's name in `lang` ("Osallisuustapahtumat", "Delaktighetsevenemang")."""
        return msg(self.title_key).text(lang)

    @property
    def fi(self) -> str:
        return self.title("fi")

    @property
    def sv(self) -> str:
        return self.title("sv")

    @property
    def en(self) -> str:
        return self.title("en")


def C(name, type_, required, key, **kw) -> ColumnSpec:  # noqa: N802 - reads like a table row
    return ColumnSpec(name, type_, required, msg(key), **kw)


def participant_column(age_group_code: str) -> ColumnSpec:
    """The per-age-group participant count column of the events register."""
    return ColumnSpec(f"participants_{age_group_code}", INT, False,
                      msg("register.events.participants", code=age_group_code), min_value=0)


REGISTERS: dict[str, RegisterSpec] = {
    spec.name: spec
    for spec in (
        RegisterSpec(
            "district_population", "register.district_population",
            (
                C("district", TEXT, True, "register.district_population.district", ref=REF_DISTRICT),
                C("age_group", TEXT, True, "register.district_population.age_group", ref=REF_AGE_GROUP),
                C("year", INT, True, "register.district_population.year", min_value=MIN_YEAR),
                C("population", INT, True, "register.district_population.population", min_value=0),
            ),
            key=("district", "age_group", "year"),
        ),
        RegisterSpec(
            "goals", "register.goals",
            (
                C("code", TEXT, True, "register.goals.code"),
                C("priority_area", TEXT, True, "register.goals.priority_area", ref=REF_PRIORITY_AREA),
                C("text_fi", TEXT, True, "register.goals.text_fi"),
                C("text_sv", TEXT, False, "register.goals.text_sv"),
                C("text_en", TEXT, False, "register.goals.text_en"),
            ),
            key=("code",), provides=REF_GOAL,
        ),
        RegisterSpec(
            "measures", "register.measures",
            (
                C("code", TEXT, True, "register.measures.code"),
                C("goal", TEXT, True, "register.measures.goal", ref=REF_GOAL),
                C("text_fi", TEXT, True, "register.measures.text_fi"),
                C("text_sv", TEXT, False, "register.measures.text_sv"),
                C("text_en", TEXT, False, "register.measures.text_en"),
                C("responsible_unit", TEXT, True, "register.measures.responsible_unit"),
                C("status", TEXT, True, "register.measures.status", choices=MEASURE_STATUSES),
                C("due_date", DATE, False, "register.measures.due_date"),
                C("progress_note", TEXT, False, "register.measures.progress_note"),
                C("updated", DATE, False, "register.measures.updated"),
            ),
            key=("code",),
        ),
        RegisterSpec(
            "local_indicator_values", "register.local_indicator_values",
            (
                C("indicator", INT, True, "register.local_indicator_values.indicator", ref=REF_INDICATOR),
                C("district", TEXT, False, "register.local_indicator_values.district", ref=REF_DISTRICT),
                C("year", INT, True, "register.local_indicator_values.year", min_value=MIN_YEAR),
                C("gender", TEXT, True, "register.local_indicator_values.gender", choices=GENDERS),
                C("value", FLOAT, True, "register.local_indicator_values.value"),
            ),
            key=("indicator", "district", "year", "gender"),
        ),
        RegisterSpec(
            "departments", "register.departments",
            (
                C("code", TEXT, True, "register.departments.code"),
                C("name_fi", TEXT, True, "register.departments.name_fi"),
                C("name_sv", TEXT, False, "register.departments.name_sv"),
                C("name_en", TEXT, False, "register.departments.name_en"),
            ),
            key=("code",), provides=REF_DEPARTMENT,
        ),
        RegisterSpec(
            "events", "register.events",
            (
                C("id", TEXT, True, "register.events.id"),
                C("title", TEXT, True, "register.events.title"),
                C("date", DATE, True, "register.events.date"),
                C("district", TEXT, False, "register.events.district", ref=REF_DISTRICT),
                C("lon", FLOAT, False, "register.events.lon", min_value=19.0, max_value=32.0),
                C("lat", FLOAT, False, "register.events.lat", min_value=59.0, max_value=71.0),
                C("department", TEXT, True, "register.events.department", ref=REF_DEPARTMENT),
                C("event_type", TEXT, True, "register.events.event_type", choices=EVENT_TYPES),
                C("level", TEXT, True, "register.events.level", choices=PARTICIPATION_LEVELS),
            ),
            key=("id",),
        ),
        RegisterSpec(
            "adoption", "register.adoption",
            (
                C("department", TEXT, True, "register.adoption.department", ref=REF_DEPARTMENT),
                C("year", INT, True, "register.adoption.year", min_value=MIN_YEAR),
                C("trainings_held", INT, True, "register.adoption.trainings_held", min_value=0),
                C("units_total", INT, True, "register.adoption.units_total", min_value=0),
                C("units_using_model", INT, True, "register.adoption.units_using_model", min_value=0),
            ),
            key=("department", "year"),
        ),
        RegisterSpec(
            "working_groups", "register.working_groups",
            (
                C("code", TEXT, True, "register.working_groups.code"),
                C("name_fi", TEXT, True, "register.working_groups.name_fi"),
                C("name_sv", TEXT, False, "register.working_groups.name_sv"),
                C("name_en", TEXT, False, "register.working_groups.name_en"),
                C("kind", TEXT, True, "register.working_groups.kind", choices=GROUP_KINDS),
                C("parent", TEXT, False, "register.working_groups.parent", ref=REF_GROUP),
                C("age_group", TEXT, False, "register.working_groups.age_group", ref=REF_AGE_GROUP),
                C("target_meetings_min", INT, False, "register.working_groups.target_meetings_min", min_value=0),
                C("target_meetings_max", INT, False, "register.working_groups.target_meetings_max", min_value=0),
            ),
            key=("code",), provides=REF_GROUP,
        ),
        RegisterSpec(
            "seats", "register.seats",
            (
                C("group", TEXT, True, "register.seats.group", ref=REF_GROUP),
                C("seat_type", TEXT, True, "register.seats.seat_type", choices=SEAT_TYPES),
                C("seats_required", INT, True, "register.seats.seats_required", min_value=0),
                C("seats_filled", INT, True, "register.seats.seats_filled", min_value=0),
            ),
            key=("group", "seat_type"),
        ),
        RegisterSpec(
            "meetings", "register.meetings",
            (
                C("id", TEXT, True, "register.meetings.id"),
                C("group", TEXT, True, "register.meetings.group", ref=REF_GROUP),
                C("date", DATE, True, "register.meetings.date"),
                C("joint", BOOL, False, "register.meetings.joint"),
                C("invited", INT, False, "register.meetings.invited", min_value=0),
                C("present", INT, False, "register.meetings.present", min_value=0),
            ),
            key=("id",), provides=REF_MEETING,
        ),
        RegisterSpec(
            "meeting_topics", "register.meeting_topics",
            (
                C("meeting", TEXT, True, "register.meeting_topics.meeting", ref=REF_MEETING),
                C("priority_area", TEXT, True, "register.meeting_topics.priority_area", ref=REF_PRIORITY_AREA),
                C("topic", TEXT, False, "register.meeting_topics.topic"),
            ),
            key=("meeting", "priority_area"),
        ),
        RegisterSpec(
            "annual_clock", "register.annual_clock",
            (
                C("id", TEXT, True, "register.annual_clock.id"),
                C("year", INT, True, "register.annual_clock.year", min_value=MIN_YEAR),
                C("month", INT, True, "register.annual_clock.month", min_value=1, max_value=12),
                C("title_fi", TEXT, True, "register.annual_clock.title_fi"),
                C("title_sv", TEXT, False, "register.annual_clock.title_sv"),
                C("title_en", TEXT, False, "register.annual_clock.title_en"),
                C("status", TEXT, True, "register.annual_clock.status", choices=CLOCK_STATUSES),
            ),
            key=("id",),
        ),
        RegisterSpec(
            "ngos", "register.ngos",
            (
                C("id", TEXT, True, "register.ngos.id"),
                C("name", TEXT, True, "register.ngos.name"),
                C("type", TEXT, True, "register.ngos.type", choices=NGO_TYPES),
                C("whole_municipality", BOOL, False, "register.ngos.whole_municipality"),
                C("districts", CODE_LIST, False, "register.ngos.districts", ref=REF_DISTRICT),
            ),
            key=("id",), provides=REF_NGO,
        ),
        RegisterSpec(
            "partnerships", "register.partnerships",
            (
                C("id", TEXT, True, "register.partnerships.id"),
                C("ngo", TEXT, True, "register.partnerships.ngo", ref=REF_NGO),
                C("kind", TEXT, True, "register.partnerships.kind", choices=PARTNERSHIP_KINDS),
                C("start_date", DATE, True, "register.partnerships.start_date"),
                C("end_date", DATE, False, "register.partnerships.end_date"),
                C("grant_eur", FLOAT, False, "register.partnerships.grant_eur", min_value=0),
                C("group", TEXT, False, "register.partnerships.group", ref=REF_GROUP),
                C("description", TEXT, False, "register.partnerships.description"),
            ),
            key=("id",),
        ),
        RegisterSpec(
            "ngo_activities", "register.ngo_activities",
            (
                C("ngo", TEXT, True, "register.ngo_activities.ngo", ref=REF_NGO),
                C("priority_area", TEXT, True, "register.ngo_activities.priority_area", ref=REF_PRIORITY_AREA),
                C("age_group", TEXT, True, "register.ngo_activities.age_group", ref=REF_AGE_GROUP),
                C("year", INT, True, "register.ngo_activities.year", min_value=MIN_YEAR),
            ),
            key=("ngo", "priority_area", "age_group", "year"),
        ),
        RegisterSpec(
            "forums", "register.forums",
            (
                C("id", TEXT, True, "register.forums.id"),
                C("date", DATE, True, "register.forums.date"),
                C("title", TEXT, True, "register.forums.title"),
                C("ngos", CODE_LIST, False, "register.forums.ngos", ref=REF_NGO),
            ),
            key=("id",),
        ),
        RegisterSpec(
            "experiential_notes", "register.experiential_notes",
            (
                C("id", TEXT, True, "register.experiential_notes.id"),
                C("ngo", TEXT, True, "register.experiential_notes.ngo", ref=REF_NGO),
                C("date", DATE, True, "register.experiential_notes.date"),
                C("priority_area", TEXT, True, "register.experiential_notes.priority_area", ref=REF_PRIORITY_AREA),
                C("age_group", TEXT, False, "register.experiential_notes.age_group", ref=REF_AGE_GROUP),
                C("note", TEXT, True, "register.experiential_notes.note"),
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


# The catalogue keys naming each fixed choice ("resident_evening" -> "Asukasilta"): the editors' and the
# templates' drop-downs show these names, never the English codes alone.
CHOICE_KEYS = {
    MEASURE_STATUSES: "measure.{}", PARTICIPATION_LEVELS: "part.level.{}", EVENT_TYPES: "part.type.{}",
    GROUP_KINDS: "wg.kind.{}", SEAT_TYPES: "wg.seat.{}", NGO_TYPES: "ngo.type.{}",
    PARTNERSHIP_KINDS: "ngo.kind.{}", GENDERS: "ind.gender.{}", CLOCK_STATUSES: "wg.clock.status.{}",
}


def choice_name(col: ColumnSpec, code: str, lang: str) -> str:
    """A fixed choice's name in `lang` ("Asukasilta" for resident_evening); the code if it has none."""
    pattern = CHOICE_KEYS.get(col.choices)
    if pattern is None or code not in col.choices:
        return code
    return msg(pattern.format(code)).text(lang)


# The columns that hold a name or text in one language (`name_sv`, `text_fi`, `title_en`).
NAME_PREFIXES = ("name", "text", "title")
LANGUAGE_SUFFIXES = ("fi", "sv", "en")


def name_language(column: str) -> str | None:
    """The language of a name column (`name_sv` -> "sv"); None for any other column."""
    prefix, _, lang = column.rpartition("_")
    return lang if prefix in NAME_PREFIXES and lang in LANGUAGE_SUFFIXES else None


def register_columns(name: str, age_group_codes: tuple[str, ...] = (),
                     languages: tuple[str, ...] = ("fi",)) -> tuple[ColumnSpec, ...]:
    """The full column list of a register; events get one participant column per age group. A name is
    required in each of the package's `languages` (Swedish alone in a Swedish-speaking municipality's
    package, Finnish alone in a Finnish one) and optional in the others."""
    spec = REGISTERS[name]
    columns = tuple(replace(col, required=name_language(col.name) in languages) if name_language(col.name) else col
                    for col in spec.columns)
    if name == "events":
        return columns + tuple(participant_column(code) for code in age_group_codes)
    return columns
