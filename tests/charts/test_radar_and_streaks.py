"""The radar plots exactly its input numbers; streaks of active weeks on hand-made cases."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pytest
import samples

from po_tracker.charts import radar, radar_panel
from po_tracker.charts.data import RadarData
from po_tracker.charts.streaks import week_streaks


def _line(figure, gid):
    return next(line for line in figure.axes[0].get_lines() if line.get_gid() == gid)


def test_radar_lines_carry_the_input_levels():
    data = samples.radar()
    figure = radar.build(data)
    current = _line(figure, "current").get_ydata()
    target = _line(figure, "target").get_ydata()
    earlier = _line(figure, "earlier").get_ydata()
    assert len(current) == len(data.skills) + 1  # closed polygon
    assert current[0] == current[-1]
    for i, value in enumerate(data.current):
        assert current[i] == (0.0 if value is None else value)
    for i, value in enumerate(data.target):
        assert math.isnan(target[i]) if value is None else target[i] == value
    for i, value in enumerate(data.earlier):
        assert earlier[i] == (0.0 if value is None else value)
    spokes = _line(figure, "current").get_xdata()[:-1]
    assert np.allclose(np.diff(spokes), 2 * math.pi / len(data.skills))


def test_others_view_is_drawn_where_others_gave_levels_with_a_gap_elsewhere():
    data = RadarData(skills=("A", "B", "C"), current=(1.0, 4.0, 3.0), others=(2.5, None, 4.0))
    figure = radar.build(data)
    others = _line(figure, "others").get_ydata()
    assert others[0] == 2.5 and math.isnan(others[1]) and others[2] == 4.0
    legends = [ax.get_legend() for ax in figure.axes if ax.get_legend()]
    assert "Others' view (12 months)" in [t.get_text() for lg in legends for t in lg.get_texts()]


def test_radar_without_target_or_earlier():
    data = RadarData(skills=("A", "B", "C"), current=(1.0, 4.5, 3.0))
    figure = radar.build(data)
    assert {line.get_gid() for line in figure.axes[0].get_lines()} == {"current"}
    assert list(_line(figure, "current").get_ydata()) == [1.0, 4.5, 3.0, 1.0]


def test_radar_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="target"):
        RadarData(skills=("A", "B"), current=(1, 2), target=(3,))


def test_radar_gaps_are_ranked_largest_first():
    data = RadarData(skills=("A", "B", "C", "D"), current=(2, None, 4, 3), target=(3, 3, 4, None))
    assert radar_panel.gaps(data) == [("B", 0.0, 3), ("A", 2.0, 3)]


def _label_boxes(figure):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # runs the layout, which spreads the labels
    renderer = canvas.get_renderer()
    polar = figure.axes[0]
    labels = [t for t in polar.texts if (t.get_gid() or "").startswith("skill-label:")]
    return [t.get_window_extent(renderer) for t in labels]


@pytest.mark.parametrize("size", [(10.0, 6.0), (8.0, 5.0), (6.0, 4.0)])
def test_skill_labels_are_spread_until_none_overlaps(size):
    """The shipped framework's long names (wrapped) on close spokes near the top and
    bottom: drawn as laid out, no two labels overlap."""
    boxes = _label_boxes(radar.build(samples.radar(), size=size))
    assert len(boxes) == len(samples.radar().skills)
    for i, box in enumerate(boxes):
        for other in boxes[i + 1 :]:
            assert not box.overlaps(other), (box, other)


MONDAY = date(2025, 3, 3)


def weeks(*offsets: int) -> list[date]:
    """A Wednesday in each of the given weeks, counted from the week of MONDAY."""
    return [MONDAY + timedelta(weeks=w, days=2) for w in offsets]


def test_no_activity():
    s = week_streaks([], MONDAY)
    assert (s.current, s.longest, s.active_weeks) == (0, 0, 0)


def test_streak_running_into_this_week():
    s = week_streaks(weeks(-3, -2, -1, 0), MONDAY + timedelta(days=4))
    assert (s.current, s.longest, s.active_weeks) == (4, 4, 4)


def test_empty_current_week_does_not_break_the_streak_yet():
    s = week_streaks(weeks(-2, -1), MONDAY + timedelta(days=6))
    assert (s.current, s.longest) == (2, 2)


def test_a_missed_full_week_breaks_it():
    s = week_streaks(weeks(-6, -5, -4, -3, -1, 0), MONDAY + timedelta(days=2))
    assert (s.current, s.longest, s.active_weeks) == (2, 4, 6)
    s = week_streaks(weeks(-6, -5, -4), MONDAY)
    assert (s.current, s.longest) == (0, 3)


def test_several_days_in_one_week_count_once_and_sunday_ends_the_week():
    days = [MONDAY, MONDAY + timedelta(days=6), MONDAY + timedelta(days=7)]  # Mon, Sun, Mon
    s = week_streaks(days, MONDAY + timedelta(days=7))
    assert (s.current, s.longest, s.active_weeks) == (2, 2, 2)


def test_days_after_as_of_are_ignored():
    s = week_streaks(weeks(0, 1, 2), MONDAY + timedelta(days=3))
    assert (s.current, s.longest, s.active_weeks) == (1, 1, 1)


def test_year_boundary():
    days = [date(2024, 12, 30), date(2025, 1, 5), date(2025, 1, 6)]  # weeks 1 and 2 of 2025
    s = week_streaks(days, date(2025, 1, 8))
    assert (s.current, s.longest) == (2, 2)
