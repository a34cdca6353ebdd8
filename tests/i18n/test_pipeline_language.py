"""The language `hyte` speaks: `--lang`, else the package's `language`, else the environment (HYTE_LANG, then
the POSIX locale), else Finnish; and the app's write processes speak the language of the person's session."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from data_pipeline import i18n
from data_pipeline.cli import main as hyte
from data_pipeline.inputs.config import load_config
from data_pipeline.load import worker
from data_pipeline.store.engine import make_engine
from dashboard.data_status import queries as status_queries
from dashboard.data_status import view as status_view

BROKEN_EVENTS = ("id;title;date;district;lon;lat;department;event_type;level\n"
                 "e1;=X;31.02.2025;99;;;siv;party;action\n")
PROBLEMS = {
    "fi": ["events.csv:2: title: kaavat eivät ole sallittuja: '=X'",
           "events.csv:2: date: päivämäärää ei ole olemassa: '31.02.2025'",
           "events.csv:2: district: tuntematon alue '99'; käytössä: 01 Keskusta, 02 Saari",
           "events.csv:2: event_type: 'party' ei ole sallittu; käytä: resident_evening, popup, pay_what_you_want, "
           "survey, workshop, other"],
    "sv": ["events.csv:2: title: formler är inte tillåtna: '=X'",
           "events.csv:2: date: datumet finns inte: '31.02.2025'",
           "events.csv:2: district: okänt område '99'; giltiga: 01 Keskusta, 02 Saari",
           "events.csv:2: event_type: 'party' är inte tillåtet; använd: resident_evening, popup, pay_what_you_want, "
           "survey, workshop, other"],
    "en": ["events.csv:2: title: formulas are not allowed: '=X'",
           "events.csv:2: date: no such date: '31.02.2025'",
           "events.csv:2: district: unknown district '99'; valid: 01 Keskusta, 02 Saari",
           "events.csv:2: event_type: 'party' is not allowed; use: resident_evening, popup, pay_what_you_want, "
           "survey, workshop, other"],
}
SUMMARY = {"fi": "hyte.toml: 4 virhettä; korjaa ne ja aja hyte check uudelleen.",
           "sv": "hyte.toml: 4 fel; rätta dem och kör hyte check igen.",
           "en": "hyte.toml: 4 problems; fix them and run hyte check again."}


def _broken(config: Path, language: str | None = None) -> Path:
    (config.parent / "registers" / "events.csv").write_text(BROKEN_EVENTS, encoding="utf-8")
    return _with_language(config, language)


def _with_language(config: Path, language: str | None) -> Path:
    if language is not None:  # a key outside any table goes before the first one
        text = config.read_text(encoding="utf-8")
        if "sv" in language:  # a Swedish package names its age groups, areas and local indicators in Swedish
            text = re.sub(r'^(name|title)_fi = "([^"]*)"$', r'\g<0>\n\1_sv = "\2 (sv)"', text, flags=re.M)
            text = text.replace('name_sv = "Testby"\n', "")  # [municipality] has one already
        config.write_text(f"language = {language}\n" + text, encoding="utf-8")
    return config


def _check(capsys, *args: str) -> tuple[int, list[str], str]:
    code = hyte([*args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.strip()


def test_a_swedish_package_gets_its_problems_in_swedish(mini_package, capsys):
    config = _broken(mini_package, '"sv"')
    assert load_config(config).languages == ("sv",)
    assert _check(capsys, "check", "--config", str(config)) == (1, PROBLEMS["sv"], SUMMARY["sv"])


def test_lang_on_the_command_line_comes_first(mini_package, capsys):
    config = _broken(mini_package, '["sv", "fi"]')  # a bilingual municipality, Swedish first
    assert _check(capsys, "--lang", "en", "check", "--config", str(config)) == (1, PROBLEMS["en"], SUMMARY["en"])
    assert _check(capsys, "check", "--lang", "fi", "--config", str(config)) == (1, PROBLEMS["fi"], SUMMARY["fi"])


def test_without_a_package_language_the_environment_decides_then_finnish(mini_package, capsys, monkeypatch):
    config = _broken(mini_package)
    monkeypatch.delenv("HYTE_LANG")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "sv_FI.UTF-8")
    assert _check(capsys, "check", "--config", str(config)) == (1, PROBLEMS["sv"], SUMMARY["sv"])
    monkeypatch.setenv("HYTE_LANG", "en")
    assert _check(capsys, "check", "--config", str(config)) == (1, PROBLEMS["en"], SUMMARY["en"])
    monkeypatch.delenv("HYTE_LANG")
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert _check(capsys, "check", "--config", str(config)) == (1, PROBLEMS["fi"], SUMMARY["fi"])


def test_the_package_language_beats_the_environment(mini_package, capsys, monkeypatch):
    config = _broken(mini_package, '"sv"')
    monkeypatch.setenv("HYTE_LANG", "en")
    assert _check(capsys, "check", "--config", str(config))[1] == PROBLEMS["sv"]


@pytest.mark.parametrize(("env", "expected"), [
    ({"HYTE_LANG": "sv"}, "sv"),
    ({"HYTE_LANG": "de", "LANG": "en_GB.UTF-8"}, "en"),    # a language hyte does not speak is passed over
    ({"LANG": "sv_FI.UTF-8"}, "sv"),
    ({"LC_ALL": "C", "LANG": "sv_FI.UTF-8"}, None),      # POSIX: the first variable set decides
    ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "sv_FI"}, "en"),
    ({"LC_ALL": "fi_FI.UTF-8@euro"}, "fi"),
    ({}, None),
])
def test_the_environment_is_read_as_posix_reads_it(env, expected):
    assert i18n.language_from_env(env) == expected


def test_language_in_hyte_toml_is_checked_like_any_key(mini_package, capsys):
    config = mini_package
    config.write_text('language = ["sv", "de"]\n' + config.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = _check(capsys, "check", "--config", str(config))
    # The usable part of the list already decides the language of the report.
    assert (code, out) == (1, ["hyte.toml:1: language: måste vara något av dessa: 'fi', 'sv', 'en' (nu: \"de\")"])
    config.write_text(config.read_text(encoding="utf-8").replace('["sv", "de"]', '["fi", "fi"]'), encoding="utf-8")
    assert _check(capsys, "check", "--config", str(config))[1] == [
        "hyte.toml:1: language: sama kieli on listassa kahdesti (nyt: [\"fi\", \"fi\"])"]


def test_help_is_in_the_language_asked_for(capsys):
    with pytest.raises(SystemExit):
        hyte(["--lang", "sv", "check", "--help"])
    assert "paketets hyte.toml" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        hyte(["check", "--help"])
    assert "paketin hyte.toml" in capsys.readouterr().out


def test_an_upload_from_the_app_reports_in_the_persons_language_and_the_screen_in_each_visitors(
        mini_package, sqlite_url):
    assert worker.refresh(sqlite_url, mini_package, "nightly (test)").ok
    result = worker.upload(sqlite_url, mini_package, "events", "tapahtumat.csv", BROKEN_EVENTS.encode(), "sv@kommun.fi",
                           lang="sv")
    assert result.status == "rejected" and result.problems == PROBLEMS["sv"]
    assert result.message == "4 fel i indata, datalagret ändrades inte"
    # The run log keeps the problems in every language: each visitor of the data-status screen reads them in theirs.
    engine = make_engine(sqlite_url)
    rows = status_queries.rejected_inputs(engine, result.run_id)
    for lang in ("fi", "sv", "en"):
        first = status_view.rejected(rows, lang).to_dicts()[0]
        assert list(first.values())[-1] == PROBLEMS[lang][0].split(": ", 2)[2]
    runs = status_view.runs(status_queries.load_runs(engine), "en").to_dicts()
    assert "4 problems in the input, store unchanged" in json.dumps(runs)


def test_the_data_status_screens_write_processes_speak_the_visitors_language(fixture_store, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from dashboard.core.i18n import translate

    spoken = []

    def run(args, url, config, progress=None, lang=None):  # in place of the write process
        spoken.append(lang or i18n.spoken())
        return worker.WriteResult("rejected", "rejected", 7, problems=PROBLEMS["sv"][:1], problem_count=1)

    monkeypatch.setattr(worker, "run", run)
    (tmp_path / "hyte.toml").write_text("", encoding="utf-8")
    monkeypatch.setenv("HYTE_PACKAGE_CONFIG", str(tmp_path / "hyte.toml"))
    at = AppTest.from_file(str(Path(__file__).parents[2] / "dashboard" / "app.py"), default_timeout=30)
    at.query_params["lang"] = "sv"
    at.run()
    at.switch_page("../pages/data_status.py").run()
    at.selectbox(key="upload.register").set_value("events")
    at.file_uploader[0].set_value(("fel.csv", BROKEN_EVENTS.encode(), "text/csv"))
    next(b for b in at.button if b.label == translate("up.button", "sv")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert spoken == ["sv"]
    assert at.code[0].value == PROBLEMS["sv"][0]


def test_templates_of_a_swedish_package_are_in_swedish(mini_package, tmp_path):
    from openpyxl import load_workbook

    _with_language(mini_package, '"sv"')
    assert hyte(["template", str(tmp_path / "tpl"), "--config", str(mini_package)]) == 0
    doc = (tmp_path / "tpl" / "SARAKKEET.md").read_text(encoding="utf-8")
    assert doc.startswith("# Registerfiler\n") and "## events.csv — Delaktighetsevenemang" in doc
    assert "| `level` | ja | text | Delaktighetsnivå (information, planning, decision, action) |" in doc
    assert "Osallisuuden taso" not in doc and "Participation level" not in doc
    book = load_workbook(tmp_path / "tpl" / "events.xlsx")
    assert [sheet.title for sheet in book.worksheets] == ["events", "anvisningar", "codes"]
    assert book["anvisningar"]["A2"].value.startswith("Fyll i en rad per sak")
