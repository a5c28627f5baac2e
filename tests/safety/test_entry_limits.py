"""What the command line accepts, the app can always read back (issue 12, point 6).

Every limit `import json` enforces is enforced at entry too, from the one table in
``po_tracker.services.limits``: a value just past a limit is refused by `add` and by
`import`, in the same words, and changes nothing. And whatever `add` accepts, `export
json` then `import json` into an empty folder reads back identically."""

from __future__ import annotations

import json
import shutil

import pytest
from cli_run import run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safety_helpers import folder_hashes

from po_tracker.services import limits
from po_tracker.services.limits import above, below, too_long, too_many
from po_tracker.services.storage.opening import open_logbook

DAY = "2025-01-01"


def document(key: str, entry: dict) -> dict:
    return {"format": "po-tracker-export", "version": 2, key: [{"ref": 1, **entry}]}


def _training(**values):
    return {"title": "Course", "start_date": DAY, "hours": 1, **values}


def _journal(**values):
    return {"entry_date": DAY, "body": "Notes", **values}


LONG_TAG = "x" * (limits.MAX_TAG + 1)
# Lower case makes it longer: "İ" is two characters in lower case.
GROWING_TAG = "İ" * (limits.MAX_TAG // 2 + 1)
TAGS = [f"t{n}" for n in range(limits.MAX_TAGS + 1)]
SKILLS = [f"skill-{n}" for n in range(limits.MAX_SKILLS_PER_TRAINING + 1)]
PEOPLE = [f"Person {n}" for n in range(limits.MAX_CONTACTS_PER_EVENT + 1)]
URL = "https://example.com/" + "a" * limits.MAX_URL

# (what is past the limit, the words, `add` arguments, the same value in an import file)
CASES = {
    "title length": (
        too_long(limits.MAX_TITLE + 1, limits.MAX_TITLE),
        ["add", "training", "T" * (limits.MAX_TITLE + 1), "--hours", "1", "--date", DAY],
        document("trainings", _training(title="T" * (limits.MAX_TITLE + 1))),
    ),
    "hours above": (
        above(limits.MAX_HOURS, limits.MAX_HOURS + 1),
        ["add", "training", "Course", f"--hours={limits.MAX_HOURS + 1}", "--date", DAY],
        document("trainings", _training(hours=limits.MAX_HOURS + 1)),
    ),
    "hours negative": (
        below(0, -1),
        ["add", "training", "Course", "--hours=-1", "--date", DAY],
        document("trainings", _training(hours=-1)),
    ),
    "cost": (
        above(limits.MAX_MONEY, limits.MAX_MONEY + 1),
        [
            "add",
            "training",
            "Course",
            "--hours",
            "1",
            "--date",
            DAY,
            f"--cost={limits.MAX_MONEY + 1}",
            "--currency",
            "EUR",
        ],
        document("trainings", _training(cost_amount=limits.MAX_MONEY + 1, cost_currency="EUR")),
    ),
    "skills per training": (
        too_many(len(SKILLS), limits.MAX_SKILLS_PER_TRAINING),
        ["add", "training", "Course", "--hours", "1", "--date", DAY]
        + [f"--skill={s}" for s in SKILLS],
        document("trainings", _training(skills=SKILLS)),
    ),
    "contact name": (
        too_long(limits.MAX_NAME + 1, limits.MAX_NAME),
        ["add", "contact", "N" * (limits.MAX_NAME + 1)],
        document("contacts", {"name": "N" * (limits.MAX_NAME + 1)}),
    ),
    "people met": (
        too_many(len(PEOPLE), limits.MAX_CONTACTS_PER_EVENT),
        ["add", "event", "Camp", "--type", "meetup", "--date", DAY]
        + [f"--met={p}" for p in PEOPLE],
        document(
            "events",
            {
                "title": "Camp",
                "event_type": "meetup",
                "event_date": DAY,
                "contacts": list(range(1, len(PEOPLE) + 1)),
            },
        ),
    ),
    "goal text": (
        too_long(limits.MAX_GOAL_TEXT + 1, limits.MAX_GOAL_TEXT),
        ["add", "goal", "G" * (limits.MAX_GOAL_TEXT + 1)],
        document("goals", {"text": "G" * (limits.MAX_GOAL_TEXT + 1)}),
    ),
    "sprints": (
        above(limits.MAX_COUNT, limits.MAX_COUNT + 1),
        ["add", "experience", "PO", "--start", DAY, f"--sprints={limits.MAX_COUNT + 1}"],
        document("experience", {"role": "PO", "start_date": DAY, "sprints": limits.MAX_COUNT + 1}),
    ),
    "verification url": (
        too_long(len(URL), limits.MAX_URL),
        ["add", "certification", "My course", "--custom", "--earned", DAY, f"--url={URL}"],
        document(
            "certifications",
            {"custom_name": "My course", "earned_on": DAY, "verification_url": URL},
        ),
    ),
    "journal body": (
        too_long(limits.MAX_BODY + 1, limits.MAX_BODY),
        ["journal", "B" * (limits.MAX_BODY + 1), "--date", DAY],
        document("journal", _journal(body="B" * (limits.MAX_BODY + 1))),
    ),
    "tags per entry": (
        too_many(len(TAGS), limits.MAX_TAGS),
        ["journal", "Notes", "--date", DAY] + [f"--tag={t}" for t in TAGS],
        document("journal", _journal(tags=TAGS)),
    ),
    "tag length": (
        too_long(len(LONG_TAG), limits.MAX_TAG),
        ["journal", "Notes", "--date", DAY, f"--tag={LONG_TAG}"],
        document("journal", _journal(tags=[LONG_TAG])),
    ),
    "tag longer in lower case": (
        too_long(len(GROWING_TAG.lower()), limits.MAX_TAG),
        ["journal", "Notes", "--date", DAY, f"--tag={GROWING_TAG}"],
        document("journal", _journal(tags=[GROWING_TAG])),
    ),
    "rating level": (
        above(5, 6),
        ["rate", "stakeholder management", "6", "--date", DAY],
        document("ratings", {"skill": "stakeholder-management", "level": 6, "rated_on": DAY}),
    ),
    "date range": (
        "must be between 1950-01-01 and 2100-12-31 (got 1949-12-31)",
        ["journal", "Notes", "--date", "1949-12-31"],
        document("journal", _journal(entry_date="1949-12-31")),
    ),
}


@pytest.fixture(scope="module")
def empty_logbook(tmp_path_factory):
    """An empty logbook, made once and copied: making one runs every migration."""
    folder = tmp_path_factory.mktemp("template") / "data"
    open_logbook(folder).close()
    return folder


def fresh(empty_logbook, path):
    shutil.copytree(empty_logbook, path)
    return path


@pytest.mark.parametrize("case", CASES)
def test_entry_and_import_refuse_the_same_value_in_the_same_words(
    capsys, tmp_path, empty_logbook, case
):
    words, add_args, doc = CASES[case]
    entry = fresh(empty_logbook, tmp_path / "entry")
    before = folder_hashes(entry)
    code, _, err = run(capsys, entry, *add_args)
    assert code == 2 and err.count("\n") == 1, err
    assert f": {words}" in err, err
    assert folder_hashes(entry) == before

    target = fresh(empty_logbook, tmp_path / "import")
    path = tmp_path / "file.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    before = folder_hashes(target)
    code, _, err = run(capsys, target, "import", "json", str(path))
    assert code == 2, err
    assert f": {words}" in err, err
    assert folder_hashes(target) == before


def test_a_certification_keeps_at_most_the_renewals_an_export_holds(
    capsys, tmp_path, empty_logbook, monkeypatch
):
    """The limit is lowered to 2 here: a thousand renewals take a thousand commands."""
    from po_tracker.services.logbook import certification_renewal

    monkeypatch.setattr(certification_renewal, "MAX_RENEWALS", 2)
    data = fresh(empty_logbook, tmp_path / "data")
    assert run(capsys, data, "add", "certification", "CSPO", "--earned", "2020-01-10")[0] == 0
    for day in ("2021-12-01", "2023-12-01"):
        code, out, err = run(capsys, data, "renew", "CSPO", "--date", day)
        assert code == 0, err
    before = folder_hashes(data)
    code, _, err = run(capsys, data, "renew", "CSPO", "--date", "2025-12-01")
    assert code == 2 and f"renewals: {too_many(3, 2)}" in err, err
    assert folder_hashes(data) == before


# --- whatever the command line accepts reads back identically ------------------------------

_TEXT = st.one_of(
    st.text(max_size=12),
    st.text(
        alphabet="aİ#- \t\n\x85é", min_size=limits.MAX_TITLE - 3, max_size=limits.MAX_TITLE + 3
    ),
)
_NUMBER = st.one_of(
    st.integers(-2, limits.MAX_HOURS + 2).map(str),
    st.floats(0, limits.MAX_HOURS * 1.001, allow_nan=False).map(lambda f: f"{f:.3f}"),
    st.sampled_from(["1e3", "nan", "1_0", "0x10", "٣", "10000.0001", ".5", "+3"]),
)
_TAGS = st.lists(
    st.one_of(
        st.text(max_size=6),
        st.text(alphabet="İx#", min_size=limits.MAX_TAG // 2 - 1, max_size=limits.MAX_TAG + 2),
    ),
    max_size=4,
)


def _adds(draw) -> list[list[str]]:
    commands = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["training", "journal", "contact", "event", "goal"]))
        text = draw(_TEXT)
        if kind == "training":
            command = ["add", "training", f"--hours={draw(_NUMBER)}", f"--provider={draw(_TEXT)}"]
        elif kind == "journal":
            command = ["journal", f"--title={draw(_TEXT)}"]
            command += [f"--tag={tag}" for tag in draw(_TAGS)]
        elif kind == "event":
            command = ["add", "event", "--type=meetup", f"--hours={draw(_NUMBER)}"]
            command += [f"--met={name}" for name in draw(st.lists(_TEXT, max_size=3))]
        else:
            command = ["add", kind]
        when = f"--date={DAY}" if kind != "contact" else "--role=x"
        commands.append([*command, when, "--", text])
    return commands


