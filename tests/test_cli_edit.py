"""``po-tracker edit KIND ID``: the options of ``add``, only the ones given change, the
same checks and messages, and the same effects as an edit in the window."""

from __future__ import annotations

import json

import pytest
import vobject
from cli_run import listed, run

from po_tracker.cli.parser import EDITABLE, build_parser


def _only(capsys, data_dir, kind: str) -> dict:
    (entry,) = listed(capsys, data_dir, kind)
    return entry


def _subparsers(parser, name: str):
    action = next(a for a in parser._subparsers._group_actions if name in a.choices)
    return action.choices[name]._subparsers._group_actions[0].choices


def test_edit_offers_every_option_add_has_for_each_kind():
    parser = build_parser()
    top = parser._subparsers._group_actions[0].choices
    adders = {**_subparsers(parser, "add"), "rating": top["rate"], "journal": top["journal"]}
    editors = _subparsers(parser, "edit")
    assert sorted(editors) == sorted(EDITABLE) == sorted(adders)
    for kind, adder in adders.items():
        add_flags = {f for a in adder._actions for f in a.option_strings}
        edit_flags = {f for a in editors[kind]._actions for f in a.option_strings}
        assert add_flags <= edit_flags, f"edit {kind} lacks {add_flags - edit_flags}"


def test_edit_goal_status_changes_only_that_and_leaves_the_calendar(capsys, data_dir, tmp_path):
    run(capsys, data_dir, "add", "goal", "Pass PSPO II", "--due", "2027-06-01", "--note", "n")
    goal = _only(capsys, data_dir, "goals")
    target = tmp_path / "dates.ics"
    assert run(capsys, data_dir, "export", "ics", str(target))[0] == 0
    code, out, err = run(capsys, data_dir, "edit", "goal", str(goal["id"]), "--status", "done")
    assert (code, err) == (0, "")
    assert out == f"Updated goal #{goal['id']}  Pass PSPO II, done, due 2027-06-01\n"
    after = _only(capsys, data_dir, "goals")
    assert after["status"] == "done"
    assert {k: v for k, v in after.items() if k not in ("status", "updated_at")} == {
        k: v for k, v in goal.items() if k not in ("status", "updated_at")
    }
    assert run(capsys, data_dir, "export", "ics", str(target), "--force")[0] == 0
    (event,) = vobject.readOne(target.read_text(encoding="utf-8")).vevent_list
    assert (event.status.value, event.sequence.value) == ("CANCELLED", "1")


def test_edit_training_status_and_end(capsys, data_dir):
    run(capsys, data_dir, "add", "training", "Course", "--hours", "6", "--date", "2026-11-20",
        "--status", "in-progress", "--skill", "communication")  # fmt: skip
    training = _only(capsys, data_dir, "trainings")
    code, _, err = run(capsys, data_dir, "edit", "training", str(training["id"]),
                       "--status", "completed", "--end", "2026-12-01")  # fmt: skip
    assert (code, err) == (0, "")
    after = _only(capsys, data_dir, "trainings")
    assert (after["status"], after["end_date"]) == ("completed", "2026-12-01")
    assert after["skills"] == training["skills"] and after["hours"] == 6


def test_a_bad_edit_gets_the_same_message_as_add_and_changes_nothing(capsys, data_dir):
    run(capsys, data_dir, "add", "training", "Course", "--hours", "6", "--date", "2026-11-20")
    training = _only(capsys, data_dir, "trainings")
    _, _, add_error = run(capsys, data_dir, "add", "training", "Other", "--hours", "6",
                          "--date", "2026-11-20", "--end", "2026-11-01")  # fmt: skip
    code, _, edit_error = run(capsys, data_dir, "edit", "training", str(training["id"]),
                              "--end", "2026-11-01")  # fmt: skip
    assert code == 2
    assert edit_error == add_error and edit_error.count("\n") == 1
    assert "end_date" in edit_error
    assert _only(capsys, data_dir, "trainings") == training


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--due", "2026-02-30"), "--due: must be a date as YYYY-MM-DD"),
        (("--status", "finished"), "invalid choice: 'finished'"),
        ((), "nothing to change"),
    ],
)
def test_bad_edit_input_is_one_line_naming_the_problem(capsys, data_dir, args, message):
    run(capsys, data_dir, "add", "goal", "Pass PSPO II")
    goal = _only(capsys, data_dir, "goals")
    code, _, err = run(capsys, data_dir, "edit", "goal", str(goal["id"]), *args)
    assert code == 2 and message in err and err.count("\n") == 1
    assert _only(capsys, data_dir, "goals") == goal


