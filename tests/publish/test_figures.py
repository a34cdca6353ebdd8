"""A chart's figures and picture as published: the rows it draws (not its helpers' or its shapes'), the
columns' titles, a compact SVG whose bytes do not depend on what was drawn before, and the models'
Markdown-safe lines as HTML."""

from __future__ import annotations

import polars as pl

from dashboard.core.formatting import plain
from dashboard.publish import figures, html

TREND = {
    "datasets": {"rows": [{"year": 2024, "value": 8.5, "region": "Merilahti"},
                          {"year": 2025, "value": 9.6, "region": "Merilahti"}],
                 "target": [{"target": 5.0}]},
    "layer": [{"data": {"name": "rows"}, "mark": "line",
               "encoding": {"x": {"field": "year", "type": "ordinal", "title": "Vuosi"},
                            "y": {"field": "value", "type": "quantitative", "title": "Arvo"},
                            "color": {"field": "region", "type": "nominal"}}},
              {"data": {"name": "target"}, "mark": "rule", "encoding": {"y": {"field": "target", "type": "quantitative"}}}],
}


def test_the_figures_are_the_rows_the_chart_draws() -> None:
    frame = figures.figures(TREND)
    assert frame.columns == ["year", "value", "region"] and frame["value"].to_list() == [8.5, 9.6]
    assert figures.titles(TREND) == {"year": "Vuosi", "value": "Arvo"}
    assert figures.to_csv(frame).decode() == "year,value,region\n2024,8.5,Merilahti\n2025,9.6,Merilahti\n"


def test_a_maps_figures_are_its_labels_not_its_shapes() -> None:
    shape = {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
             "properties": {"fill": "#fff", "line": "#000", "width": 1}}
    spec = {"vconcat": [{"layer": [{"data": {"values": [shape, shape]}, "mark": "geoshape"},
                                   {"data": {"values": [{"name": "Keskusta", "figure": "< 5", "lon": 0.5, "lat": 0.5},
                                                        {"name": "Satama", "figure": "566", "lon": 1, "lat": 1}]},
                                    "mark": "text"}]}]}
    assert figures.figures(spec).to_dicts()[0] == {"name": "Keskusta", "figure": "< 5", "lon": 0.5, "lat": 0.5}


def test_the_svg_is_compact_and_the_same_whatever_came_before() -> None:
    spec = {"data": {"values": [{"a": "x", "b": 1.23456}, {"a": "y", "b": 2}]}, "mark": "bar",
            "encoding": {"x": {"field": "b", "type": "quantitative"}, "y": {"field": "a", "type": "nominal"}},
            "width": 300, "height": 60}
    first, second = figures.svg(spec, 300), figures.svg(spec, 300)
    assert first == second
    text = first.decode()
    assert "aria-label" not in text and "role=" not in text
    assert 'clip-path="url(#clip' not in text or "url(#clip1)" in text


def test_markdown_safe_lines_become_html() -> None:
    name = "A*b* <i>c</i> \u202e"
    line = f"**{plain(name)}**  \nrivi"
    shown = html.markdown(line)
    assert shown == "<strong>A*b* &lt;i&gt;c&lt;/i&gt; </strong><br>\nrivi"
    table = html.table(pl.DataFrame({"n": [1234], "x": [1.5], "ok": [True]}), "fi")
    assert "<td>1\xa0234</td><td>1,5</td><td>kyllä</td>" in table.replace("\u202f", "\xa0")


def test_a_picture_drawn_by_one_publish_is_read_by_the_next(tmp_path, monkeypatch) -> None:
    """The nightly publish is a new process: the pictures the last one drew are read from its folder, a
    half-written one is drawn again, and what the publish no longer shows leaves the folder."""
    spec = {"data": {"values": [{"a": "x", "b": 3}]}, "mark": "bar", "width": 200, "height": 40,
            "encoding": {"x": {"field": "b", "type": "quantitative"}, "y": {"field": "a", "type": "nominal"}}}
    other = {**spec, "height": 50}
    folder = tmp_path / ".hyte-cache"
    with figures.disk_cache(folder):
        drawn = figures.svg(spec, 200)
        figures.svg(other, 200)
    assert len(list(folder.glob("*.svg"))) == 2 and not list(folder.glob(".*"))

    def not_drawn(*args, **kwargs):
        raise AssertionError("drawn again")

    monkeypatch.setattr(figures, "_DRAWN", figures.OrderedDict())  # a new process
    monkeypatch.setattr(figures.chart_render, "svg", not_drawn)
    with figures.disk_cache(folder) as cache:
        assert figures.svg(spec, 200) == drawn and cache.hits == 1
    # `other` was not published this time: gone.
    (kept,) = folder.glob("*.svg")
    assert kept.read_bytes() == drawn

    kept.write_bytes(drawn[: len(drawn) // 2])  # a publish killed while writing (without the rename)
    monkeypatch.setattr(figures, "_DRAWN", figures.OrderedDict())
    monkeypatch.undo()
    monkeypatch.setattr(figures, "_DRAWN", figures.OrderedDict())
    with figures.disk_cache(folder) as cache:
        assert figures.svg(spec, 200) == drawn and cache.hits == 0
    assert kept.read_bytes() == drawn

    # Drawn by this process for another folder: kept in this one too.
    another = tmp_path / "another" / ".hyte-cache"
    with figures.disk_cache(another):
        assert figures.svg(spec, 200) == drawn
    assert [p.read_bytes() for p in another.glob("*.svg")] == [drawn]


def test_a_maps_shapes_share_their_outline_and_look_the_same() -> None:
    """A 3,000-district map is 3,000 shapes, each with the same outline written out: given once for each run
    of them, the picture is a third lighter and drawn pixel for pixel the same."""
    import vl_convert as vlc

    shape = '<path d="M{x},0L{x2},0L{x2},10L{x},10Z" fill="{fill}" stroke="{stroke}" stroke-width="{w}"/>'
    shapes = [(0, "#DEEBF7", "#4D4D4D", "0.8"), (10, "#08519C", "#4D4D4D", "0.8"), (20, "#3182BD", "#C0392B", "3"),
              (30, "#DEEBF7", "#4D4D4D", "0.8"), (40, "#6BAED6", "#4D4D4D", "0.8"), (50, "#6BAED6", "#4D4D4D", "0.8")]
    body = "".join(shape.format(x=x, x2=x + 10, fill=f, stroke=s, w=w) for x, f, s, w in shapes)
    drawn = f'<svg xmlns="http://www.w3.org/2000/svg" width="60" height="10"><g>{body}</g></svg>'
    shared = figures._shared_strokes(drawn)
    assert shared.count('<g stroke="#4D4D4D" stroke-width="0.8">') == 2 and shared.count("<path") == 6
    assert shared.count('stroke="#C0392B" stroke-width="3"/>') == 1  # the outlined one keeps its own
    assert len(shared) < len(drawn)
    assert vlc.svg_to_png(shared) == vlc.svg_to_png(drawn)
