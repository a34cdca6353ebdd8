"""The translation catalogues (locales/{fi,sv,en}/LC_MESSAGES/hyte.po): complete, current, used as the code
uses them, and read the same from the compiled `.mo` as from the `.po`; no `"fi / en"` text left in code."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from data_pipeline import i18n
from data_pipeline import translations as T

ROOT = Path(__file__).parents[2]


def test_every_key_is_in_every_language_and_current():
    # Missing or untranslated in a language, marked fuzzy, translated from a Finnish text that has changed
    # since, fields ({n}, {file}) that differ from the Finnish, a header without Language or Plural-Forms.
    assert T.check() == []


def test_headers_name_the_language_and_the_plural_forms():
    for lang in i18n.LANGUAGES:
        text = i18n.po_path(lang).read_text(encoding="utf-8")
        assert f'"Language: {lang}\\n"' in text
        assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in text


def test_each_translation_records_the_finnish_it_was_made_from_and_where_the_code_uses_it():
    with i18n.po_path("sv").open("rb") as handle:
        sv = {m.id if isinstance(m.id, str) else m.id[0]: m for m in read_po(handle) if m.id}
    date = sv["problem.no_such_date"]
    assert date.string == "datumet finns inte: '{value}'"
    assert T.notes(date) == ["fi: päivämäärää ei ole olemassa: '{value}'"]
    assert ("data_pipeline/inputs/validate.py", _line_of("data_pipeline/inputs/validate.py",
                                                         '"problem.no_such_date"')) in date.locations
    # Poedit and Weblate check the {fields} of a text flagged so (Babel itself reads the flag from the msgid).
    assert "#, python-brace-format\nmsgid \"problem.no_such_date\"" in i18n.po_path("sv").read_text(encoding="utf-8")
    plural = sv["cli.rejected"]
    assert plural.string == ("Avvisat: {n} fel; {kept}.", "Avvisat: {n} fel; {kept}.")
    assert T.notes(plural) == ["fi[0]: Hylätty: {n} virhe; {kept}.", "fi[1]: Hylätty: {n} virhettä; {kept}."]


def _line_of(relative: str, text: str) -> int:
    return next(number for number, line in enumerate((ROOT / relative).read_text(encoding="utf-8").splitlines(), 1)
                if text in line)


@pytest.fixture
def locales(tmp_path, monkeypatch):
    """A copy of the catalogues to change, read instead of the real ones."""
    copy = tmp_path / "locales"
    shutil.copytree(i18n.LOCALES, copy)
    monkeypatch.setattr(i18n, "LOCALES", copy)
    i18n.reload()
    yield copy
    i18n.reload()


def _set_finnish(locales: Path, key: str, old: str, new: str) -> None:
    path = locales / "fi" / "LC_MESSAGES" / "hyte.po"
    text = path.read_text(encoding="utf-8")
    entry = f'msgid "{key}"\nmsgstr "{old}"'
    assert entry in text
    path.write_text(text.replace(entry, f'msgid "{key}"\nmsgstr "{new}"'), encoding="utf-8")


def test_a_changed_finnish_text_makes_its_translations_stale_then_fuzzy_until_reviewed(locales):
    _set_finnish(locales, "problem.column_twice", "sarake on kahdesti", "sama sarake on kahdesti")
    # Before `make translations`: the Swedish and English still say they were made from the old Finnish.
    assert T.check() == [
        "sv: problem.column_twice: stale: translated from a Finnish text that has changed since "
        "(make translations marks it fuzzy)",
        "en: problem.column_twice: stale: translated from a Finnish text that has changed since "
        "(make translations marks it fuzzy)"]

    assert T.refresh(ROOT) == {"sv": 1, "en": 1}  # `make translations`
    assert T.check() == [
        "sv: problem.column_twice: marked fuzzy: the Finnish changed; update the translation and clear the flag",
        "en: problem.column_twice: marked fuzzy: the Finnish changed; update the translation and clear the flag"]
    text = (locales / "sv" / "LC_MESSAGES" / "hyte.po").read_text(encoding="utf-8")
    assert ("#. fi: sama sarake on kahdesti\n#. fi was: sarake on kahdesti\n"
            '#: data_pipeline/inputs/validate.py') in text
    # A fuzzy translation is not used: the Finnish is shown until someone has looked at it.
    i18n.reload()
    assert i18n.translate("problem.column_twice", "sv") == "sama sarake on kahdesti"

    # The translator updates the Swedish and clears the flag (as Poedit does); the English too.
    for lang, new in (("sv", "samma kolumn finns två gånger"), ("en", "the same column appears twice")):
        path = locales / lang / "LC_MESSAGES" / "hyte.po"
        po = path.read_text(encoding="utf-8")
        start = po.index('msgid "problem.column_twice"')
        head, tail = po[:start], po[start:]
        head = head[:head.rindex("#, fuzzy")] + head[head.rindex("#, fuzzy"):].replace("#, fuzzy\n", "", 1)
        old_text = tail.split("\n")[1]
        path.write_text(head + tail.replace(old_text, f'msgstr "{new}"', 1), encoding="utf-8")
    T.refresh(ROOT)
    assert T.check() == []
    assert "fi was:" not in (locales / "sv" / "LC_MESSAGES" / "hyte.po").read_text(encoding="utf-8")
    i18n.reload()
    assert i18n.translate("problem.column_twice", "sv") == "samma kolumn finns två gånger"


def test_a_key_missing_in_a_language_fails_the_check(locales):
    path = locales / "en" / "LC_MESSAGES" / "hyte.po"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('msgstr "column appears twice"', 'msgstr ""'), encoding="utf-8")
    assert T.check() == ["en: problem.column_twice: not translated"]


def test_the_compiled_catalogue_says_what_the_po_says(locales):
    for lang in i18n.LANGUAGES:
        from_mo = i18n.read_mo(i18n.mo_path(lang).read_bytes())
        i18n.mo_path(lang).unlink()  # a fresh clone: the .po is read, and compiled for the next process
        i18n.reload()
        assert i18n.catalogue(lang) == from_mo
        assert i18n.mo_path(lang).is_file() and i18n.read_mo(i18n.mo_path(lang).read_bytes()) == from_mo


def test_plural_forms_follow_the_count_in_every_language():
    one = {lang: i18n.translate_n("cli.rejected", 1, lang, kept="x") for lang in i18n.LANGUAGES}
    many = {lang: i18n.translate_n("cli.rejected", 1234, lang, kept="x") for lang in i18n.LANGUAGES}
    assert one == {"fi": "Hylätty: 1 virhe; x.", "sv": "Avvisat: 1 fel; x.", "en": "Rejected: 1 problem; x."}
    assert many == {"fi": "Hylätty: 1 234 virhettä; x.", "sv": "Avvisat: 1 234 fel; x.",
                    "en": "Rejected: 1 234 problems; x."}


def test_a_message_is_put_into_words_in_the_language_asked_for():
    message = i18n.msg("problem.not_a_choice", value="party", choices="popup, survey")
    assert message.text("fi") == "'party' ei ole sallittu; käytä: popup, survey"
    assert message.text("sv") == "'party' är inte tillåtet; använd: popup, survey"
    with i18n.speaking("en"):
        assert str(message) == "'party' is not allowed; use: popup, survey"
    nested = i18n.msg("problem.reference_rejected", kind=i18n.msg("reference.district"), code="9", file="d.csv",
                      line=3)
    assert nested.text("sv").startswith("området '9' finns i d.csv")
    size = i18n.msg("problem.file_too_large", size=20.04, limit=20)
    assert (size.text("fi"), size.text("en")) == ("tiedosto on liian suuri (20,0 Mt, enintään 20 Mt)",
                                                  "file too large (20.0 MB, at most 20 MB)")


# --- the code and the catalogues ------------------------------------------------------------------------

# Functions whose first argument is a catalogue key.
KEY_FUNCTIONS = {"t", "tn", "translate", "translate_n", "msg", "msg_n", "say", "say_n", "_h", "describe"}


def _source_files():
    for folder in T.SOURCE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _keys_used(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name in KEY_FUNCTIONS:
                yield node.lineno, node.args[0].value
        # A register column's meaning: C(name, type, required, key, ...)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "C" and len(node.args) >= 4 \
                and isinstance(node.args[3], ast.Constant):
            yield node.lineno, node.args[3].value


def test_every_key_the_code_asks_for_is_in_the_catalogue():
    known = i18n.keys(i18n.DEFAULT_LANGUAGE)
    missing = [f"{path.relative_to(ROOT)}:{line}: {key}"
               for path in _source_files()
               for line, key in _keys_used(ast.parse(path.read_text(encoding="utf-8")))
               if key not in known]
    assert missing == []


def test_the_key_scan_sees_the_calls_it_should():
    tree = ast.parse('t("a.b")\ntranslate("c", lang)\nmsg_n("d", 2)\nC("x", TEXT, True, "e")\nprint("f")\n')
    assert [key for _, key in _keys_used(tree)] == ["a.b", "c", "d", "e"]


# A word, " / ", a word: a message in two languages, or a unit ("per 1 000 inhabitants") and a type list.
BILINGUAL = re.compile(r"[A-Za-zÅÄÖåäö]{2,}[.,:;!?)'\"]? / [(\"']?[A-Za-zÅÄÖåäö]")
# Data, not messages: Sotkanet's indicator titles with their per-inhabitant units ("… / asukas"), the
# reference's TOML literal type.
NOT_MESSAGES = {("data_pipeline/demo/indicators.py", None), ("data_pipeline/inputs/config_reference.py", "true / false")}


def _bilingual_literals(path: Path, source: str) -> list[str]:
    tree = ast.parse(source)
    skipped = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    skipped |= {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
    relative = path.relative_to(ROOT).as_posix() if path.is_absolute() else str(path)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "x" for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
            text = node.value
        else:
            continue
        if BILINGUAL.search(text) and (relative, None) not in NOT_MESSAGES and (relative, text) not in NOT_MESSAGES:
            found.append(f"{relative}:{node.lineno}: {text[:80]!r}")
    return found


def test_no_fi_en_literals_are_left_in_the_pipeline():
    found = [line for path in sorted((ROOT / "data_pipeline").rglob("*.py")) if "migrations" not in path.parts
             for line in _bilingual_literals(path, path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_literal_scan_finds_what_it_should():
    source = ('"""Docstring: one / two."""\n'
              'a = "ei luku / not a number"\n'
              'b = f"päivämäärää ei ole olemassa / no such date: {x}"\n'
              'c = "tiedot / data"\n'
              'd = "sotkanet/data/1.json"\n'
              'e = "rivi {line} / {last}"\n')
    found = _bilingual_literals(Path("x.py"), source)
    assert [line.split(":")[1] for line in found] == ["2", "3", "4"]
