"""Build ``regions_<cc>.json`` (one SVG path per first-level region) from
Natural Earth 1:10m layers (public domain).

Not run by the application, which only reads the JSON files. Needs shapely
and pyshp (``pip install shapely==2.0.6 pyshp==2.3.1`` in any virtualenv) and
a directory ``NE_DIR`` holding these Natural Earth shapefiles (``.shp`` and
``.shx``):

- ``ne_10m_land``
- ``ne_10m_admin_0_boundary_lines_land``
- ``ne_10m_admin_1_states_provinces_lines``

and, beside it, ``natural_earth_110m/ne_110m_admin_0_countries`` (with its
``.dbf``), which tells which country a face lies in. See SOURCE.md.

Usage: ``python courses/reports/data/build_regions.py NE_DIR``

The land polygons are cut by the national borders and by the first-level
boundary lines into faces; each region is the face holding its seed point
(a point well inside it, usually near its capital) plus the faces without a
seed (islands, mostly) whose nearest seeded face is that region's, within
the country's box. Coordinates are projected equirectangularly (longitude
scaled by the cosine of the country's middle latitude), fitted to a viewBox
whose longer side is 600 units, simplified with Douglas-Peucker (tolerance
0.6 units) and rounded to one decimal.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import shapefile
from shapely import STRtree, box, polygonize, simplify, unary_union
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, shape
from shapely.ops import transform

HERE = Path(__file__).resolve().parent
SIDE = 600.0
TOLERANCE = 0.6
MIN_AREA = 0.8  # square units: smaller islands are dropped (not the only part)

# (west, south, east, north) of the mainland and the islands kept.
BOXES = {
    "CL": (-76.0, -56.2, -66.0, -17.4),
    "CO": (-82.0, -4.4, -66.8, 13.5),
    "MX": (-118.5, 14.4, -86.6, 32.8),
    "PE": (-81.5, -18.5, -68.6, -0.0),
}

# A point well inside each region (latitude, longitude).
SEEDS = {
    "CL-AP": (-18.5, -69.9),
    "CL-TA": (-20.3, -69.6),
    "CL-AN": (-23.0, -69.3),
    "CL-AT": (-27.4, -70.0),
    "CL-CO": (-30.6, -71.0),
    "CL-VS": (-32.8, -71.0),
    "CL-RM": (-33.5, -70.7),
    "CL-LI": (-34.4, -71.0),
    "CL-ML": (-35.5, -71.5),
    "CL-NB": (-36.6, -72.0),
    "CL-BI": (-37.5, -72.3),
    "CL-AR": (-38.7, -72.4),
    "CL-LR": (-40.0, -72.6),
    "CL-LL": (-41.0, -72.9),
    "CL-AI": (-45.6, -72.0),
    "CL-MA": (-52.0, -71.2),
    "CO-AMA": (-1.5, -71.5),
    "CO-ANT": (6.6, -75.5),
    "CO-ARA": (6.6, -71.0),
    "CO-ATL": (10.6, -74.95),
    "CO-DC": (4.65, -74.1),
    "CO-BOL": (8.8, -74.3),
    "CO-BOY": (5.6, -73.3),
    "CO-CAL": (5.3, -75.3),
    "CO-CAQ": (0.9, -74.0),
    "CO-CAS": (5.3, -72.0),
    "CO-CAU": (2.4, -76.6),
    "CO-CES": (9.3, -73.6),
    "CO-CHO": (5.7, -76.7),
    "CO-COR": (8.5, -75.8),
    "CO-CUN": (5.0, -74.3),
    "CO-GUA": (2.8, -68.5),
    "CO-GUV": (2.0, -72.3),
    "CO-HUI": (2.5, -75.5),
    "CO-LAG": (11.4, -72.5),
    "CO-MAG": (10.2, -74.3),
    "CO-MET": (3.5, -73.0),
    "CO-NAR": (1.5, -77.5),
    "CO-NSA": (8.0, -72.9),
    "CO-PUT": (0.6, -76.4),
    "CO-QUI": (4.5, -75.7),
    "CO-RIS": (5.1, -76.0),
    "CO-SAP": (12.55, -81.71),
    "CO-SAN": (6.6, -73.3),
    "CO-SUC": (9.2, -75.2),
    "CO-TOL": (4.0, -75.0),
    "CO-VAC": (3.6, -76.4),
    "CO-VAU": (0.8, -70.6),
    "CO-VID": (5.0, -69.5),
    "MX-AGU": (21.9, -102.3),
    "MX-BCN": (31.0, -115.5),
    "MX-BCS": (25.5, -111.5),
    "MX-CAM": (18.8, -90.3),
    "MX-CHP": (16.5, -92.8),
    "MX-CHH": (28.6, -106.1),
    "MX-CMX": (19.35, -99.13),
    "MX-COA": (27.0, -102.0),
    "MX-COL": (19.1, -103.9),
    "MX-DUR": (24.5, -104.7),
    "MX-MEX": (19.4, -99.7),
    "MX-GUA": (21.0, -101.0),
    "MX-GRO": (17.6, -99.7),
    "MX-HID": (20.4, -98.9),
    "MX-JAL": (20.5, -103.5),
    "MX-MIC": (19.2, -101.9),
    "MX-MOR": (18.8, -99.1),
    "MX-NAY": (21.8, -104.8),
    "MX-NLE": (25.7, -100.0),
    "MX-OAX": (17.0, -96.5),
    "MX-PUE": (18.9, -98.0),
    "MX-QUE": (20.8, -99.9),
    "MX-ROO": (19.5, -88.0),
    "MX-SLP": (22.5, -100.4),
    "MX-SIN": (25.0, -107.5),
    "MX-SON": (29.5, -110.5),
    "MX-TAB": (17.9, -92.6),
    "MX-TAM": (24.0, -98.8),
    "MX-TLA": (19.4, -98.2),
    "MX-VER": (19.5, -96.9),
    "MX-YUC": (20.8, -89.0),
    "MX-ZAC": (23.3, -102.7),
    "PE-AMA": (-5.5, -78.0),
    "PE-ANC": (-9.5, -77.6),
    "PE-APU": (-14.0, -73.0),
    "PE-ARE": (-16.0, -72.5),
    "PE-AYA": (-13.5, -74.2),
    "PE-CAJ": (-6.5, -78.7),
    "PE-CAL": (-12.04, -77.132),
    "PE-CUS": (-13.2, -72.0),
    "PE-HUV": (-12.8, -75.0),
    "PE-HUC": (-9.5, -76.0),
    "PE-ICA": (-14.3, -75.6),
    "PE-JUN": (-11.8, -75.0),
    "PE-LAL": (-7.9, -78.4),
    "PE-LAM": (-6.4, -79.7),
    "PE-LIM": (-11.0, -76.9),
    "PE-LMA": (-12.0, -76.95),
    "PE-LOR": (-3.8, -74.5),
    "PE-MDD": (-12.0, -70.5),
    "PE-MOQ": (-16.9, -70.9),
    "PE-PAS": (-10.5, -75.8),
    "PE-PIU": (-5.2, -80.4),
    "PE-PUN": (-15.0, -70.0),
    "PE-SAM": (-7.0, -76.7),
    "PE-TAC": (-17.7, -70.3),
    "PE-TUM": (-3.8, -80.4),
    "PE-UCA": (-9.5, -73.5),
}


def _read(folder: Path, name: str):
    with (
        open(folder / f"{name}.shp", "rb") as shp,
        open(folder / f"{name}.shx", "rb") as shx,
    ):
        reader = shapefile.Reader(shp=shp, shx=shx)
        return [
            shape(item.__geo_interface__)
            for item in reader.shapes()
            if item.shapeType != shapefile.NULL
        ]


def _lines(geometry):
    if geometry.is_empty:
        return []
    if isinstance(geometry, Polygon | MultiPolygon):
        return [geometry.boundary]
    return [geometry]


def _extended(line: LineString, by: float = 0.03) -> LineString:
    """``line`` lengthened at both ends along its end segments, so that a
    boundary ending a hair short of the coast or of a border still cuts the
    land (the overshoot is a dangle, dropped when faces are formed)."""
    coords = [
        point
        for i, point in enumerate(line.coords)
        if i == 0 or point != line.coords[i - 1]
    ]
    if len(coords) < 2 or coords[0] == coords[-1]:
        return line

    def beyond(tip, before):
        dx, dy = tip[0] - before[0], tip[1] - before[1]
        length = math.hypot(dx, dy) or 1.0
        return (tip[0] + dx / length * by, tip[1] + dy / length * by)

    return LineString(
        [beyond(coords[0], coords[1]), *coords, beyond(coords[-1], coords[-2])]
    )


def faces(folder: Path, area) -> list[Polygon]:
    """The land of ``area`` cut by every border and first-level line."""
    land = [g.intersection(area) for g in _read(folder, "ne_10m_land")]
    land = [g for g in land if not g.is_empty]
    lines = [*[line for g in land for line in _lines(g)]]
    for layer in (
        "ne_10m_admin_0_boundary_lines_land",
        "ne_10m_admin_1_states_provinces_lines",
    ):
        for geometry in _read(folder, layer):
            if geometry.intersects(area):
                for part in getattr(geometry, "geoms", [geometry]):
                    lines.append(_extended(part).intersection(area))
    noded = unary_union(lines)
    return list(polygonize([noded]).geoms)


def regions(folder: Path, country: str) -> dict[str, object]:
    area = box(*BOXES[country])
    pieces = faces(folder, area)
    tree = STRtree(pieces)
    owner: dict[int, str] = {}
    for code, (lat, lon) in SEEDS.items():
        if not code.startswith(country + "-"):
            continue
        point = Point(lon, lat)
        hits = [i for i in tree.query(point) if pieces[i].contains(point)]
        if len(hits) != 1:
            raise SystemExit(f"{code}: seed in {len(hits)} faces")
        if hits[0] in owner:
            raise SystemExit(f"{code}: same face as {owner[hits[0]]}")
        owner[int(hits[0])] = code
    seeded = list(owner)
    seeded_tree = STRtree([pieces[i] for i in seeded])
    ours, others = _countries(folder, country)
    for index, piece in enumerate(pieces):
        if index in owner:
            continue
        point = piece.representative_point()
        if others.contains(point) or not ours.contains(point):
            continue  # a neighbouring country's, or too far off our coast
        owner[index] = owner[seeded[int(seeded_tree.nearest(piece))]]
    grouped: dict[str, list] = {}
    for index, code in owner.items():
        grouped.setdefault(code, []).append(pieces[index])
    return {code: unary_union(parts) for code, parts in grouped.items()}


def _countries(folder: Path, country: str):
    """The country's 1:110m outline widened to take in its coastal islands,
    and the other countries' outlines."""
    base = folder.parent / "natural_earth_110m" / "ne_110m_admin_0_countries"
    reader = shapefile.Reader(str(base))
    ours, others = [], []
    for record in reader.iterShapeRecords():
        geometry = shape(record.shape.__geo_interface__)
        code = record.record.as_dict().get("ISO_A2_EH") or record.record["ISO_A2"]
        (ours if code == country else others).append(geometry)
    return unary_union(ours).buffer(0.6), unary_union(others)


