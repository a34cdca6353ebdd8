"""The data-status screen's Streamlit pieces: a source's freshness line, and the tools for coordinators:
upload a register, restore a version, refresh, and for administrators a public presentation link. The work is the pipeline's, run in a process of
its own (data_pipeline.load.worker: this process only reads the store); these widgets only collect the
input and show what it did."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import shutil
import tempfile
from pathlib import Path

import streamlit as st

from dashboard.data_status import cache as status_cache
from dashboard.access import session as access
from dashboard.access import rules as access_rules
from dashboard.core import cache
from dashboard.core import theme
from dashboard.data_status import view as status_tables
from dashboard.data_status.model import Source
from dashboard.core.formatting import fmt_number, plain
from dashboard.core.i18n import speaking, t, tn
from data_pipeline.inputs import registers as R
from data_pipeline.load import uploads
from data_pipeline.load import worker

log = logging.getLogger(__name__)

RESULT_KEY = "manage.result"  # the last action's outcome, shown after the rerun it causes
# What the last upload or restore was (the file as uploaded, or the version), so that a refused one can
# be written again after a confirmation, or its full problem list made.
PENDING_KEY = "manage.pending"
FULL_LIST_KEY = "manage.all_problems"  # (file name, bytes, lines) of the full problem list made
CONFIRM_KEY = "manage.confirm_empty"
# A full problem list longer than this is offered zipped (900 000 lines are ~100 MB of text, a few MB zipped).
TEXT_LINES = 20_000


def register_label(name: str, lang: str) -> str:
    spec = R.REGISTERS[name]
    return f"{spec.title(lang)} ({name})"


def _problem_count(result: worker.WriteResult, lang: str) -> str:
    """How many problems a capped list stands for; "≥" when checking stopped early."""
    number = fmt_number(result.problem_count, 0, lang)
    return f"≥ {number}" if result.at_least else number


def package_path(store: cache.Store) -> Path | None:
    """The package to upload into, or None after saying why there is none."""
    path = uploads.package_config(cache.engine(store.url))
    if path is None or not path.is_file():
        st.error(t("up.no_package", path=plain(str(path or "–"))), icon=":material/folder_off:")
        return None
    return path


def _speaking(draw):
    """The write processes a panel starts (data_pipeline.load.worker) speak the person's language."""
    @functools.wraps(draw)
    def drawn(store: cache.Store, visitor: access.Visitor, lang: str) -> None:
        with speaking(lang):
            draw(store, visitor, lang)
    return drawn


@_speaking
def upload_form(store: cache.Store, visitor: access.Visitor, lang: str) -> None:
    """Register and file in; the checked result (loaded, or every problem by line) out."""
    st.subheader(t("up.title"), anchor=False)
    st.caption(t("up.lead"))
    with st.form("upload", clear_on_submit=False, border=True):
        register = st.selectbox(t("up.register"), R.REGISTER_ORDER, key="upload.register",
                                format_func=lambda name: register_label(name, lang))
        file = st.file_uploader(t("up.file"), type=["csv", "xlsx"], key="upload.file")
        submitted = st.form_submit_button(t("up.button"), type="primary", icon=":material/upload:")
    if submitted and file is not None:
        config = package_path(store)
        if config is not None:
            with st.status(t("up.checking", file=plain(file.name)), expanded=False) as status:
                result = worker.upload(store.url, config, register, file.name, file.getvalue(), visitor.who,
                                       progress=_progress_lines(lang))
                status.update(state="complete" if result.ok else "error")
            _remember("upload", file.name, register, result, file=file)
            st.rerun()  # the whole screen again, at the new data version
    _show_result(store, visitor, lang)


def _remember(kind: str, name: str, register: str, result: worker.WriteResult, **pending) -> None:
    st.session_state[RESULT_KEY] = (kind, name, register, result)
    st.session_state[PENDING_KEY] = {"kind": kind, "register": register, **pending}
    st.session_state.pop(FULL_LIST_KEY, None)
    st.session_state.pop(CONFIRM_KEY, None)


def _progress_lines(lang: str):
    def progress(step: str, rows: int) -> None:
        st.write(tn("ref.step", rows, step=step, rows=fmt_number(rows, 0, lang)))

    return progress


