"""A cheap gate in front of each rule: skip the regex when none of its required words is in the text.

Each top-level alternative of a pattern must contain a plain run of characters (outside groups, not
made optional by a quantifier). When every alternative has one of at least three characters, the rule
can only match a text that contains one of those runs, and a substring test is far cheaper than a search.

A second, stricter gate runs only when the first one passes: an alternative can match only when *all*
its plain runs are in the text, and for each group it cannot skip, one of that group's literals. It
catches the common case where the first gate's run is an everyday word ("the ", " how").

The first gate of every pattern is answered from one scan of the text: a single prefix-tree regex finds,
at each position, the longest gate literal starting there, and with it every shorter one it begins with.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_SPECIAL = set("\\.^$*+?{}[]()|")
_QUANTIFIERS = set("?*{")
_ESCAPED_LITERALS = set(".?!()-+$/'\",:;&#@[]{}*|^")
MIN_LITERAL = 3


class GatedPattern:
    """A compiled pattern with the literal runs one of which any match must contain (None: always run)."""

    __slots__ = ("_flags", "_regex", "literal_set", "literals", "needs", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._regex, self._flags = None, flags  # compiled when a text first gets past the gates
        self.pattern = pattern
        self.literals = None if flags & re.IGNORECASE else required_literals(pattern)
        self.literal_set = None if self.literals is None else frozenset(self.literals)
        sets = None if flags & re.IGNORECASE else required_sets(pattern)
        self.needs = None if sets is None else tuple(map(_split_needs, sets))
        if self.literal_set:
            _GATE_LITERALS.update(self.literal_set)

    @property
    def regex(self) -> re.Pattern[str]:
        """The pattern, compiled."""
        if self._regex is None:
            self._regex = re.compile(self.pattern, self._flags)
        return self._regex

    def _may_match(self, text: str) -> bool:
        if self.literal_set is not None and self.literal_set.isdisjoint(present_literals(text)):
            return False
        if self.needs is None:
            return True
        contains = text.__contains__
        for words, choices in self.needs:
            if all(map(contains, words)) and all(any(map(contains, options)) for options in choices):
                return True
        return False

    def search(self, text: str) -> re.Match[str] | None:
        """Like re.Pattern.search, skipped when no required literal is in the text."""
        return self.regex.search(text) if self._may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Like re.Pattern.finditer, empty when no required literal is in the text."""
        return self.regex.finditer(text) if self._may_match(text) else iter(())


_GATE_LITERALS: set[str] = set()  # every pattern's first-gate literals
_finder: tuple[int, re.Pattern[str], dict[str, tuple[str, ...]]] | None = None
_present: dict[str, frozenset[str]] = {}
_PRESENT_SLOTS = 16


def present_literals(text: str) -> frozenset[str]:
    """The gate literals the text contains (cached for the last few texts)."""
    found = _present.get(text)
    if found is None:
        count, finder, prefixes = _literal_finder()
        found = frozenset(word for m in finder.finditer(text) for word in prefixes[m.group(1)])
        if len(_present) >= _PRESENT_SLOTS:
            _present.clear()
        _present[text] = found
    return found


def _literal_finder() -> tuple[int, re.Pattern[str], dict[str, tuple[str, ...]]]:
    """A regex finding the longest gate literal at each position, and each literal's literal prefixes."""
    global _finder
    if _finder is None or _finder[0] != len(_GATE_LITERALS):  # built again when patterns were added
        _present.clear()
        trie: dict = {}
        for word in _GATE_LITERALS:
            node = trie
            for char in word:
                node = node.setdefault(char, {})
            node[""] = {}
        prefixes = {
            word: tuple(word[:size] for size in range(1, len(word) + 1) if word[:size] in _GATE_LITERALS)
            for word in _GATE_LITERALS
        }
        _finder = (len(_GATE_LITERALS), re.compile(f"(?=({_trie_regex(trie)}))"), prefixes)
    return _finder


