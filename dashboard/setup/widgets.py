"""The setup screen's steps: municipality and proposal, priority areas, indicators, writing the package.

Writes only files in a folder, with the same code as `hyte init`; loading them is `hyte refresh`'s job
(in its own process), so this screen never touches the store. What that code says (a source's outage,
the package's comments and INSTRUCTIONS.md) is in the person's language: the page speaks it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

from dashboard.access import session as access
from dashboard.core.formatting import plain
from dashboard.core.i18n import speaking, t
from dashboard.setup import cache as setup_cache
from dashboard.setup import view
from data_pipeline.init import districts as setup_districts
from data_pipeline.init.command import DEFAULT_PAAVO_YEAR, paavo_districts
from data_pipeline.init.package import write_package
from data_pipeline.init.presets import AREA_PRESETS, INDICATOR_PRESETS, area_rows, own_areas
from data_pipeline.init.regions import PEERS_DEFAULT, PEERS_MAX, PEERS_MIN, InitError, Proposal, Region, \
    build_proposal, find_municipality, parse_regions
from data_pipeline.load import worker
from data_pipeline.sources.http import SourceError
from data_pipeline.store.engine import resolve_url

IDS = "setup.ids"            # the chosen indicator ids, in order (the multiselect's value)
SETTINGS = "setup.settings"  # id -> priority area, age group, direction
GENERATION = "setup.generation"  # bumped by a preset button: the editor starts over
WRITTEN = "setup.written"  # the hyte.toml written in this session, offered for loading
MAP_HEIGHT = 380


class Offline(Exception):
    """A public service did not answer: the page says what to check and stops."""


def offline(exc: Exception, url: str) -> None:
    st.error(t("setup.offline", problem=plain(str(exc)), url=plain(url)), icon=":material/cloud_off:")
    st.button(t("setup.retry"), icon=":material/refresh:", key="setup.retry")


def municipality(regions: list[Region]) -> Region | None:
    st.subheader(t("setup.step.town"), anchor=False)
    query = st.text_input(t("setup.town.search"), key="setup.query", placeholder=t("setup.town.placeholder"))
    if not query.strip():
        return None
    try:
        return find_municipality(regions, query)
    except InitError as exc:
        if exc.candidates:
            return st.selectbox(t("setup.town.choose"), exc.candidates, index=None, format_func=lambda r: r.label,
                                placeholder=t("setup.town.choose.placeholder"),
                                key=f"setup.pick.{query.strip().casefold()}")
        st.warning(t("setup.town.not_found", query=plain(query.strip())), icon=":material/search_off:")
        return None


def proposal_panel(regions: list[Region], town: Region, url: str, lang: str) -> Proposal:
    population, year = setup_cache.population(url)
    peers = st.slider(t("setup.town.peer_count"), PEERS_MIN, PEERS_MAX, PEERS_DEFAULT, key="setup.peers")
    proposal = build_proposal(regions, population, year, town, peers, setup_cache.ages(url, year),
                              setup_cache.languages(url, year))
    st.markdown(f"**{t('setup.town.proposal')}: {plain(view.region_name(town, lang))} ({town.code})**")
    facts, peer_column = st.columns(2, gap="large")
    with facts:
        if proposal.county:
            st.markdown(f"{t('setup.town.county')}: **{plain(view.region_name(proposal.county, lang))}**")
        else:
            st.warning(t("setup.town.no_county"))
        st.markdown(f"{t('setup.town.country')}: {plain(view.region_name(proposal.country, lang))}")
        if proposal.population is not None:
            st.markdown(f"{t('setup.town.population', year=proposal.population_year)}: "
                        f"{view.number(proposal.population)}")
        language_choice(proposal, lang)
    with peer_column:
        st.markdown(f"**{t('setup.town.peers')}**")
        if proposal.peers:
            st.caption(view.peers_why(proposal, lang))
            st.markdown("\n".join(f"- {line}" for line in view.peer_lines(proposal, lang)))
        else:
            st.info(t("setup.town.no_peers"))
    return proposal


def language_choice(proposal: Proposal, lang: str) -> tuple[str, ...]:
    """The package's languages: proposed from the Swedish speakers' share (the reason beside it), the
    person may put another first, as `hyte init --lang` does."""
    options = view.language_options(proposal.language.languages)
    code = proposal.municipality.code
    # Another first language names the folder anew (Närpes / Närpiö), unless the person typed one.
    chosen = st.selectbox(t("setup.language"), options, format_func=lambda codes: view.language_label(codes, lang),
                          key=f"setup.language.{code}", on_change=_rename_folder, args=(proposal.municipality,))
    st.caption(proposal.language.why().text(lang))
    return chosen


def _rename_folder(town: Region) -> None:
    key = f"setup.folder.{town.code}"
    if key in st.session_state and Path(st.session_state[key]) in {view.default_folder(town, lang=code)
                                                                   for code in ("fi", "sv", "en")}:
        del st.session_state[key]


def districts_panel(town: Region, lang: str) -> dict | None:
    """Paavo's postal areas on a map; None (with a warning) when Paavo did not answer."""
    url = setup_cache.paavo_url()
    try:
        collection = setup_cache.postal_areas(url, DEFAULT_PAAVO_YEAR, town.code)
        shapes = setup_cache.postal_shapes(url, DEFAULT_PAAVO_YEAR, town.code)
    except SourceError as exc:
        st.warning(t("setup.districts.none", problem=plain(str(exc))), icon=":material/cloud_off:")
        return None
    if not isinstance(collection, dict) or not collection.get("features") or shapes is None:
        st.warning(t("setup.districts.none", problem=f"Paavo {DEFAULT_PAAVO_YEAR}: 0"), icon=":material/map:")
        return None
    st.markdown(f"**{t('setup.districts', count=shapes.height, year=DEFAULT_PAAVO_YEAR)}**")
    population = setup_districts.paavo_population(collection, DEFAULT_PAAVO_YEAR)
    description = t("setup.districts.map", count=shapes.height, town=view.region_name(town, lang))
    st.pydeck_chart(view.district_deck(shapes, population, lang, description), height=MAP_HEIGHT)
    st.caption(t("setup.districts.caption"))
    return collection


