"""Charts come back as accessible, deterministic inline SVG that survives gaps and no data.

The last test saves one sample of each chart to ``test-artifacts/charts/`` for a person to
open and look at.
"""

import re
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from oversight.web.charts import bar_chart, format_value, sparkline, trend_chart

SVG = "{http://www.w3.org/2000/svg}"
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "charts"

MONTHS = [date(2024 + (month - 1) // 12, (month - 1) % 12 + 1, 1) for month in range(3, 16)]
RE_REFERRALS = [21.0, 23.5, 22.1, None, 25.3, 27.9, 26.0, 24.2, 22.8, 20.5, 23.1, 24.9, 22.0]
ETHNICITY = [
    ("White", 40.0),
    ("Mixed or Multiple ethnic groups", 12.5),
    ("Asian or Asian British", 8.1),
    ("Black, African, Caribbean or Black British", 22.0),
    ("Other ethnic group", None),
]


def a_sparkline() -> str:
    return sparkline([3, 5, None, 4, 6], title="Visits on time, last 5 months")


def a_trend() -> str:
    return trend_chart(
        list(zip(MONTHS, RE_REFERRALS, strict=True)),
        title="Re-referrals within 12 months, by month",
        unit="percent",
        benchmarks=[("England", 22.6), ("Statistical neighbours", 21.9)],
    )


def a_bar_chart() -> str:
    return bar_chart(
        ETHNICITY,
        title="Children in need by ethnicity",
        unit="percent",
        markers=[("England", 20.8)],
        highlight="Black, African, Caribbean or Black British",
    )


CHARTS = [
    (a_sparkline, "Visits on time, last 5 months"),
    (a_trend, "Re-referrals within 12 months, by month"),
    (a_bar_chart, "Children in need by ethnicity"),
]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def texts(svg: str) -> list[str]:
    return [element.text or "" for element in parse(svg).iter(f"{SVG}text")]


def all_text(svg: str) -> str:
    return " ".join(texts(svg))


def styled(svg: str, wanted: str) -> list[ET.Element]:
    """Elements drawn with every one of ``wanted`` (``stroke: #1d70b8; stroke-width: 3``),
    or, given one name alone (``stroke-dasharray``), with that attribute at all."""
    pairs = [part.split(":", 1) for part in wanted.split(";")]

    def drawn(element: ET.Element) -> bool:
        return all(
            element.get(name.strip()) == value[0].strip() if value else element.get(name.strip())
            for name, *value in pairs
        )

    return [element for element in parse(svg).iter() if drawn(element)]


def bars(svg: str) -> list[ET.Element]:
    groups = parse(svg).iter(f"{SVG}g")
    return [group for group in groups if re.search(r"-bar-\d+$", group.get("id", ""))]


def text_positions(svg: str) -> dict[str, tuple[float, float]]:
    """Each text's anchor point, from ``x``/``y`` or a ``translate(x y)`` transform."""
    positions = {}
    for element in parse(svg).iter(f"{SVG}text"):
        moved = re.search(r"translate\(([-\d.]+) ([-\d.]+)\)", element.get("transform", ""))
        x, y = (moved[1], moved[2]) if moved else (element.get("x"), element.get("y"))
        positions[element.text or ""] = (float(x or 0), float(y or 0))
    return positions


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (40, "percent", "40.0%"),
        (22.64, "percent", "22.6%"),
        (22.65, "percent", "22.7%"),
        (512.25, "rate", "512.3"),
        (2.5, "count", "3"),
        (-3.25, "average", "-3.3"),
        (548.46, "rate", "548.5"),
        (1234.56, "rate", "1,234.6"),
        (4529, "count", "4,529"),
        (0, "count", "0"),
        (16.63, "average", "16.6"),
        (None, "percent", "—"),
        (None, "count", "—"),
    ],
)
def test_values_are_written_as_people_read_them_in_their_unit(value, unit, shown):
    assert format_value(value, unit) == shown


def test_an_unknown_unit_is_refused_with_the_units_it_could_be():
    with pytest.raises(ValueError, match="percent, rate, count, average"):
        format_value(3, "per cent")
    with pytest.raises(ValueError, match="Unknown unit 'days'"):
        bar_chart([("A", 1)], title="A", unit="days")


@pytest.mark.parametrize(("draw", "title"), CHARTS)
def test_every_chart_is_an_image_named_by_its_title_for_screen_readers(draw, title):
    svg = draw()
    root = parse(svg)
    assert svg.startswith("<svg") and "<?xml" not in svg and "DOCTYPE" not in svg
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img" and root.get("focusable") == "false"
    named_by = [e for e in root.iter(f"{SVG}title") if e.get("id") == root.get("aria-labelledby")]
    assert len(named_by) == 1
    assert named_by[0].text == title


@pytest.mark.parametrize(("draw", "title"), CHARTS)
def test_the_same_data_always_draws_the_same_bytes(draw, title):
    assert draw() == draw()


