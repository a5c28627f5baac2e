"""The command line's grammar. Values are parsed here into Python types; the services
then check them with the same rules as the window."""

from __future__ import annotations

import argparse
import re

from .. import __version__
from ..app_errors import AppError
from .attach_files import add_attach_options
from .entry_options import add_options, edit_options
from .output import printable
from .values import data_folder, iso_date, number, whole_number

LIST_KINDS = {
    "certifications": "certification",
    "trainings": "training",
    "events": "event",
    "contacts": "contact",
    "ratings": "rating",
    "experience": "experience",
    "journal": "journal",
    "goals": "goal",
    "wins": "win",
    "feedback": "feedback",
    "skills": "skill",
    "stages": "stage",
    "credentials": "credential",
}


class UsageError(AppError):
    """A command-line argument that cannot be parsed; exit status 2."""


class Parser(argparse.ArgumentParser):
    """Reports a bad argument in one line on stderr (exit 2) instead of the usage text."""

    def error(self, message: str):
        missing = re.fullmatch(r"argument (--[a-z-]+)(?:/[^:]*)?: expected one argument", message)
        if missing:
            option = missing.group(1)
            message += f" (a value that begins with '-' is written {option}=VALUE)"
        # argparse quotes the arguments it could not use as they were typed: a newline
        # or an escape sequence among them is shown escaped, on the message's one line.
        raise UsageError(printable(message))


DATA_DIR_HELP = "where your data lives (default: $PO_TRACKER_DATA_DIR, else your user data folder)"


def _leaf(subparsers, name: str, **kwargs) -> Parser:
    """A command that runs; it takes --data-dir after its name as well as before."""
    parser = subparsers.add_parser(name, **kwargs)
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=data_folder,
        default=argparse.SUPPRESS,
        help=DATA_DIR_HELP,
    )
    return parser


ADD_HELP = {
    "certification": "a certification earned, in progress or planned",
    "training": "a course, workshop, book, webinar or self-study",
    "event": "a meetup, conference, workshop, forum, webinar, mentoring",
    "experience": "a stretch of product work",
    "goal": "a goal of the development plan",
    "contact": "a person in your network",
    "win": "something you did and what came of it",
    "feedback": "what someone said about your work",
}
EDITABLE = (*ADD_HELP, "rating", "journal")


def _add_parsers(commands) -> None:
    add = commands.add_parser("add", help="log an entry").add_subparsers(
        dest="kind", required=True, metavar="KIND", parser_class=Parser
    )
    for kind, help_text in ADD_HELP.items():
        p = _leaf(add, kind, help=help_text)
        add_options(p, kind)
        add_attach_options(p, kind, edit=False)
    edit = commands.add_parser(
        "edit", help="change fields of an entry (the options of add, only those given)"
    ).add_subparsers(dest="kind", required=True, metavar="KIND", parser_class=Parser)
    for kind in EDITABLE:
        p = _leaf(edit, kind, help=f"change a {kind}: only the options given change")
        p.add_argument("id", type=whole_number, metavar="ID")
        edit_options(p, kind)
        add_attach_options(p, kind, edit=True)


def _other_parsers(commands) -> None:
    add_options(_leaf(commands, "rate", help="rate a skill from 1 to 5"), "rating")
    add_options(_leaf(commands, "journal", help="write a journal entry"), "journal")

    p = _leaf(commands, "renew", help="log the renewal of a held certification")
    p.add_argument("credential", metavar="CREDENTIAL", help="e.g. CSPO; renews its whole group")
    p.add_argument("--date", type=iso_date, metavar="DATE", help="the renewal day; default: today")
    p.add_argument(
        "--fee", metavar="FEE", help='the fee paid, e.g. "USD 100" (default: the known fee)'
    )

    p = _leaf(commands, "stage", help="show or set your current and target stage")
    p.add_argument("--current", metavar="STAGE")
    p.add_argument("--target", metavar="STAGE")

    p = _leaf(commands, "delete", help="delete an entry")
    p.add_argument(
        "kind", choices=sorted(set(LIST_KINDS.values()) - {"skill", "stage", "credential"})
    )
    p.add_argument("id", type=whole_number)

    p = _leaf(commands, "list", help="list the entries of one log")
    p.add_argument("kind", metavar="KIND", help=", ".join(LIST_KINDS))
    p.add_argument("--json", action="store_true")

    p = _leaf(commands, "search", help="full-text search across every log")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=whole_number, default=20)

    p = _leaf(commands, "status", help="where you stand toward your target stage")
    p.add_argument("--json", action="store_true")
    p.add_argument("--as-of", type=iso_date, metavar="DATE", help="default: today")

    _exchange_parsers(commands)
    _data_parsers(commands)

    sub = commands.add_parser("framework", help="export or load a career framework").add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=Parser
    )
    p = _leaf(sub, "export", help="write the framework as a standalone JSON file")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p = _leaf(sub, "import", help="make a framework JSON file your framework")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="validate, change nothing")


