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
#: Ordinal words ("the ninth anniversary"); ordinals in digits ("20th") are read apart.
ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-fifth": 25,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "seventy-fifth": 75,
    "hundredth": 100,
}
