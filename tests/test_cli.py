"""The command line end to end, in a temporary data folder."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tomllib
from datetime import date
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from cli_run import run

from po_tracker import __version__
from po_tracker.launcher import main


def snapshot(folder):
    if not folder.exists():
        return None
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_add_certification_then_status_shows_catalog_expiry(capsys, data_dir):
    code, out, _ = run(
        capsys,
        data_dir,
        "add",
        "certification",
        "CSPO",
        "--status",
        "earned",
        "--earned",
        "2025-03-01",
    )
    assert code == 0 and "CSPO" in out
    code, out, _ = run(capsys, data_dir, "status", "--json", "--as-of", "2025-06-01")
    assert code == 0
    report = json.loads(out)
    (cspo,) = [c for c in report["credentials"] if c["name"] == "CSPO"]
    assert cspo["status"] != "expired"
    assert (cspo["earned"], cspo["expires"]) == ("2025-03-01", "2027-03-01")


def test_every_kind_can_be_added_listed_and_deleted(capsys, data_dir):
    commands = [
        [
            "add",
            "training",
            "Discovery",
            "--hours",
            "8",
            "--date",
            "2025-01-10",
            "--skill",
            "customer-focus",
        ],
        [
            "add",
            "event",
            "Product Camp",
            "--type",
            "conference",
            "--met",
            "Ana",
            "--met",
            "Tom",
            "--date",
            "2025-02-01",
            "--hours",
            "6",
        ],
        ["add", "experience", "Product Owner", "--start", "2023-01-09", "--sprints", "40"],
        ["add", "goal", "Earn A-CSPO", "--due", "2026-01-01", "--credential", "a-cspo"],
        ["add", "contact", "Zoe", "--organization", "Acme"],
        ["add", "certification", "PSPO I", "--earned", "2024-05-05"],
        ["rate", "Stakeholder management", "3", "--date", "2025-01-01", "--note", "peer view"],
        [
            "journal",
            "Cut scope to ship on time",
            "--tag",
            "decisions",
            "--date",
            "2025-01-02",
            "--link",
            "training:1",
        ],
    ]
    for command in commands:
        code, out, err = run(capsys, data_dir, *command)
        assert (code, err) == (0, ""), command
        assert out.startswith("Added ")
    expected = {
        "trainings": "Discovery",
        "events": "met Ana and Tom",
        "experience": "40 sprints",
        "goals": "due 2026-01-01",
        "contacts": "Ana",
        "certifications": "PSPO I",
        "ratings": "level 3",
        "journal": "#decisions",
    }
    for kind, text in expected.items():
        code, out, _ = run(capsys, data_dir, "list", kind)
        assert code == 0 and text in out, kind
        code, out, _ = run(capsys, data_dir, "list", kind, "--json")
        assert json.loads(out), kind
    code, out, _ = run(capsys, data_dir, "delete", "training", "1")
    assert code == 0
    _, out, _ = run(capsys, data_dir, "list", "journal", "--json")
    assert json.loads(out)[0]["links"] == []


def test_search_finds_entries_with_a_snippet(capsys, data_dir):
    run(capsys, data_dir, "journal", "We ran a story mapping session with marketing")
    run(capsys, data_dir, "add", "training", "Story mapping", "--hours", "3")
    code, out, _ = run(capsys, data_dir, "search", "story mapping", "--json")
    hits = json.loads(out)
    assert code == 0 and {h["kind"] for h in hits} == {"journal", "training"}
    assert hits[0]["kind"] == "training"
    code, out, _ = run(capsys, data_dir, "search", "nothing-like-this")
    assert code == 0 and "Nothing matches" in out


def test_stage_by_name_or_slug(capsys, data_dir):
    code, out, _ = run(
        capsys, data_dir, "stage", "--current", "PRODUCT OWNER", "--target", "head-of-product"
    )
    assert code == 0 and "Head of Product" in out
    assert "Current stage: Product Owner" in run(capsys, data_dir, "stage")[1]


BAD_INPUTS = [
    (["rate", "communication", "6"], "level"),
    (["rate", "communication", "three"], "LEVEL"),
    (["rate", "juggling", "3"], "valid skills: Communication"),
    (["add", "training", "T", "--hours", "-2"], "hours"),
    (["add", "training", "T", "--hours", "nan"], "--hours"),
    (["add", "training", "T"], "--hours"),
    (
        ["add", "training", "T", "--hours", "2", "--date", "2025-05-01", "--end", "2025-04-01"],
        "end_date",
    ),
    (["add", "training", "  ", "--hours", "2"], "title"),
    (["add", "training", "T", "--hours", "2", "--date", "2025-02-30"], "--date"),
    (["add", "training", "T", "--hours", "2", "--date", "yesterday"], "--date"),
    (["add", "event", "E", "--type", "party"], "--type"),
    (["add", "certification", "CSOP"], "valid credentials"),
    (
        ["add", "certification", "CSPO", "--earned", "2025-01-01", "--expires", "2024-01-01"],
        "expires_on",
    ),
    (["add", "experience", "PO", "--sprints", "-1"], "sprints"),
    (["add", "goal", "G", "--skill", "juggling"], "skill"),
    (["stage", "--target", "astronaut"], "valid stages"),
    (["journal", "text", "--link", "training:99"], "links"),
    (["journal", "text", "--link", "nonsense"], "link"),
    (["delete", "training", "99"], "no training with id 99"),
    (["list", "songs"], "valid kinds"),
    (["search", "x", "--limit", "0"], "limit"),
    (["import", "json", "/nonexistent/file.json"], "does not exist"),
    (["framework", "import", "/nonexistent/file.json"], "does not exist"),
    (["add", "contact", "x" * 500], "too long"),
    (["frobnicate"], "invalid choice"),
    (["status", "--as-of", "0001-01-01"], "between 1950-01-01 and 2100-12-31"),
    (["status", "--as-of", "9999-12-31"], "between"),
    (["delete", "training", "99999999999999999999999"], "too large"),
    (["journal", "x", "--link", "training:99999999999999999999999"], "link"),
    (["restore", "/nonexistent/backup.sqlite3"], "backup.sqlite3"),
]


@pytest.mark.parametrize(("args", "message"), BAD_INPUTS)
def test_bad_input_exits_2_with_one_line_and_changes_nothing(capsys, data_dir, args, message):
    assert run(capsys, data_dir, "rate", "communication", "2")[0] == 0
    before = snapshot(data_dir)
    code, out, err = run(capsys, data_dir, *args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("po-tracker: error: ")
    assert message in err
    assert snapshot(data_dir) == before


def test_bad_input_on_a_new_folder_leaves_no_folder(capsys, data_dir):
    code, _, err = run(capsys, data_dir, "rate", "juggling", "3")
    assert code == 2 and "juggling" in err
    assert not data_dir.exists()


def test_export_refuses_to_overwrite_without_force(capsys, data_dir, tmp_path):
    target = tmp_path / "framework.json"
    assert run(capsys, data_dir, "framework", "export", str(target))[0] == 0
    first = target.read_bytes()
    code, _, err = run(capsys, data_dir, "framework", "export", str(target))
    assert code == 2 and "--force" in err
    assert target.read_bytes() == first
    assert target.stat().st_mode & 0o777 == 0o600


def test_framework_file_round_trip_and_validation(capsys, data_dir, tmp_path):
    target = tmp_path / "f.json"
    run(capsys, data_dir, "framework", "export", str(target))
    document = json.loads(target.read_text())
    document["stages"][0]["name"] = "Associate Product Owner"
    target.write_text(json.dumps(document))
    assert run(capsys, data_dir, "framework", "import", str(target))[0] == 0
    assert "Associate Product Owner" in run(capsys, data_dir, "list", "stages")[1]
    document["moves"].append({"from": "product-owner", "to": "astronaut"})
    target.write_text(json.dumps(document))
    code, _, err = run(capsys, data_dir, "framework", "import", str(target), "--dry-run")
    assert code == 2 and "astronaut" in err


def test_version_and_help_need_no_data(capsys, data_dir):
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert __version__ in capsys.readouterr().out
    assert not data_dir.exists()


def test_console_script_and_module_entry_points(tmp_path):
    # The script installed beside this interpreter, not whichever po-tracker PATH finds
    # first (another installation, the frozen app's link); both run this tree's package,
    # wherever the installed one points.
    executable = Path(sys.executable).with_name("po-tracker")
    assert executable.exists(), f"po-tracker is not installed beside {sys.executable}"
    root = Path(__file__).resolve().parent.parent
    # The script calls the function named when it was installed: an installation older
    # than the tree's entry point fails here with a line that says so, not a traceback.
    declared = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = declared["project"]["scripts"]["po-tracker"]
    installed = [point.value for point in entry_points(group="console_scripts", name="po-tracker")]
    assert installed == [wanted], f"installed po-tracker runs {installed}, not {wanted}: reinstall"
    tree = {**os.environ, "PYTHONPATH": str(root)}
    for command in ([str(executable)], [sys.executable, "-m", "po_tracker"]):
        result = subprocess.run(
            [*command, "--data-dir", str(tmp_path / "d"), "rate", "adaptability", "4"],
            capture_output=True,
            text=True,
            timeout=60,
            env=tree,
        )
        assert result.returncode == 0, result.stderr
        bad = subprocess.run(
            [*command, "--data-dir", str(tmp_path / "d"), "rate", "adaptability", "9"],
            capture_output=True,
            text=True,
            timeout=60,
            env=tree,
        )
        assert bad.returncode == 2 and bad.stderr.startswith("po-tracker: error: level")


def test_reading_a_new_folder_waits_for_the_lock_like_a_write(capsys, data_dir, monkeypatch):
    from po_tracker.services.storage.writer_lock import instance_lock

    data_dir.mkdir()
    monkeypatch.setattr("po_tracker.cli.command_line.LOCK_WAIT_S", 0.2)
    with instance_lock(data_dir, timeout_s=1):  # a window starting on this folder
        code, _, err = run(capsys, data_dir, "list", "trainings")
    assert code == 1 and "po-tracker: error:" in err
    assert list(data_dir.iterdir()) == []  # nothing created under the window


def _logbook_with_journal(capsys, data_dir, entries: int):
    run(capsys, data_dir, "rate", "communication", "3", "--date", "2025-01-10")
    for n in range(entries):
        run(capsys, data_dir, "journal", f"entry {n} " + "x" * 300, "--date", "2025-02-01")
    return data_dir / "po-tracker.sqlite3"


def _damage_table(path, table: str) -> None:
    """Overwrite the header of a table's root page, as a failing disk might."""
    import sqlite3

    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    page = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
    page = page.fetchone()[0]
    connection.close()
    data = bytearray(path.read_bytes())
    data[(page - 1) * 4096 : (page - 1) * 4096 + 12] = b"\xff" * 12
    path.write_bytes(bytes(data))


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_reads_leave_the_logbook_byte_for_byte(capsys, data_dir, tmp_path):
    path = _logbook_with_journal(capsys, data_dir, 3)
    before = digest(path)
    for args in (
        ("export", "chart", "radar", str(tmp_path / "r.png")),
        ("export", "chart", "activity", str(tmp_path / "a.png")),
        ("list", "journal"),
        ("status",),
        ("check",),
    ):
        code, _, err = run(capsys, data_dir, *args)
        assert (code, err) == (0, ""), args
        assert digest(path) == before, args


