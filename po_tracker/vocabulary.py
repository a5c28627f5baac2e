"""The fixed vocabularies of the log: one place, shared by the schema's checks, the
services' validation, the command line's choices and the window's drop-downs."""

from __future__ import annotations

CERTIFICATION_STATUSES = ("planned", "in-progress", "earned", "expired")
TRAINING_FORMATS = ("course", "workshop", "book", "webinar", "self-study")
TRAINING_STATUSES = ("planned", "in-progress", "completed")
EVENT_TYPES = ("meetup", "conference", "workshop", "forum", "webinar", "mentoring")
# Which way a mentoring event went: you mentored the people met, or they mentored you.
MENTORING_DIRECTIONS = ("gave", "received")
RATING_SOURCES = ("self", "peer", "manager")
GOAL_STATUSES = ("open", "in-progress", "done", "dropped")
STAGE_PATHS = ("ladder", "side")
# What a goal may serve besides a skill or a credential: a stage's numeric requirements.
GOAL_REQUIREMENTS = (
    "years_experience",
    "sprints_as_po",
    "people_mentored",
    "training_hours_12m",
    "events_12m",
)
# Kinds of logged entry, in the order the app lists them; also the journal's link targets.
LOG_KINDS = (
    "certification",
    "training",
    "event",
    "contact",
    "rating",
    "experience",
    "journal",
    "goal",
    "win",
    "feedback",
)
# Who gave a piece of feedback, as seen from the user.
FEEDBACK_ROLES = ("manager", "peer", "stakeholder", "report", "mentor", "customer")
# A stage's numeric requirements, which a win can be evidence for (the same keys as the
# stage's columns and the framework file).
STAGE_REQUIREMENTS = (
    "years_experience",
    "sprints_as_po",
    "people_mentored",
    "team_size",
    "products_owned",
    "ceremonies_facilitated",
    "training_hours_12m",
    "events_12m",
)
# How the window and the documents name them (the readiness report's words).
STAGE_REQUIREMENT_LABELS = {
    "years_experience": "Years in product roles",
    "sprints_as_po": "Sprints as Product Owner",
    "people_mentored": "People mentored",
    "team_size": "Largest team led",
    "products_owned": "Products owned at once",
    "ceremonies_facilitated": "Ceremonies facilitated",
    "training_hours_12m": "Training hours in 12 months",
    "events_12m": "Networking events in 12 months",
}
LEVEL_MIN, LEVEL_MAX = 1, 5
# What each skill level means, shown wherever a level is chosen, so that two ratings
# made months apart mean the same thing.
LEVEL_MEANINGS = {
    1: ("Aware", "knows what it is and why it matters; has not done it yet"),
    2: ("Learning", "has done it with help or guidance"),
    3: ("Practising", "does it alone in everyday work"),
    4: ("Advanced", "handles hard cases and is asked for advice"),
    5: ("Expert", "shapes how others do it; teaches it"),
}


def sql_in(values: tuple[str, ...]) -> str:
    """An SQL ``IN (...)`` list for a CHECK constraint over one of the tuples above."""
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


# Default readiness weights per component (percent of the overall score).
DEFAULT_WEIGHTS = {
    "skills": 35.0,
    "certifications": 20.0,
    "experience": 25.0,
    "learning": 10.0,
    "networking": 10.0,
}
