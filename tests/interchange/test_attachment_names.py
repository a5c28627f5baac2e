"""Attachments in the JSON interchange (version 5 adds a training's): the export carries
each entry's stored name, never the file; an import keeps the name even where the file
is not, and opening it then says the file is missing. A version 4 file still imports."""

from __future__ import annotations

from datetime import date

import pytest

from po_tracker.services.errors import ValidationError
from po_tracker.services.exchange import interchange
from po_tracker.services.logbook import certifications, training, wins
from po_tracker.services.storage import attachments

from .helpers import fresh_logbook, shipped_schema_validator, snapshot

SLIDES = "0123456789abcdef0123456789abcdef-slides.pdf"


def _log_with_names(session) -> None:
    training.create(
        session, training.TrainingInput("Course", 4, date(2025, 2, 1), attachment=SLIDES)
    )
    wins.create(session, wins.WinInput("Win", date(2025, 3, 1), attachment="evidence.png"))
    certifications.create(
        session, certifications.CertificationInput("CSPO", earned_on=date(2025, 1, 2))
    )


def test_the_names_round_trip_and_a_name_without_its_file_says_so(db, tmp_path):
    with db.write() as session:
        _log_with_names(session)
    document = snapshot(db)
    assert document["version"] == 5
    assert [t["attachment"] for t in document["trainings"]] == [SLIDES]
    assert [c["attachment"] for c in document["certifications"]] == [None]
    errors = list(shipped_schema_validator().iter_errors({**document, "exported_at": "x"}))
    assert [e.message for e in errors if "exported_at" not in list(e.path)] == []
    other = fresh_logbook(tmp_path / "other")
    with other.write() as session:
        assert interchange.import_document(session, document).applied
        (course,) = training.list_all(session)
        (win,) = wins.list_all(session)
    assert (course.attachment, win.attachment) == (SLIDES, "evidence.png")
    with pytest.raises(ValidationError, match="slides.pdf is missing"):
        attachments.resolve_attachment(tmp_path / "other", course.attachment)
    # A name no PO Tracker stored (a file written by hand): said plainly, never opened.
    with pytest.raises(ValidationError, match="evidence.png is not in the attachments folder"):
        attachments.resolve_attachment(tmp_path / "other", win.attachment)
    other.close()


def test_a_version_4_file_imports_its_training_with_no_attachment(db, tmp_path):
    with db.write() as session:
        _log_with_names(session)
    document = snapshot(db)
    document["version"] = 4
    for entry in document["trainings"]:
        del entry["attachment"]
    other = fresh_logbook(tmp_path / "other")
    with other.write() as session:
        assert interchange.import_document(session, document).applied
        (course,) = training.list_all(session)
    assert course.attachment is None and course.title == "Course"
    other.close()


@pytest.mark.parametrize("name", ["../po-tracker.sqlite3", "a/b.pdf", "..", "x\x01.pdf"])
def test_an_entry_never_takes_a_path_for_its_attachment(db, name):
    with db.write() as session, pytest.raises(ValidationError, match="attachment"):
        training.create(
            session, training.TrainingInput("Course", 4, date(2025, 2, 1), attachment=name)
        )
