"""Participation reach, pure: participants per 1,000 residents by district, age group, level, type, quarter.

Frames in, frames out; no Streamlit, no store. Inputs are the query layer's frames:
`rows` (participation_queries.event_participants: one row per event and age group) and
`population` (participation_queries.population: the latest year up to the period's end).

Reach counts participations, not distinct people: one resident at three events counts three times.
Small counts are suppressed as Finnish statistics practice does (DESIGN.md, Privacy): any
participant figure from 1 to SMALL_COUNT - 1 is published as "< 5" and its reach only as an upper bound
(0 is shown as 0).
`suppress()` nulls the exact figures, so frames meant for the screen never carry them.
"""

from __future__ import annotations

import polars as pl

SMALL_COUNT = 5
# A district is "barely reached" below this share of the median district's reach.
LOW_REACH_SHARE = 0.25
# A department lags when fewer than this share of its units use the participation model.
LAGGING_SHARE = 0.30
PER = 1000
LEVELS = ("information", "planning", "decision", "action")


# --- narrowing ------------------------------------------------------------------------------------

def narrow(rows: pl.DataFrame, event_types: tuple[str, ...] = (), levels: tuple[str, ...] = (),
           departments: tuple[str, ...] = ()) -> pl.DataFrame:
    """Only the events of the given types, levels and departments (an empty choice means all)."""
    for column, chosen in (("event_type", event_types), ("level", levels), ("department_code", departments)):
        if chosen:
            rows = rows.filter(pl.col(column).is_in(list(chosen)))
    return rows


def _counted(rows: pl.DataFrame, age_group: str | None) -> pl.DataFrame:
    """Participants of `age_group` only (every age group when None); events keep their rows."""
    if age_group is None:
        return rows
    return rows.with_columns(
        pl.when(pl.col("age_group_code") == age_group).then(pl.col("participants")).otherwise(0)
        .alias("participants"))


def _population(population: pl.DataFrame, age_group: str | None) -> pl.DataFrame:
    """district_code, population: the age group's residents, or all age groups summed."""
    if age_group is not None:
        population = population.filter(pl.col("age_group_code") == age_group)
    return population.group_by("district_code").agg(pl.col("population").sum())


def _reach(participants: pl.Expr, population: pl.Expr) -> pl.Expr:
    return pl.when(population > 0).then(participants * PER / population).otherwise(None)


# --- suppression ----------------------------------------------------------------------------------

def suppress(frame: pl.DataFrame, count: str = "participants", derived: tuple[str, ...] = ("reach",)) -> pl.DataFrame:
    """Flag counts under SMALL_COUNT (`suppressed`) and null them and the figures derived from them.

    Where a population is known, `reach_bound` is the reach that SMALL_COUNT participants would
    give: a suppressed reach is published as "under reach_bound", which tells no more than "< 5".
    """
    # 1–4 are hidden; 0 is no one, shown as 0 (it identifies nobody), as Finnish statistics publish it.
    flagged = frame.with_columns(((pl.col(count) > 0) & (pl.col(count) < SMALL_COUNT)).alias("suppressed"))
    if "population" in flagged.columns:
        flagged = flagged.with_columns(_reach(pl.lit(SMALL_COUNT), pl.col("population")).alias("reach_bound"))
    hidden = [c for c in (count, *derived) if c in flagged.columns]
    return flagged.with_columns(
        pl.when(pl.col("suppressed")).then(None).otherwise(pl.col(c)).alias(c) for c in hidden)


def suppress_complementary(frame: pl.DataFrame, count: str = "participants",
                           derived: tuple[str, ...] = ("reach",)) -> pl.DataFrame:
    """`suppress`, plus the next-smallest figure when only one is hidden and the total is shown.

    For a breakdown whose total is published elsewhere (a district's age groups): with one cell
    hidden, total minus the others would give it back.
    """
    total = frame[count].sum()
    out = suppress(frame, count, derived)
    hidden = out["suppressed"].sum()
    if hidden != 1 or total < SMALL_COUNT or frame.height < 2:
        return out
    shown = frame.with_row_index("i").filter(pl.col(count) >= SMALL_COUNT)
    if shown.is_empty():
        return out
    nxt = shown.sort(count, "i").row(0, named=True)["i"]
    mask = pl.int_range(pl.len()) == nxt
    cols = [c for c in (count, *derived) if c in out.columns]
    return out.with_columns(
        (pl.col("suppressed") | mask).alias("suppressed"),
        *(pl.when(mask).then(None).otherwise(pl.col(c)).alias(c) for c in cols))


