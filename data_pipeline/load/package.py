"""Extract and validate a whole data package (config, districts, Sotkanet cache, registers) into tables.

Nothing here writes the store: the result is either every table ready to load, or every problem.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from data_pipeline.compute import ranks, similar
from data_pipeline.i18n import Message, msg
from data_pipeline.inputs import registers as R
from data_pipeline.inputs import validate
from data_pipeline.inputs.config import Config
from data_pipeline.inputs.districts import points_outside, read_districts, read_districts_once
from data_pipeline.inputs.problems import MAX_LISTED_PER_FILE, Problem, ProblemList
from data_pipeline.inputs.readers import RawTable, read_register_file
from data_pipeline.inputs.validate import RejectedRows, validate_register
from data_pipeline.sources import boundaries
from data_pipeline.sources import sotkanet_cache as sotkanet
from data_pipeline.store import schema


@dataclass(frozen=True)
class Source:
    """One input source of a package, for the freshness record."""

    name: str
    content_hash: str
    data_updated: dt.date | None = None
    attribution: str | None = None


@dataclass(frozen=True)
class Package:
    tables: dict[str, pl.DataFrame]
    sources: tuple[Source, ...]
    register_rows: dict[str, int] = field(default_factory=dict)  # rows read per register file given


def population_warnings(config: Config, package: Package) -> list[Problem]:
    """What loads but leaves the participation screen without reach: districts with no population
    figure (a custom district file without Paavo and an empty district_population register). A warning,
    not a rejection: events can be counted without population."""
    codes = package.tables["district"]["code"].to_list() if "district" in package.tables else []
    if not codes:
        return []
    population = package.tables.get("district_population")
    known = set() if population is None else set(
        population.filter(pl.col("population") > 0)["district_code"].to_list())
    missing = [c for c in codes if c not in known]
    if not missing:
        return []
    base = config.path.parent
    where = config.registers_dir / "district_population.csv"
    shown = str(where.relative_to(base)) if where.is_relative_to(base) else str(where)
    names = ", ".join(missing[:5]) + (f" (+{len(missing) - 5})" if len(missing) > 5 else "")
    return [Problem(shown, 1, "district", msg("warning.no_population", file=shown, count=len(missing),
                                              total=len(codes), names=names))]


def find_register(directory: Path, name: str) -> tuple[Path | None, Problem | None]:
    found = [p for p in (directory / f"{name}.csv", directory / f"{name}.xlsx") if p.is_file()]
    if len(found) > 1:
        return None, Problem(f"{name}.csv", None, "-", msg("problem.csv_and_xlsx", name=name))
    return (found[0] if found else None), None


def sotkanet_cache_files(config: Config) -> list[Path]:
    return list(config.sotkanet_cache_dir.rglob("*.json"))


def content_hashes(config: Config) -> dict[str, str] | None:
    """Each source's content hash exactly as `build_package` records it, without reading any file's content.

    None when that cannot be told without building the package: a missing districts file, a register
    in both formats, districts from Paavo (derived during the build). A refresh compares these with the
    stored hashes before the expensive read and validation (nationally most of an unchanged re-run).
    """
    if config.districts_source != "file":
        return None
    hashes: dict[str, str] = {}
    if config.districts_file is not None:
        if not config.districts_file.is_file():
            return None
        hashes["districts"] = hash_files([config.districts_file])
    if any(ind.source == "sotkanet" for ind in config.indicators) or (config.sotkanet_cache_dir / "regions.json").is_file():
        hashes["sotkanet"] = hash_files(sotkanet_cache_files(config))
    files = []
    for name in R.REGISTER_ORDER:
        path, problem = find_register(config.registers_dir, name)
        if problem:
            return None
        if path is not None:
            files.append(path)
    if files:
        hashes["registers"] = hash_files(files)
    if config.boundaries_year is not None and boundaries.cache_path(config).is_file():
        hashes["boundaries"] = hash_files([boundaries.cache_path(config)])
    return hashes


def hash_files(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


_TAG = re.compile(r"<[^>]+>")


def plain_text(text: str | None) -> str | None:
    """Sotkanet descriptions carry HTML; the store keeps text only (it is shown as text, never HTML)."""
    if not text:
        return None
    text = _TAG.sub("\n", text.replace("<br>", "\n").replace("<br />", "\n"))
    text = html.unescape(text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip() or None


def _entities(text: str | None) -> str | None:
    """Sotkanet's titles carry HTML entities ("BMI &#8805; 30"); the store keeps the text they stand for."""
    return html.unescape(text) if text else text


