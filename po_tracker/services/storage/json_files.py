"""Reading a JSON file the user hands us, whatever is in it: every way it can be wrong
becomes a ``ValidationError`` in plain words, before anything is parsed or written."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

from ..errors import ValidationError

MAX_BYTES = 200 * 1024 * 1024

# A JSON string, or an unterminated one running to the end: never backtracks, so a
# hostile file of escaped quotes is scanned in linear time.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
_NOT_BRACKETS = bytes(set(range(256)) - set(b"[]{}"))


def read_json_file(
    path: str | Path, what: str = "file", *, max_depth: int = 32, max_bytes: int | None = None
):
    """The parsed content of ``path``, checked in this order: a regular file, its size,
    UTF-8, nesting depth (at most ``max_depth`` containers), then JSON syntax, with no
    key twice in one object and no NaN or Infinity. Messages name the file as ``what``."""
    data = _read_bytes(Path(path), what, max_bytes or MAX_BYTES)
    text = _decode(data, what)
    _check_depth(data, what, max_depth)
    document = _parse(text, what)
    if _ESCAPED_SURROGATE.search(data):
        _refuse_lone_surrogates(document, what)
    return document


# UTF-8 cannot hold a surrogate; only a \uD800-\uDFFF escape can bring one in.
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _refuse_lone_surrogates(document, what: str) -> None:
    """A lone surrogate (an escape of half a character) is not text: no field may hold
    one, and the logbook could not store it. The message names where it is."""
    pending = [(document, "")]
    while pending:
        value, where = pending.pop()
        if isinstance(value, dict):
            pending.extend(
                (item, f"{where}.{key}" if where else key) for key, item in value.items()
            )
            bad_keys = [key for key in value if _SURROGATE.search(key)]
            if bad_keys:
                raise ValidationError.single(
                    what,
                    f"a key in {where or 'the top level'} is not valid text (a lone surrogate)",
                )
        elif isinstance(value, list):
            pending.extend((item, f"{where}[{index}]") for index, item in enumerate(value))
        elif isinstance(value, str) and _SURROGATE.search(value):
            raise ValidationError.single(
                what, f"{where or 'the document'} is not valid text (a lone surrogate \\u escape)"
            )


def _read_bytes(path: Path, what: str, max_bytes: int) -> bytes:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ValidationError.single(what, f"{path} is not a regular file")
        _check_size(info.st_size, what, max_bytes)
        with path.open("rb") as handle:
            # Read one byte past the limit, in case the file grew since stat().
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise ValidationError.single(what, f"{path} does not exist") from None
    except OSError as error:
        raise ValidationError.single(what, f"cannot read {path}: {error.strerror}") from None
    _check_size(len(data), what, max_bytes)
    if not data.strip():
        raise ValidationError.single(what, "the file is empty")
    return data


def _check_size(size: int, what: str, max_bytes: int) -> None:
    if size > max_bytes:
        raise ValidationError.single(
            what,
            f"is too large ({size / 1024 / 1024:.0f} MB; at most {max_bytes / 1024 / 1024:.0f} MB)",
        )


def _decode(data: bytes, what: str) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ValidationError.single(what, "is UTF-16; save it as UTF-8 and try again")
    try:
        # A byte-order mark is not JSON, but editors on Windows add one: tolerate it.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ValidationError.single(
            what, f"is not valid UTF-8 (byte {error.start + 1}, line {line})"
        ) from None


def _check_depth(data: bytes, what: str, max_depth: int) -> None:
    """Refuse deep nesting before the parser sees it: deep arrays cost the parser stack
    and memory, and no valid document nests deeper than its format allows."""
    depth = 0
    for bracket in _STRING.sub(b"", data).translate(None, _NOT_BRACKETS):
        depth += 1 if bracket in b"[{" else -1
        if depth > max_depth:
            raise ValidationError.single(
                what, f"nests deeper than the format allows (more than {max_depth} levels)"
            )


def _no_duplicates(pairs: list) -> dict:
    document = dict(pairs)
    if len(document) != len(pairs):
        seen = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))
        raise ValueError(f"the key {twice!r} appears twice in one object")
    return document


def _no_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def _parse(text: str, what: str):
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise ValidationError.single(
            what,
            f"is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})",
        ) from None
    except (ValueError, RecursionError) as error:
        raise ValidationError.single(what, f"is not valid JSON: {error}") from None
