"""Properties a user relies on, over many generated logs. Each example runs inside a
savepoint that is rolled back, so one logbook serves them all."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from po_tracker.services.career import readiness, renewal
from po_tracker.services.career.readiness_facts import experience_days, gather_facts
from po_tracker.services.framework import lookup
from po_tracker.services.logbook import profile

AS_OF = date(2025, 6, 30)
SKILLS = ("Communication", "Stakeholder management", "Leadership", "Customer focus")
STAGES = ("Product Owner", "Senior Product Owner", "Head of Product", "Agile Coach")
PROPERTY_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

days = st.dates(min_value=date(2022, 1, 1), max_value=AS_OF)
ratings = st.lists(st.tuples(st.sampled_from(SKILLS), st.integers(1, 5), days), max_size=8)


@PROPERTY_SETTINGS
@given(
    stage=st.sampled_from(STAGES),
    history=ratings,
    skill=st.sampled_from(SKILLS),
    raise_by=st.integers(0, 4),
)
def test_raising_a_rating_never_lowers_readiness(session, log, stage, history, skill, raise_by):
    savepoint = session.begin_nested()
    try:
        profile.set_stages(session, target=stage)
        for name, level, on in history:
            log.rate(name, level, on)
        before = readiness.readiness(session, AS_OF)
        skill_id = lookup.skill_id(session, skill)
        current = gather_facts(session, AS_OF).skill_levels.get(skill_id, 1)
        log.rate(skill, min(current + raise_by, 5), AS_OF)  # the newest rating
        after = readiness.readiness(session, AS_OF)
        assert after.overall >= before.overall - 1e-9
        assert after.component("skills").percent >= before.component("skills").percent - 1e-9
    finally:
        savepoint.rollback()


claims = st.one_of(
    st.just(()),
    st.tuples(st.just("CSPO"), st.floats(0, 40), st.just(False)).map(lambda c: (c,)),
    st.just((("CSPO", None, True),)),
)
activities = st.lists(
    st.tuples(st.booleans(), st.floats(0, 40), days, claims), max_size=6
)  # (is training, hours, date, credit claims)


def _log_activity(log, activity):
    is_training, hours, on, credit_claims = activity
    if is_training:
        log.train(hours, on, credits=credit_claims)
    else:
        log.event(on, hours=hours, credits=credit_claims)


@PROPERTY_SETTINGS
@given(
    earned=st.dates(min_value=date(2023, 7, 1), max_value=date(2025, 1, 1)),
    existing=activities,
    extra=st.tuples(st.booleans(), st.floats(0, 40), days, claims),
    as_of_shift=st.integers(0, 120),
)
def test_an_activity_never_lowers_credits(session, log, earned, existing, extra, as_of_shift):
    savepoint = session.begin_nested()
    as_of = AS_OF + timedelta(days=as_of_shift)
    try:
        log.cert("CSPO", earned)
        for activity in existing:
            _log_activity(log, activity)
        (before,) = renewal.statuses(session, as_of)
        _log_activity(log, extra)
        (after,) = renewal.statuses(session, as_of)
        assert after.credits_earned >= before.credits_earned - 1e-9
        inside = before.cycle_start <= extra[2] <= min(before.expires, as_of)
        if inside and not extra[3]:  # a plain activity in the cycle adds all its hours
            assert after.credits_earned - before.credits_earned == pytest.approx(extra[1])
    finally:
        savepoint.rollback()


# (start, days, still going on): some overlap, some sit inside others, some touch.
stretches = st.lists(
    st.tuples(st.dates(date(2020, 1, 1), date(2025, 12, 31)), st.integers(0, 400), st.booleans()),
    max_size=8,
)


@PROPERTY_SETTINGS
@given(entries=stretches, as_of=st.dates(date(2020, 1, 1), date(2026, 6, 30)))
def test_experience_days_count_every_covered_day_once(session, log, entries, as_of):
    savepoint = session.begin_nested()
    try:
        covered = set()
        for start, length, ongoing in entries:
            end = None if ongoing else start + timedelta(days=length)
            log.work(start, end)
            last = min(end or as_of, as_of)
            covered |= {start + timedelta(days=n) for n in range((last - start).days + 1)}
        assert experience_days(session, as_of) == len(covered)
    finally:
        savepoint.rollback()
