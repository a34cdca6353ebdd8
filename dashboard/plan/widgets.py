"""The plan screen's forms: each collects one change, which a process of its own writes into the package
(data_pipeline.load.worker.plan: validated as `hyte check` does, loaded, versioned); the screen then
reruns on the new data and shows what the write said."""

from __future__ import annotations

import streamlit as st

from dashboard.access import session as access
from dashboard.core import cache
from dashboard.core import layout
from dashboard.core.formatting import plain
from dashboard.core.i18n import speaking, t, tn
from dashboard.data_status.widgets import package_path
from dashboard.plan import model as plan_model
from dashboard.plan.model import LANGS, PlanModel
from dashboard.setup import cache as setup_cache
from dashboard.setup import view as setup_view
from data_pipeline.inputs.config_edit import NotANumber
from data_pipeline.load import worker
from data_pipeline.sources.http import SourceError

RESULT_KEY = "plan.result"
CLEAR_KEY = "plan.clear"  # a new goal's or measure's fields, to empty now that it is saved


def save(store: cache.Store, visitor: access.Visitor, edits: list[dict], lang: str, clear: tuple[str, ...] = ()) -> None:
    """Write `edits` through the write process; remember what it said; rerun on the new data. The fields
    `clear` (a new goal's or measure's) are emptied once saved; a refused save keeps what was typed."""
    if not edits:
        st.session_state[RESULT_KEY] = ("unchanged", [])
        st.rerun()
    config = package_path(store)
    if config is None:
        return
    with speaking(lang), st.status(t("plan.saving"), expanded=False) as status:
        result = worker.plan(store.url, config, edits, visitor.who)
        status.update(state="complete" if result.ok else "error")
    if result.ok:  # emptied at the next run, before the fields are drawn (a drawn widget's value is fixed)
        st.session_state[CLEAR_KEY] = tuple(clear)
    st.session_state[RESULT_KEY] = (result.outcome if result.ok else result.status,
                                    result.problems or ([result.message] if result.message and not result.ok else []))
    st.rerun()


def refused(message) -> None:
    st.error(t("plan.refused", message=plain(str(message))), icon=":material/error:")


def result() -> None:
    """What the last save did: saved, nothing to save, or every problem as `hyte check` lists it. Drawn
    first on the screen, so it also empties the fields of what was just added."""
    for key in st.session_state.pop(CLEAR_KEY, ()):
        st.session_state[key] = ""
    outcome = st.session_state.pop(RESULT_KEY, None)
    if outcome is None:
        return
    status, problems = outcome
    if status in ("loaded", "success"):
        st.success(t("plan.saved"), icon=":material/check_circle:")
    elif status == "unchanged":
        st.info(t("plan.unchanged"), icon=":material/info:")
    else:
        st.error(tn("plan.rejected", len(problems), count=len(problems)), icon=":material/error:")
        st.code("\n".join(problems), language=None, wrap_lines=True)


def plan_form(store, visitor, shown: PlanModel, lang: str) -> None:
    with st.form("plan.plan", border=True):
        st.markdown(f"**{t('plan.section.plan')}**")
        columns = st.columns(3)
        names = {x: columns[i].text_input(t(f"plan.name.{x}"), value=shown.names.get(x) or "", key=f"plan.name.{x}")
                 for i, x in enumerate(LANGS)}
        years = st.columns(4)
        start = years[0].text_input(t("plan.start_year"), value=str(shown.start_year or ""), key="plan.start")
        end = years[1].text_input(t("plan.end_year"), value=str(shown.end_year or ""), key="plan.end")
        flag = years[2].number_input(t("plan.flag_days"), min_value=1, value=shown.flag_days, key="plan.flag")
        stale = years[3].number_input(t("plan.stale_days"), min_value=1, value=shown.stale_days, key="plan.stale")
        if st.form_submit_button(t("plan.save"), type="primary", icon=":material/save:"):
            try:
                save(store, visitor, [plan_model.plan_edit(names, start, end, flag, stale)], lang)
            except NotANumber as exc:
                refused(exc.message)


def areas_form(store, visitor, shown: PlanModel, lang: str) -> None:
    st.markdown(f"**{t('plan.section.areas')}**")
    st.caption(t("plan.areas.help"))
    layout.message(shown.unnamed)
    with st.form("plan.areas", border=True):
        edited = st.data_editor(
            [dict(a) for a in shown.areas], key="plan.areas.editor", hide_index=True, width="stretch",
            num_rows="dynamic", disabled=["code"], column_order=["code", "name_fi", "name_sv", "name_en"],
            column_config={"code": st.column_config.TextColumn(t("plan.col.code"), width="small"),
                           **{f"name_{x}": st.column_config.TextColumn(t(f"plan.name.{x}")) for x in LANGS}})
        if st.form_submit_button(t("plan.save"), type="primary", icon=":material/save:"):
            save(store, visitor, plan_model.area_edits(shown.areas, _records(edited)), lang)


