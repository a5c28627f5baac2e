"""The skills radar at every size the window shows it and as exported: every skill label
and every line beside the circle lies inside the picture, none over another, and the
circle stays large enough to read."""

from __future__ import annotations

import dataclasses

import pytest
import samples
from matplotlib.backends.backend_agg import FigureCanvasAgg

from po_tracker.charts import radar, radar_place
from po_tracker.charts.theme import DARK, LIGHT
from po_tracker.ui.pages.dashboard_view import SMALL_DESIGNS
from po_tracker.ui.widgets.chart_view import fit_dpi

# The dashboard card's picture (logical pixels, pixel ratio), measured in the window:
# 1280x800, 1024x700 (one column), 1440x900, 150 % scale on 1440x900; then 1280x800 on
# Qt's offscreen platform and a card caught mid-reflow, both lower than the design.
CARDS = [
    (465, 259, 1.0),
    (712, 336, 1.0),
    (545, 359, 1.0),
    (648, 336, 1.5),
    (465, 166, 1.0),
    (545, 172, 1.0),
]


def _card(width: int, height: int, ratio: float) -> tuple[tuple[float, float], float]:
    """The figure's size in inches and its dpi, as the dashboard draws it."""
    base = fit_dpi(width, height, SMALL_DESIGNS["radar"])
    return (width / base, height / base), base * ratio


SIZES = [_card(*card) for card in CARDS] + [((10.0, 6.0), 150.0), ((8.0, 5.0), 60.0)]


def _crowded():
    """Others' view (a fourth legend line) and every skill below a high target: the
    longest side panel."""
    data = samples.radar()
    count = len(data.skills)
    others = tuple(None if i % 4 == 0 else 2.5 for i in range(count))
    return dataclasses.replace(data, target=(5,) * count, others=others)


def _drawn(data, size, dpi, theme):
    figure = radar.build(data, theme=theme, size=SMALL_DESIGNS["radar"])
    figure.set_size_inches(*size)
    figure.dpi = dpi
    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # one draw, as a PNG is written: the layout runs inside it
    return figure, canvas.get_renderer()


def _parts(figure, renderer):
    polar, panel = figure.axes
    labels = [t for t in polar.texts if (t.get_gid() or "").startswith("skill-label:")]
    side = [panel.get_legend(), *panel.texts]
    return (
        polar,
        [t.get_window_extent(renderer) for t in labels],
        [p.get_window_extent(renderer) for p in side],
    )


def _inside(box, figure) -> bool:
    frame = figure.bbox
    return box.x0 >= frame.x0 and box.y0 >= frame.y0 and box.x1 <= frame.x1 and box.y1 <= frame.y1


@pytest.mark.parametrize(
    ("data", "theme"), [(samples.radar(), LIGHT), (_crowded(), DARK)], ids=["sample", "crowded"]
)
@pytest.mark.parametrize(
    ("size", "dpi"), SIZES, ids=[f"{s[0]:.1f}x{s[1]:.1f}@{d:.0f}" for s, d in SIZES]
)
def test_every_label_is_inside_the_picture_and_clear_of_the_others(size, dpi, data, theme):
    figure, renderer = _drawn(data, size, dpi, theme)
    polar, labels, side = _parts(figure, renderer)
    assert len(labels) == len(data.skills)
    for box in labels + side:
        assert _inside(box, figure), (box, figure.bbox)
    for i, box in enumerate(labels):
        for other in labels[i + 1 :] + side:
            assert not box.overlaps(other), (box, other)
    # Fitting by shrinking the circle to a dot would pass the above: it stays readable.
    assert polar.get_window_extent(renderer).height >= 0.38 * figure.bbox.height


def test_full_names_are_kept_where_they_fit():
    """Exported at its usual size the radar shows the skills' full names; on the
    dashboard's card, names lose what they say in brackets."""
    full = "Emerging technologies (AI, ML, automation)"
    figure, _ = _drawn(samples.radar(), (10.0, 6.0), 150.0, LIGHT)
    export = {t.get_text().replace("\n", " ") for t in figure.axes[0].texts}
    figure, _ = _drawn(samples.radar(), *_card(465, 259, 1.0), LIGHT)
    card = {t.get_text().replace("\n", " ") for t in figure.axes[0].texts}
    assert f"{full} (not rated)" in export
    assert "Emerging technologies (not rated)" in card


@pytest.mark.parametrize(
    ("name", "width", "expected"),
    [
        ("Emerging technologies (AI, ML, automation)", 18, "Emerging\ntechnologies"),
        ("Adaptability", 18, "Adaptability"),
        ("(Legacy)", 18, "(Legacy)"),
        ("One two three four five six seven eight nine ten", 10, "One two\nthree four\nfive six…"),
    ],
)
def test_a_short_label_drops_brackets_and_keeps_three_lines(name, width, expected):
    assert radar_place.label_text(name, True, width, short=True) == expected
    assert radar_place.label_text(name, False, width, short=True) == f"{expected}\n(not rated)"