def _config_tables(config: Config) -> dict[str, pl.DataFrame]:
    name = config.municipality_name
    plan = config.plan_name
    return {
        "municipality": pl.DataFrame([{
            "code": config.municipality_code, "name_fi": name["fi"], "name_sv": name["sv"], "name_en": name["en"],
            "is_demo": config.is_demo, "plan_name_fi": plan["fi"], "plan_name_sv": plan["sv"],
            "plan_name_en": plan["en"], "plan_start_year": config.plan_start_year,
            "plan_end_year": config.plan_end_year, "measure_flag_days": config.measure_flag_days,
            "measure_stale_days": config.measure_stale_days, "languages": ",".join(config.languages) or None,
        }], schema_overrides={"languages": pl.Utf8}),
        "age_group": pl.DataFrame([vars(g) for g in config.age_groups],
                                  schema_overrides={"max_age": pl.Int64, "name_sv": pl.Utf8, "name_en": pl.Utf8}),
        "priority_area": pl.DataFrame([vars(a) for a in config.priority_areas],
                                      schema_overrides={"name_sv": pl.Utf8, "name_en": pl.Utf8}),
    }


def _indicator_table(config: Config, metas: list[dict]) -> pl.DataFrame:
    by_id = {m["id"]: m for m in metas}
    rows = []
    for ind in config.indicators:
        meta = by_id.get(ind.id, {})
        title = meta.get("title") or {}
        desc = meta.get("description") or {}
        interp = meta.get("interpretation") or {}
        value_type = meta.get("primaryValueType") or {}
        rng = meta.get("range") or {}
        rows.append({
            "id": ind.id, "source": ind.source, "priority_area_code": ind.priority_area,
            "age_group_code": ind.age_group,
            "title_fi": ind.title_fi or _entities(title.get("fi")) or ind.title_sv or ind.title_en or f"#{ind.id}",
            "title_sv": ind.title_sv or _entities(title.get("sv")), "title_en": ind.title_en or _entities(title.get("en")),
            "unit": ind.unit or (value_type.get("title") or {}).get("fi"),
            "value_type": value_type.get("code"),
            "decimals": ind.decimals if ind.decimals is not None else int(meta.get("decimals", 1)),
            "direction": ind.direction, "target_value": ind.target, "target_year": ind.target_year,
            **{f"description_{lang}": plain_text(desc.get(lang)) for lang in ("fi", "sv", "en")},
            **{f"interpretation_{lang}": plain_text(interp.get(lang)) for lang in ("fi", "sv", "en")},
            "organization": ((meta.get("organization") or {}).get("title") or {}).get("fi"),
            "data_updated": sotkanet.parse_date(meta.get("data-updated")),
            "range_start": rng.get("start"), "range_end": rng.get("end"),
            "sort_order": ind.sort_order,
        })
    return pl.DataFrame(rows, infer_schema_length=None)


# Registers checked against each other beyond their references (_cross_checks' seat rules).
_CROSS_CHECKED = frozenset({"seats", "partnerships"})


def register_scope(changed: set[str] | frozenset[str]) -> frozenset[str]:
    """The registers whose checks can come out differently when only `changed` registers differ from a
    package that passed them all (the store holds a load of it: refresh.store_matches): the changed ones,
    every register providing codes (small: departments, groups, NGOs, goals, meetings; their codes are
    what the others are checked against), every register referring to a changed one's codes, and the
    registers cross-checked together. The rest (events, district population, …) have the same bytes and
    the same codes to refer to, so their checks give what they gave at the last load: none."""
    provided = {R.REGISTERS[name].provides for name in changed} - {None}
    out = set(changed) | _CROSS_CHECKED
    for name in R.REGISTER_ORDER:
        spec = R.REGISTERS[name]
        if spec.provides or any(c.ref in provided for c in spec.columns if c.ref):
            out.add(name)
    return frozenset(out)


