"""How the calendar export reminds: the days before a renewal or a goal date its
reminders (VALARM) go off, and how many days before the expiry a renewal's event is
placed, so that the day to act comes before the last valid day. Set in Preferences and
kept in the logbook's ``settings`` table, with the data the dates come from.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ...models import Setting
from ..errors import ValidationError

REMINDERS_KEY = "calendar_reminder_days"
LEAD_KEY = "calendar_renewal_lead_days"
MAX_DAYS = 365
MAX_REMINDERS = 4  # calendar programs show a handful at most


@dataclass(frozen=True)
class CalendarPreferences:
    reminder_days: tuple[int, ...] = (30, 7)  # days before the event, largest first
    # The renewal event this many days before the last valid day, for credentials whose
    # catalog entry sets no lead time of its own: a month to earn the last credits and pay.
    renewal_lead_days: int = 30


def parse_days(text: str, field: str = "reminder_days") -> tuple[int, ...]:
    """ "30, 7" as (30, 7): whole numbers of days from 0 to 365, at most four, largest
    first; an empty text is no reminder."""
    words = text.replace(";", ",").replace(" ", ",").split(",")
    words = [word for word in words if word]
    if not all(word.isdigit() and int(word) <= MAX_DAYS for word in words):
        raise ValidationError.single(
            field, f"must be whole numbers of days from 0 to {MAX_DAYS}, such as 30, 7"
        )
    days = tuple(sorted({int(word) for word in words}, reverse=True))
    if len(days) > MAX_REMINDERS:
        raise ValidationError.single(field, f"takes at most {MAX_REMINDERS} reminders")
    return days


def _stored(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return None if row is None else row.value


def get(session: Session) -> CalendarPreferences:
    """The preferences; a stored value that no longer reads falls back to the default
    rather than blocking an export."""
    defaults = CalendarPreferences()
    reminders, lead = _stored(session, REMINDERS_KEY), _stored(session, LEAD_KEY)
    try:
        days = defaults.reminder_days if reminders is None else parse_days(reminders)
    except ValidationError:
        days = defaults.reminder_days
    valid_lead = lead is not None and lead.isdigit() and int(lead) <= MAX_DAYS
    return CalendarPreferences(days, int(lead) if valid_lead else defaults.renewal_lead_days)


def set_preferences(session: Session, preferences: CalendarPreferences) -> CalendarPreferences:
    days = parse_days(",".join(str(day) for day in preferences.reminder_days))
    lead = preferences.renewal_lead_days
    if isinstance(lead, bool) or not isinstance(lead, int) or not 0 <= lead <= MAX_DAYS:
        raise ValidationError.single(
            "renewal_lead_days", f"must be a whole number of days from 0 to {MAX_DAYS}"
        )
    session.merge(Setting(key=REMINDERS_KEY, value=", ".join(str(day) for day in days)))
    session.merge(Setting(key=LEAD_KEY, value=str(lead)))
    session.flush()
    return CalendarPreferences(days, lead)
