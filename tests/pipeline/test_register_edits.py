"""Register edits from the app's editors (issue 23 item 2), below the screen: the rows a person edits are
checked by the upload's own register checks (the same words as `hyte check`), saved as a new version
through `hyte upload --expect-version … --action edit` in a process of its own, and a save from a version
someone else has replaced since is refused with what changed in between, nothing written or lost."""

from __future__ import annotations

import shutil

import polars as pl

from support.store_rows import table_frame
from dashboard.registers import model
from data_pipeline.cli import main as hyte
from data_pipeline.inputs.config import load_config
from data_pipeline.inputs.register_rows import NO_FILE, read_rows, rebase, to_csv, version_of
from data_pipeline.load import worker
from data_pipeline.load.check import check_package
from data_pipeline.store import schema


def loaded(mini_package, sqlite_url):
    assert worker.refresh(sqlite_url, mini_package, "nightly (test)").ok
    return load_config(mini_package)


def test_the_editors_check_says_what_hyte_check_says_of_the_same_rows(mini_package, tmp_path):
    config = load_config(mini_package)
    events = read_rows(config.registers_dir, "events", config.age_group_codes)
    shown = model.editor(config, "events", "fi", events.rows, events.version)
    rows = [*events.rows, ("e3", "Ilta", "31.2.2026", "99", "", "", "siv", "workshop", "planning", "1", "", ""),
            ("e4", "Päivä", "1.3.2026", "01", "", "", "xyz", "picnic", "planning", "", "", "")]

    checked = model.check(config, shown, rows, "fi")

    copy = tmp_path / "copy"
    shutil.copytree(mini_package.parent, copy)
    (copy / "registers" / "events.csv").write_bytes(to_csv(shown.names, rows))
    expected = {(p.line - 1, p.message.text("fi")) for p in check_package(copy / "hyte.toml").problems}
    assert {(row, message) for row, _key, _column, message in checked.rows} == expected
    assert len(expected) == 4  # no such date, unknown district, unknown department, not a choice
    lines = model.problem_lines(checked, "fi")
    assert any(line.startswith("Rivi 3 (e3) · Päivämäärä: ") for line in lines), lines
    assert any(line.startswith("Rivi 4 (e4) · Toimiala: ") for line in lines), lines


def test_an_edit_that_breaks_another_register_is_named_there(mini_package):
    config = load_config(mini_package)
    departments = read_rows(config.registers_dir, "departments", config.age_group_codes)
    shown = model.editor(config, "departments", "fi", departments.rows, departments.version)
    without_tek = [row for row in departments.rows if row[0] != "tek"]

    checked = model.check(config, shown, without_tek, "fi")

    assert not checked.rows
    assert checked.others == ("events.csv:3: department: tuntematon toimiala 'tek'; käytössä: siv",)


def test_the_editor_types_cells_and_writes_them_back_as_the_file_had_them(mini_package):
    config = load_config(mini_package)
    events = read_rows(config.registers_dir, "events", config.age_group_codes)
    shown = model.editor(config, "events", "fi", events.rows, events.version)

    assert shown.frame.schema["date"] == pl.Date and shown.frame.schema["participants_young"] == pl.Int64
    by_name = {c.name: c for c in shown.columns}
    assert by_name["event_type"].shown("resident_evening") == "Asukasilta"
    assert by_name["district"].shown("01") == "Keskusta (01)"
    back = model.text_rows(shown, shown.frame)
    assert [row[0] for row in back] == ["e1", "e2"]
    assert back[0][2] == "22.11.2025" and back[0][4] == "21.75" and back[1][3] == ""
    assert not model.check(config, shown, back, "fi").rows


