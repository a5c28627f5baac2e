"""Reading a JSON file the user hands us, whatever is in it: every way it can be wrong
becomes a ``ValidationError`` that says what is wrong, before anything is written."""

from __future__ import annotations

import json
from pathlib import Path

from .errors import ValidationError

MAX_BYTES = 200 * 1024 * 1024
MAX_DEPTH = 32


def _depth_ok(text: str) -> bool:
    """Reject pathologically nested input before json.loads recurses into it."""
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return False
        elif char in "]}":
            depth -= 1
    return True


def read_json_file(path: Path, what: str = "file", max_bytes: int = MAX_BYTES):
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ValidationError.single(what, f"{path} is not a file")
        if size > max_bytes:
            raise ValidationError.single(
                what, f"{path} is {size / 1e6:.0f} MB; the limit is {max_bytes / 1e6:.0f} MB"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError.single(what, f"{path} does not exist") from None
    except PermissionError:
        raise ValidationError.single(what, f"{path} cannot be read (permission denied)") from None
    except OSError as error:
        raise ValidationError.single(what, f"{path} cannot be read ({error.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError.single(
            what, f"{path} is not UTF-8 text (bad byte at offset {error.start})"
        ) from None
    if not _depth_ok(text):
        raise ValidationError.single(what, f"{path} is nested more than {MAX_DEPTH} levels deep")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError.single(
            what,
            f"{path} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}",
        ) from None
    except RecursionError:
        raise ValidationError.single(what, f"{path} is nested too deeply") from None
