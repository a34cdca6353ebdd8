"""Edits of `hyte.toml` that keep the file as its author wrote it: comments, order and layout.

The plan screen changes the plan (its name and years, the priority areas, the indicators and their
targets) through these functions; each takes the file's text and returns the new text, changing only
the keys it is asked to (tomlkit keeps everything else byte for byte). Nothing here checks the result:
the new text is validated exactly as `hyte check` validates a package (config.read_config and the
package build, run by the write process in data_pipeline.load.plan), so there is one set of rules.
Numbers are typed as a Finn types them ("8,5", "1 234,5"): `parse_number` reads them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

import tomlkit
from tomlkit.items import AoT, Table, Whitespace

from data_pipeline.i18n import Message, msg

LANGS = ("fi", "sv", "en")
# The keys of an [[indicators]] entry the plan screen edits, in the order a new entry writes them.
INDICATOR_KEYS = ("priority_area", "age_group", "direction", "target", "target_year")


class NotANumber(ValueError):
    """A number field held something else; `message` says what to type."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


def parse_number(text: str | None) -> float | None:
    """A number as a Finn types it: decimal comma or point, spaces (also no-break) between thousands,
    a minus sign or hyphen; "" is no number. Raise NotANumber saying what to type otherwise."""
    if text is None:
        return None
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", str(text)).replace("\u2212", "-")
    if not cleaned:
        return None
    if re.fullmatch(r"-?\d+([.,]\d+)?", cleaned) is None:
        raise NotANumber(msg("plan.error.not_a_number", value=str(text).strip()))
    return float(cleaned.replace(",", "."))


def parse_year(text: str | int | None) -> int | None:
    """A year typed in a field: four digits, or nothing."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    cleaned = str(text).strip()
    if not re.fullmatch(r"\d{4}", cleaned):
        raise NotANumber(msg("plan.error.not_a_year", value=cleaned))
    return int(cleaned)


def load(text: str) -> tomlkit.TOMLDocument:
    return tomlkit.parse(text)


def dump(doc: tomlkit.TOMLDocument) -> str:
    return tomlkit.dumps(doc)


def _set(table, key: str, value) -> None:
    """Set `key`, or remove it when `value` is None or blank (an optional key left empty)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if key in table:
            del table[key]
        return
    table[key] = value.strip() if isinstance(value, str) else value


def _section(doc, name: str) -> Table:
    if name not in doc:
        doc.add(name, tomlkit.table())
    return doc[name]


def set_plan(text: str, names: Mapping[str, str | None], start_year: int | None, end_year: int | None,
             flag_after_days: int | None = None, stale_after_days: int | None = None) -> str:
    """The plan's name in each language, its years and how long a measure may go without an update."""
    doc = load(text)
    plan = _section(doc, "plan")
    for lang in LANGS:
        _set(plan, f"name_{lang}", names.get(lang))
    _set(plan, "start_year", start_year)
    _set(plan, "end_year", end_year)
    _set(plan, "measure_flag_days", flag_after_days)
    _set(plan, "measure_stale_days", stale_after_days)
    return dump(doc)


def _entries(doc, name: str) -> list:
    value = doc.get(name)
    return list(value) if isinstance(value, (AoT, list)) else []


def _append(doc, name: str, table: Table) -> None:
    """A new [[name]] entry after the last one (or at the end of the file), set off by a blank line."""
    entries = doc.get(name)
    previous = entries[-1] if isinstance(entries, AoT) and len(entries) else None
    body = previous.value.body if previous is not None else []
    if previous is not None and not (body and isinstance(body[-1][1], Whitespace)):
        table.trivia.indent = "\n"
    table.add(tomlkit.nl())
    if isinstance(entries, AoT):
        entries.append(table)
    else:
        doc.append(name, tomlkit.aot())
        doc[name].append(table)


def area_code(name_fi: str, taken: set[str]) -> str:
    """A code for a new priority area from its Finnish name ("Liikkuminen ja luonto" -> liikkuminen_ja_luonto),
    unique among `taken`. The code never changes afterwards, so a rename keeps every reference."""
    plain = unicodedata.normalize("NFKD", name_fi.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    base = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")
    if len(base) > 24:  # cut at a word's end where one is near
        base = base[:25].rsplit("_", 1)[0] if "_" in base[:25] else base[:24]
    base = base or "painopiste"
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code


def area_codes(text: str) -> list[str]:
    return [str(e.get("code")) for e in _entries(load(text), "priority_areas")]


def set_area(text: str, code: str, names: Mapping[str, str | None]) -> str:
    """The names of the priority area `code` (added at the end when there is none): its code stays, so
    the indicators, goals and registers that name it keep pointing at it."""
    doc = load(text)
    entry = next((e for e in _entries(doc, "priority_areas") if str(e.get("code")) == code), None)
    if entry is None:
        entry = tomlkit.table()
        entry.add("code", code)
        for lang in LANGS:
            if names.get(lang):
                entry.add(f"name_{lang}", names[lang].strip())
        _append(doc, "priority_areas", entry)
        return dump(doc)
    for lang in LANGS:
        _set(entry, f"name_{lang}", names.get(lang))
    return dump(doc)


def remove_area(text: str, code: str) -> str:
    """The priority area `code` taken out (an indicator or goal still naming it makes the check refuse)."""
    doc = load(text)
    entries = doc.get("priority_areas")
    if isinstance(entries, AoT):
        keep = [i for i, e in enumerate(entries) if str(e.get("code")) == code]
        for i in reversed(keep):
            del entries[i]
    return dump(doc)


def set_indicator(text: str, indicator_id: int, values: Mapping[str, object], title: str | None = None) -> str:
    """The [[indicators]] entry of `indicator_id` with `values` (keys of INDICATOR_KEYS; None removes the
    key); a new entry at the end when the plan has none, its title as the header's comment."""
    doc = load(text)
    entry = next((e for e in _entries(doc, "indicators") if e.get("id") == indicator_id), None)
    if entry is None:
        entry = tomlkit.table()
        if title:
            entry.comment(title.replace("\n", " ")[:120])
        entry.add("id", indicator_id)
        for key in INDICATOR_KEYS:
            if values.get(key) not in (None, ""):
                entry.add(key, values[key])
        _append(doc, "indicators", entry)
        return dump(doc)
    for key in INDICATOR_KEYS:
        if key in values:
            _set(entry, key, values[key])
    return dump(doc)


def remove_indicator(text: str, indicator_id: int) -> str:
    doc = load(text)
    entries = doc.get("indicators")
    if isinstance(entries, AoT):
        for i in reversed([i for i, e in enumerate(entries) if e.get("id") == indicator_id]):
            del entries[i]
    return dump(doc)