def _records(edited) -> list[dict]:
    if hasattr(edited, "to_dicts"):
        return edited.to_dicts()
    if hasattr(edited, "to_dict"):
        return edited.to_dict("records")
    return list(edited)


def indicator_form(store, visitor, shown: PlanModel, lang: str) -> None:
    """Search Sotkanet's catalogue by name or number (as /setup does), or pick one of the plan's, and set
    its area, age group, direction, target and target year."""
    st.markdown(f"**{t('plan.section.indicators')}**")
    titles: dict = {}
    # Asked for only when wanted: an app without a connection to Sotkanet would otherwise wait on every run.
    if st.toggle(t("plan.indicator.catalogue"), key="plan.catalogue"):
        try:
            titles = setup_view.catalogue_titles(setup_cache.catalogue(setup_cache.sotkanet_url()))
        except SourceError as exc:
            st.warning(t("plan.catalogue.unavailable", problem=plain(str(exc))), icon=":material/cloud_off:")
    planned = {r["id"]: r for r in shown.indicators}
    for r in shown.indicators:
        titles.setdefault(r["id"], {x: r.get(f"title_{x}") or r["title_fi"] for x in LANGS})
    options = [*planned, *sorted(i for i in titles if i not in planned)]
    chosen = st.selectbox(t("plan.indicator.search"), options, index=None, key="plan.indicator",
                          placeholder=t("plan.indicator.placeholder"),
                          format_func=lambda i: setup_view.option_label(i, titles, lang))
    if chosen is None or not shown.areas:
        return
    row = planned.get(chosen, {})
    areas, ages = list(shown.area_names), list(shown.age_names)
    with st.form(f"plan.indicator.{chosen}", border=True):
        columns = st.columns(3)
        area = columns[0].selectbox(t("plan.col.area"), areas, format_func=shown.area_names.get,
                                    index=areas.index(row["priority_area_code"]) if row.get("priority_area_code") in areas else 0)
        age = columns[1].selectbox(t("plan.col.age"), ages, format_func=shown.age_names.get,
                                   index=ages.index(row.get("age_group_code")) if row.get("age_group_code") in ages else 0)
        direction = columns[2].selectbox(t("plan.col.direction"), plan_model.DIRECTIONS,
                                         format_func=lambda d: t(f"plan.direction.{d}"),
                                         index=plan_model.DIRECTIONS.index(row.get("direction") or "higher_better"))
        columns = st.columns(2)
        current = row.get("target_value")
        target = columns[0].text_input(t("plan.col.target"), help=t("plan.target.help"), key=f"plan.target.{chosen}",
                                       value=plan_model.target_text(current, 0, lang) if current is not None else "")
        year = columns[1].text_input(t("plan.col.target_year"), value=str(row.get("target_year") or ""),
                                     key=f"plan.target_year.{chosen}")
        buttons = st.columns(2)
        saved = buttons[0].form_submit_button(t("plan.save"), type="primary", icon=":material/save:")
        removed = buttons[1].form_submit_button(t("plan.indicator.remove"), icon=":material/delete:",
                                                disabled=chosen not in planned)
    if removed:
        save(store, visitor, [{"op": "remove_indicator", "id": chosen}], lang)
    if saved:
        try:
            save(store, visitor, [plan_model.indicator_edit(chosen, area, age, direction, target, year,
                                                            title=(titles.get(chosen) or {}).get("fi"))], lang)
        except NotANumber as exc:
            refused(exc.message)