def project(shapes: dict[str, object], country: str) -> tuple[dict[str, str], str]:
    west, south, east, north = unary_union(list(shapes.values())).bounds
    scale_x = math.cos(math.radians((north + south) / 2))
    width, height = (east - west) * scale_x, north - south
    factor = SIDE / max(width, height)

    def fit(x, y, z=None):
        return ((x - west) * scale_x * factor, (north - y) * factor)

    paths = {}
    for code, geometry in sorted(shapes.items()):
        projected = simplify(
            transform(fit, geometry), TOLERANCE, preserve_topology=True
        )
        polygons = list(getattr(projected, "geoms", [projected]))
        kept = [p for p in polygons if p.area >= MIN_AREA] or [
            max(polygons, key=lambda p: p.area)
        ]
        paths[code] = "".join(_path(p) for p in kept)
    view_box = f"0 0 {round(width * factor, 1)} {round(height * factor, 1)}"
    return paths, view_box


def _ring(coords) -> str:
    points = [f"{round(x, 1):g} {round(y, 1):g}" for x, y in list(coords)[:-1]]
    return "M" + "L".join(points) + "Z"


def _path(polygon: Polygon) -> str:
    return _ring(polygon.exterior.coords) + "".join(
        _ring(ring.coords) for ring in polygon.interiors
    )


def main(folder: Path) -> None:
    for country in BOXES:
        shapes = regions(folder, country)
        missing = sorted(
            code for code in SEEDS if code.startswith(country) and code not in shapes
        )
        if missing:
            raise SystemExit(f"{country}: no shape for {', '.join(missing)}")
        paths, view_box = project(shapes, country)
        data = {
            "source": "Natural Earth 1:10m (public domain), see SOURCE.md",
            "viewBox": view_box,
            "regions": paths,
        }
        target = HERE / f"regions_{country.lower()}.json"
        target.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n")
        print(target.name, len(paths), "regions", target.stat().st_size, "bytes")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: build_regions.py NE_DIR")
    main(Path(sys.argv[1]))
