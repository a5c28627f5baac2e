"""Readiness on cases computed by hand (the arithmetic is written next to each figure)."""

from __future__ import annotations

from datetime import date

import pytest

from po_tracker.services.career import readiness
from po_tracker.services.career.readiness_facts import experience_days, window_12m
from po_tracker.services.framework import edit as framework_edit
from po_tracker.services.logbook import profile

AS_OF = date(2024, 12, 31)


@pytest.fixture
def stage(session):
    """A small stage whose every figure is easy to follow by hand."""
    framework_edit.add_stage(session, "Test Stage")
    framework_edit.set_skill_target(session, "Test Stage", "Communication", 4)
    framework_edit.set_skill_target(session, "Test Stage", "Leadership", 2)
    framework_edit.add_credential_group(session, "Test Stage", ["CSPO", "PSPO I"])
    framework_edit.set_requirement(session, "Test Stage", "years_experience", 2)
    framework_edit.set_requirement(session, "Test Stage", "sprints_as_po", 20)
    framework_edit.set_requirement(session, "Test Stage", "training_hours_12m", 10)
    framework_edit.set_requirement(session, "Test Stage", "events_12m", 4)
    profile.set_stages(session, target="Test Stage")
    return "Test Stage"


@pytest.fixture
def worked_log(log, stage):
    log.rate("Communication", 2, date(2024, 1, 1))
    log.rate("Communication", 3, date(2024, 6, 1))
    log.rate("Communication", 5, date(2025, 2, 1))  # after AS_OF: not yet true then
    log.work(date(2023, 1, 1), None, sprints=10)
    log.train(6, date(2024, 3, 1))
    log.train(4, date(2024, 5, 1), status="planned")  # only completed training counts
    log.train(3, date(2023, 12, 31))  # the day before the 12-month window
    log.event(date(2024, 1, 1))  # the window's first day
    log.event(date(2023, 12, 31))  # outside
    return log


def test_components_and_overall_match_the_hand_computation(session, worked_log):
    result = readiness.readiness(session, AS_OF)
    percents = {c.name: c.percent for c in result.components}
    # skills: Communication min(3/4, 1) = 0.75, Leadership unrated 0 -> mean 0.375
    assert percents["skills"] == pytest.approx(37.5)
    # certifications: the one group (CSPO or PSPO I) is not met
    assert percents["certifications"] == 0
    # experience: 731 days / 365 >= 2 years -> 1; sprints 10/20 -> 0.5; mean 0.75
    assert percents["experience"] == pytest.approx(75)
    assert percents["learning"] == pytest.approx(60)  # 6 of 10 hours
    assert percents["networking"] == pytest.approx(25)  # 1 of 4 events
    # (35*37.5 + 20*0 + 25*75 + 10*60 + 10*25) / 100
    assert result.overall == pytest.approx(40.375)


def test_gaps_are_ranked_by_the_exact_gain_of_closing_each(session, worked_log):
    result = readiness.readiness(session, AS_OF)
    ranked = [(gap.action, gap.gain) for gap in result.gaps]
    assert ranked == [
        ("Earn CSPO or PSPO I", pytest.approx(20.0)),  # 20 * 100 / 100
        ("Reach level 2 in Leadership (not rated yet)", pytest.approx(17.5)),  # 35 * 50 / 100
        ("Attend 3 more networking events in the next 12 months", pytest.approx(7.5)),
        ("Serve 10 more sprints as Product Owner", pytest.approx(6.25)),  # 25 * 25 / 100
        ("Raise Communication from 3 to 4", pytest.approx(4.375)),  # 35 * 12.5 / 100
        ("Log 4 more training hours in the next 12 months", pytest.approx(4.0)),
    ]
    gap = next(g for g in result.gaps if g.kind == "learning")
    assert (gap.name, gap.have, gap.need, gap.unit) == (
        "Training hours in the last 12 months",
        6,
        10,
        "hours",
    )


def test_closing_a_gap_raises_the_score_by_its_announced_gain(session, worked_log):
    before = readiness.readiness(session, AS_OF)
    gain = next(g.gain for g in before.gaps if g.name == "Leadership")
    worked_log.rate("Leadership", 2, AS_OF)
    after = readiness.readiness(session, AS_OF)
    assert after.overall - before.overall == pytest.approx(gain)
    assert "Leadership" not in [g.name for g in after.gaps]


