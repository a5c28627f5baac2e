"""What the window says when the logbook cannot be opened: in plain words, with the way
out (going back to the newest good backup) when there is one."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def offer_restore(parent, error) -> bool:
    """True when the user chose to restore ``error.backup``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Your logbook is damaged")
    box.setText(
        "PO Tracker found damage in your logbook and did not open it, so nothing in it was changed."
    )
    if error.backup is None:
        box.setInformativeText(
            f"No good backup was found. Keep the file as it is and ask for help: {error.path}"
        )
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.exec()
        return False
    box.setInformativeText(
        f"The newest good backup is {error.backup.name}. Restoring it keeps the damaged "
        "file beside it, renamed, so nothing is deleted. Entries made after that backup "
        "are not in it."
    )
    restore = box.addButton("&Restore this backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDetailedText("\n".join(error.problems))
    box.exec()
    return box.clickedButton() is restore