def _load_registers(config: Config, known: dict[str, set[str]], problems: ProblemList,
                    replaced: dict[str, RawTable] | None = None, scope: frozenset[str] | None = None
                    ) -> tuple[dict[str, pl.DataFrame], list[Path]]:
    """Every register validated in order (a register's codes known to those after it). `replaced`: rows
    standing in for some registers' files (the register editors' unsaved tables). `scope`: validate only
    these (register_scope); the others get no frame, and their files are listed all the same."""
    frames: dict[str, pl.DataFrame] = {}
    files: list[Path] = []
    rejected: dict[str, RejectedRows] = {}  # reference kind -> the rows of its register that were rejected
    replaced = replaced or {}
    for name in R.REGISTER_ORDER:
        spec = R.REGISTERS[name]
        columns = R.register_columns(name, config.age_group_codes, config.name_languages)
        if scope is not None and name not in scope and name not in replaced:
            path, problem = find_register(config.registers_dir, name)
            if problem:
                problems.append(problem)
            elif path is not None:
                files.append(path)
            continue
        if name in replaced:
            _validate_one(name, spec, columns, replaced[name], known, rejected, problems, frames)
            continue
        path, problem = find_register(config.registers_dir, name)
        if problem:
            problems.append(problem)
            continue
        if path is None:
            frames[name] = validate_register(_empty_raw(name, columns), columns, spec.key, known)[0]
            if spec.provides:
                known[spec.provides] = set()
            continue
        files.append(path)
        raw, read_problems = read_register_file(path)
        if raw is None:
            problems.extend(read_problems)
            if spec.provides:
                known.pop(spec.provides, None)  # unknown codes: do not report every reference to them
            continue
        _validate_one(name, spec, columns, raw, known, rejected, problems, frames)
    return frames, files


def _validate_one(name: str, spec: R.RegisterSpec, columns, raw: RawTable, known: dict[str, set[str]],
                  rejected: dict[str, RejectedRows], problems: ProblemList, frames: dict[str, pl.DataFrame]) -> None:
    rejected_keys: dict[str, int] = {}
    frame, _problems = validate_register(raw, columns, spec.key, known, rejected=rejected,
                                         rejected_keys=rejected_keys, into=problems)
    frames[name] = frame
    if spec.provides:
        known[spec.provides] = set(frame[spec.key[0]].cast(pl.Utf8).to_list())
        rejected[spec.provides] = RejectedRows(raw.file, rejected_keys)


def check_registers(config: Config, replaced: dict[str, RawTable], *, loaded: bool = False) -> list[Problem]:
    """The problems the package's registers have with `replaced` standing in for some of their files:
    exactly the register checks of a refresh and an upload (the same validators, references between
    registers and cross-checks), without reading Sotkanet's cache or loading anything. The register
    editors run it as a person edits; saving then runs the whole package through the upload's process.
    `loaded`: the package on disk is the one the store last loaded (refresh.store_matches), so only the
    registers in register_scope(replaced) are checked (what the others give is known: nothing)."""
    problems = ProblemList()
    districts = None
    if config.districts_file is not None and config.districts_file.is_file():
        districts, district_problems = read_districts_once(
            config.districts_file, config.district_id_property, config.district_name_property,
            config.district_name_sv_property)
        if district_problems:
            districts = None
    scope = register_scope(set(replaced)) if loaded else None
    frames, _files = _load_registers(config, _known_codes(config, districts), problems, replaced, scope)
    if not problems.total:
        problems.extend(_cross_checks(frames, config, districts))
    return problems.finished()


# Registers whose tables a register-only load (build_register_tables) cannot make alone: the local
# values share indicator_value with Sotkanet's; Paavo's districts fill district_population.
WHOLE_PACKAGE_REGISTERS = frozenset({"local_indicator_values", "district_population"})


