"""Cut the region's countries out of world-atlas's countries-50m.json.

Usage: python scripts/make_region_map.py PATH/TO/countries-50m.json
(get it with: npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz)

Writes course_data/region_countries.topojson. Only geometry subsetting: the arcs
kept are byte-for-byte those of Natural Earth via world-atlas; indexes are renumbered.
"""

import json
import sys
from pathlib import Path

COUNTRIES = ["Afghanistan", "Pakistan", "Iran", "India", "China", "Tajikistan",
             "Turkmenistan", "Uzbekistan", "Kyrgyzstan"]
OUT = Path(__file__).resolve().parents[1] / "course_data" / "region_countries.topojson"


def arc_ids(arcs):
    """Arc indexes in a (nested) arcs list; ~i means arc i reversed."""
    for item in arcs:
        if isinstance(item, list):
            yield from arc_ids(item)
        else:
            yield item if item >= 0 else ~item


def renumber(arcs, mapping):
    return [renumber(a, mapping) if isinstance(a, list)
            else (mapping[a] if a >= 0 else ~mapping[~a]) for a in arcs]


def main(src: str) -> None:
    topo = json.loads(Path(src).read_text())
    geoms = [g for g in topo["objects"]["countries"]["geometries"]
             if g["properties"]["name"] in COUNTRIES]
    missing = set(COUNTRIES) - {g["properties"]["name"] for g in geoms}
    if missing:
        sys.exit(f"not found in {src}: {sorted(missing)}")
    used = sorted({i for g in geoms for i in arc_ids(g["arcs"])})
    mapping = {old: new for new, old in enumerate(used)}
    for g in geoms:
        g["arcs"] = renumber(g["arcs"], mapping)
    out = {"type": "Topology", "transform": topo["transform"],
           "objects": {"countries": {"type": "GeometryCollection", "geometries": geoms}},
           "arcs": [topo["arcs"][i] for i in used]}
    OUT.write_text(json.dumps(out, separators=(",", ":")))
    print(f"{OUT}: {len(geoms)} countries, {len(used)} arcs, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
