"""One way to make a PDF: a Typst template beside its data (JSON) and its pictures (PNG files), typeset as a
tagged PDF/UA-1 (document language, title, headings as bookmarks, alt text) with Finnish and Swedish
hyphenation, in DejaVu Sans (Debian's fonts-dejavu-core: ä, ö, å and the texts' typography: –, −, ≥, “”, ✓).
The briefing, the deck and the council report are made by it."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path

import typst

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}


def missing_fonts() -> list[str]:
    """The PDF font files not installed (empty when a document can be made)."""
    return [name for name in FONT_FILES.values() if not (FONT_DIR / name).is_file()]


def typeset(template: Path, fill: Callable[[Path], dict]) -> bytes:
    """The PDF of `template` (a .typ file reading `<its stem>.json` beside it): `fill(folder)` writes the
    pictures the document names into the working folder and returns the data."""
    missing = missing_fonts()
    if missing:
        raise FileNotFoundError(f"fonts {', '.join(missing)} not found in {FONT_DIR}: install Debian's fonts-dejavu-core")
    with tempfile.TemporaryDirectory(prefix=f"hyte-{template.stem}-") as folder:
        root = Path(folder)
        data = fill(root)
        (root / f"{template.stem}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        (root / template.name).write_text(template.read_text(encoding="utf-8"), encoding="utf-8")
        return typst.compile(str(root / template.name), root=str(root), font_paths=[str(FONT_DIR)],
                             ignore_system_fonts=True, pdf_standards=["ua-1"])


def write_pictures(root: Path, stem: str, pictures: list[bytes]) -> None:
    """PNG pictures as `<stem>-1.png`, `<stem>-2.png`, … in the working folder."""
    for i, png in enumerate(pictures, start=1):
        (root / f"{stem}-{i}.png").write_bytes(png)
