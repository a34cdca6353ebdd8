"""The setup screen: `hyte init` in the app, against loopback stand-ins for Sotkanet and Paavo (Kangasala, 211)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.kangasala_stand_in import AREAS, PEERS_EXPECTED, TOWNS, fake_paavo, fake_sotkanet
from support.screen_helpers import APP, screen_text
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from dashboard.access import rules
from dashboard.core.i18n import translate
from data_pipeline.load.check import check_package

HYTE = [sys.executable, "-m", "data_pipeline.cli"]
AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
        "client_id": "hyte", "client_secret": "s",
        "server_metadata_url": "https://login.microsoftonline.com/tenant/v2.0/.well-known/openid-configuration"}
ACCESS = {"viewers": ["@kunta.fi"], "coordinators": ["maija@kunta.fi"], "admins": ["it@kunta.fi"]}


def fi(key: str, **fmt) -> str:
    return translate(key, "fi", **fmt)


@pytest.fixture(scope="module")
def servers():
    from support.sotkanet_server import serve

    s_url, s_stop = serve(fake_sotkanet())
    p_url, p_stop = serve(fake_paavo())
    yield {"HYTE_SOTKANET_URL": s_url, "HYTE_PAAVO_URL": p_url.removesuffix("/rest/1.1") + "/wfs"}
    s_stop()
    p_stop()


@pytest.fixture
def env(servers, tmp_path, monkeypatch):
    """The stand-ins' addresses, no store yet (a new municipality), packages written under tmp_path."""
    values = {**servers, "HYTE_SETUP_DIR": str(tmp_path / "packages"),
              "HYTE_DATABASE_URL": f"sqlite:///{tmp_path / 'none' / 'hyte.db'}"}
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    return values


def setup_page(user: dict | None = None) -> AppTest:
    """/setup as a typed address opens it (open mode unless `user` signs in)."""
    at = AppTest.from_file(APP, default_timeout=60)
    if user is not None:
        at.secrets["auth"] = AUTH
        at.secrets["access"] = ACCESS
        at.user = user
    at.run()
    at._page_hash = calc_hash("setup")
    return at.run()


def search(at: AppTest, query: str) -> AppTest:
    return at.text_input(key="setup.query").input(query).run()


def deck_features(at: AppTest) -> list[dict]:
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    return [f for layer in deck["layers"] for f in layer["data"]]


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def test_kangasala_proposal_county_peers_and_sixteen_districts(env):
    at = search(setup_page(), "Kangasala")
    no_exception(at)
    text = screen_text(at)
    assert at.title[0].value == fi("page.setup")
    assert "Pirkanmaan hyvinvointialue" in text and "Koko maa" in text
    names = {code: name for _, code, name, _, _ in TOWNS}
    for code in PEERS_EXPECTED:
        assert f"{names[code]} ({code})" in text
    # The reason: size and age structure, the own figures and each peer's beside them.
    assert fi("setup.town.peers_why_age", name="Kangasala", population="33\u00a0000", young="17,5", old="20,0") in text
    assert fi("setup.town.peer_row_age", name="Kirkkonummi", code="257", population="41\u00a0000", young="20,0",
              old="16,0") in text
    assert fi("setup.districts", count=16, year=2024) in text
    features = deck_features(at)
    assert sorted(f["properties"]["code"] for f in features) == sorted(code for code, _ in AREAS)
    first = next(f for f in features if f["properties"]["code"] == AREAS[0][0])
    # Population by age group in the tooltip (the stand-in's first area: 50 / 100 / 50).
    assert first["properties"]["tip_body"].split("\n") == ["Lapset ja nuoret: 50", "Työikäiset: 100",
                                                           "Ikääntyneet: 50", "yhteensä: 200"]
    # A number finds it too.
    assert "Pirkanmaan hyvinvointialue" in screen_text(search(at, "211"))


