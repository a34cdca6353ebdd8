"""The register editors' Streamlit pieces: the register picker, the table with its check and save, and
the quick forms (log a meeting, log an event).

A save is an upload: the edited table becomes the register's CSV file and goes through the upload's own
process (data_pipeline.load.worker: `hyte upload --expect-version V --action edit --json-progress`), so
it is validated with the whole package, loaded in one transaction, kept as a register version and
logged. `--expect-version` is the version the person started from: if someone saved the register in
between, the save is refused with what changed, the person's table stays as they left it, and a button
puts their changes on top of the newer version for them to look over and save.
"""

from __future__ import annotations

import datetime as dt
import streamlit as st

from dashboard.access import session as access
from dashboard.core import cache
from dashboard.core import url_state
from dashboard.core.formatting import fmt_date, plain
from dashboard.core.i18n import speaking, t, tn
from dashboard.registers import forms
from dashboard.registers import model
from data_pipeline.inputs import registers as R
from data_pipeline.inputs.config import Config
from data_pipeline.inputs.register_rows import rebase, to_csv
from data_pipeline.load import worker

STATE = "registers.state.{}"  # per register: the version the person started from, its rows, the editor's round
OUTCOME = "registers.outcome"  # the last save's outcome, shown after the rerun it causes
CHECKED = "registers.checked"  # the last check: (what it was of, what it found)
PICKED = "register"  # also the URL parameter: /registers?register=ngos opens that register


def register_picker(shown: model.RegistersModel) -> str:
    """Which register the table shows, kept in the URL so a link opens it."""
    first = shown.registers[0]
    url_state.seed_or_warn(PICKED, shown.registers, shown.register_labels[first])
    picked = st.selectbox(t("reg.register"), shown.registers, format_func=shown.register_labels.get, key=PICKED)
    url_state.write_to_url(PICKED, picked, first)
    return picked


def _editor_key(register: str, state: dict) -> str:
    return f"registers.editor.{register}.{state['round']}"


def _state(config: Config, register: str) -> dict:
    """What the person is editing from. Someone else's newer save is followed while the person has not
    changed anything; once they have, their table stays on the version they began with until they save."""
    key = STATE.format(register)
    state = st.session_state.get(key)
    now = model.current(config, register)
    if state is None or (state["version"] != now.version and not _has_edits(register, state)):
        state = {"version": now.version, "base": now.rows, "rows": now.rows,
                 "round": (state["round"] + 1) if state else 0}
        st.session_state[key] = state
    return state


def _has_edits(register: str, state: dict) -> bool:
    edits = st.session_state.get(_editor_key(register, state)) or {}
    return bool(edits.get("edited_rows") or edits.get("added_rows") or edits.get("deleted_rows")) \
        or state["rows"] != state["base"]


def _column(col: model.EditorColumn):
    common = {"label": col.label, "help": col.help}
    if col.kind == model.CHOICE:
        return st.column_config.SelectboxColumn(options=list(col.options), format_func=col.shown, **common)
    if col.kind == model.MULTI:
        return st.column_config.MultiselectColumn(options=list(col.options), format_func=col.shown, **common)
    if col.kind in (model.INT, model.FLOAT):
        return st.column_config.NumberColumn(min_value=col.min_value, max_value=col.max_value,
                                             step=1 if col.kind == model.INT else None,
                                             format="%d" if col.kind == model.INT else None, **common)
    if col.kind == model.DATE:
        return st.column_config.DateColumn(format="D.M.YYYY", **common)
    if col.kind == model.BOOL:
        return st.column_config.CheckboxColumn(**common)
    return st.column_config.TextColumn(max_chars=5_000, **common)


