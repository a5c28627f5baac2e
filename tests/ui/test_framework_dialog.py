"""The career framework editor driven as a user would: every change reaches the
services (profile, lookup, readiness requirements, renewal rules), bad input is refused
next to its field and writes nothing, and removing an item the log uses retires it."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QMessageBox,
    QScrollBar,
    QTabBar,
    QWidget,
)
from sqlalchemy import func, select

from po_tracker.models import SkillRating
from po_tracker.services.career.readiness_facts import load_requirements
from po_tracker.services.career.renewal_rules import RenewalRule
from po_tracker.services.framework import document as framework_io
from po_tracker.services.framework import edit as framework_edit
from po_tracker.services.framework import lookup
from po_tracker.services.limits import MAX_LEVEL_TEXT
from po_tracker.services.logbook import profile, ratings
from po_tracker.ui.dialogs.framework_dialog import FrameworkDialog
from po_tracker.vocabulary import LEVEL_MEANINGS

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def dialog(qtbot, context):
    editor = FrameworkDialog(context)
    qtbot.addWidget(editor)
    editor.show()
    return editor


@pytest.fixture
def answer_no(monkeypatch):
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No
    )


def framework(context) -> dict:
    with context.reading() as session:
        return framework_io.export_document(session)


def by_slug(document: dict, key: str, slug: str) -> dict:
    return next(item for item in document[key] if item["slug"] == slug)


def retype(qtbot, field, text: str) -> None:
    field.selectAll()
    field.clear()
    qtbot.keyClicks(field, text)


def test_renaming_a_stage_reaches_the_profile_and_lookup(qtbot, dialog, context):
    with context.database.write() as session:
        profile.set_stages(session, current="product-owner")
    dialog.stages.select("product-owner")
    details = dialog.stages.editor.details
    retype(qtbot, details.name, "Product Owner II")
    with qtbot.waitSignal(context.data_changed) as changed:
        qtbot.mouseClick(details.save_button, LEFT)
    assert "framework" in changed.args[0]
    with context.reading() as session:
        assert profile.get(session).current_stage == "Product Owner II"
        assert lookup.stage_id(session, "Product Owner II") == lookup.stage_id(
            session, "product-owner"
        )
    assert dialog.stages.items.currentItem().text() == "Product Owner II"
    assert "Saved" in dialog.line.text()


def test_stage_details_and_numbers_are_saved_together(qtbot, dialog, context):
    dialog.stages.select("ux-strategist")
    details = dialog.stages.editor.details
    details.path.setCurrentIndex(details.path.findData("ladder"))
    details.numbers["events_12m"].setValue(9)
    qtbot.mouseClick(details.save_button, LEFT)
    stage = by_slug(framework(context), "stages", "ux-strategist")
    assert stage["path"] == "ladder" and stage["requirements"]["events_12m"] == 9


def test_a_new_skill_target_changes_the_readiness_requirements(qtbot, dialog, context):
    dialog.stages.select("junior-product-owner")
    targets = dialog.stages.editor.targets
    dialog.stages.editor.tabs.setCurrentWidget(targets)
    before = targets.table.rowCount()
    targets.skill.setCurrentIndex(targets.skill.findText("Leadership"))
    targets.level.setValue(4)
    qtbot.mouseClick(targets.set_button, LEFT)
    with context.reading() as session:
        stage = load_requirements(session, lookup.stage_id(session, "junior-product-owner"))
    assert ("Leadership", 4) in {(t.name, t.level) for t in stage.skills}
    assert targets.table.rowCount() == before + 1


def test_a_skill_target_is_removed_after_confirmation(qtbot, dialog, context, answer_yes):
    dialog.stages.select("junior-product-owner")
    targets = dialog.stages.editor.targets
    targets.table.setCurrentCell(0, 0)
    removed = targets.table.item(0, 0).text()
    qtbot.mouseClick(targets.remove_button, LEFT)
    with context.reading() as session:
        stage = load_requirements(session, lookup.stage_id(session, "junior-product-owner"))
    assert removed not in {t.name for t in stage.skills}


def test_a_credential_group_and_a_move_are_added(qtbot, dialog, context):
    dialog.stages.select("agile-coach")
    groups = dialog.stages.editor.groups
    groups.choices.set_checked(["CSM", "PSM I"])
    qtbot.mouseClick(groups.add_required, LEFT)
    assert groups.lists[True].item(0).text() == "CSM or PSM I"
    moves = dialog.stages.editor.moves
    moves.target.setCurrentIndex(moves.target.findText("Head of Product"))
    qtbot.mouseClick(moves.add_button, LEFT)
    document = framework(context)
    stage = by_slug(document, "stages", "agile-coach")
    assert stage["requirements"]["required_certifications"] == [["csm", "psm-i"]]
    assert {"from": "agile-coach", "to": "head-of-product"} in document["moves"]


def test_a_renewal_rule_is_set(qtbot, dialog, context):
    dialog.tabs.setCurrentWidget(dialog.credentials)
    dialog.credentials.select("pspo-i")
    editor = dialog.credentials.editor
    assert editor.lifetime.isChecked()
    editor.lifetime.setChecked(False)
    editor.validity.setValue(24)
    editor.credits.setValue(12)
    qtbot.keyClicks(editor.unit, "PDU")
    editor.grace.setValue(30)
    qtbot.mouseClick(editor.save_button, LEFT)
    with context.reading() as session:
        rule = framework_edit.renewal_rule(session, "PSPO I")
    assert rule == RenewalRule(24, 12.0, "PDU", 30, None, None)
    assert editor.lead.text() == "as set in Preferences"  # none of its own yet


def test_a_credentials_own_lead_time_is_set_and_cleared(qtbot, dialog, context):
    dialog.tabs.setCurrentWidget(dialog.credentials)
    dialog.credentials.select("cspo")
    editor = dialog.credentials.editor
    editor.lead.setValue(45)
    qtbot.mouseClick(editor.save_button, LEFT)
    with context.reading() as session:
        assert framework_edit.renewal_rule(session, "CSPO").renewal_lead_days == 45
    dialog.credentials.select("csm")
    dialog.credentials.select("cspo")
    assert editor.lead.value() == 45  # shown again when the credential is chosen again
    editor.lead.setValue(editor.lead.minimum())
    qtbot.mouseClick(editor.save_button, LEFT)
    with context.reading() as session:
        assert framework_edit.renewal_rule(session, "CSPO").renewal_lead_days is None


def test_credits_without_a_unit_are_refused_next_to_the_field(qtbot, dialog, context):
    dialog.tabs.setCurrentWidget(dialog.credentials)
    dialog.credentials.select("pspo-i")
    editor = dialog.credentials.editor
    before = framework(context)
    editor.lifetime.setChecked(False)
    editor.credits.setValue(12)
    retype(qtbot, editor.name, "PSPO One")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert "required with credits" in editor.rule.error_text("credit_unit")
    assert framework(context) == before  # not even the rename went through


def test_removing_a_rated_skill_retires_it_and_keeps_the_rating(qtbot, dialog, context, answer_yes):
    with context.database.write() as session:
        ratings.create(session, ratings.RatingInput("Leadership", 3, date(2025, 1, 10)))
    dialog.tabs.setCurrentWidget(dialog.skills)
    dialog.skills.select("leadership")
    qtbot.mouseClick(dialog.skills.remove_button, LEFT)
    assert "Retired" in dialog.line.text() and "logged entries that use it are kept" in (
        dialog.line.text()
    )
    assert by_slug(framework(context), "skills", "leadership")["retired"] is True
    with context.reading() as session:
        assert session.scalar(select(func.count()).select_from(SkillRating)) == 1
    assert "(retired)" in dialog.skills.items.currentItem().text()
    assert not dialog.skills.editor.save_button.isEnabled()
    qtbot.mouseClick(dialog.skills.restore_button, LEFT)
    assert "retired" not in by_slug(framework(context), "skills", "leadership")


def test_removing_an_unused_stage_deletes_it(qtbot, dialog, context, answer_yes):
    dialog.stages.select("ux-strategist")
    qtbot.mouseClick(dialog.stages.remove_button, LEFT)
    assert "Deleted the stage “UX Strategist”" in dialog.line.text()
    assert "ux-strategist" not in {s["slug"] for s in framework(context)["stages"]}


def test_a_cancelled_removal_changes_nothing(qtbot, dialog, context, answer_no):
    before = framework(context)
    dialog.stages.select("ux-strategist")
    qtbot.mouseClick(dialog.stages.remove_button, LEFT)
    assert framework(context) == before


def test_an_empty_name_is_refused_and_nothing_is_added(qtbot, dialog, context):
    before = framework(context)
    qtbot.keyClicks(dialog.stages.new_name, "   ")
    qtbot.mouseClick(dialog.stages.add_button, LEFT)
    assert "must not be empty" in dialog.stages.add_form.error_text("name")
    assert framework(context) == before


def test_a_new_stage_is_added_with_enter(qtbot, dialog, context):
    qtbot.keyClicks(dialog.stages.new_name, "Product Ops Lead")
    qtbot.keyClick(dialog.stages.new_name, Qt.Key.Key_Return)
    assert by_slug(framework(context), "stages", "product-ops-lead")["name"] == "Product Ops Lead"
    assert dialog.stages.current_slug() == "product-ops-lead"
    assert dialog.stages.new_name.text() == ""


def test_a_duplicate_name_is_refused_and_nothing_changes(qtbot, dialog, context):
    dialog.tabs.setCurrentWidget(dialog.skills)
    dialog.skills.select("communication")
    editor = dialog.skills.editor
    before = framework(context)
    retype(qtbot, editor.name, "leadership")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert "already exists" in editor.form.error_text("name")
    assert framework(context) == before


def test_a_level_out_of_range_cannot_be_set(qtbot, dialog, context):
    dialog.stages.select("junior-product-owner")
    targets = dialog.stages.editor.targets
    targets.skill.setCurrentIndex(targets.skill.findText("Leadership"))
    targets.level.lineEdit().selectAll()
    qtbot.keyClicks(targets.level, "9")
    assert 1 <= targets.level.value() <= 5  # the box takes 1 to 5 only
    # Were a 9 to get past the box, the services refuse it next to the field.
    before = framework(context)
    targets.level.value = lambda: 9
    qtbot.mouseClick(targets.set_button, LEFT)
    assert "must be at most 5 (got 9)" in targets.form.error_text("level")
    assert framework(context) == before


def test_skill_description_and_prompt_are_saved(qtbot, dialog, context):
    dialog.tabs.setCurrentWidget(dialog.skills)
    dialog.skills.select("adaptability")
    editor = dialog.skills.editor
    editor.prompt.setPlainText("What surprised you this week?")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert by_slug(framework(context), "skills", "adaptability")["prompt"] == (
        "What surprised you this week?"
    )


def test_a_skills_level_texts_are_edited_and_shown_where_it_is_rated(qtbot, dialog, context):
    from po_tracker.services.framework import levels

    dialog.tabs.setCurrentWidget(dialog.skills)
    dialog.skills.select("adaptability")
    editor = dialog.skills.editor
    assert editor.level_edits[3].placeholderText() == LEVEL_MEANINGS[3][1]
    editor.level_edits[3].setPlainText("Changes course when the market does.")
    qtbot.mouseClick(editor.save_button, LEFT)
    with context.database.read() as session:
        shown = {t.level: t for t in levels.levels_by_skill(session)["Adaptability"]}
    assert shown[3].meaning == "Changes course when the market does." and shown[3].from_framework
    assert shown[2].meaning == LEVEL_MEANINGS[2][1] and not shown[2].from_framework
    # Emptied, the level has its general meaning back; the form shows what was saved.
    editor.level_edits[3].setPlainText("   ")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert "levels" not in by_slug(framework(context), "skills", "adaptability")
    dialog.skills.select("communication")
    dialog.skills.select("adaptability")
    assert editor.level_edits[3].toPlainText() == ""


def test_a_level_text_that_is_too_long_is_refused_next_to_it(qtbot, dialog, context):
    dialog.tabs.setCurrentWidget(dialog.skills)
    dialog.skills.select("adaptability")
    editor = dialog.skills.editor
    editor.prompt.setPlainText("Kept only if everything saves")
    editor.level_edits[5].setPlainText("x" * (MAX_LEVEL_TEXT + 1))
    qtbot.mouseClick(editor.save_button, LEFT)
    error = editor.levels.findChild(QLabel, "level_5_error")
    assert error.isVisible() and str(MAX_LEVEL_TEXT) in error.text()
    skill = by_slug(framework(context), "skills", "adaptability")
    assert "levels" not in skill and skill.get("prompt") != "Kept only if everything saves"


BROKEN_FILES = {
    "not json": "{not json",
    "unknown skill": None,  # a valid document whose stage asks for a skill it lacks
}


@pytest.mark.parametrize("case", list(BROKEN_FILES))
def test_a_broken_framework_file_changes_nothing(
    qtbot, dialog, context, answer_yes, tmp_path, monkeypatch, case
):
    path = tmp_path / "broken.json"
    if BROKEN_FILES[case] is None:
        document = framework(context)
        document["stages"][0]["requirements"]["skills"]["juggling"] = 3
        path.write_text(json.dumps(document), encoding="utf-8")
    else:
        path.write_text(BROKEN_FILES[case], encoding="utf-8")
    monkeypatch.setattr(dialog, "choose_import_path", lambda: path)
    before = framework(context)
    qtbot.mouseClick(dialog.import_button, LEFT)
    assert "“broken.json” was not imported and nothing changed" in dialog.line.text()
    if case == "unknown skill":
        assert "juggling" in dialog.line.text()
    assert framework(context) == before


def test_an_imported_framework_replaces_the_old_and_keeps_the_log(
    qtbot, dialog, context, answer_yes, tmp_path, monkeypatch
):
    with context.database.write() as session:
        ratings.create(session, ratings.RatingInput("Leadership", 3, date(2025, 1, 10)))
    document = framework(context)
    by_slug(document, "stages", "product-owner")["name"] = "Product Owner (company)"
    document["skills"] = [s for s in document["skills"] if s["slug"] != "leadership"]
    for stage in document["stages"]:
        stage["requirements"]["skills"].pop("leadership", None)
    path = tmp_path / "company.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.setattr(dialog, "choose_import_path", lambda: path)
    qtbot.mouseClick(dialog.import_button, LEFT)
    assert "No logged entry was removed" in dialog.line.text()
    after = framework(context)
    assert by_slug(after, "stages", "product-owner")["name"] == "Product Owner (company)"
    assert by_slug(after, "skills", "leadership")["retired"] is True
    with context.reading() as session:
        assert session.scalar(select(func.count()).select_from(SkillRating)) == 1


def test_export_writes_a_valid_framework_file(qtbot, dialog, context, tmp_path, monkeypatch):
    path = tmp_path / "mine.json"
    monkeypatch.setattr(dialog, "choose_export_path", lambda: path)
    qtbot.mouseClick(dialog.export_button, LEFT)
    document = json.loads(path.read_text(encoding="utf-8"))
    framework_io.validate_document(document)
    assert document["name"] == "mine"
    assert document["stages"] == framework(context)["stages"]
    assert str(path) in dialog.line.text()


def _internal(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    owners = (QAbstractSpinBox, QComboBox, QAbstractScrollArea, QTabBar)
    if parent is not None and parent.inherits("QComboBoxPrivateContainer"):
        return True
    viewport = parent is not None and isinstance(parent.parentWidget(), QAbstractScrollArea)
    return (
        isinstance(widget, QScrollBar)
        or isinstance(parent, owners)
        or (viewport and widget is parent.parentWidget().viewport())
    )


def test_every_control_has_a_name(dialog):
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in dialog.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or _internal(widget):
            continue
        text = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
        if isinstance(widget, QTabBar):
            text = " ".join(widget.tabText(i) for i in range(widget.count()))
        if not (widget.accessibleName() or text.replace("&", "").strip() or widget in buddies):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert missing == []
