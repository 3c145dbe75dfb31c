#!/usr/bin/env python3
"""Build ``src/pskg/report/assets/post-soviet-outlines.json`` from the npm package ``world-atlas`` 2.0.2.

Development helper, run by hand (and by tests/report/test_report_map.py when the package is at hand):

    npm pack world-atlas@2.0.2
    python scripts/build_map_outlines.py world-atlas-2.0.2.tgz

It reads Natural Earth's 1:50m country outlines (TopoJSON, keyed by ISO 3166-1 numeric
code), keeps the fifteen post-Soviet states and their neighbours under ISO alpha-3 keys,
projects them with an Albers equal-area conic suited to the region, simplifies each
shared border once (so neighbours still meet exactly), and writes SVG path data in
pixels. Pure Python and rounded to 0.1 px, so the same input gives the same bytes.
No network: the report and the server only ever read the committed file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import tarfile
from pathlib import Path

VERSION = "2.0.2"
MEMBER = "countries-50m.json"
#: sha256 of package/countries-50m.json in world-atlas 2.0.2 (npm integrity of the tarball:
#: sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==).
SHA256 = "04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394"
OUTPUT = Path(__file__).resolve().parent.parent / "src" / "pskg" / "report" / "assets" / "post-soviet-outlines.json"

#: The fifteen post-Soviet states: ISO 3166-1 numeric (world-atlas's key) -> alpha-3 (the graph's pss:isoAlpha3).
POST_SOVIET = {
    "051": "ARM",
    "031": "AZE",
    "112": "BLR",
    "233": "EST",
    "268": "GEO",
    "398": "KAZ",
    "417": "KGZ",
    "428": "LVA",
    "440": "LTU",
    "498": "MDA",
    "643": "RUS",
    "762": "TJK",
    "795": "TKM",
    "804": "UKR",
    "860": "UZB",
}
#: Neighbours drawn in grey for context (clipped to the frame; each one reaches into it), numeric -> alpha-3.
NEIGHBOURS = {
    "004": "AFG",
    "100": "BGR",
    "156": "CHN",
    "203": "CZE",
    "208": "DNK",
    "246": "FIN",
    "276": "DEU",
    "348": "HUN",
    "364": "IRN",
    "368": "IRQ",
    "392": "JPN",
    "408": "PRK",
    "410": "KOR",
    "496": "MNG",
    "578": "NOR",
    "586": "PAK",
    "616": "POL",
    "642": "ROU",
    "703": "SVK",
    "752": "SWE",
    "760": "SYR",
    "792": "TUR",
    "840": "USA",
}
#: Albers equal-area conic: central meridian, standard parallels, latitude of origin (degrees).
LON0, LAT1, LAT2, LAT0 = 85.0, 45.0, 65.0, 55.0
WIDTH = 960.0
MARGIN = 18.0
#: Douglas-Peucker tolerance and smallest ring kept, in pixels.
TOLERANCE = 0.45
MIN_AREA = 1.5
#: Crimea (a point inside it): Natural Earth 4.1's de facto outlines draw it in Russia; the map draws the
#: internationally recognised border (UN General Assembly resolution 68/262), as the article speaks of
#: "l'annexion de la Crimée" and the graph records its non-recognition.
CRIMEA_POINT = (34.1, 45.0)

Point = tuple[float, float]


def read_topology(source: Path) -> dict:
    """countries-50m.json from the npm tarball or an unpacked package folder, checked against its sha256."""
    if source.is_dir():
        manifest = json.loads((source / "package.json").read_text(encoding="utf-8"))
        data = (source / MEMBER).read_bytes()
    else:
        with tarfile.open(source, "r:gz") as archive:
            manifest = json.load(archive.extractfile("package/package.json"))  # type: ignore[arg-type]
            data = archive.extractfile(f"package/{MEMBER}").read()  # type: ignore[union-attr]
    if manifest.get("name") != "world-atlas" or manifest.get("version") != VERSION:
        raise SystemExit(
            f"{source}: expected world-atlas {VERSION}, found {manifest.get('name')} {manifest.get('version')}"
        )
    if hashlib.sha256(data).hexdigest() != SHA256:
        raise SystemExit(f"{source}: {MEMBER} differs from world-atlas {VERSION}'s (sha256 mismatch)")
    return json.loads(data)


def albers(lon: float, lat: float) -> Point:
    """Albers equal-area conic on the unit sphere (Snyder 1987, eq. 14-1 to 14-4); y grows northwards."""
    phi1, phi2, phi0 = math.radians(LAT1), math.radians(LAT2), math.radians(LAT0)
    n = (math.sin(phi1) + math.sin(phi2)) / 2
    c = math.cos(phi1) ** 2 + 2 * n * math.sin(phi1)
    rho0 = math.sqrt(c - 2 * n * math.sin(phi0)) / n
    delta = (lon - LON0 + 180.0) % 360.0 - 180.0  # Chukotka, east of 180°, stays beside the rest of Russia
    rho = math.sqrt(c - 2 * n * math.sin(math.radians(lat))) / n
    theta = n * math.radians(delta)
    return rho * math.sin(theta), rho0 - rho * math.cos(theta)


def decode_arcs(topology: dict) -> list[list[Point]]:
    """TopoJSON's quantised, delta-encoded arcs as projected (unit-sphere) points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append(albers(x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _distance(p: Point, a: Point, b: Point) -> float:
    """Distance from p to segment ab."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative; the two ends are kept so that arcs still join."""
    if len(points) < 3:
        return points
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [points[i] for i in sorted(keep)]


