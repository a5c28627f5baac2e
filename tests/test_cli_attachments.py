"""``--attach PATH`` / ``--detach`` on the command line: the file is copied into the data
folder and named on the entry; a path that cannot be attached is one line, exit 2, and
nothing changes (no entry, no copy left behind)."""

from __future__ import annotations

import os

import pytest
from cli_run import listed, run

from po_tracker.paths import attachments_dir
from po_tracker.services.storage import attachments


def _files(data_dir) -> set[str]:
    folder = attachments_dir(data_dir)
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


@pytest.fixture
def certificate(tmp_path):
    path = tmp_path / "certificate.pdf"
    path.write_bytes(b"%PDF-1.7 the certificate")
    return path


ADDS = {
    "win": ("win", "Cut lead time", "--date", "2026-03-01"),
    "training": ("training", "Backlog course", "--hours", "6", "--date", "2026-03-01"),
    "certification": ("certification", "CSPO", "--earned", "2026-03-01"),
}
LISTS = {"win": "wins", "training": "trainings", "certification": "certifications"}


@pytest.mark.parametrize("kind", sorted(ADDS))
def test_add_attach_keeps_a_copy_and_lists_its_name(capsys, data_dir, certificate, kind):
    code, out, err = run(capsys, data_dir, "add", *ADDS[kind], "--attach", str(certificate))
    assert (code, err) == (0, "")
    assert out.rstrip().endswith("attached certificate.pdf")
    (entry,) = listed(capsys, data_dir, LISTS[kind])
    name = entry["attachment"]
    assert attachments.original_name(name) == "certificate.pdf"
    stored = attachments.resolve_attachment(data_dir, name)
    assert stored.read_bytes() == certificate.read_bytes()
    certificate.unlink()  # the logbook keeps its own copy
    assert stored.exists()


def _bad_paths(tmp_path):
    folder = tmp_path / "slides.pdf"
    folder.mkdir()
    unreadable = tmp_path / "locked.pdf"
    unreadable.write_bytes(b"x")
    unreadable.chmod(0)
    big = tmp_path / "big.pdf"
    with big.open("wb") as handle:
        handle.truncate(attachments.MAX_BYTES + 1)  # sparse: no real disk used
    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ")
    return {
        "missing": (tmp_path / "nowhere.pdf", "does not exist"),
        "folder": (folder, "is a folder; choose a file"),
        "unreadable": (unreadable, "cannot be read"),
        "too large": (big, "the limit is 50 MB"),
        "kind": (program, "is not a kind of file kept here"),
    }