def register_editor(store: cache.Store, config: Config, register: str, visitor: access.Visitor, lang: str) -> None:
    """The register as a table: edit cells, add rows at the bottom, delete rows; its problems as the
    person types; save as a new version."""
    state = _state(config, register)
    shown = model.editor(config, register, lang, state["rows"], state["version"])
    st.subheader(shown.title, anchor=False)
    st.caption(t("reg.editor.lead"))
    edited = st.data_editor(shown.frame, column_config={c.name: _column(c) for c in shown.columns},
                            num_rows="dynamic", hide_index=True, width="stretch", placeholder="",
                            alt=shown.title, key=_editor_key(register, state))
    rows = model.text_rows(shown, edited)
    changed = rows != list(state["base"])
    checked = _checked(store, config, shown, rows, lang, changed)
    if not checked.ok:
        st.error(tn("reg.problems", len(checked.rows) + len(checked.others)), icon=":material/error:")
        st.code("\n".join(model.problem_lines(checked, lang)), language=None, wrap_lines=True)
    outcome = st.session_state.get(OUTCOME)
    if outcome and outcome.get("register") == register:
        _show_outcome(config, register, outcome, rows, lang)
    pressed = st.button(t("reg.save"), type="primary", icon=":material/save:", disabled=not changed or not checked.ok,
                        key=f"registers.save.{register}")
    if not changed:
        st.caption(t("reg.unchanged"))
    if pressed:
        _save(store, config, register, shown, rows, state, visitor, lang)


def _checked(store: cache.Store, config: Config, shown: model.RegisterEditor, rows: list[tuple[str, ...]],
             lang: str, changed: bool) -> model.Checked:
    """model.check, again only when the rows, the language or a register file changed: any other click
    reruns the screen, and checking a national package's registers takes a second. The register as the
    store holds it (unedited, the package on disk the one last loaded) passed the checks at its load:
    nothing to check; an edit is checked with the registers it can affect."""
    files = sorted((p.name, p.stat().st_mtime_ns) for p in config.registers_dir.glob("*") if p.is_file()) \
        if config.registers_dir.is_dir() else []
    key = (shown.register, shown.version, hash(tuple(rows)), lang, tuple(files))
    last = st.session_state.get(CHECKED)
    if last is not None and last[0] == key:
        return last[1]
    loaded = model.is_loaded(store, config)
    checked = model.Checked((), ()) if loaded and not changed else model.check(config, shown, rows, lang,
                                                                                loaded=loaded)
    st.session_state[CHECKED] = (key, checked)
    return checked


def _save(store: cache.Store, config: Config, register: str, shown: model.RegisterEditor,
          rows: list[tuple[str, ...]], state: dict, visitor: access.Visitor, lang: str) -> None:
    with st.spinner(t("reg.saving")), speaking(lang):
        result = worker.upload(store.url, config.path, register, f"{register}.csv", to_csv(shown.names, rows),
                               visitor.who, expect_version=state["version"], action="edit", lang=lang)
    outcome = {"register": register, "status": result.status, "rows": len(rows), "problems": result.problems,
               "message": result.message, "changes": result.changes, "mine": rows}
    st.session_state[OUTCOME] = outcome
    if result.ok:  # start again from the saved version, in a fresh editor
        st.session_state.pop(_editor_key(register, state), None)
        st.session_state[STATE.format(register)] = {"version": "", "base": (), "rows": (),
                                                    "round": state["round"] + 1}
    st.rerun()


def _show_outcome(config: Config, register: str, outcome: dict, rows: list, lang: str) -> None:
    if outcome["status"] == "ok":
        st.success(tn("reg.saved", outcome["rows"], register=plain(model.register_label(register, lang))),
                   icon=":material/check_circle:")
    elif outcome["status"] == "conflict":
        st.error(plain(outcome["message"] or ""), icon=":material/sync_problem:")
        if outcome["changes"]:
            st.markdown("\n".join(f"- {plain(change)}" for change in outcome["changes"]))
        if st.button(t("reg.merge"), icon=":material/merge:", key=f"registers.merge.{register}"):
            _merge(config, register, rows)
    elif outcome["status"] == "merged":
        st.info(t("reg.merged", rows=plain(", ".join(outcome["both"]) or "–")), icon=":material/merge:")
    elif outcome["status"] == "rejected":
        st.error(tn("reg.rejected", len(outcome["problems"])), icon=":material/error:")
        st.code("\n".join(outcome["problems"]), language=None, wrap_lines=True)
    else:
        st.error(t("up.failed", message=plain(outcome["message"] or outcome["status"])), icon=":material/error:")


