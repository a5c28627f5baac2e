"""Every page opens with the same header; its primary action carries an icon, which
arrives with the icon font and follows light and dark."""

from __future__ import annotations

import pytest

from po_tracker.ui.main_window import MainWindow
from po_tracker.ui.navigation import PAGES
from po_tracker.ui.theme import appearance, icons
from po_tracker.ui.theme.header import PageHeader


@pytest.fixture
def window(qtbot, context, monkeypatch):
    monkeypatch.setattr(MainWindow, "offer_first_run", lambda self: None)
    main = MainWindow()
    qtbot.addWidget(main)
    main.attach(context)
    yield main
    appearance.apply("system", remember=False)


def headers(window) -> dict[str, PageHeader]:
    found = {}
    for spec in PAGES:
        page = window.page(spec.key)
        header = page.findChild(PageHeader)
        assert header is not None, f"the {spec.key} page has no header"
        found[spec.key] = header
    return found


@pytest.fixture
def no_icon_font(monkeypatch):
    """The font not loaded yet (an earlier test may have loaded it): set before the
    window is built, so that no page is built with it."""
    monkeypatch.setattr(icons, "_font", None)


def test_every_page_has_a_header_and_its_primary_action_an_icon(no_icon_font, window):
    before = headers(window)  # no icons yet, and no harm
    assert all(h.action is None or h.action.icon().isNull() for h in before.values())
    icons.load()
    window.apply_icons()
    with_action = {key for key, h in headers(window).items() if h.action is not None}
    assert with_action >= {key for key in before if key != "career"}
    for key in with_action:
        action = before[key].action
        assert not action.icon().isNull(), key


def test_the_icons_are_drawn_again_in_dark(window, qtbot):
    icons.load()
    button = headers(window)["journal"].action
    window.apply_icons()
    light = button.icon().pixmap(16, 16).toImage()
    appearance.apply("dark", remember=False)
    qtbot.waitUntil(lambda: button.icon().pixmap(16, 16).toImage() != light)


def test_the_charts_page_opens_with_the_same_header_and_export(window):
    charts = window.page("charts")
    header = headers(window)["charts"]
    assert header.title.text() == "Charts" and header.purpose.text()
    assert header.action is charts.export_button
    assert header.isAncestorOf(charts.export_button)
    assert charts.export_button.text().replace("&", "") == "Export…"
