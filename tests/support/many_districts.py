"""A data package with hundreds of districts: the demo's, grown as a city of many postal areas would be.

Square districts in a grid beside the demo town, each with population for every age group and year, and
events with participants in most of them (benchmarks/national.py grows the same way, to 3,000).
"""

from __future__ import annotations

import json
from pathlib import Path

from data_pipeline.load.plan import csv_bytes, read_rows

GRID_LON, GRID_LAT, CELL_LON, CELL_LAT, COLUMNS = 20.6, 60.9, 0.012, 0.006, 20


def grow_districts(package: Path, count: int) -> list[str]:
    """Add `count` districts (codes S0001 …, names "Alue 1" …) to the package's map, population and events."""
    geojson = package / "districts.geojson"
    collection = json.loads(geojson.read_text("utf-8"))
    registers = package / "registers"
    header, population = read_rows(registers, "district_population")
    years = sorted({r["year"] for r in population})
    groups = sorted({r["age_group"] for r in population})
    event_header, events = read_rows(registers, "events")
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
    # Written back as the screens' register editor writes a register (the templates' format).
    (registers / "district_population.csv").write_bytes(csv_bytes(header, population))
    (registers / "events.csv").write_bytes(csv_bytes(event_header, events))
    return codes
