"""The readiness history's facts from grouped queries are, date by date, the facts
``gather_facts`` reads for that one date: on a generated ten-year log, up to a mid-month
day, and over the leap day whose twelve-month window does not start on a month's first."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

import pytest

from bench.generate import generate
from po_tracker.services.career.readiness_facts import experience_islands, gather_facts
from po_tracker.services.career.readiness_series import facts_at
from po_tracker.services.career.readiness_timeline import first_entry_date, month_ends
from po_tracker.services.career.renewal import held_candidates
from po_tracker.services.storage.opening import open_logbook


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("series-log")
    generate(data_dir, 1500, seed=3)
    database = open_logbook(data_dir)
    try:
        with database.read() as s:
            yield s
    finally:
        database.close()


@pytest.mark.parametrize("last", [date(2026, 11, 17), date(2025, 2, 28), date(2024, 2, 29)])
def test_each_month_end_has_the_facts_of_that_day(session, last):
    days = month_ends(first_entry_date(session), last)
    islands = experience_islands(session, last)
    candidates = held_candidates(session, last)
    series = facts_at(session, days, islands, candidates)
    assert [facts.as_of for facts in series] == days and len(days) > 80
    for facts in series:
        alone = asdict(gather_facts(session, facts.as_of, islands, candidates))
        together = asdict(facts)
        assert together.pop("training_hours") == pytest.approx(alone.pop("training_hours"))
        assert together == alone, facts.as_of
    # The log changes over the years: the comparison is not between empty facts.
    assert series[0].skill_levels != series[-1].skill_levels
    assert series[-1].training_hours > 0 and series[-1].events > 0 and series[-1].sprints > 0
    # People mentored come from the experience log or from mentoring given, whichever is
    # more; the generated log has both, so the two must agree through both paths.
    assert series[-1].mentored > 0


def test_no_dates_no_facts(session):
    assert facts_at(session, [], [], []) == []
