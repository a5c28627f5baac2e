"""The Career path page: the route drawn for the profile's stages, and the chosen stage's
readiness, which follows the log as the user adds to it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from po_tracker.services.career.readiness import readiness_for
from po_tracker.services.changes import Changes
from po_tracker.services.framework import lookup
from po_tracker.services.logbook import profile, ratings
from po_tracker.ui.pages.career_page import CareerPage
from po_tracker.ui.undo import AddEntry


@pytest.fixture
def page(qtbot, context):
    with context.database.write() as session:
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


def _click_stage(qtbot, page, slug: str) -> None:
    view = page.view
    centre = view.mapFromScene(view.boxes[slug].sceneBoundingRect().center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_clicking_stages_in_the_graph_chooses_them_without_an_error(qtbot, page):
    # pytest-qt fails the test on any exception raised inside Qt's event handling,
    # such as a click delivered to a stage box that the redraw already deleted.
    page.resize(1200, 760)
    qtbot.waitExposed(page)
    for slug in ("junior-product-owner", "product-owner", "junior-product-owner"):
        _click_stage(qtbot, page, slug)
        qtbot.waitUntil(lambda s=slug: page.chosen == s)
        assert page.stage_box.currentData() == slug
        assert page.view.boxes[slug].scene() is page.view.scene()


def test_graph_and_legend_use_the_career_map_charts_colours(page):
    from po_tracker.charts.theme import LIGHT

    boxes = page.view.boxes
    assert boxes["junior-product-owner"].brush().color().name().upper() == LIGHT.current
    assert boxes["senior-product-owner"].brush().color().name().upper() == LIGHT.target
    legend = page.legend.text()
    assert "You are here" in legend and "Target" in legend and "Your route" in legend
    assert LIGHT.current.lower() in legend.lower() and LIGHT.target.lower() in legend.lower()


def test_the_evidence_tab_lists_each_skills_evidence_for_any_stage(page, context):
    from po_tracker.services.logbook import wins
    from po_tracker.services.logbook.wins import WinInput

    with context.writing(Changes.of("win")) as session:
        wins.create(session, WinInput("Ran the first PI planning", date.today(),
                                      skills=("leadership",)))  # fmt: skip
    page.detail_tabs.setCurrentWidget(page.evidence)
    text = page.evidence.toPlainText()
    assert "Promotion case: Senior Product Owner" in text
    leadership = text.split("\nLeadership\n", 1)[1]
    assert leadership.index("Ran the first PI planning") < leadership.index("Communication")
    assert "No evidence yet: log a win that shows Communication." in text
    page.choose("product-owner")  # any stage, not only the target
    assert "Promotion case: Product Owner" in page.evidence.toPlainText()


def test_after_the_dashboard_the_page_scores_the_facts_it_gathered(qtbot, context, monkeypatch):
    from po_tracker.ui.pages import career_page
    from po_tracker.ui.pages.dashboard_page import DashboardPage

    with context.database.write() as session:
        profile.set_stages(session, current="Junior Product Owner", target="Senior Product Owner")
    dashboard = DashboardPage(context)
    qtbot.addWidget(dashboard)
    dashboard.show()  # computes the numbers, as the first page of a start
    gathered = []
    real_gather = career_page.gather_facts

    def gather(session, as_of):
        gathered.append(as_of)
        return real_gather(session, as_of)

    monkeypatch.setattr(career_page, "gather_facts", gather)
    page = CareerPage(context)
    qtbot.addWidget(page)
    page.show()
    assert gathered == []  # the dashboard's, for the same data and day
    assert _shown_percent(page) == _expected(context, "Senior Product Owner")
    dashboard.hide()  # a change the dashboard does not see: its facts are out of date
    rating = ratings.RatingInput("Communication", 5, date.today())
    context.undo_stack.push(AddEntry(context, "rating", rating, "rating"))
    assert gathered == [date.today()]
    assert _shown_percent(page) == _expected(context, "Senior Product Owner")