def _merge(config: Config, register: str, mine: list[tuple[str, ...]]) -> None:
    """The person's changes put on top of the newer version: their table again, to look over and save."""
    key = STATE.format(register)
    state = st.session_state[key]
    latest = model.current(config, register)
    columns = latest.columns
    merged, both = rebase(register, [dict(zip(columns, r)) for r in state["base"]],
                          [dict(zip(columns, r)) for r in mine], latest.records())
    st.session_state[key] = {"version": latest.version, "base": latest.rows,
                             "rows": tuple(tuple(r.get(c, "") for c in columns) for r in merged),
                             "round": state["round"] + 1}
    st.session_state[OUTCOME] = {"register": register, "status": "merged", "both": both}
    st.rerun()


# --- quick forms ----------------------------------------------------------------------------------------

def _write(store: cache.Store, config: Config, visitor: access.Visitor, lang: str,
           writes: list[tuple[str, list[tuple[str, ...]], str]]) -> worker.WriteResult | None:
    """Save registers one after the other (each from the version it was read at); the first refusal stops."""
    result = None
    for register, rows, version in writes:
        columns = tuple(c.name for c in R.register_columns(register, config.age_group_codes))
        with speaking(lang):
            result = worker.upload(store.url, config.path, register, f"{register}.csv", to_csv(columns, rows),
                                   visitor.who, expect_version=version, action="edit", lang=lang)
        if not result.ok:
            return result
    return result


def _form_outcome(key: str, result: worker.WriteResult | None, lines: list[str], done: str) -> None:
    if lines:
        st.session_state[key] = ("problems", lines)
    elif result is not None and result.ok:
        st.session_state[key] = ("ok", [done])
    elif result is not None:
        st.session_state[key] = ("problems", [result.message or "", *result.changes, *result.problems])


def _show_form_outcome(key: str) -> None:
    outcome = st.session_state.get(key)
    if not outcome:
        return
    kind, lines = outcome
    if kind == "ok":
        st.success(plain(lines[0]), icon=":material/check_circle:")
    else:
        st.error(t("reg.form.not_saved"), icon=":material/error:")
        st.code("\n".join(line for line in lines if line), language=None, wrap_lines=True)


def meeting_form(store: cache.Store, config: Config, visitor: access.Visitor, lang: str) -> None:
    """Log a meeting: date, group, attendance, topics (priority areas), in one go."""
    known = model.codes(config, lang)
    groups = dict(known.lists.get(R.REF_GROUP, []))
    areas = dict(known.lists.get(R.REF_PRIORITY_AREA, []))
    st.subheader(t("reg.meeting.title"), anchor=False)
    if not groups:
        st.info(t("reg.meeting.no_groups"), icon=":material/info:")
        return
    with st.form("registers.meeting", clear_on_submit=True):
        day = st.date_input(t("regcol.date"), value=dt.date.today(), format="DD.MM.YYYY", key="meeting.date")
        group = st.selectbox(t("regcol.group"), list(groups), format_func=lambda c: groups[c] or c,
                             key="meeting.group")
        present_column, invited_column = st.columns(2)
        present = present_column.number_input(t("regcol.present"), min_value=0, step=1, value=None,
                                              key="meeting.present")
        invited = invited_column.number_input(t("regcol.invited"), min_value=0, step=1, value=None,
                                              key="meeting.invited")
        joint = st.checkbox(t("regcol.joint"), key="meeting.joint")
        topics = st.multiselect(t("reg.meeting.topics"), list(areas), format_func=lambda c: areas[c] or c,
                                placeholder=t("reg.choose"), key="meeting.topics")
        topic = st.text_input(t("regcol.topic"), key="meeting.topic")
        submitted = st.form_submit_button(t("reg.meeting.button"), icon=":material/event_available:")
    if submitted:
        meetings = model.current(config, "meetings")
        agenda = model.current(config, "meeting_topics")
        meeting = forms.Meeting(day, group, None if invited is None else int(invited),
                                None if present is None else int(present), joint, tuple(topics), topic)
        shown = model.editor(config, "meetings", lang, meetings.rows, meetings.version)
        meeting_id, meeting_rows, topic_rows = forms.meeting_rows(meetings, agenda, meeting, shown.yes_no)
        checked = model.check(config, shown, meeting_rows, lang, more={"meeting_topics": topic_rows},
                              loaded=model.is_loaded(store, config))
        lines = model.problem_lines(checked, lang)
        result = None if lines else _write(store, config, visitor, lang, [
            ("meetings", meeting_rows, meetings.version),
            *([("meeting_topics", topic_rows, agenda.version)] if topics else [])])
        _form_outcome("registers.meeting.outcome", result, lines, t(
            "reg.meeting.saved", group=groups[group] or group, date=fmt_date(day, lang), topics=len(topics)))
        st.rerun()
    _show_form_outcome("registers.meeting.outcome")