def build_register_tables(config: Config, register: str, districts: pl.DataFrame | None
                          ) -> tuple[dict[str, pl.DataFrame] | None, list[Path], list[Problem]]:
    """One register's store tables (REGISTER_TABLES), for a package whose other sources and registers
    the store already holds exactly (refresh.store_matches): the registers in register_scope checked as
    build_package checks them, with the districts as the store has them (`districts`: code, name_fi,
    geometry; the GeoJSON file they were loaded from is unchanged), and nothing else read — no Sotkanet
    cache, boundaries, ranks or profiles, none of which the register changes. Returns (tables or None,
    every register file, problems)."""
    if register in WHOLE_PACKAGE_REGISTERS:
        raise ValueError(f"{register} is loaded with the whole package")
    problems = ProblemList()
    known = _known_codes(config, districts)
    frames, files = _load_registers(config, known, problems, scope=register_scope({register}))
    if not problems.total:
        problems.extend(_cross_checks(frames, config, districts if register == "events" else None))
    if problems.total:
        return None, files, problems.finished()
    for name in R.REGISTER_ORDER:  # the registers not checked: empty, their tables are not written
        if name not in frames:
            columns = R.register_columns(name, config.age_group_codes, config.name_languages)
            frames[name] = validate_register(_empty_raw(name, columns), columns, R.REGISTERS[name].key, {})[0]
    tables = _conform(_register_tables(frames, config, None))
    return {name: tables[name] for name in REGISTER_TABLES[register]}, files, []


def _known_codes(config: Config, districts: pl.DataFrame | None) -> dict[str, set[str]]:
    """The codes hyte.toml and the districts define, which registers refer to."""
    known = {
        # Districts with their names: an unknown one is answered with the district it resembles.
        R.REF_DISTRICT: dict(districts.select("code", "name_fi").iter_rows()) if districts is not None else None,
        R.REF_AGE_GROUP: set(config.age_group_codes),
        R.REF_PRIORITY_AREA: {a.code for a in config.priority_areas},
        R.REF_INDICATOR: {str(ind.id) for ind in config.indicators},
    }
    return {k: v for k, v in known.items() if v is not None}


def _empty_raw(name: str, columns):
    return RawTable(f"{name}.csv", [c.name for c in columns], [])


def _cross_checks(frames: dict[str, pl.DataFrame], config: Config,
                  districts: pl.DataFrame | None = None) -> list[Problem]:
    """Rules between columns of a row, which single cells cannot show."""
    problems: list[Problem] = []
    if districts is not None and districts.height:
        problems.extend(_places_outside(frames, config, districts))

    def rule(register: str, predicate: pl.Expr, column: str, message: Message) -> None:
        frame = frames.get(register)
        if frame is None or frame.is_empty():
            return
        for line in frame.filter(predicate)["_line"].to_list():
            problems.append(Problem(f"{register}.{_suffix(config, register)}", line, column, message))

    rule("adoption", pl.col("units_using_model") > pl.col("units_total"), "units_using_model",
         msg("problem.more_using_than_units"))
    rule("meetings", pl.col("present") > pl.col("invited"), "present",
         msg("problem.more_present_than_invited"))
    problems.extend(_seat_checks(frames, config))
    rule("partnerships", pl.col("end_date") < pl.col("start_date"), "end_date",
         msg("problem.ends_before_start"))
    rule("working_groups", pl.col("target_meetings_min") > pl.col("target_meetings_max"), "target_meetings_min",
         msg("problem.minimum_above_maximum"))
    rule("working_groups", pl.col("parent") == pl.col("code"), "parent",
         msg("problem.reports_to_itself"))
    local_ids = {ind.id for ind in config.indicators if ind.source == "local"}
    rule("local_indicator_values", ~pl.col("indicator").is_in(list(local_ids)), "indicator",
         msg("problem.not_local_indicator"))
    return problems


