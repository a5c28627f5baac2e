"""Every log's service: create, edit, delete, list, and each validation rule."""

from __future__ import annotations

from datetime import date

import pytest

from po_tracker.services.career.credit_claims import CreditClaim
from po_tracker.services.errors import NotFoundError, ValidationError
from po_tracker.services.logbook import (
    certifications,
    contacts,
    events,
    experience,
    goals,
    profile,
    ratings,
    training,
)
from po_tracker.services.logbook import journal_entries as journal

D = date(2025, 3, 1)


def fields(error: ValidationError) -> set[str]:
    return {e.field for e in error.errors}


def test_certification_expiry_follows_the_catalog_cycle(session):
    item = certifications.create(
        session, certifications.CertificationInput("cspo", earned_on=D, credential_number="X1")
    )
    assert (item.name, item.expires, item.expires_on) == ("CSPO", date(2027, 3, 1), None)
    assert item.issuer == "Scrum Alliance"
    lifetime = certifications.create(
        session, certifications.CertificationInput("PSPO I", earned_on=D)
    )
    assert lifetime.expires is None
    typed = certifications.create(
        session, certifications.CertificationInput("CSM", earned_on=D, expires_on=date(2026, 1, 1))
    )
    assert typed.expires == date(2026, 1, 1)


def test_certification_rules(session):
    with pytest.raises(ValidationError) as caught:
        certifications.create(
            session,
            certifications.CertificationInput(
                "CSOP",
                status="done",
                earned_on=D,
                expires_on=date(2024, 1, 1),
                verification_url="ftp://x",
                cost_amount=-1,
                cost_currency="dollars",
            ),
        )
    assert fields(caught.value) == {
        "name",
        "status",
        "expires_on",
        "verification_url",
        "cost_amount",
        "cost_currency",
    }
    assert "valid credentials: " in str(caught.value) and "CSPO" in str(caught.value)
    with pytest.raises(ValidationError, match="expires_on.*before"):
        certifications.create(
            session,
            certifications.CertificationInput("CSPO", earned_on=D, expires_on=date(2024, 1, 1)),
        )
    with pytest.raises(ValidationError, match="earned_on: is required"):
        certifications.create(session, certifications.CertificationInput("CSPO"))
    custom = certifications.create(
        session,
        certifications.CertificationInput("Kanban System Design", custom=True, status="planned"),
    )
    assert custom.credential_slug is None and custom.expires is None
    assert [c.name for c in certifications.list_all(session)] == ["Kanban System Design"]


def test_training_edit_delete_and_rules(session):
    created = training.create(
        session,
        training.TrainingInput(
            "Discovery",
            8,
            D,
            skills=("customer focus", "Customer Focus"),
            credits=(CreditClaim("CSPO", 10),),
        ),
    )
    assert created.skills == ("Customer focus",)
    assert created.credits == (CreditClaim("CSPO", 10.0, False),)
    edited = training.update(
        session,
        created.id,
        training.TrainingInput("Discovery II", 4, D, end_date=date(2025, 3, 2), format="workshop"),
    )
    assert (edited.title, edited.hours, edited.skills, edited.credits) == (
        "Discovery II",
        4.0,
        (),
        (),
    )
    for bad, field in [
        (dict(title="  "), "title"),
        (dict(hours=-1), "hours"),
        (dict(hours=float("nan")), "hours"),
        (dict(hours=1e9), "hours"),
        (dict(end_date=date(2025, 2, 1)), "end_date"),
        (dict(skills=("juggling",)), "skill"),
        (dict(format="podcast"), "format"),
        (dict(start_date=date(1900, 1, 1)), "start_date"),
    ]:
        values = dict(title="T", hours=1, start_date=D) | bad
        with pytest.raises(ValidationError) as caught:
            training.update(session, created.id, training.TrainingInput(**values))
        assert field in fields(caught.value), bad
    assert training.get(session, created.id).title == "Discovery II"
    training.delete(session, created.id)
    with pytest.raises(NotFoundError):
        training.get(session, created.id)


def test_unknown_skill_message_lists_valid_names_and_accepts_slugs(session):
    with pytest.raises(ValidationError) as caught:
        ratings.create(session, ratings.RatingInput("negotiation", 3, D))
    message = str(caught.value)
    assert message.startswith("skill: unknown skill 'negotiation'; valid skills: Communication")
    assert (
        ratings.create(session, ratings.RatingInput("DATA-DRIVEN-decision-making", 3, D)).skill
        == "Data-driven decision-making"
    )


@pytest.mark.parametrize("level", [0, 6, -1, 2.5, True, "3"])
def test_rating_outside_one_to_five_is_refused(session, level):
    with pytest.raises(ValidationError, match="level"):
        ratings.create(session, ratings.RatingInput("communication", level, D))
    assert ratings.list_all(session) == []


def test_ratings_are_a_history(session):
    ratings.create_many(
        session,
        [
            ratings.RatingInput("communication", 2, date(2024, 1, 1)),
            ratings.RatingInput("communication", 4, D, note="after talk"),
        ],
    )
    history = ratings.list_all(session, skill="communication")
    assert [(r.level, r.rated_on) for r in history] == [(4, D), (2, date(2024, 1, 1))]