def test_a_save_from_a_replaced_version_is_refused_with_what_changed_and_nothing_is_lost(mini_package, sqlite_url):
    config = loaded(mini_package, sqlite_url)
    start = read_rows(config.registers_dir, "events", config.age_group_codes)
    columns = start.columns
    # Maija and Pekka open the events register at the same version.
    maija = [row for row in start.rows if row[0] != "e2"]
    maija.append(("e5", "Kävelykierros", "3.3.2026", "01", "", "", "tek", "workshop", "action", "", "9", ""))
    pekka = [(*start.rows[0][:1], "Asukasilta Mäntylässä (siirretty)", *start.rows[0][2:]), start.rows[1]]

    first = worker.upload(sqlite_url, mini_package, "events", "events.csv", to_csv(columns, maija), "maija@kunta.fi",
                          expect_version=start.version, action="edit")
    assert first.ok, first
    saved = (config.registers_dir / "events.csv").read_bytes()

    second = worker.upload(sqlite_url, mini_package, "events", "events.csv", to_csv(columns, pekka),
                           "pekka@kunta.fi", expect_version=start.version, action="edit")

    assert second.status == "conflict"
    assert "maija@kunta.fi tallensi sen" in second.message and "Muutoksiasi ei tallennettu" in second.message
    assert second.changes == ["1 rivi lisätty: e5", "1 rivi poistettu: e2"]
    assert second.version == version_of(saved)
    assert (config.registers_dir / "events.csv").read_bytes() == saved  # Maija's save stands
    events = table_frame(sqlite_url, schema.participation_event)
    assert sorted(events["id"].to_list()) == ["e1", "e5"]
    audit = table_frame(sqlite_url, schema.audit_log).sort("id")
    assert audit.select("action", "actor").rows()[-1] == ("edit", "maija@kunta.fi")

    # Pekka's changes on top of Maija's version: his title, her new row and her removal.
    merged, both = rebase("events", [dict(zip(columns, r)) for r in start.rows], [dict(zip(columns, r)) for r in pekka],
                          read_rows(config.registers_dir, "events", config.age_group_codes).records())
    assert [(r["id"], r["title"]) for r in merged] == [("e1", "Asukasilta Mäntylässä (siirretty)"),
                                                      ("e5", "Kävelykierros")]
    assert both == ()
    third = worker.upload(sqlite_url, mini_package, "events", "events.csv",
                          to_csv(columns, [tuple(r[c] for c in columns) for r in merged]), "pekka@kunta.fi",
                          expect_version=second.version, action="edit")
    assert third.ok, third
    titles = dict(table_frame(sqlite_url, schema.participation_event).select("id", "title").rows())
    assert titles == {"e1": "Asukasilta Mäntylässä (siirretty)", "e5": "Kävelykierros"}


def test_both_changing_one_row_keeps_mine_and_names_it():
    base = [{"id": "e1", "title": "A"}, {"id": "e2", "title": "B"}]
    mine = [{"id": "e1", "title": "A2"}, {"id": "e2", "title": "B"}]
    theirs = [{"id": "e1", "title": "A3"}, {"id": "e2", "title": "B"}, {"id": "e3", "title": "C"}]

    merged, both = rebase("events", base, mine, theirs)

    assert [r["title"] for r in merged] == ["A2", "B", "C"]
    assert both == ("e1",)


def test_hyte_upload_expect_version_on_the_command_line(mini_package, sqlite_url, tmp_path, capsys):
    config = loaded(mini_package, sqlite_url)
    assert read_rows(config.registers_dir, "meetings", config.age_group_codes).version == NO_FILE
    file = tmp_path / "departments.csv"
    file.write_text("code,name_fi\nsiv,Sivistys\ntek,Tekniikka\n", encoding="utf-8")
    args = ["upload", "--db", sqlite_url, "--config", str(mini_package), "--register", "departments",
            "--file", str(file), "--expect-version", "0" * 64]

    assert hyte(args) == 1
    err = capsys.readouterr().err
    assert "Ei tallennettu: Toimialat (departments) on muuttunut paketin kansiossa" in err

    current = version_of((config.registers_dir / "departments.csv").read_bytes())
    assert hyte([*args[:-1], current, "--action", "edit"]) == 0
    assert table_frame(sqlite_url, schema.audit_log).sort("id")["action"].to_list()[-1] == "edit"


def test_a_save_rewrites_only_its_registers_tables_and_leaves_the_store_a_load_of_the_package(
        mini_package, tmp_path, monkeypatch):
    """The store holds the package as it is, so a save of one register writes only that register's tables
    (the 5 s save at national scale); the result must equal a full load of the package."""
    from support.store_rows import dump_store
    from data_pipeline.load import refresh as refresh_module

    url = f"sqlite:///{tmp_path / 'edited.db'}"
    config = loaded(mini_package, url)
    written = []
    real = refresh_module.write_package

    def spy(url, tables, run_id, freshness, progress=None, skip_tables=frozenset(), **kw):
        written.append({t for t in tables if t not in skip_tables})
        return real(url, tables, run_id, freshness, progress, skip_tables, **kw)

    monkeypatch.setattr(refresh_module, "write_package", spy)
    ngos = read_rows(config.registers_dir, "ngos", config.age_group_codes)
    renamed = [("n1", "Testilän Urheiluseura ry", *ngos.rows[0][2:]), *ngos.rows[1:]]
    from data_pipeline.load.uploads import upload_register

    result = upload_register(url, mini_package, "ngos", "ngos.csv", to_csv(ngos.columns, renamed), "tester",
                             action="edit", expect_version=ngos.version)

    assert result.ok, result
    assert written == [{"ngo", "ngo_district"}]
    monkeypatch.undo()
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert worker.refresh(fresh, mini_package, "full").ok
    assert dump_store(url) == dump_store(fresh)