def _show_result(store: cache.Store, visitor: access.Visitor, lang: str) -> None:
    outcome = st.session_state.get(RESULT_KEY)
    if not outcome:
        return
    kind, file_name, register, result = outcome
    name = plain(file_name)
    if result.outcome == "loaded":
        rows = result.register_rows or 0
        st.success(tn("up.loaded", rows, file=name, rows=fmt_number(rows, 0, lang),
                      register=register_label(register, lang)), icon=":material/check_circle:")
    elif result.outcome == "unchanged":
        st.info(t("up.unchanged", file=name), icon=":material/info:")
    elif result.status == "rejected":
        st.error(tn("up.rejected", result.problem_count, file=name, count=_problem_count(result, lang)),
                 icon=":material/error:")
        _problem_lines(result, lang)
        if result.would_empty:
            _confirm_emptying(store, visitor, register, result.would_empty, lang)
        elif result.at_least or result.problem_count > len(result.problems):
            _full_problem_list(store, register, result, lang)
    else:
        st.error(t("up.failed", message=plain(result.message or result.status)), icon=":material/error:")


def _confirm_emptying(store: cache.Store, visitor: access.Visitor, register: str, rows: int, lang: str) -> None:
    """A file with no rows was refused because it would empty `register`: say how many rows disappear
    and write it again, with allow_empty, only when the box is ticked and the button pressed."""
    pending = st.session_state.get(PENDING_KEY) or {}
    if pending.get("register") != register:
        return
    with st.container(border=True):
        ticked = st.checkbox(tn("up.empty.confirm", rows, register=register_label(register, lang),
                               rows=fmt_number(rows, 0, lang)), key=CONFIRM_KEY)
        pressed = st.button(t("up.empty.button"), icon=":material/delete_sweep:", disabled=not ticked,
                            key="upload.empty.button")
    if not (pressed and ticked):
        return
    config = package_path(store)
    if config is None:
        return
    with st.status(t("ref.running"), expanded=False) as status:
        if pending["kind"] == "restore":
            result = worker.restore(store.url, config, pending["version"], visitor.who,
                                    progress=_progress_lines(lang), allow_empty=True)
            name = st.session_state[RESULT_KEY][1]
        else:
            file = pending["file"]
            name = file.name
            result = worker.upload(store.url, config, register, file.name, file.getvalue(), visitor.who,
                                   progress=_progress_lines(lang), allow_empty=True)
        status.update(state="complete" if result.ok else "error")
    _remember(pending["kind"], name, register, result, **{k: v for k, v in pending.items()
                                                          if k not in ("kind", "register")})
    st.rerun()


def _full_problem_list(store: cache.Store, register: str, result: worker.WriteResult, lang: str) -> None:
    """The listing is capped: the full list is written by a process of its own (`hyte check
    --all-problems`), so the app holds only the finished file (zipped when long), then offered. An upload's
    file is checked again; a restore's version is read back from the store."""
    pending = st.session_state.get(PENDING_KEY) or {}
    if pending.get("register") != register or pending.get("kind") not in ("upload", "restore"):
        return
    made = st.session_state.get(FULL_LIST_KEY)
    if made is None:
        if not st.button(t("up.all.button"), icon=":material/list:", key="upload.all.button"):
            return
        config = package_path(store)
        if config is None:
            return
        if pending["kind"] == "upload":
            name, content = pending["file"].name, pending["file"].getvalue()
        else:
            saved = status_cache.version_file(store, pending["version"])
            if saved is None or saved[0] != register:
                st.error(t("up.all.failed"), icon=":material/error:")
                return
            name, content = saved[1], saved[2]
        made = _problem_file(t("up.all.file", register=register), result,
                             lambda out: worker.all_problems(config, register, name, content, out))
        if made is None:
            return
        st.session_state[FULL_LIST_KEY] = made
    _offer_problem_file(made, lang, key="upload.all.download")


def _problem_file(stem: str, result: worker.WriteResult, write) -> tuple[str, bytes, int] | None:
    """`write(out)` run in a temporary folder (it returns how many lines, None if it failed): the file's
    name (`stem` in the visitor's language, e.g. "fel-events"; a zip holds `stem`.txt), bytes and lines, or
    None after saying that it failed."""
    zipped = result.at_least or result.problem_count > TEXT_LINES
    folder = Path(tempfile.mkdtemp(prefix="hyte-problems-"))
    try:
        out = folder / f"{stem}.{'zip' if zipped else 'txt'}"
        with st.spinner(t("up.all.making")):
            lines = write(out)
        if lines is None:
            st.error(t("up.all.failed"), icon=":material/error:")
            return None
        return out.name, out.read_bytes(), lines
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _offer_problem_file(made: tuple[str, bytes, int], lang: str, key: str) -> None:
    name, data, lines = made
    st.download_button(t("up.all.download", count=fmt_number(lines, 0, lang)), data, file_name=name,
                       mime="application/zip" if name.endswith(".zip") else "text/plain",
                       icon=":material/download:", key=key, on_click="ignore")


