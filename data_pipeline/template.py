"""`hyte template DIR`: empty register files with headers, and a document describing every column."""

from __future__ import annotations

from pathlib import Path

from data_pipeline import registers as R

DEFAULT_AGE_GROUPS = ("children_youth", "working_age", "older")
TYPE_NAMES = {R.TEXT: "teksti / text", R.INT: "kokonaisluku / integer", R.FLOAT: "luku / number",
              R.DATE: "päivämäärä / date", R.BOOL: "kyllä/ei / yes/no", R.CODE_LIST: "tunnuslista / code list"}


def write_templates(directory: Path, age_groups: tuple[str, ...] = DEFAULT_AGE_GROUPS) -> list[Path]:
    """Write `<register>.csv` (header only, `;`-separated as Finnish Excel saves) and SARAKKEET.md."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    doc = ["# Rekisteritiedostot / Register files", "",
           "CSV (`;` tai `,`, UTF-8 tai Windows-1252) tai XLSX. Päivämäärät muodossa 22.11.2026 tai 2026-11-22, "
           "desimaalipilkku käy. Ei henkilöiden nimiä.",
           "CSV (`;` or `,`, UTF-8 or Windows-1252) or XLSX. Dates as 22.11.2026 or 2026-11-22; decimal comma "
           "accepted. No personal names.", ""]
    for name in R.REGISTER_ORDER:
        spec = R.REGISTERS[name]
        columns = R.register_columns(name, age_groups)
        path = directory / f"{name}.csv"
        path.write_text(";".join(c.name for c in columns) + "\n", encoding="utf-8-sig")
        written.append(path)
        doc += [f"## {name}.csv — {spec.fi} / {spec.en}", "",
                "| sarake / column | pakollinen / required | tyyppi / type | kuvaus | description |",
                "|---|---|---|---|---|"]
        for col in columns:
            allowed = f" ({', '.join(col.choices)})" if col.choices else ""
            doc.append(f"| `{col.name}` | {'kyllä / yes' if col.required else 'ei / no'} | {TYPE_NAMES[col.type]} "
                       f"| {col.fi}{allowed} | {col.en}{allowed} |")
        doc += ["", f"Tunniste / key: {', '.join(spec.key)}", ""]
    readme = directory / "SARAKKEET.md"
    readme.write_text("\n".join(doc), encoding="utf-8")
    written.append(readme)
    return written
