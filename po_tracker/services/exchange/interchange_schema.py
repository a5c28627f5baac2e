"""Checks an interchange document against ``export.schema.json`` (which reuses
``framework.schema.json``: each file's ``$id`` is its own file name, so every ``$ref``
names a file next to it), fast enough for 100,000 entries.

The ``jsonschema`` package takes about 120 microseconds per entry (12 s for 100,000), far
slower than the insert itself. The schema is compiled here once into plain closures for
the keywords it uses; any other keyword is refused at compile time, so the schema cannot
quietly grow a rule that is not enforced. The tests check that this validator and
``jsonschema`` agree on valid and broken documents.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
from collections.abc import Callable
from functools import cache

from ...resources import resource_path
from ..errors import FieldError, ValidationError
from ..limits import above, below, too_long, too_many
from .schema_words import FORMATS, pattern_in_words

SCHEMA_FILES = ("export.schema.json", "framework.schema.json")
MAX_ERRORS = 20
IGNORED = {"$schema", "$id", "$defs", "title", "description", "$comment", "default", "examples"}

Check = Callable[[object, tuple, list], None]


class _Enough(Exception):
    """Stops the walk once MAX_ERRORS are collected: a broken 100 MB file need not be
    walked to the end to say what is wrong with it."""


def _fail(errors: list, path: tuple, message: str) -> None:
    errors.append(FieldError(_where(path), message))
    if len(errors) >= MAX_ERRORS:
        raise _Enough


def _where(path: tuple) -> str:
    text = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)
    return text.lstrip(".") or "document"


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": _is_number,
    "integer": lambda v: _is_number(v) and (isinstance(v, int) or v.is_integer()),
}


def _type_name(value) -> str:
    for name in ("null", "boolean", "integer", "number", "string", "array", "object"):
        if TYPES[name](value):
            return name
    return type(value).__name__


class _Compiler:
    def __init__(self, documents: dict[str, dict]):
        self.documents = documents
        self.compiled: dict[tuple[str, str], Check] = {}

    def ref(self, base: str, ref: str) -> Check:
        target, _, pointer = ref.partition("#")
        key = (target or base, pointer)
        if key in self.compiled:
            return self.compiled[key]
        # A forwarder while compiling, so a schema that refers to itself still compiles;
        # the finished check replaces it for every later reference.
        cell: list[Check] = []
        self.compiled[key] = lambda v, p, e: cell[0](v, p, e)
        node = self.documents[key[0]]
        for part in filter(None, pointer.split("/")):
            node = node[part]
        cell.append(self.node(key[0], node))
        self.compiled[key] = cell[0]
        return cell[0]

    def node(self, base: str, schema: dict) -> Check:
        checks = []
        for keyword, value in schema.items():
            if keyword in IGNORED or (keyword == "properties" and "additionalProperties" in schema):
                continue
            build = getattr(self, "kw_" + keyword.lstrip("$"), None)
            if build is None:
                raise ValueError(f"schema keyword {keyword!r} is not supported here")
            checks.append(build(base, value, schema))
        checks = [c for c in checks if c is not None]
        if len(checks) == 1:
            return checks[0]

        def check(value, path, errors):
            for one in checks:
                one(value, path, errors)

        return check

    def kw_ref(self, base, ref, _schema):
        return self.ref(base, ref)

    def kw_type(self, _base, names, _schema):
        names = [names] if isinstance(names, str) else names
        wanted = " or ".join(names)
        if len(names) == 1:
            test = TYPES[names[0]]
        else:
            tests = [TYPES[n] for n in names]

            def test(value):
                return any(one(value) for one in tests)

        def check(value, path, errors):
            if not test(value):
                _fail(errors, path, f"must be {wanted}, not {_type_name(value)}")

        return check

    def kw_const(self, _base, const, _schema):
        return self.kw_enum(_base, [const], _schema)

    def kw_enum(self, _base, options, _schema):
        allowed = {json.dumps(o) for o in options}
        listing = ", ".join(json.dumps(o) for o in options)
        # Strings and null compare by plain equality: no JSON encoding per value.
        simple = set(options) if all(o is None or isinstance(o, str) for o in options) else None

        def check(value, path, errors):
            if simple is not None and (value is None or isinstance(value, str)):
                ok = value in simple
            else:
                ok = _canonical(value) in allowed
            if not ok:
                _fail(errors, path, f"must be one of {listing} (got {_short(value)})")

        return check

    def kw_anyOf(self, base, options, _schema):
        branches = [self.node(base, option) for option in options]

        def check(value, path, errors):
            results = []
            for branch in branches:
                found = _run(branch, value, path)
                if not found:
                    return
                results.append(found)
            # "must be null" rarely helps: report the branch that names the real problem.
            useful = [r for r in results if not r[0].message.startswith("must be null")]
            for error in (useful or results)[0][:3]:
                _fail(errors, path, error.message)

        return check

    def kw_format(self, _base, name, _schema):
        # Asserted, as a validator with format checking on does: "2025-02-30" matches the
        # date pattern but is no date, and the app refuses it too.
        if name not in FORMATS:
            raise ValueError(f"schema format {name!r} is not supported here")
        test, message = FORMATS[name]
        return _string(lambda v: not test(v), message, show=True)

    def kw_minLength(self, _base, limit, _schema):
        return _string(lambda v: len(v) < limit, f"must not be shorter than {limit} characters")

    def kw_maxLength(self, _base, limit, _schema):
        def check(value, path, errors):
            if isinstance(value, str) and len(value) > limit:
                _fail(errors, path, too_long(len(value), limit))

        return check

    def kw_pattern(self, _base, pattern, _schema):
        regex = re.compile(pattern)
        return _string(lambda v: not regex.search(v), pattern_in_words(pattern), show=True)

    def kw_minimum(self, _base, limit, _schema):
        return _number(lambda v: v < limit, lambda v: below(limit, v))

    def kw_maximum(self, _base, limit, _schema):
        return _number(lambda v: v > limit, lambda v: above(limit, v))

    def kw_minItems(self, _base, limit, _schema):
        return _array(lambda v: len(v) < limit, f"must have at least {limit} items")

    def kw_maxItems(self, _base, limit, _schema):
        def check(value, path, errors):
            if isinstance(value, list) and len(value) > limit:
                _fail(errors, path, too_many(len(value), limit))

        return check

    def kw_uniqueItems(self, _base, unique, _schema):
        if not unique:
            return None
        return _array(
            lambda v: len({_canonical(item) for item in v}) != len(v), "has the same item twice"
        )

    def kw_maxProperties(self, _base, limit, _schema):
        def check(value, path, errors):
            if isinstance(value, dict) and len(value) > limit:
                _fail(errors, path, f"must have at most {limit} entries")

        return check

    def kw_required(self, _base, names, _schema):
        def check(value, path, errors):
            if isinstance(value, dict):
                for name in names:
                    if name not in value:
                        _fail(errors, path, f"is missing the required field {name!r}")

        return check

    def kw_properties(self, base, properties, _schema):
        compiled = {name: self.node(base, sub) for name, sub in properties.items()}

        def check(value, path, errors):
            if isinstance(value, dict):
                for name, sub in value.items():
                    child = compiled.get(name)
                    if child is not None:
                        child(sub, (*path, name), errors)

        return check

    def kw_additionalProperties(self, base, extra, schema):
        # One pass over the object's fields does both keywords.
        known = {name: self.node(base, sub) for name, sub in schema.get("properties", {}).items()}
        other = None if extra is False else self.node(base, extra)

        def check(value, path, errors):
            if not isinstance(value, dict):
                return
            for name, item in value.items():
                sub = known.get(name, other)
                if sub is not None:
                    sub(item, (*path, name), errors)
                elif name not in known:
                    _fail(errors, path, f"has an unknown field {_short(name)}")

        return check

    def kw_propertyNames(self, base, names_schema, _schema):
        sub = self.node(base, names_schema)

        def check(value, path, errors):
            if isinstance(value, dict):
                for name in value:
                    sub(name, (*path, name), errors)

        return check

    def kw_items(self, base, items, _schema):
        sub = self.node(base, items)

        def check(value, path, errors):
            if isinstance(value, list):
                for index, item in enumerate(value):
                    sub(item, (*path, index), errors)

        return check


def _run(check: Check, value, path) -> list:
    found: list = []
    with contextlib.suppress(_Enough):
        check(value, path, found)
    return found


def _string(test, message, show=False):
    def check(value, path, errors):
        if isinstance(value, str) and test(value):
            _fail(errors, path, f"{message} (got {_short(value)})" if show else message)

    return check


def _number(test, message):
    def check(value, path, errors):
        if _is_number(value):
            if not math.isfinite(value):
                _fail(errors, path, "must be a finite number")
            elif test(value):
                _fail(errors, path, message(value))

    return check


def _array(test, message):
    def check(value, path, errors):
        if isinstance(value, list) and test(value):
            _fail(errors, path, message)

    return check


def _canonical(value) -> str:
    # JSON equality: 1 == 1.0, but true is not 1.
    if _is_number(value) and float(value).is_integer() and math.isfinite(value):
        value = int(value)
    return json.dumps(value, sort_keys=True)


def _short(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


@cache
def _compiler() -> _Compiler:
    documents = {}
    for name in SCHEMA_FILES:
        schema = json.loads(resource_path("schema", name).read_text(encoding="utf-8"))
        documents[schema["$id"]] = schema  # each schema's $id is its file's name
    return _Compiler(documents)


@cache
def _validator(root: str = "export.schema.json") -> Check:
    return _compiler().ref(root, "")


def schema_errors(document, root: str = "export.schema.json") -> list[FieldError]:
    errors: list[FieldError] = []
    with contextlib.suppress(_Enough):
        _validator(root)(document, (), errors)
    return errors


def check_framework_schema(document, what: str = "framework") -> None:
    """A framework file against ``framework.schema.json``, in the same words as an
    export; each place is named under ``what``."""
    errors = schema_errors(document, "framework.schema.json")
    if errors:
        raise ValidationError(
            [
                FieldError(what if e.field == "document" else f"{what}.{e.field}", e.message)
                for e in errors
            ]
        )


def head_errors(head) -> list[FieldError]:
    """The document without its lists of entries against the schema (the lists are
    checked an entry at a time, by ``entry_errors``, as the file is read)."""
    return schema_errors(head)


def entry_errors(key: str, position: int, entry, errors: list[FieldError]) -> bool:
    """Add what is wrong with one entry of a list to ``errors``; True once there are
    enough to stop. Past the most entries a list may hold, stops at once."""
    limit = _list_schema(key)["maxItems"]
    if position >= limit:
        errors.append(FieldError(key, f"has more items than a list may hold (at most {limit})"))
        return True
    with contextlib.suppress(_Enough):
        _validator_at(f"#/properties/{key}/items")(entry, (key, position), errors)
        return False
    return True


def _list_schema(key: str) -> dict:
    return _compiler().documents[SCHEMA_FILES[0]]["properties"][key]


@cache
def _validator_at(pointer: str) -> Check:
    return _compiler().ref(SCHEMA_FILES[0], pointer)
