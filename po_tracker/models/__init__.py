"""SQLAlchemy ORM classes. No Qt and no services here."""

from .base import Base, new_uuid, utc_now
from .calendar import CalendarEvent
from .evidence_tables import Feedback, FeedbackSkill, Win, WinRequirement, win_contacts, win_skills
from .framework import (
    Credential,
    RenewalGroup,
    Skill,
    Stage,
    StageCredentialGroup,
    StageCredentialGroupMember,
    StageMove,
    StageSkillTarget,
)
from .growth import ExperienceEntry, Goal, Profile, SkillRating
from .journal import JournalEntry, JournalLink, Tag, journal_entry_tags
from .journal_templates import JournalPrompt, JournalTemplate
from .learning_tables import (
    Certification,
    CertificationRenewal,
    TrainingCredit,
    TrainingSession,
    training_skills,
)
from .networking_tables import Contact, EventCredit, NetworkingEvent, event_contacts
from .settings import Setting

__all__ = [
    "Base",
    "CalendarEvent",
    "Certification",
    "CertificationRenewal",
    "Contact",
    "Credential",
    "EventCredit",
    "ExperienceEntry",
    "Feedback",
    "FeedbackSkill",
    "Goal",
    "JournalEntry",
    "JournalLink",
    "JournalPrompt",
    "JournalTemplate",
    "NetworkingEvent",
    "Profile",
    "RenewalGroup",
    "Setting",
    "Skill",
    "SkillRating",
    "Stage",
    "StageCredentialGroup",
    "StageCredentialGroupMember",
    "StageMove",
    "StageSkillTarget",
    "Tag",
    "TrainingCredit",
    "TrainingSession",
    "Win",
    "WinRequirement",
    "event_contacts",
    "journal_entry_tags",
    "new_uuid",
    "training_skills",
    "utc_now",
    "win_contacts",
    "win_skills",
]
