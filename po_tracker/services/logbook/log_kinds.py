"""Every log the user keeps, in one table: what each kind is called where (the command
line and journal links, the JSON export's list, the CSV file, the search index), its
table in the logbook and its service. The places that handle entries of any kind read
this table; adding a kind means a row here and the kind's own service module.

The services are imported when first asked for, so reading a kind's names costs no
service's import (the command line's parser reads them on every start).
"""

from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass
from types import ModuleType

from ...models import (
    Base,
    Certification,
    Contact,
    ExperienceEntry,
    Feedback,
    Goal,
    JournalEntry,
    NetworkingEvent,
    SkillRating,
    TrainingSession,
    Win,
)
from ..errors import ValidationError


@dataclass(frozen=True)
class LogKind:
    name: str  # one entry's kind: the command line's word, a journal link's target
    label: str  # how the window names one entry of it
    list_key: str  # its list in a JSON export, and how an import's messages name it
    csv_file: str  # its file in a CSV export
    model: type[Base]  # its table
    module: str  # its service, a module of this package
    search_code: int  # how the full-text index names it (migration 0002's triggers)
    keeps_files: bool = False  # its entries may name an attached file (``attachment``)

    @property
    def service(self) -> ModuleType:
        """The kind's service module: create, update, delete, get, list_all, get_many,
        validate, and ``LOG`` (its ``LogService``)."""
        return importlib.import_module(f"{__package__}.{self.module}")

    @property
    def input_type(self) -> type:
        """What creates or updates one entry."""
        return self.service.LOG.input_type

    @property
    def entry_type(self) -> type:
        """What reading one entry gives."""
        return self.service.LOG.entry_type


KINDS = (
    LogKind(
        "certification",
        "Certification",
        "certifications",
        "certifications.csv",
        Certification,
        "certifications",
        1,
        keeps_files=True,
    ),
    LogKind(
        "training",
        "Training",
        "trainings",
        "trainings.csv",
        TrainingSession,
        "training",
        2,
        keeps_files=True,
    ),
    LogKind("event", "Event", "events", "events.csv", NetworkingEvent, "events", 3),
    LogKind("contact", "Person", "contacts", "contacts.csv", Contact, "contacts", 4),
    LogKind("rating", "Skill rating", "ratings", "ratings.csv", SkillRating, "ratings", 5),
    LogKind(
        "experience", "Experience", "experience", "experience.csv", ExperienceEntry, "experience", 6
    ),
    LogKind("journal", "Journal", "journal", "journal.csv", JournalEntry, "journal_entries", 7),
    LogKind("goal", "Goal", "goals", "goals.csv", Goal, "goals", 8),
    LogKind("win", "Win", "wins", "wins.csv", Win, "wins", 9, keeps_files=True),
    LogKind("feedback", "Feedback", "feedback", "feedback.csv", Feedback, "feedback_entries", 10),
)
# In the order of the schema's list of kinds (``vocabulary.LOG_KINDS``, which journal
# links are checked against), held equal by a test.
BY_NAME = {kind.name: kind for kind in KINDS}
BY_LIST = {kind.list_key: kind for kind in KINDS}
BY_MODEL = {kind.model: kind for kind in KINDS}


def service(name: str) -> ModuleType:
    """The service of the kind called ``name`` (one of ``vocabulary.LOG_KINDS``)."""
    return BY_NAME[name].service


def named(text: str) -> LogKind:
    """The kind a user named by its name, its list or its CSV file ("training",
    "trainings", "trainings.csv"), whatever the case; refused in one line otherwise."""
    key = text.strip().lower().removesuffix(".csv")
    for kind in KINDS:
        if key in (kind.name, kind.list_key, kind.csv_file.removesuffix(".csv")):
            return kind
    valid = ", ".join(BY_NAME)
    raise ValidationError.single("KIND", f"unknown log {text!r}; valid logs: {valid}")


def as_input(name: str, item):
    """The input that would create ``item`` again (to undo a delete, or to prefill an
    edit form): fields are matched by name between the entry and its input."""
    input_type = BY_NAME[name].input_type
    values = {
        field.name: getattr(item, field.name)
        for field in dataclasses.fields(input_type)
        if hasattr(item, field.name)
    }
    if name == "certification":
        values["custom"] = item.credential_slug is None
    return input_type(**values)
