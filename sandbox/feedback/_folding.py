"""Rewrite a case-insensitive pattern so that, searched on folded text, it matches wherever the original does.

Walks the parse tree Python's own regex compiler uses (re._parser; any surprise gives up with None).
Case-insensitive parts come out lower-cased and match exactly the same folded text. Case-sensitive parts
("(?-i:[A-Z][a-z]+)") can only be widened: capitals are lower-cased, negated sets lose their letters,
negative lookarounds around them are dropped and possessive or atomic repeats around them become plain
ones, since each of those could otherwise reject a text the original accepts.
"""

from __future__ import annotations

import re

try:
    from re import _casefix
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # another Python: no fast path, patterns stay as they are
    sre = sre_parse = _casefix = None

_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}
_ANCHORS = {
    "AT_BEGINNING": "^",
    "AT_BEGINNING_STRING": r"\A",
    "AT_END": "$",
    "AT_END_STRING": r"\Z",
    "AT_BOUNDARY": r"\b",
    "AT_NON_BOUNDARY": r"\B",
}
_INLINE = ((re.ASCII, "a"), (re.MULTILINE, "m"), (re.DOTALL, "s"))
_ANY_CHAR = r"[\s\S]"
_OPENERS = {
    ("ASSERT", 1): "(?=",
    ("ASSERT", -1): "(?<=",
    ("ASSERT_NOT", 1): "(?!",
    ("ASSERT_NOT", -1): "(?<!",
}


class _Unsupported(Exception):
    """The pattern uses something the rewrite does not handle."""


def folded_source(pattern: str, flags: int) -> str | None:
    """Source of the folded pattern (compile it without IGNORECASE), or None when it cannot be built."""
    folded = folded_pattern(pattern, flags)
    return None if folded is None else folded.pattern


def folded_pattern(pattern: str, flags: int) -> re.Pattern[str] | None:
    """The folded pattern, compiled with the original's flags (inline ones too) but for IGNORECASE and
    VERBOSE, or None when it cannot be built."""
    if sre_parse is None:
        return None
    try:
        tree = sre_parse.parse(pattern, flags)
        source, _ = _sequence(tree, sensitive=not tree.state.flags & re.IGNORECASE)
        return re.compile(source, (flags | tree.state.flags) & ~(re.IGNORECASE | re.VERBOSE))
    except (_Unsupported, re.error, TypeError, ValueError, AttributeError):
        return None


def _sequence(items, sensitive: bool) -> tuple[str, bool]:
    """(source, exact) for a run of items; exact is False when a case-sensitive part was widened."""
    parts, exact = [], True
    for op, arg in items:
        source, same = _item(str(op), arg, sensitive)
        parts.append(source)
        exact = exact and same
    return "".join(parts), exact


def _item(op: str, arg, sensitive: bool) -> tuple[str, bool]:
    if op == "LITERAL":
        return _literal(arg, sensitive)
    if op == "NOT_LITERAL":
        return _char_set([("NEGATE", None), ("LITERAL", arg)], sensitive)
    if op == "IN":
        return _char_set([(str(kind), value) for kind, value in arg], sensitive)
    if op == "ANY":
        return ".", True
    if op == "AT":
        return _ANCHORS[str(arg)], True
    if op == "BRANCH":
        branches = [_sequence(branch, sensitive) for branch in arg[1]]
        return "(?:" + "|".join(s for s, _ in branches) + ")", all(same for _, same in branches)
    if op == "SUBPATTERN":
        return _group(arg, sensitive)
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return _repeat(op, arg, sensitive)
    if op == "ATOMIC_GROUP":
        inner, same = _sequence(arg, sensitive)
        return ("(?>" + inner + ")", True) if same else ("(?:" + inner + ")", False)
    if op in ("ASSERT", "ASSERT_NOT"):
        return _assertion(op, arg, sensitive)
    if op == "GROUPREF":
        return "(?:\\" + str(arg) + ")", not sensitive
    if op == "GROUPREF_EXISTS":
        group, yes, no = arg
        yes_source, yes_same = _sequence(yes, sensitive)
        no_source, no_same = _sequence(no, sensitive) if no is not None else ("", True)
        return f"(?({group}){yes_source}|{no_source})", yes_same and no_same
    raise _Unsupported(op)