# --- reach ----------------------------------------------------------------------------------------

def totals(rows: pl.DataFrame, age_group: str | None) -> pl.DataFrame:
    """Participants (of `age_group`, or all) and events by district, level and type, exact.

    Columns: breakdown ("district" | "level" | "type"), code (a null district = events without one),
    participants, events. What participation_queries.reach_totals reads from the store's aggregates.
    """
    counted = _counted(rows, age_group)
    parts = [counted.group_by(column).agg(pl.col("participants").sum(), pl.col("event_id").n_unique().alias("events"))
             .select(pl.lit(name).alias("breakdown"), pl.col(column).cast(pl.Utf8).alias("code"),
                     pl.col("participants").cast(pl.Int64), pl.col("events").cast(pl.Int64))
             for name, column in (("district", "district_code"), ("level", "level"), ("type", "event_type"))]
    return pl.concat(parts, how="vertical")


def _breakdown(totals_: pl.DataFrame, name: str, column: str) -> pl.DataFrame:
    return totals_.filter(pl.col("breakdown") == name).select(pl.col("code").alias(column), "participants", "events")


def district_reach(rows: pl.DataFrame, population: pl.DataFrame, districts: list[str],
                   age_group: str | None) -> pl.DataFrame:
    """Every district (also those without events): participants, events, population, reach — exact.

    Events without a district count toward no district. Pass the result through `suppress`
    before showing it.
    """
    return _district_reach(totals(rows, age_group), population, districts, age_group)


def _district_reach(totals_: pl.DataFrame, population: pl.DataFrame, districts: list[str],
                    age_group: str | None) -> pl.DataFrame:
    per_district = _breakdown(totals_, "district", "district_code").filter(pl.col("district_code").is_not_null())
    frame = (pl.DataFrame({"district_code": districts}, schema={"district_code": pl.Utf8})
             .join(per_district, on="district_code", how="left")
             .join(_population(population, age_group), on="district_code", how="left")
             .with_columns(pl.col("participants").fill_null(0).cast(pl.Int64),
                           pl.col("events").fill_null(0).cast(pl.Int64)))
    return frame.with_columns(_reach(pl.col("participants"), pl.col("population")).alias("reach"))


def municipality_summary(rows: pl.DataFrame, population: pl.DataFrame, age_group: str | None) -> dict:
    """The whole municipality: participants (events without a district included), events, reach."""
    return _municipality_summary(totals(rows, age_group), population, age_group)


def _municipality_summary(totals_: pl.DataFrame, population: pl.DataFrame, age_group: str | None) -> dict:
    # Every event has one district or none: the district breakdown's sums are the municipality's.
    by_district = _breakdown(totals_, "district", "district_code")
    residents = int(_population(population, age_group)["population"].sum())
    participants = int(by_district["participants"].sum())
    without = by_district.filter(pl.col("district_code").is_null())
    return {
        "participants": participants,
        "events": int(by_district["events"].sum()),
        "population": residents,
        "reach": participants * PER / residents if residents else None,
        "events_without_district": int(without["events"].sum()),
        "participants_without_district": int(without["participants"].sum()),
    }


# A district's reach is known only with a population figure above zero: without one it is never
# ranked, named best or least reached, nor called barely reached.
HAS_POPULATION = (pl.col("population") > 0).fill_null(False)


def without_population(reach: pl.DataFrame) -> list[str]:
    """The districts (codes, in order) whose reach cannot be computed for want of a population figure."""
    return reach.filter(~HAS_POPULATION)["district_code"].to_list()


