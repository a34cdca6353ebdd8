"""The store schema: every table, defined once, used by the pipeline (writes) and the dashboard (reads).

Names are the domain's, in English. No table holds a personal name: groups, organisations and
counts only (see DESIGN.md, Privacy).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

# --- Municipality, regions, age groups, districts -------------------------------------------------

municipality = Table(
    "municipality",
    metadata,
    Column("code", String(3), primary_key=True, comment="Statistics Finland municipality code, e.g. 609"),
    Column("name_fi", Text, nullable=False),
    Column("name_sv", Text),
    Column("name_en", Text),
    Column("is_demo", Boolean, nullable=False, default=False),
    Column("plan_name_fi", Text),
    Column("plan_name_sv", Text),
    Column("plan_name_en", Text),
    Column("plan_start_year", Integer),
    Column("plan_end_year", Integer),
    Column("measure_flag_days", Integer, comment="a measure not updated for this many days is flagged"),
    Column("measure_stale_days", Integer, comment="... and stale after this many"),
    Column("languages", Text, comment="hyte.toml's language, primary first, comma-separated (sv,fi)"),
)

# The configured comparison set: the dashboard's comparison lines show these roles only. Every other
# municipality and wellbeing services county the Sotkanet responses carry is stored with role 'other'
# (for ranks and the map of Finland).
COMPARISON_ROLES = ("municipality", "county", "country", "peer")

# Sotkanet's own region ids: codes repeat across categories, so the id is the key.
region = Table(
    "region",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("category", String(32), nullable=False),
    Column("code", String(16), nullable=False),
    Column("name_fi", Text, nullable=False),
    Column("name_sv", Text),
    Column("name_en", Text),
    Column("role", String(16), nullable=False, comment="municipality | county | country | peer | other"),
    Column("county_id", Integer, comment="a municipality's wellbeing services county (region id), from memberOf"),
    UniqueConstraint("category", "code", name="uq_region_category_code"),
)

age_group = Table(
    "age_group",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("name_fi", Text, nullable=False),
    Column("name_sv", Text),
    Column("name_en", Text),
    Column("min_age", Integer, nullable=False),
    Column("max_age", Integer, comment="inclusive; empty = no upper bound"),
    Column("sort_order", Integer, nullable=False),
)

district = Table(
    "district",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("name_fi", Text, nullable=False),
    Column("name_sv", Text),
    Column("geometry", Text, nullable=False, comment="GeoJSON geometry in WGS84 lon/lat"),
    Column("centroid_lon", Float, nullable=False),
    Column("centroid_lat", Float, nullable=False),
    Column("area_km2", Float),
)

district_population = Table(
    "district_population",
    metadata,
    Column("district_code", String(32), ForeignKey("district.code"), primary_key=True),
    Column("age_group_code", String(32), ForeignKey("age_group.code"), primary_key=True),
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("population", Integer, nullable=False),
)

# --- The wellbeing plan ---------------------------------------------------------------------------

priority_area = Table(
    "priority_area",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("name_fi", Text, nullable=False),
    Column("name_sv", Text),
    Column("name_en", Text),
    Column("sort_order", Integer, nullable=False),
)

goal = Table(
    "goal",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("priority_area_code", String(32), ForeignKey("priority_area.code"), nullable=False),
    Column("text_fi", Text, nullable=False),
    Column("text_sv", Text),
    Column("text_en", Text),
)

measure = Table(
    "measure",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("goal_code", String(32), ForeignKey("goal.code"), nullable=False),
    Column("text_fi", Text, nullable=False),
    Column("text_sv", Text),
    Column("text_en", Text),
    Column("responsible_unit", Text, nullable=False),
    Column("status", String(16), nullable=False, comment="planned | ongoing | done | delayed"),
    Column("due_date", Date),
    Column("progress_note", Text, comment="the latest progress note"),
    Column("updated_on", Date, comment="when the measure was last updated (its status or note)"),
)

indicator = Table(
    "indicator",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False, comment="Sotkanet id, or a local id"),
    Column("source", String(16), nullable=False, comment="sotkanet | local"),
    Column("priority_area_code", String(32), ForeignKey("priority_area.code"), nullable=False),
    Column("age_group_code", String(32), ForeignKey("age_group.code")),
    Column("title_fi", Text, nullable=False),
    Column("title_sv", Text),
    Column("title_en", Text),
    Column("unit", Text),
    Column("value_type", String(32), comment="Sotkanet primaryValueType code, e.g. PROS"),
    Column("decimals", Integer, nullable=False, default=1),
    Column("direction", String(16), nullable=False, comment="higher_better | lower_better"),
    Column("target_value", Float),
    Column("target_year", Integer),
    Column("description_fi", Text),
    Column("description_sv", Text),
    Column("description_en", Text),
    Column("interpretation_fi", Text),
    Column("interpretation_sv", Text),
    Column("interpretation_en", Text),
    Column("organization", Text),
    Column("data_updated", Date),
    Column("range_start", Integer),
    Column("range_end", Integer),
    Column("sort_order", Integer, nullable=False, default=0),
)

indicator_value = Table(
    "indicator_value",
    metadata,
    Column("indicator_id", Integer, nullable=False),
    Column("region_id", Integer, nullable=False),
    Column("year", Integer, nullable=False),
    Column("gender", String(8), nullable=False, comment="total | male | female"),
    Column("value", Float),
    Column("abs_value", Float),
)
# One index serves "one indicator, all regions", the other "one region, all indicators":
# PostgreSQL cannot use the indicator-first index for a region filter (PERFORMANCE.md).
INDICATOR_VALUE_INDEXES = (
    ("ix_indicator_value_key", ("indicator_id", "region_id", "year", "gender"), True),
    ("ix_indicator_value_region", ("region_id", "indicator_id", "year"), False),
)
for _name, _cols, _unique in INDICATOR_VALUE_INDEXES:
    Index(_name, *(indicator_value.c[c] for c in _cols), unique=_unique)

# Each municipality's rank per indicator and year among all municipalities with a value (scope
# 'country') and among those of its wellbeing services county (scope 'county'), computed at load time
# from the values loaded with it (data_pipeline/compute/ranks.py).
indicator_rank = Table(
    "indicator_rank",
    metadata,
    Column("indicator_id", Integer, primary_key=True, autoincrement=False),
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("gender", String(8), primary_key=True, comment="total"),
    Column("scope", String(8), primary_key=True, comment="country | county"),
    Column("region_id", Integer, primary_key=True, autoincrement=False),
    Column("rank", Integer, nullable=False, comment="1 = best by the indicator's direction; ties share the lowest"),
    Column("count", Integer, nullable=False, comment="municipalities with a value in the scope that year"),
    Column("quartile", Integer, nullable=False, comment="1 = best quarter … 4 = worst, by rank position"),
    Column("previous_year", Integer, comment="the indicator's previous year with ranks in the scope"),
    Column("previous_rank", Integer),
    Column("rank_change", Integer, comment="previous_rank - rank: positive = climbed"),
)
Index("ix_indicator_rank_region", indicator_rank.c.region_id, indicator_rank.c.indicator_id, indicator_rank.c.year)

# Every municipality's size and age structure (Sotkanet 127, 1064, 1067, 1068) in the latest population
# year, with its distance from the own municipality: the similar municipalities proposed and why
# (data_pipeline/compute/similar.py), computed at load time from the values loaded with it.
municipality_profile = Table(
    "municipality_profile",
    metadata,
    Column("region_id", Integer, primary_key=True, autoincrement=False),
    Column("year", Integer, nullable=False),
    Column("population", Float),
    Column("share_0_14", Float, comment="0–14-year-olds, % of the population"),
    Column("share_15_64", Float),
    Column("share_65_plus", Float),
    Column("share_swedish", Float, comment="Swedish speakers, % of the population (Sotkanet 2343)"),
    Column("distance", Float, comment="standardised distance from the own municipality (log population, 0–14 %, 65+ %, "
                                      "and the Swedish share for a bilingual or Swedish-speaking one)"),
    Column("similarity_rank", Integer, comment="1 = the most similar; empty for the own and incomplete profiles"),
)

# Municipality boundaries from Statistics Finland's open layer (kunta1000k), simplified for a light map.
municipality_shape = Table(
    "municipality_shape",
    metadata,
    Column("code", String(3), primary_key=True, comment="municipality code, e.g. 609"),
    Column("name_fi", Text, nullable=False),
    Column("name_sv", Text),
    Column("name_en", Text),
    Column("year", Integer, nullable=False, comment="the municipal division's year"),
    Column("geometry", Text, nullable=False, comment="GeoJSON geometry in WGS84 lon/lat"),
)

indicator_district_value = Table(
    "indicator_district_value",
    metadata,
    Column("indicator_id", Integer, ForeignKey("indicator.id"), primary_key=True, autoincrement=False),
    Column("district_code", String(32), ForeignKey("district.code"), primary_key=True),
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("gender", String(8), primary_key=True),
    Column("value", Float),
)

# --- Participation --------------------------------------------------------------------------------

department = Table(
    "department",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("name_fi", Text, nullable=False),
    Column("name_sv", Text),
    Column("name_en", Text),
)

participation_event = Table(
    "participation_event",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
    Column("event_date", Date, nullable=False),
    Column("district_code", String(32), ForeignKey("district.code"), comment="empty = municipality-wide"),
    Column("lon", Float),
    Column("lat", Float),
    Column("department_code", String(32), ForeignKey("department.code"), nullable=False),
    Column("event_type", String(32), nullable=False),
    Column("participation_level", String(16), nullable=False,
           comment="information | planning | decision | action"),
)
# Date first for the period; department and level too, so that counting a period's events by department and
# level (the adoption chart) reads the index alone, not 50,000 event rows nationally.
Index("ix_participation_event_date", participation_event.c.event_date, participation_event.c.department_code,
      participation_event.c.participation_level)

event_participants = Table(
    "event_participants",
    metadata,
    Column("event_id", String(64), ForeignKey("participation_event.id"), primary_key=True),
    Column("age_group_code", String(32), ForeignKey("age_group.code"), primary_key=True),
    Column("participants", Integer, nullable=False),
)

# Derived from the two tables above by the writer, in the same transaction (data_pipeline.store.aggregates):
# the screens' reach figures read these few thousand rows instead of every event × age group (144,000
# rows nationally). Per breakdown ("district" | "level" | "type"), code (the district, level or event
# type; a null district = events without one) and calendar year: one row of all ages (age_group_code
# null: participants and the number of events) and one per age group with participants (events = those
# of the events that recorded the age group).
participation_total = Table(
    "participation_total",
    metadata,
    Column("breakdown", String(16), nullable=False, comment="district | level | type"),
    Column("code", String(32), comment="empty = events without a district"),
    Column("year", Integer, nullable=False),
    Column("age_group_code", String(32), comment="empty = all age groups"),
    Column("participants", Integer, nullable=False),
    Column("events", Integer, nullable=False),
)
Index("ix_participation_total_year", participation_total.c.year, participation_total.c.breakdown)

# Derived from `indicator_value` on each load: each indicator's first and last year with a value. The
# screens' year choices read these few hundred rows; min/max over a national extract's values (7.5M
# rows) took 0.85 s on PostgreSQL on each cold cache.
indicator_year_span = Table(
    "indicator_year_span",
    metadata,
    Column("indicator_id", Integer, primary_key=True, autoincrement=False),
    Column("first_year", Integer, nullable=False),
    Column("last_year", Integer, nullable=False),
)

# Derived from `district` on each load (data_pipeline.store.aggregates.district_outlines): each district's
# outline as the map draws it, simplified to about 10 m and rounded to about 1 m, with its bounds. The
# participation map reads these instead of simplifying thousands of full outlines on each cold cache.
district_outline = Table(
    "district_outline",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("geometry", Text, nullable=False, comment="simplified GeoJSON geometry in WGS84 lon/lat"),
    Column("west", Float, nullable=False),
    Column("south", Float, nullable=False),
    Column("east", Float, nullable=False),
    Column("north", Float, nullable=False),
)

participation_adoption = Table(
    "participation_adoption",
    metadata,
    Column("department_code", String(32), ForeignKey("department.code"), primary_key=True),
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("trainings_held", Integer, nullable=False),
    Column("units_total", Integer, nullable=False),
    Column("units_using_model", Integer, nullable=False),
)

# --- Working groups -------------------------------------------------------------------------------

working_group = Table(
    "working_group",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("name_fi", Text, nullable=False),
    Column("name_sv", Text),
    Column("name_en", Text),
    Column("kind", String(16), nullable=False, comment="leadership | steering | lifecycle | subgroup"),
    Column("parent_code", String(32), ForeignKey("working_group.code")),
    Column("age_group_code", String(32), ForeignKey("age_group.code")),
    Column("target_meetings_min", Integer),
    Column("target_meetings_max", Integer),
)

group_seat = Table(
    "group_seat",
    metadata,
    Column("group_code", String(32), ForeignKey("working_group.code"), primary_key=True),
    Column("seat_type", String(16), primary_key=True, comment="official | entrepreneur | parish | ngo"),
    Column("seats_required", Integer, nullable=False),
    Column("seats_filled", Integer, nullable=False),
)

meeting = Table(
    "meeting",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("group_code", String(32), ForeignKey("working_group.code"), nullable=False),
    Column("meeting_date", Date, nullable=False),
    Column("is_joint", Boolean, nullable=False, default=False),
    Column("members_invited", Integer),
    Column("members_present", Integer),
)
Index("ix_meeting_group_date", meeting.c.group_code, meeting.c.meeting_date)

meeting_topic = Table(
    "meeting_topic",
    metadata,
    Column("meeting_id", String(64), ForeignKey("meeting.id"), primary_key=True),
    Column("priority_area_code", String(32), ForeignKey("priority_area.code"), primary_key=True),
    Column("topic", Text),
)

annual_clock_item = Table(
    "annual_clock_item",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("year", Integer, nullable=False),
    Column("month", Integer, nullable=False),
    Column("title_fi", Text, nullable=False),
    Column("title_sv", Text),
    Column("title_en", Text),
    Column("status", String(16), nullable=False, comment="planned | done"),
)

# --- NGO partnerships -----------------------------------------------------------------------------

ngo = Table(
    "ngo",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("ngo_type", String(32), nullable=False,
           comment="association | sports_club | cultural | parish | other"),
    Column("serves_whole_municipality", Boolean, nullable=False, default=False),
)

ngo_district = Table(
    "ngo_district",
    metadata,
    Column("ngo_id", String(64), ForeignKey("ngo.id"), primary_key=True),
    Column("district_code", String(32), ForeignKey("district.code"), primary_key=True),
)

partnership = Table(
    "partnership",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("ngo_id", String(64), ForeignKey("ngo.id"), nullable=False),
    Column("kind", String(16), nullable=False, comment="agreement | grant | joint_service | seat"),
    Column("start_date", Date, nullable=False),
    Column("end_date", Date),
    Column("grant_eur", Float),
    Column("group_code", String(32), ForeignKey("working_group.code")),
    Column("description", Text),
)

ngo_activity = Table(
    "ngo_activity",
    metadata,
    Column("ngo_id", String(64), ForeignKey("ngo.id"), primary_key=True),
    Column("priority_area_code", String(32), ForeignKey("priority_area.code"), primary_key=True),
    Column("age_group_code", String(32), ForeignKey("age_group.code"), primary_key=True),
    Column("year", Integer, primary_key=True, autoincrement=False),
)

joint_forum = Table(
    "joint_forum",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("forum_date", Date, nullable=False),
    Column("title", Text, nullable=False),
)

joint_forum_attendance = Table(
    "joint_forum_attendance",
    metadata,
    Column("forum_id", String(64), ForeignKey("joint_forum.id"), primary_key=True),
    Column("ngo_id", String(64), ForeignKey("ngo.id"), primary_key=True),
)

experiential_note = Table(
    "experiential_note",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("ngo_id", String(64), ForeignKey("ngo.id"), nullable=False),
    Column("note_date", Date, nullable=False),
    Column("priority_area_code", String(32), ForeignKey("priority_area.code"), nullable=False),
    Column("age_group_code", String(32), ForeignKey("age_group.code")),
    Column("note", Text, nullable=False),
)

# --- Pipeline metadata ----------------------------------------------------------------------------

load_run = Table(
    "load_run",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", String(16), nullable=False, comment="running | success | rejected | failed"),
    Column("command", Text, nullable=False),
    Column("config_path", Text),
    Column("message", Text),
    Column("rows_json", Text, comment="rows written per table, JSON object"),
)

source_freshness = Table(
    "source_freshness",
    metadata,
    Column("source", String(64), primary_key=True),
    Column("status", String(16), nullable=False, comment="fresh | stale"),
    Column("last_success_at", DateTime(timezone=True)),
    Column("last_attempt_at", DateTime(timezone=True), nullable=False),
    Column("data_updated", Date, comment="the source's own date for its data, if it gives one"),
    Column("content_hash", String(64)),
    Column("message", Text),
    Column("attribution", Text),
)

rejected_input = Table(
    "rejected_input",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("run_id", BigInteger().with_variant(Integer, "sqlite"), ForeignKey("load_run.id"), nullable=False),
    Column("file", Text, nullable=False),
    Column("line", Integer),
    Column("column_name", Text),
    Column("message", Text, nullable=False),
)

# --- Changes made through the app or the CLI (who, when, what file, rows) ---------------------------

# One row per change a person made: an upload, a restore, a refresh, and uploads that were refused.
# Written in the load's own transaction, so a change is logged exactly when it happened.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", Text, nullable=False, comment="the signed-in e-mail, or the OS user of the CLI"),
    Column("action", String(16), nullable=False, comment="upload | restore | refresh | rejected"),
    Column("register", String(64), comment="the register changed; empty for a whole refresh"),
    Column("file_name", Text, comment="the file as the person uploaded it"),
    Column("rows", Integer, comment="rows of the register (upload, restore) or of all tables (refresh)"),
    Column("run_id", BigInteger().with_variant(Integer, "sqlite"), ForeignKey("load_run.id")),
    Column("message", Text),
)

# Every version of a register file that has been in the package since uploads began: the bytes as
# uploaded, so any earlier version can be restored even if the package folder is lost.
register_version = Table(
    "register_version",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("register", String(64), nullable=False),
    Column("file_name", Text, nullable=False, comment="as stored in the package: <register>.csv|.xlsx"),
    Column("uploaded_name", Text, comment="as the person uploaded it"),
    Column("content", LargeBinary, comment="empty when the package had no file for the register"),
    Column("sha256", String(64)),
    Column("rows", Integer),
    Column("origin", String(16), nullable=False, comment="package | upload | restore"),
    Column("saved_at", DateTime(timezone=True), nullable=False),
    Column("actor", Text, nullable=False),
    Index("ix_register_version_register", "register", "id"),
)

# The council report's texts the coordinator wrote, every save a version; never replaced by a load.
report_text = Table(
    "report_text",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False, comment="annual | broad"),
    Column("year", Integer, nullable=False, comment="the report's year (a broad report's: the term's last)"),
    Column("lang", String(8), nullable=False),
    Column("section", String(32), nullable=False, comment="THL's section: summary, background, current_state, ..."),
    Column("text", Text, nullable=False, comment="the coordinator's text; empty: the proposed draft again"),
    Column("saved_at", DateTime(timezone=True), nullable=False),
    Column("actor", Text, nullable=False),
    Index("ix_report_text_key", "kind", "year", "lang", "section", "id"),
)

# Tables the pipeline replaces on each load, in dependency order (parents first).
DATA_TABLES = (
    municipality,
    region,
    age_group,
    district,
    district_population,
    priority_area,
    goal,
    measure,
    indicator,
    indicator_value,
    indicator_rank,
    municipality_profile,
    municipality_shape,
    indicator_district_value,
    department,
    participation_event,
    event_participants,
    participation_adoption,
    working_group,
    group_seat,
    meeting,
    meeting_topic,
    annual_clock_item,
    ngo,
    ngo_district,
    partnership,
    ngo_activity,
    joint_forum,
    joint_forum_attendance,
    experiential_note,
)
# Tables computed from the data tables on each load (never from a package file), written with them.
DERIVED_TABLES = (participation_total, district_outline, indicator_year_span)
META_TABLES = (load_run, source_freshness, rejected_input, audit_log, register_version)
