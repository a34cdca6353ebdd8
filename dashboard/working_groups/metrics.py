"""Working-group judgements: which groups a filter selects, the reporting tree, meetings against target,
attendance, seat vacancies, topic coverage and the annual clock. Pure: frames and dates in, frames out.

"Today" is always an argument, so a test can pin it and the year in progress is judged by its pace
rather than against a full year's target.
"""

from __future__ import annotations

import math
from datetime import date

import polars as pl

KIND_LEVEL = {"leadership": 0, "steering": 1, "lifecycle": 2, "subgroup": 3}
SEAT_TYPES = ("official", "entrepreneur", "parish", "ngo")
# below: a finished year under the target; behind: the year in progress is behind the target's pace.
SHORT = ("below", "behind")
ON_TARGET = ("within", "above")

COUNT_SCHEMA = {"group_code": pl.Utf8, "year": pl.Int64, "held": pl.Int64, "joint": pl.Int64,
                "scheduled": pl.Int64, "invited": pl.Int64, "present": pl.Int64}


# --- which groups -----------------------------------------------------------------------------------

def select_groups(groups: pl.DataFrame, age_group: str | None) -> pl.DataFrame:
    """The groups an age-group filter selects: those of the age group and every group under them.

    A sub-group without its own age group still belongs to its parent's lifecycle group. No filter
    selects every group.
    """
    if age_group is None:
        return groups
    children = _children(groups)
    chosen: set[str] = set()
    stack = groups.filter(pl.col("age_group_code") == age_group)["code"].to_list()
    while stack:
        code = stack.pop()
        if code not in chosen:
            chosen.add(code)
            stack.extend(children.get(code, []))
    return groups.filter(pl.col("code").is_in(sorted(chosen)))


def _children(groups: pl.DataFrame) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in groups.sort(_sort_key(groups)).iter_rows(named=True):
        if row["parent_code"] is not None:
            out.setdefault(row["parent_code"], []).append(row["code"])
    return out


def _sort_key(groups: pl.DataFrame) -> list[pl.Expr]:
    age = pl.col("age_sort") if "age_sort" in groups.columns else pl.lit(0)
    return [pl.col("kind").replace_strict(KIND_LEVEL, default=9, return_dtype=pl.Int64), age.fill_null(999),
            pl.col("name_fi"), pl.col("code")]


def with_ancestors(groups: pl.DataFrame, selected: pl.DataFrame) -> pl.DataFrame:
    """The selected groups and the groups above them (context for the tree), with `selected` flagged."""
    parent = dict(zip(groups["code"], groups["parent_code"]))
    keep = set(selected["code"])
    for code in list(keep):
        seen = {code}
        while (up := parent.get(code)) is not None and up not in seen:  # a loop in the register must not hang
            keep.add(up)
            seen.add(up)
            code = up
    return (groups.filter(pl.col("code").is_in(sorted(keep)))
            .with_columns(pl.col("code").is_in(selected["code"].to_list()).alias("selected")))


def tree_layout(groups: pl.DataFrame) -> pl.DataFrame:
    """Where each group sits in the reporting tree drawn left to right.

    `depth` is the column (0 = the group nobody above it; a group stands at least in its kind's column,
    so a sub-group under the steering group is drawn among the sub-groups, not among the lifecycle
    groups), `row` the vertical position: leaves get
    consecutive rows in depth-first order, a parent sits midway between its first and last child.
    Adds parent_depth and parent_row for the connecting lines; `order` is the depth-first order.
    """
    codes = set(groups["code"])
    children = _children(groups)
    roots = [c for c, p in zip(*[groups.sort(_sort_key(groups))[k] for k in ("code", "parent_code")])
             if p is None or p not in codes]
    place: dict[str, tuple[int, float, int]] = {}
    next_row = 0.0
    level = {c: KIND_LEVEL.get(k) for c, k in zip(groups["code"], groups["kind"])}
    known = [level[r] for r in roots if level[r] is not None]
    offset = min(known) if known else 0

    def visit(code: str, depth: int, path: frozenset[str]) -> float:
        nonlocal next_row
        if path and level[code] is not None:
            depth = max(depth, level[code] - offset)
        order = len(place)
        place[code] = (depth, 0.0, order)
        kids = [k for k in children.get(code, []) if k in codes and k not in path and k not in place]
        if not kids:
            row = next_row
            next_row += 1
        else:
            rows = [visit(k, depth + 1, path | {code}) for k in kids]
            row = (rows[0] + rows[-1]) / 2
        place[code] = (depth, row, order)
        return row

    for root in roots:
        visit(root, 0, frozenset())
    for code in groups.sort(_sort_key(groups))["code"]:  # groups caught in a reporting loop
        if code not in place:
            visit(code, 0, frozenset())
    pos = pl.DataFrame([(c, d, r, o) for c, (d, r, o) in place.items()],
                       schema={"code": pl.Utf8, "depth": pl.Int64, "row": pl.Float64, "order": pl.Int64},
                       orient="row")
    parents = pos.select(pl.col("code").alias("parent_code"), pl.col("depth").alias("parent_depth"),
                         pl.col("row").alias("parent_row"))
    return (groups.join(pos, on="code").join(parents, on="parent_code", how="left")
            .with_columns(pl.when(pl.col("parent_code").is_in(list(codes))).then(pl.col("parent_code"))
                          .alias("parent_code"))
            .sort("order"))


