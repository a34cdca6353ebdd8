"""How well NGO partnerships cover the plan: active partners, coverage cells, districts, grants (no Streamlit).

Definitions, so the screen, the downloads and the overview tile say the same thing:
- period: 1 January of the first year to 31 December of the last.
- active partnership: its [start_date, end_date] overlaps the period; no end date means still in force.
- active partner: an organisation with an active partnership of one of the chosen kinds (the kind
  filter chooses partners; their other partnerships still show in their row).
- listed partners: active partners that serve the chosen district (an organisation serving the whole
  municipality serves every district) and, with an age group chosen, worked with it in the period.
- covering partner of a cell (priority area × age group): an active partner with recorded activity
  (`ngo_activity`) in that area and age group in a year of the period. A cell with none is a gap.
- district coverage: covering partners (any area, the chosen age group or any) serving the district,
  per 1,000 residents of the age group (all ages without one) in the newest population year up to the
  period's end. A population under SMALL_COUNT is not shown, nor a rate that would reveal it.
- grants: a grant counts in the year it starts. By priority area it is split evenly between the areas
  the organisation worked in that year (in the whole period when it has none that year), so the
  areas add up to the grants paid; with no recorded activity at all it stays unassigned.
"""

from __future__ import annotations

from datetime import date

import polars as pl

KINDS = ("agreement", "grant", "joint_service", "seat")
SMALL_COUNT = 5  # populations under this are suppressed, as Finnish statistics do

MATRIX_SCHEMA = {"priority_area_code": pl.Utf8, "age_group_code": pl.Utf8, "partners": pl.Int64}
DISTRICT_SCHEMA = {"district_code": pl.Utf8, "partners": pl.Int64, "population": pl.Int64,
                   "population_year": pl.Int64, "per_1000": pl.Float64, "suppressed": pl.Boolean}
PARTNER_SCHEMA = {"ngo_id": pl.Utf8, "name": pl.Utf8, "ngo_type": pl.Utf8, "whole_municipality": pl.Boolean,
                  "districts": pl.List(pl.Utf8), "kinds": pl.List(pl.Utf8), "areas": pl.List(pl.Utf8),
                  "age_groups": pl.List(pl.Utf8), "grants_eur": pl.Float64, "seat_groups": pl.List(pl.Utf8),
                  "has_agreement": pl.Boolean}
GRANT_SCHEMA = {"year": pl.Int64, "priority_area_code": pl.Utf8, "grants_eur": pl.Float64}
FORUM_YEAR_SCHEMA = {"year": pl.Int64, "meetings": pl.Int64, "organisations": pl.Int64, "partners": pl.Int64}
FORUM_SCHEMA = {"forum_date": pl.Date, "title": pl.Utf8, "organisations": pl.List(pl.Utf8)}


def period(start_year: int, end_year: int) -> tuple[date, date]:
    return date(start_year, 1, 1), date(end_year, 12, 31)


def active_partnerships(partnerships: pl.DataFrame, start_year: int, end_year: int,
                        kinds: tuple[str, ...] = KINDS) -> pl.DataFrame:
    """Partnerships of the given kinds in force at some point of the period (open-ended ones included)."""
    first, last = period(start_year, end_year)
    return partnerships.filter(pl.col("kind").is_in(kinds) & (pl.col("start_date") <= last)
                               & (pl.col("end_date").is_null() | (pl.col("end_date") >= first)))


def serving(ngos: pl.DataFrame, ngo_districts: pl.DataFrame, district: str | None) -> set[str]:
    """Organisations working in `district`: its own and the whole municipality's (all without one)."""
    if district is None:
        return set(ngos["id"])
    whole = ngos.filter(pl.col("serves_whole_municipality"))["id"]
    local = ngo_districts.filter(pl.col("district_code") == district)["ngo_id"]
    return set(whole) | set(local)


def activity_in_period(activities: pl.DataFrame, start_year: int, end_year: int,
                       age_group: str | None = None) -> pl.DataFrame:
    rows = activities.filter(pl.col("year").is_between(start_year, end_year))
    return rows if age_group is None else rows.filter(pl.col("age_group_code") == age_group)


def coverage_matrix(activity: pl.DataFrame, partners: set[str], area_codes: list[str],
                    age_codes: list[str]) -> pl.DataFrame:
    """Every area × age group cell with its number of covering partners (0 for a gap), in plan order.

    `activity`: ngo_activity rows already limited to the period; `partners`: the active partners.
    """
    counts = (activity.filter(pl.col("ngo_id").is_in(list(partners)))
              .group_by("priority_area_code", "age_group_code").agg(pl.col("ngo_id").n_unique().alias("partners")))
    cells = pl.DataFrame([(a, g) for a in area_codes for g in age_codes], schema=["priority_area_code",
                                                                                  "age_group_code"], orient="row")
    if cells.is_empty():
        return pl.DataFrame(schema=MATRIX_SCHEMA)
    return (cells.join(counts, on=["priority_area_code", "age_group_code"], how="left", maintain_order="left")
            .with_columns(pl.col("partners").fill_null(0).cast(pl.Int64)))