def test_a_damaged_logbook_is_refused_by_writes_and_named_by_reads(capsys, data_dir):
    path = _logbook_with_journal(capsys, data_dir, 60)
    _damage_table(path, "journal_entries")
    before = digest(path)
    # A write checks the whole file first and opens nothing.
    code, _, err = run(capsys, data_dir, "rate", "communication", "4")
    assert code == 1 and "damaged" in err and "changed nothing" in err
    # A read skips that check; when it fails on the file, it names the damage the same way.
    code, out, err = run(capsys, data_dir, "list", "journal")
    assert code == 1 and "damaged" in err and out == ""
    code, out, err = run(capsys, data_dir, "check")
    assert code == 1 and "problems" in out and "damaged" in err
    assert digest(path) == before


def test_a_logbook_with_a_damaged_header_is_named_not_a_traceback(capsys, data_dir):
    path = _logbook_with_journal(capsys, data_dir, 1)
    path.write_bytes(b"\x00" * 16 + path.read_bytes()[16:])
    before = digest(path)
    for args in (("list", "journal"), ("export", "chart", "radar", str(data_dir / "r.png"))):
        code, out, err = run(capsys, data_dir, *args)
        assert code == 1 and "damaged" in err and out == "", args
    assert digest(path) == before


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--demo"],
        ["--data-dir", "/tmp/logbook"],
        ["--data-dir=/tmp/logbook", "--demo"],
        ["--demo", "--data-dir", "add"],
        ["--data-dir", "a", "--data-dir", "b"],
    ],
)
def test_plain_window_starts_are_read_as_the_full_parser_reads_them(argv):
    from po_tracker.cli.parser import build_parser
    from po_tracker.cli.window_options import window_options

    fast, full = window_options(argv), build_parser().parse_args(argv)
    assert (fast.command, fast.data_dir, fast.demo) == (full.command, full.data_dir, full.demo)


