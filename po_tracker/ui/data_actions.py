"""The File menu's care of the data: back up, restore, export and import. Slow work runs
off the UI thread behind a progress dialog; every import is validated whole, backed up
before, and written all or nothing. What happened is said in the window's toast; an
import or a restore offers Undo there, which puts back the backup taken just before it
(the file it replaces is kept beside it, as with every restore), as long as nothing
changed in between; errors still come in a dialog that says what is wrong. The services
are imported where they are used: they pull in the ORM, which the window's first frame
does not need."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QProgressDialog

from ..services.changes import EVERYTHING
from ..services.errors import ValidationError
from ..services.wording import count_of
from ..vocabulary import LOG_KINDS
from .background import run_in_background


class DataActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._progress: QProgressDialog | None = None
        self._changes = 0  # changes to the data seen since the last offer of Undo
        self._counting = None

    @property
    def context(self):
        return self.window.context

    def add_to(self, menu) -> list[QAction]:
        specs = [
            ("&Back up now", self.back_up),
            ("&Restore from a backup…", self.restore),
            None,
            ("Export everything as &JSON…", self.export_json),
            ("Export as &CSV files…", self.export_csv),
            ("Export dates to a &calendar (.ics)…", self.export_ics),
            None,
            ("&Import a JSON file…", self.import_json),
            ("Import a CS&V file…", self.import_csv),
        ]
        actions = []
        for spec in specs:
            if spec is None:
                menu.addSeparator()
                continue
            action = QAction(spec[0], self.window)
            action.triggered.connect(spec[1])
            action.setEnabled(False)
            menu.addAction(action)
            actions.append(action)
        return actions

    # -- running work --------------------------------------------------------------------
    def _run(self, label: str, work, done) -> None:
        self._progress = QProgressDialog(label, None, 0, 0, self.window)
        self._progress.setWindowTitle("PO Tracker")
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)
        self._progress.setValue(0)

        def finished(result) -> None:
            if self._progress is not None:
                self._progress.close()
                self._progress = None
            if isinstance(result, Exception):
                self._report_error(result)
            else:
                done(result)

        run_in_background(self, work, finished)

    def _report_error(self, error: Exception) -> None:
        from ..app_errors import AppError

        known = isinstance(error, AppError | OSError)
        text = str(error) if known else f"Something went wrong: {error}"
        QMessageBox.warning(self.window, "PO Tracker", text)

    def _say(self, text: str) -> None:
        # Said in the window's toast (and its status bar), like every other change.
        self.context.status_message.emit(text)

    def _offer_undo(self, text: str, earlier: Path | None) -> None:
        """``text`` in the toast, with Undo when there is a backup from just before."""
        if earlier is None:
            self._say(text)
            return
        if self._counting is not self.context:
            self.context.data_changed.connect(self._count_change)
            self._counting = self.context
        offered_at = self._changes

        def undo() -> None:
            if self._changes != offered_at:
                self._say(
                    f"The logbook changed since, so Undo would lose that change too: to go "
                    f"back anyway, restore {earlier.name} (File > Restore from a backup…)."
                )
                return
            if self._put_back(earlier) is not None:
                self._say(f"Undone: the logbook is back as it was before ({earlier.name}).")

        self.window.feedback.offer(text, "Undo", undo)

    def _count_change(self, _changes) -> None:
        self._changes += 1

    def _save_path(self, title: str, suggested: str, filters: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, title, str(Path.home() / suggested), filters
        )
        return Path(path) if path else None

    def _open_path(self, title: str, filters: str, folder: Path | None = None) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, title, str(folder or Path.home()), filters
        )
        return Path(path) if path else None

    # -- backup and restore --------------------------------------------------------------
    def back_up(self) -> None:
        from ..services.storage import backup

        path = self.context.database.path
        self._run(
            "Taking a verified backup…",
            lambda: backup.take_backup(path),
            lambda saved: self._say(f"Backed up to {saved}"),
        )

    def restore(self) -> None:
        from ..services.storage import backup

        database = self.context.database
        chosen = self._open_path(
            "Restore from a backup",
            "PO Tracker backups (*.sqlite3)",
            backup.backups_dir(database.path.parent),
        )
        if chosen is None:
            return
        answer = QMessageBox.question(
            self.window,
            "Restore this backup?",
            f"Go back to {chosen.name}? Entries made after it was taken will not be in the "
            "logbook. The current file is backed up and kept beside it, renamed.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        result = self._put_back(chosen)
        if result is not None:
            missing = len(result.missing_attachments)
            note = f" {count_of(missing, 'attached file')} not in the backup." if missing else ""
            self._offer_undo(
                f"Restored {result.restored_from.name}; the previous file is kept.{note}",
                result.safety_backup,
            )

    def _put_back(self, chosen: Path):
        """Restore ``chosen`` and reopen the window over it; the result, or None after
        saying what went wrong."""
        from ..schema import SchemaError
        from ..services.storage import backup

        database = self.context.database
        # The window holds the instance lock; restore needs the logbook closed.
        database.close()
        try:
            result = backup.restore(database.path, chosen)
        except (backup.BackupError, SchemaError, OSError, ValidationError) as error:
            result = None
            self._report_error(error)
        try:
            self.window.reopen_logbook()
        except (SchemaError, OSError) as error:
            self._report_error(error)
            return None
        return result

    # -- export --------------------------------------------------------------------------
    def export_json(self) -> None:
        target = self._save_path(
            "Export everything", f"po-tracker-{date.today()}.json", "JSON (*.json)"
        )
        if target is None:
            return
        database = self.context.database

        def work():
            import json

            from ..files import write_atomic
            from ..services.exchange import interchange

            with database.read() as session:
                document = interchange.export_document(session)
            text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
            # The file dialog already asked before replacing an existing file.
            write_atomic(target, text.encode("utf-8"), force=True)
            return target

        self._run("Exporting…", work, lambda path: self._say(f"Exported to {path}"))

    def export_csv(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, "Export CSV files into", str(Path.home())
        )
        if not folder:
            return
        database = self.context.database

        def work():
            from ..services.exchange import csv_export

            with database.read() as session:
                return csv_export.export_csv(session, Path(folder))

        self._run(
            "Exporting…",
            work,
            lambda paths: self._say(f"Exported {len(paths)} CSV files to {folder}"),
        )

    def export_ics(self) -> None:
        target = self._save_path("Export dates", "po-tracker-dates.ics", "iCalendar (*.ics)")
        if target is None:
            return
        database = self.context.database

        def work():
            from ..services.exchange import calendar_export

            # A write: the logbook records what the calendar said, to update it next time.
            with database.write() as session:
                return calendar_export.export_ics(session, target, force=True)

        self._run("Exporting…", work, lambda path: self._say(f"Exported dates to {path}"))

    # -- import --------------------------------------------------------------------------
    def import_json(self) -> None:
        source = self._open_path("Import a JSON file", "JSON (*.json)")
        if source is None:
            return
        database = self.context.database

        def check():
            from ..services.exchange import interchange

            document = interchange.read_document(source)
            with database.read() as session:
                return document, interchange.validate_import(session, document)

        self._run("Checking the file…", check, lambda found: self._confirm_json(*found))

    def _confirm_json(self, document, plan) -> None:
        from ..services.storage import backup

        answer = QMessageBox.question(
            self.window,
            "Import this file?",
            plan.summary() + "\n\nA backup is taken first; the import is all or nothing.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        database = self.context.database

        def work():
            from ..services.exchange import interchange

            before = backup.take_backup(database.path, reason="pre-import")
            with database.write() as session:
                return interchange.import_document(session, document), before

        self._run("Importing…", work, lambda done: self._imported(*done))

    def import_csv(self) -> None:
        from ..services.storage import backup

        kind, ok = QInputDialog.getItem(
            self.window, "Import a CSV file", "Which log does the file hold?", LOG_KINDS, 0, False
        )
        if not ok:
            return
        source = self._open_path(f"Import {kind} entries", "CSV (*.csv)")
        if source is None:
            return
        database = self.context.database

        def work():
            from ..services.exchange import csv_import

            with database.read() as session:
                csv_import.import_csv(session, kind, source, dry_run=True)
            before = backup.take_backup(database.path, reason="pre-import")
            with database.write() as session:
                return csv_import.import_csv(session, kind, source), before

        self._run("Importing…", work, lambda done: self._imported(*done))

    def _imported(self, report, before: Path | None) -> None:
        self.context.undo_stack.clear()  # undo history does not reach across an import
        self.context.notify(EVERYTHING)
        self._offer_undo(" ".join(report.summary().splitlines()), before)