def event_form(store: cache.Store, config: Config, visitor: access.Visitor, lang: str) -> None:
    """Log an event: date, title, district, department, type, level and participants by age group."""
    known = model.codes(config, lang)
    districts = dict(known.lists.get(R.REF_DISTRICT, []))
    departments = dict(known.lists.get(R.REF_DEPARTMENT, []))
    events_spec = R.REGISTERS["events"]
    st.subheader(t("reg.event.title"), anchor=False)
    if not departments:
        st.info(t("reg.event.no_departments"), icon=":material/info:")
        return
    with st.form("registers.event", clear_on_submit=True):
        day = st.date_input(t("regcol.date"), value=dt.date.today(), format="DD.MM.YYYY", key="event.date")
        title = st.text_input(t("regcol.title"), key="event.title")
        district = st.selectbox(t("regcol.district"), list(districts), index=None,
                                format_func=lambda c: f"{districts[c]} ({c})" if districts[c] else c,
                                placeholder=t("reg.event.whole_municipality"), key="event.district")
        department = st.selectbox(t("regcol.department"), list(departments),
                                  format_func=lambda c: departments[c] or c, key="event.department")
        type_column, level_column = st.columns(2)
        kind = events_spec.column("event_type")
        event_type = type_column.selectbox(t("regcol.event_type"), kind.choices,
                                           format_func=lambda c: R.choice_name(kind, c, lang), key="event.type")
        level_spec = events_spec.column("level")
        level = level_column.selectbox(t("regcol.level"), level_spec.choices,
                                       format_func=lambda c: R.choice_name(level_spec, c, lang), key="event.level")
        counts = {}
        columns = st.columns(max(1, len(config.age_groups)))
        for column, group in zip(columns, config.age_groups):
            name = getattr(group, f"name_{lang}", None) or group.name_fi
            counts[group.code] = column.number_input(t("regcol.participants", group=name), min_value=0, step=1,
                                                     value=0, key=f"event.participants.{group.code}")
        submitted = st.form_submit_button(t("reg.event.button"), icon=":material/celebration:")
    if submitted:
        events = model.current(config, "events")
        event = forms.Event(day, title, district, department, event_type, level,
                            {code: int(n or 0) for code, n in counts.items()})
        _event_id, rows = forms.event_rows(events, event)
        shown = model.editor(config, "events", lang, events.rows, events.version)
        checked = model.check(config, shown, rows, lang, loaded=model.is_loaded(store, config))
        lines = model.problem_lines(checked, lang)
        result = None if lines else _write(store, config, visitor, lang, [("events", rows, events.version)])
        _form_outcome("registers.event.outcome", result, lines, t(
            "reg.event.saved", title=title.strip() or "–", date=fmt_date(day, lang),
            participants=sum(counts.values())))
        st.rerun()
    _show_form_outcome("registers.event.outcome")