def _exported(capsys, data, path) -> dict:
    code, _, err = run(capsys, data, "export", "json", str(path))
    assert code == 0, err
    document_ = json.loads(path.read_text(encoding="utf-8"))
    document_.pop("exported_at")
    return document_


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_whatever_the_command_line_accepts_exports_and_imports_back_identically(
    capsys, tmp_path_factory, empty_logbook, data
):
    tmp = tmp_path_factory.mktemp("round")
    source = fresh(empty_logbook, tmp / "source")
    accepted = 0
    for command in _adds(data.draw):
        before = folder_hashes(source)
        code, _, err = run(capsys, source, *command)
        assert code in (0, 2), (command, err)
        assert "Traceback" not in err
        if code == 2:
            assert err.count("\n") == 1 and folder_hashes(source) == before, (command, err)
        accepted += code == 0
    if not accepted:
        return
    exported = _exported(capsys, source, tmp / "export.json")
    target = fresh(empty_logbook, tmp / "target")
    code, _, err = run(capsys, target, "import", "json", str(tmp / "export.json"))
    assert code == 0, err
    assert _exported(capsys, target, tmp / "again.json") == exported


def test_the_framework_editor_holds_no_more_skills_than_a_framework_file(
    capsys, tmp_path, empty_logbook
):
    from po_tracker.services.errors import ValidationError
    from po_tracker.services.framework import document as framework_io
    from po_tracker.services.framework import edit as framework_edit

    limit = limits.MAX_FRAMEWORK_ITEMS["skill"]
    data = fresh(empty_logbook, tmp_path / "data")
    database = open_logbook(data)
    try:
        with database.write() as session:
            held = len(framework_io.default_document()["skills"])
            for n in range(limit - held):
                framework_edit.add_skill(session, f"Skill {n}")
        with pytest.raises(ValidationError) as refused, database.write() as session:
            framework_edit.add_skill(session, "One too many")
    finally:
        database.close()
    assert f"skills: {too_many(limit + 1, limit)}" in str(refused.value)

    document = framework_io.default_document()
    document["skills"] += [
        {"slug": f"extra-{n}", "name": f"Extra {n}"} for n in range(limit + 1 - held)
    ]
    path = tmp_path / "framework.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    target = fresh(empty_logbook, tmp_path / "import")
    before = folder_hashes(target)
    code, _, err = run(capsys, target, "framework", "import", str(path))
    assert code == 2 and too_many(limit + 1, limit) in err, err
    assert folder_hashes(target) == before


