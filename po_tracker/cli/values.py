"""Values on the command line parsed into Python types, with a one-line message for a
value that is not one (argparse shows it next to the option's name)."""

from __future__ import annotations

import argparse
import math
from datetime import date

from ..services.validation import EARLIEST, LATEST, out_of_range, parse_iso_date, strict_number

# SQLite's integers are 64-bit.
MAX_INTEGER = 2**63 - 1


def iso_date(text: str) -> date:
    try:
        value = parse_iso_date("date", text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a date as YYYY-MM-DD, not {text!r}") from None
    # The same bounds as every date the services accept.
    if not EARLIEST <= value <= LATEST:
        raise argparse.ArgumentTypeError(out_of_range(value))
    return value


def number(text: str) -> float:
    try:
        value = strict_number(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"must be a plain decimal number such as 12 or 1.5, not {text!r}"
        ) from None
    if not math.isfinite(value):  # more digits than a float holds
        raise argparse.ArgumentTypeError(f"is too large: {text}")
    return value


def whole_number(text: str) -> int:
    try:
        value = int(strict_number(text.strip(), whole=True))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"must be a whole number such as 3, not {text!r}"
        ) from None
    if abs(value) > MAX_INTEGER:
        raise argparse.ArgumentTypeError(f"is too large: {text}")
    return value


def data_folder(text: str) -> str:
    """An empty ``--data-dir`` is a mistake (an unset shell variable), never the default."""
    if not text.strip():
        raise argparse.ArgumentTypeError(
            "must name a folder; leave --data-dir out to use the default one"
        )
    return text
