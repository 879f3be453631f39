"""Name normalization shared by the resource builder and the run-time matcher.

Both sides must agree byte for byte, so this is the one definition: accents folded, case folded,
curly apostrophes straightened, dots dropped (U.S. = US), hyphens and underscores as spaces.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_DROP = re.compile(r"[.\"“”,]")
_SPACE_LIKE = re.compile(r"[_\-–—/]")


def normalize(text: str) -> str:
    """`Ukraine’s U.S.-backed  Forces` -> `ukraine's us backed forces`."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").lower()
    text = _SPACE_LIKE.sub(" ", _DROP.sub("", text))
    return _SPACES.sub(" ", text).strip()
