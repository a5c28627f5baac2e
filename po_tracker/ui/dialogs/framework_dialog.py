"""Edit > Career framework…: change the stages, skills and credentials readiness is
computed against, or load a company's own ladder from a framework file.

Every change is saved at once, in its own transaction, through ``framework_edit``, and
announced as ``"framework"`` so every page recomputes. Framework changes stay out of the
undo stack: they are not log entries, and a removal that retires an item is undone by
Restore. Nothing here ever deletes a logged entry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from ...services.changes import Changes
from ...services.errors import FieldError, ValidationError
from ...services.framework import document as framework_io
from ...services.framework import edit as framework_edit
from ...services.storage import backup
from ..widgets.fit import FitsScreen
from ..widgets.framework_catalog import CredentialEditor, SkillEditor
from ..widgets.framework_common import (
    CHANGED_KIND,
    ItemsSpec,
    ItemsTab,
    MessageLine,
    confirm,
    load_framework,
)
from ..widgets.framework_stage import StageEditor

FILE_FILTER = "Framework files (*.json);;All files (*)"
FOLDER_KEY = "framework/last_folder"

STAGES = ItemsSpec(
    "stages",
    "stage",
    lambda s, name: framework_edit.add_stage(s, name),
    framework_edit.remove_stage,
    "Its requirements and the moves into and out of it go with it. If your profile has "
    "it as the current or target stage, it is retired instead: hidden from choices, and "
    "your profile keeps it.",
)
SKILLS = ItemsSpec(
    "skills",
    "skill",
    lambda s, name: framework_edit.add_skill(s, name),
    framework_edit.remove_skill,
    "No stage will ask for it any more. If you rated it, or a training or goal names it, "
    "it is retired instead: your logged entries that use it are kept.",
)
CREDENTIALS = ItemsSpec(
    "credentials",
    "credential",
    lambda s, name: framework_edit.add_credential(s, name),
    framework_edit.remove_credential,
    "It leaves every stage's certification groups. If you logged it, or a training, event "
    "or goal counts toward it, it is retired instead: your logged entries that use it are "
    "kept.",
)
IMPORT_WARNING = (
    "Make the framework in “{name}” your career framework?\n\n"
    "Stages, skills and credentials the file lacks are deleted, or retired if your log "
    "uses them. No logged entry is removed: your ratings, certifications, training and "
    "events stay as they are. Readiness is then computed against the new framework."
)


class FrameworkDialog(FitsScreen, QDialog):
    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("framework_dialog")
        self.setWindowTitle("Career framework")
        self.line = MessageLine()
        self.stages = ItemsTab(context, self.line, STAGES, StageEditor(context, self.line))
        self.skills = ItemsTab(context, self.line, SKILLS, SkillEditor(context, self.line))
        self.credentials = ItemsTab(
            context, self.line, CREDENTIALS, CredentialEditor(context, self.line)
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("framework_tabs")
        self.tabs.setAccessibleName("Parts of the framework")
        self.tabs.addTab(self.stages, "Stages")
        self.tabs.addTab(self.skills, "Skills")
        self.tabs.addTab(self.credentials, "Credentials")
        intro = QLabel(
            "The stages, skills and credentials your readiness is computed against. "
            "Changes are saved at once; removing something your log uses retires it."
        )
        intro.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.line)
        column.addLayout(self._buttons())
        self.resize(1100, 740)
        # Enter belongs to the field being typed in (a new name adds it), never to
        # whichever button Qt would make the default.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.reload(refill=True)
        context.data_changed.connect(self._on_data_changed)

    def _buttons(self) -> QHBoxLayout:
        self.import_button = QPushButton("&Import framework…")
        self.import_button.clicked.connect(self.import_framework)
        self.export_button = QPushButton("E&xport framework…")
        self.export_button.clicked.connect(self.export_framework)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        row.addWidget(close)
        return row

    def reload(self, refill: bool = False) -> None:
        document = load_framework(self.context)
        for tab in (self.stages, self.skills, self.credentials):
            tab.reload(document, refill)

    def _on_data_changed(self, changes) -> None:
        # Only the lists and choices: a form half typed in another tab stays as it is.
        if CHANGED_KIND in changes:
            self.reload(refill=False)

    # -- files -----------------------------------------------------------------------------
    def _folder(self) -> str:
        return str(QSettings().value(FOLDER_KEY, str(Path.home())))

    def choose_import_path(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, "Import framework", self._folder(), FILE_FILTER)
        return Path(path) if path else None

    def choose_export_path(self) -> Path | None:
        """The dialog itself adds ".json" and asks before replacing a file, so nothing is
        overwritten without the user's say."""
        dialog = QFileDialog(self, "Export framework", self._folder(), FILE_FILTER)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("json")
        dialog.selectFile("framework.json")
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    def import_framework(self) -> None:
        path = self.choose_import_path()
        if path is None or not confirm(
            self, "Import framework", IMPORT_WARNING.format(name=path.name)
        ):
            return
        QSettings().setValue(FOLDER_KEY, str(path.parent))
        try:
            document = framework_io.read_document(path)  # every check before a backup
            backup.take_backup(self.context.database.path, reason="pre-import")
            with self.context.writing(Changes.of(CHANGED_KIND)) as session:
                framework_io.load_document(session, document)
        except ValidationError as error:
            lead = f"“{path.name}” was not imported and nothing changed"
            self.line.show_errors(error.errors, lead=lead)
            return
        self.reload(refill=True)  # a new framework: the open forms too, not only the lists
        self.line.show_info(
            f"Imported the framework from “{path.name}”. No logged entry was removed."
        )

    def export_framework(self) -> None:
        path = self.choose_export_path()
        if path is None:
            return
        QSettings().setValue(FOLDER_KEY, str(path.parent))
        try:
            with self.context.reading() as session:
                framework_edit.export_file(session, path, path.stem)
        except OSError as error:
            fault = FieldError("file", f"cannot write {path}: {error.strerror or error}")
            self.line.show_errors([fault], lead="Not exported")
            return
        self.line.show_info(f"Exported the framework to {path}.")
