"""A data package with hundreds of districts: the demo's, grown as a city of many postal areas would be.

Square districts in a grid beside the demo town, each with population for every age group and year, and
events with participants in most of them (benchmarks/national.py grows the same way, to 3,000).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

GRID_LON, GRID_LAT, CELL_LON, CELL_LAT, COLUMNS = 20.6, 60.9, 0.012, 0.006, 20


def _rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, header: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header)
        writer.writeheader()
        writer.writerows(rows)


def grow_districts(package: Path, count: int) -> list[str]:
    """Add `count` districts (codes S0001 …, names "Alue 1" …) to the package's map, population and events."""
    geojson = package / "districts.geojson"
    collection = json.loads(geojson.read_text("utf-8"))
    header, population = _rows(package / "registers" / "district_population.csv")
    years = sorted({r["year"] for r in population})
    groups = sorted({r["age_group"] for r in population})
    event_header, events = _rows(package / "registers" / "events.csv")
    template = events[0]
    codes = []
    for i in range(count):
        code = f"S{i + 1:04d}"
        codes.append(code)
        x, y = GRID_LON + (i % COLUMNS) * CELL_LON, GRID_LAT + (i // COLUMNS) * CELL_LAT
        ring = [[x, y], [x + CELL_LON, y], [x + CELL_LON, y + CELL_LAT], [x, y + CELL_LAT], [x, y]]
        collection["features"].append({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]},
                                       "properties": {"code": code, "name": f"Alue {i + 1}",
                                                      "name_sv": f"Område {i + 1}"}})
        population.extend({"district": code, "age_group": group, "year": year,
                           "population": 150 + (i * 7 + j * 31) % 900}
                          for year in years for j, group in enumerate(groups))
        if i % 10:  # every tenth district without events
            events.append({**template, "id": f"OS-MANY-{i + 1:04d}", "district": code,
                           "lon": f"{x + CELL_LON / 2:.5f}", "lat": f"{y + CELL_LAT / 2:.5f}",
                           "participants_children_youth": str(5 + i % 40), "participants_working_age": str(i % 13),
                           "participants_older": "0"})
    geojson.write_text(json.dumps(collection), "utf-8")
    _write(package / "registers" / "district_population.csv", header, population)
    _write(package / "registers" / "events.csv", event_header, events)
    return codes
