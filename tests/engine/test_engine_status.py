"""The status report (what ``po-tracker status`` prints) and the monthly history."""

from __future__ import annotations

import json
from datetime import date

import pytest

from po_tracker.services.career import readiness, status
from po_tracker.services.career import readiness_timeline as readiness_history
from po_tracker.services.framework import edit as framework_edit
from po_tracker.services.framework import lookup
from po_tracker.services.logbook import profile

AS_OF = date(2025, 1, 15)
KEYS = {
    "as_of", "current_stage", "target_stage", "readiness", "components", "gaps",
    "next_actions", "route", "route_reachable", "credentials",
}  # fmt: skip


def test_a_brand_new_logbook_reports_and_asks_for_a_target(db):
    with db.read() as session:
        report = status.build(session, AS_OF)
    data = json.loads(json.dumps(report.to_dict()))
    assert set(data) >= KEYS
    assert data["as_of"] == "2025-01-15"
    assert (data["readiness"], data["route"], data["credentials"]) == (None, [], [])
    assert data["next_actions"] == ["Set a target stage: po-tracker stage --target STAGE"]
    assert "po-tracker stage --target" in status.format_text(report)


@pytest.fixture
def standing(session, log):
    profile.set_stages(session, current="Junior Product Owner", target="Product Owner")
    log.rate("Communication", 3, date(2024, 1, 1))
    log.cert("CSPO", date(2023, 2, 1))  # expires 2025-02-01: due within 30 days
    log.train(12, date(2024, 10, 1))
    log.event(date(2024, 11, 1), hours=2)
    log.work(date(2023, 6, 1), date(2023, 8, 31), sprints=3)
    log.work(date(2023, 8, 1), None, sprints=5)  # overlaps the first, still going on
    return session


def test_json_report_carries_every_figure(standing):
    report = status.build(standing, AS_OF)
    data = json.loads(json.dumps(report.to_dict()))
    expected = readiness.readiness(standing, AS_OF)
    assert data["readiness"] == round(expected.overall, 1)
    assert [c["name"] for c in data["components"]] == list(readiness.COMPONENTS)
    assert all({"name", "percent", "weight"} <= set(c) for c in data["components"])
    assert data["next_actions"] == list(expected.next_actions)
    assert data["gaps"][0] == {
        "kind": expected.gaps[0].kind,
        "name": expected.gaps[0].name,
        "have": expected.gaps[0].have,
        "need": expected.gaps[0].need,
        "unit": expected.gaps[0].unit,
        "gain": round(expected.gaps[0].gain, 2),
    }
    assert data["route"] == ["Junior Product Owner", "Product Owner"]
    assert data["route_reachable"] is True
    (cspo,) = data["credentials"]
    assert cspo == {
        "name": "CSPO", "status": "due-30", "earned": "2023-02-01", "expires": "2025-02-01",
        "cycle_start": "2023-02-01", "credits_earned": 14.0, "credits_needed": 20.0,
        "credit_unit": "SEU", "days_left": 17, "renewed_by": None,
        "renewal_group": "Scrum Alliance", "renewal_fee": "USD 100", "renewable_until": None,
    }  # fmt: skip
    assert data["reminders"] == ["Scrum Alliance renewal: 14 of 20 SEUs by 2025-02-01, USD 100"]
    (renewal,) = data["renewals"]
    assert (renewal["due"], renewal["credentials"], renewal["days_left"]) == (
        "2025-02-01",
        ["CSPO"],
        17,
    )


def test_text_report_is_short_and_shows_the_top_five_actions(standing):
    report = status.build(standing, AS_OF)
    text = status.format_text(report)
    assert "Current stage: Junior Product Owner" in text
    assert f"Readiness: {report.readiness.overall:.1f}%" in text
    assert "Route: Junior Product Owner" in text
    assert report.next_actions[4] in text and report.next_actions[5] not in text
    assert "CSPO: due within 30 days, expires 2025-02-01, 14/20 SEU" in text
    assert len(text.splitlines()) <= 15


def test_route_steps_in_the_report_carry_each_stage_readiness(standing):
    report = status.build(standing, AS_OF)
    for step in report.route.steps:
        stage_id = lookup.stage_id(standing, step.slug)
        expected = readiness.readiness_for(standing, stage_id, AS_OF)
        assert step.readiness == pytest.approx(expected.overall)
    assert report.route.steps[-1].readiness == pytest.approx(report.readiness.overall)


def test_report_asks_to_renew_a_lapsed_required_credential(session, log):
    framework_edit.add_stage(session, "Certified")
    framework_edit.add_credential_group(session, "Certified", ["CSPO", "PSPO I"])
    profile.set_stages(session, target="Certified")
    log.cert("CSPO", date(2021, 1, 1))  # 24 months: expired 2023-01-01
    report = status.build(session, AS_OF)
    assert [c.status for c in report.credentials] == ["expired"]
    assert report.next_actions == ("Renew CSPO",)
    log.cert("PSPO I", date(2024, 6, 1))  # a lifetime credential meets the group
    assert status.build(session, AS_OF).next_actions == ()


def test_unreachable_target_is_reported(session):
    profile.set_stages(session, current="Agile Coach", target="Product Owner")
    data = status.build(session, AS_OF).to_dict()
    assert data["route"] == [] and data["route_reachable"] is False
    # Senior Product Owner gets back to Product Owner through Scrum Master.
    assert data["reachable_from"] == [
        "Junior Product Owner",
        "Senior Product Owner",
        "Scrum Master",
    ]


def test_month_ends_run_from_the_first_month_to_the_date():
    assert readiness_history.month_ends(date(2024, 11, 20), date(2025, 2, 10)) == [
        date(2024, 11, 30),
        date(2024, 12, 31),
        date(2025, 1, 31),
        date(2025, 2, 10),
    ]


def test_history_has_one_point_per_month_since_the_first_entry(standing):
    result = readiness_history.history(standing, AS_OF)
    assert result.stage == "Product Owner"
    assert [p.on for p in result.points][:2] == [date(2023, 2, 28), date(2023, 3, 31)]
    assert result.points[-1].on == AS_OF and len(result.points) == 24
    for point in result.points:  # each month end is readiness on that very day
        assert point.overall == pytest.approx(readiness.readiness(standing, point.on).overall)
    assert result.points[-1].components["learning"] == pytest.approx(12 / 20 * 100)


def test_history_is_empty_without_a_target_or_entries(session):
    assert readiness_history.history(session, AS_OF).points == ()
    profile.set_stages(session, target="Product Owner")
    assert readiness_history.history(session, AS_OF).points == ()
