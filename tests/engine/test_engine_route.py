"""The route over the default stage graph."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from po_tracker.models import Stage
from po_tracker.services.career import readiness
from po_tracker.services.career import route as career_route
from po_tracker.services.framework import edit as framework_edit
from po_tracker.services.framework import lookup
from po_tracker.services.logbook import profile

AS_OF = date(2025, 1, 1)


def _route(session, current, target):
    profile.set_stages(session, current=current, target=target)
    return career_route.route(session, AS_OF)


def test_shortest_route_up_the_ladder(session):
    found = _route(session, "Junior Product Owner", "Head of Product")
    assert found.reachable
    # Two routes of five moves exist (via Product Manager or Portfolio Owner); the
    # tie goes to the stage listed first, the ladder's Product Manager.
    assert found.stage_names == (
        "Junior Product Owner",
        "Product Owner",
        "Senior Product Owner",
        "Product Manager",
        "Product Director",
        "Head of Product",
    )


def test_side_path_takes_the_direct_move(session):
    found = _route(session, "Senior Product Owner", "Agile Coach")
    assert found.stage_names == ("Senior Product Owner", "Agile Coach")


def test_each_step_carries_its_own_readiness(session, log):
    log.rate("Communication", 3, date(2024, 1, 1))
    log.train(12, date(2024, 6, 1))
    found = _route(session, "Junior Product Owner", "Senior Product Owner")
    for step in found.steps:
        expected = readiness.readiness_for(session, lookup.stage_id(session, step.slug), AS_OF)
        assert step.readiness == pytest.approx(expected.overall)
    assert found.steps[0].readiness > found.steps[-1].readiness


def test_unreachable_target_names_the_stages_that_lead_there(session):
    found = _route(session, "Agile Coach", "Product Director")  # Agile Coach leads nowhere
    assert not found.reachable and found.steps == ()
    assert found.reachable_from == (
        "Junior Product Owner",
        "Product Owner",
        "Senior Product Owner",
        "Product Manager",
        "Scrum Master",  # back to Product Owner, then up the ladder
        "Portfolio Owner",
    )


def test_scrum_master_and_product_owner_move_both_ways_directly(session):
    assert _route(session, "Scrum Master", "Product Owner").stage_names == (
        "Scrum Master",
        "Product Owner",
    )
    assert _route(session, "Product Owner", "Scrum Master").stage_names == (
        "Product Owner",
        "Scrum Master",
    )


def test_the_current_stage_is_its_own_route(session):
    found = _route(session, "Product Owner", "Product Owner")
    assert found.reachable and found.stage_names == ("Product Owner",)


def test_retired_stages_are_walked_around(session):
    session.scalars(select(Stage).where(Stage.slug == "product-manager")).one().retired = True
    found = _route(session, "Senior Product Owner", "Product Director")
    assert found.stage_names == ("Senior Product Owner", "Portfolio Owner", "Product Director")


def test_removing_a_move_can_cut_the_route(session):
    framework_edit.remove_move(session, "Product Owner", "Senior Product Owner")
    found = _route(session, "Junior Product Owner", "Senior Product Owner")
    assert not found.reachable


def test_no_current_stage_routes_to_the_target_alone(session):
    profile.set_stages(session, target="Product Owner")
    found = career_route.route(session, AS_OF)
    assert found.reachable and found.stage_names == ("Product Owner",)


def test_no_target_no_route(session):
    found = career_route.route(session, AS_OF)
    assert not found.reachable and found.steps == ()
