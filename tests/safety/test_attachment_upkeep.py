"""Attached files beyond their entry: a backup carries them, a restore brings them back,
rotation removes a backup's files with it, and a file no entry names is removed only
once nothing can want it again."""

from __future__ import annotations

import os
import time
from datetime import UTC, date, datetime, timedelta

import pytest

from po_tracker.paths import attachments_dir
from po_tracker.services.logbook import certifications, training, wins
from po_tracker.services.storage import attachment_upkeep, attachments, backup

NOW = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


def _stored(data_dir, tmp_path, file_name: str, content: bytes) -> str:
    source = tmp_path / file_name
    source.write_bytes(content)
    return attachments.store_attachment(data_dir, source)


def _age(data_dir, name: str, hours: float) -> None:
    path = attachments_dir(data_dir) / name
    then = time.time() - hours * 3600
    os.utime(path, (then, then))


def _win_with(db, name: str) -> int:
    with db.write() as session:
        return wins.create(
            session, wins.WinInput("Cut lead time", date(2026, 3, 1), attachment=name)
        ).id


def test_every_log_with_files_names_them_for_the_upkeep(db, data_dir, tmp_path):
    names = [_stored(data_dir, tmp_path, f"{n}.pdf", n.encode()) for n in ("a", "b", "c")]
    with db.write() as session:
        certifications.create(
            session,
            certifications.CertificationInput(
                "CSPO", earned_on=date(2025, 1, 2), attachment=names[0]
            ),
        )
        training.create(
            session, training.TrainingInput("Course", 4, date(2025, 2, 1), attachment=names[1])
        )
        wins.create(session, wins.WinInput("Win", date(2025, 3, 1), attachment=names[2]))
    assert attachment_upkeep.names_in(db.path) == set(names)


def test_a_backup_carries_the_files_and_a_restore_brings_them_back(db, data_dir, tmp_path):
    name = _stored(data_dir, tmp_path, "certificate.pdf", b"%PDF the certificate")
    win_id = _win_with(db, name)
    taken = backup.take_backup(db.path, now=NOW)
    assert (attachment_upkeep.companion(taken) / name).read_bytes() == b"%PDF the certificate"
    # The entry is deleted, its file swept away: the logbook no longer has either.
    with db.write() as session:
        wins.delete(session, win_id)
    assert attachment_upkeep.sweep_unnamed(data_dir, older_than=timedelta(0)) == [name]
    assert not (attachments_dir(data_dir) / name).exists()
    db.close()
    result = backup.restore(db.path, taken, now=NOW + timedelta(minutes=1))
    assert result.missing_attachments == ()
    restored = attachments.resolve_attachment(data_dir, name)
    assert restored.read_bytes() == b"%PDF the certificate"
    assert attachments.original_name(name) == "certificate.pdf"


def test_a_backup_elsewhere_carries_copies_beside_it(db, data_dir, tmp_path):
    name = _stored(data_dir, tmp_path, "slides.pdf", b"slides")
    _win_with(db, name)
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    taken = backup.take_backup(db.path, elsewhere / "mine.sqlite3", now=NOW)
    carried = elsewhere / "mine.attachments" / name
    assert carried.read_bytes() == b"slides"
    # A whole new data folder, from that backup alone: the file comes back.
    other = tmp_path / "new-data"
    other.mkdir()
    result = backup.restore(other / "po-tracker.sqlite3", taken, now=NOW)
    assert result.missing_attachments == ()
    assert attachments.resolve_attachment(other, name).read_bytes() == b"slides"


@pytest.mark.parametrize("file_name", ["mine.attachments", "mine", "mine.db"])
def test_a_backup_under_any_name_keeps_its_files_beside_it(db, data_dir, tmp_path, file_name):
    name = _stored(data_dir, tmp_path, "a.pdf", b"a")
    _win_with(db, name)
    taken = backup.take_backup(db.path, tmp_path / file_name, now=NOW)
    assert taken.is_file() and attachment_upkeep.companion(taken) != taken
    assert (attachment_upkeep.companion(taken) / name).read_bytes() == b"a"


def test_a_restore_names_the_files_that_neither_place_holds(db, data_dir, tmp_path):
    name = _stored(data_dir, tmp_path, "lost.pdf", b"lost")
    _win_with(db, name)
    (attachments_dir(data_dir) / name).unlink()  # gone before the backup was taken
    taken = backup.take_backup(db.path, now=NOW)
    db.close()
    result = backup.restore(db.path, taken, now=NOW + timedelta(minutes=1))
    assert result.missing_attachments == (name,)


def test_rotation_removes_a_backups_files_with_it(db, data_dir, tmp_path):
    name = _stored(data_dir, tmp_path, "a.pdf", b"a")
    _win_with(db, name)
    old = backup.take_backup(db.path, now=NOW - timedelta(days=40))
    new = backup.take_backup(db.path, now=NOW)
    keep_one = backup.backup_rotation.RotationLimits(daily=1, weekly=0, monthly=0)
    assert backup.rotate(data_dir, keep_one, now=NOW) == [old]
    assert not attachment_upkeep.companion(old).exists()
    assert (attachment_upkeep.companion(new) / name).read_bytes() == b"a"
    assert (attachments_dir(data_dir) / name).read_bytes() == b"a"  # the logbook's own


def test_the_sweep_keeps_named_and_young_files_and_anything_not_ours(db, data_dir, tmp_path):
    named = _stored(data_dir, tmp_path, "named.pdf", b"1")
    _win_with(db, named)
    unnamed_old = _stored(data_dir, tmp_path, "old.pdf", b"2")
    unnamed_young = _stored(data_dir, tmp_path, "young.pdf", b"3")
    for name in (named, unnamed_old):
        _age(data_dir, name, hours=2)
    _age(data_dir, unnamed_young, hours=0.5)
    users_own = attachments_dir(data_dir) / "my notes.txt"
    users_own.write_text("mine")
    assert attachment_upkeep.sweep_unnamed(data_dir) == [unnamed_old]
    left = {path.name for path in attachments_dir(data_dir).iterdir()}
    assert left == {named, unnamed_young, "my notes.txt"}