def gaps(matrix: pl.DataFrame) -> pl.DataFrame:
    return matrix.filter(pl.col("partners") == 0)


def population_year(population: pl.DataFrame, end_year: int) -> int | None:
    """The newest population year up to the period's end (the oldest there is, if all are later)."""
    years = population["year"].unique()
    if years.is_empty():
        return None
    earlier = years.filter(years <= end_year)
    return int(earlier.max()) if not earlier.is_empty() else int(years.min())


def district_coverage(covering: set[str], ngos: pl.DataFrame, ngo_districts: pl.DataFrame,
                      district_codes: list[str], population: pl.DataFrame, age_group: str | None,
                      end_year: int) -> pl.DataFrame:
    """Covering partners per district and per 1,000 residents of the age group, best covered first.

    Whole-municipality partners count for every district; a partner of several districts counts in
    each. Districts without a population figure, or with one under SMALL_COUNT, have no rate.
    """
    whole = len(covering & set(ngos.filter(pl.col("serves_whole_municipality"))["id"]))
    local = (ngo_districts.filter(pl.col("ngo_id").is_in(list(covering)))
             .join(ngos.select("id", "serves_whole_municipality"), left_on="ngo_id", right_on="id")
             .filter(~pl.col("serves_whole_municipality"))  # counted once, above
             .group_by("district_code").agg(pl.len().alias("local")))
    year = population_year(population, end_year)
    pop = population.filter(pl.col("year") == year) if year is not None else population.clear()
    if age_group is not None:
        pop = pop.filter(pl.col("age_group_code") == age_group)
    pop = pop.group_by("district_code").agg(pl.col("population").sum())
    frame = (pl.DataFrame({"district_code": district_codes}, schema={"district_code": pl.Utf8})
             .join(local, on="district_code", how="left").join(pop, on="district_code", how="left")
             .with_columns((pl.col("local").fill_null(0) + whole).cast(pl.Int64).alias("partners"),
                           pl.lit(year, pl.Int64).alias("population_year"),
                           (pl.col("population") < SMALL_COUNT).fill_null(False).alias("suppressed")))
    usable = pl.col("population").is_not_null() & (pl.col("population") > 0) & ~pl.col("suppressed")
    frame = frame.with_columns(
        pl.when(usable).then(pl.col("partners") * 1000 / pl.col("population")).otherwise(None).alias("per_1000"),
        pl.when(pl.col("suppressed")).then(None).otherwise(pl.col("population")).cast(pl.Int64).alias("population"))
    return (frame.sort(["per_1000", "partners", "district_code"], descending=[True, True, False], nulls_last=True)
            .select(list(DISTRICT_SCHEMA)).cast(DISTRICT_SCHEMA))