def _trie_regex(node: dict) -> str:
    """One prefix-tree node as a regex that prefers the longest literal (a literal ending here: the rest
    is optional, and greedy)."""
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def required_literals(pattern: str, minimum: int = MIN_LITERAL) -> tuple[str, ...] | None:
    """Literals one of which every match must contain, or None when some alternative has none."""
    runs: list[str] = []
    for alternative in _top_level_alternatives(pattern):
        gate = _alternative_gate(alternative, minimum)
        if gate is None:
            return None
        runs.extend(gate)
    return tuple(dict.fromkeys(runs))


def required_sets(pattern: str) -> tuple[tuple[tuple[str, ...], ...], ...] | None:
    """Per top-level alternative, the literal sets it needs one of each (None: an alternative needs none)."""
    alternatives = []
    for alternative in _top_level_alternatives(pattern):
        needs = [(run,) for run in _plain_runs(alternative) if run]
        needs += filter(None, (required_literals(inner, 1) for inner in _required_groups(alternative)))
        if not needs:
            return None
        alternatives.append(tuple(needs))
    return tuple(alternatives)


def _split_needs(needs: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """(words all needed, longest first; groups needing one of their words): two cheap checks."""
    words = sorted((options[0] for options in needs if len(options) == 1), key=len, reverse=True)
    return tuple(words), tuple(options for options in needs if len(options) > 1)


def _alternative_gate(alternative: str, minimum: int) -> tuple[str, ...] | None:
    """The alternative's longest plain run, else the literals of a group it cannot skip; None if neither."""
    longest = max(_plain_runs(alternative), key=len, default="")
    if len(longest) >= minimum:
        return (longest,)
    for inner in _required_groups(alternative):
        gate = required_literals(inner, minimum)
        if gate is not None:
            return gate
    return None


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth) for each unescaped character outside character classes.

    depth counts the groups open around the character: '(' reports the depth it opens from, ')' the depth
    it closes back to, so both ends of a top-level group report 0.
    """
    depth, in_class, index = 0, False, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            if char == ")":
                depth -= 1
            yield index, char, depth
            if char == "(":
                depth += 1
        index += 1


def _required_groups(alternative: str) -> list[str]:
    """The contents of the depth-0 groups that are neither optional nor lookarounds."""
    groups, start = [], 0
    for index, char, depth in _structure(alternative):
        if depth or char not in "()":
            continue
        if char == "(":
            start = index
            continue
        optional = alternative[index + 1 : index + 2] in _QUANTIFIERS
        inner = alternative[start + 1 : index]
        if not optional and not inner.startswith(("?=", "?!", "?<", "?P")):
            groups.append(inner.removeprefix("?:"))
    return groups


def _top_level_alternatives(pattern: str) -> list[str]:
    """Split a pattern at the '|' signs outside groups and character classes."""
    cuts = [index for index, char, depth in _structure(pattern) if char == "|" and not depth]
    return [pattern[start + 1 : end] for start, end in zip([-1, *cuts], [*cuts, len(pattern)], strict=True)]


def _plain_runs(alternative: str) -> list[str]:
    """Runs of literal characters at depth 0 that every match of the alternative must contain."""
    runs, current, depth, in_class, index = [], "", 0, False, 0
    while index < len(alternative):
        char = alternative[index]
        following = alternative[index + 2 : index + 3] if char == "\\" else alternative[index + 1 : index + 2]
        literal = None
        if char == "\\":
            escaped = alternative[index + 1 : index + 2]
            literal = escaped if escaped in _ESCAPED_LITERALS else None
            index += 2
        elif char == "{" and not in_class:
            index = alternative.find("}", index) + 1 or len(alternative)  # a {m,n} quantifier
        else:
            if in_class:
                in_class = char != "]"
            elif char == "[":
                in_class = True
            elif char in "()":
                depth += 1 if char == "(" else -1
            elif depth == 0 and char not in _SPECIAL:
                literal = char
            index += 1
        if literal is None or depth or in_class or following in _QUANTIFIERS:
            runs.append(current)
            current = ""
            continue
        current += literal
        if following == "+":
            runs.append(current)
            current = ""
    runs.append(current)
    return runs