def _places_outside(frames: dict[str, pl.DataFrame], config: Config, districts: pl.DataFrame) -> list[Problem]:
    """Events whose coordinates fall outside every district (a point in the next town, lat/lon swapped)."""
    events = frames.get("events")
    if events is None or events.is_empty():
        return []
    placed = events.filter(pl.col("lon").is_not_null() & pl.col("lat").is_not_null())
    outside = points_outside(districts, placed["lon"].to_list(), placed["lat"].to_list())
    problems = []
    for (line, lon, lat), out in zip(placed.select("_line", "lon", "lat").iter_rows(), outside):
        if out:
            problems.append(Problem(
                f"events.{_suffix(config, 'events')}", line, "lon, lat",
                msg("problem.place_outside", lon=f"{lon:g}", lat=f"{lat:g}")))
    return problems


RESIDENT_SEATS = ("entrepreneur", "parish", "ngo")


def _seat_checks(frames: dict[str, pl.DataFrame], config: Config) -> list[Problem]:
    """More seats filled than a group has, in the seats register or through seat partnerships in force."""
    problems = []
    seats = frames.get("seats")
    if seats is None or seats.is_empty():
        return problems
    seats_file = f"seats.{_suffix(config, 'seats')}"
    for row in seats.filter(pl.col("seats_filled") > pl.col("seats_required")).iter_rows(named=True):
        group, kind, filled, available = row["group"], row["seat_type"], row["seats_filled"], row["seats_required"]
        problems.append(Problem(seats_file, row["_line"], "seats_filled",
                                msg("problem.seats_overfilled", group=group, filled=filled, kind=kind,
                                    available=available)))
    partnerships = frames.get("partnerships")
    if partnerships is None or partnerships.is_empty():
        return problems
    today = validate.TODAY()
    resident = (seats.filter(pl.col("seat_type").is_in(RESIDENT_SEATS))
                .group_by("group").agg(pl.col("seats_required").sum()))
    available = dict(resident.iter_rows())
    held = (partnerships.filter((pl.col("kind") == "seat") & pl.col("group").is_not_null()
                                & (pl.col("start_date") <= today)
                                & (pl.col("end_date").is_null() | (pl.col("end_date") >= today)))
            .group_by("group").agg(pl.col("_line").sort()))
    for group, lines in held.sort("group").iter_rows():
        if group in available and len(lines) > available[group]:
            listed = ", ".join(str(n) for n in lines)
            problems.append(Problem(
                f"partnerships.{_suffix(config, 'partnerships')}", lines[-1], "group",
                msg("problem.partnership_seats", group=group, held=len(lines), lines=listed, file=seats_file,
                    kinds=", ".join(RESIDENT_SEATS), available=available[group])))
    return problems


def _suffix(config: Config, register: str) -> str:
    return "xlsx" if (config.registers_dir / f"{register}.xlsx").is_file() else "csv"


# The store tables each register fills (_register_tables): an upload of one register into a store that
# holds the rest of the package rewrites only these (refresh_locked's only_register).
REGISTER_TABLES = {
    "district_population": frozenset({"district_population"}), "goals": frozenset({"goal"}),
    "measures": frozenset({"measure"}),
    "local_indicator_values": frozenset({"indicator_district_value", "indicator_value"}),
    "departments": frozenset({"department"}), "events": frozenset({"participation_event", "event_participants"}),
    "adoption": frozenset({"participation_adoption"}), "working_groups": frozenset({"working_group"}),
    "seats": frozenset({"group_seat"}), "meetings": frozenset({"meeting"}),
    "meeting_topics": frozenset({"meeting_topic"}), "annual_clock": frozenset({"annual_clock_item"}),
    "ngos": frozenset({"ngo", "ngo_district"}), "partnerships": frozenset({"partnership"}),
    "ngo_activities": frozenset({"ngo_activity"}), "forums": frozenset({"joint_forum", "joint_forum_attendance"}),
    "experiential_notes": frozenset({"experiential_note"}),
}
assert set(REGISTER_TABLES) == set(R.REGISTERS)
assert all(name in {t.name for t in schema.DATA_TABLES} for names in REGISTER_TABLES.values() for name in names)


