"""The reach map's tooltips show stored names as text: deck.gl's text tooltip, no bidi controls."""

from __future__ import annotations

import json

from support.hostile_fixtures import BIDI, build_hostile_store

from dashboard.core.cache import Store, engine
from dashboard.participation import model as part_model
from data_pipeline.store.engine import data_version


def test_district_and_event_tooltips_are_text_with_the_names_as_typed(tmp_path):
    url = build_hostile_store(tmp_path)
    store = Store(url, data_version(engine(url)))
    drawn = part_model.participation_map(store, 2025, 2025, None, (), (), (), "fi", True, "01")
    spec = json.loads(drawn["deck"].to_json())
    tooltip = drawn["deck"]._tooltip
    # "text": deck.gl sets it as innerText; an "html" tooltip would run the names as HTML.
    assert set(tooltip) == {"text", "style"} and "html" not in json.dumps(spec)
    tips = [d["properties"]["tip_title"] if "properties" in d else d["tip_title"]
            for layer in spec["layers"] for d in layer["data"]]
    assert any(tip.startswith("# HEAD **BOLD** <h1>HTMLH</h1>") and tip.endswith("abcdef ALUE-01") for tip in tips)
    assert any("TAPAHTUMA-e1" in tip for tip in tips)  # the event's title, as typed
    assert not set(drawn["deck"].to_json()) & set(BIDI)