def test_charts_drawn_at_once_on_many_threads_match_those_drawn_one_by_one():
    one_by_one = [draw() for draw, _ in CHARTS] * 4
    with ThreadPoolExecutor(max_workers=6) as pool:
        at_once = list(pool.map(lambda draw: draw(), [draw for draw, _ in CHARTS] * 4))
    assert at_once == one_by_one


def test_the_title_is_escaped_so_it_cannot_break_the_page():
    svg = sparkline([1, 2], title='Visits <script>alert("x")</script> & more')
    title = parse(svg).find(f"{SVG}title")
    assert title is not None and title.text == 'Visits <script>alert("x")</script> & more'
    assert "<script>" not in svg


def test_two_charts_on_one_page_share_no_ids():
    first = {e.get("id") for e in parse(sparkline([1, 2], title="A")).iter() if e.get("id")}
    second = {e.get("id") for e in parse(sparkline([1, 2], title="B")).iter() if e.get("id")}
    assert first and second and not first & second


def test_every_internal_reference_points_at_an_id_in_the_same_chart():
    svg = a_trend()
    ids = {element.get("id") for element in parse(svg).iter()}
    references = re.findall(r'url\(#([^)]+)\)|href="#([^"]+)"', svg)
    assert references
    assert all((clip or use) in ids for clip, use in references)


def test_a_label_that_looks_like_markup_is_shown_as_written():
    label = 'Team "A" <1> & id="x" url(#y) $x^2$'
    svg = bar_chart([(label, 3)], title="T", unit="count", width_px=900)
    assert label in texts(svg)


def test_text_stays_text_in_the_govuk_font_family():
    svg = a_trend()
    assert "Mar 2025" in texts(svg)
    assert "font-family=\"'GDS Transport', 'Arial', 'Helvetica'" in svg
    assert "DejaVuSans-" not in svg  # no glyphs drawn as paths


def test_the_chart_is_sized_in_pixels_and_shrinks_to_fit_a_narrow_screen():
    root = parse(trend_chart([(MONTHS[0], 1.0)], title="T", unit="count", width_px=500))
    assert (root.get("width"), root.get("height")) == ("500", "280")
    assert root.get("viewBox") == "0 0 500 280"
    assert root.get("class") == "oversight-svg"  # the stylesheet lets it shrink to fit


def test_a_sparkline_has_no_axes_and_a_dot_on_the_latest_value():
    svg = sparkline([3, 5, 4, 6], title="Trend")
    assert texts(svg) == []
    assert len(list(parse(svg).iter(f"{SVG}use"))) == 1


def test_a_sparkline_shows_a_value_with_gaps_either_side_as_a_dot():
    svg = sparkline([3, None, 5, None, 4], title="Gappy")
    assert len(list(parse(svg).iter(f"{SVG}use"))) == 3 + 1  # three lone values, the latest


@pytest.mark.parametrize(
    "draw",
    [
        lambda: sparkline([], title="Nothing yet"),
        lambda: sparkline([None, None], title="Nothing yet"),
        lambda: trend_chart([], title="Nothing yet", unit="percent", benchmarks=[("E", 2.0)]),
        lambda: trend_chart([(MONTHS[0], None)], title="Nothing yet", unit="rate"),
        lambda: bar_chart([], title="Nothing yet", unit="count", markers=[("E", 2.0)]),
    ],
)
def test_no_data_draws_a_small_chart_saying_so(draw):
    svg = draw()
    assert texts(svg) == ["No data"]
    assert parse(svg).get("role") == "img"
    assert int(parse(svg).get("height") or 0) <= 60


def test_a_gap_in_the_months_breaks_the_line():
    svg = a_trend()
    (line,) = [e for e in styled(svg, "stroke: #1d70b8; stroke-width: 3") if e.tag == f"{SVG}path"]
    assert line.get("d", "").count("M ") == 2


def test_months_are_labelled_sparsely_ending_with_the_latest():
    labels = [text for text in texts(a_trend()) if re.fullmatch(r"[A-Z][a-z]{2} \d{4}", text)]
    assert 3 <= len(labels) <= 7
    assert labels[-1] == "Mar 2025"
    assert labels == sorted(set(labels), key=labels.index)


def test_a_percentage_axis_starts_at_zero_with_room_above_the_highest_value():
    points = list(zip(MONTHS, [10.0, 20.0, 25.0], strict=False))
    ticks = [t for t in texts(trend_chart(points, title="T", unit="percent")) if t.endswith("%")]
    assert ticks[:2] == ["0%", "10%"] and "30%" in ticks and "100%" not in ticks


def test_a_percentage_mostly_above_half_is_shown_out_of_100():
    points = list(zip(MONTHS, [60.0, 80.0, 75.0], strict=False))
    assert "100%" in texts(trend_chart(points, title="T", unit="percent"))