def mark_low(reach: pl.DataFrame) -> tuple[pl.DataFrame, float | None]:
    """Add `low`: barely reached (suppressed, or under LOW_REACH_SHARE of the median); and the median.

    Takes a suppressed frame: fewer than SMALL_COUNT participants in a whole period is barely
    reached whatever the district's size. Districts without population figures are not judged.
    """
    # The median of the districts whose reach is published: not the hidden ones (1–4), nor those with no
    # one at all, which are below any share of it anyway (and would lower it, the small ones being left out).
    known = reach.filter(pl.col("reach").is_not_null() & (pl.col("participants") > 0).fill_null(False))["reach"]
    median = float(known.median()) if known.len() else None
    threshold = median * LOW_REACH_SHARE if median is not None else None
    low = pl.col("suppressed") & HAS_POPULATION
    if threshold is not None:
        low = low | (pl.col("reach") < threshold).fill_null(False)
    return reach.with_columns(low.alias("low")), median


def reach_by_age(rows: pl.DataFrame, population: pl.DataFrame, district: str,
                 age_groups: list[str]) -> pl.DataFrame:
    """One district by age group (age_group_code, participants, population, reach), suppressed.

    The district's all-ages total is shown on the map, so a lone small cell is protected by its
    neighbour too (suppress_complementary).
    """
    own = rows.filter(pl.col("district_code") == district)
    counts = own.filter(pl.col("age_group_code").is_not_null()).group_by("age_group_code").agg(
        pl.col("participants").sum())
    pop = population.filter(pl.col("district_code") == district).select("age_group_code", "population")
    frame = (pl.DataFrame({"age_group_code": age_groups}, schema={"age_group_code": pl.Utf8})
             .join(counts, on="age_group_code", how="left").join(pop, on="age_group_code", how="left")
             .with_columns(pl.col("participants").fill_null(0).cast(pl.Int64)))
    frame = frame.with_columns(_reach(pl.col("participants"), pl.col("population")).alias("reach"))
    return suppress_complementary(frame)


def events_of(rows: pl.DataFrame, age_group: str | None, district: str | None = None) -> pl.DataFrame:
    """One row per event (newest first) with its participants of the age group, suppressed."""
    own = rows if district is None else rows.filter(pl.col("district_code") == district)
    counted = _counted(own, age_group)
    per_event = counted.group_by("event_id", maintain_order=True).agg(
        pl.col("title", "event_date", "district_code", "lon", "lat", "department_code", "event_type",
               "level").first(),
        pl.col("participants").sum())
    return suppress(per_event.sort("event_date", "event_id", descending=[True, False]), derived=())


