"""The benchmarks' data generator: the mix of kinds adds up to what was asked, one seed
gives one logbook, and what it writes is found by the app's own search."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from bench.generate import MODELS, SHARES, content_digest, entry_counts, generate, main
from po_tracker.services.search import full_text as search
from po_tracker.services.storage.opening import open_logbook
from po_tracker.vocabulary import LOG_KINDS

ENTRIES = 1000


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("bench-1k")
    counts = generate(data_dir, ENTRIES, seed=7)
    return data_dir, counts


@pytest.fixture
def session(generated):
    database = open_logbook(generated[0])
    try:
        with database.read() as s:
            yield s
    finally:
        database.close()


def test_the_counts_add_up_to_the_entries_asked(generated):
    _, counts = generated
    assert set(counts) == set(LOG_KINDS) and sum(counts.values()) == ENTRIES
    assert counts == entry_counts(ENTRIES)
    for kind, share in SHARES.items():
        assert abs(counts[kind] / ENTRIES - share) < 0.01, kind


def test_the_logbook_holds_what_the_counts_say(generated, session):
    _, counts = generated
    stored = {kind: session.scalar(select(func.count()).select_from(model))
              for kind, model in MODELS.items()}  # fmt: skip
    assert stored == counts
    assert session.execute(text("PRAGMA foreign_key_check")).fetchall() == []
    links = ("event_contacts", "training_skills", "journal_entry_tags", "journal_links")
    for table in links:
        assert session.scalar(text(f"SELECT count(*) FROM {table}")) > 0, table


def test_journal_entries_are_about_80_words(session):
    bodies = session.scalars(text("SELECT body FROM journal_entries")).all()
    words = [len(body.split()) for body in bodies]
    assert 70 <= sum(words) / len(words) <= 90


def test_the_same_seed_gives_the_same_logbook(generated, tmp_path):
    generate(tmp_path / "again", ENTRIES, seed=7)
    generate(tmp_path / "other", ENTRIES, seed=8)
    first = content_digest(generated[0])
    assert content_digest(tmp_path / "again") == first
    assert content_digest(tmp_path / "other") != first


def test_search_finds_generated_journal_words(session):
    entry_id, title, body = session.execute(
        text("SELECT id, title, body FROM journal_entries ORDER BY id LIMIT 1")
    ).one()
    tag = session.scalar(
        text("SELECT t.name FROM journal_entry_tags j JOIN tags t ON t.id = j.tag_id"
             " WHERE j.entry_id = :id LIMIT 1"),
        {"id": entry_id},
    )  # fmt: skip
    hits = search.search(session, " ".join(body.split()[:6]), limit=1000)
    assert ("journal", entry_id) in {(hit.kind, hit.id) for hit in hits}
    # Tags were linked before their entries went in: the index must still hold them.
    hits = search.search(session, f"{title} {tag}", limit=1000)
    assert ("journal", entry_id) in {(hit.kind, hit.id) for hit in hits}


def test_the_command_line(tmp_path, capsys):
    assert main([str(tmp_path / "cli"), "--entries", "120", "--seed", "3"]) == 0
    assert "120 entries" in capsys.readouterr().out
    assert main([str(tmp_path / "cli"), "--entries", "120"]) == 2
    assert "already holds" in capsys.readouterr().err


def test_a_log_written_in_several_chunks_gets_a_new_uuid_per_entry(tmp_path, monkeypatch):
    # 100,000 entries write the journal in chunks; each chunk once restarted the UUIDs.
    import bench.generate

    monkeypatch.setattr(bench.generate, "CHUNK", 100)
    counts = generate(tmp_path, ENTRIES, seed=7)
    database = open_logbook(tmp_path)
    try:
        with database.read() as s:
            distinct = s.execute(text("SELECT count(DISTINCT uuid) FROM journal_entries")).scalar()
    finally:
        database.close()
    assert counts["journal"] > 100 and distinct == counts["journal"]
