"""Each chart against its checked-in baseline image, so a change in a chart shows in
review. After an intended change: ``python tests/charts/make_baselines.py``, look at the
new PNGs, commit them."""

from __future__ import annotations

import pytest
from make_baselines import BASELINE, names, render
from matplotlib.testing.compare import compare_images

TOLERANCE = 6  # RMS over 0-255; absorbs FreeType anti-aliasing differences, not changes


@pytest.mark.parametrize("name", names())
def test_chart_matches_baseline(name, tmp_path):
    expected = BASELINE / f"{name}.png"
    if not expected.exists():
        pytest.fail(f"no baseline for {name}: run python tests/charts/make_baselines.py")
    actual = render(name, tmp_path / f"{name}.png")
    result = compare_images(str(expected), str(actual), tol=TOLERANCE)
    assert result is None, result