def ring_points(ring: list[int], arcs: list[list[Point]]) -> list[Point]:
    """A ring's points from its arc indexes (~i is arc i reversed)."""
    points: list[Point] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def area(points: list[Point]) -> float:
    """Signed area (shoelace)."""
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(points, points[1:] + points[:1], strict=True)) / 2


def inside(point: Point, ring: list[Point]) -> bool:
    """Even-odd point-in-ring test."""
    x, y = point
    result = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            result = not result
    return result


def polygons_of(geometry: dict) -> list[list[list[int]]]:
    """A geometry's polygons as lists of arc-index rings (outer ring first)."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def merge(a: list[int], b: list[int]) -> list[int]:
    """Two outer rings that share arcs as one ring: shared arcs cancel, the rest are chained end to start."""
    arcs = a + b
    shared = {i for i in arcs if ~i in arcs}
    rest = [i for i in arcs if i not in shared]
    chained, remaining = [rest[0]], rest[1:]
    while remaining:
        following = next(i for i in remaining if _start(i) == _end(chained[-1]))
        chained.append(following)
        remaining.remove(following)
    return chained


_ENDS: dict[int, tuple[Point, Point]] = {}


def _start(index: int) -> Point:
    return _ENDS[index][0]


def _end(index: int) -> Point:
    return _ENDS[index][1]


def move_crimea(shapes: dict[str, list[list[list[int]]]], arcs: list[list[Point]]) -> None:
    """Take Crimea's polygon out of Russia's and join it to Ukraine's mainland polygon along Perekop."""
    for i, arc in enumerate(arcs):
        _ENDS[i], _ENDS[~i] = (arc[0], arc[-1]), (arc[-1], arc[0])
    point = albers(*CRIMEA_POINT)
    crimea = next(p for p in shapes["RUS"] if inside(point, ring_points(p[0], arcs)))
    shapes["RUS"].remove(crimea)
    outer = set(crimea[0])
    mainland = next(p for p in shapes["UKR"] if any(~i in outer for i in p[0]))
    mainland[0] = merge(mainland[0], crimea[0])
    mainland.extend(crimea[1:])


def clip(points: list[Point], box: tuple[float, float, float, float]) -> list[Point]:
    """Sutherland-Hodgman clipping of a ring to an axis-aligned box (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = box
    edges = [
        (lambda p: p[0] >= x0, lambda a, b: (x0, a[1] + (b[1] - a[1]) * (x0 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= x1, lambda a, b: (x1, a[1] + (b[1] - a[1]) * (x1 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= y0, lambda a, b: (a[0] + (b[0] - a[0]) * (y0 - a[1]) / (b[1] - a[1]), y0)),
        (lambda p: p[1] <= y1, lambda a, b: (a[0] + (b[0] - a[0]) * (y1 - a[1]) / (b[1] - a[1]), y1)),
    ]
    for keep, cross in edges:
        if not points:
            break
        output: list[Point] = []
        for a, b in zip([points[-1], *points[:-1]], points, strict=True):
            if keep(b):
                if not keep(a):
                    output.append(cross(a, b))
                output.append(b)
            elif keep(a):
                output.append(cross(a, b))
        points = output
    return points


def path_data(rings: list[list[Point]]) -> str:
    """SVG path data, 0.1 px, repeated points dropped."""
    parts = []
    for ring in rings:
        coords: list[str] = []
        for x, y in ring:
            pair = f"{x:.1f} {y:.1f}"
            if not coords or coords[-1] != pair:
                coords.append(pair)
        if coords[0] == coords[-1]:
            coords.pop()
        if len(coords) >= 3:
            parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def label_point(rings: list[list[Point]]) -> list[float]:
    """Centroid of the largest ring: where the map writes the state's code or count."""
    ring = max(rings, key=lambda r: abs(area(r)))
    a = area(ring)
    cx = sum((p[0] + q[0]) * (p[0] * q[1] - q[0] * p[1]) for p, q in zip(ring, ring[1:] + ring[:1], strict=True))
    cy = sum((p[1] + q[1]) * (p[0] * q[1] - q[0] * p[1]) for p, q in zip(ring, ring[1:] + ring[:1], strict=True))
    return [round(cx / (6 * a), 1), round(cy / (6 * a), 1)]