# --- no log holds more entries than an export may ------------------------------------------


def test_no_log_grows_past_the_entries_an_export_holds(
    capsys, tmp_path, empty_logbook, monkeypatch
):
    """The limit (a million, the schema's maxItems) is lowered to 2 through the limits
    table: `add`, a contact met at an event, and an import each refuse the entry that
    would pass it, in the words an import of too long a list uses, and change nothing."""
    monkeypatch.setattr(limits, "MAX_ENTRIES_PER_LOG", 2)
    data = fresh(empty_logbook, tmp_path / "data")
    for title in ("One", "Two"):
        assert run(capsys, data, "add", "training", title, "--hours", "1", "--date", DAY)[0] == 0
    before = folder_hashes(data)
    code, _, err = run(capsys, data, "add", "training", "Three", "--hours", "1", "--date", DAY)
    assert code == 2 and err == f"po-tracker: error: trainings: {too_many(3, 2)}\n", err
    assert folder_hashes(data) == before

    met = ["add", "event", "Meetup", "--type", "meetup", "--date", DAY]
    assert run(capsys, data, *met, "--met", "Ann", "--met", "Bob")[0] == 0
    before = folder_hashes(data)
    code, _, err = run(capsys, data, *met, "--met", "Cy")
    assert code == 2 and f"contacts: {too_many(3, 2)}" in err, err
    assert folder_hashes(data) == before

    path = tmp_path / "file.json"
    path.write_text(json.dumps(document("trainings", _training(title="Four"))), encoding="utf-8")
    code, _, err = run(capsys, data, "import", "json", str(path))
    assert code == 2 and f"trainings: {too_many(3, 2)}" in err, err
    assert folder_hashes(data) == before