def tree_order(groups: pl.DataFrame) -> list[str]:
    """Group codes in the reporting tree's depth-first order (the order every chart lists them)."""
    return tree_layout(groups)["code"].to_list() if groups.height else []


# --- meetings against the target -------------------------------------------------------------------

def years_considered(start_year: int, end_year: int, first_meeting_year: int | None, today: date) -> list[int]:
    """The period's years that can be judged: from the first recorded meeting up to this year.

    Before the first recorded meeting there are no records (not zero meetings), and a future year
    has nothing to count yet.
    """
    if first_meeting_year is None:
        return []
    return list(range(max(start_year, first_meeting_year), min(end_year, today.year) + 1))


def meeting_status(held: int, scheduled: int, target_min: int | None, target_max: int | None, year: int,
                   today: date) -> str:
    """below | within | above a finished year's target; in_progress | behind for the year in progress.

    In the year in progress a group is behind only when neither its meetings already scheduled nor
    the share of the year gone by (5 meetings a year: 2 by the end of May) say it is on course.
    """
    if target_min is None and target_max is None:
        return "no_target"
    if target_max is not None and held > target_max:
        return "above"
    if target_min is None or held >= target_min:
        return "within"
    if year < today.year:
        return "below"
    start = date(year, 1, 1)
    elapsed = ((today - start).days + 1) / ((date(year + 1, 1, 1) - start).days)
    if held + scheduled >= target_min or held >= math.floor(target_min * elapsed):
        return "in_progress"
    return "behind"


def meeting_counts(groups: pl.DataFrame, meetings: pl.DataFrame, years: list[int], today: date) -> pl.DataFrame:
    """One row per group and year: meetings held (before today), of them joint, still scheduled,
    attendance (members present / invited, over meetings with both recorded), target and status.
    """
    meetings = meetings.filter(pl.col("group_code").is_in(groups["code"].to_list()))
    held = meetings.filter(pl.col("meeting_date") < today)
    counted = (held.group_by("group_code", pl.col("meeting_date").dt.year().cast(pl.Int64).alias("year"))
               .agg(pl.len().cast(pl.Int64).alias("held"), pl.col("is_joint").sum().cast(pl.Int64).alias("joint"),
                    _attendance_part("members_invited"), _attendance_part("members_present")))
    scheduled = (meetings.filter(pl.col("meeting_date") >= today)
                 .group_by("group_code", pl.col("meeting_date").dt.year().cast(pl.Int64).alias("year"))
                 .agg(pl.len().cast(pl.Int64).alias("scheduled")))
    grid = groups.select("code", "target_meetings_min", "target_meetings_max").rename({"code": "group_code"}).join(
        pl.DataFrame({"year": years}, schema={"year": pl.Int64}), how="cross")
    out = (grid.join(counted, on=["group_code", "year"], how="left")
           .join(scheduled, on=["group_code", "year"], how="left")
           .with_columns(pl.col("held", "joint", "scheduled").fill_null(0))
           .with_columns(_rate("present", "invited").alias("attendance")))
    status = [meeting_status(h, s, lo, hi, y, today) for h, s, lo, hi, y in
              out.select("held", "scheduled", "target_meetings_min", "target_meetings_max", "year").iter_rows()]
    order = {code: i for i, code in enumerate(tree_order(groups))}
    return (out.with_columns(pl.Series("status", status, dtype=pl.Utf8),
                             pl.col("group_code").replace_strict(order, default=len(order),
                                                                 return_dtype=pl.Int64).alias("order"))
            .sort("order", "year").drop("order"))