def _shown_names(frame: pl.DataFrame, languages: tuple[str, ...]) -> pl.DataFrame:
    """`name_fi` (`text_fi`, `title_fi`) as every screen falls back to it (config.shown_name): the Finnish
    name, else the one in the package's language. A Swedish-speaking municipality's register names things
    in Swedish only; a Finnish or English screen then shows the Swedish name rather than nothing."""
    for prefix in R.NAME_PREFIXES:
        if f"{prefix}_fi" in frame.columns:
            order = [f"{prefix}_{lang}" for lang in dict.fromkeys(("fi", *languages, "sv", "en"))]
            frame = frame.with_columns(pl.coalesce([c for c in order if c in frame.columns]).alias(f"{prefix}_fi"))
    return frame


def _register_tables(f: dict[str, pl.DataFrame], config: Config, municipality_region: int | None) -> dict[str, pl.DataFrame]:
    """Register rows reshaped into the store's tables."""
    events = f["events"]
    participant_cols = [f"participants_{code}" for code in config.age_group_codes]
    local = f["local_indicator_values"]
    f = {name: _shown_names(frame, config.name_languages) for name, frame in f.items()}
    tables = {
        "district_population": f["district_population"].select(
            pl.col("district").alias("district_code"), pl.col("age_group").alias("age_group_code"), "year", "population"),
        "goal": f["goals"].select("code", pl.col("priority_area").alias("priority_area_code"), "text_fi", "text_sv", "text_en"),
        "measure": f["measures"].select("code", pl.col("goal").alias("goal_code"), "text_fi", "text_sv", "text_en",
                                        "responsible_unit", "status", "due_date", "progress_note",
                                        pl.col("updated").alias("updated_on")),
        "indicator_district_value": local.filter(pl.col("district").is_not_null()).select(
            pl.col("indicator").alias("indicator_id"), pl.col("district").alias("district_code"), "year", "gender", "value"),
        "department": f["departments"].select("code", "name_fi", "name_sv", "name_en"),
        "participation_event": events.select(
            "id", "title", pl.col("date").alias("event_date"), pl.col("district").alias("district_code"), "lon", "lat",
            pl.col("department").alias("department_code"), "event_type", pl.col("level").alias("participation_level")),
        "event_participants": events.select("id", *participant_cols)
            .unpivot(index="id", on=participant_cols, variable_name="age_group_code", value_name="participants")
            .filter(pl.col("participants").is_not_null() & (pl.col("participants") > 0))
            .select(pl.col("id").alias("event_id"),
                    pl.col("age_group_code").str.strip_prefix("participants_"), "participants"),
        "participation_adoption": f["adoption"].select(pl.col("department").alias("department_code"), "year",
                                                       "trainings_held", "units_total", "units_using_model"),
        "working_group": f["working_groups"].select("code", "name_fi", "name_sv", "name_en", "kind",
                                                    pl.col("parent").alias("parent_code"),
                                                    pl.col("age_group").alias("age_group_code"),
                                                    "target_meetings_min", "target_meetings_max"),
        "group_seat": f["seats"].select(pl.col("group").alias("group_code"), "seat_type", "seats_required", "seats_filled"),
        "meeting": f["meetings"].select("id", pl.col("group").alias("group_code"), pl.col("date").alias("meeting_date"),
                                        pl.col("joint").alias("is_joint"), pl.col("invited").alias("members_invited"),
                                        pl.col("present").alias("members_present")),
        "meeting_topic": f["meeting_topics"].select(pl.col("meeting").alias("meeting_id"),
                                                    pl.col("priority_area").alias("priority_area_code"), "topic"),
        "annual_clock_item": f["annual_clock"].select("id", "year", "month", "title_fi", "title_sv", "title_en", "status"),
        "ngo": f["ngos"].select("id", "name", pl.col("type").alias("ngo_type"),
                                pl.col("whole_municipality").alias("serves_whole_municipality")),
        "ngo_district": f["ngos"].select(pl.col("id").alias("ngo_id"), pl.col("districts").alias("district_code"))
            .explode("district_code").drop_nulls().unique(maintain_order=True),
        "partnership": f["partnerships"].select("id", pl.col("ngo").alias("ngo_id"), "kind", "start_date", "end_date",
                                                "grant_eur", pl.col("group").alias("group_code"), "description"),
        "ngo_activity": f["ngo_activities"].select(pl.col("ngo").alias("ngo_id"),
                                                   pl.col("priority_area").alias("priority_area_code"),
                                                   pl.col("age_group").alias("age_group_code"), "year"),
        "joint_forum": f["forums"].select("id", pl.col("date").alias("forum_date"), "title"),
        "joint_forum_attendance": f["forums"].select(pl.col("id").alias("forum_id"), pl.col("ngos").alias("ngo_id"))
            .explode("ngo_id").drop_nulls().unique(maintain_order=True),
        "experiential_note": f["experiential_notes"].select("id", pl.col("ngo").alias("ngo_id"),
                                                            pl.col("date").alias("note_date"),
                                                            pl.col("priority_area").alias("priority_area_code"),
                                                            pl.col("age_group").alias("age_group_code"), "note"),
    }
    municipal = local.filter(pl.col("district").is_null())
    tables["_local_indicator_value"] = municipal.select(
        pl.col("indicator").alias("indicator_id"), pl.lit(municipality_region, dtype=pl.Int64).alias("region_id"),
        "year", "gender", "value", pl.lit(None, dtype=pl.Float64).alias("abs_value"))
    return tables