def test_editing_an_entry_that_does_not_exist_says_so(capsys, data_dir):
    run(capsys, data_dir, "add", "contact", "Ann")
    code, _, err = run(capsys, data_dir, "edit", "contact", "99", "--role", "Coach")
    assert code == 2 and "99" in err and err.count("\n") == 1


def test_repeated_options_replace_the_list_and_an_empty_one_clears_it(capsys, data_dir):
    run(capsys, data_dir, "add", "event", "Forum", "--type", "forum", "--met", "Ann", "--online")
    event = _only(capsys, data_dir, "events")
    run(capsys, data_dir, "edit", "event", str(event["id"]), "--met", "Bob", "--met", "Cleo",
        "--no-online", "--follow-up", "2026-12-24")  # fmt: skip
    after = _only(capsys, data_dir, "events")
    assert sorted(after["contacts"]) == ["Bob", "Cleo"]
    assert after["online"] is False and after["follow_up_on"] == "2026-12-24"
    run(capsys, data_dir, "edit", "event", str(event["id"]), "--met", "", "--follow-up-done")
    after = _only(capsys, data_dir, "events")
    assert after["contacts"] == [] and after["follow_up_done"] is True


def test_an_edited_title_is_what_search_finds(capsys, data_dir):
    run(capsys, data_dir, "journal", "Met the team", "--date", "2026-11-02", "--tag", "team")
    entry = _only(capsys, data_dir, "journal")
    run(capsys, data_dir, "edit", "journal", str(entry["id"]), "--text", "Refinement retro",
        "--tag", "retro")  # fmt: skip
    code, out, _ = run(capsys, data_dir, "search", "refinement", "--json")
    assert code == 0 and [hit["id"] for hit in json.loads(out)] == [entry["id"]]
    assert json.loads(run(capsys, data_dir, "search", "team", "--json")[1]) == []
    assert _only(capsys, data_dir, "journal")["tags"] == ["retro"]


@pytest.mark.parametrize(
    ("add", "kind", "change", "field", "value"),
    [
        (("add", "certification", "CSPO", "--earned", "2025-03-01"), "certifications",
         ("--credential-id", "000123"), "credential_number", "000123"),
        (("add", "experience", "PO", "--start", "2024-01-01"), "experience",
         ("--sprints", "12"), "sprints", 12),
        (("add", "contact", "Ann"), "contacts", ("--name", "Ann Lee"), "name", "Ann Lee"),
        (("rate", "communication", "3", "--date", "2026-01-01"), "ratings",
         ("--level", "4"), "level", 4),
    ],
)  # fmt: skip
def test_each_kind_edits_through_its_own_options(capsys, data_dir, add, kind, change, field,
                                                  value):  # fmt: skip
    assert run(capsys, data_dir, *add)[0] == 0
    entry = _only(capsys, data_dir, kind)
    code, _, err = run(capsys, data_dir, "edit", kind.rstrip("s") if kind != "experience"
                       else kind, str(entry["id"]), *change)  # fmt: skip
    assert (code, err) == (0, "")
    assert _only(capsys, data_dir, kind)[field] == value


