"""Charts rendered on the server: a Vega-Lite spec (or Altair chart) in, PNG or SVG bytes out.

Used by the briefing (PDF) and by the screens' image downloads, so both show the chart the screen
draws. No Streamlit here. vl-convert runs Vega in an embedded JavaScript engine: the first call
of a process starts it (a few seconds), later calls take a fraction of a second.
"""

from __future__ import annotations

import copy
import struct

import altair as alt
import vl_convert

from dashboard.core import theme

# The screens let charts take the container's width; an image needs a number of pixels.
DEFAULT_WIDTH = 720
PNG_SCALE = 2  # sharp on paper and on a high-density screen
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def static_spec(chart: alt.TopLevelMixin | dict, width: int | None = DEFAULT_WIDTH) -> dict:
    """A self-contained spec with a fixed width and the app's chart theme (a copy: the input is left as is)."""
    if isinstance(chart, dict):
        spec = copy.deepcopy(chart)
    else:
        # The app enables the theme when it starts; the briefing has no app around it.
        theme.apply()
        # The builders' output is validated where the screens draw it; validating it again here
        # costs about 0.1 s a chart.
        spec = chart.to_dict(validate=False)
    if width is not None:  # None: the chart sets its own sizes (a grid of charts)
        _fix_width(spec, width)
    spec.setdefault("background", "white")
    return spec


def _fix_width(spec: dict, width: int) -> None:
    if spec.get("width") == "container" or ("width" not in spec and _is_single_view(spec)):
        spec["width"] = width
    for part in spec.get("layer", ()):
        if part.get("width") == "container":
            part["width"] = width


def _is_single_view(spec: dict) -> bool:
    return not any(key in spec for key in ("hconcat", "vconcat", "concat", "facet", "repeat"))


def png(chart: alt.TopLevelMixin | dict, width: int | None = DEFAULT_WIDTH, scale: float = PNG_SCALE) -> bytes:
    return vl_convert.vegalite_to_png(static_spec(chart, width), scale=scale)


def svg(chart: alt.TopLevelMixin | dict, width: int | None = DEFAULT_WIDTH) -> bytes:
    return vl_convert.vegalite_to_svg(static_spec(chart, width)).encode("utf-8")


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) in pixels, read from the PNG's header."""
    if data[:8] != PNG_SIGNATURE:
        raise ValueError("not a PNG image")
    return struct.unpack(">II", data[16:24])