def areas_step():
    """A preset's name, or the municipality's own areas (one a line: Finnish | Swedish | English)."""
    st.subheader(t("setup.step.areas"), anchor=False)
    choice = st.radio(t("setup.areas.label"), [*AREA_PRESETS, "own"], format_func=lambda a: t(f"setup.areas.{a}"),
                      key="setup.areas", horizontal=True)
    if choice != "own":
        return choice
    lines = st.text_area(t("setup.areas.own_names"), key="setup.areas.own_names", height=110)
    own = own_areas(lines.splitlines())
    if not own:
        st.info(t("setup.areas.own_none"))
        return "pori"
    return own


def _apply_preset(name: str) -> None:
    st.session_state[IDS] = [ind.id for ind in INDICATOR_PRESETS[name]]
    st.session_state[SETTINGS] = {**st.session_state.get(SETTINGS, {}), **view.preset_settings(name)}
    # A new editor: edits made in the old one must not be laid over the preset just chosen.
    st.session_state[GENERATION] = st.session_state.get(GENERATION, 0) + 1


def indicators_step(url: str, areas: str, lang: str):
    st.subheader(t("setup.step.indicators"), anchor=False)
    if IDS not in st.session_state:
        _apply_preset("pori")  # as `hyte init` without --indicators
    try:
        payload = setup_cache.catalogue(url)
    except SourceError as exc:
        st.warning(t("setup.catalogue.unavailable", problem=plain(str(exc))), icon=":material/cloud_off:")
        payload = []
    titles = view.catalogue_titles(payload)
    with st.container(horizontal=True, vertical_alignment="center"):
        for name in INDICATOR_PRESETS:
            st.button(t(f"setup.preset.{name}", count=len(INDICATOR_PRESETS[name])), on_click=_apply_preset,
                      args=(name,), key=f"setup.preset.{name}", icon=":material/playlist_add_check:")
    st.caption(t("setup.preset.help"))
    options = sorted(set(titles) | set(st.session_state[IDS]))
    ids = st.multiselect(t("setup.catalogue"), options, key=IDS, placeholder=t("setup.catalogue.placeholder"),
                         format_func=lambda i: view.option_label(i, titles, lang))
    st.caption(t("setup.catalogue.count", chosen=len(ids), total=len(titles)))
    describe(url, options, titles, lang)
    if not ids:
        st.info(t("setup.none_chosen"))
        return ()
    return editor(ids, titles, areas, lang)