@pytest.mark.parametrize("case", ["missing", "folder", "unreadable", "too large", "kind"])
def test_a_path_that_cannot_be_attached_is_one_line_and_changes_nothing(
    capsys, data_dir, tmp_path, case
):
    if case == "unreadable" and os.geteuid() == 0:
        pytest.skip("root reads any file")
    path, words = _bad_paths(tmp_path)[case]
    run(capsys, data_dir, "add", "win", "Kept", "--date", "2026-01-01")
    code, out, err = run(capsys, data_dir, "add", "win", "New", "--attach", str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and words in err and err.startswith("po-tracker: ")
    assert [w["title"] for w in listed(capsys, data_dir, "wins")] == ["Kept"]
    assert _files(data_dir) == set()


def test_a_refused_entry_leaves_no_copy_behind(capsys, data_dir, certificate):
    code, _, err = run(
        capsys, data_dir, "add", "training", "Course", "--hours", "-3", "--attach", str(certificate)
    )
    assert code == 2 and "hours" in err
    assert listed(capsys, data_dir, "trainings") == []
    assert _files(data_dir) == set()


def test_edit_attach_replaces_the_file_and_detach_removes_it(
    capsys, data_dir, certificate, tmp_path
):
    run(capsys, data_dir, "add", *ADDS["win"], "--attach", str(certificate))
    (win,) = listed(capsys, data_dir, "wins")
    first = win["attachment"]
    slides = tmp_path / "slides.png"
    slides.write_bytes(b"\x89PNG slides")
    code, out, _ = run(capsys, data_dir, "edit", "win", str(win["id"]), "--attach", str(slides))
    assert code == 0 and "attached slides.png" in out
    (win,) = listed(capsys, data_dir, "wins")
    assert attachments.original_name(win["attachment"]) == "slides.png"
    assert win["title"] == "Cut lead time"  # nothing else changed
    # No undo on the command line: the file no entry names any more is gone.
    assert _files(data_dir) == {win["attachment"]} and first not in _files(data_dir)
    code, out, _ = run(capsys, data_dir, "edit", "win", str(win["id"]), "--detach")
    assert code == 0 and "attached" not in out
    assert listed(capsys, data_dir, "wins")[0]["attachment"] is None
    assert _files(data_dir) == set()


def test_attach_and_detach_together_are_refused(capsys, data_dir, certificate):
    run(capsys, data_dir, "add", *ADDS["win"], "--attach", str(certificate))
    (win,) = listed(capsys, data_dir, "wins")
    code, _, err = run(
        capsys, data_dir, "edit", "win", str(win["id"]), "--attach", str(certificate), "--detach"
    )
    assert code == 2 and "--detach" in err
    assert listed(capsys, data_dir, "wins") == [win]
    assert _files(data_dir) == {win["attachment"]}


def test_delete_removes_the_file_only_when_no_entry_names_it(capsys, data_dir, certificate):
    run(capsys, data_dir, "add", *ADDS["win"], "--attach", str(certificate))
    (win,) = listed(capsys, data_dir, "wins")
    # Another entry names the same stored file (as an import of the same logbook can).
    run(capsys, data_dir, "add", "win", "Second", "--date", "2026-03-02")
    second = next(w for w in listed(capsys, data_dir, "wins") if w["title"] == "Second")
    from po_tracker.services.logbook import wins
    from po_tracker.services.storage.opening import open_logbook

    database = open_logbook(data_dir)
    with database.write() as session:
        current = wins.get(session, second["id"])
        wins.update(
            session,
            second["id"],
            wins.WinInput(current.title, current.win_date, attachment=win["attachment"]),
        )
    database.close()
    assert run(capsys, data_dir, "delete", "win", str(win["id"]))[0] == 0
    assert _files(data_dir) == {win["attachment"]}
    assert run(capsys, data_dir, "delete", "win", str(second["id"]))[0] == 0
    assert _files(data_dir) == set()


def test_backup_then_restore_brings_the_file_back(capsys, data_dir, certificate):
    run(capsys, data_dir, "add", *ADDS["certification"], "--attach", str(certificate))
    (cert,) = listed(capsys, data_dir, "certifications")
    code, out, _ = run(capsys, data_dir, "backup")
    assert code == 0
    taken = out.strip().removeprefix("Backed up to ")
    assert run(capsys, data_dir, "delete", "certification", str(cert["id"]))[0] == 0
    assert _files(data_dir) == set()  # the command line removed the file with its entry
    code, out, err = run(capsys, data_dir, "restore", taken)
    assert (code, err) == (0, "") and "Not in the backup" not in out
    assert listed(capsys, data_dir, "certifications")[0]["attachment"] == cert["attachment"]
    restored = attachments.resolve_attachment(data_dir, cert["attachment"])
    assert restored.read_bytes() == certificate.read_bytes()


def test_a_restore_says_which_files_the_backup_lacks(capsys, data_dir, certificate):
    run(capsys, data_dir, "add", *ADDS["win"], "--attach", str(certificate))
    (win,) = listed(capsys, data_dir, "wins")
    attachments.resolve_attachment(data_dir, win["attachment"]).unlink()  # lost before
    code, out, _ = run(capsys, data_dir, "backup")
    taken = out.strip().removeprefix("Backed up to ")
    code, out, _ = run(capsys, data_dir, "restore", taken)
    assert code == 0
    assert "Not in the backup, so not restored: 1 attached file(s) (certificate.pdf)" in out
    assert listed(capsys, data_dir, "wins")[0]["attachment"] == win["attachment"]