def _attendance_part(column: str) -> pl.Expr:
    # Only meetings with both figures count, so a missing "present" never reads as nobody came.
    both = pl.col("members_invited").is_not_null() & pl.col("members_present").is_not_null() & (
        pl.col("members_invited") > 0)
    return pl.col(column).filter(both).sum().cast(pl.Int64).alias(column.removeprefix("members_"))


def _rate(present: str, invited: str) -> pl.Expr:
    return pl.when(pl.col(invited) > 0).then(pl.col(present) / pl.col(invited)).otherwise(None)


def attendance_by_year(counts: pl.DataFrame) -> pl.DataFrame:
    """All selected groups together, per year: members present / invited."""
    return (counts.group_by("year").agg(pl.col("present").sum(), pl.col("invited").sum())
            .with_columns(_rate("present", "invited").alias("attendance")).sort("year"))


def target_summary(counts: pl.DataFrame, year: int) -> dict:
    """For one year: groups with a target, of them on course (not short of it), and the rows short of it.

    For a finished year "on course" is on target; for the year in progress it is keeping the pace.
    """
    own = counts.filter((pl.col("year") == year) & (pl.col("status") != "no_target"))
    short = own.filter(pl.col("status").is_in(SHORT))
    return {"with_target": own.height, "on_course": own.height - short.height, "short": short}


# --- seats ------------------------------------------------------------------------------------------

def seat_table(groups: pl.DataFrame, seats: pl.DataFrame) -> pl.DataFrame:
    """Seats by the rule against seats filled, per group (tree order) and seat type; `vacant` ≥ 0."""
    order = {code: i for i, code in enumerate(tree_order(groups))}
    kinds = {kind: i for i, kind in enumerate(SEAT_TYPES)}
    return (seats.filter(pl.col("group_code").is_in(groups["code"].to_list()))
            .with_columns((pl.col("seats_required") - pl.col("seats_filled")).clip(lower_bound=0).alias("vacant"),
                          pl.col("group_code").replace_strict(order, default=len(order),
                                                              return_dtype=pl.Int64).alias("o1"),
                          pl.col("seat_type").replace_strict(kinds, default=len(kinds),
                                                             return_dtype=pl.Int64).alias("o2"))
            .sort("o1", "o2").drop("o1", "o2"))


def vacancies(seats: pl.DataFrame) -> pl.DataFrame:
    """The seat rows with a vacant seat."""
    return seats.filter(pl.col("vacant") > 0)


# --- topics -----------------------------------------------------------------------------------------

def topic_matrix(groups: pl.DataFrame, area_codes: list[str], topics: pl.DataFrame, today: date) -> pl.DataFrame:
    """Agenda items of meetings held, per group (tree order) × priority area (plan order), zeros included."""
    held = topics.filter((pl.col("meeting_date") < today) & pl.col("group_code").is_in(groups["code"].to_list()))
    counts = held.group_by("group_code", "priority_area_code").agg(pl.len().cast(pl.Int64).alias("items"))
    grid = pl.DataFrame({"group_code": tree_order(groups)}, schema={"group_code": pl.Utf8}).join(
        pl.DataFrame({"priority_area_code": area_codes}, schema={"priority_area_code": pl.Utf8}), how="cross")
    return (grid.join(counts, on=["group_code", "priority_area_code"], how="left")
            .with_columns(pl.col("items").fill_null(0)))


def uncovered_areas(matrix: pl.DataFrame) -> list[str]:
    """Priority areas no selected group has had on its agenda (plan order)."""
    totals = matrix.group_by("priority_area_code", maintain_order=True).agg(pl.col("items").sum())
    return totals.filter(pl.col("items") == 0)["priority_area_code"].to_list()


def empty_cells(matrix: pl.DataFrame) -> pl.DataFrame:
    """Group × area cells with no agenda item."""
    return matrix.filter(pl.col("items") == 0)


# --- meetings lists ---------------------------------------------------------------------------------

