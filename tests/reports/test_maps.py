"""The maps of regions: an outline for every region and no other, figures
equal to raw counts, colour classes by value, and small cells suppressed."""

import re

import pytest
from django.db.models import Count

from courses.models import Enrolment
from courses.reports.charts import chart_svg
from courses.reports.maps import class_bounds, colour_class, region_shapes
from courses.reports.scope import Scope
from courses.reports.selectors import SUPPRESSED, dashboard
from lms.reference.regions import REGIONS

CL = Scope(countries=frozenset({"CL"}))
PATH = re.compile(r"^(M[-\d. ]+(L[-\d. ]+)*Z)+$")


@pytest.mark.parametrize("country", sorted(REGIONS))
def test_every_region_has_an_outline_and_every_outline_a_region(country):
    shapes = region_shapes(country)
    assert set(shapes["regions"]) == {code for code, _name in REGIONS[country]}
    _x, _y, width, height = map(float, shapes["viewBox"].split())
    assert max(width, height) == 600
    for code, path in shapes["regions"].items():
        assert PATH.match(path), code
        numbers = [float(n) for n in re.findall(r"[-\d.]+", path)]
        xs, ys = numbers[0::2], numbers[1::2]
        assert min(xs) >= 0 and max(xs) <= width + 0.1, code
        assert min(ys) >= 0 and max(ys) <= height + 0.1, code


def test_unknown_country_has_no_outline():
    assert region_shapes("XX") == {}
    assert region_shapes("../cl") == {}


@pytest.mark.parametrize("peak", [1, 2, 3, 4, 5, 7, 12, 100, 1001])
def test_colour_classes_cover_every_count_once(peak):
    bounds = class_bounds(peak)
    assert bounds[0][1] == 1 and bounds[-1][2] == peak
    for (_i, _low, high), (_j, low, _high) in zip(bounds, bounds[1:], strict=False):
        assert low == high + 1
    for value in range(1, peak + 1):
        index = int(colour_class(value, peak).rsplit("-", 1)[1])
        _index, low, high = next(b for b in bounds if b[0] == index)
        assert low <= value <= high
    assert colour_class(peak, peak) == "map-class-5" or peak < 5
    assert colour_class(0, peak) == "map-none"
    assert colour_class(SUPPRESSED, peak) == "map-suppressed"


def regions_in(svg: str) -> dict[str, tuple[str, str, str]]:
    """data-region -> (colour class, data-value, title) of every path."""
    return {
        code: (css, value, title)
        for css, code, value, title in re.findall(
            r'<path class="region ([\w-]+)" data-region="([\w-]+)" '
            r'data-value="([^"]*)" d="[^"]+"><title>([^<]+)</title></path>',
            str(svg),
        )
    }


@pytest.mark.django_db
def test_officer_map_holds_raw_counts_and_colours_by_value(seeded):
    tables = {table.key: table for table in dashboard(CL)}
    table = tables["map_CL"]
    assert "map_PE" not in tables  # an officer maps their own country only
    raw = dict(
        Enrolment.objects.filter(user__country="CL")
        .exclude(user__region="")
        .values_list("user__region")
        .annotate(n=Count("id"))
    )
    shown = dict(zip(table.codes, (row[1] for row in table.rows), strict=True))
    assert shown == {code: raw.get(code, 0) for code, _name in REGIONS["CL"]}
    assert len([v for v in shown.values() if v]) == 3  # the seed's three regions
    # The map's table agrees with the table by region for the regions shown.
    by_region = {row[0]: row[1:] for row in tables["by_region"].rows}
    for row in table.rows:
        if row[1]:
            assert by_region[row[0]] == row[1:]

    svg = chart_svg(table)
    paths = regions_in(svg)
    assert set(paths) == set(shown)
    peak = max(shown.values())
    for code, (css, value, title) in paths.items():
        assert value == str(shown[code])
        assert title.endswith(f": {shown[code]}")
        assert css == colour_class(shown[code], peak)
    top = max(shown, key=shown.get)
    assert paths[top][0] == "map-class-5"
    assert paths["CL-MA"][0] == "map-none"
    assert '<title id="chart-map_CL-title">' in svg and "<desc" in svg
    assert 'role="img"' in svg and "report-map-legend" in svg


@pytest.mark.django_db
def test_suppressed_map_hatches_small_cells(seeded):
    table = {t.key: t for t in dashboard(CL)}["map_CL"]
    table.rows[0][1] = 3  # a small cell, as a smaller seed would give
    svg = str(chart_svg(table.suppressed()))
    paths = regions_in(svg)
    code = table.codes[0]
    assert paths[code][0] == "map-suppressed"
    assert paths[code][1] == "&lt;5"
    assert paths[code][2].endswith(": &lt;5")
    assert "url(#hatch-map_CL)" in svg and "Menos de 5" in svg
    assert not any(v.isdigit() and 0 < int(v) < 5 for _c, v, _t in paths.values())


@pytest.mark.django_db
def test_no_maps_for_the_regional_role_or_trainers(seeded, courses):
    regional = Scope(countries=frozenset({"CL", "PE"}), suppress=True, regional=True)
    trainer = Scope(countries=frozenset({"CL"}), courses=frozenset({courses[0].pk}))
    for scope in (regional, trainer):
        assert not [t for t in dashboard(scope) if t.chart == "map"]
    everyone = Scope(countries=frozenset({"CL", "PE"}))
    maps = [t.key for t in dashboard(everyone) if t.chart == "map"]
    assert maps == ["map_CL", "map_PE"]


def test_region_names_sort_in_dictionary_order():
    from courses.reports.selectors import collation_key

    names = ["Ñuble", "Maule", "O'Higgins", "Atacama", "Los Ríos", "Los Lagos"]
    assert sorted(names, key=collation_key) == [
        "Atacama",
        "Los Lagos",
        "Los Ríos",
        "Maule",
        "Ñuble",
        "O'Higgins",
    ]
