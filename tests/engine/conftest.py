"""Helpers for the engine tests: log entries through the real services, so every test
goes through the same validation a user's input does."""

from __future__ import annotations

from datetime import date

import pytest

from po_tracker.services.career.credit_claims import CreditClaim
from po_tracker.services.logbook import certifications, events, experience, ratings, training


class Log:
    def __init__(self, session):
        self.session = session

    def rate(self, skill: str, level: int, on: date):
        return ratings.create(self.session, ratings.RatingInput(skill, level, on))

    def train(self, hours: float, on: date, status: str = "completed", credits=()):
        claims = tuple(CreditClaim(*claim) for claim in credits)
        data = training.TrainingInput("Course", hours, on, status=status, credits=claims)
        return training.create(self.session, data)

    def event(self, on: date, hours: float = 0.0, credits=()):
        claims = tuple(CreditClaim(*claim) for claim in credits)
        data = events.EventInput("Meetup", "meetup", on, hours=hours, credits=claims)
        return events.create(self.session, data)

    def cert(self, name: str, earned: date, expires: date | None = None, status="earned"):
        data = certifications.CertificationInput(
            name, status=status, earned_on=earned, expires_on=expires
        )
        return certifications.create(self.session, data)

    def work(self, start: date, end: date | None = None, sprints: int = 0, mentored: int = 0):
        data = experience.ExperienceInput(
            "Product Owner", start, end, sprints=sprints, people_mentored=mentored
        )
        return experience.create(self.session, data)


@pytest.fixture
def log(session):
    return Log(session)
