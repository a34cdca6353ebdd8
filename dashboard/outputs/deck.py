"""A meeting deck as a URL: `&deck=overview,indicators:288,participation` parsed into slides, the
position in it, and the deck's link (pure: no Streamlit)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from dashboard.core import url_params


PRESENT_KEY, ROTATE_KEY = "present", "rotate"


# The meeting deck, the shown slide's place in it (1-based), and a clicked district or indicator.
DECK_KEY, SLIDE_KEY, DRILL_KEY = "deck", "slide", "drill"


# The longest thing in focus (a district's code, an indicator's number), as the URL parser cuts `drill`.
FOCUS_MAX = url_params.PARAMS[DRILL_KEY].max_length


# The screens a meeting steps through, in order. Data status and the accessibility statement can be
# presented (any screen can), but they are not slides of the meeting: "next" from them starts over.
SEQUENCE = ("overview", "indicators", "participation", "working-groups", "partnerships")


@dataclass(frozen=True)
class DeckSlide:
    """One slide of a meeting deck: a screen's url_path and what it has in focus (or None)."""

    path: str
    focus: str | None = None

    def __str__(self) -> str:
        return self.path if self.focus is None else f"{self.path}:{self.focus}"


def parse_deck(raw: str | None, known: tuple[str, ...]) -> tuple[list[DeckSlide], list[str]]:
    """`overview,indicators:288,participation` as slides in order, and the parts naming no screen.

    Without a deck (None or nothing in it) the deck is every meeting screen (`SEQUENCE`) in order.
    """
    if raw is None or not raw.strip(" ,"):
        return [DeckSlide(p) for p in SEQUENCE if p in known], []
    slides, unknown = [], []
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        path, _, focus = part.partition(":")
        path, focus = path.strip(), focus.strip()
        if path in known and len(focus) <= FOCUS_MAX:
            slides.append(DeckSlide(path, focus or None))
        else:
            unknown.append(part[:40])
    return slides, unknown


def deck_url(slides: list[DeckSlide]) -> str:
    """The `deck` parameter's value for these slides."""
    return ",".join(str(s) for s in slides)


# The screens whose slide can have one thing in focus (the deck builder asks only for these).
FOCUSABLE = ("indicators", "participation", "working-groups", "partnerships")


def deck_link(current_url: str | None, path: str, params: dict[str, str]) -> str:
    """The deck's address: this app's address with the first slide's screen and `params`
    (commas and colons left readable: `deck=overview,indicators:288`)."""
    base = (current_url or "").split("?")[0].split("#")[0]
    root = base.rsplit("/", 1)[0] if base.count("/") > 2 else base.rstrip("/")
    return f"{root}/{path}?" + urlencode(params, safe=",:")


@dataclass(frozen=True)
class Position:
    """Where the shown screen is in the deck: `index` (None when it is not one of its slides), the
    slide before and after it, and what it has in focus."""

    deck: list[DeckSlide]
    index: int | None
    focus: str | None

    def neighbour(self, step: int) -> int:
        if self.index is None:
            return len(self.deck) - 1 if step < 0 else 0
        return (self.index + step) % len(self.deck)


def position(here: str, deck: list[DeckSlide], slide: int | None) -> Position:
    """The shown screen's place in the deck: the `slide` parameter's (1-based, as the URL parser read it)
    when it names this screen, else the screen's first slide in the deck."""
    if slide is not None and 1 <= slide <= len(deck) and deck[slide - 1].path == here:
        return Position(deck, slide - 1, deck[slide - 1].focus)
    for i, s in enumerate(deck):
        if s.path == here:
            return Position(deck, i, s.focus)
    return Position(deck, None, None)
