"""The one table of limits on what an entry may hold, and the words for breaking one.

The numbers are read from the interchange schemas the app ships (``export.schema.json``
and ``framework.schema.json``), which `import json` checks every file against. The
services, and so the command line and the window, check what is typed against these same
names, so anything the app accepts it can export and import again. To change a limit,
change the schema: everything else follows. ``tests/safety/test_entry_limits.py`` holds
entry and import to the same numbers and the same words.
"""

from __future__ import annotations

import json
from functools import cache

from ..resources import resource_path


@cache
def _schema(name: str) -> dict:
    return json.loads(resource_path("schema", f"{name}.schema.json").read_text(encoding="utf-8"))


def _export(pointer: str):
    node = _schema("export")
    for part in pointer.split("/"):
        node = node[part]
    return node


def _framework(pointer: str):
    node = _schema("framework")
    for part in pointer.split("/"):
        node = node[part]
    return node


# --- text lengths, in characters ----------------------------------------------------------
MAX_SHORT_TEXT = _export("$defs/short_text/maxLength")  # one-line fields: issuer, provider...
MAX_NAME = _export("$defs/name_text/maxLength")  # a person's name, organization, role
MAX_TITLE = _export("$defs/title/maxLength")
MAX_TEXT = _export("$defs/text/maxLength")  # notes, takeaways, prompts
MAX_BODY = _export("$defs/journal/properties/body/maxLength")  # a journal entry
MAX_GOAL_TEXT = _export("$defs/goal/properties/text/maxLength")
MAX_URL = _export("$defs/certification/properties/verification_url/maxLength")
# The schema counts a leading '#', which the app does not store.
MAX_TAG = _export("$defs/journal/properties/tags/items/maxLength") - 1
MAX_QUOTE = _export("$defs/feedback/properties/quote/maxLength")
MAX_METRIC_NAME = _export("$defs/win/properties/metric_name/maxLength")
MAX_METRIC_UNIT = _export("$defs/win/properties/metric_unit/maxLength")

# --- numbers ------------------------------------------------------------------------------
MAX_HOURS = _export("$defs/hours/maximum")
MAX_COUNT = _export("$defs/count/maximum")  # sprints, team size, people mentored...
MAX_MONEY = _export("$defs/money/maximum")
MAX_CLAIM_CREDITS = _export("$defs/credits/items/properties/credits/maximum")
MAX_CREDITS_USED = _export("$defs/renewal/properties/credits_used/maximum")
MAX_METRIC = _export("$defs/win/properties/metric_before/maximum")  # and -MAX_METRIC
MAX_WEIGHT = _export("$defs/profile/properties/weights/properties/skills/maximum")
MAX_VALIDITY_MONTHS = _framework("$defs/credential/properties/validity_months/maximum")
MAX_GRACE_DAYS = _framework("$defs/credential/properties/grace_days/maximum")
MAX_LEAD_DAYS = _framework("$defs/credential/properties/renewal_lead_days/maximum")
MAX_LEVEL_TEXT = _framework("$defs/skill/properties/levels/additionalProperties/maxLength")

# --- how many -----------------------------------------------------------------------------
MAX_ENTRIES_PER_LOG = _export("properties/trainings/maxItems")
MAX_TAGS = _export("$defs/journal/properties/tags/maxItems")  # per journal entry
MAX_LINKS = _export("$defs/journal/properties/links/maxItems")  # per journal entry
MAX_SKILLS_PER_TRAINING = _export("$defs/training/properties/skills/maxItems")
MAX_CONTACTS_PER_EVENT = _export("$defs/event/properties/contacts/maxItems")
MAX_CLAIMS = _export("$defs/credits/maxItems")  # renewal credit claims per training or event
MAX_RENEWALS = _export("$defs/certification/properties/renewals/maxItems")
# The framework: items of each kind, and moves between stages.
MAX_FRAMEWORK_ITEMS = {
    kind: _framework(f"properties/{kind}s/maxItems") for kind in ("stage", "skill", "credential")
}
MAX_MOVES = _framework("properties/moves/maxItems")

# --- files --------------------------------------------------------------------------------
# An attached file (a certificate, slides, a screenshot). Not in the schemas: the JSON
# interchange carries an attachment's name only. Large enough for a scanned document or a
# deck of slides, small enough that the daily backup's copy stays quick.
MAX_ATTACHMENT_BYTES = 50_000_000


# --- the words ----------------------------------------------------------------------------
# Import (the schema check) and entry (the services' checks) both say it this way, so a
# value is refused in the same words wherever it comes from.


def plain_number(value) -> str:
    """10000 and 10000.0 both as ``10000``, 0.5 as ``0.5``: never ``1e+06``."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(value)


def too_long(length: int, limit: int) -> str:
    return f"is too long ({length} characters; at most {limit})"


def too_many(count: int, limit: int) -> str:
    return f"has too many items ({count}; at most {limit})"


def above(limit, value) -> str:
    return f"must be at most {plain_number(limit)} (got {plain_number(value)})"


def below(limit, value) -> str:
    if limit == 0:
        return f"must not be negative (got {plain_number(value)})"
    return f"must be at least {plain_number(limit)} (got {plain_number(value)})"