def _problem_lines(result: worker.WriteResult, lang: str) -> None:
    # As `hyte refresh` prints them, in a code block: shown as text, never as Markdown or HTML.
    st.code("\n".join(result.problems), language=None, wrap_lines=True)


@_speaking
def restore_form(store: cache.Store, visitor: access.Visitor, lang: str) -> None:
    st.subheader(t("up.restore.title"), anchor=False)
    register = st.selectbox(t("up.register"), R.REGISTER_ORDER, key="restore.register",
                            format_func=lambda name: register_label(name, lang))
    labels = status_tables.version_labels(status_cache.register_versions(store, register), lang)
    if not labels:
        st.info(t("up.restore.none"))
        return
    ids = list(labels)
    # The previous version is the usual wish: preselected when there is one.
    chosen = st.selectbox(t("up.restore.choose"), ids, index=1 if len(ids) > 1 else 0,
                          format_func=labels.get, key=f"restore.version.{register}")
    if st.button(t("up.restore.button"), icon=":material/history:", key="restore.button"):
        config = package_path(store)
        if config is not None:
            with st.status(t("ref.running"), expanded=False) as status:
                result = worker.restore(store.url, config, chosen, visitor.who, progress=_progress_lines(lang))
                status.update(state="complete" if result.ok else "error")
            _remember("restore", labels[chosen], register, result, version=chosen)
            st.rerun()


@_speaking
def refresh_panel(store: cache.Store, visitor: access.Visitor, lang: str) -> None:
    """Refresh from Sotkanet with the pipeline's progress shown as it goes."""
    st.subheader(t("ref.title"), anchor=False)
    st.caption(t("ref.lead"))
    if not st.button(t("ref.button"), icon=":material/sync:", key="refresh.button"):
        return
    config = package_path(store)
    if config is None:
        return
    with st.status(t("ref.running"), expanded=True) as status:
        result = worker.refresh(store.url, config, visitor.who, progress=_progress_lines(lang))
        status.update(state="complete" if result.ok else "error")
    if result.outcome == "success":
        rows = sum(result.rows.values())
        st.success(tn("ref.done", rows, rows=fmt_number(rows, 0, lang)), icon=":material/check_circle:")
        if result.message:
            st.warning(t("ref.stale", message=plain(result.message)))
    elif result.outcome == "unchanged":
        st.info(t("ref.unchanged"))
    elif result.status == "rejected":
        st.error(tn("up.rejected", result.problem_count, file=plain(config.name), count=_problem_count(result, lang)),
                 icon=":material/error:")
        _problem_lines(result, lang)
        if result.at_least or result.problem_count > len(result.problems):
            # Made at once: the refresh's result is shown for this run only (the button would end it).
            made = _problem_file(t("up.all.file.package"), result, lambda out: worker.package_problems(config, out))
            if made is not None:
                _offer_problem_file(made, lang, key="refresh.all.download")
    else:
        st.error(t("up.failed", message=plain(result.message or result.status)), icon=":material/error:")


def public_link_panel(lang: str) -> None:
    """Administrators: a signed link to the aggregate screens for a public meeting."""
    st.subheader(t("pub.title"), anchor=False)
    st.caption(t("pub.lead"))
    secret = access.settings().publish_secret
    if not secret:
        st.info(t("pub.disabled"))
        return
    today = dt.date.today()
    until = st.date_input(t("pub.until"), value=today + dt.timedelta(days=1), min_value=today,
                          max_value=today + dt.timedelta(days=access_rules.MAX_PUBLIC_DAYS),
                          format="DD.MM.YYYY", key="public.until")
    if st.button(t("pub.button"), icon=":material/link:", key="public.button"):
        token = access_rules.sign_public_link(secret, until)
        base = (st.context.url or "").split("?")[0].rsplit("/", 1)[0]
        st.code(f"{base}/overview?{access.PUBLIC_PARAM}={token}", language=None)


def source(shown: Source) -> None:
    """A source's name and freshness badge on one line, its notes beneath."""
    with st.container(border=True, gap="small"):
        with st.container(horizontal=True, vertical_alignment="center"):
            st.markdown(f"**{shown.name}**", width="content")
            st.badge(shown.status, color=theme.BADGE_GOOD if shown.fresh else theme.BADGE_BAD,
                     icon=":material/check_circle:" if shown.fresh else ":material/warning:")
        st.caption(shown.notes)