def describe(url: str, options: list[int], titles: dict, lang: str) -> None:
    shown = st.selectbox(t("setup.describe"), options, index=None, key="setup.describe",
                         placeholder=t("setup.describe.placeholder"),
                         format_func=lambda i: view.option_label(i, titles, lang))
    if shown is None:
        return
    try:
        metadata = setup_cache.indicator_metadata(url, shown)
    except SourceError as exc:
        st.warning(t("setup.describe.failed", id=shown, problem=plain(str(exc))))
        return
    title, text, source = view.description(metadata, lang)
    with st.container(border=True):
        st.markdown(f"**{plain(title or view.option_label(shown, titles, lang))}**")
        st.markdown(plain(text) if text else t("setup.describe.none"))
        st.caption(source)


def editor(ids: list[int], titles: dict, areas: str, lang: str):
    """Each chosen indicator's priority area, age group and direction (the preset's where it has one)."""
    rows = area_rows(areas)
    area_label = {code: (fi, sv, en)[view.LANG_INDEX[lang]] or fi for code, fi, sv, en in rows}
    age_label = {None: t("setup.age.all"), **{code: view.age_group_name(code, lang)
                                              for code, *_ in view.AGE_GROUPS}}
    direction_label = {d: t(f"setup.direction.{d}") for d in view.DIRECTIONS}
    chosen = view.chosen_indicators(ids, st.session_state.get(SETTINGS, {}), titles, areas)
    frame = [{"id": ind.id, "title": (titles.get(ind.id) or {}).get(lang) or ind.title_fi,
              "area": area_label[ind.priority_area], "age": age_label[ind.age_group],
              "direction": direction_label[ind.direction]} for ind in chosen]
    st.markdown(f"**{t('setup.table')}**")
    key = f"setup.editor.{st.session_state.get(GENERATION, 0)}.{hash((areas, tuple(ids)))}"
    edited = st.data_editor(
        frame, key=key, hide_index=True, width="stretch", disabled=["id", "title"], num_rows="fixed",
        column_config={
            "id": st.column_config.NumberColumn(t("setup.col.id"), format="%d", width="small"),
            "title": st.column_config.TextColumn(t("setup.col.title"), width="medium"),
            "area": st.column_config.SelectboxColumn(t("setup.col.area"), options=list(area_label.values()),
                                                     required=True),
            "age": st.column_config.SelectboxColumn(t("setup.col.age"), options=list(age_label.values()),
                                                    required=True),
            "direction": st.column_config.SelectboxColumn(t("setup.col.direction"),
                                                          options=list(direction_label.values()), required=True),
        })
    if hasattr(edited, "to_dicts"):  # the editor hands back the type it was given, or a frame
        edited = edited.to_dicts()
    elif hasattr(edited, "to_dict"):
        edited = edited.to_dict("records")
    back = ({v: k for k, v in area_label.items()}, {v: k for k, v in age_label.items()},
            {v: k for k, v in direction_label.items()})
    settings = st.session_state.setdefault(SETTINGS, {})
    for row in edited:
        settings[int(row["id"])] = {"priority_area": back[0].get(row["area"], rows[0][0]),
                                    "age_group": back[1].get(row["age"]),
                                    "direction": back[2].get(row["direction"], view.DIRECTIONS[0])}
    return view.chosen_indicators(ids, settings, titles, areas)


