"""The one palette (Okabe–Ito, safe for colour-blind viewers) and the chart theme every chart uses.

Good is blue and bad is orange-red, never green against red: the pair stays distinct for
red-green colour blindness and in greyscale on a washed-out projector. Colour always comes with
text or a symbol, never alone. `.streamlit/config.toml` holds the same colours for Streamlit's
own elements.
"""

from __future__ import annotations

import altair as alt

# Okabe & Ito (2008), "Color Universal Design".
BLUE = "#0072B2"
VERMILLION = "#D55E00"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
REDDISH_PURPLE = "#CC79A7"
GREY = "#6B6B6B"
TEXT = "#1A1A2E"

# Categorical order for series: the first colours are the most distinct on a projector.
CATEGORICAL = (BLUE, ORANGE, BLUISH_GREEN, VERMILLION, SKY_BLUE, REDDISH_PURPLE, YELLOW, GREY)
GOOD = BLUE
BAD = VERMILLION
NEUTRAL = GREY

# Streamlit's named colours (badges, coloured Markdown) mapped to meanings; config.toml sets
# blueColor/orangeColor to GOOD/BAD so the names and the charts agree.
BADGE_GOOD = "blue"
BADGE_BAD = "orange"
BADGE_NEUTRAL = "gray"

FONT = "Source Sans Pro, sans-serif"
_THEME_NAME = "hyte"


def _chart_theme() -> alt.theme.ThemeConfig:
    # Large type: the charts are read from the back of a meeting room.
    return {
        "config": {
            "range": {"category": list(CATEGORICAL)},
            "font": FONT,
            "axis": {"labelFontSize": 15, "titleFontSize": 16, "labelColor": TEXT, "titleColor": TEXT},
            "legend": {"labelFontSize": 15, "titleFontSize": 16},
            "title": {"fontSize": 20, "color": TEXT},
            "view": {"stroke": None},
        }
    }


def apply() -> None:
    """Make the palette Altair's default (idempotent: safe on every rerun)."""
    if alt.theme.active == _THEME_NAME:
        return  # every rerun: alt.theme.names() reads the installed packages' entry points (~8 ms)
    if _THEME_NAME not in alt.theme.names():
        alt.theme.register(_THEME_NAME, enable=False)(_chart_theme)
    if alt.theme.active != _THEME_NAME:
        alt.theme.enable(_THEME_NAME)
