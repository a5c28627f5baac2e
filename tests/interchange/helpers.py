"""Fresh logbooks (copies of the session's template) and the document helpers the
interchange tests share."""

from __future__ import annotations

import copy
import json
import tempfile
from functools import cache
from pathlib import Path

from logbook_template import copy_logbook

from po_tracker.services.exchange import interchange


def fresh_logbook(folder: Path | None = None):
    """An empty, seeded logbook in a new folder, for tests (hypothesis examples among
    them) that need more than the one the ``db`` fixture gives."""
    return copy_logbook(folder or Path(tempfile.mkdtemp(prefix="po-test-")))


@cache
def _base() -> dict:
    database = fresh_logbook()
    with database.read() as session:
        document = interchange.export_document(session)
    database.close()
    return document


def base_document() -> dict:
    """The export of an empty logbook: default framework, default profile, no entries."""
    return copy.deepcopy(_base())


def snapshot(database) -> dict:
    with database.read() as session:
        document = interchange.export_document(session)
    document.pop("exported_at")
    return document


def write_json(path: Path, document) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def shipped_schema_validator(name: str = "export.schema.json"):
    """jsonschema on the schema files exactly as shipped, with nothing registered by
    hand: every $ref is fetched as the file of that name in the schema folder (what a
    validator pointed at the folder does), and formats are asserted."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.exceptions import NoSuchResource

    from po_tracker.resources import resource_path

    folder = resource_path("schema", name).parent

    def retrieve(uri: str):
        path = folder / uri
        if "/" in uri or not path.is_file():
            raise NoSuchResource(ref=uri)
        return Resource.from_contents(json.loads(path.read_text(encoding="utf-8")))

    schema = json.loads((folder / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(
        schema,
        registry=Registry(retrieve=retrieve),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
