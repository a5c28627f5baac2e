"""Hypothesis strategies for valid interchange documents, in canonical form: lists in
export order (by date, ties in generated order), refs numbered 1..n, whole numbers as
integers, text already trimmed. Importing one into an empty logbook and exporting must
give it back unchanged."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import strategies as st

from po_tracker.services.exchange.interchange_export import plain
from tests.interchange.helpers import base_document

TEXT = st.text(
    # No surrogates and no control characters: the app refuses both (tested elsewhere).
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")),
    max_size=30,
).map(str.strip)
TITLE = TEXT.map(lambda text: text or "Untitled")
DAY = st.dates(date(1950, 1, 1), date(2100, 12, 31))
# Ratings and completions record what has happened: never after today.
PAST = st.dates(date(1950, 1, 1), date.today())
STAMP = st.datetimes(datetime(2000, 1, 1), datetime(2099, 12, 31)).map(
    lambda moment: moment.replace(microsecond=0).isoformat() + "Z"
)
HOURS = st.floats(0, 10_000, allow_nan=False).map(plain)
MONEY = st.none() | st.floats(0, 1_000_000).map(plain)
CURRENCY = st.none() | st.sampled_from(["USD", "EUR", "JPY"])
COUNT = st.integers(0, 1_000_000)


def _iso(day):
    return day.isoformat() if day is not None else None


@st.composite
def _span(draw, required=True, start_from=DAY, last=date(2100, 12, 31)):
    start = draw(start_from)
    end = draw(st.none() | st.integers(0, 400))
    end_day = None
    if end is not None and start.toordinal() + end <= last.toordinal():
        end_day = date.fromordinal(start.toordinal() + end)
    return start.isoformat(), _iso(end_day)


@st.composite
def frameworks(draw):
    framework = base_document()["framework"]
    for i in range(draw(st.integers(0, 2))):
        framework["skills"].append(
            {
                "slug": f"custom-skill-{i}",
                "name": f"{draw(TITLE)} #{i}",
                "description": draw(TEXT),
                "prompt": draw(TEXT),
            }
        )
    if draw(st.booleans()):
        framework["skills"][0]["retired"] = True
    if draw(st.booleans()):
        framework["skills"][1]["name"] = f"{draw(TITLE)} (renamed)"
    if draw(st.booleans()):
        stage = draw(st.sampled_from(framework["stages"]))
        stage["requirements"]["years_experience"] = plain(draw(st.floats(0, 50)))
        stage["requirements"]["skills"]["custom-skill-0"] = 4
        if "custom-skill-0" not in {s["slug"] for s in framework["skills"]}:
            del stage["requirements"]["skills"]["custom-skill-0"]
    if draw(st.booleans()):
        framework["credentials"].append(_credential(draw))
    return framework


def _credential(draw) -> dict:
    return {
        "slug": "custom-credential",
        "name": f"{draw(TITLE)} (custom)",
        "full_name": draw(TEXT),
        "body": draw(TEXT),
        "validity_months": draw(st.none() | st.integers(1, 1200)),
        "credits_needed": draw(st.none() | st.floats(0, 100_000).map(plain)),
        "credit_unit": draw(st.none() | st.just("PDU")),
        "grace_days": draw(st.integers(0, 3650)),
        "fee_amount": draw(MONEY),
        "fee_currency": draw(CURRENCY),
        "track": None,
        "track_rank": None,
        "renewal_group": draw(st.none() | st.just("scrum-alliance")),
        "addon_credits": draw(st.none() | st.floats(0, 100_000).map(plain)),
        "renewable_days": draw(st.integers(0, 3650)),
        "ends_day_before": draw(st.booleans()),
        "renewal_lead_days": draw(st.none() | st.integers(0, 365)),
        "notes": draw(TEXT),
    }


def _stamps(draw) -> dict:
    return {"created_at": draw(STAMP), "updated_at": draw(STAMP)}


def _claims(draw, credentials) -> list[dict]:
    chosen = draw(st.lists(st.sampled_from(credentials), unique=True, max_size=3))
    claims = [
        {
            "credential": slug,
            "credits": draw(st.none() | HOURS),
            "excluded": draw(st.booleans()),
        }
        for slug in chosen
    ]
    return sorted(claims, key=lambda claim: claim["credential"])


def _certification(draw, slugs) -> dict:
    status = draw(st.sampled_from(["planned", "in-progress", "earned", "expired"]))
    earned, expires = draw(_span(start_from=PAST if status in ("earned", "expired") else DAY))
    if status != "earned" and draw(st.booleans()):
        earned = expires = None
    credential = draw(st.none() | st.sampled_from(slugs["credential"]))
    custom = draw(TITLE) if credential is None or draw(st.booleans()) else None
    return {
        "credential": credential,
        "custom_name": custom,
        "issuer": draw(TEXT),
        "status": status,
        "earned_on": earned,
        "expires_on": expires,
        "credential_number": draw(TEXT),
        "verification_url": draw(st.sampled_from(["", "https://example.org/v/1", "http://x.y"])),
        "cost_amount": draw(MONEY),
        "cost_currency": draw(CURRENCY),
        "attachment": draw(st.none() | st.just("certificate-1.pdf")),
        "notes": draw(TEXT),
        "renewal_fee_amount": draw(MONEY),
        "renewal_fee_currency": draw(CURRENCY),
        "renewals": _renewals(draw),
        **_stamps(draw),
    }


def _renewals(draw) -> list[dict]:
    """A renewal history, oldest first (ties in generated order), as exported."""
    renewals = [
        {
            "renewed_on": draw(DAY).isoformat(),
            "previous_expires_on": _iso(draw(st.none() | DAY)),
            "expires_on": draw(DAY).isoformat(),
            "credits_used": draw(st.none() | HOURS),
            "fee_amount": draw(MONEY),
            "fee_currency": draw(CURRENCY),
            "notes": draw(TEXT),
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    return sorted(renewals, key=lambda renewal: renewal["renewed_on"])


def _training(draw, slugs) -> dict:
    status = draw(st.sampled_from(["planned", "in-progress", "completed"]))
    done = status == "completed"
    last = date.today() if done else date(2100, 12, 31)
    start, end = draw(_span(start_from=PAST if done else DAY, last=last))
    return {
        "title": draw(TITLE),
        "provider": draw(TEXT),
        "format": draw(st.sampled_from(["course", "workshop", "book", "webinar", "self-study"])),
        "start_date": start,
        "end_date": end,
        "hours": draw(HOURS),
        "cost_amount": draw(MONEY),
        "cost_currency": draw(CURRENCY),
        "status": status,
        "attachment": draw(st.none() | st.just("0123456789abcdef0123456789abcdef-slides.pdf")),
        "notes": draw(TEXT),
        "credits": _claims(draw, slugs["credential"]),
        "skills": sorted(draw(st.lists(st.sampled_from(slugs["skill"]), unique=True, max_size=3))),
        **_stamps(draw),
    }


def _contact(draw, _slugs) -> dict:
    return {
        "name": draw(TITLE),
        "organization": draw(TEXT),
        "role": draw(TEXT),
        "notes": draw(TEXT),
        **_stamps(draw),
    }


def _event(draw, slugs) -> dict:
    day, follow_up = draw(_span())
    contacts = draw(st.lists(st.integers(1, max(slugs["contacts"], 1)), unique=True, max_size=3))
    kind = draw(st.sampled_from(["meetup", "conference", "mentoring"]))
    directions = [None, "gave", "received"] if kind == "mentoring" else [None]
    return {
        "title": draw(TITLE),
        "event_type": kind,
        "event_date": day,
        "location": draw(TEXT),
        "online": draw(st.booleans()),
        "hours": draw(HOURS),
        "takeaways": draw(TEXT),
        "follow_up_on": follow_up,
        "follow_up_done": draw(st.booleans()),
        "notes": draw(TEXT),
        "mentoring": draw(st.sampled_from(directions)),
        "credits": _claims(draw, slugs["credential"]),
        "contacts": sorted(contacts) if slugs["contacts"] else [],
        **_stamps(draw),
    }


def _rating(draw, slugs) -> dict:
    return {
        "skill": draw(st.sampled_from(slugs["skill"])),
        "level": draw(st.integers(1, 5)),
        "rated_on": draw(PAST).isoformat(),
        "source": draw(st.sampled_from(["self", "peer", "manager"])),
        "note": draw(TEXT),
        **_stamps(draw),
    }


def _experience(draw, _slugs) -> dict:
    start, end = draw(_span())
    entry = {"role": draw(TITLE), "organization": draw(TEXT), "start_date": start}
    entry["end_date"] = end
    for name in ("sprints", "products_owned", "team_size", "ceremonies_facilitated"):
        entry[name] = draw(COUNT)
    entry["people_mentored"] = draw(COUNT)
    return {**entry, "notes": draw(TEXT), **_stamps(draw)}


def _goal(draw, slugs) -> dict:
    return {
        "text": draw(TITLE),
        "target_date": _iso(draw(st.none() | DAY)),
        "status": draw(st.sampled_from(["open", "in-progress", "done", "dropped"])),
        "skill": draw(st.none() | st.sampled_from(slugs["skill"])),
        "credential": draw(st.none() | st.sampled_from(slugs["credential"])),
        "requirement": draw(st.sampled_from([None, "years_experience", "events_12m"])),
        "notes": draw(TEXT),
        **_stamps(draw),
    }


def _journal(draw, _slugs) -> dict:
    tags = draw(st.lists(st.from_regex(r"[a-zé0-9][a-zé0-9-]{0,10}", fullmatch=True), max_size=3))
    return {
        "entry_date": draw(DAY).isoformat(),
        "title": draw(TEXT),
        "body": draw(TITLE),
        "prompt": draw(TEXT),
        "tags": sorted(set(tags)),
        "links": [],
        **_stamps(draw),
    }


REQUIREMENTS = ["team_size", "people_mentored", "products_owned", "events_12m"]
METRIC = st.floats(-1e12, 1e12, allow_nan=False).map(plain)


def _win(draw, slugs) -> dict:
    contacts = draw(st.lists(st.integers(1, max(slugs["contacts"], 1)), unique=True, max_size=3))
    metric = draw(st.booleans())
    return {
        "title": draw(TITLE),
        "win_date": draw(PAST).isoformat(),
        "description": draw(TEXT),
        "impact": draw(TEXT),
        "metric_name": draw(TITLE) if metric else "",
        "metric_before": draw(METRIC) if metric else None,
        "metric_after": draw(METRIC) if metric else None,
        "metric_unit": draw(TEXT.map(lambda t: t[:40].strip())) if metric else "",
        "attachment": None,
        "notes": draw(TEXT),
        "skills": sorted(draw(st.lists(st.sampled_from(slugs["skill"]), unique=True, max_size=3))),
        "requirements": sorted(draw(st.lists(st.sampled_from(REQUIREMENTS), unique=True))),
        "contacts": sorted(contacts) if slugs["contacts"] else [],
        **_stamps(draw),
    }


def _feedback(draw, slugs) -> dict:
    skills = draw(st.lists(st.sampled_from(slugs["skill"]), unique=True, max_size=3))
    contact = draw(st.none() | st.integers(1, max(slugs["contacts"], 1)))
    return {
        "quote": draw(TITLE),
        "contact": contact if slugs["contacts"] else None,
        "giver_role": draw(st.sampled_from(["manager", "peer", "customer"])),
        "given_on": draw(PAST).isoformat(),
        "notes": draw(TEXT),
        "skills": [
            {"skill": slug, "level": draw(st.none() | st.integers(1, 5))} for slug in sorted(skills)
        ],
        **_stamps(draw),
    }


ORDER = {
    "certifications": ("earned_on", _certification),
    "trainings": ("start_date", _training),
    "contacts": ("created_at", _contact),
    "events": ("event_date", _event),
    "ratings": ("rated_on", _rating),
    "experience": ("start_date", _experience),
    "goals": ("target_date", _goal),
    "journal": ("entry_date", _journal),
    "wins": ("win_date", _win),
    "feedback": ("given_on", _feedback),
}


def _canonical(entries: list[dict], by: str) -> list[dict]:
    ordered = sorted(entries, key=lambda e: (e[by] is None, e[by] or ""))
    return [{"ref": i + 1, **entry} for i, entry in enumerate(ordered)]


@st.composite
def documents(draw, max_entries=4):
    document = base_document()
    framework = document["framework"] = draw(frameworks())
    slugs = {
        "skill": [s["slug"] for s in framework["skills"]],
        "credential": [c["slug"] for c in framework["credentials"]],
        "contacts": 0,
    }
    for key, (by, build) in ORDER.items():
        count = draw(st.integers(0, max_entries))
        document[key] = _canonical([build(draw, slugs) for _ in range(count)], by)
        identities = draw(
            st.lists(st.uuids(version=4), min_size=count, max_size=count, unique=True)
        )
        for entry, identity in zip(document[key], identities, strict=True):
            entry["uuid"] = str(identity)
        slugs["contacts"] = len(document["contacts"])
    _link_journal(draw, document)
    stages = [s["slug"] for s in framework["stages"]]
    weights = {
        name: draw(st.floats(0.5, 1000).map(plain)) for name in document["profile"]["weights"]
    }
    document["profile"] = {
        "current_stage": draw(st.none() | st.sampled_from(stages)),
        "target_stage": draw(st.none() | st.sampled_from(stages)),
        "weights": weights,
    }
    return document


def _link_journal(draw, document) -> None:
    kinds = {"certification": "certifications", "training": "trainings", "event": "events"}
    kinds |= {"contact": "contacts", "rating": "ratings", "experience": "experience"}
    kinds |= {"journal": "journal", "goal": "goals", "win": "wins", "feedback": "feedback"}
    targets = [
        (kind, ref) for kind, key in kinds.items() for ref in range(1, len(document[key]) + 1)
    ]
    if not targets:
        return
    for entry in document["journal"]:
        chosen = draw(st.lists(st.sampled_from(targets), unique=True, max_size=3))
        entry["links"] = [
            {"kind": kind, "ref": ref}
            for kind, ref in chosen
            if (kind, ref) != ("journal", entry["ref"])
        ]