def build_package(config: Config, *, problem_limit: int | None = MAX_LISTED_PER_FILE,
                  sink: Callable[[Problem], None] | None = None) -> tuple[Package | None, list[Problem]]:
    """Every store table from the package, or its problems (nothing half-done): at most `problem_limit`
    listed per file and the rest counted in a summary line; `sink` receives every one as it is found."""
    problems = ProblemList(problem_limit, sink)
    tables = _config_tables(config)
    sources: list[Source] = []

    districts = None
    if config.districts_file is not None:
        if not config.districts_file.is_file():
            # Said at the hyte.toml key that names it: a typo there is as likely as a missing file.
            shown = config.districts_file.relative_to(config.base_dir) \
                if config.districts_file.is_relative_to(config.base_dir) else config.districts_file
            problems.append(Problem(config.path.name, config.line_of("districts", "file"), "districts.file",
                                    msg("problem.districts_file_missing", file=str(shown))))
        else:
            districts, district_problems = read_districts(
                config.districts_file, config.district_id_property, config.district_name_property,
                config.district_name_sv_property)
            problems.extend(district_problems)
            sources.append(Source("districts", hash_files([config.districts_file])))
    tables["district"] = districts if districts is not None else pl.DataFrame(
        schema={"code": pl.Utf8, "name_fi": pl.Utf8, "geometry": pl.Utf8, "centroid_lon": pl.Float64, "centroid_lat": pl.Float64})

    if config.boundaries_year is not None and boundaries.cache_path(config).is_file():
        # Without the file (not fetched yet, or offline) the map has no shapes; everything else loads.
        shapes, shape_problems = boundaries.read_shapes(config)
        problems.extend(shape_problems)
        if shapes is not None:
            tables["municipality_shape"] = shapes
        sources.append(Source("boundaries", hash_files([boundaries.cache_path(config)]), None,
                              boundaries.ATTRIBUTION))

    sotkanet_indicators = [ind for ind in config.indicators if ind.source == "sotkanet"]
    data = None
    if sotkanet_indicators or (config.sotkanet_cache_dir / "regions.json").is_file():
        data, sotkanet_problems = sotkanet.read_cache(config)
        problems.extend(sotkanet_problems)
    municipality_region = None
    if data is not None:
        tables["region"] = data.regions
        municipality_region = int(data.regions.filter(pl.col("role") == "municipality")["id"][0])
        sources.append(Source("sotkanet", hash_files(sotkanet_cache_files(config)), data.data_updated,
                              sotkanet.ATTRIBUTION))
    else:
        # A plan of local indicators only still needs its municipality as a region; negative ids never
        # collide with Sotkanet's.
        municipality_region = -int(config.municipality_code)
        tables["region"] = pl.DataFrame([{"id": municipality_region, "category": "KUNTA",
                                          "code": config.municipality_code, "name_fi": config.municipality_name["fi"],
                                          "name_sv": config.municipality_name["sv"],
                                          "name_en": config.municipality_name["en"], "role": "municipality"}])
    tables["indicator"] = _indicator_table(config, data.indicators if data else [])

    known = _known_codes(config, tables["district"] if districts is not None else None)
    before = problems.total
    frames, files = _load_registers(config, known, problems)
    if problems.total == before:
        problems.extend(_cross_checks(frames, config, districts))
    if files:
        sources.append(Source("registers", hash_files(files)))
    if problems.total:
        return None, problems.finished()

    register_rows = {path.stem: frames[path.stem].height for path in files}
    tables.update(_register_tables(frames, config, municipality_region))
    if config.districts_source == "paavo":
        paavo_population, paavo_problems = _paavo_population(config, frames)
        if paavo_problems:
            problems.extend(paavo_problems)
            return None, problems.finished()
        tables["district_population"] = paavo_population
    local_values = tables.pop("_local_indicator_value")
    values = data.values if data is not None else local_values.clear()
    tables["indicator_value"] = pl.concat([values, local_values], how="vertical_relaxed")
    if data is not None:
        # From the same values, written in the same transaction: ranks always agree with the values.
        directions = {ind.id: ind.direction for ind in sotkanet_indicators}
        tables["indicator_rank"] = ranks.rank_municipalities(data.values, data.regions, directions)
        profile_values = data.values if data.profile is None else pl.concat([data.values, data.profile])
        tables["municipality_profile"] = similar.profile_table(profile_values, data.regions, config.municipality_code,
                                                               config.by_language)
    return Package(_conform(tables), tuple(sources), register_rows), []


