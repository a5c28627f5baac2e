"""Fixtures for the safety tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from safety_helpers import closed_logbook_in


@pytest.fixture
def closed_logbook(data_dir) -> Path:
    """A logbook with a few entries, closed (its WAL checkpointed into the file)."""
    return closed_logbook_in(data_dir)