def test_weights_change_the_overall_score(session, worked_log):
    profile.set_weights(session, {"skills": 1, "certifications": 0, "experience": 0,
                                  "learning": 0, "networking": 1})  # fmt: skip
    result = readiness.readiness(session, AS_OF)
    assert result.overall == pytest.approx((37.5 + 25) / 2)
    # A component with weight 0 cannot raise the score: closing it gains nothing.
    assert next(g.gain for g in result.gaps if g.kind == "certification") == 0


def test_components_without_requirement_show_100_and_do_not_count(session, log):
    framework_edit.add_stage(session, "Skills Only")
    framework_edit.set_skill_target(session, "Skills Only", "Communication", 4)
    profile.set_stages(session, target="Skills Only")
    log.rate("Communication", 2, date(2024, 1, 1))
    result = readiness.readiness(session, AS_OF)
    assert result.overall == pytest.approx(50)  # skills alone decide: 2/4
    others = [c for c in result.components if c.name != "skills"]
    assert all(c.percent == 100 and not c.scored for c in others)


def test_a_stage_that_asks_for_nothing_is_fully_reached(session):
    framework_edit.add_stage(session, "Open Door")
    profile.set_stages(session, target="Open Door")
    result = readiness.readiness(session, AS_OF)
    assert result.overall == 100 and result.gaps == ()


def test_no_target_means_no_readiness(session):
    assert readiness.readiness(session, AS_OF) is None


def test_skill_level_is_the_latest_rating_on_or_before_the_date(session, log, stage):
    log.rate("Communication", 4, date(2024, 3, 1))
    log.rate("Communication", 1, date(2024, 3, 1))  # same day, entered later: this one
    log.rate("Communication", 4, date(2024, 3, 2))
    on_first = readiness.readiness(session, date(2024, 3, 1))
    gap = next(g for g in on_first.gaps if g.name == "Communication")
    assert gap.have == 1
    on_second = readiness.readiness(session, date(2024, 3, 2))
    assert "Communication" not in [g.name for g in on_second.gaps]
    before_any = readiness.readiness(session, date(2024, 2, 29))
    assert next(g for g in before_any.gaps if g.name == "Communication").have == 0


def test_experience_years_count_overlapping_entries_once(session, log):
    log.work(date(2020, 1, 1), date(2020, 12, 31))  # 366 days (leap year)
    log.work(date(2020, 7, 1), date(2021, 6, 30))  # adds 2021-01-01..06-30: 181 days
    log.work(date(2022, 1, 1), date(2022, 1, 10))  # 10 days
    log.work(date(2030, 1, 1), None)  # starts after the date: ignored
    assert experience_days(session, date(2023, 1, 1)) == 366 + 181 + 10
    # An entry still going on runs up to the date asked, clipped ones too.
    assert experience_days(session, date(2020, 1, 10)) == 10


def test_experience_sums_sprints_and_mentoring_of_entries_started_by_the_date(session, log):
    framework_edit.add_stage(session, "Mentor")
    framework_edit.set_requirement(session, "Mentor", "people_mentored", 4)
    profile.set_stages(session, target="Mentor")
    log.work(date(2023, 1, 1), date(2023, 6, 30), mentored=1)
    log.work(date(2024, 1, 1), None, mentored=2)
    log.work(date(2025, 6, 1), None, mentored=5)  # later than AS_OF
    result = readiness.readiness(session, AS_OF)
    assert result.component("experience").percent == pytest.approx(75)  # 3 of 4
    assert result.next_actions == ("Mentor 1 more person",)


def test_an_expired_required_credential_asks_for_renewal(session, log, stage):
    log.cert("CSPO", date(2021, 1, 1))  # 24 months: expired 2023-01-01
    result = readiness.readiness(session, AS_OF)
    assert result.component("certifications").percent == 0
    assert "Renew CSPO" in result.next_actions
    still_valid = readiness.readiness(session, date(2022, 12, 31))
    assert still_valid.component("certifications").percent == 100