def _literal(code: int, sensitive: bool) -> tuple[str, bool]:
    char = chr(code)
    return re.escape(_lower(char)), not sensitive or char.lower() == char.upper()


def _lower(char: str) -> str:
    """The character as folded text holds it; raises for letters whose case rules the fold does not follow."""
    if char.isascii() or char.lower() == char.upper():
        return char.lower()
    if code_has_extra_cases(ord(char)) or len(char.lower()) != 1:
        raise _Unsupported(char)
    return char.lower()


def code_has_extra_cases(code: int) -> bool:
    """True for characters IGNORECASE equates with more than their lower case (ı, ſ, µ, Greek, ...)."""
    return code in _casefix._EXTRA_CASES or any(code in others for others in _casefix._EXTRA_CASES.values())


def _char_set(items: list[tuple[str, object]], sensitive: bool) -> tuple[str, bool]:
    negated = bool(items) and items[0][0] == "NEGATE"
    members, exact = [], True
    for kind, value in items[1:] if negated else items:
        member, cased = _set_member(kind, value)
        if sensitive and cased and negated:
            exact = False  # widen: a case-sensitive [^A-Z] must not turn into [^a-z]
            continue
        exact = exact and not (sensitive and cased)
        members.append(member)
    if negated and not members:
        return _ANY_CHAR, exact
    return "[" + ("^" if negated else "") + "".join(members) + "]", exact


def _set_member(kind: str, value) -> tuple[str, bool]:
    """(source, cased) for one member of a character set."""
    if kind == "LITERAL":
        char = chr(value)
        return re.escape(_lower(char)), char.lower() != char.upper()
    if kind == "RANGE":
        return _range(*value)
    if kind == "CATEGORY":
        return _CATEGORIES[str(value)], False
    raise _Unsupported(kind)


def _range(low: int, high: int) -> tuple[str, bool]:
    first, last = chr(low), chr(high)
    if not any(chr(code).lower() != chr(code).upper() for code in range(low, high + 1)):
        return re.escape(first) + "-" + re.escape(last), False
    if "a" <= first <= last <= "z" or "A" <= first <= last <= "Z":
        return first.lower() + "-" + last.lower(), True
    raise _Unsupported(f"{first}-{last}")


def _group(arg, sensitive: bool) -> tuple[str, bool]:
    group, add_flags, del_flags, items = arg
    inner_sensitive = (sensitive or bool(del_flags & re.IGNORECASE)) and not add_flags & re.IGNORECASE
    inner, same = _sequence(items, inner_sensitive)
    flags = _inline_flags(add_flags, del_flags)
    if group is not None:
        return ("(" + (f"(?{flags}:" + inner + ")" if flags else inner) + ")"), same
    return f"(?{flags}:" + inner + ")", same


def _inline_flags(add_flags: int, del_flags: int) -> str:
    added = "".join(letter for flag, letter in _INLINE if add_flags & flag)
    removed = "".join(letter for flag, letter in _INLINE if del_flags & flag)
    return added + ("-" + removed if removed else "")


def _repeat(op: str, arg, sensitive: bool) -> tuple[str, bool]:
    low, high, items = arg
    inner, same = _sequence(items, sensitive)
    bounds = "{" + str(low) + "," + ("" if high == sre.MAXREPEAT else str(high)) + "}"
    if op == "MIN_REPEAT":
        bounds += "?"
    elif op == "POSSESSIVE_REPEAT" and same:
        bounds += "+"
    return "(?:" + inner + ")" + bounds, same


def _assertion(op: str, arg, sensitive: bool) -> tuple[str, bool]:
    direction, items = arg
    inner, same = _sequence(items, sensitive)
    if op == "ASSERT_NOT" and not same:
        return "", False  # a widened lookaround could reject what the original accepts: drop it
    return _OPENERS[(op, direction)] + inner + ")", same