def test_events_share_contacts_by_name(session):
    first = events.create(
        session,
        events.EventInput(
            "Product Camp", "conference", D, hours=6, contacts=("Ana Lima", "Tom Berg")
        ),
    )
    events.create(
        session, events.EventInput("Meetup", "meetup", date(2025, 4, 1), contacts=("ana lima",))
    )
    people = {c.name: c for c in contacts.list_all(session)}
    assert set(people) == {"Ana Lima", "Tom Berg"}
    assert people["Ana Lima"].events_count == 2
    assert people["Ana Lima"].last_met == date(2025, 4, 1)
    met = contacts.events_met(session, people["Ana Lima"].id)
    assert [m.title for m in met] == ["Meetup", "Product Camp"]
    assert first.contacts == ("Ana Lima", "Tom Berg")
    with pytest.raises(ValidationError, match="event_type"):
        events.create(session, events.EventInput("Party", "party", D))
    with pytest.raises(ValidationError, match="follow_up_on"):
        events.create(session, events.EventInput("X", "meetup", D, follow_up_on=date(2025, 1, 1)))


def test_experience_rules(session):
    item = experience.create(
        session,
        experience.ExperienceInput(
            "Product Owner", date(2023, 1, 9), sprints=40, people_mentored=1
        ),
    )
    assert item.end_date is None and item.sprints == 40
    with pytest.raises(ValidationError) as caught:
        experience.create(
            session,
            experience.ExperienceInput("", D, end_date=date(2025, 1, 1), sprints=-2, team_size=2.5),
        )
    assert fields(caught.value) == {"role", "end_date", "sprints", "team_size"}


def test_goal_links_and_overdue(session):
    goal = goals.create(
        session,
        goals.GoalInput(
            "Earn A-CSPO",
            target_date=date(2025, 1, 1),
            credential="a-cspo",
            requirement="training-hours-12m",
        ),
    )
    assert goal.credential == "A-CSPO" and goal.requirement == "training_hours_12m"
    assert goal.is_overdue(D)
    assert not goals.update(
        session,
        goal.id,
        goals.GoalInput("Earn A-CSPO", status="done", target_date=date(2025, 1, 1)),
    ).is_overdue(D)
    with pytest.raises(ValidationError) as caught:
        goals.create(session, goals.GoalInput("", skill="juggling", requirement="fame"))
    assert fields(caught.value) == {"text", "skill", "requirement"}


def test_journal_tags_links_and_back_dating(session):
    talk = training.create(session, training.TrainingInput("Talk", 1, D))
    entry = journal.create(
        session,
        journal.JournalInput(
            "Learned *a lot*",
            date(2024, 12, 31),
            tags=("#Learning", "learning", "roadmap"),
            links=(journal.EntryRef("training", talk.id),),
        ),
    )
    assert entry.entry_date == date(2024, 12, 31)
    assert entry.tags == ("learning", "roadmap")
    assert [j.id for j in journal.list_all(session, tag="ROADMAP")] == [entry.id]
    with pytest.raises(ValidationError) as caught:
        journal.update(
            session,
            entry.id,
            journal.JournalInput(
                "",
                D,
                tags=("two words",),
                links=(
                    journal.EntryRef("journal", entry.id),
                    journal.EntryRef("goal", 999),
                    journal.EntryRef("song", 1),
                ),
            ),
        )
    assert len(caught.value.errors) == 5
    training.delete(session, talk.id)
    assert journal.get(session, entry.id).links == ()


def test_profile_stages_and_weights(session):
    assert profile.get(session).target_stage is None
    standing = profile.set_stages(session, current="product owner", target="senior-product-owner")
    assert (standing.current_stage, standing.target_stage) == (
        "Product Owner",
        "Senior Product Owner",
    )
    with pytest.raises(ValidationError, match="target: unknown stage 'cto'"):
        profile.set_stages(session, target="cto")
    assert profile.set_weights(session, {"skills": 50}).weights["skills"] == 50
    with pytest.raises(ValidationError, match="unknown component"):
        profile.set_weights(session, {"luck": 1})
    with pytest.raises(ValidationError, match="above zero"):
        profile.set_weights(session, dict.fromkeys(profile.WEIGHT_NAMES, 0))


def test_text_limits_and_nul(session):
    with pytest.raises(ValidationError, match="too long"):
        contacts.create(session, contacts.ContactInput("x" * 201))
    with pytest.raises(ValidationError, match="control character \\(U\\+0000\\)"):
        contacts.create(session, contacts.ContactInput("a\x00b"))


def test_ratings_and_completions_dated_in_the_future_are_refused(session):
    from datetime import timedelta

    tomorrow = date.today() + timedelta(days=1)
    refused = [
        (ratings.create, ratings.RatingInput("communication", 3, tomorrow), "rated_on"),
        (training.create, training.TrainingInput("Course", 4, tomorrow), "start_date"),
        (
            training.create,
            training.TrainingInput("Course", 4, D, end_date=tomorrow),
            "end_date",
        ),
        (
            certifications.create,
            certifications.CertificationInput("CSPO", earned_on=tomorrow),
            "earned_on",
        ),
    ]
    for create, data, field in refused:
        with pytest.raises(ValidationError) as caught:
            create(session, data)
        assert field in fields(caught.value), data
        assert "after today" in str(caught.value)
    assert ratings.list_all(session) == [] and training.list_all(session) == []
    assert certifications.list_all(session) == []
    # What is planned may lie ahead; what happened today is fine.
    training.create(session, training.TrainingInput("Later", 4, tomorrow, status="planned"))
    # (A planned certification has no earned date at all: issue 12 refuses that.)
    certifications.create(
        session, certifications.CertificationInput("PSPO I", status="planned", earned_on=None)
    )
    ratings.create(session, ratings.RatingInput("communication", 3, date.today()))
    assert len(training.list_all(session)) == len(certifications.list_all(session)) == 1
