"""A later start of the day shows the dashboard as the last start left it, before the
logbook is even open, and only while the data is unchanged."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import QSettings

from po_tracker import app as app_module
from po_tracker.demo import fill_demo_profile
from po_tracker.services.logbook import training
from po_tracker.services.logbook.training import TrainingInput
from po_tracker.services.storage import start_view
from po_tracker.services.storage.opening import open_logbook
from po_tracker.ui.background import wait_for_background
from po_tracker.ui.main_window import MainWindow
from po_tracker.ui.navigation import PAGE_KEYS
from po_tracker.ui.pages import dashboard_page


@pytest.fixture(autouse=True)
def no_welcome(monkeypatch):
    monkeypatch.setattr(MainWindow, "offer_first_run", lambda self: None)


@pytest.fixture
def demo_dir(tmp_path):
    folder = tmp_path / "demo"
    database = open_logbook(folder)
    fill_demo_profile(database, date.today())
    database.close()
    return folder


@pytest.fixture
def renders(monkeypatch):
    """The small charts rendered anew (not taken from the start view)."""
    calls = []
    real = dashboard_page._render_small_chart

    def counting(database, name, key, request):
        calls.append(name)
        return real(database, name, key, request)

    monkeypatch.setattr(dashboard_page, "_render_small_chart", counting)
    return calls


def _numbers(dashboard) -> tuple:
    lists = (dashboard.actions, dashboard.renewals, dashboard.reminders, dashboard.recent)
    return (
        dashboard.stages.text(),
        dashboard.score.text(),
        [bar.text() for bar in dashboard.bars.values()],
        [[links.item(row).text() for row in range(links.count())] for links in lists],
    )


def _window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    # 1280x800, the size the dashboard is designed for: well inside its two-column layout,
    # so both starts lay the charts out alike (the reflow has its own tests).
    window.resize(1280, 800)
    window.show()
    return window


def _charts_drawn(dashboard) -> bool:
    return all(t.shown_as is not None for t in dashboard.small_charts.values())


def _start_and_close(qtbot, data_dir) -> tuple:
    """A whole start: everything computed, the start view kept; the numbers shown."""
    window = _window(qtbot)
    app_module.start(window, data_dir)
    qtbot.waitUntil(lambda: window.context is not None, timeout=15_000)
    dashboard = window.page("dashboard")
    qtbot.waitUntil(lambda: _charts_drawn(dashboard), timeout=15_000)
    wait_for_background()
    shown = _numbers(dashboard)
    window.close()
    window.context.database.close()
    return shown


def test_a_later_start_shows_the_last_numbers_and_charts_before_opening(qtbot, demo_dir, renders):
    shown = _start_and_close(qtbot, demo_dir)
    assert "%" in shown[1] and sorted(renders) == ["radar", "readiness"]
    renders.clear()

    window = _window(qtbot)
    app_module.start(window, demo_dir)
    # Shown at once, from plain SQLite: the logbook is not open yet.
    assert window.context is None
    dashboard = window.pages["dashboard"]
    assert _numbers(dashboard) == shown
    qtbot.waitUntil(lambda: _charts_drawn(dashboard), timeout=5_000)
    # Then the logbook opens; nothing needed computing again.
    qtbot.waitUntil(lambda: window.context is not None, timeout=15_000)
    assert window.new_action.isEnabled()
    assert dashboard.report is None and renders == []
    assert _numbers(dashboard) == shown
    window.context.database.close()


def test_data_changed_since_the_last_start_is_computed_not_shown_stale(qtbot, demo_dir, renders):
    shown = _start_and_close(qtbot, demo_dir)
    database = open_logbook(demo_dir)
    with database.write() as session:
        training.create(session, TrainingInput("Impact mapping", 6.0, date.today()))
    database.close()
    renders.clear()

    window = _window(qtbot)
    app_module.start(window, demo_dir)
    assert "dashboard" not in window.pages  # nothing to show until computed
    qtbot.waitUntil(lambda: window.context is not None, timeout=15_000)
    dashboard = window.page("dashboard")
    assert dashboard.report is not None
    recent = _numbers(dashboard)[3][3]
    assert recent[0].startswith("Training: Impact mapping") and recent != shown[3][3]
    qtbot.waitUntil(lambda: sorted(renders) == ["radar", "readiness"], timeout=15_000)
    window.context.database.close()


def test_a_start_on_another_page_does_not_flash_the_dashboard(qtbot, demo_dir):
    _start_and_close(qtbot, demo_dir)
    QSettings().setValue("window/page", "journal")
    window = _window(qtbot)
    app_module.start(window, demo_dir)
    assert "dashboard" not in window.pages
    qtbot.waitUntil(lambda: window.context is not None, timeout=15_000)
    assert window.current_page_key() == "journal"
    window.context.database.close()


def test_a_page_chosen_while_the_logbook_opens_is_shown_once_it_is_open(qtbot, demo_dir):
    _start_and_close(qtbot, demo_dir)
    window = _window(qtbot)
    app_module.start(window, demo_dir)
    assert window.context is None
    window.sidebar.setCurrentRow(PAGE_KEYS.index("journal"))  # clicked before the logbook is open
    qtbot.waitUntil(lambda: window.context is not None, timeout=15_000)
    assert window.current_page_key() == "journal"
    assert window.stack.currentWidget() is window.page("journal")
    window.context.database.close()


def test_an_unreadable_start_view_is_computed_instead(qtbot, demo_dir, monkeypatch):
    shown = _start_and_close(qtbot, demo_dir)
    real_load = start_view.load

    def damaged(path, as_of):
        kept = real_load(path, as_of)
        return start_view.StartView(kept.revision, kept.as_of, {"dashboard": b'{"stages": '})

    monkeypatch.setattr(start_view, "load", damaged)
    window = _window(qtbot)
    app_module.start(window, demo_dir)
    assert "dashboard" not in window.pages  # nothing half-shown
    qtbot.waitUntil(lambda: window.context is not None, timeout=15_000)
    assert _numbers(window.page("dashboard")) == shown
    window.context.database.close()


def _kept(data_dir) -> start_view.StartView:
    from po_tracker.paths import database_path

    return start_view.load(database_path(data_dir), date.today())


def test_a_window_left_on_the_journal_after_a_change_leaves_a_true_start_view(qtbot, demo_dir):
    _start_and_close(qtbot, demo_dir)
    window = _window(qtbot)
    app_module.start(window, demo_dir)
    qtbot.waitUntil(lambda: window.context is not None, timeout=15_000)
    window.show_page("journal")
    journal = window.page("journal")
    journal.editor.load(None)
    journal.editor.title.setText("Story map with the team")
    journal.editor.text.set_text("Mapped the release with the team.")
    assert journal.save_entry()
    window.close()  # left on the journal: the dashboard never showed the new entry
    wait_for_background()
    window.context.database.close()

    kept = _kept(demo_dir)
    numbers = json.loads(kept.parts["dashboard"])
    assert numbers["recent"][0][0].startswith("Journal: Story map with the team")
    assert {name.split(":")[1] for name in kept.parts if name.startswith("chart:")} == {
        "radar",
        "readiness",
    }
    # The next start on the dashboard shows it before the logbook is open.
    QSettings().setValue("window/page", "dashboard")
    window = _window(qtbot)
    app_module.start(window, demo_dir)
    assert window.context is None
    dashboard = window.pages["dashboard"]
    assert dashboard.recent.item(0).text().startswith("Journal: Story map with the team")
    qtbot.waitUntil(lambda: _charts_drawn(dashboard), timeout=5_000)
    qtbot.waitUntil(lambda: window.context is not None, timeout=15_000)
    window.context.database.close()


def test_a_change_from_outside_the_window_is_shown_with_a_word_when_it_comes_back(qtbot, demo_dir):
    from PySide6.QtCore import Qt

    window = _window(qtbot)
    app_module.start(window, demo_dir)
    qtbot.waitUntil(lambda: window.context is not None, timeout=15_000)
    dashboard = window.page("dashboard")
    outside = open_logbook(demo_dir)  # the command line, while the window is open
    with outside.write() as session:
        training.create(session, TrainingInput("Impact mapping", 6.0, date.today()))
    outside.close()
    assert not dashboard.recent.item(0).text().startswith("Training: Impact mapping")
    window.start_view_keeper._state_changed(Qt.ApplicationState.ApplicationActive)
    assert dashboard.recent.item(0).text().startswith("Training: Impact mapping")
    assert "changed outside the window" in window.statusBar().currentMessage()
    wait_for_background()
    window.context.database.close()


def test_charts_are_kept_at_their_last_size_when_the_dashboard_was_not_built(qtbot, demo_dir):
    from po_tracker.paths import database_path
    from po_tracker.ui.start_view_keeper import keep_view, kept_requests

    window = _window(qtbot)
    app_module.start(window, demo_dir)
    qtbot.waitUntil(lambda: window.context is not None, timeout=15_000)
    dashboard = window.page("dashboard")
    qtbot.waitUntil(lambda: _charts_drawn(dashboard), timeout=15_000)
    wait_for_background()
    sizes = {name: view.request().key for name, view in dashboard.small_charts.items()}
    window.context.database.close()

    path = database_path(demo_dir)
    assert {name: r.key for name, r in kept_requests(path).items()} == sizes
    database = open_logbook(demo_dir)  # a window that started on another page
    with database.write() as session:
        training.create(session, TrainingInput("Impact mapping", 6.0, date.today()))
    assert "dashboard" not in _kept(demo_dir).parts  # the change made it untrue
    assert keep_view(database, None, charts=True)
    database.close()
    kept = _kept(demo_dir)
    assert "Impact mapping" in kept.parts["dashboard"].decode()
    assert {f"chart:{name}:{key}" for name, key in sizes.items()} <= kept.parts.keys()