def test_edit_sets_and_clears_a_renewal_fee_and_what_a_training_counts_for(capsys, data_dir):
    run(capsys, data_dir, "add", "certification", "CSPO", "--earned", "2025-03-01")
    cert = _only(capsys, data_dir, "certifications")["id"]
    code, _, err = run(
        capsys, data_dir, "edit", "certification", str(cert), "--renewal-fee", "EUR 80"
    )
    assert (code, err) == (0, "")
    found = _only(capsys, data_dir, "certifications")
    assert (found["renewal_fee_amount"], found["renewal_fee_currency"]) == (80, "EUR")
    code, _, err = run(capsys, data_dir, "edit", "certification", str(cert), "--renewal-fee", "80")
    assert code == 2 and "--renewal-fee: must be a currency and an amount" in err
    run(capsys, data_dir, "edit", "certification", str(cert), "--renewal-fee", "")
    (found,) = listed(capsys, data_dir, "certifications")
    assert (found["renewal_fee_amount"], found["renewal_fee_currency"]) == (None, None)
    run(capsys, data_dir, "add", "training", "Backlog clinic", "--hours", "4")
    training = _only(capsys, data_dir, "trainings")
    assert training["counts_toward"] == []  # none named: toward every credential
    training = training["id"]
    run(capsys, data_dir, "edit", "training", str(training), "--credential", "CSPO")
    assert _only(capsys, data_dir, "trainings")["counts_toward"] == ["CSPO"]


def test_edit_win_changes_or_clears_its_metric_and_keeps_the_rest(capsys, data_dir):
    assert run(
        capsys, data_dir, "add", "win", "Cut lead time", "--date", "2026-05-04",
        "--metric", "Lead time: 12 -> 5 days", "--skill", "Leadership", "--with", "Ann Lee",
    )[0] == 0  # fmt: skip
    win = _only(capsys, data_dir, "wins")
    assert run(capsys, data_dir, "edit", "win", str(win["id"]), "--metric", "NPS: 20 -> 41")[0] == 0
    after = _only(capsys, data_dir, "wins")
    assert (after["metric_name"], after["metric_before"], after["metric_after"]) == ("NPS", 20, 41)
    assert (after["skills"], after["contacts"], after["win_date"]) == (
        win["skills"], win["contacts"], "2026-05-04"
    )  # fmt: skip
    assert run(capsys, data_dir, "edit", "win", str(win["id"]), "--metric", "")[0] == 0
    cleared = _only(capsys, data_dir, "wins")
    assert (cleared["metric_name"], cleared["metric_before"], cleared["metric_unit"]) == (
        "",
        None,
        "",
    )
    code, _, err = run(capsys, data_dir, "edit", "win", str(win["id"]), "--metric", "faster")
    assert code == 2 and "--metric" in err and _only(capsys, data_dir, "wins") == cleared


def test_edit_feedback_replaces_its_skills_and_levels(capsys, data_dir):
    assert run(
        capsys, data_dir, "add", "feedback", "Clear goals", "--from", "Ann Lee",
        "--role", "manager", "--skill", "Leadership=3",
    )[0] == 0  # fmt: skip
    said = _only(capsys, data_dir, "feedback")
    code = run(
        capsys, data_dir, "edit", "feedback", str(said["id"]),
        "--skill", "Communication", "--skill", "Leadership=2", "--level", "4",
    )[0]  # fmt: skip
    assert code == 0
    after = _only(capsys, data_dir, "feedback")
    assert after["skills"] == [
        {"skill": "Communication", "level": 4},
        {"skill": "Leadership", "level": 2},
    ]
    assert (after["quote"], after["giver"], after["giver_role"]) == (
        "Clear goals",
        "Ann Lee",
        "manager",
    )
    code, _, err = run(capsys, data_dir, "edit", "feedback", str(said["id"]), "--level", "2")
    assert code == 2 and "--level" in err and _only(capsys, data_dir, "feedback") == after
    edited = run(capsys, data_dir, "edit", "feedback", str(said["id"]), "--skill", "Leadership")
    assert edited[0] == 0
    assert _only(capsys, data_dir, "feedback")["skills"] == [{"skill": "Leadership", "level": None}]
