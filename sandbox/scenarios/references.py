"""Checks across a scenario: every key referred to exists, keys are unique, the timeline can start."""

from __future__ import annotations

from .schema import Inject, Scenario

Loc = tuple
Problems = list[tuple[Loc, str]]


def _unique(entries: list[tuple[Loc, str]], what: str) -> Problems:
    """entries are (path, value); every repeat of a value is a problem at its own path."""
    seen: set[str] = set()
    found = []
    for loc, value in entries:
        if value in seen:
            found.append((loc, f"{what} {value!r} is used twice"))
        seen.add(value)
    return found


def _keys(scenario: Scenario) -> Problems:
    posts = [(("setting", i, "key"), p.key) for i, p in enumerate(scenario.setting)]
    posts += [(("injects", i, "key"), p.key) for i, p in enumerate(scenario.injects)]
    found = _unique([(("personas", i, "key"), p.key) for i, p in enumerate(scenario.personas)], "key")
    found += _unique(
        [(("personas", i, "handle"), p.handle.lower()) for i, p in enumerate(scenario.personas)], "handle"
    )
    found += _unique(posts, "key")
    for index, inject in enumerate(scenario.injects):
        found += _unique(
            [(("injects", index, "expected", j, "key"), e.key) for j, e in enumerate(inject.expected)], "key"
        )
    return found


def _personas(scenario: Scenario) -> Problems:
    known = {p.key for p in scenario.personas}
    return [
        ((section, index, "persona"), f"no persona with key {item.persona!r}")
        for section in ("setting", "injects")
        for index, item in enumerate(getattr(scenario, section))
        if item.persona not in known
    ]


def _inject(scenario: Scenario, index: int, inject: Inject, posts: set[str]) -> Problems:
    found = []
    follows = inject.fires.after_reply_to
    if inject.reply_to and inject.reply_to not in posts:
        found.append(
            (("injects", index, "reply_to"), f"no setting post or inject with key {inject.reply_to!r}")
        )
    if follows and follows not in posts:
        found.append(
            (("injects", index, "fires", "after_reply_to"), f"no setting post or inject with key {follows!r}")
        )
    if follows == inject.key:
        found.append((("injects", index, "fires", "after_reply_to"), "an inject cannot follow itself"))
    if inject.when and not follows:
        found.append((("injects", index, "when"), "conditions test a reply: give fires.after_reply_to too"))
    if inject.kind == "review" and scenario.platform != "reviews":
        found.append((("injects", index, "kind"), "reviews exist only on the reviews platform"))
    if inject.rating is not None and inject.kind != "review":
        found.append((("injects", index, "rating"), "only a review has a star rating"))
    return found


def _lengths(scenario: Scenario) -> Problems:
    """Posts longer than the platform allows could never be shown there."""
    from ..feeds.platforms import PLATFORMS  # here, not at the top: the feeds package loads the web views

    platform = PLATFORMS[scenario.platform]
    limit = f"{platform.name} allows {platform.char_limit}"
    return [
        ((section, index, "body"), f"{len(item.body)} characters; {limit}")
        for section in ("setting", "injects")
        for index, item in enumerate(getattr(scenario, section))
        if len(item.body) > platform.char_limit
    ]


def check_references(scenario: Scenario) -> Problems:
    """Every cross-reference problem, and every post too long for the platform, as (path, message)."""
    posts = {p.key for p in scenario.setting} | {i.key for i in scenario.injects}
    problems = _keys(scenario) + _personas(scenario) + _lengths(scenario)
    for index, inject in enumerate(scenario.injects):
        problems += _inject(scenario, index, inject, posts)
    if not any(i.fires.at_start or i.fires.after_minutes is not None for i in scenario.injects):
        problems.append(
            (("injects",), "nothing starts the timeline: give one inject at_start or after_minutes")
        )
    return problems