def _exchange_parsers(commands) -> None:
    force_help = "replace an existing file"
    export = commands.add_parser("export", help="write your data to files").add_subparsers(
        dest="exchange_format", required=True, metavar="FORMAT", parser_class=Parser
    )
    p = _leaf(export, "json", help="everything, in the versioned JSON interchange format")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--force", action="store_true", help=force_help)
    p = _leaf(export, "csv", help="one spreadsheet-safe CSV file per log")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--force", action="store_true", help="replace existing files")
    p = _leaf(export, "ics", help="renewal deadlines, goal dates and follow-ups (iCalendar)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--force", action="store_true", help=force_help)
    _chart_parsers(export)
    _document_parsers(export)

    imports = commands.add_parser("import", help="read entries from a file").add_subparsers(
        dest="exchange_format", required=True, metavar="FORMAT", parser_class=Parser
    )
    p = _leaf(imports, "json", help="a JSON interchange file (all or nothing)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="report, change nothing")
    p = _leaf(imports, "csv", help="one log's CSV file (all or nothing)")
    p.add_argument("kind", metavar="KIND", help=", ".join(LIST_KINDS))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="report, change nothing")


def _chart_parsers(export) -> None:
    """``export chart`` and ``export report`` (handled in ``chart_commands``)."""
    p = _leaf(export, "chart", help="one chart as PNG, SVG or PDF (see --list)")
    p.add_argument("name", metavar="NAME", nargs="?", help="the chart, from --list")
    p.add_argument("file", metavar="FILE", nargs="?", help="ends in .png, .svg or .pdf")
    p.add_argument("--list", action="store_true", dest="list_charts", help="list the charts")
    p.add_argument("--width", type=number, metavar="INCHES", help="default: 10")
    p.add_argument("--height", type=number, metavar="INCHES", help="default: 6")
    _picture_options(p)
    p = _leaf(export, "report", help="the one-page progress report for a review (PDF)")
    p.add_argument("file", metavar="FILE", help="ends in .pdf (or .png, .svg)")
    _picture_options(p)


def _document_parsers(export) -> None:
    """``export case`` and ``export review`` (handled in ``document_commands``)."""
    p = _leaf(export, "case", help="your promotion case: Markdown, PDF or Word (.md .pdf .docx)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--stage", metavar="STAGE", help="default: your target stage")
    p.add_argument("--since", type=iso_date, metavar="DATE", help="evidence from this day on")
    p.add_argument("--as-of", type=iso_date, metavar="DATE", help="default: today")
    _document_options(p)
    p = _leaf(export, "review", help="what happened in a period, for a review (.md or .pdf)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--since", type=iso_date, metavar="DATE", required=True)
    p.add_argument("--until", type=iso_date, metavar="DATE", help="default: today")
    _document_options(p)


def _document_options(p) -> None:
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="for a PDF (a4)")
    p.add_argument("--force", action="store_true", help="replace an existing file")


def _picture_options(p) -> None:
    p.add_argument("--dpi", type=number, metavar="N", help="dots per inch, 10 to 1200 (150)")
    p.add_argument("--as-of", type=iso_date, metavar="DATE", help="default: today")
    p.add_argument("--force", action="store_true", help="replace an existing file")


def _data_parsers(commands) -> None:
    p = _leaf(commands, "backup", help="take a verified backup of your logbook now")
    p.add_argument(
        "file", metavar="FILE", nargs="?", help="where to write it (default: the backups folder)"
    )
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p = _leaf(commands, "restore", help="go back to a backup; the current file is kept")
    p.add_argument("file", metavar="FILE")
    p = _leaf(commands, "check", help="run the full integrity check of your logbook")
    p.add_argument(
        "--repair",
        action="store_true",
        help="rebuild what can be rebuilt (the search index), after a backup",
    )


def build_parser() -> Parser:
    parser = Parser(
        prog="po-tracker",
        description="Your private career log as a Product Owner. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"po-tracker {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", type=data_folder, help=DATA_DIR_HELP)
    parser.add_argument(
        "--self-test", action="store_true", help="check that this installation works, then exit"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window on a sample profile in a temporary folder",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    _add_parsers(commands)
    _other_parsers(commands)
    return parser
