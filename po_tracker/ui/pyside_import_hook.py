"""PySide6 inspects every Python module imported after it, to know whether the module
may use its ``__feature__`` switches: it reads the module's source with
``inspect.getsource``, and ``linecache`` then keeps every line of every module for the
life of the process (PYSIDE-2029: about 35 MB and 50 ms of the window's start here).
The same question is answered here by reading the file's bytes, which nothing keeps.

PySide6's hook is private: when it is not where expected, nothing is changed.
"""

from __future__ import annotations

import sys


def _uses_pyside(module) -> bool:
    """Whether ``module``'s source mentions PySide6, as PySide6's own check decides it:
    a module without a readable ``.py`` file does not."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def install() -> bool:
    """Replace PySide6's source check; call right after PySide6 is first imported.
    Returns whether it was replaced."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside
    return True
