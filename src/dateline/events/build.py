"""Convert the CAMEO verb dictionary into the events stage's fallback verb table.

    python -m dateline.events.build ../shared/data/cameo-dictionaries

`CAMEO.2.0.txt` (Phoenix/PETRARCH, MIT licence, see `data/NOTICE`) groups verbs in synonym sets,
each headed `---  NAME   [code]  ---`; a verb line may carry its own code (`BROKER [045]`), and
pattern lines (`- * (TO &CEASEFIRE)  [0356]`) code the verb with a given object. Each single-word
verb gets one CAMEO code: its own, else its set's, else the root most of its set's patterns agree
on (at least half of them). The code's two-digit root gives the PLOVER type through the 2021
conversion table (`ROOT_TO_PLOVER`); root 01 ("make public statement") is no event and is left out.

The table is a fallback: the hand-written lexicon (`lexicon.py`) decides every lemma it lists, and
`detect.py` uses a table verb only as the main predicate of a clause with an agent.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).with_name("data") / "cameo_verbs.tsv"

#: CAMEO root -> the PLOVER type of dateline's 16 (CAMEO2PLOVER-2021; 08 "Yield" -> RETREAT, since
#: dateline has no CONCEDE; 10 "Demand" -> DEMAND, 02 "Appeal" -> REQUEST).
ROOT_TO_PLOVER = {
    "02": "REQUEST",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "08": "RETREAT",
    "09": "ACCUSE",
    "10": "DEMAND",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}

_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_CODE = re.compile(r"\[([0-9]{2,4})(?::[0-9]*)?\]")


def _root(code: str | None) -> str | None:
    return code[:2] if code and code[:2].isdigit() else None


def parse(text: str) -> dict[str, str]:
    """lemma -> CAMEO code for the single-word verbs of the dictionary."""
    out: dict[str, str] = {}
    sets: list[tuple[str | None, list[tuple[str, str | None]], Counter[str]]] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        header = _HEADER.match(raw)
        if header:
            code = header.group(2)
            sets.append((code if code[:1].isdigit() else None, [], Counter()))
            continue
        if not sets or not line.strip():
            continue
        _, verbs, patterns = sets[-1]
        code_match = _CODE.search(line)
        if line.startswith("-"):
            if code_match:
                patterns[code_match.group(1)[:2]] += 1
            continue
        word = line.split()[0]
        if word.startswith(("+", "&", "{")) or "_" in word or not word.isalpha():
            continue  # phrasal verbs and compounds need patterns this table does not keep
        verbs.append((word.lower(), code_match.group(1) if code_match else None))
    for set_code, verbs, patterns in sets:
        common = None
        if patterns:
            root, n = patterns.most_common(1)[0]
            if 2 * n >= sum(patterns.values()):
                common = root
        for verb, own in verbs:
            code = own or set_code or common
            if code and verb not in out:
                out[verb] = code
    return out


def rows(table: dict[str, str]) -> list[tuple[str, str, str]]:
    return sorted(
        (verb, code, ROOT_TO_PLOVER[root])
        for verb, code in table.items()
        if (root := _root(code)) is not None and root in ROOT_TO_PLOVER
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", help="../shared/data/cameo-dictionaries")
    parser.add_argument("-o", "--output", default=str(OUT))
    args = parser.parse_args(argv)
    source = Path(args.folder) / "CAMEO.2.0.txt"
    table = rows(parse(source.read_text(encoding="utf-8", errors="replace")))
    with open(args.output, "w", encoding="utf-8") as out:
        out.write("# lemma\tcameo\tplover  (from CAMEO.2.0.txt, Phoenix/PETRARCH dictionaries, MIT licence)\n")
        for row in table:
            out.write("\t".join(row) + "\n")
    print(f"{len(table)} verbs -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
