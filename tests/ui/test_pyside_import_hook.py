"""PySide6's check of every imported module, answered without keeping sources alive."""

from __future__ import annotations

import linecache
import sys

import PySide6.QtCore  # noqa: F401 - loads the hook being replaced

from po_tracker.ui import pyside_import_hook


def _module(tmp_path, monkeypatch, name: str, text: str):
    (tmp_path / f"{name}.py").write_text(text, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    # An import statement, as the app's are: PySide6 hooks builtins.__import__.
    return __import__(name)


def test_answers_as_pyside_does(tmp_path, monkeypatch):
    feature = sys.modules["shibokensupport.feature"]
    original = feature._mod_uses_pyside
    qt_user = _module(tmp_path, monkeypatch, "uses_qt_here", "import PySide6\n")
    plain = _module(tmp_path, monkeypatch, "plain_here", "VALUE = 1\n")
    for module in (qt_user, plain, linecache, PySide6.QtCore):
        assert pyside_import_hook._uses_pyside(module) == original(module), module


def test_imports_after_it_keep_no_source_lines(tmp_path, monkeypatch):
    feature = sys.modules["shibokensupport.feature"]
    monkeypatch.setattr(feature, "_mod_uses_pyside", feature._mod_uses_pyside)
    assert pyside_import_hook.install()
    module = _module(tmp_path, monkeypatch, "imported_later", "# PySide6\nVALUE = 2\n")
    assert module.VALUE == 2
    assert module.__file__ not in linecache.cache
    assert feature.pyside_feature_dict["imported_later"] == 0  # seen as using PySide6
