"""Every chart builds from empty, small and large data, and draws without error."""

from __future__ import annotations

import pytest
from cases import EMPTY, LARGE, SMALL
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from po_tracker.charts import registry
from po_tracker.charts.theme import DARK, LIGHT


def _draw(figure: Figure) -> None:
    FigureCanvasAgg(figure).draw()


@pytest.mark.parametrize("name", registry.names())
def test_empty_data_gives_a_friendly_figure(name):
    figure = registry.build(name, EMPTY[name]())
    _draw(figure)
    texts = [t.get_text() for t in figure.texts]
    assert not figure.axes, "an empty chart shows a message, not an empty axis"
    # What to do next, in the window's words: a page or a menu, never a command line.
    assert not any("po-tracker" in t for t in texts), texts
    assert any(" page" in t or "Ctrl+N" in t or "Edit >" in t for t in texts), texts


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("name", registry.names())
def test_small_data(name, theme):
    figure = registry.build(name, SMALL[name](), theme=theme)
    _draw(figure)
    assert figure.axes
    assert figure.get_facecolor()[:3] != (0, 0, 0) or theme is DARK


@pytest.mark.parametrize("name", registry.names())
def test_ten_year_log_is_aggregated_before_drawing(name):
    # Speed itself is measured by the benchmark (bench/); here, the cause of slowness:
    # a chart that draws one artist per entry instead of aggregating first.
    figure = registry.build(name, LARGE[name]())
    _draw(figure)
    artists = sum(len(ax.get_children()) for ax in figure.axes)
    assert artists < 3000, f"{name} drew {artists} artists: aggregate before drawing"


def test_unknown_chart_name():
    with pytest.raises(ValueError, match="radar"):
        registry.get("pie")


def test_listing_has_one_line_per_chart_name_first():
    lines = registry.listing().splitlines()
    assert [line.split()[0] for line in lines] == list(registry.names())
    assert set(registry.names()) == {
        "radar",
        "skill-trends",
        "readiness",
        "activity",
        "learning",
        "networking",
        "career-map",
    }
