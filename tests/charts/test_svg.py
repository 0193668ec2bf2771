"""SVG output: well-formed, accessible, MDC colours, escaped text, CSP-safe."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from quorate.charts import (
    ASSURANCE_TITLES,
    MDC_PALETTE,
    VARIATION_TITLES,
    assurance_icon_svg,
    sparkline_svg,
    spc_chart_svg,
    variation_icon_svg,
)
from quorate.core.spc import AssuranceIcon, PointType, VariationIcon, compute_spc

NS = "{http://www.w3.org/2000/svg}"
# ptd-gen-015's shape: a shift above the mean, points below the LCL, a rising trend
VALUES = [10, 11, 9, 10, 12, 9, 10, 11, 10, 9, 11, 10, 2, 3, 4, 5, 6, 7, 8]
LABELS = [f"2023-{m:02d}" for m in range(1, 13)] + [f"2024-{m:02d}" for m in range(1, 8)]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def chart(**kwargs):
    result = compute_spc(VALUES, target=kwargs.pop("target", 12.0))
    return result, spc_chart_svg(result, VALUES, LABELS, **kwargs)


def test_chart_is_well_formed_and_accessible():
    result, svg = chart(title="A&E within 4 hours", unit="%")
    root = parse(svg)
    assert root.tag == f"{NS}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox") == "0 0 720 360"
    assert root.get("width") is None  # scales with its container
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{NS}title").get("id") == title_id
    assert root.find(f"{NS}title").text == "A&E within 4 hours"
    desc = root.find(f"{NS}desc")
    assert desc.get("id") == desc_id
    assert "19 values from 2023-01 to 2024-07" in desc.text
    assert "Target 12%" in desc.text
    assert VARIATION_TITLES[result.variation_icon] in desc.text


def test_chart_points_are_coloured_by_point_type():
    result, svg = chart()
    circles = [c for c in parse(svg).iter(f"{NS}circle") if "point" in c.get("class", "")]
    assert len(circles) == len(VALUES)
    expected = {
        PointType.COMMON_CAUSE: MDC_PALETTE.common_cause,
        PointType.IMPROVEMENT: MDC_PALETTE.improvement,
        PointType.CONCERN: MDC_PALETTE.concern,
    }
    for circle, kind in zip(circles, result.points.point_type, strict=True):
        assert circle.get("fill") == expected[kind]
    fills = {c.get("fill") for c in circles}
    assert fills == {MDC_PALETTE.improvement, MDC_PALETTE.concern}
    assert "Below LCL" in circles[12].find(f"{NS}title").text


def test_chart_neutral_points_are_purple():
    result = compute_spc(VALUES, improvement_direction="neutral")
    svg = spc_chart_svg(result, VALUES, LABELS)
    fills = {c.get("fill") for c in parse(svg).iter(f"{NS}circle")}
    assert MDC_PALETTE.neutral in fills


def test_chart_draws_mean_solid_limits_dashed_and_a_red_target():
    _, svg = chart()
    root = parse(svg)
    paths = {p.get("class"): p for p in root.iter(f"{NS}path") if p.get("class")}
    assert paths["mean"].get("stroke-dasharray") is None
    assert paths["upl"].get("stroke-dasharray") and paths["lpl"].get("stroke-dasharray")
    assert paths["target"].get("stroke") == MDC_PALETTE.target


def test_chart_escapes_title_labels_and_unit():
    result = compute_spc(VALUES)
    labels = [f"<m{i}> & 'q'" for i in range(len(VALUES))]
    svg = spc_chart_svg(result, VALUES, labels, title='Beds <occupied> & "free"', unit="<u>")
    root = parse(svg)  # would raise if anything were unescaped
    assert root.find(f"{NS}title").text == 'Beds <occupied> & "free"'
    assert "<occupied>" not in svg and "&lt;occupied&gt; &amp;" in svg
    assert "<m0>" not in svg


def test_chart_uses_no_inline_style_or_script():
    _, svg = chart()
    root = parse(svg)
    for element in root.iter():
        assert "style" not in element.attrib
        assert not element.tag.endswith("script") and not element.tag.endswith("style")


def test_chart_handles_missing_values_rebases_and_undefined_limits():
    values = [7.0] * 6 + [None, 7.0, 8.0, 9.0]
    result = compute_spc(values, rebase_at=[6])
    svg = spc_chart_svg(result, values, [str(i) for i in range(10)])
    root = parse(svg)
    assert len([c for c in root.iter(f"{NS}circle") if "point" in c.get("class", "")]) == 9
    assert len([p for p in root.iter(f"{NS}path") if p.get("class") == "mean"]) == 2


def test_chart_rejects_mismatched_lengths():
    result = compute_spc(VALUES)
    with pytest.raises(ValueError, match="one entry per point"):
        spc_chart_svg(result, VALUES, LABELS[:-1])


@pytest.mark.parametrize("icon", list(VariationIcon))
def test_variation_icons_have_titles_and_are_well_formed(icon):
    root = parse(variation_icon_svg(icon))
    assert root.get("role") == "img"
    assert root.find(f"{NS}title").text == VARIATION_TITLES[icon]


def test_variation_icon_letters_and_colours():
    high = variation_icon_svg(VariationIcon.IMPROVEMENT_HIGH)
    assert ">H</text>" in high and MDC_PALETTE.improvement in high
    low = variation_icon_svg("concern_low")
    assert ">L</text>" in low and MDC_PALETTE.concern in low
    assert VARIATION_TITLES[VariationIcon.IMPROVEMENT_HIGH] == (
        "Special cause variation – improvement (higher)"
    )


@pytest.mark.parametrize("icon", list(AssuranceIcon))
def test_assurance_icons_have_titles_and_are_well_formed(icon):
    root = parse(assurance_icon_svg(icon, icon_id="x 1"))
    title = root.find(f"{NS}title")
    assert title.text == ASSURANCE_TITLES[icon]
    assert root.get("aria-labelledby") == title.get("id") == "x-1-title"


def test_icons_without_a_value_say_so():
    assert "not assessed" in variation_icon_svg(None)
    assert "No assurance" in assurance_icon_svg(None)


def test_sparkline_is_well_formed_and_breaks_at_gaps():
    root = parse(sparkline_svg([1.0, 2.0, None, 3.0, 4.0], unit="%"))
    assert len(list(root.iter(f"{NS}polyline"))) == 2
    assert root.find(f"{NS}title").text == "Trend of 4 values, latest 4%"
    assert parse(sparkline_svg([]))  # no values: still a valid picture
    assert parse(sparkline_svg([5.0, 5.0]))  # flat line


def test_sparkline_escapes_its_title():
    svg = sparkline_svg([1.0, 2.0], title="<b>&")
    assert parse(svg).find(f"{NS}title").text == "<b>&"


def test_a_target_that_changes_is_a_stepped_line_with_gaps_where_there_is_none():
    values = [5.0, 6.0, 5.5, 6.5, 6.0]
    result = compute_spc(values, target=8.0)
    svg = spc_chart_svg(
        result, values, ["a", "b", "c", "d", "e"], targets=[7.0, 7.0, None, 8.0, 8.0]
    )
    path = next(p for p in parse(svg).iter(f"{NS}path") if p.get("class") == "target")
    d = path.get("d")
    assert d.count("M") == 2  # two runs, split by the period with no target
    assert "V" not in d  # each run holds one level
    svg = spc_chart_svg(
        result, values, ["a", "b", "c", "d", "e"], targets=[7.0, 7.0, 8.0, 8.0, 8.0]
    )
    d = next(p for p in parse(svg).iter(f"{NS}path") if p.get("class") == "target").get("d")
    assert d.count("M") == 1 and d.count("V") == 1 and d.count("H") == 2
    assert "Target or plan by period: a 7, b 7, c 8, d 8, e 8." in svg
    with pytest.raises(ValueError, match="targets"):
        spc_chart_svg(result, values, ["a", "b", "c", "d", "e"], targets=[7.0])


def test_blank_icons_say_why():
    assert "only one value" in assurance_icon_svg(None, unassessed="No assurance: only one value")
    assert "too few" in variation_icon_svg(None, unassessed="Variation: too few points")
