"""The change notice a write sends: which kinds it names, what they touch in turn, and
whether a page showing some kinds is concerned."""

from __future__ import annotations

import pytest

from po_tracker.services.changes import EVERYTHING, KINDS, NOTHING, STANDING_KINDS, Changes


def test_a_kind_brings_what_it_touches():
    changes = Changes.of("event")
    assert changes.kinds == {"event", "contact", "journal"}  # an event creates people
    assert Changes.of("profile").kinds == {"profile"}


def test_an_unknown_kind_is_refused_by_name():
    with pytest.raises(ValueError, match="unknown kind of change: wins"):
        Changes.of("wins")


def test_a_page_is_concerned_only_by_the_kinds_it_shows():
    win = Changes.entry("win", 7)
    assert win.ids == {("win", 7)}
    assert win.concerns({"contact"}) and win.concerns(None)
    assert not win.concerns({"training", "framework"})
    assert not Changes.of("journal_templates").concerns(STANDING_KINDS)


def test_everything_concerns_every_page_and_nothing_none():
    assert EVERYTHING.concerns(frozenset()) and "training" in EVERYTHING
    assert not NOTHING and not NOTHING.concerns(None) and not NOTHING.concerns(KINDS)


def test_changes_add_up():
    both = Changes.entry("rating", 1) | Changes.of("framework")
    assert {"rating", "framework", "journal"} <= both.kinds
    assert both.ids == {("rating", 1)} and not both.everything
    assert (both | EVERYTHING).everything
