"""Validates documents against the JSON Schemas shipped in ``resources/schema``."""

from __future__ import annotations

import json
from functools import cache

from ...resources import resource_path
from ..errors import FieldError, ValidationError

MAX_ERRORS = 5


@cache
def _validator(name: str):
    from jsonschema import Draft202012Validator

    schema = json.loads(resource_path("schema", name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def check_document(name: str, document, what: str) -> None:
    """Raise ``ValidationError`` naming where in the document each problem is."""
    errors = sorted(_validator(name).iter_errors(document), key=lambda e: list(e.absolute_path))
    if errors:
        raise ValidationError(
            [
                FieldError(
                    what
                    + "".join(
                        f"[{p!r}]" if isinstance(p, str) else f"[{p}]" for p in error.absolute_path
                    ),
                    error.message if len(error.message) < 300 else error.message[:300] + "...",
                )
                for error in errors[:MAX_ERRORS]
            ]
        )
