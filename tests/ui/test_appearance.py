"""View > Appearance: System, Light and Dark, applied live; the charts on screen
follow, and the choice is remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from po_tracker.ui.theme import appearance
from po_tracker.ui.widgets.chart_view import ChartView


@pytest.fixture(autouse=True)
def back_to_system():
    yield
    appearance.apply("system", remember=False)


def test_dark_and_light_switch_live_and_charts_follow(qtbot):
    view = ChartView()
    qtbot.addWidget(view)
    view.show()
    appearance.apply("dark")
    assert appearance.is_dark(QApplication.palette())
    qtbot.waitUntil(lambda: view.request().theme.name == "dark")
    assert QSettings().value(appearance.SETTINGS_KEY) == "dark"
    appearance.apply("light")
    assert not appearance.is_dark(QApplication.palette())
    qtbot.waitUntil(lambda: view.request().theme.name == "light")
    assert appearance.saved_choice() == "light"


def test_system_gives_back_the_palette_the_app_started_with(qtbot):
    appearance.apply("system", remember=False)
    before = QApplication.palette().window().color().name()
    appearance.apply("dark")
    appearance.apply("system")
    assert QApplication.palette().window().color().name() == before
    assert appearance.saved_choice() == "system"


def test_an_unknown_choice_is_refused_and_changes_nothing():
    appearance.apply("light", remember=True)
    with pytest.raises(ValueError, match="unknown appearance 'sepia'"):
        appearance.apply("sepia")
    assert appearance.saved_choice() == "light"


def test_the_view_menu_offers_the_three_choices(qtbot, context):
    from po_tracker.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert list(window.appearance_actions) == ["system", "light", "dark"]
    assert window.appearance_actions["system"].isChecked()
    window.appearance_actions["dark"].trigger()
    assert appearance.is_dark(QApplication.palette())
    assert window.appearance_actions["dark"].isChecked()