def test_an_ambiguous_or_unknown_name_is_a_choice_or_a_hint(env):
    at = search(setup_page(), "Kangas")  # Kangasala and Kangasniemi
    no_exception(at)
    assert [o for o in at.selectbox(key="setup.pick.kangas").options] == ["Kangasala (211)", "Kangasniemi (213)"]
    at = search(at, "Atlantis")
    assert fi("setup.town.not_found", query="Atlantis") in [w.value for w in at.warning]


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _xlsx_cells(data: bytes) -> list:
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    return [[[c.value for c in row] for row in sheet.iter_rows()] for sheet in book.worksheets]


def test_written_package_passes_check_and_equals_hyte_init(env, tmp_path):
    at = search(setup_page(), "Kangasala")
    at = at.button(key="setup.preset.minimal").click().run()
    no_exception(at)
    assert at.multiselect(key="setup.ids").value == [288, 3219, 181, 4285, 1570, 4286, 3076, 243]
    folder = Path(env["HYTE_SETUP_DIR"]) / "kangasala"
    assert at.text_input(key="setup.folder.211").value == str(folder)
    at = at.button(key="setup.write").click().run()
    no_exception(at)
    config = folder / "hyte.toml"
    assert [s.value for s in at.success] == [fi("setup.written", config=str(config))]
    assert f"hyte check --config {config}" in screen_text(at) and f"hyte refresh --config {config}" in screen_text(at)
    result = check_package(config)
    assert result.ok, [str(p) for p in result.problems]
    assert result.districts == 16

    cli = tmp_path / "cli"
    done = subprocess.run([*HYTE, "init", "--municipality", "211", "--out", str(cli), "--indicators", "minimal",
                           "--areas", "pori"], env={**os.environ, **env}, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    ours, theirs = _files(folder), _files(cli)
    assert sorted(ours) == sorted(theirs)
    for name in ours:
        if name.endswith(".xlsx"):  # a workbook carries its creation time: compare the cells
            assert _xlsx_cells(ours[name]) == _xlsx_cells(theirs[name]), name
        else:
            assert ours[name] == theirs[name], name


def test_an_indicator_from_the_catalogue_with_its_description_and_direction(env):
    at = search(setup_page(), "Kangasala")
    at = at.button(key="setup.preset.minimal").click().run()
    at = at.selectbox(key="setup.describe").select(4292).run()
    no_exception(at)
    text = screen_text(at)
    assert "Aktiivisesti järjestötoimintaan tms. osallistuvien osuus (%), 20 - 64-vuotiaat" in text
    assert "Kuvaus." in text  # the indicator's own description from /indicators/4292
    at = at.multiselect(key="setup.ids").select(4292).run()
    at = at.button(key="setup.write").click().run()
    no_exception(at)
    config = Path(env["HYTE_SETUP_DIR"]) / "kangasala" / "hyte.toml"
    written = config.read_text(encoding="utf-8")
    assert "valittu sovelluksen käyttöönottosivulla" in written
    assert written.count("[[indicators]]") == 9
    assert "id = 4292\npriority_area = \"participation\"\nage_group = \"working_age\"\ndirection = \"higher_better\"" \
        in written
    assert check_package(config).ok


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_catalogue_titles_follow_the_language(env, lang):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at._page_hash = calc_hash("setup")
    at = search(at.run(), "Kangasala")
    no_exception(at)
    assert at.title[0].value == translate("page.setup", lang)
    assert translate("setup.town.county", lang) in screen_text(at)
    options = at.multiselect(key="setup.ids").options
    assert any(o.startswith("288 · ") and o.endswith(f"({lang})") for o in options)


def test_an_existing_folder_is_not_written_over_unless_confirmed(env):
    folder = Path(env["HYTE_SETUP_DIR"]) / "kangasala"
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("keep", encoding="utf-8")
    at = search(setup_page(), "Kangasala")
    assert fi("setup.folder.not_empty", folder=str(folder)) in [w.value.replace("\\", "") for w in at.warning]
    assert at.button(key="setup.write").disabled
    at = at.checkbox(key="setup.overwrite").check().run()
    at = at.button(key="setup.write").click().run()
    no_exception(at)
    assert (folder / "hyte.toml").is_file() and (folder / "notes.txt").read_text(encoding="utf-8") == "keep"


def test_network_down_is_a_friendly_error(env, monkeypatch):
    from support.served_app import free_port

    dead = f"http://127.0.0.1:{free_port()}/rest/1.1"
    monkeypatch.setenv("HYTE_SOTKANET_URL", dead)
    at = setup_page()
    no_exception(at)
    # As the screen shows it: without the escapes and the invisible word joiners plain() puts in a URL.
    [error] = [e.value.replace("\\", "").replace("\u2060", "") for e in at.error]
    assert error.startswith("Sotkanetiin ei saada yhteyttä (") and f"nyt {dead})" in error
    assert "HYTE_SOTKANET_URL" in error
    assert at.button(key="setup.retry").label == fi("setup.retry")


def test_paavo_down_still_writes_a_package_the_refresh_completes(env, monkeypatch):
    from support.served_app import free_port

    monkeypatch.setenv("HYTE_PAAVO_URL", f"http://127.0.0.1:{free_port()}/wfs")
    at = search(setup_page(), "Kangasala")
    no_exception(at)
    assert any(w.value.startswith("Paavo ei antanut postinumeroalueita nyt") for w in at.warning)
    at = at.button(key="setup.write").click().run()
    no_exception(at)
    assert "haku epäonnistui nyt" in (Path(env["HYTE_SETUP_DIR"]) / "kangasala" / "hyte.toml").read_text("utf-8")


# --- who may open it ---------------------------------------------------------------------------------

def test_only_admins_may_open_setup():
    assert rules.may_open("admin", "setup")
    assert not rules.may_open("coordinator", "setup") and not rules.may_open("viewer", "setup")
    assert not rules.may_open("admin", "setup", public=True)


@pytest.mark.parametrize("email", ["someone@kunta.fi", "maija@kunta.fi"])
def test_viewer_and_coordinator_get_no_setup_even_by_url(env, email):
    at = setup_page({"is_logged_in": True, "email": email})
    no_exception(at)
    assert at.title[0].value == fi("access.denied.title")
    assert not at.text_input and fi("setup.lead") not in screen_text(at)


def test_admin_gets_setup(env):
    at = search(setup_page({"is_logged_in": True, "email": "it@kunta.fi"}), "Kangasala")
    no_exception(at)
    assert at.title[0].value == fi("page.setup") and "Pirkanmaan hyvinvointialue" in screen_text(at)


# --- the chosen indicators as the package writes them (the editor's rows, without a browser) -----------

def test_a_changed_direction_or_area_is_written_and_a_preset_unchanged_is_named():
    import datetime as dt

    from dashboard.setup import view
    from data_pipeline.init.command import paavo_districts
    from data_pipeline.init.package import render_config
    from data_pipeline.init.presets import INDICATOR_PRESETS
    from data_pipeline.init.regions import Proposal, Region

    minimal = [i.id for i in INDICATOR_PRESETS["minimal"]]
    settings = view.preset_settings("minimal")
    assert view.preset_or_chosen(view.chosen_indicators(minimal, settings, {}, "pori"), "pori") == "minimal"
    # With one area to rename every indicator goes to it, as `hyte init --areas empty` writes them.
    assert view.preset_or_chosen(view.chosen_indicators(minimal, settings, {}, "empty"), "empty") == "minimal"
    settings[181] = {**settings[181], "direction": "higher_better", "priority_area": "environment"}
    titles = {9999: {"fi": "Oma indikaattori", "sv": "Egen", "en": "Own"}}
    chosen = view.chosen_indicators([*minimal, 9999], settings, titles, "pori")
    assert view.preset_or_chosen(chosen, "pori") == chosen
    town = Region(97, "KUNTA", "211", {"fi": "Kangasala", "sv": "Kangasala", "en": "Kangasala"})
    text = render_config(Proposal(town, None, None), "pori", chosen, paavo_districts(2024, None), dt.date(2026, 12, 1))
    assert 'id = 181\npriority_area = "environment"\nage_group = "working_age"\ndirection = "higher_better"' in text
    assert '[[indicators]]  # Oma indikaattori\nid = 9999\npriority_area = "environment"\ndirection = "lower_better"' \
        in text  # a catalogue indicator: the first area, every age group, a direction to check


def test_the_default_folder_follows_hyte_setup_dir_and_a_file_is_no_folder(tmp_path):
    from dashboard.setup import view
    from data_pipeline.init.regions import Region

    town = Region(1, "KUNTA", "020", {"fi": "Akaa", "sv": "Akaa", "en": "Akaa"})
    assert view.default_folder(town, {"HYTE_SETUP_DIR": str(tmp_path)}) == tmp_path / "akaa"
    assert view.default_folder(town, {}) == view.DATA_DIR / "akaa"
    assert view.folder_state(tmp_path / "new") == "new" and view.folder_state(tmp_path) == "empty"
    (tmp_path / "f").write_text("x")
    assert view.folder_state(tmp_path / "f") == "file" and view.folder_state(tmp_path) == "not_empty"


def test_own_priority_areas_named_on_the_page_are_written_as_hyte_init_writes_them(env, tmp_path):
    # Issue 23 (Kuusamo): /setup offered no field to name the plan's own areas.
    at = search(setup_page(), "Kangasala")
    at = at.button(key="setup.preset.minimal").click().run()
    at.radio(key="setup.areas").set_value("own").run()
    at = at.text_area(key="setup.areas.own_names").input(
        "Osallisuus ja yhteisöllisyys | Delaktighet och gemenskap\nLiikkuminen ja luonto\nTurvallinen arki\n").run()
    no_exception(at)
    at = at.button(key="setup.write").click().run()
    no_exception(at)
    config = Path(env["HYTE_SETUP_DIR"]) / "kangasala" / "hyte.toml"
    result = check_package(config)
    assert result.ok, [str(p) for p in result.problems]
    cli = tmp_path / "cli"
    done = subprocess.run([*HYTE, "init", "--municipality", "211", "--out", str(cli), "--indicators", "minimal",
                           "--area", "Osallisuus ja yhteisöllisyys|Delaktighet och gemenskap",
                           "--area", "Liikkuminen ja luonto", "--area", "Turvallinen arki"],
                          env={**os.environ, **env}, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    written = config.read_text(encoding="utf-8")
    assert written == (cli / "hyte.toml").read_text(encoding="utf-8")
    assert 'code = "liikkuminen_ja_luonto"\nname_fi = "Liikkuminen ja luonto"\n' in written


def test_what_a_new_user_stumbled_on_in_the_kuusamo_trial(env):
    """The Kuusamo trial (issue 23), at 1280×720 in Finnish: a typo's list of municipalities said "Choose an
    option" (Streamlit's English), the indicator catalogue "Choose options"; the package just written was
    then warned about as a folder already in use; the load's progress box still said "updating…" after it
    had finished; and the screen's intro sent the person to terminal commands for what its own buttons do."""
    at = search(setup_page(), "Kangas")
    pick = at.selectbox(key="setup.pick.kangas")
    assert pick.proto.placeholder == fi("setup.town.choose.placeholder")
    assert "hyte" not in fi("setup.lead")
    at = search(at, "Kangasala")
    assert at.multiselect(key="setup.ids").proto.placeholder == fi("setup.catalogue.placeholder")
    at = at.button(key="setup.preset.minimal").click().run()
    at = at.button(key="setup.write").click().run()
    no_exception(at)
    folder = Path(env["HYTE_SETUP_DIR"]) / "kangasala"
    at = at.run()  # any later rerun (a click elsewhere) shows the folder as it now is
    warnings = [w.value.replace("\\", "") for w in at.warning]
    assert fi("setup.folder.not_empty", folder=str(folder)) not in warnings
    assert fi("setup.folder.written_here", folder=str(folder)) in [i.value.replace("\\", "") for i in at.info]
    at = at.button(key="setup.load").click().run(timeout=300)
    no_exception(at)
    assert fi("setup.loaded") in [s.value.replace("\\", "") for s in at.success]
    labels = [e.label for e in at.status]
    assert fi("run.success") in labels and fi("ref.running") not in labels, labels