def test_a_rate_axis_shows_plain_numbers():
    points = list(zip(MONTHS, [548.5, 530.0, 571.2], strict=False))
    svg = trend_chart(points, title="T", unit="rate", benchmarks=[("England", 538.2)])
    assert {"0", "200", "400", "600"} <= set(texts(svg))
    assert "England 538.2" in texts(svg) and "571.2" in texts(svg)


def test_each_benchmark_is_a_dashed_line_labelled_with_its_value():
    svg = a_trend()
    assert "England 22.6%" in all_text(svg)
    assert "Statistical neighbours 21.9%" in all_text(svg)
    assert len([e for e in styled(svg, "stroke-dasharray") if e.tag == f"{SVG}path"]) == 2


def test_benchmark_labels_close_in_value_are_moved_apart_to_stay_readable():
    benchmarks = [("England", 22.6), ("Region", 22.4), ("Neighbours", 22.5)]
    points = list(zip(MONTHS, RE_REFERRALS, strict=True))
    svg = trend_chart(points, title="T", unit="percent", benchmarks=benchmarks)
    positions = text_positions(svg)
    heights = sorted(positions[f"{name} {value}%"][1] for name, value in benchmarks)
    assert all(lower - upper >= 14 for upper, lower in zip(heights, heights[1:], strict=False))


def test_a_bar_chart_draws_one_bar_per_known_value_and_says_no_data_for_a_gap():
    svg = a_bar_chart()
    assert len(bars(svg)) == 4
    assert {"40.0%", "12.5%", "8.1%", "22.0%", "no data"} <= set(texts(svg))


def test_the_highlighted_bar_is_dark_blue_and_the_others_govuk_blue():
    fills = {group.get("id", "")[-1]: group[0].get("fill") for group in bars(a_bar_chart())}
    assert fills == {"0": "#1d70b8", "1": "#1d70b8", "2": "#1d70b8", "3": "#003078"}


def test_each_marker_is_a_dashed_line_named_in_the_legend_with_its_value():
    markers = [("England", 20.8), ("Region", 18.2)]
    svg = bar_chart(ETHNICITY, title="T", unit="percent", markers=markers)
    assert {"England 20.8%", "Region 18.2%"} <= set(texts(svg))
    dashed = [e for e in styled(svg, "stroke-dasharray") if e.tag == f"{SVG}path"]
    assert len(dashed) == 2 * 2  # a line across the bars and a sample in the legend, each


def test_more_bars_make_a_taller_chart():
    def height(count: int) -> int:
        chart = bar_chart([(f"Team {n}", n) for n in range(count)], title="T", unit="count")
        return int(parse(chart).get("height") or 0)

    assert height(3) < height(6) < height(12)


@pytest.mark.parametrize("width", [640, 400])
def test_a_long_label_is_wrapped_and_the_bars_start_beside_it(width):
    svg = bar_chart(ETHNICITY, title="T", unit="percent", width_px=width)
    assert "Black, African, Caribbean or Black British" not in texts(svg)
    assert "Black, African, Caribbean or Black British" in all_text(svg)
    (start,) = {float(group[0].get("d", "").split()[1]) for group in bars(svg)}
    assert start <= width * 0.45
    lines = {text: x for text, (x, _) in text_positions(svg).items() if text[0].isalpha()}
    assert all(x < start and len(text) <= 32 for text, x in lines.items() if text != "no data")


def test_a_sample_of_each_chart_is_saved_for_a_person_to_look_at():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    samples = {
        "sparkline": a_sparkline(),
        "trend": a_trend(),
        "bar": a_bar_chart(),
        "no-data": trend_chart([], title="No data yet", unit="count"),
    }
    for name, svg in samples.items():
        (ARTIFACTS / f"{name}.svg").write_text(svg, encoding="utf-8")
    page = "\n".join(f"<h2>{name}</h2>\n{svg}" for name, svg in samples.items())
    (ARTIFACTS / "index.html").write_text(f"<!doctype html>\n<title>Charts</title>\n{page}\n")
    assert sorted(path.name for path in ARTIFACTS.glob("*.svg")) >= sorted(
        f"{name}.svg" for name in samples
    )


def test_a_chart_has_no_css_for_the_content_security_policy_to_block():
    for svg in (a_trend(), a_bar_chart(), sparkline([3, 5, 4, 6], title="Trend")):
        assert "style=" not in svg and "<style" not in svg
        root = parse(svg)
        assert (root.get("stroke-linejoin"), root.get("stroke-linecap")) == ("round", "butt")


def test_a_style_becomes_presentation_attributes_and_wins_over_a_repeated_one():
    from oversight.web.chart_svg import _without_css

    svg = (
        '<svg viewBox="0 0 1 1"><defs><style type="text/css">*{stroke-linecap: butt}</style>'
        '</defs><path fill="red" style="fill: none; stroke-width: 2"/><text>a style="x"</text>'
        "</svg>"
    )
    assert _without_css(svg) == (
        '<svg stroke-linecap="butt" viewBox="0 0 1 1">'
        '<path fill="none" stroke-width="2"/><text>a style="x"</text></svg>'
    )
