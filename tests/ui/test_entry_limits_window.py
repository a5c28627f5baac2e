"""The window's forms refuse a value past a limit in the same words as `add` and `import`
(issue 12, point 6): they check through the same services, against the one table of
limits (``po_tracker.services.limits``)."""

from __future__ import annotations

from po_tracker.services import limits
from po_tracker.services.limits import too_long
from po_tracker.ui.dialogs.contact_dialog import ContactDialog
from po_tracker.ui.dialogs.goal_dialog import GoalDialog


def test_a_name_past_the_limit_is_refused_next_to_its_field(qtbot, context):
    dialog = ContactDialog(context)
    qtbot.addWidget(dialog)
    dialog.name.setText("N" * (limits.MAX_NAME + 1))
    dialog.accept()
    assert dialog.result_input is None  # not accepted: nothing would be saved
    assert too_long(limits.MAX_NAME + 1, limits.MAX_NAME) in dialog.form.error_text("name")


def test_a_goal_past_the_limit_is_refused_next_to_its_field(qtbot, context):
    dialog = GoalDialog(context)
    qtbot.addWidget(dialog)
    dialog.text.setText("G" * (limits.MAX_GOAL_TEXT + 1))
    dialog.accept()
    assert dialog.result_input is None
    said = too_long(limits.MAX_GOAL_TEXT + 1, limits.MAX_GOAL_TEXT)
    assert said in dialog.form.error_text("text")
