"""The data-status screen names its sources and tables in the visitor's language (issue 23, Kuusamo:
`boundaries` and `indicator_rank` were shown as stored)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from dashboard.core.i18n import translate
from dashboard.data_status import view
from data_pipeline.store import schema


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_source_and_table_has_a_name_in_the_visitors_language(lang):
    now = dt.datetime(2026, 12, 7, tzinfo=dt.timezone.utc)
    sources = ["config", "sotkanet", "districts", "registers", "boundaries"]
    frame = pl.DataFrame([{"source": s, "status": "fresh", "last_success_at": now, "data_updated": None,
                           "message": None, "attribution": None} for s in sources])

    shown = [s["source"] for s in view.freshness(frame, lang)]

    assert shown == [translate(f"freshness.source.{s}", lang) for s in sources]
    assert not set(shown) & set(sources)
    tables = [str(t.name) for t in schema.metadata.sorted_tables]
    counts = view.row_counts(pl.DataFrame({"table": tables, "rows": [1] * len(tables)}), lang)
    names = counts[translate("status.col.table", lang)].to_list()
    assert not set(names) & set(tables), sorted(set(names) & set(tables))
    assert translate("table.indicator_rank", lang) in names


@pytest.fixture
def troubled_store(mini_package, tmp_path, monkeypatch) -> str:
    """A store whose package loaded once, then a load failed on an error of its own and an upload was
    refused: what the data-status screen lists with its messages."""
    from data_pipeline.load import refresh as refresh_module
    from data_pipeline.load.uploads import upload_register

    url = f"sqlite:///{tmp_path / 'troubled.db'}"
    assert refresh_module.refresh(mini_package, url, offline=True).ok
    registers = mini_package.parent / "registers"
    (registers / "departments.csv").write_text((registers / "departments.csv").read_text(encoding="utf-8")
                                               + "ter,Terveystoimiala,,\n", encoding="utf-8")

    def broken_disk(*_args, **_kwargs):
        raise OSError("disk I/O error")

    with monkeypatch.context() as patched:
        patched.setattr(refresh_module, "write_package", broken_disk)
        assert refresh_module.refresh(mini_package, url, offline=True).status == "failed"
    assert upload_register(url, mini_package, "events", "events.csv", b"id;title\nx;y\n", "tester").status == "rejected"
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    return url


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_data_status_screen_says_its_errors_in_the_visitors_language(troubled_store, lang):
    """Kuusamo: the data-status screen showed English captions among its errors: a failed load's
    "OSError: …" and a refused upload's "upload: …" in the change log. Each now says what happened in the
    visitor's language (the system's own error text follows, named as such)."""
    from support.screen_helpers import open_screen, screen_text

    at = open_screen("data_status.py", lang=lang)
    cells = [str(v) for frame in at.dataframe for v in frame.value.to_numpy().ravel()]
    shown = screen_text(at) + "\n" + "\n".join(cells)
    failed = translate("run.load_failed", lang, error="OSError: disk I/O error")
    assert failed in cells
    refused = [c for c in cells if c.startswith(translate("audit.action.upload", lang) + ":")]
    assert refused, cells
    for english in ("upload:", "refresh:", "restore:", "edit:"):
        assert not any(c.startswith(english) for c in cells), english
    assert not any(c.startswith("OSError") for c in cells)
    for word in ("Error", "failed", "rejected", "Upload", "Refresh"):
        assert not [line for line in shown.splitlines() if line.startswith(word)], word


def test_every_register_is_listed_by_its_last_change(mini_package, tmp_path, monkeypatch):
    """Issue 23: registers never saved through the app were missing from "registers by their last change".
    Every register (and the plan) is listed: one saved on the register editors by who saved it, one only
    ever in the package by its file's time, one with neither saying so; and an edit in the app is named
    in words, not as the stored code "edit"."""
    from support.screen_helpers import open_screen

    from data_pipeline.inputs import registers as R
    from data_pipeline.inputs.register_rows import read_rows, to_csv
    from data_pipeline.load import refresh as refresh_module
    from data_pipeline.load.uploads import upload_register

    url = f"sqlite:///{tmp_path / 'changes.db'}"
    assert refresh_module.refresh(mini_package, url, offline=True).ok
    registers = mini_package.parent / "registers"
    ngos = read_rows(registers, "ngos", ("young", "adult", "old"))
    edited = [(ngos.rows[0][0], "Uusi nimi ry", *ngos.rows[0][2:]), *ngos.rows[1:]]
    assert upload_register(url, mini_package, "ngos", "ngos.csv", to_csv(ngos.columns, edited), "Kaisa",
                           action="edit", expect_version=ngos.version).ok
    monkeypatch.setenv("HYTE_DATABASE_URL", url)

    at = open_screen("data_status.py", lang="fi")
    title = R.REGISTERS["ngos"].title("fi")
    tables = [f.value for f in at.dataframe if translate("status.changes.how", "fi") in f.value.columns]
    assert len(tables) == 1
    rows = {r[translate("audit.col.register", "fi")]: r for r in tables[0].to_dict("records")}
    assert set(rows) == {R.REGISTERS[n].title("fi") for n in R.REGISTER_ORDER} | {translate("status.register.plan", "fi")}
    how = translate("status.changes.how", "fi")
    assert rows[title][translate("audit.col.actor", "fi")] == "Kaisa"
    assert rows[title][how] == translate("status.origin.edit", "fi")
    assert rows[R.REGISTERS["departments"].title("fi")][how] == translate("status.origin.package", "fi")
    assert rows[R.REGISTERS["departments"].title("fi")][translate("status.changes.at", "fi")] != "–"
    assert rows[R.REGISTERS["meetings"].title("fi")][how] == translate("status.origin.none", "fi")
    assert list(rows)[0] == title  # the newest change first


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_data_status_screen_sends_coordinators_to_screens_not_to_a_terminal(troubled_store, lang):
    """Kuusamo trial: the upload form said it checks "as `hyte refresh` does" and a rejected load told the
    coordinator to run `hyte refresh`: what to do is said in the screens' words."""
    from support.screen_helpers import open_screen, screen_text

    text = screen_text(open_screen("data_status.py", lang=lang))
    assert translate("status.rejected_intro", lang, when="").split("{")[0][:20] in text
    assert "hyte refresh" not in text and "hyte check" not in text
    assert translate("page.registers", lang) in translate("status.rejected_intro", lang, when="")