def partner_table(ngos: pl.DataFrame, ngo_districts: pl.DataFrame, partnerships: pl.DataFrame,
                  activity: pl.DataFrame, listed: set[str], start_year: int, end_year: int,
                  area_codes: list[str], age_codes: list[str]) -> pl.DataFrame:
    """One row per listed partner: what it is, where and with whom it works, what the municipality gives.

    `partnerships`: every partnership (active ones are picked here, of every kind); `activity`: the
    period's activity rows of every age group. Grants are those starting in the period.
    """
    if not listed:
        return pl.DataFrame(schema=PARTNER_SCHEMA)
    ids = sorted(listed)
    active = active_partnerships(partnerships, start_year, end_year).filter(pl.col("ngo_id").is_in(ids))
    kind_rank = {k: i for i, k in enumerate(KINDS)}
    area_rank = {a: i for i, a in enumerate(area_codes)}
    age_rank = {g: i for i, g in enumerate(age_codes)}
    kinds = active.group_by("ngo_id").agg(pl.col("kind").unique().alias("kinds"))
    grants = (partnerships.filter((pl.col("kind") == "grant") & pl.col("ngo_id").is_in(ids)
                                  & pl.col("start_date").dt.year().is_between(start_year, end_year))
              .group_by("ngo_id").agg(pl.col("grant_eur").sum().alias("grants_eur")))
    seats = (active.filter((pl.col("kind") == "seat") & pl.col("group_code").is_not_null())
             .group_by("ngo_id").agg(pl.col("group_code").unique().sort().alias("seat_groups")))
    work = activity.filter(pl.col("ngo_id").is_in(ids)).group_by("ngo_id").agg(
        pl.col("priority_area_code").unique().alias("areas"), pl.col("age_group_code").unique().alias("age_groups"))
    where = ngo_districts.filter(pl.col("ngo_id").is_in(ids)).group_by("ngo_id").agg(
        pl.col("district_code").sort().alias("districts"))
    frame = ngos.filter(pl.col("id").is_in(ids)).rename({"id": "ngo_id",
                                                         "serves_whole_municipality": "whole_municipality"})
    for part in (where, kinds, work, grants, seats):
        frame = frame.join(part, on="ngo_id", how="left", maintain_order="left")

    def ranked(column: str, rank: dict[str, int]) -> pl.Expr:
        return pl.col(column).fill_null([]).list.eval(
            pl.element().sort_by(pl.element().replace_strict(rank, default=len(rank), return_dtype=pl.Int64)))

    return (frame.with_columns(
        ranked("kinds", kind_rank), ranked("areas", area_rank), ranked("age_groups", age_rank),
        pl.col("districts").fill_null([]), pl.col("seat_groups").fill_null([]),
        pl.col("grants_eur").fill_null(0.0))
        .with_columns(pl.col("kinds").list.contains("agreement").alias("has_agreement"))
        .sort(pl.col("name").str.to_lowercase(), "ngo_id")
        .select(list(PARTNER_SCHEMA)).cast(PARTNER_SCHEMA))


def search(partners: pl.DataFrame, query: str | None) -> pl.DataFrame:
    """Partners whose name contains `query` (case-insensitive, taken literally: no patterns)."""
    query = (query or "").strip().lower()
    if not query:
        return partners
    return partners.filter(pl.col("name").str.to_lowercase().str.contains(query, literal=True))


def grants_by_area(partnerships: pl.DataFrame, activities: pl.DataFrame, listed: set[str], start_year: int,
                   end_year: int, age_group: str | None = None) -> pl.DataFrame:
    """Grants to the listed partners by the year they start and priority area (split evenly, see above).

    `activities`: every activity row (all years); an area with no recorded activity is None.
    """
    grants = partnerships.filter((pl.col("kind") == "grant") & pl.col("ngo_id").is_in(list(listed))
                                 & pl.col("start_date").dt.year().is_between(start_year, end_year)
                                 & pl.col("grant_eur").is_not_null())
    if grants.is_empty():
        return pl.DataFrame(schema=GRANT_SCHEMA)
    grants = grants.select("id", "ngo_id", pl.col("start_date").dt.year().cast(pl.Int64).alias("year"), "grant_eur")
    work = activity_in_period(activities, start_year, end_year, age_group).select(
        "ngo_id", "year", "priority_area_code").unique()
    that_year = grants.join(work, on=["ngo_id", "year"], how="inner").select("id", "priority_area_code")
    in_period = (grants.filter(~pl.col("id").is_in(that_year["id"].implode()))
                 .join(work.select("ngo_id", "priority_area_code").unique(), on="ngo_id", how="left")
                 .select("id", "priority_area_code"))
    areas = pl.concat([that_year, in_period]).unique()
    split = (grants.join(areas, on="id", how="left")
             .with_columns(pl.len().over("id").alias("n"))
             .with_columns((pl.col("grant_eur") / pl.col("n")).alias("share")))
    return (split.group_by("year", "priority_area_code").agg(pl.col("share").sum().alias("grants_eur"))
            .sort("year", "priority_area_code", nulls_last=True).cast(GRANT_SCHEMA))


