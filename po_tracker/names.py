"""When two typed names are one person's: compared without regard to case in every
script (Unicode case folding, so "ÉMILIE" is "Émilie" and "STRASSE" is "straße") or to how
an accent was typed ("Zoë" as one character or as "e" plus a combining diaeresis), and
with runs of spaces counted as one. Plain Python, used by the models, the services and
the window alike."""

from __future__ import annotations

import unicodedata


def name_key(name: str) -> str:
    # NFC before folding so that composed and decomposed letters fold alike, and after,
    # because folding can itself decompose ("İ" folds to "i" plus a combining dot).
    folded = unicodedata.normalize("NFC", name).casefold()
    return " ".join(unicodedata.normalize("NFC", folded).split())
