"""The self-assessment: the first key presses go to a skill, never to the date; the
levels are explained; a rating dated after today cannot be recorded."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from po_tracker.services.logbook import ratings
from po_tracker.ui.dialogs.self_assessment_dialog import SelfAssessmentDialog
from po_tracker.vocabulary import LEVEL_MEANINGS


def _dialog(qtbot, context) -> SelfAssessmentDialog:
    dialog = SelfAssessmentDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_arrow_keys_at_the_start_rate_the_first_skill_not_the_date(qtbot, context):
    dialog = _dialog(qtbot, context)
    first_skill, first_spin = next(iter(dialog.spins.items()))
    assert dialog.focusWidget() is first_spin
    qtbot.keyClick(first_spin, Qt.Key.Key_Up)
    qtbot.keyClick(first_spin, Qt.Key.Key_Up)
    assert dialog.day.value() == date.today()
    assert first_spin.value() == 2
    assert first_spin.text() == f"2 · {LEVEL_MEANINGS[2][0]}"
    dialog.accept()
    with context.reading() as session:
        assert [(r.skill, r.level, r.rated_on) for r in ratings.list_all(session)] == []
    assert [(r.skill, r.level, r.rated_on) for r in dialog.ratings] == [
        (first_skill, 2, date.today())
    ]


def test_every_level_is_explained(qtbot, context):
    dialog = _dialog(qtbot, context)
    legend = dialog.findChild(type(dialog.error), "level_legend").text()
    for level, (name, meaning) in LEVEL_MEANINGS.items():
        assert f"{level} {name}" in legend and meaning in legend


def test_the_date_cannot_be_moved_past_today(qtbot, context):
    dialog = _dialog(qtbot, context)
    dialog.day.set_value(date.today() + timedelta(days=3))
    assert dialog.day.value() == date.today()  # the field stops at today
    next(iter(dialog.spins.values())).setValue(4)
    dialog.accept()
    assert dialog.result() == 1 and dialog.ratings[0].rated_on == date.today()


def test_each_skill_explains_its_chosen_level_in_the_frameworks_words(qtbot, context):
    from PySide6.QtWidgets import QLabel

    from po_tracker.services.framework import document as framework_io

    words = "Presents the roadmap to executives without help."
    document = framework_io.default_document()
    skill = next(s for s in document["skills"] if s["slug"] == "communication")
    skill["levels"] = {"3": words}
    with context.database.write() as session:
        framework_io.load_document(session, document)
    dialog = _dialog(qtbot, context)
    spin = dialog.spins["Communication"]
    lines = dialog.findChildren(QLabel, "level_meaning")
    assert len(lines) == len(dialog.spins)
    spin.setValue(3)
    assert spin.meaning() == f"3 · {LEVEL_MEANINGS[3][0]}: {words}"
    assert any(line.text() == spin.meaning() for line in lines)
    assert words in spin.toolTip() and LEVEL_MEANINGS[4][1] in spin.toolTip()
    spin.setValue(2)  # a level the framework leaves to the generic words
    assert spin.meaning() == f"2 · {LEVEL_MEANINGS[2][0]}: {LEVEL_MEANINGS[2][1]}"
    other = next(s for name, s in dialog.spins.items() if name != "Communication")
    other.setValue(3)
    assert other.meaning() == f"3 · {LEVEL_MEANINGS[3][0]}: {LEVEL_MEANINGS[3][1]}"
