"""Chart data built from small hand-made logs: the numbers each chart draws equal the
engine's and hand-computed sums; an empty log gives empty, drawable data."""

from __future__ import annotations

from datetime import date

import pytest

from po_tracker.charts import registry, tables
from po_tracker.services.career import skill_standing
from po_tracker.services.charts_data.chart_data import (
    activity_data,
    chart_data,
    learning_data,
    networking_data,
    radar_data,
    readiness_data,
    report_data,
    trends_data,
)
from po_tracker.services.charts_data.chart_data_radar import read_radar
from po_tracker.services.errors import ValidationError
from po_tracker.services.framework import edit as framework_edit
from po_tracker.services.logbook import certifications, events, profile, ratings, training
from po_tracker.services.logbook import feedback_entries as feedback
from po_tracker.services.storage.integrity import connect_readonly

AS_OF = date(2025, 6, 30)


def rate(session, skill, level, day):
    ratings.create(session, ratings.RatingInput(skill, level, day))


def train(session, hours, day, fmt="course", status="completed"):
    training.create(session, training.TrainingInput("T", hours, day, format=fmt, status=status))


def meet(session, kind, day, people=(), hours=0.0):
    events.create(session, events.EventInput("E", kind, day, hours=hours, contacts=tuple(people)))


@pytest.fixture
def log(session):
    profile.set_stages(session, current="product-owner", target="senior-product-owner")
    rate(session, "communication", 2, date(2024, 10, 1))
    rate(session, "communication", 3, date(2025, 3, 1))
    rate(session, "communication", 4, date(2025, 3, 1))  # same day: the later one counts
    rate(session, "stakeholder-management", 3, date(2025, 5, 2))
    train(session, 8, date(2025, 4, 3))
    train(session, 2, date(2025, 4, 20), fmt="book")
    train(session, 5, date(2025, 5, 1), fmt="workshop")
    train(session, 40, date(2025, 5, 9), status="planned")  # not done: no hours
    meet(session, "meetup", date(2025, 4, 10), ("Ann", "Bo"), hours=2)
    meet(session, "meetup", date(2025, 4, 24), ("Ann",), hours=1.5)
    meet(session, "conference", date(2025, 6, 5), ("Cy",), hours=6)
    certifications.create(
        session, certifications.CertificationInput("cspo", earned_on=date(2025, 2, 1))
    )
    session.flush()
    return session


def test_radar_equals_the_skill_standings(log):
    data = radar_data(log, AS_OF)
    rows = skill_standing.standings(log, AS_OF)
    assert data.skills == tuple(r.skill for r in rows)
    assert data.current == tuple(r.level for r in rows)
    assert data.target == tuple(r.target for r in rows)
    assert data.stage_name == "Senior Product Owner"
    assert data.earlier_date == date(2024, 12, 30)  # six months before
    communication = data.skills.index("Communication")
    assert data.current[communication] == 4 and data.earlier[communication] == 2


def test_radars_others_view_is_the_skills_pages(log):
    feedback.create(
        log,
        feedback.FeedbackInput(
            "Clear",
            "Dana",
            "manager",
            date(2025, 2, 1),
            skills=(feedback.SkillLevel("communication", 3),),
        ),
    )
    ratings.create(log, ratings.RatingInput("communication", 4, date(2025, 4, 1), source="peer"))
    # Over a year before AS_OF: outside the others' window on both.
    ratings.create(log, ratings.RatingInput("leadership", 1, date(2024, 6, 30), source="peer"))
    data = radar_data(log, AS_OF)
    rows = skill_standing.standings(log, AS_OF)
    assert data.others == tuple(r.others for r in rows)
    assert data.others[data.skills.index("Communication")] == 3.5
    assert data.others[data.skills.index("Leadership")] is None
    assert "Others" in tables.table_rows(data)[0]


def test_radar_keeps_the_skills_page_rules(log):
    """Retired skills drop out and a skill the target stage does not ask for has no
    target, on the radar as on the Skills page."""
    rate(log, "leadership", 5, date(2025, 1, 1))
    framework_edit.remove_skill(log, "Leadership")
    framework_edit.remove_skill_target(log, "senior-product-owner", "Communication")
    data = radar_data(log, AS_OF)
    rows = skill_standing.standings(log, AS_OF)
    assert "Leadership" not in data.skills
    assert data.target[data.skills.index("Communication")] is None
    assert data.skills == tuple(r.skill for r in rows)
    assert data.current == tuple(r.level for r in rows)
    assert data.target == tuple(r.target for r in rows)


def test_radar_reads_the_same_through_a_read_only_connection(db):
    """What ``po-tracker export chart radar`` reads (no SQLAlchemy) is what the window
    reads through its session."""
    with db.write() as session:
        profile.set_stages(session, target="senior-product-owner")
        rate(session, "communication", 2, date(2024, 10, 1))
        rate(session, "communication", 3, date(2025, 3, 1))
        rate(session, "communication", 4, date(2025, 3, 1))
    with db.read() as session:
        expected = radar_data(session, AS_OF)
    connection = connect_readonly(db.path)
    try:
        assert read_radar(connection, AS_OF) == expected
    finally:
        connection.close()
    assert expected.current[expected.skills.index("Communication")] == 4


