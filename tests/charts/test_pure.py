"""The chart layer stays light: no matplotlib on import; tables for every chart."""

from __future__ import annotations

import subprocess
import sys

import pytest
import samples
from cases import EMPTY, SMALL

from po_tracker.charts import registry
from po_tracker.charts.tables import table_rows


def test_importing_the_package_registry_and_data_does_not_import_matplotlib():
    code = (
        "import sys\n"
        "import po_tracker.charts, po_tracker.charts.registry, po_tracker.charts.data\n"
        "import po_tracker.charts.tables, po_tracker.charts.theme, po_tracker.charts.streaks\n"
        "po_tracker.charts.registry.listing()\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'numpy',"
        " 'PySide6')]\n"
        "print(loaded)\n"
        "sys.exit(1 if loaded else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_chart_module_uses_pyplot_or_qt():
    from pathlib import Path

    import po_tracker.charts as package

    for path in Path(package.__file__).parent.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import pyplot" not in text and "matplotlib.pyplot" not in text, path.name
        assert "import PySide6" not in text and "from PySide6" not in text, path.name


@pytest.mark.parametrize("name", registry.names())
@pytest.mark.parametrize("cases", [EMPTY, SMALL], ids=["empty", "small"])
def test_every_chart_has_a_table(name, cases):
    headers, rows = table_rows(cases[name]())
    assert headers and all(isinstance(h, str) for h in headers)
    assert all(len(row) == len(headers) for row in rows)


def test_radar_table_numbers():
    data = samples.radar()
    headers, rows = table_rows(data)
    assert headers[:3] == ("Skill", "Now", "Target")
    assert [r[1] for r in rows] == list(data.current)
    assert [r[2] for r in rows] == list(data.target)


def test_report_table():
    headers, rows = table_rows(samples.report())
    assert rows[0] == ("Overall readiness", 72.1)
    assert rows[-1][0].startswith("Next action")
