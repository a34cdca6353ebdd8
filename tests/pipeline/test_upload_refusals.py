"""What the app's write processes say about a refused upload or restore (issue 16 part 3): that a file
would empty its register (and how many rows), the confirmed write again with --allow-empty, and the full
problem list written by `hyte check --register R --file F --all-problems OUT` without loading anything."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from support.store_rows import dump_store, table_frame
from data_pipeline.store import schema
from data_pipeline.load import worker
from data_pipeline.store.engine import make_engine

HEADER = ("id;title;date;district;lon;lat;department;event_type;level;participants_young;"
          "participants_adult;participants_old\n")


def version_id(url: str, uploaded_name: str) -> int:
    engine = make_engine(url)
    with engine.connect() as conn:
        found = conn.execute(select(schema.register_version.c.id)
                             .where(schema.register_version.c.uploaded_name == uploaded_name)
                             .order_by(schema.register_version.c.id.desc())).scalar()
    engine.dispose()
    return found


def test_a_restore_that_would_empty_a_register_says_how_many_rows_and_loads_when_allowed(mini_package, sqlite_url):
    url, config = sqlite_url, mini_package
    assert worker.refresh(url, config, "nightly (test)").ok
    events = table_frame(url, schema.participation_event).height

    refused = worker.upload(url, config, "events", "tyhjä.csv", HEADER.encode(), "tester")
    assert (refused.status, refused.would_empty) == ("rejected", events)
    assert worker.upload(url, config, "events", "tyhjä.csv", HEADER.encode(), "tester", allow_empty=True).ok
    full = (config.parent / "registers" / "events.csv").read_bytes()  # empty now
    assert worker.upload(url, config, "events", "takaisin.csv", (HEADER + "e9;Ilta;1.2.2025;01;;;siv;workshop;"
                                                                 "planning;1;2;3\n").encode(), "tester").ok
    before = dump_store(url)

    empty_version = version_id(url, "tyhjä.csv")
    refused = worker.restore(url, config, empty_version, "tester")
    assert (refused.status, refused.would_empty) == ("rejected", 1)
    assert dump_store(url) == before

    restored = worker.restore(url, config, empty_version, "tester", allow_empty=True)
    assert restored.ok and restored.register_rows == 0
    assert table_frame(url, schema.participation_event).height == 0
    assert (config.parent / "registers" / "events.csv").read_bytes() == full


def test_the_full_problem_list_of_an_upload_is_written_by_a_check_process_and_nothing_is_loaded(
        mini_package, sqlite_url, tmp_path):
    url, config = sqlite_url, mini_package
    assert worker.refresh(url, config, "nightly (test)").ok
    before, package = dump_store(url), (config.parent / "registers" / "events.csv").read_bytes()
    bad = 1_500
    content = (HEADER + "".join(f"b{i};T;1.2.2025;99;;;siv;workshop;planning;1;2;3\n" for i in range(bad))).encode()

    out = tmp_path / "virheet.txt"
    assert worker.all_problems(config, "events", "tulva.csv", content, out) == bad

    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == bad and lines[0].startswith("events.csv:2: district: ")
    assert lines[-1].startswith(f"events.csv:{bad + 1}: district: ")
    assert dump_store(url) == before
    assert (config.parent / "registers" / "events.csv").read_bytes() == package
    assert not list(Path(config.parent).glob(".hyte-upload-*"))
