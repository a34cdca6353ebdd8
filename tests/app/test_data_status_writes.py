"""The data-status screen's writes after a refusal (issue 16 part 3): confirming that a file empties a
register, the full problem list of a flooded file made by a process of its own, and the upload widget's
own size limit. The writes are real: the screen starts `python -m data_pipeline.cli` (data_pipeline.load.worker)
on a copy of the mini package, as in production."""

from __future__ import annotations

import datetime as dt
import io
import tomllib
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, insert
from support.screen_helpers import open_screen, screen_text

from support.store_rows import table_frame
from dashboard.core.formatting import fmt_number
from dashboard.core.i18n import translate, translate_n
from dashboard.data_status import widgets
from data_pipeline.store import schema
from data_pipeline.load import worker
from data_pipeline.load.uploads import MAX_UPLOAD_BYTES

ROOT = Path(__file__).parents[2]
EVENTS_HEADER = ("id;title;date;district;lon;lat;department;event_type;level;participants_young;"
                 "participants_adult;participants_old\n")


def bad_events(count: int) -> bytes:
    """`count` events, each with one problem: a district the package does not have."""
    rows = "".join(f"b{i};Tapahtuma {i};1.2.2025;99;;;siv;workshop;planning;1;2;3\n" for i in range(count))
    return (EVENTS_HEADER + rows).encode()