def write_all_problems(config: Config, out: Path) -> int:
    """Every problem of the package, uncapped, one `file:line: column: message` line each, written to
    `out` as it is found (memory stays flat however many there are); returns how many. An `out` ending
    in .zip gets one compressed text file of the same name ending in .txt (900 000 lines are ~100 MB
    of text, a few MB zipped: what the app offers as a download)."""
    import contextlib
    import io
    import zipfile

    written = 0
    with contextlib.ExitStack() as stack:
        if out.suffix.lower() == ".zip":
            archive = stack.enter_context(zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED))
            raw = stack.enter_context(archive.open(f"{out.stem}.txt", "w", force_zip64=True))
            handle = stack.enter_context(io.TextIOWrapper(raw, encoding="utf-8", newline="\n"))
        else:
            handle = stack.enter_context(out.open("w", encoding="utf-8", newline="\n"))

        def sink(problem: Problem) -> None:
            nonlocal written
            written += 1
            handle.write(f"{problem}\n")

        build_package(config, problem_limit=0, sink=sink)
    return written


def _paavo_population(config: Config, frames: dict[str, pl.DataFrame]) -> tuple[pl.DataFrame | None, list[Problem]]:
    from data_pipeline.sources import paavo

    if frames["district_population"].height:
        return None, [Problem("district_population.csv", 2, "-", msg("problem.population_from_paavo"))]
    path, collection, problems = paavo.write_districts_file(config)
    if problems:
        return None, problems
    return paavo.population_rows(config, collection, str(path.relative_to(config.base_dir)))


def _conform(tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Exactly the schema's columns, in order, missing nullable columns as nulls."""
    out = {}
    for table in schema.DATA_TABLES:
        frame = tables.get(table.name)
        if frame is None:
            frame = pl.DataFrame()
        exprs = [pl.col(c.name) if c.name in frame.columns else pl.lit(None).alias(c.name) for c in table.columns]
        out[table.name] = frame.select(exprs) if frame.width else pl.DataFrame({c.name: [] for c in table.columns})
    return out