def build(topology: dict) -> dict:
    """The outlines file's content."""
    arcs = decode_arcs(topology)
    by_id = {g.get("id"): g for g in topology["objects"]["countries"]["geometries"]}
    codes = {**POST_SOVIET, **NEIGHBOURS}
    missing = sorted(set(codes) - set(by_id))
    if missing:
        raise SystemExit(f"not in {MEMBER}: {missing}")
    shapes = {codes[n]: [list(map(list, p)) for p in polygons_of(by_id[n])] for n in codes}
    move_crimea(shapes, arcs)
    # Frame: the fifteen states' extent, scaled to WIDTH pixels, y pointing down.
    frame = [p for code in POST_SOVIET.values() for polygon in shapes[code] for p in ring_points(polygon[0], arcs)]
    left, right = min(p[0] for p in frame), max(p[0] for p in frame)
    bottom, top = min(p[1] for p in frame), max(p[1] for p in frame)
    scale = (WIDTH - 2 * MARGIN) / (right - left)
    height = round((top - bottom) * scale + 2 * MARGIN)

    def pixel(p: Point) -> Point:
        return (p[0] - left) * scale + MARGIN, (top - p[1]) * scale + MARGIN

    pixel_arcs = [simplify([pixel(p) for p in arc], TOLERANCE) for arc in arcs]
    box = (0.0, 0.0, WIDTH, float(height))
    result: dict[str, dict[str, object]] = {}
    for code in sorted(shapes):
        rings = []
        for polygon in shapes[code]:
            outer = ring_points(polygon[0], pixel_arcs)
            if abs(area(outer)) < MIN_AREA:
                continue
            for ring in polygon:
                points = ring_points(ring, pixel_arcs)
                if code not in POST_SOVIET.values():
                    points = clip(points, box)
                if len(points) >= 3 and abs(area(points)) >= MIN_AREA:
                    rings.append(points)
        if rings:
            entry: dict[str, object] = {"path": path_data(rings)}
            if code in POST_SOVIET.values():
                entry["label"] = label_point(rings)
            result[code] = entry
    return {
        "source": (
            f"Natural Earth 1:50m admin-0 countries, via the npm package world-atlas {VERSION} "
            f"(package/{MEMBER}, sha256 {SHA256})"
        ),
        "licence": (
            "Natural Earth data: public domain (naturalearthdata.com/about/terms-of-use); "
            "world-atlas: ISC licence, Copyright 2013-2019 Michael Bostock"
        ),
        "built_by": "scripts/build_map_outlines.py (simplified, projected; Crimea drawn in Ukraine)",
        "projection": (
            f"Albers equal-area conic, central meridian {LON0}, standard parallels {LAT1} and {LAT2}, "
            f"origin latitude {LAT0}; pixels, y down"
        ),
        "width": WIDTH,
        "height": height,
        "post_soviet": sorted(POST_SOVIET.values()),
        "shapes": result,
    }


def main(argv: list[str] | None = None) -> int:
    """Read the package, write the outlines."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help=f"world-atlas-{VERSION}.tgz (npm pack) or an unpacked package folder")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write (default: the committed file)")
    args = parser.parse_args(argv)
    if not args.source.exists():
        print(f"no such file: {args.source}", file=sys.stderr)
        return 2
    content = build(read_topology(args.source))
    text = json.dumps(content, indent=1, ensure_ascii=False) + "\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({len(text)} bytes, {len(content['shapes'])} shapes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
