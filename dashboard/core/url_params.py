"""Every URL parameter the app reads, declared once, and the one parser for them (pure: no Streamlit).

A link is typed, copied, cut short and edited by people, and sometimes made by someone hostile. Whatever
text a parameter holds, `parse` turns it into a valid value or refuses it with `Refused` (a ValueError the
caller names on screen); it never raises anything else. Numbers are ASCII digits only (`str.isdigit`
takes '²', which `int()` refuses) and within bounds; codes must be among those on offer.

The screens, the sidebar's filters, the deck and the slides read their parameters only through here, and
the tests throw arbitrary text at every parameter in `PARAMS`, so a new parameter cannot be missed:
reading one that is not declared here is an error in every test that opens its screen.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

# How a value is read: one code, a comma-separated list of codes, a whole number, 0/1, a piece of text, or
# the meeting deck (`overview,indicators:288`, whose parts are checked by dashboard/outputs/deck.py).
CODE, CODES, NUMBER, FLAG, TEXT, DECK = "code", "codes", "number", "flag", "text", "deck"
# Longest value read at all: anything longer is refused before it is looked at.
MAX_LENGTH = 400


class Refused(ValueError):
    """A parameter's value that cannot be used; the screen says so and shows its default instead."""


@dataclass(frozen=True)
class Param:
    key: str
    kind: str
    low: int = 0            # NUMBER: the smallest and largest value accepted
    high: int = 10**6
    max_length: int = 40    # TEXT: longer text is cut to this


PARAMS: dict[str, Param] = {p.key: p for p in (
    # the language and the sidebar's filters (dashboard/core/filters.py, url_state.language_selector)
    Param("lang", CODE),
    Param("age", CODE),
    Param("district", CODE),
    Param("from", NUMBER, 1900, 2100),
    Param("to", NUMBER, 1900, 2100),
    # the indicator screen
    Param("area", CODE),
    Param("view", CODE),
    Param("indicator", NUMBER, 1, 10**6),
    # participation
    Param("ptype", CODES),
    Param("plevel", CODES),
    Param("pdept", CODES),
    Param("pevents", FLAG),
    Param("pdistrict", CODE),
    # working groups
    Param("wg_year", NUMBER, 1900, 2100),
    # partnerships: kinds, the name search, the knowledge section's area
    Param("kind", CODES),
    Param("q", TEXT, max_length=80),
    Param("ngo_area", CODE),
    # the register editors: the register open in the editor
    Param("register", CODE),
    # presenting (dashboard/outputs/presenting.py, deck.py)
    Param("present", FLAG),
    Param("rotate", NUMBER, 3, 3600),
    Param("deck", DECK, max_length=MAX_LENGTH),
    Param("slide", NUMBER, 1, 100),
    Param("drill", TEXT),
    # signing in (dashboard/access/session.py): a public link's token and the sign-in's outcome
    Param("public", TEXT, max_length=200),
    Param("signin", CODE),
)}


def parse(key: str, raw: str, allowed: Collection | None = None):
    """`raw` (the URL's text for `key`) as the value the screen uses, or `Refused`.

    `allowed` is what the screen offers: codes for CODE and CODES, numbers for NUMBER (None: any number
    within the parameter's bounds). A CODES value comes back as a list in the order of `allowed`.
    KeyError for a parameter not declared in PARAMS: declare it there first.
    """
    param = PARAMS[key]
    if not isinstance(raw, str) or len(raw) > max(MAX_LENGTH, param.max_length):
        raise Refused(f"{key}: too long")
    if param.kind == NUMBER:
        value = number(raw, param.low, param.high)
        if value is None or (allowed is not None and value not in allowed):
            raise Refused(f"{key}: {raw!r} is not on offer")
        return value
    if param.kind == FLAG:
        if raw not in ("0", "1"):
            raise Refused(f"{key}: {raw!r} is neither 0 nor 1")
        return raw == "1"
    if param.kind == CODE:
        if allowed is None or raw not in allowed:
            raise Refused(f"{key}: {raw!r} is not on offer")
        return raw
    if param.kind == CODES:
        chosen = [c for c in raw.split(",") if c]
        offered = tuple(allowed or ())
        if not chosen or any(c not in offered for c in chosen):
            raise Refused(f"{key}: {raw!r} is not a list of codes on offer")
        return [c for c in offered if c in chosen]
    return clean_text(raw)[:param.max_length]  # TEXT and DECK: the reader checks the deck's parts


def number(raw: str, low: int, high: int) -> int | None:
    """`raw` as a whole number within [low, high], or None: ASCII digits only, no sign, no spaces."""
    if not (raw.isascii() and raw.isdigit()) or len(raw) > len(str(high)):
        return None
    value = int(raw)
    return value if low <= value <= high else None


def clean_text(raw: str) -> str:
    """Text without control characters (a link's text is shown, never interpreted)."""
    return "".join(ch for ch in raw if ch.isprintable())


def echo(raw: str, limit: int = 40) -> str:
    """A refused value as it may be shown back: printable, and cut short."""
    shown = clean_text(raw)
    return shown[:limit] + ("…" if len(shown) > limit else "")