@pytest.fixture
def loaded_package(mini_package, sqlite_url, monkeypatch) -> tuple[str, Path]:
    assert worker.refresh(sqlite_url, mini_package, "nightly (test)").ok
    monkeypatch.setenv("HYTE_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("HYTE_PACKAGE_CONFIG", str(mini_package))
    return sqlite_url, mini_package


def upload(at, register: str, name: str, content: bytes):
    at.selectbox(key="upload.register").set_value(register)
    at.file_uploader[0].set_value((name, content, "text/csv"))
    next(b for b in at.button if b.label == translate("up.button", "fi")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_an_upload_that_would_empty_a_register_is_loaded_only_after_a_confirmation_naming_the_rows(
        loaded_package):
    url, config = loaded_package
    events_before = table_frame(url, schema.participation_event).height
    package_file = (config.parent / "registers" / "events.csv").read_bytes()
    assert events_before > 0

    at = upload(open_screen("data_status.py"), "events", "tyhjä.csv", EVENTS_HEADER.encode())

    assert [e.value for e in at.error] == [translate_n("up.rejected", 1, "fi", file="tyhjä\\.csv", count="1")]
    assert "2 riviä poistuisivat" in at.code[0].value or "riviä poistuisivat" in at.code[0].value
    label = translate("up.empty.confirm", "fi", register=widgets.register_label("events", "fi"),
                      rows=fmt_number(events_before, 0, "fi"))
    assert [c.label for c in at.checkbox] == [label]
    assert table_frame(url, schema.participation_event).height == events_before  # refused: nothing changed

    # Without ticking, the button cannot be pressed (AppTest refuses, as a browser does); a rerun changes nothing.
    confirm = next(b for b in at.button if b.label == translate("up.empty.button", "fi"))
    assert confirm.disabled
    at.run()
    assert table_frame(url, schema.participation_event).height == events_before
    assert (config.parent / "registers" / "events.csv").read_bytes() == package_file

    at.checkbox[0].check().run()
    next(b for b in at.button if b.label == translate("up.empty.button", "fi")).click().run()
    assert not at.exception, [e.value for e in at.exception]

    assert [s.value for s in at.success] == [translate("up.loaded", "fi", file="tyhjä\\.csv", rows="0",
                                                       register=widgets.register_label("events", "fi"))]
    assert table_frame(url, schema.participation_event).height == 0
    audit = table_frame(url, schema.audit_log).sort("id").select("action", "register", "file_name", "rows").rows()
    assert audit[-1] == ("upload", "events", "tyhjä.csv", 0)
    assert not at.checkbox  # the confirmation is gone with the refusal


def test_a_flooded_upload_shows_the_capped_list_and_downloads_every_problem_made_in_another_process(
        loaded_package, monkeypatch):
    url, config = loaded_package
    made_by = []
    real = worker.all_problems

    def spy(*args, **kwargs):
        made_by.append(worker.PROGRAM)
        return real(*args, **kwargs)

    monkeypatch.setattr(worker, "all_problems", spy)
    bad = 5_000
    at = upload(open_screen("data_status.py"), "events", "tulva.csv", bad_events(bad))

    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "≥" in errors[0], errors  # checking stopped early: an honest "at least"
    listed = at.code[0].value.splitlines()
    assert len(listed) == 201 and "… ja vähintään" in listed[-1], listed[-3:]
    assert not [b for b in at.download_button if b.key == "upload.all.download"]

    next(b for b in at.button if b.label == translate("up.all.button", "fi")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert made_by == [worker.PROGRAM]  # a child process: `python -m data_pipeline.cli check …`

    [download] = [b for b in at.download_button if b.key == "upload.all.download"]
    assert download.proto.label == translate("up.all.download", "fi", count=fmt_number(bad, 0, "fi"))
    name, data, lines = at.session_state[widgets.FULL_LIST_KEY]  # the bytes the button serves
    assert name == "virheet-events.zip"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        [member] = archive.namelist()
        text = archive.read(member).decode("utf-8")
    problems = text.splitlines()
    assert len(problems) == lines == bad
    assert problems[0] == listed[0] and all(": district: " in p for p in problems)
    assert table_frame(url, schema.participation_event).height > 0  # nothing loaded
    assert not list(config.parent.glob(".hyte-upload-*"))  # the staged copy is gone


def test_a_problem_list_that_could_not_be_made_says_so_without_a_terminal_command(loaded_package, monkeypatch):
    monkeypatch.setattr(worker, "all_problems", lambda *args, **kwargs: None)  # the child process failed
    at = upload(open_screen("data_status.py"), "events", "tulva.csv", bad_events(300))
    next(b for b in at.button if b.label == translate("up.all.button", "fi")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    failed = [e.value for e in at.error][-1]
    assert failed.startswith("Virheluettelon teko epäonnistui. Kokeile uudelleen") and "hyte" not in failed
    assert not [lang for lang in ("sv", "en") if "hyte" in translate("up.all.failed", lang)]
    assert not [b for b in at.download_button if b.key == "upload.all.download"]


def test_the_upload_widget_refuses_files_over_the_pipelines_limit_before_they_reach_the_app(fixture_store):
    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert settings["server"]["maxUploadSize"] * 2**20 == MAX_UPLOAD_BYTES

    at = open_screen("data_status.py")

    # What the browser widget is told: it refuses a larger file with Streamlit's own message.
    assert at.file_uploader[0].proto.max_upload_size_mb == MAX_UPLOAD_BYTES // 2**20
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "server.maxUploadSize = 20" in readme and "before any byte reaches the app" in readme


def test_a_restore_that_would_empty_a_register_asks_the_same_confirmation(loaded_package):
    url, config = loaded_package
    header = EVENTS_HEADER.encode()
    assert worker.upload(url, config, "events", "tyhjä.csv", header, "tester", allow_empty=True).ok
    one = header + b"e9;Ilta;1.2.2025;01;;;siv;workshop;planning;1;2;3\n"
    assert worker.upload(url, config, "events", "yksi.csv", one, "tester").ok
    versions = table_frame(url, schema.register_version).sort("id")
    empty_version = versions.filter(versions["uploaded_name"] == "tyhjä.csv")["id"][-1]

    at = open_screen("data_status.py", lang="en")
    at.selectbox(key="restore.register").set_value("events").run()
    at.selectbox(key="restore.version.events").set_value(empty_version).run()
    next(b for b in at.button if b.key == "restore.button").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [c.label for c in at.checkbox] == [translate_n("up.empty.confirm", 1, "en",
                                                          register=widgets.register_label("events", "en"), rows="1")]
    assert table_frame(url, schema.participation_event).height == 1

    at.checkbox[0].check().run()
    next(b for b in at.button if b.label == translate("up.empty.button", "en")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.success) == 1 and ": 0 rows" in at.success[0].value
    assert table_frame(url, schema.participation_event).height == 0
    audit = table_frame(url, schema.audit_log).sort("id").select("action", "register", "rows").rows()
    assert audit[-1] == ("restore", "events", 0)


def test_a_flooded_restore_downloads_every_problem_of_the_saved_version(loaded_package):
    """A version saved while its districts existed, restored after they were dropped: the full list is made
    from the version's bytes in the store, as for an upload; no command for a terminal on the screen."""
    url, config = loaded_package
    bad = 3_000
    with create_engine(url).begin() as conn:
        version = conn.execute(insert(schema.register_version).values(
            register="events", file_name="events.csv", uploaded_name="vanha.csv", content=bad_events(bad),
            rows=bad, origin="upload", saved_at=dt.datetime.now(dt.timezone.utc), actor="tester")).inserted_primary_key[0]

    at = open_screen("data_status.py")
    at.selectbox(key="restore.register").set_value("events").run()
    at.selectbox(key="restore.version.events").set_value(version).run()
    next(b for b in at.button if b.key == "restore.button").click().run()
    assert not at.exception, [e.value for e in at.exception]

    listed = at.code[0].value.splitlines()
    assert len(listed) == 201 and "… ja vähintään" in listed[-1], listed[-3:]
    assert "--all-problems" not in screen_text(at) + at.code[0].value
    next(b for b in at.button if b.label == translate("up.all.button", "fi")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    [download] = [b for b in at.download_button if b.key == "upload.all.download"]
    assert download.proto.label == translate("up.all.download", "fi", count=fmt_number(bad, 0, "fi"))
    name, data, lines = at.session_state[widgets.FULL_LIST_KEY]
    assert name == "virheet-events.zip" and lines == bad  # checking had stopped early: zipped, as for an upload
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        [member] = archive.namelist()
        problems = archive.read(member).decode("utf-8").splitlines()
    assert len(problems) == bad and problems[0] == listed[0]
    assert table_frame(url, schema.participation_event).height > 0  # nothing loaded


def test_a_flooded_refresh_offers_every_problem_of_the_package_at_once(loaded_package, monkeypatch):
    url, config = loaded_package
    bad = 300
    (config.parent / "registers" / "events.csv").write_bytes(bad_events(bad))
    offered = []  # the file behind the download button: (name, bytes, lines)
    real = widgets._offer_problem_file
    monkeypatch.setattr(widgets, "_offer_problem_file", lambda made, *a, **k: offered.append(made) or real(made, *a, **k))

    at = open_screen("data_status.py", lang="sv")
    next(b for b in at.button if b.key == "refresh.button").click().run()
    assert not at.exception, [e.value for e in at.exception]

    listed = at.code[0].value.splitlines()
    assert len(listed) == 201 and "… och " in listed[-1], listed[-3:]
    assert "--all-problems" not in screen_text(at) + at.code[0].value
    [download] = [b for b in at.download_button if b.key == "refresh.all.download"]
    assert download.proto.label == translate("up.all.download", "sv", count=fmt_number(bad, 0, "sv"))
    # The file is named in the screen's language too, not "virheet-paketti.txt" on a Swedish screen.
    [(name, data, lines)] = offered
    assert name == "fel-paketet.txt" and lines == bad and len(data.decode("utf-8").splitlines()) == bad
    assert table_frame(url, schema.participation_event).height > 0  # nothing loaded
