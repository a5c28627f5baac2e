"""Reading a JSON object of any size a value at a time, in bounded memory.

The file is parsed as a stream (``ijson`` over the C ``yajl`` parser), and each value of
the top-level object, or each item of the arrays named ``lists``, is built and handed on
one at a time: a file of a million entries never sits in memory as a whole. What could
still cost memory is bounded before it is built:

- every byte is checked as UTF-8 as it is read;
- no single token (a string, a number) may be longer than ``MAX_TOKEN_BYTES``: the
  parser holds a token whole, so a file that is one long string is refused as it is read;
- no value or entry may hold more than ``MAX_VALUE_ITEMS`` values or ``MAX_VALUE_CHARS``
  characters, nor nest deeper than ``max_depth`` containers.

Every refusal is a ``ValidationError`` in plain words, naming the file as ``what``.
"""

from __future__ import annotations

import codecs
import json
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import ijson
from ijson.backends import yajl2_c  # named, so that a frozen build bundles it

from ..errors import ValidationError

# The longest valid string is a journal entry's body: 200,000 characters, at most 12
# bytes each when written as escaped surrogate pairs. Anything longer is refused unread.
MAX_TOKEN_BYTES = 4 * 1024 * 1024
MAX_NUMBER_BYTES = 1000  # Python reads no integer of more than 4,300 digits anyway
# The largest valid entry (a certification with 1,000 renewals, each with 20,000
# characters of notes) stays below these; the framework too.
MAX_VALUE_ITEMS = 1_000_000
MAX_VALUE_CHARS = 25_000_000
CHUNK = 256 * 1024  # the parser makes its events a chunk at a time: this bounds them

# A string (or one still open at the end of the text), or a bare token (number, word).
_TOKEN = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"?|[^\s\[\]{},:"]+', re.DOTALL)
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class _CheckedReader:
    """The file as ``ijson`` reads it, checked chunk by chunk before the parser sees it."""

    def __init__(self, handle, what: str):
        self.handle, self.what = handle, what
        self.decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self.offset = 0
        self.blank = True
        self.carry = b""  # the token still open at the end of the last chunk
        # Strings holding a lone surrogate escape, as the parser will hand them over
        # (it replaces the half character with "?"), so the builder can name the field.
        self.lone_surrogates: set[str] = set()

    def read(self, size: int = -1) -> bytes:
        if size == 0:
            return b""
        chunk = self.handle.read(CHUNK)
        if self.offset == 0:
            if chunk[:2] in (b"\xff\xfe", b"\xfe\xff"):
                raise ValidationError.single(self.what, "is UTF-16; save it as UTF-8 and try again")
            # A byte-order mark is not JSON, but editors on Windows add one: tolerate it.
            if chunk.startswith(codecs.BOM_UTF8):
                chunk = chunk[len(codecs.BOM_UTF8) :]
                self.offset += len(codecs.BOM_UTF8)
        self._check_text(chunk)
        self._check_tokens(chunk)
        self.blank = self.blank and not chunk.strip()
        self.offset += len(chunk)
        return chunk

    def _check_text(self, chunk: bytes) -> None:
        pending = len(self.decoder.getstate()[0])
        try:
            self.decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            raise ValidationError.single(
                self.what, f"is not valid UTF-8 (byte {self.offset - pending + error.start + 1})"
            ) from None

    def _check_tokens(self, chunk: bytes) -> None:
        text = self.carry + chunk
        tokens = _TOKEN.findall(text)
        if not tokens:
            self.carry = b""
            return
        if max(map(len, tokens)) > MAX_NUMBER_BYTES:
            for token in tokens:
                self._check_length(token)
        last = tokens[-1]
        # Only a token reaching the end of the text may go on in the next chunk.
        self.carry = last if chunk and text.endswith(last) else b""
        if _ESCAPED_SURROGATE.search(text):
            self._note_lone_surrogates(tokens[:-1] if self.carry else tokens)

    def _check_length(self, token: bytes) -> None:
        if not token.startswith(b'"'):
            if len(token) > MAX_NUMBER_BYTES:
                raise ValidationError.single(
                    self.what,
                    f"is not valid JSON: a number or word of over {MAX_NUMBER_BYTES} characters",
                )
        elif len(token) > MAX_TOKEN_BYTES:
            raise ValidationError.single(
                self.what,
                f"holds a text longer than any field takes (over {MAX_TOKEN_BYTES / 1024**2:g} MB)",
            )

    def _note_lone_surrogates(self, tokens: list[bytes]) -> None:
        for token in tokens:
            if token.startswith(b'"') and _ESCAPED_SURROGATE.search(token):
                try:
                    text = json.loads(token)
                except ValueError:
                    continue  # the parser says what is wrong with it
                if _SURROGATE.search(text):
                    self.lone_surrogates.add(_SURROGATE.sub("?", text))


