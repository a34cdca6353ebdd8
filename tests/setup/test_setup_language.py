"""/setup proposes the package's language as `hyte init` does: Närpes in Swedish, with the reason, the
folder named in Swedish, `language = "sv"` and `boundaries_year` written; another first language when chosen."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from support.narpes_stand_in import narpes_paavo, narpes_sotkanet
from support.screen_helpers import APP, screen_text
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from dashboard.core.i18n import translate
from data_pipeline.load.check import check_package


@pytest.fixture
def env(tmp_path, monkeypatch):
    from support.sotkanet_server import serve

    s_url, s_stop = serve(narpes_sotkanet())
    p_url, p_stop = serve(narpes_paavo())
    values = {"HYTE_SOTKANET_URL": s_url, "HYTE_PAAVO_URL": p_url.removesuffix("/rest/1.1") + "/wfs",
              "HYTE_SETUP_DIR": str(tmp_path / "packages"),
              "HYTE_DATABASE_URL": f"sqlite:///{tmp_path / 'none' / 'hyte.db'}"}
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    yield values
    s_stop()
    p_stop()


def narpes_in_setup(lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at._page_hash = calc_hash("setup")
    at = at.run().text_input(key="setup.query").input("Närpes").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_narpes_is_proposed_in_swedish_with_the_reason(env):
    at = narpes_in_setup("sv")
    choice = at.selectbox(key="setup.language.545")
    assert choice.label == translate("setup.language", "sv") and choice.value == ("sv",)
    assert choice.options == ["svenska", "finska, svenska"]
    assert "Svenskspråkiga är 78,0 % av invånarna (7 410; Sotkanet 2343, 2024): majoriteten" in screen_text(at)
    assert at.text_input(key="setup.folder.545").value == str(Path(env["HYTE_SETUP_DIR"]) / "närpes")


def test_the_proposal_is_written_with_the_map_year_and_checks(env):
    # Written from a Finnish session: AppTest formats the areas' radio outside the session, in Finnish.
    at = narpes_in_setup("fi")
    assert at.selectbox(key="setup.language.545").value == ("sv",)
    folder = Path(env["HYTE_SETUP_DIR"]) / "närpes"
    at = at.button(key="setup.write").click().run()
    assert not at.exception, [e.value for e in at.exception]
    written = tomllib.loads((folder / "hyte.toml").read_text(encoding="utf-8"))
    assert written["language"] == "sv" and written["regions"]["boundaries_year"] == 2025
    assert check_package(folder / "hyte.toml").ok


def test_a_finnish_first_package_for_narpes_when_chosen(env):
    at = narpes_in_setup("fi")
    at = at.selectbox(key="setup.language.545").select(("fi", "sv")).run()
    folder = Path(env["HYTE_SETUP_DIR"]) / "närpiö"
    assert at.text_input(key="setup.folder.545").value == str(folder)
    at = at.button(key="setup.write").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert tomllib.loads((folder / "hyte.toml").read_text(encoding="utf-8"))["language"] == ["fi", "sv"]
