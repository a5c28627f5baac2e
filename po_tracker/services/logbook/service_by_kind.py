"""Every log's service by kind, for callers that handle entries generically (the command
line's add/list/delete, the window's pages and its undo stack)."""

from __future__ import annotations

import dataclasses

from . import (
    certifications,
    contacts,
    events,
    experience,
    goals,
    ratings,
    training,
    wins,
)
from . import feedback_entries as feedback
from . import journal_entries as journal

LOG_SERVICES = {
    "certification": certifications,
    "training": training,
    "event": events,
    "contact": contacts,
    "rating": ratings,
    "experience": experience,
    "journal": journal,
    "goal": goals,
    "win": wins,
    "feedback": feedback,
}

INPUT_TYPES = {
    "certification": certifications.CertificationInput,
    "training": training.TrainingInput,
    "event": events.EventInput,
    "contact": contacts.ContactInput,
    "rating": ratings.RatingInput,
    "experience": experience.ExperienceInput,
    "journal": journal.JournalInput,
    "goal": goals.GoalInput,
    "win": wins.WinInput,
    "feedback": feedback.FeedbackInput,
}


def as_input(kind: str, item):
    """The input that would create ``item`` again (to undo a delete, or to prefill an
    edit form): fields are matched by name between the entry and its input."""
    input_type = INPUT_TYPES[kind]
    values = {
        field.name: getattr(item, field.name)
        for field in dataclasses.fields(input_type)
        if hasattr(item, field.name)
    }
    if kind == "certification":
        values["custom"] = item.credential_slug is None
    return input_type(**values)