class _Builder:
    """Builds one value from the parser's events, within the bounds."""

    def __init__(self, reader: _CheckedReader, max_depth: int):
        self.reader, self.max_depth = reader, max_depth

    def build(self, events, event: str, value, where: str, depth: int):
        self.items = self.chars = 0
        if event not in ("start_map", "start_array"):
            return self._scalar(event, value, where)
        stack: list[list] = []  # [container, pending key]
        while True:
            if event in ("start_map", "start_array"):
                if depth + len(stack) >= self.max_depth:
                    raise self._refuse(
                        f"nests deeper than the format allows (more than {self.max_depth} levels)"
                    )
                stack.append([{} if event == "start_map" else [], None])
                self._spend(where, 1, 0)
            elif event in ("end_map", "end_array"):
                done = stack.pop()[0]
                if not stack:
                    return done
                self._put(stack[-1], done)
            elif event == "map_key":
                self._key(stack, value, where)
            else:
                self._put(stack[-1], self._scalar(event, value, where, stack))
            event, value = next(events)

    def _key(self, stack: list[list], key: str, where: str) -> None:
        frame = stack[-1]
        if key in frame[0]:
            raise self._refuse(f"is not valid JSON: the key {key!r} appears twice in one object")
        frame[1] = key
        self._text(key, where, stack)

    def _put(self, frame: list, value) -> None:
        if isinstance(frame[0], dict):
            frame[0][frame[1]] = value
        else:
            frame[0].append(value)

    def _scalar(self, event: str, value, where: str, stack=()):
        if event == "string":
            self._text(value, where, stack)
        self._spend(where, 1, 0)
        return value

    def _text(self, value: str, where: str, stack) -> None:
        self._spend(where, 1, len(value))
        if value in self.reader.lone_surrogates:
            for container, key in stack:
                where += f".{key}" if isinstance(container, dict) else f"[{len(container)}]"
            raise ValidationError.single(
                self.reader.what,
                f"{where} is not valid text (a lone surrogate \\u escape)",
            )

    def _spend(self, where: str, items: int, chars: int) -> None:
        self.items += items
        self.chars += chars
        if self.items > MAX_VALUE_ITEMS or self.chars > MAX_VALUE_CHARS:
            raise self._refuse(
                f"{where} is larger than any entry may be (over {MAX_VALUE_ITEMS:,} values"
                f" or {MAX_VALUE_CHARS:,} characters)"
            )

    def _refuse(self, message: str) -> ValidationError:
        return ValidationError.single(self.reader.what, message)


def stream_object(
    path: str | Path, what: str, *, lists: frozenset[str], max_depth: int
) -> Iterator[tuple[str | None, int | None, object]]:
    """``(key, None, value)`` for each field of the file's top-level object, except that
    an array under one of ``lists`` comes as ``(key, index, item)`` per item (an empty
    one as ``(key, None, [])``). A top level that is not an object comes as
    ``(None, None, value)``: None, since "" is a key an object may have."""
    path = Path(path)
    with _open(path, what) as handle:
        reader = _CheckedReader(handle, what)
        events = yajl2_c.basic_parse(reader, use_float=True, buf_size=CHUNK)
        try:
            yield from _fields(events, _Builder(reader, max_depth), lists)
            for _ in events:  # the parser refuses anything after the object
                pass
        except ValidationError:
            raise
        except ijson.JSONError as error:
            if reader.blank:
                raise ValidationError.single(what, "the file is empty") from None
            raise ValidationError.single(what, f"is not valid JSON: {_syntax(error)}") from None
        except ValueError as error:  # a number Python cannot hold, say
            raise ValidationError.single(what, f"is not valid JSON: {error}") from None


def _syntax(error: Exception) -> str:
    """The parser's message on one line, with the text where it stopped: yajl gives the
    message, then the text around the place, then a caret under it."""
    text = str(error)
    if text.startswith(("b'", 'b"')):
        text = text[2:-1].encode("latin-1", "replace").decode("unicode_escape", "replace")
    lines = text.splitlines()
    message = lines[0].strip().rstrip(".").removeprefix("lexical error: ")
    message = message.removeprefix("parse error: ")
    if len(lines) >= 3 and "^" in lines[2]:
        near = lines[1][max(lines[2].index("^") - 1, 0) :][:20].strip()  # yajl points past it
        if near:
            message += f" at {near!r}"
    return message


def _fields(events, builder: _Builder, lists: frozenset[str]):
    event, value = next(events)
    if event != "start_map":
        yield None, None, builder.build(events, event, value, "document", 0)
        return
    seen: set[str] = set()
    while True:
        event, key = next(events)
        if event == "end_map":
            return
        if key in seen:
            raise builder._refuse(f"is not valid JSON: the key {key!r} appears twice in one object")
        seen.add(key)
        event, value = next(events)
        if key in lists and event == "start_array":
            yield from _items(events, builder, key)
        else:
            yield key, None, builder.build(events, event, value, key, 1)


def _items(events, builder: _Builder, key: str):
    for index, (event, value) in enumerate(events):
        if event == "end_array":
            if index == 0:
                yield key, None, []
            return
        yield key, index, builder.build(events, event, value, f"{key}[{index}]", 2)


class _open:
    """The file, opened only once it is known to be a regular file."""

    def __init__(self, path: Path, what: str):
        self.path, self.what = path, what

    def __enter__(self):
        try:
            if not stat.S_ISREG(self.path.stat().st_mode):
                raise ValidationError.single(self.what, f"{self.path} is not a regular file")
            self.handle = self.path.open("rb")
        except FileNotFoundError:
            raise ValidationError.single(self.what, f"{self.path} does not exist") from None
        except OSError as error:
            raise ValidationError.single(
                self.what, f"cannot read {self.path}: {error.strerror}"
            ) from None
        return self.handle

    def __exit__(self, *_exc) -> None:
        self.handle.close()
