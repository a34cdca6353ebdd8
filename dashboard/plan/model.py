"""What the plan screen shows, in one language, as one value; and the edits its forms make.

The screen shows the plan as the last load left it (its name and years, priority areas, goals, measures
with how current each is, indicators and targets, hyte.toml's saved versions). A form's input becomes
an edit (data_pipeline.load.plan.apply_edits) here, numbers read as a Finn types them; the write
process applies the edits to the package and validates them exactly as `hyte check` does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from dashboard.core import screen
from dashboard.core.cache import Store
from dashboard.core import cache as core_cache
from dashboard.core.formatting import fmt_date, fmt_datetime, fmt_number
from dashboard.core.i18n import translate, translate_n
from dashboard.core.model import INFO, SUCCESS, WARNING, Heading, Message, Table
from dashboard.plan import cache
from dashboard.plan import metrics
from data_pipeline.inputs import config_edit
from data_pipeline.inputs.registers import MEASURE_STATUSES

LANGS = ("fi", "sv", "en")
DIRECTIONS = ("higher_better", "lower_better")


@dataclass(frozen=True)
class PlanModel:
    heading: Heading
    names: dict[str, str | None]
    start_year: int | None
    end_year: int | None
    flag_days: int
    stale_days: int
    areas: tuple[dict, ...]  # code, name_fi, name_sv, name_en
    area_names: dict[str, str]  # code -> name in the language
    age_names: dict[str | None, str]
    goal_names: dict[str, str]
    goals: Table | None
    measures: tuple[dict, ...]  # as stored, with days_since and state
    measures_table: Table | None
    staleness: Message | None
    indicators: tuple[dict, ...]
    indicators_table: Table | None
    versions: dict[int, str]  # hyte.toml's versions, newest (current) first


def _name(row: dict, lang: str, prefix: str = "name") -> str:
    return row.get(f"{prefix}_{lang}") or row.get(f"{prefix}_fi") or ""


def state_label(state: str, days: int | None, lang: str) -> str:
    if state == metrics.UNKNOWN:
        return translate("plan.state.unknown", lang)
    return translate_n(f"plan.state.{state}", days or 0, lang, days=fmt_number(days or 0, 0, lang))


def build(store: Store, lang: str, today: dt.date | None = None) -> PlanModel:
    today = today or dt.date.today()
    town = (core_cache.municipality(store).to_dicts() or [{}])[0]
    flag = town.get("measure_flag_days") or metrics.DEFAULT_FLAG_DAYS
    stale = town.get("measure_stale_days") or metrics.DEFAULT_STALE_DAYS
    areas = tuple(core_cache.priority_areas(store).select("code", "name_fi", "name_sv", "name_en").to_dicts())
    area_names = {a["code"]: _name(a, lang) for a in areas}
    age_names = {None: translate("plan.age.all", lang),
                 **{g["code"]: _name(g, lang) for g in core_cache.age_groups(store).to_dicts()}}
    goals = cache.goals(store)
    goal_names = {g["code"]: f"{g['code']} · {_name(g, lang, 'text')}" for g in goals.to_dicts()}
    measures = metrics.staleness(cache.measures(store), today, flag, stale)
    shown = measures.to_dicts()
    indicators = cache.indicators(store).to_dicts()
    return PlanModel(
        heading=screen.heading(store, "page.plan", lang),
        names={x: town.get(f"plan_name_{x}") for x in LANGS},
        start_year=town.get("plan_start_year"), end_year=town.get("plan_end_year"),
        flag_days=flag, stale_days=stale,
        areas=areas, area_names=area_names, age_names=age_names, goal_names=goal_names,
        goals=_goals_table(goals, area_names, lang),
        measures=tuple(shown),
        measures_table=_measures_table(shown, goal_names, lang),
        staleness=_staleness_message(measures, flag, stale, lang),
        indicators=tuple(indicators),
        indicators_table=_indicators_table(indicators, area_names, age_names, lang),
        versions=_versions(cache.plan_versions(store), lang))


def _goals_table(goals: pl.DataFrame, area_names: dict, lang: str) -> Table | None:
    if not goals.height:
        return None
    frame = pl.DataFrame({
        translate("plan.col.code", lang): goals["code"],
        translate("plan.col.area", lang): [area_names.get(c, c) for c in goals["priority_area_code"]],
        translate("plan.col.goal", lang): [_name(g, lang, "text") for g in goals.to_dicts()]})
    return Table(frame, translate("plan.goals", lang), "tavoitteet")


def _measures_table(rows: list[dict], goal_names: dict, lang: str) -> Table | None:
    if not rows:
        return None
    frame = pl.DataFrame({
        translate("plan.col.code", lang): [r["code"] for r in rows],
        translate("plan.col.measure", lang): [_name(r, lang, "text") for r in rows],
        translate("plan.col.status", lang): [translate(f"plan.status.{r['status']}", lang) for r in rows],
        translate("plan.col.currency", lang): [state_label(r["state"], r["days_since"], lang) for r in rows],
        translate("plan.col.updated", lang): [fmt_date(r["updated_on"], lang) if r["updated_on"] else "–" for r in rows],
        translate("plan.col.due", lang): [fmt_date(r["due_date"], lang) if r["due_date"] else "–" for r in rows],
        translate("plan.col.unit", lang): [r["responsible_unit"] for r in rows],
        translate("plan.col.note", lang): [r["progress_note"] or "–" for r in rows],
        translate("plan.col.goal", lang): [goal_names.get(r["goal_code"], r["goal_code"]) for r in rows]})
    return Table(frame, translate("plan.measures", lang), "toimenpiteet")


def measures_flag(store: Store, lang: str, today: dt.date | None = None) -> Message | None:
    """The overview's warning: measures not updated within the plan's limits; None when all are current."""
    town = (core_cache.municipality(store).to_dicts() or [{}])[0]
    flag = town.get("measure_flag_days") or metrics.DEFAULT_FLAG_DAYS
    stale = town.get("measure_stale_days") or metrics.DEFAULT_STALE_DAYS
    measures = metrics.staleness(cache.measures(store), today or dt.date.today(), flag, stale)
    shown = _staleness_message(measures, flag, stale, lang)
    return shown if shown is not None and shown.kind == WARNING else None


def _staleness_message(measures: pl.DataFrame, flag: int, stale: int, lang: str) -> Message | None:
    if not measures.height:
        return None
    n = metrics.counts(measures)
    late = n[metrics.FLAGGED] + n[metrics.STALE] + n[metrics.UNKNOWN]
    if not late:
        return Message(SUCCESS, translate("plan.staleness.none", lang, flag=flag), ":material/check_circle:")
    return Message(WARNING, translate("plan.staleness.some", lang, flagged=n[metrics.FLAGGED], stale=n[metrics.STALE],
                                      unknown=n[metrics.UNKNOWN], flag=flag, limit=stale), ":material/schedule:")


def indicator_title(row: dict, lang: str) -> str:
    return f"{row['id']} · {_name(row, lang, 'title')}"


def target_text(value: float | None, decimals: int | None, lang: str) -> str:
    """A target as typed: never rounded away (8,5 of a whole-number indicator stays 8,5)."""
    if value is None:
        return "–"
    needed = len(f"{value:.3f}".rstrip("0").split(".")[1])
    return fmt_number(value, max(decimals or 0, needed), lang)


def _indicators_table(rows: list[dict], area_names: dict, age_names: dict, lang: str) -> Table | None:
    if not rows:
        return None
    frame = pl.DataFrame({
        translate("plan.col.indicator", lang): [indicator_title(r, lang) for r in rows],
        translate("plan.col.area", lang): [area_names.get(r["priority_area_code"], r["priority_area_code"]) for r in rows],
        translate("plan.col.age", lang): [age_names.get(r["age_group_code"], r["age_group_code"] or "") for r in rows],
        translate("plan.col.direction", lang): [translate(f"plan.direction.{r['direction']}", lang) for r in rows],
        translate("plan.col.target", lang): [target_text(r["target_value"], r["decimals"], lang) for r in rows],
        translate("plan.col.target_year", lang): [str(r["target_year"]) if r["target_year"] else "–" for r in rows]},
        schema_overrides=None)
    return Table(frame, translate("plan.indicators", lang), "indikaattorit")


def _versions(frame: pl.DataFrame, lang: str) -> dict[int, str]:
    out = {}
    for i, r in enumerate(frame.to_dicts()):
        origin = translate("plan.version.package" if r["origin"] == "package" else "plan.version.saved", lang)
        label = translate("plan.version", lang, when=fmt_datetime(r["saved_at"], lang), who=r["actor"], origin=origin)
        out[r["id"]] = translate("plan.version.current", lang, label=label) if i == 0 else label
    return out


# --- a form's input -> an edit -------------------------------------------------------------------------

def plan_edit(names: dict[str, str], start: str, end: str, flag_days: int, stale_days: int) -> dict:
    """Raises config_edit.NotANumber (its message says what to type) for a year that is not one."""
    return {"op": "plan", "names": {x: (names.get(x) or "").strip() or None for x in LANGS},
            "start_year": config_edit.parse_year(start), "end_year": config_edit.parse_year(end),
            "flag_days": int(flag_days), "stale_days": int(stale_days)}


def area_edits(before: tuple[dict, ...], after: list[dict]) -> list[dict]:
    """The edited areas table as edits: a changed name, a new row (a new area), a removed row."""
    edits, kept = [], set()
    for row in after:
        names = {x: (row.get(f"name_{x}") or "").strip() or None for x in LANGS}
        code = row.get("code") or None
        if code:
            kept.add(code)
            old = next((a for a in before if a["code"] == code), None)
            if old is not None and all((old.get(f"name_{x}") or None) == names[x] for x in LANGS):
                continue
        elif not names["fi"]:
            continue  # an empty new row
        edits.append({"op": "area", "code": code, "names": names})
    edits += [{"op": "remove_area", "code": a["code"]} for a in before if a["code"] not in kept]
    return edits


def indicator_edit(indicator_id: int, area: str, age: str | None, direction: str, target: str | None,
                   target_year: str | None, title: str | None = None) -> dict:
    """Raises config_edit.NotANumber for a target or year typed wrong ("8,5" and "8.5" are both fine)."""
    return {"op": "indicator", "id": int(indicator_id), "title": title,
            "values": {"priority_area": area, "age_group": age, "direction": direction,
                       "target": config_edit.parse_number(target), "target_year": config_edit.parse_year(target_year)}}


def goal_edit(code: str | None, area: str, texts: dict[str, str]) -> dict:
    return {"op": "goal", "code": code, "priority_area": area, **{f"text_{x}": texts.get(x) for x in LANGS}}


def measure_edit(code: str | None, goal: str, texts: dict[str, str], unit: str, status: str,
                 due: dt.date | None, note: str | None) -> dict:
    return {"op": "measure", "code": code, "goal": goal, **{f"text_{x}": texts.get(x) for x in LANGS},
            "responsible_unit": unit, "status": status, "due_date": due, "progress_note": note}


def status_label(status: str, lang: str) -> str:
    return translate(f"plan.status.{status}", lang)


STATUSES = MEASURE_STATUSES
