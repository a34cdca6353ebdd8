"""Only what may be public reaches the published folder: strings planted in the registers that are never
published (experiential notes, partners and their agreements, event titles, forums, progress notes, the
annual clock) are nowhere in it, even with every screen published, and a district under the suppression
threshold shows "< 5", never its count. [publish] in hyte.toml says which screens are published."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dashboard.core.i18n import translate
from data_pipeline.cli import main as hyte

# register -> (column, planted text): each of these is kept out of the site whatever [publish] says.
PLANTED = {
    "experiential_notes": ("note", "ZQXNOTE kokemus risteyksestä"),
    "ngos": ("name", "ZQXNGO ry"),
    "partnerships": ("description", "ZQXAGREEMENT sopimus"),
    "events": ("title", "ZQXEVENT ilta"),
    "forums": ("title", "ZQXFORUM foorumi"),
    "measures": ("progress_note", "ZQXPROGRESS etenee"),
    "annual_clock": ("title_fi", "ZQXCLOCK vuosikello"),
}
SMALL_DISTRICT = "09"  # Metsälä in the demo: its events get 3 participants in all


def _edit(path: Path, change) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    fields = list(rows[0])
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def _small(rows: list[dict]) -> None:
    left = 3
    for row in rows:
        if row["district"] == SMALL_DISTRICT:
            for column in (c for c in row if c.startswith("participants_")):
                row[column] = "0"
            if left:
                row[next(c for c in row if c.startswith("participants_"))] = "1"
                left -= 1


@pytest.fixture(scope="module")
def planted(demo, tmp_path_factory) -> tuple[str, Path]:
    """The demo package with the planted strings and the small district, loaded, and every screen published."""
    url, package = demo
    registers = package / "registers"
    for register, (column, text) in PLANTED.items():
        _edit(registers / f"{register}.csv", lambda rows, c=column, t=text: rows[0].__setitem__(c, t))
    _edit(registers / "events.csv", _small)
    config = package / "hyte.toml"
    config.write_text(config.read_text("utf-8") + '\n[publish]\nscreens = ["indicators", "participation", '
                      '"working_groups", "partnerships"]\n', "utf-8")
    assert hyte(["refresh", "--config", str(config), "--db", url, "--offline", "-q"]) == 0
    out = tmp_path_factory.mktemp("planted") / "site"
    assert hyte(["publish", "--out", str(out), "--db", url, "--config", str(config), "--lang", "fi,sv"]) == 0
    return url, out


def test_nothing_unpublished_reaches_the_folder(planted) -> None:
    _, out = planted
    assert (out / "fi" / "tyoryhmat" / "index.html").is_file()  # every screen is published
    groups = (out / "fi" / "tyoryhmat" / "index.html").read_text("utf-8")
    for seats_or_attendance in ("wg.fig.vacant", "wg.seats_title", "wg.attendance_title"):
        assert translate(seats_or_attendance, "fi", year=2025) not in groups, seats_or_attendance
    files = [p for p in out.rglob("*") if p.is_file()]
    assert len(files) > 300
    for path in files:
        content = path.read_bytes()
        for register, (_, text) in PLANTED.items():
            assert text.split()[0].encode() not in content, (register, path)


def test_a_district_under_five_shows_no_count(planted) -> None:
    _, out = planted
    small = translate("part.small", "fi")
    with (out / "embed" / "fi" / "tavoittavuus-kartta.csv").open(encoding="utf-8") as f:
        labels = {row["name"]: row for row in csv.DictReader(f)}
    assert labels["Metsälä"]["figure"] != "" and not labels["Metsälä"]["figure"][0].isdigit()
    page = (out / "fi" / "osallisuus" / "index.html").read_text("utf-8")
    row = page.split(f"<td>Metsälä</td><td>{SMALL_DISTRICT}</td>", 1)[1].split("</tr>", 1)[0]  # the districts table
    assert f"<td>{small.replace('<', '&lt;')}</td>" in row, row
    for name in ("tavoittavuus-alueittain", "tavoittavuus-kartta"):
        with (out / "embed" / "fi" / f"{name}.csv").open(encoding="utf-8") as f:
            for line in csv.DictReader(f):
                if line.get("name") == "Metsälä":
                    assert not line.get("participants") and not line.get("reach"), (name, line)


def test_the_publish_section_is_checked_like_the_rest(demo, tmp_path) -> None:
    _, package = demo
    config = package / "hyte.toml"
    bad = tmp_path / "hyte.toml"
    text = config.read_text("utf-8")
    head, _, _ = text.partition("\n[publish]")
    bad.write_text(head + '\n[publish]\nscreens = ["indicators", "experiential_notes"]\n', "utf-8")
    for name in ("registers", "sotkanet", "districts.geojson"):
        if (package / name).exists():
            (tmp_path / name).symlink_to(package / name)
    assert hyte(["check", "--config", str(bad)]) == 1
    assert hyte(["publish", "--out", str(tmp_path / "site"), "--config", str(bad), "--db", "sqlite://"]) == 1
    assert not (tmp_path / "site").exists()
