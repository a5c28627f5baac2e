"""Completion of people's names in a field that takes several, separated by commas.

Names are matched as everywhere else in the app (``names.name_key``): without regard to
case in any script and to how an accent was typed, so "émi", "ÉMI" or "E" plus a
combining acute all offer "Émilie". Only the name being typed, after the last comma or
semicolon, is completed; the names before it stay as they are.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from ...names import name_key

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
_LAST = re.compile(r"^(.*[,;])?\s*(.*)$", re.DOTALL)


def _split(text: str) -> tuple[str, str]:
    """(everything up to the name being typed, that name)."""
    match = _LAST.match(text)
    return match.group(1) or "", match.group(2)


class NamesCompleter(QCompleter):
    def __init__(self, names: list[str], field: QLineEdit):
        model = QStandardItemModel(field)
        for name in sorted(set(names), key=name_key):
            item = QStandardItem(name)
            item.setData(name_key(name), KEY_ROLE)
            model.appendRow(item)
        super().__init__(model, field)
        self._field = field
        # Keys are folded already: a case-sensitive prefix match on them is the app's.
        self.setCompletionRole(KEY_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)
        self.setModelSorting(QCompleter.ModelSorting.UnsortedModel)

    def splitPath(self, path: str) -> list[str]:
        return [name_key(_split(path)[1])]

    def pathFromIndex(self, index) -> str:
        before, _ = _split(self._field.text())
        name = index.data(Qt.ItemDataRole.DisplayRole)
        return f"{before} {name}".lstrip() if before else name
