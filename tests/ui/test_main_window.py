"""The whole window: navigation, the dashboard following changes, the first run, the
global search, remembered settings, and a name on every control."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QScrollBar,
    QTabBar,
    QWidget,
)

from po_tracker.services.changes import EVERYTHING, Changes
from po_tracker.services.framework import lookup
from po_tracker.services.logbook import onboarding, profile, ratings
from po_tracker.ui.dialogs.search_dialog import SearchDialog
from po_tracker.ui.dialogs.self_assessment_dialog import SelfAssessmentDialog
from po_tracker.ui.dialogs.welcome_dialog import WelcomeDialog
from po_tracker.ui.main_window import MainWindow
from po_tracker.ui.navigation import PAGES
from po_tracker.ui.undo import AddEntry


@pytest.fixture
def window(qtbot, context):
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    main.attach(context)
    return main


def test_every_page_opens_from_the_sidebar(window):
    for row, spec in enumerate(PAGES):
        window.sidebar.setCurrentRow(row)
        assert window.stack.currentWidget() is window.pages[spec.key]
        assert window.current_page_key() == spec.key


def test_dashboard_follows_a_change(window, context):
    with context.writing(Changes.of("profile")) as session:
        profile.set_stages(session, current="product-owner", target="senior-product-owner")
    dashboard = window.page("dashboard")
    window.show_page("dashboard")
    before = dashboard.report.readiness.overall
    assert "Senior Product Owner" in dashboard.stages.text()
    data = ratings.RatingInput("stakeholder-management", 5, date.today())
    context.undo_stack.push(AddEntry(context, "rating", data, "rating"))
    after = dashboard.report.readiness.overall
    assert after > before
    assert f"{after:.0f}%" in dashboard.score.text()
    context.undo_stack.undo()
    assert dashboard.report.readiness.overall == pytest.approx(before)


def test_first_run_sets_stages_and_offers_a_self_assessment(window, context, monkeypatch):
    def welcome(dialog):
        dialog.current.setCurrentText("Junior Product Owner")
        dialog.target.setCurrentText("Product Owner")
        dialog.accept()
        return dialog.result()

    def assess(dialog):
        dialog.spins["Communication"].setValue(3)
        dialog.spins["Leadership"].setValue(2)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(WelcomeDialog, "exec", welcome)
    monkeypatch.setattr(SelfAssessmentDialog, "exec", assess)
    window.offer_first_run()
    with context.reading() as session:
        standing = profile.get(session)
        recorded = {(r.skill, r.level) for r in ratings.list_all(session)}
    assert (standing.current_stage, standing.target_stage) == (
        "Junior Product Owner",
        "Product Owner",
    )
    assert recorded == {("Communication", 3), ("Leadership", 2)}
    assert context.undo_stack.count() == 1  # one undo step for the whole assessment
    with context.reading() as session:
        assert not onboarding.welcome_due(session)
    assert QSettings().value("welcome/done") is None  # kept in the logbook, not the account


def test_each_new_logbook_gets_its_own_welcome(qtbot, window, monkeypatch, tmp_path):
    from po_tracker.services.storage.opening import open_logbook
    from po_tracker.ui.context import AppContext

    shown = []
    monkeypatch.setattr(WelcomeDialog, "exec", lambda d: shown.append(d) or 0)
    window.offer_first_run()
    second = MainWindow()
    qtbot.addWidget(second)
    second.attach(AppContext(open_logbook(tmp_path / "second")))
    second.offer_first_run()
    assert len(shown) == 2


def _welcome(qtbot, context) -> WelcomeDialog:
    dialog = WelcomeDialog(context)
    qtbot.addWidget(dialog)
    return dialog


def _targets(dialog) -> list[str]:
    return [dialog.target.itemText(i) for i in range(dialog.target.count())]


def test_welcome_offers_only_targets_reachable_from_the_current_stage(qtbot, context):
    dialog = _welcome(qtbot, context)
    dialog.current.setCurrentText("Product Owner")
    offered = _targets(dialog)
    assert "Product Owner" not in offered
    assert "Senior Product Owner" in offered
    assert "Junior Product Owner" not in offered  # no move leads back down the ladder
    dialog.current.setCurrentText("Junior Product Owner")
    assert "Junior Product Owner" not in _targets(dialog)
    assert "Product Owner" in _targets(dialog)


def test_welcome_from_a_stage_with_no_way_on_sets_no_target(qtbot, context):
    dialog = _welcome(qtbot, context)
    with context.reading() as session:
        stages = lookup.stage_names(session)
        dead_ends = [name for name in stages if not onboarding.reachable_targets(session, name)]
    if not dead_ends:
        pytest.skip("the default framework has no stage without a move onward")
    dialog.current.setCurrentText(dead_ends[0])
    assert dialog.target.count() == 0 and not dialog.target.isEnabled()
    assert dialog.no_target.isVisibleTo(dialog)
    dialog.accept()
    with context.reading() as session:
        standing = profile.get(session)
    assert (standing.current_stage, standing.target_stage) == (dead_ends[0], None)


def test_first_run_can_be_skipped_and_is_not_offered_again(window, context, monkeypatch):
    shown = []
    monkeypatch.setattr(WelcomeDialog, "exec", lambda d: shown.append(d) or 0)
    window.offer_first_run()
    window.offer_first_run()
    assert len(shown) == 1
    with context.reading() as session:
        assert profile.get(session).target_stage is None


def test_global_search_opens_the_entry_where_it_lives(window, context, qtbot):
    data = ratings.RatingInput("communication", 3, date.today(), note="storytelling at demo")
    context.undo_stack.push(AddEntry(context, "rating", data, "rating"))
    dialog = SearchDialog(context, window)
    qtbot.keyClicks(dialog.query, "storytel")
    dialog.timer.timeout.emit()
    assert dialog.results.count() == 2  # the "Skill rating (1)" heading and the match
    dialog.open_current()
    assert window.current_page_key() == "skills"
    history = window.page("skills").history
    assert history.selected_item().note == "storytelling at demo"


def test_window_remembers_its_page(qtbot, context, window):
    window.show_page("training")
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.attach(context)
    assert again.current_page_key() == "training"


def _is_internal(widget: QWidget) -> bool:
    """Parts of composite widgets that screen readers reach through their owner."""
    parent = widget.parentWidget()
    owners = (QAbstractSpinBox, QComboBox, QAbstractScrollArea, QTabBar)
    if parent is not None and parent.inherits("QComboBoxPrivateContainer"):
        return True  # a drop-down's popup list, named by its combo box
    return (
        isinstance(widget, QScrollBar)
        or isinstance(parent, owners)
        or (
            parent is not None
            and isinstance(parent.parentWidget(), QAbstractScrollArea)
            and widget is parent.parentWidget().viewport()
        )
    )


def unnamed_controls(root: QWidget) -> list[str]:
    buddies = {
        label.buddy()
        for label in root.findChildren(QLabel)
        if label.buddy() and label.text().strip()
    }
    missing = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == widget.focusPolicy().NoFocus or _is_internal(widget):
            continue
        text = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
        if isinstance(widget, QTabBar):
            text = " ".join(widget.tabText(i) for i in range(widget.count()))
        if not (widget.accessibleName() or text.replace("&", "").strip() or widget in buddies):
            missing.append(
                f"{type(widget).__name__} {widget.objectName()!r} "
                f"in {type(widget.parentWidget()).__name__}"
            )
    return missing


def test_every_focusable_control_has_a_name(window):
    for spec in PAGES:
        window.show_page(spec.key)
    missing = unnamed_controls(window)
    assert missing == [], "\n".join(missing)


def test_every_dialog_control_has_a_name(qtbot, context):
    from po_tracker.ui.dialogs.certification_dialog import CertificationDialog
    from po_tracker.ui.dialogs.contact_dialog import ContactDialog
    from po_tracker.ui.dialogs.event_dialog import EventDialog
    from po_tracker.ui.dialogs.experience_dialog import ExperienceDialog
    from po_tracker.ui.dialogs.goal_dialog import GoalDialog
    from po_tracker.ui.dialogs.preferences_dialog import PreferencesDialog
    from po_tracker.ui.dialogs.rating_dialog import RatingDialog
    from po_tracker.ui.dialogs.training_dialog import TrainingDialog

    dialogs = [
        cls(context)
        for cls in (
            CertificationDialog,
            ContactDialog,
            EventDialog,
            ExperienceDialog,
            GoalDialog,
            RatingDialog,
            TrainingDialog,
            PreferencesDialog,
            WelcomeDialog,
            SelfAssessmentDialog,
            SearchDialog,
        )
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        missing = unnamed_controls(dialog)
        assert missing == [], f"{type(dialog).__name__}: " + "\n".join(missing)


def test_demo_profile_fills_every_page(window, context):
    from po_tracker.demo import fill_demo_profile

    fill_demo_profile(context.database)
    context.notify(EVERYTHING)
    for spec in PAGES:
        window.show_page(spec.key)
    dashboard = window.page("dashboard")
    assert dashboard.report.readiness is not None
    assert dashboard.recent.count() == dashboard.recent.max_rows  # a full card
    for key in ("certifications", "training", "experience"):
        assert window.page(key).model.rowCount() > 0, key
    window.show_page("networking")
    networking = window.page("networking")
    assert networking.events.model.rowCount() > 0
    networking.tabs.setCurrentWidget(networking.people)  # refreshed when first shown
    assert networking.people.model.rowCount() > 0
    window.show_page("skills")
    skills = window.page("skills")
    assert all(skills.skills.model.item(r).level for r in range(skills.skills.model.rowCount()))
    window.show_page("career")
    assert window.page("career").goals.model.total_count() > 0


def test_preferences_change_weights_and_backup_limits(qtbot, context):
    from po_tracker.services.storage import backup_rotation
    from po_tracker.ui.dialogs.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(context)
    qtbot.addWidget(dialog)
    dialog.spins["skills"].setValue(60)
    dialog.keep["daily"].setValue(14)
    dialog.accept()
    with context.reading() as session:
        assert profile.get(session).weights["skills"] == 60
        assert backup_rotation.get_limits(session).daily == 14
    dialog = PreferencesDialog(context)
    qtbot.addWidget(dialog)
    for spin in dialog.spins.values():
        spin.setValue(0)
    dialog.accept()
    assert dialog.error.isVisibleTo(dialog) and "above zero" in dialog.error.text()
    with context.reading() as session:
        assert profile.get(session).weights["skills"] == 60  # nothing written


def test_preferences_set_the_calendars_reminders_and_renewal_lead_time(qtbot, context):
    from po_tracker.services.exchange import calendar_preferences
    from po_tracker.ui.dialogs.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.reminders.text() == "30, 7"
    dialog.reminders.setText("7; 45")
    dialog.lead.setValue(14)
    dialog.accept()
    with context.reading() as session:
        saved = calendar_preferences.get(session)
    assert (saved.reminder_days, saved.renewal_lead_days) == ((45, 7), 14)
    dialog = PreferencesDialog(context)
    qtbot.addWidget(dialog)
    assert (dialog.reminders.text(), dialog.lead.value()) == ("45, 7", 14)
    dialog.reminders.setText("next week")
    dialog.accept()
    assert dialog.error.isVisibleTo(dialog) and "whole numbers of days" in dialog.error.text()
    with context.reading() as session:
        assert calendar_preferences.get(session).reminder_days == (45, 7)  # nothing written
