"""Number words, written once for every stage that reads counts in text.

Each stage builds its own table on these: casualty counts add "dozens" and "scores", durations add
"a couple of" and "half a", and each keeps its own idea of what a vague word is worth.
"""

from __future__ import annotations

_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

#: "zero" to "nineteen", in order.
CARDINALS: dict[str, int] = {w: i for i, w in enumerate(_ONES)}
#: "twenty" to "ninety".
TENS: dict[str, int] = {w: 10 * i for i, w in enumerate(_TENS, 2)}
#: Multipliers.
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
