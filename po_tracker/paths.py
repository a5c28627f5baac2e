"""Where the user's data lives: one folder for the database, backups and attachments.

Resolution order: an explicit ``--data-dir``, then ``PO_TRACKER_DATA_DIR``, then the
platform's user data folder (platformdirs). What is kept only for speed lives apart, in
the user's cache folder (``cache_dir``).
"""

from __future__ import annotations

import os
from pathlib import Path

from .app_errors import AppError

APP_NAME = "po-tracker"
ENV_DATA_DIR = "PO_TRACKER_DATA_DIR"
ENV_CACHE_DIR = "PO_TRACKER_CACHE_DIR"
DATABASE_NAME = "po-tracker.sqlite3"
BACKUPS_FOLDER = "backups"
ATTACHMENTS_FOLDER = "attachments"
LOCK_NAME = "po-tracker.lock"


class BlankDataDirError(AppError):
    """``PO_TRACKER_DATA_DIR`` holds only spaces: a folder of that name would be made
    wherever the command runs, and the user's logbook would seem empty."""


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit is not None:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env and not from_env.strip():
        raise BlankDataDirError(
            f"{ENV_DATA_DIR} holds only spaces; set it to a folder, or unset it to use the"
            " default one"
        )
    if from_env:
        return Path(from_env).expanduser()
    return default_data_dir()


def default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """What the app keeps only to be faster (the dashboard's start view): never the
    user's data, and deleting it changes nothing but speed. ``PO_TRACKER_CACHE_DIR``, else
    the platform's user cache folder."""
    from_env = os.environ.get(ENV_CACHE_DIR)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def known_data_dirs() -> list[Path]:
    """Every data folder this user may keep a logbook in, whichever one a command was
    pointed at: an export aimed at another folder's logbook is refused just the same."""
    folders = [default_data_dir()]
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        folders.append(Path(from_env).expanduser())
    return folders


def ensure_private_dir(path: Path) -> Path:
    """Create the folder readable by the owner only; an existing folder keeps its mode."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME


def backups_dir(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUPS_FOLDER


def attachments_dir(data_dir: Path) -> Path:
    return Path(data_dir) / ATTACHMENTS_FOLDER


def lock_path(data_dir: Path) -> Path:
    """Beside the real logbook file: a data folder or a logbook reached through a
    symbolic link shares the one lock of the file it points to."""
    real = Path(os.path.realpath(database_path(Path(data_dir))))
    return real.parent / LOCK_NAME


def leftover_folders(data_dir: Path) -> tuple[Path, ...]:
    """Where an interrupted backup, restore or attachment may leave a ``.part`` file."""
    return (Path(data_dir), backups_dir(data_dir), attachments_dir(data_dir))