def write_step(proposal: Proposal, areas: str, chosen, collection: dict | None, regions_payload: list,
               lang: str) -> None:
    languages = st.session_state.get(f"setup.language.{proposal.municipality.code}") or proposal.language.languages
    st.subheader(t("setup.step.write"), anchor=False)
    town = proposal.municipality
    folder = Path(st.text_input(t("setup.folder"), str(view.default_folder(town, lang=languages[0])),
                                key=f"setup.folder.{town.code}",
                                help=t("setup.folder.help")).strip()).expanduser()
    state = view.folder_state(folder)
    confirmed = True
    if state == "file":
        st.error(t("setup.folder.is_file", folder=str(folder).replace("`", "")))
        return
    written = st.session_state.get(WRITTEN)
    if state == "not_empty" and written and Path(written).resolve() == (folder / "hyte.toml").resolve():
        # The package this person just wrote here: no warning about a folder they did not know was in use.
        st.info(t("setup.folder.written_here", folder=str(folder).replace("`", "")), icon=":material/folder_open:")
        confirmed = st.checkbox(t("setup.folder.overwrite"), key="setup.overwrite")
    elif state == "not_empty":
        st.warning(t("setup.folder.not_empty", folder=str(folder).replace("`", "")), icon=":material/folder_open:")
        confirmed = st.checkbox(t("setup.folder.overwrite"), key="setup.overwrite")
    if st.button(t("setup.write"), type="primary", icon=":material/save:", key="setup.write",
                 disabled=not chosen or not confirmed):
        _write(folder, proposal, areas, chosen, collection, regions_payload, lang, languages)
    load_step(lang)


def _write(folder: Path, proposal: Proposal, areas, chosen, collection: dict | None, regions_payload: list,
           lang: str, languages: tuple[str, ...]) -> None:
    districts = paavo_districts(DEFAULT_PAAVO_YEAR, collection)
    try:
        config = write_package(folder, proposal, areas, view.preset_or_chosen(chosen, areas), districts,
                               regions_payload, dt.date.today(), languages)
    except OSError as exc:
        st.error(t("setup.write.failed", folder=str(folder).replace("`", ""), problem=plain(str(exc))))
        return
    with st.spinner(t("setup.fetching", count=len(chosen))):
        report = setup_cache.fetch_package_indicators(config)
    if report is not None and report.failed:
        st.warning(t("setup.fetch_failed", count=len(report.failed)), icon=":material/cloud_off:")
    st.success(t("setup.written", config=str(config).replace("`", "")), icon=":material/check_circle:")
    st.markdown(f"**{t('setup.next')}**")
    st.markdown(view.next_steps(config, lang))
    st.session_state[WRITTEN] = str(config)


def load_step(lang: str) -> None:
    """The package just written, loaded into the app's store by the same write process as a refresh on the
    data-status screen: the municipality is then on every screen and its plan on /plan, with no terminal."""
    written = st.session_state.get(WRITTEN)
    if not written:
        return
    st.caption(t("setup.load.lead"))
    if not st.button(t("setup.load"), icon=":material/upload:", key="setup.load"):
        return
    with st.status(t("ref.running"), expanded=False) as status:
        result = worker.refresh(resolve_url(), Path(written), access.current_visitor().who, lang=lang)
        # Its label said "updating…" after it had finished (Kuusamo trial): the outcome in its place.
        status.update(label=t("run.success" if result.ok else "run.failed"), state="complete" if result.ok else "error")
    if result.ok:
        st.success(t("setup.loaded"), icon=":material/check_circle:")
        st.page_link("../pages/plan.py", label=t("page.plan"), icon=":material/flag:")
    else:
        st.error(t("up.failed", message=plain(result.message or "; ".join(result.problems[:5]) or result.status)),
                 icon=":material/error:")


def setup_page(lang: str) -> None:
    with speaking(lang):
        _setup_page(lang)


def _setup_page(lang: str) -> None:
    st.title(t("page.setup"), anchor=False)
    st.markdown(t("setup.lead"))
    url = setup_cache.sotkanet_url()
    try:
        payload = setup_cache.region_list(url)
        regions = parse_regions(payload)
    except (SourceError, InitError) as exc:
        offline(exc, url)
        return
    town = municipality(regions)
    if town is None:
        return
    try:
        proposal = proposal_panel(regions, town, url, lang)
    except SourceError as exc:
        offline(exc, url)
        return
    collection = districts_panel(town, lang)
    areas = areas_step()
    chosen = indicators_step(url, areas, lang)
    write_step(proposal, areas, chosen, collection, payload, lang)
