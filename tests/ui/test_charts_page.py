"""The Charts page and the dashboard's small charts, driven with pytest-qt over the demo
profile: every chart draws, options change the figure, export writes a light file, the
numbers table shows and copies the chart's numbers."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog

from po_tracker.charts import registry
from po_tracker.demo import fill_demo_profile
from po_tracker.services.changes import Changes
from po_tracker.services.storage.opening import open_logbook
from po_tracker.ui.context import AppContext
from po_tracker.ui.pages.charts_page import ChartsPage
from po_tracker.ui.pages.dashboard_page import DashboardPage

TODAY = date.today()


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    database = open_logbook(folder)
    fill_demo_profile(database, TODAY)
    database.close()
    return folder


@pytest.fixture
def demo_context(demo_folder, tmp_path, qapp):
    # A copy per test: a test that changes data leaves the others' logbook alone.
    folder = tmp_path / "demo"
    shutil.copytree(demo_folder, folder)
    database = open_logbook(folder)
    yield AppContext(database)
    database.close()


@pytest.fixture
def page(qtbot, demo_context):
    widget = ChartsPage(demo_context)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitUntil(lambda: widget.view.figure is not None, timeout=15_000)
    return widget


def open_chart(qtbot, page, name: str):
    before = page.view.figure
    page.show_argument(name)
    if page.view.name == name and page.view.figure is not before:
        return page.view.figure
    qtbot.waitUntil(
        lambda: page.view.name == name and page.view.figure is not before, timeout=15_000
    )
    return page.view.figure


def texts(figure) -> str:
    return " ".join(t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")))


@pytest.mark.slow
def test_every_chart_draws_from_the_demo_profile(qtbot, page):
    timings = {}
    for name in reversed(registry.names()):
        figure = open_chart(qtbot, page, name)
        assert figure.axes, name
        assert page.view.accessibleName().endswith("chart")
        timings[name] = page.view.render_ms
    print("render ms:", {k: round(v) for k, v in timings.items()})
    assert page.chart_list.currentItem().text() == "Skills radar"


def test_options_change_the_figure(qtbot, page):
    figure = open_chart(qtbot, page, "readiness")
    assert "Weighted share" not in texts(figure)
    with qtbot.waitSignal(page.options.changed):
        page.options.stacked.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.view.figure is not figure, timeout=15_000)
    assert "Weighted share" in texts(page.view.figure)

    radar = open_chart(qtbot, page, "radar")
    page.options.earlier.setDate(QDate(TODAY.year - 1, 1, 15))
    qtbot.waitUntil(lambda: page.view.figure is not radar, timeout=15_000)
    assert f"15 Jan {TODAY.year - 1}" in texts(page.view.figure)


def test_trends_offer_checkable_skills(qtbot, page):
    figure = open_chart(qtbot, page, "skill-trends")
    skills = page.options.skills
    assert skills.isVisible() and skills.count() >= 10
    page.options._check_all(False)
    assert page.view.figure is None  # "choose at least one skill"
    skills.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: page.view.figure not in (None, figure), timeout=15_000)
    assert page.data.selected == (skills.item(0).text(),)


def test_export_writes_a_light_png(qtbot, page, tmp_path, monkeypatch):
    target = tmp_path / "radar-export"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PNG image (*.png)")
    )
    path = page.export_current()
    assert path == tmp_path / "radar-export.png"
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1500, 900)
    assert image.pixelColor(3, 3).lightness() > 240  # light background whatever the screen


def test_numbers_table_shows_rows_and_copies_them(qtbot, page):
    qtbot.mouseClick(page.numbers_button, Qt.MouseButton.LeftButton)
    table = page.numbers
    assert table.isVisible() and table.rowCount() > 5
    assert table.horizontalHeaderItem(0).text() == "Skill"
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0].startswith("Skill\tNow\tTarget")
    assert copied[1].split("\t")[0] == table.item(0, 0).text()


def test_data_change_redraws_when_shown(qtbot, page):
    figure = page.view.figure
    page.hide()
    page.context.notify(Changes.of("rating"))
    assert page.view.figure is figure and page._stale
    page.show()
    qtbot.waitUntil(lambda: page.view.figure is not figure, timeout=15_000)


def test_dashboard_shows_small_charts_that_open_the_charts_page(qtbot, demo_context):
    dashboard = DashboardPage(demo_context)
    qtbot.addWidget(dashboard)
    dashboard.resize(1100, 900)
    dashboard.show()
    qtbot.waitUntil(
        lambda: (
            len(dashboard.small_charts) == 2
            and all(t.shown_as is not None for t in dashboard.small_charts.values())
        ),
        timeout=15_000,
    )
    radar = dashboard.small_charts["radar"]
    # Drawn for the widget's own size, in device pixels: sharp, not scaled.
    ratio = radar.devicePixelRatioF()
    inside = radar.contentsRect()
    assert radar.pixmap().width() == pytest.approx(inside.width() * ratio, abs=2)
    assert radar.pixmap().height() == pytest.approx(inside.height() * ratio, abs=2)
    with qtbot.waitSignal(demo_context.navigate) as opened:
        qtbot.mouseClick(radar, Qt.MouseButton.LeftButton)
    assert opened.args == ["charts", "radar"]
    with qtbot.waitSignal(demo_context.navigate) as opened:
        dashboard.small_charts["readiness"].setFocus()
        qtbot.keyClick(dashboard.small_charts["readiness"], Qt.Key.Key_Return)
    assert opened.args == ["charts", "readiness"]


def test_the_chart_is_drawn_again_for_a_new_size(qtbot, page):
    def fits() -> bool:
        inside, ratio = page.view.contentsRect(), page.view.devicePixelRatioF()
        picture = page.view.pixmap()
        return (
            abs(picture.width() - inside.width() * ratio) <= 2
            and abs(picture.height() - inside.height() * ratio) <= 2
        )

    qtbot.waitUntil(fits, timeout=15_000)
    before = page.view.pixmap().size()
    page.resize(820, 620)
    qtbot.waitUntil(lambda: fits() and page.view.pixmap().size() != before, timeout=15_000)


def test_numbers_can_be_copied_whole_and_saved_as_csv(qtbot, page, tmp_path):
    qtbot.mouseClick(page.numbers_button, Qt.MouseButton.LeftButton)
    assert page.copy_numbers_button.isVisible()
    page.copy_numbers_button.click()
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0].startswith("Skill\tNow\tTarget")
    assert len(copied) == page.numbers.rowCount() + 1
    path = page.save_numbers(tmp_path / "radar.csv")
    lines = path.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Skill,Now,Target")
    assert len(lines) == page.numbers.rowCount() + 1
    assert lines[1].split(",")[0] == page.numbers.item(0, 0).text()
