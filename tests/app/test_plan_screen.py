"""The plan screen (issue 23): a coordinator makes the plan their own in the browser. The writes are real:
the screen starts `python -m data_pipeline.cli plan` (data_pipeline.load.worker) on a copy of the mini
package, which checks the change as `hyte check` does, loads it and keeps hyte.toml's versions."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from support.screen_helpers import open_screen, screen_text

from support.store_rows import table_frame
from dashboard.core.i18n import translate
from dashboard.plan import metrics
from data_pipeline.load import worker
from data_pipeline.store import schema


@pytest.fixture
def loaded_package(mini_package, sqlite_url, monkeypatch):
    assert worker.refresh(sqlite_url, mini_package, "nightly (test)").ok
    monkeypatch.setenv("HYTE_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("HYTE_PACKAGE_CONFIG", str(mini_package))
    monkeypatch.setenv("HYTE_SOTKANET_URL", "http://127.0.0.1:9/none")  # no catalogue: the plan's own indicators
    return sqlite_url, mini_package


def button(at, key: str, lang: str = "fi", index: int = 0):
    return [b for b in at.button if b.label == translate(key, lang)][index]


def set_target(at, indicator: int, target: str, year: str):
    at.selectbox(key="plan.indicator").set_value(indicator).run()
    at.text_input(key=f"plan.target.{indicator}").set_value(target)
    at.text_input(key=f"plan.target_year.{indicator}").set_value(year)
    form_buttons = [b for b in at.button if b.label == translate("plan.save", "fi")]
    form_buttons[2].click().run()  # plan, areas, then this indicator's form
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_target_typed_with_a_decimal_comma_is_saved_and_shown(loaded_package):
    url, config = loaded_package
    at = set_target(open_screen("plan.py"), 127, "8,5", "2027")
    assert [s.value for s in at.success] == [translate("plan.saved", "fi")]
    indicators = table_frame(url, schema.indicator).filter(pl.col("id") == 127)
    assert indicators.select("target_value", "target_year").row(0) == (8.5, 2027)
    assert "target = 8.5\ntarget_year = 2027" in config.read_text(encoding="utf-8")
    shown = next(d.value for d in at.dataframe if "Tavoitearvo" in d.value.columns)
    assert list(shown.iloc[0][["Tavoitearvo", "Tavoitevuosi"]]) == ["8,5", "2027"]


def test_a_saved_change_is_confirmed_without_a_terminal_command_in_any_language(loaded_package):
    """A coordinator reads what the save did; "checked as hyte check checks it" named a command they never use."""
    at = set_target(open_screen("plan.py"), 127, "8,5", "2027")
    [saved] = [s.value for s in at.success]
    assert saved.startswith("Tallennettu: ") and "hyte" not in saved
    assert not [lang for lang in ("sv", "en") if "hyte" in translate("plan.saved", lang)]


def test_a_target_year_before_the_plan_is_refused_in_words_that_say_what_to_do(loaded_package):
    url, config = loaded_package
    before = config.read_bytes()
    at = set_target(open_screen("plan.py"), 127, "8,5", "2020")
    assert [e.value for e in at.error] == ["Ei tallennettu: 1 ongelma. Korjaa se ja tallenna uudelleen; "
                                           "suunnitelma on ennallaan."]
    assert at.code[0].value.endswith("indicators.target_year: tavoitevuosi 2020 on ennen suunnitelman alkua "
                                     "(2025–2028): valitse vuosi suunnitelmakaudelta tai muuta suunnitelman vuosia")
    assert config.read_bytes() == before


def test_a_target_that_is_not_a_number_is_refused_before_anything_is_written(loaded_package):
    at = set_target(open_screen("plan.py"), 127, "kahdeksan", "2027")
    assert [e.value.replace("\\", "") for e in at.error] == [
        "Ei tallennettu: ”kahdeksan” ei ole luku: kirjoita esimerkiksi 8,5"]


def test_a_goal_and_a_measure_added_show_with_their_update_date(loaded_package):
    url, _config = loaded_package
    at = open_screen("plan.py")
    at.text_input(key="plan.goal.None.fi").set_value("Nuoret liikkuvat enemmän")
    button(at, "plan.goal.button").click().run()
    assert [s.value for s in at.success] == [translate("plan.saved", "fi")]
    at.text_input(key="plan.measure.None.text_fi").set_value("Liikkuva koulu")
    at.text_input(key="plan.measure.None.unit").set_value("Sivistystoimiala")
    [b for b in at.button if b.label == translate("plan.save", "fi")][-1].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [s.value for s in at.success][:1] == [translate("plan.saved", "fi")], ([e.value for e in at.error], [c.value for c in at.code], [i.value for i in at.info])
    measures = table_frame(url, schema.measure)
    assert measures.select("code", "text_fi", "updated_on").rows() == [("M1", "Liikkuva koulu", dt.date.today())]
    assert "Liikkuva koulu" in at.dataframe[-1].value.to_string()
    assert "päivitetty 0 päivää sitten" in at.dataframe[-1].value.to_string()


def test_the_screen_speaks_swedish(loaded_package):
    at = open_screen("plan.py", lang="sv")
    text = screen_text(at)
    assert "Planen" in text
    assert translate("plan.section.indicators", "sv") in text
    assert "Tavoite" not in text


def test_staleness_flags_measures_by_the_plans_limits():
    today = dt.date(2026, 12, 7)
    frame = pl.DataFrame({"status": ["ongoing", "ongoing", "delayed", "done", "planned"],
                          "updated_on": [today - dt.timedelta(days=d) if d is not None else None
                                         for d in (10, 61, 181, 400, None)]})
    out = metrics.staleness(frame, today, 60, 180)
    assert out["state"].to_list() == ["fresh", "flagged", "stale", "fresh", "unknown"]
    assert metrics.counts(out) == {"fresh": 2, "flagged": 1, "stale": 1, "unknown": 1}


def test_the_overview_flags_stale_measures_and_data_status_lists_registers_by_their_last_change(loaded_package):
    url, config = loaded_package
    registers = config.parent / "registers"
    (registers / "goals.csv").write_text("code;priority_area;text_fi\nT1;life;Nuoret liikkuvat\n", encoding="utf-8")
    old = (dt.date.today() - dt.timedelta(days=200)).isoformat()
    recent = (dt.date.today() - dt.timedelta(days=70)).isoformat()
    (registers / "measures.csv").write_text(
        "code;goal;text_fi;responsible_unit;status;updated\n"
        f"M1;T1;Liikkuva koulu;Sivistys;ongoing;{old}\nM2;T1;Kerhot;Sivistys;delayed;{recent}\n"
        "M3;T1;Valmis asia;Sivistys;done;\n", encoding="utf-8")
    assert worker.refresh(url, config, "nightly (test)").ok
    at = open_screen(None)
    assert "Päivitä toimenpiteet: 1 ei päivitetty 60 päivään, 1 vanhentunutta (yli 180 päivää), 0 ilman " \
           "päivityspäivää." in [w.value for w in at.warning]
    assert worker.plan(url, config, [{"op": "measure", "code": "M1", "status": "done"}], "k@t.fi").ok
    at = open_screen("data_status.py")
    changes = next(d.value for d in at.dataframe if "Miten" in d.value.columns)
    # Every register is listed (issue 23), the one just saved on the plan screen first.
    assert list(changes["Miten"])[0] == "suunnitelmanäkymä"
    assert list(changes["Rekisteri"])[0] == "Toimenpiteet"


def test_the_plan_screen_is_for_coordinators_and_admins():
    from dashboard.access import rules

    assert [rules.may_open(role, "plan") for role in (None, "viewer", "coordinator", "admin")] == \
        [False, False, True, True]
    assert not rules.may_open("admin", "plan", public=True)


def test_areas_without_swedish_or_english_names_are_named_on_screen(loaded_package):
    at = open_screen("plan.py", lang="sv")
    assert [i.value.replace("\\", "") for i in at.info][:1] == [
        "Namn på svenska eller engelska saknas: Elinympäristö, Elintavat. De svenska och engelska vyerna visar då "
        "det finska namnet; skriv namnen nedan."]


def test_the_areas_table_becomes_renames_new_areas_and_removals():
    from dashboard.plan.model import area_edits

    before = ({"code": "env", "name_fi": "Elinympäristö", "name_sv": None, "name_en": None},
              {"code": "life", "name_fi": "Elintavat", "name_sv": None, "name_en": None})
    after = [{"code": "env", "name_fi": "Elinympäristö", "name_sv": None, "name_en": None},
             {"code": None, "name_fi": "Turvallinen arki", "name_sv": "Trygg vardag", "name_en": ""},
             {"code": None, "name_fi": "", "name_sv": None, "name_en": None}]
    assert area_edits(before, after) == [
        {"op": "area", "code": None, "names": {"fi": "Turvallinen arki", "sv": "Trygg vardag", "en": None}},
        {"op": "remove_area", "code": "life"}]
    renamed = [{**before[0], "name_sv": "Livsmiljö"}, dict(before[1])]
    assert area_edits(before, renamed) == [
        {"op": "area", "code": "env", "names": {"fi": "Elinympäristö", "sv": "Livsmiljö", "en": None}}]


def test_a_goal_still_served_by_a_measure_cannot_be_removed_and_undo_restores_the_measures(loaded_package):
    url, config = loaded_package
    assert worker.plan(url, config, [
        {"op": "goal", "code": None, "priority_area": "life", "text_fi": "Nuoret liikkuvat"},
        {"op": "measure", "code": None, "goal": "T1", "text_fi": "Liikkuva koulu", "responsible_unit": "Sivistys",
         "status": "ongoing"}], "k@t.fi").ok
    at = open_screen("plan.py")
    at.selectbox(key="plan.goal.code").set_value("T1").run()
    [b for b in at.button if b.label == translate("plan.remove", "fi")][0].click().run()
    assert [e.value for e in at.error] == ["Ei tallennettu: 1 ongelma. Korjaa se ja tallenna uudelleen; "
                                           "suunnitelma on ennallaan."]
    assert "measures.csv:2: goal:" in at.code[0].value
    # The measure removed, then put back by restoring the measures' previous version.
    at.selectbox(key="plan.measure.code").set_value("M1").run()
    [b for b in at.button if b.label == translate("plan.remove", "fi")][1].click().run()
    assert [s.value for s in at.success] == [translate("plan.saved", "fi")]
    assert table_frame(url, schema.measure).height == 0
    at.segmented_control(key="plan.versions.what").set_value("measures").run()
    at.button(key="plan.version.restore").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert table_frame(url, schema.measure)["text_fi"].to_list() == ["Liikkuva koulu"]


def test_a_new_goals_fields_are_empty_once_it_is_saved(loaded_package):
    at = open_screen("plan.py")
    at.text_input(key="plan.goal.None.fi").set_value("Nuoret liikkuvat enemmän")
    button(at, "plan.goal.button").click().run()
    assert [s.value for s in at.success] == [translate("plan.saved", "fi")]
    assert at.text_input(key="plan.goal.None.fi").value == ""


def test_a_goals_and_a_measures_wording_get_a_line_each(loaded_package):
    """Kuusamo trial at 1280×720: a goal's three languages were side by side in the half-width column, a
    sliver each for a sentence. Each language's field is a line of its own, not in a column."""
    at = open_screen("plan.py")
    for x in ("fi", "sv", "en"):
        holding = [column for column in at.columns if f"plan.goal.None.{x}" in {w.key for w in column.text_input}]
        assert len(holding) == 1  # the screen's goals column only, no narrower column inside it
