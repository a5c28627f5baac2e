"""The table of log kinds is the one list every generic place reads: it must agree with
the schema's list of kinds and the command line's words."""

from __future__ import annotations

import dataclasses

import pytest

from po_tracker.cli.parser import LIST_KINDS
from po_tracker.services.errors import ValidationError
from po_tracker.services.logbook import log_kinds
from po_tracker.vocabulary import LOG_KINDS


def test_the_table_lists_the_schemas_kinds_in_order():
    assert tuple(kind.name for kind in log_kinds.KINDS) == LOG_KINDS


def test_the_command_lines_list_words_are_the_tables():
    logs = {word: kind for word, kind in LIST_KINDS.items() if kind in LOG_KINDS}
    assert logs == {kind.list_key: kind.name for kind in log_kinds.KINDS}


def test_the_command_lines_attaching_kinds_are_those_that_keep_files():
    from po_tracker.cli.attach_files import ATTACHING

    assert tuple(kind.name for kind in log_kinds.KINDS if kind.keeps_files) == ATTACHING
    for kind in log_kinds.KINDS:  # a kind that keeps files has the column that names one
        assert ("attachment" in kind.model.__table__.columns) == kind.keeps_files, kind.name


def test_each_kinds_service_reads_and_writes_its_own_table():
    for kind in log_kinds.KINDS:
        log = kind.service.LOG
        assert log.kind == kind.name and log.model is kind.model
        assert dataclasses.is_dataclass(kind.input_type) and dataclasses.is_dataclass(
            kind.entry_type
        )


def test_a_kind_is_found_by_its_name_list_or_file_and_anything_else_is_refused():
    assert log_kinds.named(" Trainings.CSV ").name == "training"
    assert log_kinds.named("journal").name == "journal"
    with pytest.raises(ValidationError, match="unknown log 'diary'; valid logs: certification"):
        log_kinds.named("diary")
