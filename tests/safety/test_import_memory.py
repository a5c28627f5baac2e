"""Memory stays bounded on hostile imports (issue 12, point 10): the worst shapes that fit
the documented size limits are refused or imported without the peak going past a few
hundred MB. Each runs `import` in a child process and reads its peak resident memory.

The bound here is generous for CI (another Python, another allocator); the peaks measured
are in docs/your-data.md."""

from __future__ import annotations

import pytest
from hostile_files import measure

from po_tracker.services.storage.json_files import MAX_CONTAINERS

BOUND_MB = 700


@pytest.mark.parametrize(
    ("shape", "code", "said"),
    [
        ("deep_nesting", 2, "holds more than a PO Tracker export may"),
        ("tiny_objects_past_the_limit", 2, f"at most {MAX_CONTAINERS:,}"),
        ("one_huge_string", 2, "notes: is too long"),
        ("csv_wide_row", 2, "columns; a log has at most"),
    ],
)
def test_the_worst_files_are_refused_within_bounded_memory(tmp_path, shape, code, said):
    status, peak, message = measure(shape, tmp_path)
    assert status == code and said in message, message
    assert peak < BOUND_MB, f"{shape}: peak {peak} MB"
    # The import went to a folder that did not exist: a refusal leaves none behind.
    assert not (tmp_path / f"data-{shape}").exists()