@pytest.mark.parametrize(
    "argv",
    [
        ["add"],
        ["--help"],
        ["--data-dir"],
        ["--data-dir", "-x"],
        ["--data", "d"],
        ["--version"],
        ["--data-dir="],
        ["--data-dir", ""],
    ],
)
def test_anything_else_goes_to_the_full_parser(argv):
    from po_tracker.cli.window_options import window_options

    assert window_options(argv) is None


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir", ""],
        ["--data-dir="],
        ["--data-dir", " "],
        ["list", "journal", "--data-dir", ""],
        ["--data-dir", "", "status"],
    ],
)
def test_an_empty_data_dir_is_bad_input_not_the_default(capsys, argv, tmp_path, monkeypatch):
    monkeypatch.setenv("PO_TRACKER_DATA_DIR", str(tmp_path / "default"))
    monkeypatch.chdir(tmp_path)
    code = main(argv)
    _, err = capsys.readouterr()
    assert code == 2 and "--data-dir" in err and "must name a folder" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv", [["list", "training"], ["status"], ["add", "goal", "Lead"], []])
def test_a_blank_data_folder_variable_is_bad_input_too(capsys, argv, tmp_path, monkeypatch):
    """PO_TRACKER_DATA_DIR="  " would make a folder of spaces wherever the command runs,
    and the logbook would seem empty: refused, for the window too. An empty variable
    stays what shells mean by it: not set."""
    monkeypatch.setenv("PO_TRACKER_DATA_DIR", "   ")
    monkeypatch.chdir(tmp_path)
    code = main(argv)
    _, err = capsys.readouterr()
    assert code == 2 and err == (
        "po-tracker: error: PO_TRACKER_DATA_DIR holds only spaces; set it to a folder,"
        " or unset it to use the default one\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_an_unexpected_error_is_one_line_and_a_crash_report(capsys, data_dir, monkeypatch):
    from po_tracker.cli import reports

    run(capsys, data_dir, "journal", "kept", "--date", "2025-01-02")

    def broken(args, db):
        raise RuntimeError("the forced failure")

    monkeypatch.setattr(reports, "status", broken)
    code, out, err = run(capsys, data_dir, "status")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "RuntimeError: the forced failure" in err and "nothing was changed" in err
    (report,) = (data_dir / "crash-reports").iterdir()
    assert str(report) in err
    assert "the forced failure" in report.read_text() and "Traceback" in report.read_text()


def test_ctrl_c_before_the_commit_changes_nothing(capsys, data_dir, monkeypatch):
    from po_tracker.services.logbook import goals

    run(capsys, data_dir, "journal", "kept", "--date", "2025-01-02")
    before = digest(data_dir / "po-tracker.sqlite3")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(goals, "create", interrupted)
    code, _, err = run(capsys, data_dir, "add", "goal", "Lead a workshop")
    assert code == 130 and "interrupted: nothing was changed" in err
    assert digest(data_dir / "po-tracker.sqlite3") == before


def test_ctrl_c_after_the_commit_says_done(capsys, data_dir, monkeypatch):
    import builtins

    run(capsys, data_dir, "journal", "kept", "--date", "2025-01-02")
    real_print = builtins.print

    def interrupted_print(*args, **kwargs):
        if args and str(args[0]).startswith("Added"):
            raise KeyboardInterrupt
        return real_print(*args, **kwargs)

    monkeypatch.setattr(builtins, "print", interrupted_print)
    code, _, err = run(capsys, data_dir, "add", "goal", "Lead a workshop")
    monkeypatch.undo()
    assert code == 0 and "done" in err
    assert "Lead a workshop" in run(capsys, data_dir, "list", "goals")[1]


def _cli(*args, stdout=subprocess.PIPE):
    return subprocess.run(
        [sys.executable, "-m", "po_tracker", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_closed_pipe_exits_quietly(capsys, data_dir):
    from po_tracker.services.logbook import journal_entries as journal
    from po_tracker.services.storage.opening import open_logbook

    db = open_logbook(data_dir)
    with db.write() as session:
        for n in range(2000):  # far more than a pipe's buffer holds
            journal.create(session, journal.JournalInput(f"entry {n}", date(2025, 1, 1)))
    db.close()
    process = subprocess.Popen(
        [sys.executable, "-m", "po_tracker", "--data-dir", str(data_dir), "list", "journal"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.readline()
    process.stdout.close()  # as `| head -1` does
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0 and err == b""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_standard_output_tells_the_truth_about_the_data(data_dir):
    with open("/dev/full", "w") as full:
        added = _cli("--data-dir", str(data_dir), "journal", "kept", stdout=full)
    assert added.returncode == 0, "the entry was committed: a retry must not add it twice"
    assert "kept" in _cli("--data-dir", str(data_dir), "list", "journal").stdout
    with open("/dev/full", "w") as full:
        listed = subprocess.run(
            [sys.executable, "-m", "po_tracker", "--data-dir", str(data_dir), "list", "journal"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert listed.returncode == 1 and "could not print" in listed.stderr
    assert "Traceback" not in listed.stderr


def test_values_beginning_with_a_dash_are_taken_with_equals_or_after_double_dash(capsys, data_dir):
    code, _, err = run(
        capsys, data_dir, "add", "event", "Camp", "--type", "meetup", "--location=-x",
        "--note=-5 points", "--date", "2025-01-02",
    )  # fmt: skip
    assert code == 0, err
    assert run(capsys, data_dir, "add", "goal", "--", "-be kind")[0] == 0
    _, out, _ = run(capsys, data_dir, "list", "events", "--json")
    assert json.loads(out)[0]["location"] == "-x"
    _, out, _ = run(capsys, data_dir, "list", "goals", "--json")
    assert json.loads(out)[0]["text"] == "-be kind"
    code, _, err = run(capsys, data_dir, "add", "goal", "x", "--note", "-x")
    assert code == 2 and "--note=VALUE" in err


@pytest.mark.parametrize(
    ("argv", "qt"),
    [
        (["-style", "fusion"], ["-style", "fusion"]),
        (["--demo", "-platform", "offscreen"], ["-platform", "offscreen"]),
        (["-style=windows", "--data-dir", "d"], ["-style=windows"]),
    ],
)
def test_qts_own_window_options_are_passed_on_to_qt(argv, qt):
    from po_tracker.cli.window_options import window_options

    found = window_options(argv)
    assert found is not None and found.qt == qt


def test_lists_say_only_what_an_entry_has(capsys, data_dir):
    run(capsys, data_dir, "add", "contact", "Ann")
    run(capsys, data_dir, "add", "event", "Meetup", "--type", "meetup", "--met", "Bo")
    args = ("--type", "mentoring", "--mentoring", "received", "--met", "Bo", "--hours", "1")
    run(capsys, data_dir, "add", "event", "Career chat", *args)
    contacts = run(capsys, data_dir, "list", "contacts")[1].splitlines()
    # No ", 0" for a contact met nowhere, and "1 event" in the singular.
    assert contacts == ["#1  Ann", "#2  Bo, 2 events"]
    listed = run(capsys, data_dir, "list", "events")[1].splitlines()
    assert listed == [
        f"#2  Career chat, mentoring (received), {date.today()}, 1 h, met Bo",
        f"#1  Meetup, meetup, {date.today()}, met Bo",  # no hours: no "0.0"
    ]


def test_an_argument_that_cannot_be_used_is_named_on_one_line_escaped(capsys, data_dir):
    code, _, err = run(capsys, data_dir, "add", "certification", "-", "\n\x1b[31m")
    assert code == 2
    assert err == "po-tracker: error: unrecognized arguments: \\n\\x1b[31m\n"