def test_radar_without_earlier_ratings_has_no_overlay(log):
    assert radar_data(log, AS_OF, earlier=date(2020, 1, 1)).earlier is None


def test_trends_take_the_last_rating_of_a_day(log):
    data = trends_data(log, skills=["Communication"], until=AS_OF)
    assert data.series["Communication"] == ((date(2024, 10, 1), 2.0), (date(2025, 3, 1), 4.0))
    assert data.selected == ("Communication",)
    assert data.targets["Communication"] >= 1
    since = trends_data(log, since=date(2025, 1, 1))
    assert since.series["Communication"][0] == (date(2025, 1, 1), 2.0)  # level carried in
    with pytest.raises(ValidationError, match="unknown skill"):
        trends_data(log, skills=["Juggling"])


def test_learning_hours_per_month_by_kind(log):
    data = learning_data(log, AS_OF)
    assert data.months == (date(2025, 4, 1), date(2025, 5, 1), date(2025, 6, 1))
    assert data.hours == {
        "Course": (8.0, 0.0, 0.0),
        "Workshop": (0.0, 5.0, 0.0),
        "Book": (2.0, 0.0, 0.0),
        "Events": (3.5, 0.0, 6.0),
    }
    (cspo,) = data.credentials
    # Every completed training and event in the cycle counts: 8 + 2 + 5 + 3.5 + 6.
    assert cspo.credits_earned == 24.5 and cspo.credits_needed == 20
    assert cspo.cumulative[-1] == (date(2025, 6, 5), 24.5)
    assert [c for _, c in cspo.cumulative] == sorted(c for _, c in cspo.cumulative)
    assert learning_data(log, AS_OF, credential="nope").credentials == ()


def test_networking_counts_events_and_distinct_people(log):
    data = networking_data(log, AS_OF)
    assert data.months == (date(2025, 4, 1), date(2025, 5, 1), date(2025, 6, 1))
    assert data.events == {"Meetup": (2, 0, 0), "Conference": (0, 0, 1)}
    assert data.people_met == (2, 0, 1)  # Ann at two meetups in April counts once
    later = networking_data(log, AS_OF, since=date(2025, 6, 1))
    assert later.events == {"Conference": (1,)}


def test_activity_counts_entries_per_day_across_logs(log):
    data = activity_data(log, AS_OF)
    assert data.counts[date(2025, 3, 1)] == 2  # two ratings
    assert data.counts[date(2025, 2, 1)] == 1  # the certification
    assert data.counts[date(2025, 4, 10)] == 1
    assert sum(data.counts.values()) == 4 + 4 + 3 + 1


def test_readiness_is_monthly_and_stacks_to_the_overall(log):
    data = readiness_data(log, AS_OF, stacked=True)
    assert data.months[0] == date(2024, 10, 1) and data.months[-1] == date(2025, 6, 1)
    assert set(data.components) == {
        "Skills", "Certifications", "Experience", "Learning", "Networking"
    }  # fmt: skip
    assert data.target_stage == "Senior Product Owner"
    for i, overall in enumerate(data.overall):
        shares = sum(data.components[n][i] * data.weights[n] / 100 for n in data.components)
        assert shares == pytest.approx(overall, abs=0.3)


def test_report_matches_the_status(log):
    data = report_data(log, AS_OF)
    assert data.target_stage == "Senior Product Owner"
    assert data.overall is not None and 0 < data.overall < 100
    # The CSPO renews with its Scrum Alliance group: said once, with the group's fee.
    assert [(c.name, c.fee) for c in data.credentials] == [("Scrum Alliance (CSPO)", "USD 100")]
    assert data.next_actions


def test_an_empty_log_gives_drawable_data(session):
    from po_tracker.services.charts_data.chart_data import BUILDERS

    assert tuple(BUILDERS) == registry.names()  # one list of charts, the registry's
    for name in registry.names():
        data = chart_data(session, name, AS_OF)
        assert type(data).__name__ == registry.get(name).data_type
    assert radar_data(session, AS_OF).is_empty
    assert learning_data(session, AS_OF).months == ()
    assert networking_data(session, AS_OF).people_met == ()
    assert report_data(session, AS_OF).overall is None


def test_dispatcher_refuses_unknown_charts_and_options(session):
    with pytest.raises(ValidationError, match="unknown chart"):
        chart_data(session, "pie", AS_OF)
    with pytest.raises(ValidationError, match="no such option"):
        chart_data(session, "radar", AS_OF, stacked=True)
    assert chart_data(session, "radar", AS_OF, since=None).skills  # None options pass
