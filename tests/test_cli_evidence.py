"""Wins and feedback through the command line: add, list (text and JSON), delete, bad
input refused in one line, and a CSV round trip into another logbook."""

from __future__ import annotations

import csv
import json

from cli_run import run

WIN = (
    "add", "win", "=Cut release lead time", "--date", "2025-05-02",
    "--impact", "Fixes reach customers a week sooner",
    "--metric", "Lead time: 12 -> 5 days",
    "--skill", "Agile and Scrum practice", "--requirement", "team-size",
    "--with", "Dana Reyes",
)  # fmt: skip
FEEDBACK = (
    "add", "feedback", "Clear, calm roadmap talk", "--from", "dana reyes",
    "--role", "manager", "--skill", "Leadership=4", "--skill", "Communication",
    "--level", "3", "--date", "2025-05-03",
)  # fmt: skip


def test_add_and_list_wins_and_feedback(capsys, data_dir):
    code, out, _ = run(capsys, data_dir, *WIN)
    assert code == 0 and out.startswith("Added win #1") and "Lead time: 12 -> 5 days" in out
    code, out, _ = run(capsys, data_dir, *FEEDBACK)
    assert code == 0 and "Dana Reyes (manager)" in out
    _, out, _ = run(capsys, data_dir, "list", "wins", "--json")
    (win,) = json.loads(out)
    assert (win["metric_before"], win["metric_after"], win["metric_unit"]) == (12, 5, "days")
    assert (win["requirements"], win["contacts"]) == (["team_size"], ["Dana Reyes"])
    _, out, _ = run(capsys, data_dir, "list", "feedback", "--json")
    (item,) = json.loads(out)
    assert item["giver"] == "Dana Reyes"  # the contact the win created, matched in any case
    assert item["skills"] == [
        {"skill": "Communication", "level": 3},
        {"skill": "Leadership", "level": 4},
    ]
    _, out, _ = run(capsys, data_dir, "list", "contacts", "--json")
    assert [c["name"] for c in json.loads(out)] == ["Dana Reyes"]
    assert run(capsys, data_dir, "delete", "feedback", "1")[0] == 0
    _, out, _ = run(capsys, data_dir, "list", "feedback")
    assert out.strip() == "No feedback logged yet."


def test_bad_win_and_feedback_are_one_line_and_change_nothing(capsys, data_dir):
    run(capsys, data_dir, *WIN)
    for args in (
        ("add", "win", "X", "--metric", "went down"),
        ("add", "win", "X", "--requirement", "charisma"),
        ("add", "win", "X", "--date", "2099-01-01"),
        ("add", "feedback", "Q", "--from", "A", "--role", "boss"),
        ("add", "feedback", "Q", "--from", "A", "--role", "peer", "--skill", "Leadership=9"),
        ("add", "feedback", "Q", "--from", "A", "--role", "peer", "--level", "3"),
    ):
        code, out, err = run(capsys, data_dir, *args)
        assert code != 0 and out == "" and len(err.strip().splitlines()) == 1, args
    _, out, _ = run(capsys, data_dir, "list", "wins", "--json")
    assert len(json.loads(out)) == 1
    _, out, _ = run(capsys, data_dir, "list", "contacts", "--json")
    assert [c["name"] for c in json.loads(out)] == ["Dana Reyes"]


def test_csv_round_trip_of_wins_and_feedback(capsys, data_dir, tmp_path):
    run(capsys, data_dir, *WIN)
    run(capsys, data_dir, *FEEDBACK)
    folder = tmp_path / "csv"
    assert run(capsys, data_dir, "export", "csv", str(folder))[0] == 0
    with open(folder / "wins.csv", encoding="utf-8-sig", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["title"] == "'=Cut release lead time"  # neutralised for spreadsheets
    with open(folder / "feedback.csv", encoding="utf-8-sig", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["skills"] == "Communication=3; Leadership=4"
    other = tmp_path / "other"
    for kind, name in (("win", "wins.csv"), ("feedback", "feedback.csv")):
        code, _, err = run(capsys, other, "import", "csv", kind, str(folder / name))
        assert code == 0, err
    for kind in ("wins", "feedback"):
        _, before, _ = run(capsys, data_dir, "list", kind, "--json")
        _, after, _ = run(capsys, other, "list", kind, "--json")
        strip = lambda text: [  # noqa: E731
            {k: v for k, v in item.items() if k not in ("id", "created_at", "updated_at")}
            for item in json.loads(text)
        ]
        assert strip(after) == strip(before)
