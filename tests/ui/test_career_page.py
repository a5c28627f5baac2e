"""The Career path page: the route drawn for the profile's stages, and the chosen stage's
readiness, which follows the log as the user adds to it."""

from __future__ import annotations

from datetime import date

import pytest

from po_tracker.services.career.readiness import readiness_for
from po_tracker.services.framework import lookup
from po_tracker.services.logbook import profile, ratings
from po_tracker.ui.pages.career_page import CareerPage
from po_tracker.ui.undo import AddEntry


@pytest.fixture
def page(qtbot, context):
    with context.writing() as session:
        profile.set_stages(session, current="Junior Product Owner", target="Senior Product Owner")
    career = CareerPage(context)
    qtbot.addWidget(career)
    career.show()
    return career


def _shown_percent(page) -> str:
    return page.details.toPlainText().splitlines()[0]


def _expected(context, stage: str) -> str:
    with context.reading() as session:
        result = readiness_for(session, lookup.stage_id(session, stage), date.today())
    return f"{result.stage}: {result.overall:.0f}% ready"


def test_route_runs_from_the_current_stage_to_the_target(page):
    assert page.graph.route == ("junior-product-owner", "product-owner", "senior-product-owner")
    assert (
        page.summary.text() == "Route: Junior Product Owner → Product Owner → Senior Product Owner"
    )


def test_each_chosen_stage_shows_its_own_readiness(page, context):
    assert _shown_percent(page) == _expected(context, "Senior Product Owner")
    page.choose("junior-product-owner")
    assert _shown_percent(page) == _expected(context, "Junior Product Owner")


def test_readiness_follows_a_rating_added_while_the_page_is_open(page, context):
    page.choose("junior-product-owner")
    before = _shown_percent(page)
    rating = ratings.RatingInput("Communication", 5, date.today())
    context.undo_stack.push(AddEntry(context, "rating", rating, "rating"))
    assert _shown_percent(page) == _expected(context, "Junior Product Owner") != before
    page.choose("product-owner")  # the next stage chosen is scored with the rating too
    assert _shown_percent(page) == _expected(context, "Product Owner")
