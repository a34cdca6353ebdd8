"""The product's texts in Finnish, Swedish and English, read from the gettext catalogues in `locales/`.

One catalogue per language, `locales/{fi,sv,en}/LC_MESSAGES/hyte.po`, with today's keys as message ids
(`part.metric.reach`), so a translator opens it in Poedit or Weblate without touching Python. Finnish
is the reference: `make translations` keeps the others in step with it (data_pipeline.translations).
The app (dashboard.core.i18n), the pipeline's messages and the documents all read them here.

Reading is cheap on purpose, since every `hyte` process and the app's cold start pay for it: the
compiled `hyte.mo` beside each `.po` (built by `make`, not committed) is read with the standard
library, one language only when it is needed. Where the `.mo` is missing or older than its `.po` (a
fresh clone, an edited catalogue), the `.po` is read instead, with Babel, and compiled for next time.

A pipeline message is a `Message` (key and parameters) until it is printed, so a problem found before
hyte.toml named the package's language is still shown in that language. The pipeline's language is
`--lang`, else the package's `language`, else the environment (`HYTE_LANG`, then the POSIX locale
variables), else Finnish: `choose_language`.
"""

from __future__ import annotations

import json
import logging
import os
import struct
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
DOMAIN = "hyte"
LOCALES = Path(__file__).resolve().parent.parent / "locales"
# Every catalogue's header says this; `plural_index` is the same rule (one, or other).
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"
# The POSIX variables in the order they decide (the first one set wins); HYTE_LANG comes before them.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def po_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


# --- the catalogues -------------------------------------------------------------------------------

# key -> text, or key -> (one, other) for a message with plural forms.
Entries = dict[str, "str | tuple[str, ...]"]
_LOADED: dict[str, Entries] = {}


def catalogue(lang: str) -> Entries:
    """The entries of one language (loaded on first use; untranslated entries are left out)."""
    entries = _LOADED.get(lang)
    if entries is None:
        entries = _LOADED[lang] = _load(lang) if lang in LANGUAGES else {}
    return entries


def reload() -> None:
    """Forget the loaded catalogues (after `make translations` rewrote them, in a test)."""
    _LOADED.clear()


def _load(lang: str) -> Entries:
    po, mo = po_path(lang), mo_path(lang)
    try:
        if mo.stat().st_mtime >= po.stat().st_mtime:
            return read_mo(mo.read_bytes())
    except FileNotFoundError:
        pass
    log.info("%s is missing or older than %s: reading the .po (make translations compiles it)", mo, po)
    return read_po_and_compile(lang)


