"""Every pattern in the shipped schemas is explained in words: an import error never shows
the user a regular expression."""

from __future__ import annotations

import json

from po_tracker.resources import resource_path
from po_tracker.services.exchange.schema_words import PATTERN_WORDS


def _patterns(node) -> set[str]:
    if isinstance(node, dict):
        found = {node["pattern"]} if isinstance(node.get("pattern"), str) else set()
        return found.union(*(_patterns(v) for k, v in node.items() if k != "pattern"))
    if isinstance(node, list):
        return set().union(*(_patterns(v) for v in node))
    return set()


def test_every_schema_pattern_has_words():
    folder = resource_path("schema")
    patterns = set().union(*(_patterns(json.loads(p.read_text())) for p in folder.glob("*.json")))
    assert patterns and patterns <= set(PATTERN_WORDS)
    assert not any(ch in words for words in PATTERN_WORDS.values() for ch in "^$[]\\")
