"""The model's own attribute ruler and lemmatizer, run over token arrays: same output, about an
eighth of spaCy's parse time saved.

en_core_web_sm maps tags to parts of speech and morphology with an `AttributeRuler` (179 token
patterns run through spaCy's `Matcher`) and then lemmatizes by rule. Both are exact and cheap per
rule, but both build Python objects for every token of every report: together they took 17% of the
model's time on news text, more than the tagger and the parser together. A report's tokens repeat
the same few thousand (tag, word, dependency) combinations, so here each combination is matched once
per process and each report's tokens are read and written as arrays.

Nothing changes in what the model writes: the same patterns and rules decide every value, the
matches are applied by the ruler's own `set_annotations` in its own order (later rules win), and
lemmas come from the lemmatizer's own `lemmatize`, once per (word, part of speech, morphology).
`tests/test_token_rules.py` checks token-for-token identity with the stock components over real
reports.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

#: The token attributes the model's rules test, as the arrays `Doc.to_array` reads them.
_ATTRIBUTES = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}

Single = tuple[int, int]  # a one-token pattern: (rule, match id)
Longer = tuple[int, int, tuple[int, ...]]  # a longer one: (rule, match id, its later pattern tokens)

#: Words (and word analyses) remembered before the memory is cleared: new words never stop coming
#: in a long run, and the 20,000 commonest cover all but a few percent of a report's tokens.
_REMEMBERED = 20_000


def _not_in(banned: frozenset[Any]) -> Callable[[Any], bool]:
    return lambda value: value not in banned


def _regex(pattern: re.Pattern[str]) -> Callable[[Any], bool]:
    return lambda value: bool(pattern.search(value))


class ArrayAttributeRuler:
    """`AttributeRuler.match` worked out once per distinct combination of what its patterns test.

    Each pattern token is a set of attribute tests. A token's value of one attribute is reduced to
    the set of that attribute's tests it passes (remembered per value), and the four sets to the
    rules that start a match there (remembered per combination: a few thousand on news text, where
    the words alone number tens of thousands). The model's patterns have no operators, so a pattern
    of n tokens matches exactly n tokens.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        # Per attribute, its tests, numbered: values that pass an equality or IN test are indexed
        # (a new word costs one look-up), NOT_IN and REGEX tests are run on each new value.
        self.count: dict[str, int] = {name: 0 for name in _ATTRIBUTES}
        self.indexed: dict[str, dict[Any, set[int]]] = {name: {} for name in _ATTRIBUTES}
        self.run: dict[str, list[tuple[int, Callable[[Any], bool]]]] = {name: [] for name in _ATTRIBUTES}
        # per pattern token: for each attribute, the numbers of the tests it must pass
        self.tokens: list[dict[str, tuple[int, ...]]] = []
        # (sort key of the ruler's match list, match id, indices in self.tokens)
        self.patterns: list[tuple[int, int, tuple[int, ...]]] = []
        strings = ruler.vocab.strings
        for rule in range(len(ruler.attrs)):  # the ruler names rule n "n" and sorts matches by n
            match_id = strings[str(rule)]
            for pattern in ruler.matcher.get(match_id)[1]:
                first = len(self.tokens)
                self.tokens += [self._compile(token) for token in pattern]
                self.patterns.append((rule, match_id, tuple(range(first, len(self.tokens)))))
        self._classes: dict[str, dict[int, frozenset[int]]] = {name: {} for name in _ATTRIBUTES}
        self._starts: dict[tuple[frozenset[int], ...], tuple[list[Single], list[Longer]]] = {}
        self._holds: dict[tuple[int, tuple[frozenset[int], ...]], bool] = {}

    def _compile(self, token: dict[str, Any]) -> dict[str, tuple[int, ...]]:
        """A pattern token as the numbers of its tests, per attribute, with the Matcher's meaning of
        a plain value, IN, NOT_IN and REGEX."""
        compiled: dict[str, tuple[int, ...]] = {}
        for name, value in token.items():
            if name not in _ATTRIBUTES:
                raise ValueError(f"token_rules cannot test {name!r}; use the model's stock attribute ruler")
            ops = value if isinstance(value, dict) else {"IN": [value]}
            numbers = []
            for op, arg in ops.items():
                n = self.count[name]
                self.count[name] += 1
                numbers.append(n)
                if op == "IN":
                    for allowed in arg:
                        self.indexed[name].setdefault(allowed, set()).add(n)
                elif op == "NOT_IN":
                    self.run[name].append((n, _not_in(frozenset(arg))))
                elif op == "REGEX":
                    self.run[name].append((n, _regex(re.compile(str(arg)))))
                else:
                    raise ValueError(f"token_rules cannot test {name} {op}; use the model's stock attribute ruler")
            compiled[name] = tuple(numbers)
        return compiled

    def _class(self, name: str, value: int) -> frozenset[int]:
        """The tests of attribute `name` that a token whose value hashes to `value` passes."""
        known = self._classes[name]
        if len(known) > _REMEMBERED:
            known.clear()
        text: Any = bool(value) if name == "IS_SPACE" else (self.ruler.vocab.strings[value] if value else "")
        passed = set(self.indexed[name].get(text, ()))
        passed.update(n for n, test in self.run[name] if test(text))
        found = known[value] = frozenset(passed)
        return found

    def _fits(self, token: int, classes: tuple[frozenset[int], ...]) -> bool:
        key = (token, classes)
        found = self._holds.get(key)
        if found is None:
            spec = self.tokens[token]
            found = self._holds[key] = all(
                all(t in passed for t in spec.get(name, ())) for name, passed in zip(_ATTRIBUTES, classes, strict=True))
        return found

    def _matches_at(self, classes: tuple[frozenset[int], ...]) -> tuple[list[Single], list[Longer]]:
        """Rules matched by one token alone, and longer patterns whose first token fits here."""
        found = self._starts.get(classes)
        if found is None:
            singles, longer = [], []
            for rule, match_id, tokens in self.patterns:
                if self._fits(tokens[0], classes):
                    if len(tokens) == 1:
                        singles.append((rule, match_id))
                    else:
                        longer.append((rule, match_id, tokens[1:]))
            found = self._starts[classes] = (singles, longer)
        return found

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What `AttributeRuler.match` returns for `doc`, in the same order."""
        known = [(name, self._classes[name]) for name in _ATTRIBUTES]
        classes: list[tuple[frozenset[int], ...]] = []
        for row in doc.to_array(list(_ATTRIBUTES.values())).tolist():
            passed = []
            for (name, seen), value in zip(known, row, strict=True):
                found = seen.get(value)
                passed.append(self._class(name, value) if found is None else found)
            classes.append(tuple(passed))
        n = len(classes)
        matches = []
        for i, here in enumerate(classes):
            singles, longer = self._matches_at(here)
            matches += [(rule, match_id, i, i + 1) for rule, match_id in singles]
            for rule, match_id, rest in longer:
                if i + len(rest) < n and all(self._fits(t, classes[i + 1 + k]) for k, t in enumerate(rest)):
                    matches.append((rule, match_id, i, i + 1 + len(rest)))
        matches.sort()
        return matches

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))
        return doc


class ArrayLemmatizer:
    """The model's rule lemmatizer over arrays: each (word, part of speech, morphology) is
    lemmatized once by the lemmatizer itself (its cache has the same key), and a report's lemmas
    are written back in one call."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        if lemmatizer.mode != "rule":
            raise ValueError(f"token_rules runs a rule lemmatizer, not mode {lemmatizer.mode!r}")
        self.lemmatizer = lemmatizer
        # The lemmatizer's own cache has the same key but skips the answers it finds early
        # (proper nouns, base forms: most of a news report's distinct words), and those cost it
        # 60 microseconds each. The key decides every answer, so all are kept here.
        self.known: dict[tuple[int, int, int], str] = {}
        # Its word lists are Python lists it only asks `form in index` of: 57,528 nouns searched
        # one by one for each new word. Sets answer the same.
        if lemmatizer.lookups.has_table("lemma_index"):
            index = lemmatizer.lookups.get_table("lemma_index")
            for pos in list(index.keys()):
                index[pos] = frozenset(index[pos])

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if not lemmatizer._validated:
            lemmatizer._validate_tables()
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        todo = numpy.arange(len(doc)) if lemmatizer.overwrite else numpy.flatnonzero(table[:, 3] == 0)
        if not len(todo):
            return doc
        known = self.known
        if len(known) > _REMEMBERED:
            known.clear()
            lemmatizer.cache.clear()  # the lemmatizer's own, which would otherwise grow without end
        add = doc.vocab.strings.add
        hashes: dict[str, int] = {}  # per report: a lemma's string may live only in a memory zone
        for i in todo.tolist():
            key = (int(table[i, 0]), int(table[i, 1]), int(table[i, 2]))
            lemma = known.get(key)
            if lemma is None:
                lemma = known[key] = lemmatizer.lemmatize(doc[i])[0]
            h = hashes.get(lemma)
            if h is None:
                h = hashes[lemma] = add(lemma)
            table[i, 3] = h
        doc.from_array([LEMMA], cast(Any, table[:, 3:4]))
        return doc


@Language.factory("dateline_attribute_ruler")
def make_attribute_ruler(nlp: Language, name: str) -> ArrayAttributeRuler:
    """Runs the pipeline's `attribute_ruler` (which must be in place when this is added)."""
    return ArrayAttributeRuler(cast(AttributeRuler, nlp.get_pipe("attribute_ruler")))


@Language.factory("dateline_lemmatizer")
def make_lemmatizer(nlp: Language, name: str) -> ArrayLemmatizer:
    """Runs the pipeline's `lemmatizer` (which must be in place when this is added)."""
    return ArrayLemmatizer(cast(Lemmatizer, nlp.get_pipe("lemmatizer")))


def install(nlp: Language) -> Language:
    """Put the array versions in place of the model's `attribute_ruler` and `lemmatizer`."""
    for stock, ours in (("attribute_ruler", "dateline_attribute_ruler"), ("lemmatizer", "dateline_lemmatizer")):
        nlp.add_pipe(ours, after=stock)
        nlp.remove_pipe(stock)
    return nlp