def upcoming(meetings: pl.DataFrame, groups: pl.DataFrame, today: date) -> pl.DataFrame:
    """Meetings of the selected groups dated today or later, soonest first."""
    return (meetings.filter((pl.col("meeting_date") >= today) & pl.col("group_code").is_in(groups["code"].to_list()))
            .sort("meeting_date", "group_code"))


def with_attendance(meetings: pl.DataFrame) -> pl.DataFrame:
    """Meetings with their attendance rate (None where a figure is missing)."""
    return meetings.with_columns(_rate("members_present", "members_invited").alias("attendance"))


# --- the annual clock -------------------------------------------------------------------------------

def clock_sectors(items: pl.DataFrame, today: date, year: int) -> pl.DataFrame:
    """The annual clock as arcs: each month a twelfth of the circle, shared by its items.

    Angles are radians clockwise from twelve o'clock (January starts at the top). A month without
    items is one empty arc. `is_now` marks the current month when `year` is this year.
    """
    rows = []
    by_month = {m: g for (m,), g in items.sort("month", "id").group_by("month", maintain_order=True)}
    step = 2 * math.pi / 12
    for month in range(1, 13):
        own = by_month.get(month)
        start = (month - 1) * step
        is_now = year == today.year and month == today.month
        if own is None:
            rows.append({"month": month, "id": None, "status": "none", "start": start, "end": start + step,
                         "is_now": is_now})
            continue
        share = step / own.height
        for i, item in enumerate(own.iter_rows(named=True)):
            rows.append({"month": month, "id": item["id"], "status": item["status"], "start": start + i * share,
                         "end": start + (i + 1) * share, "is_now": is_now})
    return pl.DataFrame(rows, schema={"month": pl.Int64, "id": pl.Utf8, "status": pl.Utf8, "start": pl.Float64,
                                      "end": pl.Float64, "is_now": pl.Boolean})


def next_clock_items(items: pl.DataFrame, today: date, year: int, limit: int = 3) -> pl.DataFrame:
    """The next planned items: this month onwards in this year; the whole year's plan for a later year."""
    planned = items.filter(pl.col("status") != "done")
    if year == today.year:
        planned = planned.filter(pl.col("month") >= today.month)
    elif year < today.year:
        return planned.clear()
    return planned.sort("month", "id").head(limit)


# --- the screen's figures in one go -----------------------------------------------------------------

def activity(groups: pl.DataFrame, seats: pl.DataFrame, meetings: pl.DataFrame, later_meetings: pl.DataFrame,
             latest: pl.DataFrame, topics: pl.DataFrame, area_codes: list[str], first_meeting_year: int | None,
             start_year: int, end_year: int, age_group: str | None, today: date) -> dict:
    """Everything the working-group screen shows, for a period and an age group.

    `meetings` and `topics` are the period's, `later_meetings` those dated today or later (whatever
    the period), `latest` each group's last meeting held. Returns frames: groups (selected), tree (the
    selected groups and those above them, laid out), tree_counts (tree groups × years), counts (the
    selected groups' rows of it), seats, topics, meetings (the period's, selected groups), upcoming,
    latest; and years (the years judged).
    """
    selected = select_groups(groups, age_group)
    tree = tree_layout(with_ancestors(groups, selected)) if selected.height else \
        tree_layout(groups.clear()).with_columns(pl.lit(False).alias("selected"))
    years = years_considered(start_year, end_year, first_meeting_year, today)
    in_selection = pl.col("group_code").is_in(selected["code"].to_list())
    tree_counts = meeting_counts(tree, pl.concat([meetings, later_meetings]).unique("id"), years, today)
    return {
        "groups": selected.join(tree.select("code", "order"), on="code", how="left").sort("order"),
        "tree": tree,
        "years": years,
        "tree_counts": tree_counts,
        "counts": tree_counts.filter(in_selection),
        "seats": seat_table(selected, seats),
        "topics": topic_matrix(selected, area_codes, topics, today),
        "meetings": with_attendance(meetings.filter(in_selection)).sort("meeting_date", "group_code"),
        "upcoming": with_attendance(upcoming(later_meetings, selected, today)),
        "latest": with_attendance(latest.filter(in_selection)).join(
            tree.select(pl.col("code").alias("group_code"), "order"), on="group_code", how="left")
            .sort("order", "meeting_date").drop("order"),
    }
