"""The dashboard fits a 1280x800 window without scrolling, with both charts in view;
narrower, it turns into one column and scrolls down, never sideways. Renewals and due
dates carry a status word with their colour, and near dates read as people say them."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from po_tracker.demo import fill_demo_profile
from po_tracker.services.storage.opening import open_logbook
from po_tracker.ui.context import AppContext
from po_tracker.ui.main_window import MainWindow
from po_tracker.ui.pages.dashboard_view import relative_day
from po_tracker.ui.theme.tokens import STATUSES


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dashboard-demo")
    database = open_logbook(folder)
    fill_demo_profile(database, date.today())
    database.close()
    return folder


@pytest.fixture
def window(qtbot, demo_folder, tmp_path):
    folder = tmp_path / "demo"
    shutil.copytree(demo_folder, folder)
    database = open_logbook(folder)
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    main.attach(AppContext(database))
    yield main
    database.close()


def _settle(qtbot, window, width: int, height: int):
    window.resize(width, height)
    dashboard = window.page("dashboard")
    qtbot.waitUntil(lambda: dashboard.viewport().width() > 0)
    qtbot.wait(50)
    return dashboard


def test_at_1280x800_everything_is_on_the_first_screen(qtbot, window):
    dashboard = _settle(qtbot, window, 1280, 800)
    assert dashboard.columns == 2
    assert dashboard.verticalScrollBar().maximum() == 0
    viewport = dashboard.viewport().rect()
    for name, chart in dashboard.small_charts.items():
        top_left = chart.mapTo(dashboard.viewport(), chart.rect().topLeft())
        assert viewport.contains(top_left), name
        assert chart.height() >= 170, name


def test_narrow_window_reflows_to_one_column_without_sideways_scrolling(qtbot, window):
    dashboard = _settle(qtbot, window, 1024, 700)
    assert dashboard.columns == 1
    assert dashboard.horizontalScrollBar().maximum() == 0
    dashboard = _settle(qtbot, window, 1280, 800)
    assert dashboard.columns == 2


def test_back_in_two_columns_the_charts_take_the_height_again(qtbot, window):
    """Narrow at first (one column), then widened: the height to spare goes to the charts'
    row, as when the window opens wide (no row left empty keeps it)."""
    _settle(qtbot, window, 1024, 700)
    dashboard = _settle(qtbot, window, 1440, 1200)
    assert dashboard.columns == 2
    assert min(chart.height() for chart in dashboard.small_charts.values()) > 250
    # Under X the grid gave an empty stretched row the height (offscreen Qt does not):
    # every row that takes height to spare holds cards.
    grid = dashboard.grid
    filled = {grid.getItemPosition(i)[0] for i in range(grid.count())}
    assert {row for row in range(grid.rowCount()) if grid.rowStretch(row)} <= filled


def test_due_items_carry_a_status_word(qtbot, window):
    dashboard = _settle(qtbot, window, 1280, 800)
    words = {status.word for status in STATUSES.values()}
    rows = [dashboard.renewals.item(i).text() for i in range(dashboard.renewals.count())]
    rows += [dashboard.reminders.item(i).text() for i in range(dashboard.reminders.count())]
    assert rows and all(row.split(" · ")[0] in words for row in rows)


@pytest.mark.parametrize(
    ("offset", "said"),
    [(0, "today"), (1, "tomorrow"), (-1, "yesterday"), (41, "in 41 days"), (-5, "5 days ago")],
)
def test_near_dates_are_said_relative_to_today(offset, said):
    today = date(2026, 3, 10)
    assert relative_day(date.fromordinal(today.toordinal() + offset), today) == said


def test_far_dates_stay_dates():
    assert relative_day(date(2027, 1, 1), date(2026, 3, 10)) == "2027-01-01"
