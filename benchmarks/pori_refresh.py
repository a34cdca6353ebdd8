"""Times a full and an unchanged refresh of examples/pori against a local Sotkanet stand-in.

The stand-in (tests/sotkanet_server.py) answers on 127.0.0.1 in Sotkanet's real format, with
synthetic values for every region of the region list. With `--realdata DIR` it serves the real
`/regions` response and real indicator metadata found in DIR (../shared/realdata), for checking that
real responses parse; those files are read in place, never copied.

    .venv/bin/python benchmarks/pori_refresh.py [--realdata ../shared/realdata]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the stand-in server lives with the tests

from support.sotkanet_server import FakeSotkanet, serve  # noqa: E402

from data_pipeline.inputs.config import load_config  # noqa: E402
from data_pipeline.load.refresh import refresh  # noqa: E402
from data_pipeline.sources.sotkanet_cache import COUNTY_IDS  # noqa: E402


def synthetic_regions() -> list[dict]:
    regions = [{"id": 658, "code": "358", "category": "MAA", "title": {"fi": "Koko maa", "sv": "Hela landet",
                                                                      "en": "Whole country"}, "memberOf": []}]
    for code, name in (("609", "Pori"), ("684", "Rauma"), ("285", "Kotka"), ("272", "Kokkola"),
                       ("405", "Lappeenranta")):
        regions.append({"id": 10_000 + int(code), "code": code, "category": "KUNTA",
                        "title": {"fi": name, "sv": name, "en": name}, "memberOf": [976, 658]})
    # Other municipalities, stored for ranks and the map (codes clear of the towns above), spread over
    # the wellbeing services counties 956–978.
    regions += [{"id": 100 + i, "code": str(700 + i), "category": "KUNTA", "title": {"fi": f"Kunta {i}"},
                 "memberOf": [956 + i % 23, 658]} for i in range(1, 300)]
    return regions


def boundaries_collection() -> dict:
    """kunta1000k in the WFS's shape (ETRS-TM35FIN): one 10 km square per municipality of the list."""
    codes = ["609", "684", "285", "272", "405", *(str(700 + i) for i in range(1, 300))]
    features = []
    for i, code in enumerate(codes):
        x, y = 100_000 + (i % 20) * 10_000, 6_700_000 + (i // 20) * 10_000
        ring = [[x, y], [x + 10_000, y], [x + 10_000, y + 10_000], [x, y + 10_000], [x, y]]
        features.append({"type": "Feature", "id": f"kunta1000k_2025.{i + 1}", "geometry_name": "geom",
                         "geometry": {"type": "MultiPolygon", "coordinates": [[ring]]},
                         "properties": {"id": i + 1, "kunta": code, "vuosi": 2025, "nimi": f"Kunta {code}",
                                        "namn": f"Kommun {code}", "name": f"Municipality {code}"}})
    return {"type": "FeatureCollection", "features": features,
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3067"}}}


def metadata(ind: int, title: str) -> dict:
    return {"id": ind, "data-updated": "2025-09-01", "range": {"start": 2000, "end": 2024},
            "title": {"fi": title, "sv": title, "en": title}, "description": {"fi": "–"},
            "primaryValueType": {"code": "PROS", "title": {"fi": "prosentti", "sv": "procent", "en": "percent"}},
            "decimals": 1, "organization": {"id": 2, "title": {"fi": "THL"}}}


PAAVO_BANDS = ["he_0_2", "he_3_6", "he_7_12", "he_13_15", "he_16_17", "he_18_19", "he_20_24", "he_25_29",
               "he_30_34", "he_35_39", "he_40_44", "he_45_49", "he_50_54", "he_55_59", "he_60_64", "he_65_69",
               "he_70_74", "he_75_79", "he_80_84", "he_85_"]


def paavo_collection(realdata: Path | None, rng: random.Random) -> dict:
    """Pori's postal areas in Paavo's format: real polygons if given, else two squares near Pori."""
    if realdata:
        source = json.loads((realdata / "fi_postal_areas_pori_kangasala_kuusamo.geojson").read_text(encoding="utf-8"))
        shapes = [(f["properties"]["postinumeroalue"], f["geometry"]) for f in source["features"]
                  if f["properties"]["kunta"] == "Pori"]
    else:
        shapes = [(f"281{i}0", {"type": "Polygon", "coordinates": [[[21.7 + i * .1, 61.4], [21.8 + i * .1, 61.4],
                                                                   [21.8 + i * .1, 61.5], [21.7 + i * .1, 61.5],
                                                                   [21.7 + i * .1, 61.4]]]}) for i in range(2)]
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": geometry,
         "properties": {"postinumeroalue": code, "nimi": f"Pori {code}", "namn": f"Björneborg {code}", "kunta": "609",
                        **{band: rng.randint(0, 400) for band in PAAVO_BANDS}}}
        for code, geometry in shapes]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realdata", type=Path, help="folder of real Sotkanet responses (read only)")
    args = parser.parse_args()

    regions = synthetic_regions()
    real_meta: dict[int, dict] = {}
    if args.realdata:
        regions = json.loads((args.realdata / "sotkanet_regions_2016_oskari.json").read_text(encoding="utf-8"))
        # The 2016 list predates wellbeing services counties; add Satakunta as the API lists it today.
        regions.append({"id": 976, "code": "6", "category": "HYVINVOINTIALUE",
                        "title": {"fi": "Satakunnan hyvinvointialue", "sv": "Satakunta välfärdsområde",
                                  "en": "Satakunta wellbeing services county"}, "memberOf": []})
        for name in ("sotkanet_indicator_metadata_2025_hus.json", "sotkanet_indicator_metadata_2025_hus_b.json"):
            wrapped = json.loads((args.realdata / name).read_text(encoding="utf-8"))
            real_meta.update({int(k): v for k, v in wrapped["indicators"].items()})
    else:
        regions += [{"id": rid, "code": code, "category": "HYVINVOINTIALUE",
                     "title": {"fi": f"Hyvinvointialue {code}"}, "memberOf": [658]}
                    for rid, (_old, code, _old_code) in COUNTY_IDS.items()]

    with tempfile.TemporaryDirectory() as tmp:
        package = Path(tmp) / "pori"
        shutil.copytree(ROOT / "examples" / "pori", package)
        config_path = package / "hyte.toml"
        config = load_config(config_path)
        first, last = config.sotkanet_years
        rng = random.Random(609)
        fake = FakeSotkanet(regions=regions, metadata={}, data={})
        paavo, shapes = paavo_collection(args.realdata, rng), boundaries_collection()

        def route(path, query, _route=fake.route):
            if path == "/wfs":
                return shapes if query.get("typeNames", [""])[0].startswith("tilastointialueet:") else paavo
            return _route(path, query)

        fake.route = route
        for ind in config.indicators:
            fake.metadata[ind.id] = real_meta.get(ind.id) or metadata(ind.id, f"Indikaattori {ind.id}")
            fake.data[ind.id] = [
                {"indicator": ind.id, "region": r["id"], "year": y, "gender": g,
                 "value": round(rng.uniform(1, 60), 1), "absValue": None}
                for r in regions for y in range(first, last + 1) for g in ("total", "male", "female")
            ]
        base_url, stop = serve(fake)
        os.environ["HYTE_PAAVO_URL"] = os.environ["HYTE_BOUNDARIES_URL"] = f"{base_url}/wfs"
        text = config_path.read_text(encoding="utf-8").replace("https://sotkanet.fi/rest/1.1", base_url)
        config_path.write_text(text, encoding="utf-8")
        url = f"sqlite:///{Path(tmp) / 'pori.db'}"
        try:
            for label in ("full refresh", "unchanged refresh"):
                fake.requests.clear()
                started = time.perf_counter()
                result = refresh(config_path, url)
                elapsed = time.perf_counter() - started
                print(f"{label:<18} status={result.status:<9} requests={len(fake.requests):>3} "
                      f"(data {fake.data_requests():>2})  indicator values={result.rows.get('indicator_value', 0):>6}  "
                      f"ranks={result.rows.get('indicator_rank', 0):>6}  regions={result.rows.get('region', 0):>3}  "
                      f"shapes={result.rows.get('municipality_shape', 0):>3}  "
                      f"districts={result.rows.get('district', 0):>3}  {elapsed:6.2f} s")
                if not result.ok:
                    print("\n".join(str(p) for p in result.problems) or result.message)
                    return 1
        finally:
            stop()
    served_rows = sum(len(v) for v in fake.data.values())
    print(f"regions served: {len(regions)}; rows served per full refresh: {served_rows}; "
          f"real metadata used for: {sorted(set(real_meta) & set(fake.metadata)) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