def quarterly(rows: pl.DataFrame, population: pl.DataFrame, district: str, age_group: str | None,
              districts: list[str] | None = None) -> pl.DataFrame:
    """Reach by quarter: the district's against the whole municipality's, from the first to the last
    quarter with any event. Columns: quarter, series ("district" | "municipality"), participants,
    reach, suppressed (the district's small quarters hidden). When one of `districts` (all of them)
    has no population figure, the whole municipality's reach is unknown, as reach_view says: everyone's
    participations over some districts' residents would overstate it."""
    counted = _counted(rows, age_group).with_columns(
        pl.col("event_date").dt.year().alias("y"), pl.col("event_date").dt.quarter().alias("q"))
    if counted.is_empty():
        return pl.DataFrame(schema={"quarter": pl.Utf8, "series": pl.Utf8, "participants": pl.Int64,
                                    "reach": pl.Float64, "suppressed": pl.Boolean})
    first = counted.select((pl.col("y") * 4 + pl.col("q") - 1).min()).item()
    last = counted.select((pl.col("y") * 4 + pl.col("q") - 1).max()).item()
    quarters = pl.DataFrame({"n": list(range(first, last + 1))}).with_columns(
        (pl.col("n") // 4).alias("y"), (pl.col("n") % 4 + 1).alias("q"))
    pops = _population(population, age_group)
    own_pop = pops.filter(pl.col("district_code") == district)["population"].sum()
    all_pop = pops["population"].sum()

    def series(part: pl.DataFrame, name: str, residents: int) -> pl.DataFrame:
        sums = part.group_by("y", "q").agg(pl.col("participants").sum())
        return (quarters.join(sums, on=["y", "q"], how="left")
                .with_columns(pl.col("participants").fill_null(0).cast(pl.Int64), pl.lit(name).alias("series"),
                              pl.lit(residents, dtype=pl.Int64).alias("population")))

    def with_reach(frame: pl.DataFrame) -> pl.DataFrame:
        return frame.with_columns(_reach(pl.col("participants"), pl.col("population")).alias("reach"))

    own = suppress(with_reach(series(counted.filter(pl.col("district_code") == district), "district", own_pop)))
    whole = with_reach(series(counted, "municipality", all_pop)).with_columns(pl.lit(False).alias("suppressed"))
    counted_for = set(pops.filter(pl.col("population") > 0)["district_code"].to_list())
    if districts is not None and not set(districts) <= counted_for:
        whole = whole.with_columns(pl.lit(None, dtype=pl.Float64).alias("reach"))
    frame = pl.concat([own.drop("reach_bound"), whole], how="vertical_relaxed")
    return (frame.with_columns(
        (pl.col("y").cast(pl.Utf8) + " Q" + pl.col("q").cast(pl.Utf8)).alias("quarter"))
        .sort("n", "series").select("quarter", "series", "participants", "reach", "suppressed"))


def level_mix(rows: pl.DataFrame, age_group: str | None) -> pl.DataFrame:
    """Participants and events by participation level, in the model's order, with each level's share."""
    return _level_mix(totals(rows, age_group))


def _level_mix(totals_: pl.DataFrame) -> pl.DataFrame:
    sums = _breakdown(totals_, "level", "level")
    frame = (pl.DataFrame({"level": list(LEVELS)}).join(sums, on="level", how="left")
             .with_columns(pl.col("participants").fill_null(0).cast(pl.Int64),
                           pl.col("events").fill_null(0).cast(pl.Int64)))
    total = frame["participants"].sum()
    frame = frame.with_columns((pl.col("participants") / total if total else pl.lit(None, pl.Float64)).alias("share"))
    return suppress(frame, derived=("share",))


def reach_by_type(rows: pl.DataFrame, population: pl.DataFrame, age_group: str | None,
                  event_types: tuple[str, ...]) -> pl.DataFrame:
    """Reach per 1,000 residents of the whole municipality by event type, highest first."""
    return _reach_by_type(totals(rows, age_group), population, age_group, event_types)


def _reach_by_type(totals_: pl.DataFrame, population: pl.DataFrame, age_group: str | None,
                   event_types: tuple[str, ...]) -> pl.DataFrame:
    residents = int(_population(population, age_group)["population"].sum())
    sums = _breakdown(totals_, "type", "event_type")
    frame = (pl.DataFrame({"event_type": list(event_types)}, schema={"event_type": pl.Utf8})
             .join(sums, on="event_type", how="inner")
             .with_columns(pl.col("events").cast(pl.Int64), pl.lit(residents, dtype=pl.Int64).alias("population")))
    frame = frame.with_columns(_reach(pl.col("participants"), pl.col("population")).alias("reach"))
    return suppress(frame).sort("reach", "event_type", descending=[True, False], nulls_last=True)


# --- participation-model adoption -----------------------------------------------------------------

def adoption_by_department(adoption: pl.DataFrame, rows: pl.DataFrame, departments: list[str]) -> pl.DataFrame:
    """Per department: trainings held in the period, units using the model in its latest year, share,
    events in the period and how many at each level; `lagging` when the share is under
    LAGGING_SHARE or no training was held. A department without adoption figures is not judged."""
    events = rows.unique("event_id").group_by("department_code", "level").agg(pl.len().cast(pl.Int64).alias("events"))
    return adoption_from_levels(adoption, events, departments)


def adoption_from_levels(adoption: pl.DataFrame, event_levels: pl.DataFrame, departments: list[str]) -> pl.DataFrame:
    """adoption_by_department from the events counted by department and level (department_code, level,
    events: participation_queries.event_levels)."""
    trainings = adoption.group_by("department_code").agg(pl.col("trainings_held").sum().alias("trainings"))
    latest = (adoption.sort("year").group_by("department_code").agg(pl.all().last())
              .select("department_code", "year", "units_total", "units_using_model"))
    by_level = (event_levels.group_by("department_code").agg(
        pl.col("events").sum(), *(pl.col("events").filter(pl.col("level") == lv).sum().alias(f"events_{lv}")
                                  for lv in LEVELS)))
    frame = (pl.DataFrame({"department_code": departments}, schema={"department_code": pl.Utf8})
             .join(trainings, on="department_code", how="left").join(latest, on="department_code", how="left")
             .join(by_level, on="department_code", how="left")
             .with_columns(pl.col("events", *(f"events_{lv}" for lv in LEVELS)).fill_null(0).cast(pl.Int64)))
    share = pl.when(pl.col("units_total") > 0).then(pl.col("units_using_model") / pl.col("units_total"))
    frame = frame.with_columns(share.alias("share"))
    lagging = pl.when(pl.col("year").is_null()).then(False).otherwise(
        (pl.col("share") < LAGGING_SHARE).fill_null(False) | (pl.col("trainings") == 0))
    return frame.with_columns(lagging.alias("lagging")).sort("share", "department_code", nulls_last=True)


def department_levels(adoption_frame: pl.DataFrame) -> pl.DataFrame:
    """The level mix of each department's events, long: department_code, level, events, share."""
    long = adoption_frame.select("department_code", *(pl.col(f"events_{lv}").alias(lv) for lv in LEVELS)).unpivot(
        index="department_code", variable_name="level", value_name="events")
    return long.with_columns(
        (pl.col("events") / pl.col("events").sum().over("department_code")).fill_nan(None).alias("share"))


# --- what the screen shows, in one piece (cached by dashboard.core.cache) -------------------------------

def reach_view(rows: pl.DataFrame, population: pl.DataFrame, districts: list[str], age_group: str | None,
               event_types: tuple[str, ...], whole_population: int | None = None) -> dict:
    """Everything the map and the charts beside it need, small counts already suppressed.

    districts (with `low`), median (of the districts' reach; the map's classes: reach_map.breaks_of),
    summary (the whole municipality), levels, types, population_year. The events themselves are
    in events_of() (the map's points) and district_view() (one district's list).
    """
    return reach_view_of_totals(totals(rows, age_group), population, districts, age_group, event_types,
                                whole_population)


def reach_view_of_totals(totals_: pl.DataFrame, population: pl.DataFrame, districts: list[str],
                         age_group: str | None, event_types: tuple[str, ...],
                         whole_population: int | None = None) -> dict:
    """reach_view from the totals by district, level and type (`totals`, or the store's aggregates:
    participation_queries.reach_totals) instead of the events themselves. `whole_population`: the
    municipality's own residents (Sotkanet), the whole municipality's denominator when some districts
    have no figure (summary "population_from": "municipality")."""
    marked, median = mark_low(suppress(_district_reach(totals_, population, districts, age_group)))
    years = population["year"]
    summary = _municipality_summary(totals_, population, age_group)
    missing = without_population(marked)
    summary["population_from"] = "districts"
    if missing:
        # Everyone's participations over some districts' residents would overstate the reach: the whole
        # municipality's own population instead, where known (for all ages: Sotkanet has no age groups'),
        # when some districts' figures are hidden (with none, the districts are not set up at all).
        if age_group is None and whole_population and len(missing) < len(districts):
            summary.update(population=whole_population, population_from="municipality",
                           reach=summary["participants"] * PER / whole_population)
        else:
            summary["reach"] = None
    return {
        "districts": marked,
        "median": median,
        "summary": summary,
        "levels": _level_mix(totals_),
        "types": _reach_by_type(totals_, population, age_group, event_types),
        "population_year": int(years.max()) if years.len() else None,
        "without_population": missing,
    }


def district_view(rows: pl.DataFrame, population: pl.DataFrame, district: str, age_groups: list[str],
                  age_group: str | None, districts: list[str] | None = None) -> dict:
    """One district in detail: reach by age group and by quarter, and its events (suppressed).
    `districts`: every district of the municipality (the whole's reach needs each one's population)."""
    return {"by_age": reach_by_age(rows, population, district, age_groups),
            "quarterly": quarterly(rows, population, district, age_group, districts),
            "events": events_of(rows, age_group, district)}