def read_po_and_compile(lang: str) -> Entries:
    """The `.po` of `lang` as entries, read with Babel (imported here: only this slower path needs it),
    and compiled to its `.mo` for the next process when the folder is writable."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path(lang).open("rb") as handle:
        po = read_po(handle, locale=lang, domain=DOMAIN)
    entries: Entries = {}
    for message in po:
        if not message.id or message.fuzzy:  # the header; a translation waiting for review (msgfmt's rule)
            continue
        if isinstance(message.id, tuple):
            if any(message.string):
                entries[message.id[0]] = tuple(message.string)
        elif message.string:
            entries[message.id] = message.string
    target = mo_path(lang)
    temp = target.with_name(f".{target.name}.{os.getpid()}")
    try:
        with temp.open("wb") as handle:
            write_mo(handle, po)
        temp.replace(target)  # atomic: a process reading it at the same time sees the old or the new
    except OSError as exc:
        log.info("could not write %s (%s); the .po will be read again next time", target, exc)
        temp.unlink(missing_ok=True)
    return entries


def read_mo(data: bytes) -> Entries:
    """A compiled gettext catalogue (GNU .mo) as entries; the header (empty msgid) is left out."""
    magic = struct.unpack("<I", data[:4])[0]
    order = "<" if magic == 0x950412DE else ">"
    _revision, count, ids_at, strs_at = struct.unpack(f"{order}4I", data[4:20])
    entries: Entries = {}
    for i in range(count):
        id_len, id_at = struct.unpack(f"{order}2I", data[ids_at + 8 * i: ids_at + 8 * i + 8])
        str_len, str_at = struct.unpack(f"{order}2I", data[strs_at + 8 * i: strs_at + 8 * i + 8])
        msgid = data[id_at: id_at + id_len].decode("utf-8")
        if not msgid:
            continue
        text = data[str_at: str_at + str_len].decode("utf-8")
        if "\x00" in msgid:  # key NUL key-plural: the forms are NUL-separated too
            forms = tuple(text.split("\x00"))
            if any(forms):
                entries[msgid.split("\x00")[0]] = forms
        elif text:
            entries[msgid] = text
    return entries


def plural_index(n: int) -> int:
    """Which form `n` takes in fi, sv and en (`plural=(n != 1)`)."""
    return 0 if n == 1 else 1


def grouped(number: int | float) -> str:
    """A whole number with a space between thousands (1 234 567), as in Finnish and Finland Swedish."""
    return f"{number:,.0f}".replace(",", " ")


def _entry(key: str, lang: str):
    entry = catalogue(lang).get(key)
    if entry is None and lang != DEFAULT_LANGUAGE:
        entry = catalogue(DEFAULT_LANGUAGE).get(key)
    return entry


def _format(text: str, fmt: Mapping[str, object], lang: str) -> str:
    if not fmt:
        return text
    return text.format(**{name: _shown(value, lang) for name, value in fmt.items()})


def _shown(value: object, lang: str) -> object:
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, Decimal):
        return format(_Decimal(value.value, lang), f",.{value.places}f")
    if isinstance(value, float):
        return _Decimal(value, lang)
    return value


@dataclass(frozen=True)
class Decimal:
    """A number to show with `places` decimals, as the language writes it (17,5 in Finnish, 17.5 in English)."""

    value: float
    places: int = 1


class _Decimal:
    """A float parameter formatted as `lang` writes it: `{size:.1f}` is 1,5 in Finnish and Swedish,
    1.5 in English (thousands grouped with a space in all three, `{x:,.0f}`)."""

    def __init__(self, value: float, lang: str):
        self.value, self.lang = value, lang

    def __format__(self, spec: str) -> str:
        shown = format(self.value, spec)
        if self.lang == "en":
            return shown.replace(",", " ")
        return shown.replace(",", " ").replace(".", ",")

    def __str__(self) -> str:
        return self.__format__("g")


def translate(key: str, lang: str, /, **fmt: object) -> str:
    """The text for `key` in `lang`, formatted with `fmt`; Finnish if `lang` lacks it, the key itself
    (logged) if Finnish lacks it too: a screen should show a key rather than a traceback."""
    entry = _entry(key, lang)
    if entry is None:
        log.error("missing text key %r", key)
        return key
    if isinstance(entry, tuple):  # a plural message asked for without a count: its general form
        entry = entry[-1]
    return _format(entry, fmt, lang)


def translate_n(key: str, n: int, lang: str, /, **fmt: object) -> str:
    """The form of `key` for the count `n` in `lang` ("1 virhe", "2 virhettä"), formatted with `fmt`;
    `{n}` is the count with its thousands grouped unless `fmt` gives it."""
    entry = _entry(key, lang)
    if entry is None:
        log.error("missing text key %r", key)
        return key
    forms = entry if isinstance(entry, tuple) else (entry,)
    text = forms[min(plural_index(n), len(forms) - 1)] or forms[-1]
    return _format(text, {"n": grouped(n), **fmt}, lang)


def keys(lang: str) -> set[str]:
    """The keys `lang` has a text for."""
    return set(catalogue(lang))


# --- messages kept as keys until they are shown -----------------------------------------------------

@dataclass(frozen=True)
class Message:
    """A text to show later, in whatever language is asked for then: a key and its parameters (which
    may be Messages themselves), with a count when the text has plural forms."""

    key: str
    params: tuple[tuple[str, object], ...] = ()
    n: int | None = None

    def text(self, lang: str | None = None) -> str:
        lang = lang or language()
        params = dict(self.params)
        if self.n is not None:
            return translate_n(self.key, self.n, lang, **params)
        return translate(self.key, lang, **params)

    def __str__(self) -> str:
        return self.text()

    def __contains__(self, part: str) -> bool:  # `"CSV" in problem.message` reads its text
        return part in str(self)

    def __lt__(self, other: object) -> bool:  # problems sort by their text, as they are read
        return str(self) < str(other)

    def param(self, name: str, default: object = None) -> object:
        return dict(self.params).get(name, default)


def msg(key: str, /, **params: object) -> Message:
    """A message to show later: `msg("problem.not_a_number", value=text)`."""
    return Message(key, tuple(params.items()))


def msg_n(key: str, n: int, /, **params: object) -> Message:
    """A message with plural forms, for the count `n`."""
    return Message(key, tuple(params.items()), n)


def text(value: object, lang: str | None = None) -> str:
    """A Message in `lang` (the pipeline's language if none), anything else as `str` gives it."""
    return value.text(lang) if isinstance(value, Message) else str(value)


def joined(parts: list[Message | str]) -> Message | str:
    """Several messages as one ("…; …"), each in the language the whole is shown in."""
    if not parts:
        return ""
    whole = parts[0]
    for part in parts[1:]:
        whole = msg("list.semicolon", first=whole, second=part)
    return whole


# --- messages kept in the store ---------------------------------------------------------------------

def stored(message: Message | str | None) -> str | None:
    """A message as the store keeps it (run log, source freshness, rejected input, change log): its text in
    every language, as JSON, so that each visitor of the data-status screen reads it in theirs, whoever
    made the load. Plain text (an exception's, from an older version) is kept as it is."""
    if not isinstance(message, Message):
        return message
    return json.dumps({lang: message.text(lang) for lang in LANGUAGES}, ensure_ascii=False)


def stored_text(value: str | None, lang: str) -> str:
    """A stored message in `lang` (Finnish if it lacks that language); plain text as it is."""
    if value and value.startswith('{"fi": '):
        try:
            texts = json.loads(value)
        except ValueError:
            return value
        if isinstance(texts, dict):
            return texts.get(lang) or texts.get(DEFAULT_LANGUAGE) or value
    return value or ""


# --- the pipeline's language ------------------------------------------------------------------------

# The language fixed for a block (`speaking`) in this thread or task; None: the process's own.
_SPOKEN: ContextVar[str | None] = ContextVar("hyte_language", default=None)
_PROCESS: list[str | None] = [None]  # set_language; None: from the environment on first use


def spoken() -> str | None:
    """The language fixed by the innermost `speaking` block of this thread, if any."""
    lang = _SPOKEN.get()
    return lang if lang in LANGUAGES else None


def language() -> str:
    """The language messages are shown in now: `speaking`'s, else the process's (`set_language`),
    else the environment's, else Finnish."""
    spoken = _SPOKEN.get()
    if spoken in LANGUAGES:
        return spoken
    if _PROCESS[0] is None:
        _PROCESS[0] = language_from_env() or DEFAULT_LANGUAGE
    return _PROCESS[0]


def set_language(lang: str) -> None:
    """The process's language (the `hyte` command sets it once it knows it)."""
    _PROCESS[0] = lang if lang in LANGUAGES else DEFAULT_LANGUAGE


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Within the block, messages are shown in `lang` (in this thread only)."""
    token = _SPOKEN.set(lang)
    try:
        yield
    finally:
        _SPOKEN.reset(token)


def locale_language(value: str | None) -> str | None:
    """`sv_FI.UTF-8`, `sv-FI`, `sv` → "sv"; None for a language the product does not speak (or C)."""
    code = (value or "").split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def language_from_env(env: Mapping[str, str] | None = None) -> str | None:
    """HYTE_LANG, else the POSIX locale (LC_ALL, LC_MESSAGES, LANG: the first one set decides)."""
    env = os.environ if env is None else env
    chosen = locale_language(env.get("HYTE_LANG"))
    if chosen:
        return chosen
    for name in LOCALE_VARIABLES:
        if env.get(name):
            return locale_language(env[name])
    return None


def package_languages(value: object) -> tuple[str, ...]:
    """hyte.toml's `language` (`"sv"` or `["sv", "fi"]`) as a tuple, primary first; () if unusable."""
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return tuple(dict.fromkeys(item for item in items if isinstance(item, str) and item in LANGUAGES))


def choose_language(asked: str | None = None, package: tuple[str, ...] = (),
                    env: Mapping[str, str] | None = None) -> str:
    """`--lang`, else the package's primary language, else the environment's, else Finnish."""
    if asked in LANGUAGES:
        return asked
    if package:
        return package[0]
    return language_from_env(env) or DEFAULT_LANGUAGE
