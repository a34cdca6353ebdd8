"""Keeps the catalogues in step (`make translations`): references, Swedish and English against Finnish,
compiled `.mo` files. Also the checks the tests run on them.

Finnish (`locales/fi/LC_MESSAGES/hyte.po`) is the reference. Each Swedish and English entry keeps the
Finnish it was translated from as an extracted comment, `#. fi: …` (shown to the translator in Poedit
and Weblate). When the Finnish changes, `refresh` marks the translation `#, fuzzy` and notes the
earlier Finnish (`#. fi was: …`); the translator updates it and clears the flag. A key new in Finnish
gets an empty entry in the others; a key gone from Finnish is dropped everywhere. `#: file:line`
references say where the code uses a key (its quoted literal); keys built at run time (`f"run.{status}"`)
have none.

    python -m data_pipeline.translations            refresh references, notes, flags; compile
    python -m data_pipeline.translations compile    compile the .mo files only (make does this)
    python -m data_pipeline.translations check      list what is missing, stale or fuzzy; exit 1 if any
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from data_pipeline.i18n import DEFAULT_LANGUAGE, DOMAIN, LANGUAGES, LOCALES, PLURAL_FORMS, mo_path, po_path

ROOT = LOCALES.parent
# Where the code that uses the keys lives (relative to the repository root).
SOURCE_DIRS = ("dashboard", "data_pipeline", "pages")
PROJECT = "HYTE dashboard"
NOTE = "fi: "  # the Finnish a translation was made from; "fi[0]: ", "fi[1]: " for plural forms
WAS = "fi was: "
_FIELD = re.compile(r"(?<!\{)\{([a-zA-Z_][a-zA-Z0-9_]*)[^{}]*\}(?!\})")
LANGUAGE_NAMES = {"fi": "Finnish", "sv": "Swedish", "en": "English"}


# --- reading and writing ----------------------------------------------------------------------------

def load(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.is_file():
        return new_catalogue(lang)
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def new_catalogue(lang: str, creation_date: dt.datetime | None = None) -> Catalog:
    stamp = creation_date or dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    catalogue = Catalog(locale=lang, domain=DOMAIN, project=PROJECT, version="1", fuzzy=False,
                   header_comment=f"# {LANGUAGE_NAMES[lang]} texts of the {PROJECT} (app, pipeline, documents).\n"
                                  "# Message ids are keys; Finnish is the reference. Refresh with: make translations",
                   creation_date=stamp, revision_date=stamp, language_team=LANGUAGE_NAMES[lang],
                   last_translator="HYTE team")
    catalogue.msgid_bugs_address = "the project's issue tracker"
    return catalogue


def save(catalogue: Catalog, lang: str) -> None:
    """Write the `.po`, entries sorted by key, a header fixed apart from its language (no dates that
    change on every run: a diff shows only what changed)."""
    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    out = new_catalogue(lang)
    for message in sorted((m for m in catalogue if m.id), key=lambda m: _key(m)):
        out[message.id] = message
    with path.open("wb") as handle:
        write_po(handle, out, width=100, sort_output=False, ignore_obsolete=True)


def compile_mo(lang: str, catalogue: Catalog | None = None) -> None:
    catalogue = catalogue if catalogue is not None else load(lang)
    target = mo_path(lang)
    temp = target.with_name(f".{target.name}.tmp")
    with temp.open("wb") as handle:
        write_mo(handle, catalogue)
    temp.replace(target)


def _key(message: Message) -> str:
    return message.id[0] if isinstance(message.id, tuple) else message.id


def _forms(message: Message) -> tuple[str, ...]:
    return tuple(message.string) if isinstance(message.string, (tuple, list)) else (message.string or "",)


def source_notes(fi: Message) -> list[str]:
    """The `#. fi: …` comment lines that record the Finnish of a translation."""
    forms = _forms(fi)
    if len(forms) == 1:
        return [NOTE + _one_line(forms[0])]
    return [f"fi[{i}]: {_one_line(form)}" for i, form in enumerate(forms)]


def _one_line(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n")


_NOTE_START = re.compile(r"fi(\[\d\]| was)?: ")


def notes(message: Message) -> list[str]:
    """The extracted comments as written, rejoined: gettext tools wrap a long comment over several `#.`
    lines (as xgettext does), so a line that does not start a note continues the one before."""
    out: list[str] = []
    for line in message.auto_comments:
        if out and not _NOTE_START.match(line):
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def _plain(text: str) -> str:
    return " ".join(text.split())  # wrapping only moves spaces: compare the words


def recorded_source(message: Message) -> list[str]:
    """The Finnish a translation says it was made from (its `fi:` notes), spacing normalised."""
    return [_plain(c) for c in notes(message) if c.startswith(NOTE) or re.match(r"fi\[\d\]: ", c)]


def fields(text: str) -> set[str]:
    """The named `{fields}` of a text (`{{` is a literal brace)."""
    return set(_FIELD.findall(text))


# --- references -------------------------------------------------------------------------------------

def references(keys: set[str], root: Path = ROOT) -> dict[str, list[tuple[str, int]]]:
    """key -> [(file, line)] for every string literal in the code that is exactly a key."""
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for folder in SOURCE_DIRS:
        for path in sorted((root / folder).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            if "/migrations/" in relative:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=relative)
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in keys:
                    found[node.value].append((relative, node.lineno))
    return {key: sorted(set(places)) for key, places in found.items()}


# --- refresh ----------------------------------------------------------------------------------------

def refresh(root: Path = ROOT) -> dict[str, int]:
    """References, notes and fuzzy flags brought up to date, the catalogues rewritten and compiled;
    returns how many translations each language had marked fuzzy now."""
    fi = load(DEFAULT_LANGUAGE)
    reference = {_key(m): m for m in fi if m.id}
    places = references(set(reference), root)
    fuzzy: dict[str, int] = {}
    for message in reference.values():
        _describe(message, places.get(_key(message), []), message)
        message.auto_comments = []
        message.flags.discard("fuzzy")
    save(fi, DEFAULT_LANGUAGE)
    compile_mo(DEFAULT_LANGUAGE, fi)
    for lang in LANGUAGES:
        if lang == DEFAULT_LANGUAGE:
            continue
        catalogue = load(lang)
        have = {_key(m): m for m in catalogue if m.id}
        out = new_catalogue(lang)
        for key, source in reference.items():
            message = _translation(have.get(key), source)
            _describe(message, places.get(key, []), source)
            out[message.id] = message
        fuzzy[lang] = sum(1 for m in out if m.id and m.fuzzy)
        save(out, lang)
        compile_mo(lang, out)
    return fuzzy


def _translation(message: Message | None, source: Message) -> Message:
    """`message` (a translation, or None when the key is new) against its Finnish `source`."""
    wanted = source_notes(source)
    plural = isinstance(source.id, tuple)
    if message is None or isinstance(message.id, tuple) != plural:
        empty = ("",) * len(_forms(source)) if plural else ""
        return Message(source.id, empty, auto_comments=wanted)
    recorded = recorded_source(message)
    current = [_plain(note) for note in wanted]
    if message.id != source.id:  # a plural's second id changed: keep the texts, take the new ids
        message = Message(source.id, message.string, flags=message.flags, auto_comments=message.auto_comments,
                          user_comments=message.user_comments)
    if recorded and recorded != current:
        # The Finnish changed since this was translated: the translator sees what it was and what it is.
        was = [WAS + line.split(": ", 1)[1] for line in recorded]
        message.flags.add("fuzzy")
        message.auto_comments = wanted + was
    elif not recorded:
        message.auto_comments = wanted
    elif "fuzzy" in message.flags:
        message.auto_comments = wanted + [c for c in notes(message) if c.startswith(WAS)]
    else:
        message.auto_comments = wanted  # reviewed: the earlier Finnish is no longer needed
    return message


def _describe(message: Message, places: list[tuple[str, int]], source: Message) -> None:
    message.locations = places
    if any(fields(form) for form in _forms(source)):
        message.flags.add("python-brace-format")
    else:
        message.flags.discard("python-brace-format")


# --- checks (the tests run these) -------------------------------------------------------------------

def check() -> list[str]:
    """Everything wrong with the catalogues, one line each: a header without its language or plural
    forms, a key missing or untranslated in a language, a translation marked fuzzy or made from a
    Finnish text that has changed since, a translation whose `{fields}` differ from the Finnish."""
    problems: list[str] = []
    catalogues = {lang: load(lang) for lang in LANGUAGES}
    for lang, catalogue in catalogues.items():
        if str(catalogue.locale) != lang or catalogue.plural_forms != PLURAL_FORMS:
            problems.append(f"{lang}: the header must say Language: {lang} and Plural-Forms: {PLURAL_FORMS}")
    reference = {_key(m): m for m in catalogues[DEFAULT_LANGUAGE] if m.id}
    for key, source in reference.items():
        if not all(_forms(source)):
            problems.append(f"fi: {key}: no Finnish text")
    for lang in LANGUAGES:
        if lang == DEFAULT_LANGUAGE:
            continue
        have = {_key(m): m for m in catalogues[lang] if m.id}
        for key in sorted(set(have) - set(reference)):
            problems.append(f"{lang}: {key}: not in the Finnish catalogue (make translations drops it)")
        for key, source in reference.items():
            problems.extend(f"{lang}: {key}: {why}" for why in _translation_problems(have.get(key), source))
    return problems


def _translation_problems(message: Message | None, source: Message) -> Iterable[str]:
    if message is None:
        yield "missing (make translations adds it, then translate it)"
        return
    forms, source_forms = _forms(message), _forms(source)
    if len(forms) != len(source_forms) or not all(forms):
        yield "not translated"
        return
    if message.fuzzy:
        yield "marked fuzzy: the Finnish changed; update the translation and clear the flag"
    elif recorded_source(message) != [_plain(note) for note in source_notes(source)]:
        yield ("stale: translated from a Finnish text that has changed since (make translations marks it "
               "fuzzy)")
    # A plural form may leave the count out ("the only row"); every other field must be kept, and no new one.
    count = {"n"} if len(source_forms) > 1 else set()
    for form, original in zip(forms, source_forms):
        if fields(form) - count != fields(original) - count or not fields(form) <= fields(original) | count:
            yield f"fields {sorted(fields(form))} differ from the Finnish {sorted(fields(original))}"


def main(argv: list[str] | None = None) -> int:
    command = (argv if argv is not None else sys.argv[1:]) or ["refresh"]
    if command[0] == "compile":
        for lang in LANGUAGES:
            compile_mo(lang)
        return 0
    if command[0] == "check":
        problems = check()
        print("\n".join(problems) or "The catalogues are complete and current.")
        return 1 if problems else 0
    if command[0] == "refresh":
        fuzzy = refresh()
        for lang in LANGUAGES:
            entries = sum(1 for m in load(lang) if m.id)
            waiting = f", {fuzzy[lang]} marked fuzzy (the Finnish changed)" if fuzzy.get(lang) else ""
            print(f"{po_path(lang).relative_to(ROOT)}: {entries} entries{waiting}")
        problems = check()
        if problems:
            print(f"{len(problems)} to translate or review (python -m data_pipeline.translations check)")
        return 0
    print(__doc__)
    return 64


if __name__ == "__main__":
    sys.exit(main())
