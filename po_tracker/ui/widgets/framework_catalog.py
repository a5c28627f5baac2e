"""The chosen skill or credential in the framework editor: one form each, saved in one
transaction (a rename and the other fields together, or nothing)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services.career.renewal_rules import MAX_GRACE_DAYS, MAX_VALIDITY_MONTHS, RenewalRule
from ...services.framework import edit as framework_edit
from ...services.limits import MAX_HOURS, MAX_LEAD_DAYS
from ...vocabulary import LEVEL_MEANINGS
from .fields import notes_edit
from .form import FormPanel
from .framework_common import FAILED, FormGroup, MessageLine, apply, run_all


class _ItemEditor(QWidget):
    """A heading, a form and a Save button; subclasses fill and read the form."""

    noun = ""

    def __init__(self, context, line: MessageLine, parent=None):
        super().__init__(parent)
        self.context, self.line = context, line
        self.item: dict | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.form = FormPanel()
        self.forms = FormGroup(self.form)
        self.name = self.form.add_row("name", "Na&me:", QLineEdit())
        self.name.setObjectName(f"{self.noun}_name")
        self.name.returnPressed.connect(self.save)
        self.save_button = QPushButton(f"&Save {self.noun}")
        self.save_button.clicked.connect(self.save)
        # The form scrolls on a small screen (a credential's renewal rule is long); the
        # Save button stays in view below it.
        body = QWidget()
        self.column = QVBoxLayout(body)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.heading)
        self.column.addWidget(self.form)
        scroll = QScrollArea()
        scroll.setAccessibleName(f"{self.noun.capitalize()} form")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.addWidget(scroll, 1)

    def finish_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.column.addStretch(1)
        self.outer.addLayout(buttons)

    def show_item(self, item: dict | None, document: dict, refill: bool) -> None:
        # The heading stays enabled: for a retired item it says why nothing can be edited.
        for part in (*self.forms.forms, self.save_button):
            part.setEnabled(item is not None)
        if item is None:
            self.heading.setText(f"<i>Choose a {self.noun}, or restore a retired one.</i>")
            return
        self.heading.setText(f"<b>{escape(item['name'])}</b>")
        if refill or self.item is None or self.item["slug"] != item["slug"]:
            self.forms.clear_errors()
            self.name.setText(item["name"])
            self.fill(item)
        self.item = item

    def save(self) -> None:
        if self.item is None:
            return
        slug, name = self.item["slug"], self.name.text()
        steps = [] if name.strip() == self.item["name"] else [lambda s: self.rename(s, slug, name)]
        steps += self.steps(slug)
        if apply(self.context, lambda s: run_all(s, steps), self.line, self.forms) is not FAILED:
            self.line.show_info(f"Saved the {self.noun} “{name.strip()}”.")

    def fill(self, item: dict) -> None:
        raise NotImplementedError

    def steps(self, slug: str) -> list:
        raise NotImplementedError

    def rename(self, session, slug: str, name: str) -> None:
        raise NotImplementedError


class SkillEditor(_ItemEditor):
    noun = "skill"

    def __init__(self, context, line: MessageLine, parent=None):
        super().__init__(context, line, parent)
        self.description = self.form.add_row("description", "&Description:", notes_edit(120))
        self.prompt = self.form.add_row("prompt", "Reflection &prompt:", notes_edit(80))
        self.prompt.setToolTip("Offered on the Journal page when you write about this skill.")
        self.levels = FormPanel()
        self.forms = FormGroup(self.form, self.levels)
        self.level_edits = {
            level: self.levels.add_row(f"level_{level}", f"&{level} · {name}:", notes_edit(64))
            for level, (name, _meaning) in LEVEL_MEANINGS.items()
        }
        for level, edit in self.level_edits.items():
            edit.setPlaceholderText(LEVEL_MEANINGS[level][1])
            edit.setToolTip(
                "Shown where you rate this skill. Left empty, the level keeps the general"
                " meaning shown in grey."
            )
        box = QGroupBox("What each level means for this skill")
        QVBoxLayout(box).addWidget(self.levels)
        self.column.addWidget(box)
        self.finish_layout()

    def fill(self, item: dict) -> None:
        self.description.setPlainText(item.get("description", ""))
        self.prompt.setPlainText(item.get("prompt", ""))
        described = item.get("levels", {})
        for level, edit in self.level_edits.items():
            edit.setPlainText(described.get(str(level), ""))

    def steps(self, slug: str) -> list:
        description, prompt = self.description.toPlainText(), self.prompt.toPlainText()
        texts = {level: edit.toPlainText() for level, edit in self.level_edits.items()}
        return [
            lambda s: framework_edit.set_skill_details(
                s, slug, description=description, prompt=prompt
            ),
            lambda s: framework_edit.set_skill_levels(s, slug, texts),
        ]

    def rename(self, session, slug: str, name: str) -> None:
        framework_edit.rename_skill(session, slug, name)


def _spin(maximum: int, none_text: str | None = None) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, maximum)
    if none_text:
        spin.setSpecialValueText(none_text)
    return spin


FROM_PREFERENCES = -1  # the lead-time spin's "as set in Preferences"


def _lead_spin() -> QSpinBox:
    """Days before the last valid day that the calendar places the renewal."""
    spin = QSpinBox()
    spin.setRange(FROM_PREFERENCES, MAX_LEAD_DAYS)
    spin.setSpecialValueText("as set in Preferences")
    spin.setSuffix(" days before it ends")
    spin.setToolTip(
        "The exported calendar places this credential's renewal this many days before its"
        " last valid day, to leave time to earn the last credits and pay the fee."
    )
    return spin


class CredentialEditor(_ItemEditor):
    noun = "credential"

    def __init__(self, context, line: MessageLine, parent=None):
        super().__init__(context, line, parent)
        self.full_name = self.form.add_row("full_name", "&Full name:", QLineEdit())
        self.body = self.form.add_row("body", "Awarded &by:", QLineEdit())
        self.rule = FormPanel()
        self.forms = FormGroup(self.form, self.rule)
        self._build_rule(self.rule)
        box = self.rule_box = QGroupBox("Renewal rule")
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.rule)
        self.column.addWidget(box)
        self.finish_layout()

    def _build_rule(self, rule: FormPanel) -> None:
        self.lifetime = QCheckBox("&Lifetime: never expires, needs no credits")
        rule.layout_.addRow(self.lifetime)
        self.validity = _spin(MAX_VALIDITY_MONTHS)
        self.validity.setMinimum(1)
        rule.add_row("validity_months", "&Valid for (months):", self.validity)
        self.credits = QDoubleSpinBox()
        self.credits.setRange(0, MAX_HOURS)
        self.credits.setDecimals(1)
        self.credits.setSpecialValueText("none")
        rule.add_row("credits_needed", "&Credits per cycle:", self.credits)
        self.unit = rule.add_row("credit_unit", "Credit &unit:", QLineEdit())
        self.unit.setPlaceholderText("SEU, PDU, …")
        self.grace = rule.add_row("grace_days", "&Grace days after expiry:", _spin(MAX_GRACE_DAYS))
        self.track = rule.add_row("track", "&Track:", QLineEdit())
        self.track.setPlaceholderText("e.g. scrum-alliance-po (optional)")
        self.track_rank = rule.add_row("track_rank", "Rank on the trac&k:", _spin(100, "none"))
        self.track_rank.setToolTip("A higher rank renews the lower ones on the same track.")
        self.lead = rule.add_row("renewal_lead_days", "&Renew ahead:", _lead_spin())
        self.lifetime.toggled.connect(self._lifetime_toggled)

    def _lifetime_toggled(self, lifetime: bool) -> None:
        for field in (self.validity, self.credits, self.unit):
            field.setEnabled(not lifetime)

    def fill(self, item: dict) -> None:
        self.full_name.setText(item.get("full_name") or "")
        self.body.setText(item.get("body") or "")
        self.lifetime.setChecked(item.get("validity_months") is None)
        self._lifetime_toggled(self.lifetime.isChecked())
        self.validity.setValue(item.get("validity_months") or 24)
        self.credits.setValue(item.get("credits_needed") or 0)
        self.unit.setText(item.get("credit_unit") or "")
        self.grace.setValue(item.get("grace_days") or 0)
        self.track.setText(item.get("track") or "")
        self.track_rank.setValue(item.get("track_rank") or 0)
        lead = item.get("renewal_lead_days")
        self.lead.setValue(FROM_PREFERENCES if lead is None else lead)
        # The catalog's notes say where each rule comes from and what is uncertain.
        self.rule_box.setToolTip(item.get("notes") or "")

    def renewal_rule(self) -> RenewalRule:
        """The rule as the fields show it: 0 credits or rank means none."""
        lifetime = self.lifetime.isChecked()
        return RenewalRule(
            validity_months=None if lifetime else self.validity.value(),
            credits_needed=None if lifetime or not self.credits.value() else self.credits.value(),
            credit_unit=None if lifetime else self.unit.text(),
            grace_days=self.grace.value(),
            track=self.track.text() or None,
            track_rank=self.track_rank.value() or None,
            renewal_lead_days=None if self.lead.value() == FROM_PREFERENCES else self.lead.value(),
        )

    def steps(self, slug: str) -> list:
        full_name, body, rule = self.full_name.text(), self.body.text(), self.renewal_rule()
        return [
            lambda s: framework_edit.set_credential_details(
                s, slug, full_name=full_name, body=body
            ),
            lambda s: framework_edit.set_renewal_rule(s, slug, rule),
        ]

    def rename(self, session, slug: str, name: str) -> None:
        framework_edit.rename_credential(session, slug, name)
