"""The options of each kind of entry, defined once for ``add`` (and ``rate``, ``journal``)
and ``edit``, so the two commands cannot drift apart: each option names the field of the
service's input it fills.

``add`` takes the entry's main text as a positional argument and applies its defaults;
``edit`` takes every option as optional (the main text too, as ``--name``, ``--title``
...), and changes only the fields given. In ``edit``, a repeatable option (``--skill``,
``--met``, ``--tag``, ``--link``) replaces the whole list, and an empty value clears it;
a switch has its ``--no-`` form (``--online`` / ``--no-online``).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field

from ..vocabulary import (
    CERTIFICATION_STATUSES,
    EVENT_TYPES,
    FEEDBACK_ROLES,
    GOAL_STATUSES,
    MENTORING_DIRECTIONS,
    RATING_SOURCES,
    TRAINING_FORMATS,
    TRAINING_STATUSES,
)
from .values import iso_date, number, whole_number


@dataclass(frozen=True)
class Option:
    field: str  # the field of the service's input it fills
    flag: str  # "--hours"; for a positional argument, its name in ``edit``
    settings: dict = field(default_factory=dict)  # argparse keywords, as ``add`` uses them
    positional: bool = False  # ``add`` takes it as a positional argument

    @property
    def dest(self) -> str:
        return self.settings.get("dest") or self.flag.lstrip("-").replace("-", "_")


def _note(name: str = "notes") -> Option:
    return Option(name, "--note", {"default": ""})


def _text(name: str, flag: str | None = None, **settings) -> Option:
    return Option(name, flag or f"--{name}", {"default": "", **settings})


DATE = {"type": iso_date, "metavar": "DATE"}
COST = (Option("cost_amount", "--cost", {"type": number}), Option("cost_currency", "--currency"))

OPTIONS: dict[str, tuple[Option, ...]] = {
    "certification": (
        Option(
            "name",
            "--name",
            {"metavar": "NAME", "help": "a catalog credential such as CSPO or pspo-i"},
            True,
        ),
        Option("status", "--status", {"default": "earned", "choices": CERTIFICATION_STATUSES}),
        Option("earned_on", "--earned", {**DATE, "help": "default: today, if earned"}),
        Option(
            "expires_on", "--expires", {**DATE, "help": "default: from the catalog's renewal cycle"}
        ),
        Option("credential_number", "--credential-id", {"default": "", "metavar": "ID"}),
        Option(
            "custom", "--custom", {"action": "store_true", "help": "NAME is not in the catalog"}
        ),
        _text("issuer"),
        _text("verification_url", "--url", help="verification URL"),
        *COST,
        Option(
            "renewal_fee",  # "USD 100": split into amount and currency by ``_fee_fields``
            "--renewal-fee",
            {
                "metavar": "FEE",
                "help": 'what you pay to renew, e.g. "USD 100" (default: the catalog\'s)',
            },
        ),
        _note(),
    ),
    "training": (
        Option("title", "--title", {"metavar": "TITLE"}, True),
        Option("hours", "--hours", {"type": number, "required": True}),
        Option("start_date", "--date", {**DATE, "help": "start date; default: today"}),
        Option("end_date", "--end", DATE),
        _text("provider"),
        Option("format", "--format", {"default": "course", "choices": TRAINING_FORMATS}),
        Option("status", "--status", {"default": "completed", "choices": TRAINING_STATUSES}),
        Option("skills", "--skill", {"action": "append", "default": [], "metavar": "SKILL"}),
        Option(
            "credentials",
            "--credential",
            {
                "action": "append",
                "default": [],
                "metavar": "NAME",
                "help": "a credential it earns renewal credits for (repeat for several; "
                "default: all)",
            },
        ),
        *COST,
        _note(),
    ),
    "event": (
        Option("title", "--title", {"metavar": "TITLE"}, True),
        Option(
            "event_type", "--type", {"required": True, "choices": EVENT_TYPES, "dest": "event_type"}
        ),
        Option("event_date", "--date", {**DATE, "help": "default: today"}),
        Option("hours", "--hours", {"type": number, "default": 0.0}),
        Option(
            "contacts",
            "--met",
            {
                "action": "append",
                "default": [],
                "metavar": "NAME",
                "help": "a person met there (repeat for several)",
            },
        ),
        _text("location"),
        Option("online", "--online", {"action": "store_true"}),
        _text("takeaways"),
        Option("follow_up_on", "--follow-up", DATE),
        Option(
            "follow_up_done",
            "--follow-up-done",
            {"action": "store_true", "help": "the follow-up is done"},
        ),
        Option(
            "mentoring",
            "--mentoring",
            {
                "choices": MENTORING_DIRECTIONS,
                "default": None,
                "help": "for a mentoring event: gave (you mentored the people met)"
                " or received (they mentored you)",
            },
        ),
        _note(),
    ),
    "experience": (
        Option("role", "--role", {"metavar": "ROLE"}, True),
        Option("start_date", "--start", {**DATE, "help": "default: today"}),
        Option("end_date", "--end", {**DATE, "help": "empty while ongoing"}),
        _text("organization"),
        Option("sprints", "--sprints", {"type": whole_number, "default": 0}),
        Option("products_owned", "--products", {"type": whole_number, "default": 0}),
        Option("team_size", "--team-size", {"type": whole_number, "default": 0}),
        Option(
            "ceremonies_facilitated",
            "--facilitated",
            {"type": whole_number, "default": 0, "help": "stand-ups and refinements facilitated"},
        ),
        Option(
            "people_mentored",
            "--mentored",
            {"type": whole_number, "default": 0, "help": "people mentored"},
        ),
        _note(),
    ),
    "goal": (
        Option("text", "--text", {"metavar": "TEXT"}, True),
        Option("target_date", "--due", DATE),
        Option("status", "--status", {"default": "open", "choices": GOAL_STATUSES}),
        Option("skill", "--skill"),
        Option("credential", "--credential"),
        Option(
            "requirement",
            "--requirement",
            {
                "help": "years-experience, sprints-as-po, "
                "people-mentored, training-hours-12m or events-12m"
            },
        ),
        _note(),
    ),
    "contact": (
        Option("name", "--name", {"metavar": "NAME"}, True),
        _text("organization"),
        _text("role"),
        _note(),
    ),
    "rating": (
        Option("skill", "--skill", {"metavar": "SKILL"}, True),
        Option("level", "--level", {"type": whole_number, "metavar": "LEVEL"}, True),
        Option("rated_on", "--date", {**DATE, "help": "default: today"}),
        Option("source", "--source", {"default": "self", "choices": RATING_SOURCES}),
        _note("note"),
    ),
    "journal": (
        Option(
            "text", "--text", {"metavar": "TEXT", "help": "Markdown; - reads standard input"}, True
        ),
        Option("entry_date", "--date", {**DATE, "help": "the day it is about"}),
        _text("title"),
        Option("tags", "--tag", {"action": "append", "default": [], "metavar": "TAG"}),
        Option(
            "links",
            "--link",
            {
                "action": "append",
                "default": [],
                "metavar": "KIND:ID",
                "help": "link to another entry, e.g. training:3",
            },
        ),
    ),
    "win": (
        Option("title", "--title", {"metavar": "TITLE"}, True),
        Option("win_date", "--date", {**DATE, "help": "default: today"}),
        _text("description", "--did", metavar="TEXT", help="what you did"),
        _text("impact", metavar="TEXT", help="the outcome and its impact"),
        Option(
            "metric",
            "--metric",
            {"metavar": '"NAME: BEFORE -> AFTER UNIT"', "help": 'e.g. "Lead time: 12 -> 5 days"'},
        ),
        Option("skills", "--skill", {"action": "append", "default": [], "metavar": "SKILL"}),
        Option(
            "requirements",
            "--requirement",
            {
                "action": "append",
                "default": [],
                "metavar": "REQ",
                "help": "a stage requirement it shows, e.g. team-size or people-mentored (repeat)",
            },
        ),
        Option(
            "contacts",
            "--with",
            {
                "action": "append",
                "default": [],
                "metavar": "NAME",
                "dest": "people",
                "help": "a person involved (repeat for several)",
            },
        ),
        _note(),
    ),
    "feedback": (
        Option("quote", "--quote", {"metavar": "QUOTE"}, True),
        Option(
            "giver",
            "--from",
            {"required": True, "metavar": "NAME", "dest": "giver", "help": "who said it"},
        ),
        Option(
            "giver_role",
            "--role",
            {"required": True, "choices": FEEDBACK_ROLES, "help": "their role to you"},
        ),
        Option("given_on", "--date", {**DATE, "help": "default: today"}),
        Option(
            "skills",
            "--skill",
            {
                "action": "append",
                "default": [],
                "metavar": "SKILL",
                "help": 'a skill it speaks to; "SKILL=N" gives the level they saw (repeat)',
            },
        ),
        Option(
            "level",
            "--level",
            {
                "type": whole_number,
                "metavar": "N",
                "help": "the level (1-5) they saw in every --skill that names none",
            },
        ),
        _note(),
    ),
}
# Options only ``edit`` offers: ``add`` creates the follow-up as not done yet.
EDIT_ONLY = {("event", "follow_up_done")}


def add_options(parser: argparse.ArgumentParser, kind: str) -> None:
    """The options of ``add KIND`` (and of ``rate`` and ``journal``)."""
    for option in OPTIONS[kind]:
        if (kind, option.field) in EDIT_ONLY:
            continue
        settings = dict(option.settings)
        if option.positional:
            settings.pop("dest", None)
            parser.add_argument(option.dest, **settings)
        else:
            parser.add_argument(option.flag, **settings)


def edit_options(parser: argparse.ArgumentParser, kind: str) -> None:
    """The same options for ``edit KIND ID``: every one optional, absent ones unchanged."""
    for option in OPTIONS[kind]:
        settings = {k: v for k, v in option.settings.items() if k not in ("default", "required")}
        if settings.get("action") == "store_true":
            settings["action"] = argparse.BooleanOptionalAction
        settings["default"] = argparse.SUPPRESS
        settings["dest"] = option.dest
        parser.add_argument(option.flag, **settings)


def given(kind: str, args) -> dict:
    """Input field -> value for each option given on an ``edit`` command line. A list is
    replaced whole; empty values are dropped, so ``--tag ""`` clears the tags."""
    values = {}
    for option in OPTIONS[kind]:
        if hasattr(args, option.dest):
            value = getattr(args, option.dest)
            if isinstance(value, list):
                value = tuple(item for item in value if item.strip())
            values[option.field] = value
    return combined_fields(kind, values)


def collected(kind: str, args) -> dict:
    """Input field -> value for every option of ``add`` (lists as tuples)."""
    values = {}
    for option in OPTIONS[kind]:
        if hasattr(args, option.dest):
            value = getattr(args, option.dest)
            values[option.field] = tuple(value) if isinstance(value, list) else value
    return combined_fields(kind, values)


def combined_fields(kind: str, values: dict) -> dict:
    """The options that fill more than one field, or a field read from text: the renewal
    fee, a win's metric, feedback's skills with their levels."""
    values = _fee_fields(values)
    if kind == "win":
        values = _metric_fields(values)
    if kind == "feedback":
        values = _feedback_levels(values)
    return values


def _metric_fields(values: dict) -> dict:
    """``--metric "Lead time: 12 -> 5 days"`` as a win's four metric fields; an empty value
    (``edit ... --metric ""``) clears the metric, none given leaves it as it is."""
    if "metric" in values:
        text = values.pop("metric")
        if text is None:
            return values
        from ..services.logbook.wins import parse_metric  # see _fee_fields

        parts = parse_metric(text, "--metric") if text.strip() else ("", None, None, "")
        keys = ("metric_name", "metric_before", "metric_after", "metric_unit")
        values.update(zip(keys, parts, strict=True))
    return values


def _feedback_levels(values: dict) -> dict:
    """``--skill Leadership=3`` (or ``--skill Leadership --level 3``) as a skill and the
    level the giver saw."""
    level = values.pop("level", None)
    if level is not None and not values.get("skills"):
        from ..services.errors import ValidationError

        raise ValidationError.single("--level", "goes with --skill: name the skill it is for")
    if "skills" in values:
        from ..services.logbook.feedback_entries import SkillLevel, parse_skill_level

        parsed = (parse_skill_level(text) for text in values["skills"])
        values["skills"] = tuple(
            item if item.level is not None else SkillLevel(item.skill, level) for item in parsed
        )
    return values


def _fee_fields(values: dict) -> dict:
    """``--renewal-fee "USD 100"`` as the input's amount and currency; an empty value
    (``edit ... --renewal-fee ""``) clears the user's fee."""
    if "renewal_fee" in values:
        # Imported here: building the parser must not load SQLAlchemy (see the radar chart).
        from ..services.logbook.certifications import parse_fee

        text = values.pop("renewal_fee")
        amount, currency = parse_fee(text, "--renewal-fee")
        values["renewal_fee_amount"], values["renewal_fee_currency"] = amount, currency
    return values
