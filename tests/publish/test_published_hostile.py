"""A store whose every name is hostile (Markdown, HTML, an image, links, a bidi override) publishes as text:
no tag, link or image made from a name in any page, embed or picture, and the names shown as typed."""

from __future__ import annotations

from pathlib import Path

from support.hostile_fixtures import BIDI, build_hostile_store

from dashboard.publish.build import build
from data_pipeline.inputs.config_schema import PUBLISHABLE


def test_hostile_names_are_published_as_text(tmp_path: Path) -> None:
    url = build_hostile_store(tmp_path / "store")
    out = tmp_path / "site"
    done = build(url, out, ("fi", "en"), PUBLISHABLE)
    assert done.written.pages >= 6
    shown = 0
    for path in out.rglob("*"):
        if path.suffix not in (".html", ".svg"):
            continue
        text = path.read_text("utf-8")
        for made in ("<h1>HTMLH", "<img src=x", "href=\"http", "src=\"http", "<script"):
            assert made not in text, (path, made)
        assert not set(BIDI) & set(text), path
        if path.suffix == ".html" and "**BOLD**" in text:
            shown += 1
    assert shown >= 4  # the names as typed, Markdown included