def goal_form(store, visitor, shown: PlanModel, lang: str) -> None:
    """A new goal, or an existing one's area and wording; a goal no measure serves can be removed."""
    if not shown.areas:
        return
    goals = {g["code"]: g for g in shown.goal_rows}
    code = st.selectbox(t("plan.goal.choose"), [None, *goals], key="plan.goal.code",
                        format_func=lambda c: t("plan.goal.add") if c is None else shown.goal_names[c])
    row = goals.get(code, {})
    areas = list(shown.area_names)
    with st.form(f"plan.goal.{code}", border=True):
        area = st.selectbox(t("plan.col.area"), areas, format_func=shown.area_names.get, key=f"plan.goal.{code}.area",
                            index=areas.index(row["priority_area_code"]) if row.get("priority_area_code") in areas else 0)
        # A goal is a sentence: each language on a line of its own (three to a row left each a sliver of the
        # half-width column at 1280 px: Kuusamo trial).
        texts = {x: st.text_input(t(f"plan.goal.text.{x}"), value=row.get(f"text_{x}") or "",
                                  key=f"plan.goal.{code}.{x}") for x in LANGS}
        buttons = st.columns(2)
        saved = buttons[0].form_submit_button(t("plan.goal.button") if code is None else t("plan.save"),
                                              type="primary", icon=":material/add:" if code is None else ":material/save:")
        removed = buttons[1].form_submit_button(t("plan.remove"), icon=":material/delete:", disabled=code is None)
    if removed:
        save(store, visitor, [{"op": "remove_goal", "code": code}], lang)  # a goal still served: the check says so
    if saved:
        if not texts["fi"].strip():
            refused(t("plan.goal.text_missing"))
        else:
            save(store, visitor, [plan_model.goal_edit(code, area, texts)], lang,
                 clear=tuple(f"plan.goal.None.{x}" for x in LANGS) if code is None else ())


def measure_form(store, visitor, shown: PlanModel, lang: str) -> None:
    """A new measure, or an existing one's status, due date and progress note (its update date follows)."""
    if not shown.goal_names:
        st.info(t("plan.measure.no_goals"))
        return
    measures = {m["code"]: m for m in shown.measures}
    code = st.selectbox(t("plan.measure.choose"), [None, *measures], key="plan.measure.code",
                        format_func=lambda c: t("plan.measure.new") if c is None else
                        f"{c} · {measures[c].get(f'text_{lang}') or measures[c]['text_fi']}")
    row = measures.get(code, {})
    goals = list(shown.goal_names)
    with st.form(f"plan.measure.{code}", border=True):
        goal = st.selectbox(t("plan.col.goal"), goals, format_func=shown.goal_names.get,
                            index=goals.index(row["goal_code"]) if row.get("goal_code") in goals else 0)
        texts = {x: st.text_input(t(f"plan.measure.text.{x}"), value=row.get(f"text_{x}") or "",
                                  key=f"plan.measure.{code}.text_{x}") for x in LANGS}
        columns = st.columns(3)
        unit = columns[0].text_input(t("plan.col.unit"), value=row.get("responsible_unit") or "",
                                     key=f"plan.measure.{code}.unit")
        status = columns[1].selectbox(t("plan.col.status"), plan_model.STATUSES,
                                      format_func=lambda s: plan_model.status_label(s, lang),
                                      index=plan_model.STATUSES.index(row.get("status") or "planned"))
        due = columns[2].date_input(t("plan.col.due"), value=row.get("due_date"), format="DD.MM.YYYY")
        note = st.text_area(t("plan.col.note"), value=row.get("progress_note") or "", height=80,
                            key=f"plan.measure.{code}.note")
        buttons = st.columns(2)
        saved = buttons[0].form_submit_button(t("plan.save"), type="primary", icon=":material/save:")
        removed = buttons[1].form_submit_button(t("plan.remove"), icon=":material/delete:", disabled=code is None)
    if removed:
        save(store, visitor, [{"op": "remove_measure", "code": code}], lang)
    if saved:
        if not (texts["fi"].strip() and unit.strip()):
            refused(t("plan.measure.missing"))
        else:
            fields = (*(f"plan.measure.None.text_{x}" for x in LANGS), "plan.measure.None.unit",
                      "plan.measure.None.note")
            save(store, visitor, [plan_model.measure_edit(code, goal, texts, unit, status, due, note)], lang,
                 clear=fields if code is None else ())


def versions_panel(store, visitor, shown: PlanModel, lang: str) -> None:
    """Undo: an earlier version of hyte.toml, the goals or the measures put back (checked and loaded again)."""
    st.markdown(f"**{t('plan.section.versions')}**")
    which = st.segmented_control(t("plan.versions.what"), list(shown.versions), default="plan", key="plan.versions.what",
                                 format_func=lambda name: t(f"plan.versions.{name}"))
    versions = shown.versions.get(which or "plan", {})
    if len(versions) < 2:
        st.caption(t("plan.versions.none"))
        return
    ids = list(versions)
    chosen = st.selectbox(t("plan.versions.choose"), ids, index=1, format_func=versions.get, key=f"plan.version.{which}")
    if st.button(t("plan.versions.restore"), icon=":material/history:", key="plan.version.restore"):
        config = package_path(store)
        if config is not None:
            with speaking(lang), st.status(t("plan.saving"), expanded=False) as status:
                done = worker.restore(store.url, config, chosen, visitor.who)
                status.update(state="complete" if done.ok else "error")
            st.session_state[RESULT_KEY] = (done.outcome if done.ok else done.status, done.problems)
            st.rerun()