def test_a_lifetime_credential_meets_the_group(session, log, stage):
    log.cert("PSPO I", date(2015, 5, 1))
    result = readiness.readiness(session, AS_OF)
    assert result.component("certifications").percent == 100


def test_recommended_credentials_are_shown_not_scored(session, log):
    framework_edit.add_stage(session, "Reco")
    framework_edit.set_skill_target(session, "Reco", "Communication", 2)
    framework_edit.add_credential_group(session, "Reco", ["A-CSPO"], required=False)
    profile.set_stages(session, target="Reco")
    log.rate("Communication", 2, date(2024, 1, 1))
    result = readiness.readiness(session, AS_OF)
    assert result.overall == 100
    assert [(r.name, r.held) for r in result.recommended] == [("A-CSPO", False)]


def test_the_12_month_window_includes_the_date_and_the_day_after_a_year_before():
    assert window_12m(date(2025, 6, 30)) == (date(2024, 7, 1), date(2025, 6, 30))
    assert window_12m(date(2024, 2, 29)) == (date(2023, 3, 1), date(2024, 2, 29))


def test_years_are_cut_to_two_decimals_and_what_is_left_rounded_up(session, log, stage):
    # As of 2024-12-31, an entry from 2023-06-01: 214 days in 2023 + 366 in 2024 = 580.
    log.work(date(2023, 6, 1), None)
    result = readiness.readiness(session, AS_OF)
    gap = next(g for g in result.gaps if g.name == "Years in product roles")
    assert gap.have == 1.58  # 580 / 365 = 1.589..., cut (not rounded) to 1.58
    assert gap.action == "Gain 0.5 more years in product roles"  # 0.42 rounded up
    experience = next(c for c in result.components if c.name == "experience")
    assert experience.percent == pytest.approx((1.58 / 2 + 0 / 20) / 2 * 100)  # 39.5


def test_actions_say_one_in_the_singular(session, log, stage):
    log.work(date(2024, 1, 1), date(2024, 12, 30), sprints=19)  # 365 days: 1.00 year
    for day in (date(2024, 2, 1), date(2024, 3, 1), date(2024, 4, 1)):
        log.event(day)
    log.train(9, date(2024, 5, 1))
    actions = readiness.readiness(session, AS_OF).next_actions
    for expected in (
        "Gain 1 more year in product roles",
        "Serve 1 more sprint as Product Owner",
        "Attend 1 more networking event in the next 12 months",
        "Log 1 more training hour in the next 12 months",
    ):
        assert expected in actions


def test_leading_requirements_come_from_the_experience_log(session, log):
    from po_tracker.services.logbook import experience

    framework_edit.add_stage(session, "Leader")
    framework_edit.set_requirement(session, "Leader", "team_size", 8)
    framework_edit.set_requirement(session, "Leader", "products_owned", 3)
    framework_edit.set_requirement(session, "Leader", "ceremonies_facilitated", 100)
    profile.set_stages(session, target="Leader")
    for start, team, products, facilitated in (
        (date(2022, 1, 1), 5, 2, 60),
        (date(2023, 1, 1), 6, 1, 39),
        (date(2025, 1, 1), 20, 9, 50),  # after AS_OF: ignored
    ):
        experience.create(
            session,
            experience.ExperienceInput(
                "PO", start, team_size=team, products_owned=products,
                ceremonies_facilitated=facilitated,
            ),
        )  # fmt: skip
    result = readiness.readiness(session, AS_OF)
    gaps = {g.name: (g.have, g.need, g.action) for g in result.gaps}
    # The largest team and the most products of one entry: 6 (not 5 + 6), 2 (not 2 + 1).
    assert gaps["Largest team led"] == (6, 8, "Lead a team of 8 people (largest so far: 6)")
    assert gaps["Products owned at once"] == (2, 3, "Own 3 products at once (most so far: 2)")
    # Ceremonies add up: 60 + 39 = 99, one short.
    assert gaps["Ceremonies facilitated"][:2] == (99, 100)
    assert gaps["Ceremonies facilitated"][2].startswith("Facilitate 1 more ceremony")
    experience_part = next(c for c in result.components if c.name == "experience")
    assert experience_part.percent == pytest.approx((6 / 8 + 2 / 3 + 99 / 100) / 3 * 100)
