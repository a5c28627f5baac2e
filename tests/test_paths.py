from pathlib import Path

from po_tracker.paths import ENV_DATA_DIR, resolve_data_dir
from po_tracker.resources import resource_path


def test_explicit_folder_wins_over_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "flag") == tmp_path / "flag"
    assert resolve_data_dir(None) == tmp_path / "env"


def test_default_is_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_data_dir(None) == tmp_path / "xdg" / "po-tracker"


def test_shipped_resources_are_found():
    assert resource_path("framework", "default.json").is_file()
    assert resource_path("schema", "framework.schema.json").is_file()
    assert isinstance(resource_path(), Path)