def _everything(url: str) -> dict:
    """What a load leaves that a screen reads: the data tables, the aggregates computed from them, each
    source's hash and the last run's row counts."""
    from support.store_rows import dump_store

    out = dump_store(url, schema.DATA_TABLES + schema.DERIVED_TABLES)
    freshness = table_frame(url, schema.source_freshness).sort("source")
    out["hashes"] = freshness.select("source", "content_hash", "status").rows()
    runs = table_frame(url, schema.load_run).filter(pl.col("status") == "success").sort("id")
    out["rows"] = runs["rows_json"].to_list()[-1]
    return out


def _nothing_else_read(monkeypatch):
    """What a register's save must not read again: the Sotkanet cache, the districts' GeoJSON, the ranks."""
    from data_pipeline.load import package as package_module

    def refuse(*_args, **_kwargs):
        raise AssertionError("a register save read what it did not change")

    monkeypatch.setattr(package_module.sotkanet, "read_cache", refuse)
    monkeypatch.setattr(package_module, "read_districts", refuse)
    monkeypatch.setattr(package_module.ranks, "rank_municipalities", refuse)


def test_a_register_save_reads_only_what_it_can_change_and_leaves_what_a_full_load_leaves(
        mini_package, tmp_path, monkeypatch):
    """A save → visible within 5 s at national scale (benchmarks/editor_save.py): a save of one register
    into a store that holds the rest of the package checks only the registers it can affect, with the
    districts as the store has them, and reads neither the Sotkanet cache nor the districts' GeoJSON nor
    ranks anything again; the store is then exactly what a full load of the package leaves, derived
    participation figures and row counts included."""
    from data_pipeline.load.uploads import upload_register

    url = f"sqlite:///{tmp_path / 'edited.db'}"
    config = loaded(mini_package, url)
    events = read_rows(config.registers_dir, "events", config.age_group_codes)
    added = [*events.rows, ("e9", "Uusi ilta", "1.12.2025", "02", "", "", "siv", "resident_evening", "planning",
                            "3", "5", "")]
    with monkeypatch.context() as patched:
        _nothing_else_read(patched)
        result = upload_register(url, mini_package, "events", "events.csv", to_csv(events.columns, added), "tester",
                                 action="edit", expect_version=events.version)
    assert result.ok, result
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert worker.refresh(fresh, mini_package, "full").ok
    assert _everything(url) == _everything(fresh)


def test_a_register_save_that_breaks_another_register_is_refused_and_changes_nothing(
        mini_package, tmp_path, monkeypatch):
    """Checking only the registers a save can affect still finds what it breaks elsewhere: a department
    removed while events still name it is refused there, in the words `hyte check` uses, and the store and
    the package stay as they were."""
    from data_pipeline.load.uploads import upload_register

    url = f"sqlite:///{tmp_path / 'edited.db'}"
    config = loaded(mini_package, url)
    before = _everything(url)
    kept = read_rows(config.registers_dir, "departments", config.age_group_codes)
    gone = [row for row in kept.rows if row[0] != "siv"]
    on_disk = (config.registers_dir / "departments.csv").read_bytes()
    with monkeypatch.context() as patched:
        _nothing_else_read(patched)
        result = upload_register(url, mini_package, "departments", "departments.csv", to_csv(kept.columns, gone), "tester",
                                 action="edit", expect_version=kept.version)
    assert result.status == "rejected"
    staged = config.registers_dir.parent / "staged"
    staged.mkdir()
    for path in config.registers_dir.iterdir():
        shutil.copy(path, staged / path.name)
    (staged / "departments.csv").write_bytes(to_csv(kept.columns, gone))
    import dataclasses

    from data_pipeline.load.package import build_package

    _package, expected = build_package(dataclasses.replace(config, registers_dir=staged))
    assert expected, "removing the department must break the events that name it"
    assert [str(p) for p in result.problems] == [str(p) for p in expected]
    assert _everything(url) == before
    assert (config.registers_dir / "departments.csv").read_bytes() == on_disk
