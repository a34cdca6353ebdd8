"""The palette stays readable for colour-blind viewers: simulated protan, deutan and tritan vision.

Simulation: Machado, Oliveira & Fernandes (2009) matrices at full severity, applied in linear RGB;
distance: CIE76 ΔE in CIELAB. ΔE ≥ 20 is a difference anyone sees at a glance on a projector.
"""

from __future__ import annotations

import itertools

import pytest

from dashboard.participation import reach_map as participation_map
from dashboard.core import theme

MACHADO = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}
VISION = ("normal", *MACHADO)


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def seen(hex_colour: str, vision: str) -> tuple[float, float, float]:
    """The colour as CIELAB, as a viewer with `vision` sees it."""
    h = hex_colour.lstrip("#")
    rgb = [_linear(int(h[i:i + 2], 16) / 255) for i in (0, 2, 4)]
    if vision != "normal":
        rgb = [min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb)))) for row in MACHADO[vision]]
    r, g, b = rgb
    xyz = (0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           0.0193 * r + 0.1192 * g + 0.9505 * b)
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
         for t in (xyz[0] / 0.95047, xyz[1], xyz[2] / 1.08883)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def delta_e(a: str, b: str, vision: str) -> float:
    return sum((x - y) ** 2 for x, y in zip(seen(a, vision), seen(b, vision))) ** 0.5


@pytest.mark.parametrize("vision", VISION)
def test_good_bad_and_neutral_stay_apart_for_every_viewer(vision):
    for a, b in itertools.combinations((theme.GOOD, theme.BAD, theme.NEUTRAL), 2):
        assert delta_e(a, b, vision) >= 20, f"{a} and {b} look alike to {vision}: ΔE {delta_e(a, b, vision):.1f}"


def test_the_simulation_does_tell_a_red_green_pair_apart_from_a_safe_one():
    # The check has teeth: classic red/green is the pair deuteranopes confuse, blue/vermillion is not.
    assert delta_e("#D62728", "#2CA02C", "deuteranopia") < 20 < delta_e(theme.BLUE, theme.VERMILLION, "deuteranopia")


@pytest.mark.parametrize("vision", VISION)
def test_the_reach_scale_darkens_step_by_step_for_every_viewer(vision):
    # A sequential scale is read by lightness, which colour-blind viewers see as everyone does.
    for classes in (3, 5):
        lightness = [seen(c, vision)[0] for c in participation_map.class_colours(classes)]
        assert all(later < earlier - 5 for earlier, later in zip(lightness, lightness[1:])), (vision, lightness)
