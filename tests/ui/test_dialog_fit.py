"""Every dialog fits a 1024x700 screen and 1440x900 at 150 % scale (960x600 logical
pixels) with its buttons in view; the main window reopens inside the screen."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDialog, QDialogButtonBox

import po_tracker.ui.dialogs as dialogs_package
from po_tracker.ui.main_window import MainWindow
from po_tracker.ui.widgets.fit import FRAME_ALLOWANCE, clamp_into, fitting_size

SCREENS = {"1024x700": QRect(0, 0, 1024, 700), "1440x900 at 150 %": QRect(0, 0, 960, 600)}


def _dialog_classes() -> list[type]:
    found = []
    for module_info in pkgutil.iter_modules(dialogs_package.__path__):
        module = importlib.import_module(f"{dialogs_package.__name__}.{module_info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, QDialog)
                and value.__module__ == module.__name__
                and value.__name__ != "EntryDialog"  # abstract: its subclasses are here
                and not value.__name__.startswith("_")
            ):
                found.append(value)
    return sorted(found, key=lambda cls: cls.__name__)


DIALOGS = _dialog_classes()


def _case_items(_context):
    """The case's evidence, shown before it is exported, from the charts' fixed case."""
    from pathlib import Path

    from po_tracker.ui.dialogs.case_items_dialog import CaseItemsDialog

    path = Path(__file__).parents[1] / "charts" / "case_sample.py"
    spec = importlib.util.spec_from_file_location("case_sample", path)
    case_sample = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(case_sample)

    return CaseItemsDialog(case_sample.case())


# Dialogs opened on something other than the logbook: how to open one.
OWN_ARGUMENTS = {"CaseItemsDialog": _case_items}


def test_every_dialog_is_checked():
    assert len(DIALOGS) >= 12


@pytest.mark.parametrize("screen", SCREENS, ids=list(SCREENS))
@pytest.mark.parametrize("dialog_class", DIALOGS, ids=lambda cls: cls.__name__)
def test_dialog_fits_the_screen_with_its_buttons_in_view(qtbot, context, dialog_class, screen):
    area = SCREENS[screen]
    dialog = OWN_ARGUMENTS.get(dialog_class.__name__, dialog_class)(context)
    qtbot.addWidget(dialog)
    dialog.show()
    size = fitting_size(dialog.size(), area)
    room = area.size() - FRAME_ALLOWANCE
    assert size.width() <= room.width() and size.height() <= room.height()
    # The layout can be that small without clipping what it holds.
    assert dialog.minimumSizeHint().width() <= size.width()
    assert dialog.minimumSizeHint().height() <= size.height()
    dialog.resize(size)
    dialog.layout().activate()
    for buttons in dialog.findChildren(QDialogButtonBox):
        if buttons.isVisibleTo(dialog) and buttons.window() is dialog:
            box = QRect(buttons.mapTo(dialog, buttons.rect().topLeft()), buttons.size())
            assert dialog.rect().contains(box), f"{dialog_class.__name__}: buttons cut off"


def test_a_window_saved_on_a_larger_screen_reopens_inside_this_one():
    small = QRect(0, 0, 1024, 700)
    placed = clamp_into(QRect(300, 200, 1400, 900), small)
    assert small.contains(placed)
    assert placed.width() <= 1024 - FRAME_ALLOWANCE.width()


def test_main_window_starts_within_the_screen(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    assert window.width() <= screen.width() and window.height() <= screen.height()