def forums_by_year(forums: pl.DataFrame, attendance: pl.DataFrame, listed: set[str], start_year: int,
                   end_year: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Joint forums in the period: per year (meetings, organisations present, of them listed partners)
    and one row per forum (date, title, the ids of the organisations present)."""
    held = forums.filter(pl.col("forum_date").dt.year().is_between(start_year, end_year))
    if held.is_empty():
        return pl.DataFrame(schema=FORUM_YEAR_SCHEMA), pl.DataFrame(schema=FORUM_SCHEMA)
    present = attendance.join(held.select("id", pl.col("forum_date").dt.year().alias("year")),
                              left_on="forum_id", right_on="id")
    per_year = (held.group_by(pl.col("forum_date").dt.year().alias("year")).agg(pl.len().alias("meetings"))
                .join(present.group_by("year").agg(
                    pl.col("ngo_id").n_unique().alias("organisations"),
                    pl.col("ngo_id").filter(pl.col("ngo_id").is_in(list(listed))).n_unique().alias("partners")),
                    on="year", how="left")
                .with_columns(pl.col("organisations", "partners").fill_null(0)).sort("year"))
    each = (held.join(attendance.group_by("forum_id").agg(pl.col("ngo_id").sort().alias("organisations")),
                      left_on="id", right_on="forum_id", how="left", maintain_order="left")
            .with_columns(pl.col("organisations").fill_null([])).select(list(FORUM_SCHEMA)))
    return per_year.cast(FORUM_YEAR_SCHEMA), each.cast(FORUM_SCHEMA)


def notes_in_view(notes: pl.DataFrame, serving_ids: set[str], start_year: int, end_year: int,
                  age_group: str | None) -> pl.DataFrame:
    """Experiential notes of the period from organisations working in the district; with an age group
    chosen, its notes and those that concern every age group (no age group recorded)."""
    rows = notes.filter(pl.col("note_date").dt.year().is_between(start_year, end_year)
                        & pl.col("ngo_id").is_in(list(serving_ids)))
    if age_group is not None:
        rows = rows.filter(pl.col("age_group_code").is_null() | (pl.col("age_group_code") == age_group))
    return rows


def board(tables: dict[str, pl.DataFrame], area_codes: list[str], age_codes: list[str],
          district_codes: list[str], start_year: int, end_year: int, age_group: str | None,
          district: str | None, kinds: tuple[str, ...] = KINDS) -> dict:
    """Everything the screen shows for one choice of filters (tables as from ngo_queries.ngo_tables)."""
    ngos, where, deals = tables["ngos"], tables["ngo_districts"], tables["partnerships"]
    active_ids = set(active_partnerships(deals, start_year, end_year, kinds or KINDS)["ngo_id"])
    activity = activity_in_period(tables["activities"], start_year, end_year)
    own_age = activity if age_group is None else activity.filter(pl.col("age_group_code") == age_group)
    with_age = set(own_age["ngo_id"])
    in_district = serving(ngos, where, district)
    listed = active_ids & in_district
    if age_group is not None:
        listed &= with_age
    ages = age_codes if age_group is None else [age_group]
    matrix = coverage_matrix(own_age, listed, area_codes, ages)
    covering = active_ids & with_age  # the district ranking looks at every district
    per_year, each_forum = forums_by_year(tables["forums"], tables["attendance"], listed, start_year, end_year)
    partners = partner_table(ngos, where, deals, activity, listed, start_year, end_year, area_codes, age_codes)
    return {
        "ngos_in_store": ngos.height,
        "partners": partners,
        "matrix": matrix,
        "districts": district_coverage(covering, ngos, where, district_codes, tables["population"], age_group,
                                       end_year),
        "grants": grants_by_area(deals, tables["activities"], listed, start_year, end_year, age_group),
        "forums_by_year": per_year,
        "forums": each_forum,
        "notes": notes_in_view(tables["notes"], in_district, start_year, end_year, age_group),
        "names": dict(zip(ngos["id"], ngos["name"])),
        "group_names": _group_names(deals),
        "age_population": _age_population(tables["population"], district, end_year),
    }


def _group_names(partnerships: pl.DataFrame) -> dict[str, dict[str, str | None]]:
    rows = partnerships.filter(pl.col("group_code").is_not_null()).unique("group_code")
    return {r["group_code"]: {"name_fi": r["group_fi"], "name_sv": r["group_sv"], "name_en": r["group_en"]}
            for r in rows.iter_rows(named=True)}


def _age_population(population: pl.DataFrame, district: str | None, end_year: int) -> dict[str, int]:
    """Residents per age group (in the district, if one is chosen): how large each gap is."""
    year = population_year(population, end_year)
    pop = population.filter(pl.col("year") == year) if year is not None else population.clear()
    if district is not None:
        pop = pop.filter(pl.col("district_code") == district)
    return dict(pop.group_by("age_group_code").agg(pl.col("population").sum()).iter_rows())


def biggest_gap(matrix: pl.DataFrame, age_population: dict[str, int]) -> dict | None:
    """The gap that leaves the most residents without a partner: the gap cell whose age group is the
    largest (plan order between equals); None when every cell has a partner."""
    found = gaps(matrix).with_row_index("order").with_columns(
        pl.col("age_group_code").replace_strict(age_population, default=0, return_dtype=pl.Int64).alias("residents"))
    if found.is_empty():
        return None
    return found.sort(["residents", "order"], descending=[True, False]).row(0, named=True)


def agreement_share(partners: pl.DataFrame) -> tuple[int, int]:
    """(partners with a written agreement in force in the period, all listed partners)."""
    return int(partners["has_agreement"].sum()), partners.height
