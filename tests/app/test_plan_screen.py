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
    at.text_input(key="plan.goal.fi").set_value("Nuoret liikkuvat enemmän")
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
    assert list(changes["Miten"]) == ["suunnitelmanäkymä"]
    assert list(changes["Rekisteri"]) == ["Toimenpiteet"]


def test_the_plan_screen_is_for_coordinators_and_admins():
    from dashboard.access import rules

    assert [rules.may_open(role, "plan") for role in (None, "viewer", "coordinator", "admin")] == \
        [False, False, True, True]
    assert not rules.may_open("admin", "plan", public=True)
