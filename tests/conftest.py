"""Shared fixtures. Qt runs offscreen; every test gets its own data folder, built by the
real migrations."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

import pytest  # noqa: E402

# Fails any test that opens a connection to a non-local address: the app makes none.
pytest_plugins = ["network_guard"]

from po_tracker.services.storage.opening import open_logbook  # noqa: E402


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Each test keeps what the app caches in its own folder, never the user's."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("PO_TRACKER_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def db(data_dir):
    database = open_logbook(data_dir)
    yield database
    database.close()


@pytest.fixture
def session(db):
    """One write transaction for the whole test; it commits at the end."""
    with db.write() as s:
        yield s
