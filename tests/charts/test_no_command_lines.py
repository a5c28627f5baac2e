"""Empty charts tell the user what to do in the window's words: a page that exists and
what to press there, never a command line to type (the same pictures are shown in the
window and exported from it)."""

from __future__ import annotations

from datetime import date

import pytest
from matplotlib.text import Text

from po_tracker.charts import registry
from po_tracker.charts.theme import LIGHT
from po_tracker.services.charts_data.chart_data import chart_data


@pytest.mark.parametrize("name", registry.names())
def test_an_empty_logbooks_chart_names_no_command(session, name):
    figure = registry.build(name, chart_data(session, name, date.today()), theme=LIGHT)
    words = " ".join(text.get_text() for text in figure.findobj(Text))
    assert "po-tracker" not in words
    for mention in ("Profile page", "Events page", "Log page"):
        assert mention not in words
