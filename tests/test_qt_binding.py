"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void-returning call
and aborts the interpreter after a few thousand (``Fatal Python error: none_dealloc``).
The pin avoids it; this test would catch the fault coming back with any upgrade."""

from __future__ import annotations

import subprocess
import sys

CALLS = 50_000

PROBE = f"""
import sys
from PySide6.QtCore import QObject
obj = QObject()
before = sys.getrefcount(None)
for i in range({CALLS}):
    obj.setObjectName("probe")
    obj.blockSignals(False)
after = sys.getrefcount(None)
# CPython 3.12+ makes None immortal; on 3.11 a leak shows as a falling count.
print("ok", before - after)
"""


def test_tens_of_thousands_of_void_calls_do_not_abort_the_interpreter():
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    status, lost = result.stdout.split()
    assert status == "ok"
    assert int(lost) < 100, f"None lost {lost} references over {CALLS} calls"


def test_installed_binding_is_not_the_faulty_release():
    from importlib.metadata import version

    assert version("PySide6-Essentials") != "6.12.0"
